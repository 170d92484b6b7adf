"""Every extractor as a spaCy pipeline component. For each fact type there is one public function
from a Doc to its records (textacy style: `extract_quotes(doc)`), a Doc attribute
(`Doc._.quotes`) and a registered factory (`extractor_quotes`) whose component sets it; `build_nlp`
adds them all, so that

    >>> doc = nlp("Mayor Ann Cole said Tuesday: “We opened 12 shelters in 2023.”")
    >>> [(q.speaker, q.text) for q in doc._.quotes]
    [('Ann Cole', 'We opened 12 shelters in 2023.')]

The facts depend on two inputs that are not in the text: the publication date (`Doc._.published`:
"last year") and the headline (`Doc._.title`, where the place is often named). `article_doc` sets
them on a Doc before the pipeline runs; `extractor_location` then sets `Doc._.location`, which the
other facts read. Each fact attribute holds the value computed for the Doc's current date and
place: read after either is changed, it is computed again (by the same public function).

Figures, changes and claims are computed together by `extractor_facts` (extractor/facts.py),
which this module's `extract_figures`, `extract_changes` and `extract_claims` read."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import srsly
from spacy.language import Language
from spacy.tokens import Doc

from . import events, location, officials, people, quotes, timex
from .components import doc_text, forget, memo
from .docfacts import fact_attribute, found
from .facts import compute_facts
from .models import Article, Change, Claim, DateMention, Event, Figure, Official, Quote
from .people import Person
from .rules import Carrier, with_rules_of_doc
from .timex import TimeMention


def give_inputs(doc: Doc, article: Article) -> Doc:
    """Sets an article's publication date and headline on its Doc, for the pipeline to read."""
    doc._.published = article.published
    doc._.title = article.title
    return doc


def article_doc(nlp: Language, article: Article) -> Doc:
    """The article's text as a Doc that carries its inputs, ready for `nlp(doc)` or `nlp.pipe`.

    >>> doc = nlp(article_doc(nlp, article))
    >>> doc._.published == article.published
    True
    """
    return give_inputs(nlp.make_doc(article.text), article)


# --- one public function per fact type ---------------------------------------------------------


@with_rules_of_doc
def extract_location(doc: Doc) -> str | None:
    """The place the article is about: its dateline, else the place it names most, weighted
    (extractor/location.py); reads `Doc._.title`.

    >>> extract_location(nlp("OMAHA, Neb. - The library reopened on Monday."))
    'Omaha, Neb.'
    """
    return location.article_location(doc, doc_text(doc), doc._.title)


@with_rules_of_doc
def extract_figures(doc: Doc) -> list[Figure]:
    """Year–count figures, one per (year, metric): "263 homicides in 2020"."""
    return compute_facts(doc).figures


@with_rules_of_doc
def extract_changes(doc: Doc) -> list[Change]:
    """Percent and direction changes: "down 12% from last year"."""
    return compute_facts(doc).changes


@with_rules_of_doc
def extract_claims(doc: Doc) -> list[Claim]:
    """Superlatives and other claims about figures: "the fewest since 2008"."""
    return compute_facts(doc).claims


@with_rules_of_doc
def extract_people(doc: Doc) -> list[Person]:
    """Every person named, their mentions resolved ("Ann Cole" ... "Cole") (extractor/people.py)."""
    return people.find_people(doc)


@with_rules_of_doc
def extract_officials(doc: Doc) -> list[Official]:
    """The people with a public role, with title and organization: "Police Chief Lee Park".

    >>> [(o.name, o.title) for o in extract_officials(nlp("Police Chief Lee Park spoke."))]
    [('Lee Park', 'police chief')]
    """
    found: list[Person] = doc._.people
    return officials.officials_of(found, doc, doc._.location)


@with_rules_of_doc
def extract_quotes(doc: Doc) -> list[Quote]:
    """Quotations with their speakers (extractor/quotes.py), read off `Doc._.people`."""
    return quotes.extract_quotes(doc, doc._.people)


