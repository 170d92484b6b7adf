"""Time expressions in a Doc, each normalized against the publication date at the precision the
text states ("April 2021" is 2021-04, never a day filled in), null where it cannot be resolved.

Shapes are found on tokens (weekdays, months with or without a day and year, years, fiscal
years, decades, relative phrases such as "last week" or "two years ago") and from the entity
recognizer's DATE spans; durations ("25 years"), ages and clock times are not time expressions.
Weekdays and bare months resolve in the direction the sentence's tense implies."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from . import dates
from .components import doc_text, entities, lowers, memo, next_index, sentence_of
from .models import DateMention
from .numbers import in_number_run, is_year_token, word_value
from .rules import derived, grouped, load, regexes
from .vocabulary import AGO_WORDS, MONTHS, RELATIVE_BY_FIRST

RULES = derived(lambda: load("dates.json"))
WEEKDAYS = derived(lambda: {w: i for i, w in enumerate(RULES["weekdays"])})
WEEKDAY_ABBREVIATIONS = derived(
    lambda: {w[:3]: i for w, i in WEEKDAYS.items()} | {w[:3] + ".": i for w, i in WEEKDAYS.items()}
)
DAY_PARTS = derived(lambda: set(RULES["day_parts"]))
RELATIVE_DAYS: dict[str, int] = derived(lambda: RULES["relative_days"])
UNITS: dict[str, str] = derived(lambda: RULES["relative_units"])
OPENERS: dict[str, int] = derived(lambda: RULES["relative_openers"])
RELATIVE_PHRASES: dict[tuple[str, ...], tuple[str, int]] = derived(
    lambda: {tuple(k.split()): (v[0], v[1]) for k, v in RULES["relative_phrases"].items()}
)
# the same phrases by their first word, longest first (of equal lengths, in the rules' order)
RELATIVE_PHRASES_BY_FIRST: dict[str, list[tuple[str, ...]]] = derived(
    lambda: grouped((w[0], w) for w in sorted(RELATIVE_PHRASES, key=lambda k: -len(k)))
)
# phrases dated from the occurrence the text dated just before ("that same night", "the next
# day", "later that month"), not from publication: (unit, offset)
ANAPHORIC: dict[tuple[str, ...], tuple[str, int]] = derived(
    lambda: {tuple(k.split()): (v[0], v[1]) for k, v in RULES["anaphoric_phrases"].items()}
)
# the same, by their first word, longest first
ANAPHORIC_BY_FIRST: dict[str, list[tuple[str, ...]]] = derived(
    lambda: grouped((w[0], w) for w in sorted(ANAPHORIC, key=lambda k: -len(k)))
)
ANAPHORIC_UNITS: dict[str, str] = derived(lambda: RULES["anaphoric_units"])  # "ten minutes earlier": that same day
ANAPHORA_REACH = 3  # sentences back to the occurrence an anaphoric phrase is dated from
ANCHOR_WORDS = derived(lambda: set(RULES["anchor_words"]))
# a year after these is the baseline of a comparison ("fell 21 percent from the previous year")
BASELINE_BEFORE_YEAR = derived(lambda: [tuple(w.split()) for w in RULES["baseline_before_year"]])
# the same phrases, by their last word
BASELINE_BY_LAST: dict[str, list[tuple[str, ...]]] = derived(lambda: grouped((p[-1], p) for p in BASELINE_BEFORE_YEAR))
FUTURE_MARKERS = derived(lambda: set(RULES["future_markers"]))
# what a present-tense "is" dates as still to come: "the hearing is June 2", "is due in court June 2"
APPOINTMENT_NOUNS = derived(lambda: frozenset(RULES["appointment_nouns"]))
DUE_WORDS = derived(lambda: frozenset(RULES["due_words"]))
# the words that make a range of two years one fiscal year: "fiscal year 2016-17", "the 2019-20 grant cycle"
FISCAL_WORDS = derived(lambda: set(RULES["fiscal_words"]))
ROLLING_YEARS = derived(lambda: {tuple(phrase.split()) for phrase in RULES["rolling_years"]})
POSSESSIVES = derived(lambda: set(RULES["possessives"]))  # "in his 70s" is an age
NOT_DATES = derived(lambda: set(RULES["not_dates"]))
# amounts of time in words besides the numbers: "a week ago", "several years ago" (unresolved)
INDEFINITE_AMOUNTS: dict[str, int | None] = {"a": 1, "an": 1, "several": None, "few": None}
HOLIDAYS: dict[str, tuple[int, int]] = derived(lambda: {k: (v[0], v[1]) for k, v in RULES["holidays"].items()})
# month, weekday (Monday 0), which one (1 first ... -1 last)
FLOATING_HOLIDAYS: dict[str, tuple[int, int, int]] = derived(
    lambda: {k: (v[0], v[1], v[2]) for k, v in RULES["floating_holidays"].items()}
)


@dataclass
class TimeMention:
    start: int  # token indices
    end: int
    value: str | None = None

    def text(self, doc: Doc) -> str:
        return doc_text(doc)[doc[self.start].idx : doc[self.end - 1].idx + len(doc[self.end - 1].text)]


# --- finding ---------------------------------------------------------------------------------


def _is_amount(word: str) -> bool:
    return word in INDEFINITE_AMOUNTS or word_value(word) is not None


def _amount(word: str) -> int | None:
    """ "two" -> 2, "a" -> 1, "several" -> None (no date at any precision)."""
    return INDEFINITE_AMOUNTS[word] if word in INDEFINITE_AMOUNTS else word_value(word)


def _day_number(text: str) -> int | None:
    m = regexes.DAY_NUMBER.fullmatch(text)
    return int(m.group(1)) if m and 1 <= int(m.group(1)) <= 31 else None


def _candidates(doc: Doc) -> list[tuple[int, int]]:
    """The token spans of the Doc's time expressions: the shapes found on tokens, then the
    recognizer's DATE spans where the shapes found nothing."""
    low = lowers(doc)
    spans: list[tuple[int, int]] = []
    for i in _time_words(doc):  # no other word opens a shape, a relative phrase or an amount of time
        spans += _relative_spans(low, i)
        if (shape := _shape_span(doc, low, i)) is not None:
            spans.append(shape)
        if (ago := _ago_span(doc, low, i)) is not None:
            spans.append(ago)
        if (told := _anaphoric_span(doc, low, i)) is not None:
            spans.append(told)
    spans += _holiday_spans(doc)
    own = _merge(doc, spans)
    taken = {k for s, e in own for k in range(s, e)}
    for ent in entities(doc):  # the recognizer's spans only where the shapes above found nothing
        if ent.label_ == "DATE" and _is_date_entity(ent) and not taken & set(range(ent.start, ent.end)):
            own.append((ent.start, ent.end))
    return _merge(doc, own)


