"""Training of the figure binder (extractor/binder.py): `train_binder` (`extractor train`, `make
train`) parses the training sets, labels every candidate binding against the gold figures, fits a
logistic regression and writes `extractor/binder_model.json`. Only this module needs scikit-learn (the
`train` extra), and it imports it when it fits.

A candidate is positive when it matches a gold figure of its article by year, count and head noun
of the metric (`evaluate.figure_matches`). The regularisation strength, the threshold and the veto
design's threshold (a low one, `VETO_THRESHOLDS`) are chosen by cross-validation over articles, on
the F1 of what the binder would keep after one figure per (year, count, head noun), as `extractor
eval` scores it. Same data, same file: the folds are fixed, the solver is deterministic and the
weights are rounded before they are written. Nothing here prints: `train_binder` returns a TrainSummary.

Example:

    sets = ["corpus/", "../shared/data/news-dev/gold:../shared/data/news-dev/articles:tune"]
    summary = train_binder(sets, Path("out/binder_model.json"))
    print(summary.line())
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

FOLDS = 5
C_GRID = (0.03, 0.1, 0.3, 1.0, 3.0)
THRESHOLDS = tuple(round(0.05 * k, 2) for k in range(2, 19))  # 0.10 .. 0.90
VETO_THRESHOLDS = (0.02, 0.05, 0.1, 0.15, 0.2)  # the veto design rejects only what is very unlikely
DIGITS = 4  # the written weights' precision: enough for the scores, stable across machines
DEFAULT_OUT = Path(__file__).with_name("binder_model.json")


@dataclass
class Example:
    """One candidate binding of one article, labelled."""

    article: str
    group: int
    key: tuple[int, float, str]  # what `extractor eval` counts once: year, count, head noun
    features: dict[str, float]
    label: bool
    evidence: str = ""  # for a person reading the examples; never a feature


@dataclass
class Gold:
    """One training article's examples and how many gold figures it has."""

    article: str
    figures: int


def _set_spec(spec: str) -> tuple[Path, Path | None, str | None]:
    """ "GOLD_DIR[:ARTICLES_DIR[:HALF]]" -> its parts."""
    parts = spec.split(":")
    articles = Path(parts[1]) if len(parts) > 1 and parts[1] else None
    half = parts[2] if len(parts) > 2 and parts[2] else None
    return Path(parts[0]), articles, half


def examples_of(specs: Sequence[str], nlp: Any, problems: list[str] | None = None) -> tuple[list[Example], list[Gold]]:
    """The labelled candidates of every article of the sets named by specs, in a fixed order; the
    sets' problems (a gold file without its article ...) are added to `problems`."""
    from .binder import ENV

    # the candidates come from the rules' mentions: the Doc's own figures, which the pipeline
    # computes and which would read the model being rebuilt, are left to the rules meanwhile
    saved = os.environ.get(ENV)
    os.environ[ENV] = "rules"
    try:
        return _examples_of(specs, nlp, problems if problems is not None else [])
    finally:
        if saved is None:
            del os.environ[ENV]
        else:
            os.environ[ENV] = saved


def _examples_of(specs: Sequence[str], nlp: Any, problems: list[str]) -> tuple[list[Example], list[Gold]]:
    from .binder import candidates
    from .evaluate import figure_matches, find_gold, head_noun, read_split
    from .extractors import article_doc
    from .ingest import iter_articles
    from .models import Article

    examples: list[Example] = []
    golds: list[Gold] = []
    for spec in specs:
        gold_dir, articles_dir, half = _set_spec(spec)
        only = read_split(gold_dir.resolve().parent / "SPLIT.json", half) if half else None
        pairs, found = find_gold(gold_dir, articles_dir, only)
        problems += found
        by_path = {str(p.article): p.gold for p in pairs}
        for article in iter_articles([p.article for p in pairs]):
            if not isinstance(article, Article) or "figures" not in by_path.get(article.path, {}):
                continue
            gold = by_path[article.path]["figures"] or []
            name = f"{gold_dir}/{Path(article.path).name}"
            golds.append(Gold(name, len(gold)))
            doc = nlp(article_doc(nlp, article))
            for c in candidates(doc, doc._.figure_mentions):
                item = c.figure.model_dump(mode="json")
                label = any(figure_matches(item, g) for g in gold)
                key = (c.figure.year, float(c.figure.count), head_noun(c.figure.metric))
                features = dict(sorted(c.features.items()))
                examples.append(Example(name, c.group, key, features, label, c.figure.evidence))
    return examples, golds


