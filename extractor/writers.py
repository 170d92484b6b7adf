"""Records to files: JSON Lines (default), one CSV per record kind, or SQLite.

Every file is written under a `.part` name beside its target and moved into place only when the
run completes, so a file at the output path is always whole; a run that stops (a crash, Ctrl-C, a
full disk) keeps its `.part` files, never deletes them. JSON Lines and SQLite can resume: a
killed run leaves `OUT.jsonl.part` (its last line possibly cut short, which is dropped) or a
database whose `runs` table says the run did not complete, and `--resume` skips the articles
already there (by id and content hash). An output is locked (`OUT.jsonl.lock`) while a run writes
it, so two runs never write one file."""

from __future__ import annotations

import contextlib
import csv
import json
import os
import time
from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from types import TracebackType, UnionType
from typing import IO, Annotated, Any, Protocol, Union, get_args, get_origin

from filelock import FileLock, Timeout
from pydantic import BaseModel

from .models import FACT_KINDS, ArticleRecord, ErrorKind, ExtractionError

ARTICLE_COLUMNS = ["id", "source", "path", "title", "published", "location", "url", "content_hash", "text"]
# What names an article in a table: its title, else its id. Right after `id`, so that Datasette,
# which labels a row by its first column called "name" or "title", shows it even without metadata.
ARTICLE_NAME = "name"
ARTICLE_TABLE_COLUMNS = [ARTICLE_COLUMNS[0], ARTICLE_NAME, *ARTICLE_COLUMNS[1:]]
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def errors_path(output: Path) -> Path:
    """OUT.jsonl -> OUT.errors.jsonl"""
    name = output.name
    stem = name[: -len(".jsonl")] if name.endswith(".jsonl") else output.stem
    return output.with_name(f"{stem}.errors.jsonl")


def part_path(path: Path) -> Path:
    return path.with_name(path.name + ".part")


def lock_path(path: Path) -> Path:
    return path.with_name(path.name + ".lock")


def to_json_line(model: BaseModel) -> str:
    return json.dumps(model.model_dump(mode="json"), ensure_ascii=False) + "\n"


