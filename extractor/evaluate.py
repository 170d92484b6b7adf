"""Scores records against gold annotations by the contract's matching rules (CONTRACT.md, "Gold
annotations"), made strict where the contract is silent, so that a score means what a reader of
the records would see:

- a figure, change or claim whose metric is empty or has no letters never matches;
- a change matches on direction, percent (within 0.5) and the head noun of its metric; the
  amount alone is reported apart as `changes_amount`, never as `changes`; only changes that
  state a percent are scored, in gold and records alike (GUIDE.md);
- a superlative claim matches on kind, the head noun of its metric and its year, and on
  `since_year` where the gold has one;
- a quote needs its text (token F1 >= 0.8) and its speaker; a source the gold resolves (a
  pronoun, a description such as "the mayor", a document) is scored against the gold's
  `speaker_resolved` (left unscored for its speaker only where that is null), and the
  pronoun-source quotes get a line of their own (`quotes_pronoun`), and so do quotes whose gold
  speaker is named (`speakers_named`: its precision is the share of found quotes with the right
  speaker);
- `date_values` counts a time expression not found, or found with a wrong value, as a miss;
- an article that failed to extract misses all of its gold.

Predictions that say the same thing twice (same matching key) count once, as the gold lists each
fact once. Precision, recall and F1 per field, micro-averaged over articles.

Example:

    >>> figure_matches({"year": 2020, "count": 5, "metric": "car thefts"},
    ...                {"year": 2020, "count": 5, "metric": "car theft"})
    True
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .ingest import ARTICLE_SUFFIXES
from .models import ArticleRecord, ExtractionError
from .rules import load, regexes
from .vocabulary import singular

GOLD_SUFFIX = ".gold.json"
FIELDS = (
    "figures",
    "changes",
    "changes_amount",
    "claims",
    "officials",
    "quotes",
    "quote_texts",
    "quotes_pronoun",
    "speakers_named",
    "quote_sources",
    "events",
    "dates_found",
    "date_values",
)
STOPWORDS = frozenset(load("evaluation.json")["stopwords"])
SPEAKER_STOPWORDS = STOPWORDS | frozenset(load("evaluation.json")["speaker_stopwords"])
NAME_SUFFIXES = frozenset(("jr", "sr", "ii", "iii", "iv"))

Item = dict[str, Any]
Matcher = Callable[[Item, Item], bool]


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

    @property
    def gold(self) -> int:
        return self.tp + self.fn

    @property
    def pred(self) -> int:
        return self.tp + self.fp

    @property
    def empty(self) -> bool:
        return self.tp + self.fp + self.fn == 0

    def add(self, other: Score) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    def as_dict(self) -> dict[str, float | int]:
        """The shape `extractor eval --json` prints for each field."""
        return {
            "p": round(self.precision, 4),
            "r": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "tp": self.tp,
            "gold": self.gold,
            "pred": self.pred,
        }


@dataclass
class Report:
    scores: dict[str, Score] = field(default_factory=lambda: {f: Score() for f in FIELDS})
    articles: int = 0
    failed: list[str] = field(default_factory=list)
    misses: list[dict[str, Any]] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        """`{field: {"p", "r", "f1", "tp", "gold", "pred"}}` for every field."""
        return {name: score.as_dict() for name, score in self.scores.items()}

    def as_json(self, misses: int = 0) -> str:
        """The scores as `extractor eval --json` prints them, with the first `misses` misses and extras."""
        data: dict[str, Any] = self.as_dict()
        if misses:
            data["misses"] = self.misses[:misses]
        return json.dumps(data, indent=2, ensure_ascii=False)

    def miss_lines(self, most: int) -> list[str]:
        """The first `most` misses and extras, one plain line each: kind, field, article, item."""
        return [
            f"{m['kind']:6} {m['field']:14} {m['article']}: {json.dumps(m['item'], ensure_ascii=False)}"
            for m in self.misses[:most]
        ]

    def miss(self, article: str | None, field_name: str, kind: str, item: Item) -> None:
        shown = {k: v for k, v in item.items() if k not in ("mentions",)}
        self.misses.append({"article": article, "field": field_name, "kind": kind, "item": shown})


# --- matching rules -----------------------------------------------------------------------


def head_noun(metric: str | None) -> str:
    """The last word of a metric, singular; "" when the metric has no word with a letter, so
    that an empty or numeric metric never matches."""
    words = [w for w in (metric or "").lower().replace("-", " ").split() if regexes.ANY_LETTER.search(w)]
    return singular(words[-1]) if words else ""


def _apostrophes(text: str) -> str:
    """One apostrophe: "O’Neill" and "O'Neill" are one name."""
    return text.replace("\u2019", "'").replace("\u02bc", "'")


def surname(name: str | None) -> str:
    words = [w for w in regexes.EVAL_WORD.findall(_apostrophes(name or "").lower()) if w not in NAME_SUFFIXES]
    return words[-1] if words else ""


def tokens(text: str) -> list[str]:
    return [w.lower() for w in regexes.EVAL_WORD.findall(_apostrophes(text))]


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
    return {singular(w) for w in tokens(text or "") if w not in stop and not w.isdigit()}


def _num_equal(a: Any, b: Any) -> bool:
    try:
        return abs(float(a) - float(b)) < 1e-9
    except (TypeError, ValueError):
        return False


def _same_head(pred: Item, gold: Item) -> bool:
    head = head_noun(gold.get("metric"))
    return bool(head) and head == head_noun(pred.get("metric"))


def figure_matches(pred: Item, gold: Item) -> bool:
    return (
        pred.get("year") == gold.get("year")
        and _num_equal(pred.get("count"), gold.get("count"))
        and _same_head(pred, gold)
    )


def change_amount_matches(pred: Item, gold: Item) -> bool:
    """Direction and percent only: what `changes_amount` reports."""
    if pred.get("direction") != gold.get("direction"):
        return False
    p, g = pred.get("percent"), gold.get("percent")
    if p is None or g is None:
        return p is None and g is None
    return abs(float(p) - float(g)) <= 0.5


def change_matches(pred: Item, gold: Item) -> bool:
    return change_amount_matches(pred, gold) and _same_head(pred, gold)


def claim_matches(pred: Item, gold: Item) -> bool:
    return (
        pred.get("kind") == gold.get("kind")
        and _same_head(pred, gold)
        and pred.get("year") == gold.get("year")
        and (gold.get("since_year") is None or pred.get("since_year") == gold.get("since_year"))
    )


def official_matches(pred: Item, gold: Item) -> bool:
    return bool(surname(gold.get("name"))) and (
        surname(pred.get("name")) == surname(gold.get("name"))
        and surname(pred.get("title")) == surname(gold.get("title"))
    )


def _source_words(text: str) -> set[str]:
    """Content words of a source phrase, a possessive in the form of its noun ("the ad's narrator"
    has "ad", as "the Clinton ad" has)."""
    return {w.removesuffix("'s").rstrip("'") for w in content_words(text, SPEAKER_STOPWORDS)} - {""}


def speaker_matches(pred: str | None, gold: str | None, loose: bool) -> bool:
    """Strict: the predicted speaker holds the gold speaker's surname. Loose (gold sources written
    as phrases, as in PolNeAR): they share a content word."""
    if gold is None:
        return pred is None
    if pred is None:
        return False
    if loose:
        return bool(_source_words(pred) & _source_words(gold))
    return surname(gold) in tokens(pred)


def gold_source(gold: Item) -> tuple[bool, str | None]:
    """Whether a gold quote's speaker is scored, and the source a predicted speaker is scored
    against: the person or body the gold resolves its source to (`speaker_resolved`: "the mayor"
    is the mayor the article names, "he" the person he refers to), else the source as written. A
    source resolved to null (a pronoun for a group, "a friend" the article never names) is
    left unscored."""
    if "speaker_resolved" in gold or gold.get("speaker_pronoun"):
        resolved = gold.get("speaker_resolved")
        return resolved is not None, resolved
    return True, gold.get("speaker")


def speaker_right(pred: Item, gold: Item, loose: bool) -> bool:
    """Only `speaker` counts, never the source phrase as written: a quote said by "he" with no
    person found has no speaker. A resolved source (a pronoun, a description, a role) is scored
    against what it resolves to (`speaker_resolved`); where that is null the speaker is not
    scored."""
    scored, source = gold_source(gold)
    return not scored or speaker_matches(pred.get("speaker"), source, loose)


def source_right(pred: Item, gold: Item, loose: bool) -> bool:
    """As `speaker_right`, but a record that still gives an organization apart (`speaker` null,
    `speaker_organization` "the county health department") is right when the gold source is that
    organization."""
    if speaker_right(pred, gold, loose):
        return True
    organization = pred.get("speaker_organization")
    if pred.get("speaker") is not None or not organization or gold.get("speaker_pronoun"):
        return False
    scored, source = gold_source(gold)
    return scored and speaker_matches(organization, source, loose)


def quote_text_matches(pred: Item, gold: Item) -> bool:
    return token_f1(pred.get("text", ""), gold.get("text", "")) >= 0.8


def event_matches(pred: Item, gold: Item) -> bool:
    if not content_words(pred.get("description")) & content_words(gold.get("description")):
        return False
    gold_date = gold.get("date")
    if gold_date:
        return (pred.get("date") or "")[: len(gold_date)] == gold_date and len(pred.get("date") or "") >= len(gold_date)
    return True


def date_text_matches(pred: Item, gold: Item) -> bool:
    p, g = (pred.get("text") or "").lower(), (gold.get("text") or "").lower()
    return bool(p and g and (p in g or g in p))


def date_value_matches(pred: Item, gold: Item) -> bool:
    return date_text_matches(pred, gold) and pred.get("value") == gold.get("value")


# What makes two predictions one fact, so that a fact stated twice is predicted once.
def _percent_key(item: Item) -> float | None:
    p = item.get("percent")
    return None if p is None else round(float(p), 1)


DEDUP_KEYS: dict[str, Callable[[Item], Any]] = {
    "figures": lambda f: (f.get("year"), f.get("count"), head_noun(f.get("metric"))),
    "changes": lambda c: (c.get("direction"), _percent_key(c), head_noun(c.get("metric"))),
    "changes_amount": lambda c: (c.get("direction"), _percent_key(c)),
    "claims": lambda c: (c.get("kind"), head_noun(c.get("metric")), c.get("year"), c.get("since_year")),
    "officials": lambda o: (surname(o.get("name")), surname(o.get("title"))),
}


def unique(items: list[Item], key: Callable[[Item], Any] | None) -> list[Item]:
    if key is None:
        return items
    seen: set[Any] = set()
    kept = []
    for item in items:
        k = key(item)
        if k not in seen:
            seen.add(k)
            kept.append(item)
    return kept


def match(preds: list[Item], golds: list[Item], same: Matcher) -> tuple[Score, list[Item], list[Item]]:
    """The largest one-to-one pairing of predictions with gold (augmenting paths, so a prediction
    that two golds accept goes to the one no other prediction can take). Returns the score,
    unmatched golds and preds."""
    accepts = [[k for k, p in enumerate(preds) if same(p, g)] for g in golds]
    owner: dict[int, int] = {}  # prediction -> the gold it is paired with

    def pair(g: int, seen: set[int]) -> bool:
        for k in accepts[g]:
            if k in seen:
                continue
            seen.add(k)
            if k not in owner or pair(owner[k], seen):
                owner[k] = g
                return True
        return False

    for g in range(len(golds)):
        pair(g, set())
    paired = set(owner.values())
    missed = [g for i, g in enumerate(golds) if i not in paired]
    extra = [p for k, p in enumerate(preds) if k not in owner]
    return Score(tp=len(owner), fp=len(extra), fn=len(missed)), missed, extra


def _scored(key: str, items: list[Item]) -> list[Item]:
    """Only changes that state a percent are scored, in gold and records alike (GUIDE.md,
    Changes): a change without one ("a rise in thefts") has nothing a reader could check."""
    if key == "changes":
        return [c for c in items if c.get("percent") is not None]
    return items


def _speakers_of(preds: list[Item], wanted: list[Item], loose: bool) -> Score:
    """Of the wanted gold quotes found by their text, how many have the right speaker.
    fp = found with another speaker (so precision is speaker accuracy); fn = not found or wrong."""
    found, _, _ = match(preds, wanted, quote_text_matches)
    right, _, _ = match(preds, wanted, lambda p, g: quote_text_matches(p, g) and speaker_right(p, g, loose))
    return Score(tp=right.tp, fp=found.tp - right.tp, fn=len(wanted) - right.tp)


def score_record(record: ArticleRecord | Item, gold: Item, report: Report, loose_speakers: bool = False) -> None:
    """Add one article's record to the report. Each field present in the gold is scored."""
    pred = record.model_dump(mode="json") if isinstance(record, ArticleRecord) else record
    article = pred.get("id")
    report.articles += 1
    rules: dict[str, tuple[str, Matcher]] = {
        "figures": ("figures", figure_matches),
        "changes": ("changes", change_matches),
        "changes_amount": ("changes", change_amount_matches),
        "claims": ("claims", claim_matches),
        "officials": ("officials", official_matches),
        "quotes": ("quotes", lambda p, g: quote_text_matches(p, g) and speaker_right(p, g, loose_speakers)),
        "quote_texts": ("quotes", quote_text_matches),
        "quote_sources": ("quotes", lambda p, g: quote_text_matches(p, g) and source_right(p, g, loose_speakers)),
        "events": ("events", event_matches),
        "dates_found": ("dates", date_text_matches),
        "date_values": ("dates", date_value_matches),
    }
    for name, (key, same) in rules.items():
        if key not in gold:
            continue
        preds = unique(_scored(key, pred.get(key) or []), DEDUP_KEYS.get(name))
        score, missed, extra = match(preds, _scored(key, gold[key] or []), same)
        if name == "date_values":  # only a value found and wrong is a false value; one not found is a miss
            score.fp = sum(1 for p in preds if any(date_text_matches(p, g) for g in gold[key] or [])) - score.tp
            extra = []
        report.scores[name].add(score)
        for m in missed:
            report.miss(article, name, "missed", m)
        for e in extra:
            report.miss(article, name, "extra", e)
    if "quotes" in gold:
        quotes, golds = pred.get("quotes") or [], gold["quotes"] or []
        pronoun = [g for g in golds if g.get("speaker_pronoun") and g.get("speaker_resolved")]
        named = [g for g in golds if g.get("speaker") and not g.get("speaker_pronoun") and gold_source(g)[0]]
        report.scores["quotes_pronoun"].add(_speakers_of(quotes, pronoun, loose_speakers))
        report.scores["speakers_named"].add(_speakers_of(quotes, named, loose_speakers))


