"""Scores records against gold annotations with the contract's matching rules (CONTRACT.md,
"Gold annotations"). Precision, recall and F1 per field, micro-averaged over articles."""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .ingest import ARTICLE_SUFFIXES
from .models import ArticleRecord
from .rules import load

GOLD_SUFFIX = ".gold.json"
FIELDS = ("figures", "changes", "claims", "officials", "quotes", "quote_texts", "events", "dates_found", "date_values")
WORD = re.compile(r"\w+(?:['\u2019]\w+)*")
STOPWORDS = frozenset(load("evaluation.json")["stopwords"])
SPEAKER_STOPWORDS = STOPWORDS | frozenset(load("evaluation.json")["speaker_stopwords"])


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, other: Score) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    def as_dict(self) -> dict[str, float | int]:
        return {
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
        }


@dataclass
class Report:
    scores: dict[str, Score] = field(default_factory=lambda: {f: Score() for f in FIELDS})
    articles: int = 0
    misses: list[dict[str, Any]] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {"articles": self.articles, "fields": {k: v.as_dict() for k, v in self.scores.items()}}


# --- matching rules -----------------------------------------------------------------------


def _singular(word: str) -> str:
    from .figures import singular

    return singular(word)


def head_noun(metric: str | None) -> str:
    words = (metric or "").lower().replace("-", " ").split()
    return _singular(words[-1]) if words else ""


def surname(name: str | None) -> str:
    words = [w for w in WORD.findall((name or "").lower()) if w not in ("jr", "sr", "ii", "iii", "iv")]
    return words[-1] if words else ""


def tokens(text: str) -> list[str]:
    return [w.lower() for w in WORD.findall(text)]


def token_f1(a: str, b: str) -> float:
    ta, tb = tokens(a), tokens(b)
    if not ta or not tb:
        return 0.0
    common: dict[str, int] = {}
    for w in ta:
        common[w] = common.get(w, 0) + 1
    overlap = 0
    for w in tb:
        if common.get(w, 0) > 0:
            common[w] -= 1
            overlap += 1
    if not overlap:
        return 0.0
    p, r = overlap / len(ta), overlap / len(tb)
    return 2 * p * r / (p + r)


def content_words(text: str | None, stop: frozenset[str] = STOPWORDS) -> set[str]:
    """Content words in one form: "votes" and "vote" are one word."""
    return {_singular(w) for w in tokens(text or "") if w not in stop and not w.isdigit()}


def figure_matches(pred: dict[str, Any], gold: dict[str, Any]) -> bool:
    return (
        pred.get("year") == gold.get("year")
        and _num_equal(pred.get("count"), gold.get("count"))
        and head_noun(pred.get("metric")) == head_noun(gold.get("metric"))
    )


def _num_equal(a: Any, b: Any) -> bool:
    try:
        return abs(float(a) - float(b)) < 1e-9
    except (TypeError, ValueError):
        return False


def change_matches(pred: dict[str, Any], gold: dict[str, Any]) -> bool:
    if pred.get("direction") != gold.get("direction"):
        return False
    p, g = pred.get("percent"), gold.get("percent")
    if p is None or g is None:
        return p is None and g is None
    return abs(float(p) - float(g)) <= 0.5


def claim_matches(pred: dict[str, Any], gold: dict[str, Any]) -> bool:
    return (
        pred.get("kind") == gold.get("kind")
        and pred.get("since_year") == gold.get("since_year")
        and (not gold.get("metric") or head_noun(pred.get("metric")) == head_noun(gold.get("metric")))
    )


def official_matches(pred: dict[str, Any], gold: dict[str, Any]) -> bool:
    return surname(pred.get("name")) == surname(gold.get("name")) and surname(pred.get("title")) == surname(
        gold.get("title")
    )


def speaker_matches(pred: str | None, gold: str | None, loose: bool) -> bool:
    if gold is None:
        return pred is None
    if pred is None:
        return False
    if loose:
        return bool(content_words(pred, SPEAKER_STOPWORDS) & content_words(gold, SPEAKER_STOPWORDS))
    return surname(gold) in tokens(pred)


