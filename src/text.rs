//! Tokens with byte offsets, and the one normalisation every alias key goes through.
//!
//! This module has no dependencies on purpose: `build.rs` includes it to normalise aliases
//! when it compiles the knowledge base, so a name in the text and the same name in `kb/`
//! always produce the same key.

use std::borrow::Cow;

/// What separates a token from the one before it. Names continue across `Space` and
/// `Hyphen` only: "Fordow, Natanz" is two names, "US-Israeli" is two tokens of one word.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Gap {
    /// First token of the text.
    Start,
    /// Spaces or tabs only.
    Space,
    /// A hyphen or dash between letters, no spaces.
    Hyphen,
    /// Punctuation that ends a name but not a sentence (comma, colon, quote, bracket).
    Punct,
    /// A sentence end ('.', '!', '?') before this token.
    Sentence,
    /// A line break: a new block (paragraph, heading, list item).
    Block,
}

/// The letter shape of a token, which casing rules of aliases are checked against.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shape {
    /// "Tehran"
    Capitalized,
    /// "IRGC", "U.S."
    Upper,
    /// "minister"
    Lower,
    /// "2024", "G7" starts with a digit, "'s"
    Other,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Token<'t> {
    /// Byte offsets into the text.
    pub start: usize,
    pub end: usize,
    pub gap: Gap,
    pub shape: Shape,
    /// Case-folded, diacritics removed, dots of initials dropped: the alias key form.
    /// Borrowed from the text when the word is already in that form (most lowercase words),
    /// so tokenising allocates only for capitalised and folded words.
    pub norm: Cow<'t, str>,
}

impl Token<'_> {
    pub fn is_possessive(&self) -> bool {
        self.norm == "'s"
    }
    pub fn is_capitalized(&self) -> bool {
        matches!(self.shape, Shape::Capitalized | Shape::Upper)
    }
}

/// `char::is_alphanumeric`, answered without the Unicode tables for the commonest
/// characters outside ASCII: the typographic punctuation of news copy (curly quotes, dashes,
/// no-break spaces, box drawing) is no letter, accented Latin letters and CJK ideographs are.
/// A table lookup costs a hundred instructions or more; `word_char_shortcuts_agree_with_std`
/// checks every character the shortcuts answer for.
#[inline]
fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    match c {
        '\u{A0}' | '\u{2000}'..='\u{206F}' | '\u{2500}'..='\u{257F}' | '\u{3000}'..='\u{3004}' => {
            false
        }
        '\u{C0}'..='\u{24F}' => c != '\u{D7}' && c != '\u{F7}',
        '\u{4E00}'..='\u{9FFF}' => true,
        _ => c.is_alphanumeric(),
    }
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}' | '\u{2018}' | '\u{02BC}')
}

fn is_hyphen(c: char) -> bool {
    matches!(c, '-' | '\u{2010}' | '\u{2011}')
}

/// Splits text into word tokens. Apostrophes inside a word stay in it ("O'Brien"), a
/// possessive becomes its own token ("Iran" "'s"), initials keep their dots ("U.S.", "J.D.").
pub fn tokenize(text: &str) -> Vec<Token<'_>> {
    tokenize_with(text, None)
}

/// `tokenize` for a whole page: `lowered` is `ascii_lowercase(text)`, and capitalised
/// ASCII words borrow their normal form from it instead of allocating one each.
pub fn tokenize_lowered<'t>(text: &'t str, lowered: &'t str) -> Vec<Token<'t>> {
    debug_assert_eq!(text.len(), lowered.len());
    tokenize_with(text, Some(lowered))
}

