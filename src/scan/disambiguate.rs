//! Cues that choose between entities sharing a name, and that withhold a name when the cues
//! point nowhere. Wrong highlights cost more trust than missing ones, so these rules would
//! rather drop a mention than guess.
//!
//! - **Level words** next to a place name say what kind of place it is: "Georgia's governor",
//!   "the state of Washington" are US states; "Georgia's parliament", "the Republic of
//!   Georgia" are countries. They outrank priors.
//! - **Place evidence**: cities, regions and demonyms of one country make that country's
//!   reading of a shared name likelier ("Atlanta" for the state of Georgia, "Tbilisi" or
//!   "Georgian" for the country). Country names themselves are not evidence: foreign news
//!   mentions the United States without being about its states.
//! - **Given names that are places** ("Jordan Peterson", "Georgia May Jagger"): followed by a
//!   surname they are a person, not the country.
//! - **Months as surnames**: "May" links to Theresa May only with a title before it or a
//!   reporting verb after it, never "in May".

use super::patterns;
use crate::text::{Gap, Shape, Token};
use std::collections::HashMap;

/// Score added when a level word picks the place's subtype; larger than any prior gap.
pub const LEVEL_CUE_BONUS: i32 = 50;
/// Score added per piece of same-country evidence, at most `MAX_EVIDENCE` pieces counted.
pub const EVIDENCE_BONUS: i32 = 15;
const MAX_EVIDENCE: u32 = 2;

/// Score taken from a building's reading when no word places anything in it: more than
/// the prior gap between a seat of power and the office named after it (85 against 80 for
/// the White House).
pub const BUILDING_WITHOUT_LOCATIVE: i32 = 10;

/// Whether the words around tokens `start..end` speak of a building: "at the White House",
/// "outside the Kremlin", "the White House lawn". Not "a statement from the White House" or
/// "according to" it: those are its office's.
pub fn at_a_building(tokens: &[Token], start: usize, end: usize) -> bool {
    let mut k = start;
    if k > 0 && tokens[k - 1].norm == "the" && tokens[k].gap == Gap::Space {
        k -= 1;
    }
    let before = k > 0
        && tokens[k].gap == Gap::Space
        && matches!(
            &*tokens[k - 1].norm,
            "at" | "in"
                | "inside"
                | "outside"
                | "into"
                | "near"
                | "toward"
                | "towards"
                | "around"
                | "within"
                | "visited"
                | "visit"
                | "visiting"
                | "entered"
                | "left"
        )
        // "bring it to the White House", but "according to" or "wrote to" it is its office's.
        || (k > 1
            && tokens[k].gap == Gap::Space
            && tokens[k - 1].norm == "to"
            && !matches!(
                &*tokens[k - 2].norm,
                "according" | "wrote" | "written" | "letter" | "sent" | "close" | "due" | "reply"
                    | "response" | "appeal" | "appealed" | "belongs" | "report" | "reported"
                    | "talked" | "spoke" | "said"
            ));
    let after = tokens.get(end).is_some_and(|t| {
        t.gap == Gap::Space
            && matches!(
                &*t.norm,
                "lawn"
                    | "grounds"
                    | "ballroom"
                    | "gates"
                    | "gate"
                    | "residence"
                    | "fence"
                    | "complex"
            )
    });
    before || after
}

/// Which reading of a place name the words around it ask for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Level {
    Country,
    /// A state or province ("region" in the knowledge base).
    Region,
    City,
}

impl Level {
    pub fn fits(self, subtype: &str) -> bool {
        Level::of_subtype(subtype) == Some(self)
    }

    pub fn of_subtype(subtype: &str) -> Option<Level> {
        match subtype {
            "country" => Some(Level::Country),
            "region" => Some(Level::Region),
            "city" => Some(Level::City),
            _ => None,
        }
    }
}

/// Words after a place name (possibly after "'s") that only a country has.
fn in_country_words(word: &str) -> bool {
    matches!(
        word,
        "president"
            | "prime"
            | "parliament"
            | "parliamentary"
            | "foreign"
            | "embassy"
            | "ambassador"
            | "army"
            | "military"
            | "navy"
            | "national"
            | "kingdom"
            | "monarchy"
            | "king"
            | "queen"
    )
}

