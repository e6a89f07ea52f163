"""The one message posted by more than one widget.

Every other message is a small dataclass nested in the widget that posts it
(``ArticleList.Chosen``, ``FilterBar.Edited``…). This one is posted alike by
the summary, the key facts and the text itself, so it lives here.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual.message import Message

__all__ = ["SentenceChosen"]


@dataclass
class SentenceChosen(Message):
    """A sentence of the open article was picked (in the summary, the facts or the text)."""

    index: int
