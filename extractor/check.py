"""Extracted figures and claims against official figures.

Official CSVs come long (`metric,year,value[,location,source]`) or wide (a column per metric, mapped
with `--map homicide=homs_sum --year-col year --location-col department_name` or a mapping file).
Metrics match through an editable synonym list (rules/metrics.json), places through a normal form
("St. Louis, Mo." = "Saint Louis" = "ST. LOUIS"). Each figure gets a status: match, mismatch (with
the difference), consistent (an approximate or bounded figure the official value satisfies) or
no_official; percent changes are recomputed from the official series, superlatives are checked
year by year, and each article's percent changes against its own figures."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Any  # noqa: F401  (kept for the check rules' annotations on other branches)

from pydantic import BaseModel

from .models import INFERRED_BASES, ArticleRecord, Qualifier
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


# --- normal forms -------------------------------------------------------------------------------


SYNONYMS: dict[str, str] = {}
for _canonical, _variants in RULES["synonyms"].items():
    for _variant in [_canonical, *_variants]:
        SYNONYMS[" ".join(singular(w) for w in _variant.lower().split())] = _canonical


def metric_key(metric: str | None) -> str | None:
    """A metric in its canonical form: "murders" -> "homicide", "shooting incident" -> "shooting"."""
    if not metric:
        return None
    words = [singular(w) for w in regexes.NOT_METRIC_WORD.sub(" ", metric.lower()).split()]
    phrase = " ".join(words)
    if phrase in SYNONYMS:
        return SYNONYMS[phrase]
    # a modifier the official series does not carry: "reported homicide", "fatal shooting"
    for k in range(1, len(words)):
        tail = " ".join(words[k:])
        if tail in SYNONYMS:
            return SYNONYMS[tail]
    return phrase


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


# --- official data ------------------------------------------------------------------------------


@dataclass(frozen=True)
class OfficialValue:
    value: float
    source: str | None
    line: int


@dataclass
class OfficialData:
    """Official values by (metric key, year, place key); a place of None stands for any place."""

    values: dict[tuple[str, int, str | None], OfficialValue] = field(default_factory=dict)
    path: str = ""
    duplicates: list[str] = field(default_factory=list)  # rows that repeat an earlier one: warnings

    def get(self, metric: str | None, year: int, place: str | None) -> OfficialValue | None:
        key = metric_key(metric)
        if key is None:
            return None
        return self.values.get((key, year, place_key(place))) or self.values.get((key, year, None))

    def add(self, metric: str, year: int, place: str | None, value: OfficialValue) -> None:
        key = (metric_key(metric) or metric, year, place_key(place))
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
        parts = [(row.get(c) or "").strip() for c in self.places]
        return ", ".join(p for p in parts if p) or None


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
    place = (row[columns.location] or "").strip() or None if columns.location else None
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
    return Status.match if stated == official else Status.mismatch


def _differences(stated: float, official: float) -> tuple[float, float | None]:
    difference = stated - official
    return round(difference, 4), (round(difference / official, 4) if official else None)


def check_record(
    record: ArticleRecord, official: OfficialData, tolerance: float = DEFAULT_TOLERANCE
) -> Iterator[CheckRow]:
    for f in record.figures:
        place = f.location or record.location
        found = official.get(f.metric, f.year, place)
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
            period=f.period,
            basis=f.basis.value,
        )
        if found is not None:
            row.official, row.source = found.value, found.source
            row.status = _figure_status(float(f.count), found.value, f.qualifier.value, tolerance)
            if f.period is not None:
                row.status = Status.not_comparable
                row.note = f"a count for part of {f.year} ({f.period}) is not compared with the annual official value"
            elif row.status == Status.mismatch and f.basis in INFERRED_BASES:
                row.status = Status.uncertain
                row.note = f"the year and metric were read from the {f.basis.value}, not beside the count"
            if row.status == Status.mismatch:
                row.difference, row.relative_difference = _differences(float(f.count), found.value)
        yield row
    yield from _check_changes(record, official, tolerance)
    yield from _check_superlatives(record, official)
    yield from _check_internal(record, tolerance)


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
