"""Markdown output shows text as it is: what escape_markdown writes, a
CommonMark renderer (markdown-it, which Rich brings) turns back into the text."""

from __future__ import annotations

import html
import re
from datetime import UTC, datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from briefing.bookmarks.export import to_markdown as bookmarks_markdown
from briefing.bookmarks.model import Bookmark
from briefing.presentation.output import escape_markdown

RENDERER = MarkdownIt("commonmark")


def shown(markdown: str) -> str:
    """The text a reader of the rendered ``markdown`` paragraph sees."""
    rendered = RENDERER.render(markdown)
    assert re.fullmatch(r"(<p>.*</p>\n)?", rendered, re.S), rendered  # no list, heading, rule
    return " ".join(html.unescape(re.sub(r"</?p>", "", rendered)).split())


@pytest.mark.parametrize(
    "text",
    [
        "53 articles · 2 sources",  # was "\53 articles"
        "10 respectively",
        "1. This starts with a number.",
        "1) so does this",
        "- a dash",
        "= an underline",
        "# not a heading",
        "> not a quote",
        "*not emphasis* and _not_ either",
        "[not a link](http://example.com)",
        "AT&amp;T",
        "a `tick` and a \\ backslash",
        "3.5 million, -5 degrees, 2024-01-01",
        "---",  # a rule (review found it)
        "- --",
    ],
)
def test_markdown_shows_the_text_as_it_is(text: str) -> None:
    assert shown(escape_markdown(text)) == text


@settings(max_examples=300, deadline=None)
@given(st.text(st.characters(min_codepoint=0x20, max_codepoint=0x7E), min_size=1, max_size=40))
def test_markdown_shows_any_printable_line_as_it_is(text: str) -> None:
    expected = " ".join(text.split())
    if not expected:
        return
    assert shown(escape_markdown(expected)) == expected


def test_exported_notes_and_excerpt_stay_apart() -> None:
    # Found trying the CLI: the excerpt ran on inside the note's quote, and a
    # conflicting note ran on into the note as one paragraph.
    moment = datetime(2024, 5, 1, tzinfo=UTC)
    entry = Bookmark(
        "0123456789ab", "Port expansion", moment, moment,
        excerpt="The authority approved the plan.",
        note="desktop note newer", note_conflicts=("laptop note",),
    )  # fmt: skip
    rendered = RENDERER.render(bookmarks_markdown([entry]))
    quote = rendered[rendered.index("<blockquote>") : rendered.index("</blockquote>")]
    assert quote.count("<p>") == 2  # the note, then the other note
    assert "desktop note newer" in quote and "laptop note" in quote
    assert "The authority approved" not in quote
    assert "<p>The authority approved the plan.</p>" in rendered
