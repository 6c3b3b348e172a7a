//! The content-script front end. Exports to JavaScript: `load_knowledge` and `load_cards`
//! (the compiled knowledge files, fetched by the loader), `start`, `configure`, `stop`,
//! `stats`, `entity_index`, `reveal`, `lookup_selection`, `scan_text`, `scan_text_packed`. The loader
//! (extension/content/loader.js) decides when to call them; everything that reads or paints
//! the page happens here.
//!
//! State lives in one thread-local `App`; every listener and timer it installs is owned by
//! it, so `stop` (dropping the App) removes them all.

/// The id of the card's host element, as a literal so selectors can include it with
/// `concat!`.
macro_rules! card_host_id {
    () => {
        "backstory-card-host"
    };
}

mod bindings;
mod card_view;
mod delay;
mod extract;
mod hover;
mod observe;
mod options;
mod page_links;
mod paint;
mod theme;

use crate::kb::{Cards, Kb};
use crate::scan::{scan, scan_more, scan_name, Scan};
use card_view::{CardAction, CardContext, CardView};
use delay::Delay;
use extract::{PageText, Walker};
use gloo_events::{EventListener, EventListenerOptions};
use observe::Changes;
use options::{Category, Options};
use paint::Painter;
use std::cell::{OnceCell, RefCell};
use std::collections::VecDeque;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Document, DomRect, Range};

/// Time the card stays after the pointer leaves, to let the reader move into it.
const HIDE_GRACE_MS: u32 = 300;
/// Pointer moves are processed at most this often.
const POINTER_THROTTLE_MS: u32 = 40;
/// A burst of page changes is read once, this long after it starts...
const CHANGES_DELAY_MS: f64 = 200.0;
/// ...and never sooner than this after the previous batch (live blogs change constantly).
const CHANGES_INTERVAL_MS: f64 = 1000.0;
/// Work per task, so no task the extension runs comes near 50 ms even on huge pages: nodes
/// visited while reading the page...
pub const NODES_PER_TASK: usize = 500;
/// ...and text scanned (one section; an article of ordinary length is one section). A
/// section of dense text (a Wikipedia list of titles) scans at about 1 ms a KB in a cold
/// module, so sections stay well under the 50 ms budget at 16 KB.
pub const SECTION_BYTES: usize = if cfg!(feature = "js-engine") {
    4 * 1024
} else {
    16 * 1024
};
/// The first section is smaller: the module may still be cold (not yet optimised by the
/// engine), and the first highlights come sooner.
const FIRST_SECTION_BYTES: usize = if cfg!(feature = "js-engine") {
    2 * 1024
} else {
    4 * 1024
};
/// A task that has read the page for a while leaves scanning its section to the next task
/// when the scan is expected to take it past this (half the 50 ms budget: mapping, painting
/// and a slow moment of the machine come on top).
const TASK_BUDGET_MS: f64 = 25.0;
/// The expected scan cost of a KB of text before any has been measured: the module is cold
/// then, and the JavaScript fallback is cold and slower still. Later sections go by what the
/// previous one took.
const COLD_SCAN_MS_PER_KB: f64 = if cfg!(feature = "js-engine") {
    16.0
} else {
    2.0
};
/// Reading a node costs 5 µs in Chromium but 40 µs or more in Firefox, and a node that forces
/// a pending layout far more, so the walk also stops once it has taken this long, checked
/// every `NODES_PER_CHECK` nodes. The node cap keeps the task's shape testable; the clock
/// keeps slow machines inside the budget.
const WALK_BUDGET_MS: f64 = 12.0;
const NODES_PER_CHECK: usize = 25;
/// How long a mention reached with the card's previous/next buttons stays marked.
const FLASH_MS: u32 = 1200;

/// What the open card is about.
#[derive(Clone)]
enum CardSubject {
    /// A detected mention (index into `scan.mentions`).
    Mention(usize),
    /// A name the reader looked up, with its own one-entity scan.
    LookedUp(Scan, DomRect),
}

struct ShownCard {
    subject: CardSubject,
    pinned: bool,
    view: CardView,
}

impl ShownCard {
    fn mention(&self) -> Option<usize> {
        match self.subject {
            CardSubject::Mention(m) => Some(m),
            CardSubject::LookedUp(..) => None,
        }
    }
}

/// The text already read, scanned again with the full knowledge into a scan of its own:
/// hovering, clicks and the popup's index go on answering from the current scan, and the new
/// one replaces it only when complete.
struct Reread {
    kb: Kb<'static>,
    scan: Scan,
    /// Byte ranges of the page text still to scan, in order.
    sections: VecDeque<(usize, usize)>,
    /// The new scan's ranges, liveness and highlights (not shown), built section by section
    /// so that the swap itself does no per-mention work.
    ranges: Vec<Option<Range>>,
    alive: Vec<bool>,
    painter: Painter,
    /// Page text went away or changed during the re-read: ranges are checked again at the swap.
    text_changed: bool,
}

impl Reread {
    fn new(kb: Kb<'static>, text: &str) -> Result<Reread, JsValue> {
        Ok(Reread {
            kb,
            scan: Scan::default(),
            sections: sections_of(text, SECTION_BYTES).into(),
            ranges: Vec::new(),
            alive: Vec::new(),
            painter: Painter::new()?,
            text_changed: false,
        })
    }
}

