use super::*;

fn found(text: &str) -> Vec<(String, String, Option<u32>)> {
    let kb = Kb::embedded().unwrap();
    let result = scan(&kb, text);
    result
        .mentions
        .iter()
        .map(|m| {
            let e = &result.entities[m.entity];
            (
                text[m.start..m.end].to_string(),
                e.kind.as_str().to_string(),
                e.kb,
            )
        })
        .collect()
}

/// (text, knowledge-base name) of each mention linked to an entity of `subtype`.
fn linked_of_subtype(text: &str, subtype: &str) -> Vec<(String, String)> {
    let kb = Kb::embedded().unwrap();
    found(text)
        .into_iter()
        .filter_map(|(s, _, id)| {
            let entity = kb.entity(id?)?;
            (entity.subtype == subtype).then(|| (s, entity.name.to_string()))
        })
        .collect()
}

/// The text of each mention linked to an entity of `subtype`.
fn surfaces_of_subtype(text: &str, subtype: &str) -> Vec<String> {
    linked_of_subtype(text, subtype)
        .into_iter()
        .map(|(s, _)| s)
        .collect()
}

fn surfaces(text: &str) -> Vec<String> {
    found(text).into_iter().map(|(s, _, _)| s).collect()
}

fn seed_article() -> String {
    let shared = std::env::var("BACKSTORY_SHARED")
        .unwrap_or_else(|_| concat!(env!("CARGO_MANIFEST_DIR"), "/../shared").to_string());
    let path = format!("{shared}/corpus/seed-article.txt");
    std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{path}: {e} (set BACKSTORY_SHARED to the shared folder)"))
}

#[test]
fn seed_article_actors_and_sites_are_found_with_types_and_ids() {
    let text = seed_article();
    let kb = Kb::embedded().unwrap();
    let result = scan(&kb, &text);
    let expect = [
        ("Abbas Araghchi", "person", "Abbas Araghchi"),
        ("Ayatollah Ali Khamenei", "person", "Ali Khamenei"),
        ("Vladimir Putin", "person", "Vladimir Putin"),
        ("Putin", "person", "Vladimir Putin"),
        ("Araghchi", "person", "Abbas Araghchi"),
        ("Moscow", "place", "Moscow"),
        ("Tehran", "place", "Tehran"),
        ("Iran", "place", "Iran"),
        ("Russia", "place", "Russia"),
        ("United States", "place", "United States"),
        ("US", "place", "United States"),
        ("Israel", "place", "Israel"),
        ("Reuters", "organization", "Reuters"),
        ("UN", "organization", "United Nations"),
        ("Fordow", "place", "Fordow Fuel Enrichment Plant"),
        ("Natanz", "place", "Natanz nuclear facility"),
        ("Esfahan", "place", "Isfahan"),
        ("Middle East", "place", "Middle East"),
    ];
    for (surface, kind, name) in expect {
        let hit = result
            .mentions
            .iter()
            .find(|m| &text[m.start..m.end] == surface);
        let m = hit.unwrap_or_else(|| panic!("{surface} not found"));
        let e = &result.entities[m.entity];
        assert_eq!(e.kind.as_str(), kind, "{surface}");
        assert_eq!(e.name, name, "{surface}");
    }
}

#[test]
fn seed_article_offsets_point_at_the_names() {
    let text = seed_article();
    let kb = Kb::embedded().unwrap();
    let result = scan(&kb, &text);
    let first_araghchi = text.find("Abbas Araghchi").unwrap();
    assert!(result
        .mentions
        .iter()
        .any(|m| m.start == first_araghchi && m.end == first_araghchi + "Abbas Araghchi".len()));
    let mut previous_end = 0;
    for m in &result.mentions {
        assert!(m.start >= previous_end, "mentions overlap or are unsorted");
        assert!(text.is_char_boundary(m.start) && text.is_char_boundary(m.end));
        previous_end = m.end;
    }
}

#[test]
fn seed_article_introductions_are_remembered() {
    let text = seed_article();
    let kb = Kb::embedded().unwrap();
    let result = scan(&kb, &text);
    let intro = |name: &str| {
        let e = result.entities.iter().find(|e| e.name == name).unwrap();
        e.intro.map(|(s, e)| text[s..e].to_string())
    };
    assert_eq!(
        intro("Abbas Araghchi").as_deref(),
        Some("Iranian Foreign Minister")
    );
    assert_eq!(intro("Vladimir Putin").as_deref(), Some("President"));
    assert_eq!(intro("Reuters"), None);
    assert_eq!(
        intro("Ali Khamenei").as_deref(),
        Some("Iran’s Supreme Leader")
    );
}

#[test]
fn demonyms_are_context_not_highlights() {
    let hits = surfaces("The Iranian delegation met Russian officials.");
    assert!(hits.is_empty(), "{hits:?}");
}

#[test]
fn descriptions_of_a_country_are_context_not_names() {
    // "the Islamic Republic" describes Iran; it is not one of its names.
    assert_eq!(
        surfaces("Iran said the Islamic Republic needs allies."),
        ["Iran"]
    );
}

#[test]
fn exact_case_aliases_do_not_match_ordinary_words() {
    assert!(surfaces("Tell us what the un-named official said").is_empty());
    assert_eq!(surfaces("the US and the UN met"), ["US", "UN"]);
}

#[test]
fn possessives_and_curly_apostrophes_keep_the_name() {
    assert_eq!(
        surfaces("Tehran’s view and Moscow's reply"),
        ["Tehran", "Moscow"]
    );
}

#[test]
fn hyphenated_compounds_expose_their_names() {
    assert_eq!(surfaces("escalating US-Israeli action")[0], "US");
}

#[test]
fn lowercase_words_are_not_names() {
    assert!(surfaces("a reuters-like moscow mule").is_empty());
}

#[test]
fn all_caps_headlines_still_match() {
    assert_eq!(
        surfaces("IRAN APPEALS TO RUSSIA AFTER STRIKES"),
        ["IRAN", "RUSSIA"]
    );
}

#[test]
fn surname_needs_the_full_name_or_a_title() {
    // (A world-famous surname is the exception: see the test below.)
    assert!(surfaces("Baghaei arrived.").is_empty());
    assert_eq!(
        surfaces("Esmaeil Baghaei arrived. Later Baghaei left."),
        ["Esmaeil Baghaei", "Baghaei"]
    );
    assert_eq!(surfaces("a letter to President Putin"), ["Putin"]);
}

#[test]
fn unknown_people_after_titles_and_their_surnames_later() {
    let text = "Deputy Minister Karim Zandvakili spoke. Zandvakili said more.";
    let hits = found(text);
    assert_eq!(hits[0].0, "Karim Zandvakili");
    assert_eq!(hits[0].1, "person");
    assert_eq!(hits[0].2, None);
    assert_eq!(hits[1].0, "Zandvakili");
}

#[test]
fn names_do_not_run_across_commas() {
    assert_eq!(surfaces("Fordow, Natanz"), ["Fordow", "Natanz"]);
}

#[test]
fn empty_and_odd_input_gives_no_mentions_and_no_panic() {
    let kb = Kb::embedded().unwrap();
    for text in [
        "",
        " ",
        "\n\n",
        "’",
        "U.",
        "...",
        "\u{FEFF}Iran",
        "İran ǅ ß ﬁ",
    ] {
        let result = scan(&kb, text);
        for m in &result.mentions {
            assert!(m.start < m.end && m.end <= text.len());
        }
    }
}

/// The mention with this exact text, as (entity name, type, known to the kb).
fn mention_named(text: &str, surface: &str) -> Option<(String, String, bool)> {
    let kb = Kb::embedded().unwrap();
    let result = scan(&kb, text);
    result
        .mentions
        .iter()
        .find(|m| &text[m.start..m.end] == surface)
        .map(|m| {
            let e = &result.entities[m.entity];
            (e.name.clone(), e.kind.as_str().to_string(), e.kb.is_some())
        })
}

/// Every mention of `surface`, as entity indices, in order.
fn entities_of(text: &str, surface: &str) -> Vec<usize> {
    let kb = Kb::embedded().unwrap();
    let result = scan(&kb, text);
    result
        .mentions
        .iter()
        .filter(|m| &text[m.start..m.end] == surface)
        .map(|m| m.entity)
        .collect()
}

#[test]
fn acronym_defined_after_a_known_name_is_that_entity_later() {
    // The kb knows the Rapid Support Forces but not "RSF"; the article's definition links it.
    let text = "Fighters of the Rapid Support Forces (RSF) entered the city. \
                Later an RSF commander said the Islamic Revolutionary Guard Corps (IRGC) \
                had not helped, and the IRGC agreed.";
    let rsf = entities_of(text, "RSF");
    assert_eq!(rsf.len(), 2, "{:?}", found(text));
    assert_eq!(entities_of(text, "Rapid Support Forces"), [rsf[0]]);
    assert_eq!(rsf[0], rsf[1]);
    assert_eq!(
        mention_named(text, "RSF"),
        Some(("Rapid Support Forces".into(), "organization".into(), true))
    );
    let irgc = entities_of(text, "IRGC");
    assert_eq!(irgc.len(), 2);
    assert_eq!(irgc, [irgc[0], irgc[0]]);
    assert_eq!(
        entities_of(text, "Islamic Revolutionary Guard Corps"),
        [irgc[0]]
    );
}

#[test]
fn acronym_of_a_name_the_kb_lacks_makes_one_local_organisation() {
    let text = "Members of the Coalition for Democratic Renewal (CDR) won seats. \
                A CDR spokesman said the CDR would govern.";
    let name = mention_named(text, "Coalition for Democratic Renewal");
    assert_eq!(
        name,
        Some((
            "Coalition for Democratic Renewal".into(),
            "organization".into(),
            false
        ))
    );
    let cdr = entities_of(text, "CDR");
    assert_eq!(cdr.len(), 3);
    assert!(cdr
        .iter()
        .all(|&e| e == entities_of(text, "Coalition for Democratic Renewal")[0]));
}

#[test]
fn acronym_spelled_differently_from_the_kb_still_links_to_it() {
    // "Organisation" is not the kb's spelling, but WHO is the kb's acronym for the same name.
    let text = "The World Health Organisation (WHO) warned. The WHO said more.";
    assert_eq!(
        mention_named(text, "World Health Organisation").map(|m| m.0),
        Some("World Health Organization".into())
    );
}

#[test]
fn bylines_and_brackets_that_are_not_initials_define_no_acronym() {
    let text = "TEHRAN (Reuters) - The plan was approved (2024) by the Senate (SV).";
    assert_eq!(
        mention_named(text, "Reuters").map(|m| m.1),
        Some("organization".into())
    );
    assert_eq!(mention_named(text, "SV"), None);
}

/// The kb entity name (else the local name) and subtype of the `nth` highlighted mention
/// written `surface`, None when there is no such mention.
fn reading(text: &str, surface: &str, nth: usize) -> Option<(String, String)> {
    let kb = Kb::embedded().unwrap();
    let result = scan(&kb, text);
    let m = result
        .mentions
        .iter()
        .filter(|m| &text[m.start..m.end] == surface)
        .nth(nth)?;
    let e = &result.entities[m.entity];
    let id = e.kb.and_then(|i| kb.entity(i)).map(|r| r.name.to_string());
    Some((id.unwrap_or_else(|| e.name.clone()), e.subtype.clone()))
}

/// A sentence, a name in it, which highlighted occurrence, and the expected reading.
type ReadingCase<'a> = (&'a str, &'a str, usize, Option<(&'a str, &'a str)>);

/// Each case: a sentence, a name in it, which occurrence, and the expected reading
/// (entity name and subtype) or None for no highlight.
fn check_readings(cases: &[ReadingCase]) {
    for (text, surface, nth, expected) in cases {
        let got = reading(text, surface, *nth);
        let want = expected.map(|(n, s)| (n.to_string(), s.to_string()));
        assert_eq!(
            got, want,
            "\ntext:     {text}\nname:     {surface} #{nth}\nexpected: {want:?}\nactual:   {got:?}"
        );
    }
}

#[test]
fn georgia_is_the_us_state_or_the_country_by_context() {
    check_readings(&[
        (
            "Georgia's governor signed the bill in Atlanta.",
            "Georgia",
            0,
            Some(("Georgia", "region")),
        ),
        (
            "Voters in Atlanta, Georgia went to the polls.",
            "Georgia",
            0,
            Some(("Georgia", "region")),
        ),
        (
            "The storm hit Atlanta on Monday. Georgia officials said power was out.",
            "Georgia",
            0,
            Some(("Georgia", "region")),
        ),
        (
            "Georgia and Alabama voters went to the polls.",
            "Georgia",
            0,
            Some(("Georgia", "region")),
        ),
        (
            "Protesters gathered in Tbilisi as lawmakers in Georgia debated the law.",
            "Georgia",
            0,
            Some(("Georgia", "country")),
        ),
        (
            "Armenia, Georgia and Azerbaijan signed the accord.",
            "Georgia",
            0,
            Some(("Georgia", "country")),
        ),
    ]);
}

#[test]
fn washington_is_the_capital_unless_the_state_is_meant() {
    check_readings(&[
        (
            "Washington said it would impose sanctions.",
            "Washington",
            0,
            Some(("Washington, D.C.", "city")),
        ),
        (
            "Washington and Moscow agreed to talk.",
            "Washington",
            0,
            Some(("Washington, D.C.", "city")),
        ),
        (
            "Officials in Washington state declared an emergency.",
            "Washington state",
            0,
            Some(("Washington", "region")),
        ),
        (
            "The museum in Seattle, Washington opened.",
            "Washington",
            0,
            Some(("Washington", "region")),
        ),
        (
            "Washington's governor objected.",
            "Washington",
            0,
            Some(("Washington", "region")),
        ),
    ]);
}

#[test]
fn jordan_before_a_surname_is_a_person_not_the_country() {
    check_readings(&[
        (
            "Jordan said it would open its border.",
            "Jordan",
            0,
            Some(("Jordan", "country")),
        ),
        (
            "Jordan Peterson spoke at the event.",
            "Jordan Peterson",
            0,
            Some(("Jordan Peterson", "person")),
        ),
        (
            "Michael Jordan won six titles. Jordan retired in 2003.",
            "Jordan",
            0,
            Some(("Michael Jordan", "person")),
        ),
    ]);
}

#[test]
fn may_is_theresa_may_only_with_evidence() {
    let text = "Theresa May resigned. The vote is due in May. Mrs May said she would stay. \
                May I ask a question? Prime Minister May spoke.";
    assert_eq!(
        surfaces(text),
        ["Theresa May", "May", "May"],
        "{:?}",
        found(text)
    );
    check_readings(&[
        (text, "May", 0, Some(("Theresa May", "politician"))),
        (text, "May", 1, Some(("Theresa May", "politician"))),
    ]);
    // The month right after the full name stays a month.
    assert_eq!(
        surfaces("Theresa May resigned. Elections are held in May."),
        ["Theresa May"]
    );
}

