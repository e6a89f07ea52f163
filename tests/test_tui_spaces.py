"""Issue 13, defect 6: no space lost after a highlighted sentence.

The terminal always showed "bay. The trust"; pictures of the screen (our SVG
snapshots and screenshots, turned into PNGs by librsvg) showed "bay.The trust",
because the space began a new styled run and SVG renderers may strip a run's
leading spaces. These tests check the text pane as laid out and rendered, and
the screenshot as an SVG renderer reads it.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from itertools import pairwise
from pathlib import Path

import pytest
from conftest import STORY_BODY
from rich.cells import cell_len
from textual.pilot import Pilot
from tui_helpers import SECOND_BODY, THIRD_BODY, make_app, make_library, settle

from briefing.tui.screenshot import keep_spaces
from briefing.tui.widgets.article_view import MARGIN, ArticleView
from briefing.tui.wrapping import wrap_offsets

AFTER_HIGHLIGHT = "bay. The trust"
HIGHLIGHTED = "Opponents, led by the Coastal Trust"
PARAGRAPHS = [
    p for body in (STORY_BODY, SECOND_BODY, THIRD_BODY) for p in body.strip().split("\n\n")
]
SVG = "{http://www.w3.org/2000/svg}"
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"


@pytest.fixture
def library(tmp_path: Path) -> Path:
    return make_library(tmp_path / "library")


@pytest.mark.parametrize("width", range(20, 121))
def test_wrapping_loses_no_character(width: int) -> None:
    for paragraph in PARAGRAPHS:
        spans = wrap_offsets(paragraph, width)
        lines = [paragraph[start:end] for start, end in spans]
        assert all(cell_len(line) <= width for line in lines)
        for (_, end), (start, _) in pairwise(spans):
            assert paragraph[end:start] == " "  # every test word fits: breaks fall on spaces
        assert " ".join(lines) == paragraph  # joined by one space where they wrapped


def test_wrapping_keeps_a_non_breaking_space_pair() -> None:
    # The report's source had "companies.\u00a0 Another": both spaces are text.
    text = "Staff welcomed it.\u00a0 Another area for work is the rail yard."
    for width in range(20, 61):
        spans = wrap_offsets(text, width)
        rebuilt = text[spans[0][0] : spans[0][1]]
        for (_, end), (start, stop) in pairwise(spans):
            assert text[end:start].strip() == ""  # only whitespace is left out, at a break
            rebuilt += text[end:start] + text[start:stop]
        assert rebuilt == text


async def open_story(pilot: Pilot) -> None:
    """Open the first article (the harbour story) in the text pane."""
    await settle(pilot)
    await pilot.press("enter")
    await settle(pilot)


def rendered_paragraphs(view: ArticleView) -> list[str]:
    """The body as the text pane draws it, one string per paragraph."""
    width = view.size.width
    paragraphs: dict[int, list[str]] = {}
    for line in view._lines:
        if line.block >= 0 and view._blocks[line.block].body_offset is not None:
            text = view._render_text_line(line, width).text
            paragraphs.setdefault(line.block, []).append(text[MARGIN:].rstrip())
    return [" ".join(lines) for lines in paragraphs.values()]


@pytest.mark.parametrize("size", [(60, 20), (80, 24), (100, 30), (120, 36), (160, 40)])
async def test_text_pane_shows_every_character_around_highlights(
    library: Path, size: tuple[int, int]
) -> None:
    app = make_app(library)
    async with app.run_test(size=size) as pilot:
        await open_story(pilot)
        view = app.screen.query_one(ArticleView)
        assert view.article is not None
        highlighted = [view.article.sentences[i].text for i in view.summary]
        assert any(s.startswith(HIGHLIGHTED) for s in highlighted)
        assert rendered_paragraphs(view) == STORY_BODY.strip().split("\n\n")


def svg_rows(svg: str) -> list[str]:
    """Each screen row of a Rich/Textual SVG as an SVG renderer draws it.

    A ``<text>`` without ``xml:space="preserve"`` (on itself or an ancestor)
    loses its leading and trailing spaces, non-breaking ones included: that is
    what librsvg does (rsvg-convert 2.54.7), and SVG 1.1 allows it. What is
    left is drawn from the run's own x, one character per cell.
    """
    rows: dict[float, dict[int, str]] = {}

    def walk(element: ET.Element, preserve: bool) -> None:
        preserve = element.get(XML_SPACE, "preserve" if preserve else "default") == "preserve"
        if element.tag == f"{SVG}text" and element.get("textLength") and element.text:
            text = element.text if preserve else element.text.strip()
            cell = float(element.get("textLength", 0)) / max(1, cell_len(element.text))
            column = round(float(element.get("x", 0)) / cell)
            row = rows.setdefault(float(element.get("y", 0)), {})
            for offset, char in enumerate(text):
                row[column + offset] = char
        for child in element:
            walk(child, preserve)

    walk(ET.fromstring(svg), preserve=False)
    out = []
    for _, cells in sorted(rows.items()):
        out.append("".join(cells.get(i, " ") for i in range(max(cells) + 1)).replace("\xa0", " "))
    return out


async def test_screenshot_keeps_the_space_after_a_highlighted_sentence(library: Path) -> None:
    app = make_app(library)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_story(pilot)
        rows = svg_rows(app.export_screenshot())
    assert any(AFTER_HIGHLIGHT in row for row in rows), "\n".join(rows)
    assert not any(re.search(r"bay\.The", row) for row in rows)


def test_keep_spaces_marks_the_root_once() -> None:
    svg = '<svg class="rich-terminal" xmlns="http://www.w3.org/2000/svg"><text> a</text></svg>'
    kept = keep_spaces(svg)
    assert kept.startswith('<svg xml:space="preserve" class="rich-terminal"')
    assert keep_spaces(kept) == kept
    assert ET.fromstring(kept).get(XML_SPACE) == "preserve"
