"""Officials and quotes: (text, expected) tables with negative cases."""

from __future__ import annotations

import pytest
from spacy.language import Language

from extractor.extract import extract_text
from extractor.models import ArticleRecord
from extractor.people import edit_distance_at_most_one
from extractor.quotes import pair_quotes


def record(nlp: Language, text: str) -> ArticleRecord:
    result = extract_text(text, nlp)
    assert isinstance(result, ArticleRecord), result
    return result


@pytest.mark.parametrize(
    ("text", "name", "title"),
    [
        ("Mayor Tishaura O. Jones spoke on Tuesday.", "Tishaura O. Jones", "mayor"),
        ("Police Chief Maria Delgado released the figures.", "Maria Delgado", "police chief"),
        ("The bill was filed by Sen. Ana Ruiz on Monday.", "Ana Ruiz", "senator"),
        ("Lt. Sarah Brickner, commander of the post, said crashes fell.", "Sarah Brickner", "lieutenant"),
        ("Det. Omar Haddad found the car.", "Omar Haddad", "detective"),
        ("Ann Cole, the county's health director, said cases rose.", "Ann Cole", "health director"),
        ("\u201cWe are ready,\u201d said Sheriff Tom Reyes.", "Tom Reyes", "sheriff"),
        ("Director Carolyn Baca-Whitmore of the Animal Welfare Department spoke.", "Carolyn Baca-Whitmore", "director"),
        ("Visits rose, chief librarian Moira Tennant said.", "Moira Tennant", "chief librarian"),
        ("Cllr Jonathan Pryce urged owners to fit steering locks.", "Jonathan Pryce", "councillor"),
        ("Atty. Gen. Lena Marsh opened an inquiry.", "Lena Marsh", "attorney general"),
    ],
)
def test_officials_by_title_position(nlp: Language, text: str, name: str, title: str) -> None:
    officials = record(nlp, text).officials
    assert [(o.name, o.title) for o in officials] == [(name, title)]


@pytest.mark.parametrize(
    "text",
    [
        "Longtime resident Gloria Pettaway, 67, said the block feels safer.",
        "Marisela Tafoya, a foster volunteer, said the stays are longer.",
        "John Ruiz, a spokesman for the supermarket chain, declined to comment.",
        "The former mayor of the town, now retired, was not available.",
        "Traffic on St Mary Street was closed.",
    ],
)
def test_private_people_are_not_officials(nlp: Language, text: str) -> None:
    assert record(nlp, text).officials == []


def test_aliases_and_close_spellings_are_one_person(nlp: Language) -> None:
    text = (
        "Mayor Tishaura O. Jones opened the meeting. Chief Robert Tracey followed.\n\n"
        "Tishaura Jones thanked officers, and Jones said more was coming. Tracy said the unit grew."
    )
    officials = {o.name: o for o in record(nlp, text).officials}
    assert set(officials) == {"Tishaura O. Jones", "Robert Tracey"}
    assert set(officials["Tishaura O. Jones"].aliases) == {"Tishaura Jones", "Jones"}
    assert officials["Robert Tracey"].aliases == ["Tracy"]
    assert len(officials["Tishaura O. Jones"].mentions) == 3


def test_different_first_names_are_different_people(nlp: Language) -> None:
    text = "Council Member Ana Ortiz and Sen. Luis Ortiz met. Ana Ortiz said little."
    assert sorted(o.name for o in record(nlp, text).officials) == ["Ana Ortiz", "Luis Ortiz"]


def quotes(nlp: Language, text: str) -> list[tuple[str, str | None]]:
    return [(q.text, q.speaker) for q in record(nlp, text).quotes]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("\u201cWe are safer,\u201d Mayor Ann Cole said.", [("We are safer", "Ann Cole")]),
        ("\u201cWe are safer,\u201d said Sheriff Tom Reyes.", [("We are safer", "Tom Reyes")]),
        (
            "Police Chief Ed Gonzalez said, \u201cThe numbers are down.\u201d",
            [("The numbers are down.", "Ed Gonzalez")],
        ),
        ("Mayor Ann Cole put it plainly: \u201cWe are not done.\u201d", [("We are not done.", "Ann Cole")]),
        (
            '"It works," Sheriff Tom Reyes said. "We will keep it."',
            [("It works", "Tom Reyes"), ("We will keep it.", "Tom Reyes")],
        ),
        (
            "Mayor Ann Cole called the numbers \u201cdeeply troubling\u201d on Monday.",
            [("deeply troubling", "Ann Cole")],
        ),
        (
            "Health Director Ann Cole spoke first.\n\n\u201cWe saw it coming,\u201d she said.",
            [("We saw it coming", "Ann Cole")],
        ),
        (
            "Chief Robert Tracey spoke.\n\n\u201cOfficers keep us safe,\u201d Tracy said.",
            [("Officers keep us safe", "Robert Tracey")],
        ),
        ("\u201cThe plan failed,\u201d according to Comptroller Dee Park.", [("The plan failed", "Dee Park")]),
    ],
)
def test_quotes_and_speakers(nlp: Language, text: str, expected: list[tuple[str, str | None]]) -> None:
    assert quotes(nlp, text) == expected


