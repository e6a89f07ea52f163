from __future__ import annotations

from briefing.library.loaders.dump import looks_like_headline, split_dump

DUMP = """Showing results 1 - 10 of 2

Harbour Vote Passes After Long Debate

The harbour authority approved the plan on Tuesday. Critics said they would appeal.

A second paragraph of the same story follows here, with more detail.

Read more

New Bridge Opens to Traffic

The bridge opened on Friday after three years of work.
"""


def test_split_dump_finds_articles_and_drops_debris() -> None:
    parts, dropped, orphans = split_dump(DUMP)
    assert [p.title for p in parts] == [
        "Harbour Vote Passes After Long Debate",
        "New Bridge Opens to Traffic",
    ]
    assert len(parts[0].paragraphs) == 2
    assert parts[1].body == "The bridge opened on Friday after three years of work."
    assert dropped == ["Showing results 1 - 10 of 2", "Read more"] and orphans == 0


def test_headline_heuristics() -> None:
    assert looks_like_headline("U.N. Chief to Deliver Peace Message during Central Asia Tour")
    assert looks_like_headline("Is This the End of the Road?")
    assert not looks_like_headline("The council met on Monday.")
    assert not looks_like_headline("the quiet lowercase line of text")
    assert not looks_like_headline("x" * 250)


def test_headline_without_body_is_dropped() -> None:
    parts, dropped, _ = split_dump(
        "Lonely Headline Here\n\nAnother Headline Here\n\nBody text. It ends."
    )
    assert [p.title for p in parts] == ["Another Headline Here"]
    assert dropped == ["Lonely Headline Here"]
