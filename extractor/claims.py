"""Superlative claims over time: "the fewest homicides since 2014", "the most fatal crashes in 20
years", "stays at an all-time high", "a six-year low", "the peak year of 1991", "more crashes in
2021 than in more than two decades".

The constructions are `Matcher` patterns in `rules/claims.json`. A superlative word is a claim only
with a time anchor ("since ...", "in N years", "ever", "on record"); an extreme without one
("all-time high", "peak") is a claim by itself. Each claim gets
- its year: the year the pattern names ("the peak year of 1991"), none for a present-tense state
  ("ridership stays at an all-time high"), else the figure it speaks of, the sentence's own year,
  the year of the figure stated just before in the paragraph, or for a headline the lead's year;
- its metric: the noun the superlative qualifies ("the lowest number of arson fires", "the worst
  year for bike thefts"), else the sentence's subject ("ferry ridership numbers remain ..."), else the
  figure's metric."""

from __future__ import annotations

import datetime as dt
from typing import Any

from spacy.matcher import Matcher
from spacy.tokens import Doc, Span, Token
from spacy.vocab import Vocab

from .components import doc_text, in_headline, lowers, sentence_of, sentences
from .context import NEED_ATTRS, Held, Needs, context_of, matchers_for, may_match, needs_of
from .metrics import metric_from_noun
from .models import Claim, ClaimKind, Figure
from .rules import RuleSet, derived, in_effect, load
from .timex import years_in
from .vocabulary import SUPERLATIVES, singular

RULES = derived(lambda: load("claims.json"))
NOT_CLAIM_NOUNS = derived(lambda: set(RULES["not_claim_nouns"]["words"]))
PRESENT_VERBS = derived(lambda: set(RULES["present_verbs"]))
GENERIC_HEADS = derived(lambda: set(RULES["generic_heads"]))
RATE_NOUNS = derived(lambda: set(RULES["rate_nouns"]))
DEMONSTRATIVES = derived(lambda: set(RULES["demonstratives"]))
# what rose or fell, named before a claim: "a gradual climb in club membership, with 2011 being the peak"
CHANGE_NOUNS = derived(lambda: set(RULES["change_nouns"]))
ANCHOR_WINDOW = 12
TRIGGERS = derived(lambda: set(SUPERLATIVES) | set(RULES["trigger_words"]))
PREVIOUS_FIGURE_CHARS = 400


class ClaimMatchers:
    """The time anchors ("since 2014", "on record") and extremes ("an all-time high") of
    rules/claims.json, in a Matcher each. A sentence is read for anchors only when it holds a
    superlative word (an anchor serves the superlative before it in its sentence), and by either
    Matcher only when it holds the words one of its patterns needs (`facts.needs_of`)."""

    def __init__(self, vocab: Vocab) -> None:
        self.anchors = Matcher(vocab)
        self.extremes = Matcher(vocab)
        self.anchor_needs: list[Needs] = []
        self.extreme_needs: list[Needs] = []
        self.labels: dict[int, tuple[str, str]] = {}
        for group in ("time_anchor_patterns", "extreme_patterns"):
            for label, patterns in RULES[group].items():
                if label.startswith("_"):
                    continue
                key = f"{group}:{label}"
                anchors = group == "time_anchor_patterns"
                (self.anchors if anchors else self.extremes).add(key, patterns)
                (self.anchor_needs if anchors else self.extreme_needs).extend(needs_of(p) for p in patterns)
                self.labels[vocab.strings[key]] = (group, label)

    def find(self, doc: Doc) -> tuple[list[tuple[str, int, int]], list[tuple[str, int, int]]]:
        anchors: list[tuple[str, int, int]] = []
        extremes: list[tuple[str, int, int]] = []
        low = lowers(doc)
        # without lemmas, every sentence goes to both Matchers, and the extremes' one says so (spaCy's error)
        words = doc.to_array(NEED_ATTRS) if doc.has_annotation("LEMMA") else None
        for sent in sentences(doc):  # only sentences with a word that can start a claim
            if not any(w in TRIGGERS for w in low[sent.start : sent.end]):
                continue
            held = Held(words[sent.start : sent.end]) if words is not None else None
            superlative = any(w in SUPERLATIVES for w in low[sent.start : sent.end])
            if held is None or (superlative and may_match(held, self.anchor_needs)):
                for m, s, e in self.anchors(sent):
                    anchors.append((self.labels[m][1], s + sent.start, e + sent.start))
            if held is None or may_match(held, self.extreme_needs):
                for m, s, e in self.extremes(sent):
                    extremes.append((self.labels[m][1], s + sent.start, e + sent.start))
        return sorted(anchors, key=lambda a: a[1]), _longest(extremes)


