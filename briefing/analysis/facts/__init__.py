"""Key facts: people (with roles), organisations (with acronyms), places, dates,
figures and quotes (with speakers), each pointing at its sentence.

Rule-based and offline. The word lists load on first use (see ``lexicon``).

    from briefing.analysis.facts import extract_facts, group_by_kind
    facts = extract_facts(article)
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from briefing.analysis.facts.model import KINDS, Fact

if TYPE_CHECKING:
    from briefing.analysis.facts.extract import entity_key, extract_facts
    from briefing.analysis.facts.index import ENTITY_KINDS, EntityEntry, EntityIndex, build_index

__all__ = [
    "ENTITY_KINDS",
    "KINDS",
    "EntityEntry",
    "EntityIndex",
    "Fact",
    "build_index",
    "entity_key",
    "extract_facts",
    "group_by_kind",
]


# The extractor compiles its patterns when imported (tens of milliseconds), so
# it is loaded on first use: the reader can show cached facts without it.
_LAZY = {
    "entity_key": "briefing.analysis.facts.extract",
    "extract_facts": "briefing.analysis.facts.extract",
    "ENTITY_KINDS": "briefing.analysis.facts.index",
    "EntityEntry": "briefing.analysis.facts.index",
    "EntityIndex": "briefing.analysis.facts.index",
    "build_index": "briefing.analysis.facts.index",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    from importlib import import_module

    return getattr(import_module(module), name)


def group_by_kind(facts: list[Fact]) -> dict[str, list[Fact]]:
    """Facts under each kind, in ``KINDS`` order; kinds with no facts are left out."""
    groups: dict[str, list[Fact]] = {}
    for kind in KINDS:
        members = [f for f in facts if f.kind == kind]
        if members:
            groups[kind] = members
    return groups
