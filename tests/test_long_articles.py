"""Long articles are analysed in paragraph-aligned parts (memory bounded per article, issue 16);
the parts make one record whose spans index the whole text. Peak memory is measured by
benchmarks/peak_rss.py, not here."""

from __future__ import annotations

from spacy.language import Language

from extractor.models import Article, ArticleRecord
from tests.conftest import SEED


def test_a_long_article_analysed_in_parts_gives_one_record_with_the_facts_of_every_part(nlp: Language) -> None:
    from extractor.extract import extract_records, record_in_parts, text_parts

    text = SEED.read_text(encoding="utf-8").strip()
    parts = text_parts(text, 600)
    assert len(parts) > 3 and parts[0][0] == 0 and parts[-1][1] == len(text)
    assert all(end - start <= 600 and start < end for start, end in parts)
    assert all(a[1] == b[0] for a, b in zip(parts, parts[1:], strict=False))
    article = Article(id="seed", source="s", path="s", text=text)
    whole = next(extract_records([article], nlp))
    chunked = record_in_parts(article, nlp, 600)
    assert isinstance(whole, ArticleRecord)
    assert chunked.text == text and chunked.content_hash == whole.content_hash
    ArticleRecord.model_validate(chunked.model_dump())  # every span indexes the whole text
    assert {(f.year, f.count) for f in chunked.figures} == {(f.year, f.count) for f in whole.figures}
    assert {o.name for o in whole.officials} <= {o.name for o in chunked.officials}
