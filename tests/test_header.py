"""Title and publication date from the header of a text (extractor/header.py). Every header here is
written for these tests."""

from __future__ import annotations

import datetime as dt

import pytest

from extractor.header import head_metadata
from extractor.ingest import normalize

BODY = "The county said on Monday that its new shelter had taken in 312 animals since it opened in 2019."


@pytest.mark.parametrize(
    ("header", "published"),
    [
        # the release's own date
        ("For Immediate Release\nJune 3rd, 2004", "2004-06-03"),
        ("FOR IMMEDIATE RELEASE:\nMarch 9, 2020\nCONTACT\n:\npress@example.gov", "2020-03-09"),
        ("FOR IMMEDIATE RELEASE\nDate: February 6, 2017", "2017-02-06"),
        ("News Release - August 14, 2012", "2012-08-14"),
        # ... wins over a website's re-publication date above it
        ("Author\nNews Team\nPublished\nMarch 9, 2012\nFor Immediate Release\nJune 3rd, 2004", "2004-06-03"),
        # labelled dates, the label on the line or alone above the date
        ("Published March 3, 2024", "2024-03-03"),
        ("Posted on: May 1, 2019", "2019-05-01"),
        ("Published\nDecember 8, 2020", "2020-12-08"),
        ("Date: 2018-10-15", "2018-10-15"),
        ("Updated: Tue, Jan 9, 2024 10:32 a.m. ET", "2024-01-09"),
        ("Posted\nJune 3, 2021\nUpdated\nJune 5, 2021", "2021-06-03"),  # the first publication, not the update
        # a date with a contact; a date line near the headline
        ("October 15, 2018 Contact: Lee Ortiz\nCounty Clerk's Office", "2018-10-15"),
        ("Shelter takes in more animals\n\nNovember 7, 2022", "2022-11-07"),
        ("Shelter takes in more animals\nThursday, December 27, 2018", "2018-12-27"),
        # no date in the header
        ("Shelter takes in more animals", None),
        ("Shelter takes in more animals\nBy Lee Ortiz", None),
        # a time relative to the reader dates nothing: the machine's clock is never read
        ("Shelter takes in more animals\nPosted 2 hours ago", None),
        ("Published today\nShelter takes in more animals", None),
        ("Updated yesterday at 5:30 p.m.", None),
    ],
)
def test_publication_date_from_the_header(header: str, published: str | None) -> None:
    _, found = head_metadata(normalize(f"{header}\n{BODY}"))
    assert (found.isoformat() if found else None) == published


DECK = "Shelter Opens Its Doors - Nearly 300 families have been waiting for a place to stay since the flood."


@pytest.mark.parametrize(
    ("header", "published"),
    [
        # a headline whose deck is a sentence ends the header early: the release block's labelled
        # lines below it still date the page
        (f"{DECK}\nMenu\nPublished\nApril 2, 2031\n{DECK}\nFOR IMMEDIATE RELEASE\nDate: April 2, 2031", "2031-04-02"),
        (f"{DECK}\nSkip to content\nDate: 2029-11-30", "2029-11-30"),
        (f"{DECK}\nNews\nFor Immediate Release\nJuly 4, 2030", "2030-07-04"),
        # a bare date further down is any date, not the page's
        (f"{DECK}\nNews\nJuly 4, 2030", None),
        (f"{DECK}\nThe shelter closed on July 4, 2030.", None),
    ],
)
def test_labelled_dates_after_a_headline_that_reads_as_a_sentence(header: str, published: str | None) -> None:
    _, found = head_metadata(normalize(f"{header}\n{BODY}"))
    assert (found.isoformat() if found else None) == published


def test_a_page_timestamp_dates_the_article_wherever_it_stands() -> None:
    footer = "https://example.org/shelter.jpg\n2019-06-04 09:12:55\n2019-06-05 10:00:00"
    text = f"Shelter takes in more animals\n{BODY}\n{footer}"
    assert head_metadata(text)[1] == dt.date(2019, 6, 4)


@pytest.mark.parametrize(
    "text",
    [
        f"{BODY}\nRecent News\nMay 28, 2026\nAnother story entirely",  # a sidebar date after the article
        "The council met on March 3, 2024 to vote on the plan for the new library branch downtown.",
        "Shelter numbers\n\nMarch 3, 2024 — the county said the count rose.",  # a date that opens a sentence
        "2020: 263 HOMICIDES\n\n2021: 201 HOMICIDES",
    ],
)
def test_dates_that_are_not_the_publication_date(text: str) -> None:
    assert head_metadata(normalize(text))[1] is None


@pytest.mark.parametrize(
    ("header", "title"),
    [
        ("Shelter takes in more animals\nPublished March 3, 2024", "Shelter takes in more animals"),
        ("Skip to main content\nShelter takes in more animals\n\nNovember 7, 2022", "Shelter takes in more animals"),
        ("# Shelter takes in more animals", "Shelter takes in more animals"),
        ("SHELTER TAKES IN MORE ANIMALS - OVER 300 SINCE 2019", "SHELTER TAKES IN MORE ANIMALS - OVER 300 SINCE 2019"),
        (
            "May 3, 2022 Contact: Lee Ortiz\nCounty Clerk's Office\n555-0100\n"
            "For Immediate Release: County Shelter Takes In More Animals Than\nAny Year Since It Opened",
            "County Shelter Takes In More Animals Than Any Year Since It Opened",
        ),
        ("For Immediate Release\nJune 3rd, 2004", None),
        ("Scroll to top\nFollow Us\nSearch for", None),
        # a relative time stamp is no headline
        ("Posted 2 hours ago\nShelter takes in more animals", "Shelter takes in more animals"),
        ("Updated: 5 min ago\nShelter takes in more animals", "Shelter takes in more animals"),
        # a line in another language is passed over like navigation, never the title
        ("Jueves, 9 de Marzo de 2023\nShelter takes in more animals", "Shelter takes in more animals"),
        (
            "Lea esta noticia en la versión para los vecinos\nShelter takes in more animals",
            "Shelter takes in more animals",
        ),
    ],
)
def test_title_from_the_header(header: str, title: str | None) -> None:
    body = "(Riverton, Ore.) – " + BODY if "Immediate Release:" in header else BODY
    assert head_metadata(normalize(f"{header}\n{body}"))[0] == title
