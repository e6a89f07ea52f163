"""HTML into article text: entry fragments of a feed, and whole web pages.

Fragments (a feed entry's content) are reduced with lxml, keeping paragraph
breaks; whole pages go through trafilatura, which finds the main text and
leaves out menus, adverts, cookie notices, related links and comments. Both
libraries are imported only here, and only when HTML is actually read.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from briefing.library.loaders.errors import ArticleFormatError
from briefing.library.model import Article
from briefing.library.text import sanitise

__all__ = ["PageText", "extract_page", "html_to_text", "parse_html_page"]

# Elements whose end is a paragraph break; the rest flows inline.
_BLOCKS = frozenset(
    "p div section article header footer blockquote pre ul ol li dl dt dd table tr "
    "h1 h2 h3 h4 h5 h6 figure figcaption hr address main aside".split()
)
# Never text: their content is code, styling or embedded objects.
_DROP = ("script", "style", "noscript", "iframe", "object", "embed", "template", "svg", "form")
_SPACES = re.compile(r"[ \t\u00a0\r\n]+")
_BREAKS = re.compile(r"\s*\n\s*\n\s*")
# Longest page handed to trafilatura (a larger one is refused, not cut).
MAX_PAGE_CHARS = 5_000_000
# Fewer words than this is no article.
MIN_WORDS = 25


def html_to_text(fragment: str) -> str:
    """The text of an HTML fragment, one paragraph per block, no markup.

    Text that holds no tag at all is taken as plain text.
    """
    if "<" not in fragment:
        return _paragraphs(_unescape(fragment))
    from lxml import etree
    from lxml import html as lxml_html

    try:
        root = lxml_html.fragment_fromstring(fragment, create_parent="div")
    except (etree.ParserError, ValueError):
        return ""
    etree.strip_elements(root, *_DROP, etree.Comment, with_tail=False)
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        if element.tag == "br":
            element.tail = "\n" + (element.tail or "")
        elif element.tag in _BLOCKS:
            element.text = "\n\n" + (element.text or "")
            element.tail = "\n\n" + (element.tail or "")
    return _paragraphs(root.text_content())


def _unescape(text: str) -> str:
    import html

    return html.unescape(text)


def _paragraphs(text: str) -> str:
    text = sanitise(text)
    blocks = (" ".join(_SPACES.split(block)).strip() for block in _BREAKS.split(text))
    return "\n\n".join(block for block in blocks if block)


@dataclass(frozen=True, slots=True)
class PageText:
    """What trafilatura found in a page: the main text and its metadata."""

    title: str | None
    text: str
    author: str | None
    published: str | None
    site: str | None
    url: str | None
    tags: tuple[str, ...] = ()


def extract_page(html: str, url: str | None = None) -> PageText:
    """The main text of a whole page; ArticleFormatError when there is none."""
    if len(html) > MAX_PAGE_CHARS:
        raise ArticleFormatError("page too large to extract")
    import trafilatura

    document = trafilatura.bare_extraction(
        html,
        url=url,
        with_metadata=True,
        include_comments=False,
        favor_precision=True,
        include_tables=False,
        include_images=False,
        include_links=False,
        # Keeps the paragraph structure in the text (one block per line).
        include_formatting=False,
    )
    text = _paragraphs(_lines_to_paragraphs(getattr(document, "text", None) or ""))
    if document is None or len(text.split()) < MIN_WORDS:
        # What trafilatura falls back to on a page without an article is
        # a menu or a footer: a few words, never a story.
        raise ArticleFormatError("no article text found in the page")

    def field(name: str) -> str | None:
        value = getattr(document, name, None)
        return " ".join(sanitise(str(value)).split()) or None if value else None

    title = field("title")
    first, _, rest = text.partition("\n\n")
    if title and rest and first.casefold() == title.casefold():
        text = rest  # the page's headline, repeated as the text's first block
    categories = getattr(document, "categories", None) or []
    tags = getattr(document, "tags", None) or []
    return PageText(
        title=title,
        text=text,
        author=field("author"),
        published=field("date"),
        site=field("sitename") or field("hostname"),
        url=field("url") or url,
        tags=tuple(sorted({t for t in (*categories, *tags) if isinstance(t, str) and t.strip()})),
    )


def _lines_to_paragraphs(text: str) -> str:
    # trafilatura puts each block on its own line.
    return "\n\n".join(line for line in text.split("\n") if line.strip())


def parse_html_page(data: str, path: Path | None = None, url: str | None = None) -> Article:
    """A saved web page as an article (title, author, date and site from the page)."""
    page = extract_page(data, url)
    title = page.title or (path.stem if path else None) or "Untitled"
    return Article(
        title=title,
        body=page.text,
        path=path,
        source=page.site,
        url=page.url,
        published=page.published,
        author=page.author,
        tags=page.tags,
    )
