"""Rules that decide a run is no name, or not yet: nothing left after the leading
words, only nationality or calendar words, an everyday word opening a sentence,
a hyphenated description ("Oxford-educated"), and the undecided rest."""

from __future__ import annotations

from briefing.analysis.facts import vocabulary
from briefing.analysis.facts.org_cues import officers_after
from briefing.analysis.facts.organisations import BARE_BODIES, WELL_KNOWN, is_acronym
from briefing.analysis.facts.people import TITLE_WORDS
from briefing.analysis.facts.places import DEMONYMS, MULTIWORD_DEMONYMS
from briefing.analysis.facts.rules.base import DROP, Candidate, Result, Rule, speech_cue
from briefing.analysis.facts.wordsets import DAYS, MONTHS

__all__ = ["ADJECTIVE_ENDS", "RULES"]

# "Oxford-educated", "Tashkent-based": the last part of a description, not of a name.
ADJECTIVE_ENDS = vocabulary.words("adjective_ends")


def _nothing_left(c: Candidate) -> Result:
    return DROP if not c.words else None


def _not_a_name(c: Candidate) -> Result:
    if c.name in MULTIWORD_DEMONYMS or (
        all(w in DEMONYMS or w in MONTHS or w in DAYS or w in TITLE_WORDS for w in c.words)
        and c.name not in BARE_BODIES
        and c.name not in WELL_KNOWN
    ):
        return DROP
    return None


def _title_abbreviation(c: Candidate) -> Result:
    # "Oregon Gov. Lena Hart", "Det. Sgt. Ann Lowe": a run that ends in an
    # abbreviated title is the title of the name after it, no name itself.
    if c.words[-1] in TITLE_WORDS and c.after.startswith(". ") and c.after[2:3].isupper():
        return DROP
    return None


def _sentence_start_word(c: Candidate) -> Result:
    lex = c.lex
    if (
        c.at_start
        and len(c.words) == 1
        and lex.is_common(c.name)
        and c.name not in lex.places
        and not is_acronym(c.name)
        and c.name not in BARE_BODIES
        and c.name not in WELL_KNOWN
    ):
        # Only a name seen elsewhere in the article can claim it (see the leftovers).
        return c.mention(None, weak=True)
    return None


def _description_compound(c: Candidate) -> Result:
    parts = c.name.split("-")
    if len(c.words) == 1 and len(parts) == 2 and parts[-1] in ADJECTIVE_ENDS:
        return DROP
    return None


def _undecided(c: Candidate) -> Result:
    # Single words may turn out to be a surname or an acronym seen elsewhere.
    return c.mention(None, speech=speech_cue(c), owner=officers_after(c.after))


RULES = [
    Rule("nothing-left", "drop", "However, (only leading words)", _nothing_left),
    Rule("not-a-name", "drop", "Greek, Sri Lankan, Monday, President", _not_a_name),
    Rule("title-abbreviation", "drop", "Oregon Gov. (Lena Hart)", _title_abbreviation),
    Rule(
        "sentence-start-word",
        "undecided",
        "Officials said …; Brown said … (weak)",
        _sentence_start_word,
    ),
    Rule(
        "description-compound",
        "drop",
        "the Frankfurt-based exchange; Oxford-educated",
        _description_compound,
    ),
    Rule("undecided", "undecided", "any other run: a later mention may claim it", _undecided),
]
