//! Compiles the reviewable `kb/**/*.jsonl` records into `kb.bin` (layout in `format.rs`).
//!
//! Runs in `build.rs` only, so the shipped code never parses JSON to get its knowledge.
//! This is the only code allowed to write the format.

use crate::format::*;
use crate::text::{capital_mask, normalize_phrase};
use serde::Deserialize;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::{Path, PathBuf};

#[derive(Deserialize, Clone, Default)]
pub struct AliasRecord {
    pub text: String,
    #[serde(default)]
    pub case: Option<String>,
    #[serde(default)]
    pub common: bool,
    #[serde(default)]
    pub kind: Option<String>,
}

#[derive(Deserialize, Clone)]
#[serde(untagged)]
pub enum AliasField {
    Plain(String),
    Full(AliasRecord),
}

#[derive(Deserialize, Clone, Default)]
pub struct RoleRecord {
    pub title: String,
    #[serde(default)]
    pub of: Option<String>,
    #[serde(default)]
    pub start: Option<String>,
    #[serde(default)]
    pub end: Option<String>,
    #[serde(default)]
    pub as_of: Option<String>,
    #[serde(default)]
    pub source: Option<String>,
}

#[derive(Deserialize, Clone, Default)]
pub struct EntityRecord {
    pub id: String,
    pub name: String,
    #[serde(rename = "type")]
    pub kind: String,
    pub subtype: String,
    #[serde(default)]
    pub aliases: Vec<AliasField>,
    #[serde(default)]
    pub country: Option<String>,
    #[serde(default)]
    pub summary: Option<String>,
    #[serde(default)]
    pub roles: Vec<RoleRecord>,
    #[serde(default)]
    pub born: Option<String>,
    #[serde(default)]
    pub died: Option<String>,
    #[serde(default)]
    pub founded: Option<String>,
    #[serde(default)]
    pub coords: Option<[f64; 2]>,
    #[serde(default)]
    pub population: Option<u64>,
    #[serde(default)]
    pub capital: Option<String>,
    #[serde(default)]
    pub prominence: Option<u8>,
    /// Read from `kb/curated/` (set by `read_records`, never by the file itself).
    #[serde(skip)]
    pub curated: bool,
    #[serde(default)]
    pub wiki: Option<String>,
    #[serde(default)]
    pub sources: Vec<String>,
    #[serde(default)]
    pub as_of: Option<String>,
    #[serde(default)]
    pub licence: Option<String>,
}

impl EntityRecord {
    fn alias_records(&self) -> Vec<AliasRecord> {
        self.aliases
            .iter()
            .map(|a| match a {
                AliasField::Plain(text) => AliasRecord {
                    text: text.clone(),
                    ..AliasRecord::default()
                },
                AliasField::Full(record) => record.clone(),
            })
            .collect()
    }

    /// Fills fields this record lacks from `other` (a lower-priority record of the same id).
    fn merge_from(&mut self, other: EntityRecord) {
        let mut aliases = std::mem::take(&mut self.aliases);
        aliases.extend(other.aliases);
        self.aliases = aliases;
        macro_rules! fill {
            ($($field:ident),*) => { $( if self.$field.is_none() { self.$field = other.$field; } )* };
        }
        fill!(
            country, summary, born, died, founded, coords, population, capital, prominence, wiki,
            as_of, licence
        );
        if self.roles.is_empty() {
            self.roles = other.roles;
        }
        for source in other.sources {
            if !self.sources.contains(&source) {
                self.sources.push(source);
            }
        }
    }

    /// Whether the record belongs to the small "hot" set a tab loads first: what the news
    /// names most (curated records, countries, large cities, armed groups, prominent
    /// organisations and people). The long tail follows in the full file.
    pub fn is_hot(&self) -> bool {
        const HOT_POPULATION: u64 = 250_000;
        self.curated
            || matches!(
                self.subtype.as_str(),
                "country" | "territory" | "armed_group"
            )
            || self.population.is_some_and(|p| p >= HOT_POPULATION)
            || (self.kind == "organization" && self.prominence() >= 30)
            || self.prominence() >= 50
    }

