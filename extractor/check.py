"""Extracted figures and claims against official figures.

Official CSVs come long (`metric,year,value[,location,source]`) or wide (a column per metric, mapped
with `--map homicide=homs_sum --year-col year --location-col department_name` or a mapping file).
Metrics match by head noun, modifiers and verb, through an editable synonym list
(rules/metrics.json) and the verb beside the count; places as a hierarchy from the gazetteer
(places.py: "Santa Ana, Calif." = "SANTA ANA", inside Orange County). Each figure gets a status
(match, mismatch with the difference, consistent, uncertain, not_comparable or no_official) and a
note that says why, naming the nearest official rows when none fits; percent changes are
recomputed from the official series, superlatives are checked year by year, and each article's
percent changes against its own figures."""

from __future__ import annotations

import csv
import difflib
import io
import json
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from enum import StrEnum
from functools import cache, lru_cache
from pathlib import Path
from typing import IO, Any  # Any is kept for the check rules' annotations on other branches too

from pydantic import BaseModel

from .models import INFERRED_BASES, ArticleRecord, Figure, Qualifier
from .places import Place, PlaceKind, parse_place, related
from .rules import load, regexes
from .vocabulary import LOW_SUPERLATIVES, singular

RULES = load("metrics.json")
DEFAULT_TOLERANCE = 0.05  # an approximate figure within 5% of the official one is consistent
PERCENT_POINT_SLACK = 0.5  # a stated percent rounds: 39.6% is "40%"


class Status(StrEnum):
    match = "match"
    mismatch = "mismatch"
    consistent = "consistent"
    no_official = "no_official"
    # a count for part of a year ("so far this year", "the first six months") against an annual value
    not_comparable = "not_comparable"
    # would be a mismatch, but the figure's year or metric was inferred from far context (the
    # paragraph, a list header, the headline): never an alarm on a guess
    uncertain = "uncertain"


class CheckRow(BaseModel):
    """One line of `extractor check --json`."""

    article: str
    kind: str  # figure | change | superlative | internal
    metric: str | None
    year: int | None
    location: str | None
    stated: float | None
    official: float | None
    status: Status
    qualifier: str | None = None
    difference: float | None = None
    relative_difference: float | None = None
    since: str | None = None
    source: str | None = None
    evidence: str | None = None
    note: str | None = None
    period: str | None = None  # the part of the year a figure covers (Figure.period)
    basis: str | None = None  # where the figure's year and metric were read (Figure.basis)


class OfficialDataError(Exception):
    """An official CSV that cannot be used, with the file, line and problem in its message."""


class CheckRowsError(Exception):
    """A file of check rows (`extractor check --json`) that cannot be used: the problem, without the file's name."""


# --- normal forms -------------------------------------------------------------------------------


SYNONYMS: dict[str, str] = {}
for _canonical, _variants in RULES["synonyms"].items():
    for _variant in [_canonical, *_variants]:
        SYNONYMS[" ".join(singular(w) for w in _variant.lower().split())] = _canonical


@dataclass(frozen=True)
class CheckWords:
    """The word lists of rules/check.json (metrics, verbs, county columns), loaded on first use."""

    neutral: frozenset[str]
    auxiliaries: frozenset[str]
    suffixes: tuple[str, ...]
    prefixes: tuple[str, ...]  # "number of"
    verb_forms: dict[str, str]  # "initiated" -> "open"
    head_by_verb: dict[str, dict[str, str]]  # "person" + "kill" -> "death"
    county_columns: frozenset[str]


@cache
def check_words() -> CheckWords:
    rules = load("check.json")
    metric = rules["metric"]
    return CheckWords(
        neutral=frozenset(metric["neutral"]),
        auxiliaries=frozenset(metric["auxiliaries"]),
        suffixes=tuple(metric["modifier_suffixes"]),
        prefixes=tuple(metric["quantity_prefixes"]),
        verb_forms={form: verb for verb, forms in metric["verbs"].items() for form in forms},
        head_by_verb=metric["head_by_verb"],
        county_columns=frozenset(rules["places"]["county_columns"]),
    )


@dataclass(frozen=True)
class MetricParts:
    """What a metric counts: its head noun, the modifiers that narrow it, and the verbs that say
    what was done with it ("investigations opened": head investigation, verb open)."""

    head: str
    modifiers: tuple[str, ...]
    verbs: frozenset[str]

    @property
    def key(self) -> str:
        """The canonical phrase: "murders" -> "homicide", "investigations opened" -> "investigation (open)"."""
        phrase = " ".join([*self.modifiers, self.head])
        return phrase + (f" ({', '.join(sorted(self.verbs))})" if self.verbs else "")


@lru_cache(maxsize=65536)
def metric_parts(metric: str | None) -> MetricParts | None:
    """A metric read into head, modifiers and verbs, synonyms made canonical and neutral words
    ("reported", "total") dropped; "gang-related" is the modifier "gang".

    Example:

        metric_parts("reported gang-related murders")  # head "homicide", modifiers ("gang",)
        metric_parts("investigations opened")  # head "investigation", verbs {"open"}
    """
    if not metric:
        return None
    vocabulary, text = check_words(), " ".join(metric.lower().split())
    for prefix in vocabulary.prefixes:
        if text.startswith(prefix + " "):
            text = text[len(prefix) + 1 :]
            break
    for suffix in vocabulary.suffixes:
        text = text.replace(suffix, " ")
    raw = regexes.NOT_METRIC_WORD.sub(" ", text).split()
    forms = vocabulary.verb_forms
    verbs = frozenset(forms[w] for w in raw if w in forms)
    words = [singular(w) for w in raw if w not in forms and w not in vocabulary.neutral]
    if not words:
        return None
    # the longest ending that is a known metric takes its canonical name: "fatal overdose" is an
    # "overdose death", "fentanyl overdose death" an "overdose death" with the modifier "fentanyl"
    for k in range(len(words)):
        tail = " ".join(words[k:])
        if tail in SYNONYMS:
            words = words[:k] + SYNONYMS[tail].split()
            break
    return MetricParts(words[-1], tuple(dict.fromkeys(words[:-1])), verbs)


def metric_key(metric: str | None) -> str | None:
    """A metric in its canonical form: "murders" -> "homicide", "shooting incident" -> "shooting"."""
    parts = metric_parts(metric)
    if parts is None:
        return " ".join(metric.lower().split()) if metric and metric.strip() else None
    return parts.key


