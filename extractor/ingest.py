"""Files to Article models. Reads every input format of the contract (.txt/.md, .html/.htm, .json,
.jsonl, and .gz of each) and PDFs with a text layer (pypdf), decodes, normalizes whitespace so
that spans index the record's `text`, and finds title and publication date. No spaCy here: an
input that cannot be read becomes an ExtractionError, never an exception, so a run never loses an
article."""

from __future__ import annotations

import datetime as dt
import fnmatch
import gzip
import io
import json
import os
import stat
import sys
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from pydantic import ValidationError

from . import body, header
from .models import Article, ErrorKind, ExtractionError
from .rules import regexes

TEXT_SUFFIXES = {".txt", ".text", ".md", ".markdown"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSON_SUFFIXES = {".json"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
PDF_SUFFIXES = {".pdf"}
PDF_MAGIC = b"%PDF"
ARTICLE_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSON_SUFFIXES | JSONL_SUFFIXES | PDF_SUFFIXES
JSON_KEYS = {"text", "id", "title", "published", "source", "url"}
# Files in a folder that are never articles: gold annotations beside their articles, and the
# patterns of a `.extractorignore` file in the folder walked.
DEFAULT_IGNORE = ("*.gold.json",)
IGNORE_FILE = ".extractorignore"
DEFAULT_MAX_BYTES = 200_000_000
DEFAULT_MAX_LINE_BYTES = 10_000_000  # a JSON Lines line longer than this is rejected while it is read
MAX_META_DEPTH = 64  # unknown keys nested deeper than this are dropped (with a warning), never serialized
STDIN = "-"  # an input path that means standard input: `cat a.txt | extractor extract - -o x.jsonl`
NAME_WARNING = "the file name is not valid UTF-8; its bytes are shown as \\x escapes"

MAGIC = {
    b"\x89PNG": "a PNG image",
    b"GIF8": "a GIF image",
    b"\xff\xd8\xff": "a JPEG image",
    b"PK\x03\x04": "a zip archive",
    b"%PDF": "a PDF document",
    b"\x7fELF": "an executable",
    b"\x1f\x8b": "gzip data",
    b"BZh": "bzip2 data",
    b"\xfd7zXZ": "xz data",
    b"7z\xbc\xaf": "a 7-zip archive",
    b"SQLite format 3": "an SQLite database",
}


class InputProblem(Exception):
    """An input that cannot become an Article; carries the error kind for OUT.errors.jsonl."""

    def __init__(self, kind: ErrorKind, message: str) -> None:
        super().__init__(message)
        self.kind = kind


@dataclass
class Walk:
    """What a walk over the inputs found besides articles: files passed over on purpose. Files in
    `exclude` (the run's own outputs, when they sit in an input folder) are never read."""

    ignored: list[str] = field(default_factory=list)
    exclude: set[Path] = field(default_factory=set)
    follow_symlinks: bool = False  # read symlinks that lead out of the folder given (else `outside_input`)
    _visited: set[str] = field(default_factory=set)  # real paths of folders walked: symlink loops end


def shown_path(path: str | Path) -> str:
    """A path as text that is always valid Unicode: bytes of a file name that are not UTF-8 are
    written as escapes (`bad\\xff.txt`), so two such names never collide and a record can hold it."""
    try:
        return os.fsencode(path).decode("utf-8", errors="backslashreplace")
    except (UnicodeError, TypeError, ValueError):
        return str(path).encode("utf-8", errors="backslashreplace").decode("utf-8")


def _clean(text: str) -> str:
    """Lone surrogates (JSON can hold "\\udcff") replaced: they cannot be written as UTF-8."""
    return regexes.LONE_SURROGATE.sub("\ufffd", text) if regexes.LONE_SURROGATE.search(text) else text


# --- decoding and normalization -------------------------------------------------------------


def sniff_binary(data: bytes) -> str | None:
    """What binary thing these bytes are, or None when they may be text."""
    for magic, what in MAGIC.items():
        if data.startswith(magic):
            return what
    head = data[:8192]
    if b"\x00" in head:
        return "binary data (NUL bytes)"
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13))
    if head and controls / len(head) > 0.1:
        return "binary data (control bytes)"
    return None


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 without a BOM ("utf-16-le" or "utf-16-be"), as charset-normalizer finds it; None for
    anything else. Asked only about the two UTF-16s, and only when a NUL shows (every other byte of
    ASCII text in UTF-16): its general guess takes short Western text for cp1250, where `decode`'s
    cp1252 reads press releases right."""
    head = data[:4096]
    if len(head) < 4 or b"\x00" not in head:
        return None
    import charset_normalizer  # only for the rare file with NULs

    head = head[: len(head) // 2 * 2]
    if len(data) > len(head) and (0xD8 <= head[-1] <= 0xDB or 0xD8 <= head[-2] <= 0xDB):
        head = head[:-2]  # a surrogate pair cut by the 4096 bytes looked at
    match = charset_normalizer.from_bytes(head, cp_isolation=["utf_16_le", "utf_16_be"]).best()
    return match.encoding.replace("_", "-") if match is not None else None


def decode(data: bytes) -> tuple[str, list[str]]:
    """Bytes to text: UTF-8 (with or without BOM), UTF-16/32 with BOM or plainly UTF-16, else
    cp1252 with a warning (bytes not even cp1252 reads are replaced). Raises InputProblem for
    binaries."""
    boms = (
        (b"\xef\xbb\xbf", "utf-8-sig"),
        (b"\xff\xfe\x00\x00", "utf-32"),
        (b"\x00\x00\xfe\xff", "utf-32"),
        (b"\xff\xfe", "utf-16"),
        (b"\xfe\xff", "utf-16"),
    )
    for bom, encoding in boms:
        if data.startswith(bom):
            try:
                return data.decode(encoding), []
            except UnicodeDecodeError as e:
                message = f"starts with a {encoding} BOM but is not {encoding}: {e}"
                raise InputProblem(ErrorKind.decode, message) from None
    bare16 = _utf16_without_bom(data)
    if bare16:
        try:
            return data.decode(bare16), [f"decoded as {bare16} without a byte-order mark"]
        except UnicodeDecodeError:
            pass
    what = sniff_binary(data)
    if what:
        raise InputProblem(ErrorKind.binary, f"not text: looks like {what}")
    try:
        return data.decode("utf-8"), []
    except UnicodeDecodeError as e:
        utf8_error = e
    where = f"{utf8_error.reason} at byte {utf8_error.start}"
    try:
        return data.decode("cp1252"), [f"not valid UTF-8 ({where}); read as cp1252"]
    except UnicodeDecodeError:
        # bytes no encoding reads: keep the article and say what was lost
        replaced = data.decode("cp1252", errors="replace")
        return replaced, [f"not valid UTF-8 ({where}); read as cp1252, undecodable bytes replaced"]


def normalize(text: str) -> str:
    """One form of whitespace, so that every offset indexes the record's `text`: newlines for
    CRLF/CR and other line breaks, plain spaces for no-break and other odd spaces; zero-width and
    control characters dropped."""
    text = regexes.LINE_BREAK.sub("\n", text)
    text = regexes.ODD_SPACE.sub(" ", text)
    text = regexes.ZERO_WIDTH.sub("", text)
    text = regexes.CONTROL.sub("", text)
    return text.strip()


# --- title and publication date from the text -------------------------------------------------


def head_metadata(text: str) -> tuple[str | None, dt.date | None]:
    """Title and publication date from the header of a text (extractor/header.py): a headline,
    release headers and their dates, labelled date lines, a page's timestamp."""
    return header.head_metadata(text)


