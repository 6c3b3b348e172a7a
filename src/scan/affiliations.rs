//! Organisations named after one of their people: in "Nathan Law of Demosisto" and "Priscilla
//! Leung of BPA" a person the scan recognised is followed by "of" and a short capitalised name
//! that no other reading took and the knowledge base does not know: the party, company or
//! club the person belongs to. A place there ("Jane Doe of Ohio") is a name the knowledge base
//! knows, so it is never read as an organisation; nor is a longer capitalised run ("Jane Doe
//! of Rolling Stone Magazine" has its head word for the organisation pattern). The possessive
//! before a person says the same: "Demosisto's Nathan Law", "Civic Passion's Wong Yeung-tat".
//! The walk starts at person mentions and reads at most four tokens after or before each.

use super::patterns;
use crate::text::{Gap, Shape, Token};

/// Most words in an organisation's name read after a person and "of".
const MAX_WORDS: usize = 3;

/// Tokens `start..end` of each organisation found. `taken[t]` says that some mention covers
/// token `t`; `spans` are the person mentions as token ranges, in text order; `unknown(t)`
/// says that no knowledge-base alias starts at token `t`.
pub fn after_people(
    tokens: &[Token],
    caps_block: &[bool],
    taken: &[bool],
    spans: &[(usize, usize)],
    unknown: impl Fn(usize) -> bool,
) -> Vec<(usize, usize)> {
    let mut found = Vec::new();
    for &(_, end) in spans {
        let of = tokens.get(end);
        if !of.is_some_and(|t| t.norm == "of" && t.gap == Gap::Space) {
            continue;
        }
        let start = end + 1;
        let mut stop = start;
        while stop < tokens.len() && stop - start < MAX_WORDS && is_word(tokens, stop) {
            if taken[stop] || caps_block[stop] || !unknown(stop) {
                break;
            }
            stop += 1;
        }
        // The whole run or nothing: "of Acme Rolling Stone Magazine", "of Studio 54" and "of
        // New People's Party" are longer names.
        let next = |k: usize| tokens.get(k).filter(|t| t.gap.joins_name());
        let runs_on = next(stop)
            .is_some_and(|t| t.is_capitalized() || (t.shape == Shape::Other && !t.is_possessive()))
            || tokens.get(stop).is_some_and(Token::is_possessive)
                && next(stop + 1).is_some_and(Token::is_capitalized);
        if stop > start && !runs_on {
            found.push((start, stop));
        }
    }
    found
}

/// Tokens `start..end` of each organisation named with a possessive right before a person
/// mention: an unknown capitalised run of at most three words, the whole run ("of Acme
/// Rolling Stone's" is a longer name) and not part of a person's name ("Jane Doe's John" is
/// no organisation: the run must not end a person mention), nor the end of a name joined by
/// a link word or "&" ("Bank of Acme's", "Key & Peele's Jordan Peele"); "and" joins two
/// names ("and Civic Passion's Wong Yeung-tat"). Arguments as for `after_people`, and the text.
pub fn before_people(
    text: &str,
    tokens: &[Token],
    caps_block: &[bool],
    taken: &[bool],
    spans: &[(usize, usize)],
    unknown: impl Fn(usize) -> bool,
) -> Vec<(usize, usize)> {
    let mut found = Vec::new();
    for &(person, _) in spans {
        let possessive =
            person >= 2 && tokens[person].gap == Gap::Space && tokens[person - 1].is_possessive();
        if !possessive {
            continue;
        }
        let end = person - 1;
        let mut start = end;
        while start > 0 && end - start < MAX_WORDS {
            let at = start - 1;
            let joined = at + 1 == end || tokens[at + 1].gap == Gap::Space;
            let word = is_name_word(&tokens[at]);
            if !joined || !word || taken[at] || caps_block[at] || !unknown(at) {
                break;
            }
            start -= 1;
        }
        let runs_on = start > 0
            && ((tokens[start].gap.joins_name()
                && (tokens[start - 1].is_capitalized()
                    || (patterns::is_name_link(&tokens[start - 1].norm)
                        && tokens[start - 1].norm != "and")))
                || text[tokens[start - 1].end..tokens[start].start].contains('&'));
        if start < end && !runs_on {
            found.push((start, end));
        }
    }
    found
}

