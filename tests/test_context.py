"""Figures, changes and claims on real press: one table per class of language, positive and
negative, in sentences written for these tests. Each table names the class it covers."""

from __future__ import annotations

import datetime as dt

import pytest
from spacy.language import Language

from extractor.extract import extract_text
from extractor.models import ArticleRecord, Figure
from extractor.numbers import words_value

PUBLISHED = dt.date(2024, 12, 30)


def record(nlp: Language, text: str, published: dt.date | None = PUBLISHED) -> ArticleRecord:
    result = extract_text(text, nlp, published=published)
    assert isinstance(result, ArticleRecord), result
    return result


def found(nlp: Language, text: str, published: dt.date | None = PUBLISHED) -> list[Figure]:
    return record(nlp, text, published).figures


def pairs(nlp: Language, text: str, published: dt.date | None = PUBLISHED) -> set[tuple[int, float, str]]:
    return {(f.year, f.count, f.metric.split()[-1]) for f in found(nlp, text, published)}


# --- relative years: against the publication date, never the machine's clock ----------------


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        ("Firefighters answered 812 chimney fires last year.", dt.date(2024, 12, 30), {(2023, 812, "fire")}),
        ("The shelter took in 85 stray dogs so far this year.", dt.date(2019, 6, 2), {(2019, 85, "dog")}),
        ("This year's 85 burglaries were a surprise to the council.", dt.date(2021, 12, 30), {(2021, 85, "burglary")}),
        ("Inspectors closed 40 restaurants in the previous year.", dt.date(2018, 4, 1), {(2017, 40, "restaurant")}),
        # no publication date: a relative year stays unresolved, so no figure
        ("Firefighters answered 812 chimney fires last year.", None, set()),
        ("The shelter took in 85 stray dogs so far this year.", None, set()),
    ],
)
def test_relative_years_use_the_publication_date(
    nlp: Language, text: str, published: dt.date | None, expected: set[tuple[int, float, str]]
) -> None:
    assert pairs(nlp, text, published) == expected


# --- year context from document structure ----------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected", "basis"),
    [
        # a list header gives its items the year of the report it names
        (
            "The county released the 2019 Water Safety Report on Monday.\n"
            "The review lists the following facts:\n"
            "Lifeguards made 312 rescues at county beaches.\n"
            "Crews posted 48 warning signs along the river.",
            {(2019, 312, "rescue"), (2019, 48, "sign")},
            "list header",
        ),
        # a list under "In 2022,"
        (
            "In 2022, the transit police:\nissued 640 fare citations;\nmade 75 arrests.",
            {(2022, 640, "citation"), (2022, 75, "arrest")},
            "list header",
        ),
        # the year of the paragraph so far
        (
            "In 2021, the city recorded 90 water main breaks. Crews also fixed 35 sewer line breaks.",
            {(2021, 90, "break"), (2021, 35, "break")},
            "paragraph",
        ),
        # a sentence broken over lines by scraped links keeps its year
        (
            "In 2023, the state's\nHighway Patrol\nwrote 1,900 speeding tickets on the bridge.",
            {(2023, 1900, "ticket")},
            "paragraph",
        ),
    ],
)
def test_year_from_document_structure(
    nlp: Language, text: str, expected: set[tuple[int, float, str]], basis: str
) -> None:
    figures = found(nlp, text)
    assert {(f.year, f.count, f.metric.split()[-1]) for f in figures} == expected
    assert basis in {f.basis.value for f in figures}


@pytest.mark.parametrize(
    "text",
    [
        # a quotation ends the list; counts without a year of their own and no context get none
        "Volunteers planted 300 trees along the creek.",
        "The clinic has 12 exam rooms and 40 nurses.",
        # a present-tense count does not take the paragraph's past year
        "In 2015, the league had 20 teams. Today 31 teams are registered.",
    ],
)
def test_no_year_without_context(nlp: Language, text: str) -> None:
    assert (2015, 31, "team") not in pairs(nlp, text)
    assert all(f.count not in (300, 12, 40) for f in found(nlp, text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "In 2020 the district had 1,450 pupils and 61 teachers, and in 2019 the numbers were, "
            "respectively, 1,390 and 58.",
            {(2020, 1450, "pupil"), (2020, 61, "teacher"), (2019, 1390, "pupil"), (2019, 58, "teacher")},
        ),
    ],
)
def test_respectively_series(nlp: Language, text: str, expected: set[tuple[int, float, str]]) -> None:
    assert pairs(nlp, text) == expected


