"""A Doc from the pipeline leaves its process whole: its facts are plain data in `Doc.user_data`
(extractor/docfacts.py), so `to_bytes`, `DocBin`, pickle and `nlp.pipe(n_process=2)` give the same
records; the components declare what they read and write, and carry their rule data in
`to_disk`; one fact that fails validation is dropped, never the article's record."""

from __future__ import annotations

import datetime as dt
import json
import pickle
from pathlib import Path
from typing import Any

import pytest
import spacy
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from spacy.language import Language
from spacy.tokens import Doc, DocBin

from extractor import binder, docfacts, officials, rules
from extractor.components import FACT_COMPONENTS
from extractor.extract import extract_records, extract_text, record_for
from extractor.extractors import article_doc
from extractor.ingest import iter_articles
from extractor.models import Article, ArticleRecord, Change, ErrorKind, keeping_invalid_facts
from extractor.run import Outputs, run_extraction
from tests.conftest import CORPUS

PUBLISHED = dt.date(2024, 7, 31)


@pytest.fixture(scope="module")
def articles() -> list[Article]:
    found = [a for a in iter_articles([CORPUS]) if isinstance(a, Article)]
    assert len(found) >= 30
    return found[:12]


@pytest.fixture(scope="module")
def annotated(nlp: Language, articles: list[Article]) -> list[tuple[Doc, Article, dict[str, Any]]]:
    """Each article's Doc from the pipeline, and its record."""
    out = []
    for article in articles:
        doc = nlp(article_doc(nlp, article))
        out.append((doc, article, record_for(doc, article).model_dump()))
    assert sum(len(r["figures"]) + len(r["quotes"]) + len(r["officials"]) for _, _, r in out) > 50
    return out


def _plain(value: Any) -> bool:
    if isinstance(value, dict):
        return all(_plain(k) and _plain(v) for k, v in value.items())
    if isinstance(value, list | tuple):
        return all(_plain(v) for v in value)
    return value is None or isinstance(value, str | int | float | bool)


def test_a_doc_leaves_the_pipeline_with_plain_data_only(annotated: list[tuple[Doc, Article, Any]]) -> None:
    for doc, article, _ in annotated:
        assert not doc.user_hooks  # the working data (Spans, people) was dropped
        assert _plain(doc.user_data)
        assert doc._.published == article.published
    assert any(doc.user_data["extractor_published"] for doc, _, _ in annotated)  # a date as an ISO string


def test_to_bytes_and_back_gives_the_same_record(nlp: Language, annotated: list[tuple[Doc, Article, Any]]) -> None:
    for doc, article, record in annotated:
        again = Doc(nlp.vocab).from_bytes(doc.to_bytes())
        assert record_for(again, article).model_dump() == record


def test_a_docbin_with_user_data_gives_the_same_records(
    nlp: Language, annotated: list[tuple[Doc, Article, Any]]
) -> None:
    stored = DocBin(store_user_data=True)
    for doc, _, _ in annotated:
        stored.add(doc)
    docs = list(DocBin(store_user_data=True).from_bytes(stored.to_bytes()).get_docs(nlp.vocab))
    assert [record_for(d, a).model_dump() for d, (_, a, _) in zip(docs, annotated, strict=True)] == [
        r for _, _, r in annotated
    ]


def test_pickle_gives_the_same_record(annotated: list[tuple[Doc, Article, Any]]) -> None:
    for doc, article, record in annotated:
        assert record_for(pickle.loads(pickle.dumps(doc)), article).model_dump() == record


def test_a_doc_read_back_finds_its_facts_again_for_a_new_date(nlp: Language) -> None:
    article = Article(id="a", source="s", path="p", text="The council will meet on Friday.", published=PUBLISHED)
    doc = Doc(nlp.vocab).from_bytes(nlp(article_doc(nlp, article)).to_bytes())
    assert [d.value for d in doc._.dates] == ["2024-08-02"]
    doc._.published = dt.date(2024, 1, 3)  # the working data is gone; the facts are found again
    assert [d.value for d in doc._.dates] == ["2024-01-05"]


