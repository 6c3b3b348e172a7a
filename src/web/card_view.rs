//! Draws a card inside one host element with a closed shadow root: page styles cannot reach
//! it, page scripts cannot read it, and it is removed as soon as it is hidden. Every string
//! is set as text, never as HTML; links get `target=_blank` and `rel=noopener noreferrer`.

use super::options::Options;
use crate::card::{CardData, Link};
use crate::locator_map::LocatorMap;
use gloo_events::EventListener;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{
    Document, DomRect, Element, HtmlElement, ShadowRoot, ShadowRootInit, ShadowRootMode,
};

pub const HOST_ID: &str = card_host_id!();
const CARD_WIDTH: f64 = 340.0;
const GAP: f64 = 6.0;
const MARGIN: f64 = 8.0;
const SVG_NS: &str = "http://www.w3.org/2000/svg";

const STYLE: &str = include_str!("card.css");

/// What the reader can do from inside a card.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CardAction {
    PreviousMention,
    NextMention,
    Close,
    Pin,
}

/// What the card shows beyond the entity's own data.
pub struct CardContext<'a> {
    /// Which of the entity's mentions the card is anchored to (0-based) and how many.
    pub mention: (usize, usize),
    /// Links on this page whose text names the entity.
    pub page_links: &'a [Link],
    pub pinned: bool,
    pub dark: bool,
    pub options: &'a Options,
}

/// The host element and its closed shadow root, alive while a card is shown.
pub struct CardView {
    pub host: HtmlElement,
    root: ShadowRoot,
    card: Element,
    buttons: Vec<(Element, CardAction)>,
    _listeners: Vec<EventListener>,
}

fn child(
    document: &Document,
    parent: &Element,
    tag: &str,
    class: &str,
    text: &str,
) -> Result<Element, JsValue> {
    let element = document.create_element(tag)?;
    if !class.is_empty() {
        element.set_class_name(class);
    }
    if !text.is_empty() {
        element.set_text_content(Some(text));
    }
    parent.append_child(&element)?;
    Ok(element)
}

fn svg(document: &Document, parent: &Element, tag: &str) -> Result<Element, JsValue> {
    let element = document.create_element_ns(Some(SVG_NS), tag)?;
    parent.append_child(&element)?;
    Ok(element)
}

fn html(element: Element) -> Result<HtmlElement, JsValue> {
    element
        .dyn_into::<HtmlElement>()
        .map_err(|_| JsValue::from_str("created element is not an HTML element"))
}

impl CardView {
    pub fn show(
        document: &Document,
        card: &CardData,
        context: &CardContext<'_>,
        anchor: &DomRect,
        on_action: impl Fn(CardAction) + Clone + 'static,
    ) -> Result<CardView, JsValue> {
        let host = html(document.create_element("div")?)?;
        host.set_id(HOST_ID);
        host.set_attribute(
            "style",
            "all: initial !important; position: fixed !important; \
             z-index: 2147483647 !important; top: 0 !important; left: 0 !important; \
             visibility: hidden !important;",
        )?;
        let init = ShadowRootInit::new(ShadowRootMode::Closed);
        let root = host.attach_shadow(&init)?;
        let style = document.create_element("style")?;
        style.set_text_content(Some(STYLE));
        root.append_child(&style)?;
        let body = document.create_element("div")?;
        let mut class = String::from("card");
        if context.dark {
            class.push_str(" dark");
        }
        if context.pinned {
            class.push_str(" pinned");
        }
        body.set_class_name(&class);
        let labels = context.options;
        body.set_attribute(
            "aria-label",
            &labels
                .label("cardAbout", "About $1")
                .replace("$1", &card.name),
        )?;
        let mut listeners = Vec::new();
        let buttons = render(document, &body, card, context)?;
        for (button, action) in &buttons {
            let on_action = on_action.clone();
            let action = *action;
            listeners.push(EventListener::new(button, "click", move |event| {
                event.stop_propagation();
                on_action(action);
            }));
        }
        root.append_child(&body)?;
        // The page's <body> is left untouched: the host hangs off the root element.
        let parent = document
            .document_element()
            .ok_or_else(|| JsValue::from_str("document has no root element"))?;
        parent.append_child(&host)?;
        let view = CardView {
            host,
            root,
            card: body,
            buttons,
            _listeners: listeners,
        };
        view.set_pinned(context.pinned)?;
        view.place(anchor)?;
        Ok(view)
    }

    /// A pinned card is a dialog the reader works in; a hover card is a tooltip.
    pub fn set_pinned(&self, pinned: bool) -> Result<(), JsValue> {
        let class = self.card.class_list();
        if pinned {
            class.add_1("pinned")?;
            self.card.set_attribute("role", "dialog")?;
        } else {
            class.remove_1("pinned")?;
            self.card.set_attribute("role", "tooltip")?;
        }
        Ok(())
    }

