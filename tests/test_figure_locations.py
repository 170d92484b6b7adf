"""Each figure's own place (issue 27, item 1; docs/LOCATION.md): the place the count's sentence
names for it, else the article's. Every sentence here is written for these tests; the measure on
real releases reads press-dev from ../shared and this repo's annotations of its tune half."""

from __future__ import annotations

import datetime as dt

import pytest
from spacy.language import Language

from benchmarks.places import FIGURE_LOCATIONS, PRESS, figure_location_score, same_place
from extractor.extract import extract_text
from extractor.models import ArticleRecord

PUBLISHED = dt.date(2024, 3, 1)
FIGURE_PLACE_FLOOR = 0.97  # measured 216 of 219 (0.986) annotated figures; 0.941 before figures had places


def _places(nlp: Language, text: str) -> dict[int, str | None]:
    record = extract_text(text, nlp, published=PUBLISHED)
    assert isinstance(record, ArticleRecord)
    return {int(f.count): f.location for f in record.figures}


@pytest.mark.parametrize(
    ("text", "count", "place"),
    [
        # a place introduced by a preposition on the count's clause, before or after the count
        ("BRACKENRIDGE, Ore. - Across Marlow County, 41 people died in crashes in 2023.", 41, "Marlow County"),
        ("BRACKENRIDGE, Ore. - In Fenwick, 12 homicides were reported in 2023.", 12, "Fenwick"),
        ("BRACKENRIDGE, Ore. - There were 318 burglaries in Millbrook in 2023.", 318, "Millbrook"),
        ("BRACKENRIDGE, Ore. - Thefts in the City of Fenwick rose, with 77 reported in 2023.", 77, "Fenwick"),
        # a place in the subject of the count's verb
        ("BRACKENRIDGE, Ore. - Marlow County recorded 41 homicides in 2023.", 41, "Marlow County"),
        ("BRACKENRIDGE, Ore. - In 2023, U.S. lenders reported 5,300 skimming cases.", 5300, "United States"),
        # a county, state or nation by a word alone: the one the article names
        (
            "BRACKENRIDGE, Ore. - The Marlow County sheriff spoke on Monday. In 2023, the county had 41 homicides.",
            41,
            "Marlow County",
        ),
        ("FENWICK, Ore. - Oregon officials met. Statewide, 640 people died in crashes in 2023.", 640, "Oregon"),
        ("FENWICK, Ore. - Last year, more than 90,000 Americans died of overdoses.", 90000, "United States"),
        # the dateline's state outweighs a street named after another state, and a tie
        (
            "FENWICK, Ore. - Checkpoints will run on Kansas Avenue and North Kansas Avenue. Oregon troopers "
            "said they made 2,310 arrests statewide in 2023.",
            2310,
            "Oregon",
        ),
        # a state the text names, in a release datelined in another: the named state
        (
            "BRACKENRIDGE, Ore. - Idaho's health board met. Idaho recorded 640 overdose deaths statewide in "
            "2023, the board said.",
            640,
            "Idaho",
        ),
        # the sentence names no place: the article's
        ("FENWICK, Ore. - In 2023, the unit filed 1,204 cases.", 1204, "Fenwick, Ore."),
    ],
)
def test_the_place_a_count_is_about(nlp: Language, text: str, count: int, place: str) -> None:
    assert _places(nlp, text).get(count) == place


@pytest.mark.parametrize(
    ("text", "count"),
    [
        # a place in a clause of its own, not the count's
        (
            "FENWICK, Ore. - In 2023, the office charged 14 drivers, including one who hit a cyclist in Marlow "
            "County after a party.",
            14,
        ),
        # "state" naming a prison, an agency's name: no area
        ("FENWICK, Ore. - Last year, 211 inmates were sent to state prison.", 211),
        ("FENWICK, Ore. - In 2023, the Marlow County Sheriff's Office made 380 arrests.", 380),
    ],
)
def test_places_not_about_the_count(nlp: Language, text: str, count: int) -> None:
    assert _places(nlp, text).get(count) == "Fenwick, Ore."


@pytest.mark.parametrize(
    ("found", "annotated", "same"),
    [
        ("Marlow County, Ore.", "Marlow County", True),
        ("the City of Fenwick", "City of Fenwick", True),
        ("St. Ives", "St Ives", True),
        ("Fenwick", "Marlow County", False),
        (None, None, True),
        (None, "Fenwick", False),
    ],
)
def test_places_are_compared_by_name(found: str | None, annotated: str | None, same: bool) -> None:
    assert same_place(found, annotated) is same


def test_figure_places_on_annotated_releases(nlp: Language) -> None:
    assert PRESS.exists() and FIGURE_LOCATIONS.exists(), "this test measures the annotations on ../shared"
    right, scored = figure_location_score(nlp)
    assert scored >= 200
    assert right >= FIGURE_PLACE_FLOOR * scored, f"{right} of {scored}"
