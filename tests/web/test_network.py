"""The network drawing: actors apart, labels clear, every arrow visible and pointing."""

from __future__ import annotations

import itertools
import math
import random

import pytest

from armstrack.records import ActorKind, ActorRef, Edge
from armstrack.web.network import (
    LABEL_GAP,
    LABEL_SIZE,
    Drawing,
    Line,
    Node,
    draw_network,
    head_size,
    label_width,
)


def _actor(code: str, name: str | None = None) -> ActorRef:
    return ActorRef(id=code, name=name or code, kind=ActorKind.STATE)


def _edge(supplier: str, recipient: str, transfers: int = 1, category: str = "missile") -> Edge:
    return Edge(_actor(supplier), _actor(recipient), transfers, {category: transfers})


def _box(node: Node) -> tuple[float, float, float, float]:
    half = max(node.r, label_width(node.name) / 2)
    return node.x - half, node.y - node.r - LABEL_GAP - LABEL_SIZE, node.x + half, node.y + node.r


def _overlapping(drawing: Drawing) -> list[tuple[str, str]]:
    boxes = {node.id: _box(node) for node in drawing.nodes}
    return [
        (a, b)
        for (a, p), (b, q) in itertools.combinations(boxes.items(), 2)
        if p[0] < q[2] and q[0] < p[2] and p[1] < q[3] and q[1] < p[3]
    ]


def _graph(size: int, seed: int) -> list[Edge]:
    """Hubs supplying many, plus some cross links: what the real data looks like."""
    names = ["United States", "Russia", "Iran", "North Korea", "Saudi Arabia", "Houthis"]
    actors = [_actor(f"A{i:03d}", f"{names[i % len(names)]} {i}") for i in range(size)]
    chosen = random.Random(seed)
    hubs = actors[: max(2, size // 8)]
    edges = {}
    for actor in actors:
        hub = chosen.choice(hubs)
        if hub is not actor:
            edges[(hub.id, actor.id)] = Edge(hub, actor, chosen.randint(1, 40), {"uav": 1})
    for _ in range(size // 3):
        a, b = chosen.sample(actors, 2)
        edges[(a.id, b.id)] = Edge(a, b, chosen.randint(1, 5), {"missile": 1})
    return list(edges.values())


def _midpoint(line: Line) -> tuple[float, float]:
    """The middle of the arrow's curve (a quadratic Bézier at t = 0.5)."""
    return (
        0.25 * line.x1 + 0.5 * line.cx + 0.25 * line.x2,
        0.25 * line.y1 + 0.5 * line.cy + 0.25 * line.y2,
    )


@pytest.mark.parametrize(("size", "seed"), [(5, 1), (20, 2), (60, 3), (120, 4)])
def test_draw_network_boxes_never_overlap_and_stay_inside(size: int, seed: int) -> None:
    drawing = draw_network(_graph(size, seed))
    assert len(drawing.nodes) == size
    assert _overlapping(drawing) == []
    for node in drawing.nodes:
        left, top, right, bottom = _box(node)
        assert left >= 0 and top >= 0 and right <= drawing.width and bottom <= drawing.height


def test_draw_network_is_deterministic() -> None:
    edges = _graph(30, 5)
    assert draw_network(edges) == draw_network(list(edges))


@pytest.mark.parametrize("pair", [("IRN", "RUS")])
def test_draw_network_reciprocal_arrows_run_apart(pair: tuple[str, str]) -> None:
    supplier, recipient = pair
    drawing = draw_network([_edge(supplier, recipient), _edge(recipient, supplier)])
    there, back = drawing.lines
    # The middles of the two curves are further apart than the 14 px hit paths.
    (x1, y1), (x2, y2) = _midpoint(there), _midpoint(back)
    assert math.hypot(x2 - x1, y2 - y1) > 14 + there.width
    assert there.path.count("Q") == back.path.count("Q") == 1


@pytest.mark.parametrize("transfers", [1, 40])
def test_draw_network_heads_stay_outside_the_circles(transfers: int) -> None:
    # Two actors linked, with crowding around them: the arrow stays long enough to see.
    edges = [_edge("PRK", "RUS", transfers), *(_edge("RUS", f"X{i}") for i in range(12))]
    drawing = draw_network(edges)
    nodes = {node.id: node for node in drawing.nodes}
    for line in drawing.lines:
        start, end = nodes[line.supplier], nodes[line.recipient]
        assert math.hypot(line.x1 - start.x, line.y1 - start.y) > start.r
        tip = math.hypot(line.x2 - end.x, line.y2 - end.y)
        assert end.r < tip < end.r + 4  # the tip touches the circle, outside it
        head_length, _ = head_size(line.width)
        shaft = math.hypot(line.x2 - line.x1, line.y2 - line.y1) - head_length
        assert shaft >= 12, (line.label, shaft)
        first = line.head.split()[0]
        assert first == f"{line.x2},{line.y2}"  # the head's point is the tip


def test_draw_network_long_arrows_are_drawn_first() -> None:
    edges = [_edge("PRK", "RUS"), _edge("RUS", "EGY"), _edge("IRN", "RUS"), _edge("TUR", "MLI")]
    lengths = [math.hypot(a.x2 - a.x1, a.y2 - a.y1) for a in draw_network(edges).lines]
    assert lengths == sorted(lengths, reverse=True)


def test_draw_network_legend_lists_only_the_colours_drawn() -> None:
    edges = [_edge("IRN", "RUS", 3, "uav"), _edge("PRK", "RUS", 2, "missile")]
    assert draw_network(edges).categories == ("uav", "missile")


def test_draw_network_labels_have_thousands_separators() -> None:
    (line,) = draw_network([_edge("USA", "UKR", 1200, "air_defence")]).lines
    assert line.label == "USA → UKR: 1,200 transfers (air defence 1,200)"


def test_draw_network_empty() -> None:
    drawing = draw_network([])
    assert drawing.lines == () and drawing.nodes == () and drawing.categories == ()
