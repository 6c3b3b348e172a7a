//! What an article teaches about its own cast, for the shorter names it uses later: a person
//! introduced as "Frank Messina" is "Frank" further on, "the Church of Scientology" is "the
//! Church", "the University of Southern Indiana" is "USI", and "the United States Air Force"
//! is "the Air Force", and "Home Secretary Suella Braverman" is "the Home Secretary". A short
//! form is read only when exactly one entity of the article fits it: two Georges leave
//! "George" alone.

use super::patterns;
use super::sieve::WordSieve;
use crate::text::{Shape, Token};
use rustc_hash::FxHashMap as HashMap;

/// Most letters in initials remembered for an organisation ("USI", "IBM", "NAACP").
const MAX_INITIALS: usize = 8;

/// Short forms of names the article has used in full, each to the article entity it means,
/// or to `None` once two entities share it.
#[derive(Debug, Default)]
pub struct Memory {
    given_names: HashMap<String, Option<usize>>,
    /// The keys of `given_names`: asked of every capitalised word, most of them none.
    given_name_sieve: WordSieve,
    heads: HashMap<String, Option<usize>>,
    initials: HashMap<String, Option<usize>>,
    /// Names of organisations without the place or demonym they start with, as keys.
    without_place: HashMap<String, Option<usize>>,
    /// One-word names of organisations a cue introduced ("LibriVox founder Hugh McGuire"),
    /// as written: the knowledge base lacks them, so only the article says what they are
    /// later on, and only in the same letters ("Cia" is not "CIA").
    words: HashMap<String, Option<usize>>,
    /// Titles people were introduced with, as normalised phrases ("home secretary").
    titles: HashMap<String, Option<usize>>,
}

fn remember(map: &mut HashMap<String, Option<usize>>, key: String, entity: usize) {
    map.entry(key)
        .and_modify(|known| {
            if *known != Some(entity) {
                *known = None;
            }
        })
        .or_insert(Some(entity));
}

impl Memory {
    /// A person named in full by `name` (two or more tokens): its first word, when it can be a
    /// given name (`given`: the caller's judgement of the word; no title, no initial, no word
    /// as short as "Le" or "No"), is that person alone later on.
    pub fn person(&mut self, name: &[Token], entity: usize, given: bool) {
        let [first, _, ..] = name else {
            return;
        };
        let plausible = given
            && first.shape == Shape::Capitalized
            && first.norm.chars().count() > 2
            && !patterns::is_person_title(&first.norm)
            && !patterns::is_not_name(&first.norm);
        if plausible {
            self.given_name_sieve.insert(&first.norm);
            remember(&mut self.given_names, first.norm.to_string(), entity);
        }
    }

    /// An organisation named in full by `name`: its head words ("Church" of "Church of
    /// Scientology") and the initials of its capitalised words ("USI").
    pub fn organization(&mut self, name: &[Token], entity: usize) {
        if name.len() < 2 {
            return;
        }
        for token in name {
            if token.is_capitalized() && patterns::is_organization_head(&token.norm) {
                remember(&mut self.heads, token.norm.to_string(), entity);
            }
        }
        let initials: String = name
            .iter()
            .filter(|t| t.is_capitalized())
            .filter_map(|t| t.norm.chars().next())
            .collect();
        if (2..=MAX_INITIALS).contains(&initials.chars().count()) {
            remember(&mut self.initials, initials, entity);
        }
    }

    /// An organisation named in full by `name`, whose first `place_words` tokens name a place
    /// or its people ("United States" in "United States Air Force"): the rest is that
    /// organisation alone later on.
    pub fn organization_of_place(&mut self, name: &[Token], place_words: usize, entity: usize) {
        let rest = &name[place_words.min(name.len())..];
        if rest.len() < 2 {
            return;
        }
        remember(&mut self.without_place, phrase(rest), entity);
    }

    /// The organisation whose name without its place `key` (a normalised phrase) is.
    pub fn without_place(&self, key: &str) -> Option<usize> {
        self.without_place.get(key).copied().flatten()
    }

    /// The person whose given name `norm` is, if only one.
    #[inline]
    pub fn given_name(&self, norm: &str) -> Option<usize> {
        if !self.given_name_sieve.may_contain(norm) {
            return None;
        }
        self.remembered_given_name(norm)
    }

    /// `given_name` past the sieve, out of line so that the sieve's test is all its callers
    /// carry.
    #[inline(never)]
    fn remembered_given_name(&self, norm: &str) -> Option<usize> {
        self.given_names.get(norm).copied().flatten()
    }

    /// The organisation whose head word `norm` is ("the Court"), if only one.
    pub fn head(&self, norm: &str) -> Option<usize> {
        self.heads.get(norm).copied().flatten()
    }

    /// An organisation a cue introduced by the one word `written` (three letters or more).
    pub fn organization_word(&mut self, written: &str, entity: usize) {
        if written.chars().count() > 2 {
            remember(&mut self.words, written.to_string(), entity);
        }
    }

    /// Whether any one-word organisation is remembered (`word`): most articles have none,
    /// and then no word needs slicing out of the text to ask.
    pub fn has_words(&self) -> bool {
        !self.words.is_empty()
    }

    /// The organisation a cue introduced as `written`, if only one. Out of line: callers
    /// ask `has_words` first, and most articles have none.
    #[inline(never)]
    pub fn word(&self, written: &str) -> Option<usize> {
        self.words.get(written).copied().flatten()
    }

