"""The evaluation: strict matching rules, and the gates. The real-text gates (press-dev, PolNeAR
dev) run first in `make test` through `extractor eval --floors tests/floors/*.json`; corpus/ is
gated here too, as a regression check (raise a floor with `--raise-floors`; floors never go down)."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from extractor.cli import app
from extractor.evaluate import (
    FIELDS,
    Report,
    above_ceilings,
    below_floors,
    change_matches,
    claim_matches,
    evaluate,
    figure_matches,
    find_gold,
    head_noun,
    load_ceilings,
    load_floors,
    raise_floors,
    read_split,
    score_record,
    speaker_right,
)
from extractor.models import ArticleRecord, ErrorKind, ExtractionError
from tests.conftest import CORPUS, SHARED

FLOORS = Path(__file__).parent / "floors"


@pytest.fixture(scope="module")
def corpus_report(corpus_records: list[ArticleRecord]) -> Report:
    pairs, problems = find_gold(CORPUS)
    assert not problems, problems
    assert len(pairs) >= 40, "the gold corpus must keep at least 40 articles"
    return evaluate(corpus_records, {str(p.article): p.gold for p in pairs})


def test_corpus_holds_its_floors(corpus_report: Report) -> None:
    assert below_floors(corpus_report, load_floors(FLOORS / "corpus.json")) == []
    assert corpus_report.scores["figures"].f1 >= 0.95


@pytest.mark.parametrize(
    "name", ["press-dev-tune", "press-dev-check", "news-dev-tune", "news-dev-check", "polnear-dev", "corpus"]
)
def test_every_gate_has_floors_for_its_main_fields(name: str) -> None:
    floors = load_floors(FLOORS / f"{name}.json")
    wanted = {"quotes"} if name == "polnear-dev" else {"figures", "changes", "claims", "officials", "quotes"}
    assert wanted <= set(floors), f"{name}: no floor for {wanted - set(floors)}"


def test_the_set_with_no_figures_has_a_ceiling_on_false_ones() -> None:
    assert set(load_ceilings(FLOORS / "wild-dev.json")) == {"figures", "changes"}


@pytest.mark.parametrize("name", ["press-dev", "news-dev", "wild-dev", "polnear-dev"])
def test_real_text_is_beside_the_repo(name: str) -> None:
    """The real-text gates need ../shared; its absence is a failure, never a skip."""
    folder = SHARED / "data" / name
    assert (folder / "gold").is_dir() and (folder / "articles").is_dir(), f"{folder} is missing"


@pytest.mark.parametrize("name", ["press-dev", "news-dev"])
def test_each_split_has_two_disjoint_halves_that_cover_the_gold(name: str) -> None:
    folder = SHARED / "data" / name
    tune, check = (read_split(folder / "SPLIT.json", half) for half in ("tune", "check"))
    assert tune and check and not tune & check
    assert tune | check == {p.stem for p in (folder / "gold").glob("*.json")}


def test_a_half_names_only_its_own_gold_and_a_missing_id_is_a_problem(tmp_path: Path) -> None:
    for stem in ("a", "b"):
        (tmp_path / f"{stem}.txt").write_text("Text.", encoding="utf-8")
        (tmp_path / f"{stem}.gold.json").write_text("{}", encoding="utf-8")
    split = tmp_path / "SPLIT.json"
    split.write_text(json.dumps({"tune": ["a", "gone"], "check": ["b"]}), encoding="utf-8")
    pairs, problems = find_gold(tmp_path, only=read_split(split, "tune"))
    assert [p.article.name for p in pairs] == ["a.txt"]
    assert problems == [f"{tmp_path}: no gold file for split id gone"]
    with pytest.raises(ValueError, match="no list of ids named 'test'"):
        read_split(split, "test")


def test_a_ceiling_refuses_more_false_predictions_than_it_allows() -> None:
    report = Report()
    report.scores["figures"].fp = 3
    assert above_ceilings(report, {"figures": 2}) == ["figures: 3 predicted > ceiling 2"]
    assert above_ceilings(report, {"figures": 3}) == []


def test_eval_scores_one_half_and_refuses_an_unknown_half(tmp_path: Path) -> None:
    tmp_path = tmp_path / "gold"
    tmp_path.mkdir()
    (tmp_path / "a.txt").write_text("In 2020 there were 12 burglaries in Springfield.", encoding="utf-8")
    (tmp_path / "a.gold.json").write_text(json.dumps({"figures": []}), encoding="utf-8")
    split = tmp_path.parent / "SPLIT.json"
    split.write_text(json.dumps({"tune": ["a"], "check": []}), encoding="utf-8")
    floors = tmp_path / "floors.json"
    floors.write_text(json.dumps({"max_pred": {"figures": 0}}), encoding="utf-8")
    runner = CliRunner()
    result = runner.invoke(app, ["eval", str(tmp_path), "--split", str(split), "--half", "tune", "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["figures"]["pred"] == 1
    result = runner.invoke(app, ["eval", str(tmp_path), "--split", str(split), "--floors", str(floors)])
    assert result.exit_code == 1 and "1 predicted > ceiling 0" in result.output
    result = runner.invoke(app, ["eval", str(tmp_path), "--half", "test"])  # SPLIT.json beside the gold
    assert result.exit_code == 2 and "no list of ids named 'test'" in result.output


def test_a_gate_refuses_a_regression() -> None:
    report = Report()
    report.scores["figures"].tp, report.scores["figures"].fp = 8, 2
    assert below_floors(report, {"figures": 0.95}) == ["figures: F1 0.889 < floor 0.950"]
    assert raise_floors(report, {"figures": 0.95})["figures"] == 0.95  # never lowered
    assert raise_floors(report, {"figures": 0.5})["figures"] == 0.883


# --- the strict matching rules, with cases that must and must not match ----------------------


@pytest.mark.parametrize(
    ("metric", "head"),
    [
        ("armed robberies", "robbery"),
        ("burglaries", "burglary"),
        ("DUI cases", "case"),
        ("", ""),
        ("2020", ""),
        (None, ""),
    ],
)
def test_head_noun(metric: str | None, head: str) -> None:
    assert head_noun(metric) == head


@pytest.mark.parametrize(
    ("pred", "gold", "same"),
    [
        ({"year": 2021, "count": 12, "metric": "fatal crashes"}, {"year": 2021, "count": 12, "metric": "crash"}, True),
        ({"year": 2021, "count": 12.0, "metric": "crash"}, {"year": 2021, "count": 12, "metric": "crash"}, True),
        ({"year": 2020, "count": 12, "metric": "crash"}, {"year": 2021, "count": 12, "metric": "crash"}, False),
        ({"year": 2021, "count": 13, "metric": "crash"}, {"year": 2021, "count": 12, "metric": "crash"}, False),
        ({"year": 2021, "count": 12, "metric": "arrest"}, {"year": 2021, "count": 12, "metric": "crash"}, False),
        # an empty or letterless metric never matches, not even an empty gold one
        ({"year": 2021, "count": 12, "metric": ""}, {"year": 2021, "count": 12, "metric": ""}, False),
        ({"year": 2021, "count": 12, "metric": "12"}, {"year": 2021, "count": 12, "metric": "12"}, False),
    ],
)
def test_figure_matching(pred: dict[str, Any], gold: dict[str, Any], same: bool) -> None:
    assert figure_matches(pred, gold) is same


GOLD_CHANGE = {"metric": "auto thefts", "direction": "decrease", "percent": 10.6}


@pytest.mark.parametrize(
    ("pred", "same"),
    [
        ({"metric": "auto theft", "direction": "decrease", "percent": 11.0}, True),
        ({"metric": "stolen-vehicle theft", "direction": "decrease", "percent": 10.6}, True),
        ({"metric": "auto theft", "direction": "increase", "percent": 10.6}, False),
        ({"metric": "auto theft", "direction": "decrease", "percent": 11.2}, False),
        # the amount is right but the metric is not what changed
        ({"metric": "figure", "direction": "decrease", "percent": 10.6}, False),
        ({"metric": "decline", "direction": "decrease", "percent": 10.6}, False),
        ({"metric": "Riverside", "direction": "decrease", "percent": 10.6}, False),
        ({"metric": None, "direction": "decrease", "percent": 10.6}, False),
    ],
)
def test_change_matching_needs_the_metric(pred: dict[str, Any], same: bool) -> None:
    assert change_matches(pred, GOLD_CHANGE) is same


@pytest.mark.parametrize(
    ("pred", "gold", "same"),
    [
        (
            {"kind": "superlative", "metric": "homicides", "year": 2023, "since_year": 2014},
            {"kind": "superlative", "metric": "homicide", "year": 2023, "since_year": 2014},
            True,
        ),
        (  # no since_year in the gold: any is fine
            {"kind": "superlative", "metric": "fatal crash", "year": 2019, "since_year": 2005},
            {"kind": "superlative", "metric": "crash", "year": 2019, "since_year": None},
            True,
        ),
        (
            {"kind": "superlative", "metric": "homicide", "year": None, "since_year": 2014},
            {"kind": "superlative", "metric": "homicide", "year": 2023, "since_year": 2014},
            False,
        ),
        (
            {"kind": "superlative", "metric": "homicide", "year": 2023, "since_year": None},
            {"kind": "superlative", "metric": "homicide", "year": 2023, "since_year": 2014},
            False,
        ),
        (
            {"kind": "superlative", "metric": "level", "year": 2023, "since_year": 2014},
            {"kind": "superlative", "metric": "homicide", "year": 2023, "since_year": 2014},
            False,
        ),
    ],
)
def test_claim_matching(pred: dict[str, Any], gold: dict[str, Any], same: bool) -> None:
    assert claim_matches(pred, gold) is same


@pytest.mark.parametrize(
    ("speaker", "gold", "loose", "right"),
    [
        ("Dana Whitfield", {"speaker": "Dana Whitfield"}, False, True),
        ("Whitfield", {"speaker": "Dana Whitfield"}, False, True),
        ("Dana Whitcomb", {"speaker": "Dana Whitfield"}, False, False),
        ("Kieran O’Dwyer", {"speaker": "Kieran O'Dwyer"}, False, True),  # curly or straight apostrophe
        (None, {"speaker": "Dana Whitfield"}, False, False),
        (None, {"speaker": None}, False, True),
        # a pronoun source is scored against the person it refers to, not waved through
        ("Ruth Okafor", {"speaker": "she", "speaker_pronoun": True, "speaker_resolved": "Ruth Okafor"}, True, True),
        ("Leon Marsh", {"speaker": "she", "speaker_pronoun": True, "speaker_resolved": "Ruth Okafor"}, True, False),
        (None, {"speaker": "she", "speaker_pronoun": True, "speaker_resolved": "Ruth Okafor"}, True, False),
        # resolved to no person (a group): the speaker is left unscored
        (None, {"speaker": "they", "speaker_pronoun": True, "speaker_resolved": None}, True, True),
        # loose: a shared content word with the source phrase as written
        ("Senator Ruth Okafor", {"speaker": "Okafor, a Democrat from Ohio,"}, True, True),
        ("Leon Marsh", {"speaker": "the senator's office"}, True, False),
        # a description or a role the gold resolves to the person meant: scored against that person
        ("Ruth Okafor", {"speaker": "the mayor", "speaker_resolved": "Ruth Okafor"}, True, True),
        ("Leon Marsh", {"speaker": "the mayor", "speaker_resolved": "Ruth Okafor"}, True, False),
        ("the mayor", {"speaker": "the mayor", "speaker_resolved": "Ruth Okafor"}, True, False),
        # ... or to the body or document as the article names it
        ("the water board", {"speaker": "the agency", "speaker_resolved": "the water board"}, True, True),
        # a person the article never names ("a neighbor"): unscored
        (None, {"speaker": "a neighbor", "speaker_resolved": None}, True, True),
        # a possessive shares its noun: "the show’s host" and "the morning show" share "show"
        ("the show’s host", {"speaker": "the host", "speaker_resolved": "the morning show"}, True, True),
        ("the show’s host", {"speaker": "the host", "speaker_resolved": "the evening news"}, True, False),
    ],
)
def test_speaker_scoring(speaker: str | None, gold: dict[str, Any], loose: bool, right: bool) -> None:
    assert speaker_right({"speaker": speaker, "speaker_phrase": "he"}, gold, loose) is right


def _scores(pred: dict[str, Any], gold: dict[str, Any], loose: bool = False) -> Report:
    report = Report()
    score_record({"id": "a", **pred}, gold, report, loose)
    return report


def test_a_fact_stated_twice_counts_once() -> None:
    figure = {"year": 2022, "count": 40, "metric": "robbery"}
    report = _scores({"figures": [figure, {**figure, "metric": "robberies"}]}, {"figures": [figure]})
    assert (report.scores["figures"].tp, report.scores["figures"].pred) == (1, 1)


def test_the_amount_of_a_change_alone_is_its_own_line() -> None:
    gold = {"changes": [{"metric": "burglary", "direction": "increase", "percent": 8.0}]}
    report = _scores({"changes": [{"metric": "number", "direction": "increase", "percent": 8.0}]}, gold)
    assert report.scores["changes"].tp == 0
    assert report.scores["changes_amount"].tp == 1


def test_only_changes_that_state_a_percent_are_scored() -> None:
    vague = {"metric": "theft", "direction": "increase", "percent": None}
    exact = {"metric": "burglary", "direction": "increase", "percent": 8.0}
    assert _scores({"changes": [vague, exact]}, {"changes": [exact]}).scores["changes"].pred == 1
    both = _scores({"changes": [vague, exact]}, {"changes": [exact, vague]}).scores["changes"]
    assert (both.tp, both.gold, both.pred) == (1, 1, 1)
    assert _scores({"changes": []}, {"changes": [vague]}).scores["changes"].empty


def test_date_values_count_a_missing_or_wrong_value_as_a_miss() -> None:
    gold = {"dates": [{"text": "last May", "value": "2023-05"}, {"text": "Friday", "value": "2024-03-08"}]}
    pred = {"dates": [{"text": "last May", "value": "2024-05"}]}
    score = _scores(pred, gold).scores["date_values"]
    assert (score.tp, score.fp, score.fn) == (0, 1, 2)
    assert score.recall == 0.0


def test_pronoun_quotes_have_their_own_line() -> None:
    gold = {
        "quotes": [
            {
                "text": "We will keep the shelter open all winter",
                "speaker": "she",
                "speaker_pronoun": True,
                "speaker_resolved": "Ruth Okafor",
            },
            {"text": "The budget is not final", "speaker": "Leon Marsh"},
        ]
    }
    pred = {
        "quotes": [
            {"text": "We will keep the shelter open all winter", "speaker": "Leon Marsh"},
            {"text": "The budget is not final", "speaker": "Leon Marsh"},
        ]
    }
    report = _scores(pred, gold, loose=True)
    assert (report.scores["quotes"].tp, report.scores["quotes"].gold) == (1, 2)
    pronoun = report.scores["quotes_pronoun"]
    assert (pronoun.tp, pronoun.gold, pronoun.pred) == (0, 1, 1)
    named = report.scores["speakers_named"]
    assert (named.tp, named.gold, named.pred) == (1, 1, 1)


def test_an_article_that_failed_misses_all_its_gold() -> None:
    gold = {"figures": [{"year": 2022, "count": 40, "metric": "robbery"}], "quotes": [{"text": "x y", "speaker": None}]}
    error = ExtractionError(source="in/a.txt", id="a", error=ErrorKind.too_large, message="too long")
    report = evaluate([error], {"in/a.txt": gold})
    assert report.scores["figures"].fn == 1 and report.scores["quotes"].fn == 1
    assert report.failed and "too long" in report.failed[0]


def test_eval_json_prints_every_field_in_the_documented_shape(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("In 2022 the county recorded 40 robberies, Sheriff Ada Moss said.\n", encoding="utf-8")
    gold = {"figures": [{"year": 2022, "count": 40, "metric": "robbery"}], "claims": []}
    (tmp_path / "a.gold.json").write_text(json.dumps(gold), encoding="utf-8")
    result = CliRunner().invoke(app, ["eval", str(tmp_path), "--json", "--misses", "5"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert set(FIELDS) <= set(data)
    for name in FIELDS:
        assert set(data[name]) == {"p", "r", "f1", "tp", "gold", "pred"}
    assert data["figures"]["tp"] == 1 and data["figures"]["gold"] == 1
    assert isinstance(data["misses"], list)


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


@pytest.mark.parametrize(
    ("pred", "quotes", "sources"),
    [
        # an organization's quote: no person, so `quotes` misses it, and `quote_sources` counts it
        ({"speaker": None, "speaker_organization": "Harbor County Health Department"}, 0, 1),
        # the wrong organization is wrong on both lines
        ({"speaker": None, "speaker_organization": "State Transit Authority"}, 0, 0),
        # a person given where the gold names the department is wrong on both
        ({"speaker": "Leon Marsh", "speaker_organization": None}, 0, 0),
    ],
)
def test_organization_sources_have_their_own_line(pred: dict[str, Any], quotes: int, sources: int) -> None:
    gold = {"quotes": [{"text": "Cases rose all winter", "speaker": "the Harbor County health department"}]}
    report = _scores({"quotes": [{"text": "Cases rose all winter", **pred}]}, gold, loose=True)
    assert (report.scores["quotes"].tp, report.scores["quote_sources"].tp) == (quotes, sources)
