"""Every example in `--help` runs as written from the repository root, in the order a newcomer
would try them (extract first: later examples read its output)."""

from __future__ import annotations

import os
import shlex
import subprocess
import sys
from pathlib import Path

import pytest
import typer.main

from extractor.cli import app
from tests.conftest import ROOT

BIN = Path(sys.executable).parent
# extract and check say "1" for a finding (an article failed, a figure mismatches), not for a broken example
FINDING_EXIT = {"check": 1}
ORDER = ["extract", "show", "check", "report", "timeline", "eval", "train", "schema", "version"]


def examples(help_text: str) -> list[str]:
    lines = help_text.split("Example:", 1)[1].splitlines() if "Example:" in help_text else []
    return [line.strip() for line in lines if line.strip().startswith("extractor ")]


def all_examples() -> list[tuple[str, str]]:
    group = typer.main.get_command(app)
    found = [("extractor", e) for e in examples(group.help or "")]
    commands = getattr(group, "commands", {})
    assert set(commands) <= set(ORDER), f"add new commands to ORDER: {set(commands) - set(ORDER)}"
    for name in ORDER:
        found += [(name, e) for e in examples(commands[name].help or "")]
    return found


def test_every_command_has_an_example() -> None:
    group = typer.main.get_command(app)
    for name, command in getattr(group, "commands", {}).items():
        assert examples(command.help or ""), f"`extractor {name} --help` has no example"


def test_every_help_example_runs_from_the_repository_root() -> None:
    env = {**os.environ, "PATH": f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}"}
    for name, example in all_examples():
        words = shlex.split(example)
        assert words[0] == "extractor"
        done = subprocess.run(example, shell=True, cwd=ROOT, env=env, capture_output=True, text=True, timeout=600)
        allowed = {0, FINDING_EXIT.get(name, 0)}
        shown = f"{example}\n--- exit {done.returncode}\n{done.stdout[-1500:]}\n{done.stderr[-1500:]}"
        assert done.returncode in allowed, shown
        assert "Traceback" not in done.stderr, shown


@pytest.mark.parametrize("help_text", ["Example:\n\n  extractor a b\n  not a command\n  extractor c\n", "none"])
def test_examples_are_read_from_help(help_text: str) -> None:
    assert examples(help_text) == (["extractor a b", "extractor c"] if "Example" in help_text else [])
