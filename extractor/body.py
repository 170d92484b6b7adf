"""The article in a page saved as text: site chrome (navigation, sidebars, link lists, share and
"skip to content" lines, footers) is told from the article by general signals, never by site
names, and the record's `text` becomes the article alone, with a warning that counts what was
removed. Also the language check (py3langid, on the body): an article not in English is an
error entry, not facts.

Signals, each a class of lines with its own test table (tests/test_body.py):
- prose: a line of eight words or more that reads as a sentence (mostly lowercase words, or
  sentence punctuation at its end); the article runs from its first prose line to its last;
- teasers: a line cut short by an ellipsis is a link to another page, never prose;
- trailing headings ("Recent News", "Related articles") and release end marks ("# # #") close
  the article when little prose follows them;
- chrome lines: navigation words alone on a line, bare links, bracketed buttons, lines of another
  language, and lines that repeat (within the page, or across the pages of one folder: a batch
  learns its sidebars from itself) are removed where they stand alone between paragraphs;
- fragments: short lines that a link split out of a sentence ("County Supervisor\\nAnn Lee\\nsaid
  today ...") stay with their sentence;
- the release block ("For Immediate Release" and its date and contact lines) and the headline
  just above the article are part of it.
"""

from __future__ import annotations

from collections import Counter, OrderedDict, deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import PurePath
from typing import Any

from . import dates
from .lines import TERMINAL, is_prose, is_release_header, is_truncated, line_key, words
from .models import Article, ErrorKind, ExtractionError
from .rules import load, regexes, rules_cache

Item = Article | ExtractionError

HEADLINE_MAX_WORDS = 40
HEADLINE_MAX_CHARS = 300
FRAGMENT_MAX_WORDS = 10
CONTINUATION_START = ",.;:)]\u2019\u201d%"
LOOKAHEAD = 32  # articles read ahead, so that the first pages of a folder learn its repeated lines
WINDOW = 200  # pages of a folder whose lines are counted
REPEATED_MIN_PAGES = 3
REPEATED_SHARE = 0.1
MAX_FOLDERS = 8
LANGUAGE_MIN_LETTERS = 100  # less text in another language than this is not judged
LANGUAGE_MIN_CONFIDENCE = 0.5  # a line read as another language with less is no evidence
LANGUAGE_LINE_MIN_WORDS = 4  # shorter lines are labels and links, not the body
LANGUAGE_MAX_CHARS = 20_000  # the language is judged on the text's start
ENGLISH_MIN_SHARE = 0.25  # a share of the body's letters: a release beside its translation is English
HTML_SUFFIXES = (".html", ".htm", ".xhtml")
BODY_MAX_CHARS = 2_000_000  # longer texts are kept whole (a run refuses them over --max-chars anyway)


@rules_cache
def _rules() -> dict[str, Any]:
    return dict(load("body.json"))


@rules_cache
def _words(name: str) -> frozenset[str]:
    return frozenset(_rules()[name])


@rules_cache
def _foreign_words() -> frozenset[str]:
    english = _words("english_function_words")
    return frozenset(w for words in _rules()["foreign_function_words"].values() for w in words) - english


@rules_cache
def _foreign_date_words() -> frozenset[str]:
    english = load("dates.json")
    english_names = {*english["months"], *english["weekdays"]}
    table = {k: v for k, v in _rules()["foreign_date_words"].items() if not k.startswith("_")}
    return frozenset(w for names in table.values() for w in names) - english_names


def is_foreign_date(line: str) -> bool:
    """A date written in another language ("14 de Marzo de 2031", "jeudi 14 mars 2031"): a line with
    a number whose words are all month, weekday or function words of other languages, with a
    month or weekday among them, and a function word, two such names or a name in lowercase (so
    that a capitalized name alone, "Mars 2020", is no date)."""
    ws = words(line)
    if not ws or len(ws) > FRAGMENT_MAX_WORDS or not any(c.isdigit() for c in line):
        return False
    names = [w for w in ws if w.lower() in _foreign_date_words()]
    function = [w for w in ws if w.lower() in _foreign_words()]
    if not names or len(names) + len(function) < len(ws):
        return False
    return bool(function) or len(names) >= 2 or any(w.islower() for w in names)


def is_foreign(line: str) -> bool:
    """A line in another language: at least four words, two of them function words of another
    language, more than its English function words; or a date written in another language."""
    ws = [w.lower() for w in words(line)]
    if len(ws) < 4:
        return is_foreign_date(line)
    foreign = sum(1 for w in ws if w in _foreign_words())
    english = sum(1 for w in ws if w in _words("english_function_words"))
    return foreign >= 2 and foreign > english