@with_rules_of_doc
def extract_time_mentions(doc: Doc) -> list[TimeMention]:
    """Time expressions by token span, resolved against `Doc._.published` (extractor/timex.py)."""
    return timex.find_time_mentions(doc)


@with_rules_of_doc
def extract_dates(doc: Doc) -> list[DateMention]:
    """Dates as written and resolved: "last Tuesday" -> "2024-07-30" when published 2024-07-31."""
    return timex.date_mentions(doc, doc._.time_mentions)


@with_rules_of_doc
def extract_events(doc: Doc) -> list[Event]:
    """Dated occurrences and named events (extractor/events.py); the clauses of figures, changes
    and claims are statistics, and quoted speech is no event."""
    statements = [*doc._.figure_mentions, *doc._.changes, *doc._.claims]
    quote_spans = [(q.start, q.end) for q in doc._.quotes]
    return events.events_in(doc, doc._.time_mentions, statements, doc._.people, quote_spans)


# --- Doc attributes and components ------------------------------------------------------------
# The record's facts (quotes, officials, dates, events; figures, changes and claims in
# extractor/facts.py) are kept on the Doc as plain data (extractor/docfacts.py): they travel with
# it. The people and the time mentions, which hold Spans, are working data in the Doc's memo: found
# again on reading where the memo is gone (a Doc read back from bytes).


def _inputs(doc: Doc) -> tuple[Any, Any]:
    return doc._.published, doc._.location


def _working_attribute(name: str, extract: Callable[[Doc], Any]) -> None:
    """Doc._.<name>: working data for the facts, kept in the Doc's memo for its current date and
    place, computed again by `extract` when read after either changed."""

    def get(doc: Doc) -> Any:
        inputs = _inputs(doc)
        cached = memo(doc).get(name)
        if cached is None or cached[0] != inputs:
            cached = memo(doc)[name] = (inputs, found(doc, extract))
        return cached[1]

    def set_(doc: Doc, value: Any) -> None:
        memo(doc)[name] = (_inputs(doc), value)

    if not Doc.has_extension(name):
        Doc.set_extension(name, getter=get, setter=set_)


WORKING_ATTRIBUTES: dict[str, Callable[[Doc], Any]] = {
    "people": extract_people,
    "time_mentions": extract_time_mentions,
}
FACT_ATTRIBUTES: dict[str, Callable[[Doc], Any]] = {
    "quotes": extract_quotes,
    "officials": extract_officials,
    "dates": extract_dates,
    "events": extract_events,
}
for _name, _extract in WORKING_ATTRIBUTES.items():
    _working_attribute(_name, _extract)
for _name, _extract in FACT_ATTRIBUTES.items():
    fact_attribute(_name, _extract)


class FactComponent(Carrier):
    """Sets one Doc attribute to its public function's value: `doc._.quotes = extract_quotes(doc)`.
    `last`: the pipeline's last fact component, which drops the Doc's working data (`forget`) so
    that the Doc leaves the pipeline with plain data only. Carries the rule files `rule_names`
    (extractor/rules/__init__.py, `Carrier`): read in `initialize`, saved by `to_disk`, read back
    by `from_disk`; the extraction reads them (with those the pipeline's other components carry)."""

    def __init__(
        self,
        nlp: Language,
        name: str,
        attribute: str,
        extract: Callable[[Doc], Any],
        last: bool = False,
        rule_names: tuple[str, ...] = (),
    ) -> None:
        self.name = name
        self.vocab = nlp.vocab
        self.attribute = attribute
        self.extract = extract
        self.last = last
        self.RULE_FILES = rule_names
        self.rule_files = None  # read in initialize or from_disk, not when made

    def __call__(self, doc: Doc) -> Doc:
        self.rules_for(doc.vocab)
        setattr(doc._, self.attribute, found(doc, self.extract))
        return forget(doc) if self.last else doc


