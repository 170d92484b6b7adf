"""Dated occurrences from a Doc, read off the parse: each time expression dates the predicate it
hangs from (a verb, or a noun of an occurrence: "the vote Tuesday", "since its inception in 1993"),
not the nearest date of the sentence. A clause is left out when it states a statistic, a habit or
the release's own speech act ("announced today that ..."), when it is negated, and when its time
expression bounds a span ("since 2015", "through September") rather than dating one occurrence.
Named events ("National Night Out") count only with a date. One event per occurrence: two clauses
telling the same occurrence at compatible dates are one, at the most precise date given. Plain
functions from Doc to records."""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from .components import doc_text, entities, in_headline, lowers, sentence_of
from .models import Event, Spanned
from .numbers import is_year_token
from .people import Person
from .rules import derived, load, regexes, rules_cache
from .timex import APPOINTMENT_NOUNS, DUE_WORDS, FLOATING_HOLIDAYS, HOLIDAYS, TimeMention


@dataclass(frozen=True)
class EventRules:
    """rules/events.json, read: the words that tell an occurrence from a statistic, a habit or a
    speech act."""

    statistic_verbs: frozenset[str]  # "recorded", "counted": a clause that states a figure
    announcement_verbs: frozenset[str]  # "announced", "released": an occurrence, unless the release's own act
    speech_verbs: frozenset[str]  # "said", "noted": a speech act, never an occurrence
    habit_words: frozenset[str]  # "each", "annually": a frequency, not a date
    span_words: frozenset[str]  # "during", "over": a time expression that a span fills
    end_words: frozenset[str]  # "through", "until": a time expression that ends a span
    event_nouns: frozenset[str]  # "meeting", "inception": an occurrence a date names directly
    year_event_nouns: frozenset[str]  # "outbreak": a bare year before it still dates an occurrence
    released_works: frozenset[str]  # "figures", "report": what an announcing verb releases as an occurrence
    not_named_events: frozenset[str]
    possession_verbs: frozenset[str]  # "receiving a grant": what the release announces it holds, no act
    named_event: re.Pattern[str]  # "National Night Out", "the Fourth of July Parade"


@rules_cache
def event_rules() -> EventRules:
    """The rules, read once (when the extractor_events component is made, or on first use)."""
    rules = load("events.json")
    words = sorted(rules["named_event_words"], key=len, reverse=True)
    return EventRules(
        statistic_verbs=frozenset(rules["statistic_verbs"]),
        announcement_verbs=frozenset(rules["announcement_verbs"]),
        speech_verbs=frozenset(rules["speech_verbs"]),
        habit_words=frozenset(rules["habit_words"]),
        span_words=frozenset(rules["span_words"]),
        end_words=frozenset(rules["end_words"]),
        event_nouns=frozenset(rules["event_nouns"]),
        year_event_nouns=frozenset(rules["year_event_nouns"]),
        released_works=frozenset(rules["released_works"]),
        possession_verbs=frozenset(rules["possession_verbs"]),
        not_named_events=frozenset(rules["not_named_events"]),
        named_event=re.compile(
            r"\b(?:[A-Z][\w'’.-]*\s+){1,5}(?:" + "|".join(re.escape(w.title()) for w in words) + r")\b"
        ),
    )


MAX_SENTENCE_TOKENS = 250
MAX_CORE_TOKENS = 8  # a participant or an object is named in a few words, not its whole clause
SUBJECTS = ("nsubj", "nsubjpass")
OBJECTS = ("dobj", "attr", "oprd")
# what a core noun phrase keeps of a noun's children: its name, its modifiers and its count
CORE_DEPS = frozenset(
    ("compound", "amod", "nummod", "poss", "det", "flat", "nmod", "quantmod", "case", "nn", "npadvmod")
)
# prepositions that complete an occurrence's verb: "sentenced to 15 years", "pleaded guilty to fraud"
COMPLEMENT_PREPOSITIONS = frozenset(("to", "of", "for", "into", "against", "on", "with", "from"))
# heads of a subject or object that make a clause a statistic: "an average of 36", "the number of cases"
AGGREGATE_NOUNS = frozenset(("average", "total", "number", "rate", "percent", "percentage", "share", "majority"))


@dataclass
class _Found:
    """An event with what tells two clauses of one occurrence apart (`_one_per_occurrence`)."""

    event: Event
    lemmas: frozenset[str]  # the predicate's lemma and its object's: "vote", "deliver presentation"
    subject: frozenset[str]  # the lowercase words of its core participant, or empty


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
    location: str | None = doc._.location
    published: dt.date | None = doc._.published
    statistic_spans = [(f.start, f.end) for f in statements]
    found: list[_Found] = []
    timed = {i for t in times for i in range(t.start, t.end)}  # no description repeats a date
    for mention, anchor in _dated_predicates(doc, times):
        if not _dates_an_occurrence(doc, mention, quote_spans, statistic_spans):
            continue
        if anchor.pos_ in ("VERB", "AUX"):
            if _quoted(doc, mention, quote_spans) and _to_come(anchor):
                continue  # "we will keep our promises in 2024": a quotation's plan is a promise
            if not _occurrence(anchor, mention, statements, published):
                # "In 2020, Hale was eligible for parole and was denied release": a state, then what happened
                announced = _announced_act(anchor, mention, published, timed)
                if announced is not None and _occurrence(announced, mention, statements, published):
                    anchor = announced
                    made = _verb_event(doc, anchor, mention, timed, people, location)
                    if made is not None:
                        found.append(made)
                    continue
                joined = [
                    c
                    for c in anchor.children
                    if c.dep_ == "conj"
                    and c.pos_ == "VERB"
                    and anchor.lemma_ == "be"
                    and c.lemma_.lower() not in event_rules().statistic_verbs
                    and not any(g.i in timed for g in c.children)
                    and _occurrence(c, mention, statements, published)
                ]
                if not joined:
                    continue
                anchor = joined[0]
            made = _verb_event(doc, anchor, mention, timed, people, location)
        else:
            bare_year = mention.value is not None and len(mention.value) == 4
            if (
                bare_year
                and _modifies(doc, mention, anchor)
                and anchor.lemma_.lower() not in event_rules().year_event_nouns
            ):
                continue  # "the 2024 count" names a year's tally; "the 2019 measles outbreak" an occurrence
            made = _noun_event(doc, anchor, mention, timed, people, location)
        if made is not None:
            found.append(made)
        outer = _at_gathering(anchor, timed)
        if outer is not None and _occurrence(outer, mention, statements, published):
            made = _verb_event(doc, outer, mention, timed, people, location)
            if made is not None:
                found.append(made)
    events = _one_per_occurrence(found)
    events += _named_events(doc, times, events, quote_spans)
    return sorted(events, key=lambda e: e.start)