def is_chrome_line(line: str) -> bool:
    """A navigation line: a navigation word alone ("Share", "Skip to content"), a bare link or
    address, a bracketed button, a reading time ("4 min read"), a line of punctuation or a lone
    small number (a breadcrumb's "2"); year-count and table lines are data, not chrome."""
    stripped = line.strip()
    key = line_key(stripped)
    if key in _words("chrome_lines") or key.lstrip("0123456789 ") in _words("chrome_lines"):
        return True
    if regexes.LINK_LINE.match(stripped) or regexes.BRACKETED.match(stripped):
        return True
    digits = sum(c.isdigit() for c in stripped)
    return not words(stripped) and (digits == 0 or (digits <= 3 and stripped.isdigit()))  # "/", "2": no data


def is_trailing_heading(line: str) -> bool:
    """A heading that opens the page's lists after an article: "Recent News", "Related stories"."""
    key = line_key(line)
    return key in _words("trailing_headings") or key.rstrip(":") in _words("trailing_headings")


def is_date_line(line: str) -> bool:
    """A line that is only a date, a date label, a timestamp, a labelled time relative to the
    reader ("Posted 2 hours ago"), or a date followed by a contact."""
    s = line.strip()
    return bool(
        regexes.DATE_LABEL.match(s)
        or regexes.RELATIVE_STAMP.match(s)
        or regexes.TIMESTAMP_LINE.match(s)
        or regexes.DATE_THEN_CONTACT.match(s)
        or (regexes.DATE_LINE.match(s) and dates.publication_date(s))
    )


def is_headline(line: str) -> bool:
    """A line shaped like a headline: 2 to 40 words, no sentence punctuation at its end, not
    prose, navigation, a date, a dateline paragraph ("DAYTON, Ohio - The city ..."), a
    year-count line or a line in another language. Headlines in capitals may look like a
    dateline: they are headlines."""
    s = line.strip().lstrip("#").strip()
    ws = s.split()
    dateline = regexes.DATELINE.match(s)
    return (
        2 <= len(ws) <= HEADLINE_MAX_WORDS
        and len(words(s)) >= 2
        and len(s) <= HEADLINE_MAX_CHARS
        and s[-1] not in '.:;,"\u201d'
        and not is_truncated(s)
        and not is_chrome_line(s)
        and not is_date_line(s)
        and not is_prose(s)
        and not (dateline and any(w[0].islower() for w in words(s[dateline.end() :])))
        and not regexes.YEAR_LINE.match(s)
        and not is_foreign(s)
    )


def _starts_as_continuation(line: str) -> bool:
    s = line.lstrip()
    return bool(s) and (s[0].islower() or s[0] in CONTINUATION_START or s[:2] in ("- ", "\u2013 ", "\u2014 "))


def _ends_sentence(line: str) -> bool:
    s = line.rstrip()
    return bool(s) and s[-1] in TERMINAL


def is_contact_line(line: str) -> bool:
    """A release's contact line: "Media contact: Ann Lee, spokeswoman"."""
    head = line_key(line.partition(":")[0]) if ":" in line else ""
    return head in _words("contact_labels")


# --- the body of one text ---------------------------------------------------------------------


@dataclass(frozen=True)
class Body:
    text: str
    removed_lines: int = 0
    removed_chars: int = 0

    def warning(self) -> str | None:
        if not self.removed_lines:
            return None
        return (
            f"site chrome removed: {self.removed_lines} line(s), {self.removed_chars:,} characters "
            "outside the article (navigation, sidebars, link lists, footers); offsets index the article text"
        )


def _title_keys(lines: list[str], nonblank: list[int], counts: Counter[str]) -> set[str]:
    """Keys of the page's title: its first line (with and without a " - Site" suffix) and any
    title-like line the page repeats."""
    keys: set[str] = set()
    if nonblank:
        first = lines[nonblank[0]].strip()
        keys.add(line_key(first))
        for sep in (" - ", " | ", " \u2013 ", " \u2014 "):
            if sep in first:
                keys.add(line_key(first.rsplit(sep, 1)[0]))
    keys.update(k for k, c in counts.items() if c >= 2 and k)
    return keys


def _is_titleish(line: str, title_keys: set[str]) -> bool:
    key = line_key(line)
    if key in title_keys:
        return True
    if is_truncated(line):
        stem = line_key(regexes.TRUNCATED.sub("", line))
        return len(stem) > 10 and any(k.startswith(stem) for k in title_keys)
    return False


