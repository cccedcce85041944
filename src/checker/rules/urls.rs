//! Links in a message: found in the original text and split into the parts the link rules
//! and the markup rule look at. WhatsApp turns `www.x.it` and bare `x.it/path` into links
//! too, so those count as links (without a scheme).

use std::cell::{Cell, RefCell};
use std::ops::Range;

use crate::checker::scan::{self, is_digit, is_space, is_word, is_word_byte, Cursor};

/// One link as written in the message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Url<'t> {
    /// Byte range in the original text.
    pub range: Range<usize>,
    pub text: &'t str,
    /// Lowercase scheme (`https`, `http`, `javascript`, `data`...), empty when written without one.
    pub scheme: String,
    /// The `user[:pass]` part before an `@` in the authority, if any.
    pub userinfo: Option<&'t str>,
    /// Lowercase host without port or brackets (empty for `javascript:`/`data:`).
    pub host: String,
    /// Path, query and fragment, as written.
    pub path: &'t str,
}

/// Where links are, as this pattern finds them (`\b` ASCII; `\s`, `\w`, `\d` Unicode; letters
/// in either ASCII case):
/// ```text
/// \b(?:javascript|data|vbscript):[^\s]+
/// | \b[a-z][a-z0-9+.-]*://[^\s<>]+
/// | \bwww\.[^\s<>]+
/// | (?:^|[^@\w.\-/])(?:[a-z0-9\-]+\.)+[a-z]{2,12}(?::\d+)?(?:/[^\s<>]*)?
/// ```
/// Bare host names need a dot and a top-level domain of letters; their match includes the
/// character before the host, which [`link_ranges`] drops.
fn candidates(text: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    let memo = Memo::default();
    scan::find_iter(text, move |text, from| first_candidate(text, from, &memo))
}

/// What one search for a candidate learnt that the next may reuse: where the run of
/// `[A-Za-z0-9+.-]` read from some offset ends, and where the next dot is. A candidate can end
/// inside a run (`Mario+-t.co-Mario+-t.co-…` is one run of 64 KB holding thousands of links), and
/// the next search starts there: reading the run again from each would be quadratic (issue 12).
#[derive(Default)]
struct Memo {
    /// `(from, end)`: the run holding `from` ends at `end`, so does the run of any offset between.
    run: Cell<(usize, usize)>,
    /// `(from, dot)`: the first dot at or after `from` is at `dot` (the text's length if none).
    dot: Cell<(usize, usize)>,
}

impl Memo {
    fn run_end(&self, bytes: &[u8], i: usize, in_run: impl Fn(u8) -> bool) -> usize {
        let (from, end) = self.run.get();
        if from <= i && i < end {
            return end;
        }
        let end = i + bytes[i..].iter().take_while(|&&b| in_run(b)).count();
        self.run.set((i, end));
        end
    }

    fn next_dot(&self, bytes: &[u8], i: usize) -> usize {
        let (from, dot) = self.dot.get();
        if from <= i && i <= dot {
            return dot;
        }
        let dot = bytes[i..].iter().position(|&b| b == b'.').map_or(bytes.len(), |k| i + k);
        self.dot.set((i, dot));
        dot
    }
}

/// The first candidate starting at or after `from`. From its start (a bare host: from right
/// after the character it starts with) every match has a run of `[A-Za-z0-9+.-]` that holds a
/// dot or is followed by ':'; only those runs, and the character before each, are tried.
fn first_candidate(text: &str, from: usize, memo: &Memo) -> Option<Range<usize>> {
    let bytes = text.as_bytes();
    let in_run = |b: u8| b.is_ascii_alphanumeric() || matches!(b, b'+' | b'.' | b'-');
    let mut i = from;
    while i < bytes.len() {
        if !in_run(bytes[i]) {
            i += 1;
            continue;
        }
        let end = memo.run_end(bytes, i, in_run);
        if memo.next_dot(bytes, i) < end || bytes.get(end) == Some(&b':') {
            let lead = text[from..i].chars().next_back().map_or(i, |c| i - c.len_utf8());
            let found = (lead..end)
                .filter(|&s| text.is_char_boundary(s))
                .find_map(|s| scheme_link(text, s, end).or_else(|| bare_host_link(text, s)).map(|e| s..e));
            if found.is_some() {
                return found;
            }
        }
        i = end;
    }
    None
}