#[test]
fn casing_decides_turkey_and_us() {
    check_readings(&[
        (
            "Turkey closed its airspace.",
            "Turkey",
            0,
            Some(("Turkey", "country")),
        ),
        ("We ate turkey for dinner.", "turkey", 0, None),
        (
            "The US said it would respond.",
            "US",
            0,
            Some(("United States", "country")),
        ),
        ("Tell us more.", "us", 0, None),
        ("Us and them.", "Us", 0, None),
    ]);
}

#[test]
fn city_used_as_a_surname_is_not_the_city_later() {
    // Valeska Paris is a person; later "Paris claims" is her, "in Paris" the city.
    let text = "Valeska Paris, a former member, spoke. Paris claims she was held. \
                She later lived in Paris.";
    let kb = Kb::embedded().unwrap();
    let result = scan(&kb, text);
    let kinds: Vec<(usize, &str)> = result
        .mentions
        .iter()
        .map(|m| (m.start, result.entities[m.entity].kind.as_str()))
        .collect();
    assert_eq!(
        kinds,
        [
            (0, "person"),
            (text.find("Paris claims").unwrap(), "person"),
            (text.rfind("Paris").unwrap(), "place")
        ],
        "{:?}",
        found(text)
    );
    check_readings(&[(text, "Paris", 1, Some(("Paris", "city")))]);
}

#[test]
fn possessives_keep_the_name_and_its_type() {
    check_readings(&[
        (
            "Iran's foreign minister spoke.",
            "Iran",
            0,
            Some(("Iran", "country")),
        ),
        (
            "Tehran’s reply came late.",
            "Tehran",
            0,
            Some(("Tehran", "city")),
        ),
    ]);
}

#[test]
fn initials_and_dotted_abbreviations() {
    check_readings(&[
        (
            "Vice President J.D. Vance met U.S. officials.",
            "U.S.",
            0,
            Some(("United States", "country")),
        ),
        // A name the knowledge base lacks: the initials still make it a person.
        (
            "On Monday J.R. Quennstadt spoke. Later Quennstadt left.",
            "J.R. Quennstadt",
            0,
            Some(("J.R. Quennstadt", "person")),
        ),
        (
            "On Monday J.R. Quennstadt spoke. Later Quennstadt left.",
            "Quennstadt",
            0,
            Some(("J.R. Quennstadt", "person")),
        ),
        // A curated one links to its record.
        (
            "On Monday J.D. Vance spoke. Later Vance left.",
            "Vance",
            0,
            Some(("JD Vance", "politician")),
        ),
        (
            "Former mayor Harold T. Quennby spoke.",
            "Harold T. Quennby",
            0,
            Some(("Harold T. Quennby", "person")),
        ),
    ]);
}

#[test]
fn hyphenated_names_stay_whole() {
    check_readings(&[
        (
            "Al-Qaeda claimed the attack.",
            "Al-Qaeda",
            0,
            Some(("al-Qaeda", "armed_group")),
        ),
        (
            "The envoy Jean-Yves Le Drian visited.",
            "Jean-Yves Le Drian",
            0,
            Some(("Jean-Yves Le Drian", "person")),
        ),
    ]);
}

#[test]
fn headline_in_capitals_uses_only_well_known_names() {
    check_readings(&[
        (
            "IRAN WARNS ISRAEL OVER STRIKES\nThe statement came late.",
            "ISRAEL",
            0,
            Some(("Israel", "country")),
        ),
        (
            "IRAN AND ISRAEL REACH DEAL IN TALKS\nThe statement came late.",
            "DEAL",
            0,
            None,
        ),
    ]);
}

#[test]
fn a_headline_mention_does_not_hide_the_introduction_in_the_body() {
    let kb = Kb::embedded().unwrap();
    let text =
        "Araghchi back in Tehran\nIranian Foreign Minister Abbas Araghchi arrived on Monday.";
    let result = scan(&kb, text);
    let entity = result
        .entities
        .iter()
        .find(|e| e.name == "Abbas Araghchi")
        .expect("Araghchi found");
    let intro = entity.intro.map(|(s, e)| &text[s..e]);
    assert_eq!(intro, Some("Iranian Foreign Minister"));
    let (s, e) = entity.first_sentence;
    assert!(text[s..e].starts_with("Iranian Foreign Minister"));
}

#[test]
fn names_do_not_end_in_an_initial() {
    let kb = Kb::embedded().unwrap();
    let text = "Reagan in 80 , [ Harold Q. ] Quennby in 88 , and later Harold Q. Quennby again.";
    let result = scan(&kb, text);
    let names: Vec<&str> = result
        .mentions
        .iter()
        .map(|m| &text[m.start..m.end])
        .collect();
    assert!(!names.contains(&"Harold Q"), "{names:?}");
    assert!(names.contains(&"Harold Q. Quennby"), "{names:?}");
}

#[test]
fn a_stance_prefix_is_not_a_mention() {
    let names = surfaces("The pro-Beijing camp and anti-Kremlin groups met in Moscow.");
    assert_eq!(names, vec!["Moscow".to_string()]);
}

#[test]
fn two_organisations_joined_by_and_stay_two() {
    let names = surfaces(
        "Researchers at the Massachusetts Institute of Technology and Colorado State University agreed.",
    );
    assert!(
        names.contains(&"Colorado State University".to_string()),
        "{names:?}"
    );
    assert!(
        names.iter().all(|n| !n.contains(" and ")),
        "one name across 'and': {names:?}"
    );
}

#[test]
fn a_title_after_a_site_starts_the_next_name() {
    let names = surfaces("Museum of Flight CEO Doug Wilson said the bid failed.");
    assert!(names.contains(&"Museum of Flight".to_string()), "{names:?}");
    assert!(names.contains(&"Doug Wilson".to_string()), "{names:?}");
}

#[test]
fn census_given_names_find_unknown_people_but_not_party_members() {
    let people: Vec<String> =
        found("The photographer Kristen Wilkins showed her work. The Christian Democrats won.")
            .into_iter()
            .filter(|(_, kind, _)| kind == "person")
            .map(|(s, _, _)| s)
            .collect();
    assert_eq!(people, vec!["Kristen Wilkins".to_string()]);
}

#[test]
fn a_small_towns_name_is_still_a_given_name_but_a_citys_is_not() {
    let people = found_people;
    // Taylor and Tyler are towns in Texas, and far more often people.
    assert_eq!(
        people("The album by Taylor Swift sold well, Tyler Hicks wrote."),
        ["Taylor Swift", "Tyler Hicks"]
    );
    // Houston is a city first: "Houston Rockets" is no person.
    assert!(people("The Houston Rockets lost again.").is_empty());
}

#[test]
fn a_world_famous_surname_links_alone_but_a_shared_one_waits() {
    let found = found("Putin said the talks failed. Clinton and Bush met later.");
    let names: Vec<&str> = found.iter().map(|(s, _, _)| s.as_str()).collect();
    assert_eq!(names, vec!["Putin"], "{found:?}");
    assert!(found[0].2.is_some(), "Putin links to the knowledge base");
}

#[test]
fn a_leading_article_is_not_part_of_an_organisation_highlight() {
    let text = "It was reported by The New York Times on Monday.";
    let hits = found(text);
    assert_eq!(hits[0].0, "New York Times");
    assert_eq!(hits[0].1, "organization");
    assert!(hits[0].2.is_some());
}

#[test]
fn a_lone_given_name_is_the_person_the_article_named_in_full() {
    let text = "Frank Messina read a poem. Later Frank smiled, and i-Frank was a joke.";
    assert_eq!(surfaces(text), ["Frank Messina", "Frank"]);
    assert_eq!(
        entities_of(text, "Frank"),
        entities_of(text, "Frank Messina")
    );
    // Two people share the given name: it means neither.
    let text = "Frank Messina met Frank Zappa. Then Frank left.";
    assert_eq!(surfaces(text), ["Frank Messina", "Frank Zappa"]);
}

#[test]
fn an_organisations_head_word_after_the_is_that_organisation() {
    let text = "The Zorblax Church of Quentopia sued. A spokesman for the Church said no.";
    let church = entities_of(text, "Church");
    assert_eq!(church.len(), 1);
    assert_eq!(church, entities_of(text, "Zorblax Church of Quentopia"));
    // "the Church of England" is a name of its own, not a short form.
    let text = "The Zorblax Church of Quentopia sued the Church of Wessexland.";
    assert!(entities_of(text, "Church").is_empty());
}

#[test]
fn initials_of_an_organisation_named_in_the_article_are_that_organisation() {
    let text = "Gifts went to QSU. The Quorlan State University said QSU would show them.";
    let name = entities_of(text, "Quorlan State University");
    assert_eq!(name.len(), 1);
    assert_eq!(entities_of(text, "QSU"), [name[0], name[0]]);
    let kb = Kb::embedded().unwrap();
    let result = scan(&kb, text);
    assert!(result.mentions.windows(2).all(|w| w[0].start < w[1].start));
    // After a number, capitals are the time of day or a unit.
    let text = "The Quorlan State University opened at 9 QSU time. QSU said so in 1987. QSU did.";
    assert_eq!(entities_of(text, "QSU").len(), 2);
}

#[test]
fn a_country_code_before_a_currency_sign_is_no_place() {
    assert!(surfaces("damages as high as US$10 billion").is_empty());
    assert!(surfaces("damages as high as US $ 10 billion").is_empty());
    assert_eq!(surfaces("aid from the US to Peru"), ["US", "Peru"]);
}

#[test]
fn a_city_after_an_unknown_name_with_an_appositive_is_a_person() {
    let text = "Valeska Paris, an Australian woman, spoke. Paris said she left.";
    let hits = found(text);
    assert_eq!(hits[0].0, "Valeska Paris");
    assert_eq!(hits[0].1, "person");
    assert_eq!(hits[1].0, "Paris");
    assert_eq!(hits[1].1, "person");
}

#[test]
fn a_place_naming_a_war_is_no_mention() {
    assert_eq!(
        surfaces("an opponent of the Vietnam War, he visited Vietnam"),
        ["Vietnam"]
    );
}

#[test]
fn a_country_before_a_known_party_is_two_names() {
    let hits = found("the U.S. Republican Party candidate");
    let names: Vec<(&str, &str)> = hits
        .iter()
        .map(|(s, t, _)| (s.as_str(), t.as_str()))
        .collect();
    assert_eq!(
        names,
        [("U.S.", "place"), ("Republican Party", "organization")]
    );
}

#[test]
fn a_person_introduced_by_one_name_is_that_name_later() {
    let text = "They were charged over the death of their child, Gloria. Gloria had eczema.";
    let hits = found(text);
    assert_eq!(hits.len(), 2, "{hits:?}");
    assert!(hits.iter().all(|(s, t, _)| s == "Gloria" && t == "person"));
}

#[test]
fn a_small_town_sharing_a_remembered_surname_needs_a_strong_preposition() {
    let text = "Walt Whitman wrote about war. I turned to Whitman for understanding.";
    let kinds: Vec<(String, String)> = found(text).into_iter().map(|(s, t, _)| (s, t)).collect();
    assert_eq!(kinds[1], ("Whitman".to_string(), "person".to_string()));
}

#[test]
fn a_known_organisation_without_its_country_is_that_organisation() {
    let text = "He served in the United States Air Force. The Air Force trained him.";
    let full = entities_of(text, "United States Air Force");
    assert_eq!(full.len(), 1);
    assert_eq!(entities_of(text, "Air Force"), full);
}

#[test]
fn a_surname_before_the_full_name_is_that_person() {
    let text = "Zandvakili (left) at the summit. Deputy Minister Karim Zandvakili spoke.";
    let person = entities_of(text, "Karim Zandvakili");
    assert_eq!(person.len(), 1);
    assert_eq!(entities_of(text, "Zandvakili"), person);
    let kb = Kb::embedded().unwrap();
    let result = scan(&kb, text);
    assert_eq!(result.mentions[0].start, 0);
    assert_eq!(result.entities[person[0]].mention_count, 2);
}

#[test]
fn abbreviated_titles_and_saints_keep_the_name_together() {
    let hits = found("Yesterday Mr. Zandvakili said so in St. Louis.");
    let names: Vec<(&str, &str)> = hits
        .iter()
        .map(|(s, t, _)| (s.as_str(), t.as_str()))
        .collect();
    assert_eq!(names, [("Zandvakili", "person"), ("St. Louis", "place")]);
}

#[test]
fn only_surnames_of_people_with_a_given_name_are_read_before_the_full_name() {
    // "Sultan Zorbax" is found after a title, with no given name: an earlier "Zorbax" is
    // not read as him, a later one is.
    let text = "Zorbax was scarce. We met Sultan Zorbax there. Later Zorbax left.";
    assert_eq!(surfaces(text), ["Zorbax", "Zorbax"], "{:?}", found(text));
    let text = "Kamen was late. Then Dean Kamen spoke.";
    assert_eq!(surfaces(text), ["Kamen", "Dean Kamen"], "{:?}", found(text));
    // After an article the name is a thing's.
    let text = "Lord Rayleigh wrote it. The Rayleigh quotient is named after him.";
    assert_eq!(surfaces(text).len(), 1, "{:?}", found(text));
}

#[test]
fn a_place_word_before_a_city_is_no_given_name() {
    let text = "the country's largest lake, Lake Taupo, 150 km away";
    assert!(
        found(text).iter().all(|(_, t, _)| t != "person"),
        "{:?}",
        found(text)
    );
}

#[test]
fn a_two_word_name_listed_with_two_people_is_a_person() {
    let text = "The show has prints by Robert Mapplethorpe, Walker Evans, and Helmut Newton.";
    let people: Vec<String> = found(text)
        .into_iter()
        .filter(|(_, kind, _)| kind == "person")
        .map(|(s, _, _)| s)
        .collect();
    assert!(people.contains(&"Walker Evans".to_string()), "{people:?}");
    // One recognised member is not enough: these are films.
    let films = "Honorable mentions: Marjorie Prime, Phantom Thread, and Casting Tonight.";
    assert!(!surfaces(films).contains(&"Phantom Thread".to_string()));
    // Without a final "and" there is no list.
    let intro = "Speaking Tuesday, Robert Mapplethorpe met Helmut Newton.";
    assert!(!surfaces(intro).contains(&"Speaking Tuesday".to_string()));
}

#[test]
fn a_name_before_founder_and_a_person_is_an_organisation_named_again_later() {
    let text = "An interview with Zorblex founder Hugh McGuire. I launched Zorblex in 2005. \
                Mozilla CEO promotion controversy. Company founder Jane Doe spoke.";
    let found = found(text);
    let orgs: Vec<&str> = found
        .iter()
        .filter(|(_, kind, _)| kind == "organization")
        .map(|(s, _, _)| s.as_str())
        .collect();
    assert_eq!(
        orgs.iter().filter(|s| **s == "Zorblex").count(),
        2,
        "{found:?}"
    );
    assert!(!orgs.contains(&"Company"), "{found:?}");
}