# --- which predicate a time expression dates ---------------------------------------------------


def _governing_verb(token: Token) -> Token | None:
    """The verb a time expression dates; a participle that only introduces it ("starting in
    March", "beginning Feb. 1") hands over to the verb it hangs from."""
    node = token
    for _ in range(8):
        if node.pos_ in ("VERB", "AUX") and node.i != token.i:
            introduces = node.dep_ in ("prep", "advcl", "pcomp", "advmod") or (
                node.tag_ == "VBG"
                and node.dep_ in ("conj", "pobj")  # "charged with fraud and resisting arrest in 2018"
            )
            if node.dep_ != "conj" and any(c.dep_ == "dobj" for c in node.children):
                introduces = False  # "since opening the shelter in 2022": the opening is dated
            if (
                node.tag_ in ("VBG", "VBN")
                and introduces
                and _released_work(node) is None  # "..., according to its report, released Monday": the release
                and not any(c.dep_ in SUBJECTS for c in node.children)
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
    """The occurrence a time expression names directly, before any verb: "the 2025 legislative
    session", "a committee meeting on April 10", "Tuesday's vote", "since its inception in 1993"."""
    node = token
    for _ in range(3):
        if node.head.i == node.i:
            return None
        node = node.head
        if node.pos_ in ("NOUN", "PROPN") and node.lemma_.lower() in event_rules().event_nouns:
            # one occurrence, not a count of them: "264 homicides, the fewest since 1966"
            return node if node.tag_ not in ("NNS", "NNPS") else None
        if node.pos_ in ("VERB", "AUX"):
            return None
    return None


# verbs of saying that tell nothing else: "warned residents to lock their cars" is advice given,
# while "added two shifts" and "noted the plates" may be occurrences
ALWAYS_SPEECH = frozenset(("say", "warn", "urge", "caution", "remind", "state", "tell"))
MODIFIER_DEPS = ("compound", "amod", "nmod", "nummod", "poss")
HOLIDAY_NAMES = derived(lambda: frozenset(HOLIDAYS) | frozenset(FLOATING_HOLIDAYS))


def _in_clause_phrase(noun: Token) -> bool:
    """An occurrence noun in a phrase that dates its clause: "at the start of Tuesday's meeting,
    there was a moment of silence" (the clause's time is the meeting's); "before" and "after" put
    the clause at another time ("died two days after the March 4 shooting")."""
    node = noun
    for _ in range(2):
        if node.dep_ != "pobj" or node.head.dep_ != "prep":
            return False
        if node.head.head.pos_ in ("VERB", "AUX"):
            return node.head.lower_ in ("at", "during")  # "died two days after the March 4 shooting": not its date
        node = node.head.head
    return False


def _held_occurrence(verb: Token, root: Token) -> Token | None:
    """The occurrence a "have" clause holds, that the clause's date dates: "who had a prior
    conviction in 2016", "the club had a fire in 2019"; not a count ("had 40 arrests in 2019")."""
    if verb.lemma_ != "have" or verb.pos_ not in ("VERB", "AUX"):
        return None
    if not (root.head.dep_ == "prep" and root.head.head.i == verb.i) and root.head.i != verb.i:
        return None
    noun = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if noun is None or noun.tag_ != "NN" or noun.lemma_.lower() not in event_rules().event_nouns:
        return None
    return None if _counted(noun) is not None else noun


def _anchor(doc: Doc, mention: TimeMention, timed: set[int]) -> Token | None:
    """The predicate a time expression dates: the nearest occurrence noun above it, else its verb.
    A date that modifies a noun dates that noun ("his March 3 letter", "Tuesday's vote"), unless it
    names a kind rather than a time ("Thanksgiving meals", "this year's budget")."""
    root = doc[mention.start : mention.end].root
    nouns = event_rules().event_nouns
    if root.dep_ in MODIFIER_DEPS and root.head.pos_ in ("NOUN", "PROPN") and root.head.i >= mention.end:
        head = root.head
        while head.dep_ in ("compound", "amod", "nmod") and head.head.pos_ in ("NOUN", "PROPN"):
            head = head.head  # "the 2019 measles outbreak": the phrase's head
        written = mention.value is not None and any(ch.isdigit() for ch in mention.text(doc))
        if mention.text(doc).lower() in HOLIDAY_NAMES:
            return None  # "Thanksgiving meals": a kind of meal
        if head.lemma_.lower() in nouns:
            # "Tuesday's vote ensures ...", "a July campaign"; but "at the start of Tuesday's
            # meeting, there was a moment of silence" dates its clause
            return _governing_verb(root) if _in_clause_phrase(head) else head
        if written and head.lemma_.lower() not in nouns:
            return head  # "her March 3 letter"
    named = root.head.pos_ == "PROPN" or root.head.lemma_.lower() in nouns  # not "the year 2050"
    if root.dep_ == "appos" and named and root.head.i not in timed:
        return root.head  # "during Harbor Safety Week, May 4 to 10": the week's dates
    verb = _event_noun(root) or _governing_verb(root)
    held = _held_occurrence(verb, root) if verb is not None else None
    if held is not None:
        return held  # "who had a prior conviction in 2016": the conviction is dated
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None) if verb is not None else None
    if (
        verb is not None
        and verb.lemma_ == "be"
        and subject is not None
        and subject.tag_ in ("NN", "NNP")
        and (subject.lemma_.lower() in nouns or subject.lemma_.lower() in APPOINTMENT_NOUNS)
        and not any(c.dep_ in ("acomp", "attr") and c.i not in timed for c in verb.children)
    ):
        return subject  # "his next court date is Aug. 20", "the hearing was on Tuesday": the appointment
    if verb is not None and verb.pos_ in ("VERB", "AUX") and root.head.i in (verb.i, *(c.i for c in verb.children)):
        # "spoke at a press briefing Monday": the occurrence is the briefing
        for c in verb.children:
            if c.dep_ == "prep" and c.lower_ in ("at", "during"):
                pobj = next((g for g in c.children if g.dep_ == "pobj"), None)
                if pobj is not None and pobj.lemma_.lower() in nouns and not mention.start <= pobj.i < mention.end:
                    return pobj
    return verb


