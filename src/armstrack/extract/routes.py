"""Routes of a transfer: "via the Caspian Sea", "by air", "overland through Syria"."""

from __future__ import annotations

import re

from armstrack.records import Route, Span

# Means of transport and the mode they stand for.
MODES = {
    "air": "air", "plane": "air", "planes": "air", "cargo plane": "air",
    "cargo planes": "air", "aircraft": "air", "airlift": "air", "sea": "sea",
    "ship": "sea", "ships": "sea", "boat": "sea", "boats": "sea", "vessel": "sea",
    "rail": "rail", "train": "rail", "trains": "rail", "road": "land", "truck": "land",
    "trucks": "land", "lorry": "land", "lorries": "land", "land": "land",
}  # fmt: skip
_WATER = re.compile(r"\b(?:Sea|Gulf|Strait|Ocean|Canal|Bay|River|port|Port)\b")

_BY_MODE = re.compile(
    r"\bby\s+(?P<mode>cargo planes?|air|plane|planes|sea|ship|ships|boat|boats|rail|train|trains|road|truck|trucks|lorry|lorries|land)\b",
    re.IGNORECASE,
)
_OVERLAND = re.compile(r"\b(?P<word>overland|airlifted|airlift|by airlift)\b", re.IGNORECASE)
_VIA = re.compile(
    r"\b(?:via|through|across|over|from the port of|through the port of|via the port of)\s+"
    r"(?P<via>(?:the\s+)?(?:port of\s+)?[A-Z][\w’'\-]*(?:\s+(?:[A-Z][\w’'\-]*|of|and)){0,3})"
)


def find_routes(text: str, start: int, end: int) -> list[Route]:
    """Routes named in ``text[start:end]``."""
    routes: list[Route] = []
    for match in _BY_MODE.finditer(text, start, end):
        mode = MODES[match.group("mode").lower()]
        routes.append(Route(mode, None, Span(match.start(), match.end(), match.group(0))))
    for match in _OVERLAND.finditer(text, start, end):
        mode = "land" if match.group("word").lower() == "overland" else "air"
        routes.append(Route(mode, None, Span(match.start(), match.end(), match.group(0))))
    for match in _VIA.finditer(text, start, end):
        via = re.sub(r"\s+(?:and|of)$", "", match.group("via")).removeprefix("the ")
        water: str | None = "sea" if _WATER.search(via) else None
        routes.append(Route(water, via, Span(match.start(), match.end(), match.group(0))))
    routes.sort(key=lambda r: r.span.start)
    return routes
