"""Assembly's helpers written as loops: what their readable forms find."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from armstrack.extract.drafts import Draft, latest_of
from armstrack.records import ActorKind, ActorRef, Category, Status

_STATES = [ActorRef(code, ActorKind.STATE, code) for code in ("AAA", "BBB", "CCC")]


def _readable_latest_of(drafts: dict, before: int, accept: object) -> Draft | None:
    """``latest_of`` as first written, with ``max`` over keys."""
    test = accept if callable(accept) else (lambda d: True)
    candidates = [d for d in drafts.values() if test(d)]
    if not candidates:
        return None
    earlier = [d for d in candidates if d.first_sentence <= before]
    pool = earlier or candidates
    return max(
        pool, key=lambda d: (d.last_sentence if d.last_sentence <= before else -1, d.first_sentence)
    )


_SPANS = st.tuples(st.integers(0, 8), st.integers(0, 4)).map(lambda p: (p[0], p[0] + p[1]))


@settings(max_examples=1000, deadline=None)
@given(
    st.lists(st.tuples(_SPANS, st.integers(0, 2), st.integers(0, 2)), max_size=8),
    st.integers(0, 12),
    st.sampled_from(["all", "none", "aaa", "not-supplier"]),
)
def test_latest_of_is_the_max_of_its_keys(
    spans: list[tuple[tuple[int, int], int, int]], before: int, accepted: str
) -> None:
    drafts = {}
    for (first, last), supplier, recipient in spans:
        key = (f"{supplier}{first}", f"{recipient}{last}", Category.OTHER)
        drafts[key] = Draft(
            _STATES[supplier], _STATES[recipient], Category.OTHER, Status.DISCUSSED, first, last
        )
    accept: object = {
        "all": None,
        "none": lambda d: False,
        "aaa": lambda d: d.supplier.id == "AAA",
        "not-supplier": lambda d: d.recipient.id != "BBB",
    }[accepted]
    assert latest_of(drafts, before, accept) is _readable_latest_of(drafts, before, accept)
