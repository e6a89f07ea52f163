"""The palette's pre-selection of titles: never loses a title Textual's fuzzy
matcher accepts, and with many candidates keeps the most promising."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from textual.fuzzy import FuzzySearch

from briefing.search.titles import likely_titles

WORDISH = st.text(alphabet="abcHKLé ĳ.-'İß", max_size=30)


@settings(max_examples=400, deadline=None)
@given(
    query=st.text(alphabet="abcHKLé ĳ.-'İß", min_size=1, max_size=6),
    titles=st.lists(WORDISH, max_size=30),
)
def test_every_title_the_matcher_accepts_is_kept(query: str, titles: list[str]) -> None:
    matcher = FuzzySearch()
    accepted = {i for i, title in enumerate(titles) if matcher.match(query, title)[0] > 0}
    assert accepted <= set(likely_titles(query, titles, limit=len(titles) + 1))


def test_with_many_candidates_the_query_at_a_word_start_comes_first() -> None:
    filler = [f"Harbour board meets on budget number {n}" for n in range(500)]
    titles = [*filler, "Council backs harbour plan", "Late hbr items", "Harbo r"]
    chosen = likely_titles("harbour", titles, limit=5)
    assert len(chosen) == 5
    assert len(titles) - 3 in chosen  # "harbour" at a word start, short title
    assert len(titles) - 2 not in chosen  # does not hold the letters in order
    assert chosen == sorted(chosen)  # list order kept among the chosen


def test_nothing_to_match() -> None:
    assert likely_titles("", ["A title"]) == []
    assert likely_titles("zq", ["A title", "Another"]) == []


def test_scattered_queries_prefer_titles_with_the_words() -> None:
    filler = [f"Kin{n} gs fo rd fa me" for n in range(300)]  # the letters, not the words
    titles = [*filler, "Kingsford Kind Fame Anything Madden Knox She Was Will"]
    assert len(titles) - 1 in likely_titles("kingsford fame", titles, limit=3)