# --- formats ----------------------------------------------------------------------------------


def _parse_published(value: Any) -> tuple[dt.date | None, list[str]]:
    if value in (None, ""):
        return None, []
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip()[:10]), []
        except ValueError:
            pass
    return None, [f"published {value!r} is not an ISO date; ignored"]


def _article_from_object(obj: Any, *, default_id: str, path: str) -> Article:
    if not isinstance(obj, dict):
        raise InputProblem(ErrorKind.invalid, f"expected a JSON object, found {type(obj).__name__}")
    text = obj.get("text")
    if text is None:
        raise InputProblem(ErrorKind.invalid, "the object has no 'text'")
    if not isinstance(text, str):
        raise InputProblem(ErrorKind.invalid, f"'text' is {type(text).__name__}, not a string")
    text = normalize(_clean(text))
    if not text:
        raise InputProblem(ErrorKind.empty, "'text' is empty")
    warnings: list[str] = []
    published, published_warnings = _parse_published(_scalar(obj.get("published"), "published", warnings))
    warnings.extend(published_warnings)
    head_title, head_published = head_metadata(text)
    given_id = _scalar(obj.get("id"), "id", warnings)
    title = _scalar(obj.get("title"), "title", warnings)
    source = _scalar(obj.get("source"), "source", warnings)
    url = _scalar(obj.get("url"), "url", warnings)
    try:
        return Article(
            id=given_id if given_id else default_id,
            source=source or path,
            path=path,
            text=text,
            title=title.strip() if title else head_title,
            published=published or head_published,
            url=url or None,
            meta=_meta({k: v for k, v in obj.items() if k not in JSON_KEYS}, warnings),
            warnings=warnings,
        )
    except ValidationError as e:
        raise InputProblem(ErrorKind.invalid, f"not an article: {_clean(str(e).splitlines()[0])}") from None