/// Words after a place name that only a US state or a province has.
fn in_region_words(word: &str) -> bool {
    matches!(
        word,
        "governor"
            | "gov"
            | "legislature"
            | "statehouse"
            | "state"
            | "lawmakers"
            | "premier"
            | "province"
            | "region"
            | "oblast"
            | "governorate"
            | "prefecture"
    )
}

/// The level asked for by words right around tokens `start..end`: "Georgia's governor",
/// "Georgia state", "the state of Washington", "the Republic of Georgia".
pub fn level_cue(tokens: &[Token], start: usize, end: usize) -> Option<Level> {
    let mut after = end;
    if tokens.get(after).is_some_and(Token::is_possessive) {
        after += 1;
    }
    if let Some(next) = tokens.get(after).filter(|t| t.gap.joins_name()) {
        if in_region_words(&next.norm) {
            return Some(Level::Region);
        }
        if in_country_words(&next.norm) {
            return Some(Level::Country);
        }
    }
    if start >= 2 && tokens[start - 1].norm == "of" && tokens[start].gap.joins_name() {
        match &*tokens[start - 2].norm {
            "state" | "governor" | "province" => return Some(Level::Region),
            "republic" | "country" | "nation" | "kingdom" => return Some(Level::Country),
            _ => {}
        }
        if legislator_before(tokens, start - 2) {
            return Some(Level::Region);
        }
    }
    None
}

/// Most tokens read past a name to the plural that names the kind of every place in a list.
const MAX_REGION_LIST_TOKENS: usize = 12;

/// The kind of region the words around tokens `start..end` give the name, in the singular the
/// knowledge base writes a region with ("Kharkiv region", "Sokoto state"): a plural after a
/// list of names ("the Zhytomyr and Kharkiv regions", "Kano, Kaduna and Sokoto states") or a
/// kind before "of" ("the region of Kursk").
pub fn region_kind_around(tokens: &[Token], start: usize, end: usize) -> Option<&'static str> {
    if let Some(kind) = region_kind_before_of(tokens, start) {
        return Some(kind);
    }
    let mut after_name = true;
    for token in tokens.iter().skip(end).take(MAX_REGION_LIST_TOKENS) {
        if after_name && token.gap.joins_name() {
            if let Some(kind) = region_kind(&token.norm, true) {
                return Some(kind);
            }
        }
        let name_word = token.shape == Shape::Capitalized
            && matches!(token.gap, Gap::Space | Gap::Hyphen | Gap::Punct);
        let conjunction =
            after_name && token.gap == Gap::Space && matches!(&*token.norm, "and" | "or");
        if !name_word && !conjunction {
            return None;
        }
        after_name = name_word;
    }
    None
}

/// Kinds of region as (singular, plural).
const REGION_KINDS: [(&str, &str); 6] = [
    ("region", "regions"),
    ("oblast", "oblasts"),
    ("province", "provinces"),
    ("state", "states"),
    ("governorate", "governorates"),
    ("prefecture", "prefectures"),
];

/// Whether a word is the singular of a kind of region ("province", "prefecture").
pub fn is_region_kind(word: &str) -> bool {
    region_kind(word, false).is_some()
}

/// The kind of region named before "of" and token `start`: "the region of Kursk".
pub fn region_kind_before_of(tokens: &[Token], start: usize) -> Option<&'static str> {
    (start >= 2 && tokens[start - 1].norm == "of" && tokens[start].gap.joins_name())
        .then(|| region_kind(&tokens[start - 2].norm, false))
        .flatten()
}

/// The singular of a word for a kind of region, given in its plural form or not.
fn region_kind(word: &str, plural: bool) -> Option<&'static str> {
    REGION_KINDS
        .iter()
        .find(|(singular, plural_form)| word == if plural { *plural_form } else { *singular })
        .map(|(singular, _)| *singular)
}

