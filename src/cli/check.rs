//! `banditore check --profile P [--category ID] [--at RFC3339] [--lang it|en] [--format text|json] [FILE|-]`:
//! checks a draft before sending. Text output shows each finding at `file:line:col` with its
//! source line and a caret line under it; JSON is the report exactly as the WASM API returns it.
//! Exit 0 when the draft can be sent, 1 when it has errors, 2 on usage or profile errors.

use std::fmt::Write as _;
use std::process::ExitCode;

use banditore::checker::{Checker, Draft, Finding, Report};
use banditore::i18n::Lang;
use banditore::profile::Severity;
use banditore::time::Timestamp;

#[derive(clap::Args)]
#[command(after_help = "\
Esempi / Examples:
  banditore check --profile pkg-config/seveso.json messaggio.txt
  echo 'Chiusa via Roma' | banditore check --profile pkg-config/leini.json --category viabilita -
  banditore check --profile p.json --at 2026-05-04T09:30:00+02:00 --format json bozza.txt

Uscita / Exit status: 0 inviabile / can be sent; 1 ci sono errori / has errors;
  2 uso errato, file illeggibile o profilo non valido / usage error, unreadable file or invalid profile.")]
pub struct Args {
    /// Profilo del comune (JSON) / The comune's profile (JSON).
    #[arg(long, short, value_name = "PROFILE.json")]
    profile: String,
    /// Categoria del messaggio (id del profilo) / The message's category (a profile id).
    #[arg(long, short)]
    category: Option<String>,
    /// Ora di invio (RFC 3339); predefinita: adesso / Send time (RFC 3339); default: now.
    #[arg(long, value_name = "RFC3339")]
    at: Option<String>,
    /// Lingua dei messaggi / Message language: it, en.
    #[arg(long, short, default_value = "it")]
    lang: String,
    /// Formato / Format: text, json.
    #[arg(long, short, default_value = "text")]
    format: String,
    /// Il messaggio ("-" o assente per lo standard input) / The draft ("-" or none for stdin).
    #[arg(default_value = "-", value_name = "FILE")]
    file: String,
}

pub fn run(args: Args) -> ExitCode {
    match run_inner(args) {
        Ok(code) => code,
        Err(message) => {
            eprintln!("{message}");
            ExitCode::from(super::EXIT_USAGE)
        }
    }
}

fn run_inner(args: Args) -> Result<ExitCode, String> {
    let lang: Lang = args.lang.parse()?;
    let json = match args.format.trim().to_ascii_lowercase().as_str() {
        "text" => false,
        "json" => true,
        other => return Err(format!("formato non supportato / unsupported format: {other:?} (text, json)")),
    };
    let now = match &args.at {
        Some(at) => Timestamp::parse_rfc3339(at).map_err(|e| format!("--at: {e}"))?,
        None => Timestamp(
            std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_secs() as i64),
        ),
    };
    let (profile, _warnings) = match super::load_profile(&args.profile) {
        Ok(p) => p,
        Err(code) => return Ok(code),
    };
    if let Some(c) = &args.category {
        if !profile.categories.iter().any(|k| &k.id == c) {
            let known: Vec<&str> = profile.categories.iter().map(|k| k.id.as_str()).collect();
            return Err(format!(
                "--category {c:?}: categoria assente dal profilo / not a category of the profile ({})",
                known.join(", ")
            ));
        }
    }
    let text = super::read_input(&args.file)?;
    let draft = Draft { text, category: args.category.clone(), ..Default::default() };
    let report = Checker::new(profile).check(&draft, now, lang).map_err(|e| e.to_string())?;
    if json {
        super::out(&(serde_json::to_string_pretty(&report).map_err(|e| format!("JSON: {e}"))? + "\n"));
    } else {
        let name = if args.file == "-" { "<stdin>" } else { args.file.as_str() };
        super::out(&render_text(name, &draft.text, &report, lang));
    }
    Ok(if report.can_send { ExitCode::SUCCESS } else { ExitCode::from(1) })
}

fn severity_label(s: Severity, lang: Lang) -> &'static str {
    match (s, lang) {
        (Severity::Error, Lang::It) => "errore",
        (Severity::Warning, Lang::It) => "avviso",
        (Severity::Info, Lang::It) => "info",
        (Severity::Error, Lang::En) => "error",
        (Severity::Warning, Lang::En) => "warning",
        (Severity::Info, Lang::En) => "info",
    }
}

