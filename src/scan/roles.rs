//! A country or city named as an actor stands for its government or its team: "Iran said",
//! "North Korea fired artillery", "Belgium beat Panama 3 – 0". Annotation schemes type such
//! mentions by their role (ACE gives the place the role ORG; GUM types them organisation),
//! while the entity stays the place, so the card still describes the country. Only local
//! evidence counts: the name opens a clause and an agentive verb follows it, or it is a side
//! of a match or a score line. A name after a preposition ("in Iran", "to the U.S.") or with a
//! copula ("Afghanistan is") stays a place. A region acts only as a team: England, Scotland
//! and Wales field national sides, while "Texas said" is too rare a government to guess at.

use super::Scan;
use crate::kb::EntityType;
use crate::text::{tokenize, Gap, Shape, Token};

/// For each mention of `scan` (a scan of `text`), whether it names a place acting as an
/// organisation. A country the article shows playing a match (a score line, "defeated
/// Panama") is a team in the whole article, except where a preposition makes it the place
/// ("at the stadium in Russia").
pub fn acting_places(text: &str, scan: &Scan) -> Vec<bool> {
    let tokens = tokenize(text);
    let spans: Vec<Option<(usize, usize)>> = scan
        .mentions
        .iter()
        .map(|m| {
            let entity = &scan.entities[m.entity];
            let place = entity.kind == EntityType::Place
                && matches!(
                    entity.subtype.as_str(),
                    "country" | "territory" | "city" | "region"
                );
            let first = tokens.partition_point(|t| t.start < m.start);
            let after = tokens.partition_point(|t| t.start < m.end);
            (place && first < after).then_some((first, after))
        })
        .collect();
    let mut teams = vec![false; scan.entities.len()];
    for (m, span) in scan.mentions.iter().zip(&spans) {
        if let Some((first, after)) = *span {
            // "challenges facing Virginia": only a score line makes a region a side.
            teams[m.entity] |= if scan.entities[m.entity].subtype == "region" {
                in_score_line(text, &tokens, first, after)
            } else {
                plays(text, &tokens, first, after)
            };
        }
    }
    scan.mentions
        .iter()
        .zip(&spans)
        .map(|(m, span)| {
            let Some((first, after)) = *span else {
                return false;
            };
            let located = first > 0 && is_locative(&tokens[first - 1].norm);
            let subtype = scan.entities[m.entity].subtype.as_str();
            let speaks = if subtype == "region" {
                false
            } else if subtype == "city" {
                // A city acts only as a seat of government that speaks: "Moscow denied",
                // not "Houston should have been selected".
                speaking_verb_at(&tokens, after)
            } else {
                agentive_verb_at(&tokens, after)
            };
            (teams[m.entity] && !located) || (opens_clause(&tokens, first) && speaks)
        })
        .collect()
}

/// Whether the name at tokens `first..after` is a side of a match.
pub fn plays(text: &str, tokens: &[Token], first: usize, after: usize) -> bool {
    let opponent =
        first > 0 && tokens[first].gap == Gap::Space && is_match_verb(&tokens[first - 1].norm);
    opponent || in_score_line(text, tokens, first, after)
}

fn is_locative(word: &str) -> bool {
    matches!(
        word,
        "in" | "at" | "from" | "to" | "into" | "across" | "throughout" | "of" | "near" | "inside"
    )
}

/// Whether the token at `i` starts a clause: the text's or a sentence's start, after a comma
/// or dash, or after a conjunction.
fn opens_clause(tokens: &[Token], i: usize) -> bool {
    let token = &tokens[i];
    if !matches!(token.gap, Gap::Space | Gap::Hyphen) {
        return true;
    }
    let previous = if i > 0 {
        tokens[i - 1].norm.as_ref()
    } else {
        ""
    };
    // "The U.S. said": a leading article belongs to the name.
    if previous == "the" && i >= 1 {
        return opens_clause(tokens, i - 1);
    }
    matches!(
        previous,
        "and"
            | "but"
            | "as"
            | "while"
            | "after"
            | "when"
            | "that"
            | "before"
            | "because"
            | "since"
            | "then"
            | "though"
            | "although"
            | "until"
            | "once"
            | "with"
    )
}

/// An agentive verb at `i`, after at most two adverbs: "fired", "has also criticised",
/// "will respond".
fn agentive_verb_at(tokens: &[Token], mut i: usize) -> bool {
    i = skip_adverbs(tokens, i);
    let Some(token) = tokens.get(i) else {
        return false;
    };
    if token.gap != Gap::Space || token.shape != Shape::Lower {
        return false;
    }
    let word = token.norm.as_ref();
    if is_modal(word) {
        return true;
    }
    if matches!(word, "has" | "have" | "had") {
        let next = skip_adverbs(tokens, i + 1);
        return tokens.get(next).is_some_and(|t| {
            t.gap == Gap::Space && t.shape == Shape::Lower && is_participle(&t.norm)
        });
    }
    is_agentive(word) || (word.len() >= 5 && word.ends_with("ed") && !is_adjective_ed(word))
}

