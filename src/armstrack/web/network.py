"""The supplier -> recipient graph as a drawing: where each actor goes, and its arrows.

Pure and deterministic: the same edges always give the same picture (a seeded force
layout, then a fixed number of overlap-removal sweeps), so a page can be reloaded, linked
and screenshot without the graph jumping about.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import networkx as nx
import numpy as np
import numpy.typing as npt

from armstrack.records import Edge
from armstrack.web.render import CATEGORY_COLOURS

WIDTH = 900  # the drawing's width in SVG units; its height grows with the actors in it
MIN_HEIGHT = 560
LABEL_SIZE = 12  # px, as svg.network text in style.css
LABEL_GAP = 4  # between a circle and its label above it
MARGIN = 6  # the least room between two actors' boxes (circle and label)
MIN_SHAFT = 14  # the least visible length of an arrow's shaft, head not included
NODE_GAP = 2  # between a circle and the arrow starting or ending at it
WISH_SWEEPS = 80  # how long actors are moved off arrows not theirs before giving up

Array = npt.NDArray[np.float64]


@dataclass(frozen=True, slots=True)
class Node:
    id: str
    name: str
    x: float
    y: float
    r: float


@dataclass(frozen=True, slots=True)
class Line:
    """One arrow: a shaft (``path``), a head (``head``, a polygon) and a wide invisible
    ``hit`` path for the pointer. (x1, y1) is where it leaves the supplier's circle,
    (x2, y2) the tip of its head, (cx, cy) the control point of its curve."""

    supplier: str
    recipient: str
    label: str
    transfers: int
    x1: float
    y1: float
    x2: float
    y2: float
    cx: float
    cy: float
    path: str
    hit: str
    head: str
    width: float
    colour: str
    category: str


@dataclass(frozen=True, slots=True)
class Drawing:
    width: int
    height: int
    nodes: tuple[Node, ...]
    lines: tuple[Line, ...]
    categories: tuple[str, ...]  # the colours the arrows use, for the legend


def label_width(name: str, size: float = LABEL_SIZE) -> float:
    """A generous estimate of a label's drawn width (DejaVu Sans and most sans-serifs
    are narrower), halo included: overlaps are removed on this, not on the browser's
    measure, so the layout stays a pure function."""
    units = 0.0
    for char in name:
        if char in "MWmw@%":
            units += 1.0
        elif char in "ijl.,;:'!|()[] -Iftr":
            units += 0.42
        elif char.isupper() or char.isdigit():
            units += 0.78
        else:
            units += 0.64
    return units * size + 6


def head_size(width: float) -> tuple[float, float]:
    """An arrowhead's length and half-width for a shaft this wide: always wider than
    the shaft, so even the thickest arrow shows which way it points."""
    return 7 + 1.3 * width, 3.5 + 0.9 * width


def draw_network(edges: Sequence[Edge], width: int = WIDTH) -> Drawing:
    """Place the actors (a seeded force layout, then no two actors' circles or labels
    overlapping) and turn edges into arrows sized by transfer count."""
    graph = nx.DiGraph()
    for edge in edges:
        graph.add_edge(edge.supplier.id, edge.recipient.id, weight=edge.transfers)
    if not graph:
        return Drawing(width, MIN_HEIGHT, (), (), ())
    names = {e.supplier.id: e.supplier.name for e in edges} | {
        e.recipient.id: e.recipient.name for e in edges
    }
    order = sorted(graph)
    degree = dict(graph.degree(weight="weight"))
    radius = {n: round(5 + 2.5 * math.log1p(degree[n]), 1) for n in order}
    heaviest = max(e.transfers for e in edges)
    widths = {
        (e.supplier.id, e.recipient.id): round(
            1.5 + 6 * math.log1p(e.transfers) / math.log1p(heaviest), 1
        )
        for e in edges
    }
    positions, width, height = _layout(graph, order, names, radius, widths, width)
    at = {
        n: (round(float(x), 1), round(float(y), 1))
        for n, (x, y) in zip(order, positions, strict=True)
    }
    nodes = tuple(Node(n, names[n], *at[n], r=radius[n]) for n in order)
    lines = [
        _arrow(
            edge, at, radius, widths, reciprocal=graph.has_edge(edge.recipient.id, edge.supplier.id)
        )
        for edge in edges
    ]
    # Later arrows are drawn over earlier ones: longest first, so a short arrow that
    # lies along a long one stays on top and can be clicked.
    lines.sort(key=lambda line: -math.hypot(line.x2 - line.x1, line.y2 - line.y1))
    shown = {line.category for line in lines}
    categories = tuple(c for c in CATEGORY_COLOURS if c in shown)
    categories += tuple(sorted(shown - set(categories)))
    return Drawing(width, height, nodes, tuple(lines), categories)


@dataclass(frozen=True, slots=True)
class _Boxes:
    """Each actor's box around its centre: its circle, with its label above it."""

    half: Array  # half the width
    above: Array  # from the centre to the top of the label
    below: Array  # from the centre to the bottom of the circle
    r: Array


