"""The library functions the thin CLI calls (issue #29, item 4): what it decides is decided here,
with no typer and no printing. Every text is made up."""

from __future__ import annotations

import datetime as dt
import io
import json
import sys
from pathlib import Path

import pytest
from rich.console import Console
from spacy.language import Language

from extractor.check import CheckInputError, check_inputs, load_check_rows, official_data, write_check_json
from extractor.evaluate import gold_set
from extractor.records import RecordsError, records_file
from extractor.run import InvalidRun, Outputs, RunStopped, output_format, parse_published, reason
from extractor.terminal import RunProgress, article_header, expected_score_lines, stopped_lines
from extractor.timeline import csv_target

ARTICLE = "City police report\nPublished March 1, 2015\n\nThe city recorded 159 homicides in 2014, police said.\n"


# --- run: the outputs asked for, --published, an error's phrase -------------------------------


@pytest.mark.parametrize(
    ("given", "output", "chosen"),
    [(None, "out/f.csv", "csv"), (None, "out/f.jsonl", "jsonl"), (None, "out/f.NDJSON", "jsonl"), ("csv", None, "csv")],
)
def test_output_format_follows_the_suffix_or_the_flag(given: str | None, output: str | None, chosen: str) -> None:
    assert output_format(given, Path(output) if output else None) == chosen


@pytest.mark.parametrize(
    ("output", "db", "fmt", "resume", "message"),
    [
        (None, None, None, None, "give --output OUT.jsonl, --db OUT.db, or both"),
        ("f.jsonl", None, "xml", None, "--format 'xml': choose jsonl or csv"),
        ("f.jsonl", None, "csv", None, "does not fit the output name"),
        ("-", None, "csv", None, "CSV is written as one file per kind of fact"),
        ("-", None, None, True, "--resume needs an output file"),
        ("f.csv", None, None, True, "--resume works with JSON Lines and SQLite output, not CSV"),
    ],
)
def test_outputs_that_make_no_sense_are_invalid(
    output: str | None, db: str | None, fmt: str | None, resume: bool | None, message: str
) -> None:
    with pytest.raises(InvalidRun, match=message.replace("(", r"\(").replace(")", r"\)")):
        Outputs.asked(Path(output) if output else None, Path(db) if db else None, fmt, resume)


def test_outputs_asked_for() -> None:
    assert Outputs.asked(Path("out/f.csv"), Path("out/f.db"), None, True) == Outputs(
        file=Path("out/f.csv"), format="csv", db=Path("out/f.db")
    )
    streamed = Outputs.asked(Path("-"))
    assert streamed.file is None and streamed.stream is sys.stdout and streamed.error_stream is sys.stderr


def test_published_dates_and_their_error() -> None:
    assert parse_published(None) is None
    assert parse_published("2024-07-31") == dt.date(2024, 7, 31)
    with pytest.raises(ValueError, match=r"--published '31/07/2024' is not a date in YYYY-MM-DD form"):
        parse_published("31/07/2024")


def test_an_error_is_a_plain_phrase() -> None:
    assert reason(FileNotFoundError(2, "No such file or directory", "in.txt")) == "No such file or directory: in.txt"
    assert reason(ValueError("first\nsecond")) == "first"


# --- records, timeline, evaluate ---------------------------------------------------------------


def test_records_file_is_there_and_holds_records(tmp_path: Path) -> None:
    with pytest.raises(RecordsError, match="no such file"):
        records_file(tmp_path / "gone.jsonl")
    articles = tmp_path / "a.txt"
    articles.write_text(ARTICLE, encoding="utf-8")
    with pytest.raises(RecordsError, match="is not a records file from `extractor extract`"):
        records_file(articles)


def test_the_timeline_csv_target() -> None:
    assert csv_target(None, None) is None
    assert csv_target(Path("t.csv"), None) == Path("t.csv")
    with pytest.raises(ValueError, match="choose one of --csv and --output"):
        csv_target(Path("a.csv"), Path("b.csv"))
    with pytest.raises(ValueError, match="name a .csv file"):
        csv_target(None, Path("t.json"))


