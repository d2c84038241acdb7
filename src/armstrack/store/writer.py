"""The single writing path of the store: articles, versions, reports and resolution.

``Writer.store_batch`` stores a batch of articles with their extractions inside the
transaction the caller opens, one per batch: a killed run loses at most its open
batch, and a re-run skips what is already stored (same key, same text). Work is
done per batch, not per article (one query to find stored keys, one bulk insert per
table, one pass of resolution over the batch's blocks), because per-row round trips
cost more than everything else the store does.
"""

from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime
from functools import cache
from typing import Any, TypeVar
from urllib.parse import urlsplit

from sqlalchemy import (
    Connection,
    CursorResult,
    Table,
    TextClause,
    bindparam,
    func,
    insert,
    select,
    text,
    tuple_,
    update,
)

from armstrack.catalogue import Catalogue
from armstrack.catalogue.normalise import key as name_key
from armstrack.errors import MergeRefused
from armstrack.records import Added, Article, Claim, Extraction, Stance, Status, Transfer
from armstrack.resolve import MentionKey, TransferKey, choose_transfer
from armstrack.resolve.credits import (
    BYLINES,
    PATTERNS,
    Credit,
    Lookup,
    find_credits,
    main_credit,
    outlet_lookup,
)
from armstrack.resolve.matching import stated_times
from armstrack.resolve.origins import Basis, Origin, credited, own, transfer_credit
from armstrack.resolve.passages import (
    MIN_SHARED,
    Fingerprints,
    Overlap,
    fingerprints,
    in_report,
    indexed,
    overlap,
    words_of,
)
from armstrack.store.schema import (
    actors,
    article_versions,
    articles,
    claims,
    evidence,
    mentions,
    outlets,
    passages,
    status_events,
    transfer_changes,
    transfers,
)
from armstrack.store.versions import counting, related, separate_key

_LINE_SUFFIX = re.compile(r":\d+\Z")
MAX_CANDIDATES = 20
MAX_CACHED_BLOCKS = 20_000  # (supplier, recipient, category) blocks kept in memory
HOLDERS_PER_BUCKET = 3  # earliest texts read per passage fingerprint
EARLIEST_CHUNK = 250  # fingerprints per compound query (SQLite allows 500 members)
CHUNK = 500  # bound parameters per IN list
SEPARATOR = "; "
PROVISIONAL = 1 << 62  # ids of transfers created in the open batch, before insertion
T = TypeVar("T")


@dataclass(slots=True)
class _Item:
    """One article of a batch on its way into the store."""

    article: Article
    extraction: Extraction
    key: str
    sha: str
    outlet_key: str | None
    status: Added = Added.NEW
    article_id: int | None = None
    version: int = 1
    version_id: int | None = None
    credits: list[Credit] = field(default_factory=list)
    report: list[tuple[int, int]] = field(default_factory=list)  # sentences reporting
    prints: Fingerprints | None = None  # only for texts that report or credit
    report_prints: frozenset[int] | None = None  # those in ``report``; None: reports nothing
    triples: frozenset[tuple[str, str, str]] = frozenset()
    origin: Origin | None = None
    origin_from: int | None = None  # version id whose origin this one took
    origin_item: _Item | None = None  # or an earlier item of this batch
    copy_of: int | None = None  # version id of the earliest text sharing its passages
    copy_item: _Item | None = None  # or an earlier item of this batch
    similarity: float | None = None  # share of passages in common with copy_of

    @property
    def origin_key(self) -> str:
        assert self.origin is not None
        return self.origin.key


@dataclass(slots=True)
class _Source:
    """An earlier text (stored, or an earlier item of the batch) sharing passages."""

    overlap: Overlap
    origin: str
    basis: Basis
    article_id: int
    version_id: int | None = None
    item: _Item | None = None
    root_version: int | None = None  # where a copy link to this text points
    root_item: _Item | None = None


@dataclass(slots=True)
class _Block:
    """The resolved transfers of one (supplier, recipient, category), kept current in memory."""

    candidates: list[TransferKey] = field(default_factory=list)