struct App {
    kb: Kb<'static>,
    options: Options,
    /// Asked for the card details file the first time a card is about to open.
    need_cards: Option<js_sys::Function>,
    cards_requested: bool,
    /// Told the scan's stats after every scan (the toolbar badge).
    on_scan: Option<js_sys::Function>,
    document: Document,
    page: PageText,
    scan: Scan,
    ranges: Vec<Option<Range>>,
    card: Option<ShownCard>,
    pending_mention: Option<usize>,
    pointer: (f64, f64),
    /// The pointer has moved over the page since it was loaded.
    pointer_seen: bool,
    /// Alt was held at the last pointer move: with highlights off, cards open only then.
    alt_held: bool,
    // Timers are replaced, never dropped from inside their own callback.
    pointer_timer: Option<Delay>,
    pointer_timer_armed: bool,
    show_timer: Option<Delay>,
    hide_timer: Option<Delay>,
    hide_armed: bool,
    flash_timer: Option<Delay>,
    listeners: Vec<EventListener>,
    observer: Option<observe::PageObserver>,
    /// Highlights; registered once the first reading of the page is complete.
    painter: Painter,
    painted: bool,
    /// Mentions still on the page (text removed or changed takes its mentions away).
    alive: Vec<bool>,
    /// Text nodes already read.
    seen: js_sys::WeakSet,
    /// Text already read was removed or changed since: a re-read checks each mention's text
    /// is still on the page before it highlights it.
    text_went_stale: bool,
    /// The text already read, being scanned again with the full knowledge.
    reread: Option<Reread>,
    /// What is left to read, in order, and the section being filled.
    walkers: VecDeque<Walker>,
    section: PageText,
    work_timer: Option<Delay>,
    work_armed: bool,
    /// Page changes waiting for their batch.
    changes: Changes,
    changes_timer: Option<Delay>,
    changes_armed: bool,
    last_changes_at: f64,
    /// Work arrived while the tab was hidden: do it when the tab is shown.
    resume_when_visible: bool,
    sections: u32,
    tasks: u32,
    max_task_nodes: usize,
    max_task_bytes: usize,
    /// Time spent reading, scanning and painting, all tasks together.
    scan_ms: f64,
    /// The longest single task, and the longest spent reading the DOM and scanning a
    /// section (with its ranges) within one.
    max_task_ms: f64,
    max_walk_ms: f64,
    max_section_ms: f64,
    /// The scan alone inside the slowest section (the rest is mapping and painting).
    max_scan_ms: f64,
    /// What the last section cost to scan and paint, per KB of its text.
    section_ms_per_kb: f64,
    /// When the first reading was painted (`performance.now()`).
    painted_at_ms: Option<f64>,
}

thread_local! {
    static APP: RefCell<Option<App>> = const { RefCell::new(None) };
    // The knowledge files live as long as the page: the hot shard first, then the rest.
    static HOT_BYTES: OnceCell<&'static [u8]> = const { OnceCell::new() };
    static REST_BYTES: OnceCell<&'static [u8]> = const { OnceCell::new() };
    static CARDS_BYTES: OnceCell<&'static [u8]> = const { OnceCell::new() };
    // The knowledge as opened for `scan_text` and `warm_up`, kept between calls like the
    // page's `App` keeps its own: a `Kb` remembers the automata's first steps as it reads.
    static TEXT_KB: RefCell<Option<Rc<Kb<'static>>>> = const { RefCell::new(None) };
}

fn knowledge() -> Result<Kb<'static>, JsValue> {
    let hot = HOT_BYTES
        .with(|cell| cell.get().copied())
        .ok_or_else(|| error("knowledge not loaded: call load_knowledge first"))?;
    let rest = REST_BYTES.with(|cell| cell.get().copied());
    // load_knowledge and upgrade_knowledge checked these bytes in full; opening them again
    // is cheap (the page's App and text_knowledge keep what they open).
    Kb::open_trusted(hot, rest).map_err(|e| error(&e.to_string()))
}

/// The knowledge for scans of text without a page: opened once, and again when the rest of
/// it has arrived since.
fn text_knowledge() -> Result<Rc<Kb<'static>>, JsValue> {
    TEXT_KB.with(|cell| {
        let mut kept = cell.borrow_mut();
        match kept.as_ref() {
            Some(kb) if kb.is_complete() == knowledge_is_complete() => Ok(Rc::clone(kb)),
            _ => {
                let kb = Rc::new(knowledge()?);
                *kept = Some(Rc::clone(&kb));
                Ok(kb)
            }
        }
    })
}

fn knowledge_is_complete() -> bool {
    REST_BYTES.with(|cell| cell.get().is_some())
}

fn cards() -> Option<Cards<'static>> {
    let bytes = CARDS_BYTES.with(|cell| cell.get().copied())?;
    Cards::open(bytes).ok()
}

/// Takes the bytes of `kb-hot.bin`; checks them once. Later calls are ignored: the rest
/// arrives through `upgrade_knowledge`.
#[wasm_bindgen]
pub fn load_knowledge(bytes: Vec<u8>) -> Result<(), JsValue> {
    Kb::open(&bytes).map_err(|e| error(&e.to_string()))?;
    HOT_BYTES.with(|cell| {
        cell.get_or_init(|| Box::leak(bytes.into_boxed_slice()));
    });
    Ok(())
}

/// Practice texts for [`warm_up`], each reaching more of the scanner than the one before.
const WARM_UP_TEXTS: [&str; 3] = [
    "Iran said.",
    "Iranian Foreign Minister Abbas Araghchi met President Vladimir Putin in Moscow on \
     Tuesday, the Kremlin said.",
    "The International Atomic Energy Agency (IAEA) reported on the Fordow and Natanz sites. \
     Reuters and the Associated Press quoted officials in Washington, Tehran and Jerusalem; \
     Mr Araghchi told reporters that Iran would keep talking to the United Nations, NATO and \
     the European Union.",
];

/// Runs the scanner `rounds` times over practice text `stage` (the last one past the end),
/// before the page is read, and returns the time it took (ms). Chromium compiles
/// WebAssembly functions lazily, on the main thread at their first call: a cold first scan
/// of a 4 KB page took 55-80 ms in one task. The stages spread that compilation over tasks
/// of their own (in Node the first, shortest text takes about half of it), and while the
/// page is still being parsed more rounds get the hot paths to the optimising tier.
#[wasm_bindgen]
pub fn warm_up(stage: usize, rounds: u32) -> f64 {
    let text = WARM_UP_TEXTS[stage.min(WARM_UP_TEXTS.len() - 1)];
    let began = now_ms();
    if let Ok(kb) = text_knowledge() {
        for _ in 0..rounds {
            std::hint::black_box(scan(&kb, text));
        }
    }
    now_ms() - began
}

/// How many practice texts [`warm_up`] has.
#[wasm_bindgen]
pub fn warm_up_stages() -> usize {
    WARM_UP_TEXTS.len()
}

/// Takes the bytes of `kb.bin`, the rest of the knowledge after the hot shard: entity
/// numbers stay as they were, so cards stay valid, and a running page is read again with
/// the long tail.
#[wasm_bindgen]
pub fn upgrade_knowledge(bytes: Vec<u8>) -> Result<(), JsValue> {
    if knowledge_is_complete() {
        return Ok(());
    }
    let hot = HOT_BYTES
        .with(|cell| cell.get().copied())
        .ok_or_else(|| error("the rest of the knowledge came before kb-hot.bin"))?;
    Kb::open_trusted(hot, None)
        .and_then(|kb| kb.with_rest(&bytes))
        .map_err(|e| error(&e.to_string()))?;
    REST_BYTES.with(|cell| {
        cell.get_or_init(|| Box::leak(bytes.into_boxed_slice()));
    });
    let kb = knowledge()?;
    with_app(|app| app.upgrade(kb));
    Ok(())
}

