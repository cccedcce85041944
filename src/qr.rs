//! QR codes for join links, as SVG, with a text alternative.
//!
//! The SVG is built from the QR modules alone and holds no profile text, so the widget may
//! insert it as markup; what it encodes is said in the text alternative instead.

use qrcodegen::{QrCode, QrCodeEcc};

use crate::i18n::{Lang, Msg};

/// Quiet zone around the code, in modules (the QR spec asks for 4).
const BORDER: i32 = 4;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Qr {
    /// `<svg>` markup, one `path` for the dark modules on a white square.
    pub svg: String,
    /// Modules per side, quiet zone excluded.
    pub size: i32,
}

/// Encodes `text` (a link) with medium error correction: a phone camera reads it from a
/// screen or a printed page, and it stays small.
pub fn qr_svg(text: &str) -> Result<Qr, Msg> {
    let code = QrCode::encode_text(text, QrCodeEcc::Medium)
        .map_err(|_| Msg::new("testo troppo lungo per un codice QR", "text too long for a QR code"))?;
    let size = code.size();
    let full = size + 2 * BORDER;
    let mut path = String::with_capacity((size * size) as usize * 4);
    for y in 0..size {
        let mut x = 0;
        while x < size {
            if code.get_module(x, y) {
                // One horizontal run per `h`: a third of the markup of one rect per module.
                let start = x;
                while x < size && code.get_module(x, y) {
                    x += 1;
                }
                path.push_str(&format!("M{},{}h{}v1h-{}z", start + BORDER, y + BORDER, x - start, x - start));
            } else {
                x += 1;
            }
        }
    }
    let svg = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {full} {full}\" shape-rendering=\"crispEdges\" \
         aria-hidden=\"true\" focusable=\"false\"><rect width=\"{full}\" height=\"{full}\" fill=\"#fff\"/>\
         <path fill=\"#000\" d=\"{path}\"/></svg>"
    );
    Ok(Qr { svg, size })
}

/// What a screen reader says instead of the picture: the link itself, which the citizen can
/// also type or tap.
pub fn text_alternative(url: &str, lang: Lang) -> String {
    match lang {
        Lang::It => {
            format!("Codice QR che apre il link {url}. Inquadralo con la fotocamera del telefono, oppure usa il link.")
        }
        Lang::En => format!("QR code opening the link {url}. Scan it with your phone's camera, or use the link."),
    }
}