def test_two_processes_give_the_records_of_one(nlp: Language, articles: list[Article]) -> None:
    one = [r.model_dump() for r in extract_records(articles, nlp)]
    two = [r.model_dump() for r in extract_records(articles, nlp, n_process=2, batch_size=4)]
    assert all(r.get("text") for r in one)
    assert two == one


@Language.component("serial_test_fails_on_boom")
def _fails_on_boom(doc: Doc) -> Doc:
    if "BOOM" in doc.text:
        raise RuntimeError("a component's bug on one article")
    return doc


def test_a_component_failing_in_a_worker_costs_only_its_article(nlp: Language, articles: list[Article]) -> None:
    bad = articles[1].model_copy(update={"text": articles[1].text + " BOOM"})
    batch = [articles[0], bad, *articles[2:6]]
    nlp.add_pipe("serial_test_fails_on_boom", last=True)
    try:
        results = list(extract_records(batch, nlp, n_process=2, batch_size=2))
    finally:
        nlp.remove_pipe("serial_test_fails_on_boom")
    assert [r.id for r in results] == [a.id for a in batch]
    assert [type(r).__name__ for r in results] == ["ArticleRecord", "ExtractionError"] + ["ArticleRecord"] * 4
    assert results[1].error is ErrorKind.internal and "RuntimeError" in results[1].message
    assert results[0] == next(extract_records(articles[:1], nlp))  # the batch's other article: its record


def test_every_component_declares_what_it_reads_and_writes(nlp: Language) -> None:
    problems = nlp.analyze_pipes()["problems"]
    assert not any(problems.values()), problems  # each reads what an earlier component writes
    analysis = nlp.analyze_pipes()["summary"]
    for name in FACT_COMPONENTS:
        assert analysis[name]["assigns"], name
        assert analysis[name]["requires"], name
    assert "doc._.figures" in analysis["extractor_facts"]["assigns"]
    assert nlp.get_pipe_config("extractor_facts")["binder"] is None  # a setting, through the config


@pytest.fixture()
def saved(nlp: Language, tmp_path: Path) -> Path:
    nlp.to_disk(tmp_path / "pipeline")
    return tmp_path / "pipeline"


def test_the_saved_pipeline_carries_its_components_rule_data(saved: Path) -> None:
    assert json.loads((saved / "extractor_facts" / "context.json").read_text())["period_phrases"]
    assert json.loads((saved / "extractor_officials" / "organization_hints.json").read_text())["police"]
    assert json.loads((saved / "extractor_facts" / "binder_model.json").read_text())["weights"]
    assert json.loads((saved / "extractor_quotes" / "quotes.json").read_text())["verbs"]
    assert json.loads((saved / "extractor_numbers" / "numbers.json").read_text())["words"]


def _unreadable(name: str = "") -> Any:
    raise OSError(f"{name} read from the package: the saved pipeline should carry it")


def test_a_saved_pipeline_loads_without_the_package_rule_files(
    nlp: Language, saved: Path, articles: list[Article], monkeypatch: pytest.MonkeyPatch
) -> None:
    built = [r.model_dump() for r in extract_records(articles, nlp)]
    monkeypatch.setattr(rules, "_parsed", _unreadable)  # the loaded pipeline's rules are its own: read again
    officials.organization_hints.cache_clear()
    try:
        loaded = spacy.load(saved)
        assert [r.model_dump() for r in extract_records(articles, loaded)] == built
    finally:
        monkeypatch.undo()
        officials.organization_hints.cache_clear()