    fn prominence(&self) -> u8 {
        let given = self.stated_prominence();
        if self.leads_a_country_now() {
            given.max(SITTING_LEADER_PROMINENCE)
        } else {
            given
        }
    }

    /// Whether the person holds a country's top office by a role checked since 2025 and not
    /// ended: such a leader is known by the surname alone ("Fico said").
    fn leads_a_country_now(&self) -> bool {
        self.kind == "person"
            && matches!(
                self.subtype.as_str(),
                "head_of_state" | "politician" | "monarch" | "religious_leader"
            )
            && self.roles.iter().any(|r| {
                r.end.is_none()
                    && r.as_of.as_deref().is_some_and(|d| d >= "2025")
                    && matches!(
                        r.title.as_str(),
                        "President" | "Prime Minister" | "Chancellor" | "Supreme Leader" | "Emir"
                    )
            })
    }

    fn stated_prominence(&self) -> u8 {
        if let Some(p) = self.prominence {
            return p.min(100);
        }
        match (self.kind.as_str(), self.subtype.as_str()) {
            ("place", "country") => 90,
            ("place", _) => self
                .population
                .map(|p| ((p.max(1) as f64).log10() * 12.0).clamp(10.0, 85.0) as u8)
                .unwrap_or(40),
            ("person", _) if !self.roles.is_empty() => 50,
            _ => 40,
        }
    }
}

/// Least prominence of a sitting president or prime minister (see `leads_a_country_now`).
const SITTING_LEADER_PROMINENCE: u8 = 70;

/// Everything that can go wrong, with the file and line to fix.
#[derive(Debug)]
pub struct CompileError(pub String);

impl std::fmt::Display for CompileError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// Lists the `.jsonl` files under `dir`, curated ones last so that they win merges.
pub fn source_files(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&d) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "jsonl") {
                files.push(path);
            }
        }
    }
    files.sort_by_key(|p| {
        (
            p.components().any(|c| c.as_os_str() == "curated"),
            p.clone(),
        )
    });
    files
}

pub fn read_records(files: &[PathBuf]) -> Result<Vec<EntityRecord>, CompileError> {
    let mut by_id: HashMap<String, usize> = HashMap::new();
    let mut records: Vec<EntityRecord> = Vec::new();
    for file in files {
        let text = std::fs::read_to_string(file)
            .map_err(|e| CompileError(format!("{}: cannot read: {e}", file.display())))?;
        for (n, line) in text.lines().enumerate() {
            let line = line.trim();
            if line.is_empty() || line.starts_with("//") {
                continue;
            }
            let record: EntityRecord = serde_json::from_str(line).map_err(|e| {
                CompileError(format!(
                    "{}:{}: not a valid entity record ({e}); see kb/README.md",
                    file.display(),
                    n + 1
                ))
            })?;
            if type_code(&record.kind).is_none()
                || subtype_code(&record.kind, &record.subtype).is_none()
            {
                return Err(CompileError(format!(
                    "{}:{}: unknown type/subtype {}/{}; see kb/README.md",
                    file.display(),
                    n + 1,
                    record.kind,
                    record.subtype
                )));
            }
            let mut record = record;
            record.curated = file.components().any(|c| c.as_os_str() == "curated");
            match by_id.get(&record.id) {
                // Later files (curated) win: the new record takes over, the old fills gaps.
                Some(&index) => {
                    let older = std::mem::replace(&mut records[index], record);
                    let curated = older.curated || records[index].curated;
                    records[index].merge_from(older);
                    records[index].curated = curated;
                }
                None => {
                    by_id.insert(record.id.clone(), records.len());
                    records.push(record);
                }
            }
        }
    }
    Ok(records)
}

/// A shard's string pool: each distinct string stored once.
#[derive(Default)]
struct StringPool {
    bytes: Vec<u8>,
    index: HashMap<String, u32>,
}

impl StringPool {
    fn add(&mut self, s: &str) -> Result<u32, CompileError> {
        if let Some(&at) = self.index.get(s) {
            return Ok(at);
        }
        let at = put_pool_string(&mut self.bytes, s);
        if at >= NO_STRING {
            return Err(CompileError(
                "string pool past 16 MB: widen the u24 string refs".into(),
            ));
        }
        self.index.insert(s.to_string(), at);
        Ok(at)
    }
}

