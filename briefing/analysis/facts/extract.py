"""Turn an article into its key facts: one entry per entity, each with its sentences."""

from __future__ import annotations

import re

from briefing.analysis.facts import vocabulary
from briefing.analysis.facts.dates import find_dates
from briefing.analysis.facts.entities import find_mentions
from briefing.analysis.facts.figures import find_figures, shorten_figure
from briefing.analysis.facts.grouping import (
    Entity,
    group_organisations,
    group_people,
    group_places,
)
from briefing.analysis.facts.lexicon import Lexicon, lexicon
from briefing.analysis.facts.mention import Mention
from briefing.analysis.facts.model import KINDS, Fact
from briefing.analysis.facts.people import is_role_noun
from briefing.analysis.facts.quotes import Quote, find_quotes, is_caption
from briefing.analysis.facts.rules.speaker import VERB, Named, QuoteContext, attribute
from briefing.library.model import Article

__all__ = ["entity_key", "extract_facts"]

_MIN_WORDS = 3
# "Morning Desk Live", "The Long Road Home": a title in quotation marks, not speech
# (every word capitalised or a number, six words at most, no closing punctuation).
_TITLE = re.compile(
    r"^(?:(?:[A-Z0-9][\w’'&-]*|of|the|and|a|an|in|on|for|to|at)\s+){1,5}[A-Z0-9][\w’'&-]*[^\w.,;:!?]{0,3}$"
)
_WORD = re.compile(r"\w+")
# Compiled once: the key of every fact goes through them.
_DOTS = re.compile(r"[.’']")
_SPACES = re.compile(r"\s+")
_SPACES_DASHES = re.compile(r"[\s-]+")


def _norm(text: str) -> str:
    return _SPACES.sub(" ", _DOTS.sub("", text)).strip().casefold()


def entity_key(kind: str, name: str) -> str:
    """The key of an entity: the same for the same entity in every article."""
    return f"{kind}:{_norm(name)}"


def _spans_facts(article: Article, kind: str, finder, taken: list[tuple[int, int]]) -> list[Entity]:
    found: dict[str, Entity] = {}
    for sentence in article.sentences:
        for start, end in finder(sentence.text):
            a, b = sentence.start + start, sentence.start + end
            overlaps = [x for x, y in taken if a < y and x < b]
            if overlaps:
                # "£342m a year earlier": the date keeps "a year earlier", the figure "£342m".
                cut = min(overlaps) - sentence.start
                end = shorten_figure(sentence.text, start, cut) if cut > start else None
                if end is None:
                    continue
                b = sentence.start + end
            text = sentence.text[start:end]
            # "one-sixth" and "one sixth" are the same figure; "2.3" keeps its point.
            key = _SPACES_DASHES.sub(" ", text).strip().casefold()
            entity = found.get(key)
            if entity is None:
                entity = found[key] = Entity(kind, text, [], [], [], canonical=key)
            entity.mentions += 1
            entity.positions.append(a)
            if sentence.index not in entity.sentences:
                entity.sentences.append(sentence.index)
            if kind == "date":
                taken.append((a, b))
    if kind == "figure":
        _join_ages(found)
    return list(found.values())


def _join_ages(found: dict[str, Entity]) -> None:
    """ "Ann Bell, 39, … the 39-year-old": one age, written twice, is one figure."""
    for key in [k for k in found if k.isdigit()]:
        aged = found.get(f"{key} year old")
        if aged is None:
            continue
        bare = found.pop(key)
        aged.mentions += bare.mentions
        aged.positions = sorted(aged.positions + bare.positions)
        aged.sentences = sorted(set(aged.sentences + bare.sentences))


