"""Extraction: from one article's text to transfer records with claims and evidence."""

from armstrack.extract.dates import date_prefix
from armstrack.extract.pipeline import Extractor, Settings, extract, extract_article

__all__ = ["Extractor", "Settings", "date_prefix", "extract", "extract_article"]
