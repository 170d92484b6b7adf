"""Year–count figures from a Doc: plain functions from Doc to records, textacy style.

Three passes, each over what the one before left: year lists ("2020: 263 HOMICIDES", under a header
naming the metric), small tables (pipes, tabs, aligned columns), and sentences, where each count is
paired with its year by the grammar around it ("160 homicides in 2023", "2014, which had 159")."""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from .components import (
    SENTENCE_END_MARKS,
    doc_text,
    entities,
    lowers,
    next_index,
    number_tokens,
    sentence_of,
    sentences,
)
from .context import Context, context_of
from .location import figure_place
from .metrics import (
    metric_from_noun,
    metric_of_header,
    metric_of_label,
    metric_of_sentence,
    names_an_average,
    subject_names_an_average,
)
from .models import Basis, Figure, Qualifier
from .numbers import QUALIFIERS, SCALES, in_number_run, is_year_token, qualifier_before, words_value
from .rules import derived, load, regexes
from .timex import YearMention, years_in
from .vocabulary import AGO_WORDS, MONTHS, singular

RULES = derived(lambda: load("figures.json"))
BLOCKING_BEFORE = derived(lambda: set(RULES["blocking_before"]))
BLOCKING_AFTER = derived(lambda: set(RULES["blocking_after"]))
DIFFERENCE_WORDS = derived(lambda: set(RULES["difference_words"]))
# the last word of a street address, written out or abbreviated: "1200 Main St." is no count
STREET_WORDS = derived(lambda: {w for word in load("places.json")["address_words"] for w in (word, word + ".")})
YEAR_PREPOSITIONS = derived(lambda: set(RULES["year_prepositions"]))
NOT_COUNT_WORDS = derived(lambda: set(RULES["not_count_words"]))
RATE_WORDS = derived(lambda: set(RULES["rate_words"]))
RATE_UNITS = derived(lambda: set(RULES["rate_units"]))
ANAPHORIC_NOUNS = derived(lambda: set(RULES["anaphoric_nouns"]))
GROUP_NOUNS = derived(lambda: set(RULES["group_nouns"]))
CASE_DETAIL_NOUNS = derived(lambda: set(RULES["case_detail_nouns"]))
CASE_DETAIL_MODIFIERS = derived(lambda: set(RULES["case_detail_modifiers"]))
GROUP_DETERMINERS = derived(lambda: set(RULES["group_determiners"]))
BASELINE_BEFORE_COUNT = derived(lambda: [phrase.split() for phrase in RULES["baseline_before_count"]])
RELATIVE_PERIOD_OPENERS = derived(lambda: set(RULES["relative_period_openers"]))
ONE_EVENT_NOUNS = derived(lambda: set(RULES["one_event_nouns"]))
ONE_EVENT_DETERMINERS = derived(lambda: set(RULES["one_event_determiners"]))
ONE_DAY_NOUNS = derived(lambda: set(RULES["one_day_nouns"]))
ONE_DAY_PREPOSITIONS = derived(lambda: set(RULES["one_day_prepositions"]))
MONTH_DATE_OPENERS = derived(lambda: set(RULES["month_date_openers"]))
WEEKDAY_OPENERS = derived(lambda: set(RULES["weekday_openers"]))
CASE_VERBS = derived(lambda: set(RULES["case_verbs"]))
MODAL_WORDS = derived(lambda: set(RULES["modal_words"]))
ENOUGH_WORDS = derived(lambda: set(RULES["enough_words"]))
PLAN_NOUNS = derived(lambda: set(RULES["plan_nouns"]))
WEEKDAYS = derived(lambda: set(load("dates.json")["weekdays"]))
SUBSET_PRONOUNS = derived(lambda: set(RULES["subset_pronouns"]))
OUTCOME_VERBS: dict[str, str]  = derived(lambda: RULES["outcome_verbs"])
OUTCOME_CONTAINERS = derived(lambda: set(RULES["outcome_containers"]))
CASE_PARTY_NOUNS = derived(lambda: set(RULES["case_party_nouns"]))
CASE_PARTY_PRONOUNS = derived(lambda: set(RULES["case_party_pronouns"]))
CASE_PARTY_DETERMINERS = derived(lambda: set(RULES["case_party_determiners"]))
CASE_PARTY_POSSESSIVES = derived(lambda: set(RULES["case_party_possessives"]))
CASE_PARTY_OBJECTS = derived(lambda: set(RULES["case_party_objects"]))
SURVEY_NOUNS = derived(lambda: set(RULES["survey_nouns"]))
RESPONDENT_NOUNS = derived(lambda: set(RULES["respondent_nouns"]))
CAPACITY_HEADS = derived(lambda: set(RULES["capacity_heads"]))
GIVING_VERBS = derived(lambda: set(RULES["giving_verbs"]))
DESTINATION_NOUNS = derived(lambda: set(RULES["destination_nouns"]))
ENTRANT_NOUNS = derived(lambda: set(RULES["entrant_nouns"]))
ROUND_HOLDERS = derived(lambda: set(RULES["round_holders"]))
RESOURCE_PREPOSITIONS = derived(lambda: set(RULES["resource_prepositions"]))
SINCE_POINTS = derived(lambda: set(RULES["since_points"]))
HEADER_MAX_WORDS = 10  # a list's header is a label; a longer line above a list is prose
ENTRY_VERBS = derived(lambda: set(RULES["entry_verbs"]))
STATISTIC_HOLDERS = derived(lambda: set(RULES["statistic_holders"]))
DISTRIBUTIVE_PREPOSITIONS = derived(lambda: set(RULES["distributive_prepositions"]))
PERIOD_NOUNS = derived(lambda: set(RULES["period_nouns"]))
PARTICIPATION_VERBS = derived(lambda: set(RULES["participation_verbs"]))
CONTRIBUTION_VERBS = derived(lambda: set(RULES["contribution_verbs"]))
AWARD_NOUNS = derived(lambda: set(RULES["award_nouns"]))
SEIZURE_VERBS = derived(lambda: set(RULES["seizure_verbs"]))
_CHANGE_RULES = derived(lambda: load("changes.json"))
TARGET_HEADS = derived(lambda: set(_CHANGE_RULES["target_heads"]))  # what a goal or a forecast is stated under
CHANGE_NOUNS = derived(
    lambda: set(_CHANGE_RULES["increase_words"] + _CHANGE_RULES["decrease_words"] + _CHANGE_RULES["generic_nouns"])
)
NEAREST_YEAR_MAX_TOKENS = 10
DOZEN = 12
SMALL_COUNT = 10  # under this, a count dated by a month is the people or things of one incident
TABLE_CELL_MAX_CHARS = 48
MAX_VERB_HOPS = 6  # heads walked up from a count to the verb of its clause
Row = tuple[int, int, list[tuple[str, int, int]]]  # a table line's start, end and cells


@dataclass
class Count:
    value: float
    start: int  # token index of the first token of the number (qualifier excluded)
    end: int  # token index after the number
    qualifier: Qualifier
    qualifier_start: int


def _lower(token: Token) -> str:
    return token.text.lower()


# --- numbers --------------------------------------------------------------------------------


def number_at(doc: Doc, i: int, limit: int | None = None) -> tuple[float, int] | None:
    """The number starting at token i and the index after it: digits ("1,204"), number words
    ("forty-two", "a dozen"), and scale words ("1.2 million")."""
    limit = len(doc) if limit is None else limit
    token = doc[i]
    value: float | None = token._.number
    end = i + 1
    if value is None:
        return None
    low = _lower(token)
    if low in ("hundred",):  # "hundred" alone is a scale word, not a count
        return None
    if not regexes.NUMBER.fullmatch(token.text):
        # number words of any size, read by text2num: "two hundred fifty", "forty-two"
        words = lowers(doc)[i : min(limit, i + 12)]
        if (run := words_value(words)) is not None:
            end = i + run[1]
            if end < limit and _lower(doc[end]) == "dozen" and low != "dozen":
                return float(run[0]) * DOZEN, end + 1  # "two dozen": a number of dozens
            return float(run[0]), end
    if end < limit and _lower(doc[end]) in SCALES and _lower(doc[end]) != low:
        value, end = value * SCALES[_lower(doc[end])], end + 1
    return value, end


def _blocked(doc: Doc, start: int, end: int, floor: int, limit: int) -> bool:
    """Numbers that are not counts: money, percentages, ages, clock times, addresses, routes,
    districts, phone numbers, ordinals, differences, ranges."""
    before = doc[start - 1] if start > floor else None
    after = doc[end] if end < limit else None
    if (before is not None and _lower(before) in MONTHS) or (after is not None and _lower(after) in MONTHS):
        return True  # "Feb. 2, 2023", "12 February 2024": a day of a month
    if _in_a_list_of_days(doc, start, end, floor):
        return True  # "on May 3, 4 and 5": the later days of a month
    if _in_a_labelled_list(doc, start, floor):
        return True  # "ages 19 and 24", "pages 4, 7 and 9": the later numbers a label names
    if _in_a_name(doc[start], after) or _age_after_name(doc, start, end, floor, after):
        return True
    return (
        (
            before is not None
            and not _year_list_item(doc, start, floor)  # "2019 - 88": no range, score or time
            and not _is_bullet(before)  # "- 4,100 calls answered": a list item, no minus sign
            and _blocked_by_word_before(doc, start, floor, before, after)
        )
        or in_number_run(doc, start, end - 1)
        or (after is not None and _blocked_by_words_after(doc, end, limit, after))
        or _not_a_count_shape(doc[start], start, end)
    )


def _in_a_list_of_days(doc: Doc, start: int, end: int, floor: int) -> bool:
    """A day in a list of days after a month: "on March 3, 4 and 5", "Aug. 7, 8, and 9"."""
    if end - start != 1 or not doc[start].text.isdigit() or not 1 <= int(doc[start].text) <= 31:
        return False
    i = start - 1
    seen_day = False
    while i >= max(floor, start - 10):
        t = doc[i]
        low = _lower(t)
        if low in MONTHS:
            return seen_day
        if t.text.isdigit() and 1 <= int(t.text) <= 31:
            seen_day = True
        elif low not in (",", "and", "&", "or"):
            return False
        i -= 1
    return False


def _in_a_labelled_list(doc: Doc, start: int, floor: int) -> bool:
    """A later number of a list whose first number a word before it makes no count ("ages 19 and
    24", "sections 12, 14 and 20"): each number of the list is what the label names."""
    i = start - 1
    seen = False
    while i >= max(floor, start - 12):
        t = doc[i]
        low = _lower(t)
        if t.like_num and not is_year_token(t):
            seen = True
        elif low not in (",", "and", "or", "&"):
            return seen and low in BLOCKING_BEFORE
        i -= 1
    return False


def _in_a_name(first: Token, after: Token | None) -> bool:
    """A number word capitalized inside a sentence, before a capitalized word: part of a name (a
    law, a team, a group: "the Nine Points plan"), no count."""
    before = first.doc[first.i - 1] if first.i > 0 else None
    return (
        first.is_alpha
        and first.text[:1].isupper()
        and not first.is_sent_start
        and before is not None
        and (before.is_alpha or before.tag_ == "POS")
        and "\n" not in before.whitespace_
        and after is not None
        and after.text[:1].isupper()
    )


def _age_after_name(doc: Doc, start: int, end: int, floor: int, after: Token | None) -> bool:
    """An age set off by commas after a name: "Jane Roe, 34, of Springfield"."""
    if end - start != 1 or start - 2 < floor or doc[start - 1].text != "," or not doc[start].text.isdigit():
        return False
    name = doc[start - 2]
    closed = after is None or after.text in (",", ";", ")") or "\n" in after.text or "\n" in doc[start].whitespace_
    return int(doc[start].text) < 120 and name.pos_ == "PROPN" and name.text[:1].isupper() and closed


def _blocked_by_word_before(doc: Doc, start: int, floor: int, before: Token, after: Token | None) -> bool:
    """A number that the word before it makes no count: the far end of a range, a name's number,
    money, a code's part, an area code."""
    b = _lower(before)
    if (
        b in ("to", "and", "through")
        and start - 2 >= floor
        and doc[start - 2].like_num
        and not is_year_token(doc[start - 2])
        and (b != "and" or (start - 3 >= floor and _lower(doc[start - 3]) == "between"))
    ):
        return True  # the far end of a range: "from 12 to 40", "between 3 and 8"
    if before.pos_ == "PROPN" and before.text[:1].isupper() and before.ent_type_ != "GPE":
        return True  # a name's number: "Python 3", "Apollo 11", "Engine 7"
    relative_year = b == "year" and start - 2 >= floor and doc[start - 2].tag_ in ("JJ", "DT")
    if (b in BLOCKING_BEFORE and not relative_year) or before.text in ("$", "#", "£", "€") or b.endswith("-"):
        return True  # "page 2", "year 3 of the program"; but "last year 31 hikers died"
    if (
        b == "of"
        and start - 2 >= floor
        and doc[start - 2].like_num
        and _lower(doc[start - 2]) != "one"
        and not is_year_token(doc[start - 2])
    ):
        return True  # the whole of "3 of 12"
    if b == "but" and start - 2 >= floor and _lower(doc[start - 2]) == "all":
        return True  # "all but six": the ones left out of a group
    if before.text in ("-", "/", ":", ".", "+") and start - 2 >= floor and doc[start - 2].like_num:
        return True  # 555-1212, 3-2, 12/31, 5:30
    # (212); but "over 2021 (318)" is that year's count
    return (
        before.text == "("
        and after is not None
        and after.text == ")"
        and not (start - 2 >= floor and is_year_token(doc[start - 2]))
    )


