"""Officials on real releases: who is one, with which title. Sentences written for these tests."""

from __future__ import annotations

import pytest
from spacy.language import Language

from extractor.extract import extract_text
from extractor.models import ArticleRecord


def officials(nlp: Language, text: str) -> list[tuple[str, str | None]]:
    result = extract_text(text, nlp)
    assert isinstance(result, ArticleRecord), result
    return sorted((o.name, o.title) for o in result.officials)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # full titles
        ("Vice-President Mike Pence spoke in the morning.", [("Mike Pence", "vice president")]),
        (
            "Chief Deputy District Attorney Rosa Vance filed the motion.",
            [("Rosa Vance", "chief deputy district attorney")],
        ),
        (
            "The raid was led by ATF Special Agent in Charge Lena Marsh of the field division.",
            [("Lena Marsh", "special agent in charge")],
        ),
        (
            "Assistant Special Agent in Charge Omar Haddad answered questions.",
            [("Omar Haddad", "assistant special agent in charge")],
        ),
        # a plural title shared by a list of names
        (
            "At trial, Deputy District Attorneys Hailey Brooks and Dana Lee presented the evidence.",
            [("Dana Lee", "deputy district attorney"), ("Hailey Brooks", "deputy district attorney")],
        ),
        (
            "Thank you, Supervisors Garcia, Whitman, and Okafor, for hosting us.",
            [("Garcia", "supervisor"), ("Okafor", "supervisor"), ("Whitman", "supervisor")],
        ),
    ],
)
def test_full_titles(nlp: Language, text: str, expected: list[tuple[str, str | None]]) -> None:
    assert officials(nlp, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # one-letter surname slips: the same person only when the role agrees
        (
            "Chief Robert Tracey opened the briefing. Later Tracy said the unit had grown.",
            [("Robert Tracey", "chief")],
        ),
        (
            "Police Chief Tom Hall opened the briefing. Det. Sara Hill said the unit had grown.",
            [("Sara Hill", "detective"), ("Tom Hall", "police chief")],
        ),
    ],
)
def test_aliases_merge_only_on_evidence(nlp: Language, text: str, expected: list[tuple[str, str | None]]) -> None:
    assert officials(nlp, text) == expected
