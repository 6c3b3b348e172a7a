//! Reads the compiled knowledge straight from its bytes.
//!
//! Opening checks the header and the automata's checksums and builds nothing: the alias
//! automaton is an `fst::Map` over the same bytes and entity records are fixed-size. Card
//! details live in a second file (`Cards`) that a tab only loads when a card opens.
//! Start-up is a few header checks and one checksum pass (about 0.5 ms); every other reader
//! bounds-checks what it reads, so damaged bytes give errors or wrong answers, not panics.

pub mod format;

use crate::error::Error;
use crate::text::Token;
use format::*;
use fst::raw::Output;

/// The detection knowledge compiled from `kb/` at build time (native builds embed it; the
/// extension ships it as a file).
#[cfg(not(target_arch = "wasm32"))]
pub static EMBEDDED: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/kb.bin"));
/// The hot part of `EMBEDDED`: the same first entities, and only their aliases; a tab
/// loads it first.
#[cfg(not(target_arch = "wasm32"))]
pub static EMBEDDED_HOT: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/kb-hot.bin"));
/// The card details compiled from `kb/` at build time.
#[cfg(not(target_arch = "wasm32"))]
pub static EMBEDDED_CARDS: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/kb-cards.bin"));

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum EntityType {
    Person,
    Organization,
    Place,
}

impl EntityType {
    pub fn as_str(self) -> &'static str {
        match self {
            EntityType::Person => "person",
            EntityType::Organization => "organization",
            EntityType::Place => "place",
        }
    }
    fn from_code(code: u8) -> Self {
        match code {
            0 => EntityType::Person,
            1 => EntityType::Organization,
            _ => EntityType::Place,
        }
    }
}

pub struct Kb<'a> {
    bytes: &'a [u8],
    aliases: fst::Map<&'a [u8]>,
    given_names: fst::Set<&'a [u8]>,
    sections: Vec<(usize, usize)>,
}

/// Card details, indexed like the entities of the `Kb` compiled with them.
pub struct Cards<'a> {
    bytes: &'a [u8],
    sections: Vec<(usize, usize)>,
}

/// One entity an alias may refer to, with what the alias says about how to match it.
#[derive(Clone, Copy, Debug)]
pub struct Candidate {
    pub entity: u32,
    pub flags: u8,
    pub prominence: u8,
    /// Bit i set: token i of the alias is capitalised in the knowledge base.
    pub capital_mask: u8,
    exact: u32,
}

impl Candidate {
    pub fn has(&self, flag: u8) -> bool {
        self.flags & flag != 0
    }
}

/// A fixed-size entity record.
#[derive(Clone, Copy, Debug)]
pub struct EntityRecord<'a> {
    pub index: u32,
    pub name: &'a str,
    pub kind: EntityType,
    pub subtype: &'static str,
    /// ISO 3166-1 alpha-2, empty when unknown.
    pub country: &'a str,
    pub prominence: u8,
}

/// Card facts of one entity, decoded on demand.
#[derive(Clone, Debug, Default)]
pub struct Details<'a> {
    pub id: Option<&'a str>,
    pub summary: Option<&'a str>,
    pub wiki: Option<&'a str>,
    pub born: Option<&'a str>,
    pub died: Option<&'a str>,
    pub founded: Option<&'a str>,
    pub coords: Option<(f64, f64)>,
    pub population: Option<u64>,
    pub capital: Option<&'a str>,
    pub roles: Vec<Role<'a>>,
    pub sources: Vec<&'a str>,
    pub as_of: Option<&'a str>,
    pub licence: Option<&'a str>,
}

#[derive(Clone, Debug, Default)]
pub struct Role<'a> {
    pub title: &'a str,
    pub of: &'a str,
    pub start: &'a str,
    pub end: &'a str,
    pub as_of: &'a str,
    pub source: &'a str,
}

/// Reads a little-endian u32 at `at`, or None past the end.
fn u32_at(bytes: &[u8], at: usize) -> Option<u32> {
    let slice = bytes.get(at..at.checked_add(4)?)?;
    Some(u32::from_le_bytes([slice[0], slice[1], slice[2], slice[3]]))
}