def _scalar(value: Any, key: str, warnings: list[str]) -> str | None:
    """A key that must be text (id, title, source, url): numbers become text, anything else is
    ignored with a warning, never rendered (a nested value could be a million levels deep)."""
    if value is None or value == "":
        return None
    if isinstance(value, str):
        return _clean(value)
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    warnings.append(f"{key!r} is a {type(value).__name__}, not text; ignored")
    return None


def _depth(value: Any, limit: int) -> int:
    """How deep lists and objects nest in `value`, counted up to `limit + 1` (no recursion)."""
    deepest, stack = 0, [(value, 1)]
    while stack:
        item, level = stack.pop()
        if isinstance(item, dict | list):
            if level > limit:
                return level
            deepest = max(deepest, level)
            stack.extend((child, level + 1) for child in (item.values() if isinstance(item, dict) else item))
    return deepest


def _meta(meta: dict[str, Any], warnings: list[str]) -> dict[str, Any]:
    """Unknown keys kept under `meta`, except any nested deeper than MAX_META_DEPTH (dropped with a
    warning: no writer could serialize it); strings that cannot be UTF-8 are mended."""
    kept: dict[str, Any] = {}
    for key, value in meta.items():
        if _depth(value, MAX_META_DEPTH) > MAX_META_DEPTH:
            warnings.append(f"key {_clean(key)!r} nests deeper than {MAX_META_DEPTH} levels; dropped")
        else:
            kept[key] = value
    dumped = json.dumps(kept, ensure_ascii=False)
    if regexes.LONE_SURROGATE.search(dumped):
        warnings.append("unknown keys held invalid Unicode (lone surrogates); replaced")
        kept = json.loads(regexes.LONE_SURROGATE.sub("\ufffd", dumped))
    return kept


def _article_from_html(raw: str, *, default_id: str, path: str) -> Article:
    import trafilatura  # slow to import; only HTML inputs pay for it

    raw = regexes.LONG_HTML_TAG.sub(r"<\1>", raw)  # attribute floods are quadratic to parse
    try:
        doc = trafilatura.bare_extraction(
            raw, with_metadata=True, include_comments=False, include_tables=True, deduplicate=False
        )
    except Exception as e:  # trafilatura/lxml raise many kinds on broken markup
        raise InputProblem(ErrorKind.no_content, f"HTML could not be parsed: {type(e).__name__}: {e}") from None
    body = getattr(doc, "text", None) if doc is not None else None
    text = normalize(body or "")
    if not text:
        raise InputProblem(ErrorKind.no_content, "the page has no article text")
    published, warnings = _parse_published(getattr(doc, "date", None))
    head_title, head_published = head_metadata(text)
    return Article(
        id=default_id,
        source=getattr(doc, "sitename", None) or path,
        path=path,
        text=text,
        title=getattr(doc, "title", None) or head_title,
        published=published or head_published,
        url=getattr(doc, "url", None),
        warnings=warnings,
    )


