"""Whole-corpus properties: every article of corpus/ becomes a valid record, and every fact's
evidence is the slice of the text its span names."""

from __future__ import annotations

from extractor.models import ArticleRecord


def test_corpus_is_not_empty(corpus_records: list[ArticleRecord]) -> None:
    assert len(corpus_records) >= 1


def test_every_span_is_its_evidence(corpus_records: list[ArticleRecord]) -> None:
    checked = 0
    for r in corpus_records:
        for kind in ("figures", "changes", "claims", "quotes", "events"):
            for fact in getattr(r, kind):
                assert r.text[fact.start : fact.end] == fact.evidence, (r.id, kind, fact)
                checked += 1
        for d in r.dates:
            assert r.text[d.start : d.end] == d.text
            checked += 1
        for o in r.officials:
            for start, end in o.mentions:
                assert r.text[start:end].strip(), (r.id, o.name)
                checked += 1
    assert checked > 0
