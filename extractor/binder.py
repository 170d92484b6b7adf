"""The figure binder: a small trained model that decides, for each count the rules read as a figure,
whether it is a yearly statistic at all and which year of its sentence it belongs to.

The rules (extractor/figures.py) propose candidates: every figure they found, and for a count bound
to a year of its own sentence, the same count bound to each other year that sentence names (so the
model chooses a binding instead of only accepting or rejecting one). Each candidate is described by
a few dozen general features read from the parse and its context (where the year sits, what lies
between, what the counted noun is, whether the sentence speaks of one criminal case); a logistic
model weighs them. Per count the best-scoring binding is kept when it scores at or above the
threshold. The model is a JSON file of feature names and weights (`binder_model.json`), applied
here with plain Python: running needs no scikit-learn and fetches nothing. `extractor.train`
rebuilds it.

Which design runs is switchable: `bind(doc, mentions, design="rules")` returns the rules' figures
untouched, `design="model"` applies the model, `design="veto"` keeps the rules' own bindings and
lets the model only reject a figure it finds very unlikely (under the veto threshold, a low one:
the model never moves a year there); without the argument, `$EXTRACTOR_BINDER` decides ("rules",
"model" or "veto"), else `DEFAULT_DESIGN`.

Example:

    >>> nlp = build_nlp()
    >>> doc = nlp("Prosecutors filed three felony counts against him in 2023.")
    >>> [f.count for f in bind(doc, doc._.figure_mentions, design="model")]
    []
"""

from __future__ import annotations

import json
import math
import os
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any

from spacy.tokens import Doc, Span, Token

from .components import doc_text, lowers, memo, sentences
from .figures import clause_verb
from .models import Basis, Figure
from .numbers import is_year_token
from .rules import derived, load
from .timex import YearMention, years_in
from .vocabulary import singular

RULES = derived(lambda: load("binder.json"))
CASE_LEMMAS = derived(lambda: frozenset(RULES["case_lemmas"]))
STAT_LEMMAS = derived(lambda: frozenset(RULES["stat_lemmas"]))
PERSON_NOUNS = derived(lambda: frozenset(RULES["person_nouns"]))
GROUP_NOUNS = derived(lambda: frozenset(RULES["group_nouns"]))
CASE_NOUNS = derived(lambda: frozenset(RULES["case_nouns"]))
YEAR_PREPOSITIONS = derived(lambda: frozenset(RULES["year_prepositions"]))
LIST_MARKERS = derived(lambda: tuple(RULES["list_markers"]))

MODEL_FILE = "binder_model.json"
DESIGNS = ("rules", "model", "veto")
DEFAULT_DESIGN = "rules"  # scored higher on the check halves (docs/INTERNALS.md, "The figure binder")
ENV = "EXTRACTOR_BINDER"
SMALL_COUNT = 20  # under this, a count is as likely a detail of one case or event as a statistic
SINGLE_PERSON_PRONOUNS = frozenset(("he", "she", "him", "her", "his"))
CROSSED = ("noun_person", "noun_group", "noun_case", "case_sentence", "person_sentence", "det_before", "count_word")
CARRIED_LOOKBACK = 12  # sentences searched back for the year a carried figure names
COUNT_DEPS = frozenset(
    ("nummod", "compound", "dobj", "nsubj", "nsubjpass", "pobj", "appos", "conj", "attr", "npadvmod")
)
NOUN_DEPS = frozenset(("nsubj", "nsubjpass", "dobj", "pobj", "attr", "conj", "appos", "ROOT", "compound"))


@dataclass
class Candidate:
    """One binding of one count: the figure it would be, the count it binds (`group`: the count's
    token index, so that the bindings of one count compete) and its features."""

    figure: Figure
    group: int
    features: dict[str, float] = field(default_factory=dict)
    alternative: bool = False  # the same count bound to another year of its sentence


# --- reading the Doc ---------------------------------------------------------------------------


