"""Rules as data: word lists and Matcher patterns live in JSON files beside this module, and every
regex the project uses (character shapes only) is named in `regexes`.

A word list has one home: another rules file names it by reference instead of copying it. A string
"@dates.json#months" anywhere in a file stands for the words (the keys, for a table) of that list:
`{"LOWER": {"IN": "@dates.json#months"}}` matches any month name; inside a list it stands for
those words among the others (`["@places.json#address_words", "mall"]`). A list a reference names
holds words, not references.

Whose rules: the pipeline's components carry the rule files their extraction reads (`Carrier`:
read from the package in `initialize`, written by `to_disk`, read back by `from_disk`), and
register them for their pipeline's vocabulary (`carry`). Every rule read goes through `load`,
which reads the `RuleSet` in effect: the one a component sets around its work (`scope`: a
context variable, so that two pipelines with different rules never mix), else the package's
files. What the modules make of the rules (sets of words, tables, compiled patterns) is made per
`RuleSet`: a module-level name is `derived(lambda: ...)`, a cached function `@rules_cache` or
`@rules_lru_cache(maxsize=...)`; nothing is read from a rules file at import."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from functools import cache, lru_cache, wraps
from importlib import resources
from pathlib import Path
from typing import Any, Concatenate, ParamSpec, Self, TypeVar, cast

import srsly

REFERENCE = "@"
PACKAGE_DIR: Any = resources.files(__package__)  # where the package's rule files are read from

T = TypeVar("T")
P = ParamSpec("P")


@cache
def _parsed(name: str) -> Any:
    """A rules file of this package, parsed (references unresolved)."""
    return json.loads(PACKAGE_DIR.joinpath(name).read_text(encoding="utf-8"))


def package_data(name: str) -> Any:
    """A rules file of this package as a component carries it: parsed, its references kept."""
    return json.loads(json.dumps(_parsed(name)))  # a copy: the package's stays as read


class RuleSet:
    """The rule files in effect: those carried (name -> parsed file, references unresolved) over
    the package's. What is made from them is kept in `made`, so it is made once per RuleSet."""

    def __init__(self, files: Mapping[str, Any] | None = None) -> None:
        self.files = dict(files or {})
        self.made: dict[Any, Any] = {}

    def __getstate__(self) -> dict[str, Any]:
        return {"files": self.files, "made": {}}  # what is made, made again where it is read

    def parsed(self, name: str) -> Any:
        return self.files[name] if name in self.files else _parsed(name)

    def load(self, name: str) -> Any:
        key = ("load", name)
        if key not in self.made:
            self.made[key] = self._resolved(self.parsed(name))
        return self.made[key]

    def _referenced(self, reference: str) -> list[Any]:
        name, _, key = reference[len(REFERENCE) :].partition("#")
        return list(self.parsed(name)[key])

    def _resolved(self, value: Any) -> Any:
        if _is_reference(value):
            return self._referenced(value)
        if isinstance(value, dict):
            return {k: self._resolved(v) for k, v in value.items()}
        if isinstance(value, list):  # a reference among other words stands for its words there
            resolved: list[Any] = []
            for v in value:
                resolved += self._referenced(v) if _is_reference(v) else [self._resolved(v)]
            return resolved
        return value


def _is_reference(value: Any) -> bool:
    return isinstance(value, str) and value.startswith(REFERENCE) and ".json#" in value


PACKAGE = RuleSet()  # the package's files only
_IN_EFFECT: ContextVar[RuleSet] = ContextVar("extractor_rules", default=PACKAGE)


def in_effect() -> RuleSet:
    return _IN_EFFECT.get()


def load(name: str) -> Any:
    """A rules file in effect, parsed, its references resolved (`figures.json`...)."""
    return _IN_EFFECT.get().load(name)


# --- what a pipeline's components carry, by vocabulary ------------------------------------------


class _Carried:
    def __init__(self, vocab: Any) -> None:
        self.vocab = vocab  # kept alive, so that its id is never another vocabulary's
        self.by_owner: dict[str, Mapping[str, Any]] = {}
        self.rules = PACKAGE


_CARRIED: dict[int, _Carried] = {}


def carry(vocab: Any, owner: str, files: Mapping[str, Any]) -> None:
    """Makes `files` (a component's rule files) part of the rules in effect for `vocab`'s Docs."""
    entry = _CARRIED.get(id(vocab))
    if entry is None or entry.vocab is not vocab:
        entry = _CARRIED[id(vocab)] = _Carried(vocab)
    if entry.by_owner.get(owner) is files:
        return
    entry.by_owner[owner] = files
    merged: dict[str, Any] = {}
    for carried in entry.by_owner.values():
        merged.update(carried)
    entry.rules = RuleSet(merged)