def _speaker_right(pred: dict[str, Any], gold: dict[str, Any], loose: bool) -> bool:
    """Strict: the predicted speaker holds the gold speaker's surname. Loose (PolNeAR, whose gold
    sources are phrases as written): the predicted speaker or its source phrase shares a content
    word with the gold source; a gold source that is a pronoun is not checked."""
    if not loose:
        return speaker_matches(pred.get("speaker"), gold.get("speaker"), False)
    if gold.get("speaker_pronoun"):
        return True
    candidates = " ".join(x for x in (pred.get("speaker"), pred.get("speaker_phrase")) if x)
    return speaker_matches(candidates or None, gold.get("speaker"), True)


def quote_text_matches(pred: dict[str, Any], gold: dict[str, Any]) -> bool:
    return token_f1(pred.get("text", ""), gold.get("text", "")) >= 0.8


def event_matches(pred: dict[str, Any], gold: dict[str, Any]) -> bool:
    if not content_words(pred.get("description")) & content_words(gold.get("description")):
        return False
    gold_date = gold.get("date")
    if gold_date:
        return (pred.get("date") or "")[: len(gold_date)] == gold_date and len(pred.get("date") or "") >= len(gold_date)
    return True


def match(
    preds: list[dict[str, Any]], golds: list[dict[str, Any]], same: Callable[[dict[str, Any], dict[str, Any]], bool]
) -> tuple[Score, list[dict[str, Any]], list[dict[str, Any]]]:
    """Greedy one-to-one matching in gold order. Returns the score, unmatched golds and preds."""
    used: set[int] = set()
    missed: list[dict[str, Any]] = []
    for g in golds:
        for k, p in enumerate(preds):
            if k not in used and same(p, g):
                used.add(k)
                break
        else:
            missed.append(g)
    extra = [p for k, p in enumerate(preds) if k not in used]
    return Score(tp=len(used), fp=len(extra), fn=len(missed)), missed, extra


def _date_text_matches(pred: dict[str, Any], gold: dict[str, Any]) -> bool:
    p, g = (pred.get("text") or "").lower(), (gold.get("text") or "").lower()
    return bool(p and g and (p in g or g in p))


def _date_values(
    pred: list[dict[str, Any]], gold: list[dict[str, Any]], report: Report | None = None, article: str | None = None
) -> Score:
    """Of time expressions found by both (overlapping text), how many have the gold value:
    tp = right value, fp = wrong value; fn is not used (recall of finding is not this field)."""
    score = Score()
    used: set[int] = set()
    for g in gold:
        gt = g.get("text", "").lower()
        for k, p in enumerate(pred):
            pt = p.get("text", "").lower()
            if k not in used and gt and pt and (gt in pt or pt in gt):
                used.add(k)
                if p.get("value") == g.get("value"):
                    score.tp += 1
                else:
                    score.fp += 1
                    if report is not None:
                        report.misses.append(
                            {
                                "article": article,
                                "field": "date_values",
                                "kind": "wrong",
                                "item": {"text": p.get("text"), "value": p.get("value"), "gold": g.get("value")},
                            }
                        )
                break
    return score


def score_record(
    record: ArticleRecord | dict[str, Any], gold: dict[str, Any], report: Report, loose_speakers: bool = False
) -> None:
    pred = record.model_dump(mode="json") if isinstance(record, ArticleRecord) else record
    report.articles += 1
    rules: dict[str, tuple[str, Callable[[dict[str, Any], dict[str, Any]], bool]]] = {
        "figures": ("figures", figure_matches),
        "changes": ("changes", change_matches),
        "claims": ("claims", claim_matches),
        "officials": ("officials", official_matches),
        "quotes": ("quotes", lambda p, g: quote_text_matches(p, g) and _speaker_right(p, g, loose_speakers)),
        "quote_texts": ("quotes", quote_text_matches),
        "events": ("events", event_matches),
    }
    for name, (key, same) in rules.items():
        if key not in gold:
            continue
        score, missed, extra = match(pred.get(key) or [], gold[key] or [], same)
        report.scores[name].add(score)
        for m in missed:
            report.misses.append({"article": pred.get("id"), "field": name, "kind": "missed", "item": m})
        for e in extra:
            report.misses.append(
                {
                    "article": pred.get("id"),
                    "field": name,
                    "kind": "extra",
                    "item": {k: v for k, v in e.items() if k not in ("mentions",)},
                }
            )
    if "dates" in gold:
        report.scores["date_values"].add(
            _date_values(pred.get("dates") or [], gold["dates"] or [], report, pred.get("id"))
        )
        found, _, _ = match(pred.get("dates") or [], gold["dates"] or [], _date_text_matches)
        report.scores["dates_found"].add(found)


