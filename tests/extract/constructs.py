"""Shared by the construct tables: one case per construct sentence, read as the
(supplier, recipient, category, status) tuples of its transfers."""

from __future__ import annotations

from datetime import date

import pytest

from armstrack.extract import Extractor
from armstrack.records import Article

Triple = tuple[str, str, str, str]


def cases(construct: str, rows: list[tuple[str, set[Triple]]]) -> list[object]:
    """One test case per row, named by the construct and the row's place."""
    return [
        pytest.param(text, expected, id=f"{construct}-{n}")
        for n, (text, expected) in enumerate(rows)
    ]


def transfers_of(extractor: Extractor, text: str) -> set[Triple]:
    """The transfers of ``text`` as an article published on 21 February 2024."""
    article = Article(id="t", text=text, published=date(2024, 2, 21))
    return {
        (t.supplier.id, t.recipient.id, t.category.value, t.status.label)
        for t in extractor.run(article).transfers
    }