fn tokenize_with<'t>(text: &'t str, lowered: Option<&'t str>) -> Vec<Token<'t>> {
    // Walks byte offsets rather than a `Peekable<CharIndices>`: ASCII, most of any page, is
    // read a byte at a time and runs of ASCII letters are skipped in one loop.
    let bytes = text.as_bytes();
    // About one token per 6 bytes of English; a little more room saves a regrowth.
    let mut tokens = Vec::with_capacity(text.len() / 4);
    let mut scratch = String::new();
    let mut pending_gap = Gap::Start;
    let mut i = 0;
    while let Some(&byte) = bytes.get(i) {
        // An ASCII letter or digit, the start of most words, is known by its byte alone.
        let first_class = ascii_class(byte);
        if first_class == 0 {
            if byte == b' ' {
                // The commonest separator: a space never strengthens a gap already pending.
                if tokens.is_empty() {
                    pending_gap = Gap::Start;
                }
                i += 1;
                continue;
            }
            let Some(c) = char_at(text, i) else {
                break;
            };
            if !is_word_char(c) {
                i = read_separator(text, i, c, &mut tokens, &mut pending_gap);
                continue;
            }
        }
        let start = i;
        let mut j = i;
        // Letter classes of the ASCII letters and digits read, and whether nothing else
        // was: most words are plain ASCII, and their shape and normal form follow from
        // these bits without reading the word again.
        let mut classes = AsciiClasses::default();
        let mut plain = true;
        if first_class != 0 {
            classes.first = first_class;
            let (run, run_classes) = ascii_run(&bytes[j + 1..]);
            classes.rest = run_classes;
            j += 1 + run;
        }
        // Most words end there: at the end of the text or an ASCII character that is not
        // a letter, a digit, a dot or an apostrophe, where the loop below would stop.
        let ended = bytes
            .get(j)
            .is_none_or(|&b| b.is_ascii() && b != b'.' && b != b'\'');
        if !ended {
            j = read_word_rest(text, start, j, tokens.last(), &mut classes, &mut plain);
        }
        let surface = &text[start..j];
        let (shape, norm) = if plain {
            let lowered = || lowered.and_then(|l| l.get(start..j));
            (classes.shape(surface), classes.norm(surface, lowered))
        } else {
            // Not plain ASCII letters and digits: no use for the lowercased copy. Inside a
            // name, an elided particle takes the shape of the name after it ("Giscard
            // d'Estaing"); after a lowercase word it is a preposition ("la tête d'Alan").
            let in_name = pending_gap == Gap::Space
                && tokens
                    .last()
                    .is_some_and(|t: &Token| t.shape == Shape::Capitalized);
            let elided = in_name.then(|| after_elided_particle(surface)).flatten();
            let shape = shape_of(elided.unwrap_or(surface));
            (shape, norm_of(surface, &mut scratch))
        };
        tokens.push(Token {
            start,
            end: j,
            gap: pending_gap,
            shape,
            norm,
        });
        pending_gap = Gap::Space;
        // The space after a word, the commonest case, changes nothing: step over it here
        // rather than in another turn of the loop.
        i = if bytes.get(j) == Some(&b' ') {
            j + 1
        } else {
            j
        };
    }
    tokens
}

/// Plural nouns for the members a body is for, whose possessive belongs to the body's name
/// ("People's Democratic Party", "Workers' Party of Korea", "Farmers' Union"), unlike a place's
/// or a body's own ("Iran's Revolutionary Guard", "Hamas' armed wing").
pub fn names_members(norm: &str) -> bool {
    matches!(
        norm,
        "people"
            | "peoples"
            | "workers"
            | "women"
            | "children"
            | "farmers"
            | "teachers"
            | "veterans"
            | "attorneys"
            | "nurses"
            | "employees"
            | "miners"
            | "peasants"
            | "soldiers"
            | "journalists"
            | "students"
    )
}

/// A character between words at byte `i` (`c`, no letter or digit): a possessive "'s"
/// glued to the word before becomes a token, anything else strengthens the gap pending before
/// the next word. Returns the byte after what was read.
fn read_separator<'t>(
    text: &'t str,
    i: usize,
    c: char,
    tokens: &mut Vec<Token<'t>>,
    pending_gap: &mut Gap,
) -> usize {
    let after_c = i + c.len_utf8();
    if is_apostrophe(c) {
        // Possessive after a word: "Iran's" -> "'s".
        let mut rest_chars = text[after_c..].chars();
        let next = rest_chars.next();
        let after = rest_chars.next();
        let glued = tokens.last().is_some_and(|t: &Token| t.end == i);
        if glued
            && matches!(next, Some('s') | Some('S'))
            && !after.is_some_and(char::is_alphanumeric)
        {
            let end = after_c + 1;
            tokens.push(Token {
                start: i,
                end,
                gap: Gap::Space,
                shape: Shape::Other,
                norm: Cow::Borrowed("'s"),
            });
            *pending_gap = Gap::Space;
            return end;
        }
        // "Workers' Party", "Farmers' Union": the plural possessive of the members a body is
        // for is inside its name, as the singular's "'s" is ("People's Party").
        let members = glued
            && next == Some(' ')
            && tokens
                .last()
                .is_some_and(|t: &Token| names_members(&t.norm));
        if !members {
            *pending_gap = pending_gap.max_with(Gap::Punct);
        }
        return after_c;
    }
    let gap = match c {
        ' ' => Gap::Space,
        '\n' | '\r' | '\u{2029}' => Gap::Block,
        '.' | '!' | '?' | '\u{2026}' => Gap::Sentence,
        c if is_hyphen(c) => {
            let glued = tokens.last().is_some_and(|t: &Token| t.end == i);
            let next = char_at(text, after_c);
            if glued && next.is_some_and(is_word_char) && *pending_gap == Gap::Space {
                Gap::Hyphen
            } else {
                Gap::Punct
            }
        }
        c if c.is_whitespace() => Gap::Space,
        _ => Gap::Punct,
    };
    *pending_gap = if tokens.is_empty() {
        Gap::Start
    } else {
        pending_gap.max_with(gap)
    };
    after_c
}