def test_a_quote_carried_over_paragraphs_is_one_quote(nlp: Language) -> None:
    text = (
        "Sgt. Dwight Hollenbeck said the unit added shifts.\n\n"
        "\u201cA DUI arrest takes hours. We made that investment.\n\n"
        "\u201cWe have been to too many crashes,\u201d Hollenbeck said."
    )
    assert quotes(nlp, text) == [
        ("A DUI arrest takes hours. We made that investment. We have been to too many crashes", "Dwight Hollenbeck")
    ]


def test_a_quote_paragraph_without_a_cue_inherits_the_speaker(nlp: Language) -> None:
    text = "\u201cWe will hire,\u201d Mayor Ann Cole said.\n\n\u201cAnd we will train.\u201d"
    assert quotes(nlp, text) == [("We will hire", "Ann Cole"), ("And we will train.", "Ann Cole")]


def test_residents_speak_too(nlp: Language) -> None:
    text = "Longtime resident Gloria Pettaway, 67, spoke.\n\n\u201cI can walk again,\u201d Pettaway said."
    assert quotes(nlp, text) == [("I can walk again", "Gloria Pettaway")]


@pytest.mark.parametrize(
    "text",
    [
        "He said \u201cthis never closes and the rest of the article must not be swallowed.\n\nNext paragraph.",
        "Stray closing mark\u201d here and \u201d there.",
        '"' * 10_000,
        "\u201c" * 5000 + "\u201d" * 5000,
        'Mixed \u201copen and straight close" marks.',
    ],
)
def test_unbalanced_marks_never_crash_or_swallow(text: str) -> None:
    found = pair_quotes(text)
    for q in found:
        assert "Next paragraph" not in q.text
        assert q.end - q.start < 200


def test_straight_and_curly_marks_pair_by_kind() -> None:
    found = pair_quotes('He said "yes" and \u201cno\u201d today.')
    assert [q.text for q in found] == ["yes", "no"]


@pytest.mark.parametrize(
    ("text", "mentions"),
    [
        # a surname alone as a clause's subject names the person, even when tagged as a place
        ("Rep. Dana Houston met voters on Monday. Houston said the count was close.", 2),
        # the same word as a place, not a subject, does not
        ("Rep. Dana Houston met voters on Monday. She flew back to Houston on Friday.", 1),
        ("Rep. Dana Houston met voters on Monday. The Houston office closed early.", 1),
    ],
)
def test_a_surname_alone_is_a_mention_only_where_it_can_be_the_person(nlp: Language, text: str, mentions: int) -> None:
    officials = record(nlp, text).officials
    assert [(o.name, len(o.mentions)) for o in officials] == [("Dana Houston", mentions)]


@pytest.mark.parametrize(
    ("text", "name", "quotes"),
    [
        # a nickname in quote marks inside a name is part of the name, and no quotation
        ('Rep. Thomas J. "Tommy" Reyes spoke first. "We are ready," Reyes said.', 'Thomas J. "Tommy" Reyes', 1),
        (
            "State Del. Patricia \u201cTrish\u201d Lindqvist shouted \u201cWe will win!\u201d",
            "Patricia \u201cTrish\u201d Lindqvist",
            1,
        ),
        # a quoted word after a name with no surname after it is no nickname
        ("Mayor Ann Cole called it \u201cReckless\u201d on Monday.", "Ann Cole", 1),
    ],
)
def test_nicknames_in_quote_marks_belong_to_the_name(nlp: Language, text: str, name: str, quotes: int) -> None:
    result = record(nlp, text)
    assert [o.name for o in result.officials] == [name]
    assert len(result.quotes) == quotes and all(q.speaker == name for q in result.quotes)


@pytest.mark.parametrize(
    ("a", "b", "close"),
    [
        ("singh", "signh", True),  # two neighbours swapped
        ("tracy", "tracey", True),  # a letter added
        ("hernandez", "hernandes", True),  # a letter changed
        ("lee", "lee", True),
        ("singh", "sighn", False),  # two letters moved apart: two edits
        ("tracy", "trace", True),
        ("smith", "smyth", True),
        ("smith", "smythe", False),
        ("ab", "ba", True),
        ("abc", "cba", False),
        ("", "a", True),
        ("", "ab", False),
    ],
)
def test_surnames_one_slip_apart(a: str, b: str, close: bool) -> None:
    assert edit_distance_at_most_one(a, b) is close
    assert edit_distance_at_most_one(b, a) is close
