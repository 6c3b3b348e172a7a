//! Names the knowledge base lacks, found by the words around them: a title before a person
//! ("Foreign Minister Jane Doe", "Ayatollah ..."), an organisation word ending a capitalised
//! run ("Ministry of Defence", "Quds Force Brigades").

use crate::kb::EntityType;
use crate::text::{names_members, Gap, Shape, Token};

/// `matches!(word, "a" | "b" | ...)` for the word lists below, which the rules ask of most
/// capitalised words: a `WordFilter` of the list turns most other words away before the
/// string comparisons.
macro_rules! one_of {
    ($word:expr, $($listed:literal)|+ $(,)?) => {{
        const FILTER: WordFilter = WordFilter::new(&[$($listed),+]);
        // The comparisons out of line: the filter's test is all that callers inline.
        #[inline(never)]
        fn listed(word: &str) -> bool {
            matches!(word, $($listed)|+)
        }
        let word: &str = $word;
        FILTER.may_contain(word) && listed(word)
    }};
}

/// The (length, first byte) and (length, last byte) pairs of a word list, as bits: a word
/// with a pair no listed word has is not in the list. Lengths from 15 share a row, bytes
/// share a bit modulo 32 (the lowercase letters get one each). The last byte is looked at
/// only for words whose first passes, and turns away most common words that do ("and" for
/// "abu" and "ash", "its" for "ibn").
struct WordFilter {
    firsts: [u32; 16],
    lasts: [u32; 16],
}

impl WordFilter {
    const fn new(words: &[&str]) -> Self {
        let mut firsts = [0; 16];
        let mut lasts = [0; 16];
        let mut i = 0;
        while i < words.len() {
            let word = words[i].as_bytes();
            if !word.is_empty() {
                firsts[Self::row(word.len())] |= Self::bit(word[0]);
                lasts[Self::row(word.len())] |= Self::bit(word[word.len() - 1]);
            }
            i += 1;
        }
        WordFilter { firsts, lasts }
    }

    const fn row(len: usize) -> usize {
        if len < 15 {
            len
        } else {
            15
        }
    }

    const fn bit(byte: u8) -> u32 {
        1 << (byte & 31)
    }

    #[inline]
    fn may_contain(&self, word: &str) -> bool {
        let bytes = word.as_bytes();
        let (Some(&first), Some(&last)) = (bytes.first(), bytes.last()) else {
            return false;
        };
        let row = Self::row(bytes.len());
        self.firsts[row] & Self::bit(first) != 0 && self.lasts[row] & Self::bit(last) != 0
    }
}

/// Words that introduce a person's name when they come right before it.
#[inline]
fn in_person_titles(word: &str) -> bool {
    one_of!(
        word,
        "president"
            | "minister"
            | "premier"
            | "chancellor"
            | "ayatollah"
            | "sheikh"
            | "sheik"
            | "gen"
            | "general"
            | "lt"
            | "col"
            | "colonel"
            | "maj"
            | "major"
            | "capt"
            | "captain"
            | "adm"
            | "admiral"
            | "commander"
            | "king"
            | "queen"
            | "prince"
            | "princess"
            | "emir"
            | "sultan"
            | "pope"
            | "cardinal"
            | "bishop"
            | "rabbi"
            | "imam"
            | "cleric"
            | "senator"
            | "sen"
            | "rep"
            | "representative"
            | "congressman"
            | "congresswoman"
            | "governor"
            | "gov"
            | "mayor"
            | "mr"
            | "mrs"
            | "ms"
            | "dr"
            | "prof"
            | "professor"
            | "secretary"
            | "ambassador"
            | "envoy"
            | "spokesman"
            | "ceo"
            | "coo"
            | "cfo"
            | "cto"
            | "ruler"
            | "spokeswoman"
            | "spokesperson"
            | "judge"
            | "justice"
            | "hojatoleslam"
            | "mullah"
            | "sir"
            | "dame"
            | "lord"
            | "lady"
            | "chairman"
            | "chairwoman"
            | "chair"
            | "chairperson"
            | "commissioner"
            | "sheriff"
            | "superintendent"
            | "inspector"
            | "detective"
            | "prosecutor"
            | "magistrate"
            | "constable"
            | "trooper"
            | "pastor"
            | "chief"
            | "director"
            | "leader"
            | "deputy"
            | "sergeant"
            | "sgt"
            | "officer"
            | "councillor"
            | "councilor"
            | "mp"
            | "mep"
            | "msp"
            | "mla"
            | "mpp"
            | "td"
            | "baroness"
            | "speaker"
            | "diplomat"
            | "administrator"
            | "minister's"
            | "senators"
            | "sens"
            | "reps"
            | "justices"
            | "commissioners"
            | "taoiseach"
            | "tanaiste"
            | "tánaiste"
            | "treasurer"
            | "ald"
            | "alderman"
            | "alderwoman"
            | "alderperson"
            | "councilmember"
            | "councilman"
            | "councilwoman"
            | "supervisor"
            | "attorney"
            | "adviser"
            | "advisor"
            | "commodore"
            | "brigadier"
            | "brig"
            | "marshal"
            | "cdr"
            | "tem"
    )
}

/// Words that end the name of a building or site ("Museum of Flight", "Trump Tower",
/// "Shandao Station"): found like organisations, typed as places.
#[inline]
fn in_site_heads(word: &str) -> bool {
    one_of!(
        word,
        "centre"
            | "center"
            | "museum"
            | "stadium"
            | "arena"
            | "airport"
            | "station"
            | "memorial"
            | "cathedral"
            | "mosque"
            | "temple"
            | "palace"
            | "tower"
            | "towers"
            | "base"
            | "hotel"
            | "planetarium"
            | "gallery"
            | "galleries"
            | "factory"
            | "room"
    )
}

/// Words that end an organisation's name.
#[inline]
fn in_organization_heads(word: &str) -> bool {
    in_site_heads(word) || is_organization_word(word)
}

#[inline]
fn is_organization_word(word: &str) -> bool {
    one_of!(
        word,
        "ministry"
            | "agency"
            | "party"
            | "brigades"
            | "brigade"
            | "corps"
            | "university"
            | "council"
            | "committee"
            | "commission"
            | "organization"
            | "organisation"
            | "institute"
            | "bank"
            | "army"
            | "front"
            | "movement"
            | "court"
            | "union"
            | "association"
            | "foundation"
            | "company"
            | "group"
            | "authority"
            | "department"
            | "office"
            | "bureau"
            | "service"
            | "services"
            | "forces"
            | "force"
            | "guard"
            | "guards"
            | "police"
            | "parliament"
            | "assembly"
            | "federation"
            | "alliance"
            | "league"
            | "network"
            | "corporation"
            | "inc"
            | "ltd"
            | "fund"
            | "news"
            | "times"
            | "post"
            | "herald"
            | "tribune"
            | "gazette"
            | "journal"
            | "telegraph"
            | "chronicle"
            | "observer"
            | "courier"
            | "paper"
            | "magazine"
            | "weekly"
            | "press"
            | "club"
            | "society"
            | "board"
            | "school"
            | "college"
            | "hospital"
            | "church"
            | "airlines"
            | "airways"
            | "navy"
            | "municipality"
            | "academy"
            | "legion"
            | "coalition"
            | "consortium"
            | "institution"
            | "orchestra"
            | "tribunal"
            | "ratings"
            | "materials"
            | "holdings"
            | "partners"
            | "ventures"
            | "motors"
            | "pharmaceuticals"
    )
}

/// Words that end a place's name ("Jordan Valley", "Georgia Avenue"), never a surname.
#[inline]
fn in_place_heads(word: &str) -> bool {
    one_of!(
        word,
        "river"
            | "valley"
            | "street"
            | "avenue"
            | "road"
            | "square"
            | "airport"
            | "station"
            | "bay"
            | "lake"
            | "mountain"
            | "mountains"
            | "island"
            | "islands"
            | "park"
            | "bridge"
            | "sea"
            | "gulf"
            | "strait"
            | "canyon"
            | "desert"
            | "basin"
            | "heights"
            | "hills"
            | "county"
            | "state"
            | "city"
            | "province"
            | "region"
            | "coast"
            | "tech"
    )
}

/// Small words allowed inside an organisation's name.
#[inline]
fn in_name_links(word: &str) -> bool {
    one_of!(
        word,
        "of" | "for" | "and" | "the" | "de" | "al" | "el" | "on"
    )
}

/// Capitalised words that are not names on their own.
#[inline]
fn in_not_names(word: &str) -> bool {
    one_of!(
        word,
        // Members of parties and movements: "Christian Democrats" is no person; nor are
        // "MPs" part of a name ("Labour MPs").
        "mps"
            | "meps"
            | "democrats"
            | "republicans"
            | "socialists"
            | "conservatives"
            | "liberals"
            | "communists"
            | "greens"
            | "nationalists"
            | "unionists"
            | "loyalists"
            | "royalists"
            | "the"
            | "a"
            | "an"
            | "this"
            | "that"
            | "these"
            | "those"
            | "his"
            | "her"
            | "its"
            | "their"
            | "our"
            | "my"
            | "your"
            | "in"
            | "on"
            | "at"
            | "but"
            | "and"
            | "or"
            | "if"
            | "when"
            | "while"
            | "after"
            | "before"
            | "as"
            | "for"
            | "with"
            | "by"
            | "from"
            | "to"
            | "of"
            | "he"
            | "she"
            | "it"
            | "they"
            | "we"
            | "i"
            | "you"
            | "there"
            | "here"
            | "what"
            | "who"
            | "which"
            | "why"
            | "how"
            | "where"
            | "monday"
            | "tuesday"
            | "wednesday"
            | "thursday"
            | "friday"
            | "saturday"
            | "sunday"
            | "january"
            | "february"
            | "march"
            | "april"
            | "june"
            | "july"
            | "august"
            | "september"
            | "october"
            | "november"
            | "december"
            | "also"
            | "according"
            | "both"
            | "image"
            | "staff"
            | "file"
            | "photo"
            | "video"
            | "credit"
            | "all"
            | "each"
            | "every"
            | "many"
            | "most"
            | "some"
            | "several"
            | "analysts"
            | "although"
            | "despite"
            | "however"
            | "meanwhile"
            | "later"
            | "earlier"
            | "yesterday"
            | "today"
            | "tonight"
            | "tomorrow"
            | "under"
            | "amid"
            | "during"
            | "since"
            | "until"
            | "against"
            | "among"
            | "without"
            | "read"
            | "subscribe"
            | "discover"
            | "more"
    )
}

/// Words that put a place right after them ("in Montalvo").
#[inline]
fn in_place_prepositions(word: &str) -> bool {
    one_of!(
        word,
        "in" | "at"
            | "from"
            | "near"
            | "to"
            | "outside"
            | "across"
            | "via"
            | "into"
            | "towards"
            | "toward"
            | "around"
            | "within"
            | "through"
            | "between"
            | "visited"
            | "visit"
            | "visiting"
            | "left"
    )
}

/// Lowercase words that begin some names ("al-Qaeda", "de Gaulle", "van Gogh").
#[inline]
fn in_name_particles(word: &str) -> bool {
    one_of!(
        word,
        "al" | "el"
            | "ad"
            | "as"
            | "ash"
            | "at"
            | "de"
            | "del"
            | "della"
            | "di"
            | "da"
            | "du"
            | "la"
            | "le"
            | "van"
            | "von"
            | "der"
            | "den"
            | "bin"
            | "ibn"
            | "ben"
            | "abu"
            | "dos"
            | "das"
            | "do"
            | "e"
    )
}

/// Words that join names in a list ("Armenia, Georgia and Azerbaijan").
pub fn is_list_joiner(norm: &str) -> bool {
    matches!(norm, "and" | "or")
}

/// Small words allowed inside a name ("of" in "Ministry of Defence").
#[inline]
pub fn is_name_link(norm: &str) -> bool {
    in_name_links(norm)
}

#[inline]
pub fn is_name_particle(norm: &str) -> bool {
    in_name_particles(norm)
}

#[inline]
pub fn is_place_preposition(norm: &str) -> bool {
    in_place_prepositions(norm)
}

/// Words that begin a place's name ("Lake Taupo", "Mount Kenya", "Port Said"), never a
/// person's given name.
#[inline]
pub fn is_place_prefix(norm: &str) -> bool {
    one_of!(
        norm,
        "lake" | "mount" | "mt" | "cape" | "port" | "fort" | "ft" | "point" | "saint" | "st"
    )
}

#[inline]
pub fn is_place_head(norm: &str) -> bool {
    in_place_heads(norm)
}

#[inline]
pub fn is_organization_head(norm: &str) -> bool {
    in_organization_heads(norm)
}

#[inline]
pub fn is_person_title(norm: &str) -> bool {
    in_person_titles(norm)
}

/// Titles that stay with the name they come before, as people say it ("Prince Harry",
/// "Queen Rania", "Sir Keir Starmer" is still "Sir Keir").
pub fn is_rank_of_nobility(norm: &str) -> bool {
    matches!(
        norm,
        "king"
            | "queen"
            | "prince"
            | "princess"
            | "emir"
            | "sultan"
            | "sheikh"
            | "pope"
            | "sir"
            | "dame"
            | "lord"
            | "lady"
    )
}

#[inline]
pub fn is_not_name(norm: &str) -> bool {
    in_not_names(norm)
}

fn is_name_token(token: &Token) -> bool {
    matches!(token.shape, Shape::Capitalized | Shape::Upper)
        && !is_not_name(&token.norm)
        && !is_person_title(&token.norm)
}

/// A name found by its cues: tokens `start..end`, typed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PatternName {
    pub start: usize,
    pub end: usize,
    pub kind: EntityType,
}

/// What a company named for its country makes or does ("China Mobile", "Korea Zinc",
/// "Nippon Life").
pub fn is_trade_word(norm: &str) -> bool {
    one_of!(
        norm,
        "steel"
            | "mobile"
            | "telecom"
            | "unicom"
            | "life"
            | "zinc"
            | "shipbuilding"
            | "motor"
            | "motors"
            | "oil"
            | "petroleum"
            | "petrochemical"
            | "railways"
            | "railway"
            | "electric"
            | "electronics"
            | "power"
            | "gas"
            | "energy"
            | "chemical"
            | "chemicals"
            | "tobacco"
            | "insurance"
            | "shipping"
            | "semiconductor"
            | "aerospace"
            | "construction"
            | "securities"
            | "mining"
            | "minerals"
            | "metals"
            | "cement"
            | "pharmaceutical"
            | "tower"
            | "exim"
    )
}

