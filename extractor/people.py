"""People in a Doc: every mention of a person (named entities and names led by a title), their
titles and organizations, and one Person per individual with every alias resolved ("Mayor
Tishaura O. Jones" = "Mayor Jones" = "Tishaura Jones"; "Robert Tracey" ... "Tracy said")."""

from __future__ import annotations

import functools
import itertools
from dataclasses import dataclass, field
from typing import Any

import numpy
from rapidfuzz.distance import OSA
from spacy.attrs import ENT_TYPE, IS_ALPHA, IS_LOWER, IS_PUNCT, LEMMA, LOWER, POS
from spacy.symbols import PROPN
from spacy.tokens import Doc, Token

from .components import doc_text, entities, lowers, memo, next_index, texts
from .rules import derived, grouped, load

TITLES = derived(lambda: load("titles.json"))
ABBREVIATIONS: dict[str, str] = derived(lambda: TITLES["abbreviations"])
ROLE_NOUNS = derived(lambda: set(TITLES["role_nouns"]))
PRIVATE_UNLESS_PUBLIC = derived(lambda: set(TITLES["private_unless_public"]))
MODIFIERS = derived(lambda: set(TITLES["modifiers"]))
PUBLIC_WORDS = derived(lambda: set(TITLES["public_words"]))
ADDRESS_HONORIFICS = derived(lambda: set(TITLES["address_honorifics"]))
HONORIFICS = derived(lambda: set(TITLES["honorifics"]) | ADDRESS_HONORIFICS)
DESCRIPTIVE_ROLES = derived(lambda: set(TITLES["descriptive_roles"]))
SPOKES_ROLES = derived(lambda: {r for r in DESCRIPTIVE_ROLES if r.startswith("spokes")})
ADJECTIVE_ROLES = derived(lambda: set(TITLES["adjective_roles"]))
GENDER = derived(lambda: load("gender.json"))
MALE_WORDS = derived(lambda: set(GENDER["male_words"]))
FEMALE_WORDS = derived(lambda: set(GENDER["female_words"]))
NAME_SUFFIXES = {"jr.", "sr.", "jr", "sr", "ii", "iii", "iv"}
NOT_NAME_WORDS = derived(lambda: set(TITLES["not_name_words"]))
HEADLINE_VERBS = derived(lambda: set(TITLES["headline_verbs"]))
PRIVATE_BODY_WORDS = derived(lambda: set(TITLES["private_body_words"]))
COURT_WORDS = derived(lambda: set(TITLES["court_words"]))
DEGREE_HONORIFICS = derived(
    lambda: {"dr.", "dr", "prof.", "rev."} | ADDRESS_HONORIFICS
)  # may stand between a title and a name
COUNCIL_BODIES = derived(lambda: set(TITLES["council_bodies"]))
NAMED_FOR_WORDS = derived(lambda: set(TITLES["named_for_words"]))
ACCUSED_WORDS = derived(lambda: set(TITLES["accused_words"]))
COURT_WINDOW = 20  # tokens either side of a name
PRIVATE_FIELDS = {"sales", "marketing", "business", "investor", "product", "products", "brand", "development"}
NAME_PARTICLES = {"-", "de", "la", "van", "von", "del", "da", "di", "le", "du", "bin", "al", "st.", "o'", "mc"}
MAX_TITLE_TOKENS = 5
FINITE_VERB_TAGS = {"VBD", "VBZ", "VBP", "MD"}
NEVER_NAME_ENTITIES = {"DATE", "TIME", "NORP", "CARDINAL", "ORDINAL", "PERCENT", "MONEY", "QUANTITY"}
MAX_ORGANIZATION_TOKENS = 12
MAX_LIST_TOKENS = 16  # "Supervisors Ann Cole, Lee Park, and Omar Haddad"
MAX_LIST_PLACES = 8  # "... Ann Cole and Lee Park of Central Justice Center, Omar Haddad ... of West ..."
KEPT_MODIFIERS = derived(lambda: set(TITLES["kept_modifiers"]))
ABBREVIATION_HEADS = derived(lambda: {t.split()[-1] for t in ABBREVIATIONS.values()})
COMPOUND_TITLES = derived(lambda: sorted((tuple(t.split()) for t in TITLES["compound_titles"]), key=len, reverse=True))
# the same, longest first, by last word
COMPOUND_TITLES_BY_LAST: dict[str, list[tuple[str, ...]]] = derived(
    lambda: grouped((t[-1], t) for t in COMPOUND_TITLES)
)


@functools.cache
def _name_detector() -> Any:
    import gender_guesser.detector

    return gender_guesser.detector.Detector(case_sensitive=False)


def first_name_gender(word: str | None) -> str | None:
    """ "he" or "she" for a first name most people with it are given that gender by, from the
    gender-guesser package's dictionary of first names; None for names of either or unknown."""
    if not word or not word[:1].isupper() or len(word.rstrip(".")) < 2:
        return None
    guess = _name_detector().get_gender(word.split("-")[0])
    return {"male": "he", "mostly_male": "he", "female": "she", "mostly_female": "she"}.get(guess)


def first_name_gender_is_sure(word: str | None) -> bool:
    """Whether nearly everyone with this first name is given one gender ("Mary"), rather than most
    ("Terry", "Robin"): a pronoun of the other gender may still refer to a "mostly" name."""
    if not word or not word[:1].isupper() or len(word.rstrip(".")) < 2:
        return False
    return _name_detector().get_gender(word.split("-")[0]) in ("male", "female")


def is_first_name(word: str) -> bool:
    """A word the gender-guesser dictionary knows as a first name, of either gender."""
    return word[:1].isupper() and len(word) > 1 and _name_detector().get_gender(word.split("-")[0]) != "unknown"


@dataclass
class Mention:
    start: int  # character offsets of the name as written (no title, no possessive)
    end: int
    words: tuple[str, ...]
    token_start: int
    token_end: int
    title: str | None = None
    organization: str | None = None
    cue_words: tuple[str, ...] = ()  # lowercase words before the name: honorifics, titles
    title_before_name: bool = False  # "Lt. Sarah Brickner" rather than "Brickner, the commander"
    title_context: tuple[str, ...] = ()  # words naming the body before a title: "Campaign"
    # a position in capitals in an appositive after a titled name: "Assistant District Attorney Ann
    # Cole, Chief of the Fraud Bureau," (the most specific position; not "Lt. Ann Cole, commander of")
    position: str | None = None
    cause_council: bool = False  # "Harbor Domestic Violence Council President": a council of a cause
    # a title in lowercase led by "the" or an owner ("killed the clerk Ann Cole", "the center's
    # director, Ann Cole,"): a description of the person, which says no public office by itself
    described: bool = False
    accused: bool = False  # "suspect Ann Cole", "the defendant, Ann Cole,": named as one accused
    title_lowercase: bool = False  # "agent Ann Cole": a title before the name written in lowercase

    def private_context(self, role: str) -> bool:
        """ "Campaign Chairman Ann Cole", "ACME President Lee Park": a role that may be private,
        led by a body's name with no public word in it."""
        # an acronym tells nothing; a word of a title left out of it ("Senior") names no body
        words = [
            w.lower()
            for w in self.title_context
            if not w.isupper() and (w.lower() not in MODIFIERS or w.lower() in PUBLIC_WORDS)
        ]
        title = (self.title or "").split()
        return (
            role in PRIVATE_UNLESS_PUBLIC
            and bool(words)
            and not any(w.removesuffix("'s").removesuffix("\u2019s") in PUBLIC_WORDS for w in words + title)
        )

    @property
    def name(self) -> str:
        return " ".join(self.words)

    @property
    def gender(self) -> str | None:
        words = {w.lower() for w in self.cue_words}
        if words & FEMALE_WORDS:
            return "she"
        if words & MALE_WORDS:
            return "he"
        return first_name_gender(self.first)

    @property
    def gender_is_sure(self) -> bool:
        """An honorific, title or kin word tells, or a first name nearly always of one gender."""
        if {w.lower() for w in self.cue_words} & (FEMALE_WORDS | MALE_WORDS):
            return True
        return first_name_gender_is_sure(self.first)

    @property
    def surname(self) -> str:
        words = [w for w in self.words if w.lower() not in NAME_SUFFIXES]
        return words[-1] if words else self.words[-1]

    @property
    def first(self) -> str | None:
        return self.words[0] if len(self.words) > 1 else None


