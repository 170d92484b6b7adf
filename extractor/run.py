"""A batch run as a library: inputs to every output at once (JSON Lines, CSV, SQLite or a stream),
with the outputs locked, the run's own files never read back as inputs, a stopped run resumed
where it stopped, and SIGTERM handled like Ctrl-C. Nothing here prints or exits: progress goes to
a callback, the end to a `RunSummary`, and every way a run cannot start or stops early is a typed
exception (`InvalidRun`, `UnfinishedRun`, `OutputLocked`, `RunStopped`) for the caller to show.

Example:

    summary = run_extraction([Path("corpus")], Outputs(file=Path("out/facts.jsonl")), nlp=build_nlp())
    print(summary.records_written, summary.facts["figures"], summary.errors)
"""

from __future__ import annotations

import datetime as dt
import os
import signal
import sys
import threading
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator, Sequence
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from .ingest import DEFAULT_MAX_BYTES, DEFAULT_MAX_LINE_BYTES, STDIN, Walk, iter_articles, shown_path
from .ingest import walk as walk_inputs
from .models import Article, ArticleRecord, ErrorKind, ExtractionError
from .phases import PHASES_ENV, log_exit, phase
from .writers import (
    CsvWriter,
    JsonlWriter,
    OutputLock,
    OutputLocked,
    SqliteWriter,
    StreamWriter,
    Writer,
    errors_path,
    last_run_status,
    part_path,
)

if TYPE_CHECKING:  # the pipeline (spaCy) is imported only when a run starts: `--help` stays fast
    from spacy.language import Language

OWN_SUFFIXES = (".part", ".lock", ".part.tmp", "-wal", "-shm", ".part-wal", ".part-shm")  # a run's side files
COUNT_JSONL_BYTES = 200_000_000  # more JSON Lines than this are not counted ahead (it would take long)

__all__ = [
    "ExtractionRun",
    "InvalidRun",
    "OutputLocked",
    "Outputs",
    "RunEvent",
    "RunStopped",
    "RunSummary",
    "UnfinishedRun",
    "check_paths",
    "count_inputs",
    "first_line",
    "output_format",
    "parse_published",
    "read_or_extract",
    "reason",
    "run_extraction",
]


class InvalidRun(ValueError):
    """A run that cannot start as asked: an input missing, an output that is also an input or a folder."""


class UnfinishedRun(InvalidRun):
    """The outputs hold the work of a run that did not finish: continuing it or starting over is
    the caller's choice (`resume=True` or `resume=False`), never a guess."""

    def __init__(self, unfinished: list[str]) -> None:
        super().__init__(f"{' and '.join(unfinished)} hold the work of a run that did not finish")
        self.unfinished = unfinished


class RunStopped(Exception):
    """The run itself stopped before its end: interrupted (Ctrl-C), terminated (SIGTERM) or failed
    (a full disk, a dead worker, a bug). What it wrote is kept in `kept` (.part files, the database)
    and a resumed run goes on from there when `resumable`."""

    def __init__(self, message: str, *, cause: str, kept: list[Path], records_written: int, resumable: bool) -> None:
        super().__init__(message)
        self.cause = cause  # "interrupted", "terminated" or "failed"
        self.kept = kept
        self.records_written = records_written
        self.resumable = resumable


class RunEvent(StrEnum):
    """What a run reports to its progress callback, once per article except `started`."""

    started = "started"  # the outputs are open; articles are read from now on
    skipped = "skipped"  # already written by the run resumed
    written = "written"  # a record
    failed = "failed"  # an error entry


def _articles_only(errors: Counter[str]) -> Counter[str]:
    """Error entries by kind without the facts dropped, which are warnings beside a record."""
    return Counter({k: n for k, n in errors.items() if k != ErrorKind.fact_dropped.value})