/// The country whose region a news agency's short form names ("Ont.", "B.C.", "N.Y.",
/// "NSW"). `dotted`: a full stop follows the word, which short forms that are also words
/// ("Man.", "Vic.") need.
pub fn region_abbreviation_country(norm: &str, dotted: bool) -> Option<&'static str> {
    match norm {
        "bc" | "pei" | "nfld" | "ont" | "que" | "alta" | "sask" => Some("CA"),
        "man" | "ns" | "nb" | "nl" if dotted => Some("CA"),
        "nsw" | "qld" | "tas" => Some("AU"),
        "vic" if dotted => Some("AU"),
        _ if dotted && is_state_abbreviation(norm) => Some("US"),
        _ => None,
    }
}

/// The news agencies' short forms of US states, without their dots ("Kan.", "N.Y.",
/// "Calif.").
pub fn is_state_abbreviation(norm: &str) -> bool {
    one_of!(
        norm,
        "ala"
            | "ariz"
            | "ark"
            | "calif"
            | "colo"
            | "conn"
            | "del"
            | "fla"
            | "ga"
            | "ill"
            | "ind"
            | "kan"
            | "kans"
            | "ky"
            | "la"
            | "md"
            | "mass"
            | "mich"
            | "minn"
            | "miss"
            | "mo"
            | "mont"
            | "neb"
            | "nev"
            | "nh"
            | "nj"
            | "nm"
            | "ny"
            | "nc"
            | "nd"
            | "okla"
            | "ore"
            | "pa"
            | "ri"
            | "sc"
            | "sd"
            | "tenn"
            | "tex"
            | "vt"
            | "va"
            | "wash"
            | "wva"
            | "wis"
            | "wyo"
    )
}

/// A Spanish article, which starts newspapers' names ("El Comercio", "La Nación"), never a
/// given name.
pub fn is_spanish_article(norm: &str) -> bool {
    matches!(norm, "el" | "la" | "los" | "las")
}

/// People a body is made of, whose name ends in "of" and a country: "Democratic Socialists
/// of America", "Communications Workers of America".
pub fn is_membership_plural(norm: &str) -> bool {
    one_of!(
        norm,
        "socialists"
            | "scouts"
            | "workers"
            | "teamsters"
            | "veterans"
            | "friends"
            | "sons"
            | "daughters"
            | "machinists"
            | "steelworkers"
            | "autoworkers"
            | "employees"
            | "engineers"
            | "nurses"
            | "teachers"
            | "farmers"
            | "writers"
            | "producers"
            | "manufacturers"
            | "retailers"
            | "builders"
            | "physicians"
            | "surgeons"
            | "journalists"
    )
}

/// A legislative chamber's short name, whose members a party's name may follow ("Senate
/// Republicans", "House Democrats").
pub fn is_chamber(norm: &str) -> bool {
    matches!(
        norm,
        "senate" | "house" | "assembly" | "congressional" | "parliamentary"
    )
}

/// Whether the words of a body's name are all generic, so that many countries (and US
/// states) have a body of that name: "House of Representatives", "Supreme Court",
/// "Democratic Party", "National Assembly".
pub fn is_generic_body_name(tokens: &[Token]) -> bool {
    tokens.len() >= 2
        && tokens.iter().all(|t| {
            one_of!(
                &*t.norm,
                "house"
                    | "of"
                    | "representatives"
                    | "commons"
                    | "appeal"
                    | "popular"
                    | "supreme"
                    | "constitutional"
                    | "federal"
                    | "high"
                    | "court"
                    | "national"
                    | "assembly"
                    | "senate"
                    | "democratic"
                    | "republican"
                    | "communist"
                    | "socialist"
                    | "conservative"
                    | "liberal"
                    | "labour"
                    | "labor"
                    | "green"
                    | "people's"
                    | "workers'"
                    | "party"
                    | "election"
                    | "electoral"
                    | "commission"
                    | "council"
                    | "legislative"
                    | "state"
            )
        })
}

/// Whether the name ending at token `end` ends in a compound's lowercase suffix: "Hong
/// Kong-listed shares", "a Tehran-based group" describe something by a place.
pub fn ends_in_compound_suffix(tokens: &[Token], end: usize) -> bool {
    let last = &tokens[end - 1];
    last.gap == Gap::Hyphen
        && last.shape == Shape::Lower
        && one_of!(
            &*last.norm,
            "listed"
                | "based"
                | "born"
                | "led"
                | "backed"
                | "owned"
                | "run"
                | "made"
                | "funded"
                | "linked"
                | "allied"
                | "aligned"
                | "controlled"
                | "held"
                | "occupied"
                | "registered"
                | "headquartered"
        )
}

/// A person named right after a title: "President Jane Doe" -> "Jane Doe" (1 to 3 words).
pub fn person_after_title(tokens: &[Token], i: usize) -> Option<PatternName> {
    let cue = i > 0 && (is_person_title(&tokens[i - 1].norm) || chief_title_at(tokens, i - 1));
    if !cue || !tokens[i].gap.joins_name() || chief_title_at(tokens, i) {
        return None;
    }
    // "Judge April Perry": after a title, a month before a name is a given name.
    let month_given_name = matches!(&*tokens[i].norm, "april" | "may" | "june" | "august")
        && tokens[i].shape == Shape::Capitalized
        && tokens
            .get(i + 1)
            .is_some_and(|t| t.gap == Gap::Space && is_name_token(t));
    let end = name_after_cue(tokens, i, |t| {
        is_name_token(t) || (month_given_name && std::ptr::eq(t, &tokens[i]))
    });
    if end > i && tokens[end - 1].norm == "administration" {
        // "General Services Administration": an agency, not a general.
        return None;
    }
    // "the General Staff": a word that is never a name is no person after a title, and in
    // running text neither is a lone word in capitals ("the chief AI scientist").
    let lone_capitals = tokens[i].shape == Shape::Upper && tokens[i - 1].shape == Shape::Lower;
    // "Gen Z" is a generation: a lone letter is no name, nor one before another word ("Gen Z
    // Madagascar", a movement); "the 2027 General Election" is an event.
    let letter = tokens[i].norm.chars().count() == 1;
    let generation = letter && tokens[i - 1].norm == "gen" && tokens[i].gap != Gap::Punct;
    let event = matches!(&*tokens[end.max(i + 1) - 1].norm, "election" | "elections");
    if generation || event {
        return None;
    }
    if end == i + 1 && (is_not_name(&tokens[i].norm) || lone_capitals || letter) {
        return None;
    }
    if title_follows(tokens, end) {
        // "Deputy Prime Minister", "Deputy Foreign Minister": one title, no name inside.
        return None;
    }
    if end == i + 1 && (qualifies_a_role_at(tokens, end) || adjective_title_at(tokens, i - 1)) {
        // "Chief Kremlin spokesman", "major Western countries": the word qualifies the noun
        // after it, which the title word qualifies too.
        return None;
    }
    (end > i).then_some(PatternName {
        start: i,
        end,
        kind: EntityType::Person,
    })
}

/// Whether a lowercase noun for people in a role or a group comes at token `end`, so that a
/// capitalised word before it qualifies it ("Kremlin spokesman", "Western countries").
pub fn qualifies_a_role_at(tokens: &[Token], end: usize) -> bool {
    tokens.get(end).is_some_and(|t| {
        t.gap == Gap::Space
            && t.shape == Shape::Lower
            && (in_person_titles(&t.norm) || is_group_noun(&t.norm))
    })
}

/// Nouns for the people or members of a body, place or movement ("Taliban officials",
/// "Kurdish groups", "Gulf donors").
fn is_group_noun(norm: &str) -> bool {
    matches!(
        norm,
        "official"
            | "officials"
            | "negotiator"
            | "negotiators"
            | "spokespeople"
            | "leaders"
            | "groups"
            | "countries"
            | "nations"
            | "states"
            | "forces"
            | "troops"
            | "fighters"
            | "militants"
            | "allies"
            | "donors"
            | "sources"
            | "members"
            | "lawmakers"
            | "diplomats"
            | "delegation"
            | "government"
    )
}

/// Whether token `k` is "major" or "general" in lowercase before one capitalised word and a
/// lowercase noun, an adjective there ("major Western countries", "general Arab support")
/// rather than a rank ("the pirate general Ridley.", "general Ridley and Kraid").
fn adjective_title_at(tokens: &[Token], k: usize) -> bool {
    tokens[k].shape == Shape::Lower
        && matches!(&*tokens[k].norm, "major" | "general")
        && tokens.get(k + 2).is_some_and(|t| {
            t.gap == Gap::Space
                && t.shape == Shape::Lower
                && !matches!(&*t.norm, "and" | "or")
                && !is_speech_verb(&t.norm)
        })
}

/// Whether token `i` ends a title that "Chief" opens ("Chief Executive Arthur Mensch",
/// "Chief Economist Jane Doe"): the name starts after it.
fn chief_title_at(tokens: &[Token], i: usize) -> bool {
    i > 0
        && tokens[i - 1].norm == "chief"
        && tokens[i].gap == Gap::Space
        && tokens[i].shape == Shape::Capitalized
        && matches!(
            &*tokens[i].norm,
            "executive" | "scientist" | "economist" | "strategist"
        )
}

/// Whether a capitalised title joins on at token `end` ("Prime" in "Deputy Prime Minister"
/// is part of the title, not a name).
pub fn title_follows(tokens: &[Token], end: usize) -> bool {
    tokens.get(end).is_some_and(|t| {
        t.gap == Gap::Space && t.shape == Shape::Capitalized && is_person_title(&t.norm)
    })
}

/// The end of a person's name of 1 to 3 words (hyphenated parts counting as one) starting at
/// token `i`, right after a cue; `i` when there is none.
fn name_after_cue(tokens: &[Token], i: usize, is_part: impl Fn(&Token) -> bool) -> usize {
    let mut end = i;
    while end < tokens.len()
        && (words_in(&tokens[i..end]) < 3 || tokens[end].gap == Gap::Hyphen)
        && (end == i || tokens[end].gap.joins_name())
    {
        if is_part(&tokens[end]) {
            end += 1;
            continue;
        }
        // "Hugo van Lawick", "Ana de la Cruz": particles between the given name and the
        // surname.
        let mut surname = end;
        while surname > i
            && tokens
                .get(surname)
                .is_some_and(|t| t.gap == Gap::Space && is_lowercase_particle(t))
        {
            surname += 1;
        }
        // "Amr al-Bidh": an Arabic article joins its surname with a hyphen.
        let particles = surname > end
            && tokens
                .get(surname)
                .is_some_and(|t| joins_after_particle(&tokens[surname - 1], t.gap) && is_part(t));
        if !particles {
            break;
        }
        end = surname + 1;
    }
    let end = with_given_name_syllable(tokens, without_trailing_initials(tokens, i, end));
    // "Squadron Officer School", "Queen Street": a title word inside an organisation's or a
    // place's name; "General Data Protection Regulation": a law's.
    if end > i
        && (in_organization_heads(&tokens[end - 1].norm)
            || in_place_heads(&tokens[end - 1].norm)
            || is_law_word(&tokens[end - 1].norm))
    {
        return i;
    }
    end
}

/// A person named right after a lowercase noun for what people are or do: "mathematician
/// Aner Shalev", "webcomic artist Zach Weiner", "interviewee R Saravanan", or a family word
/// and a comma before a name that closes the phrase ("their child, Gloria."). The name's
/// words are capitalised, not in capitals ("analyst CNN" is no person).
pub fn person_after_descriptor(text: &str, tokens: &[Token], i: usize) -> Option<PatternName> {
    let cue = tokens.get(i.checked_sub(1)?)?;
    // A sentence may open with the occupation ("Coach Pep Guardiola praised"); a heading in
    // title case may too ("Player Ratings Explained"), so there the sentence must go on in
    // lowercase right after the name.
    let opens_sentence = cue.shape == Shape::Capitalized
        && cue.gap.starts_sentence()
        && in_person_descriptors(&cue.norm);
    if cue.shape != Shape::Lower && !opens_sentence {
        return None;
    }
    // "his wife Grace", "Mugabe's wife Grace", "their nine-month-old child, Gloria": a family
    // word after a possessive, at most three words back ("son" alone may be French).
    let possessed = || {
        (i.saturating_sub(5)..i - 1).rev().any(|k| {
            tokens[k].is_possessive()
                || matches!(
                    tokens[k].norm.as_ref(),
                    "his" | "her" | "their" | "my" | "your" | "our" | "its"
                )
        })
    };
    let kin = in_kin_words(&cue.norm) && possessed();
    let joined = tokens[i].gap == Gap::Space && (kin || is_descriptor_or_plural(&cue.norm));
    let after_comma =
        kin && tokens[i].gap == Gap::Punct && text[cue.end..tokens[i].start].trim() == ",";
    if !joined && !after_comma {
        return None;
    }
    // "players Union Berlin": an organisation word is no part of a person's name.
    let end = name_after_cue(tokens, i, |t| {
        t.shape == Shape::Capitalized && is_name_token(t) && !in_organization_heads(&t.norm)
    });
    // After a comma the name must close the phrase: "his son, Hunter Biden." not "his son,
    // Washington said". A capitalised word right after the name means the cue ran into a
    // heading or a longer name ("candidate Interview What ...", "philosopher Noam Chomsky
    // Noam Chomsky is"): no name is read there. A weekday is a dateline, not more name
    // ("interviews writer Aner Shalev Wednesday, September 19").
    let closes = tokens.get(end).is_none_or(|t| !t.gap.joins_name());
    let runs_on = tokens.get(end).is_some_and(|t| {
        t.gap.joins_name()
            && ((t.is_capitalized() && !is_weekday(&t.norm)) || is_name_particle(&t.norm))
    });
    // "Mr. B--" is no name.
    let one_letter = end == i + 1 && tokens[i].norm.chars().count() < 2;
    let sentence_goes_on = tokens
        .get(end)
        .is_some_and(|t| t.gap == Gap::Space && t.shape == Shape::Lower);
    if opens_sentence && (end < i + 2 || !sentence_goes_on) {
        return None;
    }
    // "official", "resident" and "expert" are adjectives as often ("the official Opposition",
    // "the official WeChat account"): after them a name of two words or more that ends the
    // clause or says something ("official Roel Montesa.", "resident Maria Lopez said").
    let adjective_too = matches!(
        cue.norm.as_ref(),
        "official" | "officials" | "resident" | "residents" | "expert" | "experts"
    );
    let noun_follows = sentence_goes_on && !is_speech_verb(&tokens[end].norm);
    if adjective_too && (end < i + 2 || noun_follows) {
        return None;
    }
    (end > i && (joined || closes) && !runs_on && !one_letter).then_some(PatternName {
        start: i,
        end,
        kind: EntityType::Person,
    })
}

