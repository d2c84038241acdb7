"""The pre-filter: can a web page hold a transfer? Decided first on its raw markup, in one
pass of an Aho-Corasick automaton, before the costly main-text extraction.

The extractor finds no transfer in an article that names no weapon: ``Extractor.run``
returns at once when the catalogue matcher finds neither a system ("Shahed-136") nor a
class term ("drones"). Most pages of a crawl name neither, and extracting their main text
is most of the cost of reading them. Two checks skip them:

- ``may_hold_transfer``, on the raw page, before main-text extraction (below);
- ``names_weapon``, on the main text once extracted: exactly the extractor's own test,
  with the extractor's matcher. It skips what the first let through (a weapon named in a
  menu or a sidebar) before the page's metadata is read and before it is stored.

The check on the markup errs on the side of keeping a page:

- every spelling of every system and class term the matcher accepts (and of every
  system's bare name, which names it before a class word) is looked for, with
  plurals and variant suffixes ("F-16C"), in any case: the matcher's case rules ("SAM",
  not "Sam") and its rule on capitalised class nouns ("the Drone Lab") are not applied;
- the whole page is read, menus and footers included, but for what never becomes text:
  scripts, styles, comments and the <title> (which is metadata);
- markup is undone as main-text extraction undoes it: a block tag (<p>, <td>, <br>)
  separates words and any other tag (<b>, <a>, <span>, an unknown one) joins them
  ("F-<b>16</b>"); character references are decoded ("F&#8209;16", "H&uuml;rjet"),
  invisible characters dropped ("Sha&shy;hed") and full-width letters read as ASCII;
- only Latin letters and digits are compared: any other character, a space of any kind
  included, separates words, and a run of them counts as one ("Patriot\\n   missiles").
  A term written in another script (a user's Cyrillic name, say) is looked for in the
  decoded text folded as the matcher folds it.

What can still be missed is a page whose every weapon is named across markup that
main-text extraction rebuilds in another way: a name cut by an element whose content it
drops ("Pat<time>...</time>riot") or by a block tag it joins when repairing broken
nesting. ``tests/ingest/test_page_prefilter.py`` checks that no transfer is lost on real
arms reporting.
"""

from __future__ import annotations

import html
import re
from functools import cache, lru_cache

import ahocorasick

from armstrack.catalogue import Catalogue, default_catalogue, load_catalogue
from armstrack.catalogue.normalise import fold_words, spelling_variants
from armstrack.extract.matching import Matcher, is_weapon_kind, names_weapon

# Elements whose content never becomes article text; each ends at its first closing tag.
_HIDDEN = re.compile(rb"<(?:!--|script|style|title)")
_NAME_ENDS = (b" ", b"\t", b"\n", b"\r", b"\f", b"/", b">", b"")
# Tags after which main-text extraction starts a new line or cell (trafilatura's output
# checked tag by tag): they separate words. Every other tag joins the text around it.
SEPARATING_TAGS = frozenset(
    "address article aside blockquote body br caption center col colgroup dd details dialog"
    " dir div dl dt fieldset figcaption figure footer form frame frameset h1 h2 h3 h4 h5 h6"
    " head header hgroup hr html iframe legend li listing main menu nav noscript ol optgroup"
    " option p plaintext pre q section select summary table tbody td textarea tfoot th thead"
    " tr ul xmp".split()
)


def _alternation(words: list[str]) -> str:
    """A pattern for ``words`` (sorted) as a tree of their prefixes: the regex engine
    tries one branch per letter, not one per word (twice as fast here)."""
    by_first: dict[str, list[str]] = {}
    for word in words:
        if word:
            by_first.setdefault(word[0], []).append(word[1:])
    branches = [re.escape(first) + _alternation(rest) for first, rest in by_first.items()]
    if not branches:
        return ""
    tree = branches[0] if len(branches) == 1 else f"(?:{'|'.join(branches)})"
    return f"(?:{tree})?" if "" in words else tree


# Possessive "[^<>]*+": a "<" never closed is given up at the next "<", in linear time.
_SEPARATING_TAG = re.compile(
    rb"</?" + _alternation(sorted(SEPARATING_TAGS)).encode() + rb"(?![\w-])[^<>]*+>"
)
_TAG = re.compile(rb"<[a-z/!?][^<>]*+>")
_REFERENCE = re.compile(rb"&(?:#[0-9]{1,8}|#x[0-9a-f]{1,8}|[a-z][a-z0-9]{0,31});?")
# Soft hyphen, zero-width space and joiners, word joiner, BOM: the matcher reads through.
_INVISIBLE = (
    b"\xc2\xad",
    b"\xe2\x80\x8b",
    b"\xe2\x80\x8c",
    b"\xe2\x80\x8d",
    b"\xe2\x81\xa0",
    b"\xef\xbb\xbf",
)
_INVISIBLE_CHARS = dict.fromkeys(map(ord, "\u00ad\u200b\u200c\u200d\u2060\ufeff"))
_FULL_WIDTH = re.compile(rb"\xef\xbc[\x90-\x99\xa1-\xba]|\xef\xbd[\x81-\x9a]")
# ASCII letters and digits in lower case; every other byte, UTF-8 sequences included, a space.
_WORDS = bytes(c if chr(c).isalnum() and c < 128 else 32 for c in range(256)).lower()
_STR_SPACES = re.compile(r" {2,}")
LATIN_END = 0x250  # ``fold_words`` lowers the characters below this; others stay as written