def _is_bullet(token: Token) -> bool:
    """A dash or bullet that opens a line, set off by a space: a list item's mark."""
    doc = token.doc
    opens = token.i == 0 or "\n" in doc[token.i - 1].text_with_ws
    return opens and token.text in BULLETS and bool(token.whitespace_)


def _year_list_item(doc: Doc, start: int, floor: int) -> bool:
    """A count after its year and a separator set off by spaces, an item of a list written on one
    line: "2019 - 88; 2020 - 97", "2021: 312" (not "555-1212", "5:30", "2019-20")."""
    if start - 2 < floor or not is_year_token(doc[start - 2]):
        return False
    separator, year = doc[start - 1], int(doc[start - 2].text)
    if doc[start].text in (f"{(year + 1) % 100:02d}", str(year + 1)):
        return False  # "2019 - 20": a season or fiscal year written with spaces
    return (
        separator.text in YEAR_ITEM_SEPARATORS
        and bool(separator.whitespace_)
        and (separator.text == ":" or bool(doc[start - 2].whitespace_))
    )


def _blocked_by_words_after(doc: Doc, end: int, limit: int, after: Token) -> bool:
    """A number that the words after it make no count: a unit, a street, a difference, a part of a
    group, a ratio, a rate."""
    a = _lower(after)
    after2 = doc[end + 1] if end + 1 < limit else None
    if a in BLOCKING_AFTER or a.startswith("-") or a in STREET_WORDS:
        return True
    if a in DIFFERENCE_WORDS:
        return True  # "13 fewer", "12 more officers"
    after3_token = doc[end + 2] if end + 2 < limit else None
    if (
        a == "of"
        and after2 is not None
        and (after2.pos_ in ("DET", "PRON", "PROPN") or after2.tag_ == "PRP$")
        and _lower(after2) not in SUBSET_PRONOUNS
        and not (after3_token is not None and is_year_token(after3_token))
    ):
        return True  # "two of the victims": a part of a group, not a count ("of those": `_subset_metric`)
    if after.text in (":", "/") and after2 is not None and after2.like_num:
        return True
    if a == "of" and after2 is not None and after2.like_num and not is_year_token(after2):
        return True  # "3 of 12", "page 2 of 5": a part of a whole
    if after2 is not None and _lower(after2) in STREET_WORDS and after.pos_ == "PROPN":
        return True  # 1200 Main St.
    if after2 is not None and a in ("per", "out"):
        return True
    after3 = _lower(after3_token) if after3_token is not None else ""
    # "a dozen a day"; but "29,430 a year earlier" is a count
    return after2 is not None and a in RATE_WORDS and singular(after2.text) in RATE_UNITS and after3 not in AGO_WORDS


def share_noun(doc: Doc, end: int, limit: int) -> Token | None:
    """The noun of a count followed by its share of a whole: "640 or 85% of convicted
    defendants", "1,204, or 12 percent, of the cases" (the count counts the whole's noun)."""
    i = end
    if i < limit and doc[i].text == ",":
        i += 1
    if not (i + 2 < limit and _lower(doc[i]) == "or" and doc[i + 1].like_num):
        return None
    i += 2
    if i < limit and _lower(doc[i]) in ("%", "percent", "per"):
        i += 2 if _lower(doc[i]) == "per" else 1
    else:
        return None
    if i < limit and doc[i].text == ",":
        i += 1
    if not (i < limit and _lower(doc[i]) == "of"):
        return None
    for t in doc[i + 1 : min(limit, i + 6)]:
        if t.pos_ in ("NOUN", "PROPN"):
            head = t
            while head.dep_ in ("compound", "amod", "nmod") and head.i < head.head.i < limit:
                head = head.head
            return head
        if t.pos_ not in ("DET", "ADJ", "VERB", "ADV"):
            return None
    return None


def _not_a_count_shape(first: Token, start: int, end: int) -> bool:
    """A decimal without a scale word (a rate or an average), or a number the recognizer calls
    money, a percentage, a time, an ordinal or part of a date."""
    if "." in first.text and end - start == 1:
        return True
    if first.ent_type_ == "PERCENT" and first.text[-1:] != "%" and share_noun(first.doc, end, len(first.doc)):
        return False  # "640 or 85% of the cases": a count, then its share
    if first.ent_type_ == "TIME" and _year_list_item(first.doc, start, 0):
        return False  # "2020 - 9": the recognizer reads a year and a number as a time
    if first.ent_type_ in ("MONEY", "PERCENT", "TIME", "ORDINAL"):
        return True
    return bool(first.ent_type_ == "DATE" and first.ent_iob_ != "B" and not first.like_num)


def counts_in(doc: Doc, start: int, end: int, skip: set[int]) -> Iterator[Count]:
    numbers = number_tokens(doc)  # the tokens that may be numbers: the others are passed over
    i = start
    while i < end:
        if (ahead := next_index(numbers, i, end)) != i:
            i = ahead
            continue
        if i in skip or is_year_token(doc[i]):
            i += 1
            continue
        found = number_at(doc, i, end)
        if found is None:
            i += 1
            continue
        value, after = found
        if _lower(doc[i]) in NOT_COUNT_WORDS:
            i = after
            continue
        qualifier, qualifier_start = qualifier_before(lowers(doc), i, start)
        if i > start and _lower(doc[i - 1]) == "a" and _lower(doc[i]) == "dozen":
            qualifier_start = min(qualifier_start, i - 1)
        if not _blocked(doc, i, after, start, end):
            yield Count(value, i, after, qualifier, qualifier_start)
        i = after


# --- the noun a count counts ----------------------------------------------------------------


def _noun_after(doc: Doc, count: Count, limit: int, years: frozenset[int] = frozenset()) -> Token | None:
    """The noun a count counts: the head it modifies, or the first noun right after it (never a
    word of a year mention: "340 last year"); of a hyphenated compound, its last piece ("43
    co-defendants")."""
    noun = _first_noun_after(doc, count, limit, years)
    if (
        noun is not None
        and noun.i + 1 < limit
        and noun.tag_ in ("NN", "NNP")
        and doc[noun.i + 1].tag_ == "NNS"
        and noun.i + 1 not in years
    ):
        noun = doc[noun.i + 1]  # "three DUI deaths": the parser took the acronym for the head
    elif (
        noun is not None
        and noun.i + 1 < limit
        and noun.tag_ in ("NN", "NNP")
        and doc[noun.i + 1].tag_ == "VBZ"
        and doc[noun.i + 1].lower_.endswith("s")
        and (noun.i + 2 >= limit or doc[noun.i + 2].pos_ in ("ADP", "DET", "PUNCT"))
    ):
        noun = doc[noun.i + 1]  # "9,000 noise calls for service": a plural noun tagged as a verb
    if (
        noun is not None
        and noun.i + 2 < limit
        and _lower(doc[noun.i + 1]) in ("related", "involved", "caused")
        and doc[noun.i + 2].tag_ in ("NNS", "NN")
        and noun.i + 2 not in years
    ):
        noun = doc[noun.i + 2]  # "130 drug related incidents": "related" written without its hyphen
    while (
        noun is not None
        and noun.i + 2 < limit
        and doc[noun.i + 1].text == "-"
        and not noun.whitespace_
        and not doc[noun.i + 1].whitespace_
        and doc[noun.i + 2].pos_ in ("NOUN", "PROPN")
    ):
        noun = doc[noun.i + 2]
    return _last_conjunct(noun, limit) if noun is not None else None


def _last_conjunct(noun: Token, limit: int) -> Token:
    """The last of nouns a count counts together, the head the metric ends in: "120 hunters and
    anglers" (GUIDE: the phrase as the text words it, "hunter and angler"); not a conjunct with a
    count of its own ("120 hunters and 40 anglers")."""
    doc = noun.doc
    while True:
        conjuncts = [c for c in noun.children if c.dep_ == "conj" and noun.i < c.i < limit and c.pos_ == "NOUN"]
        if not conjuncts:
            return noun
        conj = conjuncts[0]
        between = doc[noun.i + 1 : conj.i]
        if not all(t.pos_ in ("CCONJ", "ADJ", "NOUN") for t in between) or conj.i - noun.i > 4:
            return noun
        if any(c.like_num or c.dep_ in ("nummod", "det", "poss") for c in conj.children):
            return noun
        if conj.i + 1 < len(doc) and doc[conj.i + 1].pos_ in ("VERB", "AUX"):
            return noun  # "300 arrests and police wrote 470 tickets": the subject of the next clause
        noun = conj


def _plural_read_as_verb(doc: Doc, j: int, limit: int) -> bool:
    """A plural noun right after a count that the tagger read as a verb, in a short line or
    before a preposition: "2020: 131 homicides", "88 burglaries in 2021" (a verb after a bare
    count takes an object or ends a clause of its own, never a line with nothing after it)."""
    t = doc[j]
    if t.tag_ != "VBZ" or not t.lower_.endswith("s") or t.lower_ in ("is", "was", "has", "does"):
        return False
    k = j + 1
    while k < limit and doc[k].is_space:
        k += 1
    return k >= limit or doc[k].text == "\n" or doc[k].pos_ in ("ADP", "PUNCT")


def _first_noun_after(doc: Doc, count: Count, limit: int, years: frozenset[int]) -> Token | None:
    last = doc[count.end - 1]
    if last.dep_ in ("nummod", "compound", "amod") and last.head.i > last.i and last.head.i < limit:
        head = last.head
        # "300 adult and youth patients": the parse may hang the count on the first modifier
        while head.dep_ in ("compound", "nmod") and head.head.i > head.i and head.head.i < limit:
            head = head.head
        if head.pos_ in ("NOUN", "PROPN") and head.i not in years:
            return head
    for j in range(count.end, min(limit, count.end + 4)):
        t = doc[j]
        if j in years:
            break
        if j == count.end and _plural_read_as_verb(doc, j, limit):
            return t
        if j == count.end and t.tag_ in ("VBN", "VBD") and j + 1 < limit and doc[j + 1].tag_ == "NNS":
            continue  # "1,145 reported rapes", "40 stolen cars": a participle the parse took for the verb
        if t.pos_ in ("NOUN", "PROPN") and t.text != "|":
            k = j
            while k + 1 < limit and (doc[k + 1].pos_ in ("NOUN",) or doc[k + 1].text == "-"):
                k += 1
            return doc[k] if doc[k].pos_ == "NOUN" else t
        if t.pos_ not in ("ADJ", "PUNCT") or t.text in (",", ";", "."):
            break
    return None


# --- the passes -----------------------------------------------------------------------------


def _inside(start: int, end: int, handled: list[tuple[int, int]]) -> bool:
    return any(s <= start and end <= e + 1 for s, e in handled)


def _line_spans(text: str) -> list[tuple[int, int]]:
    spans, pos = [], 0
    for line in text.split("\n"):
        spans.append((pos, pos + len(line)))
        pos += len(line) + 1
    return spans


def _tokens_of(doc: Doc, start_char: int, end_char: int) -> Span | None:
    return doc.char_span(start_char, end_char, alignment_mode="expand")


def _figure(doc: Doc, start_char: int, end_char: int, **fields: object) -> Figure:
    text = doc_text(doc)
    while start_char < end_char and text[start_char].isspace():
        start_char += 1
    while end_char > start_char and text[end_char - 1].isspace():
        end_char -= 1
    return Figure(start=start_char, end=end_char, evidence=text[start_char:end_char], **fields)  # type: ignore[arg-type]


def _header_before(text: str, lines: list[tuple[int, int]], index: int) -> tuple[int, int] | None:
    """The nearest line above `index` that is not blank and not a year line: a list's header."""
    for j in range(index - 1, max(-1, index - 12), -1):
        s, e = lines[j]
        line = text[s:e].strip()
        if not line:
            continue
        if regexes.YEAR_LINE.match(text[s:e]):
            continue
        return s, e
    return None