/// Takes the bytes of `kb-cards.bin`; an open card is redrawn with its details.
#[wasm_bindgen]
pub fn load_cards(bytes: Vec<u8>) -> Result<(), JsValue> {
    Cards::open(&bytes).map_err(|e| error(&e.to_string()))?;
    CARDS_BYTES.with(|cell| {
        cell.get_or_init(|| Box::leak(bytes.into_boxed_slice()));
    });
    with_app(App::redraw_card);
    Ok(())
}

fn with_app<T>(f: impl FnOnce(&mut App) -> T) -> Option<T> {
    APP.with(|cell| {
        let mut slot = cell.try_borrow_mut().ok()?;
        slot.as_mut().map(f)
    })
}

fn now_ms() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map(|p| p.now())
        .unwrap_or_else(js_sys::Date::now)
}

fn error(message: &str) -> JsValue {
    js_sys::Error::new(&format!("Backstory: {message}")).into()
}

/// Scans the page, paints highlights and starts answering the pointer. Returns stats.
/// `need_cards` is called (once) when a card is about to open and the card details file
/// has not been loaded yet; `settings` is the reader's options (see `options.rs`);
/// `on_scan` is called with the stats after every scan.
#[wasm_bindgen]
pub fn start(
    need_cards: Option<js_sys::Function>,
    settings: JsValue,
    on_scan: Option<js_sys::Function>,
) -> Result<JsValue, JsValue> {
    let running = APP.with(|cell| cell.borrow().is_some());
    if !running {
        let began = now_ms();
        let mut app = App::new(Options::from_js(settings))?;
        app.need_cards = need_cards;
        app.on_scan = on_scan;
        if let Some(body) = app.document.body() {
            app.observer = Some(observe::PageObserver::watch(&body, |changes| {
                with_app(|app| app.on_changes(changes));
            })?);
        }
        APP.with(|cell| *cell.borrow_mut() = Some(app));
        install_listeners()?;
        // Reading starts in this task with what is left of its budget: after a page's
        // DOMContentLoaded the browser lays out and paints the page first, and a step left
        // to the next task waited 50-100 ms for that. A cold set-up (the engine compiling
        // code it runs for the first time: 60 ms once in Firefox) leaves no time, and the
        // first slice then only schedules the next task.
        with_app(|app| app.step_within(began));
    }
    Ok(stats())
}

/// Applies changed settings live: categories, highlight style, hover delay, search links.
#[wasm_bindgen]
pub fn configure(settings: JsValue) {
    let options = Options::from_js(settings);
    with_app(|app| {
        app.hide();
        app.options = options;
        match Painter::new() {
            Ok(painter) => app.painter = painter,
            Err(e) => web_sys::console::warn_2(&"Backstory: painting failed".into(), &e),
        }
        app.repaint();
        if let Some(mut reread) = app.reread.take() {
            if let Err(e) = app.range_reread_again(&mut reread) {
                web_sys::console::warn_2(&"Backstory: painting failed".into(), &e);
            }
            app.reread = Some(reread);
        }
        app.report_scan();
    });
}

/// Removes every highlight, the card, listeners and timers; frees the page's scan state.
#[wasm_bindgen]
pub fn stop() {
    let app = APP.with(|cell| cell.try_borrow_mut().ok().and_then(|mut slot| slot.take()));
    if let Some(mut app) = app {
        paint::clear();
        if let Some(shown) = app.card.take() {
            shown.view.remove();
        }
    }
}

/// Numbers for the popup, the badge and tests: running, entities, mentions, scan time.
#[wasm_bindgen]
pub fn stats() -> JsValue {
    with_app(|app| stats_of(app)).unwrap_or_else(|| {
        let object = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&object, &"running".into(), &false.into());
        object.into()
    })
}

#[derive(serde::Serialize)]
struct IndexEntry {
    entity: usize,
    name: String,
    category: &'static str,
    mentions: usize,
}

/// The entities on the page for the popup's index: shown categories only, in order of
/// first appearance, with mention counts.
#[wasm_bindgen]
pub fn entity_index() -> Result<JsValue, JsValue> {
    let entries = with_app(|app| {
        let mut first: Vec<Option<usize>> = vec![None; app.scan.entities.len()];
        let mut counts = vec![0; app.scan.entities.len()];
        for (i, mention) in app.scan.mentions.iter().enumerate() {
            if app.ranges[i].is_some() {
                counts[mention.entity] += 1;
                first[mention.entity].get_or_insert(mention.start);
            }
        }
        let mut entries: Vec<(usize, IndexEntry)> = app
            .scan
            .entities
            .iter()
            .enumerate()
            .filter_map(|(i, e)| {
                Some((
                    first[i]?,
                    IndexEntry {
                        entity: i,
                        name: e.name.clone(),
                        category: Category::of(e.kind, &e.subtype).key(),
                        mentions: counts[i],
                    },
                ))
            })
            .collect();
        entries.sort_by_key(|(at, _)| *at);
        entries.into_iter().map(|(_, e)| e).collect::<Vec<_>>()
    })
    .unwrap_or_default();
    serde_wasm_bindgen::to_value(&entries).map_err(|e| error(&e.to_string()))
}

/// Scrolls to the entity's first mention and opens its card, pinned and focused.
#[wasm_bindgen]
pub fn reveal(entity: usize) -> bool {
    with_app(|app| {
        let mention = (0..app.scan.mentions.len())
            .find(|&m| app.scan.mentions[m].entity == entity && app.ranges[m].is_some());
        mention.is_some_and(|m| app.open_at(m, true))
    })
    .unwrap_or(false)
}

/// Opens a card for text the reader selected, detected or not ("Look up «selection»").
#[wasm_bindgen]
pub fn lookup_selection(text: &str) -> bool {
    with_app(|app| app.look_up(text)).unwrap_or(false)
}

/// Scans a plain string with the loaded knowledge base and returns the mentions; used by
/// benchmarks and by anything that has text but no page.
#[wasm_bindgen]
pub fn scan_text(text: &str) -> Result<JsValue, JsValue> {
    let kb = text_knowledge()?;
    let result = scan(&kb, text);
    serde_wasm_bindgen::to_value(&result).map_err(|e| error(&e.to_string()))
}

