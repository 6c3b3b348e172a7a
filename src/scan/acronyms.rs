//! Acronyms the article defines: "the Popular Mobilization Forces (PMF)". The name before the
//! brackets and the acronym inside them are one entity, and later bare uses of the acronym
//! ("a PMF commander") are that entity too, whether or not the knowledge base knows it.
//!
//! A definition needs the acronym's letters to be the initials of the capitalised words right
//! before the brackets, so "(Reuters)", "WASHINGTON (AP)", "(2024)" and "(the mayor)" define
//! nothing. Small linking words may lend their initial or not ("Ministry of Interior (MoI)",
//! "Federal Bureau of Investigation (FBI)"). A short acronym may spell them in another order,
//! its own language's, before an English translation ("Democratic Party of Kosovo (PDK)").
//! Only the common order is read (name, then acronym); "IAEA (International Atomic Energy
//! Agency)" is left to the knowledge base.

use super::patterns;
use crate::text::{tokenize, Gap, Token};

/// Most words in the name an acronym abbreviates.
const MAX_EXPANSION_TOKENS: usize = 10;
/// Most letters in an acronym.
const MAX_ACRONYM_LETTERS: usize = 10;

/// "Popular Mobilization Forces (PMF)": the name is tokens `start..end`, the acronym is token
/// `acronym` (the one right after `end`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Definition {
    pub start: usize,
    pub end: usize,
    pub acronym: usize,
    /// The initials come in another order: the name is a translation ("Socialist Party
    /// (PS)"), so it need not spell the acronym the knowledge base files.
    pub translated: bool,
}

/// The tokens alone inside round brackets, outside blocks in capitals: where an acronym can
/// be defined. Only a token right after an opening bracket can be one: the brackets are found
/// in the text (one memchr pass) rather than asked of every token.
pub fn bracketed(text: &str, tokens: &[Token], caps_block: &[bool]) -> Vec<usize> {
    let mut after_brackets: Vec<usize> = text
        .match_indices('(')
        .map(|(at, _)| tokens.partition_point(|t| t.start <= at))
        .filter(|&i| 0 < i && i < tokens.len())
        .collect();
    after_brackets.dedup();
    after_brackets.retain(|&i| !caps_block[i] && is_bracketed_alone(text, tokens, i));
    after_brackets
}

/// Every acronym definition in the text, in token order; `bracketed` as `bracketed` gives.
pub fn definitions(text: &str, tokens: &[Token], bracketed: &[usize]) -> Vec<Definition> {
    bracketed
        .iter()
        .copied()
        .filter_map(|i| {
            let letters = acronym_letters(&text[tokens[i].start..tokens[i].end])?;
            let (start, translated) = match expansion_start(tokens, i, &letters) {
                Some(start) => (start, false),
                None => (translated_expansion_start(tokens, i, &letters)?, true),
            };
            if names_a_role_or_a_publication(&tokens[i - 1].norm) {
                // "Chief Executive Officer (CEO)", "World Energy Outlook (WEO)": no actor.
                return None;
            }
            Some(Definition {
                start,
                end: i,
                acronym: i,
                translated,
            })
        })
        .collect()
}

/// Whether the last word of a spelled-out name makes it a post or a publication, not a
/// body: "Chief Operating Officer (COO)", "Chief Minister (CM)", "World Energy Outlook (WEO)".
fn names_a_role_or_a_publication(last: &str) -> bool {
    matches!(
        last,
        "officer"
            | "minister"
            | "director"
            | "secretary"
            | "president"
            | "chair"
            | "chairman"
            | "chairperson"
            | "chairwoman"
            | "governor"
            | "premier"
            | "spokesperson"
            | "adviser"
            | "advisor"
            | "outlook"
            | "report"
            | "index"
            | "survey"
            | "review"
            | "assessment"
            | "strategy"
    )
}

