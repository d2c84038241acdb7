"""Records to plain JSON-ready dictionaries (the extractor's output contract)."""

from __future__ import annotations

from typing import Any

from armstrack.records import (
    ActorRef,
    Claim,
    Extraction,
    Route,
    Span,
    Speaker,
    SystemRef,
    TimeRef,
    Transfer,
)

JSON = dict[str, Any]


def actor_dict(actor: ActorRef) -> JSON:
    return {"id": actor.id, "name": actor.name, "kind": actor.kind.value}


def span_dict(span: Span) -> JSON:
    return {"start": span.start, "end": span.end, "text": span.text}


def system_dict(system: SystemRef) -> JSON:
    return {
        "name": system.name,
        "family": system.family,
        "aliases": list(system.aliases),
        "category": system.category.value,
        "origin": system.origin,
    }


def _speaker(speaker: Speaker | None) -> JSON | None:
    if speaker is None:
        return None
    return {
        "text": speaker.text,
        "actor": actor_dict(speaker.actor) if speaker.actor else None,
        "role": speaker.role,
        "outlet": speaker.outlet,
        "count": speaker.count,
    }


def _claim(claim: Claim) -> JSON:
    return {
        "speaker": _speaker(claim.speaker),
        "stance": claim.stance.value,
        "hedges": list(claim.hedges),
        "status": claim.status.label if claim.status else None,
        "evidence": span_dict(claim.evidence),
    }


def _time(time: TimeRef) -> JSON:
    return {"value": time.value, "granularity": time.granularity, **span_dict(time.span)}


def _route(route: Route) -> JSON:
    return {"mode": route.mode, "via": route.via, **span_dict(route.span)}


def transfer_dict(transfer: Transfer) -> JSON:
    quantity = transfer.quantity
    return {
        "supplier": actor_dict(transfer.supplier),
        "recipient": actor_dict(transfer.recipient),
        "category": transfer.category.value,
        "systems": [system_dict(s) for s in transfer.systems],
        "status": transfer.status.label,
        "quantity": quantity.value if quantity else None,
        "quantity_approximate": quantity.approximate if quantity else None,
        "quantity_text": quantity.span.text if quantity else None,
        "denied_by": [actor_dict(a) for a in transfer.denied_by],
        "times": [_time(t) for t in transfer.times],
        "routes": [_route(r) for r in transfer.routes],
        "claims": [_claim(c) for c in transfer.claims],
        "evidence": [span_dict(s) for s in transfer.evidence],
    }


def extraction_dict(extraction: Extraction) -> JSON:
    article = extraction.article
    return {
        "id": article.id,
        "date": article.published.isoformat() if article.published else None,
        "url": article.url,
        "title": article.title,
        "outlet": article.outlet,
        "source": article.source,
        "transfers": [transfer_dict(t) for t in extraction.transfers],
        "limits": list(extraction.limits),
    }
