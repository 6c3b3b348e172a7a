//! People named in a list with other people: in "Robert Mapplethorpe, Walker Evans, and
//! Helmut Newton" the members are of one kind, so when two members of a list joined by commas
//! and a final "and"/"or" are people the scan recognised, a two-word capitalised member that
//! no other reading took is a person too, though no cue or known given name introduces it.
//! One recognised person is not enough ("Marjorie Prime, Phantom Thread, and The Post" are
//! films), nor is a list without its "and" ("Speaking Tuesday, Jane Doe said"). The walk
//! starts at person mentions and touches list tokens only. `other_members` reads a list
//! around one name, for lists of companies and clubs.

use super::patterns;
use crate::text::{Gap, Shape, Token};

/// Fewest recognised people in a list whose other two-word members are read as people.
const MIN_PEOPLE: usize = 2;

/// Tokens `start..end` of each list member found. `taken[t]` says that some mention covers
/// token `t`; `spans` are the person mentions as token ranges, in text order.
pub fn members(
    text: &str,
    tokens: &[Token],
    caps_block: &[bool],
    taken: &[bool],
    spans: &[(usize, usize)],
) -> Vec<(usize, usize)> {
    let mut found = Vec::new();
    let mut list_end = 0;
    for (k, &(start, end)) in spans.iter().enumerate() {
        if start < list_end {
            continue;
        }
        // The person mention ending at token `e`, if any, among the spans before this one.
        let person_ending = |e: usize| {
            spans[..k]
                .iter()
                .rev()
                .take_while(|s| s.1 >= e)
                .find(|s| s.1 == e)
                .map(|s| s.0)
        };
        let mut first = start;
        let mut people = 1;
        let mut closed = false;
        let new_from = found.len();
        while let Some((member_end, comma_only)) = previous_member_end(text, tokens, first) {
            let member_start = if let Some(s) = person_ending(member_end) {
                people += 1;
                s
            } else if member_end >= 2 && candidate(tokens, caps_block, taken, member_end - 2) {
                found.push((member_end - 2, member_end));
                member_end - 2
            } else {
                break;
            };
            closed |= !comma_only;
            first = member_start;
        }
        let mut last = end;
        let mut next_span = k + 1;
        while let Some((next, comma_only)) = next_member(text, tokens, last) {
            while spans.get(next_span).is_some_and(|s| s.0 < next) {
                next_span += 1;
            }
            let member_end = match spans.get(next_span) {
                Some(&(s, e)) if s == next => {
                    people += 1;
                    e
                }
                _ if candidate(tokens, caps_block, taken, next) => {
                    found.push((next, next + 2));
                    next + 2
                }
                _ => break,
            };
            closed |= !comma_only;
            last = member_end;
        }
        list_end = last;
        if people < MIN_PEOPLE || !closed {
            found.truncate(new_from);
        }
    }
    found
}

/// Most words a list member read by `other_members` may have ("Manchester United").
const MAX_MEMBER_WORDS: usize = 4;

/// Most members `other_members` reads on each side of a name.
const MAX_MEMBERS: usize = 8;

/// The other members of the list the capitalised name at tokens `start..end` stands in,
/// as token ranges, each a run of capitalised words: "Meta" in "Microsoft, Meta and
/// Alphabet" has "Microsoft" and "Alphabet". Empty where no "and"/"or" closes the list, so
/// that a comma alone ("Speaking to Reuters, Apple said") makes none.
pub fn other_members(
    text: &str,
    tokens: &[Token],
    start: usize,
    end: usize,
) -> Vec<(usize, usize)> {
    let mut members = Vec::new();
    let mut closed = false;
    let mut first = start;
    while members.len() < MAX_MEMBERS {
        let Some((member_end, comma_only)) = previous_member_end(text, tokens, first) else {
            break;
        };
        let Some(member_start) = capitalised_run(tokens, member_end, Direction::Back) else {
            break;
        };
        members.push((member_start, member_end));
        closed |= !comma_only;
        first = member_start;
    }
    let mut last = end;
    // After the "and", the list ends.
    let mut open = true;
    while open && members.len() < 2 * MAX_MEMBERS {
        let Some((member_start, comma_only)) = next_member(text, tokens, last) else {
            break;
        };
        let Some(member_end) = capitalised_run(tokens, member_start, Direction::On) else {
            break;
        };
        members.push((member_start, member_end));
        closed |= !comma_only;
        open = comma_only;
        last = member_end;
    }
    if !closed {
        members.clear();
    }
    members
}