def _adverb_since(doc: Doc, anchor: tuple[str, int, int]) -> bool:
    """ "since" as an adverb of a verb ("the most active dealer, who has since been charged",
    "they have since moved") anchors no superlative in time."""
    kind, start, _end = anchor
    after = doc[start + 1] if start + 1 < len(doc) else None
    return kind == "since" and after is not None and after.pos_ in ("AUX", "VERB", "PART") and after.tag_ != "VBG"


def _longest(spans: list[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
    kept: list[tuple[str, int, int]] = []
    for span in sorted(spans, key=lambda x: (x[1], -x[2])):
        if kept and span[1] < kept[-1][2]:
            continue
        kept.append(span)
    return kept


_MATCHERS: dict[tuple[int, RuleSet], ClaimMatchers] = {}  # by vocabulary and the rules in effect


def _matchers(vocab: Vocab) -> ClaimMatchers:
    key = (id(vocab), in_effect())
    if key not in _MATCHERS:
        _MATCHERS[key] = ClaimMatchers(vocab)
    return _MATCHERS[key]


def noun_metric(noun: Token) -> str | None:
    """The metric a noun names, rates and shares included ("the highest conviction rate")."""
    metric = metric_from_noun(noun)
    if metric is not None:
        return metric
    if noun.pos_ != "NOUN" or noun.lower_ not in RATE_NOUNS:
        return None
    words = [
        t.lower_ for t in noun.lefts if t.dep_ in ("compound", "amod") and t.is_alpha and t.tag_ not in ("JJS", "JJR")
    ]
    return " ".join([*words, singular(noun.text)])


def _of_object(noun: Token) -> Token | None:
    for prep in noun.children:
        if prep.dep_ == "prep" and prep.lower_ in ("of", "for"):
            for obj in prep.children:
                if obj.dep_ == "pobj" and obj.pos_ in ("NOUN", "PROPN"):
                    return obj
    return None


def _metric_of_noun_phrase(noun: Token) -> str | None:
    """ "the lowest number of arson fires" -> "arson fire"; "ferry ridership numbers" -> "ferry ridership"."""
    if noun.lower_ in GENERIC_HEADS or noun.lower_ in SUPERLATIVES:
        obj = _of_object(noun)
        if obj is not None:
            return noun_metric(obj)
        words = [t.lower_ for t in noun.lefts if t.dep_ in ("compound", "amod", "nmod") and t.is_alpha]
        words = [w for w in words if w not in SUPERLATIVES and w not in GENERIC_HEADS]
        return " ".join(words) if words else None
    return noun_metric(noun)


def _qualified_noun(t: Token, end: int) -> Token | None:
    """The noun a superlative qualifies: "the most boat thefts", "the lowest number of ...",
    "its worst year for ..."."""
    if t.dep_ in ("amod", "advmod") and t.head.pos_ in ("NOUN", "PROPN") and t.head.i > t.i:
        noun = t.head
        while (
            noun.dep_ in ("compound", "poss", "nmod") and noun.head.pos_ in ("NOUN", "PROPN") and noun.head.i > noun.i
        ):
            noun = noun.head  # "the biggest health insurance billing case"
        return noun
    doc = t.doc
    for j in range(t.i + 1, min(end, t.i + 5)):
        if doc[j].pos_ in ("NOUN", "PROPN"):
            k = j
            while k + 1 < end and doc[k + 1].pos_ == "NOUN":
                k += 1
            return doc[k]
        if doc[j].pos_ not in ("ADJ", "ADV", "DET", "PUNCT", "NUM"):
            break
    return None


def _subject_metric(sent: Span) -> str | None:
    """The subject of the sentence's main verb: "Ferry ridership numbers stay at a record
    level", "The Number of Licensed Street Vendors ... Falls to Lowest Level"."""
    root = sent.root
    for child in root.children:
        if child.dep_ in ("nsubj", "nsubjpass") and child.pos_ in ("NOUN", "PROPN"):
            return _metric_of_noun_phrase(child)
    return None


def _claim_verb(token: Token) -> Token:
    head = token
    for _ in range(8):
        if head.pos_ in ("VERB", "AUX") or head.head.i == head.i:
            break
        head = head.head
    return head


def _is_present_state(token: Token) -> bool:
    """ "ferry ridership numbers stay at a record level": a present state, of no one year; but "This
    is the highest rate in 10 years" speaks of the figure just stated."""
    verb = _claim_verb(token)
    verbs = [verb, *[c for c in verb.children if c.dep_ in ("aux", "auxpass")]]
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    if any(c.lower_ in DEMONSTRATIVES for c in subjects):
        return False
    return any(v.lower_ in PRESENT_VERBS for v in verbs) and verb.tag_ in ("VBZ", "VBP")


def _verb_subject_metric(token: Token) -> str | None:
    verb = _claim_verb(token)
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubjpass") and child.pos_ in ("NOUN", "PROPN"):
            return _metric_of_noun_phrase(child)
    return None


def _number_of(sent: Span) -> str | None:
    """ "The Number of Licensed Street Vendors ... Falls to Lowest Level": what is counted."""
    for t in sent:
        if t.lower_ in GENERIC_HEADS and (obj := _of_object(t)) is not None:
            return noun_metric(obj)
    return None


def _changed_thing(sent: Span, before: int) -> str | None:
    """ "a gradual climb in club membership, with 2011 being the peak": what rose, stated before
    the claim."""
    for t in sent.doc[sent.start : before]:
        if t.lemma_.lower() in CHANGE_NOUNS:
            obj = next((p for c in t.children if c.lower_ == "in" for p in c.children if p.dep_ == "pobj"), None)
            if obj is not None:
                return noun_metric(obj)
    return None


def _figure_of(figures: list[Figure], sent: Span, before: int, since_year: int | None) -> Figure | None:
    """The figure a claim speaks of: the latest year stated in its sentence before it."""
    in_sentence = [f for f in figures if sent.start_char <= f.start < before and f.year != since_year]
    return max(in_sentence, key=lambda f: f.year) if in_sentence else None


def _own_years(doc: Doc, sent: Span, since_year: int | None) -> set[int]:
    published: dt.date | None = doc._.published
    return {y.year for y in years_in(doc, sent.start, sent.end, published, None) if not y.anchored} - {since_year}


def _context_year(doc: Doc, sent: Span, figures: list[Figure], since_year: int | None) -> int | None:
    """The sentence's own year, else the year of the figure stated just before it in its paragraph,
    else for a headline the first year of the text below it."""
    published: dt.date | None = doc._.published
    own = {y.year for y in years_in(doc, sent.start, sent.end, published, None) if not y.anchored} - {since_year}
    if len(own) == 1:
        return own.pop()
    if len(own) > 1:
        return None
    text = doc_text(doc)
    paragraph_start = text.rfind("\n", 0, sent.start_char) + 1
    before = [f for f in figures if paragraph_start <= f.start < sent.start_char and f.year != since_year]
    if before:
        return before[-1].year
    if in_headline(sent[0]):
        reports = context_of(doc).report_years
        if reports:
            return reports[0][1]  # a release about "the 2019 Annual Burglary Report": that report's year
        for later in sentences(doc):
            if later.start <= sent.start or in_headline(later[0]):
                continue
            years = [y.year for y in years_in(doc, later.start, later.end, published, None) if not y.anchored]
            if years:
                return years[0]
    return None


def extract_claims(doc: Doc, figures: list[Figure]) -> list[Claim]:
    """The superlative claims of a Doc, given its figures: superlative words with a time anchor
    ("the fewest homicides since 2014"), then extremes without one ("an all-time high"), one
    claim for each thing claimed."""
    anchors, extremes = _matchers(doc.vocab).find(doc)
    reader = _ClaimReader(doc, figures)
    reader.read_superlatives(anchors)
    reader.read_extremes(extremes)
    return _without_repeats(reader.claims)


class _ClaimReader:
    """The claims of one Doc as they are found, and the tokens they cover."""

    def __init__(self, doc: Doc, figures: list[Figure]) -> None:
        self.doc = doc
        self.figures = figures
        self.low = lowers(doc)
        self.published: dt.date | None = doc._.published
        self.fact_matchers = matchers_for(doc.vocab)
        self.targets: dict[int, list[tuple[int, int]]] = {}
        self.claims: list[Claim] = []
        self.used: set[int] = set()

    def targets_of(self, sent: Span) -> list[tuple[int, int]]:
        """Targets and projections in the claim's sentence ("on track to beat its worst mark")."""
        if sent.start not in self.targets:
            self.targets[sent.start] = self.fact_matchers.markers_in(sent, "target")
        return self.targets[sent.start]

    def read_superlatives(self, anchors: list[tuple[str, int, int]]) -> None:
        """Superlative words with a time anchor: "the fewest homicides since 2014"."""
        doc, low = self.doc, self.low
        for i, word in enumerate(low):
            if word not in SUPERLATIVES:
                continue
            t = doc[i]
            sent = sentence_of(t)
            if word == "most" and i + 1 < sent.end and doc[i + 1].pos_ in ("ADJ", "ADV") and doc[i + 1].tag_ != "JJ":
                continue  # "most violent": an adjective's superlative
            anchor = next(
                (a for a in anchors if i < a[1] <= i + ANCHOR_WINDOW and a[1] < sent.end and not _adverb_since(doc, a)),
                None,
            )
            if anchor is None:
                continue
            noun = _qualified_noun(t, sent.end)
            if noun is not None and noun.lower_ in NOT_CLAIM_NOUNS:
                continue
            if i > 0 and "-" in doc[i - 1].text + low[i - 1][-1:] and doc[i - 1].like_num:
                continue  # "second-largest": a rank
            since_year, end = self._anchor_end(anchor, sent)
            year: Any = "figure"
            if _is_present_state(t) and not years_in(doc, sent.start, sent.end, self.published, None):
                year = None
            self.add(i, end, sent, noun, year, since_year)

    def _anchor_end(self, anchor: tuple[str, int, int], sent: Span) -> tuple[int | None, int]:
        """The year a "since" anchor names, and where the claim ends."""
        kind, start, end = anchor
        if kind != "since":
            return None, end
        years = years_in(self.doc, start + 1, min(sent.end, start + 14), self.published, None)
        if years:
            return years[0].year, years[0].end
        return None, min(sent.end, end + 3)

    def read_extremes(self, extremes: list[tuple[str, int, int]]) -> None:
        """Extremes without a superlative word: "an all-time high", "the peak year of 1991"."""
        doc, low = self.doc, self.low
        for kind, s, e in extremes:
            if any(j in self.used for j in range(s, e)):
                continue
            sent = sentence_of(doc[s])
            year: Any = None
            named = [int(doc[j].text) for j in range(s, e) if doc[j].shape_ == "dddd"]
            if named:
                year = named[0]
            elif not _is_present_state(doc[s]):
                year = "figure"
            noun = None
            if kind == "comparative":
                noun = _qualified_noun(doc[s], e)
            else:  # "the worst year for bike thefts was 2016": the year's "for"/"of" object
                noun = next(
                    (doc[j] for j in range(s, e) if low[j] in ("year", "years") and doc[j].pos_ == "NOUN"), None
                )
            self.add(s, e, sent, noun, year, None)

    def add(self, first: int, last: int, sent: Span, noun: Token | None, year: Any, since_year: int | None) -> None:
        """The claim of tokens first..last: its figure, metric and year ("figure": the year of the
        figure it speaks of; None: a present state)."""
        if any(s < last for s, _e in self.targets_of(sent)):
            return  # "on pace to beat its worst mark": a future claim
        doc = self.doc
        present = year is None
        figure = self._figure_for(first, last, sent, year, since_year)
        metric = self._metric_for(first, sent, noun, figure, present)
        if year == "figure":
            year = figure.year if figure is not None else _context_year(doc, sent, self.figures, since_year)
        start_char, end_char = doc[first].idx, doc[last - 1].idx + len(doc[last - 1])
        if first > sent.start and self.low[first - 1] in ("the", "a", "an", "its", "their"):
            start_char = doc[first - 1].idx
        self.used.update(range(first, last))
        text = doc_text(doc)[start_char:end_char]
        self.claims.append(
            Claim(
                kind=ClaimKind.superlative,
                metric=metric,
                year=year,
                count=figure.count if figure is not None and figure.year == year else None,
                since_year=since_year,
                text=text,
                start=start_char,
                end=end_char,
                evidence=text,
                location=doc._.location,
            )
        )

    def _figure_for(self, first: int, last: int, sent: Span, year: Any, since_year: int | None) -> Figure | None:
        """The figure a claim speaks of: one stated before it in its sentence, right after it ("the
        record high of 3,100 in 2009"), or just before its sentence."""
        doc, figures = self.doc, self.figures
        figure = _figure_of(figures, sent, doc[first].idx, since_year)
        end_of_claim = doc[last - 1].idx + len(doc[last - 1])
        if figure is None:
            figure = next(
                (f for f in figures if doc[first].idx <= f.start <= end_of_claim + 12 and f.year != since_year), None
            )
        if figure is None and year is not None:
            # "..., the fewest since 2014" in the sentence after the count: the figure just before,
            # of the year the sentence names if it names one ("The 2018 total ... the most since 2012")
            own = _own_years(doc, sent, since_year)
            earlier = [
                f
                for f in figures
                if f.start - sent.start_char > -PREVIOUS_FIGURE_CHARS
                and f.start < doc[first].idx
                and f.year != since_year
            ]
            if own and not isinstance(year, int):
                earlier = [f for f in earlier if f.year in own]
            figure = earlier[-1] if earlier else None
        return figure

    def _metric_for(
        self, first: int, sent: Span, noun: Token | None, figure: Figure | None, present: bool
    ) -> str | None:
        """A claim's metric. A plural noun the superlative qualifies names it ("the most fatal
        DUIs"); a mass noun or a level ("its lowest enrollment", "the highest total") leaves it to
        the figure."""
        doc = self.doc
        metric = None
        if noun is not None and (
            noun.tag_ in ("NNS", "NNPS") or noun.lower_ in GENERIC_HEADS | RATE_NOUNS or figure is None or present
        ):
            metric = _metric_of_noun_phrase(noun)
        if metric is None and present:
            metric = _verb_subject_metric(doc[first])
        if metric is None and figure is not None and figure.start >= sent.start_char:
            metric = figure.metric  # the figure the sentence states
        metric = metric or _changed_thing(sent, first)
        if metric is None and figure is not None:
            metric = figure.metric
        return metric or _number_of(sent) or _verb_subject_metric(doc[first]) or _subject_metric(sent)


def _without_repeats(claims: list[Claim]) -> list[Claim]:
    """One claim stated twice is one claim: a headline repeated in the page's chrome keeps its first
    statement, and "the highest level in nearly 12 years" beside "highest level since 2008" (same
    metric, same year) keeps the one with a year to check against."""

    anchored = [(c.metric or "", c.year) for c in claims if c.since_year is not None]

    def same_thing(a: str, b: str) -> bool:  # "member" and "identified gang member"
        return a == b or a.endswith(" " + b) or b.endswith(" " + a)

    kept: list[Claim] = []
    texts: set[str] = set()
    for c in sorted(claims, key=lambda c: c.start):
        if c.text.lower() in texts:
            continue
        if c.since_year is None and c.metric and any(y == c.year and same_thing(m, c.metric) for m, y in anchored):
            continue
        texts.add(c.text.lower())
        kept.append(c)
    return kept