#[test]
fn a_surname_that_is_the_only_reading_of_a_well_known_person_names_them() {
    let found = found("The agreement was that Gorbachev agreed to a concession.");
    let kb = Kb::embedded().unwrap();
    let person = found.iter().find(|(s, _, _)| s == "Gorbachev");
    let name = person
        .and_then(|(_, _, id)| id.and_then(|id| kb.entity(id)))
        .map(|e| e.name.to_string());
    assert_eq!(name.as_deref(), Some("Mikhail Gorbachev"), "{found:?}");
    // "Clinton" is several people and places: no reading before an introduction.
    assert!(!surfaces("Well, Clinton came into office.").contains(&"Clinton".to_string()));
}

#[test]
fn the_unknown_name_after_a_person_and_of_is_their_organisation_everywhere() {
    let text = "Demosisto did well. The winner was Nathan Law of Demosisto, aged 23. \
                Jane Doe of Ohio also won.";
    let found = found(text);
    let orgs: Vec<&str> = found
        .iter()
        .filter(|(_, kind, _)| kind == "organization")
        .map(|(s, _, _)| s.as_str())
        .collect();
    assert_eq!(orgs, ["Demosisto", "Demosisto"], "{found:?}");
}

#[test]
fn a_cue_introduced_full_name_is_that_person_again_inside_a_capitalised_run() {
    let text = "Aner Shalev is a writer. Wikinews interviews writer Aner Shalev Wednesday. \
                In 2007 Aner Shalev wrote it. Then Aner Shalev Wednesday came, \
                The Aner Shalev Institute opened. The Zorb Aner Shalev Prize.";
    let people: Vec<String> = found(text)
        .into_iter()
        .filter(|(_, kind, _)| kind == "person")
        .map(|(s, _, _)| s)
        .collect();
    assert_eq!(people, ["Aner Shalev"; 4], "{:?}", found(text));
}

#[test]
fn a_known_party_is_found_with_its_last_word_in_lower_case() {
    let kb = Kb::embedded().unwrap();
    let found = found("He ran in the Republican party primary. It was a party for all.");
    let party = found.iter().find(|(s, _, _)| s == "Republican party");
    let name = party
        .and_then(|(_, _, id)| id.and_then(|id| kb.entity(id)))
        .map(|e| e.name.to_string());
    assert_eq!(name.as_deref(), Some("Republican Party"), "{found:?}");
    assert!(found.iter().all(|(s, _, _)| s != "party"), "{found:?}");
}

#[test]
fn a_seat_of_power_is_named_as_the_word_alone_in_an_article_about_its_country() {
    let capitol = |text: &str| {
        linked_of_subtype(text, "landmark")
            .into_iter()
            .filter(|(s, _)| s == "Capitol")
            .count()
    };
    let american = "Voters in Ohio, Texas and Virginia were angry. Protesters gathered outside \
                    the Capitol.";
    assert_eq!(capitol(american), 1);
    // Another capitol, a longer name, or an article about another country: no landmark.
    let state = "Voters in Ohio, Texas and Virginia were angry. They marched to the Texas \
                 Capitol and the Capitol Police watched.";
    assert_eq!(capitol(state), 0);
    let rome = "Tourists in Rome, Milan and Naples climbed to the Capitol at sunset.";
    assert_eq!(capitol(rome), 0);
}

#[test]
fn a_countrys_institution_is_named_by_its_short_name_in_an_article_about_that_country() {
    let kb = Kb::embedded().unwrap();
    // The knowledge-base names linked to the mentions whose text passes `surface`.
    let linked = |text: &str, surface: fn(&str) -> bool| {
        found(text)
            .into_iter()
            .filter(|(s, _, _)| surface(s))
            .filter_map(|(_, _, id)| id.and_then(|id| kb.entity(id)))
            .map(|e| e.name.to_string())
            .collect::<Vec<_>>()
    };
    let congress = |text: &str| linked(text, |s| s == "Congress");
    let american = "Voters in Ohio, Texas and Virginia were angry. Congress has proven itself \
                    ineffective. Term limits for Congress would help.";
    assert_eq!(congress(american), ["United States Congress"; 2]);
    let library = "Voters in Ohio, Texas and Virginia were angry. He read at the Library of \
                   Congress.";
    assert!(congress(library).is_empty());
    // Without an article about the United States, the word alone is no name.
    assert!(congress("The congress met in Delhi. Congress has proven itself weak.").is_empty());
    // Nor in an article about a country that names the United States in passing.
    let court = |text: &str| linked(text, |s| s == "Supreme Court").len();
    let kiwi = "Lawyers from Ohio, Texas and Virginia flew to Auckland. Auckland, Auckland, \
                Auckland, Auckland, Auckland and Auckland were calm. The Supreme Court ruled.";
    assert_eq!(court(kiwi), 0);
    let american = "Lawyers from Ohio, Texas and Virginia flew to Auckland. The Supreme Court \
                    ruled.";
    assert_eq!(court(american), 1);
    // Another country's possessive or demonym makes it that country's own.
    let foreign = "Lawyers from Ohio, Texas and Virginia flew to Auckland. Israel's Supreme \
                   Court and the Israeli Supreme Court ruled.";
    assert_eq!(court(foreign), 0);
    // The same holds for the departments' everyday names.
    let department = |text: &str| {
        linked(text, |s| {
            s.ends_with("Department") || s.starts_with("Department")
        })
    };
    let american = "Voters in Ohio, Texas and Virginia were angry. The Justice Department \
                    and the Department of Homeland Security declined to comment.";
    assert_eq!(
        department(american),
        [
            "United States Department of Justice",
            "United States Department of Homeland Security"
        ]
    );
    let filipino = "Officials in Manila, Cebu and Davao said the Department of Justice would \
                    appeal.";
    assert!(
        department(filipino).is_empty(),
        "{:?}",
        department(filipino)
    );
}

#[test]
fn a_countrys_party_is_named_by_its_short_name_in_an_article_about_that_country() {
    let parties = |text: &str| linked_of_subtype(text, "party");
    let american = "Voters in Ohio, Texas and Virginia were angry. The bill passed although \
                    Democrats objected and Republicans in the House were split.";
    assert_eq!(
        parties(american),
        [
            ("Democrats".to_string(), "Democratic Party".to_string()),
            ("Republicans".to_string(), "Republican Party".to_string()),
        ]
    );
    // Other parties whose names end the same way are not these.
    let swedish = "Voters in Ohio, Texas and Virginia were angry. In Stockholm the Sweden \
                   Democrats gained.";
    assert_eq!(
        parties(swedish),
        [(
            "Sweden Democrats".to_string(),
            "Sweden Democrats".to_string()
        )]
    );
    // Without an article about the country, or at a sentence's start before the party was
    // named in full, the capital alone names no party.
    assert!(parties("In Seoul, Democrats and Republicans alike were surprised.").is_empty());
    // A party is its country's only where that country leads the article's places.
    let kiwi = "Settlers from Leeds, Cardiff and Glasgow sailed to Auckland. New Zealanders \
                in Auckland voted, and between the wars National and Labour governed from \
                Auckland.";
    assert!(parties(kiwi).is_empty(), "{:?}", parties(kiwi));
    let british = "Voters in Leeds, Cardiff and Glasgow were angry. Labour costs rose again.";
    assert!(parties(british).is_empty(), "{:?}", parties(british));
    // A place name shared with smaller towns abroad still counts for its own country.
    let london = "Protesters marched in London. Police in London said that London was calm, \
                  and Labour said it would act.";
    assert_eq!(
        parties(london),
        [("Labour".to_string(), "Labour Party (UK)".to_string())]
    );
    let named = "Voters in Leeds, Cardiff and Glasgow backed the Labour Party. Labour said it \
                 would act, and the Conservatives disagreed.";
    let names: Vec<_> = parties(named).into_iter().map(|(_, name)| name).collect();
    assert_eq!(
        names,
        [
            "Labour Party (UK)",
            "Labour Party (UK)",
            "Conservative Party (UK)"
        ]
    );
}

#[test]
fn a_known_place_before_a_feature_word_stays_that_place() {
    let names = surfaces("New Zealand has a strong presence among the Pacific Island countries.");
    assert!(!names.contains(&"Pacific Island".to_string()), "{names:?}");
    let names = surfaces("The document was found on Castlefrank Road in Kanata.");
    assert!(names.contains(&"Castlefrank Road".to_string()), "{names:?}");
}

#[test]
fn a_place_before_a_compass_word_is_named_in_the_part_it_heads() {
    let names = surfaces("In the Kowloon West geographical constituency, she won.");
    assert!(names.contains(&"Kowloon".to_string()), "{names:?}");
    // A compass word that begins another name leaves the place alone.
    let names = surfaces("They moved to the Kowloon North Shore Estate.");
    assert!(!names.contains(&"Kowloon".to_string()), "{names:?}");
}

#[test]
fn a_well_known_company_at_the_head_of_a_product_name_is_that_company() {
    let names = surfaces(
        "The recently released Google Chrome is gaining users, and Mozilla Firefox is not.",
    );
    assert!(names.contains(&"Google".to_string()), "{names:?}");
    assert!(names.contains(&"Mozilla".to_string()), "{names:?}");
}

#[test]
fn a_given_name_after_that_is_the_person_the_article_named() {
    let text = "Daniel Zorbax, 19, was arrested. Lawyers said that Daniel would be jailed.";
    let people: Vec<String> = found(text)
        .into_iter()
        .filter(|(_, kind, _)| kind == "person")
        .map(|(s, _, _)| s)
        .collect();
    assert_eq!(people, ["Daniel Zorbax", "Daniel"], "{:?}", found(text));
    // A surname after "that" stays a thing's: "that Zorbax" may be a drink named after him.
    let text = "Daniel Zorbax drank. I liked that Zorbax a lot.";
    assert_eq!(surfaces(text), ["Daniel Zorbax"], "{:?}", found(text));
    // After a verb that reports speech, "that" is a conjunction before the surname too.
    let text = "Daniel Zorbax drank. The club claims that Zorbax was a guest.";
    assert_eq!(
        surfaces(text),
        ["Daniel Zorbax", "Zorbax"],
        "{:?}",
        found(text)
    );
}

#[test]
fn a_three_word_name_ending_in_a_country_is_no_person() {
    let found = found("Pop culture was celebrated at Fan Expo Canada 2016 in Toronto.");
    assert!(
        found.iter().all(|(_, kind, _)| kind != "person"),
        "{found:?}"
    );
    let found = found_people("The coach Jane Mary Smith spoke.");
    assert_eq!(found, ["Jane Mary Smith"]);
}

fn found_people(text: &str) -> Vec<String> {
    found_of_kind(text, "person")
}

fn found_organizations(text: &str) -> Vec<String> {
    found_of_kind(text, "organization")
}

fn found_places(text: &str) -> Vec<String> {
    found_of_kind(text, "place")
}

fn found_of_kind(text: &str, wanted: &str) -> Vec<String> {
    found(text)
        .into_iter()
        .filter(|(_, kind, _)| kind == wanted)
        .map(|(s, _, _)| s)
        .collect()
}

#[test]
fn people_the_lists_lack_are_found_by_reported_speech_or_a_goal() {
    let people = found_people;
    assert_eq!(
        people("The port reopened. Lotfi Azzouz said the deal was fair."),
        ["Lotfi Azzouz"]
    );
    assert_eq!(
        people("Prices fell, according to Tasos Georgelis, a broker."),
        ["Tasos Georgelis"]
    );
    assert_eq!(
        people("The deal is fair, said Tasos Georgelis."),
        ["Tasos Georgelis"]
    );
    assert_eq!(
        people("Walker was booked, and Ferjani Sassi scored a penalty."),
        ["Ferjani Sassi"]
    );
    // Not a person: a company speaking of itself, a firm's name, a name inside a longer
    // name, one word alone, a headline in title case.
    assert!(people("Whole Foods said it has lowered prices.").is_empty());
    assert!(people("Sales doubled, according to Coresight Research.").is_empty());
    assert!(people("The Minister of Education Tasos Georgelis said no.").len() <= 1);
    assert!(
        !people("The Minister of Education Tasos Georgelis said no.")
            .contains(&"Education Tasos Georgelis".to_string())
    );
    assert!(people("Prosecutors said the trial would resume.").is_empty());
    assert!(people("Walker Fouls Sassi Says Nothing").is_empty());
}

#[test]
fn a_person_the_lists_lack_is_found_before_an_appositive_that_describes_one() {
    let people = found_people;
    assert_eq!(
        people("The vote was close, and Ajmi Lourimi, a member of the party, wept."),
        ["Ajmi Lourimi"]
    );
    assert!(people("Sales rose at Arachnid Fabrication, an analyst firm.").is_empty());
}

#[test]
fn a_title_after_the_is_the_person_the_article_introduced_with_it() {
    let text = "U.S. President Donald Trump signed the order. The President later met the \
                team. Home Secretary Suella Braverman and Shadow Home Secretary Yvette Cooper \
                spoke. The Home Secretary left. The Secretary stayed. The President of France \
                and the Office of the President were not told.";
    let found = found(text);
    let trump = found.iter().find(|f| f.0 == "Donald Trump").unwrap().2;
    assert!(found.contains(&("President".to_string(), "person".to_string(), trump)));
    let titles: Vec<&str> = found
        .iter()
        .filter(|f| f.0.ends_with("President") || f.0.ends_with("Secretary"))
        .map(|f| f.0.as_str())
        .collect();
    assert_eq!(titles, ["President", "Home Secretary"]);
}

#[test]
fn a_lone_scorer_is_found_and_so_is_the_full_name_before_it() {
    let text = "Belgium attacked with Romelu Lukaku, Yannick Carrasco, and Dries Mertens. \
                In the 69th minute, Romelu Lukaku doubled the lead. Six minutes later, Lukaku \
                scored again after Dries Mertens scored. Visit Lukaku was a chant.";
    assert_eq!(
        found_people(text),
        [
            "Romelu Lukaku",
            "Yannick Carrasco",
            "Dries Mertens",
            "Romelu Lukaku",
            "Lukaku",
            "Dries Mertens",
            "Lukaku"
        ]
    );
    // One word before "scored" at a sentence start or after an article is no player.
    assert!(found_people("Students scored higher. When the Reds scored, fans sang.").is_empty());
}

#[test]
fn korea_alone_and_fifas_korea_republic_are_south_korea() {
    let kb = Kb::embedded().unwrap();
    let text = "Sweden beat Korea Republic 1-0. Korea's coach said the team would recover.";
    let result = scan(&kb, text);
    let names: Vec<(&str, &str)> = result
        .mentions
        .iter()
        .map(|m| {
            (
                &text[m.start..m.end],
                result.entities[m.entity].name.as_str(),
            )
        })
        .filter(|(surface, _)| surface.starts_with("Korea"))
        .collect();
    assert_eq!(
        names,
        [("Korea Republic", "South Korea"), ("Korea", "South Korea")]
    );
}

