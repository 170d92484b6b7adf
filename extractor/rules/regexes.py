"""Every regex of the project, named, in one place. Regexes describe character shapes only; anything
about words and grammar is a spaCy rule. Each is linear: no nested quantifiers, so digit or quote
floods cannot make them backtrack."""

from __future__ import annotations

import re

MONTH = (
    r"(?:Jan(?:uary|\.)?|Feb(?:ruary|\.)?|Mar(?:ch|\.)?|Apr(?:il|\.)?|May|June?|July?|Aug(?:ust|\.)?"
    r"|Sept?(?:ember|\.)?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?)"
)
WEEKDAY = r"(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs?)?|Fri|Sat(?:ur)?|Sun)(?:day|\.)?"
CLOCK = r"\d{1,2}(?::\d{2})?\s?(?:[ap]\.?m\.?|[AP]\.?M\.?)(?:\s?[A-Z]{2,4})?"

# A line that is only a publication date, possibly with a prefix and a clock time:
# "Published March 3, 2024", "Updated: Tue, Jan 9, 2024 10:32 a.m. ET", "2024-03-03", "Thursday, December 27, 2018"
DATE_LINE = re.compile(
    r"^(?:(?:published|updated|posted|last updated|date|dated|released)\s*(?:on)?\s*:?\s*)?"
    r"(?:" + WEEKDAY + r",?\s+)?"
    r"(?P<date>"
    r"" + MONTH + r"\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}"
    r"|\d{1,2}\s+" + MONTH + r",?\s+\d{4}"
    r"|\d{4}-\d{2}-\d{2}"
    r"|\d{1,2}/\d{1,2}/\d{4}"
    r")"
    r"(?:\s*(?:,|at|-|\u2013|\|)?\s*" + CLOCK + r")?\s*$",
    re.IGNORECASE,
)

# "FOR IMMEDIATE RELEASE" and similar press-release headers that precede a date line.
RELEASE_HEADER = re.compile(r"^(?:for immediate release|news release|press release|media advisory)\b", re.I)

# A body paragraph opening with a dateline: "ST. LOUIS –", "DAYTON, Ohio —", "CEDAR RAPIDS (KWWL) -".
DATELINE = re.compile(
    r"^(?P<place>[A-Z][A-Z.'\- ]{1,40}?(?:,\s*[A-Z][A-Za-z.]{1,15}(?:\s[A-Z][A-Za-z.]{1,15})?)?)"
    r"\s*(?:\([A-Za-z0-9 .&]{1,20}\))?\s*[\u2013\u2014\-]{1,2}\s"
)

# Whitespace that reads as a space but is not one, and characters that take no room at all.
ODD_SPACE = re.compile(r"[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]")
ZERO_WIDTH = re.compile(r"[\u200b\u2060\ufeff]")
CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
LINE_BREAK = re.compile(r"\r\n?|[\x0c\u2028\u2029\x85]")

# A number in digits, with thousands separators in the right places or none: "1,204", "159", "12.5".
NUMBER = re.compile(r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?")
# A four-digit year as a token.
YEAR = re.compile(r"(?:1[89]|20)\d{2}")
# Fiscal years written as one token: "FY2023", "FY23".
FISCAL_YEAR = re.compile(r"FY'?(?P<year>\d{2}|\d{4})", re.I)

# "2020: 263 HOMICIDES", "• 2019 — 412 burglaries", "2021 - 88": a year, a separator, a count.
YEAR_LINE = re.compile(
    r"^[ \t]*(?:[-\u2022*\u00b7\u25aa][ \t]*)?(?:FY[ \t]?|fiscal(?: year)?[ \t]+)?(?P<year>(?:1[89]|20)\d{2})"
    r"[ \t]*(?::|\u2013|\u2014|-|=|\t)[ \t]*(?P<rest>[^\n]*)$",
    re.MULTILINE | re.IGNORECASE,
)

# A number that may carry a sign, as in "(-8.2%)": one token for spaCy.
SIGNED_NUMBER = re.compile(r"(?P<sign>[-+\u2212])?(?P<number>(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)")
HAS_DIGIT = re.compile(r"\d")

# An official table with a column per year: "2014_murders", "murders 2015", "2016".
YEAR_COLUMN = re.compile(
    r"^\s*(?:(?P<year_first>(?:1[89]|20)\d{2})(?:[\s_\-]+(?P<metric_after>.*\S))?"
    r"|(?P<metric_before>.*?\S)[\s_\-]+(?P<year_last>(?:1[89]|20)\d{2}))\s*$"
)
