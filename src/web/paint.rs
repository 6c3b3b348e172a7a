//! Paints mentions with the CSS Custom Highlight API: one `Highlight` per entity type in
//! `CSS.highlights`, styled by `::highlight(backstory-<type>)` rules in the content
//! stylesheet. The page's DOM is never touched, so frameworks that own it do not notice.

use super::bindings::{highlight_registry, Highlight};
use super::extract::PageText;
use crate::kb::EntityType;
use crate::scan::Scan;
use wasm_bindgen::JsValue;
use web_sys::{Document, Range};

pub const TYPES: [EntityType; 3] = [
    EntityType::Person,
    EntityType::Organization,
    EntityType::Place,
];

pub fn highlight_name(kind: EntityType) -> String {
    format!("backstory-{}", kind.as_str())
}

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
/// document gets None.
pub fn mention_ranges(document: &Document, page: &PageText, scan: &Scan) -> Vec<Option<Range>> {
    scan.mentions
        .iter()
        .map(|m| range_for(document, page, m.start, m.end).ok())
        .collect()
}

pub fn paint(scan: &Scan, ranges: &[Option<Range>]) -> Result<(), JsValue> {
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
        registry.set(&highlight_name(kind), &highlight);
    }
    Ok(())
}

pub fn clear() {
    if let Some(registry) = highlight_registry() {
        for kind in TYPES {
            registry.delete(&highlight_name(kind));
        }
    }
}
