//! The message's form: nothing to send, length over the platform's limit, unbalanced WhatsApp markup,
//! shouting in capitals and emoji overload. Screen readers spell out capitals and read
//! every emoji's name, so both hurt the readers the accessibility rules protect.

use std::ops::Range;
use std::sync::OnceLock;

use super::urls;
use crate::checker::shared::covers;
use crate::checker::{Context, RawFinding, Rule};
use crate::i18n::Msg;
use crate::profile::{Channel, Severity};

pub struct FormatRules;

pub static RULE: FormatRules = FormatRules;

const EMPTY: &str = "format.empty";
const LENGTH: &str = "format.length";
const MARKUP: &str = "format.markup";
const SHOUTING: &str = "format.shouting";
const EMOJI: &str = "format.emoji";

const SOURCE_ACCESSIBILITY: &str = "Linee guida AgID sull'accessibilità degli strumenti informatici (WCAG 2.1)";

/// More emoji than this in one message, or a run longer than `MAX_EMOJI_RUN`, is too many.
const MAX_EMOJI: usize = 10;
const MAX_EMOJI_RUN: usize = 3;
/// Capitalised words (not acronyms) in a row that make a shout; a title alone on its line
/// ("*ALLERTA METEO ARANCIONE*") is a convention and may have one word more.
const SHOUT_WORDS: usize = 3;
/// Capitals a word needs to count as shouting (shorter ones are acronyms or "ORE", "VIA").
const LOUD_LETTERS: usize = 5;
const SHOUT_TITLE_WORDS: usize = 4;

impl Rule for FormatRules {
    fn ids(&self) -> &'static [&'static str] {
        &[EMPTY, LENGTH, MARKUP, SHOUTING, EMOJI]
    }

    fn check(&self, ctx: &Context<'_>, out: &mut Vec<RawFinding>) {
        empty(ctx, out);
        length(ctx, out);
        markup(ctx, out);
        shouting(ctx, out);
        emoji(ctx, out);
    }
}

/// Letters that are drawn as nothing, used to send "blank" messages: Braille pattern blank,
/// the Hangul fillers, Mongolian vowel separator, invisible math operators.
const BLANK_LOOKING: [char; 9] =
    ['\u{2800}', '\u{3164}', '\u{115f}', '\u{1160}', '\u{ffa0}', '\u{180e}', '\u{2062}', '\u{2063}', '\u{2064}'];

/// No text a reader could see (nothing, spaces, or only invisible characters, which the
/// normalised text has dropped) and no attachment: there is nothing to send, and a gate that
/// approved it would let a blank message out to every subscriber. An image or a document
/// without a caption is a message.
fn empty(ctx: &Context<'_>, out: &mut Vec<RawFinding>) {
    if ctx.text.chars().any(|c| !c.is_whitespace() && !BLANK_LOOKING.contains(&c)) || !ctx.draft.attachments.is_empty()
    {
        return;
    }
    out.push(RawFinding::new(
        EMPTY,
        Severity::Error,
        0..0,
        Msg::new(
            "Il messaggio è vuoto: non c'è nulla da inviare. Scrivi il testo o allega un file.",
            "The message is empty: there is nothing to send. Write the text or attach a file.",
        ),
        "Messaggio senza testo né allegati",
    ));
}

fn length(ctx: &Context<'_>, out: &mut Vec<RawFinding>) {
    let max = ctx.profile.platform.max_message_length as usize;
    // The platform counts the characters sent, invisible ones included: the text as written.
    // No more bytes than the limit: no more characters either.
    if ctx.original.len() <= max {
        return;
    }
    let Some((cut, _)) = ctx.original.char_indices().nth(max) else { return };
    let total = ctx.original.chars().count();
    out.push(RawFinding::new(
        LENGTH,
        Severity::Error,
        ctx.from_original(cut)..ctx.text.len(),
        Msg::new(
            format!(
                "Il messaggio ha {total} caratteri: la piattaforma ne accetta al massimo {max}. Accorcialo o dividilo."
            ),
            format!("The message has {total} characters: the platform accepts at most {max}. Shorten or split it."),
        ),
        format!("Limite della piattaforma ({max} caratteri)"),
    ));
}

