"""Direct quotations and their speakers from a Doc.

Quote marks are paired by a linear scan per paragraph (curly marks by kind, straight marks by
turns); a paragraph that ends inside a quotation continues it only when the next paragraph opens
with a quote mark, so an unbalanced mark never swallows the rest of the article. The speaker is
the subject of a speech verb beside the quote ("…,” Jones said", "said Sheriff Tom Reyes",
"Gonzalez said: “…”", "according to …"), resolved to a person: surnames and close spellings to the
canonical name, pronouns to the person last named, a description ("the chief", "his spokeswoman")
to the one person the article names in that role. A source that is no person is the speaker as
the article names it: an organization ("the department"), a group or a document ("the report");
`speaker_type` says which. A quote with no attribution of its own takes the speaker of the quote
it continues."""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from .components import doc_text, lowers, sentence_of
from .models import Quote, SpeakerType
from .people import FEMALE_WORDS, MALE_WORDS, ROLE_NOUNS, Person, edit_distance_at_most_one, is_first_name
from .rules import derived, load

RULES = derived(lambda: load("quotes.json"))
CUE_VERBS = derived(lambda: set(RULES["verbs"]))
PRONOUNS: dict[str, str] = derived(lambda: RULES["pronouns"])
PAIR_WORDS = derived(lambda: set(RULES["pair_words"]))
WORD_NOUNS = derived(lambda: set(RULES["word_nouns"]))
SOURCED_NOUNS = derived(lambda: set(RULES["sourced_nouns"]))
OPENERS = {"\u201c": "\u201d", '"': '"', "\u201e": "\u201d"}
CLOSERS = {"\u201d", '"'}
MARKS = set(OPENERS) | CLOSERS
MAX_CARRY_PARAGRAPHS = 6
MAX_UNMARKED_PARAGRAPHS = 4  # lines with no quote mark a quotation broken over lines goes on through
ANTECEDENT_SENTENCES = 3  # sentences looked back through for a pronoun's antecedent
PRIOR_SPEAKER_CHARS = 700  # how far back the speaker of the quote before still speaks for "he said"
CUE_REACH = 40  # tokens either side of a short quote searched for the verb that reports it
MAX_NAME_TOKENS = 6  # "Mary Ann Okonkwo - Bell": the words of a name written before its verb
MAX_NAME_RUN = 12  # tokens of "said Harbor County District Attorney Lena Marsh" after the cue
MAX_APPOSED_DISTANCE = 9  # "Ann Cole, the board's longtime treasurer, said": a person this far from the verb
DASHES = {"\u2015", "\u2014", "\u2013", "-", "--"}
SENTENCE_END = set(".!?:;")
LINE_CONTINUERS = derived(lambda: set(RULES["line_continuers"]))
NAMING_VERBS = derived(lambda: set(RULES["naming_verbs"]))
DOCUMENT_NOUNS = derived(lambda: set(RULES["document_nouns"]))
DOCUMENT_VERBS = derived(lambda: set(RULES["document_verbs"]))
ORGANIZATION_NOUNS = derived(lambda: set(RULES["organization_nouns"]))
SPEECH_NOUNS = derived(lambda: set(RULES["nouns"]))
PERSON_NOUNS = derived(lambda: set(RULES["person_nouns"]) | ROLE_NOUNS)
AGE_UNITS = derived(lambda: set(RULES["age_units"]))
KINSHIP_NOUNS = derived(lambda: set(RULES["kinship_nouns"]))
UNNAMED_NOUNS = derived(lambda: set(RULES["unnamed_nouns"]))
SPEAKING_VERBS = derived(lambda: set(RULES["speaking_verbs"]))
ORGANIZATION_ENTITIES = ("ORG", "GPE", "FAC")
DESCRIPTION_CONTEXT = 5  # tokens either side of a role's mention read for the words that qualify it
MAX_SOURCE_TOKENS = 10  # "officials at the state transit authority": a non-person source as written
TITLE_SMALL_WORDS = derived(lambda: set(RULES["title_small_words"]))
MAX_TERM_WORDS = 3  # "a “huge spike”": quoted terms are this short and have no verb
WRAP_WIDTH = 60  # a line this long that stops mid-sentence is hard-wrapped text
ATTRIBUTION_CHARS = 200  # the end of a paragraph read for a speaker's name broken over lines
FIRST_PERSON_MIN = 3  # times an article says "I" outside quotations to be a first-person column


@dataclass
class QuoteSpan:
    start: int  # the opening mark
    end: int  # after the closing mark
    parts: list[tuple[int, int]]  # the quoted text of each paragraph, without marks
    paragraph: int  # index of the paragraph the quote opens in
    last_paragraph: int
    speaker: Person | None = None
    speaker_name: str | None = None
    speaker_phrase: str | None = None
    cue: str | None = None
    cue_token: int | None = None
    attributed: bool = False
    reported: bool = False  # a speech cue, a colon, a dash or a speaker label attributes it
    organization: str | None = None  # the speaker is an organization ("the department said")
    subject: int | None = None  # the token the source is read from, when no person is found
    inherited: bool = False  # the speaker is another quote's, of the same paragraph or the one before
    text: str = field(default="")


def _soft_break(before: str, after: str, paragraph: str = "") -> bool:
    """A line break inside a sentence: hard-wrapped text ("said Harbor County" / "Chief Deputy
    District Attorney ...") or a name a page scraped out of its line ("said" / "Mayor Ann Cole" / ". “Next")."""
    before, after = before.rstrip(), after.lstrip()
    if not before or not after or before[-1] in SENTENCE_END or after[0] in OPENERS:
        return False
    if before[-1] in CLOSERS and before[-2:-1] == ",":
        return True  # "“…,”" / "Reyes said": a quotation closed on a comma goes on to its attribution
    if after[0] in ".,;)" or after[0].islower() or before[-1] == ",":
        return True
    last = before.split()[-1].lower()
    if last in LINE_CONTINUERS or (len(before) >= WRAP_WIDTH and before[-1] not in CLOSERS):
        return True
    return _ends_in_attribution(paragraph or before) and after[0].isupper()


def _ends_in_attribution(paragraph: str) -> bool:
    """ "… said" / "Harbor City Police Chief" / "Jane Roe": a paragraph that stops in the capitalized
    words of a speaker named after the speech verb goes on with the rest of the name."""
    words = paragraph.split()[-MAX_NAME_RUN:]
    cue = max((k for k, w in enumerate(words) if _cue_form(w.lower())), default=None)
    tail = words[cue + 1 :] if cue is not None else []
    return 0 < len(tail) < MAX_NAME_RUN and all(w[:1].isupper() for w in tail)


def _paragraphs(text: str) -> list[tuple[int, int]]:
    """Paragraphs as character spans: lines, with lines broken inside a sentence joined."""
    spans: list[tuple[int, int]] = []
    pos = 0
    previous = ""  # the line before, "" after a blank line: a blank line always ends a paragraph
    for line in text.split("\n"):
        if line.strip():
            # the paragraph's last words (a bounded slice: a flood of joined lines stays linear)
            tail = text[max(spans[-1][0], pos - ATTRIBUTION_CHARS) : pos] if spans else ""
            if spans and previous and _soft_break(previous, line, tail):
                spans[-1] = (spans[-1][0], pos + len(line))
            else:
                spans.append((pos, pos + len(line)))
        previous = line
        pos += len(line) + 1
    return spans


def _attribution_at_end(text: str, start: int, end: int) -> int | None:
    """ "“…on every route by May, Mayor Ann Cole said. “…": a quotation whose closing mark was left
    out before its attribution. Returns the comma that ends the quoted words, where the text
    before the next opening mark ends in ", <speaker> said." or ", said <speaker>."."""
    comma = text.rfind(",", start, end)
    tail = text[comma + 1 : end].strip() if comma > start else ""
    if not tail.endswith("."):
        return None
    words = tail[:-1].split()
    if not 1 < len(words) <= MAX_NAME_RUN:
        return None
    cues = [k for k, w in enumerate(words) if _cue_form(w.lower())]
    if len(cues) != 1 or cues[0] not in (0, len(words) - 1):
        return None
    others = words[:-1] if cues[0] else words[1:]
    if not all(w[:1].isupper() or w.lower() in TITLE_SMALL_WORDS or w.lower() in PRONOUNS for w in others):
        return None
    return comma


def _closer_opens(text: str, j: int, span: tuple[int, int], found: list[QuoteSpan], number: int) -> bool:
    """A closing mark with no quotation open that opens one: typed as an opener (” right before a
    word: "said: ”We will ...”"), or typed after the sentence that attributes the quotation before
    it in the paragraph ("…,” said Chief Ann Cole.” We thank ...”") where a closing mark follows
    with no opening mark between."""
    ps, pe = span
    before = text[j - 1] if j > ps else " "
    after = text[j + 1] if j + 1 < pe else " "
    # searches, not slices: a paragraph of many marks stays linear
    close = text.find("\u201d", j + 1, pe)
    closes = close >= 0 and text.find("\u201c", j + 1, close) < 0
    if before.isspace() or before == ":":
        # "said: ”We ...”" (after a colon only: elsewhere a mark so typed opens no quotation the
        # PolNeAR gold annotates)
        k = j - 1
        while k >= ps and text[k].isspace():
            k -= 1
        return after.isalnum() and closes and k >= ps and text[k] == ":"
    earlier = bool(found) and found[-1].last_paragraph == number and found[-1].end <= j
    k = j + 1
    while k < pe and text[k].isspace():
        k += 1
    return earlier and before in ".!?" and k < pe and text[k].isupper() and closes


def _nested_close(text: str, j: int, pe: int, first: int) -> int | None:
    """An opening mark inside an open quotation that opens a quotation within it ("“My neighbor
    told me “lock the gate” every night,” said ..."): two closing marks follow before any other
    opening mark, the first (`first`, the next closing mark after `j`, or -1) closing the inner
    quotation and the second the outer one. Returns the inner closing mark. Searches stop at the
    next opening mark, so a paragraph of many marks stays linear."""
    if first < 0 or text.find("\u201c", j + 1, first) >= 0:
        return None
    second = text.find("\u201d", first + 1, pe)
    if second < 0 or text.find("\u201c", first + 1, second) >= 0:
        return None
    return first


def _scan_paragraph(
    text: str,
    number: int,
    span: tuple[int, int],
    open_at: int | None,
    current: QuoteSpan | None,
    found: list[QuoteSpan],
) -> tuple[int | None, QuoteSpan | None]:
    """Pair the marks of one paragraph, adding closed quotes to `found`; returns the quote left
    open at the paragraph's end (its opening mark and span), if any."""
    ps, pe = span
    skip_to = -1  # the closing mark of a quotation nested in the open one
    next_close: int | None = None  # the next curly closing mark (-1: none), searched for again only once passed
    for j in range(ps, pe):
        c = text[j]
        if c not in MARKS or (open_at is not None and j == open_at) or j <= skip_to:
            continue
        if open_at is None:
            # a stray closing mark opens nothing, unless it stands where an opening mark belongs
            if c != "\u201d" or _closer_opens(text, j, span, found, number):
                open_at, current = j, None
        elif c in OPENERS and c != '"':
            if next_close is None or 0 <= next_close <= j:
                next_close = text.find("\u201d", j + 1, pe)
            comma = _attribution_at_end(text, open_at + 1, j)
            inner = _nested_close(text, j, pe, next_close) if comma is None else None
            if inner is not None:  # "“He told me “go home” and left,”": a quotation inside the quotation
                skip_to = inner
                continue
            if comma is not None:  # "“…, Mayor Ann Cole said. “…": the mark before the attribution left out
                if current is None:
                    current = QuoteSpan(open_at, comma + 1, [], number, number)
                current.parts.append((open_at + 1, comma))
                current.end, current.last_paragraph = comma + 1, number
                found.append(current)
            open_at, current = j, None  # a new opening mark: the one before was never closed
        elif c in CLOSERS:
            if current is None:
                current = QuoteSpan(open_at, j + 1, [], number, number)
            current.parts.append((open_at + 1, j))
            current.end, current.last_paragraph = j + 1, number
            if any(text[s:e].strip() for s, e in current.parts):
                found.append(current)
            open_at, current = None, None
    return open_at, current


