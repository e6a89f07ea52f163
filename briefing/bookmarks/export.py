"""Bookmarks for other programs: Markdown to paste into a message, and the
Netscape bookmark file that every browser imports.

Everything from the file is data: Markdown syntax is escaped, HTML is
escaped (attributes included), only http(s) addresses become links, and
control characters are dropped, so a shared file cannot smuggle markup,
scripts or terminal escapes through an export.
"""

from __future__ import annotations

import html
from collections.abc import Iterable

from briefing.bookmarks.model import Bookmark
from briefing.library.text import sanitise
from briefing.library.urls import linkable_url
from briefing.presentation.output import escape_markdown

__all__ = ["to_markdown", "to_netscape_html"]


def _one_line(text: str) -> str:
    return " ".join(sanitise(text).split())


def to_markdown(entries: Iterable[Bookmark]) -> str:
    """A Markdown list: title (linked if it has a web address), tags, note,
    excerpt. Removed bookmarks are left out."""
    blocks = []
    for entry in entries:
        if entry.deleted:
            continue
        title = escape_markdown(_one_line(entry.title) or "Untitled")
        url = linkable_url(entry.url)
        if url:
            title = f"[{title}](<{url.replace('<', '%3C').replace('>', '%3E')}>)"
        line = f"- **{title}**"
        if entry.tags:
            line += " · tags: " + ", ".join(escape_markdown(_one_line(t)) for t in entry.tags)
        lines = [line]
        note = sanitise(entry.note).strip()
        quoted = (
            [[f"  > {escape_markdown(p)}" if p else "  >" for p in note.split("\n")]]
            if note
            else []
        )
        quoted += [
            [f"  > *also noted:* {escape_markdown(_one_line(o))}"] for o in entry.note_conflicts
        ]
        for number, paragraph in enumerate(quoted):
            # Each note a paragraph of its own in the quote (else they run on).
            lines += (["  >"] if number else []) + paragraph
        if entry.excerpt:
            # A blank line first: else the excerpt would run on in the quote.
            lines += ([""] if quoted else []) + [f"  {escape_markdown(_one_line(entry.excerpt))}"]
        blocks.append("\n".join(lines))
    return "\n".join(blocks) + "\n" if blocks else ""


_HTML_HEAD = """\
<!DOCTYPE NETSCAPE-Bookmark-file-1>
<!-- This is an automatically generated file.
     It will be read and overwritten.
     DO NOT EDIT! -->
<META HTTP-EQUIV="Content-Type" CONTENT="text/html; charset=UTF-8">
<TITLE>Bookmarks</TITLE>
<H1>Bookmarks</H1>
<DL><p>
    <DT><H3>briefing</H3>
    <DL><p>
"""
_HTML_FOOT = """\
    </DL><p>
</DL><p>
"""


def _attr(text: str) -> str:
    return html.escape(_one_line(text), quote=True)


def to_netscape_html(entries: Iterable[Bookmark]) -> tuple[str, list[Bookmark]]:
    """The Netscape bookmark file, and the live entries left out of it
    because they have no web address a browser could open."""
    rows: list[str] = []
    skipped: list[Bookmark] = []
    for entry in entries:
        if entry.deleted:
            continue
        url = linkable_url(entry.url)
        if url is None:
            skipped.append(entry)
            continue
        attrs = [
            f'HREF="{_attr(url)}"',
            f'ADD_DATE="{int(entry.created.timestamp())}"',
            f'LAST_MODIFIED="{int(entry.updated.timestamp())}"',
        ]
        if entry.tags:
            # Commas separate tags in this attribute, so none may be inside one.
            attrs.append(f'TAGS="{_attr(",".join(t.replace(",", " ") for t in entry.tags))}"')
        rows.append(f"        <DT><A {' '.join(attrs)}>{_attr(entry.title or url)}</A>\n")
        description = " — ".join(_one_line(t) for t in (entry.note, entry.excerpt) if t.strip())
        if description:
            rows.append(f"        <DD>{html.escape(description, quote=True)}\n")
    return _HTML_HEAD + "".join(rows) + _HTML_FOOT, skipped