def _precision(mention: TimeMention) -> int:
    return len(mention.value) if mention.value else 0


def _listed(doc: Doc, a: TimeMention, b: TimeMention) -> bool:
    """Two dates of one list ("arraigned on Friday, May 2 and Monday, May 5"; "both on June 1 and
    July 9"): each dates an occurrence of its own."""
    if _precision(a) != 10 or _precision(b) != 10 or a.value == b.value:
        return False
    first, second = (a, b) if a.start < b.start else (b, a)
    low = lowers(doc)
    if first.start > 0 and low[first.start - 1] in ("between", "from"):
        return False  # "between May 2 and May 9": a span, not a list
    between = low[first.end : second.start]
    return "and" in between and all(w in (",", "and", "or", "on", "then") for w in between)


def _dated_predicates(doc: Doc, times: list[TimeMention]) -> list[tuple[TimeMention, Token]]:
    """Each predicate with the most precise time expression dating it ("The county's first case
    this year was confirmed April 2" happened on April 2), or with each date of a list of dates."""
    chosen: dict[int, list[TimeMention]] = {}
    anchors: dict[int, Token] = {}
    timed = {i for t in times for i in range(t.start, t.end)}
    for mention in times:
        if len(sentence_of(doc[mention.start])) > MAX_SENTENCE_TOKENS:
            continue  # no prose sentence is this long: a list or a flood of numbers
        anchor = _anchor(doc, mention, timed)
        if anchor is None:
            continue
        anchors[anchor.i] = anchor
        current = chosen.setdefault(anchor.i, [])
        if not current or all(_listed(doc, c, mention) for c in current):
            current.append(mention)
        elif len(current) == 1 and _precision(mention) > _precision(current[0]):
            current[0] = mention
    pairs = [(m, anchors[i]) for i, ms in chosen.items() for m in ms]
    return sorted(pairs, key=lambda p: p[0].start)


def _at_gathering(anchor: Token, timed: set[int]) -> Token | None:
    """The verb of what happened at a gathering its participle dates: "were honored at the Valor
    Awards held Thursday" (the honoring is dated by the awards); not a speech act there ("spoke at
    the forum held Monday": the forum is the occurrence)."""
    if anchor.dep_ != "acl" or anchor.pos_ != "VERB":
        return None  # the gathering's own date is told by its participle: "the awards held Thursday"
    noun = anchor.head
    rules = event_rules()
    if noun.dep_ != "pobj" or not (noun.pos_ == "PROPN" or noun.lemma_.lower() in rules.event_nouns):
        return None
    prep = noun.head
    verb = prep.head
    if prep.lower_ not in ("at", "during") or verb.pos_ != "VERB" or verb.i == anchor.i:
        return None
    lemma = verb.lemma_.lower()
    if lemma in rules.speech_verbs or lemma in rules.announcement_verbs or lemma in rules.statistic_verbs:
        return None
    if any(t.i in timed for c in verb.children if c.i != prep.i for t in c.subtree):
        return None  # the verb has a time of its own
    return verb


# --- what a time expression does not date -----------------------------------------------------