/// `scan_text` for callers that need only the spans: `{mentions, names}`, where `mentions`
/// is a `Uint32Array` of (byte start, byte end, entity index, type: 0 person,
/// 1 organisation, 2 place) per mention and `names[i]` is entity i's name. One typed array
/// instead of an object per mention: converting `Scan` to JS objects cost about half as
/// much again as the scan itself.
#[wasm_bindgen]
pub fn scan_text_packed(text: &str) -> Result<js_sys::Object, JsValue> {
    let kb = text_knowledge()?;
    let result = scan(&kb, text);
    let mut spans = Vec::with_capacity(result.mentions.len() * 4);
    for mention in &result.mentions {
        let kind = result.entities[mention.entity].kind as u32;
        for value in [mention.start, mention.end, mention.entity] {
            spans.push(u32::try_from(value).map_err(|_| error("text longer than 4 GB"))?);
        }
        spans.push(kind);
    }
    let names: js_sys::Array = result
        .entities
        .iter()
        .map(|e| JsValue::from_str(&e.name))
        .collect();
    let packed = js_sys::Object::new();
    js_sys::Reflect::set(
        &packed,
        &"mentions".into(),
        &js_sys::Uint32Array::from(&spans[..]),
    )?;
    js_sys::Reflect::set(&packed, &"names".into(), &names)?;
    Ok(packed)
}

/// Scrolls a range to the middle of the viewport (instantly: the card is placed after).
fn scroll_to(range: &Range) {
    let element = range
        .start_container()
        .ok()
        .and_then(|n| n.parent_element());
    if let Some(element) = element {
        let options = web_sys::ScrollIntoViewOptions::new();
        options.set_block(web_sys::ScrollLogicalPosition::Center);
        options.set_behavior(web_sys::ScrollBehavior::Instant);
        element.scroll_into_view_with_scroll_into_view_options(&options);
    }
}

impl App {
    fn new(options: Options) -> Result<App, JsValue> {
        let window = web_sys::window().ok_or_else(|| error("no window"))?;
        let document = window.document().ok_or_else(|| error("no document"))?;
        let body = document
            .body()
            .ok_or_else(|| error("page has no body yet"))?;
        let painter = Painter::new()?;
        Ok(App {
            kb: knowledge()?,
            options,
            need_cards: None,
            cards_requested: false,
            on_scan: None,
            document,
            page: PageText::default(),
            scan: Scan::default(),
            ranges: Vec::new(),
            card: None,
            pending_mention: None,
            pointer: (0.0, 0.0),
            pointer_seen: false,
            alt_held: false,
            pointer_timer: None,
            pointer_timer_armed: false,
            show_timer: None,
            hide_timer: None,
            hide_armed: false,
            flash_timer: None,
            listeners: Vec::new(),
            observer: None,
            painter,
            painted: false,
            alive: Vec::new(),
            seen: js_sys::WeakSet::new(),
            text_went_stale: false,
            reread: None,
            walkers: VecDeque::from([Walker::new(&body)]),
            section: PageText::default(),
            work_timer: None,
            work_armed: false,
            changes: Changes::default(),
            changes_timer: None,
            changes_armed: false,
            last_changes_at: 0.0,
            resume_when_visible: false,
            sections: 0,
            tasks: 0,
            max_task_nodes: 0,
            max_task_bytes: 0,
            scan_ms: 0.0,
            max_task_ms: 0.0,
            max_walk_ms: 0.0,
            max_section_ms: 0.0,
            max_scan_ms: 0.0,
            section_ms_per_kb: COLD_SCAN_MS_PER_KB,
            painted_at_ms: None,
        })
    }

    fn shows(&self, entity: usize) -> bool {
        self.scan
            .entities
            .get(entity)
            .is_some_and(|e| self.options.shows(Category::of(e.kind, &e.subtype)))
    }