/// Whether a legislator's title and name end at token `end` ("Sen. Patty Murray" in "Sen.
/// Patty Murray of Washington"): the place after "of" is the state they represent.
fn legislator_before(tokens: &[Token], end: usize) -> bool {
    let surname = &tokens[end];
    if surname.shape != Shape::Capitalized {
        return false;
    }
    (end.saturating_sub(4)..end).rev().any(|k| {
        matches!(
            &*tokens[k].norm,
            "sen"
                | "sens"
                | "senator"
                | "senators"
                | "rep"
                | "reps"
                | "representative"
                | "congressman"
                | "congresswoman"
        ) && tokens[k + 1..=end]
            .iter()
            .all(|t| t.gap.joins_name() && t.is_capitalized())
    })
}

/// Per country code: cities, regions and demonyms of that country the article mentions.
#[derive(Debug, Default)]
pub struct PlaceEvidence {
    by_country: HashMap<String, u32>,
}

impl PlaceEvidence {
    pub fn add(&mut self, country: &str) {
        if !country.is_empty() {
            *self.by_country.entry(country.to_string()).or_default() += 1;
        }
    }

    /// How many places and demonyms of `country` the article names.
    pub fn count(&self, country: &str) -> u32 {
        self.by_country.get(country).copied().unwrap_or(0)
    }

    /// Whether `country` has more places and demonyms in the article than any other.
    pub fn leads(&self, country: &str) -> bool {
        let count = self.count(country);
        self.by_country
            .iter()
            .all(|(other, &n)| other == country || n < count)
    }

    /// Whether another country has more than twice the places and demonyms of `country`.
    pub fn outnumbered(&self, country: &str) -> bool {
        let count = self.count(country);
        self.by_country
            .values()
            .any(|&n| n > count.saturating_mul(2))
    }

    /// The most places and demonyms any one country has in the article.
    pub fn most(&self) -> u32 {
        self.by_country.values().copied().max().unwrap_or(0)
    }

    /// The bonus a place of `country` gets from the rest of the article.
    pub fn bonus(&self, country: &str) -> i32 {
        let count = self.by_country.get(country).copied().unwrap_or(0);
        EVIDENCE_BONUS * count.min(MAX_EVIDENCE) as i32
    }
}

/// Place names that are also common given names in English-language news.
fn in_place_given_names(word: &str) -> bool {
    matches!(
        word,
        "jordan"
            | "georgia"
            | "chad"
            | "kenya"
            | "india"
            | "israel"
            | "paris"
            | "sydney"
            | "austin"
            | "florence"
            | "victoria"
            | "savannah"
            | "dallas"
            | "houston"
            | "lincoln"
            | "madison"
            | "orlando"
            | "jackson"
            | "charlotte"
            | "dakota"
            | "brooklyn"
            | "chelsea"
            | "camden"
            | "denver"
            | "nelson"
            | "preston"
            | "sofia"
            | "tyrone"
            | "aurora"
            | "regina"
            | "adelaide"
            | "phoenix"
    )
}

pub fn is_place_given_name(norm: &str) -> bool {
    in_place_given_names(norm)
}

/// Surnames that are also months ("May"): months are in running text far more often.
pub fn is_month_surname(norm: &str) -> bool {
    matches!(norm, "may" | "june" | "april" | "august")
}

/// Verbs that follow a person's name in reported speech.
fn is_reporting_verb(norm: &str) -> bool {
    matches!(
        norm,
        "said"
            | "says"
            | "told"
            | "tells"
            | "added"
            | "argued"
            | "insisted"
            | "warned"
            | "announced"
            | "wrote"
            | "claimed"
            | "claims"
            | "replied"
            | "stated"
            | "resigned"
    )
}

/// Nouns that a party's everyday word qualifies as an adjective: "Labour costs", "Green
/// energy", "Liberal arts".
pub fn is_noun_qualified_by_party_word(norm: &str) -> bool {
    matches!(
        norm,
        "costs"
            | "cost"
            | "market"
            | "markets"
            | "force"
            | "shortage"
            | "shortages"
            | "shortfall"
            | "day"
            | "law"
            | "laws"
            | "rights"
            | "unions"
            | "union"
            | "productivity"
            | "energy"
            | "arts"
            | "democracy"
            | "democracies"
            | "values"
    )
}