def test_a_gold_set_its_half_and_its_title(nlp: Language, tmp_path: Path) -> None:
    gold = tmp_path / "gold"
    gold.mkdir()
    for name in ("a", "b"):
        (gold / f"{name}.txt").write_text(ARTICLE, encoding="utf-8")
        (gold / f"{name}.gold.json").write_text(json.dumps({"figures": []}), encoding="utf-8")
    (tmp_path / "SPLIT.json").write_text(json.dumps({"tune": ["a"], "check": ["b"]}), encoding="utf-8")
    whole = gold_set(gold)
    assert len(whole.pairs) == 2 and whole.title(2) == f"extractor eval: 2 articles in {gold}"
    half = gold_set(gold, half="check")
    assert [p.article.name for p in half.pairs] == ["b.txt"]
    assert half.title(1) == f"extractor eval: 1 article in {gold} (check half of SPLIT.json)"
    assert half.score(nlp).articles == 1
    with pytest.raises(ValueError, match="no such folder"):
        gold_set(tmp_path / "gone")
    with pytest.raises(ValueError, match="no list of ids named 'middle'"):
        gold_set(gold, half="middle")


# --- check -------------------------------------------------------------------------------------


def test_check_inputs_extracts_articles_and_counts_statuses(nlp: Language, tmp_path: Path) -> None:
    article, official = tmp_path / "a.txt", tmp_path / "official.csv"
    article.write_text(ARTICLE, encoding="utf-8")
    official.write_text("metric,year,value\nhomicide,2014,159\n", encoding="utf-8")
    run = check_inputs([article], official_data(official), lambda: nlp)
    assert len(run.records) == 1 and run.counts == {"match": 1} and not run.mismatched
    assert run.shown({"mismatch"}) == [] and run.shown(set()) == run.rows
    stream = io.StringIO()
    write_check_json(run.rows, stream)
    saved = tmp_path / "rows.json"
    saved.write_text(stream.getvalue(), encoding="utf-8")
    assert [r["status"] for r in load_check_rows(saved)] == ["match"]  # what `report --check` reads


def test_check_inputs_says_when_there_is_nothing_to_check(tmp_path: Path) -> None:
    official = tmp_path / "official.csv"
    official.write_text("metric,year,value\nhomicide,2014,159\n", encoding="utf-8")
    data = official_data(official)
    with pytest.raises(CheckInputError, match="no such file or folder"):
        check_inputs([tmp_path / "gone.txt"], data, lambda: None)
    with pytest.raises(CheckInputError, match="pipe them through `extractor extract - -o -` first"):
        check_inputs([Path("-")], data, lambda: None, stdin=io.StringIO("not a record\n"))
    with pytest.raises(CheckInputError, match="nothing to check"):
        check_inputs([Path("-")], data, lambda: None, stdin=io.StringIO(""))
    article = tmp_path / "a.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    with pytest.raises(CheckInputError, match="is not a date"):
        check_inputs([article], data, lambda: None, published="March 2015")


# --- terminal ----------------------------------------------------------------------------------


def shown(renderables: list) -> str:  # type: ignore[type-arg]
    console = Console(file=io.StringIO(), width=200, color_system=None)
    for r in renderables:
        console.print(r)
    return console.file.getvalue()  # type: ignore[attr-defined]


def test_the_lines_of_a_stopped_run() -> None:
    stop = RunStopped(
        "interrupted", cause="interrupted", kept=[Path("o.jsonl.part")], records_written=3, resumable=True
    )
    lines = shown(stopped_lines(stop)).splitlines()
    assert lines == [
        "interrupted",
        "3 records written so far are kept in o.jsonl.part",
        "to continue, run the same command again with --resume",
    ]
    csv = RunStopped("failed", cause="failed", kept=[], records_written=0, resumable=False)
    assert shown(stopped_lines(csv)).splitlines()[-1].startswith("CSV output cannot resume")


def test_the_expected_verdict_and_the_article_header() -> None:
    class Score:
        wrong, false_mismatches, right, total = ["a.txt 2014: match, not mismatch"], ["[b] 2015"], 4, 5

    assert shown(expected_score_lines(Score())).splitlines() == [
        "wrong: a.txt 2014: match, not mismatch",
        "false mismatch: [b] 2015",  # brackets shown as written
        "expected statuses: 4/5 right, 1 false mismatches",
    ]

    class Record:
        published, location, source = None, "Leeds", "[x].txt"

    assert shown([article_header(Record())]).strip() == "published: —   location: Leeds   source: [x].txt"  # type: ignore[arg-type]


def test_progress_in_a_log_says_what_it_extracts() -> None:
    screen = io.StringIO()
    with RunProgress(Console(file=screen, width=200), quiet=False, total=3) as progress:
        progress("started")  # type: ignore[arg-type]
        assert progress.bar is None
    assert screen.getvalue() == "extractor: extracting 3 articles ...\n"
    quiet = io.StringIO()
    with RunProgress(Console(file=quiet), quiet=True, total=3) as progress:
        progress("started")  # type: ignore[arg-type]
        progress("written")  # type: ignore[arg-type]
    assert quiet.getvalue() == ""
