//! What a hover card says about one entity on this page, independent of how it is drawn.
//!
//! Descriptions are composed from dated facts ("Minister of Foreign Affairs, Iran since
//! Aug 2024, as of Mar 2026"), so a card never claims more than its sources support.

use crate::kb::{Cards, EntityType, Kb, Role};
use crate::locator_map::{locate, LocatorMap};
use crate::scan::{ArticleEntity, Scan};

#[derive(Clone, Debug, Default, PartialEq, serde::Serialize)]
pub struct CardData {
    pub name: String,
    /// "Person", "Organisation", "Place".
    pub kind: String,
    /// "Diplomat", "Nuclear facility" ... empty for names the knowledge base lacks.
    pub subtype: String,
    pub country: Option<String>,
    /// ISO alpha-2 code of the entity's country (its own code for a country).
    pub country_code: Option<String>,
    /// The country's flag as regional-indicator letters (an emoji where fonts have it).
    pub flag: Option<String>,
    /// For places: where it is.
    pub map: Option<LocatorMap>,
    pub summary: Option<String>,
    /// Dated roles, newest first, each a finished sentence fragment.
    pub roles: Vec<String>,
    pub facts: Vec<String>,
    /// How the article introduced the entity.
    pub intro: Option<String>,
    pub first_sentence: String,
    pub mention_count: usize,
    /// Wikipedia and Wikidata, when known.
    pub links: Vec<Link>,
    /// Searches for the exact name, one per template the reader keeps in the options.
    pub search_links: Vec<Link>,
    pub as_of: Option<String>,
}

#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub struct Link {
    pub label: String,
    pub url: String,
}

const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// "2024-08-21" -> "Aug 2024", "1989" -> "1989".
pub fn short_date(date: &str) -> String {
    let mut parts = date.split('-');
    let year = parts.next().unwrap_or("");
    match parts.next().and_then(|m| m.parse::<usize>().ok()) {
        Some(month @ 1..=12) => format!("{} {year}", MONTHS[month - 1]),
        _ => year.to_string(),
    }
}

fn describe_role(role: &Role<'_>) -> String {
    let mut text = role.title.to_string();
    // "Ambassador to Japan" already names its place; "of Iran" would misread as Japan's.
    if !role.of.is_empty() && !role.title.contains(role.of) && !role.title.contains(" to ") {
        // "Mayor of Greater Manchester, United Kingdom", not "... of United Kingdom".
        if role.title.contains(" of ") || role.title.contains(" for ") {
            text.push_str(", ");
        } else {
            text.push_str(" of ");
            if takes_the(role.of) {
                text.push_str("the ");
            }
        }
        text.push_str(role.of);
    }
    match (role.start.is_empty(), role.end.is_empty()) {
        (false, false) => {
            text.push_str(&format!(
                ", {}–{}",
                short_date(role.start),
                short_date(role.end)
            ));
        }
        (false, true) => {
            text.push_str(&format!(" since {}", short_date(role.start)));
            if !role.as_of.is_empty() {
                text.push_str(&format!(" (as of {})", short_date(role.as_of)));
            }
        }
        (true, false) => text.push_str(&format!(", until {}", short_date(role.end))),
        (true, true) => {
            if !role.as_of.is_empty() {
                text.push_str(&format!(" (as of {})", short_date(role.as_of)));
            }
        }
    }
    text
}

/// Countries and bodies whose English name takes "the" after "of": "Prime Minister of the
/// United Kingdom".
fn takes_the(place: &str) -> bool {
    let plural_or_union = [
        "United ",
        "Republic of ",
        "Democratic Republic",
        "European ",
    ]
    .iter()
    .any(|start| place.starts_with(start));
    plural_or_union
        || matches!(
            place,
            "Netherlands"
                | "Philippines"
                | "Bahamas"
                | "Gambia"
                | "Maldives"
                | "Czech Republic"
                | "Central African Republic"
                | "Dominican Republic"
                | "Holy See"
                | "Vatican"
        )
}

