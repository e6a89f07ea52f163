"""The README's promises that can drift: every binding id is documented."""

from __future__ import annotations

import re

from conftest import ROOT
from textual.binding import Binding

from briefing.tui.app import BriefingApp
from briefing.tui.screens.editors import NoteEditor, TagEditor
from briefing.tui.screens.help import HelpScreen
from briefing.tui.screens.reader import ReaderScreen
from briefing.tui.widgets.article_list import ArticleList
from briefing.tui.widgets.article_view import ArticleView
from briefing.tui.widgets.facts_view import FactsView
from briefing.tui.widgets.filter_bar import FilterBar
from briefing.tui.widgets.summary_view import SummaryView

OWNERS = (BriefingApp, ReaderScreen, ArticleList, ArticleView, SummaryView, FactsView,
          FilterBar, HelpScreen, NoteEditor, TagEditor)  # fmt: skip


def test_every_binding_has_a_unique_documented_id() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    documented = set(re.findall(r"`([a-z]+\.[a-z_]+)`", readme))
    ids = [b.id for owner in OWNERS for b in owner.BINDINGS if isinstance(b, Binding)]
    assert all(ids), "every binding needs an id, so users can remap it"
    assert len(ids) == len(set(ids))
    assert set(ids) <= documented, f"undocumented: {sorted(set(ids) - documented)}"


def test_readme_commands_install_and_test() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```sh\n(.*?)\n```", readme, re.S)
    assert "pip install . && briefing" in blocks[0]
    assert 'pip install -e ".[test]" && python -m pytest' in blocks[1]
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert 'pip install --quiet -e ".[test]"' in ci and "python -m pytest" in ci
