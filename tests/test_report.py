"""The review report: escaping and structure in Python, and behaviour in real headless Chromium
(Debian's chromium and chromium-driver, installed by .ci/run; never a browser download)."""

from __future__ import annotations

import json
import os
import shutil
import time
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from extractor.cli import app
from extractor.report import render
from tests.conftest import CORPUS, ROOT

runner = CliRunner()
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMEDRIVER = shutil.which("chromedriver")
# Two sources in one article give 2022 two different values: the chart must show both points.
TWO_VALUES = (
    "Harbor City crime tally\nPublished March 3, 2024\n\n"
    "Harbor City police counted 410 burglaries in 2021 and 388 burglaries in 2022. "
    "A county audit released later put the 2022 total at 402 burglaries, and 2023 ended with 371 burglaries.\n"
)
# A second release on Harbor City's burglaries: one metric and place in two articles, charted together.
SECOND_SOURCE = (
    "Harbor City burglaries fall\nPublished April 9, 2024\n\n"
    "HARBOR CITY - The county audit counted 402 burglaries in Harbor City in 2022 and 371 burglaries in 2023.\n"
)
LONG_ID = "an-article-whose-file-name-is-far-too-long-to-fit-in-any-index-column-" + "x" * 60
HOSTILE = (
    "Evil article\nPublished March 3, 2024\n\n</script><script>window.__injected = 1</script> "
    '<img src=x onerror="window.__injected = 2"> In 2022 there were 1,204 crashes in Dayton, up from 1,100 in 2021.'
)


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("report")
    articles = folder / "in"
    articles.mkdir()
    for name in ("st-louis-homicides.txt", "a-baltimore-homicides.txt", "b-tulsa-robberies.txt"):
        shutil.copy(CORPUS / name, articles / name)
    (articles / "evil.txt").write_text(HOSTILE, encoding="utf-8")
    (articles / "two-values.txt").write_text(TWO_VALUES, encoding="utf-8")
    (articles / "second-source.txt").write_text(SECOND_SOURCE, encoding="utf-8")
    (articles / f"{LONG_ID}.txt").write_text(
        "In 2021 the town logged 12 arson fires, up from 9 in 2020.\n", encoding="utf-8"
    )
    records, checks, page = folder / "facts.jsonl", folder / "check.json", folder / "report.html"
    assert runner.invoke(app, ["extract", str(articles), "--output", str(records), "-j", "1", "--quiet"]).exit_code == 0
    official = CORPUS / "official" / "ucr_violent_crime_1975_2015.csv"
    result = runner.invoke(app, ["check", str(records), "--official", str(official), "--json"])
    checks.write_text(result.stdout, encoding="utf-8")
    assert runner.invoke(app, ["report", str(records), "--check", str(checks), "--output", str(page)]).exit_code == 0
    return page


def test_report_is_self_contained_and_escapes_article_text(report: Path) -> None:
    html = report.read_text(encoding="utf-8")
    assert "http://" not in html.replace("http://www.w3.org/2000/svg", "") and "https://" not in html
    assert "<script>window.__injected" not in html and "</script><script>window" not in html
    assert html.count("<script") == 2  # the data island and the page's own script


def test_render_keeps_json_inside_its_script() -> None:
    from extractor.extract import extract_text
    from extractor.pipeline import build_nlp

    record = extract_text("</script><!-- <script>alert(1)</script>", build_nlp())
    html = render([record])  # type: ignore[list-item]
    data = html.split('<script type="application/json" id="data">', 1)[1].split("</script>", 1)[0]
    assert json.loads(data)["articles"][0]["text"].startswith("</script>")


