"""Events: dated occurrences, with negative cases (statistics, date lines, headlines)."""

from __future__ import annotations

import datetime as dt

import pytest
from spacy.language import Language

from extractor.extract import extract_text
from extractor.models import ArticleRecord

PUBLISHED = dt.date(2024, 7, 31)


def events(nlp: Language, text: str, published: dt.date | None = PUBLISHED) -> list[tuple[str, str | None, str | None]]:
    result = extract_text(text, nlp, published=published)
    assert isinstance(result, ArticleRecord), result
    return [(e.description, e.date, e.date_text) for e in result.events]


@pytest.mark.parametrize(
    ("text", "word", "date", "date_text"),
    [
        (
            "On Tuesday, the police department gave its quarterly report to the public.",
            "report",
            "2024-07-30",
            "Tuesday",
        ),
        ("Crime has fallen since the administration took office in April 2021.", "office", "2021-04", "April 2021"),
        ("The council will vote Aug. 6 on the budget.", "vote", "2024-08-06", "Aug. 6"),
        (
            "According to a county report presented to commissioners Tuesday, costs rose.",
            "report",
            "2024-07-30",
            "Tuesday",
        ),
        (
            "Officer David Lee, who was struck and killed over a week ago, was honored.",
            "struck",
            None,
            "over a week ago",
        ),
        ("The 2019 measles outbreak began in the Portland area.", "outbreak", "2019", "2019"),
        ("Thousands gathered for National Night Out.", "Night", None, None),
    ],
)
def test_dated_occurrences(nlp: Language, text: str, word: str, date: str | None, date_text: str | None) -> None:
    found = events(nlp, text)
    assert any(word in d and v == date and t == date_text for d, v, t in found), found


@pytest.mark.parametrize(
    "text",
    [
        "The department answered 4,100 fire alarms last year.",
        "Detectives cleared 52% of homicide cases in 2023.",
        "There were 263 homicides in 2020.",
        "The 2024 count found more people outside.",
        "Homicides were the lowest since 2014.",
    ],
)
def test_statistics_are_not_events(nlp: Language, text: str) -> None:
    assert events(nlp, text) == []


def test_date_line_and_headline_are_not_events(nlp: Language) -> None:
    text = "City releases crime data for 2023\nPublished March 3, 2024\n\nThe mayor spoke on Monday."
    found = events(nlp, text, published=dt.date(2024, 3, 3))
    assert [(d, v) for d, v, _ in found] == [("The mayor spoke", "2024-02-26")]


def test_participants_and_place(nlp: Language) -> None:
    result = extract_text("Mayor Ann Cole opened the shelter in Tulsa on Monday.", nlp, published=PUBLISHED)
    assert isinstance(result, ArticleRecord)
    (event,) = result.events
    assert event.participants == ["Ann Cole"] and event.location == "Tulsa" and event.date == "2024-07-29"


def test_the_most_precise_time_expression_dates_the_clause(nlp: Language) -> None:
    found = events(nlp, "The county's first measles case this year was confirmed April 2 in a child.")
    assert [(v, t) for _, v, t in found] == [("2024-04-02", "April 2")]