class Writer:
    """Stores articles with their extractions and keeps resolved transfers current."""

    def __init__(self, catalogue: Catalogue) -> None:
        self.catalogue = catalogue
        self._outlet_names: dict[str, str] = {}
        self._outlet_domains: dict[str, str] = {}
        for outlet in catalogue.outlets.values():
            for name in (outlet.name, *outlet.aliases):
                self._outlet_names.setdefault(name_key(name), outlet.id)
            for domain in outlet.domains:
                self._outlet_domains.setdefault(domain.lower(), outlet.id)
        self._credit_lookup: Lookup = outlet_lookup(self._outlet_names, name_key)
        self._outlet_ids: dict[str, int] = {}
        self._actors_ready = False
        # Resolved transfers per (supplier, recipient, category), loaded once per block:
        # this writer is the only one, so what it wrote itself it knows already.
        self._blocks: dict[tuple[str, str, str], _Block] = {}
        self._mark: tuple[Any, ...] | None = None  # the newest rows when last seen

    def forget(self) -> None:
        """Drop what the writer remembers of the database (after a rolled-back batch)."""
        self._blocks.clear()
        self._outlet_ids.clear()
        self._actors_ready = False
        self._mark = None

    def sync(self, conn: Connection) -> None:
        """Forget the cache if another writer has written since this one's last batch."""
        if self._mark is None or _mark(conn) != self._mark:
            self.forget()

    def remember(self, conn: Connection) -> None:
        """Note where the store stands after this writer's batch."""
        self._mark = _mark(conn)

    # -- what is new ----------------------------------------------------------------

    def classify(self, conn: Connection, batch: Sequence[Article]) -> list[Added]:
        """For each article: new, unchanged (same key and text stored) or a new version."""
        return [status for status, _key in self.classify_keys(conn, batch)]

    def classify_keys(self, conn: Connection, batch: Sequence[Article]) -> list[tuple[Added, str]]:
        """What ``classify`` says, with the key each article is stored under: a changed
        text that shares almost nothing with the stored one is an article of its own."""
        keys = [article_key(a) for a in batch]
        shas = [_sha256(a.text) for a in batch]
        stored = _stored_keys(conn, keys)
        known = _stored_shas(conn, list(stored.values()))
        changed = {
            stored[k] for k, sha in zip(keys, shas, strict=True) if k in stored
            if sha not in known[stored[k]]
        }  # fmt: skip
        if changed:
            current = _current_texts(conn, changed)
            for index, (article, key) in enumerate(zip(batch, keys, strict=True)):
                article_id = stored.get(key)
                if article_id in changed and not related(current.get(article_id, ""), article.text):
                    keys[index] = separate_key(key, shas[index])
            stored = _stored_keys(conn, keys)
            known = _stored_shas(conn, list(stored.values()))
        seen: dict[str, set[str]] = defaultdict(set)
        result = []
        for key, sha in zip(keys, shas, strict=True):
            if sha in known.get(stored.get(key, -1), set()) or sha in seen[key]:
                result.append((Added.UNCHANGED, key))
            elif key in stored or seen[key]:
                result.append((Added.NEW_VERSION, key))
            else:
                result.append((Added.NEW, key))
            seen[key].add(sha)
        return result

    # -- storing ---------------------------------------------------------------------

    def store_batch(
        self, conn: Connection, batch: Sequence[tuple[Article, Extraction]]
    ) -> list[Added]:
        """Store articles with their transfers; resolve the transfers against the store."""
        self._ensure_actors(conn)
        classified = self.classify_keys(conn, [a for a, _ in batch])
        statuses = [status for status, _key in classified]
        items: list[_Item] = []
        later: list[int] = []  # positions in the batch
        keys: set[str] = set()
        for position, ((article, extraction), (status, key)) in enumerate(
            zip(batch, classified, strict=True)
        ):
            if status is Added.UNCHANGED:
                continue
            if key in keys:
                # The same key twice in one batch: the later text waits for the next pass.
                later.append(position)
                continue
            keys.add(key)
            items.append(
                _Item(
                    article,
                    extraction,
                    key,
                    _sha256(article.text),
                    self.outlet_key(article),
                    status,
                )
            )
        if items:
            touched = self._store_articles(conn, items)
            touched |= self._store_mentions(conn, items)
            self._refresh(conn, touched)
        if later:
            again = self.store_batch(conn, [batch[p] for p in later])
            for position, status in zip(later, again, strict=True):
                statuses[position] = status
        return statuses

    def _store_articles(self, conn: Connection, items: list[_Item]) -> set[int]:
        """Insert new articles and every item's version with its origin; return the
        transfers to refresh."""
        stored = _stored_keys(conn, [i.key for i in items])
        new = [i for i in items if i.key not in stored]
        if new:
            rows = [self._article_row(conn, i) for i in new]
            for row, article_id in zip(rows, _insert_ids(conn, articles, rows), strict=True):
                stored[row["key"]] = article_id
        for item in items:
            item.article_id = stored[item.key]
        touched = _retire(conn, [i for i in items if i.key not in {n.key for n in new}])
        for item in items:
            self._read_credits(item)
        adopted = self._find_sources(conn, items)
        ids = _insert_ids(conn, article_versions, [_version_row(i) for i in items])
        for item, version_id in zip(items, ids, strict=True):
            item.version_id = version_id
        links = []
        for item in items:
            if item.copy_item is not None:
                item.copy_of = item.copy_item.version_id
            if item.origin_item is not None:
                item.origin_from = item.origin_item.version_id
            if item.copy_item is not None or item.origin_item is not None:
                links.append({"vid": item.version_id, "dup": item.copy_of, "src": item.origin_from})
        if links:
            conn.execute(
                update(article_versions)
                .where(article_versions.c.id == bindparam("vid"))
                .values(duplicate_of=bindparam("dup"), origin_from=bindparam("src")),
                links,
            )
        _insert_rows(
            conn,
            passages,
            [
                {"fingerprint": value, "version_id": i.version_id}
                for i in items
                if i.prints
                for value in set(i.prints.hashes)
            ],
        )
        return touched | _adopt(conn, adopted)

    def _article_row(self, conn: Connection, item: _Item) -> dict[str, Any]:
        outlet_id = (
            self._outlet_id(conn, item.outlet_key, item.article.outlet) if item.outlet_key else None
        )
        return {
            "key": item.key,
            "url": item.article.url,
            "outlet_id": outlet_id,
            "published": item.article.published,
            "source": item.article.source,
            "first_seen": _now(),
        }

    def _read_credits(self, item: _Item) -> None:
        """The item's credits, the sentences its reports rest on and, for a text that
        names a weapon, its passage fingerprints.

        Only those texts are read for credits, fingerprinted and searched: a copy
        matters where it would count twice as a source, or where it carries a report
        or a credit to others (an excerpt whose transfer the extractor misses is still
        the copy of one where it is found), and a text that copies a report names the
        weapon too. Most news names no weapon (measured: fingerprinting every text cost
        a third of the writer's time on a 100,000-article store).
        """
        transfers_ = item.extraction.transfers
        item.triples = frozenset(
            (t.supplier.id, t.recipient.id, t.category.value) for t in transfers_
        )
        if not (item.extraction.names_weapon or transfers_):
            return
        # A text reporting nothing is kept only for what it carries to later copies: its
        # bylines are read, the rest of the credit finder is spared.
        text = item.article.text
        words = words_of(text)
        patterns = PATTERNS if transfers_ else BYLINES
        item.credits = find_credits(text, self._credit_lookup, patterns, words)
        item.report = [
            (span.start, span.end)
            for transfer in transfers_
            for span in (*transfer.evidence, *(c.evidence for c in transfer.claims))
        ]
        prints = fingerprints(text, words)
        if item.report:
            item.report_prints = in_report(prints, item.article.text, item.report)
        item.prints = indexed(prints, item.report_prints)

    def _find_sources(self, conn: Connection, items: list[_Item]) -> list[_Adoption]:
        """Give each item its origin: its credit, else the origin of the earlier text
        (stored, or earlier in the batch) whose passages it shares, else its outlet.
        Link it to the earliest text it shares passages with. Return the stored texts
        that adopt a credit from an item (see ``resolve.origins``)."""
        hits = _passage_hits(conn, items)
        known = _versions_by_id(conn, {v for found in hits for v in found})
        reported = _version_triples(conn, set(known))
        adopted: list[_Adoption] = []
        by_print: dict[int, list[int]] = defaultdict(list)  # earlier items of the batch
        for index, item in enumerate(items):
            sources: list[_Source] = []
            if item.prints is not None:
                sources = _stored_sources(item, hits[index], known, reported)
                sources += _batch_sources(items, index, by_print)
                for value in set(item.prints.hashes):
                    if len(by_print[value]) < HOLDERS_PER_BUCKET:  # the earliest, as stored
                        by_print[value].append(index)
            adopted += _decide(items, item, sources)
        return adopted

    # -- reports and resolution ------------------------------------------------------

    def _store_mentions(self, conn: Connection, items: list[_Item]) -> set[int]:
        """Insert every report of the batch, resolved to a transfer; return the transfers."""
        reports = [(item, t) for item in items for t in item.extraction.transfers]
        if not reports:
            return set()
        wanted = {(t.supplier.id, t.recipient.id, t.category.value) for _, t in reports}
        if len(self._blocks) > MAX_CACHED_BLOCKS:
            self._blocks.clear()  # memory stays bounded; blocks reload on demand
        missing = wanted - self._blocks.keys()
        if missing:
            self._blocks.update(_load_blocks(conn, missing))
        blocks = self._blocks
        rows = []
        created: list[dict[str, Any]] = []
        for item, transfer in reports:
            row = self._mention_row(item, transfer)
            key = _mention_key(row)
            row["transfer_id"], row["merge_reason"] = _resolve(blocks, transfer, key, created)
            rows.append(row)
        if created:
            _insert_created(conn, created, rows, [blocks[triple] for triple in wanted])
        inserted = _insert_ids(conn, mentions, rows)
        claim_rows, evidence_rows = [], []
        for (_item, transfer), mention_id in zip(reports, inserted, strict=True):
            claim_rows += [_claim_row(mention_id, c) for c in transfer.claims]
            evidence_rows += [
                {"mention_id": mention_id, "start": s.start, "end": s.end}
                for s in transfer.evidence
            ]
        _insert_rows(conn, claims, claim_rows)
        _insert_rows(conn, evidence, evidence_rows)
        _record_events(
            conn,
            [
                (r["transfer_id"], r["status"], r["reported_on"], m)
                for r, m in zip(rows, inserted, strict=True)
            ],
        )
        return {r["transfer_id"] for r in rows}

    def _mention_row(self, item: _Item, transfer: Transfer) -> dict[str, Any]:
        origin = item.origin_key
        assert item.origin is not None
        if item.origin.basis is Basis.CREDIT:
            spans = [
                (s.start, s.end)
                for s in (*transfer.evidence, *(c.evidence for c in transfer.claims))
            ]
            specific = transfer_credit(item.credits, spans)
            origin = specific.outlet if specific else origin
        quantity = transfer.quantity
        return {
            "version_id": item.version_id,
            "supplier": transfer.supplier.id,
            "recipient": transfer.recipient.id,
            "category": transfer.category.value,
            "status": transfer.status.label,
            "systems": SEPARATOR.join(s.name for s in transfer.systems),
            "families": SEPARATOR.join(sorted({s.family or s.name for s in transfer.systems})),
            "quantity": quantity.value if quantity else None,
            "quantity_approximate": quantity.approximate if quantity else None,
            "reported_on": item.article.published,
            "times": SEPARATOR.join(dict.fromkeys(t.value for t in transfer.times)),
            "routes": SEPARATOR.join(dict.fromkeys(r.via or r.mode or "" for r in transfer.routes)),
            "origin": origin,
        }

    def _refresh(self, conn: Connection, transfer_ids: set[int]) -> None:
        """Recompute the summaries of transfers from their counting reports (each
        article's newest version that reports the transfer), in bulk."""
        updates = []
        changes: list[dict[str, Any]] = []
        for chunk in _chunks(sorted(transfer_ids)):
            before = {
                row.id: row
                for row in conn.execute(
                    select(transfers.c.id, transfers.c.reports, *_TRACKED_COLUMNS).where(
                        transfers.c.id.in_(chunk)
                    )
                )
            }
            reports: dict[int, list[Any]] = defaultdict(list)
            for row in conn.execute(
                select(
                    mentions.c.transfer_id,
                    mentions.c.status,
                    mentions.c.systems,
                    mentions.c.families,
                    mentions.c.quantity,
                    mentions.c.reported_on,
                    mentions.c.origin,
                    articles.c.outlet_id,
                    articles.c.id.label("article_id"),
                    article_versions.c.version,
                    mentions.c.id.label("mention_id"),
                )
                .join(article_versions, mentions.c.version_id == article_versions.c.id)
                .join(articles, article_versions.c.article_id == articles.c.id)
                .where(mentions.c.transfer_id.in_(chunk))
            ):
                reports[row.transfer_id].append(row)
            reports = {tid: counting(rows) for tid, rows in reports.items()}
            counted = {r.mention_id for rows in reports.values() for r in rows}
            deniers: dict[int, set[str]] = defaultdict(set)
            for denial in conn.execute(
                select(mentions.c.transfer_id, claims.c.mention_id, claims.c.speaker_actor)
                .join(mentions, claims.c.mention_id == mentions.c.id)
                .where(
                    mentions.c.transfer_id.in_(chunk),
                    claims.c.stance == Stance.DENIES.value,
                    claims.c.speaker_actor.is_not(None),
                )
            ):
                if denial.mention_id in counted:
                    deniers[denial.transfer_id].add(denial.speaker_actor)
            for tid in chunk:
                summary = _summary(tid, reports.get(tid, []), deniers.get(tid, set()))
                updates.append(summary)
                newest = max((r.mention_id for r in reports.get(tid, [])), default=None)
                changes += _changes(before.get(tid), summary, newest)
        _insert_rows(conn, transfer_changes, changes)
        # One statement per shape: a transfer left without reports updates fewer columns.
        shapes: dict[tuple[str, ...], list[dict[str, Any]]] = defaultdict(list)
        for summary in updates:
            shapes[tuple(sorted(summary))].append(summary)
        for rows in shapes.values():
            conn.execute(update(transfers).where(transfers.c.id == bindparam("tid")), rows)

    # -- merges by hand --------------------------------------------------------------

    def merge(self, conn: Connection, survivor: int, absorbed: Sequence[int], note: str) -> None:
        """Move the reports of ``absorbed`` transfers to ``survivor``: an analyst's call
        that they are one deal. The absorbed ids stay, marked merged, so that links to
        them redirect; each side's change log says so."""
        _check_merge(conn, survivor, absorbed)
        reason = f"merged by hand into transfer {survivor}" + (f": {note}" if note else "")
        conn.execute(
            update(mentions)
            .where(mentions.c.transfer_id.in_(absorbed))
            .values(
                transfer_id=survivor,
                merge_reason=reason,
            )
        )
        conn.execute(
            update(status_events)
            .where(status_events.c.transfer_id.in_(absorbed))
            .values(transfer_id=survivor)
        )
        # Earlier merges into an absorbed transfer now point at the survivor: one hop.
        conn.execute(
            update(transfers)
            .where(transfers.c.merged_into.in_(absorbed) | transfers.c.id.in_(absorbed))
            .values(merged_into=survivor)
        )
        at = _now()
        rows = [
            {"transfer_id": t, "mention_id": None, "at": at, "field": f, "old": None, "new": v}
            for old in absorbed
            for t, f, v in ((survivor, "absorbed", str(old)), (old, "merged_into", str(survivor)))
        ]
        _insert_rows(conn, transfer_changes, rows)
        self._refresh(conn, {survivor, *absorbed})
        self.forget()

    # -- outlets and actors ----------------------------------------------------------

    def outlet_key(self, article: Article) -> str | None:
        """The catalogue id of the publishing outlet, else its name or web domain.

        An outlet goes by many names ("WSJ", "The Wall Street Journal", a site name
        such as "Reuters.com" or "TVC News (Nigeria)", its domain): each is tried
        against the catalogue's names, aliases and domains before a name of its own
        is made, so that one outlet is counted under one key.
        """
        domain = urlsplit(article.url).netloc.lower().removeprefix("www.") if article.url else ""
        if article.outlet:
            for spelling in _spellings(article.outlet):
                known = self._outlet_names.get(name_key(spelling))
                if known:
                    return known
            return self._by_domain(domain) or "-".join(article.outlet.lower().split())
        return self._by_domain(domain) or domain or None

    def _by_domain(self, host: str) -> str | None:
        """The outlet of a web host or of any domain above it (edition.cnn.com)."""
        parts = host.split(".")
        for start in range(len(parts) - 1):
            known = self._outlet_domains.get(".".join(parts[start:]))
            if known:
                return known
        return None

    def _outlet_id(self, conn: Connection, slug: str, name: str | None) -> int:
        cached = self._outlet_ids.get(slug)
        if cached is not None:
            return cached
        row = conn.execute(select(outlets.c.id).where(outlets.c.slug == slug)).first()
        if row is None:
            known = self.catalogue.outlets.get(slug)
            label = known.name if known else (name or slug)
            row_id = _new_id(conn.execute(insert(outlets).values(slug=slug, name=label)))
        else:
            row_id = int(row.id)
        self._outlet_ids[slug] = row_id
        return row_id

    def _ensure_actors(self, conn: Connection) -> None:
        """Fill the actors table from the catalogue once, so views can show names."""
        if self._actors_ready:
            return
        present = set(conn.execute(select(actors.c.id)).scalars())
        rows = [
            {"id": s.id, "kind": "state", "name": s.name}
            for s in self.catalogue.states.values()
            if s.id not in present
        ] + [
            {"id": g.id, "kind": "group", "name": g.name}
            for g in self.catalogue.groups.values()
            if g.id not in present
        ]
        _insert_rows(conn, actors, rows)
        self._actors_ready = True


