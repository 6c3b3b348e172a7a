//! Reads the compiled knowledge straight from its bytes.
//!
//! Opening checks the headers and the automata's checksums and builds nothing: the alias
//! automaton is an `fst::Map` over the same bytes and entity records are fixed-size (only
//! the automaton's first steps are kept as they are walked, `first_steps`). The
//! knowledge comes in two shards (`format.rs`): a tab starts with the hot one and adds the
//! rest when it arrives. Card details live in a third file (`Cards`) that a tab only loads
//! when a card opens. Every reader bounds-checks what it reads, so damaged bytes give errors
//! or wrong answers, not panics.

mod first_steps;
pub mod format;

use crate::error::Error;
use crate::text::Token;
use first_steps::FirstSteps;
use format::*;
use fst::raw::Output;
use std::borrow::Cow;

/// The hot detection shard compiled from `kb/` at build time (native builds embed the
/// files; the extension ships them).
#[cfg(not(target_arch = "wasm32"))]
pub static EMBEDDED_HOT: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/kb-hot.bin"));
/// The other detection shard: the long tail of entities, and every alias.
#[cfg(not(target_arch = "wasm32"))]
pub static EMBEDDED: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/kb.bin"));
/// The card details compiled from `kb/` at build time.
#[cfg(not(target_arch = "wasm32"))]
pub static EMBEDDED_CARDS: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/kb-cards.bin"));
/// Where the facts came from, compiled from `kb/` at build time (native builds only: no
/// card shows it, so the extension does not ship it).
#[cfg(not(target_arch = "wasm32"))]
pub static EMBEDDED_PROVENANCE: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/kb-sources.bin"));

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

/// The detection knowledge: the hot shard, and the rest once it is loaded.
pub struct Kb<'a> {
    hot: Shard<'a>,
    rest: Option<Shard<'a>>,
    given_names: fst::Set<&'a [u8]>,
    /// The alias automaton's first steps, kept as words walk them (of the rest's automaton
    /// once it is joined).
    first_steps: FirstSteps,
    /// The same for the given-name set, which the scan asks of capitalised words.
    given_name_steps: FirstSteps,
}

/// One detection file (layout in `format.rs`).
struct Shard<'a> {
    bytes: &'a [u8],
    aliases: fst::Map<&'a [u8]>,
    sections: Vec<(usize, usize)>,
    is_hot: bool,
    /// Entities in the whole knowledge base (both shards).
    total_entities: u32,
}

/// Card details, indexed like the entities of the `Kb` compiled with them.
pub struct Cards<'a> {
    bytes: &'a [u8],
    sections: Vec<(usize, usize)>,
}

/// Where each entity's facts came from, indexed like the entities of the `Kb` compiled with
/// them.
pub struct Provenance<'a> {
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
    /// Ref of the exact form in the alias shard's strings (`NO_STRING` when none).
    exact: u32,
}

impl Candidate {
    pub fn has(&self, flag: u8) -> bool {
        self.flags & flag != 0
    }
}

/// An entity's display name, read from the knowledge file without allocating: borrowed
/// when stored whole, or rebuilt from its front-coded parts (`INLINE_NAME` bytes at most).
#[derive(Clone, Copy)]
pub enum Name<'a> {
    Borrowed(&'a str),
    /// Checked to be UTF-8 when built.
    Inline {
        bytes: [u8; INLINE_NAME],
        len: u8,
    },
}

impl std::ops::Deref for Name<'_> {
    type Target = str;

    fn deref(&self) -> &str {
        match self {
            Name::Borrowed(name) => name,
            Name::Inline { bytes, len } => {
                std::str::from_utf8(&bytes[..usize::from(*len)]).unwrap_or_default()
            }
        }
    }
}

impl std::fmt::Debug for Name<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Debug::fmt(&**self, f)
    }
}

impl PartialEq for Name<'_> {
    fn eq(&self, other: &Self) -> bool {
        **self == **other
    }
}

impl PartialEq<&str> for Name<'_> {
    fn eq(&self, other: &&str) -> bool {
        **self == **other
    }
}

/// A fixed-size entity record.
#[derive(Clone, Copy, Debug)]
pub struct EntityRecord<'a> {
    pub index: u32,
    pub name: Name<'a>,
    pub kind: EntityType,
    pub subtype: &'static str,
    /// ISO 3166-1 alpha-2, empty when unknown.
    pub country: &'a str,
    pub prominence: u8,
}

impl EntityRecord<'_> {
    pub fn is_country(&self) -> bool {
        self.kind == EntityType::Place && self.subtype == "country"
    }
}

