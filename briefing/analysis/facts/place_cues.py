"""Places by the shape of their name ("Aral Sea", "Mount Kenya", "North Atlantic")
and by the words around them ("Keswick, Cumbria", "near X", "the town of X", "the
X and Y rivers"), and the city that the copy treats as a club ("Liverpool striker")."""

from __future__ import annotations

import re

from briefing.analysis.facts import vocabulary
from briefing.analysis.facts.lexicon import Lexicon
from briefing.analysis.facts.organisations import ORG_SUFFIXES
from briefing.analysis.facts.people import TITLE_WORDS
from briefing.analysis.facts.places import COMPASS, PLACE_HEADS, PLACE_SUFFIXES
from briefing.analysis.facts.wordsets import CONNECTORS, COURTESY, phrase_before, tokens_after

__all__ = ["club_context", "geo_name", "place_context", "starts_with_place"]


def starts_with_place(words: list[str], lex: Lexicon) -> bool:
    """ "New York band …", "South Sudan's": a known place of two or three words leads."""
    return any(" ".join(words[:n]) in lex.places for n in (2, 3) if len(words) >= n)


def geo_name(words: list[str], lex: Lexicon) -> bool:
    """A name shaped like a place: "Aral Sea", "Mount Kenya", "Gulf of Aden", "North Atlantic"."""
    if len(words) < 2 or any(
        w in lex.given_names or w in TITLE_WORDS or w in COURTESY for w in words[:-1]
    ):
        # "Michael Bay", "Director Grace Park" are people.
        return False
    if words[-1] in PLACE_SUFFIXES and words[-2] not in CONNECTORS:
        return True
    if (words[0] in PLACE_HEADS and len(words) == 2) or (
        words[1] == "of" and words[0] in _OF_PLACES
    ):
        return True
    return words[0] in COMPASS and " ".join(words[1:]) in lex.places


_OF_PLACES = vocabulary.words("of_places")


# Words around a city's name that make it the club named after it.
_CLUB_NEXT = vocabulary.words("club_next")


_CLUB_PREVIOUS = vocabulary.words("club_previous")


def club_context(before: str, after: str) -> bool:
    tokens = tokens_after(after, 3)
    if tokens and tokens[0] in ("’s", "'s"):
        tokens = tokens[1:]
    following = tokens[0].lower() if tokens else ""
    if following in _CLUB_NEXT or (following == "lost" and tokens[1:2] in (["to"], ["at"])):
        return True
    # "Lee Marden (Leeds) 33": a city in brackets after a player's or manager's name.
    if after.startswith(")") and _NAME_THEN_BRACKET.search(before[-40:]):
        return True
    return phrase_before(before, _CLUB_PREVIOUS)


_NAME_THEN_BRACKET = re.compile(r"[A-Z][a-z’'-]+\s+[A-Z][a-z’'-]+\s+\($")


# Words before a name that say it is a place: "near Borrowdale", "the town of Keswick",
# "60km north-west of Palu".
_PLACE_PREVIOUS = vocabulary.words("place_previous") | {
    f"{noun} of" for noun in vocabulary.words("place_of_nouns")
}


# After it: "the Amu Darya and Syr Darya rivers", "the Kunar province".
_PLACE_NEXT = vocabulary.words("place_next")


def _place_after(after: str) -> bool:
    if not after[:1].isspace():
        return False
    tokens = tokens_after(after, 6)
    if tokens[:1] == ["and"]:
        names = 1
        while names < len(tokens) and names <= 3 and tokens[names][:1].isupper():
            names += 1
        tokens = tokens[names:] if names > 1 else []
    return bool(tokens) and tokens[0] in _PLACE_NEXT


# "Harrogate, North Yorkshire, …", "from Keswick in Cumbria": a town, then its region
# (but not a list: "Real Madrid, Barcelona and Valencia"; nor "al-Qaeda in Iraq").
_IN_REGION = re.compile(
    r"^(?P<how>,|\s+in)\s+(?P<region>[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){0,2})"
    r"(?!\s*(?:,|and|or|&)\s+[A-Z]|\s+[A-Z]|[\w’'-])"
)


_FROM = re.compile(r"\b(?:from|of|near|in)\s+$")


def place_context(words: list[str], before: str, after: str, lex: Lexicon) -> bool:
    if len(words) > 3 or any(w in ORG_SUFFIXES for w in words):
        return False
    if phrase_before(before, _PLACE_PREVIOUS, skip_the=True) or _place_after(after):
        return True
    region = _IN_REGION.match(after)
    if region is None or region.group("region") not in lex.regions:
        return False
    # A town is one word ("Cotton, Suffolk"); two capitalised words are more often a
    # person ("Tomas Brandt, Hull").
    return (len(words) == 1 or geo_name(words, lex)) and (
        region.group("how") == "," or bool(_FROM.search(before[-12:]))
    )
