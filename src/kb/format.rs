//! The layout of the knowledge files, shared by the compiler (`build.rs`) and readers.
//!
//! Detection knowledge comes in two shards with the same layout, so a tab can start with the
//! small one. Entities are numbered over the whole knowledge base in the order of their
//! names' alias keys; `kb-hot.bin` holds the records of the entities the news names most, a
//! map of which numbers those are, and only their aliases; `kb.bin` holds the other records
//! and the aliases of all entities. Together they are the whole knowledge base; only the hot
//! aliases are stored twice.
//! ```text
//! header   MAGIC, VERSION, then SECTION_COUNT (offset u32, length u32) pairs
//! fst      fst::Map: alias key (normalised tokens joined by ' ') -> candidates. An alias
//!          with one plain candidate (most of them) is stored in the value itself
//!          (`InlineCandidate`); otherwise the value is a list offset shifted left by one
//! cands    per list: count u8, then per candidate entity u24, flags u8, capital mask u8,
//!          prominence u8, and the exact form's string ref u24 when flags has EXACT_CASE
//! entities ENTITY_SIZE bytes per entity of this shard, in entity order
//! strings  varint-length-prefixed UTF-8 strings (exact alias forms)
//! meta     "as_of=...;entities=<in the whole knowledge base>;part=hot|rest"
//! given    fst::Set of given names, the cue for people the knowledge base lacks ("Dean
//!          Kamen"); in the hot shard only
//! hot map  in the hot shard only: per 64 entities, the number of hot entities before them
//!          (u32) and a u64 whose bit i says whether entity 64k + i is hot
//! names    the entities' names in entity order, front-coded in blocks of NAME_BLOCK: per
//!          name the bytes it shares with the name before (varint, 0 for a block's first
//!          name and for names longer than INLINE_NAME), the length of the rest (varint),
//!          then the rest. Neighbouring names share much ("San Juan", "San Juan del Sur"):
//!          a quarter of the section.
//! name ix  u32 per NAME_BLOCK entities of this shard: where the block's first name starts
//! countries ISO alpha-2 codes, two bytes each; an entity's country byte is 1 + its position
//! ```
//! `kb-cards.bin` holds what only an open card needs, so a tab loads it on first hover:
//! ```text
//! header   CARDS_MAGIC, VERSION, then CARDS_SECTION_COUNT (offset, length) pairs
//! index    u32 per CARD_BLOCK entities: where the block's first details start
//! details  per entity, in entity order: presence bits (`CARD_*`), then the present fields
//!          in the order of the bits; strings are varint refs into `strings`
//! strings  varint-length-prefixed UTF-8 strings, the most used first (smaller refs)
//! outlines one line per country: "<ISO alpha-2> <SVG path>" in a 720 x 360 equirectangular
//!          frame (half a degree a unit), for the card's locator map
//! ```
//! `kb-sources.bin` holds where each fact came from. No card shows it, so the extension does
//! not ship it (it would take an eighth of the package's knowledge budget); the command-line
//! tool embeds it for `backstory lookup`:
//! ```text
//! header   PROVENANCE_MAGIC, VERSION, then PROVENANCE_SECTION_COUNT (offset, length) pairs
//! index    u32 per CARD_BLOCK entities: where the block's first entry starts
//! details  per entity, in entity order: a presence byte (`PROVENANCE_*`), then the present
//!          fields in the order of the bits; strings are varint refs into `strings`
//! strings  as in `kb-cards.bin`; a source URL starts with one control character for its
//!          common beginning (`URL_PREFIXES`)
//! ```
//! Fixed-size integers are little-endian; varints are LEB128. Entity records are fixed-size,
//! so reading one is a few bytes at a computed offset; card details are decoded on hover.

pub const MAGIC: &[u8; 4] = b"BSKB";
pub const CARDS_MAGIC: &[u8; 4] = b"BSKC";
pub const PROVENANCE_MAGIC: &[u8; 4] = b"BSKS";
pub const VERSION: u32 = 8;