def year_list_figures(doc: Doc, location: str | None, handled: list[tuple[int, int]]) -> list[Figure]:
    text = doc_text(doc)
    lines = _line_spans(text)
    figures: list[Figure] = []
    for index, (s, e) in enumerate(lines):
        m = regexes.YEAR_LINE.match(text, s, e)
        if not m or m.end() != e and text[m.end() : e].strip() or _inside(s, e, handled):
            continue
        rest = _tokens_of(doc, m.start("rest") + 0, e) if m.group("rest").strip() else None
        if rest is None or len(rest) == 0:
            continue
        counts = list(counts_in(doc, rest.start, rest.end, set()))
        if not counts:
            continue
        count = counts[0]
        if any(not t.is_punct for t in doc[rest.start : count.qualifier_start]):
            # "2021: Roe arrested after 3 robberies", "2015 - Joined the office with 4 deputies": a
            # timeline's entry, a sentence about the year; the sentence pass reads it
            continue
        noun = _noun_after(doc, count, rest.end)
        metric = metric_from_noun(noun) if noun is not None else None
        if metric is None:
            header = _header_before(text, lines, index)
            # a header is a label ("Homicides by year:"), not a paragraph of prose above the list
            label = header is not None and len(text[header[0] : header[1]].split()) <= HEADER_MAX_WORDS
            metric = metric_of_header(doc, *header) if header and label else None
        if metric is None:
            continue
        handled.append((s, e))
        figures.append(
            _figure(
                doc,
                m.start("year") if not text[s:e].lstrip().startswith(("F", "f")) else s,
                e,
                year=int(m.group("year")),
                count=count.value,
                metric=metric,
                qualifier=count.qualifier,
                location=location,
            )
        )
    return figures


def _cells(line: str, offset: int) -> list[tuple[str, int, int]]:
    cells, pos = [], 0
    for m in regexes.TABLE_CELL_SPLIT.finditer(line):
        if m.start() > pos or pos == 0 and m.start() > 0:
            cells.append((line[pos : m.start()], offset + pos, offset + m.start()))
        pos = m.end()
    if pos < len(line):
        cells.append((line[pos:], offset + pos, offset + len(line)))
    return [(c.strip(), s, e) for c, s, e in cells if c.strip()]


def _cell_number(cell: str) -> tuple[float, Qualifier] | None:
    words = cell.replace("~", "about ").split()
    qualifier = Qualifier.exact
    for phrase, q in QUALIFIERS:
        if [w.lower() for w in words[: len(phrase)]] == phrase:
            qualifier, words = q, words[len(phrase) :]
            break
    if len(words) != 1 or not regexes.NUMBER.fullmatch(words[0]) or "." in words[0]:
        return None
    return float(words[0].replace(",", "")), qualifier


def table_figures(doc: Doc, location: str | None, handled: list[tuple[int, int]]) -> list[Figure]:
    """Small tables: years down the first column and metrics across, or the other way round."""
    text = doc_text(doc)
    lines = _line_spans(text)
    figures: list[Figure] = []
    block: list[Row] = []

    def flush() -> None:
        if len(block) >= 2:
            figures.extend(_figures_of_table(doc, block, location, handled))
        block.clear()

    for s, e in lines:
        line = text[s:e]
        if regexes.TABLE_RULE.match(line) and "-" in line and block:
            continue
        cells = _cells(line, s)
        # a row's cells are short: prose with two spaces after its full stops is no table
        short = all(len(c[0]) <= TABLE_CELL_MAX_CHARS for c in cells)
        if len(cells) >= 2 and ("|" in line or "\t" in line or ("  " in line.strip() and short)):
            block.append((s, e, cells))
        else:
            flush()
    flush()
    return figures


def _figures_of_table(doc: Doc, rows: list[Row], location: str | None, handled: list[tuple[int, int]]) -> list[Figure]:
    """The figures of a small table whose first row is its header: years across it (each row a
    metric) or metrics across it (each row a year). The lines read go to `handled`."""
    header = rows[0][2]
    header_years = [bool(regexes.YEAR.fullmatch(c[0])) for c in header]
    if sum(header_years) >= 2:
        figures = _figures_years_across(doc, rows, header_years, location, handled)
    else:
        metrics = [metric_of_header(doc, cs, ce) if not regexes.YEAR.fullmatch(c) else None for c, cs, ce in header]
        if not any(metrics):
            return []
        figures = _figures_years_down(doc, rows, metrics, location, handled)
    handled.append((rows[0][0], rows[0][1]))
    return figures


def _figures_years_across(
    doc: Doc, rows: list[Row], header_years: list[bool], location: str | None, handled: list[tuple[int, int]]
) -> list[Figure]:
    """Years across the header: each row names its metric in its first cell."""
    header = rows[0][2]
    figures: list[Figure] = []
    for s, e, cells in rows[1:]:
        metric = metric_of_header(doc, cells[0][1], cells[0][2])
        if metric is None:
            continue
        offset = len(header) - len(cells)
        for k, (cell, _cs, _ce) in enumerate(cells[1:], 1):
            col = k + offset
            if 0 <= col < len(header) and header_years[col] and (n := _cell_number(cell)):
                figures.append(_cell_figure(doc, s, e, int(header[col][0]), n, metric, location))
        handled.append((s, e))
    return figures


def _figures_years_down(
    doc: Doc, rows: list[Row], metrics: list[str | None], location: str | None, handled: list[tuple[int, int]]
) -> list[Figure]:
    """Metrics across the header: the first cell of a row holding a year is the year, the other
    columns are the metrics."""
    figures: list[Figure] = []
    for s, e, cells in rows[1:]:
        years = [k for k, c in enumerate(cells) if regexes.YEAR.fullmatch(c[0])]
        if not years or len(cells) != len(metrics):
            continue
        year = int(cells[years[0]][0])
        for k, (cell, _cs, _ce) in enumerate(cells):
            metric = metrics[k]
            if k != years[0] and metric and (n := _cell_number(cell)):
                figures.append(_cell_figure(doc, s, e, year, n, metric, location))
        handled.append((s, e))
    return figures


def _cell_figure(
    doc: Doc, start: int, end: int, year: int, number: tuple[float, Qualifier], metric: str, location: str | None
) -> Figure:
    """The figure of a table cell; its evidence is the whole row."""
    count, qualifier = number
    return _figure(
        doc,
        start,
        end,
        year=year,
        count=count,
        metric=metric,
        qualifier=qualifier,
        location=location,
        basis=Basis.table,
    )


def _year_for(doc: Doc, count: Count, noun_end: int, years: list[YearMention]) -> YearMention | None:
    """The year of a count among the years of its sentence, by the first rule that finds one."""
    return (
        _year_before_parenthesis(doc, count, years)
        or _year_after_count(doc, count, noun_end, years)
        or _year_opening_count(doc, count, years)
        or _year_of_relative_clause(doc, count, years)
        or _nearest_year(doc, count, noun_end, years)
    )


def _year_before_parenthesis(doc: Doc, count: Count, years: list[YearMention]) -> YearMention | None:
    """A parenthetical total belongs to the year just before it: "over 2023 (546)", "compared with
    2019 (a total of 312 cases)"."""
    q = count.qualifier_start
    if not (q >= 2 and doc[q - 1].text == "(" or (q >= 5 and "(" in [t.text for t in doc[q - 4 : q]])):
        return None
    paren = max(i for i in range(max(0, q - 4), q) if doc[i].text == "(")
    if not all(t.is_alpha for t in doc[paren + 1 : q]):
        return None
    return next((y for y in years if y.end == paren), None)


def _year_after_count(doc: Doc, count: Count, noun_end: int, years: list[YearMention]) -> YearMention | None:
    """ "COUNT [noun] in/during YEAR", within a few tokens after."""
    for y in years:
        if y.anchored:
            continue
        # a place between the count and its year does not separate them: "214 in the north district in 2021"
        gap = sum(1 for t in doc[noun_end : y.start] if not _is_place_word(t))
        introduced = _lower(doc[y.start - 1]) in YEAR_PREPOSITIONS | {"'s"}
        if y.start < noun_end:
            continue
        if any(t.like_num for t in doc[noun_end : y.start]):
            continue  # another number stands between: "..., compared with 17 in 2019"
        if _next_clause_between(doc, noun_end, y.start):
            continue  # "120 clubs and in 2009 ...": the year opens the next clause
        if gap == 0 or (gap <= 3 and introduced):
            return y
    return None


def _next_clause_between(doc: Doc, start: int, end: int) -> bool:
    """A conjunction or a semicolon between two tokens: what follows opens another clause."""
    return any(t.pos_ == "CCONJ" or t.text == ";" for t in doc[start:end])


def _opens_next_clause(doc: Doc, start: int, year_start: int) -> bool:
    """A conjunction or a semicolon right before a year, with at most a preposition or a comma
    between: "..., and in 2019 ...", "; in 2019": the year opens the next clause."""
    for i in range(year_start - 1, max(start, year_start - 4) - 1, -1):
        t = doc[i]
        if t.pos_ == "CCONJ" or t.text == ";":
            return True
        if t.pos_ != "ADP" and t.text != ",":
            return False
    return False


def _year_opening_count(doc: Doc, count: Count, years: list[YearMention]) -> YearMention | None:
    """ "YEAR's COUNT", "in YEAR, COUNT": "2022's 1,204 crashes", "last year's low of 110"."""
    for y in years:
        if y.end <= count.qualifier_start and count.qualifier_start - y.end <= 4:
            between = doc[y.end : count.qualifier_start]
            if all(_lower(t) in YEAR_TO_COUNT_WORDS for t in between):
                return y
    return None


def _year_of_relative_clause(doc: Doc, count: Count, years: list[YearMention]) -> YearMention | None:
    """A relative clause on the year: "since 2014, which had 159", "since 2011, when 17 drowned"."""
    clause = _clause_of(doc[count.start])
    if clause is None:
        return None
    left = clause.left_edge.i
    for y in years:
        if y.start <= clause.head.i < y.end or (left >= 2 and doc[left - 1].text == "," and y.end == left - 1):
            return y
    return None


def _nearest_year(doc: Doc, count: Count, noun_end: int, years: list[YearMention]) -> YearMention | None:
    """The nearest year of the sentence that is not a baseline, a model year or another clause's."""
    best: YearMention | None = None
    best_distance: float = 10**6
    for y in years:
        if y.anchored:
            continue
        if _is_model_year(doc, y):
            continue  # "a 2011 silver Ford sedan": a model year, not the year of another count
        if _in_other_clause(doc, y, count, noun_end):
            continue  # "Lee, who became director in 2019, said ... 140 nurses": another clause's year
        if y.start >= noun_end and _next_clause_between(doc, noun_end, y.start):
            continue  # "510 thefts, and this year 470": the year after "and" opens the next clause
        distance = y.start - count.end if y.start >= count.end else count.start - y.end + 0.5
        # the year phrase that opens the sentence reaches however far: "From October 2021 to
        # September 2022, the program admitted 410 clients and discharged 290 clients"
        reaches = distance <= NEAREST_YEAR_MAX_TOKENS or (y.end <= count.start and _opens_sentence(doc, y))
        if distance < best_distance and reaches:
            best, best_distance = y, distance
    return best


def _is_model_year(doc: Doc, y: YearMention) -> bool:
    """ "a 2011 silver Ford sedan": a year naming a model, not dating a count."""
    year_token = doc[y.start]
    if y.end - y.start != 1 or year_token.dep_ not in ("nummod", "compound", "amod"):
        return False
    head = year_token
    while head.dep_ in ("nummod", "compound", "amod") and head.head.i > head.i:
        head = head.head  # up the modifiers to the noun they name ("silver" -> "van")
    return head.i > y.start and any(t.pos_ == "PROPN" for t in doc[y.start + 1 : head.i + 1])


def _shares_predicate_year(doc: Doc, count: Count, later: int, year: YearMention) -> bool:
    """A year at the end of two joined predicates with one subject dates both: "prosecutors filed
    620 cases and secured 590 convictions in 2023"."""
    verb = clause_verb(doc[count.start])
    other = clause_verb(doc[later])
    between = doc[count.end : later]
    if other.i == verb.i == clause_verb(doc[year.start]).i and verb.pos_ == "VERB":
        # the parse joined the second predicate's object to the first's ("filed 620 cases and
        # secured 590 convictions"): a conjunction and a second verb between, no baseline word
        return any(t.pos_ == "CCONJ" for t in between) and any(t.tag_ in ("VBD", "VBN", "VBZ", "VBP") for t in between)
    if verb.pos_ != "VERB" or other.pos_ != "VERB" or other.dep_ != "conj":
        return False
    joined = other.head
    if joined.i != verb.i and not (joined.dep_ == "acl" and joined.tag_ == "VBN" and clause_verb(joined.head) == verb):
        # "filed 550 cases referred by police and secured 540 convictions in 2023": the parse may
        # join the second predicate to a participle on the first one's object
        return False
    if any(c.dep_ in ("nsubj", "nsubjpass") for c in other.children):
        return False  # "... and police made 40 arrests in 2023": another subject, another clause
    return clause_verb(doc[year.start]).i == other.i


def _in_other_clause(doc: Doc, y: YearMention, count: Count, noun_end: int) -> bool:
    """A year inside a relative or adverbial clause that does not hold the count; not a year
    phrase that opens the sentence ("During the 2020-21 grant cycle, ..."), which dates all of it."""
    year_clause = _clause_of(doc[y.start])
    if _closes_a_participle(doc, y, year_clause):
        return False
    return (
        year_clause is not None
        and not _opens_sentence(doc, y)
        and not year_clause.left_edge.i <= count.start <= year_clause.right_edge.i
        and not count.start <= year_clause.head.i < noun_end
    )


