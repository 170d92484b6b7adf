"""The figure binder (extractor/binder.py, extractor/train.py): the shipped model keeps yearly
statistics with their year and drops case details, modifier counts and ages; it loads offline and
needs no scikit-learn; the design is switchable; training is deterministic. Every sentence here is
made up for these tests."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from extractor import binder
from extractor.binder import Candidate, Model, bind, candidates, choose, design_in_use, shipped_model, veto
from extractor.extractors import article_doc
from extractor.models import Article, Figure

PUBLISHED = dt.date(2024, 3, 1)


def parsed(nlp: Language, text: str) -> Doc:
    article = Article(id="t", source="t", path="t", text=text, published=PUBLISHED)
    return nlp(article_doc(nlp, article))


def bound(nlp: Language, text: str, design: str) -> set[tuple[int, float]]:
    doc = parsed(nlp, text)
    return {(f.year, f.count) for f in bind(doc, doc._.figure_mentions, design=design)}


# yearly statistics: kept by the model, each with its own year
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The county recorded 412 burglaries in 2023, down from 450 in 2022.", {(2023, 412), (2022, 450)}),
        ("In 2023, firefighters responded to 18,200 calls for service.", {(2023, 18200)}),
        ("Deputies made 1,318 DUI arrests last year.", {(2023, 1318)}),
        ("The animal shelter took in 2,950 dogs in 2022.", {(2022, 2950)}),
        ("Prosecutors filed 4,812 felony cases in 2023, the office's annual report shows.", {(2023, 4812)}),
        ("There were 37 traffic deaths in the city in 2023.", {(2023, 37)}),
    ],
)
def test_model_keeps_yearly_statistics(nlp: Language, text: str, expected: set[tuple[int, float]]) -> None:
    assert bound(nlp, text, "model") == expected


# details of one case, modifier counts, ages: no figure, whatever the rules proposed
@pytest.mark.parametrize(
    "text",
    [
        "He pleaded guilty in 2023 to two misdemeanor counts of vandalism.",
        "She was charged last year with 13 felony counts of fraud.",
        "The jury convicted him in 2023 of 17 counts of theft involving four victims.",
        "In 2023, six agencies joined the task force.",
        "The 45-year-old defendant was sentenced in 2023 to nine years in prison.",
        "This year, the eight prosecutors of the unit will train officers.",
    ],
)
def test_model_drops_case_details_and_modifier_counts(nlp: Language, text: str) -> None:
    assert bound(nlp, text, "model") == set()


def test_the_designs_differ_on_a_count_the_model_scores_low(nlp: Language) -> None:
    """The designs differ where the model scores a rules' figure under its threshold: `model`
    drops it, `veto` keeps it unless it is also under the veto threshold, `rules` never asks. The
    thresholds are set around the shipped weights' own scores, so the test holds for any training."""
    text = "In 2023 the team trained 40 volunteers for five sites."
    doc = parsed(nlp, text)
    found = candidates(doc, doc._.figure_mentions)
    own = {c.figure.count: binder.shipped_model().score(c.features) for c in found if not c.alternative}
    assert set(own) == {40, 5}
    low, high = sorted((own[5], own[40]))
    middle = (low + high) / 2
    weights = shipped_model().weights
    model = Model(weights, threshold=middle, veto_threshold=low / 2)
    kept_by_model = {f.count for f in bind(doc, doc._.figure_mentions, design="model", model=model)}
    assert len(kept_by_model) == 1 and kept_by_model < {40, 5}
    assert {f.count for f in bind(doc, doc._.figure_mentions, design="veto", model=model)} == {40, 5}
    strict = Model(weights, threshold=middle, veto_threshold=middle)
    assert {f.count for f in bind(doc, doc._.figure_mentions, design="veto", model=strict)} == kept_by_model
    assert {f.count for f in bind(doc, doc._.figure_mentions, design="rules", model=strict)} == {40, 5}


def test_shipped_model_loads_offline_and_reads_the_features(nlp: Language) -> None:
    model = shipped_model()
    assert 0.0 < model.threshold < 1.0
    assert model.weights and all(isinstance(w, float) for w in model.weights.values())
    doc = parsed(nlp, "The unit made 40 arrests in 2022 and 55 arrests in 2023.")
    found = candidates(doc, doc._.figure_mentions)
    assert {(c.figure.year, c.figure.count, c.alternative) for c in found} >= {(2022, 40, False), (2023, 55, False)}
    # each count may also be bound to the sentence's other year, and the two bindings compete
    assert any(c.alternative for c in found)
    for c in found:
        assert c.features["bias"] == 1.0
        assert set(c.features) & set(model.weights) - {"bias"}, c.features
        assert 0.0 <= model.score(c.features) <= 1.0
    assert {(f.year, f.count) for f in choose(found, model)} == {(2022, 40), (2023, 55)}


def test_running_needs_no_scikit_learn() -> None:
    code = (
        "import sys; from extractor.binder import shipped_model; shipped_model(); "
        "import extractor.facts; assert 'sklearn' not in sys.modules"
    )
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1])}
    subprocess.run([sys.executable, "-c", code], check=True, env=env)


