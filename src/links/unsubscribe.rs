//! How to leave, per channel kind: consent is revocable at any time (seed art. 6.2), so the
//! widget always says how.

use crate::i18n::Lang;
use crate::profile::Channel;

/// The steps to leave this channel. The profile's own instructions are Italian: in Italian they
/// replace the generic "how" step (saying both repeated the same instruction), in English the
/// generic step stands.
pub fn unsubscribe_steps(channel: &Channel, lang: Lang) -> Vec<String> {
    let mut steps = Vec::new();
    let own = match channel {
        Channel::WhatsappChannel { leave_instructions, .. }
        | Channel::WhatsappBroadcast { leave_instructions, .. }
        | Channel::TelegramChannel { leave_instructions, .. } => leave_instructions.trim(),
        _ => "",
    };
    let it = lang == Lang::It;
    let own_replaces_how = it && !own.is_empty();
    if own_replaces_how {
        steps.push(own.to_owned());
    }
    match channel {
        Channel::WhatsappChannel { .. } => {
            if !own_replaces_how {
                steps.push(if it {
                "In WhatsApp apri la scheda «Aggiornamenti», tieni premuto il canale (o aprilo e tocca il suo nome) e scegli «Non seguire più»."
            } else {
                "In WhatsApp open the \"Updates\" tab, long-press the channel (or open it and tap its name) and choose \"Unfollow\"."
            }.to_owned());
            }
            steps.push(
                if it {
                    "Il Comune non vede il tuo numero: smettere di seguire il canale basta a uscire."
                } else {
                    "The Comune does not see your number: unfollowing the channel is all it takes to leave."
                }
                .to_owned(),
            );
        }
        Channel::WhatsappBroadcast { unsubscribe_keyword, number, .. } => {
            let kw = unsubscribe_keyword.trim();
            if !own_replaces_how {
                steps.push(if it {
                    format!("Invia su WhatsApp il messaggio «{kw}» al numero {number}.")
                } else {
                    format!("Send the WhatsApp message \"{kw}\" to {number}.")
                });
            }
            steps.push(if it {
                "Il Comune ti toglie dalla lista e cancella i dati che ti riguardano; poi puoi anche eliminare il numero dalla rubrica."
            } else {
                "The Comune removes you from the list and erases your data; you may then also delete the number from your contacts."
            }.to_owned());
        }
        Channel::TelegramChannel { .. } if !own_replaces_how => {
            steps.push(
                if it {
                    "In Telegram apri il canale, tocca il suo nome e scegli «Abbandona canale»."
                } else {
                    "In Telegram open the channel, tap its name and choose \"Leave channel\"."
                }
                .to_owned(),
            );
        }
        Channel::TelegramChannel { .. } => {}
        Channel::WhatsappGroup { .. } | Channel::TelegramGroup { .. } => {
            steps.push(
                if it {
                    "Esci dal gruppo dalla sua scheda informazioni."
                } else {
                    "Leave the group from its info page."
                }
                .to_owned(),
            );
        }
    }
    steps
}