def _inside(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    return any(s <= start and end <= e for s, e in spans)


def _dates_an_occurrence(
    doc: Doc, mention: TimeMention, quote_spans: list[tuple[int, int]], statistic_spans: list[tuple[int, int]]
) -> bool:
    """Whether a time expression can date one occurrence at all: not in a quotation, a statistic's
    words, the date line or the headline; not a frequency ("each January"), the bound of a span
    ("since 2015", "through September", "over the past year"), the subject of its clause ("2022 is
    expected to be worse") or a citation's year ("(1977)")."""
    s_char, e_char = doc[mention.start].idx, doc[mention.end - 1].idx + len(doc[mention.end - 1].text)
    if _inside(s_char, e_char, quote_spans) and not (
        mention.value is not None and any(ch.isdigit() for ch in mention.text(doc))
    ):
        return False  # a quotation's "today" is rhetoric; "closed in 2011" tells what happened
    if _inside(s_char, e_char, statistic_spans) and not _own_clause(doc, mention, statistic_spans):
        return False
    sentence = sentence_of(doc[mention.start])
    if regexes.DATE_LINE.match(sentence.text.strip()) or in_headline(doc[mention.start]):
        return False  # the article's own date line, or a headline restating the story
    low = lowers(doc)
    rules = event_rules()
    k = mention.start - 1
    while k > sentence.start and low[k] in FILLERS:
        k -= 1  # "through the year 2030", "throughout the month of October"
    before = low[k] if k >= sentence.start else ""
    first = low[mention.start]
    if low[max(sentence.start, mention.start - 2) : mention.start] == ["as", "of"]:
        return False  # "as of June 30": a running total's date
    if before in ("between", "from") and _range_bound(doc, mention, sentence):
        return False  # "between March 2020 and March 2021": a span
    if before in rules.habit_words:
        return False  # "held each January": a frequency
    # a preposition of a span governs the time expression itself: "during the July heat wave" is the wave's
    governed = k >= sentence.start and _governed_by(doc, mention, k)
    root = doc[mention.start : mention.end].root
    if governed and before in rules.span_words and not _to_come(root, infinitive=True):
        return False  # "during the previous year"; not "will host events throughout October"
    if governed and before in rules.end_words and not _to_come(root):
        return False  # "the program runs through September"; not "will keep patrols through Labor Day"
    second = low[mention.start + 1] if mention.start + 1 < mention.end else ""
    the = mention.start > sentence.start and low[mention.start - 1] == "the"
    if (the and first in ROLLING) or (first == "the" and second in ROLLING):
        return False  # "in the last year": the months up to now, a span
    if doc[mention.start : mention.end].root.dep_ in SUBJECTS:
        return False  # "2022 is predicted to be worse": the time is what the clause is about
    after = low[mention.end] if mention.end < len(doc) else ""
    return not (before == "(" and after == ")" and mention.end - mention.start == 1)  # "(1977)": a citation


ROLLING = ("last", "past", "previous", "prior")  # "the last year", "the past two weeks"
# words between a span's preposition and its time expression: "throughout (the month of) October"
FILLERS = frozenset(("the", "year", "month", "end", "of", "this", "early", "late", "mid", "entire", "whole"))


def _governed_by(doc: Doc, mention: TimeMention, k: int) -> bool:
    """Whether token k governs the time expression, through filler words only ("throughout (the
    month of) October"), not through a noun it modifies ("during the July heat wave")."""
    node = doc[mention.start : mention.end].root
    for _ in range(5):
        if node.head.i == node.i:
            return False
        node = node.head
        if node.i == k:
            return True
        if not (mention.start <= node.i < mention.end or node.lower_ in FILLERS):
            return False
    return False


def _to_come(token: Token, infinitive: bool = False) -> bool:
    """Whether the verb a token hangs from speaks of what is to come: "will keep", "would be";
    with `infinitive`, also "events to occur" (not said of an end: "expected to continue through
    2030" is a projection)."""
    markers = ("will", "'ll", "shall", "would")
    verb = token if token.pos_ in ("VERB", "AUX") else _governing_verb(token)
    while verb is not None:
        # "events to occur", "with events to occur": not a purpose ("to raise awareness") or a "continue to"
        scheduled = infinitive and (verb.dep_ == "acl" or any(c.dep_ in SUBJECTS for c in verb.children))
        if any(c.dep_ == "aux" and (c.lower_ in markers or scheduled and c.lower_ == "to") for c in verb.children):
            return True
        verb = verb.head if verb.dep_ in ("conj", "xcomp") and verb.head.i != verb.i else None
    return False


def _range_bound(doc: Doc, mention: TimeMention, sentence: Span) -> bool:
    """A time expression after "between" or "from" followed by "and"/"to" and another: a span's bound."""
    low = lowers(doc)
    after = [w for w in low[mention.end : min(mention.end + 3, sentence.end)] if w != ","]
    return bool(after) and after[0] in ("and", "to", "through", "until", "-", "\u2013")


def _quoted(doc: Doc, mention: TimeMention, quote_spans: list[tuple[int, int]]) -> bool:
    start, end = doc[mention.start].idx, doc[mention.end - 1].idx + len(doc[mention.end - 1].text)
    return _inside(start, end, quote_spans)


def _own_clause(doc: Doc, mention: TimeMention, spans: list[tuple[int, int]]) -> bool:
    """ "the fewest since the county began its count in 2005": a clause of its own inside a
    statistic's words is still an occurrence."""
    verb = _governing_verb(doc[mention.start : mention.end].root)
    if verb is None or not any(c.dep_ in SUBJECTS for c in (verb.head if verb.dep_ == "xcomp" else verb).children):
        return False  # "since the county began publishing its count in 2005": the subject it shares
    return any(s <= verb.idx < e for s, e in spans) and verb.lemma_.lower() not in event_rules().statistic_verbs


def _modifies(doc: Doc, mention: TimeMention, noun: Token) -> bool:
    """A time expression that is a modifier of the noun ("the 2024 count"), not its complement."""
    root = doc[mention.start : mention.end].root
    modifier = root.dep_ in ("nummod", "compound", "amod", "npadvmod", "nmod", "poss")
    return modifier and root.i < noun.i and any(t.i == root.i for t in noun.subtree)


# --- whether a clause tells an occurrence ----------------------------------------------------


def _occurrence(verb: Token, mention: TimeMention, statements: Sequence[Spanned], published: dt.date | None) -> bool:
    """Whether the clause a time expression dates tells of something that happened (or will)."""
    rules = event_rules()
    lemma = verb.lemma_.lower()
    children = list(verb.children)
    if any(c.dep_ == "neg" for c in children):
        return False  # "were not enjoined today": what did not happen
    if any(c.dep_ == "advmod" and c.lower_ in rules.habit_words for c in children) or any(
        c.dep_ == "npadvmod" and any(g.lower_ in rules.habit_words for g in c.children) for c in children
    ):
        return False  # "have met regularly", "turned families away every week": a habit
    if lemma == "be" and any(c.dep_ in ("acomp", "attr") and c.lower_ in DUE_WORDS for c in children):
        return True  # "is due back in court on June 2": an appearance to come
    root = verb.doc[mention.start : mention.end].root
    nested = root.head.i != verb.i and root.head.head.i != verb.i
    if nested and verb.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in children):
        return False  # "gathered to honor the victims of 2018": a purpose, and the year is the victims
    says = (
        lemma in ALWAYS_SPEECH
        or any(c.dep_ in ("ccomp", "xcomp") for c in children)
        or not any(c.dep_ == "dobj" for c in children)
    )
    if lemma in rules.speech_verbs and says:
        return False  # "said Tuesday that ...": a speech act; not "added two shifts in April"
    if lemma in rules.announcement_verbs and _own_speech_act(verb, mention, published):
        return False  # "announced today that ...": the release's own act
    if _releases_a_work(verb):
        return True  # "released figures Wednesday showing 1,204 deaths": the release happened; its numbers are figures
    if lemma in rules.statistic_verbs and not _has_event_noun(verb) and not _made_so(verb):
        return False
    precision = _precision(mention)
    coarse = precision <= 4  # a year, a range of years or an unresolved span
    since = mention.start > 0 and verb.doc[mention.start - 1].lower_ == "since"  # "since 2021": when it began
    if coarse and not since and _over_each(verb):
        return False  # "In 2023, she won verdicts on each trial she argued": many occurrences, not one
    if coarse and _present_state(verb):
        return False  # "This year, the office is expanding the program": a state, not an occurrence
    counted = _counted(verb.head) is not None or (
        verb.head.like_num and verb.head.i > 0 and verb.doc[verb.head.i - 1].lower_ in ("the", "than", "all", "those")
    )  # not a name's number: "Rule 12, which took effect in 2003"
    if coarse and verb.dep_ == "relcl" and counted:
        return False  # "more than the 425 it recorded in 2022": a count's clause
    if coarse and verb.dep_ == "acl" and verb.head.tag_ in ("NNS", "NNPS"):
        return False  # "drivers arrested in 2018": a class of cases, not one occurrence
    return not _states_numbers(verb, mention, statements, coarse)