def _doc_lemmas(doc: Doc) -> tuple[list[str], frozenset[int]]:
    """Each token's lemma (lowercase) and the sentences (by index) that hold case vocabulary, built
    once per Doc."""
    cached = memo(doc).get("extractor_binder_lemmas")
    if cached is None:
        lemmas = [t.lemma_.lower() for t in doc]
        starts = [s.start for s in sentences(doc)]
        case_sents = frozenset(bisect_right(starts, i) - 1 for i, lem in enumerate(lemmas) if lem in CASE_LEMMAS)
        cached = memo(doc)["extractor_binder_lemmas"] = (lemmas, case_sents)
    return cached


def _sentence_index(doc: Doc, i: int) -> int:
    starts = memo(doc).get("extractor_binder_starts")
    if starts is None:
        starts = memo(doc)["extractor_binder_starts"] = [s.start for s in sentences(doc)]
    return bisect_right(starts, i) - 1


def _years_of_sentence(doc: Doc, k: int) -> list[YearMention]:
    """The years a sentence names (relative ones resolved against the publication date), once per
    sentence."""
    table: dict[int, list[YearMention]] = memo(doc).setdefault("extractor_binder_years", {})
    if k not in table:
        sent = sentences(doc)[k]
        table[k] = years_in(doc, sent.start, sent.end, doc._.published, None, [])
    return table[k]


def _count_token(doc: Doc, span: Span, figure: Figure) -> Token | None:
    """The token where the figure's count starts inside its evidence: the number of that value, else
    the first number that is no year."""
    first: Token | None = None
    for t in span:
        value = t._.number
        if value is None or is_year_token(t):
            continue
        if first is None:
            first = t
        if abs(float(value) - float(figure.count)) < 1e-9 or (t.i + 1 < len(doc) and doc[t.i + 1]._.number is not None):
            return t
    return first


def _metric_noun(doc: Doc, sent: Span, count: Token, metric: str) -> Token | None:
    """The noun the metric was read from: the word of its head noun nearest the count in its
    sentence (after it first)."""
    head = singular(metric.split()[-1])
    low = lowers(doc)
    best: Token | None = None
    best_distance = 10**6
    for i in range(sent.start, sent.end):
        if singular(low[i]) == head:
            distance = i - count.i if i > count.i else (count.i - i) + 20
            if distance < best_distance:
                best, best_distance = doc[i], distance
    return best


def _tree_distance(a: Token, b: Token) -> int:
    """The number of dependency arcs between two tokens of one sentence."""
    up: dict[int, int] = {}
    t, steps = a, 0
    while True:
        up[t.i] = steps
        if t.head.i == t.i or steps > 40:
            break
        t, steps = t.head, steps + 1
    t, steps = b, 0
    while t.i not in up and t.head.i != t.i and steps <= 40:
        t, steps = t.head, steps + 1
    return steps + up.get(t.i, 40)


def _in_quote(text: str, char: int) -> bool:
    """Whether a character sits inside quote marks opened earlier on its line."""
    line_start = text.rfind("\n", 0, char) + 1
    before = text[line_start:char]
    return before.count("\u201c") > before.count("\u201d") or before.count('"') % 2 == 1


def _bucket(value: float, edges: tuple[float, ...], name: str) -> str:
    """`name=<edge` for the first edge the value is under, else `name=>last`: a number as a few
    binary features."""
    for edge in edges:
        if value < edge:
            return f"{name}<{edge:g}"
    return f"{name}>={edges[-1]:g}"


# --- features ----------------------------------------------------------------------------------


@dataclass
class _Place:
    """Where a count sits: its token, sentence, noun and the Doc-level facts features read."""

    doc: Doc
    count: Token
    sent: Span
    k: int
    noun: Token | None
    lemmas: list[str]
    case_sents: frozenset[int]


def _flags(features: dict[str, float], flags: dict[str, bool]) -> dict[str, float]:
    """The features with every flag that holds set to 1."""
    features.update((name, 1.0) for name, holds in flags.items() if holds)
    return features


