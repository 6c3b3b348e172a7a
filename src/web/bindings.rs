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

    /// `globalThis.scheduler` (Prioritized Task Scheduling).
    type Scheduler;
    #[wasm_bindgen(method, catch, js_name = yield)]
    fn yield_now(this: &Scheduler) -> Result<Yielded, JsValue>;

    /// The promise `scheduler.yield()` returns.
    type Yielded;
    #[wasm_bindgen(method)]
    fn then(this: &Yielded, callback: &js_sys::Function);

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

/// Runs `then` in a later task, after the browser has had a turn (input, rendering).
/// `scheduler.yield()` is used where it exists: its continuation is a promise reaction,
/// which also runs on pages where the reader switched JavaScript off (Chromium then never
/// fires a content script's timers). Elsewhere a zero-delay timer.
pub fn in_next_task(then: impl FnOnce() + 'static) -> Option<gloo_timers::callback::Timeout> {
    let scheduler = js_sys::Reflect::get(&js_sys::global(), &"scheduler".into())
        .ok()
        .filter(|s| s.is_object());
    let promise = scheduler.and_then(|s| s.unchecked_into::<Scheduler>().yield_now().ok());
    match promise {
        Some(promise) => {
            let callback = Closure::once_into_js(then);
            promise.then(callback.unchecked_ref());
            None
        }
        None => Some(gloo_timers::callback::Timeout::new(0, then)),
    }
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
