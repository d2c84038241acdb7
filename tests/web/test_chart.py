"""The timeline chart: a continuous time axis, calendar-aligned labels, a y axis."""

from __future__ import annotations

from itertools import pairwise

import pytest

from armstrack.store.browse import continuous, period_index, period_name
from armstrack.web.chart import draw_timeline, nice_step

PALETTE = {"uav": "#d62728", "missile": "#ff7f0e"}


@pytest.mark.parametrize(
    ("grain", "periods", "expected"),
    [
        ("month", ["2023-11", "2024-02"], ["2023-11", "2023-12", "2024-01", "2024-02"]),
        ("quarter", ["2023-Q4", "2024-Q2"], ["2023-Q4", "2024-Q1", "2024-Q2"]),
        ("year", ["2019", "2021"], ["2019", "2020", "2021"]),
        ("month", ["2024-05"], ["2024-05"]),
    ],
)
def test_continuous_fills_empty_periods(
    grain: str, periods: list[str], expected: list[str]
) -> None:
    filled = continuous([(p, {"uav": 1}) for p in periods], grain)
    assert [p for p, _ in filled] == expected
    assert all(counts == ({"uav": 1} if p in periods else {}) for p, counts in filled)


@pytest.mark.parametrize(
    ("grain", "period"), [("month", "2024-12"), ("quarter", "2024-Q1"), ("year", "1999")]
)
def test_period_index_round_trips(grain: str, period: str) -> None:
    assert period_name(period_index(period, grain), grain) == period


@pytest.mark.parametrize(
    ("top", "step"), [(1, 1), (4, 1), (6, 1), (7, 2), (9, 2), (23, 5), (60, 10), (1800, 500)]
)
def test_nice_step(top: int, step: int) -> None:
    assert nice_step(top) == step


def test_timeline_keeps_empty_months_in_place() -> None:
    periods = continuous([("2024-01", {"uav": 2}), ("2024-04", {"missile": 3})], "month")
    chart = draw_timeline(periods, "month", PALETTE)
    assert [t.label for t in chart.x_ticks] == ["2024-01", "2024-02", "2024-03", "2024-04"]
    xs = [t.at for t in chart.x_ticks]
    gaps = {round(b - a, 1) for a, b in pairwise(xs)}
    assert len(gaps) == 1  # evenly spaced: an empty month takes its place
    assert [(b.period, b.count) for b in chart.bars] == [("2024-01", 2), ("2024-04", 3)]
    assert [c.total for c in chart.columns] == [2, 0, 0, 3]
    assert chart.keys == ("uav", "missile")


def test_timeline_y_axis_has_whole_ticks_up_to_the_tallest_bar() -> None:
    chart = draw_timeline([("2024", {"uav": 7, "missile": 4})], "year", PALETTE)
    assert [t.label for t in chart.y_ticks] == ["0", "2", "4", "6", "8", "10", "12"]
    assert chart.y_ticks[0].at == chart.bottom and chart.y_ticks[-1].at == chart.top
    tallest = min(b.y for b in chart.bars)
    assert chart.top < tallest  # 11 drawn under the 12 gridline


def test_timeline_labels_thousands() -> None:
    chart = draw_timeline([("2024", {"uav": 2500})], "year", PALETTE)
    assert chart.y_ticks[-1].label == "2,500"


@pytest.mark.parametrize(
    ("grain", "first", "last", "labels"),
    [
        ("month", "2015-03", "2024-12", [str(y) for y in range(2016, 2025)]),
        (
            "month",
            "2023-04",
            "2025-06",
            [f"{y}-{m}" for y in (2023, 2024, 2025) for m in ("01", "04", "07", "10")][1:-2],
        ),
        (
            "month",
            "2024-02",
            "2025-06",
            [
                f"20{m}"
                for m in ("24-03", "24-05", "24-07", "24-09", "24-11", "25-01", "25-03", "25-05")
            ],
        ),
        ("quarter", "2015-Q1", "2024-Q4", [str(y) for y in range(2015, 2025)]),
    ],
)
def test_timeline_labels_fall_on_calendar_boundaries(
    grain: str, first: str, last: str, labels: list[str]
) -> None:
    periods = continuous([(first, {"uav": 1}), (last, {"uav": 1})], grain)
    chart = draw_timeline(periods, grain, PALETTE)
    assert [t.label for t in chart.x_ticks] == labels


def test_timeline_empty() -> None:
    chart = draw_timeline([], "month", PALETTE)
    assert chart.bars == () and chart.x_ticks == () and chart.y_ticks == ()
