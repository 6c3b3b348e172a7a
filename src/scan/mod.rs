//! Text in, mentions out: the detection pipeline shared by the CLI, native tests and WASM.
//!
//! 1. tokenise (`text`);
//! 2. a first pass finds names the knowledge base knows by their full form, so the article's
//!    cast is known before partial names are judged ("President Putin" in a headline is the
//!    "Vladimir Putin" of the third paragraph);
//! 3. the main pass walks tokens left to right, takes the longest knowledge-base match whose
//!    casing and flags fit, else a name found by cues (`patterns`), else a surname of a
//!    person the article already named; acronyms the article defines (`acronyms`) come
//!    first, and the words around a shared name pick its reading (`disambiguate`);
//! 4. in-article context (`context`) records how each entity was introduced.
//!
//! Offsets are UTF-8 byte offsets into the scanned text; front ends convert at their edge.

mod acronyms;
mod affiliations;
mod context;
mod disambiguate;
mod incremental;
mod lists;
mod lookup;
mod memory;
pub mod patterns;
pub mod roles;
mod sieve;

pub use incremental::scan_more;
pub use lookup::{scan_name, MAX_LOOKUP_CHARS};

use crate::kb::format::{
    ALIAS_ACRONYM, ALIAS_COMMON_WORD, ALIAS_DEMONYM, ALIAS_EXACT_CASE, ALIAS_PRIMARY,
    ALIAS_SURNAME, ALIAS_TITLE,
};
use crate::kb::{AliasMatches, AliasPrefix, Candidate, EntityRecord, EntityType, Kb};
use crate::text::{normalize_word, tokenize_lowered, Gap, Shape, Token};
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::cell::{Cell, OnceCell, RefCell};

/// One highlighted name.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Mention {
    pub start: usize,
    pub end: usize,
    /// Index into `Scan::entities`.
    pub entity: usize,
}

/// An entity as this article knows it.
#[derive(Clone, Debug, serde::Serialize)]
pub struct ArticleEntity {
    /// Index of the knowledge-base record, when known.
    pub kb: Option<u32>,
    pub name: String,
    pub kind: EntityType,
    pub subtype: String,
    pub mention_count: usize,
    /// How the article introduced the entity ("Iranian Foreign Minister"), as a byte range.
    pub intro: Option<(usize, usize)>,
    /// The sentence of the first mention, as a byte range.
    pub first_sentence: (usize, usize),
}

impl ArticleEntity {
    /// An entity not yet mentioned; counts and context are filled in as the scan goes.
    fn new(kb: Option<u32>, name: &str, kind: EntityType, subtype: &str) -> Self {
        ArticleEntity {
            kb,
            name: name.to_string(),
            kind,
            subtype: subtype.to_string(),
            mention_count: 0,
            intro: None,
            first_sentence: (0, 0),
        }
    }
}

#[derive(Clone, Debug, Default, serde::Serialize)]
pub struct Scan {
    pub mentions: Vec<Mention>,
    pub entities: Vec<ArticleEntity>,
}

/// Keys entities within one article: knowledge-base record or a name the article introduced.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
enum EntityKey {
    Known(u32),
    Local(String),
}

struct Scanner<'k, 't> {
    kb: &'k Kb<'k>,
    text: &'t str,
    tokens: Vec<Token<'t>>,
    /// Per token: true inside an all-capitals block, where casing proves nothing.
    caps_block: Vec<bool>,
    /// Per token: true inside a block in title case ("Need to Buy a New One"), where a
    /// capital says little about a name.
    title_block: Vec<bool>,
    /// The tokens where a name could start (`could_start_name`), in order: each of the three
    /// passes walks these rather than asking of every token, most of which are lowercase.
    name_starts: Vec<usize>,
    /// Per token: the knowledge-base aliases starting there, once looked up. Both passes and
    /// several rules ask about the same tokens, and the automaton walk is the costliest step.
    /// Read by reference: the answer is 80 bytes, and most questions only look at it.
    alias_matches: Vec<OnceCell<AliasMatches>>,
    /// Where the alias automaton stands after each word as written (`Kb::alias_prefix`), so
    /// that a word the article repeats is walked through once.
    alias_prefixes: RefCell<HashMap<&'t str, Option<AliasPrefix>>>,
    /// Entity records read once per article: the rules ask about the same candidates each
    /// time a name comes back, and a record's name is decoded from a block of names.
    entities: RefCell<HashMap<u32, Option<EntityRecord<'k>>>>,
    /// Per token: whether it is a given name, once asked (several rules ask of every
    /// capitalised word).
    given_names: Vec<Cell<Option<bool>>>,
    /// The same answers by word as written: an article repeats its names, and a hash lookup
    /// costs a fraction of a walk through the given-name automaton.
    given_name_words: RefCell<HashMap<&'t str, bool>>,
    /// Entities named in full somewhere in the article (first pass).
    introduced: HashSet<u32>,
    /// Companies and clubs whose everyday-word name acted as one somewhere in the article
    /// ("Apple declined to comment", "Arsenal manager"): that name is theirs elsewhere too.
    named_in_trade: HashSet<u32>,
    /// Whether the article is a sports story (`is_sports_story`), read when first asked.
    sports_story: OnceCell<bool>,
    /// Known people already counted toward their country's evidence.
    people_counted: HashSet<u32>,
    /// Countries the article mentions, including by demonym ("Iranian").
    countries: HashSet<String>,
    /// Cities, regions and demonyms per country, which pick between places sharing a name.
    evidence: disambiguate::PlaceEvidence,
    /// Place names the article also used as a person's surname ("Valeska Paris"), with the
    /// token where it did: alone and after that point, they need a preposition before them
    /// to be the place.
    shadowed_places: HashMap<String, usize>,
    /// Places the article pinned down once ("London, Ont.", "Moscow, Idaho", "Veracruz
    /// state"), by the name's key: the same bare name later is the same place.
    pinned_places: HashMap<String, u32>,
    /// The last place committed: (token after it, subtype, country), for "Atlanta, Georgia"
    /// and "Armenia, Georgia and Azerbaijan".
    previous_place: Option<(usize, &'static str, String)>,
    /// Surname (normalised) -> local entity key, for names found by cues.
    local_surnames: HashMap<String, String>,
    /// The local surnames whose full name began with a census given name ("Dean Kamen"), the
    /// only ones read before the full name: "King Kong" and "Queen Street" (after titles)
    /// must not make every "Kong" and "Street" a person.
    given_name_surnames: HashSet<String>,
    /// Surname (normalised) -> known entity, for people named in full earlier.
    known_surnames: HashMap<String, u32>,
    /// The keys of `known_surnames` and `local_surnames`, which are asked of every
    /// capitalised word in two passes: most are neither.
    surnames: sieve::WordSieve,
    /// Given names, organisations' head words and initials of names used in full.
    memory: memory::Memory,
    /// The scan's entity index of each knowledge-base record the article names.
    known_keys: HashMap<u32, usize>,
    /// The same for each name the article introduced, by its key: asked by the name as a
    /// `&str`, which an `EntityKey` would have to be allocated for.
    local_keys: HashMap<String, usize>,
    /// Acronyms the article defines, in token order ("Popular Mobilization Forces (PMF)").
    definitions: Vec<acronyms::Definition>,
    /// Acronym as written ("PMF") -> the entity the article defined it as.
    defined_acronyms: HashMap<String, usize>,
    /// Acronyms the article defines for terms ("MVD" for "Marburg virus disease").
    term_acronyms: Vec<&'t str>,
    scan: Scan,
}

/// Finds the actors and sites in `text`.
pub fn scan(kb: &Kb<'_>, text: &str) -> Scan {
    let lowered = crate::text::ascii_lowercase(text);
    let tokens = tokenize_lowered(text, &lowered);
    let Blocks {
        caps_block,
        title_block,
        name_starts,
    } = blocks_and_name_starts(&tokens);
    let bracketed = acronyms::bracketed(text, &tokens, &caps_block);
    let definitions = acronyms::definitions(text, &tokens, &bracketed);
    let term_acronyms = acronyms::terms(text, &tokens, &bracketed);
    // The per-word answers are asked of words where names may start, about half of them
    // distinct: room for that many up front spares the maps their regrowth.
    let distinct_words = name_starts.len() / 2;
    let mut scanner = Scanner {
        kb,
        text,
        alias_matches: vec![OnceCell::new(); tokens.len()],
        alias_prefixes: RefCell::new(HashMap::with_capacity_and_hasher(
            distinct_words,
            Default::default(),
        )),
        given_names: vec![Cell::new(None); tokens.len()],
        entities: RefCell::default(),
        given_name_words: RefCell::new(HashMap::with_capacity_and_hasher(
            distinct_words,
            Default::default(),
        )),
        tokens,
        caps_block,
        title_block,
        name_starts,
        introduced: HashSet::default(),
        named_in_trade: HashSet::default(),
        sports_story: OnceCell::new(),
        people_counted: HashSet::default(),
        countries: HashSet::default(),
        evidence: disambiguate::PlaceEvidence::default(),
        shadowed_places: HashMap::default(),
        pinned_places: HashMap::default(),
        previous_place: None,
        local_surnames: HashMap::default(),
        given_name_surnames: HashSet::default(),
        known_surnames: HashMap::default(),
        surnames: sieve::WordSieve::default(),
        memory: memory::Memory::default(),
        known_keys: HashMap::default(),
        local_keys: HashMap::default(),
        definitions,
        defined_acronyms: HashMap::default(),
        term_acronyms,
        scan: Scan::default(),
    };
    scanner.first_pass();
    scanner.main_pass();
    scanner.late_pass();
    let mut scan = scanner.scan;
    join_short_names_to_known_people(&mut scan);
    context::describe(text, &scanner.tokens, &mut scan);
    scan
}

/// A one-word person the knowledge base could not place, whose word is one of the words of
/// exactly one known person's name in the article, is that person: a headline's "..., says
/// Anwar" before "Prime Minister Anwar Ibrahim" in the text. Their mentions move over and
/// the empty entity goes.
fn join_short_names_to_known_people(scan: &mut Scan) {
    let is_lone_word =
        |e: &ArticleEntity| e.kb.is_none() && e.kind == EntityType::Person && !e.name.contains(' ');
    if !scan.entities.iter().any(is_lone_word) {
        return;
    }
    // Each word of a known person's name -> that person, or None when two share it.
    let mut owner: HashMap<String, Option<usize>> = HashMap::default();
    for (index, e) in scan.entities.iter().enumerate() {
        if e.kb.is_none() || e.kind != EntityType::Person {
            continue;
        }
        for word in e.name.split(' ').filter(|w| w.chars().count() > 2) {
            owner
                .entry(crate::text::normalize_phrase(word))
                .and_modify(|o| {
                    if *o != Some(index) {
                        *o = None;
                    }
                })
                .or_insert(Some(index));
        }
    }
    let moved_to: Vec<Option<usize>> = scan
        .entities
        .iter()
        .map(|e| {
            is_lone_word(e)
                .then(|| owner.get(&crate::text::normalize_phrase(&e.name)).copied())
                .flatten()
                .flatten()
        })
        .collect();
    if moved_to.iter().all(Option::is_none) {
        return;
    }
    // New indices: kept entities in order, merged ones to their known person's.
    let mut kept = Vec::with_capacity(scan.entities.len());
    let mut new_index = vec![0; scan.entities.len()];
    for (old, entity) in std::mem::take(&mut scan.entities).into_iter().enumerate() {
        if moved_to[old].is_none() {
            new_index[old] = kept.len();
            kept.push(entity);
        }
    }
    for old in 0..moved_to.len() {
        if let Some(known) = moved_to[old] {
            new_index[old] = new_index[known];
        }
    }
    for mention in &mut scan.mentions {
        let was_moved = moved_to[mention.entity].is_some();
        mention.entity = new_index[mention.entity];
        if was_moved {
            kept[mention.entity].mention_count += 1;
        }
    }
    scan.entities = kept;
}

/// The one value all of `values` have, if there is at least one and they agree.
fn agreed<T: PartialEq>(mut values: impl Iterator<Item = T>) -> Option<T> {
    let first = values.next()?;
    values.all(|v| v == first).then_some(first)
}

/// Verbs that report speech or belief, after which "that" opens a clause.
fn is_reporting_verb(norm: &str) -> bool {
    matches!(
        norm,
        "said"
            | "says"
            | "say"
            | "claimed"
            | "claims"
            | "claim"
            | "stated"
            | "states"
            | "reported"
            | "reports"
            | "added"
            | "argued"
            | "argues"
            | "insisted"
            | "insists"
            | "noted"
            | "believes"
            | "believed"
            | "alleged"
            | "alleges"
            | "announced"
            | "confirmed"
            | "denied"
            | "denies"
    )
}

/// The one world-famous person a bare surname means before any introduction ("Putin said",
/// "Obama's adviser"): prominence 70 or more, and no other person with that surname above
/// 50 ("Clinton" and "Bush" stay unlinked until the article names one in full). A surname
/// that is the knowledge base's only reading of the word, of one well-known person
/// (`UNIQUE_SURNAME_PROMINENCE`), means that person too ("Gorbachev agreed"): a name this
/// rare is not also a common word, a place or another famous person.
fn famous_surname(candidates: impl Iterator<Item = Candidate>) -> Option<u32> {
    let mut famous = None;
    let mut blocked = false;
    let mut readings = 0;
    let mut only = None;
    for c in candidates {
        readings += 1;
        if !c.has(ALIAS_SURNAME) {
            continue;
        }
        if c.prominence >= UNIQUE_SURNAME_PROMINENCE {
            only = Some(c.entity);
        }
        if c.prominence >= 70 {
            blocked |= famous.is_some();
            famous = Some(c.entity);
        } else if c.prominence >= 50 {
            blocked = true;
        }
    }
    if readings == 1 {
        return only;
    }
    famous.filter(|_| !blocked)
}

/// Least prominence of a person whose surname alone names them when the word has no other
/// reading in the knowledge base.
const UNIQUE_SURNAME_PROMINENCE: u8 = 60;

/// Least prominence of a company that is read at the head of a product's name.
const PRODUCT_MAKER_PROMINENCE: u8 = 50;

/// Mentions of a country's places and demonyms that make an article about that country, for
/// its institutions' short names.
const NATIONAL_EVIDENCE: u32 = 3;

/// What a place the article pinned down by its country or kind gains when its bare name
/// comes again: more than a world capital's prominence over a namesake town.
const PINNED_PLACE_BONUS: i32 = 100;

/// What the leading country's institution or party gains over another country's of the same
/// short name: more than their prominences differ ("Supreme Court": 72 for the American
/// one, 50 for the British).
const LEADING_COUNTRY_BODY_BONUS: i32 = 40;

/// How much better known a later person of an article's family must be to take the bare
/// surname from the first one named (a president against his wife or children).
const FAMILY_PROMINENCE_GAP: u8 = 25;

/// How far the most prominent reading of a place name must lead the readings in other
/// countries for the name to count toward its country.
const DOMINANT_READING_MARGIN: u8 = 25;

/// One reading of a place's or a known person's name, for counting the article's countries.
struct PlaceReading<'a> {
    is_country: bool,
    country: &'a str,
    prominence: u8,
}

/// What a short name of a country's own organisation may stand for (see `national_body`).
#[derive(Clone, Copy, PartialEq, Eq)]
enum NationalBody {
    Institution,
    Party,
    /// A seat of power known by one word after "the" ("the Capitol").
    Landmark,
}

/// Whether the entity is a government body, a party or a landmark, whose short names
/// ("Congress", "Democrats", "the Capitol") stand for them in an article about their country.
fn national_body(entity: &EntityRecord<'_>) -> Option<NationalBody> {
    match (entity.kind, entity.subtype) {
        (EntityType::Organization, "government") => Some(NationalBody::Institution),
        (EntityType::Organization, "party") => Some(NationalBody::Party),
        (EntityType::Place, "landmark") => Some(NationalBody::Landmark),
        _ => None,
    }
}

/// Where an article says an everyday-word name is a business or a club (see
/// `Scanner::trade_cue`).
#[derive(Clone, Copy, PartialEq, Eq)]
enum TradeCue {
    Here,
    Elsewhere,
}

/// The kinds of organisation whose everyday-word or city names ("Apple", "Shell",
/// "Liverpool") stand for them where the words around them are their kind of story.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Trade {
    Business,
    Sport,
}

fn trade_of(entity: &EntityRecord<'_>) -> Option<Trade> {
    match (entity.kind, entity.subtype) {
        (EntityType::Organization, "company" | "media") => Some(Trade::Business),
        (EntityType::Organization, "sports_team") => Some(Trade::Sport),
        _ => None,
    }
}

/// Nouns for a settlement or district that name a place after "of" ("the town of Adigrat")
/// or describe one after a comma ("Atbara, a city north of Khartoum").
fn is_settlement_word(norm: &str) -> bool {
    matches!(
        norm,
        "city"
            | "town"
            | "village"
            | "villages"
            | "port"
            | "district"
            | "province"
            | "suburb"
            | "hamlet"
            | "township"
            | "municipality"
            | "enclave"
            | "border"
            | "outskirts"
    )
}

/// Words of match reports (`disambiguate::is_match_word`) that make an article a sports
/// story.
const SPORTS_STORY_WORDS: usize = 6;

/// Places below this prominence (towns of under about 200,000 people) need a word saying
/// they are places, or the article to have named them so.
const MINOR_PLACE_PROMINENCE: u8 = 40;

/// Least prominence of a known person whom a longer name with middle names may be: "Mary
/// Ann Smith" is not whichever John or Mary Smith the knowledge base holds.
const MIDDLE_NAMES_PROMINENCE: u8 = 40;

/// Below this, a person named with a common given name needs the article to name their
/// country (see `obscure_namesake`).
const OBSCURE_PERSON_PROMINENCE: u8 = 30;

/// Score added where the words in the article say a name is a business or a club: "Liverpool
/// manager" is the club, however big the city.
const TRADE_CUE_BONUS: i32 = 50;

/// Whether a name could start at token `i`: names start with a capital, a digit ("G7") or a
/// lowercase particle ("al-Qaeda", "de Gaulle"). Most tokens are ordinary lowercase words, so
/// this check keeps the automaton walk off them.
/// `in_caps`: the token is in a block written in capitals.
fn could_start_name(tokens: &[Token], i: usize, in_caps: bool) -> bool {
    let token = &tokens[i];
    // "do" is a particle inside names ("Correa do Lago"), and too common a verb to start one.
    let opening_particle = || patterns::is_name_particle(&token.norm) && token.norm != "do";
    (token.shape != Shape::Lower || in_caps || opening_particle())
        && !after_stance_prefix(tokens, i)
}

/// "pro-Beijing", "anti-Kremlin": a stance, not a mention of the place or body.
#[inline(always)]
fn after_stance_prefix(tokens: &[Token], i: usize) -> bool {
    i > 0
        && tokens[i].gap == Gap::Hyphen
        && matches!(tokens[i - 1].norm.as_ref(), "pro" | "anti" | "non")
}

/// Per token, the kind of block it is in, and where names may start.
struct Blocks {
    caps_block: Vec<bool>,
    title_block: Vec<bool>,
    name_starts: Vec<usize>,
}

