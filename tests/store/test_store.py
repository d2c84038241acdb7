"""The store against a real SQLite file: idempotency, versions, copies, resolution."""

from __future__ import annotations

import sqlite3
import sys
from contextlib import closing
from pathlib import Path

import pytest
from tests.store.conftest import article

from armstrack.errors import DecodeError
from armstrack.extract import Extractor
from armstrack.ingest import read_articles
from armstrack.store import Store, TransferFilter
from armstrack.store.queries import list_transfers, narrow

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
FILLER = (
    " Officials in the region said the move would deepen the confrontation with the West. "
    "Analysts noted that the two governments have expanded their security cooperation over the "
    "past two years, with regular visits by defence delegations and joint exercises. "
    "Markets showed little reaction to the report, and oil prices were steady in early trade."
)


def _rows(store: Store, sql: str) -> list[tuple[object, ...]]:
    with store.engine.connect() as conn:
        return [tuple(r) for r in conn.exec_driver_sql(sql).all()]


def test_ingest_is_idempotent(store: Store) -> None:
    items = [
        article(
            "Iran has shipped Shahed-136 drones to Russia, officials said." + FILLER,
            url="https://a.example/1",
        ),
        article(
            "Turkey delivered Bayraktar TB2 drones to Mali last week." + FILLER,
            url="https://b.example/2",
        ),
    ]
    first = store.ingest(items)
    second = store.ingest(items)
    assert first.added == {"new": 2}
    assert second.added == {"unchanged": 2}
    assert _rows(store, "SELECT count(*) FROM articles") == [(2,)]
    assert _rows(store, "SELECT count(*) FROM article_versions") == [(2,)]
    assert _rows(store, "SELECT count(*) FROM transfers") == [(2,)]


def test_changed_text_at_same_url_is_a_new_version(store: Store) -> None:
    url = "https://a.example/story"
    store.ingest([article("Iran has shipped drones to Russia." + FILLER, url=url)])
    summary = store.ingest(
        [article("Iran has shipped drones and missiles to Russia." + FILLER, url=url)]
    )
    assert summary.added == {"new_version": 1}
    assert _rows(store, "SELECT version, is_current FROM article_versions ORDER BY version") == [
        (1, 0),
        (2, 1),
    ]
    categories = {t.category.value: t.reports for t in store.transfers()}
    assert categories == {"uav": 1, "missile": 1}


def test_near_duplicate_copies_link_to_the_earliest_and_share_its_origin(store: Store) -> None:
    body = (
        "North Korea has sent artillery shells and KN-23 missiles to Russia by rail, South "
        "Korea's spy agency told lawmakers on Tuesday." + FILLER * 3
    )
    store.ingest(
        [article(body, url="https://wire.example/1", outlet="Yonhap", published="2024-10-01")]
    )
    store.ingest(
        [
            article(
                "SEOUL - " + body.replace("Tuesday", "Wednesday"),
                url="https://copy.example/9",
                outlet="The Korea Herald",
                published="2024-10-02",
            ),
        ]
    )
    duplicates = _rows(store, "SELECT id, duplicate_of, origin FROM article_versions ORDER BY id")
    assert duplicates[1][1] == duplicates[0][0]
    assert duplicates[1][2] == duplicates[0][2]
    missile = store.transfers(TransferFilter(category="missile"))[0]
    assert (missile.reports, missile.outlets, missile.origins) == (2, 2, 1)


