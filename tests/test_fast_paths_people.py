"""The shortcuts that keep dates, places and people fast (issue 19) give what the plain reading
gives: each is checked against the slow way on sentences written for these tests, with cases
where it applies and cases where it must not."""

from __future__ import annotations

import datetime as dt

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from extractor import dates, events, location, people, timex
from extractor.components import doc_text, entities, texts

SENTENCES = [
    # dates: months with days and years, weekdays, relative phrases, amounts of time, fiscal years
    "On Tuesday night, Nov. 14, 2023, the board met; two years ago it met in May 2021.",
    "The clinic opened last week and will close next month, three weeks earlier than planned.",
    "In fiscal 2023 and FY24 the fund grew, as it did in the 1990s and on Labor Day.",
    "The report, dated 2024-07-23, covers 2019 to 2021 and the year before.",
    # no time expression at all, but capitals, numbers and marks
    "May we ask the 40 volunteers what they saw near Elm Street?",
    # people: titles, nicknames, appositives, lists, surnames alone
    "Police Chief Lena Marsh said Sheriff Tom Reyes spoke with Thomas J. \u201cTommy\u201d Hale.",
    "Nadia Prosser, the city's homeless strategy director, met Supervisors Ann Cole and Lee Park.",
    "Special Agent in Charge Dana Whitfield thanked Whitfield's team; Marsh agreed.",
    "The storm passed quietly over the valley.",
]
ODD_SPACING = [
    "Two  spaces, a tab\there and a line\n\nbreak.  ",
    "   Leading spaces and a trailing newline\n",
    "Punctuation\u2014dashes \u201cquotes\u201d and    gaps .",
]


def _plain_relative_spans(low: list[str], i: int) -> list[tuple[int, int]]:
    """`timex._relative_spans` as first written: the phrase table sorted again for each word."""
    spans: list[tuple[int, int]] = []
    w = low[i]
    phrases = sorted(((k, v) for k, v in timex.RELATIVE_PHRASES.items() if k[0] == w), key=lambda kv: -len(kv[0]))
    for words, _ in phrases:
        if tuple(low[i : i + len(words)]) == words:
            spans.append((i, i + len(words)))
            break
    for words, _ in timex.RELATIVE_BY_FIRST.get(w, ()):
        if tuple(low[i : i + len(words)]) == words:
            spans.append((i, i + len(words)))
            break
    return spans


def test_relative_phrases_by_first_word_are_in_the_order_sorting_gives() -> None:
    for first, phrases in timex.RELATIVE_PHRASES_BY_FIRST.items():
        plain = sorted((k for k in timex.RELATIVE_PHRASES if k[0] == first), key=lambda k: -len(k))
        assert phrases == plain
    assert {k[0] for k in timex.RELATIVE_PHRASES} == set(timex.RELATIVE_PHRASES_BY_FIRST)


def _plain_candidates(doc: Doc) -> list[tuple[int, int]]:
    """`timex._candidates` as first written: every token tried as the opening of each shape."""
    low = timex.lowers(doc)
    spans: list[tuple[int, int]] = []
    for i in range(len(doc)):
        spans += _plain_relative_spans(low, i)
        if (shape := timex._shape_span(doc, low, i)) is not None:
            spans.append(shape)
        if (ago := timex._ago_span(doc, low, i)) is not None:
            spans.append(ago)
    spans += timex._holiday_spans(doc)
    own = timex._merge(doc, spans)
    taken = {k for s, e in own for k in range(s, e)}
    for ent in doc.ents:
        if ent.label_ == "DATE" and timex._is_date_entity(ent) and not taken & set(range(ent.start, ent.end)):
            own.append((ent.start, ent.end))
    return timex._merge(doc, own)


@pytest.mark.parametrize("text", SENTENCES)
def test_time_expressions_looked_for_at_opening_words_are_those_of_every_word(nlp: Language, text: str) -> None:
    doc = nlp(text)
    low = timex.lowers(doc)
    opening = set(timex._time_words(doc))
    for i in range(len(doc)):  # every word that opens something is among the words tried
        if _plain_relative_spans(low, i) or timex._shape_span(doc, low, i) or timex._ago_span(doc, low, i):
            assert i in opening, doc[i].text
    found = timex._candidates(doc)
    assert found == _plain_candidates(doc)
    assert bool(found) is (text in SENTENCES[:4])