# the words that may open a time expression found on tokens (`_relative_spans`, `_shape_span`) or
# be the unit of an amount of time (`_ago_span`); besides these, only words with a digit can
OPENING_WORDS = derived(
    lambda: frozenset(
        set(RELATIVE_PHRASES_BY_FIRST)
        | set(RELATIVE_BY_FIRST)
        | set(RELATIVE_DAYS)
        | set(OPENERS)
        | set(WEEKDAYS)
        | set(WEEKDAY_ABBREVIATIONS)
        | set(MONTHS)
        | set(UNITS)
        | set(ANAPHORIC_BY_FIRST)
        | set(ANAPHORIC_UNITS)
    )
)
_DIGIT = re.compile(r"\d")  # what the year, fiscal year and decade patterns need


def _may_open_time(word: str) -> bool:
    """Whether a lowercase word may open a time expression or be an amount's unit: one of
    `OPENING_WORDS`, or a word with a digit (a year, "FY24", "1990s")."""
    return word in OPENING_WORDS or _DIGIT.search(word) is not None


def _time_words(doc: Doc) -> list[int]:
    """The indices of the words that `_may_open_time`, in order; each distinct word read once."""
    low = lowers(doc)
    openers = {w for w in set(low) if _may_open_time(w)}
    return [i for i, w in enumerate(low) if w in openers]


def _relative_spans(low: list[str], i: int) -> list[tuple[int, int]]:
    """Relative phrases opening at word i, the longest of each table: "so far this year",
    "earlier this month", "last year"."""
    spans: list[tuple[int, int]] = []
    w = low[i]
    for words in RELATIVE_PHRASES_BY_FIRST.get(w, ()):
        if tuple(low[i : i + len(words)]) == words:
            spans.append((i, i + len(words)))
            break
    for words, _ in RELATIVE_BY_FIRST.get(w, ()):
        if tuple(low[i : i + len(words)]) == words:
            spans.append((i, i + len(words)))
            break
    return spans


def _shape_span(doc: Doc, low: list[str], i: int) -> tuple[int, int] | None:
    """The time expression whose shape token i opens: "yesterday", "last week", "Tuesday
    night", "Nov. 14, 2023", "fiscal 2023", "FY24", "the 1990s"."""
    w, n = low[i], len(doc)
    if w in RELATIVE_DAYS:
        return i, i + 1
    if w in OPENERS and i + 1 < n and (low[i + 1] in UNITS or low[i + 1] in WEEKDAYS or low[i + 1] in MONTHS):
        return i, i + 2
    if w in WEEKDAYS or (w in WEEKDAY_ABBREVIATIONS and doc[i].text[:1].isupper() and doc[i].pos_ == "PROPN"):
        return i, i + 2 if i + 1 < n and low[i + 1] in DAY_PARTS else i + 1
    if w in MONTHS and doc[i].text[:1].isupper() and (w != "may" or _month_may(doc, i)) and _month_word(doc, low, i):
        return _month_span(doc, low, i)
    if is_year_token(doc[i]) and doc[i].pos_ in ("NUM", "PROPN", "NOUN", "ADJ"):
        return _year_span(doc, low, i)
    if regexes.FISCAL_YEAR.fullmatch(doc[i].text) or (
        regexes.DECADE.match(doc[i].text) and not (i > 0 and low[i - 1] in POSSESSIVES)
    ):
        return i, i + 1  # a decade, but not an age: "a man in his 70s"
    return None


def _month_word(doc: Doc, low: list[str], i: int) -> bool:
    """A month's name, or its abbreviation with a period or beside a day or year: "Mar. 3",
    "3 Mar 2024"; a bare "Mar" or "Dec" is a word of a name ("Del Mar", "Dec Smith")."""
    w = low[i]
    if w.endswith(".") or len(w) > 3 or w == "may":
        return True
    beside = [low[j] for j in (i - 1, i + 1) if 0 <= j < len(doc)]
    return any(_day_number(b) is not None for b in beside) or (i + 1 < len(doc) and is_year_token(doc[i + 1]))