def test_wire_story_repeated_by_outlets_is_one_origin(store: Store) -> None:
    wire = "Iran has shipped Fateh-110 missiles to Russia, six sources told Reuters."
    echoes = [
        (
            "Iran delivered Fateh-110 missiles to Russia, Reuters reported on Wednesday.",
            "Al Jazeera",
        ),
        ("According to Reuters, Iran has supplied Fateh-110 missiles to Russia.", "The Guardian"),
        (
            "Iran sent Fateh-110 missiles to Russia, according to a Reuters report.",
            "Kyiv Independent",
        ),
    ]
    independent = (
        "Iran has handed Fateh-110 missiles to Russia, South Korea's spy agency told Yonhap."
    )
    # Short, differently worded texts: no two are near-duplicates, so only attribution
    # can tie the echoes to the wire.
    items = [article(wire, url="https://reuters.example/1", outlet="Reuters")]
    items += [
        article(text, url=f"https://echo.example/{i}", outlet=o)
        for i, (text, o) in enumerate(echoes)
    ]
    items.append(article(independent, url="https://yonhap.example/1", outlet="Yonhap"))
    store.ingest(items)
    (missile,) = store.transfers()
    assert (missile.reports, missile.outlets, missile.origins) == (5, 5, 2)


def test_reports_over_time_resolve_into_one_transfer_with_a_timeline(store: Store) -> None:
    store.ingest(
        [
            article(
                "Egypt is in talks with South Korea to buy K9 Thunder howitzers." + FILLER,
                url="https://x.example/1",
                published="2023-03-01",
            ),
            article(
                "Egypt signed a contract to buy 200 K9 Thunder howitzers from South Korea."
                + FILLER,
                url="https://x.example/2",
                published="2023-09-10",
            ),
            article(
                "South Korea delivered the first K9 Thunder howitzers to Egypt." + FILLER,
                url="https://x.example/3",
                published="2024-05-20",
            ),
        ]
    )
    (transfer,) = store.transfers()
    assert (transfer.supplier.id, transfer.recipient.id, transfer.status.label) == (
        "KOR",
        "EGY",
        "delivered",
    )
    detail = store.transfer(transfer.id)
    assert detail is not None
    assert [(e.status.label, str(e.reported_on)) for e in detail.timeline] == [
        ("discussed", "2023-03-01"),
        ("agreed", "2023-09-10"),
        ("delivered", "2024-05-20"),
    ]
    assert transfer.quantity == 200


def test_resolution_keeps_different_systems_apart_and_joins_a_family(store: Store) -> None:
    store.ingest(
        [
            article(
                "The United States approved the sale of 40 F-16 jets to Turkey." + FILLER,
                url="https://y.example/1",
            ),
            article(
                "The United States agreed to sell F-35 jets to Turkey." + FILLER,
                url="https://y.example/2",
            ),
            article(
                "Iran has delivered Fateh-110 missiles to Russia." + FILLER,
                url="https://y.example/3",
            ),
            article(
                "Iran has shipped Zolfaghar missiles to Russia." + FILLER, url="https://y.example/4"
            ),
        ]
    )
    aircraft = store.transfers(TransferFilter(category="aircraft"))
    missiles = store.transfers(TransferFilter(category="missile"))
    assert len(aircraft) == 2
    assert len(missiles) == 1 and missiles[0].reports == 2


def test_broken_inputs_are_recorded_and_the_rest_stored(store: Store) -> None:
    broken = DecodeError("feeds/bad.txt", "not UTF-8 text")
    summary = store.ingest(
        [broken, article("Iran sent drones to Russia." + FILLER, url="https://z.example/1")]
    )
    assert summary.skipped == {"not text": 1}
    assert summary.added == {"new": 1}
    assert _rows(store, "SELECT source, reason FROM skipped_inputs") == [
        ("feeds/bad.txt", "not text")
    ]


def test_full_text_search_and_views(store: Store) -> None:
    store.ingest(
        [
            article(
                "Iran shipped missiles to Russia across the Caspian Sea." + FILLER,
                url="https://s.example/1",
                title="Caspian route",
            )
        ]
    )
    hits = store.search("Caspian")
    assert [h.title for h in hits] == ["Caspian route"]
    assert "[Caspian]" in hits[0].snippet
    assert store.search('"; DROP TABLE articles; --') == []
    flat = _rows(store, "SELECT supplier_name, recipient_name, category FROM transfers_flat")
    assert flat == [("Iran", "Russia", "missile")]
    if store.engine.dialect.name == "sqlite":  # the file reads on its own, without us
        database = str(store.engine.url.database)
        with closing(sqlite3.connect(database)) as connection:
            plain = connection.execute("SELECT count(*) FROM transfers_flat").fetchone()
        assert plain == (1,)


