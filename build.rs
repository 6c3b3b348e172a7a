//! Compiles `kb/**/*.jsonl` into `$OUT_DIR/kb-hot.bin`, `kb.bin` and `kb-cards.bin`, which
//! the crate embeds and the extension ships, and `kb-sources.bin`, which only native builds
//! embed.

#[path = "src/kb/compile.rs"]
mod compile;
#[path = "src/kb/format.rs"]
#[allow(dead_code)]
mod format;
#[path = "src/text.rs"]
#[allow(dead_code)]
mod text;

use std::path::PathBuf;

fn main() {
    let root = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets this"));
    let kb_dir = root.join("kb");
    println!("cargo:rerun-if-changed=kb");
    println!("cargo:rerun-if-changed=src/kb/compile.rs");
    println!("cargo:rerun-if-changed=src/kb/format.rs");
    println!("cargo:rerun-if-changed=src/text.rs");
    println!("cargo:rerun-if-changed=assets/world-110m.txt");
    let files = compile::source_files(&kb_dir);
    for file in &files {
        println!("cargo:rerun-if-changed={}", file.display());
    }
    let mut records = match compile::read_records(&files) {
        Ok(records) => records,
        Err(e) => {
            eprintln!("error: knowledge base: {e}");
            std::process::exit(1);
        }
    };
    let as_of = records
        .iter()
        .filter_map(|r| r.as_of.clone())
        .max()
        .unwrap_or_else(|| "unknown".to_string());
    let outlines = std::fs::read_to_string(root.join("assets/world-110m.txt"))
        .expect("assets/world-110m.txt is part of the repository");
    let given_path = kb_dir.join("generated/given_names.txt");
    println!("cargo:rerun-if-changed={}", given_path.display());
    let census_names = std::fs::read_to_string(&given_path)
        .map(|text| compile::read_given_names(&text))
        .unwrap_or_default();
    compile::sort_records(&mut records);
    let compiled = match compile::compile(&records, &as_of, &outlines, &census_names) {
        Ok(compiled) => compiled,
        Err(e) => {
            eprintln!("error: knowledge base: {e}");
            std::process::exit(1);
        }
    };
    let out = PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets this"));
    for (name, bytes) in [
        ("kb-hot.bin", compiled.hot),
        ("kb.bin", compiled.rest),
        ("kb-cards.bin", compiled.cards),
        ("kb-sources.bin", compiled.provenance),
    ] {
        std::fs::write(out.join(name), bytes).expect("OUT_DIR is writable");
    }
}
