"""The review report: escaping and structure in Python, and behaviour in real headless Chromium
(Debian's chromium and chromium-driver, installed by .ci/run; never a browser download)."""

from __future__ import annotations

import json
import os
import shutil
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from extractor.cli import app
from extractor.report import render
from tests.conftest import CORPUS, ROOT

runner = CliRunner()
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMEDRIVER = shutil.which("chromedriver")
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
        assert len(rows) == 4
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
        assert driver.find_elements(By.CSS_SELECTOR, "#article .badge.match")  # 2014: 159 matches the FBI
        assert driver.find_elements(By.CSS_SELECTOR, "#article svg circle.stated")
        # EXTRACTOR_SCREENSHOT=docs/report.png refreshes the README's picture; otherwise a temporary file
        shot = Path(os.environ.get("EXTRACTOR_SCREENSHOT", str(report.with_name("report.png"))))
        assert driver.save_screenshot(str(shot if shot.is_absolute() else ROOT / shot))
        mark = driver.find_elements(By.CSS_SELECTOR, "#article .text mark.figures")[0]
        mark.click()
        assert "homicide" in driver.find_element(By.ID, "record").text
        box.clear()
        box.send_keys("Evil")
        time.sleep(0.2)
        driver.find_elements(By.CSS_SELECTOR, "#rows tr.row")[0].click()
        time.sleep(0.3)
        assert "<script>window.__injected = 1</script>" in driver.find_element(By.CSS_SELECTOR, "#article .text").text
        assert driver.execute_script("return window.__injected === undefined")
    finally:
        driver.quit()
