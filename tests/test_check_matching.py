"""How `extractor check` decides that an official row is the one a figure states: places as a
hierarchy from the gazetteer (city in county in state), metrics by head noun, modifiers and verb,
a note on every row, a run that compares nothing, and scoring against expected statuses."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from extractor.check import (
    Fit,
    OfficialDataError,
    Status,
    check_record,
    clause_verb,
    load_official,
    metric_fit,
    metric_parts,
    rounded_from,
    score_expected,
)
from extractor.cli import app
from extractor.models import ArticleRecord
from extractor.places import PlaceKind, contains, parse_place, state_code
from tests.conftest import SHARED

runner = CliRunner()
FIXTURE = Path(__file__).parent / "data" / "check-fixture"


# --- places -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("Santa Ana, Calif.", "Santa Ana", True),
        ("ST. LOUIS", "Saint Louis, Mo.", True),
        ("Orange County", "Orange County, CA", True),
        ("orange county, california", "Orange County", True),
        ("New York", "New York City", True),  # a dateline's "NEW YORK" is the city
        ("CA", "California", True),
        ("Calif.", "california", True),
        ("Orange County, CA", "Orange County, Fla.", False),
        ("San Diego", "San Diego County", False),  # the city is not the county
        ("Kansas City, Mo.", "Kansas", False),
        ("Washington, D.C.", "Washington", False),  # the capital is not the state
        ("Fenwick", "Fenwick Falls", False),
        ("County of Orange", "Orange County", True),
        ("Orange Co., Calif.", "Orange County", True),
        ("Orange County Sheriff's Department", "Orange County", True),  # an agency's name
        ("Fenwick District Attorney's Office", "Fenwick", True),
        ("Santa Ana Police Department", "Santa Ana, Calif.", True),
    ],
)
def test_place_names_match_whatever_their_form(a: str, b: str, same: bool) -> None:
    pa, pb = parse_place(a), parse_place(b)
    assert pa is not None and pb is not None
    assert pa.same(pb) is same and pb.same(pa) is same


@pytest.mark.parametrize(
    ("name", "kind", "state"),
    [
        ("Kansas City", PlaceKind.city, None),
        ("Kansas", PlaceKind.state, "KS"),
        ("Cook County, Ill.", PlaceKind.county, "IL"),
        ("Lafourche Parish", PlaceKind.county, None),
        ("Fenwick, Calif.", PlaceKind.city, "CA"),
        ("Marlow County", PlaceKind.county, None),
    ],
)
def test_place_kinds(name: str, kind: PlaceKind, state: str | None) -> None:
    place = parse_place(name)
    assert place is not None and (place.kind, place.state) == (kind, state)


@pytest.mark.parametrize(
    ("outer", "inner", "inside"),
    [
        ("Orange County", "Santa Ana", True),
        ("Orange County, CA", "Anaheim, Calif.", True),
        ("San Diego County", "El Cajon", True),
        ("California", "Santa Ana", True),
        ("California", "Orange County, CA", True),
        ("Orange County, Fla.", "Santa Ana, Calif.", False),  # another state's Orange County
        ("Santa Ana", "Orange County", False),  # a city contains no county
        ("Texas", "Orange County, CA", False),
        ("Orange County", "Orange County, CA", False),  # the same place is not inside itself
        ("Marlow County", "Fenwick", False),  # places the gazetteer does not know
    ],
)
def test_places_as_a_hierarchy(outer: str, inner: str, inside: bool) -> None:
    po, pi = parse_place(outer), parse_place(inner)
    assert po is not None and pi is not None
    assert contains(po, pi) is inside


@pytest.mark.parametrize(
    ("written", "code"), [("Calif.", "CA"), ("N.Y.", "NY"), ("missouri", "MO"), ("D.C.", "DC"), ("Fenwick", None)]
)
def test_state_names_and_abbreviations(written: str, code: str | None) -> None:
    assert state_code(written) == code


def test_places_of_one_name_in_two_states_are_two_places(tmp_path: Path) -> None:
    table = tmp_path / "two.csv"
    table.write_text(
        'metric,year,value,location\nrobbery,2021,1180,"Orange County, CA"\nrobbery,2021,950,"Orange County, Fla."\n',
        encoding="utf-8",
    )
    data = load_official(table)  # no disagreeing duplicate
    assert data.get("robbery", 2021, "Orange County, Calif.").value == 1180  # type: ignore[union-attr]
    assert data.get("robbery", 2021, "Orange County, Florida").value == 950  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("place", "article", "read"),
    [
        ("Orange County", "Santa Ana, Calif.", "Orange County, CA"),
        ("Chicago", "Santa Ana, Calif.", "Chicago"),  # no Chicago in California: left as it is
        ("Orange County, Fla.", "Santa Ana, Calif.", "Orange County, Fla."),  # a state of its own
        ("Orange County", "Santa Ana", "Orange County"),  # the article gives no state
        ("Texas", "Santa Ana, Calif.", "Texas"),
        (None, "Santa Ana, Calif.", None),
    ],
)
def test_a_place_takes_the_articles_state_where_it_has_one_there(place: str | None, article: str, read: str) -> None:
    from extractor.check import in_state_of

    assert in_state_of(place, article) == read


def test_two_spellings_that_share_a_key_are_two_rows(tmp_path: Path) -> None:
    table = tmp_path / "towns.csv"
    table.write_text("metric,year,value,location\narson,2021,3,Charlton City\narson,2021,5,Charlton\n")
    assert load_official(table).get("arson", 2021, "CHARLTON CITY") is not None  # no disagreeing duplicate
    table.write_text("metric,year,value,location\narson,2021,3,St. Fenwick\narson,2021,5,SAINT FENWICK\n")
    with pytest.raises(OfficialDataError, match="line 3"):  # one place, two values
        load_official(table)


def test_a_bare_name_in_a_county_column_is_a_county(tmp_path: Path) -> None:
    table = tmp_path / "counties.csv"
    table.write_text("county,state,2020_robberies,2021_robberies\nOrange,CA,1100,1180\n", encoding="utf-8")
    data = load_official(table)
    assert data.get("robbery", 2021, "Orange County").value == 1180  # type: ignore[union-attr]
    assert data.get("robbery", 2021, "Orange, Calif.") is None  # the city of Orange is not the county


# --- metrics ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("stated", "official", "verb", "fit"),
    [
        ("homicides", "murder", None, Fit.same),
        ("reported homicides", "homicide", None, Fit.same),  # a neutral modifier
        ("new dui cases", "dui case", None, Fit.same),
        ("homicides", "Number of homicides (total)", None, Fit.same),
        ("thefts of vehicles", "vehicle theft", None, Fit.other),  # "X of Y" unread: never compared wrongly
        ("gang-related homicides", "gang homicide", None, Fit.same),
        ("fatal overdoses", "overdose deaths", None, Fit.same),  # synonyms
        ("overdose deaths", "traffic deaths", None, Fit.other),  # the modifier counts
        ("fentanyl overdose deaths", "overdose deaths", None, Fit.other),  # narrower than the official count
        ("deaths", "traffic deaths", None, Fit.broader),  # generic: never compared
        ("dui drug cases", "dui cases", None, Fit.other),
        ("arrests", "robberies", None, Fit.other),  # the head noun counts
        ("investigations", "investigations opened", "open", Fit.same),
        ("investigations", "investigations opened", "assist", Fit.other),  # the verb counts
        ("investigations", "investigations opened", None, Fit.broader),  # no verb said
        ("investigations initiated", "investigations opened", None, Fit.same),  # verb synonyms
        ("investigations", "investigations", "assist", Fit.same),  # the official count names no verb
        ("arrests", "arrests made", None, Fit.same),  # a light verb says nothing
    ],
)
def test_metric_fit(stated: str, official: str, verb: str | None, fit: Fit) -> None:
    s, o = metric_parts(stated), metric_parts(official)
    assert s is not None and o is not None
    found, why = metric_fit(s, o, verb)
    assert found is fit
    assert (why == "") is (fit is Fit.same)


@pytest.mark.parametrize(
    ("text", "count", "verb"),
    [
        ("In 2020 the squad opened 75 cases and assisted in 40 more.", "75", "open"),
        ("In 2020 the squad opened 75 cases and assisted in 40 more.", "40", "assist"),
        ("Last year 75 cases were filed. It assisted others.", "75", "file"),
        ("Last year 75 cases filed in Fenwick went to trial.", "75", "file"),  # a participle after the count
        ("The squad helped a lot. Last year there were 75 cases.", "75", None),  # not in its clause
    ],
)
def test_the_verb_beside_a_count(text: str, count: str, verb: str | None) -> None:
    start = text.index(f"{count} ")
    assert clause_verb(text, start, start + len(count) + 6) == verb


@pytest.mark.parametrize(
    ("stated", "official", "rounded"),
    [
        (9400, 9406, True),  # hundreds
        (9400, 9350, True),  # half rounds up
        (9400, 9460, False),
        (12000, 12400, True),  # thousands
        (1000, 1049, True),
        (1000, 1400, False),  # "1,000" is read to the hundred
        (30, 32, False),  # small counts are never taken for rounded ones
        (9406, 9400, False),  # not a round count
    ],
)
def test_round_counts(stated: float, official: float, rounded: bool) -> None:
    assert rounded_from(stated, official) is rounded


# --- rows ---------------------------------------------------------------------------------------

TEXT = "In 2021 the Fenwick unit opened 75 investigations and assisted in 40 more. " + "x" * 200


def record(figures: list[dict[str, Any]], location: str | None = "Anaheim, Calif.") -> ArticleRecord:
    return ArticleRecord.model_validate(
        {
            "id": "a",
            "source": "s",
            "path": "p",
            "title": None,
            "published": "2022-03-01",
            "location": location,
            "text": TEXT,
            "figures": [
                {"start": TEXT.index(str(f["count"]) + " "), "end": TEXT.index(str(f["count"]) + " ") + 2,
                 "evidence": str(f["count"]), "qualifier": "exact", **f}
                for f in figures
            ],
        }
    )  # fmt: skip


@pytest.fixture()
def official(tmp_path: Path) -> Any:
    path = tmp_path / "official.csv"
    path.write_text(
        "metric,year,value,location\n"
        "robbery,2021,75,Orange County\n"
        "investigations opened,2021,75,Anaheim\n"
        "traffic death,2021,40,\"Anaheim, CA\"\n"
        "burglary,2019,75,Anaheim\n",
        encoding="utf-8",
    )
    return load_official(path)


@pytest.mark.parametrize(
    ("figure", "status", "note"),
    [
        ({"year": 2021, "count": 75, "metric": "investigation"}, "match", "investigations opened"),
        ({"year": 2021, "count": 40, "metric": "investigation"}, "no_official", "assist"),
        ({"year": 2021, "count": 75, "metric": "robbery"}, "no_official", "official row for Orange County"),
        ({"year": 2021, "count": 40, "metric": "death"}, "uncertain", "traffic death"),
        ({"year": 2021, "count": 40, "metric": "overdose death"}, "no_official", "overdose"),
        ({"year": 2021, "count": 75, "metric": "burglary"}, "no_official", "covers 2019"),
        ({"year": 2021, "count": 75, "metric": "investigation", "period": "first half"}, "not_comparable", "part"),
        # part of a year is not comparable, whatever the metric: a generic one too
        ({"year": 2021, "count": 40, "metric": "death", "period": "year to date"}, "not_comparable", "part"),
        ({"year": 2021, "count": 75, "metric": "arson"}, "no_official", "arson"),
    ],
)
def test_every_status_says_why(official: Any, figure: dict[str, Any], status: str, note: str) -> None:
    (row,) = check_record(record([figure]), official)
    assert row.status.value == status, row.note
    assert row.note and note in row.note
    assert (row.difference is None) is (status != "mismatch")


def test_a_city_figure_never_meets_a_county_row_and_the_note_names_it(official: Any) -> None:
    (row,) = check_record(record([{"year": 2021, "count": 75, "metric": "robbery"}], location="Fenwick"), official)
    assert row.status == Status.no_official and "Fenwick" in (row.note or "")  # an unknown city: no hierarchy
    county = record([{"year": 2021, "count": 75, "metric": "robbery"}], location="Orange County")
    (row,) = check_record(county, official)
    assert row.status == Status.match


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("In 2021, 75 people were killed on Fenwick roads.", "match"),  # people killed are deaths
        ("Crashes killed 75 people in Fenwick in 2021.", "match"),
        ("In 2021, 75 people were injured on Fenwick roads.", "no_official"),  # injuries are not deaths
        ("In 2021, 75 people attended the Fenwick vigil.", "no_official"),
    ],
)
def test_people_killed_are_deaths(tmp_path: Path, text: str, status: str) -> None:
    table = tmp_path / "deaths.csv"
    table.write_text("metric,year,value,location\ntraffic fatalities,2021,75,Fenwick\n", encoding="utf-8")
    start = text.index("75")
    rec = ArticleRecord.model_validate(
        {"id": "p", "source": "s", "path": "p", "title": None, "published": "2022-01-05", "location": "Fenwick",
         "text": text, "figures": [{"year": 2021, "count": 75, "metric": "person", "start": start,
                                    "end": start + 9, "evidence": text[start : start + 9]}]}
    )  # fmt: skip
    (row,) = check_record(rec, load_official(table))
    # "traffic" is a modifier the statement lacks: a match needs the official row to say "deaths" only
    assert row.status.value == ("uncertain" if status == "match" else status), row.note
    table.write_text("metric,year,value,location\ndeaths,2021,75,Fenwick\n", encoding="utf-8")
    (row,) = check_record(rec, load_official(table))
    assert row.status.value == status, row.note


def test_a_second_count_beside_a_matching_one_is_no_alarm(official: Any) -> None:
    figures = [
        {"year": 2021, "count": 75, "metric": "investigation", "location": "Anaheim"},
        {"year": 2021, "count": 40, "metric": "investigation", "location": "Anaheim", "basis": "sentence"},
    ]
    rows = list(check_record(record(figures), official))
    # the 40 was assisted, not opened: no row for it; a 40 opened would be a part of the 75
    assert [r.status.value for r in rows] == ["match", "no_official"]


# --- a run that compares nothing, and expected statuses ----------------------------------------


def write_records(tmp_path: Path, records: list[ArticleRecord]) -> Path:
    path = tmp_path / "records.jsonl"
    path.write_text("".join(r.model_dump_json() + "\n" for r in records), encoding="utf-8")
    return path


def test_a_run_that_compares_nothing_says_so_and_fails(tmp_path: Path) -> None:
    table = tmp_path / "county.csv"
    table.write_text("metric,year,value,location\nhomicide,2021,72,Orange County\n", encoding="utf-8")
    records = write_records(tmp_path, [record([{"year": 2021, "count": 75, "metric": "homicide"}])])
    result = runner.invoke(app, ["check", str(records), "--official", str(table)])
    assert result.exit_code == 2, result.output
    assert "compared nothing" in result.output and "Traceback" not in result.output
    assert "Anaheim, Calif." in result.output and "Orange County" in result.output  # both sides named
    assert "Anaheim, Calif. ~ Orange County" in result.output  # and the nearest pair
    as_json = runner.invoke(app, ["check", str(records), "--official", str(table), "--json"])
    assert as_json.exit_code == 2 and json.loads(as_json.stdout)[0]["status"] == "no_official"


def test_records_without_figures_compare_nothing(tmp_path: Path) -> None:
    table = tmp_path / "city.csv"
    table.write_text("metric,year,value,location\nhomicide,2021,75,Anaheim\n", encoding="utf-8")
    records = write_records(tmp_path, [record([])])
    result = runner.invoke(app, ["check", str(records), "--official", str(table)])
    assert result.exit_code == 2 and "the records hold no figure to compare" in result.output


def test_a_run_that_compares_something_exits_0(tmp_path: Path) -> None:
    table = tmp_path / "city.csv"
    table.write_text("metric,year,value,location\nhomicide,2021,75,\"ANAHEIM, CA\"\n", encoding="utf-8")
    records = write_records(tmp_path, [record([{"year": 2021, "count": 75, "metric": "homicide"}])])
    result = runner.invoke(app, ["check", str(records), "--official", str(table), "--json"])
    assert result.exit_code == 0, result.output
    assert [r["status"] for r in json.loads(result.stdout)] == ["match"]


def test_scoring_against_expected_statuses(tmp_path: Path, official: Any) -> None:
    rows = list(check_record(record([{"year": 2021, "count": 75, "metric": "investigation"}]), official))
    right = [{"article": "a", "year": 2021, "stated": 75, "status": "match", "note": "opened"}]
    assert score_expected(rows, right).passed
    wrong = [{"article": "a", "year": 2021, "stated": 75, "status": "no_official"}]
    score = score_expected(rows, wrong)
    assert not score.passed and score.right == 0 and "expected no_official, got match" in score.wrong[0]
    absent = [{"article": "a", "year": 2020, "stated": 75, "status": "match"}]
    assert "no such row" in score_expected(rows, absent).wrong[0]
    note = [{"article": "a", "year": 2021, "stated": 75, "status": "match", "note": "assisted"}]
    assert not score_expected(rows, note).passed  # the right status for the wrong reason
    rows[0].status = Status.mismatch
    unexpected = score_expected(rows, [])
    assert not unexpected.passed and len(unexpected.false_mismatches) == 1


def test_cli_expected_option(tmp_path: Path) -> None:
    table = tmp_path / "city.csv"
    table.write_text("metric,year,value,location\nhomicide,2021,70,Anaheim\n", encoding="utf-8")
    records = write_records(tmp_path, [record([{"year": 2021, "count": 75, "metric": "homicide"}])])
    expected = tmp_path / "expected.json"
    expected.write_text(json.dumps({"rows": [{"article": "a", "year": 2021, "stated": 75, "status": "mismatch"}]}))
    result = runner.invoke(app, ["check", str(records), "--official", str(table), "--expected", str(expected)])
    assert result.exit_code == 0, result.output  # the mismatch was expected
    assert "1/1 right, 0 false mismatches" in result.output
    expected.write_text(json.dumps({"rows": [{"article": "a", "year": 2021, "stated": 75, "status": "match"}]}))
    result = runner.invoke(app, ["check", str(records), "--official", str(table), "--expected", str(expected)])
    assert result.exit_code == 1 and "0/1 right, 1 false mismatches" in result.output
    for bad, message in [
        ('{"rows": [{"article": "a"}]}', "lacks year, stated, status"),
        ('{"rows": [{"article": "a", "year": "x", "stated": 1, "status": "match"}]}', "must be numbers"),
        ('{"rows": [{"article": "a", "year": 2021, "stated": 1, "status": "fine"}]}', "unknown status"),
        ("[1, 2]", '"rows" list'),
        ('{"rows": [{"article": "a", "year": 2021, "stated": 1, "status": "match", "note": 3}]}', "must be text"),
        ("{", "not JSON"),
    ]:
        expected.write_text(bad)
        result = runner.invoke(app, ["check", str(records), "--official", str(table), "--expected", str(expected)])
        assert result.exit_code == 2 and message in result.output and "Traceback" not in result.output, bad


def test_every_row_has_a_note_on_the_seed(tmp_path: Path) -> None:
    from tests.conftest import CORPUS, SEED

    result = runner.invoke(
        app, ["check", str(SEED), "--official", str(CORPUS / "official" / "ucr_violent_crime_1975_2015.csv"), "--json"]
    )
    rows = json.loads(result.stdout)
    assert rows and all(r["note"] for r in rows), [r for r in rows if not r["note"]]


def test_the_check_fixture_uses_tune_half_articles_only() -> None:
    split = json.loads((SHARED / "data" / "press-dev" / "SPLIT.json").read_text(encoding="utf-8"))
    ids = (FIXTURE / "articles.txt").read_text(encoding="utf-8").split()
    assert ids and set(ids) <= set(split["tune"]) and not set(ids) & set(split["check"])
    expected = json.loads((FIXTURE / "expected.json").read_text(encoding="utf-8"))["rows"]
    assert {row["article"] for row in expected} <= set(ids)
    statuses = {row["status"] for row in expected}
    assert statuses >= {"match", "mismatch", "consistent", "no_official", "uncertain", "not_comparable"}
    load_official(FIXTURE / "official.csv")  # readable
