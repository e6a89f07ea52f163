"""What every name rule sees and returns.

A rule looks at one ``Candidate`` (a capitalised run of words, stripped of the
words in front that are no part of a name, with the words around it) and
returns a ``Mention`` (it decides: this is a person, a body, a place, or still
undecided), ``DROP`` (it decides: this is no name), or None (it does not apply:
the next rule in the precedence looks).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from briefing.analysis.facts import vocabulary
from briefing.analysis.facts.lexicon import Lexicon
from briefing.analysis.facts.mention import Mention
from briefing.analysis.facts.people import (
    role_after,
    role_before,
    role_comma_before,
    role_named_as,
)
from briefing.analysis.facts.shapes import Typer, strip_front
from briefing.analysis.facts.wordsets import COURTESY, DAYS, DETERMINERS, FULL_MONTHS, word_before

__all__ = [
    "DROP",
    "Candidate",
    "Rule",
    "add_context_role",
    "make_candidate",
    "person_context",
    "speech_cue",
]


class _Drop:
    """The decision that a candidate is no name at all."""

    def __repr__(self) -> str:
        return "DROP"


DROP = _Drop()
Result = Mention | _Drop | None


@dataclass(slots=True)
class Candidate:
    """A capitalised run of words in a sentence, with what the rules look at."""

    typer: Typer
    text: str  # the whole sentence
    index: int  # the sentence's number
    raw: str  # the run as found, before its leading words were stripped
    raw_start: int
    name: str  # the run without them
    words: list[str]
    described: list[str]  # stripped words that may describe a person ("Greek")
    start: int  # offsets of ``name`` in the sentence
    end: int
    at_start: bool  # the run starts the sentence (or a quote, or follows a colon)
    before: str  # up to 240 characters either side
    after: str
    previous_word: str  # the word right before, lower-cased
    lex: Lexicon  # the typer's, kept as a field: the rules read it some 10 times a run

    def mention(self, kind: str | None, **fields: object) -> Mention:
        return Mention(kind, self.name, self.index, self.start, self.end, **fields)  # type: ignore[arg-type]


@dataclass(frozen=True, slots=True)
class Rule:
    """A named rule: what it yields (a kind, "drop" or "undecided"), an example, its test."""

    name: str
    yields: str
    example: str
    apply: Callable[[Candidate], Result]


_SENTENCE_START = re.compile(r"^[\s\"“‘'(«\[—–-]*$")


def make_candidate(
    raw: str, raw_start: int, end: int, index: int, text: str, typer: Typer
) -> Candidate:
    start = raw_start
    before = text[:start]
    at_start = bool(_SENTENCE_START.match(before)) or before.rstrip().endswith((":", '"', "“"))
    all_words = raw.split()
    words = strip_front(all_words, at_start, typer.lex)
    described = [
        w
        for w in all_words[: len(all_words) - len(words)]
        if w not in DETERMINERS and w not in FULL_MONTHS and w not in DAYS
    ]
    name = raw
    if words and len(words) != len(all_words):
        # Keep offsets pointing at what is left.
        start += raw.find(words[0])
        name = " ".join(words)
    # The context checks look a few words either side; a bounded window keeps
    # their end-anchored searches from scanning the whole sentence.
    before = text[max(0, start - 240) : start]
    return Candidate(
        typer,
        text,
        index,
        raw,
        raw_start,
        name,
        words,
        described,
        start,
        end,
        at_start,
        before,
        text[end : end + 240],
        word_before(before),
        typer.lex,
    )


_SPEECH_AFTER = re.compile(
    r"^\s*(?:,[^,\"“”]{0,90},\s*)?(?:has\s+|had\s+|have\s+)?"
    rf"(?:{vocabulary.speech_verbs('after')})\b"
)
_SPEECH_BEFORE = re.compile(rf"\b(?:{vocabulary.speech_verbs('before')})\s*$")
_AGE_AFTER = re.compile(r"^,\s*\d{1,2},")


def speech_after(after: str) -> bool:
    """ "X said", "X, a teacher, told": a speech verb right after the name."""
    return bool(_SPEECH_AFTER.match(after))


def speech_cue(c: Candidate) -> bool:
    """A speech verb right after the name, or right before it ("said X")."""
    return bool(_SPEECH_AFTER.match(c.after) or _SPEECH_BEFORE.search(c.before[-40:]))


def person_context(before: str, after: str) -> bool:
    """Words around a name that only a person has: speech, an age, a role."""
    return bool(
        _SPEECH_AFTER.match(after)
        or _SPEECH_BEFORE.search(before[-40:])
        or _AGE_AFTER.match(after)
        or role_after(after)
        or role_before(before)
        or role_comma_before(before)
        or role_named_as(before)
    )


# "Mina Cole of Halden", "Gulnara Saidova of the Tashkent-based group Ecoforum".
_OF_BODY = re.compile(
    r"^\s+(?P<role>of\s+(?:the\s+)?[A-Z][^,.;:()\"“”\d–—]{1,70}?)"
    r"(?=\s*[,.;:()\"“”\d–—]|\s+-\s|\s+(?:"
    + vocabulary.speech_verbs("short")
    + r"|who|and|in|on|at)\b|$)"
)
_TITLE_AT_END = re.compile(r"\b(?:Mr|Mrs|Ms|Dr|Prof)\.?\s*$")
# "Fairbet's Cal Dore", "Halden's Noa Kaplan": the body a person speaks for.
_BODY_BEFORE = re.compile(r"(?P<body>[A-Z][\w&]*(?:\s+[A-Z][\w&]*){0,3})(?:[’']s|s[’'])\s*$")


def add_context_role(mention: Mention, before: str, after: str) -> None:
    """Give a person the role the words around the name say."""
    role = (
        role_after(after)
        or role_before(before)
        or role_before(_TITLE_AT_END.sub("", before))  # "psychiatrist Dr. Lena Voss"
        or role_comma_before(before)
    )
    if role is None and mention.role is None:
        of_body = _OF_BODY.match(after)
        role = of_body.group("role") if of_body else None
    if role is None and mention.role is None:
        body = _BODY_BEFORE.search(before[-60:])
        if body and body.group("body").split()[-1] not in COURTESY:
            role = body.group().strip()
    if role and (mention.role is None or len(role) > len(mention.role)):
        mention.role = (
            role if mention.role is None or mention.role in role else f"{mention.role}, {role}"
        )
