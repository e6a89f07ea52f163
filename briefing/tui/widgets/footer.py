"""The reader's footer: on a narrow terminal, help and quit come first.

Textual's footer lists the keys of the focused pane, then the screen's, then
the app's, and cuts what does not fit: at 80 columns `?` and `q` were cut.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.reactive import reactive
from textual.widgets import Footer
from textual.widgets._footer import FooterKey

__all__ = ["ReaderFooter"]

# The actions that must stay in view however little room there is.
ESSENTIAL = ("help", "quit")


class ReaderFooter(Footer):
    narrow: reactive[bool] = reactive(False, recompose=True)

    def compose(self) -> ComposeResult:
        keys = list(super().compose())
        for key in keys:
            if isinstance(key, FooterKey) and not key.has_class("-command-palette"):
                # Such a key is made compact (its default), then not (bound to the
                # footer's value): two restylings of each at every start, some of
                # them before the first frame. Given the footer's value from the
                # start, it has neither. (The palette's key is not bound: compact.)
                key.set_reactive(FooterKey.compact, self.compact)
        if not self.narrow:
            yield from keys
            return
        first = [k for k in keys if isinstance(k, FooterKey) and k.action in ESSENTIAL]
        yield from first
        yield from (k for k in keys if k not in first)
