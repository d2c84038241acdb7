"""Spans made without their dataclass ``__init__``.

``records`` is not compiled, and the ``__init__`` a frozen dataclass gets runs as
interpreted Python, setting each field through ``object.__setattr__``: some 6,000
instructions a span, for the thousands of spans an article pass makes. The same calls
made from compiled code cost under half of that. A test checks that the two agree and
that ``Span`` has nothing else to run when made.
"""

from __future__ import annotations

from armstrack.records import Span


def new_span(start: int, end: int, text: str) -> Span:
    """``Span(start, end, text)``."""
    span = object.__new__(Span)
    object.__setattr__(span, "start", start)
    object.__setattr__(span, "end", end)
    object.__setattr__(span, "text", text)
    return span