def _closes_a_participle(doc: Doc, y: YearMention, clause: Token | None) -> bool:
    """ "22 people were killed in crashes involving drunk drivers in 2019": a present participle
    that describes a noun holds no time of its own, and "in" or "during" a year at its end is the
    main clause's year the parse hung on it; not a participle with a time of its own ("warrants,
    some dating to 1998")."""
    if clause is None or clause.dep_ != "acl" or clause.tag_ != "VBG" or clause.head.dep_ == "appos":
        return False
    first = doc[y.start]
    return first.dep_ == "pobj" and first.head.lower_ in ("in", "during") and first.head.head.i == clause.i


def _opens_sentence(doc: Doc, y: YearMention) -> bool:
    """A year phrase at the head of its sentence, set off by a comma: "In 2021, ...", "During the
    2020-21 grant cycle, ...", "From May 2020 to April 2021, ..." (a preposition, then articles,
    modifiers, months and years before it)."""
    start = sentence_of(doc[y.start]).start
    words = [t for t in doc[start : y.start] if not t.is_space and not t.is_punct]
    if not words or words[0].pos_ != "ADP":
        return False
    if any(t.pos_ not in ("ADP", "DET", "ADJ", "NUM") and _lower(t) not in MONTHS for t in words[1:]):
        return False  # "From October 2021 to September 2022, ...": months and years may come before
    after = y.end
    while after < len(doc) and after - y.end < 3 and doc[after].text != "," and doc[after].pos_ in ("NOUN", "ADJ"):
        after += 1  # "grant cycle", "fiscal year"
    return after < len(doc) and doc[after].text == ","


# what may stand between a year and the count of an item of a list written on one line
YEAR_ITEM_SEPARATORS = frozenset({":", "-", "\u2013", "\u2014", "="})
YEAR_TO_COUNT_WORDS = YEAR_ITEM_SEPARATORS | {
    "'s",
    "\u2019s",
    ",",
    ":",
    "saw",
    "had",
    "of",
    "low",
    "high",
    "total",
    "tally",
    "record",
    "count",
    "figure",
    "peak",
    "number",
}


def _is_place_word(token: Token) -> bool:
    return token.ent_type_ in ("GPE", "LOC", "FAC") or token.lower_ in ("the", "in", "across", "at")


def place_of(doc: Doc, start: int, end: int) -> str | None:
    """A place named inside a figure's words: "412 shootings in Brooklyn in 2022" -> "Brooklyn"."""
    for ent in entities(doc):
        inside = ent.label_ in ("GPE", "LOC") and start <= ent.start and ent.end <= end and ent.start > 0
        if not inside:
            continue
        introduced = ent.start > 0 and (
            doc[ent.start - 1].lower_ in ("in", "across", "throughout", "the")
            or (ent.start >= 2 and doc[ent.start - 2].lower_ in ("in", "across"))
        )
        if introduced:
            return ent.text
    return None


def _clause_of(token: Token) -> Token | None:
    """The relative or adverbial clause a token sits in, if any, within a few steps up."""
    head = token
    for _ in range(6):
        if head.head.i == head.i:
            return None
        head = head.head
        if head.dep_ in ("relcl", "advcl", "acl"):
            return head
    return None


def _modifies_singular(doc: Doc, count: Count, noun: Token) -> bool:
    """A number above one on a singular noun is part of a modifier, not a count of that noun: "the
    20,000 garrison", "the 2 argument form"."""
    last = doc[count.end - 1]
    return count.value > 1 and noun.tag_ == "NN" and noun.i >= count.end and last.head.i == noun.i


def _owner_of(prep: Token) -> Token:
    """The noun a preposition's phrase describes: its head, or, where the parse hangs the phrase on
    the verb, the verb's object before it ("opened a courthouse, with 8 courtrooms")."""
    head = prep.head
    if head.pos_ in ("VERB", "AUX"):
        doc = prep.doc
        for c in head.children:
            between = doc[c.right_edge.i + 1 : prep.i]
            if c.dep_ in ("dobj", "attr") and c.i < prep.i and all(t.is_punct for t in between):
                return c  # the phrase right after the object: "had 38 lawyers in four divisions"
    return head


def _is_counted(noun: Token) -> bool:
    """Whether a number other than a year counts the noun ("38 lawyers", not "2019 lawyers")."""
    return any(c.dep_ == "nummod" and c._.number is not None and not is_year_token(c) for c in noun.children)


def _spread_over(noun: Token) -> bool:
    """A count in a phrase on a noun that another count modifies says where or over what that count
    is spread: "38 prosecutors in four divisions", "12 stores across three states"."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ not in DISTRIBUTIVE_PREPOSITIONS:
        return False
    owner = _owner_of(prep)
    return owner.pos_ in ("NOUN", "PROPN") and _is_counted(owner)


def _describes_a_thing(noun: Token) -> bool:
    """A count after "with" on a noun describes that one thing's parts: "a new courthouse with 8
    courtrooms", "a building with 120 parking spaces"; not a span of time ("a year with 40
    homicides") nor a change ("a decrease with 24 people killed")."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ != "with":
        return False
    owner = _owner_of(prep)
    return (
        owner.pos_ in ("NOUN", "PROPN")
        and owner.lemma_.lower() not in PERIOD_NOUNS | CHANGE_NOUNS
        and not is_year_token(owner)
        # a counted owner makes the "with" phrase a further count: "90 admissions, with 40 more
        # referrals" tallies two kinds, not the parts of one thing
        and not _is_counted(owner)
    )


def _names_one_thing(doc: Doc, year: YearMention) -> bool:
    """A year that modifies a singular noun names one dated thing, and the counts it dates are that
    thing's: "the 2019 flood damaged 300 homes", "the 2021 indictment named 18 defendants", "last
    year's festival drew 250 people", "the academy's 2023 class of 28 recruits". Not a noun that holds
    statistics ("the 2023 report shows 412 burglaries", "the 2024 point-in-time count")."""
    last = doc[year.end - 1]
    if year.end < len(doc) and doc[year.end].lower_ in ("'s", "\u2019s"):
        holder = last.head if last.head.i != year.end else doc[year.end].head  # "last year's festival"
    elif last.dep_ in ("nummod", "compound", "amod", "nmod", "poss"):
        holder = last.head
    else:
        return False
    while holder.dep_ in ("compound", "nmod", "amod") and holder.head.i > holder.i:
        holder = holder.head  # "the 2023 toy drive", "the 2024 point-in-time count"
    return holder.i >= year.end and holder.tag_ == "NN" and holder.lemma_.lower() not in STATISTIC_HOLDERS


# the roles a verb takes in a parse; a "verb" in another role is a plural noun the tagger misread
VERB_ROLES = ("ROOT", "relcl", "advcl", "conj", "ccomp", "acl", "xcomp")


def _standing_count(doc: Doc, count: Count, year: YearMention | None, year_value: int) -> bool:
    """A count stated in the present tense for a year before the publication's: what a person or
    body has now, not a past year's statistic ("Roe, who has nine children, was arrested in
    2021", "the office, which employs 40 people, was founded in 2015"). The present tense is plain
    (no auxiliary: "has recorded" is a perfect), is not "be" ("this is up from 40 the prior year"),
    and its clause does not hold the year ("in 2021 the county has 40" is no such sentence)."""
    published: dt.date | None = doc._.published
    if published is None or year_value >= published.year:
        return False  # "so far this year, 84 cases are pending": the present is the year counted
    verb = clause_verb(doc[count.start])
    if verb.dep_ not in VERB_ROLES or verb.pos_ not in ("VERB", "AUX") or verb.tag_ not in ("VBZ", "VBP"):
        return False
    if verb.lemma_.lower() == "be" or any(c.dep_ in ("aux", "auxpass") for c in verb.children):
        return False
    if doc[count.end - 1].dep_ == "nummod" and doc[count.end - 1].head.i == verb.i:
        return False  # the count's own noun, tagged as a verb
    if year is None:
        return True
    counted = doc[count.end - 1].head
    if counted.left_edge.i <= year.start <= counted.right_edge.i:
        return False  # "the 4,100 cars stolen last year represent ...": the year dates the counted things
    return not (verb.left_edge.i <= year.start <= verb.right_edge.i and clause_verb(doc[year.start]).i == verb.i)


def _names_a_group(doc: Doc, count: Count, noun: Token) -> bool:
    """A count that names the members of a group or the details of one case, not a statistic of
    a year: staff, agencies and places ("the nine inspectors", "five agencies", "three wards"),
    the charges of one defendant ("14 felony counts", "three prior convictions"), a group all of
    whose members are meant ("all four districts"), a set each of whose members is meant ("each of
    the five counties")."""
    word = singular(_lower(noun))
    if word in GROUP_NOUNS or word in CASE_DETAIL_NOUNS or noun.lemma_.lower() in GROUP_NOUNS | CASE_DETAIL_NOUNS:
        return True
    if any(c.dep_ == "amod" and _lower(c) in CASE_DETAIL_MODIFIERS for c in noun.children):
        return True
    q = count.qualifier_start
    if q > 0 and _lower(doc[q - 1]) in GROUP_DETERMINERS:
        return True
    # "each of the five counties", "all of the four units": the size of a set
    return q > 2 and lowers(doc)[q - 2 : q] == ["of", "the"] and _lower(doc[q - 3]) in GROUP_DETERMINERS


def _after_baseline(doc: Doc, count: Count, floor: int) -> bool:
    """A count right after "compared to", "versus", "up from": the other side of a comparison."""
    low = lowers(doc)
    q = count.qualifier_start
    while (
        q > floor
        and count.qualifier_start - q < 5
        and (doc[q - 1].pos_ in ("DET", "ADJ", "ADV") or doc[q - 1].tag_ in ("VBN", "VBG") or low[q - 1] == "-")
    ):
        q -= 1  # "compared to the previously enrolled 23 schools"
    return any(q - len(words) >= floor and low[q - len(words) : q] == words for words in BASELINE_BEFORE_COUNT)


def _is_rate(noun: Token) -> bool:
    """ "a dozen homes a week", "12 calls per day": a rate, not a count for the year."""
    doc = noun.doc
    nxt = doc[noun.i + 1 : noun.i + 3]
    return len(nxt) == 2 and _lower(nxt[0]) in RATE_WORDS and singular(nxt[1].text) in RATE_UNITS


def _is_subject_of_counted_verb(noun: Token, counts: list[Count]) -> bool:
    """ "two shelters recorded 15,870 intakes": the counted thing is the object; the subject's
    number only says who counted."""
    if noun.dep_ not in ("nsubj", "nsubjpass"):
        return False
    verb = noun.head
    objects = [c for c in verb.children if c.dep_ in ("dobj", "attr")]
    return any(
        o.i > noun.i and any(c.start < o.i and o.i - c.end <= 3 and c.start > noun.i for c in counts) for o in objects
    )


@dataclass
class Frame:
    """A year that governs counts without a year of their own: the sentence's only year, the year
    of the paragraph so far, or the year a list header gives its items."""

    year: int
    basis: Basis
    period: str | None = None


QUOTE_OPENERS = ("\u201c", '"', "\u2018")


def _line_starts(text: str) -> list[int]:
    return [0] + [m.end() for m in re.finditer("\n", text)]


def _covered_by_marker(doc: Doc, count: Count, sent: Span, ctx: Context) -> bool:
    """A count that a multi-year, average or target phrase governs: "cleared 2,140 lots in the
    past 6 years", "an average of 41 rescues", "aims to plant 80,000 trees by 2030"."""
    for _kind, s, e in ctx.markers:
        if s < sent.start or s >= sent.end:
            continue
        if s <= count.start < e:
            return True
        if 0 <= count.qualifier_start - e <= 2 and not any(t.dep_ == "mark" for t in doc[e : count.qualifier_start]):
            return True  # "Today 410 shelters are listed"; but "said today that 71 residents died" dates the saying
        if clause_verb(doc[s:e].root) == clause_verb(doc[count.start]):
            return True
    return False


def clause_verb(token: Token) -> Token:
    """The verb of the clause a token sits in (or the root)."""
    head = token
    for _ in range(12):
        if head.head.i == head.i or (head.pos_ in ("VERB", "AUX") and head.i != token.i):
            break
        head = head.head
    return head


def _period_of(sent: Span, year: YearMention | None, single_year: bool, ctx: Context) -> str | None:
    """The part of a year a count covers: a period phrase next to its year ("the first nine months
    of 2031", "so far this year", "through May of 2011"), or anywhere in a sentence with one
    year."""
    if year is not None and regexes.FISCAL_YEAR.fullmatch(sent.doc[year.start].text):
        return "fiscal year"  # "FY2021"
    if year is not None and any(_lower(t) in ("fiscal", "grant") for t in sent.doc[year.start : year.end]):
        return "fiscal year"  # "the prior grant year", "last fiscal year"
    if year is not None and year.end - year.start == 3 and sent.doc[year.start + 1].text in ("-", "\u2013", "/"):
        return "fiscal year"  # "402 in 2021-22": a split year, counted in the year it ends
    for label, s, e in ctx.periods:
        if s < sent.start or s >= sent.end:
            continue
        if year is not None and (year.start - 3 <= e and s <= year.end + 1):
            return label
        if single_year:
            return label
    return None