#[test]
fn an_unknown_name_before_a_possessive_and_a_person_is_their_organisation_everywhere() {
    let found = found(
        "According to RedMonk's Kate Stephens, budgets are tight. Stephens, an analyst at \
         RedMonk, agreed.",
    );
    let orgs: Vec<&str> = found
        .iter()
        .filter(|f| f.1 == "organization")
        .map(|f| f.0.as_str())
        .collect();
    assert_eq!(orgs, ["RedMonk", "RedMonk"]);
}

#[test]
fn major_web_services_are_organisations() {
    let found = found(
        "We asked Google, Bing and Yahoo! first. Yahoo's deal with AOL left Tumblr and \
         Flickr alone.",
    );
    let orgs: Vec<&str> = found
        .iter()
        .filter(|f| f.1 == "organization" && f.2.is_some())
        .map(|f| f.0.as_str())
        .collect();
    assert_eq!(
        orgs,
        ["Google", "Bing", "Yahoo", "Yahoo", "AOL", "Tumblr", "Flickr"]
    );
}

#[test]
fn the_agent_of_a_work_or_a_save_is_a_person() {
    assert_eq!(
        found_people("The shot was saved by Thibaut Courtois. Courtois smiled."),
        ["Thibaut Courtois", "Courtois"]
    );
    assert!(found_people("The islands were settled by Eastern Polynesians.").is_empty());
}

#[test]
fn a_one_word_speaker_after_a_quote_is_a_person_named_again_later() {
    assert_eq!(
        found_people("\"It is good with ramen,\" said Lute. Later Lute laughed."),
        ["Lute", "Lute"]
    );
    assert!(found_people("\"It is fine,\" said C. Eugene Steuerle.").len() <= 1);
    assert!(!found_people("\"It is fine,\" said C. Eugene Steuerle.").contains(&"C".to_string()));
}

#[test]
fn dotted_l_a_is_los_angeles_but_bare_la_is_not() {
    let kb = Kb::embedded().unwrap();
    let text = "The L.A.-based artist moved. LA NACION and ME/LA/African are other things.";
    let result = scan(&kb, text);
    let places: Vec<(&str, &str)> = result
        .mentions
        .iter()
        .map(|m| {
            (
                &text[m.start..m.end],
                result.entities[m.entity].name.as_str(),
            )
        })
        .collect();
    assert_eq!(places, [("L.A.", "Los Angeles")]);
}

#[test]
fn the_plural_of_a_named_persons_surname_is_their_family() {
    assert_eq!(
        found_people("Thomas Sam is a homeopath. The court heard that the Sams refused."),
        ["Thomas Sam", "Sams"]
    );
    // Another capitalised word after it makes a longer name.
    assert_eq!(
        found_people("Thomas Sam shops. He went to the Sams Club store."),
        ["Thomas Sam"]
    );
}

#[test]
fn an_everyday_word_company_is_named_where_it_acts_as_a_business() {
    let companies = |text: &str| linked_of_subtype(text, "company");
    let apple = |n: usize| vec![("Apple".to_string(), "Apple Inc.".to_string()); n];
    // Its verb or its possession says it is the company, and then so does a later capital.
    assert_eq!(companies("Apple declined to comment."), apple(1));
    assert_eq!(
        companies("Shares of Apple fell. Rivals feared that Apple would win."),
        apple(2)
    );
    assert_eq!(companies("He met Apple's chief executive."), apple(1));
    // Without such words the capital alone is no company.
    assert!(companies("The Apple Orchard reopened. An Apple a day.").is_empty());
    assert!(companies("Rivals feared that Apple would win.").is_empty());
    // Nor in a block of capitals, where every word has one.
    assert!(companies("APPLE SAID THE HARVEST WAS GOOD").is_empty());
    // Named as a business, it speaks at a sentence's start too; a word alone does not.
    assert_eq!(
        companies("Apple shares fell 3% on Monday. Apple said it would hire more staff."),
        apple(2)
    );
    assert!(companies("Apple said it would hire more staff.").is_empty());
    // Nor where the article gave the word to a person before.
    let designer = "Fashion designer Tom Ford has spoken. Ford said he would not do it.";
    assert!(companies(designer).is_empty(), "{:?}", companies(designer));
}

#[test]
fn a_title_before_an_unknown_name_is_left_out_but_a_rank_of_nobility_stays() {
    assert_eq!(
        surfaces("Police Chief Pete Arredondo was fired."),
        ["Pete Arredondo"]
    );
    assert_eq!(
        surfaces("Fire Chief Kristin Crowley said it was out."),
        ["Kristin Crowley"]
    );
    assert_eq!(
        surfaces("The Governor-General, Dame Patsy Reddy, spoke."),
        ["Dame Patsy Reddy"]
    );
    // A word that is never a name is no person after a title.
    assert_eq!(surfaces("Moldova's General Staff said."), ["Moldova"]);
}

#[test]
fn a_country_outranks_a_town_of_its_name_however_american_the_article() {
    let kb = Kb::embedded().unwrap();
    let text = "Flights from Miami, Boston and Texas to Jamaica resumed.";
    let jamaica = found(text)
        .into_iter()
        .find(|(s, _, _)| s == "Jamaica")
        .and_then(|(_, _, id)| kb.entity(id?))
        .map(|e| e.subtype.to_string());
    assert_eq!(jamaica.as_deref(), Some("country"));
}

#[test]
fn titles_of_office_are_left_out_of_the_name_they_introduce() {
    // "Chair" had read as a first word of one unknown name, hiding a known person.
    let found = linked_of_subtype(
        "Rates were left alone, and Chair Jerome Powell said inflation was high.",
        "politician",
    );
    assert_eq!(
        found,
        [("Jerome Powell".to_string(), "Jerome Powell".to_string())]
    );
    assert_eq!(
        found_people(
            "Police Commissioner Jane Tisch said the suspect fled, Sheriff Bo Lund added."
        ),
        ["Jane Tisch", "Bo Lund"]
    );
}

#[test]
fn a_club_is_called_by_its_city_or_a_word_where_the_story_is_sport() {
    let clubs = |text: &str| linked_of_subtype(text, "sports_team");
    let club = |s: &str, name: &str| (s.to_string(), name.to_string());
    assert_eq!(
        clubs("On Sunday Everton beat Arsenal. Arsenal manager Mikel Arteta was calm."),
        [
            club("Everton", "Everton F.C."),
            club("Arsenal", "Arsenal F.C."),
            club("Arsenal", "Arsenal F.C.")
        ]
    );
    // After one cue the club's other mentions follow, but "in Liverpool" is the city.
    let text =
        "Liverpool fans sang. Fans of Liverpool travelled home. The match in Liverpool ended.";
    assert_eq!(
        clubs(text),
        [
            club("Liverpool", "Liverpool F.C."),
            club("Liverpool", "Liverpool F.C.")
        ]
    );
    assert_eq!(
        linked_of_subtype(text, "city"),
        [club("Liverpool", "Liverpool")]
    );
    // No cue, no club; a longer name is no club either.
    assert!(clubs("Flights to Liverpool were cancelled. The arsenal was seized.").is_empty());
    assert!(
        clubs("Aston Villa lost. The crowd at Villa Park was silent.")
            .iter()
            .all(|(s, _)| s == "Aston Villa")
    );
}

#[test]
fn a_small_town_needs_a_real_place_cue() {
    let towns = |text: &str| linked_of_subtype(text, "city");
    let town = |s: &str| (s.to_string(), s.to_string());
    // A heading's "to" and "From" are no place cues.
    assert!(towns("Why You Should Not Go to Enterprise Alone").is_empty());
    assert!(towns("Ranking The Seasons, From Holiday To Worst").is_empty());
    assert_eq!(
        towns("She moved to Enterprise last year."),
        [town("Enterprise")]
    );
    // A town named like a person is the person until its state follows it.
    assert!(towns("Bob sent the key to Alice. Alice replied.").is_empty());
    assert_eq!(
        towns("Schools in Alice, Texas, closed. Alice has 18,000 people."),
        [town("Alice"), town("Alice")]
    );
    assert_eq!(
        towns("Flooding hit the centre of Rangiora. Residents in Rangiora left."),
        [town("Rangiora"), town("Rangiora")]
    );
}

#[test]
fn a_party_s_people_say_its_everyday_word_is_the_party() {
    let parties = |text: &str| linked_of_subtype(text, "party");
    let labour = || ("Labour".to_string(), "Labour Party (UK)".to_string());
    // An article about Paris and Berlin is not about Britain, but its MPs are Labour's.
    assert_eq!(
        parties("Labour MPs met officials in Paris and Berlin on Monday."),
        [labour()]
    );
    assert!(parties("Labour costs rose in Paris and Berlin on Monday.").is_empty());
}

#[test]
fn an_everyday_word_company_or_club_is_one_in_a_list_of_its_kind() {
    let companies = |text: &str| surfaces_of_subtype(text, "company");
    assert_eq!(
        companies("Sales to Microsoft, Meta and Alphabet were strong."),
        ["Microsoft", "Meta", "Alphabet"]
    );
    // Another everyday word is no company to go by, nor is a comma without "and".
    assert!(companies("The Meta and Alphabet exhibits opened.").is_empty());
    assert_eq!(
        companies("Speaking to Microsoft, Meta staff said no."),
        ["Microsoft"]
    );
    let clubs = |text: &str| surfaces_of_subtype(text, "sports_team");
    assert_eq!(
        clubs("Arsenal, Chelsea and Manchester United all won."),
        ["Arsenal", "Chelsea", "Manchester United"]
    );
    assert!(clubs("Flights to Liverpool, Manchester and Leeds were cancelled.").is_empty());
}

#[test]
fn an_everyday_word_company_is_one_before_its_business_leader() {
    let companies = |text: &str| surfaces_of_subtype(text, "company");
    assert_eq!(
        companies("The senators heard Alphabet's Sundar Pichai on Tuesday."),
        ["Alphabet"]
    );
    // Not before any other known person, nor before the leader's surname alone.
    assert!(companies("The senators heard Alphabet's Donald Trump.").is_empty());
    assert!(companies("The senators heard Alphabet's Pichai.").is_empty());
}

#[test]
fn a_brand_spelled_with_an_inner_capital_is_a_name() {
    assert_eq!(
        surfaces_of_subtype("Elon Musk's xAI sued on Monday.", "company"),
        ["xAI"]
    );
}

#[test]
fn known_people_say_which_country_an_article_is_about() {
    let court = |text: &str| {
        mention_named(text, "Supreme Court")
            .filter(|(_, _, linked)| *linked)
            .map(|(name, _, _)| name)
    };
    assert_eq!(
        court("Donald Trump, Gavin Newsom and Karen Bass spoke. The Supreme Court ruled.")
            .as_deref(),
        Some("Supreme Court of the United States")
    );
    // The leading country's court, though another country's is better known.
    assert_eq!(
        court(
            "LONDON - Keir Starmer said the Supreme Court ruling stood. Rachel Reeves and \
             Kemi Badenoch spoke in Manchester, Leeds and Birmingham. Donald Trump and Marco \
             Rubio, in Washington, and JD Vance in Ohio welcomed it."
        )
        .as_deref(),
        Some("Supreme Court of the United Kingdom")
    );
    // One person named three times is one person.
    assert_eq!(
        court("Donald Trump spoke. Donald Trump left. Donald Trump returned. The Supreme Court ruled.")
            .as_deref(),
        None
    );
}

#[test]
fn a_family_surname_stays_with_the_article_s_subject() {
    let surname =
        |text: &str| mention_named(text, "Trump").or_else(|| mention_named(text, "Kennedy"));
    let who = |text: &str| surname(text).map(|(name, _, _)| name);
    // Named later, a wife or a child does not take the surname from the president...
    assert_eq!(
        who("Donald Trump spoke. Melania Trump wore a coat. Later Trump said no.").as_deref(),
        Some("Donald Trump")
    );
    // ...nor the other way round, as he is far better known.
    assert_eq!(
        who("Melania Trump wore a coat. Donald Trump spoke. Later Trump said no.").as_deref(),
        Some("Donald Trump")
    );
    // A famous relative the story recalls leaves the surname with its subject.
    assert_eq!(
        who("Robert F. Kennedy Jr. praised his uncle, John F. Kennedy. Later Kennedy said no.")
            .as_deref(),
        Some("Robert F. Kennedy Jr.")
    );
}

#[test]
fn a_saints_church_is_not_the_church() {
    let linked = |text: &str| {
        found(text)
            .into_iter()
            .filter(|(_, _, id)| id.is_some())
            .count()
    };
    assert_eq!(
        linked("Services will be held at St. Mary's Catholic Church."),
        0
    );
    assert_eq!(
        linked("The Catholic Church said the faithful would gather."),
        1
    );
}

#[test]
fn an_oil_grade_is_no_place() {
    assert!(surfaces("Brent crude rose 2% and Dubai crude followed.").is_empty());
    assert_eq!(surfaces("Flights to Dubai resumed."), ["Dubai"]);
}

#[test]
fn a_nickname_in_quotes_stays_inside_the_name() {
    assert_eq!(
        linked_of_subtype(
            "Police said Joaquín \"El Chapo\" Guzmán was moved.",
            "person"
        ),
        [(
            "Joaquín \"El Chapo\" Guzmán".to_string(),
            "Joaquín Guzmán".to_string()
        )]
    );
    // Quotes around a word between names that make no known name change nothing.
    assert!(linked_of_subtype("Police said Anna \"Fixer\" Blom was moved.", "person").is_empty());
}

#[test]
fn a_little_known_namesake_needs_their_country_in_the_article() {
    let linked = |text: &str| mention_named(text, "Mark Chen").is_some_and(|(_, _, kb)| kb);
    assert!(!linked("By Sarah Johnson and Mark Chen, Reuters"));
    assert!(linked(
        "In Taipei, the Taiwanese legislator Mark Chen said no."
    ));
}

#[test]
fn a_name_after_its_article_gives_way_to_a_longer_one() {
    assert_eq!(
        linked_of_subtype(
            "The Guardian Council approved the candidates.",
            "government"
        ),
        [(
            "Guardian Council".to_string(),
            "Guardian Council".to_string()
        )]
    );
    assert_eq!(
        surfaces_of_subtype("The Guardian reported it.", "media"),
        ["Guardian"]
    );
}

#[test]
fn a_state_after_a_town_the_knowledge_base_lacks_is_the_state() {
    let text = "She moved to Kent, Washington, last year.";
    assert_eq!(
        linked_of_subtype(text, "region"),
        [("Washington".to_string(), "Washington".to_string())]
    );
    // ...and the town is the town of that state, not the English county.
    assert_eq!(surfaces_of_subtype(text, "city"), ["Kent"]);
    // A list of capitals is no town and state.
    assert_eq!(
        linked_of_subtype("Leaders met in Paris, Washington and London.", "city").len(),
        3
    );
}