def test_near_duplicates_within_one_batch_are_linked(store: Store) -> None:
    body = (
        "Iran has shipped Shahed-136 drones to Russia by sea, officials told Reuters on Monday."
        + FILLER * 3
    )
    store.ingest(
        [
            article(body, url="https://wire.example/a", outlet="Reuters"),
            article(body.replace("Monday", "Tuesday"), url="https://copy.example/b", outlet="Dawn"),
        ]
    )
    rows = _rows(store, "SELECT id, duplicate_of FROM article_versions ORDER BY id")
    assert rows[1][1] == rows[0][0]
    (uav,) = store.transfers()
    assert (uav.reports, uav.outlets, uav.origins) == (2, 2, 1)


def test_bulk_inserted_rows_keep_their_links(store: Store) -> None:
    """Ids handed back by the batched inserts land on the right rows: every report points
    to a transfer with its own supplier, recipient and category, and to its own article."""
    pairs = [
        ("Iran", "Russia", "Shahed-136 drones"),
        ("North Korea", "Russia", "artillery shells"),
        ("China", "Pakistan", "J-10C fighter jets"),
        ("Turkey", "Ukraine", "Bayraktar TB2 drones"),
        ("Germany", "Ukraine", "Leopard 2 tanks"),
        ("Russia", "India", "S-400 air defence systems"),
    ]
    first = [
        article(f"{s} delivered {w} to {r}, officials said.{FILLER}", url=f"https://a.test/{n}")
        for n, (s, r, w) in enumerate(pairs[:2])
    ]
    store.ingest(first)
    later = [
        article(
            f"{s} has shipped {w} to {r}, according to two officials.{FILLER} Ref {n}.",
            url=f"https://b.test/{n}",
        )
        for n, (s, r, w) in enumerate(pairs)
    ]
    store.ingest(later, batch_size=50)
    mismatched = _rows(
        store,
        "SELECT m.id FROM mentions m JOIN transfers t ON t.id = m.transfer_id "
        "WHERE t.supplier != m.supplier OR t.recipient != m.recipient "
        "OR t.category != m.category",
    )
    assert mismatched == []
    per_transfer = _rows(
        store,
        "SELECT t.supplier, t.recipient, t.reports FROM transfers t ORDER BY t.supplier, t.recipient",
    )
    assert len(per_transfer) == len(pairs)
    assert {(s, r): n for s, r, n in per_transfer}[("IRN", "RUS")] == 2
    # Each report's evidence cuts its own article's text where the supplier is named.
    spans: dict[object, str] = {}
    for piece, mention, supplier in _rows(
        store,
        "SELECT substr(v.text, e.start + 1, e.end - e.start), m.id, m.supplier "
        "FROM evidence e JOIN mentions m ON m.id = e.mention_id "
        "JOIN article_versions v ON v.id = m.version_id",
    ):
        spans[(mention, supplier)] = spans.get((mention, supplier), "") + f" | {piece}"
    names = {"IRN": "Iran", "PRK": "North Korea", "CHN": "China", "TUR": "Turkey"}
    names |= {"DEU": "Germany", "RUS": "Russia"}
    assert spans and all(names[str(key[1])] in text for key, text in spans.items())


def test_transfer_page_total_follows_new_reports(store: Store) -> None:
    # The total is cached per filter set until the data changes: a new or changed
    # transfer must show in it at once.
    store.ingest(
        [
            article(
                "Iran has shipped Shahed-136 drones to Russia." + FILLER, url="https://a.example/1"
            )
        ]
    )
    delivered = TransferFilter(status="delivered", limit=1)
    items, total = store.transfer_page(delivered)
    assert (len(items), total) == (1, 1)
    assert store.transfer_page(TransferFilter(status="delivered", limit=1, offset=1)) == ([], 1)
    store.ingest(
        [
            article(
                "Turkey delivered Bayraktar TB2 drones to Mali." + FILLER, url="https://b.example/2"
            )
        ]
    )
    assert store.transfer_page(delivered)[1] == 2
    store.ingest(
        [
            article(
                "Iran has sent ballistic missiles to Russia, and drones, officials said." + FILLER,
                url="https://a.example/1",  # a new version: the old report is retired
            )
        ]
    )
    totals = store.transfer_page(TransferFilter(category="uav", limit=10))
    assert totals[1] == len(totals[0])