def _count_features(place: _Place, figure: Figure) -> dict[str, float]:
    """What the count says, whatever its year: its size and form, its role, the noun it counts, the
    sentence around it; a handful crossed with the classes that make a handful no statistic."""
    doc, count, sent = place.doc, place.count, place.sent
    text = doc_text(doc)
    f: dict[str, float] = {"bias": 1.0, f"basis={figure.basis.value}": 1.0, f"qualifier={figure.qualifier.value}": 1.0}
    f[_bucket(float(figure.count), (2, 10, 100, 1000), "count")] = 1.0
    f[f"count_dep={count.dep_ if count.dep_ in COUNT_DEPS else 'other'}"] = 1.0
    before = doc[count.i - 1] if count.i > sent.start else None
    numbers = [t for t in sent if t._.number is not None and not is_year_token(t)]
    f[_bucket(len(numbers), (2, 3, 5), "counts_in_sentence")] = 1.0
    line_start = text.rfind("\n", 0, count.idx) + 1
    _flags(
        f,
        {
            "count_word": count.is_alpha,  # "eight": details are written in words more often than tallies
            "period": bool(figure.period),
            # "the eight prosecutors", "all four districts": a known group, not a tally
            "det_before": before is not None
            and (before.pos_ == "DET" or before.tag_ == "PRP$" or before.lower_ in ("all", "each", "the")),
            "in_quote": _in_quote(text, count.idx),
            "list_item": text[line_start : count.idx].lstrip().startswith(tuple(LIST_MARKERS)),
            "first_line": "\n" not in text[: count.idx].strip(),
            "first_count": bool(numbers) and numbers[0].i == count.i,
        },
    )
    f.update(_noun_features(place))
    f.update(_sentence_features(place))
    if figure.count < SMALL_COUNT:
        # a handful of one thing is a statistic far less often when the thing is a person, a group,
        # a part of a case or a count with a determiner ("the eight ..."): those classes, crossed
        f.update((f"small*{name}", 1.0) for name in CROSSED if name in f)
    return f


def _noun_features(place: _Place) -> dict[str, float]:
    """The counted noun: its role in the sentence and its class (a person, a group, a part of a
    case, a name)."""
    count, noun = place.count, place.noun
    if noun is None:
        return {"noun_missing": 1.0}  # the metric came from elsewhere: another count's, the sentence's
    head = singular(noun.text)
    return _flags(
        {f"noun_dep={noun.dep_ if noun.dep_ in NOUN_DEPS else 'other'}": 1.0},
        {
            "noun_person": head in PERSON_NOUNS,
            "noun_group": head in GROUP_NOUNS,
            "noun_case": head in CASE_NOUNS,
            "noun_proper": noun.pos_ == "PROPN" or noun.ent_type_ in ("PERSON", "ORG", "LAW", "GPE"),
            "noun_is_head": count.head.i == noun.i,
            "noun_far": abs(noun.i - count.i) > 3,
        },
    )


def _sentence_features(place: _Place) -> dict[str, float]:
    """The sentence of the count: case vocabulary, the verb of the count's clause, a tally's "there
    were", a named person or "he"/"she" (one case's details, more often than not)."""
    sent, lemmas = place.sent, place.lemmas
    verb = lemmas[clause_verb(place.count).i]
    return _flags(
        {},
        {
            "case_sentence": place.k in place.case_sents,
            "verb_case": verb in CASE_LEMMAS,  # "charged with", "convicted of", "sentenced to"
            "verb_stat": verb in STAT_LEMMAS and verb not in CASE_LEMMAS,  # "recorded", "reported"
            "existential": any(t.dep_ == "expl" for t in sent),  # "there were 41 ...": a tally
            "person_sentence": any(t.ent_type_ == "PERSON" or t.lower_ in SINGLE_PERSON_PRONOUNS for t in sent),
            "stat_sentence": any(lemmas[i] in STAT_LEMMAS for i in range(sent.start, sent.end)),
        },
    )