def _goes_on_unopened(paragraph: str) -> bool:
    """A line that closes a quotation it never opened ("…drug use." / "I am proud of her.”"): a
    quotation broken over lines mid-speech (text copied from a PDF) goes on in it."""
    close = paragraph.find("\u201d")
    return close >= 0 and "\u201c" not in paragraph[:close]


def _closed_further_on(text: str, paragraphs: list[tuple[int, int]], number: int) -> bool:
    """Whether the paragraph at `number` has no quote mark, and the next paragraph with one (of
    the few after it) closes a quotation it never opened."""
    for k in range(number, min(number + MAX_UNMARKED_PARAGRAPHS, len(paragraphs))):
        ps, pe = paragraphs[k]
        paragraph = text[ps:pe]
        if any(c in MARKS for c in paragraph):
            return k > number and _goes_on_unopened(paragraph)
    return False


def _closes_unmarked(text: str, quote: QuoteSpan) -> bool:
    """A quotation opened with a curly mark at a sentence's start ("said Ann Cole. “We …") whose
    paragraph ends a sentence, and the next paragraph does not go on with it: its closing mark was
    left out, and it ends with its paragraph (not "called the lot “the old yard and ...")."""
    s, e = quote.parts[-1]
    before = text[max(0, quote.start - 3) : quote.start].rstrip(" ")
    opens_sentence = not before or before[-1] in ".!?:,\n"
    words = text[s:e].split()
    last = words[-1] if words else ""
    # "… Fasteners, Inc." or "v." ends a line, not a sentence: a short capitalized word or an initial
    abbreviated = len(last.rstrip(".")) <= 3 and last[:1].isupper() or last[:1].islower() and len(last) <= 3
    return opens_sentence and text[quote.start] == "\u201c" and last[-1:] in (".", "!", "?") and not abbreviated


def _lost_its_opening(text: str, paragraphs: list[tuple[int, int]], number: int, found: list[QuoteSpan]) -> bool:
    """ "“…,” said Chief Ann Cole. “…”" / "The office will add two shifts.”": a paragraph whose one
    quote mark closes it, right after a paragraph that ends on a quotation's closing mark, is a
    quote paragraph of the same voice that lost its opening mark."""
    ps, pe = paragraphs[number]
    paragraph = text[ps:pe].rstrip()
    if number == 0 or not paragraph.endswith("\u201d") or sum(c in MARKS for c in paragraph) != 1:
        return False
    pps, ppe = paragraphs[number - 1]
    previous = text[pps:ppe].rstrip()
    return bool(found) and previous[-1:] in CLOSERS and found[-1].end == pps + len(previous)


def pair_quotes(text: str) -> list[QuoteSpan]:
    """Quote spans of a text, in order. Linear in the text's length."""
    found: list[QuoteSpan] = []
    paragraphs = _paragraphs(text)
    carry: QuoteSpan | None = None
    for number, (ps, pe) in enumerate(paragraphs):
        open_at: int | None = None
        current: QuoteSpan | None = None
        if carry is not None:
            first = ps + (len(text[ps:pe]) - len(text[ps:pe].lstrip()))
            # a quotation goes on in marks of its own kind: a straight mark left open around an
            # excerpt does not swallow the curly quotations of the paragraphs after it
            same_kind = (text[first] == '"') == (text[carry.start] == '"')
            if text[first] in OPENERS and same_kind and number - carry.paragraph < MAX_CARRY_PARAGRAPHS:
                open_at, current = first, carry
            elif _goes_on_unopened(text[ps:pe]):
                open_at, current = ps - 1, carry  # the part starts at the paragraph's first character
            elif number - carry.paragraph < MAX_CARRY_PARAGRAPHS and _closed_further_on(text, paragraphs, number):
                # a quotation broken over lines with no marks (text copied from a PDF): "“The court held …" /
                # "… no mark on this line …" / "… the order stands.”" goes on to its closing mark
                carry.parts.append((ps, pe))
                carry.end, carry.last_paragraph = pe, number
                continue
            elif _closes_unmarked(text, carry):
                found.append(carry)
            carry = None
        elif _lost_its_opening(text, paragraphs, number, found):
            first = ps + (len(text[ps:pe]) - len(text[ps:pe].lstrip()))
            close = text.rindex("\u201d", ps, pe)
            found.append(QuoteSpan(first, close + 1, [(first, close)], number, number))
            continue
        open_at, current = _scan_paragraph(text, number, (ps, pe), open_at, current, found)
        if open_at is not None:  # the paragraph ends inside a quotation
            if current is None:
                current = QuoteSpan(open_at, pe, [], number, number)
            current.parts.append((open_at + 1, pe))
            current.end, current.last_paragraph = pe, number
            carry = current
    if carry is not None and (len(carry.parts) > 1 or _closes_unmarked(text, carry)):
        # the last paragraph of a carried quote may close without a mark at the article's end
        found.append(carry)
    for q in found:
        _set_text(text, q)
    return [q for q in found if q.text]


def _set_text(text: str, q: QuoteSpan) -> None:
    joined = " ".join(text[s:e].strip() for s, e in q.parts).replace("\n", " ")
    q.text = joined.strip().rstrip(",").strip()


# --- attribution -------------------------------------------------------------------------------


def _window_tokens(doc: Doc, start: int, end: int) -> list[Token]:
    if end <= start:
        return []
    span = doc.char_span(start, end, alignment_mode="contract")
    return list(span) if span is not None else []


def _first_sentence(tokens: list[Token]) -> list[Token]:
    """Tokens up to the first sentence-final mark (abbreviations like "O." are one token)."""
    out = []
    for t in tokens:
        out.append(t)
        if t.text in (".", "!", "?"):
            break
    return out


def _last_sentence(tokens: list[Token]) -> list[Token]:
    cut = 0
    for k, t in enumerate(tokens[:-1]):
        if t.text in (".", "!", "?"):
            cut = k + 1
    return tokens[cut:]