#[test]
fn a_region_or_country_after_a_comma_says_whose_city_it_is() {
    let kb = Kb::embedded().unwrap();
    let country = |text: &str| -> Vec<String> {
        found(text)
            .into_iter()
            .filter_map(|(_, _, id)| kb.entity(id?))
            .filter(|e| e.subtype == "city")
            .map(|e| e.country.to_string())
            .collect()
    };
    assert_eq!(
        country("He grew up in London, Ontario, near the lake."),
        ["CA"]
    );
    assert_eq!(country("He visited Kingston, Ont., on Monday."), ["CA"]);
    assert_eq!(country("She was born in Kingston, Jamaica."), ["JM"]);
    // Without it the best-known city stays.
    assert_eq!(country("He grew up in London."), ["GB"]);
}

#[test]
fn a_place_of_the_country_the_article_is_about_outranks_a_better_known_namesake() {
    let kb = Kb::embedded().unwrap();
    let text = "Lebanese troops deployed in Tripoli after clashes in the northern Lebanese \
                city. The Lebanese army said Beirut would respond.";
    let tripoli: Vec<_> = found(text)
        .into_iter()
        .filter(|(s, _, _)| s == "Tripoli")
        .filter_map(|(_, _, id)| kb.entity(id?))
        .map(|e| e.country.to_string())
        .collect();
    assert_eq!(tripoli, ["LB"]);
    let libya = found("Fighting broke out in Tripoli on Monday.");
    assert_eq!(kb.entity(libya[0].2.unwrap()).unwrap().country, "LY");
}

#[test]
fn a_press_title_after_a_known_name_is_no_new_organisation() {
    let orgs = found_organizations;
    assert_eq!(
        orgs("White House Press Secretary Karoline Leavitt told reporters."),
        ["White House"]
    );
    // A body's own title keeps the body's longer name.
    assert_eq!(
        orgs("Minneapolis Police Chief Brian O'Hara spoke."),
        ["Minneapolis Police"]
    );
}

#[test]
fn a_country_before_a_known_agency_is_no_part_of_its_name() {
    let found = found("The U.S. National Hurricane Center said the storm grew.");
    let surfaces: Vec<_> = found.iter().map(|(s, _, _)| s.as_str()).collect();
    assert_eq!(surfaces, ["U.S.", "National Hurricane Center"]);
    assert!(found[1].2.is_some());
}

#[test]
fn a_known_person_named_with_middle_names_is_that_person() {
    let kb = Kb::embedded().unwrap();
    let found = found("Mr. Rodrigo Roa Duterte appeared before the judges.");
    assert_eq!(found[0].0, "Rodrigo Roa Duterte");
    assert_eq!(
        kb.entity(found[0].2.unwrap()).unwrap().name,
        "Rodrigo Duterte"
    );
}

#[test]
fn a_royal_is_called_by_rank_and_given_name_after_the_full_name() {
    let kb = Kb::embedded().unwrap();
    let named = |text: &str| -> Vec<(String, String)> {
        found(text)
            .into_iter()
            .filter_map(|(s, _, id)| Some((s, kb.entity(id?)?.name.to_string())))
            .collect()
    };
    let text = "Sheikh Abdullah bin Zayed Al Nahyan met the minister. Sheikh Abdullah \
                expressed confidence.";
    let people = named(text);
    assert_eq!(people.len(), 2);
    assert!(people.iter().all(|(_, name)| name == &people[0].1));
    let text = "Prince Faisal bin Farhan met Abbas Araghchi. Prince Faisal said the talks \
                went well.";
    let people = named(text);
    assert_eq!(people[2].0, "Prince Faisal");
    assert_eq!(people[2].1, people[0].1);
}

#[test]
fn an_arabic_surname_with_its_particle_stays_in_the_name() {
    assert_eq!(
        found_people("Ahmed al-Rahawi was killed in a Thursday strike."),
        ["Ahmed al-Rahawi"]
    );
    assert_eq!(
        found_people("The strike was condemned by Abdulrahman al-Khateeb, a local elder."),
        ["Abdulrahman al-Khateeb"]
    );
}

#[test]
fn the_place_before_village_of_says_whose_village_it_is() {
    let kb = Kb::embedded().unwrap();
    let cities = |text: &str| -> Vec<String> {
        found(text)
            .into_iter()
            .filter_map(|(_, _, id)| kb.entity(id?))
            .filter(|e| e.subtype == "city" || e.kind == EntityType::Organization)
            .map(|e| format!("{} {}", &*e.name, e.country))
            .collect()
    };
    // Syria's Douma and Russia's Duma are not the West Bank village.
    assert!(cities("Settlers attacked the northern West Bank village of Duma.").is_empty());
    assert_eq!(
        cities("Fighting spread to the Lebanese town of Tripoli."),
        ["Tripoli LB"]
    );
}

#[test]
fn a_small_town_that_names_an_electoral_district_is_a_place() {
    let places = |text: &str| surfaces_of_subtype(text, "city");
    assert_eq!(
        places("Reform was predicted to win the Caerphilly by-election."),
        ["Caerphilly"]
    );
    assert_eq!(places("He held the Kogarah electorate."), ["Kogarah"]);
}

#[test]
fn a_lesser_region_leaves_its_name_to_women_called_so() {
    let text = "Brittany Jones-Cooper reported from a farm in Brittany.";
    assert_eq!(surfaces_of_subtype(text, "region"), ["Brittany"]);
    assert!(surfaces(text).contains(&"Brittany Jones-Cooper".to_string()));
}

#[test]
fn a_generation_is_no_surname() {
    assert_eq!(
        linked_of_subtype(
            "Health Secretary Robert F. Kennedy Jr. spoke. Kennedy said the panel would meet.",
            "politician"
        )
        .iter()
        .map(|(surface, _)| surface.as_str())
        .collect::<Vec<_>>(),
        ["Robert F. Kennedy Jr", "Kennedy"]
    );
    assert!(
        surfaces("Officer John Smith Jr. was hurt. Smith said he was fine.")
            .contains(&"Smith".to_string())
    );
}

#[test]
fn a_known_name_before_on_and_a_place_is_not_a_longer_name() {
    assert_eq!(
        surfaces("An attack by the Rapid Support Forces on El Fasher failed."),
        ["Rapid Support Forces", "El Fasher"]
    );
    // An unknown name of the kind keeps its tail.
    assert_eq!(
        surfaces("The Council on Foreign Relations said so."),
        ["Council on Foreign Relations"]
    );
}

#[test]
fn a_known_name_with_a_particle_is_read_whole_after_a_rank_and_when_repeated() {
    let text = "Crown Prince Mohammed bin Salman met him. Later Mohammed bin Salman left.";
    assert_eq!(
        surfaces(text),
        ["Mohammed bin Salman", "Mohammed bin Salman"]
    );
    // A rank before an unknown name still makes a person of both.
    assert_eq!(surfaces("Prince Albertus spoke."), ["Prince Albertus"]);
}

#[test]
fn a_spanish_name_is_known_without_the_mother_s_surname() {
    let kb = Kb::embedded().unwrap();
    let linked: Vec<String> = found("Former president Alvaro Uribe was convicted; Uribe appealed.")
        .into_iter()
        .filter_map(|(_, _, id)| Some(kb.entity(id?)?.name.to_string()))
        .collect();
    assert_eq!(linked, ["Alvaro Uribe Velez", "Alvaro Uribe Velez"]);
}

#[test]
fn a_small_town_is_not_the_region_a_word_after_the_name_asks_for() {
    let text = "Artillery hit Surin province overnight. Officials in Bangkok agreed.";
    assert_eq!(surfaces_of_subtype(text, "city"), ["Bangkok"]);
    // A town without the word is still the town.
    assert_eq!(
        linked_of_subtype("She moved to Surin last year.", "city"),
        [("Surin".to_string(), "Surin".to_string())]
    );
}

#[test]
fn a_word_in_capitals_mid_sentence_is_initials_not_a_place() {
    assert!(linked_of_subtype("Articles with NARA identifiers were moved.", "city").is_empty());
    // A dateline opens its line in capitals.
    assert_eq!(
        linked_of_subtype("KYIV, Ukraine - Drones struck overnight.", "city"),
        [("KYIV".to_string(), "Kyiv".to_string())]
    );
}

#[test]
fn a_name_goes_on_across_an_elided_particle() {
    assert_eq!(
        surfaces("Patrizia d'Ettorre said the ants were clever."),
        ["Patrizia d'Ettorre"]
    );
}

#[test]
fn words_of_a_longer_title_are_no_names() {
    // "Prime" between "Deputy" and "Minister" is part of the title.
    let text = "Power was cut in Kyiv, said Deputy Prime Minister Oleksiy Kuleba. The plan was \
                backed by Deputy Foreign Minister Kazem Gharibabadi.";
    let names = surfaces(text);
    assert!(
        !names.iter().any(|s| s == "Prime" || s == "Foreign"),
        "{names:?}"
    );
    // A country that is also a given name, before its office, stays the country, and so do
    // its later mentions.
    let text = "Israel Prime Minister Benjamin Netanyahu's office said so. Israel later fired \
                missiles. Jordan Foreign Minister Ayman Safadi said talks would continue.";
    let found = found(text);
    let kinds: Vec<_> = found
        .iter()
        .filter(|(s, _, _)| s.starts_with("Israel") || s.starts_with("Jordan"))
        .map(|(s, kind, _)| (s.as_str(), kind.as_str()))
        .collect();
    assert_eq!(
        kinds,
        [
            ("Israel", "place"),
            ("Israel", "place"),
            ("Jordan", "place")
        ]
    );
}

#[test]
fn a_compass_word_before_a_known_place_is_no_given_name() {
    let text = "Officials in West Texas said the storm hit. Later, Governor Greg Abbott said \
                Texas would help.";
    assert_eq!(found_people(text), ["Greg Abbott"]);
}

#[test]
fn a_countrys_name_before_a_ministry_says_whose_it_is() {
    let kb = Kb::embedded().unwrap();
    let countries = |text: &str| -> Vec<String> {
        found(text)
            .into_iter()
            .filter(|(s, _, _)| s.contains("Ministry"))
            .map(|(_, _, id)| {
                id.and_then(|id| kb.entity(id))
                    .map_or(String::new(), |e| e.country.to_string())
            })
            .collect()
    };
    // The Chinese ministry named first does not take Japan's or Russia's later on.
    let text = "A spokesperson of the Chinese Foreign Ministry said Beijing would respond. \
                Japan's Foreign Ministry summoned the ambassador in Tokyo. The Chinese Defence \
                Ministry and Russia's Defence Ministry held drills.";
    assert_eq!(countries(text), ["CN", "JP", "CN", "RU"]);
}

#[test]
fn a_body_named_before_gives_its_part_the_full_name() {
    let names = |text: &str| -> Vec<(String, String)> {
        linked_of_subtype(text, "intergovernmental")
            .into_iter()
            .chain(linked_of_subtype(text, "sports_team"))
            .collect()
    };
    let un = "The United Nations said aid was blocked. The envoy cited the Security Council \
              resolution.";
    assert!(
        names(un).contains(&(
            "Security Council".to_string(),
            "United Nations Security Council".to_string()
        )),
        "{:?}",
        names(un)
    );
    // Without the United Nations named, the words alone are no name.
    assert!(names("The envoy cited the Security Council resolution.").is_empty());
    // Another body's longer name is its own.
    let state = "The United Nations met. The Georgia General Assembly passed the bill.";
    assert!(!names(state).iter().any(|(s, _)| s == "General Assembly"));
    // A club by its nickname, after its city.
    let club = "Fans in Houston and Dallas cheered as the Cowboys won. Like many Texans, \
                they were happy.";
    assert_eq!(
        names(club),
        [("Cowboys".to_string(), "Dallas Cowboys".to_string())]
    );
}

#[test]
fn a_place_named_twice_across_a_comma_is_one_name() {
    assert_eq!(
        surfaces("Trump's board convened in Washington, D.C. on Thursday."),
        ["Trump", "Washington, D.C."]
    );
    // Two places stay two.
    assert_eq!(
        surfaces("She flew to Paris, France, on Monday."),
        ["Paris", "France"]
    );
}

#[test]
fn a_legal_form_after_a_company_says_it_is_the_company() {
    let text = "The government took a stake in Intel Corp., giving it shares. Work on Equinor \
                ASA's wind farm was halted.";
    assert_eq!(
        linked_of_subtype(text, "company")
            .into_iter()
            .map(|(s, _)| s)
            .collect::<Vec<_>>(),
        ["Intel", "Equinor"]
    );
}

#[test]
fn a_known_acronym_in_brackets_names_the_organisation_before_it() {
    let text = "Lars Klingbeil, head of the Social Democratic Party (SPD), said the coalition \
                would hold.";
    let parties = linked_of_subtype(text, "party");
    assert_eq!(parties.len(), 2, "{parties:?}");
    assert!(parties.iter().all(|(_, name)| name == &parties[1].1));
    // A bracketed agency credit shares no word with the name before it.
    let credit = "The Health Ministry (AP) said three people died.";
    assert!(!found(credit)
        .iter()
        .any(|(s, _, id)| s == "Health Ministry" && id.is_some()));
}

#[test]
fn an_arabic_article_in_lowercase_still_opens_a_known_name() {
    let text = "The RSF launched fresh attacks on el-Fasher in North Darfur.";
    assert!(surfaces_of_subtype(text, "city").contains(&"el-Fasher".to_string()));
}

#[test]
fn unknown_people_in_apposition_to_a_role() {
    // A role noun of public life, with or without an article, after the comma.
    assert_eq!(
        found_people("Dorota Loboda, a lawmaker, spoke in Warsaw."),
        ["Dorota Loboda"]
    );
    assert_eq!(
        found_people("Kenji Watanuki, vice minister for foreign affairs, summoned the envoy."),
        ["Kenji Watanuki"]
    );
    // An Arabic article joins the surname.
    assert_eq!(
        found_people(
            "Contrarily, Amr al-Bidh, head of the council in Mukalla, rejected the claim."
        ),
        ["Amr al-Bidh"]
    );
}

#[test]
fn chief_executive_is_one_title_before_a_name() {
    let text = "Volkswagen Chief Executive Oliver Blume said tariffs hurt. Chief Economist Jane \
                Doerr said rates would fall.";
    let people: Vec<_> = found(text)
        .into_iter()
        .filter(|(_, kind, _)| kind == "person")
        .map(|(s, _, id)| (s, id.is_some()))
        .collect();
    assert_eq!(
        people,
        [
            ("Oliver Blume".to_string(), true),
            ("Jane Doerr".to_string(), false)
        ]
    );
}

#[test]
fn a_partys_short_name_goes_to_the_party_of_the_articles_country() {
    let parties = |text: &str| -> Vec<String> {
        linked_of_subtype(text, "party")
            .into_iter()
            .map(|(_, name)| name)
            .collect()
    };
    let canada = "Conservative Party Leader Pierre Poilievre faced Prime Minister Mark Carney in \
                  Ottawa. The Liberals leaned on the Conservatives in Toronto and Montreal.";
    assert_eq!(
        parties(canada),
        [
            "Conservative Party of Canada",
            "Liberal Party of Canada",
            "Conservative Party of Canada"
        ]
    );
    let australia = "Sussan Ley puts the Liberal Party in listening mode. The Liberals met voters \
                     in Sydney and Melbourne.";
    assert_eq!(
        parties(australia),
        ["Liberal Party of Australia", "Liberal Party of Australia"]
    );
}

