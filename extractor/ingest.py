"""Files to Article models. Reads every input format of the contract (.txt/.md, .html/.htm, .json,
.jsonl, and .gz of each), decodes, normalizes whitespace so that spans index the record's `text`,
and finds title and publication date. No spaCy here: an input that cannot be read becomes an
ExtractionError, never an exception, so a run never loses an article."""

from __future__ import annotations

import datetime as dt
import fnmatch
import gzip
import io
import json
import os
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import dates
from .models import Article, ErrorKind, ExtractionError
from .rules import regexes

TEXT_SUFFIXES = {".txt", ".text", ".md", ".markdown"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSON_SUFFIXES = {".json"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
ARTICLE_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSON_SUFFIXES | JSONL_SUFFIXES
JSON_KEYS = {"text", "id", "title", "published", "source", "url"}
# Files in a folder that are never articles: gold annotations beside their articles, and the
# patterns of a `.extractorignore` file in the folder walked.
DEFAULT_IGNORE = ("*.gold.json",)
IGNORE_FILE = ".extractorignore"
DEFAULT_MAX_BYTES = 200_000_000

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
    """UTF-16 without a BOM shows as NULs in every other byte of ASCII text."""
    head = data[:4096]
    if len(head) < 4:
        return None
    even_nuls = head[0::2].count(0) / len(head[0::2])
    odd_nuls = head[1::2].count(0) / len(head[1::2])
    if odd_nuls > 0.4 and even_nuls < 0.05:
        return "utf-16-le"
    if even_nuls > 0.4 and odd_nuls < 0.05:
        return "utf-16-be"
    return None


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

HEADLINE_MAX_CHARS = 160


def _looks_like_headline(line: str) -> bool:
    words = line.split()
    return (
        2 <= len(words) <= 25
        and len(line) <= HEADLINE_MAX_CHARS
        and line[-1] not in '.:;,"\u201d'
        and not regexes.DATELINE.match(line)
        and not regexes.YEAR_LINE.match(line)
    )


def head_metadata(text: str) -> tuple[str | None, dt.date | None]:
    """Title and publication date from the first lines: a headline line, a date line
    ("Published March 3, 2024"), or a press-release header followed by a date line."""
    lines = [ln.strip() for ln in text.split("\n", 12)[:12]]
    nonblank = [(i, ln) for i, ln in enumerate(lines) if ln][:5]
    title: str | None = None
    published: dt.date | None = None
    for position, (i, line) in enumerate(nonblank):
        if published is None and (found := dates.publication_date(line)):
            published = found
            continue
        if regexes.RELEASE_HEADER.match(line):
            continue
        if line.startswith("#"):  # a Markdown heading
            line = line.lstrip("#").strip()
        next_line = lines[i + 1] if i + 1 < len(lines) else ""
        if (
            title is None
            and position <= 1
            and _looks_like_headline(line)
            and (not next_line or dates.publication_date(next_line) or regexes.RELEASE_HEADER.match(next_line))
        ):
            title = line
            continue
        break  # the body starts: anything further is not header
    return title, published


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
    text = normalize(text)
    if not text:
        raise InputProblem(ErrorKind.empty, "'text' is empty")
    published, warnings = _parse_published(obj.get("published"))
    head_title, head_published = head_metadata(text)
    given_id = obj.get("id")
    title = obj.get("title")
    return Article(
        id=str(given_id) if given_id not in (None, "") else default_id,
        source=str(obj["source"]) if obj.get("source") else path,
        path=path,
        text=text,
        title=str(title).strip() if title else head_title,
        published=published or head_published,
        url=str(obj["url"]) if obj.get("url") else None,
        meta={k: v for k, v in obj.items() if k not in JSON_KEYS},
        warnings=warnings,
    )


def _article_from_html(raw: str, *, default_id: str, path: str) -> Article:
    import trafilatura  # slow to import; only HTML inputs pay for it

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


def _read(path: Path, max_bytes: int) -> bytes:
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


def read_file(path: Path, article_id: str, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Article | ExtractionError]:
    """Every article of one file, or an error for each input of it that cannot be read."""
    shown = str(path)
    suffix, _ = _suffixes(path)
    try:
        data = _read(path, max_bytes)
        if suffix not in ARTICLE_SUFFIXES:
            what = sniff_binary(data)
            if what:
                raise InputProblem(ErrorKind.binary, f"not text: looks like {what}")
            raise InputProblem(ErrorKind.unsupported, f"unsupported file type {suffix or '(none)'!r}")
        raw, warnings = decode(data)
        if suffix in JSONL_SUFFIXES:
            yield from _read_jsonl(raw, article_id, shown, warnings)
            return
        if suffix in JSON_SUFFIXES:
            try:
                obj = json.loads(raw)
            except json.JSONDecodeError as e:
                raise InputProblem(ErrorKind.json, f"not valid JSON: {e}") from None
            article = _article_from_object(obj, default_id=article_id, path=shown)
        elif suffix in HTML_SUFFIXES:
            article = _article_from_html(raw, default_id=article_id, path=shown)
        else:
            article = _article_from_text(raw, default_id=article_id, path=shown)
        article.warnings[:0] = warnings
        yield article
    except InputProblem as p:
        yield ExtractionError(source=shown, id=article_id, error=p.kind, message=str(p))


def _read_jsonl(raw: str, stem: str, shown: str, warnings: list[str]) -> Iterator[Article | ExtractionError]:
    seen_any = False
    for number, line in enumerate(raw.split("\n"), 1):
        if not line.strip():
            continue
        seen_any = True
        where, default_id = f"{shown}:{number}", f"{stem}:{number}"
        obj: Any = None
        try:
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as e:
                message = f"line {number} is not valid JSON: {e.msg} (column {e.colno})"
                raise InputProblem(ErrorKind.json, message) from None
            article = _article_from_object(obj, default_id=default_id, path=where)
            article.warnings[:0] = warnings
            yield article
        except InputProblem as p:
            given = obj.get("id") if isinstance(obj, dict) else None
            yield ExtractionError(source=where, id=str(given) if given else default_id, error=p.kind, message=str(p))
    if not seen_any:
        yield ExtractionError(source=shown, id=stem, error=ErrorKind.empty, message="the file holds no JSON lines")


def _ignore_patterns(folder: Path) -> list[str]:
    try:
        lines = (folder / IGNORE_FILE).read_text(encoding="utf-8").splitlines()
    except OSError:
        return []
    return [ln.strip() for ln in lines if ln.strip() and not ln.lstrip().startswith("#")]


def _ignored(rel: str, name: str, patterns: Iterable[str]) -> bool:
    return any(
        fnmatch.fnmatch(name, p) or fnmatch.fnmatch(rel, p) or rel.startswith(p.rstrip("/") + "/") for p in patterns
    )


def walk(paths: Iterable[str | Path], found: Walk | None = None) -> Iterator[tuple[Path, str] | ExtractionError]:
    """Each input file with its stable id stem, in a stable order: folders recursively, entries
    sorted by name; hidden files, gold files and `.extractorignore` patterns passed over (and
    listed in `found.ignored`); symlinked folders are not followed (they may loop). Paths that do
    not exist are yielded too, so that they become errors."""
    found = found if found is not None else Walk()
    for given in paths:
        root = Path(given)
        if not root.is_dir():
            yield root, _stem(Path(root.name))
            continue
        patterns = [*DEFAULT_IGNORE, *_ignore_patterns(root)]
        yield from _walk_folder(root, root, patterns, found)


def _walk_folder(
    root: Path, folder: Path, patterns: list[str], found: Walk
) -> Iterator[tuple[Path, str] | ExtractionError]:
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError as e:
        yield ExtractionError(
            source=str(folder), error=ErrorKind.unreadable, message=f"folder cannot be listed: {e.strerror or e}"
        )
        return
    for entry in entries:
        path = Path(entry.path)
        rel = path.relative_to(root).as_posix()
        excluded = found.exclude and Path(os.path.abspath(path)) in found.exclude  # abspath: loops don't resolve
        if entry.name.startswith(".") or _ignored(rel, entry.name, patterns) or excluded:
            found.ignored.append(str(path))
        elif entry.is_dir(follow_symlinks=False):
            yield from _walk_folder(root, path, patterns, found)
        elif entry.is_symlink() and path.is_dir():
            found.ignored.append(str(path))
        else:
            yield path, _stem(Path(rel))


def iter_articles(
    paths: Iterable[str | Path],
    published: dt.date | None = None,
    found: Walk | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Iterator[Article | ExtractionError]:
    """Every article under `paths`, streamed. `published` fills in the date of articles that have
    none. Ids are unique in a run: a repeated id gets a `~2`, `~3`... suffix and a warning."""
    seen: dict[str, int] = {}
    for entry in walk(paths, found):
        if isinstance(entry, ExtractionError):
            yield entry
            continue
        path, stem = entry
        for item in read_file(path, stem, max_bytes):
            if item.id is not None:
                n = seen.get(item.id, 0) + 1
                seen[item.id] = n
                if n > 1:
                    new_id = f"{item.id}~{n}"
                    if isinstance(item, Article):
                        item.warnings.append(f"id {item.id!r} already used in this run; renamed {new_id!r}")
                    item.id = new_id
            if isinstance(item, Article) and item.published is None and published is not None:
                item.published = published
                item.warnings.append("publication date from --published")
            yield item
