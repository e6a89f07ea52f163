"""Markdown with an optional YAML front-matter block.

Front matter supplies title, source, url, published, author and tags. The body
is reduced to readable text (links keep their words, emphasis markers go) so
that sentences, summaries and search see prose, not syntax.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from briefing.library.loaders.errors import ArticleFormatError
from briefing.library.loaders.plaintext import MAX_TITLE_CHARS, clean_body, title_from_path
from briefing.library.model import Article

__all__ = ["markdown_to_text", "parse_markdown", "split_front_matter"]

_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)?(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)
_FENCE = re.compile(r"^(```|~~~).*?^\1[^\n]*$", re.S | re.M)
_COMMENT = re.compile(r"<!--.*?-->", re.S)
_IMAGE = re.compile(r"!\[([^\]]*)\]\([^)]*\)")
_LINK = re.compile(r"\[([^\]]+)\]\((?:[^()]|\([^)]*\))*\)")
_REF_LINK = re.compile(r"\[([^\]]+)\]\[[^\]]*\]")
_REF_DEF = re.compile(r"^ {0,3}\[[^\]]+\]:\s+\S+.*$", re.M)
_HEADING = re.compile(r"^ {0,3}#{1,6}[ \t]+(.*?)[ \t#]*$", re.M)
_SETEXT = re.compile(r"^(.+)\n(?:=+|-+)[ \t]*$", re.M)
_RULE = re.compile(r"^ {0,3}(?:[-*_][ \t]*){3,}$", re.M)
_QUOTE = re.compile(r"^ {0,3}>[ \t]?", re.M)
_BULLET = re.compile(r"^([ \t]*)[-*+][ \t]+", re.M)
_STRONG = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
_EMPHASIS = re.compile(r"(?<![\w*])([*_])(?=\S)(.+?)(?<=\S)\1(?![\w*])")
_CODE = re.compile(r"`+([^`]+)`+")
_HTML_TAG = re.compile(r"</?[A-Za-z][^>\n]*>")
_BLOCK_START = re.compile(r"^\s*(?:\d+[.)]\s|[-*+]\s|#)")


def split_front_matter(text: str) -> tuple[dict[str, Any], str]:
    match = _FRONT_MATTER.match(text)
    if not match:
        return {}, text
    import yaml  # only files with front matter pay for PyYAML

    try:
        # libyaml's loader when PyYAML was built with it: many times faster.
        loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
        data = yaml.load(match.group(1) or "", Loader=loader) or {}
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f" (line {mark.line + 2})" if mark is not None else ""
        raise ArticleFormatError(f"invalid YAML front matter{where}") from None
    if not isinstance(data, dict):
        raise ArticleFormatError("front matter is not a set of key: value fields")
    return data, text[match.end() :]


def _join_soft_breaks(paragraph: str) -> str:
    # In Markdown a single newline inside a paragraph is a space; list items
    # and headings keep their own lines.
    lines = paragraph.split("\n")
    if any(_BLOCK_START.match(line) for line in lines):
        return paragraph
    return " ".join(line.strip() for line in lines)


# Each pattern with a character it cannot match without: a text that lacks
# it skips the pattern (the output is the same; news prose lacks most of
# them, and reading a feed entry's file back took half the time).
_STEPS: tuple[tuple[re.Pattern[str], str | Callable[[re.Match[str]], str], str], ...] = (
    (_FENCE, "", "`~"),
    (_COMMENT, "", "<"),
    (_REF_DEF, "", "]"),
    (_SETEXT, r"\1", "=-"),
    (_HEADING, lambda m: "\n" + m.group(1) + "\n", "#"),
    (_RULE, "", "-*_"),
    (_QUOTE, "", ">"),
    (_IMAGE, "", "!"),
    (_LINK, r"\1", "]"),
    (_REF_LINK, r"\1", "]"),
    (_BULLET, r"\1", "-*+"),
    (_STRONG, r"\2", "*_"),
    (_EMPHASIS, r"\2", "*_"),
    (_CODE, r"\1", "`"),
    (_HTML_TAG, "", "<"),
)


def markdown_to_text(markdown: str) -> str:
    text = markdown
    for pattern, replacement, needs in _STEPS:
        if any(character in text for character in needs):
            text = pattern.sub(replacement, text)
    paragraphs = re.split(r"\n[ \t]*\n", text)
    return "\n\n".join(_join_soft_breaks(p.strip("\n")) for p in paragraphs if p.strip())


def _text_field(data: dict[str, Any], key: str) -> str | None:
    value = data.get(key)
    if value is None:
        return None
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, list):
        return ", ".join(str(v) for v in value) or None
    text = " ".join(str(value).split())
    return text or None


def _tags(data: dict[str, Any]) -> tuple[str, ...]:
    value = data.get("tags") or ()
    if isinstance(value, str):
        value = value.split(",")
    if not isinstance(value, list | tuple):
        value = [value]
    return tuple(sorted({" ".join(str(t).split()) for t in value if str(t).strip()}))


def parse_markdown(text: str, path: Path | None = None) -> list[Article]:
    meta, rest = split_front_matter(text)
    title = _text_field(meta, "title")
    if title is None:
        heading = _HEADING.match(rest.lstrip("\n"))
        if heading:
            title = heading.group(1).strip()
            rest = rest.lstrip("\n")[heading.end() :]
    body = clean_body(markdown_to_text(rest))
    if title is None:
        first, _, remainder = body.partition("\n")
        if first and len(first) <= MAX_TITLE_CHARS and remainder.strip():
            title, body = first.strip(), clean_body(remainder)
        else:
            title = title_from_path(path)
    if not body:
        raise ArticleFormatError("no article text")
    return [
        Article(
            title=title,
            body=body,
            path=path,
            source=_text_field(meta, "source"),
            url=_text_field(meta, "url") or _text_field(meta, "link"),
            published=_text_field(meta, "published") or _text_field(meta, "date"),
            author=_text_field(meta, "author") or _text_field(meta, "authors"),
            tags=_tags(meta),
        )
    ]
