//! Paints mentions with the CSS Custom Highlight API: one `Highlight` per entity type in
//! `CSS.highlights`, styled by `::highlight(backstory-<style>-<palette>-<type>)` rules in the
//! content stylesheet. The page's DOM is never touched, so frameworks that own it do not
//! notice; switching style is switching names.

use super::bindings::{highlight_registry, Highlight};
use super::extract::PageText;
use super::options::Options;
use crate::kb::EntityType;
use crate::scan::Scan;
use wasm_bindgen::JsValue;
use web_sys::{Document, Range};

pub const TYPES: [EntityType; 3] = [
    EntityType::Person,
    EntityType::Organization,
    EntityType::Place,
];
const STYLES: [&str; 3] = ["underline", "tint", "none"];
const PALETTES: [&str; 2] = ["default", "contrast"];
/// The mention the card's previous/next buttons moved to, briefly marked.
pub const FLASH: &str = "backstory-flash";

/// A DOM range for bytes `start..end` of the page text.
pub fn range_for(
    document: &Document,
    page: &PageText,
    start: usize,
    end: usize,
) -> Result<Range, JsValue> {
    let first = page
        .run_at(start)
        .ok_or_else(|| JsValue::from_str("mention outside the page text"))?;
    let last = page
        .run_at(end)
        .ok_or_else(|| JsValue::from_str("mention outside the page text"))?;
    let range = document.create_range()?;
    range.set_start(&page.runs[first].node, page.utf16_offset(first, start))?;
    range.set_end(&page.runs[last].node, page.utf16_offset(last, end))?;
    Ok(range)
}

/// Ranges for every mention (same order as `scan.mentions`); a mention whose nodes left the
/// document, or whose category the reader switched off (`shown` false), gets None.
pub fn mention_ranges(
    document: &Document,
    page: &PageText,
    scan: &Scan,
    shown: impl Fn(usize) -> bool,
) -> Vec<Option<Range>> {
    scan.mentions
        .iter()
        .map(|m| {
            shown(m.entity)
                .then(|| range_for(document, page, m.start, m.end).ok())
                .flatten()
        })
        .collect()
}

pub fn paint(scan: &Scan, ranges: &[Option<Range>], options: &Options) -> Result<(), JsValue> {
    clear();
    if !options.paints() {
        return Ok(());
    }
    let registry = highlight_registry()
        .ok_or_else(|| JsValue::from_str("this browser lacks the CSS Custom Highlight API"))?;
    for kind in TYPES {
        let highlight = Highlight::new()?;
        for (mention, range) in scan.mentions.iter().zip(ranges) {
            if scan.entities[mention.entity].kind == kind {
                if let Some(range) = range {
                    highlight.add(range);
                }
            }
        }
        registry.set(&options.highlight_name(kind), &highlight);
    }
    Ok(())
}

/// Marks one range until `unflash`.
pub fn flash(range: &Range) {
    if let (Some(registry), Ok(highlight)) = (highlight_registry(), Highlight::new()) {
        highlight.add(range);
        registry.set(FLASH, &highlight);
    }
}

pub fn unflash() {
    if let Some(registry) = highlight_registry() {
        registry.delete(FLASH);
    }
}

/// Removes every highlight this extension may have registered.
pub fn clear() {
    if let Some(registry) = highlight_registry() {
        for style in STYLES {
            for palette in PALETTES {
                for kind in TYPES {
                    registry.delete(&format!("backstory-{style}-{palette}-{}", kind.as_str()));
                }
            }
        }
        registry.delete(FLASH);
    }
}
