"""The name rules as data: each kind's rules are a list in its own module
(``person``, ``organisation``, ``place``, and ``names`` for the rules that drop a
run or leave it undecided), and ``PRECEDENCE`` below is the one order they are
tried in. The first rule that decides wins; the mention records its name, so the
benchmark can count hits and errors per rule (``facts_quality.py --rules``).

The conflict policy is the order itself: a more specific cue comes before a
more general one (a dateline before a known place, a city named as a club
before the city as a place, a title before a name's own shape). Speaker
attribution for quotes is the same idea, in ``speaker``.

To add a rule: write its test in the module of the kind it yields, add it to
that module's ``RULES`` with a name and an example, and put its name where it
belongs in ``PRECEDENCE`` (a test checks every rule is placed exactly once).
"""

from __future__ import annotations

from briefing.analysis.facts.mention import Mention
from briefing.analysis.facts.rules import names, organisation, person, place
from briefing.analysis.facts.rules.base import DROP, Candidate, Rule

__all__ = ["ALL_RULES", "PRECEDENCE", "RULES_IN_ORDER", "classify"]

ALL_RULES: dict[str, Rule] = {
    rule.name: rule for rule in (*names.RULES, *person.RULES, *organisation.RULES, *place.RULES)
}

PRECEDENCE = (
    "dateline",
    "nothing-left",
    "not-a-name",
    "title-abbreviation",
    "descriptor-before",
    "sentence-start-word",
    "role-noun-before",
    "named-as",
    "club-city",
    "known-place",
    "hyphenated-place",
    "description-compound",
    "acronym-after",
    "expansion-after",
    "title-before",
    "own-words",
    "apposition",
    "place-context",
    "cue-before",
    "at-body",
    "officer-of",
    "noun-after",
    "known-given-name",
    "person-context",
    "unfamiliar-name",
    "named-thing",
    "role-before-loose",
    "undecided",
)

RULES_IN_ORDER = tuple(ALL_RULES[name] for name in PRECEDENCE)
# (name, test) pairs unpacked once: every run of capitals goes through up to 30 tests.
_TESTS = tuple((rule.name, rule.apply) for rule in RULES_IN_ORDER)


def classify(candidate: Candidate) -> Mention | None:
    """The mention the first deciding rule makes of a candidate (None: no name)."""
    for name, test in _TESTS:
        result = test(candidate)
        if result is None:
            continue
        if result is DROP:
            return None
        assert isinstance(result, Mention)
        result.rule = name
        return result
    return None