    /// Entities with at least one shown mention.
    fn shown_entities(&self) -> impl Iterator<Item = usize> + '_ {
        let mut seen = vec![false; self.scan.entities.len()];
        for (mention, range) in self.scan.mentions.iter().zip(&self.ranges) {
            if range.is_some() {
                seen[mention.entity] = true;
            }
        }
        (0..seen.len()).filter(move |&e| seen[e])
    }

    /// The range of a live mention whose category is shown.
    fn range_of(&self, mention: usize) -> Option<Range> {
        let m = &self.scan.mentions[mention];
        if !self.alive[mention] || !self.shows(m.entity) {
            return None;
        }
        paint::range_for(&self.document, &self.page, m.start, m.end).ok()
    }

    /// Ranges for every mention under the current options, painted (after a settings change).
    fn repaint(&mut self) {
        self.ranges = (0..self.scan.mentions.len())
            .map(|m| self.range_of(m))
            .collect();
        for (mention, range) in self.scan.mentions.iter().zip(&self.ranges) {
            if let Some(range) = range {
                self.painter
                    .add(self.scan.entities[mention.entity].kind, range);
            }
        }
        self.painter.show(&self.options);
        self.painted = true;
        self.painted_at_ms.get_or_insert_with(now_ms);
    }

    /// One task of reading the page: walks at most `NODES_PER_TASK` nodes, scans at most one
    /// section, paints what it found, and schedules the next task if work is left.
    fn step(&mut self) {
        self.step_within(now_ms());
    }

    /// `step` in a task that began at `began`: the walk and scan budgets count from there.
    fn step_within(&mut self, began: f64) {
        self.work_armed = false;
        if self.document.hidden() {
            self.resume_when_visible = true;
            return;
        }
        // New text waits for the re-read: it is read with the knowledge the re-read brings.
        if let Some(mut reread) = self.reread.take() {
            let bytes = match reread.sections.pop_front() {
                Some((start, end)) => {
                    let more = scan_more(&reread.kb, &reread.scan, &self.page.text[start..end]);
                    let first = reread.scan.absorb(more, start);
                    self.range_reread(&mut reread, first);
                    self.sections += 1;
                    self.reread = Some(reread);
                    end - start
                }
                None => {
                    self.swap_in(reread);
                    0
                }
            };
            self.finish_task(began, 0, bytes);
            return;
        }
        let mut nodes = 0;
        let section_bytes = if self.sections == 0 {
            FIRST_SECTION_BYTES
        } else {
            SECTION_BYTES
        };
        // A full section still takes in text up to the next block boundary, within reason
        // (a paragraph of a thousand inline elements is cut anyway).
        let wants_text = |app: &App| {
            let len = app.section.text.len();
            len < section_bytes
                || (len < 2 * section_bytes && !app.walkers.front().is_none_or(Walker::at_break))
        };
        while nodes < NODES_PER_TASK && wants_text(self) && now_ms() - began < WALK_BUDGET_MS {
            let Some(walker) = self.walkers.front_mut() else {
                break;
            };
            nodes += walker.walk(
                &mut self.section,
                &self.seen,
                NODES_PER_CHECK.min(NODES_PER_TASK - nodes),
                section_bytes,
            );
            if walker.is_done() {
                self.walkers.pop_front();
            }
        }
        let section_ready =
            !self.section.text.is_empty() && (self.walkers.is_empty() || !wants_text(self));
        let walked = now_ms();
        self.max_walk_ms = self.max_walk_ms.max(walked - began);
        let expected_ms = self.section.text.len() as f64 / 1024.0 * self.section_ms_per_kb;
        // A full section waits for the next task (which reads nothing and scans it) rather
        // than stretch this one past the budget.
        let scan_now = nodes == 0 || walked - began + expected_ms <= TASK_BUDGET_MS;
        let mut bytes = 0;
        if section_ready && scan_now {
            bytes = self.section.text.len();
            self.scan_section();
            // On a long page the first highlights appear with the first section, not after
            // the last one. (A re-read keeps the old highlights until it is complete.)
            if self.painted_at_ms.is_none() && !self.scan.mentions.is_empty() {
                self.repaint();
            }
            let spent = now_ms() - walked;
            self.max_section_ms = self.max_section_ms.max(spent);
            self.section_ms_per_kb = spent / (bytes as f64 / 1024.0).max(0.25);
        }
        if self.page.text.len() >= extract::MAX_TEXT_BYTES {
            // A pathological page: what was read so far is all Backstory reads.
            self.walkers.clear();
            self.section = PageText::default();
        }
        self.finish_task(began, nodes, bytes);
    }

    /// Books a task's work and schedules the next one, or paints when all is read.
    fn finish_task(&mut self, began: f64, nodes: usize, bytes: usize) {
        self.tasks += 1;
        self.max_task_nodes = self.max_task_nodes.max(nodes);
        self.max_task_bytes = self.max_task_bytes.max(bytes);
        let spent = now_ms() - began;
        self.scan_ms += spent;
        self.max_task_ms = self.max_task_ms.max(spent);
        let more =
            self.reread.is_some() || !self.walkers.is_empty() || !self.section.text.is_empty();
        if more {
            self.schedule_step();
        } else {
            if !self.painted {
                self.repaint();
            }
            self.report_scan();
        }
    }

    fn schedule_step(&mut self) {
        if !self.work_armed {
            self.work_armed = true;
            self.work_timer = delay::in_next_task(|| {
                with_app(App::step);
            });
        }
    }

    /// Scans the filled section as the continuation of the article and paints its mentions.
    fn scan_section(&mut self) {
        let section = std::mem::take(&mut self.section);
        let began = now_ms();
        let more = scan_more(&self.kb, &self.scan, &section.text);
        self.max_scan_ms = self.max_scan_ms.max(now_ms() - began);
        let base = self.page.append(section);
        self.absorb(more, base);
    }

    /// Adds a section's scan (at byte `base` of the page text) and paints its mentions.
    fn absorb(&mut self, more: Scan, base: usize) {
        let first = self.scan.absorb(more, base);
        self.sections += 1;
        self.alive.resize(self.scan.mentions.len(), true);
        for mention in first..self.scan.mentions.len() {
            let range = self.range_of(mention);
            if let (Some(range), true) = (&range, self.painted) {
                let kind = self.scan.entities[self.scan.mentions[mention].entity].kind;
                self.painter.add(kind, range);
            }
            self.ranges.push(range);
        }
    }

    /// Page changes arrive in batches; they are read once per burst, spaced out.
    fn on_changes(&mut self, changes: Changes) {
        self.changes.added.extend(changes.added);
        self.changes.changed.extend(changes.changed);
        self.changes.removed |= changes.removed;
        if self.changes_armed {
            return;
        }
        self.changes_armed = true;
        let due = (self.last_changes_at + CHANGES_INTERVAL_MS).max(now_ms() + CHANGES_DELAY_MS);
        let delay = (due - now_ms()).max(0.0) as u32;
        self.changes_timer = Some(Delay::new(delay, || {
            with_app(App::apply_changes);
        }));
    }

    /// Drops the mentions of removed or changed text, queues what is new, and reads it.
    fn apply_changes(&mut self) {
        self.changes_armed = false;
        self.last_changes_at = now_ms();
        let changes = std::mem::take(&mut self.changes);
        for node in &changes.changed {
            self.seen.delete(node);
        }
        if changes.removed || !changes.changed.is_empty() {
            self.drop_stale_mentions(&changes.changed);
        }
        for node in changes.changed.iter().chain(&changes.added) {
            if node.is_connected() {
                self.walkers.push_back(Walker::new(node));
            }
        }
        if self.walkers.is_empty() {
            self.report_scan();
        } else {
            self.step();
        }
    }

    /// Mentions whose text left the page, or whose text node changed, lose their highlight.
    fn drop_stale_mentions(&mut self, changed: &[web_sys::Node]) {
        self.text_went_stale = true;
        if let Some(reread) = &mut self.reread {
            reread.text_changed = true;
        }
        let mut dropped_shown = false;
        for i in 0..self.scan.mentions.len() {
            let Some(range) = self.ranges[i].clone() else {
                continue;
            };
            let (Ok(start), Ok(end)) = (range.start_container(), range.end_container()) else {
                continue;
            };
            let touched = changed.iter().any(|n| n == &start || n == &end);
            let m = &self.scan.mentions[i];
            if touched || !still_reads(&range, self.page.text.get(m.start..m.end).unwrap_or("")) {
                let kind = self.scan.entities[self.scan.mentions[i].entity].kind;
                self.painter.remove(kind, &range);
                self.ranges[i] = None;
                self.alive[i] = false;
                dropped_shown |= self.card.as_ref().and_then(ShownCard::mention) == Some(i);
            }
        }
        if dropped_shown {
            self.hide();
        }
    }

    fn report_scan(&mut self) {
        if let Some(callback) = &self.on_scan {
            let _ = callback.call1(&JsValue::NULL, &stats_of(self));
        }
    }

    fn on_pointer(&mut self) {
        let (x, y) = self.pointer;
        if self
            .card
            .as_ref()
            .is_some_and(|c| c.view.contains_point(x, y))
        {
            self.cancel_hide();
            self.cancel_show();
            return;
        }
        let under = self.mention_at(x, y);
        let pinned = self.card.as_ref().is_some_and(|c| c.pinned);
        match under {
            // A pinned card stays until the reader closes it or clicks elsewhere.
            _ if pinned => {}
            Some(mention) => {
                let same_entity = |other: usize| {
                    self.scan.mentions[other].entity == self.scan.mentions[mention].entity
                };
                if self
                    .card
                    .as_ref()
                    .and_then(ShownCard::mention)
                    .is_some_and(|m| m == mention || same_entity(m))
                {
                    self.cancel_hide();
                    self.cancel_show();
                } else if self.pending_mention != Some(mention) {
                    self.pending_mention = Some(mention);
                    self.request_cards();
                    // The timer opens whatever is pending then: a re-read swapped in meanwhile
                    // renumbers the mention.
                    self.show_timer = Some(Delay::new(self.options.hover_delay_ms, || {
                        with_app(|app| {
                            let pinned = app.card.as_ref().is_some_and(|c| c.pinned);
                            if let (Some(mention), false) = (app.pending_mention.take(), pinned) {
                                app.show(CardSubject::Mention(mention), false);
                            }
                        });
                    }));
                }
            }
            None => {
                self.cancel_show();
                if self.card.is_some() && !self.hide_armed {
                    self.hide_armed = true;
                    self.hide_timer = Some(Delay::new(HIDE_GRACE_MS, || {
                        with_app(|app| {
                            if app.hide_armed {
                                app.hide();
                            }
                        });
                    }));
                }
            }
        }
    }

    /// The mention under a point; with highlights off ("none" style), only while Alt is held.
    fn mention_at(&self, x: f64, y: f64) -> Option<usize> {
        let hovering = self.options.paints() || self.alt_held;
        hovering
            .then(|| hover::mention_at(&self.document, &self.ranges, x, y))
            .flatten()
    }

    /// Moves keyboard focus into the open card, if any (to its close button).
    fn focus_card(&self) {
        if let Some(card) = &self.card {
            card.view.focus(CardAction::Close);
        }
    }

    /// A click: inside the card pins it, on a name opens its card pinned, elsewhere closes.
    fn on_click(&mut self, x: f64, y: f64, inside_card: bool) {
        // A hover about to open a card is overtaken by the click.
        self.cancel_show();
        if inside_card {
            self.pin();
            return;
        }
        let under = self.mention_at(x, y);
        match under {
            Some(mention) => {
                self.pointer = (x, y);
                self.request_cards();
                let current = self.card.as_ref().and_then(ShownCard::mention);
                if current == Some(mention) {
                    self.pin();
                } else {
                    self.show(CardSubject::Mention(mention), true);
                }
            }
            None => self.hide(),
        }
    }

    fn pin(&mut self) {
        if let Some(card) = self.card.as_mut() {
            card.pinned = true;
            let _ = card.view.set_pinned(true);
            self.hide_armed = false;
        }
    }

    fn request_cards(&mut self) {
        if self.cards_requested || CARDS_BYTES.with(|cell| cell.get().is_some()) {
            return;
        }
        self.cards_requested = true;
        if let Some(callback) = &self.need_cards {
            if let Err(e) = callback.call0(&JsValue::NULL) {
                web_sys::console::warn_2(&"Backstory: loading card details failed".into(), &e);
            }
        }
    }

    fn cancel_show(&mut self) {
        self.pending_mention = None;
    }

    fn cancel_hide(&mut self) {
        self.hide_armed = false;
    }

    /// Scrolls to a mention, opens its card and, when asked, moves focus into it.
    fn open_at(&mut self, mention: usize, focus: bool) -> bool {
        let Some(Some(range)) = self.ranges.get(mention).cloned() else {
            return false;
        };
        self.request_cards();
        scroll_to(&range);
        self.show(CardSubject::Mention(mention), true);
        if focus {
            self.focus_card();
        }
        self.card.is_some()
    }

    /// The entity's mentions (shown ones), in page order.
    fn mentions_of(&self, entity: usize) -> Vec<usize> {
        (0..self.scan.mentions.len())
            .filter(|&m| self.scan.mentions[m].entity == entity && self.ranges[m].is_some())
            .collect()
    }

    /// Previous/next mention of the open card's entity, wrapping around; marks it briefly.
    fn step_mention(&mut self, forward: bool) {
        let Some(current) = self.card.as_ref().and_then(ShownCard::mention) else {
            return;
        };
        let mentions = self.mentions_of(self.scan.mentions[current].entity);
        let Some(at) = mentions.iter().position(|&m| m == current) else {
            return;
        };
        let n = mentions.len();
        let target = mentions[if forward {
            (at + 1) % n
        } else {
            (at + n - 1) % n
        }];
        if let Some(Some(range)) = self.ranges.get(target).cloned() {
            scroll_to(&range);
            paint::flash(&range);
            self.flash_timer = Some(Delay::new(FLASH_MS, paint::unflash));
            self.show(CardSubject::Mention(target), true);
            self.focus_card();
        }
    }

    /// Keyboard navigation: the next (or previous) mention of another entity in page order.
    fn step_entity(&mut self, forward: bool) {
        let current = self.card.as_ref().and_then(ShownCard::mention);
        let entity_now = current.map(|m| self.scan.mentions[m].entity);
        let n = self.scan.mentions.len();
        if n == 0 {
            return;
        }
        let start = current.unwrap_or(if forward { n - 1 } else { 0 });
        for step in 1..=n {
            let m = if forward {
                (start + step) % n
            } else {
                (start + n - step % n) % n
            };
            if self.ranges[m].is_some() && Some(self.scan.mentions[m].entity) != entity_now {
                self.open_at(m, true);
                return;
            }
        }
    }

    fn look_up(&mut self, text: &str) -> bool {
        let Some(found) = scan_name(&self.kb, &self.page.text, text) else {
            return false;
        };
        let anchor = self
            .document
            .get_selection()
            .ok()
            .flatten()
            .filter(|s| s.range_count() > 0)
            .and_then(|s| s.get_range_at(0).ok())
            .map(|r| r.get_bounding_client_rect())
            .or_else(|| DomRect::new_with_x_and_y_and_width_and_height(16.0, 16.0, 0.0, 0.0).ok());
        let Some(anchor) = anchor else {
            return false;
        };
        self.request_cards();
        self.show(CardSubject::LookedUp(found, anchor), true);
        self.focus_card();
        self.card.is_some()
    }

    /// Redraws the open card (the details file arrived).
    fn redraw_card(&mut self) {
        if let Some(card) = &self.card {
            let (subject, pinned) = (card.subject.clone(), card.pinned);
            let had_focus = self
                .document
                .active_element()
                .is_some_and(|e| e.id() == card_view::HOST_ID);
            // Keyboard focus stays on the same button, so tabbing through the card goes on.
            let focused = card.view.focused_action().unwrap_or(CardAction::Close);
            self.show(subject, pinned);
            if let (true, Some(card)) = (had_focus, &self.card) {
                card.view.focus(focused);
            }
        }
    }

    fn anchor_of(&self, subject: &CardSubject) -> Option<DomRect> {
        match subject {
            CardSubject::Mention(m) => {
                let range = self.ranges.get(*m)?.as_ref()?;
                let (x, y) = self.pointer;
                Some(
                    hover::rect_under(range, x, y)
                        .or_else(|| first_rect(range))
                        .unwrap_or_else(|| range.get_bounding_client_rect()),
                )
            }
            CardSubject::LookedUp(_, rect) => Some(rect.clone()),
        }
    }

    fn show(&mut self, subject: CardSubject, pinned: bool) {
        self.hide();
        let Some(anchor) = self.anchor_of(&subject) else {
            return;
        };
        let cards = cards();
        let (scan, entity, position) = match &subject {
            CardSubject::Mention(m) => {
                let entity = self.scan.mentions[*m].entity;
                let mentions = self.mentions_of(entity);
                let at = mentions.iter().position(|x| x == m).unwrap_or(0);
                (&self.scan, entity, (at, mentions.len()))
            }
            CardSubject::LookedUp(scan, _) => (scan, 0, (0, scan.mentions.len())),
        };
        let Some(data) = crate::card::build(
            &self.kb,
            cards.as_ref(),
            &self.page.text,
            scan,
            entity,
            &self.options.search,
        ) else {
            return;
        };
        let mut names: Vec<&str> = vec![data.name.as_str()];
        for mention in scan.mentions.iter().filter(|m| m.entity == entity) {
            if let Some(text) = self.page.text.get(mention.start..mention.end) {
                if !names.contains(&text) {
                    names.push(text);
                }
            }
        }
        let page_links = page_links::related_links(&self.document, &names);
        let dark = web_sys::window().is_some_and(|w| theme::page_is_dark(&w, &self.document));
        let context = CardContext {
            mention: position,
            page_links: &page_links,
            pinned,
            dark,
            options: &self.options,
        };
        let on_action = |action: CardAction| {
            with_app(|app| match action {
                CardAction::PreviousMention => app.step_mention(false),
                CardAction::NextMention => app.step_mention(true),
                CardAction::Close => app.hide(),
                CardAction::Pin => app.pin(),
            });
        };
        match CardView::show(&self.document, &data, &context, &anchor, on_action) {
            Ok(view) => {
                self.card = Some(ShownCard {
                    subject,
                    pinned,
                    view,
                })
            }
            Err(e) => web_sys::console::warn_2(&"Backstory: card failed".into(), &e),
        }
    }

    /// Keeps a pinned card next to its name as the page scrolls; a hover card just goes.
    fn follow_scroll(&mut self) {
        let Some(card) = &self.card else {
            return;
        };
        if !card.pinned {
            self.hide();
            return;
        }
        if let CardSubject::Mention(m) = card.subject {
            if let Some(rect) = self.ranges[m].as_ref().and_then(first_rect) {
                let _ = card.view.place(&rect);
            }
        }
    }

    fn hide(&mut self) {
        self.hide_armed = false;
        if let Some(shown) = self.card.take() {
            shown.view.remove();
        }
    }

    /// Reads the text already read again with the full knowledge, in sections of their own
    /// tasks (the DOM is not walked again); reading of new text goes on after it.
    fn upgrade(&mut self, kb: Kb<'static>) {
        match Reread::new(kb, &self.page.text) {
            Ok(reread) => self.reread = Some(reread),
            Err(e) => web_sys::console::warn_2(&"Backstory: painting failed".into(), &e),
        }
        // Not in this task: taking in the knowledge was its work (a 1.9 MB copy and check).
        self.schedule_step();
    }

    /// Ranges and highlights for the re-read's mentions `from..`. Mentions in text removed
    /// or changed since it was read stay dark (the page text keeps that text).
    fn range_reread(&self, reread: &mut Reread, from: usize) {
        for mention in &reread.scan.mentions[from..] {
            let entity = &reread.scan.entities[mention.entity];
            let shown = self
                .options
                .shows(Category::of(entity.kind, &entity.subtype));
            let range = (shown || self.text_went_stale)
                .then(|| paint::range_for(&self.document, &self.page, mention.start, mention.end))
                .and_then(Result::ok);
            let text = self.page.text.get(mention.start..mention.end).unwrap_or("");
            let alive =
                !self.text_went_stale || range.as_ref().is_none_or(|r| still_reads(r, text));
            let range = range.filter(|_| shown && alive);
            if let Some(range) = &range {
                reread.painter.add(entity.kind, range);
            }
            reread.ranges.push(range);
            reread.alive.push(alive);
        }
    }

    /// Ranges and highlights for the whole re-read so far, again (options or text changed).
    fn range_reread_again(&self, reread: &mut Reread) -> Result<(), JsValue> {
        reread.painter = Painter::new()?;
        reread.ranges.clear();
        reread.alive.clear();
        reread.text_changed = false;
        self.range_reread(reread, 0);
        Ok(())
    }

    /// Replaces the scan with the completed re-read. An open card, or one about to open,
    /// moves to the same name in the new scan (its entity may now have knowledge), or goes
    /// when the name is no longer found.
    fn swap_in(&mut self, mut reread: Reread) {
        if reread.text_changed {
            if let Err(e) = self.range_reread_again(&mut reread) {
                web_sys::console::warn_2(&"Backstory: painting failed".into(), &e);
            }
        }
        let old = std::mem::replace(&mut self.scan, reread.scan);
        self.kb = reread.kb;
        self.ranges = reread.ranges;
        self.alive = reread.alive;
        self.painter = reread.painter;
        self.painter.show(&self.options);
        self.painted = true;
        if !self.scan.mentions.is_empty() {
            self.painted_at_ms.get_or_insert_with(now_ms);
        }
        let new_scan = &self.scan;
        let same_name = move |m: usize| {
            let was = &old.mentions[m];
            new_scan
                .mentions
                .iter()
                .position(|n| (n.start, n.end) == (was.start, was.end))
        };
        self.pending_mention = self.pending_mention.and_then(&same_name);
        let card_moves_to = self
            .card
            .as_ref()
            .and_then(ShownCard::mention)
            .map(&same_name);
        match card_moves_to {
            None => {}
            Some(Some(m)) if self.ranges[m].is_some() => {
                if let Some(card) = self.card.as_mut() {
                    card.subject = CardSubject::Mention(m);
                }
                self.redraw_card();
            }
            Some(_) => self.hide(),
        }
        // A name found only now may be under a resting pointer. Only where a pointer has
        // been: finding the mention under it asks every range (in Firefox a page with a
        // thousand mentions spent up to 300 ms on it, corpus pages bench).
        if self.pointer_seen {
            self.on_pointer();
        }
    }
}