/// The first three alternatives: an opaque scheme, any `scheme://`, `www.`. `run_end` is where
/// the run of `[A-Za-z0-9+.-]` holding `start` ends: every start in a run shares it, so it is
/// not read again from each of them ("a.a.a.a…" would be quadratic, issue 12).
fn scheme_link(text: &str, start: usize, run_end: usize) -> Option<usize> {
    let mut c = Cursor::new(text, start);
    if !(c.peek().is_some_and(|b| b.is_ascii_alphabetic()) && c.ascii_boundary()) {
        return None;
    }
    // The first two alternatives' scheme is the whole run of these bytes, so a ':' must follow
    // it; the third starts "www.". Most words are neither: turned down after one pass.
    let mut scheme = Cursor::new(text, run_end);
    if scheme.peek() != Some(b':') && !Cursor::new(text, start).eat_ascii_ci("www.") {
        return None;
    }
    let not_space_or_angle = |ch: char| !is_space(ch) && ch != '<' && ch != '>';
    let mut opaque = c;
    if ["javascript", "data", "vbscript"].iter().any(|s| opaque.eat_ascii_ci(s))
        && opaque.eat(b':')
        && opaque.eat_chars_while(|ch| !is_space(ch)) > 0
    {
        return Some(opaque.pos);
    }
    if scheme.eat_str("://") && scheme.eat_chars_while(not_space_or_angle) > 0 {
        return Some(scheme.pos);
    }
    let hit = c.eat_ascii_ci("www") && c.eat(b'.') && c.eat_chars_while(not_space_or_angle) > 0;
    hit.then_some(c.pos)
}

/// The bare-host alternative at `start`: the start of the text or a character that cannot
/// precede a host (not a word character, '@', '.', '-', '/'), then the host and the rest.
fn bare_host_link(text: &str, start: usize) -> Option<usize> {
    if start == 0 {
        if let Some(end) = host_and_rest(text, 0) {
            return Some(end);
        }
    }
    let lead = match *text.as_bytes().get(start)? {
        // Inside a word, at once.
        b if b.is_ascii() => (!is_word_byte(b) && !matches!(b, b'@' | b'.' | b'-' | b'/')).then_some(1)?,
        _ => text[start..].chars().next().filter(|&c| !is_word(c)).map(char::len_utf8)?,
    };
    host_and_rest(text, start + lead)
}

/// `(?:[a-z0-9\-]+\.)+[a-z]{2,12}(?::\d+)?(?:/[^\s<>]*)?` at `pos`. The repetition takes every
/// "label." there is (a label cannot hold a dot, so each is a whole run), then backs off one
/// label at a time until 2-12 letters follow a dot: the top-level domain is the first letters
/// of the last label that starts with two.
fn host_and_rest(text: &str, pos: usize) -> Option<usize> {
    let mut c = Cursor::new(text, pos);
    let mut tld_end = None;
    loop {
        let mut label = c;
        if label.eat_while(|b| b.is_ascii_alphanumeric() || b == b'-') == 0 || !label.eat(b'.') {
            break;
        }
        c = label;
        let letters = Cursor::new(text, c.pos).eat_upto(12, |b| b.is_ascii_alphabetic());
        if letters >= 2 {
            tld_end = Some(c.pos + letters);
        }
    }
    let mut c = Cursor::new(text, tld_end?);
    let mut port = c;
    if port.eat(b':') && port.eat_chars_while(is_digit) > 0 {
        c = port;
    }
    if c.eat(b'/') {
        c.eat_chars_while(|ch| !is_space(ch) && ch != '<' && ch != '>');
    }
    Some(c.pos)
}