/// The rest of a word from byte `j` on, past the ASCII letters and digits it starts with:
/// letters of other scripts, inner apostrophes ("O'Brien") and initials' dots ("U.S."). The
/// end of the word; `classes` and `plain` take in what was read. Out of the tokenizer's loop:
/// most words end at their ASCII run.
fn read_word_rest(
    text: &str,
    start: usize,
    mut j: usize,
    previous: Option<&Token>,
    classes: &mut AsciiClasses,
    plain: &mut bool,
) -> usize {
    let bytes = text.as_bytes();
    // Consume the rest of the word, allowing inner apostrophes and initials' dots.
    while let Some(d) = char_at(text, j) {
        if d.is_ascii_alphanumeric() {
            let (run, run_classes) = ascii_run(&bytes[j..]);
            classes.rest |= run_classes;
            j += run;
        } else if is_word_char(d) {
            *plain = false;
            j += d.len_utf8();
        } else if is_apostrophe(d) || d == '.' {
            // Look past the punctuation: continue only if a letter follows.
            let rest = &text[j + d.len_utf8()..];
            let next = rest.chars().next();
            let word_so_far = &text[start..j];
            if d == '.' {
                // "U.S." / "J.D.": single letters separated by dots.
                if ends_in_lone_letter(word_so_far)
                    && (next.is_some_and(char::is_alphabetic) || word_so_far.contains('.'))
                {
                    *plain = false;
                    j += 1;
                    if !next.is_some_and(char::is_alphabetic) {
                        break;
                    }
                    continue;
                }
                if is_middle_initial(word_so_far, rest, previous, &text[..start])
                    || is_name_abbreviation(word_so_far, rest)
                    || is_county_abbreviation(word_so_far, rest, &text[..start])
                {
                    *plain = false;
                    j += 1;
                }
                break;
            }
            // Apostrophe: possessive 's ends the word; otherwise keep it inside.
            let after = rest.chars().nth(1);
            let possessive =
                matches!(next, Some('s') | Some('S')) && !after.is_some_and(char::is_alphanumeric);
            if !possessive && next.is_some_and(char::is_alphabetic) {
                *plain = false;
                j += d.len_utf8();
                continue;
            }
            break;
        } else {
            break;
        }
    }
    j
}

/// Whether the run of `word` after its last dot is one letter: "U.S" and "J" but not
/// "said" (every sentence's last word is asked), nor "U.S2". The letter before it is looked
/// at rather than the word searched for dots.
fn ends_in_lone_letter(word: &str) -> bool {
    let Some(last) = word.chars().next_back() else {
        return false;
    };
    let before = &word[..word.len() - last.len_utf8()];
    last.is_alphabetic() && (before.is_empty() || before.ends_with('.'))
}

/// What the ASCII letters and digits of a word are, gathered while the tokenizer reads it.
#[derive(Clone, Copy, Default)]
struct AsciiClasses {
    /// The class of the word's first byte.
    first: u8,
    /// The classes of the bytes after it, or-ed.
    rest: u8,
}

const ASCII_LOWER: u8 = 1;
const ASCII_UPPER: u8 = 2;
const ASCII_DIGIT: u8 = 4;

/// `ascii_class` of every byte, looked up rather than compared in the tokenizer's
/// innermost loop.
static ASCII_CLASSES: [u8; 256] = {
    let mut table = [0; 256];
    let mut byte = 0;
    while byte < 256 {
        table[byte] = match byte as u8 {
            b'a'..=b'z' => ASCII_LOWER,
            b'A'..=b'Z' => ASCII_UPPER,
            b'0'..=b'9' => ASCII_DIGIT,
            _ => 0,
        };
        byte += 1;
    }
    table
};

/// Whether a byte is an ASCII lowercase or uppercase letter or a digit (0 for any other).
#[inline]
fn ascii_class(byte: u8) -> u8 {
    ASCII_CLASSES[usize::from(byte)]
}