def _month_span(doc: Doc, low: list[str], i: int) -> tuple[int, int]:
    """A month with its day and year where they are written: "Nov. 14, 2023", "14 November",
    "March 2021", "May, 2020"."""
    n = len(doc)
    start, end = i, i + 1
    if end < n and _day_number(low[end]) is not None:
        end += 1 + _more_days(doc, low, end + 1, low[i])
        if end + 1 < n and low[end] == "," and is_year_token(doc[end + 1]):
            end += 2
        elif end < n and is_year_token(doc[end]):
            end += 1
    elif end < n and is_year_token(doc[end]):
        end += 1
    elif end + 1 < n and low[end] == "," and is_year_token(doc[end + 1]):
        end += 2
    if start > 0 and _day_number(low[start - 1]) is not None:
        start -= 1  # "14 November"
    if end + 1 < n and low[end] == "of" and end == i + 1:
        end += _month_of_year(doc, low, end + 1)  # "December of 2022", "November of last year"
    return start, end


RANGE_WORDS = ("to", "through", "thru", "-", "\u2013", "and")


def _more_days(doc: Doc, low: list[str], i: int, month: str) -> int:
    """How many words after a month's day name more days of it, a range or a list of days:
    "(November 15) to 21", "(July 10), 11, and 12", "(June 3) to June 9"; 0 for none. The
    expression then dates the month, not one day (`_days_of`)."""
    n, j, closed = len(doc), i, i
    while j < n and low[j] in (",",) + RANGE_WORDS:
        k = j + 1 if low[j] != "," or j + 1 >= n or low[j + 1] not in RANGE_WORDS else j + 2
        if k < n and low[k] == month:
            k += 1  # "June 3 to June 9"
        counted = k + 1 < n and (low[k + 1] in UNITS or doc[k + 1].pos_ == "NOUN")  # "and 5 officers"
        if k < n and _day_number(low[k]) is not None and not counted:
            j = k + 1
            if low[k - 1] in RANGE_WORDS or low[k - 1] == month:
                closed = j  # a list of days ends on "and 12": "On March 3, 12 people..." is no list
            continue
        break
    return closed - i


def _days_of(words: list[str]) -> list[int]:
    """The day numbers of an expression's words: one for a day's date, more for a range of days."""
    return [d for w in words if (d := _day_number(w)) is not None]


def _month_of_year(doc: Doc, low: list[str], i: int) -> int:
    """How many words after a month's "of" name its year: "(of) 2022" is 2, "(of) last year" and
    "(of) the same year" 3 and 4; 0 for none ("the month of October" stays a month)."""
    if is_year_token(doc[i]):
        return 2
    for words, _ in RELATIVE_BY_FIRST.get(low[i], ()):
        if tuple(low[i : i + len(words)]) == words and words[-1] == "year":
            return len(words) + 1
    return 0


def _year_span(doc: Doc, low: list[str], i: int) -> tuple[int, int]:
    """A year with "fiscal" before it, or the rest of a range or an ISO date after it."""
    n = len(doc)
    start, end = i, i + 1
    if i > 0 and low[i - 1] == "fiscal":
        start = i - 1
    elif i > 1 and low[i - 2] == "fiscal" and low[i - 1] == "year":
        start = i - 2
    if end + 3 < n and low[end] == "-" and low[end + 2] == "-" and regexes.TWO_DIGITS.fullmatch(low[end + 1]):
        end += 4  # an ISO date the tokenizer split: "2024-07-23"
    elif (
        end + 1 < n
        and low[end] in ("-", "\u2013", "to", "and", "through")
        and (is_year_token(doc[end + 1]) or regexes.TWO_DIGITS.fullmatch(low[end + 1]))
    ):
        end += 2  # "2022-23", "2019 to 2021"
    return start, end


def _ago_span(doc: Doc, low: list[str], i: int) -> tuple[int, int] | None:
    """An amount of time back from now, its unit at word i: "two years ago", "over a week ago",
    "three weeks earlier"."""
    small = low[i] in ANAPHORIC_UNITS and i + 1 < len(doc) and low[i + 1] != "ago"  # "ten minutes earlier"
    if not ((low[i] in UNITS or small) and i + 1 < len(doc) and low[i + 1] in AGO_WORDS and i > 0):
        return None
    start = i - 1
    if not (_is_amount(low[start]) or doc[start].like_num):
        return None
    if start > 0 and low[start - 1] in ("over", "about", "nearly", "almost", "more", "than", "just"):
        start -= 1
        if start > 0 and low[start - 1] == "more":
            start -= 1
    return start, i + 2


def _anaphoric_span(doc: Doc, low: list[str], i: int) -> tuple[int, int] | None:
    """A phrase dated from the occurrence told just before, opening at word i: "that same night",
    "the next day", "later that month"; not one that names its own occurrence ("the day after his
    birthday", "the same day as the vote")."""
    for words in ANAPHORIC_BY_FIRST.get(low[i], ()):
        end = i + len(words)
        if tuple(low[i:end]) != words:
            continue
        follower = doc[end] if end < len(doc) else None
        if follower is not None and (
            follower.lower_ == "as"
            or words[-1] in ("after", "before")
            and follower.pos_ in ("DET", "PRON", "NOUN", "PROPN", "NUM", "ADJ")
        ):
            return None
        return i, end
    return None


def _holiday_spans(doc: Doc) -> list[tuple[int, int]]:
    """Holidays named with a capital: "Christmas", "Labor Day"."""
    text = doc_text(doc)
    lowered = text.lower()
    spans: list[tuple[int, int]] = []
    for name in list(HOLIDAYS) + list(FLOATING_HOLIDAYS):
        for m in re.finditer(re.escape(name), lowered):
            span = doc.char_span(m.start(), m.end(), alignment_mode="expand")
            if span is not None and text[m.start()].isupper():
                spans.append((span.start, span.end))
    return spans


