//! The QR SVG scans: rasterise the SVG's own path (not qrcodegen's matrix) and decode it with
//! an independent decoder (rqrr), then compare with the link.

use banditore::i18n::Lang;
use banditore::qr::{qr_svg, text_alternative};

/// Reads `viewBox="0 0 N N"` and the `M x,y h w v1 h-w z` runs the SVG draws; returns the
/// module grid (true = dark).
fn modules(svg: &str) -> Vec<Vec<bool>> {
    let vb = svg.split("viewBox=\"0 0 ").nth(1).unwrap();
    let n: usize = vb.split(' ').next().unwrap().parse().unwrap();
    let mut grid = vec![vec![false; n]; n];
    let d = svg.split(" d=\"").nth(1).unwrap().split('"').next().unwrap();
    for run in d.split('M').filter(|r| !r.is_empty()) {
        let (xy, rest) = run.split_once('h').unwrap();
        let (x, y) = xy.split_once(',').unwrap();
        let (x, y): (usize, usize) = (x.parse().unwrap(), y.parse().unwrap());
        let w: usize = rest.split('v').next().unwrap().parse().unwrap();
        assert_eq!(rest, format!("{w}v1h-{w}z"), "unexpected path command {run}");
        for cell in &mut grid[y][x..x + w] {
            *cell = true;
        }
    }
    grid
}

fn decode(svg: &str) -> String {
    let grid = modules(svg);
    let scale = 4;
    let size = grid.len() * scale;
    let mut img =
        rqrr::PreparedImage::prepare_from_greyscale(
            size,
            size,
            |x, y| if grid[y / scale][x / scale] { 0 } else { 255 },
        );
    let grids = img.detect_grids();
    assert_eq!(grids.len(), 1, "exactly one QR code found");
    grids[0].decode().expect("decodes").1
}

#[test]
fn seed_links_scan_back_to_themselves() {
    for link in [
        "https://whatsapp.com/channel/0029Vau1S7v3mFY6qWhRCg1N",
        "https://whatsapp.com/channel/0029Vb2B50YHVvTYXDqSpE1U",
        "https://wa.me/393665784663?text=ATTIVA%20ISCRIZIONE",
        "https://t.me/+AbCdEf_123-xyz",
    ] {
        let qr = qr_svg(link).unwrap();
        assert_eq!(decode(&qr.svg), link);
        assert_eq!(modules(&qr.svg).len(), qr.size as usize + 8, "4-module quiet zone on each side");
    }
}

#[test]
fn svg_is_self_contained_markup_without_the_text() {
    let link = "https://wa.me/393665784663?text=ATTIVA%20ISCRIZIONE";
    let qr = qr_svg(link).unwrap();
    assert!(qr.svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""));
    assert!(qr.svg.ends_with("</svg>"));
    assert!(!qr.svg.contains("wa.me") && !qr.svg.contains("href") && !qr.svg.contains("<script"));
    // Only the characters of numbers and fixed markup.
    assert!(qr.svg.chars().all(|c| c.is_ascii() && c != '&' && c != '\''));
}

#[test]
fn text_alternative_carries_the_link() {
    let link = "https://whatsapp.com/channel/0029Vau1S7v3mFY6qWhRCg1N";
    assert!(text_alternative(link, Lang::It).contains(link));
    assert!(text_alternative(link, Lang::It).starts_with("Codice QR"));
    assert!(text_alternative(link, Lang::En).starts_with("QR code"));
}

#[test]
fn too_long_text_is_an_error_not_a_panic() {
    let long = "x".repeat(5000);
    let e = qr_svg(&long).unwrap_err();
    assert!(e.en.contains("too long"));
}
