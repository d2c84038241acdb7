"""The database schema, as SQLAlchemy Core tables.

The migrations in ``migrations/versions`` create exactly these tables; queries use
them. Names are chosen so that someone opening the file with ``sqlite3`` or
Datasette understands it without this code: one row per article, per version of
an article, per per-article transfer report ("mention"), per claim, per resolved
transfer and per status change.
"""

from __future__ import annotations

from sqlalchemy import (
    BigInteger,
    Boolean,
    Column,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)

metadata = MetaData()

actors = Table(
    "actors",
    metadata,
    Column("id", String(64), primary_key=True, comment="ISO 3166-1 alpha-3 code or group slug"),
    Column("kind", String(16), nullable=False, comment="state or group"),
    Column("name", Text, nullable=False),
)

outlets = Table(
    "outlets",
    metadata,
    Column("id", Integer, primary_key=True),
    Column(
        "slug", String(128), nullable=False, unique=True, comment="catalogue id, or the web domain"
    ),
    Column("name", Text, nullable=False),
)

articles = Table(
    "articles",
    metadata,
    Column("id", Integer, primary_key=True),
    Column(
        "key", Text, nullable=False, unique=True, comment="canonical URL, or source path and id"
    ),
    Column("url", Text),
    Column("outlet_id", ForeignKey("outlets.id")),
    Column("published", Date),
    Column("source", Text, comment="file (and line or record) it was read from"),
    Column("first_seen", DateTime, nullable=False),
)

article_versions = Table(
    "article_versions",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("article_id", ForeignKey("articles.id"), nullable=False, index=True),
    Column("version", Integer, nullable=False),
    Column("sha256", String(64), nullable=False, comment="of the exact text"),
    Column("title", Text),
    Column("text", Text, nullable=False, comment="exactly as read; spans index into it"),
    Column("ingested_at", DateTime, nullable=False),
    Column(
        "duplicate_of", ForeignKey("article_versions.id"), comment="earliest near-identical copy"
    ),
    Column("similarity", Float, comment="estimated Jaccard similarity to duplicate_of"),
    Column("origin", Text, nullable=False, comment="independent origin of its reporting"),
    Column("minhash", LargeBinary, comment="MinHash signature of its word shingles"),
    Column("is_current", Boolean, nullable=False, default=True),
    # Since 0004: why the origin is what it is, and the passage fingerprints it has.
    Column("origin_basis", String(16), comment="credit, shared (passages) or outlet"),
    Column("origin_note", Text, comment="the credit phrase, or the passages shared"),
    # A plain integer, not a foreign key: SQLite adds a constrained column only by
    # rebuilding the table, which every other table references.
    Column("origin_from", Integer, comment="id of the version whose origin it took"),
    Column("passages", Integer, comment="number of passage fingerprints indexed"),
    # Since 0007: the page as fetched, in the store's WARC archive.
    Column("warc_file", Text, comment="WARC file of the fetched page, in the archive folder"),
    Column("warc_offset", BigInteger, comment="offset of its response record in that file"),
    UniqueConstraint("article_id", "sha256"),
    UniqueConstraint("article_id", "version"),
)

# What `armstrack watch` remembers between rounds, so that a restart refetches nothing.
watched_sources = Table(
    "watched_sources",
    metadata,
    Column("url", Text, primary_key=True, comment="a feed, sitemap or OPML list"),
    Column("etag", Text, comment="validators of the last answer, for a conditional GET"),
    Column("last_modified", Text),
    Column("polled_at", DateTime, comment="when it was last asked (UTC)"),
    Column("status", String(32), comment="what the last poll found: new, not modified, failed"),
    Column("error", Text, comment="why the last poll failed"),
    Column("failures", Integer, nullable=False, default=0, comment="failed polls in a row"),
)

fetched_pages = Table(
    "fetched_pages",
    metadata,
    Column("url", Text, primary_key=True, comment="a page a watched source listed"),
    Column("fetched_at", DateTime, nullable=False),
    Column("outcome", String(16), nullable=False, comment="ingested, or why not"),
)

minhash_bands = Table(
    "minhash_bands",
    metadata,
    Column("bucket", LargeBinary, primary_key=True, comment="band number and hash of that band"),
    Column("version_id", ForeignKey("article_versions.id"), primary_key=True),
)

passages = Table(
    "passages",
    metadata,
    Column(
        "fingerprint",
        BigInteger,
        primary_key=True,
        comment="winnowed hash of a word 5-shingle (see resolve/passages.py)",
    ),
    Column("version_id", ForeignKey("article_versions.id"), primary_key=True),
)

