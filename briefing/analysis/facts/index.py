"""Entities across a library: which articles mention each person, body and place.

Per-article facts carry a key ("organisation:sco"); across articles the same
entity may be written differently ("SCO" in one, "Shanghai Cooperation
Organization (SCO)" in another, only the full name in a third), so entries
that share a name form or an acronym are merged.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from briefing.analysis.facts.model import Fact
from briefing.library.model import Article

__all__ = ["ENTITY_KINDS", "EntityEntry", "EntityIndex", "build_index"]

ENTITY_KINDS = ("person", "organisation", "place")


@dataclass(frozen=True, slots=True)
class ArticleMention:
    article_id: str
    title: str
    mentions: int
    sentence: int  # the first sentence that mentions the entity


@dataclass
class EntityEntry:
    kind: str
    key: str
    text: str
    acronym: str | None = None
    role: str | None = None
    aliases: list[str] = field(default_factory=list)
    keys: set[str] = field(default_factory=set)
    articles: list[ArticleMention] = field(default_factory=list)

    @property
    def mentions(self) -> int:
        return sum(a.mentions for a in self.articles)

    def as_dict(self) -> dict[str, object]:
        data: dict[str, object] = {"kind": self.kind, "text": self.text, "key": self.key}
        if self.kind == "organisation":
            data["acronym"] = self.acronym
        if self.kind == "person":
            data["role"] = self.role
        data["aliases"] = self.aliases
        data["mentions"] = self.mentions
        data["articles"] = [
            {"id": a.article_id, "title": a.title, "mentions": a.mentions, "sentence": a.sentence}
            for a in self.articles
        ]
        return data


@dataclass
class EntityIndex:
    entries: list[EntityEntry]
    _by_key: dict[str, EntityEntry] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        for entry in self.entries:
            for key in entry.keys:
                self._by_key[key] = entry

    def entry_for(self, key: str) -> EntityEntry | None:
        """The library entry for a fact's ``key`` (as found in one article's facts)."""
        return self._by_key.get(key)

    def article_ids(self, key: str) -> list[str]:
        """Ids of the articles that mention the entity with this key, most mentions first."""
        entry = self._by_key.get(key)
        return [a.article_id for a in entry.articles] if entry else []


def _forms(fact: Fact) -> set[str]:
    forms = {fact.text, *fact.aliases}
    if fact.acronym:
        forms.add(fact.acronym)
    out = {re.sub(r"[.\s]+", " ", f).strip().casefold() for f in forms}
    if fact.kind == "person":
        # A bare surname says too little to join two articles' people.
        out = {f for f in out if " " in f}
    return out


def build_index(
    articles: Iterable[Article],
    facts_of: Callable[[Article], list[Fact]] | None = None,
    kinds: Iterable[str] = ENTITY_KINDS,
) -> EntityIndex:
    """Every person, organisation and place in ``articles`` (each article once,
    as a library lists them), most widely mentioned first.

    ``facts_of`` defaults to ``extract_facts``; pass a cached lookup to reuse work.
    """
    if facts_of is None:
        from briefing.analysis.facts.extract import extract_facts

        facts_of = extract_facts
    wanted = set(kinds)
    entries: list[EntityEntry] = []
    by_form: dict[tuple[str, str], EntityEntry] = {}
    for article in articles:
        for fact in facts_of(article):
            if fact.kind not in wanted:
                continue
            forms = _forms(fact)
            entry = by_form.get((fact.kind, fact.key)) or next(
                # In sorted order: set order changes with PYTHONHASHSEED, and two
                # forms may already belong to different entries.
                (by_form[(fact.kind, f)] for f in sorted(forms) if (fact.kind, f) in by_form),
                None,
            )
            if entry is None:
                entry = EntityEntry(fact.kind, fact.key, fact.text, fact.acronym, fact.role)
                entries.append(entry)
            _absorb(entry, fact)
            by_form[(fact.kind, fact.key)] = entry
            for form in forms:
                by_form.setdefault((fact.kind, form), entry)
            # This article's mention, if it has one yet, is the entry's last:
            # articles come one at a time (each once) and entries never merge.
            # (Looking through all of them was 34 s of 60 at 100,000 articles:
            # a name in most articles has most articles as mentions.)
            mention = entry.articles[-1] if entry.articles else None
            if mention is None or mention.article_id != article.id:
                entry.articles.append(
                    ArticleMention(article.id, article.title, fact.mentions, fact.sentence)
                )
            else:
                entry.articles[-1] = ArticleMention(
                    article.id,
                    article.title,
                    mention.mentions + fact.mentions,
                    min(mention.sentence, fact.sentence),
                )
    for entry in entries:
        entry.articles.sort(key=lambda a: -a.mentions)
    entries.sort(key=lambda e: (-len(e.articles), -e.mentions, e.text.casefold()))
    return EntityIndex(entries)


def _absorb(entry: EntityEntry, fact: Fact) -> None:
    entry.keys.add(fact.key)
    # The fullest name wins the display: "Shanghai Cooperation Organization" over "SCO".
    if len(fact.text) > len(entry.text) and (fact.kind != "place"):
        if entry.text not in entry.aliases:
            entry.aliases.append(entry.text)
        entry.text = fact.text
    for alias in (fact.text, *fact.aliases):
        if alias != entry.text and alias not in entry.aliases:
            entry.aliases.append(alias)
    if fact.acronym and not entry.acronym:
        entry.acronym = fact.acronym
    if fact.role and not entry.role:
        entry.role = fact.role