/// Marks tokens in blocks written in capitals ("IRAN WARNS ISRAEL"), where every word looks
/// like an acronym, and in title case, and lists the tokens where a name could start
/// (`could_start_name`), which depends on the marks. One walk over the tokens does all,
/// counting each block's words as it goes: the answers are asked of every token, and walking
/// the tokens once more for each, or each block twice more to count its words, cost several
/// hundredths of the scan.
fn blocks_and_name_starts(tokens: &[Token]) -> Blocks {
    let mut blocks = Blocks {
        caps_block: vec![false; tokens.len()],
        title_block: vec![false; tokens.len()],
        name_starts: Vec::with_capacity(tokens.len() / 4),
    };
    let mut block = Block::default();
    for (i, token) in tokens.iter().enumerate() {
        if i > block.start && token.gap == Gap::Block {
            block.end_at(i, tokens, &mut blocks);
            block = Block {
                start: i,
                first_name_start: blocks.name_starts.len(),
                ..Block::default()
            };
        }
        block.words += usize::from(token.shape != Shape::Other);
        block.upper += usize::from(token.shape == Shape::Upper);
        block.capitalized += usize::from(token.shape == Shape::Capitalized);
        if could_start_name(tokens, i, false) {
            blocks.name_starts.push(i);
        }
    }
    block.end_at(tokens.len(), tokens, &mut blocks);
    blocks
}

/// One block of text read so far (`blocks_and_name_starts`), from token `start` on.
#[derive(Default)]
struct Block {
    start: usize,
    /// Where the block's name starts begin in the list.
    first_name_start: usize,
    /// Tokens with letters ("2024" and "'s" are not counted).
    words: usize,
    /// Those written in capitals.
    upper: usize,
    /// Those with a capital first letter only.
    capitalized: usize,
}

impl Block {
    /// Ends the block before token `end`. When four in five of at least three words are in
    /// capitals, its tokens are flagged, and names may start at its lowercase words too.
    /// When seven in ten of at least four words begin with a capital, it is in title case
    /// (a sentence naming five people in nine words has five).
    fn end_at(&self, end: usize, tokens: &[Token], blocks: &mut Blocks) {
        if self.words >= 3 && self.upper * 10 >= self.words * 8 {
            blocks.caps_block[self.start..end].fill(true);
            let starts = &mut blocks.name_starts;
            starts.truncate(self.first_name_start);
            starts.extend((self.start..end).filter(|&i| could_start_name(tokens, i, true)));
        } else if self.words >= 4 && (self.upper + self.capitalized) * 10 >= self.words * 7 {
            blocks.title_block[self.start..end].fill(true);
        }
    }
}

impl<'k, 't> Scanner<'k, 't> {
    /// The knowledge-base aliases starting at token `i`, walked at most once per token.
    fn alias_matches(&self, i: usize) -> &AliasMatches {
        let Some(cached) = self.alias_matches.get(i) else {
            return &AliasMatches::NONE;
        };
        cached.get_or_init(|| self.walk_alias_matches(i))
    }

    /// `alias_matches`, the first time it is asked.
    fn walk_alias_matches(&self, i: usize) -> AliasMatches {
        let token = &self.tokens[i];
        // The normal form is a function of the word as written, so either can key the walk.
        let written = &self.text[token.start..token.end];
        let prefix = *self
            .alias_prefixes
            .borrow_mut()
            .entry(written)
            .or_insert_with(|| self.kb.alias_prefix(&token.norm));
        let Some(prefix) = prefix else {
            return AliasMatches::default();
        };
        let mut found = self.kb.matches_after(prefix, &self.tokens, i);
        if let Some((len, value)) = self.name_around_nickname(i) {
            found.push(len, value);
        }
        found
    }

    /// A known name with a nickname in quotes inside it, starting at token `i`: "Jimmy
    /// \"Barbecue\" Chérizier" is Jimmy Chérizier, "Joaquín \"El Chapo\" Guzmán" Joaquín
    /// Guzmán. Returns the tokens the whole name spans and the automaton value of the name
    /// without its nickname.
    fn name_around_nickname(&self, i: usize) -> Option<(usize, u64)> {
        let quote_between = |a: usize, b: usize, quotes: &[char]| {
            let between = self.text[self.tokens[a].end..self.tokens[b].start].trim();
            let mut chars = between.chars();
            chars.next().is_some_and(|c| quotes.contains(&c)) && chars.next().is_none()
        };
        let opens = self.tokens.get(i + 1)?.gap == Gap::Punct
            && self.tokens[i].shape == Shape::Capitalized
            && quote_between(i, i + 1, &['"', '“', '‘']);
        if !opens {
            return None;
        }
        // The nickname: one to three capitalised words ("El Chapo").
        let last = (i + 1..(i + 4).min(self.tokens.len())).find(|&k| {
            self.tokens
                .get(k + 1)
                .is_some_and(|t| t.gap == Gap::Punct && quote_between(k, k + 1, &['"', '”', '’']))
        })?;
        let nickname_shaped = (i + 1..=last).all(|k| {
            self.tokens[k].is_capitalized() && (k == i + 1 || self.tokens[k].gap == Gap::Space)
        });
        let surname = &self.tokens[last + 1];
        if !nickname_shaped || surname.shape != Shape::Capitalized {
            return None;
        }
        let key = format!("{} {}", self.tokens[i].norm, surname.norm);
        let value = self.kb.alias_value(&key)?;
        Some((last + 2 - i, value))
    }

