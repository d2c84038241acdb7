"""Hostile texts cost time linear in their length: a hang detector, not a speed test.

Each family once took seconds to minutes at tens of kilobytes (a list of names doubled
the frames per name; runaway sentences were analysed whole; runs of "!?" made the
sentence boundary quadratic). The bound below is generous: it catches a return to
exponential or cubic time, not a slow machine. ``benchmarks/bench_adversarial.py``
prints the figures.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import date

import pytest

from armstrack.extract import Extractor
from armstrack.records import Article


def _repeat(unit: str) -> Callable[[int], str]:
    return lambda size: (unit * (size // len(unit) + 1))[:size]


# Each family makes a text of about ``size`` characters.
FAMILIES: dict[str, Callable[[int], str]] = {
    "and_chain": _repeat("Iran delivered Shahed-136 drones to Russia and "),
    "lower_case": _repeat("iran delivered shahed-136 drones to russia officials said "),
    "name_list": lambda size: (
        "Iran, " + "Russia, " * (size // 8) + "and Iran sent drones to Syria."
    ),
    "comma_list": lambda size: "Iran delivered " + "drones, " * (size // 8) + "to Russia.",
    "end_marks": lambda size: "Iran delivered drones" + "!?" * (size // 2),
    "dots": lambda size: "Iran sent Shahed drones" + "." * size + " to Russia",
    "no_space": lambda size: "Iran" + "x" * size + " sent drones",
    "sentences": _repeat("Iran delivered drones to Russia. Moscow denied it. "),
}
HANG = 20.0  # seconds for 40 KB; every family takes well under one second today


@pytest.mark.parametrize("family", sorted(FAMILIES))
def test_extract_hostile_text_finishes(extractor: Extractor, family: str) -> None:
    text = FAMILIES[family](40_000)
    started = time.perf_counter()
    extractor.run(Article(id=family, text=text))
    assert time.perf_counter() - started < HANG


def test_extract_runaway_sentence_says_it_was_cut(extractor: Extractor) -> None:
    result = extractor.run(Article(id="x", text=FAMILIES["lower_case"](5_000)))
    assert result.limits == ("1 sentence over 600 characters analysed in pieces",)


def test_extract_ordinary_article_hits_no_limit(extractor: Extractor) -> None:
    result = extractor.run(Article(id="x", text=FAMILIES["sentences"](5_000)))
    assert result.transfers
    assert result.limits == ()


def test_extract_overlong_list_says_parties_were_capped(extractor: Extractor) -> None:
    names = ", ".join(["Iran", "Russia", "Belarus", "China", "Syria", "Cuba"] * 12)
    result = extractor.run(Article(id="x", text=f"{names} and Iraq sent drones to Mali."))
    assert any("only the first 50" in limit for limit in result.limits)


@pytest.mark.parametrize(
    ("odd", "plain"),
    [
        ("Turkey delivered sıx TB2 drones to Mali by ſea.",
         "Turkey delivered six TB2 drones to Mali by sea."),
        ("Turkey will deliver TB2 drones to Mali in the ſummer, two weeks after ſunday.",
         "Turkey will deliver TB2 drones to Mali in the summer, two weeks after sunday."),
        ("Turkey delivered TWENTY TB2 drones to Mali laſt MONTH, ovErland.",
         "Turkey delivered twenty TB2 drones to Mali last month, overland."),
    ],
)  # fmt: skip
def test_letters_that_fold_to_ascii_read_as_their_plain_spelling(
    extractor: Extractor, odd: str, plain: str
) -> None:
    """Patterns run on a case-folded copy, where "ı" and "ſ" become "i" and "s": the words
    they match are looked up folded too, not lower-cased (a KeyError ended the article)."""
    day = date(2025, 3, 3)

    def facts(text: str) -> list[tuple[object, ...]]:
        found = extractor.run(Article(id="x", text=text, published=day)).transfers
        return [
            (
                t.supplier.id,
                t.quantity.value if t.quantity else None,
                tuple(x.value for x in t.times),
                tuple(r.mode for r in t.routes),
            )
            for t in found
        ]

    assert facts(odd) == facts(plain) != []
