"""Links to a transfer an analyst merged into another answer with a permanent redirect."""

from __future__ import annotations

from fastapi import Request
from fastapi.responses import RedirectResponse

from armstrack.store import Store


def merged_redirect(request: Request, store: Store, transfer_id: int) -> RedirectResponse | None:
    """A 308 to the same page of the surviving transfer, or None if this one stands.

    The path is rewritten in place, so a prefix the app is served under and the query
    string are kept: ``/api/transfers/15/history?x=1`` goes to ``/api/transfers/12/history?x=1``.
    """
    survivor = store.merged_into(transfer_id)
    if survivor is None:
        return None
    old = f"/transfers/{transfer_id}"
    path = request.url.path
    at = path.rfind(old)
    moved = path[:at] + f"/transfers/{survivor}" + path[at + len(old) :]
    query = f"?{request.url.query}" if request.url.query else ""
    return RedirectResponse(moved + query, status_code=308)
