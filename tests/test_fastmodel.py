"""The sped-up model (OpenBLAS matrix products, memoised lemmatizer) annotates exactly as the
trained pipeline does."""

from __future__ import annotations

import pytest
import spacy
from spacy.lang.en.lemmatizer import EnglishLemmatizer
from spacy.language import Language
from thinc.api import NumpyOps

from extractor.fastmodel import (
    FastEnglishLemmatizer,
    FastLemmatizer,
    memoised_lemmatizer,
    numpy_matrix_products,
    one_blas_thread,
    speed_up,
)
from extractor.ingest import iter_articles
from extractor.models import Article
from extractor.pipeline import model_name
from tests.conftest import CORPUS

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
    if not one_blas_thread():
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
        lemmatizer.__class__ = OwnRulesLemmatizer
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
