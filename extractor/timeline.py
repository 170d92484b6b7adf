"""A story told over many releases, in date order: every event of a run with the article that
tells it, for a reader who follows one case from arrest to sentencing. Library first: the
`extractor timeline` command and the report's timeline section are thin views of these functions.

Example:

    rows = timeline_rows(read_records(Path("out/facts.jsonl")))
    write_timeline_csv(rows, Path("out/timeline.csv"))
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from pathlib import Path

from .models import ArticleRecord, Event
from .writers import csv_safe


@dataclass(frozen=True)
class TimelineRow:
    """One event in a run's timeline, with the article that tells it."""

    date: str | None  # YYYY, YYYY-MM or YYYY-MM-DD, at the precision the text gives
    date_text: str | None
    description: str
    participants: tuple[str, ...]
    count: int | float | None
    article: str
    published: str | None
    title: str | None
    evidence: str
    start: int


CSV_COLUMNS = (
    "date",
    "date_text",
    "article",
    "published",
    "title",
    "description",
    "participants",
    "count",
    "evidence",
)


def date_key(date: str | None) -> tuple[bool, str]:
    """Events in date order, undated ones last; a year ("2024") comes before its months and days,
    which it contains."""
    return (date is None, date or "")


def ordered_events(events: Iterable[Event]) -> list[Event]:
    """One article's events in date order (undated last), in text order within a date."""
    return sorted(events, key=lambda e: (date_key(e.date), e.start))


def timeline_rows(records: Iterable[ArticleRecord]) -> list[TimelineRow]:
    """Every event of the records in date order; within a date, by publication, then article,
    then place in the text."""
    rows = [
        TimelineRow(
            date=e.date,
            date_text=e.date_text,
            description=e.description,
            participants=tuple(e.participants),
            count=e.count,
            article=r.id,
            published=r.published.isoformat() if r.published else None,
            title=r.title,
            evidence=e.evidence,
            start=e.start,
        )
        for r in records
        for e in r.events
    ]
    return sorted(rows, key=lambda row: (date_key(row.date), row.published or "", row.article, row.start))


def matching(rows: Iterable[TimelineRow], text: str) -> list[TimelineRow]:
    """The rows whose description, article id or a participant holds `text` (any case).

    Example:

        matching(timeline_rows(records), "sentenced")
    """
    wanted = text.lower()
    return [
        r
        for r in rows
        if wanted in r.description.lower()
        or wanted in r.article.lower()
        or any(wanted in p.lower() for p in r.participants)
    ]


def csv_row(row: TimelineRow) -> dict[str, str | int | float | None]:
    """A row as CSV cells: participants joined by "; ", every cell safe to open in a spreadsheet."""
    data = asdict(row)
    data["participants"] = "; ".join(row.participants)
    return {c: csv_safe(data[c]) for c in CSV_COLUMNS}


def write_timeline_csv(rows: Iterable[TimelineRow], path: Path) -> int:
    """Write the rows as CSV, atomically (a .part file renamed when complete); returns how many."""
    path.parent.mkdir(parents=True, exist_ok=True)
    part = path.with_name(path.name + ".part")
    n = 0
    with open(part, "w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=CSV_COLUMNS)
        writer.writeheader()
        for row in rows:
            writer.writerow(csv_row(row))
            n += 1
    part.replace(path)
    return n


def csv_target(csv_path: Path | None, output: Path | None) -> Path | None:
    """The CSV file `timeline --csv` or `--output` names (None: print the timeline); ValueError
    when both are given or the output is not named .csv.

    Example:

        >>> csv_target(None, Path("out/timeline.csv"))
        PosixPath('out/timeline.csv')
    """
    if csv_path is not None and output is not None:
        raise ValueError("choose one of --csv and --output")
    if output is not None and output.suffix.lower() != ".csv":
        raise ValueError(f"--output {output}: the timeline is written as CSV; name a .csv file")
    return csv_path or output
