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

from collections.abc import Callable
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from . import events, location, officials, people, quotes, timex
from .components import doc_text
from .facts import compute_facts
from .models import Article, Change, Claim, DateMention, Event, Figure, Official, Quote
from .people import Person
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


def extract_location(doc: Doc) -> str | None:
    """The place the article is about: its dateline, else the place it names most, weighted
    (extractor/location.py); reads `Doc._.title`.

    >>> extract_location(nlp("OMAHA, Neb. - The library reopened on Monday."))
    'Omaha, Neb.'
    """
    return location.article_location(doc, doc_text(doc), doc._.title)


def extract_figures(doc: Doc) -> list[Figure]:
    """Year–count figures, one per (year, metric): "263 homicides in 2020"."""
    return compute_facts(doc).figures


def extract_changes(doc: Doc) -> list[Change]:
    """Percent and direction changes: "down 12% from last year"."""
    return compute_facts(doc).changes


def extract_claims(doc: Doc) -> list[Claim]:
    """Superlatives and other claims about figures: "the fewest since 2008"."""
    return compute_facts(doc).claims


def extract_people(doc: Doc) -> list[Person]:
    """Every person named, their mentions resolved ("Ann Cole" ... "Cole") (extractor/people.py)."""
    return people.find_people(doc)


def extract_officials(doc: Doc) -> list[Official]:
    """The people with a public role, with title and organization: "Police Chief Lee Park".

    >>> [(o.name, o.title) for o in extract_officials(nlp("Police Chief Lee Park spoke."))]
    [('Lee Park', 'police chief')]
    """
    found: list[Person] = doc._.people
    return officials.officials_of(found, doc, doc._.location)


def extract_quotes(doc: Doc) -> list[Quote]:
    """Quotations with their speakers (extractor/quotes.py), read off `Doc._.people`."""
    return quotes.extract_quotes(doc, doc._.people)


def extract_time_mentions(doc: Doc) -> list[TimeMention]:
    """Time expressions by token span, resolved against `Doc._.published` (extractor/timex.py)."""
    return timex.find_time_mentions(doc)


def extract_dates(doc: Doc) -> list[DateMention]:
    """Dates as written and resolved: "last Tuesday" -> "2024-07-30" when published 2024-07-31."""
    return timex.date_mentions(doc, doc._.time_mentions)


def extract_events(doc: Doc) -> list[Event]:
    """Dated occurrences and named events (extractor/events.py); the clauses of figures, changes
    and claims are statistics, and quoted speech is no event."""
    statements = [*doc._.figure_mentions, *doc._.changes, *doc._.claims]
    quote_spans = [(q.start, q.end) for q in doc._.quotes]
    return events.events_in(doc, doc._.time_mentions, statements, doc._.people, quote_spans)


# --- Doc attributes and components ------------------------------------------------------------


def _inputs(doc: Doc) -> tuple[Any, Any]:
    return doc._.published, doc._.location


def _fact_attribute(name: str, extract: Callable[[Doc], Any]) -> None:
    """Doc._.<name>: the value its component set for the Doc's current date and place, computed
    again by `extract` when read after either changed. Kept in `Doc.user_data`."""
    slot = f"extractor_{name}"

    def get(doc: Doc) -> Any:
        inputs = _inputs(doc)
        cached = doc.user_data.get(slot)
        if cached is None or cached[0] != inputs:
            cached = doc.user_data[slot] = (inputs, extract(doc))
        return cached[1]

    def set_(doc: Doc, value: Any) -> None:
        doc.user_data[slot] = (_inputs(doc), value)

    if not Doc.has_extension(name):
        Doc.set_extension(name, getter=get, setter=set_)


FACT_ATTRIBUTES: dict[str, Callable[[Doc], Any]] = {
    "people": extract_people,
    "time_mentions": extract_time_mentions,
    "quotes": extract_quotes,
    "officials": extract_officials,
    "dates": extract_dates,
    "events": extract_events,
}
for _name, _extract in FACT_ATTRIBUTES.items():
    _fact_attribute(_name, _extract)


class FactComponent:
    """Sets one Doc attribute to its public function's value: `doc._.quotes = extract_quotes(doc)`."""

    def __init__(self, name: str, attribute: str, extract: Callable[[Doc], Any]) -> None:
        self.name = name
        self.attribute = attribute
        self.extract = extract

    def __call__(self, doc: Doc) -> Doc:
        setattr(doc._, self.attribute, self.extract(doc))
        return doc


@Language.factory("extractor_location")
def make_location(nlp: Language, name: str) -> FactComponent:
    """Doc._.location, from the text and Doc._.title."""
    return FactComponent(name, "location", extract_location)


@Language.factory("extractor_people")
def make_people(nlp: Language, name: str) -> FactComponent:
    """Doc._.people: the persons named, mentions resolved."""
    return FactComponent(name, "people", extract_people)


@Language.factory("extractor_dates")
def make_dates(nlp: Language, name: str) -> FactComponent:
    """Doc._.time_mentions (token spans) and Doc._.dates (records), for Doc._.published."""
    return FactComponent(name, "dates", extract_dates)


@Language.factory("extractor_quotes")
def make_quotes(nlp: Language, name: str) -> FactComponent:
    """Doc._.quotes: quotations and their speakers."""
    return FactComponent(name, "quotes", extract_quotes)


@Language.factory("extractor_officials")
def make_officials(nlp: Language, name: str) -> FactComponent:
    """Doc._.officials: people with a public role."""
    officials.organization_hints()  # read the rules now, not on the first article
    return FactComponent(name, "officials", extract_officials)


@Language.factory("extractor_events")
def make_events(nlp: Language, name: str) -> FactComponent:
    """Doc._.events: dated occurrences and named events."""
    events.event_rules()  # read the rules now, not on the first article
    return FactComponent(name, "events", extract_events)


# in pipeline order: each reads the attributes of those before it
FACT_COMPONENTS = (
    "extractor_location",
    "extractor_facts",
    "extractor_people",
    "extractor_dates",
    "extractor_quotes",
    "extractor_officials",
    "extractor_events",
)
