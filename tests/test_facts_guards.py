"""The fast paths of the key-facts patterns, held to their plain definitions.

A pattern that starts with a look-ahead of the ways a match can begin (a guard)
must find exactly what the same pattern finds without it. The texts are built
from the words the pattern itself spells out, numbers in every shape it reads,
and other words, joined by the spaces and marks it cares about.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefing.analysis.facts import dates, figures, spans, wordsets


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


def _lower(text: str) -> str:
    return text.translate(dates._ASCII_LOWER)


def _keep(text: str) -> str:
    return text


# (name, the guarded pattern, the plain one, its body (what the texts are made from),
# words it reads that its source does not spell out, what the text goes through first).
_GUARDED = [
    ("date", dates._DATE, re.compile(rf"\b{dates.DATE_BODY}"), dates.DATE_BODY, (), _lower),
    (
        "name",
        spans.SPAN,
        re.compile(spans.SPAN_BODY),
        spans.SPAN_BODY,
        ("al-", "el-", "bin-", "ibn-", "Mc", "Mac", "O'", "O’", "U.S.", "J."),
        _keep,
    ),
    (
        "figure",
        figures._FIGURE,
        re.compile(figures._BEFORE + figures.FIGURE_BODY),
        figures.FIGURE_BODY,
        (),
        _lower,
    ),
]
_IDS = [case[0] for case in _GUARDED]
# Latin letters, digits, spaces and marks (with the curly ones), not all of Unicode:
# the long runs of CJK that \w allows make examples slow and find nothing more.
_ALPHABET = st.characters(max_codepoint=0x2100)


@pytest.mark.parametrize("case", _GUARDED, ids=_IDS)
@given(data=st.data())
def test_a_guard_lets_every_match_through(case: tuple, data: st.DataObject) -> None:
    _, guarded, plain, body, extra, prepare = case
    text = prepare(data.draw(_texts(body, extra)))
    assert _spans(guarded, text) == _spans(plain, text)


@pytest.mark.parametrize("case", _GUARDED, ids=_IDS)
@given(data=st.data())
def test_a_guard_lets_every_form_of_match_through(case: tuple, data: st.DataObject) -> None:
    # Texts the plain pattern matches, in every form it allows, alone and amid other text.
    _, guarded, plain, body, extra, prepare = case
    match = data.draw(st.from_regex(re.compile(body), fullmatch=True, alphabet=_ALPHABET))
    around = data.draw(st.tuples(_texts(body, extra), _texts(body, extra)))
    for text in (match, f"{around[0]} {match} {around[1]}"):
        text = prepare(text)
        assert _spans(guarded, text) == _spans(plain, text)


# Each alternative of the date and figure patterns on its own, so that the rare ones
# (a named day, a lone month, a number word) are drawn as often as the common ones.
_ALTERNATIVES = [(_GUARDED[0], p) for p in dates._PATTERNS] + [
    (_GUARDED[2], f"{figures._MODIFIER}(?:{p})") for p in figures._PATTERNS
]


@pytest.mark.parametrize(
    ("case", "alternative"),
    _ALTERNATIVES,
    ids=[f"{case[0]}-{i}" for i, (case, _) in enumerate(_ALTERNATIVES)],
)
@settings(
    max_examples=40, suppress_health_check=[HealthCheck.filter_too_much, HealthCheck.too_slow]
)
@given(data=st.data())
def test_a_guard_lets_every_alternative_through(
    case: tuple, alternative: str, data: st.DataObject
) -> None:
    _, guarded, plain, body, extra, prepare = case
    # What a look-behind wants is written out ("his early twenties"); the text may run
    # on past the match (what a look-ahead wants).
    written_out = re.compile(alternative.replace("(?<=", "(?:"))
    match = data.draw(st.from_regex(written_out, alphabet=_ALPHABET))
    before = data.draw(_texts(body, extra))
    for text in (match, f"{before} {match}"):
        text = prepare(text)
        assert _spans(guarded, text) == _spans(plain, text)


@pytest.mark.parametrize("case", _GUARDED, ids=_IDS)
def test_a_guard_is_in_its_pattern(case: tuple) -> None:
    _, guarded, plain, _, _, prepare = case
    assert guarded.pattern != plain.pattern
    text = prepare("On 4 June 2024, about 40 people from Al-Noor met Ms Ode late on Monday.")
    assert _spans(guarded, text) == _spans(plain, text) != []


_PLAIN_LAST_WORD = re.compile(r"([\w’'-]+)\W*$")


@given(st.text(alphabet=st.sampled_from(list("aZ9_ -'’,.\"“(\n\t")), max_size=50))
def test_the_word_before_is_the_plain_patterns(before: str) -> None:
    plain = _PLAIN_LAST_WORD.search(before[-40:])
    assert wordsets.word_before(before) == (plain.group(1).lower() if plain else "")


_TOKEN_TEXT = st.lists(
    st.sampled_from([*"aB9 -'’,.\"“(\n\t", "the ", "of ", "The"]), max_size=25
).map("".join)


# Runs of words, some long, so that a window's first or last few tokens fill its
# first or last 24 or 32 characters, or do not.
_WINDOW = st.lists(
    st.tuples(st.integers(1, 12), st.sampled_from([" ", " ", ", ", "-", "’s "])), max_size=20
).map(lambda words: "".join("w" * size + gap for size, gap in words))


def _plain_phrase_before(before: str, phrases: frozenset[str], skip_the: bool) -> bool:
    tokens = [t.lower() for t in wordsets._TOKEN.findall(before[-60:])]
    if skip_the and tokens and tokens[-1] == "the":
        tokens.pop()
    if not before[-1:].isspace() or not tokens:
        return False
    return any(" ".join(tokens[-n:]) in phrases for n in (1, 2, 3) if len(tokens) >= n)


@given(st.one_of(_TOKEN_TEXT, _WINDOW), st.lists(_TOKEN_TEXT, max_size=3), st.booleans())
def test_the_phrase_before_is_the_plain_one(before: str, ends: list[str], skip_the: bool) -> None:
    # The phrases: some of the text's own endings, so that the answer is sometimes yes.
    phrases = frozenset([*ends, *(" ".join(before.lower().split()[-n:]) for n in (1, 2))])
    for _ in range(2):  # the second time from the cache
        got = wordsets.phrase_before(before, phrases, skip_the)
        assert got == _plain_phrase_before(before, phrases, skip_the)


@given(st.one_of(_WINDOW, _TOKEN_TEXT))
def test_the_tokens_after_are_the_plain_ones(after: str) -> None:
    for count in (*range(9), *range(9)):  # the second time from the cache
        assert wordsets.tokens_after(after, count) == wordsets._TOKEN.findall(after[:80])[:count]


@given(st.text(alphabet=st.sampled_from(list("sS'’a")), min_size=1, max_size=5))
def test_the_possessive_ends_are_the_patterns(word: str) -> None:
    assert word.endswith(spans._POSSESSIVE_ENDS) == bool(spans._POSSESSIVE.search(word))


# The pattern the figures' pre-filter was: a digit, a number word, or a word ending as one.
_PLAIN_FIGURE_ANCHOR = re.compile(
    r"\d|\b(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\w+teen|\w+ty|hundred|"
    r"thousand|million|billion|dozen|half|quarter|third|sixth|eighth|tenth|second|fifth|"
    r"\w+fold|\w+ties\b|one|a\s+(?:year|month|week|decade))"
)


@given(
    _texts(
        _PLAIN_FIGURE_ANCHOR.pattern, ("fifteen", "forty", "twofold", "sixties", "pretty", "teen")
    )
)
def test_may_hold_figure_is_the_plain_anchor(text: str) -> None:
    lowered = _lower(text)
    assert figures.may_hold_figure(lowered) == bool(_PLAIN_FIGURE_ANCHOR.search(lowered))


@given(_WINDOW)
def test_the_last_tokens_are_the_windows_last_four(text: str) -> None:
    window = text[-60:]
    assert wordsets._last_tokens(window) == wordsets._TOKEN.findall(window)[-4:]


def _choices(group: str) -> list[str]:
    """The plain words of an alternation such as "(?:one|two|a\\s+few)": "one", "two", "a few"."""
    inner = group.removeprefix("(?:(?:").removeprefix("(?:").split(")")[0]
    words = [
        w.replace(r"\s+", " ").replace(r"\s", " ").replace(r"\.?", ".") for w in inner.split("|")
    ]
    # (not the endings of "\d+(?:st|nd|rd|th)")
    return [w for w in words if re.fullmatch(r"[a-z .’'-]{3,}", w)]


def _word_examples() -> list[tuple[tuple, str]]:
    """Every word of the date and figure word lists, in a phrase that makes it one."""
    date, figure = _GUARDED[0], _GUARDED[2]
    named_days = [d.lower() for d in dates.vocabulary.ordered("named_days")]
    phrases = [(date, d) for d in named_days]
    phrases += [(date, f"{n} weeks ago") for n in _choices(dates._NUM)]
    phrases += [(date, f"{m} 4") for m in _choices(dates._MONTH)]
    phrases += [(date, f"on {d}") for d in _choices(dates._DAY)]
    phrases += [(date, f"the {o} century") for o in _choices(dates._ORDINAL_WORD)]
    today = next(p for p in dates._PATTERNS if "yesterday" in p).removeprefix(r"\b")
    phrases += [(date, w) for w in _choices(today)]
    phrases += [(figure, f"{n} people") for n in _choices(figures._NUMWORD)]
    phrases += [(figure, f"{m} 40 people") for m in _choices(figures._MODIFIER)]
    phrases += [(figure, f"the {o} time") for o in _choices(figures._ORDINAL)]
    phrases += [(figure, f"{s} times higher") for s in _choices(figures._SMALL)]
    return phrases


@pytest.mark.parametrize(("case", "phrase"), _word_examples())
def test_a_guard_lets_every_listed_word_through(case: tuple, phrase: str) -> None:
    _, guarded, plain, *_ = case
    for text in (phrase, f"It was {phrase}.", f"It was {phrase.capitalize()}"):
        lowered = _lower(text)
        assert _spans(guarded, lowered) == _spans(plain, lowered)
    assert _spans(plain, _lower(phrase)) != []  # the phrase is one
