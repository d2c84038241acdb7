"""armstrack: turn news reports into a sourced, queryable database of arms transfers.

>>> import armstrack
>>> result = armstrack.extract("Iran has shipped drones to Russia.", "2024-02-21")
>>> result.transfers[0].status.label
'delivered'
"""

from armstrack.catalogue import Catalogue, default_catalogue, load_catalogue
from armstrack.errors import ArmstrackError, CatalogueError, InputError
from armstrack.extract import Extractor, Settings, extract, extract_article
from armstrack.records import (
    ActorKind,
    ActorRef,
    Added,
    Article,
    Category,
    Claim,
    Extraction,
    Quantity,
    Report,
    ResolvedTransfer,
    Route,
    SearchHit,
    Span,
    Speaker,
    Stance,
    Status,
    StatusEvent,
    SystemRef,
    TimeRef,
    Transfer,
    TransferDetail,
)
from armstrack.store import Store, TransferFilter, open_store

__version__ = "0.1.0"

__all__ = [
    "ActorKind",
    "ActorRef",
    "Added",
    "ArmstrackError",
    "Article",
    "Catalogue",
    "CatalogueError",
    "Category",
    "Claim",
    "Extraction",
    "Extractor",
    "InputError",
    "Quantity",
    "Report",
    "ResolvedTransfer",
    "Route",
    "SearchHit",
    "Settings",
    "Span",
    "Speaker",
    "Stance",
    "Status",
    "StatusEvent",
    "Store",
    "SystemRef",
    "TimeRef",
    "Transfer",
    "TransferDetail",
    "TransferFilter",
    "__version__",
    "default_catalogue",
    "extract",
    "extract_article",
    "load_catalogue",
    "open_store",
]