// ---- markup ----

/// WhatsApp's markers: each must open and close within a line.
const MARKERS: [char; 3] = ['*', '_', '~'];

/// [`MARKERS`] as a byte table, for the test every line goes through.
static MARKER_BYTES: [bool; 256] = {
    let mut t = [false; 256];
    let mut i = 0;
    while i < MARKERS.len() {
        t[MARKERS[i] as usize] = true;
        i += 1;
    }
    t
};

fn markup(ctx: &Context<'_>, out: &mut Vec<RawFinding>) {
    let text = ctx.text;
    let links: Vec<Range<usize>> = urls::find(text).into_iter().map(|u| u.range).collect();
    // Monospace blocks may span lines; an odd count leaves the last one open.
    let fences: Vec<usize> = text.match_indices("```").map(|(i, _)| i).collect();
    let mut code: Vec<Range<usize>> = fences.chunks(2).filter(|c| c.len() == 2).map(|c| c[0]..c[1] + 3).collect();
    if fences.len() % 2 == 1 {
        let at = fences[fences.len() - 1];
        out.push(unbalanced(at..at + 3, "```"));
        code.push(at..text.len());
    }
    let mut line_start = 0;
    for line in text.split_inclusive('\n') {
        let base = line_start;
        line_start += line.len();
        // Byte test: the markers are ASCII, and most lines have none.
        if !line.bytes().any(|b| MARKER_BYTES[b as usize]) {
            continue;
        }
        let chars: Vec<(usize, char)> = line.char_indices().map(|(i, c)| (base + i, c)).collect();
        for marker in MARKERS {
            let mut open: Option<usize> = None;
            for (k, &(at, c)) in chars.iter().enumerate() {
                // Sorted and disjoint, searched by bisection: ```` ```* ```` repeated to 64 KB has
                // 8,192 blocks, and trying each took 43 ms and grew quadratically.
                if c != marker || covers(&links, at..at + 1) || covers(&code, at..at + 1) {
                    continue;
                }
                let before = if k == 0 { None } else { Some(chars[k - 1].1) };
                let after = chars.get(k + 1).map(|p| p.1);
                let word = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric());
                let space = |c: Option<char>| c.map_or(true, char::is_whitespace);
                // snake_case, 2*3, a~b: a marker between word characters is not markup.
                if word(before) && word(after) {
                    continue;
                }
                // "* voce" at the start of a line is a list bullet; a lone "*" is a footnote sign.
                if space(before) && space(after) {
                    continue;
                }
                // Runs like "**" or "__" are decoration WhatsApp shows as typed.
                if before == Some(marker) || after == Some(marker) {
                    continue;
                }
                let can_open = space(before) || !word(before) && !space(after);
                let can_close = !space(before);
                match open {
                    Some(_) if can_close => open = None,
                    None if can_open && !space(after) => open = Some(at),
                    None => out.push(unbalanced(at..at + 1, &marker.to_string())),
                    Some(_) => {}
                }
            }
            if let Some(at) = open {
                out.push(unbalanced(at..at + 1, &marker.to_string()));
            }
        }
    }
}

fn unbalanced(range: Range<usize>, marker: &str) -> RawFinding {
    RawFinding::new(
        MARKUP,
        Severity::Warning,
        range,
        Msg::new(
            format!("Formattazione non chiusa: «{marker}» apre uno stile che non si chiude sulla stessa riga, e comparirà come carattere."),
            format!("Unbalanced formatting: “{marker}” opens a style that is not closed on the same line and will show as a character."),
        ),
        "Formattazione WhatsApp (*grassetto*, _corsivo_, ~barrato~, ```monospazio```)",
    )
    .with_fix("")
}

// ---- shouting ----