def _over_each(verb: Token) -> bool:
    """Whether the verb's object, or the object of one of its prepositions, is every one of a kind
    ("won verdicts on each trial", "reviewed every file", "honor every victim"): a tally of
    many occurrences over its time, not one."""
    rules = event_rules()
    arguments = [c for c in verb.children if c.dep_ in OBJECTS]
    arguments += [g for c in verb.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"]
    arguments += [g for a in list(arguments) for g in a.children if g.dep_ == "prep" for g in g.children]
    return any(d.dep_ == "det" and d.lower_ in rules.habit_words for a in arguments for d in a.children)


def _releases_a_work(verb: Token) -> bool:
    """An announcing verb whose object is a report or a set of figures: "released figures
    Wednesday", "presented the numbers to the committee Tuesday night", "the report, released
    Monday". Not one that releases people ("released 40 inmates") or says ("announced that")."""
    rules = event_rules()
    if verb.lemma_.lower() not in rules.announcement_verbs:
        return False
    return _released_work(verb) is not None


def _released_work(verb: Token) -> Token | None:
    """The report or figures an announcing verb releases: its object, its passive subject, or the
    noun its participle describes ("the annual report, released Monday"); not a count of them."""
    rules = event_rules()
    if verb.lemma_.lower() not in rules.announcement_verbs:
        return None
    obj = next((c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")), None)
    if obj is None and verb.tag_ == "VBN" and verb.dep_ == "acl":
        obj = verb.head  # "the department's annual report released Monday"
    elif obj is None and verb.tag_ == "VBN" and verb.i > 1 and verb.doc[verb.i - 1].text == ",":
        obj = verb.doc[verb.i - 2]  # "according to its annual report, released Monday" (parsed as a clause)
    if obj is None or obj.lemma_.lower() not in rules.released_works or _counted(obj) is not None:
        return None
    return obj


def _own_speech_act(verb: Token, mention: TimeMention, published: dt.date | None) -> bool:
    """ "announced today that ...", "today confirmed that ...": an announcing verb dated the day
    of publication with a clause for its content (or nothing it announces) is the release's own
    act; "today announced a new campaign" and "the report released today" tell an occurrence."""
    if published is None or mention.value != published.isoformat():
        return False
    children = list(verb.children)
    if any(c.dep_ in ("ccomp", "xcomp") for c in children):
        return True
    passive = verb.dep_ == "acl" or any(
        c.dep_ in ("nsubjpass", "auxpass") for c in children
    )  # "the report released today"
    return not passive and not any(c.dep_ == "dobj" for c in children)


def _announced_act(verb: Token, mention: TimeMention, published: dt.date | None, timed: set[int]) -> Token | None:
    """What the release announces it is doing the day it speaks: "announced today that it is
    launching a campaign", "said today it has filed suit": the act in progress or just done is
    dated by the announcement. Not a plan ("will launch"), a state ("is responsible"), a verb of
    saying, nor a clause with a date of its own."""
    rules = event_rules()
    if verb.lemma_.lower() not in rules.announcement_verbs or not _own_speech_act(verb, mention, published):
        return None
    content = next((c for c in verb.children if c.dep_ == "ccomp"), None)
    if content is None or content.pos_ != "VERB":
        return None
    lemma = content.lemma_.lower()
    if lemma in rules.statistic_verbs or lemma in rules.speech_verbs or lemma in ALWAYS_SPEECH:
        return None
    if lemma in rules.possession_verbs:
        return None  # "is receiving a $900,000 grant": a holding, told by its sum
    aux = [c for c in content.children if c.dep_ in ("aux", "auxpass")]
    ongoing = (content.tag_ == "VBG" and any(a.lower_ in ("is", "are") for a in aux)) or (
        content.tag_ == "VBN" and any(a.lower_ in ("has", "have") for a in aux)
    )
    if not ongoing or any(a.tag_ == "MD" for a in aux) or any(c.dep_ == "neg" for c in content.children):
        return None
    if any(t.i in timed for t in content.subtree):
        return None
    return content


def _present_state(verb: Token) -> bool:
    """A verb in the present tense, simple or progressive: "runs", "is expanding"."""
    auxiliaries = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    if auxiliaries & {"will", "'ll", "shall", "would", "to", "was", "were", "had", "did", "has", "have"}:
        return False
    return verb.tag_ in ("VBZ", "VBP") or (verb.tag_ == "VBG" and bool(auxiliaries & {"is", "are", "am"}))


def _count_of(tokens: Sequence[Token | None], skip: set[int]) -> int | float | None:
    """The count of the first of `tokens` that has one: "148 firearms" is 148."""
    for t in tokens:
        if t is not None and t.i not in skip and (c := _counted(t)) is not None and c._.number is not None:
            value = float(c._.number)
            return int(value) if value.is_integer() else value
    return None


def _counted(token: Token) -> Token | None:
    """The number that counts a noun ("148 firearms", "two minors"), not a year."""
    for c in token.children:  # a count stands before its noun; "section 23640", "Measure 5" are names
        if c.dep_ in ("nummod", "quantmod") and c.i < token.i and not is_year_token(c) and c._.number is not None:
            return c
    return None


def _states_numbers(verb: Token, mention: TimeMention, statements: Sequence[Spanned], coarse: bool) -> bool:
    """Whether a clause states a statistic: it holds a figure, a percent or an aggregate ("an
    average of 36"), or, dated no finer than a year, it counts its subject or object ("charged 57
    defendants in 2020"). Dated to a day or a month, a count is a one-off's ("on Saturday, 148
    firearms were turned in": an event with its count)."""
    # a statistic in an adverbial clause of the verb is that clause's ("Seeing a rise in thefts,
    # the office formed a unit in 2019"); one inside the verb's subject or object still counts
    other = {t.i for c in verb.children if c.dep_ in ("advcl", "relcl", "acl") for t in c.subtree}
    own = [t for t in verb.subtree if t.i not in other]
    if any(t.idx <= f.start < t.idx + len(t.text) + 1 for t in own for f in statements):
        return True
    arguments = [c for c in verb.children if c.dep_ in (*OBJECTS, *SUBJECTS, "npadvmod")]
    for t in (t for a in arguments for t in _own_words(a)):
        if mention.start <= t.i < mention.end or is_year_token(t) or not t.like_num or t._.number is None:
            continue
        following = t.nbor(1).lower_ if t.i + 1 < len(t.doc) else ""
        if following in ("%", "percent", "per"):
            return True  # "cleared 52% of cases"; not "Measure 5, which passed with 60%, took effect"
    for argument in arguments:
        if argument.lemma_.lower() in AGGREGATE_NOUNS:
            return True  # "an average of 36 victims", "the number of cases rose"
        if coarse and argument.ent_type_ == "MONEY" and not _to_come(argument):
            return True  # "received $2 million in 2014" (not "obtained a $3 million settlement")
        if coarse and _counted(argument) is not None and argument.tag_ in ("NNS", "NNPS", "CD"):
            return True  # "answered 4,100 alarms last year", "charged 57 defendants in 2020"
        if coarse and argument.like_num and argument._.number is not None and not is_year_token(argument):
            return True  # "reported 24,454 in 2018"
    return False


def _own_words(token: Token) -> list[Token]:
    """A phrase's words less its relative clauses and appositions, which tell of other things."""
    words: list[Token] = []
    stack = [token]
    while stack:
        node = stack.pop()
        words.append(node)
        stack += [c for c in node.children if c.dep_ not in ("relcl", "acl", "appos", "advcl")]
    return words


def _made_so(verb: Token) -> bool:
    """ "the injunction was made permanent", "the list was made public": a passive "make" with the
    state it was given is an act, while "makes up 40%" states a share."""
    return (
        verb.lemma_ == "make"
        and any(c.dep_ == "auxpass" for c in verb.children)
        and any(c.dep_ in ("oprd", "acomp") and c.pos_ == "ADJ" for c in verb.children)
    )


def _has_event_noun(verb: Token) -> bool:
    """ "there was a moment of silence": a copula about an occurrence; "there are fewer than 160"
    is a count."""
    attribute = next((c for c in verb.children if c.dep_ == "attr"), None)
    return (
        verb.lemma_ == "be"
        and any(c.dep_ == "expl" for c in verb.children)
        and attribute is not None
        and not attribute.like_num
        and _counted(attribute) is None
    )


# --- describing ------------------------------------------------------------------------------


def _core(noun: Token, skip: set[int], with_of: bool = True) -> list[Token]:
    """The words that name a participant or an object: the noun with its name, modifiers and count,
    and its "of" phrase ("the formation of a council"); not its appositions or clauses ("Jane
    Roe, 38, of Elmwood, who ..." is "Jane Roe")."""
    words = [noun]
    stack = [noun]
    while stack:
        node = stack.pop()
        for c in node.children:
            take = c.dep_ in CORE_DEPS or (
                with_of and node.i == noun.i and c.dep_ == "prep" and c.lower_ == "of" and noun.pos_ != "PROPN"
            )
            if node.i != noun.i and node.dep_ == "prep":
                take = c.dep_ == "pobj"
            if take and c.i not in skip and not c.is_punct:
                words.append(c)
                stack.append(c)
    words = sorted(words, key=lambda t: t.i)
    if len(words) > MAX_CORE_TOKENS:  # keep the words nearest the head
        words = sorted(sorted(words, key=lambda t: abs(t.i - noun.i))[:MAX_CORE_TOKENS], key=lambda t: t.i)
    return words


def _text_of(tokens: list[Token]) -> str:
    """Tokens as the text writes them: their own spacing where they stand together, one space
    where words were left out between them."""
    out: list[str] = []
    ordered = sorted({t.i: t for t in tokens}.values(), key=lambda t: t.i)
    for k, t in enumerate(ordered):
        out.append(t.text)
        if k + 1 < len(ordered):
            out.append(t.whitespace_ if ordered[k + 1].i == t.i + 1 else " ")
    return "".join(out).strip()


def _subject(verb: Token) -> Token | None:
    """The core participant of a verb's clause: its subject, the subject it shares with the verb it
    is joined to, or the noun a participle or relative clause describes ("an operation conducted
    in 2022", "Jane Roe, who was arrested")."""
    subject = next((c for c in verb.children if c.dep_ in SUBJECTS), None)
    if subject is None and verb.dep_ == "advcl" and (work := _released_work(verb)) is not None:
        return work  # "..., according to its annual report, released Monday": the report
    if subject is None and verb.dep_ in ("acl", "relcl") and verb.head.pos_ in ("NOUN", "PROPN"):
        return verb.head
    if subject is None and verb.dep_ in ("conj", "xcomp", "advcl") and verb.head.pos_ in ("VERB", "AUX"):
        return _subject(verb.head)
    if subject is not None and subject.lower_ in ("who", "which", "that"):
        clause = subject.head
        while clause.dep_ == "conj" and clause.head.i != clause.i:
            clause = clause.head
        if clause.dep_ == "relcl":
            return clause.head
    return subject


def _predicate_words(verb: Token, skip: set[int]) -> tuple[list[Token], Token | None]:
    """A verb with its particle, its object or complement, and the preposition that completes it:
    "sentenced to 15 years", "pleaded guilty to fraud", "began to develop a program"."""
    words = [verb] + [c for c in verb.children if c.dep_ == "prt" and c.i not in skip]
    head = verb.head
    if verb.dep_ == "conj" and head.pos_ == "VERB" and head.i < verb.i:
        between = verb.doc[head.i + 1 : verb.i]
        if all(t.dep_ in ("cc", "aux", "auxpass", "advmod", "punct") for t in between):
            words = [head, *between, *words]  # "struck and killed": one occurrence told by two verbs
    obj = next((c for c in verb.children if c.dep_ in OBJECTS and c.i not in skip), None)
    if obj is not None:
        words += _core(obj, skip)
    small = next((c for c in verb.children if c.dep_ in ("ccomp", "oprd") and c.pos_ in ("ADJ", "NOUN")), None)
    if small is not None and obj is None:  # "found Hale guilty": a clause without a verb
        inner_subject = next((c for c in small.children if c.dep_ in SUBJECTS), None)
        words += (_core(inner_subject, skip) if inner_subject is not None else []) + [small]
    complement = next((c for c in verb.children if c.dep_ in ("acomp", "xcomp") and c.i not in skip), None)
    if complement is not None and obj is None:
        if complement.pos_ in ("VERB", "AUX"):  # "began to develop a program"
            inner, inner_obj = _predicate_words(complement, skip)
            words += [c for c in complement.children if c.dep_ == "aux"] + inner
            obj = obj or inner_obj
        else:
            words.append(complement)  # "pleaded guilty"
            verb = complement
    preposition = next(
        (
            c
            for c in list(verb.children) + (list(complement.children) if complement is not None else [])
            if c.dep_ == "prep" and c.lower_ in COMPLEMENT_PREPOSITIONS and c.i > verb.i and c.i not in skip
        ),
        None,
    )
    pobj = next((c for c in preposition.children if c.dep_ == "pobj"), None) if preposition is not None else None
    if preposition is not None and pobj is not None and pobj.i not in skip and len(words) < MAX_CORE_TOKENS:
        words += [preposition] + _core(pobj, skip, with_of=False)
    return words, obj


def _verb_event(
    doc: Doc, verb: Token, mention: TimeMention, timed: set[int], people: list[Person], location: str | None
) -> _Found | None:
    """ "Jane Roe sentenced to 15 years": the clause's core participant, its verb and what completes it."""
    skip = timed
    subject = _subject(verb)
    subject_words = _core(subject, skip) if subject is not None and subject.i not in skip else []
    subject_words = [t for t in subject_words if t.lower_ not in ("who", "which", "that")]
    if subject is None:
        subject_words = [c for c in verb.children if c.dep_ == "expl"]  # "there was a moment of silence"
    predicate, obj = _predicate_words(verb, skip)
    description = _text_of(subject_words + predicate)
    if not description:
        return None
    count = _count_of([subject, obj], skip)
    sentence = sentence_of(verb)
    tokens = [t.i for t in verb.subtree] + [t.i for t in subject_words] + list(range(mention.start, mention.end))
    first, last = max(min(tokens), sentence.start), min(max(tokens) + 1, sentence.end)
    lemmas = {verb.lemma_.lower()} | ({obj.lemma_.lower()} if obj is not None else set())
    return _found(doc, description, mention, first, last, people, location, lemmas, subject_words, count)


def _noun_event(
    doc: Doc, noun: Token, mention: TimeMention, timed: set[int], people: list[Person], location: str | None
) -> _Found | None:
    """ "the Summit on Elder Care", "a committee meeting": the noun with its name and its complement;
    "since its inception in 1993": whose inception the clause's subject tells."""
    skip = timed
    # a possessive pronoun is dropped ("his arraignment"), a name kept ("Dunn's arraignment")
    dropped = {t.i for t in noun.children if t.dep_ == "det" or (t.dep_ == "poss" and t.pos_ == "PRON")}
    words = [t for t in _core(noun, skip) if t.i not in dropped and not (t.dep_ == "case" and t.head.i in dropped)]
    preposition = next((c for c in noun.children if c.dep_ == "prep" and c.i not in skip and c.i > noun.i), None)
    pobj = next((c for c in preposition.children if c.dep_ == "pobj"), None) if preposition is not None else None
    if preposition is not None and pobj is not None and pobj.i not in skip and preposition.lower_ != "of":
        words += [preposition] + _core(pobj, skip, with_of=False)
    subject_words: list[Token] = []
    if any(c.dep_ == "poss" and c.tag_ == "PRP$" for c in noun.children):
        clause = _governing_verb(noun)
        subject = _subject(clause) if clause is not None else None
        if subject is not None and subject.pos_ != "PRON" and subject.i != noun.i:
            subject_words = _core(subject, skip)
    tokens = [t.i for t in noun.subtree] + list(range(mention.start, mention.end))
    sentence = sentence_of(noun)
    first, last = max(min(tokens), sentence.start), min(max(tokens) + 1, sentence.end)
    description = " ".join(p for p in (_text_of(subject_words), _text_of(words) or noun.text) if p)
    count = _count_of([noun], skip)
    return _found(doc, description, mention, first, last, people, location, {noun.lemma_.lower()}, subject_words, count)


def _found(
    doc: Doc,
    description: str,
    mention: TimeMention,
    first: int,
    last: int,
    people: list[Person],
    location: str | None,
    lemmas: set[str],
    subject_words: list[Token],
    count: int | float | None,
) -> _Found:
    """An event over tokens first..last, dated by `mention`."""
    start, end = doc[first].idx, doc[last - 1].idx + len(doc[last - 1].text)
    event = Event(
        description=description,
        date=mention.value,
        date_text=mention.text(doc),
        participants=_participants(people, start, end) + _organizations(doc, subject_words),
        location=_place(doc[first:last]) or location,
        count=count,
        start=start,
        end=end,
        evidence=doc_text(doc)[start:end],
    )
    subject = frozenset(t.lower_ for t in subject_words if t.is_alpha and not t.is_stop)
    return _Found(event, frozenset(lemmas), subject)


# --- one per occurrence ----------------------------------------------------------------------


def _compatible(a: str | None, b: str | None) -> bool:
    """Two dates that may be one time: equal, or one the other at a finer precision."""
    return a is not None and b is not None and (a.startswith(b) or b.startswith(a))


def _one_per_occurrence(found: list[_Found]) -> list[Event]:
    """Clauses that tell one occurrence ("the injunction signed last November" and "signed on
    November 17"; "voted today" and "today's vote") become one event, at the most precise date.
    One occurrence: the same predicate or object, compatible dates, no two different participants."""
    kept: list[_Found] = []
    by_lemma: dict[str, list[int]] = {}  # the kept events of each lemma: a flood of dates stays linear
    for f in found:
        candidates = sorted({i for lemma in f.lemmas for i in by_lemma.get(lemma, [])})
        same = next(
            (
                i
                for i in candidates
                if _compatible(kept[i].event.date, f.event.date)
                and (not kept[i].subject or not f.subject or kept[i].subject & f.subject)
            ),
            None,
        )
        if same is None:
            for lemma in f.lemmas:
                by_lemma.setdefault(lemma, []).append(len(kept))
            kept.append(f)
        elif len(f.event.date or "") > len(kept[same].event.date or ""):
            for lemma in f.lemmas - kept[same].lemmas:
                by_lemma.setdefault(lemma, []).append(same)
            kept[same] = f
    return [k.event for k in kept]


def _participants(people: list[Person], start: int, end: int) -> list[str]:
    return [p.name for p in people if any(start <= m.start < end for m in p.mentions)]


def _organizations(doc: Doc, subject_words: list[Token]) -> list[str]:
    """The organizations that take part as the clause's subject: "the county board voted"."""
    if not subject_words:
        return []
    first, last = min(t.i for t in subject_words), max(t.i for t in subject_words) + 1
    ents = entities(doc)
    j = bisect.bisect_left([e.start for e in ents], last) - 1  # entities do not overlap: ends rise with starts
    found: list[str] = []
    while j >= 0 and ents[j].end > first:
        if ents[j].label_ == "ORG":
            found.append(ents[j].text)
        j -= 1
    return found[::-1]


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


# --- named events ----------------------------------------------------------------------------


def _named_events(
    doc: Doc, times: list[TimeMention], dated: list[Event], quote_spans: list[tuple[int, int]]
) -> list[Event]:
    """ "National Night Out", "the Fourth of July Parade", with the time expression of their
    sentence; one the text gives no time for is no event (GUIDE.md)."""
    text = doc_text(doc)
    found: list[Event] = []
    seen: set[str] = set()
    # the recognizer's EVENT spans only where they end in a word of an event's name ("... Summit"):
    # it also calls programs, places and people events
    candidates = [
        (e.start_char, e.end_char)
        for e in entities(doc)
        if e.label_ == "EVENT" and event_rules().named_event.search(e.text)
    ]
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
        span = doc.char_span(s, e, alignment_mode="expand")
        if span is None or in_headline(span[0]):
            continue
        sentence = sentence_of(span[0])
        when = next(
            (
                t
                for t in times
                if sentence.start <= t.start < sentence.end
                and not span.start <= t.start < span.end
                and not span.start <= doc[t.start : t.end].root.head.i < span.end  # "the 2021 Gala Report"
                and t.value is not None
                and _dates_an_occurrence(doc, t, quote_spans, [])
            ),
            None,
        )
        if when is None:
            continue
        seen.add(name.lower())
        found.append(
            Event(
                description=name,
                date=when.value,
                date_text=when.text(doc),
                participants=[],
                location=doc._.location,
                start=s,
                end=e,
                evidence=text[s:e],
            )
        )
    return found