/// A person the knowledge base lacks, named by reported speech, a goal or an appositive: two
/// or three capitalised words before "said", "says", "told" or "scored" ("Ferjani Sassi
/// scored"), after "said" or "according to" ("according to Alia Salem"), or before an
/// appositive that says what a person is ("Ajmi Lourimi, a member of"). News quotes, scores
/// and describes people far more than anything else with an unknown two-word name; one
/// word alone ("Police said", "said Thursday") is too often a common noun or a date. The
/// name must stand alone: not the tail or head of a longer capitalised run ("the Daily Mail
/// Online said"), and no word may be an organisation, place or title word. The caller
/// leaves names whose first word the knowledge base knows to it.
pub fn person_by_speech_or_apposition(
    text: &str,
    tokens: &[Token],
    i: usize,
) -> Option<PatternName> {
    // Most capitalised words stand alone or have no cue within reach of a name of two or
    // three words (hyphen parts included): looked at first, these keep the rule off them.
    let second = tokens
        .get(i + 1)
        .is_some_and(|t| t.shape == Shape::Capitalized && t.gap.joins_name());
    // "Amr al-Bidh", "Hugo van Lawick": a particle, then the surname.
    let particle_second = || {
        tokens
            .get(i + 1)
            .is_some_and(|t| t.gap == Gap::Space && is_lowercase_particle(t))
            && tokens.get(i + 2).is_some_and(|t| {
                t.shape == Shape::Capitalized && joins_after_particle(&tokens[i + 1], t.gap)
            })
    };
    if !second && !particle_second() {
        return None;
    }
    let before = |k: usize| i.checked_sub(k).map(|at| &tokens[at]);
    let cue_before = tokens[i].gap == Gap::Space
        && before(1).is_some_and(|t| {
            t.norm == "said"
                || (t.norm == "to" && before(2).is_some_and(|a| a.norm == "according"))
                || (t.shape == Shape::Lower && is_legal_action(&t.norm))
        });
    let cue_within_reach = || {
        (i + 2..tokens.len().min(i + 6)).any(|k| {
            let t = &tokens[k];
            (t.shape == Shape::Lower
                && if t.gap == Gap::Punct {
                    describes_a_person(tokens, k)
                } else {
                    is_speech_verb(&t.norm)
                })
                || age_at(tokens, k)
        })
    };
    if !cue_before && !cue_within_reach() {
        return None;
    }
    let is_part = is_plain_name_word;
    if !is_part(&tokens[i]) {
        return None;
    }
    // "Minister of Education Stefania Giannini said": after "of", "for", "on" or "the" the
    // run continues a longer name ("and" joins two people: "and Ferjani Sassi scored").
    let joined_before = tokens[i].gap.joins_name()
        && before(1).is_some_and(|t| {
            (t.is_capitalized() && !is_not_name(&t.norm))
                || is_name_particle(&t.norm)
                || (in_name_links(&t.norm) && t.norm != "and")
        });
    if joined_before {
        return None;
    }
    let end = name_after_cue(tokens, i, is_part);
    if words_in(&tokens[i..end]) < 2 {
        return None;
    }
    let next = tokens.get(end);
    let runs_on = next
        .is_some_and(|t| t.gap.joins_name() && (t.is_capitalized() || is_name_particle(&t.norm)));
    // "Whole Foods said it has lowered prices": a company speaks of itself as "it".
    let of_itself = tokens
        .get(end + 1)
        .is_some_and(|t| matches!(t.norm.as_ref(), "it" | "its"));
    let cue_after = !of_itself
        && next.is_some_and(|t| {
            t.gap == Gap::Space && t.shape == Shape::Lower && is_speech_verb(&t.norm)
        });
    let described = next.is_some_and(|t| t.gap == Gap::Punct)
        && text[tokens[end - 1].end..tokens[end].start].trim() == ","
        && (describes_a_person(tokens, end) || age_at(tokens, end));
    ((cue_before && !runs_on) || cue_after || described).then_some(PatternName {
        start: i,
        end,
        kind: EntityType::Person,
    })
}

/// A scorer named by the one word match reports use after a player's first mention: "Six
/// minutes later, Lukaku scored". Mid-sentence, after no article or possessive, a lone
/// capitalised word before "scored" is a player; at a sentence start it may be any noun
/// ("Students scored higher"), after an article a team ("the Reds scored"). The caller
/// leaves words the knowledge base knows (teams, countries) to it.
#[inline]
pub fn scorer_by_surname(tokens: &[Token], i: usize) -> Option<PatternName> {
    let scored = tokens
        .get(i + 1)
        .is_some_and(|t| t.gap == Gap::Space && t.shape == Shape::Lower && t.norm == "scored");
    if !scored || !matches!(tokens[i].gap, Gap::Space | Gap::Punct) {
        return None;
    }
    let before = &tokens[i - 1];
    let determiner = matches!(
        before.norm.as_ref(),
        "the" | "a" | "an" | "his" | "her" | "their" | "its" | "our" | "my" | "your"
    );
    let name = is_plain_name_word(&tokens[i]) && before.shape == Shape::Lower && !determiner;
    name.then_some(PatternName {
        start: i,
        end: i + 1,
        kind: EntityType::Person,
    })
}

/// A speaker named by one word after a quote: "“It was a shock,” says Werner.", "the
/// recipients, said Mauer, are required". Inverted attribution after a quotation mark or a
/// comma puts the speaker right after the verb, and the speaker is a person or something
/// the knowledge base knows ("told Reuters"; the caller leaves known words to it). The word
/// closes the clause; weekdays, months, titles and organisation words are no speaker ("said
/// Friday", "said Parliament").
#[inline]
pub fn speaker_after_quote(tokens: &[Token], i: usize) -> Option<PatternName> {
    let verb = tokens.get(i.checked_sub(1)?)?;
    let inverted = verb.gap == Gap::Punct
        && tokens[i].gap == Gap::Space
        && matches!(verb.norm.as_ref(), "said" | "says");
    // "said C. Eugene Steuerle": an initial starts a longer name.
    let initial = || tokens[i].norm.chars().count() < 2;
    if !inverted || initial() || !is_plain_name_word(&tokens[i]) {
        return None;
    }
    let closes = tokens
        .get(i + 1)
        .is_none_or(|t| !t.gap.joins_name() && !t.is_possessive());
    closes.then_some(PatternName {
        start: i,
        end: i + 1,
        kind: EntityType::Person,
    })
}

/// Most tokens between a sentence-opening title and the name in apposition to it.
const MAX_ROLE_TOKENS: usize = 12;

/// A person the knowledge base lacks, named in apposition to the role that opens the
/// sentence: "The secretary general of CEI (Italian Episcopal Conference), Nunzio
/// Galantino, has called ...", "The head of the agency, Jane Doe, said". The sentence starts
/// with an article or possessive and a lowercase title or occupation, and the first comma
/// after it sets off two or three capitalised words that another comma closes. The caller
/// leaves names whose first word the knowledge base knows to it.
#[inline]
pub fn person_in_apposition_to_role(text: &str, tokens: &[Token], i: usize) -> Option<PatternName> {
    // A comma between tokens `a` and `b`, after a closing bracket or before an opening
    // quote: "Conference), Nunzio".
    let comma = |a: usize, b: usize| text[tokens[a].end..tokens[b].start].contains(',');
    if i == 0 || tokens[i].gap != Gap::Punct || !comma(i - 1, i) {
        return None;
    }
    let end = name_after_cue(tokens, i, is_plain_name_word);
    let closed = tokens.get(end).is_some_and(|t| t.gap == Gap::Punct) && comma(end - 1, end);
    if words_in(&tokens[i..end]) < 2 || !closed {
        return None;
    }
    // Walk back to the sentence start; no comma may come between it and the name.
    let mut start = i - 1;
    while !tokens[start].gap.starts_sentence() {
        if i - start > MAX_ROLE_TOKENS
            || (tokens[start].gap == Gap::Punct && comma(start - 1, start))
        {
            return None;
        }
        start -= 1;
    }
    let opens = matches!(
        tokens[start].norm.as_ref(),
        "the" | "a" | "an" | "its" | "his" | "her" | "their"
    );
    let role = tokens.get(start + 1).is_some_and(|t| {
        t.shape == Shape::Lower
            && (in_person_titles(&t.norm)
                || in_person_descriptors(&t.norm)
                || matches!(t.norm.as_ref(), "head" | "member"))
    });
    (opens && role).then_some(PatternName {
        start: i,
        end,
        kind: EntityType::Person,
    })
}

/// A person the knowledge base lacks, named as the one who replaced, succeeded or defeated
/// a person: "Nacer Chadli replaced Axel Witsel", "Junius Ho defeating Lee Cheuk-yan".
/// These verbs relate people to people (a substitution, an office, an election), so when
/// `is_person(k)` reads a person at the object's first token `k`, the two or three
/// capitalised words before the verb are one too. The caller leaves names whose first word
/// the knowledge base knows to it ("Belgium beat ...", "Apple replaced ...").
#[inline]
pub fn person_before_relation(
    tokens: &[Token],
    i: usize,
    is_person: impl Fn(usize) -> bool,
) -> Option<PatternName> {
    // Cheap first: the verb, in lower case, comes after a name of two or three words.
    let verb_at = (i + 2..tokens.len().min(i + 4))
        .find(|&k| tokens[k].shape == Shape::Lower && is_relation_verb(&tokens[k].norm))?;
    if tokens[i].gap.joins_name() && i > 0 && tokens[i - 1].is_capitalized() {
        return None;
    }
    let end = name_after_cue(tokens, i, is_plain_name_word);
    let object = tokens.get(verb_at + 1)?;
    let fits = end == verb_at
        && words_in(&tokens[i..end]) >= 2
        && tokens[verb_at].gap == Gap::Space
        && object.gap == Gap::Space
        && object.shape == Shape::Capitalized;
    (fits && is_person(verb_at + 1)).then_some(PatternName {
        start: i,
        end,
        kind: EntityType::Person,
    })
}

/// Verbs whose subject and object are both people when the object is.
fn is_relation_verb(norm: &str) -> bool {
    matches!(
        norm,
        "replaced"
            | "replaces"
            | "replacing"
            | "succeeded"
            | "succeeds"
            | "defeated"
            | "defeats"
            | "defeating"
            | "unseated"
            | "ousted"
            | "married"
    )
}

/// A person the knowledge base lacks, named as the agent of something only people do:
/// "written by Vinoy Thomas", "directed by Lijo Jose", "saved by Thibaut Courtois". Two or
/// three capitalised words after the participle and "by", standing alone; verbs that
/// companies and peoples also do ("produced", "developed", "led by Eastern Polynesians") are
/// no cue. The caller leaves names whose first word the knowledge base knows to it.
#[inline]
pub fn person_by_agent(tokens: &[Token], i: usize) -> Option<PatternName> {
    let by = tokens.get(i.checked_sub(1)?)?;
    if tokens[i].gap != Gap::Space || by.gap != Gap::Space || by.norm != "by" {
        return None;
    }
    let verb = tokens.get(i.checked_sub(2)?)?;
    if !is_personal_participle(&verb.norm) {
        return None;
    }
    let end = name_after_cue(tokens, i, is_plain_name_word);
    let runs_on = tokens
        .get(end)
        .is_some_and(|t| t.gap.joins_name() && (t.is_capitalized() || is_name_particle(&t.norm)));
    (words_in(&tokens[i..end]) >= 2 && !runs_on).then_some(PatternName {
        start: i,
        end,
        kind: EntityType::Person,
    })
}

/// The lowercase word right before token `i`, a space apart: the cue word of several rules.
fn lowercase_word_before<'a>(tokens: &'a [Token], i: usize) -> Option<&'a str> {
    let before = tokens.get(i.checked_sub(1)?)?;
    (tokens[i].gap == Gap::Space && before.shape == Shape::Lower).then_some(&*before.norm)
}

/// A person the knowledge base lacks, named in an appointment: "appointed Kulman Ghising as
/// Minister of Energy", "Hajiji Noor was sworn in". Two or three capitalised words standing
/// alone; the caller leaves names whose first word the knowledge base knows to it.
pub fn person_by_appointment(tokens: &[Token], i: usize) -> Option<PatternName> {
    let verb_before = lowercase_word_before(tokens, i).is_some_and(|word| {
        one_of!(
            word,
            "appointed" | "named" | "nominated" | "designated" | "installed" | "tapped"
        )
    });
    let is_sworn = |t: &Token| {
        t.shape == Shape::Lower
            && one_of!(
                &*t.norm,
                "sworn" | "inaugurated" | "appointed" | "elected" | "nominated"
            )
    };
    // Most capitalised words have neither cue near them: the name is not read then.
    if !verb_before && !tokens[i + 1..tokens.len().min(i + 6)].iter().any(is_sworn) {
        return None;
    }
    let end = name_after_cue(tokens, i, is_plain_name_word);
    let stands_alone = words_in(&tokens[i..end]) >= 2
        && !tokens
            .get(end)
            .is_some_and(|t| t.gap.joins_name() && t.is_capitalized());
    if !stands_alone {
        return None;
    }
    let word = |k: usize| {
        tokens
            .get(k)
            .filter(|t| t.gap == Gap::Space)
            .map(|t| &*t.norm)
    };
    let appointed_as = verb_before && word(end) == Some("as");
    let sworn_in = matches!(word(end), Some("was" | "is" | "were" | "will"))
        && tokens
            .get(end + 1)
            .is_some_and(|t| t.gap == Gap::Space && is_sworn(t));
    (appointed_as || sworn_in).then_some(PatternName {
        start: i,
        end,
        kind: EntityType::Person,
    })
}

/// Participles whose agent is a person: authorship of a work, a save, a role played.
fn is_personal_participle(norm: &str) -> bool {
    matches!(
        norm,
        "written"
            | "directed"
            | "composed"
            | "painted"
            | "illustrated"
            | "narrated"
            | "photographed"
            | "interviewed"
            | "coached"
            | "saved"
            | "played"
            | "voiced"
            | "sung"
            | "authored"
            | "founded"
            | "headed"
            | "chaired"
            | "appointed"
            | "nominated"
            | "succeeded"
            | "replaced"
            | "co-founded"
    )
}

