"""Numbers as written in press: digits with separators and number words, the words that qualify a
number ("more than 1,200"), and the token shapes of numbers that are no counts (years, phone
numbers). The number words, scales and qualifiers are in rules/numbers.json."""

from __future__ import annotations

from typing import TYPE_CHECKING

from text_to_num import text2num

from .models import Qualifier
from .rules import derived, grouped, load, regexes

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token


def _words() -> dict[str, int]:
    return {k: int(v) for k, v in load("numbers.json")["words"].items()}


_WORDS = derived(_words)
# every token that can start a number word: "forty" of "forty-two", "dozen"
NUMBER_WORDS = derived(lambda: frozenset(_WORDS) | frozenset(w.split("-")[0] for w in _WORDS))
SCALES: dict[str, int] = derived(lambda: {k: int(v) for k, v in load("numbers.json")["scales"].items()})


NUMBER_JOINERS = frozenset({"and", "-"})
# "more than", "nearly": the qualifier of the number after it, longest phrases first
QUALIFIERS: list[tuple[list[str], Qualifier]] = derived(
    lambda: sorted(
        (
            (phrase.split(), Qualifier(kind))
            for kind, phrases in load("numbers.json")["qualifiers"].items()
            for phrase in phrases
        ),
        key=lambda pair: -len(pair[0]),
    )
)

# the same phrases by their last word, longest first: only those can end right before a number
QUALIFIERS_BY_LAST: dict[str, list[tuple[list[str], Qualifier]]] = derived(
    lambda: grouped((q[0][-1], q) for q in QUALIFIERS)
)


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


def qualifier_before(low: list[str], i: int, floor: int) -> tuple[Qualifier, int]:
    """The qualifier of the number at word i of the lowercase words `low` (none before `floor`),
    and where it starts: ["more", "than", "40"] at 2 -> (at_least, 0); no qualifier -> (exact, i)."""
    for words, qualifier in QUALIFIERS_BY_LAST.get(low[i - 1], ()) if i > 0 else ():
        start = i - len(words)
        if start >= floor and low[start:i] == words:
            return qualifier, start
    return Qualifier.exact, i


def is_year_token(token: Token) -> bool:
    """A four-digit year ("2023"), not an amount or a number ("$2023", "No. 2019"), nor the last
    group of a phone number ("555-201-1987")."""
    return (
        bool(regexes.YEAR.fullmatch(token.text))
        and not (token.i > 0 and token.doc[token.i - 1].text in ("$", "#", "No."))
        and not ends_phone_number(token)
    )


def ends_phone_number(token: Token) -> bool:
    """The last group of a phone number, joined to the group before it by a hyphen or a dot with no
    space ("555-201-1987", "(555) 201-1987"): four digits after a group of three."""
    doc, i = token.doc, token.i
    if i < 2 or len(token.text) != 4 or not token.text.isdigit():
        return False
    joiner, group = doc[i - 1], doc[i - 2]
    return (
        joiner.text in ("-", ".", "\u2013")
        and not joiner.whitespace_
        and not group.whitespace_
        and len(group.text) == 3
        and group.text.isdigit()
    )


def _bare_number(token: Token) -> bool:
    return token.text[:1].isdigit() and token.like_num


def in_number_run(doc: Doc, first: int, last: int | None = None) -> bool:
    """Whether the number at tokens first..last stands beside other bare numbers, space apart: a
    phone number or a code ("0151 702 2071"), no count or year."""
    last = first if last is None else last
    left = doc[first - 1] if first > 0 else None
    right = doc[last + 1] if last + 1 < len(doc) else None
    return bool(
        (left is not None and left.whitespace_ and _bare_number(left))
        or (right is not None and doc[last].whitespace_ and _bare_number(right))
    )
