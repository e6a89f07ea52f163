"""Rules that make a run a place: a dateline ("JAKARTA, Nov 14 -"), a name the
gazetteers know or one shaped like a place ("Aral Sea"), the known first part of
a hyphenated word ("Russia-Kazakhstan", "Tashkent-based group"), and the words
around it ("near X", "Keswick, Cumbria", "the X and Y rivers")."""

from __future__ import annotations

from briefing.analysis.facts import vocabulary
from briefing.analysis.facts.mention import Mention
from briefing.analysis.facts.organisations import ORG_DESCRIPTORS
from briefing.analysis.facts.place_cues import place_context
from briefing.analysis.facts.places import DEMONYMS
from briefing.analysis.facts.rules.base import Candidate, Result, Rule, speech_cue
from briefing.analysis.facts.rules.names import ADJECTIVE_ENDS
from briefing.analysis.facts.rules.organisation import known_place
from briefing.analysis.facts.wordsets import word_after

__all__ = ["RULES"]

# "Tashkent-based", "Bermuda-headquartered": before a body, the first part is a place.
_PLACE_ADJECTIVE_ENDS = vocabulary.words("place_adjective_ends")


def _dateline(c: Candidate) -> Result:
    # "JAKARTA, Nov 14 -", "THE HAGUE, Netherlands -".
    lex = c.lex
    if c.raw.isupper() and len(c.raw) > 3 and c.raw.title() in lex.places:
        return Mention(
            "place", c.raw, c.index, c.raw_start, c.end, aliases=[lex.places[c.raw.title()]]
        )
    return None


def _known_place(c: Candidate) -> Result:
    if known_place(c):
        place = c.lex.places.get(c.name, c.name)
        return c.mention("place", aliases=[place], speech=speech_cue(c))
    return None


def _hyphenated_place(c: Candidate) -> Result:
    # "Russia-Kazakhstan-Iran", "Bermuda-based"; an unknown name only before a body:
    # "the Tashkent-based group", not "Linux-based".
    if len(c.words) != 1 or "-" not in c.name:
        return None
    lex = c.lex
    parts = c.name.split("-")
    known = all(p in lex.places for p in parts if p[:1].isupper()) and parts[0] in lex.places
    adjective = parts[-1] in ADJECTIVE_ENDS and len(parts) == 2
    if known or (
        adjective
        and parts[-1] in _PLACE_ADJECTIVE_ENDS
        and parts[0] not in DEMONYMS
        and word_after(c.after) in ORG_DESCRIPTORS
    ):
        return Mention(
            "place",
            parts[0],
            c.index,
            c.start,
            c.start + len(parts[0]),
            aliases=[lex.places.get(parts[0], parts[0])],
        )
    return None


def _place_context(c: Candidate) -> Result:
    if not c.typer.strong_person(c.words) and place_context(c.words, c.before, c.after, c.lex):
        return c.mention("place", aliases=[c.name])
    return None


RULES = [
    Rule("dateline", "place", "JAKARTA, Nov 14 -", _dateline),
    Rule("known-place", "place", "Kazakhstan; Aral Sea; Mount Kenya", _known_place),
    Rule(
        "hyphenated-place",
        "place",
        "Russia-Kazakhstan; the Tashkent-based group",
        _hyphenated_place,
    ),
    Rule("place-context", "place", "near Tillinghurst; Tarrowby, Cumbria", _place_context),
]