#[test]
fn a_small_town_named_as_a_town_is_a_place() {
    let text = "The faction in Ethiopia seized the northern town of Adigrat. Drones targeted \
                Atbara, a city north of the capital of Sudan.";
    assert_eq!(surfaces_of_subtype(text, "city"), ["Adigrat", "Atbara"]);
    // Without the words, a small town stays unhighlighted.
    assert!(surfaces_of_subtype("Drones targeted Atbara on Friday.", "city").is_empty());
}

#[test]
fn a_lone_name_before_the_full_one_is_the_same_person() {
    let text = "Asean summit completes the family, says Anwar\n\nMalaysian Prime Minister Anwar \
                Ibrahim opened the meeting in Kuala Lumpur. Anwar said the bloc was united.";
    let result = scan(&Kb::embedded().unwrap(), text);
    let people: Vec<_> = result
        .mentions
        .iter()
        .filter(|m| result.entities[m.entity].kind == EntityType::Person)
        .map(|m| m.entity)
        .collect();
    assert_eq!(people.len(), 3);
    assert!(people.iter().all(|&e| e == people[0]));
    assert_eq!(result.entities[people[0]].mention_count, 3);
    assert!(result.entities[people[0]].kb.is_some());
    // Every mention points at an entity that exists.
    assert!(result
        .mentions
        .iter()
        .all(|m| m.entity < result.entities.len()));
}

#[test]
fn laws_and_treaties_are_no_actors() {
    let text = "The first fines under the Digital Markets Act (DMA) were announced. Under the \
                Digital Services Act, platforms must act. The General Data Protection Regulation \
                also applies. The DMA applies in Brussels.";
    assert_eq!(surfaces(text), ["Brussels"]);
    // A city names the agreement made there.
    let text = "Before the Oslo accords, the Minsk agreements and the Paris climate targets, \
                they met in Doha.";
    assert_eq!(surfaces(text), ["Doha"]);
    // Nor are plans, rulings and times defined by their acronyms.
    let text = "The Joint Comprehensive Plan of Action (JCPOA) collapsed; JCPOA talks stalled. \
                The court gives its Advisory Opinion (AO) at 3pm Central European Summer Time \
                (CEST) in The Hague.";
    assert_eq!(surfaces(text), ["The Hague"]);
}

#[test]
fn ships_dishes_indices_and_shared_compass_words_are_no_actors_or_sites() {
    // A warship is named after a person, but is none.
    let ships = "Warships, including the USS Gerald R. Ford, crossed the Caribbean. The USS \
                 Abraham Lincoln left San Diego.";
    assert_eq!(surfaces(ships), ["Caribbean", "San Diego"]);
    // Dishes named after places.
    let dishes = "She served a beef Wellington lunch, Brussels sprouts and a Boston cream pie.";
    assert!(surfaces(dishes).is_empty(), "{:?}", surfaces(dishes));
    // A newspaper's index.
    let index = "Japan's Nikkei share average ended higher in Tokyo. The Nikkei rose 1.12%.";
    assert_eq!(surfaces(index), ["Japan", "Tokyo"]);
    // "Central" shares "America" with "South".
    let compass = "The command oversees activities in Central and South America.";
    assert_eq!(surfaces(compass), ["South America"]);
}

#[test]
fn surnames_that_are_titles_or_hold_particles_make_whole_names() {
    assert_eq!(
        found_people("Gayle King said on Monday that she was fine. Harold Bishop said no."),
        ["Gayle King", "Harold Bishop"]
    );
    // A title before another name stays a title.
    assert!(
        !found_people("Jordan King Abdullah met envoys in Amman.").contains(&"Jordan King".into())
    );
    assert_eq!(
        found_people("Negotiator Pedro dos Santos Pereira said no."),
        ["Pedro dos Santos Pereira"]
    );
}

#[test]
fn a_party_s_possessions_and_a_reports_credit_say_which_body_it_is() {
    let uk = "Labour's fortunes have fallen since the election, owing to unpopular policies of \
              the UK Government in London and Manchester.";
    assert_eq!(
        linked_of_subtype(uk, "party"),
        [("Labour".to_string(), "Labour Party (UK)".to_string())]
    );
    let credit = "Eleven soldiers were killed in Pakistan, the military said, reported PTI.";
    assert_eq!(surfaces_of_subtype(credit, "media"), ["PTI"]);
}

#[test]
fn a_sitting_leader_is_known_by_the_surname_alone() {
    let text = "Fico said on Monday that Slovakia would veto the plan. Vucic dismissed the claims.";
    let people: Vec<_> = found(text)
        .into_iter()
        .filter(|(_, kind, id)| kind == "person" && id.is_some())
        .map(|(s, _, _)| s)
        .collect();
    assert_eq!(people, ["Fico", "Vucic"]);
    // A leader's surname that is also a word stays a word until the name is introduced.
    assert!(found("Visit the Store for gifts.").is_empty());
}

#[test]
fn in_a_match_report_a_city_is_its_club() {
    let report = "Arsenal's threat was not to be underestimated, having remained unbeaten in six \
                  league games. The match began with Arsenal's compact shape, and the hosts were \
                  frustrated. Noni Madueke caused problems for Liverpool's defense. The striker \
                  scored, but the goal was offside. The visitors held on after half-time.";
    let clubs = surfaces_of_subtype(report, "sports_team");
    assert_eq!(clubs, ["Arsenal", "Arsenal", "Liverpool"]);
    // Outside one, the city.
    let trip = "Arsenal fans travelled to Liverpool by train on Friday.";
    assert!(surfaces_of_subtype(trip, "city").contains(&"Liverpool".to_string()));
}

#[test]
fn another_countrys_office_before_a_name_makes_a_namesake() {
    let text = "Colombia's Defense Minister Pedro Sanchez said the army would respond in Bogota.";
    let people: Vec<_> = found(text)
        .into_iter()
        .filter(|(_, kind, _)| kind == "person")
        .collect();
    assert_eq!(people.len(), 1);
    assert_eq!(people[0].2, None, "{people:?}");
    let spain = "Spain's Prime Minister Pedro Sanchez met farmers in Madrid.";
    assert!(found(spain)
        .iter()
        .any(|(s, _, id)| s == "Pedro Sanchez" && id.is_some()));
}

#[test]
fn another_countrys_possessive_keeps_a_party_from_a_namesake() {
    let text = "Peru's Republican Party won the vote in Lima.";
    assert!(linked_of_subtype(text, "party").is_empty());
    let us = "Voters in Ohio, Texas and Virginia backed the Republican Party.";
    assert_eq!(linked_of_subtype(us, "party").len(), 1);
}

/// The knowledge-base name linked at each mention of `surface`, in order.
fn linked_names(text: &str, surface: &str) -> Vec<Option<String>> {
    let kb = Kb::embedded().unwrap();
    found(text)
        .into_iter()
        .filter(|(s, _, _)| s == surface)
        .map(|(_, _, id)| id.and_then(|id| kb.entity(id)).map(|e| e.name.to_string()))
        .collect()
}

#[test]
fn a_multi_word_or_continental_qualifier_keeps_the_office_holder() {
    let cases = [
        (
            "South African President Cyril Ramaphosa spoke in Pretoria.",
            "Cyril Ramaphosa",
        ),
        (
            "South Sudan's President Salva Kiir met envoys in Juba.",
            "Salva Kiir",
        ),
        (
            "European Commission President Ursula von der Leyen arrived.",
            "Ursula von der Leyen",
        ),
    ];
    for (text, person) in cases {
        let names = linked_names(text, person);
        assert!(matches!(names.as_slice(), [Some(_)]), "{text}: {names:?}");
    }
    // The whole country name still tells a namesake apart.
    let sudan = "Sudan's Foreign Minister Salva Kiir said nothing.";
    assert_eq!(linked_names(sudan, "Salva Kiir"), [None]);
}

#[test]
fn a_plus_sign_names_the_wider_group() {
    let text = "OPEC+ agreed to raise output. OPEC said its members agreed.";
    let kb = Kb::embedded().unwrap();
    let names: Vec<_> = found(text)
        .into_iter()
        .map(|(s, _, id)| (s, kb.entity(id.unwrap()).unwrap().name.to_string()))
        .collect();
    assert_eq!(names[0], ("OPEC+".to_string(), "OPEC+".to_string()));
    assert_eq!(names[1].0, "OPEC");
    assert_ne!(names[1].1, "OPEC+");
}

#[test]
fn letters_demonyms_compounds_and_firms_are_no_people() {
    let text = "The Gen Z protests spread. He is new in Sri Lankan politics. Its Hong \
                Kong-listed shares fell. Fitch Ratings said the outlook was stable.";
    assert_eq!(found_people(text), Vec::<String>::new());
    assert!(surfaces(text).contains(&"Hong Kong".to_string()));
}

#[test]
fn a_generic_body_name_is_the_article_countrys_or_no_ones() {
    let manila = "MANILA, Philippines (AP) — Senators in Manila and Quezon City testified \
                  during a House of Representatives inquiry. In Cebu and Davao, officials \
                  agreed. The House of Representatives impeached her.";
    let kb = Kb::embedded().unwrap();
    let bodies: Vec<String> = found(manila)
        .into_iter()
        .filter_map(|(_, _, id)| Some(kb.entity(id?)?.name.to_string()))
        .collect();
    assert!(!bodies.iter().any(|n| n.contains("House")), "{bodies:?}");
    let texas = "The Texas House of Representatives met in Austin. Senate Republicans in \
                 Washington blocked it, and House Democrats from Ohio and Virginia objected.";
    let us_house = "United States House of Representatives";
    assert_ne!(
        linked_names(texas, "House of Representatives"),
        [Some(us_house.to_string())]
    );
    assert_eq!(linked_names(texas, "House"), [Some(us_house.to_string())]);
    assert_eq!(linked_names(texas, "Republicans").len(), 1);
    let seoul = "SEOUL, South Korea — Lee, of the liberal Democratic Party, won in Seoul, \
                 Busan and Incheon.";
    assert_eq!(
        linked_names(seoul, "Democratic Party"),
        [Some("Democratic Party of Korea".to_string())]
    );
    // A word before the chamber's that is no place names another house.
    assert!(linked_names(
        "Freedom House ranked the press in Ohio, Texas and Utah.",
        "House"
    )
    .iter()
    .all(Option::is_none));
}

#[test]
fn the_white_house_acts_as_an_office_and_stands_as_a_building() {
    let kb = Kb::embedded().unwrap();
    let subtypes = |text: &str| -> Vec<String> {
        found(text)
            .into_iter()
            .filter(|(s, _, _)| s == "White House")
            .map(|(_, _, id)| kb.entity(id.unwrap()).unwrap().subtype.to_string())
            .collect()
    };
    assert_eq!(
        subtypes("The White House said it would veto the bill."),
        ["government"]
    );
    assert_eq!(
        subtypes("White House spokeswoman Abigail Jackson declined to comment."),
        ["government"]
    );
    assert_eq!(
        subtypes("Protesters gathered outside the White House on Monday."),
        ["landmark"]
    );
    assert_eq!(
        subtypes("Want to bring it to the White House?"),
        ["landmark"]
    );
    assert_eq!(
        subtypes("According to the White House, talks went well."),
        ["government"]
    );
}

#[test]
fn a_region_written_with_its_kind_is_the_region() {
    let regions = |text: &str| surfaces_of_subtype(text, "region");
    assert_eq!(
        regions("Gunmen attacked camps in Sokoto state near the border."),
        ["Sokoto state"]
    );
    assert_eq!(
        regions("Russian drones hit the Kharkiv region overnight."),
        ["Kharkiv region"]
    );
    // A country's name with "state" is that country's state, not a Nigerian one.
    assert!(regions("Niger state media reported the coup.").is_empty());
}

#[test]
fn a_plural_kind_after_a_list_of_names_makes_each_a_region() {
    let regions = |text: &str| linked_of_subtype(text, "region");
    assert_eq!(
        regions("Drones struck the Zhytomyr and Kharkiv regions overnight."),
        [
            ("Zhytomyr".to_string(), "Zhytomyr Oblast".to_string()),
            ("Kharkiv".to_string(), "Kharkiv Oblast".to_string())
        ]
    );
    assert_eq!(
        surfaces_of_subtype("Gunmen raided Kano, Kaduna and Sokoto states.", "region"),
        ["Kano", "Kaduna", "Sokoto"]
    );
    assert_eq!(
        surfaces_of_subtype("Troops pushed into the region of Kursk.", "region"),
        ["Kursk"]
    );
    // Without the kind the cities stay cities.
    assert!(
        surfaces_of_subtype("Drones struck Zhytomyr and Kharkiv overnight.", "region").is_empty()
    );
    // A sentence between the name and the word breaks the list.
    assert!(surfaces_of_subtype("He lives in Kharkiv. States differ.", "region").is_empty());
}

#[test]
fn a_given_name_that_names_a_country_stays_the_country() {
    let text = "Defense Minister Israel Katz said the strikes would go on. Katz added that \
                Israel was ready. Sirens sounded across Israel.";
    let kinds: Vec<_> = found(text)
        .into_iter()
        .map(|(s, kind, _)| (s, kind))
        .collect();
    assert_eq!(
        kinds,
        [
            ("Israel Katz".to_string(), "person".to_string()),
            ("Katz".to_string(), "person".to_string()),
            ("Israel".to_string(), "place".to_string()),
            ("Israel".to_string(), "place".to_string())
        ]
    );
}

#[test]
fn a_word_between_a_title_and_a_role_qualifies_the_role() {
    let text = "Chief Kremlin spokesman Dmitry Peskov said so. Deputy Hezbollah chief Naim \
                Qassem agreed. Moves by major Western countries failed.";
    let found = found(text);
    let kinds: Vec<_> = found
        .iter()
        .map(|(s, kind, _)| (s.as_str(), kind.as_str()))
        .collect();
    assert_eq!(
        kinds,
        [
            ("Kremlin", "organization"),
            ("Dmitry Peskov", "person"),
            ("Hezbollah", "organization"),
            ("Naim Qassem", "person")
        ]
    );
    // A rank before a name alone still makes a person.
    assert_eq!(
        found_people("They fought the pirate general Ridley."),
        ["Ridley"]
    );
}

#[test]
fn irish_and_australian_offices_are_titles() {
    assert_eq!(
        found_people("Taoiseach Micheál Martin said the plan was good."),
        ["Micheál Martin"]
    );
    assert_eq!(
        found_people("Treasurer Jim Chalmers said the budget was fine."),
        ["Jim Chalmers"]
    );
}