@dataclass
class RunSummary:
    """The end of a run: `records_written` counts the output's records (with those of the run
    resumed), `records_new` those this run wrote, `facts` this run's facts by kind, `errors` this
    run's error entries by kind and `earlier_errors` those of the run resumed, still this output's
    errors; `skipped` the articles the run resumed had written already."""

    records_written: int = 0
    records_new: int = 0
    facts: Counter[str] = field(default_factory=Counter)
    errors: Counter[str] = field(default_factory=Counter)
    earlier_errors: Counter[str] = field(default_factory=Counter)
    skipped: int = 0
    ignored: list[str] = field(default_factory=list)

    @property
    def all_errors(self) -> Counter[str]:
        return self.errors + self.earlier_errors

    @property
    def done_now(self) -> int:
        """The articles this run read and wrote, a record or an error each: what its rate counts."""
        return self.records_new + sum(self.article_errors_now.values())

    @property
    def resumed(self) -> bool:
        """This run added to the work of an earlier one."""
        return bool(self.skipped or self.earlier_errors or self.records_written > self.records_new)

    @property
    def article_errors(self) -> Counter[str]:
        """The output's error entries that stand for an article, by kind: all but the facts dropped."""
        return _articles_only(self.all_errors)

    @property
    def article_errors_now(self) -> Counter[str]:
        """This run's error entries that stand for an article, by kind."""
        return _articles_only(self.errors)

    @property
    def facts_dropped(self) -> int:
        """Facts dropped from their records for failing validation (`fact_dropped` entries): warnings."""
        return self.all_errors[ErrorKind.fact_dropped.value]

    @property
    def failed(self) -> bool:
        """Some article of the output could not be read or analysed (a fact dropped is a warning:
        its article has its record)."""
        return bool(self.article_errors)


@dataclass(frozen=True)
class Outputs:
    """Where a run writes: a `file` (JSON Lines, or CSV files beside it with `format="csv"`), or
    a `stream` (records as JSON Lines, errors to `error_stream`), and/or an SQLite `db`.

    Example:

        >>> Outputs(file=Path("out/facts.jsonl"), db=Path("out/facts.db")).targets()
        [PosixPath('out/facts.jsonl'), PosixPath('out/facts.errors.jsonl'), PosixPath('out/facts.db')]
    """

    file: Path | None = None
    format: str = "jsonl"
    db: Path | None = None
    stream: IO[str] | None = None
    error_stream: IO[str] | None = None

    @classmethod
    def asked(
        cls, output: Path | None, db: Path | None = None, format: str | None = None, resume: bool | None = None
    ) -> Outputs:
        """The outputs `extract --output/--db/--format/--resume` ask for (`-` for `output` is
        standard output); InvalidRun for a combination that makes no sense.

        Example:

            >>> Outputs.asked(Path("out/facts.csv")).format
            'csv'
        """
        if output is None and db is None:
            raise InvalidRun("give --output OUT.jsonl, --db OUT.db, or both")
        to_stdout = output is not None and str(output) == STDIN
        format = output_format(format, None if to_stdout else output)
        if to_stdout and format == "csv":
            raise InvalidRun("CSV is written as one file per kind of fact: give --output OUT.csv")
        if to_stdout and resume:
            raise InvalidRun("--resume needs an output file to resume, not standard output")
        if resume and format == "csv" and db is None:
            raise InvalidRun("--resume works with JSON Lines and SQLite output, not CSV")
        if to_stdout:
            return cls(format=format, db=db, stream=sys.stdout, error_stream=sys.stderr)
        return cls(file=output, format=format, db=db)

    @property
    def resumable(self) -> bool:
        """Whether a stopped run can go on: CSV files are written whole, JSON Lines and SQLite resume."""
        return self.format == "jsonl" or self.db is not None

    def targets(self) -> list[Path]:
        """The files a run writes (besides its side files, OWN_SUFFIXES)."""
        return ([self.file, errors_path(self.file)] if self.file else []) + ([self.db] if self.db else [])

    def shown(self, given: Path | None) -> tuple[str | None, Path | None]:
        """Where the records and the errors went, for a run's summary: the name `given` (--output),
        "standard output", or for CSV the files written, not the name given; None when not written."""
        errors_file = errors_path(self.file) if self.file else None
        shown: str | None = None if given is None else "standard output" if self.stream else str(given)
        if self.format == "csv" and self.file is not None:
            files = CsvWriter(self.file).paths
            shown = f"{files['articles']}, {files['figures']} ... {files['dates']} (a CSV per kind of fact)"
            errors_file = files["errors"]
        return shown, errors_file

    def excluded(self) -> set[Path]:
        """Every file of the run's own, resolved: never read as an input, even in an input folder."""
        targets = {t.resolve() for t in self.targets()}
        own = targets | {t.with_name(t.name + s).resolve() for t in targets for s in OWN_SUFFIXES}
        if self.file is not None and self.format == "csv":
            csv_files = CsvWriter(self.file).paths.values()
            own |= {q.resolve() for p in csv_files for q in (p, part_path(p))}
        return own

    def writers(self, resume: bool) -> list[Writer]:
        """One writer per output, in a fixed order (the first one's counts are the run's)."""
        writers: list[Writer] = []
        if self.stream is not None:
            writers.append(StreamWriter(self.stream, self.error_stream or self.stream))
        elif self.file is not None:
            writers.append(CsvWriter(self.file) if self.format == "csv" else JsonlWriter(self.file, resume=resume))
        if self.db is not None:
            writers.append(SqliteWriter(self.db, resume=resume))
        return writers

    def unfinished(self) -> list[str]:
        """Outputs that hold the work of a run that did not finish (JSON Lines .part files, a
        database whose last run is not complete)."""
        jsonl = self.file if self.format == "jsonl" else None
        found = [str(part_path(jsonl))] if jsonl is not None and part_path(jsonl).exists() else []
        if self.db is not None and last_run_status(self.db) not in (None, "complete"):
            found.append(str(self.db))
        return found


