"""Ingest settings: one typed object, built once by the caller and passed to every reader."""

from __future__ import annotations

from dataclasses import dataclass
from importlib.util import find_spec
from typing import Literal

# trafilatura: the reference main-text extraction; resiliparse: Resiliparse's, about 15 times
# faster on web pages and measured to keep their articles (see benchmarks/bench_readers.py);
# it needs the ``fast`` extra.
HtmlReader = Literal["trafilatura", "resiliparse"]


@dataclass(frozen=True)
class IngestSettings:
    max_bytes: int = 2_000_000  # one article; a 20 MB "article" is a dump, not news
    # Skip web pages (HTML files, WARC records) that name no weapon before their main text is
    # extracted: the extractor finds no transfer without one (see ``prefilter``). Off by
    # default, so that every page is an article; a crawl turns it on.
    prefilter: bool = False
    # The extractor's extra catalogue files: a weapon they add must keep its pages.
    catalogue_files: tuple[str, ...] = ()
    html_reader: HtmlReader = "trafilatura"

    def __post_init__(self) -> None:
        if self.html_reader == "resiliparse" and find_spec("resiliparse") is None:
            raise ModuleNotFoundError(
                "the resiliparse reader needs Resiliparse: pip install 'armstrack[fast]'"
            )


DEFAULT_SETTINGS = IngestSettings()
