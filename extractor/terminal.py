"""Rich renderables for the terminal, and the run's rate, time left and progress display: built
here, printed by cli.py (the only module that prints; RunProgress shows on the console cli.py
gives it).
User text (ids, metrics, evidence, file names) always goes in as `Text`, never as markup, so a
`[bracketed]` word is shown as written."""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rich.console import Console, Group, RenderableType
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table
from rich.text import Text

if TYPE_CHECKING:
    from .evaluate import Report
    from .models import ArticleRecord
    from .run import RunEvent, RunStopped, RunSummary
    from .timeline import TimelineRow

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


WAITING = "waiting for the first batch"  # the model is loaded; workers are on their first articles
ESTIMATING = "estimating"  # in place of the rate and time left until whole batches give them


def duration(seconds: float) -> str:
    """ "45 s", "3 min 05 s"."""
    seconds = max(0, round(seconds))
    return f"{seconds // 60} min {seconds % 60:02d} s" if seconds >= 60 else f"{seconds} s"


def progress_bar(console: Console) -> Progress:
    """The run's progress bar (not started): Throughput's rate and time left in place of rich's
    own speed and time-remaining columns, which read a batch's burst as speed. Add a task with
    `bar_fields` and update it with them."""
    return Progress(
        SpinnerColumn(),
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.fields[rate]}"),
        TimeElapsedColumn(),
        TextColumn("{task.fields[left]}"),
        console=console,
        transient=True,
    )


def bar_fields(meter: Throughput) -> tuple[str, str, str]:
    """The bar's description, rate and time left from the meter: "waiting for the first batch"
    until an article is done, "estimating" until whole batches give a rate."""
    rate, left = meter.rate(), meter.left()
    return (
        "extracting" if meter.counted else WAITING,
        f"{rate:.1f} articles/s" if rate else ESTIMATING,
        f"about {duration(left)} left" if left is not None else "",
    )


def progress_line(meter: Throughput) -> str:
    """The progress as one log line: `extractor: 120 of 400 articles, 4.0/s, about 1 min 10 s left`."""
    rate, left = meter.rate(), meter.left()
    total, done = meter.total, meter.done
    shown = f"{done:,} of {plural(total, 'article')}" if total else plural(done, "article")
    speed = f", {rate:.1f}/s" if rate else f", {ESTIMATING} the rate"
    remaining = f", about {duration(left)} left" if left is not None else ""
    return f"extractor: {shown}{speed}{remaining}"


class RunProgress:
    """Progress on `console` (standard error), from the run's events: a bar in a terminal, a line
    every LOG_EVERY seconds in logs, nothing with `quiet`. The bar says "waiting for the first
    batch" until the first article is done (the workers' start-up), and "estimating" in place of
    the rate and time left until Throughput has them from whole batches. Nothing shows before the
    outputs are open (the run's `started` event). Rich's own speed and time-remaining columns
    average the arrivals of the last 30 s, which reads a batch's burst as speed (an ETA a third of
    the truth): the columns here show Throughput's figures instead.

    Example:

        with RunProgress(Console(stderr=True), quiet=False, total=40) as progress:
            run.execute(nlp=nlp, on_event=progress)
    """

    LOG_EVERY = 10.0

    def __init__(self, console: Console, quiet: bool, total: int | None) -> None:
        self.console, self.quiet, self.total, self.meter = console, quiet, total, Throughput(total)
        self.bar: Progress | None = None
        self.last_log = time.perf_counter()

    def _start(self) -> None:
        self.last_log = time.perf_counter()
        if not self.quiet and self.console.is_terminal:
            self.bar = progress_bar(self.console)
            self.task = self.bar.add_task(WAITING, total=self.total, rate=ESTIMATING, left="")
            self.bar.__enter__()
        elif not self.quiet:
            what = f" {plural(self.total, 'article')}" if self.total else ""
            self.console.print(f"extractor: extracting{what} ...", highlight=False)

    def __call__(self, event: RunEvent) -> None:
        if event == "started":
            self._start()
        else:
            self.advance(counted=event != "skipped")

    def __enter__(self) -> RunProgress:
        return self

    def __exit__(self, *exc: object) -> None:
        if self.bar is not None:
            self.bar.__exit__(None, None, None)
            self.bar = None

    def advance(self, counted: bool = True) -> None:
        if self.quiet:
            return
        self.meter.tick(counted)
        if self.bar is not None:
            description, rate, left = bar_fields(self.meter)
            self.bar.update(self.task, advance=1, description=description, rate=rate, left=left)
            return
        now = time.perf_counter()
        if now - self.last_log >= self.LOG_EVERY:
            self.last_log = now
            self.console.print(progress_line(self.meter), highlight=False)


