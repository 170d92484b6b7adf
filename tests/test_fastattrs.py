"""The compiled attribute ruler gives exactly the trained ruler's annotations."""

from __future__ import annotations

import pytest
import spacy

from extractor.fastattrs import FastAttributes
from extractor.ingest import iter_articles
from extractor.models import Article
from extractor.pipeline import build_nlp
from tests.conftest import CORPUS


def test_same_annotations_as_the_attribute_ruler() -> None:
    texts = [a.text for a in iter_articles([CORPUS]) if isinstance(a, Article)][:12]
    texts.append("I ain't gonna say nothin' 'bout y'all, but it's don't-stop time.")
    reference = build_nlp(fast_attributes=False)
    ours = build_nlp()
    assert "attribute_ruler" in reference.pipe_names
    assert "attribute_ruler" not in ours.pipe_names and "extractor_fast_attributes" in ours.pipe_names
    compared = 0
    for a, b in zip(reference.pipe(texts), ours.pipe(texts), strict=True):
        for x, y in zip(a, b, strict=True):
            assert (x.pos_, str(x.morph), x.lemma_, x.tag_, x.dep_) == (y.pos_, str(y.morph), y.lemma_, y.tag_, y.dep_)
            compared += 1
    assert compared > 3000


NEW_YORK = [[{"LOWER": "new"}, {"LOWER": "york"}]]


@pytest.mark.parametrize("index", [0, 1, -1, -2])
def test_a_rules_index_marks_the_token_spacys_ruler_marks(index: int) -> None:
    """The index picks a token of the match, counted from its end when negative (spaCy's
    `span[index]`): -1 is the match's last token, not the one before its start."""
    patterns = [{"patterns": NEW_YORK, "attrs": {"LEMMA": "city", "POS": "PROPN"}, "index": index}]
    nlp = spacy.blank("en")
    nlp.add_pipe("attribute_ruler").add_patterns(patterns)
    fast = FastAttributes(nlp.vocab, "fast", patterns)
    text = "Movers went from new York to New york state."
    expected = [(t.lemma_, t.pos_) for t in nlp(text)]
    assert [(t.lemma_, t.pos_) for t in fast(nlp.make_doc(text))] == expected
    marked = [i for i, (lemma, _) in enumerate(expected) if lemma == "city"]
    assert marked == [3 + index % 2, 6 + index % 2]


@pytest.mark.parametrize("index", [2, -3])
def test_an_index_outside_the_pattern_is_refused(index: int) -> None:
    """The factory then fails and build_nlp keeps spaCy's ruler."""
    nlp = spacy.blank("en")
    with pytest.raises(ValueError, match="index"):
        FastAttributes(nlp.vocab, "fast", [{"patterns": NEW_YORK, "attrs": {"LEMMA": "city"}, "index": index}])
