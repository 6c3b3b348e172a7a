//! `backstory`: the core on the command line, for evaluation, benchmarks and debugging.
//!
//! ```text
//! backstory scan --jsonl        JSON Lines {"id","text"} on stdin -> mentions per line
//! backstory scan FILE           one .txt or .html file (HTML: visible text only)
//! backstory lookup NAME...      knowledge-base candidates for a name (a JSON array, [] if none)
//! backstory card FILE NAME      the hover card for NAME as it appears in FILE
//! backstory kb stats            size and counts (by type and subtype) of the embedded knowledge base
//! backstory kb export DIR       write kb.bin, kb-hot.bin and kb-cards.bin (the extension ships them)
//! ```

mod html_text;

use backstory::kb::{Cards, EntityType, Provenance};
use backstory::{card, scan, Kb, Scan};
use serde_json::{json, Value};
use std::io::{BufRead, Write};
use std::process::ExitCode;

const USAGE: &str =
    "usage: backstory scan --jsonl | scan FILE | lookup NAME | card FILE NAME | kb stats";

/// Why a command failed: bad usage exits 2 (the contract scripts rely on), anything else 1.
enum Failure {
    Usage(String),
    Other(String),
}

impl From<String> for Failure {
    fn from(message: String) -> Self {
        Failure::Other(message)
    }
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let opened = Kb::embedded().and_then(|kb| Ok((kb, Cards::embedded()?)));
    let (kb, cards) = match opened {
        Ok(both) => both,
        Err(e) => {
            eprintln!("backstory: {e}");
            return ExitCode::FAILURE;
        }
    };
    match run(&kb, &cards, &args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(Failure::Usage(message)) => {
            eprintln!("backstory: {message}");
            ExitCode::from(2)
        }
        Err(Failure::Other(message)) => {
            eprintln!("backstory: {message}");
            ExitCode::FAILURE
        }
    }
}

fn run(kb: &Kb<'_>, cards: &Cards<'_>, args: &[String]) -> Result<(), Failure> {
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    match args.as_slice() {
        ["scan", "--jsonl"] => Ok(scan_jsonl(kb, cards)?),
        ["scan", file] => {
            let text = read_document(file)?;
            Ok(emit(&mentions_json(
                kb,
                cards,
                "",
                &text,
                &scan(kb, &text),
            ))?)
        }
        ["lookup", names @ ..] if !names.is_empty() => {
            Ok(emit(&lookup(kb, cards, &names.join(" "))?)?)
        }
        ["card", file, name @ ..] if !name.is_empty() => {
            let text = read_document(file)?;
            Ok(print_card(kb, cards, &text, &name.join(" "))?)
        }
        ["kb", "export", dir] => Ok(export(dir)?),
        ["kb", "stats"] => Ok(emit(&stats(kb))?),
        _ => Err(Failure::Usage(USAGE.to_string())),
    }
}

/// Prints one value on its own line. A reader that stops early (`| head`) is not an error.
fn emit(value: &impl std::fmt::Display) -> Result<(), String> {
    let mut out = std::io::stdout().lock();
    match writeln!(out, "{value}") {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(format!("writing: {e}")),
        _ => Ok(()),
    }
}

/// The compiled knowledge as the extension ships it.
const KNOWLEDGE_FILES: [(&str, &[u8]); 3] = [
    ("kb-hot.bin", backstory::kb::EMBEDDED_HOT),
    ("kb.bin", backstory::kb::EMBEDDED),
    ("kb-cards.bin", backstory::kb::EMBEDDED_CARDS),
];

/// Counts by type and subtype, aliases, size (all three files) and date of the embedded
/// knowledge base.
fn stats(kb: &Kb<'_>) -> Value {
    let mut by_type = std::collections::BTreeMap::<&str, u32>::new();
    let mut by_subtype = std::collections::BTreeMap::<String, u32>::new();
    for index in 0..kb.entity_count() {
        if let Some(e) = kb.entity(index) {
            *by_type.entry(e.kind.as_str()).or_default() += 1;
            *by_subtype
                .entry(format!("{}/{}", e.kind.as_str(), e.subtype))
                .or_default() += 1;
        }
    }
    let files: std::collections::BTreeMap<&str, usize> = KNOWLEDGE_FILES
        .iter()
        .map(|(name, bytes)| (*name, bytes.len()))
        .collect();
    json!({"entities": kb.entity_count(), "by_type": by_type, "by_subtype": by_subtype,
           "aliases": kb.alias_count(), "bytes": files.values().sum::<usize>(), "files": files,
           "as_of": kb.as_of()})
}

fn read_document(path: &str) -> Result<String, String> {
    let bytes = std::fs::read(path).map_err(|e| format!("cannot read {path}: {e}"))?;
    let text = String::from_utf8_lossy(&bytes).into_owned();
    if path.ends_with(".html") || path.ends_with(".htm") {
        Ok(html_text::visible_text(&text))
    } else {
        Ok(text)
    }
}