def test_ingest_leaves_planner_statistics(store: Store) -> None:
    store.ingest(
        [
            article(
                "Iran has shipped Shahed-136 drones to Russia." + FILLER, url="https://a.example/1"
            )
        ]
    )
    if store.engine.dialect.name == "sqlite":
        tables = {row[0] for row in _rows(store, "SELECT tbl FROM sqlite_stat1")}
    else:
        tables = {
            row[0]
            for row in _rows(
                store, "SELECT relname FROM pg_stat_user_tables WHERE last_analyze IS NOT NULL"
            )
        }
    assert {"transfers", "mentions", "claims"} <= tables


@pytest.mark.parametrize(
    ("system", "categories"),
    [("Shahed", ("uav",)), ("fateh-110", ("missile",)), ("no such system", ())],
)
def test_narrow_adds_the_categories_a_system_can_be_in(
    extractor: Extractor, system: str, categories: tuple[str, ...]
) -> None:
    narrowed = narrow(TransferFilter(system=system), extractor.catalogue)
    assert narrowed.system_categories == categories


@pytest.mark.parametrize("system", ["Shahed", "shahed-136", "Fateh", "TB2", "S-400"])
def test_narrowed_system_filter_finds_what_the_scan_finds(store: Store, system: str) -> None:
    store.ingest(read_articles([EXAMPLES / "articles", EXAMPLES / "articles.jsonl"]))
    plain = TransferFilter(system=system, limit=1000)
    with store.engine.connect() as conn:
        scanned = {t.id for t in list_transfers(conn, store.catalogue, plain)}
    narrowed = {t.id for t in store.transfers(plain)}
    assert narrowed == scanned
    assert narrowed or system == "S-400"


def test_only_articles_reporting_a_transfer_are_searched_for_copies(store: Store) -> None:
    weather = "Heavy rain flooded the valley overnight and closed the main road for hours." + FILLER
    arms = "Iran has shipped Shahed-136 drones to Russia, officials said." + FILLER
    store.ingest(
        [
            article(weather, url="https://a.example/rain"),
            article(weather + " Schools stayed shut.", url="https://b.example/rain"),
            article(arms, url="https://a.example/arms"),
            article(arms + " Tehran denied it.", url="https://b.example/arms"),
        ]
    )
    rows = _rows(
        store,
        "SELECT a.url, v.passages IS NOT NULL, v.duplicate_of IS NOT NULL, "
        "(SELECT count(*) FROM passages p WHERE p.version_id = v.id) "
        "FROM article_versions v JOIN articles a ON a.id = v.article_id ORDER BY v.id",
    )
    assert [(url, bool(signed), bool(copy), bands > 0) for url, signed, copy, bands in rows] == [
        ("https://a.example/rain", False, False, False),
        ("https://b.example/rain", False, False, False),
        ("https://a.example/arms", True, False, True),
        ("https://b.example/arms", True, True, True),
    ]


WEATHER = (
    "Heavy rain is expected across the north of the country this weekend, the weather "
    "service said on Friday, and farmers were told to bring in the harvest early."
)
MISSILE_TEST = (
    "India tested a new long-range missile from an island off its eastern coast, the "
    "defence ministry said, in a launch that officials described as a success."
)
TRANSFER = "Turkey delivered Bayraktar TB2 drones to Mali last week, officials said."