/// Checks magic, version and section bounds of a compiled file.
fn read_sections(
    bytes: &[u8],
    magic: &[u8; 4],
    count: usize,
    what: &str,
) -> Result<Vec<(usize, usize)>, Error> {
    if bytes.len() < header_size(count) || &bytes[..4] != magic {
        return Err(Error::kb(format!(
            "not a Backstory {what} file (bad magic)"
        )));
    }
    let version = u32_at(bytes, 4).unwrap_or(0);
    if version != VERSION {
        return Err(Error::kb(format!(
            "{what} format {version}, this build reads {VERSION}; rebuild the extension"
        )));
    }
    (0..count)
        .map(|i| {
            let offset = u32_at(bytes, 8 + i * 8).unwrap_or(0) as usize;
            let len = u32_at(bytes, 12 + i * 8).unwrap_or(0) as usize;
            if offset.checked_add(len).is_none_or(|end| end > bytes.len()) {
                return Err(Error::kb(format!(
                    "{what}: section {i} runs past the end of the file"
                )));
            }
            Ok((offset, len))
        })
        .collect()
}

/// A u32-length-prefixed string at `at` in a string pool.
fn pool_string(pool: &[u8], at: u32) -> Option<&str> {
    if at == NO_STRING {
        return None;
    }
    let at = at as usize;
    let len = u32_at(pool, at)? as usize;
    let first = at.checked_add(4)?;
    let bytes = pool.get(first..first.checked_add(len)?)?;
    std::str::from_utf8(bytes).ok()
}

