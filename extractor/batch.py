"""Running extraction over many articles: in this process, in a pool of worker processes, or on a
Dask cluster, always streaming (a bounded number of chunks in flight, so memory does not grow with
the corpus) and always yielding results in input order, so every engine writes the same output."""

from __future__ import annotations

import multiprocessing
import os
import signal
import sys
import threading
import time
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from typing import Any

from spacy.language import Language

from .extract import DEFAULT_MAX_CHARS, Item, Result, extract_records
from .models import Article, ErrorKind, ExtractionError
from .pipeline import build_nlp

CHUNK_SIZE = 8  # articles a worker takes at a time: small chunks keep both workers busy to the end
IN_FLIGHT_PER_WORKER = 3  # chunks queued per worker: enough to keep it busy, little memory

# Characters in one spaCy batch, at most (an article longer than that is a batch of its own).
# The model's arrays for a batch grow with its text, and the C heap keeps the largest batch's
# worth: with batches of 32 press releases (150,000 characters) peak memory was 635 MB and crept
# to 756 MB over ten rounds of the same articles; at about 75,000 characters it is 455 to 504 MB,
# at the same speed (batches of 16 and 32 articles timed within noise of each other).
BATCH_CHARS = 75_000

_worker_nlp: dict[str, Language] = {}  # one pipeline per worker process and model


def batches(items: Iterable[Item], size: int, max_chars: int | None = None) -> Iterator[list[Item]]:
    """Consecutive items, at most `size` of them and, past the first, at most `max_chars`
    (default BATCH_CHARS) characters of article text in all: batch sizes matched to article length.

    >>> from extractor.models import Article
    >>> items = [Article(id=str(n), source="s", path="p", text="x" * n) for n in (40, 30, 20, 90, 10)]
    >>> [[a.id for a in batch] for batch in batches(items, size=3, max_chars=80)]
    [['40', '30'], ['20'], ['90'], ['10']]
    """
    max_chars = BATCH_CHARS if max_chars is None else max_chars
    chunk: list[Item] = []
    chars = 0
    for item in items:
        length = len(item.text) if isinstance(item, Article) else 0
        if chunk and (len(chunk) >= size or chars + length > max_chars):
            yield chunk
            chunk, chars = [], 0
        chunk.append(item)
        chars += length
    if chunk:
        yield chunk


def _nlp_for(model: str | None) -> Language:
    key = model or ""
    if key not in _worker_nlp:
        _worker_nlp[key] = build_nlp(model)
    return _worker_nlp[key]


def extract_chunk(chunk: list[Item], model: str | None, max_chars: int, timeout: float | None = None) -> list[Result]:
    """A worker's job: one chunk of articles to results, with the worker's own pipeline."""
    return list(guarded_records(chunk, _nlp_for(model), len(chunk) or 1, max_chars, timeout))


def guarded_records(
    chunk: list[Item], nlp: Language, batch_size: int, max_chars: int, timeout: float | None
) -> Iterator[Result]:
    """One result per item of `chunk`, in order, whatever an article does to the pipeline: when
    the batched pipeline raises (a component's bug on one text), the articles not yet done are
    analysed one at a time, and one that fails alone becomes an `internal` error entry, so the run,
    and a resumed run, go on past it. A failure that is no article's is raised (the run stops):
    every article left fails alone and they are two or more, or none of the chunk got through and
    the pipeline never made a record in this process (a chunk of one article after good ones)."""
    done = 0
    try:
        for result in extract_records(chunk, nlp, batch_size=batch_size, max_chars=max_chars, timeout=timeout):
            done += 1
            _PIPELINE_WORKED[id(nlp)] = True
            yield result
    except Exception as e:
        rest = [_alone(item, nlp, max_chars, timeout) for item in chunk[done:]]
        failures = [r for r in rest if isinstance(r, Exception)]
        articles = sum(isinstance(item, Article) for item in chunk[done:])
        unproven = done == 0 and not _PIPELINE_WORKED.get(id(nlp))
        if failures and len(failures) == articles and (articles >= 2 or unproven):
            raise e  # the pipeline itself is broken: no article is to blame
        for item, outcome in zip(chunk[done:], rest, strict=True):
            if isinstance(outcome, Exception):
                assert isinstance(item, Article)  # _alone returns an item that is an error entry itself
                yield _internal(item, outcome)
            else:
                yield outcome


# pipelines (by id) that made a record in this process: a lone article failing later is to blame
_PIPELINE_WORKED: dict[int, bool] = {}


def _alone(item: Item, nlp: Language, max_chars: int, timeout: float | None) -> Result | Exception:
    """The item analysed on its own, or the exception it raised."""
    try:
        (result,) = extract_records([item], nlp, batch_size=1, max_chars=max_chars, timeout=timeout)
    except Exception as e:
        return e if isinstance(item, Article) else item
    return result