    /// Moves keyboard focus into the card: to the button for `action` when the card has
    /// one, else to its close button.
    pub fn focus(&self, action: CardAction) {
        let button = self
            .buttons
            .iter()
            .find(|(_, a)| *a == action)
            .or_else(|| self.buttons.iter().find(|(_, a)| *a == CardAction::Close));
        if let Some(button) = button.and_then(|(b, _)| b.dyn_ref::<HtmlElement>()) {
            let _ = button.focus();
        }
    }

    /// The card's button that has keyboard focus, if any (a redrawn card gives it back).
    pub fn focused_action(&self) -> Option<CardAction> {
        let active = self.root.active_element()?;
        self.buttons
            .iter()
            .find(|(b, _)| *b == active)
            .map(|(_, a)| *a)
    }

    /// Below the name when it fits, else above (flipped); shifted to stay inside the viewport.
    pub fn place(&self, anchor: &DomRect) -> Result<(), JsValue> {
        let window = web_sys::window().ok_or_else(|| JsValue::from_str("no window"))?;
        let document_element = window.document().and_then(|d| d.document_element());
        // The layout viewport without scrollbars, where the card must fit.
        let viewport_w = document_element
            .as_ref()
            .map(|e| f64::from(e.client_width()))
            .filter(|w| *w > 0.0)
            .unwrap_or_else(|| {
                window
                    .inner_width()
                    .ok()
                    .and_then(|v| v.as_f64())
                    .unwrap_or(1024.0)
            });
        let viewport_h = window.inner_height()?.as_f64().unwrap_or(768.0);
        let height = self.card.get_bounding_client_rect().height();
        let (top, left) = placement(anchor, height, viewport_w, viewport_h);
        // `all: initial !important` on the host shields it from page styles, so its own
        // position must be important too.
        let style = self.host.style();
        style.set_property_with_priority("top", &format!("{top:.0}px"), "important")?;
        style.set_property_with_priority("left", &format!("{left:.0}px"), "important")?;
        style.set_property_with_priority("visibility", "visible", "important")?;
        Ok(())
    }

    pub fn contains_point(&self, x: f64, y: f64) -> bool {
        let r = self.card.get_bounding_client_rect();
        x >= r.left() && x <= r.right() && y >= r.top() && y <= r.bottom()
    }

    pub fn remove(self) {
        self.host.remove();
    }
}

/// (top, left) of a card of `height` next to `anchor` in a viewport of the given size.
fn placement(anchor: &DomRect, height: f64, viewport_w: f64, viewport_h: f64) -> (f64, f64) {
    let below = anchor.bottom() + GAP;
    let above = anchor.top() - GAP - height;
    let top = if below + height + MARGIN <= viewport_h {
        below
    } else if above >= MARGIN {
        above
    } else {
        // Fits neither way: as low as the viewport allows, never off its top.
        below.min(viewport_h - height - MARGIN).max(MARGIN)
    };
    let left = anchor
        .left()
        .min(viewport_w - CARD_WIDTH - MARGIN)
        .max(MARGIN);
    (top, left)
}

fn links(
    document: &Document,
    body: &Element,
    heading: &str,
    class: &str,
    list: &[Link],
) -> Result<(), JsValue> {
    if list.is_empty() {
        return Ok(());
    }
    let nav = child(document, body, "nav", class, "")?;
    nav.set_attribute("aria-label", heading)?;
    child(document, &nav, "h3", "", heading)?;
    let items = child(document, &nav, "ul", "", "")?;
    for link in list {
        let item = child(document, &items, "li", "", "")?;
        let a = child(document, &item, "a", "", &link.label)?;
        a.set_attribute("href", &link.url)?;
        a.set_attribute("target", "_blank")?;
        a.set_attribute("rel", "noopener noreferrer")?;
    }
    Ok(())
}

fn locator_map(document: &Document, body: &Element, map: &LocatorMap) -> Result<(), JsValue> {
    let figure = svg(document, body, "svg")?;
    let [x, y, w, h] = map.view_box;
    figure.set_attribute("viewBox", &format!("{x:.1} {y:.1} {w:.1} {h:.1}"))?;
    figure.set_attribute("class", "map")?;
    figure.set_attribute("role", "img")?;
    figure.set_attribute("aria-label", "Locator map")?;
    let sea = svg(document, &figure, "rect")?;
    for (name, value) in [("x", x), ("y", y), ("width", w), ("height", h)] {
        sea.set_attribute(name, &format!("{value:.1}"))?;
    }
    sea.set_attribute("class", "sea")?;
    for path in &map.land {
        let outline = svg(document, &figure, "path")?;
        outline.set_attribute("d", path)?;
        outline.set_attribute("class", "land")?;
    }
    if let Some(home) = &map.home {
        let outline = svg(document, &figure, "path")?;
        outline.set_attribute("d", home)?;
        outline.set_attribute("class", "home")?;
    }
    if let Some((px, py)) = map.point {
        let dot = svg(document, &figure, "circle")?;
        dot.set_attribute("cx", &format!("{px:.1}"))?;
        dot.set_attribute("cy", &format!("{py:.1}"))?;
        dot.set_attribute("r", &format!("{:.2}", w / 60.0))?;
        dot.set_attribute("class", "point")?;
    }
    Ok(())
}

