"""Records to files. Every output is written under a temporary name beside its target and moved
into place only when complete, so a file at the output path is always whole."""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from types import TracebackType
from typing import IO

from pydantic import BaseModel


def errors_path(output: Path) -> Path:
    """OUT.jsonl -> OUT.errors.jsonl"""
    name = output.name
    stem = name[: -len(".jsonl")] if name.endswith(".jsonl") else output.stem
    return output.with_name(f"{stem}.errors.jsonl")


class AtomicFile:
    """A text file that appears at `path` only if the `with` block ends without an exception."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._file: IO[str] | None = None
        self._tmp: str | None = None

    def __enter__(self) -> IO[str]:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd, self._tmp = tempfile.mkstemp(prefix=f".{self.path.name}.", suffix=".part", dir=self.path.parent)
        self._file = os.fdopen(fd, "w", encoding="utf-8", newline="\n")
        return self._file

    def __exit__(self, kind: type[BaseException] | None, value: BaseException | None, tb: TracebackType | None) -> None:
        assert self._file is not None and self._tmp is not None
        self._file.close()
        if kind is None:
            os.replace(self._tmp, self.path)
        else:
            os.unlink(self._tmp)


def to_json_line(model: BaseModel) -> str:
    return json.dumps(model.model_dump(mode="json"), ensure_ascii=False) + "\n"


class JsonlWriter:
    """OUT.jsonl for records and OUT.errors.jsonl for errors; the errors file exists only when
    some input failed (an old one is removed, so it never describes an earlier run)."""

    def __init__(self, output: Path) -> None:
        self.output = output
        self.errors_output = errors_path(output)
        self._records = AtomicFile(output)
        self._errors = AtomicFile(self.errors_output)
        self.records_written = 0
        self.errors_written = 0

    def __enter__(self) -> JsonlWriter:
        self._records_file = self._records.__enter__()
        self._errors_file = self._errors.__enter__()
        return self

    def write_record(self, record: BaseModel) -> None:
        self._records_file.write(to_json_line(record))
        self.records_written += 1

    def write_error(self, error: BaseModel) -> None:
        self._errors_file.write(to_json_line(error))
        self.errors_written += 1

    def __exit__(self, kind: type[BaseException] | None, value: BaseException | None, tb: TracebackType | None) -> None:
        self._records.__exit__(kind, value, tb)
        self._errors.__exit__(kind, value, tb)
        if kind is None and self.errors_written == 0:
            self.errors_output.unlink(missing_ok=True)
