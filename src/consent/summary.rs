//! The policy in short: what the citizen should know before reading the full text.

use crate::i18n::Lang;
use crate::informativa::ComuneName;
use crate::profile::{Channel, Profile, Weekday};

pub fn summary(profile: &Profile, channel: &Channel, comune: &ComuneName, lang: Lang) -> Vec<String> {
    let it = lang == Lang::It;
    let (il, del, bare) = (&comune.il, &comune.del, &comune.bare);
    let mut v = Vec::new();
    let audience = profile.audience.description.trim().trim_end_matches('.');
    if !audience.is_empty() {
        v.push(if it { format!("A chi è rivolto: {audience}.") } else { format!("Who it is for: {audience}.") });
    }
    let cats: Vec<&str> = profile.categories.iter().map(|c| c.label.trim()).filter(|l| !l.is_empty()).collect();
    if !cats.is_empty() {
        v.push(if it {
            format!("Cosa riceverai: {}.", cats.join("; "))
        } else {
            format!("What you will receive: {}.", cats.join("; "))
        });
    }
    v.push(match (channel, it) {
        (Channel::WhatsappBroadcast { .. }, true) => format!("È un servizio solo in uscita: al numero {del} si scrive solo per iscriversi o cancellarsi e non si può chiamare; gli altri iscritti non vedono il tuo numero."),
        (Channel::WhatsappBroadcast { .. }, false) => format!("It is one-way only: you write to {bare}'s number only to subscribe or unsubscribe, and cannot call it; other subscribers cannot see your number."),
        (_, true) => format!("È un canale solo in uscita: non si può rispondere; né gli altri iscritti né {il} vedono il tuo numero."),
        (_, false) => format!("It is a one-way channel: you cannot reply, and neither other subscribers nor {bare} can see your number."),
    });
    if let Some(hours) = &profile.service_hours {
        let slots: Vec<String> =
            hours.slots.iter().map(|s| format!("{} {}–{}", days(&s.days, lang), s.from, s.to)).collect();
        if !slots.is_empty() {
            let mut line = if it {
                format!("Orari di invio: {}", slots.join("; "))
            } else {
                format!("Sending hours: {}", slots.join("; "))
            };
            if hours.emergency_exempt {
                line.push_str(if it { "; le emergenze anche fuori orario." } else { "; emergencies at any time." });
            } else {
                line.push('.');
            }
            v.push(line);
        }
    }
    let forbidden: Vec<&str> = profile.forbidden.iter().map(|f| f.label.trim()).filter(|l| !l.is_empty()).collect();
    if !forbidden.is_empty() {
        v.push(if it {
            format!("Il canale non sarà mai usato per: {}.", forbidden.join("; "))
        } else {
            format!("The channel will never be used for: {}.", forbidden.join("; "))
        });
    }
    if !profile.privacy.end_to_end_encrypted {
        v.push(if it {
            "I messaggi del canale non sono crittografati end-to-end: sono comunicazioni pubbliche.".to_owned()
        } else {
            "The channel's messages are not end-to-end encrypted: they are public communications.".to_owned()
        });
    }
    v.push(if it {
        "L'iscrizione è gratuita, facoltativa e revocabile in ogni momento.".to_owned()
    } else {
        "Joining is free, optional and can be undone at any time.".to_owned()
    });
    v.push(official_notice(comune, lang));
    v
}

/// The channel is not a formal communication channel (seed art. 2.6, Concorezzo art. 5, Sesto Calende art. 3 lett. e).
pub fn official_notice(comune: &ComuneName, lang: Lang) -> String {
    let (del, bare) = (&comune.del, &comune.bare);
    match lang {
        Lang::It => format!("Il canale non sostituisce i canali ufficiali {del}: per le comunicazioni formali valgono il sito istituzionale, la PEC e l'Albo Pretorio online."),
        Lang::En => format!("The channel does not replace {bare}'s official channels: formal communications go through the institutional website, certified e-mail (PEC) and the online Albo Pretorio (official notice board)."),
    }
}

/// "lun–ven" style day ranges: consecutive days are collapsed.
fn days(ds: &[Weekday], lang: Lang) -> String {
    const IT: [&str; 7] = ["lun", "mar", "mer", "gio", "ven", "sab", "dom"];
    const EN: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
    let names = if lang == Lang::It { IT } else { EN };
    let mut present = [false; 7];
    for d in ds {
        present[usize::from(d.index()) % 7] = true;
    }
    let idx: Vec<u8> = (0..7).filter(|&i| present[usize::from(i)]).collect();
    let mut parts = Vec::new();
    let mut i = 0;
    while i < idx.len() {
        let mut j = i;
        while j + 1 < idx.len() && idx[j + 1] == idx[j] + 1 {
            j += 1;
        }
        parts.push(if j > i + 1 {
            format!("{}–{}", names[idx[i] as usize], names[idx[j] as usize])
        } else if j == i + 1 {
            format!("{}, {}", names[idx[i] as usize], names[idx[j] as usize])
        } else {
            names[idx[i] as usize].to_owned()
        });
        i = j + 1;
    }
    parts.join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use Weekday::*;

    #[test]
    fn runs_of_three_or_more_days_are_ranges_pairs_and_singles_are_listed() {
        assert_eq!(days(&[Mon, Tue, Wed, Thu, Fri], Lang::It), "lun–ven");
        assert_eq!(days(&[Mon, Tue, Wed, Thu, Fri], Lang::En), "Mon–Fri");
        assert_eq!(days(&[Sat, Sun], Lang::It), "sab, dom");
        assert_eq!(days(&[Wed], Lang::En), "Wed");
        assert_eq!(days(&[Mon, Wed, Thu, Fri, Sun], Lang::It), "lun, mer–ven, dom");
        assert_eq!(days(&[], Lang::It), "");
    }

    #[test]
    fn order_and_repetition_in_the_profile_do_not_matter() {
        assert_eq!(days(&[Fri, Mon, Wed, Tue, Thu, Mon, Fri], Lang::It), "lun–ven");
        assert_eq!(days(&[Sun, Sat, Sun], Lang::En), "Sat, Sun");
    }
}
