"""Word sets and small token helpers shared by the name rules: connectors,
determiners, months and days, courtesy titles, and the words just before or after
a name (looked up in sets rather than spelt out in patterns, which cost compile
time at every start of the command line)."""

from __future__ import annotations

import re
from functools import lru_cache

from briefing.analysis.facts import vocabulary
from briefing.analysis.facts.people import HONORIFICS

__all__ = [
    "CONNECTORS",
    "COURTESY",
    "DAYS",
    "DETERMINERS",
    "FULL_MONTHS",
    "MONTHS",
    "phrase_before",
    "tokens_after",
    "word_after",
    "word_before",
]

CONNECTORS = vocabulary.words("connectors")
DETERMINERS = vocabulary.words("determiners")
MONTHS = vocabulary.words("months")
FULL_MONTHS = vocabulary.words("full_months")
DAYS = vocabulary.words("days")
# Titles a name after which is a person's: "Mr", "Lady", "Baroness".
COURTESY = HONORIFICS | vocabulary.words("noble_titles")


# The words right before or after a name, as lists: the phrases around names are
# looked up in sets (a pattern spelling out every word costs compile time at each start).
_TOKEN = re.compile(r"[\w’'-]+|[^\w\s]")


# The rules ask about the same name's surroundings one after another (a dozen phrase
# sets, the words after it): each window is read once, kept for the next few asks.
# Small caches of pure functions of a string, so the extractor stays thread-safe.
_MOST_AFTER = 6  # the most tokens after a name any rule reads


@lru_cache(maxsize=64)
def _tokens_after(window: str) -> tuple[str, ...]:
    """The first six tokens of the window. They are those of its first 32 characters when
    those hold seven or more (the last of them may be cut short): a third of the reading."""
    tokens = _TOKEN.findall(window[:32])
    if len(tokens) <= _MOST_AFTER:
        tokens = _TOKEN.findall(window)
    return tuple(tokens[:_MOST_AFTER])


def tokens_after(after: str, count: int) -> list[str]:
    if count > _MOST_AFTER:
        return _TOKEN.findall(after[:80])[:count]
    return list(_tokens_after(after[:80])[:count])


def _last_tokens(window: str) -> list[str]:
    """The last four tokens of the window (all if it has fewer). They are those of its
    last 24 characters when those hold five or more (the first of them, perhaps the end
    of a longer word, is not needed): a third of the reading."""
    tokens = _TOKEN.findall(window[-24:])
    return tokens[-4:] if len(tokens) >= 5 else _TOKEN.findall(window)[-4:]


@lru_cache(maxsize=64)
def _phrases_before(window: str, skip_the: bool) -> tuple[str, ...]:
    """The last one, two and three words of the window, lower-cased (fewer if it has fewer)."""
    # Four: one "the" may be dropped before the last three are read.
    tokens = [t.lower() for t in _last_tokens(window)]
    if skip_the and tokens and tokens[-1] == "the":
        tokens.pop()
    return tuple(" ".join(tokens[-n:]) for n in (1, 2, 3) if len(tokens) >= n)


def phrase_before(before: str, phrases: frozenset[str], skip_the: bool = False) -> bool:
    """Whether the words just before a name (no punctuation between) are one of these."""
    if not before[-1:].isspace():
        return False
    return any(phrase in phrases for phrase in _phrases_before(before[-60:], skip_the))


_FIRST_WORD = re.compile(r"\W*([\w’'-]+)")


def word_after(after: str) -> str:
    match = _FIRST_WORD.match(after)
    return match.group(1).lower() if match else ""


# The last word and what follows it: r"([\w’'-]+)\W*$" found where it starts (it is
# never inside a word: one letter earlier would match first) and without backtracking
# (a word given back cannot make the rest all non-word), so that the search does not
# try every letter with every split. tests/test_facts_guards.py holds it to that form.
_LAST_WORD = re.compile(r"(?<![\w’'-])([\w’'-]++)\W*+$")


def word_before(before: str) -> str:
    match = _LAST_WORD.search(before[-40:])
    return match.group(1).lower() if match else ""
