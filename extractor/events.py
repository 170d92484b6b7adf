"""Dated occurrences from a Doc: the clause a time expression dates ("On Tuesday, the department
gave its quarterly report"; "the administration took office in April 2021"; "who was struck and
killed over a week ago"), unless the clause states a statistic, and named events ("National
Night Out") with the date beside them or none. Plain functions from Doc to records."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from spacy.tokens import Doc, Span, Token

from .components import doc_text, entities, in_headline, sentence_of
from .models import Event, Spanned
from .numbers import is_year_token
from .people import Person
from .rules import load, regexes
from .timex import TimeMention


@dataclass(frozen=True)
class EventRules:
    """rules/events.json, read: the words that tell an occurrence from a statistic."""

    statistic_verbs: frozenset[str]  # "recorded", "counted": a clause that states a figure
    announcement_verbs: frozenset[str]  # "released", "announced": a figure announced is an event
    event_nouns: frozenset[str]  # "meeting", "session": an occurrence a date names directly
    year_event_nouns: frozenset[str]  # "outbreak": a bare year before it still dates an occurrence
    not_named_events: frozenset[str]
    named_event: re.Pattern[str]  # "National Night Out", "the Fourth of July Parade"


@cache
def event_rules() -> EventRules:
    """The rules, read once (when the extractor_events component is made, or on first use)."""
    rules = load("events.json")
    words = sorted(rules["named_event_words"], key=len, reverse=True)
    return EventRules(
        statistic_verbs=frozenset(rules["statistic_verbs"]),
        announcement_verbs=frozenset(rules["announcement_verbs"]),
        event_nouns=frozenset(rules["event_nouns"]),
        year_event_nouns=frozenset(rules["year_event_nouns"]),
        not_named_events=frozenset(rules["not_named_events"]),
        named_event=re.compile(
            r"\b(?:[A-Z][\w'’.-]*\s+){1,5}(?:" + "|".join(re.escape(w.title()) for w in words) + r")\b"
        ),
    )


MAX_DESCRIPTION_TOKENS = 12
MAX_SENTENCE_TOKENS = 250


def _governing_verb(token: Token) -> Token | None:
    """The verb a time expression dates; a participle that only introduces it ("starting in
    March", "beginning Feb. 1") hands over to the verb it hangs from."""
    node = token
    for _ in range(8):
        if node.pos_ in ("VERB", "AUX") and node.i != token.i:
            if (
                node.tag_ in ("VBG", "VBN")
                and node.dep_ in ("prep", "advcl", "pcomp", "advmod")
                and not any(c.dep_ in ("nsubj", "nsubjpass") for c in node.children)
                and node.head.i != node.i
            ):
                node = node.head
                continue
            return node
        if node.head.i == node.i:
            return None
        node = node.head
    return None


def _event_noun(token: Token) -> Token | None:
    """The occurrence a time expression names directly: "the 2025 legislative session", "a
    committee meeting on April 10", "the Jan. 24 count"."""
    node = token
    for _ in range(3):
        if node.head.i == node.i:
            return None
        node = node.head
        if node.pos_ == "NOUN" and node.lemma_.lower() in event_rules().event_nouns:
            return node
        if node.pos_ in ("VERB", "AUX"):
            return None
    return None


def _phrase(tokens: list[Token], skip: set[int]) -> list[Token]:
    return [t for t in tokens if t.i not in skip and not t.is_punct and not t.is_space][:MAX_DESCRIPTION_TOKENS]


def _describe(verb: Token, skip: set[int]) -> tuple[str, int, int]:
    """ "subject verb object" of a clause, without its time expression; and the clause's bounds."""
    doc = verb.doc
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass", "expl")), None)
    if (
        subject is None
        and verb.dep_ in ("conj", "xcomp", "advcl", "relcl", "acl")
        and verb.head.pos_ in ("VERB", "AUX", "NOUN", "PROPN")
    ):
        subject = next((c for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is None and verb.dep_ in ("relcl", "acl"):
            subject = verb.head  # "a county report presented to commissioners Tuesday"
    if subject is not None and subject.lower_ in ("who", "which", "that"):
        clause = subject.head
        while clause.dep_ == "conj" and clause.head.i != clause.i:
            clause = clause.head
        if clause.dep_ == "relcl":
            subject = clause.head  # "Officer David Lee, who was struck and killed": the antecedent
    words: list[Token] = []
    if subject is not None:
        if subject.dep_ == "expl":  # "there was a moment of silence"
            words += [subject]
        else:
            words += _phrase(list(subject.subtree), skip)[:6]
    aux = [c for c in verb.children if c.dep_ in ("auxpass",)]
    words += aux + [verb]
    words += [c for c in verb.children if c.dep_ == "prt"]
    conj = [c for c in verb.children if c.dep_ == "conj" and c.pos_ == "VERB"]
    if conj:
        words += [t for t in doc[verb.i + 1 : conj[0].i + 1] if t.i not in skip]
    objects = [c for c in verb.children if c.dep_ in ("dobj", "attr", "oprd")]
    for o in objects[:1]:
        words += _phrase(list(o.subtree), skip)[:8]
    unique = {t.i: t for t in words}
    description = " ".join(unique[i].text for i in sorted(unique) if unique[i].lower_ != "who")
    indices = [t.i for t in verb.subtree] + ([subject.i] if subject is not None else [])
    first, last = min(indices), max(indices)
    sent = sentence_of(verb)
    return description, max(first, sent.start), min(last + 1, sent.end)


def _inside(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    return any(s <= start and end <= e for s, e in spans)


def events_in(
    doc: Doc,
    times: list[TimeMention],
    statements: Sequence[Spanned],
    people: list[Person],
    quote_spans: list[tuple[int, int]],
) -> list[Event]:
    """Events of a Doc, given its time expressions, people and quotations; `statements` are its
    figures, changes and claims, whose clauses are statistics rather than occurrences. The pipeline
    calls it through `extractors.extract_events(doc)`, which reads these off the Doc."""
    figures = statements
    location: str | None = doc._.location
    events: list[Event] = []
    used_verbs: set[int] = set()
    statistic_verbs: set[int] = set()
    statistic_spans = [(f.start, f.end) for f in figures]
    for mention in _most_precise_per_verb(doc, times):
        s_char, e_char = doc[mention.start].idx, doc[mention.end - 1].idx + len(doc[mention.end - 1].text)
        if (
            _inside(s_char, e_char, quote_spans)
            or _inside(s_char, e_char, statistic_spans)
            and not _own_clause(doc, mention, statistic_spans)
        ):
            continue
        sentence = sentence_of(doc[mention.start])
        if len(sentence) > MAX_SENTENCE_TOKENS:
            continue  # no prose sentence is this long: a list or a flood of numbers
        if regexes.DATE_LINE.match(sentence.text.strip()) or in_headline(doc[mention.start]):
            continue  # the article's own date line, or a headline restating the story
        root = doc[mention.start : mention.end].root
        verb = _governing_verb(root)
        if verb is not None and verb.i in used_verbs:
            continue
        # a year that qualifies a noun is not the date of a clause: "publish full 2023 figures"
        attributive = root.dep_ in ("nummod", "compound", "amod") and is_year_token(root)
        if verb is not None and not attributive and verb.i in statistic_verbs:
            continue
        occurs = verb is not None and not attributive and _occurrence(verb, mention, figures)
        if verb is not None and not attributive and not occurs:
            statistic_verbs.add(verb.i)  # judged once: a clause's subtree can be the whole article
        if verb is None or not occurs:
            noun = _event_noun(root)
            bare_year = mention.value is not None and len(mention.value) == 4
            if noun is not None and bare_year and noun.lemma_.lower() not in event_rules().year_event_nouns:
                continue  # "the 2024 count" names a year's tally; "the 2019 measles outbreak" an occurrence
            if noun is not None and noun.i not in used_verbs:
                used_verbs.add(noun.i)
                events.append(_noun_event(doc, noun, mention, people, location))
            continue
        used_verbs.add(verb.i)
        description, first, last = _describe(verb, set(range(mention.start, mention.end)))
        if not description:
            continue
        first, last = min(first, mention.start), max(last, mention.end)
        events.append(_event(doc, description, mention, first, last, people, location))
    events += _named_events(doc, times, events, quote_spans)
    return sorted(events, key=lambda e: e.start)


def _precision(mention: TimeMention) -> int:
    return len(mention.value) if mention.value else 0


def _most_precise_per_verb(doc: Doc, times: list[TimeMention]) -> list[TimeMention]:
    """Of several time expressions dating one clause, the most precise: "The county's first case
    this year was confirmed April 2" happened on April 2."""
    best: dict[int, TimeMention] = {}
    order: list[TimeMention] = []
    for mention in times:
        if len(sentence_of(doc[mention.start])) > MAX_SENTENCE_TOKENS:
            continue
        verb = _governing_verb(doc[mention.start : mention.end].root)
        if verb is None:
            order.append(mention)
            continue
        current = best.get(verb.i)
        if current is None:
            best[verb.i] = mention
            order.append(mention)
        elif _precision(mention) > _precision(current):
            order[order.index(current)] = mention
            best[verb.i] = mention
    return order


def _occurrence(verb: Token, mention: TimeMention, figures: Sequence[Spanned]) -> bool:
    """Whether the clause a time expression dates tells of something that happened."""
    rules = event_rules()
    if verb.lemma_.lower() in rules.statistic_verbs and not _has_event_noun(verb):
        return False
    # a clause that states a figure or a share is a statistic; one that announces it is an event
    return verb.lemma_.lower() in rules.announcement_verbs or not _states_numbers(verb, mention, figures)


def _own_clause(doc: Doc, mention: TimeMention, spans: list[tuple[int, int]]) -> bool:
    """ "the fewest since the county began its count in 2005": a clause of its own inside a
    statistic's words is still an occurrence."""
    verb = _governing_verb(doc[mention.start : mention.end].root)
    if verb is None or not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return False
    return any(s <= verb.idx < e for s, e in spans) and verb.lemma_.lower() not in event_rules().statistic_verbs


def _states_numbers(verb: Token, mention: TimeMention, figures: Sequence[Spanned]) -> bool:
    subtree = list(verb.subtree)
    start, end = subtree[0].idx, subtree[-1].idx + len(subtree[-1].text)
    if any(start <= f.start < end for f in figures):
        return True
    for t in subtree:
        if mention.start <= t.i < mention.end or is_year_token(t) or not t.like_num or t._.number is None:
            continue
        counted = t.head if t.dep_ in ("nummod", "compound", "quantmod") else t
        if not (counted.head.i == verb.i and counted.dep_ in ("dobj", "attr", "nsubj", "nsubjpass", "npadvmod")):
            continue  # only what the verb itself counts: "cleared 52% of cases", not "... to $24 an hour"
        following = t.nbor(1).lower_ if t.i + 1 < len(t.doc) else ""
        if following in ("%", "percent", "per", "million", "billion") or t._.number >= 100 or t.ent_type_ == "MONEY":
            return True  # "cleared 52% of cases", "answered 4,100 alarms"
    return False


def _noun_event(doc: Doc, noun: Token, mention: TimeMention, people: list[Person], location: str | None) -> Event:
    words = [
        t
        for t in noun.subtree
        if not (mention.start <= t.i < mention.end)
        and not t.is_punct
        and t.lower_ not in ("the", "a", "an", "on", "in", "at", "of")
    ][:MAX_DESCRIPTION_TOKENS]
    tokens = list(noun.subtree) + list(doc[mention.start : mention.end])
    first, last = min(t.i for t in tokens), max(t.i for t in tokens) + 1
    return _event(doc, " ".join(t.text for t in words) or noun.text, mention, first, last, people, location)


def _event(
    doc: Doc, description: str, mention: TimeMention, first: int, last: int, people: list[Person], location: str | None
) -> Event:
    """An event over tokens first..last, dated by `mention`."""
    start, end = doc[first].idx, doc[last - 1].idx + len(doc[last - 1].text)
    return Event(
        description=description,
        date=mention.value,
        date_text=mention.text(doc),
        participants=_participants(people, start, end),
        location=_place(doc[first:last]) or location,
        start=start,
        end=end,
        evidence=doc_text(doc)[start:end],
    )


def _has_event_noun(verb: Token) -> bool:
    """ "there was a moment of silence", "the meeting was Tuesday": a copula about an occurrence."""
    return verb.lemma_ == "be" and any(c.dep_ == "expl" for c in verb.children)


def _participants(people: list[Person], start: int, end: int) -> list[str]:
    return [p.name for p in people if any(start <= m.start < end for m in p.mentions)]


def _place(span: Span) -> str | None:
    places = [e.text for e in _ents_within(span) if e.label_ in ("GPE", "LOC", "FAC")]
    return places[0] if places else None


def _ents_within(span: Span) -> list[Span]:
    """`Span.ents` read off the Doc's entities made once (`Span.ents` makes all of the Doc's on each
    call): those from the span's start on that end inside it, up to the first that does not."""
    found: list[Span] = []
    for ent in entities(span.doc):
        if ent.start >= span.start:
            if ent.end <= span.end:
                found.append(ent)
            else:
                break
    return found


def _named_events(
    doc: Doc, times: list[TimeMention], dated: list[Event], quote_spans: list[tuple[int, int]]
) -> list[Event]:
    """ "National Night Out", "the Fourth of July Parade": with the time expression of their
    sentence when it has one, else undated."""
    text = doc_text(doc)
    found: list[Event] = []
    seen: set[str] = set()
    candidates = [(e.start_char, e.end_char) for e in entities(doc) if e.label_ == "EVENT"]
    candidates += [(m.start(), m.end()) for m in event_rules().named_event.finditer(text)]
    for s, e in sorted(candidates):
        name = text[s:e].strip()
        name = re.sub(r"^(?:the|at|on|in|for|during|before|after|as)\s+", "", name, flags=re.IGNORECASE)
        s = e - len(name)
        if (
            name.lower() in event_rules().not_named_events
            or name.lower() in seen
            or len(name.split()) < 2
            or _inside(s, e, quote_spans)
            or any(ev.start <= s < ev.end for ev in dated)
        ):
            continue
        seen.add(name.lower())
        span = doc.char_span(s, e, alignment_mode="expand")
        sentence = sentence_of(span[0]) if span is not None else None
        when = next(
            (
                t
                for t in times
                if sentence is not None
                and sentence.start <= t.start < sentence.end
                and not (span is not None and span.start <= t.start < span.end)
            ),
            None,
        )
        found.append(
            Event(
                description=name,
                date=when.value if when else None,
                date_text=when.text(doc) if when else None,
                participants=[],
                location=doc._.location,
                start=s,
                end=e,
                evidence=text[s:e],
            )
        )
    return found