/// A capitalised word that can be part of a person's name read from a cue after it: no
/// title, organisation, place or company word, no weekday or month, and no descriptor in
/// title case ("Biologist Nick Bos said").
fn is_plain_name_word(t: &Token) -> bool {
    t.shape == Shape::Capitalized
        && is_name_token(t)
        && !in_organization_heads(&t.norm)
        && !in_place_heads(&t.norm)
        && !is_weekday(&t.norm)
        && !is_month(&t.norm)
        && !is_business_word(&t.norm)
        && !in_person_descriptors(&t.norm)
}

/// Verbs after a person's name that report their words or a goal ("with Erling Haaland
/// scoring twice").
fn is_speech_verb(norm: &str) -> bool {
    matches!(norm.as_bytes().first(), Some(b's' | b't' | b'w'))
        && matches!(
            norm,
            "said" | "says" | "told" | "scored" | "scoring" | "wrote" | "testified" | "tweeted"
        )
}

/// An appositive that says what a person is, starting at token `at` after a comma: "a
/// spokesman for", "an economist at", "president of", "author of". The noun must be followed
/// by a preposition or a comma, so that "an analyst firm" (a company) is not read as one.
fn describes_a_person(tokens: &[Token], at: usize) -> bool {
    let article = tokens
        .get(at)
        .is_some_and(|t| matches!(t.norm.as_ref(), "a" | "an" | "the"));
    // After an article, up to three words may qualify the noun: "the Black Sabbath
    // singer", "a former wrestler"; without one, two ("vice minister for foreign affairs").
    let first = at + usize::from(article);
    let modifiers = (first..tokens.len().min(first + if article { 3 } else { 2 }))
        .take_while(|&k| {
            (k == first || tokens[k].gap == Gap::Space)
                && (article || tokens[k].shape == Shape::Lower)
                && !describes_as_person_noun(&tokens[k])
                && tokens.get(k + 1).is_some_and(|t| t.gap == Gap::Space)
        })
        .count();
    let at = first + modifiers;
    let (Some(noun), Some(after)) = (tokens.get(at), tokens.get(at + 1)) else {
        return false;
    };
    let closes = after.gap == Gap::Punct
        || (after.gap == Gap::Space
            && matches!(after.norm.as_ref(), "of" | "for" | "at" | "with" | "to"));
    describes_as_person_noun(noun) && closes
}

/// A lowercase noun for what a person is ("singer", "spokesman", "minister").
fn describes_as_person_noun(noun: &Token) -> bool {
    noun.shape == Shape::Lower
        && (in_person_descriptors(&noun.norm)
            || in_person_titles(&noun.norm)
            || matches!(
                noun.norm.as_ref(),
                "spokesman"
                    | "spokeswoman"
                    | "spokesperson"
                    | "professor"
                    | "fellow"
                    | "member"
                    | "lawmaker"
                    | "legislator"
                    | "parliamentarian"
                    | "politician"
                    | "official"
                    | "head"
                    | "resident"
                    | "farmer"
                    | "doctor"
                    | "nurse"
                    | "engineer"
                    | "soldier"
                    | "commander"
                    | "cleric"
                    | "owner"
                    | "executive"
                    | "worker"
                    | "witness"
            ))
}

/// ", 76," after a name: a person's age (an adult's, as news gives them; smaller numbers
/// follow gates and terminals).
fn age_at(tokens: &[Token], at: usize) -> bool {
    let (Some(number), Some(after)) = (tokens.get(at), tokens.get(at + 1)) else {
        return false;
    };
    number.gap == Gap::Punct
        && after.gap == Gap::Punct
        && number.norm.len() <= 3
        && number
            .norm
            .parse::<u8>()
            .is_ok_and(|age| (16..=110).contains(&age))
}

/// Words that end the names of companies and research firms, which news also quotes
/// ("according to Coresight Research", "Arachnid Labs says"), never a surname.
fn is_business_word(norm: &str) -> bool {
    matches!(
        norm,
        "research"
            | "labs"
            | "lab"
            | "foods"
            | "systems"
            | "technologies"
            | "technology"
            | "industries"
            | "partners"
            | "capital"
            | "holdings"
            | "media"
            | "energy"
            | "motors"
            | "brands"
            | "analytics"
            | "consulting"
            | "securities"
            | "insights"
            | "global"
            | "international"
            | "markets"
            | "pharmaceuticals"
            | "solutions"
            | "ventures"
            | "studios"
            | "games"
            | "records"
            | "entertainment"
    )
}

/// Days of the week, which follow names in datelines.
fn is_weekday(norm: &str) -> bool {
    matches!(
        norm,
        "monday" | "tuesday" | "wednesday" | "thursday" | "friday" | "saturday" | "sunday"
    )
}

/// A descriptor, or its plural before the first name of a list: "athletes Vitas
/// Gerulaitis (tennis) and Jack Nicklaus (golf)", "photographers Nat Finkelstein, ...".
fn is_descriptor_or_plural(word: &str) -> bool {
    in_person_descriptors(word) || word.strip_suffix('s').is_some_and(in_person_descriptors)
}

/// Lowercase nouns for a person's occupation or role, which put a name right after them.
#[inline]
fn in_person_descriptors(word: &str) -> bool {
    one_of!(
        word,
        "artist"
            | "writer"
            | "novelist"
            | "poet"
            | "playwright"
            | "journalist"
            | "reporter"
            | "columnist"
            | "editor"
            | "photographer"
            | "filmmaker"
            | "painter"
            | "sculptor"
            | "designer"
            | "architect"
            | "musician"
            | "singer"
            | "songwriter"
            | "rapper"
            | "composer"
            | "actor"
            | "actress"
            | "comedian"
            | "cartoonist"
            | "blogger"
            | "scientist"
            | "researcher"
            | "mathematician"
            | "physicist"
            | "chemist"
            | "biologist"
            | "astronomer"
            | "geologist"
            | "economist"
            | "historian"
            | "philosopher"
            | "linguist"
            | "psychologist"
            | "inventor"
            | "astronaut"
            | "student"
            | "teacher"
            | "lawyer"
            | "attorney"
            | "prosecutor"
            | "activist"
            | "campaigner"
            | "candidate"
            | "nominee"
            | "founder"
            | "businessman"
            | "businesswoman"
            | "entrepreneur"
            | "investor"
            | "analyst"
            | "interviewee"
            | "curator"
            | "author"
            | "lecturer"
            | "instructor"
            | "scholar"
            | "critic"
            | "presenter"
            | "correspondent"
            | "commentator"
            | "striker"
            | "midfielder"
            | "defender"
            | "goalkeeper"
            | "winger"
            | "teammate"
            | "colleague"
            | "athlete"
            | "player"
            | "coach"
            | "manager"
            | "captain"
            | "pitcher"
            | "catcher"
            | "quarterback"
            | "linebacker"
            | "boxer"
            | "golfer"
            | "cyclist"
            | "swimmer"
            | "sprinter"
            | "skier"
            | "jockey"
            | "driver"
            | "producer"
            | "conductor"
            | "pianist"
            | "guitarist"
            | "dancer"
            | "chef"
            | "pollster"
            | "strategist"
            | "adviser"
            | "advisor"
            | "aide"
            | "envoy"
            | "negotiator"
            | "diplomat"
            | "spokesperson"
            | "spokesman"
            | "spokeswoman"
            | "official"
            | "coordinator"
            | "expert"
            | "resident"
            | "villager"
            | "meteorologist"
            | "forecaster"
            | "epidemiologist"
            | "virologist"
    )
}

/// Family words, which put a name after them, or after them and a comma.
#[inline]
fn in_kin_words(word: &str) -> bool {
    one_of!(
        word,
        "wife"
            | "husband"
            | "son"
            | "daughter"
            | "child"
            | "baby"
            | "mother"
            | "father"
            | "brother"
            | "sister"
            | "widow"
            | "grandson"
            | "granddaughter"
            | "nephew"
            | "niece"
    )
}

/// A person the knowledge base lacks, named with a known given name: "Dean Kamen",
/// "Sergey Brin" (2 or 3 capitalised words, the first one a given name).
///
/// After "the", or with more capitalised words after three, the run names a thing ("the Andy
/// Warhol Photographic Legacy Program"): after "the" and with `nested_person`, the person
/// nested in it is read as its first two words (a census given name is evidence enough);
/// otherwise nothing is (a place that is also a given name: "the Brooklyn Daily Eagle", "the
/// Paris Motor Show"; a headline in title case: "Oscar Voters Don't Forget").
pub fn person_by_given_name(
    tokens: &[Token],
    i: usize,
    is_given_name: impl Fn(&str) -> bool,
    nested_person: bool,
) -> Option<PatternName> {
    let first = &tokens[i];
    // "John C. Woodward": a middle initial between the given name and the surname.
    let initial = |k: usize| {
        tokens
            .get(k)
            .is_some_and(|t| t.shape == Shape::Upper && t.norm.chars().count() == 1)
            && tokens
                .get(k + 1)
                .is_some_and(|t| t.gap.joins_name() && t.shape == Shape::Capitalized)
    };
    // "Ahmed al-Rahawi": a lowercase particle hyphened to a capitalised surname.
    let hyphened_particle = |k: usize| {
        tokens.get(k).is_some_and(is_lowercase_particle)
            && tokens
                .get(k + 1)
                .is_some_and(|t| t.gap == Gap::Hyphen && t.shape == Shape::Capitalized)
    };
    // The name needs a second capitalised word joined to the first (the loop below takes no
    // other): without one, the given-name lookup, a walk through an automaton, is not made.
    let second = tokens.get(i + 1).is_some_and(|t| {
        t.gap.joins_name()
            && (t.shape == Shape::Capitalized || initial(i + 1) || hyphened_particle(i + 1))
    });
    if first.shape != Shape::Capitalized
        || !second
        || is_not_name(&first.norm)
        || !is_given_name(&first.norm)
    {
        return None;
    }
    let mut end = i + 1;
    while end < tokens.len()
        && (words_in(&tokens[i..end]) < 3 || tokens[end].gap == Gap::Hyphen)
        && tokens[end].gap.joins_name()
        && (hyphened_particle(end)
            || ((tokens[end].shape == Shape::Capitalized || (end == i + 1 && initial(end)))
                && is_name_token(&tokens[end])
                && !in_organization_heads(&tokens[end].norm)
                && !in_place_heads(&tokens[end].norm)
                && !is_field_of_work(&tokens[end].norm)))
    {
        end += 1;
    }
    let law_word = |t: &Token| is_law_word(&t.norm);
    if law_word(&tokens[end - 1])
        || tokens
            .get(end)
            .is_some_and(|t| t.gap.joins_name() && law_word(t))
    {
        // "the One Big Beautiful Bill Act": a law's name, whatever "Bill" may be.
        return None;
    }
    // "Erik Prince said", "Gayle King, the host": a title word that is also a surname, after a
    // given name and before no other name.
    let title_surname = end == i + 1
        && matches!(
            &*tokens[end].norm,
            "king"
                | "prince"
                | "bishop"
                | "major"
                | "judge"
                | "marshal"
                | "knight"
                | "earl"
                | "duke"
                | "baron"
                | "sheriff"
                | "chancellor"
                | "abbott"
                | "pope"
                | "dean"
        )
        && !tokens
            .get(end + 1)
            .is_some_and(|t| (t.gap.joins_name() && t.is_capitalized()) || t.norm == "of");
    if title_surname {
        end += 1;
    }
    let mut end = with_given_name_syllable(tokens, without_trailing_initials(tokens, i, end));
    if title_follows(tokens, end) {
        // "Israel Prime Minister", "Jordan Foreign Minister": a country before its office.
        end -= 1;
    }
    let after_the = i > 0 && tokens[i - 1].norm == "the" && first.gap.joins_name();
    let runs_on = tokens
        .get(end)
        .is_some_and(|t| t.gap.joins_name() && t.is_capitalized());
    if words_in(&tokens[i..end]) > 2 && (after_the || runs_on) {
        if !nested_person || !after_the {
            return None;
        }
        end = i + 1;
        while end < tokens.len()
            && (words_in(&tokens[i..end]) < 2 || tokens[end].gap == Gap::Hyphen)
        {
            end += 1;
        }
    }
    (words_in(&tokens[i..end]) >= 2).then_some(PatternName {
        start: i,
        end,
        kind: EntityType::Person,
    })
}

/// Fields that name festivals, schools and awards after a place or a given name ("the Venice
/// Film Festival", "Sydney Opera House", "Grace Music Academy"): no one's surname.
fn is_field_of_work(norm: &str) -> bool {
    matches!(
        norm,
        "film"
            | "films"
            | "cinema"
            | "music"
            | "jazz"
            | "opera"
            | "ballet"
            | "dance"
            | "theatre"
            | "theater"
            | "arts"
            | "art"
            | "fashion"
            | "design"
            | "food"
            | "wine"
            | "science"
            | "tech"
            | "media"
            | "sports"
            | "football"
            | "cricket"
            | "rugby"
            | "tennis"
            | "golf"
            | "comedy"
            | "poetry"
            | "book"
            | "books"
            | "literary"
            | "television"
            | "radio"
    )
}

/// A name never ends in an initial: "George H. W" cut off by a bracket or a line is not a
/// name by itself ("George H. W. Bush" is, and keeps its initials inside).
fn without_trailing_initials(tokens: &[Token], start: usize, mut end: usize) -> usize {
    while end > start + 1 && tokens[end - 1].norm.chars().count() == 1 {
        end -= 1;
    }
    end
}

/// Words in a name, hyphenated parts counting as one: "Jean-Yves Le Drian" has three.
fn words_in(tokens: &[Token]) -> usize {
    // A lowercase particle is no word of its own ("Pedro dos Santos Pereira" has three), and
    // the part a hyphen joins to one is ("Amr al-Bidh" has two).
    let particle = is_lowercase_particle;
    tokens
        .iter()
        .enumerate()
        .filter(|&(k, t)| {
            if particle(t) {
                return false;
            }
            t.gap != Gap::Hyphen || k.checked_sub(1).is_some_and(|p| particle(&tokens[p]))
        })
        .count()
}

