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
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime
from typing import Any, TypeVar
from urllib.parse import urlsplit

from sqlalchemy import (
    Connection,
    CursorResult,
    Table,
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
from armstrack.records import Added, Article, Claim, Extraction, Stance, Status, Transfer
from armstrack.resolve import MentionKey, TransferKey, choose_transfer, report_origin
from armstrack.resolve.duplicates import THRESHOLD, Signature, signature
from armstrack.store.schema import (
    actors,
    article_versions,
    articles,
    claims,
    evidence,
    mentions,
    minhash_bands,
    outlets,
    status_events,
    transfers,
)
from armstrack.store.versions import counting, related, separate_key

_LINE_SUFFIX = re.compile(r":\d+\Z")
MIN_SHARED_BANDS = 2  # one shared band is common between unrelated texts on one story
MAX_CANDIDATES = 20
MAX_CACHED_BLOCKS = 20_000  # (supplier, recipient, category) blocks kept in memory
HOLDERS_PER_BUCKET = 3  # earliest texts read per LSH bucket
MAX_BUCKET_SIZE = 1024  # texts per LSH bucket beyond which the bucket is ignored
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
    signature: Signature | None = None
    version_id: int | None = None
    origin: str = ""
    copy_of: int | None = None  # version id of the earliest near-identical copy
    copy_item: _Item | None = None  # or an earlier item of this batch
    similarity: float | None = None


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
        """Insert new articles and every item's version; return transfers to refresh."""
        stored = _stored_keys(conn, [i.key for i in items])
        new = [i for i in items if i.key not in stored]
        if new:
            rows = [self._article_row(conn, i) for i in new]
            for row, article_id in zip(
                rows, _insert_ids(conn, articles, rows, ("key",)), strict=True
            ):
                stored[row["key"]] = article_id
        for item in items:
            item.article_id = stored[item.key]
        touched = _retire(conn, [i for i in items if i.key not in {n.key for n in new}])
        self._find_copies(conn, items)
        for item in items:
            cited = self._cited(c for t in item.extraction.transfers for c in t.claims)
            own = report_origin(cited, item.outlet_key, f"article-{item.article_id}")
            if item.copy_item is not None:
                item.origin = item.copy_item.origin
            elif not item.origin:
                item.origin = own
        ids = _insert_ids(
            conn, article_versions, [_version_row(i) for i in items], ("article_id", "version")
        )
        for item, version_id in zip(items, ids, strict=True):
            item.version_id = version_id
        for item in items:
            if item.copy_item is not None:
                item.copy_of = item.copy_item.copy_of or item.copy_item.version_id
                conn.execute(
                    update(article_versions)
                    .where(article_versions.c.id == item.version_id)
                    .values(duplicate_of=item.copy_of)
                )
        _insert_rows(
            conn,
            minhash_bands,
            [
                {"bucket": b, "version_id": i.version_id}
                for i in items
                if i.signature
                for b in i.signature.bands
            ],
        )
        return touched

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

    def _find_copies(self, conn: Connection, items: list[_Item]) -> None:
        """Link each text that reports a transfer to the earliest stored (or earlier
        batched) near-identical copy.

        A copy matters where it would count twice as an independent source of a
        transfer; a text reporting none gets no signature and is not searched (measured:
        a third of the writer's time on a 100,000-article store, where three articles in
        four report no transfer).
        """
        for item in items:
            if item.extraction.transfers:
                item.signature = signature(item.article.text)
        buckets = {b for i in items if i.signature for b in i.signature.bands}
        holders: dict[bytes, list[int]] = defaultdict(list)
        for chunk in _chunks(sorted(buckets)):
            # A bucket shared by very many texts comes from boilerplate, like a stop word:
            # it tells nothing, and reading it would cost more with every article stored.
            sizes = conn.execute(
                select(minhash_bands.c.bucket, func.count())
                .where(minhash_bands.c.bucket.in_(chunk))
                .group_by(minhash_bands.c.bucket)
            ).all()
            useful = [bucket for bucket, size in sizes if size <= MAX_BUCKET_SIZE]
            if not useful:
                continue
            # Of the others, only the earliest few texts: copies link to the earliest copy.
            place = func.row_number().over(
                partition_by=minhash_bands.c.bucket, order_by=minhash_bands.c.version_id
            )
            earliest = (
                select(minhash_bands.c.bucket, minhash_bands.c.version_id, place.label("place"))
                .where(minhash_bands.c.bucket.in_(useful))
                .subquery()
            )
            for row in conn.execute(
                select(earliest.c.bucket, earliest.c.version_id).where(
                    earliest.c.place <= HOLDERS_PER_BUCKET
                )
            ):
                holders[row.bucket].append(row.version_id)
        wanted: list[list[int]] = []
        for item in items:
            if item.signature is None:
                wanted.append([])
                continue
            hits: dict[int, int] = defaultdict(int)
            for bucket in item.signature.bands:
                for version_id in holders.get(bucket, ()):
                    hits[version_id] += 1
            ranked = sorted(
                (v for v, n in hits.items() if n >= MIN_SHARED_BANDS), key=lambda v: (-hits[v], v)
            )
            wanted.append(ranked[:MAX_CANDIDATES])
        known = _versions_by_id(conn, {v for ids in wanted for v in ids})
        batch_buckets: dict[bytes, list[int]] = defaultdict(list)
        for index, item in enumerate(items):
            if item.signature is None:
                continue
            for version_id in sorted(wanted[index]):
                candidate = known.get(version_id)
                if (
                    candidate is None
                    or candidate.article_id == item.article_id
                    or candidate.minhash is None
                ):
                    continue
                row = candidate
                similarity = item.signature.similarity(Signature.from_bytes(row.minhash))
                if similarity >= THRESHOLD:
                    item.copy_of = row.duplicate_of or row.id
                    item.origin = row.root_origin
                    item.similarity = round(similarity, 3)
                    break
            if item.copy_of is None:
                self._copy_in_batch(items, index, batch_buckets)
            for bucket in item.signature.bands:
                batch_buckets[bucket].append(index)

    @staticmethod
    def _copy_in_batch(items: list[_Item], index: int, buckets: dict[bytes, list[int]]) -> None:
        """An earlier article of the same batch this one nearly repeats, via shared buckets."""
        item = items[index]
        assert item.signature is not None
        shared: dict[int, int] = defaultdict(int)
        for bucket in item.signature.bands:
            for earlier in buckets.get(bucket, ()):
                shared[earlier] += 1
        for earlier in sorted(e for e, n in shared.items() if n >= MIN_SHARED_BANDS):
            other = items[earlier]
            assert other.signature is not None
            similarity = item.signature.similarity(other.signature)
            if other.article_id != item.article_id and similarity >= THRESHOLD:
                item.copy_item = other
                item.similarity = round(similarity, 3)
                return

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
            key = MentionKey(
                _split(row["systems"]), _split(row["families"]), item.article.published
            )
            row["transfer_id"] = _resolve(blocks, transfer, key, created)
            rows.append(row)
        if created:
            _insert_created(conn, created, rows, [blocks[triple] for triple in wanted])
        # One report per (article version, supplier, recipient, category): the extractor
        # merges the rest, so these columns identify a row.
        inserted = _insert_ids(
            conn, mentions, rows, ("version_id", "supplier", "recipient", "category")
        )
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
        origin = item.origin
        if item.copy_of is None and item.copy_item is None:
            origin = report_origin(self._cited(transfer.claims), item.outlet_key, item.origin)
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
        for chunk in _chunks(sorted(transfer_ids)):
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
            updates += [
                _summary(tid, reports.get(tid, []), deniers.get(tid, set())) for tid in chunk
            ]
        # One statement per shape: a transfer left without reports updates fewer columns.
        shapes: dict[tuple[str, ...], list[dict[str, Any]]] = defaultdict(list)
        for summary in updates:
            shapes[tuple(sorted(summary))].append(summary)
        for rows in shapes.values():
            conn.execute(update(transfers).where(transfers.c.id == bindparam("tid")), rows)

    # -- outlets and actors ----------------------------------------------------------

    def outlet_key(self, article: Article) -> str | None:
        """The catalogue id of the publishing outlet, else its name or web domain."""
        if article.outlet:
            known = self._outlet_names.get(name_key(article.outlet))
            return known or "-".join(article.outlet.lower().split())
        if article.url:
            domain = urlsplit(article.url).netloc.lower().removeprefix("www.")
            return self._outlet_domains.get(domain, domain or None)
        return None

    def _cited(self, claim_list: Iterable[Claim]) -> list[str]:
        cited = []
        for claim in claim_list:
            speaker = claim.speaker
            if speaker and speaker.outlet and claim.stance in (Stance.ASSERTS, Stance.CONFIRMS):
                cited.append(
                    self._outlet_names.get(name_key(speaker.outlet), name_key(speaker.outlet))
                )
        return cited

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


def _mark(conn: Connection) -> tuple[Any, ...]:
    """The newest version and report ids: any writer's batch moves one of them."""
    versions = conn.execute(select(func.max(article_versions.c.id))).scalar()
    reports = conn.execute(select(func.max(mentions.c.id))).scalar()
    return (versions, reports)


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
    """Candidate copies with what is needed to compare them and to find their root."""
    root = article_versions.alias("root")
    found: dict[int, Any] = {}
    for chunk in _chunks(sorted(ids)):
        for row in conn.execute(
            select(
                article_versions.c.id,
                article_versions.c.article_id,
                article_versions.c.duplicate_of,
                article_versions.c.minhash,
                func.coalesce(root.c.origin, article_versions.c.origin).label("root_origin"),
            )
            .outerjoin(root, root.c.id == article_versions.c.duplicate_of)
            .where(article_versions.c.id.in_(chunk))
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
        "origin": item.origin,
        "minhash": item.signature.to_bytes() if item.signature else None,
        "is_current": True,
    }


def _load_blocks(
    conn: Connection, triples: set[tuple[str, str, str]]
) -> dict[tuple[str, str, str], _Block]:
    """The stored transfers of every (supplier, recipient, category) the batch reports."""
    blocks: dict[tuple[str, str, str], _Block] = {triple: _Block() for triple in triples}
    block = tuple_(transfers.c.supplier, transfers.c.recipient, transfers.c.category)
    for chunk in _chunks(sorted(triples)):
        for row in conn.execute(select(transfers).where(block.in_(chunk))):
            blocks[(row.supplier, row.recipient, row.category)].candidates.append(
                TransferKey(
                    row.id,
                    _split(row.systems),
                    _split(row.families),
                    row.first_reported,
                    row.last_reported,
                )
            )
    return blocks


def _resolve(
    blocks: dict[tuple[str, str, str], _Block],
    transfer: Transfer,
    key: MentionKey,
    created: list[dict[str, Any]],
) -> int:
    """The resolved transfer a report belongs to. A new one, when none fits, gets a
    provisional id above every stored id (so stored transfers still win ties) and its
    row joins ``created``, inserted in bulk once the batch is resolved."""
    block = blocks[(transfer.supplier.id, transfer.recipient.id, transfer.category.value)]
    chosen = choose_transfer(key, block.candidates)
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
            TransferKey(chosen, key.systems, key.families, key.reported_on, key.reported_on)
        )
        return chosen
    index = next(i for i, c in enumerate(block.candidates) if c.id == chosen)
    block.candidates[index] = _widen(block.candidates[index], key)
    return chosen


