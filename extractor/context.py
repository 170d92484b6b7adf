"""The context rules (rules/context.json), matched once per Doc by a `Matcher` and a
`PhraseMatcher`: parts of a year ("so far this year", "through June"), multi-year totals, averages
and targets, differences ("down 12"), service numbers (911), dates in another language, birth
years, list headers ("the review lists these findings:") and report titles ("the 2011 Water
Quality Report"). `figures.py`, `claims.py` and `changes.py` read the resulting `Context` instead
of scanning tokens by hand; the extractor_facts component (facts.py) computes them all together.

Example:

    ctx = context_of(nlp("Thefts so far this year: 45."))  # ctx.periods: the part of the year
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

import spacy
from spacy.matcher import Matcher, PhraseMatcher
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span
from spacy.vocab import Vocab

from .components import doc_text, memo, next_index, number_tokens, sentences
from .rules import RuleSet, in_effect, load, regexes


@dataclass
class Context:
    """What the matchers found in one Doc, by token index."""

    not_count: set[int] = field(default_factory=set)  # numbers that are not counts
    not_year: set[int] = field(default_factory=set)  # years that date no count
    markers: list[tuple[str, int, int]] = field(default_factory=list)  # (kind, start, end): multi-year, average, target
    periods: list[tuple[str, int, int]] = field(default_factory=list)  # (label, start, end)
    list_headers: list[tuple[int, int]] = field(default_factory=list)  # token spans of header phrases
    report_years: list[tuple[int, int]] = field(default_factory=list)  # (token index of the year, year)
    respectively: list[int] = field(default_factory=list)


# the token attributes a sentence is checked on before a pattern's Matcher runs on it
NEED_ATTRS: list[int | str] = ["LOWER", "LEMMA", "SHAPE"]
# what a pattern needs is read in a view of the sentence: a column of NEED_ATTRS (the values of its
# tokens), or two columns read on two adjacent tokens (the pairs of values they form)
View = int | tuple[int, int]
Needs = tuple[tuple[View, frozenset[Any]], ...]  # (view, the values one token or one pair may have)
MAX_PAIRS = 2000  # two adjacent tokens with more possible pairs than this ask for their words only


def _token_needs(spec: dict[str, Any]) -> list[tuple[int, frozenset[int]]]:
    """The lowercase forms, lemmas or shapes one token of a pattern may have (`{"LOWER": {"IN":
    [...]}}`, `{"TEXT": "-"}`, `{"SHAPE": "dddd"}`), by column of NEED_ATTRS. Whatever else a
    token is tested on (LIKE_NUM, POS, a regex) asks nothing here: the Matcher tests it."""
    needs = []
    for attr, value in spec.items():
        if isinstance(value, dict) and list(value) == ["IN"]:
            value = value["IN"]
        values = [value] if isinstance(value, str) else value
        if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
            continue
        if attr in ("LOWER", "TEXT", "ORTH"):
            needs.append((0, frozenset(get_string_id(v.lower()) for v in values)))
        elif attr in ("LEMMA", "SHAPE"):
            needs.append((NEED_ATTRS.index(attr), frozenset(get_string_id(v) for v in values)))
    return needs


def needs_of(pattern: list[dict[str, Any]]) -> Needs:
    """What a sentence must hold for a pattern to match in it: the words of each token the pattern
    requires (no "OP", or "+"), and of two required tokens one after the other ("a year", "June
    through August"), the pairs they may form."""
    needs: list[tuple[View, frozenset[Any]]] = []
    before: list[tuple[int, frozenset[int]]] = []  # the needs of the token before, if it is exactly one
    for spec in pattern:
        op = spec.get("OP")
        own = _token_needs(spec) if op in (None, "+") else []
        needs += own
        if op is None and before and own:
            (a, first), (b, second) = before[0], own[0]
            if len(first) * len(second) <= MAX_PAIRS:
                needs.append(((a, b), frozenset((x, y) for x in first for y in second)))
        before = own if op is None else []
    return tuple(needs)


class Held:
    """The values a sentence holds in each view (`View`), read when first asked."""

    def __init__(self, rows: Any) -> None:
        self.rows = rows  # the sentence's tokens by NEED_ATTRS (Doc.to_array)
        self.views: dict[View, set[Any]] = {}

    def holds(self, view: View, values: frozenset[Any]) -> bool:
        held = self.views.get(view)
        if held is None:
            if isinstance(view, int):
                held = set(self.rows[:, view].tolist())
            else:
                held = set(zip(self.rows[:-1, view[0]].tolist(), self.rows[1:, view[1]].tolist(), strict=True))
            self.views[view] = held
        return not held.isdisjoint(values)


def may_match(held: Held, needs: list[Needs]) -> bool:
    """Whether a sentence holds what one of the patterns needs."""
    for need in needs:
        for view, values in need:
            if not held.holds(view, values):
                break
        else:
            return True
    return False


class FactMatchers:
    """The rules' patterns (rules/context.json, as `rules`) compiled for one vocabulary: made when
    the extractor_facts component reads its rules. `binder` and `binder_model` are the component's
    binder design and model (a binder.Model, untyped here: binder imports figures, which imports this
    module; None: the default design, the shipped model)."""

    def __init__(
        self, vocab: Vocab, rules: dict[str, Any], binder: str | None = None, binder_model: Any = None
    ) -> None:
        self.binder = binder
        self.binder_model = binder_model
        # a named part of the year ("first half") sorts before a phrase read as written ("through june")
        self.named_periods = {label for label in rules["period_phrases"] if not label.startswith("_")}
        self.present_not_before = frozenset(rules["present_not_before"]["words"])
        self.same_period_years = frozenset(rules["same_period_of_a_year"]["words"])
        self.service_numbers = frozenset(  # 911, 311: never counts
            t
            for pattern in rules["not_count_patterns"]["service_number"]
            for spec in pattern
            for t in spec.get("TEXT", {}).get("IN", [])
        )
        self.matcher = Matcher(vocab)
        self.phrases = PhraseMatcher(vocab, attr="LOWER")
        self.labels: dict[int, tuple[str, str]] = {}
        tokenizer = spacy.blank("en", vocab=vocab).tokenizer  # phrases split as the text is split

        # each key's patterns also in a Matcher of their own, run only on the sentences that hold
        # the words they require (`needs_of`): a Matcher's time grows with its patterns times tokens
        self.groups: list[tuple[Matcher, list[Needs]]] = []
        self.targets = Matcher(vocab)

        def add(kind: str, label: str, patterns: list[list[dict[str, Any]]]) -> None:
            key = f"{kind}:{label}"
            self.matcher.add(key, patterns)
            own = Matcher(vocab)
            own.add(key, patterns)
            self.groups.append((own, [needs_of(p) for p in patterns]))
            if key == "marker:target":
                self.targets = own
            self.labels[vocab.strings[key]] = (kind, label)

        def add_phrases(kind: str, label: str, phrases: list[str]) -> None:
            key = f"{kind}:{label}"
            self.phrases.add(key, [tokenizer(p) for p in phrases])
            self.labels[vocab.strings[key]] = (kind, label)

        for label, phrases in rules["period_phrases"].items():
            if not label.startswith("_"):
                add_phrases("period", label, phrases)
        add("period", "", rules["month_range_patterns"])
        for label, patterns in rules["named_period_patterns"].items():
            if not label.startswith("_"):
                add("period", label, patterns)
        for label, patterns in rules["multi_year_patterns"].items():
            if not label.startswith("_"):
                add("marker", label, patterns)
        for label, patterns in rules["not_count_patterns"].items():
            if not label.startswith("_"):
                add("not_count", label, patterns)
        for label, patterns in rules["not_year_patterns"].items():
            if not label.startswith("_"):
                add("not_year", label, patterns)
        add_phrases("header", "", rules["list_header_phrases"]["phrases"])
        add_phrases("respectively", "", rules["respectively"])
        add(
            "report",
            "",
            [[{"SHAPE": "dddd"}, {"IS_TITLE": True, "OP": "{0,4}"}, {"LOWER": {"IN": rules["report_nouns"]}}]],
        )

    def markers_in(self, span: Span, kind: str) -> list[tuple[int, int]]:
        """The markers of one kind ("target") in a span, by Doc token index."""
        matcher = self.targets if kind == "target" else self.matcher
        found = []
        for match_id, s, e in matcher(span):
            group, label = self.labels[match_id]
            if group == "marker" and label == kind:
                found.append((s + span.start, e + span.start))
        return found

    def token_matches(self, doc: Doc) -> list[tuple[int, int, int]]:
        """The token patterns' matches (match_id, start, end by Doc token index). They concern
        counts and years: they are run on the sentences that hold a number only (a third of a
        release), and each key's patterns only where the sentence holds the words they need; the
        matches are those of the Matcher as written run on every such sentence (in another order
        across keys)."""
        found: list[tuple[int, int, int]] = []
        # without the annotations the patterns read, the Matcher as written says so (spaCy's error)
        annotated = all(doc.has_annotation(attr) for attr in ("POS", "LEMMA", "DEP"))
        words = doc.to_array(NEED_ATTRS) if annotated else None
        numeric = number_tokens(doc)
        for sent in sentences(doc):
            if next_index(numeric, sent.start, sent.end) == sent.end:
                continue  # no number in the sentence
            if words is None:
                found += [(m, s + sent.start, e + sent.start) for m, s, e in self.matcher(sent)]
                continue
            held = Held(words[sent.start : sent.end])
            for matcher, needs in self.groups:
                if may_match(held, needs):
                    found += [(m, s + sent.start, e + sent.start) for m, s, e in matcher(sent, allow_missing=True)]
        return found

    def _same_period_of_a_year(self, doc: Doc, s: int, e: int) -> bool:
        """ "the same period of 2022", "the same period last year": the same part of another year,
        a comparison of two part-year counts, not a span of several years ("during that period")."""
        if "same" not in {t.lower_ for t in doc[s:e]}:
            return False
        after = doc[e : min(len(doc), e + 3)]
        return bool(after) and after[0].lower_ in self.same_period_years and any(
            t.shape_ == "dddd" or t.lower_ == "year" for t in after
        )

    def context(self, doc: Doc, published: dt.date | None) -> Context:
        ctx = Context()
        same_periods: list[tuple[int, int]] = []
        # the token patterns on the sentences that hold a number, the phrase patterns (fast) on the whole Doc
        found = [(self.labels[m], s, e) for m, s, e in self.token_matches(doc)]
        found += [(self.labels[m], s, e) for m, s, e in self.phrases(doc)]
        for (kind, label), s, e in found:
            span = doc[s:e]
            if kind == "period":
                ctx.periods.append((label or span.text.lower(), s, e))
            elif kind == "marker":
                last = doc[e - 1]
                if label == "target" and last.shape_ == "dddd" and published and int(last.text) < published.year:
                    continue  # "by 2019" in a release of 2021 dates a past count
                after = e + 1 if e < len(doc) and doc[e].lower_ == "time" else e
                if label == "present" and after < len(doc) and doc[after].lower_ in self.present_not_before:
                    continue  # "at this time last year": a past point of comparison
                if self._same_period_of_a_year(doc, s, e):
                    same_periods.append((s, e))
                    continue
                ctx.markers.append((label, s, e))
            elif kind == "not_count":
                ctx.not_count.update(
                    t.i for t in span if t.like_num and t.shape_ != "dddd" or t.text in self.service_numbers
                )
            elif kind == "not_year":
                ctx.not_year.update(t.i for t in span if t.shape_ == "dddd")
            elif kind == "header":
                ctx.list_headers.append((s, e))
            elif kind == "respectively":
                ctx.respectively.append(s)
            elif kind == "report" and doc[s].text.isdigit():
                ctx.report_years.append((s, int(doc[s].text)))
        # a law report's citation ("(1999) 12 Cal.4th 345, 350"): its volume, pages and year are no count or year
        for m in regexes.CITATION.finditer(doc_text(doc)):
            cited = doc.char_span(m.start(), m.end(), alignment_mode="expand")
            if cited is not None:
                ctx.not_count.update(t.i for t in cited if t.like_num)
                ctx.not_year.update(t.i for t in cited if t.shape_ == "dddd")
        _add_same_periods(doc, ctx, same_periods)
        named = self.named_periods
        ctx.periods.sort(key=lambda p: (p[0] not in named, p[1], -p[2]))
        return ctx


def _add_same_periods(doc: Doc, ctx: Context, same_periods: list[tuple[int, int]]) -> None:
    """ "38 in the first quarter, up from 29 in the same period of 2022": "the same period" is the
    part of the year named before it in its sentence."""
    for s, e in same_periods:
        sent = doc[s].sent
        before = [p for p in ctx.periods if sent.start <= p[1] and p[2] <= s]
        if before:
            ctx.periods.append((max(before, key=lambda p: p[2])[0], s, e))


# by vocabulary: those of the extractor_facts component made last for it (its rules and setting),
# else the package's rules; the facts found again on reading (a new date or place) use them too
_MATCHERS: dict[int, FactMatchers] = {}


def use_matchers(vocab: Vocab, matchers: FactMatchers) -> None:
    """Makes `matchers` (an extractor_facts component's rules and setting) those of `vocab`."""
    _MATCHERS[id(vocab)] = matchers


_MADE: dict[tuple[int, RuleSet], FactMatchers] = {}  # else, by vocabulary and the rules in effect


def has_matchers(vocab: Vocab) -> bool:
    """Whether an extractor_facts component made the matchers of `vocab`."""
    return id(vocab) in _MATCHERS


def matchers_for(vocab: Vocab) -> FactMatchers:
    made = _MATCHERS.get(id(vocab))
    if made is not None:
        return made
    key = (id(vocab), in_effect())
    if key not in _MADE:
        _MADE[key] = FactMatchers(vocab, load("context.json"))
    return _MADE[key]


def context_of(doc: Doc) -> Context:
    """The Doc's context, computed once per publication date."""
    published: dt.date | None = doc._.published
    cached = memo(doc).get("extractor_context")
    if cached is not None and cached[0] == published:
        ctx: Context = cached[1]
        return ctx
    ctx = matchers_for(doc.vocab).context(doc, published)
    memo(doc)["extractor_context"] = (published, ctx)
    return ctx
