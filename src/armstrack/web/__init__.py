"""The web layer: REST API, server-rendered pages and the Atom feed over a store."""

from armstrack.web.app import create_app

__all__ = ["create_app"]