struct Candidate {
    entity: u32,
    flags: u8,
    prominence: u8,
    mask: u8,
    exact: Option<String>,
}

/// Most candidates kept per alias key; the rest are too obscure to ever win.
const MAX_CANDIDATES: usize = 24;

/// The compiled files: the two detection shards (`kb-hot.bin`, `kb.bin`), the card
/// details (`kb-cards.bin`) and where the facts came from (`kb-sources.bin`).
pub struct Compiled {
    pub hot: Vec<u8>,
    pub rest: Vec<u8>,
    pub cards: Vec<u8>,
    pub provenance: Vec<u8>,
}

fn write_file(magic: &[u8; 4], sections: &[Vec<u8>]) -> Vec<u8> {
    let mut out = Vec::new();
    out.extend_from_slice(magic);
    out.extend_from_slice(&VERSION.to_le_bytes());
    let mut offset = header_size(sections.len());
    for section in sections {
        out.extend_from_slice(&(offset as u32).to_le_bytes());
        out.extend_from_slice(&(section.len() as u32).to_le_bytes());
        offset += section.len();
    }
    for section in sections {
        out.extend_from_slice(section);
    }
    out
}

/// Least prominence of a city whose name stops a census name from being a given name
/// ("Paris", "Houston", "Cleveland", "Lincoln"); below it are towns like Taylor, Texas, or
/// Tyler, whose names are far more often people's.
const TOWN_SHADOWS_GIVEN_NAME: u8 = 40;

/// The same for a region: Georgia and Virginia shadow the given name, Brittany, Devon and
/// Victoria (Australia) do not, whose names are far more often women's.
const REGION_SHADOWS_GIVEN_NAME: u8 = 45;

/// Normalised names an imported place must not take as an alternate: every entity's own
/// name, and every alias of a person or organisation.
fn names_of_others(records: &[EntityRecord]) -> std::collections::HashSet<String> {
    records
        .iter()
        .flat_map(|r| name_keys(r, r.kind != "place"))
        .collect()
}

/// Every name and alias of places and organisations ("Paris", "Jordan", "Christian
/// Democratic Union" is not one word, so "Christian" stays a given name), but for small
/// towns and lesser regions: Taylor, Texas, must not cost every Taylor their given name,
/// nor Brittany every Brittany.
fn names_of_non_people(records: &[EntityRecord]) -> std::collections::HashSet<String> {
    records
        .iter()
        .filter(|r| r.kind != "person")
        .filter(|r| {
            if r.subtype == "city" {
                r.prominence() >= TOWN_SHADOWS_GIVEN_NAME
            } else if r.subtype == "region" {
                r.prominence() >= REGION_SHADOWS_GIVEN_NAME
            } else {
                true
            }
        })
        .flat_map(|r| name_keys(r, true))
        .collect()
}

/// A record's name and, when asked, its aliases, as alias keys.
fn name_keys(record: &EntityRecord, with_aliases: bool) -> Vec<String> {
    let mut keys = vec![normalize_phrase(&record.name)];
    if with_aliases {
        keys.extend(
            record
                .alias_records()
                .iter()
                .map(|a| normalize_phrase(&a.text)),
        );
    }
    keys
}

/// Given names from a `given_names.txt` file: one per line, `#` starts a comment.
pub fn read_given_names(text: &str) -> Vec<String> {
    text.lines()
        .map(str::trim)
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
        .map(str::to_string)
        .collect()
}

/// Numbers the entities in the order of their names' alias keys, so that neighbouring keys in
/// the alias automaton carry close values (see `InlineCandidate`).
pub fn sort_records(records: &mut [EntityRecord]) {
    records.sort_by_cached_key(|r| (normalize_phrase(&r.name), r.id.clone()));
}

