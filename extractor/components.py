"""The project's spaCy pipeline components, registered as factories. They annotate the Doc (sentence
starts at line breaks, numeric values on tokens); the extractors read those annotations.

What a Doc carries that must travel with it (`to_bytes`, `DocBin`, pickle, `nlp.pipe(n_process=...)`)
is plain data in `Doc.user_data`: the article's inputs here, the facts in extractor/docfacts.py.
Working data built from the Doc (its text, sentences as Spans, token tables, people) is kept in
its `memo`, which is never serialised."""

from __future__ import annotations

import datetime as dt
from bisect import bisect_left
from collections.abc import Callable
from typing import Any

import numpy
from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from .numbers import NUMBER_WORDS, is_year_token, token_value
from .rules import Carrier
from .rules import scope as rules_scope

# in pipeline order: each reads the attributes of those before it
FACT_COMPONENTS = (  # imported by extractors (pipeline.py) and fastmodel (left out of its probe)
    "extractor_location",
    "extractor_facts",
    "extractor_people",
    "extractor_dates",
    "extractor_quotes",
    "extractor_officials",
    "extractor_events",
)
if not Token.has_extension("number"):
    Token.set_extension("number", default=None)  # float value of a numeric or number-word token
# The article's inputs, set on its Doc before the pipeline runs (extractors.article_doc)
PUBLISHED = "extractor_published"


def get_published(doc: Doc) -> dt.date | None:
    value = doc.user_data.get(PUBLISHED)
    return dt.date.fromisoformat(value) if value else None


def set_published(doc: Doc, value: dt.date | None) -> None:
    doc.user_data[PUBLISHED] = value.isoformat() if value else None  # a string: msgpack takes no date


if not Doc.has_extension("published"):
    Doc.set_extension("published", getter=get_published, setter=set_published)  # datetime.date, or None
if not Doc.has_extension("title"):
    Doc.set_extension("title", default=None)  # the headline, where it is not the text's first line
# set by the extractor_location component; the facts read it
if not Doc.has_extension("location"):
    Doc.set_extension("location", default=None)  # the place the article is about


# the tags of words no sentence stops on: an article, a preposition, a conjunction, a possessive
UNFINISHED_TAGS = frozenset({"DT", "IN", "CC", "TO", "PRP$", "WDT", "POS"})
# what ends a sentence or a line of its own: a final stop, a colon, a closing quotation mark
SENTENCE_END_MARKS = (".", "!", "?", ":", '"', "\u201d")


def line_breaks(doc: Doc) -> Doc:
    """A line break ends a sentence: list lines ("2020: 263 HOMICIDES"), table rows and headlines
    are units of their own, whatever the parser would join. Runs before the parser, which keeps
    preset boundaries. But a single line break inside a sentence (scraped links on lines of their
    own: "In 2021,\nnine\npeople drowned") is left to the parser (`_continues_line`)."""
    for token in doc[1:]:
        before = doc[token.i - 1]
        if not token.is_space and "\n" in before.text_with_ws and not _continues_line(doc, token):
            token.is_sent_start = True
        elif token.is_alpha and before.like_num and "\n" not in before.whitespace_:
            token.is_sent_start = False  # "312 rescues": a word right after a number goes on its sentence
    return doc


def _continues_line(doc: Doc, token: Token) -> bool:
    """Whether the line that `token` opens goes on with the sentence of the line before, where a
    count stands on a line of its own (scraped links: "In 2021,\nnine\npeople drowned", "from
    the\n462\ndeaths"): one line break only (no blank line between), and either a number ends
    the line before and the next opens in lowercase, or a number opens the next line and the line
    before stops on a comma or a word no sentence ends on (an article, a preposition, a
    conjunction)."""
    j, gap = token.i - 1, ""
    while j >= 0 and doc[j].is_space:
        gap = doc[j].text_with_ws + gap
        j -= 1
    if j < 0 or (doc[j].whitespace_ + gap).count("\n") != 1:
        return False
    last = doc[j]
    if _is_number(last):
        return token.text[:1].islower()
    if not _is_number(token):
        return False
    if last.text == "," or last.tag_ in UNFINISHED_TAGS:
        return True
    # a number alone on its line between a line without a final stop and a lowercase line ("there
    # was\none\nadditional victim")
    k, after = token.i + 1, token.whitespace_
    while k < len(doc) and doc[k].is_space:
        after += doc[k].text_with_ws
        k += 1
    alone = "\n" in after
    return alone and k < len(doc) and doc[k].text[:1].islower() and not last.text.endswith(SENTENCE_END_MARKS)


