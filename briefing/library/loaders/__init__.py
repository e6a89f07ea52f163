"""Loaders that turn one file's text into articles, one module per format."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from briefing.library.loaders.errors import ArticleFormatError, ArticleReadError
from briefing.library.loaders.plaintext import parse_plaintext
from briefing.library.model import Article

__all__ = ["SUFFIXES", "ArticleFormatError", "ArticleReadError", "parse_file_text"]

Parser = Callable[[str, Path | None], list[Article]]


def parse_markdown(text: str, path: Path | None = None) -> list[Article]:
    # Imported on first use: its many patterns cost a library of plain text
    # files a millisecond at every start.
    from briefing.library.loaders.markdown import parse_markdown

    return parse_markdown(text, path)


def parse_html(text: str, path: Path | None = None) -> list[Article]:
    # trafilatura is heavy: imported only when a folder holds a saved page.
    from briefing.library.loaders.html import parse_html_page

    return [parse_html_page(text, path)]


# File endings we look for inside folders. A file named explicitly on the
# command line is read as plain text whatever its ending.
SUFFIXES: dict[str, Parser] = {
    ".txt": parse_plaintext,
    ".text": parse_plaintext,
    ".md": parse_markdown,
    ".markdown": parse_markdown,
    ".html": parse_html,
    ".htm": parse_html,
}


def parse_file_text(text: str, path: Path | None) -> list[Article]:
    """Parse decoded, sanitised text with the loader that the path's ending names."""
    suffix = path.suffix.lower() if path else ".txt"
    parser = SUFFIXES.get(suffix, parse_plaintext)
    return parser(text, path)
