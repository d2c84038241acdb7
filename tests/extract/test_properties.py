"""Properties of the extractor on generated text (Hypothesis, bounded in examples).

Whatever the input: no exception, every span lies inside the text and equals its slice,
and a second run gives the same output.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from armstrack.extract import Extractor, mentions
from armstrack.records import Article, Extraction, Span

# Words that make the extractor work: actors, systems, triggers, stance and date words,
# glue, and characters that trouble splitters and matchers.
WORDS = (
    "Iran Russia Tehran Moscow Ukraine Kyiv Germany Houthis Hezbollah the Pentagon "
    "Shahed-136 Fateh-110 F-16 Leopard-2 drones missiles howitzers tanks shells jets "
    "delivered shipped sent supplied received bought sold agreed pledged denied "
    "declined to comment officials said told Reuters according to reportedly "
    "and or , ; . ! ? ( ) \" ' — - 400 around dozens of in via by from with "
    "January 2024 last year early a an it its they U.S. Gen. no not never"
).split()
TOKENS = st.one_of(
    st.sampled_from(WORDS),
    st.text(alphabet=st.characters(codec="utf-8"), max_size=6),
    st.sampled_from(["\n", "\n\n", "\u200b", "\uff26-16", "\x00", "  "]),
)
ACTORS = st.sampled_from("Iran Russia Tehran Ukraine Germany Houthis Belarus".split())
# A transfer sentence often enough that spans of real transfers are checked too.
SENTENCES = st.tuples(
    st.lists(ACTORS, min_size=1, max_size=4).map(", ".join),
    st.sampled_from([" delivered", " has shipped", " will send", " denied sending"]),
    st.just(" "),
    st.sampled_from(["", "400 ", "around 12 ", "dozens of "]),
    st.sampled_from(["Shahed-136 drones", "Fateh-110 missiles", "F-16 jets", "shells"]),
    st.sampled_from([" to ", " to the ", " for "]),
    ACTORS,
    st.lists(TOKENS, max_size=8).map(lambda words: " " + " ".join(words)),
).map("".join)
TEXTS = st.lists(st.one_of(SENTENCES, st.lists(TOKENS, max_size=30).map(" ".join)), max_size=8).map(
    ". ".join
)


def _spans(value: object) -> Iterator[Span]:
    if isinstance(value, Span):
        yield value
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        for item in dataclasses.fields(value):
            yield from _spans(getattr(value, item.name))
    elif isinstance(value, tuple | list):
        for item in value:
            yield from _spans(item)


def _run(extractor: Extractor, text: str) -> Extraction:
    return extractor.run(Article(id="generated", text=text))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=TEXTS)
def test_extract_any_text_gives_exact_spans_and_same_output_twice(
    extractor: Extractor, text: str
) -> None:
    first = _run(extractor, text)
    for span in _spans(first.transfers):
        assert 0 <= span.start <= span.end <= len(text)
        assert text[span.start : span.end] == span.text
    assert _run(extractor, text) == first


# Characters where a word and white space are told apart in more than one way: the
# separators that are white space to ``str.split`` and ``\\s`` but not to ASCII ``\\s``, the
# underscore (a word character that ``isalnum`` rejects), a combining accent, digits of
# other scripts, a non-breaking space.
TOKEN_TROUBLE = st.text(
    alphabet=st.sampled_from(
        [*"aZ0_’'s.,(- \t\né\x1c\x1f", "\u0301", "\u0663", "\u00a0", "\u2009"]
    ),
    max_size=30,
)


@settings(max_examples=300, deadline=None)
@given(text=st.one_of(TEXTS, TOKEN_TROUBLE), cut=st.tuples(st.integers(0, 40), st.integers(0, 40)))
def test_tokens_are_the_token_pattern_matches(text: str, cut: tuple[int, int]) -> None:
    """``tokenize`` finds offsets without a match object per token: the same as the
    pattern's own matches, in any text and any part of it."""
    start, end = cut[0], max(cut[0], len(text) - cut[1])
    matches = list(mentions._TOKEN.finditer(text, start, end))
    lows = [m.group().lower().replace("’", "'") for m in matches]
    expected = ([m.start() for m in matches], [m.end() for m in matches], lows)
    assert mentions.tokenize(text, start, end) == expected
