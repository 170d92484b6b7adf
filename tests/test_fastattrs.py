"""The compiled attribute ruler gives exactly the trained ruler's annotations."""

from __future__ import annotations

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