@dataclass(frozen=True, slots=True)
class _Adoption:
    """A stored text that takes the credit of a later item sharing its passages."""

    version_id: int
    origin: str
    note: str
    item: _Item


def _decide(items: list[_Item], item: _Item, sources: list[_Source]) -> list[_Adoption]:
    credit = main_credit(item.credits)
    adopted: list[_Adoption] = []
    if credit is not None:
        item.origin = credited(credit)
        fitting = [s for s in sources if s.origin == credit.outlet or s.basis is Basis.OUTLET]
        for source in sources:
            if source.basis is Basis.OUTLET and source.origin != credit.outlet:
                adopted += _adopt_credit(items, source, item, credit.outlet)
        _link(item, _best(fitting))
        return adopted
    best = _best(sources)
    if best is None:
        item.origin = own(item.outlet_key, f"article-{item.article_id}")
        return adopted
    item.origin = Origin(
        best.origin,
        Basis.SHARED,
        f"shares {best.overlap.shared} passages with article {best.article_id}",
    )
    item.origin_from, item.origin_item = best.version_id, best.item
    _link(item, best)
    return adopted


def _best(sources: list[_Source]) -> _Source | None:
    """The source to follow: the strongest origin, then the most passages shared, then
    the earliest text."""
    if not sources:
        return None
    return max(
        sources,
        key=lambda s: (s.basis.rank, s.overlap.shared, s.item is None, -(s.version_id or 0)),
    )


