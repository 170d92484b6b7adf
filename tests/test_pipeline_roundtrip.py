"""The pipeline as spaCy components: every fact is a Doc attribute set by a registered component,
and the pipeline saved with `nlp.to_disk` loads back with `spacy.load` and gives the same records."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
import spacy
from spacy.language import Language

from extractor import extractors
from extractor.components import FACT_COMPONENTS
from extractor.extract import extract_records, record_for
from extractor.extractors import article_doc
from extractor.ingest import iter_articles
from extractor.models import Article, ArticleRecord
from extractor.pipeline import build_nlp
from tests.conftest import SHARED

PRESS_ARTICLES = SHARED / "data" / "press-dev" / "articles"
PUBLISHED = dt.date(2024, 7, 31)


@pytest.fixture(scope="module")
def saved_path(nlp: Language, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("pipeline")
    nlp.to_disk(path)
    return path


@pytest.fixture(scope="module")
def loaded(saved_path: Path) -> Language:
    return spacy.load(saved_path)


def test_the_saved_pipeline_loads_with_every_component(nlp: Language, loaded: Language) -> None:
    assert loaded.pipe_names == nlp.pipe_names
    assert set(FACT_COMPONENTS) | {"extractor_fast_attributes"} <= set(loaded.pipe_names)
    assert "attribute_ruler" not in loaded.pipe_names


def test_build_nlp_takes_a_saved_pipeline_as_it_is(nlp: Language, saved_path: Path) -> None:
    assert build_nlp(str(saved_path)).pipe_names == nlp.pipe_names


def test_same_records_on_every_press_dev_article(nlp: Language, loaded: Language) -> None:
    assert PRESS_ARTICLES.is_dir(), f"{PRESS_ARTICLES} is missing: the round trip is measured on it and must not skip"
    articles = [a for a in iter_articles([PRESS_ARTICLES]) if isinstance(a, Article)]
    assert len(articles) >= 30
    built = list(extract_records(articles, nlp))
    assert all(isinstance(r, ArticleRecord) for r in built)
    again = list(extract_records(articles, loaded))
    assert [r.model_dump() for r in again] == [r.model_dump() for r in built]
    assert sum(len(r.figures) + len(r.quotes) + len(r.officials) for r in built if isinstance(r, ArticleRecord)) > 100


def facts(doc: Any) -> dict[str, list[Any]]:
    return {
        "location": [doc._.location] if doc._.location else [],
        "figures": [(f.year, f.count, f.metric) for f in doc._.figures],
        "changes": [(c.direction.value, c.percent) for c in doc._.changes],
        "claims": [(c.kind.value, c.since_year) for c in doc._.claims],
        "officials": [(o.name, o.title) for o in doc._.officials],
        "quotes": [(q.speaker, q.text) for q in doc._.quotes],
        "events": [(e.description, e.date_text) for e in doc._.events],
        "dates": [(d.text, d.value) for d in doc._.dates],
    }


@pytest.mark.parametrize(
    ("text", "attribute", "expected"),
    [
        ("OMAHA, Neb. - The library reopened on Monday.", "location", ["Omaha, Neb."]),
        ("The library reopened on Monday.", "location", []),
        ("Mayor Ann Cole said Tuesday: “We opened 12 shelters in 2023.”", "figures", [(2023, 12, "shelter")]),
        ("The shelter is open every day.", "figures", []),
        ("Burglaries rose 12% from the year before.", "changes", [("increase", 12.0)]),
        ("Burglaries were reported on Elm Street.", "changes", []),
        ("The county logged the most chimney fires since 2008.", "claims", [("superlative", 2008)]),
        ("Police Chief Lee Park spoke at the meeting.", "officials", [("Lee Park", "police chief")]),
        ("Lee Park, a baker, sold bread on Main Street.", "officials", []),
        (
            "Mayor Ann Cole said Tuesday: “We opened 12 shelters in 2023.”",
            "quotes",
            [("Ann Cole", "We opened 12 shelters in 2023.")],
        ),
        ("The bakery sold bread on Main Street.", "quotes", []),
        ("The council will meet on Friday to vote on the budget.", "events", [("The council meet", "Friday")]),
        ("The council voted on the budget.", "events", []),
        ("The council will meet on Friday.", "dates", [("Friday", None)]),
        ("The council meets often.", "dates", []),
    ],
)
def test_doc_attributes_of_a_plain_nlp_call(nlp: Language, text: str, attribute: str, expected: list[Any]) -> None:
    assert facts(nlp(text))[attribute] == expected


@pytest.mark.parametrize(
    ("attribute", "function"),
    [
        ("location", extractors.extract_location),
        ("figures", extractors.extract_figures),
        ("changes", extractors.extract_changes),
        ("claims", extractors.extract_claims),
        ("officials", extractors.extract_officials),
        ("quotes", extractors.extract_quotes),
        ("dates", extractors.extract_dates),
        ("events", extractors.extract_events),
    ],
)
def test_each_attribute_is_its_public_function(nlp: Language, attribute: str, function: Any) -> None:
    text = "HARBOR CITY - Mayor Ann Cole said Tuesday: “We opened 12 shelters in 2023, 20% more than in 2022.”"
    doc = nlp(text)
    assert getattr(doc._, attribute) == function(doc)


def test_the_date_is_an_input_set_before_the_pipeline(nlp: Language) -> None:
    article = Article(
        id="a", source="<text>", path="<text>", text="The council will meet on Friday to vote.", published=PUBLISHED
    )
    doc = nlp(article_doc(nlp, article))
    assert [(d.text, d.value) for d in doc._.dates] == [("Friday", "2024-08-02")]
    assert [e.date for e in doc._.events] == ["2024-08-02"]
    doc._.published = dt.date(2024, 1, 3)  # read after a change of date: computed again
    assert [e.date for e in doc._.events] == ["2024-01-05"]


def test_a_doc_made_without_the_inputs_gets_them_in_record_for(nlp: Language) -> None:
    article = Article(
        id="a",
        source="<text>",
        path="<text>",
        text="OMAHA, Neb. - The council will meet on Friday.",
        published=PUBLISHED,
        title="Council to meet",
    )
    late = record_for(nlp(article.text), article)
    assert late == record_for(nlp(article_doc(nlp, article)), article)
    assert (late.location, [d.value for d in late.dates]) == ("Omaha, Neb.", ["2024-08-02"])