/// Whether token `i` can be part of the organisation's name: a capitalised word or initials
/// joined by a space, and no title, place word or word that is never a name.
fn is_word(tokens: &[Token], i: usize) -> bool {
    tokens[i].gap == Gap::Space && is_name_word(&tokens[i])
}

/// Whether `t` can be a word of the organisation's name, wherever it stands: a capitalised
/// word or initials, and no title, place word or word that is never a name.
fn is_name_word(t: &Token) -> bool {
    t.is_capitalized()
        && !patterns::is_not_name(&t.norm)
        && !patterns::is_person_title(&t.norm)
        && !patterns::is_place_head(&t.norm)
        && !patterns::is_place_prefix(&t.norm)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::tokenize;

    /// The organisations `find` reads in `text`, as text; words in `known` count as
    /// knowledge-base aliases.
    fn read(
        text: &str,
        known: &[&str],
        find: impl Fn(&[Token], &[bool], &dyn Fn(usize) -> bool) -> Vec<(usize, usize)>,
    ) -> Vec<String> {
        let tokens = tokenize(text);
        let none = vec![false; tokens.len()];
        let unknown = |t: usize| !known.contains(&tokens[t].norm.as_ref());
        find(&tokens, &none, &unknown)
            .into_iter()
            .map(|(s, e)| text[tokens[s].start..tokens[e - 1].end].to_string())
            .collect()
    }

    fn names(text: &str, person: (usize, usize), known: &[&str]) -> Vec<String> {
        read(text, known, |tokens, none, unknown| {
            after_people(tokens, none, none, &[person], unknown)
        })
    }

    #[test]
    fn an_unknown_name_after_a_person_and_of_is_their_organisation() {
        assert_eq!(
            names("Nathan Law of Demosisto won", (0, 2), &[]),
            ["Demosisto"]
        );
        assert_eq!(
            names("and Priscilla Leung of BPA were", (1, 3), &[]),
            ["BPA"]
        );
        assert_eq!(
            names("Raymond Chan of Civic Passion, and", (0, 2), &[]),
            ["Civic Passion"]
        );
    }

    fn owners(text: &str, person: (usize, usize), known: &[&str]) -> Vec<String> {
        read(text, known, |tokens, none, unknown| {
            before_people(text, tokens, none, none, &[person], unknown)
        })
    }

    #[test]
    fn an_unknown_name_with_a_possessive_before_a_person_is_their_organisation() {
        assert_eq!(
            owners("Demosisto's Nathan Law won", (2, 4), &[]),
            ["Demosisto"]
        );
        assert_eq!(
            owners("It won. Demosisto's Nathan Law", (4, 6), &[]),
            ["Demosisto"]
        );
        assert_eq!(
            owners("and Civic Passion's Wong Yeung said", (4, 6), &[]),
            ["Civic Passion"]
        );
        // A known name, a longer run, a word that is never a name, no possessive.
        assert!(owners("Britain's Jane Doe said", (2, 4), &["britain"]).is_empty());
        assert!(owners("Acme Rolling Stone Magazine's Jane Doe", (5, 7), &[]).is_empty());
        assert!(owners("the Bank of Acme's Jane Doe", (5, 7), &[]).is_empty());
        assert!(owners("Monday's Jane Doe", (2, 4), &[]).is_empty());
        assert!(owners("Acme, Jane Doe", (1, 3), &[]).is_empty());
        assert!(owners("Key & Peele's Jordan Peele", (3, 5), &[]).is_empty());
    }

    #[test]
    fn a_known_name_a_long_run_or_a_lowercase_word_is_not() {
        // A place the knowledge base knows.
        assert!(names("Jane Doe of Ohio said", (0, 2), &["ohio"]).is_empty());
        // A longer run is some other name, read by other rules.
        assert!(names("Jane Doe of Acme Rolling Stone Magazine", (0, 2), &[]).is_empty());
        assert!(names("Jane Doe of the Acme", (0, 2), &[]).is_empty());
        assert!(names("Jane Doe of Studio 54 said", (0, 2), &[]).is_empty());
        assert!(names("Jane Doe of New People's Party", (0, 2), &[]).is_empty());
        assert_eq!(names("Jane Doe of Acme's board", (0, 2), &[]), ["Acme"]);
        assert!(names("Jane Doe of Monday", (0, 2), &[]).is_empty());
        // The person mention must end right before "of".
        assert!(names("Jane Doe, of Acme", (0, 2), &[]).is_empty());
    }
}
