//! Collects the page's visible text into one string the core can scan, with a map back
//! from string offsets to DOM text nodes.
//!
//! Skipped, each for a reason: `script`/`style`/`noscript`/`template` (not text a reader
//! sees), `textarea`/`input`/`select`/`[contenteditable]` (the reader's own typing),
//! `code`/`pre`/`kbd`/`samp` (identifiers, not names), `svg`/`math` (drawings), elements
//! with `hidden` or not rendered. Inline elements do not break text, so
//! `<a>Abbas</a> Araghchi` stays one name; block elements and `<br>` start a new line.

use super::bindings::is_visible;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlFormElement, Node, Text};

const SKIPPED_TAGS: &[&str] = &[
    "SCRIPT", "STYLE", "NOSCRIPT", "TEMPLATE", "TEXTAREA", "INPUT", "SELECT", "OPTION", "BUTTON",
    "CODE", "PRE", "KBD", "SAMP", "SVG", "MATH", "IFRAME", "OBJECT", "EMBED", "CANVAS", "VIDEO",
    "AUDIO", "HEAD",
];

/// Elements that flow with the text around them; every other element is a block boundary.
const INLINE_TAGS: &[&str] = &[
    "A", "ABBR", "B", "BDI", "BDO", "CITE", "DATA", "DFN", "EM", "FONT", "I", "INS", "DEL",
    "LABEL", "MARK", "Q", "S", "SMALL", "SPAN", "STRONG", "SUB", "SUP", "TIME", "U", "VAR", "WBR",
    "NOBR", "TT", "BIG", "STRIKE", "ACRONYM",
];

/// One text node's place in the scanned string.
pub struct Run {
    pub node: Text,
    /// Byte offset of the node's text in `PageText::text`.
    pub start: usize,
    pub len: usize,
}

#[derive(Default)]
pub struct PageText {
    pub text: String,
    pub runs: Vec<Run>,
}

/// Hard cap on scanned text per page, so a pathological page costs bounded time.
pub const MAX_TEXT_BYTES: usize = 4 << 20;

impl PageText {
    /// The run holding byte `offset` (an offset at a run's end belongs to that run).
    pub fn run_at(&self, offset: usize) -> Option<usize> {
        let i = self.runs.partition_point(|r| r.start + r.len < offset);
        (i < self.runs.len() && self.runs[i].start <= offset).then_some(i)
    }

    /// UTF-16 offset within the run's node for a byte offset in the page text.
    pub fn utf16_offset(&self, run: usize, offset: usize) -> u32 {
        let r = &self.runs[run];
        let end = offset.clamp(r.start, r.start + r.len);
        self.text[r.start..end].encode_utf16().count() as u32
    }
}

/// The element's tag name, read safely. A `<form>` lets its controls shadow every property
/// (`<input name="tagName">` makes `form.tagName` an element: DOM clobbering), and a wrong
/// type handed to WASM corrupts memory, so forms are recognised by `instanceof` and never
/// asked for properties.
fn tag_of(element: &Element) -> Option<String> {
    if element.is_instance_of::<HtmlFormElement>() {
        return None;
    }
    Some(element.tag_name().to_ascii_uppercase())
}

fn skipped(element: &Element, tag: Option<&str>) -> bool {
    let Some(tag) = tag else {
        // A form: walk its content, but ask it nothing (see `tag_of`).
        return false;
    };
    if SKIPPED_TAGS.contains(&tag)
        || element.has_attribute("hidden")
        || element.get_attribute("id").as_deref() == Some(super::card_view::HOST_ID)
    {
        return true;
    }
    if let Some(value) = element.get_attribute("contenteditable") {
        if value != "false" {
            return true;
        }
    }
    !is_visible(element)
}

/// Walks `root` depth-first in document order, with an explicit stack so that deeply
/// nested pages cannot overflow the WASM stack.
pub fn extract(root: &Node) -> PageText {
    let mut page = PageText::default();
    let mut pending_break = false;
    // Each entry: the next sibling to visit at that depth, and whether its parent is a block.
    let mut stack: Vec<(Option<Node>, bool)> = vec![(root.first_child(), true)];
    while let Some((next, parent_is_block)) = stack.last_mut() {
        let parent_is_block = *parent_is_block;
        let Some(current) = next.take() else {
            stack.pop();
            pending_break |= parent_is_block;
            continue;
        };
        *next = current.next_sibling();
        if page.text.len() >= MAX_TEXT_BYTES {
            break;
        }
        match current.node_type() {
            Node::TEXT_NODE => {
                if let Some(text) = current.dyn_ref::<Text>() {
                    push_text(&mut page, text, &mut pending_break);
                }
            }
            Node::ELEMENT_NODE => {
                let Some(element) = current.dyn_ref::<Element>() else {
                    continue;
                };
                let tag = tag_of(element);
                let block = tag.as_deref().is_none_or(|t| !INLINE_TAGS.contains(&t));
                if skipped(element, tag.as_deref()) {
                    pending_break |= block;
                } else {
                    pending_break |= block;
                    stack.push((current.first_child(), block));
                }
            }
            _ => {}
        }
    }
    page
}

fn push_text(page: &mut PageText, node: &Text, pending_break: &mut bool) {
    let data = node.data();
    if data.trim().is_empty() {
        if !data.is_empty() && !*pending_break && !page.text.ends_with(' ') {
            // Whitespace between inline elements still separates words.
            page.text.push(' ');
        }
        return;
    }
    if *pending_break && !page.text.is_empty() {
        page.text.push('\n');
    }
    *pending_break = false;
    let start = page.text.len();
    // Line breaks inside a text node are ordinary spaces in HTML; keep byte lengths equal
    // so offsets map back one to one.
    page.text.extend(data.chars().map(|c| match c {
        '\n' | '\r' => ' ',
        c => c,
    }));
    page.runs.push(Run {
        node: node.clone(),
        start,
        len: page.text.len() - start,
    });
}