/// A verb of speaking or deciding at `i`, after at most two adverbs.
fn speaking_verb_at(tokens: &[Token], i: usize) -> bool {
    let i = skip_adverbs(tokens, i);
    tokens.get(i).is_some_and(|t| {
        t.gap == Gap::Space
            && matches!(
                t.norm.as_ref(),
                "said"
                    | "says"
                    | "announced"
                    | "announces"
                    | "warned"
                    | "warns"
                    | "denied"
                    | "denies"
                    | "accused"
                    | "accuses"
                    | "claimed"
                    | "claims"
                    | "stated"
                    | "rejected"
                    | "rejects"
                    | "threatened"
                    | "threatens"
                    | "condemned"
                    | "condemns"
                    | "responded"
                    | "responds"
                    | "imposed"
                    | "imposes"
                    | "insisted"
                    | "insists"
                    | "demanded"
                    | "demands"
                    | "urged"
                    | "urges"
            )
    })
}

fn skip_adverbs(tokens: &[Token], mut i: usize) -> usize {
    for _ in 0..2 {
        match tokens.get(i) {
            Some(t) if t.gap == Gap::Space && is_adverb(&t.norm) => i += 1,
            _ => break,
        }
    }
    i
}

fn is_adverb(word: &str) -> bool {
    (word.len() > 4 && word.ends_with("ly") && word != "only")
        || matches!(
            word,
            "also"
                | "then"
                | "later"
                | "now"
                | "still"
                | "both"
                | "already"
                | "never"
                | "again"
                | "first"
                | "too"
                | "reportedly"
                | "yesterday"
                | "today"
                | "not"
        )
}

fn is_modal(word: &str) -> bool {
    matches!(
        word,
        "will" | "would" | "could" | "should" | "must" | "might" | "can" | "cannot" | "wo"
    )
}

/// Past participles after "has"/"have"/"had" ("been" is left out: "has been hit").
fn is_participle(word: &str) -> bool {
    (word.ends_with("ed") && word.len() >= 4 && !is_adjective_ed(word))
        || matches!(
            word,
            "won"
                | "lost"
                | "beaten"
                | "made"
                | "taken"
                | "given"
                | "sent"
                | "begun"
                | "drawn"
                | "fought"
                | "struck"
                | "held"
                | "led"
                | "told"
                | "said"
                | "shot"
                | "hit"
                | "put"
                | "sought"
                | "withdrawn"
                | "built"
                | "spent"
                | "brought"
                | "chosen"
                | "become"
                | "sold"
                | "bought"
                | "paid"
                | "set"
                | "cut"
                | "broken"
                | "shown"
        )
}

/// Words ending in "-ed" that are adjectives or nouns, not verbs, after a country name.
/// Also the verbs of a state coming to an end ("when the Soviet Union collapsed"): things that
/// happen to a country as a place and polity, not acts of its government.
fn is_adjective_ed(word: &str) -> bool {
    matches!(
        word,
        "based"
            | "backed"
            | "led"
            | "owned"
            | "linked"
            | "allied"
            | "aligned"
            | "collapsed"
            | "dissolved"
            | "disintegrated"
            | "existed"
            | "ceased"
    )
}

/// Verbs a government or team does (present, third person, gerund; most past forms end in
/// "-ed" and are caught by the suffix).
fn is_agentive(word: &str) -> bool {
    matches!(
        word,
        "say"
            | "says"
            | "said"
            | "told"
            | "tells"
            | "warns"
            | "denies"
            | "claims"
            | "threatens"
            | "agrees"
            | "signs"
            | "imposes"
            | "rejects"
            | "demands"
            | "insists"
            | "launches"
            | "fires"
            | "attacks"
            | "strikes"
            | "struck"
            | "invades"
            | "condemns"
            | "responds"
            | "vows"
            | "pledges"
            | "urges"
            | "calls"
            | "sends"
            | "sent"
            | "deploys"
            | "withdrew"
            | "withdraws"
            | "expels"
            | "bans"
            | "votes"
            | "beat"
            | "beats"
            | "won"
            | "wins"
            | "lost"
            | "loses"
            | "drew"
            | "draws"
            | "faces"
            | "plays"
            | "scores"
            | "leads"
            | "led"
            | "made"
            | "makes"
            | "holds"
            | "held"
            | "hosts"
            | "offers"
            | "proposes"
            | "seeks"
            | "sought"
            | "plans"
            | "refuses"
            | "allows"
            | "blocks"
            | "supports"
            | "opposes"
            | "joins"
            | "left"
            | "leaves"
            | "sues"
            | "orders"
            | "tests"
            | "declares"
            | "confirms"
            | "asks"
            | "protests"
            | "summons"
            | "recognises"
            | "recognizes"
            | "welcomes"
            | "wants"
            | "hopes"
            | "took"
            | "puts"
            | "put"
            | "takes"
            | "gave"
            | "gives"
            | "began"
            | "begins"
            | "went"
            | "sold"
            | "bought"
            | "paid"
            | "spent"
            | "broke"
            | "fought"
            | "chose"
            | "winning"
            | "beating"
            | "losing"
            | "leading"
            | "trailing"
            | "playing"
            | "facing"
    )
}

