"""Rules that make a run a person: a role noun right before it ("drummer Odell"),
a title ("Deputy Prime Minister Hal Morrow", "Ms Lund"), a known given name, the
words only a person has around it (speech, an age, a role), or a name of
unfamiliar words ("Kasper Lindholm")."""

from __future__ import annotations

from briefing.analysis.facts import vocabulary
from briefing.analysis.facts.org_cues import officers_after
from briefing.analysis.facts.organisations import ORG_DESCRIPTORS
from briefing.analysis.facts.people import (
    TITLE_WORDS,
    is_role_before,
    is_role_noun,
    role_named_as,
)
from briefing.analysis.facts.places import DEMONYMS
from briefing.analysis.facts.rules.base import (
    Candidate,
    Result,
    Rule,
    add_context_role,
    person_context,
    speech_cue,
)
from briefing.analysis.facts.shapes import title_split
from briefing.analysis.facts.wordsets import COURTESY

__all__ = ["RULES"]

# Role nouns that before a name are as often a body's ("head Sony", "members Nato").
_NOT_BEFORE_PEOPLE = vocabulary.words("role_heads_not_person")


def _role_noun_before(c: Candidate) -> Result:
    # "drummer Odell", "striker Hull" (but "regulator Ofcom" is a body, and
    # "champions South Africa" a team).
    if (
        is_role_before(c.previous_word)
        and c.previous_word not in ORG_DESCRIPTORS
        and c.previous_word not in _NOT_BEFORE_PEOPLE
        and c.typer.person_like(c.words)
        and not c.typer.org_words(c.words)
        and not any(w in TITLE_WORDS or w in COURTESY for w in c.words)
    ):
        mention = c.mention("person")
        add_context_role(mention, c.before, c.after)
        return mention
    return None


def _named_as(c: Candidate) -> Result:
    # "A retired nurse identified as Margit", "a baby named Tobiah".
    role = role_named_as(c.before)
    if role and c.typer.person_like(c.words) and not c.typer.org_words(c.words):
        return c.mention("person", role=role)
    return None


def _title_before(c: Candidate) -> Result:
    title_words, rest = title_split(c.words, c.typer)
    if not title_words:
        return None
    title = " ".join(title_words)
    role = None if all(w in COURTESY for w in title_words) else title
    start = c.start + c.name.find(rest[0])
    mention = c.mention("person", role=role, title=title)
    mention.text, mention.start = " ".join(rest), start
    add_context_role(mention, c.before, c.after)
    return mention


def _person(c: Candidate) -> Result:
    mention = c.mention("person")
    if c.described and any(w in DEMONYMS or is_role_noun(w) for w in c.described):
        mention.role = " ".join(c.described)
    add_context_role(mention, c.before, c.after)
    mention.speech = speech_cue(c)
    return mention


def _known_given_name(c: Candidate) -> Result:
    return _person(c) if c.typer.strong_person(c.words) else None


def _person_context(c: Candidate) -> Result:
    if (
        c.typer.person_like(c.words)
        and len(c.words) >= 2
        and not c.typer.everyday(c.words)
        and person_context(c.before, c.after)
    ):
        return _person(c)
    return None


def _unfamiliar_name(c: Candidate) -> Result:
    return _person(c) if c.typer.unfamiliar_name(c.words) else None


def _role_before_loose(c: Candidate) -> Result:
    if is_role_before(c.previous_word) and c.typer.person_like(c.words):
        mention = c.mention("person", speech=speech_cue(c), owner=officers_after(c.after))
        add_context_role(mention, c.before, c.after)
        return mention
    return None


RULES = [
    Rule("role-noun-before", "person", "drummer Odell; rower Holm", _role_noun_before),
    Rule("named-as", "person", "a retired nurse identified as Margit", _named_as),
    Rule("title-before", "person", "Deputy Prime Minister Hal Morrow; Ms Lund", _title_before),
    Rule(
        "known-given-name",
        "person",
        "Freja Holm (a known given name first)",
        _known_given_name,
    ),
    Rule(
        "person-context", "person", "Ada Lund, an analyst at X, said; Ann Bell, 34", _person_context
    ),
    Rule("unfamiliar-name", "person", "Kasper Lindholm (no everyday words)", _unfamiliar_name),
    Rule("role-before-loose", "person", "(after the body rules) striker Hull", _role_before_loose),
]