def _is_number(token: Token) -> bool:
    """A count's number; not a year, whose line break the figures bridge themselves."""
    return (token.like_num or token.lower_ in NUMBER_WORDS) and not is_year_token(token)


def numbers(doc: Doc) -> Doc:
    """Token._.number: the value of digits ("1,204", "12.5"), number words ("forty-two") and
    "dozen". Scale words ("1.2 million") are combined by the figure extractor. Read from the
    tokens' texts (no Token objects made), each distinct text once."""
    strings = doc.vocab.strings
    texts, which = numpy.unique(doc.to_array("ORTH"), return_inverse=True)  # each distinct text once
    values = [token_value(strings[orth]) for orth in texts.tolist()]
    numeric = [k for k, value in enumerate(values) if value is not None]
    for i in numpy.flatnonzero(numpy.isin(which, numeric)).tolist():
        doc[i]._.number = values[which[i]]  # the attribute's default is None: only numbers are set
    return doc


# Factories rather than @Language.component: the package's `spacy_factories` entry points name
# them, so that spacy.load finds them in a saved pipeline, and an entry point must be a factory.
@Language.factory("extractor_line_breaks", assigns=["token.is_sent_start"])
def make_line_breaks(nlp: Language, name: str) -> Callable[[Doc], Doc]:
    return line_breaks_in_rules


def line_breaks_in_rules(doc: Doc) -> Doc:
    """`line_breaks` with the rules of the Doc's pipeline in effect (its number words)."""
    with rules_scope(doc.vocab):
        return line_breaks(doc)


class NumbersComponent(Carrier):
    """Token._.number (`numbers`); carries the number words (rules/numbers.json, `Carrier`):
    read in `initialize`, saved by `to_disk`, read back by `from_disk`."""

    RULE_FILES = ("numbers.json",)

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name
        self.vocab = nlp.vocab
        self.rule_files = None  # read in initialize or from_disk, not when made

    def __call__(self, doc: Doc) -> Doc:
        self.rules_for(doc.vocab)
        with rules_scope(doc.vocab):
            return numbers(doc)


@Language.factory("extractor_numbers", assigns=["token._.number"])
def make_numbers(nlp: Language, name: str) -> NumbersComponent:
    return NumbersComponent(nlp, name)


MEMO = "extractor_memo"


class DocMemo(dict[str, Any]):
    """A Doc's working data: built from the Doc when first asked, never serialised. It lives in
    the Doc's `user_hooks` (which `to_bytes` and `DocBin` leave out), so it dies with the Doc
    (Spans in it refer back to the Doc: a cycle the collector frees, where a module-level cache
    would hold every Doc alive), and pickles empty. `owner` is the Doc it was made for: a copy of
    the Doc (`Doc.copy` copies the hooks) makes its own."""

    def __init__(self, owner: int = 0) -> None:
        super().__init__()
        self.owner = owner

    def __reduce__(self) -> tuple[type[DocMemo], tuple[()]]:
        return DocMemo, ()  # pickled empty: Spans do not travel, and all of it can be built again


def memo(doc: Doc) -> dict[str, Any]:
    """The Doc's working data (`DocMemo`), made on first use."""
    hooks: dict[str, Any] = doc.user_hooks  # spaCy types them as callables; it reads only its own keys
    found = hooks.get(MEMO)
    if not isinstance(found, DocMemo) or found.owner != id(doc):
        found = hooks[MEMO] = DocMemo(id(doc))
    return found