/// Byte ranges of `text` of about `size` bytes each, cut at line breaks where possible.
fn sections_of(text: &str, size: usize) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    while start < text.len() {
        let mut end = (start + size).min(text.len());
        while !text.is_char_boundary(end) {
            end += 1;
        }
        if end < text.len() {
            if let Some(cut) = text[start..end].rfind('\n').filter(|&i| i > 0) {
                end = start + cut;
            }
        }
        out.push((start, end));
        start = end;
    }
    out
}

/// Whether a mention's range still holds its text. Live ranges follow the DOM: a range in
/// removed text collapses or moves to the parent, one in changed text keeps its node; either
/// way its text is not the mention's any more.
fn still_reads(range: &Range, text: &str) -> bool {
    let (Ok(start), Ok(end)) = (range.start_container(), range.end_container()) else {
        return false;
    };
    !range.collapsed()
        && start.is_connected()
        && end.is_connected()
        && same_words(&String::from(range.to_string()), text)
}

/// Whether two texts have the same words (page text turns line breaks into spaces).
fn same_words(a: &str, b: &str) -> bool {
    a.split_whitespace().eq(b.split_whitespace())
}

/// The first line box of a range (a name broken across lines has two).
fn first_rect(range: &Range) -> Option<DomRect> {
    range.get_client_rects()?.item(0)
}

