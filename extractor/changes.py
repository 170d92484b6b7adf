"""Change claims ("decreased by nearly 40% since Mayor Jones took office", "down 11.8%", "(-8.2%)",
"an increase in car break-ins") and superlative claims ("the lowest since 2014", "a record high")
from a Doc: plain functions from Doc to records."""

from __future__ import annotations

import datetime as dt
from bisect import bisect_left

from spacy.tokens import Doc, Span, Token

from . import dates
from .components import doc_text, in_headline, lowers, next_index, sentence_of, sentences
from .metrics import metric_from_noun, metric_of_label, metric_of_sentence
from .models import Change, Direction, Figure, Qualifier
from .numbers import is_year_token, qualifier_before
from .rules import derived, load, regexes
from .timex import years_in
from .vocabulary import AGO_WORDS, SUPERLATIVES, singular

RULES = derived(lambda: load("changes.json"))
INCREASE = derived(lambda: set(RULES["increase_words"]))
DECREASE = derived(lambda: set(RULES["decrease_words"]))
BASELINE_WORDS = derived(lambda: set(RULES["baseline_words"]))
LEVEL_PREPOSITIONS = derived(lambda: set(RULES["level_prepositions"]))
OPEN_BOUNDS = derived(lambda: [w.split() for w in RULES["open_bound_words"]])
DIRECTION_WORDS = derived(lambda: INCREASE | DECREASE)
# the words after a number that may make it a percentage (`_percent_at`): "%", "percent", "per cent"
PERCENT_UNIT_WORDS = frozenset({"%", "percent", "pct", "pct.", "percentage", "per"})
DIRECTION_WINDOW = 4
GENERIC_NOUNS = derived(lambda: set(RULES["generic_nouns"]))
TARGET_HEADS = derived(lambda: set(RULES["target_heads"]))
MODAL_WORDS = derived(
    lambda: set(load("figures.json")["modal_words"])
)  # one list of modal auxiliaries, kept with the figures
CATEGORY_VERBS: dict[str, list[str]] = derived(lambda: RULES["category_verbs"])
AMOUNT_LEAD_WORDS = derived(lambda: set(RULES["amount_lead_words"]))
LEVEL_NOUNS = derived(lambda: set(RULES["level_nouns"]))
EXPERIENCE_VERBS = derived(lambda: set(RULES["experience_verbs"]))
HOLDER_NOUNS = derived(lambda: set(RULES["holder_nouns"]))
PHRASAL_DIRECTION_VERBS = derived(lambda: set(RULES["phrasal_direction_verbs"]))
# what may open the next item of an enumeration whose verb is gapped: "murders fell 12%, shootings 9%"
ENUMERATION_OPENERS = frozenset({",", ";", "and", "or", "while", "but", "whereas"})
# what may stand between a change noun and its article: "a 9% decline", "a 4.5 per cent drop"
AMOUNT_TOKENS = PERCENT_UNIT_WORDS | {"cent", "-", "+"}
# what opens a clause for `_opening_noun_phrase`: "According to police, reported thefts fell"
CLAUSE_BREAKS = frozenset({",", ";", ":", "(", "\u2013", "\u2014", "--", "\u201c", '"'})
NUMBER_ENTITIES = frozenset({"PERCENT", "DATE", "CARDINAL"})
# words that open a noun phrase without naming what changed: "Countywide, overall thefts fell"
NOT_METRIC_OPENERS = derived(lambda: frozenset(RULES["not_metric_openers"]))
# where a change happened, read as the head of the noun before it: "offenses downtown"
PLACE_ADVERBS = derived(lambda: frozenset(RULES["place_adverbs"]))
# change nouns that name their own quantity: "a 5% raise" (of pay)
IMPLIED_METRICS: dict[str, str] = derived(lambda: RULES["implied_metrics"])
# "improved" gives a direction only for a measure that is better higher (`_percent_changes`)
IMPROVEMENT_WORDS = derived(lambda: frozenset(RULES["improvement_words"]))
BETTER_LOWER_HEADS = derived(lambda: frozenset(RULES["better_lower_heads"]))
# what ends a dateline before the story's first word: "SANTA ANA – Truancy fell"
DATELINE_DASHES = frozenset({"\u2013", "\u2014", "-", "--"})
# what sets a change off as an apposition to the count before it: "212 deaths, a 9% decline"
APPOSITION_MARKS = frozenset({",", "\u2013", "\u2014", "-"})


def _low(t: Token) -> str:
    return t.text.lower()


def direction_of(token: Token) -> Direction | None:
    if token.dep_ == "prt" and token.head.lemma_.lower() not in PHRASAL_DIRECTION_VERBS:
        return None  # "made up", "cracked down": part of another verb; but "went up" moves
    doc = token.doc
    if token.i + 2 < len(doc) and _low(doc[token.i + 1]) == "than" and _bounds_a_number(doc[token.i + 2]):
        return None  # "more than half", "less than 10": a bound on another number, not a direction
    preps = CATEGORY_VERBS.get(token.lemma_.lower()) if token.pos_ == "VERB" else None
    if preps and any(c.dep_ == "prep" and _low(c) in preps for c in token.children) and not _moved_by(token):
        return None  # "most calls fall into three groups": a category, not a fall
    words = [_low(token), token.lemma_.lower()]
    if token.text[:1].isupper() and _low(token).endswith("s") and in_headline(token):
        words.append(_low(token)[:-1])  # "Truancy Drops 81 Percent": a verb in title case read as a plural name
    for word in words:
        if word in INCREASE:
            return Direction.increase
        if word in DECREASE:
            return Direction.decrease
    return None


def _moved_by(verb: Token) -> bool:
    """A verb with an amount of its own, not its subject: "fell 33 percent within the zone",
    "fell by 33 percent"; but in "30 percent fall within the medical category" the percent is the
    subject, a share."""
    for c in verb.children:
        if c.dep_ in ("npadvmod", "dobj") and c.ent_type_ == "PERCENT":
            return True
        if c.dep_ == "prep" and _low(c) == "by" and any(g.ent_type_ == "PERCENT" for g in c.children):
            return True
    return False


def _bounds_a_number(t: Token) -> bool:
    """ "than half", "than 10", not "than 2019": a year after "more than" is a baseline."""
    return (t.like_num or t.pos_ == "NUM" or _low(t) == "half") and t.shape_ != "dddd"


def _direction_candidates(doc: Doc) -> list[int]:
    """The indices of the tokens `direction_of` may give a direction: their lowercase form or
    their lemma is a direction word. Read from the Doc's arrays, without a Token for each word."""
    strings = doc.vocab.strings
    lemmas = doc.to_array("LEMMA").tolist()
    moving = {h for h in set(lemmas) if strings[h].lower() in DIRECTION_WORDS}
    return [i for i, (w, h) in enumerate(zip(lowers(doc), lemmas, strict=True)) if w in DIRECTION_WORDS or h in moving]


def _within(indices: list[int], sent: Span) -> list[int]:
    """The sorted token indices that lie in a sentence."""
    return indices[bisect_left(indices, sent.start) : bisect_left(indices, sent.end)]


def _percent_at(doc: Doc, i: int) -> tuple[float, Direction | None, int] | None:
    """A percentage starting at token i: "40%", "14.5 percent", "-8.2%", "(+3.1%)". Returns the
    value, the direction its sign gives, and the index after it."""
    m = regexes.SIGNED_NUMBER.fullmatch(doc[i].text)
    if not m or i + 1 >= len(doc):
        return None
    unit = _low(doc[i + 1])
    end = i + 2
    if unit == "per" and i + 2 < len(doc) and _low(doc[i + 2]) == "cent":
        end = i + 3
    elif _hyphenated_percent(doc, i):
        unit, end = "percent", i + 3  # "a 25-percent drop"
    elif unit not in ("%", "percent", "pct", "pct.", "percentage"):
        return None
    if unit == "percentage" and end < len(doc) and _low(doc[end]) in ("point", "points"):
        return None  # a change in a share, not a percent change
    value = float(m.group("number").replace(",", ""))
    sign = m.group("sign")
    if not sign and i > 0 and _sign_before(doc, i):
        sign = doc[i - 1].text
    direction = Direction.decrease if sign in ("-", "\u2212") else Direction.increase if sign == "+" else None
    return value, direction, end


def _hyphenated_percent(doc: Doc, i: int) -> bool:
    """ "25-percent", written as one word before a noun ("a 25-percent drop")."""
    return (
        i + 2 < len(doc)
        and doc[i + 1].text == "-"
        and not doc[i].whitespace_
        and not doc[i + 1].whitespace_
        and _low(doc[i + 2]) == "percent"
    )


def _sign_before(doc: Doc, i: int) -> bool:
    """A sign written against the number at token i ("-8.2%", "(+3.1%)"); a dash with a space
    after it is punctuation ("118 deaths in 2023 - 12 percent more than in 2022")."""
    before = doc[i - 1]
    return before.text in ("-", "+", "\u2212") and not before.whitespace_


def _direction_near(doc: Doc, start: int, end: int, sent: Span) -> tuple[Direction, Token] | None:
    """The direction word of a percentage: the change word right before it ("decreased 8 percent",
    "fell by nearly 40%") or right after it ("a 12% increase"), else its syntactic head chain,
    else the nearest word."""
    if (adjacent := _adjacent_direction(doc, start, end, sent)) is not None:
        return adjacent
    if (by_verb := _verb_of_by(doc, start, sent)) is not None:
        return by_verb
    head = doc[end - 1]
    for _ in range(3):
        if head.head.i == head.i:
            break
        if head.dep_ in ("advcl", "ccomp", "relcl") and any(c.dep_ == "mark" for c in head.children):
            break  # "..., while some 30 percent concern fires": the verb above is another clause's
        head = head.head
        if head.i < sent.start or head.i >= sent.end:
            break
        if (d := direction_of(head)) is not None and not _is_up_to(head):
            return d, head
        if head.pos_ == "VERB" and doc[end - 1].dep_ in ("nsubj", "nsubjpass"):
            break  # the percentage is the subject of a verb of its own: a share, not a change
    window = range(max(sent.start, start - DIRECTION_WINDOW), min(sent.end, end + DIRECTION_WINDOW))
    candidates = [doc[j] for j in window]
    candidates.sort(key=lambda t: min(abs(t.i - start), abs(t.i - end + 1)))
    subject_of = doc[start].head if doc[start].dep_ in ("nsubj", "nsubjpass") else None
    if subject_of is None and doc[end - 1].dep_ in ("nsubj", "nsubjpass"):
        subject_of = doc[end - 1].head
    for t in candidates:
        if start <= t.i < end:
            continue
        if subject_of is not None and t.pos_ == "VERB" and t.i != subject_of.i:
            continue  # "70 percent fall into one group, while 30 percent belong to another": a share
        lo, hi = (t.i + 1, start) if t.i < start else (end, t.i)
        if any(doc[j].dep_ == "mark" or doc[j].text == ";" for j in range(lo, hi)):
            continue  # a direction word across "while", "although" or ";" belongs to another clause
        if (d := direction_of(t)) is not None and not _is_up_to(t):
            return d, t
    return None


def _verb_of_by(doc: Doc, start: int, sent: Span) -> tuple[Direction, Token] | None:
    """The change verb an amount "by N%" belongs to, however far its object runs: "reduced repeat
    offenses among participants by 30 percent" (the nearest change verb before it in its clause)."""
    if start - 1 <= sent.start or _low(doc[start - 1]) != "by":
        return None
    for j in range(start - 2, max(sent.start, start - 12) - 1, -1):
        t = doc[j]
        finite = t.tag_ in ("VBD", "VBZ", "VBP", "MD")
        if t.dep_ == "mark" or t.text in (";", ":") or finite and direction_of(t) is None:
            return None  # another clause's verb; a participle ("cases awaiting trial") is part of the object
        if t.pos_ == "VERB" and (d := direction_of(t)) is not None:
            return d, t
    return None


