//! Property tests (issue #6): the scanner and the knowledge readers take text from strangers'
//! pages and bytes from a file, so no input may make them panic, loop or hand back offsets
//! that are not in the text.
//!
//! Case counts are fixed and small so `cargo test` stays fast (a few seconds in debug); raise
//! them for a long hunt with `PROPTEST_CASES=10000 cargo test --release --test properties`.
//! Slices of real article text come from `$BACKSTORY_SHARED/corpus/pages/*/expected.txt`
//! (default `../shared`); without the corpus those cases test nothing and pass.

mod common;

use backstory::kb::{Cards, EntityRecord, EMBEDDED, EMBEDDED_CARDS, EMBEDDED_HOT};
use backstory::scan::{scan_more, scan_name};
use backstory::text::tokenize;
use backstory::{scan, Kb, Scan};
use proptest::prelude::*;
use proptest::sample::Index;
use std::sync::OnceLock;

/// Cases per property unless `PROPTEST_CASES` says otherwise.
const CASES: u32 = 64;

fn config() -> ProptestConfig {
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|c| c.parse().ok())
        .unwrap_or(CASES);
    ProptestConfig {
        cases,
        // Failures are reported with their minimal input; no regression files in the tree.
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

fn kb() -> &'static Kb<'static> {
    static KB: OnceLock<Kb<'static>> = OnceLock::new();
    KB.get_or_init(|| Kb::embedded().expect("the embedded knowledge base opens"))
}

fn corpus() -> &'static [String] {
    static TEXTS: OnceLock<Vec<String>> = OnceLock::new();
    TEXTS.get_or_init(common::corpus_texts)
}

/// Every promise a scan makes about its offsets and indices.
fn check_scan(text: &str, scan: &Scan) -> Result<(), TestCaseError> {
    let in_text = |start: usize, end: usize| {
        start <= end
            && end <= text.len()
            && text.is_char_boundary(start)
            && text.is_char_boundary(end)
    };
    for m in &scan.mentions {
        prop_assert!(m.start < m.end, "empty mention {m:?}");
        prop_assert!(
            in_text(m.start, m.end),
            "mention {m:?} not on char boundaries in the text"
        );
        prop_assert!(
            m.entity < scan.entities.len(),
            "mention {m:?} names no entity"
        );
    }
    for pair in scan.mentions.windows(2) {
        prop_assert!(
            pair[0].end <= pair[1].start,
            "mentions out of order or overlapping: {:?} then {:?}",
            pair[0],
            pair[1]
        );
    }
    for entity in &scan.entities {
        let (start, end) = entity.first_sentence;
        prop_assert!(
            in_text(start, end),
            "first sentence {start}..{end} of {entity:?}"
        );
        if let Some((start, end)) = entity.intro {
            prop_assert!(in_text(start, end), "intro {start}..{end} of {entity:?}");
        }
    }
    Ok(())
}

/// Pieces that exercise the tokeniser's and scanner's special cases: possessives, initials,
/// hyphens, brackets around acronyms, titles, scripts without case, letters whose lowercase
/// is longer than they are ("İ"), combining marks and emoji.
fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("Tehran".to_string()),
        Just("Iran's".to_string()),
        Just("Iran’s".to_string()),
        Just("U.S.".to_string()),
        Just("J.".to_string()),
        Just("George W. Bush".to_string()),
        Just("President".to_string()),
        Just("Mr".to_string()),
        Just("Popular Mobilization Forces (PMF)".to_string()),
        Just("(".to_string()),
        Just(")".to_string()),
        Just("-".to_string()),
        Just("—".to_string()),
        Just("'".to_string()),
        Just(".".to_string()),
        Just(", ".to_string()),
        Just("\n".to_string()),
        Just(" ".to_string()),
        Just("Georgia".to_string()),
        Just("Washington".to_string()),
        Just("May".to_string()),
        Just("al-Qaeda".to_string()),
        Just("Москва".to_string()),
        Just("北京市".to_string()),
        Just("القاهرة".to_string()),
        Just("İstanbul".to_string()),
        Just("ǅemal".to_string()),
        Just("e\u{301}".to_string()),
        Just("🇮🇷".to_string()),
        Just("ß".to_string()),
        Just("\u{0}".to_string()),
        "[A-Z][a-z]{0,8}",
        "[A-Z]{2,6}",
        "[a-z]{1,8}",
        "\\PC{1,6}",
    ]
}

