"""The place an article is about (extractor/location.py): datelines, then places weighted by
position and kind. Every sentence here is written for these tests."""

from __future__ import annotations

import pytest
from spacy.language import Language
from spacy.tokens import Doc, Span

from extractor.extract import extract_text
from extractor.location import (
    _merge_case_variants,
    article_location,
    context_place,
    dateline_place,
    headline_places,
    is_region,
    normalise_place,
)
from extractor.models import ArticleRecord


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("SANTA ANA – The county opened a new shelter.", "Santa Ana"),
        ("OMAHA, Neb. - Firefighters answered 4,000 calls.", "Omaha, Neb."),
        ("LONDON (CNN) – Police said on Monday that thefts fell.", "London"),
        ("ST. LOUIS — Homicides fell in 2023.", "St. Louis"),
        ("CEDAR RAPIDS, Iowa (KCRG) -- Two people were hurt.", "Cedar Rapids, Iowa"),
        ("INDIANAPOLIS, Ind. (March 4, 2016) — Police are searching for a driver.", "Indianapolis, Ind."),
        ("(Dallas, Texas) – The county received a grant.", "Dallas, Texas"),
        ("Headline about a crashRIVERTON, Ore. (KXYZ) - A driver was hurt on Sunday.", "Riverton, Ore."),
        ("Wire Service NEWPORT, R.I. (AP) - A ferry ran aground.", "Newport, R.I."),
        ("Headline\n\nDAYTON, Ohio — The council met.", "Dayton, Ohio"),
        # not places
        ("COUNTYWIDE – Judges dismissed cases over four weeks.", None),
        # a release's label before a dash
        ("MEDIA ADVISORY – The treasurer will hold a briefing on Monday.", None),
        ("NEWS RELEASE - Officials met on Tuesday to review the plan.", None),
        ("(KNWS) — A cyclist was hurt on Sunday.", None),
        ("UPDATE - The road has reopened.", None),
        ("The council met on Monday - and voted.", None),
        ("Police said the FBI - which joined the case - found the car.", None),
    ],
)
def test_dateline_place(text: str, place: str | None) -> None:
    assert dateline_place(text) == place


@pytest.mark.parametrize(
    ("text", "place"),
    [
        # a headline in capitals is no dateline: more than four words before its dash, or capitals after it
        ("FERRY CASES REMAIN STEADY FOR FIVE YEARS – The port said on Monday that 40 boats sailed.", None),
        ("FERRY FARES RISE – OVER 10 PERCENT IN TWO YEARS", None),
        ("RANCHO SANTA MARGARITA – The council met on Monday.", "Rancho Santa Margarita"),
        # a hyphenated word in capitals is no dateline run into a headline
        ("Visits fell during the COVID-19 pandemic, clinic staff said.", None),
        ("Deaths rose again during the ongoing COVID -19 pandemic, the county said.", None),
        ("Crashes rose in the DUI-Related Crash Report this year.", None),
        ("Man hurt in crashRIVERTON - A driver was hurt on Sunday.", "Riverton"),
    ],
)
def test_headlines_and_words_in_capitals_are_no_datelines(text: str, place: str | None) -> None:
    assert dateline_place(text) == place


def test_the_dateline_after_a_long_release_block() -> None:
    header = [
        "County Warns of Scam Calls",
        "For Immediate Release",
        "May 2, 2024",
        "Contact:",
        "Pat Reyes",
        "Public Affairs Officer",
        "(555) 010-4477 (office)",
        "(555) 010-4478 (cell)",
        "press@example.gov",
        "Kent County Treasurer",
    ]
    text = "\n".join([*header, "MILLBROOK – The county treasurer warned residents on Tuesday of scam calls."])
    assert dateline_place(text) == "Millbrook"


DECK = "Treasurer Warns of Scam Calls - Nearly 300 residents have reported calls from people posing as clerks."