/// Dotted initials before a surname: "J.D. Vance", "J. K. Rowling". The caller checks that
/// the initials are not a known name themselves ("U.S. Senator").
pub fn person_by_initials(text: &str, tokens: &[Token], i: usize) -> Option<PatternName> {
    let is_initials = |t: &Token| {
        // Most words end in no dot: their text is not sliced out.
        if text.as_bytes().get(t.end.wrapping_sub(1)) != Some(&b'.') {
            return false;
        }
        let written = &text[t.start..t.end];
        written.len() <= 6 && written.chars().all(|c| c == '.' || c.is_uppercase())
    };
    if !is_initials(&tokens[i]) {
        return None;
    }
    let mut end = i + 1;
    while tokens
        .get(end)
        .is_some_and(|t| t.gap == Gap::Space && is_initials(t))
    {
        end += 1;
    }
    let surname = tokens.get(end)?;
    let fits = surname.gap.joins_name()
        && surname.shape == Shape::Capitalized
        && surname.norm.chars().count() > 1
        && is_name_token(surname)
        && !in_organization_heads(&surname.norm)
        && !in_place_heads(&surname.norm);
    fits.then_some(PatternName {
        start: i,
        end: end + 1,
        kind: EntityType::Person,
    })
}

/// A given name before a middle initial and a surname: "Justin A. Nelson", "Hansa D.
/// Bhargava". The initial says the word before it is a given name: a known one, or any
/// capitalised word after a lowercase one ("reviewed by Hansa D. Bhargava"), but not a
/// heading's word ("Appendix A. Availability", "About L. L. Bean").
pub fn person_with_middle_initial(
    text: &str,
    tokens: &[Token],
    i: usize,
    is_given_name: impl Fn(&str) -> bool,
) -> Option<PatternName> {
    // The initial first: most words have none after them, and the given-name list is an
    // automaton's walk.
    let given = &tokens[i];
    if given.shape != Shape::Capitalized
        || !middle_initial_after(text, tokens, i)
        || !is_name_token(given)
        || in_organization_heads(&given.norm)
        || in_place_heads(&given.norm)
        || is_place_prefix(&given.norm)
    {
        return None;
    }
    let in_running_text = i > 0 && given.gap == Gap::Space && tokens[i - 1].shape == Shape::Lower;
    if !in_running_text && !is_given_name(&given.norm) {
        return None;
    }
    let rest = person_by_initials(text, tokens, i + 1)?;
    Some(PatternName { start: i, ..rest })
}

/// Whether one dotted capital letter follows token `i` ("Justin A."), as a middle initial
/// does.
pub fn middle_initial_after(text: &str, tokens: &[Token], i: usize) -> bool {
    tokens.get(i + 1).is_some_and(|initial| {
        initial.is_capitalized()
            && initial.gap == Gap::Space
            && initial.norm.chars().count() == 1
            && text.as_bytes().get(initial.end.wrapping_sub(1)) == Some(&b'.')
    })
}

/// An organisation named by the person who founded or runs it: "LibriVox founder Hugh
/// McGuire", "Quantcast CEO Konrad Feldman". Companies, charities and projects have founders
/// and chief executives; places and people do not. The name is one to three capitalised
/// words that do not open a sentence ("Company founder Jane Doe" is no name) and are not the
/// tail of a longer capitalised run; the caller leaves names the knowledge base knows to it
/// ("Amazon founder Jeff Bezos" is the company it knows, not a new organisation).
pub fn organization_before_founder(tokens: &[Token], i: usize) -> Option<PatternName> {
    let starts = tokens[i].gap.joins_name()
        && i > 0
        && !tokens[i - 1].is_capitalized()
        && !matches!(tokens[i - 1].norm.as_ref(), "the" | "a" | "an");
    // The cue comes within the three words after the name's first: most capitalised words
    // have none there, and skip the reading of the name.
    let cue_near = || {
        tokens
            .iter()
            .skip(i + 1)
            .take(3)
            .any(|t| matches!(t.norm.as_ref(), "founder" | "cofounder" | "co" | "ceo"))
    };
    if !starts || !cue_near() {
        return None;
    }
    let mut end = i;
    while end < tokens.len() && end - i < 3 && is_name_token(&tokens[end]) {
        if end > i && tokens[end].gap != Gap::Space {
            break;
        }
        if in_organization_heads(&tokens[end].norm) || in_place_heads(&tokens[end].norm) {
            return None;
        }
        end += 1;
    }
    let cue = tokens.get(end)?;
    if end == i || cue.gap != Gap::Space {
        return None;
    }
    let person = match cue.norm.as_ref() {
        "founder" | "cofounder" => end + 1,
        "co" if tokens
            .get(end + 1)
            .is_some_and(|t| t.gap == Gap::Hyphen && t.norm == "founder") =>
        {
            end + 2
        }
        "ceo" if cue.shape == Shape::Upper => end + 1,
        _ => return None,
    };
    // The founder is named right after: "Eich CEO promotion controversy" is no company.
    let named = tokens
        .get(person)
        .is_some_and(|t| t.gap == Gap::Space && is_name_token(t));
    named.then_some(PatternName {
        start: i,
        end,
        kind: EntityType::Organization,
    })
}

/// Words that end the name of a street, a bridge or a natural feature, and name a place
/// with one or two capitalised words before them: "Castlefrank Road", "Jamarat Bridge",
/// "Ross Sea". A subset of the place heads: "State", "City", "Tech" and "Park" also end the
/// names of universities, clubs and films.
fn in_feature_heads(word: &str) -> bool {
    matches!(
        word,
        "street"
            | "avenue"
            | "road"
            | "square"
            | "bridge"
            | "river"
            | "lake"
            | "bay"
            | "sea"
            | "gulf"
            | "strait"
            | "island"
            | "islands"
            | "mountain"
            | "mountains"
            | "valley"
            | "canyon"
            | "desert"
            | "county"
            | "province"
    )
}

/// A place the knowledge base lacks, named by its head word: one or two capitalised words
/// and a street or feature word ("on Castlefrank Road", "at Jamarat Bridge", "in the Ross
/// Sea"). The word before must be in lower case, so that a headline in title case ("Crowds
/// Block Main Road") or a longer name ("Golden Gate Bridge District") is not read as one.
pub fn place_at(tokens: &[Token], i: usize) -> Option<PatternName> {
    // "Fulton County District Attorney Fani Willis": a county's name is one wherever it
    // stands, and titles and offices often follow it.
    let county = (i + 1..=i + 2)
        .take_while(|&k| k < tokens.len())
        .find(|&k| tokens[k].shape == Shape::Capitalized && in_feature_heads(&tokens[k].norm))
        .is_some_and(|k| tokens[k].norm == "county");
    let before_fits = match i.checked_sub(1).map(|k| &tokens[k]) {
        Some(before) => {
            before.shape == Shape::Lower
                || (county && !before.is_capitalized() && !before.is_possessive())
        }
        None => county,
    };
    if !before_fits || !(tokens[i].gap.joins_name() || county) {
        return None;
    }
    let word = |t: &Token| {
        t.shape == Shape::Capitalized
            && t.gap.joins_name()
            && !is_not_name(&t.norm)
            && !is_person_title(&t.norm)
            && !in_organization_heads(&t.norm)
            && !in_feature_heads(&t.norm)
    };
    let head = (i + 1..=i + 2)
        .take_while(|&k| k < tokens.len())
        .find(|&k| in_feature_heads(&tokens[k].norm))?;
    let first_word = |t: &Token| county && t.shape == Shape::Capitalized && !is_not_name(&t.norm);
    if !tokens[i..head]
        .iter()
        .enumerate()
        .all(|(k, t)| word(t) || (k == 0 && first_word(t)))
    {
        return None;
    }
    let head_token = &tokens[head];
    let runs_on = !county
        && tokens
            .get(head + 1)
            .is_some_and(|t| t.gap.joins_name() && (t.is_capitalized() || t.norm == "of"));
    (head_token.shape == Shape::Capitalized && head_token.gap == Gap::Space && !runs_on).then_some(
        PatternName {
            start: i,
            end: head + 1,
            kind: EntityType::Place,
        },
    )
}

/// "Joint Base Andrews", "Naval Air Station Pensacola", "Marine Corps Base Quantico": a
/// military base named by its kind first, then its own name (one or two words, or two
/// joined by a hyphen: "Joint Base Lewis-McChord"). Returns where the name ends.
fn base_named_after_kind(tokens: &[Token], head_end: usize) -> Option<usize> {
    let kind_word =
        |norm: &str| one_of!(norm, "joint" | "naval" | "air" | "corps" | "force" | "army");
    if head_end < 2
        || !one_of!(&*tokens[head_end - 1].norm, "base" | "station")
        || !kind_word(&tokens[head_end - 2].norm)
    {
        return None;
    }
    let word = |t: &Token| {
        t.shape == Shape::Capitalized
            && !is_not_name(&t.norm)
            && !is_person_title(&t.norm)
            && !in_organization_heads(&t.norm)
    };
    let mut end = head_end;
    while end < tokens.len()
        && end - head_end < 2
        && matches!(tokens[end].gap, Gap::Space | Gap::Hyphen)
        && (end > head_end || tokens[end].gap == Gap::Space)
        && word(&tokens[end])
    {
        end += 1;
    }
    (end > head_end).then_some(end)
}

/// "at Fort Stewart", "on Mount Bierstadt", "in Lake Winnipesaukee", "at Camp Pendleton":
/// a word that begins places' names, then one or two capitalised words, in running text, is a
/// place the knowledge base lacks.
pub fn place_after_prefix(tokens: &[Token], i: usize) -> Option<PatternName> {
    let prefix = &tokens[i];
    let starts_place = is_place_prefix(&prefix.norm) && !one_of!(&*prefix.norm, "saint" | "st");
    if !(starts_place || prefix.norm == "camp")
        || prefix.shape != Shape::Capitalized
        || prefix.gap != Gap::Space
        || tokens.get(i.checked_sub(1)?)?.shape != Shape::Lower
    {
        return None;
    }
    let word = |t: &Token| {
        t.shape == Shape::Capitalized
            && t.gap == Gap::Space
            && !is_not_name(&t.norm)
            && !is_person_title(&t.norm)
            && !in_organization_heads(&t.norm)
            && !in_feature_heads(&t.norm)
    };
    let mut end = i + 1;
    while end < tokens.len() && end - i <= 2 && word(&tokens[end]) {
        end += 1;
    }
    let runs_on = tokens
        .get(end)
        .is_some_and(|t| (t.gap.joins_name() && t.is_capitalized()) || t.gap == Gap::Hyphen);
    (end > i + 1 && !runs_on).then_some(PatternName {
        start: i,
        end,
        kind: EntityType::Place,
    })
}

/// What an agency called a centre does ("Warning Center", "Research Centre"), which no
/// building is named for.
fn is_agency_work(norm: &str) -> bool {
    matches!(
        norm,
        "warning"
            | "hurricane"
            | "research"
            | "operations"
            | "control"
            | "prediction"
            | "coordination"
            | "emergency"
            | "information"
            | "intelligence"
            | "command"
            | "studies"
            | "policy"
            | "analysis"
            | "monitoring"
            | "management"
            | "communication"
            | "communications"
            | "security"
            | "response"
            | "crisis"
            | "forecasting"
    )
}

/// Most tokens an organisation's name found by its head word spans.
const MAX_ORGANIZATION_WORDS: usize = 8;

/// An organisation: a capitalised run that ends in an organisation word ("Atomic Energy
/// Organization of Iran" ends at "Iran" because "of Iran" follows an organisation word).
pub fn organization_at(tokens: &[Token], i: usize) -> Option<PatternName> {
    // A name of two words or more: the loop below stops at a word that does not join.
    if !tokens.get(i + 1).is_some_and(|t| t.gap.joins_name()) {
        return None;
    }
    if !is_name_token(&tokens[i])
        && !in_organization_heads(&tokens[i].norm)
        && !members_possessive(tokens, i)
    {
        return None;
    }
    if !tokens[i].is_capitalized() {
        return None;
    }
    let mut end = i;
    let mut head_end = None;
    let mut first_head = None;
    let mut first_of = None;
    // "Institute of Technology and Colorado State University" are two names: an "and" after
    // a head word, then another head, splits them.
    let mut and_after_head = None;
    while end < tokens.len() && end - i < MAX_ORGANIZATION_WORDS {
        let t = &tokens[end];
        if end > i && (!t.gap.joins_name() || is_person_title(&t.norm)) {
            // "Museum of Flight CEO Doug King": a title starts the next name.
            break;
        }
        if t.is_capitalized() && (end == i || !is_not_name(&t.norm)) {
            if in_organization_heads(&t.norm) || heads_before_of(tokens, end) {
                if let Some(cut) = and_after_head {
                    end = cut;
                    break;
                }
                head_end = Some(end + 1);
                first_head.get_or_insert(end);
            }
            end += 1;
        } else if t.norm == "of" && tokens.get(end + 1).is_some_and(|n| n.is_capitalized()) {
            first_of.get_or_insert(end);
            end += 1;
        } else if end > i && t.is_possessive() && members_possessive(tokens, end - 1) {
            // "Cameroon People's Democratic Movement".
            end += 1;
        } else if matches!(t.norm.as_ref(), "for" | "on")
            && head_end == Some(end)
            && tokens.get(end + 1).is_some_and(|n| n.norm == "the")
            && tokens.get(end + 2).is_some_and(|n| n.is_capitalized())
        {
            // "Joint Council for the Welfare of Immigrants".
            end += 2;
        } else if in_name_links(&t.norm) && tokens.get(end + 1).is_some_and(|n| n.is_capitalized())
        {
            if t.norm == "and" && head_end.is_some() {
                and_after_head.get_or_insert(end);
            }
            end += 1;
        } else {
            break;
        }
    }
    // A link word needs a name after it: "Court of Cassation on July" ends at "Cassation".
    while end > i && !tokens[end - 1].is_capitalized() {
        end -= 1;
    }
    let head_end = head_end?;
    // "Jann Wenner of Rolling Stone Magazine": a name before "of" without an organisation
    // word of its own is a person or place the organisation is attached to, not part of it.
    if first_of.is_some_and(|of| first_head.is_some_and(|head| of < head)) {
        return None;
    }
    // "of X" after the head word belongs to the name: "Ministry of Defence"; so do "for" and
    // "on" before two or more capitalised words: "Centre for Social Evolution", "Council on
    // Foreign Relations" (not "the Security Council on Syria", "the Court on May 5").
    // A tail the length limit or a hyphen cut short is left out ("United Nations Office on
    // Drugs and Crime World Drug Report", "Organisation for Economic Co-operation").
    let cut_short = tokens.get(end).is_some_and(|t| {
        t.gap == Gap::Hyphen
            || (end - i >= MAX_ORGANIZATION_WORDS && t.gap.joins_name() && t.is_capitalized())
    });
    let end = if end > head_end && !cut_short && names_a_purpose(tokens, head_end, end) {
        end
    } else {
        base_named_after_kind(tokens, head_end).unwrap_or(head_end)
    };
    // Capitalised words running on past the head word make a heading in title case, not
    // this organisation ("Sean Spicer Holds First Formal Press Briefing"), unless they
    // name something of the organisation's ("Telegraph Media Group Limited", "Malaysia
    // Airlines Flight 370", "Chatham Islands Council Act").
    let runs_on = tokens.get(end).is_some_and(|t| {
        t.gap.joins_name()
            && t.shape == Shape::Capitalized
            && !is_person_title(&t.norm)
            && !is_organization_suffix(&t.norm)
    });
    // After a lowercase word the run is running text, where a longer name goes on ("at
    // Washington State University Vancouver"); a heading starts its run.
    let in_running_text =
        i > 0 && tokens[i].gap == Gap::Space && tokens[i - 1].shape == Shape::Lower;
    if runs_on && !cut_short && !in_running_text {
        return None;
    }
    // "the Digital Services Act": words of a law's name, unless an institution's the law is
    // named after ("Chatham Islands Council Act").
    let names_a_law = tokens
        .get(end)
        .is_some_and(|t| t.gap == Gap::Space && t.is_capitalized() && is_law_word(&t.norm));
    let institution = matches!(
        &*tokens[head_end - 1].norm,
        "council" | "parliament" | "assembly" | "commission" | "authority" | "court" | "bank"
    );
    if names_a_law && !institution {
        return None;
    }
    // A name whose head is a building word is a site ("Metro Toronto Convention Centre",
    // "Museum of Flight"); "Centre for ..." stays an organisation.
    let for_something = tokens
        .get(head_end)
        .is_some_and(|next| next.norm == "for" || (next.norm == "on" && end > head_end));
    // "National Hurricane Center", "Pacific Tsunami Warning Center" are agencies.
    let agency_centre = matches!(&*tokens[head_end - 1].norm, "center" | "centre")
        && head_end >= 2
        && is_agency_work(&tokens[head_end - 2].norm);
    let names_a_site =
        in_site_heads(&tokens[head_end - 1].norm) && !for_something && !agency_centre;
    let kind = if names_a_site {
        EntityType::Place
    } else {
        EntityType::Organization
    };
    // A lone head word ("Ministry") is not a name.
    (end - i >= 2).then_some(PatternName {
        start: i,
        end,
        kind,
    })
}

