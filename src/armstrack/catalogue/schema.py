"""Schemas of the catalogue files, checked with pydantic when a file is loaded.

Unknown fields are errors, so a typo in a user's extension file is reported
instead of silently ignored.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from armstrack.records import Category

_ISO3 = r"^[A-Z]{3}$"
_SLUG = r"^[a-z][a-z0-9_]*$"

BodyKind = Literal[
    "executive", "ministry", "military", "intelligence", "agency", "company", "legislature"
]
OutletKind = Literal[
    "wire", "state_agency", "newspaper", "broadcaster", "magazine", "online", "think_tank"
]


class _Entry(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


class StateEntry(_Entry):
    id: str = Field(pattern=_ISO3)
    name: str = Field(min_length=2)
    aliases: list[str] = []
    demonyms: list[str] = []
    capitals: list[str] = []
    ship_prefixes: list[str] = []


class BodyEntry(_Entry):
    name: str = Field(min_length=2)
    aliases: list[str] = []
    state: str = Field(pattern=_ISO3)
    kind: BodyKind


class GroupEntry(_Entry):
    id: str = Field(pattern=_SLUG)
    name: str = Field(min_length=2)
    aliases: list[str] = []
    demonyms: list[str] = []
    base: str | None = Field(default=None, pattern=_ISO3)


class OutletEntry(_Entry):
    id: str = Field(pattern=_SLUG)
    name: str = Field(min_length=2)
    aliases: list[str] = []
    country: str | None = Field(default=None, pattern=_ISO3)
    kind: OutletKind
    domains: list[str] = []


class SystemEntry(_Entry):
    name: str = Field(min_length=2)
    aliases: list[str] = []
    family: str | None = None
    category: Category
    origin: str = Field(pattern=_ISO3)


class PlaceEntry(_Entry):
    """A region or sea whose name holds a state's name ("South America", "South China Sea")."""

    name: str = Field(min_length=2)
    aliases: list[str] = []


class ClassEntry(_Entry):
    category: Category
    terms: list[str] = Field(min_length=1)
    generic: bool = False
    # Nouns that name the hardware only straight after a system's bare name ("Typhoon
    # jets", "Mastiff vehicles"): too ambiguous alone to be terms.
    after_names: list[str] = []


class CatalogueFile(_Entry):
    """Any catalogue file: each may hold any of the tables."""

    state: list[StateEntry] = []
    body: list[BodyEntry] = []
    group: list[GroupEntry] = []
    outlet: list[OutletEntry] = []
    system: list[SystemEntry] = []
    place: list[PlaceEntry] = []
    # "class" is a Python keyword, hence the alias.
    class_: list[ClassEntry] = Field(default=[], alias="class")


def error_lines(error: ValidationError, data: dict[str, object]) -> list[str]:
    """Turn a pydantic error into ``[field -> path] message`` lines naming the entry."""
    lines = []
    for item in error.errors():
        loc = list(item["loc"])
        label = _entry_label(data, loc)
        path = " -> ".join(str(part) for part in loc)
        lines.append(f"[{path}]{label} {item['msg']}")
    return lines


def _entry_label(data: dict[str, object], loc: list[int | str]) -> str:
    if len(loc) >= 2 and isinstance(loc[1], int):
        table = data.get(str(loc[0]))
        if isinstance(table, list) and loc[1] < len(table):
            entry = table[loc[1]]
            if isinstance(entry, dict):
                name = entry.get("name") or entry.get("id") or entry.get("category")
                if name:
                    return f" ({name})"
    return ""
