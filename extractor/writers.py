"""Records to files: JSON Lines (default), one CSV per record kind, or SQLite.

Every file is written under a `.part` name beside its target and moved into place only when the
run completes, so a file at the output path is always whole. JSON Lines and SQLite can resume: a
killed run leaves `OUT.jsonl.part` (its last line possibly cut short, which is dropped) or a
consistent database, and `--resume` skips the articles already there (by id and content hash)."""

from __future__ import annotations

import csv
import json
import os
from collections.abc import Iterable
from pathlib import Path
from types import TracebackType
from typing import IO, Any

from pydantic import BaseModel

from .models import FACT_KINDS, ArticleRecord, ExtractionError

ARTICLE_COLUMNS = ["id", "source", "path", "title", "published", "location", "url", "content_hash", "text"]


def errors_path(output: Path) -> Path:
    """OUT.jsonl -> OUT.errors.jsonl"""
    name = output.name
    stem = name[: -len(".jsonl")] if name.endswith(".jsonl") else output.stem
    return output.with_name(f"{stem}.errors.jsonl")


def part_path(path: Path) -> Path:
    return path.with_name(path.name + ".part")


def to_json_line(model: BaseModel) -> str:
    return json.dumps(model.model_dump(mode="json"), ensure_ascii=False) + "\n"


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
    """What an earlier run already wrote: record keys (id, content hash) and error ids."""

    def __init__(self) -> None:
        self.records: set[tuple[str, str]] = set()
        self.errors: set[str] = set()

    def has(self, item: Any) -> bool:
        from .extract import content_hash
        from .models import Article

        if isinstance(item, Article):
            return (item.id, content_hash(item.text)) in self.records or item.id in self.errors
        return (item.id or item.source) in self.errors

    def has_record(self, record: ArticleRecord) -> bool:
        return (record.id, record.content_hash) in self.records

    def __len__(self) -> int:
        return len(self.records) + len(self.errors)


class JsonlWriter:
    """OUT.jsonl for records and OUT.errors.jsonl for errors; the errors file exists only when
    some input failed (an old one is removed, so it never describes an earlier run)."""

    def __init__(self, output: Path, resume: bool = False) -> None:
        self.output = output
        self.errors_output = errors_path(output)
        self.resume = resume
        self.done = Done()
        self.records_written = 0
        self.errors_written = 0
        self._files: list[IO[str]] = []

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
            if final == self.output:
                self.done.records.add((data.get("id"), data.get("content_hash", "")))
                self.records_written += 1
            else:
                self.done.errors.add(data.get("id") or data.get("source"))
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
        self._records.write(to_json_line(record))
        self.records_written += 1

    def write_error(self, error: ExtractionError) -> None:
        self._errors.write(to_json_line(error))
        self.errors_written += 1

    def __exit__(self, kind: type[BaseException] | None, value: BaseException | None, tb: TracebackType | None) -> None:
        for handle in self._files:
            handle.close()
        if kind is not None:
            if not self.resume:  # a failed fresh run leaves nothing behind as if complete
                part_path(self.output).unlink(missing_ok=True)
                part_path(self.errors_output).unlink(missing_ok=True)
            return
        os.replace(part_path(self.output), self.output)
        if self.errors_written:
            os.replace(part_path(self.errors_output), self.errors_output)
        else:
            part_path(self.errors_output).unlink(missing_ok=True)
            self.errors_output.unlink(missing_ok=True)


def flat_rows(record: ArticleRecord) -> dict[str, list[dict[str, Any]]]:
    """One row per fact, keyed by article id; lists stored as JSON text."""
    data = record.model_dump(mode="json")
    rows: dict[str, list[dict[str, Any]]] = {"articles": [{k: data.get(k) for k in ARTICLE_COLUMNS}]}
    for kind in FACT_KINDS:
        rows[kind] = [
            {
                "article_id": record.id,
                "n": n,
                **{k: json.dumps(v, ensure_ascii=False) if isinstance(v, list | dict) else v for k, v in item.items()},
            }
            for n, item in enumerate(data[kind])
        ]
    return rows