def _year_features(
    place: _Place, figure: Figure, year: YearMention | None, years: list[YearMention]
) -> dict[str, float]:
    """Where the figure's year is read: beside the count, elsewhere in the sentence, or carried
    from earlier text; its order, distance and what stands between; how old it is."""
    doc, count = place.doc, place.count
    f: dict[str, float] = {}
    published = doc._.published
    own = [y for y in years if not y.anchored]
    f[_bucket(len(own), (1, 2, 3), "years_in_sentence")] = 1.0
    if published is not None:
        age = published.year - figure.year
        f["year_future" if age < 0 else _bucket(age, (1, 2, 6, 20), "year_age")] = 1.0
    else:
        f["undated"] = 1.0
    if year is None:
        f["year_carried"] = 1.0
        distance = _carried_distance(doc, place.k, figure.year)
        f["carried_far" if distance is None else _bucket(distance, (2, 4), "carried")] = 1.0
        return f
    relative = not any(is_year_token(t) for t in doc[year.start : year.end])
    f["year_relative" if relative else "year_explicit"] = 1.0
    if year.anchored:
        f["year_anchored"] = 1.0
    after = year.start >= count.i
    gap = year.start - count.i if after else count.i - year.end
    f["year_after" if after else "year_before"] = 1.0
    f[_bucket(gap, (3, 6, 11), "year_gap")] = 1.0
    lo, hi = (count.i + 1, year.start) if after else (year.end, count.i)
    between = doc[lo:hi]
    if any(t.text == "," for t in between):
        f["between_comma"] = 1.0
    if any(t.text in (";", ":") for t in between):
        f["between_semicolon"] = 1.0
    if any(t.text in ("(", ")") for t in between):
        f["between_paren"] = 1.0
    if any(t.pos_ == "CCONJ" for t in between):
        f["between_conj"] = 1.0
    if any(t.pos_ == "VERB" for t in between):
        f["between_verb"] = 1.0
    if any(t._.number is not None and not is_year_token(t) for t in between):
        f["between_number"] = 1.0
    prep = doc[year.start - 1].lower_ if year.start > 0 else ""
    f[f"year_prep={prep if prep in YEAR_PREPOSITIONS else 'other'}"] = 1.0
    if clause_verb(count).i == clause_verb(doc[year.start]).i:
        f["same_clause"] = 1.0
    f[_bucket(_tree_distance(count, doc[year.end - 1]), (3, 5, 8), "tree_distance")] = 1.0
    if year.start == place.sent.start or (year.start == place.sent.start + 1 and prep in YEAR_PREPOSITIONS):
        f["year_opens_sentence"] = 1.0  # "In 2022, ...": a frame for the sentence's counts
    nearest = min(own, key=lambda y: abs(y.start - count.i), default=None)
    if nearest is year:
        f["year_nearest"] = 1.0
    return f


def _carried_distance(doc: Doc, k: int, year: int) -> int | None:
    """How many sentences back the year a carried figure takes is named; None when not found."""
    for back in range(1, CARRIED_LOOKBACK + 1):
        if k - back < 0:
            return None
        if any(y.year == year for y in _years_of_sentence(doc, k - back)):
            return back
    return None


def candidates(doc: Doc, mentions: list[Figure]) -> list[Candidate]:
    """The rules' figures as candidates with their features, and for a count the rules bound to a
    year of its own sentence, the same count bound to each other year of that sentence.

    Example:

        >>> doc = nlp("The unit made 40 arrests in 2022 and 55 in 2023.")
        >>> sorted((c.figure.year, c.figure.count, c.alternative) for c in candidates(doc, doc._.figure_mentions))
        [(2022, 40, False), (2022, 55, True), (2023, 40, True), (2023, 55, False)]
    """
    found: list[Candidate] = []
    lemmas, case_sents = _doc_lemmas(doc) if mentions else ([], frozenset())
    for figure in mentions:
        span = doc.char_span(figure.start, figure.end, alignment_mode="expand")
        count = _count_token(doc, span, figure) if span is not None else None
        if count is None:  # nothing to read: the rules' figure stands as it is
            found.append(Candidate(figure, -1 - len(found), {"bias": 1.0, "unread": 1.0}))
            continue
        k = _sentence_index(doc, count.i)
        sent = sentences(doc)[k]
        noun = _metric_noun(doc, sent, count, figure.metric)
        place = _Place(doc, count, sent, k, noun, lemmas, case_sents)
        years = _years_of_sentence(doc, k)
        base = _count_features(place, figure)
        own = [y for y in years if y.year == figure.year]
        year = min(own, key=lambda y: abs(y.start - count.i)) if own else None
        if figure.basis in (Basis.paragraph, Basis.list_header, Basis.headline):
            year = None  # the year was carried, even where the sentence repeats it
        found.append(Candidate(figure, count.i, base | _year_features(place, figure, year, years)))
        if figure.basis not in (Basis.phrase, Basis.sentence) or year is None:
            continue
        for other in years:
            if other.year == figure.year or other.anchored:
                continue
            alt = figure.model_copy(update={"year": other.year})
            features = base | _year_features(place, alt, other, years)
            found.append(Candidate(alt, count.i, features, alternative=True))
    _mark_rivals(found)
    return found