# --- gold files ----------------------------------------------------------------------------


@dataclass
class GoldPair:
    article: Path
    gold: dict[str, Any]


def find_gold(gold_dir: Path, articles_dir: Path | None = None) -> tuple[list[GoldPair], list[str]]:
    """Gold files and their articles. Without `articles_dir`: `X.gold.json` beside `X.txt` (or any
    article suffix). With it: every `X.json` of gold_dir and `X.*` in articles_dir (PolNeAR layout)."""
    pairs: list[GoldPair] = []
    problems: list[str] = []
    if articles_dir is None:
        gold_files = sorted(gold_dir.rglob(f"*{GOLD_SUFFIX}"))
        stems = [(g, g.name[: -len(GOLD_SUFFIX)], g.parent) for g in gold_files]
    else:
        gold_files = sorted(p for p in gold_dir.rglob("*.json"))
        stems = [
            (g, g.name[: -len(".gold.json")] if g.name.endswith(GOLD_SUFFIX) else g.stem, articles_dir)
            for g in gold_files
        ]
    for gold_file, stem, folder in stems:
        candidates = [folder / f"{stem}{suffix}" for suffix in sorted(ARTICLE_SUFFIXES)]
        candidates += [c.with_name(c.name + ".gz") for c in candidates]
        article = next((c for c in candidates if c.is_file()), None)
        if article is None:
            problems.append(f"{gold_file}: no article named {stem}.* in {folder}")
            continue
        try:
            gold = json.loads(gold_file.read_text(encoding="utf-8"))
        except (OSError, json.JSONDecodeError) as e:
            problems.append(f"{gold_file}: not readable JSON ({e})")
            continue
        if not isinstance(gold, dict):
            problems.append(f"{gold_file}: gold must be a JSON object")
            continue
        pairs.append(GoldPair(article, gold))
    return pairs, problems


def evaluate(
    records: Iterable[ArticleRecord], golds: dict[str, dict[str, Any]], loose_speakers: bool = False
) -> Report:
    """Score records (keyed to gold by article path) into one report."""
    report = Report()
    for record in records:
        gold = golds.get(record.path)
        if gold is not None:
            score_record(record, gold, report, loose_speakers)
    return report


# --- the evaluation gate ----------------------------------------------------------------------


def load_floors(path: Path) -> dict[str, float]:
    data = json.loads(path.read_text(encoding="utf-8"))
    return {k: float(v) for k, v in data.get("f1", {}).items()}


def below_floors(report: Report, floors: dict[str, float]) -> list[str]:
    """The fields whose F1 fell under their floor, described for a person."""
    return [
        f"{name}: F1 {report.scores[name].f1:.3f} < floor {floor:.3f}"
        for name, floor in sorted(floors.items())
        if name in report.scores and report.scores[name].f1 + 1e-9 < floor
    ]


FLOOR_MARGIN = 0.005  # room for the last digit of float arithmetic on another CPU, not for regressions


def raise_floors(report: Report, floors: dict[str, float]) -> dict[str, float]:
    """Floors moved up to today's scores less a hair's margin; a floor never goes down."""
    raised = dict(floors)
    for name, score in report.scores.items():
        if score.tp + score.fp + score.fn == 0:
            continue
        today = int((score.f1 - FLOOR_MARGIN) * 1000) / 1000
        raised[name] = max(floors.get(name, 0.0), today)
    return raised


def write_floors(path: Path, floors: dict[str, float]) -> None:
    path.write_text(json.dumps({"f1": dict(sorted(floors.items()))}, indent=1) + "\n", encoding="utf-8")
