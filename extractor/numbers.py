"""Numbers as written in press: digits with separators and number words."""

from __future__ import annotations

from text_to_num import text2num

from .rules import load, regexes


def _words() -> dict[str, int]:
    return {k: int(v) for k, v in load("numbers.json")["words"].items()}


_WORDS = _words()
# every token that can start a number word: "forty" of "forty-two", "dozen"
NUMBER_WORDS = frozenset(_WORDS) | frozenset(w.split("-")[0] for w in _WORDS)
SCALES: dict[str, int] = {k: int(v) for k, v in load("numbers.json")["scales"].items()}


NUMBER_JOINERS = frozenset({"and", "-"})


def words_value(words: list[str]) -> tuple[int, int] | None:
    """The value of the longest run of number words opening `words` and how many words it takes,
    read by text2num: ["two", "hundred", "fifty", "people"] -> (250, 3); ["three", "thousand",
    "five", "hundred"] -> (3500, 4); None when the first word is no number word."""
    n = 0
    while n < len(words) and (words[n] in NUMBER_WORDS or words[n] in SCALES or words[n] in NUMBER_JOINERS):
        n += 1
    while n > 0:
        while n > 0 and words[n - 1] in NUMBER_JOINERS:
            n -= 1
        if n == 0:
            return None
        phrase = " ".join(words[:n]).replace(" - ", "-")
        try:
            return int(text2num(phrase, "en")), n
        except ValueError:
            n -= 1
    return None


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
