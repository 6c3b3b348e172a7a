//! A name the reader asked about ("Look up «selection»"), whether or not detection found it:
//! the knowledge-base record the name is best known as, and the name's own mentions and
//! context in the article, so the card can be built like any other.

use super::{context, ArticleEntity, Mention, Scan};
use crate::kb::{EntityType, Kb};
use crate::text::{normalize_phrase, tokenize};

/// Longest selection looked up; anything longer is not a name.
pub const MAX_LOOKUP_CHARS: usize = 120;

/// A scan of `text` holding one entity, the name `query`, with every whole-word occurrence
/// of it as a mention. None when the query is empty or too long to be a name.
pub fn scan_name(kb: &Kb<'_>, text: &str, query: &str) -> Option<Scan> {
    let query = query.split_whitespace().collect::<Vec<_>>().join(" ");
    if query.is_empty() || query.chars().count() > MAX_LOOKUP_CHARS {
        return None;
    }
    let best = kb
        .lookup(&query)
        .into_iter()
        .filter_map(|c| kb.entity(c.entity).map(|record| (c, record)))
        .max_by_key(|(c, _)| c.prominence);
    let mut entity = match &best {
        Some((c, record)) => {
            ArticleEntity::new(Some(c.entity), &record.name, record.kind, record.subtype)
        }
        None => ArticleEntity::new(None, &query, EntityType::Person, "name"),
    };
    let tokens = tokenize(text);
    let wanted = tokenize(&query);
    let key = normalize_phrase(&query);
    let mut mentions = Vec::new();
    if !wanted.is_empty() {
        for window in tokens.windows(wanted.len()) {
            let (start, end) = (window[0].start, window[wanted.len() - 1].end);
            let same = window.iter().zip(&wanted).all(|(a, b)| a.norm == b.norm);
            if same && normalize_phrase(&text[start..end]) == key {
                mentions.push(Mention {
                    start,
                    end,
                    entity: 0,
                });
            }
        }
    }
    entity.mention_count = mentions.len();
    let mut scan = Scan {
        mentions,
        entities: vec![entity],
    };
    context::describe(text, &tokens, &mut scan);
    Some(scan)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_known_name_gets_its_record_and_article_context() {
        let kb = Kb::embedded().unwrap();
        let text = "Talks in Vienna went on. Later, Vienna hosted the IAEA board.";
        let scan = scan_name(&kb, text, "  Vienna ").unwrap();
        assert!(scan.entities[0].kb.is_some());
        assert_eq!(scan.entities[0].kind, EntityType::Place);
        assert_eq!(scan.entities[0].mention_count, 2);
        assert_eq!(
            &text[scan.mentions[1].start..scan.mentions[1].end],
            "Vienna"
        );
        assert_eq!(
            &text[scan.entities[0].first_sentence.0..scan.entities[0].first_sentence.1],
            "Talks in Vienna went on."
        );
    }

    #[test]
    fn an_unknown_name_is_still_found_in_the_article() {
        let kb = Kb::embedded().unwrap();
        let text = "Spokesman Qxvbor Trelmani said no. Trelmani left.";
        let scan = scan_name(&kb, text, "Trelmani").unwrap();
        assert!(scan.entities[0].kb.is_none());
        assert_eq!(scan.entities[0].name, "Trelmani");
        assert_eq!(scan.mentions.len(), 2);
    }

    #[test]
    fn empty_or_overlong_selections_are_not_names() {
        let kb = Kb::embedded().unwrap();
        assert!(scan_name(&kb, "text", "   ").is_none());
        assert!(scan_name(&kb, "text", &"word ".repeat(40)).is_none());
    }
}
