"""Where and when, measured on the real dev sets of ../shared/data (read there, never copied here):

    .venv/bin/python benchmarks/places.py [--only gvdb|published|figures]

- gvdb: the article's `location` against the annotated city of gvdb-dev's stories, for the tune
  and check halves of its SPLIT.json (the measure of tests/test_real_archives.py);
- published: the publication date read from each press-dev release saved as plain text (its
  `text` alone, as a .txt file), against the gold `published`, for both halves;
- figures: each figure's own `location` against tests/data/figure-locations/ (press-dev's tune
  half, annotated for this project; docs/LOCATION.md states the rule), see `figure_locations`.

Only aggregate scores are printed for a check half: its errors are not for reading.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import Any

if not __package__:  # run as a script: the repo's root on the path, for `benchmarks.*`
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from spacy.language import Language  # noqa: E402

from extractor.components import FACT_COMPONENTS  # noqa: E402
from extractor.evaluate import city_matches  # noqa: E402
from extractor.extract import extract_records  # noqa: E402
from extractor.ingest import iter_articles  # noqa: E402
from extractor.models import Article, ArticleRecord  # noqa: E402
from extractor.pipeline import build_nlp  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data"
GVDB = DATA / "gvdb-dev"
PRESS = DATA / "press-dev"
FIGURE_LOCATIONS = ROOT / "tests" / "data" / "figure-locations" / "press-dev-tune.json"


def halves(folder: Path) -> dict[str, set[str]]:
    split = json.loads((folder / "SPLIT.json").read_text(encoding="utf-8"))
    return {"tune": set(split["tune"]), "check": set(split["check"])}


def gvdb_cities() -> dict[str, str]:
    """Each gvdb-dev story's annotated city, where it has one."""
    gold = {}
    for line in (GVDB / "gold.jsonl").read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        if row["city"]:
            gold[row["id"]] = row["city"]
    return gold


def article_locations(nlp: Language, articles: Iterable[Article]) -> dict[str, str | None]:
    """Each article's `location`, with only the components the location needs."""
    later = [name for name in FACT_COMPONENTS if name != "extractor_location" and name in nlp.pipe_names]
    found: dict[str, str | None] = {}
    with nlp.select_pipes(disable=later):
        for record in extract_records(articles, nlp):
            if isinstance(record, ArticleRecord):
                found[record.id] = record.location
    return found


def gvdb_scores(nlp: Language, show_tune_errors: bool = False) -> dict[str, tuple[int, int]]:
    """Right and scored stories of each half of gvdb-dev (and of both)."""
    gold = gvdb_cities()
    found = article_locations(nlp, iter_articles([GVDB / "articles.jsonl"]))
    scores = {}
    for half, ids in [*halves(GVDB).items(), ("all", set(gold))]:
        scored = [i for i in found if i in gold and i in ids]
        right = [i for i in scored if city_matches(found[i], gold[i])]
        scores[half] = (len(right), len(scored))
        if half == "tune" and show_tune_errors:
            for i in sorted(set(scored) - set(right)):
                print(f"  {i}: found {found[i]!r}, annotated {gold[i]!r}")
    return scores


def published_scores() -> dict[str, tuple[int, int]]:
    """Right and dated releases of each half of press-dev, each read from its text alone."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        gold: dict[str, str] = {}
        for path in sorted((PRESS / "articles").glob("*.json")):
            source = json.loads(path.read_text(encoding="utf-8"))
            (folder / f"{source['id']}.txt").write_text(source["text"], encoding="utf-8")
            published = json.loads((PRESS / "gold" / path.name).read_text(encoding="utf-8")).get("published")
            if published:
                gold[source["id"]] = published
        read = {a.id: a.published for a in iter_articles([folder]) if isinstance(a, Article)}
    scores = {}
    for half, ids in halves(PRESS).items():
        scored = [i for i in gold if i in ids]
        right = [i for i in scored if read.get(i) is not None and str(read[i]) == gold[i]]
        scores[half] = (len(right), len(scored))
    return scores


def figure_annotations() -> dict[str, list[dict[str, Any]]]:
    """The annotated figures of press-dev's tune half: article id -> [{year, count, location}]."""
    return dict(json.loads(FIGURE_LOCATIONS.read_text(encoding="utf-8"))["articles"])


def same_place(found: str | None, annotated: str | None) -> bool:
    """A figure's place against its annotation: the same name, dots, case and a trailing state
    aside ("Marlow County, Ore." = "Marlow County"); both null is right too."""
    if found is None or annotated is None:
        return found is None and annotated is None
    if found.lower().startswith("the "):
        found = found[4:]

    def key(place: str) -> str:
        return " ".join(place.split(",")[0].replace(".", "").lower().split())

    return key(found) == key(annotated)


def figure_location_score(nlp: Language, show_errors: bool = False) -> tuple[int, int]:
    """Right and annotated figures found by the extractor (an annotated figure the extractor does
    not find is not scored here: figure recall is the eval's measure). A figure annotated null
    (its text names no place) is right with the article's location."""
    annotated = figure_annotations()
    paths = [PRESS / "articles" / f"{i}.json" for i in annotated]
    right = scored = 0
    for record in extract_records(iter_articles(paths), nlp):
        if not isinstance(record, ArticleRecord):
            continue
        for gold in annotated[record.id]:
            match = next(
                (f for f in record.figures if f.year == gold["year"] and float(f.count) == float(gold["count"])),
                None,
            )
            if match is None:
                continue
            scored += 1
            if same_place(match.location, gold["location"] or record.location):
                right += 1
            elif show_errors:
                expected = gold["location"] or f"(article) {record.location}"
                print(f"  {record.id} {gold['year']} {gold['count']}: found {match.location!r}, expected {expected!r}")
    return right, scored


def _line(name: str, scores: dict[str, tuple[int, int]]) -> str:
    return f"{name:12}" + "  ".join(f"{h}={r / n:.3f} ({r}/{n})" for h, (r, n) in scores.items() if n)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--only", choices=("gvdb", "published", "figures"))
    parser.add_argument("--errors", action="store_true", help="list the tune half's errors (never the check half's)")
    args = parser.parse_args()
    missing = [str(p) for p in (GVDB, PRESS) if not p.exists()]
    if missing:
        sys.exit(f"these measures read the shared dev sets: {', '.join(missing)} missing")
    nlp = build_nlp() if args.only != "published" else None
    if args.only in (None, "gvdb") and nlp is not None:
        print(_line("gvdb city", gvdb_scores(nlp, args.errors)))
    if args.only in (None, "published"):
        print(_line("published", published_scores()))
    if args.only in (None, "figures") and nlp is not None and FIGURE_LOCATIONS.exists():
        right, scored = figure_location_score(nlp, args.errors)
        print(_line("figure place", {"tune": (right, scored)}))


if __name__ == "__main__":
    main()