/// Card facts of one entity, decoded on demand.
#[derive(Clone, Debug, Default)]
pub struct Details<'a> {
    pub id: Option<String>,
    pub summary: Option<&'a str>,
    /// The English Wikipedia article's title.
    pub wiki: Option<String>,
    pub born: Option<&'a str>,
    pub died: Option<&'a str>,
    pub founded: Option<&'a str>,
    pub coords: Option<(f64, f64)>,
    pub population: Option<u64>,
    pub capital: Option<&'a str>,
    pub roles: Vec<Role<'a>>,
    /// Filled by `Provenance::fill`; empty from the card details alone.
    pub sources: Vec<Cow<'a, str>>,
    pub as_of: Option<&'a str>,
    /// Filled by `Provenance::fill`.
    pub licence: Option<&'a str>,
}

#[derive(Clone, Debug, Default)]
pub struct Role<'a> {
    pub title: &'a str,
    pub of: &'a str,
    pub start: &'a str,
    pub end: &'a str,
    pub as_of: &'a str,
    /// Filled by `Provenance::fill`; empty from the card details alone.
    pub source: Cow<'a, str>,
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

impl<'a> Shard<'a> {
    /// Checks the header and section bounds; nothing is copied.
    fn open(bytes: &'a [u8]) -> Result<Self, Error> {
        let sections = read_sections(bytes, MAGIC, SECTION_COUNT, "knowledge base")?;
        let (fst_at, fst_len) = sections[SECTION_FST];
        let aliases = fst::Map::new(&bytes[fst_at..fst_at + fst_len])
            .map_err(|e| Error::kb(format!("alias automaton is corrupt: {e}")))?;
        let (meta_at, meta_len) = sections[SECTION_META];
        let meta = std::str::from_utf8(&bytes[meta_at..meta_at + meta_len]).unwrap_or("");
        let field = |name: &str| {
            meta.split(';')
                .find_map(|kv| kv.strip_prefix(name)?.strip_prefix('='))
        };
        let total_entities = field("entities")
            .and_then(|n| n.parse().ok())
            .ok_or_else(|| Error::kb("knowledge base: no entity count in its meta data"))?;
        let is_hot = field("part") == Some("hot");
        let shard = Shard {
            bytes,
            aliases,
            sections,
            is_hot,
            total_entities,
        };
        let map_len = (total_entities as usize).div_ceil(64) * HOT_MAP_WORD;
        if is_hot && shard.section(SECTION_HOT_MAP).len() != map_len {
            return Err(Error::kb("knowledge base: the hot map is cut short"));
        }
        Ok(shard)
    }

    /// One pass over the automaton (fst trusts the addresses it finds in its bytes).
    fn verify(&self) -> Result<(), Error> {
        self.aliases
            .as_fst()
            .verify()
            .map_err(|e| Error::kb(format!("alias automaton is damaged ({e})")))
    }

    fn section(&self, which: usize) -> &'a [u8] {
        let (at, len) = self.sections[which];
        &self.bytes[at..at + len]
    }

    fn entity_count(&self) -> u32 {
        (self.sections[SECTION_ENTITIES].1 / ENTITY_SIZE) as u32
    }

    fn string(&self, at: u32) -> Option<&'a str> {
        if at == NO_STRING {
            return None;
        }
        pool_string(self.section(SECTION_STRINGS), at)
    }

    /// The name of the entity at `position` in this shard, rebuilt from the front-coded names
    /// of its block: borrowed when stored whole, else put together in place (no allocation).
    fn name(&self, position: u32) -> Option<Name<'a>> {
        let block = position / NAME_BLOCK;
        let mut at = u32_at(
            self.section(SECTION_NAME_INDEX),
            (block as usize).checked_mul(4)?,
        )? as usize;
        let names = self.section(SECTION_NAMES);
        // The first INLINE_NAME bytes of the name read last, and its length.
        let mut buffer = [0u8; INLINE_NAME];
        let mut previous_len = 0;
        for k in block * NAME_BLOCK..=position {
            let shared = usize::try_from(read_varint(names, &mut at)?).ok()?;
            let rest = usize::try_from(read_varint(names, &mut at)?).ok()?;
            let suffix = names.get(at..at.checked_add(rest)?)?;
            at += rest;
            if shared > previous_len.min(INLINE_NAME) {
                return None;
            }
            if k == position {
                if shared == 0 {
                    return std::str::from_utf8(suffix).ok().map(Name::Borrowed);
                }
                let len = shared.checked_add(rest).filter(|&n| n <= INLINE_NAME)?;
                buffer[shared..len].copy_from_slice(suffix);
                std::str::from_utf8(&buffer[..len]).ok()?;
                return Some(Name::Inline {
                    bytes: buffer,
                    len: len as u8,
                });
            }
            let kept = (shared + rest).min(INLINE_NAME);
            if kept > shared {
                buffer[shared..kept].copy_from_slice(&suffix[..kept - shared]);
            }
            previous_len = shared + rest;
        }
        None
    }

    /// The ISO alpha-2 code of an entity record's country byte; empty when it has none.
    fn country(&self, code: u8) -> &'a str {
        let Some(place) = usize::from(code).checked_sub(1) else {
            return "";
        };
        self.section(SECTION_COUNTRIES)
            .get(place * 2..place * 2 + 2)
            .and_then(|c| std::str::from_utf8(c).ok())
            .unwrap_or("")
    }

    fn given_names(&self) -> Result<fst::Set<&'a [u8]>, Error> {
        fst::Set::new(self.section(SECTION_GIVEN_NAMES))
            .map_err(|e| Error::kb(format!("given-name set is corrupt: {e}")))
    }
}