def _own_years(years: list[YearMention]) -> set[int]:
    return {y.year for y in years if not y.anchored}


def _header_frame(sent: Span, years: list[YearMention], ctx: Context) -> Frame | None:
    """The year a list header gives the items below it: its own year ("In 2024, the office:"), or,
    for a line such as "the annual review lists these findings:", the year of the report named
    before it."""
    own = _own_years(years)
    if len(own) == 1:
        return Frame(own.pop(), Basis.list_header)
    if any(sent.start <= s < sent.end for s, _e in ctx.list_headers):
        before = [y for i, y in ctx.report_years if i < sent.start]
        if before:
            return Frame(before[-1], Basis.list_header)
    return None


TERMINALS = SENTENCE_END_MARKS


def _dangling_frame(
    doc: Doc, text: str, starts: list[int], previous: int, line: int, frame: Frame | None
) -> Frame | None:
    """A sentence broken over lines (scraped links: "In 2021, the county's" / "Licensing Bureau" /
    "issued 640 permits"): the year of an unfinished line carries to the lines
    that finish its sentence."""
    if frame is None:
        return None
    before = text[starts[previous] : starts[line]].rstrip()
    if not before or before.endswith(TERMINALS):
        return None
    following = text[starts[line] : starts[line] + 1]
    end = starts[previous] + len(before)
    last = doc.char_span(end - 1, end, alignment_mode="expand")
    unfinished = (
        before.endswith(",")
        or following.islower()
        or (last is not None and last[-1].pos_ in ("DET", "ADP", "PART", "CCONJ"))
    )
    return Frame(frame.year, frame.basis, frame.period) if unfinished else None


def _respectively_pairs(sent: Span, counts: list[Count], ctx: Context) -> dict[int, int]:
    """ "in 2020 the district had 1,450 pupils and 61 teachers, and in 2019 the figures were,
    respectively, 1,390 and 58": the k-th count after "respectively" takes the metric of the k-th of as many counts
    before it. Returns count index -> index of the count whose metric it takes."""
    pairs: dict[int, int] = {}
    for r in ctx.respectively:
        if not sent.start <= r < sent.end:
            continue
        after = [k for k, c in enumerate(counts) if c.start > r]
        before = [k for k, c in enumerate(counts) if c.end <= r]
        if after and len(before) >= len(after):
            for a, b in zip(after, before[-len(after) :], strict=True):
                pairs[a] = b
    return pairs


@dataclass
class _Reading:
    """What the sentences read so far leave to the next: the paragraph's year, a list header's
    year, the year of a sentence broken over lines, the last year named and the last metric."""

    text: str
    previous_metric: str | None
    starts: list[int] = field(init=False)
    last_year: int | None = None
    paragraph: int = -1
    paragraph_frame: Frame | None = None
    header: Frame | None = None
    dangling: Frame | None = None
    lines: dict[int, tuple[str, int]] = field(default_factory=dict)
    period_years: set[int] = field(default_factory=set)  # where a part of a year gave the publication's year
    metric_paragraph: int = -1  # the paragraph that last stated or named `previous_metric`

    def __post_init__(self) -> None:
        self.starts = _line_starts(self.text)

    def enter_line(self, doc: Doc, char: int) -> tuple[str, int]:
        """The line holding character `char`, stripped, and where its text ends; a new line starts
        a paragraph."""
        starts, text = self.starts, self.text
        line = bisect_right(starts, char) - 1
        if line not in self.lines:  # each line read once: a flood of sentences on one line stays linear
            raw = text[starts[line] : starts[line + 1] - 1 if line + 1 < len(starts) else len(text)]
            self.lines[line] = (raw.strip(), starts[line] + len(raw.rstrip()))
        line_text, line_end = self.lines[line]
        if line != self.paragraph:
            self._new_paragraph(doc, line, line_text)
        return line_text, line_end

    def _new_paragraph(self, doc: Doc, line: int, line_text: str) -> None:
        starts = self.starts
        if self.paragraph >= 0 and self.dangling is None:
            self.dangling = _dangling_frame(doc, self.text, starts, self.paragraph, line, self.paragraph_frame)
        elif self.dangling is not None and self.text[starts[self.paragraph] : starts[line]].rstrip().endswith(
            TERMINALS
        ):
            self.dangling = None
        if self.metric_paragraph != self.paragraph and self.dangling is None:
            self.previous_metric = None  # a metric carries to the next paragraph, not past a paragraph without it
        self.paragraph, self.paragraph_frame = line, self.dangling
        if self.header is not None and line_text.startswith(QUOTE_OPENERS):
            self.header = None  # a quotation ends the list


@dataclass
class _Sentence:
    """A sentence's years and counts, and the metrics its counts have taken so far."""

    span: Span
    years: list[YearMention]
    own: set[int]  # its own years; 0 stands for a relative year left unresolved
    single: bool  # it names one year of its own
    counts: list[Count]
    pairs: dict[int, int]
    context_before: Frame | None  # the paragraph's or list header's year before this sentence
    context_frame: Frame | None  # the year of the context, for a sentence with no year of its own
    year_tokens: frozenset[int] = frozenset()
    context_reach: int = 0  # the context's year dates the counts that end before this token only
    metric: str | None = None
    metrics_by_count: dict[int, str] = field(default_factory=dict)
    count_starts: list[int] = field(init=False)
    detail: bool = False  # a count before was ruled a detail of one case, event or round

    def __post_init__(self) -> None:
        self.count_starts = [c.start for c in self.counts]


def sentence_figures(
    doc: Doc,
    published: dt.date | None,
    location: str | None,
    handled: list[tuple[int, int]],
    previous_metric: str | None,
    ctx: Context | None = None,
) -> list[Figure]:
    """The figures sentences state outside the lines the table and list passes `handled`: each
    count with its metric and the year its grammar gives it, else the year of its sentence, its
    paragraph or its list header."""
    ctx = ctx if ctx is not None else context_of(doc)
    reading = _Reading(doc_text(doc), previous_metric)
    figures: list[Figure] = []
    low = lowers(doc)
    for sent in sentences(doc):
        words = [i for i in range(sent.start, sent.end) if not low[i].isspace()]  # Token.is_space
        if not words:
            continue
        first, last = doc[words[0]], doc[words[-1]]
        line_text, line_end = reading.enter_line(doc, first.idx)
        years, unresolved = _sentence_years(doc, sent, published, reading, ctx)
        if last.idx + len(last) >= line_end and (line_text.endswith(":") or _heads_bullets(reading.text, line_end)):
            reading.header = _header_frame(sent, years, ctx) or reading.header
        if not _inside(first.idx, last.idx + len(last), handled):
            figures += _figures_of_sentence(doc, sent, years, bool(unresolved), reading, ctx, location)
    return figures


def _heads_bullets(text: str, line_end: int) -> bool:
    """A line without a final stop over bullet lines ("2022 highlights" then "- 4,100 calls"): a
    list header, as if it ended with a colon."""
    if text[:line_end].rstrip().endswith(TERMINALS):
        return False
    following = text[line_end:].lstrip("\n \t")
    return following[:1] in BULLETS and following[1:2] in (" ", "\t")


BULLETS = ("-", "\u2022", "*", "\u00b7", "\u25aa")


def _sentence_years(
    doc: Doc, sent: Span, published: dt.date | None, reading: _Reading, ctx: Context
) -> tuple[list[YearMention], list[int]]:
    """The years of a sentence (no birth years, no model years), those inside a multi-year phrase
    anchored ("Between 2004 and 2007, ...": a span, not one year), and its relative years left
    unresolved."""
    unresolved: list[int] = []
    reports = {i for i, _year in ctx.report_years}  # "the 2022 Annual Report": a report's year, no model year
    years = [
        y
        for y in years_in(doc, sent.start, sent.end, published, reading.last_year, unresolved)
        if y.start not in ctx.not_year and (not _is_model_year(doc, y) or y.start in reports)
    ]
    if not years and not unresolved and published is not None:
        years = _relative_period_years(doc, sent, published, ctx)
        reading.period_years.update(y.start for y in years)
    if years:
        reading.last_year = years[-1].year
    for y in years:
        if any(s <= y.start < e for _k, s, e in ctx.markers):
            y.anchored = True
    return years, unresolved


def _relative_period_years(doc: Doc, sent: Span, published: dt.date, ctx: Context) -> list[YearMention]:
    """The year of a part of a year counted back from the publication or from a month of its
    year, in a sentence with no year written: "over the past three weeks", "since January" (not a
    month after the publication's, nor a month a year follows), "as of June 30"."""
    low = lowers(doc)
    for _label, s, e in ctx.periods:
        if s < sent.start or s >= sent.end:
            continue
        words = low[s:e]
        recent = any(
            w in RELATIVE_PERIOD_OPENERS and j + 2 < len(words) and doc[s + j + 1].like_num for j, w in enumerate(words)
        )
        months = [MONTHS[w] for w in words if w in MONTHS]
        if months and not recent:
            dated = any(regexes.YEAR.fullmatch(w) for w in low[e : min(len(doc), e + 4)])
            if months[0] > published.month or dated or words[0] not in ("since", "as"):
                continue
        elif not recent:
            continue
        return [YearMention(published.year, s, e, False)]
    return []


def _figures_of_sentence(
    doc: Doc,
    sent: Span,
    years: list[YearMention],
    unresolved: bool,
    reading: _Reading,
    ctx: Context,
    location: str | None,
) -> list[Figure]:
    own = _own_years(years)
    if unresolved:  # "last year" in an undated article: no year of the sentence stands for the others
        own = own | {0}
    single = len(own) == 1 and 0 not in own
    context_before = reading.paragraph_frame or reading.header  # the context as it stood before this sentence
    if single and years[0].start not in reading.period_years:  # "since January" dates its own sentence only
        reading.paragraph_frame = Frame(next(iter(own)), Basis.paragraph, _period_of(sent, years[0], True, ctx))
    year_tokens = frozenset(t for y in years for t in range(y.start, y.end))
    found = list(counts_in(doc, sent.start, sent.end, set(year_tokens) | ctx.not_count))
    counts = [c for c in found if not _covered_by_marker(doc, c, sent, ctx)]
    named = _metric_named_by_average(doc, sent, [c for c in found if c not in counts], year_tokens)
    context_frame: Frame | None = None
    # a multi-year, average or target phrase ends the context's reach: "seized 120 rifles, bringing
    # the five-year total to 866" keeps the context's year for the count before it only
    reach = min((s for _k, s, _e in ctx.markers if sent.start <= s < sent.end), default=sent.end)
    if not own and not unresolved and any(c.end <= reach for c in counts):
        context_frame = reading.paragraph_frame or reading.header
    figures: list[Figure] = []
    if counts and (years or context_frame is not None):
        pairs = _respectively_pairs(sent, counts, ctx)
        sentence = _Sentence(sent, years, own, single, counts, pairs, context_before, context_frame, year_tokens)
        sentence.context_reach = reach
        for k, count in enumerate(counts):
            if (figure := _figure_of_count(doc, sentence, k, count, reading, ctx, location)) is not None:
                figures.append(figure)
    if len(own) > 1:
        main = _main_year(doc, sent, years)  # "310 rescues last year, down from the 402 of 2021"
        reading.paragraph_frame = Frame(main, Basis.paragraph) if main is not None else None
    elif single and _tells_no_number(doc, sent, year_tokens):
        reading.paragraph_frame = None
    elif single and not figures and _month_dated(doc, years):
        # "He was released in July 2014.": a month's year dates one occurrence; told with no
        # statistic, it does not become the year of the sentences after it
        reading.paragraph_frame = context_before
    elif single and not figures and any(_names_one_thing(doc, y) for y in years if not y.anchored):
        # "the 2019 flood was the worst week": a year naming one dated thing dates that thing,
        # not the counts of the sentences after it
        reading.paragraph_frame = context_before
    if not figures and named is not None:
        reading.previous_metric = named  # "an average of 40 victims a year. The worst was 2012, at 71."
        reading.metric_paragraph = reading.paragraph
    return figures


def _simple_present(doc: Doc, count: Count) -> bool:
    """Whether the verb a count hangs on is in the simple present ("holds", "serve"; not "has
    seized", "are expected")."""
    token = doc[count.end - 1]
    for _ in range(MAX_VERB_HOPS):
        if token.pos_ in ("VERB", "AUX") or token.head.i == token.i:
            break
        token = token.head
    if token.pos_ not in ("VERB", "AUX") or token.tag_ not in ("VBZ", "VBP"):
        return False
    return not any(c.dep_ in ("aux", "auxpass") for c in token.children)


BASELINE_WORDS = frozenset({"from", "than", "compared", "versus", "vs", "vs.", "relative"})


