"""Key-facts rules, one made-up snippet each: places, organisations, people, roles,
speakers, dates and figures in the many forms news copy writes them."""

from __future__ import annotations

from briefing.facts import Fact, extract_facts
from briefing.model import Article


def facts_of(body: str, title: str = "Test story") -> list[Fact]:
    return extract_facts(Article(title, body))


def texts(facts: list[Fact], kind: str) -> list[str]:
    return [f.text for f in facts if f.kind == kind]


def test_two_word_places_keep_their_first_word() -> None:
    facts = facts_of(
        "Aid reached Sri Lanka on Monday. Sri Lankan officials thanked donors. "
        "New York firefighters flew out the same day."
    )
    assert texts(facts, "place") == ["Sri Lanka", "New York"]
    assert texts(facts, "person") == []


def test_party_names_that_are_also_title_words() -> None:
    facts = facts_of("Labour says it will cut fares. He said Labour would win the vote.")
    assert texts(facts, "organisation") == ["Labour"]