class Fit(StrEnum):
    """How a stated metric stands to an official one."""

    same = "same"
    broader = "broader"  # the statement names less than the official metric: "deaths" vs "traffic deaths"
    other = "other"


@lru_cache(maxsize=262144)
def metric_fit(stated: MetricParts, official: MetricParts, verb: str | None = None) -> tuple[Fit, str]:
    """Whether a stated metric is the official one, with the reason when it is not. Head noun,
    modifiers and verbs all count; `verb` is the one beside the count in the article.

    Example:

        metric_fit(metric_parts("deaths"), metric_parts("traffic deaths"))  # (Fit.broader, ...)
        metric_fit(metric_parts("investigations"), metric_parts("investigations opened"), "assist")
        # (Fit.other, ...)
    """
    if stated.head != official.head:
        return Fit.other, f"it counts {stated.key}, not {official.key}"
    said = stated.verbs | ({verb} if verb else set())
    unsaid_verb = False
    if official.verbs and not said & official.verbs:
        if said:
            done, counted = " or ".join(sorted(said)), " or ".join(sorted(official.verbs))
            return Fit.other, f"the article's {stated.head} count is of '{done}', the official one of '{counted}'"
        unsaid_verb = True
    mine, theirs = set(stated.modifiers), set(official.modifiers)
    if not mine <= theirs:
        extra = " ".join(m for m in stated.modifiers if m not in theirs)
        return Fit.other, f"the article counts '{extra} {stated.head}' only; the official '{official.key}' counts more"
    if mine < theirs or unsaid_verb:
        return Fit.broader, f"the article says only '{stated.key}', the official row counts '{official.key}'"
    return Fit.same, ""


def place_key(place: str | None) -> str | None:
    """ "St. Louis, Mo." -> "saint louis"; "ST. LOUIS" and "Saint Louis" too."""
    if not place:
        return None
    text = regexes.STATE_SUFFIX.sub("", place.lower())
    text = regexes.NOT_ALNUM.sub(" ", text.replace(".", " "))
    words = ["saint" if w in ("st",) else "fort" if w in ("ft",) else "mount" if w == "mt" else w for w in text.split()]
    drop = set(RULES["place_words_to_drop"])
    words = [w for w in words if w not in drop] or words
    return " ".join(words)


def clause_verb(text: str, start: int, end: int) -> str | None:
    """The verb a count is stated with: the last known verb in its clause up to the end of the
    count's phrase ("the unit opened 290 investigations"), else the word right after the phrase
    ("290 investigations opened").

    Example:

        clause_verb("In 2020 the team assisted in 40 probes.", 32, 41)  # "assist"
    """
    forms, window = check_words().verb_forms, text[max(0, start - 300) : end]
    breaks = [b for b in regexes.CLAUSE_BREAK.finditer(window) if b.end() <= len(window) - (end - start)]
    before = regexes.WORD_TOKEN.findall(window[breaks[-1].end() if breaks else 0 :])
    for word in reversed(before):
        if word.lower() in forms:
            return forms[word.lower()]
    after = regexes.WORD_TOKEN.findall(regexes.CLAUSE_BREAK.split(text[end : end + 40], maxsplit=1)[0])
    after = [w.lower() for w in after]
    while after and after[0] in check_words().auxiliaries:
        after.pop(0)
    return forms.get(after[0]) if after else None


# --- official data ------------------------------------------------------------------------------


@dataclass(frozen=True)
class OfficialValue:
    value: float
    source: str | None
    line: int


@dataclass(frozen=True)
class OfficialRow:
    """One official value with its metric and place read for comparison."""

    metric: str
    parts: MetricParts
    year: int
    place: Place | None
    value: OfficialValue

    def describe(self) -> str:
        where = f" for {self.place.name}" if self.place else ""
        return f"official {self.metric} {self.year}{where}: {self.value.value:g} (line {self.value.line})"


@dataclass
class Finding:
    """What the official data holds for a figure: the row that fits, how well, and why."""

    row: OfficialRow | None
    fit: Fit | None
    note: str