def rules_of(vocab: Any) -> RuleSet:
    """The rules carried for `vocab`'s pipeline, else the package's."""
    entry = _CARRIED.get(id(vocab))
    return entry.rules if entry is not None and entry.vocab is vocab else PACKAGE


@contextmanager
def scope(vocab: Any) -> Iterator[RuleSet]:
    """The rules of `vocab`'s pipeline in effect while inside."""
    rules = rules_of(vocab)
    token = _IN_EFFECT.set(rules)
    try:
        yield rules
    finally:
        _IN_EFFECT.reset(token)


def with_rules_of_doc(function: Callable[Concatenate[Any, P], T]) -> Callable[Concatenate[Any, P], T]:
    """`function(doc, ...)` with the rules of the Doc's pipeline in effect: a public function
    called on a Doc outside the pipeline reads the rules the pipeline carries."""

    @wraps(function)
    def run(doc: Any, *args: P.args, **kwargs: P.kwargs) -> T:
        token = _IN_EFFECT.set(rules_of(doc.vocab))
        try:
            return function(doc, *args, **kwargs)
        finally:
            _IN_EFFECT.reset(token)

    return run


class Carrier:
    """A component that carries rule files (`RULE_FILES`): read from the package in `initialize`,
    written by `to_disk` (one JSON file each, under the component's folder), read back by
    `from_disk`; registered for its vocabulary (`carry`) whenever read, and again on a Doc of
    another vocabulary (a worker process's copy of the pipeline)."""

    RULE_FILES: tuple[str, ...] = ()
    name: str
    vocab: Any
    rule_files: dict[str, Any] | None

    def __setstate__(self, state: dict[str, Any]) -> None:
        """Unpickled (a worker process's copy of the pipeline): its rules registered again."""
        self.__dict__.update(state)
        if self.rule_files is not None:
            carry(self.vocab, self.name, self.rule_files)

    def _carry_rules(self, files: dict[str, Any]) -> None:
        self.rule_files = files
        carry(self.vocab, self.name, files)

    def initialize_rules(self) -> None:
        self._carry_rules({name: package_data(name) for name in self.RULE_FILES})

    def initialize(self, get_examples: Callable[[], Iterable[Any]] | None = None, *, nlp: Any = None) -> None:
        """spaCy's `initialize`: the rule files read from the package."""
        self.initialize_rules()

    def carried_rules(self) -> dict[str, Any]:
        if self.rule_files is None:
            self.initialize_rules()
        assert self.rule_files is not None
        return self.rule_files

    def rules_for(self, vocab: Any) -> None:
        """Registers the carried rules for `vocab` (a Doc's), where they are not yet."""
        files = self.carried_rules()
        entry = _CARRIED.get(id(vocab))
        if entry is None or entry.vocab is not vocab or entry.by_owner.get(self.name) is not files:
            self.vocab = vocab
            carry(vocab, self.name, files)

    def write_rules(self, folder: Path) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        for name, data in self.carried_rules().items():
            srsly.write_json(folder / name, data)

    def read_rules(self, folder: Path) -> None:
        self._carry_rules({name: srsly.read_json(folder / name) for name in self.RULE_FILES})

    def rules_bytes(self) -> dict[str, Any]:
        return dict(self.carried_rules())

    def rules_from_bytes(self, data: Mapping[str, Any]) -> None:
        self._carry_rules({name: data[name] for name in self.RULE_FILES})

    # spaCy's serialisation of a component that carries nothing but its rule files
    def to_bytes(self, *, exclude: Iterable[str] = ()) -> bytes:
        return cast(bytes, srsly.msgpack_dumps(self.rules_bytes()))

    def from_bytes(self, data: bytes, *, exclude: Iterable[str] = ()) -> Self:
        self.rules_from_bytes(srsly.msgpack_loads(data))
        return self

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        self.write_rules(Path(path))

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> Self:
        self.read_rules(Path(path))
        return self


# --- what is made from the rules, per RuleSet ----------------------------------------------------