fn stats_of(app: &App) -> JsValue {
    let object = js_sys::Object::new();
    let set = |k: &str, v: JsValue| {
        let _ = js_sys::Reflect::set(&object, &k.into(), &v);
    };
    set("running", true.into());
    set("entities", (app.shown_entities().count() as u32).into());
    set(
        "mentions",
        (app.ranges.iter().flatten().count() as u32).into(),
    );
    set("scanMs", app.scan_ms.into());
    set("sections", app.sections.into());
    set("tasks", app.tasks.into());
    set("maxTaskNodes", (app.max_task_nodes as u32).into());
    set("maxTaskBytes", (app.max_task_bytes as u32).into());
    set(
        "reading",
        // A re-read with the full knowledge has cleared the scan until it is done.
        (!app.walkers.is_empty()
            || app.reread.is_some()
            || !app.section.text.is_empty()
            || app.changes_armed)
            .into(),
    );
    set("textBytes", (app.page.text.len() as u32).into());
    set("maxTaskMs", app.max_task_ms.into());
    set("maxWalkMs", app.max_walk_ms.into());
    set("maxSectionMs", app.max_section_ms.into());
    set("maxScanMs", app.max_scan_ms.into());
    if let Some(at) = app.painted_at_ms {
        set("paintedAtMs", at.into());
    }
    // WASM linear memory (the knowledge files and every scan live there).
    let memory = js_sys::Reflect::get(&wasm_bindgen::memory(), &"buffer".into())
        .and_then(|b| js_sys::Reflect::get(&b, &"byteLength".into()))
        .ok()
        .and_then(|n| n.as_f64());
    if let Some(bytes) = memory {
        set("wasmBytes", bytes.into());
    }
    set(
        "cards",
        CARDS_BYTES.with(|cell| cell.get().is_some()).into(),
    );
    set(
        "knowledge",
        if knowledge_is_complete() {
            "full"
        } else {
            "hot"
        }
        .into(),
    );
    object.into()
}