/// Characters that end a sentence or close markup rather than belong to the link.
fn trim_end(s: &str) -> &str {
    let mut s = s.trim_end_matches(|c: char| {
        matches!(c, '.' | ',' | ';' | ':' | '!' | '?' | '"' | '\'' | '*' | '_' | '~' | '»' | '>')
    });
    // A closing parenthesis belongs to the link only if it opened one. Counted once: a link
    // followed by thousands of ')' must not count them once per ')' (issue 12).
    let opened = s.matches('(').count();
    let mut closed = s.matches(')').count();
    while s.ends_with(')') && opened < closed {
        closed -= 1;
        s = s[..s.len() - 1].trim_end_matches(['.', ',', ';', ':', '!', '?']);
    }
    s
}

/// Every link in `text`, in order. Several rules ask for the links of the same message in
/// one check, so each thread remembers the last message's link ranges (compared by content,
/// never by address).
pub fn find(text: &str) -> Vec<Url<'_>> {
    thread_local! {
        static LAST: RefCell<(String, Vec<Range<usize>>)> = const { RefCell::new((String::new(), Vec::new())) };
    }
    LAST.with(|cell| {
        let mut last = cell.borrow_mut();
        if last.0 != text {
            last.1 = link_ranges(text);
            last.0.clear();
            last.0.push_str(text);
        }
        last.1.iter().filter_map(|r| parse(&text[r.clone()], r.start)).collect()
    })
}

fn link_ranges(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    for m in candidates(text) {
        // The bare-host alternative consumes the character before the host.
        let lead = text[m.clone()].find(|c: char| c.is_ascii_alphanumeric()).unwrap_or(0);
        let start = m.start + lead;
        let candidate = trim_end(&text[start..m.end]);
        if candidate.is_empty() {
            continue;
        }
        if let Some(url) = parse(candidate, start) {
            // Bare "parola.parola" is a link only with a path, "www." or a known top-level domain.
            if url.scheme.is_empty() && !looks_like_bare_link(&url) {
                continue;
            }
            out.push(url.range);
        }
    }
    out
}

fn looks_like_bare_link(url: &Url<'_>) -> bool {
    let tld = url.host.rsplit('.').next().unwrap_or("");
    url.host.starts_with("www.") || !url.path.is_empty() || KNOWN_TLDS.contains(&tld)
}

/// Top-level domains common enough in Italian messages that a bare `nome.tld` is a link.
const KNOWN_TLDS: &[&str] = &[
    "it", "eu", "com", "net", "org", "info", "gov", "edu", "ly", "gl", "gd", "co", "io", "me", "to", "be", "ru", "cn",
    "xyz", "top", "app", "link", "click", "tk", "ml", "ga", "cf", "online", "site", "biz", "us", "uk", "de", "fr",
    "es", "ch",
];

fn parse(s: &str, offset: usize) -> Option<Url<'_>> {
    let range = offset..offset + s.len();
    let lower = s.to_ascii_lowercase();
    for opaque in ["javascript:", "data:", "vbscript:"] {
        if lower.starts_with(opaque) {
            let scheme = opaque.trim_end_matches(':').to_owned();
            return Some(Url { range, text: s, scheme, userinfo: None, host: String::new(), path: &s[opaque.len()..] });
        }
    }
    let (scheme, rest) = match s.find("://") {
        Some(i) => (s[..i].to_ascii_lowercase(), &s[i + 3..]),
        None => (String::new(), s),
    };
    let auth_end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let (authority, path) = rest.split_at(auth_end);
    let (userinfo, hostport) = match authority.rfind('@') {
        Some(i) => (Some(&authority[..i]), &authority[i + 1..]),
        None => (None, authority),
    };
    let host = if let Some(v6) = hostport.strip_prefix('[') {
        v6.split(']').next().unwrap_or("")
    } else {
        hostport.split(':').next().unwrap_or("")
    };
    if host.is_empty() {
        return None;
    }
    Some(Url { range, text: s, scheme, userinfo, host: host.to_lowercase(), path })
}