/// Compiles `records` (in the order of `sort_records`) into the two shards and the card
/// details. `outlines` is the locator map's country outlines (`assets/world-110m.txt`),
/// stored as is. Given names (the cue for unknown people) are learnt from the people in
/// `records` and come from `census_names` (`kb/generated/given_names.txt`), less those that
/// name a place or organisation.
pub fn compile(
    records: &[EntityRecord],
    as_of: &str,
    outlines: &str,
    census_names: &[String],
) -> Result<Compiled, CompileError> {
    if records.len() > MAX_ENTITIES {
        return Err(CompileError(format!(
            "{} entities: the format holds at most {MAX_ENTITIES}",
            records.len()
        )));
    }
    let hot: Vec<bool> = records.iter().map(EntityRecord::is_hot).collect();
    let keys = alias_keys(records);
    let given_names = given_names(records, census_names)?;
    let shard = |part: Part, given: Vec<u8>| write_shard(records, &hot, part, &keys, as_of, given);
    Ok(Compiled {
        hot: shard(Part::Hot, given_names)?,
        // Given names live in the hot shard only.
        rest: shard(Part::Rest, Vec::new())?,
        cards: write_cards(records, outlines)?,
        provenance: write_provenance(records)?,
    })
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Part {
    /// The hot entities, and only their aliases.
    Hot,
    /// The other entities, and every alias.
    Rest,
}

/// Which entities are hot, with a running count every 64 (`SECTION_HOT_MAP`).
fn hot_map(hot: &[bool]) -> Vec<u8> {
    let mut out = Vec::with_capacity(hot.len().div_ceil(64) * HOT_MAP_WORD);
    let mut before = 0u32;
    for word in hot.chunks(64) {
        let bits = word
            .iter()
            .enumerate()
            .fold(0u64, |bits, (i, &h)| bits | (u64::from(h) << i));
        out.extend_from_slice(&before.to_le_bytes());
        out.extend_from_slice(&bits.to_le_bytes());
        before += bits.count_ones();
    }
    out
}

/// Given names: first words of people's names seen at least twice (a one-off may be a
/// transliteration; twice is a pattern), and census names that name nothing else.
fn given_names(records: &[EntityRecord], census_names: &[String]) -> Result<Vec<u8>, CompileError> {
    let mut given_counts: BTreeMap<String, u32> = BTreeMap::new();
    for record in records.iter().filter(|r| r.kind == "person") {
        let words: Vec<&str> = record.name.split_whitespace().collect();
        if words.len() >= 2 && words[0].chars().filter(|c| c.is_alphabetic()).count() >= 2 {
            *given_counts.entry(normalize_phrase(words[0])).or_default() += 1;
        }
    }
    let not_people = names_of_non_people(records);
    for name in census_names {
        let key = normalize_phrase(name);
        if !not_people.contains(&key) {
            // Counted as seen twice: a census name is a pattern, not a one-off spelling.
            *given_counts.entry(key).or_default() += 2;
        }
    }
    Ok(fst::Set::from_iter(
        given_counts
            .into_iter()
            .filter(|(name, count)| *count >= 2 && !name.contains(' '))
            .map(|(name, _)| name),
    )
    .map_err(|e| CompileError(format!("given names: {e}")))?
    .into_fst()
    .into_inner())
}

/// Every alias key with its candidates, best first.
/// The ways news writes a region named with its kind ("Kharkiv Oblast", "Sokoto State"):
/// "Kharkiv region", "Sokoto state", "Kharkiv oblast". Not where the rest is a country's
/// name: "Niger state media" is Niger's.
fn designated_region_aliases(
    record: &EntityRecord,
    countries: &BTreeSet<String>,
) -> Vec<AliasRecord> {
    if record.kind != "place" || record.subtype != "region" {
        return Vec::new();
    }
    let Some((rest, designator)) = record.name.rsplit_once(' ') else {
        return Vec::new();
    };
    let also_region = match designator {
        "Oblast" | "Governorate" | "Province" | "Krai" | "Prefecture" | "Voivodeship" => true,
        "State" | "Region" | "District" => false,
        _ => return Vec::new(),
    };
    if countries.contains(&normalize_phrase(rest)) {
        return Vec::new();
    }
    let lower = format!("{rest} {}", designator.to_lowercase());
    let mut texts = vec![lower];
    if also_region {
        texts.push(format!("{rest} region"));
    }
    texts
        .into_iter()
        .map(|text| AliasRecord {
            text,
            ..AliasRecord::default()
        })
        .collect()
}

/// Least prominence for a body's name to be matched in the other spelling too.
const SPELLING_VARIANT_PROMINENCE: u8 = 30;

/// British and American spellings of a well-known body's name of three words or more: news
/// writes "World Health Organisation" and "Ministry of Defense" as often as the names' own
/// spellings.
fn spelling_variants(record: &EntityRecord, aliases: &[AliasRecord]) -> Vec<AliasRecord> {
    const PAIRS: [(&str, &str); 4] = [
        ("Organization", "Organisation"),
        ("Defense", "Defence"),
        ("Center", "Centre"),
        ("Program", "Programme"),
    ];
    if record.kind != "organization" || record.prominence() < SPELLING_VARIANT_PROMINENCE {
        return Vec::new();
    }
    let has_word = |text: &str, word: &str| {
        text.split(|c: char| !c.is_alphanumeric())
            .any(|w| w == word || w.strip_suffix('s') == Some(word))
    };
    let mut variants = Vec::new();
    // "National Defence" alone is too generic a name to spell twice.
    for alias in aliases.iter().filter(|a| a.text.split(' ').count() >= 3) {
        for (a, b) in PAIRS {
            for (from, to) in [(a, b), (b, a)] {
                if has_word(&alias.text, from) && !has_word(&alias.text, to) {
                    variants.push(AliasRecord {
                        text: alias.text.replace(from, to),
                        ..alias.clone()
                    });
                }
            }
        }
    }
    variants
}

fn alias_keys(records: &[EntityRecord]) -> BTreeMap<String, Vec<Candidate>> {
    let taken = names_of_others(records);
    let countries: BTreeSet<String> = records
        .iter()
        .filter(|r| r.kind == "place" && r.subtype == "country")
        .flat_map(|r| {
            std::iter::once(r.name.clone()).chain(r.alias_records().into_iter().map(|a| a.text))
        })
        .map(|name| normalize_phrase(&name))
        .collect();
    let mut keys: BTreeMap<String, Vec<Candidate>> = BTreeMap::new();
    for (index, record) in records.iter().enumerate() {
        let entity = index as u32;
        let prominence = record.prominence();
        let mut aliases = vec![AliasRecord {
            text: record.name.clone(),
            ..AliasRecord::default()
        }];
        aliases.extend(record.alias_records());
        aliases.extend(designated_region_aliases(record, &countries));
        let spelled_otherwise = spelling_variants(record, &aliases);
        aliases.extend(spelled_otherwise);
        let generated_place = !record.curated && record.kind == "place";
        for (i, alias) in aliases.iter().enumerate() {
            let key = normalize_phrase(&alias.text);
            if key.is_empty() {
                continue;
            }
            // GeoNames lists historical and stray names as alternates ("Maine" on Des
            // Plaines, "Stalin" on Donetsk, "Google" on Topeka): an alternate that is what
            // another entity is called, or a person's name, is not this place's.
            if i > 0 && generated_place && taken.contains(&key) {
                continue;
            }
            let mut flags = 0;
            if i == 0 {
                flags |= ALIAS_PRIMARY;
            }
            let exact = alias.case.as_deref() == Some("exact");
            if exact {
                flags |= ALIAS_EXACT_CASE;
            }
            if alias.common {
                flags |= ALIAS_COMMON_WORD;
            }
            flags |= match alias.kind.as_deref() {
                Some("surname") => ALIAS_SURNAME,
                Some("acronym") => ALIAS_ACRONYM,
                Some("demonym") => ALIAS_DEMONYM,
                Some("title") => ALIAS_TITLE,
                _ => 0,
            };
            let exact = exact.then(|| alias.text.clone());
            let mask = capital_mask(&alias.text);
            let list = keys.entry(key).or_default();
            if let Some(existing) = list
                .iter_mut()
                .find(|c| c.entity == entity && c.exact == exact)
            {
                // The same name listed twice: keep the most permissive reading.
                existing.flags &= flags | ALIAS_PRIMARY;
                existing.flags |= flags & ALIAS_PRIMARY;
                existing.mask &= mask;
                continue;
            }
            list.push(Candidate {
                entity,
                flags,
                prominence,
                mask,
                exact,
            });
        }
    }
    for list in keys.values_mut() {
        list.sort_by(|a, b| {
            b.prominence
                .cmp(&a.prominence)
                .then(a.entity.cmp(&b.entity))
        });
    }
    keys
}

/// One detection shard: the records of its part's entities, and the aliases it knows.
fn write_shard(
    records: &[EntityRecord],
    hot: &[bool],
    part: Part,
    keys: &BTreeMap<String, Vec<Candidate>>,
    as_of: &str,
    given_names: Vec<u8>,
) -> Result<Vec<u8>, CompileError> {
    let mut strings = StringPool::default();
    let mut entity_bytes = Vec::new();
    let members = records
        .iter()
        .zip(hot)
        .filter(|(_, &h)| h == (part == Part::Hot))
        .map(|(r, _)| r);
    let mut names = Vec::new();
    let mut name_index = Vec::new();
    let mut countries: Vec<String> = Vec::new();
    let mut previous: Option<&str> = None;
    for (position, record) in members.enumerate() {
        if position as u32 % NAME_BLOCK == 0 {
            name_index.extend_from_slice(&(names.len() as u32).to_le_bytes());
            previous = None;
        }
        put_front_coded_name(&mut names, previous, &record.name);
        previous = Some(&record.name);
        let kind = type_code(&record.kind).unwrap_or(0);
        let subtype = subtype_code(&record.kind, &record.subtype).unwrap_or(0);
        let throughout = if is_capitalised_throughout(&record.name) {
            ENTITY_CAPITALISED
        } else {
            0
        };
        entity_bytes.push(throughout | kind << 5 | subtype);
        entity_bytes.push(country_code(&mut countries, record.country.as_deref())?);
        entity_bytes.push(record.prominence());
    }
    let mut candidates = Vec::new();
    let mut builder = fst::MapBuilder::memory();
    for (key, list) in keys {
        let list: Vec<&Candidate> = list
            .iter()
            .filter(|c| part == Part::Rest || hot[c.entity as usize])
            .take(MAX_CANDIDATES)
            .collect();
        let value = match list.as_slice() {
            [] => continue,
            [only] if only.exact.is_none() => {
                let own_name = only.flags == ALIAS_PRIMARY
                    && only.mask == capital_mask(&records[only.entity as usize].name);
                if own_name {
                    InlineCandidate::OwnName(only.entity).value()
                } else {
                    InlineCandidate::Alias {
                        entity: only.entity,
                        flags: only.flags,
                        mask: only.mask,
                    }
                    .value()
                }
            }
            _ => {
                let at = candidates.len() as u64;
                candidates.push(list.len() as u8);
                for c in &list {
                    put_u24(&mut candidates, c.entity);
                    candidates.extend_from_slice(&[c.flags, c.mask, c.prominence]);
                    if let Some(exact) = &c.exact {
                        put_u24(&mut candidates, strings.add(exact)?);
                    }
                }
                at << 1
            }
        };
        builder
            .insert(key.as_bytes(), value)
            .map_err(|e| CompileError(format!("alias automaton: {e}")))?;
    }
    let fst_bytes = builder
        .into_inner()
        .map_err(|e| CompileError(format!("alias automaton: {e}")))?;
    let (part_name, map) = match part {
        Part::Hot => ("hot", hot_map(hot)),
        Part::Rest => ("rest", Vec::new()),
    };
    let meta = format!("as_of={as_of};entities={};part={part_name}", records.len());
    Ok(write_file(
        MAGIC,
        &[
            fst_bytes,
            candidates,
            entity_bytes,
            strings.bytes,
            meta.into_bytes(),
            given_names,
            map,
            names,
            name_index,
            countries.concat().into_bytes(),
        ],
    ))
}

/// Whether every token of a name (up to the eighth) is capitalised.
fn is_capitalised_throughout(name: &str) -> bool {
    let tokens = crate::text::tokenize(name).len().min(8);
    u16::from(capital_mask(name)) == (1u16 << tokens) - 1
}

/// The country byte of an entity record: 0 for none, else 1 + the code's place in the table.
fn country_code(table: &mut Vec<String>, code: Option<&str>) -> Result<u8, CompileError> {
    let Some(code) = code.filter(|c| !c.is_empty()) else {
        return Ok(0);
    };
    if code.len() != 2 || !code.is_ascii() {
        return Err(CompileError(format!(
            "country {code:?} is not an ISO alpha-2 code"
        )));
    }
    let at = match table.iter().position(|c| c == code) {
        Some(at) => at,
        None => {
            table.push(code.to_string());
            table.len() - 1
        }
    };
    u8::try_from(at + 1).map_err(|_| CompileError("more than 255 countries".into()))
}

/// A piece of an entity's encoded card details; strings become refs once the pool's order
/// (most used first) is known.
enum Piece {
    Byte(u8),
    Varint(u64),
    U32(u32),
    Text(String),
}

/// The card details file, written in two passes: pieces per entity, then bytes.
fn write_cards(records: &[EntityRecord], outlines: &str) -> Result<Vec<u8>, CompileError> {
    let pieces: Vec<Vec<Piece>> = records.iter().map(card_pieces).collect();
    let [index, details, pool] = pool_pieces(&pieces)?;
    Ok(write_file(
        CARDS_MAGIC,
        &[index, details, pool, outlines.as_bytes().to_vec()],
    ))
}

/// The provenance file, laid out as the card details.
fn write_provenance(records: &[EntityRecord]) -> Result<Vec<u8>, CompileError> {
    let pieces: Vec<Vec<Piece>> = records
        .iter()
        .enumerate()
        .map(|(i, record)| {
            let previous = (i as u32 % CARD_BLOCK != 0).then(|| &records[i - 1]);
            provenance_pieces(record, previous)
        })
        .collect();
    let [index, details, pool] = pool_pieces(&pieces)?;
    Ok(write_file(PROVENANCE_MAGIC, &[index, details, pool]))
}

/// Per-entity pieces as bytes: the block index, the details, and the string pool they refer
/// to, most-used strings first.
fn pool_pieces(pieces: &[Vec<Piece>]) -> Result<[Vec<u8>; 3], CompileError> {
    let mut uses: HashMap<&str, usize> = HashMap::new();
    for piece in pieces.iter().flatten() {
        if let Piece::Text(s) = piece {
            *uses.entry(s.as_str()).or_default() += 1;
        }
    }
    let mut order: Vec<(&str, usize)> = uses.into_iter().collect();
    order.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    let mut pool = Vec::new();
    let refs: HashMap<&str, u32> = order
        .iter()
        .map(|(s, _)| (*s, put_pool_string(&mut pool, s)))
        .collect();
    let mut index = Vec::new();
    let mut details = Vec::new();
    for (entity, pieces) in pieces.iter().enumerate() {
        if entity as u32 % CARD_BLOCK == 0 {
            index.extend_from_slice(&(details.len() as u32).to_le_bytes());
        }
        for piece in pieces {
            match piece {
                Piece::Byte(b) => details.push(*b),
                Piece::Varint(v) => put_varint(&mut details, *v),
                Piece::U32(v) => details.extend_from_slice(&v.to_le_bytes()),
                Piece::Text(s) => put_varint(&mut details, u64::from(refs[s.as_str()])),
            }
        }
    }
    if details.len() > u32::MAX as usize {
        return Err(CompileError("card details past 4 GB".into()));
    }
    Ok([index, details, pool])
}

/// Where one entity's facts came from (`previous` is the entity before it in the same
/// block, whose sources it may share).
fn provenance_pieces(record: &EntityRecord, previous: Option<&EntityRecord>) -> Vec<Piece> {
    let mut presence = 0;
    let mut fields = Vec::new();
    let same_sources = previous.is_some_and(|p| {
        !record.sources.is_empty() && p.sources == record.sources && p.licence == record.licence
    });
    if same_sources {
        presence |= PROVENANCE_SAME_SOURCES;
    } else {
        if !record.sources.is_empty() {
            presence |= PROVENANCE_SOURCES;
            fields.push(Piece::Varint(record.sources.len() as u64));
            fields.extend(record.sources.iter().map(|s| Piece::Text(shorten_url(s))));
        }
        if let Some(licence) = &record.licence {
            presence |= PROVENANCE_LICENCE;
            fields.push(Piece::Text(licence.clone()));
        }
    }
    if record.roles.iter().any(|role| role.source.is_some()) {
        presence |= PROVENANCE_ROLES;
        fields.push(Piece::Varint(record.roles.len() as u64));
        fields.extend(
            record.roles.iter().map(|role| {
                Piece::Text(role.source.as_deref().map(shorten_url).unwrap_or_default())
            }),
        );
    }
    let mut pieces = vec![Piece::Byte(presence)];
    pieces.extend(fields);
    pieces
}

/// How an id is stored: most are a number or the entity's name in a known shape.
fn id_pieces(record: &EntityRecord) -> (u32, Vec<Piece>) {
    let number = |prefix: &str| {
        record
            .id
            .strip_prefix(prefix)
            .and_then(|digits| digits.parse::<u64>().ok())
            .filter(|n| format!("{prefix}{n}") == record.id)
    };
    if let Some(n) = number(WIKIDATA_PREFIX) {
        return (ID_WIKIDATA, vec![Piece::Varint(n)]);
    }
    if let Some(n) = number(GEONAMES_PREFIX) {
        return (ID_GEONAMES, vec![Piece::Varint(n)]);
    }
    let slug = name_slug(&record.name);
    if let Some(p) = SLUG_PREFIXES
        .iter()
        .position(|prefix| record.id.strip_prefix(prefix) == Some(slug.as_str()))
    {
        return (ID_SLUG, vec![Piece::Byte(p as u8)]);
    }
    (ID_STRING, vec![Piece::Text(record.id.clone())])
}

/// The pieces of one entity's card details.
fn card_pieces(record: &EntityRecord) -> Vec<Piece> {
    let (mut presence, mut fields) = id_pieces(record);
    let text = |bit: u32, value: &Option<String>, presence: &mut u32, out: &mut Vec<Piece>| {
        if let Some(s) = value {
            *presence |= bit;
            out.push(Piece::Text(s.clone()));
        }
    };
    text(CARD_SUMMARY, &record.summary, &mut presence, &mut fields);
    if let Some([lat, lon]) = record.coords {
        presence |= CARD_COORDS;
        fields.push(Piece::U32(pack_coords(lat, lon)));
    }
    if let Some(p) = record.population {
        presence |= CARD_POPULATION;
        fields.push(Piece::Varint(p));
    }
    match &record.wiki {
        Some(title) if *title == wiki_title_of(&record.name) => presence |= CARD_WIKI_IS_NAME,
        wiki => text(CARD_WIKI, wiki, &mut presence, &mut fields),
    }
    text(CARD_BORN, &record.born, &mut presence, &mut fields);
    text(CARD_DIED, &record.died, &mut presence, &mut fields);
    if !record.roles.is_empty() {
        presence |= CARD_ROLES;
        fields.push(Piece::Varint(record.roles.len() as u64));
        for role in &record.roles {
            let as_of = role.as_of.as_ref().or(record.as_of.as_ref());
            for value in [
                Some(&role.title),
                role.of.as_ref(),
                role.start.as_ref(),
                role.end.as_ref(),
                as_of,
            ] {
                fields.push(Piece::Text(value.cloned().unwrap_or_default()));
            }
        }
    }
    text(CARD_AS_OF, &record.as_of, &mut presence, &mut fields);
    text(CARD_FOUNDED, &record.founded, &mut presence, &mut fields);
    text(CARD_CAPITAL, &record.capital, &mut presence, &mut fields);
    if presence >> 16 != 0 {
        presence |= CARD_EVEN_MORE;
    }
    if presence >> 8 != 0 {
        presence |= CARD_MORE;
    }
    let mut pieces = vec![Piece::Byte(presence as u8)];
    if presence & CARD_MORE != 0 {
        pieces.push(Piece::Byte((presence >> 8) as u8));
    }
    if presence & CARD_EVEN_MORE != 0 {
        pieces.push(Piece::Byte((presence >> 16) as u8));
    }
    pieces.extend(fields);
    pieces
}