def _month_may(doc: Doc, i: int) -> bool:
    """ "May" the month, not the verb."""
    low = lowers(doc)
    nxt = low[i + 1] if i + 1 < len(doc) else ""
    prev = low[i - 1] if i > 0 else ""
    return (
        _day_number(nxt) is not None
        or (i + 1 < len(doc) and is_year_token(doc[i + 1]))
        or prev
        in ("in", "by", "since", "until", "through", "of", "early", "late", "mid", "last", "next", "this", "since")
    )


def _is_date_entity(ent: Span) -> bool:
    """The recognizer's DATE spans, less durations ("25 years"), ages and frequencies."""
    words = [t.lower_ for t in ent]
    text = ent.text.lower()
    if any(w in NOT_DATES for w in words) or "year-old" in text or "years old" in text:
        return False
    if ent.start > 0 and ent.doc[ent.start - 1].lower_ in POSSESSIVES or words[0] in ("his", "her", "their"):
        return False  # "in his 70s" is an age
    has_anchor = (
        bool(regexes.YEAR_IN_TEXT.search(ent.text))
        or any(w in MONTHS or w in WEEKDAYS or w in RELATIVE_DAYS for w in words)
        or any(w in AGO_WORDS for w in words)
        or (words[0] in OPENERS and len(words) >= 2 and words[1] in UNITS)
        or bool(regexes.DECADE.match(ent.text))
    )
    return has_anchor


