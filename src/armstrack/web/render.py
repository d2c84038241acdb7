"""Pure helpers that turn records into what the templates draw.

Everything taken from an article (text, title, URL) is untrusted: it leaves here either
escaped inside ``Markup`` or as plain strings that Jinja's autoescaping escapes.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import pairwise
from urllib.parse import urlsplit

import networkx as nx
from markupsafe import Markup, escape

from armstrack.records import Edge, Mark, Span, Speaker

# One colour per category, readable on white and distinct for the common ones.
CATEGORY_COLOURS = {
    "aircraft": "#1f77b4",
    "uav": "#d62728",
    "missile": "#ff7f0e",
    "air_defence": "#2ca02c",
    "armoured_vehicle": "#8c564b",
    "artillery": "#9467bd",
    "ammunition": "#7f7f7f",
    "ship": "#17becf",
    "small_arms": "#bcbd22",
    "sensor": "#e377c2",
    "other": "#393b79",
}
STATUS_COLOURS = {"discussed": "#9ecae1", "agreed": "#3182bd", "delivered": "#08519c"}


def safe_url(url: str | None) -> str | None:
    """The URL if it is a web address a link may point to, else None (no javascript:)."""
    if not url:
        return None
    parts = urlsplit(url.strip())
    if parts.scheme.lower() in ("http", "https") and parts.netloc:
        return url.strip()
    return None


def marked(snippet: str) -> Markup:
    """A search snippet escaped, with its \x02...\x03 match markers as <mark>."""
    return Markup(str(escape(snippet)).replace("\x02", "<mark>").replace("\x03", "</mark>"))


def highlight(
    text: str, marks: Iterable[Mark | Span], start: int = 0, end: int | None = None
) -> Markup:
    """``text[start:end]`` escaped, with every mark inside wrapped in <mark>.

    Marks may overlap: the text is cut at every boundary and each piece carries the
    classes of all marks covering it, so nothing is dropped or nested wrongly.
    """
    end = len(text) if end is None else end
    spans = [(max(m.start, start), min(m.end, end), _classes(m)) for m in marks]
    spans = [s for s in spans if s[0] < s[1]]
    cuts = sorted({start, end, *(s[0] for s in spans), *(s[1] for s in spans)})
    out = []
    for left, right in pairwise(cuts):
        piece = escape(text[left:right])
        covering = [s[2] for s in spans if s[0] <= left and right <= s[1]]
        if covering:
            classes = " ".join(sorted({c for cs in covering for c in cs.split()}))
            out.append(Markup('<mark class="{}">{}</mark>').format(classes, piece))
        else:
            out.append(piece)
    return Markup("").join(out)


def _classes(mark: Mark | Span) -> str:
    if isinstance(mark, Mark):
        return "evidence" if mark.kind == "evidence" else f"claim stance-{mark.kind}"
    return "evidence"


def speaker_extras(speaker: Speaker) -> tuple[str | None, str | None]:
    """The speaker's role and outlet where the words as written do not already say them
    ("Reuters" needs no "via Reuters"; "European security officials" no repeated role)."""
    said = speaker.text.casefold()
    role = speaker.role if speaker.role and speaker.role.casefold() not in said else None
    outlet = speaker.outlet if speaker.outlet and speaker.outlet.casefold() not in said else None
    return role, outlet


def context(text: str, spans: Sequence[Span], margin: int = 200) -> tuple[int, int]:
    """A window of the text around spans, widened to whole words, for showing in place."""
    left = max(0, min(s.start for s in spans) - margin)
    right = min(len(text), max(s.end for s in spans) + margin)
    while left > 0 and not text[left - 1].isspace():
        left -= 1
    while right < len(text) and not text[right].isspace():
        right += 1
    return left, right


@dataclass(frozen=True, slots=True)
class Node:
    id: str
    name: str
    x: float
    y: float
    r: float


@dataclass(frozen=True, slots=True)
class Line:
    supplier: str
    recipient: str
    label: str
    transfers: int
    x1: float
    y1: float
    x2: float
    y2: float
    width: float
    colour: str
    category: str


@dataclass(frozen=True, slots=True)
class Drawing:
    width: int
    height: int
    nodes: tuple[Node, ...]
    lines: tuple[Line, ...]


def draw_network(edges: Sequence[Edge], width: int = 900, height: int = 640) -> Drawing:
    """Place actors with a force-directed layout (networkx, fixed seed: the same data
    always draws the same picture) and turn edges into arrows sized by transfer count."""
    graph = nx.DiGraph()
    for edge in edges:
        graph.add_edge(edge.supplier.id, edge.recipient.id, weight=edge.transfers)
    if not graph:
        return Drawing(width, height, (), ())
    names = {e.supplier.id: e.supplier.name for e in edges} | {
        e.recipient.id: e.recipient.name for e in edges
    }
    positions = nx.spring_layout(graph, seed=7, k=3.0 / math.sqrt(len(graph)), iterations=120)
    pad = 60
    xs = [p[0] for p in positions.values()]
    ys = [p[1] for p in positions.values()]
    span_x = (max(xs) - min(xs)) or 1.0
    span_y = (max(ys) - min(ys)) or 1.0

    def at(node: str) -> tuple[float, float]:
        x, y = positions[node]
        return (
            round(pad + (x - min(xs)) / span_x * (width - 2 * pad), 1),
            round(pad + (y - min(ys)) / span_y * (height - 2 * pad), 1),
        )

    degree = dict(graph.degree(weight="weight"))
    radius = {n: round(5 + 2.5 * math.log1p(degree[n]), 1) for n in graph}
    nodes = tuple(Node(n, names[n], *at(n), r=radius[n]) for n in sorted(graph))
    heaviest = max(e.transfers for e in edges)
    lines = []
    for edge in edges:
        source, target = edge.supplier.id, edge.recipient.id
        # A -> B and B -> A would share one segment and hide each other: each runs on
        # its own side of the centre line.
        shift = 6.0 if graph.has_edge(target, source) else 0.0
        x1, y1, x2, y2 = _segment(at(source), at(target), radius[source], radius[target], shift)
        category = next(iter(edge.by_category))
        lines.append(
            Line(
                source,
                target,
                f"{edge.supplier.name} → {edge.recipient.name}: {edge.transfers} transfer"
                + ("s" if edge.transfers != 1 else "")
                + " ("
                + ", ".join(f"{k} {v}" for k, v in edge.by_category.items())
                + ")",
                edge.transfers,
                x1,
                y1,
                x2,
                y2,
                round(1.5 + 6 * math.log1p(edge.transfers) / math.log1p(heaviest), 1),
                CATEGORY_COLOURS.get(category, "#555"),
                category,
            )
        )
    # Later arrows are drawn over earlier ones: longest first, so a short arrow that
    # lies along a long one stays on top and can be clicked.
    lines.sort(key=lambda line: -math.hypot(line.x2 - line.x1, line.y2 - line.y1))
    return Drawing(width, height, nodes, tuple(lines))


def _segment(
    start: tuple[float, float],
    end: tuple[float, float],
    start_r: float,
    end_r: float,
    shift: float,
) -> tuple[float, float, float, float]:
    """The arrow from circle to circle (not centre to centre, so the head shows), moved
    ``shift`` pixels to its right."""
    (x1, y1), (x2, y2) = start, end
    length = math.hypot(x2 - x1, y2 - y1) or 1.0
    ux, uy = (x2 - x1) / length, (y2 - y1) / length
    nx_, ny_ = -uy * shift, ux * shift  # to the right in screen coordinates (y down)
    gap1, gap2 = min(start_r + 2, length / 3), min(end_r + 3, length / 3)
    return (
        round(x1 + ux * gap1 + nx_, 1),
        round(y1 + uy * gap1 + ny_, 1),
        round(x2 - ux * gap2 + nx_, 1),
        round(y2 - uy * gap2 + ny_, 1),
    )


@dataclass(frozen=True, slots=True)
class Bar:
    period: str
    key: str
    count: int
    x: float
    y: float
    width: float
    height: float
    colour: str


@dataclass(frozen=True, slots=True)
class Chart:
    width: int
    height: int
    bars: tuple[Bar, ...]
    ticks: tuple[tuple[str, float], ...]  # period labels and their x
    top: int  # the largest stacked total
    keys: tuple[str, ...]


def draw_timeline(
    periods: Sequence[tuple[str, dict[str, int]]], by: str, width: int = 900, height: int = 320
) -> Chart:
    """Stacked bars, one per period, split by category or status."""
    palette = CATEGORY_COLOURS if by == "category" else STATUS_COLOURS
    keys = tuple(k for k in palette if any(k in counts for _, counts in periods))
    if not periods:
        return Chart(width, height, (), (), 0, keys)
    top = max(sum(counts.values()) for _, counts in periods)
    left, bottom, step = 40.0, height - 30.0, (width - 50) / len(periods)
    bars = []
    for index, (period, counts) in enumerate(periods):
        y = bottom
        for key in keys:
            count = counts.get(key, 0)
            if not count:
                continue
            h = count / top * (bottom - 10)
            y -= h
            bars.append(
                Bar(
                    period,
                    key,
                    count,
                    round(left + index * step, 1),
                    round(y, 1),
                    round(max(step - 2, 1), 1),
                    round(h, 1),
                    palette[key],
                )
            )
    every = max(1, math.ceil(len(periods) / 12))
    ticks = tuple(
        (period, round(left + i * step + step / 2, 1))
        for i, (period, _) in enumerate(periods)
        if i % every == 0
    )
    return Chart(width, height, tuple(bars), ticks, top, keys)