@dataclass(frozen=True, slots=True)
class _Links:
    pairs: npt.NDArray[np.int_]  # (supplier, recipient) as indexes of the boxes
    need: Array  # the least distance between their centres: circles, head and a shaft
    clear: Array  # how far other actors' circles keep from the arrow's line


def _layout(
    graph: nx.DiGraph,
    order: list[str],
    names: dict[str, str],
    radius: dict[str, float],
    widths: dict[tuple[str, str], float],
    width: int,
) -> tuple[Array, int, int]:
    """Node centres in drawing units, and the drawing's width and height.

    The force layout gives the overall shape; sweeps then push apart every two boxes
    that overlap, every two linked actors too close for an arrow between them, and
    actors lying on somebody else's arrow, inside the drawing. If the drawing is too
    crowded for that, it grows and the sweeps run again.
    """
    r = np.array([radius[n] for n in order])
    boxes = _Boxes(
        half=np.array([max(radius[n], label_width(names[n]) / 2) for n in order]),
        above=r + LABEL_GAP + LABEL_SIZE,
        below=r.copy(),
        r=r,
    )
    index = {n: i for i, n in enumerate(order)}
    edges = sorted(graph.edges)
    links = _Links(
        pairs=np.array([(index[a], index[b]) for a, b in edges], dtype=int).reshape(-1, 2),
        need=np.array(
            [
                radius[a] + radius[b] + 2 * NODE_GAP + head_size(widths[(a, b)])[0] + MIN_SHAFT
                for a, b in edges
            ]
        ),
        clear=np.array([widths[e] / 2 + MARGIN for e in edges]),
    )
    # Room for three times the boxes' area, in the usual proportions: a big graph
    # gets a bigger drawing (the page scrolls it) rather than smaller letters.
    area = 3 * float(np.sum((2 * boxes.half + MARGIN) * (boxes.above + boxes.below + MARGIN)))
    scale = max(1.0, math.sqrt(area / (width * MIN_HEIGHT)))
    width, height = round(width * scale), round(MIN_HEIGHT * scale)
    k = 3.0 / math.sqrt(len(order))
    spring = nx.spring_layout(graph, seed=7, k=k, iterations=200)
    raw = np.array([spring[n] for n in order], dtype=float).reshape(-1, 2)
    for _ in range(8):
        xy = _fit(raw, boxes, width, height)
        if _separate(xy, boxes, links, width, height):
            return xy, width, height
        width, height = round(width * 1.15), round(height * 1.15)
    return xy, width, height  # still crowded after growing 8 times: draw it as it is


def _fit(raw: Array, boxes: _Boxes, width: int, height: int) -> Array:
    """The force layout's positions stretched over the drawing, boxes inside it."""
    low, high = raw.min(axis=0), raw.max(axis=0)
    span = np.where(high - low > 0, high - low, 1.0)
    pad_x, pad_y = float(boxes.half.max()) + MARGIN, float(boxes.above.max()) + MARGIN
    bottom = height - float(boxes.below.max()) - MARGIN
    xy = np.empty_like(raw)
    xy[:, 0] = pad_x + (raw[:, 0] - low[0]) / span[0] * (width - 2 * pad_x)
    xy[:, 1] = pad_y + (raw[:, 1] - low[1]) / span[1] * (bottom - pad_y)
    return xy