@dataclass
class Person:
    mentions: list[Mention] = field(default_factory=list)
    # written alone by a word the article also writes as the last of a full name ("Clinton" under
    # the headline "Hillary Clinton ..."): a surname, so no first name tells the gender
    surname_alone: bool = False

    @property
    def name(self) -> str:
        """The fullest form used: most words, then the earliest."""
        best = max(self.mentions, key=lambda m: (len(m.words), -m.start))
        return best.name

    @property
    def surname(self) -> str:
        return max(self.mentions, key=lambda m: (len(m.words), -m.start)).surname

    @property
    def aliases(self) -> list[str]:
        seen: list[str] = []
        for m in self.mentions:
            if m.name != self.name and m.name not in seen:
                seen.append(m.name)
        return seen

    @property
    def title(self) -> str | None:
        """The title written before the name where there is one ("Lt. Sarah Brickner, commander of
        the post" is a lieutenant), the most specific of them; else an appositive's."""
        positions = [m.position for m in self.mentions if m.position]
        if positions:
            return positions[0]
        before = [m.title for m in self.mentions if m.title and m.title_before_name]
        titles = before or [m.title for m in self.mentions if m.title]
        return max(titles, key=lambda t: (len(t.split()), -titles.index(t))) if titles else None

    @property
    def organization(self) -> str | None:
        return next((m.organization for m in self.mentions if m.organization), None)

    @property
    def gender(self) -> str | None:
        """ "he" or "she" where a first name, honorific or title tells; None otherwise."""
        votes = [m.gender for m in self.mentions if m.gender]
        if not votes and all(len(m.words) == 1 for m in self.mentions) and not self.surname_alone:
            return first_name_gender(self.mentions[0].words[0])  # "Melanie", named by her first name only
        return max(set(votes), key=votes.count) if votes else None

    @property
    def gender_is_sure(self) -> bool:
        """Whether the gender comes from a word that settles it, not from a "mostly" first name."""
        gender = self.gender
        if gender is None:
            return False
        if all(len(m.words) == 1 for m in self.mentions):
            return first_name_gender_is_sure(self.mentions[0].words[0])
        return any(m.gender == gender and m.gender_is_sure for m in self.mentions)

    def _public_context(self, title: str) -> bool:
        """Whether the title or the organization has a word of a public body."""
        context = f"{title} {self.organization or ''}".lower().split()
        return any(w.strip("'s,.") in PUBLIC_WORDS or w in PUBLIC_WORDS for w in context)

    @staticmethod
    def _described(m: Mention, role: str) -> bool:
        """A title before the name that describes rather than names an office: after "the" or an
        owner, or a role that may be private written in lowercase ("agent Ann Cole")."""
        if m.described:
            return True
        if not m.title_lowercase or role not in PRIVATE_UNLESS_PUBLIC or role in DESCRIPTIVE_ROLES:
            return False
        if any(w.isupper() and len(w) > 1 for w in m.title_context):
            return False  # "ABC chief economist Ann Cole": an acronym tells nothing, the title stands
        words = [w.lower().removesuffix("'s") for w in m.title_context] + (m.title or "").split()
        return not any(w in PUBLIC_WORDS for w in words)  # "trust member Ann Cole" names a public body

    def private_body(self) -> bool:
        """Whether the body the person serves is named as a private one: an association, a
        foundation, a coalition, a company ("Executive Director of the Harbor Dealers' Association",
        "Coalition President Ann Cole")."""
        if any(m.cause_council for m in self.mentions):
            return True
        words: list[str] = []
        for m in self.mentions:
            words += [w.lower() for w in m.title_context]
            words += (m.organization or "").lower().split()
        return any(w.strip(".,'\u2019") in PRIVATE_BODY_WORDS for w in words)

    @property
    def is_official(self) -> bool:
        title = self.title
        if title is None:
            return False
        role = title.split()[-1]
        if self.private_body() or any(m.accused for m in self.mentions):
            return False  # a private body's staff, or a person the article names as accused
        before = any(m.title_before_name for m in self.mentions)  # "Assistant U.S. Attorney Ann Cole"
        if role == "attorney" and self.organization and not before and not self._public_context(title):
            return False  # "a senior attorney at the Harbor Justice Project": a lawyer, not a prosecutor
        if title == "attorney" and not self._public_context(title):
            return False  # "defense attorney Ann Cole", "the family's attorney": a lawyer; no office named
        if any(
            m.title_before_name and not self._described(m, role) and not m.private_context(role) for m in self.mentions
        ):
            return True  # a capitalized title before a name is a public office in press style
        if role in PRIVATE_UNLESS_PUBLIC:
            context = f"{title} {self.organization or ''}".lower().split()
            return any(w.strip("'s,.") in PUBLIC_WORDS or w in PUBLIC_WORDS for w in context)
        return True


def _is_name_word(token: Token) -> bool:
    text = token.text
    if not text[:1].isupper() or token.is_punct:
        return False
    if text.lower() in ABBREVIATIONS or text.lower() in HONORIFICS or text.lower() in ROLE_NOUNS:
        return False
    if text.lower() in NOT_NAME_WORDS or _plural_role(text):
        return False
    return token.pos_ in ("PROPN",) or token.ent_type_ == "PERSON" or (len(text) == 2 and text[1] == ".")


def _may_be_name_word(text: str) -> bool:
    """`_is_name_word` of the word alone: no abbreviation, honorific, role or word that no name is."""
    low = text.lower()
    return not (
        low in ABBREVIATIONS or low in HONORIFICS or low in ROLE_NOUNS or low in NOT_NAME_WORDS or _plural_role(text)
    )


def _name_words(doc: Doc) -> tuple[list[bool], list[int]]:
    """`_is_name_word` of every token, and the indices of those that are, built once per Doc: only
    a word with a capital first may be one, so only those are made into Tokens."""
    cached = memo(doc).get("extractor_name_words")
    if cached is None:
        words = texts(doc)
        # what `_is_name_word` reads of the word alone, each distinct text once
        lexical = {w for w in set(words) if w[:1].isupper() and _may_be_name_word(w)}
        strings = doc.vocab.strings
        candidates = [i for i, w in enumerate(words) if w in lexical]
        rows = doc.to_array([IS_PUNCT, POS, ENT_TYPE])[candidates].tolist() if candidates else []
        indices = [
            i
            for i, (punct, pos, ent_type) in zip(candidates, rows, strict=True)
            if not punct
            and (pos == PROPN or strings[ent_type] == "PERSON" or (len(words[i]) == 2 and words[i][1] == "."))
        ]
        flags = [False] * len(doc)
        for i in indices:
            flags[i] = True
        cached = memo(doc)["extractor_name_words"] = (flags, indices)
    return cached


NICKNAME_MARKS = {'"', "\u201c", "\u201d", "'", "\u2018", "\u2019"}
MAX_NICKNAME_WORDS = 2


def _nickname_mentions(doc: Doc) -> list[Mention]:
    """Names with a nickname in quote marks inside ("Thomas J. “Tommy” Vance", "Patricia “Trish”
    Lowe"): name words, an opening mark, one or two capitalized words, a closing mark, the surname.
    The first name must be one (a first name, or tagged as a person)."""
    found: list[Mention] = []
    words = texts(doc)
    marks = [i for i, w in enumerate(words) if w in NICKNAME_MARKS]  # only a mark opens a nickname
    name_word = _name_words(doc)[0]
    n = len(doc)
    k = next_index(marks, 1, n)
    while k < n:
        end = _nickname_close(doc, k)
        if end is None:
            k = next_index(marks, k + 1, n)
            continue
        start = k
        while start > 0 and k - start < MAX_TITLE_TOKENS - 1 and name_word[start - 1]:
            start -= 1
        last = end + 1
        while last < len(doc) and last - end <= 2 and (name_word[last] or _surname_shaped(doc[last])):
            last += 1
        first = doc[start]
        if start < k and last > end + 1 and (is_first_name(first.text) or first.ent_type_ == "PERSON"):
            found.append(_mention(doc, start, last))
            k = next_index(marks, last, n)
        else:
            k = next_index(marks, end + 1, n)
    return found


def _surname_shaped(token: Token) -> bool:
    """A capitalized word that no list calls a title or a non-name (the tagger may call a surname
    after a nickname a common noun)."""
    low = token.lower_
    return (
        token.is_alpha
        and token.text[:1].isupper()
        and low not in ROLE_NOUNS
        and low not in NOT_NAME_WORDS
        and low not in HONORIFICS
        and not _plural_role(token.text)
    )


def _nickname_close(doc: Doc, k: int) -> int | None:
    """The closing mark of a nickname opening at token `k` (a mark after a word and a space)."""
    if doc[k].text not in NICKNAME_MARKS or not doc[k - 1].whitespace_ or doc[k].whitespace_:
        return None
    j = k + 1
    while j < len(doc) and j - k <= MAX_NICKNAME_WORDS and doc[j].is_alpha and doc[j].text[:1].isupper():
        j += 1
    if j == k + 1 or j >= len(doc) or doc[j].text not in NICKNAME_MARKS or not doc[j].whitespace_:
        return None
    return j


def _plural_role(word: str) -> bool:
    """A title's plural: "Attorneys", or an abbreviated title's in capitals ("DDAs", "ADAs"; a
    word in lowercase is a role's only)."""
    low = word.lower()
    if len(low) > 3 and low.endswith("s") and low[:-1] in ROLE_NOUNS:
        return True
    return len(word) > 2 and word.endswith("s") and word[:-1].isupper() and low[:-1] in ABBREVIATIONS


