"""Word sets and small token helpers shared by the name rules: connectors,
determiners, months and days, courtesy titles, and the words just before or after
a name (looked up in sets rather than spelt out in patterns, which cost compile
time at every start of the command line)."""

from __future__ import annotations

import re

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

CONNECTORS = frozenset(
    "of for and & de du da del della der den van von bin ibn y di la le the".split()
)


DETERMINERS = frozenset(
    """
    The A An This That These Those But And Or If When While After Before As In On At By For With
    From To Of However Meanwhile Although Though Because Since Until Unless Once Then Now Yet So
    Its His Her Their Our My Your It He She They We I You There Here What Who Which Where Why How
    Both Each Every Some Many Most All No Not Only Even Also Such Last Next Former Ex Many Several
    Mr. Mrs. Ms. Dr. St Saint Dear Like Unlike Despite During Under Over Among Between Within
    """.split()
)


MONTHS = frozenset(
    "January February March April May June July August September October November December "
    "Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec".split()
)


FULL_MONTHS = frozenset(
    "January February March April June July August September October November December".split()
)


DAYS = frozenset("Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split())


COURTESY = (
    frozenset("Mr Mrs Ms Miss Mx Dr Prof Lord Lady Sir Dame Baroness Baron".split()) | HONORIFICS
)


# The words right before or after a name, as lists: the phrases around names are
# looked up in sets (a pattern spelling out every word costs compile time at each start).
_TOKEN = re.compile(r"[\w’'-]+|[^\w\s]")


def tokens_after(after: str, count: int) -> list[str]:
    return _TOKEN.findall(after[:80])[:count]


def phrase_before(before: str, phrases: frozenset[str], skip_the: bool = False) -> bool:
    """Whether the words just before a name (no punctuation between) are one of these."""
    tokens = [t.lower() for t in _TOKEN.findall(before[-60:])]
    if skip_the and tokens and tokens[-1] == "the":
        tokens.pop()
    if not before[-1:].isspace() or not tokens:
        return False
    return any(" ".join(tokens[-n:]) in phrases for n in (1, 2, 3) if len(tokens) >= n)


def word_after(after: str) -> str:
    match = re.match(r"\W*([\w’'-]+)", after)
    return match.group(1).lower() if match else ""


_LAST_WORD = re.compile(r"([\w’'-]+)\W*$")


def word_before(before: str) -> str:
    match = _LAST_WORD.search(before[-40:])
    return match.group(1).lower() if match else ""
