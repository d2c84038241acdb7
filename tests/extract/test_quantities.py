import pytest

from armstrack.catalogue.normalise import caseless
from armstrack.extract.prefilter import WordFinder
from armstrack.extract.quantities import PATTERNS, quantity_before


def _quantity(text: str, weapon: str) -> tuple[int | None, bool] | None:
    found = quantity_before(text, text.index(weapon))
    return None if found is None else (found.value, found.approximate)


@pytest.mark.parametrize(
    ("text", "weapon", "expected"),
    [
        ("The transfer includes around 400 missiles.", "missiles", (400, True)),
        ("Kyiv got 24 F-16 jets.", "F-16", (24, False)),
        ("Berlin sent 1,000 shells.", "shells", (1000, False)),
        ("It ordered two dozen Rafale jets.", "Rafale", (24, False)),
        ("Pyongyang shipped hundreds of missiles.", "missiles", (None, True)),
        ("Some 40 Leopard tanks arrived.", "Leopard", (40, True)),
        ("It sent six Patriot batteries.", "Patriot", (6, False)),
        ("Poland handed more than 200 of its T-72 tanks to Kyiv.", "T-72", (200, True)),
        # Regression: the year, leftmost, hid the count after it.
        ("The 2018 deal covers five S-400 systems.", "S-400", (5, False)),
        # A written ten with its unit; a range of two words is not summed.
        ("Warsaw sent thirty-six Krab howitzers.", "Krab", (36, False)),
        ("Warsaw sent Twenty-Two Krab howitzers.", "Krab", (22, False)),
        ("Warsaw sent two-three Krab howitzers.", "Krab", (3, False)),
        # The number after a slash is a designation, not a count.
        ("Sofia ordered F-16 Block 70/72 jets.", "jets", None),
        # "units of" names the items counted: the count is of the weapon.
        ("Manila will receive 12 units of the Cyclone patrol boats.", "Cyclone", (12, False)),
        ("Seoul agreed to supply 18 units of K9 howitzers.", "K9", (18, False)),
        ("Cairo ordered up to 30 units of Rafale jets.", "Rafale", (30, True)),
        # Air defence counted in its firing units.
        ("Cairo bought four regiments of the S-300VM.", "S-300VM", (4, False)),
        ("Moscow sent two batteries of Pantsir systems.", "Pantsir", (2, False)),
        # A dotted abbreviation in the gap.
        ("The sale covers two U.S. Navy frigates.", "frigates", (2, False)),
    ],
)
def test_quantity_before_reads_counts(
    text: str, weapon: str, expected: tuple[int | None, bool]
) -> None:
    assert _quantity(text, weapon) == expected


@pytest.mark.parametrize(
    ("text", "weapon"),
    [
        ("There were at least four shipments of missiles.", "missiles"),
        ("Moscow received 6,700 containers of shells.", "shells"),
        ("In 2023 missiles were sent.", "missiles"),
        ("It can strike between 300 and 700 kilometers away with missiles.", "missiles"),
        ("A $1.2 billion package of missiles.", "missiles"),
        ("155 mm shells were sent.", "shells"),
        # Units of an army are no count of what they hold.
        ("Two units of the army got Leopard tanks.", "Leopard"),
        ("Two regiments of the guard received Pantsir systems.", "Pantsir"),
    ],
)
def test_quantity_before_ignores_containers_years_and_units(text: str, weapon: str) -> None:
    assert _quantity(text, weapon) is None


@pytest.mark.parametrize(
    ("text", "weapon"),
    [("Kyiv got 24 F-16 jets.", "F-16"), ("It sent around 400  missiles.", "missiles")],
)
def test_quantity_before_span_is_its_exact_words(text: str, weapon: str) -> None:
    found = quantity_before(text, text.index(weapon))
    assert found is not None
    assert text[found.span.start : found.span.end] == found.span.text
    assert not found.span.text[-1].isspace()


@pytest.mark.parametrize(
    ("text", "weapon"),
    [
        ("The 2018 deal covers five S-400 systems.", "S-400"),
        ("Moscow took an estimated 40 Shahed drones and in 2023 missiles.", "missiles"),
        ("Pyongyang shipped an estimated hundreds of missiles.", "missiles"),
        ("Kyiv got more than 200 of its F-16 jets.", "F-16"),
    ],
)
def test_quantity_before_reads_the_same_with_the_article_words(text: str, weapon: str) -> None:
    lowered = caseless(text)
    found = WordFinder(PATTERNS).find(text, lowered)
    start = text.index(weapon)
    assert quantity_before(text, start, lowered=lowered, found=found) == quantity_before(
        text, start
    )


@pytest.mark.parametrize(("word", "value"), [("12", 12), ("six", 6), ("²", None), ("tanks", None)])
def test_count_word_reads_one_token(word: str, value: int | None) -> None:
    # A superscript digit is a digit to str.isdigit but no number to int().
    from armstrack.extract.quantities import count_word

    assert count_word(word) == value
