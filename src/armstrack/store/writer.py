"""The single writing path of the store: articles, versions, reports and resolution.

Every write goes through ``Writer.store`` inside a transaction the caller opens, one
per batch, so a killed run loses at most its open batch and a re-run skips what is
already stored (same key, same text).
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any
from urllib.parse import urlsplit

from sqlalchemy import Connection, CursorResult, and_, func, insert, select, tuple_, update

from armstrack.catalogue import Catalogue
from armstrack.catalogue.normalise import key as name_key
from armstrack.records import (
    Added,
    Article,
    Claim,
    Extraction,
    Stance,
    Status,
    Transfer,
)
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

_LINE_SUFFIX = re.compile(r":\d+\Z")
SEPARATOR = "; "


@dataclass(frozen=True, slots=True)
class _Version:
    id: int
    article_id: int
    origin: str
    duplicate_of: int | None


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

    # -- articles -------------------------------------------------------------------

    def lookup(self, conn: Connection, article: Article) -> tuple[int | None, Added]:
        """Whether ``article`` is new, unchanged or a new version of a stored one."""
        found = conn.execute(
            select(articles.c.id).where(articles.c.key == article_key(article))
        ).first()
        if found is None:
            return None, Added.NEW
        same = conn.execute(
            select(article_versions.c.id).where(
                article_versions.c.article_id == found.id,
                article_versions.c.sha256 == _sha256(article.text),
            )
        ).first()
        return found.id, Added.UNCHANGED if same else Added.NEW_VERSION

    def store(self, conn: Connection, article: Article, extraction: Extraction) -> Added:
        """Store one article and its transfers; resolve them against what is stored."""
        self._ensure_actors(conn)
        article_id, status = self.lookup(conn, article)
        if status is Added.UNCHANGED:
            return status
        outlet_key = self.outlet_key(article)
        if article_id is None:
            article_id = self._insert_article(conn, article, outlet_key)
        touched = self._retire_versions(conn, article_id)
        version = self._insert_version(conn, article_id, article, extraction, outlet_key)
        for transfer in extraction.transfers:
            touched.add(self._store_mention(conn, version, article, transfer, outlet_key))
        for transfer_id in touched:
            self._refresh_transfer(conn, transfer_id)
        return status

    def _insert_article(self, conn: Connection, article: Article, outlet_key: str | None) -> int:
        outlet_id = self._outlet_id(conn, outlet_key, article.outlet) if outlet_key else None
        result = conn.execute(
            insert(articles).values(
                key=article_key(article),
                url=article.url,
                outlet_id=outlet_id,
                published=article.published,
                source=article.source,
                first_seen=_now(),
            )
        )
        return _new_id(result)

    def _retire_versions(self, conn: Connection, article_id: int) -> set[int]:
        """Mark older versions as not current; return the transfers they reported."""
        old = conn.execute(
            select(mentions.c.transfer_id)
            .join(article_versions, mentions.c.version_id == article_versions.c.id)
            .where(article_versions.c.article_id == article_id, article_versions.c.is_current)
        ).scalars()
        touched = {t for t in old if t is not None}
        conn.execute(
            update(article_versions)
            .where(article_versions.c.article_id == article_id)
            .values(is_current=False)
        )
        return touched

    def _insert_version(
        self,
        conn: Connection,
        article_id: int,
        article: Article,
        extraction: Extraction,
        outlet_key: str | None,
    ) -> _Version:
        number = conn.execute(
            select(func.coalesce(func.max(article_versions.c.version), 0)).where(
                article_versions.c.article_id == article_id
            )
        ).scalar_one()
        sig = signature(article.text)
        copy_of = _earliest_copy(conn, article_id, sig)
        cited = self._cited([c for t in extraction.transfers for c in t.claims])
        origin = (
            copy_of.origin if copy_of else report_origin(cited, outlet_key, f"article-{article_id}")
        )
        result = conn.execute(
            insert(article_versions).values(
                article_id=article_id,
                version=number + 1,
                sha256=_sha256(article.text),
                title=article.title,
                text=article.text,
                ingested_at=_now(),
                duplicate_of=copy_of.id if copy_of else None,
                similarity=copy_of_similarity(conn, copy_of, sig),
                origin=origin,
                minhash=sig.to_bytes(),
                is_current=True,
            )
        )
        version_id = _new_id(result)
        conn.execute(
            insert(minhash_bands),
            [
                {"band": band, "bucket": bucket, "version_id": version_id}
                for band, bucket in sig.bands()
            ],
        )
        return _Version(version_id, article_id, origin, copy_of.id if copy_of else None)

    # -- reports and resolution ------------------------------------------------------

    def _store_mention(
        self,
        conn: Connection,
        version: _Version,
        article: Article,
        transfer: Transfer,
        outlet_key: str | None,
    ) -> int:
        origin = version.origin
        if version.duplicate_of is None:
            origin = report_origin(self._cited(transfer.claims), outlet_key, version.origin)
        systems = [s.name for s in transfer.systems]
        families = sorted({s.family or s.name for s in transfer.systems})
        quantity = transfer.quantity
        row = {
            "version_id": version.id,
            "supplier": transfer.supplier.id,
            "recipient": transfer.recipient.id,
            "category": transfer.category.value,
            "status": transfer.status.label,
            "systems": SEPARATOR.join(systems),
            "families": SEPARATOR.join(families),
            "quantity": quantity.value if quantity else None,
            "quantity_approximate": quantity.approximate if quantity else None,
            "reported_on": article.published,
            "times": SEPARATOR.join(dict.fromkeys(t.value for t in transfer.times)),
            "routes": SEPARATOR.join(dict.fromkeys(r.via or r.mode or "" for r in transfer.routes)),
            "origin": origin,
        }
        mention_id = _new_id(conn.execute(insert(mentions).values(**row)))
        _insert_claims(conn, mention_id, transfer.claims)
        if transfer.evidence:
            conn.execute(
                insert(evidence),
                [
                    {"mention_id": mention_id, "start": s.start, "end": s.end}
                    for s in transfer.evidence
                ],
            )
        key = MentionKey(frozenset(systems), frozenset(families), article.published)
        transfer_id = self._resolve(conn, transfer, key)
        conn.execute(
            update(mentions).where(mentions.c.id == mention_id).values(transfer_id=transfer_id)
        )
        _record_event(conn, transfer_id, transfer.status, article.published, mention_id)
        return transfer_id

    def _resolve(self, conn: Connection, transfer: Transfer, key: MentionKey) -> int:
        """The resolved transfer this report belongs to; a new one if none fits."""
        block = and_(
            transfers.c.supplier == transfer.supplier.id,
            transfers.c.recipient == transfer.recipient.id,
            transfers.c.category == transfer.category.value,
        )
        candidates = [
            TransferKey(
                row.id,
                _split(row.systems),
                _split(row.families),
                row.first_reported,
                row.last_reported,
            )
            for row in conn.execute(select(transfers).where(block))
        ]
        chosen = choose_transfer(key, candidates)
        if chosen is not None:
            return chosen
        result = conn.execute(
            insert(transfers).values(
                supplier=transfer.supplier.id,
                recipient=transfer.recipient.id,
                category=transfer.category.value,
                status=transfer.status.label,
                systems=SEPARATOR.join(sorted(key.systems)),
                families=SEPARATOR.join(sorted(key.families)),
                first_reported=key.reported_on,
                last_reported=key.reported_on,
            )
        )
        return _new_id(result)

    def _refresh_transfer(self, conn: Connection, transfer_id: int) -> None:
        """Recompute a transfer's summary from its current reports."""
        rows = conn.execute(
            select(
                mentions.c.status,
                mentions.c.systems,
                mentions.c.families,
                mentions.c.quantity,
                mentions.c.reported_on,
                mentions.c.origin,
                articles.c.outlet_id,
                articles.c.id.label("article_id"),
            )
            .join(article_versions, mentions.c.version_id == article_versions.c.id)
            .join(articles, article_versions.c.article_id == articles.c.id)
            .where(mentions.c.transfer_id == transfer_id, article_versions.c.is_current)
        ).all()
        if not rows:
            conn.execute(
                update(transfers)
                .where(transfers.c.id == transfer_id)
                .values(reports=0, outlets=0, origins=0)
            )
            return
        deniers = conn.execute(
            select(claims.c.speaker_actor)
            .distinct()
            .join(mentions, claims.c.mention_id == mentions.c.id)
            .join(article_versions, mentions.c.version_id == article_versions.c.id)
            .where(
                mentions.c.transfer_id == transfer_id,
                article_versions.c.is_current,
                claims.c.stance == Stance.DENIES.value,
                claims.c.speaker_actor.is_not(None),
            )
        ).scalars()
        dated = [r for r in rows if r.reported_on is not None]
        counted = sorted(
            (r for r in rows if r.quantity is not None), key=lambda r: r.reported_on or date.min
        )
        conn.execute(
            update(transfers)
            .where(transfers.c.id == transfer_id)
            .values(
                status=max(Status.parse(r.status) for r in rows).label,
                systems=SEPARATOR.join(sorted({s for r in rows for s in _split(r.systems)})),
                families=SEPARATOR.join(sorted({s for r in rows for s in _split(r.families)})),
                quantity=counted[-1].quantity if counted else None,
                first_reported=min((r.reported_on for r in dated), default=None),
                last_reported=max((r.reported_on for r in dated), default=None),
                reports=len(rows),
                outlets=len({r.outlet_id or -r.article_id for r in rows}),
                origins=len({r.origin for r in rows}),
                deniers=SEPARATOR.join(sorted(d for d in deniers if d)),
            )
        )

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
        if rows:
            conn.execute(insert(actors), rows)
        self._actors_ready = True


