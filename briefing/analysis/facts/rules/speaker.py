"""Who said a quote: three strategies, tried in this order, the first that decides wins.

1. ``after-quote``: a speech verb after the closing mark (`"…," said Ada Lund`,
   `"…," Holm told`, `"…," he said`, `"…," the minister said`);
2. ``before-quote``: one before it in the same sentence (`Lord Harwood said: "…"`,
   `According to X, "…"`);
3. ``carried``: no cue: a quote that goes on from the previous one keeps its
   speaker, unless someone new was named in between.

Each strategy returns an ``Attribution`` (the speaker, possibly None, and the name
of the rule that decided) or None when it has no cue; the quote fact records
the rule, for the benchmark's per-rule report.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from briefing.analysis.facts import vocabulary
from briefing.analysis.facts.grouping import Entity
from briefing.analysis.facts.lexicon import Lexicon
from briefing.analysis.facts.people import is_role_noun
from briefing.analysis.facts.places import DEMONYMS
from briefing.analysis.facts.quotes import Quote
from briefing.library.model import Article

__all__ = ["STRATEGIES", "Attribution", "Named", "QuoteContext", "attribute", "sex"]

Named = list[tuple[int, int, Entity]]  # (body start, body end, entity) of each sighting

_VERBS = vocabulary.speech_verbs("quote")
_LISTENER_VERBS = frozenset(vocabulary.tagged("speech_verbs", "listener"))
VERB = re.compile(rf"\b(?:{_VERBS})\b")
_PRONOUN_AFTER = re.compile(
    rf"^[\s,.]*(?P<p>he|she|it|they)\s+(?:has\s+|had\s+)?(?:{_VERBS})\b", re.IGNORECASE
)
_PRONOUN_BEFORE = re.compile(
    rf"\b(?P<p>[Hh]e|[Ss]he|[Ii]t|[Tt]hey)\s+(?:has\s+|had\s+)?"
    rf"(?:{_VERBS})\b[^\"“”]{{0,60}}$"
)
_ROLE_AFTER = re.compile(
    rf"^[\s,.]*(?:(?:{_VERBS})\s+)?(?:the|a|an|its|his|her)\s+"
    rf"(?P<noun>[a-z-]+(?:\s+[a-z-]+)?|[A-Z][a-z]+)\s*(?:(?:{_VERBS})\b|[,.]|$)"
)
_LISTENER_BEFORE = re.compile(
    rf"\b(?:{vocabulary.alternation(tuple(_LISTENER_VERBS))})\b[^.!?]{{0,30}}$"
)
_ROLE_SUBJECT = re.compile(r"\b(?:the|a|an|its|his|her)\s+(?P<noun>[a-z-]+(?:\s+[a-z-]+)?)\s*$")
_FEMALE_WORDS = vocabulary.words("female_words")
_MALE_WORDS = vocabulary.words("male_words")


def sex(entity: Entity, lex: Lexicon) -> str | None:
    """ "f", "m" or None (unknown), from a courtesy title, a role word or the given name."""
    words = [w.strip(".,’'").lower() for t in entity.titles for w in t.split()]
    words += [w.strip(".,’'").lower() for w in (entity.role or "").split()]
    if any(w in _FEMALE_WORDS for w in words):
        return "f"
    if any(w in _MALE_WORDS for w in words):
        return "m"
    first = entity.text.split()[0]
    if first in lex.female_names:
        return "f"
    if first in lex.male_names:
        return "m"
    return None


@dataclass(frozen=True, slots=True)
class Attribution:
    speaker: Entity | None
    rule: str


@dataclass(slots=True)
class QuoteContext:
    """A quote, the words before and after it, and the names of the article."""

    quote: Quote
    article: Article
    named: Named
    previous: Quote | None
    previous_speaker: Entity | None
    subjects: set[int]  # sightings in subject position
    lex: Lexicon
    after: str = ""  # to the end of the sentence or the next quote mark
    after_start: int = 0
    before: str = ""  # from the sentence start (or the previous quote) to the quote
    before_start: int = 0

    def __post_init__(self) -> None:
        body, quote, sentences = self.article.body, self.quote, self.article.sentences
        after_end = next((s.end for s in sentences if s.start <= quote.end <= s.end), quote.end)
        self.after_start = quote.end + 1
        window = body[self.after_start : max(after_end, self.after_start) + 1]
        self.after = re.split(r"[\"“”]", window, maxsplit=1)[0]
        self.before_start = sentences[quote.sentence].start
        if self.previous is not None and self.previous.end > self.before_start:
            self.before_start = self.previous.end + 1
        self.before = body[self.before_start : max(self.before_start, quote.start - 1)]

    def last_named(
        self,
        position: int,
        kinds: tuple[str, ...] = ("person",),
        since: int = -1,
        listeners: bool = True,
    ) -> Entity | None:
        """The last person (or body) named before ``position`` (and after ``since``);
        without ``listeners``, not one spoken to (`told the BBC's Colm Rafter`)."""
        body = self.article.body
        candidates = [
            e
            for a, _, e in self.named
            if since < a < position
            and e.kind in kinds
            and (listeners or not _LISTENER_BEFORE.search(body[max(0, a - 40) : a]))
        ]
        return candidates[-1] if candidates else None

    def pronoun_owner(self, word: str) -> Entity | None:
        quote = self.quote
        if word.lower() not in ("he", "she"):
            return self.last_named(quote.start, ("organisation",)) or self.last_named(quote.start)
        # The last person who was the subject of a sentence or a speech verb, not
        # merely the last name ("…to contact Moretti. But Pryce stressed…"), and
        # never a man for "she" or a woman for "he".
        wrong = "m" if word.lower() == "she" else "f"
        window_start = self.article.sentences[max(0, quote.sentence - 3)].start
        people = [
            (a, e)
            for a, _, e in self.named
            if a < quote.start and e.kind == "person" and sex(e, self.lex) != wrong
        ]
        subjects = [e for a, e in people if a >= window_start and a in self.subjects]
        if subjects:
            return subjects[-1]
        return people[-1][1] if people else None

    def by_role(self, noun: str) -> Entity | None:
        """The person a role noun ("the minister") refers back to."""
        words = noun.split()
        if not words or not (is_role_noun(words[-1]) or words[-1] in DEMONYMS):
            return None
        people = [e for a, _, e in self.named if a < self.quote.start and e.kind == "person"]
        for person in reversed(people):
            if person.role and words[-1] in person.role.lower():
                return person
        return people[-1] if people else None


def _nearest(window: Named, verb_start: int, verb_end: int) -> Entity | None:
    """The name nearest the verb, a person before a body."""

    def distance(t: tuple[int, int, Entity]) -> int:
        return verb_start - t[1] if t[1] <= verb_start else t[0] - verb_end

    people = [t for t in window if t[2].kind == "person"]
    pool = people or window
    return min(pool, key=distance)[2] if pool else None


def _after_quote(c: QuoteContext) -> Attribution | None:
    head = c.after[:120]
    verb = VERB.search(head)
    if not verb or verb.start() >= 80:
        return None
    pronoun = _PRONOUN_AFTER.match(head)
    if pronoun:
        return Attribution(c.pronoun_owner(pronoun.group("p")), "after-quote:pronoun")
    verb_start, verb_end = c.after_start + verb.start(), c.after_start + verb.end()
    # Whoever follows "told" is the listener: `"…," the Swede told Radio Kent`.
    listener = verb.group() in _LISTENER_VERBS
    window = [
        t
        for t in c.named
        if c.after_start <= t[0] < c.after_start + len(head)
        and (t[1] <= verb_start or (not listener and t[0] - verb_end < 60))
    ]
    if window:
        return Attribution(_nearest(window, verb_start, verb_end), "after-quote:name")
    role = _ROLE_AFTER.match(head)
    if role:
        return Attribution(c.by_role(role.group("noun")), "after-quote:role")
    return None


def _before_quote(c: QuoteContext) -> Attribution | None:
    verbs = list(VERB.finditer(c.before))
    if not verbs:
        return None
    verb = verbs[-1]
    verb_start, verb_end = c.before_start + verb.start(), c.before_start + verb.end()
    window = [
        t
        for t in c.named
        if c.before_start <= t[0] < c.quote.start and (t[1] <= verb_start or t[0] - verb_end < 25)
    ]
    if "according" in verb.group():
        following = [t for t in window if t[0] >= verb_end]
        if following:
            return Attribution(following[0][2], "before-quote:according-to")
    pronoun = _PRONOUN_BEFORE.search(c.before)
    subject = [t for t in window if t[1] <= verb_start]
    if pronoun and (not subject or subject[-1][1] < c.before_start + pronoun.start()):
        return Attribution(c.pronoun_owner(pronoun.group("p")), "before-quote:pronoun")
    role = _ROLE_SUBJECT.search(c.before[: verb.start()])
    if role and (not subject or subject[-1][1] < c.before_start + role.start()):
        found = c.by_role(role.group("noun"))
        if found:
            return Attribution(found, "before-quote:role")
    if window:
        return Attribution(_nearest(window, verb_start, verb_end), "before-quote:name")
    return None


def _carried(c: QuoteContext) -> Attribution:
    # Unless someone new was introduced in between ("Lena Pryde, marketing manager
    # at X, believes …. "Some people …"), a quote that goes on keeps its speaker.
    previous, previous_speaker, quote = c.previous, c.previous_speaker, c.quote
    since = previous.end if previous is not None else -1
    newcomer = c.last_named(quote.start, since=since, listeners=False)
    if newcomer is not None and newcomer is not previous_speaker and not quote.continued:
        return Attribution(newcomer, "carried:newcomer")
    if (
        previous_speaker is not None
        and previous is not None
        and (quote.continued or quote.paragraph - previous.paragraph <= 1)
    ):
        return Attribution(previous_speaker, "carried:previous-speaker")
    return Attribution(newcomer, "carried:last-named" if newcomer else "unattributed")


STRATEGIES: tuple[tuple[str, Callable[[QuoteContext], Attribution | None]], ...] = (
    ("after-quote", _after_quote),
    ("before-quote", _before_quote),
    ("carried", _carried),
)


def attribute(context: QuoteContext) -> Attribution:
    """The speaker of a quote, by the first strategy that decides."""
    for _, strategy in STRATEGIES:
        found = strategy(context)
        if found is not None:
            return found
    return Attribution(None, "unattributed")