@pytest.mark.parametrize(
    ("lines", "place"),
    [
        # a page whose headline has a sentence for its deck, repeated above the release block and
        # wrapped below it: the dateline opens the article after them
        (
            [
                DECK,
                "Menu",
                "Search",
                DECK,
                "Published",
                "May 2, 2031",
                DECK,
                "For Immediate Release",
                "Date: May 2, 2031",
                "Pat Reyes",
                "Public Affairs Officer",
                "press@example.gov",
                "Treasurer Warns of Scam Calls",
                "Nearly 300 residents have reported calls from people",
                "posing as clerks in the last month, and the county expects more as tax bills go out this week.",
                "MILLBROOK, Ore. – The county treasurer warned residents on Tuesday of scam calls.",
            ],
            "Millbrook, Ore.",
        ),
        # without a release block, the article's first paragraphs end the search
        (
            [
                DECK,
                "The county treasurer warned residents on Tuesday of scam calls from people posing as clerks.",
                *["Officials said more calls were expected as the bills went out across the county this week."] * 8,
                "MILLBROOK – Officials said calls were expected to continue.",
            ],
            None,
        ),
    ],
)
def test_the_dateline_after_a_headline_read_as_prose(lines: list[str], place: str | None) -> None:
    assert dateline_place("\n".join(lines)) == place


def test_the_dateline_after_a_headline_glued_to_the_article() -> None:
    title = "Two hurt in crash on Route 9"
    assert dateline_place(title + "MILLBROOK, N.Y. - Two people were hurt.", len(title)) == "Millbrook, N.Y."


@pytest.mark.parametrize(
    ("raw", "place"),
    [
        ("ST. LOUIS", "St. Louis"),
        ("OMAHA, Neb.", "Omaha, Neb."),
        ("O'FALLON, MO", "O'Fallon, MO"),
        ("Countywide", None),
    ],
)
def test_place_names_are_normalised(raw: str, place: str | None) -> None:
    assert normalise_place(raw) == place


@pytest.mark.parametrize(
    ("name", "region"),
    [
        ("Ohio", True),
        ("Calif.", True),
        ("N.Y.", True),
        ("Mexico", True),
        ("Northwest Indiana", True),
        # a state whose name opens with a direction, also after another direction
        ("North Carolina", True),
        ("West Virginia", True),
        ("South Dakota", True),
        ("Western North Dakota", True),
        ("North Riverton", False),
        ("Toledo", False),
        ("Kent County", False),
        ("West Ashford", False),
    ],
)
def test_states_and_countries_are_regions(name: str, region: bool) -> None:
    assert is_region(name) is region


@pytest.mark.parametrize(
    ("headline", "places"),
    [
        ("Man shot while walking in Millbrook neighborhood", ["Millbrook"]),
        ("Riverton man charged after standoff", ["Riverton"]),
        ("Fatal Brookside shooting ruled an accident", ["Brookside"]),
        ("Woman Shot In Pine Hollow Overnight", ["Pine Hollow"]),
        ("Council approves new budget", []),
        ("Police Seek Suspect After Robbery", []),
        # a county's name ends with "County": the Title Case words after it are the headline's
        ("Burglaries in Marlow County Drop to a New Low", ["Marlow County"]),
        ("Thefts Across Marlow County Climb Again", []),
        # a headline in capitals: a place the prose writes in Title Case, not its own words
        ("MEDIA ADVISORY - LEE ORTIZ OFFICER-INVOLVED SHOOTING REVIEW", []),
        ("TWO HURT IN RIVERTON SHOOTING", ["Riverton"]),
    ],
)
def test_places_a_headline_names(headline: str, places: list[str]) -> None:
    body = (
        "Police in Millbrook, Riverton, Brookside and Pine Hollow are investigating. Marlow County Drop. "
        "MEDIA ADVISORY - LEE ORTIZ OFFICER-INVOLVED SHOOTING REVIEW"
    )
    assert headline_places(headline, body) == places