@dataclass
class OfficialData:
    """Official values by (metric key, year, place key); a place of None stands for any place."""

    values: dict[tuple[str, int, str | None], OfficialValue] = field(default_factory=dict)
    path: str = ""
    duplicates: list[str] = field(default_factory=list)  # rows that repeat an earlier one: warnings
    by_year: dict[int, list[OfficialRow]] = field(default_factory=dict)
    by_head: dict[str, list[OfficialRow]] = field(default_factory=dict)  # the rows of every year by head noun
    # the rows a lookup reads, so that a table of every US city stays fast: by year and head noun,
    # and by year and place name (None: rows for any place)
    by_year_head: dict[tuple[int, str], list[OfficialRow]] = field(default_factory=dict)
    by_year_place: dict[tuple[int, str | None], list[OfficialRow]] = field(default_factory=dict)

    def get(self, metric: str | None, year: int, place: str | None) -> OfficialValue | None:
        """The official value for exactly this metric, year and place (or a row for any place).

        Example:

            data.get("murders", 2014, "ST. LOUIS")  # OfficialValue(159.0, "FBI UCR", 3)
        """
        found = self.find(metric, year, place)
        return found.row.value if found.row is not None and found.fit is Fit.same else None

    def find(self, metric: str | None, year: int, place: str | None, verb: str | None = None) -> Finding:
        """The official row that fits a stated metric, year and place; else the nearest rows, named
        in the note. A row whose metric is narrower than the statement's comes back with
        `Fit.broader` (never compared).

        Example:

            data.find("deaths", 2017, "Marlow County")  # Finding(row, Fit.broader, "...")
        """
        parts = metric_parts(metric)
        if parts is None:
            return Finding(None, None, "the figure names no metric")
        head = check_words().head_by_verb.get(parts.head, {}).get(verb or "")
        if head:  # "33 people killed" count deaths
            parts = MetricParts(head, parts.modifiers, parts.verbs)
        here = parse_place(place)
        broader: tuple[OfficialRow, str] | None = None
        for row in self.by_year_head.get((year, parts.head), []):
            if not _same_place(row.place, here):
                continue
            fit, why = metric_fit(parts, row.parts, verb)
            if fit is Fit.same:
                return Finding(row, fit, row.describe())
            # of the rows narrower than the statement, the nearest: "dui death" before "fentanyl overdose death"
            if fit is Fit.broader and (broader is None or len(row.parts.modifiers) < len(broader[0].parts.modifiers)):
                broader = (row, why)
        if broader is not None:
            row, why = broader
            return Finding(row, Fit.broader, f"{why}: not compared ({row.describe()})")
        return Finding(None, None, self._nearest(parts, year, here, verb))

    def _nearest(self, parts: MetricParts, year: int, here: Place | None, verb: str | None) -> str:
        """Why no row fits, naming the nearest official rows: the same metric and year for a place
        that contains the figure's place or lies in it, the same place and year for another
        metric, the same metric and place in other years, or other places."""
        shown = here.name if here else "no place"
        same_head = self.by_year_head.get((year, parts.head), [])
        metric_rows = [r for r in same_head if metric_fit(parts, r.parts, verb)[0] is not Fit.other]
        if here is not None:
            around = [r for r in metric_rows if r.place is not None and related(r.place, here)]
            if around:
                names = _names(r.place.name for r in around if r.place)
                return f"official row for {names}; the article's figure is for {shown} ({around[0].describe()})"
        nearby = self.by_year_place.get((year, here.key), []) if here else []
        here_rows = [r for r in nearby + self.by_year_place.get((year, None), []) if _same_place(r.place, here)]
        near = [(r, metric_fit(parts, r.parts, verb)[1]) for r in here_rows if r.parts.head == parts.head]
        if near:
            return f"{near[0][1]} ({near[0][0].describe()})"
        years = sorted(
            {r.year for r in self.by_head.get(parts.head, []) if _same_place(r.place, here)
             and metric_fit(parts, r.parts, verb)[0] is not Fit.other}
        )  # fmt: skip
        if years:
            return f"official {parts.key} for {shown} covers {_years(years)}, not {year}"
        if metric_rows:
            places = _names(r.place.name for r in metric_rows if r.place)
            return f"official {parts.key} {year} rows are for {places}, not {shown}"
        if here_rows:
            metrics = _names(r.metric for r in here_rows)
            return f"no official {parts.key} for {shown} in {year}; its rows count {metrics}"
        return f"no official {parts.key} in {year} for {shown}"

    def add(self, metric: str, year: int, place: str | None, value: OfficialValue) -> None:
        where = parse_place(place)
        # a row repeated however it is spelled; but Orange County, CA is not Orange County, Fla.,
        # and Charlton City is not Charlton
        key = (metric_key(metric) or metric, year, where.spelling if where else None)
        existing = self.values.get(key)
        if existing is not None and existing.value != value.value:
            raise OfficialDataError(
                f"{self.path}, line {value.line}: {metric} {year} {place or ''} is {value.value:g} here but "
                f"{existing.value:g} on line {existing.line}"
            )
        if existing is not None:
            self.duplicates.append(
                f"{self.path}, line {value.line}: {metric} {year} {place or ''} repeats line {existing.line}"
            )
            return
        self.values[key] = value
        parts = metric_parts(metric)
        if parts is not None:
            row = OfficialRow(metric, parts, year, where, value)
            self.by_year.setdefault(year, []).append(row)
            self.by_head.setdefault(parts.head, []).append(row)
            self.by_year_head.setdefault((year, parts.head), []).append(row)
            self.by_year_place.setdefault((year, where.key if where else None), []).append(row)

    def places(self) -> list[str]:
        """The place names of the official rows, as written, most rows first."""
        counts = Counter(r.place.name for rows in self.by_year.values() for r in rows if r.place)
        return [name for name, _ in counts.most_common()]

    def metrics(self) -> list[str]:
        """The metrics of the official rows, as written, most rows first."""
        return [name for name, _ in Counter(r.metric for rows in self.by_year.values() for r in rows).most_common()]


def _same_place(official: Place | None, stated: Place | None) -> bool:
    """An official row without a place stands for any place; one with a place needs the same place."""
    if official is None:
        return True
    return stated is not None and official.same(stated)


def _names(names: Iterable[str], most: int = 3) -> str:
    """Up to `most` names, one per place ("Orange County" and "Orange County, CA" are one)."""
    unique: list[tuple[str, Place | None]] = []
    for name in names:
        place = parse_place(name)
        if not any(name == seen or (place and other and place.same(other)) for seen, other in unique):
            unique.append((name, place))
    shown = ", ".join(name for name, _ in unique[:most])
    return shown + (f" and {len(unique) - most} more" if len(unique) > most else "")


def _years(years: list[int]) -> str:
    if not years:
        return "none"
    if years[-1] - years[0] + 1 == len(years) and len(years) > 2:
        return f"{years[0]}-{years[-1]}"
    return ", ".join(map(str, years)) if len(years) <= 4 else f"{len(years)} years from {years[0]} to {years[-1]}"


@dataclass
class ColumnMap:
    """How to read a wide official file: which columns hold the year, place, source, and each metric."""

    year: str = "year"
    location: str | None = None
    source: str | None = None
    metrics: dict[str, str] = field(default_factory=dict)

    @classmethod
    def from_file(cls, path: Path) -> ColumnMap:
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except OSError as e:
            raise OfficialDataError(f"{path}: cannot be read ({e.strerror or e})") from None
        except (json.JSONDecodeError, UnicodeDecodeError) as e:
            raise OfficialDataError(f"{path}: not a readable JSON mapping ({e})") from None
        if not isinstance(data, dict) or not isinstance(data.get("metrics"), dict):
            raise OfficialDataError(f'{path}: a mapping needs "metrics": {{"homicide": "column", ...}}')
        return cls(
            year=data.get("year", "year"),
            location=data.get("location"),
            source=data.get("source"),
            metrics={str(k): str(v) for k, v in data["metrics"].items()},
        )


def _number(text: str, path: Path, line: int, column: str) -> float | None:
    cleaned = text.strip().replace(",", "")
    if cleaned in ("", "NA", "N/A", "NaN", "nan", "null", "-", "\u2014"):
        return None
    try:
        return float(cleaned)
    except ValueError:
        raise OfficialDataError(f"{path}, line {line}: {column} {text.strip()!r} is not a number") from None


def _year(text: str, path: Path, line: int, column: str) -> int:
    try:
        year = int(float(text.strip()))
    except ValueError:
        raise OfficialDataError(f"{path}, line {line}: {column} {text.strip()!r} is not a year") from None
    if not 1800 <= year <= 2100:
        raise OfficialDataError(f"{path}, line {line}: {column} {year} is not a year between 1800 and 2100")
    return year


