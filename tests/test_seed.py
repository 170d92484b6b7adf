"""The seed article this project started from: it must always pass."""

from __future__ import annotations

from typing import Any

import pytest
from spacy.language import Language

from extractor.extract import extract_records
from extractor.ingest import iter_articles
from extractor.models import ArticleRecord
from tests.conftest import SEED


@pytest.fixture(scope="module")
def seed_record(nlp: Language) -> ArticleRecord:
    (record,) = extract_records(iter_articles([SEED]), nlp)
    assert isinstance(record, ArticleRecord)
    return record


def test_seed_figures_are_exactly_the_gold_ones(seed_record: ArticleRecord, seed_gold: dict[str, Any]) -> None:
    got = sorted((f.year, f.count, f.metric, f.qualifier.value) for f in seed_record.figures)
    want = sorted((f["year"], f["count"], f["metric"], f["qualifier"]) for f in seed_gold["figures"])
    assert got == want


@pytest.mark.parametrize(
    ("year", "evidence"),
    [(2020, "2020: 263 HOMICIDES"), (2023, "2023: 160 HOMICIDES"), (2014, "2014, which had 159 homicides")],
)
def test_seed_figure_evidence(seed_record: ArticleRecord, year: int, evidence: str) -> None:
    (figure,) = [f for f in seed_record.figures if f.year == year]
    assert figure.evidence == evidence == seed_record.text[figure.start : figure.end]


def test_seed_location_comes_from_the_dateline(seed_record: ArticleRecord) -> None:
    assert seed_record.location == "St. Louis"
    assert all(f.location == "St. Louis" for f in seed_record.figures)