@pytest.mark.parametrize(
    ("text", "title", "place"),
    [
        # a city over the state it lies in
        (
            "A man was wounded Tuesday in Ohio. Toledo police said the man, 34, was shot near a gas station in "
            "Toledo. Ohio state troopers helped close the road.",
            None,
            "Toledo",
        ),
        # a surname is not a place, even when the model calls it one
        (
            "Officer Dana Whitfield said the driver fled. Whitfield said the car was found in Springfield on "
            "Wednesday. Springfield police are investigating.",
            None,
            "Springfield",
        ),
        # the place of the headline
        (
            "Detectives said the shooting happened shortly after midnight near a bar in Millbrook, and a woman "
            "was taken to a hospital in Kingston.",
            "Woman shot outside Millbrook bar",
            "Millbrook",
        ),
        # a neighborhood yields to the city the article names
        (
            "Riverton police say a teenager was shot on Friday in the Eastgate neighborhood. Officers found him "
            "near a bus stop in Eastgate and took him to a hospital.",
            "Man shot in Eastgate",
            "Riverton",
        ),
        # the scene of a crime: "was shot in ..."
        (
            "A 40-year-old man died Sunday after he was shot in Lakemont, according to Kent County coroner's records.",
            None,
            "Lakemont",
        ),
        # a county named as an agency is not the scene
        (
            "A teenager died after being shot in Riverton, according to Kent County coroner's records. Kent County "
            "coroner's officials said the victim was 17.",
            None,
            "Riverton",
        ),
        # a one-word "person" the model invents is no surname; a full name's last word is
        (
            "A woman, 58, died Monday after being shot in Marlowe, according to Kent County coroner's records.",
            None,
            "Marlowe",
        ),
        (
            "Jordan Whitfield, 30, was shot in Whitfield's driveway, and Springfield police said he is recovering.",
            None,
            "Springfield",
        ),
        # a place that opens a name the model misreads as a person ("Houston Gazette")
        (
            "Houston police said the owner of a diner died. Houston Gazette readers raised a reward for tips.",
            None,
            "Houston",
        ),
        # the place after a street address: "the 400 block of Elm Street in Millbrook"
        (
            "A man, 24, was killed Sunday in the 400 block of Elm Street in Millbrook, according to Kent "
            "County coroner's records. Kent County coroner's officials said he died at the scene.",
            None,
            "Millbrook",
        ),
        # a hospital is no address: the victim was taken there, the scene is elsewhere
        (
            "Mercy Hospital in Kingston admitted a man who was shot on Oak Avenue in Riverton on Sunday night.",
            None,
            "Riverton",
        ),
        # a neighborhood named in the headline, at the scene and as a section yields to its city
        (
            "Riverton police are looking into a shooting in the city's Cedar Heights section. A man was shot in "
            "Cedar Heights on Friday.",
            "Man shot, badly hurt in Cedar Heights",
            "Riverton",
        ),
        # a headline run into the article: "in Eastgate ParkA man" is Eastgate Park, a part of Riverton
        (
            "Man shot in Eastgate ParkA man was shot Sunday in Eastgate ParkA in the Eastgate Park neighborhood, "
            "Riverton police said.",
            "Man shot in Eastgate Park",
            "Riverton",
        ),
    ],
)
def test_the_place_an_article_is_about(nlp: Language, text: str, title: str | None, place: str) -> None:
    doc = nlp(text)
    assert article_location(doc, text, title) == place


@pytest.mark.parametrize(
    ("text", "title", "place"),
    [
        # a station's city dateline yields to the suburb its lead names
        ("BIGCITY (KXYZ) - A man was hurt Sunday night in south suburban Millbrook, police said.", None, "Millbrook"),
        ("BIGCITY, Ill. (AP) - Two people were shot in suburban Pine Hollow on Friday.", None, "Pine Hollow"),
        # without a source in parentheses the dateline is the reporter's own city
        ("MILLBROOK - A man from suburban Pine Hollow was hurt Sunday, police said.", None, "Millbrook"),
        ("BIGCITY (KXYZ) - Officials in suburban areas met on Friday.", None, "Bigcity"),
        # no place in the article: the outlet's city in its title
        (
            "Officers found a man hurt on a porch on Tuesday night.",
            "Man hurt in porch shooting - KXYZ - Riverton, OH News Weather",
            "Riverton",
        ),
        (
            "Officers found a man hurt on a porch on Tuesday night.",
            "Man hurt in porch shooting - KXYZ News Weather",
            None,
        ),
        # a place after a direction in a headline
        ("Officers said a man was hurt at a south Riverton store.", "Man shot at south Riverton store", "Riverton"),
    ],
)
def test_suburbs_outlets_and_directions(nlp: Language, text: str, title: str | None, place: str | None) -> None:
    doc = nlp(text)
    assert article_location(doc, text, title) == place


