"""Rich renderables for the terminal, and the run's rate and time left: built here, printed by
cli.py (the only module that prints).
User text (ids, metrics, evidence, file names) always goes in as `Text`, never as markup, so a
`[bracketed]` word is shown as written."""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Iterable
from typing import Any

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

CHECK_COLOURS = {
    "mismatch": "bold red",
    "uncertain": "magenta",
    "consistent": "yellow",
    "match": "green",
    "not_comparable": "dim",
    "no_official": "dim",
}


def plural(n: int, word: str) -> str:
    """ "1 article", "2 articles", "1,204 articles"."""
    return f"{n:,} {word}{'' if n == 1 else 's'}"


def _number(value: float | None) -> str:
    return "—" if value is None else f"{value:g}"


def check_summary(counts: Counter[str], articles: int) -> Text:
    """One line: how many statements in how many articles, then each status with its count,
    mismatches first: `extractor check: 12 statements in 3 articles  mismatch 1  match 8 ...`."""
    line = Text(f"extractor check: {plural(sum(counts.values()), 'statement')} in {plural(articles, 'article')}")
    from .check import STATUS_ORDER  # the order of the statements too: what needs a look first

    rank = {status.value: n for status, n in STATUS_ORDER.items()}
    ordered = sorted(counts, key=lambda s: (rank.get(s, len(rank)), s))
    for status in ordered:
        line.append("  ")
        line.append(status, style=CHECK_COLOURS.get(status, "white"))
        line.append(f" {counts[status]:,}")
    if not counts:
        line.append("  none")
    return line


def _headline(row: Any) -> Text:
    """What was checked and how it came out: `homicide 2020, St. Louis: stated 263, official 250
    (+13, +5.2%)`; a change in percent, against the official series or the article's own figures."""
    what = " ".join(x for x in (row.metric or "—", str(row.year or "")) if x)
    if row.location:
        what += f", {row.location}"
    percent = row.kind in ("change", "internal")
    unit = "%" if percent else ""
    if percent:
        what = f"change in {what}"
    elif row.kind == "superlative":
        what = f"{what} (a superlative)"
    against = "the article's own figures give" if row.kind == "internal" else "official"
    text = Text(f"{what}: ", style="bold")
    official = "—" if row.official is None else f"{_number(row.official)}{unit}"
    text.append(f"stated {_number(row.stated)}{unit if row.stated is not None else ''}, {against} {official}")
    if row.difference is not None:
        relative = f", {row.relative_difference:+.1%}" if row.relative_difference is not None else ""
        text.append(f" ({row.difference:+g}{relative})", style=CHECK_COLOURS.get(row.status.value, ""))
    return text


def _details(row: Any, official_name: str) -> Table:
    """The statement's evidence, article and official source, one labelled line each; long ids and
    quotes wrap (folded inside a word when they must), never cut."""
    grid = Table.grid(padding=(0, 1))
    grid.add_column(style="dim", no_wrap=True, min_width=len("official"))
    grid.add_column(overflow="fold")
    grid.add_row("article", Text(row.article, style="cyan"))
    if row.evidence:
        grid.add_row("says", Text(f"“{' '.join(row.evidence.split())}”", style="italic"))
    if row.official is not None and row.kind != "internal":  # an internal check's note names its figures
        grid.add_row("official", Text(row.source or official_name))
    if row.note:
        grid.add_row("note", Text(row.note))
    return grid


def check_view(rows: Iterable[Any], official_name: str) -> RenderableType:
    """The statements of a check as the terminal shows them, in the order given (mismatches
    first): each status beside what was compared, then the evidence text, the full article id and
    the official row's source (its `source` column, else the file's name). Print `check_summary`
    above it.

    Example:

        out.print(check_summary(counts, 3), soft_wrap=True)
        out.print(check_view(rows, "official.csv"))
    """
    table = Table(box=None, show_header=False, pad_edge=False, padding=(0, 2, 1, 0))
    table.add_column(no_wrap=True)  # the status is never cut
    table.add_column(overflow="fold")
    for row in rows:
        status = Text(row.status.value, style=CHECK_COLOURS.get(row.status.value, "white"))
        table.add_row(status, Group(_headline(row), _details(row, official_name)))
    return table


class Throughput:
    """Articles per second and the time left, from the results themselves. Workers hand results
    over in batches (a chunk, a spaCy batch): a batch ends where no result came for BATCH_GAP
    seconds. The rate is the articles of the whole batches after the first, over the time from the
    first batch's end to the latest whole batch's end: model loading, the first batch's wait, a
    batch still arriving and articles skipped by --resume are left out. No rate is claimed before
    whole batches span MIN_SPAN seconds.

    Example:

        meter = Throughput(total=64); meter.tick(counted=True); meter.rate()  # None: too early
    """

    BATCH_GAP = 1.0  # results closer together than this belong to one batch
    MIN_SPAN = 2.0  # seconds of whole batches before a rate is shown

    def __init__(self, total: int | None) -> None:
        self.total, self.done, self.counted = total, 0, 0
        self.last: float | None = None  # when the latest result came
        self.first_end: float | None = None  # when the first batch ended
        self.whole_end: float | None = None  # when the latest whole batch ended
        self.whole = 0  # articles in the whole batches after the first
        self.arriving = 0  # articles of the batch arriving now

    def tick(self, counted: bool) -> None:
        self.done += 1
        if not counted:
            return
        now = time.perf_counter()
        self.counted += 1
        if self.last is not None and now - self.last > self.BATCH_GAP:  # the batch before is whole
            if self.first_end is None:
                self.first_end = self.last
            else:
                self.whole += self.arriving
                self.whole_end = self.last
            self.arriving = 0
        self.arriving += 1
        self.last = now

    def rate(self) -> float | None:
        if self.first_end is None or self.whole_end is None:
            return None
        span = self.whole_end - self.first_end
        return self.whole / span if span >= self.MIN_SPAN else None

    def left(self) -> float | None:
        rate = self.rate()
        return max(0, self.total - self.done) / rate if rate and self.total is not None else None
