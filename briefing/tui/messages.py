"""Small typed messages that widgets post and screens handle.

Widgets never reach into each other: they say what happened, and the screen
that owns them decides what follows.
"""

from __future__ import annotations

from textual.message import Message

__all__ = [
    "ArticleChosen",
    "ArticleHighlighted",
    "EntityChosen",
    "FilterChanged",
    "SentenceChosen",
]


class ArticleChosen(Message):
    """The user opened an article from the list (enter or click)."""

    def __init__(self, article_id: str) -> None:
        super().__init__()
        self.article_id = article_id


class ArticleHighlighted(Message):
    """The list's cursor moved to an article."""

    def __init__(self, article_id: str) -> None:
        super().__init__()
        self.article_id = article_id


class SentenceChosen(Message):
    """A sentence of the open article was picked (in the summary or the facts)."""

    def __init__(self, index: int) -> None:
        super().__init__()
        self.index = index


class FilterChanged(Message):
    """The text in the box above the list changed (a title filter or a search)."""

    def __init__(self, text: str, search: bool = False) -> None:
        super().__init__()
        self.text = text
        self.search = search


class EntityChosen(Message):
    """Show only the articles that mention this entity (a fact's key)."""

    def __init__(self, key: str, label: str) -> None:
        super().__init__()
        self.key = key
        self.label = label