def test_a_loaded_pipeline_binds_figures_with_the_binder_model_it_carries(
    nlp: Language, saved: Path, articles: list[Article], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("EXTRACTOR_BINDER", "model")
    built = [r.figures for r in extract_records(articles, nlp) if isinstance(r, ArticleRecord)]
    monkeypatch.delenv("EXTRACTOR_BINDER")
    monkeypatch.setattr(binder, "shipped_model_data", _unreadable)
    binder.shipped_model.cache_clear()
    try:
        loaded = spacy.load(saved, config={"components": {"extractor_facts": {"binder": "model"}}})
        assert loaded.get_pipe_config("extractor_facts")["binder"] == "model"
        again = [r.figures for r in extract_records(articles, loaded) if isinstance(r, ArticleRecord)]
        assert again == built and sum(map(len, built)) > 20
    finally:
        monkeypatch.undo()
        binder.shipped_model.cache_clear()


# --- one bad fact never costs an article ----------------------------------------------------------


def test_a_fact_that_fails_validation_is_dropped_and_the_record_kept(nlp: Language) -> None:
    text = "Mayor Ann Cole said the shelter took in 312 dogs in 2023.\n\nRents rose 12% since 2395."
    record = extract_text(text, nlp, published=PUBLISHED)
    assert isinstance(record, ArticleRecord)
    assert [(f.year, f.count) for f in record.figures] == [(2023, 312)]
    assert [o.name for o in record.officials] == ["Ann Cole"]
    assert record.changes == []
    (dropped,) = record.dropped_facts
    assert dropped.error is ErrorKind.fact_dropped
    assert "year 2395 outside" in dropped.message and "'rose 12%'" in dropped.message


def test_a_run_writes_the_dropped_fact_to_the_errors_file_and_does_not_fail(nlp: Language, tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text("The shelter took in 312 dogs in 2023. Rents rose 12% since 2395.\n")
    out = tmp_path / "out.jsonl"
    summary = run_extraction([tmp_path / "in"], Outputs(file=out), nlp=nlp)
    (record,) = [json.loads(line) for line in out.read_text().splitlines()]
    assert (2023, 312) in [(f["year"], f["count"]) for f in record["figures"]]
    (entry,) = [json.loads(line) for line in out.with_name("out.errors.jsonl").read_text().splitlines()]
    assert entry["error"] == "fact_dropped" and "2395" in entry["message"]
    assert (summary.facts_dropped, summary.failed, summary.records_written) == (1, False, 1)


def test_a_valid_fact_is_stored_and_an_invalid_one_is_not(nlp: Language) -> None:
    doc = nlp("Rents rose 12% last year.")
    good = Change(start=0, end=5, evidence="Rents", direction="increase", metric=None, since="2021")
    wrong_span = Change(start=6, end=10, evidence="Rent", direction="decrease", metric=None)
    with keeping_invalid_facts():
        bad = Change(start=0, end=5, evidence="Rents", direction="increase", metric=None, since="2395")
        no_json = Change(start=0, end=5, evidence="Rents", direction="increase", metric=object())
    doc._.changes = [bad, good, wrong_span, no_json]
    assert doc._.changes == [good]
    assert [(d["evidence"], d["reason"][:5]) for d in docfacts.dropped(doc)] == [
        ("Rents", "since"),
        ("Rent", "its w"),
        ("Rents", "Unabl"),
    ]
    with pytest.raises(ValueError, match="2395"):  # outside the pipeline's extraction, a fact is validated when made
        Change(start=0, end=5, evidence="Rents", direction="increase", metric=None, since="2395")


NUMBERS = st.one_of(
    st.integers(0, 99_999).map(str),
    st.integers(0, 9_999_999).map(lambda n: f"{n:,}"),
    st.integers(1000, 9999).map(str),  # years, and prices that look like them
    st.floats(0, 500, allow_nan=False).map(lambda x: f"{x:.1f}%"),
    st.integers(0, 99_999).map(lambda n: f"${n}"),
)
WORDS = st.sampled_from(
    [
        *("since", "from", "to", "in", "up", "down", "rose", "fell", "percent", "homicides", "burglaries"),
        *("cases", "the", "of", "last", "year", "this", "Mayor", "Chief", "Ann", "Cole", "said", "January"),
        *("2019-20", "fiscal", "record", "lowest", "most", "compared", "with", "million", "dozen"),
        *("\u201c", "\u201d", ".", ",", ":", ";", "(", ")", "-", "\n", "\n\n"),
    ]
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    words=st.lists(st.one_of(NUMBERS, WORDS), min_size=1, max_size=60),
    published=st.one_of(st.none(), st.dates(dt.date(1990, 1, 1), dt.date(2030, 12, 31))),
)
def test_number_heavy_text_always_gets_a_record(nlp: Language, words: list[str], published: dt.date | None) -> None:
    text = " ".join(words).strip() or "0"
    record = extract_text(text, nlp, published=published)
    assert isinstance(record, ArticleRecord), record
    for entry in record.dropped_facts:
        assert entry.error is ErrorKind.fact_dropped