def _singular_title(word: str) -> list[str]:
    """The words of one holder's title a plural title writes: "Attorneys" -> attorney, "DDAs" ->
    deputy district attorney."""
    low = word.lower()[:-1]
    return low.split() if low in ROLE_NOUNS else ABBREVIATIONS[low].split()


def _place_of_before(doc: Doc, end: int) -> int | None:
    """Where "of Central Justice Center" starts when it ends right before `end` after a name: "of"
    and one to five capitalized words."""
    if end >= 3 and doc[end - 1].text == ")":
        # "Assemblymembers Ann Cole (D-Harbor), Lee Park (D-Elm Grove), and ...", "(West Justice Center)"
        k = end - 2
        while k > 0 and end - k < MAX_TITLE_TOKENS + 3 and doc[k].text not in ("(", ")", ",", "."):
            k -= 1
        return k if doc[k].text == "(" and k > 0 and _is_name_word(doc[k - 1]) else None
    k = end
    while k > 0 and end - k < MAX_TITLE_TOKENS and doc[k - 1].text[:1].isupper() and doc[k - 1].is_alpha:
        k -= 1
    if k == end or k < 2 or doc[k - 1].lower_ != "of" or not _is_name_word(doc[k - 2]):
        return None
    return k - 1


def _name_across_break(doc: Doc, s: int, e: int) -> int:
    """Where a name ends that a line break cuts after its first name ("Chief Tom\nReyes", from a
    PDF): a first name alone before the break, name words after it."""
    name_word = _name_words(doc)[0]
    if not (e == s + 1 and e + 1 < len(doc) and _soft_space(doc, e) and is_first_name(doc[s].text)):
        return e
    if not name_word[e + 1] or doc[e + 1].lower_ in ROLE_NOUNS:
        return e
    e += 2
    while e < len(doc) and e - s < 4 and name_word[e]:
        e += 1
    return e


def _acronym_title_name(doc: Doc, title_start: int, i: int) -> bool:
    """ "contact HCDA PIO Ann Cole": an agency's acronym, a title and a first name and surname that
    the recognizer tagged as one organization; the entity opens at the acronym and ends at the name."""
    k = title_start - 1
    if k < 0 or not (doc[k].text.isupper() and doc[k].is_alpha and len(doc[k].text) > 1) or doc[k].ent_iob_ != "B":
        return False
    return (
        i + 2 <= len(doc)
        and is_first_name(doc[i].text)
        and doc[i + 1].ent_iob_ == "I"
        and (i + 2 == len(doc) or doc[i + 2].ent_iob_ != "I")
    )


def _soft_space(doc: Doc, k: int) -> bool:
    """Extra spaces, or a single line break, standing alone as a token inside a sentence."""
    return _soft_break(doc, k) or (doc[k].is_space and "\n" not in doc[k].text)


def _soft_break(doc: Doc, k: int) -> bool:
    """A single line break standing alone as a token (text from PDFs breaks lines mid-sentence)."""
    return doc[k].is_space and doc[k].text.count("\n") == 1 and not doc[k].text.strip(" \n")


def _past_soft_break(doc: Doc, i: int) -> int:
    """`i`, or one before where extra spaces or a line break inside a sentence stand right before it
    after a title word."""
    if i < 2 or not doc[i - 1].is_space or not _title_word(doc[i - 2]):
        return i
    if "\n" not in doc[i - 1].text:
        return i - 1  # "District Attorney  Ann Cole": spaces doubled
    return i - 1 if _soft_break(doc, i - 1) and not _title_line(doc, i - 2) else i


def _title_line(doc: Doc, k: int) -> bool:
    """Whether the title words ending at `k` fill their line ("Public Information Officer" under a
    name in a contact block), rather than ending a sentence's line ("said Police")."""
    while k >= 0 and (_title_word(doc[k]) or doc[k].text[:1].isupper() and doc[k].is_alpha):
        k -= 1
    return k < 0 or (doc[k].is_space and "\n" in doc[k].text) or "\n" in doc[k].whitespace_


def _title_word(token: Token) -> bool:
    """A capitalized word of a title: a role, a modifier or an abbreviation ("Police", "Chief")."""
    low = token.lower_
    return token.text[:1].isupper() and (low in ROLE_NOUNS or low in MODIFIERS or low in ABBREVIATIONS)


def _after_list_mark(doc: Doc, start: int) -> bool:
    """Whether a comma or "and" (spaces aside) stands right before `start`."""
    k = start - 1
    while k > 0 and doc[k].is_space:
        k -= 1
    return k >= 0 and doc[k].lower_ in (",", ";", "and")


def _list_title(doc: Doc, start: int) -> str | None:
    """The title a list of names shares: "Supervisors Ann Cole, Lee Park and Omar Haddad"."""
    j, steps, places = start, 0, 0
    while j > 0 and steps < MAX_LIST_TOKENS * (1 + places) and places <= MAX_LIST_PLACES:
        prev = doc[j - 1]
        if (
            prev.lower_ in (",", ";", "and")
            or prev.is_space
            or _is_name_word(prev)
            or prev.lower_ in ADDRESS_HONORIFICS
        ):
            j, steps = j - 1, steps + 1
            continue
        place = _place_of_before(doc, j)
        if place is None or j == start:
            break
        # "Deputy District Attorneys Ann Cole and Lee Park of Central Justice Center, Omar Haddad
        # ... of West Justice Center": the list names each pair's office after it
        places, steps, j = places + 1, steps + j - place, place
    while j < start and (doc[j].lower_ in (",", ";", "and") or doc[j].is_space):
        j += 1  # "Board of Supervisors, Harbor County ...": no list right after the title
    if j == start or j == 0 or not _plural_role(doc[j - 1].text):
        return None
    return _title_before(doc, j)[0]


def _compound_title_before(doc: Doc, end: int) -> tuple[list[str], int] | None:
    """A title of several words with small words inside ending right before `end`: "Special
    Agent in Charge", "Secretary of State"."""
    low = lowers(doc)
    for title in COMPOUND_TITLES_BY_LAST.get(low[end - 1], ()) if end > 0 else ():
        n = len(title)
        if end >= n and tuple(low[end - n : end]) == title and doc[end - 1].text[:1].isupper():
            return list(title), end - n
    return None


def _past_marks_before_name(doc: Doc, i: int) -> int:
    """Where a title may end before a name at `i`, past an acronym in parentheses ("District
    Attorney (OCDA) Ann Cole") or a doctor's honorific ("County Health Officer Dr. Ann Cole")."""
    low = lowers(doc)
    if i >= 3 and low[i - 1] == ")" and low[i - 3] == "(" and doc[i - 2].text.isupper():
        return i - 3
    if i >= 2 and low[i - 1] in DEGREE_HONORIFICS and (_title_word(doc[i - 2]) or _plural_role(doc[i - 2].text)):
        return i - 1
    return i


def _abbreviation_before(doc: Doc, i: int) -> tuple[list[str], int] | None:
    """A title's abbreviation ending right before `i`, spelled out, and its number of tokens: "Atty.
    Gen." (two), "Lt." (one), and "Mayor-elect" (three); not a first name written like initials
    ("Di")."""
    low = lowers(doc)
    if i >= 3 and low[i - 1] == "elect" and low[i - 2] == "-" and low[i - 3] in ROLE_NOUNS:
        return [f"{low[i - 3]}-elect"], 3  # "Mayor-elect": chosen, not yet in office
    pair = f"{low[i - 2]} {low[i - 1]}" if i >= 2 else ""
    if pair in ABBREVIATIONS:
        return ABBREVIATIONS[pair].split(), 2
    if low[i - 1] in ABBREVIATIONS and doc[i - 1].text[:1].isupper() and not _first_name_as_initials(doc[i - 1]):
        return ABBREVIATIONS[low[i - 1]].split(), 1
    return None


def _first_name_as_initials(token: Token) -> bool:
    """A first name written like a title's initials, in title case ("Di Li", not "DI Ann Cole")."""
    return len(token.text) == 2 and not token.text.isupper() and is_first_name(token.text)


def _no_title_here(doc: Doc, k: int, more: bool) -> bool:
    """A role noun at `k` that is no title: a compound with a number ("a 34-member caucus"), or a
    role that is also an adjective, in lowercase and alone ("a major Ann Cole retrospective"; not
    "the state's attorney general")."""
    low = lowers(doc)
    if k >= 2 and low[k - 1] == "-" and not doc[k - 2].whitespace_ and doc[k - 2].like_num:
        return True
    if more and low[k] in SPOKES_ROLES:
        return True  # "spokesman Sgt. Ann Cole": the rank right before the name is the title
    return (
        not more
        and low[k] in ADJECTIVE_ROLES
        and doc[k].text[:1].islower()
        and not (k > 0 and (low[k - 1] in ROLE_NOUNS or low[k - 1] in MODIFIERS))
    )


