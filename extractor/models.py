"""Pydantic models for everything extractor reads and writes: the single source of truth for the
record contract (../shared/CONTRACT.md). `extractor schema` renders them into schemas/."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    PrivateAttr,
    ValidationError,
    field_validator,
    model_validator,
)

DATE_VALUE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
YEAR_MIN, YEAR_MAX = 1800, 2100

Year = Annotated[int, Field(ge=YEAR_MIN, le=YEAR_MAX)]
Offset = Annotated[int, Field(ge=0)]


class Qualifier(StrEnum):
    exact = "exact"
    approx = "approx"
    at_least = "at_least"
    at_most = "at_most"


class Direction(StrEnum):
    increase = "increase"
    decrease = "decrease"


class ClaimKind(StrEnum):
    superlative = "superlative"


class Basis(StrEnum):
    """Where a figure's year and metric were read: beside the count ("phrase": "160 homicides in
    2023"), elsewhere in its sentence, or inferred from farther context (the paragraph's year, a
    list header, the headline). `extractor check` never calls an inferred figure a mismatch."""

    phrase = "phrase"
    sentence = "sentence"
    table = "table"
    paragraph = "paragraph"
    list_header = "list header"
    headline = "headline"


INFERRED_BASES = frozenset({Basis.paragraph, Basis.list_header, Basis.headline})


class SpeakerType(StrEnum):
    """What a quote's `speaker` is: a person (by the person's fullest name), an organization
    ("Reuters", "the county health department"), or another source: a group ("protesters"), a
    document ("the report"), a description of a person the article never names ("a neighbor")."""

    person = "person"
    organization = "organization"
    other = "other"


class ErrorKind(StrEnum):
    """Why an input could not become a record; counted by kind in the run summary."""

    unreadable = "unreadable"  # the path cannot be opened or read
    empty = "empty"  # nothing but whitespace
    binary = "binary"  # not text at all (image, archive, executable)
    decode = "decode"  # bytes that no supported encoding reads
    json = "json"  # a JSON document or line that does not parse
    invalid = "invalid"  # parses, but not an article (no `text`, wrong types)
    unsupported = "unsupported"  # a file type extractor does not read
    no_content = "no_content"  # HTML with no article body
    too_large = "too_large"  # over --max-chars
    timeout = "timeout"  # over --timeout
    internal = "internal"  # a bug in extractor: the article is kept as an error, the run goes on
    fact_dropped = "fact_dropped"  # one fact failed validation: dropped, its article's record kept (a warning)
    outside_input = "outside_input"  # a symlink leading out of the input folder (not followed)
    language = "language"  # an article not in English: an error entry, not facts
    no_text_layer = "no_text_layer"  # a PDF of page images (a scan): no text to read, and no OCR here


def check_date_value(value: str | None) -> str | None:
    if value is not None:
        if not DATE_VALUE.match(value):
            raise ValueError(f"{value!r} is not YYYY, YYYY-MM or YYYY-MM-DD")
        year = int(value[:4])
        if not YEAR_MIN <= year <= YEAR_MAX:
            raise ValueError(f"year {year} outside {YEAR_MIN}-{YEAR_MAX}")
        if len(value) == 10:
            dt.date.fromisoformat(value)  # rejects 2023-02-30
    return value


DateValue = Annotated[str, AfterValidator(check_date_value)]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", use_enum_values=False)


# set while the pipeline's components find facts (docfacts.found): a fact that fails validation is
# then made anyway, unvalidated, and dropped at the Doc boundary with its reason, so one bad fact
# never raises out of the extraction and costs its article the record
_KEEP_INVALID: ContextVar[bool] = ContextVar("extractor_keep_invalid_facts", default=False)


@contextmanager
def keeping_invalid_facts() -> Iterator[None]:
    """Facts made inside this block never raise ValidationError: one that fails is kept as found
    (`Fact`), for the caller to validate and drop."""
    token = _KEEP_INVALID.set(True)
    try:
        yield
    finally:
        _KEEP_INVALID.reset(token)


class Fact(Strict):
    """A fact of a record (figure, change, claim, official, quote, event, date). Validated when
    made, except inside `keeping_invalid_facts()`, where one that fails is made unvalidated."""

    def __init__(self, /, **data: Any) -> None:
        try:
            super().__init__(**data)
        except ValidationError:
            if not _KEEP_INVALID.get():
                raise
            made = self.model_construct(**data)
            for slot in ("__dict__", "__pydantic_fields_set__", "__pydantic_extra__", "__pydantic_private__"):
                object.__setattr__(self, slot, getattr(made, slot))


class Spanned(Fact):
    """A fact tied to the characters it came from: `evidence == text[start:end]`."""

    start: Offset
    end: Offset
    evidence: str

    @model_validator(mode="after")
    def _ordered(self) -> Spanned:
        if self.end <= self.start:
            raise ValueError(f"empty or reversed span {self.start}-{self.end}")
        if len(self.evidence) != self.end - self.start:
            raise ValueError("evidence length differs from its span")
        return self


class Article(Strict):
    """One input article, after ingestion and before any analysis."""

    id: str = Field(min_length=1)
    source: str = Field(description="where the article came from: the input's `source`, else its path")
    path: str = Field(description="the file it was read from, with `:LINE` for JSON Lines")
    text: str
    title: str | None = None
    published: dt.date | None = None
    url: str | None = None
    meta: dict[str, Any] = Field(default_factory=dict)
    warnings: list[str] = Field(default_factory=list)


class Figure(Spanned):
    year: Year
    count: Annotated[int | float, Field(ge=0)]
    metric: str = Field(min_length=1)
    qualifier: Qualifier = Qualifier.exact
    location: str | None = None
    period: str | None = Field(
        default=None,
        description='the part of the year a count covers ("year to date", "first six months", "through '
        'June"); null for a whole calendar or fiscal year',
    )
    basis: Basis = Field(default=Basis.phrase, description="where the year and metric were read")

    @field_validator("count")
    @classmethod
    def _whole_numbers_as_int(cls, v: int | float) -> int | float:
        return int(v) if isinstance(v, float) and v.is_integer() else v


class Change(Spanned):
    metric: str | None
    direction: Direction
    percent: Annotated[float, Field(ge=0)] | None = None
    qualifier: Qualifier = Qualifier.exact
    since: DateValue | None = None
    location: str | None = None


class Claim(Spanned):
    kind: ClaimKind
    metric: str | None = None
    year: Year | None = None
    count: Annotated[int | float, Field(ge=0)] | None = None
    since_year: Year | None = None
    text: str = Field(description="the claim as written")
    location: str | None = None


class Official(Fact):
    name: str = Field(min_length=1)
    title: str | None
    organization: str | None = None
    aliases: list[str] = Field(default_factory=list)
    mentions: list[tuple[Offset, Offset]] = Field(default_factory=list)


class Quote(Spanned):
    text: str = Field(description="the quoted words without the marks; paragraphs joined by a space")
    speaker: str | None = Field(
        description="who said it: the canonical name of the person quoted (also for 'he' or 'the mayor' "
        "meaning that person); else the organization, group or document as the article names it "
        "('Reuters', 'police', 'the report'); null only where the text gives no source"
    )
    speaker_type: SpeakerType | None = Field(
        default=None, description="what `speaker` is: person, organization or other; null with no speaker"
    )
    speaker_phrase: str | None = Field(default=None, description="the source as written: 'he', 'police', 'the report'")
    speaker_organization: str | None = Field(
        default=None, description="the organization quoted when no person is: 'the county health department'"
    )
    cue: str | None = None

    @model_validator(mode="after")
    def _typed_speaker(self) -> Quote:
        if self.speaker is None and self.speaker_type is not None:
            raise ValueError("speaker_type without a speaker")
        return self


class Event(Spanned):
    description: str = Field(min_length=1)
    date: DateValue | None
    date_text: str | None = None
    participants: list[str] = Field(default_factory=list)
    location: str | None = None
    # a one-off's count ("on Saturday, 148 firearms were turned in"): GUIDE.md keeps the counts of one
    # case, sweep or day out of figures, so the event that holds them keeps the number
    count: Annotated[int | float, Field(ge=0)] | None = Field(
        default=None, description="the number the occurrence counts, where it has one"
    )


class DateMention(Fact):
    text: str = Field(min_length=1)
    start: Offset
    end: Offset
    value: DateValue | None


class ArticleRecord(Strict):
    """One output line: an article with every fact extracted from it."""

    id: str = Field(min_length=1)
    source: str
    path: str
    title: str | None
    published: dt.date | None
    location: str | None
    url: str | None = None
    content_hash: str = Field(default="", description="sha1 of `text`: with `id`, what --resume recognizes")
    text: str
    figures: list[Figure] = Field(default_factory=list)
    changes: list[Change] = Field(default_factory=list)
    claims: list[Claim] = Field(default_factory=list)
    officials: list[Official] = Field(default_factory=list)
    quotes: list[Quote] = Field(default_factory=list)
    events: list[Event] = Field(default_factory=list)
    dates: list[DateMention] = Field(default_factory=list)
    meta: dict[str, Any] = Field(default_factory=dict)
    warnings: list[str] = Field(default_factory=list)
    # the facts dropped for failing validation, as `fact_dropped` error entries: written to the
    # errors file beside the record (run.py), never part of the record itself
    _dropped: list[ExtractionError] = PrivateAttr(default_factory=list)

    @property
    def dropped_facts(self) -> list[ExtractionError]:
        return self._dropped

    @model_validator(mode="after")
    def _spans_index_text(self) -> ArticleRecord:
        n = len(self.text)
        spanned: list[tuple[str, Spanned]] = [
            (kind, item)
            for kind in ("figures", "changes", "claims", "quotes", "events")
            for item in getattr(self, kind)
        ]
        for kind, item in spanned:
            if item.end > n:
                raise ValueError(f"{kind}: span {item.start}-{item.end} beyond the text ({n} chars)")
            if self.text[item.start : item.end] != item.evidence:
                raise ValueError(f"{kind}: evidence {item.evidence!r} is not text[{item.start}:{item.end}]")
        for d in self.dates:
            if d.end > n or self.text[d.start : d.end] != d.text:
                raise ValueError(f"dates: {d.text!r} is not text[{d.start}:{d.end}]")
        for o in self.officials:
            for s, e in o.mentions:
                if not 0 <= s < e <= n:
                    raise ValueError(f"officials: mention {s}-{e} of {o.name!r} outside the text")
        return self

    def fact_counts(self) -> dict[str, int]:
        return {k: len(getattr(self, k)) for k in FACT_KINDS}


FACT_KINDS = ("figures", "changes", "claims", "officials", "quotes", "events", "dates")


class ExtractionError(Strict):
    """An input that did not become a record: one line of OUT.errors.jsonl."""

    source: str
    id: str | None = None
    error: ErrorKind
    message: str


SCHEMA_MODELS: dict[str, type[BaseModel]] = {
    "article": Article,
    "article_record": ArticleRecord,
    "extraction_error": ExtractionError,
}


def schema_texts() -> dict[str, str]:
    """The JSON Schema of each top-level model, by file name, as `extractor schema` writes them."""
    import json

    return {
        f"{name}.schema.json": json.dumps(model.model_json_schema(mode="serialization"), indent=2, sort_keys=True)
        + "\n"
        for name, model in SCHEMA_MODELS.items()
    }


def stale_schemas(output_dir: Path, write: bool = True) -> list[str]:
    """The schema files in `output_dir` that differ from the models (missing ones included),
    rewritten unless `write` is False.

    Example:

        >>> stale_schemas(Path("schemas"), write=False)  # doctest: +SKIP
        []
    """
    stale = []
    for name, text in schema_texts().items():
        target = output_dir / name
        current = target.read_text(encoding="utf-8") if target.exists() else None
        if current != text:
            stale.append(name)
            if write:
                output_dir.mkdir(parents=True, exist_ok=True)
                target.write_text(text, encoding="utf-8")
    return stale