class Prefilter:
    """Decides from a page's markup whether its text may name a weapon of ``catalogue``."""

    def __init__(self, catalogue: Catalogue) -> None:
        latin: set[str] = set()
        other: set[str] = set()
        for term in catalogue.terms():
            if is_weapon_kind(term.kind):  # without them ``Extractor.run`` finds nothing
                _add_keys(term.surface.strip(), latin, other)
        # A system's bare name ("Caesar") names it before a class word of its category, which
        # the page may hold in any form: the name alone keeps the page.
        for head in catalogue.heads():
            _add_keys(head.surface.strip(), latin, other)
        self._latin = _automaton(latin)
        self._other = _automaton(other) if other else None
        self.size = len(latin) + len(other)
        self._matcher = Matcher.from_catalogue(catalogue)

    def may_hold_transfer(self, page: str | bytes) -> bool:
        """False only if no weapon term can be in the page's text; a page in bytes that are
        not UTF-8 cannot be read here and is kept."""
        raw = _utf8(page)
        if raw is None:
            return True
        text = _text_bytes(raw)
        if _hit(self._latin, f" {_latin_words(text)} "):
            return True
        return self._other is not None and _hit(self._other, f" {_other_words(text)} ")

    def names_weapon(self, text: str) -> bool:
        """Whether the extractor would look for transfers in an article of ``text``."""
        return names_weapon(self._matcher.find(text))


@cache
def prefilter_for(catalogue_files: tuple[str, ...] = ()) -> Prefilter:
    """The pre-filter of the extractor's catalogue (the packaged one plus ``catalogue_files``),
    built once per process."""
    return Prefilter(load_catalogue(catalogue_files) if catalogue_files else default_catalogue())


def _add_keys(surface: str, latin: set[str], other: set[str]) -> None:
    """The automaton keys of one term: each spelling padded with spaces as a whole word,
    with a plural "s", and as a prefix when it ends in a digit ("F-16" in "F-16C")."""
    for variant in spelling_variants(surface):
        words = ""
        if all(ord(c) < LATIN_END for c in variant):
            words = _latin_words(variant.encode("utf-8")).strip()
        keys = latin
        if not words:  # letters of another script, or only ones outside ASCII: as text
            words, keys = _STR_SPACES.sub(" ", variant.lower()).strip(), other
        keys.update((f" {words} ", f" {words}s "))
        if words[-1:].isdigit():
            keys.add(f" {words}")


def _automaton(keys: set[str]) -> ahocorasick.Automaton:
    automaton = ahocorasick.Automaton()
    for key in keys:
        automaton.add_word(key, len(key))
    automaton.make_automaton()
    return automaton


def _hit(automaton: ahocorasick.Automaton, text: str) -> bool:
    return next(automaton.iter(text), None) is not None


def _utf8(page: str | bytes) -> bytes | None:
    if isinstance(page, str):
        return page.encode("utf-8", "replace")
    try:
        page.decode("utf-8")
    except UnicodeDecodeError:
        return None
    return page


def _text_bytes(raw: bytes) -> bytes:
    """What of the page can become text, in lower case, without tags, references decoded."""
    text = _without_hidden(raw.lower())
    text = _TAG.sub(b"", _SEPARATING_TAG.sub(b" ", text))
    if b"&" in text:
        text = _REFERENCE.sub(_decoded, text)
    if not text.isascii():
        for invisible in _INVISIBLE:
            if invisible in text:
                text = text.replace(invisible, b"")
        if b"\xef\xbc" in text or b"\xef\xbd" in text:
            text = _FULL_WIDTH.sub(_half_width, text)
    return text


def _latin_words(text: bytes) -> str:
    """ASCII letters and digits, every run of anything else one space."""
    return b" ".join(text.translate(_WORDS).split()).decode("ascii")


def _other_words(text: bytes) -> str:
    """The text as the matcher folds it, in lower case, runs of spaces as one."""
    decoded = " ".join(text.decode("utf-8", "replace").split())
    return _STR_SPACES.sub(" ", fold_words(decoded.translate(_INVISIBLE_CHARS)).lower())


def _without_hidden(page: bytes) -> bytes:
    """``page`` (in lower case) without comments, scripts, styles and titles. An element
    never closed is kept as it is; each search goes on from where the last one ended, so
    the time is linear whatever the page."""
    pieces: list[bytes] = []
    done = searched = 0
    while (found := _HIDDEN.search(page, searched)) is not None:
        searched = found.end()
        opening = found.group()
        if opening == b"<!--":
            close = b"-->"
        elif page[searched : searched + 1] in _NAME_ENDS:
            close = b"</" + opening[1:]
        else:
            continue  # "<scripture>" is not a script
        end = page.find(close, found.start() + 2)  # "<!-->" is a whole (empty) comment
        if end < 0:
            break
        pieces.append(page[done : found.start()])
        done = searched = end + len(close)
    pieces.append(page[done:])
    return b" ".join(pieces)


@lru_cache(maxsize=4096)
def _decoded_reference(reference: bytes) -> bytes:
    return html.unescape(reference.decode("ascii")).encode("utf-8", "replace")


def _decoded(match: re.Match[bytes]) -> bytes:
    return _decoded_reference(match.group())


def _half_width(match: re.Match[bytes]) -> bytes:
    return chr(ord(match.group().decode("utf-8")) - 0xFEE0).lower().encode("ascii")
