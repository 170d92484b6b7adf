"""The place an article is about: the dateline city wherever the article starts ("SANTA ANA -",
"OMAHA, Neb. -", "LONDON (CNN) -", "(Dallas, Texas) -", or a dateline a scraped headline runs
into), normalised ("Santa Ana", "Omaha, Neb."); else the place the article names, weighted by
position and by reading as a city or county, never a surname, an abbreviation alone, or a state
or country when a city is named."""

from __future__ import annotations

from collections import defaultdict
from functools import cache

from spacy.tokens import Doc, Span

from .components import doc_text, entities, lowers
from .lines import is_prose, line_key
from .rules import load, regexes

DATELINE_PARAGRAPHS = 8
HEADER_LINES = 40  # lines of a release block (contacts, phones, dates) before the article's first sentence
DATELINE_MAX_WORDS = 4  # "RANCHO SANTA MARGARITA", "SALT LAKE CITY": more is a headline in capitals
GLUED_REACH = 400  # characters after the article's start searched for a dateline run into a headline
LEAD_CHARS = 600  # mentions in the lead weigh more
MIN_CAPS = 3
TITLE_WEIGHT = 3.0
SITE_WEIGHT = 1.0
PUNCTUATION = ",:;\"'\u201c\u201d\u2018\u2019?!"
COUNTY_WORDS = ("County", "Parish")
PLACE_ABBREVIATIONS = ("St.", "Ste.", "Ft.", "Mt.", "Pt.")  # open a place's name: "St. Cloud", "Ft. Myers"
TITLE_SEPARATORS = (" | ", " \u00ab ", " - ", " \u2013 ", " \u2014 ", " :: ")


@cache
def _region_words() -> frozenset[str]:
    places = load("places.json")
    return frozenset(_key(p) for p in [*places["states"], *places["countries"]])


@cache
def _place_words(name: str) -> frozenset[str]:
    return frozenset(load("places.json")[name])


@cache
def _non_places() -> frozenset[str]:
    return frozenset(load("body.json")["non_place_datelines"])


def _key(name: str) -> str:
    return " ".join(name.replace(".", "").lower().split())


def is_region(name: str) -> bool:
    """A state, a state's abbreviation or a country, also after a direction ("Northwest
    Indiana"): not a city or county."""
    words = _key(name).split()
    while len(words) > 1 and words[0] in _place_words("directions"):
        words = words[1:]
    return " ".join(words) in _region_words()


def normalise_place(raw: str) -> str | None:
    """ "ST. LOUIS" -> "St. Louis"; "OMAHA, Neb." -> "Omaha, Neb."; None for a word that is no
    place ("COUNTYWIDE", "UPDATE")."""
    place = raw.strip().rstrip(",").strip()
    city, _, region = place.partition(",")
    city, region = city.strip(), region.strip()
    if not city or line_key(city) in _non_places():
        return None
    if city.isupper():
        city = city.title()
    if region.isupper() and len(region.replace(".", "")) > 2:
        region = region.title()
    return f"{city}, {region}" if region else city


def _dateline_at(text: str) -> str | None:
    m = regexes.DATELINE.match(text)
    if m and not _capitals_headline(m.group("place"), text[m.end() :]):
        return normalise_place(m.group("place"))
    m = regexes.PAREN_DATELINE.match(text)
    if m and (not m.group("place").isupper() or "," in m.group("place")):  # "(STMW) -" is a source
        return normalise_place(m.group("place"))
    return None


def _capitals_headline(place: str, rest: str) -> bool:
    """A headline in capitals, not a dateline: more than four words before its dash ("GANG CASES
    REMAIN STEADY FOR FIVE YEARS - ..."), or capitals after it too ("FERRY FARES - OVER 40 ...")."""
    line = rest.split("\n", 1)[0]
    letters = [c for c in line if c.isalpha()]
    return len(place.partition(",")[0].split()) > DATELINE_MAX_WORDS or (
        bool(letters) and not any(c.islower() for c in letters)
    )


