"""Reading records back: the JSON Lines `extract` writes, as validated ArticleRecords. The one
reader of records files, for `check`, `report` and a run's inputs (run.read_or_extract); the
writers are in extractor/writers.py."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from .models import ArticleRecord


class RecordsError(Exception):
    """A line of a records file that is no extractor record, with the file and line in its message."""


def read_records(path: Path) -> Iterator[ArticleRecord]:
    """Records from an `extract` output file.

    Example:

        for record in read_records(Path("out/facts.jsonl")): ...
    """
    with open(path, encoding="utf-8") as f:
        yield from read_records_from(f, str(path))


def read_records_from(lines: Iterable[str], shown: str) -> Iterator[ArticleRecord]:
    """Records from JSON Lines (a file, or standard input named `shown`); RecordsError at the first
    line that is none."""
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            yield ArticleRecord.model_validate(json.loads(line))
        except (json.JSONDecodeError, ValueError, RecursionError) as e:
            reason = str(e).splitlines()[0] if str(e) else type(e).__name__
            raise RecordsError(f"{shown}, line {number}: not an extractor record ({reason})") from None


def is_records_file(path: Path) -> bool:
    """Whether a path is an `extract` output (JSON Lines of records) rather than articles."""
    if not path.is_file() or not path.name.endswith(".jsonl"):
        return False
    with open(path, encoding="utf-8", errors="replace") as f:
        for line in f:
            if line.strip():
                try:
                    first: Any = json.loads(line)
                except json.JSONDecodeError:
                    return False
                return isinstance(first, dict) and "figures" in first and "text" in first
    return False


def records_file(path: Path) -> Path:
    """`path`, checked to be a records file from `extract`; RecordsError when it is not there or
    holds something else (for `report` and `timeline`, which read nothing but records).

    Example:

        records = read_records(records_file(Path("out/facts.jsonl")))
    """
    if not path.exists():
        raise RecordsError(f"no such file: {path}")
    if not is_records_file(path):
        raise RecordsError(f"{path} is not a records file from `extractor extract`")
    return path
