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

/// One text node (or a slice of a very long one) in the scanned string.
pub struct Run {
    pub node: Text,
    /// Byte offset of the run's text in `PageText::text`.
    pub start: usize,
    pub len: usize,
    /// UTF-16 offset in the node where the run starts (0 unless a long node was split).
    pub node_utf16: u32,
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
        r.node_utf16 + self.text[r.start..end].encode_utf16().count() as u32
    }

    /// Appends a section read later (a line break apart); returns the byte offset it starts
    /// at in this text.
    pub fn append(&mut self, section: PageText) -> usize {
        if !self.text.is_empty() {
            self.text.push('\n');
        }
        let base = self.text.len();
        self.text.push_str(&section.text);
        self.runs.extend(section.runs.into_iter().map(|run| Run {
            start: run.start + base,
            ..run
        }));
        base
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

/// Whether an element's content is never read for what it is. Whether it renders is asked
/// later, and only of elements with text of their own (see [`Level`]).
fn skipped(element: &Element, tag: Option<&str>) -> bool {
    let Some(tag) = tag else {
        // A form: walk its content, but ask it nothing (see `tag_of`).
        return false;
    };
    // One `matches` instead of three attribute reads: every call into the DOM costs, most of
    // all from a Firefox content script (about 40 µs a node).
    SKIPPED_TAGS.contains(&tag) || element.matches(SKIPPED_SELF).unwrap_or(false)
}

/// Elements skipped for their attributes: hidden, being edited, or the card's own host.
macro_rules! skipped_self {
    () => {
        concat!(
            "[hidden],[contenteditable]:not([contenteditable=false]),#",
            card_host_id!()
        )
    };
}
const SKIPPED_SELF: &str = skipped_self!();

/// Selector for the ancestors whose content is never read: text added inside one later (a
/// reader typing, a code sample updating) is skipped like the element itself.
const SKIPPED_ANCESTORS: &str = concat!(
    "script,style,noscript,template,textarea,input,select,option,",
    "button,code,pre,kbd,samp,svg,math,",
    skipped_self!()
);

/// Text nodes longer than this may be cut between sections.
pub const SPLIT_BYTES: usize = 4096;

/// One element being walked through: its children are visited in turn.
///
/// Whether the element renders is asked once, at its first text that is not blank, rather
/// than of every element: on 30 corpus pages only 9,173 of 17,990 elements have text of
/// their own, and `checkVisibility` costs several times what a `tagName` read does. The
/// answer is the same: an element inside one that is not rendered (`display: none`,
/// `content-visibility: hidden`) has no box either.
struct Level {
    element: Element,
    next_child: Option<Node>,
    is_block: bool,
    /// Asked and rendered (an element found not rendered has the rest of its children
    /// skipped).
    renders: bool,
}

/// A depth-first walk in document order that can stop after any number of nodes and resume
/// later, so a page with 100k nodes is read in slices. The stack is explicit, so deeply
/// nested pages cannot overflow the WASM stack. `seen` remembers every text node read, so a
/// subtree reported again (moved, or added inside one already read) is not read twice.
pub struct Walker {
    stack: Vec<Level>,
    /// A lone text node to read (a changed or added text node).
    lone_text: Option<Text>,
    /// A text node too long for one section: its text, and how many bytes were read.
    partial: Option<(Text, String, usize)>,
    pending_break: bool,
}

impl Walker {
    /// Reads everything under `root` (not `root`'s siblings).
    pub fn new(root: &Node) -> Walker {
        let mut walker = Walker {
            stack: Vec::new(),
            lone_text: None,
            partial: None,
            pending_break: true,
        };
        match root.node_type() {
            Node::TEXT_NODE => {
                let inside_skipped = root
                    .parent_element()
                    .is_some_and(|p| p.closest(SKIPPED_ANCESTORS).ok().flatten().is_some());
                if !inside_skipped {
                    walker.lone_text = root.dyn_ref::<Text>().cloned();
                }
            }
            Node::ELEMENT_NODE => {
                if let Some(element) = root.dyn_ref::<Element>() {
                    let hidden_here = element.closest(SKIPPED_ANCESTORS).ok().flatten().is_some()
                        || !is_visible(element);
                    if !hidden_here {
                        walker.stack.push(Level {
                            element: element.clone(),
                            next_child: root.first_child(),
                            is_block: true,
                            renders: true,
                        });
                    }
                }
            }
            _ => {}
        }
        walker
    }

    pub fn is_done(&self) -> bool {
        self.stack.is_empty() && self.lone_text.is_none() && self.partial.is_none()
    }

    /// Whether what was read so far may end a section: the walk stopped at a block boundary
    /// or inside a text node too long for one section. Elsewhere a name may run on into the
    /// next inline element ("Mos<b>cow</b>").
    pub fn at_break(&self) -> bool {
        self.pending_break || self.partial.is_some() || self.is_done()
    }

    /// Reads a text node from byte `from` of its text, at most up to `max_bytes` of page
    /// text; keeps the rest for the next slice.
    fn read(
        &mut self,
        page: &mut PageText,
        node: &Text,
        data: String,
        from: usize,
        max_bytes: usize,
    ) {
        let room = max_bytes.saturating_sub(page.text.len()).max(1);
        let rest = &data[from..];
        // Ordinary text nodes are never split (a name may run on into the next node);
        // only a very long one is cut, so a section overshoots by at most SPLIT_BYTES.
        let take = if rest.len() <= room.max(SPLIT_BYTES) {
            rest.len()
        } else {
            // Cut at a space where possible, never inside a character.
            let mut cut = room.min(rest.len());
            while !rest.is_char_boundary(cut) {
                cut -= 1;
            }
            let at_space = rest[..cut]
                .rfind(char::is_whitespace)
                .filter(|&i| i > cut / 2);
            let cut = at_space.map_or(cut, |i| i + 1);
            if cut == 0 {
                rest.chars().next().map_or(0, char::len_utf8)
            } else {
                cut
            }
        };
        let node_utf16 = data[..from].encode_utf16().count() as u32;
        push_text(
            page,
            node,
            &rest[..take],
            node_utf16,
            &mut self.pending_break,
        );
        if from + take < data.len() {
            self.partial = Some((node.clone(), data, from + take));
        }
    }

    /// Whether the element being walked through renders, asked at its first text. One that
    /// does not has the rest of its children skipped, and so has each enclosing element
    /// that does not render either (a hidden menu is left at once, not one item at a time).
    fn renders(&mut self) -> bool {
        for (depth, level) in self.stack.iter_mut().rev().enumerate() {
            if level.renders || is_visible(&level.element) {
                level.renders = true;
                return depth == 0;
            }
            level.next_child = None;
        }
        false
    }

    /// Reads up to `max_nodes` nodes into `page`, skipping text nodes in `seen`; stops early
    /// at a block boundary once `page` holds `max_bytes`. Returns the number of nodes read.
    pub fn walk(
        &mut self,
        page: &mut PageText,
        seen: &js_sys::WeakSet,
        max_nodes: usize,
        max_bytes: usize,
    ) -> usize {
        if let Some((node, data, from)) = self.partial.take() {
            self.read(page, &node, data, from, max_bytes);
            return 1;
        }
        if let Some(text) = self.lone_text.take() {
            if !seen.has(&text) {
                seen.add(&text);
                self.read(page, &text, text.data(), 0, max_bytes);
            }
            return 1;
        }
        let mut visited = 0;
        while let Some(level) = self.stack.last_mut() {
            let Some(current) = level.next_child.take() else {
                let level = self.stack.pop();
                self.pending_break |= level.is_some_and(|l| l.is_block);
                continue;
            };
            level.next_child = current.next_sibling();
            visited += 1;
            // The node type says which interface the node has; asking `instanceof` as well
            // would cost another call into the DOM for every node. (A `<form>` can shadow
            // `nodeType` with a control, which reads as no type at all: skipped.)
            match current.node_type() {
                Node::TEXT_NODE => {
                    let text = current.unchecked_ref::<Text>();
                    let data = text.data();
                    if data.trim().is_empty() {
                        // Blank text only spaces words apart: nothing to remember or check.
                        push_text(page, text, &data, 0, &mut self.pending_break);
                    } else if self.renders() && !seen.has(text) {
                        seen.add(text);
                        self.read(page, text, data, 0, max_bytes);
                        if self.partial.is_some() {
                            break;
                        }
                    }
                }
                Node::ELEMENT_NODE => {
                    let element = current.unchecked_ref::<Element>();
                    let tag = tag_of(element);
                    let block = tag.as_deref().is_none_or(|t| !INLINE_TAGS.contains(&t));
                    self.pending_break |= block;
                    if !skipped(element, tag.as_deref()) {
                        self.stack.push(Level {
                            next_child: current.first_child(),
                            element: current.unchecked_into(),
                            is_block: block,
                            renders: false,
                        });
                    }
                }
                _ => {}
            }
            let full = page.text.len() >= max_bytes && self.pending_break;
            if visited >= max_nodes || full || page.text.len() >= MAX_TEXT_BYTES {
                break;
            }
        }
        visited
    }
}

fn push_text(
    page: &mut PageText,
    node: &Text,
    data: &str,
    node_utf16: u32,
    pending_break: &mut bool,
) {
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
        node_utf16,
    });
}
