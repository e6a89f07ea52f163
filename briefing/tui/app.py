"""The Textual application: settings, theme, keymap, screens and palette."""

from __future__ import annotations

import contextlib
import gc
import threading
from collections.abc import Iterable
from functools import partial
from pathlib import Path
from typing import ClassVar

from textual import work
from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.screen import Screen

from briefing.library.load import DEFAULT_MAX_BYTES
from briefing.storage.cache import DerivedCache
from briefing.storage.config import ConfigError, Settings, data_dir, save_setting
from briefing.storage.readstate import ReadState
from briefing.tui.screens.reader import ReaderScreen
from briefing.tui.screenshot import keep_spaces

__all__ = ["BriefingApp"]


def resume_collection() -> None:
    """Turn the garbage collector back on, leaving out what start-up made: it
    lives as long as the reader, and every collection would go through it."""
    gc.freeze()
    gc.enable()


def _article_commands() -> type:
    # The palette's machinery is imported when the palette first opens, not
    # at start-up: the first frame should not wait for it.
    from briefing.tui.commands import ArticleCommands

    return ArticleCommands


class BriefingApp(App[None]):
    """briefing's reader."""

    CSS_PATH = "app.tcss"
    TITLE = "briefing"
    COMMANDS: ClassVar = App.COMMANDS | {lambda: _article_commands()}
    ENABLE_COMMAND_PALETTE = True
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("q", "quit", "Quit", id="app.quit"),
        Binding("ctrl+p", "command_palette", "Commands", show=False, id="app.palette"),
    ]

    def __init__(
        self,
        paths: list[Path],
        settings: Settings | None = None,
        *,
        max_bytes: int = DEFAULT_MAX_BYTES,
        read_state: ReadState | None = None,
        save_settings: bool = True,
        bookmarks_path: Path | None = None,
        library: Path | None = None,
        collect_after_start: bool = False,
    ) -> None:
        super().__init__()
        # The garbage collector was paused for start-up (run.py): resume it
        # after the first frame.
        self._collect_after_start = collect_after_start
        self.paths = paths
        self.settings = settings or Settings()
        self.max_bytes = max_bytes
        self.read_state = read_state or ReadState(data_dir() / "read.json")
        self.derived = DerivedCache()
        self._save_settings = save_settings
        self._settings_lock = threading.Lock()
        self.bookmarks_path = bookmarks_path
        self.keymap_overrides = dict(self.settings.keymap)
        # `r` writes into ``library`` (default: the library folder rule).
        self.reader = ReaderScreen(
            paths, self.settings.algorithm, self.settings.sentences, library=library
        )

    def on_mount(self) -> None:
        if self._collect_after_start:
            self.call_after_refresh(resume_collection)
        if self.settings.theme:
            if self.settings.theme in self.available_themes:
                self.theme = self.settings.theme
            else:
                self.settings.problems.append(f"unknown theme {self.settings.theme!r} in config")
        self.set_keymap(self.keymap_overrides)
        # After the first frame: checking imports the summarizers (and, with a
        # keymap, every screen), which that frame does not need.
        self.call_after_refresh(self._report_settings)
        # Only changes made from now on are the user's choice, worth saving.
        self.theme_changed_signal.subscribe(self, self._theme_changed)

    def _report_settings(self) -> None:
        self._check_settings()
        for problem in self.settings.problems:
            self.notify(problem, title="Settings", severity="warning", markup=False, timeout=10)

    def _check_settings(self) -> None:
        """Say what in config.toml is not used, instead of ignoring it silently."""
        from briefing.analysis.summarize import ALGORITHMS
        from briefing.tui.keys import binding_ids
        from briefing.tui.screens.reader import MAX_SENTENCES

        problems = self.settings.problems
        if self.settings.algorithm not in ALGORITHMS:
            problems.append(
                f"unknown summary.algorithm {self.settings.algorithm!r} in config; "
                f"using default (choose from {', '.join(ALGORITHMS)})"
            )
        if self.settings.sentences > MAX_SENTENCES:
            problems.append(f"summary.sentences is at most {MAX_SENTENCES}; using {MAX_SENTENCES}")
        # Only with a keymap: finding every binding imports every screen.
        keymap = set(self.keymap_overrides)
        unknown = sorted(keymap - binding_ids()) if keymap else []
        if unknown:
            problems.append(
                "unknown binding id(s) in [keymap]: " + ", ".join(unknown) + " (see the help, ?)"
            )

    def export_screenshot(self, *, title: str | None = None, simplify: bool = False) -> str:
        # Textual's screenshot command, our snapshots and scripts/screenshots.py
        # all come through here: keep spaces that begin a styled run (issue 13).
        return keep_spaces(super().export_screenshot(title=title, simplify=simplify))

    def get_default_screen(self) -> Screen:
        # The reader is the first screen itself: no blank default screen is
        # mounted and painted before it.
        return self.reader

    def _theme_changed(self, theme: object) -> None:
        name = getattr(theme, "name", None)
        if self._save_settings and isinstance(name, str) and name != self.settings.theme:
            self.settings.theme = name
            self.remember("theme", name)

    def remember(self, key: str, value: str | int) -> None:
        """Save a choice to config.toml (``"table.key"``), keeping the user's comments."""
        if self._save_settings:
            # One group per key, exclusive: of a quick run of changes (+ + +)
            # only the last needs writing; other keys are not held up.
            self.run_worker(partial(self._remember, key, value), thread=True, exclusive=True,
                            group=f"setting:{key}")  # fmt: skip

    def _remember(self, key: str, value: str | int) -> None:
        try:
            with self._settings_lock:  # one read-modify-write of the file at a time
                save_setting(key, value)
        except (ConfigError, OSError) as error:
            self.call_from_thread(
                self.notify, str(error), title="Setting not saved", severity="warning",
                markup=False,
            )  # fmt: skip

    def mark_read(self, article_id: str, read: bool = True) -> None:
        if read:
            self.read_state.mark([article_id])
        else:
            self.read_state.unmark([article_id])
        self._save_read_state()

    def mark_all_read(self, article_ids: list[str]) -> None:
        self.read_state.mark(article_ids)
        self._save_read_state()

    @work(thread=True, exclusive=True, group="read-state")
    def _save_read_state(self) -> None:
        # Read marks are a convenience: never interrupt reading for them.
        with contextlib.suppress(OSError):
            self.read_state.save()

    def show_empty_library(self, problems: int) -> None:
        from briefing.tui.screens.empty import EmptyLibraryScreen

        where = ", ".join(str(p) for p in self.paths)
        self.push_screen(EmptyLibraryScreen(where, problems))

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        if isinstance(screen, ReaderScreen):
            yield from screen.palette_commands()
