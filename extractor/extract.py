"""Articles to validated records. The library entry point: `extract_records(paths_or_articles, nlp)`
streams ArticleRecord and ExtractionError objects in input order, and never raises for a bad
article. Each article becomes a Doc that carries its publication date and headline
(`extractors.article_doc`); the pipeline's components set every fact on the Doc (`Doc._.figures`,
`Doc._.quotes`...) as plain data (extractor/docfacts.py), so the Doc may be made in a worker
process (`n_process`), and `record_for` reads them into a record. A fact that failed validation
was dropped on the Doc: the record keeps every other fact and carries the dropped one as a
`fact_dropped` error entry (`ArticleRecord.dropped_facts`), which a run writes to its errors file."""

from __future__ import annotations

import datetime as dt
import hashlib
import signal
import threading
from collections import deque
from collections.abc import Iterable, Iterator
from typing import Any

from pydantic import ValidationError
from spacy.language import Language
from spacy.tokens import Doc

from . import docfacts, location
from .components import doc_text
from .extractors import article_doc, extract_location, give_inputs
from .fastmodel import one_blas_thread, one_blas_thread_through
from .ingest import normalize
from .models import Article, ArticleRecord, ErrorKind, ExtractionError

DEFAULT_MAX_CHARS = 1_000_000
Item = Article | ExtractionError
Result = ArticleRecord | ExtractionError


def dateline_place(text: str) -> str | None:
    """The place of a dateline opening the article: "ST. LOUIS –" -> "St. Louis" (extractor/location.py)."""
    return location.dateline_place(text)


def article_location(doc: Doc, title: str | None = None) -> str | None:
    """Dateline first (after the headline where the text starts with it); else the place the
    article names, weighted by position and by reading as a city or county (extractor/location.py)."""
    return location.article_location(doc, doc_text(doc), title)


def inputs_after_the_pipeline(doc: Doc, article: Article) -> Doc:
    """Gives a Doc the article's inputs after the pipeline ran without them: its place is found
    again, and the facts are computed for date and place on reading."""
    give_inputs(doc, article)
    doc._.location = extract_location(doc)
    return doc


def record_for(doc: Doc, article: Article) -> ArticleRecord:
    """The record of an article from its Doc, as the pipeline annotated it: every field is a Doc
    attribute a component set. `doc` is `nlp(article_doc(nlp, article))`; a Doc made from the text
    alone is given the article's inputs first."""
    if (doc._.published, doc._.title) != (article.published, article.title):
        inputs_after_the_pipeline(doc, article)
    record = ArticleRecord(
        id=article.id,
        source=article.source,
        path=article.path,
        title=article.title,
        published=article.published,
        location=doc._.location,
        url=article.url,
        content_hash=content_hash(article.text),
        text=article.text,
        figures=doc._.figures,
        changes=doc._.changes,
        claims=doc._.claims,
        officials=doc._.officials,
        quotes=doc._.quotes,
        events=doc._.events,
        dates=doc._.dates,
        meta=article.meta,
        warnings=article.warnings,
    )
    record.dropped_facts.extend(dropped_entries(docfacts.dropped(doc), article))
    return record


def dropped_entries(dropped: list[dict[str, Any]], article: Article, offset: int = 0) -> list[ExtractionError]:
    """The facts dropped on an article's Doc as `fact_dropped` error entries: the fact's kind, its
    evidence and where it stands in the text (`offset`: of the part analysed), and the reason."""
    entries = []
    for fact in dropped:
        where = f" at {fact['start'] + offset}-{fact['end'] + offset}" if fact.get("start") is not None else ""
        entries.append(
            ExtractionError(
                source=article.path,
                id=article.id,
                error=ErrorKind.fact_dropped,
                message=f"a {fact['kind'][:-1]} dropped ({fact['reason']}): {fact['evidence']!r}{where}"[:500],
            )
        )
    return entries


