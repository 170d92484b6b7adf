"""US places as a hierarchy (city in county in state) for `extractor check`, from gazetteer packages
rather than hand lists: `us` knows the states, their postal and AP abbreviations ("Calif.") and
their counties; `zipcodes` ships the postal gazetteer that says which county a city lies in. Both
are offline data; nothing is fetched.

A place name from an article or an official CSV is read into a `Place`: its kind (city, county or
state), its normal form ("ST. LOUIS" = "St. Louis" = "Saint Louis") and its state where the name
gives one ("Santa Ana, Calif.", "Orange County, CA"). Two names are the same place when their kind
and normal form agree and their states do not differ; `contains` says whether one place lies inside
another (Orange County contains Santa Ana; California contains both)."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from functools import cache, lru_cache
from typing import Any

from .rules import load, regexes


class PlaceKind(StrEnum):
    city = "city"
    county = "county"
    state = "state"


@dataclass(frozen=True)
class Place:
    """A place name read for comparison: `name` as written, `key` its normal form without the
    state or the county word, `kind`, and `state` (a postal code) when the name gives one."""

    name: str
    key: str
    kind: PlaceKind
    state: str | None = None

    @property
    def spelling(self) -> str:
        """The name as a lookup would tell written forms apart: case, punctuation and
        abbreviations aside ("St. Louis" = "SAINT LOUIS"), every word kept ("Charlton City" is
        not "Charlton"), with the state the name gives."""
        head, _, tail = self.name.rpartition(",")
        name = head if head and state_code(tail) else self.name
        return f"{normal_form(name, keep_filler=True)}|{self.state or ''}"

    def same(self, other: Place) -> bool:
        """The same place, whatever the spelling: "Orange County" = "Orange County, CA".

        Example:

            parse_place("ST. LOUIS").same(parse_place("Saint Louis, Mo."))  # True
        """
        if self.key != other.key:
            return False
        if self.kind != other.kind:
            # a state's name that is also its great city's ("New York"): a dateline means the city
            state, city = (self, other) if self.kind is PlaceKind.state else (other, self)
            return state.kind is PlaceKind.state and city.kind is PlaceKind.city and state.state in city.states()
        return self.state is None or other.state is None or self.state == other.state

    def states(self) -> frozenset[str]:
        """The states the place may lie in: its own, else those of the gazetteer's places of that name."""
        if self.state:
            return frozenset({self.state})
        if self.kind is PlaceKind.state:
            return frozenset()
        return _states_by_name(self.kind).get(self.key, frozenset())


def _words() -> dict[str, Any]:
    return load("check.json")["places"]


def normal_form(name: str, keep_filler: bool = False) -> str:
    """A place name's words, lowercase, abbreviations spelled out and filler dropped (unless
    `keep_filler`: "Charlton City" and "Charlton" are two spellings, one place key).

    Example:

        normal_form("City of St. Louis")  # "saint louis"
    """
    text = regexes.NOT_ALNUM.sub(" ", name.lower().replace(".", " ").replace("'", ""))
    expand = _words()["abbreviations"]
    words = [expand.get(w, w) for w in text.split()]
    drop = set() if keep_filler else set(_words()["filler"])
    return " ".join([w for w in words if w not in drop] or words)


@cache
def _state_names() -> dict[str, str]:
    """Every way a state is written (name, postal code, AP abbreviation), in normal form -> postal code."""
    import us

    names: dict[str, str] = {}
    for state in us.states.STATES_AND_TERRITORIES + [us.states.DC]:
        for written in (state.name, state.abbr, state.ap_abbr):
            if written:
                names[normal_form(written)] = state.abbr
    return names


@cache
def _state_keys() -> dict[str, str]:
    """Postal code -> the normal form of the state's full name."""
    import us

    return {state.abbr: normal_form(state.name) for state in us.states.STATES_AND_TERRITORIES + [us.states.DC]}


def state_code(name: str) -> str | None:
    """The postal code of a state however it is written: "Calif." -> "CA", "missouri" -> "MO".

    Example:

        state_code("N.Y.")  # "NY"
    """
    return _state_names().get(normal_form(name))