/// Whether `host` is `domain` or one of its subdomains.
pub fn host_is_within(host: &str, domain: &str) -> bool {
    // Asked for every link and listed domain: compared in place, without lowercasing a copy.
    let domain = domain.trim().trim_start_matches("*.").trim_end_matches('.');
    let Some(cut) = host.len().checked_sub(domain.len()) else { return false };
    !domain.is_empty()
        && host.get(cut..).is_some_and(|tail| tail.eq_ignore_ascii_case(domain))
        && (cut == 0 || host.as_bytes()[cut - 1] == b'.')
}

/// The lowercase host of a URL written in a profile (`https://www.comune.x.it/albo`).
pub fn host_of(url: &str) -> Option<String> {
    let url = url.trim();
    if url.is_empty() {
        return None;
    }
    parse(url, 0).map(|u| u.host).filter(|h| !h.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hosts(text: &str) -> Vec<(String, String)> {
        find(text).into_iter().map(|u| (u.text.to_owned(), u.host)).collect()
    }

    #[test]
    fn finds_links_with_and_without_scheme() {
        let t = "Vedi https://www.comune.esempio.mb.it/albo. Oppure www.inps.it, o bit.ly/abc!";
        let h = hosts(t);
        assert_eq!(h[0], ("https://www.comune.esempio.mb.it/albo".to_owned(), "www.comune.esempio.mb.it".to_owned()));
        assert_eq!(h[1], ("www.inps.it".to_owned(), "www.inps.it".to_owned()));
        assert_eq!(h[2], ("bit.ly/abc".to_owned(), "bit.ly".to_owned()));
        assert_eq!(h.len(), 3);
    }

    #[test]
    fn e_mails_and_abbreviations_are_not_links() {
        assert!(find("Scrivi a info@comune.esempio.mb.it entro le 12.30, ecc. Grazie.").is_empty());
    }

    #[test]
    fn splits_userinfo_port_and_brackets() {
        let u = &find("(vai su http://comune.it@192.168.1.1:8080/x.apk)")[0];
        assert_eq!(u.userinfo, Some("comune.it"));
        assert_eq!(u.host, "192.168.1.1");
        assert_eq!(u.path, "/x.apk");
        assert_eq!(u.text, "http://comune.it@192.168.1.1:8080/x.apk");
        let v6 = &find("http://[::1]/a")[0];
        assert_eq!(v6.host, "::1");
        assert_eq!(find("javascript:alert(1)")[0].scheme, "javascript");
    }

    #[test]
    fn remembers_only_the_same_text() {
        assert_eq!(find("vai su www.inps.it").len(), 1);
        assert_eq!(find("vai su www.inps.it").len(), 1);
        assert!(find("vai su inps").is_empty());
        assert_eq!(find("vai su www.inps.it")[0].text, "www.inps.it");
    }

    #[test]
    fn host_suffixes() {
        assert!(host_is_within("www.comune.esempio.mb.it", "comune.esempio.mb.it"));
        assert!(!host_is_within("fakecomune.esempio.mb.it", "comune.esempio.mb.it"));
        assert_eq!(
            host_of("https://www.comune.esempio.mb.it/albo-pretorio").as_deref(),
            Some("www.comune.esempio.mb.it")
        );
    }

    #[test]
    fn finds_what_the_regex_it_replaces_found() {
        let alphabet = [
            "https://",
            "Www.",
            "data:",
            "JavaScript:",
            "x",
            "it",
            "comune",
            "1",
            ".",
            ".",
            "-",
            "/",
            ":",
            ":8080",
            "@",
            "<",
            " ",
            "\u{a0}",
            "é",
            "\u{301}",
            "😀",
            "_",
            "٣",
        ];
        crate::checker::scan::testing::assert_finds_like(
            concat!(
                r"(?:(?-u:\b)(?i-u:javascript|data|vbscript):[^\s]+",
                r"|(?-u:\b)(?i-u:[a-z][a-z0-9+.-]*)://[^\s<>]+",
                r"|(?-u:\b)(?i-u:www)\.[^\s<>]+",
                r"|(?:^|[^@\w.\-/])(?i-u:(?:[a-z0-9\-]+\.)+[a-z]{2,12})(?::\d+)?(?:/[^\s<>]*)?)"
            ),
            &alphabet,
            |t| candidates(t).collect(),
        );
    }
}