def dateline_place(text: str, start: int = 0) -> str | None:
    """The place of a dateline: at `start` (where the article begins after its headline), opening
    one of the first paragraphs (after a release block of any length), or in capitals within the
    first characters where a scraped headline runs into it."""
    if start and (place := _dateline_at(text[start:].lstrip())):
        return place
    prose = False
    for k, paragraph in enumerate(text.split("\n", HEADER_LINES)[:HEADER_LINES]):
        if k >= DATELINE_PARAGRAPHS and prose:
            break  # past the first paragraphs of the article (a release block may come before it)
        if place := _dateline_at(paragraph.strip()):
            return place
        prose = prose or is_prose(paragraph)
    window = text[start : start + GLUED_REACH]
    for m in regexes.GLUED_DATELINE.finditer(window):
        city = m.group("place").partition(",")[0]
        before = window[: m.start()].rstrip()
        in_capitals = before[-1:].isupper() and window[m.start() - 1 : m.start()].isspace()  # "GANG CASES ..."
        if (
            sum(c.isupper() for c in city) >= MIN_CAPS
            and not is_region(city)
            and not in_capitals
            and not _capitals_headline(m.group("place"), window[m.end() :])
        ):
            place = normalise_place(m.group("place"))
            if place:
                return place
    return None


def _bad_name(ent: Span, surnames: set[str]) -> bool:
    text = ent.text.strip()
    letters = text.replace(".", "").replace(" ", "")
    return (
        not text[:1].isupper()
        or not letters.isalpha()
        or (len(letters) <= 4 and (text.isupper() or text.endswith(".")))  # "BB", "Ind.", "P.C."
        or text.lower() in surnames
        or _glued(text)
        or any(t.pos_ == "VERB" for t in ent)  # "Supporting" opening an item of a list
    )


def split_title(title: str) -> tuple[str, str]:
    """A page title as headline and site: "Man shot in Ceres | Valley News" -> ("Man shot in
    Ceres", "Valley News")."""
    for sep in TITLE_SEPARATORS:
        if sep in title:
            headline, _, site = title.partition(sep)
            return headline, site
    return title, ""


def _names(name: str, text: str) -> bool:
    """Whether `text` names the place `name` as a whole word."""
    at = text.find(name)
    while at >= 0:
        before = text[at - 1] if at else " "
        after = text[at + len(name)] if at + len(name) < len(text) else " "
        if not before.isalnum() and not after.isalnum():
            return True
        at = text.find(name, at + 1)
    return False


def _police_places(doc: Doc, surnames: set[str]) -> list[str]:
    """Places named by their police: "the Riverton Police Department", "Millbrook police"."""
    found: list[str] = []
    for i in _indices_of(doc, ("police",)):  # no Token made for the other words
        token = doc[i]
        if token.i == 0:
            continue
        words: list[str] = []
        j = token.i - 1
        while j >= 0 and len(words) < 3 and doc[j].text[:1].isupper() and doc[j].is_alpha:
            words.insert(0, doc[j].text)
            j -= 1
        if words and j >= 0 and doc[j].text in PLACE_ABBREVIATIONS:
            words.insert(0, doc[j].text)  # "St. Cloud police"
        elif words and j >= 1 and doc[j].text == "." and f"{doc[j - 1].text}." in PLACE_ABBREVIATIONS:
            words.insert(0, f"{doc[j - 1].text}.")  # "Ft. Myers police", the dot a token of its own
        while words and words[0].lower() in _english_function_words():
            words = words[1:]  # "The Riverton Police Department"
        if not words and j >= 0 and (glued := regexes.TRAILING_CAPITALIZED.search(doc[j].text)):
            words = [glued.group(0)]  # "...6abc.comRiverton police": a headline run into the article
        name = " ".join(words)
        street = bool(name) and _key(name).split()[-1] in _place_words("street_words")
        if name and not street and not is_region(name) and name.lower() not in surnames and not _glued(name):
            found.append(name)
    return found


def _indices_of(doc: Doc, words: tuple[str, ...]) -> list[int]:
    """The indices of the tokens whose lowercase form is one of `words`, in order."""
    return [i for i, w in enumerate(lowers(doc)) if w in words]