class Attributor:
    """Resolves speaker phrases to people for one Doc."""

    def __init__(self, doc: Doc, people: list[Person], quotes: list[QuoteSpan]) -> None:
        self.doc = doc
        self.people = people
        self.quotes = quotes
        self.by_token: dict[int, Person] = {}
        for p in people:
            for m in p.mentions:
                for k in range(m.token_start, m.token_end):
                    self.by_token[k] = p
        inside = [(q.start, q.end) for q in quotes]
        # mentions outside quotations, in text order, for pronouns to refer back to; a mention that
        # is the subject of its clause is the likelier antecedent
        self.mention_order: list[tuple[int, Person, bool]] = sorted(
            (m.start, p, _is_subject(doc[m.token_end - 1]))
            for p in people
            for m in p.mentions
            if not any(s <= m.start < e for s, e in inside) and not _modifies_a_noun(doc[m.token_end - 1])
        )
        self.learn_genders()
        self.paragraphs = _paragraphs(doc_text(doc))  # read by the author search and by attribution
        self.author = self.find_author()

    def find_author(self) -> Person | None:
        """The writer of a first-person column, as the article names them: a byline paragraph ("By
        Jane Roe") or a closing note that opens with the name ("Jane Roe is a nurse in ..."); only
        where the article speaks as "I" outside its quotations."""
        doc = self.doc
        quoted = [(q.start, q.end) for q in self.quotes]
        first_person = sum(1 for t in doc if t.text == "I" and not any(s <= t.idx < e for s, e in quoted))
        if first_person < FIRST_PERSON_MIN:
            return None
        for start, end in self.paragraphs:
            tokens = [t for t in _window_tokens(doc, start, end) if not t.is_space]
            if len(tokens) < 2:
                continue
            if tokens[0].lower_ == "by":  # a byline: every word after "By" is the one person's name
                named = {id(self.by_token.get(t.i)) for t in tokens[1:] if not t.is_punct}
                if len(named) == 1 and tokens[1].i in self.by_token:
                    return self.by_token[tokens[1].i]
        if self.paragraphs:  # the closing note: "Jane Roe is ..."
            tokens = [t for t in _window_tokens(doc, *self.paragraphs[-1]) if not t.is_space]
            person = self.by_token.get(tokens[0].i) if tokens else None
            after = [t for t in tokens if t.i not in self.by_token]
            if person is not None and after and after[0].lemma_ == "be" and tokens.index(after[0]) <= MAX_NAME_TOKENS:
                return person
        return None

    def learn_genders(self) -> None:
        """A person written as a sentence's subject and followed in that sentence by "he" or
        "she" (and no other person) is of that gender, unless a name or title already says."""
        doc = self.doc
        votes: dict[int, list[str]] = {}
        for start, person, is_subject in self.mention_order:
            if not is_subject or person.gender:
                continue
            token = doc.char_span(start, start + 1, alignment_mode="expand")
            if token is None:
                continue
            sent = sentence_of(token[0])
            others = {id(p) for s, p, _ in self.mention_order if sent.start_char <= s < sent.end_char}
            if len(others) != 1:
                continue
            for t in doc[token[0].i : sent.end]:
                pronoun = PRONOUNS.get(t.lower_)
                if pronoun in ("he", "she"):
                    votes.setdefault(id(person), []).append(pronoun)
                    break
        self.learned = {k: max(set(v), key=v.count) for k, v in votes.items()}

    def gender_of(self, person: Person) -> str | None:
        return person.gender or self.learned.get(id(person))

    def may_be(self, person: Person, pronoun: str | None, loose: bool = False) -> bool:
        """Whether "he" or "she" may refer to a person: a gender that agrees or is unknown; when
        `loose`, also one read only from a first name most (not all) people with it share."""
        if pronoun not in ("he", "she"):
            return True
        gender = self.gender_of(person)
        if gender in (None, pronoun):
            return True
        return loose and id(person) not in self.learned and not person.gender_is_sure

    def person_by_surname(self, word: str) -> Person | None:
        low = word.lower()
        for p in self.people:
            if any(m.surname.lower() == low or m.surname.lower().split("-")[-1] == low for m in p.mentions):
                return p
        for p in self.people:
            if len(low) >= 4 and any(
                m.surname.lower()[0] == low[0] and edit_distance_at_most_one(m.surname.lower(), low) for m in p.mentions
            ):
                return p
        return None

    def full_name_in_text(self, surname: str) -> str | None:
        """A first name and this surname written together somewhere in the article."""
        doc = self.doc
        for t in doc:
            if t.text == surname.split("-")[-1] and t.i >= 1:
                start = t.i
                while (
                    start > 0
                    and (
                        doc[start - 1].text == "-"
                        or doc[start - 1].pos_ == "PROPN"
                        and doc[start - 1].text[:1].isupper()
                    )
                    and t.i - start < 4
                ):
                    start -= 1
                words = doc_text(doc)[doc[start].idx : t.idx + len(t.text)].split()
                if len(words) >= 2 and words[-1].endswith(surname.split("-")[-1]):
                    return " ".join(words)
        return None

    def titled_name(self, token: Token) -> Person | None:
        """The one person whose name ends a subject phrase made of a title and that name."""
        span = list(token.subtree)
        named = [t for t in span if t.i in self.by_token]
        if not named or len({id(self.by_token[t.i]) for t in named}) != 1 or named[-1].i != span[-1].i:
            return None
        lead = span[: span.index(named[0])]
        if all(t.is_space or t.text[:1].isupper() or t.lower_ in TITLE_SMALL_WORDS or t.text == "-" for t in lead):
            return self.by_token[named[0].i]
        return None

    def organization(self, token: Token, name: str | None = None) -> str | None:
        """The organization a subject names ("the county health department said", "according to
        the Transit Authority"): the speaker is then no person. A name the article also writes
        with a first name ("Bell" after "Curtis Bell") is a person's, whatever its entity tag."""
        if token.i in self.by_token:
            return None
        if token.ent_type_ in ("ORG", "NORP", "GPE") and (name is None or name == token.text):
            if name is not None and self.full_name_in_text(name) is not None:
                return None
            start, end = token.i, token.i + 1
            while start > 0 and self.doc[start].ent_iob_ == "I":
                start -= 1
            while end < len(self.doc) and self.doc[end].ent_iob_ == "I":
                end += 1
            return _without_article(self.doc[start:end].text)
        if _names_a_body(token):
            return self.named_body(token) or _without_article(self.source_phrase(token))
        return None

    def named_body(self, token: Token) -> str | None:
        """ "the department said" after "the Harbor City Police Department": the organization the
        article names, last before the description, whose name ends in the description's noun."""
        if not any(c.dep_ == "det" and c.lower_ == "the" for c in token.children) or any(
            c.dep_ in ("compound", "amod", "prep") for c in token.children
        ):
            return None  # "the county health department", "the department of ...": named as written
        nouns = {token.lower_, token.lemma_.lower()}
        names = [
            e for e in self.doc.ents if e.label_ == "ORG" and e.end <= token.i and e[-1].lower_ in nouns and len(e) > 1
        ]
        if names:
            return _without_article(names[-1].text)
        # "The Riverbend Nurses Association endorsed her. “…,” the union said.": the one
        # organization that is the subject of the sentence before
        here = sentence_of(token)
        if here.start == 0:
            return None
        before = sentence_of(self.doc[here.start - 1])
        subjects = [
            e
            for e in before.ents
            if e.label_ == "ORG" and len(e) > 1 and e.root.dep_ in ("nsubj", "nsubjpass") and e.root.head.pos_ == "VERB"
        ]
        if len(subjects) != 1 or any(c.dep_ == "conj" for c in subjects[0].root.children):
            return None  # none, or one of several ("The union and the guild met")
        return _without_article(subjects[0].text)

    def clause_depth(self, start: int) -> int:
        """How many heads lie between the mention at `start` and its sentence's root."""
        span = self.doc.char_span(start, start + 1, alignment_mode="expand")
        if span is None:
            return 0
        token, depth = _head_of_name(span[0]), 0
        while token.head.i != token.i and depth < len(self.doc):
            token, depth = token.head, depth + 1
        return depth

    def introduced_here(self, start: int, person: Person) -> bool:
        """Whether the mention at `start` introduces the person: the first mention, by full name,
        with a role in apposition ("Tom Reyes, president of the caucus")."""
        first = person.mentions[0]
        return first.start == start and len(first.words) > 1 and first.title is not None and not first.title_before_name

    def closing_appositive(self, token: Token) -> Person | None:
        """The person named in apposition at the very end of a subject phrase ("His former
        partner at the firm, Ann Cole,"), wherever the parse attached the appositive."""
        words = [t for t in token.subtree if not t.is_punct and not t.is_space]
        if len(words) < 2 or words[-1].i <= token.i:
            return None
        last = words[-1]
        head = last
        while head.dep_ == "compound" and head.head.i > head.i:
            head = head.head
        if head.dep_ != "appos" or head.i not in self.by_token:
            return None
        person = self.by_token[head.i]
        return person if all(self.by_token.get(t.i) is person for t in words if t.i >= head.i) else None

    def person_after(self, cue: Token) -> Person | None:
        """The person a "said" standing before its subject names: the last person in the run of
        capitalized words, hyphens and line breaks right after the cue ("said County Criminal
        District Attorney / Lena Marsh")."""
        doc = self.doc
        found = None
        for t in doc[cue.i + 1 : min(len(doc), cue.i + 1 + MAX_NAME_RUN)]:
            if not (t.is_space or t.text[:1].isupper() or t.text == "-" or t.lower_ in ("in", "of", "and")):
                break
            found = self.by_token.get(t.i, found)
        return found

    def person_by_title(self, noun: str) -> Person | None:
        matches = [p for p in self.people if p.title and p.title.split()[-1] == noun]
        return matches[0] if len(matches) == 1 else None

    def last_person_before(self, char: int, pronoun: str | None = None) -> Person | None:
        """The person last named before `char`, outside quotations; for "he" or "she", the last
        one whose gender is that or unknown."""
        # "“…,” she said" resolved to Ann Cole is a mention of her, as the subject of her clause
        spoken = [
            (self.doc[q.subject].idx, q.speaker, True)
            for q in self.quotes
            if q.speaker is not None and q.subject is not None and self.doc[q.subject].lower_ in ("he", "she")
        ]
        mentions = sorted(self.mention_order + spoken, key=lambda c: c[0]) if spoken else self.mention_order
        candidates = [c for c in mentions if c[0] < char and self.may_be(c[1], pronoun)]
        if not candidates:  # only a "mostly" first name of the other gender: "Terry", "she"
            candidates = [c for c in mentions if c[0] < char and self.may_be(c[1], pronoun, loose=True)]
        # the speaker of the quote before goes on speaking unless someone fitting has been named
        # since ("“…,” said Ann Cole. Cole added figures. “…,” she said.")
        # (a quote not yet resolved, such as the one this pronoun reports, is no prior speaker)
        prior = next(
            (q for q in reversed(self.quotes) if q.end <= char and q.attributed and _resolved(q)),
            None,
        )
        # a speaker whose first name only mostly has the other gender ("Chris", "she") goes on
        # speaking unless someone of the pronoun's gender is named after the speaker's own mention
        # ("Chris Patel called Ann Cole “reckless” after she ...")
        since = -1
        if prior is not None:
            since = self.doc[prior.subject].idx if prior.subject is not None else prior.start
        rival = prior is not None and any(
            c[0] > since and c[1] is not prior.speaker and self.gender_of(c[1]) == pronoun for c in candidates
        )
        if (
            prior is not None
            and prior.speaker is not None
            and char - prior.end <= PRIOR_SPEAKER_CHARS
            and self.may_be(prior.speaker, pronoun, loose=not rival)
            and not any(c[0] >= prior.end and c[1] is not prior.speaker for c in candidates)
        ):
            return prior.speaker
        if not candidates:
            return None
        # the last sentences naming a fitting person: the latest one with such a person as its
        # subject ("Reyes made it plain that he doubted the plan"), else the last person named
        sentences: list[tuple[int, list[tuple[int, Person, bool]]]] = []
        for c in reversed(candidates):
            span = self.doc.char_span(c[0], c[0] + 1, alignment_mode="expand")
            start = sentence_of(span[0]).start_char if span is not None else c[0]
            if sentences and sentences[-1][0] == start:
                sentences[-1][1].append(c)
            elif len(sentences) < ANTECEDENT_SENTENCES:
                sentences.append((start, [c]))
            else:
                break
        if sentences:
            introduced = [c for c in sentences[0][1] if self.introduced_here(c[0], c[1])]
            if len(introduced) == 1 and not any(c[2] and c[0] > introduced[0][0] for c in sentences[0][1]):
                # "... concerns Tom Reyes, president of the caucus." then "“…,” he said": a source
                # introduced by full name and role right before the quote, unless a main subject follows
                return introduced[0][1]
        for _, found in sentences:
            subjects = [c for c in found if c[2]]
            if subjects:
                # the main clause's subject before a reported clause's ("Ames said Cole was wrong"),
                # else the last (mentions are listed from the sentence's end)
                return min(subjects, key=lambda c: self.clause_depth(c[0]))[1]
        return candidates[-1][1]

    def unnamed_source_before(self, char: int, pronoun: str | None) -> str | None:
        """The unnamed person who spoke the quotation right before `char` ("a neighbor", "one
        witness", "a police spokesman"), as written, where no one is named between and the noun
        fits the pronoun: "he" or "she" after it goes on in that voice, not in the voice of someone
        named earlier ("Police named the victim as Tom Reyes. “…,” a neighbor said. “…,” she said.")."""
        # (the quotation being attributed has no subject yet)
        prior = next((q for q in reversed(self.quotes) if q.end <= char and q.subject is not None), None)
        if prior is None or prior.subject is None or char - prior.end > PRIOR_SPEAKER_CHARS:
            return None
        if prior.speaker is not None or prior.speaker_name is not None or prior.organization is not None:
            return None
        noun = self.doc[prior.subject]
        lemma = noun.lemma_.lower()
        if noun.pos_ != "NOUN" or not noun.is_lower or not (lemma in PERSON_NOUNS or noun.lower_ in PERSON_NOUNS):
            return None
        gender = "he" if noun.lower_ in MALE_WORDS else "she" if noun.lower_ in FEMALE_WORDS else None
        if pronoun is not None and gender is not None and gender != pronoun:
            return None
        if any(noun.idx < c[0] < char for c in self.mention_order):
            return None  # someone named since
        return self.source_phrase(noun)

    def unnamed_subject_before(self, pronoun: Token, gender: str) -> bool:
        """ "The victim's mother spoke at the hearing." / "“…,” she said.": "he" or "she" after a
        sentence whose subject is a person the article does not name (a victim, a juror, a
        witness, someone's mother), with no one fitting named since, means that person, not the
        last person named before: the quote has no named speaker."""
        doc = self.doc
        here = sentence_of(pronoun)
        if here.start == 0:
            return False
        inside = {t.i for q in self.quotes for s, e in q.parts for t in _window_tokens(doc, s, e)}
        before = sentence_of(doc[here.start - 1])
        if any(t.i in inside for t in before) and not any(
            t.dep_ in ("nsubj", "nsubjpass") and t.i not in inside for t in before
        ):
            return False  # a quotation of its own: its speaker goes on
        words = [t for t in before if not t.is_space]
        # the main clause's subject; "A witness called 911": a sentence's opening noun the parse missed
        subjects = [t for t in words if t.dep_ in ("nsubj", "nsubjpass") and t.head.dep_ == "ROOT"]
        if len(words) > 1 and words[0].lower_ in ("a", "an", "the", "one") and words[1] not in subjects:
            subjects.append(words[1])
        for t in subjects:
            if t.i in inside or not t.is_lower:
                continue
            verb = t.head.lemma_.lower()
            if verb not in CUE_VERBS and verb not in SPEAKING_VERBS:
                continue  # "The victim was taken to a hospital.": no one who goes on to speak
            lemma = t.lemma_.lower()
            if lemma not in UNNAMED_NOUNS and t.lower_ not in UNNAMED_NOUNS:
                continue
            noun_gender = "he" if t.lower_ in MALE_WORDS else "she" if t.lower_ in FEMALE_WORDS else None
            if noun_gender is not None and noun_gender != gender:
                continue
            roles = {t.lower_, lemma}
            titled = any(m.title and m.title.lower().split()[-1] in roles for p in self.people for m in p.mentions)
            given = any(
                w.lower_ in roles and (w.i + 1 in self.by_token or self.person_beside(w) is not None)
                for w in doc[: t.i + 1]
            )
            if titled or given:
                continue  # a role the article gives a named person ("Juror Ann Cole")
            if any(t.idx < c[0] < pronoun.idx for c in self.mention_order):
                continue  # someone named since
            return True
        return False

    def pair_before(self, token: Token) -> str | None:
        """The two people named together as the subject of the sentence of "they", or of the
        sentence before it ("Ann Cole and Tom Reyes run the shelter."): "Ann Cole and Tom Reyes"."""
        doc = self.doc
        here = sentence_of(token)
        previous = sentence_of(doc[here.start - 1]) if here.start > 0 else None
        for sent in (here, previous):
            if sent is None:
                continue
            for t in sent:
                # the subject, or the agent of a passive ("was inspected by Ann Cole and Tom Reyes")
                agent = t.dep_ == "pobj" and t.head.dep_ == "agent"
                if t.dep_ not in ("nsubj", "nsubjpass") and not agent or t.i == token.i:
                    continue
                pair = self.pair_of(t)
                if pair is not None:
                    return pair
        return None

    def pair_of(self, token: Token) -> str | None:
        """ "Ann Cole and Tom Reyes": two people named together, the first at `token`."""
        partners = [_head_of_name(c) for c in token.children if c.dep_ == "conj"]
        if len(partners) != 1 or any(g.dep_ == "conj" for g in partners[0].children):  # not two, or a third one
            return None
        first, second = self.person_named(token), self.person_named(partners[0])
        if first is not None and second is not None and first is not second:
            return f"{first.name} and {second.name}"
        return None

    def person_named(self, token: Token) -> Person | None:
        """The person a name's last word names: a mention, or a surname alone ("DDAs Quill and Tosh")."""
        if token.i in self.by_token:
            return self.by_token[token.i]
        return self.person_by_surname(token.text) if token.pos_ == "PROPN" else None

    def by_name(self, token: Token) -> tuple[Person | None, str | None]:
        """The person a capitalized subject names, through its surname or a close spelling ("Tracy
        said"); else the name as written, where it is one."""
        doc = self.doc
        surname = _hyphenated(token)
        person = self.person_by_surname(surname)
        if person is not None:
            return person, None
        full = self.full_name_in_text(surname)
        if full is not None:
            return None, full
        # the run of proper nouns that ends with the subject ("Protesters" opening a sentence is a
        # common noun, and "National Guard" before it belongs to another phrase)
        name_tokens: list[Token] = []
        k = token.i
        while (
            k >= 0
            and token.i - k < MAX_NAME_TOKENS
            and (_is_name_token(doc[k]) or doc[k].text == "-" and not doc[k].whitespace_ and k > 0)
            and (k == token.i or not doc[k + 1].is_sent_start)
        ):
            name_tokens.insert(0, doc[k])
            k -= 1
        while name_tokens and not _is_name_token(name_tokens[0]):
            name_tokens.pop(0)
        if name_tokens and token.ent_type_ in ("PERSON", "") and token.lemma_.lower() not in ORGANIZATION_NOUNS:
            return None, doc_text(doc)[name_tokens[0].idx : token.idx + len(token.text)]
        return None, None

    def person_beside(self, noun: Token) -> Person | None:
        """The person a role noun is written with: before the name ("nominee Ann Cole"), in
        apposition ("Ann Cole, the nominee"; "the nominee, Ann Cole") or as the name's complement
        ("Cole is the nominee")."""
        doc = self.doc
        k = noun.i + 1
        while k < len(doc) and k - noun.i <= 2 and (doc[k].is_space or doc[k].text == "."):
            k += 1
        if k < len(doc) and k in self.by_token and doc[k].text[:1].isupper():
            return self.by_token[k]
        if noun.dep_ == "appos" and _head_of_name(noun.head).i in self.by_token:
            return self.by_token[_head_of_name(noun.head).i]
        for child in noun.children:
            if child.dep_ == "appos" and _head_of_name(child).i in self.by_token:
                return self.by_token[_head_of_name(child).i]
        if noun.dep_ == "attr":
            subjects = [c for c in noun.head.children if c.dep_ == "nsubj" and _head_of_name(c).i in self.by_token]
            if subjects:
                return self.by_token[_head_of_name(subjects[0]).i]
        if noun.dep_ == "pobj" and noun.head.lower_ == "as":  # "hired Ann Cole as his spokeswoman"
            objects = [c for c in noun.head.head.children if c.dep_ == "dobj" and _head_of_name(c).i in self.by_token]
            if objects:
                return self.by_token[_head_of_name(objects[0]).i]
        return None

    def described_person(self, token: Token) -> Person | None:
        """The one person a description means ("the mayor", "the Vermont senator", "his
        spokeswoman", "the party's nominee"): the one the article gives that role, in a title
        ("Mayor Ann Cole") or beside the name ("Ann Cole, the nominee"). Where several have it,
        the one whose role is written near the description's other words ("Vermont"); none where
        that leaves several, or none."""
        nouns = {token.lower_, token.lemma_.lower()}
        if not nouns & PERSON_NOUNS:
            return None
        doc = self.doc
        holders: dict[int, tuple[Person, set[str]]] = {}

        def hold(person: Person, at: int) -> None:
            near = doc[max(0, at - DESCRIPTION_CONTEXT) : min(len(doc), at + DESCRIPTION_CONTEXT + 1)]
            words = {t.lower_.removesuffix("'s").removesuffix("\u2019s") for t in near}
            holders.setdefault(id(person), (person, set()))[1].update(words)

        for person in self.people:
            for m in person.mentions:
                if m.title and m.title.lower().split()[-1] in nouns:
                    hold(person, m.token_start)
        for t in doc:
            if t.i != token.i and (t.lower_ in nouns or t.lemma_.lower() in nouns) and t.pos_ in ("NOUN", "PROPN"):
                beside = self.person_beside(t)
                if beside is not None:
                    hold(beside, t.i)
        if not holders:
            return self.described_antecedent(token)
        if len(holders) > 1 or any(w.text[:1].isupper() for w in self._qualifiers(token)):
            # "the Indiana governor" among two governors: the one whose role is written with "Indiana"
            wanted = {w.lower_ for w in self._qualifiers(token)}
            qualified = {k: v for k, v in holders.items() if wanted & v[1]}
            if not qualified and len(holders) == 1:
                # the one senator named, not written with "Vermont": only if the text refers back to her
                only = next(iter(holders.values()))[0]
                return only if self.described_antecedent(token) is only else None
            holders = qualified
        return next(iter(holders.values()))[0] if len(holders) == 1 else None

    def described_antecedent(self, token: Token) -> Person | None:
        """A definite description of a role the article gives no one ("the Vermont senator", "the
        New York businessman"): like "he" or "she", the person it refers back to, of the gender
        its noun tells, never one of its own qualifiers ("Cole's former aide" is not Cole)."""
        if not _age_description(token) and not any(
            c.dep_ == "det" and c.lower_ == "the" or c.dep_ == "poss" and (c.i in self.by_token or c.pos_ == "PROPN")
            for c in token.children
        ):
            return None  # "a neighbor", "one witness", "his aide": someone the article does not name
        noun = token.lower_
        pronoun = "he" if noun in MALE_WORDS else "she" if noun in FEMALE_WORDS else None
        if self.unnamed_source_before(token.left_edge.idx, pronoun) is not None:
            return None  # "“…,” said a witness. “…,” the man said.": the witness, whom no name fits
        person = self.last_person_before(token.left_edge.idx, pronoun)
        qualifiers = self._qualifiers(token)
        if person is None or any(self.by_token.get(w.i, self.person_by_surname(w.text)) is person for w in qualifiers):
            return None
        if not ({token.lower_, token.lemma_.lower()} & KINSHIP_NOUNS) and self.known_as_kin(person):
            return None  # "Cole's sister, Ann Reyes, ..." then "the rapper said": not the sister
        return person

    def known_as_kin(self, person: Person) -> bool:
        """Whether the article introduces the person as someone's relative, the kinship noun
        beside the name ("Ann Reyes, his sister"; "his sister, Ann Reyes")."""
        return any(
            t.pos_ == "NOUN" and t.lemma_.lower() in KINSHIP_NOUNS and self.person_beside(t) is person
            for t in self.doc
        )

    def _qualifiers(self, token: Token) -> list[Token]:
        """The words before a description's noun that say which one: "Vermont" in "the Vermont
        senator", "party" in "the party's nominee" (not "the", "his", "former")."""
        return [
            t
            for t in token.subtree
            if t.i < token.i
            and t.dep_ in ("compound", "amod", "poss", "nmod", "npadvmod")
            and t.pos_ in ("PROPN", "NOUN", "ADJ")
            and t.lower_ not in ("former", "current", "then", "new", "longtime", "top", "senior", "own")
        ]

    def source_phrase(self, token: Token) -> str:
        """A source that is no person, as the article writes it: the noun phrase up to its head,
        with what an "of" or "at" adds ("officials at the transit authority"), without the
        clauses and appositives that follow."""
        doc = self.doc
        left = {t.i for t in token.subtree if t.i < token.i}
        if token.dep_ == "compound" and token.head.pos_ == "VERB":
            # "the study notes": the words before a subject the parse hung on its verb
            left |= {
                c.i for c in token.head.children if c.i < token.i and c.dep_ in ("det", "amod", "compound", "poss")
            }
        start = token.i
        while start - 1 in left and not doc[start - 1].is_space:
            before = doc[start - 1]
            if before.is_punct and before.text not in ("-", "'", "\u2019"):
                break  # "Ann Cole's aide, a former clerk": an appositive ends the phrase
            start -= 1
        while start < token.i and doc[start].dep_ in ("advmod", "cc", "preconj"):
            start += 1  # "Even the council": the adverb is no part of the name
        end = token.i + 1
        for child in token.children:
            if child.i == end and child.dep_ == "prep" and child.lower_ in ("of", "at", "for", "from", "in", "on"):
                stop = max(t.i for t in child.subtree) + 1
                if not any(t.is_punct and t.text in (",", ";", "(") for t in doc[end:stop]):
                    end = min(stop, start + MAX_SOURCE_TOKENS)
        words = doc[start:end]
        return " ".join(doc_text(doc)[words[0].idx : words[-1].idx + len(words[-1].text)].split())

    def source(self, q: QuoteSpan) -> tuple[str | None, SpeakerType | None]:
        """A quote's `speaker` and what it is: the person; else the organization; else a name
        written with no person known; else the group, document or description the subject
        phrase writes ("protesters", "the report", "a neighbor"); null where none is given or
        the source is a pronoun for no one person ("they", "it")."""
        if q.speaker is not None:
            return q.speaker.name, SpeakerType.person
        if q.organization is not None:
            return q.organization, SpeakerType.organization
        token = self.doc[q.subject] if q.subject is not None else None
        if token is not None:
            while token.lower_ in ("who", "that", "which") and token.head.dep_ in ("relcl", "acl"):
                if token.head.head.i == token.i:
                    break
                token = _head_of_name(token.head.head)  # "the agency, which said": the antecedent
        if q.speaker_name is not None and q.speaker_name[:1].islower():
            return q.speaker_name, SpeakerType.other  # "a neighbor" going on speaking as "she"
        if q.speaker_name is not None:
            return q.speaker_name, _name_type(q.speaker_name, token)
        if token is None or token.pos_ not in ("NOUN", "PROPN") or token.lower_ in PRONOUNS or not _may_speak(token):
            return None, None
        phrase = self.source_phrase(token)
        if token.ent_type_ in ORGANIZATION_ENTITIES or _names_a_body(token):
            return phrase, SpeakerType.organization
        return phrase, SpeakerType.other

    def pronoun(self, token: Token, phrase: str) -> tuple[Person | None, str | None, str]:
        """`resolve` of a pronoun, or of "the two" that means two people as "they" does."""
        low = token.lower_
        if low in PAIR_WORDS:
            if any(g.pos_ != "PRON" for c in token.children if c.dep_ == "prep" for g in c.children):
                return None, None, phrase  # "two of the victims said": a group, not the two named before
            return None, self.pair_before(token), phrase  # "“…,” the two said", "both of them said"
        if PRONOUNS[low] == "i" and self.author is not None:
            return self.author, None, token.text  # a column's "I said, “…”": its writer
        if PRONOUNS[low] in ("he", "she"):
            unnamed = self.unnamed_source_before(token.idx, PRONOUNS[low])
            if unnamed is not None:  # "“…,” a neighbor said. “…,” she said.": the neighbor goes on
                return None, unnamed, token.text
            if self.unnamed_subject_before(token, PRONOUNS[low]):
                return None, None, token.text
            return self.last_person_before(token.idx, PRONOUNS[low]), None, token.text
        if PRONOUNS[low] == "they":  # "Ann Cole and Tom Reyes run the shelter. “…,” they said."
            return None, self.pair_before(token), token.text
        return None, None, token.text  # "it", or "they" for a group, a body or a document

    def resolve(self, token: Token, describe: bool = True) -> tuple[Person | None, str | None, str]:
        """The person a subject token names, a name when no person is known, and the phrase; with
        `describe`, also the person a description means ("the mayor", "his spokeswoman")."""
        phrase_tokens = [t for t in token.subtree if not t.is_punct and not t.is_space] if token.dep_ else [token]
        phrase = " ".join(t.text for t in phrase_tokens[:8]) or token.text
        pair = self.pair_of(token)  # "said DDAs Quill and Tosh": both speak
        if pair is not None:
            return None, pair, phrase
        if token.i in self.by_token:
            return self.by_token[token.i], None, phrase
        for child in token.children:  # "The commissioner, Owain Rhys-Bevan, said"
            if child.dep_ == "appos" and child.i in self.by_token:
                return self.by_token[child.i], None, phrase
        if token.dep_ == "appos" and _head_of_name(token.head).i in self.by_token:
            # "Tomas Ferreira, a farm owner who wrote ...": the description stands beside a name
            return self.by_token[_head_of_name(token.head).i], None, phrase
        closing = self.closing_appositive(token)
        if closing is not None:  # "Her partner at the firm, Ann Cole, said": the parse hangs the name lower
            return closing, None, phrase
        titled = self.titled_name(token)
        if titled is not None:  # "Special Agent in Charge Lena Marsh said": the name closing the title
            return titled, None, phrase
        low = token.lower_
        if low in ("who", "that", "which") and token.head.dep_ in ("relcl", "acl") and token.head.head.i != token.i:
            return self.resolve(_head_of_name(token.head.head))  # "Kowalczyk, who said": the antecedent
        if low in PRONOUNS or low in PAIR_WORDS:
            return self.pronoun(token, phrase)
        if describe and _age_description(token):
            # "“…,” said the 29-year-old": like "he" or "she", the person named before it
            return self.described_antecedent(token), None, phrase
        described = any(c.dep_ in ("det", "poss") for c in token.children)
        if describe and described and (low in PERSON_NOUNS or token.lemma_.lower() in PERSON_NOUNS):
            # "the mayor", "The President", "his spokeswoman": the one person the article names so
            return self.described_person(token), None, phrase
        if token.pos_ == "PROPN" or token.text[:1].isupper() and token.pos_ in ("NOUN", "PROPN"):
            person, name = self.by_name(token)
            return person, name, phrase
        if low in ROLE_NOUNS or token.lemma_.lower() in ROLE_NOUNS:
            by_title = self.person_by_title(token.lemma_.lower())
            return by_title or (self.described_person(token) if describe else None), None, phrase
        return None, None, phrase


