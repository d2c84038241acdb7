"""Routes of a transfer: "via the Caspian Sea", "by air", "overland through Syria"."""

from __future__ import annotations

import re
from typing import Final

from armstrack.catalogue.normalise import caseless
from armstrack.extract.prefilter import FoundWords, Prefiltered
from armstrack.records import Route, Span

# Means of transport and the mode they stand for.
MODES: Final = {
    "air": "air", "plane": "air", "planes": "air", "cargo plane": "air",
    "cargo planes": "air", "aircraft": "air", "airlift": "air", "sea": "sea",
    "ship": "sea", "ships": "sea", "boat": "sea", "boats": "sea", "vessel": "sea",
    "rail": "rail", "train": "rail", "trains": "rail", "road": "land", "truck": "land",
    "trucks": "land", "lorry": "land", "lorries": "land", "land": "land",
}  # fmt: skip
_WATER: Final = re.compile(r"\b(?:Sea|Gulf|Strait|Ocean|Canal|Bay|River|port|Port)\b")

# _BY_MODE and _OVERLAND are case-insensitive: they run on ``caseless`` text. Each
# pattern comes with the words its every match contains (see ``prefilter``).
_BY_MODE: Final = Prefiltered.on_words(
    re.compile(
        r"\bby\s+(?P<mode>cargo planes?|air|plane|planes|sea|ship|ships|boat|boats|rail|train|"
        r"trains|road|truck|trucks|lorry|lorries|land)\b"
    ),
    ("by",),
    caseless=True,
    opens=True,  # tried only where "by" starts, not at every position of a sentence
)
_OVERLAND: Final = Prefiltered.on_words(
    re.compile(r"\b(?P<word>overland|airlifted|airlift|by airlift)\b"),
    ("overland", "airlift"),
    caseless=True,
)
_VIA: Final = Prefiltered.on_words(
    re.compile(
        r"\b(?:via|through|across|over|from the port of|through the port of|via the port of)\s+"
        r"(?P<via>(?:the\s+)?(?:port of\s+)?[A-Z][\w’'\-]*(?:\s+(?:[A-Z][\w’'\-]*|of|and)){0,3})"
    ),
    ("via", "through", "across", "over", "from the port of"),
    opens=True,  # every match opens with one of the words
)
PATTERNS: Final = (_BY_MODE, _OVERLAND, _VIA)


def find_routes(
    text: str, start: int, end: int, lowered: str | None = None, found: FoundWords | None = None
) -> list[Route]:
    """Routes named in ``text[start:end]``; ``lowered`` is ``caseless(text)`` and ``found``
    the words of ``PATTERNS`` in the article, made once per article by callers that read
    many sentences."""
    if lowered is None:
        lowered = caseless(text[:end])
    routes: list[Route] = []
    for match in _BY_MODE.finditer(lowered, start, end, found):
        mode = MODES[caseless(text[match.start("mode") : match.end("mode")])]
        routes.append(Route(mode, None, _span(text, match)))
    for match in _OVERLAND.finditer(lowered, start, end, found):
        word = text[match.start("word") : match.end("word")]
        routes.append(
            Route("land" if caseless(word) == "overland" else "air", None, _span(text, match))
        )
    for match in _VIA.finditer(text, start, end, found):
        via = re.sub(r"\s+(?:and|of)$", "", match.group("via")).removeprefix("the ")
        water: str | None = "sea" if _WATER.search(via) else None
        routes.append(Route(water, via, Span(match.start(), match.end(), match.group(0))))
    routes.sort(key=lambda r: r.span.start)
    return routes


def _span(text: str, match: re.Match[str]) -> Span:
    return Span(match.start(), match.end(), text[match.start() : match.end()])
