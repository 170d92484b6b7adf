"""Figures by class of language, second batch (issue #25, figures that generalise): classes found by
running releases written for the purpose, not the dev articles. Each table names its class and
holds made-up sentences, positive and negative. Expected sets list (year, count, metric head)."""

from __future__ import annotations

import datetime as dt

import pytest
from spacy.language import Language

from extractor.extract import extract_text
from extractor.models import ArticleRecord, Figure

PUBLISHED = dt.date(2024, 3, 1)

Expected = set[tuple[int, float, str]]


def found(nlp: Language, text: str) -> list[Figure]:
    result = extract_text(text, nlp, published=PUBLISHED)
    assert isinstance(result, ArticleRecord), result
    return result.figures


def heads(nlp: Language, text: str) -> Expected:
    return {(f.year, f.count, f.metric.split()[-1]) for f in found(nlp, text)}


# a year list whose plural noun the tagger reads as a verb ("2020: 131 homicides"); a list's
# header is a short label, never a paragraph of prose above it
YEAR_LISTS = [
    (
        "Drownings at the lake:\n\n2020: 6 drownings\n2021: 11 drownings\n",
        {(2020, 6, "drowning"), (2021, 11, "drowning")},
    ),
    (
        "HILL PARK \u2014 The chief's yearly summary to the council covered staffing and the budget:\n\n"
        "2019: 88 homicides\n2020: 131 homicides\n",
        {(2019, 88, "homicide"), (2020, 131, "homicide")},
    ),
    (
        "Carjackings by year:\n\n2021: 212\n2022: 187\n",
        {(2021, 212, "carjacking"), (2022, 187, "carjacking")},
    ),
    (
        "VALE TOWN \u2014 The chief's yearly summary to the council covered staffing, training and the budget:\n\n"
        "2021: 212\n2022: 187\n",
        set(),
    ),
]

# in a sentence with no year of its own, the staff, sites or partners of an office (an owned count,
# a count after "at", "across", "among" or "from") are not statistics the paragraph's year carries to
RESOURCE_COUNTS = [
    (
        "In 2023, the crisis unit answered 4,100 calls. Its counselors also made 310 home visits.",
        {(2023, 4100, "call"), (2023, 310, "visit")},
    ),
    (
        "In 2023, the crisis unit answered 4,100 calls. The unit's nine counselors work in shifts.",
        {(2023, 4100, "call")},
    ),
    (
        "The shelter took in 2,300 animals in 2022. Volunteers from eleven rescue groups helped place them.",
        {(2022, 2300, "animal")},
    ),
    ("Inspectors found 85 violations in 2023. The checks took place at 40 restaurants.", {(2023, 85, "violation")}),
    (
        "Crews answered 9,200 calls in 2022. They also put out 410 brush fires.",
        {(2022, 9200, "call"), (2022, 410, "fire")},
    ),
]

# "the same period of 2022", "the same period last year": the same part of another year (a
# part-year comparison that takes the sentence's period), not a span of several years
SAME_PERIOD = [
    (
        "The agency logged 38 assaults on drivers in the first quarter of 2023, up from 29 in the same period of 2022.",
        {(2023, 38, "assault"), (2022, 29, "assault")},
    ),
    (
        "Officers wrote 5,100 tickets in the first half of 2023, compared with 4,700 in the same period of 2022.",
        {(2023, 5100, "ticket"), (2022, 4700, "ticket")},
    ),
    ("Between 2016 and 2020 the county built 12 clinics. During the same period, 400 nurses were hired.", set()),
]

# a participle between a count and its plural noun ("1,145 reported rapes", "40 stolen cars")
PARTICIPLE_MODIFIERS = [
    ("In 2020 there were 1,145 reported rapes statewide.", {(2020, 1145, "rape")}),
    ("In 2022 there were 312 confirmed cases of measles statewide.", {(2022, 312, "case")}),
    ("In 2021, 40 reported that they had been robbed.", set()),
]

# a present participle describing a noun ("crashes involving drunk drivers") holds no year of its
# own: a year phrase closing the sentence dates the main clause
PARTICIPLE_CLAUSES = [
    ("Twenty-two people were killed in crashes involving drunk drivers in 2019.", {(2019, 22, "person")}),
    ("Nine workers died in falls involving ladders in 2022.", {(2022, 9, "worker")}),
    ("The 40 officers, who were hired in 2019, now patrol the north side.", set()),
    ("The clerk now keeps more than 900 sealed files, some dating to 2006.", set()),
]

# two predicates of one subject, the second hung by the parse on a participle of the first one's
# object ("filed 300 cases brought by detectives and secured 280 pleas last year"): the closing year
# dates both; a second subject opens a clause of its own
JOINED_PREDICATES = [
    (
        "Lawyers filed charges in more than 300 theft cases presented by officers and secured more than 280 "
        "convictions in the last fiscal year.",
        {(2023, 300, "case"), (2023, 280, "conviction")},
    ),
    (
        "The office charged 300 assault cases brought by detectives and secured 280 guilty pleas in the last "
        "fiscal year.",
        {(2023, 300, "case"), (2023, 280, "plea")},
    ),
    ("The unit reviewed 620 cases referred by police, and officers made 590 arrests in 2023.", {(2023, 590, "arrest")}),
]

# "since then", "since its launch": a total from a past point to now, not a year's count; "since
# January" is a part of this year
SINCE_A_PAST_POINT = [
    ("The rule took effect in 2021 and since then 75 permits have been revoked.", set()),
    ("Since its opening in 2020, the center has sheltered 3,400 people.", set()),
    ("Since January, deputies have made 61 arrests for street racing.", {(2024, 61, "arrest")}),
]

# a split year ("2021-22", "2019/20"), with or without a fiscal word, is counted in the year it ends
SPLIT_YEARS = [
    (
        "The district reported 311 suspensions in 2022-23, compared to 402 in 2021-22.",
        {(2023, 311, "suspension"), (2022, 402, "suspension")},
    ),
    ("The league registered 1,450 players in 2019-20.", {(2020, 1450, "player")}),
    ("Between 2019 and 2021, the district reported 900 suspensions.", set()),
]

# the entrants or crowd of one contest, competition, tournament, race, concert or banquet are that
# event's details; a program's yearly count is a statistic
ONE_EVENT_COUNTS = [
    ("This year 40 students took part in the poetry contest, up from 25 last year.", set()),
    ("Last year 64 teams entered the regional robotics competition.", set()),
    ("In 2023, 640 people took part in the county's diversion program.", {(2023, 640, "person")}),
    ("The union marked its centennial this year with 450 guests at a banquet.", set()),
    ("Runners from 30 clubs finished the charity race this year.", set()),
]


@pytest.mark.parametrize(
    ("text", "expected"),
    YEAR_LISTS
    + RESOURCE_COUNTS
    + SAME_PERIOD
    + PARTICIPLE_MODIFIERS
    + PARTICIPLE_CLAUSES
    + JOINED_PREDICATES
    + SINCE_A_PAST_POINT
    + SPLIT_YEARS
    + ONE_EVENT_COUNTS,
)
def test_figure_classes(nlp: Language, text: str, expected: Expected) -> None:
    assert heads(nlp, text) == expected, text


def test_same_period_takes_the_sentences_period(nlp: Language) -> None:
    text = SAME_PERIOD[0][0]
    assert {f.period for f in found(nlp, text)} == {"first quarter"}


def test_split_year_is_a_fiscal_year(nlp: Language) -> None:
    assert {f.period for f in found(nlp, SPLIT_YEARS[0][0])} == {"fiscal year"}