/// How many ASCII letters and digits `bytes` starts with, and their classes or-ed. Its own
/// small function: inside the tokenizer's loop the compiler kept the classes in memory.
#[inline(never)]
fn ascii_run(bytes: &[u8]) -> (usize, u8) {
    let mut classes = 0;
    for (n, &byte) in bytes.iter().enumerate() {
        let class = ascii_class(byte);
        if class == 0 {
            return (n, classes);
        }
        classes |= class;
    }
    (bytes.len(), classes)
}

impl AsciiClasses {
    /// `ascii_shape_of` of a word made only of ASCII letters and digits.
    fn shape(self, word: &str) -> Shape {
        match self.first {
            ASCII_UPPER => {
                let letters_after = self.rest & (ASCII_LOWER | ASCII_UPPER);
                if letters_after == ASCII_UPPER {
                    Shape::Upper
                } else {
                    Shape::Capitalized
                }
            }
            ASCII_LOWER if self.rest & ASCII_UPPER != 0 => camel_case_shape(word),
            ASCII_LOWER => Shape::Lower,
            _ => Shape::Other,
        }
    }

    /// `norm_of` a word made only of ASCII letters and digits: the word itself without
    /// capitals, else its lowercase copy (`lowered` when the caller has one).
    fn norm<'t>(self, word: &'t str, lowered: impl FnOnce() -> Option<&'t str>) -> Cow<'t, str> {
        if (self.first | self.rest) & ASCII_UPPER == 0 {
            return Cow::Borrowed(word);
        }
        match lowered() {
            Some(lowered) => Cow::Borrowed(lowered),
            None => Cow::Owned(word.to_ascii_lowercase()),
        }
    }
}

/// `text.to_ascii_lowercase()` eight bytes at a time: the scan lowercases every page it
/// reads (`tokenize_lowered`), and byte by byte that cost a twentieth of the scan.
pub fn ascii_lowercase(text: &str) -> String {
    let mut lowered = text.as_bytes().to_vec();
    let mut chunks = lowered.chunks_exact_mut(8);
    for chunk in &mut chunks {
        let mut word = [0; 8];
        word.copy_from_slice(chunk);
        let word = lowercase_ascii_word(u64::from_le_bytes(word));
        chunk.copy_from_slice(&word.to_le_bytes());
    }
    chunks.into_remainder().make_ascii_lowercase();
    // Only ASCII capitals changed, so the bytes are still UTF-8: validated once per page
    // (ASCII goes fast) rather than word by word where the tokenizer borrows from them.
    String::from_utf8(lowered).unwrap_or_else(|_| text.to_ascii_lowercase())
}

/// Lowercases the ASCII capitals among the eight bytes of `word`. A byte is a capital when its
/// high bit is clear and its low seven bits lie in 0x41..=0x5A; adding 0x3F and 0x25 to the
/// low seven bits carries into the high bit exactly when they exceed 0x40 and 0x5A (never
/// into the next byte), and the capitals' high bits, shifted down two, are their 0x20 bit.
fn lowercase_ascii_word(word: u64) -> u64 {
    const LOW_SEVEN: u64 = 0x7F7F_7F7F_7F7F_7F7F;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let low = word & LOW_SEVEN;
    let above_at = low + 0x3F3F_3F3F_3F3F_3F3F;
    let above_z = low + 0x2525_2525_2525_2525;
    let capitals = above_at & !above_z & !word & HIGH;
    word | (capitals >> 2)
}

/// The char starting at byte `i` (a char boundary), without decoding for ASCII.
#[inline]
fn char_at(text: &str, i: usize) -> Option<char> {
    let byte = *text.as_bytes().get(i)?;
    if byte.is_ascii() {
        Some(char::from(byte))
    } else {
        text.get(i..)?.chars().next()
    }
}

/// Whether a lone capital with a dot is an initial inside a name ("George W. Bush",
/// "J. K. Rowling") rather than the end of a sentence: a capitalised word or nothing before
/// it, one space and a capital after. "vitamin D. The" stays a sentence end.
fn is_middle_initial(word: &str, rest: &str, previous: Option<&Token>, before: &str) -> bool {
    // "Orsted A/S. Orsted": a letter after a slash is a company's form, no initial.
    if before.ends_with(|c: char| !c.is_whitespace() && !matches!(c, '(' | '"' | '“')) {
        return false;
    }
    let mut letters = word.chars();
    let single_capital = letters.next().is_some_and(char::is_uppercase) && letters.next().is_none();
    let mut after = rest.chars();
    let capital_follows = after.next() == Some(' ') && after.next().is_some_and(char::is_uppercase);
    let name_before = previous.is_none_or(|t| t.shape == Shape::Capitalized);
    single_capital && capital_follows && name_before
}