def selection_f1(examples: list[Example], scores: list[float], golds: list[Gold], threshold: float) -> float:
    """F1 of what the binder keeps at a threshold (per count its best binding), with one prediction
    per article and key, against every gold figure of the articles."""
    best: dict[tuple[str, int], tuple[float, Example]] = {}
    for e, s in zip(examples, scores, strict=True):
        k = (e.article, e.group)
        if k not in best or s > best[k][0]:
            best[k] = (s, e)
    kept: dict[tuple[str, tuple[int, float, str]], bool] = {}
    for s, e in best.values():
        if s >= threshold:
            kept[(e.article, e.key)] = kept.get((e.article, e.key), False) or e.label
    tp = sum(kept.values())
    fp = len(kept) - tp
    gold = sum(g.figures for g in golds)
    return 2 * tp / (2 * tp + fp + (gold - tp)) if gold + fp else 0.0


def _matrix(examples: list[Example], names: list[str]) -> Any:
    import numpy

    index = {n: j for j, n in enumerate(names)}
    x = numpy.zeros((len(examples), len(names)))
    for i, e in enumerate(examples):
        for name, value in e.features.items():
            if name in index:
                x[i, index[name]] = value
    return x


def _fit(examples: list[Example], names: list[str], c: float) -> Any:
    from sklearn.linear_model import LogisticRegression

    model = LogisticRegression(C=c, solver="lbfgs", max_iter=5000, fit_intercept=False)
    model.fit(_matrix(examples, names), [int(e.label) for e in examples])
    return model


def _out_of_fold(examples: list[Example], names: list[str], golds: list[Gold], c: float) -> list[float]:
    """Each example's score from a model fitted without its article (folds by article order)."""
    fold_of = {g.article: k % FOLDS for k, g in enumerate(golds)}
    scores = [0.0] * len(examples)
    for fold in range(FOLDS):
        train = [e for e in examples if fold_of[e.article] != fold]
        test = [i for i, e in enumerate(examples) if fold_of[e.article] == fold]
        if not test or len({e.label for e in train}) < 2:
            continue
        model = _fit(train, names, c)
        probs = model.predict_proba(_matrix([examples[i] for i in test], names))[:, 1]
        for i, p in zip(test, probs.tolist(), strict=True):
            scores[i] = p
    return scores


def set_of(article: str) -> str:
    """The training set an article came from: its gold folder."""
    return article.rsplit("/", 1)[0]


def _sets(golds: list[Gold]) -> list[str]:
    return sorted({set_of(g.article) for g in golds})


def _per_set(examples: list[Example], scores: list[float], golds: list[Gold], threshold: float) -> list[float]:
    """The selection F1 of each training set (in `_sets` order)."""
    f1s = []
    for name in _sets(golds):
        idx = [i for i, e in enumerate(examples) if set_of(e.article) == name]
        own = [g for g in golds if set_of(g.article) == name]
        f1s.append(selection_f1([examples[i] for i in idx], [scores[i] for i in idx], own, threshold))
    return f1s


def fit(examples: list[Example], golds: list[Gold]) -> dict[str, Any]:
    """The model as JSON data: the C and threshold of the best cross-validated selection F1 over
    every training article (as `extractor eval` pools articles), the weights of a fit on every
    example. The F1 of each set is written beside it, for a person to compare with the rules'."""
    names = sorted({n for e in examples for n in e.features})
    results: list[tuple[float, float, float]] = []  # (f1, C, threshold)
    for c in C_GRID:
        scores = _out_of_fold(examples, names, golds, c)
        for t in THRESHOLDS:
            results.append((round(selection_f1(examples, scores, golds, t), 6), c, t))
    # the best F1; of equals, the stronger regularisation and the threshold nearest 0.5
    f1, c, threshold = max(results, key=lambda r: (r[0], -r[1], -abs(r[2] - 0.5)))
    model = _fit(examples, names, c)
    weights = {n: round(float(w), DIGITS) for n, w in zip(names, model.coef_[0].tolist(), strict=True)}
    rules = [0.0 if e.features.get("alternative") else 1.0 for e in examples]
    scores = _out_of_fold(examples, names, golds, c)
    by_set = _per_set(examples, scores, golds, threshold)
    rules_by_set = _per_set(examples, rules, golds, 0.5)
    # the veto design: the same scores, the rules' own bindings only (an alternative never wins)
    vetoed = [-1.0 if e.features.get("alternative") else s for e, s in zip(examples, scores, strict=True)]
    veto_f1, veto_threshold = max(
        ((round(selection_f1(examples, vetoed, golds, t), 6), t) for t in VETO_THRESHOLDS),
        key=lambda r: (r[0], -r[1]),  # of equals, the lowest: the fewest vetoes
    )
    veto_by_set = _per_set(examples, vetoed, golds, veto_threshold)
    return {
        "about": "Figure binder weights (extractor/binder.py), written by `extractor train`.",
        "c": c,
        "cv_f1": f1,
        "rules_f1": round(selection_f1(examples, rules, golds, 0.5), 6),
        "sets": {
            name: {"cv_f1": round(model_f1, 6), "rules_f1": round(rules_f1, 6), "veto_cv_f1": round(v_f1, 6)}
            for name, model_f1, rules_f1, v_f1 in zip(_sets(golds), by_set, rules_by_set, veto_by_set, strict=True)
        },
        "examples": len(examples),
        "positives": sum(e.label for e in examples),
        "threshold": threshold,
        "veto_cv_f1": veto_f1,
        "veto_threshold": veto_threshold,
        "weights": {n: w for n, w in weights.items() if w != 0.0},
    }


