"""Body detection for plain text (extractor/body.py): one table per class of line, then whole
pages, batches and the language check. Every line here is written for these tests."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest
from spacy.language import Language

from extractor.body import (
    clean_articles,
    find_body,
    is_chrome_line,
    is_contact_line,
    is_foreign,
    is_headline,
    is_prose,
    is_trailing_heading,
    is_truncated,
    language_problem,
)
from extractor.extract import extract_records
from extractor.ingest import iter_articles
from extractor.models import Article, ArticleRecord, ErrorKind, ExtractionError

# --- classes of lines ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "prose"),
    [
        ("The county recorded 41 burglaries in March, down from 58 a year earlier.", True),
        ("“We are not done yet,” the chief told reporters on the courthouse steps.", True),
        ("and the deputies who answered the call were praised by the review board for their calm", True),
        ("Harbor Patrol Seizes Record Haul of Illegal Fishing Nets Off the Point", False),  # title case
        ("Library fines dropped as the city tries to win back lapsed readers", False),  # headline
        ("VOTERS BACK THE NEW TRANSIT LEVY BY A WIDE MARGIN IN EVERY WARD.", False),  # capitals
        ("The mayor said on Friday that the budget talks would resume next week and …", False),  # teaser
        ("Read the full statement here.", False),  # too short
        ("https://example.org/news/2024/05/a-long-address-with-many-words-in-it-for-testing", False),
    ],
)
def test_prose_lines(line: str, prose: bool) -> None:
    assert is_prose(line) is prose


@pytest.mark.parametrize(
    ("line", "truncated"),
    [
        ("The sheriff announced today that a man accused of two thefts …", True),
        ("Council members voted to extend the pilot program for ...", True),
        ("A new report on school attendance […]", True),
        ("The sheriff announced the arrest.", False),
        ("Wait for it... then the vote came.", False),
    ],
)
def test_teasers_cut_short(line: str, truncated: bool) -> None:
    assert is_truncated(line) is truncated


@pytest.mark.parametrize(
    ("line", "chrome"),
    [
        ("Skip to main content", True),
        ("Scroll to top", True),
        ("Share", True),
        ("Follow Us", True),
        ("7 min read", True),
        ("[WATCH THE BRIEFING]", True),
        ("https://example.org/images/photo-of-the-event.jpg", True),
        ("press.office@example.gov", True),
        ("/", True),
        ("2", True),
        ("Home", True),
        ("A Second Chance at School", False),  # a section heading of the article
        ("• 2021: 388", False),  # data
        ("2019\t1,204\t3.1", False),  # a table row
        ("The board met twice.", False),
    ],
)
def test_chrome_lines(line: str, chrome: bool) -> None:
    assert is_chrome_line(line) is chrome


@pytest.mark.parametrize(
    ("line", "heading"),
    [
        ("Recent News", True),
        ("Latest Posts", True),
        ("Related stories:", True),
        ("You may also like", True),
        ("Recent changes to the parking code", False),
        ("News from the council", False),
    ],
)
def test_trailing_headings(line: str, heading: bool) -> None:
    assert is_trailing_heading(line) is heading


@pytest.mark.parametrize(
    ("line", "foreign"),
    [
        ("La oficina del fiscal abrió una línea para las denuncias de los vecinos", True),
        ("Le conseil municipal a voté pour la rénovation des écoles et du stade", True),
        ("Die Polizei hat den Fahrer nach der Kontrolle mit einer Anzeige entlassen", True),
        ("Văn phòng của quận đã mở đường dây nóng cho các cư dân vào tháng này", True),
        ("The office opened a hotline for residents of the county this spring", False),
        ("Officers met with the El Camino Real business association", False),
        ("Fiesta Days return", False),  # too short to tell
        # dates written in another language
        ("14 de Junio de 2027", True),
        ("Viernes, 14 de junio, 2027", True),
        ("vendredi 14 juin 2027", True),
        ("Montag Juni 2027", True),
        ("June 14, 2027", False),  # English
        ("14 de Junio", True),  # a day and a month
        ("Mars 2020", False),  # a capitalized name alone may be English (the planet)
        ("Mayo Clinic 2027", False),  # an English word beside it
        ("Juni", False),  # no number
    ],
)
def test_lines_in_another_language(line: str, foreign: bool) -> None:
    assert is_foreign(line) is foreign


@pytest.mark.parametrize(
    ("line", "headline"),
    [
        ("Harbor Patrol Seizes Record Haul of Illegal Fishing Nets", True),
        ("Library fines dropped as the city tries to win back readers", True),
        ("TWO ARRESTED AFTER WAREHOUSE FIRE - OVER 40 CREWS RESPOND", True),  # capitals, not a dateline
        ("DAYTON, Ohio - The council voted on Tuesday", False),  # a dateline paragraph
        ("The council voted on Tuesday.", False),
        ("Published March 3, 2024", False),
        ("2020: 263 HOMICIDES", False),
        ("Skip to content", False),
    ],
)
def test_headline_lines(line: str, headline: bool) -> None:
    assert is_headline(line) is headline


@pytest.mark.parametrize(
    ("line", "contact"),
    [
        ("Media contact: Dana Whitfield, public information officer", True),
        ("Contact: Lee Ortiz (555) 010-2233", True),
        ("Contact us", False),
        ("The contact between the two cars was minor.", False),
    ],
)
def test_contact_lines(line: str, contact: bool) -> None:
    assert is_contact_line(line) is contact


# --- whole pages --------------------------------------------------------------------------------

ARTICLE = [
    "Harbor Patrol Seizes Record Haul of Illegal Fishing Nets",
    "Published",
    "May 2, 2024",
    "Share",
    "PORT ELLIS - Harbor patrol officers seized 212 illegal nets in 2023, the most the agency has ever recorded, "
    "the port authority said on Thursday.",
    "[WATCH THE VIDEO]",
    "The seizures rose from 150 in 2022, according to the authority's annual report.",
    "“Every net we pull out of the water is a net that does not kill a turtle,” said Harbor Master Jo Pratt.",
]
CHROME_AFTER = [
    "Recent News",
    "Council Approves New Ferry Schedule",
    "April 30, 2024",
    "The port authority announced today that the ferry to the north islands will …",
    "Stay Connected",
    "facebook",
    "Harbor Hall • 1 Quay Street, Port Ellis",
]
NAV_BEFORE = ["Skip to content", "Home", "/", "News", "/"]


def test_a_page_keeps_the_article_and_loses_its_chrome() -> None:
    body = find_body("\n".join([*NAV_BEFORE, *ARTICLE, *CHROME_AFTER]))
    lines = body.text.split("\n")
    assert lines[0] == ARTICLE[0]  # the headline above the article is kept
    assert ARTICLE[4] in lines and ARTICLE[-1] in lines
    assert "[WATCH THE VIDEO]" not in lines and "Share" not in lines
    assert not any(line in lines for line in CHROME_AFTER + NAV_BEFORE)
    assert body.removed_lines >= len(CHROME_AFTER) + len(NAV_BEFORE)
    assert "site chrome removed" in (body.warning() or "")


def test_sentence_fragments_split_by_links_stay() -> None:
    text = "\n".join(
        [
            "Menu",
            "Grant Helps Clinic Reach Rural Patients",
            "County Health Director",
            "Maria Soto",
            "announced today that the clinic will add two mobile units, which served 3,100 patients in 2023.",
            "The units will visit",
            "Pine Hollow",
            "and three other towns every week, according to the health department's plan.",
            "Latest News",
            "Road Work Begins on Route 9",
        ]
    )
    lines = find_body(text).text.split("\n")
    assert lines[:3] == ["Grant Helps Clinic Reach Rural Patients", "County Health Director", "Maria Soto"]
    assert "Pine Hollow" in lines
    assert "Road Work Begins on Route 9" not in lines and "Menu" not in lines


def test_the_release_block_and_its_contact_stay() -> None:
    text = "\n".join(
        [
            "Press",
            "Author",
            "Web Team",
            "County Warns of Scam Calls",
            "For Immediate Release",
            "June 4th, 2019",
            "Contact:",
            "Pat Reyes",
            "Public Affairs Officer",
            "(555) 010-4477",
            "RIVERTON - The county treasurer warned residents on Tuesday that callers posing as tax officials "
            "had reached at least 75 homes in 2019.",
            "# # #",
            "Latest Posts",
            "Fair Opens Friday",
        ]
    )
    lines = find_body(text).text.split("\n")
    assert lines[:4] == ["County Warns of Scam Calls", "For Immediate Release", "June 4th, 2019", "Contact:"]
    assert "Pat Reyes" in lines and "Public Affairs Officer" in lines
    assert "Fair Opens Friday" not in lines and "Author" not in lines


def test_data_lines_and_short_sentences_after_the_last_paragraph_stay() -> None:
    text = "\n".join(
        [
            "Arson cases by year",
            "The fire marshal's office released its count of arson cases on Monday, showing a steady decline.",
            "• 2021: 96",
            "• 2022: 81",
            "• 2023: 64",
            "“We are not finished,” she said.",
            "Media contact: Dana Whitfield, public information officer",
        ]
    )
    assert find_body(text).text == text


@pytest.mark.parametrize(
    "text",
    [
        "2020: 263 HOMICIDES\n2021: 201 HOMICIDES\n2022: 200 HOMICIDES",  # no prose line at all
        "A short note.\nAnother one.",  # fewer than three lines
        "One paragraph of plain text in which the council approved a budget of four million dollars.",
    ],
)
def test_texts_without_a_page_around_them_are_kept_whole(text: str) -> None:
    body = find_body(text)
    assert body.text == text and body.removed_lines == 0 and body.warning() is None


ENGLISH_PAGE_WITH_SPANISH_LINES = [
    "Ferry Ridership Climbs Again",
    "PORT ELLIS - The ferry carried 48,000 riders in 2023, up from 41,000 in 2022, the port authority said on "
    "Thursday.",
    "",
    "Sábado, 12 de Octubre de 2030",
    "",
    "The authority said it would add a second boat on weekends next summer to meet the demand.",
    "",
    "Lea este anuncio en español y comparta la noticia con los vecinos",
    "",
    "Riders can buy passes at the terminal or online, the authority said.",
]


def test_lines_in_another_language_inside_an_english_page_are_chrome() -> None:
    body = find_body("\n".join(ENGLISH_PAGE_WITH_SPANISH_LINES))
    assert "Octubre" not in body.text and "español" not in body.text
    assert ENGLISH_PAGE_WITH_SPANISH_LINES[1] in body.text and ENGLISH_PAGE_WITH_SPANISH_LINES[-1] in body.text
    assert body.removed_lines == 2


def test_no_figure_comes_from_a_date_in_another_language(tmp_path: Path, nlp: Language) -> None:
    (tmp_path / "ferry.txt").write_text("\n".join(ENGLISH_PAGE_WITH_SPANISH_LINES), encoding="utf-8")
    (record,) = list(extract_records(iter_articles([tmp_path]), nlp))
    assert isinstance(record, ArticleRecord)
    assert record.title == "Ferry Ridership Climbs Again"
    assert {f.year for f in record.figures} == {2022, 2023}
    assert all(record.text[f.start : f.end] == f.evidence for f in record.figures)


def _page(story: str, number: int) -> str:
    sidebar = [
        "Around the County",
        "The county clerk reminded voters today that the registration deadline is the fifteenth of the month.",
        "Parks Department Extends Pool Hours",
    ]
    return "\n".join(
        [
            f"Story {number} of the week",
            f"TOWNSEND - {story} The council heard the report on Monday and asked staff for a follow-up.",
            f"Officials said the figures for week {number} would be posted online by Friday afternoon.",
            *sidebar,
        ]
    )


def test_a_batch_learns_the_sidebar_its_pages_share(tmp_path: Path) -> None:
    stories = [
        "Water main breaks fell to 31 in 2023 from 44 in 2022.",
        "The animal shelter placed 640 pets in 2023.",
        "Bus ridership reached 1.2 million trips in 2023.",
        "Snow removal cost $2.1 million in 2023.",
    ]
    for n, story in enumerate(stories, 1):
        (tmp_path / f"story{n}.txt").write_text(_page(story, n), encoding="utf-8")
    articles = [a for a in iter_articles([tmp_path]) if isinstance(a, Article)]
    assert len(articles) == 4
    for article, story in zip(articles, stories, strict=True):
        assert story in article.text
        assert "registration deadline" not in article.text  # a prose line, but on every page: chrome
        assert "Pool Hours" not in article.text
        assert any("site chrome removed" in w for w in article.warnings)


@pytest.mark.parametrize("form", ["md", "json", "jsonl", "jsonl.gz"])
def test_the_batch_learns_its_sidebar_in_every_plain_text_form(tmp_path: Path, form: str) -> None:
    """.md files, the `text` of .json files and the lines of one JSON Lines file (the pages that
    share chrome) all lose the sidebar their pages repeat."""
    stories = [
        "Water main breaks fell to 31 in 2023 from 44 in 2022.",
        "The animal shelter placed 640 pets in 2023.",
        "Bus ridership reached 1.2 million trips in 2023.",
    ]
    pages = [_page(story, n) for n, story in enumerate(stories, 1)]
    if form == "md":
        for n, page in enumerate(pages, 1):
            (tmp_path / f"story{n}.md").write_text(page, encoding="utf-8")
    elif form == "json":
        for n, page in enumerate(pages, 1):
            (tmp_path / f"story{n}.json").write_text(json.dumps({"text": page}), encoding="utf-8")
    else:
        lines = "\n".join(json.dumps({"text": page}) for page in pages).encode()
        (tmp_path / f"stories.{form}").write_bytes(gzip.compress(lines) if form.endswith(".gz") else lines)
    articles = [a for a in iter_articles([tmp_path]) if isinstance(a, Article)]
    assert len(articles) == len(stories)
    for article, story in zip(articles, stories, strict=True):
        assert story in article.text
        assert "registration deadline" not in article.text and "Pool Hours" not in article.text
        assert any("site chrome removed" in w for w in article.warnings)


def test_a_page_read_alone_keeps_what_only_the_batch_could_tell(tmp_path: Path) -> None:
    (tmp_path / "story.txt").write_text(_page("Water main breaks fell to 31 in 2023.", 1), encoding="utf-8")
    (article,) = list(iter_articles([tmp_path / "story.txt"]))
    assert isinstance(article, Article)
    assert "Water main breaks fell to 31 in 2023." in article.text


def test_html_bodies_are_left_to_trafilatura(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text(
        "<html><head><title>Pool hours</title></head><body><article><p>Share</p>"
        "<p>The parks department extended pool hours on Monday after 4,000 residents signed a petition in 2023, "
        "the director said.</p><p>Share</p></article></body></html>",
        encoding="utf-8",
    )
    (article,) = list(iter_articles([page]))
    assert isinstance(article, Article)
    assert not any("site chrome removed" in w for w in article.warnings)


def test_clean_articles_keeps_the_input_order_and_errors() -> None:
    error = ExtractionError(source="x", id="x", error=ErrorKind.empty, message="empty")
    items = [
        Article(id=str(n), source="s", path=f"f/{n}.txt", text=f"Note {n}: the board met and voted on the budget.")
        for n in range(5)
    ]
    out = list(clean_articles([items[0], error, *items[1:]], lookahead=2))
    assert [getattr(i, "id", None) for i in out] == ["0", "x", "1", "2", "3", "4"]


# --- language -----------------------------------------------------------------------------------

ENGLISH = (
    "The city council voted on Tuesday to extend the program for another year, and the mayor said the "
    "money would come from the reserve fund that was set aside in 2021 for projects of this kind."
)


@pytest.mark.parametrize(
    ("text", "english"),
    [
        (ENGLISH, True),
        ("2020 2021 2022 " * 30, True),  # no words: nothing to judge
        ("Short note in another tongue: hola y adiós.", True),  # too short to judge
        (
            "El consejo de la ciudad votó el martes para extender el programa por otro año, y el alcalde dijo que "
            "el dinero vendría del fondo de reserva que se apartó en 2021 para los proyectos de este tipo.",
            False,
        ),
        (
            "Le conseil municipal a voté mardi pour prolonger le programme pour une autre année, et le maire a dit "
            "que les fonds viendraient de la réserve mise de côté en 2021 pour des projets de ce genre.",
            False,
        ),
        (
            "Der Stadtrat hat am Dienstag beschlossen, das Programm um ein weiteres Jahr zu verlängern, und der "
            "Bürgermeister sagte, dass das Geld aus der Rücklage kommen wird, die 2021 für solche Projekte auf "
            "die Seite gelegt wurde.",
            False,
        ),
        ("Городской совет во вторник проголосовал за продление программы ещё на один год. " * 3, False),
    ],
)
def test_language(text: str, english: bool) -> None:
    assert (language_problem(text) is None) is english


# An English media advisory: terse labelled lines with few function words, above a sidebar of
# translations. The body is English; the old count of function words read it as not English.
ADVISORY = """MEDIA ADVISORY
Mayor Cole, Chief Payne Unveil Arson Unit
WHAT: Briefing: new arson unit, three investigators, two dogs
WHEN: Monday, March 3, 2031, 10 a.m.
WHERE: City Hall, 101 W. Third St., Commission Chambers
WHO: Mayor Ann Cole; Fire Chief Jeff Payne; Investigator Rosa Diaz
VISUALS: Unit vehicles, detection dogs Max and Juno, equipment demonstration
CONTACT: Press Office, 937-555-0100, press@dayton.example
Información en español
Este aviso está disponible en español. Para más información sobre los servicios de la ciudad, llame a la oficina.
Los residentes que necesiten un intérprete pueden pedirlo con dos días de antelación.
Thông tin bằng tiếng Việt: Vui lòng gọi cho văn phòng báo chí nếu quý vị cần thông dịch viên."""

SPANISH_RELEASE = """Skip to main content
Noticias de la ciudad
El consejo de la ciudad votó el martes para extender el programa por otro año, y el alcalde dijo que el dinero \
vendría del fondo de reserva que se apartó en 2021.
La policía registró 163 homicidios en 2022, menos que los 204 del año anterior, según el informe anual que \
publicó el departamento el lunes por la mañana.
Share this page"""


@pytest.mark.parametrize(
    ("text", "english"),
    [
        (ADVISORY, True),  # the sidebar in other languages does not decide
        (ADVISORY + "\n" + "\n".join(ADVISORY.splitlines()[-3:] * 3), False),  # unless it is most of the page
        (SPANISH_RELEASE, False),  # English chrome does not make a Spanish release English
        (ENGLISH + "\n" + SPANISH_RELEASE.splitlines()[2], True),  # a release beside its translation
    ],
)
def test_language_is_decided_on_the_body_not_the_chrome(text: str, english: bool) -> None:
    assert (language_problem(text) is None) is english


def test_an_article_not_in_english_is_a_language_error(tmp_path: Path) -> None:
    (tmp_path / "es.txt").write_text(
        "El consejo de la ciudad votó el martes para extender el programa por otro año, y el alcalde dijo que el "
        "dinero vendría del fondo de reserva que se apartó en 2021 para los proyectos de este tipo.",
        encoding="utf-8",
    )
    (tmp_path / "en.txt").write_text(ENGLISH, encoding="utf-8")
    items = {i.id: i for i in iter_articles([tmp_path])}
    assert isinstance(items["en"], Article)
    error = items["es"]
    assert isinstance(error, ExtractionError) and error.error is ErrorKind.language
    assert "not English" in error.message and "Spanish" in error.message


def test_repeated_line_table_forgets_pages_out_of_its_window() -> None:
    """A batch of a million pages must not hold every line it has seen: memory stays flat."""
    from extractor.body import WINDOW, FolderLines

    table = FolderLines()
    for page in range(WINDOW * 6):
        table.add(f"Site menu\nStory number {page} about the harbor, told in full.\nShare this")
    assert len(table.pages) == WINDOW
    assert len(table.counts) == WINDOW + 2  # the window's own lines and the two shared ones
    assert table.repeated("site menu") and not table.repeated("story number 0 about the harbor, told in full.")


def test_a_release_block_every_page_repeats_stays(tmp_path: Path) -> None:
    """An office's releases all carry the same contact (its press officer's name and title) in the
    release block; below a summary line that opens the page it is still the article's, not chrome."""
    stories = [
        "Water main breaks fell to 31 in 2023 from 44 in 2022, the utility said on Monday.",
        "The animal shelter placed 640 pets in 2023, the most in a decade, the county said.",
        "Bus ridership reached 1.2 million trips in 2023, up from the year before, officials said.",
    ]
    for n, story in enumerate(stories, 1):
        page = "\n".join(
            [
                f"{story} Read the full release below for all of the details.",
                "FOR IMMEDIATE RELEASE",
                f"Date: May {n}, 2024",
                "Pat Reyes",
                "Public Affairs Officer",
                "Office: 555-010-4477",
                f"County Report Number {n}",
                story,
                "Menu",
            ]
        )
        (tmp_path / f"story{n}.txt").write_text(page, encoding="utf-8")
    articles = [a for a in iter_articles([tmp_path]) if isinstance(a, Article)]
    assert len(articles) == len(stories)
    for article in articles:
        lines = article.text.split("\n")
        assert "Pat Reyes" in lines and "Public Affairs Officer" in lines
        assert "Menu" not in lines