pub const SECTION_FST: usize = 0;
pub const SECTION_CANDIDATES: usize = 1;
pub const SECTION_ENTITIES: usize = 2;
pub const SECTION_STRINGS: usize = 3;
pub const SECTION_META: usize = 4;
pub const SECTION_GIVEN_NAMES: usize = 5;
pub const SECTION_HOT_MAP: usize = 6;
pub const SECTION_NAMES: usize = 7;
pub const SECTION_NAME_INDEX: usize = 8;
pub const SECTION_COUNTRIES: usize = 9;
pub const SECTION_COUNT: usize = 10;
/// Entities per entry of the name index: a name is found by skipping at most this many
/// others, and the index costs a quarter of a byte per entity.
pub const NAME_BLOCK: u32 = 16;
/// Bytes per 64 entities in the hot map.
pub const HOT_MAP_WORD: usize = 12;

pub const CARDS_SECTION_INDEX: usize = 0;
pub const CARDS_SECTION_DETAILS: usize = 1;
pub const CARDS_SECTION_STRINGS: usize = 2;
pub const CARDS_SECTION_OUTLINES: usize = 3;
pub const CARDS_SECTION_COUNT: usize = 4;

pub const PROVENANCE_SECTION_INDEX: usize = 0;
pub const PROVENANCE_SECTION_DETAILS: usize = 1;
pub const PROVENANCE_SECTION_STRINGS: usize = 2;
pub const PROVENANCE_SECTION_COUNT: usize = 3;

pub const fn header_size(sections: usize) -> usize {
    8 + sections * 8
}

/// A listed candidate without its optional exact form: entity u24, flags, mask, prominence.
pub const CANDIDATE_SIZE: usize = 6;
/// ENTITY_CAPITALISED | type << 5 | subtype, country (0 or 1 + its place in the country
/// table), prominence: a byte each.
pub const ENTITY_SIZE: usize = 3;
/// Every token of the entity's name is capitalised (most are; the others' capital masks are
/// worked out from the name when needed).
pub const ENTITY_CAPITALISED: u8 = 0x80;

/// String refs are u24 in the shards' string pools.
pub const NO_STRING: u32 = 0xFF_FFFF;

/// Automaton values that hold their one candidate (most aliases) have bit 0 set. With bit 1
/// also set, the candidate is the entity's own name as written (flags `ALIAS_PRIMARY`, the
/// capitals of its name), and the rest is the entity: entities are
/// numbered in key order, so neighbouring keys carry close values, which the automaton stores
/// in few bytes. Otherwise the entity is in bits 2-24, flags in 25-31 and the mask in 32-39.
/// Values with bit 0 clear are candidate list offsets shifted left by one.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum InlineCandidate {
    OwnName(u32),
    Alias { entity: u32, flags: u8, mask: u8 },
}

impl InlineCandidate {
    pub fn value(self) -> u64 {
        match self {
            InlineCandidate::OwnName(entity) => 0b11 | u64::from(entity) << 2,
            InlineCandidate::Alias {
                entity,
                flags,
                mask,
            } => {
                0b01 | u64::from(entity & MAX_ENTITIES as u32) << 2
                    | u64::from(flags & 0x7f) << 25
                    | u64::from(mask) << 32
            }
        }
    }

    pub fn read(value: u64) -> Option<Self> {
        match value & 0b11 {
            0b11 => Some(InlineCandidate::OwnName(
                u32::try_from(value >> 2).unwrap_or(u32::MAX),
            )),
            0b01 => Some(InlineCandidate::Alias {
                entity: ((value >> 2) & MAX_ENTITIES as u64) as u32,
                flags: ((value >> 25) & 0x7f) as u8,
                mask: ((value >> 32) & 0xff) as u8,
            }),
            _ => None,
        }
    }
}

/// Most entities a knowledge base can hold (entity numbers are 23 bits in automaton values).
pub const MAX_ENTITIES: usize = 0x7f_ffff;

pub fn put_u24(out: &mut Vec<u8>, value: u32) {
    out.extend_from_slice(&value.to_le_bytes()[..3]);
}

pub fn u24_at(bytes: &[u8], at: usize) -> Option<u32> {
    let b = bytes.get(at..at.checked_add(3)?)?;
    Some(u32::from_le_bytes([b[0], b[1], b[2], 0]))
}

pub fn put_varint(out: &mut Vec<u8>, mut value: u64) {
    while value >= 0x80 {
        out.push((value as u8) | 0x80);
        value >>= 7;
    }
    out.push(value as u8);
}