def content_hash(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def _internal_error(article: Article, e: Exception) -> ExtractionError:
    what = "a record failed validation" if isinstance(e, ValidationError) else type(e).__name__
    first_line = str(e).strip().splitlines()[0] if str(e).strip() else ""
    return ExtractionError(
        source=article.path,
        id=article.id,
        error=ErrorKind.internal,
        message=f"extraction failed ({what}): {first_line}"[:500],
    )


def _too_large(item: Item, max_chars: int) -> Item:
    if isinstance(item, Article) and len(item.text) > max_chars:
        return ExtractionError(
            source=item.path,
            id=item.id,
            error=ErrorKind.too_large,
            message=f"{len(item.text):,} characters, over --max-chars {max_chars:,}",
        )
    return item


CHUNK_CHARS = 50_000  # longer articles are analysed in paragraph-aligned parts: memory stays bounded


def text_parts(text: str, size: int = CHUNK_CHARS) -> list[tuple[int, int]]:
    """(start, end) spans that cover `text`, each at most `size` characters, cut at a paragraph
    break where one lies in the second half of the span, else at a line break, a sentence end or a
    space (a wall of text with none of these is cut anywhere)."""
    spans: list[tuple[int, int]] = []
    start, n = 0, len(text)
    while start < n:
        end = min(start + size, n)
        if end < n:
            floor = start + size // 2
            for mark, keep in (("\n\n", 0), ("\n", 0), (". ", 1), (" ", 0)):
                cut = text.rfind(mark, floor, end)
                if cut > start:
                    end = cut + keep
                    break
        spans.append((start, end))
        start = end
    return spans


def _shifted(items: list[dict[str, Any]], offset: int) -> list[dict[str, Any]]:
    return [{**item, "start": item["start"] + offset, "end": item["end"] + offset} for item in items]


def record_in_parts(article: Article, nlp: Language, size: int = CHUNK_CHARS) -> ArticleRecord:
    """One record for a long article analysed part by part (one Doc in memory at a time): the facts
    of every part, their spans shifted to index the whole text; officials met in several parts
    merged by name; the article's place from its first part."""
    parts: list[tuple[int, dict[str, Any]]] = []
    dropped: list[ExtractionError] = []
    for start, end in text_parts(article.text, size):
        part = article.model_copy(update={"text": article.text[start:end]})
        doc = nlp(article_doc(nlp, part))
        parts.append((start, record_for(doc, part).model_dump()))
        dropped += dropped_entries(docfacts.dropped(doc), article, start)
    data = dict(parts[0][1])
    data["text"] = article.text
    data["content_hash"] = content_hash(article.text)
    for kind in ("figures", "changes", "claims", "quotes", "events", "dates"):
        data[kind] = [item for offset, record in parts for item in _shifted(record[kind], offset)]
    officials: dict[str, dict[str, Any]] = {}
    for offset, record in parts:
        for official in record["officials"]:
            merged = officials.setdefault(official["name"], {**official, "aliases": [], "mentions": []})
            for key in ("title", "organization"):
                merged[key] = merged.get(key) or official.get(key)
            merged["aliases"] += [a for a in official["aliases"] if a not in merged["aliases"]]
            merged["mentions"] += [(s + offset, e + offset) for s, e in official["mentions"]]
    data["officials"] = list(officials.values())
    data["warnings"] = [*data["warnings"], f"analysed in {len(parts)} parts of at most {size:,} characters"]
    whole = ArticleRecord.model_validate(data)
    whole.dropped_facts.extend(dropped)
    return whole


@one_blas_thread()  # as the batched pipe below (extractor/fastmodel.py)
def _analyse(article: Article, nlp: Language) -> Result:
    """A record for one article analysed on its own (long ones in parts); never raises."""
    try:
        if len(article.text) > CHUNK_CHARS:
            return record_in_parts(article, nlp)
        return record_for(nlp(article_doc(nlp, article)), article)
    except _Timeout:
        raise
    except Exception as e:  # one article's bug must not end a run of a million
        return _internal_error(article, e)


def extract_records(
    items: Iterable[Item],
    nlp: Language,
    *,
    n_process: int = 1,
    batch_size: int = 32,
    max_chars: int = DEFAULT_MAX_CHARS,
    timeout: float | None = None,
) -> Iterator[Result]:
    """Records and errors for `items` (from ingest.iter_articles), streamed in input order.
    With `timeout` (seconds, Unix main thread), each article is analysed on its own under a timer
    and one that takes longer becomes an error of kind `timeout`."""
    nlp.max_length = max(nlp.max_length, max_chars + 1)
    if timeout:
        yield from _extract_with_timeout(items, nlp, max_chars, timeout)
        return
    pending: deque[tuple[int, Item]] = deque()

    # with n_process > 1, spaCy sends each Doc to a worker process and back as bytes: its inputs
    # and its facts are plain data in user_data (extractor/docfacts.py), so they travel with it
    def docs() -> Iterator[tuple[Doc, int]]:
        for position, item in enumerate(items):
            item = _too_large(item, max_chars)
            pending.append((position, item))
            if isinstance(item, Article) and len(item.text) <= CHUNK_CHARS:
                yield article_doc(nlp, item), position

    def drain_until(position: int | None) -> Iterator[Result]:
        """The items before `position` that nlp.pipe does not see: errors, and long articles (analysed
        here, in parts, in their place in the input order)."""
        while pending and (position is None or pending[0][0] != position):
            _, item = pending.popleft()
            yield _analyse(item, nlp) if isinstance(item, Article) else item

    # a worker's batch that raised (spaCy's E871) yields no Docs: its articles stay pending and are
    # analysed here one by one (drain_until), where one that fails alone becomes its error entry
    previous_handler = nlp.default_error_handler
    if n_process != 1:
        nlp.default_error_handler = _batch_lost
    try:
        for doc, position in one_blas_thread_through(
            nlp.pipe(docs(), as_tuples=True, n_process=n_process, batch_size=batch_size)
        ):
            yield from drain_until(position)
            _, article = pending.popleft()
            assert isinstance(article, Article)
            try:
                result: Result = record_for(doc, article)
            except Exception as e:  # one article's bug must not end a run of a million
                result = _internal_error(article, e)
            yield result
    finally:
        nlp.default_error_handler = previous_handler
    yield from drain_until(None)


def _batch_lost(name: str | None, component: object, docs: object, error: Exception) -> None:
    """spaCy's error handler while worker processes run the pipeline: a worker's failed batch
    (reported with no component) is left to `extract_records`, which analyses its articles again
    one by one; a component's own error is raised, as by spaCy's default handler."""
    if name is not None or component is not None:
        raise error


class _Timeout(Exception):
    pass


def _alarm(signum: int, frame: object) -> None:
    raise _Timeout


def _extract_with_timeout(items: Iterable[Item], nlp: Language, max_chars: int, timeout: float) -> Iterator[Result]:
    usable = hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
    previous = signal.signal(signal.SIGALRM, _alarm) if usable else None
    try:
        for item in items:
            item = _too_large(item, max_chars)
            if not isinstance(item, Article):
                yield item
                continue
            try:
                if usable:
                    signal.setitimer(signal.ITIMER_REAL, timeout)
                result: Result = _analyse(item, nlp)
            except _Timeout:
                result = ExtractionError(
                    source=item.path,
                    id=item.id,
                    error=ErrorKind.timeout,
                    message=f"analysis took longer than --timeout {timeout:g} s",
                )
            except Exception as e:  # one article's bug must not end a run of a million
                result = _internal_error(item, e)
            finally:
                if usable:
                    signal.setitimer(signal.ITIMER_REAL, 0)
            yield result
    finally:
        if usable:
            signal.signal(signal.SIGALRM, previous)


def extract_text(
    text: str, nlp: Language, published: dt.date | None = None, article_id: str = "text", title: str | None = None
) -> Result:
    """One text to one record: for notebooks and tests (`title`: a headline given apart from the text)."""
    article = Article(
        id=article_id, source="<text>", path="<text>", text=normalize(text), published=published, title=title
    )
    return next(extract_records([article], nlp))