def _mark_rivals(found: list[Candidate]) -> None:
    """Features of the candidates together: a binding that is the rules' own choice against
    alternatives, and a small count crossed with how loosely it is bound. No feature describes the
    whole article (how many figures it states, how much of it speaks of a case): those describe a
    genre, and news reports, with a figure or two each, would read as case releases."""
    groups: dict[int, int] = {}
    for c in found:
        groups[c.group] = groups.get(c.group, 0) + 1
    for c in found:
        if c.features.get("count<20") or c.figure.count < SMALL_COUNT:
            for name in ("basis=sentence", "basis=paragraph", "year_carried", "noun_missing"):
                if name in c.features:
                    c.features[f"small*{name}"] = 1.0
        if c.alternative:
            c.features["alternative"] = 1.0
        elif groups[c.group] > 1:
            c.features["has_rivals"] = 1.0


# --- the model ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Model:
    """Weights by feature name, a bias, the score a binding needs to be kept and the score under
    which the veto design rejects a rules' figure."""

    weights: dict[str, float]
    threshold: float
    veto_threshold: float = 0.0

    def score(self, features: dict[str, float]) -> float:
        """The probability that a binding is a yearly statistic with the right year."""
        z = sum(self.weights.get(name, 0.0) * value for name, value in features.items())
        return 1.0 / (1.0 + math.exp(-max(-60.0, min(60.0, z))))


@cache
def shipped_model() -> Model:
    """The model shipped in the package (`binder_model.json`), loaded once."""
    return model_from_json(shipped_model_data())


def shipped_model_data() -> dict[str, Any]:
    """The shipped model as its JSON: what the extractor_facts component saves with a pipeline."""
    data: dict[str, Any] = json.loads(resources.files(__package__).joinpath(MODEL_FILE).read_text(encoding="utf-8"))
    return data


def model_from_json(data: dict[str, Any]) -> Model:
    weights = {str(k): float(v) for k, v in data["weights"].items()}
    return Model(weights, float(data["threshold"]), float(data.get("veto_threshold", 0.0)))


def design_in_use(design: str | None = None) -> str:
    """The design asked for: the argument, else `$EXTRACTOR_BINDER`, else the default."""
    chosen = design or os.environ.get(ENV) or DEFAULT_DESIGN
    if chosen not in DESIGNS:
        raise ValueError(f"unknown figure binder design {chosen!r}: one of {', '.join(DESIGNS)}")
    return chosen


def choose(found: list[Candidate], model: Model) -> list[Figure]:
    """Per count, its best binding if it scores at or above the threshold, in text order."""
    best: dict[int, tuple[float, Candidate]] = {}
    for c in found:
        s = model.score(c.features)
        if c.group not in best or s > best[c.group][0]:
            best[c.group] = (s, c)
    kept = [c.figure for s, c in best.values() if s >= model.threshold]
    return sorted(kept, key=lambda f: f.start)


def veto(found: list[Candidate], model: Model) -> list[Figure]:
    """The rules' own bindings, less those scoring under the veto threshold, in text order: no
    count is moved to another year."""
    kept = [c.figure for c in found if not c.alternative and model.score(c.features) >= model.veto_threshold]
    return sorted(kept, key=lambda f: f.start)


def bind(doc: Doc, mentions: list[Figure], design: str | None = None, model: Model | None = None) -> list[Figure]:
    """The figures of a Doc as the chosen design binds them: the rules' own (`"rules"`), those the
    model keeps among the rules' candidates (`"model"`), or the rules' own less those the model
    vetoes (`"veto"`).

    Example:

        >>> doc = nlp("Police recorded 412 burglaries in 2022.")
        >>> [(f.year, f.count) for f in bind(doc, doc._.figure_mentions, design="model")]
        [(2022, 412)]
    """
    chosen = design_in_use(design)
    if chosen == "rules" or not mentions:
        return mentions
    if chosen == "veto":
        return veto(candidates(doc, mentions), model or shipped_model())
    return choose(candidates(doc, mentions), model or shipped_model())
