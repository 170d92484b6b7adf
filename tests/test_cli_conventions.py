"""Command-line conventions a script relies on: `-` for standard input and output, the output
format from the file name, --version, plain messages, exit 2 for usage errors, honest progress."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from extractor import __version__, terminal
from extractor.cli import app
from tests.conftest import SEED

runner = CliRunner()
ARTICLE = "Harbor City police counted 410 burglaries in 2021 and 388 burglaries in 2022, Chief Ada Moss said.\n"


def test_version() -> None:
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0 and result.stdout.strip() == f"extractor {__version__}"


def test_text_from_standard_input_to_standard_output() -> None:
    result = runner.invoke(app, ["extract", "-", "-o", "-", "--quiet", "-j", "1"], input=ARTICLE)
    assert result.exit_code == 0, result.output
    (record,) = [json.loads(line) for line in result.stdout.splitlines()]
    assert record["id"] == "stdin"
    assert {(f["year"], f["count"]) for f in record["figures"]} == {(2021, 410), (2022, 388)}


def test_json_lines_from_standard_input_errors_to_standard_error() -> None:
    given = json.dumps({"id": "a", "text": ARTICLE}) + "\n{broken\n"
    result = runner.invoke(app, ["extract", "-", "-o", "-", "--quiet", "-j", "1"], input=given)
    assert result.exit_code == 1  # one input failed
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["id"] for r in records] == ["a"]  # standard output holds records only
    errors = [json.loads(line) for line in result.stderr.splitlines() if line.startswith("{")]
    assert errors and errors[0]["error"] == "json"


def test_summary_goes_to_standard_error_when_records_go_to_standard_output() -> None:
    result = runner.invoke(app, ["extract", str(SEED), "-o", "-", "-j", "1"])
    assert result.exit_code == 0
    assert all(line.startswith("{") for line in result.stdout.splitlines())
    assert "run summary" in result.stderr and "standard output" in result.stderr


@pytest.mark.parametrize(
    ("name", "given", "written"),
    [
        ("facts.csv", None, "facts.figures.csv"),
        ("facts.jsonl", None, "facts.jsonl"),
        ("facts.out", None, "facts.out"),  # an unknown suffix: JSON Lines
        ("facts.out", "csv", "facts.out.figures.csv"),
    ],
)
def test_the_output_suffix_decides_the_format(tmp_path: Path, name: str, given: str | None, written: str) -> None:
    options = ["--format", given] if given else []
    result = runner.invoke(app, ["extract", str(SEED), "-o", str(tmp_path / name), "--quiet", "-j", "1", *options])
    assert result.exit_code == 0, result.output
    assert (tmp_path / written).exists(), sorted(p.name for p in tmp_path.iterdir())
    if written.endswith(".jsonl"):
        assert json.loads((tmp_path / written).read_text(encoding="utf-8").splitlines()[0])["id"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["-o", "x.csv", "--format", "jsonl"], "does not fit the output name"),
        (["-o", "x.jsonl", "--format", "xml"], "choose jsonl or csv"),
        (["-o", "-", "--format", "csv"], "one file per kind"),
        (["-o", "-", "--resume"], "needs an output file"),
    ],
)
def test_usage_errors_exit_2_with_a_plain_message(tmp_path: Path, args: list[str], message: str) -> None:
    result = runner.invoke(app, ["extract", str(SEED), *args, "--quiet"])
    assert result.exit_code == 2 and message in result.output
    assert "Error" not in result.output.replace("error:", "") and "Traceback" not in result.output


def test_report_writes_only_where_it_is_told(tmp_path: Path) -> None:
    records = tmp_path / "facts.jsonl"
    assert runner.invoke(app, ["extract", str(SEED), "-o", str(records), "--quiet", "-j", "1"]).exit_code == 0
    result = runner.invoke(app, ["report", str(records)])
    assert result.exit_code == 2 and not list(tmp_path.glob("*.html"))


def test_rich_markup_in_names_is_shown_as_written(tmp_path: Path) -> None:
    missing = tmp_path / "[bold]notes[red].txt"
    result = runner.invoke(app, ["extract", str(missing), "-o", str(tmp_path / "x.jsonl")])
    assert result.exit_code == 2 and "[bold]notes[red].txt" in result.output
    result = runner.invoke(app, ["check", str(SEED), "--official", str(tmp_path / "[dim]official.csv")])
    assert result.exit_code == 2 and "[dim]official.csv" in result.output


BRACKETED = (
    "[bold]Fire tally[/bold] for [red] Harbor City\n\n"
    '"We counted 12 arson fires in 2022 and [the chief] called it too many," Mayor Ann Reed said.\n'
)


def test_show_prints_article_text_with_its_brackets(tmp_path: Path) -> None:
    article = tmp_path / "[dim]fires.txt"
    article.write_text(BRACKETED, encoding="utf-8")
    result = runner.invoke(app, ["show", str(article)], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    assert "[bold]Fire tally[/bold] for [red] Harbor City" in result.stdout  # the title as written
    assert "[dim]fires.txt" in result.stdout  # the source
    assert "and [the chief] called it" in result.stdout  # a quote's editorial brackets


def test_check_names_a_skipped_input_as_written(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "[red]empty.txt").write_text("", encoding="utf-8")
    (folder / "fires.txt").write_text(BRACKETED, encoding="utf-8")
    official = tmp_path / "official.csv"
    official.write_text("metric,year,value\narson fire,2022,12\n", encoding="utf-8")
    result = runner.invoke(app, ["check", str(folder), "--official", str(official)])
    assert result.exit_code == 0, result.output
    assert "skipped " + str(folder / "[red]empty.txt") in result.stderr
    assert result.stdout.startswith("extractor check: 1 statement in 1 article ")  # "1 article", not "1 articles"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["check", str(SEED), "--official", "{official}", "--map-file", "{missing}"], "cannot be read"),
        (["report", "{records}", "--check", "{missing}", "-o", "{page}"], "cannot be read"),
        (["report", "{missing}", "-o", "{page}"], "no such file"),
    ],
)
def test_messages_name_no_errno_and_no_exception_class(tmp_path: Path, args: list[str], message: str) -> None:
    records = tmp_path / "facts.jsonl"
    if "{records}" in args:
        assert runner.invoke(app, ["extract", str(SEED), "-o", str(records), "--quiet", "-j", "1"]).exit_code == 0
    official = tmp_path / "official.csv"
    official.write_text("metric,year,value\nhomicide,2014,159\n", encoding="utf-8")
    missing, page = tmp_path / "[b]gone.json", tmp_path / "r.html"
    names = {"official": official, "missing": missing, "records": records, "page": page}
    result = runner.invoke(app, [a.format(**names) for a in args])
    assert result.exit_code == 2, result.output
    assert message in result.output and "[b]gone.json" in result.output
    assert "Errno" not in result.output and "Error:" not in result.output and "Traceback" not in result.output


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def replay(monkeypatch: pytest.MonkeyPatch, total: int, arrivals: list[float]) -> list[tuple[float, float | None]]:
    """(time, seconds left the meter claims) after each result arriving at `arrivals`."""
    clock = Clock()
    monkeypatch.setattr(terminal.time, "perf_counter", clock)
    meter = terminal.Throughput(total=total)
    claimed = []
    for now in arrivals:
        clock.now = now
        meter.tick(counted=True)
        claimed.append((now, meter.left()))
    return claimed


def batches(start: float, every: float, sizes: list[int], spread: float = 0.0) -> list[float]:
    """Arrival times of batches of `sizes` results, one batch every `every` seconds, the results
    of one batch `spread` seconds apart."""
    return [start + k * every + i * spread for k, size in enumerate(sizes) for i in range(size)]


def test_throughput_ignores_start_up_and_bursts(monkeypatch: pytest.MonkeyPatch) -> None:
    clock = Clock()
    monkeypatch.setattr(terminal.time, "perf_counter", clock)
    meter = terminal.Throughput(total=64)
    clock.now = 130.0  # the model took 30 s to load: not part of the rate
    for _ in range(16):  # the first batch of 16 comes at once
        meter.tick(counted=True)
    assert meter.rate() is None and meter.left() is None  # one batch says nothing of speed
    clock.now = 134.0
    meter.tick(counted=True)  # the first result of the next batch: that batch is not whole yet
    assert meter.rate() is None
    for _ in range(15):
        meter.tick(counted=True)
    clock.now = 138.0
    meter.tick(counted=True)  # a third batch begins: the second is whole, 16 articles in 4 s
    assert meter.rate() == pytest.approx(4.0)
    assert meter.left() == pytest.approx((64 - 33) / 4.0)
    for _ in range(10):
        meter.tick(counted=False)  # skipped by --resume: done, but no speed
    assert meter.done == 43 and meter.rate() == pytest.approx(4.0)


def test_the_first_result_of_a_batch_gives_no_rate(monkeypatch: pytest.MonkeyPatch) -> None:
    # two workers, chunks of 8: the first chunk at 6 s, the next chunk's first result 10 s later.
    # Counting that one result over 10 s once claimed 0.1 articles/s and nine minutes left.
    claimed = replay(monkeypatch, 78, [6.0] * 8 + [16.0])
    assert claimed[-1][1] is None


def test_a_batch_that_trickles_out_gives_no_rate(monkeypatch: pytest.MonkeyPatch) -> None:
    # one process, spaCy batches of 32: each batch's results come 0.1 s apart after 5 s of parsing;
    # the trickle is no speed (it once read as 10 articles/s and an ETA a third of the truth)
    arrivals = batches(20.0, 8.2, [32, 32, 32, 4], spread=0.1)
    claimed = replay(monkeypatch, len(arrivals), arrivals)
    assert all(left is None for now, left in claimed if now < arrivals[64])
    for now, left in claimed:
        if left is not None:
            assert left == pytest.approx(arrivals[-1] - now, rel=0.5, abs=8.2), now


@pytest.mark.parametrize("workers_every", [1.5, 3.0, 12.0])
def test_the_time_left_is_the_true_time_left(monkeypatch: pytest.MonkeyPatch, workers_every: float) -> None:
    arrivals = batches(26.0, workers_every, [8] * 40)  # 320 articles, a chunk of 8 every period
    claimed = replay(monkeypatch, len(arrivals), arrivals)
    shown = [(now, left) for now, left in claimed if left is not None]
    assert shown and shown[0][0] <= 26.0 + 3 * max(workers_every, 2.0)  # a rate soon after whole batches span 2 s
    for now, left in shown:  # never more than a batch period off, never 1829 s for 51 s
        assert abs(left - (arrivals[-1] - now)) <= workers_every + 1e-9, (now, left)


def test_logs_say_the_model_is_loading_and_give_no_rate_at_first(tmp_path: Path) -> None:
    result = runner.invoke(app, ["extract", str(SEED), "-o", str(tmp_path / "x.jsonl"), "-j", "1"])
    assert result.exit_code == 0
    assert "loading the spaCy model" in result.stderr
    assert "articles/s" not in result.stderr.split("run summary")[0]


@pytest.mark.parametrize("command", ["extract", "show", "check", "report", "eval", "train", "schema", "version"])
def test_help_shows_flags_as_flags_and_types_a_person_reads(command: str) -> None:
    result = runner.invoke(app, [command, "--help"], env={"COLUMNS": "120"})
    assert result.exit_code == 0
    assert "<bool>" not in result.stdout and "<list[" not in result.stdout and "list[Path]" not in result.stdout


def test_the_command_list_gives_one_line_each() -> None:
    result = runner.invoke(app, ["--help"], env={"COLUMNS": "100"})
    listed = result.stdout.split("Commands", 1)[1]
    rows = [line.strip("│ ") for line in listed.splitlines() if line.startswith("│")]
    assert [row.split()[0] for row in rows] == [
        "extract",
        "show",
        "schema",
        "eval",
        "check",
        "report",
        "timeline",
        "train",
        "version",
    ]


def test_the_summary_says_how_to_browse_the_database_with_its_labels(tmp_path: Path) -> None:
    records, db = tmp_path / "facts.jsonl", tmp_path / "facts.db"
    result = runner.invoke(app, ["extract", str(SEED), "-o", str(records), "--db", str(db), "-j", "1"])
    assert result.exit_code == 0, result.output
    assert f"records: {records}" in result.stdout
    # the metadata adds descriptions and facets, and names the label column too
    assert f"datasette {db} -m {tmp_path / 'facts.metadata.json'}" in result.stdout
    metadata = json.loads((tmp_path / "facts.metadata.json").read_text(encoding="utf-8"))
    assert metadata["databases"]["facts"]["tables"]["articles"]["label_column"] == "name"


def test_a_missing_dask_names_the_extra_with_its_brackets(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import sys

    monkeypatch.setitem(sys.modules, "distributed", None)  # importing it fails, as where it is not installed
    result = runner.invoke(app, ["extract", str(SEED), "-o", str(tmp_path / "x.jsonl"), "--engine", "dask", "-q"])
    assert result.exit_code == 3, result.output
    assert "pip install 'extractor[dask]'" in result.output and "Traceback" not in result.output


def test_a_bracketed_column_name_is_shown_as_written(tmp_path: Path) -> None:
    wide = tmp_path / "wide.csv"
    wide.write_text("year,homs_sum\n2014,159\n", encoding="utf-8")
    result = runner.invoke(app, ["check", str(SEED), "--official", str(wide), "--map", "homicide=[homs]"])
    assert result.exit_code == 2 and "missing column(s) [homs]" in result.output


def test_in_a_terminal_the_bar_waits_then_gives_the_true_rate(monkeypatch: pytest.MonkeyPatch) -> None:
    import io

    from rich.console import Console

    screen = io.StringIO()
    clock = Clock()
    monkeypatch.setattr(terminal.time, "perf_counter", clock)
    console = Console(file=screen, force_terminal=True, width=120)
    with terminal.RunProgress(console, quiet=False, total=40) as progress:
        progress("started")
        assert progress.bar is not None
        (task,) = progress.bar.tasks
        assert task.description == terminal.WAITING and task.completed == 0
        assert task.fields["rate"] == "estimating" and task.fields["left"] == ""  # never a blank, never a guess
        for at, size in ((120.0, 8), (122.0, 8), (124.0, 8)):  # a chunk of 8 every 2 s
            clock.now = at
            for _ in range(size):
                progress("written")
            if at == 120.0:  # the first batch is in: still no rate, and the bar says so
                assert task.description == "extracting" and task.fields["rate"] == "estimating"
        assert task.description == "extracting" and task.completed == 24
        assert task.fields["rate"] == "4.0 articles/s"  # 8 articles in the 2 s after the first batch
        assert task.fields["left"] == "about 4 s left"  # 16 left at 4/s


def test_the_summary_names_the_csv_files_written(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "fires.txt").write_text(ARTICLE, encoding="utf-8")
    (folder / "empty.txt").write_text("", encoding="utf-8")
    result = runner.invoke(app, ["extract", str(folder), "-o", str(tmp_path / "facts.csv"), "-j", "1"])
    assert result.exit_code == 1  # the empty file failed
    named = [line.split(None, 1)[1] for line in result.stdout.splitlines() if line.startswith(("records:", "errors:"))]
    assert named[0].startswith(f"{tmp_path / 'facts.articles.csv'}, {tmp_path / 'facts.figures.csv'}")
    assert named[1] == str(tmp_path / "facts.errors.csv")
    for written in (tmp_path / "facts.articles.csv", tmp_path / "facts.figures.csv", tmp_path / "facts.errors.csv"):
        assert written.exists()
    assert not (tmp_path / "facts.csv").exists() and not (tmp_path / "facts.errors.jsonl").exists()
