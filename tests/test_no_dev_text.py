"""No dev-set text in the project: no file of extractor/, tests/, docs/ or README.md may repeat the
wording of a real article of ../shared/data (press-dev, news-dev, wild-dev, polnear-dev, gvdb-dev,
html-en). corpus/ and ../shared/seed are our own texts, not dev data, and corpus/ is not scanned.

Comments describe classes of language in our own words and test sentences are our own invention; a
dev article is test data only. This test finds wording taken over from one:

- text is normalised to lowercase words (runs of \\w; quote marks, apostrophes, dashes and other
  punctuation only separate words, so their style does not matter; \\u201c-style escapes in source
  code count as punctuation too);
- the prose of a file is read in runs: a Python file's comments and string literals (code between
  them ends a run), each string of a JSON file (the items of a word list are separate phrases),
  the whole of any other file;
- a run *shares* a phrase with the dev data where N = 6 consecutive words of it also stand in a
  row in a dev article;
- an ordinary phrase is not a violation: one found in two or more different dev articles (a news-dev
  article counts as one with the article it was taken from), or in our own texts (corpus/ and
  ../shared/seed). So "the district attorney's office said" (six words, in two releases) passes,
  while six words in a row that only one article writes are that article's wording;
- any run of LONG = 10 or more shared words is a violation however common its phrases are.

Why N = 6: the quotations this test was written to catch are short (a clause or a noun phrase with
its numbers and names, five or six words around a count and a year), so 7 or 8 words in a row miss
nearly all of them; at 5 words even a phrase that only one article has is often plain English. The
rule of "one article only" keeps the stock phrases of crime news and releases out. A shorter quote
(a real person's name, one release's count) is not caught: keep writing invented ones.

Each violation is listed as file:line, the shared words and the article they come from. Run
`python -m tests.test_no_dev_text PATH...` to list the violations of some files (all scanned files,
PENDING included, when no path is given).
"""

from __future__ import annotations

import bisect
import html
import io
import json
import re
import sys
import tokenize
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"  # as tests/conftest.py finds it (not imported here: it loads spaCy)
DEV_DATA = SHARED / "data"

N = 6
LONG = 10

# Files to skip while a merge is under way; it must stay empty on main (a test below says so).
PENDING: tuple[str, ...] = ()

# The dev sets with real articles; the test fails when one is missing.
DEV_SETS = ("press-dev", "news-dev", "wild-dev", "polnear-dev", "gvdb-dev", "html-en")

_WORD = re.compile(r"\w+")
_ESCAPE = re.compile(r"\\(?:u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|x[0-9a-fA-F]{2}|[ntr])")
_JSON_STRING = re.compile(r'"(?:[^"\\]|\\.)*"')
_MARKUP = re.compile(r"<(script|style)\b.*?</\1\s*>|<!--.*?-->|<[^>]*>", re.S | re.I)


def words(text: str) -> list[str]:
    return [w.lower() for w in _WORD.findall(_ESCAPE.sub(" ", text))]


def _key(ws: list[str] | tuple[str, ...]) -> int:
    return hash(" ".join(ws))


# --- the dev articles --------------------------------------------------------------------------


def _json_text(record: dict[str, object]) -> str:
    return "\n".join(str(record.get(field) or "") for field in ("title", "text"))


def dev_articles(data: Path = DEV_DATA) -> Iterator[tuple[str, str, str]]:
    """(set, article name, text) for every dev article: JSON files with a "text" field, .txt files,
    JSONL lines with a "text" field, and HTML pages (their text without markup, scripts or styles)."""
    for name in DEV_SETS:
        folder = data / name
        if not folder.is_dir():
            raise FileNotFoundError(f"dev set {folder} is missing: ../shared/data must be beside the repo")
        articles = folder / "articles"
        for path in sorted(articles.glob("*.json")) if articles.is_dir() else []:
            yield name, f"{name}/{path.stem}", _json_text(json.loads(path.read_text(encoding="utf-8")))
        for path in sorted(articles.glob("*.txt")) if articles.is_dir() else []:
            yield name, f"{name}/{path.stem}", path.read_text(encoding="utf-8", errors="replace")
        for path in sorted(folder.glob("articles*.jsonl")):
            for line in path.read_text(encoding="utf-8").splitlines():
                if line.strip():
                    record = json.loads(line)
                    yield name, f"{name}/{record.get('id')}", _json_text(record)
        for path in sorted((folder / "html").glob("*.html")):
            page = path.read_bytes().decode("utf-8", errors="replace")
            yield name, f"{name}/{path.name}", html.unescape(_MARKUP.sub(" ", page))