fn mixed_text() -> impl Strategy<Value = String> {
    prop::collection::vec(
        (piece(), prop_oneof![Just(" "), Just(""), Just(". ")]),
        0..40,
    )
    .prop_map(|parts| parts.into_iter().map(|(p, sep)| p + sep).collect())
}

/// A slice of a corpus page between two char boundaries, or "" without a corpus.
fn corpus_slice(page: Index, start: Index, len: usize) -> String {
    let texts = corpus();
    if texts.is_empty() {
        return String::new();
    }
    let text = page.get(texts);
    let mut start = start.index(text.len().max(1)).min(text.len());
    while !text.is_char_boundary(start) {
        start -= 1;
    }
    let mut end = (start + len).min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    text[start..end].to_string()
}

proptest! {
    #![proptest_config(config())]

    /// A page read in two sections (a long page, or text added later) keeps every promise
    /// of a scan in the offsets of the whole text.
    #[test]
    fn sections_read_one_after_another_keep_the_promises(
        first in mixed_text(),
        second in mixed_text(),
        page in any::<Index>(),
        start in any::<Index>(),
    ) {
        let first = format!("{first} {}", corpus_slice(page, start, 600));
        let mut article = scan(kb(), &first);
        let more = scan_more(kb(), &article, &second);
        check_scan(&second, &more)?;
        let whole = format!("{first}\n{second}");
        article.absorb(more, first.len() + 1);
        check_scan(&whole, &article)?;
    }

    #[test]
    fn scan_keeps_its_promises_on_any_unicode(text in any::<String>()) {
        check_scan(&text, &scan(kb(), &text))?;
    }

    #[test]
    fn scan_keeps_its_promises_on_mixed_scripts_and_punctuation(text in mixed_text()) {
        check_scan(&text, &scan(kb(), &text))?;
    }

    #[test]
    fn scan_keeps_its_promises_in_capitals(text in mixed_text()) {
        let text = text.to_uppercase();
        check_scan(&text, &scan(kb(), &text))?;
    }

    #[test]
    fn scan_keeps_its_promises_on_very_long_tokens(
        word in "[A-Za-zé’'.]{1,3}",
        repeat in 1..3000usize,
        around in mixed_text(),
    ) {
        let text = format!("{around} {} {around}", word.repeat(repeat));
        check_scan(&text, &scan(kb(), &text))?;
    }

    #[test]
    fn scan_keeps_its_promises_among_many_brackets(
        parts in prop::collection::vec(
            prop_oneof![Just("("), Just(")"), Just("( "), Just(" )"), Just("UN"), Just("United Nations"), Just("IAEA"), Just(" ")],
            0..200,
        ),
    ) {
        let text: String = parts.concat();
        check_scan(&text, &scan(kb(), &text))?;
    }

    #[test]
    fn scan_keeps_its_promises_on_slices_of_real_articles(
        page in any::<Index>(),
        start in any::<Index>(),
        len in 0..4000usize,
        upper in any::<bool>(),
    ) {
        let mut text = corpus_slice(page, start, len);
        if upper {
            text = text.to_uppercase();
        }
        check_scan(&text, &scan(kb(), &text))?;
    }

    #[test]
    fn scan_name_keeps_its_promises(text in mixed_text(), query in prop_oneof![piece(), any::<String>()]) {
        if let Some(found) = scan_name(kb(), &text, &query) {
            prop_assert_eq!(found.entities.len(), 1);
            check_scan(&text, &found)?;
        }
    }

    #[test]
    fn tokens_lie_on_char_boundaries_in_order(text in prop_oneof![any::<String>(), mixed_text()]) {
        let mut previous_end = 0;
        for token in tokenize(&text) {
            prop_assert!(previous_end <= token.start && token.start < token.end);
            prop_assert!(token.end <= text.len());
            prop_assert!(text.is_char_boundary(token.start) && text.is_char_boundary(token.end));
            previous_end = token.end;
        }
    }
}

/// A knowledge file with `flips` bytes overwritten, each at a position drawn near the start
/// (header and first section offsets) or anywhere.
fn corrupt(original: &[u8], flips: &[(Index, u8, bool)]) -> Vec<u8> {
    let mut bytes = original.to_vec();
    for (at, value, near_start) in flips {
        let range = if *near_start {
            256.min(bytes.len())
        } else {
            bytes.len()
        };
        let i = at.index(range);
        bytes[i] ^= value | 1;
    }
    bytes
}

