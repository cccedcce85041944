//! The informativa as plain text, Markdown or HTML. Profile text is escaped for the format:
//! a `<script>` in a profile prints as text, never as markup.

use super::Informativa;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Text,
    Markdown,
    Html,
}

impl std::str::FromStr for Format {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim().to_ascii_lowercase().as_str() {
            "text" | "txt" => Ok(Format::Text),
            "markdown" | "md" => Ok(Format::Markdown),
            "html" => Ok(Format::Html),
            other => Err(format!("formato non supportato / unsupported format: {other:?} (text, markdown, html)")),
        }
    }
}

pub fn render(inf: &Informativa, format: Format, lang: crate::i18n::Lang) -> String {
    match format {
        Format::Text => text(inf),
        Format::Markdown => markdown(inf),
        Format::Html => html(inf, lang),
    }
}

fn text(inf: &Informativa) -> String {
    let mut out = format!("{}\n{}\n\n{}\n", inf.title, "=".repeat(inf.title.chars().count()), inf.intro);
    for s in &inf.sections {
        out.push_str(&format!("\n{}\n{}\n", s.heading, "-".repeat(s.heading.chars().count())));
        for p in &s.paragraphs {
            out.push_str(p);
            out.push('\n');
        }
    }
    if !inf.url.is_empty() {
        out.push_str(&format!("\n{}\n", inf.url));
    }
    out
}

fn markdown(inf: &Informativa) -> String {
    let mut out = format!("# {}\n\n{}\n", md_escape(&inf.title), md_escape(&inf.intro));
    for s in &inf.sections {
        out.push_str(&format!("\n## {}\n\n", md_escape(&s.heading)));
        for p in &s.paragraphs {
            match p.strip_prefix("- ") {
                Some(item) => out.push_str(&format!("- {}\n", md_escape(item))),
                None => out.push_str(&format!("{}\n\n", md_escape(p))),
            }
        }
    }
    if !inf.url.is_empty() {
        out.push_str(&format!("\n<{}>\n", inf.url.replace(['<', '>', ' '], "")));
    }
    out
}

fn html(inf: &Informativa, lang: crate::i18n::Lang) -> String {
    let mut out = format!(
        "<article class=\"informativa\" lang=\"{}\">\n<h1>{}</h1>\n<p>{}</p>\n",
        lang.code(),
        esc(&inf.title),
        esc(&inf.intro)
    );
    for s in &inf.sections {
        out.push_str(&format!("<section id=\"informativa-{}\">\n<h2>{}</h2>\n", s.id, esc(&s.heading)));
        let mut in_list = false;
        for p in &s.paragraphs {
            let item = p.strip_prefix("- ");
            if item.is_some() != in_list {
                out.push_str(if in_list { "</ul>\n" } else { "<ul>\n" });
                in_list = !in_list;
            }
            match item {
                Some(i) => out.push_str(&format!("<li>{}</li>\n", esc(i))),
                None => out.push_str(&format!("<p>{}</p>\n", esc(p))),
            }
        }
        if in_list {
            out.push_str("</ul>\n");
        }
        out.push_str("</section>\n");
    }
    if inf.url.starts_with("https://") {
        out.push_str(&format!("<p><a href=\"{0}\">{0}</a></p>\n", esc(&inf.url)));
    }
    out.push_str("</article>\n");
    out
}

/// HTML text and attribute escaping.
pub fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

/// Backslash-escapes what Markdown would read as markup (and raw HTML).
fn md_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if matches!(c, '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|' | '!') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}
