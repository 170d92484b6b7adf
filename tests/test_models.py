from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from pydantic import ValidationError

from extractor.models import ArticleRecord, ExtractionError, Figure, schema_texts
from tests.conftest import ROOT

TEXT = "In 2022 there were 1,204 crashes."


def record(**facts: Any) -> dict[str, Any]:
    return {
        "id": "a",
        "source": "s",
        "path": "p",
        "title": None,
        "published": None,
        "location": None,
        "text": TEXT,
        **facts,
    }


def figure(**changes: Any) -> dict[str, Any]:
    base = {
        "year": 2022,
        "count": 1204,
        "metric": "crash",
        "qualifier": "exact",
        "start": 3,
        "end": 32,
        "evidence": TEXT[3:32],
    }
    return {**base, **changes}


def test_a_valid_record_validates() -> None:
    r = ArticleRecord.model_validate(record(figures=[figure()]))
    assert r.figures[0].evidence == "2022 there were 1,204 crashes"
    assert r.figures[0].count == 1204 and isinstance(r.figures[0].count, int)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"start": 30, "end": 40, "evidence": TEXT[30:40] + "x" * 7}, "beyond the text"),
        ({"evidence": "X" * 29}, "is not text"),
        ({"end": 3}, "empty or reversed"),
        ({"year": 1700}, "greater than or equal to 1800"),
        ({"year": 2101}, "less than or equal to 2100"),
        ({"count": -1}, "greater than or equal to 0"),
        ({"qualifier": "roughly"}, "exact"),
        ({"metric": ""}, "at least 1 character"),
        ({"bogus": 1}, "Extra inputs"),
    ],
)
def test_a_figure_that_breaks_a_promise_is_refused(change: dict[str, Any], message: str) -> None:
    with pytest.raises(ValidationError, match=message):
        ArticleRecord.model_validate(record(figures=[figure(**change)]))


@pytest.mark.parametrize("value", ["2021-4", "April 2021", "2021-02-30", "21", "1700"])
def test_date_values_must_be_iso_at_a_precision(value: str) -> None:
    with pytest.raises(ValidationError):
        ArticleRecord.model_validate(record(dates=[{"text": "2022", "start": 3, "end": 7, "value": value}]))


@pytest.mark.parametrize("value", ["2022", "2022-04", "2022-04-30", None])
def test_date_values_at_each_precision_are_accepted(value: str | None) -> None:
    r = ArticleRecord.model_validate(record(dates=[{"text": "2022", "start": 3, "end": 7, "value": value}]))
    assert r.dates[0].value == value


def test_official_mentions_must_lie_in_the_text() -> None:
    with pytest.raises(ValidationError, match="outside the text"):
        ArticleRecord.model_validate(record(officials=[{"name": "Ann Cole", "title": "mayor", "mentions": [[0, 99]]}]))


def test_error_kinds_are_a_closed_vocabulary() -> None:
    with pytest.raises(ValidationError):
        ExtractionError(source="x", error="oops", message="m")  # type: ignore[arg-type]


def test_whole_float_counts_become_ints() -> None:
    assert Figure(**figure(count=1204.0)).count == 1204
    assert Figure(**figure(count=12.5)).count == 12.5


def test_schemas_folder_is_up_to_date() -> None:
    for name, text in schema_texts().items():
        path = ROOT / "schemas" / name
        assert path.exists(), f"{name} missing: run `extractor schema`"
        assert path.read_text(encoding="utf-8") == text, f"{name} is stale: run `extractor schema`"


def test_stale_schemas_are_found_and_rewritten(tmp_path: Path) -> None:
    from extractor.models import stale_schemas

    names = sorted(schema_texts())
    assert sorted(stale_schemas(tmp_path, write=False)) == names and not any(tmp_path.iterdir())
    assert sorted(stale_schemas(tmp_path)) == names
    (tmp_path / names[0]).write_text("{}\n", encoding="utf-8")
    assert stale_schemas(tmp_path) == [names[0]] and stale_schemas(tmp_path) == []
