"""The README's quick start runs as written (issue #28): its lines are read from README.md and run
one by one in a shell, in a fresh folder holding a few articles of corpus/ and a small official
CSV under the names the README uses. `make demo` is stood in for by its own recipe from the
Makefile (it would build a venv), activating the venv by putting this interpreter's bin folder
first on PATH, and `pip install datasette` by the datasette installed here (a serving datasette
would never end: `--get` asks it for one page instead)."""

from __future__ import annotations

import json
import os
import re
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import CORPUS, ROOT

ARTICLES = ("st-louis-homicides.txt", "a-baltimore-homicides.txt", "b-tulsa-robberies.txt")
OFFICIAL = "metric,year,value,location,source\nhomicide,2014,159,St. Louis,FBI UCR 2014\n"


def quick_start() -> list[str]:
    """The command lines of the README's quick start, comments dropped."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = re.search(r"<!-- quick start -->\n```sh\n(.*?)```\n<!-- /quick start -->", readme, re.S)
    assert block, "README.md has no quick start block"
    lines = [re.sub(r"\s+#.*$", "", line).strip() for line in block.group(1).splitlines()]
    return [line for line in lines if line]


def demo_recipe() -> str:
    """What `make demo` runs, from the Makefile, with the venv's bin folder left to PATH."""
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    recipe = re.search(r"^demo:.*\n\t(.+)$", makefile, re.M)
    assert recipe, "the Makefile has no demo recipe"
    return recipe.group(1).replace("$(BIN)/", "")


def test_the_quick_start_is_near_the_top_and_names_every_step() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8").splitlines()
    assert "make demo" in readme[2] and "make test" in readme[3]  # the README still opens with the two commands
    end = next(i for i, line in enumerate(readme) if line == "<!-- /quick start -->")
    assert end < 40
    commands = quick_start()
    assert commands[0] == "make demo" and commands[1] == ". .venv/bin/activate"
    for step in ("extractor extract", "extractor check", "extractor report", "datasette "):
        assert any(c.startswith(step) for c in commands), step


def test_the_quick_start_runs_as_written(tmp_path: Path) -> None:
    (tmp_path / "corpus" / "official").mkdir(parents=True)
    for name in (*ARTICLES, ".extractorignore"):  # the ignore file keeps official/ from being read as articles
        shutil.copy(CORPUS / name, tmp_path / "corpus" / name)
    (tmp_path / "corpus" / "official" / "ucr_violent_crime_1975_2015.csv").write_text(OFFICIAL, encoding="utf-8")
    bin_dir = str(Path(sys.executable).parent)
    env = {**os.environ, "PATH": bin_dir + os.pathsep + os.environ.get("PATH", ""), "PYTHONPATH": str(ROOT)}
    env.pop("COLUMNS", None)
    datasette = shutil.which("datasette", path=bin_dir)
    ran = []
    for command in quick_start():
        if command == "make demo":
            command = demo_recipe()
        elif command == ". .venv/bin/activate":
            continue  # PATH already leads to the venv's extractor
        elif command.startswith("pip install"):
            if not datasette:
                pytest.skip("datasette is not installed here (pip install datasette)")
            continue
        elif command.startswith("datasette "):
            command += " --get /facts/figures.json?_shape=array"
        done = subprocess.run(
            ["bash", "-c", command], cwd=tmp_path, env=env, capture_output=True, text=True, timeout=600
        )
        assert done.returncode == 0, (command, done.stdout[-2000:], done.stderr[-2000:])
        ran.append((command, done.stdout))
    out = tmp_path / "out"
    records = [json.loads(line) for line in (out / "facts.jsonl").read_text(encoding="utf-8").splitlines()]
    assert sorted(r["id"] for r in records) == sorted(Path(name).stem for name in ARTICLES)
    checks = json.loads((out / "check.json").read_text(encoding="utf-8"))
    assert any(r["status"] == "match" and r["year"] == 2014 and r["official"] == 159 for r in checks)
    shown = next(stdout for command, stdout in ran if command.startswith("extractor check") and "--json" not in command)
    assert shown.startswith("extractor check:") and "FBI UCR 2014" in shown
    assert "st-louis-homicides" in (out / "report.html").read_text(encoding="utf-8")
    with sqlite3.connect(out / "facts.db") as con:
        assert con.execute("select count(*) from articles").fetchone()[0] == len(ARTICLES)
    figures = json.loads(ran[-1][1])  # what Datasette serves from the database
    assert figures and all(isinstance(f["count"], int) for f in figures if float(f["count"]).is_integer())


def test_quality_tables_live_in_docs_with_a_summary_in_the_readme() -> None:
    """benchmarks/quality_tables.py fills every set's table in docs/QUALITY.md and the README's
    summary: each block it writes is where it looks for it, and the summary names every set."""
    from benchmarks import quality_tables

    quality = (ROOT / "docs" / "QUALITY.md").read_text(encoding="utf-8")
    for name in quality_tables.SETS:
        assert quality_tables.filled(quality, name, "| x |", "QUALITY.md") is not None, name
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    summary = readme.split("<!-- summary table -->\n", 1)[1].split("<!-- /summary table -->", 1)[0]
    assert [line.split("|")[1].strip() for line in summary.splitlines()[2:]] == list(
        quality_tables.SUMMARY_SETS.values()
    )
    assert "<!-- press-dev-check table -->" not in readme  # the full tables moved out of the README