/// Whether a month-like surname at token `i` is the person: a title before it ("Mrs May",
/// "Prime Minister May") or a reporting verb after it ("May said").
pub fn month_surname_is_person(tokens: &[Token], i: usize) -> bool {
    let titled =
        i > 0 && tokens[i].gap.joins_name() && patterns::is_person_title(&tokens[i - 1].norm);
    let reports = tokens
        .get(i + 1)
        .is_some_and(|t| t.gap == Gap::Space && is_reporting_verb(&t.norm));
    titled || reports
}

/// Whether the words from token `i` on read as following a person's name: a reporting verb
/// ("Paris said") or an appositive ("Paris, a former member", "Sam, 42,").
pub fn person_context_after(tokens: &[Token], i: usize) -> bool {
    let Some(next) = tokens.get(i) else {
        return false;
    };
    match next.gap {
        Gap::Space => is_reporting_verb(&next.norm),
        Gap::Punct => {
            matches!(&*next.norm, "a" | "an" | "the")
                || next.norm.bytes().all(|b| b.is_ascii_digit())
        }
        _ => false,
    }
}

/// What follows a company's name in a business story ("Apple declined to comment",
/// "Oracle shares jumped", "Amazon founder Jeff Bezos"): no fruit, river or oracle does these.
fn is_business_verb(norm: &str) -> bool {
    matches!(
        norm,
        "ceo"
            | "chief"
            | "founder"
            | "cofounder"
            | "boss"
            | "said"
            | "says"
            | "announced"
            | "announces"
            | "declined"
            | "confirmed"
            | "reported"
            | "unveiled"
            | "launched"
            | "shares"
            | "stock"
            | "inc"
            | "corp"
            | "plc"
            | "executives"
            | "employees"
            | "spokesperson"
            | "spokesman"
            | "spokeswoman"
            | "cfo"
            | "cto"
            | "chairman"
            | "chairwoman"
            | "analyst"
            | "analysts"
            | "co"
    )
}

/// What a company has, after its possessive ("Amazon's chief executive", "Apple's shares").
fn is_business_noun(norm: &str) -> bool {
    matches!(
        norm,
        "penalty"
            | "fine"
            | "platform"
            | "platforms"
            | "app"
            | "apps"
            | "users"
            | "chief"
            | "ceo"
            | "founder"
            | "shares"
            | "stock"
            | "shareholders"
            | "executives"
            | "employees"
            | "board"
            | "headquarters"
            | "revenue"
            | "profit"
            | "spokesperson"
            | "spokesman"
            | "spokeswoman"
            | "cfo"
            | "cto"
            | "chairman"
            | "earnings"
            | "sales"
            | "valuation"
            | "investors"
            | "customers"
            | "subsidiary"
            | "stake"
            | "takeover"
            | "acquisition"
            | "merger"
            | "bid"
            | "stores"
            | "cloud"
            | "chips"
            | "software"
    )
}

/// Whether a company's legal form follows its name at token `end` ("Intel Corp.", "Equinor
/// ASA's", "Siemens AG"): the name is the company's, and the form no part of another name.
pub fn legal_form_at(tokens: &[Token], end: usize) -> bool {
    tokens.get(end).is_some_and(|t| {
        t.gap == Gap::Space
            && t.shape != Shape::Lower
            && matches!(
                &*t.norm,
                "corp"
                    | "corp."
                    | "inc"
                    | "inc."
                    | "ltd"
                    | "ltd."
                    | "plc"
                    | "llc"
                    | "ag"
                    | "asa"
                    | "nv"
                    | "n.v."
                    | "gmbh"
                    | "spa"
                    | "s.p.a."
                    | "oyj"
                    | "bhd"
                    | "tbk"
            )
    })
}

/// A trade word right before a company's name ("chipmaker Intel", "tech giant Apple",
/// "iPhone maker Apple", "rival AMD"): the story calls it a business.
fn is_business_descriptor(norm: &str) -> bool {
    matches!(
        norm,
        "chipmaker"
            | "carmaker"
            | "automaker"
            | "retailer"
            | "maker"
            | "giant"
            | "rival"
            | "lender"
            | "insurer"
            | "startup"
            | "conglomerate"
            | "supplier"
            | "manufacturer"
            | "broadcaster"
            | "streamer"
            | "airline"
            | "firm"
            | "major"
            | "drugmaker"
            | "producer"
            | "miner"
            | "refiner"
            | "carrier"
            | "studio"
            | "brokerage"
            | "titan"
            | "competitor"
            | "rivals"
            | "competitors"
    )
}

