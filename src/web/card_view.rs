//! Draws a card inside one host element with a closed shadow root: page styles cannot reach
//! it, page scripts cannot read it, and it is removed as soon as it is hidden. Every string
//! is set as text, never as HTML.

use crate::card::CardData;
use wasm_bindgen::JsValue;
use web_sys::{
    Document, DomRect, Element, HtmlElement, ShadowRoot, ShadowRootInit, ShadowRootMode,
};

pub const HOST_ID: &str = "backstory-card-host";
const CARD_WIDTH: f64 = 340.0;
const GAP: f64 = 6.0;
const MARGIN: f64 = 8.0;

const STYLE: &str = r#"
.card { box-sizing: border-box; width: 340px; max-height: 70vh; overflow: auto;
  font: 14px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1d2330;
  background: #fff; border: 1px solid #c9ced8; border-radius: 10px; padding: 12px 14px;
  box-shadow: 0 8px 28px rgba(20, 30, 50, .22); text-align: left; }
.kind { font-size: 11px; letter-spacing: .06em; text-transform: uppercase; color: #5a6273; }
h2 { font-size: 17px; margin: 2px 0 2px; font-weight: 650; }
.country { color: #5a6273; font-size: 13px; }
p { margin: 6px 0; }
ul { margin: 6px 0; padding-left: 18px; }
li { margin: 2px 0; }
h3 { font-size: 11px; letter-spacing: .06em; text-transform: uppercase; color: #5a6273;
  margin: 10px 0 4px; }
.quote { font-style: italic; }
.links { display: flex; flex-wrap: wrap; gap: 10px; margin-top: 10px; }
a { color: #0b57d0; text-decoration: none; }
a:hover, a:focus { text-decoration: underline; }
.as-of { font-size: 11px; color: #6b7280; margin-top: 8px; }
@media (prefers-color-scheme: dark) {
  .card { color: #e6e9ef; background: #1f2430; border-color: #3a4152; }
  .kind, .country, h3, .as-of { color: #a8b0c0; }
  a { color: #8ab4f8; }
}
@media (prefers-reduced-motion: no-preference) {
  .card { animation: appear .12s ease-out; }
  @keyframes appear { from { opacity: 0; transform: translateY(2px); } }
}
"#;

/// The host element and its closed shadow root, alive while a card is shown.
pub struct CardView {
    pub host: HtmlElement,
    root: ShadowRoot,
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

impl CardView {
    pub fn show(
        document: &Document,
        card: &CardData,
        anchor: &DomRect,
    ) -> Result<CardView, JsValue> {
        let host: HtmlElement = document.create_element("div")?.dyn_into_html()?;
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
        body.set_class_name("card");
        body.set_attribute("role", "tooltip")?;
        body.set_attribute("aria-label", &format!("About {}", card.name))?;
        render(document, &body, card)?;
        root.append_child(&body)?;
        // The page's <body> is left untouched: the host hangs off the root element.
        let parent = document
            .document_element()
            .ok_or_else(|| JsValue::from_str("document has no root element"))?;
        parent.append_child(&host)?;
        let view = CardView { host, root };
        view.place(anchor)?;
        Ok(view)
    }

    /// Below the name when it fits, else above; shifted to stay inside the viewport.
    fn place(&self, anchor: &DomRect) -> Result<(), JsValue> {
        let window = web_sys::window().ok_or_else(|| JsValue::from_str("no window"))?;
        let viewport_w = window.inner_width()?.as_f64().unwrap_or(1024.0);
        let viewport_h = window.inner_height()?.as_f64().unwrap_or(768.0);
        let height = self
            .root
            .last_element_child()
            .map(|card| card.get_bounding_client_rect().height())
            .unwrap_or(200.0);
        let below = anchor.bottom() + GAP;
        let top = if below + height + MARGIN <= viewport_h || anchor.top() < height + GAP + MARGIN {
            below.min((viewport_h - height - MARGIN).max(MARGIN))
        } else {
            anchor.top() - GAP - height
        };
        let left = anchor
            .left()
            .min(viewport_w - CARD_WIDTH - MARGIN)
            .max(MARGIN);
        // `all: initial !important` on the host shields it from page styles, so its own
        // position must be important too.
        let style = self.host.style();
        style.set_property_with_priority("top", &format!("{top:.0}px"), "important")?;
        style.set_property_with_priority("left", &format!("{left:.0}px"), "important")?;
        style.set_property_with_priority("visibility", "visible", "important")?;
        Ok(())
    }

    pub fn contains_point(&self, x: f64, y: f64) -> bool {
        self.root.last_element_child().is_some_and(|card| {
            let r = card.get_bounding_client_rect();
            x >= r.left() && x <= r.right() && y >= r.top() && y <= r.bottom()
        })
    }

    pub fn remove(self) {
        self.host.remove();
    }
}

trait IntoHtml {
    fn dyn_into_html(self) -> Result<HtmlElement, JsValue>;
}

impl IntoHtml for Element {
    fn dyn_into_html(self) -> Result<HtmlElement, JsValue> {
        use wasm_bindgen::JsCast;
        self.dyn_into::<HtmlElement>()
            .map_err(|_| JsValue::from_str("created element is not an HTML element"))
    }
}

fn render(document: &Document, body: &Element, card: &CardData) -> Result<(), JsValue> {
    let kind = if card.subtype.is_empty() {
        card.kind.clone()
    } else {
        format!("{} · {}", card.kind, card.subtype)
    };
    child(document, body, "div", "kind", &kind)?;
    child(document, body, "h2", "name", &card.name)?;
    if let Some(country) = &card.country {
        child(document, body, "div", "country", country)?;
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
    child(document, body, "h3", "", "In this article")?;
    if let Some(intro) = &card.intro {
        child(
            document,
            body,
            "p",
            "intro",
            &format!("Introduced as “{intro}”"),
        )?;
    } else if !card.first_sentence.is_empty() {
        let sentence: String = card.first_sentence.chars().take(240).collect();
        child(document, body, "p", "quote", &sentence)?;
    }
    let times = match card.mention_count {
        1 => "Mentioned once".to_string(),
        n => format!("Mentioned {n} times"),
    };
    child(document, body, "p", "count", &times)?;
    let links = child(document, body, "nav", "links", "")?;
    links.set_attribute("aria-label", "Further reading")?;
    for link in &card.links {
        let a = child(document, &links, "a", "", &link.label)?;
        a.set_attribute("href", &link.url)?;
        a.set_attribute("target", "_blank")?;
        a.set_attribute("rel", "noopener noreferrer")?;
    }
    if let Some(as_of) = &card.as_of {
        child(
            document,
            body,
            "div",
            "as-of",
            &format!("Facts as of {as_of}"),
        )?;
    }
    Ok(())
}