def _name_type(name: str, token: Token | None) -> SpeakerType:
    """A name written with no person known is a person's ("Walt Rivera said", even where the
    entity recognizer calls it an organization), unless it is an acronym ("OCDA"), has a word
    naming a body ("District Attorney's Office") or is one word tagged as an organization or a
    place ("Reuters")."""
    words = name.split()
    if len(words) > 1 and is_first_name(words[0]):
        return SpeakerType.person  # "Dana Court": a first name opens it
    if name.isupper() and len(name) > 1 or any(w.lower().strip(".,'\u2019") in ORGANIZATION_NOUNS for w in words):
        return SpeakerType.organization
    if len(words) == 1 and token is not None and token.ent_type_ in ORGANIZATION_ENTITIES:
        return SpeakerType.organization
    return SpeakerType.person


def _names_a_body(token: Token) -> bool:
    """A noun that names an organization ("the department", "the union"), not the plural of
    one followed by whom it counts ("groups of parents"): people, not a body."""
    if token.lemma_.lower() not in ORGANIZATION_NOUNS and token.lower_ not in ORGANIZATION_NOUNS:
        return False
    return token.lower_ == token.lemma_.lower() or not any(c.lower_ == "of" for c in token.children)


def _is_name_token(token: Token) -> bool:
    return token.pos_ == "PROPN" and token.text[:1].isupper() and token.lower_ not in ROLE_NOUNS


