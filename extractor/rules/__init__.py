"""Rules as data: word lists and Matcher patterns live in JSON files beside this module, and every
regex the project uses (character shapes only) is named in `regexes`.

A word list has one home: another rules file names it by reference instead of copying it. A string
"@dates.json#months" anywhere in a file stands for the words (the keys, for a table) of that list:
`{"LOWER": {"IN": "@dates.json#months"}}` matches any month name; inside a list it stands for
those words among the others (`["@places.json#address_words", "mall"]`). A list a reference names
holds words, not references."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any

REFERENCE = "@"


@cache
def load(name: str) -> Any:
    """A rules data file of this package, parsed, its references resolved (`figures.json`...)."""
    return _resolved(_parsed(name))


@cache
def _parsed(name: str) -> Any:
    return json.loads(resources.files(__package__).joinpath(name).read_text(encoding="utf-8"))


def _is_reference(value: Any) -> bool:
    return isinstance(value, str) and value.startswith(REFERENCE) and ".json#" in value


def _referenced(reference: str) -> list[Any]:
    name, _, key = reference[len(REFERENCE) :].partition("#")
    return list(_parsed(name)[key])


def _resolved(value: Any) -> Any:
    if _is_reference(value):
        return _referenced(value)
    if isinstance(value, dict):
        return {k: _resolved(v) for k, v in value.items()}
    if isinstance(value, list):  # a reference among other words stands for its words there
        resolved: list[Any] = []
        for v in value:
            resolved += _referenced(v) if _is_reference(v) else [_resolved(v)]
        return resolved
    return value