def article_key(article: Article) -> str:
    """What identifies an article across runs: its URL, else its file and id."""
    if article.url:
        return article.url
    source = _LINE_SUFFIX.sub("", article.source or "")
    return f"{source}#{article.id}"


def _earliest_copy(conn: Connection, article_id: int, sig: Signature) -> _Version | None:
    """The earliest stored version of another article this text nearly repeats."""
    candidates = conn.execute(
        select(
            article_versions.c.id,
            article_versions.c.article_id,
            article_versions.c.origin,
            article_versions.c.duplicate_of,
            article_versions.c.minhash,
        )
        .distinct()
        .join(minhash_bands, minhash_bands.c.version_id == article_versions.c.id)
        .where(
            tuple_(minhash_bands.c.band, minhash_bands.c.bucket).in_(sig.bands()),
            article_versions.c.article_id != article_id,
        )
        .order_by(article_versions.c.id)
    ).all()
    for row in candidates:
        if row.minhash and sig.similarity(Signature.from_bytes(row.minhash)) >= THRESHOLD:
            if row.duplicate_of is not None:
                root = conn.execute(
                    select(
                        article_versions.c.id,
                        article_versions.c.article_id,
                        article_versions.c.origin,
                    ).where(article_versions.c.id == row.duplicate_of)
                ).one()
                return _Version(root.id, root.article_id, root.origin, None)
            return _Version(row.id, row.article_id, row.origin, None)
    return None


