"""Turn an article into its key facts: one entry per entity, each with its sentences."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from briefing.analysis.facts.dates import find_dates
from briefing.analysis.facts.entities import Mention, find_mentions
from briefing.analysis.facts.figures import find_figures, shorten_figure
from briefing.analysis.facts.lexicon import Lexicon, lexicon
from briefing.analysis.facts.model import KINDS, Fact
from briefing.analysis.facts.organisations import WELL_KNOWN, acronym_of, short_form_of
from briefing.analysis.facts.people import is_role_noun
from briefing.analysis.facts.places import DEMONYMS
from briefing.analysis.facts.quotes import Quote, find_quotes
from briefing.library.model import Article

__all__ = ["entity_key", "extract_facts"]

_NAME_SUFFIXES = frozenset("QC MP MEP Jr Sr Jnr Snr II III OBE MBE CBE KC".split())
_EXPANSIONS = {expansion: acronym for acronym, expansion in WELL_KNOWN.items() if acronym.isupper()}
_VERBS = (
    r"said|says|say|told|tells|added|adds|explained|argued|warned|insisted|admitted|claimed|"
    r"stated|noted|wrote|writes|announced|described|accused|urged|called|stressed|suggested|"
    r"predicted|revealed|confirmed|denied|replied|continued|agreed|declared|remarked|recalled|"
    r"acknowledged|asked|believes|thinks|according\s+to"
)
_VERB = re.compile(rf"\b(?:{_VERBS})\b")
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
_ROLE_SUBJECT = re.compile(r"\b(?:the|a|an|its|his|her)\s+(?P<noun>[a-z-]+(?:\s+[a-z-]+)?)\s*$")
_MIN_WORDS = 3
_WORD = re.compile(r"\w+")


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"[.’']", "", text)).strip().casefold()


def entity_key(kind: str, name: str) -> str:
    """The key of an entity: the same for the same entity in every article."""
    return f"{kind}:{_norm(name)}"


@dataclass
class _Entity:
    kind: str
    text: str
    sentences: list[int]
    positions: list[int]
    forms: list[str]
    role: str | None = None
    acronym: str | None = None
    canonical: str | None = None
    mentions: int = 0
    extra_roles: list[str] = field(default_factory=list)
    titles: list[str] = field(default_factory=list)

    def add(self, mention: Mention, position: int) -> None:
        self.mentions += 1
        if mention.title:
            self.titles.append(mention.title)
        self.positions.append(position)
        if mention.sentence not in self.sentences:
            self.sentences.append(mention.sentence)
        if mention.text not in self.forms:
            self.forms.append(mention.text)
        if mention.role:
            if self.role is None:
                self.role = mention.role
            elif mention.role not in self.role and self.role not in mention.role:
                self.extra_roles.append(mention.role)
            elif len(mention.role) > len(self.role):
                self.role = mention.role
        if mention.acronym and not self.acronym:
            self.acronym = mention.acronym


def _person_name(mention: Mention) -> str:
    words = [w for w in mention.text.split() if w not in _NAME_SUFFIXES]
    return " ".join(words) or mention.text


def _group_people(mentions: list[tuple[Mention, int]]) -> list[_Entity]:
    people: list[_Entity] = []
    singles: list[tuple[Mention, int]] = []
    for mention, position in mentions:
        name = _person_name(mention)
        if len(name.split()) == 1:
            singles.append((mention, position))
            continue
        entity = next((p for p in people if p.text == name), None)
        if entity is None:
            # "Ken Macdonald QC" and "Ken Macdonald"; a longer form of a known name.
            entity = next(
                (p for p in people if name.endswith(p.text) or p.text.endswith(name)), None
            )
        if entity is None:
            entity = _Entity("person", name, [], [], [])
            people.append(entity)
        entity.add(mention, position)
    for mention, position in singles:
        word = _person_name(mention)
        owners = [p for p in people if p.text.split()[-1] == word or p.text.split()[0] == word]
        if owners:
            # The most recently introduced owner before this mention, else the first.
            earlier = [p for p in owners if min(p.positions) <= position]
            owner = max(earlier, key=lambda p: min(p.positions)) if earlier else owners[0]
        else:
            display = (
                f"{mention.title} {word}"
                if mention.title
                and mention.title.split()[-1]
                in ("Mr", "Mrs", "Ms", "Miss", "Dr", "Lord", "Lady", "Sir", "Dame", "Prof")
                else word
            )
            owner = next((p for p in people if p.text.split()[-1] == word), None)
            if owner is None:
                owner = _Entity("person", display, [], [], [])
                people.append(owner)
        owner.add(mention, position)
    return people


def _group_organisations(mentions: list[tuple[Mention, int]]) -> list[_Entity]:
    orgs: list[_Entity] = []
    pending: list[tuple[Mention, int]] = []
    # Full names first, so that later (or earlier) single words can find them.
    for mention, position in mentions:
        if mention.acronym or len(mention.text.split()) > 1:
            name = mention.text
            entity = next((o for o in orgs if o.text == name or _same_org(o.text, name)), None)
            if entity is None:
                entity = _Entity("organisation", name, [], [], [])
                orgs.append(entity)
            entity.add(mention, position)
            if mention.acronym and entity.acronym is None:
                entity.acronym = mention.acronym
        else:
            pending.append((mention, position))
    for org in orgs:
        if org.acronym is None and org.text in _EXPANSIONS:
            org.acronym = _EXPANSIONS[org.text]
    for mention, position in pending:
        word = mention.text
        bare = word.replace(".", "").casefold()
        # "SCO", "Usdaw", "Noaa": the acronym of a body spelt out in the article.
        entity = next(
            (o for o in orgs if o.acronym and o.acronym.replace(".", "").casefold() == bare), None
        )
        if entity is None and word.isupper():
            entity = next(
                (o for o in orgs if len(o.text.split()) > 1 and acronym_of(o.text, word)), None
            )
            if entity is not None:
                entity.acronym = word
        if entity is None:
            entity = next((o for o in orgs if o.text == word or short_form_of(word, o.text)), None)
        if entity is None:
            expansion = WELL_KNOWN.get(word) or WELL_KNOWN.get(word.replace(".", ""))
            acronym = word if word.isupper() else None
            entity = _Entity("organisation", expansion or word, [], [], [], acronym=acronym)
            orgs.append(entity)
        entity.add(mention, position)
    return orgs


def _same_org(known: str, name: str) -> bool:
    """ "US Federal Reserve" and "Federal Reserve": one name ends the other (two words or more)."""
    short, long = sorted((known, name), key=len)
    return len(short.split()) >= 2 and long.endswith(" " + short)


def _group_places(mentions: list[tuple[Mention, int]]) -> list[_Entity]:
    places: dict[str, _Entity] = {}
    for mention, position in mentions:
        canonical = mention.aliases[0] if mention.aliases else mention.text
        entity = places.get(canonical)
        if entity is None:
            entity = places[canonical] = _Entity(
                "place", mention.text, [], [], [], canonical=canonical
            )
        entity.add(mention, position)
    return list(places.values())


def _spans_facts(
    article: Article, kind: str, finder, taken: list[tuple[int, int]]
) -> list[_Entity]:
    found: dict[str, _Entity] = {}
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
            key = re.sub(r"[\s-]+", " ", text).strip().casefold()
            entity = found.get(key)
            if entity is None:
                entity = found[key] = _Entity(kind, text, [], [], [], canonical=key)
            entity.mentions += 1
            entity.positions.append(a)
            if sentence.index not in entity.sentences:
                entity.sentences.append(sentence.index)
            if kind == "date":
                taken.append((a, b))
    return list(found.values())


_FEMALE_WORDS = frozenset(
    """
    mrs ms miss lady dame baroness madam mme queen princess duchess countess sister mother
    daughter wife widow grandmother granddaughter aunt niece girlfriend fiancee actress
    spokeswoman chairwoman businesswoman congresswoman sportswoman policewoman frontwoman
    """.split()
)
_MALE_WORDS = frozenset(
    """
    mr sir lord baron king prince duke count brother father son husband widower grandfather
    grandson uncle nephew boyfriend fiance actor spokesman chairman businessman congressman
    sportsman policeman frontman
    """.split()
)


def _sex(entity: _Entity, lex: Lexicon) -> str | None:
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


def _speaker(
    quote: Quote,
    article: Article,
    named: list[tuple[int, int, _Entity]],
    previous: Quote | None,
    previous_speaker: _Entity | None,
    subject_positions: set[int],
    lex: Lexicon,
) -> _Entity | None:
    body = article.body
    sentence = article.sentences[quote.sentence]
    # The words after the closing mark, to the end of the sentence or the next quote.
    after_end = next((s.end for s in article.sentences if s.start <= quote.end <= s.end), quote.end)
    after_start = quote.end + 1
    after = re.split(r"[\"“”]", body[after_start : max(after_end, after_start) + 1], maxsplit=1)[0]
    before_start = sentence.start
    if previous is not None and previous.end > before_start:
        before_start = previous.end + 1
    before = body[before_start : max(before_start, quote.start - 1)]

    def last_named(
        position: int, kinds: tuple[str, ...] = ("person",), since: int = -1
    ) -> _Entity | None:
        candidates = [e for a, _, e in named if since < a < position and e.kind in kinds]
        return candidates[-1] if candidates else None

    def pronoun_owner(word: str) -> _Entity | None:
        if word.lower() in ("he", "she"):
            # The last person who was the subject of a sentence or a speech verb,
            # not merely the last name ("…to contact Conte. But Davies stressed…"),
            # and never a man for "she" or a woman for "he".
            wrong = "m" if word.lower() == "she" else "f"
            window_start = article.sentences[max(0, quote.sentence - 3)].start
            people = [
                (a, e)
                for a, _, e in named
                if a < quote.start and e.kind == "person" and _sex(e, lex) != wrong
            ]
            subjects = [e for a, e in people if a >= window_start and a in subject_positions]
            if subjects:
                return subjects[-1]
            return people[-1][1] if people else None
        return last_named(quote.start, ("organisation",)) or last_named(quote.start)

    def by_role(noun: str) -> _Entity | None:
        words = noun.split()
        if not words or not (is_role_noun(words[-1]) or words[-1] in DEMONYMS):
            return None
        people = [e for a, _, e in named if a < quote.start and e.kind == "person"]
        for person in reversed(people):
            if person.role and words[-1] in person.role.lower():
                return person
        return people[-1] if people else None

    def nearest(
        window: list[tuple[int, int, _Entity]], verb_start: int, verb_end: int
    ) -> _Entity | None:
        def distance(t: tuple[int, int, _Entity]) -> int:
            return verb_start - t[1] if t[1] <= verb_start else t[0] - verb_end

        people = [t for t in window if t[2].kind == "person"]
        pool = people or window
        return min(pool, key=distance)[2] if pool else None

    # 1. After the quote: `"…," said Ken Kim` / `"…," Thanou told` / `"…," he said`.
    head = after[:120]
    verb = _VERB.search(head)
    if verb and verb.start() < 80:
        pronoun = _PRONOUN_AFTER.match(head)
        if pronoun:
            return pronoun_owner(pronoun.group("p"))
        verb_start, verb_end = after_start + verb.start(), after_start + verb.end()
        # Whoever follows "told" is the listener: `"…," the Swede told Radio Kent`.
        listener = verb.group() in ("told", "tells", "asked")
        window = [
            t
            for t in named
            if after_start <= t[0] < after_start + len(head)
            and (t[1] <= verb_start or (not listener and t[0] - verb_end < 60))
        ]
        if window:
            return nearest(window, verb_start, verb_end)
        role = _ROLE_AFTER.match(head)
        if role:
            return by_role(role.group("noun"))
    # 2. Before it, in the same sentence: `Lord Woolf said: "…"`, `According to X, "…"`.
    verbs = list(_VERB.finditer(before))
    if verbs:
        verb = verbs[-1]
        verb_start, verb_end = before_start + verb.start(), before_start + verb.end()
        window = [
            t
            for t in named
            if before_start <= t[0] < quote.start and (t[1] <= verb_start or t[0] - verb_end < 25)
        ]
        if "according" in verb.group():
            following = [t for t in window if t[0] >= verb_end]
            if following:
                return following[0][2]
        pronoun = _PRONOUN_BEFORE.search(before)
        subject = [t for t in window if t[1] <= verb_start]
        if pronoun and (not subject or subject[-1][1] < before_start + pronoun.start()):
            return pronoun_owner(pronoun.group("p"))
        role = _ROLE_SUBJECT.search(before[: verb.start()])
        if role and (not subject or subject[-1][1] < before_start + role.start()):
            found = by_role(role.group("noun"))
            if found:
                return found
        if window:
            return nearest(window, verb_start, verb_end)
    # 3. No cue: a quote that goes on from the previous one keeps its speaker,
    # unless someone new was introduced in between ("Ann Simpson, marketing
    # manager at X, believes …. "Some people …").
    since = previous.end if previous is not None else -1
    newcomer = last_named(quote.start, since=since)
    if newcomer is not None and newcomer is not previous_speaker and not quote.continued:
        return newcomer
    if (
        previous_speaker is not None
        and previous is not None
        and (quote.continued or quote.paragraph - previous.paragraph <= 1)
    ):
        return previous_speaker
    return newcomer


def extract_facts(article: Article, lex: Lexicon | None = None) -> list[Fact]:
    """The key facts of an article, grouped by kind (see ``KINDS``), first sighting first.

    Pure and thread-safe: the reader may call it from a worker thread.
    """
    lex = lex or lexicon()
    sentences = article.sentences
    if not sentences:
        return []
    mentions = find_mentions(sentences, lex)
    by_kind: dict[str, list[tuple[Mention, int]]] = {"person": [], "organisation": [], "place": []}
    for mention in mentions:
        position = sentences[mention.sentence].start + mention.start
        by_kind[mention.kind].append((mention, position))
    people = _group_people(by_kind["person"])
    orgs = _group_organisations(by_kind["organisation"])
    places = _group_places(by_kind["place"])
    taken: list[tuple[int, int]] = []
    dates = _spans_facts(article, "date", find_dates, taken)
    figures = _spans_facts(article, "figure", find_figures, taken)

    named = sorted(
        ((pos, pos + 1, e) for e in (*people, *orgs) for pos in e.positions),
        key=lambda t: t[0],
    )
    # Give each sighting its real end, for "who is nearest the verb".
    ends = {}
    for mention, position in by_kind["person"] + by_kind["organisation"]:
        ends[position] = position + (mention.end - mention.start)
    named = [(a, ends.get(a, b), e) for a, b, e in named]

    subjects = _subject_positions(article, named)
    _roles_from_later_references(article, named, subjects)
    _role_from_the_lead(article, named)
    facts: list[Fact] = []
    for entity in people:
        facts.append(_entity_fact(entity, "person"))
    for entity in orgs:
        facts.append(_entity_fact(entity, "organisation"))
    for entity in places:
        facts.append(_entity_fact(entity, "place"))
    for entity in dates + figures:
        facts.append(_entity_fact(entity, entity.kind))

    previous: Quote | None = None
    previous_speaker: _Entity | None = None
    for quote in find_quotes(article.body, sentences):
        speaker = _speaker(quote, article, named, previous, previous_speaker, subjects, lex)
        words = len(_WORD.findall(quote.text))
        if words >= _MIN_WORDS:
            facts.append(
                Fact(
                    kind="quote",
                    text=quote.text,
                    sentence=quote.sentence,
                    key=f"quote:{article.id}:{quote.start}",
                    sentences=(quote.sentence,),
                    speaker=speaker.text if speaker else None,
                    speaker_key=_key_of(speaker) if speaker else None,
                )
            )
            previous, previous_speaker = quote, speaker
    order = {kind: i for i, kind in enumerate(KINDS)}
    facts.sort(key=lambda f: (order[f.kind], f.sentence))
    return facts


_SUBJECT_LEAD = re.compile(
    r"^[\s\"“”‘’'(]*(?:(?:but|and|however|meanwhile|so|yet|now|then|"
    r"also|still|mr|mrs|ms|dr)\b[\s,]*)*$",
    re.IGNORECASE,
)
_VERB_NEXT = re.compile(
    rf"^[’']?s?\s*(?:,[^,]{{0,90}},\s*|,\s*)?(?:has\s+|had\s+|also\s+)?"
    rf"(?:{_VERBS}|stressed|thinks|believes|hinted|is|was)\b"
)


def _subject_positions(article: Article, named: list[tuple[int, int, _Entity]]) -> set[int]:
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
_SUBJECT_NOUNS = frozenset("international veteran newcomer youngster".split())


def _the_role(text: str) -> str | None:
    """ "The foreign secretary told MPs", "The Wasps flanker replaces …": the role words
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
    article: Article, named: list[tuple[int, int, _Entity]], subjects: set[int]
) -> None:
    """ "Jack Straw said … The foreign secretary told MPs …": the role of the last subject."""
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
_LEAD_STOP = frozenset("who whose which that has have had is was were will been and".split())


def _role_from_the_lead(article: Article, named: list[tuple[int, int, _Entity]]) -> None:
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


def _key_of(entity: _Entity) -> str:
    if entity.kind == "organisation" and entity.acronym:
        return entity_key("organisation", entity.acronym)
    if entity.kind == "place":
        return entity_key("place", entity.canonical or entity.text)
    if entity.kind in ("date", "figure"):
        return f"{entity.kind}:{entity.canonical or entity.text.casefold()}"
    return entity_key(entity.kind, entity.text)


def _entity_fact(entity: _Entity, kind: str) -> Fact:
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
    )
