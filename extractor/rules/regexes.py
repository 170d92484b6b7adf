"""Every regex of the project, named, in one place. Regexes describe character shapes only; anything
about words and grammar is a spaCy rule. Each is linear: no nested quantifiers, so digit or quote
floods cannot make them backtrack."""

from __future__ import annotations

import re

from . import derived, load

# A month's name or abbreviation, from the one list of them (rules/dates.json), longest first; the
# regexes that use it ignore case.
MONTH = derived(
    lambda: "(?:" + "|".join(re.escape(m) for m in sorted(load("dates.json")["months"], key=len, reverse=True)) + ")"
)
WEEKDAY = r"(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs?)?|Fri|Sat(?:ur)?|Sun)(?:day|\.)?"
CLOCK = r"\d{1,2}(?::\d{2})?\s?(?:[ap]\.?m\.?|[AP]\.?M\.?)(?:\s?[A-Z]{2,4})?"

# A line that is only a publication date, possibly with a prefix and a clock time:
# "Published March 3, 2024", "Updated: Tue, Jan 9, 2024 10:32 a.m. ET", "2024-03-03", "Thursday, December 27, 2018"
DATE_LINE: re.Pattern[str] = derived(
    lambda: re.compile(
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
)

# "FOR IMMEDIATE RELEASE" and similar press-release headers that precede a date line.
RELEASE_HEADER = re.compile(r"^(?:for immediate release|news release|press release|media advisory)\b", re.I)

# A body paragraph opening with a dateline: "ST. LOUIS –", "DAYTON, Ohio —", "CEDAR RAPIDS (KWWL) -".
DATELINE = re.compile(
    r"^(?P<place>[A-Z][A-Z.'\- ]{1,40}?(?:,\s*[A-Z][A-Za-z.]{1,15}(?:\s[A-Z][A-Za-z.]{1,15})?)?)"
    r"\s*(?:\([A-Za-z0-9 .,&/]{1,30}\))?\s*[\u2013\u2014\-]{1,2}\s"
)

# Whitespace that reads as a space but is not one, and characters that take no room at all.
ODD_SPACE = re.compile(r"[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]")
ZERO_WIDTH = re.compile(r"[\u200b\u2060\ufeff\u00ad]")  # and the soft hyphen, a break hint inside a word
CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
LINE_BREAK = re.compile(r"\r\n?|[\x0c\u2028\u2029\x85]")

# A number in digits, with thousands separators in the right places or none: "1,204", "159", "12.5".
NUMBER = re.compile(r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?")
# A word of a header label, or a run of other characters: "Homicides", "by", "year", ":".
LABEL_WORD = re.compile(r"[A-Za-z][A-Za-z'\-]*|[^A-Za-z\s]+")
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

# --- site chrome, release headers and languages (ingest's body detection; extractor/body.py) ---

# A word for counting lines and languages: letters first, then letters, digits and inner
# apostrophes or hyphens ("don't", "so-called", "Café").
WORD_TOKEN = re.compile(r"[^\W\d_][^\W_]*(?:['\u2019\-][^\W_]+)*")
# A line cut short by the page: a teaser that ends in an ellipsis ("…", "...", "[…]").
TRUNCATED = re.compile(r"(?:\u2026|\.\.\.|\[\u2026\]|\[\.\.\.\])\s*$")
# A line that is only a web address or an e-mail address.
LINK_LINE = re.compile(r"^(?:https?://|www\.)\S+$|^[\w.+\-]+@[\w\-]+(?:\.[\w\-]+)+$", re.I)
# A line in square brackets: a button or a link label ("[Watch the video]").
BRACKETED = re.compile(r"^\[[^\[\]\n]{1,80}\]$")
# The end mark of a press release: "###", "# # #", "-30-", "- 30 -".
END_MARK = re.compile(r"^(?:#\s?#\s?#|-\s?30\s?-|\*\s?\*\s?\*)\s*$")
# A machine timestamp line of a page's metadata: "2019-04-02 08:15:00", "2019-04-02T08:15:00Z".
TIMESTAMP_LINE = re.compile(
    r"^(?P<date>\d{4}-\d{2}-\d{2})[T ]\d{2}:\d{2}(?::\d{2})?(?:\.\d+)?\s?(?:Z|[+\-]\d{2}:?\d{2}|UTC|GMT)?$"
)
# A date label alone on its line, its date on the next: "Published", "Posted on", "Date:".
DATE_LABEL = re.compile(r"^(?P<label>published|posted|updated|last updated|date|dated|released)(?:\s+on)?\s*:?$", re.I)
# A labelled time relative to the reader, which dates nothing: "Posted 2 hours ago", "Updated today".
RELATIVE_STAMP = re.compile(
    r"^(?:published|posted|updated|last updated)(?:\s+on)?\s*:?\s*"
    r"(?:\d+\s+(?:sec|second|min|minute|hr|hour|day|week|month|year)s?\s+ago|today|yesterday|just now)"
    r"(?:\s+at\s+\d{1,2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?)?\s*$",
    re.I,
)
# The label of a date line: "Published March 3, 2024" -> "Published".
DATE_LINE_LABEL = re.compile(r"^(?P<label>published|posted|last updated|updated|dated|date|released)\b", re.I)
# A date opening a line that goes on with a contact: "October 15, 2018 Contact: Ann Lee".
DATE_THEN_CONTACT: re.Pattern[str] = derived(
    lambda: re.compile(
        r"^(?P<date>" + MONTH + r"\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}|\d{1,2}\s+" + MONTH + r",?\s+\d{4}"
        r"|\d{4}-\d{2}-\d{2}|\d{1,2}/\d{1,2}/\d{4})\s*[|,\-\u2013\u2014]?\s*contacts?\b",
        re.I,
    )
)
# A release header that carries the headline: "For Immediate Release: County opens a shelter".
RELEASE_TITLE = re.compile(
    r"^(?:for immediate release|news release|press release|media advisory)\s*[:\-\u2013\u2014]\s*(?P<title>\S.*)$", re.I
)
# A dateline in parentheses opening a paragraph: "(Dallas, Texas) –", "(Cincinnati, OH)--".
PAREN_DATELINE = re.compile(
    r"^\((?P<place>[A-Z][A-Za-z.'\- ]{1,40}(?:,\s*[A-Z][A-Za-z.]{1,15}(?:\s[A-Z][A-Za-z.]{1,15})?)?)\)"
    r"\s*[\u2013\u2014\-]{1,2}\s?"
)
# Letters of Latin script (ASCII and the Latin-1, Extended-A and Extended-B blocks).
LATIN_LETTER = re.compile(r"[A-Za-z\u00c0-\u024f]")
ANY_LETTER = re.compile(r"[^\W\d_]")
# A dateline inside the first lines of a text, where a scraped headline runs into it
# ("...after a store holdupMARIETTA, Ohio (WXYZ) -- Two men"): a place in capitals, an optional state,
# an optional source in parentheses, a dash (a hyphen only with a space after it: "COVID-19" and
# "COVID -19" are no datelines), and a capitalized word or a number.
GLUED_DATELINE = re.compile(
    r"(?:^|(?<=[\s.!?\"'\u201d\u2019)a-z]))"
    r"(?P<place>[A-Z][A-Z.'\-]{1,25}(?: [A-Z][A-Z.'\-]{1,25}){0,3}"
    r"(?:,[ \t]{0,3}[A-Z][A-Za-z.]{1,15}(?:\s[A-Z][A-Za-z.]{1,15})?)?)"
    r"[ \t]{0,3}(?:\([A-Za-z0-9 .,&/]{1,30}\))?(?:[ \t]{0,3}(?:[\u2013\u2014]|--)|[ \t]{0,3}-(?=[ \t]))\s?"
    r"(?=[\"\u201c(]?[A-Z0-9])"
)
# A run of one to four capitalized words ("Chapel Hill", "St. Paul"), for places named in headlines.
CAPITALIZED_RUN = re.compile(r"(?:[A-Z][a-z]{1,30}\.?|[A-Z]\.|St\.)(?:[ \-](?:[A-Z][a-z]{1,30}\.?|[A-Z]\.)){0,3}")

# An official table with a column per year: "2014_murders", "murders 2015", "2016".
YEAR_COLUMN = re.compile(  # possessive runs and a metric ending in a non-separator: linear on floods
    r"^\s*+(?:(?P<year_first>(?:1[89]|20)\d{2})(?:[\s_\-]++(?P<metric_after>.*\S))?"
    r"|(?P<metric_before>.*?[^\s_\-])[\s_\-]++(?P<year_last>(?:1[89]|20)\d{2}))\s*$"
)
# A capitalized word at the end of a token a scraped headline ran into ("site.comRiverton").
TRAILING_CAPITALIZED = re.compile(r"(?<=[a-z.])[A-Z][a-z]{2,30}$")
# A place the lead calls suburban: "in south suburban Millbrook", "suburban Pine Hollow".
SUBURBAN_PLACE = re.compile(r"\bsuburban (?P<place>[A-Z][a-z]{2,30}(?:[ \-][A-Z][a-z]{1,30}){0,2})")
# A county by its name, for the county a text's "the county" means: "Marlow County", "St. Ives County".
COUNTY_NAME = re.compile(r"(?:(?:St\.|[A-Z][a-z]{1,30}) ){1,3}County\b")
# A city and its state in an outlet's name: "Riverton, OH News", "Millbrook, Ore. Daily".
CITY_STATE = re.compile(
    r"(?P<city>[A-Z][a-z]{2,30}(?: [A-Z][a-z]{1,30}){0,2}), (?P<state>[A-Z]{2}|[A-Z][a-z]{2,12}\.?)(?![A-Za-z])"
)

# --- tables, time expressions, metric and place keys, evaluation ---

# The cells of a small table row: split at a pipe, tabs, or two spaces and more.
TABLE_CELL_SPLIT = re.compile(r"[ \t]*\|[ \t]*|\t+|[ \t]{2,}")
# a table cell holding one count: "1,204", "96"
TABLE_COUNT = re.compile(r"\d{1,3}(?:,\d{3})+|\d+")
# A table's rule line: "---|---", "+=====+".
TABLE_RULE = re.compile(r"^[\s|:+\-=]+$")
# A decade, not a date: "the 1990s", "the early '80s", "mid-70s".
DECADE = re.compile(r"^(?:the\s+)?(?:early|mid|late|mid-)?\s*'?(?:\d{2}|\d{4})s$", re.IGNORECASE)
# A four-digit year inside a text, not part of a longer number: "in 2014", not "12,014".
YEAR_IN_TEXT = re.compile(r"(?<![\d,])(?:1[89]|20)\d{2}(?![\d,])")
# A citation of a law report: an optional year in parentheses, a volume, the report's abbreviation
# (capitalized pieces ending in dots, an optional series: "F.3d", "Cal.App.5th", "U.S.") and its
# pages: "(1999) 12 Cal.4th 345, 350", "123 F.3d 456". Bounded repeats: linear.
CITATION = re.compile(
    r"(?:\((?:1[89]|20)\d{2}\)\s{0,3})?(?<![\d,.])\d{1,4}\s(?:[A-Z][A-Za-z]{0,9}\.\s?){1,4}"
    r"(?:\d{1,2}(?:st|nd|rd|th|d)\s)?\s?\d{1,5}(?:,\s?\d{1,5}){0,3}"
)
# A date written as ISO 8601: "2024-07-23".
ISO_DATE = re.compile(r"^((?:1[89]|20)\d{2})-(\d{2})-(\d{2})$")
# A US numeric date, month first: "5/3/2024", "12/01/2023" (a day of a month of a year).
SLASH_DATE = re.compile(r"^(\d{1,2})/(\d{1,2})/((?:1[89]|20)\d{2})$")
# A day of a month as a token: "14", "3rd".
DAY_NUMBER = re.compile(r"(\d{1,2})(?:st|nd|rd|th)?")
# Two digits: the end of a year range ("2022-23") or a part of a split ISO date.
TWO_DIGITS = re.compile(r"\d{2}")
# What separates the words of a metric: anything but letters, digits, hyphens and spaces.
NOT_METRIC_WORD = re.compile(r"[^a-z0-9\- ]")
# The state after a city: "St. Louis, Mo." -> ", Mo.".
STATE_SUFFIX = re.compile(r",.*$")
NOT_ALNUM = re.compile(r"[^a-z0-9 ]+")
# Where a count's clause starts, looking back from it: a sentence's end or a line break.
CLAUSE_BREAK = re.compile(r"[.!?;]\s|\n")
# A word of an evaluation's text comparison: "don't", "O'Neill".
EVAL_WORD = re.compile(r"\w+(?:['\u2019]\w+)*")
# Half of a UTF-16 surrogate pair on its own: not text.
LONE_SURROGATE = re.compile("[\ud800-\udfff]")

# An HTML start tag of over 4,096 characters (a flood of attributes): its name, to keep it bare.
# libxml2 checks each attribute of a tag against every earlier one, so a tag of 200,000 attributes
# takes many minutes to parse; possessive quantifiers keep this regex itself linear.
LONG_HTML_TAG = re.compile(r"<([A-Za-z][\w:.-]*+)[^<>]{4096,}+>")