fn acronyms() -> &'static [&'static str] {
    static CELL: OnceLock<Vec<&'static str>> = OnceLock::new();
    CELL.get_or_init(|| {
        include_str!("../../../data/lexicons/acronyms.txt")
            .lines()
            .map(|l| l.split('#').next().unwrap_or("").trim())
            .filter(|l| !l.is_empty())
            .collect()
    })
}

/// The channel's own keywords (ATTIVA ISCRIZIONE) are written in capitals on purpose.
fn keywords(ctx: &Context<'_>) -> Vec<String> {
    ctx.profile
        .channels
        .iter()
        .filter_map(|c| match c {
            Channel::WhatsappBroadcast { subscribe_keyword, unsubscribe_keyword, .. } => {
                Some([subscribe_keyword.clone(), unsubscribe_keyword.clone()])
            }
            _ => None,
        })
        .flatten()
        .flat_map(|k| k.split_whitespace().map(str::to_uppercase).collect::<Vec<_>>())
        .collect()
}

/// Words of letters (apostrophes and hyphens inside), with their byte ranges.
fn words(text: &str) -> Vec<(Range<usize>, &str)> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(text.len() / 6);
    let mut start: Option<usize> = None;
    let mut i = 0;
    while i < bytes.len() {
        // This runs over the whole message: ASCII is read without decoding.
        let c = if bytes[i].is_ascii() {
            char::from(bytes[i])
        } else {
            let Some(c) = text[i..].chars().next() else { break };
            c
        };
        let next = i + c.len_utf8();
        let inner = matches!(c, '\'' | '’' | '-')
            && start.is_some()
            && text[next..].chars().next().is_some_and(char::is_alphabetic);
        if c.is_alphabetic() || inner || (c.is_ascii_digit() && start.is_some()) {
            start.get_or_insert(i);
        } else if let Some(s) = start.take() {
            out.push((s..i, &text[s..i]));
        }
        i = next;
    }
    if let Some(s) = start {
        out.push((s..text.len(), &text[s..]));
    }
    out
}

fn is_upper_word(w: &str) -> bool {
    // One pass, out at the first lowercase letter (the second char of most words).
    let mut letters = 0;
    for c in w.chars().filter(|c| c.is_alphabetic()) {
        if !c.is_uppercase() {
            return false;
        }
        letters += 1;
    }
    letters >= 2
}

fn shouting(ctx: &Context<'_>, out: &mut Vec<RawFinding>) {
    // Most messages have no two capitals in a row: skip the word split for them.
    let mut prev_upper = false;
    let two_capitals = ctx.text.chars().any(|c| {
        let pair = prev_upper && c.is_uppercase();
        prev_upper = c.is_uppercase();
        pair
    });
    if !two_capitals {
        return;
    }
    let keywords = keywords(ctx);
    let is_kept = |w: &str| acronyms().contains(&w) || keywords.iter().any(|k| k == w);
    let is_excused = |w: &str| w.chars().filter(|c| c.is_alphabetic()).count() < LOUD_LETTERS || is_kept(w);
    let text = ctx.text;
    let mut run: Vec<(Range<usize>, &str)> = Vec::new();
    let mut shouts: Vec<(Range<usize>, String)> = Vec::new();
    let mut flush = |run: &mut Vec<(Range<usize>, &str)>| {
        let loud = run.iter().filter(|(_, w)| !is_excused(w)).count();
        let range = run.first().map_or(0..0, |f| f.0.start..run[run.len() - 1].0.end);
        if loud >= SHOUT_WORDS && (loud >= SHOUT_TITLE_WORDS || !is_title(text, &range)) {
            let keep: Vec<&str> = run.iter().map(|(_, w)| *w).filter(|w| is_kept(w)).collect();
            shouts.push((range.clone(), sentence_case(&text[range], &keep)));
        }
        run.clear();
    };
    // A line break or sentence end ends a run, and a run needs SHOUT_WORDS words of LOUD_LETTERS
    // capitals each: a line or sentence with fewer capitals than that is not split into words.
    let mut base = 0;
    for part in text.split_inclusive(ends_run) {
        let start = base;
        base += part.len();
        if capitals(part) < SHOUT_WORDS * LOUD_LETTERS {
            continue;
        }
        for (range, w) in words(part) {
            if is_upper_word(w) {
                run.push((start + range.start..start + range.end, w));
            } else {
                flush(&mut run);
            }
        }
        flush(&mut run);
    }
    // A title or a few words in capitals are the habit of Italian administrative notices (a
    // third of real ones has some): advice. A message that is mostly capitals shouts at its
    // readers and tires every one of them: a warning.
    let letters = |s: &str| s.chars().filter(|c| c.is_alphabetic()).count();
    let shouted: usize = shouts.iter().map(|(r, _)| letters(&text[r.clone()])).sum();
    let severity = if shouted * 2 >= letters(text) { Severity::Warning } else { Severity::Info };
    for (range, fix) in shouts {
        out.push(
            RawFinding::new(
                SHOUTING,
                severity,
                range,
                Msg::new(
                    "Testo in maiuscolo: si legge come un grido ed è più faticoso da leggere, anche con i lettori di schermo. Usa le minuscole.",
                    "Text in capitals: it reads as shouting and is harder to read, with screen readers too. Use lowercase.",
                ),
                SOURCE_ACCESSIBILITY,
            )
            .with_fix(fix),
        );
    }
}