def headline_places(headline: str, body: str) -> list[str]:
    """Places a headline names: a run of capitalized words after "in"/"near" or before
    "shooting", "man", "police"... ("Man shot in Ceres", "Augusta man hurt"). Runs are cut at
    those words and at words that are no place ("Man", "Suspect"), so Title Case headlines work
    too; of a run, the longest part the article also names is the place ("Fatal Riverton" ->
    "Riverton"); a run the article never names counts only in a sentence-case headline."""
    tokens = headline.split()
    title_case = sum(1 for t in tokens if t[:1].isupper()) > 0.6 * len(tokens)
    rest = body[len(headline) :] if body.startswith(headline) else body
    found: list[str] = []
    run: list[int] = []
    for k in range(len(tokens) + 1):
        word = tokens[k].strip(PUNCTUATION) if k < len(tokens) else ""
        low = word.lower()
        stop = (
            not word[:1].isupper()
            or low in _place_words("not_places")
            or low in _place_words("headline_words_after")
            or low in _place_words("headline_words_before")
        )
        if not stop and len(run) < 4:
            run.append(k)
            continue
        if run:
            name = _headline_run(tokens, run, rest, title_case)
            if name:
                found.append(name)
            run = []
        if not stop:
            run.append(k)
    return found


def _headline_run(tokens: list[str], run: list[int], rest: str, title_case: bool) -> str | None:
    before = tokens[run[0] - 1].lower() if run[0] else ""
    after = tokens[run[-1] + 1].lower().strip(PUNCTUATION) if run[-1] + 1 < len(tokens) else ""
    if (
        before not in _place_words("headline_words_before")
        and before not in _place_words("directions")  # "shot at south Riverton store"
        and after not in _place_words("headline_words_after")
    ):
        return None
    parts = [tokens[j].strip(PUNCTUATION) for j in run]
    n = len(parts)
    options = [" ".join(parts[i : i + size]) for size in range(n, 0, -1) for i in range(n - size, -1, -1)]
    name = next((o for o in options if _names(o, rest)), None)
    if name is None and not title_case:
        name = " ".join(parts[1:]) if run[0] == 0 and len(parts) > 1 else " ".join(parts)
    return name if name and not is_region(name) else None


def _scene_places(doc: Doc, surnames: set[str], after: int = 0) -> list[tuple[str, int]]:
    """Places of a scene: "was shot in Millbrook", "found dead near Pine Hollow", "the 400 block of
    Elm Street in Millbrook"; read after character `after` (the headline, which headline_places
    reads: in Title Case every word after "In" is capitalized, "Man Shot In Arm")."""
    found: list[tuple[str, int]] = []
    for i in _indices_of(doc, ("in", "near")):  # no Token made for the other words
        token = doc[i]
        if token.idx < after or not (
            any(t.lower_ in _place_words("scene_words_before") for t in doc[max(0, token.i - 3) : token.i])
            or (token.i > 0 and _key(doc[token.i - 1].text) in _place_words("address_words"))
        ):
            continue  # "was shot in Millbrook", "the 400 block of Elm Street in Millbrook"
        words = []
        for t in doc[token.i + 1 : token.i + 4]:
            if (
                not (t.is_alpha and t.text[:1].isupper())
                or t.lower_ in _place_words("not_places")
                or t.lower_ in _place_words("headline_words_before")  # "Shot In Leg Near Bus Stop..."
                or t.lower_ in _place_words("headline_words_after")  # "Wounded In Elm Park Shooting"
            ):
                break
            if len(t.text) > 2 and t.text[-1].isupper() and t.text[-2].islower():
                words.append(t.text[:-1])  # "in Millbrook ParkA man was": a headline run into the text
                break
            words.append(t.text)
        name = " ".join(words)
        if (
            name
            and not _crossing(doc, token.i + 1 + len(words))
            and not is_region(name)
            and words[-1].lower() not in surnames  # "shot in Dana Whitfield's car"
            and _key(name).split()[-1] not in _place_words("street_words")
            and doc[token.i + 1].ent_type_ not in ("DATE", "TIME", "ORG", "NORP")
        ):
            found.append((name, token.idx))
    return found