/// Whether token `k` names the members a body is for, whose possessive stays inside its name
/// ("People's Democratic Party", "Workers' Party"): not a place's or a body's own possessive
/// ("Iran's Revolutionary Guard").
fn members_possessive(tokens: &[Token], k: usize) -> bool {
    tokens[k].shape == Shape::Capitalized && names_members(&tokens[k].norm)
}

/// A word after an organisation's name that names its legal form or something of its own.
fn is_organization_suffix(norm: &str) -> bool {
    matches!(
        norm,
        "limited"
            | "ltd"
            | "inc"
            | "plc"
            | "llc"
            | "act"
            | "conference"
            | "summit"
            | "flight"
            | "report"
            | "survey"
            | "award"
            | "awards"
            | "prize"
    )
}

/// The points of the compass and their adjectives ("West Texas", "Northern Virginia").
pub fn is_compass_word(norm: &str) -> bool {
    matches!(
        norm,
        "north" | "south" | "east" | "west" | "northern" | "southern" | "eastern" | "western"
    )
}

/// A name particle written in lowercase, as inside a name ("de", "al", "dos").
fn is_lowercase_particle(token: &Token) -> bool {
    token.shape == Shape::Lower && in_name_particles(&token.norm)
}

/// Whether a surname joins the particle before it with this gap. The Arabic article written
/// as the sun letter after it ("as-Sisi", "ad-Din") takes a hyphen; spaced, "at" and "as" are
/// English words ("Vladimir Putin at Beijing's event").
fn joins_after_particle(particle: &Token, gap: Gap) -> bool {
    match gap {
        Gap::Hyphen => true,
        Gap::Space => !one_of!(&*particle.norm, "at" | "as" | "ash" | "ad"),
        _ => false,
    }
}

/// Words that end the name of a law, treaty or rulebook ("Digital Markets Act", "Paris
/// Agreement", "General Data Protection Regulation"): no actor or site.
/// Words that end a site's name, after a person's it is named for: "Kim Il Sung Square",
/// "Samuel Goldwyn Theater", "John F. Kennedy Airport".
pub fn is_site_word(norm: &str) -> bool {
    matches!(
        norm,
        "square"
            | "hall"
            | "memorial"
            | "mausoleum"
            | "airport"
            | "stadium"
            | "arena"
            | "bridge"
            | "street"
            | "avenue"
            | "boulevard"
            | "park"
            | "university"
            | "college"
            | "school"
            | "library"
            | "museum"
            | "hospital"
            | "tower"
            | "highway"
            | "theater"
            | "theatre"
            | "pavilion"
            | "auditorium"
    )
}

/// The site words that are no one's surname, so that a name found by its given name that
/// ends in one is a building's ("Samuel Goldwyn Theater"); "Hall", "Park" and "Bridges"
/// are people's too.
pub fn is_building_word(norm: &str) -> bool {
    is_site_word(norm)
        && !matches!(
            norm,
            "hall" | "park" | "bridge" | "street" | "tower" | "memorial" | "school" | "college"
        )
}

/// Verbs done to a person by police and courts, after which a two-word name is a person's:
/// "Police detained Samvel Karapetyan", "a court sentenced Mzia Amaghlobeli".
fn is_legal_action(norm: &str) -> bool {
    matches!(
        norm,
        "arrested"
            | "detained"
            | "jailed"
            | "sentenced"
            | "convicted"
            | "indicted"
            | "acquitted"
            | "extradited"
            | "deported"
            | "pardoned"
    )
}

/// Words that end the name of a prize or a contest ("the Stanley Cup", "the Pulitzer
/// Prize", "the PGA Championship"): the name before them is the prize's, not an actor.
pub fn is_contest_word(norm: &str) -> bool {
    matches!(
        norm,
        "cup"
            | "trophy"
            | "prize"
            | "prizes"
            | "award"
            | "awards"
            | "medal"
            | "championship"
            | "championships"
            | "invitational"
    )
}

pub fn is_law_word(norm: &str) -> bool {
    matches!(
        norm,
        "act"
            | "regulation"
            | "regulations"
            | "directive"
            | "treaty"
            | "accord"
            | "accords"
            | "agreement"
            | "protocol"
            | "amendment"
            | "statute"
            | "ordinance"
    )
}

/// An organisation the knowledge base lacks, named before the lowercase noun for its kind:
/// "the ruling Frelimo party", "the Barrio 18 gang", "New Ideas party member", "the MANIDEM
/// party". One to three capitalised words (a number may end them) in running text; a feast
/// before "party" is a party of another kind ("a Christmas party").
pub fn organization_before_kind(tokens: &[Token], i: usize) -> Option<PatternName> {
    let is_kind = |t: &Token| {
        t.gap == Gap::Space
            && t.shape == Shape::Lower
            && one_of!(
                &*t.norm,
                "party" | "gang" | "cartel" | "militia" | "coalition" | "faction"
            )
    };
    let word = |t: &Token| {
        t.is_capitalized()
            && !is_not_name(&t.norm)
            && !is_person_title(&t.norm)
            && !one_of!(
                &*t.norm,
                "christmas" | "halloween" | "easter" | "thanksgiving" | "birthday" | "bowl"
            )
    };
    let before = tokens.get(i.checked_sub(1)?)?;
    if before.shape != Shape::Lower || tokens[i].gap != Gap::Space || !word(&tokens[i]) {
        return None;
    }
    // "Motorists for Themselves", "Democracy at Home": small words join the name's words.
    let mut end = i + 1;
    while end < tokens.len() && words_in(&tokens[i..end]) < 3 && tokens[end].gap.joins_name() {
        if word(&tokens[end]) {
            end += 1;
        } else if one_of!(&*tokens[end].norm, "for" | "at" | "of" | "and")
            && tokens
                .get(end + 1)
                .is_some_and(|t| t.gap == Gap::Space && word(t))
        {
            end += 2;
        } else {
            break;
        }
    }
    // "Barrio 18": a number ends a gang's name.
    if tokens.get(end).is_some_and(|t| {
        t.gap == Gap::Space && t.shape == Shape::Other && t.norm.chars().all(|c| c.is_ascii_digit())
    }) {
        end += 1;
    }
    // "the moderate Islamist Ennahda party": the name starts after the stance.
    let stance_first = end - i >= 2
        && one_of!(
            &*tokens[i].norm,
            "islamist" | "jihadist" | "nationalist" | "separatist" | "populist" | "leftist"
        );
    (!stance_first && is_kind(tokens.get(end)?)).then_some(PatternName {
        start: i,
        end,
        kind: EntityType::Organization,
    })
}

/// A news outlet the knowledge base lacks, named after what it is: "the Dutch newspaper De
/// Telegraaf", "the newspaper El Tiempo", "broadcaster Suspilne", "Egyptian daily Al-Masry
/// Al-Youm". One to four capitalised words.
pub fn media_after_descriptor(tokens: &[Token], i: usize) -> Option<PatternName> {
    let cue = lowercase_word_before(tokens, i).is_some_and(|word| {
        one_of!(
            word,
            "newspaper"
                | "broadcaster"
                | "tabloid"
                | "magazine"
                | "outlet"
                | "website"
                | "daily"
                | "weekly"
                | "agency"
                | "channel"
        )
    });
    // "the website I use", "the magazine Monday": no name.
    if !cue
        || !tokens[i].is_capitalized()
        || tokens[i].norm.chars().count() < 2
        || is_not_name(&tokens[i].norm)
        || is_weekday(&tokens[i].norm)
    {
        return None;
    }
    // "Egyptian daily Al-Masry Al-Youm": hyphened parts belong to the name.
    let mut end = i + 1;
    while end < tokens.len()
        && words_in(&tokens[i..end]) < 4
        && tokens[end].gap.joins_name()
        && tokens[end].is_capitalized()
        && !is_person_title(&tokens[end].norm)
        && !is_not_name(&tokens[end].norm)
    {
        end += 1;
    }
    Some(PatternName {
        start: i,
        end,
        kind: EntityType::Organization,
    })
}

/// A place the knowledge base lacks, named as one: "the Polish city of Czosnowka", "the
/// island of Gotland", "flood control in Bulacan province" (the kind word in lower case, so
/// that a title's "City of God" is left alone). One to three capitalised words. The caller
/// leaves names the knowledge base knows to it.
pub fn place_named_as_one(tokens: &[Token], i: usize) -> Option<PatternName> {
    let kind = |norm: &str| {
        one_of!(
            norm,
            "province" | "region" | "prefecture" | "governorate" | "oblast"
        )
    };
    let settlement =
        |norm: &str| one_of!(norm, "city" | "town" | "village" | "island") || kind(norm);
    // "Kumamoto prefecture", "Fukui Prefecture", "Hoshiarpur district" (a capitalised
    // "District" is as often a court's or a body's: "the Southern District").
    let region = |t: &Token| {
        (t.shape != Shape::Upper && kind(&t.norm))
            || (t.shape == Shape::Lower && t.norm == "district")
    };
    let word = |t: &Token| {
        t.shape == Shape::Capitalized
            && !is_not_name(&t.norm)
            && !is_person_title(&t.norm)
            && !in_organization_heads(&t.norm)
    };
    // "the towns of Khuza'a and Al-Qarara": the plural kind names each place of the list.
    let settlements = |norm: &str| {
        one_of!(
            norm,
            "cities" | "towns" | "villages" | "islands" | "provinces" | "regions"
        )
    };
    let of_kind_at = |k: usize| {
        k >= 2
            && tokens[k].gap == Gap::Space
            && tokens[k - 1].norm == "of"
            && tokens[k - 2].shape == Shape::Lower
            && (settlement(&tokens[k - 2].norm) || settlements(&tokens[k - 2].norm))
    };
    let listed_after_kind = || {
        i >= 2
            && matches!(&*tokens[i - 1].norm, "and" | "or")
            && tokens[i - 1].shape == Shape::Lower
            && (i.saturating_sub(4)..i - 1).any(|k| {
                of_kind_at(k) && settlements(&tokens[k - 2].norm) && tokens[k].is_capitalized()
            })
    };
    let of_before = of_kind_at(i) || listed_after_kind();
    // "the provinces of North and South Kivu": a compass word shared by two names.
    if is_compass_word(&tokens[i].norm) && tokens.get(i + 1).is_some_and(|t| t.norm == "and") {
        return None;
    }
    // Most capitalised words have no kind word before or after them: no name is read then.
    let region_near = tokens[i + 1..tokens.len().min(i + 5)].iter().any(region);
    if !(of_before || region_near) || !word(&tokens[i]) {
        return None;
    }
    let mut end = i + 1;
    while end < tokens.len()
        && end - i < 3
        && matches!(tokens[end].gap, Gap::Space | Gap::Hyphen)
        && word(&tokens[end])
        && !region(&tokens[end])
    {
        end += 1;
    }
    let kind_after = tokens
        .get(end)
        .is_some_and(|t| t.gap == Gap::Space && region(t))
        && i > 0
        && tokens[i].gap == Gap::Space
        && tokens[i - 1].shape == Shape::Lower;
    if of_before {
        return Some(PatternName {
            start: i,
            end,
            kind: EntityType::Place,
        });
    }
    kind_after.then_some(PatternName {
        start: i,
        end: end + 1,
        kind: EntityType::Place,
    })
}

/// The last word of a commodity's benchmark grade: "West Texas Intermediate", "Brent
/// Blend".
pub fn is_benchmark_word(norm: &str) -> bool {
    matches!(norm, "intermediate" | "blend" | "crude")
}

/// The last word of a defined name that makes it an idea, a measure or a ruling rather than
/// an actor: "Joint Comprehensive Plan of Action (JCPOA)", "Advisory Opinion (AO)",
/// "Central European Summer Time (CEST)", "Exclusive Economic Zone (EEZ)".
pub fn is_concept_word(norm: &str) -> bool {
    matches!(
        norm,
        "opinion"
            | "time"
            | "plan"
            | "action"
            | "treatment"
            | "goal"
            | "goals"
            | "mechanism"
            | "framework"
            | "index"
            | "zone"
            | "product"
            | "contributions"
            | "strategy"
            | "doctrine"
            | "scheme"
    )
}