/// Whether a company's verb follows in lower case right after token `end - 1` ("Amazon
/// said", "Apple declined").
pub fn business_verb_after(tokens: &[Token], end: usize) -> bool {
    tokens.get(end).is_some_and(|t| {
        t.gap == Gap::Space && t.shape == Shape::Lower && is_business_verb(&t.norm)
    })
}

/// How a share price moves ("Intel rose 4%").
/// Whether a market index follows a publisher's or company's name at token `end`: "the
/// Nikkei share average", "the Nikkei rose 1.1%" (a newspaper's name for its index moves
/// like a price), "the Dow Jones index".
pub fn names_an_index(tokens: &[Token], end: usize, publisher: bool) -> bool {
    let next = |k: usize| {
        tokens
            .get(k)
            .filter(|t| t.gap == Gap::Space)
            .map(|t| &*t.norm)
    };
    match next(end) {
        Some("index" | "average" | "futures" | "225") => true,
        Some("share" | "stock") => matches!(next(end + 1), Some("average" | "index")),
        Some(verb) => publisher && (is_price_move(verb) || matches!(verb, "closed" | "ended")),
        None => false,
    }
}

fn is_price_move(norm: &str) -> bool {
    matches!(
        norm,
        "rose"
            | "fell"
            | "gained"
            | "jumped"
            | "slipped"
            | "dropped"
            | "climbed"
            | "surged"
            | "tumbled"
            | "slumped"
            | "rallied"
            | "sank"
            | "soared"
            | "plunged"
            | "edged"
    )
}

/// Whether "<word> <preposition> the" reads as addressing a newspaper: "writing in the",
/// "leaked to the", "an interview with the", "obtained by the".
fn talks_to_press(preposition: &str, word: &str) -> bool {
    match preposition {
        "in" => matches!(
            word,
            "writing" | "wrote" | "written" | "published" | "column" | "op-ed" | "editorial"
        ),
        "to" => matches!(
            word,
            "according" | "spoke" | "speaking" | "talked" | "talking" | "leaked" | "confirmed"
        ),
        "with" => matches!(word, "interview" | "interviews"),
        "by" => matches!(word, "obtained" | "seen" | "reported" | "published"),
        _ => false,
    }
}

/// Whether the words around the name at tokens `start..end` are a business story's: a
/// company's verb or possession after it, its price moving by a percentage, a trade word
/// before it, or "shares of" / "a stake in" / "a spokesperson for" / "told the" before it. Lets an
/// everyday-word company name ("Apple", "Shell", "Oracle") stand without the article having
/// named it in full.
/// Most words of a sentence read for what a company reports.
const RESULTS_WINDOW: usize = 30;

/// Whether the rest of the sentence from token `from` reports a company's results: "Ford
/// said on Monday that profits rose sharply in the third quarter" (a driver called Chase
/// says no such thing).
fn reports_results(tokens: &[Token], from: usize) -> bool {
    tokens
        .iter()
        .skip(from)
        .take(RESULTS_WINDOW)
        .take_while(|t| !t.gap.starts_sentence())
        .any(|t| {
            t.shape == Shape::Lower
                && matches!(
                    &*t.norm,
                    "profit"
                        | "profits"
                        | "quarter"
                        | "quarterly"
                        | "revenue"
                        | "revenues"
                        | "earnings"
                        | "shareholders"
                        | "dividend"
                        | "layoffs"
                )
        })
}

