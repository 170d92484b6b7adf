"""Hostile and malformed input: never a crash, a hang, or a lost article."""

from __future__ import annotations

import json
import os
import re
import socket
import time
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from spacy.language import Language
from typer.testing import CliRunner

from extractor.cli import app
from extractor.extract import extract_text
from extractor.ingest import iter_articles
from extractor.models import Article, ArticleRecord
from extractor.quotes import pair_quotes
from extractor.rules import regexes
from tests.conftest import SEED

runner = CliRunner()

FLOODS = {
    "digits.txt": "1" * 100_000,
    "years.txt": "2020: " * 50_000,
    "quotes.txt": '"' * 10_000,
    "curly.txt": "\u201c" * 5_000 + "\u201d" * 5_000,
}


def hostile_folder(root: Path) -> dict[str, str]:
    """Every hostile input of the issue in one folder; returns file name -> expected id."""
    root.mkdir()
    (root / "good.txt").write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    (root / "empty.txt").write_text("")
    (root / "spaces.txt").write_text("  \n\t \n")
    (root / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)
    (root / "archive.zip").write_bytes(b"PK\x03\x04" + bytes(range(256)) * 8)
    (root / "bad-utf8.txt").write_bytes(b"In 2022 there were \xff\x81 1,204 crashes.\x8d")
    (root / "utf16.txt").write_bytes("In 2022 there were 1,204 crashes in Dayton.".encode("utf-16"))
    (root / "huge.txt").write_text("In 2022 there were 1,204 crashes. " * 590_000)  # 20 MB
    (root / "nobody.html").write_text("<html><head><title>t</title></head></html>")
    (root / "script.html").write_text("<html><body><script>" + "var a = 1;" * 1000 + "</script></body></html>")
    (root / "deep.html").write_text("<html><body>" + "<div>" * 10_000 + "Text." + "</div>" * 10_000 + "</body></html>")
    (root / "unbalanced.txt").write_text('He said \u201cthis never ends.\n\nAnd "another. In 2022 there were 5 fires.')
    (root / "unicode.txt").write_text("In 2022\u200b there were \u202e1,204\u202c crashes \U0001f697 in Dayton.")
    for name, text in FLOODS.items():
        (root / name).write_text(text)
    with open(root / "lines.jsonl", "w", encoding="utf-8") as f:
        for i in range(10_000):
            if i % 97 == 0:
                f.write("{broken\n")
            elif i % 89 == 0:
                f.write(json.dumps({"text": 5}) + "\n")
            elif i % 83 == 0:
                f.write(json.dumps({"title": "no text"}) + "\n")
            else:
                f.write(json.dumps({"id": f"line{i}", "text": f"In 2022 there were {i} crashes."}) + "\n")
    os.symlink(root / "loop.txt", root / "loop.txt")
    (root / "deepjson.json").write_text("[" * 100_000 + "]" * 100_000)
    deep: Any = 1
    for _ in range(300):
        deep = [deep]
    (root / "deepkey.json").write_text(json.dumps({"text": "In 2022 there were 5 fires.", "x": deep}))
    with open(os.fsencode(root) + b"/name\xff.txt", "w", encoding="utf-8") as f:
        f.write("In 2022 there were 5 fires.")
    (root.parent / "secret.txt").write_text("In 2022 there were 5 SECRET fires.")
    os.symlink(root.parent / "secret.txt", root / "outside.txt")
    os.mkfifo(root / "fifo.txt")
    return {p.name: p.stem for p in root.iterdir()}


