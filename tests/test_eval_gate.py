"""The evaluation gate: quality on corpus/ may not fall under the floors in eval_floors.json
(raise them with `extractor eval corpus/ --floors tests/eval_floors.json --raise-floors`)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from spacy.language import Language

from extractor.evaluate import Report, below_floors, evaluate, find_gold, load_floors, raise_floors
from extractor.models import ArticleRecord
from tests.conftest import CORPUS, SHARED

FLOORS = Path(__file__).with_name("eval_floors.json")
FLOORS_POLNEAR = Path(__file__).with_name("eval_floors_polnear.json")


@pytest.fixture(scope="module")
def corpus_report(corpus_records: list[ArticleRecord]) -> Report:
    pairs, problems = find_gold(CORPUS)
    assert not problems, problems
    assert len(pairs) >= 40, "the gold corpus must keep at least 40 articles"
    return evaluate(corpus_records, {str(p.article): p.gold for p in pairs})


def test_quality_holds_its_floors(corpus_report: Report) -> None:
    assert below_floors(corpus_report, load_floors(FLOORS)) == []


def test_issue_targets(corpus_report: Report) -> None:
    assert corpus_report.scores["figures"].f1 >= 0.95
    assert corpus_report.scores["changes"].f1 >= 0.90


def test_a_gate_refuses_a_regression() -> None:
    report = Report()
    report.scores["figures"].tp, report.scores["figures"].fp = 8, 2
    assert below_floors(report, {"figures": 0.95}) == ["figures: F1 0.889 < floor 0.950"]
    assert raise_floors(report, {"figures": 0.95})["figures"] == 0.95  # never lowered
    assert raise_floors(report, {"figures": 0.5})["figures"] == 0.883


def test_no_figure_counts_a_year_an_age_money_or_a_percentage(corpus_records: list[ArticleRecord]) -> None:
    for r in corpus_records:
        for f in r.figures:
            assert not (1800 <= f.count <= 2100 and f.count == f.year), f
            shown = f"{int(f.count):,}" if float(f.count).is_integer() else str(f.count)
            for m in re.finditer(re.escape(shown), f.evidence):
                after = f.evidence[m.end() : m.end() + 12].lower()
                before = f.evidence[max(0, m.start() - 1) : m.start()]
                assert before != "$", f
                assert not after.startswith(("%", " percent", "-year-old", " years old")), f


POLNEAR = SHARED / "data" / "polnear-dev"


@pytest.mark.skipif(not POLNEAR.is_dir(), reason="shared/ data not beside the repo")
def test_polnear_quotes_hold_their_floors(nlp: Language) -> None:
    """Real press: 84 PolNeAR articles, scored with the loose speaker match their gold needs."""
    from extractor.extract import extract_records
    from extractor.ingest import iter_articles

    pairs, problems = find_gold(POLNEAR / "gold", POLNEAR / "articles")
    assert not problems and len(pairs) == 84
    records = [
        r for r in extract_records(iter_articles([p.article for p in pairs]), nlp) if isinstance(r, ArticleRecord)
    ]
    report = evaluate(records, {str(p.article): p.gold for p in pairs}, loose_speakers=True)
    assert below_floors(report, load_floors(FLOORS_POLNEAR)) == []
