"""Load the catalogue files, validate them and build the lookups the extractor needs."""

from __future__ import annotations

import tomllib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from enum import StrEnum
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from armstrack.catalogue.normalise import key
from armstrack.catalogue.schema import (
    BodyEntry,
    CatalogueFile,
    ClassEntry,
    GroupEntry,
    OutletEntry,
    PlaceEntry,
    StateEntry,
    SystemEntry,
    error_lines,
)
from armstrack.errors import CatalogueError
from armstrack.records import ActorKind, ActorRef, Category, SystemRef

PACKAGED_FILES = (
    "states.toml",
    "bodies.toml",
    "groups.toml",
    "outlets.toml",
    "systems.toml",
    "classes.toml",
    "places.toml",
)


class TermKind(StrEnum):
    STATE = "state"
    CAPITAL = "capital"
    DEMONYM = "demonym"
    BODY = "body"
    GROUP = "group"
    GROUP_DEMONYM = "group_demonym"
    OUTLET = "outlet"
    SYSTEM = "system"
    CLASS = "class"
    PLACE = "place"


@dataclass(frozen=True, slots=True)
class Term:
    """One surface form the matcher looks for, and what it stands for."""

    surface: str
    kind: TermKind
    target: str


@dataclass(frozen=True, slots=True)
class Head:
    """The bare name of a system, which names it only before a class word of its category:
    "Caesar" (from the alias "Caesar howitzer") names the CAESAR in "Caesar self-propelled
    guns" and "50 Caesar truck-mounted howitzers", but is a person on its own."""

    surface: str
    system: str
    category: Category