def test_a_folder_of_hostile_inputs_accounts_for_every_one(tmp_path: Path) -> None:
    hostile_folder(tmp_path / "in")
    out = tmp_path / "out" / "facts.jsonl"
    started = time.perf_counter()
    result = runner.invoke(app, ["extract", str(tmp_path / "in"), "--output", str(out), "-j", "2"])
    assert time.perf_counter() - started < 400
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    errors = [json.loads(line) for line in out.with_name("facts.errors.jsonl").read_text().splitlines()]
    for r in records:
        ArticleRecord.model_validate(r)
    ids = [r["id"] for r in records] + [e["id"] for e in errors]
    assert len(ids) == len(set(ids)), "an input got both a record and an error, or two of either"
    expected_files = {
        "good",
        "empty",
        "spaces",
        "image",
        "archive",
        "bad-utf8",
        "utf16",
        "huge",
        "nobody",
        "script",
        "deep",
        "unbalanced",
        "unicode",
        "loop",
        "deepjson",
        "deepkey",
        "name\\xff",
        "outside",
        "fifo",
        *[Path(n).stem for n in FLOODS],
    }
    assert expected_files <= set(ids)
    line_ids = {i for i in ids if i.startswith("line") or i.startswith("lines:")}
    assert len(line_ids) == 10_000
    kinds = {e["id"]: e["error"] for e in errors}
    assert kinds["empty"] == kinds["spaces"] == "empty"
    assert kinds["image"] == kinds["archive"] == "binary"
    assert kinds["huge"] == "too_large"
    huge = next(e["message"] for e in errors if e["id"] == "huge")
    assert "bytes" in huge  # refused while reading (20 bytes a character at most), never decoded whole
    assert kinds["loop"] == "unreadable"
    assert kinds["nobody"] == kinds["script"] == "no_content"
    assert kinds["deepjson"] == "json" and kinds["outside"] == "outside_input" and kinds["fifo"] == "unreadable"
    assert "deepkey" not in kinds and "name\\xff" not in kinds
    assert "SECRET" not in out.read_text(encoding="utf-8")
    assert "utf16" not in kinds and "bad-utf8" not in kinds and "unicode" not in kinds
    assert "errors" in result.output and "too_large" in result.output


def test_every_regex_is_linear_on_floods() -> None:
    floods = [
        "1" * 100_000,
        "2020: " * 50_000,
        '"' * 10_000,
        "a" * 100_000,
        "1," * 50_000,
        " " * 100_000,
        "\u2014" * 50_000,
        "ST. " * 25_000,
    ]
    for name, value in vars(regexes).items():
        if not isinstance(value, re.Pattern):
            continue
        for flood in floods:
            started = time.perf_counter()
            value.search(flood)
            value.match(flood)
            assert time.perf_counter() - started < 2.0, (name, flood[:10])


def test_quote_pairing_is_linear() -> None:
    for flood in ('"' * 100_000, "\u201c" * 50_000 + "\u201d" * 50_000, "\u201c a\n" * 20_000):
        started = time.perf_counter()
        pair_quotes(flood)
        assert time.perf_counter() - started < 5.0


def test_timeout_gives_an_error_entry(tmp_path: Path) -> None:
    (tmp_path / "slow.txt").write_text('"' * 10_000)
    (tmp_path / "ok.txt").write_text("In 2022 there were 1,204 crashes.")
    out = tmp_path / "facts.jsonl"
    result = runner.invoke(
        app,
        [
            "extract",
            str(tmp_path / "slow.txt"),
            str(tmp_path / "ok.txt"),
            "--output",
            str(out),
            "--timeout",
            "0.5",
            "-j",
            "1",
            "--quiet",
        ],
    )
    assert result.exit_code == 1
    errors = [json.loads(line) for line in out.with_name("facts.errors.jsonl").read_text().splitlines()]
    assert [(e["id"], e["error"]) for e in errors] == [("slow", "timeout")]
    assert [json.loads(line)["id"] for line in out.read_text().splitlines()] == ["ok"]


def test_max_chars_gives_an_error_entry(tmp_path: Path) -> None:
    (tmp_path / "long.txt").write_text("word " * 1000)
    out = tmp_path / "facts.jsonl"
    result = runner.invoke(app, ["extract", str(tmp_path), "--output", str(out), "--max-chars", "100", "-j", "1"])
    assert result.exit_code == 1
    # the output lies in the folder read: the run's own files are never read back as articles
    (error,) = [json.loads(line) for line in out.with_name("facts.errors.jsonl").read_text().splitlines()]
    assert error["error"] == "too_large" and error["id"] == "long"


