"""`r` in the reader: update the feeds in a worker, new articles as they arrive.

A part the reader screen owns. The update (the same run as `briefing
update`) goes on in a thread worker; its progress is shown in the title bar,
the list is refreshed as feeds finish (at most once a second), and the
articles it wrote are marked new until they are opened. When the reader was
showing the bundled samples (an empty library), it switches to the library.
"""

from __future__ import annotations

import contextlib
import time
from dataclasses import field
from pathlib import Path
from typing import TYPE_CHECKING

from textual.message import Message

from briefing.tui.messages import message

if TYPE_CHECKING:
    from briefing.feeds.update import FeedOutcome
    from briefing.tui.screens.reader import ReaderScreen

__all__ = ["UpdateController"]

# The list is refreshed at most this often while feeds come in.
REFRESH_SECONDS = 1.0


class UpdateController:
    """Runs one update at a time; keeps the ids of the articles it brought."""

    @message
    class Progress(Message):
        """A feed has finished: ``done`` of ``total``, ``new_ids`` written by it."""

        done: int
        total: int
        new_ids: list[str] = field(default_factory=list)

    @message
    class Finished(Message):
        """Every feed has finished (``error``: the update could not start)."""

        outcomes: list[FeedOutcome]
        error: str | None = None

    def __init__(self, screen: ReaderScreen, library: Path | None) -> None:
        self.screen = screen
        self._library = library
        self.new_ids: set[str] = set()
        self.running = False
        self._new_count = 0
        self._refreshed = 0.0

    @property
    def library(self) -> Path:
        if self._library is None:
            from briefing.library.files import library_dir

            self._library = library_dir()
        return self._library

    def start(self) -> None:
        if self.running:
            self.screen.notify("The feeds are being updated already.", timeout=3)
            return
        self.running = True
        self._new_count = 0
        self.screen.set_status("updating feeds…")
        if self.screen.narrow:  # no title bar there: say that it started
            self.screen.notify("Updating the feeds…", title="Update", timeout=3)
        self.screen.run_worker(self._run, thread=True, exclusive=True, group="feeds-update")

    def _run(self) -> None:
        from briefing.feeds.subscriptions import (
            FeedsFileError,
            load_subscriptions,
            remember_details,
        )
        from briefing.feeds.update import UpdateEvents, run_update

        post = self.screen.post_message
        try:
            feeds = load_subscriptions()
        except FeedsFileError as error:
            post(self.Finished([], f"feeds file {error}"))
            return
        if not feeds:
            post(self.Finished([], "no feeds yet: `briefing feeds add URL` follows one"))
            return
        done = 0
        written: list[str] = []

        def feed_done(outcome: FeedOutcome) -> None:
            nonlocal done, written
            done += 1
            post(self.Progress(done, len(feeds), written))
            written = []

        events = UpdateEvents(
            feed_done=feed_done,
            article_written=lambda w: written.append(w.article.id) if w.article else None,
        )
        outcomes = run_update(feeds, self.library, events)
        # Only the titles shown by `feeds list`: the articles are written.
        with contextlib.suppress(FeedsFileError, OSError):
            remember_details([o.feed for o in outcomes])
        post(self.Finished(outcomes))

    def progress(self, message: UpdateController.Progress) -> None:
        self.new_ids.update(message.new_ids)
        self._new_count += len(message.new_ids)
        self.screen.set_status(
            f"updating feeds: {message.done} of {message.total} · {self._new_count} new…"
        )
        if message.new_ids and time.monotonic() - self._refreshed >= REFRESH_SECONDS:
            self._show_new_articles()

    def finished(self, message: UpdateController.Finished) -> None:
        self.running = False
        if message.error is not None:
            self.screen.show_count()  # the title bar as it was before the update
            self.screen.notify(message.error, title="Update", severity="warning", markup=False)
            return
        self._show_new_articles()
        failed = [o for o in message.outcomes if o.failed]
        summary = f"{self._new_count} new article{'s' if self._new_count != 1 else ''}"
        summary += f" from {len(message.outcomes)} feed{'s' if len(message.outcomes) != 1 else ''}"
        if failed:
            reasons = "\n".join(f"{o.feed.label}: {o.error}" for o in failed[:5])
            self.screen.notify(
                f"{summary}; {len(failed)} failed:\n{reasons}",
                title="Update",
                severity="warning",
                timeout=10,
                markup=False,
            )
        else:
            self.screen.notify(summary, title="Update", timeout=4, markup=False)

    def _show_new_articles(self) -> None:
        self._refreshed = time.monotonic()
        if self._new_count and self.screen.shows_only_samples():
            self.screen.show_paths([self.library])
        else:
            self.screen.reload_library()