def write_model(data: dict[str, Any], path: Path) -> None:
    path.write_text(json.dumps(data, indent=1, sort_keys=True) + "\n", encoding="utf-8")


def write_examples(examples: Iterable[Example], golds: list[Gold], path: Path) -> None:
    with path.open("w", encoding="utf-8") as out:
        for g in golds:
            out.write(json.dumps({"gold": g.article, "figures": g.figures}) + "\n")
        for e in examples:
            out.write(json.dumps([e.article, e.group, list(e.key), e.features, e.label, e.evidence]) + "\n")


def load_examples(path: Path) -> tuple[list[Example], list[Gold]]:
    examples, golds = [], []
    for line in path.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        if isinstance(row, dict):
            golds.append(Gold(row["gold"], row["figures"]))
        else:
            a, g, k, f, label, evidence = row
            examples.append(Example(a, g, (k[0], k[1], k[2]), f, label, evidence))
    return examples, golds


class TrainingError(ValueError):
    """Training cannot start: a set that is not there, a bad half, no set at all, no scikit-learn."""


@dataclass
class TrainSummary:
    """What a training wrote: the model file, its JSON, the training articles and the sets' problems."""

    output: Path
    model: dict[str, Any]
    articles: int
    problems: list[str] = field(default_factory=list)

    def line(self) -> str:
        """The training in one line, for a person."""
        m = self.model
        return (
            f"{self.output}: {m['examples']} candidates ({m['positives']} positive) from {self.articles} articles; "
            f"C={m['c']} threshold={m['threshold']} cross-validated F1 {m['cv_f1']:.3f} "
            f"(rules alone {m['rules_f1']:.3f}); veto threshold {m['veto_threshold']} "
            f"cross-validated F1 {m['veto_cv_f1']:.3f}"
        )


def _check_sets(specs: Sequence[str]) -> None:
    for spec in specs:
        gold_dir, articles_dir, half = _set_spec(spec)
        for folder in (gold_dir, articles_dir):
            if folder is not None and not folder.is_dir():
                raise TrainingError(f"{spec}: no such folder: {folder}")
        if half is not None:
            from .evaluate import read_split

            try:
                read_split(gold_dir.resolve().parent / "SPLIT.json", half)
            except ValueError as e:
                raise TrainingError(f"{spec}: {e}") from None


def train_binder(
    sets: Sequence[str],
    output: Path | None = None,
    load_nlp: Callable[[], Any] | None = None,
    *,
    examples: Path | None = None,
    save_examples: Path | None = None,
) -> TrainSummary:
    """Fit the figure binder on training sets ("GOLD_DIR[:ARTICLES_DIR[:HALF]]": `corpus/`,
    `gold:articles:tune`) and write its model to `output` (default: the package's
    binder_model.json); or fit on the candidates `examples` saved by an earlier `save_examples`.
    `load_nlp` gives the spaCy pipeline (default: `build_nlp()`). Same data, same file.

    Example:

        train_binder(["training/binder/"], Path("out/binder_model.json")).line()
    """
    target = output or DEFAULT_OUT
    problems: list[str] = []
    try:
        import sklearn  # noqa: F401
    except ImportError:
        raise TrainingError("training needs scikit-learn: pip install 'extractor[train]'") from None
    if examples is not None:
        if not examples.is_file():
            raise TrainingError(f"no such file: {examples}")
        found, golds = load_examples(examples)
    else:
        if not sets:
            raise TrainingError("name at least one training set, or saved examples")
        _check_sets(sets)
        if load_nlp is None:
            from .pipeline import build_nlp

            load_nlp = build_nlp
        found, golds = examples_of(sets, load_nlp(), problems)
        if save_examples is not None:
            save_examples.parent.mkdir(parents=True, exist_ok=True)
            write_examples(found, golds, save_examples)
    if not golds or len({e.label for e in found}) < 2:
        raise TrainingError("the training sets give no figure to learn from (no gold figures, or no candidate)")
    data = fit(found, golds)
    target.parent.mkdir(parents=True, exist_ok=True)
    write_model(data, target)
    return TrainSummary(target, data, len(golds), problems)
