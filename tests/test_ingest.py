from __future__ import annotations

import datetime as dt
import gzip
import json
import os
from pathlib import Path

import pytest

from extractor.ingest import Walk, decode, head_metadata, iter_articles, normalize
from extractor.models import Article, ErrorKind, ExtractionError

BODY = "DAYTON, Ohio — There were 1,204 crashes in 2022, officials said."
HTML = """<html><head><title>Crashes rise in Dayton</title>
<meta property="article:published_time" content="2023-02-14T08:00:00Z"></head>
<body><nav>Home | Sports</nav><article><h1>Crashes rise in Dayton</h1>
<p>DAYTON, Ohio — There were 1,204 crashes in 2022, officials said. The figure is the highest in a decade
and city engineers are studying the busiest intersections.</p>
<p>“We are looking at every corner,” said Traffic Engineer Ann Cole.</p></article>
<footer>Copyright 2023</footer></body></html>"""


def read_one(path: Path, published: dt.date | None = None) -> Article | ExtractionError:
    items = list(iter_articles([path], published))
    assert len(items) == 1, items
    return items[0]


def article(path: Path) -> Article:
    item = read_one(path)
    assert isinstance(item, Article), item
    return item


def error(path: Path) -> ExtractionError:
    item = read_one(path)
    assert isinstance(item, ExtractionError), item
    return item


@pytest.mark.parametrize("name", ["a.txt", "a.md", "a.text"])
def test_text_files(tmp_path: Path, name: str) -> None:
    (tmp_path / name).write_text(BODY, encoding="utf-8")
    a = article(tmp_path / name)
    assert a.text == BODY and a.id == "a" and a.source == str(tmp_path / name)


def test_gzipped_text(tmp_path: Path) -> None:
    (tmp_path / "a.txt.gz").write_bytes(gzip.compress(BODY.encode()))
    a = article(tmp_path / "a.txt.gz")
    assert a.text == BODY and a.id == "a"


@pytest.mark.parametrize("name", ["page.html", "page.htm", "page.html.gz"])
def test_html_body_title_and_date(tmp_path: Path, name: str) -> None:
    data = HTML.encode()
    (tmp_path / name).write_bytes(gzip.compress(data) if name.endswith(".gz") else data)
    a = article(tmp_path / name)
    assert "1,204 crashes in 2022" in a.text
    assert "Home | Sports" not in a.text and "Copyright" not in a.text
    assert a.title == "Crashes rise in Dayton"
    assert a.published == dt.date(2023, 2, 14)
    assert a.id == "page"


def test_html_without_body_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "empty.html").write_text("<html><head><script>var x = 1;</script></head><body></body></html>")
    e = error(tmp_path / "empty.html")
    assert e.error == ErrorKind.no_content


@pytest.mark.parametrize("gz", [False, True])
def test_json_object_keeps_unknown_keys_under_meta(tmp_path: Path, gz: bool) -> None:
    obj = {
        "text": BODY,
        "id": "x-1",
        "title": "T",
        "published": "2023-02-14T10:00:00",
        "source": "Daily",
        "url": "https://example.org/a",
        "section": "metro",
    }
    data = json.dumps(obj).encode()
    path = tmp_path / ("a.json.gz" if gz else "a.json")
    path.write_bytes(gzip.compress(data) if gz else data)
    a = article(path)
    assert (a.id, a.title, a.source, a.url) == ("x-1", "T", "Daily", "https://example.org/a")
    assert a.published == dt.date(2023, 2, 14)
    assert a.meta == {"section": "metro"}


def test_jsonl_one_article_a_line_with_errors_in_place(tmp_path: Path) -> None:
    lines = [
        json.dumps({"text": BODY}),
        "{not json",
        json.dumps({"title": "no text"}),
        json.dumps({"text": 5, "id": "typed"}),
        "",
        json.dumps({"text": "   "}),
        json.dumps({"text": BODY, "id": "given"}),
        json.dumps([1, 2]),
    ]
    (tmp_path / "batch.jsonl").write_text("\n".join(lines), encoding="utf-8")
    items = list(iter_articles([tmp_path / "batch.jsonl"]))
    kinds = [i.error.value if isinstance(i, ExtractionError) else "ok" for i in items]
    assert kinds == ["ok", "json", "invalid", "invalid", "empty", "ok", "invalid"]
    assert [i.id for i in items] == ["batch:1", "batch:2", "batch:3", "typed", "batch:6", "given", "batch:8"]
    assert items[1].source.endswith("batch.jsonl:2")


