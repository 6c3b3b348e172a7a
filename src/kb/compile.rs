//! Compiles the reviewable `kb/**/*.jsonl` records into `kb.bin` (layout in `format.rs`).
//!
//! Runs in `build.rs` only, so the shipped code never parses JSON to get its knowledge.
//! This is the only code allowed to write the format.

use crate::format::*;
use crate::text::{capital_mask, normalize_phrase};
use serde::Deserialize;
use std::collections::{BTreeMap, HashMap};
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

#[derive(Default)]
struct StringPool {
    bytes: Vec<u8>,
    index: HashMap<String, u32>,
}

impl StringPool {
    fn add(&mut self, s: &str) -> u32 {
        if let Some(&at) = self.index.get(s) {
            return at;
        }
        let at = self.bytes.len() as u32;
        self.bytes
            .extend_from_slice(&(s.len() as u32).to_le_bytes());
        self.bytes.extend_from_slice(s.as_bytes());
        self.index.insert(s.to_string(), at);
        at
    }
}

struct Candidate {
    entity: u32,
    flags: u8,
    prominence: u8,
    mask: u8,
    exact: u32,
}

/// Most candidates kept per alias key; the rest are too obscure to ever win.
const MAX_CANDIDATES: usize = 24;

/// The two compiled files: `kb.bin` (detection) and `kb-cards.bin` (card details).
pub struct Compiled {
    pub kb: Vec<u8>,
    pub cards: Vec<u8>,
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

/// Normalised names an imported place must not take as an alternate: every entity's own
/// name, and every alias of a person or organisation.
fn names_of_others(records: &[EntityRecord]) -> std::collections::HashSet<String> {
    records
        .iter()
        .flat_map(|r| name_keys(r, r.kind != "place"))
        .collect()
}

/// Every name and alias of places and organisations ("Paris", "Jordan", "Christian
/// Democratic Union" is not one word, so "Christian" stays a given name).
fn names_of_non_people(records: &[EntityRecord]) -> std::collections::HashSet<String> {
    records
        .iter()
        .filter(|r| r.kind != "person")
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

/// Puts the hot records first (stable otherwise) and returns how many there are: a file
/// compiled from that prefix has the same entity indices as the full one, so one card
/// details file serves both.
pub fn hot_first(records: &mut [EntityRecord]) -> usize {
    records.sort_by_key(|r| !r.is_hot());
    records.iter().take_while(|r| r.is_hot()).count()
}

/// `outlines` is the locator map's country outlines (`assets/world-110m.txt`), stored as is.
/// Given names (the cue for unknown people) are learnt from `people`, so a file compiled
/// from part of the records still knows every given name, and come from `census_names`
/// (`kb/generated/given_names.txt`), less those that name a place or organisation.
pub fn compile(
    records: &[EntityRecord],
    as_of: &str,
    outlines: &str,
    people: &[EntityRecord],
    census_names: &[String],
) -> Result<Compiled, CompileError> {
    let mut strings = StringPool::default();
    let mut card_strings = StringPool::default();
    let mut entities = Vec::with_capacity(records.len() * ENTITY_SIZE);
    let mut detail_offsets = Vec::with_capacity(records.len() * 4);
    let mut details = Vec::new();
    let mut keys: BTreeMap<String, Vec<Candidate>> = BTreeMap::new();
    let mut given_counts: BTreeMap<String, u32> = BTreeMap::new();

    for record in people.iter().filter(|r| r.kind == "person") {
        let words: Vec<&str> = record.name.split_whitespace().collect();
        if words.len() >= 2 && words[0].chars().filter(|c| c.is_alphabetic()).count() >= 2 {
            *given_counts.entry(normalize_phrase(words[0])).or_default() += 1;
        }
    }
    let taken = names_of_others(people);
    let not_people = names_of_non_people(people);
    for name in census_names {
        let key = normalize_phrase(name);
        if !not_people.contains(&key) {
            // Counted as seen twice: a census name is a pattern, not a one-off spelling.
            *given_counts.entry(key).or_default() += 2;
        }
    }
    for (index, record) in records.iter().enumerate() {
        let entity = index as u32;
        let prominence = record.prominence();
        detail_offsets.extend_from_slice(&(details.len() as u32).to_le_bytes());
        write_details(record, &mut card_strings, &mut details);
        entities.extend_from_slice(&strings.add(&record.name).to_le_bytes());
        entities.push(type_code(&record.kind).unwrap_or(0));
        entities.push(subtype_code(&record.kind, &record.subtype).unwrap_or(0));
        let country = record.country.as_deref().unwrap_or("").as_bytes();
        entities.push(country.first().copied().unwrap_or(0));
        entities.push(country.get(1).copied().unwrap_or(0));
        entities.push(prominence);
        entities.extend_from_slice(&[0, 0, 0]);
        let mut aliases = vec![AliasRecord {
            text: record.name.clone(),
            ..AliasRecord::default()
        }];
        aliases.extend(record.alias_records());
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
            let list = keys.entry(key).or_default();
            let exact_ref = if exact {
                strings.add(&alias.text)
            } else {
                NO_STRING
            };
            let mask = capital_mask(&alias.text);
            if let Some(existing) = list
                .iter_mut()
                .find(|c| c.entity == entity && c.exact == exact_ref)
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
                exact: exact_ref,
            });
        }
    }

    let mut candidates = Vec::new();
    let mut builder = fst::MapBuilder::memory();
    for (key, mut list) in keys {
        list.sort_by(|a, b| {
            b.prominence
                .cmp(&a.prominence)
                .then(a.entity.cmp(&b.entity))
        });
        list.truncate(MAX_CANDIDATES);
        let at = candidates.len() as u64;
        candidates.push(list.len() as u8);
        for c in &list {
            candidates.extend_from_slice(&c.entity.to_le_bytes());
            candidates.push(c.flags);
            candidates.push(c.prominence);
            candidates.push(c.mask);
            candidates.extend_from_slice(&c.exact.to_le_bytes());
        }
        builder
            .insert(key.as_bytes(), at)
            .map_err(|e| CompileError(format!("alias automaton: {e}")))?;
    }
    let fst_bytes = builder
        .into_inner()
        .map_err(|e| CompileError(format!("alias automaton: {e}")))?;

    debug_assert_eq!(entities.len(), records.len() * ENTITY_SIZE);
    // A given name seen once may be a one-off transliteration; twice is a pattern.
    let given_names = fst::Set::from_iter(
        given_counts
            .into_iter()
            .filter(|(name, count)| *count >= 2 && !name.contains(' '))
            .map(|(name, _)| name),
    )
    .map_err(|e| CompileError(format!("given names: {e}")))?
    .into_fst()
    .into_inner();
    let meta = format!("as_of={as_of};entities={}", records.len());
    let kb = write_file(
        MAGIC,
        &[
            fst_bytes,
            candidates,
            entities,
            strings.bytes,
            meta.into_bytes(),
            given_names,
        ],
    );
    let cards = write_file(
        CARDS_MAGIC,
        &[
            detail_offsets,
            details,
            card_strings.bytes,
            outlines.as_bytes().to_vec(),
        ],
    );
    Ok(Compiled { kb, cards })
}