fn button(
    document: &Document,
    parent: &Element,
    class: &str,
    text: &str,
    label: &str,
) -> Result<Element, JsValue> {
    let element = child(document, parent, "button", class, text)?;
    element.set_attribute("type", "button")?;
    element.set_attribute("aria-label", label)?;
    element.set_attribute("title", label)?;
    Ok(element)
}

/// A drawing pin, drawn (emoji fonts are missing on many systems).
fn pin_icon(document: &Document, parent: &Element) -> Result<(), JsValue> {
    let icon = svg(document, parent, "svg")?;
    icon.set_attribute("viewBox", "0 0 16 16")?;
    icon.set_attribute("width", "14")?;
    icon.set_attribute("height", "14")?;
    icon.set_attribute("aria-hidden", "true")?;
    let path = svg(document, &icon, "path")?;
    path.set_attribute("d", "M5 1h6l-1 5 3 3H9l-1 6-1-6H3l3-3z")?;
    path.set_attribute("fill", "currentColor")?;
    Ok(())
}

/// Fills the card; returns its buttons with what each does.
fn render(
    document: &Document,
    body: &Element,
    card: &CardData,
    context: &CardContext<'_>,
) -> Result<Vec<(Element, CardAction)>, JsValue> {
    let o = context.options;
    let mut buttons = Vec::new();
    let header = child(document, body, "div", "header", "")?;
    let kind = if card.subtype.is_empty() {
        card.kind.clone()
    } else {
        format!("{} · {}", card.kind, card.subtype)
    };
    child(document, &header, "div", "kind", &kind)?;
    if !context.pinned {
        let pin = button(
            document,
            &header,
            "pin",
            "",
            o.label("cardPin", "Pin this card"),
        )?;
        pin_icon(document, &pin)?;
        buttons.push((pin, CardAction::Pin));
    }
    buttons.push((
        button(
            document,
            &header,
            "close",
            "×",
            o.label("cardClose", "Close"),
        )?,
        CardAction::Close,
    ));
    child(document, body, "h2", "name", &card.name)?;
    if card.country.is_some() || card.flag.is_some() {
        let line = child(document, body, "div", "country", "")?;
        if let Some(flag) = &card.flag {
            let f = child(document, &line, "span", "flag", flag)?;
            f.set_attribute("aria-hidden", "true")?;
        }
        if let Some(country) = &card.country {
            child(document, &line, "span", "", country)?;
        }
    }
    if let Some(summary) = &card.summary {
        child(document, body, "p", "summary", summary)?;
    }
    if !card.roles.is_empty() {
        let list = child(document, body, "ul", "roles", "")?;
        for role in card.roles.iter().take(4) {
            child(document, &list, "li", "", role)?;
        }
    }
    if !card.facts.is_empty() {
        child(document, body, "p", "facts", &card.facts.join(" · "))?;
    }
    if let Some(map) = &card.map {
        locator_map(document, body, map)?;
    }
    let article = child(document, body, "section", "article", "")?;
    child(
        document,
        &article,
        "h3",
        "",
        o.label("cardInArticle", "In this article"),
    )?;
    if let Some(intro) = &card.intro {
        let text = o
            .label("cardIntroducedAs", "Introduced as “$1”")
            .replace("$1", intro);
        child(document, &article, "p", "intro", &text)?;
    }
    if !card.first_sentence.is_empty() {
        let sentence: String = card.first_sentence.chars().take(240).collect();
        child(document, &article, "p", "quote", &sentence)?;
    }
    let (index, total) = context.mention;
    let nav = child(document, &article, "div", "mentions", "")?;
    if total > 1 {
        buttons.push((
            button(
                document,
                &nav,
                "prev",
                "‹",
                o.label("cardPrevious", "Previous mention"),
            )?,
            CardAction::PreviousMention,
        ));
    }
    let count = match total {
        0 | 1 => o.label("cardMentionedOnce", "Mentioned once").to_string(),
        n => o
            .label("cardMentionOf", "Mention $1 of $2")
            .replace("$1", &(index + 1).to_string())
            .replace("$2", &n.to_string()),
    };
    child(document, &nav, "span", "count", &count)?;
    if total > 1 {
        buttons.push((
            button(
                document,
                &nav,
                "next",
                "›",
                o.label("cardNext", "Next mention"),
            )?,
            CardAction::NextMention,
        ));
    }
    links(
        document,
        body,
        o.label("cardOnThisPage", "On this page"),
        "page-links",
        context.page_links,
    )?;
    links(
        document,
        body,
        o.label("cardSearch", "Search the news"),
        "search-links",
        &card.search_links,
    )?;
    links(
        document,
        body,
        o.label("cardReference", "Reference"),
        "reference-links",
        &card.links,
    )?;
    if let Some(as_of) = &card.as_of {
        let text = o.label("cardAsOf", "Facts as of $1").replace("$1", as_of);
        child(document, body, "div", "as-of", &text)?;
    }
    Ok(buttons)
}
