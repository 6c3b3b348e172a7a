//! Backstory finds the actors (people, governments, organisations, armed groups, media) and
//! sites (countries, cities, regions, facilities) in a news article and explains each on hover.
//!
//! The pipeline on one screen:
//!
//! ```text
//! text ── text::tokenize ── scan::scan ──────────────> Scan { mentions, entities }
//!             (tokens)        │ kb::Kb::matches_at (fst walk over alias keys)
//!                             │ scan::patterns (titles, organisation words)
//!                             └ in-article memory (surnames, introductions)
//! Scan + entity ── card::build ──> CardData (rendering-free)
//! ```
//!
//! The core (`text`, `kb`, `scan`, `card`) has no browser dependency; the CLI and native
//! tests use it directly. `web` (wasm32 only) is the content-script front end: it reads the
//! page, paints highlights with the CSS Custom Highlight API and draws cards in a closed
//! shadow root. The knowledge base is compiled from `kb/` by `build.rs` and embedded.
//!
//! ```
//! let kb = backstory::Kb::embedded().unwrap();
//! let text = "Iranian Foreign Minister Abbas Araghchi arrived in Moscow.";
//! let scan = backstory::scan(&kb, text);
//! let names: Vec<&str> = scan.mentions.iter().map(|m| &text[m.start..m.end]).collect();
//! assert_eq!(names, ["Abbas Araghchi", "Moscow"]);
//! ```

pub mod card;
mod error;
pub mod kb;
pub mod locator_map;
pub mod scan;
pub mod text;

#[cfg(target_arch = "wasm32")]
mod web;

pub use card::CardData;
pub use error::Error;
pub use kb::{EntityType, Kb};
pub use scan::{scan, ArticleEntity, Mention, Scan};
