"""The `extractor_facts` pipeline component: year–count figures, changes and claims as Doc
attributes (`Doc._.figures`, `Doc._.changes`, `Doc._.claims`).

The word lists that decide what a count is live in `rules/context.json` and are matched once per
Doc (extractor/context.py); `figures.py`, `changes.py` and `claims.py` read that `Context`, and
this module, which imports them all, computes their facts together.

The facts depend on the publication date and the article's place (relative years: "last year"):
the component computes them for the Doc's `Doc._.published` and `Doc._.location` (set before it
runs: extractors.article_doc, the extractor_location component), and reading `Doc._.figures` after
either changed computes them again (a getter); the result is kept per (published, location)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from .context import matchers_for


@dataclass
class Facts:
    key: tuple[Any, ...]
    mentions: list[Any]
    figures: list[Any]
    changes: list[Any]
    claims: list[Any]


def compute_facts(doc: Doc) -> Facts:
    from .binder import bind
    from .changes import extract_changes
    from .claims import extract_claims
    from .figures import drop_restatements, figure_mentions, unique_figures

    key = (doc._.published, doc._.location)
    cached = doc.user_data.get("extractor_facts")
    if isinstance(cached, Facts) and cached.key == key:
        return cached
    mentions = figure_mentions(doc)
    facts = Facts(
        # the figures are the mentions the binder keeps (extractor/binder.py); changes, claims and
        # events read every mention the rules found, so the binder's design never moves them
        key,
        mentions,
        unique_figures(drop_restatements(doc, bind(doc, mentions), mentions)),
        extract_changes(doc, mentions),
        extract_claims(doc, mentions),
    )
    doc.user_data["extractor_facts"] = facts
    return facts


def _getter(attr: str) -> Callable[[Doc], list[Any]]:
    def get(doc: Doc) -> list[Any]:
        value: list[Any] = getattr(compute_facts(doc), attr)
        return value

    return get


for _name, _attr in (
    ("figures", "figures"),
    ("changes", "changes"),
    ("claims", "claims"),
    ("figure_mentions", "mentions"),
):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, getter=_getter(_attr))


class FactsComponent:
    """Sets Doc._.figures, Doc._.changes and Doc._.claims (and Doc._.figure_mentions, every
    statement of a figure, repeats included)."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name
        matchers_for(nlp.vocab)  # compile the rules' patterns once, at load time

    def __call__(self, doc: Doc) -> Doc:
        compute_facts(doc)
        return doc


@Language.factory("extractor_facts")
def make_facts(nlp: Language, name: str) -> FactsComponent:
    return FactsComponent(nlp, name)