def own_texts() -> Iterator[str]:
    """Our own articles: a phrase they also use is ours, not a quotation."""
    for folder in (ROOT / "corpus", SHARED / "seed"):
        for path in sorted(folder.glob("*")):
            if path.suffix in (".txt", ".json"):
                yield path.read_text(encoding="utf-8", errors="replace")


@dataclass(frozen=True)
class DevIndex:
    """Every N-word sequence of the dev articles: the article it is unique to, or "" when two or
    more articles (or our own texts) have it."""

    grams: dict[int, str]
    articles: int

    def owner(self, ws: list[str], i: int) -> str | None:
        return self.grams.get(_key(ws[i : i + N]))


@cache
def dev_index(data: Path = DEV_DATA) -> DevIndex:
    grams: dict[int, str] = {}
    news_dev: dict[int, str] = {}
    count = 0
    for set_name, article, text in dev_articles(data):
        count += 1
        ws = words(text)
        keys = {_key(ws[i : i + N]) for i in range(len(ws) - N + 1)}
        if set_name == "news-dev":  # a copy of an article of polnear-dev, gvdb-dev or html-en
            news_dev.update(dict.fromkeys(keys, article))
            continue
        for k in keys:
            grams[k] = "" if k in grams else article
    for k, article in news_dev.items():
        grams.setdefault(k, article)
    for text in own_texts():
        ws = words(text)
        for i in range(len(ws) - N + 1):
            if (k := _key(ws[i : i + N])) in grams:
                grams[k] = ""
    return DevIndex(grams, count)


# --- the project's files ------------------------------------------------------------------------


def project_files() -> list[Path]:
    """The files held to the rule: extractor/ (*.py, rules/*.json, report.html), tests/ (*.py and
    fixture files), docs/*.md and README.md. corpus/ is our own data and is not scanned."""
    found = [*ROOT.glob("extractor/**/*.py"), *ROOT.glob("extractor/rules/*.json"), ROOT / "extractor/report.html"]
    found += [p for p in ROOT.glob("tests/**/*") if p.is_file() and "__pycache__" not in p.parts]
    found += [*ROOT.glob("docs/*.md"), ROOT / "README.md"]
    return sorted(set(found))


@dataclass(frozen=True)
class Violation:
    path: str
    line: int
    phrase: str
    article: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.phrase!r}  (from {self.article})"


def _pieces(text: str, json_file: bool) -> list[tuple[int, str]]:
    """(offset, text) of the whole text, or of each string of a JSON file (items of a word list
    are phrases of their own: "skip to content", "skip to main content" make no run together)."""
    if not json_file:
        return [(0, text)]
    return [(m.start(), m.group()) for m in _JSON_STRING.finditer(text)]


def _segments(text: str, suffix: str) -> Iterator[list[tuple[int, str]]]:
    """(line, word) runs of prose: the whole text, each string of a JSON file, or the comments and
    string literals of Python (code between them ends a run: no "for x in" joins the string after)."""
    python, json_file = suffix == ".py", suffix == ".json"
    if not python:
        breaks = [i for i, ch in enumerate(text) if ch == "\n"]
        for start, part in _pieces(text, json_file):
            yield [(bisect.bisect_left(breaks, start + at) + 1, w) for at, w in _matches(part)]
        return
    run: list[tuple[int, str]] = []
    for tok in tokenize.generate_tokens(io.StringIO(text).readline):
        if tok.type in (tokenize.COMMENT, tokenize.STRING):
            for k, part in enumerate(tok.string.split("\n")):
                run += [(tok.start[0] + k, w) for _, w in _matches(part)]
        elif tok.type not in (tokenize.NL, tokenize.NEWLINE, tokenize.INDENT, tokenize.DEDENT):
            if run:
                yield run
            run = []
    if run:
        yield run


