"""The pure drawing and highlighting helpers behind the pages."""

from __future__ import annotations

from datetime import date

import pytest

from armstrack.records import Claim, Mark, Report, Span, Speaker, Stance, Status
from armstrack.web.render import (
    claims_by_stance,
    contradicted,
    date_line,
    highlight,
    number,
    safe_url,
    speaker_extras,
)


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://example.org/a", "https://example.org/a"),
        ("javascript:alert(1)", None),
        (" JAVASCRIPT:alert(1)", None),
        ("data:text/html,x", None),
        ("//example.org", None),
        (None, None),
    ],
)
def test_safe_url_keeps_only_web_addresses(url: str | None, expected: str | None) -> None:
    assert safe_url(url) == expected


def test_highlight_escapes_and_splits_overlapping_marks() -> None:
    text = "<b>Iran</b> sent drones"
    html = str(highlight(text, [Span(3, 7, text[3:7]), Span(5, 16, text[5:16])]))
    assert "<b>" not in html and "&lt;b&gt;" in html
    assert html.count("<mark") == 3  # 'Ir', 'an', '</b> s' pieces


@pytest.mark.parametrize(
    ("speaker", "expected"),
    [
        (Speaker("Reuters", role=None, outlet="Reuters"), (None, None)),
        (Speaker("European security officials", role="security officials"), (None, None)),
        (Speaker("six sources", role="sources", outlet="Reuters", count=6), (None, "Reuters")),
        (Speaker("Tehran", role="government"), ("government", None)),
    ],
)
def test_speaker_extras_skips_what_the_words_already_say(
    speaker: Speaker, expected: tuple[str | None, str | None]
) -> None:
    assert speaker_extras(speaker) == expected


@pytest.mark.parametrize(
    ("value", "expected"), [(None, ""), (0, "0"), (999, "999"), (1000, "1,000"), (12500, "12,500")]
)
def test_number_has_thousands_separators(value: int | None, expected: str) -> None:
    assert number(value) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (" date 2024-01-27\nHeadline\n", (17, date(2024, 1, 27))),
        (" date 2024-01-27\n\n\nHeadline\n", (19, date(2024, 1, 27))),
        ("date 2024-01-27\r\nHeadline", (17, date(2024, 1, 27))),
        ("Headline\n date 2024-01-27\n", (0, None)),
        (" date 2024-01-27 was a Saturday\n", (0, None)),  # a sentence, not the date line
        (" date 2024-02-30\nHeadline", (0, None)),
        ("", (0, None)),
    ],
)
def test_date_line_is_skipped_only_when_it_is_the_whole_first_line(
    text: str, expected: tuple[int, date | None]
) -> None:
    assert date_line(text) == expected


def test_highlight_from_the_body_keeps_offsets_exact() -> None:
    text = " date 2024-01-27\nIran sent drones."
    start, _ = date_line(text)
    html = str(highlight(text, [Mark(22, 26, "evidence", 1, 1)], start))
    assert (
        html.startswith("Iran ") and '<mark class="evidence" title="evidence">sent</mark>' in html
    )


def test_highlight_says_in_words_what_a_mark_is() -> None:
    text = "Tehran denied it."
    marks = [Mark(0, 17, "denies", 1, 1), Mark(7, 13, "evidence", 1, 1)]
    html = str(highlight(text, marks))
    assert 'title="claim: denied"' in html
    assert 'class="claim evidence stance-denies" title="evidence; claim: denied"' in html


def _report(mention: int, *stances: Stance) -> Report:
    span = Span(0, 4, "text")
    claims = tuple(Claim(Speaker(f"speaker {s.value}"), s, span) for s in stances)
    return Report(
        mention, 1, 1, None, None, None, None, "o", Status.DELIVERED, None, None, claims, (span,)
    )


def test_claims_by_stance_orders_support_before_denial() -> None:
    groups = claims_by_stance(
        [_report(1, Stance.DENIES, Stance.ASSERTS), _report(2, Stance.ASSERTS)]
    )
    assert [(g.stance, g.label, len(g.speakers), g.statements) for g in groups] == [
        ("asserts", "Asserted", 1, 2),
        ("denies", "Denied", 1, 1),
    ]
    # One speaker in two reports: one entry with both statements.
    (asserted,) = groups[0].speakers
    assert [r.mention_id for r, _ in asserted.claims] == [1, 2]
    assert contradicted(groups)


def test_claims_by_stance_keeps_speakers_apart() -> None:
    span = Span(0, 4, "text")
    claims = (
        Claim(Speaker("Tehran", role="government"), Stance.DENIES, span),
        Claim(Speaker("TEHRAN", role="government"), Stance.DENIES, span),
        Claim(Speaker("Moscow"), Stance.DENIES, span),
        Claim(None, Stance.DENIES, span),
    )
    report = Report(1, 1, 1, None, None, None, None, "o", Status.AGREED, None, None, claims, ())
    (denied,) = claims_by_stance([report])
    assert [(s.speaker.text if s.speaker else None, len(s.claims)) for s in denied.speakers] == [
        ("Tehran", 2),
        ("Moscow", 1),
        (None, 1),
    ]


@pytest.mark.parametrize(
    "stances", [(Stance.ASSERTS, Stance.CONFIRMS), (Stance.DENIES, Stance.DECLINES), ()]
)
def test_not_contradicted_without_both_sides(stances: tuple[Stance, ...]) -> None:
    assert not contradicted(claims_by_stance([_report(1, *stances)]))