/// Acronyms the article defines for a term, not a name: the words before the brackets spell
/// them, some in lowercase words that are not mere links ("Marburg virus disease (MVD)",
/// "chronic obstructive pulmonary disease (COPD)"). Such an acronym names nothing the
/// knowledge base knows by the same letters (Russia's interior ministry is also "MVD").
pub fn terms<'t>(text: &'t str, tokens: &[Token], bracketed: &[usize]) -> Vec<&'t str> {
    bracketed
        .iter()
        .copied()
        .filter_map(|i| {
            let written = &text[tokens[i].start..tokens[i].end];
            let letters: Vec<char> = acronym_letters(written)?;
            let first = i.checked_sub(letters.len())?;
            let words = &tokens[first..i];
            let spelled = words
                .iter()
                .zip(&letters)
                .all(|(w, l)| w.norm.starts_with(*l));
            let joined = words[1..].iter().all(|w| w.gap == Gap::Space);
            // "Interim Force in Lebanon (UNIFIL)" is a name: its small words only link.
            let lowercase = words
                .iter()
                .any(|w| !w.is_capitalized() && !is_small_link(&w.norm));
            (spelled && joined && lowercase).then_some(written)
        })
        .collect()
}

/// The small words of a name that its acronym may spell: "in" for UNIFIL.
fn is_small_link(norm: &str) -> bool {
    patterns::is_name_link(norm) || matches!(norm, "in" | "against" | "to")
}

/// Whether `acronym` ("WHO") spells the initials of `name` ("World Health Organization").
pub fn abbreviates(acronym: &str, name: &str) -> bool {
    let words = tokenize(name);
    acronym_letters(acronym).is_some_and(|letters| initials_spell(&words, &letters))
}

/// Whether token `i` is the only thing inside a pair of round brackets that open right after
/// the previous token: "Forces (PMF)" or, in pre-tokenised text, "Forces ( PMF )".
pub fn is_bracketed_alone(text: &str, tokens: &[Token], i: usize) -> bool {
    let before = &text[tokens[i - 1].end..tokens[i].start];
    let after_end = tokens.get(i + 1).map_or(text.len(), |t| t.start);
    let after = &text[tokens[i].end..after_end];
    before.trim() == "(" && after.trim_start().starts_with(')')
}

/// The lowercase letters of an acronym-shaped word ("IAEA", "MoI", "U.N.") as one string, or
/// None for words with fewer than two capitals, digits, or too many letters. One string, not
/// a list: the scan asks this of every word in capitals that no other reading took.
pub fn letters(word: &str) -> Option<String> {
    let letters = || word.chars().filter(|c| *c != '.');
    let (mut count, mut capitals) = (0, 0);
    for c in letters() {
        if !c.is_alphabetic() {
            return None;
        }
        count += 1;
        capitals += usize::from(c.is_uppercase());
    }
    let shaped = letters().next().is_some_and(char::is_uppercase)
        && capitals >= 2
        && count <= MAX_ACRONYM_LETTERS;
    shaped.then(|| letters().flat_map(char::to_lowercase).collect())
}

/// `letters` one by one, for matching against a name's initials.
fn acronym_letters(word: &str) -> Option<Vec<char>> {
    letters(word).map(|letters| letters.chars().collect())
}

/// Where the name abbreviated by `letters` starts, walking back from the bracket before token
/// `acronym`: the longest run of joined words whose initials spell the acronym.
fn expansion_start(tokens: &[Token], acronym: usize, letters: &[char]) -> Option<usize> {
    let mut best = None;
    let mut start = acronym;
    while start > 0 && acronym - start < MAX_EXPANSION_TOKENS {
        start -= 1;
        let word = &tokens[start];
        if start + 1 < acronym && !tokens[start + 1].gap.joins_name() {
            break;
        }
        if word.is_capitalized() && !patterns::is_not_name(&word.norm) {
            if initials_spell(&tokens[start..acronym], letters) {
                best = Some(start);
            }
        } else if !is_linking_word(word) {
            break;
        }
    }
    best
}

/// Most letters of an acronym read in another language's word order.
const MAX_TRANSLATED_LETTERS: usize = 4;