impl<'a> Kb<'a> {
    /// The knowledge base built into this binary, both shards.
    #[cfg(not(target_arch = "wasm32"))]
    pub fn embedded() -> Result<Kb<'static>, Error> {
        Kb::open(EMBEDDED_HOT)?.with_rest(EMBEDDED)
    }

    /// Opens the hot shard, checking the header, the section bounds and the automata's
    /// checksums; nothing is copied. The checksums cost one pass over the automaton, and
    /// buy a promise: damaged bytes are refused here rather than making a lookup panic
    /// later (`fst` trusts the addresses it finds in its bytes).
    pub fn open(hot: &'a [u8]) -> Result<Self, Error> {
        let kb = Kb::open_trusted(hot, None)?;
        kb.hot.verify()?;
        kb.given_names
            .as_fst()
            .verify()
            .map_err(|e| Error::kb(format!("given-name set is damaged ({e})")))?;
        Ok(kb)
    }

    /// Adds the other shard (checked like `open`): its entities follow the hot ones, and
    /// its automaton, which knows every alias, answers lookups from now on.
    pub fn with_rest(self, rest: &'a [u8]) -> Result<Self, Error> {
        let shard = Shard::open(rest)?;
        shard.verify()?;
        self.join(shard)
    }

    fn join(mut self, rest: Shard<'a>) -> Result<Self, Error> {
        let expected = self.hot.total_entities - self.hot.entity_count();
        if rest.is_hot
            || rest.total_entities != self.hot.total_entities
            || rest.entity_count() != expected
        {
            return Err(Error::kb(
                "knowledge base: kb.bin does not complete this kb-hot.bin; the two files are \
                 from different builds",
            ));
        }
        self.rest = Some(rest);
        self.first_steps = FirstSteps::default();
        Ok(self)
    }

    /// `open` (and `with_rest`) without the checksums, for bytes that were accepted before
    /// and have not changed since (the content script keeps them for the life of the page
    /// and opens them again when it needs a `Kb`).
    pub fn open_trusted(hot: &'a [u8], rest: Option<&'a [u8]>) -> Result<Self, Error> {
        let hot = Shard::open(hot)?;
        if !hot.is_hot {
            return Err(Error::kb(
                "knowledge base: this is kb.bin; open kb-hot.bin first and add kb.bin to it",
            ));
        }
        let given_names = hot.given_names()?;
        let kb = Kb {
            hot,
            rest: None,
            given_names,
            first_steps: FirstSteps::default(),
            given_name_steps: FirstSteps::default(),
        };
        match rest {
            Some(bytes) => kb.join(Shard::open(bytes)?),
            None => Ok(kb),
        }
    }

    /// Whether the long tail is loaded.
    pub fn is_complete(&self) -> bool {
        self.rest.is_some()
    }

    /// The shard whose automaton answers lookups: the last loaded.
    fn alias_shard(&self) -> &Shard<'a> {
        self.rest.as_ref().unwrap_or(&self.hot)
    }

    /// Entities in the whole knowledge base; until the rest is loaded, only the hot ones
    /// have records.
    pub fn entity_count(&self) -> u32 {
        self.hot.total_entities
    }

    /// Whether an entity is hot, and how many hot entities come before it.
    fn hot_rank(&self, index: u32) -> Option<(bool, u32)> {
        let map = self.hot.section(SECTION_HOT_MAP);
        let at = (index as usize / 64).checked_mul(HOT_MAP_WORD)?;
        let word = map.get(at..at.checked_add(HOT_MAP_WORD)?)?;
        let before = u32::from_le_bytes(word[..4].try_into().ok()?);
        let bits = u64::from_le_bytes(word[4..].try_into().ok()?);
        let bit = index % 64;
        let below = bits & ((1u64 << bit) - 1);
        Some((
            bits >> bit & 1 == 1,
            before.checked_add(below.count_ones())?,
        ))
    }

    /// Whether a normalised word is a given name of some person in the knowledge base.
    pub fn is_given_name(&self, norm: &str) -> bool {
        // `Set::contains`, from the first steps this `Kb` has walked already.
        self.given_name_steps
            .walk(self.given_names.as_fst(), norm.as_bytes())
            .is_some_and(|(node, _)| node.is_final())
    }

    pub fn alias_count(&self) -> usize {
        self.alias_shard().aliases.len()
    }

    /// The "as of" date written by the compiler.
    pub fn as_of(&self) -> &'a str {
        let meta = std::str::from_utf8(self.hot.section(SECTION_META)).unwrap_or("");
        meta.split(';')
            .find_map(|kv| kv.strip_prefix("as_of="))
            .unwrap_or("unknown")
    }

    /// The shard holding an entity, its position there and its fixed-size record.
    fn entity_slot(&self, index: u32) -> Option<(&Shard<'a>, u32, &'a [u8])> {
        let (is_hot, hot_before) = self.hot_rank(index)?;
        let (shard, position) = if is_hot {
            (&self.hot, hot_before)
        } else {
            (self.rest.as_ref()?, index.checked_sub(hot_before)?)
        };
        let at = (position as usize).checked_mul(ENTITY_SIZE)?;
        let record = shard
            .section(SECTION_ENTITIES)
            .get(at..at.checked_add(ENTITY_SIZE)?)?;
        Some((shard, position, record))
    }

    pub fn entity(&self, index: u32) -> Option<EntityRecord<'a>> {
        let (shard, position, r) = self.entity_slot(index)?;
        Some(EntityRecord {
            index,
            name: shard.name(position)?,
            kind: EntityType::from_code((r[0] & !ENTITY_CAPITALISED) >> 5),
            subtype: SUBTYPES
                .get(usize::from(r[0] & 0x1f))
                .copied()
                .unwrap_or("place"),
            country: shard.country(r[1]),
            prominence: r[2],
        })
    }

    /// The candidates behind a value of the alias automaton, read in place.
    pub fn candidates(&self, value: u64) -> Candidates<'a> {
        if let Some(inline) = InlineCandidate::read(value) {
            let (entity, flags, mask) = match inline {
                InlineCandidate::OwnName(entity) => (entity, ALIAS_PRIMARY, None),
                InlineCandidate::Alias {
                    entity,
                    flags,
                    mask,
                } => (entity, flags, Some(mask)),
            };
            let only = self
                .entity_slot(entity)
                .map(|(shard, position, r)| Candidate {
                    entity,
                    flags,
                    prominence: r[2],
                    capital_mask: mask.unwrap_or_else(|| {
                        if r[0] & ENTITY_CAPITALISED != 0 {
                            u8::MAX
                        } else {
                            shard
                                .name(position)
                                .map_or(u8::MAX, |name| crate::text::capital_mask(&name))
                        }
                    }),
                    exact: NO_STRING,
                });
            return Candidates {
                list: &[],
                at: 0,
                left: 0,
                inline: only,
            };
        }
        let list = self.alias_shard().section(SECTION_CANDIDATES);
        let at = usize::try_from(value >> 1).unwrap_or(usize::MAX);
        Candidates {
            list,
            at: at.saturating_add(1),
            left: list.get(at).copied().unwrap_or(0),
            inline: None,
        }
    }

    /// The exact capitalisation a case-sensitive alias demands, if any.
    pub fn exact_form(&self, candidate: &Candidate) -> Option<&'a str> {
        self.alias_shard().string(candidate.exact)
    }

    /// Candidates for a whole phrase ("Abbas Araghchi"), normalised like the text.
    pub fn lookup(&self, phrase: &str) -> Vec<Candidate> {
        let key = crate::text::normalize_phrase(phrase);
        self.alias_shard()
            .aliases
            .get(key.as_bytes())
            .map(|value| self.candidates(value).collect())
            .unwrap_or_default()
    }

    /// The automaton value of one whole alias in key form ("jimmy cherizier"), if any.
    pub fn alias_value(&self, key: &str) -> Option<u64> {
        self.alias_shard().aliases.get(key.as_bytes())
    }

    /// Every alias that matches token sequences starting at `tokens[start]`, as
    /// (number of tokens, automaton value), shortest first. Names continue only across
    /// spaces and hyphens, and never past `MAX_NAME_TOKENS`. Returned by value, not in a
    /// `Vec`: the scanner asks at most tokens.
    pub fn matches_at(&self, tokens: &[Token<'_>], start: usize) -> AliasMatches {
        match tokens.get(start).and_then(|t| self.alias_prefix(&t.norm)) {
            Some(prefix) => self.matches_after(prefix, tokens, start),
            None => AliasMatches::default(),
        }
    }

    /// What the alias automaton says about one token's normal form as the start of a name,
    /// or None when no alias starts with it. A scan keeps the answer per word: the first
    /// token is most of a walk, and an article repeats its capitalised words.
    pub fn alias_prefix(&self, norm: &str) -> Option<AliasPrefix> {
        let fst = self.alias_shard().aliases.as_fst();
        let (node, output) = self.first_steps.walk(fst, norm.as_bytes())?;
        let alone = node
            .is_final()
            .then(|| output.cat(node.final_output()).value());
        let before_next = walk(fst, node, output, b" ").map(|(node, output)| (node.addr(), output));
        Some(AliasPrefix { alone, before_next })
    }

    /// `matches_at` with the walk through `tokens[start]` done already (`prefix`).
    pub fn matches_after(
        &self,
        prefix: AliasPrefix,
        tokens: &[Token<'_>],
        start: usize,
    ) -> AliasMatches {
        let mut found = AliasMatches::default();
        if let Some(value) = prefix.alone {
            found.push(1, value);
        }
        let (Some((addr, output)), Some(tokens)) = (prefix.before_next, tokens.get(start..)) else {
            return found;
        };
        let fst = self.alias_shard().aliases.as_fst();
        let (mut node, mut output) = (fst.node(addr), output);
        for (n, token) in tokens.iter().enumerate().take(MAX_NAME_TOKENS).skip(1) {
            if !token.gap.joins_name() {
                break;
            }
            let space = if n > 1 { &b" "[..] } else { &[] };
            let Some((next, out)) = walk(fst, node, output, space)
                .and_then(|(node, output)| walk(fst, node, output, token.norm.as_bytes()))
            else {
                break;
            };
            (node, output) = (next, out);
            if node.is_final() {
                found.push(n + 1, output.cat(node.final_output()).value());
            }
        }
        found
    }
}

/// Follows `bytes` from `node` (reached with `output`), or None when the automaton has no
/// such path.
fn walk<'f>(
    fst: &'f fst::raw::Fst<&[u8]>,
    mut node: fst::raw::Node<'f>,
    mut output: Output,
    bytes: &[u8],
) -> Option<(fst::raw::Node<'f>, Output)> {
    for &byte in bytes {
        let t = node.transition(node.find_input(byte)?);
        output = output.cat(t.out);
        node = fst.node(t.addr);
    }
    Some((node, output))
}