@dataclass(frozen=True)
class Catalogue:
    states: dict[str, StateEntry]
    bodies: tuple[BodyEntry, ...]
    groups: dict[str, GroupEntry]
    outlets: dict[str, OutletEntry]
    systems: dict[str, SystemEntry]
    classes: tuple[ClassEntry, ...]
    places: tuple[PlaceEntry, ...] = ()
    sources: tuple[str, ...] = ()
    _system_refs: dict[str, SystemRef] = field(default_factory=dict, repr=False)
    _actor_names: dict[str, str] = field(default_factory=dict, repr=False)
    # Built on first use: the extractor asks these for every mention of every sentence.
    _actor_refs: dict[str, ActorRef] = field(default_factory=dict, repr=False, compare=False)
    _body_states: dict[str, str] = field(default_factory=dict, repr=False, compare=False)
    _class_terms: dict[str, ClassEntry] = field(default_factory=dict, repr=False, compare=False)

    def actor(self, actor_id: str) -> ActorRef:
        """The reference of a state code or group slug (KeyError if unknown), built once."""
        ref = self._actor_refs.get(actor_id)
        if ref is None:
            state = self.states.get(actor_id)
            if state is not None:
                ref = ActorRef(state.id, ActorKind.STATE, state.name)
            else:
                group = self.groups[actor_id]
                ref = ActorRef(group.id, ActorKind.GROUP, group.name)
            self._actor_refs[actor_id] = ref
        return ref

    def find_actor(self, text: str) -> str | None:
        """The actor id a user means by a code, slug, name or alias ("irn", "Iran",
        "Ansar Allah"); None when nothing in the catalogue answers to it."""
        if not self._actor_names:
            for state in self.states.values():
                for name in (state.id, state.name, *state.aliases):
                    self._actor_names.setdefault(key(name), state.id)
            for group in self.groups.values():
                for name in (group.id, group.name, *group.aliases):
                    self._actor_names.setdefault(key(name), group.id)
        return self._actor_names.get(key(text))

    def body_state(self, name: str) -> str:
        """The state of the body called ``name`` (KeyError if unknown)."""
        if not self._body_states:
            for body in self.bodies:
                self._body_states.setdefault(body.name, body.state)
        return self._body_states[name]

    def system(self, name: str) -> SystemRef:
        """The reference of a system by canonical name, built once."""
        ref = self._system_refs.get(name)
        if ref is None:
            entry = self.systems[name]
            ref = SystemRef(
                entry.name, entry.category, entry.origin, entry.family, tuple(entry.aliases)
            )
            self._system_refs[name] = ref
        return ref

    def class_of(self, term: str) -> ClassEntry:
        """The first class listing ``term`` (KeyError if none does)."""
        if not self._class_terms:
            for weapon_class in self.classes:
                for listed in weapon_class.terms:
                    self._class_terms.setdefault(listed, weapon_class)
        return self._class_terms[term]

    def heads(self) -> list[Head]:
        """The bare names that ``Head`` describes, read off the names and aliases that end in
        a class term or an after-name of the system's own category ("Caesar howitzer",
        "Typhoon fighter"). A head that is already a term of another entry, or that two
        systems of one category share, is left out; one that is the system's own name in
        capitals ("CAESAR") is kept for the other cases."""
        followers: dict[str, set[Category]] = {}
        for weapon_class in self.classes:
            if not weapon_class.generic:
                for word in (*weapon_class.terms, *weapon_class.after_names):
                    followers.setdefault(key(word), set()).add(weapon_class.category)
        taken: dict[str, set[str]] = {}
        for term in self.terms():
            owner = term.target if term.kind is TermKind.SYSTEM else f"{term.kind}:{term.target}"
            taken.setdefault(key(term.surface), set()).add(owner)
        found: dict[tuple[str, Category], dict[str, str]] = {}
        for system in self.systems.values():
            for name in (system.name, *system.aliases):
                words = name.split()
                for cut in range(1, len(words)):
                    head, tail = " ".join(words[:cut]), words[cut:]
                    # "Tor missile system", "Mastiff protected patrol vehicle": lower-case
                    # words before the class word or after-name count as part of the tail.
                    if not all(w.islower() for w in tail[:-1]):
                        tail = [" ".join(tail)]
                    if system.category in followers.get(key(tail[-1]), ()):
                        owners = found.setdefault((key(head), system.category), {})
                        owners.setdefault(system.name, head)
        return [
            Head(surface, system, category)
            for (head_key, category), owners in found.items()
            if len(owners) == 1
            for system, surface in owners.items()
            if taken.get(head_key, {system}) == {system}
        ]

    def after_names(self) -> dict[str, set[Category]]:
        """Each after-name (see classes.toml) with the categories it names after a head."""
        found: dict[str, set[Category]] = {}
        for weapon_class in self.classes:
            for word in weapon_class.after_names:
                found.setdefault(word, set()).add(weapon_class.category)
        return found

    def terms(self) -> Iterator[Term]:
        """Every surface form of every entry, for the matcher."""
        for state in self.states.values():
            for name in (state.name, *state.aliases):
                yield Term(name, TermKind.STATE, state.id)
            for capital in state.capitals:
                yield Term(capital, TermKind.CAPITAL, state.id)
            for demonym in state.demonyms:
                yield Term(demonym, TermKind.DEMONYM, state.id)
        for body in self.bodies:
            for name in (body.name, *body.aliases):
                yield Term(name, TermKind.BODY, body.name)
        for group in self.groups.values():
            for name in (group.name, *group.aliases):
                yield Term(name, TermKind.GROUP, group.id)
            for demonym in group.demonyms:
                yield Term(demonym, TermKind.GROUP_DEMONYM, group.id)
        for outlet in self.outlets.values():
            for name in (outlet.name, *outlet.aliases):
                yield Term(name, TermKind.OUTLET, outlet.id)
        for system in self.systems.values():
            for name in (system.name, *system.aliases):
                yield Term(name, TermKind.SYSTEM, system.name)
        for weapon_class in self.classes:
            for term in weapon_class.terms:
                yield Term(term, TermKind.CLASS, term)
        for place in self.places:
            for name in (place.name, *place.aliases):
                yield Term(name, TermKind.PLACE, place.name)


def _read(source: str, raw: bytes) -> CatalogueFile:
    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise CatalogueError(source, [f"not a valid UTF-8 TOML file: {exc}"]) from exc
    try:
        return CatalogueFile.model_validate(data)
    except ValidationError as exc:
        raise CatalogueError(source, error_lines(exc, data)) from exc


def _packaged() -> Iterator[tuple[str, bytes]]:
    folder = resources.files("armstrack.catalogue") / "data"
    for name in PACKAGED_FILES:
        yield f"armstrack/catalogue/data/{name}", (folder / name).read_bytes()


def load_catalogue(extra: Iterable[str | Path] = ()) -> Catalogue:
    """Load the packaged catalogue plus the user's extension files, and validate all.

    An extension file holds any of the tables ``[[state]]``, ``[[body]]``,
    ``[[group]]``, ``[[outlet]]``, ``[[system]]`` and ``[[class]]``; its entries
    are added to the packaged ones and must not clash with them.
    """
    files = [_read(src, raw) for src, raw in _packaged()]
    sources = [src for src, _ in _packaged()]
    for path in extra:
        path = Path(path)
        try:
            raw = path.read_bytes()
        except OSError as exc:
            raise CatalogueError(str(path), [f"cannot read: {exc.strerror}"]) from exc
        files.append(_read(str(path), raw))
        sources.append(str(path))
    catalogue = _assemble(files, tuple(sources))
    problems = check_consistency(catalogue)
    if problems:
        raise CatalogueError(", ".join(sources[len(PACKAGED_FILES) :]) or "catalogue", problems)
    return catalogue


