"""The command line: a thin layer over the library, and the only module that prints or exits. Each
command's arguments are declared in options.py and passed to the library function that does the
work; what comes back is printed here. Exit codes: 0 all fine, 1 some articles failed (or a check
found mismatches), 2 usage error, 3 the run itself failed (a crash, a full disk, an output locked by
another run), 130 interrupted (Ctrl-C), 143 terminated (SIGTERM)."""

from __future__ import annotations

import atexit
import datetime as dt
import gc
import os
import sys
import time
from contextlib import ExitStack
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, NoReturn

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from . import __version__
from . import options as opt
from .terminal import plural

if TYPE_CHECKING:
    from .run import ExtractionRun, Outputs

CORES = os.cpu_count() or 1  # --n-process's default

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


def _parse_date(value: str | None) -> dt.date | None:
    from .run import parse_published

    try:
        return parse_published(value)
    except ValueError as e:
        fail(str(e))


def _nlp(model: str | None) -> Any:
    from .pipeline import ModelNotFound, build_nlp

    try:
        return build_nlp(model)
    except ModelNotFound as e:
        fail(str(e))


@app.command(short_help="Extract facts from articles into JSON Lines, CSV or SQLite.")
def extract(
    paths: opt.Inputs,
    output: opt.Output = None,
    db: opt.Db = None,
    format_: opt.Format = None,
    resume: opt.Resume = None,
    follow_symlinks: opt.FollowSymlinks = False,
    published: opt.Published = None,
    model: opt.Model = None,
    n_process: opt.Workers = CORES,
    engine: opt.Engine = "local",
    scheduler: opt.Scheduler = None,
    batch_size: opt.BatchSize = 32,
    max_chars: opt.MaxChars = 1_000_000,
    timeout: opt.Timeout = None,
    quiet: opt.Quiet = False,
    fast: opt.Fast = True,
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
    from .run import InvalidRun, Outputs, RunStopped, expected_articles
    from .terminal import RunProgress, run_summary, stopped_lines

    if not fast:
        os.environ["EXTRACTOR_FAST"] = "0"  # build_nlp reads it, in the worker processes too
    base = _parse_date(published)
    try:
        outputs = Outputs.asked(output, db, format_, resume)
    except InvalidRun as e:
        fail(str(e))
    if engine not in ("local", "dask"):
        fail(f"--engine {engine!r}: choose local or dask")
    with ExitStack() as locked:
        run = _entered_run(locked, paths, outputs, resume, base, follow_symlinks)
        if not quiet:
            err.print("extractor: loading the spaCy model ...", highlight=False)
        nlp = _nlp(model) if engine == "local" else None
        started = time.perf_counter()
        progress = RunProgress(err, quiet, None if quiet else expected_articles(paths))
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
            for line in stopped_lines(e):
                err.print(line, highlight=False)
            raise typer.Exit(STOPPED_EXIT.get(e.cause, EXIT_RUN_FAILED)) from None
    elapsed = time.perf_counter() - started
    if not quiet:
        shown, errors_file = outputs.shown(output)
        console = err if outputs.stream is not None else out  # standard output holds the records
        for part in run_summary(summary, elapsed, shown, db, errors_file):
            console.print(part, highlight=False, soft_wrap=not isinstance(part, Table))
    raise typer.Exit(EXIT_FAILED if summary.failed else EXIT_OK)


STOPPED_EXIT = {"interrupted": EXIT_INTERRUPTED, "terminated": EXIT_TERMINATED}


def _entered_run(
    stack: ExitStack, paths: list[Path], outputs: Outputs, resume: bool | None, base: dt.date | None, follow: bool
) -> ExtractionRun:
    """The run, its inputs checked and its outputs locked (until `stack` closes); --resume asked
    for when a run that did not finish left its work."""
    from .run import ExtractionRun, InvalidRun, OutputLocked, UnfinishedRun

    try:
        return stack.enter_context(ExtractionRun(paths, outputs, resume=resume, published=base, follow_symlinks=follow))
    except UnfinishedRun as e:
        fail(f"{e}: pass --resume to continue it, or --no-resume to start over")
    except InvalidRun as e:
        fail(str(e))
    except OutputLocked as e:
        fail(str(e), EXIT_RUN_FAILED)


@app.command(short_help="Show one article's facts as tables.")
def show(path: opt.ArticleFile, published: opt.Published = None, model: opt.Model = None) -> None:
    """Show one article's facts as tables, for a person to read.

    Example:

      extractor show ../shared/seed/st-louis-homicides.txt --published 2024-07-31
    """
    from .extract import extract_records
    from .ingest import iter_articles
    from .models import ArticleRecord
    from .terminal import article_facts, article_header

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
        out.print(article_header(result), highlight=False)
        for facts in article_facts(result):
            out.print(facts)
    raise typer.Exit(EXIT_FAILED if failed else EXIT_OK)


@app.command(short_help="Write the JSON Schema of the records.")
def schema(output_dir: opt.SchemaDir = Path("schemas"), check: opt.SchemaCheck = False) -> None:
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


@app.command(name="eval", short_help="Score the pipeline against gold files.")
def eval_command(
    gold_dir: opt.GoldDir,
    articles: opt.ArticlesDir = None,
    loose_speakers: opt.LooseSpeakers = False,
    half: opt.Half = None,
    split: opt.Split = None,
    as_json: opt.ScoresJson = False,
    misses: opt.Misses = 0,
    floors: opt.Floors = None,
    raise_floors_: opt.RaiseFloors = False,
    published: opt.Published = None,
    model: opt.Model = None,
) -> None:
    """Score the pipeline on articles with gold files: precision, recall and F1 per field.

    Example:

      extractor eval ../shared/data/press-dev/gold --articles ../shared/data/press-dev/articles --misses 20
      extractor eval ../shared/data/polnear-dev/gold --articles ../shared/data/polnear-dev/articles --loose-speakers
      extractor eval corpus/ --json --misses 10
      extractor eval ../shared/data/press-dev/gold --articles ../shared/data/press-dev/articles --half check
    """
    from .evaluate import FloorsMissing, gold_set, hold_floors
    from .terminal import eval_table

    try:
        gold = gold_set(gold_dir, articles, half, split)
    except ValueError as e:
        fail(str(e))
    for p in gold.problems:
        err.print(f"[yellow]warning:[/] {escape(p)}", highlight=False)
    if not gold.pairs:
        fail(f"no gold files with articles in {gold_dir}")
    report = gold.score(_nlp(model), _parse_date(published), loose_speakers)
    for line in report.failed:
        err.print(f"[red]failed, its gold counts as missed:[/] {escape(line)}", highlight=False)
    if as_json:
        sys.stdout.write(report.as_json(misses) + "\n")
    else:
        out.print(eval_table(report, gold.title(report.articles)))
        for line in report.miss_lines(misses):
            out.print(escape(line), highlight=False, soft_wrap=True)
    regressions: list[str] = []
    if floors is not None:  # compare the scores with their floors (or raise them)
        try:
            regressions = hold_floors(report, floors, raise_floors_)
        except FloorsMissing as e:
            fail(str(e))
        if raise_floors_:
            err.print(escape(f"floors in {floors} raised to today's scores where higher"), highlight=False)
    for line in regressions:
        err.print(f"[bold red]regression:[/] {escape(line)}", highlight=False)
    raise typer.Exit(EXIT_FAILED if report.failed or regressions else EXIT_OK)


@app.command(short_help="Check figures and claims against official figures.")
def check(
    inputs: opt.CheckInputs,
    official: opt.Official,
    map_: opt.Map = None,
    year_col: opt.YearCol = "year",
    location_col: opt.LocationCol = None,
    source_col: opt.SourceCol = None,
    map_file: opt.MapFile = None,
    years_in_columns: opt.YearsInColumns = None,
    only: opt.Only = None,
    tolerance: opt.Tolerance = 0.05,
    as_json: opt.RowsJson = False,
    as_csv: opt.RowsCsv = False,
    expected: opt.Expected = None,
    published: opt.Published = None,
    model: opt.Model = None,
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
    from . import check as checking
    from .terminal import check_summary, check_view, expected_score_lines

    if as_json and as_csv:
        fail("choose one of --json and --csv")
    try:
        data = checking.official_data(official, map_, year_col, location_col, source_col, map_file, years_in_columns)
    except checking.OfficialDataError as e:
        fail(str(e))
    for line in checking.duplicate_warnings(data):  # up to ten
        err.print(f"[yellow]warning:[/] {escape(line)}", highlight=False)
    try:
        expected_rows = checking.load_expected(expected) if expected is not None else None
    except checking.OfficialDataError as e:
        fail(f"--expected {e}")
    try:
        wanted = checking.parse_statuses(only)
    except ValueError as e:
        fail(f"--only: {e}")
    try:
        run = checking.check_inputs(
            inputs,
            data,
            lambda: _nlp(model),
            tolerance=tolerance,
            published=published,
            on_skipped=lambda line: err.print(f"[yellow]skipped[/] {escape(line)}", highlight=False),
        )
    except checking.CheckInputError as e:
        fail(str(e))
    rows = run.shown(wanted)
    if as_json:
        checking.write_check_json(rows, sys.stdout)
    elif as_csv:
        checking.write_check_csv(rows, sys.stdout)
    else:  # the summary on one line first, then each statement with its evidence and source: mismatches first
        out.print(check_summary(run.counts, len(run.records)), soft_wrap=True, highlight=False)
        if rows:
            out.print()
            out.print(check_view(rows, official.name), highlight=False)
    if expected_rows is not None:
        score = checking.score_expected(run.rows, expected_rows)
        for verdict in expected_score_lines(score):
            err.print(verdict, highlight=False)
        raise typer.Exit(EXIT_OK if score.passed else EXIT_FAILED)
    if checking.compared_nothing(run.rows):
        # a silent all-clear is the worst answer: say what did not meet, and fail
        fail(checking.nothing_compared_message(run.records, data))
    raise typer.Exit(EXIT_FAILED if run.mismatched else EXIT_OK)


@app.command(short_help="Write an HTML page to review the facts in their articles.")
def report(records: opt.Records, output: opt.Page, check_file: opt.CheckFile = None) -> None:
    """Write a self-contained HTML page to review every fact highlighted in its article, with
    check results and charts. No network, no external assets; article text is shown as text.

    Example:

      extractor extract corpus/ --output out/facts.jsonl
      extractor check out/facts.jsonl --official corpus/official/ucr_violent_crime_1975_2015.csv --json > out/check.json
      extractor report out/facts.jsonl --check out/check.json --output out/report.html
    """
    from .check import CheckRowsError, load_check_rows
    from .records import RecordsError, read_records, records_file
    from .report import write_report

    try:
        records_file(records)
        rows = None if check_file is None else load_check_rows(check_file)
        n = write_report(read_records(records), output, rows)
    except RecordsError as e:
        fail(str(e))
    except CheckRowsError as e:
        fail(f"--check {check_file}: {e}")
    out.print(escape(f"wrote {output} ({plural(n, 'article')})"), highlight=False)


@app.command(short_help="List a run's events in date order, across its articles.")
def timeline(
    records: opt.Records,
    csv_path: opt.TimelineCsv = None,
    output: opt.TimelineOutput = None,
    match: opt.Match = None,
) -> None:
    """Every event of a run in date order (undated last), each with the article that tells it:
    follow one story over many releases.

    Example:

      extractor timeline out/facts.jsonl
      extractor timeline out/facts.jsonl --match sentenced
      extractor timeline out/facts.jsonl --csv out/timeline.csv
    """
    from .records import RecordsError, read_records, records_file
    from .terminal import timeline_table
    from .timeline import csv_target, matching, timeline_rows, write_timeline_csv

    try:
        target = csv_target(csv_path, output)
        rows = timeline_rows(read_records(records_file(records)))
    except (ValueError, RecordsError) as e:
        fail(str(e))
    if match:
        rows = matching(rows, match)
    if target is not None:
        n = write_timeline_csv(rows, target)
        out.print(escape(f"wrote {target} ({plural(n, 'event')})"), highlight=False)
        return
    out.print(timeline_table(rows))


@app.command(short_help="Train the figure binder's weights on gold files.")
def train(
    sets: opt.TrainingSets = None,
    output: opt.ModelFile = None,
    save_examples: opt.SaveExamples = None,
    examples: opt.Examples = None,
) -> None:
    """Train the figure binder (EXTRACTOR_BINDER=model or veto) on training sets with gold figures:
    label every candidate binding, choose the regularisation and thresholds by cross-validation
    over articles, and write the weights. Same data, same file. Needs scikit-learn (the `train`
    extra). `make train` trains the shipped model on corpus/, training/binder/ and the tune halves.

    Example:

      extractor train training/binder/ --output out/binder_model.json
      extractor train ../shared/data/news-dev/gold:../shared/data/news-dev/articles:tune -o out/binder_model.json
    """
    from .train import TrainingError, train_binder

    try:
        summary = train_binder(sets or [], output, lambda: _nlp(None), examples=examples, save_examples=save_examples)
    except TrainingError as e:
        fail(str(e))
    for problem in summary.problems:
        err.print(f"[yellow]warning:[/] {escape(problem)}", highlight=False)
    out.print(escape(summary.line()), highlight=False, soft_wrap=True)


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
        from .run import reason

        err.print(f"[bold red]error:[/] {escape(reason(e))}", highlight=False)
        sys.exit(EXIT_RUN_FAILED)


if __name__ == "__main__":
    main()