#[test]
fn a_newspaper_is_written_in_and_leaked_to() {
    let media = |text: &str| surfaces_of_subtype(text, "media");
    assert_eq!(
        media("Writing in the Guardian, she said it failed."),
        ["Guardian"]
    );
    assert_eq!(media("The memo was leaked to the Guardian."), ["Guardian"]);
    assert_eq!(
        media("He gave an interview with the Guardian."),
        ["Guardian"]
    );
    // Without such words the everyday word stays a word.
    assert!(media("He spoke to the guardian of the child.").is_empty());
    assert!(media("She is writing in the garden.").is_empty());
}

#[test]
fn a_name_that_begins_with_its_article_ends_where_the_capitals_do() {
    let media = |text: &str| surfaces_of_subtype(text, "media");
    assert!(
        media("The Independent Commission Against Corruption (ICAC) will investigate.").is_empty()
    );
    assert_eq!(
        media("He told The Independent Monday it was over."),
        ["Independent"]
    );
    assert_eq!(
        media("Shares of The New York Times Company rose."),
        ["New York Times"]
    );
}

#[test]
fn a_legislator_of_a_state_is_the_states() {
    let text = "Sen. Patty Murray of Washington and Rep. Tom Suozzi of New York voted no.";
    assert_eq!(
        surfaces_of_subtype(text, "region"),
        ["Washington", "New York"]
    );
    // Elsewhere the city stays the default.
    assert!(surfaces_of_subtype("He flew to Washington on Monday.", "region").is_empty());
}

#[test]
fn laws_papers_and_member_bodies_are_no_people_or_countries() {
    let text = "The One Big Beautiful Bill Act passed. According to El Economista, the \
                minister left. The Democratic Socialists of America met. One General \
                Services Administration employee quit.";
    assert_eq!(found_people(text), Vec::<String>::new());
    assert!(surfaces_of_subtype(text, "country").is_empty());
    // A month after a title is a given name.
    assert_eq!(
        found_people("U.S. District Judge April Perry ruled on Friday."),
        ["April Perry"]
    );
}

#[test]
fn rivals_and_what_a_company_owns_say_it_is_one() {
    let companies = |text: &str| surfaces_of_subtype(text, "company");
    assert_eq!(
        companies("BP lagged all its major rivals, including Shell."),
        ["BP", "Shell"]
    );
    assert_eq!(companies("Amazon's cloud unit grew."), ["Amazon"]);
    assert_eq!(
        companies("The billionaire Oracle co-founder spoke."),
        ["Oracle"]
    );
}

#[test]
fn a_sea_word_before_peoples_is_no_sea() {
    let text = "Berlin backed our Baltic allies. Ships sailed in the Baltic.";
    assert_eq!(surfaces_of_subtype(text, "waterway"), ["Baltic"]);
    assert_eq!(
        found(text).iter().filter(|(s, _, _)| s == "Baltic").count(),
        1
    );
}

#[test]
fn an_acronym_in_brackets_belongs_to_the_name_before_it() {
    let rsf = "Reporters Without Borders (RSF) said it filed a claim.";
    assert!(linked_of_subtype(rsf, "armed_group").is_empty());
    let sbu = "The Ukrainian Security Service (SBU) reported an arrest. The SBU said more.";
    assert_eq!(surfaces_of_subtype(sbu, "intelligence").len(), 3);
}

#[test]
fn a_list_of_places_carries_its_small_towns() {
    let text = "Key cities — Sloviansk, Kramatorsk, Druzhkivka and Kostiantynivka — are held.";
    assert_eq!(
        surfaces_of_subtype(text, "city"),
        ["Sloviansk", "Kramatorsk", "Druzhkivka", "Kostiantynivka"]
    );
    // Alone, a small town needs a word saying it is a place.
    assert!(surfaces_of_subtype("Kramatorsk was shelled.", "city").is_empty());
}

#[test]
fn a_platform_after_on_and_a_company_named_in_full_speak_at_a_sentence_start() {
    let telegram = "Governor Oleh Hryhorov said on Telegram that two people died.";
    assert_eq!(surfaces_of_subtype(telegram, "company"), ["Telegram"]);
    let lilly = "Eli Lilly cut prices. Lilly said sales rose.";
    assert_eq!(
        surfaces_of_subtype(lilly, "company"),
        ["Eli Lilly", "Lilly"]
    );
}

#[test]
fn that_before_a_surname_of_a_person_named_in_full_is_that_person() {
    let text = "Health Secretary Robert F. Kennedy Jr. spoke. A critic remarked that Kennedy \
                might leverage his position.";
    let kb = Kb::embedded().unwrap();
    let kennedys: Vec<_> = found(text)
        .into_iter()
        .filter(|(s, _, _)| s == "Kennedy")
        .map(|(_, kind, id)| (kind, id.map(|id| kb.entity(id).unwrap().name.to_string())))
        .collect();
    assert_eq!(
        kennedys,
        [(
            "person".to_string(),
            Some("Robert F. Kennedy Jr.".to_string())
        )]
    );
}

#[test]
fn a_country_before_a_trade_word_names_a_company() {
    let text = "The shares of China Mobile and of Korea Zinc rose on the news.";
    assert!(surfaces_of_subtype(text, "country").is_empty());
    let orgs: Vec<_> = found(text)
        .into_iter()
        .filter(|(_, kind, _)| kind == "organization")
        .map(|(s, _, _)| s)
        .collect();
    assert_eq!(orgs, ["China Mobile", "Korea Zinc"]);
    // An office of the country stays the country's.
    let office = "The U.S. Energy Secretary spoke in Texas.";
    assert_eq!(surfaces_of_subtype(office, "country"), ["U.S."]);
}

#[test]
fn two_known_names_joined_by_and_stay_two() {
    let text = "The United States and European Union struck a deal. Bank of America and Wells \
                Fargo reported profits.";
    assert_eq!(
        surfaces(text),
        [
            "United States",
            "European Union",
            "Bank of America",
            "Wells Fargo"
        ]
    );
}

#[test]
fn appointments_plural_titles_and_party_qualifiers_say_who_is_a_person() {
    assert_eq!(
        found_people("Karki appointed Kulman Ghising as Minister of Energy."),
        ["Karki", "Kulman Ghising"]
    );
    assert_eq!(
        found_people("After a recount, Hajiji Noor was sworn in as chief minister."),
        ["Hajiji Noor"]
    );
    assert_eq!(
        found_people("The Nepali Congress, headed by Gagan Thapa, came second."),
        ["Gagan Thapa"]
    );
    assert_eq!(
        found_people("Senators Jinggoy Estrada and Joel Villanueva each received money."),
        ["Jinggoy Estrada", "Joel Villanueva"]
    );
    let parties =
        "The Lok Janshakti Party (Ram Vilas) won seats. Kishor's Jan Suraaj party failed.";
    assert_eq!(found_people(parties), Vec::<String>::new());
}

#[test]
fn datelines_states_and_directions_say_a_small_city_is_a_place() {
    let cities = |text: &str| surfaces_of_subtype(text, "city");
    assert_eq!(cities("TOPEKA, Kan. (AP) — Officials met."), ["TOPEKA"]);
    assert_eq!(
        cities("Agents raided a reservation south of Topeka."),
        ["Topeka"]
    );
    assert_eq!(
        cities("Innisfil, Ontario, decided to subsidize rides."),
        ["Innisfil"]
    );
    // Without such words a small city's name is not enough.
    assert!(cities("Topeka said nothing.").is_empty());
}

#[test]
fn a_surname_that_names_a_country_is_the_person_only_with_a_persons_words() {
    let text = "Madhav Kumar Nepal spoke. Narendra Modi congratulated Nepal on the vote. Nepal \
                said he was grateful.";
    let kinds: Vec<_> = found(text)
        .into_iter()
        .filter(|(s, _, _)| s == "Nepal")
        .map(|(_, kind, _)| kind)
        .collect();
    assert_eq!(kinds, ["place", "person"]);
    // A movement named for its leader's family: the word before a noun is the movement.
    let text = "Houthi leader Abdul-Malik al-Houthi spoke. Senior Houthi officials met. \
                Houthi said he would fight on.";
    let kinds: Vec<_> = found(text)
        .into_iter()
        .filter(|(s, _, _)| s == "Houthi")
        .map(|(_, kind, _)| kind)
        .collect();
    assert_eq!(kinds, ["organization", "organization", "person"]);
}

#[test]
fn a_quoted_nickname_stays_inside_the_name() {
    let text = "Tribal Chairman Joseph “Zeke” Rupnick said the tribe objected. Later Rupnick \
                said more.";
    assert_eq!(found_people(text), ["Joseph “Zeke” Rupnick", "Rupnick"]);
    // A quoted title on the next line is no nickname.
    let lines = "Actress Zoë Kravitz\n'Empire' Season 2 starts.";
    assert_eq!(found_people(lines), ["Zoë Kravitz"]);
}

#[test]
fn outlets_named_by_what_they_are_and_grades_and_firms_named_for_places() {
    let orgs = found_organizations;
    assert_eq!(
        orgs("The Dutch newspaper De Telegraaf reported the plan."),
        ["De Telegraaf"]
    );
    assert!(orgs("He read it on the website I use every Monday.").is_empty());
    // A grade of oil is no actor, and neither is its acronym.
    assert!(surfaces("West Texas Intermediate (WTI) settled at $67, and WTI fell.").is_empty());
    // A place's name before a legal form is a company's.
    assert!(surfaces_of_subtype("Mill Creek LLC bought the land.", "city").is_empty());
}

#[test]
fn a_place_the_knowledge_base_lacks_is_found_by_its_kind() {
    let places = |text: &str| -> Vec<String> {
        found(text)
            .into_iter()
            .filter(|(_, kind, id)| kind == "place" && id.is_none())
            .map(|(s, _, _)| s)
            .collect()
    };
    assert_eq!(
        places("Drones fell near the Polish city of Czosnowka and on the island of Gotland."),
        ["Czosnowka", "Gotland"]
    );
    assert_eq!(
        places("Flood control in Bulacan province was probed."),
        ["Bulacan province"]
    );
    // A software port or a state machine's state is no place.
    assert!(places("They shipped the port of Linux. It moved to the Enqueued state.").is_empty());
}

#[test]
fn a_place_word_before_a_name_and_a_base_named_after_its_kind_are_found_places() {
    assert_eq!(
        found_places("Two soldiers at Fort Stewart and a sailor at Camp Pendleton were hurt."),
        ["Fort Stewart", "Camp Pendleton"]
    );
    assert_eq!(
        found_places("The boat sank in Lake Winnipesaukee as hikers climbed Mount Bierstadt."),
        ["Lake Winnipesaukee", "Mount Bierstadt"]
    );
    assert_eq!(
        found_places("He landed at Joint Base Andrews, then flew to Joint Base Lewis-McChord."),
        ["Joint Base Andrews", "Joint Base Lewis-McChord"]
    );
    assert_eq!(
        found_places("Marines at Marine Corps Base Quantico trained."),
        ["Marine Corps Base Quantico"]
    );
    // At a sentence's start, or before a longer capitalised run, the word is no cue.
    assert!(
        found_places("Point Hope Village Council met. Camp Lejeune Water Act claims.").is_empty()
    );
}

#[test]
fn local_offices_and_ranks_are_titles_and_a_generation_is_no_person() {
    assert_eq!(
        found_people("The plan, said Ald. Brendan Reilly, passed."),
        ["Brendan Reilly"]
    );
    assert_eq!(
        found_people("Councilmember Eunisses Hernandez said it was wrong."),
        ["Eunisses Hernandez"]
    );
    assert_eq!(
        found_people("Senate President Pro Tem Rodric Bray spoke."),
        ["Rodric Bray"]
    );
    assert_eq!(
        found_people("Commodore Jay Tarriela said the ships left."),
        ["Jay Tarriela"]
    );
    assert!(found_people("A group calling itself Gen Z Madagascar emerged online.").is_empty());
    assert!(found_people("They face an alliance in the 2027 General Election.").is_empty());
    // Spaced, "at" is a preposition, not the Arabic article ("as-Sisi").
    assert_eq!(
        found_people("Kim will join Russian President Vladimir Putin at Beijing's parade."),
        ["Vladimir Putin"]
    );
}

#[test]
fn a_states_chamber_or_court_is_not_the_nations() {
    let federal = |text: &str| {
        linked_of_subtype(text, "government")
            .into_iter()
            .filter(|(_, name)| name.contains("United States"))
            .map(|(s, _)| s)
            .collect::<Vec<_>>()
    };
    let us = "President Donald Trump spoke in Washington and Ohio. ";
    assert_eq!(
        federal(&format!("{us}Half of the Senate is up for reelection.")),
        ["Senate"]
    );
    assert!(federal(&format!(
        "{us}Half of the state Senate is up for reelection."
    ))
    .is_empty());
    assert!(federal(&format!("{us}Indiana's House passed the map.")).is_empty());
    assert!(federal(&format!(
        "{us}Majorities in the House of Delegates shifted."
    ))
    .is_empty());
    assert!(federal(&format!(
        "{us}The state Supreme Court ruled on the ballots."
    ))
    .is_empty());
}

#[test]
fn a_county_is_a_place_before_a_title_and_after_a_city_name() {
    assert_eq!(
        found_places("Dauphin County District Attorney Fran Chardo spoke."),
        ["Dauphin County"]
    );
    assert_eq!(
        found_places("A judge in Shasta County ruled. Utah County Attorney Jeff Gray said."),
        ["Shasta County", "Utah County"]
    );
}

#[test]
fn a_body_or_region_hyphened_to_another_known_name_is_found() {
    assert_eq!(
        surfaces("He wrote about the Israel-Hamas war and the Hezbollah-Israel truce."),
        ["Israel", "Hamas", "Hezbollah", "Israel"]
    );
    assert_eq!(
        surfaces("A Texas-Mexico border crossing was closed."),
        ["Texas", "Mexico"]
    );
}

#[test]
fn a_defined_acronym_is_a_known_bodys_only_when_the_names_share_a_word() {
    let imf = "Sri Lanka kept the Extended Fund Facility (EFF) programme. The EFF review ends.";
    assert!(found(imf)
        .iter()
        .all(|(s, _, id)| !s.contains("EFF") || id.is_none()));
    let eff = "The Electronic Frontier Foundation (EFF) sued. The EFF said.";
    assert!(found(eff).iter().all(|(_, _, id)| id.is_some()));
}

#[test]
fn weapons_slogans_and_an_elect_are_no_place_or_incumbent() {
    assert!(surfaces("Rioters threw Molotov cocktails at the police.").is_empty());
    assert!(surfaces("He backs the Make America Great Again movement.").is_empty());
    assert_eq!(
        linked_of_subtype(
            "Mayor Eric Adams spoke. Do the Mayor-elect and I agree? The Mayor said no.",
            "politician"
        )
        .len(),
        2
    );
    // A possessive after the comma begins a new phrase, not the city's country.
    assert_eq!(
        surfaces("While at Oslo, Venezuela's Maria Corina Machado won the prize."),
        ["Oslo", "Venezuela", "Maria Corina Machado"]
    );
}

