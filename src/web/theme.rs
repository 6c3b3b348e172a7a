//! Whether the page reads dark: the card matches the page's own background, falling back to
//! the reader's `prefers-color-scheme` when the page paints none.

use web_sys::{Document, Window};

/// Relative luminance below which a background counts as dark.
const DARK_LUMINANCE: f64 = 0.35;

/// (r, g, b, alpha) of a computed `rgb()`/`rgba()` colour.
fn parse_rgb(colour: &str) -> Option<(f64, f64, f64, f64)> {
    let inner = colour
        .trim()
        .strip_prefix("rgba(")
        .or_else(|| colour.trim().strip_prefix("rgb("))?
        .strip_suffix(')')?;
    let parts: Vec<f64> = inner
        .split([',', ' ', '/'])
        .filter(|p| !p.is_empty())
        .map(|p| p.trim().parse::<f64>())
        .collect::<Result<_, _>>()
        .ok()?;
    match parts.as_slice() {
        [r, g, b] => Some((*r, *g, *b, 1.0)),
        [r, g, b, a] => Some((*r, *g, *b, *a)),
        _ => None,
    }
}

fn luminance(r: f64, g: f64, b: f64) -> f64 {
    let channel = |c: f64| {
        let c = c / 255.0;
        if c <= 0.03928 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)
}

pub fn page_is_dark(window: &Window, document: &Document) -> bool {
    let elements = [document.body().map(Into::into), document.document_element()];
    for element in elements.into_iter().flatten() {
        let colour = window
            .get_computed_style(&element)
            .ok()
            .flatten()
            .and_then(|s| s.get_property_value("background-color").ok());
        if let Some((r, g, b, alpha)) = colour.as_deref().and_then(parse_rgb) {
            if alpha > 0.5 {
                return luminance(r, g, b) < DARK_LUMINANCE;
            }
        }
    }
    window
        .match_media("(prefers-color-scheme: dark)")
        .ok()
        .flatten()
        .is_some_and(|m| m.matches())
}