/// "International Brotherhood of Magicians", "Brotherhood of Locomotive Engineers": a word
/// that heads an organisation's name only before "of" and what it is of. Alone at the end
/// it is left to the knowledge base ("Egypt's Islamist Muslim Brotherhood" is no name of
/// three words).
fn heads_before_of(tokens: &[Token], at: usize) -> bool {
    matches!(tokens[at].norm.as_ref(), "brotherhood" | "sisterhood")
        && tokens.get(at + 1).is_some_and(|t| t.norm == "of")
}

/// Whether the link word at `at` and the capitalised words up to `end` belong to the
/// organisation whose head word ends at `at`: "of" always, "for" and "on" before two or more
/// words that are not a date ("Bank for International Settlements"), or before one word for
/// a cause ("National League for Democracy", not "the Security Council on Syria").
fn names_a_purpose(tokens: &[Token], at: usize, end: usize) -> bool {
    let words = || {
        tokens[at + 1..end]
            .iter()
            .filter(|t| t.is_capitalized() && t.gap != Gap::Hyphen)
    };
    match tokens[at].norm.as_ref() {
        "of" => true,
        "for" | "on" => match words().count() {
            1 => words().all(|t| is_cause(&t.norm)),
            n => n >= 2 && words().all(|t| !is_weekday(&t.norm) && !is_month(&t.norm)),
        },
        _ => false,
    }
}

/// Causes that movements, leagues and centres are for: "Movement for Justice", "Party for
/// Freedom", "Center for Democracy".
fn is_cause(norm: &str) -> bool {
    matches!(
        norm,
        "democracy"
            | "freedom"
            | "liberty"
            | "justice"
            | "peace"
            | "progress"
            | "change"
            | "development"
            | "reform"
            | "reconstruction"
            | "liberation"
            | "unity"
            | "independence"
            | "equality"
            | "solidarity"
            | "renewal"
            | "socialism"
            | "democrats"
            | "truth"
    )
}

/// Month names, "May" included (a modal verb only when lower case).
fn is_month(norm: &str) -> bool {
    matches!(
        norm,
        "january"
            | "february"
            | "march"
            | "april"
            | "may"
            | "june"
            | "july"
            | "august"
            | "september"
            | "october"
            | "november"
            | "december"
    )
}

/// A Chinese or Korean name the knowledge base lacks, known by the shape of its given name:
/// a short capitalised surname, then a given name of two syllables joined by a hyphen with
/// the second in lower case ("Leung Yiu-chung", "Yau Wai-ching", "Tsai Ing-wen", "Moon
/// Jae-in"). English compounds take that shape only with suffixes (`with_given_name_syllable`
/// leaves out "-based", "-led", "-era"), and the two capitalised words must stand alone.
#[inline]
pub fn person_by_syllable_name(tokens: &[Token], i: usize) -> Option<PatternName> {
    // The hyphen two tokens on is rare: tested first, it keeps the rule off most words.
    if !tokens.get(i + 2).is_some_and(|t| t.gap == Gap::Hyphen) {
        return None;
    }
    let short = |t: &Token| (2..=6).contains(&t.norm.len()) && t.norm.is_ascii();
    let (first, second) = (&tokens[i], &tokens[i + 1]);
    let shaped = first.shape == Shape::Capitalized
        && second.shape == Shape::Capitalized
        && second.gap == Gap::Space
        && short(first)
        && short(second);
    if !shaped || !is_plain_name_word(first) || !is_plain_name_word(second) {
        return None;
    }
    let joined_before = first.gap.joins_name() && i > 0 && tokens[i - 1].is_capitalized();
    let end = with_given_name_syllable(tokens, i + 2);
    let runs_on = tokens
        .get(end)
        .is_some_and(|t| t.gap.joins_name() && (t.is_capitalized() || t.gap == Gap::Hyphen));
    (end == i + 3 && !joined_before && !runs_on).then_some(PatternName {
        start: i,
        end,
        kind: EntityType::Person,
    })
}

