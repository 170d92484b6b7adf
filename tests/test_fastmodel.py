"""The sped-up model (OpenBLAS matrix products, memoised lemmatizer) annotates exactly as the
trained pipeline does."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import numpy
import pytest
import spacy
from spacy.attrs import DEP, ENT_IOB, ENT_TYPE, HEAD, LEMMA, MORPH, ORTH, POS, SENT_START, TAG
from spacy.lang.en.lemmatizer import EnglishLemmatizer
from spacy.language import Language
from spacy.pipeline import EntityRecognizer
from thinc.api import NumpyOps
from threadpoolctl import threadpool_info, threadpool_limits

from extractor import fastmodel
from extractor.components import FACT_COMPONENTS
from extractor.fastmodel import (
    DecodedEntities,
    FastEnglishLemmatizer,
    FastEntityRecognizer,
    FastLemmatizer,
    FastPathWarning,
    NotChecked,
    check_model,
    faster,
    memoised_lemmatizer,
    numpy_matrix_products,
    one_blas_thread_through,
    openblas_loaded,
    speed_up,
)
from extractor.ingest import iter_articles
from extractor.models import Article
from extractor.pipeline import build_nlp, model_name
from tests.conftest import CORPUS, SHARED

OWN_SENTENCES = [
    "Deputies seized 14 pounds of fentanyl on Route 9 last Tuesday, Sheriff Dana Pike said.",
    "“We are hiring,” said the chief. Applications close March 3, 2024.",
    "Burglaries fell from 1,210 in 2021 to 987 in 2022; thefts rose 4.5%.",
    "She was running, he had run, they run: the runners ran better than the best.",
    "",
]


def annotations(nlp: Language, texts: list[str]) -> list[tuple[object, ...]]:
    return [
        (t.text, t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_, t.head.i, t.ent_iob_, t.ent_type_, t.is_sent_start)
        for doc in nlp.pipe(texts)
        for t in doc
    ]


@pytest.fixture(scope="module")
def texts() -> list[str]:
    return [a.text for a in iter_articles([CORPUS]) if isinstance(a, Article)][:8] + OWN_SENTENCES


def test_same_annotations_as_the_trained_pipeline(texts: list[str]) -> None:
    reference = spacy.load(model_name())
    fast = speed_up(spacy.load(model_name()))
    expected = annotations(reference, texts)
    assert annotations(fast, texts) == expected
    assert annotations(fast, texts) == expected  # again, now from the lemma cache
    assert len(expected) > 2000


def test_matrix_products_switched_to_numpy() -> None:
    if not openblas_loaded():
        pytest.skip("this numpy has no OpenBLAS whose threads can be set: the model keeps BLIS")
    nlp = spacy.load(model_name())
    assert numpy_matrix_products(nlp)
    nodes = [node for _, c in nlp.pipeline if getattr(c, "model", None) is not None for node in c.model.walk()]
    assert len(nodes) > 20
    assert {(type(node.ops), node.ops.use_blis) for node in nodes} == {(NumpyOps, False)}


class OwnRulesLemmatizer(EnglishLemmatizer):
    """A lemmatizer whose rules may read more than word, POS and morphology."""


@pytest.mark.parametrize(
    ("language", "mode", "own_class", "memoised_as"),
    [
        ("en", "rule", False, FastEnglishLemmatizer),
        ("en", "lookup", False, FastEnglishLemmatizer),
        ("xx", "rule", False, FastLemmatizer),
        ("en", "rule", True, None),
    ],
)
def test_only_lemmatizers_that_read_word_pos_and_morphology_are_memoised(
    language: str, mode: str, own_class: bool, memoised_as: type | None
) -> None:
    nlp = spacy.blank(language)
    lemmatizer = nlp.add_pipe("lemmatizer", config={"mode": mode})
    if own_class:
        lemmatizer.__class__ = OwnRulesLemmatizer  # the test's stand-in for a lemmatizer of another class
    assert memoised_lemmatizer(nlp) is (memoised_as is not None)
    assert type(nlp.get_pipe("lemmatizer")) is (memoised_as or OwnRulesLemmatizer)


def test_a_pipeline_without_lemmatizer_is_left_alone() -> None:
    nlp = spacy.blank("en")
    assert memoised_lemmatizer(nlp) is False


def test_lemma_set_before_is_kept() -> None:
    nlp = speed_up(spacy.load(model_name()))
    doc = nlp.make_doc("Officers ran home.")
    for name, component in nlp.pipeline:
        if name == "lemmatizer":
            doc[1].lemma_ = "sprint"
        doc = component(doc)
    assert [t.lemma_ for t in doc] == ["officer", "sprint", "home", "."]


def test_a_pipeline_never_checked_keeps_spacys_code() -> None:
    """Another version of the same pipeline is not sped up: a warning, spaCy's own components."""

    def other_version() -> Language:
        nlp = spacy.load(model_name())
        nlp.meta["version"] = "3.7.1"
        return nlp

    with pytest.warns(FastPathWarning, match="never checked"):
        nlp = faster(other_version)
    assert type(nlp.get_pipe("ner")) is EntityRecognizer
    assert type(nlp.get_pipe("lemmatizer")) is EnglishLemmatizer
    with pytest.raises(NotChecked):
        speed_up(other_version())