/// Whether an event happened inside the card (its target is the card's host element).
fn in_card(event: &web_sys::Event) -> bool {
    event
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .is_some_and(|e| e.id() == card_view::HOST_ID)
}

fn is_navigation_key(event: &web_sys::KeyboardEvent) -> Option<bool> {
    if !(event.alt_key() && event.shift_key()) || event.ctrl_key() || event.meta_key() {
        return None;
    }
    match event.code().as_str() {
        "KeyN" => Some(true),
        "KeyP" => Some(false),
        _ => None,
    }
}

fn install_listeners() -> Result<(), JsValue> {
    let window = web_sys::window().ok_or_else(|| error("no window"))?;
    let document = window.document().ok_or_else(|| error("no document"))?;
    let passive = EventListenerOptions::default();
    let pointer = EventListener::new_with_options(&window, "pointermove", passive, |event| {
        let Some(event) = event.dyn_ref::<web_sys::MouseEvent>() else {
            return;
        };
        let point = (f64::from(event.client_x()), f64::from(event.client_y()));
        let alt = event.alt_key();
        with_app(|app| {
            app.pointer = point;
            app.pointer_seen = true;
            app.alt_held = alt;
            if !app.pointer_timer_armed {
                app.pointer_timer_armed = true;
                app.pointer_timer = Some(Delay::new(POINTER_THROTTLE_MS, || {
                    with_app(|app| {
                        app.pointer_timer_armed = false;
                        app.on_pointer();
                    });
                }));
            }
        });
    });
    let click = EventListener::new(&document, "click", |event| {
        let Some(mouse) = event.dyn_ref::<web_sys::MouseEvent>() else {
            return;
        };
        let (x, y) = (f64::from(mouse.client_x()), f64::from(mouse.client_y()));
        let (inside, alt) = (in_card(event), mouse.alt_key());
        with_app(|app| {
            app.alt_held = alt;
            app.on_click(x, y, inside);
        });
    });
    let active = EventListenerOptions::enable_prevent_default();
    let keys = EventListener::new_with_options(&document, "keydown", active, |event| {
        let Some(event) = event.dyn_ref::<web_sys::KeyboardEvent>() else {
            return;
        };
        if event.key() == "Escape" {
            with_app(App::hide);
        } else if let Some(forward) = is_navigation_key(event) {
            event.prevent_default();
            with_app(|app| app.step_entity(forward));
        }
    });
    let scroll = EventListener::new(&document, "scroll", |_| {
        with_app(App::follow_scroll);
    });
    let resize = EventListener::new(&window, "resize", |_| {
        with_app(App::follow_scroll);
    });
    let visibility = EventListener::new(&document, "visibilitychange", |_| {
        with_app(|app| {
            if app.resume_when_visible && !app.document.hidden() {
                app.resume_when_visible = false;
                app.step();
            }
        });
    });
    with_app(|app| {
        app.listeners
            .extend([pointer, click, keys, scroll, resize, visibility])
    });
    Ok(())
}