@pytest.mark.parametrize(
    ("text", "title", "place"),
    [
        # a Title Case headline glued to the article: "In Arm In Back Of Store" is no scene
        (
            "Man Shot In Arm In Back Of StoreThe man, 30, was standing in the 1200 block of West Elm Street "
            "when a car pulled up, according to Riverton Police. He was shot in the arm.",
            "Man Shot In Arm In Back Of Store « KXYZ Riverton",
            "Riverton",
        ),
        # ... nor a run that takes in the headline's "Shooting" and the glued next word
        (
            "Woman Wounded In Pine Hollow ShootingShe was walking in the 300 block of Oak Street when a gunman "
            "fired, police said.",
            "Woman Wounded In Pine Hollow Shooting",
            None,
        ),
        # a sentence-case headline still gives its scene
        (
            "Officers said the man was hurt just before midnight and taken to a hospital.",
            "Man shot in Pine Hollow",
            "Pine Hollow",
        ),
        # a crossing of two streets is no place: "near Alder and Birchwood"
        (
            "It happened near Alder and Birchwood around 3 a.m. on Sunday. Deputies say a man was wounded "
            "by gunfire in the snow, Riverton police said.",
            None,
            "Riverton",
        ),
        # a place whose name opens with an abbreviation, before "police"
        ("A man was hurt on Friday night in a crash. Officers said Ft. Alder police were called.", None, "Ft. Alder"),
        ("A man was hurt on Friday night in a crash. Officers said St. Alder police were called.", None, "St. Alder"),
        # an outlet's name glued to the article's first word ("Millbrook DailyThe police") is no place
        (
            "Officer Sues Over Crash: Millbrook DailyThe police officer who crashed into a bus is suing the driver.",
            "Officer Sues Over Crash: Millbrook Daily",
            None,
        ),
        # a headline's place before "cop"
        ("Police said the officer fired once on Friday.", "Riverton cop cleared in shooting", "Riverton"),
    ],
)
def test_headline_runs_crossings_and_glued_words(
    nlp: Language, text: str, title: str | None, place: str | None
) -> None:
    doc = nlp(text)
    assert article_location(doc, text, title) == place


@pytest.mark.parametrize(
    ("text", "place"),
    [
        # a county's dateline yields to the town where its lead puts the scene
        (
            "KENT COUNTY, Del. – Deputies say a man was wounded by gunfire in the 200 block of Main Street "
            "in Millbrook on Thursday.",
            "Millbrook",
        ),
        ("KENT PARISH, La. – A man was shot in Millbrook on Thursday night, deputies said.", "Millbrook"),
        # a county's dateline with no town in its lead stays
        ("KENT COUNTY, Del. – Deputies said the roads were closed on Thursday after the storm.", "Kent County, Del."),
        # a city's dateline stays, whatever town the lead names
        ("RIVERTON – A driver was shot on Thursday night in the 200 block of Main Street in Millbrook.", "Riverton"),
    ],
)
def test_a_county_dateline_and_the_town_of_the_scene(nlp: Language, text: str, place: str) -> None:
    doc = nlp(text)
    assert article_location(doc, text, None) == place


@pytest.mark.parametrize(
    ("labels", "place"),
    [
        # the model reads the town once as a place and once as a people: it is the place
        (("GPE", "NORP"), "Alderton"),
        (("NORP", "GPE"), "Alderton"),
        # read only as a people, it is none ("Latino")
        (("NORP", "NORP"), None),
    ],
)
def test_a_name_read_as_a_people_and_a_place(nlp: Language, labels: tuple[str, str], place: str | None) -> None:
    text = "Alderton officers said the store was robbed on Sunday. Alderton residents gathered at the store."
    doc = nlp(text)
    first, second = [t.i for t in doc if t.text == "Alderton"]
    doc.ents = [Span(doc, first, first + 1, label=labels[0]), Span(doc, second, second + 1, label=labels[1])]
    assert context_place(doc) == place


def _with_places(nlp: Language, text: str, places: list[str]) -> Doc:
    """The text parsed, with exactly the given words marked as places (the model's guesses vary)."""
    doc = nlp(text)
    spans = []
    for place in places:
        size = len(place.split())
        spans += [Span(doc, t.i, t.i + size, label="GPE") for t in doc if doc[t.i : t.i + size].text == place]
    doc.ents = spans
    return doc