impl<'a> Kb<'a> {
    /// The knowledge base built into this binary.
    #[cfg(not(target_arch = "wasm32"))]
    pub fn embedded() -> Result<Kb<'static>, Error> {
        Kb::open(EMBEDDED)
    }

    /// Checks the header, the section bounds and the automata's checksums; nothing is
    /// copied. The checksums cost one pass over the alias automaton (0.8 MB), and buy a
    /// promise: damaged bytes are refused here rather than making a lookup panic later
    /// (`fst` trusts the addresses it finds in its bytes).
    pub fn open(bytes: &'a [u8]) -> Result<Self, Error> {
        let kb = Kb::open_trusted(bytes)?;
        kb.aliases
            .as_fst()
            .verify()
            .map_err(|e| Error::kb(format!("alias automaton is damaged ({e})")))?;
        kb.given_names
            .as_fst()
            .verify()
            .map_err(|e| Error::kb(format!("given-name set is damaged ({e})")))?;
        Ok(kb)
    }

    /// `open` without the checksums, for bytes that `open` accepted before and that have not
    /// changed since (the content script keeps them for the life of the page and reopens
    /// them for every scan).
    pub fn open_trusted(bytes: &'a [u8]) -> Result<Self, Error> {
        let sections = read_sections(bytes, MAGIC, SECTION_COUNT, "knowledge base")?;
        let (fst_at, fst_len) = sections[SECTION_FST];
        let aliases = fst::Map::new(&bytes[fst_at..fst_at + fst_len])
            .map_err(|e| Error::kb(format!("alias automaton is corrupt: {e}")))?;
        let (given_at, given_len) = sections[SECTION_GIVEN_NAMES];
        let given_names = fst::Set::new(&bytes[given_at..given_at + given_len])
            .map_err(|e| Error::kb(format!("given-name set is corrupt: {e}")))?;
        Ok(Kb {
            bytes,
            aliases,
            given_names,
            sections,
        })
    }

    fn section(&self, which: usize) -> &'a [u8] {
        let (at, len) = self.sections[which];
        &self.bytes[at..at + len]
    }

    pub fn entity_count(&self) -> u32 {
        (self.sections[SECTION_ENTITIES].1 / ENTITY_SIZE) as u32
    }

    /// Whether a normalised word is a given name of some person in the knowledge base.
    pub fn is_given_name(&self, norm: &str) -> bool {
        self.given_names.contains(norm.as_bytes())
    }

    pub fn alias_count(&self) -> usize {
        self.aliases.len()
    }

    pub fn byte_len(&self) -> usize {
        self.bytes.len()
    }

    /// "as_of=...;entities=..." written by the compiler.
    pub fn as_of(&self) -> &'a str {
        let meta = std::str::from_utf8(self.section(SECTION_META)).unwrap_or("");
        meta.split(';')
            .find_map(|kv| kv.strip_prefix("as_of="))
            .unwrap_or("unknown")
    }

    fn string(&self, at: u32) -> Option<&'a str> {
        pool_string(self.section(SECTION_STRINGS), at)
    }

    pub fn entity(&self, index: u32) -> Option<EntityRecord<'a>> {
        let records = self.section(SECTION_ENTITIES);
        let at = (index as usize).checked_mul(ENTITY_SIZE)?;
        let r = records.get(at..at.checked_add(ENTITY_SIZE)?)?;
        let country = std::str::from_utf8(&r[6..8])
            .unwrap_or("")
            .trim_end_matches('\0');
        Some(EntityRecord {
            index,
            name: self.string(u32_at(r, 0)?)?,
            kind: EntityType::from_code(r[4]),
            subtype: SUBTYPES.get(r[5] as usize).copied().unwrap_or("place"),
            country,
            prominence: r[8],
        })
    }

    /// The candidates listed at a value of the alias automaton, read in place.
    pub fn candidates(&self, at: u64) -> Candidates<'a> {
        let list = self.section(SECTION_CANDIDATES);
        let at = usize::try_from(at).unwrap_or(usize::MAX);
        let count = list.get(at).copied().unwrap_or(0);
        Candidates {
            list,
            first: at.saturating_add(1),
            next: 0,
            count: usize::from(count),
        }
    }

    /// The exact capitalisation a case-sensitive alias demands, if any.
    pub fn exact_form(&self, candidate: &Candidate) -> Option<&'a str> {
        self.string(candidate.exact)
    }

    /// Candidates for a whole phrase ("Abbas Araghchi"), normalised like the text.
    pub fn lookup(&self, phrase: &str) -> Vec<Candidate> {
        let key = crate::text::normalize_phrase(phrase);
        self.aliases
            .get(key.as_bytes())
            .map(|at| self.candidates(at).collect())
            .unwrap_or_default()
    }

    /// Every alias that matches token sequences starting at `tokens[start]`, as
    /// (number of tokens, candidate list offset), shortest first. Names continue only
    /// across spaces and hyphens, and never past `MAX_NAME_TOKENS`. Returned by value, not
    /// in a `Vec`: the scanner asks at most tokens.
    pub fn matches_at(&self, tokens: &[Token<'_>], start: usize) -> AliasMatches {
        let fst = self.aliases.as_fst();
        let mut node = fst.root();
        let mut output = Output::zero();
        let mut found = AliasMatches::default();
        let Some(tokens) = tokens.get(start..) else {
            return found;
        };
        for (n, token) in tokens.iter().enumerate().take(MAX_NAME_TOKENS) {
            if n > 0 {
                if !token.gap.joins_name() {
                    break;
                }
                match node.find_input(b' ') {
                    Some(i) => {
                        let t = node.transition(i);
                        output = output.cat(t.out);
                        node = fst.node(t.addr);
                    }
                    None => break,
                }
            }
            let mut complete = true;
            for &byte in token.norm.as_bytes() {
                match node.find_input(byte) {
                    Some(i) => {
                        let t = node.transition(i);
                        output = output.cat(t.out);
                        node = fst.node(t.addr);
                    }
                    None => {
                        complete = false;
                        break;
                    }
                }
            }
            if !complete {
                break;
            }
            if node.is_final() {
                found.push(n + 1, output.cat(node.final_output()).value());
            }
        }
        found
    }
}

/// Longest alias, in tokens, that `Kb::matches_at` follows.
pub const MAX_NAME_TOKENS: usize = 8;

/// The aliases matching at one token: (number of tokens, candidate list offset), shortest
/// first, at most one per length. Small and `Copy` so the scanner can keep one per token.
#[derive(Clone, Copy, Debug, Default)]
pub struct AliasMatches {
    count: u8,
    lens: [u8; MAX_NAME_TOKENS],
    offsets: [u64; MAX_NAME_TOKENS],
}

