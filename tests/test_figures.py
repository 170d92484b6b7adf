"""Figures, changes and superlatives: (text, expected) tables, with negative cases."""

from __future__ import annotations

import datetime as dt

import pytest
from spacy.language import Language

from extractor.extract import extract_text
from extractor.metrics import metric_of_label
from extractor.models import ArticleRecord

PUBLISHED = dt.date(2024, 3, 1)


def record(nlp: Language, text: str, published: dt.date | None = PUBLISHED) -> ArticleRecord:
    result = extract_text(text, nlp, published=published)
    assert isinstance(result, ArticleRecord), result
    return result


def figures(nlp: Language, text: str, published: dt.date | None = PUBLISHED) -> set[tuple[int, float, str, str]]:
    return {(f.year, f.count, f.metric, f.qualifier.value) for f in record(nlp, text, published).figures}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "2020: 263 HOMICIDES\n\n2021: 201 HOMICIDES",
            {(2020, 263, "homicide", "exact"), (2021, 201, "homicide", "exact")},
        ),
        (
            "Traffic deaths by year:\n\n• 2019 — 41\n• 2020 — 52",
            {(2019, 41, "traffic death", "exact"), (2020, 52, "traffic death", "exact")},
        ),
        ("There were 1,204 crashes in 2022.", {(2022, 1204, "crash", "exact")}),
        (
            "The 160 homicides in 2023 were the lowest since 2014, which had 159 homicides.",
            {(2023, 160, "homicide", "exact"), (2014, 159, "homicide", "exact")},
        ),
        (
            "Shootings rose from 88 in 2019 to 131 in 2021.",
            {(2019, 88, "shooting", "exact"), (2021, 131, "shooting", "exact")},
        ),
        (
            "Police made 312 DUI arrests last year, up from 290 the year before.",
            {(2023, 312, "dui arrest", "exact"), (2022, 290, "dui arrest", "exact")},
        ),
        ("Forty-two people drowned in 2022.", {(2022, 42, "drowning", "exact")}),
        ("Inspectors closed a dozen restaurants in 2021.", {(2021, 12, "restaurant", "exact")}),
        ("The county recorded nearly 300 overdose deaths in 2022.", {(2022, 300, "overdose death", "approx")}),
        ("Crews answered more than 1,000 calls in 2020.", {(2020, 1000, "call", "at_least")}),
        ("Fewer than 50 students enrolled in 2023.", {(2023, 50, "student", "at_most")}),
        (
            "There was an increase in car break-ins, with 940 car break-ins in 2023.",
            {(2023, 940, "car break-in", "exact")},
        ),
        ("Fires burned 1.2 million acres in 2021.", {(2021, 1_200_000, "acre", "exact")}),
        ("The district counted 412 homeless people in fiscal 2023.", {(2023, 412, "homeless person", "exact")}),
        (
            "| Year | Robberies | Burglaries |\n|---|---|---|\n| 2021 | 410 | 1,022 |\n| 2022 | 388 | 980 |",
            {
                (2021, 410, "robbery", "exact"),
                (2021, 1022, "burglary", "exact"),
                (2022, 388, "robbery", "exact"),
                (2022, 980, "burglary", "exact"),
            },
        ),
        (
            "Year\tEvictions\n2021\t5,120\n2022\t6,004",
            {(2021, 5120, "eviction", "exact"), (2022, 6004, "eviction", "exact")},
        ),
        (
            "Metric        2022    2023\nOverdoses      311     287",
            {(2022, 311, "overdose", "exact"), (2023, 287, "overdose", "exact")},
        ),
        ("It was the fewest homicides since 2014, when police recorded 211.", {(2014, 211, "homicide", "exact")}),
    ],
)
def test_figures_in_the_shapes_press_uses(nlp: Language, text: str, expected: set[tuple[int, float, str, str]]) -> None:
    assert figures(nlp, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The 34-year-old man was shot at 5:30 p.m. on Route 66 in 2023.",
        "The city spent $4.2 million on overtime in 2022.",
        "Crime fell 12% in 2022.",
        "The homicide rate was 24.3 per 100,000 residents in 2022.",
        "Officers responded to the 1200 block of Main Street in 2021.",
        "Call 555-1212 to report potholes, the city said in 2023.",
        "Precinct 7 and Ward 12 saw changes in 2022.",
        "COVID-19 slowed the courts in 2020.",
        "Murders peaked in the 1990s.",
        "There were 97 murders, 13 fewer than the year before.",
        "The council voted 3-2 on Feb. 2, 2023 to fund the program.",
        "The jail's average daily population was 1,512 in 2023.",
        "Residents filed a dozen complaints a week in 2018.",
        "Jones, who became chief in 2020, said the force has 238 officers.",
        "In 2022, the law changed.",
        "Police made 300 arrests.",
        "Ring 0300 0161 555 or 0113 496 2087 for advice.",
        "Two brothers were killed in their home December 5, 2015.",
        "The library moved to Python 3 in 2020.",
        "Deputies were looking for a 2011 silver Ford van and the three masked men.",
        "The company put up 43 million euros in 2023.",
    ],
)
def test_numbers_that_are_not_figures(nlp: Language, text: str) -> None:
    assert figures(nlp, text) == set()