def _internal(item: Article, e: Exception) -> ExtractionError:
    detail = str(e).strip().splitlines()[0][:300] if str(e).strip() else ""
    message = f"extraction failed ({type(e).__name__}): {detail}"
    return ExtractionError(source=item.path, id=item.id, error=ErrorKind.internal, message=message)


def _ordered(submit: Any, chunks: Iterator[list[Item]], window: int) -> Iterator[Result]:
    """Submit chunks with at most `window` in flight and yield their results in order."""
    pending: deque[Any] = deque()
    for chunk in chunks:
        pending.append(submit(chunk))
        if len(pending) >= window:
            yield from _result_of(pending.popleft())
    while pending:
        yield from _result_of(pending.popleft())


def _result_of(future: Any) -> list[Result]:
    return future.result()


PARENT_POLL_SECONDS = 1.0


def _init_worker(parent: int) -> None:
    """Every pool worker: Ctrl-C is the parent's to handle (it ends its workers), and a worker
    never outlives its parent, whether the parent exits, gets SIGTERM or is killed with -9."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    if sys.platform.startswith("linux"):
        try:
            import ctypes

            pr_set_pdeathsig = 1
            ctypes.CDLL(None, use_errno=True).prctl(pr_set_pdeathsig, int(signal.SIGKILL), 0, 0, 0)
        except (OSError, AttributeError):  # pragma: no cover - the poll below still ends the worker
            pass
    if os.getppid() != parent:  # the parent died before the line above
        os._exit(1)
    threading.Thread(target=_watch_parent, args=(parent,), name="extractor-parent-watch", daemon=True).start()


def _watch_parent(parent: int) -> None:
    while True:
        time.sleep(PARENT_POLL_SECONDS)
        if os.getppid() != parent:
            os._exit(1)


def _end_workers(pool: ProcessPoolExecutor) -> None:
    """Stop a pool at once: its workers are killed (their chunks are lost, not written), queued
    chunks are cancelled, and nothing waits for a chunk to finish."""
    processes = list((getattr(pool, "_processes", None) or {}).values())
    for process in processes:
        if process.is_alive():
            process.kill()
    for process in processes:
        process.join(timeout=2)
    pool.shutdown(wait=False, cancel_futures=True)


def run_local(
    items: Iterable[Item],
    model: str | None = None,
    n_process: int = 1,
    batch_size: int = 32,
    max_chars: int = DEFAULT_MAX_CHARS,
    nlp: Language | None = None,
    timeout: float | None = None,
) -> Iterator[Result]:
    """Results for `items` in input order. One process runs the pipeline itself; more fork a pool
    that inherits the loaded pipeline (no reload per worker)."""
    if n_process <= 1:
        own = nlp or _nlp_for(model)
        for chunk in batches(items, batch_size):
            yield from guarded_records(chunk, own, batch_size, max_chars, timeout)
        return
    if nlp is not None:
        _worker_nlp[model or ""] = nlp
    else:
        _nlp_for(model)  # loaded before the fork, shared copy-on-write by every worker
    context = multiprocessing.get_context("fork" if hasattr(os, "fork") else "spawn")
    pool = ProcessPoolExecutor(
        max_workers=n_process, mp_context=context, initializer=_init_worker, initargs=(os.getpid(),)
    )

    def submit(chunk: list[Item]) -> Future[list[Result]]:
        return pool.submit(extract_chunk, chunk, model, max_chars, timeout)

    try:
        yield from _ordered(submit, batches(items, CHUNK_SIZE), n_process * IN_FLIGHT_PER_WORKER)
    except BaseException:  # Ctrl-C, SIGTERM, a dead worker, the consumer closing early: stop now
        _end_workers(pool)
        raise
    pool.shutdown(wait=True)


def run_dask(
    items: Iterable[Item],
    model: str | None = None,
    scheduler: str | None = None,
    n_workers: int = 2,
    max_chars: int = DEFAULT_MAX_CHARS,
    processes: bool = True,
) -> Iterator[Result]:
    """The same extraction on a Dask distributed cluster: the scheduler at `scheduler`, or a
    LocalCluster of `n_workers`. Each worker loads the model once (a module-level cache in the
    worker); results come back in input order, identical to the local engine's."""
    try:
        from distributed import Client, LocalCluster
    except ImportError as e:  # pragma: no cover - the dependency is declared in the dask extra
        raise RuntimeError("the Dask engine needs dask.distributed: pip install 'extractor[dask]'") from e

    cluster = (
        None
        if scheduler
        else LocalCluster(n_workers=n_workers, threads_per_worker=1, processes=processes, dashboard_address=None)
    )
    client = Client(scheduler) if scheduler else Client(cluster)
    try:
        workers = max(1, len(client.scheduler_info().get("workers", {})) or n_workers)

        def submit(chunk: list[Item]) -> Any:
            return client.submit(extract_chunk, chunk, model, max_chars, pure=False)

        yield from _ordered(submit, batches(items, CHUNK_SIZE), workers * IN_FLIGHT_PER_WORKER)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
