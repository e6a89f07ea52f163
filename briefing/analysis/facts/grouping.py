"""Sightings of names grouped into entities: "Ruth Calder QC", "Ms Calder" and
"Calder" are one person; "Shanghai Cooperation Organization" and "SCO" one body;
"U.S." and "America" one place."""

from __future__ import annotations

from dataclasses import dataclass, field

from briefing.analysis.facts import vocabulary
from briefing.analysis.facts.mention import Mention
from briefing.analysis.facts.organisations import WELL_KNOWN, acronym_of, short_form_of

__all__ = ["Entity", "group_organisations", "group_people", "group_places"]

_NAME_SUFFIXES = vocabulary.words("name_suffixes")
_DISPLAY_TITLES = vocabulary.words("display_titles")
_EXPANSIONS = {expansion: acronym for acronym, expansion in WELL_KNOWN.items() if acronym.isupper()}


@dataclass
class Entity:
    """One person, body, place, date or figure of an article, with all its sightings."""

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
    rules: list[str] = field(default_factory=list)  # the rules that typed its sightings

    def add(self, mention: Mention, position: int) -> None:
        self.mentions += 1
        if mention.rule and mention.rule not in self.rules:
            self.rules.append(mention.rule)
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


def group_people(mentions: list[tuple[Mention, int]]) -> list[Entity]:
    people: list[Entity] = []
    singles: list[tuple[Mention, int]] = []
    for mention, position in mentions:
        name = _person_name(mention)
        if len(name.split()) == 1:
            singles.append((mention, position))
            continue
        # "Li Wen-Hao" and "Li Wen-hao": the same name, however capitalised.
        entity = next((p for p in people if p.text.casefold() == name.casefold()), None)
        if entity is None:
            # "Ruth Calder QC" and "Ruth Calder"; a longer form of a known name.
            entity = next((p for p in people if _same_person(p.text, name)), None)
        if entity is None:
            entity = Entity("person", name, [], [], [])
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
                if mention.title and mention.title.split()[-1] in _DISPLAY_TITLES
                else word
            )
            known = next((p for p in people if p.text.split()[-1] == word), None)
            if known is None:
                known = Entity("person", display, [], [], [])
                people.append(known)
            owner = known
        owner.add(mention, position)
    return people


def group_organisations(mentions: list[tuple[Mention, int]]) -> list[Entity]:
    orgs: list[Entity] = []
    pending: list[tuple[Mention, int]] = []
    # Full names first, so that later (or earlier) single words can find them.
    for mention, position in mentions:
        if mention.acronym or len(mention.text.split()) > 1:
            name = mention.text
            entity = next((o for o in orgs if o.text == name or _same_org(o.text, name)), None)
            if entity is None:
                entity = Entity("organisation", name, [], [], [])
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
            entity = Entity("organisation", expansion or word, [], [], [], acronym=acronym)
            orgs.append(entity)
        entity.add(mention, position)
    return orgs


def _same_org(known: str, name: str) -> bool:
    """ "US Federal Reserve" and "Federal Reserve": one name ends the other (two words or more)."""
    short, long = sorted((known, name), key=len)
    return len(short.split()) >= 2 and long.endswith(" " + short)


def group_places(mentions: list[tuple[Mention, int]]) -> list[Entity]:
    places: dict[str, Entity] = {}
    for mention, position in mentions:
        canonical = mention.aliases[0] if mention.aliases else mention.text
        entity = places.get(canonical)
        if entity is None:
            entity = places[canonical] = Entity(
                "place", mention.text, [], [], [], canonical=canonical
            )
        entity.add(mention, position)
    return list(places.values())


def _same_person(known: str, name: str) -> bool:
    """ "Ruth Calder QC" and "Ruth Calder"; "Omar Reza" and "Omar Reza Haddad"
    (a first and middle name written before the whole name)."""
    short, long = sorted((known, name), key=len)
    if long.endswith(short):
        return True
    return len(short.split()) >= 2 and long.startswith(short + " ")
