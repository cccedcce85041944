//! `banditore revision <profile.json> [--record | --bump [--message M]]`: the policy's revision
//! and the content hashes it was cut at (`policy.revision_hashes`), which `validate` compares
//! with the profile's current content. Without an option it prints the hashes and what changed;
//! `--record` stores the current hashes under the same revision (a formal fix: nobody is asked
//! again); `--bump` starts a new revision (returning citizens are asked again).
//! Writing touches only those three fields of `policy`: the rest of the file stays byte for byte
//! as the comune wrote it.

use std::process::ExitCode;

use banditore::consent::section_hashes;

#[derive(clap::Args)]
pub struct Args {
    /// Il file del profilo / The profile file.
    #[arg(value_name = "PROFILE.json")]
    profile: String,
    /// Registra le impronte attuali senza cambiare revisione / Record the current hashes, same revision.
    #[arg(long, conflicts_with = "bump")]
    record: bool,
    /// Nuova revisione: chi ha già dato il consenso lo ridarà / New revision: returning citizens are asked again.
    #[arg(long)]
    bump: bool,
    /// Con --bump: cosa è cambiato, mostrato a chi torna / With --bump: what changed, shown to returning visitors.
    #[arg(long, requires = "bump")]
    message: Option<String>,
}

pub fn run(args: Args) -> ExitCode {
    let (mut profile, _) = match super::load_profile(&args.profile) {
        Ok(p) => p,
        Err(code) => return code,
    };
    let current = section_hashes(&profile);
    let pol = &mut profile.policy;
    let mut report = format!("revisione / revision: {}\n", pol.revision.map_or("-".to_owned(), |r| r.to_string()));
    for (section, hash) in &current {
        let state = match pol.revision_hashes.get(*section) {
            None => "non registrata / not recorded",
            Some(h) if h == hash => "invariata / unchanged",
            Some(_) => "CAMBIATA / CHANGED",
        };
        report.push_str(&format!("  {section:<12} {hash}  {state}\n"));
    }
    if !args.record && !args.bump {
        super::out(&report);
        return ExitCode::SUCCESS;
    }
    if args.bump {
        pol.revision = Some(pol.revision.map_or(1, |r| r.saturating_add(1)));
        pol.revision_message = args.message.unwrap_or_default();
    } else if pol.revision.is_none() {
        pol.revision = Some(1);
    }
    pol.revision_hashes = current.into_iter().map(|(s, h)| (s.to_owned(), h)).collect();
    let original = match super::read_input(&args.profile) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::from(super::EXIT_USAGE);
        }
    };
    let Some(text) = with_revision(&original, &profile.policy) else {
        eprintln!("{}: oggetto «policy» non trovato / no \"policy\" object", args.profile);
        return ExitCode::from(super::EXIT_USAGE);
    };
    if let Err(e) = std::fs::write(&args.profile, text) {
        eprintln!("{}: {e}", args.profile);
        return ExitCode::from(super::EXIT_USAGE);
    }
    eprintln!("{}: revisione / revision {} registrata / recorded", args.profile, profile.policy.revision.unwrap_or(1));
    ExitCode::SUCCESS
}

/// The profile's text with `policy.revision`, `revision_message` and `revision_hashes` replaced
/// (removed, then added after the policy's last field), indented like the policy's other fields.
/// `text` is a profile that has just been read, so it is valid JSON.
fn with_revision(text: &str, pol: &banditore::profile::Policy) -> Option<String> {
    const OURS: [&str; 3] = ["revision", "revision_message", "revision_hashes"];
    let policy_at = |t: &str| -> Option<(Vec<Member>, usize)> {
        let b = t.as_bytes();
        let root = members(b, skip_ws(b, 0))?;
        members(b, root.0.iter().find(|m| m.key == "policy")?.value.0)
    };
    // Remove the old fields, each with the separator before it (after it, for the first field).
    let mut out = text.to_owned();
    let (fields, _) = policy_at(text)?;
    for (n, m) in fields.iter().enumerate().rev() {
        if !OURS.contains(&m.key.as_str()) {
            continue;
        }
        let span = match (n.checked_sub(1).map(|p| &fields[p]), fields.get(n + 1)) {
            (Some(prev), _) => prev.value.1..m.value.1,
            (None, Some(next)) => m.key_start..next.key_start,
            (None, None) => m.key_start..m.value.1,
        };
        out.replace_range(span, "");
    }
    let (fields, _) = policy_at(&out)?;
    let (first, last) = (fields.first()?, fields.last()?);
    let line_start = out[..first.key_start].rfind('\n').map_or(0, |i| i + 1);
    let indent = out[line_start..first.key_start].to_owned();
    let q = |s: &str| serde_json::to_string(s).unwrap_or_default();
    let mut add = String::new();
    if let Some(r) = pol.revision {
        add.push_str(&format!(",\n{indent}\"revision\": {r}"));
    }
    if !pol.revision_message.is_empty() {
        add.push_str(&format!(",\n{indent}\"revision_message\": {}", q(&pol.revision_message)));
    }
    let hashes: Vec<String> =
        pol.revision_hashes.iter().map(|(k, v)| format!("{indent}  {}: {}", q(k), q(v))).collect();
    add.push_str(&format!(",\n{indent}\"revision_hashes\": {{\n{}\n{indent}}}", hashes.join(",\n")));
    out.insert_str(last.value.1, &add);
    Some(out)
}

struct Member {
    key: String,
    key_start: usize,
    /// Byte span of the value.
    value: (usize, usize),
}

fn skip_ws(b: &[u8], mut i: usize) -> usize {
    while i < b.len() && b[i].is_ascii_whitespace() {
        i += 1;
    }
    i
}

/// The end of the string starting at `i` (its opening quote).
fn skip_string(b: &[u8], mut i: usize) -> usize {
    i += 1;
    while i < b.len() && b[i] != b'"' {
        i += if b[i] == b'\\' { 2 } else { 1 };
    }
    i + 1
}

fn skip_value(b: &[u8], i: usize) -> usize {
    match b.get(i) {
        Some(b'"') => skip_string(b, i),
        Some(b'{' | b'[') => {
            let (mut depth, mut j) = (0usize, i);
            while j < b.len() {
                match b[j] {
                    b'"' => {
                        j = skip_string(b, j);
                        continue;
                    }
                    b'{' | b'[' => depth += 1,
                    b'}' | b']' => {
                        depth -= 1;
                        if depth == 0 {
                            return j + 1;
                        }
                    }
                    _ => {}
                }
                j += 1;
            }
            j
        }
        _ => {
            let mut j = i;
            while j < b.len() && !matches!(b[j], b',' | b'}' | b']') && !b[j].is_ascii_whitespace() {
                j += 1;
            }
            j
        }
    }
}

/// The members of the object whose `{` is at `open`, and the position of its `}`.
fn members(b: &[u8], open: usize) -> Option<(Vec<Member>, usize)> {
    if b.get(open) != Some(&b'{') {
        return None;
    }
    let mut out = Vec::new();
    let mut i = skip_ws(b, open + 1);
    loop {
        match b.get(i)? {
            b'}' => return Some((out, i)),
            b'"' => {
                let end = skip_string(b, i);
                let key = serde_json::from_slice::<String>(&b[i..end]).ok()?;
                let colon = skip_ws(b, end);
                let start = skip_ws(b, colon + 1);
                let stop = skip_value(b, start);
                out.push(Member { key, key_start: i, value: (start, stop) });
                i = skip_ws(b, stop);
                if b.get(i) == Some(&b',') {
                    i = skip_ws(b, i + 1);
                }
            }
            _ => return None,
        }
    }
}