@dataclass
class YearColumns:
    """A table with a column per year ("city,state,2014_murders,2015_murders"): which columns
    hold which year and metric, and which name the place."""

    years: dict[str, tuple[int, str | None]]
    places: list[str]
    metric: str | None = None  # a "metric" column, for tables whose year columns name no metric

    @classmethod
    def detect(cls, header: list[str]) -> YearColumns | None:
        years: dict[str, tuple[int, str | None]] = {}
        for column in header:
            m = regexes.YEAR_COLUMN.match(column)
            if m:
                year = int(m.group("year_first") or m.group("year_last"))
                metric = (m.group("metric_after") or m.group("metric_before") or "").replace("_", " ").strip()
                years[column] = (year, metric or None)
        if not years:
            return None
        lowered = {c.strip().lower(): c for c in header}
        places = [lowered[c] for c in (*RULES["place_columns"], *RULES["region_columns"]) if c in lowered]
        return cls(years=years, places=places, metric=lowered.get("metric"))

    def place(self, row: dict[str, str | None]) -> str | None:
        """ "Baltimore" and "Maryland" give "Baltimore, Maryland": the place key keeps the city."""
        parts = [place_cell(c, row.get(c)) for c in self.places]
        return ", ".join(p for p in parts if p) or None


def place_cell(column: str, value: str | None) -> str:
    """A place cell as a place name: the column says what a bare name is ("Orange" in a `county`
    column is Orange County).

    Example:

        place_cell("county", "Orange")  # "Orange County"
    """
    name = (value or "").strip()
    if not name or column.strip().lower() not in check_words().county_columns:
        return name
    place = parse_place(name)
    return name if place is None or place.kind is not PlaceKind.city else f"{name} County"


def _add_year_columns(
    data: OfficialData, layout: YearColumns, row: dict[str, str | None], path: Path, line: int
) -> None:
    place = layout.place(row)
    for column, (year, metric) in layout.years.items():
        name = metric or ((row.get(layout.metric) or "").strip() if layout.metric else "")
        if not name:
            raise OfficialDataError(
                f"{path}, line 1: column {column!r} names a year but no metric, and there is no metric column"
            )
        value = _number(row.get(column) or "", path, line, column)
        if value is not None:
            data.add(name, year, place, OfficialValue(value, None, line))


