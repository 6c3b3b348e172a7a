//! How the article introduced each entity: the role phrase right before its first mention
//! ("Iranian Foreign Minister Abbas Araghchi"), or an appositive after it ("Jane Doe, a
//! spokeswoman for the agency,"), and the sentence it first appears in. An entity the
//! knowledge base lacks gets its card from this alone.

use super::{patterns, Scan};
use crate::text::{Gap, Token};

/// Most words kept in a role phrase or appositive.
const MAX_PHRASE_TOKENS: usize = 8;

/// The first mention sets the first sentence; the first mention with a role phrase or an
/// appositive sets the introduction, and its sentence replaces a first sentence that had
/// none (a headline names people before the body introduces them).
pub fn describe(text: &str, tokens: &[Token], scan: &mut Scan) {
    let mut seen = vec![false; scan.entities.len()];
    for mention in &scan.mentions {
        let entity = &mut scan.entities[mention.entity];
        let is_first = !std::mem::replace(&mut seen[mention.entity], true);
        if !is_first && entity.intro.is_some() {
            continue;
        }
        let Ok(first) = tokens.binary_search_by_key(&mention.start, |t| t.start) else {
            continue;
        };
        let last = tokens
            .binary_search_by_key(&mention.end, |t| t.end)
            .unwrap_or(first);
        let sentence = sentence_around(text, tokens, first, last);
        if is_first {
            entity.first_sentence = sentence;
        }
        entity.intro = role_before(tokens, first).or_else(|| appositive_after(tokens, last));
        if !is_first && entity.intro.is_some() {
            entity.first_sentence = sentence;
        }
    }
}

fn sentence_around(text: &str, tokens: &[Token], first: usize, last: usize) -> (usize, usize) {
    let mut start = first;
    while start > 0 && !tokens[start].gap.starts_sentence() {
        start -= 1;
    }
    let mut end = last;
    while end + 1 < tokens.len() && !tokens[end + 1].gap.starts_sentence() {
        end += 1;
    }
    // Keep the closing punctuation of the sentence.
    let mut end_byte = tokens[end].end;
    for c in text[end_byte..].chars() {
        if matches!(c, '.' | '!' | '?' | '"' | '\u{201d}' | '\u{2019}' | ')') {
            end_byte += c.len_utf8();
        } else {
            break;
        }
    }
    (tokens[start].start, end_byte)
}

/// Capitalised words and possessives joined to the name: "Iran's Supreme Leader, Ayatollah".
fn role_before(tokens: &[Token], first: usize) -> Option<(usize, usize)> {
    let run_start = |end: usize| -> usize {
        let mut start = end;
        while start > 0
            && end - start < MAX_PHRASE_TOKENS
            && tokens[start].gap.joins_name()
            && (tokens[start - 1].is_capitalized() || tokens[start - 1].is_possessive())
            && !(tokens[start - 1].gap.starts_sentence()
                && patterns::is_not_name(&tokens[start - 1].norm))
        {
            start -= 1;
        }
        start
    };
    let start = run_start(first);
    if start < first {
        // A lone title after a comma continues an appositive: "Iran's Supreme Leader, Ayatollah".
        let mut begin = start;
        if first - start == 1 && tokens[start].gap == Gap::Punct && start > 0 {
            let earlier = run_start(start - 1);
            if tokens[start - 1].is_capitalized() {
                begin = earlier;
            }
        }
        return Some((tokens[begin].start, tokens[first - 1].end));
    }
    // "Iran's Supreme Leader, Ali Khamenei": the role ends in a comma right before the name.
    if first > 0 && tokens[first].gap == Gap::Punct && tokens[first - 1].is_capitalized() {
        let begin = run_start(first - 1);
        if begin < first - 1 {
            return Some((tokens[begin].start, tokens[first - 1].end));
        }
    }
    None
}

/// ", a spokeswoman for the agency," right after the name.
fn appositive_after(tokens: &[Token], last: usize) -> Option<(usize, usize)> {
    let open = last + 1;
    if tokens.get(open)?.gap != Gap::Punct {
        return None;
    }
    let mut end = open;
    while end + 1 < tokens.len()
        && end + 1 - open < MAX_PHRASE_TOKENS
        && matches!(tokens[end + 1].gap, Gap::Space | Gap::Hyphen)
    {
        end += 1;
    }
    let opener = &tokens[open];
    let looks_like_role = matches!(&*opener.norm, "a" | "an" | "the")
        || tokens.get(open + 1).is_some_and(Token::is_possessive)
        || opener.is_capitalized();
    let closes = tokens.get(end + 1).is_none_or(|t| t.gap != Gap::Space);
    let has_lowercase = tokens[open..=end].iter().any(|t| !t.is_capitalized());
    (looks_like_role && closes && has_lowercase).then(|| (tokens[open].start, tokens[end].end))
}