def _separate(
    xy: Array, boxes: _Boxes, links: _Links, width: int, height: int, sweeps: int = 400
) -> bool:
    """Move actors, in place, until no two boxes overlap and linked actors are far
    enough apart; whether that was reached. Each sweep moves both boxes of an overlap
    away from each other, so clusters open up while the overall shape stays. Keeping
    actors off other arrows is a wish, given up after WISH_SWEEPS."""
    for sweep in range(sweeps):
        move, clashes = _box_pushes(xy, boxes)
        short = _link_pushes(xy, links, move)
        astray = sweep < WISH_SWEEPS and _line_pushes(xy, boxes, links, move)
        if not (clashes or short or astray):
            return True
        xy += move * 0.5  # half steps: two neighbours pushing one box do not overshoot
        xy[:, 0] = np.clip(xy[:, 0], boxes.half + 2, width - boxes.half - 2)
        xy[:, 1] = np.clip(xy[:, 1], boxes.above + 2, height - boxes.below - 2)
    return False


def _box_pushes(xy: Array, boxes: _Boxes) -> tuple[Array, bool]:
    """How far to move each box out of the boxes it overlaps, and whether any does:
    along the line between the centres (axis-only pushes jam when neighbours push from
    both sides), by half the shorter way out."""
    half, above, below = boxes.half, boxes.above, boxes.below
    dx = xy[:, 0][None, :] - xy[:, 0][:, None]  # j's x minus i's x
    dy = xy[:, 1][None, :] - xy[:, 1][:, None]
    over_x = half[:, None] + half[None, :] + MARGIN - np.abs(dx)
    # i above j (dy > 0): i's bottom against j's top, and the other way round.
    gap_y = np.where(dy >= 0, below[:, None] + above[None, :], above[:, None] + below[None, :])
    over_y = gap_y + MARGIN - np.abs(dy)
    clash = (over_x > 0) & (over_y > 0)
    np.fill_diagonal(clash, False)
    move = np.zeros_like(xy)
    if not clash.any():
        return move, False
    tie = np.arange(len(xy), dtype=float)  # identical positions part in a fixed direction
    tie_x = np.where((dx == 0) & (dy == 0), tie[None, :] - tie[:, None], dx)
    dist = np.maximum(np.hypot(tie_x, dy), 1e-9)
    depth = np.where(clash, np.minimum(over_x, over_y) / 2 + 0.5, 0.0)
    move[:, 0] -= np.sum(depth * tie_x / dist, axis=1)
    move[:, 1] -= np.sum(depth * dy / dist, axis=1)
    return move, True


def _link_pushes(xy: Array, links: _Links, move: Array) -> bool:
    """Add to ``move`` what parts linked actors too close for a visible arrow."""
    if not len(links.pairs):
        return False
    i, j = links.pairs[:, 0], links.pairs[:, 1]
    vec = xy[j] - xy[i]
    dist = np.hypot(vec[:, 0], vec[:, 1])
    short = dist < links.need
    if not short.any():
        return False
    unit = np.where(dist[:, None] > 0, vec / np.maximum(dist, 1e-9)[:, None], [1.0, 0.0])
    push = np.where(short, (links.need - dist) / 2 + 0.5, 0.0)[:, None] * unit
    np.add.at(move, i, -push)
    np.add.at(move, j, push)
    return True


def _line_pushes(xy: Array, boxes: _Boxes, links: _Links, move: Array) -> bool:
    """Add to ``move`` what takes actors' boxes off arrows between two others: each box
    crossed by (or too near) an arrow's line moves square to it, to the side its
    centre is on, until the line clears it."""
    if not len(links.pairs):
        return False
    count = len(xy)
    centre = xy.copy()
    centre[:, 1] += (boxes.below - boxes.above) / 2
    start, end = xy[links.pairs[:, 0]], xy[links.pairs[:, 1]]  # (E, 2)
    along = end - start
    length = np.maximum(np.hypot(along[:, 0], along[:, 1]), 1e-9)
    unit = along / length[:, None]
    normal = np.stack([-unit[:, 1], unit[:, 0]], axis=1)
    rel = centre[None, :, :] - start[:, None, :]  # (E, N, 2)
    t = np.einsum("end,ed->en", rel, unit) / length[:, None]
    side = np.einsum("end,ed->en", rel, normal)  # signed distance from the line
    # Half the box's extent across the line, and what must stay clear beyond it.
    extent = np.abs(normal[:, :1]) * boxes.half[None, :] + np.abs(normal[:, 1:]) * (
        (boxes.above + boxes.below)[None, :] / 2
    )
    need = extent + links.clear[:, None]
    index = np.arange(count)[None, :]
    own = (index == links.pairs[:, :1]) | (index == links.pairs[:, 1:])
    astray = (np.abs(side) < need) & ~own & (t > 0) & (t < 1)
    if not astray.any():
        return False
    # A centre exactly on the line leaves to the line's right.
    sign = np.where(side >= 0, 1.0, -1.0)
    depth = np.where(astray, (need - np.abs(side) + 0.5) * sign, 0.0)
    move += np.einsum("en,ed->nd", depth, normal)
    return True