def _joined_title_word(doc: Doc, i: int) -> str | None:
    """A word of a title joined to the next by a mark, ending right before `i`: "Vice-" of
    "Vice-President", "State's" of "State's Attorney" (an owner's word in capitals, not "the
    state's attorney general, Ann Cole": an owner, then the title)."""
    if i < 2:
        return None
    low = lowers(doc)
    if low[i - 1] == "-" and low[i - 2] in MODIFIERS and not doc[i - 1].whitespace_:
        return low[i - 2]  # "Vice-President"
    if low[i - 1] in ("'s", "\u2019s") and f"{low[i - 2]}'s" in MODIFIERS and doc[i - 2].is_title:
        return f"{low[i - 2]}'s"
    return None


def _title_before(doc: Doc, start: int) -> tuple[str | None, int]:
    """The title standing right before a name: "Police Commissioner", "Atty. Gen.", "Public Works
    Director", "Special Agent in Charge". Returns the title (lowercase, abbreviations spelled out)
    and where it starts."""
    low = lowers(doc)
    i = start
    words: list[str] = []
    has_role = False
    compound = _compound_title_before(doc, start)
    if compound is not None:
        words, i = compound
        has_role = True
    if compound is None:
        i = _past_marks_before_name(doc, i)
    while i > 0 and len(words) < MAX_TITLE_TOKENS + 3:
        i = _past_soft_break(doc, i)  # "said Police\nChief Tom Reyes": a line broken inside a sentence
        prev = low[i - 1]
        joined = _joined_title_word(doc, i) if words else None
        if joined is not None:
            words.insert(0, joined)
            i -= 2
            continue
        abbreviation = _abbreviation_before(doc, i)
        if abbreviation is not None:
            spelled, taken = abbreviation
            words[:0] = spelled
            has_role, i = True, i - taken
            continue
        if not doc[i - 1].text[:1].isupper() and not (prev in ROLE_NOUNS or (words and prev in MODIFIERS)):
            break  # "said chief librarian Moira Tennant": a lowercase title too
        if _no_title_here(doc, i - 1, bool(words)):
            break
        if prev in ROLE_NOUNS:
            words.insert(0, prev)
            has_role, i = True, i - 1
            continue
        if not words and _plural_role(doc[i - 1].text) and doc[i - 1].text[:1].isupper():
            words[:0] = _singular_title(doc[i - 1].text)  # "Deputy District Attorneys Ann Cole and Lee Park", "DDAs"
            has_role, i = True, i - 1
            continue
        if prev in MODIFIERS and has_role:
            words.insert(0, prev)
            i -= 1
            continue
        break
    if not has_role:
        return None, start
    while words and words[0] in MODIFIERS and words[0] not in ROLE_NOUNS and words[0] not in ("chief",):
        if len(words) == 1 or words[0] in KEPT_MODIFIERS or (compound is not None and len(words) <= len(compound[0])):
            break
        words.pop(0)
        i += 1
    head = words[-1].removesuffix("-elect") if words else ""
    if compound is None and words and head not in ROLE_NOUNS and head not in ABBREVIATION_HEADS:
        return None, start
    # "Assistant United States Attorney" is the title "AUSA" spells out: one form of it
    return " ".join(words).replace("united states ", "u.s. "), i


def _organization_after(doc: Doc, end: int) -> str | None:
    """ "Director Carolyn Baca-Whitmore of the Animal Welfare Department" -> its organization."""
    low = lowers(doc)
    if end + 2 < len(doc) and low[end] in ("of", "for", "with", "at") and low[end + 1] == "the":
        j = end + 2
        words: list[str] = []
        while j < len(doc) and doc[j].text[:1].isupper() and len(words) < 8:
            words.append(doc[j].text)
            j += 1
        if words:
            return " ".join(words)
    return None


def _owner_and_title(doc: Doc, end: int, title_words: list[str]) -> tuple[str | None, list[str]] | None:
    """ "Leeds City Council's executive member": the body owning a title and the title's words;
    None where the owner has no title after it."""
    if "'s" not in title_words and "\u2019s" not in title_words:
        return None, title_words
    cut = max(k for k, w in enumerate(title_words) if w in ("'s", "\u2019s"))
    owner = [k for k, w in enumerate(title_words[:cut]) if w not in ("the", "a", "an")]
    organization = " ".join(doc[end + 1 + k].text for k in owner) or None
    if owner and not title_words[cut + 1 :]:
        return None
    return organization, title_words[cut + 1 :]


def _compound_after(low: list[str], j: int, role: str) -> list[str] | None:
    """The rest of a title of several words that `role` opens and that goes on at `j` ("head" +
    "of court", "chief" + "of staff"); None where none does."""
    for title in COMPOUND_TITLES:
        if title[0] == role and len(title) > 1 and tuple(low[j : j + len(title) - 1]) == title[1:]:
            return list(title[1:])
    return None


def _owner_of_title(token: Token) -> bool:
    """A one-word name tagged as a person that owns the title after it ("Riverton's police chief",
    "Riverton police chief"): a place the recognizer misread, not a list of people."""
    doc = token.doc
    one_word = token.ent_iob_ == "B" and (token.i + 1 >= len(doc) or doc[token.i + 1].ent_iob_ != "I")
    if not one_word or token.i + 1 >= len(doc):
        return False
    after = doc[token.i + 1]
    return after.text in ("'s", "\u2019s") or (after.is_lower and (after.text in MODIFIERS or after.text in ROLE_NOUNS))


def _appositive_words(doc: Doc, end: int) -> tuple[list[str], int]:
    """The lowercase words of the appositive after the comma at `end`, and where its first role
    ends in them (-1 where it has none)."""
    low = lowers(doc)
    j = end + 1
    limit = min(len(doc), j + 12)
    words: list[str] = []
    role_at = -1
    while j < limit and doc[j].text not in (",", ".", ";", "\u201c", '"', "(") and "\n" not in doc[j].text:
        if low[j] in ("who", "which", "that"):
            break
        compound = _compound_after(low, j, words[-1]) if role_at >= 0 and low[j] in ("of", "in", "at") else None
        if compound:
            words += compound  # "Ann Cole, Assistant Head of Court at Lakeside,": a title with "of" in it
            role_at, j = len(words), j + len(compound)
            continue
        if role_at >= 0 and low[j] in ("of", "for", "at", "with") and len(words) >= role_at:
            # "President of the County Chiefs' Association": the title ends at its first role
            words.append(low[j])
            k = j + 1
            while k < len(doc) and k - j <= MAX_ORGANIZATION_TOKENS and doc[k].text not in (",", ".", ";", "("):
                words.append(low[k])
                k += 1
            break
        words.append(low[j])
        if low[j] in ROLE_NOUNS:
            role_at = len(words)
        j += 1
    return words, role_at


def _appositive_title(doc: Doc, end: int, opened: bool = False) -> tuple[str | None, str | None]:
    """ "Ann Cole, the county's health director," / "Lee, a spokesman for the Police Department,";
    `opened`: the caller found where the title's words begin (after "who served as")."""
    low = lowers(doc)
    if end >= len(doc) or not opened and doc[end].text != "," and not _copula_before_position(doc, end):
        return None, None
    words, role_at = _appositive_words(doc, end)
    if role_at < 0:
        return None, None
    if doc[end + 1].pos_ in ("VERB", "ADP", "AUX", "PRON") and low[end + 1] not in ("the", "a", "an"):
        return None, None  # "Aziz, speaking through his solicitor," is no title
    if any(
        t.tag_ in FINITE_VERB_TAGS or t.ent_type_ == "PERSON" and not _owner_of_title(t)
        for t in doc[end + 1 : end + 1 + role_at]
    ):
        return None, None  # a clause ("Cole, Reyes made it clear ...") or a list of people, not a title
    first_role = next(k for k, w in enumerate(words) if w in ROLE_NOUNS)
    if any(w in ("of", "for", "at", "with", "to", "on", "as", "by", "from", "in") for w in words[:first_role]):
        return None, None  # "the grandson of Senator Lee Park": a relation, its head no role
    after = end + 1 + role_at
    if after < len(doc) and _is_name_word(doc[after]) and low[after] not in ROLE_NOUNS:
        return None, None  # "Ann Cole, Police Chief Lee Park ...": the next person's title and name
    if doc[end + 1].text in ("\u201d", "\u2019", "'", '"'):
        return None, None  # "... Morning Show,\u201d the host": a work's name closing a quotation
    owned = _owner_and_title(doc, end, words[:role_at])
    if owned is None:
        return None, None
    organization, title_words = owned
    rest = words[role_at:]
    if rest and rest[0] in ("of", "for", "at", "with"):
        org_words = [doc[end + 1 + role_at + k].text for k in range(1, len(rest))]
        org_words = [w for w in org_words if w.lower() not in ("the",)]
        organization = " ".join(org_words) or None
    while title_words and (
        title_words[0] in ("the", "a", "an", "its", "their", "his", "her", "longtime", "former")
        or title_words[0].endswith("'s")
        or title_words[0] == "'s"
    ):
        if title_words[0].endswith("'s") and organization is None:
            organization = title_words[0][:-2] or None
        title_words.pop(0)
    title_words = [w for w in title_words if w != "'s"]
    if not title_words:
        return None, None  # "a former mayor" keeps the title: a former official is one (GUIDE.md)
    return " ".join(title_words), organization