fn label(kind: EntityType) -> &'static str {
    match kind {
        EntityType::Person => "Person",
        EntityType::Organization => "Organisation",
        EntityType::Place => "Place",
    }
}

fn subtype_label(subtype: &str) -> String {
    let text = match subtype {
        "intergovernmental" => "international organisation",
        "armed_group" => "armed group",
        "head_of_state" => "head of state",
        "religious_leader" => "religious leader",
        "military_force" => "armed forces",
        "military_base" => "military base",
        "media" => "news media",
        "sports_team" => "sports team",
        "person" | "organization" | "place" | "name" => "",
        other => other,
    };
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// A search link template from the options: `{q}` stands for the quoted, encoded name.
#[derive(Clone, Debug, PartialEq, serde::Deserialize)]
pub struct SearchTemplate {
    pub label: String,
    pub url: String,
}

/// The search link for `name`, or None when the template is not an http(s) URL with `{q}`.
pub fn search_link(template: &SearchTemplate, name: &str) -> Option<Link> {
    let url = template.url.trim();
    let scheme_ok = url.starts_with("https://") || url.starts_with("http://");
    if !scheme_ok || !url.contains("{q}") || template.label.trim().is_empty() {
        return None;
    }
    let query = format!("%22{}%22", encode_query(name));
    Some(Link {
        label: template.label.trim().to_string(),
        url: url.replace("{q}", &query),
    })
}

/// Whether `text` (a link's text) names the entity by any of `names`, as whole words.
pub fn text_mentions(text: &str, names: &[&str]) -> bool {
    names.iter().filter(|n| !n.is_empty()).any(|name| {
        text.match_indices(name).any(|(at, _)| {
            let before = text[..at].chars().next_back();
            let after = text[at + name.len()..].chars().next();
            !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
        })
    })
}

/// The flag emoji of an ISO alpha-2 code: two regional-indicator symbols.
pub fn flag(code: &str) -> Option<String> {
    let bytes = code.as_bytes();
    if bytes.len() != 2 || !bytes.iter().all(u8::is_ascii_uppercase) {
        return None;
    }
    bytes
        .iter()
        .map(|&b| char::from_u32(0x1F1E6 + u32::from(b - b'A')))
        .collect()
}

/// 7153309 -> "7,153,309".
pub fn group_thousands(value: u64) -> String {
    let digits = value.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(digit);
    }
    out
}

/// Percent-encodes a query for a URL (RFC 3986 unreserved characters pass through).
pub fn encode_query(text: &str) -> String {
    let mut out = String::with_capacity(text.len() * 3);
    for byte in text.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                out.push(byte as char)
            }
            b' ' => out.push('+'),
            other => out.push_str(&format!("%{other:02X}")),
        }
    }
    out
}

/// The name of the country with this ISO code, from the knowledge base.
fn country_name(kb: &Kb<'_>, code: &str) -> Option<String> {
    if code.is_empty() {
        return None;
    }
    kb.lookup(code)
        .iter()
        .chain(kb.lookup(code_to_common_name(code)).iter())
        .filter_map(|c| kb.entity(c.entity))
        .find(|e| e.subtype == "country" && e.country == code)
        .or_else(|| {
            (0..kb.entity_count())
                .filter_map(|i| kb.entity(i))
                .find(|e| e.subtype == "country" && e.country == code)
        })
        .map(|e| e.name.to_string())
}

/// A few codes whose country's name is not found by the code itself.
fn code_to_common_name(code: &str) -> &str {
    match code {
        "US" => "United States",
        "GB" => "United Kingdom",
        _ => code,
    }
}

