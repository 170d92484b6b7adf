"""Time expressions and their values: (text, expected) tables with negative cases."""

from __future__ import annotations

import datetime as dt

import pytest
from spacy.language import Language

from extractor import dates
from extractor.extract import extract_text
from extractor.models import ArticleRecord

WEDNESDAY = dt.date(2024, 7, 31)


def values(nlp: Language, text: str, published: dt.date | None = WEDNESDAY) -> list[tuple[str, str | None]]:
    result = extract_text(text, nlp, published=published)
    assert isinstance(result, ArticleRecord), result
    return [(d.text, d.value) for d in result.dates]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The mayor took office in April 2021.", [("April 2021", "2021-04")]),
        ("The report came out on Jan. 5, 2023.", [("Jan. 5, 2023", "2023-01-05")]),
        ("Budgets for fiscal 2023 were cut.", [("fiscal 2023", "2023")]),
        ("Homicides were lowest since 2014.", [("2014", "2014")]),
        ("The department gave its report on Tuesday.", [("Tuesday", "2024-07-30")]),
        ("The council will vote Tuesday.", [("Tuesday", "2024-08-06")]),
        # a week in one month dates that month; one across two months has no date
        ("Officers were called last week.", [("last week", "2024-07")]),
        ("Officers will be called next week.", [("next week", "2024-08")]),
        ("Officers are on call this week.", [("this week", None)]),
        # a month with its year after "of"
        ("The deputy was hired in December of 2019.", [("December of 2019", "2019-12")]),
        ("The curfew began in December of last year.", [("December of last year", "2023-12")]),
        (
            "The trust was formed in 2011 and sold in May of the same year.",
            [("2011", "2011"), ("May of the same year", "2011-05")],
        ),
        # a range or list of days dates their month
        ("The fair ran March 15 to 21.", [("March 15 to 21", "2024-03")]),
        ("Crews swept the park on June 10, 11, and 12.", [("June 10, 11, and 12", "2024-06")]),
        ("On June 3, 12 people were hurt.", [("June 3", "2024-06-03")]),
        # a span of years back is no time back; a bare "Mar" is a word of a name
        ("Costs doubled over the prior 25 years.", [("the prior 25 years", None)]),
        ("The Del Mar clinic closed.", []),
        ("The officer was struck over a week ago.", [("over a week ago", None)]),
        ("The fund opens next month.", [("next month", "2024-08")]),
        ("Crime fell earlier this year.", [("earlier this year", "2024")]),
        ("Arrests rose last year.", [("last year", "2023")]),
        ("The law took effect two years ago.", [("two years ago", "2022")]),
        ("The law passed twelve years ago.", [("twelve years ago", "2012")]),
        ("The plant opened eleven months ago.", [("eleven months ago", "2023-08")]),
        ("The law passed several years ago.", [("several years ago", None)]),
        ("The program starts in March.", [("March", "2025-03")]),
        ("The shelter opened in March.", [("March", "2024-03")]),
        ("Patrols will increase through Labor Day.", [("Labor Day", "2024-09-02")]),
        ("Murders peaked in the 1990s.", [("1990s", None)]),
        ("The 2022-23 school year ended.", [("2022-23", None)]),
        ("The page was updated 2024-02-08.", [("2024-02-08", "2024-02-08")]),
        ("Crews returned two days later.", [("two days later", None)]),
    ],
)
def test_time_expressions(nlp: Language, text: str, expected: list[tuple[str, str | None]]) -> None:
    assert values(nlp, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Crime fell 40% in the city.",
        "The council passed it on a 3-2 vote.",
        "He served 25 years on the force.",
        "The shooting happened at 5:30 p.m. near the park.",
        "A 34-year-old man was hurt.",
        "COVID-19 slowed the courts.",
        "May we all be safe, the chaplain said.",
        "A man in his 70s was found in a parked car.",
    ],
)
def test_not_time_expressions(nlp: Language, text: str) -> None:
    assert values(nlp, text) == []


def test_relative_dates_stay_null_without_a_publication_date(nlp: Language) -> None:
    assert values(nlp, "On Tuesday the department gave its report, after a vote last year.", published=None) == [
        ("Tuesday", None),
        ("last year", None),
    ]


def test_seed_dates(nlp: Language) -> None:
    from tests.conftest import SEED

    text = SEED.read_text(encoding="utf-8")
    with_date = dict(values(nlp, text, published=WEDNESDAY))
    assert with_date["April 2021"] == "2021-04" and with_date["Tuesday"] == "2024-07-30"
    assert dict(values(nlp, text, published=None))["Tuesday"] is None


@pytest.mark.parametrize(
    ("text", "value"),
    [("April 2021", "2021-04"), ("2014", "2014"), ("March 3, 2024", "2024-03-03")],
)
def test_parse_keeps_the_stated_precision(text: str, value: str) -> None:
    parsed = dates.parse(text, None)
    assert parsed is not None and parsed.value == value


@pytest.mark.parametrize(
    ("line", "day"),
    [
        ("Published March 3, 2024", "2024-03-03"),
        ("Thursday, December 27, 2018", "2018-12-27"),
        ("2024-03-03", "2024-03-03"),
        ("The council met on March 3, 2024.", None),
        ("March 2024", None),
    ],
)
def test_publication_date_lines(line: str, day: str | None) -> None:
    found = dates.publication_date(line)
    assert (found.isoformat() if found else None) == day


# A month without a year that opens a range takes the year its end states: "between January and
# March 2023" is January 2023 (and "from December to February 2024" the December before); a month
# not joined to a dated end keeps the year nearest publication.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Between January and March 2023, the pier stayed shut.", [("January", "2023-01"), ("March 2023", "2023-03")]),
        (
            "From December to February 2024, the rink stayed open.",
            [("December", "2023-12"), ("February 2024", "2024-02")],
        ),
        (
            "The rink opened in January after the storm of March 2023.",
            [("January", "2024-01"), ("March 2023", "2023-03")],
        ),
    ],
)
def test_a_range_gives_its_opening_month_its_year(nlp: Language, text: str, expected: list[tuple[str, str]]) -> None:
    assert values(nlp, text) == expected