impl AliasMatches {
    fn push(&mut self, len: usize, at: u64) {
        let slot = usize::from(self.count);
        if slot < MAX_NAME_TOKENS {
            self.lens[slot] = len as u8;
            self.offsets[slot] = at;
            self.count += 1;
        }
    }

    pub fn is_empty(&self) -> bool {
        self.count == 0
    }

    /// Shortest first; `.rev()` for longest first.
    pub fn iter(&self) -> impl DoubleEndedIterator<Item = (usize, u64)> + '_ {
        let count = usize::from(self.count);
        self.lens[..count]
            .iter()
            .zip(&self.offsets[..count])
            .map(|(&len, &at)| (usize::from(len), at))
    }

    pub fn first(&self) -> Option<(usize, u64)> {
        self.iter().next()
    }

    pub fn last(&self) -> Option<(usize, u64)> {
        self.iter().next_back()
    }
}

/// The candidates of one alias, decoded one by one from the candidate section.
#[derive(Clone, Debug)]
pub struct Candidates<'a> {
    list: &'a [u8],
    first: usize,
    next: usize,
    count: usize,
}

impl Iterator for Candidates<'_> {
    type Item = Candidate;

    fn next(&mut self) -> Option<Candidate> {
        while self.next < self.count {
            let at = self.first + self.next * CANDIDATE_SIZE;
            self.next += 1;
            let Some(c) = self.list.get(at..at + CANDIDATE_SIZE) else {
                continue;
            };
            let (Some(entity), Some(exact)) = (u32_at(c, 0), u32_at(c, 7)) else {
                continue;
            };
            return Some(Candidate {
                entity,
                flags: c[4],
                prominence: c[5],
                capital_mask: c[6],
                exact,
            });
        }
        None
    }
}