/// A line break or a sentence end: a run of capitals stops there. A match, not a char array:
/// an array pattern is searched char by char against each element, and this runs on every char.
fn ends_run(c: char) -> bool {
    matches!(c, '\n' | '.' | '!' | '?')
}

/// Capital letters in `s`; ASCII ones counted without decoding.
fn capitals(s: &str) -> usize {
    let ascii = s.bytes().filter(u8::is_ascii_uppercase).count();
    if s.is_ascii() {
        return ascii;
    }
    ascii + s.chars().filter(|c| !c.is_ascii() && c.is_uppercase()).count()
}

/// Whether `range` is all the words of its line (a title between markup, emoji or punctuation).
fn is_title(text: &str, range: &Range<usize>) -> bool {
    let line_start = text[..range.start].rfind('\n').map_or(0, |i| i + 1);
    let line_end = text[range.end..].find('\n').map_or(text.len(), |i| range.end + i);
    let mut outside = text[line_start..range.start].chars().chain(text[range.end..line_end].chars());
    !outside.any(char::is_alphanumeric)
}

/// Lowercase with a capital first letter, keeping acronyms as they are.
fn sentence_case(s: &str, keep: &[&str]) -> String {
    let mut out = String::with_capacity(s.len());
    let mut first = true;
    let mut last = 0;
    for (range, w) in words(s) {
        out.push_str(&s[last..range.start]);
        if keep.contains(&w) {
            out.push_str(w);
        } else {
            let lower = w.to_lowercase();
            if first {
                let mut cs = lower.chars();
                if let Some(c) = cs.next() {
                    out.extend(c.to_uppercase());
                    out.push_str(cs.as_str());
                }
            } else {
                out.push_str(&lower);
            }
        }
        first = false;
        last = range.end;
    }
    out.push_str(&s[last..]);
    out
}

// ---- emoji ----

/// Pictographic code points (emoji blocks, dingbats, symbols, regional indicators).
fn is_pictograph(c: char) -> bool {
    matches!(c as u32,
        0x1F000..=0x1FAFF | 0x2600..=0x27BF | 0x2B00..=0x2BFF | 0x2300..=0x23FF | 0x2190..=0x21FF | 0x3030 | 0x303D | 0x3297 | 0x3299 | 0x00A9 | 0x00AE | 0x2122 | 0x2139 | 0x24C2)
        && !is_modifier(c)
}