@pytest.mark.parametrize(
    "texts",
    [[WEATHER], [WEATHER, MISSILE_TEST], [MISSILE_TEST, TRANSFER, WEATHER], [TRANSFER]],
    ids=["one_without_transfer", "none_with_transfer", "mixed", "one_with_transfer"],
)
def test_ingest_batch_with_or_without_transfers_stores_every_article(
    store: Store, texts: list[str]
) -> None:
    items = [article(t + FILLER, url=f"https://news.example/{i}") for i, t in enumerate(texts)]
    summary = store.ingest(items)
    assert summary.added == {"new": len(texts)}
    reporting = sum(t == TRANSFER for t in texts)
    assert _rows(store, "SELECT count(*) FROM articles") == [(len(texts),)]
    assert _rows(store, "SELECT count(*) FROM transfers") == [(reporting,)]
    # No row of nulls from an empty batched insert.
    assert _rows(store, "SELECT count(*) FROM minhash_bands WHERE bucket IS NULL") == [(0,)]
    assert _rows(store, "SELECT count(*) FROM claims WHERE mention_id IS NULL") == [(0,)]


def test_ingest_batches_without_transfers_then_with_one(store: Store) -> None:
    store.ingest([article(WEATHER + FILLER, url="https://news.example/w")])
    store.ingest([article(TRANSFER + FILLER, url="https://news.example/t")])
    store.ingest([article(MISSILE_TEST + FILLER, url="https://news.example/m")])
    assert _rows(store, "SELECT count(*) FROM articles") == [(3,)]
    assert _rows(store, "SELECT supplier, recipient FROM transfers") == [("TUR", "MLI")]


def test_later_version_keeps_what_an_earlier_one_reported(store: Store) -> None:
    # The update drops the drones and adds missiles: the drone report stays, superseded.
    url = "https://a.example/update"
    store.ingest([article("Iran has shipped Shahed-136 drones to Russia." + FILLER, url=url)])
    store.ingest([article("Iran has shipped Fateh-110 missiles to Russia." + FILLER, url=url)])
    found = {t.category.value: t for t in store.transfers()}
    assert {c: t.reports for c, t in found.items()} == {"uav": 1, "missile": 1}
    drone = store.transfer(found["uav"].id)
    missile = store.transfer(found["missile"].id)
    assert drone is not None and missile is not None
    assert [r.superseded for r in drone.reports] == [True]
    assert [r.superseded for r in missile.reports] == [False]


def test_article_counts_once_across_its_versions(store: Store) -> None:
    url = "https://a.example/update"
    store.ingest([article("Iran has shipped Shahed-136 drones to Russia." + FILLER, url=url)])
    store.ingest(
        [article("Iran has shipped Shahed-136 drones to Russia, officials said." + FILLER, url=url)]
    )
    (drone,) = store.transfers()
    assert (drone.reports, drone.outlets, drone.origins) == (1, 1, 1)
    detail = store.transfer(drone.id)
    assert detail is not None
    assert [r.superseded for r in detail.reports] == [False]


UNRELATED = (
    "Turkey delivered Bayraktar TB2 drones to Mali last week, the junta said in a statement "
    "read on state television, adding that more aircraft would follow before the rainy season."
)


@pytest.mark.parametrize("same_batch", [False, True], ids=["two_runs", "one_batch"])
def test_unrelated_text_under_a_known_key_is_another_article(
    store: Store, same_batch: bool
) -> None:
    # Regression: three articles under one URL left one report and one transfer.
    url = "https://live.example/page"
    texts = [
        "Iran has shipped Shahed-136 drones to Russia." + FILLER,
        UNRELATED,
        "North Korea sent KN-23 missiles to Russia by rail, Seoul said on Monday.",
    ]
    items = [article(t, url=url) for t in texts]
    if same_batch:
        summary = store.ingest(items)
        assert summary.added == {"new": 3}
    else:
        for item in items:
            assert store.ingest([item]).added == {"new": 1}
    assert _rows(store, "SELECT count(*) FROM articles") == [(3,)]
    assert sorted((t.supplier.id, t.recipient.id) for t in store.transfers()) == [
        ("IRN", "RUS"),
        ("PRK", "RUS"),
        ("TUR", "MLI"),
    ]
    # Reading them all again changes nothing.
    assert store.ingest(items).added == {"unchanged": 3}


