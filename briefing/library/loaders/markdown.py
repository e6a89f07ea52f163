"""Markdown with an optional YAML front-matter block.

Front matter supplies title, source, url, published, author and tags. The body
is reduced to readable text (links keep their words, emphasis markers go) so
that sentences, summaries and search see prose, not syntax.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from briefing.library.loaders.errors import ArticleFormatError
from briefing.library.loaders.plaintext import MAX_TITLE_CHARS, clean_body, title_from_path
from briefing.library.model import Article
from briefing.library.text import reveal_controls

__all__ = ["markdown_to_text", "parse_markdown", "split_front_matter"]

_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)?(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)
# Every pattern below runs in linear time on any input: a span never contains
# its own opening mark ("[" in link text, "**" in bold, "<" in a tag, "<!--"
# in a comment), so a run of openers that never close is read once, not once
# per opener. (With ".+?" spans, 40 KB of "**a " took 24 s, and the time grew
# with the square of the length.)
_FENCE = re.compile(r"^(```|~~~).*?^\1[^\n]*$", re.S | re.M)
_COMMENT = re.compile(r"<!--(?>(?:[^<-]++|<(?!!--)|-(?!->))*)-->")
_IMAGE = re.compile(r"!\[([^\[\]]*+)\]\([^()]*+\)")
_LINK = re.compile(r"\[([^\[\]]++)\]\((?>(?:[^()]++|\([^()]*+\))*)\)")
_REF_LINK = re.compile(r"\[([^\[\]]+)\]\[[^\[\]]*\]")
_REF_DEF = re.compile(r"^ {0,3}\[[^\[\]\n]+\]:[ \t]+\S+.*$", re.M)
# The heading's closing "#"s and spaces are stripped in code: a pattern doing
# it backtracked over every run of "# # #" once per character.
_HEADING = re.compile(r"^ {0,3}#{1,6}[ \t]+(.*)$", re.M)
_SETEXT = re.compile(r"^(.+)\n(?:=+|-+)[ \t]*$", re.M)
_RULE = re.compile(r"^ {0,3}(?:[-*_][ \t]*){3,}$", re.M)
_QUOTE = re.compile(r"^ {0,3}>[ \t]?", re.M)
_BULLET = re.compile(r"^([ \t]*)[-*+][ \t]+", re.M)
# (Possessive quantifiers and atomic groups, and the mark before its
# lookbehind, because a span that cannot hold its mark can only end at the
# next one: the same matches as lazy ".+?" spans, found several times faster.
# A repeated group is atomic, not possessive: Python 3.11.2's re, Debian 12's,
# found no bold text and no comment with "(…)++"; tests/test_regex_portability.py.)
_STRONG = re.compile(
    r"\*\*(?=\S)((?>(?:[^*\n]++|\*(?!\*))+))(?<=\S)\*\*|__(?=\S)((?>(?:[^_\n]++|_(?!_))+))(?<=\S)__"
)
_EMPHASIS = re.compile(
    r"\*(?<![\w*]\*)(?=\S)([^*\n]++)(?<=\S)\*(?![\w*])|_(?<![\w*]_)(?=\S)([^_\n]++)(?<=\S)_(?![\w*])"
)
_CODE = re.compile(r"`+([^`]+)`+")
_HTML_TAG = re.compile(r"</?[A-Za-z][^<>\n]*>")
_BLOCK_START = re.compile(r"^\s*(?:\d+[.)]\s|[-*+]\s|#)")


# Front matter is a handful of fields; anything longer is not front matter we
# should spend time on (and a YAML document can be made expensive to read).
MAX_FRONT_MATTER_CHARS = 64 * 1024
_SHOWN_VALUE_CHARS = 60


@dataclass(frozen=True, slots=True)
class _Unreadable:
    """A front-matter value YAML could not construct (a date such as 2024-02-30)."""

    raw: str


@cache
def _loader() -> type:
    import yaml

    # libyaml's loader when PyYAML was built with it: many times faster.
    base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

    class Loader(base):  # type: ignore[misc, valid-type]
        def construct_object(self, node: Any, deep: bool = False) -> Any:
            # One bad value (an impossible date, `!!timestamp 2024-99-99`, a
            # tag we do not build) becomes an unreadable marker, not an error
            # for the whole file. PyYAML's constructors fail in many ways
            # (ValueError, AttributeError on a malformed !!timestamp, their
            # own ConstructorError), so any failure but depth counts.
            try:
                return super().construct_object(node, deep)
            except RecursionError:
                raise
            except Exception:
                self.recursive_objects.pop(node, None)
                value = _Unreadable(str(getattr(node, "value", "") or ""))
                self.constructed_objects[node] = value
                return value

    return Loader


def _load_yaml(block: str) -> Any:
    import yaml  # only files with front matter pay for PyYAML

    loader = _loader()
    try:
        # Aliases are refused before anything is built: a few hundred bytes of
        # nested aliases expand to gigabytes (a "billion laughs"). An alias
        # is written "*name": a block without "*" has none to look for.
        if "*" in block:
            for event in yaml.parse(block, Loader=loader):
                if isinstance(event, yaml.AliasEvent):
                    raise ArticleFormatError("front matter uses YAML aliases (*name), not read")
        return yaml.load(block, Loader=loader)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f" (line {mark.line + 2})" if mark is not None else ""
        raise ArticleFormatError(f"invalid YAML front matter{where}") from None
    except RecursionError:
        raise ArticleFormatError("front matter nested too deeply") from None


def split_front_matter(text: str) -> tuple[dict[str, Any], str]:
    match = _FRONT_MATTER.match(text)
    if not match:
        return {}, text
    block = match.group(1) or ""
    if len(block) > MAX_FRONT_MATTER_CHARS:
        raise ArticleFormatError(
            f"front matter longer than {MAX_FRONT_MATTER_CHARS // 1024} KB, not read"
        )
    data = _load_yaml(block) or {}
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


def _heading_text(match: re.Match[str]) -> str:
    return match.group(1).rstrip(" \t#")


def _inner(match: re.Match[str]) -> str:
    """The text inside bold or italic marks, whichever alternative matched."""
    return match.group(1) if match.group(1) is not None else match.group(2)


# Each pattern with the characters or strings it cannot match without: a
# text that has none of them skips the pattern (the output is the same; news
# prose lacks most of them, and reading a feed entry's file back took half
# the time). A line-anchored pattern tries every position of the text, so
# the longer marks matter: prose has hyphens, but rarely "- " or "]:".
_Step = tuple[re.Pattern[str], str | Callable[[re.Match[str]], str], tuple[str, ...]]
_STEPS: tuple[_Step, ...] = (
    (_FENCE, "", tuple("`~")),
    (_COMMENT, "", ("<",)),
    (_REF_DEF, "", ("]:",)),
    (_SETEXT, r"\1", tuple("=-")),
    (_HEADING, lambda m: "\n" + _heading_text(m) + "\n", ("# ", "#\t")),
    (_RULE, "", tuple("-*_")),
    (_QUOTE, "", (">",)),
    (_IMAGE, "", ("!",)),
    (_LINK, r"\1", ("]",)),
    (_REF_LINK, r"\1", ("]",)),
    (_BULLET, r"\1", ("- ", "* ", "+ ", "-\t", "*\t", "+\t")),
    (_STRONG, _inner, tuple("*_")),
    (_EMPHASIS, _inner, tuple("*_")),
    (_CODE, r"\1", ("`",)),
    (_HTML_TAG, "", ("<",)),
)


def markdown_to_text(markdown: str) -> str:
    text = markdown
    for pattern, replacement, needs in _STEPS:
        if any(mark in text for mark in needs):
            text = pattern.sub(replacement, text)
    paragraphs = re.split(r"\n[ \t]*\n", text)
    return "\n\n".join(_join_soft_breaks(p.strip("\n")) for p in paragraphs if p.strip())


class _Fields:
    """Front-matter fields as text; what cannot be read is left unknown, with a note."""

    def __init__(self, data: dict[str, Any]) -> None:
        self.data = data
        self.notes: list[str] = []

    def _readable(self, key: str, value: Any) -> bool:
        if isinstance(value, _Unreadable):
            shown = reveal_controls(value.raw[:_SHOWN_VALUE_CHARS])
            self.notes.append(f"front matter {key}: cannot read {shown!r}; left unknown")
            return False
        return True

    def text(self, key: str) -> str | None:
        value = self.data.get(key)
        if value is None or not self._readable(key, value):
            return None
        if isinstance(value, dt.date):
            return value.isoformat()
        if isinstance(value, list):
            return ", ".join(str(v) for v in value if self._readable(key, v)) or None
        text = " ".join(str(value).split())
        return text or None

    def tags(self) -> tuple[str, ...]:
        value = self.data.get("tags") or ()
        if not self._readable("tags", value):
            return ()
        if isinstance(value, str):
            value = value.split(",")
        if not isinstance(value, list | tuple):
            value = [value]
        value = [t for t in value if self._readable("tags", t)]
        return tuple(sorted({" ".join(str(t).split()) for t in value if str(t).strip()}))


def _same_words(heading: str, title: str) -> bool:
    def words(text: str) -> list[str]:
        return markdown_to_text(text).casefold().split()

    return words(heading) == words(title)


def parse_markdown(text: str, path: Path | None = None) -> list[Article]:
    data, rest = split_front_matter(text)
    meta = _Fields(data)
    title = meta.text("title")
    heading = _HEADING.match(rest.lstrip("\n")) or _SETEXT.match(rest.lstrip("\n"))
    if heading and (title is None or _same_words(_heading_text(heading), title)):
        # The heading is the title (or repeats the front matter's): not body
        # text, else it would be summary sentence 1 and the bookmark excerpt.
        title = title or _heading_text(heading).strip()
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
            source=meta.text("source"),
            url=meta.text("url") or meta.text("link"),
            published=meta.text("published") or meta.text("date"),
            author=meta.text("author") or meta.text("authors"),
            tags=meta.tags(),
            notes=tuple(meta.notes),
        )
    ]