/// The alias automaton after the first token of a name (`Kb::alias_prefix`): the value of
/// the token alone as an alias, and the state after the space that would join the next
/// token (None when no longer alias starts with this token, which is most often the case).
#[derive(Clone, Copy, Debug)]
pub struct AliasPrefix {
    alone: Option<u64>,
    before_next: Option<(fst::raw::CompiledAddr, Output)>,
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
    /// No alias: what tokens past the end match.
    pub const NONE: AliasMatches = AliasMatches {
        count: 0,
        lens: [0; MAX_NAME_TOKENS],
        offsets: [0; MAX_NAME_TOKENS],
    };

    pub(crate) fn push(&mut self, len: usize, at: u64) {
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

/// The candidates of one alias: the one an automaton value holds, or a list decoded one by
/// one from the candidate section.
#[derive(Clone, Debug)]
pub struct Candidates<'a> {
    list: &'a [u8],
    at: usize,
    left: u8,
    inline: Option<Candidate>,
}

impl Iterator for Candidates<'_> {
    type Item = Candidate;

    fn next(&mut self) -> Option<Candidate> {
        if let Some(only) = self.inline.take() {
            return Some(only);
        }
        if self.left == 0 {
            return None;
        }
        self.left -= 1;
        let c = self
            .list
            .get(self.at..self.at.checked_add(CANDIDATE_SIZE)?)?;
        let entity = u24_at(c, 0)?;
        let flags = c[3];
        self.at += CANDIDATE_SIZE;
        let exact = if flags & ALIAS_EXACT_CASE != 0 {
            let exact = u24_at(self.list, self.at)?;
            self.at += 3;
            exact
        } else {
            NO_STRING
        };
        Some(Candidate {
            entity,
            flags,
            capital_mask: c[4],
            prominence: c[5],
            exact,
        })
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
    pub fn id(&self, entity: &EntityRecord<'_>) -> Option<String> {
        self.details(entity).id
    }

    /// The card facts of an entity (its record gives the index and the name its id may be
    /// derived from). Empty when the bytes do not hold them.
    pub fn details(&self, entity: &EntityRecord<'_>) -> Details<'a> {
        self.read_details(entity).unwrap_or_default()
    }

    fn read_details(&self, entity: &EntityRecord<'_>) -> Option<Details<'a>> {
        let block = entity.index / CARD_BLOCK;
        let mut at = u32_at(
            self.section(CARDS_SECTION_INDEX),
            (block as usize).checked_mul(4)?,
        )? as usize;
        let section = self.section(CARDS_SECTION_DETAILS);
        // Details are variable-sized: walk from the block's first entity to this one.
        for _ in block * CARD_BLOCK..entity.index {
            self.decode(section, &mut at, None)?;
        }
        self.decode(section, &mut at, Some(&entity.name))
    }

    /// Decodes the details at `*at` and moves past them. The id and a derived Wikipedia
    /// title need the entity's name, so entities walked past (`name` None) go without.
    fn decode(&self, section: &[u8], at: &mut usize, name: Option<&str>) -> Option<Details<'a>> {
        let pool = self.section(CARDS_SECTION_STRINGS);
        let byte = |at: &mut usize| -> Option<u32> {
            let b = *section.get(*at)?;
            *at += 1;
            Some(u32::from(b))
        };
        let mut presence = byte(at)?;
        if presence & CARD_MORE != 0 {
            presence |= byte(at)? << 8;
        }
        if presence & CARD_EVEN_MORE != 0 {
            presence |= byte(at)? << 16;
        }
        let varint = |at: &mut usize| read_varint(section, at);
        let text = |at: &mut usize| -> Option<&'a str> {
            let r = u32::try_from(read_varint(section, at)?).ok()?;
            pool_string(pool, r)
        };
        let has = |bit: u32| presence & bit != 0;
        let optional = |bit: u32, at: &mut usize| -> Option<Option<&'a str>> {
            Some(if has(bit) { Some(text(at)?) } else { None })
        };
        // The id's payload is read either way; it is only spelt out for the entity asked for.
        let id = match presence & ID_KIND_MASK {
            ID_WIKIDATA => {
                let n = varint(at)?;
                name.map(|_| format!("{WIKIDATA_PREFIX}{n}"))
            }
            ID_GEONAMES => {
                let n = varint(at)?;
                name.map(|_| format!("{GEONAMES_PREFIX}{n}"))
            }
            ID_SLUG => {
                let prefix = SLUG_PREFIXES.get(byte(at)? as usize)?;
                name.map(|name| format!("{prefix}{}", name_slug(name)))
            }
            _ => {
                let id = text(at)?;
                name.map(|_| id.to_string())
            }
        };
        let mut details = Details {
            id,
            ..Details::default()
        };
        details.summary = optional(CARD_SUMMARY, at)?;
        if has(CARD_COORDS) {
            let packed = u32_at(section, *at)?;
            *at += 4;
            details.coords = Some(unpack_coords(packed));
        }
        if has(CARD_POPULATION) {
            details.population = Some(varint(at)?);
        }
        if has(CARD_WIKI) {
            details.wiki = Some(text(at)?.to_string());
        } else if has(CARD_WIKI_IS_NAME) {
            details.wiki = name.map(wiki_title_of);
        }
        details.born = optional(CARD_BORN, at)?;
        details.died = optional(CARD_DIED, at)?;
        if has(CARD_ROLES) {
            for _ in 0..varint(at)? {
                let mut field = [""; ROLE_FIELDS];
                for value in &mut field {
                    *value = text(at)?;
                }
                let [title, of, start, end, as_of] = field;
                details.roles.push(Role {
                    title,
                    of,
                    start,
                    end,
                    as_of,
                    source: Cow::Borrowed(""),
                });
            }
        }
        details.as_of = optional(CARD_AS_OF, at)?;
        details.founded = optional(CARD_FOUNDED, at)?;
        details.capital = optional(CARD_CAPITAL, at)?;
        Some(details)
    }
}