def pdf_text(data: bytes) -> str:
    """The text layer of a PDF, its pages apart by a blank line. Raises InputProblem for a PDF that
    cannot be parsed (`binary`) and for one with no text to read, a scan (`no_text_layer`): there
    is no OCR here."""
    import logging

    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    logging.getLogger("pypdf").setLevel(logging.ERROR)  # its warnings on odd PDFs are not the user's
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise InputProblem(ErrorKind.unreadable, "the PDF is encrypted with a password; its text cannot be read")
        pages = [page.extract_text() or "" for page in reader.pages]
    except InputProblem:
        raise
    except (PyPdfError, ValueError, KeyError, TypeError, AttributeError, IndexError, OSError, RecursionError) as e:
        # pypdf raises many kinds on a broken file; the message says which
        raise InputProblem(ErrorKind.binary, f"PDF could not be parsed: {type(e).__name__}: {e}") from None
    text = "\n\n".join(p.strip() for p in pages if p.strip())
    if not text:
        raise InputProblem(
            ErrorKind.no_text_layer,
            f"the PDF has no text layer (no text on its {len(pages)} page{'s' if len(pages) != 1 else ''}: "
            "likely a scan); extractor does no OCR: run an OCR tool first (e.g. ocrmypdf) or give the text",
        )
    return text


def _article_from_text(raw: str, *, default_id: str, path: str) -> Article:
    text = normalize(raw)
    if not text:
        raise InputProblem(ErrorKind.empty, "the file holds only whitespace")
    title, published = head_metadata(text)
    return Article(id=default_id, source=path, path=path, text=text, title=title, published=published)


# --- files and folders ------------------------------------------------------------------------


def _suffixes(path: Path) -> tuple[str, bool]:
    """The article suffix of a path and whether it is gzipped: `a.html.gz` -> (".html", True)."""
    name = path.name.lower()
    gz = name.endswith(".gz")
    if gz:
        name = name[:-3]
    return Path(name).suffix, gz


def _stem(rel: Path) -> str:
    suffix, gz = _suffixes(rel)
    name = rel.name[:-3] if gz else rel.name
    if suffix and name.lower().endswith(suffix):
        name = name[: -len(suffix)]
    return (rel.parent / name).as_posix().removeprefix("./")


def _regular_file(path: Path) -> None:
    """Only regular files are read: a FIFO or a device in an input folder would block or never end."""
    try:
        mode = os.stat(path).st_mode
    except (OSError, ValueError) as e:
        raise InputProblem(ErrorKind.unreadable, f"cannot be read: {getattr(e, 'strerror', None) or e}") from None
    if stat.S_ISDIR(mode):
        raise InputProblem(ErrorKind.unreadable, "is a directory")
    if not stat.S_ISREG(mode):
        raise InputProblem(ErrorKind.unreadable, "not a regular file (a pipe, socket or device); not read")


def _read(path: Path, max_bytes: int) -> bytes:
    _regular_file(path)
    try:
        with open(path, "rb") as f:
            data = f.read(max_bytes + 1)
    except IsADirectoryError:
        raise InputProblem(ErrorKind.unreadable, "is a directory") from None
    except OSError as e:
        raise InputProblem(ErrorKind.unreadable, f"cannot be read: {e.strerror or e}") from None
    if len(data) > max_bytes:
        raise InputProblem(ErrorKind.too_large, f"larger than {max_bytes:,} bytes")
    _, gz = _suffixes(path)
    if gz:
        try:
            with gzip.GzipFile(fileobj=io.BytesIO(data)) as g:
                data = g.read(max_bytes + 1)
        except (OSError, EOFError, zlib.error) as e:
            raise InputProblem(ErrorKind.binary, f"not valid gzip: {e}") from None
        if len(data) > max_bytes:
            raise InputProblem(ErrorKind.too_large, f"decompresses to more than {max_bytes:,} bytes")
    return data


