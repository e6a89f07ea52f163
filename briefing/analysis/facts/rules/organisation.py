"""Rules that make a run an organisation: a kind of body named before it
("Bookmakers Fairbet"), a city the copy treats as a club ("Liverpool striker"),
its acronym or expansion in brackets, its own words ("… Council", "NHS England"),
an apposition ("Veltrix, a Dutch insurer,"), the words before it ("shares in X",
"an analyst at X") or after it ("the Sony group"), and everyday words that act
("the Red Cross said")."""

from __future__ import annotations

import re

from briefing.analysis.facts import vocabulary
from briefing.analysis.facts.org_cues import (
    ARTICLE_BEFORE,
    NOUN_AFTER,
    ORG_APPOSITION,
    ORG_PREVIOUS,
    PEOPLE_NOUN,
    described_as_body,
    descriptor,
    named_thing,
    org_word_after,
)
from briefing.analysis.facts.organisations import (
    ORG_DESCRIPTORS,
    ORG_NOUNS_AFTER,
    acronym_of,
    is_acronym,
)
from briefing.analysis.facts.people import is_role_noun
from briefing.analysis.facts.place_cues import club_context, geo_name
from briefing.analysis.facts.places import DEMONYMS
from briefing.analysis.facts.rules.base import Candidate, Result, Rule, speech_after
from briefing.analysis.facts.wordsets import phrase_before, word_before

__all__ = ["RULES"]

_ACRONYM_AFTER = re.compile(r"^\s*\((?P<acr>[A-Z][A-Za-z0-9.&]{1,9})\)")
_EXPANSION_AFTER = re.compile(r"^\s*\((?P<exp>[A-Z][^()]{4,80})\)")
# Prefixes of adjectives, not names: "the Pan-African summit".
_NOT_NAME_PREFIXES = vocabulary.words("not_org_prefixes")


def _descriptor_before(c: Candidate) -> Result:
    # "Bookmakers Fairbet said", "Insurer Veltrix".
    words = c.words
    if len(words) >= 2 and descriptor(words[0]) and not c.lex.is_common(words[1]):
        mention = c.mention("organisation")
        mention.text, mention.start = " ".join(words[1:]), c.start + c.name.find(words[1])
        return mention
    return None


def known_place(c: Candidate) -> bool:
    """A place the gazetteers know, or shaped like one, not followed by a body's word."""
    return (c.name in c.lex.places or geo_name(c.words, c.lex)) and not org_word_after(c.after)


def _club_city(c: Candidate) -> Result:
    # "Liverpool striker X", "a win over Leeds": a club named after its city.
    if known_place(c) and c.name not in c.lex.countries and club_context(c.before, c.after):
        return c.mention("organisation", club=True)
    return None


def _acronym_after(c: Candidate) -> Result:
    match = _ACRONYM_AFTER.match(c.after)
    if match and len(c.words) >= 2 and acronym_of(c.name, match.group("acr")):
        return c.mention("organisation", acronym=match.group("acr"))
    return None


def _expansion_after(c: Candidate) -> Result:
    if len(c.words) == 1 and is_acronym(c.name):
        expansion = _EXPANSION_AFTER.match(c.after)
        if expansion and acronym_of(expansion.group("exp"), c.name):
            mention = c.mention("organisation", acronym=c.name)
            mention.text = expansion.group("exp").strip()
            return mention
    return None


def _own_words(c: Candidate) -> Result:
    if not c.typer.org_words(c.words):
        return None
    mention = c.mention("organisation")
    people = PEOPLE_NOUN.match(c.after) if c.words[-1] in DEMONYMS else None
    if people:
        # "the Association of Welsh farmers": the people the body is of.
        mention.text, mention.end = f"{c.name} {people.group(1)}", c.end + people.end()
    return mention


def _apposition(c: Candidate) -> Result:
    # "Veltrix, a leading Dutch insurer, said": the copy says what it is.
    match = ORG_APPOSITION.match(c.after)
    if match and not c.typer.strong_person(c.words) and match.group("noun") in ORG_DESCRIPTORS:
        return c.mention("organisation")
    return None