@pytest.mark.parametrize(
    ("data", "expected_warning"),
    [
        ("\ufeff" + BODY, None),
        (BODY, None),
    ],
)
def test_utf8_with_and_without_bom(tmp_path: Path, data: str, expected_warning: str | None) -> None:
    (tmp_path / "a.txt").write_bytes(data.encode("utf-8"))
    a = article(tmp_path / "a.txt")
    assert a.text == BODY and a.warnings == []


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be"])
def test_utf16_with_or_without_bom(tmp_path: Path, encoding: str) -> None:
    (tmp_path / "a.txt").write_bytes(BODY.encode(encoding))
    assert article(tmp_path / "a.txt").text == BODY


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom_and_without_ascii(encoding: str) -> None:
    """No NUL in every other byte: charset-normalizer still tells UTF-16 from binary data (the
    text is decoded; the language check then refuses it)."""
    text = "\u6771\u4eac\u90fd\u306e\u4eba\u53e3\u306f\u5897\u3048\u305f\u3002" * 30 + " 2022 1,204"
    assert decode(text.encode(encoding)) == (text, [f"decoded as {encoding} without a byte-order mark"])


def test_cp1252_fallback_is_recorded_as_a_warning(tmp_path: Path) -> None:
    text = "Caf\u00e9 owners said \u201cenough\u201d in 2022."
    (tmp_path / "a.txt").write_bytes(text.encode("cp1252"))
    a = article(tmp_path / "a.txt")
    assert a.text == text
    assert any("cp1252" in w for w in a.warnings)


def test_odd_whitespace_is_normalized_so_spans_index_the_text(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes("Line one\u00a0here\r\nLine\u2009two\rthree\u200b.\x0c".encode())
    assert article(tmp_path / "a.txt").text == "Line one here\nLine two\nthree."


@pytest.mark.parametrize(
    ("content", "kind"),
    [
        (b"", ErrorKind.empty),
        (b"  \n\t \r\n", ErrorKind.empty),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", ErrorKind.binary),
        (b"PK\x03\x04\x14\x00\x00\x00", ErrorKind.binary),
        (bytes(range(256)) * 4, ErrorKind.binary),
    ],
)
def test_unusable_text_files_are_errors(tmp_path: Path, content: bytes, kind: ErrorKind) -> None:
    (tmp_path / "bad.txt").write_bytes(content)
    e = error(tmp_path / "bad.txt")
    assert e.error == kind and e.id == "bad" and e.message


def test_bad_json_document(tmp_path: Path) -> None:
    (tmp_path / "a.json").write_text('{"text": "unterminated')
    assert error(tmp_path / "a.json").error == ErrorKind.json


def test_missing_and_unreadable_paths_are_errors(tmp_path: Path) -> None:
    assert error(tmp_path / "nope.txt").error == ErrorKind.unreadable
    loop = tmp_path / "loop.txt"
    os.symlink(loop, loop)
    assert error(loop).error == ErrorKind.unreadable


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads every file")
def test_permission_denied_is_an_error(tmp_path: Path) -> None:
    p = tmp_path / "locked.txt"
    p.write_text(BODY)
    p.chmod(0)
    assert error(p).error == ErrorKind.unreadable


def test_unknown_suffix_in_a_folder_is_an_error_not_a_silent_skip(tmp_path: Path) -> None:
    (tmp_path / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    (tmp_path / "notes.csv").write_text("a,b\n1,2\n")
    errors = [e.error for e in iter_articles([tmp_path])]  # type: ignore[union-attr]
    assert errors == [ErrorKind.binary, ErrorKind.unsupported]


def test_folders_are_walked_recursively_in_a_stable_order_with_stable_ids(tmp_path: Path) -> None:
    for rel in ["b.txt", "a/z.txt", "a/b/c.md", "c.json", "a/b/c.txt"]:
        p = tmp_path / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(json.dumps({"text": BODY}) if rel.endswith(".json") else BODY)
    (tmp_path / "b.gold.json").write_text("{}")
    (tmp_path / ".hidden.txt").write_text(BODY)
    (tmp_path / ".extractorignore").write_text("# scratch\na/b/c.md\n")
    walk = Walk()
    first = [i.id for i in iter_articles([tmp_path], found=walk)]
    second = [i.id for i in iter_articles([tmp_path])]
    assert first == second == ["a/b/c", "a/z", "b", "c"]
    assert sorted(Path(p).name for p in walk.ignored) == [".extractorignore", ".hidden.txt", "b.gold.json", "c.md"]


def test_repeated_ids_are_made_unique(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(BODY)
    (tmp_path / "a.md").write_text(BODY)
    ids = [i.id for i in iter_articles([tmp_path])]
    assert ids == ["a", "a~2"]


def test_published_option_fills_in_only_missing_dates(tmp_path: Path) -> None:
    (tmp_path / "dated.txt").write_text("Crashes rise\nPublished March 3, 2024\n\n" + BODY)
    (tmp_path / "undated.txt").write_text(BODY)
    items = {i.id: i for i in iter_articles([tmp_path], dt.date(2020, 1, 1))}
    assert items["dated"].published == dt.date(2024, 3, 3)  # type: ignore[union-attr]
    assert items["undated"].published == dt.date(2020, 1, 1)  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("text", "title", "published"),
    [
        (
            "Crashes rise in Dayton\nPublished March 3, 2024\n\nDAYTON, Ohio — Body.",
            "Crashes rise in Dayton",
            "2024-03-03",
        ),
        ("FOR IMMEDIATE RELEASE\nThursday, December 27, 2018\n\nThe city said today.", None, "2018-12-27"),
        (
            "City releases crime data\nFOR IMMEDIATE RELEASE\nThursday, December 27, 2018\n\nBody.",
            "City releases crime data",
            "2018-12-27",
        ),
        ("Updated: Tue, Jan 9, 2024 10:32 a.m. ET\n\nBody text here.", None, "2024-01-09"),
        ("Fire season ends early\n2023-10-02\n\nBody.", "Fire season ends early", "2023-10-02"),
        ("# Shelter intakes climb\n\nBody of the article.", "Shelter intakes climb", None),
        ("Overdose deaths fall\n\nMarch 3, 2024 — the county said.", "Overdose deaths fall", None),
        # negatives: a body paragraph is not a headline; a sentence with a date is not a date line
        ("ST. LOUIS – As the country gears up, leaders say crime is dropping.\n\nMore.", None, None),
        ("The council met on March 3, 2024 to vote.\n\nMore.", None, None),
        ("2020: 263 HOMICIDES\n\n2021: 201 HOMICIDES", None, None),
    ],
)
def test_title_and_date_from_the_text(text: str, title: str | None, published: str | None) -> None:
    found_title, found_date = head_metadata(normalize(text))
    assert found_title == title
    assert (found_date.isoformat() if found_date else None) == published


def test_ids_stay_unique_when_an_input_names_itself_like_a_renamed_one(tmp_path: Path) -> None:
    (tmp_path / "fire.json").write_text(json.dumps({"text": "In 2020 there were 5 fires."}))
    (tmp_path / "fire.txt").write_text("In 2021 there were 6 fires.")  # renamed fire~2
    (tmp_path / "other.json").write_text(json.dumps({"id": "fire~2", "text": "In 2022 there were 7 fires."}))
    os.symlink("/etc/hostname", tmp_path / "zone.md")  # an error entry's id counts too
    (tmp_path / "zone.txt").write_text("In 2024 there were 9 fires.")
    ids = [item.id for item in iter_articles([tmp_path])]
    assert ids == ["fire", "fire~2", "fire~2~2", "zone", "zone~2"]


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        # a soft hyphen is a hint where a word may break: no character of the word
        ("Lt. Mar\u00adtin Kel\u00adler said the road was closed.", "Lt. Martin Keller said the road was closed."),
        # a hyphen that is written stays
        ("A well-known officer, Martin Keller-Ruiz, spoke.", "A well-known officer, Martin Keller-Ruiz, spoke."),
    ],
)
def test_soft_hyphens_leave_words_whole(tmp_path: Path, raw: str, expected: str) -> None:
    (tmp_path / "a.txt").write_text(raw, encoding="utf-8")
    assert article(tmp_path / "a.txt").text == expected


