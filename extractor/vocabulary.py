"""The shared vocabulary: word lists that more than one extractor reads, each loaded once from its
one rules file, and the plain readers of them. Nothing here needs spaCy, so `check` and `eval`
import it without loading a model.

- month names (rules/dates.json `months`): `MONTHS["sept."] == 9`;
- relative years (rules/dates.json `relative_years`): "last year" is -1, "the year before" is the
  year before the one just named ("before"); words that date an amount of time back ("ago");
- superlatives (rules/superlatives.json): `SUPERLATIVES["fewest"] == "low"`;
- plurals (rules/plurals.json): `singular("Children") == "child"`.

Number words, scale words and the qualifiers of a number ("more than") are in extractor/numbers.py."""

from __future__ import annotations

from .rules import derived, grouped, load

MONTHS: dict[str, int] = derived(lambda: load("dates.json")["months"])

RelativeYear = int | str  # an offset from the publication year, "before": the year before the one named, "same": it
RELATIVE_YEARS: dict[tuple[str, ...], RelativeYear] = derived(lambda: {
    tuple(phrase.split()): offset for phrase, offset in load("dates.json")["relative_years"].items()
})
# relative-year phrases by their first word, longest first, so that a token is checked against few
RELATIVE_BY_FIRST: dict[str, list[tuple[tuple[str, ...], RelativeYear]]] = derived(lambda: grouped(
    (kv[0][0], kv) for kv in sorted(RELATIVE_YEARS.items(), key=lambda kv: -len(kv[0]))
))

# after an amount of time, these date it back: "two years ago", "29,430 a year earlier"
AGO_WORDS = derived(lambda: frozenset(load("dates.json")["ago_words"]))

SUPERLATIVES: dict[str, str] = derived(lambda: load("superlatives.json")["words"])
LOW_SUPERLATIVES = derived(lambda: frozenset(word for word, end in SUPERLATIVES.items() if end == "low"))

IRREGULAR_PLURALS: dict[str, str] = derived(lambda: load("plurals.json")["irregular"])


def singular(word: str) -> str:
    """The lowercase singular of a noun by its ending, irregular plurals by table:
    "Homicides" -> "homicide", "injuries" -> "injury", "children" -> "child", "status" -> "status"."""
    low = word.lower()
    if low in IRREGULAR_PLURALS:
        return IRREGULAR_PLURALS[low]
    if len(low) <= 3 or low.endswith(("ss", "us", "is", "ics")):
        return low
    if low.endswith("ies"):
        return low[:-3] + "y"
    if low.endswith(("ches", "shes", "xes", "sses", "zes")):
        return low[:-2]
    if low.endswith("s"):
        return low[:-1]
    return low