def _written_lowercase(text: str, name: str) -> bool:
    """Whether the text writes the name in lowercase too, whole or each of its words: common words
    a heading or a list capitalized ("Supporting", "Downtown", "Healthcare Fraud" beside "fraud in
    healthcare"), never a place's name. A name the
    text reads as a city ("Mobile, Ala.", "Mobile police") stays, whatever "a mobile home" says."""
    lower = name.lower()
    if lower == name or _reads_as_city(text, name):
        return False
    words = lower.split()
    return _names(lower, text) or (len(words) >= 2 and all(_names(w, text) for w in words))


def _reads_as_city(text: str, name: str) -> bool:
    """Whether the text writes `name` followed by its state ("Mobile, Ala.") or by "police"."""
    at = text.find(name)
    while at >= 0:
        following = text[at + len(name) : at + len(name) + 24]
        if following[:1] == "," and (state := following[1:].split()) and is_region(state[0].strip(",")):
            return True
        if following.lower().startswith(" police"):
            return True
        at = text.find(name, at + 1)
    return False


def _crossing(doc: Doc, i: int) -> bool:
    """Whether the name ending before token i is one street of a crossing: "near Elm and Grand"."""
    return i + 1 < len(doc) and doc[i].lower_ in ("and", "&") and doc[i + 1].text[:1].isupper()


def _glued(name: str) -> bool:
    """A word run into the next sentence's first word by a scrape: "RivertonistThe"."""
    m = regexes.TRAILING_CAPITALIZED.search(name)
    return m is not None and m.group(0).lower() in _english_function_words()


@cache
def _english_function_words() -> frozenset[str]:
    return frozenset(load("body.json")["english_function_words"])


def _called_a_part(text: str, name: str) -> bool:
    """Whether the text calls `name` a part of a city: "the Eastside neighborhood"."""
    at = text.find(name)
    while at >= 0:
        following = text[at + len(name) : at + len(name) + 16].lower().split()
        if following and following[0].strip(",.") in _place_words("part_words"):
            return True
        at = text.find(name, at + 1)
    return False


def _names_part_after(doc: Doc, end: int) -> bool:
    """Whether a part of a city follows a possessive place: "Riverton's Eastside section"."""
    window = [t.lower_ for t in doc[end + 1 : end + 6]]
    return any(w in _place_words("neighborhood_words_after") or w == "side" for w in window)


def _surnames(doc: Doc) -> set[str]:
    """Last names of the people named in full ("Dana Whitfield" -> "whitfield"), and one-word
    "places" that act as people (_actors). A word the
    model calls a person on its own ("Millbrook", "RIVERTON") or that opens a name it misreads
    ("Riverton Gazette", "Millbrook Diner's") is no surname: it may be the place."""
    found: set[str] = set()
    for ent in entities(doc):
        words = [t.text for t in ent if t.text[:1].isupper() and t.is_alpha]
        if ent.label_ == "PERSON" and len(words) >= 2:
            found.add(words[-1].lower())
    return found | _actors(doc)


def _actors(doc: Doc) -> set[str]:
    """One-word names the model calls places that act like people: the subject of a verb in two
    mentions or more and in most of them, whether the model calls the mention a place or a person
    ("Lasko bought gloves ... Lasko fled")."""
    mentions: dict[str, int] = defaultdict(int)
    subjects: dict[str, int] = defaultdict(int)
    for ent in entities(doc):
        if ent.label_ not in ("GPE", "LOC", "PERSON") or len(ent) != 1:
            continue
        key = ent.text.lower()
        mentions[key] += 1
        if ent.root.dep_ in ("nsubj", "nsubjpass") and ent.root.head.pos_ in ("VERB", "AUX"):
            subjects[key] += 1
    return {k for k, n in subjects.items() if n >= 2 and n > mentions[k] / 2}


