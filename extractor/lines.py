"""Lines of plain text as the page readers see them: the form lines are compared in
(`line_key`), their words, and whether a line reads as a sentence (`is_prose`). Read by body.py
(the article in a page), header.py and location.py (the dateline's paragraph), none of which
needs the others for it.

>>> is_prose("The county opened two new shelters for families on Friday, officials said.")
True
>>> line_key("  Recent News: ")
'recent news'
"""

from __future__ import annotations

from .rules import regexes

PROSE_MIN_WORDS = 8
PROSE_UNPUNCTUATED_MIN_WORDS = 15  # without sentence punctuation: longer than a headline
TERMINAL = ".!?:;\"'\u201d\u2019)\u00bb"


def line_key(line: str) -> str:
    """A line as compared with other lines: lowercase, one space, no punctuation at its ends."""
    return " ".join(line.lower().replace("\u2019", "'").split()).strip(" .,:;|/\\-\u2013\u2014*\u2022>\u00bb\u00ab")


def words(line: str) -> list[str]:
    return regexes.WORD_TOKEN.findall(line)


def is_truncated(line: str) -> bool:
    """A teaser cut short by the page: "... who is charged with one count …"."""
    return bool(regexes.TRUNCATED.search(line))


def is_prose(line: str) -> bool:
    """A line that reads as a sentence: eight words or more ending in sentence punctuation with
    some lowercase words, or fifteen or more (longer than a headline) mostly lowercase. Headlines
    (sentence case, title case, capitals) and teasers cut short are not prose."""
    ws = words(line)
    if len(ws) < PROSE_MIN_WORDS or len(line.split()) < PROSE_MIN_WORDS or is_truncated(line):
        return False
    lower = sum(1 for w in ws if w[0].islower()) / len(ws)
    if line.rstrip()[-1] in TERMINAL:
        return lower >= 0.25
    return lower >= 0.5 and len(ws) >= PROSE_UNPUNCTUATED_MIN_WORDS  # a sentence a line break cut


def is_release_header(line: str) -> bool:
    """A press office's header line ("FOR IMMEDIATE RELEASE", "NEWS RELEASE")."""
    return bool(regexes.RELEASE_HEADER.match(line.strip()))