/// The card for `entity` of `scan`. Without `cards` (details not loaded yet) the card still
/// has the name, type and the article's own context.
pub fn build(
    kb: &Kb<'_>,
    cards: Option<&Cards<'_>>,
    text: &str,
    scan: &Scan,
    entity: usize,
    search: &[SearchTemplate],
) -> Option<CardData> {
    let article: &ArticleEntity = scan.entities.get(entity)?;
    let slice = |(s, e): (usize, usize)| text.get(s..e).map(str::to_string);
    let mut card = CardData {
        name: article.name.clone(),
        kind: if article.kb.is_none() && article.subtype == "name" {
            "Name".to_string()
        } else {
            label(article.kind).to_string()
        },
        subtype: subtype_label(&article.subtype),
        intro: article.intro.and_then(slice),
        first_sentence: slice(article.first_sentence).unwrap_or_default(),
        mention_count: article.mention_count,
        ..CardData::default()
    };
    if let Some(record) = article.kb.and_then(|i| kb.entity(i)) {
        if record.subtype != "country" {
            card.country = country_name(kb, record.country);
        }
        if !record.country.is_empty() {
            card.country_code = Some(record.country.to_string());
            card.flag = flag(record.country);
        }
    }
    if let (Some(record), Some(cards)) = (article.kb.and_then(|i| kb.entity(i)), cards) {
        let details = cards.details(&record);
        card.summary = details.summary.map(str::to_string);
        let mut roles = details.roles.clone();
        roles.sort_by(|a, b| b.start.cmp(a.start));
        card.roles = roles.iter().map(describe_role).collect();
        if let Some(born) = details.born {
            card.facts.push(format!("Born {}", short_date(born)));
        }
        if let Some(died) = details.died {
            card.facts.push(format!("Died {}", short_date(died)));
        }
        if let Some(founded) = details.founded {
            card.facts.push(format!("Founded {}", short_date(founded)));
        }
        if let Some(capital) = details.capital {
            card.facts.push(format!("Capital: {capital}"));
        }
        if let Some(population) = details.population {
            card.facts
                .push(format!("Population {}", group_thousands(population)));
        }
        card.as_of = details.as_of.map(short_date);
        if article.kind == EntityType::Place {
            let is_country = record.subtype == "country";
            card.map = locate(cards, details.coords, record.country, is_country);
        }
        if let Some(wiki) = details.wiki {
            card.links.push(Link {
                label: "Wikipedia".into(),
                url: format!("https://en.wikipedia.org/wiki/{}", encode_path(&wiki)),
            });
        }
        if let Some(qid) = details.id.filter(|id| id.starts_with('Q')) {
            card.links.push(Link {
                label: "Wikidata".into(),
                url: format!("https://www.wikidata.org/wiki/{qid}"),
            });
        }
    }
    card.search_links = search
        .iter()
        .filter_map(|t| search_link(t, &card.name))
        .collect();
    Some(card)
}