def stopped_lines(stop: RunStopped) -> list[Text]:
    """Why a run stopped (in bold red), what it kept and how to go on: a line each."""
    kept = [str(p) for p in stop.kept]
    lines = [Text(str(stop), style="bold red")]
    if kept:
        lines.append(Text(f"{stop.records_written:,} records written so far are kept in {', '.join(kept)}"))
    if stop.resumable:
        lines.append(Text("to continue, run the same command again with --resume"))
    else:
        lines.append(Text("CSV output cannot resume: run the same command again to start over"))
    return lines


def run_summary(
    summary: RunSummary,
    elapsed: float,
    records_shown: str | None,
    db: Path | None,
    errors_output: Path | None,
) -> list[RenderableType]:
    """The run's counts, then where its outputs are, each a renderable to print on its own (the
    lines soft-wrapped: a path is never cut in two). A resumed run counts only its own work in the
    table (and its rate); the output's totals come on a line of their own below it."""
    resumed = summary.resumed
    errors = summary.article_errors_now if resumed else summary.article_errors
    this_run = " by this run" if resumed else ""
    table = Table(title="extractor: run summary" + (" (resumed)" if resumed else ""), header_style="bold")
    table.add_column("what")
    table.add_column("count", justify="right")
    table.add_row(f"articles{' read' if resumed else ''}{this_run}", f"{summary.done_now:,}")
    table.add_row(f"records written{this_run}", f"{summary.records_new:,}")
    for kind in ("figures", "changes", "claims", "officials", "quotes", "events", "dates"):
        table.add_row(f"  {kind}", f"{summary.facts.get(kind, 0):,}")
    table.add_row(f"errors{this_run}", f"[red]{sum(errors.values()):,}[/]" if errors else "0")
    for kind, n in sorted(errors.items()):
        table.add_row(f"  {kind}", f"{n:,}")
    if summary.facts_dropped:
        table.add_row("facts dropped (failed validation; in the errors file)", f"{summary.facts_dropped:,}")
    if summary.ignored:
        table.add_row("files passed over (hidden, gold, .extractorignore)", f"{len(summary.ignored):,}")
    if summary.skipped:
        table.add_row("already written (--resume)", f"{summary.skipped:,}")
    table.add_row("seconds", f"{elapsed:.1f}")
    if elapsed > 0:  # the work this run did: articles skipped by --resume are no speed
        table.add_row("articles/s", f"{summary.done_now / elapsed:.1f}")
    shown: list[RenderableType] = [table]
    if resumed:
        all_errors = summary.all_errors
        kinds = f" ({', '.join(f'{k} {n:,}' for k, n in sorted(all_errors.items()))})" if all_errors else ""
        shown.append(
            Text(
                f"{plural(summary.records_written, 'record')} in all, {summary.records_new:,} written by this run; "
                f"{plural(sum(all_errors.values()), 'error')} in all{kinds}, "
                f"{sum(summary.errors.values()):,} from this run"
            )
        )
    if records_shown is not None:
        shown.append(Text(f"records: {records_shown}"))
    if summary.all_errors and errors_output:
        shown.append(Text(f"errors:  {errors_output}"))
    if db is not None:  # the metadata file adds table descriptions and facets
        import shlex

        from .writers import metadata_path

        browse = f"datasette {shlex.quote(str(db))} -m {shlex.quote(str(metadata_path(db)))}"
        shown.append(Text(f"database: {db}  (to browse it: {browse})"))
    return shown