def _arrow(
    edge: Edge,
    at: dict[str, tuple[float, float]],
    radius: dict[str, float],
    widths: dict[tuple[str, str], float],
    *,
    reciprocal: bool,
) -> Line:
    """A straight arrow from circle to circle, or, when the recipient also supplies the
    supplier, one curving to its right, so that A -> B and B -> A run apart."""
    source, target = edge.supplier.id, edge.recipient.id
    (sx, sy), (tx, ty) = at[source], at[target]
    length = math.hypot(tx - sx, ty - sy) or 1.0
    ux, uy = (tx - sx) / length, (ty - sy) / length
    bend = max(18.0, 0.16 * length) if reciprocal else 0.0
    # To the right in screen coordinates (y down).
    cx, cy = (sx + tx) / 2 - uy * bend, (sy + ty) / 2 + ux * bend
    start = _towards((sx, sy), (cx, cy), radius[source] + NODE_GAP)
    tip = _towards((tx, ty), (cx, cy), radius[target] + NODE_GAP)
    width = widths[(source, target)]
    head_length, head_half = head_size(width)
    # The head's axis: from the control point to the tip, which points at the centre.
    hx, hy = tip[0] - cx, tip[1] - cy
    norm = math.hypot(hx, hy) or 1.0
    hx, hy = hx / norm, hy / norm
    base = (tip[0] - hx * head_length, tip[1] - hy * head_length)
    # The shaft ends a pixel inside the head: no hairline gap between the two.
    shaft_end = (base[0] + hx, base[1] + hy)
    head = (
        tip,
        (base[0] - hy * head_half, base[1] + hx * head_half),
        (base[0] + hy * head_half, base[1] - hx * head_half),
    )
    category = next(iter(edge.by_category))
    return Line(
        supplier=source,
        recipient=target,
        label=_label(edge),
        transfers=edge.transfers,
        x1=_r(start[0]),
        y1=_r(start[1]),
        x2=_r(tip[0]),
        y2=_r(tip[1]),
        cx=_r(cx),
        cy=_r(cy),
        path=_curve(start, (cx, cy), shaft_end, reciprocal),
        hit=_curve(start, (cx, cy), tip, reciprocal),
        head=" ".join(f"{_r(x)},{_r(y)}" for x, y in head),
        width=width,
        colour=CATEGORY_COLOURS.get(category, "#555"),
        category=category,
    )


def _label(edge: Edge) -> str:
    count = edge.transfers
    kinds = ", ".join(f"{k.replace('_', ' ')} {v:,}" for k, v in edge.by_category.items())
    plural = "" if count == 1 else "s"
    return f"{edge.supplier.name} → {edge.recipient.name}: {count:,} transfer{plural} ({kinds})"


def _towards(
    centre: tuple[float, float], point: tuple[float, float], distance: float
) -> tuple[float, float]:
    """The point ``distance`` from ``centre`` in the direction of ``point``."""
    dx, dy = point[0] - centre[0], point[1] - centre[1]
    norm = math.hypot(dx, dy) or 1.0
    return centre[0] + dx / norm * distance, centre[1] + dy / norm * distance


def _curve(
    start: tuple[float, float],
    control: tuple[float, float],
    end: tuple[float, float],
    curved: bool,
) -> str:
    if not curved:
        return f"M{_r(start[0])},{_r(start[1])} L{_r(end[0])},{_r(end[1])}"
    return (
        f"M{_r(start[0])},{_r(start[1])} "
        f"Q{_r(control[0])},{_r(control[1])} {_r(end[0])},{_r(end[1])}"
    )


def _r(value: float) -> float:
    return round(value, 1)
