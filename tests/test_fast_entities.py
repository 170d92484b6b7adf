"""The entity recognizer's lockstep decoding (extractor/fastmodel.py) finds exactly the entities
spaCy's own greedy loop finds: each class of text where the decoder's rules do something (an
entity at a document's or a sentence's edge, whitespace tokens, a batch of documents of different
lengths), and the cases it leaves to spaCy (entities set before the recognizer)."""

from __future__ import annotations

from typing import Any

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span

from extractor import fastmodel
from extractor.fastmodel import FastEntityRecognizer, decode_entities, lockstep_entity_recognizer, speed_up
from extractor.pipeline import model_name


@pytest.fixture(scope="module")
def stock() -> Language:
    return spacy.load(model_name())


@pytest.fixture(scope="module")
def fast() -> Language:
    return speed_up(spacy.load(model_name()))


def entity_tags(docs: list[Doc]) -> list[list[tuple[str, str]]]:
    return [[(t.ent_iob_, t.ent_type_) for t in doc] for doc in docs]


# Our own sentences, one class of text each.
EDGE_CASES = {
    "entity closing the document": "The grant was signed by Governor Maria Lopez",
    "entity opening the document": "Cleveland police arrested two men on Friday.",
    "entity ending one sentence, another opening the next": "They met Ms. Grant. Grant declined to talk.",
    "sentences split by line breaks, no punctuation": "Dayton Daily Report\nMayor Tom Reyes\nCity Hall, Ohio",
    "whitespace tokens between entities": "Chicago  and\n\n Detroit   saw 14 shootings in June 2021.",
    "numbers, money, dates and percents": "The county spent $4.2 million, 12% more than in 2019, on March 3.",
    "one token": "Paris",
    "no entity": "nothing happened here at all.",
    "empty": "",
    "only whitespace": " \n\n  ",
    "long sentence": "Officers from " + ", ".join(f"Precinct {n}" for n in range(1, 40)) + " met in Boston.",
}


@pytest.mark.parametrize("text", EDGE_CASES.values(), ids=EDGE_CASES.keys())
def test_same_entities_as_spacys_loop(stock: Language, fast: Language, text: str) -> None:
    assert entity_tags([fast(text)]) == entity_tags([stock(text)])


def test_a_batch_of_documents_of_different_lengths(stock: Language, fast: Language) -> None:
    texts = list(EDGE_CASES.values()) * 2
    expected = entity_tags(list(stock.pipe(texts, batch_size=5)))
    assert entity_tags(list(fast.pipe(texts, batch_size=5))) == expected
    assert entity_tags(list(fast.pipe(texts, batch_size=64))) == expected
    assert sum(tag != "O" for doc in expected for tag, _ in doc) > 20


def test_the_recognizer_in_a_sped_up_pipeline_is_the_lockstep_one(fast: Language) -> None:
    assert type(fast.get_pipe("ner")) is FastEntityRecognizer
    assert fast.pipe_names == spacy.load(model_name()).pipe_names  # same names, same order


def test_preset_entities_go_through_spacys_loop(stock: Language, fast: Language) -> None:
    """An entity set before the recognizer binds spaCy's moves; the decoder declines and spaCy's
    loop keeps it."""

    def preset(nlp: Language) -> Doc:
        doc = nlp.make_doc("Ann Lee of Acme Corp visited Ohio.")
        doc.ents = [Span(doc, 3, 5, label="PRODUCT")]
        for _name, component in nlp.pipeline:
            doc = component(doc)
        return doc

    recognizer = fast.get_pipe("ner")
    doc = fast.make_doc("Ann Lee of Acme Corp visited Ohio.")
    doc.ents = [Span(doc, 3, 5, label="PRODUCT")]
    assert decode_entities(recognizer, [doc]) is None
    assert decode_entities(recognizer, [fast.make_doc("Ann Lee of Acme Corp visited Ohio.")]) is not None
    got, expected = preset(fast), preset(stock)
    assert ("Acme Corp", "PRODUCT") in [(e.text, e.label_) for e in got.ents]
    assert entity_tags([got]) == entity_tags([expected])


def test_only_spacys_own_recognizer_is_replaced() -> None:
    assert lockstep_entity_recognizer(spacy.blank("en")) is False
    nlp = spacy.load(model_name())
    assert lockstep_entity_recognizer(nlp) is True
    assert lockstep_entity_recognizer(nlp) is False  # already replaced


def test_a_failing_batch_goes_to_the_error_handler(fast: Language, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*args: Any) -> None:
        raise ValueError("decoder broke")

    seen: list[tuple[str, int, str]] = []
    recognizer = fast.get_pipe("ner")
    monkeypatch.setattr(fastmodel, "decode_entities", broken)
    recognizer.set_error_handler(lambda name, component, docs, error: seen.append((name, len(docs), str(error))))
    try:
        docs = [fast.make_doc(t) for t in ("Ann Lee spoke.", "Bob Ray left.", "Ohio.")]
        assert list(recognizer.pipe(docs, batch_size=2)) == []
    finally:
        recognizer.set_error_handler(fastmodel.util.raise_error)
    assert seen == [("ner", 2, "decoder broke"), ("ner", 1, "decoder broke")]