class OfficialsComponent(FactComponent):
    """Doc._.officials, with its own organization hints (rules/titles.json#organization_hints):
    read in `initialize`, saved by `to_disk`, read back by `from_disk`."""

    FILE = "organization_hints.json"

    def __init__(self, nlp: Language, name: str) -> None:
        super().__init__(nlp, name, "officials", self._officials)
        self.hints: dict[str, list[str]] | None = None

    def initialize(
        self, get_examples: Callable[[], Iterable[Any]] | None = None, *, nlp: Language | None = None
    ) -> None:
        self.hints = officials.organization_hints()
        self.rule_files = {}

    def _officials(self, doc: Doc) -> list[Official]:
        if self.hints is None:
            self.initialize()
        return officials.officials_of(doc._.people, doc, doc._.location, self.hints)

    def _hints(self) -> dict[str, list[str]]:
        if self.hints is None:
            self.initialize()
        assert self.hints is not None
        return self.hints

    def to_bytes(self, *, exclude: Iterable[str] = ()) -> bytes:
        return srsly.msgpack_dumps({self.FILE: self._hints()})

    def from_bytes(self, data: bytes, *, exclude: Iterable[str] = ()) -> OfficialsComponent:
        self.hints = srsly.msgpack_loads(data)[self.FILE]
        self.rule_files = {}
        return self

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        folder = Path(path)
        folder.mkdir(parents=True, exist_ok=True)
        srsly.write_json(folder / self.FILE, self._hints())

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> OfficialsComponent:
        self.hints = srsly.read_json(Path(path) / self.FILE)
        self.rule_files = {}
        return self


# `requires` names what earlier components assign; the article's inputs, Doc._.published and
# Doc._.title, are set on the Doc before the pipeline runs (article_doc)
@Language.factory("extractor_location", assigns=["doc._.location"], requires=["doc.ents"])
def make_location(nlp: Language, name: str) -> FactComponent:
    """Doc._.location, from the text and Doc._.title."""
    return FactComponent(nlp, name, "location", extract_location, rule_names=("places.json", "body.json"))


@Language.factory(
    "extractor_people", assigns=["doc._.people"], requires=["doc.ents", "token.tag", "token.dep", "doc._.location"]
)
def make_people(nlp: Language, name: str) -> FactComponent:
    """Doc._.people: the persons named, mentions resolved."""
    return FactComponent(nlp, name, "people", extract_people, rule_names=("titles.json", "gender.json"))


@Language.factory("extractor_dates", assigns=["doc._.dates", "doc._.time_mentions"], requires=["doc.ents"])
def make_dates(nlp: Language, name: str) -> FactComponent:
    """Doc._.time_mentions (token spans) and Doc._.dates (records), for Doc._.published."""
    return FactComponent(nlp, name, "dates", extract_dates, rule_names=("dates.json",))


@Language.factory("extractor_quotes", assigns=["doc._.quotes"], requires=["doc._.people", "token.dep"])
def make_quotes(nlp: Language, name: str) -> FactComponent:
    """Doc._.quotes: quotations and their speakers."""
    return FactComponent(nlp, name, "quotes", extract_quotes, rule_names=("quotes.json",))


@Language.factory(
    "extractor_officials", assigns=["doc._.officials"], requires=["doc._.people", "doc._.location", "doc.ents"]
)
def make_officials(nlp: Language, name: str) -> OfficialsComponent:
    """Doc._.officials: people with a public role."""
    return OfficialsComponent(nlp, name)


@Language.factory(
    "extractor_events",
    assigns=["doc._.events"],
    requires=[
        "doc._.time_mentions",
        "doc._.figure_mentions",
        "doc._.changes",
        "doc._.claims",
        "doc._.people",
        "doc._.quotes",
        "doc._.location",
    ],
    default_config={"last": True},
)
def make_events(nlp: Language, name: str, last: bool) -> FactComponent:
    """Doc._.events: dated occurrences and named events. `last` (the default): it is the last fact
    component, and drops the Doc's working data when done (`FactComponent`)."""
    return FactComponent(nlp, name, "events", extract_events, last=last, rule_names=("events.json",))


