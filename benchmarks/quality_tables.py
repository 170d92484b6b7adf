"""Rewrite the README's quality tables from `extractor eval --json`, so that the README shows the
numbers `make test` prints. Run from the repository root:

    .venv/bin/python benchmarks/quality_tables.py            # rewrite README.md
    .venv/bin/python benchmarks/quality_tables.py --check    # exit 1 when README.md is stale
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "data"
EXTRACTOR = str(Path(sys.executable).with_name("extractor"))

LABELS = {
    "figures": "figures",
    "changes": "changes (with metric)",
    "changes_amount": "changes_amount (direction and percent only)",
    "claims": "claims (superlatives)",
    "officials": "officials",
    "quotes": "quotes (text and speaker)",
    "quote_texts": "quote_texts",
    "quotes_pronoun": "quotes_pronoun",
    "speakers_named": "speakers_named",
    "quote_sources": "quote_sources (`speaker`, or an organization given apart in `speaker_organization`)",
    "events": "events",
    "dates_found": "time expressions found",
    "date_values": "date values",
}
def _half(name: str, half: str) -> list[str]:
    folder = SHARED / name
    return ["eval", str(folder / "gold"), "--articles", str(folder / "articles"), "--half", half]


SETS = {
    "press-dev-tune": _half("press-dev", "tune"),
    "press-dev-check": _half("press-dev", "check"),
    "news-dev-tune": _half("news-dev", "tune"),
    "news-dev-check": _half("news-dev", "check"),
    "wild-dev": ["eval", str(SHARED / "wild-dev" / "gold"), "--articles", str(SHARED / "wild-dev" / "articles")],
    "polnear": [
        "eval",
        str(SHARED / "polnear-dev" / "gold"),
        "--articles",
        str(SHARED / "polnear-dev" / "articles"),
        "--loose-speakers",
    ],
    "corpus": ["eval", str(ROOT / "corpus")],
}


def table(args: list[str]) -> str:
    done = subprocess.run([EXTRACTOR, *args, "--json"], capture_output=True, text=True, check=True, cwd=ROOT)
    scores = json.loads(done.stdout)
    rows = ["| field | precision | recall | F1 | tp | gold | pred |", "|---|---|---|---|---|---|---|"]
    for name, label in LABELS.items():
        s = scores.get(name)
        if not s or s["gold"] + s["pred"] == 0:
            continue
        cells = [label, *(f"{s[k]:.3f}" for k in ("p", "r", "f1")), *(str(s[k]) for k in ("tp", "gold", "pred"))]
        rows.append("| " + " | ".join(cells) + " |")
    return "\n".join(rows)


def main() -> int:
    readme = ROOT / "README.md"
    text = readme.read_text(encoding="utf-8")
    new = text
    for name, args in SETS.items():
        block = re.compile(rf"(<!-- {name} table -->\n).*?(<!-- /{name} table -->)", re.S)
        if not block.search(new):
            print(f"README.md has no <!-- {name} table --> block", file=sys.stderr)
            return 2
        scores = table(args)
        new = block.sub(lambda m, t=scores: m.group(1) + t + "\n" + m.group(2), new)
    if "--check" in sys.argv[1:]:
        if new != text:
            print("README.md quality tables differ from today's scores: run benchmarks/quality_tables.py")
            return 1
        print("README.md quality tables are today's scores")
        return 0
    readme.write_text(new, encoding="utf-8")
    print("README.md quality tables rewritten")
    return 0


if __name__ == "__main__":
    sys.exit(main())