def _link(item: _Item, source: _Source | None) -> None:
    """Link the item to the earliest text of what it shares passages with."""
    if source is None:
        return
    item.similarity = source.overlap.share
    item.copy_of, item.copy_item = source.root_version, source.root_item


def _adopt_credit(items: list[_Item], source: _Source, item: _Item, outlet: str) -> list[_Adoption]:
    """An earlier text known only by its outlet takes the credit of a later one that
    shares its passages: it is an uncredited copy of what the later one credits."""
    note = f"shares passages with article {item.article_id}, which credits {outlet}"
    if source.item is None:
        assert source.version_id is not None
        return [_Adoption(source.version_id, outlet, note, item)]
    earlier = source.item
    followers = [i for i in items if i.origin_item is earlier]
    earlier.origin = Origin(outlet, Basis.SHARED, note)
    earlier.origin_from, earlier.origin_item = None, item
    for follower in followers:
        assert follower.origin is not None
        follower.origin = Origin(outlet, Basis.SHARED, follower.origin.note)
    return []


def _passage_hits(conn: Connection, items: list[_Item]) -> list[dict[int, set[int]]]:
    """Per item, the stored versions sharing at least ``MIN_SHARED`` of its passage
    fingerprints (the most sharing first, at most ``MAX_CANDIDATES``), with the
    fingerprints shared."""
    values = {v for i in items if i.prints for v in i.prints.hashes}
    holders: dict[int, list[int]] = defaultdict(list)
    for chunk in _chunks(sorted(values), EARLIEST_CHUNK):
        for fingerprint, version_id in conn.execute(
            _earliest_holders(len(chunk)), _numbered(chunk)
        ):
            holders[fingerprint].append(version_id)
    found: list[dict[int, set[int]]] = []
    for item in items:
        shared: dict[int, set[int]] = defaultdict(set)
        for value in set(item.prints.hashes) if item.prints else ():
            for version_id in holders.get(value, ()):
                shared[version_id].add(value)
        ranked = sorted(
            (v for v, common in shared.items() if len(common) >= MIN_SHARED),
            key=lambda v: (-len(shared[v]), v),
        )[:MAX_CANDIDATES]
        found.append({v: shared[v] for v in ranked})
    return found