def _relative_clause_title(doc: Doc, end: int) -> tuple[str | None, str | None]:
    """A title a relative clause right after the name gives: "Tom Reyes, who served as mayor from
    2004 to 2012," "Ann Cole, who is the county's health director," (a former title is one too)."""
    low = lowers(doc)
    k = end + 2
    if k + 1 >= len(doc) or doc[end].text != "," or low[end + 1] != "who":
        return None, None
    if low[k] in ("has", "had") and low[k + 1] == "served":
        k += 1
    if low[k] in ("serves", "served") and k + 1 < len(doc) and low[k + 1] == "as":
        return _appositive_title(doc, k + 1, opened=True)
    if low[k] in ("is", "was") and low[k + 1] in ("the", "a", "an"):
        return _appositive_title(doc, k, opened=True)
    return None, None


def find_mentions(doc: Doc) -> list[Mention]:
    """Every mention of a person: PERSON entities and capitalized names led by a title."""
    mentions: list[Mention] = []
    taken: set[int] = set()
    common = _common_words(doc)
    for m in _nickname_mentions(doc):  # "Thomas J. “Tommy” Vance": one name, nickname and all
        mentions.append(m)
        taken.update(range(m.token_start, m.token_end))
    mentions += _entity_mentions(doc, taken, common)
    mentions += _titled_mentions(doc, taken, common)
    mentions += _appositive_mentions(doc, taken, common)
    mentions.extend(_contact_block_mentions(doc, taken, mentions))
    mentions.sort(key=lambda m: m.start)
    return mentions


def _common_words(doc: Doc) -> set[str]:
    """The words the article writes in lowercase, and the lemmas of those that are letters only:
    read from the Doc's arrays, each distinct (word, lemma) once."""
    strings = doc.vocab.strings
    rows = doc.to_array([IS_LOWER, IS_ALPHA, LOWER, LEMMA])
    lower = rows[:, 0] == 1
    lemmas = numpy.unique(rows[lower & (rows[:, 1] == 1), 3]).tolist()
    return {strings[h].lower() for h in lemmas} | {strings[h] for h in numpy.unique(rows[lower, 2]).tolist()}


def _person_entity_span(doc: Doc, start: int, end: int) -> tuple[int, int] | None:
    """A PERSON entity's name words, without titles and trailing marks, and with the words the
    recognizer cut off ("Curtis" + "Langford"); None where they are no name."""
    low = lowers(doc)
    s, e = start, end
    while s < e and (
        low[s] in HONORIFICS
        or low[s] in ABBREVIATIONS
        or low[s] in ROLE_NOUNS
        or low[s] in MODIFIERS
        or _plural_role(doc[s].text)
    ):
        s += 1
    while e > s and (doc[e - 1].text in ("'s", "\u2019s", "'", ",") or not doc[e - 1].text[:1].isalpha()):
        e -= 1
    if s >= e or not all(
        doc[k].text[:1].isupper() or low[k] in NAME_PARTICLES or _hyphen_part(doc, k) for k in range(s, e)
    ):
        return None
    if any(low[k] in NOT_NAME_WORDS for k in range(s, e)):
        return None  # "St Mary Street", "Police Crime Commissioner": places and offices, not people
    while e < len(doc) and _is_name_word(doc[e]) and doc[e].ent_type_ in ("", "PERSON") and e - s < 5:
        e += 1  # "Curtis" + "Langford": a name the entity recognizer cut short
    e = _name_across_break(doc, s, e)
    while (
        s > 0
        and _is_name_word(doc[s - 1])
        and doc[s - 1].ent_type_ in ("", "PERSON")
        and e - s < 5
        and _compound_title_before(doc, s) is None
    ):
        s -= 1  # "Gwen" + "Parry-Lloyd", not "Special Agent in Charge" + "Lena Marsh"
    return _past_label(doc, _past_compound_title(doc, s, e), e), e


def _before_headline_verb(doc: Doc, s: int, e: int, common: set[str]) -> int:
    """Where a name ends before a headline's verb written in capitals right after it ("Ann Cole
    Announces Grant", "Ann Cole Issues Statement", "Lee Park Creates Unit"): a word after the
    first two that is a verb of the third person, one the headline lists name or one whose stem the
    article writes in lowercase; an adverb in "-ly" may lead it ("Officer Fatally Shoots Man")."""
    for k in range(s, e):
        if k == s + 1 and is_first_name(doc[s].text):
            continue  # a first name alone before a surname that is also a verb: "Mary Burns"
        verb = k
        if _headline_adverb(doc, k) and k + 1 < len(doc):
            verb = k + 1  # "Fatally Shoots": the adverb opens the headline's verb phrase
        if not _headline_verb(doc, verb, common, right_after_title=k == s):
            continue
        after = doc[verb + 1] if verb + 1 < len(doc) else None
        if after is not None and not (after.text[:1].isupper() or "\n" in doc[verb].whitespace_ + after.text):
            continue  # a headline's verb has capitals or the line's end after it: not "Mary Ann Burns spoke"
        if k == s and (after is None or not after.text[:1].isupper()):
            continue
        return k
    return e


def _headline_adverb(doc: Doc, k: int) -> bool:
    """An adverb in capitals that may open a headline's verb phrase ("Fatally", "Accidentally"),
    not a first name ending alike ("Kelly", "Emily")."""
    low = doc[k].lower_
    return doc[k].is_alpha and low.endswith("ly") and len(low) > 4 and not is_first_name(doc[k].text)


def _headline_verb(doc: Doc, k: int, common: set[str], right_after_title: bool) -> bool:
    """A verb of the third person in capitals: one the headlines list names, or (not a first name)
    one tagged so, or whose stem the article writes in lowercase ("Shoots": "shot", "shooting").
    Right after a title only the list and the article's own stems tell: a surname may be tagged
    a verb ("Chief Banks")."""
    low = doc[k].lower_
    if not (doc[k].is_alpha and low.endswith("s") and len(low) > 3 and doc[k].text[:1].isupper()):
        return False
    if low in HEADLINE_VERBS:
        return True
    stem_written = low[:-1] in common or (low.endswith("es") and low[:-2] in common)
    if right_after_title:
        return stem_written and not is_first_name(doc[k].text)
    return (doc[k].tag_ == "VBZ" or stem_written) and not is_first_name(doc[k].text)


def _past_compound_title(doc: Doc, s: int, e: int) -> int:
    """Where a name starts after the end of a title of several words inside its span ("Mayor Pro
    Tem Ann Cole": "Pro Tem" is the title's)."""
    return next((k for k in range(e - 1, s, -1) if _compound_title_before(doc, k) is not None), s)


def _past_label(doc: Doc, s: int, e: int) -> int:
    """Where a name starts after a label written before its first name ("Crooked Hillary Clinton",
    "(Miss) Universe Maria Delgado"): a word that is no first name, before one that is."""
    while (
        e - s > 2
        and doc[s].is_alpha
        and not is_first_name(doc[s].text)
        and is_first_name(doc[s + 1].text)
        and doc[s + 2].is_alpha  # not a family name before a hyphenated given name: "Pak Ho-sung"
    ):
        s += 1
    return s


def _entity_mentions(doc: Doc, taken: set[int], common: set[str]) -> list[Mention]:
    """Mentions from PERSON entities."""
    found: list[Mention] = []
    for ent in entities(doc):
        if ent.label_ != "PERSON" or any(k in taken for k in range(ent.start, ent.end)):
            continue
        span = _person_entity_span(doc, ent.start, ent.end)
        if span is None:
            continue
        s, e = span
        e = _before_headline_verb(doc, s, e, common)
        if _name_shaped(doc, s, e, common, person=True):
            found.append(_mention(doc, s, e))
        taken.update(range(s, e))
    return found