pub fn business_context(text: &str, tokens: &[Token], start: usize, end: usize) -> bool {
    // In lower case, as running text has them: a title-case headline's "Intel Chief" may be
    // a spy chief ("CEO" is in capitals anyway).
    let after = |i: usize| {
        tokens
            .get(i)
            .filter(|t| t.gap == Gap::Space && (t.shape == Shape::Lower || t.norm == "ceo"))
    };
    // Anyone says things: at a sentence's start, where every name has a capital, "Chase
    // said" may be a driver called Chase.
    let mid_sentence = !tokens[start].gap.starts_sentence();
    let said_after = match tokens.get(end) {
        Some(t) if t.is_possessive() => after(end + 1).is_some_and(|t| is_business_noun(&t.norm)),
        _ => after(end).is_some_and(|t| {
            is_business_verb(&t.norm)
                && (mid_sentence
                    || !matches!(&*t.norm, "said" | "says")
                    || reports_results(tokens, end + 1))
        }),
    };
    let price_moved = after(end).is_some_and(|t| is_price_move(&t.norm)) && {
        let by = usize::from(after(end + 1).is_some_and(|t| t.norm == "by"));
        percentage_at(text, tokens, end + 1 + by)
    };
    let word_before =
        (start >= 1 && tokens[start].gap == Gap::Space && tokens[start - 1].shape == Shape::Lower)
            .then(|| &*tokens[start - 1].norm);
    let described = word_before.is_some_and(is_business_descriptor);
    let said_before = start >= 2
        && tokens[start - 1].gap == Gap::Space
        && match (word_before, &*tokens[start - 2].norm) {
            (Some("in"), before) => matches!(before, "shares" | "stake" | "stakes"),
            // People talk to newspapers: "told the Guardian", "according to the Times".
            (Some("the"), "told") => true,
            (Some("the"), preposition) => {
                start >= 3 && talks_to_press(preposition, &tokens[start - 3].norm)
            }
            // "said on Telegram", "posted on X".
            (Some("on"), before) => matches!(
                before,
                "said"
                    | "wrote"
                    | "posted"
                    | "announced"
                    | "statement"
                    | "post"
                    | "message"
                    | "video"
                    | "channel"
                    | "account"
            ),
            (Some("with"), before) => matches!(
                before,
                "deal" | "deals" | "agreement" | "contract" | "partnership" | "merger"
            ),
            (Some("of" | "for"), before) => matches!(
                before,
                "shares"
                    | "stock"
                    | "spokesperson"
                    | "spokesman"
                    | "spokeswoman"
                    | "shareholders"
                    | "executive"
                    | "executives"
                    | "founder"
                    | "cofounder"
                    | "ceo"
                    | "acquisition"
                    | "takeover"
            ),
            _ => false,
        };
    // "rivals, including Shell", "peers such as Oracle".
    let among_rivals = start >= 2
        && matches!(&*tokens[start - 1].norm, "including" | "like")
        && tokens[start].gap == Gap::Space
        && matches!(
            &*tokens[start - 2].norm,
            "rivals" | "competitors" | "peers" | "companies" | "firms" | "carriers" | "automakers"
        );
    said_after
        || price_moved
        || described
        || said_before
        || among_rivals
        || legal_form_at(tokens, end)
}

/// Whether token `i` is a number written as a percentage ("4%", "4.5 per cent").
fn percentage_at(text: &str, tokens: &[Token], i: usize) -> bool {
    let Some(number) = tokens.get(i) else {
        return false;
    };
    if number.gap != Gap::Space || !number.norm.starts_with(|c: char| c.is_ascii_digit()) {
        return false;
    }
    // "2.5" is two tokens: the fraction is read from the text.
    let rest = text[number.end..].trim_start_matches(|c: char| c.is_ascii_digit() || c == '.');
    rest.starts_with('%')
        || ["percent", "per cent", "pct"]
            .iter()
            .any(|word| rest.trim_start().starts_with(word))
}

/// Words that only reports of matches use often: "striker", "touchdown", "half-time".
pub fn is_match_word(norm: &str) -> bool {
    matches!(
        norm,
        "match"
            | "goal"
            | "goals"
            | "scored"
            | "striker"
            | "midfielder"
            | "defender"
            | "goalkeeper"
            | "penalty"
            | "fixture"
            | "half-time"
            | "halftime"
            | "kickoff"
            | "quarterback"
            | "touchdown"
            | "touchdowns"
            | "inning"
            | "innings"
            | "wicket"
            | "playoff"
            | "playoffs"
            | "rebounds"
            | "offside"
            | "equaliser"
            | "equalizer"
            | "hosts"
            | "visitors"
            | "league"
            | "tournament"
            | "semifinal"
            | "quarterfinal"
            | "trophy"
    )
}

