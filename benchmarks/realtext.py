"""The real text the benchmarks run on: the press-dev releases and GVDB news stories of
../shared/data (read from there, never copied into the repo)."""

from __future__ import annotations

import sys
from pathlib import Path

from extractor.ingest import iter_articles
from extractor.models import Article

DATA = Path(__file__).resolve().parents[2] / "shared" / "data"
REAL_TEXT = [DATA / "press-dev" / "articles", DATA / "gvdb-dev" / "articles.jsonl"]


def base_articles(sources: list[Path] | None = None) -> list[Article]:
    """Every article once, in a fixed order: of `sources` (anything `extractor extract` reads:
    folders, files, archives), by default the real text here, press-dev first, then GVDB."""
    where = "" if sources else " (../shared beside the repo?)"
    sources = sources or REAL_TEXT
    missing = [str(p) for p in sources if not p.exists()]
    if missing:
        sys.exit(f"the benchmarks measure real text: {', '.join(missing)} missing{where}")
    articles = [a for a in iter_articles(sources) if isinstance(a, Article)]
    if not articles:
        sys.exit(f"no article to measure in {', '.join(map(str, sources))}")
    return articles


def real_articles(n: int, sources: list[Path] | None = None) -> list[Article]:
    """The real articles (of `sources`, by default press-dev and GVDB) repeated to n, each copy
    with its own id."""
    base = base_articles(sources)
    return [base[i % len(base)].model_copy(update={"id": f"{base[i % len(base)].id}#{i}"}) for i in range(n)]


def joined_text(chars: int, sources: list[Path] | None = None) -> str:
    """One long article of just under `chars` characters: the real articles one after another,
    separated by blank lines, started again when used up (about 680,000 characters; a JSON
    article's text is analysed as given, so the repeat is not cut as site chrome)."""
    base = base_articles(sources)
    parts: list[str] = []
    size = 0
    while size < chars:
        text = base[len(parts) % len(base)].text.strip()
        parts.append(text)
        size += len(text) + 2
    return "\n\n".join(parts)[: chars - 1].strip()
