"""Organisations by their own words ("… Council", "Ministry of …", "NHS England",
"Hull City") and by the words around them ("discounters Aldi and Lidl", "the
Harwood review", "X's chief executive", "Veltrix, a Dutch insurer,", "the Coast
Guard, which …")."""

from __future__ import annotations

import re

from briefing.analysis.facts import vocabulary
from briefing.analysis.facts.lexicon import Lexicon
from briefing.analysis.facts.organisations import (
    ACRONYM_STOP,
    BARE_BODIES,
    CLUB_HEADS,
    CLUB_WORDS,
    ORG_DESCRIPTORS,
    ORG_HEADS,
    ORG_SUFFIXES,
    TOWN_CLUB_WORDS,
    WELL_KNOWN,
    is_acronym,
)
from briefing.analysis.facts.people import TITLE_WORDS
from briefing.analysis.facts.places import DEMONYMS, MULTIWORD_DEMONYMS
from briefing.analysis.facts.wordsets import DAYS, MONTHS, tokens_after

__all__ = [
    "ARTICLE_BEFORE",
    "NOUN_AFTER",
    "ORG_APPOSITION",
    "ORG_PREVIOUS",
    "PEOPLE_NOUN",
    "described_as_body",
    "descriptor",
    "initials",
    "named_thing",
    "officers_after",
    "org_word_after",
    "org_words",
]

# Word lists are checked as sets after a short pattern: a pattern holding the words
# themselves costs milliseconds to compile at every start of the command line.
_WORD_AFTER = re.compile(r"[\s-]*([A-Za-z][\w&]*)")


# "discounters Aldi and Lidl", "bookmakers Fairbet": a kind of body, then its name(s).
_DESCRIBED_LIST = re.compile(
    r"(?<![\w-])(?P<kind>[a-z][a-z’']+)\s+"
    r"(?:(?:[A-Z][\w&’'.-]*\s+){0,3}[A-Z][\w&’'.-]*\s*(?:,|and|or|&)\s*)*$"
)


NOUN_AFTER = re.compile(r"\s+(?P<noun>[a-z]+)\b")


def org_word_after(after: str) -> bool:
    """ "Hull City": a place name followed by a word that names a body."""
    match = _WORD_AFTER.match(after)
    return match is not None and match.group(1) in ORG_SUFFIXES


def described_as_body(before: str) -> bool:
    match = _DESCRIBED_LIST.search(before)
    return match is not None and _is_descriptor(match.group("kind"))


ORG_PREVIOUS = vocabulary.words("org_previous")


ARTICLE_BEFORE = re.compile(r"(?:^|\b(?:the|a|an|its|their))\s*$", re.IGNORECASE)


# "Corvane's chief executive", "Harlow's finance director": a body's officers.
_OFFICERS = vocabulary.words("officers")


def officers_after(after: str) -> bool:
    tokens = tokens_after(after, 6)
    if not tokens or tokens[0] not in ("’s", "'s"):
        return False
    for i, token in enumerate(tokens[1:5], start=1):
        if token in _OFFICERS or (token == "head" and tokens[i + 1 : i + 2] == ["of"]):
            return True
        if not token.islower():
            return False
    return False


def descriptor(word: str) -> bool:
    return word[:1].isupper() and _is_descriptor(word.lower()) and word.lower() != "body"


def _is_descriptor(word: str) -> bool:
    """ "insurer", "bookmakers", and any "-maker": "chipmaker", "drugmaker", "carmakers"."""
    return word in ORG_DESCRIPTORS or word.rstrip("s").endswith("maker")


# Capitalised everyday words that name a period, a law or a thing, not a body.
_NOT_BODIES = vocabulary.words("not_bodies")


# A body acts or speaks: "the Coast Guard, which …", "the Red Cross said …".
_BODY_VERBS = frozenset(vocabulary.tagged("speech_verbs", "body")) | {"which"}


def _acts(after: str) -> bool:
    tokens = tokens_after(after, 2)
    if tokens[:1] == [","]:
        tokens = tokens[1:]
    return bool(tokens) and tokens[0] in _BODY_VERBS


PEOPLE_NOUN = re.compile(r"\s+([a-z]+s)\b")


ORG_APPOSITION = re.compile(
    r",\s+(?:a|an|the)\s+(?:(?!(?:of|at|for|in|with|and)\b)[\w-]+\s+){0,3}?"
    r"(?P<noun>[a-z]+)\s*[,.;]"
)


def named_thing(words: list[str], before: str, after: str, lex: Lexicon) -> bool:
    """ "the Coast Guard, which …", "run by the Red Cross": everyday words capitalised
    after "the", mid-sentence, that act or speak, are the name of a body."""
    if len(words) >= 3 and words[0] in DEMONYMS:
        words = words[1:]  # "the Indonesian Red Cross said"
    return (
        2 <= len(words) <= 4
        and before[-4:].lower() == "the "
        and (_acts(after) or before.endswith(" by the "))
        and " ".join(words) not in MULTIWORD_DEMONYMS
        and all(
            lex.is_common(w)
            and w not in TITLE_WORDS
            and w not in lex.places
            and w not in _NOT_BODIES
            and w not in MONTHS
            and w not in DAYS
            and w.isalpha()
            and w not in DEMONYMS
            for w in words
        )
    )


def org_words(words: list[str], lex: Lexicon) -> bool:
    name = " ".join(words)
    if name in WELL_KNOWN or name in BARE_BODIES:
        return True
    if len(words) == 1:
        word = words[0]
        return (
            (
                is_acronym(word)
                and word not in ACRONYM_STOP
                and word not in lex.places
                and not word.endswith("s")
            )
            or word in WELL_KNOWN
        ) and word not in ACRONYM_STOP
    if words[-1] in ORG_SUFFIXES and not all(w in TITLE_WORDS for w in words):
        return True
    if words[-1] in CLUB_WORDS and name not in lex.places:
        # "Hull City" needs a known place; "Blackburn Rovers", "Leeds United" do not.
        rest = " ".join(words[:-1])
        return rest in lex.places or words[-1] not in TOWN_CLUB_WORDS
    if words[0] in CLUB_HEADS and " ".join(words[1:]) in lex.places:
        return True
    if (
        _ACRONYM_LED.match(words[0])
        and words[0] not in _NOT_BODY_ACRONYMS
        and not (
            initials(words[0], words)
            and not lex.is_common(words[1], 3000)
            and words[1] not in lex.places
        )
    ):
        # "NHS England", "BBC Radio Humberside", "US Open" - not "US President".
        return not all(w in TITLE_WORDS or w in ACRONYM_STOP for w in words[1:])
    # "Ministry of Defence", "the Saltash Chamber of Commerce".
    return any(
        word in ORG_HEADS and words[i + 1] in ("of", "for") for i, word in enumerate(words[:-1])
    )


_ACRONYM_LED = re.compile(r"^[A-Z][A-Z&]+$")


def initials(word: str, words: list[str]) -> bool:
    """ "JK Rowling", "TJ Harlowe": initials before a surname, not an acronym."""
    return len(words) == 2 and word == words[0] and len(word) <= 3 and words[1] not in ORG_SUFFIXES


# Acronyms that lead a title or a thing rather than a body's name.
_NOT_BODY_ACRONYMS = ACRONYM_STOP - vocabulary.words("body_acronyms")
