"""The pure drawing and highlighting helpers behind the pages."""

from __future__ import annotations

import math

import pytest

from armstrack.records import ActorRef, Edge, Span, Speaker
from armstrack.web.render import draw_network, highlight, safe_url, speaker_extras


def _actor(code: str) -> ActorRef:
    return ActorRef(id=code, name=code, kind="state")


def _edge(supplier: str, recipient: str, transfers: int = 1) -> Edge:
    return Edge(_actor(supplier), _actor(recipient), transfers, {"missile": transfers})


def _distance_to_line(px: float, py: float, x1: float, y1: float, x2: float, y2: float) -> float:
    return abs((x2 - x1) * (y1 - py) - (x1 - px) * (y2 - y1)) / math.hypot(x2 - x1, y2 - y1)


@pytest.mark.parametrize("pair", [("IRN", "RUS")])
def test_draw_network_reciprocal_arrows_run_apart(pair: tuple[str, str]) -> None:
    supplier, recipient = pair
    drawing = draw_network([_edge(supplier, recipient), _edge(recipient, supplier)])
    there, back = drawing.lines
    # The midpoint of one arrow lies well off the other (the hit lines are 14 px wide).
    mid_x, mid_y = (there.x1 + there.x2) / 2, (there.y1 + there.y2) / 2
    assert _distance_to_line(mid_x, mid_y, back.x1, back.y1, back.x2, back.y2) > 7


def test_draw_network_arrows_stop_at_the_circles() -> None:
    drawing = draw_network([_edge("PRK", "RUS", 5)])
    (line,) = drawing.lines
    nodes = {node.id: node for node in drawing.nodes}
    start, end = nodes["PRK"], nodes["RUS"]
    assert math.hypot(line.x1 - start.x, line.y1 - start.y) > start.r
    assert math.hypot(line.x2 - end.x, line.y2 - end.y) > end.r


def test_draw_network_long_arrows_are_drawn_first() -> None:
    edges = [_edge("PRK", "RUS"), _edge("RUS", "EGY"), _edge("IRN", "RUS"), _edge("TUR", "MLI")]
    lengths = [math.hypot(a.x2 - a.x1, a.y2 - a.y1) for a in draw_network(edges).lines]
    assert lengths == sorted(lengths, reverse=True)


def test_draw_network_empty() -> None:
    assert draw_network([]).lines == ()


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://example.org/a", "https://example.org/a"),
        ("javascript:alert(1)", None),
        (" JAVASCRIPT:alert(1)", None),
        ("data:text/html,x", None),
        ("//example.org", None),
        (None, None),
    ],
)
def test_safe_url_keeps_only_web_addresses(url: str | None, expected: str | None) -> None:
    assert safe_url(url) == expected


def test_highlight_escapes_and_splits_overlapping_marks() -> None:
    text = "<b>Iran</b> sent drones"
    html = str(highlight(text, [Span(3, 7, text[3:7]), Span(5, 16, text[5:16])]))
    assert "<b>" not in html and "&lt;b&gt;" in html
    assert html.count("<mark") == 3  # 'Ir', 'an', '</b> s' pieces


@pytest.mark.parametrize(
    ("speaker", "expected"),
    [
        (Speaker("Reuters", role=None, outlet="Reuters"), (None, None)),
        (Speaker("European security officials", role="security officials"), (None, None)),
        (Speaker("six sources", role="sources", outlet="Reuters", count=6), (None, "Reuters")),
        (Speaker("Tehran", role="government"), ("government", None)),
    ],
)
def test_speaker_extras_skips_what_the_words_already_say(
    speaker: Speaker, expected: tuple[str | None, str | None]
) -> None:
    assert speaker_extras(speaker) == expected
