from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from spacy.language import Language

from extractor.pipeline import build_nlp

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpus"
SHARED = ROOT.parent / "shared"
SEED = CORPUS / "st-louis-homicides.txt"


@pytest.fixture(scope="session")
def nlp() -> Language:
    return build_nlp()


@pytest.fixture(scope="session")
def seed_gold() -> dict[str, Any]:
    return json.loads(SEED.with_name("st-louis-homicides.gold.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def corpus_records(nlp: Language) -> list[Any]:
    """Every corpus article extracted once for the whole session."""
    from extractor.extract import extract_records
    from extractor.ingest import iter_articles
    from extractor.models import ArticleRecord

    results = list(extract_records(iter_articles([CORPUS]), nlp))
    errors = [r for r in results if not isinstance(r, ArticleRecord)]
    assert not errors, errors
    return results