def _resolved(q: QuoteSpan) -> bool:
    """Whether a quote's speaker has been found: a person, a name or an organization."""
    return q.speaker is not None or q.speaker_name is not None or q.organization is not None


def _is_subject(token: Token) -> bool:
    """A clause's subject, or a name in apposition to one ("Her father, Tom Reyes, said") or
    owning one ("Ann Cole's husband was struck")."""
    if token.dep_ in ("nsubj", "nsubjpass") or (
        token.dep_ in ("appos", "poss") and token.head.dep_ in ("nsubj", "nsubjpass")
    ):
        return True
    if token.dep_ == "compound" and token.head.pos_ in ("VERB", "AUX") and token.head.i == token.i + 1:
        return True  # "Reyes bristles at ...": the parser made the subject a compound of its verb
    if token.dep_ == "pobj" and token.head.dep_ == "agent":
        return True  # "the plan was attacked by Ann Cole": the one acting
    # "Ann Cole, who has called for ...": the one a relative clause has act
    return any(
        c.dep_ == "relcl" and any(g.dep_ == "nsubj" and g.tag_ == "WP" for g in c.children) for c in token.children
    )


def _modifies_a_noun(token: Token) -> bool:
    """ "the Clinton campaign", "the Obama administration": a name used as a modifier, no antecedent."""
    return token.dep_ == "compound" and token.head.pos_ == "NOUN"


def _without_article(text: str) -> str:
    for article in ("the ", "The ", "a ", "A "):
        text = text.removeprefix(article)
    return " ".join(text.split())


def _cue_right_before(tokens: list[Token], q: QuoteSpan, skip: set[int]) -> tuple[Token, Token] | None:
    """ "I told my neighbor and she said, “…”": the speech verb that ends the words right before the
    quotation, with a subject of its own, reports it (not an earlier verb of the sentence)."""
    words = [t for t in tokens if not t.is_punct and not t.is_space]
    if not words or words[-1].idx > q.start or tokens[-1].idx + len(tokens[-1].text) + 2 < q.start:
        return None
    cue = verb = words[-1]
    if not _is_cue_verb(verb) or _describes_a_thing(verb):
        return None
    while verb.dep_ == "conj" and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        verb = verb.head  # "I laughed and said, “…”": the subject the verbs share
    subjects = [c for c in _subjects(verb) if c.i not in skip and _may_speak(c)]
    if not subjects or subjects[0].pos_ not in ("PROPN", "NOUN", "PRON"):
        return None
    if subjects[0].lower_ in ("it", "they", "what", "which", "that", "this"):
        return None  # "what it called “…”": a body or a thing, which the wider search resolves
    return cue, _head_of_name(subjects[0])


def _cue_in(tokens: list[Token], skip: set[int]) -> tuple[Token, Token | None] | None:
    """A speech verb among tokens and its subject token (None when the parse gives none). A verb
    with a subject wins over one without ("Asked about it, O'Neill said")."""
    low = lowers(tokens[0].doc) if tokens else []
    first_bare: tuple[Token, Token | None] | None = None
    # "According to the Harbor Times, spokesman Tom Reyes said “…”": a speech verb's subject
    # after it speaks; "according to" alone gives the source
    according: tuple[Token, Token | None] | None = None
    for k, t in enumerate(tokens):
        if t.i in skip:
            continue
        source = _according_to(tokens, k, low, skip)
        if source is not None:
            according = according or source
            continue
        if not _is_cue_verb(t) or _addressee_clause(t) or _describes_a_thing(t):
            continue
        verb = t
        while verb.dep_ in ("conj", "xcomp") and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
            verb = verb.head  # "called it 'unsustainable' and said ...": the first verb's subject
        if t.tag_ == "VBG" and t.dep_ in ("advcl", "xcomp") and t.head.pos_ in ("VERB", "AUX"):
            verb = t.head  # "Cole waved the complaint away, saying ...": the one who waved it away
        opening = _opening_participle_clause(t)
        if opening is not None:
            verb = opening  # "Claiming the attacks on Reyes were planned, Cole told ...": Cole claims
        fronted = t.dep_ == "pcomp" and t.head.dep_ == "prep" and t.head.i < t.head.head.i
        if t.tag_ == "VBG" and fronted and t.head.head.pos_ in ("VERB", "AUX"):
            verb = t.head.head  # "After saying it was “…”, she left": a phrase opening the clause of its subject
        subjects = [c for c in _subjects(verb) if c.i not in skip and _may_speak(c)]
        if subjects:
            return t, _head_of_name(subjects[0])
        if t.dep_ == "acl" and t.head.pos_ in ("NOUN", "PROPN"):
            # "backs a campaign from the Road Board reminding drivers that “…”": the one the
            # campaign is from speaks, not the subject of the clause around it
            agents = [
                o
                for p in t.head.children
                if p.dep_ == "prep" and p.lower_ in ("from", "by") and p.i < t.i
                for o in p.children
                if o.dep_ == "pobj" and o.i not in skip and _may_speak(o)
            ]
            if agents:
                return t, _head_of_name(agents[0])
        # a broken parse: the nearest name or pronoun beside the verb
        beside = [
            x
            for x in tokens
            if x.i not in skip
            and x.i != t.i
            and _may_speak(x)
            and x.tag_ not in ("WP", "WDT")  # "who asked": a relative clause's own subject
            and (x.pos_ in ("PROPN", "PRON") or x.lower_ in ROLE_NOUNS)
            and (abs(x.i - t.i) <= 5 or x.ent_type_ == "PERSON" and _apposed_distance(x, t) <= MAX_APPOSED_DISTANCE)
        ]
        if beside:
            # a person before anything else: "Flynn said on Fox News" speaks for Flynn
            beside.sort(key=lambda x: (x.ent_type_ not in ("PERSON", ""), _apposed_distance(x, t), x.i < t.i))
            return t, _head_of_name(beside[0])
        if first_bare is None:
            first_bare = (t, None)
    return according or first_bare


def _according_to(tokens: list[Token], k: int, low: list[str], skip: set[int]) -> tuple[Token, Token | None] | None:
    """ "according to X" at token k, and its source; "Per Sheriff Mark Olsen, “…”": a "per" that
    opens its sentence before a name and a comma says the same."""
    t = tokens[k]
    if low[t.i] == "according" and k + 1 < len(tokens) and low[tokens[k + 1].i] == "to":
        objects = [c for c in tokens[k + 1].children if c.dep_ == "pobj"]
        after = [x for x in tokens[k + 2 :] if x.i not in skip and (x.pos_ in ("PROPN", "NOUN", "PRON"))]
        return t, (objects[0] if objects else after[0] if after else None)
    end = _per_source(t)
    return (t, _head_of_name(t.doc[end - 1])) if end else None


def _per_source(token: Token) -> int:
    """ "Per Sheriff Mark Olsen, …": the end of the capitalized name after a "per" that opens its
    sentence and is followed by a comma; 0 for any other "per" ("per year", "per the agreement")."""
    doc = token.doc
    if token.lower_ != "per" or not (token.is_sent_start or doc[token.i - 1].is_space):
        return 0
    k = token.i + 1
    while k < len(doc) and k - token.i <= MAX_NAME_RUN and (doc[k].text[:1].isupper() or doc[k].text == "."):
        k += 1
    if k == token.i + 1 or k >= len(doc) or doc[k].text != "," or doc[k - 1].pos_ != "PROPN":
        return 0
    return k