/// Reads a LEB128 varint at `*at` and moves past it; None past the end or when too long.
pub fn read_varint(bytes: &[u8], at: &mut usize) -> Option<u64> {
    let mut value = 0u64;
    for shift in (0..64).step_by(7) {
        let byte = *bytes.get(*at)?;
        *at += 1;
        value |= u64::from(byte & 0x7f) << shift;
        if byte & 0x80 == 0 {
            return Some(value);
        }
    }
    None
}

/// Longest name a reader rebuilds from its front-coded parts; longer names are stored whole.
pub const INLINE_NAME: usize = 56;

/// Writes `name` front-coded against `previous`, the name before it in its block (`None`
/// for a block's first name).
pub fn put_front_coded_name(out: &mut Vec<u8>, previous: Option<&str>, name: &str) {
    let mut shared = previous.map_or(0, |p| {
        p.bytes()
            .zip(name.bytes())
            .take_while(|(a, b)| a == b)
            .count()
    });
    while !name.is_char_boundary(shared) {
        shared -= 1;
    }
    if name.len() > INLINE_NAME {
        shared = 0;
    }
    put_varint(out, shared as u64);
    put_varint(out, (name.len() - shared) as u64);
    out.extend_from_slice(&name.as_bytes()[shared..]);
}

/// A varint-length-prefixed string at `at` in a string pool.
pub fn pool_string(pool: &[u8], at: u32) -> Option<&str> {
    let mut at = at as usize;
    let len = usize::try_from(read_varint(pool, &mut at)?).ok()?;
    let bytes = pool.get(at..at.checked_add(len)?)?;
    std::str::from_utf8(bytes).ok()
}

/// Beginnings most source URLs share (4,300 of 4,600 start "https://"), stored in the
/// provenance pool as one control character, U+0001 for the first: 56 kB smaller.
/// Longest first, so that a URL takes the longest that fits.
const URL_PREFIXES: [&str; 5] = [
    "https://en.wikipedia.org/wiki/",
    "https://www.",
    "https://",
    "http://www.",
    "http://",
];

/// A source URL as the provenance pool stores it (see `URL_PREFIXES`).
pub fn shorten_url(url: &str) -> String {
    URL_PREFIXES
        .iter()
        .zip('\u{1}'..)
        .find_map(|(prefix, code)| url.strip_prefix(prefix).map(|rest| format!("{code}{rest}")))
        .unwrap_or_else(|| url.to_string())
}

/// A source URL as `shorten_url` stored it, spelt out again.
pub fn expand_url(stored: &str) -> std::borrow::Cow<'_, str> {
    let mut chars = stored.chars();
    let prefix = chars
        .next()
        .and_then(|code| (code as usize).checked_sub(1))
        .and_then(|i| URL_PREFIXES.get(i));
    match prefix {
        Some(prefix) => format!("{prefix}{}", chars.as_str()).into(),
        None => stored.into(),
    }
}

/// Appends a string to a pool and returns its ref.
pub fn put_pool_string(pool: &mut Vec<u8>, s: &str) -> u32 {
    let at = pool.len() as u32;
    put_varint(pool, s.len() as u64);
    pool.extend_from_slice(s.as_bytes());
    at
}

// Alias flags.
pub const ALIAS_EXACT_CASE: u8 = 1;
pub const ALIAS_COMMON_WORD: u8 = 2;
pub const ALIAS_SURNAME: u8 = 4;
pub const ALIAS_ACRONYM: u8 = 8;
pub const ALIAS_DEMONYM: u8 = 16;
pub const ALIAS_TITLE: u8 = 32;
/// The entity's display name (not a variant).
pub const ALIAS_PRIMARY: u8 = 64;

/// Entities per entry of the card index: a card decodes at most this many details to find
/// its own, and the index costs a byte per eight entities.
pub const CARD_BLOCK: u32 = 32;