/// Verbs whose object is the other side of a match: "defeated Panama", "faced England".
fn is_match_verb(word: &str) -> bool {
    matches!(
        word,
        "beat"
            | "beats"
            | "beating"
            | "defeated"
            | "defeats"
            | "defeating"
            | "faced"
            | "faces"
            | "facing"
            | "versus"
            | "vs"
            | "v"
    )
}

/// "Sweden 1 – 0 Korea Republic", "Belgium 3 – 0 Panama": a name next to a score.
fn in_score_line(text: &str, tokens: &[Token], first: usize, after: usize) -> bool {
    score_at(text, tokens, after) || (first >= 2 && score_at(text, tokens, first - 2))
}

/// Whether tokens `i` and `i + 1` are a match's score: "2-1", "3 – 0", "1:1".
pub fn score_at(text: &str, tokens: &[Token], i: usize) -> bool {
    let (Some(x), Some(y)) = (tokens.get(i), tokens.get(i + 1)) else {
        return false;
    };
    let digits = |t: &Token| t.norm.len() <= 2 && t.norm.bytes().all(|c| c.is_ascii_digit());
    let between = text[x.end..y.start].trim();
    digits(x)
        && digits(y)
        && !between.is_empty()
        && between.chars().all(|c| matches!(c, '-' | '–' | '—' | ':'))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::kb::Kb;
    use crate::scan::scan;

    fn acting(text: &str) -> Vec<(String, bool)> {
        let kb = Kb::embedded().expect("embedded knowledge");
        let found = scan(&kb, text);
        let flags = acting_places(text, &found);
        found
            .mentions
            .iter()
            .zip(flags)
            .map(|(m, f)| (text[m.start..m.end].to_string(), f))
            .collect()
    }

    fn flag_of(found: &[(String, bool)], name: &str) -> bool {
        found
            .iter()
            .find(|(text, _)| text == name)
            .unwrap_or_else(|| panic!("{name} not found in {found:?}"))
            .1
    }

    #[test]
    fn governments_that_act_are_actors() {
        let found = acting("Yesterday, North Korea fired artillery rounds. Iran has also criticised the plan, and Russia will respond.");
        assert!(flag_of(&found, "North Korea"));
        assert!(flag_of(&found, "Iran"));
        assert!(flag_of(&found, "Russia"));
        let found = acting("North Korea puts military in quasi-state of war");
        assert!(flag_of(&found, "North Korea"));
    }

    #[test]
    fn places_stay_places() {
        let found = acting("Afghanistan is not covered by the ban. She travelled to Iran and lived in Russia, where Moscow was cold. Houston should have been chosen.");
        assert!(!flag_of(&found, "Afghanistan"));
        assert!(!flag_of(&found, "Iran"));
        assert!(!flag_of(&found, "Russia"));
        assert!(!flag_of(&found, "Houston"));
        let found = acting("Moscow denied the report.");
        assert!(flag_of(&found, "Moscow"));
    }

    #[test]
    fn teams_in_a_match_are_actors() {
        let found = acting(
            "Sweden defeated South Korea in the first game. Group G — Belgium 3 – 0 Panama.",
        );
        assert!(flag_of(&found, "Sweden"));
        assert!(flag_of(&found, "South Korea"));
        assert!(flag_of(&found, "Belgium"));
        assert!(flag_of(&found, "Panama"));
    }

    #[test]
    fn a_team_stays_a_team_except_where_it_is_the_place() {
        let found = acting("Belgium 3 – 0 Panama. Mertens tried to put Belgium into the lead.");
        assert!(found.iter().all(|(_, f)| *f), "{found:?}");
        let found = acting("Belgium 3 – 0 Panama. The fans who travelled to Panama cheered.");
        assert!(!found.last().expect("mentions").1, "{found:?}");
    }

    #[test]
    fn a_region_in_a_match_is_a_team_but_never_a_government() {
        let found = acting("Tunisia 1 – 2 England. England had better possession. Texas said no.");
        assert!(flag_of(&found, "England"));
        assert!(found
            .iter()
            .filter(|(t, _)| t == "England")
            .all(|(_, f)| *f));
        assert!(!flag_of(&found, "Texas"));
        let found = acting("He knows the challenges facing Virginia.");
        assert!(!flag_of(&found, "Virginia"));
    }

    #[test]
    fn a_state_that_collapsed_did_not_act() {
        let found = acting("When the Soviet Union collapsed, Russia protested.");
        assert!(!flag_of(&found, "Soviet Union"));
        assert!(flag_of(&found, "Russia"));
    }

    #[test]
    fn people_and_organisations_are_not_flagged() {
        let found = acting("Reuters said on Monday that Abbas Araghchi warned the United Nations.");
        assert!(found.iter().all(|(_, f)| !f), "{found:?}");
    }
}