def _opening_participle_clause(cue: Token) -> Token | None:
    """The main verb after a participle clause that opens the sentence with a speech verb
    ("Claiming the vote was rigged, Cole told ...", "Noting the cost, Reyes said ..."): its
    subject is the one claiming, not a name inside the clause, even where the parse does not hang
    the participle on that verb."""
    sent = sentence_of(cue)
    if cue.tag_ != "VBG" or any(not t.is_punct for t in sent[: cue.i - sent.start]):
        return None
    comma = next((t for t in sent if t.i > cue.i and t.text == ","), None)
    if comma is None:
        return None
    main = next((t for t in sent if t.i > comma.i and t.pos_ in ("VERB", "AUX") and t.dep_ == "ROOT"), None)
    return main if main is not None and _subjects(main) else None


def _quote_root(doc: Doc, q: QuoteSpan) -> Token | None:
    """The one quoted word whose head lies outside the quotation (None for a long quotation, or
    one the parse does not hang on a single word)."""
    span = doc.char_span(q.start, q.end, alignment_mode="expand")
    if span is None or len(span) > CUE_REACH:
        return None
    words = [t for t in span if not t.is_punct and not t.is_space]
    tops = [t for t in words if not (span.start <= t.head.i < span.end) or t.head.i == t.i]
    return tops[0] if len(tops) == 1 else None


def _governing_cue(doc: Doc, q: QuoteSpan) -> Token | None:
    """The speech verb the quotation hangs on in the parse: the nearest speech verb among the
    heads above the quoted words."""
    token = _quote_root(doc, q)
    if token is None:
        return None
    for _ in range(MAX_NAME_RUN):
        if token.head.i == token.i:
            return None
        token = token.head
        if _is_cue_verb(token):
            return token
    return None


def _describes_a_thing(verb: Token) -> bool:
    """A past participle describing a noun ("In a message posted Friday, Cole said ..."): it names
    the thing, and reports no one's words."""
    return verb.tag_ == "VBN" and verb.dep_ in ("acl", "amod") and verb.head.pos_ in ("NOUN", "PROPN")


def _addressee_clause(verb: Token) -> bool:
    """A speech verb in a clause describing the one spoken to ("told a student who asked why ..."):
    the outer verb reports the quote, not this one."""
    listener = verb.head
    return (
        verb.dep_ == "relcl"
        and listener.dep_ in ("dobj", "iobj", "dative")
        and _is_cue_verb(listener.head)
        and listener.head.i < verb.i
    )


def _apposed_distance(name: Token, verb: Token) -> int:
    """Tokens from a name to the verb after it, not counting an appositive set off by commas right
    after the name ("Tom Reyes, the head of the Urban Fund, told ...")."""
    if name.i >= verb.i:
        return name.i - verb.i
    doc = name.doc
    if name.i + 1 < verb.i and doc[name.i + 1].text == ",":
        for k in range(name.i + 2, verb.i):
            if doc[k].text == ",":
                return verb.i - k
    return verb.i - name.i


def _is_cue_verb(token: Token) -> bool:
    lemma = token.lemma_.lower()
    verb = token.pos_ in ("VERB", "AUX") or token.tag_.startswith("VB")
    if lemma == "put" and not any(c.dep_ == "dobj" and c.lower_ in ("it", "this", "that") for c in token.children):
        return False  # "as Cole put it" reports words; "chose the town to put the park in" does not
    if lemma in CUE_VERBS and verb:
        return True
    if lemma in DOCUMENT_VERBS and verb and any(_is_document(c) for c in _subjects(token)):
        return True  # "“…,” the review found": a document's own verbs report its words
    return _capitalized_cue(token)


def _subjects(verb: Token) -> list[Token]:
    """A verb's subjects, with a noun the parse made a compound of the verb right after it ("“…,”
    the study notes": "study" hangs on "notes" as a compound)."""
    return [
        c
        for c in verb.children
        if c.dep_ in ("nsubj", "nsubjpass")
        or c.dep_ in ("compound", "amod")
        and c.i == verb.i - 1
        and (c.pos_ in ("NOUN", "PROPN") or _age_description(c))  # "the 29-year-old said"
        and verb.pos_ == "VERB"
    ]


def _is_document(token: Token) -> bool:
    return token.lemma_.lower() in DOCUMENT_NOUNS or token.lower_ in DOCUMENT_NOUNS


def _capitalized_cue(token: Token) -> bool:
    """ "“…” Said SDPD Chief Ann Cole.": a speech verb opening the sentence right after a quotation,
    which the tagger, misled by its capital and the acronym after it, takes for part of a name."""
    if not token.text[:1].isupper() or token.i == 0 or token.doc[token.i - 1].text not in CLOSERS:
        return False
    return _cue_form(token.lower_)


def _cue_form(low: str) -> bool:
    """A past or third-person form of a speech verb, read off the word alone ("said", "stated")."""
    if low in ("said", "says"):
        return True
    stem = low[:-2] if low.endswith("ed") else low[:-1] if low.endswith("s") else ""
    return bool(stem) and (stem in CUE_VERBS or stem + "e" in CUE_VERBS)


def _hyphenated(token: Token) -> str:
    """A surname the tokenizer split at its hyphen: "Ashby-Monroe"."""
    doc = token.doc
    start = token.i
    while (
        start >= 2
        and doc[start - 1].text == "-"
        and not doc[start - 2].whitespace_
        and doc[start - 2].text[:1].isupper()
    ):
        start -= 2
    return doc_text(doc)[doc[start].idx : token.idx + len(token.text)]


def _age_description(token: Token) -> bool:
    """ "the 29-year-old", "the 6-month-old": a person described by age alone, read off the
    words "the", a number, "-", a unit, "-", "old" (the tagger reads them as a date, and the
    parse may hang them on the verb)."""
    doc, i = token.doc, token.i
    if token.lower_ != "old" or i < 5 or i + 1 < len(doc) and doc[i + 1].text == "-":
        return False
    words = [t.lower_ for t in doc[i - 5 : i]]
    return (
        words[0] == "the"
        and doc[i - 4].like_num
        and words[2] == words[4] == "-"
        and doc[i - 2].lemma_.lower() in AGE_UNITS
        and not (i + 1 < len(doc) and doc[i + 1].pos_ in ("NOUN", "PROPN"))  # "the 29-year-old nurse"
    )


def _may_speak(token: Token) -> bool:
    """Days, dates and possessive determiners are never speakers ("said Monday", "its"); "the two"
    is the two people named before it; "the 29-year-old" is a person."""
    if token.lower_ in PAIR_WORDS:
        return token.dep_ != "poss"
    if _age_description(token):
        return True
    return token.ent_type_ not in ("DATE", "TIME", "CARDINAL", "ORDINAL", "PERCENT", "MONEY") and token.dep_ != "poss"


def _head_of_name(token: Token) -> Token:
    """The last word of a name written before it: "Mayor Tishaura Jones" -> "Jones"."""
    while token.dep_ == "compound" and token.head.i > token.i and token.head.pos_ != "VERB":
        token = token.head
    return token


def attribute(doc: Doc, quotes: list[QuoteSpan], people: list[Person]) -> Attributor:
    text = doc_text(doc)
    attributor = Attributor(doc, people, quotes)
    inside = {t.i for q in quotes for s, e in q.parts for t in _window_tokens(doc, s, e)}
    paragraphs = attributor.paragraphs
    for n, q in enumerate(quotes):
        ps, pe = paragraphs[q.last_paragraph]
        nxt = quotes[n + 1].start if n + 1 < len(quotes) and quotes[n + 1].paragraph == q.last_paragraph else pe
        after = _first_sentence(_window_tokens(doc, q.end, min(nxt, pe)))
        if text[q.end - 2 : q.end - 1] == "," and _bare_name_attribution(after, q, attributor):
            continue
        if text[q.end : q.end + 3].lstrip()[:1] in DASHES and _dash_attribution(
            _window_tokens(doc, q.end, min(nxt, pe)), q, attributor
        ):
            continue
        if _sourced_by_noun(doc, quotes, n, paragraphs, inside, attributor):
            continue
        if text[q.end : pe].strip() == "" and _signed_below(doc, q, paragraphs, attributor):
            continue
        for window in _windows(doc, quotes, n, paragraphs, after, nxt < pe):
            found = _cue_right_before(window, q, inside) or _cue_in(window, inside)
            if found is not None:
                _attribute_by_cue(q, found[0], found[1], attributor)
                break
        if not q.attributed:
            _attribute_by_sentence(doc, q, inside, attributor)
        if not q.attributed or _first_person(doc, q):
            _attribute_by_label(doc, q, paragraphs, attributor)
    _split_between_speakers(text, quotes)
    _inherit(quotes, paragraphs)
    for n, q in enumerate(quotes):
        # a quote paragraph right after indirect speech, not continuing another quote
        continues = n > 0 and quotes[n - 1].last_paragraph == q.paragraph - 1
        if not q.attributed and not continues:
            _introduced(doc, q, paragraphs, inside, attributor)
    # the quote paragraphs that follow one attributed only now (by the indirect speech or the
    # heading above it) go on in its speaker's voice
    _inherit(quotes, paragraphs)
    return attributor


def _windows(
    doc: Doc,
    quotes: list[QuoteSpan],
    n: int,
    paragraphs: list[tuple[int, int]],
    after: list[Token],
    another_follows: bool,
) -> list[list[Token]]:
    """The stretches of text searched for the speech verb of quote `n`, most likely first: the
    sentence after it, the sentence before it, and a paragraph before ending in a colon."""
    text = doc_text(doc)
    q = quotes[n]
    first_ps, _ = paragraphs[q.paragraph]
    prev_end = quotes[n - 1].end if n > 0 and quotes[n - 1].last_paragraph == q.paragraph else first_ps
    before = _last_sentence(_window_tokens(doc, max(prev_end, first_ps), q.start))
    windows = []
    if after and not (after[-1].text == ":" and another_follows):
        windows.append(after)
    if before:
        # "X said the ad “unmistakably” suggests ...": when no speech verb follows the quote
        # closely, the words before it attribute it
        tight = any(_is_cue_verb(t) for t in after[:4]) or text[q.end - 2 : q.end - 1] in (",", "?", "!")
        windows.insert(0 if windows and not tight else len(windows), before)
    governing = _governing_cue(doc, q)
    if governing is not None and len(windows) == 2 and any(t.i == governing.i for t in windows[1]):
        windows.reverse()  # "Flynn said Trump was “right” when he said ...": the verb the quote hangs on
    if q.start == first_ps and q.paragraph > 0:  # "Jones added:" on the paragraph before
        pps, ppe = paragraphs[q.paragraph - 1]
        if text[pps:ppe].rstrip().endswith(":"):
            windows.append(_last_sentence(_window_tokens(doc, pps, ppe)))
    return windows


def _issuer(token: Token) -> Token:
    """Who issued a statement or a document the subject names: "a statement from the Riverton
    Police Department", "an email from Ann Cole", "a release by the sheriff's office" speak for
    the body or person after "from" or "by"; other subjects are themselves."""
    if token.lemma_.lower() not in SPEECH_NOUNS | DOCUMENT_NOUNS and token.lower_ not in SPEECH_NOUNS | DOCUMENT_NOUNS:
        return token
    for prep in token.children:
        if prep.dep_ == "prep" and prep.lower_ in ("from", "by") and prep.i == token.i + 1:
            issuers = [c for c in prep.children if c.dep_ == "pobj"]
            if issuers and (
                issuers[0].pos_ == "PROPN" or issuers[0].lemma_.lower() in ORGANIZATION_NOUNS | PERSON_NOUNS
            ):
                return _head_of_name(issuers[0])
    return token