def test_html_never_touches_the_network(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    attempts: list[Any] = []

    def refuse(self: socket.socket, address: Any) -> None:
        attempts.append(address)
        raise OSError("network refused in tests")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    page = tmp_path / "page.html"
    page.write_text(
        '<?xml version="1.0"?><!DOCTYPE html [<!ENTITY ext SYSTEM "http://198.51.100.7/secret">]>'
        '<html><head><link rel="stylesheet" href="http://198.51.100.7/a.css"><script src="http://198.51.100.7/x.js">'
        "</script></head><body><article><p>&ext; In 2022 there were 1,204 crashes in Dayton, the city said in "
        'its report on traffic safety, which covered every street.</p><img src="http://198.51.100.7/i.png">'
        "</article></body></html>"
    )
    (article,) = list(iter_articles([page]))
    assert attempts == []
    assert isinstance(article, Article) and "1,204 crashes" in article.text and "secret" not in article.text


ALPHABET = st.sampled_from(
    list("abc XYZ 0123456789 ,.:;-%$\"\u201c\u201d'\u2019\n\t()|")
    + ["2020", "1,204", "said", "Mayor", "Jones", "nearly"]
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(ALPHABET, max_size=120).map("".join))
def test_extraction_never_raises_and_every_span_is_its_evidence(nlp: Language, text: str) -> None:
    import datetime as dt

    result = extract_text(text, nlp, published=dt.date(2024, 7, 31))
    if not isinstance(result, ArticleRecord):
        assert result.error.value != "internal", result.message
        return
    ArticleRecord.model_validate(result.model_dump())
    for kind in ("figures", "changes", "claims", "quotes", "events"):
        for fact in getattr(result, kind):
            assert result.text[fact.start : fact.end] == fact.evidence
    for d in result.dates:
        assert result.text[d.start : d.end] == d.text


def nested(depth: int) -> str:
    return "[" * depth + "]" * depth


def test_json_nested_a_hundred_thousand_deep_is_one_error_entry(tmp_path: Path) -> None:
    (tmp_path / "deep.json").write_text(nested(100_000))
    (tmp_path / "deep.jsonl").write_text(
        json.dumps({"id": "before", "text": "In 2022 there were 5 fires."})
        + "\n"
        + nested(100_000)
        + "\n"
        + '{"id": "digits", "text": "t", "n": '
        + "9" * 5000
        + "}\n"
        + json.dumps({"id": "after", "text": "In 2023 there were 6 fires."})
        + "\n"
    )
    items = {i.id: i for i in iter_articles([tmp_path])}
    assert set(items) == {"deep", "before", "deep:2", "deep:3", "after"}
    assert isinstance(items["before"], Article) and isinstance(items["after"], Article)
    assert items["deep"].error == items["deep:2"].error == items["deep:3"].error == "json"  # type: ignore[union-attr]


def test_an_unknown_key_nested_300_deep_is_dropped_with_a_warning(tmp_path: Path) -> None:
    deep: Any = "leaf"
    for _ in range(300):
        deep = {"k": deep}
    (tmp_path / "a.json").write_text(json.dumps({"text": "In 2022 there were 5 fires.", "extra": deep, "ok": [1]}))
    (tmp_path / "b.jsonl").write_text(json.dumps({"text": "In 2022 there were 5 fires.", "id": deep}) + "\n")
    a, b = iter_articles([tmp_path])
    assert isinstance(a, Article) and a.meta == {"ok": [1]} and "'extra'" in a.warnings[0]
    assert isinstance(b, Article) and b.id == "b:1"
    for article in (a, b):
        json.dumps(article.model_dump(mode="json"))  # serializable: no depth error at the writer


def test_lone_surrogates_in_json_strings_are_mended(tmp_path: Path) -> None:
    line = '{"text": "In 2022 \\ud800 there were 5 fires.", "id": "\\udcff", "m": "\\ud83d"}\n'
    (tmp_path / "s.jsonl").write_text(line)
    (article,) = iter_articles([tmp_path])
    assert isinstance(article, Article)
    json.dumps(article.model_dump(mode="json"), ensure_ascii=False).encode("utf-8")


def test_a_file_name_that_is_not_utf8_is_read_and_named_with_escapes(tmp_path: Path) -> None:
    folder = os.fsencode(tmp_path)
    for name in (b"bad\xff.txt", b"bad\xfe.txt"):
        with open(folder + b"/" + name, "w", encoding="utf-8") as f:
            f.write("In 2022 there were 5 fires.")
    with open(folder + b"/lines\xff.jsonl", "w", encoding="utf-8") as f:
        f.write('{"text": "In 2022 there were 5 fires."}\n')
    items = list(iter_articles([tmp_path]))
    assert [i.id for i in items] == ["bad\\xfe", "bad\\xff", "lines\\xff:1"]
    assert all(isinstance(i, Article) and i.warnings for i in items)


def test_symlinks_out_of_the_input_are_not_followed(tmp_path: Path) -> None:
    from extractor.ingest import Walk

    secret = tmp_path / "outside" / "secret.txt"
    secret.parent.mkdir()
    secret.write_text("In 2022 there were 5 SECRET fires.")
    folder = tmp_path / "in"
    (folder / "sub").mkdir(parents=True)
    (folder / "inside.txt").write_text("In 2022 there were 5 fires.")
    os.symlink(secret, folder / "secret.txt")
    os.symlink("../../outside/secret.txt", folder / "sub" / "relative.txt")
    os.symlink(folder / "sub" / "relative.txt", folder / "chain.txt")  # inside -> inside -> outside
    os.symlink(secret.parent, folder / "outdir")
    os.symlink(folder / "inside.txt", folder / "alias.txt")  # stays inside: read
    items = {i.id: i for i in iter_articles([folder])}
    kinds = {k: getattr(v, "error", "record") for k, v in items.items()}
    assert kinds == {
        "alias": "record",
        "chain": "outside_input",
        "inside": "record",
        "outdir": "outside_input",
        "secret": "outside_input",
        "sub/relative": "outside_input",
    }
    assert not any("SECRET" in getattr(i, "text", "") + getattr(i, "message", "") for i in items.values())
    followed = {i.id for i in iter_articles([folder], found=Walk(follow_symlinks=True)) if isinstance(i, Article)}
    assert {"secret", "chain", "sub/relative", "outdir/secret"} <= followed


def test_a_fifo_is_an_error_entry_not_a_hang(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.txt")
    os.mkfifo(tmp_path / "pipe.jsonl")
    os.mkfifo(tmp_path / ".extractorignore")
    assert [getattr(i, "error", None) for i in iter_articles([tmp_path])] == ["unreadable", "unreadable"]


def test_a_json_lines_line_too_long_is_rejected_while_it_is_read() -> None:
    import io

    from extractor.ingest import bounded_lines

    class Recording(io.BytesIO):
        largest = 0

        def readline(self, size: int | None = -1) -> bytes:
            line = super().readline(size)
            Recording.largest = max(Recording.largest, len(line))
            return line

    stream = Recording(b"x" * 5_000_000 + b"\n" + b'{"text": "ok"}\n')
    assert list(bounded_lines(stream, 1000, None)) == [(1, None), (2, b'{"text": "ok"}\n')]
    assert Recording.largest <= 1 << 20  # never held the long line whole


def test_a_sentence_of_thousands_of_quotes_is_attributed_in_linear_time(nlp: Language) -> None:
    started = time.perf_counter()
    record = extract_text('"a" ' * 8000, nlp)  # the parse makes it one sentence: 80 s when each quote scanned it
    assert time.perf_counter() - started < 40
    assert isinstance(record, ArticleRecord)


def test_an_html_tag_with_200_000_attributes_is_read_in_seconds(tmp_path: Path) -> None:
    attributes = " ".join(f"data-k{i}='v'" for i in range(200_000))
    page = f"<html><body><article><p {attributes}>The city council met on Monday.</p></article></body></html>"
    (tmp_path / "flood.html").write_text(page)
    started = time.perf_counter()
    (item,) = iter_articles([tmp_path])
    assert time.perf_counter() - started < 30  # it took over ten minutes, past every signal
    assert item.id == "flood"
