"""The timeline: a run's events in date order across its articles (`extractor timeline`), and each
article's events in date order in the report. Articles invented for these tests."""

from __future__ import annotations

import csv
import datetime as dt
import shutil
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from extractor.cli import app
from extractor.extract import extract_text
from extractor.models import ArticleRecord
from extractor.report import _article_data
from extractor.timeline import date_key, timeline_rows

runner = CliRunner()
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMEDRIVER = shutil.which("chromedriver")

# one case told over two releases, the later written first in the folder's order
ARREST = (
    "Elmwood man arrested\nPublished May 6, 2024\n\n"
    "Deputies arrested Tom Hale on Friday after a chase near the marina. "
    "Hale will be arraigned on May 20 in Elmwood.\n"
)
SENTENCE = (
    "Elmwood man sentenced\nPublished September 12, 2024\n\n"
    "Tom Hale was sentenced Tuesday to 12 years in prison. "
    "A jury found Hale guilty on July 30 of arson.\n"
)


@pytest.fixture(scope="module")
def records(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("timeline")
    articles = folder / "in"
    articles.mkdir()
    (articles / "a-sentence.txt").write_text(SENTENCE, encoding="utf-8")
    (articles / "b-arrest[draft].txt").write_text(ARREST, encoding="utf-8")  # an id that looks like markup
    out = folder / "facts.jsonl"
    assert runner.invoke(app, ["extract", str(articles), "--output", str(out), "-j", "1", "--quiet"]).exit_code == 0
    return out


EXPECTED = [
    ("2024-05-03", "b-arrest[draft]"),  # arrested on Friday
    ("2024-05-20", "b-arrest[draft]"),  # to be arraigned
    ("2024-07-30", "a-sentence"),  # found guilty
    ("2024-09-10", "a-sentence"),  # sentenced on Tuesday
]


def test_timeline_rows_follow_the_dates_across_articles(records: Path) -> None:
    from extractor.records import read_records

    rows = timeline_rows(read_records(records))
    assert [(r.date, r.article) for r in rows] == EXPECTED


@pytest.mark.parametrize(
    ("dates", "ordered"),
    [
        (["2024-05-03", None, "2023", "2024-05"], ["2023", "2024-05", "2024-05-03", None]),
        ([None, "2021-01-02"], ["2021-01-02", None]),
    ],
)
def test_undated_events_come_last_and_a_year_before_its_days(
    dates: list[str | None], ordered: list[str | None]
) -> None:
    assert sorted(dates, key=date_key) == ordered


def test_timeline_command_prints_a_table_with_user_text_escaped(records: Path) -> None:
    result = runner.invoke(app, ["timeline", str(records)], env={"COLUMNS": "160"})
    assert result.exit_code == 0, result.output
    assert "4 events in 2 articles" in result.output
    lines = [line for line in result.output.splitlines() if "2024-" in line]
    assert [line.split("│")[1].strip() for line in lines] == [d for d, _ in EXPECTED]
    assert "b-arrest[draft]" in result.output  # shown as written, not read as markup


def test_timeline_command_filters_and_writes_csv(records: Path, tmp_path: Path) -> None:
    result = runner.invoke(app, ["timeline", str(records), "--match", "hale"], env={"COLUMNS": "160"})
    assert result.exit_code == 0 and "events in 2 articles" in result.output
    for option in ("--csv", "--output"):
        target = tmp_path / f"timeline{option}.csv"
        result = runner.invoke(app, ["timeline", str(records), option, str(target)])
        assert result.exit_code == 0, result.output
        with open(target, encoding="utf-8", newline="") as f:
            rows = list(csv.DictReader(f))
        assert [(r["date"], r["article"]) for r in rows] == EXPECTED
        assert rows[0]["participants"] == "Tom Hale" and rows[-1]["description"] == "Tom Hale sentenced to 12 years"


@pytest.mark.parametrize(
    "args",
    [
        ["--output", "timeline.txt"],  # a timeline file is CSV
        ["--csv", "a.csv", "--output", "b.csv"],
    ],
)
def test_timeline_command_refuses_bad_outputs(records: Path, args: list[str]) -> None:
    assert runner.invoke(app, ["timeline", str(records), *args]).exit_code == 2


def test_timeline_command_refuses_what_is_no_records_file(tmp_path: Path) -> None:
    article = tmp_path / "story.txt"
    article.write_text(ARREST, encoding="utf-8")
    assert runner.invoke(app, ["timeline", str(article)]).exit_code == 2
    assert runner.invoke(app, ["timeline", str(tmp_path / "missing.jsonl")]).exit_code == 2


def test_report_data_orders_an_articles_events_by_date(nlp: object) -> None:
    text = "Hale was sentenced Tuesday. He had been arrested on March 3, and a hearing was held in June."
    record = extract_text(text, nlp, published=dt.date(2024, 9, 12))  # type: ignore[arg-type]
    assert isinstance(record, ArticleRecord)
    data = _article_data(record)
    assert [data["events"][i]["date"] for i in data["timeline"]] == ["2024-03-03", "2024-06", "2024-09-10"]


@pytest.mark.skipif(not (CHROMIUM and CHROMEDRIVER), reason="needs chromium and chromedriver")
def test_report_shows_the_timeline_in_date_order(records: Path, tmp_path: Path) -> None:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.by import By

    page = tmp_path / "report.html"
    assert runner.invoke(app, ["report", str(records), "--output", str(page)]).exit_code == 0
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM  # type: ignore[assignment]
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run"):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(executable_path=CHROMEDRIVER), options=options)
    try:
        driver.get(page.as_uri() + "#a-sentence")
        time.sleep(0.3)
        rows = driver.find_elements(By.CSS_SELECTOR, "#article table.timeline tr.event")
        assert [r.find_elements(By.CSS_SELECTOR, "td")[0].text for r in rows] == ["2024-07-30", "2024-09-10"]
        rows[0].click()
        assert "guilty" in driver.find_element(By.ID, "record").text
    finally:
        driver.quit()
