"""Rules as data: word lists and Matcher patterns live in JSON files beside this module, and every
regex the project uses (character shapes only) is named in `regexes`.

A word list has one home: another rules file names it by reference instead of copying it. A string
"@dates.json#months" anywhere in a file stands for the words (the keys, for a table) of that list:
`{"LOWER": {"IN": "@dates.json#months"}}` matches any month name."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any

REFERENCE = "@"


@cache
def load(name: str) -> Any:
    """A rules data file of this package, parsed, its references resolved (`figures.json`...)."""
    data = json.loads(resources.files(__package__).joinpath(name).read_text(encoding="utf-8"))
    return _resolved(data)


def _resolved(value: Any) -> Any:
    if isinstance(value, str) and value.startswith(REFERENCE) and ".json#" in value:
        name, _, key = value[len(REFERENCE) :].partition("#")
        return list(load(name)[key])
    if isinstance(value, dict):
        return {k: _resolved(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_resolved(v) for v in value]
    return value
