"""Running extraction over many articles: in this process, in a pool of worker processes, or on a
Dask cluster, always streaming (a bounded number of chunks in flight, so memory does not grow with
the corpus) and always yielding results in input order, so every engine writes the same output."""

from __future__ import annotations

import gc
import multiprocessing
import os
import signal
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from typing import Any, TypeVar

from spacy.language import Language

from .extract import DEFAULT_MAX_CHARS, Item, Result, extract_records
from .models import Article, ErrorKind, ExtractionError
from .phases import PHASES_ENV, phase
from .pipeline import build_nlp

# Articles a worker takes at a time (at most BATCH_CHARS of text); the last chunks of a run taper
# (see `batches`), so that both workers stay busy to the end.
CHUNK_SIZE = 16
IN_FLIGHT_PER_WORKER = 3  # unfinished chunks per worker: enough to keep it busy, little memory

# Characters in one spaCy batch, at most (an article longer than that is a batch of its own).
# The model's arrays for a batch grow with its text, and a run's peak memory is its costliest
# batch: the more batches, the likelier a costly one. With batches of 32 press releases (about
# 150,000 characters) 32 articles peaked at 636 MB and the same ten times over at 777 MB; with
# 50 real articles and the same ten times over, 75,000 characters a batch peaked at 422 MB and
# 490 to 506 MB, 40,000 at 344 MB and 386 to 415 MB, 25,000 at 306 to 310 MB and 336 to 340 MB,
# 15,000 at 285 MB and 307 MB. Speed was the same from 75,000 to 25,000 in paired runs, 1 and 2 processes.
BATCH_CHARS = 25_000

Chunked = TypeVar("Chunked")  # what a chunk holds: Items here, anything in ordered_results

_worker_nlp: dict[str, Language] = {}  # one pipeline per worker process and model