@dataclass(frozen=True)
class _Page:
    """The lines of a text and what each one is: its key, whether it is prose or in another
    language, how often the page repeats it and whether the batch does."""

    lines: list[str]
    nonblank: list[int]
    keys: list[str]
    counts: Counter[str]
    in_batch: list[bool]
    prose: list[bool]
    foreign: list[bool]
    position: dict[int, int]  # line index -> its place among the nonblank lines

    @classmethod
    def read(cls, lines: list[str], nonblank: list[int], repeated: Callable[[str], bool] | None) -> _Page:
        keys = [line_key(ln) for ln in lines]
        return cls(
            lines=lines,
            nonblank=nonblank,
            keys=keys,
            counts=Counter(keys[i] for i in nonblank),
            in_batch=[bool(repeated and keys[i] and repeated(keys[i])) for i in range(len(lines))],
            prose=[is_prose(ln) for ln in lines],
            foreign=[is_foreign(ln) for ln in lines],
            position={i: k for k, i in enumerate(nonblank)},
        )


def find_body(text: str, repeated: Callable[[str], bool] | None = None) -> Body:
    """The article in `text`: the lines from its first prose line to its last (with the release
    block, the headline above it and sentence fragments), less the chrome lines standing alone
    inside. `repeated(key)` says whether a line repeats across the pages of the batch. A text
    with no prose line, with fewer than three lines or over BODY_MAX_CHARS is returned whole."""
    if len(text) > BODY_MAX_CHARS:
        return Body(text)
    lines = text.split("\n")
    nonblank = [i for i, ln in enumerate(lines) if ln.strip()]
    if len(nonblank) < 3:
        return Body(text)
    page = _Page.read(lines, nonblank, repeated)
    core = [i for i in nonblank if page.prose[i] and not page.in_batch[i] and not page.foreign[i]]
    if not core:
        return Body(text)
    first = core[0]
    limit = _article_limit(page, core)
    end = _last_line(page, max(i for i in core if i < limit), limit)
    title_keys = _title_keys(lines, nonblank, page.counts)
    start, k = _fragments_before(page, first, title_keys)
    start, k = _release_block(page, start, k)
    start = _header_above(page, start, k, title_keys)
    return _body_of(page, _kept_lines(page, start, end, first), text)


def _article_limit(page: _Page, core: list[int]) -> int:
    """Where the article ends at the latest: an end mark, or a trailing heading with little prose
    after it ("Related articles"); else the end of the text."""
    lines = page.lines
    start, in_core = core[0], set(core)
    total = sum(len(lines[i]) for i in core)
    after = total
    for i in page.nonblank:
        if i <= start:
            if i in in_core:
                after -= len(lines[i])
            continue
        if regexes.END_MARK.match(lines[i].strip()):
            return i
        if is_trailing_heading(lines[i]) and after < 0.25 * total:
            return i
        if i in in_core:
            after -= len(lines[i])
    return len(lines)


def _last_line(page: _Page, end: int, limit: int) -> int:
    """The last line of the article: what follows the last sentence and is still the article
    (short sentences, fragments of a sentence, year-count lines and tables, a contact line), up to
    the first line of chrome."""
    nonblank, lines = page.nonblank, page.lines
    k = page.position[end]
    while k + 1 < len(nonblank):
        nxt = nonblank[k + 1]
        line = lines[nxt]
        if (
            nxt >= limit
            or page.in_batch[nxt]
            or page.foreign[nxt]
            or (page.counts[page.keys[nxt]] >= 2 and not page.prose[nxt])
        ):
            break
        fragment = not _ends_sentence(lines[end]) and len(words(line)) <= FRAGMENT_MAX_WORDS
        if not (fragment or is_contact_line(line)) and (
            is_chrome_line(line) or is_truncated(line) or is_date_line(line) or is_headline(line)
        ):
            break
        end, k = nxt, k + 1
    return end


def _fragments_before(page: _Page, start: int, title_keys: set[str]) -> tuple[int, int]:
    """The first line of the article with the fragments before its first sentence ("County
    Supervisor\\nAnn Lee\\nannounced today ..."), and its place among the nonblank lines."""
    k = page.position[start]
    if not _starts_as_continuation(page.lines[start]):
        return start, k
    for _ in range(4):
        if k == 0:
            break
        prev = page.nonblank[k - 1]
        line = page.lines[prev]
        if (
            len(words(line)) > FRAGMENT_MAX_WORDS
            or (_ends_sentence(line) and not line.rstrip().endswith(","))
            or (is_chrome_line(line) and bool(words(line)))
            or is_date_line(line)
            or _is_titleish(line, title_keys)
            or is_truncated(line)
        ):
            break
        start, k = prev, k - 1
    return start, k


