"""Precision of figures on text nobody tuned for (issue #25): classes of language that ordinary
releases and news stories use around a year and a number without stating a yearly statistic. Each
table has sentences that must yield no figure (negative) and sentences of a similar shape whose
yearly statistic must be kept (positive). The sentences are made up for these tests, with invented
names and places. Expected sets list (year, count, metric head)."""

from __future__ import annotations

import datetime as dt

import pytest
from spacy.language import Language

from extractor.extract import extract_text
from extractor.models import ArticleRecord

PUBLISHED = dt.date(2024, 3, 1)

Expected = set[tuple[int, float, str]]


def heads(nlp: Language, text: str, published: dt.date | None = PUBLISHED) -> Expected:
    result = extract_text(text, nlp, published=published)
    assert isinstance(result, ArticleRecord), result
    return {(f.year, f.count, f.metric.split()[-1]) for f in result.figures}


# a count in the plain present tense, in a sentence about a past year: what someone has now
STANDING_COUNTS = [
    ("Doe, who has 9 children, was arrested in 2023.", set()),
    ("The company, which runs 12 stores in three states, was fined in 2022.", set()),
    ("The couple married in 2001 and have 4 children.", set()),
    ("Founded in 2015, the shelter now houses 120 dogs.", set()),
    # kept: a perfect, a past tense, a copula, or the present year itself
    ("The county has recorded 412 burglaries so far this year.", {(2024, 412, "burglary")}),
    ("The shelter, which opened in 2015, housed 120 dogs in 2022.", {(2022, 120, "dog")}),
    ("Deputies made 310 arrests in 2023, the sheriff says.", {(2023, 310, "arrest")}),
    ("This is up from 40 homicides in 2022.", {(2022, 40, "homicide")}),
]


@pytest.mark.parametrize(("text", "expected"), STANDING_COUNTS)
def test_standing_counts(nlp: Language, text: str, expected: Expected) -> None:
    assert heads(nlp, text) == expected, text