def batches(items: Iterable[Item], size: int, max_chars: int | None = None, workers: int = 0) -> Iterator[list[Item]]:
    """Consecutive items, at most `size` of them and, past the first, at most `max_chars`
    (default BATCH_CHARS) characters of article text in all: batch sizes matched to article length.
    With `workers`, the last batches taper (at most a `2 * workers`-th of the articles and of the
    characters left each), so that the workers of a pool finish together instead of one idling
    through the other's last long batch; this reads about `size * workers * 4` items ahead, but
    not at the start: the pool's first `workers` batches go out once `2 * workers` batches' worth
    of items or of text is read (its workers wait for them: reading 144 articles ahead first held
    them idle for a second), and the reading ahead then grows by `size * workers` items a batch.

    >>> from extractor.models import Article
    >>> items = [Article(id=str(n), source="s", path="p", text="x" * n) for n in (40, 30, 20, 90, 10)]
    >>> [[a.id for a in batch] for batch in batches(items, size=3, max_chars=80)]
    [['40', '30'], ['20'], ['90'], ['10']]
    >>> forty = [Article(id=str(n), source="s", path="p", text="x") for n in range(40)]
    >>> [len(batch) for batch in batches(forty, 8, workers=2)]
    [8, 8, 6, 4, 3, 2, 2, 1, 1, 1, 1, 1, 1, 1]
    """
    max_chars = BATCH_CHARS if max_chars is None else max_chars
    iterator = iter(items)
    ahead: deque[Item] = deque()
    full = size * workers * 4
    handed = 0  # batches yielded so far
    exhausted = False
    while True:
        starting = handed < workers  # the pool's first batches: its workers wait for them
        if not workers:
            lookahead = 1
        elif starting:  # enough to know whether they must taper already: 2 * workers batches
            lookahead = size * (2 * workers - 1)
        else:
            lookahead = min(full, (handed - workers + 2) * size * workers)
        while (
            not exhausted
            and len(ahead) < lookahead + size
            and not (starting and sum(map(_chars, ahead)) >= 2 * workers * max_chars)
        ):
            try:
                ahead.append(next(iterator))
            except StopIteration:
                exhausted = True
        if not ahead:
            return
        limit, budget = size, max_chars
        if workers and exhausted:  # the run's end: a share of what is left, in articles and in text
            limit = max(1, min(size, len(ahead) // (2 * workers)))
            budget = min(max_chars, sum(map(_chars, ahead)) // (2 * workers))
        chunk = [ahead.popleft()]
        chars = _chars(chunk[0])
        while ahead and len(chunk) < limit and chars + _chars(ahead[0]) <= budget:
            chars += _chars(ahead[0])
            chunk.append(ahead.popleft())
        handed += 1
        yield chunk


def _chars(item: Item) -> int:
    return len(item.text) if isinstance(item, Article) else 0


def _prepare_fork() -> None:
    """Before forking workers: every object so far set aside from the garbage collector (a
    worker's collections would otherwise walk, and so copy, every page of the parent's objects),
    and the heap's free pages given back (a worker would otherwise copy them on first write
    instead of getting fresh ones). In paired runs they cut the workers' CPU time in five rounds
    of six, by up to a sixth; the spread between runs here is as large."""
    gc.freeze()
    if sys.platform.startswith("linux"):
        try:
            import ctypes

            ctypes.CDLL(None).malloc_trim(0)
        except (OSError, AttributeError):  # another C library: nothing to give back this way
            pass


def _nlp_for(model: str | None) -> Language:
    key = model or ""
    if key not in _worker_nlp:
        _worker_nlp[key] = build_nlp(model)
    return _worker_nlp[key]


def extract_chunk(
    chunk: list[Item], model: str | None, max_chars: int, timeout: float | None = None, batch_size: int = 32
) -> list[Result]:
    """A worker's job: one chunk of articles to results, with the worker's own pipeline. The
    chunk is one spaCy batch; `batch_size` (the run's) still sets the parser's own sub-batches
    (a quarter of it), as in one process: the parser is slower on sub-batches of two or four."""
    if not os.environ.get(PHASES_ENV):
        return list(guarded_records(chunk, _nlp_for(model), max(len(chunk), batch_size), max_chars, timeout))
    phase("chunk_start", role="worker", articles=len(chunk))
    results = list(guarded_records(chunk, _nlp_for(model), max(len(chunk), batch_size), max_chars, timeout))
    phase("chunk_end", role="worker", articles=len(chunk), chars=sum(map(_chars, chunk)), bytes=_pickled(results))
    return results


def _pickled(results: list[Result]) -> int:
    """Bytes of `results` pickled, as they go back to the parent (the phase log's measure)."""
    import pickle

    return len(pickle.dumps(results, pickle.HIGHEST_PROTOCOL))


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


def ordered_results(
    submit: Callable[[list[Chunked]], Any],
    chunks: Iterable[list[Chunked]],
    window: int,
    held: int | None = None,
) -> Iterator[Any]:
    """Submit chunks and yield their results in input order, with at most `window` chunks
    unfinished and at most `held` (default 4 x `window`) submitted and not yet yielded. `submit`
    returns a future: a concurrent.futures one or a Dask one (anything with `done`, `result` and
    `add_done_callback`). A worker that finishes gets the next chunk at once, even
    while an earlier, longer chunk still runs on another: when the window counted chunks not yet
    yielded, a worker idled behind it for 5-8% of a 2-process run. Chunks in flight when the
    consumer stops are left to the caller: cancelling them here would race a pool's own shutdown
    (a killed pool sets its pending futures' errors, and a cancelled one refuses).

    >>> from concurrent.futures import ThreadPoolExecutor
    >>> with ThreadPoolExecutor(2) as pool:
    ...     list(ordered_results(lambda chunk: pool.submit(list, chunk), [["a", "b"], ["c"]], window=2))
    ['a', 'b', 'c']
    """
    held = 4 * window if held is None else held
    if window < 1 or held < 1:
        raise ValueError(f"window and held must be at least 1 (got {window} and {held})")
    pending: deque[Any] = deque()
    for chunk in chunks:
        while True:
            while pending and pending[0].done():
                yield from _result_of(pending.popleft())
            unfinished = [f for f in pending if not f.done()]
            if len(unfinished) < window and len(pending) < held:
                break
            first_done(unfinished)
        pending.append(submit(chunk))
    while pending:
        yield from _result_of(pending.popleft())


def first_done(futures: list[Any]) -> None:
    """Return once one of `futures` is done (at once for none): for concurrent.futures and Dask
    futures alike, without going through a Dask client (whichever is current).

    >>> from concurrent.futures import ThreadPoolExecutor
    >>> with ThreadPoolExecutor(1) as pool:
    ...     first_done([pool.submit(sum, [1, 2])])
    """
    if not futures:
        return
    done = threading.Event()
    for future in futures:
        future.add_done_callback(lambda _: done.set())
    done.wait()


def _result_of(future: Any) -> list[Any]:
    return future.result()


PARENT_POLL_SECONDS = 1.0


def _init_worker(parent: int, model: str | None = None) -> None:
    """Every pool worker: Ctrl-C is the parent's to handle (it ends its workers), and a worker
    never outlives its parent, whether the parent exits, gets SIGTERM or is killed with -9. Then
    it warms up (`_warm_up`) while the parent reads the first articles."""
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
    _warm_up(model)


# A made-up release (no real one's text) with what every step meets: a dateline, dates, counts by
# year, a percent change, a superlative, a quotation and its speaker, an official and an event.
WARM_UP_TEXT = (
    "RIVERTON, Ore. (March 4, 2024) - The city recorded 112 burglaries in 2023, down 15% from 132 in "
    "2022 and the lowest number since 2019, Police Chief Dana Marsh said on Monday.\n\n"
    '"We are encouraged by the progress," Marsh said. Thefts from vehicles rose to 310 last year.\n\n'
    "Mayor Luis Ortega will hold a community meeting on April 12 at 6 p.m. at City Hall."
)


def _warm_up(model: str | None) -> None:
    """A forked worker's first articles cost it about a third of a CPU second more than later ones
    (first calls: date parsing, the model's buffers, pydantic): paid on a made-up article now, while
    the parent reads the run's first articles, instead of after. Its record goes nowhere, but it
    proves the pipeline in this process (`guarded_records`: a lone article failing after that is
    the article's fault, whichever chunk the worker took first); what it raises is left to the
    run's own first chunk to meet."""
    try:
        nlp = _nlp_for(model)
        article = Article(id="warm-up", source="warm-up", path="warm-up", text=WARM_UP_TEXT)
        for _ in extract_records([article], nlp, max_chars=len(WARM_UP_TEXT)):  # nlp.max_length kept
            _PIPELINE_WORKED[id(nlp)] = True
    except Exception:  # a broken pipeline fails the run's first chunk instead, its articles named
        pass


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
    pool: ProcessPoolExecutor | None = None,
) -> Iterator[Result]:
    """Results for `items` in input order. One process runs the pipeline itself; more fork a pool
    that inherits the loaded pipeline (no reload per worker), or use `pool` (see `worker_pool`),
    which is left running."""
    if n_process <= 1 and pool is None:
        own = nlp or _nlp_for(model)
        for chunk in batches(items, batch_size):
            yield from guarded_records(chunk, own, batch_size, max_chars, timeout)
        return
    own_pool = pool is None
    workers = worker_pool(n_process, model, nlp) if pool is None else pool

    handed: list[int] = []

    def submit(chunk: list[Item]) -> Future[list[Result]]:
        if len(handed) < size:
            handed.append(len(chunk))
            phase("chunk_out", role="parent", articles=len(chunk))
        return workers.submit(extract_chunk, chunk, model, max_chars, timeout, batch_size)

    size = int(getattr(workers, "_max_workers", n_process))  # the pool's size: not public in ProcessPoolExecutor
    try:
        yield from ordered_results(submit, batches(items, CHUNK_SIZE, workers=size), size * IN_FLIGHT_PER_WORKER)
    except BaseException:  # Ctrl-C, SIGTERM, a dead worker, the consumer closing early: stop now
        if own_pool:
            _end_workers(workers)
        raise
    if own_pool:
        workers.shutdown(wait=True)


def worker_pool(n_process: int, model: str | None = None, nlp: Language | None = None) -> ProcessPoolExecutor:
    """`n_process` workers forked now (spawned where fork is missing), sharing the loaded pipeline
    `nlp` (else `model`'s, loaded first); `run_local(..., pool=)` uses it, so that calls after
    the first find their workers started and warm. The caller shuts it down.

    >>> pool = worker_pool(2)
    >>> records = list(run_local(articles, n_process=2, pool=pool))  # doctest: +SKIP
    >>> pool.shutdown()
    """
    if nlp is not None:
        _worker_nlp[model or ""] = nlp
    else:
        _nlp_for(model)  # loaded before the fork, shared copy-on-write by every worker
    context = multiprocessing.get_context("fork" if hasattr(os, "fork") else "spawn")
    _prepare_fork()
    try:
        pool = ProcessPoolExecutor(
            max_workers=n_process, mp_context=context, initializer=_init_worker, initargs=(os.getpid(), model)
        )
        pool.submit(int)  # forks the workers now, while the heap is frozen (each then warms up: no waiting)
        phase("pool_ready", role="parent", workers=n_process)
    finally:
        gc.unfreeze()  # the parent's own collections go on; each worker keeps its frozen copy
    return pool


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

        chunks = batches(items, CHUNK_SIZE, workers=workers)
        yield from ordered_results(submit, chunks, workers * IN_FLIGHT_PER_WORKER)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