@pytest.mark.skipif(not (CHROMIUM and CHROMEDRIVER), reason="Debian chromium and chromium-driver not installed")
def test_report_in_headless_chromium(report: Path) -> None:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.by import By

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM  # type: ignore[assignment]
    for flag in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--window-size=1400,1000",
    ):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(executable_path=CHROMEDRIVER), options=options)
    try:
        driver.get(report.as_uri())
        rows = driver.find_elements(By.CSS_SELECTOR, "#rows tr.row")
        assert len(rows) == 7
        index_sorts_and_filters_by_status(driver)
        overview_charts_mean_something(driver, report)
        # the index fits the screen: a long id is cut, and the check column stays in view
        index = driver.find_element(By.ID, "index")
        assert driver.execute_script("return arguments[0].scrollWidth <= arguments[0].clientWidth", index)
        for cell in driver.find_elements(By.CSS_SELECTOR, "#rows tr.row td:last-child"):
            assert cell.rect["x"] + cell.rect["width"] <= index.rect["x"] + index.rect["width"] + 1
            for shown in cell.find_elements(By.CSS_SELECTOR, ".badge"):  # whole, not clipped
                assert shown.rect["x"] + shown.rect["width"] <= cell.rect["x"] + cell.rect["width"] + 1
        assert driver.find_elements(By.CSS_SELECTOR, "#overview svg")  # charts across all articles
        box = driver.find_element(By.ID, "filter")
        box.send_keys("Tulsa")
        time.sleep(0.2)
        assert len(driver.find_elements(By.CSS_SELECTOR, "#rows tr.row")) == 1
        box.clear()
        box.send_keys("St. Louis")
        time.sleep(0.2)
        rows = driver.find_elements(By.CSS_SELECTOR, "#rows tr.row")
        assert len(rows) >= 1
        rows[0].click()
        time.sleep(0.2)
        assert len(driver.find_elements(By.CSS_SELECTOR, "#article .text mark.figures")) >= 5
        assert driver.find_elements(By.CSS_SELECTOR, "#article .text mark.quotes")
        assert driver.find_elements(By.CSS_SELECTOR, "#article .text mark.officials")
        # 2014: 159 matches the FBI (official); the -40% agrees with the article's own figures (internal)
        official = driver.find_elements(By.CSS_SELECTOR, "#article .badge.match:not(.internal)")
        assert official and official[0].text == "official match"
        internal = driver.find_elements(By.CSS_SELECTOR, "#article .badge.internal")
        assert internal and all(b.text.startswith("internal ") for b in internal)
        assert driver.find_elements(By.CSS_SELECTOR, "#article svg circle.stated")
        highlights_keep_to_their_own_span(driver)
        # EXTRACTOR_SCREENSHOT=docs/report.png refreshes the README's picture; otherwise a temporary file
        shot = Path(os.environ.get("EXTRACTOR_SCREENSHOT", str(report.with_name("report.png"))))
        assert driver.save_screenshot(str(shot if shot.is_absolute() else ROOT / shot))
        assert driver.execute_script("return location.hash") == "#st-louis-homicides"
        mark = driver.find_elements(By.CSS_SELECTOR, "#article .text mark.figures")[0]
        mark.click()
        panel = driver.find_element(By.ID, "record")
        assert "homicide" in panel.text and "{" not in panel.text  # a readable list, not raw JSON
        terms = [dt.text for dt in panel.find_elements(By.CSS_SELECTOR, "dt")]
        assert {"year", "count", "metric", "evidence"} <= set(terms)
        panel.find_element(By.CSS_SELECTOR, "button.close").click()
        assert not panel.is_displayed()
        # a checked figure's panel says what it was checked against
        marks = driver.find_elements(By.CSS_SELECTOR, "#article .text mark.figures")
        next(m for m in marks if "2014: 159 homicide" in (m.get_attribute("title") or "")).click()
        check = panel.find_element(By.CSS_SELECTOR, "dd.check")
        assert check.text.startswith("official match against official 159"), check.text
        panel.find_element(By.CSS_SELECTOR, "button.close").click()
        # an article has its own address
        driver.get(report.as_uri() + "#two-values")
        time.sleep(0.3)
        assert driver.find_element(By.ID, "article-title").text == "Harbor City crime tally"
        selected = driver.find_elements(By.CSS_SELECTOR, "#rows tr.row.selected")  # listed, though filtered out
        assert len(selected) == 1 and "Harbor City crime tally" in selected[0].text
        several = driver.find_elements(By.CSS_SELECTOR, "#article svg circle.several")
        assert len(several) == 2  # 2022 stated as 388 and as 402: two points, side by side
        xs = sorted(c.get_attribute("cx") for c in several)
        assert xs[0] != xs[1]
        driver.find_elements(By.CSS_SELECTOR, "#article .text mark.figures")[1].click()
        assert driver.find_element(By.ID, "record").is_displayed()
        details = shot.with_name(shot.stem + "-details.png")
        assert driver.save_screenshot(str(details if details.is_absolute() else ROOT / details))
        box.clear()
        box.send_keys("Evil")
        time.sleep(0.2)
        driver.find_elements(By.CSS_SELECTOR, "#rows tr.row")[0].click()
        time.sleep(0.3)
        assert "<script>window.__injected = 1</script>" in driver.find_element(By.CSS_SELECTOR, "#article .text").text
        assert driver.execute_script("return window.__injected === undefined")
        box.clear()
        index_fits_at(driver, widths=(1400, 1280, 1024, 800, 420))
        driver.set_window_size(420, 800)  # sorting and filtering work in a narrow window too
        index_sorts_and_filters_by_status(driver)
    finally:
        driver.quit()


# cells whose text is wider than their room (shown cut, with an ellipsis); scrollWidth misses these
CUT_CELLS = """return [...document.querySelectorAll(
  '#rows tr.row td:nth-child(2), #rows tr.row td:nth-child(4), #rows tr.row td:nth-child(5), #index th')]
  .filter(c => {
    const text = document.createRange(), style = getComputedStyle(c);
    text.selectNodeContents(c);
    const room = c.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
    return c.offsetWidth > 0 && text.getBoundingClientRect().width > room;
  }).map(c => c.textContent)"""