@pytest.mark.parametrize(
    ("word", "opens"),
    [
        ("march", True),
        ("tue.", True),
        ("yesterday", True),
        ("weeks", True),  # the unit of "three weeks earlier"
        ("fy24", True),
        ("1990s", True),
        ("\u0662\u0660\u0662\u0661", True),  # digits of another script: what the patterns' \d reads
        ("storm", False),
        ("volunteers", False),
        (",", False),
    ],
)
def test_words_that_may_open_a_time_expression(word: str, opens: bool) -> None:
    assert timex._may_open_time(word) is opens


@pytest.mark.parametrize(
    ("text", "base"),
    [
        ("March 3, 2024", dt.date(2024, 5, 1)),
        ("Nov. 14, 2023", dt.date(2023, 12, 1)),
        ("not a date at all", dt.date(2024, 1, 1)),
        ("March 3", dt.date(2024, 5, 1)),
    ],
)
def test_parse_kept_per_text_and_date_is_the_parse_of_the_moment(text: str, base: dt.date) -> None:
    first = dates.parse(text, base)
    assert first == dates._parse(text, base, "past")
    assert dates.parse(text, base) is first  # asked again: the same answer, not parsed again


def test_parse_without_a_date_is_never_kept() -> None:
    dates._parse_against.cache_clear()
    dates.parse("March 3, 2024", None)
    assert dates._parse_against.cache_info().currsize == 0


@pytest.mark.parametrize("text", SENTENCES + ODD_SPACING)
def test_texts_and_text_are_those_of_the_tokens(nlp: Language, text: str) -> None:
    doc = nlp(text)
    assert texts(doc) == [t.text for t in doc]
    assert doc_text(doc) == doc.text == text


@pytest.mark.parametrize("text", SENTENCES)
def test_name_words_are_the_tokens_that_read_as_name_words(nlp: Language, text: str) -> None:
    doc = nlp(text)
    flags, indices = people._name_words(doc)
    assert flags == [people._is_name_word(t) for t in doc]
    assert indices == [t.i for t in doc if people._is_name_word(t)]


@pytest.mark.parametrize("text", SENTENCES)
def test_common_words_are_the_lowercase_words_and_their_lemmas(nlp: Language, text: str) -> None:
    doc = nlp(text)
    plain = {t.lemma_.lower() for t in doc if t.is_lower and t.is_alpha} | {t.lower_ for t in doc if t.is_lower}
    assert people._common_words(doc) == plain


@pytest.mark.parametrize("text", SENTENCES)
def test_compound_titles_by_last_word_find_what_every_title_finds(nlp: Language, text: str) -> None:
    doc = nlp(text)
    low = people.lowers(doc)

    def plain(end: int) -> tuple[list[str], int] | None:
        for title in people.COMPOUND_TITLES:
            n = len(title)
            if end >= n and tuple(low[end - n : end]) == title and doc[end - 1].text[:1].isupper():
                return list(title), end - n
        return None

    assert [people._compound_title_before(doc, end) for end in range(len(doc) + 1)] == [
        plain(end) for end in range(len(doc) + 1)
    ]


def test_compound_title_found_before_a_name(nlp: Language) -> None:
    doc = nlp("Special Agent in Charge Dana Whitfield spoke.")
    assert people._compound_title_before(doc, 4) == (["special", "agent", "in", "charge"], 0)
    assert people._compound_title_before(doc, 5) is None


@pytest.mark.parametrize(
    ("text", "words", "expected"),
    [
        ("Police in Millbrook and Stockton police met near the park.", ("police",), [0, 5]),
        ("Police in Millbrook and Stockton police met near the park.", ("in", "near"), [1, 7]),
        ("The storm passed quietly.", ("in", "near"), []),
    ],
)
def test_indices_of_words(nlp: Language, text: str, words: tuple[str, ...], expected: list[int]) -> None:
    doc = nlp(text)
    assert location._indices_of(doc, words) == expected == [t.i for t in doc if t.lower_ in words]


@pytest.mark.parametrize("text", SENTENCES)
def test_entities_are_the_docs_and_made_again_when_they_change(nlp: Language, text: str) -> None:
    doc = nlp(text)
    assert entities(doc) == tuple(doc.ents)
    assert entities(doc) is entities(doc)  # kept
    doc.ents = []
    assert entities(doc) == ()


@pytest.mark.parametrize("text", SENTENCES + ["Crowds in Boston, Denver and Lake Tahoe watched the Super Bowl."])
def test_entities_within_a_span_are_the_spans(nlp: Language, text: str) -> None:
    doc = nlp(text)
    for start in range(len(doc)):
        for end in range(start + 1, len(doc) + 1):
            span = doc[start:end]
            assert events._ents_within(span) == list(span.ents)