def test_a_recognizer_of_another_architecture_is_refused() -> None:
    nlp = spacy.blank("en")
    nlp.meta.update({"name": "core_web_sm", "version": "3.8.0"})
    nlp.add_pipe("ner")
    check_model(nlp)  # spaCy's default recognizer: the one the decoder reads
    nlp.remove_pipe("ner")
    nlp.add_pipe("ner", config={"model": {"@architectures": "spacy.TransitionBasedParser.v2", "use_upper": False}})
    with pytest.raises(NotChecked, match="another model"):
        check_model(nlp)


def test_a_failing_speed_up_falls_back_to_spacy(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(nlp: Language) -> bool:
        raise RuntimeError("swap broke")

    loads: list[Language] = []

    def load() -> Language:
        loads.append(spacy.load(model_name()))
        return loads[-1]

    monkeypatch.setattr(fastmodel, "lockstep_entity_recognizer", broken)
    with pytest.warns(FastPathWarning, match="swap broke"):
        nlp = faster(load)
    assert len(loads) == 2 and nlp is loads[1]  # loaded again: nothing half-swapped stays
    assert type(nlp.get_pipe("ner")) is EntityRecognizer
    assert [(e.text, e.label_) for e in nlp("Mayor Ann Lee visited Ohio.").ents] == [
        ("Ann Lee", "PERSON"),
        ("Ohio", "GPE"),
    ]


def test_annotations_that_differ_on_the_probe_fall_back_to_spacy(monkeypatch: pytest.MonkeyPatch) -> None:
    """A decoder that finds no entity passes every structural check; the probe sentences catch it."""
    monkeypatch.setattr(fastmodel, "decode_entities", lambda recognizer, docs: DecodedEntities([[] for _ in docs]))
    with pytest.warns(FastPathWarning, match="probe"):
        nlp = faster(lambda: spacy.load(model_name()))
    assert type(nlp.get_pipe("ner")) is EntityRecognizer


def test_the_switch_gives_spacys_own_pipeline(monkeypatch: pytest.MonkeyPatch) -> None:
    stock = build_nlp(fast=False)
    assert type(stock.get_pipe("ner")) is EntityRecognizer
    assert type(stock.get_pipe("lemmatizer")) is EnglishLemmatizer
    assert "attribute_ruler" in stock.pipe_names and "extractor_fast_attributes" not in stock.pipe_names
    monkeypatch.setenv("EXTRACTOR_FAST", "0")
    assert build_nlp().pipe_names == stock.pipe_names
    monkeypatch.setenv("EXTRACTOR_FAST", "1")
    fast = build_nlp()
    assert type(fast.get_pipe("ner")) is FastEntityRecognizer
    if openblas_loaded():  # the recognizer made by replace_pipe multiplies through OpenBLAS too
        ner_ops = {(type(node.ops), node.ops.use_blis) for node in fast.get_pipe("ner").model.walk()}
        assert ner_ops == {(NumpyOps, False)}
    assert type(fast.get_pipe("lemmatizer")) is FastEnglishLemmatizer
    assert "extractor_fast_attributes" in fast.pipe_names


def test_one_blas_thread_only_inside_the_extraction() -> None:
    """The limit holds through an extraction's iteration, and the process's setting comes back
    when it ends or is closed; loading and running the pipeline leave it alone."""
    if not openblas_loaded():
        pytest.skip("this numpy has no OpenBLAS")

    def blas_threads() -> int:
        return min(info["num_threads"] for info in threadpool_info() if info["internal_api"] == "openblas")

    def computed() -> Iterator[int]:
        for _ in range(3):
            yield blas_threads()

    with threadpool_limits(limits=2, user_api="blas"):
        assert list(one_blas_thread_through(computed())) == [1, 1, 1]
        assert blas_threads() == 2
        stopped = one_blas_thread_through(computed())
        assert next(stopped) == 1
        stopped.close()  # a consumer that stops early
        assert blas_threads() == 2
        build_nlp()("Officers made 12 arrests.")
        assert blas_threads() == 2


DEV_SETS = ("press-dev", "news-dev", "wild-dev")  # polnear-dev too would add a third to the time
TOKEN_ATTRS = [ORTH, TAG, POS, MORPH, LEMMA, DEP, HEAD, ENT_IOB, ENT_TYPE, SENT_START]


def test_every_dev_article_is_annotated_as_by_stock_spacy() -> None:
    """The fast path against spaCy's own code on every dev article, read as a run reads them:
    tokens, tags, POS, morphology, lemmas, dependencies and heads, entities, sentence starts (the
    model's annotations; the fact components, which only read them, are left out)."""
    folders = [SHARED / "data" / name / "articles" for name in DEV_SETS]
    folders = [folder for folder in folders if folder.is_dir()]
    if not folders:
        pytest.skip("no dev sets here")
    texts = [a.text for a in iter_articles(folders) if isinstance(a, Article)]
    assert len(texts) > 120
    facts = ["extractor_numbers", *FACT_COMPONENTS]
    fast, stock = build_nlp(fast=True), build_nlp(fast=False)
    assert type(fast.get_pipe("ner")) is FastEntityRecognizer
    compared = 0
    with fast.select_pipes(disable=facts), stock.select_pipes(disable=facts):
        pairs = zip(
            one_blas_thread_through(fast.pipe(texts, batch_size=32)), stock.pipe(texts, batch_size=32), strict=True
        )
        for ours, theirs in pairs:
            assert numpy.array_equal(ours.to_array(TOKEN_ATTRS), theirs.to_array(TOKEN_ATTRS)), ours.text[:80]
            compared += len(ours)
    assert compared > 100_000


def test_a_saved_fast_pipeline_loads_either_way(tmp_path: Path) -> None:
    """`nlp.to_disk` saves the fast components under their own factories; built again from the
    folder, the fast path compares them with spaCy's once more, and fast=False gives spaCy's own."""
    saved = build_nlp(fast=True)
    saved.to_disk(tmp_path)
    fast, stock = build_nlp(str(tmp_path)), build_nlp(str(tmp_path), fast=False)
    assert fast.pipe_names == saved.pipe_names
    assert type(fast.get_pipe("ner")) is FastEntityRecognizer
    assert type(stock.get_pipe("ner")) is EntityRecognizer
    assert type(stock.get_pipe("lemmatizer")) is EnglishLemmatizer
    assert stock.pipe_names == [
        "attribute_ruler" if name == "extractor_fast_attributes" else name for name in saved.pipe_names
    ]
    text = "Mayor Ann Lee said 14 shootings were reported in Dayton, Ohio, in 2022."
    ours, theirs = fast(text), stock(text)
    assert [(t.lemma_, t.pos_, t.ent_type_) for t in ours] == [(t.lemma_, t.pos_, t.ent_type_) for t in theirs]
    assert [(f.year, f.count) for f in fast(text)._.figures] == [(f.year, f.count) for f in stock(text)._.figures]