def test_choose_keeps_the_best_binding_of_each_count() -> None:
    def figure(year: int, count: int, start: int) -> Figure:
        return Figure(year=year, count=count, metric="arrest", start=start, end=start + 2, evidence="xx")

    model = Model({"bias": 0.0, "good": 3.0, "bad": -3.0}, threshold=0.5)
    found = [
        Candidate(figure(2022, 40, 0), 1, {"bias": 1.0, "bad": 1.0}),
        Candidate(figure(2023, 40, 0), 1, {"bias": 1.0, "good": 1.0}, alternative=True),
        Candidate(figure(2023, 7, 10), 2, {"bias": 1.0, "bad": 1.0}),
    ]
    assert [(f.year, f.count) for f in choose(found, model)] == [(2023, 40)]


def test_veto_keeps_the_rules_bindings_unless_very_unlikely() -> None:
    def figure(year: int, count: int, start: int) -> Figure:
        return Figure(year=year, count=count, metric="arrest", start=start, end=start + 2, evidence="xx")

    model = Model({"bias": 0.0, "good": 3.0, "bad": -1.0, "worse": -4.0}, threshold=0.5, veto_threshold=0.1)
    found = [
        Candidate(figure(2022, 40, 0), 1, {"bias": 1.0, "bad": 1.0}),  # 0.27: under the threshold, kept
        Candidate(figure(2023, 40, 0), 1, {"bias": 1.0, "good": 1.0}, alternative=True),  # never a rebinding
        Candidate(figure(2023, 7, 10), 2, {"bias": 1.0, "worse": 1.0}),  # 0.02: vetoed
    ]
    assert [(f.year, f.count) for f in veto(found, model)] == [(2022, 40)]
    assert [(f.year, f.count) for f in choose(found, model)] == [(2023, 40)]


def test_shipped_veto_threshold_is_low(nlp: Language) -> None:
    model = shipped_model()
    assert 0.0 < model.veto_threshold <= 0.2 <= model.threshold
    text = "The county recorded 412 burglaries in 2023, down from 450 in 2022."
    assert bound(nlp, text, "veto") == bound(nlp, text, "rules") == {(2023, 412), (2022, 450)}


def test_design_is_switchable(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(binder.ENV, "model")
    assert design_in_use() == "model"
    assert design_in_use("rules") == "rules"
    assert design_in_use("veto") == "veto"
    monkeypatch.delenv(binder.ENV)
    assert design_in_use() == binder.DEFAULT_DESIGN
    monkeypatch.setenv(binder.ENV, "neural")
    with pytest.raises(ValueError, match="unknown figure binder design"):
        design_in_use()


# --- training ----------------------------------------------------------------------------------

TRAINING = [  # (text, gold figures as (year, count, metric)): a tiny set, made up
    (
        "The county recorded 412 burglaries in 2023, down from 450 in 2022.",
        [(2023, 412, "burglary"), (2022, 450, "burglary")],
    ),
    ("He pleaded guilty in 2023 to two misdemeanor counts of vandalism.", []),
    ("Deputies made 1,318 DUI arrests last year.", [(2023, 1318, "dui arrest")]),
    ("She was charged last year with 13 felony counts of fraud.", []),
    ("The animal shelter took in 2,950 dogs in 2022.", [(2022, 2950, "dog")]),
    ("In 2023, six agencies joined the task force.", []),
    ("There were 37 traffic deaths in the city in 2023.", [(2023, 37, "traffic death")]),
    ("The program visited eight schools this year.", []),
    ("Officers answered 9,870 domestic violence calls in 2023.", [(2023, 9870, "domestic violence call")]),
    ("Three agencies and two schools took part in 2023.", []),
]


def test_training_twice_writes_the_same_file(nlp: Language, tmp_path: Path) -> None:
    pytest.importorskip("sklearn")
    from extractor.train import examples_of, fit, write_model

    for k, (text, figures) in enumerate(TRAINING):
        (tmp_path / f"t{k}.txt").write_text(f"A made-up release\nPublished March 1, 2024\n\n{text}\n", encoding="utf-8")
        gold = {"figures": [{"year": y, "count": c, "metric": m, "qualifier": "exact"} for y, c, m in figures]}
        (tmp_path / f"t{k}.gold.json").write_text(json.dumps(gold), encoding="utf-8")
    before = os.environ.get(binder.ENV)
    examples, golds = examples_of([str(tmp_path)], nlp)
    assert os.environ.get(binder.ENV) == before  # the session's design is left as it was
    assert len(golds) == len(TRAINING)
    assert {e.label for e in examples} == {True, False}
    first, second = tmp_path / "a.json", tmp_path / "b.json"
    write_model(fit(examples, golds), first)
    write_model(fit(examples, golds), second)
    assert first.read_bytes() == second.read_bytes()
    data = json.loads(first.read_text(encoding="utf-8"))
    assert data["weights"] and 0.0 < data["threshold"] < 1.0
    assert 0.0 < data["veto_threshold"] <= 0.2