def _release_block(page: _Page, start: int, k: int) -> tuple[int, int]:
    """The start of the release block above the article, if any: "For Immediate Release" with a
    date line within two lines, or carrying the headline."""
    nonblank = page.nonblank
    for j in range(k - 1, max(-1, k - 16), -1):
        line = page.lines[nonblank[j]].strip()
        if regexes.RELEASE_TITLE.match(line) or (
            is_release_header(line)
            and any(is_date_line(page.lines[nonblank[m]]) for m in range(j, min(j + 3, len(nonblank))))
        ):
            return nonblank[j], j
    return start, k


def _header_above(page: _Page, start: int, k: int, title_keys: set[str]) -> int:
    """The start of the article with the header just above it: date lines and one headline (with
    its kicker: "Remarks by the Mayor:"); navigation lines between them are passed over."""
    nonblank, lines = page.nonblank, page.lines
    for _ in range(4):
        if k == 0:
            break
        prev = nonblank[k - 1]
        line = lines[prev]
        if is_date_line(line):
            start, k = prev, k - 1
            continue
        if is_chrome_line(line):
            k -= 1  # passed over ("Share" between the date and the article), removed below
            continue
        if is_headline(line) and not page.in_batch[prev] and not page.foreign[prev]:
            start = prev
            kicker = lines[nonblank[k - 2]] if k >= 2 else ""
            if (
                kicker.rstrip().endswith(":")
                and is_headline(kicker.rstrip()[:-1])
                and not _is_titleish(kicker, title_keys)
            ):
                start = nonblank[k - 2]
        break
    return start


def _kept_lines(page: _Page, start: int, end: int, first: int) -> list[int]:
    """The lines from start to end less the chrome standing alone between paragraphs; in the
    header above the first sentence only navigation lines go."""
    lines = page.lines
    kept: list[int] = []
    # inside a release block (its header, then date and contact lines up to the next sentence): an
    # office's releases all repeat it, the same press officer's name and title, yet it is the article's
    block = False
    for i in range(start, end + 1):
        if not lines[i].strip():
            kept.append(i)
            continue
        if is_release_header(lines[i]) or is_contact_line(lines[i]):
            block = True
        elif page.prose[i]:
            block = False
        if i < first or block:
            chrome = _is_chrome_here(lines, i, kept, 0, False, page.prose[i], i >= first and page.foreign[i])
        else:
            in_page = page.counts[page.keys[i]]
            chrome = _is_chrome_here(lines, i, kept, in_page, page.in_batch[i], page.prose[i], page.foreign[i])
        if not chrome:
            kept.append(i)
    return kept


def _body_of(page: _Page, kept: list[int], text: str) -> Body:
    """The kept lines as one text (no run of blank lines), with what was removed counted."""
    lines = page.lines
    out: list[str] = []
    for i in kept:
        if not lines[i].strip() and (not out or not out[-1].strip()):
            continue
        out.append(lines[i])
    kept_set = set(kept)
    removed = [i for i in page.nonblank if i not in kept_set]
    if not removed:
        return Body(text)
    return Body("\n".join(out).strip(), len(removed), sum(len(lines[i]) for i in removed))


def _is_chrome_here(
    lines: list[str], i: int, kept: list[int], in_page: int, in_batch: bool, prose: bool, foreign: bool
) -> bool:
    """Whether line i, inside the article's span, is chrome standing alone between paragraphs
    (not a fragment of a sentence that a link split)."""
    line = lines[i]
    chrome = (
        is_chrome_line(line)
        or foreign
        or (is_truncated(line) and not prose)
        or (not prose and (in_batch or in_page >= 2))
    )
    if not chrome:
        return False
    prev = next((lines[j] for j in reversed(kept) if lines[j].strip()), "")
    blank_before = bool(kept) and not lines[kept[-1]].strip()
    closed = _ends_sentence(prev) or regexes.END_MARK.match(prev.strip()) or is_date_line(prev)
    if prev and not blank_before and not closed:
        return False  # the line goes on from the one before
    if _starts_as_continuation(line):
        return False
    following = lines[i + 1] if i + 1 < len(lines) else ""
    return not (following.strip() and _starts_as_continuation(following) and not _ends_sentence(line))


# --- language ---------------------------------------------------------------------------------


def _letters(line: str) -> int:
    return len(regexes.ANY_LETTER.findall(line))