def _matches(text: str) -> list[tuple[int, str]]:
    return [(m.start(), m.group().lower()) for m in _WORD.finditer(_ESCAPE.sub(" ", text))]


def scan_text(text: str, path: str, index: DevIndex) -> list[Violation]:
    """The runs of words `text` shares with the dev articles that are violations (see the module)."""
    found: list[Violation] = []
    for segment in _segments(text, Path(path).suffix):
        ws = [w for _, w in segment]
        owners = [index.owner(ws, i) for i in range(len(ws) - N + 1)]
        i = 0
        while i < len(owners):
            if owners[i] is None:
                i += 1
                continue
            j = i  # a run of overlapping shared N-word sequences: words i .. j + N - 1
            while j + 1 < len(owners) and owners[j + 1] is not None:
                j += 1
            unique = [o for o in owners[i : j + 1] if o]
            if unique or j - i + N >= LONG:
                article = ", ".join(dict.fromkeys(unique)) or "several articles"
                found.append(Violation(path, segment[i][0], " ".join(ws[i : j + N]), article))
            i = j + 1
    return found


def scan_file(path: Path, index: DevIndex) -> list[Violation]:
    name = path.resolve().relative_to(ROOT).as_posix() if path.resolve().is_relative_to(ROOT) else str(path)
    return scan_text(path.read_text(encoding="utf-8", errors="replace"), name, index)


# --- tests --------------------------------------------------------------------------------------


def test_dev_data_is_there() -> None:
    # no skip: without the dev data this test would pass for the wrong reason
    assert DEV_DATA.is_dir(), f"{DEV_DATA} is missing: the dev data must be at ../shared/data beside the repo"
    counts: dict[str, int] = {}
    for set_name, _, text in dev_articles():
        assert text.strip()
        counts[set_name] = counts.get(set_name, 0) + 1
    assert all(counts.get(name, 0) >= 10 for name in DEV_SETS), counts


def test_no_file_is_pending() -> None:
    # a file skipped during a merge is a hole in the guard: on main the list is empty
    assert PENDING == ()


def test_the_scan_finds_a_copied_passage_and_passes_stock_phrases() -> None:
    index = dev_index()
    # a passage taken from a dev article at run time (never written down here) is found
    _, article, text = next(a for a in dev_articles() if a[0] == "press-dev" and len(words(a[2])) > 200)
    passage = " ".join(words(text)[100:112])
    found = scan_text(f"x = 1  # {passage}\n", "probe.py", index)
    assert [(v.line, v.phrase) for v in found] == [(1, passage)]
    assert article in found[0].article or found[0].article == "several articles"
    # stock phrases of releases and crime news, and our own inventions, are not
    for ordinary in (
        "The district attorney's office said on Monday that the case was closed.",
        "A man was pronounced dead at the scene.",
        "Ferry ridership in Lakemont rose 12% in 2031, the port authority said.",
    ):
        assert scan_text(ordinary, "probe.py", index) == [], ordinary


def test_no_dev_text() -> None:
    index = dev_index()
    files = [p for p in project_files() if p.relative_to(ROOT).as_posix() not in PENDING]
    assert len(files) > 50
    violations = [v for p in files for v in scan_file(p, index)]
    if violations:
        pytest.fail(
            f"{len(violations)} passages of the project repeat dev-set articles word for word "
            f"({N}+ words one article has, or {LONG}+ shared words); rewrite them in our own words:\n"
            + "\n".join(map(str, violations)),
            pytrace=False,
        )


def main(argv: list[str]) -> int:
    """Print every violation of the given files (default: all scanned files, PENDING included)."""
    index = dev_index()
    files = [Path(a) for a in argv] or project_files()
    violations = [v for p in files for v in scan_file(p, index)]
    for v in violations:
        print(v)
    print(f"{len(violations)} violations in {len(files)} files ({index.articles} dev articles)", file=sys.stderr)
    return 1 if violations else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
