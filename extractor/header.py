"""Title and publication date from the header of a text: a headline line, release headers ("For
Immediate Release" and the date under it), labelled date lines ("Published", "Posted", "Date:",
"Updated", the label on its own line and the date on the next), a date followed by a contact
("March 3, 2019 Contact: ..."), a page's machine timestamp ("2019-04-02 08:15:00"), and a date
line near the headline. Dates are read from the text only, never from the machine's clock.

The release's own date wins over a website's re-publication date: a migrated release can say
"Published March 9, 2012" above "For Immediate Release / June 3rd, 2004".
"""

from __future__ import annotations

import datetime as dt

from . import dates
from .body import is_chrome_line, is_date_line, is_foreign, is_headline, is_prose, is_release_header
from .rules import regexes

HEAD_LINES = 60  # nonblank lines searched for the header before the first prose line
TITLE_LINES = 3  # the headline is one of the first nonblank lines (navigation skipped)
RELEASE_DATE_REACH = 2  # a release header's date is on its line or one of the next two

# Which date a header gives, best first: the release's own date, a "Date:" line, the page's
# timestamp, a date with a contact, a "Published"/"Posted" date, a date line alone, "Updated".
RANKS = ("release", "dated", "timestamp", "contact", "published", "bare", "updated")


def _timestamp(line: str) -> dt.date | None:
    m = regexes.TIMESTAMP_LINE.match(line)
    if not m:
        return None
    try:
        return dt.date.fromisoformat(m.group("date"))
    except ValueError:
        return None


def _leading_date(line: str) -> dt.date | None:
    """The date opening "October 15, 2018 Contact: Ann Lee"."""
    m = regexes.DATE_THEN_CONTACT.match(line)
    if not m:
        return None
    parsed = dates.parse(m.group("date"), base=None)
    return parsed.date if parsed is not None and parsed.precision == "day" else None


def _rank_of_date_line(line: str) -> str:
    m = regexes.DATE_LINE_LABEL.match(line)
    label = m.group("label").lower() if m else ""
    if label in ("date", "dated"):
        return "dated"
    if label in ("updated", "last updated"):
        return "updated"
    return "published" if label else "bare"


def _header(lines: list[str]) -> list[str]:
    """The nonblank lines before the first prose line (at most HEAD_LINES)."""
    head: list[str] = []
    for line in lines:
        if not line:
            continue
        if is_prose(line) or len(head) >= HEAD_LINES:
            break
        head.append(line)
    return head


def header_date(lines: list[str]) -> dt.date | None:
    """The publication date a text's header states, by RANKS; else, when a headline that reads
    as a sentence ends the header early, the release header or labelled date line ("Published",
    "Date:") among the first lines; None when it states none."""
    found = _header_dates(_header(lines), labelled_only=False)
    for line in lines:
        if line and (date := _timestamp(line)):
            found.setdefault("timestamp", date)
            break
    if not found:
        # a headline with a sentence for its deck ("Shelter Opens - Nearly 300 families have
        # been waiting ...") ends the header before the release block; its labelled lines still
        # say the date
        found = _header_dates([ln for ln in lines if ln][:HEAD_LINES], labelled_only=True)
    return next((found[rank] for rank in RANKS if rank in found), None)


def _header_dates(head: list[str], labelled_only: bool) -> dict[str, dt.date]:
    """The dates header lines state, by rank; `labelled_only`: only those a label or a release
    header introduces (a bare date further down can be any date)."""
    found: dict[str, dt.date] = {}

    def note(rank: str, date: dt.date | None) -> None:
        if date is not None and rank not in found:
            found[rank] = date

    for k, line in enumerate(head):
        if is_release_header(line):
            rest = regexes.RELEASE_HEADER.sub("", line).strip(" :-\u2013\u2014")
            for candidate in (rest, *head[k + 1 : k + 1 + RELEASE_DATE_REACH]):
                date = dates.publication_date(candidate) or _leading_date(candidate)
                if date:
                    note("release", date)
                    break
        elif regexes.DATE_LABEL.match(line) and k + 1 < len(head):
            label = regexes.DATE_LABEL.match(line).group("label").lower()  # type: ignore[union-attr]
            rank = "dated" if label in ("date", "dated") else "updated" if "updated" in label else "published"
            note(rank, dates.publication_date(head[k + 1]))
        elif date := dates.publication_date(line):
            rank = _rank_of_date_line(line)
            if not labelled_only or rank != "bare":
                note(rank, date)
        elif not labelled_only:
            note("contact", _leading_date(line))
    return found


def header_title(lines: list[str]) -> str | None:
    """The headline: a release header that carries it ("For Immediate Release: County opens a
    shelter"), else the first headline-shaped line among the first nonblank lines (navigation
    lines passed over). A headline wrapped onto a second line just above the article is joined."""
    head = _header(lines)
    nonblank = [ln for ln in lines if ln]
    for k, line in enumerate(head):
        m = regexes.RELEASE_TITLE.match(line)
        if m and not dates.publication_date(m.group("title")):
            return _joined(m.group("title").strip(), head, k, nonblank)
    seen = 0
    for k, line in enumerate(head):
        if seen >= TITLE_LINES:
            break
        if is_chrome_line(line) or is_foreign(line):
            continue  # navigation, a line in another language ("14 de Marzo de 2031")
        seen += 1
        if is_release_header(line) or is_date_line(line):
            continue
        candidate = line.lstrip("#").strip() if line.startswith("#") else line
        if is_headline(candidate):
            return _joined(candidate, head, k, nonblank)
        return None
    return None


def _joined(title: str, head: list[str], k: int, nonblank: list[str]) -> str:
    """`title` with the next header line when that line is the headline's second half: shaped
    like a headline, and the last header line before the article starts."""
    if k + 1 == len(head) - 1 and is_headline(head[k + 1]) and len(head) < len(nonblank):
        body_start = nonblank[len(head)]
        if regexes.DATELINE.match(body_start) or regexes.PAREN_DATELINE.match(body_start):
            return f"{title} {head[k + 1]}"
    return title


def head_metadata(text: str) -> tuple[str | None, dt.date | None]:
    """Title and publication date from the header of a (normalized) text."""
    lines = [ln.strip() for ln in text.split("\n")]
    return header_title(lines), header_date(lines)