/// What follows a club's name in a sports story ("Arsenal manager Mikel Arteta", "Chelsea
/// fans", "Liverpool beat Everton"): no city or armoury does these.
fn is_club_word(norm: &str) -> bool {
    matches!(
        norm,
        "manager"
            | "boss"
            | "coach"
            | "striker"
            | "forward"
            | "midfielder"
            | "defender"
            | "goalkeeper"
            | "keeper"
            | "winger"
            | "captain"
            | "fans"
            | "supporters"
            | "squad"
            | "beat"
            | "defeated"
            | "thrashed"
            | "drew"
            | "routed"
    )
}

/// Whether the words around the club name at tokens `start..end` are a sports story's: a
/// club's people or a result after it, in lower case ("Chelsea's manager" too), or the name
/// is a side of a match ("beat Arsenal", "Arsenal 2-1 Chelsea"). Lets a club be called by
/// its city's or an everyday word's name ("Liverpool", "Arsenal").
pub fn sports_context(text: &str, tokens: &[Token], start: usize, end: usize) -> bool {
    let mut after = end;
    if tokens.get(after).is_some_and(Token::is_possessive) {
        after += 1;
    }
    let club_word_after = tokens
        .get(after)
        .is_some_and(|t| t.gap == Gap::Space && t.shape == Shape::Lower && is_club_word(&t.norm));
    club_word_after
        || result_after(text, tokens, after)
        || super::roles::plays(text, tokens, start, end)
}

/// A result with its score right after a side's name, at token `i`: "gave Liverpool a 2-1
/// win", "Chelsea's 3-0 defeat", "Arsenal won 2-1".
fn result_after(text: &str, tokens: &[Token], i: usize) -> bool {
    let word = |i: usize| tokens.get(i).map_or("", |t| t.norm.as_ref());
    let score_at = |i: usize| super::roles::score_at(text, tokens, i);
    let (scored, by_verb) = match word(i) {
        "won" | "lost" | "led" | "trailed" => (i + 1, true),
        "a" | "an" => (i + 1, false),
        _ => (i, false),
    };
    score_at(scored)
        && (by_verb
            || matches!(
                word(scored + 2),
                "win" | "victory" | "draw" | "defeat" | "loss" | "lead" | "triumph" | "thrashing"
            ))
}

/// Who a party has, right after its name: "Labour MPs", "Tory leader", "Democratic
/// lawmakers". A labour market or a green policy has none of them.
fn is_party_people(norm: &str) -> bool {
    matches!(
        norm,
        "mp" | "mps"
            | "meps"
            | "lawmakers"
            | "legislators"
            | "leader"
            | "leadership"
            | "councillors"
            | "councilors"
            | "candidate"
            | "candidates"
            | "backbenchers"
            | "peers"
            | "senators"
            | "whip"
            | "activists"
            | "politicians"
            | "spokesperson"
            | "spokesman"
            | "spokeswoman"
            | "chairman"
            | "chairwoman"
    )
}