def score_failure(error: ExtractionError, gold: Item, report: Report) -> None:
    """An article that did not extract misses every gold item it has."""
    empty: Item = {"id": error.id or error.source}
    score_record(empty, gold, report)
    report.failed.append(f"{error.source}: {error.error.value}: {error.message}")


# --- gold files ----------------------------------------------------------------------------


@dataclass
class GoldPair:
    article: Path
    gold: dict[str, Any]


def read_split(path: Path, half: str) -> frozenset[str]:
    """The article ids of one half ("tune" or "check") of a SPLIT.json ({half: [id, ...]}).

    Example:

        read_split(Path("../shared/data/press-dev/SPLIT.json"), "check")
    """
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as e:
        raise ValueError(f"{path}: not a readable split file ({e})") from e
    ids = data.get(half) if isinstance(data, dict) else None
    if not isinstance(ids, list) or not all(isinstance(i, str) for i in ids):
        halves = ", ".join(k for k, v in data.items() if isinstance(v, list)) if isinstance(data, dict) else ""
        raise ValueError(f"{path}: no list of ids named {half!r} (it has: {halves or 'none'})")
    return frozenset(ids)


def find_gold(
    gold_dir: Path, articles_dir: Path | None = None, only: frozenset[str] | None = None
) -> tuple[list[GoldPair], list[str]]:
    """Gold files and their articles. Without `articles_dir`: `X.gold.json` beside `X.txt` (or any
    article suffix). With it: every `X.json` of gold_dir and `X.*` in articles_dir (PolNeAR layout).
    With `only`, just the gold files whose X is one of those ids (a half of a SPLIT.json); an id
    with no gold file is a problem, so that a half never silently shrinks."""
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
    if only is not None:
        found = {stem for _, stem, _ in stems}
        problems += [f"{gold_dir}: no gold file for split id {i}" for i in sorted(only - found)]
        stems = [s for s in stems if s[1] in only]
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
    results: Iterable[ArticleRecord | ExtractionError], golds: dict[str, Item], loose_speakers: bool = False
) -> Report:
    """Score records (keyed to gold by article path) into one report; an extraction error
    keyed to a gold file counts all of that gold as missed.

    Example:

        pairs, _ = find_gold(Path("corpus"))
        results = extract_records(iter_articles([p.article for p in pairs]), build_nlp())
        evaluate(results, {str(p.article): p.gold for p in pairs}).scores["figures"].f1
    """
    report = Report()
    for result in results:
        if isinstance(result, ExtractionError):
            gold = golds.get(result.source)
            if gold is not None:
                score_failure(result, gold, report)
            continue
        gold = golds.get(result.path)
        if gold is not None:
            score_record(result, gold, report, loose_speakers)
    return report