def _sourced_by_noun(
    doc: Doc,
    quotes: list[QuoteSpan],
    n: int,
    paragraphs: list[tuple[int, int]],
    inside: set[int],
    attributor: Attributor,
) -> bool:
    """ "a saying by Judge Ana Ruiz, “…”", "shared a quote from Governor Tom Reyes: “…”": words
    named as someone's right before the quotation are that source's, whoever the sentence's
    subject is."""
    q = quotes[n]
    ps, _ = paragraphs[q.paragraph]
    prev_end = quotes[n - 1].end if n > 0 and quotes[n - 1].last_paragraph == q.paragraph else ps
    words = [t for t in _window_tokens(doc, max(prev_end, ps), q.start) if not t.is_space and t.i not in inside]
    if len(words) < 4 or words[-1].text not in (",", ":"):
        return False
    words = words[:-1]
    last = words[-1]
    if doc_text(doc)[last.idx + len(last.text) : q.start].strip() not in (",", ":"):
        return False
    for k in range(len(words) - 2, max(0, len(words) - MAX_NAME_RUN) - 1, -1):
        prep = words[k]
        if prep.lower_ not in ("by", "from") or k == 0:
            continue
        noun = words[k - 1]
        if noun.lower_ not in SOURCED_NOUNS and noun.lemma_.lower() not in SOURCED_NOUNS:
            return False
        objects = [c for c in prep.children if c.dep_ == "pobj"]
        if not objects or max(t.i for t in objects[0].subtree) != last.i or not _may_speak(objects[0]):
            return False
        source = _head_of_name(objects[0])
        person, name, phrase = attributor.resolve(source)
        organization = attributor.organization(source, name) if person is None else None
        if person is None and name is None and organization is None:
            return False
        q.speaker, q.speaker_name, q.speaker_phrase = person, None if organization else name, phrase
        q.organization, q.subject = organization, source.i
        q.cue, q.cue_token, q.attributed, q.reported = noun.text, noun.i, True, True
        return True
    return False


def _owner_of_words(subject: Token, attributor: Attributor) -> Token:
    """ "Roe's statement read: “…”", "the chief's letter said": the person whose statement or
    document speaks is the source, not the paper."""
    low = {subject.lower_, subject.lemma_.lower()}
    if not low & (SPEECH_NOUNS | DOCUMENT_NOUNS | SOURCED_NOUNS):
        return subject
    for owner in subject.children:
        if owner.dep_ == "poss" and owner.pos_ in ("PROPN", "NOUN") and owner.lower_ not in PRONOUNS:
            person, _, _ = attributor.resolve(_head_of_name(owner), describe=owner.pos_ == "NOUN")
            if person is not None:
                return _head_of_name(owner)
    return subject


def _attribute_by_cue(q: QuoteSpan, cue: Token, subject: Token | None, attributor: Attributor) -> None:
    """Attribute a quote to the subject of the speech verb that reports it."""
    if subject is not None:
        subject = _owner_of_words(_issuer(subject), attributor)
    q.cue, q.cue_token, q.attributed, q.reported = cue.text, cue.i, True, True
    if subject is not None:
        q.speaker, q.speaker_name, q.speaker_phrase = attributor.resolve(subject)
        q.subject = subject.i
    if q.speaker is None and (subject is None or subject.i > cue.i and attributor.pair_of(subject) is None):
        # "said Harbor County / District Attorney Lena Marsh": the parse broke at the line
        named = attributor.person_after(cue)
        if named is not None:
            q.speaker, q.speaker_name = named, None
    if q.speaker is None and subject is not None:
        q.organization = attributor.organization(subject, q.speaker_name)
        if q.organization is not None:
            q.speaker_name = None


def _bare_name_attribution(after: list[Token], q: QuoteSpan, attributor: Attributor) -> bool:
    """ "“…,” District Attorney Ann Cole." with its verb left out: the person named."""
    words = [t for t in after if not t.is_space and not t.is_punct]
    if not words or len(words) > MAX_NAME_RUN or after[-1].text != ".":
        return False
    if not all(t.text[:1].isupper() or t.lower_ in TITLE_SMALL_WORDS for t in words):
        return False
    person = attributor.by_token.get(words[-1].i)
    if person is None:
        return False
    q.speaker, q.speaker_phrase, q.attributed, q.reported = person, " ".join(t.text for t in words), True, True
    return True


def _signed_below(doc: Doc, q: QuoteSpan, paragraphs: list[tuple[int, int]], attributor: Attributor) -> bool:
    """ "“…”" / "- Chief Dana Roe": a quotation that ends its paragraph, signed on the line below
    with a dash and a person's name (a title or an office may follow after a comma)."""
    if q.last_paragraph + 1 >= len(paragraphs):
        return False
    nps, npe = paragraphs[q.last_paragraph + 1]
    line = doc_text(doc)[nps:npe].strip()
    if not line or line[0] not in "".join(DASHES) or len(line.split()) > MAX_NAME_RUN:
        return False
    words = [t for t in _window_tokens(doc, nps, npe) if not t.is_space and t.text not in DASHES]
    name = []
    for t in words:
        if not (t.text[:1].isupper() or t.text.endswith(".") and len(t.text) > 1):
            break
        name.append(t)
    person = attributor.by_token.get(name[-1].i) if name else None
    if person is None:
        return False
    q.speaker, q.speaker_phrase, q.attributed, q.reported = person, " ".join(t.text for t in name), True, True
    q.cue, q.subject = line[0], name[-1].i
    return True


def _dash_attribution(after: list[Token], q: QuoteSpan, attributor: Attributor) -> bool:
    """Epigraph style: "“...” ― Esther Tapia"."""
    names = []
    while after and (after[0].text in DASHES or not after[0].text[:1].isalpha()):
        after = after[1:]
    for t in after[:5]:
        if t.text[:1].isupper() or t.text == "-" or t.text.endswith("."):
            names.append(t)
        else:
            break
    names = [t for t in names if t.text not in (".",)]
    if not names or not names[-1].text[:1].isupper():
        return False
    after = [after[0]] + after  # the cue shown is the dash
    person, name, phrase = attributor.resolve(names[-1])
    q.speaker = person
    q.speaker_name = name or (None if person else " ".join(t.text for t in names))
    q.speaker_phrase, q.cue, q.attributed = " ".join(t.text for t in names), after[0].text, True
    q.subject = names[-1].i
    q.reported = True
    return True


SUBJECT_WINDOW = 200  # tokens either side of a quote where its sentence's subjects are looked for


def _attribute_by_sentence(doc: Doc, q: QuoteSpan, inside: set[int], attributor: Attributor) -> None:
    """A quote inside a sentence with no speech verb ("Reid called him a 'human leech'", "the
    'vicious snake' Trump described"): the person who is the subject of a verb of the sentence,
    nearest the quote."""
    first = doc.char_span(q.start, min(q.end, q.start + 1), alignment_mode="expand")
    if first is None:
        return
    governing = _governing_cue(doc, q)
    if governing is not None:  # "Cole wrote that Reyes was “rude” and “a bully”": the writer's words
        found = _cue_in([governing], inside)
        if found is not None and found[1] is not None:
            person, name, phrase = attributor.resolve(found[1])
            if person is not None or name is not None:
                q.speaker, q.speaker_name, q.speaker_phrase, q.attributed = person, name, phrase, True
                q.cue, q.cue_token, q.reported = governing.text, governing.i, True
                return
    sent = sentence_of(first[0])
    # subjects within SUBJECT_WINDOW tokens of the quote: a "sentence" of thousands of quotes
    # (a flood the parser never splits) would make this quadratic; real sentences fit whole
    near = doc[max(sent.start, first[0].i - SUBJECT_WINDOW) : min(sent.end, first[0].i + SUBJECT_WINDOW)]
    candidates = [t for t in near if t.i not in inside and t.dep_ in ("nsubj", "nsubjpass") and _may_speak(t)]
    candidates.sort(key=lambda t: abs(t.idx - q.start))
    for t in candidates:
        # no speech verb: only a person named there makes the words theirs ("the District Attorney
        # convened a first “think tank”" is a term, not the prosecutor's words)
        person, name, phrase = attributor.resolve(_head_of_name(t), describe=False)
        if person is not None or name is not None:
            q.speaker, q.speaker_name, q.speaker_phrase, q.attributed = person, name, phrase, True
            q.cue = t.head.text
            return


def _first_person(doc: Doc, q: QuoteSpan) -> bool:
    """A quotation reported by "I" or "we" with no one named ("I told them “no”"): in a
    transcript, the speaker of the turn."""
    unnamed = q.speaker is None and q.speaker_name is None
    return unnamed and q.subject is not None and doc[q.subject].lower_ in ("i", "we")


def _attribute_by_label(doc: Doc, q: QuoteSpan, paragraphs: list[tuple[int, int]], attributor: Attributor) -> None:
    """Transcripts: "WALLACE: Governor, ..." (also inside the mark that opens a quoted turn)
    speaks the paragraph: the person with that surname, else the label as a name. "Q:" and "A:"
    name the asker and the answerer, not who they are: the speaker stays unknown (docs/ANNOTATION.md)."""
    ps, pe = paragraphs[q.paragraph]
    head = doc_text(doc)[ps : min(pe, ps + 40)].lstrip().lstrip('"\u201c')
    label, colon, _ = head.partition(":")
    label = label.strip()
    if not (colon and label and label.replace(" ", "").replace(".", "").isalpha() and label.isupper()):
        return
    q.speaker_phrase, q.attributed, q.reported = label, True, True
    if len(label.rstrip(".")) == 1:  # "Q:", "A:"
        return
    person = attributor.person_by_surname(label.split()[-1].title())
    q.speaker = person
    q.speaker_name = None if person else label.title()


def _introduced(
    doc: Doc, q: QuoteSpan, paragraphs: list[tuple[int, int]], inside: set[int], attributor: Attributor
) -> None:
    """A quote paragraph with no attribution after a paragraph of indirect speech ("Sgt. Dwight
    Hollenbeck ... said the unit added two shifts." / "“A DUI arrest takes ..."): that speaker."""
    if q.paragraph == 0 or q.start != paragraphs[q.paragraph][0]:
        return
    pps, ppe = paragraphs[q.paragraph - 1]
    tokens = _window_tokens(doc, pps, ppe)
    heading = doc_text(doc)[pps:ppe].rstrip()
    introduces = heading[-1:] == ":" or any(
        t.lower_ in SPEECH_NOUNS or t.lemma_.lower() in SPEECH_NOUNS for t in tokens
    )
    last = heading.split()[-1] if heading.split() else ""
    # "... in Marsh v. Dunmore Transit Co.": a heading may end in an abbreviation, not a sentence
    abbreviated = last.endswith(".") and len(last) <= 4 and last[:1].isalpha()
    if (heading[-1:] not in (".", "!", "?", '"', "\u201d") or abbreviated) and introduces:
        # "Statement from Harbor County Sheriff Tom Reyes" or "Words from Sheriff Tom Reyes:" above the quotes
        named = {id(attributor.by_token[t.i]): attributor.by_token[t.i] for t in tokens if t.i in attributor.by_token}
        if len(named) == 1:
            q.speaker, q.speaker_phrase, q.attributed, q.reported = next(iter(named.values())), heading, True, True
            return
        # "Ruling by the Court of Appeal in ..." / "Statement from the Sheriff's Office": the one body named
        # (the body after "by" or "from" where the heading names others: "in Marsh v. Dunmore Transit Co.")
        bodies = [e for e in doc.ents if e.label_ == "ORG" and pps <= e.start_char < ppe]
        sources = [e for e in bodies if _after_by_or_from(e[0])]
        if len(sources) == 1:
            bodies, named = sources, {}  # "Rulings by the court in Reyes v. Cole": the parties are no source
        if not named and len({e.text for e in bodies}) == 1:
            q.organization, q.speaker_phrase, q.attributed, q.reported = (
                _without_article(bodies[0].text),
                heading,
                True,
                True,
            )
            return
    found = None
    for sentence_start in range(len(tokens)):
        if sentence_start == 0 or tokens[sentence_start - 1].text in (".", "!", "?"):
            candidate = _cue_in(tokens[sentence_start:], inside)
            if candidate is not None and candidate[1] is not None:
                found = candidate
    if found is None:
        _first_person_after_its_subject(doc, q, tokens, attributor)
        return
    cue, subject = found
    assert subject is not None
    person, name, phrase = attributor.resolve(subject)
    organization = attributor.organization(subject, name) if person is None else None
    if organization is not None:
        person, name = None, None
    if person is not None or name is not None or organization is not None:
        q.speaker, q.speaker_name, q.speaker_phrase, q.cue, q.attributed = person, name, phrase, cue.text, True
        q.reported, q.organization, q.subject = True, organization, subject.i