def read_file(
    path: Path, article_id: str, max_bytes: int = DEFAULT_MAX_BYTES, max_line_bytes: int = DEFAULT_MAX_LINE_BYTES
) -> Iterator[Article | ExtractionError]:
    """Every article of one file, or an error for each input of it that cannot be read. JSON Lines
    are streamed line by line; a line over `max_line_bytes` is rejected while it is read."""
    shown = shown_path(path)
    article_id = shown_path(article_id)
    suffix, _ = _suffixes(path)
    if str(path) == STDIN:
        yield from read_stream(sys.stdin.buffer, max_bytes, max_line_bytes)
        return
    try:
        if suffix in JSONL_SUFFIXES:
            yield from _read_jsonl_file(path, article_id, shown, max_bytes, max_line_bytes)
            return
        data = _read(path, max_bytes)
        is_pdf = suffix in PDF_SUFFIXES or data.startswith(PDF_MAGIC)  # by content too: "release.txt" may be a PDF
        if suffix not in ARTICLE_SUFFIXES and not is_pdf:
            what = sniff_binary(data)
            if what:
                raise InputProblem(ErrorKind.binary, f"not text: looks like {what}")
            raise InputProblem(ErrorKind.unsupported, f"unsupported file type {suffix or '(none)'!r}")
        raw, warnings = (pdf_text(data), []) if is_pdf else decode(data)
        if is_pdf:
            article = _article_from_text(raw, default_id=article_id, path=shown)
        elif suffix in JSON_SUFFIXES:
            obj = _parse_json(raw, "")
            article = _article_from_object(obj, default_id=article_id, path=shown)
        elif suffix in HTML_SUFFIXES:
            article = _article_from_html(raw, default_id=article_id, path=shown)
        else:
            article = _article_from_text(raw, default_id=article_id, path=shown)
        if shown != str(path):
            warnings = [*warnings, NAME_WARNING]
        article.warnings[:0] = warnings
        yield article
    except InputProblem as p:
        yield ExtractionError(source=shown, id=article_id, error=p.kind, message=_clean(str(p)))


def _parse_json(raw: str, where: str) -> Any:
    """One JSON document; every way it can fail (syntax, nesting a hundred thousand deep, integers
    of thousands of digits) is an InputProblem."""
    try:
        return json.loads(raw)
    except json.JSONDecodeError as e:
        message = f"{where}not valid JSON: {e.msg} (line {e.lineno} column {e.colno})"
        raise InputProblem(ErrorKind.json, message) from None
    except RecursionError:
        raise InputProblem(ErrorKind.json, f"{where}JSON nested too deeply to read") from None
    except ValueError as e:  # e.g. an integer over Python's digit limit
        raise InputProblem(ErrorKind.json, f"{where}not usable JSON: {_clean(str(e))[:200]}") from None


def _read_jsonl_file(
    path: Path, stem: str, shown: str, max_bytes: int, max_line_bytes: int
) -> Iterator[Article | ExtractionError]:
    """A JSON Lines file streamed: memory holds one line at a time, and a line longer than
    `max_line_bytes` is skipped over (an error entry) without ever being held whole."""
    _regular_file(path)
    _, gz = _suffixes(path)
    try:
        stream: Any = gzip.open(path, "rb") if gz else open(path, "rb")  # noqa: SIM115 - closed below
    except OSError as e:
        raise InputProblem(ErrorKind.unreadable, f"cannot be read: {e.strerror or e}") from None
    with stream:
        try:
            head = stream.peek(8192)[:8192] if hasattr(stream, "peek") else b""
        except (OSError, EOFError, zlib.error) as e:
            raise InputProblem(ErrorKind.binary, f"not valid gzip: {e}") from None
        if head.startswith((b"\xff\xfe", b"\xfe\xff", b"\x00\x00\xfe\xff")) or _utf16_without_bom(head):
            # UTF-16/32 JSON Lines: read whole (within max_bytes) and decoded at once
            data = stream.read(max_bytes + 1)
            if len(data) > max_bytes:
                raise InputProblem(ErrorKind.too_large, f"larger than {max_bytes:,} bytes")
            raw, warnings = decode(data)
            lines: Iterator[tuple[int, bytes | str | None]] = enumerate(raw.split("\n"), 1)
            yield from _read_jsonl(lines, stem, shown, warnings, max_line_bytes)
            return
        what = sniff_binary(head)
        if what:
            raise InputProblem(ErrorKind.binary, f"not text: looks like {what}")
        warnings = [NAME_WARNING] if shown != str(path) else []
        yield from _read_jsonl(
            bounded_lines(stream, max_line_bytes, max_bytes if gz else None), stem, shown, warnings, max_line_bytes
        )


