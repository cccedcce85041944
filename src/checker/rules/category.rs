//! The draft's category: every message belongs to one of the kinds of content the policy
//! allows (seed art. 2.1), and the emergency category is what exempts it from the hours.

use crate::checker::{Context, RawFinding, Rule};
use crate::i18n::Msg;
use crate::profile::Severity;

pub struct CategoryRule;

pub static RULE: CategoryRule = CategoryRule;

const MISSING: &str = "category.missing";
const NOT_ALLOWED: &str = "category.not-allowed";

/// Every article the allowed categories come from (Concorezzo lists them under art. 4 lett. a-f
/// and art. 2), letters of one article joined: "art. 4 lett. a, b, c; art. 2".
fn source(ctx: &Context<'_>) -> String {
    let name = &ctx.profile.comune.name;
    let mut groups: Vec<(&str, Vec<&str>)> = Vec::new();
    for src in ctx.profile.categories.iter().flat_map(|c| c.source.split([',', ';'])).map(str::trim) {
        let (article, letter) = match src.split_once(" lett. ") {
            Some((a, l)) => (a.trim(), Some(l.trim())),
            None => (src, None),
        };
        if article.is_empty() {
            continue;
        }
        let at = match groups.iter().position(|(a, _)| *a == article) {
            Some(i) => i,
            None => {
                groups.push((article, Vec::new()));
                groups.len() - 1
            }
        };
        if let Some(l) = letter.filter(|l| !groups[at].1.contains(l)) {
            groups[at].1.push(l);
        }
    }
    if groups.is_empty() {
        return format!("{} {name}, contenuti ammessi", ctx.policy_name());
    }
    let cited: Vec<String> = groups
        .iter()
        .map(|(a, ls)| if ls.is_empty() { (*a).to_owned() } else { format!("{a} lett. {}", ls.join(", ")) })
        .collect();
    format!("{} {name} {}", ctx.policy_name(), cited.join("; "))
}

/// The categories as the comune names them ("«Pubblica utilità», «Eventi»"), the way an editor sees them
/// in the category menu, not their ids.
fn label_list(ctx: &Context<'_>) -> Msg {
    let label = |c: &&crate::profile::Category| {
        if c.label.trim().is_empty() {
            c.id.clone()
        } else {
            c.label.trim().to_owned()
        }
    };
    let cats = &ctx.profile.categories;
    Msg::new(
        cats.iter().map(|c| format!("«{}»", label(&c))).collect::<Vec<_>>().join(", "),
        cats.iter().map(|c| format!("“{}”", label(&c))).collect::<Vec<_>>().join(", "),
    )
}

impl Rule for CategoryRule {
    fn ids(&self) -> &'static [&'static str] {
        &[MISSING, NOT_ALLOWED]
    }

    fn check(&self, ctx: &Context<'_>, out: &mut Vec<RawFinding>) {
        // No fix: the category is chosen in the editor's category menu, and a fix would replace text.
        match ctx.draft.category.as_deref().map(str::trim) {
            None | Some("") => {
                let labels = label_list(ctx);
                out.push(RawFinding::new(
                    MISSING,
                    Severity::Info,
                    0..0,
                    Msg::new(
                        format!("Scegli una categoria per il messaggio: {}.", labels.it),
                        format!("Choose a category for the message: {}.", labels.en),
                    ),
                    source(ctx),
                ))
            }
            Some(cat) if !ctx.profile.categories.iter().any(|c| c.id == cat) => {
                let labels = label_list(ctx);
                out.push(RawFinding::new(
                    NOT_ALLOWED,
                    Severity::Error,
                    0..0,
                    Msg::new(
                        format!("La categoria «{cat}» non è tra quelle previste dal disciplinare: {}.", labels.it),
                        format!("Category “{cat}” is not one the policy allows: {}.", labels.en),
                    ),
                    source(ctx),
                ))
            }
            Some(_) => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::checker::testing::{findings, profile};
    use crate::checker::{Checker, Draft};
    use crate::i18n::Lang;
    use crate::profile::Severity;
    use crate::time::Timestamp;

    fn check_cat(cat: Option<&str>) -> crate::checker::Report {
        let draft = Draft { text: "Domani mercato.".into(), category: cat.map(Into::into), ..Default::default() };
        let now = Timestamp::parse_rfc3339("2026-11-23T10:00:00+01:00").unwrap();
        Checker::new(profile()).check(&draft, now, Lang::It).unwrap()
    }

    #[test]
    fn missing_category_is_info_with_the_list() {
        for cat in [None, Some(" ")] {
            let r = check_cat(cat);
            let f = findings(&r, "category.missing");
            assert_eq!(f.len(), 1);
            assert_eq!(f[0].severity, Severity::Info);
            assert_eq!(f[0].fix, None, "a category is chosen in the menu, not written into the text");
            assert!(
                f[0].message.ends_with(": «Emergenze e allerte», «Pubblica utilità», «Iniziative ed eventi»."),
                "{}",
                f[0].message
            );
            assert!(!f[0].message.contains("pubblica-utilita"));
            assert_eq!(f[0].source, "Disciplinare Esempio art. 2.1");
        }
    }

    #[test]
    fn unknown_category_is_an_error() {
        let r = check_cat(Some("propaganda"));
        let f = findings(&r, "category.not-allowed");
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].severity, Severity::Error);
        assert!(f[0].message.contains("propaganda"));
        assert!(!r.can_send);
        let ok = check_cat(Some("eventi"));
        assert!(findings(&ok, "category.missing").is_empty() && findings(&ok, "category.not-allowed").is_empty());
    }

    #[test]
    fn the_source_cites_every_article_the_categories_come_from() {
        let mut p = profile();
        let sources = ["art. 4 lett. a", "art. 4 lett. b", "art. 2, art. 3"];
        for (c, s) in p.categories.iter_mut().zip(sources) {
            c.source = s.to_owned();
        }
        let draft = Draft { text: "Domani mercato.".into(), ..Default::default() };
        let now = Timestamp::parse_rfc3339("2026-11-23T10:00:00+01:00").unwrap();
        let r = Checker::new(p).check(&draft, now, Lang::It).unwrap();
        assert_eq!(
            findings(&r, "category.missing")[0].source,
            "Disciplinare Esempio art. 4 lett. a, b; art. 2; art. 3"
        );
    }
}