/// The whole text report: one block per finding, then a summary line.
pub fn render_text(name: &str, text: &str, report: &Report, lang: Lang) -> String {
    let mut out = String::new();
    let lines = Lines::new(text);
    for f in &report.findings {
        render_finding(&mut out, name, text, &lines, f, lang);
    }
    let count = |s| report.findings.iter().filter(|f| f.severity == s).count();
    let (e, w, i) = (count(Severity::Error), count(Severity::Warning), count(Severity::Info));
    let _ = match lang {
        Lang::It => writeln!(
            out,
            "{name}: {}, {}, {i} info: {}",
            super::count(e, "errore", "errori"),
            super::count(w, "avviso", "avvisi"),
            if report.can_send { "si può inviare" } else { "da correggere prima dell'invio" }
        ),
        Lang::En => writeln!(
            out,
            "{name}: {}, {}, {i} info: {}",
            super::count(e, "error", "errors"),
            super::count(w, "warning", "warnings"),
            if report.can_send { "can be sent" } else { "fix before sending" }
        ),
    };
    out
}

/// Line starts and char counts of a text, worked out once: a 64 KB line with thousands of
/// findings must not be scanned again for each (issue 12).
struct Lines {
    starts: Vec<usize>,
    /// Chars before each byte offset (on char boundaries).
    chars: Vec<u32>,
}

impl Lines {
    fn new(text: &str) -> Self {
        let starts = std::iter::once(0).chain(text.match_indices('\n').map(|(i, _)| i + 1)).collect();
        let mut chars = vec![0; text.len() + 1];
        let mut n = 0;
        for (i, c) in text.char_indices() {
            chars[i] = n;
            n += 1;
            chars[i + c.len_utf8()] = n;
        }
        Lines { starts, chars }
    }

    /// The line (1-based) and its start byte.
    fn line_of(&self, byte: usize) -> (usize, usize) {
        let i = self.starts.partition_point(|&s| s <= byte);
        (i, self.starts[i - 1])
    }

    fn chars_between(&self, from: usize, to: usize) -> usize {
        (self.chars[to] - self.chars[from]) as usize
    }
}

/// Chars of a long source line shown on each side of a finding.
const CONTEXT_CHARS: usize = 60;

fn render_finding(out: &mut String, name: &str, text: &str, lines: &Lines, f: &Finding, lang: Lang) {
    let (line, line_start) = lines.line_of(f.byte_start);
    // Columns count chars, and a CR right before the finding is not one (as `text::line_col`).
    let crs = text[line_start..f.byte_start].bytes().rev().take_while(|&b| b == b'\r').count();
    let col = lines.chars_between(line_start, f.byte_start) - crs + 1;
    let _ = writeln!(out, "{name}:{line}:{col}: {} [{}] {}", severity_label(f.severity, lang), f.rule, f.message);
    let line_end = lines.starts.get(line).map_or(text.len(), |&next| next - 1);
    let line_end = if text[..line_end].ends_with('\r') { line_end - 1 } else { line_end };
    let on_line_end = f.byte_end.min(line_end).max(f.byte_start);
    // A long line is shown around the finding only, with "…" where it is cut.
    let from = nth_char_back(text, f.byte_start, CONTEXT_CHARS).max(line_start);
    let to = nth_char_forward(text, on_line_end, CONTEXT_CHARS).min(line_end);
    let (cut_before, cut_after) = (from > line_start, to < line_end);
    let shown = format!(
        "{}{}{}",
        if cut_before { "…" } else { "" },
        text[from..to].trim_end_matches('\r'),
        if cut_after { "…" } else { "" }
    );
    let gutter = line.to_string();
    let pad = " ".repeat(gutter.len());
    let _ = writeln!(out, "{gutter} | {shown}");
    // Keep tabs so the caret lines up with the source line in a terminal.
    let lead: String = std::iter::repeat(' ')
        .take(usize::from(cut_before))
        .chain(text[from..f.byte_start].chars().filter(|c| *c != '\r').map(|c| if c == '\t' { '\t' } else { ' ' }))
        .collect();
    let width = text[f.byte_start..on_line_end.min(to).max(f.byte_start)].chars().count().max(1);
    let _ = writeln!(out, "{pad} | {lead}{}", "^".repeat(width));
    let (source, fix) = match lang {
        Lang::It => ("fonte", "correzione"),
        Lang::En => ("source", "fix"),
    };
    if !f.source.is_empty() {
        let _ = writeln!(out, "{pad} = {source}: {}", f.source);
    }
    if let Some(x) = &f.fix {
        let _ = writeln!(out, "{pad} = {fix}: {x}");
    }
}

/// The byte offset `n` chars before `at` (or 0).
fn nth_char_back(text: &str, at: usize, n: usize) -> usize {
    text[..at].char_indices().rev().take(n).last().map_or(at, |(i, _)| i)
}

/// The byte offset `n` chars after `at` (or the end).
fn nth_char_forward(text: &str, at: usize, n: usize) -> usize {
    text[at..].char_indices().nth(n).map_or(text.len(), |(i, _)| at + i)
}
