//! Browser APIs web-sys does not cover (or only behind unstable flags): the CSS Custom
//! Highlight API, caret hit-testing and `checkVisibility`. Every call that a browser may
//! lack is declared `catch`, so a missing API is an error value, not a crash.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, Node, Range};

#[wasm_bindgen]
extern "C" {
    /// `Highlight`: a set of ranges painted by `::highlight(name)` rules.
    pub type Highlight;
    #[wasm_bindgen(constructor, catch)]
    pub fn new() -> Result<Highlight, JsValue>;
    #[wasm_bindgen(method)]
    pub fn add(this: &Highlight, range: &Range);
    #[wasm_bindgen(method)]
    pub fn delete(this: &Highlight, range: &Range) -> bool;

    /// `CSS.highlights`
    pub type HighlightRegistry;
    #[wasm_bindgen(method, js_name = set)]
    pub fn set(this: &HighlightRegistry, name: &str, highlight: &Highlight);
    #[wasm_bindgen(method, js_name = delete)]
    pub fn delete(this: &HighlightRegistry, name: &str) -> bool;

    pub type CaretPosition;
    #[wasm_bindgen(method, getter, js_name = offsetNode)]
    pub fn offset_node(this: &CaretPosition) -> Option<Node>;
    #[wasm_bindgen(method, getter)]
    pub fn offset(this: &CaretPosition) -> u32;

    /// A Document, seen with the hit-testing methods web-sys lacks.
    type HitTestDocument;
    #[wasm_bindgen(method, catch, js_name = caretPositionFromPoint)]
    fn caret_position_from_point(
        this: &HitTestDocument,
        x: f64,
        y: f64,
    ) -> Result<Option<CaretPosition>, JsValue>;
    #[wasm_bindgen(method, catch, js_name = caretRangeFromPoint)]
    fn caret_range_from_point(
        this: &HitTestDocument,
        x: f64,
        y: f64,
    ) -> Result<Option<Range>, JsValue>;

    /// An Element, seen with `checkVisibility`.
    type VisibilityElement;
    #[wasm_bindgen(method, catch, js_name = checkVisibility)]
    fn check_visibility(this: &VisibilityElement) -> Result<bool, JsValue>;
}

/// `CSS.highlights`, or None where the Custom Highlight API is missing.
pub fn highlight_registry() -> Option<HighlightRegistry> {
    let css = js_sys::Reflect::get(&js_sys::global(), &"CSS".into()).ok()?;
    let registry = js_sys::Reflect::get(&css, &"highlights".into()).ok()?;
    (!registry.is_undefined() && !registry.is_null()).then(|| registry.unchecked_into())
}

/// The text node and UTF-16 offset under a viewport point.
pub fn caret_at(document: &Document, x: f64, y: f64) -> Option<(Node, u32)> {
    let document: &HitTestDocument = document.unchecked_ref();
    if let Ok(found) = document.caret_position_from_point(x, y) {
        let position = found?;
        return Some((position.offset_node()?, position.offset()));
    }
    let range = document.caret_range_from_point(x, y).ok()??;
    Some((range.start_container().ok()?, range.start_offset().ok()?))
}

/// Whether an element renders (not `display: none`, `visibility: hidden` or
/// `content-visibility` skipped). Browsers without `checkVisibility` count it as visible.
pub fn is_visible(element: &Element) -> bool {
    element
        .unchecked_ref::<VisibilityElement>()
        .check_visibility()
        .unwrap_or(true)
}
