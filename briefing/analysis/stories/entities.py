"""A story's key entities: the people, organisations and places of its
articles, merged by the key-facts extractor's stable keys."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from briefing.analysis.facts import Fact

__all__ = ["ENTITY_KINDS", "MAX_ENTITIES", "StoryEntity", "merge_entities"]

ENTITY_KINDS = ("person", "organisation", "place")
MAX_ENTITIES = 12


@dataclass(frozen=True, slots=True)
class StoryEntity:
    """An entity of a story and the ids of its articles that name it."""

    kind: str
    text: str
    key: str
    articles: tuple[str, ...]

    def as_dict(self) -> dict[str, object]:
        return {
            "kind": self.kind,
            "text": self.text,
            "key": self.key,
            "articles": list(self.articles),
        }


def merge_entities(facts: Sequence[tuple[str, Sequence[Fact]]]) -> list[StoryEntity]:
    """``facts`` as (article id, its facts); the entities most articles name
    first (then most mentioned), at most ``MAX_ENTITIES``.

    The shown name is the one the articles use most for that key ("SCO" and
    "Shanghai Cooperation Organization" share a key).
    """
    articles: dict[str, list[str]] = {}
    names: dict[str, Counter[str]] = {}
    mentions: Counter[str] = Counter()
    kinds: dict[str, str] = {}
    for article_id, article_facts in facts:
        for fact in article_facts:
            if fact.kind not in ENTITY_KINDS:
                continue
            seen = articles.setdefault(fact.key, [])
            if article_id not in seen:
                seen.append(article_id)
            names.setdefault(fact.key, Counter())[fact.text] += fact.mentions
            mentions[fact.key] += fact.mentions
            kinds[fact.key] = fact.kind
    order = sorted(articles, key=lambda k: (-len(articles[k]), -mentions[k], k))
    return [
        StoryEntity(kinds[k], names[k].most_common(1)[0][0], k, tuple(articles[k]))
        for k in order[:MAX_ENTITIES]
    ]