@dataclass
class GoldSet:
    """A set's gold files with their articles (`pairs`), the half of its SPLIT.json scored (if
    any) and what was wrong with some files (`problems`)."""

    folder: Path
    pairs: list[GoldPair]
    problems: list[str]
    split: Path | None = None
    half: str | None = None

    def title(self, articles: int) -> str:
        """The heading of the set's scores: `extractor eval: 12 articles in GOLD (tune half of SPLIT.json)`."""
        which = f" ({self.half or 'tune'} half of {self.split.name})" if self.split else ""
        shown = f"{articles:,} article{'' if articles == 1 else 's'}"
        return f"extractor eval: {shown} in {self.folder}{which}"

    def score(self, nlp: Any, published: dt.date | None = None, loose_speakers: bool = False) -> Report:
        """Extract every article of the set with `nlp` and score the records against their gold."""
        from .extract import extract_records
        from .ingest import iter_articles

        golds = {str(p.article): p.gold for p in self.pairs}
        results = extract_records(iter_articles([p.article for p in self.pairs], published), nlp)
        return evaluate(results, golds, loose_speakers)


def gold_set(
    gold_dir: Path, articles: Path | None = None, half: str | None = None, split: Path | None = None
) -> GoldSet:
    """The gold files of a folder (their articles beside them or in `articles`), only those of one
    `half` of `split` when either is given (the split defaults to the SPLIT.json beside gold_dir,
    the half to tune); ValueError for a folder that is not there or a split that cannot be read.

    Example:

        report = gold_set(Path("../shared/data/press-dev/gold"), half="tune").score(build_nlp())
    """
    if not gold_dir.is_dir():
        raise ValueError(f"no such folder: {gold_dir}")
    only = None
    if half is not None or split is not None:
        split = split or gold_dir.resolve().parent / "SPLIT.json"
        only = read_split(split, half or "tune")
    pairs, problems = find_gold(gold_dir, articles, only)
    return GoldSet(gold_dir, pairs, problems, split, half)