def _titled_mentions(doc: Doc, taken: set[int], common: set[str]) -> list[Mention]:
    """Names led by a title that the entity recognizer missed: "Chief Robert Tracey", "said
    Sheriff Tom Reyes", "Supervisors Cole, Park, and Steel"."""
    found: list[Mention] = []
    name_word, name_indices = _name_words(doc)
    for i in name_indices:
        if i < 1 or i in taken:
            continue
        title, title_start = _title_before(doc, i)
        if title is None and _after_list_mark(doc, i):
            title, title_start = _list_title(doc, i), i
        if title is None and _honorable_in_court(doc, i):
            title, title_start = "judge", i  # "by the Honorable Ann Cole", tagged as anything
        elif title is None or doc[title_start].ent_iob_ == "I" and not _acronym_title_name(doc, title_start, i):
            continue  # no title, or one inside an organization's name ("Victim Advocate Program")
        e = i
        while (
            e < len(doc)
            and e - i < 6
            and e not in taken
            and (name_word[e] or (doc[e].text == "-" and e + 1 < len(doc) and name_word[e + 1]))
        ):
            e += 1
        if e + 1 not in taken:
            e = _name_across_break(doc, i, e)
        if doc[e - 1].text in ("'s",):
            e -= 1
        e = _before_headline_verb(doc, i, e, common)
        if _compound_title_before(doc, e) is not None:
            continue  # "Mayor Pro Tem" + a name: the words are the title's
        start = _past_label(doc, _past_compound_title(doc, i, e), e)
        # an entity tag that also covers the title ("Councillor Imran Hafeez" as ORG, "Comptroller Dee
        # Park" as FAC) is the recognizer's slip, not a place or an organization
        tagged_with_title = doc[title_start].ent_type_ != "" and doc[title_start].ent_type_ == doc[i].ent_type_
        if e > i and (
            tagged_with_title or not any(doc[k].ent_type_ in ("GPE", "LOC", "FAC", "NORP") for k in range(i, e))
        ):
            if _name_shaped(doc, start, e, common, person=doc[start].ent_type_ == "PERSON"):
                found.append(_mention(doc, start, e))
            taken.update(range(i, e))
    return found


def _appositive_mentions(doc: Doc, taken: set[int], common: set[str]) -> list[Mention]:
    """ "said Nadia Prosser, the city's homeless strategy division manager": a name an appositive titles."""
    found: list[Mention] = []
    name_word, name_indices = _name_words(doc)
    n = len(doc)
    i = next_index(name_indices, 0, n)
    while i < n:
        if i in taken or not name_word[i] or (i > 0 and name_word[i - 1]):
            i = next_index(name_indices, i + 1, n)  # only a name word can open a name
            continue
        e = i
        while e < len(doc) and e - i < 4 and name_word[e] and e not in taken:
            e += 1
        if (
            e - i >= 2
            and _appositive_title(doc, e)[0] is not None
            and not any(doc[k].ent_type_ in ("GPE", "ORG", "LOC", "FAC", "NORP") for k in range(i, e))
            or e - i >= 2
            and _organization_tag_on_a_name(doc, i, e)
            and _appositive_title(doc, e)[0] is not None
        ):
            if _name_shaped(doc, i, e, common, person=False):
                found.append(_mention(doc, i, e))
            taken.update(range(i, e))
        i = e if e > i else i + 1
    return found


def _organization_tag_on_a_name(doc: Doc, i: int, e: int) -> bool:
    """ "Nadia Fosse, the district's superintendent,": a first name and a surname the recognizer
    tagged as an organization of exactly those words, an appositive's title after them; the
    recognizer's slip, not a body (bodies rarely open with a first name)."""
    return (
        is_first_name(doc[i].text)
        and doc[i].ent_iob_ == "B"
        and all(doc[k].ent_type_ == "ORG" for k in range(i, e))
        and (e >= len(doc) or doc[e].ent_iob_ != "I")
    )


def _contact_block_mentions(doc: Doc, taken: set[int], known: list[Mention]) -> list[Mention]:
    """A release's contact block: a line that is a name, the next line its title ("Ann Cole" /
    "Public Affairs Counsel")."""
    text = doc_text(doc)
    found: list[Mention] = []
    lines = text.split("\n")
    pos = 0
    starts = []
    for line in lines:
        starts.append(pos)
        pos += len(line) + 1
    for k, name, role in _contact_pairs(lines):
        name_words, role_words = name.split(), role.split()
        rank = _rank_before_name(name_words)  # "Sergeant Ann Cole" / "Public Information Officer"
        name_words = name_words[rank:]
        name = " ".join(name_words)
        if not (2 <= len(name_words) <= 3 and 1 <= len(role_words) <= MAX_TITLE_TOKENS):
            continue
        if not (
            is_first_name(name_words[0])
            and all(w[:1].isupper() for w in name_words)
            and all(w[:1].isupper() or w.lower() in ("of", "for") for w in role_words)
        ):
            continue
        if not _contact_role(role_words):
            continue
        begin = starts[k] + lines[k].index(name)
        span = doc.char_span(begin, begin + len(name), alignment_mode="expand")
        if span is None:
            continue
        same = [m for m in known if m.token_start == span.start and m.token_end == span.end]
        if not same and any(t.i in taken for t in span):
            continue
        m = same[0] if same else _mention(doc, span.start, span.end)
        m.title, m.title_before_name, m.title_context = role.lower(), True, ()
        if not same:
            found.append(m)
            taken.update(range(span.start, span.end))
    return found


def _title_goes_on(doc: Doc, e: int) -> bool:
    """Whether capitalized words after `e` on the same line reach a role noun ("County Public
    Defender"): the words before them name the place in a title, not a person."""
    k = e
    while k < len(doc) and k - e < MAX_TITLE_TOKENS and doc[k].is_alpha and doc[k].text[:1].isupper():
        if doc[k].lower_ in ROLE_NOUNS and k > e:
            return True
        if "\n" in doc[k].whitespace_ or doc[k].lower_ not in (NOT_NAME_WORDS | MODIFIERS | ROLE_NOUNS):
            return False
        k += 1
    return False


def _contact_pairs(lines: list[str]) -> list[tuple[int, str, str]]:
    """The (line, name, title) pairs a contact block may hold: a name line and the title line
    under it, or a name and a title on one line after a dash ("Ann Cole \u2013 Press Secretary")."""
    pairs = []
    for k, line in enumerate(lines):
        name = _past_contact_label(line).strip()
        if k + 1 < len(lines):
            pairs.append((k, name, _role_of_line(lines[k + 1])))
        for mark in (" \u2013 ", " \u2014 ", " - ", " | "):
            if mark in name:
                first, _, rest = name.partition(mark)
                pairs.append((k, first.strip(), _role_of_line(rest)))
                break
        else:
            first, comma, rest = name.partition(",")
            # "Media Contact: Ann Cole, Press Secretary, 555-0100": commas on a labelled line, or a
            # phone or an address after the title
            if comma and (name != line.strip() or any(c.isdigit() or c == "@" for c in rest.partition(",")[2])):
                pairs.append((k, first.strip(), _role_of_line(rest)))
    return pairs


def _role_of_line(line: str) -> str:
    """A contact block's title line without the body or phone after a separator ("Public
    Information Officer, Riverton Police" / "Press Secretary | 555-0100")."""
    for mark in (",", "|", " \u2013 ", " \u2014 ", " - "):
        line = line.split(mark)[0]
    return line.strip()


def _past_contact_label(line: str) -> str:
    """A contact block's name line without its label: "Media Contact: Ann Cole" -> "Ann Cole"."""
    label, colon, rest = line.partition(":")
    return rest if colon and "contact" in label.lower() and len(label.split()) <= 3 else line


def _rank_before_name(words: list[str]) -> int:
    """How many words of a contact block's name line are a rank before the name ("Sergeant",
    "Lt."): a line's own title line says the position."""
    k = 0
    while k < len(words) - 2 and (words[k].lower() in ROLE_NOUNS or words[k].lower() in ABBREVIATIONS):
        k += 1
    return k


def _contact_role(words: list[str]) -> bool:
    """A contact block's title line: ending in a role ("Public Affairs Counsel"), a title of several
    words ("Chief of Staff"), or a role of a field ("Director of Public Affairs")."""
    low = [w.lower() for w in words]
    if low[-1] in ROLE_NOUNS or tuple(low) in COMPOUND_TITLES:
        return True
    return (
        len(low) >= 3
        and "of" in low[1:-1]
        and low[low.index("of") - 1] in ROLE_NOUNS
        and "for" not in low
        and not set(low) & PRIVATE_FIELDS
    )


