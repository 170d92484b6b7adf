"""Time expressions to normalized values. The project's one dateparser call site: every date goes
through `parse`, always with the article's publication date as RELATIVE_BASE."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Literal

from dateparser.date import DateDataParser

from .rules import regexes

Precision = Literal["year", "month", "day"]


@dataclass(frozen=True)
class ParsedDate:
    date: dt.date
    precision: Precision

    @property
    def value(self) -> str:
        """The ISO value at the stated precision: "April 2021" is "2021-04", never a filled-in day."""
        if self.precision == "year":
            return f"{self.date.year:04d}"
        if self.precision == "month":
            return f"{self.date.year:04d}-{self.date.month:02d}"
        return self.date.isoformat()


@cache
def _parser(base: dt.date | None, prefer: str) -> DateDataParser:
    settings: dict[str, object] = {"PREFER_DATES_FROM": prefer, "RETURN_AS_TIMEZONE_AWARE": False}
    if base is not None:
        settings["RELATIVE_BASE"] = dt.datetime(base.year, base.month, base.day)
    return DateDataParser(languages=["en"], settings=settings)


def parse(text: str, base: dt.date | None, prefer: str = "past") -> ParsedDate | None:
    """Parse one time expression. `base` is the publication date (None: relative expressions
    cannot be resolved and the caller must not ask). Weeks resolve to their day. Each (text,
    date) is parsed once: dateparser takes milliseconds a call, and an article repeats its dates."""
    if base is None:  # read against today's date, which may change: never kept
        return _parse(text, base, prefer)
    return _parse_against(text, base, prefer)


@lru_cache(maxsize=8192)
def _parse_against(text: str, base: dt.date, prefer: str) -> ParsedDate | None:
    return _parse(text, base, prefer)


def _parse(text: str, base: dt.date | None, prefer: str) -> ParsedDate | None:
    try:
        data = _parser(base, prefer).get_date_data(text)
    except (ValueError, OverflowError, TypeError):  # dateparser raises on some odd inputs
        return None
    if data is None or data.date_obj is None:
        return None
    period = data.period or "day"
    precision: Precision = "day" if period in ("day", "week", "time") else period  # type: ignore[assignment]
    return ParsedDate(data.date_obj.date(), precision)


def publication_date(line: str) -> dt.date | None:
    """The date of a line that is nothing but a publication date ("Published March 3, 2024",
    "Thursday, December 27, 2018", "2024-03-03"); None for any other line."""
    m = regexes.DATE_LINE.match(line.strip())
    if not m:
        return None
    parsed = parse(m.group("date"), base=None)
    if parsed is None or parsed.precision != "day":
        return None
    return parsed.date