def facts_table(title: str, items: list[Any], columns: list[str]) -> RenderableType:
    """One kind of an article's facts as a table of `columns` (`show`); a dim line when there are none."""
    if not items:
        return Text.from_markup(f"[dim]{escape(title)}: none[/]")
    table = Table(title=f"{title} ({len(items)})", title_justify="left", show_lines=False)
    for c in columns:
        table.add_column(c, overflow="fold")
    for item in items:
        row = []
        for c in columns:
            v = getattr(item, c)
            v = getattr(v, "value", v)
            row.append(", ".join(map(str, v)) if isinstance(v, list) else "—" if v is None else str(v))
        table.add_row(*map(escape, row))  # article text is shown as written, never read as markup
    return table


FACT_COLUMNS = {
    "figures": ["year", "count", "metric", "qualifier", "location", "evidence"],
    "changes": ["metric", "direction", "percent", "qualifier", "since", "evidence"],
    "claims": ["kind", "metric", "year", "since_year", "evidence"],
    "officials": ["name", "title", "organization", "aliases"],
    "quotes": ["speaker", "cue", "text"],
    "events": ["date", "date_text", "description", "participants"],
    "dates": ["text", "value"],
}


def article_facts(record: Any) -> list[RenderableType]:
    """An article's facts as `show` prints them: a table per kind, in FACT_COLUMNS order."""
    return [facts_table(kind, getattr(record, kind), columns) for kind, columns in FACT_COLUMNS.items()]


def expected_score_lines(score: Any) -> list[Text]:
    """`check --expected`'s verdict: each wrong status, each false mismatch, then the score."""
    lines = [Text.assemble(("wrong:", "red"), f" {line}") for line in score.wrong]
    lines += [Text.assemble(("false mismatch:", "red"), f" {line}") for line in score.false_mismatches]
    right = f"{score.right}/{score.total} right, {len(score.false_mismatches)} false mismatches"
    return lines + [Text(f"expected statuses: {right}")]


def article_header(record: ArticleRecord) -> Text:
    """The line under an article's title in `show`: its date, place and source."""
    return Text(f"published: {record.published or '—'}   location: {record.location or '—'}   source: {record.source}")


def eval_table(report: Report, title: str) -> Table:
    """Precision, recall and F1 per field of an eval report (fields with nothing to score left out)."""
    from .evaluate import FIELDS

    table = Table(title=escape(title))
    for c in ("field", "precision", "recall", "F1", "tp", "gold", "pred"):
        table.add_column(c, justify="left" if c == "field" else "right")
    for name in FIELDS:
        s = report.scores[name]
        if s.empty:
            continue
        shown = (f"{s.precision:.3f}", f"{s.recall:.3f}", f"{s.f1:.3f}", str(s.tp), str(s.gold), str(s.pred))
        table.add_row(name, *shown)
    return table


def timeline_table(rows: list[TimelineRow]) -> Table:
    """A run's events in date order (undated last), each with its article."""
    articles = len({r.article for r in rows})
    table = Table(title=escape(f"extractor timeline: {plural(len(rows), 'event')} in {plural(articles, 'article')}"))
    for column in ("date", "event", "participants", "article"):
        table.add_column(column, overflow="fold")
    for r in rows:
        event = r.description + (f" ({r.count:g})" if r.count is not None else "")
        when = r.date or "undated"
        shown = (when, event, "; ".join(r.participants), r.article)
        table.add_row(*(escape(cell) for cell in shown))
    return table