@cache
def _earliest_holders(count: int) -> TextClause:
    """The earliest ``HOLDERS_PER_BUCKET`` texts holding each of ``count`` fingerprints,
    one index range read of that size per fingerprint: a fingerprint that boilerplate or
    a template spreads over thousands of texts costs no more than a rare one (reading
    and counting every holder took a fifth of the writer's time on generated news)."""
    one = (
        "SELECT fingerprint, version_id FROM (SELECT fingerprint, version_id FROM passages "
        "WHERE fingerprint = :f{n} ORDER BY version_id LIMIT {limit}) AS h{n}"
    )
    return text(" UNION ALL ".join(one.format(n=n, limit=HOLDERS_PER_BUCKET) for n in range(count)))


def _numbered(values: list[int]) -> dict[str, int]:
    return {f"f{n}": value for n, value in enumerate(values)}


def _same_story(item: _Item, triples: frozenset[tuple[str, str, str]]) -> bool:
    """Whether an earlier text can be the source of the item's reports: it reports one
    of the same transfers, or none (kept for its credit). Texts of one outlet or one
    template share stock sentences ("has delivered ... to ..., according to officials
    cited by Reuters") about different transfers."""
    return not triples or not item.triples or bool(triples & item.triples)


def _version_triples(conn: Connection, ids: set[int]) -> dict[int, frozenset[tuple[str, str, str]]]:
    found: dict[int, set[tuple[str, str, str]]] = defaultdict(set)
    for chunk in _chunks(sorted(ids)):
        for row in conn.execute(
            select(
                mentions.c.version_id,
                mentions.c.supplier,
                mentions.c.recipient,
                mentions.c.category,
            ).where(mentions.c.version_id.in_(chunk))
        ):
            found[row.version_id].add((row.supplier, row.recipient, row.category))
    return {version_id: frozenset(triples) for version_id, triples in found.items()}


def _stored_sources(
    item: _Item,
    hits: dict[int, set[int]],
    known: dict[int, Any],
    reported: dict[int, frozenset[tuple[str, str, str]]],
) -> list[_Source]:
    assert item.prints is not None
    sources = []
    for version_id, common in hits.items():
        row = known.get(version_id)
        if row is None or row.article_id == item.article_id:
            continue
        if not _same_story(item, reported.get(version_id, frozenset())):
            continue
        found = overlap(item.prints, common, row.passages or len(common), item.report_prints)
        if found.carries_report:
            sources.append(
                _Source(
                    found,
                    row.origin,
                    Basis(row.origin_basis) if row.origin_basis else Basis.SHARED,
                    row.article_id,
                    version_id=row.id,
                    root_version=row.duplicate_of or row.id,
                )
            )
    return sources


def _batch_sources(items: list[_Item], index: int, by_print: dict[int, list[int]]) -> list[_Source]:
    """Earlier items of the batch sharing the item's passages."""
    item = items[index]
    assert item.prints is not None
    shared: dict[int, set[int]] = defaultdict(set)
    for value in set(item.prints.hashes):
        for earlier in by_print.get(value, ()):
            shared[earlier].add(value)
    sources = []
    for earlier, common in sorted(shared.items()):
        other = items[earlier]
        if len(common) < MIN_SHARED or other.article_id == item.article_id:
            continue
        if not _same_story(item, other.triples):
            continue
        assert other.prints is not None and other.origin is not None
        found = overlap(item.prints, common, len(set(other.prints.hashes)), item.report_prints)
        if not found.carries_report:
            continue
        root_item = other.copy_item or (None if other.copy_of else other)
        sources.append(
            _Source(
                found,
                other.origin.key,
                other.origin.basis,
                other.article_id or 0,
                item=other,
                root_version=other.copy_of,
                root_item=root_item,
            )
        )
    return sources


def _adopt(conn: Connection, adopted: list[_Adoption]) -> set[int]:
    """Stored texts take the credit of a later item (and so do the texts that took
    their origin from them); their reports follow. Return the transfers to refresh."""
    touched: set[int] = set()
    for adoption in adopted:
        followers = list(
            conn.execute(
                select(article_versions.c.id).where(
                    article_versions.c.origin_from == adoption.version_id,
                    article_versions.c.origin_basis == Basis.SHARED.value,
                )
            ).scalars()
        )
        conn.execute(
            update(article_versions)
            .where(article_versions.c.id == adoption.version_id)
            .values(
                origin=adoption.origin,
                origin_basis=Basis.SHARED.value,
                origin_note=adoption.note,
                origin_from=adoption.item.version_id,
            )
        )
        ids = [adoption.version_id, *followers]
        if followers:
            conn.execute(
                update(article_versions)
                .where(article_versions.c.id.in_(followers))
                .values(origin=adoption.origin)
            )
        conn.execute(
            update(mentions).where(mentions.c.version_id.in_(ids)).values(origin=adoption.origin)
        )
        touched |= {
            t
            for t in conn.execute(
                select(mentions.c.transfer_id).where(mentions.c.version_id.in_(ids))
            ).scalars()
            if t is not None
        }
    return touched


def _check_merge(conn: Connection, survivor: int, absorbed: Sequence[int]) -> None:
    """Refuse a merge of missing or merged transfers, or of different triples."""
    ids = [survivor, *absorbed]
    if not absorbed or len(set(ids)) < len(ids):
        raise MergeRefused("name the transfer to keep and at least one other, each once")
    found = {
        row.id: row
        for row in conn.execute(
            select(
                transfers.c.id,
                transfers.c.supplier,
                transfers.c.recipient,
                transfers.c.category,
                transfers.c.merged_into,
            ).where(transfers.c.id.in_(ids))
        )
    }
    for transfer_id in ids:
        row = found.get(transfer_id)
        if row is None:
            raise MergeRefused(f"there is no transfer {transfer_id}")
        if row.merged_into is not None:
            raise MergeRefused(
                f"transfer {transfer_id} was merged into transfer {row.merged_into} already"
            )
    triples = {(r.supplier, r.recipient, r.category) for r in found.values()}
    if len(triples) > 1:
        shown = "; ".join(" ".join(t) for t in sorted(triples))
        raise MergeRefused(
            f"only transfers of one supplier, recipient and category can be merged ({shown})"
        )


