import pytest

from armstrack.catalogue import Catalogue, TermKind
from armstrack.extract.matching import Matcher


@pytest.fixture(scope="module")
def matcher(catalogue: Catalogue) -> Matcher:
    return Matcher.from_catalogue(catalogue)


@pytest.mark.parametrize(
    "surface",
    [
        "Shahed-136",
        "Shahed 136",
        "SHAHED-136",
        "Shahed136",
        "Geran-2",
        "Sha\u200bhed-136",  # a zero-width space inside the name
        "Shahed-\u00ad136",  # a soft hyphen
        "\uff33\uff48\uff41\uff48\uff45\uff44-136",  # fullwidth letters
    ],
)
def test_matcher_tolerates_case_hyphens_and_spacing(matcher: Matcher, surface: str) -> None:
    text = f"Russia launched {surface} drones overnight."
    systems = [m for m in matcher.find(text) if m.kind is TermKind.SYSTEM]
    assert [m.target for m in systems] == ["Shahed-136"]
    assert text[systems[0].start : systems[0].end] == surface


@pytest.mark.parametrize(
    ("text", "kind", "target"),
    [
        ("Tehran said so.", TermKind.CAPITAL, "IRN"),
        ("The Kremlin said so.", TermKind.BODY, "Kremlin"),
        ("Kiev said so.", TermKind.CAPITAL, "UKR"),
        ("The US said so.", TermKind.STATE, "USA"),
        ("North Korean shells", TermKind.DEMONYM, "PRK"),
        ("Ansar Allah fired", TermKind.GROUP, "houthis"),
    ],
)
def test_matcher_finds_actors(matcher: Matcher, text: str, kind: TermKind, target: str) -> None:
    found = matcher.find(text)
    assert (found[0].kind, found[0].target if kind is not TermKind.BODY else found[0].kind) == (
        kind,
        target if kind is not TermKind.BODY else kind,
    )


@pytest.mark.parametrize("text", ["He told us about it.", "A turkey dinner.", "Iranians"])
def test_matcher_respects_case_and_word_boundaries(matcher: Matcher, text: str) -> None:
    assert [m for m in matcher.find(text) if m.kind in (TermKind.STATE, TermKind.DEMONYM)] == []


def test_matcher_keeps_plural_designations(matcher: Matcher) -> None:
    text = "Kyiv received F-16s and Su-35s."
    systems = [text[m.start : m.end] for m in matcher.find(text) if m.kind is TermKind.SYSTEM]
    assert systems == ["F-16s", "Su-35s"]


@pytest.mark.parametrize(
    "text", ["Gripen sales in South America grew.", "Patrols in the South China Sea resumed."]
)
def test_matcher_regions_hide_the_state_inside_them(matcher: Matcher, text: str) -> None:
    kinds = [m.kind for m in matcher.find(text)]
    assert TermKind.PLACE in kinds
    assert TermKind.STATE not in kinds


@pytest.mark.parametrize(
    ("text", "system"),
    [
        ("Turkey will buy 12 Eurofighter Typhoons from Qatar.", "Eurofighter Typhoon"),
        ("Two Gepards and three Patriots arrived.", "Patriot"),
    ],
)
def test_matcher_finds_system_names_in_the_plural(matcher: Matcher, text: str, system: str) -> None:
    found = [m.target for m in matcher.find(text) if m.kind is TermKind.SYSTEM]
    assert system in found


@pytest.mark.parametrize(
    ("text", "system"),
    [
        ("Kyiv received six M-777 howitzers.", "M777"),
        ("Kyiv received six M777 howitzers.", "M777"),
        ("France sent AMX-10RC vehicles.", "AMX-10 RC"),
        ("Nigeria ordered T-129 helicopters.", "T129 ATAK"),
    ],
)
def test_matcher_reads_a_joined_name_written_apart(
    matcher: Matcher, text: str, system: str
) -> None:
    found = [m.target for m in matcher.find(text) if m.kind is TermKind.SYSTEM]
    assert found == [system]


@pytest.mark.parametrize(
    ("text", "systems"),
    [("Police K-9 units searched the port.", []), ("One F-35 a day left the line.", ["F-35"])],
)
def test_matcher_cuts_no_short_designation(matcher: Matcher, text: str, systems: list[str]) -> None:
    assert [m.target for m in matcher.find(text) if m.kind is TermKind.SYSTEM] == systems


@pytest.mark.parametrize(
    ("text", "systems"),
    [
        ("Kyiv received Caesar self-propelled howitzers.", ["CAESAR"]),
        ("Washington pledged 40 Bradley tank-killing armoured vehicles.", ["M2 Bradley"]),
        ("Ottawa paid for Senator armoured vehicles.", ["Roshel Senator"]),
        ("Tallinn ordered Caesar and Archer howitzers.", ["CAESAR", "Archer artillery system"]),
        ("Caesar crossed the Rubicon with his legions.", []),
        ("Moscow took delivery of Fateh-360 ballistic missiles.", ["Fateh-360"]),
        ("Long range missiles struck the depot.", []),
        ("London sent Typhoon jets to the Baltic.", ["Eurofighter Typhoon"]),
        ("Typhoon Haiyan grounded the aircraft.", []),
        ("Paris supplied Mistral missiles and Crotale systems.", ["Mistral MANPADS", "Crotale"]),
        ("Berlin paid for Mastiff vehicles.", ["Mastiff PPV"]),
        ("Paris sent 18 Caesars and London two Mastiffs.", ["CAESAR", "Mastiff PPV"]),
        ("Julius Caesar had 12 legions.", []),
        ("Karachi took delivery of the third Babur-class.", ["Ada-class corvette"]),
    ],
)
def test_matcher_takes_a_bare_name_before_a_class_word_of_its_category(
    matcher: Matcher, text: str, systems: list[str]
) -> None:
    assert [m.target for m in matcher.find(text) if m.kind is TermKind.SYSTEM] == systems