def _adjacent_direction(doc: Doc, start: int, end: int, sent: Span) -> tuple[Direction, Token] | None:
    """The change word next to a percentage, past the words that lead an amount: "decreased 8
    percent and thefts decreased 3 percent" (each its own verb, whatever the parse), "fell by
    nearly 40%", "a drop of 18%", "a 12% increase"."""
    j = start - 1
    while j > sent.start and _low(doc[j]) in AMOUNT_LEAD_WORDS:
        j -= 1
    before = doc[j] if j >= sent.start else None
    if (
        before is not None
        and (d := direction_of(before)) is not None
        and not _is_up_to(before)
        and (before.pos_ in ("VERB", "ADV", "ADJ") or (before.pos_ == "NOUN" and _low(doc[j + 1]) == "of"))
    ):
        return d, before
    if end < sent.end and doc[end].pos_ == "NOUN" and (d := direction_of(doc[end])) is not None:
        return d, doc[end]
    return None


def _is_up_to(t: Token) -> bool:
    return _low(t) == "up" and t.i + 1 < len(t.doc) and _low(t.doc[t.i + 1]) == "to"


def _noun_metric(noun: Token) -> str | None:
    """A change's metric from a noun: "car break-ins", "the homicide rate" (rates change too), "the
    number of gangs" (the counted noun), "arson, vandalism and other damage offenses" (the last)."""
    if not regexes.ANY_LETTER.search(noun.text):
        return None  # a number the tagger took for a noun ("-9.5%" in a table)
    if (label := _crime_class(noun)) is not None:
        return label  # "Part I crimes": the reporting class, whatever the parse makes of "I"
    if _low(noun) in PLACE_ADVERBS:
        # "a decrease in low-level offenses downtown": the place is where, the noun before it what
        before = noun.doc[noun.i - 1] if noun.i > 0 else None
        if before is None or before.pos_ != "NOUN" or before.head.i not in (noun.i, noun.head.i):
            return None
        return _noun_metric(before)  # its modifier, or a subject beside it ("Thefts downtown fell")
    if _low(noun) in GENERIC_NOUNS:
        for of in (c for c in noun.children if _low(c) == "of"):
            for p in of.children:
                if p.dep_ == "pobj":
                    end = _end_of_compound(p)
                    metric = _noun_metric(end)
                    if metric is None or end.i == p.i:
                        return metric
                    broken = [_low(t) for t in noun.doc[p.i : end.i]]  # "gang" of "gang homicides"
                    return " ".join([*broken, metric]) if not metric.startswith(broken[0]) else metric
        return None
    link = noun
    while conjuncts := [t for t in link.children if t.dep_ == "conj" and t.i > link.i]:
        link = max(conjuncts, key=lambda t: t.i)  # "arson, vandalism ... and other damage offenses"
        noun = link if link.pos_ == "NOUN" else noun
    # but not a conjunct inside a modifier: "crashes with injuries or deaths" is about crashes
    from .claims import noun_metric

    return noun_metric(noun) or _duration_metric(noun)


def _crime_class(noun: Token) -> str | None:
    """A class of offenses in crime reporting, "Part I crimes", "Part 2 offenses": the word "part",
    its numeral (which the tagger may read as the pronoun "I") and the plural after it."""
    doc = noun.doc
    if _low(noun) != "part" or noun.i + 2 >= len(doc):
        return None
    numeral, plural = doc[noun.i + 1], doc[noun.i + 2]
    if numeral.text not in ("I", "II", "1", "2") or not plural.is_alpha or not plural.text.islower():
        return None
    return f"part {numeral.text.lower()} {singular(_low(plural))}"


def _end_of_compound(noun: Token) -> Token:
    """The last noun of a compound the parse broke after its first word: in "the number of gang
    homicides in the county" it may make "gang" the object and "homicides" a phrase of its own."""
    doc = noun.doc
    end = noun
    if noun.ent_type_ != "" or _low(noun) in PERCENT_UNIT_WORDS:
        return noun  # "a decline of 1.8 percent leaves ...": an amount, no compound
    while (
        end.i + 1 < len(doc)
        and (doc[end.i + 1].pos_ == "NOUN" or _plural_shape(doc[end.i + 1]) and not _has_object(doc[end.i + 1]))
        and doc[end.i + 1].is_alpha
        and doc[end.i + 1].ent_type_ == ""
        and doc[end.i + 1].head.i != end.i  # a parse that has the compound right leaves it be
        and end.head.i != end.i + 1
    ):
        end = doc[end.i + 1]
    return end


def _has_object(t: Token) -> bool:
    return any(c.dep_ in ("dobj", "attr", "ccomp", "xcomp") for c in t.children)


def _plural_shape(t: Token) -> bool:
    """A lowercase -s word tagged as a verb, which after a noun is most often a plural ("gang
    homicides"): no form of be, have or do."""
    return t.tag_ == "VBZ" and t.text.islower() and t.text.endswith("s") and t.lemma_ not in ("be", "have", "do")


def _duration_metric(noun: Token) -> str | None:
    """ "response times", "average wait times": a duration changes too, once a modifier names it;
    a bare "times" is no metric."""
    if _low(noun) not in ("time", "times"):
        return None
    words = [_low(t) for t in noun.lefts if t.dep_ in ("compound", "amod", "nmod") and t.is_alpha]
    prev = noun.doc[noun.i - 1] if noun.i > 0 else None
    if not words and prev is not None and prev.is_alpha and prev.dep_ == "dep" and prev.pos_ == "VERB":
        words = [_low(prev)]  # "Wait times": the modifier read as a verb of its own
    return " ".join([*words, "time"]) if words else None


def _states_a_target(word: Token, sent: Span, amount_start: int) -> bool:
    """A change word that states a target, a goal or a forecast, not a change: an infinitive
    under a plan, a noun or a verb of intent ("a plan to reduce X by 50%", "a ruling to reduce",
    "is projected to grow 5%", "on pace to rise another 6%"), a modal ("will rise 5%"), or
    an imperative opening a sentence or headline ("Reduce X by 50%"). "helped reduce X by 30%"
    and "a 7 percent increase from 2010" stay changes."""
    opening = next((t for t in sent if not t.is_punct and not t.is_space), None)
    if (
        opening is not None
        and opening.i == word.i
        and word.tag_ not in ("VBD", "VBN", "VBZ", "VBG", "NNS", "NNPS")
        and _low(word) == word.lemma_.lower()
        and amount_start > sent.start
        and _low(word.doc[amount_start - 1]) == "by"
    ):
        return True  # an imperative heading, whatever its tags: "Cut Shelter Waitlist by 30%"
    modal = any(c.dep_ == "aux" and _low(c) in MODAL_WORDS for c in word.head.children)
    if word.pos_ == "NOUN" and word.dep_ in ("dobj", "attr") and modal:
        return True  # "teachers will get a 12% raise", "the plan would bring a 5% cut": a forecast
    if word.pos_ == "NOUN":
        # "a projected 5% increase", "a goal of a 20% reduction"
        if any(c.dep_ in ("amod", "compound") and c.lemma_.lower() in TARGET_HEADS for c in word.children):
            return True
        # "a goal of a 20% reduction", "calls for a 3% increase", "expects a 5% increase"
        holder = word.head.head if word.head.dep_ == "prep" else word.head if word.dep_ in ("dobj", "attr") else None
        return holder is not None and holder.pos_ in ("NOUN", "VERB") and holder.lemma_.lower() in TARGET_HEADS
    if word.pos_ not in ("VERB", "AUX"):
        return False
    if any(c.dep_ == "aux" and _low(c) in MODAL_WORDS for c in word.children):
        return True  # "homicides will fall 10%"
    if word.tag_ != "VB":
        return False
    if to := next((c for c in word.children if c.dep_ == "aux" and _low(c) == "to"), None):
        before = word.doc[to.i - 1] if to.i > sent.start else None
        if before is not None and (before.lemma_.lower() in TARGET_HEADS or _low(before) in TARGET_HEADS):
            return True  # "on track to cut", "expected to rise", "plans to reduce"
        head = word.head
        while head.dep_ == "conj" and head.head.i != head.i:
            head = head.head  # "to reduce crime and cut costs by 20%"
        if head.lemma_.lower() in TARGET_HEADS or _low(head) in TARGET_HEADS:
            return True
        if head.lemma_ == "be" and any(c.dep_ == "nsubj" and c.lemma_.lower() in TARGET_HEADS for c in head.children):
            return True  # "the target is to cut idle hours by a fifth"
        return head.pos_ in ("NOUN", "PROPN") and word.dep_ in ("acl", "relcl")  # "a plan to reduce"
    subjects = [c for c in word.children if c.dep_ in ("nsubj", "nsubjpass", "csubj")]
    return not subjects and opening is not None and opening.i == word.i  # "Cut Shelter Waitlist by 30%"


def _gapped_metric(doc: Doc, qstart: int, sent: Span) -> tuple[str, int] | None:
    """The metric of a percent in an enumeration whose verb is gapped: in "murders fell 12%,
    shootings 9% and robberies by 4%", 9% belongs to "shootings" (the noun phrase right before
    it, opened by a comma or a conjunction), not to the subject of "fell". Returns the metric and
    the index where its noun phrase starts."""
    j = qstart - 1
    if j > sent.start and _low(doc[j]) == "by":
        j -= 1  # "shootings by 9%"
    elif j > sent.start and doc[j].text == "," and _low(doc[j - 1]) != "respectively":
        j -= 1  # "shootings fell 20 percent; homicides, 11 percent"
    if j <= sent.start:
        return None
    noun = doc[j]
    misread = noun.tag_ == "VBZ" and noun.text.islower()  # "and robberies 4 percent" read as a verb
    if not (noun.pos_ in ("NOUN", "PROPN") or misread) or noun.ent_type_ in ("DATE", "TIME", "GPE", "LOC", "ORG"):
        return None
    k = j
    while k - 1 > sent.start and (doc[k - 1].pos_ in ("NOUN", "ADJ") or doc[k - 1].text == "-"):
        k -= 1  # "car thefts", "gang-related homicides"
    if k - 2 > sent.start and _low(doc[k - 1]) == "of" and _low(doc[k - 2]) in GENERIC_NOUNS:
        k -= 2  # "and the number of gangs by 8 percent": the counted noun names the item
        k -= k - 1 > sent.start and doc[k - 1].pos_ == "DET"
    if _low(doc[k - 1]) not in ENUMERATION_OPENERS:
        return None
    if misread:
        return singular(_low(noun)), k
    from .claims import noun_metric

    metric = noun_metric(noun)  # the phrase itself: the parse may hang the next items on it
    return (metric, k) if metric else None


def _figure_before(word: Token, figures: list[Figure]) -> Figure | None:
    before = [f for f in figures if f.start < word.idx]
    return before[-1] if before else None


