"""Spans, speakers and claims made without their dataclass ``__init__``.

``records`` is not compiled, and the ``__init__`` a frozen dataclass gets runs as
interpreted Python, setting each field through ``object.__setattr__``: some 6,000
instructions a span, for the thousands of spans an article pass makes. The same calls
made from compiled code cost under half of that. A test checks that each agrees with
its dataclass and that the record has nothing else to run when made.
"""

from __future__ import annotations

from armstrack.records import ActorRef, Claim, Span, Speaker, Stance, Status


def new_span(start: int, end: int, text: str) -> Span:
    """``Span(start, end, text)``."""
    span = object.__new__(Span)
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
    speaker = object.__new__(Speaker)
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
    claim = object.__new__(Claim)
    object.__setattr__(claim, "speaker", speaker)
    object.__setattr__(claim, "stance", stance)
    object.__setattr__(claim, "evidence", evidence)
    object.__setattr__(claim, "hedges", hedges)
    object.__setattr__(claim, "status", status)
    return claim
