"""Officials from a Doc's people: one record per person with a public role."""

from __future__ import annotations

from spacy.tokens import Doc

from .models import Official
from .people import PRIVATE_BODY_WORDS, Person
from .rules import load, rules_cache


@rules_cache
def organization_hints() -> dict[str, list[str]]:
    """The organization a role serves in, by a word of its name ("police": officer, chief...),
    from rules/titles.json; read once (when the extractor_officials component is made)."""
    hints: dict[str, list[str]] = load("titles.json")["organization_hints"]
    return hints


SERVICE_WORDS = {"police", "fire", "sheriff", "school", "probation", "parole", "corrections", "health", "court", "city"}


def _organization_in_article(
    doc: Doc, title: str, location: str | None, hints: dict[str, list[str]] | None = None
) -> str | None:
    """An organization the article itself names for a role: the police department an officer
    serves in ("Riverton Metropolitan Police Department"), the city a mayor leads."""
    words = title.split()
    hints = organization_hints() if hints is None else hints
    for hint, roles in hints.items():
        if not any(w in roles for w in words):
            continue
        if any(w in SERVICE_WORDS and w != hint for w in words[:-1] + words[-1:] if w not in roles):
            continue  # "chief of probation", "fire chief": the title names another service
        if hint == "city":
            city = (location or "").split(",")[0].strip()
            # a county or a parish the article is about is no city a mayor leads
            return f"City of {city}" if city and city.split()[-1].lower() not in ("county", "parish") else None
        named = [
            e.text.strip().removeprefix("the ").removeprefix("The ")
            for e in doc.ents
            if e.label_ == "ORG" and hint in e.text.lower() and not _private_body_name(e.text)
        ]
        if named:
            return max(named, key=len)
    return None


def _private_body_name(name: str) -> bool:
    """ "Riverton Police Officers' Association", "Harbor Police Union": a body of a service's
    staff, not the service an officer serves in."""
    return any(w.strip(".,'\u2019").removesuffix("'s") in PRIVATE_BODY_WORDS for w in name.lower().split())


def officials_of(
    people: list[Person], doc: Doc, location: str | None, hints: dict[str, list[str]] | None = None
) -> list[Official]:
    """The people of a Doc with a public role, as records; the pipeline calls it through
    `extractors.extract_officials(doc)`, which reads the people and the place off the Doc.
    `hints`: the organization hints to use (the extractor_officials component's own), else the
    package's (`organization_hints`)."""
    return [
        Official(
            name=p.name,
            title=p.title,
            organization=p.organization
            or (_organization_in_article(doc, p.title, location, hints) if p.title else None),
            aliases=p.aliases,
            mentions=[(m.start, m.end) for m in p.mentions],
        )
        for p in people
        if p.is_official
    ]
