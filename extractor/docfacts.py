"""How the facts live on a Doc: the boundary between the components that find them and the records.

A fact attribute (`Doc._.figures`, `Doc._.quotes`...) is kept in `Doc.user_data` as plain data (the
facts' JSON dicts, with the publication date and place they were found for), so that a Doc
annotated by the pipeline travels whole: `Doc.to_bytes`/`from_bytes`, `DocBin(store_user_data=True)`,
pickle and `nlp.pipe(n_process=...)` give the same records. Reading the attribute rebuilds the
models from that data (once per Doc, in its memo); reading it after the date or the place changed
finds the facts again.

Each fact is validated here, one by one, when stored: a fact that fails (a change `since` a year
read from a price: "2395") is dropped with its reason (`dropped`), and every other fact of the
article is kept. The components find facts inside `keeping_invalid_facts()`, so one bad fact never
raises out of the extraction."""

from __future__ import annotations

import weakref
from collections.abc import Callable, Sequence
from typing import Any

from pydantic import BaseModel, ValidationError
from spacy.tokens import Doc

from .components import doc_text
from .models import Change, Claim, DateMention, Event, Fact, Figure, Official, Quote, keeping_invalid_facts
from .rules import scope as rules_scope

FACT_MODELS: dict[str, type[Fact]] = {
    "figures": Figure,
    "changes": Change,
    "claims": Claim,
    "officials": Official,
    "quotes": Quote,
    "events": Event,
    "dates": DateMention,
}
DROPPED = "extractor_dropped"  # user_data: {kind: [{"evidence", "start", "end", "reason"}]}

# the models rebuilt from each Doc's stored facts, by kind: (the stored value, its models). Kept
# apart from the Doc's memo, so that reading a fact after the pipeline leaves the Doc with no user
# hook (which `Doc.to_bytes` warns of); weakly keyed, and the models refer to no Doc: no Doc is
# held alive by it
_MODELS: weakref.WeakKeyDictionary[Doc, dict[str, tuple[Any, list[Any]]]] = weakref.WeakKeyDictionary()


def slot(kind: str) -> str:
    """The `Doc.user_data` key of a fact kind's plain data."""
    return f"extractor_{kind}"


def inputs(doc: Doc) -> list[str | None]:
    """What the facts depend on besides the text, as plain data: publication date, place."""
    published = doc._.published
    return [published.isoformat() if published else None, doc._.location]


def found(doc: Doc, find: Callable[[Doc], Any]) -> Any:
    """`find(doc)`, with a fact that fails validation made anyway (for `store` to drop), under the
    rules of the Doc's pipeline (extractor/rules/__init__.py)."""
    with keeping_invalid_facts(), rules_scope(doc.vocab):
        return find(doc)


def checked(kind: str, data: dict[str, Any], text: str) -> tuple[Fact | None, str | None]:
    """One fact (as plain data) validated for a record of `text`: (its model, None), or (None, why
    not): its model's validation, or a span that does not index the text."""
    try:
        fact = FACT_MODELS[kind].model_validate(data)
    except ValidationError as e:
        first = e.errors()[0]
        where = ".".join(str(part) for part in first["loc"])
        message = str(first["msg"]).removeprefix("Value error, ")
        return None, f"{where}: {message}" if where else message
    if kind == "officials":
        if any(not 0 <= s < e <= len(text) for s, e in data["mentions"]):
            return None, "a mention outside the text"
    elif text[data["start"] : data["end"]] != data["text" if kind == "dates" else "evidence"]:
        return None, f"its words are not text[{data['start']}:{data['end']}]"
    return fact, None


def _evidence(kind: str, data: dict[str, Any]) -> dict[str, Any]:
    if kind == "officials":
        return {"evidence": str(data.get("name")), "start": None, "end": None}
    words = data.get("text" if kind == "dates" else "evidence")
    return {"evidence": str(words), "start": data.get("start"), "end": data.get("end")}


def store(doc: Doc, kind: str, facts: Sequence[BaseModel]) -> list[Any]:
    """Keeps a kind's facts on the Doc as plain data, each validated: those that fail are dropped
    (`dropped`). Returns the facts kept, as models."""
    text = doc_text(doc)
    plain: list[dict[str, Any]] = []
    models: list[Fact] = []
    dropped: list[dict[str, Any]] = []
    for fact in facts:
        try:
            data = fact.model_dump(mode="json", warnings=False)
        except ValueError as e:  # a value no JSON holds (pydantic's serialisation error is a ValueError)
            evidence, why = str(getattr(fact, "evidence", "")), (str(e).splitlines() or ["not JSON"])[0]
            dropped.append({"evidence": evidence, "start": None, "end": None, "reason": why})
            continue
        valid, reason = checked(kind, data, text)
        if valid is not None:
            plain.append(data)
            models.append(valid)  # as rebuilt from the plain data: the same on a Doc read back
        else:
            dropped.append({**_evidence(kind, data), "reason": reason})
    stored = {"inputs": inputs(doc), "facts": plain}
    doc.user_data[slot(kind)] = stored
    if dropped or kind in doc.user_data.get(DROPPED, {}):
        doc.user_data[DROPPED] = {**doc.user_data.get(DROPPED, {}), kind: dropped}
    _MODELS.setdefault(doc, {})[kind] = (stored, models)
    return models


def _models(doc: Doc, kind: str, stored: dict[str, Any]) -> list[Any]:
    """The models of a kind's stored facts, rebuilt once per stored value."""
    cached = _MODELS.setdefault(doc, {})
    if kind in cached and cached[kind][0] is stored:
        return cached[kind][1]
    model = FACT_MODELS[kind]
    models = [model.model_validate(data) for data in stored["facts"]]
    cached[kind] = (stored, models)
    return models


def read(doc: Doc, kind: str, find: Callable[[Doc], Sequence[BaseModel]]) -> list[Any]:
    """A kind's facts: those stored for the Doc's current date and place, else found now and stored."""
    stored = doc.user_data.get(slot(kind))
    if stored is None or list(stored["inputs"]) != inputs(doc):
        return store(doc, kind, found(doc, find))
    return _models(doc, kind, stored)


def dropped(doc: Doc) -> list[dict[str, Any]]:
    """The facts dropped for failing validation: kind, evidence, start, end (None for an
    official), reason."""
    return [{"kind": kind, **item} for kind, items in doc.user_data.get(DROPPED, {}).items() for item in items]


def fact_attribute(kind: str, find: Callable[[Doc], Sequence[BaseModel]]) -> None:
    """Registers `Doc._.<kind>`: read, the facts as models (`read`); set, stored as plain data."""

    def get(doc: Doc) -> list[Any]:
        return read(doc, kind, find)

    def set_(doc: Doc, value: Sequence[BaseModel]) -> None:
        store(doc, kind, value)

    if not Doc.has_extension(kind):
        Doc.set_extension(kind, getter=get, setter=set_)