POISON = "Iran has shipped Shahed-136 drones to Russia; this text is POISON." + FILLER


def _poison(store: Store) -> None:
    """A real database error for one article: SQLite aborts the insert of its text, and
    PostgreSQL refuses a NUL character in any text column."""
    if store.engine.dialect.name == "sqlite":
        with store.engine.begin() as conn:
            conn.exec_driver_sql(
                "CREATE TRIGGER poison BEFORE INSERT ON article_versions "
                "WHEN NEW.text LIKE '%POISON%' BEGIN SELECT RAISE(ABORT, 'poisoned text'); END"
            )


def test_database_error_skips_the_article_and_keeps_its_batch(store: Store) -> None:
    _poison(store)
    poison = POISON if store.engine.dialect.name == "sqlite" else POISON.replace(";", "\x00")
    items = [
        article("Turkey delivered Bayraktar TB2 drones to Mali." + FILLER, url="https://a/1"),
        article(poison, url="https://a/2"),
        article(WEATHER + FILLER, url="https://a/3"),
    ]
    summary = store.ingest(items)
    assert summary.added == {"new": 2}
    assert summary.skipped == {"not stored": 1}
    assert "https://a/2" in str(summary.errors[0])
    assert _rows(store, "SELECT source, reason FROM skipped_inputs") == [
        ("https://a/2", "not stored")
    ]
    assert _rows(store, "SELECT count(*) FROM articles") == [(2,)]
    assert [(t.supplier.id, t.recipient.id) for t in store.transfers()] == [("TUR", "MLI")]


def test_rerun_records_a_skipped_input_once(store: Store) -> None:
    bad = [DecodeError("in/notes.txt", "not UTF-8 text"), DecodeError("in/a.jsonl", "bad", 3)]
    for _ in range(3):
        summary = store.ingest(list(bad))
        assert summary.skipped == {"not text": 2}
    assert _rows(store, "SELECT source, line FROM skipped_inputs ORDER BY source") == [
        ("in/a.jsonl", 3),
        ("in/notes.txt", None),
    ]


def test_to_pandas_gives_the_filtered_transfers(store: Store) -> None:
    store.ingest([article(TRANSFER + FILLER, url="https://a/1")])
    frame = store.to_pandas(TransferFilter(supplier="Turkey"))
    assert list(zip(frame["supplier"], frame["recipient"], strict=True)) == [("TUR", "MLI")]


def test_to_pandas_without_pandas_says_what_to_install(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "pandas", None)  # as if it were not installed
    with pytest.raises(ModuleNotFoundError, match=r"pip install 'armstrack\[pandas\]'"):
        store.to_pandas()


def test_transfer_keeps_a_change_log_with_its_reports(store: Store) -> None:
    store.ingest(
        [article("Iran agreed to sell Shahed-136 drones to Russia." + FILLER, url="https://a/1")]
    )
    (drone,) = store.transfers()
    created = store.transfer_history(drone.id)
    assert {c.field: (c.old, c.new) for c in created}["status"] == (None, "agreed")
    store.ingest(
        [
            article(
                "Iran has delivered 400 Shahed-136 drones to Russia, officials said." + FILLER,
                url="https://b/2",
                published="2024-03-01",
            )
        ]
    )
    changes = store.transfer_history(drone.id)[len(created) :]
    moved = {c.field: (c.old, c.new) for c in changes}
    assert moved["status"] == ("agreed", "delivered")
    assert moved["quantity"] == (None, "400")
    assert moved["last_reported"] == ("2024-02-21", "2024-03-01")
    detail = store.transfer(drone.id)
    assert detail is not None
    newest = max(r.mention_id for r in detail.reports)
    assert {c.mention_id for c in changes} == {newest}
    # Reading the same article again changes nothing, and logs nothing.
    again = article(
        "Iran has delivered 400 Shahed-136 drones to Russia, officials said." + FILLER,
        url="https://b/2",
        published="2024-03-01",
    )
    assert store.ingest([again]).added == {"unchanged": 1}
    assert store.transfer_history(drone.id) == created + changes
