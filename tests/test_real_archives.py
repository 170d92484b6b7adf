"""Real archives (issue 13), read from ../shared/data at test time and never copied here:
prosecutors' press releases saved as plain text (press-dev), local gun-violence news (gvdb-dev)
and web pages through the HTML path (html-en). Without ../shared these tests fail: they are the
measure of the work, not optional."""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from spacy.language import Language

from extractor.evaluate import city_matches
from extractor.extract import extract_records
from extractor.ingest import iter_articles
from extractor.models import Article, ArticleRecord, ErrorKind, ExtractionError
from tests.conftest import SHARED

PRESS = SHARED / "data" / "press-dev"
GVDB = SHARED / "data" / "gvdb-dev"
HTML = SHARED / "data" / "html-en"
PUBLISHED_FLOOR = 0.9
TITLE_FLOOR = 0.9
LOCATION_FLOOR = 0.86  # measured 0.867 (312 of 360 stories with an annotated city); the goal is 0.85
HTML_F1_FLOOR = 0.93  # measured 0.934 (381 of 395 `with` snippets found, 40 of 397 `without` ones leaked)


def _require(path: Path) -> Path:
    assert path.exists(), f"{path} is missing: these tests measure issue 13 on the shared data and must not skip"
    return path


@pytest.fixture(scope="module")
def press_txt(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, dict[str, Any]]]:
    """Each press-dev article's `text` alone, as a .txt file: what an archive of saved pages holds."""
    folder = tmp_path_factory.mktemp("press-txt")
    sources = {}
    for path in sorted(_require(PRESS / "articles").glob("*.json")):
        source = json.loads(path.read_text(encoding="utf-8"))
        (folder / f"{source['id']}.txt").write_text(source["text"], encoding="utf-8")
        sources[source["id"]] = source
    assert len(sources) == 99
    return folder, sources


def _gold(article_id: str) -> dict[str, Any]:
    return dict(json.loads((PRESS / "gold" / f"{article_id}.json").read_text(encoding="utf-8")))


def _words(text: str) -> set[str]:
    return set(re.findall(r"[a-z0-9]+", text.replace("\u2019", "'").lower()))


def _title_matches(found: str | None, given: str) -> bool:
    """Loosely: most words of the title found are the given title's, and they cover half of it."""
    if not found:
        return False
    f, g = _words(found), _words(given)
    return len(f & g) >= 0.8 * len(f) and len(f & g) >= 0.5 * len(g)


def test_release_dates_and_titles_from_plain_text(press_txt: tuple[Path, dict[str, dict[str, Any]]]) -> None:
    folder, sources = press_txt
    articles = [a for a in iter_articles([folder]) if isinstance(a, Article)]
    assert len(articles) == len(sources)
    dated = [a.id for a in articles if a.published and a.published.isoformat() == _gold(a.id)["published"]]
    titled = [a.id for a in articles if _title_matches(a.title, sources[a.id]["title"])]
    assert len(dated) >= PUBLISHED_FLOOR * len(articles), sorted(set(sources) - set(dated))
    assert len(titled) >= TITLE_FLOOR * len(articles), sorted(set(sources) - set(titled))


def test_no_fact_comes_from_the_site_chrome(press_txt: tuple[Path, dict[str, dict[str, Any]]], nlp: Language) -> None:
    """Chrome, measured without the tool's own rules: lines that repeat on three pages or more
    (navigation, sidebars, recent-news lists). No official may be named only on such lines, unless
    the gold lists them (an office's contact block repeats on its releases and is part of each),
    and no figure may be dated after its release (the sidebars list this year's other cases)."""
    folder, sources = press_txt
    pages = {i: s["text"].split("\n") for i, s in sources.items()}
    repeats = Counter(line.strip() for lines in pages.values() for line in {ln.strip() for ln in lines} if line)
    records = [r for r in extract_records(iter_articles([folder]), nlp) if isinstance(r, ArticleRecord)]
    assert len(records) == len(sources)
    for record in records:
        own_lines = [ln for ln in pages[record.id] if ln.strip() and repeats[ln.strip()] < 3]
        contacts = {o["name"] for o in _gold(record.id).get("officials", [])}
        for official in record.officials:
            assert official.name in contacts or any(official.name in ln for ln in own_lines), (record.id, official.name)
        release_year = int(_gold(record.id)["published"][:4])
        own_text = "\n".join(own_lines)
        for figure in record.figures:
            assert figure.year <= release_year, (record.id, figure.evidence)
            assert figure.evidence in own_text, (record.id, figure.evidence)
        assert any("site chrome removed" in w for w in record.warnings), record.id


def test_location_of_gun_violence_stories(nlp: Language) -> None:
    gold = {}
    for line in _require(GVDB / "gold.jsonl").read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        if row["city"]:
            gold[row["id"]] = row["city"]
    records = [
        r for r in extract_records(iter_articles([GVDB / "articles.jsonl"]), nlp) if isinstance(r, ArticleRecord)
    ]
    scored = [r for r in records if r.id in gold]
    right = sum(city_matches(r.location, gold[r.id]) for r in scored)
    assert len(scored) >= 350
    assert right >= LOCATION_FLOOR * len(scored), f"{right} of {len(scored)}"


def _snippets_f1(texts: dict[str, str], truth: dict[str, Any]) -> float:
    """The evaluation set's measure of a body: its `with` snippets found in the text (recall), its
    `without` snippets (boilerplate) not found (precision), whitespace ignored."""
    found = missed = leaked = 0
    for name, text in texts.items():
        flat = " ".join(text.split())
        found += sum(" ".join(s.split()) in flat for s in truth[name]["with"])
        missed += sum(" ".join(s.split()) not in flat for s in truth[name]["with"])
        leaked += sum(" ".join(s.split()) in flat for s in truth[name].get("without", []))
    precision, recall = found / (found + leaked), found / (found + missed)
    return 2 * precision * recall / (precision + recall)


def test_html_pages_keep_their_trafilatura_body() -> None:
    """Body detection is for plain text: a page through the HTML path keeps trafilatura's body
    whole (no chrome warning; the snippet F1 of the evaluation set stays trafilatura's, 0.934 on
    the English pages, measured equal to trafilatura called alone). Pages not in English (four
    German ones in this set) become `language` errors."""
    truth = json.loads(_require(HTML / "evaldata-en.json").read_text(encoding="utf-8"))
    pages = [HTML / "html" / name for name in sorted(truth)]
    results = list(iter_articles(pages))
    articles = [a for a in results if isinstance(a, Article)]
    errors = [e for e in results if isinstance(e, ExtractionError)]
    assert all(e.error in (ErrorKind.language, ErrorKind.no_content) for e in errors), errors
    assert len(articles) >= 0.95 * len(pages)
    assert not any("site chrome removed" in w for a in articles for w in a.warnings)
    assert _snippets_f1({Path(a.path).name: a.text for a in articles}, truth) >= HTML_F1_FLOOR