# --- PDFs (issue #28) ---------------------------------------------------------------------------

PDF_LINES = ["Dayton Reports Fewer Arson Fires", "DAYTON, Ohio - In 2022 Dayton recorded 12 arson fires, police said."]


def test_a_pdf_with_a_text_layer_is_read_like_text(tmp_path: Path) -> None:
    from tests.pdfs import text_pdf

    (tmp_path / "release.pdf").write_bytes(text_pdf(PDF_LINES))
    read = article(tmp_path / "release.pdf")
    assert read.id == "release" and read.title == PDF_LINES[0]
    assert "In 2022 Dayton recorded 12 arson fires" in read.text
    # by its content too: a PDF saved under another name is not refused as binary
    (tmp_path / "misnamed.txt").write_bytes(text_pdf(PDF_LINES))
    assert "12 arson fires" in article(tmp_path / "misnamed.txt").text


def test_a_pdf_without_a_text_layer_is_an_error_of_its_own_kind(tmp_path: Path) -> None:
    from tests.pdfs import scanned_pdf

    (tmp_path / "scan.pdf").write_bytes(scanned_pdf(pages=2))
    e = error(tmp_path / "scan.pdf")
    assert e.error == ErrorKind.no_text_layer and e.id == "scan"
    assert "no text layer" in e.message and "OCR" in e.message and "its 2 pages" in e.message


def test_a_piped_pdf_is_read_like_a_pdf_file() -> None:
    import io

    from extractor.ingest import read_stream
    from tests.pdfs import scanned_pdf, text_pdf

    (piped,) = read_stream(io.BytesIO(text_pdf(PDF_LINES)))
    assert isinstance(piped, Article) and piped.id == "stdin" and "12 arson fires" in piped.text
    (scan,) = read_stream(io.BytesIO(scanned_pdf()))
    assert isinstance(scan, ExtractionError) and scan.error == ErrorKind.no_text_layer


def test_a_broken_pdf_is_an_error_not_a_crash(tmp_path: Path) -> None:
    (tmp_path / "broken.pdf").write_bytes(b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\n% cut off here")
    e = error(tmp_path / "broken.pdf")
    assert e.error == ErrorKind.binary and "PDF could not be parsed" in e.message
