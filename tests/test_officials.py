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
        ("Vice-President Dana Whitcomb spoke in the morning.", [("Dana Whitcomb", "vice president")]),
        # a first name the recognizer reads as a season is still a name
        ("\u201cWe are ready,\u201d said DA Summer Whitfield.", [("Summer Whitfield", "district attorney")]),
        # an appositive title with a participle in it
        (
            "Ann Cole, the county's newly elected health director, said cases rose.",
            [("Ann Cole", "newly elected health director")],
        ),
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
            "In court, Deputy District Attorneys Nora Brooks and Dana Lee argued for a longer term.",
            [("Dana Lee", "deputy district attorney"), ("Nora Brooks", "deputy district attorney")],
        ),
        (
            "We met with Supervisors Garcia, Whitman, and Okafor on the budget.",
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


@pytest.mark.parametrize(
    "text",
    [
        # a title word inside an organization's name, then a word of that name
        "Grants pay for the state's Rural Courts Prosecutor Program. The program trains staff.",
        # a headline in capitals
        "HARBOR COUNTY DISTRICT ATTORNEY ANN COLE WELCOMES NEW TASK FORCE\nThe task force met Monday.",
        # words the article writes in lowercase too: a unit, not a person
        "The Major Theft Unit filed the case. Theft cases rose, and theft losses doubled.",
        # a capitalized word before a role noun is part of the title, not a name
        "Deputy Chief Financial Officer positions were cut.",
        # a day after a title is no name
        "Both contenders argued at length over who would make the better commander in chief Thursday night.",
        # a clause or a list of people after a comma is no title: no official here
        "In an interview with Morning Talk with Rusty Hale, Reyes made it plain that he had serious doubts.",
        "The hall honors the singer Ann Cole, the boxer Tom Reyes and the Supreme Court justice who wrote it.",
        # a plural title ending a body's name is no list of names after it
        "At the request of the Board of Supervisors, Harbor County staff wrote a plan.",
        # a plural after a title word: a place, not a person
        "Families can find help at the county's Family Justice Centers downtown.",
        # private roles led by a private body's name
        "Campaign treasurer Mike Dunn and campaign manager Lee Park thanked volunteers.",
    ],
)
def test_only_people_with_public_roles_are_officials(nlp: Language, text: str) -> None:
    assert officials(nlp, text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a release's contact block: a name line, then a title line
        (
            "For Immediate Release\nContact:\nMarta Lindqvist\nCommunications Counsel\n(555) 347-8408 Office\n"
            "The office filed charges on Monday.",
            [("Marta Lindqvist", "communications counsel")],
        ),
        # an acronym between the title and the name
        ("Harbor County District Attorney (HCDA) Tony Ruiz spoke.", [("Tony Ruiz", "county district attorney")]),
        # a bare title before a surname alone is an office
        ("We wrote to President Lindgren about the bridge.", [("Lindgren", "president")]),
        # an acronym before a private-or-public role tells nothing: the office counts
        ("\u201cDrive sober,\u201d said HTS Director Barbara Lindqvist.", [("Barbara Lindqvist", "director")]),
    ],
)
def test_officials_in_release_layouts(nlp: Language, text: str, expected: list[tuple[str, str | None]]) -> None:
    assert officials(nlp, text) == expected
