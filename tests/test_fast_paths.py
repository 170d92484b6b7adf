"""The shortcuts that keep figure, change and claim extraction fast (issue 14: at most 10% on top of
spaCy's own steps) give what the plain reading gives: each is checked against the slow way on
sentences written for these tests, with cases where it applies and cases where it must not."""

from __future__ import annotations

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from extractor.changes import _direction_candidates, direction_of
from extractor.components import lowers, next_index, number_tokens, sentences
from extractor.context import FactMatchers, matchers_for, needs_of
from extractor.numbers import NUMBER_WORDS, QUALIFIERS, qualifier_before, token_value
from extractor.timex import _may_name_year

MATCHED = [
    # periods, multi-year spans, averages, targets, the present
    "Through June, the county recorded 41 drownings, up from 30 in the first six months of 2022.",
    "Between 2015 and 2019, the fire district averaged 40 brush fires a year.",
    "The agency aims to plant 12,000 trees by 2030 and currently tends 8,500 of them.",
    "Over the past five years, crews repaired 3,100 water main breaks, or about 620 each year.",
    # differences, service numbers, ages, dates in another language, birth years
    "Thefts were down 12 from the year before, and calls to 911 rose to 5,200.",
    "Residents over the age of 65 made up 14 percent of the 2,300 patients.",
    "El informe del 21 de mayo de 2024 cuenta 300 casos.",
    "The museum, founded in 1909, welcomed 48,000 visitors in 2023.",
    # report titles
    "The 2021 Annual Housing Report counts 1,200 permits.",
]
UNMATCHED = [
    "The shelter placed 410 cats and 455 dogs.",  # numbers, but none of the patterns' words
    "The council met on Tuesday to discuss the library every year.",  # the words, but no number
    "Each of the 40 members voted for a new year of service.",  # "each", "a", "year", but not in a row
]


def _as_written(matchers: FactMatchers, doc: Doc) -> set[tuple[int, int, int]]:
    """Every token pattern run as one Matcher on every sentence that holds a number."""
    return {
        (m, s + sent.start, e + sent.start)
        for sent in doc.sents
        if any(t.lower_[:1].isdigit() or t.lower_ in NUMBER_WORDS for t in sent)
        for m, s, e in matchers.matcher(sent)
    }


@pytest.mark.parametrize("text", MATCHED + UNMATCHED)
def test_patterns_run_by_key_find_what_the_matcher_as_written_finds(nlp: Language, text: str) -> None:
    doc = nlp(text)
    matchers = matchers_for(doc.vocab)
    fast = matchers.token_matches(doc)
    assert len(fast) == len(set(fast))
    assert set(fast) == _as_written(matchers, doc)
    assert bool(fast) is (text in MATCHED)


@pytest.mark.parametrize(
    ("pattern", "words"),
    [
        ([{"LOWER": {"IN": ["up", "down"]}}, {"LIKE_NUM": True}], [{"up", "down"}]),
        ([{"LOWER": "over"}, {"LOWER": "the"}, {"LOWER": "years"}], [{"over"}, {"the"}, {"years"}]),
        ([{"TEXT": {"IN": ["911", "311"]}}, {"LOWER": "call"}], [{"911", "311"}, {"call"}]),
        # optional words and tokens tested otherwise ask nothing
        ([{"LOWER": "by"}, {"LOWER": "the", "OP": "?"}, {"SHAPE": "dddd"}], [{"by"}, {"dddd"}]),
        ([{"LIKE_NUM": True}, {"LOWER": {"NOT_IN": ["ago"]}}], []),
        ([{"TEXT": {"REGEX": "^\\d+-year$"}}, {"POS": {"IN": ["NOUN"]}}], []),
    ],
)
def test_a_pattern_needs_the_words_it_requires(pattern: list[dict[str, object]], words: list[set[str]]) -> None:
    from spacy.strings import get_string_id

    needs = needs_of(pattern)
    assert [set(values) for view, values in needs if isinstance(view, int)] == [
        {get_string_id(w) for w in ws} for ws in words
    ]


@pytest.mark.parametrize(
    ("pattern", "pairs"),
    [
        ([{"LOWER": {"IN": ["each", "a"]}}, {"LOWER": "year"}], {("each", "year"), ("a", "year")}),
        ([{"LOWER": "over"}, {"LOWER": "the"}, {"LOWER": "years"}], {("over", "the"), ("the", "years")}),
        # an optional token between, or a token tested otherwise, makes no pair
        ([{"LOWER": "by"}, {"LOWER": "the", "OP": "?"}, {"SHAPE": "dddd"}], set()),
        ([{"LOWER": "up"}, {"LIKE_NUM": True}, {"LOWER": "percent"}], set()),
    ],
)
def test_two_required_tokens_in_a_row_need_their_pair(
    pattern: list[dict[str, object]], pairs: set[tuple[str, str]]
) -> None:
    from spacy.strings import get_string_id

    found = {pair for view, values in needs_of(pattern) if not isinstance(view, int) for pair in values}
    assert found == {(get_string_id(a), get_string_id(b)) for a, b in pairs}


