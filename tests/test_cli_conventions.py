"""Command-line conventions a script relies on: `-` for standard input and output, the output
format from the file name, --version, plain messages, exit 2 for usage errors, honest progress."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from extractor import __version__, cli
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


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_throughput_ignores_start_up_and_bursts(monkeypatch: pytest.MonkeyPatch) -> None:
    clock = Clock()
    monkeypatch.setattr(cli.time, "perf_counter", clock)
    meter = cli.Throughput(total=64)
    clock.now = 130.0  # the model took 30 s to load: not part of the rate
    for _ in range(16):  # the first batch of 16 comes at once
        meter.tick(counted=True)
    assert meter.rate() is None and meter.left() is None  # one batch says nothing of speed
    clock.now = 134.0
    for _ in range(16):  # the next batch 4 s later: 4 articles/s
        meter.tick(counted=True)
    assert meter.rate() == pytest.approx(4.0)
    assert meter.left() == pytest.approx(8.0)  # 32 left at 4/s
    for _ in range(10):
        meter.tick(counted=False)  # skipped by --resume: done, but no speed
    assert meter.done == 42 and meter.rate() == pytest.approx(4.0)


def test_logs_say_the_model_is_loading_and_give_no_rate_at_first(tmp_path: Path) -> None:
    result = runner.invoke(app, ["extract", str(SEED), "-o", str(tmp_path / "x.jsonl"), "-j", "1"])
    assert result.exit_code == 0
    assert "loading the spaCy model" in result.stderr
    assert "articles/s" not in result.stderr.split("run summary")[0]