fn encode_path(title: &str) -> String {
    encode_query(&title.replace(' ', "_")).replace("%2F", "/")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_shortened_for_reading() {
        assert_eq!(short_date("2024-08-21"), "Aug 2024");
        assert_eq!(short_date("1989"), "1989");
        assert_eq!(short_date("2024-13"), "2024");
    }

    #[test]
    fn open_ended_roles_say_as_of_not_current() {
        let role = Role {
            title: "Minister of Foreign Affairs",
            of: "Iran",
            start: "2024-08-21",
            end: "",
            as_of: "2026-03-18",
            source: "".into(),
        };
        assert_eq!(
            describe_role(&role),
            "Minister of Foreign Affairs, Iran since Aug 2024 (as of Mar 2026)"
        );
    }

    #[test]
    fn a_role_names_its_country_as_people_say_it() {
        let role = |title, of| Role {
            title,
            of,
            start: "2024-07-05",
            end: "2026-07-20",
            as_of: "",
            source: "".into(),
        };
        assert_eq!(
            describe_role(&role("Prime Minister", "United Kingdom")),
            "Prime Minister of the United Kingdom, Jul 2024–Jul 2026"
        );
        assert_eq!(
            describe_role(&role("Secretary of State for Health", "United Kingdom")),
            "Secretary of State for Health, United Kingdom, Jul 2024–Jul 2026"
        );
        assert_eq!(
            describe_role(&role("President", "France")),
            "President of France, Jul 2024–Jul 2026"
        );
    }

    #[test]
    fn queries_are_encoded() {
        assert_eq!(encode_query("Abbas Araghchi"), "Abbas+Araghchi");
        assert_eq!(encode_query("a&b\"<"), "a%26b%22%3C");
    }

    /// The card of the entity whose name contains `name`, as the article `text` found it.
    fn card_of(text: &str, name: &str, search: &[SearchTemplate]) -> CardData {
        let kb = Kb::embedded().unwrap();
        let cards = Cards::embedded().unwrap();
        let scan = crate::scan::scan(&kb, text);
        let index = scan
            .entities
            .iter()
            .position(|e| e.name.contains(name))
            .unwrap_or_else(|| panic!("{name} not found"));
        build(&kb, Some(&cards), text, &scan, index, search).unwrap()
    }

    #[test]
    fn card_for_a_known_person_has_role_and_links() {
        let text = "Iranian Foreign Minister Abbas Araghchi arrived in Moscow.";
        let search = [SearchTemplate {
            label: "News".into(),
            url: "https://news.example/search?q={q}".into(),
        }];
        let card = card_of(text, "Abbas Araghchi", &search);
        assert_eq!(card.kind, "Person");
        assert_eq!(card.intro.as_deref(), Some("Iranian Foreign Minister"));
        assert!(card.roles.iter().any(|r| r.contains("Foreign Affairs")));
        assert_eq!(
            card.search_links[0].url,
            "https://news.example/search?q=%22Abbas+Araghchi%22"
        );
        assert_eq!(card.flag.as_deref(), Some("🇮🇷"));
        assert!(card.map.is_none(), "people get no map");
        assert_eq!(card.first_sentence, text);
    }

    #[test]
    fn a_dead_persons_card_gives_both_dates() {
        let card = card_of("Mikhail Gorbachev led the Soviet Union.", "Gorbachev", &[]);
        assert_eq!(card.facts, ["Born Mar 1931", "Died Aug 2022"]);
    }

    #[test]
    fn places_get_a_map_with_their_country() {
        let text = "Talks were held in Tehran and at the Fordow site.";
        for name in ["Tehran", "Fordow"] {
            let card = card_of(text, name, &[]);
            let map = card.map.unwrap_or_else(|| panic!("{name} has no map"));
            assert!(map.point.is_some() && map.home.is_some(), "{name}");
            assert_eq!(card.country.as_deref(), Some("Iran"));
        }
    }

    #[test]
    fn search_templates_must_be_web_urls_with_a_placeholder() {
        let template = |url: &str| SearchTemplate {
            label: "X".into(),
            url: url.into(),
        };
        assert!(search_link(&template("javascript:alert({q})"), "a").is_none());
        assert!(search_link(&template("https://example.org/"), "a").is_none());
        let link = search_link(&template("https://example.org/?q={q}&x={q}"), "a&b").unwrap();
        assert_eq!(link.url, "https://example.org/?q=%22a%26b%22&x=%22a%26b%22");
    }

    #[test]
    fn link_texts_must_name_the_entity_as_whole_words() {
        let names = ["Araghchi", "Abbas Araghchi"];
        assert!(text_mentions("Also read: Araghchi meets Lavrov", &names));
        assert!(text_mentions("Araghchi’s visit", &names));
        assert!(!text_mentions("Araghchis", &names));
        assert!(!text_mentions("Sport", &names));
        assert!(!text_mentions("anything", &[""]));
    }

    #[test]
    fn populations_are_grouped_by_thousands() {
        assert_eq!(group_thousands(7_153_309), "7,153,309");
        assert_eq!(group_thousands(999), "999");
        assert_eq!(group_thousands(1000), "1,000");
    }

    #[test]
    fn flags_come_from_codes() {
        assert_eq!(flag("US").as_deref(), Some("🇺🇸"));
        assert_eq!(flag("u"), None);
        assert_eq!(flag("1A"), None);
    }
}