#[test]
fn everyday_word_businesses_cue_each_other_and_speak_at_a_sentence_start() {
    let companies = |text: &str| surfaces_of_subtype(text, "company");
    // Listed with a business the article names as one, an everyday word is one too.
    assert_eq!(
        companies("Apple's shares fell. Regulators fined Apple and Meta on Monday."),
        ["Apple", "Apple", "Meta"]
    );
    assert!(companies("Regulators fined Apple and Meta on Monday.").is_empty());
    // Named as a business once, the name stays one where a verb follows it.
    assert_eq!(
        companies("Meta's penalty was large. Meta criticized the penalty."),
        ["Meta", "Meta"]
    );
    assert!(companies("Meta criticized the penalty.").is_empty());
}

#[test]
fn a_middle_initial_keeps_the_given_name_in_the_name() {
    assert_eq!(
        found_people(
            "The story by Richard A. Lupoff was filmed. A second film of Richard A. Lupoff's story followed."
        ),
        ["Richard A. Lupoff", "Richard A. Lupoff"]
    );
    assert_eq!(
        found_people("The firm's partner Justin A. Nelson said it was fair."),
        ["Justin A. Nelson"]
    );
}

#[test]
fn a_region_the_knowledge_base_lacks_is_not_its_namesake_city() {
    assert_eq!(
        found_places("Kicillof governs Buenos Aires province, home to 40% of Argentines."),
        ["Buenos Aires province"]
    );
    assert_eq!(
        found_places("He was born in the province of Buenos Aires in 1971."),
        ["Buenos Aires"]
    );
    assert!(linked_of_subtype("He was born in the province of Buenos Aires.", "city").is_empty());
    assert_eq!(
        found_places("Floods hit Fukui Prefecture on Monday."),
        ["Fukui Prefecture"]
    );
    // The city itself stays the city.
    assert_eq!(
        linked_of_subtype("He flew to Buenos Aires on Monday.", "city").len(),
        1
    );
}

#[test]
fn a_ships_prefix_says_the_name_after_it_is_no_person() {
    assert!(
        found_people("The Philippine Navy deployed the BRP Miguel Malvar on Monday.").is_empty()
    );
}

#[test]
fn what_a_news_outlet_is_says_a_name_is_one() {
    assert_eq!(
        found_organizations("In remarks cited by Egyptian daily Al-Masry Al-Youm, he spoke."),
        ["Al-Masry Al-Youm"]
    );
    assert_eq!(
        linked_of_subtype(
            "A report by news agency PTI claims the team may boycott.",
            "media"
        )
        .len(),
        1
    );
}

#[test]
fn a_name_before_a_lowercase_party_or_gang_is_an_organisation() {
    assert_eq!(
        found_organizations("He leads the ruling Zanu party. Members of the Barrio 19 gang fled."),
        ["Zanu", "Barrio 19"]
    );
    assert_eq!(
        found_organizations("The right-wing Motorists for Themselves party won seats."),
        ["Motorists for Themselves"]
    );
    // A feast, a people or a stance before the noun names no party.
    assert!(found_organizations(
        "We had a Christmas party. The new Czech coalition government met."
    )
    .is_empty());
}

#[test]
fn a_tournament_story_makes_its_everyday_word_clubs_clubs() {
    let story = "The tournament final: Chelsea vs PSG. The tournament drew fans. In the semifinal \
                 Chelsea beat Fluminense; the tournament and the tournament's trophy went \
                 well. The tournament ends. Chelsea, meanwhile, enter as underdogs.";
    assert_eq!(
        surfaces_of_subtype(story, "sports_team"),
        ["Chelsea", "PSG", "Chelsea", "Chelsea"]
    );
}

#[test]
fn sites_and_laws_named_for_people_are_no_people() {
    assert!(found_people("The parade took place at Kim Il Sung Square in Pyongyang.").is_empty());
    assert!(found_people("Crowds gathered at Chiang Kai-shek Memorial Hall.").is_empty());
    assert!(found_people("Congress passed the Olimpia Law on Monday.").is_empty());
    assert_eq!(
        found_people("Kim Il Sung founded the state."),
        ["Kim Il Sung"]
    );
}

#[test]
fn prizes_contests_and_aircraft_named_for_actors_are_no_actors() {
    assert!(found_people("The Stanley Cup final drew record ratings.").is_empty());
    assert!(
        found_organizations("Arsenal won the FA Cup final at Wembley.")
            .iter()
            .all(|s| s != "FA")
    );
    assert!(found_organizations("Trump flew aboard Air Force One to Florida.").is_empty());
    assert!(found_organizations("The FA fined the club on Monday.")
        .iter()
        .any(|s| s == "FA"));
}

#[test]
fn a_post_or_a_report_spelled_out_before_its_acronym_is_no_body() {
    let text =
        "The regulator summoned IndiGo Chief Executive Officer (CEO) Pieter Elbers. The CEO \
                later apologised. The agency said in its annual World Energy Outlook (WEO) that \
                demand would peak; the WEO also saw coal fall.";
    let organizations = found_organizations(text);
    assert!(organizations.iter().all(|s| !matches!(
        s.as_str(),
        "CEO" | "Chief Executive Officer" | "WEO" | "World Energy Outlook"
    )));
    assert!(organizations.iter().any(|s| s == "IndiGo"));
}

#[test]
fn a_centre_named_for_its_work_is_an_agency() {
    let text = "Sri Lanka's Disaster Management Centre (DMC) said 20 people had died.";
    let organizations = found_organizations(text);
    assert!(organizations
        .iter()
        .any(|s| s.ends_with("Disaster Management Centre")));
    assert!(found_places(text).iter().all(|s| !s.contains("Centre")));
}

#[test]
fn an_official_or_a_resident_before_a_full_name_names_a_person() {
    assert_eq!(
        found_people("\"Evacuations are ongoing,\" said Leyte disaster official Roel Montesa."),
        ["Roel Montesa"]
    );
    assert_eq!(
        found_people("Homes were flooded, said resident Maria Ocampo."),
        ["Maria Ocampo"]
    );
    // The adjective: no name follows.
    assert!(found_people("The NDP will again be the official Opposition. Voters met.").is_empty());
    assert!(found_people("It was posted on the official WeChat account of the bureau.").is_empty());
}

/// (text, knowledge-base name or "-") of each mention.
fn named(text: &str) -> Vec<(String, String)> {
    let kb = Kb::embedded().unwrap();
    found(text)
        .into_iter()
        .map(|(s, _, id)| {
            let name = id.and_then(|id| kb.entity(id)).map(|e| e.name.to_string());
            (s, name.unwrap_or_else(|| "-".to_string()))
        })
        .collect()
}

fn has(found: &[(String, String)], surface: &str, name: &str) -> bool {
    found.iter().any(|(s, n)| s == surface && n == name)
}

#[test]
fn a_place_that_is_a_given_name_before_a_known_full_name_is_the_place() {
    let found = named(
        "The Prime Minister of Israel Benjamin Netanyahu spoke. Netanyahu said the war went on.",
    );
    assert!(has(&found, "Israel", "Israel"));
    assert!(has(&found, "Benjamin Netanyahu", "Benjamin Netanyahu"));
    assert!(has(&found, "Netanyahu", "Benjamin Netanyahu"));
    // A surname the knowledge base knows is not a full name: "Farouk al-Sharaa" stays whole.
    let found = named("Former vice-president Farouk al-Sharaa said nothing.");
    assert!(found.iter().all(|(_, n)| n != "Ahmed al-Sharaa"));
}

#[test]
fn a_foreign_country_s_name_as_a_leader_s_surname_is_the_leader() {
    let found =
        named("Portugal PM Luís Montenegro called the vote. Voters accused Montenegro of lying.");
    assert_eq!(
        found.iter().filter(|(_, n)| n == "Luís Montenegro").count(),
        2
    );
    // Once the article is about the country too, the bare name is the country's.
    let found = named("Luís Montenegro flew to Podgorica. He praised Montenegro on its reforms.");
    assert!(has(&found, "Montenegro", "Montenegro"));
}

#[test]
fn a_longer_name_of_the_same_person_overlapping_a_known_one_is_read_whole() {
    let found = named("Sheikh Mohammed bin Rashid Al Maktoum met the delegation in Dubai.");
    assert_eq!(found[0].0, "Sheikh Mohammed bin Rashid Al Maktoum");
    assert!(found.iter().all(|(s, _)| s != "Al Maktoum"));
}

#[test]
fn a_party_acting_at_a_sentence_s_start_in_its_country_s_story_is_the_party() {
    let text = "Prime Minister Anthony Albanese flew from Canberra to Sydney and Melbourne. \
                Labor has 94 seats in Canberra. Labor costs rose in Brisbane too.";
    let found = named(text);
    let labor: Vec<_> = found.iter().filter(|(s, _)| s == "Labor").collect();
    assert_eq!(labor.len(), 1, "{found:?}");
}

#[test]
fn british_and_irish_titles_cue_people() {
    assert_eq!(
        found_people("Sinn Féin TD Pearse Doherty said the budget failed."),
        ["Pearse Doherty"]
    );
    assert_eq!(
        found_people("Labour MSP Ann Smithers agreed."),
        ["Ann Smithers"]
    );
    assert_eq!(
        found_people("Baroness Chapman spoke for the government."),
        ["Chapman"]
    );
}

#[test]
fn a_region_after_a_city_and_in_says_which_city() {
    let found = named("Farage visited Boston in Lincolnshire on Friday.");
    let kb = Kb::embedded().unwrap();
    let boston = found_ids("Farage visited Boston in Lincolnshire on Friday.")
        .into_iter()
        .find(|(s, _)| s == "Boston")
        .and_then(|(_, id)| kb.entity(id?))
        .map(|e| e.country.to_string());
    assert_eq!(boston.as_deref(), Some("GB"), "{found:?}");
}

fn found_ids(text: &str) -> Vec<(String, Option<u32>)> {
    found(text).into_iter().map(|(s, _, id)| (s, id)).collect()
}

#[test]
fn a_region_s_kind_word_makes_a_place_of_a_name_read_as_a_person() {
    assert_eq!(
        found_places("One person died in Thanh Hoa province on Monday."),
        ["Thanh Hoa province"]
    );
    assert!(found_people("One person died in Thanh Hoa province on Monday.").is_empty());
    assert_eq!(
        found_places("Rescuers reached Hoshiarpur district on Monday."),
        ["Hoshiarpur district"]
    );
    // A known city's district is the city's.
    assert_eq!(
        found_places("They live in the north London district."),
        ["London"]
    );
}

#[test]
fn a_translated_name_before_its_own_language_s_acronym_is_one_body() {
    let found = named(
        "In Lisbon, Portugal's centre-right Democratic Alliance (AD) won. AD now leads in Porto.",
    );
    let ad: Vec<_> = found
        .iter()
        .filter(|(s, _)| s == "AD" || s == "Democratic Alliance")
        .collect();
    assert_eq!(ad.len(), 3, "{found:?}");
    assert!(ad.iter().all(|(_, n)| *n == ad[0].1 && n != "-"));
}

#[test]
fn a_body_s_name_matches_in_either_spelling() {
    let found = named("The World Health Organisation said the outbreak was over.");
    assert!(has(
        &found,
        "World Health Organisation",
        "World Health Organization"
    ));
}

#[test]
fn a_company_reporting_results_at_a_sentence_s_start_is_the_company() {
    let found = named("Ford said on Monday that profits rose sharply in the third quarter.");
    assert!(has(&found, "Ford", "Ford Motor Company"), "{found:?}");
    // Anyone says things: without results the capital alone says nothing.
    assert!(named("Ford said on Monday that he would run again.").is_empty());
}

#[test]
fn executive_titles_and_a_deputy_ruler_cue_or_hold_no_names() {
    assert_eq!(
        found_people("IndiGo COO Isidre Porqueras also attended the meeting."),
        ["Isidre Porqueras"]
    );
    assert!(found_people("Serving as the Deputy Ruler of Abu Dhabi, he signed.").is_empty());
}

#[test]
fn the_plural_kind_before_a_list_names_each_place() {
    assert_eq!(
        found_places("Israeli forces raided the towns of Khuza'a and Al-Qarara at dawn."),
        ["Khuza'a", "Al-Qarara"]
    );
    // A compass word shared by two names is no place of its own.
    assert!(
        found_places("Rebels hold the provinces of North and South Kivu.")
            .iter()
            .all(|s| s != "North")
    );
}

/// The country of each place mention, in order.
fn place_countries(text: &str) -> Vec<(String, String)> {
    let kb = Kb::embedded().unwrap();
    found(text)
        .into_iter()
        .filter(|(_, kind, _)| kind == "place")
        .filter_map(|(s, _, id)| Some((s, kb.entity(id?)?.country.to_string())))
        .collect()
}

#[test]
fn a_place_pinned_down_once_is_the_same_place_again() {
    let found = place_countries(
        "Police in London, Ont., said the suspect fled. Crowds gathered in downtown London.",
    );
    assert!(
        found
            .iter()
            .filter(|(s, _)| s == "London")
            .all(|(_, c)| c == "CA"),
        "{found:?}"
    );
    let found = place_countries("Four students died in Moscow, Idaho. Moscow police said more.");
    assert!(
        found
            .iter()
            .filter(|(s, _)| s == "Moscow")
            .all(|(_, c)| c == "US"),
        "{found:?}"
    );
    // A noun after the comma starts a new phrase: no Paris of Texas.
    let found = place_countries("In Paris, US envoy Tom Barrack met him. Paris was calm.");
    assert!(
        found
            .iter()
            .filter(|(s, _)| s == "Paris")
            .all(|(_, c)| c == "FR"),
        "{found:?}"
    );
}

#[test]
fn works_and_buildings_named_for_people_are_no_people() {
    assert!(found_people("He starred in the 1996 film Jerry Maguire.").is_empty());
    assert!(found_people("The Samuel Goldwyn Theater was full.").is_empty());
    // "show" is a verb as often; "Hall" is a surname.
    assert_eq!(
        found_people("Polls show Rhun ap Iorwerth's party gaining."),
        ["Rhun ap Iorwerth"]
    );
    assert_eq!(found_people("Actress Regina Hall spoke."), ["Regina Hall"]);
}

#[test]
fn a_name_after_an_arrest_or_a_sentence_is_a_person() {
    assert_eq!(
        found_people("Police detained Samvel Karapetyan on Monday."),
        ["Samvel Karapetyan"]
    );
    assert_eq!(
        found_people("A court sentenced Mzia Amaghlobeli to two years."),
        ["Mzia Amaghlobeli"]
    );
}

#[test]
fn congress_is_the_article_s_countrys() {
    let india = named(
        "NEW DELHI: Congress leader Rahul Gandhi attacked the BJP in Mumbai. The Congress said \
         Prime Minister Narendra Modi had failed.",
    );
    assert!(
        has(&india, "Congress", "Indian National Congress"),
        "{india:?}"
    );
    let us = named(
        "WASHINGTON (AP) — Congress passed the bill after Speaker Mike Johnson pushed it \
         through. President Donald Trump said Congress had acted.",
    );
    assert!(has(&us, "Congress", "United States Congress"), "{us:?}");
}