/// Uses every reader of a `Kb` that may have opened on damaged bytes; only panics matter.
fn exercise_kb(kb: &Kb<'_>, probes: &[Index]) {
    const TEXT: &str = "Iranian Foreign Minister Abbas Araghchi met the IAEA in Vienna. \
        The Popular Mobilization Forces (PMF) said Tehran and Washington, Georgia agreed.";
    let _ = scan(kb, TEXT);
    let _ = scan_name(kb, TEXT, "Tehran");
    let tokens = tokenize(TEXT);
    for start in 0..tokens.len() + 1 {
        for (_, at) in kb.matches_at(&tokens, start).iter() {
            for c in kb.candidates(at) {
                let _ = kb.entity(c.entity);
                let _ = kb.exact_form(&c);
            }
        }
    }
    for name in ["Tehran", "United Nations", "", "é"] {
        for c in kb.lookup(name) {
            let _ = kb.entity(c.entity);
        }
    }
    let count = kb.entity_count();
    for probe in probes {
        let _ = kb.entity(probe.index(count.max(1) as usize) as u32);
        let _ = kb.candidates(probe.index(usize::MAX) as u64).count();
    }
    let _ = kb.entity(u32::MAX);
    let _ = (kb.as_of(), kb.alias_count(), kb.is_given_name("dean"));
}

fn exercise_cards(cards: &Cards<'_>, probes: &[Index]) {
    let any = kb().entity(0).expect("the knowledge base has entities");
    let at = |index: u32| EntityRecord { index, ..any };
    for probe in probes {
        let entity = at(probe.index(80_000) as u32);
        let details = cards.details(&entity);
        let _ = (details.roles.len(), cards.id(&entity));
    }
    let _ = cards.details(&at(u32::MAX));
    let _ = cards.outline("IR");
    let _ = cards.outlines().count();
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn damaged_knowledge_is_refused_or_read_safely(
        flips in prop::collection::vec((any::<Index>(), 1..=255u8, any::<bool>()), 1..8),
        probes in prop::collection::vec(any::<Index>(), 8),
    ) {
        let hot = corrupt(EMBEDDED_HOT, &flips);
        if let Ok(kb) = Kb::open(&hot) {
            exercise_kb(&kb, &probes);
        }
        let rest = corrupt(EMBEDDED, &flips);
        if let Ok(kb) = Kb::open(EMBEDDED_HOT).and_then(|kb| kb.with_rest(&rest)) {
            exercise_kb(&kb, &probes);
        }
    }

    #[test]
    fn truncated_knowledge_is_refused_or_read_safely(
        keep in any::<Index>(),
        probes in prop::collection::vec(any::<Index>(), 8),
    ) {
        if let Ok(kb) = Kb::open(&EMBEDDED_HOT[..keep.index(EMBEDDED_HOT.len())]) {
            exercise_kb(&kb, &probes);
        }
        let rest = &EMBEDDED[..keep.index(EMBEDDED.len())];
        if let Ok(kb) = Kb::open(EMBEDDED_HOT).and_then(|kb| kb.with_rest(rest)) {
            exercise_kb(&kb, &probes);
        }
    }

    #[test]
    fn damaged_card_details_are_refused_or_read_safely(
        flips in prop::collection::vec((any::<Index>(), 1..=255u8, any::<bool>()), 1..8),
        keep in any::<Index>(),
        probes in prop::collection::vec(any::<Index>(), 8),
    ) {
        let mut bytes = corrupt(EMBEDDED_CARDS, &flips);
        bytes.truncate(bytes.len() - keep.index(bytes.len() / 4));
        if let Ok(cards) = Cards::open(&bytes) {
            exercise_cards(&cards, &probes);
        }
    }
}

/// Damage concentrated inside the alias automaton, where a reader follows addresses it
/// finds in the bytes.
#[test]
fn damaged_alias_automaton_is_refused_or_read_safely() {
    use proptest::test_runner::TestRunner;
    let fst_at = u32::from_le_bytes(EMBEDDED[8..12].try_into().unwrap()) as usize;
    let fst_len = u32::from_le_bytes(EMBEDDED[12..16].try_into().unwrap()) as usize;
    let mut runner = TestRunner::new(config());
    runner
        .run(
            &(
                prop::collection::vec((0..fst_len, 1..=255u8), 1..16),
                prop::collection::vec(any::<Index>(), 8),
            ),
            |(flips, probes)| {
                let mut bytes = EMBEDDED.to_vec();
                for (i, value) in flips {
                    bytes[fst_at + i] ^= value;
                }
                if let Ok(kb) = Kb::open(EMBEDDED_HOT).and_then(|kb| kb.with_rest(&bytes)) {
                    exercise_kb(&kb, &probes);
                }
                Ok(())
            },
        )
        .unwrap();
}