def _main_year(doc: Doc, sent: Span, years: list[YearMention]) -> int | None:
    """The one year of a sentence with several that is not a baseline, the year its paragraph
    goes on counting: in "310 rescues last year, a decrease from the 402 two years ago" the
    second year is the other side of a comparison ("from", "than", "compared with" a few words
    before it; both ends of "from 2020 to 2021"). None when no one year stands out."""
    main: set[int] = set()
    for y in years:
        if y.anchored:
            continue
        if not BASELINE_WORDS.intersection(lowers(doc)[max(sent.start, y.start - 8) : y.start]):
            main.add(y.year)
    return main.pop() if len(main) == 1 else None


def _month_dated(doc: Doc, years: list[YearMention]) -> bool:
    """Whether a sentence's own year is written with a month ("in July 2014", "December of 2012")."""
    low = lowers(doc)
    own = [y for y in years if not y.anchored]
    if not own:
        return False
    j = own[0].start - 1
    if j >= 0 and low[j] in (",", "of"):
        j -= 1
    return j >= 0 and low[j] in MONTHS


def _metric_named_by_average(doc: Doc, sent: Span, covered: list[Count], year_tokens: frozenset[int]) -> str | None:
    """The metric a count that is no figure still names (an average, a multi-year total): the
    sentences after it that give a count without a noun count the same thing."""
    for c in covered:
        noun = _noun_after(doc, c, sent.end, year_tokens)
        if noun is not None and (metric := metric_from_noun(noun)) is not None:
            return metric
    return None


def _tells_no_number(doc: Doc, sent: Span, year_tokens: frozenset[int]) -> bool:
    """A finished sentence whose only number is its year ("In 2019, Roe joined the office."): its
    year dates an occurrence, not the counts of the sentences after it. But a sentence about the
    year itself ("2022 was a record year", "the unit had a busy 2023", "Last year was the
    busiest") opens the year the sentences after it count."""
    words = [t for t in sent if not t.is_space]
    return (
        bool(words)
        and words[-1].text in (".", "!", "?")
        and not any(t.like_num and t.i not in year_tokens for t in words)
        and not _year_is_topic(doc, sent, year_tokens)
    )


def _year_is_topic(doc: Doc, sent: Span, year_tokens: frozenset[int]) -> bool:
    """Whether a sentence's year is what it talks about: the subject or object of its clause
    ("2022 was a record year", "had a busy 2023", "the year 2021 was hard"), or the words opening
    the sentence before a form of "be" ("Last year was the busiest")."""
    for i in year_tokens:
        t = doc[i]
        if t.dep_ in ARGUMENT_DEPS or (t.dep_ == "appos" and t.head.dep_ in ARGUMENT_DEPS):
            return True
    last = max(year_tokens, default=-1)
    opening = all(doc[i].is_punct or doc[i].is_space for i in range(sent.start, min(year_tokens, default=sent.start)))
    return opening and 0 <= last < sent.end - 1 and doc[last + 1].lemma_ == "be"


ARGUMENT_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "attr"})


def _figure_of_count(
    doc: Doc, sentence: _Sentence, k: int, count: Count, reading: _Reading, ctx: Context, location: str | None
) -> Figure | None:
    """The figure of the k-th count of a sentence, or None when it has no metric or no year."""
    found = _metric_of_count(doc, sentence, k, count, reading.previous_metric)
    if found is None:
        return None
    metric, noun = found
    q = count.qualifier_start
    if sentence.detail and (
        noun is None or _after_baseline(doc, count, sentence.span.start) or q > 0 and _lower(doc[q - 1]) == "the"
    ):
        # "240 runners took part, up from 120 last year", "18 groups applied and 5 were funded", "62
        # applied for the 30 seats": a count that borrows its noun from, is the baseline of, or
        # names a set of the same occurrence as a detail is a detail too
        return None
    noun_end = noun.i + 1 if noun is not None and noun.i >= count.end else count.end
    dated = _frame_of_count(doc, sentence, k, count, noun_end)
    if dated is None:
        return None
    year, frame = dated
    if year is not None and _names_one_thing(doc, year):
        return None
    if _standing_count(doc, count, year, frame.year):
        return None
    reading.previous_metric = sentence.metric = metric
    reading.metric_paragraph = reading.paragraph
    noun_last = noun.i + 1 if noun is not None and noun.i >= count.end else count.end
    if year is not None and frame.basis is Basis.phrase and "that" not in lowers(doc)[year.start : year.end]:
        # the evidence runs from the count to its year; not to a year named by pointing back ("in
        # that year": the year is the one the text named before)
        first, last = min(count.qualifier_start, year.start), max(noun_last, year.end)
    else:
        first, last = count.qualifier_start, noun_last
    period = frame.period if year is None else _period_of(sentence.span, year, len(sentence.own) <= 1, ctx)
    if (
        _lists_charges(sentence.span)
        or _is_potential(doc, count)
        or _since_then(doc, count)
        or _one_party(doc, count)
        or _sample_of_survey(sentence.span, metric)
        or _is_capacity(doc, count)
        or _is_destination(doc, count)
        or _entrants_of_a_round(doc, count)
        or _edition_turnout(doc, count)
        or _contribution(doc, count)
        or singular(metric.split()[-1]) in AWARD_NOUNS
        or _per_each(doc, count)
    ):
        sentence.detail = True
        return None
    if period is None and _one_occurrence(doc, sentence, count, year, frame.basis is Basis.phrase, ctx):
        sentence.detail = True
        return None
    return _figure(
        doc,
        doc[first].idx,
        doc[last - 1].idx + len(doc[last - 1]),
        year=frame.year,
        count=count.value,
        metric=metric,
        qualifier=count.qualifier,
        location=place_of(doc, first, last) or figure_place(doc, sentence.span, first, last) or location,
        period=period,
        basis=frame.basis,
    )


def _subset_metric(doc: Doc, sentence: _Sentence, count: Count) -> tuple[str, Token | None] | tuple[()] | None:
    """The metric of a count of part of what a count before it in the sentence counted ("1,400
    claims and paid 610 of them", "820 of those claims ended in settlements": the outcome); ()
    for such a part with no count before it ("six of them"); None for no part."""
    end = sentence.span.end
    if not (count.end + 1 < end and _lower(doc[count.end]) == "of" and _lower(doc[count.end + 1]) in SUBSET_PRONOUNS):
        return None
    if sentence.metric is None:
        return ()
    pronoun = doc[count.end + 1]
    noun = doc[pronoun.i + 1] if pronoun.i + 1 < end and doc[pronoun.i + 1].pos_ == "NOUN" else None
    for anchor in (noun, doc[count.start]):
        if anchor is not None and (outcome := _outcome_of(anchor)) is not None:
            sentence.metrics_by_count[sentence.counts.index(count)] = outcome[0]
            return outcome
    metric = sentence.metric
    sentence.metrics_by_count[sentence.counts.index(count)] = metric
    return metric, None


def _outcome_of(token: Token) -> tuple[str, Token] | None:
    """The outcome a counted noun came to, when the sentence names it without a count of its own:
    "cases ending in pleas" -> plea."""
    verbs = [c for c in token.children if c.dep_ in ("acl", "relcl")]
    if token.head.pos_ in ("VERB", "AUX") and token.dep_ in ("nsubj", "nsubjpass"):
        verbs.append(token.head)
    for verb in verbs:
        wanted = OUTCOME_VERBS.get(verb.lemma_.lower())
        if wanted is None:
            continue
        for prep in verb.children:
            if prep.dep_ != "prep" or _lower(prep) != wanted:
                continue
            for obj in prep.children:
                if obj.dep_ == "pobj" and not any(c.dep_ == "nummod" or c.like_num for c in obj.children):
                    metric = metric_from_noun(obj)
                    if metric is not None:
                        return metric, obj
    return _outcome_after(token)


def _outcome_after(token: Token) -> tuple[str, Token] | None:
    """The outcome read on the words right after a counted noun when the parse misses it: "cases
    going to jury trial" (the verb, its preposition, then a noun phrase without a number)."""
    doc = token.doc
    i = token.i + 1
    if i + 2 >= len(doc) or OUTCOME_VERBS.get(doc[i].lemma_.lower()) != _lower(doc[i + 1]):
        return None
    last = None
    for t in doc[i + 2 : min(len(doc), i + 6)]:
        if t.like_num:
            return None
        if t.pos_ in ("NOUN", "PROPN") or (t.tag_ in ("NN", "NNS") and t.pos_ != "ADJ"):
            last = t
        elif last is not None or t.pos_ not in ("ADJ", "DET", "VERB"):
            break
    metric = metric_from_noun(last) if last is not None else None
    return (metric, last) if metric is not None and last is not None else None


def _is_potential(doc: Doc, count: Count) -> bool:
    """A count of what could, would or will be, not of what was counted: its clause's verb has a
    modal ("the plan would create 450 jobs", "the shelter can house 300 people"), has a plan in the
    present tense as subject ("the budget adds 6 officers this year"), or is the
    infinitive after "enough" ("enough fentanyl to kill 2 million people")."""
    verb = clause_verb(doc[count.start])
    if verb.pos_ not in ("VERB", "AUX"):
        return False
    auxiliaries = {_lower(c) for c in verb.children if c.dep_ in ("aux", "auxpass")}
    if auxiliaries & MODAL_WORDS:
        return True
    subject = _subject_of(verb)
    if verb.tag_ in ("VBZ", "VBP") and subject is not None and subject.tag_ == "NN" and _lower(subject) in PLAN_NOUNS:
        return True  # "the budget adds 6 officers and 2 dispatchers this year": what a plan provides for
    if "to" in auxiliaries and verb.tag_ == "VB":
        head = verb.head
        if verb.dep_ in ("xcomp", "acl") and head.lemma_.lower() in TARGET_HEADS:
            return True  # "pledged to buy 100,000 vans", "a plan to hire 50 officers": a target
        return any(_lower(t) in ENOUGH_WORDS for t in head.subtree if t.i < verb.i)
    return False


def _lists_charges(span: Span) -> bool:
    """A sentence or line that lists the charges of a case ("3 felony counts of theft, 1
    misdemeanor crime of trespass and 2 enhancements"): a number on a charge noun makes every
    count beside it a charge too."""
    return any(
        (singular(t.lower_) in CASE_DETAIL_NOUNS or t.lemma_.lower() in CASE_DETAIL_NOUNS)
        and t.pos_ == "NOUN"
        and _is_counted(t)
        for t in span
    )  # not "the 2024 count", "twice the count": a tally


def _since_then(doc: Doc, count: Count) -> bool:
    """A total from a past point to now: the count's verb says "since" ("a task force that has
    since charged 60 defendants", "has charged 60 since", "since then 45 were released")."""
    verb = clause_verb(doc[count.start])
    if verb.pos_ not in ("VERB", "AUX"):
        return False
    for c in verb.children:
        if _lower(c) != "since":
            continue
        if c.dep_ == "advmod":
            return True
        # "since then 45 inmates have been released", "since its launch the line has taken 900
        # calls": a past point named by pointing back, not a month of this year ("since January")
        if c.dep_ == "prep" and any(_lower(o) in SINCE_POINTS for o in c.subtree if o.i != c.i):
            return True
    return False


def _is_capacity(doc: Doc, count: Count) -> bool:
    """What a place is built or licensed to hold, not a count of a year: "was built for 2,236
    beds", "a capacity of 300 dogs", "room for 120 patients" (the count's phrase hangs on a
    verb or noun of capacity by "for" or "of")."""
    last = doc[count.end - 1]
    noun = last.head if last.dep_ == "nummod" else last
    if noun.dep_ != "pobj" or _lower(noun.head) not in ("for", "of"):
        return False
    preposition = noun.head
    holder = preposition.head if preposition.i == 0 or doc[preposition.i - 1].pos_ != "NOUN" else doc[preposition.i - 1]
    return holder.lemma_.lower() in CAPACITY_HEADS and (_lower(preposition) == "for" or holder.pos_ == "NOUN")


def _is_destination(doc: Doc, count: Count) -> bool:
    """Where something was given or sent, not a count of a year: "the cans were donated to 12
    schools", "the food went to 4 pantries" (the count's noun, a place or body, is the object of
    "to" on a verb of giving). People given something are kept: "awarded diplomas to 4,388
    graduates this year"."""
    last = doc[count.end - 1]
    noun = last.head if last.dep_ == "nummod" else last
    if noun.dep_ != "pobj" or _lower(noun.head) != "to" or singular(_lower(noun)) not in DESTINATION_NOUNS:
        return False
    verb = noun.head.head
    return verb.pos_ in ("VERB", "AUX") and verb.lemma_.lower() in GIVING_VERBS


def _entrants_of_a_round(doc: Doc, count: Count) -> bool:
    """The people who applied to or entered one round of one program, not a statistic: "the
    academy received 310 applicants", "310 applicants who applied last year", "the scholarship
    drew 85 applicants in 2023" (an entrant noun whose relative clause says they entered, or
    whose clause has one program as its subject)."""
    last = doc[count.end - 1]
    noun = last.head if last.dep_ == "nummod" else last
    if singular(_lower(noun)) not in ENTRANT_NOUNS:
        return False
    if any(c.dep_ == "relcl" and c.lemma_.lower() in ENTRY_VERBS for c in noun.children):
        return True
    subject = _subject_of(clause_verb(noun))
    return (
        subject is not None
        and subject.i != noun.i
        and subject.tag_ == "NN"
        and singular(_lower(subject)) in ROUND_HOLDERS
        and any(c.dep_ in ("det", "poss") for c in subject.children)
    )