def _name_shaped(doc: Doc, s: int, e: int, common: set[str], person: bool) -> bool:
    """Words that can be a person's name: not a headline in capitals ("MAYOR ANN COLE SPEAKS"), not
    words the article also writes in lowercase ("Advocate Program", "Our Cold Case Unit")
    unless they open with a first name, and not followed by a role noun ("Chief Administrative
    Officer"). A name the entity recognizer tags as a person may have common words, not only."""
    words = [t for t in doc[s:e] if any(c.isalpha() for c in t.text)]
    if not words:
        return False
    if all(t.ent_type_ in NEVER_NAME_ENTITIES for t in words) and not (len(words) > 1 and is_first_name(words[0].text)):
        return False  # "commander in chief Thursday", "the party's nominee"; not "DA Summer Whitfield"
    if all(t.text.isupper() and len(t.text) > 1 for t in words) and (
        len(words) > 1 or (s > 0 and doc[s - 1].is_alpha and doc[s - 1].text.isupper() and len(doc[s - 1].text) > 2)
    ):
        return False  # a headline in capitals: "MAYOR ANN COLE SPEAKS", "GENERAL MOTORS"
    if all(t.lower_ in MODIFIERS for t in words) and not is_first_name(words[0].text):
        return False  # a word of a title: "Chief Assistant District Attorney", "Deputy Police ..."
    if len(words) == 1 and words[0].tag_ == "NNPS" and not person:
        return False  # a plural: "Justice Centers"
    if e < len(doc) and doc[e].text[:1].isupper() and (doc[e].lower_ in ROLE_NOUNS or _plural_role(doc[e].text)):
        return False
    if _named_for(doc, e) or any(_named_for(doc, k) and doc[k + 1].text[:1].isupper() for k in range(s + 2, e)):
        return False  # "Advocate Lee Park Hospital", "Governor Ann Cole Memorial Park": a place named for one
    if _title_goes_on(doc, e):
        return False  # "a Deputy Harbor County Public Defender": a place, then the rest of the title
    if is_first_name(words[0].text) or words[0].text.rstrip(".").isupper() and len(words) > 1:
        return True  # "Summer Whitfield", "J. Smith"
    is_common = [t.lower_ in common or t.lemma_.lower() in common for t in words]
    return not all(is_common) if person else not any(is_common)


def _named_for(doc: Doc, k: int) -> bool:
    """A capitalized noun of a place or a fund named for a person ("Hospital", "Memorial")."""
    return k < len(doc) and doc[k].text[:1].isupper() and doc[k].lower_ in NAMED_FOR_WORDS


def _hyphen_part(doc: Doc, k: int) -> bool:
    """The lowercase second part of a hyphenated given name written close ("Ki-moon", "Jong-un"):
    a word right after a hyphen that right follows a capitalized word."""
    return (
        k >= 2
        and doc[k].is_alpha
        and doc[k - 1].text == "-"
        and not doc[k - 1].whitespace_
        and not doc[k - 2].whitespace_
        and doc[k - 2].text[:1].isupper()
    )


def _mention(doc: Doc, s: int, e: int) -> Mention:
    # a hyphenated surname the entity recognizer cut short: "Baca-Whitmore"
    while (
        e + 1 < len(doc)
        and doc[e].text == "-"
        and not doc[e].whitespace_
        and (doc[e + 1].text[:1].isupper() or _hyphen_part(doc, e + 1))
    ):
        e += 2
    title, title_start = _title_before(doc, s)
    if title is None and _after_list_mark(doc, s):
        title = _list_title(doc, s)
    body = None
    if title is None and e < len(doc) and doc[e].text in (",", ".", ";"):
        title, title_start, body = _title_before_comma(doc, s, title_start)
    if title is None and _honorable_in_court(doc, s):
        title = "judge"  # "signed by the Honorable Ann Cole": a judge in a sentence about a court's act
    before_name = title is not None
    context = _title_context(doc, title_start) if title is not None else []
    organization = (_organization_after(doc, e) or body) if title else None
    described = before_name and _described(doc, title_start)
    if described and doc[title_start - 1].lower_ in ("'s", "\u2019s") and organization is None:
        organization = doc[title_start - 2].text  # "the county's health director, Ann Cole": the county
    appositive_title, appositive_org = _appositive_title(doc, e)
    position = None
    if appositive_title is not None and (title is not None or doc[e].text != ",") and _written_as_position(doc, e):
        position, organization = appositive_title, appositive_org or organization
    if title is None and appositive_title is None:
        appositive_title, appositive_org = _relative_clause_title(doc, e)
    if title is None:
        title, organization = appositive_title, appositive_org
    organization = organization or appositive_org
    start, end = doc[s].idx, doc[e - 1].idx + len(doc[e - 1].text)
    words = tuple(doc_text(doc)[start:end].split())
    cue_words = tuple(lowers(doc)[max(0, s - 3) : s]) + tuple((title or "").split())
    cause = before_name and _cause_council(doc, title_start - len(context), s)
    m = Mention(
        start, end, words, s, e, title, organization, cue_words, before_name, tuple(context), position, cause, described
    )
    m.accused = _named_as_accused(doc, s)
    m.title_lowercase = before_name and doc[title_start].text[:1].islower()
    return m


def _named_as_accused(doc: Doc, s: int) -> bool:
    """Whether a noun of the accused stands right before a name, a comma between or not: "suspect
    Ann Cole", "the defendant, Ann Cole"."""
    k = s - 1
    if k >= 0 and doc[k].text == ",":
        k -= 1
    return k >= 0 and doc[k].lower_ in ACCUSED_WORDS


def _described(doc: Doc, title_start: int) -> bool:
    """Whether a title before a name is written in lowercase after "the", "a" or an owner ("the
    clerk", "the family's attorney", "her attorney")."""
    if title_start < 2 or not doc[title_start].text[:1].islower():
        return False
    prev = doc[title_start - 1]
    return prev.lower_ in ("the", "a", "an", "'s", "\u2019s") or prev.tag_ == "PRP$"


def _cause_council(doc: Doc, begin: int, end: int) -> bool:
    """Whether the words before a name hold a council named for a cause ("Harbor Domestic Violence
    Council President"), not for a place or a government ("City Council", "Riverton Council")."""
    return any(
        doc[k].lower_ == "council"
        and doc[k - 1].is_alpha
        and doc[k - 1].text[:1].isupper()
        and doc[k - 1].lower_ not in COUNCIL_BODIES
        and doc[k - 1].ent_type_ not in ("GPE", "LOC")
        and doc[k - 2].is_alpha
        and doc[k - 2].text[:1].isupper()  # two words at least: "Domestic Violence", not "Cardiff"
        for k in range(max(begin, 2), end)
    )


def _title_context(doc: Doc, title_start: int) -> list[str]:
    """The words naming the body before a title ("Campaign" treasurer, "Department of Correction"
    spokesman): nouns and capitalized words, over "of" between capitalized words, not the second
    half of a hyphenated modifier ("far-right" president)."""
    context: list[str] = []
    k = title_start - 1
    while k >= 0 and len(context) < MAX_TITLE_TOKENS:
        token = doc[k]
        if token.lower_ in ("of", "for") and context and k > 0 and doc[k - 1].text[:1].isupper():
            context.insert(0, token.text)  # "Department of Correction"
            k -= 1
            continue
        if not (
            (token.text[:1].isupper() or token.pos_ == "NOUN")
            and (token.pos_ in ("PROPN", "NOUN") or token.ent_type_ == "ORG" or token.text.isupper())
            and token.ent_type_ not in ("DATE", "TIME")
        ):
            break
        if k > 0 and doc[k - 1].text == "-" and not doc[k - 1].whitespace_:
            break  # "far-right": a modifier, no body
        context.insert(0, token.text)
        k -= 1
    return context


def _title_before_comma(doc: Doc, s: int, default: int) -> tuple[str | None, int, str | None]:
    """ "the state's attorney general, Ann Cole,": a title led by "the" or an owner, then a comma,
    then the name (the caller sees a comma or the sentence's end after it); also with the body
    in an "of" phrase ("the health minister of Ruritania, Ann Cole,"). Returns the title, where
    it starts and the body the "of" phrase names."""
    if s < 3 or doc[s - 1].text != ",":
        return None, default, None
    body_at = _body_phrase_before(doc, s - 1)
    title, start = _title_before(doc, body_at if body_at is not None else s - 1)
    if title is not None:
        title, start = _described_title_words(doc, title, start)
    # "a spokesman for the ministry, Tom Reyes,": "a" only where the body is named
    articles = ("the", "'s", "\u2019s") if body_at is None else ("the", "'s", "\u2019s", "a", "an")
    if title is None or start < 1 or not (doc[start - 1].lower_ in articles or doc[start - 1].tag_ == "PRP$"):
        return None, default, None
    if body_at is None:
        head = doc[s - 2]
        owner = head.head.head
        if head.dep_ == "pobj" and head.head.dep_ == "prep" and owner.pos_ == "NOUN" and owner.lower_ not in ROLE_NOUNS:
            return None, default, None  # "a supporter of the mayor, Tom Reyes,": a relation to a title
        return title, start, None
    body = [t.text for t in doc[body_at + 1 : s - 1] if t.lower_ != "the" or t.i > body_at + 1]
    if [w.lower() for w in body] == ["public"]:
        return None, default, None  # "a member of the public, Tom Reyes,": no body
    return title, start, " ".join(body) or None