# --- the evaluation gate ----------------------------------------------------------------------


def load_floors(path: Path) -> dict[str, float]:
    data = json.loads(path.read_text(encoding="utf-8"))
    return {k: float(v) for k, v in data.get("f1", {}).items()}


def load_ceilings(path: Path) -> dict[str, int]:
    """The most predictions a field may make (`{"max_pred": {field: n}}`): for a set whose gold is
    empty by design (wild-dev), every prediction is false, so its gate counts them."""
    data = json.loads(path.read_text(encoding="utf-8"))
    return {k: int(v) for k, v in data.get("max_pred", {}).items()}


def above_ceilings(report: Report, ceilings: dict[str, int]) -> list[str]:
    """The fields that made more predictions than their ceiling, described for a person."""
    return [
        f"{name}: {report.scores[name].pred} predicted > ceiling {ceiling}"
        for name, ceiling in sorted(ceilings.items())
        if name in report.scores and report.scores[name].pred > ceiling
    ]


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
        if score.empty:
            continue
        today = int((score.f1 - FLOOR_MARGIN) * 1000) / 1000
        raised[name] = max(floors.get(name, 0.0), today)
    return raised


def write_floors(path: Path, floors: dict[str, float]) -> None:
    """Write the F1 floors, keeping any other key of the file (a set's `max_pred` ceilings)."""
    data = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
    data["f1"] = dict(sorted(floors.items()))
    path.write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")


