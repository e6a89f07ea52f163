"""Long runs on the command line: results as they are ready, and a progress
bar on stderr for a run that takes more than about a second.

`briefing facts` on 10,000 articles ran 106 s, and `briefing summary
--no-facts` 43 s, printing nothing until the end. Plain, Markdown and Rich
output now go out article by article; JSON is one document, written whole.
The bar is only drawn when stderr is a terminal, so pipes and logs get
exactly what they got before.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Iterable, Iterator, Sequence
from typing import IO, Any, TypeVar

__all__ = ["ProgressBar", "chunks", "write_items"]

T = TypeVar("T")

# Articles worked on between two looks at the clock (and two writes): small
# enough to stream, large enough for the cache's batched reads.
CHUNK = 25


def _delay() -> float:
    # BRIEFING_PROGRESS_AFTER: seconds before the bar shows (tests use 0).
    try:
        return float(os.environ.get("BRIEFING_PROGRESS_AFTER", "1.0"))
    except ValueError:
        return 1.0


class ProgressBar:
    """``advance`` as work is done; a bar appears once the run is slow."""

    def __init__(self, total: int, label: str, stream: IO[str] | None = None) -> None:
        stream = stream or sys.stderr
        self.total, self.label, self.done = total, label, 0
        self.enabled = total > 1 and stream.isatty()
        self._start = time.monotonic()
        self._delay = _delay()
        self._bar: Any = None
        self._task: Any = None

    def advance(self, count: int = 1) -> None:
        self.done += count
        if not self.enabled:
            return
        if self._bar is None:
            if time.monotonic() - self._start < self._delay:
                return
            self._open()
        self._bar.update(self._task, completed=self.done)

    def _open(self) -> None:
        # Rich is imported only for a run slow enough to need it.
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeRemainingColumn

        self._bar = Progress(
            "[progress.description]{task.description}",
            BarColumn(),
            MofNCompleteColumn(),
            TimeRemainingColumn(),
            console=Console(stderr=True),
            transient=True,
        )
        self._bar.start()
        self._task = self._bar.add_task(self.label, total=self.total, completed=self.done)

    def close(self) -> None:
        if self._bar is not None:
            self._bar.stop()
            self._bar = None

    def __enter__(self) -> ProgressBar:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def chunks(items: Sequence[T], size: int = CHUNK) -> Iterator[Sequence[T]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def write_items(items: Iterable[dict[str, Any]], fmt: str, out: IO[str] | None = None) -> None:
    """Write digest items in ``fmt``, each as soon as it is made (JSON: whole)."""
    out = out or sys.stdout
    if fmt == "json":
        from briefing.presentation.output import to_json

        out.write(to_json({"articles": list(items)}))
        return
    if fmt == "rich":
        from rich.console import Console

        from briefing.presentation.render import digest_panel

        console = Console(file=out) if out is not sys.stdout else Console()
        for item in items:
            console.print(digest_panel(item))
        return
    from briefing.presentation.output import to_markdown, to_plain

    render = to_markdown if fmt == "markdown" else to_plain
    # to_plain/to_markdown join blocks with a blank line: the same bytes, in parts.
    for number, item in enumerate(items):
        out.write(("\n" if number else "") + render([item]))
        out.flush()