def extract_facts(article: Article, lex: Lexicon | None = None) -> list[Fact]:
    """The key facts of an article, grouped by kind (see ``KINDS``), first sighting first.

    Pure and thread-safe: the reader may call it from a worker thread.
    """
    lex = lex or lexicon()
    sentences = article.sentences
    if not sentences:
        return []
    by_kind: dict[str, list[tuple[Mention, int]]] = {"person": [], "organisation": [], "place": []}
    for mention in find_mentions(sentences, lex):
        position = sentences[mention.sentence].start + mention.start
        by_kind[mention.kind].append((mention, position))  # type: ignore[index]
    people = group_people(by_kind["person"])
    orgs = group_organisations(by_kind["organisation"])
    places = group_places(by_kind["place"])
    taken: list[tuple[int, int]] = []
    dates = _spans_facts(article, "date", find_dates, taken)
    figures = _spans_facts(article, "figure", find_figures, taken)
    named = _sightings(people, orgs, by_kind["person"] + by_kind["organisation"])
    subjects = _subject_positions(article, named)
    _roles_from_later_references(article, named, subjects)
    _role_from_the_lead(article, named)
    captions = _caption_sentences(article)
    facts = [
        _entity_fact(e, e.kind)
        for e in (*people, *orgs, *places, *dates, *figures)
        if not set(e.sentences) <= captions
    ]
    facts += _quote_facts(article, named, subjects, lex)
    order = {kind: i for i, kind in enumerate(KINDS)}
    facts.sort(key=lambda f: (order[f.kind], f.sentence))
    return facts


def _scare_quote(quote: Quote, article: Article) -> bool:
    """ "Slogans such as 'aim for the moon' on posters": a few words quoted in the
    middle of a sentence that no one is said to have said are no speech."""
    if not quote.text[:1].islower() or len(_WORD.findall(quote.text)) > _SCARE_WORDS:
        return False
    sentence = article.sentences[quote.sentence]
    outside = article.body[sentence.start : quote.start] + article.body[quote.end : sentence.end]
    return VERB.search(outside) is None


# Scare quotes are short: "aim for the moon", "work hard, play fair, go far" (seven words).
_SCARE_WORDS = 8


def _caption_sentences(article: Article) -> set[int]:
    """The sentences of photo captions. A fact only a caption carries is left out: the
    captions of tabloid copy repeat the body, and what they add (who stood where in a
    picture) is seldom a key fact."""
    paragraphs: dict[int, list[int]] = {}
    for sentence in article.sentences:
        paragraphs.setdefault(sentence.paragraph, []).append(sentence.index)
    found: set[int] = set()
    for members in paragraphs.values():
        first, last = article.sentences[members[0]], article.sentences[members[-1]]
        if is_caption(article.body[first.start : last.end]):
            found.update(members)
    return found


def _sightings(
    people: list[Entity], orgs: list[Entity], mentions: list[tuple[Mention, int]]
) -> Named:
    """Every sighting of a person or a body, (start, end, entity), in body order."""
    named = sorted(
        ((pos, pos + 1, e) for e in (*people, *orgs) for pos in e.positions),
        key=lambda t: t[0],
    )
    # Give each sighting its real end, for "who is nearest the verb".
    ends = {position: position + (mention.end - mention.start) for mention, position in mentions}
    return [(a, ends.get(a, b), e) for a, b, e in named]


def _quote_facts(article: Article, named: Named, subjects: set[int], lex: Lexicon) -> list[Fact]:
    facts: list[Fact] = []
    previous: Quote | None = None
    previous_speaker: Entity | None = None
    for quote in find_quotes(article.body, article.sentences):
        context = QuoteContext(quote, article, named, previous, previous_speaker, subjects, lex)
        found = attribute(context)
        speaker = found.speaker
        if (
            len(_WORD.findall(quote.text)) >= _MIN_WORDS
            and not _TITLE.match(quote.text)
            and not _scare_quote(quote, article)
        ):
            facts.append(
                Fact(
                    kind="quote",
                    text=quote.text,
                    sentence=quote.sentence,
                    key=f"quote:{article.id}:{quote.start}",
                    sentences=(quote.sentence,),
                    speaker=speaker.text if speaker else None,
                    speaker_key=_key_of(speaker) if speaker else None,
                    rule=found.rule,
                )
            )
            previous, previous_speaker = quote, speaker
    return facts


_SUBJECT_LEAD = re.compile(
    r"^[\s\"“”‘’'(]*(?:(?:but|and|however|meanwhile|so|yet|now|then|"
    r"also|still|mr|mrs|ms|dr)\b[\s,]*)*$",
    re.IGNORECASE,
)
_VERB_NEXT = re.compile(
    rf"^[’']?s?\s*(?:,[^,]{{0,90}},\s*|,\s*)?(?:has\s+|had\s+|also\s+)?"
    rf"(?:{vocabulary.speech_verbs('subject')}|{vocabulary.alternation(vocabulary.ordered('copulas'))})\b"
)