/// Whether the dot after `word` abbreviates a title or a place word that a name follows
/// ("Mr. Smith", "Dr. Qorbani", "St. Louis", "Mt. Kenya", "Warner Bros. Discovery"), rather
/// than ending a sentence: the abbreviation as written, then one space and a capital. The dot
/// stays in the token, so the name goes on across it.
fn is_name_abbreviation(word: &str, rest: &str) -> bool {
    let abbreviation = matches!(
        word,
        "Mr" | "Mrs"
            | "Ms"
            | "Dr"
            | "Prof"
            | "Rev"
            | "Gen"
            | "Lt"
            | "Col"
            | "Maj"
            | "Capt"
            | "Sgt"
            | "Adm"
            | "Sen"
            | "Rep"
            | "Gov"
            | "St"
            | "Mt"
            | "Ft"
            | "Bros"
    );
    let mut after = rest.chars();
    abbreviation && after.next() == Some(' ') && after.next().is_some_and(char::is_uppercase)
}

/// Whether "Co." abbreviates an Irish county ("near Killarney, Co. Kerry") rather than a
/// company ("Ford Motor Co. The"): no capitalised word right before it, a capital after.
fn is_county_abbreviation(word: &str, rest: &str, before: &str) -> bool {
    let mut after = rest.chars();
    let capital_follows = after.next() == Some(' ') && after.next().is_some_and(char::is_uppercase);
    let before = before.trim_end_matches(' ');
    let no_name_before = before.is_empty() || !before.ends_with(|c: char| c.is_alphanumeric()) || {
        let last_word = before
            .rsplit(|c: char| !c.is_alphanumeric())
            .next()
            .unwrap_or("");
        last_word.starts_with(char::is_lowercase)
    };
    word == "Co" && capital_follows && no_name_before
}

impl Gap {
    fn rank(self) -> u8 {
        match self {
            Gap::Space => 0,
            Gap::Hyphen => 1,
            Gap::Punct => 2,
            Gap::Sentence => 3,
            Gap::Block => 4,
            Gap::Start => 5,
        }
    }
    /// The stronger of two separators seen between the same pair of tokens.
    fn max_with(self, other: Gap) -> Gap {
        if other.rank() > self.rank() {
            other
        } else {
            self
        }
    }
    /// Whether a multi-word name may continue across this separator.
    pub fn joins_name(self) -> bool {
        matches!(self, Gap::Space | Gap::Hyphen)
    }
    /// Whether the token after this separator starts a sentence.
    pub fn starts_sentence(self) -> bool {
        matches!(self, Gap::Start | Gap::Sentence | Gap::Block)
    }
}

fn shape_of(word: &str) -> Shape {
    if word.is_ascii() {
        return ascii_shape_of(word.as_bytes());
    }
    let mut letters = word.chars().filter(|c| c.is_alphabetic());
    let Some(first) = letters.next() else {
        return Shape::Other;
    };
    if !word.chars().next().is_some_and(char::is_alphabetic) {
        return Shape::Other;
    }
    if first.is_uppercase() {
        let mut more_letters = false;
        let rest_upper = letters.all(|c| {
            more_letters = true;
            c.is_uppercase()
        });
        if more_letters && rest_upper {
            Shape::Upper
        } else {
            Shape::Capitalized
        }
    } else if first.is_lowercase() {
        if letters.any(char::is_uppercase) {
            camel_case_shape(word)
        } else {
            Shape::Lower
        }
    } else {
        // Scripts without case (Arabic, CJK): treat as name-like.
        Shape::Capitalized
    }
}

/// The shape of a word that starts in lowercase: a name when a capital follows one first
/// letter ("xAI", "eBay", "iPhone") or starts a lowercase part ("wikiHow", "deGrasse"), a
/// brand's or a name's spelling; "comHPMG" (two links' texts run together) stays lowercase,
/// and words with a hyphen or an apostrophe ("al-Assad", "d'Estaing") have their own rules.
fn camel_case_shape(word: &str) -> Shape {
    if !word.chars().all(char::is_alphanumeric) {
        return Shape::Lower;
    }
    let capital_after_first = word.chars().nth(1).is_some_and(char::is_uppercase);
    let mut pairs = word.chars().zip(word.chars().skip(1));
    let capital_starts_part = pairs.any(|(a, b)| a.is_uppercase() && b.is_lowercase());
    if capital_after_first || capital_starts_part {
        Shape::Capitalized
    } else {
        Shape::Lower
    }
}

