"""Ingest: read articles from files, one module per input format.

``read_articles`` yields an ``Article`` for every usable article and an
``InputError`` for every broken file or record, so a caller can report and skip
the broken ones and go on with the rest.
"""

from armstrack.ingest.files import IngestSettings, read_articles

__all__ = ["IngestSettings", "read_articles"]