@cache
def default_catalogue() -> Catalogue:
    """The packaged catalogue, loaded and validated once per process."""
    return load_catalogue()


def _assemble(files: list[CatalogueFile], sources: tuple[str, ...]) -> Catalogue:
    problems: list[str] = []
    states: dict[str, StateEntry] = {}
    groups: dict[str, GroupEntry] = {}
    outlets: dict[str, OutletEntry] = {}
    systems: dict[str, SystemEntry] = {}
    for file in files:
        _collect(problems, "state", states, [(e.id, e) for e in file.state])
        _collect(problems, "group", groups, [(e.id, e) for e in file.group])
        _collect(problems, "outlet", outlets, [(e.id, e) for e in file.outlet])
        _collect(problems, "system", systems, [(e.name, e) for e in file.system])
    if problems:
        raise CatalogueError("catalogue", problems)
    return Catalogue(
        states=states,
        bodies=tuple(b for f in files for b in f.body),
        groups=groups,
        outlets=outlets,
        systems=systems,
        classes=tuple(c for f in files for c in f.class_),
        places=tuple(p for f in files for p in f.place),
        sources=sources,
    )


def _collect(
    problems: list[str], table: str, target: dict[str, Any], entries: list[tuple[str, Any]]
) -> None:
    """Add one file's entries of a table; a name defined twice is a problem."""
    for name, entry in entries:
        if name in target:
            problems.append(f"{table} {name!r} is defined twice")
        target[name] = entry


def check_consistency(catalogue: Catalogue) -> list[str]:
    """Every cross-reference resolves and no surface form is claimed twice."""
    problems: list[str] = []
    states = catalogue.states
    for body in catalogue.bodies:
        if body.state not in states:
            problems.append(f"body {body.name!r}: unknown state {body.state!r}")
    for group in catalogue.groups.values():
        if group.base and group.base not in states:
            problems.append(f"group {group.id!r}: unknown base {group.base!r}")
        if group.id in states:
            problems.append(f"group {group.id!r}: id clashes with a state code")
    for outlet in catalogue.outlets.values():
        if outlet.country and outlet.country not in states:
            problems.append(f"outlet {outlet.id!r}: unknown country {outlet.country!r}")
    for system in catalogue.systems.values():
        if system.origin not in states:
            problems.append(f"system {system.name!r}: unknown origin {system.origin!r}")
        if system.family is not None:
            head = catalogue.systems.get(system.family)
            if head is None:
                problems.append(f"system {system.name!r}: unknown family {system.family!r}")
            elif head.name == system.name:
                problems.append(f"system {system.name!r}: is its own family")
    categories = [c.category for c in catalogue.classes if not c.generic]
    for category in Category:
        if category is not Category.OTHER and category not in categories:
            problems.append(f"classes: no class terms for category {category.value!r}")
    problems.extend(_clashes(catalogue))
    return problems


# Kinds that name an actor compete for the same words; weapons and outlets have
# their own name spaces (an outlet may share a word with nothing else).
_NAME_SPACES = {
    TermKind.STATE: "actor",
    TermKind.CAPITAL: "actor",
    TermKind.BODY: "actor",
    TermKind.GROUP: "actor",
    TermKind.DEMONYM: "demonym",
    TermKind.GROUP_DEMONYM: "demonym",
    TermKind.OUTLET: "outlet",
    TermKind.SYSTEM: "weapon",
    TermKind.CLASS: "weapon",
    TermKind.PLACE: "place",
}


def _clashes(catalogue: Catalogue) -> list[str]:
    owners: dict[tuple[str, str], Term] = {}
    problems = []
    for term in catalogue.terms():
        space = _NAME_SPACES[term.kind]
        slot = (space, key(term.surface))
        if not slot[1]:
            problems.append(f"{term.kind} {term.target!r}: empty name {term.surface!r}")
            continue
        first = owners.setdefault(slot, term)
        if first.target != term.target or (first.kind != term.kind and space == "weapon"):
            problems.append(
                f"{term.surface!r} is claimed by {first.kind} {first.target!r} "
                f"and by {term.kind} {term.target!r}"
            )
    return problems