def csv_safe(value: Any) -> Any:
    """A cell a spreadsheet will not run: text starting with =, +, -, @, a tab or a carriage return
    gets a leading single quote (OWASP's advice against CSV formula injection)."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


class OutputLocked(Exception):
    """Another run is writing the same output."""


class OutputLock:
    """An exclusive lock (filelock: flock on POSIX) on OUT.lock while a run writes OUT: a second
    run on the same output fails at once instead of mixing or deleting the first one's records.
    The lock file holds the run's process id, for the second run's message, and is removed when
    the run ends."""

    def __init__(self, target: Path) -> None:
        self.target = target
        self.path = lock_path(target)
        self._lock = FileLock(self.path, timeout=0, thread_local=False)

    def __enter__(self) -> OutputLock:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        try:
            self._lock.acquire()
        except Timeout:
            try:
                holder = self.path.read_text(encoding="ascii", errors="replace").strip()[:32]
            except OSError:
                holder = ""
            by = f" (process {holder})" if holder.isdigit() else ""
            raise OutputLocked(
                f"{self.target} is being written by another run{by}; wait for it to finish or choose another output"
            ) from None
        self.path.write_text(f"{os.getpid()}\n", encoding="ascii")
        return self

    def __exit__(self, kind: type[BaseException] | None, value: BaseException | None, tb: TracebackType | None) -> None:
        if self._lock.is_locked:
            # removed while still held: a run that opened the old file finds it gone (filelock checks) and tries again
            self.path.unlink(missing_ok=True)
            self._lock.release()


def _complete_lines(path: Path) -> list[str]:
    """The whole lines of a file a killed run left; a last line cut short is dropped from it."""
    if not path.exists():
        return []
    data = path.read_bytes()
    cut = data.rfind(b"\n") + 1
    if cut < len(data):
        with open(path, "r+b") as f:
            f.truncate(cut)
    return data[:cut].decode("utf-8", errors="replace").splitlines()


class Done:
    """What an earlier run already wrote: record keys (id, content hash), error ids, and the
    kinds of its errors (a resumed run reports them too)."""

    def __init__(self) -> None:
        self.records: set[tuple[str, str]] = set()
        self.record_ids: dict[str, str] = {}
        self.errors: set[str] = set()
        self.prior_errors: Counter[str] = Counter()

    def add_record(self, record_id: str, content_hash: str) -> None:
        self.records.add((record_id, content_hash))
        self.record_ids[record_id] = content_hash

    def has_article(self, article_id: str, content_hash: str) -> bool:
        """The article was written before: as a record of the same text, or as an error entry."""
        return (article_id, content_hash) in self.records or article_id in self.errors

    def has_record(self, record: ArticleRecord) -> bool:
        return (record.id, record.content_hash) in self.records

    def has_error(self, error: ExtractionError) -> bool:
        return (error.id or error.source) in self.errors

    def __len__(self) -> int:
        return len(self.records) + len(self.errors)


class Writer(Protocol):
    """What a run writes through: JsonlWriter, CsvWriter, SqliteWriter and StreamWriter. Entered
    before the first write; leaving it with an exception keeps its `parts` for a resumed run."""

    done: Done
    records_written: int
    errors_written: int

    @property
    def parts(self) -> list[Path]: ...

    def __enter__(self) -> Any: ...

    def __exit__(
        self, kind: type[BaseException] | None, value: BaseException | None, tb: TracebackType | None
    ) -> None: ...

    def write_record(self, record: ArticleRecord) -> None: ...

    def write_error(self, error: ExtractionError) -> None: ...


def _close_all(handles: Iterable[IO[str]]) -> None:
    """Close files after a failure without a second failure (a full disk fails the flush too)."""
    for handle in handles:
        with contextlib.suppress(OSError):
            handle.close()


class JsonlWriter:
    """OUT.jsonl for records and OUT.errors.jsonl for errors; the errors file exists only when
    some input failed (an old one is removed, so it never describes an earlier run). A resumed
    article whose text changed replaces its old line."""

    def __init__(self, output: Path, resume: bool = False) -> None:
        self.output = output
        self.errors_output = errors_path(output)
        self.resume = resume
        self.done = Done()
        self.records_written = 0
        self.errors_written = 0
        self._files: list[IO[str]] = []
        self._superseded: dict[str, str | None] = {}  # id -> the content hash to keep (None: no record)

    @property
    def parts(self) -> list[Path]:
        return [p for p in (part_path(self.output), part_path(self.errors_output)) if p.exists()]

    def _open(self, final: Path) -> IO[str]:
        part = part_path(final)
        if self.resume and not part.exists() and final.exists():
            os.replace(final, part)  # a finished run resumed: append to it
        if not self.resume:
            part.unlink(missing_ok=True)
        lines = _complete_lines(part) if self.resume else []
        for line in lines:
            try:
                data = json.loads(line)
            except json.JSONDecodeError:
                continue
            if not isinstance(data, dict):
                continue
            if final == self.output:
                self.done.add_record(str(data.get("id")), data.get("content_hash", ""))
                self.records_written += 1
            else:
                self.done.errors.add(str(data.get("id") or data.get("source")))
                self.done.prior_errors[str(data.get("error"))] += 1
                self.errors_written += 1
        handle = open(part, "a", encoding="utf-8", newline="\n", buffering=1)  # noqa: SIM115 - closed in __exit__
        self._files.append(handle)
        return handle

    def __enter__(self) -> JsonlWriter:
        self.output.parent.mkdir(parents=True, exist_ok=True)
        self._records = self._open(self.output)
        self._errors = self._open(self.errors_output)
        return self

    def write_record(self, record: ArticleRecord) -> None:
        line = to_json_line(record)  # first: a record that cannot be serialized writes nothing
        earlier = self.done.record_ids.get(record.id)
        if earlier is not None and earlier != record.content_hash:
            self._superseded[record.id] = record.content_hash
        self._records.write(line)
        self.done.add_record(record.id, record.content_hash)
        self.records_written += 1

    def write_error(self, error: ExtractionError) -> None:
        line = to_json_line(error)
        article_failed = error.error is not ErrorKind.fact_dropped  # a fact dropped: its record stands
        if article_failed and error.id is not None and error.id in self.done.record_ids:
            self._superseded[error.id] = None  # the article changed and no longer reads: its old record goes
        self._errors.write(line)
        if article_failed:
            self.done.errors.add(error.id or error.source)
        self.errors_written += 1

    def _drop_superseded(self) -> None:
        """Lines of articles that changed since an earlier run, rewritten out of the part file."""
        part = part_path(self.output)
        fresh = part.with_name(part.name + ".tmp")
        kept = 0
        with open(part, encoding="utf-8") as source, open(fresh, "w", encoding="utf-8", newline="\n") as target:
            for line in source:
                try:
                    data = json.loads(line)
                    rid = str(data.get("id"))
                    stale = rid in self._superseded and data.get("content_hash") != self._superseded[rid]
                except (json.JSONDecodeError, AttributeError):
                    stale = False
                if not stale:
                    target.write(line)
                    kept += 1
        os.replace(fresh, part)
        self.records_written = kept

    def __exit__(self, kind: type[BaseException] | None, value: BaseException | None, tb: TracebackType | None) -> None:
        if kind is not None:  # a run that stopped keeps its .part files: --resume continues them
            _close_all(self._files)
            return
        for handle in self._files:
            handle.close()
        if self._superseded:
            self._drop_superseded()
        os.replace(part_path(self.output), self.output)
        if self.errors_written:
            os.replace(part_path(self.errors_output), self.errors_output)
        else:
            part_path(self.errors_output).unlink(missing_ok=True)
            self.errors_output.unlink(missing_ok=True)


class StreamWriter:
    """Records as JSON Lines to a stream (`-o -`: standard output), error entries as JSON Lines to
    another (standard error), each line flushed as it is written, for pipes. Nothing to resume,
    lock or move into place.

    Example:

        extractor extract corpus/ -o - | jq .id
    """

    def __init__(self, records: IO[str], errors: IO[str]) -> None:
        self.records, self.errors = records, errors
        self.done = Done()
        self.records_written = 0
        self.errors_written = 0

    @property
    def parts(self) -> list[Path]:
        return []

    def __enter__(self) -> StreamWriter:
        return self

    def write_record(self, record: ArticleRecord) -> None:
        self.records.write(to_json_line(record))
        self.records.flush()
        self.records_written += 1

    def write_error(self, error: ExtractionError) -> None:
        self.errors.write(to_json_line(error))
        self.errors.flush()
        self.errors_written += 1

    def __exit__(self, kind: type[BaseException] | None, value: BaseException | None, tb: TracebackType | None) -> None:
        with contextlib.suppress(OSError, ValueError):  # a reader that went away (`| head`) is no failure
            self.records.flush()


def readable(value: Any) -> Any:
    """A cell for a spreadsheet: one line, and lists as text a person reads ("Jones; Tishaura
    Jones", spans as "445-462; 737-742"), never JSON."""
    if isinstance(value, list):
        return "; ".join(
            f"{v[0]}-{v[1]}" if isinstance(v, list | tuple) and len(v) == 2 else str(readable(v)) for v in value
        )
    if isinstance(value, dict):
        return "; ".join(f"{k}: {readable(v)}" for k, v in value.items())
    if isinstance(value, str):
        return " ".join(value.split()) if "\n" in value or "\r" in value else value
    return value


def _as_json(value: Any) -> Any:
    return json.dumps(value, ensure_ascii=False) if isinstance(value, list | dict) else value


def flat_rows(record: ArticleRecord, cell: Any = _as_json) -> dict[str, list[dict[str, Any]]]:
    """One row per fact, keyed by article id. Lists are JSON text (SQLite), or with
    `cell=readable` plain text on one line (CSV). Articles carry a `name`: the title, else the id.

    Example:

        flat_rows(record, cell=readable)["officials"][0]["aliases"]  # "Jones; Tishaura Jones"
    """
    data = record.model_dump(mode="json")
    article = {k: cell(data.get(k)) for k in ARTICLE_COLUMNS}
    article[ARTICLE_NAME] = data.get("title") or data["id"]
    article = {k: article[k] for k in ARTICLE_TABLE_COLUMNS}
    rows: dict[str, list[dict[str, Any]]] = {"articles": [article]}
    for kind in FACT_KINDS:
        rows[kind] = [
            {"article_id": record.id, "n": n, **{k: cell(v) for k, v in item.items()}}
            for n, item in enumerate(data[kind])
        ]
    return rows


def _plain_types(annotation: Any) -> set[Any]:
    """`Annotated[int, ...] | None` -> {int}: the types a field holds, without wrappers."""
    if get_origin(annotation) is Annotated:
        return _plain_types(get_args(annotation)[0])
    if get_origin(annotation) in (Union, UnionType):
        return {t for a in get_args(annotation) for t in _plain_types(a)}
    return set() if annotation is type(None) else {annotation}


def _sql_type(annotation: Any) -> str:
    """INTEGER, NUMERIC, REAL or TEXT for a model field, so numbers sort as numbers. `int | float`
    (a count: 263 or 2.5) is NUMERIC: SQLite then keeps a whole value as INTEGER (263, never
    "263.0") and only a fractional one as REAL."""
    kinds = _plain_types(annotation)
    if kinds and kinds <= {int, bool}:
        return "INTEGER"
    if kinds and kinds <= {int, float, bool} and int in kinds:
        return "NUMERIC"
    if kinds and kinds <= {float}:
        return "REAL"
    return "TEXT"


def sqlite_columns(kind: str) -> dict[str, str]:
    """Column names and SQL types of a table, from the models, so every table exists (even empty)
    with numbers stored as numbers."""
    if kind == "articles":
        return {c: "TEXT" for c in ARTICLE_TABLE_COLUMNS}
    if kind == "errors":
        return {c: "TEXT" for c in ExtractionError.model_fields}
    (model,) = get_args(ArticleRecord.model_fields[kind].annotation)
    columns = {"article_id": "TEXT", "n": "INTEGER"}
    columns.update({name: _sql_type(f.annotation) for name, f in model.model_fields.items()})
    return columns


def csv_columns(kind: str) -> list[str]:
    """The columns of OUT.KIND.csv, from the models: a file has its header even without rows."""
    if kind == "articles":
        return list(ARTICLE_TABLE_COLUMNS)
    if kind == "errors":
        return list(ExtractionError.model_fields)
    (model,) = get_args(ArticleRecord.model_fields[kind].annotation)
    return ["article_id", "n", *model.model_fields]


class CsvWriter:
    """OUT.articles.csv, OUT.figures.csv, ... : one CSV per record kind, keyed by article id. Every
    kind's file is written (a header at least) and replaces the earlier run's, so no stale file
    stays beside new ones; OUT.errors.csv exists only when some input failed. Cells are safe to
    open in a spreadsheet (no formulas)."""

    def __init__(self, output: Path) -> None:
        stem = output.name[: -len(".jsonl")] if output.name.endswith(".jsonl") else output.name.removesuffix(".csv")
        self.paths = {kind: output.with_name(f"{stem}.{kind}.csv") for kind in ("articles", *FACT_KINDS, "errors")}
        self._files: dict[str, IO[str]] = {}
        self._writers: dict[str, csv.DictWriter[str]] = {}
        self.records_written = 0
        self.errors_written = 0
        self.done = Done()

    @property
    def parts(self) -> list[Path]:
        return [p for p in map(part_path, self.paths.values()) if p.exists()]

    def __enter__(self) -> CsvWriter:
        next(iter(self.paths.values())).parent.mkdir(parents=True, exist_ok=True)
        for kind in ("articles", *FACT_KINDS):
            self._open(kind)
        return self

    def _open(self, kind: str) -> None:
        # utf-8-sig: the byte-order mark tells a spreadsheet the file is UTF-8 (curly quotes, accents)
        handle = open(part_path(self.paths[kind]), "w", encoding="utf-8-sig", newline="")  # noqa: SIM115
        self._files[kind] = handle
        self._writers[kind] = csv.DictWriter(handle, fieldnames=csv_columns(kind), extrasaction="ignore")
        self._writers[kind].writeheader()

    def _write(self, kind: str, rows: Iterable[dict[str, Any]]) -> None:
        for row in rows:
            if kind not in self._writers:
                self._open(kind)
            self._writers[kind].writerow({k: csv_safe(readable(v)) for k, v in row.items()})

    def write_record(self, record: ArticleRecord) -> None:
        rows = flat_rows(record, cell=readable)
        for kind, kind_rows in rows.items():
            self._write(kind, kind_rows)
        self.records_written += 1

    def write_error(self, error: ExtractionError) -> None:
        self._write("errors", [error.model_dump(mode="json")])
        self.errors_written += 1

    def __exit__(self, kind: type[BaseException] | None, value: BaseException | None, tb: TracebackType | None) -> None:
        if kind is not None:  # a stopped run keeps its .part files
            _close_all(self._files.values())
            return
        for handle in self._files.values():
            handle.close()
        for name, path in self.paths.items():
            if name in self._files:
                os.replace(part_path(path), path)
            else:  # no rows of this kind in this run: an earlier run's file would be stale
                path.unlink(missing_ok=True)


def last_run_status(path: Path) -> str | None:
    """The status of the last run recorded in an extractor database ('complete', 'running',
    'interrupted', 'failed'), or None when it has no runs table."""
    import sqlite3

    if not path.exists():
        return None
    try:
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            row = con.execute("select status from runs order by id desc limit 1").fetchone()
        finally:
            con.close()
    except sqlite3.Error:
        return None
    return str(row[0]) if row else None


class SqliteWriter:
    """OUT.db with tables articles, figures, changes, claims, officials, quotes, events, dates and
    errors: foreign keys to articles, indexes on article ids, an FTS5 index on quote text, and an
    upsert by article id (a re-run replaces an article's facts; an error replaces the earlier
    error of the same input). Committed at least every COMMIT_SECONDS, so a kill loses little. A
    `runs` table records each run: `status` is `complete` only for a run that finished, so a
    database left by a crash never looks complete. Ready for Datasette."""

    COMMIT_EVERY = 200
    COMMIT_SECONDS = 0.5

    def __init__(self, path: Path, resume: bool = False) -> None:
        self.path = path
        self.resume = resume
        self.done = Done()
        self.records_written = 0
        self.errors_written = 0
        self._pending = 0
        self._last_commit = time.monotonic()
        self._run_id: int | None = None
        self._writing = False  # a record half written when the run stopped is rolled back, not committed

    @property
    def parts(self) -> list[Path]:
        return [self.path] if self.path.exists() else []

    def __enter__(self) -> SqliteWriter:
        import sqlite_utils

        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.db = sqlite_utils.Database(self.path)
        self.db.execute("PRAGMA journal_mode = WAL")  # a commit is cheap, and a kill never corrupts
        self.db.execute("PRAGMA synchronous = NORMAL")
        self.db.execute("PRAGMA foreign_keys = ON")
        self._create_tables()
        self.db.execute(
            "create table if not exists runs (id integer primary key, started text, finished text, status text,"
            " records integer, errors integer)"
        )
        if self.resume:
            for row in self.db.execute("select id, content_hash from articles").fetchall():
                self.done.add_record(row[0], row[1] or "")
            if "errors" in self.db.table_names():
                for key, error in self.db.execute("select coalesce(id, source), error from errors"):
                    self.done.errors.add(key)
                    self.done.prior_errors[str(error)] += 1
        cursor = self.db.execute(
            "insert into runs (started, status, records, errors) values (?, 'running', 0, 0)", [_now()]
        )
        self._run_id = cursor.lastrowid
        self.db.conn.commit()
        self.db.conn.execute("BEGIN")
        return self

    def _create_tables(self) -> None:
        """Every table, typed from the models, whether or not this run has rows for it: a query
        or a Datasette facet never meets a missing table."""
        names = set(self.db.table_names())
        if "articles" not in names:
            self.db.execute(
                "create table articles ("
                + ", ".join(
                    f"[{c}] {t}" + (" primary key not null" if c == "id" else "")
                    for c, t in sqlite_columns("articles").items()
                )
                + ")"
            )
        elif ARTICLE_NAME not in self.db["articles"].columns_dict:
            self.db.execute(f"alter table articles add column [{ARTICLE_NAME}] TEXT")
        for kind in FACT_KINDS:
            if kind in names:
                continue
            columns = ", ".join(f"[{c}] {t}" for c, t in sqlite_columns(kind).items())
            self.db.execute(f"create table [{kind}] ({columns}, foreign key (article_id) references articles(id))")
            self.db.execute(f"create index if not exists [idx_{kind}_article_id] on [{kind}] (article_id)")
            if kind == "quotes":
                self.db["quotes"].enable_fts(["text", "speaker"], create_triggers=True, tokenize="porter")  # type: ignore[union-attr]
        if "errors" not in names:
            columns = ", ".join(f"[{c}] {t}" for c, t in sqlite_columns("errors").items())
            self.db.execute(f"create table errors ({columns})")

    def _table(self, kind: str, rows: list[dict[str, Any]]) -> None:
        self.db[kind].insert_all(rows, alter=True)  # type: ignore[union-attr]

    def write_record(self, record: ArticleRecord) -> None:
        rows = flat_rows(record)
        self._writing = True
        for kind in FACT_KINDS:  # an upsert: the article's old facts go first
            if self.db[kind].exists():
                self.db.execute(f"delete from [{kind}] where article_id = ?", [record.id])
        if self.db["errors"].exists():  # it reads now: an earlier error of it is stale
            self.db.execute("delete from errors where id = ?", [record.id])
        self.db["articles"].upsert_all(rows.pop("articles"), pk="id", alter=True)  # type: ignore[union-attr]
        for kind, kind_rows in rows.items():
            if kind_rows:
                self._table(kind, kind_rows)
        self._writing = False
        self.records_written += 1
        self._tick()

    def write_error(self, error: ExtractionError) -> None:
        row = error.model_dump(mode="json")
        self._writing = True
        # an upsert by input: reruns never grow the table (a fact dropped is written after its record,
        # which cleared the article's earlier entries, beside the others of the article)
        if self.db["errors"].exists() and error.error is not ErrorKind.fact_dropped:
            self.db.execute("delete from errors where coalesce(id, source) = ?", [error.id or error.source])
        self.db["errors"].insert(row, alter=True)  # type: ignore[union-attr]
        self._writing = False
        self.errors_written += 1
        self._tick()

    def _tick(self) -> None:
        self._pending += 1
        now = time.monotonic()
        if self._pending >= self.COMMIT_EVERY or now - self._last_commit >= self.COMMIT_SECONDS:
            self.db.conn.commit()
            self.db.conn.execute("BEGIN")
            self._pending = 0
            self._last_commit = now

    def __exit__(self, kind: type[BaseException] | None, value: BaseException | None, tb: TracebackType | None) -> None:
        if kind is None:
            status = "complete"
        elif issubclass(kind, KeyboardInterrupt):
            status = "interrupted"
        else:
            status = "failed"
        try:
            if self.db.conn.in_transaction:
                if self._writing:  # stopped in the middle of a record: the last commit is whole
                    self.db.conn.rollback()
                else:
                    self.db.conn.commit()
            self.db.execute(
                "update runs set finished = ?, status = ?, records = ?, errors = ? where id = ?",
                [_now(), status, self.records_written, self.errors_written, self._run_id],
            )
            self.db.conn.commit()
            if kind is None:
                metadata = json.dumps(datasette_metadata(self.path), indent=1, ensure_ascii=False) + "\n"
                metadata_path(self.path).write_text(metadata, encoding="utf-8")
        except Exception:
            if kind is None:
                raise
        finally:
            self.db.close()


TABLE_DESCRIPTIONS = {
    "articles": ("One row per article: where it came from, its title, date, place and text.", []),
    "figures": ("Year-count pairs the articles state, each with the characters it came from.", ["metric", "year"]),
    "changes": ("Percent changes: what changed, which way, by how much, since when.", ["metric", "direction"]),
    "claims": ("Superlatives over time: the lowest, highest, most since a year.", ["metric", "year"]),
    "officials": ("People with public roles: name, title, organization, other forms of the name.", ["title"]),
    "quotes": (
        "Direct quotations and who said them: a person, an organization or another source.",
        ["speaker_type", "speaker"],
    ),
    "events": ("Dated occurrences.", ["date"]),
    "dates": ("Every time expression, resolved against the publication date.", ["value"]),
    "errors": ("Inputs that could not become a record, and why.", ["error"]),
    "runs": ("Each run that wrote this database; status is 'complete' only for one that finished.", ["status"]),
}


def datasette_metadata(db_path: Path) -> dict[str, Any]:
    """Datasette's metadata for an extractor database: what each table holds, facets, and the
    articles' `name` (title, else id) as what is shown for each foreign key.

    Example:

        datasette out/facts.db -m out/facts.metadata.json
    """
    tables: dict[str, Any] = {}
    for name, (description, facets) in TABLE_DESCRIPTIONS.items():
        table: dict[str, Any] = {"description": description}
        if facets:
            table["facets"] = facets
        tables[name] = table
    tables["articles"]["label_column"] = ARTICLE_NAME
    return {"title": "extractor: facts from press coverage", "databases": {db_path.stem: {"tables": tables}}}


def metadata_path(db_path: Path) -> Path:
    return db_path.with_name(db_path.stem + ".metadata.json")


def _now() -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%S%z")
