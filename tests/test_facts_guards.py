"""The fast paths of the key-facts patterns, held to their plain definitions.

A pattern that starts with a look-ahead of the ways a match can begin (a guard)
must find exactly what the same pattern finds without it. The texts are built
from the words the pattern itself spells out, numbers in every shape it reads,
and other words, joined by the spaces and marks it cares about.
"""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from briefing.analysis.facts import dates


def _words_of(pattern: str) -> list[str]:
    # Every run of letters in the pattern's source: its words and parts of words
    # ("sept", "earli"), and some letters of its escapes ("s" of "\s"): all fair tokens.
    return sorted(set(re.findall(r"[a-z]+", pattern)))


_NUMBERS = ["1", "7", "12", "31", "2024", "1780", "1990s", "80s", "3rd", "21st", "8:30", "10.30"]
_NUMBERS += ["9/11", "7/7", "4,000", "2.5", "6-3", "2005-6", "1/2"]
_OTHER = ["said", "The", "May", "Theresa", "Bank", "of", "'s", "’s", "£", "$", "%", "per"]
_GLUE = st.sampled_from(["", " ", " ", " ", "  ", "\t", "-", "–", ", ", ". ", "/", ":", "\n", "’"])


def _texts(pattern: str) -> st.SearchStrategy[str]:
    token = st.sampled_from(_words_of(pattern) + _NUMBERS + _OTHER)
    piece = st.tuples(_GLUE, token, st.booleans())
    return st.lists(piece, max_size=12).map(
        lambda parts: "".join(
            glue + (word.capitalize() if upper else word) for glue, word, upper in parts
        )
    )


def _spans(pattern: re.Pattern[str], text: str) -> list[tuple[int, int]]:
    return [m.span() for m in pattern.finditer(text)]


_PLAIN_DATE = re.compile(rf"\b{dates.DATE_BODY}")


@given(_texts(dates.DATE_BODY))
def test_the_date_guard_lets_every_date_through(text: str) -> None:
    lowered = text.translate(dates._ASCII_LOWER)
    assert _spans(dates._DATE, lowered) == _spans(_PLAIN_DATE, lowered)


def test_the_date_guard_is_not_the_plain_pattern() -> None:
    # The guard is there (the test above would hold trivially without it).
    assert dates._DATE.pattern != _PLAIN_DATE.pattern
    assert _spans(dates._DATE, "on 4 june 2024, the board met late on monday") == [
        (3, 14),
        (35, 44),
    ]