def city_matches(location: str | None, annotated: str) -> bool:
    """Whether an article's `location` names the city a GVDB annotator wrote (gvdb-dev gold). The
    annotated city is noisy (case, a stray headline before it): the city part of the
    location equals its last line, or one holds the other."""
    if not location:
        return False
    gold = annotated.strip().split("\n")[-1].strip().lower().replace(".", "")
    city = location.split(",")[0].strip().lower().replace(".", "")
    return city == gold or (len(city) > 3 and (city in gold or gold in city))


class FloorsMissing(Exception):
    """A floors file to hold a report to that does not exist."""


def hold_floors(report: Report, floors: Path, raise_them: bool = False) -> list[str]:
    """The fields of `report` under their floor or over their ceiling in `floors`, one line each
    (none: the report holds). With `raise_them` the floors move up to the report's scores where
    higher (a missing file is written) and nothing counts as a regression. Raises FloorsMissing.

    Example:

        regressions = hold_floors(report, Path("tests/floors/press-dev.json"))
    """
    if not floors.exists() and not raise_them:
        raise FloorsMissing(f"no such floors file: {floors}")
    current = load_floors(floors) if floors.exists() else {}
    if raise_them:
        write_floors(floors, raise_floors(report, current))
        return []
    return below_floors(report, current) + above_ceilings(report, load_ceilings(floors))
