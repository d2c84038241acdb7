"""Catalogues of actors, outlets and weapon systems: loading, validation, lookup.

The packaged files live in ``catalogue/data``; users add their own TOML files with
the same tables (see ``load_catalogue``), checked by the same validator.
"""

from armstrack.catalogue.loader import Catalogue, Term, TermKind, default_catalogue, load_catalogue

__all__ = ["Catalogue", "Term", "TermKind", "default_catalogue", "load_catalogue"]