@lru_cache(maxsize=65536)
def parse_place(name: str | None) -> Place | None:
    """A place name as a `Place`; None for an empty name.

    Example:

        parse_place("Orange County, CA")  # Place(key="orange", kind=county, state="CA")
        parse_place("Santa Ana, Calif.")  # Place(key="santa ana", kind=city, state="CA")
    """
    if not name or not name.strip():
        return None
    shown = " ".join(name.split())
    head, _, tail = shown.rpartition(",")
    state = state_code(tail) if head else None
    text = head if state else shown
    words = _without_agency(normal_form(text).split())
    county_words = set(_words()["county_words"])
    if len(words) > 1 and words[-1] in county_words:
        return Place(shown, " ".join(words[:-1]), PlaceKind.county, state)
    if len(words) > 1 and words[0] in county_words:  # "County of Orange" (normal form: "county orange")
        return Place(shown, " ".join(words[1:]), PlaceKind.county, state)
    whole = state_code(text)
    raw = set(regexes.NOT_ALNUM.sub(" ", text.lower()).split())
    if whole and not state and not raw & set(_words()["city_words"]):  # "Kansas City" is no state
        return Place(shown, _state_keys()[whole], PlaceKind.state, whole)  # "CA" = "Calif." = "California"
    return Place(shown, " ".join(words), PlaceKind.city, state)


def _without_agency(words: list[str]) -> list[str]:
    """A place's words without the agency named after it: "Orange County Sheriff's Office" is
    Orange County, "Fenwick District Attorney" Fenwick."""
    phrases = [p.split() for p in _words()["agency_words"]]
    cut = True
    while cut:
        cut = False
        for phrase in phrases:
            if len(words) > len(phrase) and words[-len(phrase) :] == phrase:
                words, cut = words[: -len(phrase)], True
    return words


@cache
def _city_counties() -> dict[tuple[str, str], frozenset[str]]:
    """(city, state) -> the counties its postal areas lie in, from the zipcodes gazetteer."""
    import zipcodes

    found: dict[tuple[str, str], set[str]] = {}
    for area in zipcodes.list_all():
        county = parse_place(area.get("county") or "")
        if county is None or not area.get("state"):
            continue
        for city in [area["city"], *(area.get("acceptable_cities") or [])]:
            found.setdefault((normal_form(city), area["state"]), set()).add(county.key)
    return {k: frozenset(v) for k, v in found.items()}


@cache
def _county_states() -> dict[tuple[str, str], bool]:
    """(county, state) for every US county the `us` package knows."""
    import us

    found: dict[tuple[str, str], bool] = {}
    for state in us.states.STATES_AND_TERRITORIES + [us.states.DC]:
        for county in state.counties or []:
            place = parse_place(county.name)
            if place is not None:
                found[(place.key, state.abbr)] = True
    return found


@cache
def _states_by_name(kind: PlaceKind) -> dict[str, frozenset[str]]:
    """City or county name -> the states that have a place of that name."""
    found: dict[str, set[str]] = {}
    for key, state in _city_counties() if kind is PlaceKind.city else _county_states():
        found.setdefault(key, set()).add(state)
    return {k: frozenset(v) for k, v in found.items()}


@lru_cache(maxsize=65536)
def counties_of(city: Place) -> frozenset[tuple[str, str]]:
    """The (county, state) pairs a city lies in, per the gazetteer; empty for an unknown city.

    Example:

        counties_of(parse_place("Santa Ana, Calif."))  # {("orange", "CA")}
    """
    if city.kind is not PlaceKind.city:
        return frozenset()
    index = _city_counties()
    return frozenset((county, state) for state in city.states() for county in index.get((city.key, state), ()))


def contains(outer: Place, inner: Place) -> bool:
    """Whether `inner` lies inside `outer` (and is not the same place): a state contains its
    counties and cities, a county its cities.

    Example:

        contains(parse_place("Orange County"), parse_place("Santa Ana"))  # True
        contains(parse_place("California"), parse_place("Orange County, CA"))  # True
    """
    if outer.kind is PlaceKind.city or outer.same(inner) or {outer.key, inner.key} & set(_words()["not_places"]):
        return False
    if outer.kind is PlaceKind.state:
        return inner.kind is not PlaceKind.state and outer.state in inner.states()
    if inner.kind is not PlaceKind.city:
        return False
    return any(
        county == outer.key and (outer.state is None or outer.state == state) for county, state in counties_of(inner)
    )


def related(a: Place, b: Place) -> bool:
    """One of the two places contains the other."""
    return contains(a, b) or contains(b, a)
