//! Which mention is under the pointer: the caret position at the point gives a text node
//! and offset, the mention ranges holding it are candidates, and the point must fall inside
//! one of the range's line boxes (a caret is found even over blank margins).

use super::bindings::caret_at;
use web_sys::{Document, DomRect, Range};

/// Slack in CSS pixels around a line box, so the pointer on a glyph's edge still counts.
const SLACK: f64 = 1.0;

fn rect_contains(rect: &DomRect, x: f64, y: f64) -> bool {
    x >= rect.left() - SLACK
        && x <= rect.right() + SLACK
        && y >= rect.top() - SLACK
        && y <= rect.bottom() + SLACK
}

/// The line box of `range` under the point, if any.
pub fn rect_under(range: &Range, x: f64, y: f64) -> Option<DomRect> {
    let rects = range.get_client_rects()?;
    (0..rects.length())
        .filter_map(|i| rects.item(i))
        .find(|r| rect_contains(r, x, y))
}

/// Index of the mention under the point.
pub fn mention_at(document: &Document, ranges: &[Option<Range>], x: f64, y: f64) -> Option<usize> {
    let (node, offset) = caret_at(document, x, y)?;
    ranges.iter().position(|range| {
        range.as_ref().is_some_and(|range| {
            range.is_point_in_range(&node, offset).unwrap_or(false)
                && rect_under(range, x, y).is_some()
        })
    })
}