enum Direction {
    Back,
    On,
}

/// The other end of the run of up to `MAX_MEMBER_WORDS` capitalised words joined as a name
/// that ends before token `at` (`Back`) or starts at it (`On`); None when there is none.
fn capitalised_run(tokens: &[Token], at: usize, direction: Direction) -> Option<usize> {
    let mut other = at;
    loop {
        let (word, joined) = match direction {
            Direction::Back if other > 0 => (&tokens[other - 1], tokens.get(other)),
            Direction::On if other < tokens.len() => (&tokens[other], Some(&tokens[other])),
            _ => break,
        };
        let joins = other == at || joined.is_some_and(|t| t.gap.joins_name());
        if other.abs_diff(at) >= MAX_MEMBER_WORDS || !word.is_capitalized() || !joins {
            break;
        }
        other = match direction {
            Direction::Back => other - 1,
            Direction::On => other + 1,
        };
    }
    (other != at).then_some(other)
}

/// Where the next list member after a member ending at token `end` starts: after a comma,
/// "and"/"or", or ", and"; and whether a bare comma joins it.
fn next_member(text: &str, tokens: &[Token], end: usize) -> Option<(usize, bool)> {
    let next = tokens.get(end)?;
    if patterns::is_list_joiner(&next.norm) {
        let joined = matches!(next.gap, Gap::Space) || comma_before(text, tokens, end);
        let after = tokens.get(end + 1)?;
        return (joined && after.gap == Gap::Space).then_some((end + 1, false));
    }
    comma_before(text, tokens, end).then_some((end, true))
}

/// Where the list member before a member starting at token `start` ends (exclusive), and
/// whether a bare comma joins them.
fn previous_member_end(text: &str, tokens: &[Token], start: usize) -> Option<(usize, bool)> {
    if start == 0 {
        return None;
    }
    if comma_before(text, tokens, start) {
        return Some((start, true));
    }
    let joiner = &tokens[start - 1];
    let joined = tokens[start].gap == Gap::Space && patterns::is_list_joiner(&joiner.norm);
    if !joined || start < 2 {
        return None;
    }
    (joiner.gap == Gap::Space || comma_before(text, tokens, start - 1))
        .then_some((start - 1, false))
}

/// Whether only a comma (and spaces) stands between token `i - 1` and token `i`.
fn comma_before(text: &str, tokens: &[Token], i: usize) -> bool {
    i > 0 && tokens[i].gap == Gap::Punct && text[tokens[i - 1].end..tokens[i].start].trim() == ","
}

/// Whether tokens `i`, `i + 1` are a two-word capitalised name no reading took, with no
/// capitalised word joined on either side, and neither word a title, a place or
/// organisation word, or a word that is never a name.
fn candidate(tokens: &[Token], caps_block: &[bool], taken: &[bool], i: usize) -> bool {
    let (Some(first), Some(second)) = (tokens.get(i), tokens.get(i + 1)) else {
        return false;
    };
    let word = |t: &Token| {
        t.shape == Shape::Capitalized
            && !patterns::is_person_title(&t.norm)
            && !patterns::is_not_name(&t.norm)
            && !patterns::is_organization_head(&t.norm)
            && !patterns::is_place_head(&t.norm)
            && !patterns::is_place_prefix(&t.norm)
    };
    let longer = tokens
        .get(i + 2)
        .is_some_and(|t| t.gap.joins_name() && t.is_capitalized())
        || (i > 0 && first.gap.joins_name() && tokens[i - 1].is_capitalized());
    word(first)
        && word(second)
        && second.gap == Gap::Space
        && !longer
        && !caps_block[i]
        && !taken[i]
        && !taken[i + 1]
}
