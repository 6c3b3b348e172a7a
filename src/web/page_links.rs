//! Related coverage on the page itself: links whose text names the entity ("Also read:
//! Araghchi meets Lavrov in Moscow"). Read when a card opens, from `document.links`.

use super::card_view::HOST_ID;
use crate::card::{text_mentions, Link};
use wasm_bindgen::JsCast;
use web_sys::{Document, HtmlAnchorElement};

/// Links looked at, at most (pages with huge link farms stay cheap).
const MAX_LINKS_READ: u32 = 3000;
/// Links shown on a card.
const MAX_LINKS_SHOWN: usize = 5;
/// Link texts longer than this are page chrome, not headlines.
const MAX_TEXT_CHARS: usize = 200;

/// Links on the page that name the entity by any of `names`, first ones first, without
/// repeats, never a link to the page itself.
pub fn related_links(document: &Document, names: &[&str]) -> Vec<Link> {
    let here = document
        .location()
        .and_then(|l| l.href().ok())
        .map(|h| h.split('#').next().unwrap_or("").to_string())
        .unwrap_or_default();
    let links = document.links();
    let mut found: Vec<Link> = Vec::new();
    for i in 0..links.length().min(MAX_LINKS_READ) {
        // `document.links` holds <a> and <area>; only anchors have text.
        let Some(anchor) = links
            .item(i)
            .and_then(|e| e.dyn_into::<HtmlAnchorElement>().ok())
        else {
            continue;
        };
        if anchor
            .closest(&format!("#{HOST_ID}"))
            .ok()
            .flatten()
            .is_some()
        {
            continue;
        }
        let url = anchor.href();
        let target = url.split('#').next().unwrap_or("");
        let web = url.starts_with("https://") || url.starts_with("http://");
        if !web || target == here || found.iter().any(|l| l.url == url) {
            continue;
        }
        let text = anchor.text_content().unwrap_or_default();
        let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
        if text.is_empty() || text.chars().count() > MAX_TEXT_CHARS {
            continue;
        }
        if text_mentions(&text, names) {
            found.push(Link { label: text, url });
            if found.len() == MAX_LINKS_SHOWN {
                break;
            }
        }
    }
    found
}