class CsvWriter:
    """OUT.articles.csv, OUT.figures.csv, ... : one CSV per record kind, keyed by article id."""

    def __init__(self, output: Path) -> None:
        stem = output.name[: -len(".jsonl")] if output.name.endswith(".jsonl") else output.name.removesuffix(".csv")
        self.paths = {kind: output.with_name(f"{stem}.{kind}.csv") for kind in ("articles", *FACT_KINDS, "errors")}
        self._files: dict[str, IO[str]] = {}
        self._writers: dict[str, csv.DictWriter[str]] = {}
        self.records_written = 0
        self.errors_written = 0
        self.done = Done()

    def __enter__(self) -> CsvWriter:
        next(iter(self.paths.values())).parent.mkdir(parents=True, exist_ok=True)
        return self

    def _write(self, kind: str, rows: Iterable[dict[str, Any]]) -> None:
        for row in rows:
            if kind not in self._writers:
                handle = open(part_path(self.paths[kind]), "w", encoding="utf-8", newline="")  # noqa: SIM115
                self._files[kind] = handle
                self._writers[kind] = csv.DictWriter(handle, fieldnames=list(row), extrasaction="ignore")
                self._writers[kind].writeheader()
            self._writers[kind].writerow(row)

    def write_record(self, record: ArticleRecord) -> None:
        for kind, rows in flat_rows(record).items():
            self._write(kind, rows)
        self.records_written += 1

    def write_error(self, error: ExtractionError) -> None:
        self._write("errors", [error.model_dump(mode="json")])
        self.errors_written += 1

    def __exit__(self, kind: type[BaseException] | None, value: BaseException | None, tb: TracebackType | None) -> None:
        for handle in self._files.values():
            handle.close()
        for name in self._files:
            if kind is None:
                os.replace(part_path(self.paths[name]), self.paths[name])
            else:
                part_path(self.paths[name]).unlink(missing_ok=True)


class SqliteWriter:
    """OUT.db with tables articles, figures, changes, claims, officials, quotes, events, dates and
    errors: foreign keys to articles, indexes on article ids, an FTS5 index on quote text, and an
    upsert by article id (a re-run replaces an article's facts). Ready for Datasette."""

    COMMIT_EVERY = 200

    def __init__(self, path: Path, resume: bool = False) -> None:
        self.path = path
        self.resume = resume
        self.done = Done()
        self.records_written = 0
        self.errors_written = 0
        self._pending = 0

    def __enter__(self) -> SqliteWriter:
        import sqlite_utils

        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.db = sqlite_utils.Database(self.path)
        self.db.execute("PRAGMA foreign_keys = ON")
        if "articles" not in self.db.table_names():
            self.db.table("articles").create({c: str for c in ARTICLE_COLUMNS}, pk="id", not_null={"id"})
        if self.resume:
            for row in self.db.execute("select id, content_hash from articles").fetchall():
                self.done.records.add((row[0], row[1] or ""))
            if "errors" in self.db.table_names():
                self.done.errors.update(r[0] for r in self.db.execute("select coalesce(id, source) from errors"))
        self.db.conn.execute("BEGIN")
        return self

    def _table(self, kind: str, rows: list[dict[str, Any]]) -> None:
        table = self.db[kind]
        if not table.exists():
            table.insert_all(rows, foreign_keys=[("article_id", "articles", "id")], alter=True)  # type: ignore[union-attr]
            table.create_index(["article_id"], if_not_exists=True)  # type: ignore[union-attr]
            if kind == "quotes":
                table.enable_fts(["text", "speaker"], create_triggers=True, tokenize="porter")  # type: ignore[union-attr]
        else:
            table.insert_all(rows, alter=True)  # type: ignore[union-attr]

    def write_record(self, record: ArticleRecord) -> None:
        rows = flat_rows(record)
        for kind in FACT_KINDS:  # an upsert: the article's old facts go first
            if self.db[kind].exists():
                self.db.execute(f"delete from [{kind}] where article_id = ?", [record.id])
        self.db["articles"].upsert_all(rows.pop("articles"), pk="id", alter=True)  # type: ignore[union-attr]
        for kind, kind_rows in rows.items():
            if kind_rows:
                self._table(kind, kind_rows)
        self.records_written += 1
        self._tick()

    def write_error(self, error: ExtractionError) -> None:
        self.db["errors"].insert(error.model_dump(mode="json"), alter=True)  # type: ignore[union-attr]
        self.errors_written += 1
        self._tick()

    def _tick(self) -> None:
        self._pending += 1
        if self._pending >= self.COMMIT_EVERY:
            self.db.conn.commit()
            self.db.conn.execute("BEGIN")
            self._pending = 0

    def __exit__(self, kind: type[BaseException] | None, value: BaseException | None, tb: TracebackType | None) -> None:
        if self.db.conn.in_transaction:
            self.db.conn.commit()
        self.db.close()
