"""When a changed text is a version of an article, and which of its reports count."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from armstrack.store.versions import counting, related, separate_key

STORY = (
    "Iran has shipped Shahed-136 drones to Russia, officials said on Monday. The drones "
    "crossed the Caspian Sea by ship and were unloaded at a port on the Volga, they said."
)


@pytest.mark.parametrize(
    ("new", "expected"),
    [
        (STORY + " Tehran declined to comment.", True),  # an update
        (STORY.replace("Monday", "Tuesday"), True),  # a correction
        ("Heavy rain is expected across the north this weekend, forecasters said.", False),
        ("", False),
    ],
    ids=["update", "correction", "different_story", "empty"],
)
def test_related_tells_versions_from_other_articles(new: str, expected: bool) -> None:
    assert related(STORY, new) is expected


def test_separate_key_differs_per_text() -> None:
    assert separate_key("https://x.example/a", "ab" * 32) != separate_key(
        "https://x.example/a", "cd" * 32
    )


def test_counting_keeps_each_articles_newest_reporting_version() -> None:
    rows = [
        SimpleNamespace(article_id=1, version=1, name="a1v1"),
        SimpleNamespace(article_id=1, version=2, name="a1v2"),
        SimpleNamespace(article_id=2, version=1, name="a2v1"),  # its v2 dropped the report
    ]
    assert [r.name for r in counting(rows)] == ["a1v2", "a2v1"]