# --- counts versus other numbers --------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # differences are not counts
        ("Thefts fell to 118 in 2023, down 12 thefts from the year before.", {(2023, 118, "theft")}),
        ("The county logged 64 drownings in 2022, 13 fewer than in 2021.", {(2022, 64, "drowning")}),
        # a parenthetical total belongs to the year just before it
        (
            "Arrests rose to 410 in 2021, compared with 2019 (a total of 312 arrests).",
            {(2021, 410, "arrest"), (2019, 312, "arrest")},
        ),
        # averages over a range of years
        ("Between 2010 and 2015, the port saw an average of 29 groundings a year.", set()),
        # totals over several years
        ("Between 2014 and 2021, the agency bought 58 electric buses.", set()),
        ("Since its launch in 2008, the program has trained almost 90 medics.", set()),
        ("The crews cleared 1,088 tons of brush over the past five years.", set()),
        # targets and projections
        ("By 2028 the utility aims to replace 110,000 lead pipes.", set()),
        ("The projection for 2026 is 700 new housing units.", set()),
        # birth years, service numbers and dates in another language
        ("Born in 1909, the painter lived through two wars.", set()),
        ("In 2023, residents made 98,000 calls to 911 about noise.", {(2023, 98000, "call")}),
        ("La feria abre el 14 de Junio de 2027 junto al río.", set()),
        # partitives: a part of a group is no count
        ("Six of the jurors were seated at the 2022 trial.", set()),
    ],
)
def test_counts_versus_other_numbers(nlp: Language, text: str, expected: set[tuple[int, float, str]]) -> None:
    assert pairs(nlp, text) == expected


# --- metrics ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "metric"),
    [
        # the counted noun with its compound modifiers
        ("The coroner confirmed 431 opioid overdose deaths in 2023.", "opioid overdose death"),
        ("The city received 2,300 noise complaints in 2022.", "noise complaint"),
        ("Crews repaired 75 sewer line breaks in 2021.", "sewer line break"),
        ("Officials issued 640 business licenses in 2020.", "business license"),
        ("Prosecutors filed charges against 43 co-defendants in 2002.", "co-defendant"),
        # a verb-derived metric for people
        ("In 2022, 41,200 people were arrested on the island.", "arrest"),
        ("In 2021, nine people drowned off the beach.", "drowning"),
        # "others" takes the metric of the count before it
        ("In 2001, 211 inmates were paroled and 28 others were released early.", "inmate"),
    ],
)
def test_metrics(nlp: Language, text: str, metric: str) -> None:
    assert metric in {f.metric for f in found(nlp, text)}


# --- periods ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "year", "period"),
    [
        ("Police logged 4,100 burglaries in the first six months of 2024.", 2024, "first half"),
        ("So far this year, the office has filed 253 drug cases.", 2024, "year to date"),
        ("Through October of 2003, the registry listed 17 new cases.", 2003, "through october"),
        ("The county recorded 1,204 crashes in 2022.", 2022, None),
        ("The agency logged 310 complaints in fiscal year 2019.", 2019, "fiscal year"),
    ],
)
def test_periods(nlp: Language, text: str, year: int, period: str | None) -> None:
    (figure,) = found(nlp, text)
    assert (figure.year, figure.period) == (year, period)


# --- number words of any size -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("words", "value"),
    [
        ("two hundred fifty people", (250, 3)),
        ("three thousand five hundred cases", (3500, 4)),
        ("forty - two", (42, 3)),
        ("one hundred and twelve arrests", (112, 4)),
        ("seven", (7, 1)),
        ("dozen", None),
        ("crashes", None),
    ],
)
def test_number_words(words: str, value: tuple[int, int] | None) -> None:
    assert words_value(words.split()) == value


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("In 2019, two hundred fifty people were arrested at the border.", {(2019, 250, "arrest")}),
        ("In 2020, the shelter placed three thousand five hundred cats.", {(2020, 3500, "cat")}),
    ],
)
def test_number_words_in_text(nlp: Language, text: str, expected: set[tuple[int, float, str]]) -> None:
    assert pairs(nlp, text) == expected