def output_format(given: str | None, output: Path | None) -> str:
    """The output format: `given` (--format), else the suffix of `output` (.csv is CSV, anything
    else JSON Lines); a format that contradicts the suffix is an InvalidRun, not a surprise.

    Example:

        >>> output_format(None, Path("out/facts.csv"))
        'csv'
    """
    by_suffix = {".csv": "csv", ".jsonl": "jsonl", ".ndjson": "jsonl"}.get(output.suffix.lower()) if output else None
    if given is not None and given not in ("jsonl", "csv"):
        raise InvalidRun(f"--format {given!r}: choose jsonl or csv")
    if given is not None and by_suffix is not None and given != by_suffix:
        raise InvalidRun(f"--format {given} does not fit the output name {output}; rename it or drop --format")
    return given or by_suffix or "jsonl"


def parse_published(value: str | None) -> dt.date | None:
    """A --published date (YYYY-MM-DD) as a date; ValueError for anything else.

    Example:

        >>> parse_published("2024-07-31")
        datetime.date(2024, 7, 31)
    """
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise ValueError(f"--published {value!r} is not a date in YYYY-MM-DD form") from None


def reason(e: BaseException) -> str:
    """An exception as a plain phrase: "No such file or directory", never "[Errno 2] ..." or a class name.

    Example:

        >>> reason(FileNotFoundError(2, "No such file or directory", "in.txt"))
        'No such file or directory: in.txt'
    """
    if isinstance(e, OSError) and e.strerror:
        return e.strerror + (f": {e.filename}" if e.filename else "")
    return first_line(e)


def first_line(e: BaseException) -> str:
    """An exception as one short plain line, for a message.

    Example:

        >>> first_line(ValueError("bad value\\nmore detail"))
        'bad value'
    """
    text = str(e).strip()
    return text.splitlines()[0][:300] if text else "an unexpected error in extractor"


def check_paths(paths: Sequence[Path], outputs: Outputs) -> None:
    """Raise InvalidRun when no input exists, an output is also an input, or an output is a folder.

    Example:

        check_paths([Path("corpus")], Outputs(file=Path("corpus")))  # InvalidRun: corpus is a folder
    """
    missing = [str(p) for p in paths if str(p) != STDIN and not p.exists() and not p.is_symlink()]
    if missing and len(missing) == len(paths):
        raise InvalidRun(f"no such file or folder: {', '.join(missing)}")
    targets = {t.resolve() for t in outputs.targets()}
    for p in paths:
        if str(p) != STDIN and p.exists() and p.resolve() in targets:
            raise InvalidRun(f"the output {p} is also an input; choose another output")
    for target in (outputs.file, outputs.db):
        if target is not None and target.is_dir():
            raise InvalidRun(f"{target} is a folder; give a file name such as {target / 'facts.jsonl'}")


def expected_articles(paths: Sequence[Path]) -> int | None:
    """count_inputs, or None when the inputs cannot be counted: counting is only for the ETA; the
    run's reading reports real problems."""
    try:
        return count_inputs(paths)
    except (OSError, RuntimeError):
        return None


def count_inputs(paths: Sequence[Path]) -> int | None:
    """How many articles the inputs hold, for a progress bar's ETA: a file is one, a JSON Lines
    file one a line. None when counting would take long (over 200 MB of JSON Lines). Reads only
    regular files inside the inputs, as the run does.

    Example:

        count_inputs([Path("corpus"), Path("more/articles.jsonl")])  # files, plus one a line
    """
    total, jsonl_bytes = 0, 0
    for entry in walk_inputs(paths):
        if not isinstance(entry, tuple):
            total += 1
            continue
        path = entry[0]
        if path.name.endswith((".jsonl", ".ndjson")):
            try:
                if not path.is_file():  # a pipe would block
                    total += 1
                    continue
                jsonl_bytes += path.stat().st_size
                if jsonl_bytes > COUNT_JSONL_BYTES:
                    return None
                with open(path, "rb") as f:  # newlines counted in blocks: a huge line is never held
                    total += sum(block.count(b"\n") for block in iter(lambda: f.read(1 << 20), b""))
            except OSError:
                total += 1
        else:
            total += 1
    return total


