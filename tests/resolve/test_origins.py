"""The origin count explained in words."""

from __future__ import annotations

import pytest

from armstrack.resolve.origins import CountedReport, origin_summary

NAMES = {"reuters": "Reuters", "ukrinform": "Ukrinform"}


@pytest.mark.parametrize(
    ("reports", "summary"),
    [
        (
            [CountedReport("reuters", f"site{i}") for i in range(5)]
            + [CountedReport("ukrinform", "ukrinform"), CountedReport("reuters", "site0")],
            "7 reports from 6 outlets, 2 independent origins: "
            "Reuters (6 copies and rewrites), Ukrinform",
        ),
        (
            [CountedReport("reuters", "reuters"), CountedReport("reuters", "dawn")],
            "2 reports from 2 outlets, 1 independent origin: "
            "Reuters (own report and 1 copy or rewrite)",
        ),
    ],
)
def test_origin_summary_names_origins_and_their_copies(
    reports: list[CountedReport], summary: str
) -> None:
    assert origin_summary(reports, lambda key: NAMES.get(key, key)) == summary