def forget(doc: Doc) -> Doc:
    """Drops the Doc's working data: the pipeline's last fact component does, so that the Doc
    leaves the pipeline with plain data only (`Doc.to_bytes` warns about any user hook)."""
    doc.user_hooks.pop(MEMO, None)
    return doc


def doc_text(doc: Doc) -> str:
    """The Doc's text, built once: `Doc.text` joins every token on each access, made as a Token.
    Built the way `Doc.text` is (each token's text, then a space where it has one) from arrays."""
    text = memo(doc).get("text")
    if text is None:
        spaces = doc.to_array("SPACY").tolist()
        text = "".join([w + " " if space else w for w, space in zip(texts(doc), spaces, strict=True)])
        memo(doc)["text"] = text
    return text


def lowers(doc: Doc) -> list[str]:
    """Each token's lowercase form, built once; reading it avoids making Token objects."""
    return _token_strings(doc, "LOWER", "extractor_lowers")


def texts(doc: Doc) -> list[str]:
    """Each token's text, built once; reading it avoids making Token objects."""
    return _token_strings(doc, "ORTH", "extractor_texts")


def _token_strings(doc: Doc, attribute: str, key: str) -> list[str]:
    """Each token's string for `attribute`, cached on the Doc under `key`; each distinct value
    is looked up in the StringStore once."""
    cached = memo(doc).get(key)
    if cached is None:
        strings = doc.vocab.strings
        forms, which = numpy.unique(doc.to_array(attribute), return_inverse=True)
        words = [strings[h] for h in forms.tolist()]
        cached = memo(doc)[key] = [words[k] for k in which.tolist()]
    return cached


def entities(doc: Doc) -> tuple[Span, ...]:
    """`Doc.ents`, made again only when the entity annotation changed: it makes every Span on each
    call."""
    marks = doc.to_array(["ENT_IOB", "ENT_TYPE"]).tobytes()
    cached = memo(doc).get("entities")
    if cached is None or cached[0] != marks:
        cached = memo(doc)["entities"] = (marks, tuple(doc.ents))
    ents: tuple[Span, ...] = cached[1]
    return ents


def number_tokens(doc: Doc) -> list[int]:
    """The indices of the tokens that may be numbers, in order: a digit first ("1,204", "2021",
    "5th") or a number word ("forty"); built once from `lowers`."""
    cached = memo(doc).get("number_tokens")
    if cached is None:
        low = lowers(doc)
        numeric = {w for w in set(low) if w[:1].isdigit() or w in NUMBER_WORDS}  # each distinct word read once
        cached = memo(doc)["number_tokens"] = [i for i, w in enumerate(low) if w in numeric]
    return cached


def next_index(indices: list[int], i: int, end: int) -> int:
    """The first of the sorted `indices` at or after i, or `end` when there is none before it:
    where a loop over tokens i..end that reads only those tokens goes next."""
    k = bisect_left(indices, i)
    return indices[k] if k < len(indices) and indices[k] < end else end


def sentences(doc: Doc) -> list[Span]:
    """The Doc's sentences, made once: `Doc.sents` makes every Span again on each call."""
    cached = memo(doc).get("sentence_spans")
    if cached is None:
        cached = memo(doc)["sentence_spans"] = list(doc.sents)
    return cached


def sentence_of(token: Token) -> Span:
    """The sentence of a token, from a table built once per Doc: `Token.sent` walks the whole
    sentence on every call, which a flood of one 100,000-token "sentence" makes quadratic."""
    doc = token.doc
    table = memo(doc).get("sentences")
    if table is None:
        spans = sentences(doc)
        index = [0] * len(doc)
        for k, s in enumerate(spans):
            for i in range(s.start, s.end):
                index[i] = k
        table = memo(doc)["sentences"] = (spans, index)
    spans, index = table
    return spans[index[token.i]]


def in_headline(token: Token) -> bool:
    """Whether a token lies in a headline: a first line without a sentence's final stop."""
    first_line = doc_text(token.doc).split("\n", 1)[0]
    return token.idx < len(first_line) and not first_line.rstrip().endswith((".", "\u201d", '"'))
