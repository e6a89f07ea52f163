"""JSON Lines: one article per line, ``{"title", "text", "url"?, "published"?,
"source"?, "author"?}``. A bad line is named and skipped; the rest are read."""

from __future__ import annotations

import json

from briefing.library.model import Article
from briefing.library.text import sanitise

__all__ = ["parse_jsonl"]

_OPTIONAL = ("url", "published", "source", "author")


def parse_jsonl(text: str) -> tuple[list[Article], list[str]]:
    """The articles, and one reason per line that is not one ("line 3: …")."""
    articles: list[Article] = []
    problems: list[str] = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
        except ValueError as error:
            problems.append(f"line {number}: not valid JSON ({error})")
            continue
        try:
            articles.append(_article(item))
        except ValueError as error:
            problems.append(f"line {number}: {error}")
    return articles, problems


def _article(item: object) -> Article:
    if not isinstance(item, dict):
        raise ValueError("not a JSON object")
    title, text = item.get("title"), item.get("text")
    if not isinstance(title, str) or not title.strip():
        raise ValueError('no "title"')
    if not isinstance(text, str) or not text.strip():
        raise ValueError('no "text"')
    extra = {key: item.get(key) for key in _OPTIONAL}
    for key, value in extra.items():
        if value is not None and not isinstance(value, str):
            raise ValueError(f'"{key}" must be a string')

    def one_line(value: str | None) -> str | None:
        return " ".join(sanitise(value).split()) or None if value else None

    paragraphs = (" ".join(p.split()) for p in sanitise(text).split("\n\n"))
    return Article(
        title=one_line(title) or "Untitled",
        body="\n\n".join(p for p in paragraphs if p),
        url=one_line(extra["url"]),
        published=one_line(extra["published"]),
        source=one_line(extra["source"]),
        author=one_line(extra["author"]),
    )