def _after_by_or_from(token: Token) -> bool:
    """ "by the Court of Appeal", "from the Sheriff's Office": a name the preposition says is the source."""
    k = token.i - 1
    while k >= 0 and token.doc[k].lower_ == "the":
        k -= 1
    return k >= 0 and token.doc[k].lower_ in ("by", "from")


def _first_person_after_its_subject(doc: Doc, q: QuoteSpan, tokens: list[Token], attributor: Attributor) -> None:
    """ "DA Ann Cole gave an update on the program." / "“I’m grateful to our partners.”": a quote
    paragraph in the first person with no attribution, right after a paragraph whose first
    sentence has one person, named, for its main subject, is that person's."""
    words = {t.lower_ for s, e in q.parts for t in _window_tokens(doc, s, e)}
    if not words & {"i", "we", "my", "our", "me", "us"}:
        return
    sentence = _first_sentence([t for t in tokens if not t.is_space])
    # the main clauses' subjects (a line break may split the sentence in the parse: several roots)
    subjects = [
        _head_of_name(c) for t in sentence if t.dep_ == "ROOT" for c in t.children if c.dep_ in ("nsubj", "nsubjpass")
    ]
    if len(subjects) != 1 or subjects[0].pos_ != "PROPN":
        return
    person, _, phrase = attributor.resolve(subjects[0])
    if person is not None:
        q.speaker, q.speaker_phrase, q.attributed, q.subject = person, phrase, True, subjects[0].i


def _split_between_speakers(text: str, quotes: list[QuoteSpan]) -> None:
    """ "“…,” said Ann Cole. “We added beds." / "“As a nurse, …,” said Omar Haddad.": a quotation
    left open at its paragraph's end, carried into a paragraph that a different person speaks, is
    two quotations: the first paragraph's closing mark was left out. The first keeps the speaker of
    the quotation before it in its paragraph."""
    for n in range(len(quotes) - 1, 0, -1):
        q, before = quotes[n], quotes[n - 1]
        if len(q.parts) < 2 or before.last_paragraph != q.paragraph or q.cue_token is None:
            continue
        if before.speaker is None or q.speaker is None or before.speaker is q.speaker:
            continue
        last_start = q.parts[-1][0] - 1  # the opening mark of the last paragraph
        head = QuoteSpan(q.start, q.parts[-2][1], q.parts[:-1], q.paragraph, q.last_paragraph - 1)
        head.speaker, head.speaker_name, head.speaker_phrase = before.speaker, before.speaker_name, None
        head.cue, head.cue_token, head.attributed, head.reported = before.cue, before.cue_token, True, True
        head.speaker_phrase, head.subject = before.speaker_phrase, before.subject
        q.start, q.parts, q.paragraph = last_start, q.parts[-1:], q.last_paragraph
        _set_text(text, head)
        _set_text(text, q)
        quotes.insert(n, head)


def _inherit(quotes: list[QuoteSpan], paragraphs: list[tuple[int, int]]) -> None:
    """Quotes without an attribution of their own: the speaker of another quote of the same
    paragraph, or of the quote paragraph right before when this paragraph opens with the quote."""
    for n, q in enumerate(quotes):
        if q.attributed:
            continue
        same = [
            o
            for o in quotes
            if o is not q and o.attributed and (o.paragraph == q.paragraph or o.last_paragraph == q.paragraph)
        ]
        source = min(same, key=lambda o: abs(o.start - q.start)) if same else None
        if source is None and n > 0 and quotes[n - 1].last_paragraph == q.paragraph - 1:
            ps, _ = paragraphs[q.paragraph]
            if q.start == ps:
                source = quotes[n - 1]
        if source is not None:
            q.speaker, q.speaker_name, q.speaker_phrase, q.cue = (
                source.speaker,
                source.speaker_name,
                source.speaker_phrase,
                source.cue,
            )
            q.attributed = source.attributed and q.speaker is not None or q.speaker_name is not None
            q.reported, q.organization, q.subject = source.reported, source.organization, source.subject
            q.inherited = True


def _title_case(words: list[Token]) -> bool:
    """ "Light After Loss", "Never Out of Reach": a name or a title of a work."""
    content = [t for t in words if t.lower_ not in TITLE_SMALL_WORDS and t.text[:1].isalpha() and "'" not in t.text]
    return len(content) >= 2 and all(t.text[:1].isupper() for t in content)


def _reported_in_sentence(doc: Doc, q: QuoteSpan, first: Token) -> bool:
    """ "Reid called him a “human leech”": a speech cue with a speaker in the quote's own sentence
    (not the naming of "a unit called “the Night Watch”")."""
    if q.reported and q.cue_token is not None and sentence_of(doc[q.cue_token]).start == sentence_of(first).start:
        return _reports(doc[q.cue_token])
    sent = sentence_of(first)
    near = doc[max(sent.start, first.i - CUE_REACH) : min(sent.end, first.i + CUE_REACH)]
    return any(_is_cue_verb(t) and _reports(t) for t in near if not q.start <= t.idx < q.end)


def _reports(cue: Token) -> bool:
    """A cue that reports words, not one that names a thing ("a program called ...")."""
    if cue.lemma_.lower() in NAMING_VERBS or cue.dep_ in ("acl", "amod"):
        return cue.dep_ not in ("acl", "amod", "relcl") and any(c.dep_ in ("nsubj", "nsubjpass") for c in cue.children)
    return True


def _owned_name(doc: Doc, q: QuoteSpan) -> bool:
    """Quoted words right after an owner ("the station's", "his"): the name of a show, a book or
    a program that belongs to someone, not words someone says ("told the network's “Morning
    Line”"). The caller checks that the words are a title and no clause."""
    span = doc.char_span(q.start, q.end, alignment_mode="expand")
    if span is None or span.start == 0:
        return False
    before = doc[span.start - 1]
    return before.lower_ in ("'s", "’s", "'", "’") and before.dep_ == "case" or before.tag_ == "PRP$"


def _names_the_noun_before(doc: Doc, q: QuoteSpan) -> bool:
    """Quoted words in apposition to the common noun right before them: the name of that thing
    ("the film “Lost Harbor,” which ...", "praised the program “Safe Streets”")."""
    root = _quote_root(doc, q)
    if root is None or root.dep_ != "appos" or root.head.pos_ != "NOUN" or root.head.i > root.i:
        return False
    noun = root.head
    if noun.lemma_.lower() in WORD_NOUNS or noun.head.lemma_.lower() in NAMING_VERBS:
        return False  # "the phrase “…”", "called the winner “…”": words someone used
    if _closes_a_quotation(doc, noun, q):
        return False  # "a “sly fox,” a “cheat”": a list of quoted words
    between = [t for t in doc[noun.i + 1 : root.i] if not t.is_punct and not t.is_space]
    return all(t.head.i == root.i for t in between)


def _closes_a_quotation(doc: Doc, token: Token, q: QuoteSpan) -> bool:
    """Whether a closing mark (not the quote's own opening mark) stands right after the word."""
    text = doc_text(doc)
    pos = token.idx + len(token.text)
    while pos < len(text) and text[pos] in ",.":
        pos += 1
    if pos >= len(text) or pos == q.start:
        return False
    return text[pos] == "\u201d" or text[pos] == '"' and not text[pos + 1 : pos + 2].isalnum()


def _infinitive(verb: Token) -> bool:
    """ "to Disqualify": a verb with "to" for its auxiliary, which makes no clause of its own."""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def is_quotation(doc: Doc, q: QuoteSpan) -> bool:
    """Words in quote marks that are a quotation: a full clause, or words a speech cue, a colon, a
    dash or a speaker label reports. A quoted term (one to three words and no verb: a "chop shop")
    is not, and neither is a name or a title of a work ("Harbor of Light") unless someone says it."""
    tokens = [t for s, e in q.parts for t in _window_tokens(doc, s, e)]
    words = [t for t in tokens if any(c.isalpha() for c in t.text)]
    if not words:
        return False
    naming = q.cue_token is not None and doc[q.cue_token].lemma_.lower() in NAMING_VERBS
    inside = {t.i for t in tokens}
    ends = q.text.rstrip()[-1:]
    # a subject of a finite verb ("Motion to Disqualify Judge": a misparsed infinitive is no clause)
    clause = any(
        t.dep_ in ("nsubj", "nsubjpass", "expl") and t.head.i in inside and not _infinitive(t.head) for t in words
    )
    if not clause and _names_the_noun_before(doc, q):
        return False  # "the movie “Lost Harbor,”", "the program “Safe Streets”": a name
    if _title_case(words):  # a slogan that is a sentence is quoted ("Safe Streets Start With Us.")
        if not clause and _owned_name(doc, q):
            return False  # "told the network's “Harbor Morning Live”", "his “Talk It Out” show": a work
        root = _quote_root(doc, q)
        if not clause and root is not None and root.dep_ == "pobj":
            return False  # "said on “Harbor Morning Live”": a show or a work that something is on or in
        if root is not None and _governing_cue(doc, q) is None:
            # a name the parse hangs on no speech verb ("a list of “Never Left Behind” veterans
            # whom officials promise ..."): a title, unless a sentence of its own
            return clause and ends in (".", "!", "?")
        return q.reported and not naming or clause and ends in (".", "!", "?")
    if len(words) <= MAX_TERM_WORDS and not clause and ends not in ("!", "?"):
        # a quoted term is a quotation only where a speaker says it in its own sentence, or where
        # a person named there uses it ("Cole keeps attacking Reyes as a “fair-weather friend”")
        # (a speaker only taken from another quote of the paragraph does not make a term inside a
        # sentence quoted: "say “Keep rowing!” ... You don't “keep rowing” only when it is calm";
        # "“Call us.”" standing as a sentence of its own goes on in the speaker's voice)
        sentence_of_its_own = words[0].text[:1].isupper() and ends == "."
        inherited_term = q.inherited and not sentence_of_its_own
        return q.speaker is not None and not inherited_term or _reported_in_sentence(doc, q, words[0])
    return True  # a clause, an exclamation or a question, or a fragment too long for a term


def extract_quotes(doc: Doc, people: list[Person]) -> list[Quote]:
    text = doc_text(doc)
    quotes = pair_quotes(text)
    attributor = attribute(doc, quotes, people)
    names = [(m.start, m.end) for p in people for m in p.mentions]
    # a nickname inside a name ("Thomas J. “Tommy” Vance") is part of the name, not a quotation
    quotes = [q for q in quotes if is_quotation(doc, q) and not any(s < q.start and q.end < e for s, e in names)]
    sources = [attributor.source(q) for q in quotes]
    return [
        Quote(
            text=q.text,
            speaker=speaker,
            speaker_type=speaker_type,
            speaker_phrase=q.speaker_phrase,
            speaker_organization=q.organization,
            cue=q.cue,
            start=q.start,
            end=q.end,
            evidence=text[q.start : q.end],
        )
        for q, (speaker, speaker_type) in zip(quotes, sources, strict=True)
    ]
