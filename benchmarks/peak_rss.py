"""Peak memory of `extractor extract` (one process): on N and 10N real articles (the same
articles repeated, so only what grows with the number of articles shows), on one article of just
under --max-chars (1,000,000 characters, real articles joined), and on one JSON Lines line far over
the line limit.

    .venv/bin/python benchmarks/peak_rss.py [--articles N] [--chars N] [--line-mb M]

Prints the peak resident set size (ru_maxrss of the child run) and its time. Goals: peak RSS for
10N <= 1.2 x N (issue 19), <= 1.2 GB for any article under --max-chars, and a too-long JSON Lines
line rejected while it is read (its memory is the run's baseline, not the line's size) (issue 16).
`benchmarks/bench.py` calls `articles_peak` and `long_article_peak`."""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

if not __package__:  # run as a script: the repo's root on the path, for `benchmarks.realtext`
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.realtext import base_articles, joined_text  # noqa: E402

RUN = [sys.executable, "-m", "extractor", "extract", "-j", "1", "--quiet"]


def peak_of(command: list[str]) -> tuple[float, float, int]:
    """(peak RSS in MB, seconds, exit code) of a child process."""
    probe = (
        "import resource, subprocess, sys, time; t = time.perf_counter(); "
        "rc = subprocess.run(sys.argv[1:], check=False, stdout=subprocess.DEVNULL).returncode; "
        "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, time.perf_counter() - t, rc)"
    )
    done = subprocess.run([sys.executable, "-c", probe, *command], capture_output=True, text=True, check=True)
    kb, seconds, rc = done.stdout.split()
    return int(kb) / 1024, float(seconds), int(rc)


def articles_peak(n: int, distinct: int | None = None, sources: list[Path] | None = None) -> tuple[float, float]:
    """(peak RSS in MB, seconds) of `extractor extract -j 1` over n articles (one JSON Lines
    file): the first `distinct` real articles (default n) repeated, each copy with its own id."""
    base = base_articles(sources)[: distinct or n]
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "articles.jsonl"
        with open(source, "w", encoding="utf-8") as f:
            for i in range(n):
                a = base[i % len(base)]
                f.write(json.dumps({"id": f"{a.id}#{i}", "text": a.text}) + "\n")
        peak, seconds, rc = peak_of([*RUN, str(source), "--output", str(Path(folder) / "out.jsonl")])
        if rc != 0:
            sys.exit(f"extractor extract over {n} articles exited with {rc}")
        return peak, seconds


def long_article_peak(chars: int, sources: list[Path] | None = None) -> tuple[float, float, int, int]:
    """(peak RSS in MB, seconds, exit code, figures found) of `extractor extract -j 1` on one
    article of real text just under `chars` characters."""
    with tempfile.TemporaryDirectory() as folder:
        base = Path(folder)
        article = base / "long.json"  # JSON: the text is taken as given, as the article analysed
        article.write_text(json.dumps({"id": "long", "text": joined_text(chars, sources)}), encoding="utf-8")
        peak, seconds, rc = peak_of([*RUN, str(article), "--output", str(base / "long.jsonl")])
        record = json.loads((base / "long.jsonl").read_text(encoding="utf-8")) if rc == 0 else {}
        return peak, seconds, rc, len(record.get("figures", []))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=50, help="N: real articles for the N and 10N runs")
    parser.add_argument("--chars", type=int, default=999_999, help="length of the long article")
    parser.add_argument("--line-mb", type=int, default=200, help="size of the over-long JSON Lines line")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        base = Path(folder)
        small = base / "small.txt"
        small.write_text("In 2022 there were 1,204 crashes in Dayton.", encoding="utf-8")
        baseline, _, _ = peak_of([*RUN, str(small), "--output", str(base / "small.jsonl")])
        print(f"baseline (one short article):           peak RSS {baseline:7.0f} MB")
        peak_n, seconds_n = articles_peak(args.articles)
        peak_10n, seconds_10n = articles_peak(args.articles * 10, distinct=args.articles)
        print(
            f"{args.articles} vs {args.articles * 10} real articles: peak RSS {peak_n:.0f} vs {peak_10n:.0f} MB, "
            f"ratio {peak_10n / peak_n:.2f} (goal <= 1.2) ({seconds_n:.0f} s, {seconds_10n:.0f} s)"
        )
        peak, seconds, rc, figures = long_article_peak(args.chars)
        print(
            f"one article of {args.chars:,} characters: peak RSS {peak:7.0f} MB "
            f"(goal <= 1,229 MB), {seconds:.1f} s, exit {rc}, {figures:,} figures"
        )
        lines = base / "long-line.jsonl"
        with open(lines, "w", encoding="utf-8") as f:
            f.write('{"text": "' + "a" * (args.line_mb * 1_000_000) + '"}\n')
            f.write('{"text": "In 2022 there were 1,204 crashes in Dayton."}\n')
        peak, seconds, rc = peak_of([*RUN, str(lines), "--output", str(base / "line.jsonl")])
        print(f"a JSON Lines line of {args.line_mb} MB (rejected): peak RSS {peak:7.0f} MB, {seconds:.1f} s, exit {rc}")


if __name__ == "__main__":
    main()