    /// The knowledge base's record of an entity, read once per article.
    fn entity(&self, index: u32) -> Option<EntityRecord<'k>> {
        *self
            .entities
            .borrow_mut()
            .entry(index)
            .or_insert_with(|| self.kb.entity(index))
    }

    /// Whether token `i` is a given name of the knowledge base, asked once per token.
    fn given_name_at(&self, i: usize) -> bool {
        let Some(cached) = self.given_names.get(i) else {
            return false;
        };
        if let Some(known) = cached.get() {
            return known;
        }
        let token = &self.tokens[i];
        // The normal form is a function of the word as written, so either can key the answer.
        let written = &self.text[token.start..token.end];
        let known = *self
            .given_name_words
            .borrow_mut()
            .entry(written)
            .or_insert_with(|| self.kb.is_given_name(&token.norm));
        cached.set(Some(known));
        known
    }

    fn surface(&self, start: usize, end: usize) -> &str {
        &self.text[self.tokens[start].start..self.tokens[end - 1].end]
    }

    /// Whether the text's capitals fit the alias: exact aliases must match exactly, others
    /// need a capital wherever the alias has one (and on the first word), but for a party's
    /// last word, which many writers leave in lower case ("the Republican party").
    fn casing_fits(&self, c: &Candidate, start: usize, end: usize) -> bool {
        if c.has(ALIAS_EXACT_CASE) {
            return self.kb.exact_form(c) == Some(self.surface(start, end));
        }
        if self.caps_block[start] {
            return true;
        }
        // "el-Fasher", "al-Hudaydah": an Arabic article may be written in lowercase before
        // the capital of the name it joins.
        let lowercase_article = end - start >= 2
            && matches!(
                &*self.tokens[start].norm,
                "al" | "el" | "ad" | "ar" | "as" | "ash" | "at" | "az" | "an" | "ed" | "es"
            )
            && self.tokens[start + 1].gap == Gap::Hyphen
            && self.tokens[start + 1].is_capitalized();
        let first_needs_capital = c.capital_mask & 1 != 0 || end - start == 1;
        if first_needs_capital && !self.tokens[start].is_capitalized() && !lowercase_article {
            return false;
        }
        let lowercase_party =
            |k: usize, t: usize| k > 0 && t + 1 == end && self.tokens[t].norm == "party";
        (start..end).enumerate().take(8).all(|(k, t)| {
            c.capital_mask & (1 << k) == 0
                || self.tokens[t].is_capitalized()
                || lowercase_party(k, t)
                || (k == 0 && lowercase_article)
        })
    }

    /// The first token from `from` on where a name could start (`name_starts`). `cursor`
    /// keeps the place in the list between calls of one pass, which moves forward only.
    fn name_start_from(&self, from: usize, cursor: &mut usize) -> Option<usize> {
        while let Some(&start) = self.name_starts.get(*cursor) {
            if start >= from {
                return Some(start);
            }
            *cursor += 1;
        }
        None
    }

    /// Full names (not surnames, demonyms, titles or common words) whose casing fits.
    fn first_pass(&mut self) {
        let (mut i, mut cursor) = (0, 0);
        // Bodies named by a generic name ("the Labour Party"), introduced once the whole
        // article's places say whose they are.
        let mut generic_names = Vec::new();
        // Everyday-word names of businesses and clubs the words around them did not cue.
        let mut everyday_names = Vec::new();
        while let Some(start) = self.name_start_from(i, &mut cursor) {
            i = start;
            // Most name starts begin no alias: their answer is not copied out.
            if self.alias_matches(i).is_empty() {
                i += 1;
                continue;
            }
            let mut advanced = false;
            let matches = *self.alias_matches(i);
            for (len, at) in matches.iter().rev() {
                let candidates = self.kb.candidates(at);
                // (is a country, country code) of each place this name may be.
                let mut places = Vec::new();
                for c in candidates.clone() {
                    if !self.casing_fits(&c, i, i + len) {
                        continue;
                    }
                    let Some(entity) = self.entity(c.entity) else {
                        continue;
                    };
                    if c.has(ALIAS_DEMONYM) {
                        self.countries.insert(entity.country.to_string());
                        self.evidence.add(entity.country);
                        continue;
                    }
                    if entity.subtype == "city" && len == 1 && self.shadows_place(i) {
                        let norm = self.tokens[i].norm.to_string();
                        self.shadowed_places.entry(norm).or_insert(i);
                    }
                    if c.has(ALIAS_COMMON_WORD) {
                        if self.acts_in_trade(&entity, i, i + len) {
                            self.named_in_trade.insert(c.entity);
                        } else if trade_of(&entity).is_some() {
                            everyday_names.push((c.entity, i, i + len));
                        }
                    }
                    let full_name =
                        c.flags & (ALIAS_SURNAME | ALIAS_COMMON_WORD | ALIAS_TITLE) == 0;
                    // "House of Representatives" introduces no one country's house.
                    let generic = full_name
                        && national_body(&entity).is_some()
                        && patterns::is_generic_body_name(&self.tokens[i..i + len]);
                    if generic {
                        generic_names.push((c.entity, entity.country));
                        continue;
                    }
                    if full_name
                        && !self.lacks_evidence(&c, &entity, i, i + len, false)
                        && !self.holds_anothers_office(&entity, i)
                    {
                        self.introduced.insert(c.entity);
                        // A known person counts once for their country too: "the Supreme
                        // Court" in a story of Trump, Newsom and Roberts is the United
                        // States'; a name said ten times is still one person.
                        let counts = entity.kind == EntityType::Place
                            || (entity.kind == EntityType::Person
                                && len >= 2
                                && self.people_counted.insert(c.entity));
                        if counts && !entity.country.is_empty() {
                            places.push(PlaceReading {
                                is_country: entity.subtype == "country",
                                country: entity.country,
                                prominence: c.prominence,
                            });
                        }
                    }
                }
                self.record_place_countries(&places);
                if candidates.clone().any(|c| c.flags & ALIAS_PRIMARY != 0) {
                    i += len;
                    advanced = true;
                    break;
                }
            }
            if !advanced {
                i += 1;
            }
        }
        for (entity, country) in generic_names {
            if !self.evidence.outnumbered(country) || self.evidence.leads(country) {
                self.introduced.insert(entity);
            }
        }
        self.name_listed_with_businesses(&everyday_names);
    }

    /// "Apple and Meta had breached the rules" where Apple acts as a company elsewhere in the
    /// article: an everyday-word name listed with a business or club the article names as
    /// one is one too. A list cues its members both ways, so the names are read again until
    /// none is added.
    fn name_listed_with_businesses(&mut self, names: &[(u32, usize, usize)]) {
        const ROUNDS: usize = 3;
        for _ in 0..ROUNDS {
            let mut added = false;
            for &(entity, start, end) in names {
                if self.named_in_trade.contains(&entity) {
                    continue;
                }
                let listed_with_one = lists::other_members(self.text, &self.tokens, start, end)
                    .into_iter()
                    .any(|(s, e)| {
                        self.reads_as(s, e - s, |c, _| self.named_in_trade.contains(&c.entity))
                    });
                if listed_with_one {
                    self.named_in_trade.insert(entity);
                    added = true;
                }
            }
            if !added {
                break;
            }
        }
    }

    /// Counts a place name toward its country, unless its readings lie in several countries
    /// ("Georgia" cannot count for Georgia or for the United States) and none stands out:
    /// "London" counts for the United Kingdom (prominence 85 against 45 for London,
    /// Ontario), "Cambridge" for no one.
    fn record_place_countries(&mut self, places: &[PlaceReading<'_>]) {
        let Some(top) = places.iter().max_by_key(|p| p.prominence) else {
            return;
        };
        let country = top.country;
        let rivals = places.iter().filter(|p| p.country != country);
        if rivals
            .clone()
            .any(|p| p.prominence + DOMINANT_READING_MARGIN > top.prominence)
        {
            return;
        }
        let readings = places.iter().filter(|p| p.country == country);
        if readings.clone().any(|p| p.is_country) {
            self.countries.insert(country.to_string());
        }
        if readings.clone().any(|p| !p.is_country) {
            self.evidence.add(country);
        }
    }

    /// How well a candidate fits here, or None when it must not be used.
    /// `famous`: the entity a bare surname may mean without an introduction, if any.
    fn score(
        &self,
        c: &Candidate,
        start: usize,
        end: usize,
        famous: impl Fn() -> Option<u32>,
    ) -> Option<i32> {
        if c.flags & (ALIAS_DEMONYM | ALIAS_TITLE) != 0 || !self.casing_fits(c, start, end) {
            return None;
        }
        let introduced = self.introduced.contains(&c.entity);
        let single = end - start == 1;
        if c.has(ALIAS_ACRONYM) && self.term_acronyms.contains(&self.surface(start, end)) {
            // "Marburg virus disease (MVD)": the article's own term, not Russia's ministry.
            return None;
        }
        if single && !c.has(ALIAS_EXACT_CASE) && patterns::is_not_name(&self.tokens[start].norm) {
            // "TO" is not Tô (Burkina Faso), whatever the casing.
            return None;
        }
        let after_title = start > 0
            && self.tokens[start].gap.joins_name()
            && patterns::is_person_title(&self.tokens[start - 1].norm)
            && !patterns::qualifies_a_role_at(&self.tokens, end);
        if c.has(ALIAS_SURNAME) && !introduced && !after_title && famous() != Some(c.entity) {
            return None;
        }
        if self.after_saints_name(start) {
            // "St. Mary's Catholic Church" is a parish, not the Catholic Church.
            return None;
        }
        if self.article_name_runs_on(start, end) {
            // "The Independent Commission Against Corruption", "the Economist Intelligence
            // Unit": a name that begins with its article ends where the capitals do.
            return None;
        }
        let entity = self.entity(c.entity)?;
        // "OPEC+" is its own group; "OPEC" without the plus is not it.
        let plus_named = entity.name.ends_with('+');
        if plus_named && !self.plus_after(end) {
            return None;
        }
        if self.holds_anothers_office(&entity, start) {
            // "Colombia's Defense Minister Pedro Sanchez" is not Spain's prime minister.
            return None;
        }
        // The country a possessive or demonym before the name gives it, read once.
        let qualifier = OnceCell::new();
        let qualifier = || *qualifier.get_or_init(|| self.qualifier_country(start));
        let owned_by_country = c.has(ALIAS_COMMON_WORD)
            || national_body(&entity).is_some_and(|b| b != NationalBody::Landmark);
        if owned_by_country && qualifier().is_some_and(|country| country != entity.country) {
            // "Chile's Republican Party", "Israel's Supreme Court" and "Russia's Security
            // Council" are their own.
            return None;
        }
        let body = national_body(&entity).filter(|&b| b != NationalBody::Landmark);
        let generic_body = body.is_some()
            && (c.has(ALIAS_COMMON_WORD)
                || patterns::is_generic_body_name(&self.tokens[start..end]));
        if generic_body
            && qualifier().is_none()
            && self.names_anothers_body(
                &entity,
                body == Some(NationalBody::Institution),
                start,
                end,
            )
        {
            // "the House of Representatives" in a story from Manila, "the Texas House of
            // Representatives": every country, and every US state, has one.
            return None;
        }
        if entity.kind == EntityType::Person && self.names_a_site_after(end) {
            // "Kim Il Sung Square", "John F. Kennedy Airport" are places named for people.
            return None;
        }
        if entity.kind != EntityType::Organization && self.after_a_works_noun(start) {
            // "the film Casablanca", "the film Oppenheimer": the work's title; "the book
            // Obama wrote" is the man.
            let acts = self
                .tokens
                .get(end)
                .is_some_and(|t| t.gap == Gap::Space && t.shape == Shape::Lower);
            if entity.kind == EntityType::Place || !acts {
                return None;
            }
        }
        if entity.kind != EntityType::Place && self.names_a_contest_or_craft_after(end) {
            // "the FA Cup", "the Pulitzer Prize", "Air Force One": a prize, a contest or an
            // aircraft named for the body or the person (a place keeps its name: "the
            // Boston Marathon" is run there).
            return None;
        }
        if entity.kind == EntityType::Person && self.names_a_ship(start) {
            // "USS Abraham Lincoln" is a carrier.
            return None;
        }
        if entity.kind == EntityType::Organization
            && trade_of(&entity) == Some(Trade::Business)
            && disambiguate::names_an_index(&self.tokens, end, entity.subtype == "media")
        {
            // "Japan's Nikkei share average", "The Nikkei rose 1.12%": the index.
            return None;
        }
        if end - start == 1 && self.compass_shares_a_name(start) {
            // "Central and South America", "North and South Korea".
            return None;
        }
        if entity.kind == EntityType::Place
            && self.names_a_part(start)
            && patterns::is_membership_plural(&self.tokens[start - 2].norm)
        {
            // "the Democratic Socialists of America", "the Boy Scouts of America".
            return None;
        }
        if entity.kind == EntityType::Place && disambiguate::legal_form_at(&self.tokens, end) {
            // "Mill Creek LLC" is a company named for a place.
            return None;
        }
        if entity.subtype == "country" && self.company_after_country(start).is_some() {
            // "China Mobile", "Korea Zinc": a company named for its country.
            return None;
        }
        if entity.subtype == "waterway" && end - start == 1 && self.describes_peoples(end) {
            // "the Baltic states", "our Baltic allies": no sea.
            return None;
        }
        if c.has(ALIAS_ACRONYM) && self.defines_another_acronym(&entity, start, end) {
            // "Reporters Without Borders (RSF)" is not Sudan's Rapid Support Forces.
            return None;
        }
        if entity.kind == EntityType::Place && self.names_a_product(start, end) {
            // "Brent crude" is oil, not the London borough; "beef Wellington" a dish.
            return None;
        }
        // Whether the words say the name is a business's or a club's, here or elsewhere.
        let mut cued = false;
        // Whether the name is the short name of an institution of the article's leading
        // country: "the Supreme Court" in a British story that quotes Washington.
        let mut leading_country_body = false;
        if c.has(ALIAS_COMMON_WORD) {
            // An ordinary word needs the article to have named the entity in full, and a
            // capital that is not just the start of a sentence; a country's own institution
            // ("Congress", "the Senate") needs only an article about that country, and so
            // does its party away from a sentence's start ("Labour" but not "Labour costs").
            let sentence_initial = self.tokens[start].gap.starts_sentence();
            let body = national_body(&entity);
            let of_its_own =
                body == Some(NationalBody::Party) || trade_of(&entity) == Some(Trade::Sport);
            // "Senate Republicans", "House Democrats": a chamber's members of the party.
            let chamber_before = start > 0
                && self.tokens[start].gap == Gap::Space
                && patterns::is_chamber(&self.tokens[start - 1].norm);
            if of_its_own && self.in_longer_name(start, end) && !chamber_before {
                // "Sweden Democrats" and "the Neo Democrats" are parties of their own;
                // "Villa Park" and "Liverpool Street" are no clubs.
                return None;
            }
            // "Labour MPs", "Labour leader Keir Starmer": a party's people after its name
            // say it is the party, whichever countries the article is about.
            let party_cue = body == Some(NationalBody::Party)
                && !self.caps_block[start]
                && disambiguate::party_context(&self.tokens, end);
            // A landmark's word names it only as "the" word alone: "the Capitol", not "the
            // Texas Capitol", "the Capitol Police" or "Capitol Records".
            let landmark_named = body != Some(NationalBody::Landmark)
                || (self.after_the(start) && !self.in_longer_name(start, end));
            // "Japan's Foreign Ministry", "the Thai Foreign Ministry" say whose it is.
            let qualified = qualifier() == Some(entity.country);
            let national = (party_cue
                || qualified
                || (self.parent_named(&entity, start, end) && !self.in_longer_name(start, end))
                || body.is_some_and(|body| self.is_about_country_of(&entity, body)))
                && landmark_named
                && !self.names_a_part(start);
            leading_country_body = national && self.evidence.leads(entity.country);
            // At a sentence's start only the capital of an institution's name, or of a party
            // the article named in full or its people follow, says it is a name ("Democrats
            // said", not "Labour costs rose" in an article that never named the Labour Party).
            // A party acting at the start of a sentence in an article mostly about its country
            // is the party too ("Labor has 94 seats", "Liberals had hoped", "Labour's
            // candidate"), though not before an economic noun ("Labour costs rose").
            let party_acts = || {
                self.tokens.get(end).is_some_and(|t| {
                    t.is_possessive()
                        || (t.gap == Gap::Space
                            && t.shape == Shape::Lower
                            && !disambiguate::is_noun_qualified_by_party_word(&t.norm))
                }) && self.evidence.leads(entity.country)
            };
            let capital_says_name = match body {
                Some(NationalBody::Institution | NationalBody::Landmark) => national,
                Some(NationalBody::Party) => national && (introduced || party_cue || party_acts()),
                None => false,
            };
            // A company or club acting as one ("Apple declined to comment", "Arsenal
            // manager") needs no full name; at a sentence's start only the words right around
            // it say so.
            let trade = self.trade_cue(c, &entity, start, end);
            // A business the article named as one speaks at a sentence's start too
            // ("Amazon said"), where the words alone would not say so ("Chase said").
            // So does one the article named in full ("Eli Lilly", then "Lilly said").
            // After a business's full name or its cue elsewhere, a verb or a possessive
            // after the capital says the same at a sentence's start ("Apple was fined").
            let acts_after = self.tokens.get(end).is_some_and(|t| {
                t.is_possessive() || (t.gap == Gap::Space && t.shape == Shape::Lower)
            });
            let cued_here = trade == Some(TradeCue::Here)
                || ((trade == Some(TradeCue::Elsewhere) || introduced)
                    && trade_of(&entity) == Some(Trade::Business)
                    && (disambiguate::business_verb_after(&self.tokens, end) || acts_after))
                || (trade == Some(TradeCue::Elsewhere)
                    && trade_of(&entity) == Some(Trade::Sport)
                    && self.is_sports_story());
            cued = trade.is_some();
            if !(introduced || national || cued)
                || (sentence_initial && single && !capital_says_name && !cued_here)
            {
                return None;
            }
        }
        if self.lacks_evidence(c, &entity, start, end, introduced) {
            return None;
        }
        if self.town_named_as_region(&entity, c.prominence, start, end) {
            return None;
        }
        if single && after_title && entity.kind != EntityType::Person && !c.has(ALIAS_EXACT_CASE) {
            // "Mr Kamen" is a person whatever towns share the name.
            return None;
        }
        if entity.kind != EntityType::Place && self.settlement_of_before(start) {
            // "the village of Duma" is no parliament.
            return None;
        }
        if entity.kind == EntityType::Place && entity.subtype == "city" {
            // "London, Ontario", "Kingston, Ont.", "Perth, Scotland", "the West Bank village
            // of Duma": the place after the comma or before the kind says whose city it is.
            let named_country = self
                .country_after_comma(end)
                .or_else(|| self.country_before_settlement_word(start))
                .or_else(|| self.country_of_region_after_in(start, end));
            if named_country.is_some_and(|country| country != entity.country) {
                return None;
            }
        }
        let mut score = i32::from(c.prominence);
        if introduced {
            score += 30;
        }
        if cued {
            score += TRADE_CUE_BONUS;
        }
        if leading_country_body {
            score += LEADING_COUNTRY_BODY_BONUS;
        }
        if entity.subtype == "media" && self.after_reporting_word(start) {
            // "the military said, reported PTI": the news agency, not the party.
            score += LEADING_COUNTRY_BODY_BONUS;
        }
        if !entity.country.is_empty() && self.countries.contains(entity.country) {
            score += 10;
        }
        if entity.kind != EntityType::Person {
            // "Democratic Party" in an article about Hong Kong is Hong Kong's.
            score += self.evidence.bonus(entity.country);
        }
        if entity.kind == EntityType::Place
            && matches!(entity.subtype, "city" | "region" | "territory")
            && self.evidence.count(entity.country) >= NATIONAL_EVIDENCE
            && self.evidence.leads(entity.country)
        {
            // "Tripoli" in a story from Lebanon is Lebanon's, though Libya's capital is
            // better known.
            score += disambiguate::EVIDENCE_BONUS;
        }
        if entity.kind == EntityType::Place
            && self
                .level_at(start, end, entity.country)
                .is_some_and(|l| l.fits(entity.subtype))
        {
            score += disambiguate::LEVEL_CUE_BONUS;
        }
        if entity.kind == EntityType::Place
            && !self.pinned_places.is_empty()
            && self.pinned_places.get(&self.name_key(start, end)) == Some(&c.entity)
        {
            // "downtown London" after "London, Ont.": one place per name in an article.
            score += PINNED_PLACE_BONUS;
        }
        if c.flags & (ALIAS_PRIMARY | ALIAS_ACRONYM) != 0 {
            score += 5;
        }
        if after_title && entity.kind == EntityType::Person {
            score += 40;
        }
        if plus_named {
            score += disambiguate::LEVEL_CUE_BONUS;
        }
        if entity.kind == EntityType::Place
            && entity.subtype == "landmark"
            && !disambiguate::at_a_building(&self.tokens, start, end)
        {
            // "The White House said", "White House spokeswoman": the office acts, the
            // building only stands ("at the White House").
            score -= disambiguate::BUILDING_WITHOUT_LOCATIVE;
        }
        Some(score)
    }

    /// "Kasai province", "Kebbi state": a word after the name says it is a region, so a small
    /// town of that name elsewhere (Kasai, Japan) is not what is meant.
    fn town_named_as_region(
        &self,
        entity: &EntityRecord<'_>,
        prominence: u8,
        start: usize,
        end: usize,
    ) -> bool {
        entity.kind == EntityType::Place
            && entity.subtype == "city"
            && prominence < MINOR_PLACE_PROMINENCE
            && disambiguate::level_cue(&self.tokens, start, end)
                == Some(disambiguate::Level::Region)
    }

    /// Whether the article is about the entity's country: places and demonyms of that
    /// country named at least `NATIONAL_EVIDENCE` times ("Congress" in an article on American
    /// politics is the United States Congress without its full name), and not outnumbered
    /// by another country's (a history of New Zealand's "Supreme Court" is not the American
    /// one). A party's country must lead: "Labour" there is New Zealand's, not Britain's.
    fn is_about_country_of(&self, entity: &EntityRecord<'_>, body: NationalBody) -> bool {
        let country = entity.country;
        self.evidence.count(country) >= NATIONAL_EVIDENCE
            && match body {
                NationalBody::Institution | NationalBody::Landmark => {
                    !self.evidence.outnumbered(country)
                }
                NationalBody::Party => self.evidence.leads(country),
            }
    }

    /// Whether a well-known company, publisher or foundation leads a product's name: "Google Chrome",
    /// "Mozilla Firefox" name the company too. Only a name that is no ordinary word and
    /// starts the capitalised run ("Apple Daily" and "the Ford Foundation" are other names).
    fn names_a_product_maker(
        &self,
        c: &Candidate,
        entity: &crate::kb::EntityRecord<'_>,
        start: usize,
    ) -> bool {
        let maker = entity.kind == EntityType::Organization
            && matches!(entity.subtype, "company" | "media" | "organization" | "ngo")
            && c.prominence >= PRODUCT_MAKER_PROMINENCE
            && !c.has(ALIAS_COMMON_WORD);
        let first = start == 0
            || !self.tokens[start].gap.joins_name()
            || !self.tokens[start - 1].is_capitalized()
            || self.tokens[start - 1].gap.starts_sentence();
        maker && first
    }

    /// Whether a compass word alone follows a place's name at token `end`: "the Kowloon West
    /// constituency" names a part of Kowloon ("North Shore" is a name of its own).
    fn part_of_place(&self, end: usize) -> bool {
        let compass = self.tokens.get(end).is_some_and(|t| {
            t.gap == Gap::Space
                && t.shape == Shape::Capitalized
                && matches!(
                    t.norm.as_ref(),
                    "east" | "west" | "north" | "south" | "central"
                )
        });
        compass
            && !self
                .tokens
                .get(end + 1)
                .is_some_and(|t| t.gap.joins_name() && t.is_capitalized())
    }

    /// Whether the article has named the body or city whose name, before the words at
    /// `start..end`, makes the entity's full name: "the Security Council" after "the United
    /// Nations" (or one of its agencies) is the United Nations Security Council, "the Cowboys"
    /// after "Dallas" the Dallas Cowboys. Not for a country's own bodies, which need more
    /// than a mention of the country (`is_about_country_of`).
    fn parent_named(&self, entity: &EntityRecord<'_>, start: usize, end: usize) -> bool {
        // A club by its nickname after "the": "like many Texans" is people, not the club.
        let club = trade_of(entity) == Some(Trade::Sport) && self.after_the(start);
        if !entity.country.is_empty() && !club {
            return false;
        }
        let words = self.surface(start, end);
        let parent = entity
            .name
            .len()
            .checked_sub(words.len())
            .filter(|&at| at > 1 && entity.name.is_char_boundary(at))
            .filter(|&at| entity.name[at..].eq_ignore_ascii_case(words))
            .map(|at| entity.name[..at].trim_end())
            .filter(|parent| !parent.eq_ignore_ascii_case("the"));
        parent.is_some_and(|parent| {
            self.scan
                .entities
                .iter()
                .any(|e| e.kb.is_some() && e.kb != Some(entity.index) && e.name.starts_with(parent))
        })
    }

    /// The country that a country's possessive or a demonym right before token `start` gives
    /// the name there: "Israel's Supreme Court", "the Israeli Supreme Court".
    fn qualifier_country(&self, start: usize) -> Option<&str> {
        if start == 0 || self.tokens[start].gap != Gap::Space {
            return None;
        }
        let possessive = self.tokens[start - 1].is_possessive();
        let at = if possessive {
            start.checked_sub(2)?
        } else {
            start - 1
        };
        // The longest name ending at `at`: "South Sudan's", "Equatorial Guinea's" and "South
        // African" are not Sudan's, Guinea's or Africa's.
        let mut from = at;
        while from > 0
            && at - from < 3
            && self.tokens[from].gap == Gap::Space
            && self.tokens[from - 1].is_capitalized()
        {
            from -= 1;
        }
        (from..=at).find_map(|first| {
            let len = at + 1 - first;
            let (_, value) = self.alias_matches(first).iter().find(|&(l, _)| l == len)?;
            self.kb.candidates(value).find_map(|c| {
                let e = self.entity(c.entity)?;
                let fits = if possessive {
                    e.is_country()
                } else {
                    c.has(ALIAS_DEMONYM)
                };
                // A continent's demonym ("European Commission President") names no country.
                (fits && !e.country.is_empty() && self.casing_fits(&c, first, at + 1))
                    .then_some(e.country)
            })
        })
    }

    /// Whether the name at token `start` ends a longer name through "of": "Congress" in "the
    /// Library of Congress".
    fn names_a_part(&self, start: usize) -> bool {
        start >= 2
            && self.tokens[start - 1].norm == "of"
            && self.tokens[start - 2].is_capitalized()
            && self.tokens[start - 1].gap.joins_name()
    }

    /// A one-word name needs more than its capital when it is only part of a longer name
    /// ("Valeska Paris") or a small town without a preposition before it ("Republic").
    fn lacks_evidence(
        &self,
        c: &Candidate,
        entity: &EntityRecord<'_>,
        start: usize,
        end: usize,
        introduced: bool,
    ) -> bool {
        if entity.kind == EntityType::Person && self.obscure_namesake(c, entity, start) {
            return true;
        }
        if end - start != 1 || c.has(ALIAS_EXACT_CASE) {
            return false;
        }
        if self.caps_block[start] {
            // In capitals, a word's shape says nothing; only well-known names are worth it,
            // and a headline word alone never introduces a name ("DEAL" is not Deal, Kent).
            // A dateline's city is known by its state after it: "TOPEKA, Kan. (AP)".
            let dateline = entity.kind == EntityType::Place
                && matches!(self.tokens[start].gap, Gap::Start | Gap::Block)
                && (self.region_follows(end, entity.country) || self.us_state_follows(entity, end));
            return !introduced && c.prominence < MINOR_PLACE_PROMINENCE && !dateline;
        }
        let is_place = entity.kind == EntityType::Place;
        if entity.kind != EntityType::Organization && self.lone_capitals_mid_sentence(start) {
            // "articles with NARA identifiers": mid-sentence, a word in capitals is an
            // organisation's initials, not Nara; a dateline's "KYIV," opens its line.
            return !c.has(ALIAS_ACRONYM);
        }
        let shadowed = self
            .shadowed_places
            .get(self.tokens[start].norm.as_ref())
            .is_some_and(|&at| at <= start);
        if is_place && shadowed && !self.place_cue_before(start) {
            return true;
        }
        let strong = introduced || (is_place && entity.subtype == "country");
        // "Intel Corp.": the company's legal form is no part of another name.
        let company_form = trade_of(entity) == Some(Trade::Business)
            && disambiguate::legal_form_at(&self.tokens, end);
        let part_of_its_own_name = (is_place && self.part_of_place(end))
            || company_form
            || self.names_a_product_maker(c, entity, start);
        let longer = self.in_longer_name(start, end)
            && !part_of_its_own_name
            && !self.compound_of_known_names(entity, start, end);
        if !strong && longer {
            return true;
        }
        // A small place needs a word saying it is a place ("in Alice"), but a title's "to"
        // says nothing ("You Don't Need to Buy a New One"); one named like a person needs
        // its region after it first ("Alice, Texas"): "Alice" in a story is a woman.
        let minor_place = is_place && c.prominence < MINOR_PLACE_PROMINENCE && !introduced;
        if minor_place
            && (self.named_as_settlement(start, end)
                || self.constituency_after(end)
                || (!self.given_name_at(start)
                    && (self.region_follows(end, entity.country)
                        || self.us_state_follows(entity, end))))
        {
            // "the town of Adigrat", "Holton, Kansas".
            return false;
        }
        minor_place
            && (!(self.place_cue_before(start) || self.listed_after_place(start, entity.country))
                || self.title_block[start]
                || (self.given_name_at(start) && !self.region_follows(end, entity.country)))
    }

    /// Whether a little-known person named like anyone ("Mark Chen", a Taiwanese legislator,
    /// in a byline) is meant where the article names nothing of their country and no title
    /// comes before the name ("former president Alvaro Uribe"): then the name is someone
    /// else's.
    fn obscure_namesake(&self, c: &Candidate, entity: &EntityRecord<'_>, start: usize) -> bool {
        let after_title = start > 0 && patterns::is_person_title(&self.tokens[start - 1].norm);
        c.prominence < OBSCURE_PERSON_PROMINENCE
            && !after_title
            && !entity.country.is_empty()
            && self.evidence.count(entity.country) == 0
            && !self.countries.contains(entity.country)
            && self.given_name_at(start)
    }

    /// Whether token `start`, outside a block of capitals, is a word of three letters or
    /// more in capitals after a lowercase word.
    fn lone_capitals_mid_sentence(&self, start: usize) -> bool {
        let token = &self.tokens[start];
        token.shape == Shape::Upper
            && token.end - token.start >= 3
            && token.gap == Gap::Space
            && start > 0
            && self.tokens[start - 1].shape == Shape::Lower
    }

    /// Whether the city name at token `start` is the surname of a person-shaped pair
    /// ("Valeska Paris"): the word before it is a given name or no name the knowledge base
    /// knows. Countries are left out: "Environment Canada" and "Western Australia" are not
    /// people, and "Michael Jordan" is remembered as a person anyway.
    fn shadows_place(&self, start: usize) -> bool {
        if start == 0 || self.tokens[start].gap != Gap::Space || self.caps_block[start] {
            return false;
        }
        let before = &self.tokens[start - 1];
        let person_shaped = before.shape == Shape::Capitalized
            && !patterns::is_person_title(&before.norm)
            && !patterns::is_not_name(&before.norm)
            && !patterns::is_organization_head(&before.norm);
        let unknown = self.alias_matches(start - 1).is_empty();
        // At a sentence start any word is capitalised ("Yesterday Paris ..."), so an unknown
        // word needs what follows to read as a person: "Valeska Paris, a former member".
        let sentence_start = before.gap.starts_sentence()
            && !disambiguate::person_context_after(&self.tokens, start + 1);
        person_shaped && (self.given_name_at(start - 1) || (unknown && !sentence_start))
    }

    /// The kind of place the neighbours ask for: level words ("Georgia's governor"), a city
    /// before a comma ("Atlanta, Georgia": a region of the city's country) or a place of the
    /// same kind in a list ("Armenia, Georgia and Azerbaijan").
    fn level_at(&self, start: usize, end: usize, country: &str) -> Option<disambiguate::Level> {
        use disambiguate::Level;
        if let Some(level) = disambiguate::level_cue(&self.tokens, start, end) {
            return Some(level);
        }
        if let Some((after, subtype, previous_country)) = &self.previous_place {
            let comma = *after == start && self.text_between(start - 1, start).trim() == ",";
            let listed = comma
                || (*after + 1 == start && patterns::is_list_joiner(&self.tokens[start - 1].norm));
            if comma && *subtype == "city" {
                return (previous_country == country).then_some(Level::Region);
            }
            if listed {
                return Level::of_subtype(subtype);
            }
        }
        if self.after_town_and_comma(start) {
            return Some(Level::Region);
        }
        let joiner = self.tokens.get(end)?;
        if joiner.gap == Gap::Space && patterns::is_list_joiner(&joiner.norm) {
            return self.next_place_level(end + 1);
        }
        None
    }

    /// Whether "in Kent, " or "to Fort Myers, " comes right before token `start`: a place
    /// the knowledge base may not know, so what follows the comma is its state or province
    /// ("Kent, Washington" is in the state, not the capital).
    fn after_town_and_comma(&self, start: usize) -> bool {
        if start < 3 || self.text_between(start - 1, start).trim() != "," {
            return false;
        }
        let last = start - 1;
        let mut first = last;
        while first > 0
            && last - first < 3
            && self.tokens[first].shape == Shape::Capitalized
            && self.tokens[first].gap == Gap::Space
        {
            first -= 1;
        }
        // `first` is now the word before the town's name, if the run was a name.
        first < last
            && self.tokens[first].shape == Shape::Lower
            && patterns::is_place_preposition(&self.tokens[first].norm)
    }

    /// The kind of the place named at token `i`, when all its readings agree.
    fn next_place_level(&self, i: usize) -> Option<disambiguate::Level> {
        agreed(self.readings_at(i).map(|e| {
            (e.kind == EntityType::Place)
                .then(|| disambiguate::Level::of_subtype(e.subtype))
                .flatten()
        }))?
    }

    /// What the longest name at token `i` may be, demonyms aside, where its casing fits.
    fn readings_at(&self, i: usize) -> impl Iterator<Item = EntityRecord<'k>> + use<'_, 'k, 't> {
        let found = self.alias_matches(i).last();
        found.into_iter().flat_map(move |(len, at)| {
            self.kb
                .candidates(at)
                .filter(move |c| self.casing_fits(c, i, i + len) && c.flags & ALIAS_DEMONYM == 0)
                .filter_map(|c| self.entity(c.entity))
        })
    }

    /// The raw text between the end of token `a` and the start of token `b`.
    fn text_between(&self, a: usize, b: usize) -> &str {
        &self.text[self.tokens[a].end..self.tokens[b].start]
    }

    fn place_cue_before(&self, start: usize) -> bool {
        // "south of Topeka", "the outskirts of Kherson".
        let direction_of = start > 1 && self.tokens[start - 1].norm == "of" && {
            let before = &*self.tokens[start - 2].norm;
            patterns::is_compass_word(before)
                || matches!(
                    before,
                    "northeast"
                        | "northwest"
                        | "southeast"
                        | "southwest"
                        | "outskirts"
                        | "suburbs"
                        | "residents"
                )
        };
        start > 0
            && self.tokens[start].gap.joins_name()
            && (patterns::is_place_preposition(&self.tokens[start - 1].norm) || direction_of)
    }

    /// Whether the words around a small place's name say it is a settlement: "the town of
    /// Adigrat", "Atbara, a city north of the capital".
    fn named_as_settlement(&self, start: usize, end: usize) -> bool {
        let of_before = self.settlement_of_before(start);
        let described_after = self.tokens.get(end).is_some_and(|t| {
            t.gap == Gap::Punct
                && self.text[self.tokens[end - 1].end..t.start].trim() == ","
                && matches!(&*t.norm, "a" | "the")
        }) && (end + 1..self.tokens.len().min(end + 4))
            .any(|k| self.tokens[k].gap == Gap::Space && is_settlement_word(&self.tokens[k].norm));
        of_before || described_after
    }

    /// Whether words that make a place an electoral district follow token `end - 1`: "the
    /// Caerphilly by-election", "the Kogarah electorate", "the Barrie riding".
    fn constituency_after(&self, end: usize) -> bool {
        let word = |k: usize| self.tokens.get(k).map(|t| t.norm.as_ref());
        match word(end) {
            Some("constituency" | "riding" | "electorate" | "seat" | "byelection") => {
                self.tokens[end].gap == Gap::Space
            }
            Some("by") => {
                word(end + 1) == Some("election") && self.tokens[end + 1].gap == Gap::Hyphen
            }
            _ => false,
        }
    }

    /// Whether "village of", "town of" ... comes right before token `start`.
    fn settlement_of_before(&self, start: usize) -> bool {
        start >= 2
            && self.tokens[start].gap == Gap::Space
            && self.tokens[start - 1].norm == "of"
            && is_settlement_word(&self.tokens[start - 2].norm)
    }

    fn main_pass(&mut self) {
        let (mut i, mut cursor) = (0, 0);
        while let Some(start) = self.name_start_from(i, &mut cursor) {
            i = start;
            if let Some(next) = self.definition_at(i) {
                i = next;
                continue;
            }
            if self.defined_acronym_at(i) {
                i += 1;
                continue;
            }
            if let Some(len) = self
                .remembered_full_name_at(i)
                .or_else(|| self.remembered_surname_at(i, false))
            {
                i += len;
                continue;
            }
            if self.remembered_word_at(i) {
                i += 1;
                continue;
            }
            if let Some(len) = self.remembered_title_at(i) {
                i += len;
                continue;
            }
            if self.currency_prefix_at(i) {
                i += 1;
                continue;
            }
            let known = self.known_at(i);
            if let Some(len) =
                known.and_then(|(len, c)| self.names_a_war(i + len, &c).then_some(len))
            {
                i += len;
                continue;
            }
            let found = self.pattern_at(i).filter(|f| {
                !self.place_before_known_organization(f)
                    && !self.known_before_on(known, f)
                    && !self.known_person_runs_past(f)
            });
            // The longer reading wins; on a tie the knowledge base does.
            match (known, found) {
                (Some((len, c)), found) if found.is_none_or(|f| f.end - f.start <= len) => {
                    let len = self.same_person_runs_on(i, len, &c);
                    self.commit_known(i, len, c);
                    i += len;
                }
                (_, Some(found)) => {
                    self.commit_pattern(found);
                    i = found.end;
                }
                _ => i += 1,
            }
        }
    }

    /// "Sheikh Mohammed bin Rashid Al Maktoum": a person's name the knowledge base knows at
    /// `i`, overlapped by a longer name of the same person that starts inside it and runs on
    /// ("Mohammed bin Rashid Al Maktoum"), is read to the end of the longer one, not cut
    /// before "Al Maktoum". The tokens the name covers, from `i`.
    fn same_person_runs_on(&self, i: usize, len: usize, c: &Candidate) -> usize {
        if len < 2
            || self
                .entity(c.entity)
                .is_none_or(|e| e.kind != EntityType::Person)
        {
            return len;
        }
        (i + 1..i + len)
            .filter_map(|k| {
                self.known_at(k)
                    .filter(|(more, other)| other.entity == c.entity && k + more > i + len)
                    .map(|(more, _)| k + more - i)
            })
            .max()
            .unwrap_or(len)
    }

    /// "the Vietnam War", "the Gulf War": a place naming a war or an agreement is part of the
    /// event's name, which is no actor or site.
    fn names_a_war(&self, after: usize, c: &Candidate) -> bool {
        let war = self.tokens.get(after).is_some_and(|t| {
            t.gap.joins_name()
                && t.shape == Shape::Capitalized
                && matches!(t.norm.as_ref(), "war" | "wars")
        });
        self.entity(c.entity).is_some_and(|e| {
            e.kind == EntityType::Place
                && (war || (!e.is_country() && self.names_an_agreement(after)))
        })
    }

    /// "the Oslo accords", "the Minsk agreements", "Paris climate targets": a city before
    /// an agreement's word names the agreement.
    fn names_an_agreement(&self, after: usize) -> bool {
        let word = |k: usize| {
            self.tokens
                .get(k)
                .filter(|t| t.gap == Gap::Space && t.shape != Shape::Upper)
                .map(|t| t.norm.as_ref())
        };
        let agreement = |w: &str| {
            matches!(
                w,
                "accord" | "accords" | "agreement" | "agreements" | "protocol" | "treaty"
            )
        };
        match word(after) {
            Some("climate") => word(after + 1).is_some_and(|w| {
                agreement(w) || matches!(w, "deal" | "pact" | "targets" | "goals")
            }),
            Some(w) => agreement(w),
            None => false,
        }
    }

    /// "the Rapid Support Forces on El Fasher": a name the knowledge base knows, then "on"
    /// and capitalised words, is that name and what was done on something else, not a longer
    /// name of the "Council on Foreign Relations" kind.
    #[inline(always)]
    fn known_before_on(
        &self,
        known: Option<(usize, Candidate)>,
        found: &patterns::PatternName,
    ) -> bool {
        known.is_some_and(|(len, _)| {
            let after = found.start + len;
            after < found.end && self.tokens[after].norm == "on"
        })
    }

    /// "Prince Mohammed bin Salman": a person's name the knowledge base knows, starting inside
    /// a name found by a rule and running past its end, is the better reading; the rule had
    /// stopped at a particle ("bin") it does not read.
    #[inline(always)]
    fn known_person_runs_past(&self, found: &patterns::PatternName) -> bool {
        found.kind == EntityType::Person
            && (found.start + 1..found.end).any(|k| {
                self.known_at(k).is_some_and(|(len, c)| {
                    len >= 2
                        && k + len > found.end
                        && self
                            .entity(c.entity)
                            .is_some_and(|e| e.kind == EntityType::Person)
                })
            })
    }

    /// "U.S. Republican Party": an organisation found by its head word that is a country's
    /// name followed by an organisation the knowledge base knows is the two names, the place
    /// and the organisation ("Iraqi Communist Party", with a demonym, stays one name), also
    /// where its last word names sites too ("U.S. National Hurricane Center").
    #[inline(always)]
    fn place_before_known_organization(&self, found: &patterns::PatternName) -> bool {
        found.kind != EntityType::Person
            && found.end - found.start >= 3
            && self.place_heads_known_organization(found)
    }

    /// `place_before_known_organization` for an organisation of three words or more, out of
    /// line: the test above is all that the main pass inlines.
    #[inline(never)]
    fn place_heads_known_organization(&self, found: &patterns::PatternName) -> bool {
        let start = found.start;
        let country = self.alias_matches(start).first().is_some_and(|(len, at)| {
            len == 1
                && self.kb.candidates(at).any(|c| {
                    c.flags & ALIAS_DEMONYM == 0
                        && self.casing_fits(&c, start, start + 1)
                        && self.is_country(c.entity)
                })
        });
        country
            && self.known_at(start + 1).is_some_and(|(len, c)| {
                start + 1 + len == found.end
                    && self
                        .entity(c.entity)
                        .is_some_and(|e| e.kind == EntityType::Organization)
            })
    }

    /// The longest knowledge-base name at token `i` with a candidate that fits.
    #[inline]
    fn known_at(&self, i: usize) -> Option<(usize, Candidate)> {
        if self.alias_matches(i).is_empty() {
            return None;
        }
        let (len, c) = self.known_among_matches(i)?;
        // A name that begins with its article gives way to a longer one right after the
        // article: "The Guardian Council" is Iran's council, not the newspaper.
        if self.tokens[i].norm == "the"
            && self
                .known_at(i + 1)
                .is_some_and(|(next_len, _)| i + 1 + next_len > i + len)
        {
            return None;
        }
        Some((len, c))
    }

    /// `known_at` for a token some alias starts at, out of line.
    #[inline(never)]
    fn known_among_matches(&self, i: usize) -> Option<(usize, Candidate)> {
        for (len, at) in self.alias_matches(i).iter().rev() {
            // Read only when a surname needs it: most aliases are not surnames.
            let famous = OnceCell::new();
            let famous = || *famous.get_or_init(|| famous_surname(self.kb.candidates(at)));
            let mut best: Option<(i32, Candidate)> = None;
            // A country this name may be here, for a town that must give way to it.
            let mut country = None;
            for c in self.kb.candidates(at) {
                let Some(score) = self.score(&c, i, i + len, famous) else {
                    continue;
                };
                if country.is_none() && self.is_country(c.entity) {
                    country = Some(c);
                }
                let key = (score, std::cmp::Reverse(c.entity));
                if best.is_none_or(|(s, b)| key > (s, std::cmp::Reverse(b.entity))) {
                    best = Some((score, c));
                }
            }
            if let Some((_, c)) = best {
                let c = match country {
                    Some(country) if self.town_gives_way(&c, i + len) => country,
                    _ => self.region_named_by_kind(&c, i, i + len).unwrap_or(c),
                };
                if self.city_named_as_region(&c, i, i + len) {
                    // "Buenos Aires province" where the knowledge base has only the city:
                    // no reading of this length (the place is read by its kind word).
                    continue;
                }
                return Some((len, c));
            }
        }
        None
    }

    /// Whether a city's reading of tokens `start..end` is one the words say is a region's
    /// name: a kind of region right after it ("Buenos Aires province", "Fukui Prefecture")
    /// or before "of" ("the province of Buenos Aires").
    fn city_named_as_region(&self, c: &Candidate, start: usize, end: usize) -> bool {
        let city = self
            .entity(c.entity)
            .is_some_and(|e| e.kind == EntityType::Place && e.subtype == "city");
        let kind_after = self
            .tokens
            .get(end)
            .is_some_and(|t| t.gap == Gap::Space && disambiguate::is_region_kind(&t.norm));
        let kind_before = disambiguate::region_kind_before_of(&self.tokens, start).is_some();
        city && (kind_after || kind_before)
    }

    /// The region a city's name at tokens `start..end` stands for where the words give it a
    /// region's kind ("the Zhytomyr and Kharkiv regions", "the region of Kursk"): the region
    /// the knowledge base names with that kind, if any.
    #[inline(never)]
    fn region_named_by_kind(&self, c: &Candidate, start: usize, end: usize) -> Option<Candidate> {
        let entity = self.entity(c.entity)?;
        if entity.kind != EntityType::Place || entity.subtype != "city" {
            return None;
        }
        let kind = disambiguate::region_kind_around(&self.tokens, start, end)?;
        let name = self.surface(start, end);
        [kind, "region"].into_iter().find_map(|kind| {
            self.kb
                .lookup(&format!("{name} {kind}"))
                .into_iter()
                .filter(|r| {
                    self.entity(r.entity)
                        .is_some_and(|e| e.kind == EntityType::Place && e.subtype == "region")
                })
                .max_by_key(|r| r.prominence)
        })
    }

    /// Where the words say that the everyday-word name at `start..end` is the business or
    /// club `entity`: right there, or elsewhere in the article (then its other capitalised
    /// mentions follow, except a club's after "in": "in Liverpool" is still the city). Never
    /// where the article gave the word to a person before ("Tom Ford ... Ford said", "Chase
    /// Elliott ... Chase").
    fn trade_cue(
        &self,
        c: &Candidate,
        entity: &EntityRecord<'_>,
        start: usize,
        end: usize,
    ) -> Option<TradeCue> {
        let trade = trade_of(entity)?;
        if self.caps_block[start] {
            return None;
        }
        let norm = self.tokens[start].norm.as_ref();
        let a_persons = self.local_surnames.contains_key(norm)
            || self.known_surnames.contains_key(norm)
            || self.memory.given_name(norm).is_some();
        if a_persons {
            None
        } else if self.trade_context(trade, start, end) {
            Some(TradeCue::Here)
        } else {
            let located = || start > 0 && matches!(&*self.tokens[start - 1].norm, "in" | "near");
            // In a match report every club is one: "Liverpool, however, had shown resilience".
            let sports_story = || trade == Trade::Sport && self.is_sports_story();
            ((self.named_in_trade.contains(&c.entity) || sports_story())
                && !(trade == Trade::Sport && located()))
            .then_some(TradeCue::Elsewhere)
        }
    }

    /// Whether the article reports sport: words only match reports use come often enough
    /// (`SPORTS_STORY_WORDS`).
    fn is_sports_story(&self) -> bool {
        *self.sports_story.get_or_init(|| {
            let words = self
                .tokens
                .iter()
                .filter(|t| t.shape == Shape::Lower && disambiguate::is_match_word(&t.norm))
                .count();
            words >= SPORTS_STORY_WORDS
        })
    }

    /// Whether the everyday-word name at `start..end` acts as the business or club `entity`
    /// is, by the words around it; in capitals every word looks like a name, so not there.
    fn acts_in_trade(&self, entity: &EntityRecord<'_>, start: usize, end: usize) -> bool {
        trade_of(entity)
            .is_some_and(|trade| !self.caps_block[start] && self.trade_context(trade, start, end))
    }

    /// Whether the words right around `start..end` are a story of the `trade`'s kind, or
    /// the name stands in a list with a business or club no everyday word names
    /// ("Microsoft, Meta and Alphabet", "Arsenal, Chelsea and Manchester United").
    fn trade_context(&self, trade: Trade, start: usize, end: usize) -> bool {
        let words_say = match trade {
            Trade::Business => {
                disambiguate::business_context(self.text, &self.tokens, start, end)
                    || self.business_person_after(end)
            }
            Trade::Sport => disambiguate::sports_context(self.text, &self.tokens, start, end),
        };
        words_say
            || lists::other_members(self.text, &self.tokens, start, end)
                .into_iter()
                .any(|(s, e)| self.plainly_in_trade(trade, s, e))
    }

    /// "Alphabet's Sundar Pichai": a possessive before the full name of a known business
    /// person.
    fn business_person_after(&self, end: usize) -> bool {
        let possessive = self.tokens.get(end).is_some_and(Token::is_possessive);
        let name_at = end + 1;
        let name_follows = self
            .tokens
            .get(name_at)
            .is_some_and(|t| t.gap == Gap::Space && t.shape == Shape::Capitalized);
        possessive
            && name_follows
            && self.plain_name_at(
                name_at,
                |len| len >= 2,
                |e| e.kind == EntityType::Person && e.subtype == "business",
            )
    }

    /// Whether tokens `start..end` are the whole name of a business or club of the `trade`
    /// that is no everyday word ("Microsoft", not "Meta").
    fn plainly_in_trade(&self, trade: Trade, start: usize, end: usize) -> bool {
        self.plain_name_at(
            start,
            |len| start + len == end,
            |e| trade_of(e) == Some(trade),
        )
    }

    /// Whether a name at token `start` that is no everyday word, of a length `len_fits`
    /// takes, names an entity `is` takes.
    fn plain_name_at(
        &self,
        start: usize,
        len_fits: impl Fn(usize) -> bool,
        is: impl Fn(&EntityRecord<'_>) -> bool,
    ) -> bool {
        self.alias_matches(start)
            .iter()
            .filter(|&(len, _)| len_fits(len))
            .any(|(len, at)| {
                self.kb.candidates(at).any(|c| {
                    !c.has(ALIAS_COMMON_WORD)
                        && self.casing_fits(&c, start, start + len)
                        && self.entity(c.entity).is_some_and(|e| is(&e))
                })
            })
    }

    /// "Landfall in Jamaica" is the island, not Jamaica, Queens, however American the rest of
    /// the article: a town (`best`, ending before token `end`) gives way to the country of
    /// its name, unless a region of the town's own follows ("Jamaica, N.Y.").
    fn town_gives_way(&self, best: &Candidate, end: usize) -> bool {
        self.entity(best.entity).is_some_and(|e| {
            e.kind == EntityType::Place
                && e.subtype == "city"
                && !self.region_follows(end, e.country)
        })
    }

    /// Whether ", <a state or province>" follows the name ending before token `end`: a name
    /// that is only ever a region, or one of `country` ("Kent, Washington": Washington is
    /// also the capital, but a state of the town's country too).
    fn region_follows(&self, end: usize, country: &str) -> bool {
        if end >= self.tokens.len() || self.text_between(end - 1, end).trim() != "," {
            return false;
        }
        self.next_place_level(end) == Some(disambiguate::Level::Region)
            || self.region_of_country_at(end, country)
    }

    /// The country of the region or country named after a comma at token `end` ("Ontario",
    /// "Ont.", "N.Y.", "Jamaica"), when it is best known as one and all its readings as a
    /// region or country agree on it.
    #[inline(never)]
    fn country_after_comma(&self, end: usize) -> Option<&'k str> {
        let next = self.tokens.get(end)?;
        if next.gap != Gap::Punct
            || !next.is_capitalized()
            || self.text_between(end - 1, end).trim() != ","
        {
            return None;
        }
        let dotted = self.text[next.end..].starts_with('.');
        if let Some(country) = patterns::region_abbreviation_country(&next.norm, dotted) {
            return Some(country);
        }
        // A name best known as a region or country ("Ontario", California's small city
        // aside), not as a city ("Paris, Washington and London" is a list of capitals).
        let is_area = |e: &EntityRecord<'_>| {
            e.kind == EntityType::Place && matches!(e.subtype, "region" | "country" | "territory")
        };
        let best = self.readings_at(end).max_by_key(|e| e.prominence)?;
        if !is_area(&best) {
            return None;
        }
        // "at Oslo, Venezuela's Maria Corina Machado": a possessive begins a new phrase, and
        // so does a noun or a verb ("In Paris, US envoy Barrack met", "in Rome, Italy said").
        let longest = self.alias_matches(end).iter().map(|(len, _)| len).max()?;
        if self.tokens.get(end + longest).is_some_and(|t| {
            t.is_possessive()
                || (t.gap == Gap::Space
                    && t.shape == Shape::Lower
                    && !patterns::is_not_name(&t.norm))
        }) {
            return None;
        }
        agreed(self.readings_at(end).filter(is_area).map(|e| e.country))
    }

    /// The key of the name at tokens `start..end` a place is pinned under: "Veracruz state"
    /// is pinned as "veracruz", "London, Ont." as "london"; None when nothing around the
    /// place says which it is.
    fn pinned_name(&self, entity: &EntityRecord<'_>, start: usize, end: usize) -> Option<String> {
        match entity.subtype {
            "city" => {
                let qualified = self.country_after_comma(end).is_some()
                    || self.country_of_region_after_in(start, end).is_some();
                qualified.then(|| self.name_key(start, end))
            }
            "region" if end - start >= 2 => {
                let kind = &self.tokens[end - 1];
                let named_as_region = kind.shape == Shape::Lower
                    && matches!(&*kind.norm, "state" | "province" | "region" | "prefecture");
                named_as_region.then(|| self.name_key(start, end - 1))
            }
            _ => None,
        }
    }

    /// The words of tokens `start..end` in normal form, joined by spaces.
    fn name_key(&self, start: usize, end: usize) -> String {
        let words: Vec<&str> = self.tokens[start..end]
            .iter()
            .map(|t| t.norm.as_ref())
            .collect();
        words.join(" ")
    }

    /// The country of a region named right after a city's name and "in", when one of the
    /// city's readings lies there: "Boston in Lincolnshire" is England's Boston, "Newport in
    /// North Carolina" no city of Rhode Island. A country after "in" says nothing of the kind
    /// ("Moscow in Ukraine" is Moscow acting there).
    #[inline(never)]
    fn country_of_region_after_in(&self, start: usize, end: usize) -> Option<&'k str> {
        let joined = |k: usize| self.tokens.get(k).is_some_and(|t| t.gap == Gap::Space);
        if !(joined(end) && self.tokens[end].norm == "in" && joined(end + 1)) {
            return None;
        }
        if !self.tokens[end + 1].is_capitalized() {
            return None;
        }
        let best = self.readings_at(end + 1).max_by_key(|e| e.prominence)?;
        if best.kind != EntityType::Place || best.subtype != "region" {
            return None;
        }
        let country = agreed(
            self.readings_at(end + 1)
                .filter(|e| e.kind == EntityType::Place && e.subtype == "region")
                .map(|e| e.country),
        )?;
        self.readings_at(start)
            .any(|e| e.subtype == "city" && e.country == country)
            .then_some(country)
    }

    /// The country of the place or people named right before "village of", "town of" ... at
    /// token `start` ("the West Bank village of Duma", "the Polish city of Gdansk").
    #[inline(never)]
    fn country_before_settlement_word(&self, start: usize) -> Option<&'k str> {
        const MAX_PLACE_WORDS: usize = 3;
        if start < 3 || !self.settlement_of_before(start) {
            return None;
        }
        let end = start - 2;
        (end.saturating_sub(MAX_PLACE_WORDS)..end)
            .rev()
            .take_while(|&k| self.tokens[k].is_capitalized())
            .find_map(|k| {
                let (_, at) = self
                    .alias_matches(k)
                    .iter()
                    .find(|&(len, _)| k + len == end)?;
                agreed(self.kb.candidates(at).filter_map(|c| {
                    let e = self.entity(c.entity)?;
                    (e.kind == EntityType::Place
                        && (c.has(ALIAS_DEMONYM)
                            || matches!(e.subtype, "country" | "region" | "territory")))
                    .then_some(e.country)
                }))
            })
    }

    /// Whether an American city's name at tokens `..end` is followed by a comma and the
    /// news agencies' short form of a state ("TOPEKA, Kan.", "ALBANY, N.Y.").
    fn us_state_follows(&self, entity: &EntityRecord<'_>, end: usize) -> bool {
        entity.country == "US"
            && end < self.tokens.len()
            && self.text_between(end - 1, end).trim() == ","
            && self.tokens[end].is_capitalized()
            && (self.text[self.tokens[end].start..].trim_start_matches(char::is_alphanumeric))
                .starts_with('.')
            && patterns::is_state_abbreviation(&self.tokens[end].norm)
    }

    /// Whether the longest name at token `i` may be a region of `country`.
    fn region_of_country_at(&self, i: usize, country: &str) -> bool {
        self.readings_at(i)
            .any(|e| e.kind == EntityType::Place && e.subtype == "region" && e.country == country)
    }

    fn is_country(&self, entity: u32) -> bool {
        self.entity(entity).is_some_and(|e| e.is_country())
    }

    /// A name followed by the acronym it defines: both are mentions of one entity (the
    /// knowledge base's when it knows the name, else a local organisation), and the acronym
    /// is remembered. Returns the token after the closing bracket.
    fn definition_at(&mut self, i: usize) -> Option<usize> {
        let position = self.definitions.iter().position(|d| d.start == i)?;
        let definition = self.definitions.remove(position);
        let (start, end, acronym) = (definition.start, definition.end, definition.acronym);
        let last = &self.tokens[end - 1].norm;
        if patterns::is_law_word(last)
            || patterns::is_benchmark_word(last)
            || patterns::is_concept_word(last)
        {
            // "the Digital Markets Act (DMA)": a law is no actor, and neither is its acronym;
            // nor is a grade of oil ("West Texas Intermediate (WTI)") or a plan or ruling
            // ("Joint Comprehensive Plan of Action (JCPOA)").
            let text: &'t str = self.text;
            self.term_acronyms
                .push(&text[self.tokens[acronym].start..self.tokens[acronym].end]);
            return Some(acronym + 1);
        }
        let known = self
            .known_at(start)
            .filter(|(len, _)| start + len == end)
            .map(|(_, c)| c)
            .or_else(|| self.known_by_acronym(acronym, start))
            .or_else(|| {
                definition
                    .translated
                    .then(|| self.known_acronym_of_a_body(acronym))
                    .flatten()
            });
        let found = self.pattern_at(start).filter(|p| p.end == end);
        let index = match (known, found) {
            (Some(c), _) => self.commit_known(start, end - start, c)?,
            (None, Some(found)) => self.commit_pattern(found),
            (None, None) => self.commit_pattern(patterns::PatternName {
                start,
                end,
                kind: EntityType::Organization,
            }),
        };
        self.push_mention(acronym, acronym + 1, index);
        let written = self.surface(acronym, acronym + 1).to_string();
        self.defined_acronyms.insert(written, index);
        Some(acronym + 1)
    }

    /// The knowledge-base entity an acronym names when the spelled-out name is written in a
    /// way the knowledge base lacks ("World Health Organisation (WHO)"), provided the
    /// entity's own name has those initials.
    /// The spelled-out name must share a word with the entity's: "Extended Fund Facility
    /// (EFF)", an IMF loan, is not the Electronic Frontier Foundation.
    fn known_by_acronym(&self, acronym: usize, start: usize) -> Option<Candidate> {
        let (len, c) = self.known_at(acronym)?;
        let entity = self.entity(c.entity)?;
        let written = self.surface(acronym, acronym + 1);
        let stem = |word: &str| -> String { normalize_word(word).chars().take(5).collect() };
        let own_words: Vec<String> = entity
            .name
            .split([' ', '-'])
            .filter(|w| w.chars().count() > 3)
            .map(stem)
            .collect();
        let shares_a_word = self.tokens[start..acronym]
            .iter()
            .filter(|t| t.is_capitalized() && t.norm.chars().count() > 3)
            .any(|t| own_words.contains(&stem(&t.norm)));
        (len == 1 && shares_a_word && acronyms::abbreviates(written, &entity.name)).then_some(c)
    }

    /// The knowledge base's organisation filed under the acronym at token `acronym`, of a
    /// country the article names, for a name translated from the acronym's language: "Badan
    /// Penanggulangan Bencana Nasional (BNPB)", "Democratic Alliance (AD)".
    fn known_acronym_of_a_body(&self, acronym: usize) -> Option<Candidate> {
        let (len, c) = self.known_at(acronym)?;
        // Of a country the article is about: Cuba's "National Defense Council (CDN)" is no
        // Mexican cartel's.
        let body = self.entity(c.entity).is_some_and(|e| {
            e.kind == EntityType::Organization
                && (e.country.is_empty()
                    || self.countries.contains(e.country)
                    || self.evidence.count(e.country) > 0)
        });
        (len == 1 && c.has(ALIAS_ACRONYM) && body).then_some(c)
    }

    /// A later use of an acronym the article defined; the definition beats the knowledge base.
    fn defined_acronym_at(&mut self, i: usize) -> bool {
        // Most articles define none: then no word needs slicing out of the text.
        if self.defined_acronyms.is_empty() {
            return false;
        }
        let written = self.surface(i, i + 1);
        let Some(&index) = self.defined_acronyms.get(written) else {
            return false;
        };
        self.push_mention(i, i + 1, index);
        true
    }

    fn commit_known(&mut self, i: usize, len: usize, c: Candidate) -> Option<usize> {
        let entity = self.entity(c.entity)?;
        if entity.kind == EntityType::Person && !c.has(ALIAS_SURNAME) && len > 1 {
            let last = self.tokens[self.surname_at(i, i + len)].norm.to_string();
            self.surnames.insert(&last);
            // The surname stays with the first of a family the article names, its subject
            // as a rule ("Kennedy" in a story of Robert F. Kennedy Jr. that recalls John F.
            // Kennedy), unless a far better known one comes later: a bare "Trump" in a page
            // that named Melania Trump first is still Donald Trump.
            let keeps = self.known_surnames.get(&last).is_some_and(|&first| {
                self.entity(first).is_some_and(|first| {
                    entity.prominence < first.prominence.saturating_add(FAMILY_PROMINENCE_GAP)
                })
            });
            if !keeps {
                self.known_surnames.insert(last, c.entity);
            }
        }
        if entity.kind == EntityType::Place {
            let country = entity.country.to_string();
            self.previous_place = Some((i + len, entity.subtype, country));
            if let Some(key) = self.pinned_name(&entity, i, i + len) {
                self.pinned_places.entry(key).or_insert(c.entity);
            }
        }
        let index = self.entity_index(EntityKey::Known(c.entity), || {
            ArticleEntity::new(
                Some(entity.index),
                &entity.name,
                entity.kind,
                entity.subtype,
            )
        });
        // "The New York Times", "The Onion": the knowledge base needs the article to know the
        // name, but the highlight is the name without it, as annotated corpora mark names.
        let start =
            if entity.kind == EntityType::Organization && len > 1 && self.tokens[i].norm == "the" {
                i + 1
            } else {
                i
            };
        self.remember(start, i + len, entity.kind, index);
        if entity.kind == EntityType::Organization {
            if let Some(place_words) = self.place_prefix(start, i + len) {
                let name = &self.tokens[start..i + len];
                self.memory.organization_of_place(name, place_words, index);
            }
        }
        self.push_mention(start, i + len, index);
        Some(index)
    }

    /// How many of tokens `start..end` (a known organisation's name) name a place or its
    /// people at its start: 2 for "United States Air Force", 1 for "Iranian Navy".
    fn place_prefix(&self, start: usize, end: usize) -> Option<usize> {
        self.alias_matches(start)
            .iter()
            .rev()
            .filter(|&(len, _)| start + len < end)
            .find(|&(len, at)| {
                self.kb.candidates(at).any(|c| {
                    self.casing_fits(&c, start, start + len)
                        && (c.has(ALIAS_DEMONYM)
                            || self
                                .entity(c.entity)
                                .is_some_and(|e| e.kind == EntityType::Place))
                })
            })
            .map(|(len, _)| len)
    }

    /// A lone surname of a person this article named in full ("Kamen" after "Dean Kamen").
    /// `early`: the word comes before the full name (the late pass), where only surnames of
    /// well-evidenced people are read.
    #[inline(always)]
    fn remembered_surname_at(&mut self, i: usize, early: bool) -> Option<usize> {
        let token = &self.tokens[i];
        // Capitalised, not in capitals: "SP" in "[M1 SP]" is no surname of anyone. After an
        // article, the name is a thing's: "the Rayleigh quotient", "a Guide to".
        if token.shape != Shape::Capitalized || self.caps_block[i] {
            return None;
        }
        // Only a name the article used before, or a head word after "the", is read here:
        // most capitalised words are neither, and leave at the sieves without a call.
        let norm = token.norm.as_ref();
        if !self.surnames.may_contain(norm)
            && self.memory.given_name(norm).is_none()
            && !self.after_determiner(i)
        {
            return None;
        }
        self.remembered_surname_or_head_at(i, early)
    }

    /// `remembered_surname_at` past the sieves, out of line.
    #[inline(never)]
    fn remembered_surname_or_head_at(&mut self, i: usize, early: bool) -> Option<usize> {
        let token = &self.tokens[i];
        let norm = token.norm.as_ref();
        let surname = self.surnames.may_contain(norm)
            && (self.known_surnames.contains_key(norm) || self.local_surnames.contains_key(norm));
        let remembered = surname || self.memory.given_name(norm).is_some();
        if (!remembered && !self.after_determiner(i)) || self.in_longer_name(i, i + 1) {
            return None;
        }
        // "Mohammed bin Salman" again: a longer name the knowledge base knows, joined by a
        // lowercase particle, is read whole, not as the given name and the surname apart.
        if self
            .tokens
            .get(i + 1)
            .is_some_and(|t| patterns::is_name_particle(&t.norm))
            && self.known_at(i).is_some_and(|(len, _)| len >= 2)
        {
            return None;
        }
        if self.after_determiner(i) {
            // "said that Daniel would": "that" before a given name the article uses for one
            // person is a conjunction, not a demonstrative ("that Santorum" may be the drink).
            // After a verb that reports speech or belief ("claims that Paris was") it is a
            // conjunction before the surname of a person a cue introduced too.
            let conjunction = self.tokens[i - 1].norm == "that";
            let reported = conjunction && i > 1 && is_reporting_verb(&self.tokens[i - 2].norm);
            let index = conjunction
                .then(|| self.remembered_given_name(i))
                .flatten()
                .or_else(|| reported.then(|| self.remembered_local_surname(i)).flatten())
                .or_else(|| {
                    conjunction
                        .then(|| self.remembered_known_surname(i))
                        .flatten()
                })
                .or_else(|| self.remembered_head(i))
                .or_else(|| self.family_at(i))?;
            self.push_mention(i, i + 1, index);
            return Some(1);
        }
        if disambiguate::is_month_surname(&token.norm)
            && !disambiguate::month_surname_is_person(&self.tokens, i)
        {
            return None;
        }
        // "lived in Paris" after "Valeska Paris": a preposition that can only mean a place asks
        // for it ("turned to Whitman" is the poet, "in Alice's repository" Alice's).
        let place_asked = i > 0
            && matches!(self.tokens[i - 1].norm.as_ref(), "in" | "near" | "outside")
            && token.gap.joins_name()
            && !self.tokens.get(i + 1).is_some_and(Token::is_possessive)
            && !self.alias_matches(i).is_empty();
        let index = if place_asked {
            return None;
        } else if let Some(&entity) = self.known_surnames.get(token.norm.as_ref()) {
            // "Modi congratulated Nepal" after "Madhav Kumar Nepal", "Houthi officials" after
            // "Abdul-Malik al-Houthi": a surname that is a country's or a movement's name is
            // the person only where a person's words follow.
            let names_a_nation = self.reads_as(i, 1, |_, e| {
                e.is_country()
                    || (e.kind == EntityType::Organization
                        && matches!(e.subtype, "armed_group" | "party"))
            });
            let person_words = disambiguate::person_context_after(&self.tokens, i + 1)
                || self.tokens.get(i + 1).is_some_and(Token::is_possessive);
            if names_a_nation && !person_words && !self.names_only_a_foreign_surname(i, entity) {
                return None;
            }
            self.known_keys.get(&entity).copied()?
        } else if let Some(key) = self.local_surnames.get(token.norm.as_ref()) {
            if early && !self.given_name_surnames.contains(token.norm.as_ref()) {
                return None;
            }
            self.local_keys.get(key).copied()?
        } else {
            self.remembered_given_name(i)?
        };
        self.push_mention(i, i + 1, index);
        Some(1)
    }

    /// Whether the country named by the word at `i` is not the home of `person`, whose
    /// surname it is, and nothing else in the article so far is of that country: in a story
    /// from Lisbon, "accused Montenegro of" is Portugal's Luís Montenegro. (Nepal's Madhav
    /// Kumar Nepal shares his name with his own country, which stays the country.)
    fn names_only_a_foreign_surname(&self, i: usize, person: u32) -> bool {
        let Some(home) = self.entity(person).map(|p| p.country) else {
            return false;
        };
        let country = self
            .readings_at(i)
            .find(|e| e.is_country())
            .map(|e| e.country);
        country.is_some_and(|c| !home.is_empty() && c != home && self.evidence.count(c) == 0)
    }

    /// "Israel" after "Israel Katz", "Georgia" after "Georgia Meloni": news calls grown-ups by
    /// their surnames, so a given name alone that names a country is the country, and one that
    /// names a region is the region unless a person's words follow ("Georgia said").
    #[inline(never)]
    fn place_outranks_given_name(&self, i: usize) -> bool {
        let person_words = disambiguate::person_context_after(&self.tokens, i + 1);
        self.reads_as(i, 1, |_, e| {
            e.is_country()
                || (!person_words && e.kind == EntityType::Place && e.subtype == "region")
        })
    }

    /// "Aner Shalev" again after a cue introduced him ("writer Aner Shalev"): the given name
    /// and the surname of one person the article named, together, are that person, also
    /// where the surname alone reads as part of a longer name: after a capitalised word that
    /// starts a sentence ("Interview Aner Shalev"), before a word that is never a name
    /// ("Aner Shalev What", "Aner Shalev Wednesday"). Not inside a longer name ("the Aner
    /// Shalev Institute", "the Edmund Hillary Fellowship", "Mozilla Public License" after a
    /// misread "General Public License").
    #[inline(always)]
    fn remembered_full_name_at(&mut self, i: usize) -> Option<usize> {
        let (first, second) = (&self.tokens[i], self.tokens.get(i + 1)?);
        let shapes = first.shape == Shape::Capitalized && second.shape == Shape::Capitalized;
        if !shapes || second.gap != Gap::Space || self.caps_block[i] {
            return None;
        }
        let index = self.memory.given_name(&first.norm)?;
        self.remembered_full_name_of(i, index)
    }

    /// `remembered_full_name_at` for two capitalised words, the first a remembered given
    /// name (`index` its person), out of line: most word pairs are turned away before.
    #[inline(never)]
    fn remembered_full_name_of(&mut self, i: usize, index: usize) -> Option<usize> {
        let after_capital = i > 0 && self.tokens[i].gap.joins_name() && {
            let before = &self.tokens[i - 1];
            before.is_capitalized() && !before.gap.starts_sentence()
        };
        if after_capital {
            return None;
        }
        let second = &self.tokens[i + 1];
        let key = self.local_surnames.get(second.norm.as_ref())?;
        if self.local_keys.get(key) != Some(&index) {
            return None;
        }
        let runs_on = self.tokens.get(i + 2).is_some_and(|t| {
            t.gap.joins_name() && t.is_capitalized() && !patterns::is_not_name(&t.norm)
        });
        if runs_on {
            return None;
        }
        self.push_mention(i, i + 2, index);
        Some(2)
    }

    /// A one-word organisation a cue introduced earlier ("LibriVox founder Hugh McGuire"),
    /// named again: "I launched LibriVox". The knowledge base lacks the word (the cue is
    /// read only then), so no other reading competes.
    #[inline(always)]
    fn remembered_word_at(&mut self, i: usize) -> bool {
        let token = &self.tokens[i];
        if !token.is_capitalized() || self.caps_block[i] || !self.memory.has_words() {
            return false;
        }
        let Some(index) = self.memory.word(&self.text[token.start..token.end]) else {
            return false;
        };
        if self.in_longer_name(i, i + 1) {
            return false;
        }
        self.push_mention(i, i + 1, index);
        true
    }

    /// A lone given name of a person this article named in full ("Frank" after "Frank
    /// Messina"); the caller has ruled out a preposition asking for a place ("in Jordan"
    /// after "Jordan Peterson").
    fn remembered_given_name(&self, i: usize) -> Option<usize> {
        let token = &self.tokens[i];
        // "i-Nick" is a made-up word, not Nick Bos; "the Bill" is a bill, not Bill Shorten.
        let hyphenated = token.gap == Gap::Hyphen
            || self.tokens.get(i + 1).is_some_and(|t| t.gap == Gap::Hyphen);
        // "Richard A. Lupoff" again is the whole name, read by its pattern.
        if token.shape != Shape::Capitalized
            || hyphenated
            || patterns::middle_initial_after(self.text, &self.tokens, i)
        {
            return None;
        }
        let index = self.memory.given_name(&token.norm)?;
        (!self.place_outranks_given_name(i)).then_some(index)
    }

    /// "The President" after "U.S. President Donald Trump", "the Home Secretary" after "Home
    /// Secretary Suella Braverman": a capitalised title after "the", with no name after it,
    /// is the one person the article introduced with it. A title followed by "of" is a
    /// longer office ("the President of France"), and one after a name and "of" is part of
    /// that name ("Department of the Prime Minister"). Returns the title's length in tokens.
    fn remembered_title_at(&mut self, i: usize) -> Option<usize> {
        const MAX_TITLE_WORDS: usize = 3;
        // Most articles introduce nobody by a title: then no word is looked at.
        let token = &self.tokens[i];
        if !self.memory.has_titles()
            || token.shape != Shape::Capitalized
            || self.caps_block[i]
            || !self.after_the(i)
        {
            return None;
        }
        let mut end = i + 1;
        while end < self.tokens.len()
            && end - i < MAX_TITLE_WORDS
            && self.tokens[end].gap == Gap::Space
            && self.tokens[end].shape == Shape::Capitalized
        {
            end += 1;
        }
        if !patterns::is_person_title(&self.tokens[end - 1].norm) {
            return None;
        }
        // "the Mayor-elect" is not the mayor.
        let runs_on = self.tokens.get(end).is_some_and(|t| {
            t.gap.joins_name()
                && (t.is_capitalized()
                    || matches!(t.norm.as_ref(), "of" | "for")
                    || (t.gap == Gap::Hyphen && matches!(t.norm.as_ref(), "elect" | "designate")))
        });
        let in_a_name = i >= 3
            && self.tokens[i - 2].norm == "of"
            && self.tokens[i - 3].is_capitalized()
            && self.tokens[i - 2].gap.joins_name();
        if runs_on || in_a_name {
            return None;
        }
        let index = self.memory.titled(&memory::phrase(&self.tokens[i..end]))?;
        self.push_mention(i, end, index);
        Some(end - i)
    }

    /// Whether "the" comes right before token `i`.
    fn after_the(&self, i: usize) -> bool {
        i > 0 && self.tokens[i].gap.joins_name() && self.tokens[i - 1].norm == "the"
    }

    /// "the Sams" after "Thomas Sam", "the Obamas": "the" and the plural of the surname of a
    /// person the article named is that person's family, highlighted as the person. Not
    /// before another capitalised word ("the Sams Club"), nor a word the knowledge base
    /// knows as an organisation ("the Browns", "the Kings" are teams).
    fn family_at(&self, i: usize) -> Option<usize> {
        let token = &self.tokens[i];
        let stem = token.norm.strip_suffix('s')?;
        let after_the = self.tokens[i - 1].norm == "the";
        let runs_on = self
            .tokens
            .get(i + 1)
            .is_some_and(|t| t.gap.joins_name() && t.is_capitalized());
        if !after_the || runs_on || token.shape != Shape::Capitalized {
            return None;
        }
        let index = if let Some(&entity) = self.known_surnames.get(stem) {
            self.known_keys.get(&entity).copied()?
        } else {
            self.local_surname_index(stem)?
        };
        let organization = self.alias_matches(i).first().is_some_and(|(len, at)| {
            len == 1
                && self.kb.candidates(at).any(|c| {
                    self.entity(c.entity)
                        .is_some_and(|e| e.kind == EntityType::Organization)
                })
        });
        (!organization).then_some(index)
    }

    /// The person a cue introduced whose surname token `i` is, capitalised as a name.
    fn remembered_local_surname(&self, i: usize) -> Option<usize> {
        let token = &self.tokens[i];
        if token.shape != Shape::Capitalized {
            return None;
        }
        self.local_surname_index(&token.norm)
    }

    /// The scan's entity index of the known person the article named in full with the
    /// surname at token `i` ("remarked that Kennedy might" after "Robert F. Kennedy Jr.").
    fn remembered_known_surname(&self, i: usize) -> Option<usize> {
        let token = &self.tokens[i];
        if token.shape != Shape::Capitalized {
            return None;
        }
        let entity = self.known_surnames.get(token.norm.as_ref())?;
        self.known_keys.get(entity).copied()
    }

    /// The scan's entity index of the person a cue introduced with surname `norm`.
    fn local_surname_index(&self, norm: &str) -> Option<usize> {
        let key = self.local_surnames.get(norm)?;
        self.local_keys.get(key).copied()
    }

    /// Whether an article or demonstrative comes right before token `i`: "the Bill", "a
    /// Guide", "this Santorum".
    #[inline(always)]
    fn after_determiner(&self, i: usize) -> bool {
        i > 0
            && self.tokens[i].gap.joins_name()
            && matches!(
                self.tokens[i - 1].norm.as_ref(),
                "the" | "a" | "an" | "this" | "that" | "every" | "any"
            )
    }

    /// "the Church" after "the Church of Scientology", "the Court" after "the Supreme
    /// Court": an organisation's head word alone, after "the", is the one organisation of
    /// the article it heads. "the Court of Appeal" is a name of its own.
    fn remembered_head(&self, i: usize) -> Option<usize> {
        let token = &self.tokens[i];
        let after_the = i > 0 && self.tokens[i - 1].norm == "the" && token.gap.joins_name();
        let continues = self.tokens.get(i + 1).is_some_and(|t| {
            t.gap.joins_name() && (t.is_capitalized() || matches!(t.norm.as_ref(), "of" | "for"))
        });
        if !after_the || continues || token.shape != Shape::Capitalized {
            return None;
        }
        if !patterns::is_organization_head(&token.norm) {
            return None;
        }
        self.memory.head(&token.norm)
    }

    /// What a name used in full teaches about its later short forms (`memory`).
    fn remember(&mut self, start: usize, end: usize, kind: EntityType, index: usize) {
        let name = &self.tokens[start..end];
        match kind {
            EntityType::Person => {
                // A name the knowledge base writes with its title ("Sheikh Abdullah bin Zayed
                // Al Nahyan", "Prince Faisal bin Farhan") has its given name after the title.
                let mut first = start;
                while end - first > 2 && patterns::is_person_title(&self.tokens[first].norm) {
                    first += 1;
                }
                // "Seattle" of a person found as "Seattle Slew" is the city later; a word the
                // knowledge base does not know at all may be a given name it lacks ("Frank"),
                // and so is one before "bin" or "ibn".
                let given = self.given_name_at(first)
                    || self.alias_matches(first).is_empty()
                    || self
                        .tokens
                        .get(first + 1)
                        .is_some_and(|t| patterns::is_name_particle(&t.norm));
                self.memory.person(&self.tokens[first..end], index, given);
                let title = self.title_before(start);
                self.memory.title(&self.tokens[title..start], index);
            }
            EntityType::Organization => self.memory.organization(name, index),
            EntityType::Place => {}
        }
    }

    /// Where the capitalised words right before a name at token `start` begin, within one
    /// sentence: "U.S. President" before "Donald Trump" (`start` when there are none).
    fn title_before(&self, start: usize) -> usize {
        const MAX_TITLE_WORDS: usize = 4;
        let mut k = start;
        while k > 0
            && start - k < MAX_TITLE_WORDS
            && self.tokens[k].gap == Gap::Space
            && self.tokens[k - 1].is_capitalized()
        {
            k -= 1;
        }
        k
    }

    /// "US$10 billion", "HK$ 5": a country's code before a currency sign is part of the
    /// currency, not a mention of the country.
    fn currency_prefix_at(&self, i: usize) -> bool {
        let token = &self.tokens[i];
        token.shape == Shape::Upper
            && token.norm.len() <= 3
            && self.text[token.end..]
                .trim_start_matches(' ')
                .starts_with('$')
    }

    /// Short forms read after the main pass, on capitalised words no other reading took, so
    /// that they count wherever the full name stands: initials of an organisation the article
    /// names ("USI" for the University of Southern Indiana), and a surname or given name used
    /// before the article names the person in full ("Braverman (left)" in a caption above
    /// "Home Secretary Suella Braverman"), two-word names listed beside a person (`lists`),
    /// the organisation after a person and "of" (`affiliations`), and a one-word
    /// organisation used before its cue ("LibriVox" in a headline above "LibriVox founder
    /// Hugh McGuire"). Mentions are put back in text order.
    fn late_pass(&mut self) {
        let mut covered = vec![false; self.tokens.len()];
        let mut people = Vec::new();
        let mut t = 0;
        for m in &self.scan.mentions {
            // The first token from `t` on that ends after the mention starts.
            t += self.tokens[t..].partition_point(|token| token.end <= m.start);
            let mut u = t;
            while u < self.tokens.len() && self.tokens[u].start < m.end {
                covered[u] = true;
                u += 1;
            }
            if self.scan.entities[m.entity].kind == EntityType::Person && u > t {
                people.push((t, u));
            }
        }
        let before = self.scan.mentions.len();
        let completed = self.full_names_of_local_surnames(&covered);
        if !completed.is_empty() {
            for &(start, end, index) in &completed {
                covered[start..end].iter_mut().for_each(|c| *c = true);
                self.push_mention(start, end, index);
                people.push((start, end));
            }
            people.sort_unstable();
        }
        let listed = lists::members(self.text, &self.tokens, &self.caps_block, &covered, &people);
        for (start, end) in listed {
            if covered[start] || covered[start + 1] {
                continue;
            }
            covered[start..end].iter_mut().for_each(|c| *c = true);
            self.commit_pattern(patterns::PatternName {
                start,
                end,
                kind: EntityType::Person,
            });
        }
        let bodies =
            affiliations::after_people(&self.tokens, &self.caps_block, &covered, &people, |t| {
                self.alias_matches(t).is_empty()
            });
        let owners = affiliations::before_people(
            self.text,
            &self.tokens,
            &self.caps_block,
            &covered,
            &people,
            |t| self.alias_matches(t).is_empty(),
        );
        for (start, end) in bodies.into_iter().chain(owners) {
            // "Nathan Law of Demosisto's Jane Doe": one name read from both sides.
            if covered[start..end].contains(&true) {
                continue;
            }
            covered[start..end].iter_mut().for_each(|c| *c = true);
            self.commit_pattern(patterns::PatternName {
                start,
                end,
                kind: EntityType::Organization,
            });
        }
        let (mut i, mut cursor) = (0, 0);
        while let Some(at) = self.name_start_from(i, &mut cursor) {
            i = at + 1;
            if covered[at] {
                continue;
            }
            if !covered.get(at + 1).copied().unwrap_or(true) {
                if let Some(len) = self.remembered_full_name_at(at) {
                    i = at + len;
                    continue;
                }
            }
            if self.remembered_surname_at(at, true).is_some() || self.remembered_word_at(at) {
                continue;
            }
            let token = &self.tokens[at];
            // Initials of an organisation the article named: none when it named none.
            if token.shape != Shape::Upper || self.caps_block[at] || !self.memory.has_initials() {
                continue;
            }
            // After a number capitals are a unit or the time of day ("7:00 AM", "5 GB").
            let after_number = at > 0
                && token.gap == Gap::Space
                && self.tokens[at - 1]
                    .norm
                    .starts_with(|c: char| c.is_ascii_digit());
            if after_number {
                continue;
            }
            let written = &self.text[token.start..token.end];
            let Some(letters) = acronyms::letters(written) else {
                continue;
            };
            if let Some(index) = self.memory.initials(&letters) {
                self.push_mention(at, at + 1, index);
            }
        }
        if self.scan.mentions.len() > before {
            self.scan.mentions.sort_by_key(|m| m.start);
        }
    }

    /// "Romelu Lukaku" in an article where "Lukaku scored": a capitalised word the knowledge
    /// base does not know, right before the surname of a person the article knows by that
    /// surname alone, is that person's given name, and the two are that person (the lone
    /// surname is read as part of the longer name, so nothing else took them). Not at a
    /// sentence start, where any word is capitalised ("Visit Paris" after "Valeska Paris"),
    /// nor inside a longer capitalised run. The full name of a person the article named in
    /// full is read the same way where it comes before its cue (in a list: "Romelu Lukaku,
    /// Yannick Carrasco, and Dries Mertens" above "Dries Mertens scored"). Returns token
    /// ranges and entities.
    fn full_names_of_local_surnames(&self, covered: &[bool]) -> Vec<(usize, usize, usize)> {
        let mut found = Vec::new();
        if self.local_surnames.is_empty() {
            return found;
        }
        // A given name is capitalised and no stance prefix's ("pro-Dean"): names may start
        // there, and the other tokens need no look.
        let last = self.tokens.len().saturating_sub(1);
        for &i in &self.name_starts {
            if i == 0 {
                continue;
            }
            if i >= last {
                break;
            }
            // Two capitalised words no mention took: the cheap tests come first, and most
            // words fail them before the surname is looked up.
            if covered[i] || covered[i + 1] {
                continue;
            }
            let (first, surname) = (&self.tokens[i], &self.tokens[i + 1]);
            if first.shape != Shape::Capitalized
                || surname.shape != Shape::Capitalized
                || surname.gap != Gap::Space
            {
                continue;
            }
            let Some(key) = self.local_surnames.get(surname.norm.as_ref()) else {
                continue;
            };
            // "Yau Wai-ching" after "Wu Chi-wai": a hyphenated word is one name.
            let runs_on = self.tokens.get(i + 2).is_some_and(|t| {
                t.gap == Gap::Hyphen || (t.gap.joins_name() && t.is_capitalized())
            });
            let given = matches!(first.gap, Gap::Space | Gap::Punct)
                && !self.tokens[i - 1].is_capitalized()
                && !patterns::is_not_name(&first.norm)
                && !patterns::is_person_title(&first.norm)
                && !patterns::is_organization_head(&first.norm)
                && !patterns::is_place_head(&first.norm)
                && !patterns::is_place_prefix(&first.norm);
            if !given || runs_on || self.caps_block[i] {
                continue;
            }
            let Some(&index) = self.local_keys.get(key) else {
                continue;
            };
            // A person known by the surname alone, with a word the knowledge base does not
            // know before it, or the same full name repeated: one named in full has a given
            // name already, and "Getty Images" is no second "Images".
            let name = &self.scan.entities[index].name;
            let repeated = *name == self.surface(i, i + 2);
            if repeated || (!name.contains(' ') && self.alias_matches(i).is_empty()) {
                found.push((i, i + 2, index));
            }
        }
        found
    }

    /// A name the knowledge base lacks, found by a title, an organisation word or a given
    /// name.
    #[inline]
    fn pattern_at(&self, i: usize) -> Option<patterns::PatternName> {
        if !self.tokens[i].is_capitalized()
            || self.caps_block[i]
            || after_stance_prefix(&self.tokens, i)
        {
            return None;
        }
        self.pattern_at_capital(i)
    }

    /// `pattern_at` for a capitalised word, out of line: the rules in turn.
    #[inline(never)]
    fn pattern_at_capital(&self, i: usize) -> Option<patterns::PatternName> {
        // A title before a name is no part of it ("Police Chief Pete Arredondo"): the name is
        // read at the next word, after the title. A rank of nobility is how the person is
        // known ("Prince Harry", "Dame Patsy Reddy").
        let norm = self.tokens[i].norm.as_ref();
        let title_before_name = patterns::is_person_title(norm)
            && !patterns::is_rank_of_nobility(norm)
            && self
                .tokens
                .get(i + 1)
                .is_some_and(|t| t.gap.joins_name() && t.shape == Shape::Capitalized);
        if title_before_name {
            return None;
        }
        // "in Thanh Hoa province", "Hoshiarpur district": a region's kind word after the name
        // says what it is before any rule reads a person in it.
        if let Some(place) = self.place_named_as_one_at(i) {
            return Some(place);
        }
        self.company_after_country(i)
            .or_else(|| {
                patterns::media_after_descriptor(&self.tokens, i)
                    .filter(|found| self.known_at(i).is_none_or(|(len, _)| i + len < found.end))
            })
            .or_else(|| patterns::person_after_title(&self.tokens, i))
            .or_else(|| patterns::person_after_descriptor(self.text, &self.tokens, i))
            .or_else(|| {
                patterns::organization_at(&self.tokens, i).filter(|found| {
                    !self.joins_two_known_names(found) && !self.known_before_a_title(found)
                })
            })
            .or_else(|| {
                // "the Pacific Island countries", "New Zealand Island ecosystems": a known
                // place before the feature word is that place, not a new one.
                // A city or state before "County" names the county ("Milwaukee County").
                patterns::place_at(&self.tokens, i).filter(|found| {
                    let known_before = found.end - 1 - i;
                    self.tokens[found.end - 1].norm == "county"
                        || self
                            .alias_matches(i)
                            .iter()
                            .all(|(len, _)| len != known_before)
                })
            })
            .or_else(|| {
                // "the Czech coalition government": a people's name says whose, it names
                // no party; nor does "Kurdish" before a body the knowledge base knows.
                patterns::organization_before_kind(&self.tokens, i).filter(|found| {
                    let known_rest = found.end - i >= 2
                        && self.reads_as(i + 1, found.end - i - 1, |_, e| {
                            e.kind == EntityType::Organization
                        });
                    !self.is_demonym(i, i + 1) && !known_rest
                })
            })
            .or_else(|| {
                // A known name of two words or more is read as known ("Fort Worth"), one
                // word of it is not ("Lake" is Kari Lake's surname).
                patterns::place_after_prefix(&self.tokens, i)
                    .filter(|_| self.alias_matches(i).iter().all(|(len, _)| len < 2))
            })
            .or_else(|| {
                patterns::organization_before_founder(&self.tokens, i)
                    .filter(|_| self.alias_matches(i).is_empty())
            })
            .or_else(|| {
                patterns::person_with_middle_initial(self.text, &self.tokens, i, |norm| {
                    self.kb.is_given_name(norm)
                })
            })
            .or_else(|| {
                patterns::person_by_given_name(
                    &self.tokens,
                    i,
                    |norm| {
                        if norm == self.tokens[i].norm {
                            self.given_name_at(i)
                        } else {
                            self.kb.is_given_name(norm)
                        }
                    },
                    true,
                )
                .filter(|found| !self.ends_in_a_country(found))
            })
            .or_else(|| self.person_with_place_given_name(i))
            .or_else(|| self.person_with_city_surname(i))
            .or_else(|| {
                patterns::person_by_speech_or_apposition(self.text, &self.tokens, i)
                    .filter(|_| self.alias_matches(i).is_empty())
            })
            .or_else(|| {
                patterns::person_before_relation(&self.tokens, i, |k| self.person_starts_at(k))
                    .filter(|_| self.alias_matches(i).is_empty())
            })
            .or_else(|| {
                patterns::person_by_syllable_name(&self.tokens, i)
                    .filter(|_| self.known_at(i).is_none_or(|(len, _)| len < 2))
            })
            .or_else(|| {
                patterns::person_in_apposition_to_role(self.text, &self.tokens, i)
                    .filter(|_| self.alias_matches(i).is_empty())
            })
            .or_else(|| {
                patterns::person_by_agent(&self.tokens, i)
                    .filter(|_| self.alias_matches(i).is_empty())
            })
            .or_else(|| {
                patterns::person_by_appointment(&self.tokens, i)
                    .filter(|_| self.alias_matches(i).is_empty())
            })
            .or_else(|| {
                patterns::speaker_after_quote(&self.tokens, i)
                    .filter(|_| self.alias_matches(i).is_empty())
            })
            .or_else(|| {
                patterns::scorer_by_surname(&self.tokens, i)
                    .filter(|_| self.alias_matches(i).is_empty())
            })
            .or_else(|| {
                patterns::person_by_initials(self.text, &self.tokens, i)
                    .filter(|_| self.alias_matches(i).is_empty())
            })
            .filter(|found| {
                found.kind != EntityType::Person
                    || !(self.compass_before_place(found)
                        || self.names_a_ship(found.start)
                        || self.is_demonym(found.start, found.end)
                        || patterns::is_spanish_article(&self.tokens[found.start].norm)
                        || self.names_a_law(found)
                        || patterns::is_contest_word(&self.tokens[found.end - 1].norm)
                        || self.names_a_site_after(found.end)
                        || patterns::is_building_word(&self.tokens[found.end - 1].norm)
                        || self.qualifies_a_party(found)
                        || self.known_person_after_first_word(found)
                        || patterns::ends_in_compound_suffix(&self.tokens, found.end))
            })
            .filter(|found| {
                (found.kind == EntityType::Place || !self.names_a_contest_or_craft_after(found.end))
                    && !self.after_a_works_noun(found.start)
            })
            .map(|found| self.past_nickname(found))
    }

    /// Whether a prize's or a contest's word, or an aircraft's number, follows a name at
    /// token `end`: "the FA Cup", "the Heisman Trophy", "Air Force One", "Marine One".
    fn names_a_contest_or_craft_after(&self, end: usize) -> bool {
        self.tokens.get(end).is_some_and(|t| {
            t.gap == Gap::Space
                && t.shape == Shape::Capitalized
                && (patterns::is_contest_word(&t.norm) || matches!(&*t.norm, "one" | "two"))
        })
    }

    /// A place named as one ("Bulacan province", "the island of Gotland") that the knowledge
    /// base lacks, or knows only as towns or cities.
    fn place_named_as_one_at(&self, i: usize) -> Option<patterns::PatternName> {
        patterns::place_named_as_one(&self.tokens, i).filter(|found| {
            // "the north London district" is London's: a district is a city's as often.
            let district = self.tokens[found.end - 1].norm == "district";
            self.alias_matches(i).is_empty()
                || self.only_minor_towns_at(i)
                || (!district && self.only_cities_at(i, found.end))
        })
    }

    /// "the Karin Law", "the Olimpia Law": after "the", a given name and a law's word name a
    /// law, not a person.
    fn names_a_law(&self, found: &patterns::PatternName) -> bool {
        let last = &self.tokens[found.end - 1].norm;
        self.after_the(found.start)
            && (patterns::is_law_word(last) || matches!(last.as_ref(), "law" | "bill"))
    }

    /// A person's name runs on over a nickname in quotes to the surname: 'Joseph "Zeke"
    /// Rupnick', 'Vicente "Tito" Sotto III'.
    fn past_nickname(&self, found: patterns::PatternName) -> patterns::PatternName {
        let end = found.end;
        let quote = |a: usize, b: usize, marks: &[char]| {
            let between = self.text_between(a, b);
            let mark = between.trim_matches(' ');
            !between.contains('\n') && mark.chars().count() == 1 && mark.starts_with(marks)
        };
        let nickname = found.kind == EntityType::Person
            && end + 1 < self.tokens.len()
            && quote(end - 1, end, &['"', '“', '‘', '\''])
            && self.tokens[end].shape == Shape::Capitalized
            && quote(end, end + 1, &['"', '”', '’', '\''])
            && self.tokens[end + 1].shape == Shape::Capitalized
            && !patterns::is_not_name(&self.tokens[end + 1].norm);
        if !nickname {
            return found;
        }
        let mut last = end + 2;
        // A generation after the surname: "Sotto III", "Dy Jr".
        if self.tokens.get(last).is_some_and(|t| {
            t.gap == Gap::Space && matches!(&*t.norm, "ii" | "iii" | "iv" | "jr" | "sr")
        }) {
            last += 1;
        }
        patterns::PatternName { end: last, ..found }
    }

    /// Whether a generic body's name at tokens `start..end` is another's than `entity`'s: a
    /// capitalised word before an institution's ("the Texas Senate", "Parliament House",
    /// "Freedom House", "Out of My House"), unless it is the entity's country ("U.S.
    /// Congress"), or an article about another country, whose places outnumber the
    /// entity's country's.
    fn names_anothers_body(
        &self,
        entity: &EntityRecord<'_>,
        institution: bool,
        start: usize,
        end: usize,
    ) -> bool {
        let word_before = start > 0
            && self.tokens[start].gap == Gap::Space
            && self.tokens[start - 1].is_capitalized()
            && !self.tokens[start - 1].gap.starts_sentence()
            && self.tokens[start - 1].norm != "the";
        // In a headline every word has a capital; only a one-word name is in doubt there.
        let named_before = institution
            && word_before
            && (!self.title_block[start] || end - start == 1)
            && !self.country_name_ends_at(start, entity.country);
        // A body the article named in full stays itself ("the U.S. Congress", then
        // "Congress" in a story about Israel).
        let elsewhere = !self.introduced.contains(&entity.index)
            && self.evidence.outnumbered(entity.country)
            && !self.evidence.leads(entity.country)
            && self.evidence.most() >= NATIONAL_EVIDENCE;
        named_before || elsewhere || self.names_a_local_body(start, end)
    }

    /// "the state Senate", "Indiana's House", "the House of Delegates": a chamber or court
    /// of a state, province or city, not the nation's of the same name.
    fn names_a_local_body(&self, start: usize, end: usize) -> bool {
        let local_word = start > 0
            && self.tokens[start].gap == Gap::Space
            && self.tokens[start - 1].shape == Shape::Lower
            && matches!(
                &*self.tokens[start - 1].norm,
                "state" | "provincial" | "county" | "city" | "municipal" | "regional" | "tribal"
            );
        // A place's own, after its possessive: a region's or a city's, not a country's.
        let local_owner = start >= 2
            && self.tokens[start - 1].is_possessive()
            && (start.saturating_sub(4)..start - 1).any(|first| {
                self.reads_as(first, start - 1 - first, |_, e| {
                    e.kind == EntityType::Place && !e.is_country()
                })
            });
        // "House of Delegates", "Senate of Canada": a longer name goes on after "of".
        let longer = self
            .tokens
            .get(end)
            .is_some_and(|t| t.norm == "of" && t.gap == Gap::Space)
            && self
                .tokens
                .get(end + 1)
                .is_some_and(|t| t.gap == Gap::Space && t.is_capitalized());
        local_word || local_owner || longer
    }

    /// Whether a name of `country` ends right before token `end` ("U.S." in "U.S. Congress").
    fn country_name_ends_at(&self, end: usize, country: &str) -> bool {
        (end.saturating_sub(3)..end).any(|first| {
            self.reads_as(first, end - first, |_, e| {
                e.is_country() && e.country == country
            })
        })
    }

    /// Whether the knowledge base has a name of exactly `len` tokens at token `first` with a
    /// reading that `fits`.
    fn reads_as(
        &self,
        first: usize,
        len: usize,
        fits: impl Fn(&Candidate, &EntityRecord<'k>) -> bool,
    ) -> bool {
        self.alias_matches(first)
            .iter()
            .filter(|&(l, _)| l == len)
            .any(|(_, value)| {
                self.kb
                    .candidates(value)
                    .any(|c| self.entity(c.entity).is_some_and(|e| fits(&c, &e)))
            })
    }

    /// A company named by its country and its trade ("China Mobile", "Korea Zinc", "China
    /// State Shipbuilding"): a country's name at token `i`, then up to three capitalised
    /// words ending in a trade word. Not an office of the country ("U.S. Energy
    /// Secretary"), nor in a headline, where every word has a capital.
    fn company_after_country(&self, i: usize) -> Option<patterns::PatternName> {
        // Most words start no name, or have no trade word after them: their readings are
        // not read then.
        let trade_after = || {
            self.tokens[i + 1..self.tokens.len().min(i + 7)]
                .iter()
                .any(|t| t.shape == Shape::Capitalized && patterns::is_trade_word(&t.norm))
        };
        if self.alias_matches(i).is_empty()
            || !trade_after()
            || self.title_block[i]
            || self.caps_block[i]
        {
            return None;
        }
        let len = self.alias_matches(i).iter().find_map(|(len, value)| {
            self.kb
                .candidates(value)
                .any(|c| !c.has(ALIAS_DEMONYM) && self.is_country(c.entity))
                .then_some(len)
        })?;
        let mut end = None;
        for k in i + len..(i + len + 3).min(self.tokens.len()) {
            let t = &self.tokens[k];
            if t.gap != Gap::Space || t.shape != Shape::Capitalized {
                break;
            }
            if patterns::is_person_title(&t.norm) || patterns::is_organization_head(&t.norm) {
                return None;
            }
            if patterns::is_trade_word(&t.norm) {
                end = Some(k + 1);
            }
        }
        end.map(|end| patterns::PatternName {
            start: i,
            end,
            kind: EntityType::Organization,
        })
    }

    /// Whether a name is a party's qualifier in brackets ("Lok Janshakti Party (Ram Vilas)",
    /// "Pakistan Muslim League (N)") or the party's own name before "party" ("Prashant
    /// Kishor's Jan Suraaj party"): no person.
    fn qualifies_a_party(&self, found: &patterns::PatternName) -> bool {
        let start = found.start;
        let bracketed = start > 1
            && self.text_between(start - 1, start).trim() == "("
            && matches!(
                &*self.tokens[start - 1].norm,
                "party" | "league" | "dal" | "front" | "congress" | "morcha" | "alliance"
            );
        let named_party = self.tokens.get(found.end).is_some_and(|t| {
            t.gap == Gap::Space
                && t.shape == Shape::Lower
                && matches!(&*t.norm, "party" | "alliance" | "front" | "movement")
        });
        bracketed || named_party
    }

    /// Whether an organisation's name is two names the knowledge base knows, joined by
    /// "and": "the United States and European Union", "Bank of America and Wells Fargo".
    /// Not where the second runs on into the name ("African, Caribbean and Pacific Group
    /// of States").
    fn joins_two_known_names(&self, found: &patterns::PatternName) -> bool {
        (found.start + 1..found.end.saturating_sub(1)).any(|and| {
            self.tokens[and].norm == "and"
                && self
                    .alias_matches(found.start)
                    .iter()
                    .any(|(len, _)| found.start + len == and)
                && self
                    .alias_matches(and + 1)
                    .iter()
                    .any(|(len, _)| and + 1 + len == found.end)
        })
    }

    /// Whether a lowercase word for peoples or states follows token `end - 1`: "Baltic
    /// states", "Gulf allies".
    fn describes_peoples(&self, end: usize) -> bool {
        self.tokens.get(end).is_some_and(|t| {
            t.gap == Gap::Space
                && t.shape == Shape::Lower
                && matches!(
                    &*t.norm,
                    "states"
                        | "allies"
                        | "countries"
                        | "nations"
                        | "republics"
                        | "neighbours"
                        | "neighbors"
                        | "leaders"
                        | "governments"
                        | "partners"
                )
        })
    }

    /// Whether the acronym at tokens `start..end` is in brackets right after another name
    /// than `entity`'s, which it then abbreviates: one linked to another entity, or one the
    /// knowledge base lacks that shares no word with `entity`'s name ("Reporters Without
    /// Borders (RSF)"; but "the Ukrainian Security Service (SBU)" is the Security Service of
    /// Ukraine).
    fn defines_another_acronym(&self, entity: &EntityRecord<'_>, start: usize, end: usize) -> bool {
        let bracketed = start > 0
            && self.text_between(start - 1, start).trim() == "("
            && self.text[self.tokens[end - 1].end..].starts_with(')');
        let Some(before) = self.scan.mentions.last() else {
            return false;
        };
        if !bracketed || before.end != self.tokens[start - 1].end {
            return false;
        }
        match self.scan.entities[before.entity].kb {
            Some(kb) => kb != entity.index,
            None => {
                let words = |name: &str| -> Vec<String> {
                    name.split(|c: char| !c.is_alphanumeric())
                        .filter(|w| w.chars().count() >= 4)
                        .map(str::to_lowercase)
                        .collect()
                };
                let known = words(&entity.name);
                !words(&self.text[before.start..before.end]).iter().any(|w| {
                    known
                        .iter()
                        .any(|k| k.starts_with(w.as_str()) || w.starts_with(k.as_str()))
                })
            }
        }
    }

    /// Whether token `start` follows a place of `country` in a list ("Sloviansk, Kramatorsk,
    /// Druzhkivka and Kostiantynivka"): the list says what its names are.
    fn listed_after_place(&self, start: usize, country: &str) -> bool {
        let Some(last) = self.scan.mentions.last() else {
            return false;
        };
        let between = self
            .text
            .get(last.end..self.tokens[start].start)
            .map(str::trim);
        let listed = matches!(between, Some("," | "and" | ", and" | "or" | ", or"));
        listed
            && self.scan.entities[last.entity]
                .kb
                .and_then(|kb| self.entity(kb))
                .is_some_and(|e| {
                    e.kind == EntityType::Place && !country.is_empty() && e.country == country
                })
    }

    /// Whether a known person from one country is named after another country's office:
    /// "Colombia's Defense Minister Pedro Sanchez" is a namesake of Spain's prime minister.
    fn holds_anothers_office(&self, entity: &EntityRecord<'_>, start: usize) -> bool {
        entity.kind == EntityType::Person
            && !entity.country.is_empty()
            && self
                .office_country_before(start)
                .is_some_and(|country| country != entity.country)
    }

    /// The country whose office comes right before a name at token `start`: "Colombia's
    /// Defense Minister", "the Colombian Defense Minister" (up to four words of title).
    fn office_country_before(&self, start: usize) -> Option<&str> {
        let titled = start > 0
            && self.tokens[start].gap == Gap::Space
            && patterns::is_person_title(&self.tokens[start - 1].norm);
        if !titled {
            return None;
        }
        let mut k = start - 1;
        for _ in 0..4 {
            if let Some(country) = self.qualifier_country(k) {
                return Some(country);
            }
            let joined = k > 0
                && self.tokens[k].gap == Gap::Space
                && self.tokens[k - 1].shape == Shape::Capitalized;
            if !joined {
                return None;
            }
            k -= 1;
        }
        None
    }

    /// Whether every name the knowledge base knows at token `i` is a small town's ("Bulacan",
    /// a town, in "Bulacan province"): such a name may be another place's.
    fn only_minor_towns_at(&self, i: usize) -> bool {
        self.every_name_at(i, |_, c, e| {
            c.prominence < MINOR_PLACE_PROMINENCE && e.subtype == "city"
        })
    }

    /// Whether every reading of every name the knowledge base has at token `i` `fits` (its
    /// length in tokens, the candidate, the entity).
    fn every_name_at(
        &self,
        i: usize,
        fits: impl Fn(usize, &Candidate, &EntityRecord<'k>) -> bool,
    ) -> bool {
        self.alias_matches(i).iter().all(|(len, value)| {
            self.kb
                .candidates(value)
                .all(|c| self.entity(c.entity).is_some_and(|e| fits(len, &c, &e)))
        })
    }

    /// Whether every name the knowledge base has at token `i`, none running past `end`, is a
    /// city's: a region's kind word then names a region it lacks ("Buenos Aires province",
    /// "the province of Buenos Aires").
    fn only_cities_at(&self, i: usize, end: usize) -> bool {
        self.every_name_at(i, |len, _, e| i + len <= end && e.subtype == "city")
    }

    /// Whether tokens `start..end` are a demonym the knowledge base knows: "Sri Lankan" is
    /// no person, whatever "Sri" says.
    fn is_demonym(&self, start: usize, end: usize) -> bool {
        self.reads_as(start, end - start, |c, _| c.has(ALIAS_DEMONYM))
    }

    /// Whether a site's word follows a person's name at token `end`: "Kim Il Sung Square",
    /// "Chiang Kai-shek Memorial Hall", "Ronald Reagan Washington National Airport" (a
    /// capitalised word and then the site's word count too).
    fn names_a_site_after(&self, end: usize) -> bool {
        let site_word = |t: &Token| {
            t.gap == Gap::Space && t.shape == Shape::Capitalized && patterns::is_site_word(&t.norm)
        };
        let next = self.tokens.get(end);
        next.is_some_and(site_word)
            || (next.is_some_and(|t| t.gap == Gap::Space && t.shape == Shape::Capitalized)
                && self.tokens.get(end + 1).is_some_and(site_word))
    }

    /// Whether a noun for a work comes right before token `start`: "the 1996 film Jerry
    /// Maguire", "the album Folklore" name the work, not a person or a place. ("show",
    /// "book" and "single" are verbs and adjectives as often: "polls show Rhun ap Iorwerth's
    /// party".)
    fn after_a_works_noun(&self, start: usize) -> bool {
        start > 0
            && self.tokens[start].gap == Gap::Space
            && self.tokens[start - 1].shape == Shape::Lower
            && matches!(
                &*self.tokens[start - 1].norm,
                "film"
                    | "movie"
                    | "album"
                    | "song"
                    | "series"
                    | "sitcom"
                    | "novel"
                    | "documentary"
                    | "musical"
                    | "opera"
                    | "podcast"
            )
    }

    /// Whether a ship's prefix comes right before token `start`: "the USS Gerald R. Ford"
    /// and "HMS Queen Elizabeth" are warships, not people.
    fn names_a_ship(&self, start: usize) -> bool {
        let mut k = start;
        // Back over the capitalised words of the ship's name ("Gerald R." before "Ford").
        while k > 0 && start - k < 4 && self.tokens[k].gap == Gap::Space {
            let before = &self.tokens[k - 1];
            let prefix = before.shape == Shape::Upper
                && matches!(
                    &*before.norm,
                    "uss"
                        | "hms"
                        | "hmas"
                        | "hmcs"
                        | "hmnzs"
                        | "ins"
                        | "rfa"
                        | "uscgc"
                        | "brp"
                        | "pns"
                        | "roks"
                        | "jds"
                );
            if prefix {
                return true;
            }
            if !before.is_capitalized() {
                return false;
            }
            k -= 1;
        }
        false
    }

    /// Whether a person's name starts at token `i`: one the knowledge base knows, or one
    /// read by a title or a given name.
    fn person_starts_at(&self, i: usize) -> bool {
        let known = self.known_at(i).is_some_and(|(_, c)| {
            self.entity(c.entity)
                .is_some_and(|e| e.kind == EntityType::Person)
        });
        known
            || patterns::person_after_title(&self.tokens, i).is_some()
            || patterns::person_by_given_name(&self.tokens, i, |n| self.kb.is_given_name(n), false)
                .is_some()
    }

    /// Whether a three-word name read by its given name ends in a country's name: "Fan Expo
    /// Canada" is an event ("Michael Jordan", two words, stays a person).
    fn ends_in_a_country(&self, found: &patterns::PatternName) -> bool {
        found.end - found.start >= 3
            && self.names_place_alone(found.end - 1, |e| e.subtype == "country")
    }

    /// Whether the words after the first of a name found by its cues are a known person's
    /// full name: "Prime Minister of Israel Benjamin Netanyahu" (Israel is a given name too).
    fn known_person_after_first_word(&self, found: &patterns::PatternName) -> bool {
        let rest = found.start + 1;
        found.end >= rest + 2
            && self.reads_as(rest, found.end - rest, |c, e| {
                e.kind == EntityType::Person && !c.has(ALIAS_SURNAME)
            })
    }

    /// Whether a name read by its given name is a compass word before a well-known place:
    /// "West Texas" and "North Carolina" are parts of a place, not Mr Texas West's first name.
    fn compass_before_place(&self, found: &patterns::PatternName) -> bool {
        patterns::is_compass_word(&self.tokens[found.start].norm)
            && (found.start + 1..found.end).any(|t| self.is_well_known_place(t))
    }

    /// "Jordan Peterson", "Georgia May Jagger": a place name that is also a given name, then a
    /// surname that is no well-known place ("Georgia Atlanta" is not a person).
    fn person_with_place_given_name(&self, i: usize) -> Option<patterns::PatternName> {
        let found = patterns::person_by_given_name(
            &self.tokens,
            i,
            disambiguate::is_place_given_name,
            false,
        )?;
        let surname_is_place = (i + 1..found.end).any(|t| self.is_well_known_place(t));
        (!surname_is_place).then_some(found)
    }

    /// "Valeska Paris, an Australian woman": a name before a city's name that reads as a
    /// person's (`shadows_place`), with what follows reading as following a person
    /// (an appositive, a reporting verb).
    fn person_with_city_surname(&self, i: usize) -> Option<patterns::PatternName> {
        let next = self.tokens.get(i + 1)?;
        let person = next.shape == Shape::Capitalized
            && !patterns::is_place_prefix(&self.tokens[i].norm)
            && self.is_city(i + 1)
            && self.shadows_place(i + 1)
            && disambiguate::person_context_after(&self.tokens, i + 2);
        person.then_some(patterns::PatternName {
            start: i,
            end: i + 2,
            kind: EntityType::Person,
        })
    }

    /// Whether token `i` alone is a name of a place that `fits`.
    fn names_place_alone(&self, i: usize, fits: impl Fn(&EntityRecord<'_>) -> bool) -> bool {
        let Some((1, at)) = self.alias_matches(i).first() else {
            return false;
        };
        self.kb
            .candidates(at)
            .filter_map(|c| self.entity(c.entity))
            .any(|e| e.kind == EntityType::Place && fits(&e))
    }

    /// Whether token `i` alone names a city.
    fn is_city(&self, i: usize) -> bool {
        self.names_place_alone(i, |e| e.subtype == "city")
    }

    /// Whether token `i` alone names a country, region or prominent city.
    fn is_well_known_place(&self, i: usize) -> bool {
        self.names_place_alone(i, |e| e.subtype != "city" || e.prominence >= 40)
    }

    /// The token of the surname in a person's name at tokens `start..end`: the last, unless
    /// that is a generation ("Robert F. Kennedy Jr." is later "Kennedy", "Robert Griffin III"
    /// "Griffin").
    fn surname_at(&self, start: usize, end: usize) -> usize {
        let last = end - 1;
        let generation = matches!(&*self.tokens[last].norm, "jr" | "sr" | "ii" | "iii" | "iv");
        if generation && last > start + 1 {
            last - 1
        } else {
            last
        }
    }

    fn commit_pattern(&mut self, found: patterns::PatternName) -> usize {
        let name = self.surface(found.start, found.end).to_string();
        // The name's tokens are normalised already: no need to read the name again.
        let key = memory::phrase(&self.tokens[found.start..found.end]);
        debug_assert_eq!(key, crate::text::normalize_phrase(&name));
        if found.kind == EntityType::Person {
            // A one-word name ("their child, Gloria") is remembered as it is, unless it is a
            // name the knowledge base knows as something else ("a major Seattle industry").
            let surname = self.tokens[self.surname_at(found.start, found.end)]
                .norm
                .to_string();
            let single = found.end - found.start == 1;
            if self.given_name_at(found.start) {
                self.given_name_surnames.insert(surname.clone());
            }
            if !single
                || self.given_name_at(found.start)
                || self.alias_matches(found.start).is_empty()
            {
                self.surnames.insert(&surname);
                self.local_surnames.insert(surname, key.clone());
            }
        }
        let subtype = match found.kind {
            EntityType::Person => "person",
            EntityType::Organization => "organization",
            EntityType::Place => "place",
        };
        // "the Air Force" after "the United States Air Force" is that known organisation.
        // Not where another country's name says it is that country's own: "Japan's Foreign
        // Ministry" after "the Chinese Foreign Ministry".
        let remembered = (found.kind == EntityType::Organization)
            .then(|| self.memory.without_place(&key))
            .flatten()
            .filter(|&index| {
                self.qualifier_country(found.start).is_none_or(|country| {
                    self.scan.entities[index]
                        .kb
                        .and_then(|kb| self.entity(kb))
                        .is_some_and(|e| e.country == country)
                })
            });
        if let Some(index) = remembered {
            self.push_mention(found.start, found.end, index);
            return index;
        }
        if found.kind == EntityType::Person
            && found.end - found.start == 2
            && patterns::is_rank_of_nobility(&self.tokens[found.start].norm)
        {
            // "Prince Faisal" after "Prince Faisal bin Farhan": the rank and the given name.
            if let Some(index) = self.remembered_given_name(found.start + 1) {
                self.push_mention(found.start, found.end, index);
                return index;
            }
        }
        if let Some(c) = self.known_without_middle_names(&found) {
            if let Some(index) = self.commit_known(found.start, found.end - found.start, c) {
                return index;
            }
        }
        if let Some(known) = self.known_acronym_after(&found) {
            let index = self.entity_index(EntityKey::Known(known.index), || {
                ArticleEntity::new(Some(known.index), &known.name, known.kind, known.subtype)
            });
            self.push_mention(found.start, found.end, index);
            return index;
        }
        let index = self.entity_index(EntityKey::Local(key), || {
            ArticleEntity::new(None, &name, found.kind, subtype)
        });
        self.remember(found.start, found.end, found.kind, index);
        if found.kind == EntityType::Organization && found.end - found.start == 1 {
            self.memory.organization_word(&name, index);
        }
        self.push_mention(found.start, found.end, index);
        index
    }

    /// A person the knowledge base knows by the first and last words of a longer name the
    /// article gives in full, as courts, indictments and Russian usage do: "Rodrigo Roa
    /// Duterte", "Donald John Trump", "Roman Vladimirovich Starovoit".
    #[inline(never)]
    fn known_without_middle_names(&self, found: &patterns::PatternName) -> Option<Candidate> {
        if found.kind != EntityType::Person || found.end - found.start < 3 {
            return None;
        }
        let mut last = found.end - 1;
        let suffix = matches!(&*self.tokens[last].norm, "jr" | "sr");
        if suffix {
            last -= 1;
        }
        if last < found.start + 2 {
            return None;
        }
        let first = &self.tokens[found.start].norm;
        let mut key = format!("{first} {}", self.tokens[last].norm);
        if suffix {
            key = format!("{key} {}", self.tokens[found.end - 1].norm);
        }
        self.kb
            .lookup(&key)
            .into_iter()
            .filter(|c| {
                c.flags & (ALIAS_SURNAME | ALIAS_TITLE) == 0
                    && c.prominence >= MIDDLE_NAMES_PROMINENCE
                    && self
                        .entity(c.entity)
                        .is_some_and(|e| e.kind == EntityType::Person)
            })
            .max_by_key(|c| c.prominence)
    }

    /// The known organisation whose acronym stands in brackets right after an organisation's
    /// name the knowledge base lacks, when the two names share a word: "the Social Democratic
    /// Party (SPD)" is Germany's party, though "SPD" spells no English initials.
    fn known_acronym_after(&self, found: &patterns::PatternName) -> Option<EntityRecord<'k>> {
        let at = found.end;
        let bracketed = found.kind == EntityType::Organization
            && self.tokens.get(at)?.shape == Shape::Upper
            && acronyms::is_bracketed_alone(self.text, &self.tokens, at);
        if !bracketed {
            return None;
        }
        let (1, c) = self.known_at(at)? else {
            return None;
        };
        let entity = self.entity(c.entity)?;
        let known_words = crate::text::tokenize(&entity.name);
        let shares_word = self.tokens[found.start..found.end].iter().any(|t| {
            t.is_capitalized()
                && !patterns::is_name_link(&t.norm)
                && known_words.iter().any(|k| k.norm == t.norm)
        });
        (c.has(ALIAS_ACRONYM) && entity.kind == EntityType::Organization && shares_word)
            .then_some(entity)
    }

    /// Whether a word that credits a report or says what reports comes right before token
    /// `start` ("reported PTI", "told AFP", "according to AP", "news agency PTI").
    fn after_reporting_word(&self, start: usize) -> bool {
        start > 0
            && self.tokens[start].gap == Gap::Space
            && match &*self.tokens[start - 1].norm {
                "reported" | "told" | "via" | "newspaper" | "daily" | "broadcaster" => true,
                "agency" => start > 1 && self.tokens[start - 2].norm == "news",
                "to" => start > 1 && self.tokens[start - 2].norm == "according",
                _ => false,
            }
    }

    /// Whether the compass word at `start` shares the name after "and" with another one:
    /// "Central and South America", "North and South Korea", "East and West Africa".
    fn compass_shares_a_name(&self, start: usize) -> bool {
        let compass = |t: &Token| {
            patterns::is_compass_word(&t.norm) || matches!(&*t.norm, "central" | "upper" | "lower")
        };
        compass(&self.tokens[start])
            && self.tokens.get(start + 1).is_some_and(|t| t.norm == "and")
            && self
                .tokens
                .get(start + 2)
                .is_some_and(|t| t.is_capitalized() && compass(t))
    }

    /// Whether the place name at `start..end` names an oil grade, a dish, a weapon or a
    /// slogan ("Brent crude", "West Texas Intermediate crude", "beef Wellington", "chicken
    /// Kiev", "Brussels sprouts", "Yorkshire pudding", "Molotov cocktails", "Make America
    /// Great Again").
    fn names_a_product(&self, start: usize, end: usize) -> bool {
        let after = self.tokens.get(end).is_some_and(|t| {
            t.gap == Gap::Space
                && matches!(
                    &*t.norm,
                    "crude"
                        | "cream"
                        | "sprout"
                        | "sprouts"
                        | "sauce"
                        | "tart"
                        | "pudding"
                        | "sole"
                        | "bun"
                        | "buns"
                        | "pasty"
                        | "cocktail"
                        | "cocktails"
                )
        });
        let before = start > 0
            && self.tokens[start].gap == Gap::Space
            && matches!(&*self.tokens[start - 1].norm, "beef" | "chicken");
        // "Make America Great Again", "Making America Healthy Again": a slogan.
        let slogan = start > 0
            && self.tokens[start - 1].shape == Shape::Capitalized
            && matches!(&*self.tokens[start - 1].norm, "make" | "making" | "makes")
            && self.tokens[end..self.tokens.len().min(end + 3)]
                .iter()
                .any(|t| t.norm == "again");
        after || before || slogan
    }

    /// Whether a saint's name in the possessive comes right before token `start` ("St.
    /// Mary's", "Saint Patrick's"): what follows names a church, school or hospital of its
    /// own.
    fn after_saints_name(&self, start: usize) -> bool {
        start >= 3
            && self.tokens[start - 1].is_possessive()
            && self.tokens[start - 2].shape == Shape::Capitalized
            && matches!(&*self.tokens[start - 3].norm, "st" | "saint")
    }

    /// Whether tokens `start..end` are only part of a longer capitalised name: "Paris" in
    /// "Valeska Paris", "Kamen" in "Dean Kamen". Titles, organisation words and sentence
    /// starts do not count as part of the name.
    fn in_longer_name(&self, start: usize, end: usize) -> bool {
        let joined_name = |t: &Token| {
            t.is_capitalized()
                && !patterns::is_person_title(&t.norm)
                && !patterns::is_not_name(&t.norm)
                && !patterns::is_organization_head(&t.norm)
        };
        let after = self
            .tokens
            .get(end)
            .is_some_and(|t| t.gap.joins_name() && joined_name(t));
        let before = start > 0
            && self.tokens[start].gap.joins_name()
            && joined_name(&self.tokens[start - 1])
            && !(self.tokens[start - 1].gap.starts_sentence()
                && self.tokens[start - 1].shape == Shape::Capitalized
                && !self.given_name_at(start - 1));
        after || before
    }

    /// "the Israel-Hamas war", "a Texas-Mexico border crossing": an organisation or a region
    /// hyphened to another known organisation or place names the two, not one longer name.
    /// A person's or a city's name is left out: "Jean-Pierre" is no city of Pierre.
    fn compound_of_known_names(&self, entity: &EntityRecord<'_>, start: usize, end: usize) -> bool {
        if entity.kind == EntityType::Person || entity.subtype == "city" {
            return false;
        }
        let actor_or_site = |c: &Candidate, e: &EntityRecord<'_>| {
            e.kind != EntityType::Person && e.subtype != "city" && !c.has(ALIAS_COMMON_WORD)
        };
        let before = self.tokens[start].gap == Gap::Hyphen
            && (start.saturating_sub(3)..start).any(|k| self.reads_as(k, start - k, actor_or_site));
        let after = self.tokens.get(end).is_some_and(|t| t.gap == Gap::Hyphen)
            && (1..=3).any(|len| self.reads_as(end, len, actor_or_site));
        before || after
    }

    /// "White House Press Secretary Karoline Leavitt": a known name, then the first word of a
    /// capitalised title ("Press Secretary", "Communications Director"), is the known name;
    /// the words are no new organisation ("Minneapolis Police Chief" is the police's).
    fn known_before_a_title(&self, found: &patterns::PatternName) -> bool {
        matches!(
            &*self.tokens[found.end - 1].norm,
            "press" | "communications"
        ) && patterns::title_follows(&self.tokens, found.end)
            && self
                .alias_matches(found.start)
                .iter()
                .any(|(len, _)| found.start + len < found.end)
    }

    /// Whether the name at tokens `start..end` begins with "the" and a capitalised word of
    /// another name follows it without a break; its owner's name ("The New York Times
    /// Company") is close enough to it.
    fn article_name_runs_on(&self, start: usize, end: usize) -> bool {
        end - start > 1
            && self.tokens[start].norm == "the"
            && self.tokens.get(end).is_some_and(|t| {
                t.gap == Gap::Space
                    && t.shape == Shape::Capitalized
                    && !self.caps_block[end]
                    && !patterns::is_not_name(&t.norm)
                    && !matches!(&*t.norm, "company" | "co" | "group" | "media")
            })
            && !disambiguate::legal_form_at(&self.tokens, end)
    }

    fn entity_index(&mut self, key: EntityKey, make: impl FnOnce() -> ArticleEntity) -> usize {
        let known = match &key {
            EntityKey::Known(entity) => self.known_keys.get(entity),
            EntityKey::Local(name) => self.local_keys.get(name),
        };
        if let Some(&index) = known {
            return index;
        }
        let index = self.scan.entities.len();
        self.scan.entities.push(make());
        match key {
            EntityKey::Known(entity) => self.known_keys.insert(entity, index),
            EntityKey::Local(name) => self.local_keys.insert(name, index),
        };
        index
    }

    /// Whether a plus sign ends the word before token `end` ("OPEC+ agreed").
    fn plus_after(&self, end: usize) -> bool {
        self.text[self.tokens[end - 1].end..].starts_with('+')
    }

    fn push_mention(&mut self, start: usize, end: usize, entity: usize) {
        let (from, mut to) = (self.tokens[start].start, self.tokens[end - 1].end);
        if self.plus_after(end) && self.scan.entities[entity].name.ends_with('+') {
            to += 1;
        }
        // "Washington, D.C.": a place named twice across a comma is one name.
        if let Some(last) = self.scan.mentions.last_mut() {
            let place = self.scan.entities[entity].kind == EntityType::Place;
            if place && last.entity == entity && self.text[last.end..from].trim() == "," {
                last.end = to;
                return;
            }
        }
        self.scan.entities[entity].mention_count += 1;
        self.scan.mentions.push(Mention {
            start: from,
            end: to,
            entity,
        });
    }
}

#[cfg(test)]
mod tests;
