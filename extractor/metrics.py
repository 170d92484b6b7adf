"""What a count counts: the metric a noun names ("car break-ins" -> "car break-in"), one named
elsewhere in its sentence ("the number of homicides"), or the one a list or table header names
("Homicides by year:" -> "homicide"). Figures, changes and claims read their metrics here; the
word lists are in rules/metrics.json.

    >>> metric_of_label("Number of overdose deaths, 2019-2023")
    'overdose death'
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from .components import doc_text
from .rules import derived, load, regexes
from .vocabulary import IRREGULAR_PLURALS, SUPERLATIVES, singular

RULES = derived(lambda: load("metrics.json"))
NOT_METRIC_NOUNS = derived(lambda: set(RULES["not_metric_nouns"]))
NOT_METRIC_ADJECTIVES = derived(lambda: set(RULES["not_metric_adjectives"]))
GENERIC_NOUNS = derived(lambda: set(RULES["generic_nouns"]))
PEOPLE_NOUNS = derived(lambda: set(RULES["people_nouns"]))
PEOPLE_VERBS: dict[str, str] = derived(lambda: RULES["people_verbs"])
PARTICIPLES = derived(lambda: set(RULES["participles"]))
GENERIC_PARTICIPLES = derived(lambda: set(RULES["generic_participles"]))
STATE_VERBS = derived(lambda: set(RULES["state_verbs"]))
AVERAGE_WORDS = derived(lambda: set(RULES["average_words"]))
LABEL_STOP_PREFIXES = derived(lambda: sorted((p.split() for p in RULES["label_stop_prefixes"]), key=len, reverse=True))
LABEL_CUT_WORDS = derived(lambda: set(RULES["label_cut_words"]))


def _head_word(token: Token) -> str:
    """The singular of a head noun; hyphenated compounds ("break-ins") by rule, others by lemma."""
    text = token.text
    doc = token.doc
    if token.i >= 2 and doc[token.i - 1].text == "-":  # "break-ins": the last piece alone
        low = text.lower()
        return low[:-1] if low.endswith("s") and not low.endswith("ss") else low
    if text.isupper() or token.lemma_ == "" or token.pos_ == "PROPN":
        return singular(text)
    if text.lower() in IRREGULAR_PLURALS:
        return IRREGULAR_PLURALS[text.lower()]
    lemma = token.lemma_.lower()
    return lemma if lemma and lemma[0] == text[0].lower() else singular(text)


def metric_from_noun(noun: Token) -> str | None:
    """The lowercase singular noun phrase headed by `noun`: its compounds and category
    adjectives, hyphenated pieces joined ("car break-ins" -> "car break-in")."""
    doc = noun.doc
    # "12,340 noise calls across ...", "2020: 131 homicides": a plural noun after a noun or a
    # count, tagged as a verb
    before = doc[noun.i - 1] if noun.i > 0 else None
    misread = noun.tag_ == "VBZ" and before is not None and (before.pos_ in ("NOUN", "PROPN") or before.tag_ == "CD")
    if noun.pos_ not in ("NOUN", "PROPN") and not misread or not noun.is_alpha and "-" not in noun.text:
        return None
    demonym = noun.ent_type_ == "NORP" and noun.tag_ in ("NNPS", "NNS")  # "2,000 Americans"
    if noun.pos_ == "PROPN" and not noun.text.isupper() and noun.ent_type_ and not demonym:
        return None  # "311 Response Center", "Engine 7": part of a name
    head = _head_word(noun)
    if head in NOT_METRIC_NOUNS or noun.text.lower() in NOT_METRIC_NOUNS:
        return None
    if noun.text.lower() in PEOPLE_NOUNS:
        verbs = [noun.head] if noun.dep_ in ("nsubj", "nsubjpass") else []
        verbs += [c for c in noun.children if c.dep_ in ("acl", "relcl")]
        for verb in verbs:
            if event := PEOPLE_VERBS.get(verb.lemma_.lower()):
                return event  # "Fourteen people drowned" counts drownings
    words: list[str] = [head]
    i = noun.i - 1
    while i >= 0:
        t = doc[i]
        if t.text == "-" and i > 0:
            words[0] = f"{doc[i - 1].text.lower()}-{words[0]}"
            i -= 2
            continue
        acronym = t.text.isupper() and 2 <= len(t.text) <= 5  # "DUI arrests", "EMS runs"
        if (
            (t.dep_ in ("compound", "amod", "nmod") or misread and t.dep_ == "nsubj" and t.head.i == noun.i)
            and t.head.i >= noun.i - 4
            and t.is_alpha
            and t.text.lower() not in NOT_METRIC_ADJECTIVES
            and not t.like_num
            and t.tag_ not in ("JJS", "JJR", "RBS")
            and (acronym or (t.pos_ != "PROPN" and t.ent_type_ == ""))
        ):
            words.insert(0, t.text.lower())
            i -= 1
            continue
        break
    if len(words) > 1 and words[0] in ("related", "involved", "caused") and i >= 0 and doc[i].pos_ in ("NOUN", "PROPN"):
        words.insert(0, doc[i].text.lower())  # "drug related deaths", the hyphen left out
    return " ".join(words)


def metric_of_sentence(span: Span, at: int | None = None) -> str | None:
    """A metric named elsewhere in a sentence, for a count without a noun of its own: "the
    number of homicides", "the fewest homicides since 2014, when police recorded 211", or the
    subject of the verb stating the count at token `at` ("Homicides fell to 52")."""
    doc = span.doc
    for t in span:
        low = t.text.lower()
        nxt = doc[t.i + 1] if t.i + 1 < span.end else None
        if low in GENERIC_NOUNS and nxt is not None and nxt.text.lower() == "of":
            for child in nxt.children:
                if child.dep_ == "pobj" and (m := metric_from_noun(child)):
                    return m
        if low in SUPERLATIVES and nxt is not None and nxt.pos_ == "NOUN" and (m := metric_from_noun(nxt)):
            return m
    if at is None:
        return None
    verb = _verb_of(doc[at])
    if verb.lemma_.lower() not in STATE_VERBS:
        if verb.tag_ != "VBN" or verb.i <= at:
            return None
        # "Rescues have climbed, with 212 rescued in 2031": the participle repeats the
        # subject of the sentence's verb
        verb = span.root
        if verb.lemma_.lower() not in STATE_VERBS:
            return None
    for child in verb.children:
        if (
            child.dep_ in ("nsubj", "nsubjpass")
            and child.pos_ in ("NOUN", "PROPN")
            and child.text.lower() not in GENERIC_NOUNS
            and (m := metric_from_noun(child))
        ):
            return m
    return None


def names_an_average(noun: Token) -> bool:
    """ "the jail's average daily population": an average, never a count."""
    return any(c.text.lower() in AVERAGE_WORDS for c in noun.children) or noun.text.lower() in AVERAGE_WORDS


def _verb_of(token: Token) -> Token:
    """The verb a count hangs from, a few steps up the parse (or the last head reached)."""
    verb = token
    for _ in range(4):
        if verb.head.i == verb.i:
            break
        verb = verb.head
        if verb.pos_ in ("VERB", "AUX"):
            break
    return verb


def metric_of_label(label: str) -> str | None:
    """The metric a list or table header names, read by its shape (headers are too short for the
    tagger): "Homicides by year:" -> "homicide", "Dog intakes" -> "dog intake", "Injuries to
    subjects" -> "injury", "Number of overdose deaths, 2019-2023" -> "overdose death"."""
    words: list[str] = []
    for w in regexes.LABEL_WORD.findall(label):
        if not w[0].isalpha() or w.lower() in LABEL_CUT_WORDS:
            if words:
                break
            continue
        words.append(w.lower())
    for prefix in LABEL_STOP_PREFIXES:
        if words[: len(prefix)] == prefix:
            words = words[len(prefix) :]
            break
    while len(words) > 1 and (words[-1].endswith("ed") or words[-1] in PARTICIPLES):
        # "Bicycle crashes reported" counts bicycle crashes; "Vehicles stolen" and "Vehicles
        # recovered" are two metrics: stolen and recovered vehicles
        participle = words.pop()
        if participle not in GENERIC_PARTICIPLES:
            words.insert(0, participle)
            break
    if not words or len(words) > 5:
        return None
    words[-1] = singular(words[-1])
    if words[-1] in NOT_METRIC_NOUNS or words[-1] in ("year", "fiscal", "month", "date"):
        return None
    return " ".join(words)


def metric_of_header(doc: Doc, start_char: int, end_char: int) -> str | None:
    """The metric of a header line of the Doc (see `metric_of_label`)."""
    return metric_of_label(doc_text(doc)[start_char:end_char])


def subject_names_an_average(token: Token) -> bool:
    """Whether the subject of the verb a number hangs from names an average: "The average
    was 36"."""
    verb = _verb_of(token)
    return any(c.dep_ in ("nsubj", "nsubjpass") and names_an_average(c) for c in verb.children)
