"""Spans, speakers, claims and other records made without their dataclass ``__init__``.

``records`` is not compiled, and the ``__init__`` a frozen dataclass gets runs as
interpreted Python, setting each field through ``object.__setattr__``: some 6,000
instructions a span, for the thousands of spans an article pass makes. The same calls
made from compiled code cost under half of that. A test checks that each agrees with
its dataclass and that the record has nothing else to run when made.
"""

from __future__ import annotations

from typing import Final

from armstrack.records import (
    ActorRef,
    Category,
    Claim,
    Quantity,
    Route,
    Span,
    Speaker,
    Stance,
    Status,
    SystemRef,
    TimeRef,
    Transfer,
)

# ``object.__new__`` and the record types, held in names compiled code reads directly:
# ``object.__new__(Span)`` looks up "object" in the builtins, "Span" in the module and
# "__new__" on the type, for each record.
_NEW: Final = object.__new__
_SPAN: Final = Span
_SPEAKER: Final = Speaker
_CLAIM: Final = Claim
_QUANTITY: Final = Quantity
_TIME: Final = TimeRef
_TRANSFER: Final = Transfer


def new_span(start: int, end: int, text: str) -> Span:
    """``Span(start, end, text)``."""
    span = _NEW(_SPAN)
    object.__setattr__(span, "start", start)
    object.__setattr__(span, "end", end)
    object.__setattr__(span, "text", text)
    return span


def new_speaker(
    text: str,
    actor: ActorRef | None = None,
    role: str | None = None,
    outlet: str | None = None,
    count: int | None = None,
) -> Speaker:
    """``Speaker(text, actor, role, outlet, count)``."""
    speaker = _NEW(_SPEAKER)
    object.__setattr__(speaker, "text", text)
    object.__setattr__(speaker, "actor", actor)
    object.__setattr__(speaker, "role", role)
    object.__setattr__(speaker, "outlet", outlet)
    object.__setattr__(speaker, "count", count)
    return speaker


def new_claim(
    speaker: Speaker | None,
    stance: Stance,
    evidence: Span,
    hedges: tuple[str, ...] = (),
    status: Status | None = None,
) -> Claim:
    """``Claim(speaker, stance, evidence, hedges, status)``."""
    claim = _NEW(_CLAIM)
    object.__setattr__(claim, "speaker", speaker)
    object.__setattr__(claim, "stance", stance)
    object.__setattr__(claim, "evidence", evidence)
    object.__setattr__(claim, "hedges", hedges)
    object.__setattr__(claim, "status", status)
    return claim


def new_quantity(value: int | None, approximate: bool, span: Span) -> Quantity:
    """``Quantity(value, approximate, span)``."""
    quantity = _NEW(_QUANTITY)
    object.__setattr__(quantity, "value", value)
    object.__setattr__(quantity, "approximate", approximate)
    object.__setattr__(quantity, "span", span)
    return quantity


def new_time(value: str, granularity: str, span: Span) -> TimeRef:
    """``TimeRef(value, granularity, span)``."""
    time = _NEW(_TIME)
    object.__setattr__(time, "value", value)
    object.__setattr__(time, "granularity", granularity)
    object.__setattr__(time, "span", span)
    return time


def new_transfer(
    supplier: ActorRef,
    recipient: ActorRef,
    category: Category,
    status: Status,
    systems: tuple[SystemRef, ...],
    quantity: Quantity | None,
    times: tuple[TimeRef, ...],
    routes: tuple[Route, ...],
    claims: tuple[Claim, ...],
    evidence: tuple[Span, ...],
) -> Transfer:
    """``Transfer(supplier, recipient, category, status, systems, quantity, times, routes,
    claims, evidence)``."""
    transfer = _NEW(_TRANSFER)
    object.__setattr__(transfer, "supplier", supplier)
    object.__setattr__(transfer, "recipient", recipient)
    object.__setattr__(transfer, "category", category)
    object.__setattr__(transfer, "status", status)
    object.__setattr__(transfer, "systems", systems)
    object.__setattr__(transfer, "quantity", quantity)
    object.__setattr__(transfer, "times", times)
    object.__setattr__(transfer, "routes", routes)
    object.__setattr__(transfer, "claims", claims)
    object.__setattr__(transfer, "evidence", evidence)
    return transfer
