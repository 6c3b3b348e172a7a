//! The content-script front end. Exports to JavaScript: `load_knowledge` and `load_cards`
//! (the compiled knowledge files, fetched by the loader), `start`, `stop`, `stats` and
//! `scan_text`. The loader (extension/content/loader.js) decides when to call them;
//! everything that reads or paints the page happens here.
//!
//! State lives in one thread-local `App`; every listener and timer it installs is owned by
//! it, so `stop` (dropping the App) removes them all.

mod bindings;
mod card_view;
mod extract;
mod hover;
mod observe;
mod paint;

use crate::kb::{Cards, Kb};
use crate::scan::{scan, Scan};
use card_view::CardView;
use extract::PageText;
use gloo_events::{EventListener, EventListenerOptions};
use gloo_timers::callback::Timeout;
use std::cell::{OnceCell, RefCell};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Document, Range};

/// Time the pointer must rest on a name before its card opens.
const HOVER_DELAY_MS: u32 = 300;
/// Time the card stays after the pointer leaves, to let the reader move into it.
const HIDE_GRACE_MS: u32 = 300;
/// Pointer moves are processed at most this often.
const POINTER_THROTTLE_MS: u32 = 40;
/// A burst of page changes is rescanned once, this long after it starts...
const RESCAN_DELAY_MS: f64 = 200.0;
/// ...and never sooner than this after the previous scan (live blogs change constantly).
const RESCAN_INTERVAL_MS: f64 = 1000.0;

struct ShownCard {
    mention: usize,
    view: CardView,
}

struct App {
    kb: Kb<'static>,
    /// Asked for the card details file the first time a card is about to open.
    need_cards: Option<js_sys::Function>,
    cards_requested: bool,
    document: Document,
    page: PageText,
    scan: Scan,
    ranges: Vec<Option<Range>>,
    card: Option<ShownCard>,
    pending_mention: Option<usize>,
    pointer: (f64, f64),
    // Timers are replaced, never dropped from inside their own callback.
    pointer_timer: Option<Timeout>,
    pointer_timer_armed: bool,
    show_timer: Option<Timeout>,
    hide_timer: Option<Timeout>,
    hide_armed: bool,
    listeners: Vec<EventListener>,
    observer: Option<observe::PageObserver>,
    rescan_timer: Option<Timeout>,
    rescan_armed: bool,
    /// A change arrived while the tab was hidden: rescan when it is shown again.
    rescan_when_visible: bool,
    /// A change arrived while a card was open: rescan when it closes.
    rescan_after_card: bool,
    last_scan_at: f64,
    scans: u32,
    scan_ms: f64,
}

thread_local! {
    static APP: RefCell<Option<App>> = const { RefCell::new(None) };
    // The knowledge files live as long as the page: loaded once, shared by every start.
    static KB_BYTES: OnceCell<&'static [u8]> = const { OnceCell::new() };
    static CARDS_BYTES: OnceCell<&'static [u8]> = const { OnceCell::new() };
}

fn knowledge() -> Result<Kb<'static>, JsValue> {
    let bytes = KB_BYTES
        .with(|cell| cell.get().copied())
        .ok_or_else(|| error("knowledge not loaded: call load_knowledge first"))?;
    Kb::open(bytes).map_err(|e| error(&e.to_string()))
}

fn cards() -> Option<Cards<'static>> {
    let bytes = CARDS_BYTES.with(|cell| cell.get().copied())?;
    Cards::open(bytes).ok()
}

/// Takes the bytes of `kb.bin`; checks them once. Later calls keep the first copy.
#[wasm_bindgen]
pub fn load_knowledge(bytes: Vec<u8>) -> Result<(), JsValue> {
    Kb::open(&bytes).map_err(|e| error(&e.to_string()))?;
    KB_BYTES.with(|cell| {
        cell.get_or_init(|| Box::leak(bytes.into_boxed_slice()));
    });
    Ok(())
}

/// Takes the bytes of `kb-cards.bin`; an open card is redrawn with its details.
#[wasm_bindgen]
pub fn load_cards(bytes: Vec<u8>) -> Result<(), JsValue> {
    Cards::open(&bytes).map_err(|e| error(&e.to_string()))?;
    CARDS_BYTES.with(|cell| {
        cell.get_or_init(|| Box::leak(bytes.into_boxed_slice()));
    });
    with_app(|app| {
        if let Some(mention) = app.card.as_ref().map(|c| c.mention) {
            app.show(mention);
        }
    });
    Ok(())
}

