from pathlib import Path

import pytest

from armstrack.catalogue import Catalogue, load_catalogue
from armstrack.catalogue.loader import check_consistency
from armstrack.catalogue.normalise import key
from armstrack.errors import CatalogueError
from armstrack.records import Category


def test_packaged_catalogue_is_consistent(catalogue: Catalogue) -> None:
    assert check_consistency(catalogue) == []


@pytest.mark.parametrize(
    ("table", "minimum"),
    [("states", 190), ("systems", 300), ("groups", 20), ("outlets", 60), ("bodies", 60)],
)
def test_packaged_catalogue_sizes(catalogue: Catalogue, table: str, minimum: int) -> None:
    assert len(getattr(catalogue, table)) >= minimum


@pytest.mark.parametrize("category", list(Category))
def test_every_category_has_systems(catalogue: Catalogue, category: Category) -> None:
    assert any(s.category is category for s in catalogue.systems.values()) or category in (
        Category.OTHER,
    )


def test_no_alias_is_claimed_by_two_systems(catalogue: Catalogue) -> None:
    owners: dict[str, str] = {}
    for system in catalogue.systems.values():
        for name in (system.name, *system.aliases):
            assert owners.setdefault(key(name), system.name) == system.name, name


def test_families_and_origins_resolve(catalogue: Catalogue) -> None:
    for system in catalogue.systems.values():
        assert system.origin in catalogue.states
        assert system.family is None or system.family in catalogue.systems


@pytest.mark.parametrize(
    ("alias", "system", "family"),
    [
        ("Zolfaqar", "Zolfaghar", "Fateh-110"),
        ("Zulfiqar", "Zolfaghar", "Fateh-110"),
        ("Geran-2", "Shahed-136", None),
        ("KN-23", None, "Hwasong-11"),
        ("SA-7", "Strela-2", None),
        ("Type 59-1", None, "M-46 field gun"),
        ("AC-208", None, "Cessna 208 Caravan"),
        ("SA-22", "Pantsir", None),
        ("SS-26", "Iskander", None),
        ("AGM-84H", "SLAM-ER", "Harpoon"),
        ("Type 056C", "Type 056 corvette", None),
        ("PNS Babur", "Ada-class corvette", None),
        ("Waid drone", "Shahed-136", None),
        ("M-302", "Khaibar-1 rocket", None),
        ("Hawk XXI", None, "MIM-23 Hawk"),
        ("ZBL-08", "VN-1", None),
        ("Mi-8AMTSh", "Mi-17", None),
        ("Rooivalk", "AH-2 Rooivalk", None),
        ("SS-N-22", "P-270 Moskit", None),
        ("Leclerc XLR", None, "Leclerc tank"),
        ("Wisla air defence system", None, "Patriot"),
        ("JSM", "Joint Strike Missile", None),
        ("Sea Guardian", "SeaGuardian", "MQ-9 Reaper"),
        ("Sky Guardian", "SkyGuardian", "MQ-9 Reaper"),
        ("Predator drones", "MQ-9B", "MQ-9 Reaper"),
        ("F-7", "Chengdu J-7", None),
        ("Yuan-class", "Type 039 submarine", None),
        ("Bal-E", "Bal coastal missile system", None),
        ("Helina", None, "Nag missile"),
    ],
)
def test_known_aliases_and_families(
    catalogue: Catalogue, alias: str, system: str | None, family: str | None
) -> None:
    owner = next(
        s
        for s in catalogue.systems.values()
        if key(alias) in {key(n) for n in (s.name, *s.aliases)}
    )
    if system is not None:
        assert owner.name == system
    if family is not None:
        assert family in (owner.family, owner.name)


# Bare words that name a weapon only sometimes: a city, a dateline, a unit, a railway,
# or two different systems. The catalogue lists them only with a qualifier.
_AMBIGUOUS = (
    "Type 56",
    "MILAN",
    "Nyala",
    "Shaldag",
    "Puma",
    "Typhoon",
    "Cougar",
    "Mamba",
    "Negev",
    "G5",
    "Y-12",
    "PKP",
    "ADF",
    "KIA",
    "PDF",
    "SNA",
    "CPC",
    "FACT",
    "CDG",
    # Rivers, a French operation in Mali, a people, a city, a name, common words.
    "Narew",
    "Wisla",
    "Pilica",
    "Serval",
    "Guarani",
    "Cascavel",
    "Titus",
    "Jaguar",
    "Warrior",
    "Archer",
)


@pytest.mark.parametrize("word", _AMBIGUOUS)
def test_ambiguous_bare_words_are_not_names(catalogue: Catalogue, word: str) -> None:
    names = [
        *(n for s in catalogue.systems.values() for n in (s.name, *s.aliases)),
        *(n for g in catalogue.groups.values() for n in (g.name, *g.aliases)),
    ]
    assert word not in names


def test_extension_file_adds_entries(tmp_path: Path) -> None:
    extra = tmp_path / "mine.toml"
    extra.write_text(
        '[[system]]\nname = "Testbird-7"\naliases = ["TB-7X"]\ncategory = "uav"\norigin = "NOR"\n',
        encoding="utf-8",
    )
    loaded = load_catalogue([extra])
    assert loaded.systems["Testbird-7"].origin == "NOR"
    assert str(extra) in loaded.sources


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ('[[system]]\nname = "X-1"\ncategory = "uav"\norigin = "ZZZ"\n', "unknown origin 'ZZZ'"),
        ('[[system]]\nname = "X-1"\ncategory = "laser"\norigin = "NOR"\n', "category"),
        (
            '[[system]]\nname = "X-1"\nfamily = "Nope"\ncategory = "uav"\norigin = "NOR"\n',
            "unknown family",
        ),
        (
            '[[system]]\nname = "X-1"\naliases = ["Geran 2"]\ncategory = "uav"\norigin = "NOR"\n',
            "claimed by",
        ),
        (
            '[[system]]\nname = "X-1"\ncategory = "uav"\norigin = "NOR"\ncolour = "red"\n',
            "Extra inputs",
        ),
        ("[[system]\n", "not a valid UTF-8 TOML file"),
    ],
)
def test_extension_file_errors_name_the_problem(tmp_path: Path, body: str, message: str) -> None:
    extra = tmp_path / "bad.toml"
    extra.write_text(body, encoding="utf-8")
    with pytest.raises(CatalogueError) as caught:
        load_catalogue([extra])
    assert message in str(caught.value)
    assert "bad.toml" in str(caught.value) or caught.value.source == "catalogue"


@pytest.mark.parametrize(
    ("head", "system", "category"),
    [
        ("Caesar", "CAESAR", Category.ARTILLERY),
        ("Bradley", "M2 Bradley", Category.ARMOURED_VEHICLE),
        ("Mistral", "Mistral MANPADS", Category.AIR_DEFENCE),
    ],
)
def test_heads_are_bare_names_before_a_class_term(
    catalogue: Catalogue, head: str, system: str, category: Category
) -> None:
    assert (head, system, category) in {
        (h.surface, h.system, h.category) for h in catalogue.heads()
    }


def test_no_head_is_another_entrys_term(catalogue: Catalogue) -> None:
    owners = {key(t.surface): t.target for t in catalogue.terms()}
    for head in catalogue.heads():
        assert owners.get(key(head.surface), head.system) == head.system, head