def _merge(doc: Doc, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Overlapping spans become one; "Tuesday, Jan. 27" (parts joined by a comma) too."""
    spans = sorted(set(spans))
    merged: list[tuple[int, int]] = []
    for s, e in spans:
        if merged and (
            s < merged[-1][1]
            or (s == merged[-1][1] + 1 and doc[s - 1].text == "," and _joinable(doc, merged[-1], (s, e)))
        ):
            merged[-1] = (merged[-1][0], max(merged[-1][1], e))
        else:
            merged.append((s, e))
    return merged


def _joinable(doc: Doc, a: tuple[int, int], b: tuple[int, int]) -> bool:
    low = lowers(doc)
    return low[a[0]] in WEEKDAYS and low[b[0]] in MONTHS


# --- years of counts ---------------------------------------------------------------------------


@dataclass
class YearMention:
    year: int
    start: int  # token index
    end: int
    anchored: bool  # preceded by "since", "between"...: a baseline, not the year of a count


def _after_than(doc: Doc, i: int, floor: int) -> bool:
    """ "than the year before", "than in 2019"; not "more than 31,000 in 2022"."""
    for j in range(i - 1, max(floor, i - 4) - 1, -1):
        if doc[j].like_num:
            return False
        if doc[j].text.lower() == "than":
            return True
    return False


def _after_baseline_word(low: list[str], i: int, floor: int) -> bool:
    """ "from the previous year", "compared with 2019", "over last year": the year a change is
    measured from, not the year of the count beside it."""
    j = i - 1 if low[i - 1] != "the" else i - 2
    return any(
        j - len(w) + 1 >= floor and tuple(low[j - len(w) + 1 : j + 1]) == w for w in BASELINE_BY_LAST.get(low[j], ())
    )


def _anchored(doc: Doc, low: list[str], i: int, start: int) -> bool:
    """A baseline, not the year of a count: "since 2014", "than the year before", "than in 2019";
    the year mention at token i, in a stretch that starts at `start`."""
    return i > start and (
        doc[i - 1].text.lower() in ANCHOR_WORDS or _after_than(doc, i, start) or _after_baseline_word(low, i, start)
    )


def _in_full_date(doc: Doc, i: int) -> bool:
    """A year that closes a day's date: "July 2, 1996", "5 December 2015"."""
    low = lowers(doc)
    j = i - 1
    if j >= 0 and low[j] == ",":
        j -= 1
    if j < 1:
        return False
    day_then_month = low[j] in MONTHS and low[j - 1].isdigit()
    month_then_day = low[j].isdigit() and len(low[j]) <= 2 and low[j - 1] in MONTHS
    return day_then_month or month_then_day


def _may_name_year(word: str) -> bool:
    """Whether a lowercase word may open a year mention: a year ("2021"), a fiscal year ("fy2020")
    or the first word of a relative year ("last"); a number that is no year ("1,204") is not."""
    if word[:1].isdigit():
        return word in RELATIVE_BY_FIRST or bool(regexes.YEAR.fullmatch(word))
    return word in RELATIVE_BY_FIRST or word.startswith("fy")


def _year_starts(doc: Doc) -> list[int]:
    """The indices of the words that may open a year mention (`_may_name_year`), built once."""
    cached = memo(doc).get("extractor_year_starts")
    if cached is None:
        low = lowers(doc)
        openers = {w for w in set(low) if _may_name_year(w)}  # each distinct word read once
        cached = memo(doc)["extractor_year_starts"] = [i for i, w in enumerate(low) if w in openers]
    return cached


def _split_year(first: str, second: str) -> bool:
    """A year written over two with the second's last two digits ("2021-22", "2019/20"): a fiscal,
    school or season year even with no word naming it, never a span of two years ("2021-2022" may
    be one)."""
    return first.isdigit() and len(second) == 2 and second.isdigit() and int(second) == (int(first) + 1) % 100


def _fiscal_range_end(doc: Doc, low: list[str], i: int, start: int, end: int) -> int | None:
    """The year a fiscal year written as a range of two ends, the range opening at token i: "fiscal
    year 2016-2017", "the 2015-16 budget year" are counted in the year they end; None for no such
    range. A split year with no fiscal word ("402 in 2021-22") counts the same way."""
    if not (
        i + 2 < end
        and doc[i + 1].text in ("-", "\u2013", "/")
        and regexes.NUMBER.fullmatch(doc[i + 2].text)
        and len(doc[i + 2].text) in (2, 4)
        and (
            not FISCAL_WORDS.isdisjoint(low[max(start, i - 3) : i])
            or not FISCAL_WORDS.isdisjoint(low[i + 3 : min(end, i + 5)])
            or _split_year(doc[i].text, doc[i + 2].text)
        )
    ):
        return None
    second = doc[i + 2].text
    return int(second) if len(second) == 4 else int(doc[i].text) // 100 * 100 + int(second)


def _relative_year(offset: int | str, baseline: bool, last_year: int | None, published: dt.date | None) -> int | None:
    """The year a relative phrase names: against the publication date, or, for "the year before"
    (and "last year" as a baseline after a year: "97 murders in 2018, 13 fewer than last year's
    110" is 2017), the year before the last one named."""
    if baseline and offset == -1 and last_year is not None:
        offset = "before"
    if offset == "same":
        return last_year  # "in that year": the year just named
    if offset == "before":
        return last_year - 1 if last_year else (published.year - 1 if published else None)
    if offset == "fiscal":
        return last_fiscal_year(published) if published is not None else None
    return published.year + int(offset) if published is not None else None


FISCAL_YEAR_END_MONTH = 6  # most public fiscal years end on June 30 or September 30


def last_fiscal_year(published: dt.date) -> int:
    """The year the last finished fiscal year ends in ("the prior grant year", "last fiscal
    year"): one ended by midyear is the publication year's, else the year before's."""
    return published.year if published.month > FISCAL_YEAR_END_MONTH else published.year - 1


def years_in(
    doc: Doc,
    start: int,
    end: int,
    published: dt.date | None,
    last_year: int | None,
    unresolved: list[int] | None = None,
) -> list[YearMention]:
    """The years named between tokens start and end; relative ones ("last year") against the
    publication date, never the machine's clock: without a date they stay unresolved (their
    token indices go to `unresolved`)."""
    found: list[YearMention] = []
    low = lowers(doc)
    starts = _year_starts(doc)  # the words that may open a year mention: the others are passed over
    i = start
    while i < end:
        if (ahead := next_index(starts, i, end)) != i:
            i = ahead
            continue
        t = doc[i]
        if is_year_token(t) and not (i + 1 < end and doc[i + 1].text in ("%", "s")):
            if in_number_run(doc, i) or _in_full_date(doc, i):
                i += 1  # "0161 555 0199" is a phone number; "Nov. 8, 2031" dates a day, not a year's count
                continue
            year = int(t.text)
            if (end_year := _fiscal_range_end(doc, low, i, start, end)) is not None:
                found.append(YearMention(end_year, i, i + 3, _anchored(doc, low, i, start)))
                last_year = end_year
                i += 3
                continue
            found.append(YearMention(year, i, i + 1, _anchored(doc, low, i, start)))
            last_year = year
            i += 1
            continue
        if (m := regexes.FISCAL_YEAR.fullmatch(t.text)) is not None:
            y = int(m.group("year"))
            year = y if y > 100 else 2000 + y
            found.append(YearMention(year, i, i + 1, _anchored(doc, low, i, start)))
            last_year = year
            i += 1
            continue
        matched = False
        for words, offset in RELATIVE_BY_FIRST.get(low[i], ()):
            n = len(words)
            if i + n <= end and tuple(low[i : i + n]) == words:
                anchored = _anchored(doc, low, i, start)
                resolved = _relative_year(offset, anchored and bool(found), last_year, published)
                if words in ROLLING_YEARS and i > start and low[i - 1] == "the":
                    pass  # "in the last year": the twelve months before publication, no calendar year
                elif resolved is not None:
                    found.append(YearMention(resolved, i, i + n, anchored))
                    last_year = resolved
                elif unresolved is not None:
                    unresolved.append(i)
                i += n
                matched = True
                break
        if not matched:
            i += 1
    return found


# --- resolving -------------------------------------------------------------------------------


def _future(doc: Doc, start: int) -> bool:
    """Whether a time expression speaks of what is to come: the tense of the verb it belongs to
    ("will meet Tuesday", "takes effect March 1", "plans to expand by June"), else words before
    it ("next", "by", "until")."""
    low = lowers(doc)
    sent = sentence_of(doc[start])
    before = low[max(sent.start, start - 2) : start]
    if before and (
        before[-1] in FUTURE_MARKERS
        or (len(before) == 2 and before[0] in FUTURE_MARKERS and before[1] in ("in", "on", "of", "for"))
    ):
        return True  # "by June", "starting in March", "next Tuesday"
    if before and before[-1] in ("after", "since", "last", "following"):
        return False  # "after Sunday's tornado"
    verb = doc[start]
    # a date that modifies a noun ("follows a July campaign") is not the time of the verb's tense
    head = doc[start].head
    modifier = (
        doc[start].dep_ in ("compound", "amod", "nmod", "poss")
        and head.pos_ in ("NOUN", "PROPN")
        and not (head.lower_ in DAY_PARTS or head.lower_ in MONTHS or head.like_num)  # "Tuesday night"
    )
    for _ in range(10):
        if verb.pos_ in ("VERB", "AUX") or verb.head.i == verb.i:
            break
        verb = verb.head
    if verb.pos_ not in ("VERB", "AUX"):
        return False
    while verb.dep_ == "xcomp" and verb.tag_ in ("VBG", "VB") and verb.head.pos_ in ("VERB", "AUX"):
        if any(c.dep_ == "aux" for c in verb.children):
            break  # "plans to expand by June": the infinitive tells what is to come
        verb = verb.head  # "began operating on July 1": the tense is the verb it completes
    auxiliaries = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    if auxiliaries & {"will", "'ll", "shall", "would", "to"}:
        return True  # "will meet", "would question", "to be presented"
    if auxiliaries & {"was", "were", "had", "did", "has", "have", "been"}:
        return False
    if verb.tag_ == "VBN" and auxiliaries & {"is", "are", "am"} and _dated_by(verb, start):
        return True  # "when he is sentenced on Oct. 3": a present passive with its own date is a schedule
    if verb.tag_ in ("VBD", "VBN"):
        return False
    if verb.lemma_ == "be" and verb.tag_ in ("VBZ", "VBP") and _appointment(verb):
        return True  # "his next court date is Aug. 20", "he is due back in court June 2"
    return not modifier and verb.tag_ in ("VBZ", "VBP", "VBG") and verb.lemma_ != "be"  # "takes effect March 1"


def _dated_by(verb: Token, start: int) -> bool:
    """Whether the time expression at `start` hangs from the verb itself ("is sentenced on Oct.
    3"), not from a noun of its clause ("is charged in the March 3 robbery")."""
    node = verb.doc[start]
    for _ in range(4):
        if node.head.i == verb.i:
            return True
        if node.dep_ not in ("pobj", "prep", "compound", "nummod", "npadvmod", "appos") or node.head.i == node.i:
            return False
        node = node.head
    return False


def _appointment(verb: Token) -> bool:
    """A present-tense "is" that states when something is to happen: its subject an appointment
    ("the hearing", "his next court date") or its complement a word of schedule ("is due")."""
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is not None and subject.lemma_.lower() in APPOINTMENT_NOUNS:
        return True
    return any(c.dep_ in ("acomp", "attr") and c.lower_ in DUE_WORDS for c in verb.children)


def _shift_month(day: dt.date, months: int) -> dt.date:
    index = day.year * 12 + day.month - 1 + months
    return dt.date(index // 12, index % 12 + 1, 1)


def _weekday(base: dt.date, weekday: int, future: bool) -> dt.date:
    delta = (weekday - base.weekday()) % 7
    if future:
        return base + dt.timedelta(days=delta)
    return base - dt.timedelta(days=(base.weekday() - weekday) % 7)


def _month_day(base: dt.date, month: int, day: int | None, future: bool) -> str | None:
    year = base.year
    try:
        candidate = dt.date(year, month, day or 1)
    except ValueError:
        return None
    ref = base if day else dt.date(base.year, base.month, 1)
    if future and candidate < ref:
        year += 1
    elif not future and candidate > ref:
        year -= 1
    try:
        resolved = dt.date(year, month, day or 1)
    except ValueError:
        return None
    return resolved.isoformat() if day else resolved.isoformat()[:7]


def _holiday(name: str, base: dt.date, future: bool) -> str:
    def on(year: int) -> dt.date:
        if name in HOLIDAYS:
            month, day = HOLIDAYS[name]
            return dt.date(year, month, day)
        month, weekday, which = FLOATING_HOLIDAYS[name]
        first = dt.date(year, month, 1)
        if which > 0:
            return first + dt.timedelta(days=(weekday - first.weekday()) % 7 + 7 * (which - 1))
        last = _shift_month(first, 1) - dt.timedelta(days=1)
        return last - dt.timedelta(days=(last.weekday() - weekday) % 7)

    day = on(base.year)
    if future and day < base:
        day = on(base.year + 1)
    elif not future and day > base:
        day = on(base.year - 1)
    return day.isoformat()


def resolve(doc: Doc, start: int, end: int, published: dt.date | None, last_year: int | None) -> str | None:
    """The value of the time expression doc[start:end], or None."""
    words = lowers(doc)[start:end]
    text = doc_text(doc)[doc[start].idx : doc[end - 1].idx + len(doc[end - 1].text)]
    if _is_absolute(doc[start].text, text, words):
        return _absolute_value(doc[start].text, text, words, published)
    if published is None:
        return None  # relative expressions need the publication date
    return _relative_value(doc, start, words, text, published, last_year)


def _is_decade(text: str, words: list[str]) -> bool:
    return bool(regexes.DECADE.match(text)) or any(w.endswith("s") and w[:-1].isdigit() for w in words)


def _is_absolute(first: str, text: str, words: list[str]) -> bool:
    """An expression that states its year, or a decade: no publication date needed."""
    return bool(
        _is_decade(text, words)
        or regexes.ISO_DATE.match(text)
        or regexes.FISCAL_YEAR.fullmatch(first)
        or regexes.YEAR_IN_TEXT.search(text)
    )


def _absolute_value(first: str, text: str, words: list[str], published: dt.date | None) -> str | None:
    """The value of an expression that states its year: "2014", "fiscal 2023", "FY24",
    "2024-07-23", "April 2021", "March 3, 2024"; None for a decade or a range."""
    if _is_decade(text, words):
        return None  # a decade is no date
    if iso := regexes.ISO_DATE.match(text):
        try:
            return dt.date(int(iso.group(1)), int(iso.group(2)), int(iso.group(3))).isoformat()
        except ValueError:
            return None
    if slash := regexes.SLASH_DATE.match(text):  # "5/3/2024": US order, month first
        try:
            return dt.date(int(slash.group(3)), int(slash.group(1)), int(slash.group(2))).isoformat()
        except ValueError:
            return None
    years = regexes.YEAR_IN_TEXT.findall(text)
    if len(years) > 1 or any(w in ("-", "\u2013") for w in words) and years:
        return None  # a range: "2022-23", "between 2007 and 2012"
    if fiscal := regexes.FISCAL_YEAR.fullmatch(first):
        y = int(fiscal.group("year"))
        return f"{y if y > 100 else 2000 + y:04d}"
    if not years:
        return None
    months = [MONTHS[w] for w in words if w in MONTHS]
    if not months:
        return years[0]  # "2014", "fiscal 2023", "the end of 2024", "spring 2020"
    parsed = dates.parse(text, published) if len(_days_of(words)) < 2 else None  # not a range of days
    if parsed is not None and str(parsed.date.year) == years[0]:
        return parsed.value
    days = _days_of(words)
    return f"{years[0]}-{months[0]:02d}" + (f"-{days[0]:02d}" if len(days) == 1 else "")


def _relative_value(
    doc: Doc, start: int, words: list[str], text: str, published: dt.date, last_year: int | None
) -> str | None:
    """The value of an expression relative to the publication date: a holiday, a relative
    phrase, a month or a weekday in the direction the tense gives, "last month", "two years ago"."""
    future = _future(doc, start)
    if (of_year := _month_of_relative_year(words, published, last_year)) is not None:
        return of_year
    if len(words) > 2 and words[0] in MONTHS and words[1] == "of" and words[2] not in MONTHS:
        return None  # "May of the same year" with no year named before: no guess at one
    holiday = text.lower()
    if holiday in HOLIDAYS or holiday in FLOATING_HOLIDAYS:
        return _holiday(holiday, published, future)
    if (value := _relative_phrase_value(words, published, last_year)) is not None:
        return value
    months = [MONTHS[w] for w in words if w in MONTHS]
    if months:
        days = _days_of(words)
        opener = OPENERS.get(words[0])
        day = days[0] if len(days) == 1 else None  # a range of days dates its month
        return _month_day(published, months[0], day, future if opener is None else opener > 0)
    weekday = next(
        (WEEKDAYS.get(w, WEEKDAY_ABBREVIATIONS.get(w)) for w in words if w in WEEKDAYS or w in WEEKDAY_ABBREVIATIONS),
        None,
    )
    if weekday is not None:
        opener = OPENERS.get(words[0])
        if opener == 1:
            return (_weekday(published + dt.timedelta(days=1), weekday, True)).isoformat()
        if opener == -1:
            return (_weekday(published - dt.timedelta(days=1), weekday, False)).isoformat()
        return _weekday(published, weekday, future).isoformat()
    return _unit_value(words, published)


def _month_of_relative_year(words: list[str], published: dt.date, last_year: int | None) -> str | None:
    """ "December of last year", "April of this year", "June of the same year": the month in the
    year the phrase after "of" names; None for no such phrase (or a year it cannot resolve)."""
    if len(words) < 3 or words[0] not in MONTHS or words[1] != "of":
        return None
    for relative, offset in RELATIVE_BY_FIRST.get(words[2], ()):
        if tuple(words[2:]) == relative:
            year = _relative_year(offset, False, last_year, published)
            return f"{year:04d}-{MONTHS[words[0]]:02d}" if year is not None else None
    return None


def _relative_phrase_value(words: list[str], published: dt.date, last_year: int | None) -> str | None:
    """ "so far this year", "earlier this month", "last year", "the year before" (the year before
    `last_year`, the one just named), "yesterday"; None for no such phrase."""
    for k in range(len(words)):
        phrase = RELATIVE_PHRASES.get(tuple(words[k:]))
        if phrase is not None:
            unit, shift = phrase
            return f"{published.year + shift:04d}" if unit == "year" else _shift_month(published, shift).isoformat()[:7]
    for relative, offset in RELATIVE_BY_FIRST.get(words[0], ()):
        if tuple(words[: len(relative)]) == relative:
            if offset == "same":
                return f"{last_year:04d}" if last_year else None
            if offset == "before":
                return f"{(last_year or published.year) - 1:04d}"
            if offset == "fiscal":
                return f"{last_fiscal_year(published):04d}"
            return f"{published.year + int(offset):04d}"
    if words[0] in RELATIVE_DAYS:
        return (published + dt.timedelta(days=RELATIVE_DAYS[words[0]])).isoformat()
    return None


def _week_month(published: dt.date, offset: int) -> str | None:
    """ "last week", "this week", "next week": a week has no date of its own, but one that lies in
    one month dates that month (Monday to Sunday); None for a week across two months."""
    monday = published - dt.timedelta(days=published.weekday()) + dt.timedelta(weeks=offset)
    sunday = monday + dt.timedelta(days=6)
    return monday.isoformat()[:7] if (monday.year, monday.month) == (sunday.year, sunday.month) else None


def _unit_value(words: list[str], published: dt.date) -> str | None:
    """ "last month", "this year", "two years ago", "three months ago"; None for a week, for an
    amount not stated ("over a week ago") or counted from another event ("two days later")."""
    if words[0] in OPENERS and len(words) >= 2 and words[1] in UNITS:
        unit, offset = UNITS[words[1]], OPENERS[words[0]]
        if unit == "year":
            return f"{published.year + offset:04d}"
        if unit == "month":
            return _shift_month(published, offset).isoformat()[:7]
        if unit == "week":
            return _week_month(published, offset)
        return None
    unit_word = next((w for w in words if w in UNITS), None)
    if unit_word is None:
        return None
    if any(w in AGO_WORDS and w != "ago" for w in words) and UNITS[unit_word] != "year":
        return None  # "two days later": after some event, not after publication
    if not any(w in AGO_WORDS for w in words[words.index(unit_word) + 1 :]):
        return None  # "the prior 25 years" is a span of time, not a time 25 years back
    amount = next((int(w) if w.isdigit() else _amount(w) for w in words if _is_amount(w) or w.isdigit()), None)
    unit = UNITS[unit_word]
    if amount is None or any(w in ("over", "about", "nearly", "almost", "more") for w in words):
        return None  # "over a week ago": no date at any precision
    if unit == "year":
        return f"{published.year - amount:04d}"
    if unit == "month":
        return _shift_month(published, -amount).isoformat()[:7]
    if unit == "day":
        return (published - dt.timedelta(days=amount)).isoformat()
    return None


def find_time_mentions(doc: Doc) -> list[TimeMention]:
    """Every time expression of the Doc with its value, in text order. A phrase dated from another
    occurrence ("that same night", "two days later", "in August of that year") takes its date
    from the time expression told last before it, a few sentences back at most."""
    published: dt.date | None = doc._.published
    found: list[TimeMention] = []
    last_year: int | None = None
    sentence_start = -1
    sentences = 0  # sentences read so far
    told: tuple[int, str] | None = None  # the sentence number and value of the last dated mention
    named_year: tuple[int, int] | None = None  # the sentence number and the last year the text named
    for start, end in _candidates(doc):
        sentence = sentence_of(doc[start])
        if sentence.start != sentence_start:  # "the year before" looks back in its sentence only
            sentence_start, last_year, sentences = sentence.start, None, sentences + 1
        words = lowers(doc)[start:end]
        same_year = last_year
        if same_year is None and named_year is not None and sentences - named_year[0] < ANAPHORA_REACH:
            same_year = named_year[1]  # "In 2019, ... In May of the same year, ...": the year just named
        mention = TimeMention(start, end, resolve(doc, start, end, published, same_year))
        recent = told is not None and sentences - told[0] < ANAPHORA_REACH
        if mention.value is None and recent and (shift := _anaphoric_shift(doc, start, end)) is not None:
            assert told is not None
            mention.value = _shifted(told[1], *shift)
        if mention.value is None and any(w in ANAPHORIC_UNITS for w in words):
            continue  # "minutes later" with no occurrence dated just before: no time expression at all
        if mention.value is not None and regexes.YEAR_IN_TEXT.search(mention.text(doc)):
            last_year = int(mention.value[:4])
            named_year = (sentences, last_year)
        if mention.value is not None and not regexes.DATE_LINE.match(sentence.text.strip()):
            told = (sentences, mention.value)
        found.append(mention)
    _years_from_range_ends(doc, found)
    return found


RANGE_JOINERS = frozenset(("and", "to", "through", "until", "-", "\u2013"))


def _years_from_range_ends(doc: Doc, found: list[TimeMention]) -> None:
    """A month without a year that opens a range whose end states its year takes that year:
    "between January and March 2023" is January 2023 (December of the year before for "from
    December to February 2024"), not the January nearest publication."""
    low = lowers(doc)
    for first, second in zip(found, found[1:], strict=False):
        words = low[first.start : first.end]
        if not (
            first.value is not None
            and len(first.value) == 7
            and all(w in MONTHS or _day_number(w) is not None or w == "," for w in words)
            and second.value is not None
            and len(second.value) >= 7
            and regexes.YEAR_IN_TEXT.search(second.text(doc))
            and 1 <= second.start - first.end <= 2
            and low[second.start - 1] in RANGE_JOINERS
        ):
            continue
        month, end_year, end_month = int(first.value[5:7]), int(second.value[:4]), int(second.value[5:7])
        year = end_year if month <= end_month else end_year - 1
        first.value = f"{year:04d}-{month:02d}"


def _anaphoric_shift(doc: Doc, start: int, end: int) -> tuple[str, int] | None:
    """The unit and offset of a phrase dated from another occurrence: "the next day" (day, 1),
    "later that month" (month, 0), "three days later" (day, 3), "ten minutes earlier" (day, 0);
    None for any other, for an amount not stated exactly ("about two weeks later") or counted from
    an occurrence it names ("two days before the vote", "minutes after officers arrived")."""
    words = lowers(doc)[start:end]
    if end < len(doc) and words[-1] in ("before", "after") and not (doc[end].is_punct or doc[end].is_space):
        return None
    if (phrase := ANAPHORIC.get(tuple(words))) is not None:
        return phrase
    if len(words) < 3 or words[-1] not in AGO_WORDS or words[-1] == "ago":
        return None
    unit, count = words[-2], words[-3]
    if unit in ANAPHORIC_UNITS:
        return ANAPHORIC_UNITS[unit], 0
    amount = int(count) if count.isdigit() else _amount(count)
    if unit not in UNITS or amount is None or len(words) > 3 or UNITS[unit] not in ("day", "week", "month"):
        return None
    sign = 1 if words[-1] == "later" else -1
    return UNITS[unit], sign * amount


def _shifted(value: str, unit: str, offset: int) -> str | None:
    """A date `offset` units from `value`: a shift by days or weeks needs a day to start from ("that
    same night" after "in January" has no date), a shift by months a month; weeks date a month."""
    parts = [int(p) for p in value.split("-")]
    if unit in ("day", "week") and len(parts) == 3:
        day = dt.date(*parts) + dt.timedelta(days=offset * (7 if unit == "week" else 1))
        return day.isoformat() if unit == "day" else day.isoformat()[:7]
    if unit == "month" and len(parts) >= 2:
        return _shift_month(dt.date(parts[0], parts[1], 1), offset).isoformat()[:7]
    return None


def date_mentions(doc: Doc, mentions: list[TimeMention]) -> list[DateMention]:
    text = doc_text(doc)
    out = []
    for m in mentions:
        s, e = doc[m.start].idx, doc[m.end - 1].idx + len(doc[m.end - 1].text)
        out.append(DateMention(text=text[s:e], start=s, end=e, value=m.value))
    return out