/// Extends a person's name over the hyphenated second syllable of a Chinese or Korean given
/// name written in lower case ("Lau Siu-lai", "Yau Wai-ching", "Moon Jae-in"), which the
/// capitalised-word patterns stop before. Suffixes such as "-era" or "-led" are not names.
fn with_given_name_syllable(tokens: &[Token], end: usize) -> usize {
    let (Some(before), Some(after)) = (end.checked_sub(1).map(|e| &tokens[e]), tokens.get(end))
    else {
        return end;
    };
    let syllable = |t: &Token| t.norm.len() <= 6 && t.norm.chars().all(|c| c.is_alphabetic());
    let extends = after.gap == Gap::Hyphen
        && after.shape == Shape::Lower
        && before.shape == Shape::Capitalized
        && syllable(before)
        && syllable(after)
        && !matches!(
            after.norm.as_ref(),
            "era"
                | "led"
                | "based"
                | "backed"
                | "style"
                | "born"
                | "like"
                | "owned"
                | "made"
                | "run"
                | "held"
                | "type"
                | "year"
                | "old"
                | "wide"
                | "free"
                | "linked"
                | "elect"
                | "law"
                | "up"
                | "out"
                | "off"
                | "on"
                | "over"
                | "well"
                | "new"
                | "bound"
                | "end"
                | "term"
                | "time"
                | "long"
                | "level"
                | "class"
                | "size"
                | "sized"
                | "scale"
                | "only"
                | "proof"
                | "shaped"
                | "known"
                | "down"
                | "back"
                | "less"
        );
    if extends {
        end + 1
    } else {
        end
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::tokenize;

    #[test]
    fn a_word_filter_keeps_its_words_and_turns_most_others_away() {
        let words = ["al", "democrats", "x", "internationalisation", "é"];
        let filter = WordFilter::new(&words);
        assert!(words.iter().all(|w| filter.may_contain(w)));
        assert!(!filter.may_contain("bl"));
        assert!(!filter.may_contain("al-"));
        // Same length and first letter as "al", another last letter.
        assert!(!filter.may_contain("an"));
        assert!(!filter.may_contain(""));
        assert!(one_of!("democrats", "republicans" | "democrats"));
        assert!(!one_of!("democrat", "republicans" | "democrats"));
    }

    fn surface(text: &str, name: Option<PatternName>) -> Option<String> {
        let tokens = tokenize(text);
        name.map(|n| text[tokens[n.start].start..tokens[n.end - 1].end].to_string())
    }

    #[test]
    fn reported_speech_or_a_goal_names_a_person() {
        let read = |text: &str, at: usize| {
            surface(
                text,
                person_by_speech_or_apposition(text, &tokenize(text), at),
            )
        };
        assert_eq!(
            read("Ferjani Sassi said no", 0).as_deref(),
            Some("Ferjani Sassi")
        );
        assert_eq!(
            read("Ferjani Sassi scored twice", 0).as_deref(),
            Some("Ferjani Sassi")
        );
        assert_eq!(
            read("City won, with Erling Haaland scoring twice", 3).as_deref(),
            Some("Erling Haaland")
        );
        assert_eq!(
            read("In a post, Ammar Askar wrote that", 3).as_deref(),
            Some("Ammar Askar")
        );
        assert_eq!(
            read("according to Alia Salem", 2).as_deref(),
            Some("Alia Salem")
        );
        assert_eq!(
            read("no, said Alia Salem.", 2).as_deref(),
            Some("Alia Salem")
        );
        // No cue, one word, a company speaking of itself, a business word, a longer name.
        assert_eq!(
            read("Ajmi Lourimi, a member of the party", 0).as_deref(),
            Some("Ajmi Lourimi")
        );
        assert_eq!(
            read("Lewis Carrol, author of Alice", 0).as_deref(),
            Some("Lewis Carrol")
        );
        assert_eq!(
            read("Ozzy Osbourne, the Black Sabbath singer, died", 0).as_deref(),
            Some("Ozzy Osbourne")
        );
        assert_eq!(
            read("Ozzy Osbourne, 76, died", 0).as_deref(),
            Some("Ozzy Osbourne")
        );
        assert_eq!(read("Gate Five, 12, was closed", 0), None);
        // A day before the name is no part of it.
        assert_eq!(read("Yesterday Ferjani Sassi said no", 0), None);
        assert_eq!(
            read("Yesterday Ferjani Sassi said no", 1).as_deref(),
            Some("Ferjani Sassi")
        );
        assert_eq!(read("Arachnid Fabrication, the big analyst firm", 0), None);
        assert_eq!(read("Arachnid Fabrication, an analyst firm", 0), None);
        assert_eq!(read("Ajmi Lourimi, a member", 0), None);
        assert_eq!(read("Ferjani Sassi replaced him", 0), None);
        assert_eq!(read("Biologist Nick Bos said", 0), None);
        assert_eq!(read("Prosecutors said no", 0), None);
        assert_eq!(read("Whole Foods said it would", 0), None);
        assert_eq!(read("Arachnid Labs says yes", 0), None);
        assert_eq!(read("said Alia Salem Foundation", 1), None);
        assert_eq!(read("Minister of Education Alia Salem said", 3), None);
        assert_eq!(read("The Daily Mail Online said", 1), None);
    }

    #[test]
    fn one_word_after_a_quote_and_said_is_the_speaker() {
        let read = |text: &str, at: usize| surface(text, speaker_after_quote(&tokenize(text), at));
        assert_eq!(
            read("\"It was a shock,\" says Werner. Then", 5).as_deref(),
            Some("Werner")
        );
        assert_eq!(
            read("recipients, said Mauer, are", 2).as_deref(),
            Some("Mauer")
        );
        // No quote or comma before the verb, a weekday, a longer name, a title.
        assert_eq!(read("and he said Mauer was", 3), None);
        assert_eq!(read("it is fine, he said Friday.", 5), None);
        assert_eq!(read("fine,\" said Jane Mauer.", 2), None);
        assert_eq!(read("fine,\" said President.", 2), None);
        assert_eq!(read("fine,\" said C. Eugene Steuerle", 2), None);
    }

    #[test]
    fn a_name_in_apposition_to_the_role_opening_the_sentence_is_a_person() {
        let read = |text: &str, at: usize| {
            surface(
                text,
                person_in_apposition_to_role(text, &tokenize(text), at),
            )
        };
        let text = "No. The secretary general of CEI (Italian Episcopal Conference), Nunzio \
                    Galantino, has called it dangerous.";
        assert_eq!(read(text, 9).as_deref(), Some("Nunzio Galantino"));
        // No role word, a comma before, the name not closed by a comma.
        assert_eq!(read("The city of Paris, Anne Hidalgo, said", 4), None);
        assert_eq!(read("The head, of course, Jane Doe, said", 5), None);
        assert_eq!(read("The head of the agency, Jane Doe said", 5), None);
        assert_eq!(
            read("The head of the agency, Jane Doe, said", 5).as_deref(),
            Some("Jane Doe")
        );
    }

    #[test]
    fn a_name_with_a_hyphenated_lowercase_syllable_is_a_person() {
        let read =
            |text: &str, at: usize| surface(text, person_by_syllable_name(&tokenize(text), at));
        assert_eq!(
            read("were Leung Yiu-chung of NWSC", 1).as_deref(),
            Some("Leung Yiu-chung")
        );
        assert_eq!(
            read("said Tsai Ing-wen.", 1).as_deref(),
            Some("Tsai Ing-wen")
        );
        // An English compound, a longer run, a suffix.
        assert_eq!(read("the Super Bowl-bound team", 1), None);
        assert_eq!(read("the Hong Kong-based firm", 1), None);
        assert_eq!(read("the Red Cross Leung Yiu-chung", 2), None);
    }

    #[test]
    fn the_one_who_replaced_or_defeated_a_person_is_a_person() {
        let read = |text: &str, at: usize, person: usize| {
            surface(
                text,
                person_before_relation(&tokenize(text), at, |k| k == person),
            )
        };
        assert_eq!(
            read("as Nacer Chadli replaced Axel Witsel.", 1, 4).as_deref(),
            Some("Nacer Chadli")
        );
        assert_eq!(
            read("with Junius Ho defeating Lee Cheuk-yan by", 1, 4).as_deref(),
            Some("Junius Ho")
        );
        // The object is no person, the subject is one word or runs on.
        assert_eq!(read("as Windows Vista replaced Windows XP.", 1, 99), None);
        assert_eq!(read("as Chadli replaced Axel Witsel.", 1, 3), None);
        assert_eq!(
            read("the Red Devils Fan Club replaced Axel Witsel", 1, 7),
            None
        );
    }

    #[test]
    fn the_agent_of_a_personal_participle_is_a_person() {
        let read = |text: &str, at: usize| surface(text, person_by_agent(&tokenize(text), at));
        assert_eq!(
            read("a novel written by Vinoy Thomas in 2019", 4).as_deref(),
            Some("Vinoy Thomas")
        );
        assert_eq!(
            read("was saved by Thibaut Courtois.", 3).as_deref(),
            Some("Thibaut Courtois")
        );
        // A verb companies and peoples do, one word, a longer run.
        assert_eq!(read("was led by Eastern Polynesians", 3), None);
        assert_eq!(read("was written by Vinoy", 3), None);
        assert_eq!(read("written by Vinoy Thomas Associates Group", 2), None);
    }

    #[test]
    fn a_lone_word_before_scored_mid_sentence_is_a_scorer() {
        let read = |text: &str, at: usize| surface(text, scorer_by_surname(&tokenize(text), at));
        assert_eq!(
            read("Six minutes later, Lukaku scored again", 3).as_deref(),
            Some("Lukaku")
        );
        assert_eq!(read("and then Lukaku scored", 2).as_deref(), Some("Lukaku"));
        // A sentence start, an article, a word that is never a name, no "scored".
        assert_eq!(read("It ended. Students scored higher", 3), None);
        assert_eq!(read("when the Reds scored", 2), None);
        assert_eq!(read("and then He scored", 2), None);
        assert_eq!(read("and then Lukaku shot", 2), None);
    }

    #[test]
    fn title_introduces_a_person() {
        let text = "said Foreign Minister Jane Doe on Monday";
        let tokens = tokenize(text);
        assert_eq!(
            surface(text, person_after_title(&tokens, 3)).as_deref(),
            Some("Jane Doe")
        );
        assert_eq!(person_after_title(&tokens, 1), None);
        let text = "NASA Administrator Bolden said";
        assert_eq!(
            surface(text, person_after_title(&tokenize(text), 2)).as_deref(),
            Some("Bolden")
        );
        // A field in capitals is no name: "the chief AI scientist".
        let text = "the chief AI scientist said";
        assert_eq!(person_after_title(&tokenize(text), 2), None);
        let text = "the chief AJ Smith said";
        assert_eq!(
            surface(text, person_after_title(&tokenize(text), 2)).as_deref(),
            Some("AJ Smith")
        );
        // A caption word after a title is no name: "NASA Administrator File image of".
        let text = "NASA Administrator File image of";
        assert_eq!(person_after_title(&tokenize(text), 2), None);
    }

    #[test]
    fn organisation_word_ends_a_name() {
        let text = "the Ministry of Defence said";
        let tokens = tokenize(text);
        assert_eq!(
            surface(text, organization_at(&tokens, 1)).as_deref(),
            Some("Ministry of Defence")
        );
        let text = "by the Quds Force yesterday";
        let tokens = tokenize(text);
        assert_eq!(
            surface(text, organization_at(&tokens, 2)).as_deref(),
            Some("Quds Force")
        );
    }

    #[test]
    fn a_hyphenated_given_name_is_one_name_but_a_suffix_is_not() {
        let text = "said President Lau Siu-lai and President Moon Jae-in";
        let tokens = tokenize(text);
        assert_eq!(
            surface(text, person_after_title(&tokens, 2)).as_deref(),
            Some("Lau Siu-lai")
        );
        assert_eq!(
            surface(text, person_after_title(&tokens, 7)).as_deref(),
            Some("Moon Jae-in")
        );
        let text = "under President Joe Biden-era rules";
        let tokens = tokenize(text);
        assert_eq!(
            surface(text, person_after_title(&tokens, 2)).as_deref(),
            Some("Joe Biden")
        );
    }

    #[test]
    fn a_centre_is_a_site_unless_it_is_a_centre_for_something() {
        let text = "at the Metro Toronto Convention Centre today";
        let tokens = tokenize(text);
        let site = organization_at(&tokens, 2).expect("a name");
        assert_eq!(site.kind, EntityType::Place);
        let text = "and the Museum of Flight in Seattle";
        let tokens = tokenize(text);
        let museum = organization_at(&tokens, 2).expect("a name");
        assert_eq!(
            surface(text, Some(museum)).as_deref(),
            Some("Museum of Flight")
        );
        assert_eq!(museum.kind, EntityType::Place);
        let text = "the Carter Center for Human Rights said";
        let tokens = tokenize(text);
        let centre = organization_at(&tokens, 1).expect("a name");
        assert_eq!(centre.kind, EntityType::Organization);
        assert_eq!(
            surface(text, Some(centre)).as_deref(),
            Some("Carter Center for Human Rights")
        );
        // A centre named for the work it does is an agency.
        let text = "the Pacific Tsunami Warning Center said";
        let tokens = tokenize(text);
        let agency = organization_at(&tokens, 1).expect("a name");
        assert_eq!(agency.kind, EntityType::Organization);
    }

    #[test]
    fn a_middle_initial_says_the_word_before_is_a_given_name() {
        let text = "partner Justin A. Nelson said";
        let tokens = tokenize(text);
        assert_eq!(
            surface(
                text,
                person_with_middle_initial(text, &tokens, 1, |_| false)
            )
            .as_deref(),
            Some("Justin A. Nelson")
        );
        let text = "World War I. The end";
        assert_eq!(
            person_with_middle_initial(text, &tokenize(text), 1, |_| false),
            None
        );
        let text = "Appendix A. Availability Table";
        assert_eq!(
            person_with_middle_initial(text, &tokenize(text), 0, |_| false),
            None
        );
    }

    #[test]
    fn the_members_possessive_stays_inside_a_name() {
        for (text, i, want) in [
            (
                "the ruling Workers' Party of Korea said",
                2,
                "Workers' Party of Korea",
            ),
            (
                "the Cameroon People's Democratic Movement office",
                1,
                "Cameroon People's Democratic Movement",
            ),
        ] {
            let tokens = tokenize(text);
            assert_eq!(
                surface(text, organization_at(&tokens, i)).as_deref(),
                Some(want)
            );
        }
        // A place's or a body's own possessive is not part of a name.
        let text = "the Iran's Revolutionary Guard Corps";
        assert_eq!(surface(text, organization_at(&tokenize(text), 1)), None);
    }

    #[test]
    fn for_or_on_before_two_capitalised_words_continues_an_organisation() {
        let cases = [
            (
                "the Joint Council for the Welfare of Immigrants said",
                1,
                "Joint Council for the Welfare of Immigrants",
            ),
            (
                "at the Council on Foreign Relations today",
                2,
                "Council on Foreign Relations",
            ),
            // One word is a topic or a place, a date is when; but a cause is part of the name.
            ("the Security Council on Syria said", 1, "Security Council"),
            (
                "by the National League for Democracy on",
                2,
                "National League for Democracy",
            ),
            ("the Supreme Court on May 5 ruled", 1, "Supreme Court"),
            (
                "the Security Council on Monday March 3",
                1,
                "Security Council",
            ),
            // Cut short by the length limit or a hyphen: the tail is left out.
            (
                "the United Nations Office on Drugs and Crime World Drug Report",
                1,
                "United Nations Office",
            ),
        ];
        for (text, i, want) in cases {
            let tokens = tokenize(text);
            let got = surface(text, organization_at(&tokens, i));
            assert_eq!(got.as_deref(), Some(want), "{text}");
        }
        let text = "the Organisation for Economic Co-operation said";
        assert_eq!(organization_at(&tokenize(text), 1), None);
        // A centre on something is an organisation, not a building.
        let text = "the Center on Poverty and Inequality said";
        let centre = organization_at(&tokenize(text), 1).expect("a name");
        assert_eq!(centre.kind, EntityType::Organization);
        let text = "the Bardo National Museum on Wednesday";
        let museum = organization_at(&tokenize(text), 1).expect("a name");
        assert_eq!(museum.kind, EntityType::Place);
    }

    #[test]
    fn a_street_or_feature_word_ends_a_place() {
        let cases = [
            (
                "found on Castlefrank Road in Kanata",
                2,
                Some("Castlefrank Road"),
            ),
            (
                "happened at Jamarat Bridge, during",
                2,
                Some("Jamarat Bridge"),
            ),
            ("under the ice in the Ross Sea?", 5, Some("Ross Sea")),
            // A headline in title case, a longer name, a street that is a name's start.
            ("Crowds Block Main Road", 2, None),
            ("the Golden Gate Bridge District said", 1, None),
            ("at Main Street Capital today", 1, None),
            ("the Bay of Bengal", 1, None),
        ];
        for (text, i, want) in cases {
            let tokens = tokenize(text);
            let got = place_at(&tokens, i);
            assert_eq!(surface(text, got).as_deref(), want, "{text}");
            assert!(got.is_none_or(|p| p.kind == EntityType::Place));
        }
    }

    #[test]
    fn a_hotel_gallery_planetarium_or_factory_is_a_site() {
        for (text, i) in [
            ("when the Al-Ghaza Hotel collapsed", 2),
            ("given to the Adler Planetarium in Chicago", 3),
            ("the touches of the Warhol Factory, or", 4),
        ] {
            let tokens = tokenize(text);
            let site = organization_at(&tokens, i).expect(text);
            assert_eq!(site.kind, EntityType::Place, "{text}");
        }
    }

    #[test]
    fn navy_municipality_and_academy_end_organisations() {
        for (text, want) in [
            ("by the Indonesian Navy today", "Indonesian Navy"),
            (
                "the Municipality of Livorno asked",
                "Municipality of Livorno",
            ),
            ("at Sandia View Academy in", "Sandia View Academy"),
        ] {
            let tokens = tokenize(text);
            let i = usize::from(
                tokens[0].norm == "the" || tokens[0].norm == "by" || tokens[0].norm == "at",
            );
            let i = if tokens[1].norm == "the" { 2 } else { i };
            let got = surface(text, organization_at(&tokens, i));
            assert_eq!(got.as_deref(), Some(want), "{text}");
        }
    }

    #[test]
    fn a_person_before_of_is_not_part_of_the_organisation() {
        let text = "said Jann Wenner of Rolling Stone Magazine";
        let tokens = tokenize(text);
        assert_eq!(organization_at(&tokens, 1), None);
        assert_eq!(
            surface(text, organization_at(&tokens, 4)).as_deref(),
            Some("Rolling Stone Magazine")
        );
    }

    #[test]
    fn a_title_inside_an_organisation_name_introduces_no_person() {
        let text = "at Squadron Officer School in Alabama";
        let tokens = tokenize(text);
        assert_eq!(person_after_title(&tokens, 3), None);
        let text = "walking down Queen Street today";
        let tokens = tokenize(text);
        assert_eq!(person_after_title(&tokens, 3), None);
    }

    #[test]
    fn a_person_nested_in_a_longer_name_is_its_first_two_words_or_none() {
        let given = |n: &str| matches!(n, "andy" | "jeff" | "john" | "brooklyn");
        let text = "by the Andy Warhol Photographic Legacy Program";
        let tokens = tokenize(text);
        assert_eq!(
            surface(text, person_by_given_name(&tokens, 2, given, true)).as_deref(),
            Some("Andy Warhol")
        );
        let text = "went to the Jeff McBride Experience in Arkansas";
        let tokens = tokenize(text);
        assert_eq!(
            surface(text, person_by_given_name(&tokens, 3, given, true)).as_deref(),
            Some("Jeff McBride")
        );
        let text = "published in the Brooklyn Daily Eagle, called";
        let tokens = tokenize(text);
        assert_eq!(person_by_given_name(&tokens, 3, given, false), None);
        // A field of work is no surname: the festival is named after a place.
        let also_places = |n: &str| matches!(n, "venice" | "grace");
        let text = "won at the Venice Film Festival on Saturday";
        let tokens = tokenize(text);
        assert_eq!(person_by_given_name(&tokens, 3, also_places, true), None);
        let text = "pupils of Grace Music Academy";
        let tokens = tokenize(text);
        assert_eq!(person_by_given_name(&tokens, 2, also_places, true), None);
        let text = "Makes Sure John Voters Don't Forget";
        let tokens = tokenize(text);
        assert_eq!(person_by_given_name(&tokens, 2, given, true), None);
        let text = "said John Quincy Adams yesterday";
        let tokens = tokenize(text);
        assert_eq!(
            surface(text, person_by_given_name(&tokens, 1, given, true)).as_deref(),
            Some("John Quincy Adams")
        );
    }

    #[test]
    fn a_lowercase_occupation_or_family_word_introduces_a_person() {
        let cases = [
            (
                "the webcomic artist Zach Weiner said",
                3,
                Some("Zach Weiner"),
            ),
            ("their nine-month-old child, Gloria. She", 5, Some("Gloria")),
            (
                "the philosopher Luis de Miranda weaves",
                2,
                Some("Luis de Miranda"),
            ),
            ("faire comme son Veep", 3, None),
            // Words that are also verbs are no cue: "able to engineer Metroids".
            ("able to engineer Metroids, but", 3, None),
            ("their child, Washington Post reported", 3, None),
            ("the news analyst CNN hired", 3, None),
            (
                "according to curator Elaine Gustafon.",
                3,
                Some("Elaine Gustafon"),
            ),
            (
                "interviews writer Aner Shalev Wednesday, September",
                2,
                Some("Aner Shalev"),
            ),
            ("the writer Jane Doe Smith Act", 2, None),
            // Sport and politics have their own: "Chelsea manager Pep Guardiola".
            (
                "Chelsea manager Pep Guardiola praised",
                2,
                Some("Pep Guardiola"),
            ),
            ("said pollster Franko Luntzer", 2, Some("Franko Luntzer")),
            // At a sentence's start, capitalised, if the sentence goes on after the name.
            ("Coach Pep Guardiola praised", 1, Some("Pep Guardiola")),
            ("Player Ratings Explained Here", 1, None),
            ("Designer Handbags: the sale", 1, None),
            ("Writer Zach Weiner", 1, None),
            (
                "and athletes Vitas Gerulaitis (tennis)",
                2,
                Some("Vitas Gerulaitis"),
            ),
            ("the striker Romelu Lukaku scored", 2, Some("Romelu Lukaku")),
            ("the players Union Berlin fielded", 2, None),
            ("the Artist Formerly Known", 2, None),
            (
                "presidential candidate Interview What qualifications",
                2,
                None,
            ),
        ];
        for (text, i, want) in cases {
            let tokens = tokenize(text);
            let got = person_after_descriptor(text, &tokens, i);
            assert_eq!(surface(text, got).as_deref(), want, "{text}");
        }
    }

    #[test]
    fn a_brotherhood_of_something_a_legion_and_a_tribunal_are_organisations() {
        let read = |text: &str| surface(text, organization_at(&tokenize(text), 1));
        assert_eq!(
            read("the International Brotherhood of Magicians met").as_deref(),
            Some("International Brotherhood of Magicians")
        );
        assert_eq!(
            read("the Waitangi Tribunal ruled").as_deref(),
            Some("Waitangi Tribunal")
        );
        assert_eq!(
            read("the American Legion said").as_deref(),
            Some("American Legion")
        );
        assert_eq!(read("the Islamist Muslim Brotherhood said"), None);
    }

    #[test]
    fn particles_join_a_name_after_a_cue() {
        let after_title =
            |text: &str, i: usize| surface(text, person_after_title(&tokenize(text), i));
        assert_eq!(
            after_title("since Mayor Bill de Blasio took office", 2).as_deref(),
            Some("Bill de Blasio")
        );
        // A particle needs a name after it.
        assert_eq!(
            after_title("Mayor Bill de facto ruled", 1).as_deref(),
            Some("Bill")
        );
    }

    #[test]
    fn a_heading_in_title_case_is_no_organisation() {
        let read = |text: &str| surface(text, organization_at(&tokenize(text), 0));
        assert_eq!(read("Sean Spicer Holds First Formal Press Briefing"), None);
        assert_eq!(read("Kourtney Kardashian Shares Post Online"), None);
        // What follows a name may still be the organisation's own.
        assert_eq!(
            read("Telegraph Media Group Limited 2017").as_deref(),
            Some("Telegraph Media Group")
        );
        assert_eq!(
            read("Malaysia Airlines Flight 370 vanished").as_deref(),
            Some("Malaysia Airlines")
        );
        // In running text a longer name goes on.
        let text = "students at Washington State University Vancouver said";
        assert_eq!(
            surface(text, organization_at(&tokenize(text), 2)).as_deref(),
            Some("Washington State University")
        );
    }

    #[test]
    fn lone_organisation_word_is_not_a_name() {
        let text = "The Ministry said";
        assert_eq!(organization_at(&tokenize(text), 1), None);
    }
}
