"""Speed of extraction, measured against spaCy's own pipeline on the same articles.

    .venv/bin/python benchmarks/bench.py [--articles N] [--model NAME]

Real text: the articles of ../shared/data/press-dev and ../shared/data/gvdb-dev (never copied into
the repo), repeated to N. Prints, for one run over the same articles: (a) the trained pipeline
alone through `nlp.pipe`, (b) the full extraction (ingested Articles to validated records), and (c)
the figure, change and claim extraction (the `extractor_facts` work) alone on already parsed Docs,
with articles/s, words/s and the ratios that the project's goals are stated in. Ratios, not
seconds, are what to compare between machines.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import spacy

from extractor.batch import run_local
from extractor.extract import article_location, extract_records
from extractor.facts import compute_facts
from extractor.ingest import iter_articles
from extractor.models import Article
from extractor.pipeline import build_nlp, model_name

DATA = Path(__file__).resolve().parents[2] / "shared" / "data"
REAL_TEXT = [DATA / "press-dev" / "articles", DATA / "gvdb-dev" / "articles.jsonl"]


def real_articles(n: int) -> list[Article]:
    missing = [str(p) for p in REAL_TEXT if not p.exists()]
    if missing:
        sys.exit(f"bench.py measures real text: {', '.join(missing)} missing (../shared beside the repo)")
    base = [a for a in iter_articles(REAL_TEXT) if isinstance(a, Article)]
    return [base[i % len(base)].model_copy(update={"id": f"{base[i % len(base)].id}#{i}"}) for i in range(n)]


def timed(fn: Callable[[], object], repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        started = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - started)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--model", default=None)
    parser.add_argument("--rss-articles", type=int, default=200, help="N for the memory measure (and 10N)")
    args = parser.parse_args()

    articles = real_articles(args.articles)
    texts = [a.text for a in articles]
    words = sum(len(t.split()) for t in texts)
    plain = spacy.load(model_name(args.model))
    nlp = build_nlp(args.model)

    spacy_alone = timed(lambda: list(plain.pipe(texts)), args.repeat)
    full = timed(lambda: list(extract_records(articles, nlp)), args.repeat)
    docs = list(nlp.pipe(texts))
    for doc, article in zip(docs, articles, strict=True):
        doc._.published = article.published

    for doc in docs:
        doc._.location = article_location(doc)

    def extractors_only() -> None:
        for doc in docs:  # nothing cached from a run before: each repeat does the whole work
            doc.user_data.pop("extractor_facts", None)
            doc.user_data.pop("extractor_context", None)
            compute_facts(doc)

    figures_alone = timed(extractors_only, args.repeat)
    one_process = timed(lambda: list(run_local(articles, args.model, 1, nlp=nlp)), 1)
    two_processes = timed(lambda: list(run_local(articles, args.model, 2, nlp=nlp)), 1)
    peak_n = peak_rss_mb(articles, args.rss_articles)
    peak_10n = peak_rss_mb(articles, args.rss_articles * 10)

    print(f"articles: {len(texts)}  words: {words:,}  model: {model_name(args.model)}  best of {args.repeat}")
    for label, seconds in (
        ("(a) spaCy pipeline alone", spacy_alone),
        ("(b) full extraction", full),
        ("(c) figures, changes, claims on parsed Docs", figures_alone),
    ):
        print(f"{label:40s} {seconds:7.2f} s  {len(texts) / seconds:8.1f} articles/s  {words / seconds:10,.0f} words/s")
    print(f"ratio b/a (speed of full extraction vs spaCy alone; goal >= 1.0): {spacy_alone / full:.2f}")
    print(f"figure, change and claim extraction time / spaCy time (goal <= 0.10): {figures_alone / spacy_alone:.3f}")
    print(f"full extraction, 1 process: {len(texts) / one_process:.1f} articles/s; 2 processes: "
          f"{len(texts) / two_processes:.1f} articles/s; speed-up (goal >= 1.7): {one_process / two_processes:.2f}")
    print(f"peak RSS of `extractor extract`, {args.rss_articles} articles: {peak_n:.0f} MB; "
          f"{args.rss_articles * 10}: {peak_10n:.0f} MB; ratio (goal <= 1.2): {peak_10n / peak_n:.2f}")


def peak_rss_mb(articles: list[Article], n: int) -> float:
    """Peak resident memory of a whole `extractor extract` run over n articles (one JSON Lines
    file, one process), measured by a parent that waits for it."""
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "articles.jsonl"
        with open(source, "w", encoding="utf-8") as f:
            for i in range(n):
                a = articles[i % len(articles)]
                f.write(json.dumps({"id": f"{a.id}#{i}", "text": a.text}) + "\n")
        probe = (
            "import resource, subprocess, sys; "
            "subprocess.run(sys.argv[1:], check=False, stdout=subprocess.DEVNULL); "
            "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
        )
        command = [sys.executable, "-c", probe, sys.executable, "-m", "extractor", "extract", str(source),
                   "--output", str(Path(folder) / "out.jsonl"), "-j", "1", "--quiet"]
        done = subprocess.run(command, capture_output=True, text=True, check=True)
        return int(done.stdout.strip().splitlines()[-1]) / 1024


if __name__ == "__main__":
    main()
