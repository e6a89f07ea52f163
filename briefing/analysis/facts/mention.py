"""A sighting of a name in a sentence, as the name rules type it."""

from __future__ import annotations

from dataclasses import dataclass, field

__all__ = ["Mention"]


@dataclass(slots=True)
class Mention:
    """One sighting of a name in a sentence, typed (or not yet: ``kind`` None).

    ``rule`` names the rule that typed it (see ``rules``): kept for the
    benchmark's per-rule report, never shown or written out.
    """

    kind: str | None
    text: str
    sentence: int
    start: int  # offsets in the sentence text
    end: int
    role: str | None = None
    acronym: str | None = None
    title: str | None = None
    speech: bool = False
    owner: bool = False  # "X's chief executive": X is a body, unless it is a person
    club: bool = False  # a city named as a sports club ("Liverpool striker X")
    weak: bool = False
    aliases: list[str] = field(default_factory=list)
    rule: str = ""
