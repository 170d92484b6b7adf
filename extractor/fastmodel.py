"""The trained model run faster, with the same annotations: `speed_up(nlp)`.

Two changes, both checked token by token against the stock pipeline (tests/test_fastmodel.py):

- Matrix products through numpy's OpenBLAS, held to one thread, instead of thinc's default BLIS:
  the tok2vec layers and the parser's and recogniser's hidden layers are most of spaCy's time,
  and on the machines measured OpenBLAS multiplies the model's small float32 matrices about three
  times faster. One thread, because the processes are the parallelism (`-j 2`): a second
  OpenBLAS thread per process would fight the other worker for the cores. When the thread count
  cannot be set (a numpy without OpenBLAS), the model keeps BLIS.
- The rule lemmatizer memoised by (word, part of speech, morphology), which is all its rules
  read: spaCy's own cache skips every base form and makes a Token per word; this one reads and
  writes the Doc's arrays and calls the trained lemmatizer only for a combination it has not seen.

    >>> nlp = speed_up(spacy.load("en_core_web_sm"))
    >>> [t.lemma_ for t in nlp("Officers made 12 arrests.")]
    ['officer', 'make', '12', 'arrest', '.']
"""

from __future__ import annotations

import ctypes
import glob
import os
from typing import Any

import numpy
from spacy.attrs import LEMMA, MORPH, ORTH, POS
from spacy.lang.en.lemmatizer import EnglishLemmatizer
from spacy.language import Language
from spacy.pipeline import Lemmatizer
from spacy.tokens import Doc
from thinc.api import NumpyOps

_SET_THREADS = (
    "scipy_openblas_set_num_threads64_",
    "scipy_openblas_set_num_threads",
    "openblas_set_num_threads64_",
    "openblas_set_num_threads",
)
LEMMA_CACHE_LIMIT = 500_000  # (word, POS, morphology) combinations kept; cleared past it (memory stays flat)


def _openblas_libraries() -> list[str]:
    """The OpenBLAS that numpy loaded: from the process's memory map on Linux, else numpy's own
    bundled copy (wheels ship it beside the package)."""
    found: list[str] = []
    try:
        with open("/proc/self/maps", encoding="utf-8", errors="replace") as maps:
            found = sorted({line.split()[-1] for line in maps if "openblas" in line.lower() and "/" in line})
    except OSError:
        pass
    root = os.path.dirname(numpy.__file__)
    for pattern in ("../numpy.libs/*openblas*", ".dylibs/*openblas*"):
        found += [p for p in glob.glob(os.path.join(root, pattern)) if p not in found]
    return found


def one_blas_thread() -> bool:
    """Hold numpy's OpenBLAS to one thread; whether that could be done."""
    for path in _openblas_libraries():
        try:
            library = ctypes.CDLL(path)
        except OSError:
            continue
        for symbol in _SET_THREADS:
            set_threads = getattr(library, symbol, None)
            if set_threads is not None:
                set_threads(1)
                return True
    return False


def numpy_matrix_products(nlp: Language) -> bool:
    """Every trained model of the pipeline multiplies through numpy (OpenBLAS, one thread);
    whether it was switched."""
    if not one_blas_thread():
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


def memoised_lemmatizer(nlp: Language) -> bool:
    """The pipeline's rule or lookup lemmatizer made a memoised one; whether it was."""
    if "lemmatizer" not in nlp.pipe_names:
        return False
    lemmatizer = nlp.get_pipe("lemmatizer")
    fast = _FAST_CLASS.get(type(lemmatizer))
    if fast is None or getattr(lemmatizer, "mode", None) not in ("rule", "lookup"):
        return False  # a lemmatizer of another kind may read more than word, POS and morphology
    lemmatizer.__class__ = fast
    return True


def speed_up(nlp: Language) -> Language:
    """Both changes, where they apply; the annotations stay those of the trained pipeline."""
    numpy_matrix_products(nlp)
    memoised_lemmatizer(nlp)
    return nlp
