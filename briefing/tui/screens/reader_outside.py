"""The reader's ways out: the browser (`o`), an editor (`e`), a pager (`p`),
the clipboard (`y`, `Y`). A part the reader screen owns.

An editor or pager gets the terminal: the app is suspended (Textual's
``App.suspend``) while it runs, and redraws after. Copying goes through the
terminal (OSC 52), so it works over ssh too.
"""

from __future__ import annotations

import os
import subprocess
from typing import TYPE_CHECKING

from briefing.tui.elsewhere import editor_command, pager_command, summary_copied, summary_text

if TYPE_CHECKING:
    from briefing.library.model import Article, Summary
    from briefing.tui.screens.reader import ReaderScreen

__all__ = ["Outside"]


class Outside:
    """Opening and copying the open article, for one reader screen."""

    def __init__(self, screen: ReaderScreen) -> None:
        self.screen = screen
        self.summary: Summary | None = None  # the summary on show, for `y`
        self.summary_of: str | None = None  # the article it summarises

    def _article(self) -> Article | None:
        article = self.screen.current
        if article is None:
            self.screen.notify("Open an article first.", timeout=3)
        return article

    def _url(self) -> str | None:
        article = self._article()
        if article is not None and not article.url:
            self.screen.notify("This article has no url.", timeout=3)
        return (article.url or None) if article is not None else None

    def open_url(self) -> None:
        url = self._url()
        if url is None:
            return
        # webbrowser can block while it starts a browser: not on the UI thread.
        self.screen.run_worker(lambda: _open_browser(url), thread=True, group="browser")
        self.screen.notify(f"Opening {url}", timeout=3, markup=False)

    def run_on_file(self, pager: bool) -> None:
        """Open the article's file in ``$PAGER`` (or ``$VISUAL``/``$EDITOR``)."""
        article = self._article()
        if article is None:
            return
        if article.path is None:
            self.screen.notify("This article has no file (a shared bookmark).", timeout=3)
            return
        build = pager_command if pager else editor_command
        command = build(os.environ, article.path)
        app = self.screen.app
        from textual.app import SuspendNotSupported

        try:
            with app.suspend():
                code = subprocess.call(command)
        except SuspendNotSupported:
            self.screen.notify("This terminal cannot hand itself over to another program.",
                               severity="warning", timeout=4)  # fmt: skip
            return
        except OSError as error:
            self.screen.notify(f"Cannot run {command[0]}: {error.strerror or error}",
                               severity="error", markup=False)  # fmt: skip
            return
        app.refresh(layout=True)
        if code:
            self.screen.notify(f"{command[0]} exited with status {code}.", timeout=4, markup=False)

    def copy_summary(self) -> None:
        article = self._article()
        if article is None:
            return
        summary = self.summary if self.summary and self.summary_of == article.id else None
        self.screen.app.copy_to_clipboard(summary_text(article, summary))
        self.screen.notify(summary_copied(article, summary), timeout=2)

    def copy_url(self) -> None:
        url = self._url()
        if url is None:
            return
        self.screen.app.copy_to_clipboard(url)
        self.screen.notify("Copied the url.", timeout=2)

    def summary_shown(self, article_id: str, summary: Summary) -> None:
        self.summary, self.summary_of = summary, article_id


def _open_browser(url: str) -> None:
    import webbrowser

    webbrowser.open(url)