def context_place(doc: Doc, title: str | None = None) -> str | None:
    """The place the article names, scored: each mention weighs more in the lead and in the
    headline; a place followed by its state or by "police" reads as a city, one followed by
    "neighborhood" as a part of one, a county followed by "coroner" as an agency; the outlet's
    place in the title is a weak prior; states and countries count only when no city or county is
    named. Surnames and abbreviations alone are never places; a people ("Latino") is no place
    unless the model also reads its name as a place elsewhere in the article."""
    surnames = _surnames(doc)
    gpes = {ent.text.lower() for ent in entities(doc) if ent.label_ == "GPE"}
    peoples = {ent.text.lower() for ent in entities(doc) if ent.label_ == "NORP"} - gpes  # "Chinese", "Latino"
    scores: dict[str, float] = defaultdict(float)
    firsts: dict[str, int] = {}
    parts_of_cities = _score_entities(doc, surnames, scores, firsts)
    for name in _police_places(doc, surnames):
        scores[name] += 2.0
        firsts.setdefault(name, len(doc_text(doc)))
    headline = split_title(title)[0].strip() if title else ""
    after = len(headline) if headline and doc_text(doc).startswith(headline) else 0
    for name, at in _scene_places(doc, surnames, after):
        scores[name] += 2.0 if at < LEAD_CHARS else 1.0
        firsts.setdefault(name, at)
    credited = _score_headline_places(doc, title, peoples, scores, firsts) if title else set()
    for name in list(scores):
        if name.lower() in peoples or _written_lowercase(doc_text(doc), name):
            del scores[name]
    if not scores:
        return None
    if title:
        _score_title_mentions(title, scores, credited)
    parts_of_cities.update(n for n in scores if _called_a_part(doc_text(doc), n))
    cities = {n: s for n, s in scores.items() if not is_region(n)}
    if any(n not in parts_of_cities for n in cities):
        for name in parts_of_cities & set(cities):
            cities[name] *= 0.2  # a neighborhood yields to the city named
    pool = cities or scores
    return max(pool, key=lambda n: (pool[n], -firsts[n]))


def _score_entities(doc: Doc, surnames: set[str], scores: dict[str, float], firsts: dict[str, int]) -> set[str]:
    """Scores the places the entity recognizer finds; returns those named as a part of a city."""
    parts_of_cities: set[str] = set()
    crossing: set[int] = set()  # where the second street of a crossing starts
    for ent in entities(doc):
        if ent.start > 0 and doc[ent.start - 1].lower_ in ("near", "at") and _crossing(doc, ent.end):
            crossing.add(ent.end + 1)  # one street of a crossing, "near Elm and Grand", and the other
            continue
        name = _entity_place(ent, surnames)
        if name is None or ent.start in crossing:
            continue
        weight, part_of_city = _mention_weight(doc, ent, name)
        if part_of_city:
            parts_of_cities.add(name)
        scores[name] += weight
        firsts.setdefault(name, ent.start_char)
    return parts_of_cities


def _entity_place(ent: Span, surnames: set[str]) -> str | None:
    """The place an entity names: a GPE, or a LOC that is a county; no surname, abbreviation or
    street."""
    if ent.label_ not in ("GPE", "LOC") or _bad_name(ent, surnames):
        return None
    name = ent.text.strip().removeprefix("the ").strip()
    if ent.label_ == "LOC" and not name.endswith("County"):
        return None
    if _key(name).split()[-1] in _place_words("street_words"):
        return None  # "West Elm Avenue", "Kent County Sheriff"
    return name


def _followed_by(following: str, words: str) -> bool:
    """Whether `following` (the next words, lowercase) starts with a phrase of the list `words`."""
    return any(following == w or following.startswith(w + " ") for w in _place_words(words))


