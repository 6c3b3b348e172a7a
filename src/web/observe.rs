//! Watches the page for added, changed or removed text (single-page navigation, live blogs,
//! infinite scroll) and reports what to read again. Only the page's `<body>` is observed:
//! the card host hangs off `<html>`, so showing a card can never trigger a rescan.

use js_sys::Array;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, MutationObserver, MutationObserverInit, MutationRecord, Node};

/// Elements whose insertion changes no readable text.
const SILENT_TAGS: &[&str] = &["SCRIPT", "STYLE", "LINK", "META", "NOSCRIPT", "TEMPLATE"];

pub struct PageObserver {
    observer: MutationObserver,
    _callback: Closure<dyn FnMut(Array, MutationObserver)>,
}

fn is_silent(node: &Node) -> bool {
    // Forms are never asked for properties (see extract::tag_of); they are not silent.
    node.dyn_ref::<Element>()
        .filter(|e| !e.is_instance_of::<web_sys::HtmlFormElement>())
        .is_some_and(|e| SILENT_TAGS.contains(&e.tag_name().to_ascii_uppercase().as_str()))
}

/// What a batch of mutations did to the text Backstory reads.
#[derive(Default)]
pub struct Changes {
    /// Roots of added subtrees (and text nodes), to read.
    pub added: Vec<Node>,
    /// Text nodes whose text changed: their mentions go, their text is read again.
    pub changed: Vec<Node>,
    /// Something was removed: mentions whose nodes left the page go.
    pub removed: bool,
}

impl Changes {
    pub fn is_empty(&self) -> bool {
        self.added.is_empty() && self.changed.is_empty() && !self.removed
    }

    fn record(&mut self, record: &MutationRecord) {
        if record.type_() == "characterData" {
            if let Some(target) = record.target() {
                self.changed.push(target);
            }
            return;
        }
        let added = record.added_nodes();
        self.added.extend(
            (0..added.length())
                .filter_map(|i| added.item(i))
                .filter(|n| !is_silent(n)),
        );
        let removed = record.removed_nodes();
        self.removed |= (0..removed.length())
            .filter_map(|i| removed.item(i))
            .any(|n| !is_silent(&n));
    }
}

impl PageObserver {
    pub fn watch(target: &Node, on_change: impl Fn(Changes) + 'static) -> Result<Self, JsValue> {
        let callback = Closure::<dyn FnMut(Array, MutationObserver)>::new(
            move |records: Array, _observer: MutationObserver| {
                let mut changes = Changes::default();
                for record in records
                    .iter()
                    .filter_map(|r| r.dyn_into::<MutationRecord>().ok())
                {
                    changes.record(&record);
                }
                if !changes.is_empty() {
                    on_change(changes);
                }
            },
        );
        let observer = MutationObserver::new(callback.as_ref().unchecked_ref())?;
        let options = MutationObserverInit::new();
        options.set_child_list(true);
        options.set_subtree(true);
        options.set_character_data(true);
        observer.observe_with_options(target, &options)?;
        Ok(PageObserver {
            observer,
            _callback: callback,
        })
    }
}

impl Drop for PageObserver {
    fn drop(&mut self) {
        self.observer.disconnect();
    }
}