/// Parts of an emoji that do not count on their own: skin tones, variation selectors,
/// the zero-width joiner, tags and the keycap.
fn is_modifier(c: char) -> bool {
    matches!(c as u32, 0x1F3FB..=0x1F3FF | 0xFE0E | 0xFE0F | 0x200D | 0xE0020..=0xE007F | 0x20E3)
}

fn is_regional_indicator(c: char) -> bool {
    matches!(c as u32, 0x1F1E6..=0x1F1FF)
}

/// Emoji as one unit each (ZWJ sequences, flags and modifiers included), with byte ranges.
fn emoji_units(text: &str) -> Vec<Range<usize>> {
    let mut units: Vec<Range<usize>> = Vec::new();
    let mut joined = false;
    let mut pending_flag = false;
    for (i, c) in text.char_indices() {
        if c.is_ascii() {
            // Neither a pictograph nor a modifier: it only ends a sequence.
            pending_flag = false;
            joined = false;
            continue;
        }
        let end = i + c.len_utf8();
        if is_modifier(c) {
            if let Some(last) = units.last_mut().filter(|u| u.end == i) {
                last.end = end;
            }
            joined = c == '\u{200D}';
            continue;
        }
        if is_pictograph(c) {
            let continues =
                units.last().is_some_and(|u| u.end == i) && (joined || (pending_flag && is_regional_indicator(c)));
            if continues {
                units.last_mut().expect("checked").end = end;
                pending_flag = false;
            } else {
                units.push(i..end);
                pending_flag = is_regional_indicator(c);
            }
        } else {
            pending_flag = false;
        }
        joined = false;
    }
    units
}