def _mark(conn: Connection) -> tuple[Any, ...]:
    """The newest version, report and change ids: any writer's batch, and any merge,
    moves one of them."""
    versions = conn.execute(select(func.max(article_versions.c.id))).scalar()
    reports = conn.execute(select(func.max(mentions.c.id))).scalar()
    changes = conn.execute(select(func.max(transfer_changes.c.id))).scalar()
    return (versions, reports, changes)


def _stored_keys(conn: Connection, keys: list[str]) -> dict[str, int]:
    found: dict[str, int] = {}
    for chunk in _chunks(sorted(set(keys))):
        found.update(
            {
                row.key: row.id
                for row in conn.execute(
                    select(articles.c.id, articles.c.key).where(articles.c.key.in_(chunk))
                )
            }
        )
    return found


def _current_texts(conn: Connection, article_ids: set[int]) -> dict[int, str]:
    found: dict[int, str] = {}
    for chunk in _chunks(sorted(article_ids)):
        for row in conn.execute(
            select(article_versions.c.article_id, article_versions.c.text).where(
                article_versions.c.article_id.in_(chunk), article_versions.c.is_current
            )
        ):
            found[row.article_id] = row.text
    return found


def _stored_shas(conn: Connection, article_ids: list[int]) -> dict[int, set[str]]:
    found: dict[int, set[str]] = defaultdict(set)
    for chunk in _chunks(sorted(set(article_ids))):
        for row in conn.execute(
            select(article_versions.c.article_id, article_versions.c.sha256).where(
                article_versions.c.article_id.in_(chunk)
            )
        ):
            found[row.article_id].add(row.sha256)
    return found


def _retire(conn: Connection, items: list[_Item]) -> set[int]:
    """Older versions of re-read articles stop counting; their transfers need a refresh."""
    ids = sorted({i.article_id for i in items if i.article_id is not None})
    touched: set[int] = set()
    numbers: dict[int, int] = {}
    for chunk in _chunks(ids):
        touched |= {
            t
            for t in conn.execute(
                select(mentions.c.transfer_id)
                .join(article_versions, mentions.c.version_id == article_versions.c.id)
                .where(article_versions.c.article_id.in_(chunk), article_versions.c.is_current)
            ).scalars()
            if t is not None
        }
        for number_row in conn.execute(
            select(article_versions.c.article_id, func.max(article_versions.c.version))
            .where(article_versions.c.article_id.in_(chunk))
            .group_by(article_versions.c.article_id)
        ):
            numbers[number_row[0]] = number_row[1]
        conn.execute(
            update(article_versions)
            .where(article_versions.c.article_id.in_(chunk))
            .values(is_current=False)
        )
    for item in items:
        item.version = numbers.get(item.article_id or 0, 0) + 1
    return touched


def _versions_by_id(conn: Connection, ids: set[int]) -> dict[int, Any]:
    """Stored texts sharing passages, with their origin and where a copy link goes."""
    found: dict[int, Any] = {}
    for chunk in _chunks(sorted(ids)):
        for row in conn.execute(
            select(
                article_versions.c.id,
                article_versions.c.article_id,
                article_versions.c.duplicate_of,
                article_versions.c.origin,
                article_versions.c.origin_basis,
                article_versions.c.passages,
            ).where(article_versions.c.id.in_(chunk))
        ):
            found[row.id] = row
    return found


def _version_row(item: _Item) -> dict[str, Any]:
    return {
        "article_id": item.article_id,
        "version": item.version,
        "sha256": item.sha,
        "title": item.article.title,
        "text": item.article.text,
        "ingested_at": _now(),
        "duplicate_of": item.copy_of,
        "similarity": item.similarity,
        "origin": item.origin_key,
        "origin_basis": item.origin.basis.value if item.origin else None,
        "origin_note": item.origin.note if item.origin else None,
        "origin_from": item.origin_from,
        "passages": len(set(item.prints.hashes)) if item.prints else None,
        "warc_file": item.article.archived.file if item.article.archived else None,
        "warc_offset": item.article.archived.offset if item.article.archived else None,
        "is_current": True,
    }


# Spellings of an outlet's name to try against the catalogue, in order: as given, then
# without a parenthesised country, a leading "The", or a trailing site-name word.
_PARENTHESISED = re.compile(r"\s*\([^)]*\)")
_SITE_SUFFIX = re.compile(r"(?:\.com|\.co\.uk|\s+(?:News|Online|English|World))$", re.I)


def _spellings(name: str) -> list[str]:
    plain = _PARENTHESISED.sub("", name).strip()
    bare = plain.removeprefix("The ").removeprefix("the ")
    return list(dict.fromkeys([name, plain, bare, _SITE_SUFFIX.sub("", plain), f"The {bare}"]))


def _load_blocks(
    conn: Connection, triples: set[tuple[str, str, str]]
) -> dict[tuple[str, str, str], _Block]:
    """The stored transfers of every (supplier, recipient, category) the batch reports,
    with the event times and exact quantities their reports state."""
    blocks: dict[tuple[str, str, str], _Block] = {triple: _Block() for triple in triples}
    block = tuple_(transfers.c.supplier, transfers.c.recipient, transfers.c.category)
    for chunk in _chunks(sorted(triples)):
        stated: dict[int, list[MentionKey]] = defaultdict(list)
        for report in conn.execute(
            select(
                mentions.c.transfer_id,
                mentions.c.systems,
                mentions.c.families,
                mentions.c.reported_on,
                mentions.c.times,
                mentions.c.status,
                mentions.c.quantity,
                mentions.c.quantity_approximate,
            ).where(
                tuple_(mentions.c.supplier, mentions.c.recipient, mentions.c.category).in_(chunk)
            )
        ):
            if report.transfer_id is not None and (report.times or report.quantity is not None):
                stated[report.transfer_id].append(_mention_key(report._mapping))
        for row in conn.execute(
            select(transfers).where(block.in_(chunk), transfers.c.merged_into.is_(None))
        ):
            key = TransferKey(
                row.id,
                _split(row.systems),
                _split(row.families),
                row.first_reported,
                row.last_reported,
                stage=int(Status.parse(row.status)),
            )
            for mention in stated.get(row.id, ()):
                key = replace(
                    key,
                    times=key.times | stated_times(mention),
                    quantities=key.quantities | mention.quantities,
                )
            blocks[(row.supplier, row.recipient, row.category)].candidates.append(key)
    return blocks