def _warm_reading() -> threading.Thread:
    """Reading's first article loads py3langid's model (extractor/body.py): a third of a CPU second,
    nearly all of it decompression, which lets other threads run. Started in a thread when a run is
    entered, it overlaps the loading of the spaCy model instead of delaying the first articles
    (and, with -j 2, the workers' first chunk)."""
    from .body import language_problem

    thread = threading.Thread(
        target=language_problem, args=("The council met on Tuesday to talk about the new buses.",), daemon=True
    )
    thread.start()
    return thread


class _PhaseTimes:
    """Wall and main-thread CPU seconds by step, for the phase log (EXTRACTOR_PHASES)."""

    def __init__(self) -> None:
        self.wall: defaultdict[str, float] = defaultdict(float)
        self.cpu: defaultdict[str, float] = defaultdict(float)

    @contextmanager
    def step(self, name: str) -> Iterator[None]:
        wall, cpu = time.perf_counter(), time.thread_time()
        try:
            yield
        finally:
            self.wall[name] += time.perf_counter() - wall
            self.cpu[name] += time.thread_time() - cpu

    def through(self, items: Iterator[Any], name: str) -> Iterator[Any]:
        """`items`, the time taken getting each one counted under `name`."""
        while True:
            with self.step(name):
                try:
                    item = next(items)
                except StopIteration:
                    return
            yield item

    def totals(self) -> dict[str, float]:
        return {**{f"{k}_wall": v for k, v in self.wall.items()}, **{f"{k}_cpu": v for k, v in self.cpu.items()}}


class _Terminated(KeyboardInterrupt):
    """SIGTERM, handled like Ctrl-C: the run stops at once and keeps its work."""


class _SigtermAsInterrupt:
    """SIGTERM raises _Terminated while a run writes (only the main thread can take signals)."""

    def __enter__(self) -> _SigtermAsInterrupt:
        self._previous: Any = None
        if threading.current_thread() is threading.main_thread():
            self._previous = signal.signal(signal.SIGTERM, self._raise)
        return self

    @staticmethod
    def _raise(signum: int, frame: object) -> None:
        raise _Terminated

    def __exit__(self, *exc: object) -> None:
        if self._previous is not None:
            signal.signal(signal.SIGTERM, self._previous)


def _write_record(writers: list[Writer], record: ArticleRecord, resume: bool) -> ExtractionError | None:
    """Write a record with every writer; None when done, or the error entry that stands for a record
    no writer can serialize (nested too deep, invalid text), so one article never ends a run."""
    try:
        for w in writers:
            if not (resume and w.done.has_record(record)):
                w.write_record(record)
    except (ValueError, RecursionError, TypeError) as e:
        return ExtractionError(
            source=record.path,
            id=record.id,
            error=ErrorKind.internal,
            message=f"the record could not be written: {first_line(e)}",
        )
    return None


def _within(item: Article | ExtractionError, max_chars: int) -> Article | ExtractionError:
    """An article over `max_chars` is its `too_large` error entry here, in the parent: its text
    (up to 20 bytes a character of file) never goes to a worker, nor waits in a queue for one."""
    if isinstance(item, Article) and len(item.text) > max_chars:
        message = f"{len(item.text):,} characters, over --max-chars {max_chars:,}"
        return ExtractionError(source=item.path, id=item.id, error=ErrorKind.too_large, message=message)
    return item


def _stop_reason(e: BaseException) -> tuple[str, str]:
    """(message, cause) for an exception that ended a run."""
    if isinstance(e, KeyboardInterrupt):
        cause = "terminated" if isinstance(e, _Terminated) else "interrupted"
        return cause, cause
    if isinstance(e, OSError):
        where = f" ({shown_path(e.filename)})" if e.filename else ""
        return f"the run stopped: {e.strerror or e}{where}", "failed"
    from concurrent.futures.process import BrokenProcessPool

    why = "a worker process died" if isinstance(e, BrokenProcessPool) else first_line(e)
    return f"the run failed: {why}", "failed"


