"""The `extractor_facts` pipeline component: year–count figures, changes and claims as Doc
attributes (`Doc._.figures`, `Doc._.changes`, `Doc._.claims`).

The word lists that decide what a count is live in `rules/context.json` and are matched once per
Doc (extractor/context.py); `figures.py`, `changes.py` and `claims.py` read that `Context`, and
this module, which imports them all, computes their facts together.

The facts depend on the publication date and the article's place (relative years: "last year"):
the component computes them for the Doc's `Doc._.published` and `Doc._.location` (set before it
runs: extractors.article_doc, the extractor_location component), and reading `Doc._.figures` after
either changed computes them again (a getter). Figures, changes and claims are kept on the Doc as
plain data (extractor/docfacts.py); the figure mentions, which hold Spans, in the Doc's memo.

The component owns its rules (rules/context.json): read in `initialize`, saved by `to_disk` and
read back by `from_disk`, so a pipeline saved with `nlp.to_disk` needs no data file of this package.
Its one setting, `binder`, picks the figure binder's design (extractor/binder.py; null: the
default or $EXTRACTOR_BINDER)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import srsly
from spacy.language import Language
from spacy.tokens import Doc

from .components import memo
from .context import FactMatchers, has_matchers, matchers_for, use_matchers
from .docfacts import fact_attribute, read
from .rules import Carrier, RuleSet, rules_of, with_rules_of_doc


@dataclass
class Facts:
    key: tuple[Any, ...]
    mentions: list[Any]
    figures: list[Any]
    changes: list[Any]
    claims: list[Any]


@with_rules_of_doc
def compute_facts(doc: Doc) -> Facts:
    from .binder import bind
    from .changes import extract_changes
    from .claims import extract_claims
    from .figures import drop_restatements, figure_mentions, unique_figures

    key = (doc._.published, doc._.location)
    cached = memo(doc).get("extractor_facts")  # the mentions hold Spans: never in user_data
    if isinstance(cached, Facts) and cached.key == key:
        return cached
    mentions = figure_mentions(doc)
    setup = matchers_for(doc.vocab)
    facts = Facts(
        # the figures are the mentions the binder keeps (extractor/binder.py); changes, claims and
        # events read every mention the rules found, so the binder's design never moves them
        key,
        mentions,
        unique_figures(drop_restatements(doc, bind(doc, mentions, setup.binder, setup.binder_model), mentions)),
        extract_changes(doc, mentions),
        extract_claims(doc, mentions),
    )
    memo(doc)["extractor_facts"] = facts
    return facts


def _finder(attr: str) -> Callable[[Doc], list[Any]]:
    def find(doc: Doc) -> list[Any]:
        value: list[Any] = getattr(compute_facts(doc), attr)
        return value

    return find


FACT_KINDS = ("figures", "changes", "claims")
for _kind in FACT_KINDS:
    fact_attribute(_kind, _finder(_kind))  # plain data in user_data (extractor/docfacts.py)
if not Doc.has_extension("figure_mentions"):
    Doc.set_extension("figure_mentions", getter=_finder("mentions"))  # working data: recomputed, never saved

RULES_FILE = "context.json"
MODEL_FILE = "binder_model.json"


class FactsComponent(Carrier):
    """Sets Doc._.figures, Doc._.changes and Doc._.claims (and Doc._.figure_mentions, every
    statement of a figure, repeats included). Owns its rules (`RULE_FILES`, extractor/rules:
    `Carrier`) and the figure binder's model (`initialize`, `to_disk`, `from_disk`)."""

    RULE_FILES = (
        RULES_FILE,
        "figures.json",
        "changes.json",
        "claims.json",
        "metrics.json",
        "binder.json",
        "superlatives.json",
        "plurals.json",
    )

    def __init__(self, nlp: Language, name: str, binder: str | None = None) -> None:
        self.name = name
        self.vocab = nlp.vocab
        self.binder = binder
        self.rule_files = None  # read in initialize or from_disk, not when made
        self.model: dict[str, Any] | None = None  # the binder model's JSON
        self.compiled_for: RuleSet | None = None  # the rules its patterns were compiled with

    def initialize(
        self, get_examples: Callable[[], Iterable[Any]] | None = None, *, nlp: Language | None = None
    ) -> None:
        """Reads the package's rules and binder model."""
        from .binder import shipped_model_data

        self.initialize_rules()
        self._use(shipped_model_data())

    def _use(self, model: dict[str, Any]) -> None:
        self.model = model
        self.compiled_for = None

    def _compile(self, vocab: Any) -> None:
        """Compiles the context rules' patterns, with the rules of the whole pipeline (a reference
        names another component's file): on the first Doc, once every component has its rules."""
        from .binder import model_from_json

        rules = rules_of(vocab)
        context = rules.load(RULES_FILE)  # its references resolved
        use_matchers(vocab, FactMatchers(vocab, context, self.binder, model_from_json(self._data()[MODEL_FILE])))
        self.compiled_for = rules

    def __call__(self, doc: Doc) -> Doc:
        if self.rule_files is None:
            self.initialize()
        self.rules_for(doc.vocab)
        if self.compiled_for is not rules_of(doc.vocab) or not has_matchers(doc.vocab):
            self._compile(doc.vocab)  # first Doc, new rules, or another vocabulary (a worker process's)
        for kind in FACT_KINDS:
            read(doc, kind, _finder(kind))
        return doc

    def _data(self) -> dict[str, Any]:
        if self.rule_files is None or self.model is None:
            self.initialize()
        assert self.rule_files is not None and self.model is not None
        return {**self.rule_files, MODEL_FILE: self.model}

    def to_bytes(self, *, exclude: Iterable[str] = ()) -> bytes:
        return srsly.msgpack_dumps(self._data())

    def from_bytes(self, data: bytes, *, exclude: Iterable[str] = ()) -> FactsComponent:
        saved = srsly.msgpack_loads(data)
        self.rules_from_bytes(saved)
        self._use(saved[MODEL_FILE])
        return self

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        folder = Path(path)
        self.write_rules(folder)
        srsly.write_json(folder / MODEL_FILE, self._data()[MODEL_FILE])

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> FactsComponent:
        folder = Path(path)
        self.read_rules(folder)
        self._use(srsly.read_json(folder / MODEL_FILE))
        return self


@Language.factory(
    "extractor_facts",
    assigns=["doc._.figures", "doc._.changes", "doc._.claims", "doc._.figure_mentions"],
    requires=["doc._.location", "token._.number", "token.lemma", "token.dep", "doc.ents"],
    default_config={"binder": None},
)
def make_facts(nlp: Language, name: str, binder: str | None) -> FactsComponent:
    return FactsComponent(nlp, name, binder)