/// `shape_of` for an ASCII word, byte by byte.
/// The rest of a word that starts with a lowercase elided particle ("d'", "l'", "dell'")
/// before a capital: "Estaing" in "d'Estaing", "Oréal" in "l'Oréal".
fn after_elided_particle(word: &str) -> Option<&str> {
    let (particle, rest) = word.split_once(is_apostrophe)?;
    let elided = matches!(particle, "d" | "l" | "dell" | "dall" | "nell");
    (elided && rest.starts_with(char::is_uppercase)).then_some(rest)
}

fn ascii_shape_of(word: &[u8]) -> Shape {
    match word.first() {
        Some(first) if first.is_ascii_uppercase() => {
            let mut letters = word[1..]
                .iter()
                .filter(|b| b.is_ascii_alphabetic())
                .peekable();
            if letters.peek().is_some() && letters.all(u8::is_ascii_uppercase) {
                Shape::Upper
            } else {
                Shape::Capitalized
            }
        }
        // Most lowercase words have no capital at all: only those are looked at again.
        Some(first) if first.is_ascii_lowercase() && word.iter().any(u8::is_ascii_uppercase) => {
            // ASCII bytes: the word is valid UTF-8.
            std::str::from_utf8(word).map_or(Shape::Lower, camel_case_shape)
        }
        Some(first) if first.is_ascii_lowercase() => Shape::Lower,
        // Starts with a digit or punctuation, or is empty.
        _ => Shape::Other,
    }
}

/// The key form of one word: lowercase, Latin diacritics folded, curly apostrophes straight,
/// initials' dots removed ("U.S." -> "us", "Tehran’s" -> "tehran’s" -> "tehran's").
pub fn normalize_word(word: &str) -> String {
    // Most words are plain ASCII letters: lowercase them in one pass.
    if word.bytes().all(|b| b.is_ascii_alphanumeric()) {
        return word.to_ascii_lowercase();
    }
    let mut out = String::with_capacity(word.len());
    push_folded(word, &mut out);
    out
}

/// `normalize_word`, borrowing the word itself when it is already in normal form; folds
/// through `scratch` (reused across a text) only for words that are not plain ASCII. The
/// tokenizer reads plain ASCII words without it (`AsciiClasses`).
fn norm_of<'t>(word: &'t str, scratch: &mut String) -> Cow<'t, str> {
    if word.bytes().all(|b| b.is_ascii_alphanumeric()) {
        if !word.bytes().any(|b| b.is_ascii_uppercase()) {
            return Cow::Borrowed(word);
        }
        return Cow::Owned(word.to_ascii_lowercase());
    }
    scratch.clear();
    push_folded(word, scratch);
    if scratch == word {
        Cow::Borrowed(word)
    } else {
        Cow::Owned(scratch.clone())
    }
}

/// The slow path of `normalize_word`: case, diacritics, apostrophes and dots, char by char.
fn push_folded(word: &str, out: &mut String) {
    for c in word.chars() {
        // ASCII, most letters even of these words, needs no case or diacritic table.
        if c.is_ascii() {
            if c != '.' {
                out.push(c.to_ascii_lowercase());
            }
            continue;
        }
        if is_apostrophe(c) {
            out.push('\'');
            continue;
        }
        for lower in c.to_lowercase() {
            match fold_diacritic(lower) {
                Some(s) => out.push_str(s),
                None => out.push(lower),
            }
        }
    }
}

/// The key of a whole alias: its tokens' normal forms joined by single spaces.
pub fn normalize_phrase(phrase: &str) -> String {
    let tokens = tokenize(phrase);
    let mut key = String::with_capacity(phrase.len());
    for token in &tokens {
        if !key.is_empty() {
            key.push(' ');
        }
        key.push_str(&token.norm);
    }
    key
}

/// Which tokens of an alias are capitalised, as a bit mask (bit i = token i), so a match in
/// text can demand the same capitals ("al-Qaeda" needs a capital Q, not a capital a).
pub fn capital_mask(phrase: &str) -> u8 {
    tokenize(phrase)
        .iter()
        .take(8)
        .enumerate()
        .filter(|(_, t)| t.is_capitalized())
        .fold(0u8, |mask, (i, _)| mask | (1 << i))
}