def test_comparison_with_last_years_figure(nlp: Language) -> None:
    text = "There were 97 murders in 2018, 13 fewer than last year's low of 110."
    assert figures(nlp, text) == {(2018, 97, "murder", "exact"), (2017, 110, "murder", "exact")}


def test_place_in_the_phrase_else_the_articles(nlp: Language) -> None:
    text = "DAYTON, Ohio — Police recorded 412 shootings in Brooklyn in 2022 and 388 shootings in 2023."
    got = {(f.year, f.location) for f in record(nlp, text).figures}
    assert got == {(2022, "Brooklyn"), (2023, "Dayton, Ohio")}


def test_relative_years_need_a_publication_date(nlp: Language) -> None:
    text = "Police made 312 DUI arrests last year."
    assert figures(nlp, text) == {(2023, 312, "dui arrest", "exact")}
    assert figures(nlp, text, published=None) == set()


def test_a_year_is_never_a_count(nlp: Language) -> None:
    for f in record(nlp, "In 2021, 2022 and 2023 the city logged 2,020 crashes in 2019.").figures:
        assert f.count != f.year and f.count not in (2021, 2022, 2023)


@pytest.mark.parametrize(
    ("label", "metric"),
    [
        ("Homicides by year:", "homicide"),
        ("Dog intakes", "dog intake"),
        ("Injuries to subjects", "injury"),
        ("Number of overdose deaths, 2019-2023", "overdose death"),
        ("Vehicles stolen", "stolen vehicle"),
        ("Acres burned", "burned acre"),
        ("Bicycle crashes reported", "bicycle crash"),
        ("Fiscal year", None),
        ("2019", None),
    ],
)
def test_metric_of_a_header_label(label: str, metric: str | None) -> None:
    assert metric_of_label(label) == metric


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The number of homicides has decreased by nearly 40% since 2021.", [("decrease", 40.0, "approx", "2021")]),
        ("Robberies were down 11.8% from 2022.", [("decrease", 11.8, "exact", "2022")]),
        ("Burglaries totaled 980 (-8.2%).", [("decrease", 8.2, "exact", None)]),
        ("That was a 12 percent increase over last year.", [("increase", 12.0, "exact", "2023")]),
        (
            "Closed out 2023 with 271 homicides, a drop of 18.9% from 334 the year before.",
            [("decrease", 18.9, "exact", None)],
        ),
        ("Shootings rose from 88 in 2019 to 131 in 2021.", [("increase", None, "exact", "2019")]),
        ("There was an increase in car break-ins.", [("increase", None, "exact", None)]),
        ("Firefighter injuries also climbed.", [("increase", None, "exact", None)]),
        ("Violent crime is dropping, leaders say.", []),
        ("The city grew.", []),
    ],
)
def test_changes(nlp: Language, text: str, expected: list[tuple[str, float | None, str, str | None]]) -> None:
    got = [(c.direction.value, c.percent, c.qualifier.value, c.since) for c in record(nlp, text).changes]
    for want in expected:
        assert any(g[:3] == want[:3] and (want[3] is None or g[3] == want[3]) for g in got), (want, got)
    assert len(got) == len(expected)


@pytest.mark.parametrize(
    "text",
    [
        "About 40% of victims were men.",
        "The clearance rate rose from 41% to 52%.",  # a level: a change with no percent, not 41 or 52
        "Drivers at 0.08 percent or higher were arrested.",
        "Young men made up about 71% of those deaths.",
        "Vaccination stayed below the 95% target.",
    ],
)
def test_percentages_that_are_not_percent_changes(nlp: Language, text: str) -> None:
    assert all(c.percent is None for c in record(nlp, text).changes)


def test_seed_change_since_the_dated_event(nlp: Language) -> None:
    text = (
        "Mayor Tishaura O. Jones highlighted progress since the administration took office in April 2021.\n\n"
        "The number of homicides per year has decreased by nearly 40% since Mayor Jones took office."
    )
    (change,) = record(nlp, text).changes
    assert (change.direction.value, change.percent, change.since, change.metric) == (
        "decrease",
        40.0,
        "2021-04",
        "homicide",
    )


@pytest.mark.parametrize(
    ("text", "since_year", "year"),
    [
        ("The 160 homicides in 2023 were the lowest number since 2014.", 2014, 2023),
        ("Complaints fell to 9,812 in 2023, the fewest since record-keeping began.", None, 2023),
        ("Heat deaths reached a record high in 2023.", None, 2023),
        ("Overdose deaths remain at an all-time high.", None, None),
    ],
)
def test_superlatives(nlp: Language, text: str, since_year: int | None, year: int | None) -> None:
    (claim,) = record(nlp, text).claims
    assert claim.kind.value == "superlative" and claim.since_year == since_year
    assert claim.year == year


@pytest.mark.parametrize("text", ["Most residents agreed.", "The most violent year was long ago.", "She is the best."])
def test_not_superlative_claims(nlp: Language, text: str) -> None:
    assert record(nlp, text).claims == []
