"""A self-contained HTML page to review extracted facts in their articles.

One file, no network, no external assets: the records (and check rows) are embedded as JSON and
rendered by a small script. Article text is only ever inserted as text (textContent), so an
article holding `<script>` shows it and runs nothing; articles are rendered on demand, so a
report of thousands stays responsive."""

from __future__ import annotations

import json
from collections.abc import Iterable
from importlib import resources
from pathlib import Path
from typing import Any

from .models import ArticleRecord
from .timeline import ordered_events

KINDS = ("figures", "changes", "claims", "officials", "quotes", "events", "dates")


def _article_data(record: ArticleRecord) -> dict[str, Any]:
    data = record.model_dump(mode="json")
    keep = ("id", "title", "published", "location", "source", "text", *KINDS)
    shown = {k: data[k] for k in keep}
    # the article's events in date order (undated last), as indices into `events`: the timeline section
    order = ordered_events(record.events)
    shown["timeline"] = [next(i for i, e in enumerate(record.events) if e is event) for event in order]
    return shown


def _script_json(value: Any) -> str:
    """JSON that can sit inside a <script> element: no "</" or "<!--" can end or confuse it."""
    return (
        json.dumps(value, ensure_ascii=False)
        .replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("&", "\\u0026")
        .replace("\u2028", "\\u2028")
        .replace("\u2029", "\\u2029")
    )


def render(
    records: Iterable[ArticleRecord], check_rows: list[dict[str, Any]] | None = None, title: str = "extractor report"
) -> str:
    payload = {"articles": [_article_data(r) for r in records], "checks": check_rows or []}
    return TEMPLATE.replace("__TITLE__", _escape(title)).replace("__DATA__", _script_json(payload))


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


def write_report(records: Iterable[ArticleRecord], output: Path, check_rows: list[dict[str, Any]] | None = None) -> int:
    """Write the report atomically; returns how many articles it holds."""
    materialized = list(records)
    output.parent.mkdir(parents=True, exist_ok=True)
    part = output.with_name(output.name + ".part")
    part.write_text(render(materialized, check_rows), encoding="utf-8")
    part.replace(output)
    return len(materialized)


TEMPLATE = resources.files(__package__).joinpath("report.html").read_text(encoding="utf-8")