    /// A person introduced with the capitalised `title` right before the name ("U.S.
    /// President", "Shadow Home Secretary"): the whole title, and each ending of it that
    /// starts at a title word ("President"), is that person later. An ending after a word
    /// that changes the office ("Shadow", "Deputy", "Former") is another office, and an
    /// honorific ("Mr", "Dr") names no office at all.
    pub fn title(&mut self, title: &[Token], entity: usize) {
        let Some(last) = title.last() else {
            return;
        };
        if !patterns::is_person_title(&last.norm) || is_honorific(&last.norm) {
            return;
        }
        for k in 0..title.len() {
            let ending = k == 0
                || (patterns::is_person_title(&title[k].norm)
                    && !changes_the_office(&title[k - 1].norm));
            if ending {
                remember(&mut self.titles, phrase(&title[k..]), entity);
            }
        }
    }

    /// Whether any person was introduced with a title.
    pub fn has_titles(&self) -> bool {
        !self.titles.is_empty()
    }

    /// The person introduced with the title `key` (a normalised phrase), if only one.
    pub fn titled(&self, key: &str) -> Option<usize> {
        self.titles.get(key).copied().flatten()
    }

    /// Whether the initials of any organisation are remembered.
    pub fn has_initials(&self) -> bool {
        !self.initials.is_empty()
    }

    /// The organisation whose initials `letters` (lower case) are, if only one.
    pub fn initials(&self, letters: &str) -> Option<usize> {
        self.initials.get(letters).copied().flatten()
    }
}

/// The tokens' normalised words joined by spaces: `normalize_phrase` of the text they
/// cover, from the words the tokenizer normalised already.
pub fn phrase(tokens: &[Token]) -> String {
    let len = tokens.iter().map(|t| t.norm.len() + 1).sum::<usize>();
    let mut phrase = String::with_capacity(len);
    for (k, token) in tokens.iter().enumerate() {
        if k > 0 {
            phrase.push(' ');
        }
        phrase.push_str(&token.norm);
    }
    phrase
}

/// Titles of address, which come before any name and so refer back to no one.
fn is_honorific(norm: &str) -> bool {
    matches!(
        norm,
        "mr" | "mrs" | "ms" | "dr" | "prof" | "professor" | "sir" | "dame" | "lord" | "lady"
    )
}

/// Words before a title that make it another office: "Shadow Home Secretary" is not the
/// Home Secretary, nor "Vice President" the President.
fn changes_the_office(norm: &str) -> bool {
    matches!(
        norm,
        "shadow"
            | "deputy"
            | "vice"
            | "former"
            | "acting"
            | "assistant"
            | "associate"
            | "under"
            | "interim"
            | "ex"
            | "late"
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::tokenize;

    #[test]
    fn a_short_form_shared_by_two_entities_means_neither() {
        let mut memory = Memory::default();
        memory.person(&tokenize("George Bush"), 0, true);
        memory.person(&tokenize("George Clooney"), 1, true);
        memory.person(&tokenize("Frank Messina"), 2, true);
        memory.person(&tokenize("Frank Messina"), 2, true);
        assert_eq!(memory.given_name("george"), None);
        assert_eq!(memory.given_name("frank"), Some(2));
    }

    #[test]
    fn titles_and_initials_are_no_given_names() {
        let mut memory = Memory::default();
        memory.person(&tokenize("President Lula"), 0, true);
        memory.person(&tokenize("J. Smith"), 1, true);
        memory.person(&tokenize("Le Duan"), 2, true);
        memory.person(&tokenize("Seattle Slew"), 3, false);
        assert_eq!(memory.given_name("president"), None);
        assert_eq!(memory.given_name("j"), None);
        assert_eq!(memory.given_name("le"), None);
        assert_eq!(memory.given_name("seattle"), None);
    }

    #[test]
    fn an_organisation_leaves_its_head_words_and_initials() {
        let mut memory = Memory::default();
        memory.organization(&tokenize("University of Southern Indiana"), 3);
        memory.organization(&tokenize("Church of Scientology"), 4);
        assert_eq!(memory.initials("usi"), Some(3));
        assert_eq!(memory.head("university"), Some(3));
        assert_eq!(memory.head("church"), Some(4));
        assert_eq!(memory.initials("cs"), Some(4));
    }

    #[test]
    fn a_one_word_organisation_is_remembered_whole() {
        let mut memory = Memory::default();
        memory.organization_word("LibriVox", 7);
        memory.organization_word("UN", 8);
        assert_eq!(memory.word("LibriVox"), Some(7));
        assert_eq!(memory.word("Librivox"), None);
        assert_eq!(memory.word("UN"), None);
    }

    #[test]
    fn a_title_and_its_endings_are_the_person_it_introduced() {
        let mut memory = Memory::default();
        memory.title(&tokenize("U.S. President"), 1);
        memory.title(&tokenize("Home Secretary"), 2);
        memory.title(&tokenize("Shadow Home Secretary"), 3);
        memory.title(&tokenize("Mr"), 4);
        assert_eq!(memory.titled("president"), Some(1));
        assert_eq!(memory.titled("home secretary"), Some(2));
        assert_eq!(memory.titled("shadow home secretary"), Some(3));
        assert_eq!(memory.titled("secretary"), None);
        assert_eq!(memory.titled("mr"), None);
    }

    #[test]
    fn an_organisation_without_its_place_is_remembered() {
        let mut memory = Memory::default();
        memory.organization_of_place(&tokenize("United States Air Force"), 2, 5);
        memory.organization_of_place(&tokenize("Iranian Navy"), 1, 6);
        assert_eq!(memory.without_place("air force"), Some(5));
        assert_eq!(memory.without_place("navy"), None);
    }
}
