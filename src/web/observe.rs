//! Watches the page for added, changed or removed text (single-page navigation, live blogs,
//! infinite scroll) and reports that a rescan is due. Only the page's `<body>` is observed:
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

/// Whether a mutation may change the text Backstory reads.
fn changes_text(record: &MutationRecord) -> bool {
    if record.type_() == "characterData" {
        return true;
    }
    let touched = |list: web_sys::NodeList| {
        (0..list.length())
            .filter_map(|i| list.item(i))
            .any(|node| !is_silent(&node))
    };
    touched(record.added_nodes()) || touched(record.removed_nodes())
}

impl PageObserver {
    pub fn watch(target: &Node, on_change: impl Fn() + 'static) -> Result<Self, JsValue> {
        let callback = Closure::<dyn FnMut(Array, MutationObserver)>::new(
            move |records: Array, _observer: MutationObserver| {
                let relevant = records
                    .iter()
                    .filter_map(|r| r.dyn_into::<MutationRecord>().ok())
                    .any(|r| changes_text(&r));
                if relevant {
                    on_change();
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
