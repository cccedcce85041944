//! The profile reader and validation on arbitrary JSON text, and on seed profiles with one text
//! field replaced by arbitrary text. A profile that loads must then build a checker, a consent
//! flow and an informativa without a panic. The same text is read as an editor's draft too.
#![no_main]

use banditore::checker::{Checker, Draft};
use banditore::i18n::Lang;
use banditore::profile::{self, IssueLevel};
use banditore::time::Timestamp;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let [mode, which, f0, f1, rest @ ..] = data else { return };
    let text = String::from_utf8_lossy(rest);
    let json = if mode & 1 == 0 {
        text.into_owned()
    } else {
        banditore_fuzz::seed_with_text(*which, u16::from_le_bytes([*f0, *f1]), &text)
    };
    // The same reader takes the editors' drafts (as JSON.stringify writes them): a draft it reads
    // equals what serde reads, and one it refuses is named at a path.
    match banditore::checker::draft_json::parse_draft(&json) {
        Ok(d) => {
            if let Ok(s) = serde_json::from_str::<Draft>(&json) {
                assert_eq!(s, d);
            }
        }
        Err(e) => assert!(e.path.starts_with('$') && !e.message.en.is_empty()),
    }
    match profile::load(&json) {
        Ok((p, warnings)) => {
            assert!(warnings.iter().all(|w| w.level == IssueLevel::Warning));
            for w in &warnings {
                assert!(w.path.starts_with('$') && !w.message.it.is_empty() && !w.message.en.is_empty());
            }
            let checker = Checker::new(p.clone());
            let draft = Draft { text: "Mario Rossi, via Roma 3, tel. 333 1234567".into(), ..Default::default() };
            if let Ok(r) = checker.check(&draft, Timestamp(1_780_000_000), Lang::It) {
                banditore_fuzz::assert_spans(&draft.text, &r);
            }
            let _ = banditore::consent::Flow::new(&p, Lang::En, None);
            let inf = banditore::informativa::build(&p, p.channels.first(), Lang::It);
            let _ = banditore::informativa::render(&inf, banditore::informativa::Format::Html, Lang::It);
        }
        Err(issues) => {
            assert!(!issues.is_empty());
            assert!(issues.iter().any(|i| i.level == IssueLevel::Error));
            for i in &issues {
                assert!(i.path.starts_with('$') && !i.message.it.is_empty() && !i.message.en.is_empty());
            }
        }
    }
});
