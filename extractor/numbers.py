"""Numbers as written in press: digits with separators and number words."""

from __future__ import annotations

from .rules import load, regexes


def _words() -> dict[str, int]:
    return {k: int(v) for k, v in load("numbers.json")["words"].items()}


_WORDS = _words()
# every token that can start a number word: "forty" of "forty-two", "dozen"
NUMBER_WORDS = frozenset(_WORDS) | frozenset(w.split("-")[0] for w in _WORDS)
SCALES: dict[str, int] = {k: int(v) for k, v in load("numbers.json")["scales"].items()}


def word_value(text: str) -> int | None:
    """'forty-two' -> 42, 'twelve' -> 12, 'dozen' -> 12; None for anything else."""
    low = text.lower()
    if low in _WORDS:
        return _WORDS[low]
    if "-" in low:
        tens, _, unit = low.partition("-")
        if (
            tens in _WORDS
            and unit in _WORDS
            and _WORDS[tens] % 10 == 0
            and 20 <= _WORDS[tens] <= 90
            and _WORDS[unit] < 10
        ):
            return _WORDS[tens] + _WORDS[unit]
    return None


def token_value(text: str) -> float | None:
    """The value of one token: '1,204' -> 1204.0, '12.5' -> 12.5, 'forty-two' -> 42.0."""
    if regexes.NUMBER.fullmatch(text):
        return float(text.replace(",", ""))
    value = word_value(text)
    return float(value) if value is not None else None
