"""`extractor check`: every status, both CSV shapes, synonyms, place variants, claims, bad files."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from extractor.check import (
    ColumnMap,
    OfficialDataError,
    Status,
    check_record,
    load_official,
    metric_key,
    place_key,
)
from extractor.cli import app
from extractor.models import ArticleRecord
from tests.conftest import CORPUS, SEED

OFFICIAL = CORPUS / "official" / "ucr_violent_crime_1975_2015.csv"
runner = CliRunner()

TEXT = "x" * 400


def record(
    figures: list[dict[str, Any]] = (),
    changes: list[dict[str, Any]] = (),
    claims: list[dict[str, Any]] = (),
    location: str | None = "St. Louis",
    article_id: str = "a",
) -> ArticleRecord:
    def span(item: dict[str, Any], k: int) -> dict[str, Any]:
        return {"start": k, "end": k + 3, "evidence": "xxx", **item}

    return ArticleRecord.model_validate(
        {
            "id": article_id,
            "source": "s",
            "path": "p",
            "title": None,
            "published": "2016-03-01",
            "location": location,
            "text": TEXT,
            "figures": [span({"qualifier": "exact", **f}, k) for k, f in enumerate(figures)],
            "changes": [span({"qualifier": "exact", **c}, 10 + k) for k, c in enumerate(changes)],
            "claims": [span({"kind": "superlative", "text": "lowest", **c}, 20 + k) for k, c in enumerate(claims)],
        }
    )


def write(tmp_path: Path, name: str, content: str) -> Path:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def ucr() -> Any:
    return load_official(OFFICIAL)


def statuses(rec: ArticleRecord, data: Any, tolerance: float = 0.05) -> list[tuple[str, str]]:
    return [(r.kind, r.status.value) for r in check_record(rec, data, tolerance)]


@pytest.mark.parametrize(
    ("figure", "status"),
    [
        ({"year": 2014, "count": 159, "metric": "homicide"}, "match"),
        ({"year": 2014, "count": 160, "metric": "homicide"}, "mismatch"),
        ({"year": 2014, "count": 150, "metric": "homicide", "qualifier": "approx"}, "mismatch"),
        ({"year": 2014, "count": 155, "metric": "homicide", "qualifier": "approx"}, "consistent"),
        ({"year": 2014, "count": 150, "metric": "homicide", "qualifier": "at_least"}, "consistent"),
        ({"year": 2014, "count": 170, "metric": "homicide", "qualifier": "at_least"}, "mismatch"),
        ({"year": 2014, "count": 200, "metric": "homicide", "qualifier": "at_most"}, "consistent"),
        ({"year": 2014, "count": 159, "metric": "murder"}, "match"),
        ({"year": 2014, "count": 159, "metric": "homicides"}, "match"),
        ({"year": 2020, "count": 263, "metric": "homicide"}, "no_official"),
        ({"year": 2014, "count": 12, "metric": "pothole"}, "no_official"),
    ],
)
def test_figure_statuses(ucr: Any, figure: dict[str, Any], status: str) -> None:
    assert statuses(record(figures=[figure]), ucr) == [("figure", status)]


@pytest.mark.parametrize(
    ("figure", "status"),
    [
        # a count for part of a year is never compared with the year's official total
        ({"year": 2014, "count": 80, "metric": "homicide", "period": "first half"}, "not_comparable"),
        ({"year": 2014, "count": 159, "metric": "homicide", "period": "year to date"}, "not_comparable"),
        # a year or metric inferred from far context never raises an alarm
        ({"year": 2014, "count": 160, "metric": "homicide", "basis": "paragraph"}, "uncertain"),
        ({"year": 2014, "count": 160, "metric": "homicide", "basis": "list header"}, "uncertain"),
        ({"year": 2014, "count": 160, "metric": "homicide", "basis": "headline"}, "uncertain"),
        # ... but an inferred figure that agrees is still a match, and a year in its sentence is no guess
        ({"year": 2014, "count": 159, "metric": "homicide", "basis": "paragraph"}, "match"),
        ({"year": 2014, "count": 160, "metric": "homicide", "basis": "sentence"}, "mismatch"),
        ({"year": 2014, "count": 160, "metric": "homicide", "basis": "phrase"}, "mismatch"),
    ],
)
def test_no_false_alarms_on_periods_and_inferred_years(ucr: Any, figure: dict[str, Any], status: str) -> None:
    (row,) = check_record(record(figures=[figure]), ucr)
    assert row.status.value == status
    if status in ("not_comparable", "uncertain"):
        assert row.note and row.difference is None
        assert row.basis == figure.get("basis", "phrase") and row.period == figure.get("period")


def test_internal_check_skips_part_year_counts_and_doubts_inferred_ones() -> None:
    change = {"metric": "burglary", "direction": "decrease", "percent": 10.0, "since": "2022"}
    part_year = [
        {"year": 2022, "count": 100, "metric": "burglary"},
        {"year": 2023, "count": 50, "metric": "burglary", "period": "first half"},
    ]
    assert not [
        r for r in check_record(record(figures=part_year, changes=[change]), load_empty()) if r.kind == "internal"
    ]
    inferred = [
        {"year": 2022, "count": 100, "metric": "burglary"},
        {"year": 2023, "count": 50, "metric": "burglary", "basis": "paragraph"},
    ]
    rows = [r for r in check_record(record(figures=inferred, changes=[change]), load_empty()) if r.kind == "internal"]
    assert [r.status.value for r in rows] == ["uncertain"]


def test_mismatch_carries_its_difference(ucr: Any) -> None:
    (row,) = check_record(record(figures=[{"year": 2014, "count": 175, "metric": "homicide"}]), ucr)
    assert (row.official, row.difference, row.relative_difference) == (159.0, 16.0, round(16 / 159, 4))


@pytest.mark.parametrize("place", ["St. Louis", "Saint Louis", "St. Louis, Mo.", "ST. LOUIS", "City of St. Louis"])
def test_place_variants(ucr: Any, place: str) -> None:
    rec = record(figures=[{"year": 2014, "count": 159, "metric": "homicide", "location": place}], location=None)
    assert statuses(rec, ucr) == [("figure", "match")]


def test_figures_without_a_place_use_the_articles(ucr: Any) -> None:
    rec = record(figures=[{"year": 2014, "count": 56, "metric": "homicide"}], location="Louisville, Ky.")
    assert statuses(rec, ucr) == [("figure", "match")]


@pytest.mark.parametrize(
    ("metric", "key"),
    [
        ("murders", "homicide"),
        ("shooting incident", "shooting"),
        ("reported homicide", "homicide"),
        ("car break-ins", "car break-in"),
    ],
)
def test_metric_synonyms(metric: str, key: str) -> None:
    assert metric_key(metric) == key


def test_place_key() -> None:
    assert place_key("St. Louis, Mo.") == place_key("SAINT LOUIS") == "saint louis"
    assert place_key("Baltimore County") != place_key("Baltimore")


def test_percent_change_recomputed_from_the_official_series(ucr: Any) -> None:
    # St. Louis homicides: 2013: 120, 2014: 159 -> +32.5%
    rec = record(
        figures=[{"year": 2014, "count": 159, "metric": "homicide"}],
        changes=[
            {"metric": "homicide", "direction": "increase", "percent": 32.5, "since": "2013"},
            {"metric": "homicide", "direction": "decrease", "percent": 10.0, "since": "2013"},
        ],
    )
    rows = [r for r in check_record(rec, ucr) if r.kind == "change"]
    assert [(r.official, r.status) for r in rows] == [(32.5, Status.match), (32.5, Status.mismatch)]


def test_superlatives_are_checked_year_by_year(ucr: Any) -> None:
    # St. Louis homicides 2012: 113, 2013: 120, 2014: 159, 2015: 188
    lowest = {"metric": "homicide", "year": 2013, "count": 120, "since_year": 2012, "text": "the lowest since 2012"}
    wrong = {"metric": "homicide", "year": 2015, "count": 188, "since_year": 2012, "text": "the lowest since 2012"}
    highest = {"metric": "homicide", "year": 2015, "count": 188, "since_year": 2012, "text": "the highest since 2012"}
    rows = [r for r in check_record(record(claims=[lowest, wrong, highest]), ucr) if r.kind == "superlative"]
    # 2013 is the lowest since 2012 (113 <= 120, nothing between); 2015 is not (2013 and 2014 were lower);
    # nor is 2015 the highest since 2012, which had fewer, not more
    assert [r.status for r in rows] == [Status.consistent, Status.mismatch, Status.mismatch]


def test_the_articles_own_consistency() -> None:
    figures = [{"year": 2020, "count": 263, "metric": "homicide"}, {"year": 2023, "count": 160, "metric": "homicide"}]
    right = {"metric": "homicide", "direction": "decrease", "percent": 40.0, "qualifier": "approx", "since": "2021-04"}
    wrong = {"metric": "homicide", "direction": "decrease", "percent": 10.0, "since": "2020"}
    rows = [
        r for r in check_record(record(figures=figures, changes=[right, wrong]), load_empty()) if r.kind == "internal"
    ]
    assert [r.status for r in rows] == [Status.consistent, Status.mismatch]


def load_empty() -> Any:
    from extractor.check import OfficialData

    return OfficialData()


def test_wide_table_through_a_column_map(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "wide.csv",
        'year,department_name,homs_sum,rob_sum\n2014,"St. Louis, Mo.",159,1562\n2015,"St. Louis, Mo.",188,NA\n',
    )
    data = load_official(
        path, ColumnMap(year="year", location="department_name", metrics={"homicide": "homs_sum", "robbery": "rob_sum"})
    )
    assert data.get("murder", 2014, "St. Louis").value == 159  # type: ignore[union-attr]
    assert data.get("robbery", 2014, "Saint Louis").value == 1562  # type: ignore[union-attr]
    assert data.get("robbery", 2015, "St. Louis") is None


@pytest.mark.parametrize(
    ("header", "years"),
    [
        (
            "city,state,2019_burglaries,2020_burglaries,change",
            {"2019_burglaries": (2019, "burglaries"), "2020_burglaries": (2020, "burglaries")},
        ),
        (
            "county,robberies 2021,robberies 2022",
            {"robberies 2021": (2021, "robberies"), "robberies 2022": (2022, "robberies")},
        ),
        ("metric,place,2018,2019", {"2018": (2018, None), "2019": (2019, None)}),
        ("city,population,total_crimes", None),  # no column names a year
        ("city,route_1995_length", None),  # a year inside a name is not a year column
    ],
)
def test_year_columns_are_recognised(header: str, years: dict[str, Any] | None) -> None:
    from extractor.check import YearColumns

    found = YearColumns.detect(header.split(","))
    assert (found.years if found else None) == years


def test_a_table_with_a_column_per_year_is_read_without_options(tmp_path: Path) -> None:
    table = tmp_path / "burglaries.csv"
    table.write_text(
        "city,state,2019_burglaries,2020_burglaries,change\nDayton,Ohio,1204,1100,-104\nAkron,Ohio,950,,\n",
        encoding="utf-8",
    )
    data = load_official(table)
    assert data.get("burglary", 2019, "Dayton").value == 1204  # type: ignore[union-attr]
    assert data.get("burglaries", 2020, "Dayton, Ohio").value == 1100  # type: ignore[union-attr]
    assert data.get("burglary", 2020, "Akron") is None  # an empty cell is no value
    assert data.get("change", 2020, "Dayton") is None


def test_year_columns_with_a_metric_column(tmp_path: Path) -> None:
    table = tmp_path / "series.csv"
    table.write_text("metric,place,2018,2019\narson,Dayton,31,27\nrobbery,Dayton,480,455\n", encoding="utf-8")
    data = load_official(table)
    assert data.get("arson", 2019, "Dayton").value == 27  # type: ignore[union-attr]
    assert data.get("robbery", 2018, "Dayton").value == 480  # type: ignore[union-attr]


def test_forcing_year_columns_on_a_table_without_them_says_so(tmp_path: Path) -> None:
    table = tmp_path / "plain.csv"
    table.write_text("city,population\nDayton,137000\n", encoding="utf-8")
    with pytest.raises(OfficialDataError, match="no column names a year"):
        load_official(table, years_in_columns=True)


def test_the_fivethirtyeight_murder_table_is_read() -> None:
    from tests.conftest import SHARED

    original = SHARED / "data" / "official" / "fivethirtyeight_murder_2015_final.csv"
    assert original.exists(), f"{original} is missing: ../shared must be beside the repo"
    data = load_official(original)
    assert data.get("homicide", 2015, "Baltimore, Md.").value == 344  # type: ignore[union-attr]
    assert data.get("murder", 2014, "Chicago").value == 411  # type: ignore[union-attr]


def test_map_file_reads_the_original_marshall_file() -> None:
    from tests.conftest import SHARED

    original = SHARED / "data" / "official" / "marshallproject_ucr_crime_1975_2015.csv"
    assert original.exists(), f"{original} is missing: ../shared must be beside the repo"
    data = load_official(original, ColumnMap.from_file(CORPUS / "official" / "marshall.map.json"))
    assert data.get("homicide", 2014, "St. Louis").value == 159  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("", "empty"),
        ("metric,year,value\n", "no rows"),
        ("metric,value\nhomicide,3\n", "line 1: missing column(s) year"),
        ("year,homs_sum\n2014,159\n", "missing column(s) metric, value; a table with a column per metric needs --map"),
        ("metric,year,value\nhomicide,2014,many\n", "line 2: value 'many' is not a number"),
        ("metric,year,value\nhomicide,twenty,3\n", "line 2: year 'twenty' is not a year"),
        ("metric,year,value,location\nhomicide,2014,159,St. Louis\nmurder,2014,160,Saint Louis\n", "line 3"),
    ],
)
def test_bad_official_files_name_file_line_and_problem(tmp_path: Path, content: str, message: str) -> None:
    path = write(tmp_path, "bad.csv", content)
    with pytest.raises(OfficialDataError) as caught:
        load_official(path)
    assert str(path) in str(caught.value) and message in str(caught.value)


def test_duplicates_that_agree_are_fine(tmp_path: Path) -> None:
    path = write(tmp_path, "dup.csv", "metric,year,value\nhomicide,2014,159\nmurder,2014,159\n")
    assert load_official(path).get("homicide", 2014, None).value == 159  # type: ignore[union-attr]


def test_cli_check_seed_json_and_exit_codes(tmp_path: Path) -> None:
    records = tmp_path / "seed.jsonl"
    assert runner.invoke(app, ["extract", str(SEED), "--output", str(records), "--quiet"]).exit_code == 0
    result = runner.invoke(app, ["check", str(records), "--official", str(OFFICIAL), "--json"])
    rows = json.loads(result.stdout)
    by_year = {(r["kind"], r["year"]): r for r in rows}
    assert by_year[("figure", 2014)]["status"] == "match" and by_year[("figure", 2014)]["official"] == 159
    assert by_year[("figure", 2020)]["status"] == "no_official"
    assert result.exit_code == 0  # nothing mismatches
    official = write(tmp_path, "off.csv", "metric,year,value,location\nhomicide,2020,250,St. Louis\n")
    result = runner.invoke(app, ["check", str(records), "--official", str(official), "--csv"])
    assert result.exit_code == 1 and "mismatch" in result.stdout.splitlines()[1]


def test_cli_check_extracts_articles_given_directly(tmp_path: Path) -> None:
    result = runner.invoke(app, ["check", str(SEED), "--official", str(OFFICIAL), "--json"])
    assert result.exit_code == 0
    assert any(r["status"] == "match" for r in json.loads(result.stdout))


def test_cli_check_bad_official_file_is_a_usage_error(tmp_path: Path) -> None:
    bad = write(tmp_path, "bad.csv", "metric,value\nhomicide,3\n")
    result = runner.invoke(app, ["check", str(SEED), "--official", str(bad)])
    assert result.exit_code == 2 and "missing column" in result.output and "Traceback" not in result.output


def test_cli_check_wide_table_with_map_options(tmp_path: Path) -> None:
    records = tmp_path / "seed.jsonl"
    runner.invoke(app, ["extract", str(SEED), "--output", str(records), "--quiet"])
    wide = write(tmp_path, "wide.csv", 'year,department_name,homs_sum\n2014,"St. Louis, Mo.",159\n')
    result = runner.invoke(
        app,
        [
            "check",
            str(records),
            "--official",
            str(wide),
            "--map",
            "homicide=homs_sum",
            "--location-col",
            "department_name",
            "--json",
        ],
    )
    assert result.exit_code == 0
    assert any(r["year"] == 2014 and r["status"] == "match" for r in json.loads(result.stdout))


@pytest.fixture(scope="module")
def seed_records(tmp_path_factory: pytest.TempPathFactory) -> Path:
    records = tmp_path_factory.mktemp("seed") / "seed.jsonl"
    assert runner.invoke(app, ["extract", str(SEED), "--output", str(records), "--quiet"]).exit_code == 0
    return records


@pytest.mark.parametrize(
    ("given", "reason"),
    [
        ("", "no extractor record"),  # an empty records file
        ("city,2014_murders\nDayton,20\n", "no extractor record"),  # a CSV given as the records
        ('{"id": "x", "text": "t", "figures": "none"}\n', "not an extractor record"),  # a broken record
    ],
)
def test_check_with_nothing_valid_to_check_exits_2(tmp_path: Path, given: str, reason: str) -> None:
    name = "records.csv" if given.startswith("city") else "records.jsonl"
    path = write(tmp_path, name, given)
    result = runner.invoke(app, ["check", str(path), "--official", str(OFFICIAL)])
    assert result.exit_code == 2, result.output
    assert reason in result.output and "Traceback" not in result.output


def test_check_reads_records_from_standard_input(seed_records: Path) -> None:
    given = seed_records.read_text(encoding="utf-8")
    result = runner.invoke(app, ["check", "-", "--official", str(OFFICIAL), "--json"], input=given)
    assert result.exit_code == 0, result.output
    assert any(r["year"] == 2014 and r["status"] == "match" for r in json.loads(result.stdout))
    empty = runner.invoke(app, ["check", "-", "--official", str(OFFICIAL), "--json"], input="")
    assert empty.exit_code == 2
    text = runner.invoke(app, ["check", "-", "--official", str(OFFICIAL)], input="In 2021 there were 12 arson fires.\n")
    assert text.exit_code == 2 and "pipe them through `extractor extract - -o -`" in text.output


def test_check_summary_comes_first_and_only_filters(tmp_path: Path, seed_records: Path) -> None:
    official = write(tmp_path, "off.csv", "metric,year,value,location\nhomicide,2020,250,St. Louis\n")
    result = runner.invoke(app, ["check", str(seed_records), "--official", str(official)])
    first = result.stdout.strip().splitlines()[0]
    assert first.startswith("extractor check:") and "mismatch 1" in first
    assert result.exit_code == 1
    only = runner.invoke(app, ["check", str(seed_records), "--official", str(official), "--only", "mismatch", "--json"])
    assert [r["status"] for r in json.loads(only.stdout)] == ["mismatch"]
    assert only.exit_code == 1  # the filter hides rows, not the verdict
    bad = runner.invoke(app, ["check", str(seed_records), "--official", str(official), "--only", "wrong"])
    assert bad.exit_code == 2 and "unknown status wrong" in bad.output


LONG_ID = "press_orange-county-sheriff-annual-homicide-review-" + "x" * 40 + "-task-force"


@pytest.mark.parametrize("columns", [50, 60, 80, 120, 200])
def test_check_table_says_why_and_wraps_ids_instead_of_cutting_them(
    tmp_path: Path, seed_records: Path, columns: int
) -> None:
    """Issue #28: each status shows its evidence and the official row's source; a long id wraps
    whole (no "press_orang…-task-force"); mismatches come first under a one-line summary."""
    record = json.loads(seed_records.read_text(encoding="utf-8"))
    record["id"] = LONG_ID
    path = write(tmp_path, "long.jsonl", json.dumps(record) + "\n")
    official = write(
        tmp_path,
        "[dim]off.csv",
        "metric,year,value,location,source\n"
        "homicide,2020,250,St. Louis,FBI UCR [table 8]\nhomicide,2014,159,St. Louis,\n",
    )
    result = runner.invoke(app, ["check", str(path), "--official", str(official)], env={"COLUMNS": str(columns)})
    assert result.exit_code == 1, result.output
    lines = result.stdout.splitlines()
    assert lines[0].startswith("extractor check:") and "mismatch 1" in lines[0]  # one line, however narrow
    assert all(len(line) <= columns for line in lines[1:])
    assert "…" not in result.stdout
    joined = "".join(line.strip() for line in lines)  # the id wraps over lines: put back together, it is whole
    assert LONG_ID in joined
    statuses = [line.split()[0] for line in lines[1:] if line and not line[0].isspace()]
    assert statuses[0] == "mismatch" and "match" in statuses  # mismatches first
    said = " ".join(" ".join(lines[1:]).split())  # the statements, their wrapped lines joined
    mismatch = said[: said.index(" match ")]
    assert mismatch.startswith("mismatch homicide 2020, St. Louis: stated 263, official 250 (+13, +5.2%)")
    assert "says “" in mismatch  # the evidence
    assert "official FBI UCR [table 8]" in mismatch  # the official row's source, brackets as written
    match = said[said.index(" match ") :]
    assert "stated 159, official 159" in match and "official [dim]off.csv" in match  # no source column: the file


def test_check_reads_a_year_per_column_table(seed_records: Path, tmp_path: Path) -> None:
    table = write(tmp_path, "by-year.csv", "city,state,2013_murders,2014_murders\nSt. Louis,Missouri,120,159\n")
    result = runner.invoke(app, ["check", str(seed_records), "--official", str(table), "--json"])
    assert result.exit_code == 0, result.output
    assert any(r["year"] == 2014 and r["status"] == "match" and r["official"] == 159 for r in json.loads(result.stdout))