@cache
def _identifier() -> Any:
    """py3langid's model (shipped in its package), with probabilities that sum to one."""
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def language_problem(text: str) -> str | None:
    """Why `text` is not English, or None. Decided on the body, not the page's chrome: each line of
    four words or more that is no navigation line is identified by py3langid and weighs by its
    letters: a line read as English counts for English, one read as another language with some
    confidence counts against it, and the rest (names, "word word word") for neither. The text is
    English unless another language holds LANGUAGE_MIN_LETTERS letters and English is neither
    first nor ENGLISH_MIN_SHARE of the lines that count, so a sidebar in another language, or the
    translation below a release whose own lines are few and terse (a media advisory's
    WHAT/WHEN/WHERE), does not refuse an English release. Short texts pass."""
    lines = (line for line in text[:LANGUAGE_MAX_CHARS].split("\n") if line.strip())
    body = [line for line in lines if len(words(line)) >= LANGUAGE_LINE_MIN_WORDS and not is_chrome_line(line)]
    weights: Counter[str] = Counter()
    for line in body:
        language, confidence = _identifier().classify(line)
        if language == "en" or confidence >= LANGUAGE_MIN_CONFIDENCE:
            weights[language] += _letters(line)
    english = weights.pop("en", 0)
    if sum(weights.values()) < LANGUAGE_MIN_LETTERS:
        return None
    top, letters = weights.most_common(1)[0]
    total = english + sum(weights.values())
    if english >= letters or english >= ENGLISH_MIN_SHARE * total:
        return None
    names = _rules()["language_names"]
    return (
        f"not English: its body reads as {names.get(top, top)} ({100 * letters / total:.0f}% of the letters of"
        f" its lines; English {100 * english / total:.0f}%)"
    )


# --- a batch: repeated lines learned from the pages of each folder -----------------------------


class FolderLines:
    """Line counts over the last WINDOW pages of one folder."""

    def __init__(self) -> None:
        self.pages: deque[frozenset[str]] = deque()
        self.counts: Counter[str] = Counter()

    def add(self, text: str) -> None:
        text = text[:BODY_MAX_CHARS]
        keys = frozenset(k for k in (line_key(ln) for ln in text.split("\n")) if k and len(k) <= 300)
        self.pages.append(keys)
        self.counts.update(keys)
        if len(self.pages) > WINDOW:  # lines of pages out of the window are forgotten, so memory stays flat
            for key in self.pages.popleft():
                left = self.counts[key] - 1
                if left > 0:
                    self.counts[key] = left
                else:
                    del self.counts[key]

    def repeated(self, key: str) -> bool:
        count = self.counts.get(key, 0)
        return count >= REPEATED_MIN_PAGES and count >= REPEATED_SHARE * len(self.pages)


def _source_file(article: Article) -> str:
    path, sep, line = article.path.rpartition(":")
    return path if sep and line.isdigit() else article.path


def is_plain_text(article: Article) -> bool:
    """Plain text (.txt, .md, and the `text` of JSON): body detection applies. HTML bodies come
    from trafilatura, which has removed the page's chrome already."""
    name = _source_file(article).lower().removesuffix(".gz")
    return not name.endswith(HTML_SUFFIXES)


def _group(article: Article) -> str:
    """Pages that share chrome: the files of one folder; the lines of one JSON Lines file."""
    source = _source_file(article)
    return source if source != article.path else str(PurePath(source).parent)


def clean_articles(items: Iterable[Item], *, lookahead: int = LOOKAHEAD) -> Iterator[Item]:
    """Each item of `items`, in order: plain-text articles with their body found (lines that
    repeat across a folder's pages learned from the batch, reading `lookahead` articles ahead),
    and any article not in English turned into an error of kind `language`."""
    folders: OrderedDict[str, FolderLines] = OrderedDict()
    buffer: deque[tuple[Item, FolderLines | None]] = deque()
    for item in items:
        table: FolderLines | None = None
        if isinstance(item, Article) and is_plain_text(item):
            group = _group(item)
            table = folders.pop(group, None) or FolderLines()
            folders[group] = table
            while len(folders) > MAX_FOLDERS:
                folders.popitem(last=False)
            table.add(item.text)
        buffer.append((item, table))
        if len(buffer) > lookahead:
            yield _finish(*buffer.popleft())
    while buffer:
        yield _finish(*buffer.popleft())


def _finish(item: Item, table: FolderLines | None) -> Item:
    if not isinstance(item, Article):
        return item
    try:
        if table is not None:
            body = find_body(item.text, table.repeated)
            if body.removed_lines:
                item.text = body.text
                warning = body.warning()
                if warning:
                    item.warnings.append(warning)
        problem = language_problem(item.text)
    except Exception as e:  # body detection must never lose an article
        item.warnings.append(f"body detection failed ({type(e).__name__}); the whole text is kept")
        return item
    if problem:
        return ExtractionError(source=item.path, id=item.id, error=ErrorKind.language, message=problem)
    return item