def _metric_near(
    doc: Doc,
    word: Token,
    sent: Span,
    fallback: str | None,
    figures: list[Figure] | None = None,
    percent: Token | None = None,
) -> str | None:
    """What changed: the count it is apposed to ("5,120 calls, a drop of 8%"), the object of a
    change noun ("an increase in car break-ins", "a decrease of 30 percent in complaints"), the
    object of an active change verb ("the program reduced truancy by 40 percent"), the subject of
    the change verb ("the arson rate climbed 6%", "reckless driving rose 30 percent"), or the noun
    phrase the parser left just before it; never a time ("up 9% in the spring"), a place or a
    generic word ("figure", "number")."""
    compared = _compared_noun(word)
    if compared is not None and (metric := _noun_metric(compared)) is not None:
        return metric  # "14 percent fewer drownings", "18% more rescues": the noun compared
    if (metric := _compound_of_change_noun(word, percent)) is not None:
        return metric  # "deputies received a 4 percent pay increase": the pay, not the deputies
    if word.dep_ == "prt" and (metric := _metric_of_direct_object(word.head)) is not None:
        return metric  # "the crackdown pushed street robberies down by 18%": the verb's object
    if (metric := _owner_of_change_noun(word)) is not None:
        return metric  # "burglary saw the largest decline, falling 22 percent"
    if word.pos_ == "VERB" and (metric := _metric_of_direct_object(word)) is not None:
        return metric  # "officials cut the backlog by 20 percent": the object, not the subject before the verb
    if word.pos_ == "VERB" and (metric := _misparsed_subject(word, sent)) is not None:
        return metric  # "Crashes that caused injuries declined 14%": the parse lost the subject
    if (metric := _metric_before(doc, word, sent, figures or [])) is not None:
        return metric
    if in_headline(word) and (metric := _headline_subject(word, sent)) is not None:
        return metric  # "Hate Crimes in County Increase 12 Percent": the title-case words before the verb
    if (metric := _metric_of_object(word, percent)) is not None:
        return metric
    if word.pos_ in ("ADV", "ADJ") and (metric := _small_clause_subject(word)) is not None:
        return metric  # "with burglaries down 14% and assaults down 2%"
    verb = word if word.pos_ in ("VERB", "AUX") else word.head
    if figures and direction_of(verb) is None and verb.lemma_ != "be":
        # "confirmed 84 tornadoes, up from 59": the change is that of the count stated before it
        before = [f for f in figures if f.start < word.idx] or figures
        return min(before, key=lambda f: abs(f.start - word.idx)).metric
    # a change noun as the object of another verb: "the county recorded a 9% decline"
    reported = word.pos_ == "NOUN" and word.dep_ == "dobj" and direction_of(verb) is None and verb.lemma_ != "be"
    if (metric := _misparsed_subject(verb, sent)) is not None:
        return metric  # "Police calls for service involving gangs fell 40%": the parse lost the subject
    found = _metric_of_subject(verb, word, sent, figures, reported)
    if found is not None:
        return found[0] or fallback
    if not reported and (metric := _noun_before(verb, sent)):
        return metric
    return metric_of_sentence(sent) or fallback


def _compound_of_change_noun(word: Token, percent: Token | None) -> str | None:
    """A noun that modifies a change noun between the amount and it names what changed: "a 4
    percent pay increase", "a 10% rent hike", "a 20 percent ridership drop"; not where an "in" or
    "of" phrase names it ("a 5 percent budget increase in overtime") nor a time ("a 9 percent
    year-over-year decline"); a change noun that names its own quantity ("a 5% raise": pay)."""
    implied = IMPLIED_METRICS.get(_low(word)) if word.pos_ == "NOUN" else None
    if implied and not any(c.dep_ == "prep" and _low(c) in ("in", "of") for c in word.children):
        return implied  # "teachers received a 5% raise": a change of pay, not of teachers
    if word.pos_ != "NOUN" or percent is None or percent.i >= word.i:
        return None
    mods = [
        c
        for c in word.lefts
        if c.dep_ == "compound" and c.pos_ == "NOUN" and c.i > percent.i and c.is_alpha and c.ent_type_ == ""
    ]
    if not mods or any(c.dep_ == "prep" and _low(c) in ("in", "of") for c in word.children):
        return None
    if any(not t.whitespace_ and t.i + 1 < len(t.doc) and t.doc[t.i + 1].text == "-" for t in mods):
        return None  # a hyphenated modifier: "year-over-year"
    if any(_low(t) in HOLDER_NOUNS for t in mods):
        return None  # "a 9 percent year decline", "a 5 percent city increase": when or where
    return " ".join([*(_low(t) for t in mods[:-1]), singular(_low(mods[-1]))])


def _compared_noun(word: Token) -> Token | None:
    """The noun a comparative counts: "14 percent fewer drownings", and past the modifiers the
    parse hangs it on, "25 percent more elder abuse cases" ("more" on "elder", "elder" on "cases")."""
    if not _is_comparative(word):
        return None
    t = word
    for _ in range(3):
        if t.dep_ not in ("amod", "advmod", "compound") or t.head.i <= t.i or t.head.pos_ not in ("NOUN", "ADJ"):
            return None
        t = t.head
        if t.pos_ == "NOUN":
            return t
    return None


def _metric_of_subject(
    verb: Token, word: Token, sent: Span, figures: list[Figure] | None, reported: bool
) -> tuple[str | None] | None:
    """The metric the subject of the change verb names, climbing through the verbs that share it
    ("rose in May and fell 5% in June"). `(None,)` for a generic subject ("the 2023 total was
    down 9.5%": the figure stated before), None for no subject found."""
    first = True
    for _ in range(4):
        # a common noun before a name: "DENVER — Reported thefts fell" has both as subjects
        for child in sorted(verb.children, key=lambda c: c.pos_ != "NOUN"):
            if (head := _plural_read_as_auxiliary(child)) is not None:
                return (head,)  # "Domestic violence homicides nearly doubled": the plural is the head
            bare = child.dep_ == "csubj" or not any(True for _ in child.lefts)  # "Shoplifting rose 14 percent"
            if child.dep_ in ("csubj", "nsubj") and child.tag_ == "VBG" and child.i < verb.i and bare:
                return (_low(child),)  # "Driving while impaired rose 25 percent": a gerund names the activity
            if not _is_subject(child, word, reported):
                continue
            if _low(child) in ("which", "that") and (metric := _metric_of_relative(verb, word, sent, figures)):
                return (metric,)
            if child.tag_ == "VBZ" and child.text.islower() and child.dep_ == "nsubj":
                return (singular(_low(child)),)  # "while crashes involving cyclists fell": a plural read as a verb
            subject = _subject_noun(child)
            if subject is None and _common_noun_read_as_name(child):
                return (_name_like_metric(child),)  # "Arson fell 5 percent", "Truancy declined 9%"
            if subject is None:
                continue
            if (metric := _noun_metric(subject)) is not None:
                return (metric,)
            if _low(subject) in GENERIC_NOUNS:
                return (None,)
        if first and (metric := _lost_subject(verb, sent, reported)) is not None:
            return (metric,)
        first = False
        if verb.head.i == verb.i or verb.dep_ not in ("conj", "xcomp", "advcl", "acomp"):
            break
        if verb.dep_ == "conj" and (metric := _plural_read_as_verb(verb.head)) is not None:
            return (metric,)  # "Firearm suicides, which ..., rose 9 percent": "suicides" read as the verb
        verb = verb.head
    return None


def _name_like_metric(subject: Token) -> str:
    """The metric of a subject the tagger took for a name: the word itself ("Arson fell 5
    percent"), or a list's last noun ("Arson and vandalism rose a combined 8%"), as for any list."""
    conjuncts = [t for t in subject.children if t.dep_ == "conj" and t.pos_ == "NOUN"]
    if conjuncts and (metric := _noun_metric(conjuncts[-1])) is not None:
        return metric
    return singular(_low(subject))


def _opening_noun_phrase(verb: Token, sent: Span) -> list[Token]:
    """The noun phrase that opens the clause of a verb, read by the words' shapes and tags rather
    than the parse: from the clause's start (the sentence's, or after a comma, a colon, a dateline's
    dash or a subordinating word) over adjectives, nouns and plurals the tagger read as verbs
    ("calls", "crashes"), up to the first preposition, participle or punctuation. Empty where the
    clause opens with anything else ("In 2023, ...": a time, not a subject)."""
    doc = verb.doc
    j = verb.i - 1
    while j >= sent.start and doc[j].text not in CLAUSE_BREAKS and doc[j].dep_ != "mark" and "\n" not in doc[j].text:
        j -= 1
    k = j + 1
    while k < verb.i and doc[k].pos_ == "DET":
        k += 1
    run: list[Token] = []
    while k < verb.i:
        t = doc[k]
        nominal = t.pos_ in ("NOUN", "PROPN", "ADJ") or (t.tag_ in ("VBZ", "VB", "VBP") and t.is_alpha)
        leading = not run and t.tag_ in ("VBN", "VBD") and t.is_alpha  # "reported thefts"
        # "EBT skimming losses": a participle that modifies the noun after it
        leading = leading or t.tag_ in ("VBG", "VBN") and t.dep_ in ("amod", "compound") and t.head.i > t.i
        joiner = t.text == "-" and run and k + 1 < verb.i and not t.whitespace_  # "gang-related"
        if not (joiner or (nominal or leading) and t.pos_ != "AUX" and t.ent_type_ not in NUMBER_ENTITIES):
            break
        run.append(t)
        k += 1
    if not run or k >= verb.i:
        return []
    finite = [t for t in doc[k : verb.i] if t.tag_ in ("VBD", "VBZ", "VBP", "MD") or t.pos_ == "AUX"]
    if doc[k].tag_ in ("WDT", "WP") and len(finite) == 1 and verb.head.i == finite[0].i and finite[0].dep_ == "relcl":
        return run  # "Crashes that caused injuries declined 14%": the parse hangs the verb on the relative clause
    if doc[k].pos_ not in ("ADP", "VERB") or doc[k].tag_ not in ("IN", "VBG", "VBN"):
        return []
    if finite:
        return []  # another clause's verb between: "X are up 5% and a report shows Y increased"
    return run


def _misparsed_subject(verb: Token, sent: Span) -> str | None:
    """The subject of a change verb where the parse went astray on a plural it read as a verb:
    "DUI crashes causing injury or death fell 12 percent" (the parse's subject is "injury", inside
    the participle's phrase), "Hate crime events involving bias rose" (the parse's subject is
    "Hate"), "Calls to 911 about overdoses rose" (no noun subject at all). The clause's opening noun
    phrase, when a preposition or a participle follows it, is what changed, and only where the
    parse gives no noun subject or one inside that phrase's modifier."""
    if verb.pos_ != "VERB" or direction_of(verb) is None:
        return None
    run = _opening_noun_phrase(verb, sent)
    if not run:
        return None
    head = run[-1]
    if head.pos_ in ("NOUN", "PROPN") and head.dep_ in ("nsubj", "nsubjpass") and head.head.i == verb.i:
        return None  # the parse has it right
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    if any(s.pos_ == "PRON" or s.i < run[0].i for s in subjects):
        return None
    if subjects and all(s.pos_ in ("NOUN", "PROPN") and s.i in {t.i for t in run} for s in subjects):
        return None  # the parse's subject lies in the phrase: the other rules read it
    if not (head.pos_ in ("NOUN", "PROPN") or _low(head).endswith("s")):
        return None  # a verb the tagger got right ("Officers say ...")
    if head.ent_type_ in ("GPE", "LOC", "ORG", "PERSON", "NORP") and not head.text.isupper():
        return None
    named = ("GPE", "LOC", "ORG")  # "Orange County auto thefts": the place is no part of the metric; "DUI" is
    words = [_low(t) for t in run if t.is_alpha and (t.ent_type_ not in named or t.text.isupper()) or t.text == "-"]
    words = [w for w in words if w not in NOT_METRIC_OPENERS]
    if not words or words[-1] == "-":
        return None
    text = " ".join(words).replace(" - ", "-")
    parts = text.split(" ")
    return " ".join([*parts[:-1], singular(parts[-1])])


def _lost_subject(verb: Token, sent: Span, reported: bool) -> str | None:
    """The subject of a change verb the parse left without one: a reduced relative's ("Cases
    referred to the diversion program climbed 40 percent"), or the noun phrase right before it
    ("Thefts and break-ins increased")."""
    if (metric := _subject_of_reduced_relative(verb)) is not None:
        return metric
    if (metric := _subject_read_as_clause(verb)) is not None:
        return metric
    if reported or _shares_subject(verb):
        return None
    return _noun_before(verb, sent, adjacent=True)


