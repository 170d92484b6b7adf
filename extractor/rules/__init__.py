"""Rules as data: word lists and Matcher patterns live in JSON files beside this module, and every
regex the project uses (character shapes only) is named in `regexes`."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any


@cache
def load(name: str) -> Any:
    """A rules data file of this package, parsed (`figures.json`, `titles.json`...)."""
    return json.loads(resources.files(__package__).joinpath(name).read_text(encoding="utf-8"))