impl<'a> Cards<'a> {
    /// The card details built into this binary.
    #[cfg(not(target_arch = "wasm32"))]
    pub fn embedded() -> Result<Cards<'static>, Error> {
        Cards::open(EMBEDDED_CARDS)
    }

    pub fn open(bytes: &'a [u8]) -> Result<Self, Error> {
        let sections = read_sections(bytes, CARDS_MAGIC, CARDS_SECTION_COUNT, "card details")?;
        Ok(Cards { bytes, sections })
    }

    fn section(&self, which: usize) -> &'a [u8] {
        let (at, len) = self.sections[which];
        &self.bytes[at..at + len]
    }

    fn string(&self, at: u32) -> Option<&'a str> {
        pool_string(self.section(CARDS_SECTION_STRINGS), at)
    }

    /// The outline of a country (ISO alpha-2 code) as an SVG path in the locator map's
    /// 720 x 360 frame.
    pub fn outline(&self, code: &str) -> Option<&'a str> {
        self.outlines()
            .find_map(|(c, path)| (c == code).then_some(path))
    }

    /// Every country outline: (ISO alpha-2 code, SVG path).
    pub fn outlines(&self) -> impl Iterator<Item = (&'a str, &'a str)> {
        std::str::from_utf8(self.section(CARDS_SECTION_OUTLINES))
            .unwrap_or("")
            .lines()
            .filter_map(|line| line.split_once(' '))
    }

    /// The id (Wikidata QID when known) of an entity.
    pub fn id(&self, entity: u32) -> Option<&'a str> {
        self.details(entity).id
    }

    pub fn details(&self, entity: u32) -> Details<'a> {
        let mut details = Details::default();
        let section = self.section(CARDS_SECTION_DETAILS);
        let Some(start) = u32_at(
            self.section(CARDS_SECTION_OFFSETS),
            (entity as usize).saturating_mul(4),
        ) else {
            return details;
        };
        let mut at = start as usize;
        while let Some(&tag) = section.get(at) {
            if tag == DETAIL_END {
                break;
            }
            let Some(value) = u32_at(section, at + 1).and_then(|s| self.string(s)) else {
                break;
            };
            at += 5;
            match tag {
                DETAIL_SUMMARY => details.summary = Some(value),
                DETAIL_WIKI => details.wiki = Some(value),
                DETAIL_BORN => details.born = Some(value),
                DETAIL_DIED => details.died = Some(value),
                DETAIL_FOUNDED => details.founded = Some(value),
                DETAIL_COORDS => {
                    let mut parts = value.split(',').map(|p| p.parse::<f64>().ok());
                    if let (Some(Some(lat)), Some(Some(lon))) = (parts.next(), parts.next()) {
                        details.coords = Some((lat, lon));
                    }
                }
                DETAIL_POPULATION => details.population = value.parse().ok(),
                DETAIL_CAPITAL => details.capital = Some(value),
                DETAIL_ROLE => {
                    let mut p = value.split(ROLE_SEPARATOR);
                    let mut next = || p.next().unwrap_or("");
                    details.roles.push(Role {
                        title: next(),
                        of: next(),
                        start: next(),
                        end: next(),
                        as_of: next(),
                        source: next(),
                    });
                }
                DETAIL_SOURCE => details.sources.push(value),
                DETAIL_AS_OF => details.as_of = Some(value),
                DETAIL_LICENCE => details.licence = Some(value),
                DETAIL_ID => details.id = Some(value),
                _ => {}
            }
        }
        details
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_knowledge_opens_and_has_entities() {
        let kb = Kb::embedded().unwrap();
        assert!(kb.entity_count() > 0);
        let first = kb.entity(0).unwrap();
        assert!(!first.name.is_empty());
    }

    #[test]
    fn truncated_or_foreign_bytes_are_refused_with_a_reason() {
        assert!(Kb::open(b"").is_err());
        assert!(
            Kb::open(b"not a kb at all, just some bytes....................................")
                .is_err()
        );
        let truncated = &EMBEDDED[..EMBEDDED.len() / 2];
        let err = Kb::open(truncated).err().expect("truncated kb must fail");
        assert!(err.to_string().contains("past the end"));
        assert!(
            Cards::open(EMBEDDED).is_err(),
            "a kb.bin is not a cards file"
        );
    }

    #[test]
    fn a_damaged_automaton_is_refused_not_read() {
        // #6: a header whose fst length was off by one opened, and the first lookup
        // panicked inside fst on addresses read from the wrong bytes.
        let mut shifted = EMBEDDED.to_vec();
        shifted[12] ^= 1;
        let err = Kb::open(&shifted).err().expect("a cut automaton must fail");
        assert!(err.to_string().contains("damaged"), "{err}");
    }

    #[test]
    fn cards_are_indexed_like_entities() {
        let kb = Kb::embedded().unwrap();
        let cards = Cards::embedded().unwrap();
        let tehran = kb.lookup("Tehran")[0].entity;
        assert_eq!(cards.id(tehran), Some("Q3616"));
        assert!(cards.details(u32::MAX).id.is_none());
    }

    #[test]
    fn lookup_is_case_and_diacritic_insensitive() {
        let kb = Kb::embedded().unwrap();
        let upper = kb.lookup("TEHRAN");
        assert!(!upper.is_empty());
        assert_eq!(upper[0].entity, kb.lookup("Tehran")[0].entity);
    }

    #[test]
    fn the_hot_file_is_a_prefix_of_the_full_one() {
        let full = Kb::open(EMBEDDED).unwrap();
        let hot = Kb::open(EMBEDDED_HOT).unwrap();
        assert!(hot.entity_count() > 1000 && hot.entity_count() < full.entity_count() / 4);
        for i in 0..hot.entity_count() {
            let (h, f) = (hot.entity(i).unwrap(), full.entity(i).unwrap());
            assert_eq!((h.name, h.kind, h.subtype), (f.name, f.kind, f.subtype));
        }
        // Every hot alias resolves to hot entities only, and the seed article's actors are hot.
        for name in [
            "Abbas Araghchi",
            "Tehran",
            "Fordow",
            "Reuters",
            "Hezbollah",
            "Iranian",
        ] {
            let found = hot.lookup(name);
            assert!(!found.is_empty(), "{name} is in the hot set");
            assert!(found.iter().all(|c| c.entity < hot.entity_count()));
        }
        assert!(
            hot.is_given_name("daniel"),
            "given names come from all people"
        );
    }
}
