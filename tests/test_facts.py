"""The `extractor_facts` pipeline component: figures, changes and claims as Doc attributes,
computed for the Doc's publication date and place."""

from __future__ import annotations

import datetime as dt

from spacy.language import Language

from extractor.context import context_of


def test_the_component_is_in_the_pipeline(nlp: Language) -> None:
    assert "extractor_facts" in nlp.pipe_names
    assert nlp.pipe_names.index("extractor_facts") > nlp.pipe_names.index("parser")


def test_doc_attributes_follow_the_publication_date(nlp: Language) -> None:
    doc = nlp("The county logged 812 chimney fires last year, up 12% from the year before.")
    assert doc._.figures == []  # no date: "last year" stays unresolved
    doc._.published = dt.date(2024, 5, 1)
    assert [(f.year, f.count) for f in doc._.figures] == [(2023, 812)]
    assert [(c.direction.value, c.percent) for c in doc._.changes] == [("increase", 12.0)]
    doc._.published = dt.date(2020, 5, 1)
    assert [(f.year, f.count) for f in doc._.figures] == [(2019, 812)]


def test_a_dated_doc_is_annotated_by_the_pipeline(nlp: Language) -> None:
    doc = nlp.make_doc("Lifeguards made 312 rescues in 2019, the most since 2008.")
    doc._.published = dt.date(2020, 1, 10)
    doc = nlp(doc)
    stored = doc.user_data["extractor_claims"]  # plain data, for the date and place it was found for
    assert stored["inputs"] == ["2020-01-10", None]
    assert [(c["year"], c["since_year"]) for c in stored["facts"]] == [(2019, 2008)]
    assert [(c.year, c.since_year) for c in doc._.claims] == [(2019, 2008)]


def test_context_is_matched_once_per_date(nlp: Language) -> None:
    doc = nlp("So far this year, the shelter placed 85 dogs; it aims to place 200 by 2030.")
    doc._.published = dt.date(2024, 6, 1)
    ctx = context_of(doc)
    assert context_of(doc) is ctx
    assert [label for label, _s, _e in ctx.periods][0] == "year to date"
    assert [kind for kind, _s, _e in ctx.markers] == ["target", "target"]
    assert [(f.year, f.count, f.period) for f in doc._.figures] == [(2024, 85, "year to date")]
