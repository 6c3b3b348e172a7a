//! Paints mentions with the CSS Custom Highlight API: one `Highlight` per entity type in
//! `CSS.highlights`, styled by `::highlight(backstory-<style>-<palette>-<type>)` rules in the
//! content stylesheet. The page's DOM is never touched, so frameworks that own it do not
//! notice; switching style is switching names.

use super::bindings::{highlight_registry, Highlight};
use super::extract::PageText;
use super::options::Options;
use crate::kb::EntityType;
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

/// The page's highlights, one per entity type, registered under the names the reader's
/// style and palette select. Ranges are added and removed one by one as sections are read
/// and text goes away, so a dynamic page never repaints from scratch.
pub struct Painter {
    highlights: Vec<(EntityType, Highlight)>,
}

impl Painter {
    /// New, empty highlights; nothing shows until `show`.
    pub fn new() -> Result<Painter, JsValue> {
        highlight_registry()
            .ok_or_else(|| JsValue::from_str("this browser lacks the CSS Custom Highlight API"))?;
        let highlights = TYPES
            .into_iter()
            .map(|kind| Ok((kind, Highlight::new()?)))
            .collect::<Result<_, JsValue>>()?;
        Ok(Painter { highlights })
    }

    /// Registers the highlights under the names the options select (and removes any
    /// others). With the "none" style nothing is registered: cards still open on Alt+hover.
    pub fn show(&self, options: &Options) {
        clear();
        let Some(registry) = highlight_registry() else {
            return;
        };
        if options.paints() {
            for (kind, highlight) in &self.highlights {
                registry.set(&options.highlight_name(*kind), highlight);
            }
        }
    }

    fn of(&self, kind: EntityType) -> Option<&Highlight> {
        self.highlights
            .iter()
            .find(|(k, _)| *k == kind)
            .map(|(_, h)| h)
    }

    pub fn add(&self, kind: EntityType, range: &Range) {
        if let Some(highlight) = self.of(kind) {
            highlight.add(range);
        }
    }

    pub fn remove(&self, kind: EntityType, range: &Range) {
        if let Some(highlight) = self.of(kind) {
            highlight.delete(range);
        }
    }
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