def _cue_before(c: Candidate) -> Result:
    # "discounters Aldi and Lidl", "shares in X", "spokesman for X".
    if (
        described_as_body(c.before[-120:]) or phrase_before(c.before, ORG_PREVIOUS, skip_the=True)
    ) and not c.typer.strong_person(c.words):
        return c.mention("organisation")
    return None


# "he works at", "a job at", "studying at": at a body, not at a venue ("won at Harrow
# Pines"); a name of everyday words after "at" is a shop or a firm ("at Happy Lenses").
_WORKS_AT = re.compile(
    r"\b(?:work(?:s|ed|ing)?|job|jobs|post|staff|stud(?:y|ies|ied|ying)|employed|"
    r"train(?:s|ed|ing)?|student|students|shares|stake)\s+at\s+(?:the\s+)?$"
)


def _at_body(c: Candidate) -> Result:
    # "an analyst at Halden" (even "… at Halden believes": the analyst speaks), "he works
    # at Corvane Foods" (not "at Smith's, Jones said").
    if c.previous_word != "at":
        return None
    if is_role_noun(word_before(c.before[: c.before.rfind("at")])):
        return c.mention("organisation")
    if (
        len(c.words) >= 2
        and (c.typer.everyday(c.words) or _WORKS_AT.search(c.before[-40:]) is not None)
        and not speech_after(c.after)
    ):
        return c.mention("organisation")
    return None


# "the chairman of Cobble Hospitality", "a director at Corvane": a body's officers.
_OFFICERS = vocabulary.words("officers")
_OFFICER_OF = re.compile(r"\b(?P<officer>[a-z]+)\s+of\s+(?:the\s+)?$")


def _officer_of(c: Candidate) -> Result:
    match = _OFFICER_OF.search(c.before[-40:])
    if (
        match
        and match.group("officer") in _OFFICERS
        and not c.typer.strong_person(c.words)
        and c.name not in c.lex.places
    ):
        return c.mention("organisation")
    return None


def _noun_after(c: Candidate) -> Result:
    # "the Green Meadow festival" (part of the name), "the Sony group" (not part of it).
    noun_after = NOUN_AFTER.match(c.after)
    if (
        noun_after
        and noun_after.group("noun") in ORG_NOUNS_AFTER
        and ARTICLE_BEFORE.search(c.before[-8:])
        and not c.typer.strong_person(c.words)
        and not any(p in DEMONYMS or p in _NOT_NAME_PREFIXES for p in re.split(r"[\s-]", c.name))
    ):
        mention = c.mention("organisation")
        if ORG_NOUNS_AFTER[noun_after.group("noun")]:
            mention.text = f"{c.name} {noun_after.group('noun')}"
        return mention
    return None


def _named_thing(c: Candidate) -> Result:
    if named_thing(c.words, c.before, c.after, c.lex):
        return c.mention("organisation")
    return None


RULES = [
    Rule("descriptor-before", "organisation", "Bookmakers Fairbet said", _descriptor_before),
    Rule("club-city", "organisation", "Liverpool striker X; a win over Leeds", _club_city),
    Rule(
        "acronym-after", "organisation", "Shanghai Cooperation Organization (SCO)", _acronym_after
    ),
    Rule(
        "expansion-after",
        "organisation",
        "SCO (Shanghai Cooperation Organization)",
        _expansion_after,
    ),
    Rule("own-words", "organisation", "Harlow Council; Ministry of X; NHS England", _own_words),
    Rule("apposition", "organisation", "Veltrix, a leading Dutch insurer,", _apposition),
    Rule("cue-before", "organisation", "discounters Aldi; shares in Corvane", _cue_before),
    Rule("at-body", "organisation", "an analyst at Halden", _at_body),
    Rule("officer-of", "organisation", "the chairman of Cobble Hospitality", _officer_of),
    Rule("noun-after", "organisation", "the Sony group; the Green Meadow festival", _noun_after),
    Rule("named-thing", "organisation", "the Red Cross said; run by the Coast Guard", _named_thing),
]
