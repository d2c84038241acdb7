"""Ingest: read articles from files, one module per input format.

``read_articles`` yields an ``Article`` for every usable article and an
``InputError`` for every broken file or record, so a caller can report and skip
the broken ones and go on with the rest. With ``IngestSettings(prefilter=True)``, web
pages that name no weapon are skipped before their text is extracted, and counted in
``NoWeaponNamed`` items (one a file): not faults, to report apart.
"""

from armstrack.ingest.files import read_articles
from armstrack.ingest.settings import IngestSettings

__all__ = ["IngestSettings", "read_articles"]