impl<'a> Provenance<'a> {
    /// The provenance built into this binary.
    #[cfg(not(target_arch = "wasm32"))]
    pub fn embedded() -> Result<Provenance<'static>, Error> {
        Provenance::open(EMBEDDED_PROVENANCE)
    }

    pub fn open(bytes: &'a [u8]) -> Result<Self, Error> {
        let sections = read_sections(
            bytes,
            PROVENANCE_MAGIC,
            PROVENANCE_SECTION_COUNT,
            "provenance",
        )?;
        Ok(Provenance { bytes, sections })
    }

    fn section(&self, which: usize) -> &'a [u8] {
        let (at, len) = self.sections[which];
        &self.bytes[at..at + len]
    }

    /// Adds the sources, licence and role sources of `entity` to its card `details`; leaves
    /// them as they are when the bytes do not hold them.
    pub fn fill(&self, entity: &EntityRecord<'_>, details: &mut Details<'a>) {
        if let Some(found) = self.read(entity.index) {
            details.sources = found.sources;
            details.licence = found.licence;
            for (role, source) in details.roles.iter_mut().zip(found.role_sources) {
                role.source = source;
            }
        }
    }

    fn read(&self, index: u32) -> Option<Sourced<'a>> {
        let block = index / CARD_BLOCK;
        let mut at = u32_at(
            self.section(PROVENANCE_SECTION_INDEX),
            (block as usize).checked_mul(4)?,
        )? as usize;
        let mut previous = Sourced::default();
        for _ in block * CARD_BLOCK..index {
            previous = self.decode(&mut at, &previous)?;
        }
        self.decode(&mut at, &previous)
    }

    /// Decodes the entry at `*at` and moves past it; `previous` is the entity before, whose
    /// sources this one may share.
    fn decode(&self, at: &mut usize, previous: &Sourced<'a>) -> Option<Sourced<'a>> {
        let section = self.section(PROVENANCE_SECTION_DETAILS);
        let pool = self.section(PROVENANCE_SECTION_STRINGS);
        let presence = *section.get(*at)?;
        *at += 1;
        let text = |at: &mut usize| -> Option<&'a str> {
            pool_string(pool, u32::try_from(read_varint(section, at)?).ok()?)
        };
        let mut sourced = Sourced::default();
        if presence & PROVENANCE_SAME_SOURCES != 0 {
            sourced.sources = previous.sources.clone();
            sourced.licence = previous.licence;
        }
        if presence & PROVENANCE_SOURCES != 0 {
            for _ in 0..read_varint(section, at)? {
                sourced.sources.push(expand_url(text(at)?));
            }
        }
        if presence & PROVENANCE_LICENCE != 0 {
            sourced.licence = Some(text(at)?);
        }
        if presence & PROVENANCE_ROLES != 0 {
            for _ in 0..read_varint(section, at)? {
                sourced.role_sources.push(expand_url(text(at)?));
            }
        }
        Some(sourced)
    }
}