class Derived:
    """A module-level value made from the rules (`derived`): made when first read under each
    RuleSet and kept in it. It stands for the value: `word in WORDS`, `TABLE[key]`,
    `TABLE.get(key)`, `for w in WORDS`, `A | B`, `PATTERN.search(text)`."""

    __slots__ = ("_make", "_slot")

    def __init__(self, make: Callable[[], Any]) -> None:
        self._make = make
        self._slot: tuple[RuleSet | None, Any] = (None, None)

    def _value(self) -> Any:
        rules = _IN_EFFECT.get()
        slot = self._slot  # one read: another thread may replace it
        if slot[0] is rules:
            return slot[1]
        key = id(self)
        if key in rules.made:
            value = rules.made[key]
        else:
            value = rules.made[key] = self._make()
        self._slot = (rules, value)
        return value

    def __getattr__(self, name: str) -> Any:
        return getattr(self._value(), name)

    def __contains__(self, item: Any) -> bool:
        return item in self._value()

    def __iter__(self) -> Iterator[Any]:
        return iter(self._value())

    def __reversed__(self) -> Iterator[Any]:
        return reversed(self._value())

    def __len__(self) -> int:
        return len(self._value())

    def __bool__(self) -> bool:
        return bool(self._value())

    def __getitem__(self, key: Any) -> Any:
        return self._value()[key]

    def __eq__(self, other: Any) -> bool:
        return bool(self._value() == _plain(other))

    def __ne__(self, other: Any) -> bool:
        return bool(self._value() != _plain(other))

    def __le__(self, other: Any) -> bool:
        return bool(self._value() <= _plain(other))

    def __lt__(self, other: Any) -> bool:
        return bool(self._value() < _plain(other))

    def __ge__(self, other: Any) -> bool:
        return bool(self._value() >= _plain(other))

    def __gt__(self, other: Any) -> bool:
        return bool(self._value() > _plain(other))

    __hash__ = None  # type: ignore[assignment]

    def __or__(self, other: Any) -> Any:
        return self._value() | _plain(other)

    def __ror__(self, other: Any) -> Any:
        return _plain(other) | self._value()

    def __and__(self, other: Any) -> Any:
        return self._value() & _plain(other)

    def __rand__(self, other: Any) -> Any:
        return _plain(other) & self._value()

    def __sub__(self, other: Any) -> Any:
        return self._value() - _plain(other)

    def __rsub__(self, other: Any) -> Any:
        return _plain(other) - self._value()

    def __xor__(self, other: Any) -> Any:
        return self._value() ^ _plain(other)

    def __rxor__(self, other: Any) -> Any:
        return _plain(other) ^ self._value()

    def __add__(self, other: Any) -> Any:
        return self._value() + _plain(other)

    def __radd__(self, other: Any) -> Any:
        return _plain(other) + self._value()

    def __repr__(self) -> str:
        return repr(self._value())

    def __str__(self) -> str:
        return str(self._value())

    def __format__(self, spec: str) -> str:
        return format(self._value(), spec)


def _plain(value: Any) -> Any:
    return value._value() if isinstance(value, Derived) else value


def derived(make: Callable[[], T]) -> T:
    """A module-level value made from the rules in effect (`WORDS = derived(lambda:
    set(RULES["words"]))`), made again for each RuleSet, and never at import."""
    return cast(T, Derived(make))


def plain(value: T) -> T:
    """The value a `derived` name stands for under the rules in effect (for an API that wants the
    value's own type); any other value as it is."""
    return cast(T, _plain(value))


def rules_cache(function: Callable[P, T]) -> Callable[P, T]:
    """`functools.cache` per RuleSet: for a function that reads the rules."""
    return rules_lru_cache(None)(function)


def rules_lru_cache(maxsize: int | None) -> Callable[[Callable[P, T]], Callable[P, T]]:
    """`functools.lru_cache(maxsize)` per RuleSet: for a function that reads the rules."""

    def decorate(function: Callable[P, T]) -> Callable[P, T]:
        @lru_cache(maxsize=maxsize)
        def per_rules(rules: RuleSet, *args: Any, **kwargs: Any) -> T:
            return function(*args, **kwargs)

        @wraps(function)
        def cached(*args: P.args, **kwargs: P.kwargs) -> T:
            return per_rules(_IN_EFFECT.get(), *args, **kwargs)  # type: ignore[arg-type]

        cached.cache_clear = per_rules.cache_clear  # type: ignore[attr-defined]
        cached.cache_info = per_rules.cache_info  # type: ignore[attr-defined]
        return cached

    return decorate


def names(rule_files: Iterable[str]) -> tuple[str, ...]:
    """The rule files, with those their references name, in order."""
    found: list[str] = []
    pending = list(rule_files)
    while pending:
        name = pending.pop(0)
        if name in found:
            continue
        found.append(name)
        pending += [r[len(REFERENCE) :].partition("#")[0] for r in _references(_parsed(name))]
    return tuple(found)


def _references(value: Any) -> Iterator[str]:
    if _is_reference(value):
        yield value
    elif isinstance(value, dict):
        for v in value.values():
            yield from _references(v)
    elif isinstance(value, list):
        for v in value:
            yield from _references(v)


K = TypeVar("K")
V = TypeVar("V")


def grouped(items: Iterable[tuple[K, V]]) -> dict[K, list[V]]:
    """The values by their keys, in order: `{k: [v, ...]}` of (k, v) pairs."""
    groups: dict[K, list[V]] = {}
    for key, value in items:
        groups.setdefault(key, []).append(value)
    return groups
