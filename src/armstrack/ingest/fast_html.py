"""The fast HTML reader: Resiliparse's main-content extraction (the ``fast`` extra).

The main text comes from Resiliparse, about 20 times faster than trafilatura's. The
metadata is found by trafilatura's own functions, in the order its ``extract_metadata``
calls them, so that a page has the same id, title, outlet and date whichever reader
read it; authors, categories, tags and licence, which armstrack does not use, are left
out, and they are most of the cost.
"""

from __future__ import annotations

from contextlib import suppress
from typing import Any

from htmldate import find_date
from resiliparse.extract.html2text import extract_plain_text
from resiliparse.parse.encoding import bytes_to_str, detect_encoding
from resiliparse.parse.html import HTMLTree
from trafilatura.metadata import (
    META_URL,
    examine_meta,
    extract_meta_json,
    extract_sitename,
    extract_title,
    extract_url,
)
from trafilatura.utils import load_html

from armstrack.errors import InputError
from armstrack.ingest.html import DATE_PARAMS, Page

# As trafilatura is called: no comment sections, no alternative texts of images (the
# pre-filter does not read attributes), no form fields, no link targets.
TEXT_OPTIONS: dict[str, Any] = {
    "preserve_formatting": True,  # paragraphs end lines: sentences do not run together
    "main_content": True,
    "list_bullets": False,
    "alt_texts": False,
    "links": False,
    "form_fields": False,
    "noscript": False,
    "comments": False,
    "post_meta": False,  # bylines and "posted on" lines, which trafilatura leaves out too
}


def main_text(source: str, markup: str | bytes) -> str:
    """The page's main text, maybe empty."""
    try:
        if isinstance(markup, bytes):
            markup = bytes_to_str(markup, detect_encoding(markup) or "utf-8")
        return extract_plain_text(HTMLTree.parse(markup), **TEXT_OPTIONS)
    except Exception as exc:  # a parser crash on one page must not end the batch
        raise InputError(source, f"cannot parse the HTML ({exc!r}); please report it") from exc


def with_metadata(source: str, markup: str | bytes, url: str | None, text: str) -> Page:
    """The page of main text ``text`` with its metadata, found as trafilatura finds it."""
    try:
        tree = load_html(markup)
        return _metadata(tree, url, text) if tree is not None else Page(text)
    except Exception as exc:  # as for the text: one page's crash is one error item
        raise InputError(source, f"cannot parse the HTML ({exc!r}); please report it") from exc


def _metadata(tree: Any, url: str | None, text: str) -> Page:
    """trafilatura's ``extract_metadata`` for the fields armstrack keeps."""
    found = examine_meta(tree)
    with suppress(Exception):  # trafilatura ignores the errors of its JSON-LD reader too
        found = extract_meta_json(tree, found)
    found.title = found.title or extract_title(tree)
    found.url = found.url or extract_url(tree, url)
    found.date = find_date(
        tree,
        url=found.url,
        original_date=DATE_PARAMS["original_date"],
        extensive_search=DATE_PARAMS["extensive_search"],
    )
    found.sitename = found.sitename or extract_sitename(tree)
    if found.sitename:
        found.sitename = found.sitename.lstrip("@")
        if found.sitename and "." not in found.sitename and not found.sitename[0].isupper():
            found.sitename = found.sitename.title()
    elif found.url:
        match = META_URL.match(found.url)
        if match:
            found.sitename = match[1]
    found.clean_and_trim()
    return Page(text, found.url, found.date, found.title, found.sitename)