/// Where a name starts whose acronym is its own language's and the name an English
/// translation, so the initials come in another order: "Democratic Party of Kosovo (PDK)",
/// "Socialist Party (PS)", "Democratic Alliance (AD)". As many capitalised words as letters,
/// right before the brackets, with the same initials.
fn translated_expansion_start(tokens: &[Token], acronym: usize, letters: &[char]) -> Option<usize> {
    if !(2..=MAX_TRANSLATED_LETTERS).contains(&letters.len()) {
        return None;
    }
    let mut initials = Vec::new();
    let mut start = acronym;
    while initials.len() < letters.len() && start > 0 {
        start -= 1;
        let word = &tokens[start];
        if start + 1 < acronym && !tokens[start + 1].gap.joins_name() {
            return None;
        }
        if word.is_capitalized() && !patterns::is_not_name(&word.norm) {
            initials.push(word.norm.chars().next()?);
        } else if !is_linking_word(word) {
            return None;
        }
    }
    let mut wanted = letters.to_vec();
    wanted.sort_unstable();
    initials.sort_unstable();
    (initials == wanted && tokens[start].is_capitalized()).then_some(start)
}

/// Words inside a name that may or may not lend their initial: "of", "for", "al-".
fn is_linking_word(token: &Token) -> bool {
    !token.is_capitalized()
        && (patterns::is_name_link(&token.norm) || patterns::is_name_particle(&token.norm))
}

/// Whether the words' initials spell `letters`: every capitalised word gives its first letter,
/// linking words may give theirs.
fn initials_spell(words: &[Token], letters: &[char]) -> bool {
    fn spell(words: &[Token], letters: &[char]) -> bool {
        let Some((word, rest)) = words.split_first() else {
            return letters.is_empty();
        };
        let initial = word.norm.chars().next();
        let gives =
            letters.first().is_some_and(|l| Some(*l) == initial) && spell(rest, &letters[1..]);
        gives || (is_linking_word(word) && spell(rest, letters))
    }
    words.first().is_some_and(Token::is_capitalized)
        && words
            .iter()
            .all(|w| w.gap != Gap::Sentence && w.gap != Gap::Block)
        && spell(words, letters)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn defined(text: &str) -> Vec<(String, String)> {
        let tokens = tokenize(text);
        let caps = vec![false; tokens.len()];
        definitions(text, &tokens, &bracketed(text, &tokens, &caps))
            .into_iter()
            .map(|d| {
                (
                    text[tokens[d.start].start..tokens[d.end - 1].end].to_string(),
                    text[tokens[d.acronym].start..tokens[d.acronym].end].to_string(),
                )
            })
            .collect()
    }

    #[test]
    fn initials_before_brackets_define_an_acronym() {
        assert_eq!(
            defined("fighters of the Popular Mobilization Forces (PMF) said"),
            [("Popular Mobilization Forces".into(), "PMF".into())]
        );
        assert_eq!(
            defined("the Federal Bureau of Investigation ( FBI ) said"),
            [("Federal Bureau of Investigation".into(), "FBI".into())]
        );
        assert_eq!(
            defined("The Ministry of Interior (MoI) said"),
            [("Ministry of Interior".into(), "MoI".into())]
        );
    }

    #[test]
    fn initials_of_lowercase_words_define_a_term() {
        let text = "Marburg virus disease (MVD) has been confirmed. The Senate (SV) voted. \
                    The Interim Force in Lebanon (IFIL) said.";
        let tokens = tokenize(text);
        let bracketed = bracketed(text, &tokens, &vec![false; tokens.len()]);
        // "in" only links the words of a name: IFIL is no term.
        assert_eq!(terms(text, &tokens, &bracketed), ["MVD"]);
    }

    #[test]
    fn initials_in_another_order_define_a_translated_name() {
        assert_eq!(
            defined("The Democratic Party of Kosovo (PDK) won 24 seats."),
            [("Democratic Party of Kosovo".to_string(), "PDK".to_string())]
        );
        assert_eq!(
            defined("Rama's Socialist Party (PS) won."),
            [("Socialist Party".to_string(), "PS".to_string())]
        );
        // Other letters, or more of them than words, define nothing.
        assert!(defined("The Civic Democrats (ODS) won.").is_empty());
    }

    #[test]
    fn brackets_without_matching_initials_define_nothing() {
        for text in [
            "TEHRAN (Reuters) - Iran said",
            "WASHINGTON (AP) - The plan",
            "approved in (2024) by the Senate",
            "Mr Smith (the mayor) spoke",
            "Results (PDF) are out",
            "the Senate (SV) voted",
        ] {
            assert!(defined(text).is_empty(), "{text}");
        }
    }
}
