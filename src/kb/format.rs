//! The layout of the two knowledge files, shared by the compiler (`build.rs`) and readers.
//!
//! `kb.bin` holds what detection needs on every page, and nothing else:
//! ```text
//! header   MAGIC, VERSION, then SECTION_COUNT (offset u32, length u32) pairs
//! fst      fst::Map: alias key (normalised tokens joined by ' ') -> candidate list offset
//! cands    per key: count u8, then count x CANDIDATE_SIZE bytes
//! entities entity_count x ENTITY_SIZE bytes
//! strings  u32-length-prefixed UTF-8 strings (names, exact alias forms)
//! meta     "as_of=...;entities=..."
//! given    fst::Set of given names (first words of people's names seen at least twice),
//!          the cue for people the knowledge base lacks ("Dean Kamen")
//! ```
//! `kb-cards.bin` holds what only an open card needs, so a tab loads it on first hover:
//! ```text
//! header   CARDS_MAGIC, VERSION, then CARDS_SECTION_COUNT (offset, length) pairs
//! offsets  entity_count x u32: where each entity's details start
//! details  per entity: (tag u8, string ref u32) fields ending with tag 0
//! strings  u32-length-prefixed UTF-8 strings
//! outlines one line per country: "<ISO alpha-2> <SVG path>" in a 720 x 360 equirectangular
//!          frame (half a degree a unit), for the card's locator map
//! ```
//! All integers are little-endian. Fixed-size records keep readers free of parsing: a
//! lookup reads a few bytes at computed offsets.

pub const MAGIC: &[u8; 4] = b"BSKB";
pub const CARDS_MAGIC: &[u8; 4] = b"BSKC";
pub const VERSION: u32 = 4;

pub const SECTION_FST: usize = 0;
pub const SECTION_CANDIDATES: usize = 1;
pub const SECTION_ENTITIES: usize = 2;
pub const SECTION_STRINGS: usize = 3;
pub const SECTION_META: usize = 4;
pub const SECTION_GIVEN_NAMES: usize = 5;
pub const SECTION_COUNT: usize = 6;

pub const CARDS_SECTION_OFFSETS: usize = 0;
pub const CARDS_SECTION_DETAILS: usize = 1;
pub const CARDS_SECTION_STRINGS: usize = 2;
pub const CARDS_SECTION_OUTLINES: usize = 3;
pub const CARDS_SECTION_COUNT: usize = 4;

pub const fn header_size(sections: usize) -> usize {
    8 + sections * 8
}

/// entity u32, flags u8, prominence u8, capital mask u8, exact surface string ref u32.
pub const CANDIDATE_SIZE: usize = 11;
/// name ref u32, type u8, subtype u8, country [u8; 2], prominence u8, 3 bytes of padding.
pub const ENTITY_SIZE: usize = 12;

pub const NO_STRING: u32 = u32::MAX;

// Alias flags.
pub const ALIAS_EXACT_CASE: u8 = 1;
pub const ALIAS_COMMON_WORD: u8 = 2;
pub const ALIAS_SURNAME: u8 = 4;
pub const ALIAS_ACRONYM: u8 = 8;
pub const ALIAS_DEMONYM: u8 = 16;
pub const ALIAS_TITLE: u8 = 32;
/// The entity's display name (not a variant).
pub const ALIAS_PRIMARY: u8 = 64;

// Detail tags.
pub const DETAIL_END: u8 = 0;
pub const DETAIL_SUMMARY: u8 = 1;
pub const DETAIL_WIKI: u8 = 2;
pub const DETAIL_BORN: u8 = 3;
pub const DETAIL_DIED: u8 = 4;
pub const DETAIL_FOUNDED: u8 = 5;
/// "lat,lon"
pub const DETAIL_COORDS: u8 = 6;
pub const DETAIL_POPULATION: u8 = 7;
pub const DETAIL_CAPITAL: u8 = 8;
/// title, of, start, end, as_of, source joined by ROLE_SEPARATOR.
pub const DETAIL_ROLE: u8 = 9;
pub const DETAIL_SOURCE: u8 = 10;
pub const DETAIL_AS_OF: u8 = 11;
pub const DETAIL_LICENCE: u8 = 12;
pub const DETAIL_ID: u8 = 13;
pub const ROLE_SEPARATOR: char = '\u{1f}';

pub const TYPES: [&str; 3] = ["person", "organization", "place"];

pub const SUBTYPES: [&str; 31] = [
    "person",
    "politician",
    "diplomat",
    "head_of_state",
    "monarch",
    "religious_leader",
    "military",
    "business",
    "journalist",
    "organization",
    "government",
    "intergovernmental",
    "armed_group",
    "military_force",
    "intelligence",
    "media",
    "party",
    "company",
    "ngo",
    "place",
    "country",
    "territory",
    "city",
    "region",
    "facility",
    "military_base",
    "waterway",
    "landmark",
    "unused_1",
    "unused_2",
    "unused_3",
];

/// The subtype code for a record's (type, subtype) pair; "military" means a person for
/// people and a force for organisations.
pub fn subtype_code(kind: &str, subtype: &str) -> Option<u8> {
    let name = if kind == "organization" && subtype == "military" {
        "military_force"
    } else {
        subtype
    };
    SUBTYPES
        .iter()
        .position(|s| *s == name && !s.starts_with("unused"))
        .map(|i| i as u8)
}

pub fn type_code(kind: &str) -> Option<u8> {
    TYPES.iter().position(|t| *t == kind).map(|i| i as u8)
}
