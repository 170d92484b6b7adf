"""Peak memory of one long article: `extractor extract` on a single article of just under
--max-chars (default 1,000,000 characters), and on one JSON Lines line far over the line limit.

    .venv/bin/python benchmarks/peak_rss.py [--chars N] [--line-mb M]

Prints the peak resident set size (ru_maxrss of the child run) and its time, for the goal of
issue 16: peak RSS <= 1.2 GB for any article under --max-chars, and a too-long JSON Lines line
rejected while it is read (its memory is the run's baseline, not the line's size)."""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import tempfile
from pathlib import Path

CORPUS = Path(__file__).resolve().parents[1] / "corpus"


def long_text(chars: int) -> str:
    """The corpus's paragraphs one after another up to `chars` characters, each closed by a few
    random words so that no paragraph repeats (repeated lines would be taken for site chrome)."""
    rng = random.Random(16)
    paragraphs = [p.strip() for f in sorted(CORPUS.glob("*.txt")) for p in f.read_text(encoding="utf-8").split("\n\n")]
    paragraphs = [p for p in paragraphs if len(p) > 80]
    words = sorted({w for p in paragraphs for w in p.split() if w.isalpha() and w.islower()})
    parts: list[str] = []
    size = 0
    while size < chars:
        paragraph = f"{paragraphs[len(parts) % len(paragraphs)]} ({' '.join(rng.choices(words, k=6))}.)"
        parts.append(paragraph)
        size += len(paragraph) + 2
    return "\n\n".join(parts)[: chars - 1].strip()


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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--chars", type=int, default=999_999, help="length of the long article")
    parser.add_argument("--line-mb", type=int, default=200, help="size of the over-long JSON Lines line")
    args = parser.parse_args()
    run = [sys.executable, "-m", "extractor", "extract", "-j", "1", "--quiet"]
    with tempfile.TemporaryDirectory() as folder:
        base = Path(folder)
        article = base / "long.json"  # JSON: the text is taken as given, as the article analysed
        text = long_text(args.chars)
        article.write_text(json.dumps({"id": "long", "text": text}), encoding="utf-8")
        small = base / "small.txt"
        small.write_text("In 2022 there were 1,204 crashes in Dayton.", encoding="utf-8")
        baseline, _, _ = peak_of([*run, str(small), "--output", str(base / "small.jsonl")])
        peak, seconds, rc = peak_of([*run, str(article), "--output", str(base / "long.jsonl")])
        record = json.loads((base / "long.jsonl").read_text(encoding="utf-8")) if rc == 0 else {}
        print(f"baseline (one short article):           peak RSS {baseline:7.0f} MB")
        print(
            f"one article of {len(text):,} characters: peak RSS {peak:7.0f} MB "
            f"(goal <= 1,229 MB), {seconds:.1f} s, exit {rc}, {len(record.get('figures', [])):,} figures"
        )
        lines = base / "long-line.jsonl"
        with open(lines, "w", encoding="utf-8") as f:
            f.write('{"text": "' + "a" * (args.line_mb * 1_000_000) + '"}\n')
            f.write('{"text": "In 2022 there were 1,204 crashes in Dayton."}\n')
        peak, seconds, rc = peak_of([*run, str(lines), "--output", str(base / "line.jsonl")])
        print(f"a JSON Lines line of {args.line_mb} MB (rejected): peak RSS {peak:7.0f} MB, {seconds:.1f} s, exit {rc}")


if __name__ == "__main__":
    main()
