//! The `backstory` command's contract (issues #3 and #4): scripts and benchmarks rely on it.
#![cfg(feature = "cli")]

use std::io::Write;
use std::process::{Command, Output, Stdio};

fn backstory(args: &[&str], stdin: &str) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_backstory"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the CLI starts");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(stdin.as_bytes())
        .expect("stdin written");
    child.wait_with_output().expect("the CLI ends")
}

fn json(output: &Output) -> serde_json::Value {
    serde_json::from_slice(&output.stdout).expect("one JSON value on stdout")
}

#[test]
fn lookup_gives_candidates_best_first_with_dated_roles() {
    let out = backstory(&["lookup", "Araghchi"], "");
    assert!(out.status.success());
    let found = json(&out);
    let best = &found[0];
    assert_eq!(best["name"], "Abbas Araghchi");
    assert_eq!(best["type"], "person");
    assert_eq!(best["country"], "IR");
    let roles = best["roles"].as_array().expect("roles");
    let minister = roles
        .iter()
        .find(|r| r["title"] == "Minister of Foreign Affairs")
        .expect("his current role");
    assert!(minister["from"]
        .as_str()
        .is_some_and(|d| d.starts_with("2024")));
    assert!(minister["to"].is_null(), "held as of its date, not ended");
    assert!(best["sources"].as_array().is_some_and(|s| !s.is_empty()));
    assert!(best["wikipedia"]
        .as_str()
        .is_some_and(|w| w.starts_with("https://en.wikipedia.org/wiki/")));
}

#[test]
fn an_unknown_name_is_an_empty_list_and_success() {
    let out = backstory(&["lookup", "Zzyzxqa Vrrmbl"], "");
    assert!(out.status.success());
    assert_eq!(json(&out), serde_json::json!([]));
}

#[test]
fn bad_usage_explains_itself_and_exits_2() {
    let out = backstory(&["frobnicate"], "");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("usage"));
}

#[test]
fn stats_count_every_entity_by_type() {
    let stats = json(&backstory(&["kb", "stats"], ""));
    let entities = stats["entities"].as_u64().expect("entities");
    assert!(entities > 60_000, "{entities}");
    let by_type = stats["by_type"].as_object().expect("by_type");
    let total: u64 = by_type.values().filter_map(|v| v.as_u64()).sum();
    assert_eq!(total, entities);
    for kind in ["person", "organization", "place"] {
        assert!(by_type.contains_key(kind), "{kind}");
    }
    assert!(stats["bytes"].as_u64().is_some_and(|b| b > 0));
    assert!(stats["as_of"].as_str().is_some());
}

#[test]
fn a_malformed_line_gets_an_error_line_and_the_run_goes_on() {
    let input = "{\"id\": \"a\", \"text\": \"Iran and Russia\"}\nnot json\n{\"id\": \"c\", \"text\": \"Putin spoke in Moscow.\"}\n";
    let out = backstory(&["scan", "--jsonl"], input);
    assert!(out.status.success());
    let lines: Vec<serde_json::Value> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).expect("JSON lines"))
        .collect();
    assert_eq!(lines.len(), 3);
    assert_eq!(lines[0]["mentions"].as_array().map(Vec::len), Some(2));
    assert!(lines[1]["error"].is_string());
    assert_eq!(lines[2]["id"], "c");
    let moscow = &lines[2]["mentions"][1];
    assert_eq!(moscow["text"], "Moscow");
    // Offsets are code points into the input text.
    assert_eq!(moscow["start"], 15);
    assert_eq!(moscow["end"], 21);
}
