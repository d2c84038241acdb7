"""Time expressions normalised against the publication date.

A focused rule set instead of dateparser: the extractor needs month and quarter
granularity ("early January" in a February 2024 article is 2024-01, "late last
year" is 2023-Q4), which dateparser does not model, and it must not turn every
number into a date. Functions are pure: the publication date is an argument.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Final

from armstrack.catalogue.normalise import caseless, original_groups
from armstrack.extract.prefilter import FoundWords, Prefiltered, matches_at
from armstrack.extract.spans import new_span, new_time
from armstrack.records import TimeRef

MONTHS: Final = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4,
    "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11,
    "nov": 11, "december": 12, "dec": 12,
}  # fmt: skip
WEEKDAYS: Final = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
# Part of a year named by a qualifier: "early" is the first quarter, "late" the last.
QUALIFIER_QUARTER: Final = {"early": 1, "beginning of": 1, "start of": 1, "late": 4, "end of": 4}
SEASON_QUARTER: Final = {"spring": 2, "summer": 3, "autumn": 4, "fall": 4, "winter": 1}

_MONTH: Final = r"(?P<month>January|February|March|April|May|June|July|August|September|October|November|December|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)"
_QUAL: Final = r"(?:(?P<qual>early|mid|late|the end of|end of|the beginning of|beginning of|the start of|start of|the middle of)[\s-]+)?"


# Each pattern with the words every match of it contains (see ``prefilter``). Those of
# lower-case words only, case-insensitive, run on ``caseless`` text (``caseless=True``): as fast as
# case-sensitive ones, with the matches IGNORECASE would give.
PATTERNS: tuple[Prefiltered, ...] = (
    # "21 February 2024", "February 21, 2024", "early January", "October 2023"
    Prefiltered.on_words(
        re.compile(
            rf"\b{_QUAL}(?:(?P<day1>\d{{1,2}})\s+)?{_MONTH}(?:\s+(?P<day2>\d{{1,2}})(?:st|nd|rd|th)?)?(?:,?\s+(?P<year>(?:19|20)\d\d))?\b"
        ),
        "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split(),
    ),
    # "late last year", "earlier this month", "last week", "next year", "last summer"
    Prefiltered.on_words(
        re.compile(
            r"\b(?:(?P<qual>early|earlier|mid|late|later|the end of|end of|the beginning of)[\s-]+)?"
            r"(?P<rel>this|last|next|past)\s+(?P<unit>year|month|week|spring|summer|autumn|fall|winter)\b"
        ),
        "year month week spring summer autumn fall winter".split(),
        caseless=True,
    ),
    # "the fourth quarter of 2023", "Q4 2023"
    Prefiltered.on_words(
        re.compile(
            r"\b(?:the\s+)?(?P<ord>first|second|third|fourth|final|last)\s+quarter\s+(?:of\s+)?(?P<year>(?:19|20)\d\d)\b"
            r"|\bQ(?P<q>[1-4])\s+(?P<qyear>(?:19|20)\d\d)\b"
        ),
        ("quarter", "Q"),
    ),
    # "in the autumn", "during the summer of 2023"
    Prefiltered.on_words(
        re.compile(
            r"\b(?:in|during|over|through)\s+the\s+(?P<season>spring|summer|autumn|fall|winter)"
            r"(?:\s+of\s+(?P<syear>(?:19|20)\d\d))?\b"
        ),
        "spring summer autumn fall winter".split(),
        caseless=True,
    ),
    # "in 2023", "In 2019,", "since 2014", "mid-2022", "by 2026", "between 2019 and"
    # (every year starts "19" or "20": the plain words to look for)
    Prefiltered.on_words(
        re.compile(
            r"\b(?:(?P<qual>early|mid|late)[\s-]+|(?P<prep>[Ii]n|[Ss]ince|[Bb]y|[Dd]uring|[Uu]ntil|"
            r"[Ff]rom|of|[Bb]etween|through)\s+)"
            r"(?P<year>(?:19|20)\d\d)\b(?![,.]\d)"
        ),
        ("19", "20"),
    ),
    # "on Tuesday", "yesterday"
    Prefiltered.on_words(
        re.compile(
            r"\b(?:on\s+)?(?P<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"
            r"|\b(?P<yesterday>yesterday|today)\b"
        ),
        ("day",),
    ),
)
# The year and day-name patterns open with an optional word the engine would try at every
# position; their matches are instead tried where they can open, found backwards from
# their words ("19", "20", "day"), which sit at a known place in each match.
_YEARS: Final = PATTERNS[4]
_DAYS: Final = PATTERNS[5]
_MONTHS: Final = PATTERNS[0]
_RELATIVE: Final = PATTERNS[1]
_QUARTERS: Final = PATTERNS[2]
_SEASONS: Final = PATTERNS[3]
_ORDINAL_QUARTER: Final = {"first": 1, "second": 2, "third": 3, "fourth": 4, "final": 4, "last": 4}


def find_times(
    text: str,
    start: int,
    end: int,
    published: date | None,
    lowered: str | None = None,
    found: FoundWords | None = None,
) -> list[TimeRef]:
    """Every time expression in ``text[start:end]``, normalised where possible.

    ``lowered`` is ``caseless(text)`` and ``found`` the words of ``PATTERNS`` in the
    article, made once per article by callers that read many sentences.
    """
    if lowered is None:
        lowered = caseless(text[:end])
    times: list[TimeRef] = []
    taken: list[tuple[int, int]] = []
    for pattern in PATTERNS:
        words = found.starts(pattern, start, end) if found is not None else None
        if words is not None and not words:
            continue  # none of its words in the sentence: no match
        if words is not None and pattern is _YEARS:
            matches = matches_at(pattern.pattern, text, _year_openings(text, words, start), end)
        elif words is not None and pattern is _MONTHS:
            matches = matches_at(pattern.pattern, text, _month_openings(text, words, start), end)
        elif words is not None and pattern is _RELATIVE:
            openings = _relative_openings(lowered, words, start)
            matches = matches_at(pattern.pattern, lowered, openings, end)
        elif words is not None and pattern is _DAYS:
            matches = matches_at(pattern.pattern, text, _day_openings(text, words, start), end)
        elif words is not None and pattern is _QUARTERS:
            openings = _two_words_openings(text, words, start)
            matches = matches_at(pattern.pattern, text, openings, end)
        elif words is not None and pattern is _SEASONS:
            openings = _two_words_openings(lowered, words, start)
            matches = matches_at(pattern.pattern, lowered, openings, end)
        else:
            matches = list(
                pattern.finditer(lowered if pattern.caseless else text, start, end, found)
            )
        for match in matches:
            if any(match.start() < e and match.end() > s for s, e in taken):
                continue
            normalised = _normalise(original_groups(text, match), published)
            if normalised is None:
                continue
            value, granularity = normalised
            span = new_span(match.start(), match.end(), text[match.start() : match.end()])
            times.append(new_time(value, granularity, span))
            taken.append((match.start(), match.end()))
    times.sort(key=lambda t: t.span.start)
    return times


class ArticleTimes:
    """What ``find_times`` reads of one article, for its sentences' times: most sentences
    contribute to no transfer and their times are never asked for (``SentenceFacts``)."""

    def __init__(self, text: str, published: date | None, lowered: str, found: FoundWords) -> None:
        self.text, self.published, self.lowered, self.found = text, published, lowered, found

    def find(self, start: int, end: int) -> list[TimeRef]:
        """``find_times`` of ``text[start:end]``."""
        return find_times(self.text, start, end, self.published, self.lowered, self.found)


def _is_word(char: str) -> bool:
    """Whether the regex engine reads ``char`` as ``\\w``."""
    return char.isalnum() or char == "_"


def _word_start(text: str, index: int) -> int:
    """Where the run of word characters that ends at ``index`` starts."""
    while index > 0 and _is_word(text[index - 1]):
        index -= 1
    return index


def _year_openings(text: str, years: list[int], start: int) -> list[int]:
    """Where a match of ``_YEARS`` can open, one place for each of ``years`` (where "19" or
    "20" starts): every match is a word, then spaces or hyphens, then the year; so it opens
    at the start of the word before the run of those that ends at the year."""
    openings: list[int] = []
    for year in years:
        gap = year
        while gap > 0 and (text[gap - 1].isspace() or text[gap - 1] == "-"):
            gap -= 1
        if gap == year:
            continue  # no space before the year: no match has it
        opening = _word_start(text, gap)
        if start <= opening < gap:
            openings.append(opening)
    openings.sort()
    return openings


def _month_openings(text: str, months: list[int], start: int) -> list[int]:
    """Where a match of ``_MONTHS`` can open, for each of ``months`` (where a month's first
    three letters start): at the month, at a day before it, or at a qualifier of up to
    three words ("the end of") before either."""
    openings: list[int] = []
    for month in months:
        day = _word_before(text, month, start, openings)
        _qualifier_openings(text, month, start, openings)
        if day >= 0:
            _qualifier_openings(text, day, start, openings)
        if month >= start:
            openings.append(month)
    openings.sort()
    return openings


def _relative_openings(text: str, units: list[int], start: int) -> list[int]:
    """Where a match of ``_RELATIVE`` can open, for each of ``units`` (where "year", "week"
    or another unit starts): at the word before it ("last"), or at a qualifier before that
    ("the end of last year")."""
    openings: list[int] = []
    for unit in units:
        relative = _word_before(text, unit, start, openings)
        if relative >= 0:
            _qualifier_openings(text, relative, start, openings)
    openings.sort()
    return openings


def _two_words_openings(text: str, words: list[int], start: int) -> list[int]:
    """Where a match of ``_QUARTERS`` or ``_SEASONS`` can open, for each of ``words``
    (where "quarter", "Q" or a season starts): there ("Q4 2023"), or at one of the two
    words before it ("the fourth quarter", "in the autumn")."""
    openings: list[int] = []
    for word in words:
        if word >= start:
            openings.append(word)
        before = _word_before(text, word, start, openings)
        if before >= 0:
            _word_before(text, before, start, openings)
    openings.sort()
    return openings


def _word_before(text: str, index: int, start: int, openings: list[int]) -> int:
    """The start of the word before the spaces and hyphens that end at ``index``, added to
    ``openings`` (-1 if there are none, or it starts before ``start``)."""
    gap = index
    while gap > 0 and (text[gap - 1].isspace() or text[gap - 1] == "-"):
        gap -= 1
    if gap == index:
        return -1
    word = _word_start(text, gap)
    if word < start:
        return -1
    openings.append(word)
    return word


def _qualifier_openings(text: str, index: int, start: int, openings: list[int]) -> None:
    """Where a qualifier that ends before ``index`` can open: at the word before it, or one
    or two further words back over single spaces ("the beginning of")."""
    word = _word_before(text, index, start, openings)
    for _ in range(2):
        if word <= start or text[word - 1] != " ":
            return
        word = _word_start(text, word - 1)
        if word < start:
            return
        openings.append(word)


def _day_openings(text: str, days: list[int], start: int) -> list[int]:
    """Where a match of ``_DAYS`` can open, for each of ``days`` (where "day" starts): at the
    start of the word that holds it, or of the word before it and spaces ("on Tuesday")."""
    openings: list[int] = []
    for day in days:
        word = _word_start(text, day)
        gap = word
        while gap > 0 and text[gap - 1].isspace():
            gap -= 1
        before = _word_start(text, gap)
        if start <= before < gap:
            openings.append(before)
        if word >= start:
            openings.append(word)
    openings.sort()
    return openings


def _normalise(groups: dict[str, str | None], published: date | None) -> tuple[str, str] | None:
    if groups.get("month"):
        return _month(groups, published)
    if groups.get("rel"):
        return _relative(groups, published)
    if groups.get("ord") or groups.get("q"):
        ordinal = groups.get("ord")
        quarter = _ORDINAL_QUARTER[ordinal] if ordinal else int(groups.get("q") or 0)
        year = groups.get("year") or groups.get("qyear")
        return f"{year}-Q{quarter}", "quarter"
    if groups.get("season"):
        return _season(groups, published)
    if groups.get("weekday") or groups.get("yesterday"):
        return _day_name(groups, published)
    if groups.get("year"):
        qual = groups.get("qual")
        if qual in ("early", "late"):
            return f"{groups['year']}-Q{QUALIFIER_QUARTER[qual]}", "quarter"
        return str(groups["year"]), "year"
    return None


def _season(groups: dict[str, str | None], published: date | None) -> tuple[str, str] | None:
    """A season as the quarter it mostly falls in; unstated, the latest one up to the
    publication date ("in the autumn", written in February 2024, is 2023-Q4)."""
    quarter = SEASON_QUARTER[caseless(groups["season"] or "")]
    if groups.get("syear"):
        return f"{groups['syear']}-Q{quarter}", "quarter"
    if published is None:
        return None
    current = (published.month - 1) // 3 + 1
    year = published.year if quarter <= current else published.year - 1
    return f"{year}-Q{quarter}", "quarter"


def _month(groups: dict[str, str | None], published: date | None) -> tuple[str, str] | None:
    name = caseless(groups["month"] or "").rstrip(".")
    month = MONTHS[name]
    if name == "may" and not (groups.get("year") or groups.get("day1") or groups.get("day2")):
        # "may" is far more often the verb; only "May 2023" or "3 May" count.
        if not groups.get("qual"):
            return None
    stated = groups.get("year")
    year = int(stated) if stated else None
    if year is None:
        if published is None:
            return None
        # A bare month in news points back: "in October" written in February is last year's.
        year = published.year if month <= published.month else published.year - 1
    day = groups.get("day1") or groups.get("day2")
    if day and 1 <= int(day) <= 31:
        try:
            return date(year, month, int(day)).isoformat(), "day"
        except ValueError:
            return None
    return f"{year}-{month:02d}", "month"


def _relative(groups: dict[str, str | None], published: date | None) -> tuple[str, str] | None:
    if published is None:
        return None
    rel = caseless(groups["rel"] or "")
    unit = caseless(groups["unit"] or "")
    qual = caseless(groups.get("qual") or "")
    shift = {"this": 0, "last": -1, "past": -1, "next": 1}[rel]
    if unit == "year":
        year = published.year + shift
        quarter = QUALIFIER_QUARTER.get(qual.removeprefix("the "))
        if quarter:
            return f"{year}-Q{quarter}", "quarter"
        return str(year), "year"
    if unit == "month":
        index = published.year * 12 + published.month - 1 + shift
        return f"{index // 12}-{index % 12 + 1:02d}", "month"
    if unit == "week":
        day = published + timedelta(weeks=shift)
        iso = day.isocalendar()
        return f"{iso.year}-W{iso.week:02d}", "week"
    quarter = SEASON_QUARTER[unit]
    year = published.year + shift
    return f"{year}-Q{quarter}", "quarter"


def _day_name(groups: dict[str, str | None], published: date | None) -> tuple[str, str] | None:
    if published is None:
        return None
    if groups.get("yesterday"):
        back = 1 if caseless(groups["yesterday"] or "") == "yesterday" else 0
        return (published - timedelta(days=back)).isoformat(), "day"
    weekday = WEEKDAYS.index(caseless(groups["weekday"] or ""))
    # News names the most recent such day, at most six days before publication.
    back = (published.weekday() - weekday) % 7
    return (published - timedelta(days=back)).isoformat(), "day"


_DATE_PREFIX: Final = re.compile(r"\A\s*date\s+(\d{4}-\d{2}-\d{2})\b")


def date_prefix(text: str) -> date | None:
    """The publication date of a text whose first line starts with `` date YYYY-MM-DD``."""
    match = _DATE_PREFIX.match(text)
    if match is None:
        return None
    try:
        return date.fromisoformat(match.group(1))
    except ValueError:
        return None