def _counted_noun(doc: Doc, count: Count) -> Token:
    """The noun a count counts, or the count's last token when it stands alone."""
    last = doc[count.end - 1]
    return last.head if last.dep_ == "nummod" else last


def _edition_turnout(doc: Doc, count: Count) -> bool:
    """The turnout of one edition of an event or one round of a program, not a statistic: the
    counted people are the subject of a verb of taking part with no object ("240 runners took
    part", "55 families signed up in the first week", "25 residents graduated"), with an event
    or a round as object ("took part in the race", "applied for the grant") or with a role
    ("38 staff volunteered as mentors"). Joining a body is kept ("40 officers joined the
    department last year"), as is taking part in a program."""
    noun = _counted_noun(doc, count)
    verb = clause_verb(doc[count.start])
    reduced = [c for c in noun.children if c.dep_ == "acl" and c.tag_ == "VBN"]
    subject = noun if reduced else _subject_of(verb)
    verb = reduced[0] if reduced else verb  # "300 people registered for the walk", parsed as a participle
    if verb.pos_ not in ("VERB", "AUX") or subject is None or subject.i != noun.i:
        return False
    lemma = verb.lemma_.lower()
    particles = {_lower(c) for c in verb.children if c.dep_ == "prt"}
    taking_part = lemma == "take" and any(c.dep_ == "dobj" and _lower(c) == "part" for c in verb.children)
    if not taking_part and (lemma not in PARTICIPATION_VERBS or lemma in ("sign", "turn", "show") and not particles):
        return False
    if lemma != "apply" and singular(_lower(noun)) in DESTINATION_NOUNS | GROUP_NOUNS:
        return False  # "31 libraries took part", "140 clubs signed up": the bodies a program reaches
    if lemma in ENTRY_VERBS:
        return True  # "62 people applied for the 30 seats": the entrants of one round
    objects = [c for c in verb.children if c.dep_ == "dobj" and _lower(c) != "part"]
    for prep in verb.children:
        if prep.dep_ == "prep" and _lower(prep) in ("in", "for", "as", "at", "from", "to"):
            if _lower(prep) == "as":
                return True  # a role taken in one program: "volunteered as mentors"
            objects += [o for o in prep.children if o.dep_ == "pobj" and o.pos_ in ("NOUN", "PROPN")]
    if not objects:
        return True
    rounds = ONE_EVENT_NOUNS | (ROUND_HOLDERS - {"program"})
    return any(singular(_lower(o)) in rounds for o in objects)


def _contribution(doc: Doc, count: Count) -> bool:
    """Who gave to a drive or an event, or what the public gave it: "9 businesses that sponsored
    prizes", "40 donors contributed", "residents donated 620 coats" (the counted givers are the
    subject of a verb of giving to a cause, or have one in their relative clause; the gifts are its
    object with a bare plural of people as giver). What an agency or program gave is kept ("the
    office donated 900 meals last year" can be its yearly total)."""
    noun = _counted_noun(doc, count)
    if noun.dep_ == "dobj" and noun.head.lemma_.lower() in CONTRIBUTION_VERBS:
        giver = _subject_of(noun.head)
        bare = giver is not None and not any(c.dep_ in ("det", "poss", "nummod") for c in giver.children)
        if giver is not None and giver.tag_ == "NNS" and bare:
            return True  # "residents donated 620 coats": what the public gave to a drive
    if any(c.dep_ == "relcl" and c.lemma_.lower() in CONTRIBUTION_VERBS for c in noun.children):
        return True
    verb = clause_verb(doc[count.start])
    subject = _subject_of(verb)
    return verb.lemma_.lower() in CONTRIBUTION_VERBS and subject is not None and subject.i == noun.i


def _per_each(doc: Doc, count: Count) -> bool:
    """A count per person or per thing, not a total: the clause's subject is "each" ("each rode
    along on 2 shifts", "each of the graduates completed 40 hours")."""
    verb = clause_verb(doc[count.start])
    each_deps = ("nsubj", "nsubjpass", "advmod", "npadvmod", "appos")
    return any(_lower(c) == "each" and c.dep_ in each_deps for c in verb.children)


def _sample_of_survey(span: Span, metric: str) -> bool:
    """The people a survey or poll asked, not a statistic: "In a 2023 survey, 1,200 residents
    responded", "the 2022 poll of 900 voters"."""
    if metric.split()[-1] not in RESPONDENT_NOUNS:
        return False
    return any(singular(_lower(t)) in SURVEY_NOUNS and t.pos_ == "NOUN" for t in span)


def _subject_of(verb: Token) -> Token | None:
    """The subject of a verb: its own, or, for a verb that has none, that of the verb it is
    joined to or completes ("was arrested and charged with", "began posting"); for a relative
    clause, the noun it describes ("a man who stole ...")."""
    for _ in range(4):
        subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        if subjects:
            subject = subjects[0]
            if _lower(subject) in ("who", "that") and verb.dep_ == "relcl":
                return verb.head
            return subject
        if verb.dep_ not in ("xcomp", "conj") or verb.head.i == verb.i:
            return None
        verb = verb.head
    return None


def _one_party(doc: Doc, count: Count) -> bool:
    """A count of what one party of a case did or had, not a statistic of a year: the subject of
    the count's clause is one described person or group ("the defendant committed five
    burglaries", "she recorded 14 videos", "the ring sold 300 stolen phones", "the defendants
    defrauded 20 investors"), not an agency, an office or the counted things themselves."""
    verb = clause_verb(doc[count.start])
    through_complement = any(t.dep_ == "acomp" for t in doc[count.start].ancestors if t.i != verb.i)
    if verb.pos_ not in ("VERB", "AUX") or verb.lemma_.lower() == "be" and not through_complement:
        return False  # "the suspect was her partner, and 4 children": a copula says what, not how many
    for prep in verb.children:
        if prep.dep_ == "prep" and any(
            o.dep_ == "pobj" and any(c.dep_ == "poss" and _lower(c) in CASE_PARTY_POSSESSIVES for c in o.children)
            for o in prep.children
        ):
            return True  # "officers found 400 pills in his car": what one search of one person turned up
    q = count.qualifier_start
    noun = doc[count.end - 1].head if doc[count.end - 1].dep_ == "nummod" else None
    if (
        q > 0
        and _lower(doc[q - 1]) in ("the", "these", "those")
        and noun is not None
        and singular(_lower(noun)) in CASE_PARTY_NOUNS
    ):
        return True  # "the 12 defendants were indicted": the people of one case, named as a group
    for clause in verb.children:
        if clause.dep_ in ("prep", "advcl") and any(
            _lower(o) in CASE_PARTY_OBJECTS and o.tag_ == "PRP" and o.dep_ in ("dobj", "pobj")
            for o in clause.subtree
        ):
            return True  # "investigators followed 27 leads before locating him": one pursuit of one person
    if verb.lemma_.lower() in SEIZURE_VERBS and any(
        p.dep_ == "prep"
        and _lower(p) in ("from", "in", "at", "inside")
        and any(
            o.dep_ == "pobj" and o.tag_ == "NN" and any(_lower(c) in ("a", "an", "one", "single") for c in o.children)
            for o in p.children
        )
        for p in verb.children
    ):
        return True  # "investigators seized 2,300 handbags from a warehouse": what one search turned up
    subject = _subject_of(verb)
    if subject is None or count.start <= subject.i < count.end:
        return False
    if _lower(subject) in CASE_PARTY_PRONOUNS:
        return True
    if any(
        c.dep_ == "poss" and singular(_lower(c)) in CASE_PARTY_NOUNS and any(d.dep_ == "det" for d in c.children)
        for c in subject.children
    ):
        return True  # "the victim's family submitted 45 letters": the kin or circle of one party
    if (
        verb.dep_ == "relcl"
        and any(c.dep_ == "poss" and _lower(c) == "whose" for c in subject.children)
        and verb.head.ent_type_ == "PERSON"
    ):
        return True  # "Detective Okoye, whose work led to 22 arrests last year": one person's record
    if any(c.dep_ == "nummod" or c.like_num for c in subject.children):
        return False  # "1,650 defendants were charged": the counted people themselves
    if subject.ent_type_ == "PERSON" and subject.pos_ == "PROPN" and not subject.text.isupper():
        return True  # "Roe sold 300 phones"
    if singular(_lower(subject)) not in CASE_PARTY_NOUNS:
        return False
    return any(c.dep_ in ("det", "poss") and _lower(c) in CASE_PARTY_DETERMINERS for c in subject.children)


def _one_occurrence(
    doc: Doc, sentence: _Sentence, count: Count, year: YearMention | None, near: bool, ctx: Context
) -> bool:
    """Whether the counts of a sentence are details of one occurrence rather than a year's
    statistics: its clause is about one operation, sweep, raid, incident or event ("the sweep
    netted 45 arrests", "Operation Clean Slate led to 30 arrests", "the rally drew 900 people"),
    a weekday dates it and no year beside the count does ("On Saturday, 212 guns were turned
    in"), a small count is of people charged, arrested or sentenced ("two men were convicted"),
    or the count's year is a month's that
    opens the clause ("In May of last year, police seized 40 guns"; a month and a context's
    year: "In June, three people were hurt"), or, for a small count, any month's ("two men were
    hurt in May 2021"): the things and people of one occurrence. A month after a large count
    qualifies it ("480 people were counted in February 2022")."""
    span = sentence.span
    low = lowers(doc)
    verb = clause_verb(doc[count.start])
    if count.value < SMALL_COUNT and verb.lemma_.lower() in CASE_VERBS:
        return True  # "three people were charged with fraud": the defendants of one case
    last = doc[count.end - 1]
    if _of_one_day(verb) or _of_one_day(last.head if last.dep_ == "nummod" else last) or _told_of_one_event(verb):
        return True
    for t in span:
        if singular(low[t.i]) in ONE_EVENT_NOUNS and t.tag_ in ("NN", "NNP"):
            named = low[t.i] == "operation" and t.i + 1 < span.end and doc[t.i + 1].pos_ == "PROPN"
            determined = any(
                c.dep_ in ("det", "poss", "nummod")
                and _lower(c) in ONE_EVENT_DETERMINERS
                or c.dep_ == "poss"
                and c.pos_ in ("NOUN", "PROPN")  # "the sheriff's holiday food drive"
                for c in t.children
            )
            verbs = [verb, *_elliptic_head(count, verb)]
            if (named or determined) and any(clause_verb(t) == v or _subject_of(v) == t for v in verbs):
                return True  # also "the probe began in 2021 and led to 30 arrests"
        if (
            low[t.i] in WEEKDAYS
            and t.text[:1].isupper()
            and t.i > span.start
            and low[t.i - 1] in WEEKDAY_OPENERS
            and (year is None or not near)
        ):
            return True  # "On Saturday, residents turned in 212 guns": one day's count
    for m in _dated_months(doc, span, ctx):
        if count.value >= SMALL_COUNT and m > count.start:
            continue  # "480 people were counted in February 2022": the month qualifies the count
        if year is None or (m < year.start <= m + 3 and all(_lower(t) in ("of", ",") for t in doc[m + 1 : year.start])):
            return True  # "In June," with the paragraph's year; "May of 2021", "June of last year"
    return False


def _of_one_day(verb: Token) -> bool:
    """A clause its verb (or the count's noun) limits to part of one day: "the K-9 unit gave 12 demonstrations over the
    evening", "officers handed out 300 flyers during that night", "answered 14 calls in a single
    day"."""
    return any(
        p.dep_ == "prep"
        and any(
            o.dep_ == "pobj"
            and _lower(o) in ONE_DAY_NOUNS
            and (
                _lower(p) in ONE_DAY_PREPOSITIONS
                and any(c.dep_ == "det" and _lower(c) in ("the", "that") for c in o.children)
                or _lower(p) in ("in", "on", *ONE_DAY_PREPOSITIONS)
                and any(c.dep_ in ("amod", "nummod") and _lower(c) in ("single", "one") for c in o.children)
            )
            for o in p.children
        )
        for p in verb.children
    )


def _told_of_one_event(verb: Token) -> bool:
    """A relative clause told of one event: "the Coffee with a Cop event on June 20, which drew 70
    residents last year" (its "which" or "that" stands for an event noun, or for the date the
    event noun is on)."""
    relative = any(c.dep_ in ("nsubj", "nsubjpass") and _lower(c) in ("which", "that") for c in verb.children)
    if verb.dep_ != "relcl" or not relative:
        return False
    head = verb.head
    for _ in range(3):
        if singular(_lower(head)) in ONE_EVENT_NOUNS and head.tag_ in ("NN", "NNP"):
            return True
        if head.dep_ not in ("pobj", "prep") or head.head.i == head.i:
            return False
        head = head.head
    return False


