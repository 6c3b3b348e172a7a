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
    assert!(surfaces("Araghchi arrived.").is_empty());
    assert_eq!(
        surfaces("Abbas Araghchi arrived. Later Araghchi left."),
        ["Abbas Araghchi", "Araghchi"]
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