/// One entity's entry in the provenance file.
#[derive(Default)]
struct Sourced<'a> {
    sources: Vec<Cow<'a, str>>,
    licence: Option<&'a str>,
    role_sources: Vec<Cow<'a, str>>,
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
    fn every_front_coded_name_reads_back_as_the_name_it_is_known_by() {
        let kb = Kb::embedded().unwrap();
        let (mut long, mut rebuilt) = (0, 0);
        for index in 0..kb.entity_count() {
            let entity = kb.entity(index).unwrap();
            assert!(!entity.name.is_empty(), "entity {index}");
            long += usize::from(entity.name.len() > INLINE_NAME);
            rebuilt += usize::from(matches!(entity.name, Name::Inline { .. }));
            let found = kb.lookup(&entity.name).iter().any(|c| c.entity == index);
            assert!(
                found,
                "{:?} (entity {index}) does not find itself",
                entity.name
            );
        }
        // Both ways of storing a name are read: whole (long names) and rebuilt in place.
        assert!(long > 0 && rebuilt > 0, "{long} long, {rebuilt} rebuilt");
    }

    #[test]
    fn truncated_or_foreign_bytes_are_refused_with_a_reason() {
        assert!(Kb::open(b"").is_err());
        assert!(
            Kb::open(b"not a kb at all, just some bytes....................................")
                .is_err()
        );
        let truncated = &EMBEDDED_HOT[..EMBEDDED_HOT.len() / 2];
        let err = Kb::open(truncated).err().expect("truncated kb must fail");
        assert!(err.to_string().contains("past the end"));
        let hot = || Kb::open(EMBEDDED_HOT).unwrap();
        let err = hot().with_rest(&EMBEDDED[..EMBEDDED.len() - 1]).err();
        assert!(err
            .expect("a cut rest must fail")
            .to_string()
            .contains("past the end"));
        assert!(
            Cards::open(EMBEDDED).is_err(),
            "a kb.bin is not a cards file"
        );
        let err = Kb::open(EMBEDDED)
            .err()
            .expect("kb.bin alone is not a knowledge base");
        assert!(err.to_string().contains("kb-hot.bin first"), "{err}");
        let err = hot()
            .with_rest(EMBEDDED_HOT)
            .err()
            .expect("hot twice is no whole");
        assert!(err.to_string().contains("different builds"), "{err}");
    }

    #[test]
    fn a_damaged_automaton_is_refused_not_read() {
        // #6: a header whose fst length was off by one opened, and the first lookup
        // panicked inside fst on addresses read from the wrong bytes.
        let mut shifted = EMBEDDED_HOT.to_vec();
        shifted[12] ^= 1;
        let err = Kb::open(&shifted).err().expect("a cut automaton must fail");
        assert!(err.to_string().contains("damaged"), "{err}");
    }

    #[test]
    fn cards_are_indexed_like_entities() {
        let kb = Kb::embedded().unwrap();
        let cards = Cards::embedded().unwrap();
        let tehran = kb.entity(kb.lookup("Tehran")[0].entity).unwrap();
        assert_eq!(cards.id(&tehran).as_deref(), Some("Q3616"));
        let past_the_end = EntityRecord {
            index: u32::MAX,
            ..tehran
        };
        assert!(cards.details(&past_the_end).id.is_none());
    }

    #[test]
    fn ids_and_titles_stored_as_numbers_or_names_read_back_whole() {
        let kb = Kb::embedded().unwrap();
        let cards = Cards::embedded().unwrap();
        let first = |name: &str| kb.entity(kb.lookup(name)[0].entity).unwrap();
        // A GeoNames number, a slug of the name, a Wikidata number with its title.
        let id = |name: &str| cards.id(&first(name)).unwrap_or_default();
        assert!(
            id("Greytown").starts_with("bs:geonames:"),
            "{}",
            id("Greytown")
        );
        assert_eq!(id("Abbas Araghchi"), "bs:person:abbas-araghchi");
        let moscow = cards.details(&first("Moscow"));
        assert_eq!(moscow.id.as_deref(), Some("Q649"));
        let (lat, lon) = moscow.coords.unwrap();
        assert!((lat - 55.752).abs() < 0.01 && (lon - 37.6178).abs() < 0.01);
        assert!(moscow.population.unwrap() > 10_000_000);
        assert_eq!(
            cards.details(&first("Gabon")).wiki.as_deref(),
            Some("Gabon")
        );
    }

    #[test]
    fn the_hot_shard_alone_knows_its_entities_as_the_whole_does() {
        let hot = Kb::open(EMBEDDED_HOT).unwrap();
        let full = Kb::embedded().unwrap();
        assert!(!hot.is_complete() && full.is_complete());
        assert_eq!(hot.entity_count(), full.entity_count());
        let hot_entities: Vec<u32> = (0..full.entity_count())
            .filter(|&i| hot.entity(i).is_some())
            .collect();
        assert!(hot_entities.len() > 1000 && hot_entities.len() < full.entity_count() as usize / 4);
        for &i in &hot_entities {
            let (h, f) = (hot.entity(i).unwrap(), full.entity(i).unwrap());
            assert_eq!(
                (h.name, h.kind, h.subtype, h.country),
                (f.name, f.kind, f.subtype, f.country)
            );
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
            assert!(found.iter().all(|c| hot.entity(c.entity).is_some()));
            assert_eq!(found[0].entity, full.lookup(name)[0].entity, "{name}");
        }
        assert!(
            hot.is_given_name("daniel"),
            "given names come from all people"
        );
        let greytown = full.lookup("Greytown");
        assert!(!greytown.is_empty() && hot.lookup("Greytown").is_empty());
        assert!(
            hot.entity(greytown[0].entity).is_none(),
            "the long tail waits for kb.bin"
        );
    }

    #[test]
    fn candidates_read_back_their_flags_and_capitals() {
        let kb = Kb::embedded().unwrap();
        // An own name, capitalised throughout (inline), one with a lowercase particle
        // (mask worked out from the name), a surname alias and a case-exact acronym.
        let araghchi = kb.lookup("Abbas Araghchi")[0];
        assert!(araghchi.has(ALIAS_PRIMARY) && araghchi.capital_mask & 0b11 == 0b11);
        let hormuz = kb.lookup("Strait of Hormuz")[0];
        assert_eq!(hormuz.capital_mask & 0b111, 0b101);
        let surname = kb.lookup("Araghchi")[0];
        assert!(surname.has(ALIAS_SURNAME) && !surname.has(ALIAS_PRIMARY));
        let us = kb.lookup("US");
        let exact = us
            .iter()
            .find(|c| c.has(ALIAS_EXACT_CASE))
            .expect("US is case-exact");
        assert_eq!(kb.exact_form(exact), Some("US"));
    }

    #[test]
    fn sources_come_from_the_provenance_file_not_the_shipped_cards() {
        let kb = Kb::embedded().unwrap();
        let cards = Cards::embedded().unwrap();
        let provenance = Provenance::embedded().unwrap();
        let araghchi = kb.entity(kb.lookup("Abbas Araghchi")[0].entity).unwrap();
        let mut details = cards.details(&araghchi);
        assert!(details.sources.is_empty() && !details.roles.is_empty());
        assert!(details.roles.iter().all(|r| r.source.is_empty()));
        provenance.fill(&araghchi, &mut details);
        assert!(details.sources.iter().all(|s| s.starts_with("http")));
        assert!(!details.sources.is_empty());
        assert!(details.roles.iter().any(|r| r.source.starts_with("http")));
        // A town shares its block neighbour's sources and keeps its licence.
        let town = kb.entity(kb.lookup("Rangiora")[0].entity).unwrap();
        let mut details = cards.details(&town);
        provenance.fill(&town, &mut details);
        assert_eq!(details.licence, Some("CC-BY-4.0 GeoNames"));
        assert!(Provenance::open(EMBEDDED_CARDS).is_err());
    }

    #[test]
    fn the_knowledge_files_fit_the_package_budget() {
        // #3: at most 4 MB (10^6 bytes) of knowledge in the package, uncompressed.
        let total = EMBEDDED_HOT.len() + EMBEDDED.len() + EMBEDDED_CARDS.len();
        assert!(total <= 4_000_000, "knowledge files: {total} bytes");
    }

    #[test]
    fn lookup_is_case_and_diacritic_insensitive() {
        let kb = Kb::embedded().unwrap();
        let upper = kb.lookup("TEHRAN");
        assert!(!upper.is_empty());
        assert_eq!(upper[0].entity, kb.lookup("Tehran")[0].entity);
    }
}
