"""How a binding's keys are shown, with the user's keymap applied."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from textual.binding import Binding

if TYPE_CHECKING:
    from textual.dom import DOMNode

__all__ = ["KeyDisplay", "keys_label"]

KeyDisplay = Callable[[Binding], str]


def keys_label(binding: Binding, keymap: dict[str, str], display: KeyDisplay) -> str:
    """The keys that trigger ``binding`` now (the user's keymap applied)."""
    keys = keymap.get(binding.id or "", binding.key)
    if binding.key_display and keys == binding.key:
        return binding.key_display
    return ", ".join(
        display(Binding(key.strip(), binding.action)) for key in keys.split(",") if key.strip()
    )


def binding_owners() -> list[type[DOMNode]]:
    """Every class of the reader that declares key bindings."""
    from briefing.tui.app import BriefingApp
    from briefing.tui.screens.editors import NoteEditor, TagEditor
    from briefing.tui.screens.empty import EmptyLibraryScreen
    from briefing.tui.screens.help import HelpScreen
    from briefing.tui.screens.reader import ReaderScreen
    from briefing.tui.widgets.article_list import ArticleList
    from briefing.tui.widgets.article_view import ArticleView
    from briefing.tui.widgets.facts_view import FactsView
    from briefing.tui.widgets.filter_bar import FilterBar
    from briefing.tui.widgets.summary_view import SummaryView

    return [BriefingApp, ReaderScreen, ArticleList, ArticleView, SummaryView, FactsView,
            FilterBar, HelpScreen, NoteEditor, TagEditor, EmptyLibraryScreen]  # fmt: skip


def binding_ids() -> set[str]:
    """The ids a user can remap in the [keymap] of config.toml."""
    return {
        binding.id
        for owner in binding_owners()
        for binding in owner.BINDINGS
        if isinstance(binding, Binding) and binding.id
    }