transfers = Table(
    "transfers",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("supplier", ForeignKey("actors.id"), nullable=False),
    Column("recipient", ForeignKey("actors.id"), nullable=False),
    Column("category", String(32), nullable=False),
    Column("status", String(16), nullable=False, comment="most advanced reported status"),
    Column("systems", Text, nullable=False, default="", comment="'; '-separated canonical names"),
    Column("families", Text, nullable=False, default="", comment="'; '-separated family heads"),
    Column("quantity", Integer, comment="largest reported number of items (an order, not a batch)"),
    Column("first_reported", Date),
    Column("last_reported", Date),
    Column("reports", Integer, nullable=False, default=0),
    Column("outlets", Integer, nullable=False, default=0, comment="distinct outlets"),
    Column("origins", Integer, nullable=False, default=0, comment="independent origins"),
    Column("deniers", Text, nullable=False, default="", comment="'; '-separated actor ids"),
    Column(
        "updated_at",
        DateTime,
        comment="when a report last created or changed this transfer (UTC)",
    ),
    Column(
        "merged_into",
        Integer,
        comment="the transfer an analyst merged this one into: its id redirects there",
    ),
)

# Each change of a transfer's summary, so that no record is silently rewritten.
transfer_changes = Table(
    "transfer_changes",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("transfer_id", ForeignKey("transfers.id"), nullable=False),
    Column("mention_id", Integer, comment="the newest report when it changed"),
    Column("at", DateTime, nullable=False, comment="when it was stored (UTC)"),
    Column("field", String(32), nullable=False, comment="a column of transfers"),
    Column("old", Text, comment="the value before, as text (none: created)"),
    Column("new", Text, comment="the value after, as text"),
)

mentions = Table(
    "mentions",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("version_id", ForeignKey("article_versions.id"), nullable=False, index=True),
    Column("transfer_id", ForeignKey("transfers.id"), index=True),
    Column("supplier", ForeignKey("actors.id"), nullable=False),
    Column("recipient", ForeignKey("actors.id"), nullable=False),
    Column("category", String(32), nullable=False),
    Column("status", String(16), nullable=False),
    Column("systems", Text, nullable=False, default=""),
    Column("families", Text, nullable=False, default=""),
    Column("quantity", Integer),
    Column("quantity_approximate", Boolean),
    Column("reported_on", Date, comment="publication date of the article"),
    Column("times", Text, nullable=False, default="", comment="normalised times, '; '-separated"),
    Column("routes", Text, nullable=False, default=""),
    Column("origin", Text, nullable=False, comment="independent origin of this report"),
    Column("merge_reason", Text, comment="why it joined its transfer, or started one"),
)

claims = Table(
    "claims",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("mention_id", ForeignKey("mentions.id"), nullable=False, index=True),
    Column("stance", String(32), nullable=False),
    Column("status", String(16)),
    Column("speaker", Text),
    Column("speaker_actor", ForeignKey("actors.id")),
    Column("speaker_role", Text),
    Column("speaker_outlet", Text),
    Column("speaker_count", Integer),
    Column("hedges", Text, nullable=False, default=""),
    Column("start", Integer, nullable=False, comment="character offsets into the version text"),
    Column("end", Integer, nullable=False),
)

evidence = Table(
    "evidence",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("mention_id", ForeignKey("mentions.id"), nullable=False, index=True),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
)

status_events = Table(
    "status_events",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("transfer_id", ForeignKey("transfers.id"), nullable=False, index=True),
    Column("status", String(16), nullable=False),
    Column("reported_on", Date),
    Column("mention_id", ForeignKey("mentions.id"), nullable=False),
)

skipped_inputs = Table(
    "skipped_inputs",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("source", Text, nullable=False),
    Column("line", Integer),
    Column("reason", Text, nullable=False),
    Column("message", Text, nullable=False),
    Column("at", DateTime, nullable=False),
)

Index("transfer_changes_transfer", transfer_changes.c.transfer_id, transfer_changes.c.id)
Index("transfers_block", transfers.c.supplier, transfers.c.recipient, transfers.c.category)
Index("transfers_status", transfers.c.status)
Index("transfers_first_reported", transfers.c.first_reported)
Index("transfers_last_reported", transfers.c.last_reported.desc(), transfers.c.id)
# Listings read these in order: newest first (NULLs last on PostgreSQL too; see 0003).
Index(
    "transfers_supplier_recent",
    transfers.c.supplier,
    transfers.c.last_reported.desc(),
    transfers.c.id,
)
Index(
    "transfers_recipient_recent",
    transfers.c.recipient,
    transfers.c.last_reported.desc(),
    transfers.c.id,
)
Index("transfers_origins", transfers.c.origins.desc(), transfers.c.id)
Index(
    "transfers_category_recent",
    transfers.c.category,
    transfers.c.last_reported.desc(),
    transfers.c.id,
)
Index("transfers_updated_at", transfers.c.updated_at)
Index("mentions_block", mentions.c.supplier, mentions.c.recipient, mentions.c.category)
Index("minhash_bands_version", minhash_bands.c.version_id)
Index("passages_version", passages.c.version_id)
Index("status_events_mention", status_events.c.mention_id)