fn fold_diacritic(c: char) -> Option<&'static str> {
    Some(match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' | 'ǎ' | 'ạ' | 'ả' | 'ấ' | 'ầ' | 'ậ' => {
            "a"
        }
        'æ' => "ae",
        'ç' | 'ć' | 'ĉ' | 'ċ' | 'č' => "c",
        'ď' | 'đ' | 'ð' => "d",
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ĕ' | 'ė' | 'ę' | 'ě' | 'ẹ' | 'ế' | 'ề' | 'ệ' => {
            "e"
        }
        'ĝ' | 'ğ' | 'ġ' | 'ģ' => "g",
        'ĥ' | 'ħ' => "h",
        'ì' | 'í' | 'î' | 'ï' | 'ĩ' | 'ī' | 'ĭ' | 'į' | 'ı' | 'ǐ' | 'ị' => "i",
        'ĵ' => "j",
        'ķ' => "k",
        'ĺ' | 'ļ' | 'ľ' | 'ŀ' | 'ł' => "l",
        'ñ' | 'ń' | 'ņ' | 'ň' => "n",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ŏ' | 'ő' | 'ǒ' | 'ọ' | 'ố' | 'ồ' | 'ộ' | 'ơ' => {
            "o"
        }
        'œ' => "oe",
        'ŕ' | 'ŗ' | 'ř' => "r",
        'ś' | 'ŝ' | 'ş' | 'š' | 'ș' => "s",
        'ß' => "ss",
        'ţ' | 'ť' | 'ŧ' | 'ț' => "t",
        'ù' | 'ú' | 'û' | 'ü' | 'ũ' | 'ū' | 'ŭ' | 'ů' | 'ű' | 'ų' | 'ǔ' | 'ư' | 'ụ' => {
            "u"
        }
        'ŵ' => "w",
        'ý' | 'ÿ' | 'ŷ' => "y",
        'ź' | 'ż' | 'ž' => "z",
        'þ' => "th",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<String> {
        tokenize(text)
            .into_iter()
            .map(|t| t.norm.into_owned())
            .collect()
    }

    #[test]
    fn possessives_split_with_straight_and_curly_apostrophes() {
        assert_eq!(words("Iran's"), ["iran", "'s"]);
        assert_eq!(words("Tehran’s response"), ["tehran", "'s", "response"]);
        assert_eq!(words("O'Brien said"), ["o'brien", "said"]);
    }

    #[test]
    fn initials_are_one_token_without_dots() {
        assert_eq!(words("the U.S. said"), ["the", "us", "said"]);
        assert_eq!(words("J.D. Vance"), ["jd", "vance"]);
        let tokens = tokenize("in the U.S. Then");
        assert_eq!(tokens[2].shape, Shape::Upper);
    }

    #[test]
    fn a_lone_letter_ends_a_word_as_the_last_run_after_its_dots_reads() {
        for word in [
            "U.S", "J", "U", "said", "U.S2", "US", "É", "a.bc", "ab.c", "é.É", "2", "",
        ] {
            let last_run = word.rsplit('.').next().unwrap_or("");
            let lone = last_run.chars().count() == 1 && last_run.chars().all(char::is_alphabetic);
            assert_eq!(ends_in_lone_letter(word), lone, "{word}");
        }
    }

    #[test]
    fn middle_initials_keep_the_name_together() {
        let tokens = tokenize("said George W. Bush and vitamin D. The end");
        assert_eq!(tokens[2].norm, "w");
        assert_eq!(tokens[3].gap, Gap::Space);
        assert_eq!(tokens[7].gap, Gap::Sentence);
    }

    #[test]
    fn an_elided_particle_inside_a_name_takes_the_name_s_capital() {
        assert_eq!(
            tokenize("Valery Giscard d'Estaing")[2].shape,
            Shape::Capitalized
        );
        assert_eq!(tokenize("Patrizia d’Ettorre")[1].shape, Shape::Capitalized);
        // After a lowercase word it is a preposition: "the head of Alan".
        assert_eq!(tokenize("la tête d'Alan Moore")[2].shape, Shape::Lower);
    }

    #[test]
    fn a_title_or_saint_abbreviation_does_not_end_the_sentence() {
        assert_eq!(
            words("Mr. Smith and Dr. Jones"),
            ["mr", "smith", "and", "dr", "jones"]
        );
        assert_eq!(tokenize("Warner Bros. Discovery")[2].gap, Gap::Space);
        let tokens = tokenize("in St. Louis, as Mr. Smith said. Then");
        assert_eq!(tokens[2].gap, Gap::Space);
        assert_eq!(tokens[5].gap, Gap::Space);
        assert_eq!(tokens[7].gap, Gap::Sentence);
        // A letter after a slash ends the sentence: "Orsted A/S. Orsted" has no initial.
        assert_eq!(tokenize("by Orsted A/S. Orsted said")[4].gap, Gap::Sentence);
        // "Co." before a county, not after a company's name.
        assert_eq!(tokenize("near Tralee, Co. Kerry")[3].gap, Gap::Space);
        assert_eq!(tokenize("born in Co. Cork")[3].gap, Gap::Space);
        assert_eq!(tokenize("Ford Motor Co. The")[3].gap, Gap::Sentence);
        // Not an abbreviation of a title: "the first." ends the sentence.
        let tokens = tokenize("He came first. Smith left");
        assert_eq!(tokens[3].gap, Gap::Sentence);
    }

    #[test]
    fn sentence_end_after_plain_word_is_a_boundary() {
        let tokens = tokenize("He left. Moscow replied");
        assert_eq!(tokens[2].gap, Gap::Sentence);
        assert!(tokens[2].gap.starts_sentence());
    }

    #[test]
    fn hyphen_joins_and_comma_separates() {
        let tokens = tokenize("US-Israeli action, Fordow, Natanz");
        assert_eq!(tokens[1].gap, Gap::Hyphen);
        assert_eq!(tokens[4].gap, Gap::Punct);
    }

    #[test]
    fn diacritics_fold_for_keys() {
        assert_eq!(
            normalize_phrase("Zaporižžja São Tomé"),
            "zaporizzja sao tome"
        );
        assert_eq!(normalize_phrase("Tehran’s"), "tehran 's");
    }

    #[test]
    fn shapes() {
        let t = tokenize("IRGC Tehran minister 2024");
        let shapes: Vec<Shape> = t.iter().map(|t| t.shape).collect();
        assert_eq!(
            shapes,
            [Shape::Upper, Shape::Capitalized, Shape::Lower, Shape::Other]
        );
    }

    #[test]
    fn a_capital_inside_a_lowercase_word_makes_a_name() {
        for word in ["xAI", "eBay", "iPhone", "wikiHow", "deGrasse", "éLan"] {
            assert_eq!(tokenize(word)[0].shape, Shape::Capitalized, "{word}");
        }
        // Two links' texts run together, and words with their own rules.
        for word in ["comHPMG", "d'Estaing", "minister"] {
            assert_eq!(tokenize(word)[0].shape, Shape::Lower, "{word}");
        }
    }

    #[test]
    fn plain_ascii_words_read_as_the_general_path_reads_them() {
        let mut scratch = String::new();
        for word in [
            "a", "A", "7", "ab", "Ab", "aB", "AB", "A7", "7A", "a7B", "IRGC", "G7", "U2", "B52s",
            "McCain", "iPhone", "comHPMG", "xAI", "2024", "X", "Tehran",
        ] {
            let token = &tokenize(word)[0];
            assert_eq!(token.end, word.len(), "{word}");
            assert_eq!(token.shape, shape_of(word), "{word}");
            assert_eq!(token.norm, norm_of(word, &mut scratch), "{word}");
        }
    }

    #[test]
    fn word_char_shortcuts_agree_with_std() {
        let shortcuts = [
            '\u{0}'..='\u{7F}',
            '\u{A0}'..='\u{A0}',
            '\u{C0}'..='\u{24F}',
            '\u{2000}'..='\u{206F}',
            '\u{2500}'..='\u{257F}',
            '\u{3000}'..='\u{3004}',
            '\u{4E00}'..='\u{9FFF}',
        ];
        for c in shortcuts.into_iter().flatten() {
            assert_eq!(is_word_char(c), c.is_alphanumeric(), "{c:?}");
        }
    }

    #[test]
    fn lowercasing_eight_bytes_at_a_time_matches_std() {
        let ascii: String = (0u8..128).map(char::from).collect();
        for text in [
            ascii.as_str(),
            "Zürich ÀÉÎ İstanbul ΑΘΗΝΑ The U.S. and IRGC@[Z]`{",
            "",
            "ABCDEFG",
            "ABCDEFGHIJKLMNOPQRSTUVWXYZ",
        ] {
            for skip in 0..8.min(text.len()) {
                let Some(text) = text.get(skip..) else {
                    continue;
                };
                assert_eq!(ascii_lowercase(text), text.to_ascii_lowercase(), "{text}");
            }
        }
    }

    #[test]
    fn capital_mask_marks_capitalised_tokens() {
        assert_eq!(capital_mask("al-Qaeda"), 0b10);
        assert_eq!(capital_mask("Strait of Hormuz"), 0b101);
    }

    #[test]
    fn odd_input_does_not_panic() {
        for s in [
            "", ".", "'", "’s", "a.", "..", "-x", "x-", "U.", "\u{0}", "ß.ß'", "é’",
        ] {
            let tokens = tokenize(s);
            for t in tokens {
                assert!(t.start < t.end && t.end <= s.len());
                assert!(s.is_char_boundary(t.start) && s.is_char_boundary(t.end));
            }
        }
    }
}
