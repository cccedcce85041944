//! `banditore document` and `banditore new` on the five seed profiles: the disciplinare carries
//! every article of the profile, the informativa every art. 13 element the profile has, and the
//! ODT files open in LibreOffice (headless, converted to text and PDF).

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const SEEDS: [&str; 5] = ["seveso", "leini", "concorezzo", "siracusa", "sesto-calende"];

fn banditore(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_banditore")).args(args).current_dir(env!("CARGO_MANIFEST_DIR")).output().unwrap()
}

fn ok(o: &Output) -> String {
    assert!(o.status.success(), "{}{}", String::from_utf8_lossy(&o.stdout), String::from_utf8_lossy(&o.stderr));
    String::from_utf8(o.stdout.clone()).unwrap()
}

fn profile(id: &str) -> serde_json::Value {
    let path = format!("{}/pkg-config/{id}.json", env!("CARGO_MANIFEST_DIR"));
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

fn strs(v: &serde_json::Value) -> Vec<String> {
    v.as_array().map(|a| a.iter().filter_map(|s| s.as_str()).map(str::to_owned).collect()).unwrap_or_default()
}

/// HTML text back to plain text: the escapes the writer uses, undone.
fn unescape(html: &str) -> String {
    html.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'").replace("&amp;", "&")
}

/// What the disciplinare must show: each article's heading and each paragraph's words.
fn article_texts(p: &serde_json::Value) -> Vec<String> {
    let mut out = Vec::new();
    for a in p["policy"]["articles"].as_array().unwrap() {
        out.push(format!("Art. {} – {}", a["number"].as_str().unwrap(), a["title"].as_str().unwrap()));
        for para in strs(&a["paragraphs"]) {
            out.push(para.strip_prefix("- ").unwrap_or(&para).trim().to_owned());
        }
    }
    out
}

/// Every art. 13 element the profile gives, as the informativa must quote it.
fn art13_texts(p: &serde_json::Value) -> Vec<String> {
    let pr = &p["privacy"];
    let mut out = Vec::new();
    for party in ["controller", "dpo", "platform_provider"] {
        for field in ["name", "address", "email", "pec", "phone"] {
            if let Some(s) = pr[party][field].as_str().filter(|s| !s.trim().is_empty()) {
                out.push(s.trim().to_owned());
            }
        }
    }
    out.extend(strs(&pr["purposes"]));
    out.extend(strs(&pr["recipients"]));
    for field in ["legal_basis_note", "retention", "transfers_outside_eu"] {
        if let Some(s) = pr[field].as_str().filter(|s| !s.trim().is_empty()) {
            out.push(s.trim().to_owned());
        }
    }
    out.push(match pr["legal_basis"].as_str() {
        Some("public-task") => "art. 6, par. 1, lett. e".to_owned(),
        _ => "art. 6, par. 1, lett. a".to_owned(),
    });
    out
}

#[test]
fn the_disciplinare_carries_every_article_of_the_profile() {
    for id in SEEDS {
        let p = profile(id);
        let html =
            unescape(&ok(&banditore(&["document", "-p", &format!("pkg-config/{id}.json"), "--kind", "disciplinare"])));
        assert!(html.starts_with("<!doctype html>\n<html lang=\"it\">"), "{id}");
        assert!(html.contains("size: A4"), "{id}: no A4 print stylesheet");
        let mut at = 0;
        for t in article_texts(&p) {
            // In the profile's order.
            let found = html[at..].find(&t).unwrap_or_else(|| panic!("{id}: missing or out of order: {t}"));
            at += found;
        }
        assert!(html.contains(p["policy"]["title"].as_str().unwrap()), "{id}: title");
    }
}

#[test]
fn the_informativa_carries_every_art_13_element_the_profile_has() {
    for id in SEEDS {
        let p = profile(id);
        let html =
            unescape(&ok(&banditore(&["document", "-p", &format!("pkg-config/{id}.json"), "-k", "informativa"])));
        for t in art13_texts(&p) {
            assert!(html.contains(&t), "{id}: missing {t}");
        }
        for heading in [
            "Titolare del trattamento",
            "Finalità e base giuridica",
            "Periodo di conservazione",
            "Destinatari dei dati",
        ] {
            assert!(html.contains(heading), "{id}: {heading}");
        }
    }
}

#[test]
fn usage_errors_exit_2_with_a_reason() {
    let o = banditore(&["document", "-p", "pkg-config/seveso.json", "-k", "delibera"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("disciplinare, informativa"));
    let o = banditore(&["document", "-p", "pkg-config/seveso.json", "-k", "informativa", "-f", "pdf"]);
    assert_eq!(o.status.code(), Some(2));
    let o = banditore(&["new", "--template", "milano"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("seveso, leini, concorezzo"));
}

fn tmp(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("banditore-doc-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn new_writes_a_profile_whose_placeholders_validate_flags() {
    let dir = tmp("new");
    let out = dir.join("mio-comune.json");
    let out_s = out.to_str().unwrap();
    ok(&banditore(&["new", "--template", "seveso", "--out", out_s]));
    let text = std::fs::read_to_string(&out).unwrap();
    assert!(text.contains("«DA COMPILARE: nome del Comune»"));
    // The notes say which template it came from; nothing else names the seed comune.
    let mut v: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert!(v["notes"][0].as_str().unwrap().contains("Seveso"));
    v.as_object_mut().unwrap().remove("notes");
    assert!(!v.to_string().to_lowercase().contains("seveso"), "the seed's name survived");
    let v = banditore(&["validate", out_s]);
    assert_eq!(v.status.code(), Some(1));
    let report = String::from_utf8_lossy(&v.stdout);
    for path in ["$.id:", "$.comune.name:", "$.comune.website:", "$.policy.articles[0].paragraphs[0]:"] {
        assert!(report.contains(&format!("errore: {path} segnaposto da compilare")), "{path}:\n{report}");
    }
    // Without --force an existing file is kept.
    let again = banditore(&["new", "--template", "seveso", "--out", out_s]);
    assert_eq!(again.status.code(), Some(2));

    // With the name and the site given, a seed whose articles name no mailbox or number needs
    // nothing else to validate (what the seed itself lacks stays a warning).
    let filled = dir.join("roccafittizia.json");
    ok(&banditore(&[
        "new",
        "--template",
        "seveso",
        "--name",
        "Roccafittizia",
        "--province",
        "MB",
        "--website",
        "https://www.comune.roccafittizia.mb.it",
        "--out",
        filled.to_str().unwrap(),
    ]));
    let report = ok(&banditore(&["validate", filled.to_str().unwrap()]));
    assert!(report.contains("valido"), "{report}");
}

/// LibreOffice's program, or `None` when the run asked to skip it (BANDITORE_SKIP_LIBREOFFICE=1).
fn soffice() -> Option<&'static str> {
    if std::env::var("BANDITORE_SKIP_LIBREOFFICE").as_deref() == Ok("1") {
        eprintln!("LibreOffice skipped (BANDITORE_SKIP_LIBREOFFICE=1)");
        return None;
    }
    let found = Command::new("soffice").arg("--version").output().is_ok_and(|o| o.status.success());
    assert!(found, "soffice not found: scripts/setup.sh installs libreoffice-writer-nogui");
    Some("soffice")
}

fn convert(soffice: &str, to: &str, dir: &Path, files: &[PathBuf]) {
    // Its own user profile: another LibreOffice on the machine must not lock this one out.
    let profile = format!("-env:UserInstallation=file://{}", dir.join("lo-profile").display());
    let o = Command::new(soffice)
        .args([profile.as_str(), "--headless", "--norestore", "--convert-to", to, "--outdir"])
        .arg(dir.join(to.split(':').next().unwrap()))
        .args(files)
        .output()
        .unwrap();
    assert!(o.status.success(), "soffice: {}", String::from_utf8_lossy(&o.stderr));
}

#[test]
fn libreoffice_opens_the_odt_documents() {
    let Some(soffice) = soffice() else { return };
    let dir = tmp("odt");
    let mut files = Vec::new();
    for id in SEEDS {
        for kind in ["disciplinare", "informativa"] {
            let f = dir.join(format!("{id}-{kind}.odt"));
            ok(&banditore(&[
                "document",
                "-p",
                &format!("pkg-config/{id}.json"),
                "-k",
                kind,
                "-f",
                "odt",
                "-o",
                f.to_str().unwrap(),
            ]));
            files.push(f);
        }
    }
    convert(soffice, "txt:Text (encoded):UTF8", &dir, &files);
    convert(soffice, "pdf", &dir, &files);
    let squash = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    for id in SEEDS {
        let p = profile(id);
        for (kind, expected) in [("disciplinare", article_texts(&p)), ("informativa", art13_texts(&p))] {
            let txt = std::fs::read_to_string(dir.join("txt").join(format!("{id}-{kind}.txt")))
                .unwrap_or_else(|e| panic!("{id}-{kind}: LibreOffice wrote no text: {e}"));
            let txt = squash(&txt);
            for t in expected {
                assert!(txt.contains(&squash(&t)), "{id}-{kind}: LibreOffice does not read {t:?}");
            }
            let pdf = std::fs::read(dir.join("pdf").join(format!("{id}-{kind}.pdf"))).unwrap();
            assert!(pdf.starts_with(b"%PDF-"), "{id}-{kind}: not a PDF");
            // A4 is 595 x 842 points.
            let pdf_text = String::from_utf8_lossy(&pdf);
            assert!(
                pdf_text.contains("/MediaBox[0 0 595") || pdf_text.contains("/MediaBox [0 0 595"),
                "{id}-{kind}: not A4"
            );
        }
    }
    let _ = std::fs::remove_dir_all(&dir);
}
