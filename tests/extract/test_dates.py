from datetime import date

import pytest

from armstrack.extract.dates import date_prefix, find_times

PUBLISHED = date(2024, 2, 21)


def _values(text: str, published: date | None = PUBLISHED) -> list[str]:
    return [t.value for t in find_times(text, 0, len(text), published)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The shipments began in early January.", ["2024-01"]),
        ("Talks were held late last year.", ["2023-Q4"]),
        ("The first batch arrived in October 2023.", ["2023-10"]),
        ("Deliveries started in October.", ["2023-10"]),
        ("Reuters reported on February 21 that ...", ["2024-02-21"]),
        ("The deal was signed on 3 March 2022.", ["2022-03-03"]),
        ("Kyiv received them last month.", ["2024-01"]),
        ("They arrived earlier this year.", ["2024"]),
        ("Sanctions have applied since 2014.", ["2014"]),
        ("Deliveries are due in the fourth quarter of 2025.", ["2025-Q4"]),
        ("The minister spoke on Tuesday.", ["2024-02-20"]),
        ("The order was placed in mid-2022.", ["2022"]),
    ],
)
def test_find_times_normalises_against_publication(text: str, expected: list[str]) -> None:
    assert _values(text) == expected


@pytest.mark.parametrize("text", ["The missiles may be delivered soon.", "It has 400 missiles."])
def test_find_times_ignores_non_dates(text: str) -> None:
    assert _values(text) == []


def test_find_times_needs_publication_date_for_relative_terms() -> None:
    assert _values("They arrived last month.", None) == []
    assert _values("They arrived in October 2023.", None) == ["2023-10"]


def test_find_times_spans_point_into_text() -> None:
    text = "Shipments began in early January, officials said."
    (time,) = find_times(text, 0, len(text), PUBLISHED)
    assert text[time.span.start : time.span.end] == time.span.text == "early January"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (" date 2024-02-21 Iran has...", date(2024, 2, 21)),
        ("date 2023-13-01\nx", None),
        ("No date", None),
    ],
)
def test_date_prefix_reads_first_line(text: str, expected: date | None) -> None:
    assert date_prefix(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("In 2019, Turkey bought S-400 batteries.", "2019"),
        ("Turkey bought S-400 batteries between 2019 and 2021.", "2019"),
        ("The drones were flown in the autumn.", "2023-Q4"),
        ("The drones were flown in the spring.", "2023-Q2"),
        ("Drones were shipped during the summer of 2022.", "2022-Q3"),
    ],
)
def test_find_times_reads_sentence_initial_years_ranges_and_seasons(
    text: str, expected: str
) -> None:
    times = find_times(text, 0, len(text), date(2024, 2, 21))
    assert [t.value for t in times][:1] == [expected]