class ExtractionRun:
    """One batch run over `paths` into `outputs`. Creating it checks the paths (InvalidRun);
    entering it locks the outputs (OutputLocked) and settles `resume`: None continues nothing but
    raises UnfinishedRun when an unfinished run's work is there. `execute` then runs it.

    Example:

        with ExtractionRun([Path("corpus")], Outputs(file=Path("out/facts.jsonl")), resume=None) as run:
            summary = run.execute(nlp=build_nlp(), n_process=2, on_event=print)
    """

    def __init__(
        self,
        paths: Sequence[Path],
        outputs: Outputs,
        *,
        resume: bool | None = False,
        published: dt.date | None = None,
        follow_symlinks: bool = False,
    ) -> None:
        self.paths = list(paths)
        self.outputs = outputs
        self.resume = resume
        self.published = published
        self.follow_symlinks = follow_symlinks
        self._locks = ExitStack()
        self._warming: threading.Thread | None = None
        check_paths(self.paths, outputs)

    def __enter__(self) -> ExtractionRun:
        try:
            for target in [t for t in (self.outputs.file, self.outputs.db) if t is not None]:
                self._locks.enter_context(OutputLock(target))
        except OSError as e:
            self._locks.close()
            raise OutputLocked(f"cannot lock the output: {e.strerror or e}") from e
        except BaseException:
            self._locks.close()
            raise
        if self.resume is None:  # decided under the lock: no other run changes the outputs meanwhile
            unfinished = self.outputs.unfinished()
            if unfinished:
                self._locks.close()
                raise UnfinishedRun(unfinished)
            self.resume = False
        self._warming = _warm_reading()
        return self

    def __exit__(self, *exc: object) -> None:
        self._locks.close()

    def _todo(self, writers: list[Writer], walk: Walk, max_chars: int, skipped: Callable[[], None]) -> Iterator[Any]:
        """The articles to analyse: those a resumed run already wrote are passed over."""
        from .extract import content_hash

        line_limit = max(DEFAULT_MAX_LINE_BYTES, max_chars * 8)  # JSON escapes take up to 6 bytes
        file_limit = min(DEFAULT_MAX_BYTES, max(DEFAULT_MAX_LINE_BYTES, max_chars * 20))  # HTML markup
        for item in iter_articles(self.paths, self.published, walk, file_limit, line_limit):
            item = _within(item, max_chars)
            if self.resume:
                if isinstance(item, Article):
                    done = content_hash(item.text)
                    written = all(w.done.has_article(item.id, done) for w in writers)
                else:
                    written = all(w.done.has_error(item) for w in writers)
                if written:
                    skipped()
                    continue
            yield item

    def execute(
        self,
        *,
        engine: str = "local",
        nlp: Language | None = None,
        model: str | None = None,
        n_process: int = 1,
        batch_size: int = 32,
        max_chars: int | None = None,
        timeout: float | None = None,
        scheduler: str | None = None,
        on_event: Callable[[RunEvent], None] | None = None,
    ) -> RunSummary:
        """Run: every article to every output, in input order. `engine` "local" uses `nlp` (or
        loads `model`) in `n_process` processes, "dask" a cluster at `scheduler` (or a local one).
        `max_chars` (default extract.DEFAULT_MAX_CHARS): longer articles become errors. Raises
        RunStopped when the run stops early; its outputs are then kept to resume."""
        from .batch import run_dask, run_local
        from .extract import DEFAULT_MAX_CHARS

        phase("run_start", role="parent", n_process=n_process)
        log_exit()
        max_chars = max_chars or DEFAULT_MAX_CHARS
        resume = bool(self.resume)
        report = on_event or (lambda event: None)
        if self._warming is not None:  # done before the first article is read, and before any fork
            self._warming.join()
        writers = self.outputs.writers(resume)
        walk = Walk(exclude=self.outputs.excluded(), follow_symlinks=self.follow_symlinks)
        summary = RunSummary(ignored=walk.ignored)

        def skipped() -> None:
            summary.skipped += 1
            report(RunEvent.skipped)

        try:
            with _SigtermAsInterrupt(), ExitStack() as stack:
                for w in writers:
                    stack.enter_context(w)
                report(RunEvent.started)
                items = self._todo(writers, walk, max_chars, skipped)
                timed = _PhaseTimes() if os.environ.get(PHASES_ENV) else None
                if timed is not None:
                    items = timed.through(items, "ingest")
                if engine == "dask":
                    results = run_dask(items, model, scheduler, n_workers=n_process, max_chars=max_chars)
                else:
                    results = run_local(items, model, n_process, batch_size, max_chars, nlp=nlp, timeout=timeout)
                try:
                    if timed is None:
                        for result in results:
                            report(self._write(writers, result, summary))
                    else:
                        self._write_timed(writers, results, summary, report, timed)
                finally:
                    close = getattr(results, "close", None)
                    if close is not None:
                        close()  # ends worker processes now, not when garbage is collected
        except Exception as e:  # an OSError, a worker killed (BrokenProcessPool), a bug: its work is kept
            raise self._stopped(writers, e) from e
        except KeyboardInterrupt as e:  # Ctrl-C, or SIGTERM
            raise self._stopped(writers, e) from e
        phase("run_end", role="parent")
        summary.records_written = writers[0].records_written
        if resume:
            summary.earlier_errors = writers[0].done.prior_errors
        return summary

    def _write_timed(
        self,
        writers: list[Writer],
        results: Iterator[ArticleRecord | ExtractionError],
        summary: RunSummary,
        report: Callable[[RunEvent], None],
        timed: _PhaseTimes,
    ) -> None:
        """The loop of `execute` with each step's time taken for the phase log (EXTRACTOR_PHASES):
        the main thread's wall and CPU seconds getting results (reading inputs, handing out chunks,
        waiting) and writing them."""
        phase("results_start", role="parent")
        first = True
        for result in timed.through(results, "results"):
            if first:
                phase("first_result", role="parent")
                first = False
            with timed.step("write"):
                report(self._write(writers, result, summary))
        phase("results_done", role="parent", **timed.totals())

    def _write(self, writers: list[Writer], result: ArticleRecord | ExtractionError, summary: RunSummary) -> RunEvent:
        resume = bool(self.resume)
        if isinstance(result, ArticleRecord):
            error = _write_record(writers, result, resume)
            if error is None:
                summary.facts.update(result.fact_counts())
                summary.records_new += 1
                for dropped in result.dropped_facts:  # a warning beside its record, in the errors file
                    self._write_error(writers, dropped, summary)
                return RunEvent.written
            result = error
        self._write_error(writers, result, summary)
        return RunEvent.failed

    def _write_error(self, writers: list[Writer], result: ExtractionError, summary: RunSummary) -> None:
        resume = bool(self.resume)
        for w in writers:
            if not (resume and w.done.has_error(result)):
                w.write_error(result)
        summary.errors[result.error.value] += 1

    def _stopped(self, writers: list[Writer], e: BaseException) -> RunStopped:
        message, cause = _stop_reason(e)
        return RunStopped(
            message,
            cause=cause,
            kept=[p for w in writers for p in w.parts],
            records_written=sum(w.records_written for w in writers[:1]),
            resumable=self.outputs.resumable,
        )