def index_fits_at(driver: Any, widths: tuple[int, ...]) -> None:
    """At each window width the index needs no sideways scrolling, its date, facts and check
    cells are whole, the check column is in view and the article column keeps room for a title."""
    from selenium.webdriver.common.by import By

    for width in widths:
        driver.set_window_size(width, 800)
        time.sleep(0.3)
        index = driver.find_element(By.ID, "index")
        assert driver.execute_script("return arguments[0].scrollWidth <= arguments[0].clientWidth", index), width
        assert driver.execute_script(CUT_CELLS) == [], width
        right = index.rect["x"] + index.rect["width"]
        for row in driver.find_elements(By.CSS_SELECTOR, "#rows tr.row"):
            first, last = row.find_elements(By.CSS_SELECTOR, "td")[0], row.find_elements(By.CSS_SELECTOR, "td")[-1]
            assert last.rect["x"] + last.rect["width"] <= right + 1, width
            assert first.rect["width"] >= 80, width  # a title has room


STATUS_RANK = ["mismatch", "uncertain", "consistent", "match", "not comparable", "no official", ""]


def index_sorts_and_filters_by_status(driver: Any) -> None:
    """Issue #28: the index opens with the worst check first, sorts by a click on a heading (again
    reverses), and the status menu keeps only articles with a statement of that status."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select

    def statuses() -> list[str]:
        return [
            row.find_elements(By.CSS_SELECTOR, "td")[-1].text.strip()
            for row in driver.find_elements(By.CSS_SELECTOR, "#rows tr.row")
        ]

    def titles() -> list[str]:
        rows = driver.find_elements(By.CSS_SELECTOR, "#rows tr.row")
        return [row.find_elements(By.CSS_SELECTOR, "td")[0].text for row in rows]

    # an empty text filter (selenium's clear() sends no input event)
    driver.execute_script(
        "const f = document.getElementById('filter'); f.value = ''; f.dispatchEvent(new Event('input'))"
    )
    ranks = [STATUS_RANK.index(s) for s in statuses()]
    assert ranks == sorted(ranks) and ranks[0] < ranks[-1]  # worst first, unchecked last
    heading = driver.find_element(By.CSS_SELECTOR, '#index th[data-sort="article"]')
    heading.click()
    assert [t.lower() for t in titles()] == sorted(t.lower() for t in titles())
    assert heading.get_attribute("aria-sort") == "ascending"
    heading.click()
    assert [t.lower() for t in titles()] == sorted((t.lower() for t in titles()), reverse=True)
    driver.find_element(By.CSS_SELECTOR, '#index th[data-sort="check"]').click()  # back to the worst first
    menu = Select(driver.find_element(By.ID, "status"))
    options = {o.get_attribute("value"): o.text for o in menu.options}
    assert "match" in options and "no_official" in options
    for status in ("match", "no_official"):
        menu.select_by_value(status)
        shown = len(driver.find_elements(By.CSS_SELECTOR, "#rows tr.row"))
        assert f"({shown})" in options[status], (status, shown)
        assert 0 < shown < 7 or status == "no_official"  # a figure of every article lacks an official value
    menu.select_by_value("")
    assert len(driver.find_elements(By.CSS_SELECTOR, "#rows tr.row")) == 7


def overview_charts_mean_something(driver: Any, report: Path) -> None:
    """A chart across articles is drawn only for one metric and place that two articles report,
    or that official values back: never releases pooled by a shared word."""
    from selenium.webdriver.common.by import By

    charts = driver.find_elements(By.CSS_SELECTOR, "#overview .chart")
    labels = [c.find_element(By.CSS_SELECTOR, ".label").text for c in charts]
    assert any(label.startswith("burglary · Harbor City") for label in labels), labels  # two articles
    assert not any("arson" in label for label in labels), labels  # one article, no place, no official value
    for chart, label in zip(charts, labels, strict=True):
        articles = {
            r["id"]
            for r in map(json.loads, report.with_name("facts.jsonl").read_text(encoding="utf-8").splitlines())
            for f in r["figures"]
            if f"{f['metric']} · {f['location'] or r['location']}" == label
        }
        assert len(articles) >= 2 or chart.find_elements(By.CSS_SELECTOR, "rect.official"), label


def highlights_keep_to_their_own_span(driver: Any) -> None:
    """An event is marked on its date, not its whole sentence, so the figures in that sentence show."""
    from selenium.webdriver.common.by import By

    events = driver.find_elements(By.CSS_SELECTOR, "#article .text mark.events")
    assert events
    for mark in events:
        assert len(mark.text) <= 40 and "." not in mark.text.rstrip("."), mark.text  # a date, not a sentence
    assert any(m.text == "April 2021" for m in events)
    # the figure "2020: 263 HOMICIDES" is one mark, a figure's, over all its characters (the year too)
    pieces = [
        m.text
        for m in driver.find_elements(By.CSS_SELECTOR, "#article .text mark")
        if (m.get_attribute("title") or "").startswith("figures: 2020: 263 homicide")
    ]
    assert pieces == ["2020: 263 HOMICIDES"]
    assert all(
        "figures" in (m.get_attribute("class") or "")
        for m in driver.find_elements(By.CSS_SELECTOR, "#article .text mark")
        if (m.get_attribute("title") or "").startswith("figures: 2020: 263 homicide")
    )
