"""Ordinary releases yield no statistic (issue #25): tests/data/ordinary holds releases we wrote,
with invented names and places, of the kind an office publishes every week (charges, sentencings,
a plea, a buyback day, a sweep, an event, a grant, a profile, a court ruling, a shooting update).
They are full of numbers near years: ages, bail, counts of charges, prior convictions, phone and
case numbers, pages, statute citations, multi-year totals, one day's counts. `none/` must yield no
figure and no change that states a percent; `kept/` holds releases of the same kind with true
yearly statistics, which must all be found (`kept/expected.json`)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from spacy.language import Language

from extractor.extract import extract_records
from extractor.ingest import iter_articles
from extractor.models import ArticleRecord

FOLDER = Path(__file__).parent / "data" / "ordinary"
NONE = sorted((FOLDER / "none").glob("*.txt"))
KEPT = json.loads((FOLDER / "kept" / "expected.json").read_text(encoding="utf-8"))


def _record(nlp: Language, path: Path) -> ArticleRecord:
    (result,) = extract_records(iter_articles([path]), nlp)
    assert isinstance(result, ArticleRecord), result
    return result


def test_the_fixture_is_there() -> None:
    assert len(NONE) >= 10 and len(KEPT) >= 3


@pytest.mark.parametrize("path", NONE, ids=lambda p: p.stem)
def test_no_statistic_in_an_ordinary_release(nlp: Language, path: Path) -> None:
    record = _record(nlp, path)
    assert record.published is not None  # the releases are dated: relative years resolve
    assert [(f.year, f.count, f.metric, f.evidence) for f in record.figures] == []
    assert [(c.metric, c.percent, c.evidence) for c in record.changes if c.percent is not None] == []


@pytest.mark.parametrize("name", sorted(KEPT))
def test_true_statistics_in_ordinary_releases_are_kept(nlp: Language, name: str) -> None:
    record = _record(nlp, FOLDER / "kept" / name)
    got = {(f.year, f.count, f.metric.split()[-1]) for f in record.figures}
    assert got == {(year, count, head) for year, count, head in KEPT[name]}