def read_stream(
    stream: IO[bytes], max_bytes: int = DEFAULT_MAX_BYTES, max_line_bytes: int = DEFAULT_MAX_LINE_BYTES
) -> Iterator[Article | ExtractionError]:
    """Articles piped in: JSON Lines when the first thing in the stream is a JSON object (read a
    line at a time), else the whole stream as one article with the id `stdin` (a PDF's text
    layer, or plain text).

    Example:

        list(read_stream(io.BytesIO(b'{"text": "In 2022 there were 5 fires."}\\n')))
    """
    buffered: Any = stream if hasattr(stream, "peek") else io.BufferedReader(stream)
    head = buffered.peek(8192)[:8192]  # a pipe is buffered; a stream made in memory may not be
    stream = buffered
    try:
        if head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{"):
            lines = bounded_lines(stream, max_line_bytes, max_bytes)
            yield from _read_jsonl(lines, "stdin", "stdin", [], max_line_bytes)
            return
        data = stream.read(max_bytes + 1)
        if len(data) > max_bytes:
            raise InputProblem(ErrorKind.too_large, f"larger than {max_bytes:,} bytes")
        raw, warnings = (pdf_text(data), []) if data.startswith(PDF_MAGIC) else decode(data)
        article = _article_from_text(raw, default_id="stdin", path="stdin")
        article.warnings[:0] = warnings
        yield article
    except InputProblem as p:
        yield ExtractionError(source="stdin", id="stdin", error=p.kind, message=_clean(str(p)))
    except OSError as e:
        yield ExtractionError(source="stdin", id="stdin", error=ErrorKind.unreadable, message=str(e.strerror or e))


class _TooMuch(Exception):
    pass


def bounded_lines(stream: IO[bytes], limit: int, total: int | None) -> Iterator[tuple[int, bytes | str | None]]:
    """(number, line) for each line; None for a line over `limit` bytes, which is read through in
    pieces and never held. Raises _TooMuch when more than `total` bytes come (a gzip bomb)."""
    seen = 0
    number = 0
    while True:
        line = stream.readline(limit + 2)
        if not line:
            return
        number += 1
        seen += len(line)
        if len(line.rstrip(b"\r\n")) > limit:
            while line and not line.endswith(b"\n"):
                line = stream.readline(1 << 20)
                seen += len(line)
                if total is not None and seen > total:
                    raise _TooMuch
            yield number, None
        else:
            yield number, line
        if total is not None and seen > total:
            raise _TooMuch


def _decode_line(line: bytes, first: bool) -> tuple[str, list[str]]:
    if first and line.startswith(b"\xef\xbb\xbf"):
        line = line[3:]
    try:
        return line.decode("utf-8"), []
    except UnicodeDecodeError as e:
        where = f"{e.reason} at byte {e.start}"
        return line.decode("cp1252", errors="replace"), [f"not valid UTF-8 ({where}); read as cp1252"]


def _read_jsonl(
    lines: Iterator[tuple[int, bytes | str | None]], stem: str, shown: str, warnings: list[str], max_line_bytes: int
) -> Iterator[Article | ExtractionError]:
    seen_any = False
    number = 0
    try:
        for number, line in lines:
            where, default_id = f"{shown}:{number}", f"{stem}:{number}"
            if line is None:
                seen_any = True
                message = f"line {number} is longer than {max_line_bytes:,} bytes; not read"
                yield ExtractionError(source=where, id=default_id, error=ErrorKind.too_large, message=message)
                continue
            if isinstance(line, bytes):
                text, line_warnings = _decode_line(line, number == 1)
            else:
                text, line_warnings = line, []
            if not text.strip():
                continue
            seen_any = True
            obj: Any = None
            try:
                obj = _parse_json(text, f"line {number} is ")
                article = _article_from_object(obj, default_id=default_id, path=where)
                article.warnings[:0] = [*warnings, *line_warnings]
                yield article
            except InputProblem as p:
                given = _scalar(obj.get("id"), "id", []) if isinstance(obj, dict) else None
                yield ExtractionError(source=where, id=given or default_id, error=p.kind, message=_clean(str(p)))
    except _TooMuch:
        message = "decompresses to more than the size limit; the rest of the file is not read"
        yield ExtractionError(source=shown, id=f"{stem}:{number + 1}", error=ErrorKind.too_large, message=message)
        return
    except (OSError, EOFError, zlib.error) as e:
        message = f"cannot be read after line {number}: {getattr(e, 'strerror', None) or e}"
        yield ExtractionError(source=shown, id=f"{stem}:{number + 1}", error=ErrorKind.unreadable, message=message)
        return
    if not seen_any:
        yield ExtractionError(source=shown, id=stem, error=ErrorKind.empty, message="the file holds no JSON lines")


def _ignore_patterns(folder: Path, found: Walk | None = None) -> list[str]:
    ignore_file = folder / IGNORE_FILE
    try:
        outside = not _inside(os.path.realpath(ignore_file), os.path.realpath(folder))
        if ignore_file.is_symlink() and outside and not (found and found.follow_symlinks):
            return []  # never read outside the input
        if not ignore_file.is_file():
            return []  # missing, or a pipe that would block
        with open(ignore_file, encoding="utf-8", errors="replace") as f:
            lines = f.read(1_000_000).splitlines()
    except (OSError, ValueError):
        return []
    return [ln.strip() for ln in lines if ln.strip() and not ln.lstrip().startswith("#")]


def _ignored(rel: str, name: str, patterns: Iterable[str]) -> bool:
    return any(
        fnmatch.fnmatch(name, p) or fnmatch.fnmatch(rel, p) or rel.startswith(p.rstrip("/") + "/") for p in patterns
    )


def walk(paths: Iterable[str | Path], found: Walk | None = None) -> Iterator[tuple[Path, str] | ExtractionError]:
    """Each input file with its stable id stem, in a stable order: folders recursively, entries
    sorted by name; hidden files, gold files and `.extractorignore` patterns passed over (and
    listed in `found.ignored`). Symbolic links that lead out of the folder given become
    `outside_input` errors and are never read, unless `found.follow_symlinks`; symlinked folders
    inside it are not followed (their files are reached directly, and links may loop). Paths that
    do not exist are yielded too, so that they become errors."""
    found = found if found is not None else Walk()
    for given in paths:
        root = Path(given)
        if str(given) == STDIN:
            yield root, "stdin"
            continue
        try:
            is_dir = root.is_dir()
        except (OSError, ValueError):
            is_dir = False
        if not is_dir:
            yield root, _stem(Path(root.name))
            continue
        patterns = [*DEFAULT_IGNORE, *_ignore_patterns(root, found)]
        real = os.path.realpath(root)
        found._visited.add(real)
        yield from _walk_folder(root, root, patterns, found, real)


def _inside(path: str, folder: str) -> bool:
    return path == folder or path.startswith(folder.rstrip(os.sep) + os.sep)


def _walk_folder(
    root: Path, folder: Path, patterns: list[str], found: Walk, root_real: str
) -> Iterator[tuple[Path, str] | ExtractionError]:
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError as e:
        message = f"folder cannot be listed: {e.strerror or e}"
        yield ExtractionError(source=shown_path(folder), error=ErrorKind.unreadable, message=message)
        return
    for entry in entries:
        path = Path(entry.path)
        rel = path.relative_to(root).as_posix()
        try:
            excluded = found.exclude and Path(os.path.abspath(path)) in found.exclude  # abspath: loops don't resolve
            if entry.name.startswith(".") or _ignored(rel, entry.name, patterns) or excluded:
                found.ignored.append(shown_path(path))
            elif entry.is_symlink():
                yield from _symlink(root, path, rel, patterns, found, root_real)
            elif entry.is_dir(follow_symlinks=False):
                found._visited.add(os.path.realpath(path))
                yield from _walk_folder(root, path, patterns, found, root_real)
            else:
                yield path, _stem(Path(rel))
        except OSError as e:
            message = f"cannot be read: {e.strerror or e}"
            yield ExtractionError(
                source=shown_path(path), id=shown_path(_stem(Path(rel))), error=ErrorKind.unreadable, message=message
            )


def _symlink(
    root: Path, path: Path, rel: str, patterns: list[str], found: Walk, root_real: str
) -> Iterator[tuple[Path, str] | ExtractionError]:
    """A symbolic link met in a folder: out of the input, an error (or, with follow_symlinks,
    followed once); a folder inside, passed over (its files are reached directly); else a file."""
    target = os.path.realpath(path)  # the whole chain of links; a loop stays a path that fails to open
    inside = _inside(target, root_real)
    if not inside and not found.follow_symlinks:
        message = "a symbolic link out of the input folder; not followed (--follow-symlinks reads it)"
        yield ExtractionError(
            source=shown_path(path), id=shown_path(_stem(Path(rel))), error=ErrorKind.outside_input, message=message
        )
    elif os.path.isdir(path):
        if inside or target in found._visited or any(_inside(target, v) for v in found._visited):
            found.ignored.append(shown_path(path))
        else:
            found._visited.add(target)
            yield from _walk_folder(root, path, patterns, found, root_real)
    else:
        yield path, _stem(Path(rel))


def iter_articles(
    paths: Iterable[str | Path],
    published: dt.date | None = None,
    found: Walk | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    max_line_bytes: int = DEFAULT_MAX_LINE_BYTES,
) -> Iterator[Article | ExtractionError]:
    """Every article under `paths`, streamed (see `_iter_inputs`), with its body found: plain
    text loses the site chrome around the article, lines repeated across a folder's pages learned
    from the batch itself (extractor/body.py); an article not in English becomes an error entry
    of kind `language`."""
    yield from body.clean_articles(_iter_inputs(paths, published, found, max_bytes, max_line_bytes))


def _iter_inputs(
    paths: Iterable[str | Path],
    published: dt.date | None = None,
    found: Walk | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    max_line_bytes: int = DEFAULT_MAX_LINE_BYTES,
) -> Iterator[Article | ExtractionError]:
    """Every article under `paths`, streamed. `published` fills in the date of articles that have
    none. Ids are unique in a run: a repeated id gets a `~2`, `~3`... suffix and a warning. Never
    raises for an input: whatever goes wrong in reading one file becomes its error entry."""
    ids = _UniqueIds()
    for entry in walk(paths, found):
        if isinstance(entry, ExtractionError):
            ids.settle(entry)
            yield entry
            continue
        path, stem = entry
        for item in _guarded(read_file(path, stem, max_bytes, max_line_bytes), path, stem):
            ids.settle(item)
            if isinstance(item, Article) and item.published is None and published is not None:
                item.published = published
                item.warnings.append("publication date from --published")
            yield item


class _UniqueIds:
    """Ids unique in a run, error entries' too: a repeated id gets the first free `~2`, `~3`...
    suffix (never one an input already took, as "a~2" given in a JSON file) and a warning."""

    def __init__(self) -> None:
        self.used: set[str] = set()
        self.last: dict[str, int] = {}  # the last suffix given to an id: no rescan from ~2

    def settle(self, item: Article | ExtractionError) -> None:
        if item.id is None:
            return
        if item.id in self.used:
            n = self.last.get(item.id, 1) + 1
            while f"{item.id}~{n}" in self.used:
                n += 1
            self.last[item.id] = n
            new_id = f"{item.id}~{n}"
            if isinstance(item, Article):
                item.warnings.append(f"id {item.id!r} already used in this run; renamed {new_id!r}")
            item.id = new_id
        self.used.add(item.id)


def _guarded(items: Iterator[Article | ExtractionError], path: Path, stem: str) -> Iterator[Article | ExtractionError]:
    """The items of one file; an unforeseen failure in reading it ends that file with an
    `internal` error entry, never the run."""
    try:
        yield from items
    except Exception as e:  # a bug in reading one file must not end a run of a million
        first_line = _clean(str(e)).strip().splitlines()[0][:300] if str(e).strip() else ""
        yield ExtractionError(
            source=shown_path(path),
            id=shown_path(stem),
            error=ErrorKind.internal,
            message=f"reading failed ({type(e).__name__}): {first_line}",
        )