fn emoji(ctx: &Context<'_>, out: &mut Vec<RawFinding>) {
    let text = ctx.text;
    if text.is_ascii() {
        return;
    }
    let units = emoji_units(text);
    // Runs: emoji separated only by spaces.
    let mut k = 0;
    while k < units.len() {
        let mut j = k;
        while j + 1 < units.len() && text[units[j].end..units[j + 1].start].chars().all(|c| c == ' ') {
            j += 1;
        }
        let n = j - k + 1;
        if n > MAX_EMOJI_RUN {
            let range = units[k].start..units[j].end;
            out.push(
                RawFinding::new(
                    EMOJI,
                    Severity::Warning,
                    range,
                    Msg::new(
                        format!("{n} emoji di fila: i lettori di schermo li leggono uno per uno. Tienine uno."),
                        format!("{n} emoji in a row: screen readers read each one aloud. Keep one."),
                    ),
                    SOURCE_ACCESSIBILITY,
                )
                .with_fix(&text[units[k].clone()]),
            );
        }
        k = j + 1;
    }
    if units.len() > MAX_EMOJI {
        let extra = &units[MAX_EMOJI];
        out.push(RawFinding::new(
            EMOJI,
            Severity::Warning,
            extra.start..units[units.len() - 1].end,
            Msg::new(
                format!("{} emoji nel messaggio (più di {MAX_EMOJI}): appesantiscono la lettura, soprattutto con i lettori di schermo.", units.len()),
                format!("{} emoji in the message (more than {MAX_EMOJI}): they make the message harder to read, especially with screen readers.", units.len()),
            ),
            SOURCE_ACCESSIBILITY,
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checker::testing::{check, check_with, findings, profile};

    #[test]
    fn words_are_split_as_by_a_char_by_char_reading() {
        // The first, char-by-char form of `words`, as the reference for the byte-reading one.
        fn reference(text: &str) -> Vec<(Range<usize>, &str)> {
            let mut out = Vec::new();
            let mut start: Option<usize> = None;
            let mut iter = text.char_indices().peekable();
            while let Some((i, c)) = iter.next() {
                let next_is_letter = iter.peek().is_some_and(|&(_, n)| n.is_alphabetic());
                let inner = matches!(c, '\'' | '’' | '-') && start.is_some() && next_is_letter;
                if c.is_alphabetic() || inner || (c.is_ascii_digit() && start.is_some()) {
                    start.get_or_insert(i);
                } else if let Some(s) = start.take() {
                    out.push((s..i, &text[s..i]));
                }
            }
            if let Some(s) = start {
                out.push((s..text.len(), &text[s..]));
            }
            out
        }
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/corpus/clean");
        let mut texts: Vec<String> =
            std::fs::read_dir(dir).unwrap().map(|e| std::fs::read_to_string(e.unwrap().path()).unwrap()).collect();
        texts.push("L’ASSESSORE dell'Ufficio e-mail 3a-b 12-bis ΑΘΗΝΑ-é 🚧a’b -x x- '".into());
        for t in &texts {
            assert_eq!(words(t), reference(t), "{t}");
        }
    }

    #[test]
    fn an_empty_message_cannot_be_sent() {
        for text in ["", "   ", "\n\r\n\t", "\u{200b}\u{feff}\u{2060}", "\u{a0}\u{202f}", "\u{2800}\u{3164} \u{2800}"] {
            let r = check(text);
            assert!(!r.can_send, "{text:?}");
            let f = findings(&r, "format.empty");
            assert_eq!((f.len(), f[0].byte_start, f[0].byte_end), (1, 0, 0), "{text:?}");
        }
        for text in [".", "Avviso", "🚧"] {
            assert!(findings(&check(text), "format.empty").is_empty(), "{text:?}");
        }
    }

    #[test]
    fn an_attachment_without_a_caption_is_a_message() {
        let p = crate::checker::testing::profile();
        let draft = crate::checker::Draft {
            attachments: vec![crate::checker::Attachment { kind: "image".into(), ..Default::default() }],
            ..Default::default()
        };
        let now = crate::time::Timestamp::parse_rfc3339("2026-11-23T10:00:00+01:00").unwrap();
        let r = crate::checker::Checker::new(p).check(&draft, now, crate::i18n::Lang::It).unwrap();
        assert!(r.findings.iter().all(|f| f.rule != "format.empty"), "{:?}", r.findings);
    }

    #[test]
    fn length_counts_characters_not_bytes() {
        let mut p = profile();
        p.platform.max_message_length = 10;
        assert!(findings(&check_with(&p, "àèìòùàèìòù"), "format.length").is_empty());
        let r = check_with(&p, "àèìòùàèìòù🚧!");
        let f = findings(&r, "format.length");
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].text, "🚧!");
        assert_eq!(f[0].severity, Severity::Error);
        assert!(f[0].message.contains("12 caratteri"));
    }

    fn markup_texts(text: &str) -> Vec<String> {
        findings(&check(text), "format.markup").iter().map(|f| f.text.clone()).collect()
    }

    #[test]
    fn balanced_markup_passes() {
        for t in [
            "*Avviso*: la strada è _chiusa_ e ~aperta~.",
            "```codice``` e *grassetto*",
            "Vedi https://www.comune.esempio.mb.it/pagina_con_trattini_bassi_e_*asterischi",
            "La variabile nome_cognome e file_2026_v2.pdf",
            "* prima voce\n* seconda voce",
            "Costo 2 * 3 euro *",
            "Note** e __",
        ] {
            assert!(markup_texts(t).is_empty(), "{t}: {:?}", markup_texts(t));
        }
    }

    #[test]
    fn unbalanced_markup_is_flagged() {
        assert_eq!(markup_texts("*Avviso: strada chiusa."), vec!["*"]);
        assert_eq!(markup_texts("Strada _chiusa fino a domani"), vec!["_"]);
        assert_eq!(markup_texts("Via ~Roma\nchiusa~"), vec!["~", "~"]);
        assert_eq!(markup_texts("```blocco aperto"), vec!["```"]);
        let f = check("*Avviso").findings;
        let m = f.iter().find(|f| f.rule == "format.markup").unwrap();
        assert_eq!(m.fix.as_deref(), Some(""));
    }

    #[test]
    fn shouting_runs_but_not_acronyms_or_keywords() {
        let r = check("ATTENZIONE: DOMANI CHIUSURA STRADALE IN VIA ROMA PER LAVORI.");
        let f = findings(&r, "format.shouting");
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].text, "ATTENZIONE: DOMANI CHIUSURA STRADALE IN VIA ROMA PER LAVORI");
        assert_eq!(f[0].fix.as_deref(), Some("Attenzione: domani chiusura stradale in via roma per lavori"));
        for t in [
            "Pagamento TARI e IMU entro il 16: accedi con SPID o CIE allo SUAP.",
            "AVVISO IMPORTANTE: domani ZTL aperta.",
            "Scrivi ATTIVA ISCRIZIONE per iscriverti, DISATTIVA ISCRIZIONE per uscire.",
            "Emergenza COVID ASST ATS INPS.",
            "⚠️ *ALLERTA METEO ARANCIONE* ⚠️\nEvitate i sottopassi.",
        ] {
            assert!(findings(&check(t), "format.shouting").is_empty(), "{t}");
        }
    }

    /// Capitals in a title or for emphasis are advice; a message mostly in capitals warns.
    #[test]
    fn shouting_warns_when_the_capitals_are_most_of_the_message() {
        let severity = |t: &str| findings(&check(t), "format.shouting").iter().map(|f| f.severity).max();
        let title = "AVVISO CHIUSURA SCUOLE DI OGNI ORDINE E GRADO\nDomani le scuole resteranno chiuse per le avverse condizioni meteo previste dal bollettino regionale.";
        assert_eq!(severity(title), Some(Severity::Info));
        let emphasis = "Allerta arancione. SI RACCOMANDA LA MASSIMA PRUDENZA e di evitare i piani seminterrati e i sottopassi durante i temporali.";
        assert_eq!(severity(emphasis), Some(Severity::Info));
        let shout = "ATTENZIONE: DOMANI CHIUSURA STRADALE IN VIA ROMA PER LAVORI. Grazie.";
        assert_eq!(severity(shout), Some(Severity::Warning));
    }

    #[test]
    fn shouting_runs_end_at_lines_and_sentences() {
        let t =
            "Prima riga normale.\nDOMANI CHIUSURA STRADALE GENERALE\nAltro. ATTENZIONE ATTENZIONE ATTENZIONE! fine\n\
                 CHIUSURA STRADALE. GENERALE ATTENZIONE oggi\nL'ASSESSORE COMUNALE INFORMA TUTTI I CITTADINI che\n";
        let r = check(t);
        let found: Vec<&str> = findings(&r, "format.shouting").iter().map(|f| f.text.as_str()).collect();
        assert_eq!(
            found,
            [
                "DOMANI CHIUSURA STRADALE GENERALE",
                "ATTENZIONE ATTENZIONE ATTENZIONE",
                "L'ASSESSORE COMUNALE INFORMA TUTTI"
            ]
        );
    }

    #[test]
    fn emoji_counts_sequences_as_one() {
        assert_eq!(emoji_units("👨‍👩‍👧 🇮🇹 👍🏽 ❤️ a").len(), 4);
        assert!(findings(&check("🚧 Lavori 🚧 in via Roma ⚠️"), "format.emoji").is_empty());
        let r = check("Festa! 🎉🎉🎉🎉 vieni");
        let f = findings(&r, "format.emoji");
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].text, "🎉🎉🎉🎉");
        assert_eq!(f[0].fix.as_deref(), Some("🎉"));
        let many = "🎉 a 🎈 b 🎊 c 🎁 d 🎂 e 🍰 f 🎶 g 🎵 h 🌟 i ⭐ l ✨ m 🥳";
        let f = findings(&check(many), "format.emoji").into_iter().cloned().collect::<Vec<_>>();
        assert_eq!(f.len(), 1);
        assert!(f[0].message.starts_with("12 emoji"));
        assert_eq!(f[0].text, "✨ m 🥳");
    }
}