def _read_text(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8-sig")
    except OSError as e:
        raise OfficialDataError(f"{path}: cannot be read ({e.strerror or e})") from None
    except UnicodeDecodeError as e:
        raise OfficialDataError(f"{path}: not UTF-8 text ({e.reason} at byte {e.start})") from None


def _add_long_row(data: OfficialData, row: dict[str, str | None], path: Path, line: int) -> None:
    """A row of a long table: metric, year, value[, location, source]; an empty value is skipped."""
    value = _number(row["value"] or "", path, line, "value")
    if value is None:
        return
    metric = (row["metric"] or "").strip()
    if not metric:
        raise OfficialDataError(f"{path}, line {line}: empty metric")
    year = _year(row["year"] or "", path, line, "year")
    place = (row.get("location") or "").strip() or None
    data.add(metric, year, place, OfficialValue(value, (row.get("source") or "").strip() or None, line))


def _add_mapped_row(data: OfficialData, columns: ColumnMap, row: dict[str, str | None], path: Path, line: int) -> None:
    """A row of a wide table, a column per metric as `columns` maps them."""
    year = _year(row[columns.year] or "", path, line, columns.year)
    place = place_cell(columns.location, row[columns.location]) or None if columns.location else None
    source = (row.get(columns.source) or "").strip() or None if columns.source else None
    for metric, column in columns.metrics.items():
        value = _number(row[column] or "", path, line, column)
        if value is not None:
            known = source if source != "NA" else None
            data.add(metric, year, place, OfficialValue(value, known, line))


def load_official(path: Path, columns: ColumnMap | None = None, years_in_columns: bool | None = None) -> OfficialData:
    """Read an official CSV: long (metric,year,value), wide with a metric per column (`columns`),
    or with a year per column ("2014_murders"; found by itself when there is no year column, or
    forced with `years_in_columns=True`). Raises OfficialDataError naming the file, line and
    problem for missing columns, non-numeric values, disagreeing duplicates and empty files.

    Example:

        load_official(Path("../shared/data/official/fivethirtyeight_murder_2015_final.csv"))
    """
    data = OfficialData(path=str(path))
    reader = csv.DictReader(io.StringIO(_read_text(path), newline=""))
    header = reader.fieldnames
    if not header:
        raise OfficialDataError(f"{path}: the file is empty")
    by_year = None
    if columns is None and years_in_columns is not False and (years_in_columns or "year" not in header):
        by_year = YearColumns.detect(list(header))
        if by_year is None and years_in_columns:
            raise OfficialDataError(f"{path}, line 1: no column names a year (such as 2015 or 2015_murders)")
    wanted = (
        [columns.year, *columns.metrics.values()] + ([columns.location] if columns.location else [])
        if columns
        else []
        if by_year
        else ["metric", "year", "value"]
    )
    missing = [c for c in wanted if c not in header]
    if missing:
        found = ", ".join(header)
        wide = columns is None and by_year is None and "year" in header
        hint = "; a table with a column per metric needs --map METRIC=COLUMN or --map-file" if wide else ""
        raise OfficialDataError(f"{path}, line 1: missing column(s) {', '.join(missing)}{hint}; found {found}")
    rows = 0
    try:
        for row in reader:
            line = reader.line_num
            rows += 1
            if by_year is not None:
                _add_year_columns(data, by_year, row, path, line)
            elif columns is None:
                _add_long_row(data, row, path, line)
            else:
                _add_mapped_row(data, columns, row, path, line)
    except csv.Error as e:
        raise OfficialDataError(f"{path}, line {reader.line_num}: not valid CSV ({e})") from None
    if rows == 0:
        raise OfficialDataError(f"{path}: no rows after the header")
    return data


def parse_map(pairs: Iterable[str]) -> dict[str, str]:
    """`homicide=homs_sum` options to a metric-to-column mapping."""
    mapping = {}
    for pair in pairs:
        metric, sep, column = pair.partition("=")
        if not sep or not metric.strip() or not column.strip():
            raise OfficialDataError(f"--map {pair!r}: write METRIC=COLUMN, e.g. homicide=homs_sum")
        mapping[metric.strip()] = column.strip()
    return mapping


# --- checking -----------------------------------------------------------------------------------


def _figure_status(stated: float, official: float, qualifier: str, tolerance: float) -> Status:
    if qualifier == Qualifier.approx:
        return Status.consistent if abs(stated - official) <= tolerance * max(abs(official), 1) else Status.mismatch
    if qualifier == Qualifier.at_least:
        return Status.consistent if official >= stated else Status.mismatch
    if qualifier == Qualifier.at_most:
        return Status.consistent if official <= stated else Status.mismatch
    if stated == official:
        return Status.match
    return Status.consistent if rounded_from(stated, official) else Status.mismatch


ROUND_FROM = 1000  # "9,400" may be 9,406 rounded; "30" is not taken for a rounded 32


def rounded_from(stated: float, official: float) -> bool:
    """A round count of thousands or more ("9,400", "12,000") that the official value rounds to,
    at the count's own precision: an approximation the text did not mark.

    Example:

        rounded_from(9400, 9406)  # True
        rounded_from(9400, 9460)  # False: 9,460 rounds to 9,500
    """
    if stated < ROUND_FROM or stated != int(stated) or int(stated) % 100:
        return False
    unit = 100
    while int(stated) % (unit * 10) == 0 and unit * 100 <= stated:  # "1,000" is to the hundred, not 1,400
        unit *= 10
    return abs(official - stated) * 2 < unit or abs(official - stated) * 2 == unit and official < stated


def _differences(stated: float, official: float) -> tuple[float, float | None]:
    difference = stated - official
    return round(difference, 4), (round(difference / official, 4) if official else None)


def check_record(
    record: ArticleRecord, official: OfficialData, tolerance: float = DEFAULT_TOLERANCE
) -> Iterator[CheckRow]:
    """Every figure, change and superlative of one record against the official data, and the
    record's own changes against its own figures; each row's `note` says why it has its status.

    Example:

        rows = list(check_record(record, load_official(Path("official.csv"))))
    """
    yield from _settle_siblings([_check_figure(record, f, official, tolerance) for f in record.figures], record.figures)
    yield from _check_changes(record, official, tolerance)
    yield from _check_superlatives(record, official)
    yield from _check_internal(record, tolerance)


def _check_figure(record: ArticleRecord, f: Figure, official: OfficialData, tolerance: float) -> CheckRow:
    place = f.location or record.location
    verb = clause_verb(record.text, f.start, f.end) if record.text else None
    found = official.find(f.metric, f.year, in_state_of(place, record.location), verb)
    row = CheckRow(
        article=record.id,
        kind="figure",
        metric=f.metric,
        year=f.year,
        location=place,
        stated=float(f.count),
        official=None,
        status=Status.no_official,
        qualifier=f.qualifier.value,
        evidence=f.evidence,
        note=found.note,
        period=f.period,
        basis=f.basis.value,
    )
    if found.row is None:
        return row
    value = found.row.value
    row.official, row.source = value.value, value.source
    if f.period is not None:  # first: whatever the metric, part of a year is no year's total
        row.status = Status.not_comparable
        row.note = f"a count for part of {f.year} ({f.period}) is not compared with the annual {found.row.describe()}"
        return row
    if found.fit is Fit.broader:
        row.status = Status.uncertain
        return row
    row.status = _figure_status(float(f.count), value.value, f.qualifier.value, tolerance)
    if row.status == Status.mismatch:
        row.difference, row.relative_difference = _differences(float(f.count), value.value)
        row.note = f"{row.difference:+g} against the {found.note}"
        if f.basis in INFERRED_BASES:
            row.status, row.difference, row.relative_difference = Status.uncertain, None, None
            row.note = f"the year and metric were read from the {f.basis.value}, not beside the count; {found.note}"
    elif row.status == Status.consistent and f.qualifier == Qualifier.exact:
        row.note = f"{f.count:,g} reads as a rounded count; the {found.note} rounds to it"
    elif row.status == Status.consistent:
        row.note = f"{_stated(f)} agrees with the {found.note}"
    return row


def in_state_of(place: str | None, article_place: str | None) -> str | None:
    """A place without a state takes the article's state where the gazetteer has a place of that
    name there: "Orange County" in a release from "Santa Ana, Calif." is Orange County, CA (not
    the one in Florida); "Chicago" in the same release stays Chicago.

    Example:

        in_state_of("Orange County", "Santa Ana, Calif.")  # "Orange County, CA"
    """
    here, article = parse_place(place), parse_place(article_place)
    if here is None or here.state or article is None or not article.state or here.kind is PlaceKind.state:
        return place
    return f"{place}, {article.state}" if article.state in here.states() else place


def _stated(f: Figure) -> str:
    words = {Qualifier.approx: "about", Qualifier.at_least: "at least", Qualifier.at_most: "at most"}
    return f"{words.get(f.qualifier, '')} {f.count:g}".strip()


def _settle_siblings(rows: list[CheckRow], figures: list[Figure]) -> list[CheckRow]:
    """A mismatch is no alarm when the same article gives another count for the same metric,
    year and place that matches: the other count is likely a part of it ("40 of them")."""
    matched = {
        (metric_key(f.metric), f.year, r.location, r.official)
        for r, f in zip(rows, figures, strict=True)
        if r.status == Status.match
    }
    for r, f in zip(rows, figures, strict=True):
        if r.status == Status.mismatch and (metric_key(f.metric), f.year, r.location, r.official) in matched:
            r.status, r.difference, r.relative_difference = Status.uncertain, None, None
            r.note = f"another count of {f.metric} for {f.year} in this article matches; this one may be a part of it"
    return rows


def _end_year(record: ArticleRecord, metric: str | None) -> int | None:
    """The year a change is stated for: the latest year the article gives for that metric (else
    the year before publication)."""
    key = metric_key(metric)
    years = [f.year for f in record.figures if metric_key(f.metric) == key]
    if years:
        return max(years)
    return record.published.year - 1 if record.published else None


def baseline_years(since: str) -> list[int]:
    """The year a change is measured from: "since 2017" is 2017; "since April 2021", a date inside
    the year, may mean 2021 or the last full year before it, 2020."""
    year = int(since[:4])
    return [year, year - 1] if len(since) > 4 else [year]


def _percent_status(stated: float, computed: float, qualifier: str, tolerance: float) -> Status:
    slack = max(PERCENT_POINT_SLACK, tolerance * 100) if qualifier == Qualifier.approx else PERCENT_POINT_SLACK
    if abs(stated - computed) <= PERCENT_POINT_SLACK and qualifier != Qualifier.approx:
        return Status.match
    return Status.consistent if abs(stated - computed) <= slack else Status.mismatch


def _check_changes(record: ArticleRecord, official: OfficialData, tolerance: float) -> Iterator[CheckRow]:
    for c in record.changes:
        if c.percent is None or c.since is None:
            continue
        end_year = _end_year(record, c.metric)
        place = c.location or record.location
        stated = c.percent if c.direction.value == "increase" else -c.percent
        row = CheckRow(
            article=record.id,
            kind="change",
            metric=c.metric,
            year=end_year,
            location=place,
            stated=stated,
            official=None,
            status=Status.no_official,
            qualifier=c.qualifier.value,
            since=c.since,
            evidence=c.evidence,
        )
        last = official.get(c.metric, end_year, place) if end_year is not None else None
        options = []
        for start_year in baseline_years(c.since):
            first = official.get(c.metric, start_year, place)
            if first is None or not first.value or last is None or end_year is None or end_year <= start_year:
                continue
            options.append((abs(stated - (last.value - first.value) / first.value * 100), start_year, first))
        if options and last is not None:
            _, start_year, first = min(options, key=lambda o: o[0])
            computed = round((last.value - first.value) / first.value * 100, 2)
            row.official, row.source = computed, last.source
            row.status = _percent_status(stated, computed, c.qualifier.value, tolerance)
            row.note = f"official {start_year}: {first.value:g}, {end_year}: {last.value:g}"
            if row.status == Status.mismatch:
                row.difference = round(stated - computed, 2)
        elif end_year is None:
            row.note = "the change's end year is unknown: the article gives no year for it and no publication date"
        elif last is None:
            row.note = "no end value: " + official.find(c.metric, end_year, place).note
        else:
            years = " or ".join(str(y) for y in baseline_years(c.since))
            row.note = f"no official value for {years} to measure the change from"
        yield row


def _check_superlatives(record: ArticleRecord, official: OfficialData) -> Iterator[CheckRow]:
    """ "the lowest since 2014" for 2023: every year after 2014 and before 2023 was higher, and
    2014 itself no higher."""
    for claim in record.claims:
        if claim.since_year is None or claim.year is None or claim.year <= claim.since_year:
            continue
        place = claim.location or record.location
        low = any(w in claim.text.lower() for w in (*LOW_SUPERLATIVES, "record low"))
        row = CheckRow(
            article=record.id,
            kind="superlative",
            metric=claim.metric,
            year=claim.year,
            location=place,
            stated=float(claim.count) if claim.count is not None else None,
            official=None,
            status=Status.no_official,
            since=str(claim.since_year),
            evidence=claim.evidence,
        )
        values = {y: official.get(claim.metric, y, place) for y in range(claim.since_year, claim.year + 1)}
        if all(v is not None for v in values.values()):
            series = {y: v.value for y, v in values.items() if v is not None}
            target = series[claim.year]
            between = [series[y] for y in range(claim.since_year + 1, claim.year)]
            holds = all(v > target for v in between) and (series[claim.since_year] <= target if low else True)
            if not low:
                holds = all(v < target for v in between) and series[claim.since_year] >= target
            row.official, row.status = target, Status.consistent if holds else Status.mismatch
            row.note = ", ".join(f"{y}: {v:g}" for y, v in sorted(series.items()))
        else:
            missing = [y for y, v in values.items() if v is None]
            row.note = f"the official series lacks {_years(missing) if len(missing) < 3 else f'{len(missing)} years'}: "
            row.note += official.find(claim.metric, missing[0], place).note
        yield row


def _check_internal(record: ArticleRecord, tolerance: float) -> Iterator[CheckRow]:
    """An article's own percent change against its own figures for both years."""
    # the article's own exact figures; two different values for one metric and year make it ambiguous
    values: dict[tuple[str | None, int], set[float]] = {}
    inferred: set[tuple[str | None, int]] = set()
    for f in record.figures:
        if f.qualifier == Qualifier.exact and f.period is None:  # part-year counts are no year's total
            values.setdefault((metric_key(f.metric), f.year), set()).add(float(f.count))
            if f.basis in INFERRED_BASES:
                inferred.add((metric_key(f.metric), f.year))
    by_key = {k: next(iter(v)) for k, v in values.items() if len(v) == 1}
    for c in record.changes:
        if c.percent is None or c.since is None:
            continue
        key = metric_key(c.metric)
        stated = c.percent if c.direction.value == "increase" else -c.percent
        end_year = _end_year(record, c.metric)
        last = by_key.get((key, end_year or -1))
        options = []
        for start_year in baseline_years(c.since):
            first = by_key.get((key, start_year))
            if first and last is not None and end_year is not None and end_year > start_year:
                options.append((abs(stated - (last - first) / first * 100), start_year, first))
        if not options or last is None or end_year is None:
            continue
        _, start_year, first = min(options, key=lambda o: o[0])
        computed = round((last - first) / first * 100, 2)
        status = _percent_status(stated, computed, c.qualifier.value, tolerance)
        if status == Status.mismatch and {(key, start_year), (key, end_year)} & inferred:
            status = Status.uncertain  # one of the two figures has an inferred year
        yield CheckRow(
            article=record.id,
            kind="internal",
            metric=c.metric,
            year=end_year,
            location=c.location or record.location,
            stated=stated,
            official=computed,
            status=status,
            qualifier=c.qualifier.value,
            since=c.since,
            evidence=c.evidence,
            difference=round(stated - computed, 2) if status == Status.mismatch else None,
            note=f"the article's own {start_year}: {first:g}, {end_year}: {last:g}",
        )


STATUS_ORDER = {
    Status.mismatch: 0,
    Status.uncertain: 1,
    Status.not_comparable: 2,
    Status.consistent: 3,
    Status.match: 4,
    Status.no_official: 5,
}


def sort_rows(rows: list[CheckRow]) -> list[CheckRow]:
    """Mismatches first, then the rest by article and year."""
    return sorted(rows, key=lambda r: (STATUS_ORDER[r.status], r.article, r.kind, r.year or 0))


# --- what a run compared ------------------------------------------------------------------------

COMPARED = frozenset({Status.match, Status.mismatch, Status.consistent, Status.uncertain, Status.not_comparable})


def compared_nothing(rows: list[CheckRow]) -> bool:
    """No statement found an official row (the article's own consistency does not count): a
    wrong official file or place names, never an all-clear."""
    return not any(r.status in COMPARED for r in rows if r.kind != "internal")


def nothing_compared_message(records: list[ArticleRecord], official: OfficialData) -> str:
    """Why a run compared nothing, naming the places, metrics and years on both sides and the
    nearest places, so that a user can fix the official file or the records.

    Example:

        nothing_compared_message(records, data)
        # "compared nothing: no official row fits any figure. records' places: Fenwick (12) ..."
    """
    figures = [(f, f.location or r.location) for r in records for f in r.figures]
    if not figures:
        return "compared nothing: the records hold no figure to compare"
    places = Counter(place or "no place" for _, place in figures)
    metrics = Counter(metric_key(f.metric) or "" for f, _ in figures)
    theirs = official.places()
    lines = [
        "compared nothing: no official row fits any figure.",
        f"  records' places: {_counted(places)}; official places: {_names(theirs, 5) if theirs else 'none given'}",
        f"  records' metrics: {_counted(metrics)}; official metrics: {_names(official.metrics(), 5)}",
        f"  records' years: {_years(sorted({f.year for f, _ in figures}))}; "
        f"official years: {_years(sorted(official.by_year))}",
    ]
    both, near = [], []
    for name in places:
        here = parse_place(name)
        if here is None:
            continue
        same = [p for p in theirs if (o := parse_place(p)) is not None and o.same(here)]
        if same:
            both.append(name)
            continue
        close = [p for p in theirs if (o := parse_place(p)) is not None and related(o, here)]
        if not close:  # else a name spelled alike, of the same kind: "Fenwik" for "Fenwick"
            keys = {o.key: p for p in theirs if (o := parse_place(p)) is not None and o.kind is here.kind}
            close = [keys[k] for k in difflib.get_close_matches(here.key, list(keys), n=2, cutoff=0.8)]
        if close:
            near.append(f"{name} ~ {_names(close, 2)}")
    if both:
        lines.append(f"  places in both, where no metric and year meet: {_names(both, 5)}")
    if near:
        lines.append("  nearest places: " + "; ".join(near[:5]))
    return "\n".join(lines)


def _counted(counts: Counter[str], most: int = 5) -> str:
    shown = ", ".join(f"{name} ({n})" for name, n in counts.most_common(most))
    return shown + (f" and {len(counts) - most} more" if len(counts) > most else "")


# --- scoring against expected statuses ----------------------------------------------------------


@dataclass
class ExpectedScore:
    """Check rows against expected statuses: how many are right, which are wrong, and every
    mismatch not expected (a false alarm)."""

    right: int = 0
    total: int = 0
    wrong: list[str] = field(default_factory=list)
    false_mismatches: list[str] = field(default_factory=list)

    @property
    def passed(self) -> bool:
        return self.right == self.total and not self.false_mismatches


def load_expected(path: Path) -> list[dict[str, Any]]:
    """Expected statuses: a JSON object whose "rows" list has `article`, `year`, `stated`,
    `status` (and optionally `kind`, default figure, and `note`, words the row's note must hold).

    Example:

        load_expected(Path("tests/data/check-fixture/expected.json"))
    """
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as e:
        raise OfficialDataError(f"{path}: cannot be read ({e.strerror or e})") from None
    except (json.JSONDecodeError, UnicodeDecodeError) as e:
        raise OfficialDataError(f"{path}: not JSON ({e})") from None
    rows = data.get("rows") if isinstance(data, dict) else None
    if not isinstance(rows, list):
        raise OfficialDataError(f'{path}: expected an object with a "rows" list')
    statuses = {s.value for s in Status}
    for n, row in enumerate(rows, 1):
        missing = [k for k in ("article", "year", "stated", "status") if not isinstance(row, dict) or k not in row]
        if missing:
            raise OfficialDataError(f"{path}: row {n} lacks {', '.join(missing)}")
        if row["status"] not in statuses:
            raise OfficialDataError(f"{path}: row {n}: unknown status {row['status']!r}")
        numbers = (row["year"], row["stated"])
        if not all(isinstance(v, int | float) and not isinstance(v, bool) for v in numbers):
            raise OfficialDataError(f"{path}: row {n}: year and stated must be numbers")
        if not all(isinstance(row.get(k, ""), str) for k in ("article", "kind", "note")):
            raise OfficialDataError(f"{path}: row {n}: article, kind and note must be text")
    return rows


def score_expected(rows: list[CheckRow], expected: list[dict[str, Any]]) -> ExpectedScore:
    """Each expected row found by article, kind, year and stated value, its status (and note
    words) compared; every mismatch that is not expected is a false alarm.

    Example:

        score_expected(rows, [{"article": "a", "year": 2014, "stated": 159, "status": "match"}])
    """
    score = ExpectedScore(total=len(expected))
    by_key: dict[tuple[str, str, int | None, float | None], list[CheckRow]] = {}
    for r in rows:
        by_key.setdefault((r.article, r.kind, r.year, r.stated), []).append(r)
    mismatches_expected = set()
    for want in expected:
        key = (want["article"], want.get("kind", "figure"), int(want["year"]), float(want["stated"]))
        shown = f"{key[0]} {key[1]} {key[2]} {key[3]:g}"
        found = by_key.get(key, [])
        if want["status"] == Status.mismatch:
            mismatches_expected.add(key)
        ok = [r for r in found if r.status == want["status"] and want.get("note", "") in (r.note or "")]
        if ok:
            score.right += 1
        elif not found:
            score.wrong.append(f"{shown}: no such row (expected {want['status']})")
        else:
            got = ", ".join(f"{r.status.value} ({r.note})" for r in found)
            score.wrong.append(f"{shown}: expected {want['status']}{_note_wanted(want)}, got {got}")
    for r in rows:
        if r.status == Status.mismatch and (r.article, r.kind, r.year, r.stated) not in mismatches_expected:
            score.false_mismatches.append(f"{r.article} {r.kind} {r.year} {r.stated}: {r.note}")
    return score


def _note_wanted(want: dict[str, Any]) -> str:
    return f" with a note naming {want['note']!r}" if want.get("note") else ""


# --- the command's inputs and outputs -----------------------------------------------------------


def official_data(
    official: Path,
    map_: list[str] | None = None,
    year_col: str = "year",
    location_col: str | None = None,
    source_col: str | None = None,
    map_file: Path | None = None,
    years_in_columns: bool | None = None,
) -> OfficialData:
    """The official figures as `extractor check`'s options describe them: --map pairs (with the
    year, location and source columns) win over a --map-file; neither reads the table as it is.
    Raises OfficialDataError.

    Example:

        official_data(Path("wide.csv"), ["homicide=homs_sum"], year_col="year", location_col="city")
    """
    columns = ColumnMap.from_file(map_file) if map_file else None
    if map_:
        columns = ColumnMap(year=year_col, location=location_col, source=source_col, metrics=parse_map(map_))
    return load_official(official, columns, years_in_columns)


def duplicate_warnings(data: OfficialData, most: int = 10) -> list[str]:
    """The official table's duplicate rows as warnings: the first `most`, then how many more."""
    lines = [f"{line} (a duplicate row)" for line in data.duplicates[:most]]
    if len(data.duplicates) > most:
        lines.append(f"{len(data.duplicates) - most:,} more duplicate rows")
    return lines


def parse_statuses(given: str | None) -> set[str]:
    """The statuses of a comma-separated list ("mismatch,uncertain"); ValueError names any unknown one."""
    wanted = {s.strip() for s in (given or "").split(",") if s.strip()}
    unknown = wanted - {s.value for s in Status}
    if unknown:
        known = ", ".join(s.value for s in Status)
        raise ValueError(f"unknown status {', '.join(sorted(unknown))}; choose from {known}")
    return wanted


def write_check_csv(rows: list[CheckRow], stream: IO[str]) -> None:
    """Check rows as CSV to `stream`, cells safe to open in a spreadsheet."""
    from .writers import csv_safe

    fields = list(rows[0].model_dump().keys()) if rows else ["article", "metric", "year", "status"]
    writer = csv.DictWriter(stream, fieldnames=fields)
    writer.writeheader()
    for r in rows:
        writer.writerow({k: csv_safe(v) for k, v in r.model_dump(mode="json").items()})


def _first_line(e: BaseException) -> str:
    text = str(e).strip()
    return text.splitlines()[0][:300] if text else "an unexpected error in extractor"


def load_check_rows(path: Path) -> list[Any]:
    """The rows `extractor check --json` printed, each checked to be a check row (returned as
    read). Raises CheckRowsError.

    Example:

        rows = load_check_rows(Path("out/check.json"))
    """
    from pydantic import ValidationError

    try:
        rows = json.loads(path.read_text(encoding="utf-8"))
    except OSError as e:
        raise CheckRowsError(f"cannot be read ({e.strerror or _first_line(e)})") from None
    except (ValueError, RecursionError) as e:
        raise CheckRowsError(f"not the JSON `extractor check --json` prints ({_first_line(e)})") from None
    if not isinstance(rows, list):
        raise CheckRowsError("expected a JSON list of check rows")
    for n, row in enumerate(rows, 1):
        try:
            CheckRow.model_validate(row)
        except ValidationError as e:
            problem = e.errors()[0]
            where = ".".join(map(str, problem.get("loc", ()))) or "the row"
            raise CheckRowsError(f"row {n} is not a check row ({where}: {problem.get('msg')})") from None
    return rows


def write_check_json(rows: list[CheckRow], stream: IO[str]) -> None:
    """Check rows as one JSON list to `stream` (what `load_check_rows` reads back)."""
    stream.write(json.dumps([r.model_dump(mode="json") for r in rows], indent=1, ensure_ascii=False) + "\n")


class CheckInputError(ValueError):
    """Nothing to check: an input that is not there, a bad --published, records that are not records."""


@dataclass
class CheckRun:
    """A check of every statement of `records`: its rows (sorted, mismatches first) and their counts."""

    records: list[ArticleRecord]
    rows: list[CheckRow]
    counts: Counter[str] = field(default_factory=Counter)

    def shown(self, wanted: set[str]) -> list[CheckRow]:
        """The rows of the statuses wanted (every row when none is named)."""
        return [r for r in self.rows if r.status.value in wanted] if wanted else self.rows

    @property
    def mismatched(self) -> bool:
        return bool(self.counts.get(Status.mismatch.value))


def check_inputs(
    inputs: list[Path],
    official: OfficialData,
    load_nlp: Callable[[], Any],
    *,
    tolerance: float = 0.05,
    published: str | None = None,
    stdin: IO[str] | None = None,
    on_skipped: Callable[[str], None] | None = None,
) -> CheckRun:
    """Check records files (`-`: records on `stdin`) and articles (extracted first, with the
    pipeline `load_nlp` gives, dated `published` when they have no date) against `official`.
    An article that fails is passed to `on_skipped` as a line; CheckInputError when there is
    nothing to check.

    Example:

        run = check_inputs([Path("out/facts.jsonl")], official_data(Path("official.csv")), build_nlp)
        run.counts["mismatch"]
    """
    import sys

    from .records import RecordsError, is_records_file
    from .run import parse_published, read_or_extract

    missing = [str(p) for p in inputs if str(p) != "-" and not p.exists()]
    if missing:
        raise CheckInputError(f"no such file or folder: {', '.join(missing)}")
    # --published matters (and is checked) only when some input is articles, not records
    articles_given = any(str(p) != "-" and not is_records_file(p) for p in inputs)
    try:
        base = parse_published(published) if articles_given else None
    except ValueError as e:
        raise CheckInputError(str(e)) from None
    records: list[ArticleRecord] = []
    try:
        for result in read_or_extract(inputs, load_nlp, base, stdin or sys.stdin):
            if isinstance(result, ArticleRecord):
                records.append(result)
            elif on_skipped is not None:
                on_skipped(f"{result.source}: {result.error.value}: {result.message}")
    except (OfficialDataError, RecordsError) as e:
        piped = str(e).startswith("standard input")  # `check -` reads the records `extract -o -` writes
        hint = "; to check articles, pipe them through `extractor extract - -o -` first" if piped else ""
        raise CheckInputError(str(e) + hint) from None
    if not records:
        raise CheckInputError("nothing to check: no extractor record was read from " + ", ".join(map(str, inputs)))
    rows = sort_rows([row for record in records for row in check_record(record, official, tolerance)])
    return CheckRun(records, rows, Counter(r.status.value for r in rows))