def _insert_created(
    conn: Connection,
    created: list[dict[str, Any]],
    rows: list[dict[str, Any]],
    blocks: list[_Block],
) -> None:
    """Insert the batch's new transfers in one statement; swap provisional ids for real ones."""
    inserted = _insert_ids(conn, transfers, created, ())
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
        "outlets": len({r.outlet_id or -r.article_id for r in rows}),
        "origins": len({r.origin for r in rows}),
        "deniers": SEPARATOR.join(sorted(deniers)),
    }


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


def _chunks(values: Sequence[T]) -> Iterator[list[T]]:
    for start in range(0, len(values), CHUNK):
        yield list(values[start : start + CHUNK])


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
    if rows:
        conn.execute(insert(table), rows)


def _insert_ids(
    conn: Connection, table: Table, rows: list[dict[str, Any]], key: tuple[str, ...]
) -> list[int]:
    """Insert rows in one batched statement; return their ids in the rows' order.

    The ids are matched back through columns that identify a row: asking for RETURNING
    in parameter order instead makes SQLAlchemy fall back to one INSERT per row on
    SQLite, which cost ~0.15 ms a row, a sixth of the store's time per article.
    """
    if not rows:
        return []
    if conn.dialect.name == "postgresql":
        return _insert_numbered(conn, table, rows)
    if not key and conn.dialect.name == "sqlite":
        # SQLite numbers the rows of one multi-row INSERT in order (each new rowid is one
        # above the largest), and the batches run in order: ascending ids are row order.
        returned_ids = conn.execute(insert(table).returning(table.c.id), rows).scalars()
        return sorted(returned_ids)
    keys = [tuple(row[k] for k in key) for row in rows]
    if not key or len(set(keys)) < len(keys):  # nothing identifies a row: ordered path
        ordered = conn.execute(
            insert(table).returning(table.c.id, sort_by_parameter_order=True), rows
        )
        return [row.id for row in ordered]
    returned = conn.execute(
        insert(table).returning(table.c.id, *(table.c[k] for k in key)), rows
    ).all()
    ids = {tuple(row[1:]): row.id for row in returned}
    return [ids[k] for k in keys]


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
