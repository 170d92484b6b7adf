"""The shared vocabulary: one home per word list, rules files that name another's list by
reference, and the plain readers of the lists. (input, expected) tables with negative cases."""

from __future__ import annotations

import json
from importlib import resources
from typing import Any

import pytest
import spacy

from extractor.models import Qualifier
from extractor.numbers import in_number_run, is_year_token, qualifier_before
from extractor.rules import load
from extractor.vocabulary import LOW_SUPERLATIVES, MONTHS, RELATIVE_BY_FIRST, SUPERLATIVES, singular

RULE_FILES = sorted(p.name for p in resources.files("extractor.rules").iterdir() if p.name.endswith(".json"))


def _strings(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in _strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in _strings(v)]
    return []


@pytest.mark.parametrize("name", RULE_FILES)
def test_every_reference_is_resolved(name: str) -> None:
    assert not [s for s in _strings(load(name)) if s.startswith("@") and ".json#" in s]


def test_month_patterns_read_the_month_names_of_dates_json() -> None:
    patterns = load("context.json")["month_range_patterns"]
    lists = [
        t["LOWER"]["IN"]
        for p in patterns
        for t in p
        if isinstance(t.get("LOWER"), dict) and "sept." in t["LOWER"].get("IN", [])
    ]
    assert lists and all(words == list(MONTHS) for words in lists)


def test_street_words_hold_the_address_words_once() -> None:
    places = load("places.json")
    assert set(places["address_words"]) <= set(places["street_words"])
    raw = json.loads(resources.files("extractor.rules").joinpath("places.json").read_text(encoding="utf-8"))
    assert not set(raw["address_words"]) & set(raw["street_words"])  # written down once


@pytest.mark.parametrize(
    ("key", "files"),
    [("superlative_words", ["claims.json", "changes.json", "figures.json"]), ("month_words", ["figures.json"])],
)
def test_no_copy_of_a_shared_list_is_left(key: str, files: list[str]) -> None:
    assert not [f for f in files if key in load(f)]


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("Homicides", "homicide"),
        ("injuries", "injury"),
        ("children", "child"),
        ("crashes", "crash"),
        ("people", "person"),
        ("statistics", "statistics"),
        ("status", "status"),
        ("bus", "bus"),
        ("police", "police"),
        ("data", "data"),
        ("arrest", "arrest"),
    ],
)
def test_singular(word: str, expected: str) -> None:
    assert singular(word) == expected


@pytest.mark.parametrize(
    ("word", "end"), [("fewest", "low"), ("lowest", "low"), ("deadliest", "high"), ("most", "high")]
)
def test_superlatives_name_their_end(word: str, end: str) -> None:
    assert SUPERLATIVES[word] == end
    assert (word in LOW_SUPERLATIVES) == (end == "low")


@pytest.mark.parametrize(
    ("word", "month"), [("sept.", 9), ("jan", 1), ("december", 12), ("may", 5), ("monday", None), ("mar", 3)]
)
def test_months(word: str, month: int | None) -> None:
    assert MONTHS.get(word) == month


@pytest.mark.parametrize(
    ("phrase", "offset"),
    [("last year", -1), ("the year before", "before"), ("so far this year", 0), ("next year", 1), ("last week", None)],
)
def test_relative_years(phrase: str, offset: int | str | None) -> None:
    words = tuple(phrase.split())
    found = dict(RELATIVE_BY_FIRST.get(words[0], []))
    assert found.get(words) == offset


@pytest.mark.parametrize(
    ("text", "at", "expected"),
    [
        ("more than 40 arrests", 2, (Qualifier.at_least, 0)),
        ("nearly 40 arrests", 1, (Qualifier.approx, 0)),
        ("no more than 40 arrests", 3, (Qualifier.at_most, 0)),
        ("up to 40 arrests", 2, (Qualifier.at_most, 0)),
        ("the 40 arrests", 1, (Qualifier.exact, 1)),
        ("than 40 arrests", 1, (Qualifier.exact, 1)),  # "more" is past the floor
    ],
)
def test_qualifier_before(text: str, at: int, expected: tuple[Qualifier, int]) -> None:
    low = text.lower().split()
    floor = 0
    assert qualifier_before(low, at, floor) == expected


@pytest.fixture(scope="module")
def blank() -> spacy.language.Language:
    return spacy.blank("en")


@pytest.mark.parametrize(
    ("text", "at", "expected"),
    [
        ("Arrests fell in 2023 .", 3, True),
        ("It cost $ 2023 in all .", 3, False),
        ("Case No. 2019 was closed .", 2, False),
        ("They seized 1204 guns .", 2, False),
        ("In 1899 the town grew .", 1, True),
    ],
)
def test_is_year_token(blank: spacy.language.Language, text: str, at: int, expected: bool) -> None:
    assert is_year_token(blank(text)[at]) is expected


@pytest.mark.parametrize(
    ("text", "at", "expected"),
    [
        ("Call 0151 702 2071 now", 2, True),
        ("Call 0151 702 2071 now", 1, True),
        ("Police made 40 arrests", 2, False),
        ("In 2023 40 people died", 1, True),  # two bare numbers side by side read as a code
    ],
)
def test_in_number_run(blank: spacy.language.Language, text: str, at: int, expected: bool) -> None:
    assert in_number_run(blank(text), at) is expected