# --- changes ----------------------------------------------------------------------------------


def changes(nlp: Language, text: str) -> set[tuple[str | None, str, float | None]]:
    return {(c.metric, c.direction.value, c.percent) for c in record(nlp, text).changes}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a change's metric is its subject
        ("Assaults in the borough were down 7.5% last year.", {("assault", "decrease", 7.5)}),
        ("The state's suicide rate increased 12% in 2021.", {("suicide rate", "increase", 12.0)}),
        # the object of a change noun, through "the number of"
        ("The town saw a 9 percent drop in the number of arcades.", {("arcade", "decrease", 9.0)}),
        # the figure a change is apposed to
        (
            "In 2022, there were 5,100 stolen bikes, a decrease of 18% from the year before.",
            {("stolen bike", "decrease", 18.0)},
        ),
        # never a time or a place
        ("Robberies across the city are up 6% in the first nine months of 2023.", {("robbery", "increase", 6.0)}),
        ("HALIFAX, N.S. — Reported burglaries in Halifax fell 8 percent in 2023.", {("burglary", "decrease", 8.0)}),
        # a headline's subject, title case and all
        ("Bicycle Thefts Drop 30 Percent Over Past Three Years", {("bicycle theft", "decrease", 30.0)}),
        # a generic subject ("the total") takes the figure stated before it
        (
            "The county recorded 296 carjackings in 2023. The 2023 total was down 9.5% from the year before.",
            {("carjacking", "decrease", 9.5)},
        ),
        # a relative clause takes its antecedent
        (
            "Police investigated 396 crashes with injuries, which marks a drop of 12% from 2019.",
            {("crash", "decrease", 12.0)},
        ),
    ],
)
def test_change_metrics(nlp: Language, text: str, expected: set[tuple[str | None, str, float | None]]) -> None:
    assert changes(nlp, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # shares and levels are not changes
        "About 58 percent of the claims involve drivers under 30.",
        "More than 70% of the county's crashes happened at night.",
        "The store offered 25% off all winter coats.",
        "About 60 percent of the calls fall under noise rules, while about 40 percent relate to parking.",
    ],
)
def test_shares_are_not_changes(nlp: Language, text: str) -> None:
    assert {c.percent for c in record(nlp, text).changes if c.percent is not None} == set()


# --- claims -----------------------------------------------------------------------------------


def claims(nlp: Language, text: str) -> set[tuple[str | None, int | None, int | None]]:
    return {(c.metric.split()[-1] if c.metric else None, c.year, c.since_year) for c in record(nlp, text).claims}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a superlative with a time anchor: the year of the figure it speaks of
        (
            "The county recorded 41 heat deaths in 2023, the most since 2012.",
            {("death", 2023, 2012)},
        ),
        ("In 2021, the town logged the most bicycle thefts recorded in 20 years.", {("theft", 2021, None)}),
        # a present-tense extreme has no year
        ("Ferry ridership figures stay at an all-time high.", {("ridership", None, None)}),
        # an extreme that names its year
        ("Burglaries have halved since the peak year of 1996.", {("burglary", 1996, None)}),
        ("The worst year for wildfire evacuations was 2017, officials said.", {("evacuation", 2017, None)}),
        # "This is ..." speaks of the figure just stated
        (
            "The unit won 82 trials in 2004. This is the highest win rate in 12 years.",
            {("rate", 2004, None)},
        ),
    ],
)
def test_claims(nlp: Language, text: str, expected: set[tuple[str | None, int | None, int | None]]) -> None:
    assert claims(nlp, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # a case superlative, a rank, a place comparison, a future goal
        "It was the largest wage theft case ever brought in the county.",
        "Car theft is the third-largest property offense in the valley.",
        "The agency is on track to pass its worst tally in decades.",
    ],
)
def test_not_claims(nlp: Language, text: str) -> None:
    assert record(nlp, text).claims == []