// Card presence bits, stored in one to three bytes: the first byte holds bits 0-7; bit 7
// says a second byte (bits 8-15) follows, and bit 15 a third (bits 16-23). The low two bits
// are the id's kind (`ID_*`). A town's card (summary, coordinates, population, a Wikipedia
// title spelt like its name) fits the first byte.
pub const CARD_SUMMARY: u32 = 1 << 2;
/// Latitude and longitude in a u32: `(lat + 90) * 100` in the low 15 bits, `(lon + 180) *
/// 100` above; a hundredth of a degree (about a kilometre) is finer than the card's map.
pub const CARD_COORDS: u32 = 1 << 3;
pub const CARD_POPULATION: u32 = 1 << 4;
pub const CARD_WIKI: u32 = 1 << 5;
/// The Wikipedia title is the entity's name with underscores for spaces.
pub const CARD_WIKI_IS_NAME: u32 = 1 << 6;
pub const CARD_MORE: u32 = 1 << 7;
pub const CARD_BORN: u32 = 1 << 8;
pub const CARD_DIED: u32 = 1 << 9;
/// A count, then per role `ROLE_FIELDS` refs: title, of, start, end, as of.
pub const CARD_ROLES: u32 = 1 << 10;
pub const CARD_AS_OF: u32 = 1 << 11;
pub const CARD_FOUNDED: u32 = 1 << 12;
pub const CARD_CAPITAL: u32 = 1 << 13;
pub const CARD_EVEN_MORE: u32 = 1 << 15;

/// The fields of a role in the card details.
pub const ROLE_FIELDS: usize = 5;

// Provenance presence bits, one byte per entity in `kb-sources.bin`.
/// A count, then that many refs.
pub const PROVENANCE_SOURCES: u8 = 1;
/// Sources and licence are the previous entity's (never on a block's first entity).
pub const PROVENANCE_SAME_SOURCES: u8 = 1 << 1;
pub const PROVENANCE_LICENCE: u8 = 1 << 2;
/// A count (the card's roles), then a ref per role: its source, empty when it has none.
pub const PROVENANCE_ROLES: u8 = 1 << 3;

/// The Wikipedia title a name has when `CARD_WIKI_IS_NAME` is set.
pub fn wiki_title_of(name: &str) -> String {
    name.replace(' ', "_")
}

/// Packs coordinates for `CARD_COORDS`.
pub fn pack_coords(lat: f64, lon: f64) -> u32 {
    let lat = ((lat.clamp(-90.0, 90.0) + 90.0) * 100.0).round() as u32;
    let lon = ((lon.clamp(-180.0, 180.0) + 180.0) * 100.0).round() as u32;
    lat | lon << 15
}

pub fn unpack_coords(packed: u32) -> (f64, f64) {
    let lat = f64::from(packed & 0x7fff) / 100.0 - 90.0;
    let lon = f64::from(packed >> 15) / 100.0 - 180.0;
    (lat, lon)
}

// Id kinds: most ids are a number or the entity's name in a known shape, not a string.
pub const ID_STRING: u32 = 0;
/// "Q" and a varint.
pub const ID_WIKIDATA: u32 = 1;
/// "bs:geonames:" and a varint.
pub const ID_GEONAMES: u32 = 2;
/// A prefix from `SLUG_PREFIXES` (one byte) and the slug of the entity's name.
pub const ID_SLUG: u32 = 3;
pub const ID_KIND_MASK: u32 = 3;
pub const WIKIDATA_PREFIX: &str = "Q";
pub const GEONAMES_PREFIX: &str = "bs:geonames:";

pub const SLUG_PREFIXES: [&str; 8] = [
    "bs:phoenix:",
    "bs:org:",
    "bs:person:",
    "bs:region:",
    "bs:waterway:",
    "bs:landmark:",
    "bs:facility:",
    "bs:base:",
];

/// The importer's id slug of a name: its alias key with hyphens for spaces.
pub fn name_slug(name: &str) -> String {
    let slug = crate::text::normalize_phrase(name).replace(' ', "-");
    if slug.is_empty() {
        "x".to_string()
    } else {
        slug
    }
}

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
    "sports_team",
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn source_urls_are_stored_short_and_read_back_whole() {
        for url in [
            "https://en.wikipedia.org/wiki/Ali_Khamenei",
            "https://www.reuters.com/world/",
            "https://apnews.com/article/x",
            "http://www.example.org/a",
            "http://example.org/b",
            "phoenix/Phoenix.Countries.actors.txt",
            "",
        ] {
            let stored = shorten_url(url);
            assert!(stored.len() <= url.len());
            assert_eq!(expand_url(&stored), url);
        }
        assert_eq!(shorten_url("https://en.wikipedia.org/wiki/X").len(), 2);
    }
}
