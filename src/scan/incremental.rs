//! Scanning a page piece by piece: a long page is read in sections and a dynamic page adds
//! text later, but a later "Araghchi" is still the "Abbas Araghchi" introduced before. Each
//! new section is scanned after a preamble naming the entities the article already has (the
//! scanner's first pass learns the cast from it); mentions inside the preamble are dropped.

use super::{scan, ArticleEntity, EntityKey, Mention, Scan};
use crate::kb::Kb;
use std::collections::HashMap;

/// Longest preamble of known names; beyond it the oldest names are left out. The JavaScript
/// fallback scans several times slower, so its preamble is shorter.
const MAX_PREAMBLE_BYTES: usize = if cfg!(feature = "js-engine") {
    4 * 1024
} else {
    16 * 1024
};

fn key_of(entity: &ArticleEntity) -> EntityKey {
    match entity.kb {
        Some(index) => EntityKey::Known(index),
        None => EntityKey::Local(entity.name.clone()),
    }
}

/// Scans `section`, text that follows what `article` already holds. Offsets in the result
/// are relative to `section`.
pub fn scan_more(kb: &Kb<'_>, article: &Scan, section: &str) -> Scan {
    let mut preamble = String::new();
    for entity in article.entities.iter().rev() {
        if preamble.len() + entity.name.len() + 2 > MAX_PREAMBLE_BYTES {
            break;
        }
        // One name per line: each is a block of its own, as in a list of names.
        preamble.push_str(&entity.name);
        preamble.push_str(".\n");
    }
    if preamble.is_empty() {
        return scan(kb, section);
    }
    preamble.push('\n');
    let skip = preamble.len();
    let whole = preamble + section;
    let found = scan(kb, &whole);
    let mut kept = Scan::default();
    let mut renumbered: HashMap<usize, usize> = HashMap::new();
    for mention in found.mentions.iter().filter(|m| m.start >= skip) {
        let index = *renumbered.entry(mention.entity).or_insert_with(|| {
            let mut entity = found.entities[mention.entity].clone();
            entity.mention_count = 0;
            entity.intro = entity
                .intro
                .filter(|(s, _)| *s >= skip)
                .map(|(s, e)| (s - skip, e - skip));
            let (s, e) = entity.first_sentence;
            entity.first_sentence = if s >= skip {
                (s - skip, e - skip)
            } else {
                (mention.start - skip, mention.end - skip)
            };
            kept.entities.push(entity);
            kept.entities.len() - 1
        });
        kept.entities[index].mention_count += 1;
        kept.mentions.push(Mention {
            start: mention.start - skip,
            end: mention.end - skip,
            entity: index,
        });
    }
    kept
}

impl Scan {
    /// Adds the scan of a section that starts at byte `base` of this article's text; the
    /// section's entities join the article's own. Returns the index of the first new mention.
    pub fn absorb(&mut self, more: Scan, base: usize) -> usize {
        let first_new = self.mentions.len();
        let mut known: HashMap<EntityKey, usize> = self
            .entities
            .iter()
            .enumerate()
            .map(|(i, e)| (key_of(e), i))
            .collect();
        let shift = |(s, e): (usize, usize)| (s + base, e + base);
        let mut global = Vec::with_capacity(more.entities.len());
        for entity in more.entities {
            let index = match known.get(&key_of(&entity)) {
                Some(&index) => {
                    let existing = &mut self.entities[index];
                    existing.mention_count += entity.mention_count;
                    if existing.intro.is_none() {
                        existing.intro = entity.intro.map(shift);
                    }
                    index
                }
                None => {
                    let mut entity = entity;
                    entity.intro = entity.intro.map(shift);
                    entity.first_sentence = shift(entity.first_sentence);
                    known.insert(key_of(&entity), self.entities.len());
                    self.entities.push(entity);
                    self.entities.len() - 1
                }
            };
            global.push(index);
        }
        self.mentions
            .extend(more.mentions.into_iter().map(|m| Mention {
                start: m.start + base,
                end: m.end + base,
                entity: global[m.entity],
            }));
        first_new
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names<'a>(text: &'a str, scan: &Scan) -> Vec<(&'a str, String)> {
        scan.mentions
            .iter()
            .map(|m| (&text[m.start..m.end], scan.entities[m.entity].name.clone()))
            .collect()
    }

    #[test]
    fn a_later_section_knows_the_cast_of_earlier_ones() {
        let kb = Kb::embedded().unwrap();
        let first = "Iranian Foreign Minister Abbas Araghchi met Daniel Quennstadt in Moscow.";
        let second = "Later, Araghchi and Quennstadt flew home.";
        let mut article = scan(&kb, first);
        let more = scan_more(&kb, &article, second);
        assert_eq!(
            names(second, &more),
            vec![
                ("Araghchi", "Abbas Araghchi".to_string()),
                ("Quennstadt", "Daniel Quennstadt".to_string())
            ]
        );
        let text = format!("{first}\n{second}");
        let before = article.entities.len();
        let at = article.absorb(more, first.len() + 1);
        assert_eq!(
            article.entities.len(),
            before,
            "no new entities: the same people"
        );
        let late = &article.mentions[at..];
        assert_eq!(&text[late[0].start..late[0].end], "Araghchi");
        let araghchi = &article.entities[late[0].entity];
        assert_eq!(araghchi.mention_count, 2);
        let (s, e) = araghchi.intro.unwrap();
        assert_eq!(&text[s..e], "Iranian Foreign Minister");
    }

    #[test]
    fn new_entities_keep_their_context_in_article_offsets() {
        let kb = Kb::embedded().unwrap();
        let first = "Talks were held in Moscow.";
        let second = "Natanz was not discussed, said Vladimir Putin.";
        let mut article = scan(&kb, first);
        let more = scan_more(&kb, &article, second);
        let text = format!("{first}\n{second}");
        article.absorb(more, first.len() + 1);
        let natanz = article
            .entities
            .iter()
            .find(|e| e.name.starts_with("Natanz"))
            .unwrap();
        let (s, e) = natanz.first_sentence;
        assert_eq!(&text[s..e], second);
        for m in &article.mentions {
            assert!(text.get(m.start..m.end).is_some());
        }
    }

    #[test]
    fn the_preamble_never_yields_mentions() {
        let kb = Kb::embedded().unwrap();
        let article = scan(&kb, "Vladimir Putin spoke in Moscow about Iran.");
        let more = scan_more(&kb, &article, "Nothing named here.");
        assert!(more.mentions.is_empty());
        assert!(more.entities.is_empty());
    }
}