def copy_of_similarity(conn: Connection, copy: _Version | None, sig: Signature) -> float | None:
    if copy is None:
        return None
    raw = conn.execute(
        select(article_versions.c.minhash).where(article_versions.c.id == copy.id)
    ).scalar_one()
    return round(sig.similarity(Signature.from_bytes(raw)), 3) if raw else None


def _insert_claims(conn: Connection, mention_id: int, claim_list: Iterable[Claim]) -> None:
    rows = [
        {
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
        for c in claim_list
    ]
    if rows:
        conn.execute(insert(claims), rows)


def _record_event(
    conn: Connection, transfer_id: int, status: Status, reported_on: date | None, mention_id: int
) -> None:
    """Keep the earliest report of each status of a transfer."""
    existing = conn.execute(
        select(status_events.c.id, status_events.c.reported_on).where(
            status_events.c.transfer_id == transfer_id, status_events.c.status == status.label
        )
    ).first()
    if existing is None:
        conn.execute(
            insert(status_events).values(
                transfer_id=transfer_id,
                status=status.label,
                reported_on=reported_on,
                mention_id=mention_id,
            )
        )
    elif reported_on is not None and (
        existing.reported_on is None or reported_on < existing.reported_on
    ):
        conn.execute(
            update(status_events)
            .where(status_events.c.id == existing.id)
            .values(reported_on=reported_on, mention_id=mention_id)
        )


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