def _subject_read_as_clause(verb: Token) -> str | None:
    """The subject of a change verb the parse hangs as a clause on a plural it read as the main
    verb: in "Police calls for service involving gangs fell 40 percent" and "Domestic violence
    calls to the hotline increased 22 percent", "calls" is the head of the subject, not a verb whose
    object the words after it are. Not across a conjunction that opens a clause of its own
    ("officers responded to calls as burglaries fell")."""
    if verb.dep_ not in ("advcl", "ccomp") or verb.head.i > verb.i:
        return None
    if any(c.dep_ in ("nsubj", "nsubjpass", "expl", "mark") for c in verb.children):
        return None
    return _plural_read_as_verb(verb.head)


def _subject_of_reduced_relative(verb: Token) -> str | None:
    """A change verb with no subject that the parse hangs as a clause on a participle it read as
    the main verb ("Cases referred to the program climbed 40 percent": "referred" as the root,
    "climbed" its complement): the subject is the participle's."""
    if verb.dep_ != "ccomp" or any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in verb.children):
        return None
    head = verb.head
    if head.i > verb.i or head.tag_ not in ("VBD", "VBN") or direction_of(head) is not None:
        return None
    for subject in head.children:
        if subject.dep_ == "nsubj" and subject.pos_ == "NOUN" and subject.i < head.i:
            return _noun_metric(subject)
    return None


def _plural_read_as_verb(verb: Token) -> str | None:
    """The subject's head where the tagger read a plural noun as the main verb and the change verb
    as its conjunct ("Firearm suicides, which make up ..., rose 9 percent"): a lowercase -s form, no
    change word nor auxiliary, right after its own subject."""
    doc = verb.doc
    before = doc[verb.i - 1] if verb.i > 0 else None
    if (
        verb.tag_ != "VBZ"
        or not verb.text.islower()
        or not verb.text.endswith("s")
        or verb.lemma_.lower() in ("be", "have", "do", "get")
        or direction_of(verb) is not None
        or before is None
        or before.dep_ != "nsubj"
        or before.head.i != verb.i
        or not before.is_alpha
    ):
        return None
    words = [_low(t) for t in doc[before.left_edge.i : before.i + 1] if t.is_alpha and t.pos_ != "DET"]
    return " ".join([*words, singular(_low(verb))])


def _is_subject(child: Token, word: Token, reported: bool) -> bool:
    """A subject that may name what changed: not the amount itself ("8 percent and violent crime
    decreased 3 percent"; but "20 percent of the residents" names residents), and not who saw a
    change ("the county recorded a 9% decline"; "burglaries saw a 9% decline" is counted)."""
    if child.dep_ not in ("nsubj", "nsubjpass"):
        return False
    if _is_dateline(child):
        return False  # "SAN DIEGO – Deaths rose": the place the story is filed from
    if child.ent_type_ == "PERCENT" and not any(_low(c) == "of" for c in child.children):
        return False
    nxt = child.doc[child.i + 1] if child.i + 1 < len(child.doc) else None
    if nxt is not None and nxt.dep_ == child.dep_ and nxt.head.i == child.head.i and nxt.pos_ == "NOUN":
        return False  # "Animal intakes were ...": a modifier the parse read as a second subject
    if _low(child) in ("which", "that"):
        return True  # "..., which marks a drop of 7%": the relative clause's antecedent
    if not (reported and child.head.i == word.head.i):
        return True
    if child.head.lemma_.lower() in EXPERIENCE_VERBS:
        return not _is_holder(child)  # "property crime saw a 9 percent drop"; not "the city saw"
    plural = child.tag_ in ("NNS", "NNPS") or (_common_noun_read_as_name(child) and _low(child).endswith("s"))
    return plural


def _seen_by_a_holder(word: Token) -> bool:
    """A change noun that a place or an agency sees, with no "in" phrase of its own ("with the
    county seeing a 15 percent increase"): the change is of what the sentence's change before it
    names, there."""
    verb = word.head
    if word.pos_ != "NOUN" or word.dep_ != "dobj" or verb.lemma_.lower() not in EXPERIENCE_VERBS:
        return False
    if any(c.dep_ == "prep" and _low(c) in ("in", "of") for c in word.children):
        return False
    return any(c.dep_ in ("nsubj", "nsubjpass") and _is_holder(c) for c in verb.children)


def _is_holder(noun: Token) -> bool:
    """Where or by whom a change was seen, not what changed: a place, a name, a pronoun, an agency
    or a time ("the city", "the sheriff's office", "Lakeview", "we", "last year")."""
    if noun.pos_ == "PRON" or noun.ent_type_ in ("GPE", "LOC", "ORG", "PERSON", "NORP", "FAC", "DATE"):
        return True
    return noun.lemma_.lower() in HOLDER_NOUNS or _low(noun) in HOLDER_NOUNS


def _plural_read_as_auxiliary(nxt: Token) -> str | None:
    """The head of a subject whose last word the tagger read as an auxiliary verb ("Domestic
    violence homicides nearly doubled": "homicides" as the verb's aux). Auxiliaries are a closed
    class: a lowercase -s word in that role, after a noun, that is no form of be, have or do is a
    plural noun, and the head of the subject's phrase."""
    if (
        nxt.dep_ not in ("aux", "auxpass")
        or nxt.i == 0
        or nxt.doc[nxt.i - 1].pos_ not in ("NOUN", "PROPN")
        or nxt.tag_ != "VBZ"
        or not nxt.text.islower()
        or nxt.lemma_.lower() in ("be", "have", "do", "get")
        or not nxt.text.endswith("s")
    ):
        return None
    words = (metric_from_noun(nxt) or _low(nxt)).split(" ")
    return " ".join([*words[:-1], singular(words[-1])])


def _owner_of_change_noun(word: Token) -> str | None:
    """What a change noun belongs to, for a percent stated beside it by another word: a participle
    on the noun ("burglary saw the largest decline, falling 22 percent"), or "up"/"down" on the
    verb the noun is subject of ("the largest increase was in assaults, up 19 percent"). The owner
    is the noun's "in" object, the object of "in" on its verb ("came in robberies"), or the
    subject of a verb of experience it is the object of ("burglary saw ...")."""
    if word.dep_ == "acl" and word.head.pos_ == "NOUN":
        noun = word.head
    elif word.pos_ == "ADV" and word.head.pos_ in ("VERB", "AUX"):
        noun = next((c for c in word.head.children if c.dep_ == "nsubj" and c.pos_ == "NOUN"), word)
    else:
        return None
    if noun.pos_ != "NOUN" or direction_of(noun) is None:
        return None
    holders = [noun, noun.head] if noun.dep_ == "nsubj" else [noun]
    for holder in holders:
        for prep in (c for c in holder.children if c.dep_ == "prep" and _low(c) == "in"):
            for pobj in (p for p in prep.children if p.dep_ == "pobj" and p.ent_type_ not in ("DATE", "GPE", "LOC")):
                if (m := _noun_metric(pobj)) is not None:
                    return m
    verb = noun.head
    if noun.dep_ == "dobj" and verb.lemma_.lower() in EXPERIENCE_VERBS:
        for subject in (c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c.pos_ == "NOUN"):
            if not _is_holder(subject) and (m := _noun_metric(subject)) is not None:
                return m
    return None


def _small_clause_subject(word: Token) -> str | None:
    """The subject of "up"/"down" without a verb: "with burglaries down 14%", "assaults down 2%",
    "Car Thefts Up 12%" (its own subject, else the noun right before it), or the noun it is set
    off after ("auto thefts, up 9 percent, remain ...")."""
    set_off = word.dep_ == "advmod" and word.head.pos_ == "NOUN" and word.head.i < word.i
    if set_off and (m := _noun_metric(word.head)) is not None:
        return m
    for child in word.children:
        if child.dep_ in ("nsubj", "nsubjpass") and child.pos_ == "NOUN" and (m := _noun_metric(child)):
            return m
    before = word.doc[word.i - 1] if word.i > 0 else None
    if before is not None and before.pos_ == "NOUN" and before.ent_type_ not in ("DATE", "TIME"):
        return metric_from_noun(before) or _duration_metric(before)
    if (
        before is not None
        and before.tag_ == "VBZ"
        and before.text.islower()
        and before.lemma_.lower() not in ("be", "have", "do")
        and before.i > 0
        and _low(before.doc[before.i - 1]) in ENUMERATION_OPENERS
    ):
        return singular(_low(before))  # "arsons were down 12%, rapes down 9%": a plural read as a verb
    return None


def _shares_subject(verb: Token) -> bool:
    """A verb the parse joins to an earlier one with no conjunction between them: "permits issued
    by the city went up 8%" is a reduced relative clause, and the subject is the first verb's;
    "X rose 30 percent and Y climbed 15 percent" are two clauses."""
    if verb.dep_ != "conj" or verb.head.i > verb.i:
        return False
    return not any(t.pos_ == "CCONJ" or t.text == ";" for t in verb.doc[verb.head.i + 1 : verb.i])


def _metric_of_direct_object(verb: Token) -> str | None:
    """The object of an active change verb is what changed: "reduced shoplifting by 35%", "cut
    emissions 20%"; a percent as the object ("climbed a combined 9%") is the amount."""
    if any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children):
        return None
    for child in verb.children:
        if child.dep_ != "dobj" or child.pos_ not in ("NOUN", "PROPN") or child.ent_type_ in ("PERCENT", "MONEY"):
            continue
        if _low(child) in PERCENT_UNIT_WORDS or child.like_num:
            continue
        if (metric := _noun_metric(child)) is not None:
            return metric
    # the parse may miss the object ("reduced truancy by 40 percent" read as an adjective): the
    # noun phrase right after the verb, when "by" and the amount follow it
    doc = verb.doc
    k, head = verb.i + 1, None
    while k < len(doc) and doc[k].pos_ in ("DET", "ADJ", "NOUN", "PROPN") and doc[k].ent_type_ != "PERCENT":
        head = doc[k] if doc[k].pos_ == "NOUN" else head
        k += 1
    if head is not None and k < len(doc) and _low(doc[k]) == "by" and (metric := _noun_metric(head)):
        words = metric.split(" ")
        return " ".join(words[1:]) if len(words) > 1 and words[0] == _low(verb) else metric
    return None


def _noun_before(verb: Token, sent: Span, adjacent: bool = False) -> str | None:
    """The subject a parse lost: the noun phrase just before the change verb ("thefts and
    break-ins increased", "misdemeanor fraud filings increased"), else the nearest noun before it
    outside a prepositional phrase ("a study shows arson in the county is up 6%").
    `adjacent`: only a common noun right before the verb (past its auxiliaries and adverbs)."""
    doc = verb.doc
    j = verb.i - 1
    while j >= sent.start and doc[j].pos_ in ("AUX", "ADV", "PART") and doc[j].dep_ != "mark":
        j -= 1
    if j < sent.start:
        return None
    t = doc[j]
    in_subject = t.dep_ == "pobj" and any(a.dep_ in ("nsubj", "nsubjpass") for a in t.ancestors if a.i < verb.i)
    modified = None
    if t.dep_ == "pobj" and t.head.i > sent.start:
        # the noun the phrase hangs on, or, where the parse hangs it elsewhere, the noun before it
        modified = t.head.head if t.head.head.pos_ == "NOUN" else doc[t.head.i - 1]
    if not in_subject and modified is not None and modified.pos_ == "NOUN" and sent.start <= modified.i < t.i:
        t = modified  # "repeat offenses among participants have dropped": what the phrase qualifies
    if t.pos_ == "NOUN" and t.ent_type_ == "" and _low(t) not in GENERIC_NOUNS and not in_subject:
        return _noun_metric(t)  # but not "the district" of "thefts in the district rose"
    if adjacent:
        return None
    for k in range(j, max(sent.start, verb.i - 10) - 1, -1):
        t = doc[k]
        if t.text in (";", ":") or t.dep_ == "mark":
            return None
        if t.pos_ == "NOUN" and t.dep_ not in ("pobj", "compound", "npadvmod", "poss") and t.ent_type_ == "":
            return _noun_metric(t)
    return None