@pytest.mark.parametrize(
    "text",
    [
        "Inspectors closed 12 restaurants and forty-two food trucks in 2020.",
        "A dozen volunteers counted 1,204 birds, 3.5 times the count of 2019.",
        "Nobody was hurt when the old barn burned down.",
    ],
)
def test_number_tokens_values_and_lowercase_forms_are_those_of_the_tokens(nlp: Language, text: str) -> None:
    doc = nlp(text)
    assert lowers(doc) == [t.lower_ for t in doc]
    assert number_tokens(doc) == [t.i for t in doc if t.lower_[:1].isdigit() or t.lower_ in NUMBER_WORDS]
    assert [t._.number for t in doc] == [token_value(t.text) for t in doc]
    assert sentences(doc) == list(doc.sents)


@pytest.mark.parametrize(
    ("indices", "i", "end", "expected"),
    [
        ([2, 5, 9], 0, 10, 2),
        ([2, 5, 9], 5, 10, 5),
        ([2, 5, 9], 6, 10, 9),
        ([2, 5, 9], 6, 8, 8),  # the next one lies beyond the end
        ([], 0, 4, 4),
    ],
)
def test_next_index(indices: list[int], i: int, end: int, expected: int) -> None:
    assert next_index(indices, i, end) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Burglaries increased 9% while robberies dropped sharply and thefts were down.",
        "The rise in bicycle crashes alarmed the board, which saw fewer crashes in May.",
        "The board approved the budget on Monday.",
    ],
)
def test_direction_candidates_hold_every_direction_word(nlp: Language, text: str) -> None:
    doc = nlp(text)
    candidates = set(_direction_candidates(doc))
    moving = {t.i for t in doc if direction_of(t) is not None}
    assert moving <= candidates
    assert all(t.lower_ not in ("the", "board", "budget", "monday") for t in doc if t.i in candidates)


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("2021", True),
        ("1999", True),
        ("fy2020", True),
        ("last", True),
        ("1,204", False),
        ("12", False),
        ("3000", False),
    ],
)
def test_may_name_year(word: str, expected: bool) -> None:
    assert _may_name_year(word) is expected


@pytest.mark.parametrize(
    "words",
    [
        ["police", "made", "more", "than", "40", "arrests"],
        ["nearly", "300", "calls"],
        ["at", "least", "12", "fires"],
        ["the", "40", "arrests"],
        ["40", "arrests"],
    ],
)
def test_qualifier_before_is_the_longest_phrase_before_the_number(words: list[str]) -> None:
    i = next(k for k, w in enumerate(words) if w[0].isdigit())
    expected = next(
        ((q, i - len(p)) for p, q in QUALIFIERS if i - len(p) >= 0 and words[i - len(p) : i] == p),
        None,
    )
    qualifier, start = qualifier_before(words, i, 0)
    if expected is None:
        assert start == i
    else:
        assert (qualifier, start) == expected


CLAIM_SENTENCES = [
    "The town recorded its fewest traffic deaths since 2009.",  # a superlative and its anchor
    "Burglaries reached an all-time high of 1,400 in 2019.",  # an extreme
    "More riders took the bus in 2022 than in the past five years.",  # a comparative extreme
    "The deadliest year for crashes was 2016, the worst on record.",
    "Fares have risen since 2015.",  # an anchor with no superlative to serve: not read
    "The library opened a new branch on Friday.",  # nothing
]


def _claims_as_written(doc: Doc) -> tuple[list[tuple[str, int, int]], list[tuple[str, int, int]]]:
    """Anchors and extremes by one Matcher of all the claim patterns on every sentence with a
    trigger word; the anchors of the sentences with a superlative word (only they are read)."""
    from spacy.matcher import Matcher

    from extractor import claims

    matcher = Matcher(doc.vocab)
    for group in ("time_anchor_patterns", "extreme_patterns"):
        for label, patterns in claims.RULES[group].items():
            if not label.startswith("_"):
                matcher.add(f"{group}:{label}", patterns)
    anchors, extremes = [], []
    for sent in doc.sents:
        words = [t.lower_ for t in sent]
        if not any(w in claims.TRIGGERS for w in words):
            continue
        for m, s, e in matcher(sent):
            group, label = doc.vocab.strings[m].split(":")
            if group == "extreme_patterns":
                extremes.append((label, s + sent.start, e + sent.start))
            elif any(w in claims.SUPERLATIVES for w in words):
                anchors.append((label, s + sent.start, e + sent.start))
    return sorted(anchors, key=lambda a: a[1]), claims._longest(extremes)


@pytest.mark.parametrize("text", CLAIM_SENTENCES)
def test_claim_anchors_and_extremes_are_those_of_the_matcher_as_written(nlp: Language, text: str) -> None:
    from extractor.claims import _matchers

    doc = nlp(text)
    assert _matchers(doc.vocab).find(doc) == _claims_as_written(doc)


def test_the_claim_sentences_hold_anchors_and_extremes(nlp: Language) -> None:
    from extractor.claims import _matchers

    found = [_matchers(nlp.vocab).find(nlp(text)) for text in CLAIM_SENTENCES]
    assert [bool(anchors) for anchors, _ in found] == [True, False, False, True, False, False]
    assert [bool(extremes) for _, extremes in found] == [False, True, True, True, False, False]