def _mention_key(row: Any) -> MentionKey:
    """What resolution compares of a report, from its row (stored or about to be)."""
    quantity = row["quantity"]
    exact = quantity is not None and not row["quantity_approximate"]
    return MentionKey(
        _split(row["systems"]),
        _split(row["families"]),
        row["reported_on"],
        _split(row["times"]),
        frozenset({(row["status"], quantity)}) if exact else frozenset(),
        int(Status.parse(row["status"])),
    )


def _resolve(
    blocks: dict[tuple[str, str, str], _Block],
    transfer: Transfer,
    key: MentionKey,
    created: list[dict[str, Any]],
) -> tuple[int, str]:
    """The resolved transfer a report belongs to, and why. A new one, when none fits,
    gets a provisional id above every stored id (so stored transfers still win ties)
    and its row joins ``created``, inserted in bulk once the batch is resolved."""
    block = blocks[(transfer.supplier.id, transfer.recipient.id, transfer.category.value)]
    chosen, reason = choose_transfer(key, block.candidates)
    if chosen is None:
        chosen = PROVISIONAL + len(created)
        created.append(
            {
                "supplier": transfer.supplier.id,
                "recipient": transfer.recipient.id,
                "category": transfer.category.value,
                "status": transfer.status.label,
                "systems": SEPARATOR.join(sorted(key.systems)),
                "families": SEPARATOR.join(sorted(key.families)),
                "first_reported": key.reported_on,
                "last_reported": key.reported_on,
            }
        )
        block.candidates.append(
            TransferKey(
                chosen,
                key.systems,
                key.families,
                key.reported_on,
                key.reported_on,
                stated_times(key),
                key.quantities,
                key.stage,
            )
        )
        return chosen, reason
    index = next(i for i, c in enumerate(block.candidates) if c.id == chosen)
    block.candidates[index] = _widen(block.candidates[index], key)
    return chosen, reason


def _insert_created(
    conn: Connection,
    created: list[dict[str, Any]],
    rows: list[dict[str, Any]],
    blocks: list[_Block],
) -> None:
    """Insert the batch's new transfers in one statement; swap provisional ids for real ones."""
    inserted = _insert_ids(conn, transfers, created)
    real = {PROVISIONAL + n: new_id for n, new_id in enumerate(inserted)}
    for row in rows:
        row["transfer_id"] = real.get(row["transfer_id"], row["transfer_id"])
    for block in blocks:
        block.candidates = [
            replace(c, id=real[c.id]) if c.id >= PROVISIONAL else c for c in block.candidates
        ]


def _widen(candidate: TransferKey, key: MentionKey) -> TransferKey:
    dates = [d for d in (candidate.first_reported, candidate.last_reported, key.reported_on) if d]
    return TransferKey(
        candidate.id,
        candidate.systems | key.systems,
        candidate.families | key.families,
        min(dates, default=None),
        max(dates, default=None),
        candidate.times | stated_times(key),
        candidate.quantities | key.quantities,
        max(candidate.stage, key.stage),
    )


def _summary(transfer_id: int, rows: list[Any], deniers: set[str]) -> dict[str, Any]:
    if not rows:
        return {"tid": transfer_id, "reports": 0, "outlets": 0, "origins": 0, "updated_at": _now()}
    dated = [r.reported_on for r in rows if r.reported_on is not None]
    # The largest number reported: an order's size, not its first delivered batch.
    counted = sorted((r for r in rows if r.quantity is not None), key=lambda r: r.quantity)
    return {
        "tid": transfer_id,
        "updated_at": _now(),
        "status": max(Status.parse(r.status) for r in rows).label,
        "systems": SEPARATOR.join(sorted({s for r in rows for s in _split(r.systems)})),
        "families": SEPARATOR.join(sorted({s for r in rows for s in _split(r.families)})),
        "quantity": counted[-1].quantity if counted else None,
        "first_reported": min(dated, default=None),
        "last_reported": max(dated, default=None),
        "reports": len(rows),
        # Articles of no known outlet are one "unknown outlet", not one outlet each.
        "outlets": len({r.outlet_id for r in rows}),
        "origins": len({r.origin for r in rows}),
        "deniers": SEPARATOR.join(sorted(deniers)),
    }


# The summary columns whose every change is logged ("dates, origins or denials").
TRACKED = ("status", "quantity", "systems", "first_reported", "last_reported", "origins", "deniers")
_TRACKED_COLUMNS = tuple(transfers.c[name] for name in TRACKED)


def _changes(before: Any, summary: dict[str, Any], mention_id: int | None) -> list[dict[str, Any]]:
    """Change-log rows for one refreshed transfer: a new one (no report before) logs each
    value it starts with, an existing one each value that moved."""
    created = before is None or not before.reports
    at = summary["updated_at"]
    rows = []
    for name in TRACKED:
        if name not in summary:
            continue
        old = None if created else _as_text(getattr(before, name))
        new = _as_text(summary[name])
        if old != new and not (created and new is None):
            rows.append(
                {
                    "transfer_id": summary["tid"],
                    "mention_id": mention_id,
                    "at": at,
                    "field": name,
                    "old": old,
                    "new": new,
                }
            )
    return rows


def _as_text(value: Any) -> str | None:
    if value is None or value == "":
        return None
    return value.isoformat() if isinstance(value, date) else str(value)


def _claim_row(mention_id: int, c: Claim) -> dict[str, Any]:
    return {
        "mention_id": mention_id,
        "stance": c.stance.value,
        "status": c.status.label if c.status else None,
        "speaker": c.speaker.text if c.speaker else None,
        "speaker_actor": c.speaker.actor.id if c.speaker and c.speaker.actor else None,
        "speaker_role": c.speaker.role if c.speaker else None,
        "speaker_outlet": c.speaker.outlet if c.speaker else None,
        "speaker_count": c.speaker.count if c.speaker else None,
        "hedges": SEPARATOR.join(c.hedges),
        "start": c.evidence.start,
        "end": c.evidence.end,
    }