fn with_app(f: impl FnOnce(&mut App)) {
    APP.with(|cell| {
        if let Ok(mut slot) = cell.try_borrow_mut() {
            if let Some(app) = slot.as_mut() {
                f(app);
            }
        }
    });
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
/// has not been loaded yet.
#[wasm_bindgen]
pub fn start(need_cards: Option<js_sys::Function>) -> Result<JsValue, JsValue> {
    let running = APP.with(|cell| cell.borrow().is_some());
    if !running {
        let mut app = App::new()?;
        app.need_cards = need_cards;
        if let Some(body) = app.document.body() {
            app.observer = Some(observe::PageObserver::watch(&body, || {
                with_app(App::schedule_rescan)
            })?);
        }
        APP.with(|cell| *cell.borrow_mut() = Some(app));
        install_listeners()?;
    }
    Ok(stats())
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

/// Numbers for the popup and tests: running, entities, mentions, scan time.
#[wasm_bindgen]
pub fn stats() -> JsValue {
    let object = js_sys::Object::new();
    APP.with(|cell| {
        let slot = cell.borrow();
        let set = |k: &str, v: JsValue| {
            let _ = js_sys::Reflect::set(&object, &k.into(), &v);
        };
        set("running", slot.is_some().into());
        if let Some(app) = slot.as_ref() {
            set("entities", (app.scan.entities.len() as u32).into());
            set("mentions", (app.scan.mentions.len() as u32).into());
            set("scanMs", app.scan_ms.into());
            set("scans", app.scans.into());
            set("textBytes", (app.page.text.len() as u32).into());
        }
    });
    object.into()
}

/// Scans a plain string with the embedded knowledge base and returns the mentions; used by
/// benchmarks and by anything that has text but no page.
#[wasm_bindgen]
pub fn scan_text(text: &str) -> Result<JsValue, JsValue> {
    let kb = knowledge()?;
    let result = scan(&kb, text);
    serde_wasm_bindgen::to_value(&result).map_err(|e| error(&e.to_string()))
}

impl App {
    fn new() -> Result<App, JsValue> {
        let window = web_sys::window().ok_or_else(|| error("no window"))?;
        let document = window.document().ok_or_else(|| error("no document"))?;
        let body = document
            .body()
            .ok_or_else(|| error("page has no body yet"))?;
        let kb = knowledge()?;
        let began = now_ms();
        let page = extract::extract(&body);
        let result = scan(&kb, &page.text);
        let ranges = paint::mention_ranges(&document, &page, &result);
        paint::paint(&result, &ranges)?;
        let scan_ms = now_ms() - began;
        Ok(App {
            observer: None,
            rescan_timer: None,
            rescan_armed: false,
            rescan_when_visible: false,
            rescan_after_card: false,
            last_scan_at: now_ms(),
            scans: 1,
            kb,
            need_cards: None,
            cards_requested: false,
            document,
            page,
            scan: result,
            ranges,
            card: None,
            pending_mention: None,
            pointer: (0.0, 0.0),
            pointer_timer: None,
            pointer_timer_armed: false,
            show_timer: None,
            hide_timer: None,
            hide_armed: false,
            listeners: Vec::new(),
            scan_ms,
        })
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
        match hover::mention_at(&self.document, &self.ranges, x, y) {
            Some(mention) => {
                let same_entity = |other: usize| {
                    self.scan.mentions[other].entity == self.scan.mentions[mention].entity
                };
                if self
                    .card
                    .as_ref()
                    .is_some_and(|c| c.mention == mention || same_entity(c.mention))
                {
                    self.cancel_hide();
                    self.cancel_show();
                } else if self.pending_mention != Some(mention) {
                    self.pending_mention = Some(mention);
                    self.request_cards();
                    self.show_timer = Some(Timeout::new(HOVER_DELAY_MS, move || {
                        with_app(|app| {
                            if app.pending_mention == Some(mention) {
                                app.pending_mention = None;
                                app.show(mention);
                            }
                        })
                    }));
                }
            }
            None => {
                self.cancel_show();
                if self.card.is_some() && !self.hide_armed {
                    self.hide_armed = true;
                    self.hide_timer = Some(Timeout::new(HIDE_GRACE_MS, || {
                        with_app(|app| {
                            if app.hide_armed {
                                app.hide();
                            }
                        })
                    }));
                }
            }
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

    /// Called for every relevant batch of page changes: one rescan per burst, spaced out.
    fn schedule_rescan(&mut self) {
        if self.rescan_armed {
            return;
        }
        self.rescan_armed = true;
        let due = (self.last_scan_at + RESCAN_INTERVAL_MS).max(now_ms() + RESCAN_DELAY_MS);
        let delay = (due - now_ms()).max(0.0) as u32;
        self.rescan_timer = Some(Timeout::new(delay, || {
            with_app(|app| {
                app.rescan_armed = false;
                if app.document.hidden() {
                    app.rescan_when_visible = true;
                } else if app.card.is_some() {
                    // Never pull a card from under the reader: rescan once it closes.
                    app.rescan_after_card = true;
                } else {
                    app.rescan();
                }
            })
        }));
    }

    /// Reads and scans the page again; highlights of removed text go, new text gets them.
    fn rescan(&mut self) {
        let Some(body) = self.document.body() else {
            return;
        };
        self.hide();
        self.pending_mention = None;
        let began = now_ms();
        self.page = extract::extract(&body);
        self.scan = scan(&self.kb, &self.page.text);
        self.ranges = paint::mention_ranges(&self.document, &self.page, &self.scan);
        if let Err(e) = paint::paint(&self.scan, &self.ranges) {
            web_sys::console::warn_2(&"Backstory: painting failed".into(), &e);
        }
        self.last_scan_at = now_ms();
        self.scan_ms = self.last_scan_at - began;
        self.scans += 1;
    }

    fn cancel_show(&mut self) {
        self.pending_mention = None;
    }

    fn cancel_hide(&mut self) {
        self.hide_armed = false;
    }

    fn show(&mut self, mention: usize) {
        self.hide();
        let Some(Some(range)) = self.ranges.get(mention) else {
            return;
        };
        let (x, y) = self.pointer;
        let anchor =
            hover::rect_under(range, x, y).unwrap_or_else(|| range.get_bounding_client_rect());
        let entity = self.scan.mentions[mention].entity;
        let cards = cards();
        let Some(data) = crate::card::build(
            &self.kb,
            cards.as_ref(),
            &self.page.text,
            &self.scan,
            entity,
        ) else {
            return;
        };
        match CardView::show(&self.document, &data, &anchor) {
            Ok(view) => self.card = Some(ShownCard { mention, view }),
            Err(e) => web_sys::console::warn_2(&"Backstory: card failed".into(), &e),
        }
    }

    fn hide(&mut self) {
        self.hide_armed = false;
        if let Some(shown) = self.card.take() {
            shown.view.remove();
            if std::mem::take(&mut self.rescan_after_card) {
                self.schedule_rescan();
            }
        }
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
        with_app(|app| {
            app.pointer = point;
            if !app.pointer_timer_armed {
                app.pointer_timer_armed = true;
                app.pointer_timer = Some(Timeout::new(POINTER_THROTTLE_MS, || {
                    with_app(|app| {
                        app.pointer_timer_armed = false;
                        app.on_pointer();
                    })
                }));
            }
        });
    });
    let keys = EventListener::new(&document, "keydown", |event| {
        if let Some(event) = event.dyn_ref::<web_sys::KeyboardEvent>() {
            if event.key() == "Escape" {
                with_app(App::hide);
            }
        }
    });
    let scroll = EventListener::new_with_options(
        &document,
        "scroll",
        EventListenerOptions::default(),
        |_| with_app(App::hide),
    );
    let visibility = EventListener::new(&document, "visibilitychange", |_| {
        with_app(|app| {
            if app.rescan_when_visible && !app.document.hidden() {
                app.rescan_when_visible = false;
                app.rescan();
            }
        })
    });
    with_app(|app| app.listeners.extend([pointer, keys, scroll, visibility]));
    Ok(())
}
