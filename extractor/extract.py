"""Articles to validated records: runs the Docs of `nlp.pipe` through every extractor. The library
entry point: `extract_records(paths_or_articles, nlp)` streams ArticleRecord and ExtractionError
objects in input order, and never raises for a bad article."""

from __future__ import annotations

import datetime as dt
import hashlib
import signal
import threading
from collections import deque
from collections.abc import Iterable, Iterator

from pydantic import ValidationError
from spacy.language import Language
from spacy.tokens import Doc

from . import location
from .changes import extract_changes, extract_claims
from .components import doc_text
from .events import extract_events
from .figures import figure_mentions, unique_figures
from .ingest import normalize
from .models import Article, ArticleRecord, ErrorKind, ExtractionError
from .officials import officials_of
from .people import find_people
from .quotes import extract_quotes
from .timex import date_mentions, find_time_mentions

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


def record_for(doc: Doc, article: Article) -> ArticleRecord:
    doc._.published = article.published
    doc._.location = article_location(doc, article.title)
    mentions = figure_mentions(doc)
    figures = unique_figures(mentions)
    people = find_people(doc)
    times = find_time_mentions(doc)
    quotes = extract_quotes(doc, people)
    changes = extract_changes(doc, mentions)
    claims = extract_claims(doc, mentions)
    return ArticleRecord(
        id=article.id,
        source=article.source,
        path=article.path,
        title=article.title,
        published=article.published,
        location=doc._.location,
        url=article.url,
        content_hash=content_hash(article.text),
        text=article.text,
        figures=figures,
        changes=changes,
        claims=claims,
        officials=officials_of(people, doc, doc._.location),
        quotes=quotes,
        events=extract_events(doc, times, [*mentions, *changes, *claims], people, [(q.start, q.end) for q in quotes]),
        dates=date_mentions(doc, times),
        meta=article.meta,
        warnings=article.warnings,
    )


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

    def texts() -> Iterator[tuple[str, int]]:
        for position, item in enumerate(items):
            item = _too_large(item, max_chars)
            pending.append((position, item))
            if isinstance(item, Article):
                yield item.text, position

    def drain_until(position: int | None) -> Iterator[Result]:
        while pending and (position is None or pending[0][0] != position):
            _, item = pending.popleft()
            assert isinstance(item, ExtractionError)
            yield item

    for doc, position in nlp.pipe(texts(), as_tuples=True, n_process=n_process, batch_size=batch_size):
        yield from drain_until(position)
        _, article = pending.popleft()
        assert isinstance(article, Article)
        try:
            result: Result = record_for(doc, article)
        except Exception as e:  # one article's bug must not end a run of a million
            result = _internal_error(article, e)
        yield result
    yield from drain_until(None)


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
                result: Result = record_for(nlp(item.text), item)
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


def extract_text(text: str, nlp: Language, published: dt.date | None = None, article_id: str = "text") -> Result:
    """One text to one record: for notebooks and tests."""
    article = Article(id=article_id, source="<text>", path="<text>", text=normalize(text), published=published)
    return next(extract_records([article], nlp))
