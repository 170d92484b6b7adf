"""A faster stand-in for a trained pipeline's attribute_ruler.

The attribute_ruler of en_core_web_sm maps fine-grained tags to POS and morphology with ~180
Matcher patterns and costs about a tenth of the pipeline's time. Its patterns test one or two
tokens' TAG, LOWER, DEP or IS_SPACE: this component compiles the ruler's own patterns into lookups
on the Doc's attribute arrays, applies them in the ruler's order and writes POS and MORPH back in
one call, giving the same annotations (tests compare them token by token). A ruler with a pattern
shape it does not know makes the factory fail, and the pipeline keeps the ruler."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy
import srsly
from spacy.attrs import DEP, IS_SPACE, LEMMA, LOWER, MORPH, POS, TAG
from spacy.language import Language
from spacy.strings import StringStore
from spacy.tokens import Doc
from spacy.vocab import Vocab

PATTERNS_FILE = "patterns.json"  # the trained ruler's patterns, as its `patterns` gives them

SUPPORTED_KEYS = {"TAG": 0, "LOWER": 1, "DEP": 2, "IS_SPACE": 3}
READ = [TAG, LOWER, DEP, IS_SPACE, POS, MORPH, LEMMA]
COLUMN = {"POS": 4, "MORPH": 5, "LEMMA": 6}


@dataclass
class Test:
    column: int
    equals: int | None = None
    among: frozenset[int] | None = None
    outside: frozenset[int] | None = None
    pattern: re.Pattern[str] | None = None


@dataclass
class Rule:
    order: int
    tokens: list[list[Test]]
    sets: dict[int, int]  # column -> value hash
    index: int
    token_sets: dict[str, str] = field(default_factory=dict)  # TAG and DEP, set on the token


@dataclass
class CompiledRuler:
    by_tag: dict[int, list[Rule]] = field(default_factory=dict)
    untagged: list[Rule] = field(default_factory=list)
    multi: list[Rule] = field(default_factory=list)


def compile_ruler(
    patterns: list[dict[str, Any]], strings: StringStore, add_morph: Callable[[str], int]
) -> CompiledRuler:
    compiled = CompiledRuler()
    for order, entry in enumerate(patterns):
        unknown = set(entry["attrs"]) - set(COLUMN) - {"TAG", "DEP"}
        if unknown:
            raise ValueError(f"attribute_ruler sets {unknown}")
        sets = {
            COLUMN[key]: (add_morph(value) if key == "MORPH" else strings.add(value))
            for key, value in entry["attrs"].items()
            if key in COLUMN
        }
        token_sets = {k: v for k, v in entry["attrs"].items() if k in ("TAG", "DEP")}
        for pattern in entry["patterns"]:
            tokens: list[list[Test]] = []
            for spec in pattern:
                tests = []
                for key, value in spec.items():
                    if key not in SUPPORTED_KEYS:
                        raise ValueError(f"attribute_ruler pattern key {key}")
                    column = SUPPORTED_KEYS[key]
                    if key == "IS_SPACE":
                        tests.append(Test(column, equals=int(bool(value))))
                    elif isinstance(value, str):
                        tests.append(Test(column, equals=strings.add(value)))
                    elif isinstance(value, dict) and set(value) == {"IN"}:
                        tests.append(Test(column, among=frozenset(strings.add(v) for v in value["IN"])))
                    elif isinstance(value, dict) and set(value) == {"NOT_IN"}:
                        tests.append(Test(column, outside=frozenset(strings.add(v) for v in value["NOT_IN"])))
                    elif isinstance(value, dict) and set(value) == {"REGEX"} and key == "LOWER":
                        tests.append(Test(column, pattern=re.compile(value["REGEX"])))
                    else:
                        raise ValueError(f"attribute_ruler pattern value {value!r}")
                tokens.append(tests)
            index = int(entry.get("index", 0))
            if not -len(tokens) <= index < len(tokens):
                raise ValueError(f"attribute_ruler index {index} outside a pattern of {len(tokens)} tokens")
            # spaCy's ruler sets the token `span[index]` of the match: a negative index counts from its end
            rule = Rule(order, tokens, sets, index % len(tokens), token_sets)
            tag_test = next((t for t in tokens[0] if t.column == 0 and t.equals is not None), None)
            if len(tokens) > 1:
                compiled.multi.append(rule)
            elif tag_test is not None:
                compiled.by_tag.setdefault(tag_test.equals, []).append(rule)  # type: ignore[arg-type]
            else:
                compiled.untagged.append(rule)
    return compiled


def _passes(row: list[int], tests: list[Test], strings: StringStore) -> bool:
    for t in tests:
        value = row[t.column]
        if t.equals is not None and value != t.equals:
            return False
        if t.among is not None and value not in t.among:
            return False
        if t.outside is not None and value in t.outside:
            return False
        if t.pattern is not None and not t.pattern.search(strings[value]):
            return False
    return True


def apply(doc: Doc, ruler: CompiledRuler) -> Doc:
    strings = doc.vocab.strings
    array = doc.to_array(READ)
    rows = array[:, :4].tolist()  # plain ints: far quicker to test than numpy scalars
    pending: list[tuple[int, int, Rule]] = []
    untagged = ruler.untagged
    for i, row in enumerate(rows):
        for rule in ruler.by_tag.get(int(row[0]), ()):
            if _passes(row, rule.tokens[0], strings):
                pending.append((i, rule.order, rule))
        for rule in untagged:
            if _passes(row, rule.tokens[0], strings):
                pending.append((i, rule.order, rule))
    for rule in ruler.multi:
        width = len(rule.tokens)
        first = rule.tokens[0]
        for start in range(len(rows) - width + 1):
            if _passes(rows[start], first, strings) and all(
                _passes(rows[start + k], rule.tokens[k], strings) for k in range(1, width)
            ):
                pending.append((start + rule.index, rule.order, rule))
    token_sets = []
    for i, _, rule in sorted(pending, key=lambda p: (p[0], p[1])):
        for column, value in rule.sets.items():
            array[i, column] = value
        if rule.token_sets:
            token_sets.append((i, rule.token_sets))
    columns = numpy.ascontiguousarray(array[:, 4:7], dtype=numpy.uint64)
    doc.from_array([POS, MORPH, LEMMA], columns)  # type: ignore[arg-type]  # numpy arrays are what spaCy takes
    for i, labels in token_sets:
        for key, label in labels.items():
            if key == "TAG":
                doc[i].tag_ = label
            else:
                doc[i].dep_ = label
    return doc


class FastAttributes:
    """The component: the trained ruler's patterns, compiled. Built from the pipeline's
    attribute_ruler (which it then replaces); saved with the pipeline as those patterns, and
    compiled again when loaded (`spacy.load` of a saved pipeline has no attribute_ruler to read)."""

    def __init__(self, vocab: Vocab, name: str, patterns: list[dict[str, Any]]) -> None:
        self.vocab = vocab
        self.name = name
        self.use(patterns)

    def use(self, patterns: list[dict[str, Any]]) -> None:
        self.patterns = patterns
        self.compiled = compile_ruler(patterns, self.vocab.strings, self.vocab.morphology.add)

    def __call__(self, doc: Doc) -> Doc:
        return apply(doc, self.compiled)

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        folder = Path(path)
        folder.mkdir(parents=True, exist_ok=True)
        srsly.write_json(folder / PATTERNS_FILE, self.patterns)

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> FastAttributes:
        self.use(srsly.read_json(Path(path) / PATTERNS_FILE))
        return self

    def to_bytes(self, *, exclude: Iterable[str] = ()) -> bytes:
        return srsly.json_dumps(self.patterns).encode("utf-8")

    def from_bytes(self, data: bytes, *, exclude: Iterable[str] = ()) -> FastAttributes:
        self.use(srsly.json_loads(data.decode("utf-8")))
        return self


@Language.factory("extractor_fast_attributes", default_config={})
def make_fast_attributes(nlp: Language, name: str) -> FastAttributes:
    """Compiles the pipeline's attribute_ruler where there is one (build_nlp); in a saved pipeline
    it is gone, and `from_disk` brings the patterns."""
    ruler = nlp.get_pipe("attribute_ruler") if "attribute_ruler" in nlp.pipe_names else None
    patterns: list[dict[str, Any]] = ruler.patterns if ruler is not None else []  # type: ignore[attr-defined]
    return FastAttributes(nlp.vocab, name, patterns)
