"""How far quotes-with-speaker can go on PolNeAR dev when `speaker` is a person's name.

    .venv/bin/python benchmarks/quote_ceiling.py [--gold DIR --articles DIR]

PolNeAR's gold source is the phrase as written ("the mayor", "Reuters", "the ad's narrator"). The
scorer counts a speaker right when it shares a content word with that phrase (or, for a pronoun,
with the person it refers to). The contract makes `speaker` the canonical name of a person, or
null. So a gold quote can only be scored right when its source shares a content word with some
person named in the article: that is a generous upper bound, since any person of the article
counts, the right one or not.

The script runs the extraction once over the articles, then prints:
- how many gold quotes are reachable at all (their source shares a word with a PERSON entity);
- today's quotes score;
- the score if every quote found by its text and reachable got its speaker right, and why the
  rest stay wrong (found but unreachable, not found).
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

if not __package__:  # run as a script: the repo's root on the path
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from spacy.language import Language  # noqa: E402

from extractor.evaluate import (  # noqa: E402
    SPEAKER_STOPWORDS,
    content_words,
    evaluate,
    find_gold,
    speaker_matches,
    token_f1,
)
from extractor.extract import extract_records  # noqa: E402
from extractor.ingest import iter_articles  # noqa: E402
from extractor.models import ArticleRecord  # noqa: E402
from extractor.pipeline import build_nlp  # noqa: E402

SHARED = Path(__file__).resolve().parents[2] / "shared" / "data" / "polnear-dev"


def source_of(gold: dict[str, object]) -> tuple[str | None, bool]:
    """The phrase a speaker is scored against, and whether the quote is scored for its speaker."""
    if gold.get("speaker_pronoun"):
        resolved = gold.get("speaker_resolved")
        return (str(resolved), True) if resolved else (None, False)
    speaker = gold.get("speaker")
    return (str(speaker) if speaker else None), True


def _is_a_name(nlp: Language, phrase: str | None) -> bool:
    """Whether a source phrase names a person: the recognizer reads a PERSON in it ("Sen. Tim
    Kaine, a Democrat," yes, "the mayor" and "Reuters" no)."""
    if not phrase:
        return False
    doc = nlp.make_doc(phrase)
    for name, proc in nlp.pipeline:
        if name in ("tok2vec", "ner"):
            doc = proc(doc)
    people = [e for e in doc.ents if e.label_ == "PERSON"]
    return bool(people)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--gold", type=Path, default=SHARED / "gold")
    parser.add_argument("--articles", type=Path, default=SHARED / "articles")
    args = parser.parse_args()

    pairs, problems = find_gold(args.gold, args.articles)
    if problems or not pairs:
        sys.exit("\n".join(problems) or f"no gold in {args.gold}")
    golds = {str(p.article): p.gold for p in pairs}
    nlp = build_nlp()
    records = [
        r for r in extract_records(iter_articles([p.article for p in pairs]), nlp) if isinstance(r, ArticleRecord)
    ]
    report = evaluate(records, golds, loose_speakers=True)
    today = report.scores["quotes"]

    kinds: Counter[str] = Counter()
    named: Counter[bool] = Counter()  # found quotes whose gold source is a person's name: speaker right?
    gold_total = found_reachable = 0
    for record in records:
        person_words: set[str] = set()
        for ent in nlp(record.text).ents:
            if ent.label_ == "PERSON":
                person_words |= content_words(ent.text, SPEAKER_STOPWORDS)
        for gold in golds[record.path].get("quotes", []):
            gold_total += 1
            source, scored = source_of(gold)
            found_as = [q for q in record.quotes if token_f1(q.text, gold["text"]) >= 0.8]
            found = bool(found_as)
            if found and scored and not gold.get("speaker_pronoun") and _is_a_name(nlp, source):
                named[speaker_matches(found_as[0].speaker, source, loose=True)] += 1
            reachable = not scored or bool(source and content_words(source, SPEAKER_STOPWORDS) & person_words)
            kinds[f"{'found' if found else 'not found'}, {'reachable' if reachable else 'unreachable'}"] += 1
            found_reachable += found and reachable

    print(f"PolNeAR dev: {gold_total} gold quotes in {len(records)} articles")
    reachable_all = kinds["found, reachable"] + kinds["not found, reachable"]
    print(
        f"  reachable (source shares a word with a person of the article, or unscored): {reachable_all} "
        f"({reachable_all / gold_total:.3f})"
    )
    for kind, n in sorted(kinds.items()):
        print(f"  {kind:26s} {n:4d}")
    print(
        f"today:   P {today.precision:.3f}  R {today.recall:.3f}  F1 {today.f1:.3f} "
        f"(tp {today.tp}, gold {today.gold}, pred {today.pred})"
    )
    best_p, best_r = found_reachable / today.pred, found_reachable / gold_total
    print(
        f"ceiling with today's quotes, every reachable speaker right: P {best_p:.3f}  R {best_r:.3f}  "
        f"F1 {2 * best_p * best_r / (best_p + best_r):.3f}"
    )
    print(
        f"found quotes whose gold source names a person (a PERSON in it): speaker right for "
        f"{named[True]} of {sum(named.values())} ({named[True] / max(1, sum(named.values())):.3f})"
    )
    perfect_r = reachable_all / gold_total
    print(
        f"ceiling with every quote found and nothing extra: R {perfect_r:.3f}  F1 {2 * perfect_r / (1 + perfect_r):.3f}"
    )


if __name__ == "__main__":
    main()