def _record_events(conn: Connection, reports: list[tuple[int, str, date | None, int]]) -> None:
    """Keep the earliest report of each status of each transfer."""
    existing: dict[tuple[int, str], Any] = {}
    for chunk in _chunks(sorted({r[0] for r in reports})):
        for row in conn.execute(
            select(status_events).where(status_events.c.transfer_id.in_(chunk))
        ):
            existing[(row.transfer_id, row.status)] = row
    best: dict[tuple[int, str], tuple[date | None, int]] = {}
    for transfer_id, status, reported_on, mention_id in reports:
        slot = (transfer_id, status)
        current = best.get(slot)
        stored = existing.get(slot)
        baseline = current[0] if current else (stored.reported_on if stored else None)
        if (current is None and stored is None) or (
            reported_on and (baseline is None or reported_on < baseline)
        ):
            best[slot] = (reported_on, mention_id)
    inserts = [
        {"transfer_id": t, "status": s, "reported_on": d, "mention_id": m}
        for (t, s), (d, m) in best.items()
        if (t, s) not in existing
    ]
    changes = [
        {"eid": existing[(t, s)].id, "reported_on": d, "mention_id": m}
        for (t, s), (d, m) in best.items()
        if (t, s) in existing
    ]
    _insert_rows(conn, status_events, inserts)
    if changes:
        conn.execute(update(status_events).where(status_events.c.id == bindparam("eid")), changes)


def _chunks(values: Sequence[T], size: int = CHUNK) -> Iterator[list[T]]:
    for start in range(0, len(values), size):
        yield list(values[start : start + size])


def article_key(article: Article) -> str:
    """What identifies an article across runs: its URL, else its file and id."""
    if article.url:
        return article.url
    source = _LINE_SUFFIX.sub("", article.source or "")
    return f"{source}#{article.id}"


def _new_id(result: CursorResult[Any]) -> int:
    key = result.inserted_primary_key
    assert key is not None
    return int(key[0])


def _split(value: str | None) -> frozenset[str]:
    return frozenset(v for v in (value or "").split(SEPARATOR) if v)


def _sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def _insert_rows(conn: Connection, table: Table, rows: list[dict[str, Any]]) -> None:
    """Insert rows in one batched statement; nothing at all for no rows.

    SQLAlchemy turns an INSERT with an empty parameter list into ``INSERT ... DEFAULT
    VALUES``, one row of nulls: every list written here may be empty (most articles
    report no transfer), so every batched insert goes through this guard.
    """
    if not rows:
        return
    if conn.dialect.name == "sqlite":
        plain = _plain_insert(conn, table, rows)
        if plain is not None:
            conn.exec_driver_sql(*plain)
            return
    conn.execute(insert(table), rows)


def _plain_insert(
    conn: Connection, table: Table, rows: list[dict[str, Any]]
) -> tuple[str, list[tuple[Any, ...]]] | None:
    """The statement and parameter rows of a SQLite executemany of ``rows``, the columns'
    own conversions applied (dates to text), or None when the rows do not all set the
    same columns or a column left out has a default computed in Python.

    SQLAlchemy builds and checks a parameter dictionary per row in Python before the
    driver sees it; for the passage fingerprints (a hundred rows per reporting article)
    and the change log that was a fifth of the store's write time (measured: 0.7 s of
    3.6 s for 3,000 articles).
    """
    names = list(rows[0])
    same = rows[0].keys()
    if any(row.keys() != same for row in rows) or any(n not in table.c for n in names):
        return None
    defaults = [c for c in table.c if c.name not in same and c.default is not None]
    if any(not c.default.is_scalar for c in defaults):  # type: ignore[union-attr]
        return None
    columns = [table.c[n] for n in names] + defaults
    fixed = [c.default.arg for c in defaults]  # type: ignore[union-attr]
    converters = [
        (place, process)
        for place, column in enumerate(columns)
        if (process := column.type.bind_processor(conn.dialect)) is not None
    ]
    values: list[tuple[Any, ...]] = []
    for row in rows:
        value = [row[n] for n in names] + fixed
        for place, process in converters:
            value[place] = process(value[place])
        values.append(tuple(value))
    quote = conn.dialect.identifier_preparer.quote
    sql = (
        f"INSERT INTO {quote(table.name)} ({', '.join(quote(c.name) for c in columns)}) "
        f"VALUES ({', '.join('?' * len(columns))})"
    )
    return sql, values


def _insert_ids(conn: Connection, table: Table, rows: list[dict[str, Any]]) -> list[int]:
    """Insert rows in one batched statement; return their ids in the rows' order.

    The ids are drawn before the insert: the writer holds the store's write lock, so no
    one else numbers rows meanwhile. An INSERT ... RETURNING in parameter order makes
    SQLAlchemy fall back to one INSERT per row on SQLite (measured: ~0.15 ms a row).
    """
    if not rows:
        return []
    if conn.dialect.name == "postgresql":
        return _insert_numbered(conn, table, rows)
    # SQLite numbers a new row one above the largest id (no row is ever deleted): the
    # same ids it would give them itself.
    first = conn.execute(select(func.coalesce(func.max(table.c.id), 0))).scalar_one() + 1
    ids = list(range(first, first + len(rows)))
    _insert_rows(conn, table, [{**row, "id": i} for row, i in zip(rows, ids, strict=True)])
    return ids


def _insert_numbered(conn: Connection, table: Table, rows: list[dict[str, Any]]) -> list[int]:
    """PostgreSQL: draw the ids from the table's sequence, then insert the rows with them.

    An INSERT ... RETURNING of many rows is sent as one huge statement that psycopg parses
    in Python (measured: a quarter of PostgreSQL's write time); a plain executemany goes
    through psycopg's pipeline with one short statement.
    """
    if not rows:
        return []
    ids = sorted(
        conn.execute(
            text(
                "SELECT nextval(pg_get_serial_sequence(:table, 'id')) FROM generate_series(1, :n)"
            ),
            {"table": table.name, "n": len(rows)},
        ).scalars()
    )
    conn.execute(insert(table), [{**row, "id": i} for row, i in zip(rows, ids, strict=True)])
    return ids
