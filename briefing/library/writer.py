"""Articles written into the library as Markdown with YAML front matter.

The one file form that both `briefing update` and `briefing import` write,
so that every article from a feed or a web page is read back by the same
Markdown loader as a hand-made file. Every write is atomic.
"""

from __future__ import annotations

from pathlib import Path

from briefing.library.loaders.markdown import parse_markdown
from briefing.library.model import Article
from briefing.library.text import sanitise
from briefing.storage.fsutil import atomic_write_text, slugify, unique_path

__all__ = ["article_markdown", "as_library_reads_it", "new_article_path", "write_new"]

# The body is written as the text it is: the Markdown loader may read a line
# such as "# 1" or "*x*" as syntax and drop the marks, which costs a few
# characters of the odd article but never a word. Ids and digests are taken
# from the file as it is read back (as_library_reads_it), so they agree with
# the library's.


def article_markdown(article: Article, extra: dict[str, str | None] | None = None) -> str:
    """The Markdown file of an article: front matter, a blank line, the body."""
    import yaml

    fields: dict[str, object] = {
        "title": sanitise(article.title),
        "source": article.source,
        "url": article.url,
        "published": article.published,
        "author": article.author,
        "tags": list(article.tags) or None,
        **(extra or {}),
    }
    meta = {
        key: sanitise(value) if isinstance(value, str) else value
        for key, value in fields.items()
        if value is not None
    }
    # libyaml's dumper when PyYAML was built with it: about ten times faster.
    dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
    front = yaml.dump(meta, Dumper=dumper, allow_unicode=True, sort_keys=False, width=1_000_000)
    return f"---\n{front}---\n\n{sanitise(article.body)}\n"


def as_library_reads_it(text: str, path: Path | None = None) -> Article:
    """The article a written file will be read back as (its id is the library's)."""
    return parse_markdown(text, path)[0]


def new_article_path(folder: Path, title: str) -> Path:
    """A fresh file name in ``folder`` from the title: never outside it (the
    slug has no separators or dots), never an existing file."""
    return unique_path(folder, slugify(title), ".md")


def write_new(folder: Path, text: str, title: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    target = new_article_path(folder, title)
    atomic_write_text(target, text)
    return target