/// Mentions with code-point offsets, as the CLI contract promises.
fn mentions_json(kb: &Kb<'_>, cards: &Cards<'_>, id: &str, text: &str, result: &Scan) -> Value {
    let mut chars_before = 0usize;
    let mut byte_cursor = 0usize;
    let mut to_chars = |byte: usize| {
        chars_before += text[byte_cursor..byte].chars().count();
        byte_cursor = byte;
        chars_before
    };
    let acting = backstory::scan::roles::acting_places(text, result);
    let mentions: Vec<Value> = result
        .mentions
        .iter()
        .zip(acting)
        .map(|(m, acting)| {
            let e = &result.entities[m.entity];
            // A place acting as a government or team is typed by its role.
            let kind = if acting {
                EntityType::Organization
            } else {
                e.kind
            };
            let start = to_chars(m.start);
            let end = to_chars(m.end);
            let record = e.kb.and_then(|i| kb.entity(i));
            json!({
                "start": start, "end": end, "text": &text[m.start..m.end],
                "type": kind.as_str(), "subtype": record.map(|r| r.subtype),
                "entity": record.and_then(|r| cards.id(&r)), "name": record.map(|r| r.name.to_string()),
            })
        })
        .collect();
    json!({"id": id, "mentions": mentions})
}

fn scan_jsonl(kb: &Kb<'_>, cards: &Cards<'_>) -> Result<(), String> {
    let stdin = std::io::stdin();
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    for (n, line) in stdin.lock().lines().enumerate() {
        let line = line.map_err(|e| format!("reading stdin: {e}"))?;
        if line.trim().is_empty() {
            continue;
        }
        let reply = match serde_json::from_str::<Value>(&line) {
            Ok(input) => {
                let id = input.get("id").and_then(Value::as_str).unwrap_or("");
                match input.get("text").and_then(Value::as_str) {
                    Some(text) => mentions_json(kb, cards, id, text, &scan(kb, text)),
                    None => {
                        json!({"id": id, "error": format!("line {}: no \"text\" string", n + 1)})
                    }
                }
            }
            Err(e) => json!({"id": null, "error": format!("line {}: not JSON: {e}", n + 1)}),
        };
        writeln!(out, "{reply}").map_err(|e| format!("writing stdout: {e}"))?;
    }
    Ok(())
}

/// The candidates for a name, best first, with their facts; `[]` when the name is unknown.
fn lookup(kb: &Kb<'_>, cards: &Cards<'_>, name: &str) -> Result<Value, String> {
    let provenance = Provenance::embedded().map_err(|e| e.to_string())?;
    let candidates: Vec<Value> = kb
        .lookup(name)
        .into_iter()
        .filter_map(|c| {
            let e = kb.entity(c.entity)?;
            let mut details = cards.details(&e);
            provenance.fill(&e, &mut details);
            let roles: Vec<Value> = details
                .roles
                .iter()
                .map(|r| {
                    let open = |date: &str| (!date.is_empty()).then(|| date.to_string());
                    json!({"title": r.title, "of": open(r.of), "from": open(r.start),
                           "to": open(r.end), "as_of": open(r.as_of), "source": open(&r.source)})
                })
                .collect();
            Some(json!({
                "id": details.id, "name": &*e.name, "type": e.kind.as_str(), "subtype": e.subtype,
                "description": details.summary,
                "country": (!e.country.is_empty()).then_some(e.country),
                "roles": roles,
                "wikipedia": details.wiki.map(|t| format!("https://en.wikipedia.org/wiki/{t}")),
                "sources": details.sources, "prominence": c.prominence, "flags": c.flags,
            }))
        })
        .collect();
    Ok(Value::Array(candidates))
}

fn print_card(kb: &Kb<'_>, cards: &Cards<'_>, text: &str, name: &str) -> Result<(), String> {
    let result = scan(kb, text);
    let index = result
        .entities
        .iter()
        .position(|e| {
            e.name == name
                || e.kb
                    .and_then(|i| kb.entity(i))
                    .and_then(|r| cards.id(&r))
                    .as_deref()
                    == Some(name)
        })
        .ok_or_else(|| format!("{name:?} is not among the entities found in this text"))?;
    let data = card::build(kb, Some(cards), text, &result, index, &[]).ok_or("no card")?;
    emit(&serde_json::to_string_pretty(&data).map_err(|e| e.to_string())?)
}

fn export(dir: &str) -> Result<(), String> {
    let dir = std::path::Path::new(dir);
    std::fs::create_dir_all(dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    for (name, bytes) in KNOWLEDGE_FILES {
        std::fs::write(dir.join(name), bytes)
            .map_err(|e| format!("cannot write {}: {e}", dir.join(name).display()))?;
    }
    Ok(())
}