def run_extraction(
    paths: Sequence[Path],
    outputs: Outputs,
    *,
    resume: bool | None = False,
    published: dt.date | None = None,
    follow_symlinks: bool = False,
    **engine: Any,
) -> RunSummary:
    """Extract every article under `paths` into `outputs` in one call: an ExtractionRun entered
    and executed (`engine` takes `execute`'s options: nlp, model, n_process, on_event ...).

    Example:

        summary = run_extraction([Path("corpus")], Outputs(db=Path("out/facts.db")), resume=True, nlp=build_nlp())
        summary.skipped  # the articles an earlier run into out/facts.db already wrote
    """
    with ExtractionRun(paths, outputs, resume=resume, published=published, follow_symlinks=follow_symlinks) as run:
        return run.execute(**engine)


def read_or_extract(
    inputs: Sequence[Path], load_nlp: Callable[[], Language], published: dt.date | None, stdin: IO[str]
) -> Iterator[ArticleRecord | ExtractionError]:
    """Records to check: records files (from `extract`) are read, `-` reads records from `stdin`,
    anything else is extracted, with one pipeline from `load_nlp`, loaded at the first article.

    Example:

        records = list(read_or_extract([Path("out/facts.jsonl"), Path("new-article.txt")], build_nlp, None, sys.stdin))
    """
    from .records import is_records_file, read_records, read_records_from

    nlp: Language | None = None
    for path in inputs:
        if str(path) == STDIN:
            yield from read_records_from(stdin, "standard input")
        elif is_records_file(path):
            yield from read_records(path)
        else:
            from .extract import extract_records

            nlp = nlp or load_nlp()
            yield from extract_records(iter_articles([path], published), nlp)