/// Whether a party's people follow its name, ending before token `end` ("Labour MPs").
pub fn party_context(tokens: &[Token], end: usize) -> bool {
    // In lower case, as running text has them, but for "MPs" and "MEPs".
    let people = tokens.get(end).is_some_and(|t| {
        t.gap == Gap::Space
            && (t.shape == Shape::Lower || matches!(&*t.norm, "mp" | "mps" | "meps"))
            && is_party_people(&t.norm)
    });
    // "Labour's fortunes", "Reform's candidate": what a party has in an election.
    let possession = tokens.get(end).is_some_and(Token::is_possessive)
        && tokens.get(end + 1).is_some_and(|t| {
            t.gap == Gap::Space
                && t.shape == Shape::Lower
                && matches!(
                    &*t.norm,
                    "fortunes"
                        | "candidate"
                        | "candidates"
                        | "manifesto"
                        | "victory"
                        | "defeat"
                        | "lead"
                        | "majority"
                        | "poll"
                        | "polling"
                        | "vote"
                        | "campaign"
                        | "conference"
                        | "frontbench"
                )
        });
    people || possession
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::tokenize;

    #[test]
    fn level_words_around_a_place_name() {
        let cue = |text: &str, start: usize| level_cue(&tokenize(text), start, start + 1);
        assert_eq!(cue("Georgia's governor signed", 0), Some(Level::Region));
        assert_eq!(cue("Georgia's parliament voted", 0), Some(Level::Country));
        assert_eq!(cue("the state of Washington sued", 3), Some(Level::Region));
        assert_eq!(cue("the Republic of Georgia", 3), Some(Level::Country));
        assert_eq!(cue("Georgia's voters", 0), None);
    }

    #[test]
    fn a_party_s_people_after_its_name() {
        let cue = |text: &str, end: usize| party_context(&tokenize(text), end);
        assert!(cue("from Labour MPs on Tuesday", 2));
        assert!(cue("Labour leader Keir Starmer", 1));
        assert!(!cue("Labour costs rose", 1));
        assert!(cue("Labour's fortunes have fallen", 1));
        assert!(!cue("Labour's share of income fell", 1));
        assert!(!cue("Labour Leader Awards", 1));
    }

    #[test]
    fn sports_words_around_a_club_name() {
        let cue =
            |text: &str, start: usize| sports_context(text, &tokenize(text), start, start + 1);
        assert!(cue("Arsenal manager Mikel Arteta said", 0));
        assert!(cue("and Chelsea's goalkeeper saved it", 1));
        assert!(cue("Everton beat Liverpool on Sunday", 2));
        assert!(cue("Liverpool 2-1 Everton", 0));
        assert!(cue("and Liverpool fans sang", 1));
        assert!(!cue("flights to Liverpool were cancelled", 2));
        assert!(!cue("Liverpool City Council said", 0));
        assert!(!cue("the Liverpool Manager Awards", 1));
        // A result with its score.
        assert!(cue("a penalty gave Liverpool a 2-1 win", 3));
        assert!(cue("after Chelsea's 3-0 defeat", 1));
        assert!(cue("Arsenal won 2-1 at home", 0));
        assert!(!cue("Liverpool won 306-232 votes", 0));
        assert!(!cue("gave Liverpool a 2-1 majority", 1));
    }

    #[test]
    fn business_words_around_a_company_name() {
        let cue =
            |text: &str, start: usize| business_context(text, &tokenize(text), start, start + 1);
        assert!(cue("Apple declined to comment", 0));
        assert!(cue("then Oracle shares jumped", 1));
        assert!(cue("Amazon's chief executive", 0));
        assert!(cue("said Apple CEO Tim Cook", 1));
        assert!(cue("Shares of Apple rose", 2));
        assert!(cue("a spokesperson for Visa", 3));
        assert!(!cue("an Apple a day", 1));
        assert!(!cue("the Amazon's banks", 1));
        assert!(!cue("Apple, said to be", 0));
        assert!(!cue("Trump's Intel Chief Says", 3));
        assert!(cue("on Monday Amazon said", 2));
        assert!(!cue("Chase said he was tired", 0));
        assert!(cue("Intel rose 4% on Monday", 0));
        assert!(cue("while Meta fell by 2.5 percent", 1));
        assert!(!cue("Chelsea rose to second", 0));
        assert!(!cue("Target rose 4 places", 0));
        assert!(cue("rival Target said", 1));
        assert!(cue("the chipmaker Intel", 2));
        assert!(cue("tech giant Apple", 2));
        assert!(!cue("the Giant Apple", 2));
        assert!(cue("shares in Barclays rose", 2));
        assert!(cue("a stake in Intel", 3));
        assert!(!cue("living in Apple Valley", 2));
        assert!(cue("agreed a deal with Oracle for chips", 4));
        assert!(cue("the chief executive of Shell said", 4));
        assert!(cue("its takeover of Target", 3));
        assert!(!cue("the deal with Iran and Target", 5));
        assert!(!cue("the people of Target were", 3));
        assert!(cue("a minister told the Guardian", 4));
        assert!(cue("according to the Times, he left", 3));
        assert!(!cue("he went to the Times Square", 4));
    }

    #[test]
    fn month_surname_needs_a_title_or_a_reporting_verb() {
        let tokens = tokenize("Mrs May spoke. In May the vote. May said no.");
        assert!(month_surname_is_person(&tokens, 1));
        assert!(!month_surname_is_person(&tokens, 4));
        assert!(month_surname_is_person(&tokens, 7));
    }
}
