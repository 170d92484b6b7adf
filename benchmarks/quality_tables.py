"""Rewrite the quality tables of docs/QUALITY.md, and the README's one-table summary of them,
from `extractor eval --json`, so that both show the numbers `make test` prints. Run from the
repository root:

    .venv/bin/python benchmarks/quality_tables.py            # rewrite docs/QUALITY.md and README.md
    .venv/bin/python benchmarks/quality_tables.py --check    # exit 1 when either is stale
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


SUMMARY_SETS = {  # the README's summary: one row a set, F1 of the main fields
    "press-dev-check": "press releases, check half",
    "press-dev-tune": "press releases, tune half",
    "news-dev-check": "news, check half",
    "news-dev-tune": "news, tune half",
    "polnear": "news (PolNeAR quotes)",
    "corpus": "the gold corpus (our own)",
}
SUMMARY_FIELDS = ("figures", "changes", "officials", "quotes", "events")


def scores_of(args: list[str]) -> dict[str, dict[str, float]]:
    done = subprocess.run([EXTRACTOR, *args, "--json"], capture_output=True, text=True, check=True, cwd=ROOT)
    return dict(json.loads(done.stdout))


def table(scores: dict[str, dict[str, float]]) -> str:
    rows = ["| field | precision | recall | F1 | tp | gold | pred |", "|---|---|---|---|---|---|---|"]
    for name, label in LABELS.items():
        s = scores.get(name)
        if not s or s["gold"] + s["pred"] == 0:
            continue
        cells = [label, *(f"{s[k]:.3f}" for k in ("p", "r", "f1")), *(str(s[k]) for k in ("tp", "gold", "pred"))]
        rows.append("| " + " | ".join(cells) + " |")
    return "\n".join(rows)


def summary(all_scores: dict[str, dict[str, dict[str, float]]]) -> str:
    rows = ["| set (F1) | " + " | ".join(SUMMARY_FIELDS) + " |", "|---" * (len(SUMMARY_FIELDS) + 1) + "|"]
    for name, label in SUMMARY_SETS.items():
        cells = []
        for field in SUMMARY_FIELDS:
            s = all_scores[name].get(field)
            cells.append(f"{s['f1']:.2f}" if s and s["gold"] + s["pred"] else "—")
        rows.append(f"| {label} | " + " | ".join(cells) + " |")
    return "\n".join(rows)


def filled(text: str, name: str, content: str, where: str) -> str | None:
    block = re.compile(rf"(<!-- {name} table -->\n).*?(<!-- /{name} table -->)", re.S)
    if not block.search(text):
        print(f"{where} has no <!-- {name} table --> block", file=sys.stderr)
        return None
    return block.sub(lambda m: m.group(1) + content + "\n" + m.group(2), text)


def main() -> int:
    all_scores = {name: scores_of(args) for name, args in SETS.items()}
    stale = []
    for path, blocks in (
        (ROOT / "docs" / "QUALITY.md", {name: table(scores) for name, scores in all_scores.items()}),
        (ROOT / "README.md", {"summary": summary(all_scores)}),
    ):
        text = path.read_text(encoding="utf-8")
        new: str | None = text
        for name, content in blocks.items():
            new = filled(new, name, content, path.name) if new is not None else None
        if new is None:
            return 2
        if new != text:
            stale.append(path)
            if "--check" not in sys.argv[1:]:
                path.write_text(new, encoding="utf-8")
    shown = " and ".join(p.relative_to(ROOT).as_posix() for p in stale)
    if "--check" in sys.argv[1:]:
        if stale:
            print(f"the quality tables of {shown} differ from today's scores: run benchmarks/quality_tables.py")
            return 1
        print("docs/QUALITY.md and README.md quality tables are today's scores")
        return 0
    print(f"quality tables rewritten in {shown}" if stale else "quality tables already today's scores")
    return 0


if __name__ == "__main__":
    sys.exit(main())