@pytest.mark.parametrize(
    ("text", "place"),
    [
        # a capitalized word the text also writes in lowercase is a common word
        ("Downtown shops closed early. Alderton officials said the downtown area would reopen.", "Alderton"),
        ("Downtown shops closed early on Friday, officials said the area would reopen.", "Downtown"),
        # ... or each of its words in lowercase
        ("Healthcare Fraud\nThe office said fraud in healthcare costs everyone in Alderton.", "Alderton"),
        ("Palm Grove officials said a palm tree fell on a car.", "Palm Grove"),
        # ... unless the text reads it as a city
        ("A mobile home burned in Mobile, Ala., on Friday, officials said.", "Mobile"),
        ("A mobile home burned on Friday, Mobile police said.", "Mobile"),
        # a verb opening an item of a list is no place
        ("The plan has three parts, Alderton officials said.\nExpand shelters for victims", "Alderton"),
        # a one-word "place" that acts as a person: the subject of most of its mentions
        (
            "Alderton police said the man fled. Lasko bought gloves on Friday. Lasko shot the clerk and fled.",
            "Alderton",
        ),
        # a place that is the subject once is still a place
        ("Alderton approved a new budget on Monday, and the council met in Alderton.", "Alderton"),
    ],
)
def test_common_words_and_actors_are_no_places(nlp: Language, text: str, place: str) -> None:
    doc = _with_places(
        nlp, text, ["Downtown", "Alderton", "Expand", "Lasko", "Mobile", "Healthcare Fraud", "Palm Grove"]
    )
    assert context_place(doc) == place


def test_a_county_over_a_state_whose_name_opens_with_a_direction(nlp: Language) -> None:
    text = (
        "A South Carolina man was charged on Monday. Deputies said the man fired at a neighbor on Friday in "
        "Marlow County, South Carolina, after an argument. South Carolina officials said the neighbor survived."
    )
    record = extract_text(text, nlp)
    assert isinstance(record, ArticleRecord)
    assert record.location == "Marlow County"


@pytest.mark.parametrize(
    ("text", "place"),
    [
        # a run into a headline's words is cut after "County"
        (
            "Burglaries in Marlow County Drop to a New Low\nBurglaries in Marlow County Drop to a New Low. "
            "Deputies in Marlow County said on Monday that patrols had helped.",
            "Marlow County",
        ),
    ],
)
def test_one_place_in_capitals_and_in_prose(nlp: Language, text: str, place: str) -> None:
    record = extract_text(text, nlp)
    assert isinstance(record, ArticleRecord)
    assert record.location == place


@pytest.mark.parametrize(
    ("scores", "merged"),
    [
        # capitals and prose name one place: their scores add up under the prose's form
        ({"PINE HOLLOW": 2.0, "Pine Hollow": 1.0, "Riverton": 2.5}, {"Pine Hollow": 3.0, "Riverton": 2.5}),
        # capitals alone are written in Title Case
        ({"PINE HOLLOW": 2.0}, {"Pine Hollow": 2.0}),
        # two prose forms stay two names: only capitals are a way of writing another
        ({"ChildSafe": 1.0, "Childsafe": 1.0}, {"ChildSafe": 1.0, "Childsafe": 1.0}),
    ],
)
def test_one_place_in_capitals_and_in_prose_adds_up(scores: dict[str, float], merged: dict[str, float]) -> None:
    got, firsts, parts = _merge_case_variants(scores, dict.fromkeys(scores, 0), {next(iter(scores))})
    assert got == merged
    assert set(firsts) == set(merged)
    assert len(parts) == 1


@pytest.mark.parametrize(
    ("text", "place"),
    [
        # a city's name the model may cut short is completed from the gazetteer
        ("Volunteers gathered at a ceremony at a community center in Chula Vista today.", "Chula Vista"),
        # a name and a capitalized word after it that make no city stay apart
        ("Volunteers gathered in Fresno Tuesday for a ceremony.", "Fresno"),
    ],
)
def test_a_city_name_cut_short_is_completed(nlp: Language, text: str, place: str) -> None:
    record = extract_text(text, nlp)
    assert isinstance(record, ArticleRecord)
    assert record.location == place


def test_the_opening_the_of_a_police_department_is_not_the_place(nlp: Language) -> None:
    text = "A man was hurt on Friday, and The Alderton Police Department is looking for the driver."
    doc = nlp(text)
    doc.ents = []
    assert context_place(doc) == "Alderton"


def test_abbreviations_alone_are_never_the_location(nlp: Language) -> None:
    result = extract_text("The BB gun was found in Ind. on Sunday, officers said, and it was returned.", nlp)
    assert isinstance(result, ArticleRecord)
    assert result.location not in ("BB", "Ind.")
