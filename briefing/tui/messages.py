"""How a message is declared, and the one message posted by more than one widget.

Every other message is a small dataclass nested in the widget that posts it
(``ArticleList.Chosen``, ``FilterBar.Edited``…), declared with ``@message``.
``SentenceChosen`` is posted alike by the summary, the key facts and the
text itself, so it lives here.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TypeVar, dataclass_transform

from textual.message import Message

__all__ = ["SentenceChosen", "message"]

_M = TypeVar("_M", bound=Message)


@dataclass_transform(eq_default=False, field_specifiers=(field,))
def message(cls: type[_M]) -> type[_M]:
    """A message class as a dataclass: its fields are the constructor's arguments.

    Without the generated ``__eq__`` and ``__repr__``: messages are handled,
    never compared, and Textual prints them its own way; generating those two
    for the reader's twenty messages cost 2 ms of its start.
    """
    return dataclass(repr=False, eq=False)(cls)


@message
class SentenceChosen(Message):
    """A sentence of the open article was picked (in the summary, the facts or the text)."""

    index: int