def _body_phrase_before(doc: Doc, end: int) -> int | None:
    """Where the "of", "for" or "from" phrase naming a title's body starts when it closes right
    before `end` ("the prime minister [of Ruritania],", "the senator [from Ohio],"): a
    preposition the parse hangs on a role noun just before it, whose phrase runs up to `end`
    with no comma or verb in it."""
    for k in range(end - 1, max(0, end - 1 - MAX_ORGANIZATION_TOKENS), -1):
        token = doc[k]
        if token.is_punct or token.pos_ in ("VERB", "AUX") or "\n" in token.text:
            return None
        if token.lower_ in ("of", "for", "from") and token.dep_ == "prep":
            head = token.head
            # the words up to the comma are the phrase's (the parse may hang the name on it too)
            inside = all(token.is_ancestor(t) for t in doc[k + 1 : end])
            return k if head.i == k - 1 and head.lower_ in ROLE_NOUNS and inside else None
    return None


def _described_title_words(doc: Doc, title: str, start: int) -> tuple[str, int]:
    """A title's lowercase nouns left of where `_title_before` stopped, down to the article or
    owner before them ("Ruritania's [environment] minister", "the [transport] secretary"); the
    title unchanged where no article or owner comes first."""
    k = start
    while k > 0 and start - k < MAX_TITLE_TOKENS and doc[k - 1].is_lower and doc[k - 1].pos_ in ("NOUN", "ADJ"):
        if doc[k - 1].head.i < start or doc[k - 1].head.i > start + len(title.split()):
            break  # the word modifies no word of the title
        k -= 1
    if k == start or not (doc[k - 1].lower_ in ("the", "'s", "\u2019s") or doc[k - 1].tag_ == "PRP$"):
        return title, start
    return " ".join([t.lower_ for t in doc[k:start]] + [title]), k


def _honorable_in_court(doc: Doc, s: int) -> bool:
    """ "the Honorable" right before a name, near a court's words ("injunction", "sentenced",
    "court"): the address of a judge."""
    if s == 0 or doc[s - 1].lower_ not in ("honorable", "hon.", "hon"):
        return False
    near = doc[max(0, s - COURT_WINDOW) : s + COURT_WINDOW]  # the sentence, lines broken or not
    return any(t.lower_ in COURT_WORDS or t.lemma_.lower() in COURT_WORDS for t in near)


def _copula_before_position(doc: Doc, end: int) -> bool:
    """ "Cole is the Deputy Director of the Fraud Division": "is" or "was", then "the" and a
    position in capitals of a body."""
    return (
        end + 1 < len(doc)
        and doc[end].lower_ in ("is", "was")
        and doc[end + 1].lower_ == "the"
        and _written_as_position(doc, end)
    )


def _written_as_position(doc: Doc, end: int) -> bool:
    """Whether the appositive after a name opens with a capitalized title of a body ("Ann Cole, the
    Director of the Fraud Unit,"), a named position rather than a description ("commander of the
    post") or the next name of a list."""
    j = end + 1
    while j < len(doc) and doc[j].lower_ in ("the", "a", "an"):
        j += 1
    if not (j < len(doc) and doc[j].is_alpha and doc[j].text[:1].isupper()):
        return False
    # the position of a body ("Director of the ... Unit"), not the next of a list of titled names
    # ("Mayor Ann Cole, Police Captain Lee Park, ...")
    k = j
    while k < len(doc) and k - j < MAX_TITLE_TOKENS and doc[k].text[:1].isupper() and doc[k].lower_ not in ROLE_NOUNS:
        k += 1
    return k + 1 < len(doc) and doc[k].lower_ in ROLE_NOUNS and doc[k + 1].lower_ in ("of", "for")


def edit_distance_at_most_one(a: str, b: str) -> bool:
    """One letter added, dropped, changed, or two neighbours swapped ("Singh" / "Signh"): an
    optimal string alignment distance of one at most (rapidfuzz)."""
    return bool(OSA.distance(a, b, score_cutoff=1) <= 1)


def _first_names_agree(a: Mention, b: Mention) -> bool:
    if not (a.first and b.first):
        return True
    x, y = a.first.lower().rstrip("."), b.first.lower().rstrip(".")
    return x.startswith(y) or y.startswith(x)


def _roles_agree(a: Mention, b: Mention) -> bool:
    """ "Chief Tom Hall" and "Det. Hill" hold different roles; a mention without a title agrees."""
    return not (a.title and b.title) or a.title.split()[-1] == b.title.split()[-1]


def _same_surname(person: Person, m: Mention) -> bool:
    surname = m.surname.lower()
    return any(o.surname.lower() == surname and _first_names_agree(o, m) for o in person.mentions)


def _close_spelling(person: Person, m: Mention) -> bool:
    """A one-letter slip of a surname ("Tracy" for "Tracey"): the same person only where the first
    names and the roles agree."""
    surname = m.surname.lower()
    for other in person.mentions:
        theirs = other.surname.lower()
        if (
            theirs != surname
            and len(surname) >= 4
            and surname[0] == theirs[0]
            and edit_distance_at_most_one(surname, theirs)
            and (m.first is None or other.first is None or m.first.lower() == other.first.lower())
            and _first_names_agree(other, m)
            and _roles_agree(other, m)
        ):
            return True
    return False


def resolve_people(mentions: list[Mention]) -> list[Person]:
    """One Person per individual: mentions with the same surname and compatible first names are
    the same person; a one-letter slip of a surname joins a person only where no one has that
    surname as written, and where first names and roles agree."""
    people: list[Person] = []
    # full names first, so that "Jones" joins "Tishaura Jones" rather than starting alone
    ordered = sorted(mentions, key=lambda m: (-len(m.words), m.start))
    for m in ordered:
        exact = [p for p in people if _same_surname(p, m)]
        if exact:
            exact[0].mentions.append(m)
            continue
        close = [p for p in people if _close_spelling(p, m)]
        if len(close) == 1:
            close[0].mentions.append(m)
        else:
            people.append(Person([m]))
    for person in people:
        person.mentions.sort(key=lambda m: m.start)
    people.sort(key=lambda p: p.mentions[0].start)
    return people


def _surname_tag_allows(token: Token) -> bool:
    """A known surname alone is a person's unless the recognizer tags it otherwise; a one-word
    place or organization tag on the subject of a clause ("Chester told reporters", tagged a place) is
    the recognizer's slip, since places and bodies are rarely written by a person's surname."""
    if token.ent_type_ in ("", "PERSON"):
        return True
    one_word = token.ent_iob_ == "B" and (token.i + 1 >= len(token.doc) or token.doc[token.i + 1].ent_iob_ != "I")
    return one_word and (token.dep_ in ("nsubj", "nsubjpass") or _verb_compound(token))


def _verb_compound(token: Token) -> bool:
    """ "Reyes bristles at ...": a subject the parser made a compound of the verb after it."""
    return token.dep_ == "compound" and token.head.pos_ in ("VERB", "AUX") and token.head.i == token.i + 1


def _surname_mentions(doc: Doc, people: list[Person]) -> None:
    """ "Reyes made it plain ...": a surname the entity recognizer did not tag, written alone after
    the full name, is a mention of that person (for pronouns and quotes to find him)."""
    by_surname: dict[str, Person] = {}
    for p in people:
        if any(len(m.words) > 1 for m in p.mentions):
            by_surname.setdefault(p.surname, p)
    taken = {k for p in people for m in p.mentions for k in range(m.token_start, m.token_end)}
    first = {id(p): min(m.start for m in p.mentions) for p in people}
    name_word = _name_words(doc)[0]
    words = texts(doc)
    for i in [i for i, w in enumerate(words) if w in by_surname] if by_surname else ():
        t = doc[i]
        person = by_surname[words[i]]
        if t.i in taken or t.idx < first[id(person)] or t.pos_ != "PROPN":
            continue
        if not _surname_tag_allows(t) or (t.i + 1 < len(doc) and name_word[t.i + 1]):
            continue  # "Chester Street", "Reyes Tower"
        if t.i > 0 and name_word[t.i - 1]:
            continue  # another person's full name: "Ann Chester"
        person.mentions.append(_mention(doc, t.i, t.i + 1))
    for p in people:
        p.mentions.sort(key=lambda m: m.start)


def surnames_of_full_names(doc: Doc) -> set[str]:
    """Words the article writes as the last word of a full name: in a PERSON entity of two words
    or more, or after a first name in the headline ("Dana Graham Answers Critics")."""
    found = {ent[-1].text for ent in entities(doc) if ent.label_ == "PERSON" and len(ent) > 1}
    title: str | None = doc._.title
    words = [w.strip(".,:;!?'\"‘’“”()") for w in (title or "").split()]
    for first, last in itertools.pairwise(words):
        if last[:1].isupper() and is_first_name(first):
            found.add(last)
    return found


def find_people(doc: Doc) -> list[Person]:
    people = resolve_people(find_mentions(doc))
    _surname_mentions(doc, people)
    surnames = surnames_of_full_names(doc)
    for person in people:
        words = {m.words[0] for m in person.mentions if len(m.words) == 1}
        if len(words) == 1 and all(len(m.words) == 1 for m in person.mentions) and words <= surnames:
            person.surname_alone = True
    return people
