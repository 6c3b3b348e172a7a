//! Shared by the integration tests: the real-page corpus, which lives outside the repository.

use std::path::PathBuf;

/// Every corpus page's `expected.txt`, in page order; empty when `$BACKSTORY_SHARED` (default
/// `../shared`) has no corpus.
pub fn corpus_texts() -> Vec<String> {
    let shared = std::env::var_os("BACKSTORY_SHARED")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared"));
    let Ok(pages) = std::fs::read_dir(shared.join("corpus/pages")) else {
        return Vec::new();
    };
    let mut dirs: Vec<PathBuf> = pages.filter_map(|e| Some(e.ok()?.path())).collect();
    dirs.sort();
    dirs.iter()
        .filter_map(|dir| std::fs::read_to_string(dir.join("expected.txt")).ok())
        .collect()
}