def _metric_before(doc: Doc, word: Token, sent: Span, figures: list[Figure]) -> str | None:
    """The metric stated just before a change word: the figure it is apposed to ("5,120 calls
    in 2023, a decrease of 8% from ..."), or the plural noun it follows in a headline ("Bike
    Thefts Drop 30 Percent": title case, which the tagger takes for names)."""
    det = word.i - 1
    while det > sent.start and (doc[det].like_num or _low(doc[det]) in AMOUNT_TOKENS):
        det -= 1  # "a 9% decline"
    if (
        word.pos_ == "NOUN"
        and det > sent.start + 1
        and _low(doc[det]) in ("a", "an")
        and doc[det - 1].text in APPOSITION_MARKS
    ):
        if (m := _trend_before(doc, det - 1, sent)) is not None:
            return m  # "the jail population fell from 6,000 to 3,600 inmates, a 40 percent drop"
        f = _figure_before(word, figures)
        if f is not None and 0 <= doc[det - 1].idx - f.end < 40:
            return f.metric  # "5,120 calls in 2023, a drop of 8%": the count right before
        counted = doc[det - 2]
        if _is_counted(counted) and (m := _noun_metric(counted)) is not None:
            return m  # "recorded 212 overdose deaths, a 9% decline"
        if _is_valued(counted) and (m := _noun_metric(counted)) is not None:
            return m  # "recovered $4.2 million in stolen goods, a 35 percent increase"
    # "served 1,200 patients, 30 percent more than last year": the count before the comma
    comma = det if _is_comparative(word) and det > sent.start and doc[det].text == "," else word.i - 1
    if word.pos_ in ("ADV", "ADP", "ADJ") and comma - 1 >= sent.start and doc[comma].text == ",":
        counted = doc[comma - 1]
        if _is_counted(counted) and (m := _noun_metric(counted)) is not None:
            return m  # "the unit made 410 arrests, down 12%": the count before the comma
    before = doc[word.i - 1] if word.i > sent.start else None
    if (
        before is not None
        and regexes.ANY_LETTER.search(before.text)
        and (word.pos_ in ("NOUN", "VERB") or in_headline(word))
        and (before.tag_ in ("NNS", "NNPS") or (in_headline(word) and before.lower_.endswith("s")))
        and (before.head.i == word.i or in_headline(word))
    ):
        compounds = [t.lower_ for t in before.lefts if t.dep_ == "compound" and t.is_alpha]
        return _noun_metric(before) or " ".join([*compounds, singular(before.text)])
    if (
        before is not None
        and in_headline(word)
        and before.is_alpha
        and before.is_title
        and before.ent_type_ not in ("GPE", "LOC", "FAC", "DATE", "NORP")
        and (before.i == 0 or "\n" in doc[before.i - 1].text_with_ws or doc[before.i - 1].ent_type_ in ("GPE", "LOC"))
    ):
        return _low(before)  # a headline in title case opened by a mass noun: "Truancy Falls 30 Percent"
    return None


# lowercase words a title-case headline keeps inside its subject: "Hate Crimes in County Increase"
HEADLINE_PREPOSITIONS = frozenset({"in", "of", "for", "on", "at", "among", "across", "by"})


def _headline_subject(word: Token, sent: Span) -> str | None:
    """The subject of a change word in a title-case headline, read by the words' shapes since the
    tagger takes every capitalized word for a name: the capitalized words from the line's start
    (or a colon) to the change word, up to the first preposition ("Hate Crimes in County Increase
    12 Percent" -> "hate crime", "Report: Shoplifting Down 20%" -> "shoplifting")."""
    doc = word.doc
    j = word.i - 1
    while j >= sent.start and doc[j].text != ":" and "\n" not in doc[j].text_with_ws[len(doc[j].text) :]:
        j -= 1
    run = list(doc[j + 1 : word.i])
    if not run or any(not (t.is_alpha and (t.text[:1].isupper() or _low(t) in HEADLINE_PREPOSITIONS)) for t in run):
        return None
    cut = next((k for k, t in enumerate(run) if _low(t) in HEADLINE_PREPOSITIONS), len(run))
    words = [_low(t) for t in run[:cut] if t.ent_type_ not in ("GPE", "LOC", "PERSON")]
    if not words or _low(run[0]) in HEADLINE_PREPOSITIONS:
        return None
    return " ".join([*words[:-1], singular(words[-1])])


def _trend_before(doc: Doc, mark: int, sent: Span) -> str | None:
    """The subject of a trend stated with its numbers right before an apposed change ("the jail
    population fell from 6,000 to 3,600 inmates, a 40 percent drop"): the change is the trend's,
    not that of the noun of its last number. None where another verb stands between."""
    for j in range(mark - 1, sent.start - 1, -1):
        t = doc[j]
        if t.pos_ in ("VERB", "AUX") and direction_of(t) is None:
            return None
        if t.pos_ == "VERB" and _trend_numbers(t):
            return _subject_metric(t)
    return None


def _is_valued(noun: Token) -> bool:
    """A noun a sum of money is stated in: "$4.2 million in stolen goods" (the object of "in" on
    the amount); a change set off after it is the change of that value."""
    prep = noun.head
    return (
        noun.pos_ == "NOUN"
        and noun.dep_ == "pobj"
        and _low(prep) == "in"
        and prep.i > 0
        and noun.doc[prep.i - 1].ent_type_ == "MONEY"  # wherever the parse hangs the phrase
    )


def _is_counted(noun: Token) -> bool:
    """A noun a number counts: "212 overdose deaths", and the last of nouns counted together
    ("398 hate crimes and incidents")."""
    if noun.pos_ != "NOUN":
        return False
    while True:
        if any(c.dep_ == "nummod" and c.ent_type_ not in ("PERCENT", "DATE", "MONEY") for c in noun.children):
            return True
        if noun.dep_ != "conj" or noun.head.i >= noun.i:
            return False
        noun = noun.head


def _metric_of_object(word: Token, percent: Token | None = None) -> str | None:
    """The object of a change noun: "an increase in car break-ins", "a decrease in the number of
    permits", "a decrease of 60 percent in burglaries" (the phrase hangs on the percent); never a
    time or a place ("up 9% in the spring"), nor what a change verb did it in ("cut by
    30 percent in a push to ...")."""
    # a change noun the tagger read as a verb where it is a verb's subject or object: "The 40
    # percent rise in overdose deaths prompted a review"
    nominal = word.pos_ in ("NOUN", "PROPN") or word.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj")
    holders = [word] if nominal else []
    if percent is not None and holders:
        # "a reduction of 31 percent in violent crime in the zone": the phrase on the amount first
        of_amount = percent.dep_ == "pobj" and percent.head.head.i == word.i
        holders = [percent, word] if of_amount else [word, percent]
    for holder in holders:
        for child in holder.children:
            if child.dep_ == "prep" and _low(child) in (("in", "of", "for") if holder is word else ("in",)):
                for pobj in child.children:
                    # a headline in title case: "20% Decline in Youth Arrests" (read as a place)
                    titled = pobj.dep_ == "pobj" and in_headline(pobj) and pobj.tag_ == "NNPS"
                    if titled and (m := metric_of_label(pobj.doc[pobj.left_edge.i : pobj.i + 1].text)) is not None:
                        return m
                    if pobj.dep_ != "pobj" or pobj.ent_type_ in ("DATE", "GPE", "LOC"):
                        continue
                    if _low(child) == "in" and _is_holder(pobj):
                        # "an 18 percent drop in the harbor district for thefts and other crimes"
                        named = _object_of_for(pobj)
                        if named is None:
                            continue  # "a decrease in the district": where, not what
                        pobj = named
                    pobj = _noun_before_verb_read_as_modifier(pobj)
                    if (m := _noun_metric(pobj)) is not None:
                        return m
    return None


def _object_of_for(place: Token) -> Token | None:
    """What a change in a place was counted "for": the object of a "for" phrase on the place's
    noun ("in the harbor district for burglary, theft and other property crimes")."""
    for prep in place.children:
        if prep.dep_ == "prep" and _low(prep) == "for":
            for pobj in prep.children:
                if pobj.dep_ == "pobj" and pobj.pos_ == "NOUN":
                    return pobj
    return None


def _noun_before_verb_read_as_modifier(pobj: Token) -> Token:
    """The object of a change noun that opens a sentence whose main verb the parse read as an
    adjective of the words after it: in "The 25 percent increase in auto thefts alarmed officials"
    the sentence has no verb, and "alarmed" modifies "officials"; what changed is "auto thefts",
    the noun right before the -ed word, not the verb's object."""
    doc = pobj.doc
    if pobj.sent.root.pos_ in ("VERB", "AUX"):
        return pobj
    for mod in pobj.lefts:
        before = doc[mod.i - 1] if mod.i > 0 else None
        if (
            mod.dep_ == "amod"
            and mod.tag_ in ("JJ", "VBN", "VBD")
            and _low(mod).endswith("ed")
            and before is not None
            and before.pos_ == "NOUN"
            and before.head.i == pobj.i
            and before.dep_ in ("nmod", "compound")
        ):
            return before
    return pobj


def _metric_of_relative(verb: Token, word: Token, sent: Span, figures: list[Figure] | None) -> str | None:
    """The metric of a change stated in a relative clause ("..., which was a drop of 7%"): its
    antecedent, the figure before it, or the subject of the sentence."""
    antecedent = verb.head
    own = antecedent
    if (metric := _noun_of_a_bare_count(antecedent, sent)) is not None:
        return metric  # "seized more guns, with 812 seized in 2023, which was an increase of 9%"
    while antecedent.dep_ in ("pobj", "conj", "prep") and antecedent.head.i != antecedent.i:
        verb_above = antecedent.head.head
        if antecedent.dep_ == "pobj" and any(
            c.dep_ == "nsubj" and c.pos_ == "NOUN" and direction_of(c) for c in verb_above.children
        ):
            break  # "the biggest drop came in robberies, which fell 31 percent": where the drop came
        antecedent = antecedent.head  # "212 crashes with injuries or deaths, which ..."
    if antecedent.pos_ == "ADP" and own.pos_ == "NOUN":
        antecedent = own  # "alarmed by auto thefts, which increased 25 percent": no noun above the phrase
    if verb.dep_ == "relcl" and antecedent.pos_ == "NOUN" and (m := _noun_metric(antecedent)):
        return m  # "212 crashes with injuries, which is a drop of 7%"
    if verb.dep_ == "relcl" and _low(antecedent) in GENERIC_NOUNS:
        # "310 shootings, a figure that is down 14 percent": the count the generic noun restates
        for counted in reversed(sent.doc[sent.start : antecedent.i]):
            if counted.pos_ == "NOUN" and any(c.dep_ == "nummod" for c in counted.children):
                return _noun_metric(counted)
    if verb.dep_ == "relcl" and antecedent.pos_ == "VERB":
        # the modifier hangs on the verb ("prosecuted 212 crashes with injuries, which is a drop
        # of 7%"): the counted object of that verb
        for obj in antecedent.children:
            if obj.dep_ == "dobj" and any(c.dep_ == "nummod" for c in obj.children) and (m := _noun_metric(obj)):
                return m
    if figures and (f := _figure_before(word, figures)):
        return f.metric  # "812 in 2022, which marked a rise of 5%"
    main = [c for c in sent.root.children if c.dep_ in ("nsubj", "nsubjpass") and c.pos_ == "NOUN"]
    if main and (m := _noun_metric(main[0])):
        return m  # "a fifth of all residents ... by 2060, which is a 6 percent increase"
    return None


