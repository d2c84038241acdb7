import importlib
from collections.abc import Iterator
from pathlib import Path

import pytest

from armstrack.catalogue.normalise import caseless, fold
from armstrack.extract.prefilter import Prefiltered

ROOT = Path(__file__).resolve().parents[2]
MODULES = ("claims", "dates", "mentions", "quantities", "routes")
PHRASES = (
    "Moscow neither confirmed nor denied it; Tehran declined to comment and did not respond.",
    "Officials could not independently verify the report, which Kyiv dismissed as baseless.",
    "The Pentagon confirmed that some 40 Leopard tanks, reportedly shipped by sea via the "
    "Port of Gdansk, may have arrived in early January 2024, in the fourth quarter of 2023 "
    "or last summer; the two countries said on Tuesday that the junta and the group agreed.",
    "Hundreds of drones were airlifted overland through Syria in the autumn of 2022.",
    "Kyiv got more than 200 of its ",  # the text before a weapon, for quantities
)


def _prefiltered() -> Iterator[tuple[str, Prefiltered]]:
    """Every Prefiltered of the modules, alone, in a tuple or in a record's ``pattern``."""
    seen: set[int] = set()
    for name in MODULES:
        module = importlib.import_module(f"armstrack.extract.{name}")
        for attribute, value in vars(module).items():
            items = value if isinstance(value, tuple) else (value,)
            for index, item in enumerate(items):
                for part in item if isinstance(item, tuple) else (item,):
                    found = (
                        part if isinstance(part, Prefiltered) else getattr(part, "pattern", None)
                    )
                    if isinstance(found, Prefiltered) and id(found) not in seen:
                        seen.add(id(found))
                        yield f"{name}.{attribute}[{index}]", found


def _texts() -> list[str]:
    files = [*(ROOT / "tests" / "gold" / "articles").glob("*.txt")]
    files += (ROOT / "examples" / "articles").glob("*.txt")
    texts = [*PHRASES, *(path.read_text(encoding="utf-8") for path in sorted(files))]
    return [form for text in texts for form in (text, fold(text), caseless(text))]


PREFILTERED = list(_prefiltered())


def test_prefilter_every_pattern_of_the_extractor_is_found() -> None:
    assert len(PREFILTERED) >= 17


@pytest.mark.parametrize(("name", "prefiltered"), PREFILTERED, ids=[n for n, _ in PREFILTERED])
def test_prefilter_hint_lies_inside_every_match(name: str, prefiltered: Prefiltered) -> None:
    matched = 0
    for text in _texts():
        for match in prefiltered.pattern.finditer(text):
            matched += 1
            assert prefiltered.hint.search(text, match.start(), match.end()), (name, match)
    assert matched, f"{name}: no example text exercises the pattern"