def _subject_positions(article: Article, named: list[tuple[int, int, Entity]]) -> set[int]:
    """Sightings in subject position: starting a sentence, or right before a speech verb."""
    positions = set()
    body = article.body
    for a, b, entity in named:
        if entity.kind != "person":
            continue
        sentence = next((s for s in article.sentences if s.start <= a < s.end), None)
        if sentence is None:
            continue
        if _SUBJECT_LEAD.match(body[sentence.start : a]) or _VERB_NEXT.match(body[b : b + 120]):
            positions.add(a)
    return positions


_THE_ROLE = re.compile(r"^(?:But\s+|And\s+|However,?\s+)?[Tt]he\s+(?P<words>(?:[\w’'-]+\s+){1,5})")
# Nouns that name a person only as the subject of a sentence ("The England international said").
_SUBJECT_NOUNS = vocabulary.words("subject_nouns")


def _the_role(text: str) -> str | None:
    """ "The home secretary told peers", "The Corran flanker replaces …": the role words
    from "The" to the last role noun that a lower-case word (the verb) follows."""
    match = _THE_ROLE.match(text)
    if match is None:
        return None
    words = match.group("words").split()
    for i, word in enumerate(words[:4]):
        # "The jury comprised experts": a verb before the noun is no part of a role.
        if not word.replace("-", "").replace("’", "").replace("'", "").isalnum() or (
            word.endswith("ed") and i + 1 < len(words)
        ):
            return None
        if i + 1 >= len(words):
            return None
        following = words[i + 1]
        if (
            (is_role_noun(word) or word in _SUBJECT_NOUNS)
            and following.islower()
            and not is_role_noun(following)
        ):
            return " ".join(words[: i + 1])
    return None


def _roles_from_later_references(
    article: Article, named: list[tuple[int, int, Entity]], subjects: set[int]
) -> None:
    """ "Hal Morrow said … The home secretary told peers …": the role of the last subject."""
    for sentence in article.sentences:
        role = _the_role(sentence.text)
        if role is None:
            continue
        earlier = [
            e
            for a, _, e in named
            if a < sentence.start
            and e.kind == "person"
            and a in subjects
            and a >= sentence.start - 600
        ]
        if earlier and earlier[-1].role is None:
            earlier[-1].role = role


_LEAD_ROLE = re.compile(r"^(?:A|An)\s+(?P<words>(?:[\w’'-]+\s+){1,7})")
_LEAD_STOP = vocabulary.words("lead_stop")


def _role_from_the_lead(article: Article, named: list[tuple[int, int, Entity]]) -> None:
    """ "A former charity chief executive who stole … has been jailed. Graham Pettifer, 58,
    …": a story that opens on a description and names the person in the next sentence."""
    sentences = article.sentences
    if len(sentences) < 2:
        return
    match = _LEAD_ROLE.match(sentences[0].text)
    if match is None or any(a < sentences[1].start and e.kind == "person" for a, _, e in named):
        return
    words = match.group("words").split()
    role = None
    for i, word in enumerate(words):
        if word in _LEAD_STOP:
            break
        if is_role_noun(word):
            role = " ".join(words[: i + 1])
    if role is None:
        return
    second = sentences[1]
    opening = [e for a, _, e in named if a == second.start and e.kind == "person"]
    if opening and opening[0].role is None:
        opening[0].role = role


def _key_of(entity: Entity) -> str:
    if entity.kind == "organisation" and entity.acronym:
        return entity_key("organisation", entity.acronym)
    if entity.kind == "place":
        return entity_key("place", entity.canonical or entity.text)
    if entity.kind in ("date", "figure"):
        return f"{entity.kind}:{entity.canonical or entity.text.casefold()}"
    return entity_key(entity.kind, entity.text)


def _entity_fact(entity: Entity, kind: str) -> Fact:
    aliases = [f for f in entity.forms if f != entity.text]
    if (
        kind == "place"
        and entity.canonical
        and entity.canonical != entity.text
        and entity.canonical not in aliases
    ):
        aliases.append(entity.canonical)
    role = entity.role
    if role and entity.extra_roles:
        role = "; ".join([role, *entity.extra_roles[:1]])
    return Fact(
        kind=kind,
        text=entity.text,
        sentence=entity.sentences[0],
        key=_key_of(entity),
        mentions=max(entity.mentions, 1),
        sentences=tuple(sorted(entity.sentences)),
        aliases=tuple(aliases),
        role=role if kind == "person" else None,
        acronym=entity.acronym if kind == "organisation" else None,
        rule=entity.rules[0] if entity.rules else kind,
    )