fn write_details(record: &EntityRecord, strings: &mut StringPool, out: &mut Vec<u8>) {
    let mut field = |tag: u8, value: &str, out: &mut Vec<u8>| {
        out.push(tag);
        out.extend_from_slice(&strings.add(value).to_le_bytes());
    };
    field(DETAIL_ID, &record.id, out);
    if let Some(s) = &record.summary {
        field(DETAIL_SUMMARY, s, out);
    }
    if let Some(s) = &record.wiki {
        field(DETAIL_WIKI, s, out);
    }
    if let Some(s) = &record.born {
        field(DETAIL_BORN, s, out);
    }
    if let Some(s) = &record.died {
        field(DETAIL_DIED, s, out);
    }
    if let Some(s) = &record.founded {
        field(DETAIL_FOUNDED, s, out);
    }
    if let Some([lat, lon]) = record.coords {
        field(DETAIL_COORDS, &format!("{lat:.4},{lon:.4}"), out);
    }
    if let Some(p) = record.population {
        field(DETAIL_POPULATION, &p.to_string(), out);
    }
    if let Some(s) = &record.capital {
        field(DETAIL_CAPITAL, s, out);
    }
    for role in &record.roles {
        let sep = ROLE_SEPARATOR.to_string();
        let joined = [
            role.title.as_str(),
            role.of.as_deref().unwrap_or(""),
            role.start.as_deref().unwrap_or(""),
            role.end.as_deref().unwrap_or(""),
            role.as_of
                .as_deref()
                .or(record.as_of.as_deref())
                .unwrap_or(""),
            role.source.as_deref().unwrap_or(""),
        ]
        .join(&sep);
        field(DETAIL_ROLE, &joined, out);
    }
    for source in &record.sources {
        field(DETAIL_SOURCE, source, out);
    }
    if let Some(s) = &record.as_of {
        field(DETAIL_AS_OF, s, out);
    }
    if let Some(s) = &record.licence {
        field(DETAIL_LICENCE, s, out);
    }
    out.push(DETAIL_END);
}
