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

from briefing.analysis.facts import dates, spans


def _words_of(pattern: str) -> list[str]:
    # Every run of letters in the pattern's source: its words and parts of words
    # ("sept", "earli"), and some letters of its escapes ("s" of "\s"): all fair tokens.
    return sorted(set(re.findall(r"[a-z]+", pattern)))


_NUMBERS = ["1", "7", "12", "31", "2024", "1780", "1990s", "80s", "3rd", "21st", "8:30", "10.30"]
_NUMBERS += ["9/11", "7/7", "4,000", "2.5", "6-3", "2005-6", "1/2"]
_OTHER = ["said", "The", "May", "Theresa", "Bank", "of", "'s", "’s", "£", "$", "%", "per"]
_GLUE = st.sampled_from(["", " ", " ", " ", "  ", "\t", "-", "–", ", ", ". ", "/", ":", "\n", "’"])


def _texts(pattern: str, extra: tuple[str, ...] = ()) -> st.SearchStrategy[str]:
    token = st.sampled_from(_words_of(pattern) + _NUMBERS + _OTHER + list(extra))
    piece = st.tuples(_GLUE, token, st.booleans())
    return st.lists(piece, max_size=12).map(
        lambda parts: "".join(
            glue + (word.capitalize() if upper else word) for glue, word, upper in parts
        )
    )


def _spans(pattern: re.Pattern[str], text: str) -> list[tuple[int, int]]:
    return [m.span() for m in pattern.finditer(text)]


def _same_spans(guarded: re.Pattern[str], plain: re.Pattern[str], text: str) -> None:
    assert _spans(guarded, text) == _spans(plain, text)


def _matches(body: str) -> st.SearchStrategy[str]:
    """Texts the pattern matches (in every form it allows), with some text around them."""
    return st.tuples(_texts(body), st.from_regex(re.compile(body), fullmatch=True), _texts(body))


_PLAIN_DATE = re.compile(rf"\b{dates.DATE_BODY}")


def _lower(text: str) -> str:
    return text.translate(dates._ASCII_LOWER)


@given(_texts(dates.DATE_BODY))
def test_the_date_guard_lets_every_date_through(text: str) -> None:
    _same_spans(dates._DATE, _PLAIN_DATE, _lower(text))


@given(_matches(dates.DATE_BODY))
def test_the_date_guard_lets_every_form_of_date_through(parts: tuple[str, str, str]) -> None:
    for text in (parts[1], " ".join(parts)):
        _same_spans(dates._DATE, _PLAIN_DATE, _lower(text))


def test_the_date_guard_is_in_the_pattern() -> None:
    assert dates._DATE.pattern != _PLAIN_DATE.pattern
    assert _spans(dates._DATE, "on 4 june 2024, the board met late on monday") == [
        (3, 14),
        (35, 44),
    ]


_PLAIN_SPAN = re.compile(spans.SPAN_BODY)
_NAME_PARTS = ("al-", "el-", "bin-", "ibn-", "Mc", "Mac", "O'", "O’", "U.S.", "J.")


@given(_texts(spans.SPAN_BODY, _NAME_PARTS))
def test_the_name_guard_lets_every_name_through(text: str) -> None:
    _same_spans(spans.SPAN, _PLAIN_SPAN, text)


@given(_matches(spans.SPAN_BODY))
def test_the_name_guard_lets_every_form_of_name_through(parts: tuple[str, str, str]) -> None:
    for text in (parts[1], " ".join(parts)):
        _same_spans(spans.SPAN, _PLAIN_SPAN, text)