def _noun_of_a_bare_count(count: Token, sent: Span) -> str | None:
    """The noun a count without one stands for, where a participle after the count repeats a verb
    of the sentence ("seized more guns each year, with 812 seized in 2023"): that verb's object."""
    if not count.like_num or count.ent_type_ in ("DATE", "PERCENT", "MONEY") or count.pos_ not in ("NUM", "NOUN"):
        return None
    participles = [c for c in count.children if c.dep_ == "acl" and c.tag_ == "VBN"]
    if not participles:
        return None
    lemma = participles[0].lemma_.lower()
    for verb in sent:
        if verb.i < count.i and verb.pos_ == "VERB" and verb.lemma_.lower() == lemma:
            for obj in verb.children:
                if obj.dep_ == "dobj" and obj.pos_ == "NOUN" and (metric := _noun_metric(obj)) is not None:
                    return metric
    return None


def _common_noun_read_as_name(token: Token) -> bool:
    """A common noun the tagger or the recognizer took for a name because it opens its sentence
    capitalized ("Arson fell 5 percent", "Truancy declined 9%", "Ridership was down"): one word,
    the sentence's first, alone in its phrase (no other capitalized word beside it), no person or
    place."""
    doc = token.doc
    first = bool(token.is_sent_start) or (
        token.i > 0 and doc[token.i - 1].is_punct and bool(doc[token.i - 1].is_sent_start)
    )
    first = first or token.i > 0 and doc[token.i - 1].text in DATELINE_DASHES  # "LAKEWOOD – Graffiti fell"
    nxt = doc[token.i + 1] if token.i + 1 < len(doc) else None
    alone = (nxt is None or not nxt.text[:1].isupper()) and not any(c.pos_ == "PROPN" for c in token.children)
    return (
        first
        and alone
        and token.is_alpha
        and token.text[:1].isupper()
        and not token.text.isupper()
        and (token.ent_type_ in ("", "ORG") or token.ent_type_ == "PERSON" and _moves_by_a_percent(token.head))
        and (nxt is None or nxt.ent_iob_ != "I")  # a one-word organization or name at most
        and (token.pos_ == "PROPN" or token.ent_type_ == "ORG")
    )


def _moves_by_a_percent(verb: Token) -> bool:
    """A change verb with a percent of its own ("fell 30 percent"): what it moves is a quantity,
    so a one-word subject the recognizer took for a person's name ("Graffiti fell 30 percent") is
    a common noun; people do not fall by a percent."""
    return direction_of(verb) is not None and any(
        c.ent_type_ == "PERCENT" or any(g.ent_type_ == "PERCENT" for g in c.children) for c in verb.children
    )


def _subject_noun(subject: Token) -> Token | None:
    """The noun a change's subject names, None for no thing that is counted: a dateline's place
    parsed as the subject stands for its appositive ("CARDIFF, Wales — Reported robberies fell");
    places and organizations are no metric."""
    lead = _dateline_lead(subject)
    if lead is not None:
        return lead  # "SANTA ANA – Truancy at schools fell 30 percent": the place is a dateline
    if subject.pos_ == "PROPN" and subject.text.islower() and subject.is_alpha:
        return subject  # "graffiti decreased 60 percent": a name is written with a capital
    if subject.pos_ == "PROPN" and not subject.text.isupper():
        appositives = [c for c in subject.children if c.dep_ == "appos" and c.pos_ == "NOUN"]
        if appositives:
            subject = appositives[0]
        elif subject.ent_type_ == "" and subject.is_sent_start and subject.text.lower().endswith("s"):
            return subject  # "Homicides were down 20 percent": a capitalized plural read as a name
        else:
            return None
    if subject.pos_ not in ("NOUN", "PROPN") or subject.ent_type_ in ("GPE", "LOC", "ORG"):
        return None
    return subject


def _is_dateline(token: Token) -> bool:
    """A place in capitals that opens a line before a dash: "SAN DIEGO –", "SANTA ANA —"."""
    doc = token.doc
    phrase = doc[token.left_edge.i : token.i + 1]
    opens_line = token.left_edge.i == 0 or "\n" in doc[token.left_edge.i - 1].text_with_ws
    dash = token.i + 1 < len(doc) and doc[token.i + 1].text in DATELINE_DASHES
    return opens_line and dash and all(t.text.isupper() for t in phrase if t.is_alpha)


def _dateline_lead(subject: Token) -> Token | None:
    """The first word of a story after its dateline, where the parse makes the dateline's place the
    subject and that word its appositive ("SANTA ANA – Truancy at schools fell 30 percent"): one
    capitalized word right after the dash, which the tagger takes for a name because it opens the
    story; None for anything else (a name: "SANTA ANA – Jane Roe said")."""
    if subject.ent_type_ not in ("GPE", "LOC"):
        return None
    doc = subject.doc
    for lead in subject.children:
        after_dash = lead.i > 0 and doc[lead.i - 1].text in DATELINE_DASHES
        nxt = doc[lead.i + 1] if lead.i + 1 < len(doc) else None
        if (
            lead.dep_ == "appos"
            and after_dash
            and lead.pos_ == "PROPN"
            and lead.ent_type_ == ""
            and lead.is_alpha
            and not lead.text.isupper()
            and (nxt is None or not nxt.text[:1].isupper())
        ):
            return lead
    return None


def _since(doc: Doc, sent: Span, after: int, published: dt.date | None) -> str | None:
    """The baseline of a change: "since 2021", "compared to 2017", "over last year", or "since Mayor
    Jones took office", dated where the article dates that same event."""
    for j in range(after, sent.end):
        word = _low(doc[j])
        if word in SUPERLATIVES:
            break  # "..., the most since 2019": that baseline belongs to the superlative
        if word not in BASELINE_WORDS:
            continue
        earlier = years_in(doc, sent.start, j, published, None)  # "the year before" follows these
        years = years_in(doc, j + 1, min(sent.end, j + 6), published, earlier[-1].year if earlier else None)
        date_ents = [e for e in sent.ents if e.label_ == "DATE" and e.start > j and e.start - j <= 4]
        if date_ents:
            parsed = _parse_entity(date_ents[0].text, published)
            if parsed is not None:
                return parsed
        if years:
            return f"{years[0].year:04d}"
        if word == "since":
            return _date_of_event_clause(doc, doc[j], published)
    return None


def _parse_entity(text: str, published: dt.date | None) -> str | None:
    if not regexes.HAS_DIGIT.search(text) and published is None:
        return None
    parsed = dates.parse(text, published)
    return parsed.value if parsed is not None else None


def _date_of_event_clause(doc: Doc, since: Token, published: dt.date | None) -> str | None:
    """ "since Mayor Jones took office" -> the date of another mention of taking office."""
    verb = since.head
    if verb.pos_ not in ("VERB", "AUX"):
        return None
    objects = {c.lemma_.lower() for c in verb.children if c.dep_ in ("dobj", "attr", "prt")}
    for t in doc:
        if t.i == verb.i or t.lemma_ != verb.lemma_:
            continue
        if objects and not objects & {c.lemma_.lower() for c in t.children}:
            continue
        for ent in sentence_of(t).ents:
            near = ent.root.head.head == t or 0 < ent.start - t.i <= 5
            if ent.label_ == "DATE" and near and (value := _parse_entity(ent.text, published)) is not None:
                return value
    return None


LABEL_MAX_TOKENS = 6


def _table_row(doc: Doc, start: int) -> tuple[str, list[float]] | None:
    """A table row that ends in a change column, its label and the counts between: "Burglary |
    120 | 96 | -20%", "Total\t52\t46\t-11.5%"; None for a line that is no such row."""
    text = doc_text(doc)
    line_start = text.rfind("\n", 0, doc[start].idx) + 1
    cells = [c.strip() for c in regexes.TABLE_CELL_SPLIT.split(text[line_start : doc[start].idx]) if c.strip()]
    if len(cells) < 2 or regexes.HAS_DIGIT.search(cells[0]) or not regexes.ANY_LETTER.search(cells[0]):
        return None
    if not all(regexes.TABLE_COUNT.fullmatch(c) for c in cells[1:]):
        return None
    return cells[0], [float(c.replace(",", "")) for c in cells[1:]]


def _row_direction(doc: Doc, start: int) -> Direction | None:
    """The direction of an unsigned percent in a table row, from its first and last counts:
    "Auto theft | 80 | 88 | 10%" is a rise."""
    row = _table_row(doc, start)
    if row is None or len(row[1]) < 2 or row[1][0] == row[1][-1]:
        return None
    return Direction.increase if row[1][-1] > row[1][0] else Direction.decrease


def _labelled_metric(doc: Doc, start: int, sent: Span) -> str | None:
    """The metric a label gives the percent right after it: a line of a list of changes
    ("Homicides: down 23%", "- Burglary: -14 percent"), a table row ("Homicide\t-12%"), or a
    percent in parentheses after its noun ("burglaries (-14%) and robberies (+6%)")."""
    opening = start - 1
    while opening > sent.start and _low(doc[opening]) in DIRECTION_WORDS | AMOUNT_LEAD_WORDS:
        opening -= 1  # "thefts (down 12%)", "arsons (up by 4 percent)"
    if opening - 1 >= sent.start and doc[opening].text == "(":
        noun = doc[opening - 1]
        while noun.dep_ == "pobj" and noun.head.dep_ == "prep" and noun.head.head.pos_ == "NOUN":
            if _low(noun.head.head) in GENERIC_NOUNS or noun.head.head.i < sent.start:
                break
            noun = noun.head.head  # "assaults on transit workers (up 31 percent)": the phrase's head
        if noun.is_alpha and noun.ent_type_ not in ("DATE", "TIME", "GPE", "LOC") and noun.pos_ in ("NOUN", "PROPN"):
            from .claims import noun_metric

            return noun_metric(noun) or singular(_low(noun))
        return _counted_label(doc, opening, sent) if noun.like_num else None
    text = doc_text(doc)
    line_start = text.rfind("\n", 0, doc[start].idx) + 1
    cells = [c for c in regexes.TABLE_CELL_SPLIT.split(text[line_start : doc[start].idx]) if c.strip()]
    if len(cells) == 1 and regexes.TABLE_CELL_SPLIT.search(text[line_start : doc[start].idx].strip(" ")):
        return metric_of_label(cells[0]) if not regexes.HAS_DIGIT.search(cells[0]) else None  # "Homicide\t-12%"
    if (row := _table_row(doc, start)) is not None:
        row_label = row[0]  # "Burglary | 120 | 96 | -20%": the row's label, "Total" included
        return metric_of_label(row_label) or singular(row_label.lower())
    j = start - 1
    while j > sent.start and _low(doc[j]) in DIRECTION_WORDS | AMOUNT_TOKENS:
        j -= 1  # "down", "up", a sign
    if j <= sent.start or doc[j].text != ":" or start - j > 3:
        return _counted_label(doc, start, sent)
    return _label_before(doc, j, sent)


def _counted_label(doc: Doc, start: int, sent: Span) -> str | None:
    """The label of a list line that states a count and then its change: "Robberies: 310, a
    decrease of 8%", "Homicides: 45 (up 19 percent)". Between the colon and the percent only the
    count, punctuation and the words that lead a change."""
    colon = next((k for k in range(start - 1, sent.start, -1) if doc[k].text == ":"), None)
    if colon is None or colon + 1 >= start or not doc[colon + 1].like_num:
        return None
    leads = DIRECTION_WORDS | AMOUNT_TOKENS | AMOUNT_LEAD_WORDS | {"a", "an", "of", "by"}
    if not all(t.is_punct or t.like_num or _low(t) in leads for t in doc[colon + 2 : start]):
        return None
    return _label_before(doc, colon, sent)


def _label_before(doc: Doc, j: int, sent: Span) -> str | None:
    """The metric a label names that opens its sentence and ends at the colon at token j."""
    first = sent.start
    while first < j and (doc[first].is_punct or doc[first].is_space):
        first += 1  # a bullet
    label = doc[first:j]
    if not 0 < len(label) <= LABEL_MAX_TOKENS or any(t.tag_ in ("VBD", "MD") or t.like_num for t in label):
        return None
    return metric_of_label(label.text)


