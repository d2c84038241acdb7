"""The timeline as a drawing: stacked bars on a continuous time axis, with a y axis.

Pure: periods in, coordinates out. The periods must be consecutive (empty ones
included, see ``store.browse.continuous``) so that a gap in the reporting shows as a gap.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from armstrack.store.browse import period_index

# Label every k-th period, k the first of these that keeps the labels apart; the
# periods labelled fall on calendar boundaries (every quarter's first month, every
# second year...), so the labels read as a calendar.
TICK_STEPS = {
    "month": (1, 2, 3, 6, 12, 24, 60, 120, 240, 600, 1200),
    "quarter": (1, 2, 4, 8, 20, 40, 80, 200, 400),
    "year": (1, 2, 5, 10, 20, 50, 100, 200, 500, 1000),
}
PER_YEAR = {"month": 12, "quarter": 4, "year": 1}
LABEL_ROOM = 64  # drawing units per x label ("2024-Q3" and some space)
LEFT, RIGHT, TOP, BOTTOM = 52.0, 12.0, 12.0, 34.0  # the plot's margins


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
class Column:
    """One period's whole slot, bars or not: what a pointer over an empty month finds."""

    period: str
    total: int
    x: float
    width: float


@dataclass(frozen=True, slots=True)
class Tick:
    label: str
    at: float  # x for the time axis, y for the count axis


@dataclass(frozen=True, slots=True)
class Chart:
    width: int
    height: int
    left: float
    right: float
    top: float
    bottom: float  # the y of the time axis
    bars: tuple[Bar, ...]
    columns: tuple[Column, ...]
    x_ticks: tuple[Tick, ...]
    y_ticks: tuple[Tick, ...]
    keys: tuple[str, ...]


def draw_timeline(
    periods: Sequence[tuple[str, dict[str, int]]],
    grain: str,
    palette: dict[str, str],
    width: int = 900,
    height: int = 340,
) -> Chart:
    """Stacked bars, one slot per period, split by the palette's keys (in its order)."""
    keys = tuple(k for k in palette if any(k in counts for _, counts in periods))
    left, right, top, bottom = LEFT, width - RIGHT, TOP, height - BOTTOM
    if not periods:
        return Chart(width, height, left, right, top, bottom, (), (), (), (), keys)
    totals = [sum(counts.values()) for _, counts in periods]
    y_step = nice_step(max(totals))
    y_max = max(y_step, math.ceil(max(totals) / y_step) * y_step)
    scale = (bottom - top) / y_max
    step = (right - left) / len(periods)
    gap = 2.0 if step >= 6 else 0.0
    bars, columns = [], []
    for index, (period, counts) in enumerate(periods):
        x = left + index * step
        columns.append(Column(period, totals[index], _r(x), _r(step)))
        y = bottom
        for key in keys:
            count = counts.get(key, 0)
            if count:
                y -= count * scale
                bars.append(
                    Bar(
                        period,
                        key,
                        count,
                        _r(x + gap / 2),
                        _r(y),
                        _r(step - gap),
                        _r(count * scale),
                        palette[key],
                    )
                )
    y_ticks = tuple(
        Tick(f"{value:,}", _r(bottom - value * scale)) for value in range(0, y_max + 1, y_step)
    )
    x_ticks = _time_ticks([p for p, _ in periods], grain, left, step, right - left)
    return Chart(
        width, height, left, right, top, bottom, tuple(bars), tuple(columns), x_ticks, y_ticks, keys
    )


def nice_step(top: int, most: int = 6) -> int:
    """The whole-number gridline step (1, 2 or 5 times a power of ten) that draws at most
    ``most`` steps up to ``top``: 4 -> 1, 9 -> 2, 23 -> 5, 1,800 -> 500."""
    power = 1
    while True:
        for factor in (1, 2, 5):
            if math.ceil(top / (factor * power)) <= most:
                return factor * power
        power *= 10


def _time_ticks(
    periods: list[str], grain: str, left: float, step: float, plot_width: float
) -> tuple[Tick, ...]:
    most = max(1, int(plot_width // LABEL_ROOM))
    every = next(
        (k for k in TICK_STEPS[grain] if math.ceil(len(periods) / k) <= most),
        TICK_STEPS[grain][-1],
    )
    whole_years = every % PER_YEAR[grain] == 0  # then the label is just the year
    ticks = []
    for index, period in enumerate(periods):
        if period_index(period, grain) % every == 0:
            label = period[:4] if whole_years else period
            ticks.append(Tick(label, _r(left + (index + 0.5) * step)))
    return tuple(ticks)


def _r(value: float) -> float:
    return round(value, 1)