def _mention_weight(doc: Doc, ent: Span, name: str) -> tuple[float, bool]:
    """The weight of one mention of a place, by where it stands and the words around it, and
    whether they call it a part of a city."""
    weight = 2.0 if ent.start_char < LEAD_CHARS else 1.0
    part_of_city = False
    after = doc[ent.end : ent.end + 2]
    following = " ".join(t.lower_ for t in after)
    if len(after) == 2 and after[0].text == "," and is_region(after[1].text):
        weight += 1.0  # "Stockton, Calif."
    elif _followed_by(following, "city_words_after"):
        weight += 1.0  # "Stockton police", "a Fresno man"
    elif _followed_by(following, "neighborhood_words_after"):
        weight *= 0.5  # "the Kensington section": a part of a city
        part_of_city = True
    elif _followed_by(following, "agency_words_after"):
        weight *= 0.3  # "the County coroner": an agency, not the scene
    if after[:1].text in ("'s", "\u2019s") and _names_part_after(doc, ent.end):
        weight += 2.0  # "Riverton's Eastside neighborhood": the city
    before = " ".join(t.lower_ for t in doc[max(0, ent.start - 2) : ent.start])
    if any(before.endswith(w) for w in _place_words("city_words_before")):
        weight += 1.0  # "the suburb of Millbrook"
    if name.endswith("County") or name.endswith("Parish"):
        weight *= 0.9  # a county, when no city is named more
    return weight, part_of_city


def _score_headline_places(
    doc: Doc, title: str, peoples: set[str], scores: dict[str, float], firsts: dict[str, int]
) -> set[str]:
    """Scores the places the headline names (not peoples, not streets); returns them."""
    credited: set[str] = set()
    for name in headline_places(split_title(title)[0], doc_text(doc)):
        if name.lower() not in peoples and _key(name).split()[-1] not in _place_words("street_words"):
            scores[name] += TITLE_WEIGHT
            firsts.setdefault(name, 0)
            credited.add(name)
    return credited


def _score_title_mentions(title: str, scores: dict[str, float], credited: set[str]) -> None:
    """A place scored elsewhere gains when the headline names it, a little when the outlet's name
    does (its market, a weak prior)."""
    headline, site = split_title(title)
    for name in scores:
        if name in credited:
            continue
        if _names(name, headline):
            scores[name] += TITLE_WEIGHT
        elif _names(name, site):
            scores[name] += SITE_WEIGHT


def article_location(doc: Doc, text: str, title: str | None = None) -> str | None:
    """Dateline first (after the headline when the text starts with it); else the place the
    article names, weighted."""
    start = 0
    if title and text.startswith(title.strip()):
        start = len(title.strip())
    place = dateline_place(text, start)
    if place:
        return (
            _suburb_of_station(text[start : start + LEAD_CHARS], place) or _town_in_county(doc, place, start) or place
        )
    return context_place(doc, title) or (_outlet_place(title) if title else None)


def _town_in_county(doc: Doc, place: str, start: int) -> str | None:
    """A county's dateline names no town; the scene its lead names does: "KENT COUNTY, Del. -
    Deputies say a man was wounded by gunfire in the 200 block of Main Street in Millbrook" -> "Millbrook"."""
    if not place.partition(",")[0].strip().endswith(COUNTY_WORDS):
        return None
    for name, at in _scene_places(doc, _surnames(doc), start):
        if at < start + LEAD_CHARS and not name.endswith(COUNTY_WORDS):
            return name
    return None


def _suburb_of_station(lead: str, place: str) -> str | None:
    """A dateline with a source in parentheses is often the station's or the wire's city; a place
    its lead calls suburban is the scene: "BIGCITY (KXYZ) - A man was shot in south suburban
    Millbrook" -> "Millbrook"."""
    city = place.partition(",")[0].strip()
    at = max(lead.find(city.upper()), lead.find(city))
    if at < 0 or "(" not in lead[at + len(city) : at + len(city) + 20]:
        return None
    m = regexes.SUBURBAN_PLACE.search(lead)
    if not m or m.group("place") == city or is_region(m.group("place")):
        return None
    return m.group("place")


def _outlet_place(title: str) -> str | None:
    """When the article names no place, the city of the outlet in its title: "Street shooting -
    KXYZ - Riverton, OH News" -> "Riverton"."""
    for m in regexes.CITY_STATE.finditer(split_title(title)[1]):
        if is_region(m.group("state")) and not is_region(m.group("city")):
            return m.group("city")
    return None