def _percent_changes(
    doc: Doc,
    sent: Span,
    percents: list[int],
    used_words: set[int],
    last_metric: str | None,
    figures: list[Figure],
    antecedent: str | None = None,
    previous_count: str | None = None,
) -> list[Change]:
    """The changes a sentence states with a percent; the change words they use go to `used_words`.
    `antecedent`: the metric of the last change of the sentences before, what "they" stands for."""
    published: dt.date | None = doc._.published
    changes: list[Change] = []
    words: list[Token | None] = []  # the change word of each change, None for a gapped item
    last_end = sent.start  # where the last percent ended
    i = sent.start
    while i < sent.end:
        found = _percent_at(doc, i) if next_index(percents, i, sent.end) == i else None
        if found is None:
            i = next_index(percents, i + 1, sent.end)
            continue
        value, signed, end = found
        at, i = i, end
        start = at - 1 if at > sent.start and _sign_before(doc, at) else at
        qualifier, qstart = qualifier_before(lowers(doc), start, sent.start)
        if _is_level(doc, qstart, end, sent):
            continue  # "up from 41% to 52%", "0.08 percent or higher": a level, not a change
        near = _direction_near(doc, start, end, sent)
        if words and words[-1] is not None and _listed_after(doc, last_end, qstart, sent):
            near = (changes[-1].direction, words[-1])  # "down 10%, 14% and 22%, respectively": one word
        last_end = end
        gapped = _gapped_metric(doc, qstart, sent) if changes else None
        if gapped is not None and (near is None or near[1].i < gapped[1]):
            near = (changes[-1].direction, doc[gapped[1]])  # the item takes the gapped verb's direction
        elif gapped is not None and near is not None and near[1].i >= qstart:
            gapped = None  # "..., burglaries 12% higher": the item has its own word
        direction = signed or (near[0] if near else None) or _row_direction(doc, start)
        if direction is None:
            continue
        word = near[1] if near else doc[end - 1]
        used_words.add(word.i)
        if near and gapped is None and _moves_between_levels(doc, word, end, sent):
            continue  # "20 percent involved alcohol, down from 26 percent": two shares, no change
        if near and gapped is None and _states_a_target(word, sent, qstart):
            continue  # "a plan to reduce X by 50%", "is projected to grow 5%": not a change
        metric: str | None
        if gapped is not None:
            metric, first = gapped  # "..., shootings 9%": the evidence is that item
        else:
            # failing all else, the count stated last before the percent, not the sentence's first
            fallback = next((f.metric for f in reversed(figures) if f.start < doc[qstart].idx), last_metric)
            metric = _labelled_metric(doc, start, sent) or _metric_near(
                doc, word, sent, fallback, figures, doc[end - 1]
            )
            first = min(qstart, word.i) if near else qstart
            metric = _metric_from_context(word, metric, antecedent, previous_count, changes)
        if _low(word) in IMPROVEMENT_WORDS and any(_low(t) in BETTER_LOWER_HEADS for t in doc[sent.start : end]):
            continue  # "improved response times by 12%": a time that improves goes down; not guessed
        last = max(end, word.i + 1) if near else end
        if first > sent.start and doc[first - 1].text == "(" and last < sent.end and doc[last].text == ")":
            first, last = first - 1, last + 1
        elif "(" in doc[first:last].text and ")" not in doc[first:last].text and last < sent.end:
            last += doc[last].text == ")"
        changes.append(
            _change(
                doc,
                first,
                last,
                metric=metric,
                direction=direction,
                percent=value,
                qualifier=qualifier,
                since=_since(doc, sent, first, published),
                location=doc._.location,
            )
        )
        words.append(word if gapped is None else None)
    return _shared_verb_changes(changes, words)


def _metric_from_context(
    word: Token, metric: str | None, antecedent: str | None, previous_count: str | None, changes: list[Change]
) -> str | None:
    """The metric of a change whose subject stands for something stated before: a pronoun for the
    last change or the subject of the sentence before, a demonstrative for the count before, a
    holder that sees "a 15% increase" for the change before it in the sentence."""
    acts = word.pos_ == "VERB" and _metric_of_direct_object(word) is not None
    if antecedent and _pronoun_subject(word) and not acts:
        return antecedent  # "Thefts also fell. They were down 8%": what changed before
    if not metric and previous_count and _pronoun_subject(word, DEMONSTRATIVES):
        return previous_count  # "Deputies made 220 DUI arrests. This is a 40 percent increase"
    if not metric and antecedent and _pronoun_subject(word, ("it",)) and not acts:
        return antecedent  # "Shoplifting was a worry. It rose 18 percent"
    if not metric and changes and _seen_by_a_holder(word):
        return changes[-1].metric  # "thefts rose 20%, with the county seeing a 15% increase"
    return metric


def _listed_after(doc: Doc, last_end: int, qstart: int, sent: Span) -> bool:
    """A percent in a list of percents that one change word gives, in order, to as many nouns:
    "were down 10%, 14% and 22%, respectively" (only commas and a conjunction between the
    percents, and "respectively" in the sentence)."""
    between = [_low(t) for t in doc[last_end:qstart]]
    return (
        last_end > sent.start
        and bool(between)
        and all(w in (",", "and") for w in between)
        and any(_low(t) == "respectively" for t in doc[qstart : sent.end])
    )


def _moves_between_levels(doc: Doc, word: Token, end: int, sent: Span) -> bool:
    """A direction word after the percent that leads to another percent by "from" or "to" ("20
    percent ..., down from 26 percent"): the percent is the level it moved to."""
    if word.i < end or word.i + 1 >= sent.end or _low(doc[word.i + 1]) not in ("from", "to"):
        return False
    return any(_percent_at(doc, k) is not None for k in range(word.i + 2, min(sent.end, word.i + 6)))


PLURAL_PRONOUNS = ("they", "these", "those")
# what may stand for the count of the sentence before: "This represents an increase of 40 percent"
DEMONSTRATIVES = ("this", "that", "it")


def _pronoun_subject(word: Token, pronouns: tuple[str, ...] = PLURAL_PRONOUNS) -> bool:
    """A change word (or the verb whose object it is) with a pronoun subject: "they were down 8%",
    "this represents a 40 percent increase"."""
    verb = word if word.pos_ in ("VERB", "AUX") else word.head
    if verb.dep_ == "prep" or (verb.pos_ == "NOUN" and verb.head.i != verb.i):
        verb = verb.head  # "an increase of 40 percent" under "represents"
    if verb.pos_ == "ADP" and verb.head.i != verb.i:
        verb = verb.head
    return any(c.dep_ in ("nsubj", "nsubjpass") and _low(c) in pronouns for c in verb.children)


def _subject_of_sentence(sent: Span) -> str | None:
    """The metric the subject of a sentence's main verb names, for a pronoun in the next sentence
    to stand for ("Burglaries were a worry. They fell 12%"); None for a person, a place or a
    generic word."""
    root = sent.root
    for child in root.children:
        if child.dep_ not in ("nsubj", "nsubjpass") or child.pos_ != "NOUN" or _is_holder(child):
            continue
        if _low(child) in GENERIC_NOUNS:
            return None
        return _noun_metric(child)
    return None


def _last_count(sent: Span) -> str | None:
    """The metric of the last counted noun of a sentence: "Deputies made 220 DUI arrests during
    the campaign" -> "dui arrest"."""
    found = None
    for t in sent:
        counted = any(
            c.dep_ == "nummod" and c.like_num and c.ent_type_ not in ("PERCENT", "DATE", "MONEY") for c in t.children
        )
        if t.pos_ == "NOUN" and counted and (m := metric_from_noun(t)):
            found = m
    return found


def _coordinated_subjects(verb: Token) -> list[Token]:
    """The nouns of a coordinated subject, in order: "robberies, burglaries and thefts fell"."""
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c.pos_ == "NOUN"), None)
    if subject is None:
        return []
    nouns = [subject]
    while conj := [t for t in nouns[-1].children if t.dep_ == "conj" and t.pos_ == "NOUN"]:
        nouns.append(conj[0])
    return nouns


def _shared_verb_changes(changes: list[Change], words: list[Token | None]) -> list[Change]:
    """Percents that one verb gives to a coordinated subject, each noun its own change: in order
    with "respectively" ("robberies, burglaries and thefts fell 4%, 7% and 9% respectively"), and
    one percent for each noun with "each" or "both" ("robberies and burglaries each fell 5%").
    "Thefts and robberies increased a combined 9%" stays one change."""
    out: list[Change] = []
    k = 0
    while k < len(changes):
        word = words[k]
        group = 1
        while word is not None and k + group < len(changes) and words[k + group] == word:
            group += 1
        verb = word.head if word is not None and word.pos_ in ("ADV", "ADJ") and word.head.pos_ == "AUX" else word
        subjects = _coordinated_subjects(verb) if verb is not None and verb.pos_ in ("VERB", "AUX") else []
        from .claims import noun_metric

        metrics = [noun_metric(n) for n in subjects]  # each noun itself, not the last conjunct
        sent = word.sent if word is not None else None
        said = {_low(t) for t in sent} if sent is not None else set()
        if len(subjects) > 1 and None not in metrics and group == len(subjects) and "respectively" in said:
            out += [c.model_copy(update={"metric": m}) for c, m in zip(changes[k : k + group], metrics, strict=True)]
        elif len(subjects) > 1 and None not in metrics and group == 1 and said & {"each", "both"}:
            out += [changes[k].model_copy(update={"metric": m}) for m in metrics]
        else:
            out += changes[k : k + group]
        k += group
    return out


def extract_changes(doc: Doc, figures: list[Figure]) -> list[Change]:
    published: dt.date | None = doc._.published
    location: str | None = doc._.location
    changes: list[Change] = []
    last_metric = figures[0].metric if figures else None
    used_words: set[int] = set()
    previous_count: str | None = None
    previous: Span | None = None
    low = lowers(doc)
    # where a percentage may start (the next word is a percent unit: `_percent_at`), and the words
    # that may give a direction: the loops over a sentence's words visit these only
    percents = [i for i in range(len(low) - 1) if low[i + 1] in PERCENT_UNIT_WORDS or _hyphenated_percent(doc, i)]
    directional = _direction_candidates(doc)
    for sent in sentences(doc):
        sent_figures = [f for f in figures if sent.start_char <= f.start < sent.end_char]
        if sent_figures:
            last_metric = sent_figures[0].metric
        antecedent = changes[-1].metric if changes else None
        if previous is not None and (not changes or changes[-1].start < previous.start_char):
            # "Burglaries were a worry. They fell 12%": no change just before, so the subject of
            # the sentence before is what the pronoun stands for
            antecedent = _subject_of_sentence(previous) or antecedent
        previous = sent
        changes += _percent_changes(
            doc, sent, percents, used_words, last_metric, sent_figures, antecedent, previous_count
        )
        previous_count = _last_count(sent)
        # an improvement without a percent says nothing of a quantity ("improvements in training")
        sent_directional = [
            doc[j] for j in _within(directional, sent) if doc[j].lemma_.lower() not in IMPROVEMENT_WORDS
        ]
        # trends without a percent: "rose from 82 in 2019 to 138 in 2021", "fell to 584 from 692"
        for t in sent_directional:
            if t.i in used_words or t.pos_ not in ("VERB", "ADV", "ADJ") or direction_of(t) is None:
                continue
            numbers = _trend_numbers(t)
            subject_metric = _subject_metric(t) if t.pos_ == "VERB" and t.tag_ in ("VBD", "VBZ", "VBP", "VBN") else None
            if not numbers and not (subject_metric and _counted_subject(t) and not in_headline(t)):
                continue  # a change needs numbers, or a counted subject: "Firefighter injuries also climbed"
            if not numbers and any(c.dep_ == "dobj" for c in t.children):
                continue  # "prosecutors dropped 14 counts": the subject acts on an object, it does not move
            used_words.add(t.i)
            last_token = max([n.i for n in numbers] + [t.i])
            metric = subject_metric or _metric_near(doc, t, sent, last_metric, sent_figures)
            changes.append(
                _change(
                    doc,
                    t.i,
                    last_token + 1,
                    metric=metric,
                    direction=direction_of(t),
                    percent=None,
                    qualifier=Qualifier.exact,
                    since=_since(doc, sent, t.i, published),
                    location=location,
                )
            )
        # changes without a percent: "an increase in car break-ins", "a rise in bicycle crashes"
        for t in sent_directional:
            if t.i in used_words or t.pos_ != "NOUN" or direction_of(t) is None:
                continue
            ins = [c for c in t.children if c.dep_ == "prep" and _low(c) == "in"]
            objects = [p for c in ins for p in c.children if p.dep_ == "pobj"]
            metric = metric_from_noun(objects[0]) if objects else None
            if metric is None or any(ch.start <= t.idx < ch.end for ch in changes):
                continue
            last_token = max(objects[0].i, t.i)
            first_token = t.i
            changes.append(
                _change(
                    doc,
                    first_token,
                    last_token + 1,
                    metric=metric,
                    direction=direction_of(t),
                    percent=None,
                    qualifier=Qualifier.exact,
                    since=_since(doc, sent, last_token + 1, published),
                    location=location,
                )
            )
    first_line = doc_text(doc).split("\n", 1)[0]
    headline_end = len(first_line) if first_line and not first_line.rstrip().endswith((".", "\u201d", '"')) else 0
    return _without_vaguer_repeats(changes, headline_end, _headline_copies(doc_text(doc), headline_end))