def _elliptic_head(count: Count, verb: Token) -> list[Token]:
    """The verb a joined verb shares its subject with, where the parse made the count its subject:
    "the shooting left 2 people dead and 4 wounded" (the event's clause holds "4 wounded" too)."""
    if verb.dep_ != "conj" or verb.head.pos_ not in ("VERB", "AUX"):
        return []
    subject = _subject_of(verb)
    if subject is None or count.start <= subject.i < count.end:
        return [verb.head]
    return []


def _dated_months(doc: Doc, span: Span, ctx: Context) -> list[int]:
    """The months of a sentence that date an occurrence ("in April", "On March 3", "early June"),
    outside a part-of-a-year phrase ("through June", "since January")."""
    low = lowers(doc)
    found = []
    for t in span:
        w = low[t.i]
        if w not in MONTHS or not t.text[:1].isupper() or t.i == span.start:
            continue
        if low[t.i - 1] not in MONTH_DATE_OPENERS and not (t.i + 1 < span.end and doc[t.i + 1].like_num):
            continue
        if any(s <= t.i < e for _label, s, e in ctx.periods):
            continue
        found.append(t.i)
    return found


def _metric_of_count(
    doc: Doc, sentence: _Sentence, k: int, count: Count, previous_metric: str | None
) -> tuple[str, Token | None] | None:
    """What the k-th count of a sentence counts, and the noun that says it (None when the metric
    comes from elsewhere): its noun, the count it pairs with after "respectively", the sentence's
    metric so far, or the metric of the sentence before. None for a count of no metric: a rate,
    an average, the subject of a counting verb, years, dollars or points."""
    subset = _subset_metric(doc, sentence, count)
    if subset is not None:
        return subset or None
    noun = share_noun(doc, count.end, sentence.span.end) or _noun_after(
        doc, count, sentence.span.end, sentence.year_tokens
    )
    metric = metric_from_noun(noun) if noun is not None else None
    if noun is not None and singular(_lower(noun)) in OUTCOME_CONTAINERS and (outcome := _outcome_of(noun)) is not None:
        metric, noun = outcome
    pairs = sentence.pairs
    if k in pairs and pairs[k] in sentence.metrics_by_count:
        metric, noun = sentence.metrics_by_count[pairs[k]], None
    elif noun is not None and _lower(noun) in ANAPHORIC_NOUNS:
        metric, noun = sentence.metric, None  # "140 inmates were paroled and 12 others were ..."
    if noun is not None and (
        metric is None
        or _is_rate(noun)
        or _is_subject_of_counted_verb(noun, sentence.counts)
        or names_an_average(noun)
        or _names_a_group(doc, count, noun)
        or _modifies_singular(doc, count, noun)
        or _spread_over(noun)
        or _describes_a_thing(noun)
    ):
        return None
    if noun is None and subject_names_an_average(doc[count.start]):
        return None
    if metric is not None:
        sentence.metric = metric
    else:
        metric = (
            sentence.metric
            or metric_of_sentence(sentence.span, count.start)
            or _label_metric(doc, sentence.span, count)
            or previous_metric
        )
    if metric is None:
        return None
    sentence.metrics_by_count[k] = metric
    return metric, noun


LABEL_MAX_TOKENS = 8


def _label_metric(doc: Doc, sent: Span, count: Count) -> str | None:
    """The metric a label names before the colon that opens its sentence, for the counts after
    the colon: a list on one line ("Drownings at county beaches: 2019 - 6; 2020 - 9") or a total
    ("Total calls for 2021: 48,210"). A label is short and has no past tense or modal verb (a
    plural noun read as a verb, "calls", is allowed)."""
    colon = next((t.i for t in sent if t.text == ":"), None)
    if colon is None or not sent.start < colon < count.start or colon - sent.start > LABEL_MAX_TOKENS:
        return None
    label = doc[sent.start : colon]
    if any(t.tag_ in ("VBD", "MD") or t.like_num and not is_year_token(t) for t in label):
        return None
    return metric_of_label(label.text)


def _frame_of_count(
    doc: Doc, sentence: _Sentence, k: int, count: Count, noun_end: int
) -> tuple[YearMention | None, Frame] | None:
    """The year of the k-th count of a sentence and where it was read: beside the count, the
    sentence's one year, or the context's year; None when no year holds."""
    years = sentence.years
    if _after_baseline(doc, count, sentence.span.start):
        # "620 this year, compared to 300 in earlier years": only a year after the baseline dates it
        after_count = [y for y in years if y.start >= count.end]
        after = _year_for(doc, count, noun_end, after_count) if after_count else None
        return (after, Frame(after.year, Basis.phrase)) if after is not None else None
    year = _year_for(doc, count, noun_end, years) if years else None
    if k in sentence.pairs:
        before_r = [y for y in years if y.end <= count.start and not y.anchored]
        year = before_r[-1] if before_r else year
    if year is not None:
        near = min(abs(year.start - noun_end), abs(count.qualifier_start - year.end)) <= 4
        return year, Frame(year.year, Basis.phrase if near else Basis.sentence)
    if sentence.single:
        year = next(y for y in years if not y.anchored)
        if _in_other_clause(doc, year, count, noun_end):
            # "396 calls - which is a drop from the 445 of 2021": the year is the other clause's; the
            # count keeps the context's
            return _context_year(doc, count, sentence.context_before)
        starts = sentence.count_starts
        later = bisect_left(starts, count.end)
        opens_next = year.start >= noun_end and _opens_next_clause(doc, noun_end, year.start)
        shared = not opens_next and later < len(starts) and _shares_predicate_year(doc, count, starts[later], year)
        if year.start > count.end and not shared and (opens_next or later < len(starts) and starts[later] < year.start):
            # "410 thefts, and in 2019 the count fell": the year after "and" opens the next clause;
            # "310 claims, down 6% from the 330 claims of 2015": the year is the later count's; this
            # one keeps the context's year
            return _context_year(doc, count, sentence.context_before)
        return year, Frame(year.year, Basis.sentence)
    if (
        sentence.context_frame is not None
        and count.end <= sentence.context_reach
        and all(y.start >= count.end for y in years)
    ):
        # a baseline after the count ("the same as 2012") leaves it the context's year
        return _context_year(doc, count, sentence.context_frame)
    return None


def _context_year(doc: Doc, count: Count, frame: Frame | None) -> tuple[YearMention | None, Frame] | None:
    """The context's year for a count with none of its own; none under a year an earlier sentence
    of the paragraph gave for a count in the simple present ("The sweep was the third this year.
    The county holds 2,000 open warrants.": the state now, not that year's count) or one naming
    the group a member is picked from ("one of the 6 recruits who ...")."""
    if frame is None or frame.basis == Basis.paragraph and (
        _simple_present(doc, count) or _partitive(doc, count) or _resource_count(doc, count)
    ):
        return None
    return None, frame


def _resource_count(doc: Doc, count: Count) -> bool:
    """A count of what an office has or where something happened, in a sentence with no year of its
    own: the staff, sites or partners behind the paragraph's statistics, not a statistic the
    paragraph's year carries to. Its noun has an owner ("the center's four advocates", "with its six
    motor officers", "the district's 30 schools and 12 officers") or sits after a preposition of
    place or origin ("at three beaches", "volunteers from six organizations")."""
    noun = doc[count.end - 1].head if doc[count.end - 1].dep_ == "nummod" else None
    if noun is None or noun.pos_ not in ("NOUN", "PROPN"):
        return False
    owner = noun.head if noun.dep_ == "conj" and noun.head.pos_ == "NOUN" else noun  # "its 30 schools and 12 officers"
    if any(c.dep_ == "poss" for c in owner.children):
        return True
    return noun.dep_ == "pobj" and noun.head.lower_ in RESOURCE_PREPOSITIONS


def _partitive(doc: Doc, count: Count) -> bool:
    """ "one of the 6 recruits who served": the count names the group a member is picked from."""
    noun = doc[count.end - 1].head
    if noun.dep_ != "pobj" or noun.head.lower_ != "of":
        return False
    return noun.head.head.pos_ == "NUM" and any(c.dep_ == "det" and c.lower_ == "the" for c in noun.children)


def figure_mentions(doc: Doc) -> list[Figure]:
    """Every statement of a year–count figure in the Doc, repeats included, in text order."""
    published: dt.date | None = doc._.published
    location: str | None = doc._.location
    handled: list[tuple[int, int]] = []
    figures = table_figures(doc, location, handled)
    figures += year_list_figures(doc, location, handled)
    previous_metric = figures[-1].metric if figures else None
    figures += sentence_figures(doc, published, location, handled, previous_metric, context_of(doc))
    if published is not None:
        # a count for a year that has not begun, or not ended, by the publication date's year is a
        # target or projection ("in the 2031-32 school year, 500 students will ...")
        figures = [f for f in figures if f.year <= published.year]
    return sorted(figures, key=lambda f: f.start)


def unique_figures(mentions: list[Figure]) -> list[Figure]:
    """One figure per year, count and metric head: the first statement of it wins."""
    unique: dict[tuple[int, float, str], Figure] = {}
    for f in mentions:
        unique.setdefault((f.year, float(f.count), f.metric.split()[-1]), f)
    return list(unique.values())


ROUNDING_TOLERANCE = 0.1
# a rounded restatement lies within a tenth of the precise count
PEOPLE_HEADS = derived(lambda: set(RULES["people_heads"]))


def _headline_lines(doc: Doc) -> list[tuple[int, int]]:
    """The lines of the text that are its headline: the title given apart, or the first line, and
    each repeat of it (scraped pages print the headline several times)."""
    text = doc_text(doc)
    lines = [(s, e) for s, e in _line_spans(text) if text[s:e].strip()]
    if not lines:
        return []
    title = (doc._.title or text[lines[0][0] : lines[0][1]]).strip()
    if len(title) < 12:
        return []
    return [
        (s, e) for s, e in lines if (line := text[s:e].strip()) == title or (len(line) >= 20 and title.startswith(line))
    ]


def _rounds(rounded: Figure, precise: Figure) -> bool:
    """Whether an approximate count is a rounding of a precise one: "more than 90" of 93,
    "nearly 500" of 487, "about 1,200" of 1,186."""
    if rounded.qualifier is Qualifier.exact or precise.qualifier is not Qualifier.exact or rounded.count % 10:
        return False
    if abs(rounded.count - precise.count) > ROUNDING_TOLERANCE * precise.count:
        return False
    if rounded.qualifier is Qualifier.at_least:
        return precise.count > rounded.count
    if rounded.qualifier is Qualifier.at_most:
        return precise.count < rounded.count
    return True


def _apart(text: str, a: Figure, b: Figure) -> bool:
    """Two figures in different sentences: a restatement is never in the sentence it restates."""
    first, second = (a, b) if a.start < b.start else (b, a)
    between = text[first.end : second.start]
    return any(mark in between for mark in (". ", "\n", "? ", "! "))


def _same_people(first: Figure, later: Figure) -> bool:
    """A later count of the same people in the same year, worded another way: "killed 48 people"
    and "48 victims", "61 deaths" and "61 people"."""
    return (
        first.start < later.start
        and first.year == later.year
        and first.count == later.count
        and first.count >= SMALL_COUNT
        and first.metric.split()[-1] in PEOPLE_HEADS
        and later.metric.split()[-1] in PEOPLE_HEADS
    )


def _same_metric(a: str, b: str) -> bool:
    """Two wordings of one metric: the same head, one's words among the other's ("overdose death"
    and "death"; not "felony case" and "misdemeanor case")."""
    wa, wb = a.split(), b.split()
    return wa[-1] == wb[-1] and (set(wa) <= set(wb) or set(wb) <= set(wa))


def drop_restatements(doc: Doc, figures: list[Figure], mentions: list[Figure]) -> list[Figure]:
    """Each fact once (GUIDE): a count rounded in the headline, the lead or a quote is the figure
    the body states precisely ("Nearly 500 Cases Filed" over "filed 487 cases in 2023"); and a
    headline's count that the body states with words that make it no figure ("More Than 90
    Accused Last Year" over "accused in the past year", twelve months) is none either."""
    text = doc_text(doc)
    headline = _headline_lines(doc)

    def in_headline(f: Figure) -> bool:
        return any(s <= f.start and f.end <= e for s, e in headline)

    kept: list[Figure] = []
    for f in figures:
        if any(_same_people(g, f) and _apart(text, g, f) for g in kept):
            continue  # "48 people were killed ... 45 crashes with 48 victims": the same people again
        if any(
            g.year == f.year and _same_metric(f.metric, g.metric) and _rounds(f, g) and _apart(text, f, g)
            for g in mentions
        ):
            continue
        if in_headline(f) and not any(not in_headline(g) and g.count == f.count for g in mentions):
            number = rf"(?<![\d.,]){int(f.count):,}(?![\d]|,\d)|(?<![\d.,]){int(f.count)}(?![\d]|,\d)"
            body = [m for m in re.finditer(number, text) if not any(s <= m.start() < e for s, e in headline)]
            if body:
                continue  # the body states this count and reads it as no figure of a year
        kept.append(f)
    return kept
