"""Key facts: people (with roles), organisations (with acronyms), places, dates,
figures and quotes (with speakers), each pointing at its sentence.

Rule-based and offline. The word lists load on first use (see ``lexicon``).

    from briefing.facts import extract_facts, group_by_kind
    facts = extract_facts(article)
"""

from __future__ import annotations

from briefing.facts.extract import entity_key, extract_facts
from briefing.facts.index import ENTITY_KINDS, EntityEntry, EntityIndex, build_index
from briefing.facts.model import KINDS, Fact

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


def group_by_kind(facts: list[Fact]) -> dict[str, list[Fact]]:
    """Facts under each kind, in ``KINDS`` order; kinds with no facts are left out."""
    groups: dict[str, list[Fact]] = {}
    for kind in KINDS:
        members = [f for f in facts if f.kind == kind]
        if members:
            groups[kind] = members
    return groups