# the shortest line taken for a copy of the headline: shorter lines ("Press", "Home") are page chrome
HEADLINE_COPY_MIN_CHARS = 12


def _headline_copies(text: str, headline_end: int) -> list[tuple[int, int]]:
    """The character spans of the lines that repeat the headline (a page repeats its title above
    the body, often without the site's name: "Crime Falls 9% - City News" and "Crime Falls 9%")."""
    if not headline_end:
        return []
    headline = text[:headline_end].strip()
    spans: list[tuple[int, int]] = []
    start = headline_end + 1
    while start < len(text):
        end = text.find("\n", start)
        end = len(text) if end < 0 else end
        line = text[start:end].strip()
        if len(line) >= HEADLINE_COPY_MIN_CHARS and headline.startswith(line):
            spans.append((start, end))
        start = end + 1
    return spans


def _without_vaguer_repeats(
    changes: list[Change], headline_end: int = 0, headline_copies: list[tuple[int, int]] | None = None
) -> list[Change]:
    """One claim stated twice is one change: "a decrease in homicides" next to "homicides
    decreased by nearly 40%" keeps the one with a percent; a headline's "rise 5.8 per cent" and
    the body's "up 5.8 per cent" keep the first; a rounded restatement ("nearly 35%" in a
    headline, lead or quote beside the body's 34.8%) keeps the precise one. Two things that
    changed by the same percent ("arrests rose 12%", "the over-70 population, up 12%") are two."""

    def head(c: Change) -> str:
        return (c.metric or "").split(" ")[-1]

    def rounded_restatement(c: Change) -> bool:
        if c.percent is None or c.percent != int(c.percent):
            return False
        if c.qualifier == Qualifier.exact and c.start >= headline_end:
            return False  # "nearly 35%", or any percent of a headline
        return any(
            o.direction == c.direction
            and o.percent is not None
            and o.percent != int(o.percent)
            and abs(o.percent - c.percent) < 0.5
            for o in changes
        )

    def restates(c: Change, earlier: Change) -> bool:
        if (earlier.direction, earlier.percent) != (c.direction, c.percent):
            return False
        return not c.metric or not earlier.metric or head(c) == head(earlier) or earlier.start < headline_end

    with_percent = {(head(c), c.direction) for c in changes if c.percent is not None}
    kept: list[Change] = []
    for c in sorted(changes, key=lambda c: c.start):
        if c.percent is None:
            # a trend with its own numbers ("down from 29,430") is a fact of its own; a bare "an
            # increase in X" beside "X rose 12%" is the same claim
            if (head(c), c.direction) not in with_percent or regexes.HAS_DIGIT.search(c.evidence):
                kept.append(c)
        elif not rounded_restatement(c):
            restated = [k for k in kept if k.percent is not None and restates(c, k)]
            if not restated:
                kept.append(c)
            elif c.metric and not restated[0].metric:
                # a headline in title case names no metric ("Homicides Drop 17 Percent"): the
                # body's restatement says what changed
                kept[kept.index(restated[0])] = restated[0].model_copy(update={"metric": c.metric})
            elif _body_names_it_better(c, restated[0], headline_end, headline_copies or []):
                kept[kept.index(restated[0])] = restated[0].model_copy(update={"metric": c.metric})
    return kept


def _body_names_it_better(
    body: Change, headline: Change, headline_end: int, headline_copies: list[tuple[int, int]]
) -> bool:
    """Whether a body sentence restating a headline's change in capitals names what changed
    better: a headline in capitals misleads the parse ("INJUNCTION LEADS TO 40 PERCENT DROP IN
    GANG CALLS FOR SERVICE"), the body's sentence does not; a repeat of the headline on the page
    is no body sentence, and a headline in title case keeps its own metric."""
    if not body.metric or headline.start >= headline_end or not headline.evidence.isupper():
        return False
    if any(start <= body.start < end for start, end in headline_copies):
        return False
    return body.metric.split(" ")[-1] != (headline.metric or "").split(" ")[-1]


def _subject_metric(verb: Token) -> str | None:
    """ "Heat deaths climbed", "reports of anti-Asian incidents declined": what the verb moves."""
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubjpass") and child.pos_ in ("NOUN", "PROPN"):
            if _low(child) in ("number", "total", "count", "tally", "reports", "report"):
                for of in (c for c in child.children if _low(c) == "of"):
                    for p in of.children:
                        if p.dep_ == "pobj" and (m := metric_from_noun(p)):
                            return m
            return metric_from_noun(child)
    return None


def _counted_subject(verb: Token) -> bool:
    """A plural noun as subject, the kind of thing counted: "injuries", "heat deaths", "reports of
    anti-Asian incidents"; not "crime" or "the city"."""
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    return bool(subjects) and subjects[0].tag_ in ("NNS", "NNPS") and subjects[0].ent_type_ == ""


def _is_level(doc: Doc, start: int, end: int, sent: Span) -> bool:
    before = _low(doc[start - 1]) if start > sent.start else ""
    if before == "of" and start - 2 >= sent.start and direction_of(doc[start - 2]) is not None:
        return False  # "a drop of 18.9%"
    if before == "of" and start - 2 >= sent.start and _object_of_change_noun(doc[start - 2]):
        return False  # "a drop in thefts of 12 percent": the amount after the change's object
    if end < sent.end and direction_of(doc[end]) is not None and doc[end].pos_ == "NOUN":
        return False  # "an average 25 percent increase in bus ridership"
    if end < sent.end and _is_comparative(doc[end]):
        # "were 9 percent lower than in 2022", "14 percent fewer drownings this summer": a change
        # over time; "10 percent higher than in other towns", "50 percent below normal": a level
        return not _compares_with_a_time(doc[end], sent)
    if end < sent.end and _low(doc[end]) == "of" and not (start > sent.start and direction_of(doc[start - 1])):
        return True  # a share: "60 percent of the calls", "over 80% of its budget"
    if before in LEVEL_PREPOSITIONS:
        return True
    if _describes_a_rate(doc, end, sent):
        return True  # "a 93 percent conviction rate, up from ...": the rate's level
    if before == "the" and not (end < sent.end and direction_of(doc[end]) is not None):
        return True  # "below the 95% threshold"; but "the 12% increase" is a change
    return any([_low(t) for t in doc[end : end + len(bound)]] == bound for bound in OPEN_BOUNDS)


def _object_of_change_noun(noun: Token) -> bool:
    """A noun that is the "in" object of a change noun: "thefts" in "a drop in thefts"."""
    prep = noun.head
    return (
        noun.dep_ == "pobj"
        and _low(prep) == "in"
        and prep.head.pos_ == "NOUN"
        and direction_of(prep.head) is not None
        and prep.head.i == prep.i - 1
    )


def _is_comparative(word: Token) -> bool:
    """A comparative that gives a direction: "lower", "higher", "fewer", "more", "above"."""
    return (word.tag_ in ("JJR", "RBR") or word.pos_ == "ADP") and direction_of(word) is not None


def _compares_with_a_time(word: Token, sent: Span) -> bool:
    """Whether a comparative compares a quantity with itself at another time: the phrase after
    "than" (or the object of "above"/"below") names a time ("than in 2022", "than a year
    earlier", "above the 2022 total"), or, with nothing compared, the sentence names one ("14
    percent fewer drownings this summer"); never under a modal ("will be 50 percent below")."""
    doc = word.doc
    verb = word.head if word.dep_ in ("acomp", "amod", "advmod", "prep") else word
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    if any(c.dep_ == "aux" and _low(c) in MODAL_WORDS for c in verb.children):
        return False
    baseline = [c for c in word.children if c.dep_ == "pobj" or (c.dep_ == "prep" and _low(c) == "than")]
    if not baseline and word.i + 1 < sent.end and _low(doc[word.i + 1]) == "than":
        baseline = [doc[word.i + 1]]
    if word.i + 1 < sent.end and word.head.pos_ == "NOUN" and word.dep_ == "amod":
        baseline += [c for c in word.head.children if c.dep_ == "prep" and _low(c) == "than"]
    words = [t for b in baseline for t in b.subtree] if baseline else list(sent)
    return any((t.ent_type_ == "DATE" and not t.like_num) or is_year_token(t) or _low(t) in AGO_WORDS for t in words)


def _describes_a_rate(doc: Doc, end: int, sent: Span) -> bool:
    """A percent before a rate or share it measures: "a 93 percent conviction rate", "a 90%
    success rate" (up to two words between); not "a 5 percent rate increase"."""
    for k in range(end, min(sent.end, end + 3)):
        if _low(doc[k]) in LEVEL_NOUNS:
            after = doc[k + 1] if k + 1 < sent.end else None
            return after is None or direction_of(after) is None or after.pos_ != "NOUN"
        if doc[k].pos_ not in ("NOUN", "ADJ", "PROPN"):
            return False
    return False


def _trend_numbers(word: Token) -> list[Token]:
    """The numbers a direction word moves between: "rose from 82 ... to 138", "fell to 584",
    "up from 59"."""
    numbers = []
    for prep in word.children:
        if prep.dep_ == "prep" and _low(prep) in ("from", "to"):
            for p in prep.children:  # "to 584", "to under 500", "to a record 19"
                numbers += [g for g in p.subtree if g.like_num and g._.number is not None and g.i > prep.i][:1]
    doc = word.doc
    if not numbers and word.i + 1 < len(doc) and _low(doc[word.i + 1]) in ("from", "to"):
        # "down from 305": the parser often hangs "from" elsewhere; adjacency is enough
        numbers = [t for t in doc[word.i + 2 : word.i + 5] if t.like_num and t._.number is not None][:1]
    return [n for n in numbers if n.ent_type_ != "MONEY" and not (n.i > 0 and doc[n.i - 1].text in ("$", "£", "€"))]


def _change(doc: Doc, first: int, last: int, **fields: object) -> Change:
    start, end = doc[first].idx, doc[last - 1].idx + len(doc[last - 1])
    return Change(start=start, end=end, evidence=doc_text(doc)[start:end], **fields)  # type: ignore[arg-type]
