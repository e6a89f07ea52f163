"""People, organisations and places: find capitalised names and decide what each is.

Every capitalised run of words in a sentence is a candidate ("Deputy Prime
Minister John Prescott", "Court of Arbitration for Sport", "Kazakhstan’s").
It is cut at possessives and lists, stripped of sentence-initial common words
and titles, then typed by the gazetteers (places), by its own words
(organisations: "… Council", "Ministry of …", acronyms), by name lists and by
the words around it (people: "said X", "X, the chief economist", "sprinter X").
A second pass gives the left-over single words to the entities already found:
"Azizov" is Abdusalam Azizov, "SCO" the organisation spelt out earlier.

The cutting of runs is in ``spans``, the cues for places and organisations in
``place_cues`` and ``org_cues``, the shared word sets in ``wordsets``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from itertools import pairwise

from briefing.analysis.facts.lexicon import Lexicon
from briefing.analysis.facts.org_cues import (
    ARTICLE_BEFORE,
    NOUN_AFTER,
    ORG_APPOSITION,
    ORG_PREVIOUS,
    PEOPLE_NOUN,
    described_as_body,
    descriptor,
    initials,
    named_thing,
    officers_after,
    org_word_after,
    org_words,
)
from briefing.analysis.facts.organisations import (
    BARE_BODIES,
    ORG_DESCRIPTORS,
    ORG_HEADS,
    ORG_NOUNS_AFTER,
    ORG_SUFFIXES,
    WELL_KNOWN,
    acronym_expansions,
    acronym_of,
    is_acronym,
    short_form_of,
)
from briefing.analysis.facts.people import (
    TITLE_WORDS,
    is_role_before,
    is_role_noun,
    role_after,
    role_before,
    role_comma_before,
)
from briefing.analysis.facts.place_cues import (
    club_context,
    geo_name,
    place_context,
    starts_with_place,
)
from briefing.analysis.facts.places import (
    DEMONYMS,
    MULTIWORD_DEMONYMS,
)
from briefing.analysis.facts.spans import SPAN, pieces, split_of, split_places
from briefing.analysis.facts.wordsets import (
    COURTESY,
    DAYS,
    DETERMINERS,
    FULL_MONTHS,
    MONTHS,
    phrase_before,
    word_after,
    word_before,
)
from briefing.library.model import Sentence

__all__ = ["Mention", "find_mentions"]

_SPEECH_AFTER = re.compile(
    r"^\s*(?:,[^,\"“”]{0,90},\s*)?(?:has\s+|had\s+|have\s+)?(?:said|says|told|added|explained|"
    r"argued|warned|insisted|admitted|claimed|stated|noted|believes|thinks|wrote|announced|"
    r"described|accused|urged|called|stressed|suggested|predicted|revealed|confirmed|denied|"
    r"replied|continued|agreed|declared|remarked|recalled|acknowledged)\b"
)
_SPEECH_BEFORE = re.compile(r"\b(?:said|says|told|added|according\s+to|asked)\s*$")
_AGE_AFTER = re.compile(r"^,\s*\d{1,2},")
_OPENERS = "\"“‘'(«[-—–:"
_ACRONYM_AFTER = re.compile(r"^\s*\((?P<acr>[A-Z][A-Za-z0-9.&]{1,9})\)")
_EXPANSION_AFTER = re.compile(r"^\s*\((?P<exp>[A-Z][^()]{4,80})\)")
_SENTENCE_START = re.compile(r"^[\s\"“‘'(«\[—–-]*$")


@dataclass(slots=True)
class Mention:
    """One sighting of a name in a sentence, typed (or not yet: ``kind`` None)."""

    kind: str | None
    text: str
    sentence: int
    start: int  # offsets in the sentence text
    end: int
    role: str | None = None
    acronym: str | None = None
    title: str | None = None
    speech: bool = False
    owner: bool = False  # "X's chief executive": X is a body, unless it is a person
    club: bool = False  # a city named as a sports club ("Liverpool striker X")
    weak: bool = False
    aliases: list[str] = field(default_factory=list)


class _Typer:
    def __init__(self, lex: Lexicon) -> None:
        self.lex = lex

    def looks_like_name(self, words: list[str]) -> bool:
        return all(
            w[0].isupper() and w.replace("-", "").replace("’", "").replace("'", "").isalpha()
            for w in words
        )

    def person_like(self, words: list[str], titled: bool = False) -> bool:
        if not 1 <= len(words) <= 4 or not self.looks_like_name(words):
            return False
        # With "Ms" before it, "Everett" is a person, whatever city shares the name.
        if words[-1] in ORG_SUFFIXES or (" ".join(words) in self.lex.places and not titled):
            return False
        # "BBC Radio Humberside", "NHS England": names hold no all-capital words.
        if any(
            len(w) > 1 and w.isupper() and w not in _NAME_LETTERS and not initials(w, words)
            for w in words
        ):
            return False
        return not any(w in DEMONYMS or w in FULL_MONTHS or w in DAYS for w in words)

    def everyday(self, words: list[str]) -> bool:
        """ "Sky Sports", "Snappy Snaps", "Red Cross": only everyday words, no one's name."""
        lex = self.lex
        return all(
            lex.is_common(w) and w not in lex.given_names and w not in lex.surnames for w in words
        )

    def unfamiliar_name(self, words: list[str]) -> bool:
        """ "Kasper Lindholm", "Paolo Pescatore": two or three capitalised words that are
        not English words, places or bodies - in news copy, most often a person's name."""
        return (
            2 <= len(words) <= 3
            and self.person_like(words)
            and all(
                not self.lex.is_common(w)
                and w not in self.lex.places
                and w not in ORG_SUFFIXES
                and all(part[:1].isupper() for part in w.split("-"))
                and not any(part in DEMONYMS for part in w.split("-"))
                and len(w) > 2
                and not w.isupper()
                for w in words
            )
        )

    def strong_person(self, words: list[str]) -> bool:
        """A name that needs no context: a known given name, then a capitalised rest."""
        if len(words) < 2 or not self.person_like(words):
            return False
        if words[0] in self.lex.given_names:
            return not any(
                self.lex.is_common(w, 1500) and w not in self.lex.surnames for w in words[1:]
            )
        return False


# Capital letters that do end a person's name: "Ken Macdonald QC", "Jo Ames MP".
_NAME_LETTERS = frozenset(
    "QC KC MP MEP MSP OBE MBE CBE JR II III IV V VI VII VIII IX X XI XII XIII XIV XV XVI".split()
)
_ADJECTIVE_ENDS = frozenset(
    "based born headquartered led owned backed run style educated trained listed bred".split()
)


def _strip_front(words: list[str], at_start: bool, lex: Lexicon) -> list[str]:
    while words and words[0] in DETERMINERS and not starts_with_place(words, lex):
        words = words[1:]
        at_start = False
    while words and (
        words[0] in FULL_MONTHS or words[0] in DAYS or (len(words) == 1 and words[0] in MONTHS)
    ):
        words = words[1:]
    if len(words) > 2 and " ".join(words[:2]) in MULTIWORD_DEMONYMS:
        words = words[2:]
    if starts_with_place(words, lex) or geo_name(words, lex):
        return words
    # "Top-seeded Americans Andy Roddick": descriptions before a name are not part of it.
    # Only before a name, though: "Islamic State" and "Russian President X" keep theirs.
    while (
        len(words) > 2
        and (words[0] in DEMONYMS or _common_compound(words[0], lex))
        and (words[1] in lex.given_names or words[1] in DEMONYMS or _common_compound(words[1], lex))
    ):
        words = words[1:]
    if (
        len(words) == 2
        and (words[0] in DEMONYMS or _common_compound(words[0], lex))
        and (words[1] not in TITLE_WORDS and words[1] not in ORG_SUFFIXES)
    ):
        words = words[1:]
    if at_start and len(words) > 1:
        first = words[0]
        if (
            lex.is_common(first)
            and first not in lex.places
            and first not in TITLE_WORDS
            and first not in ORG_HEADS
            and not (first in lex.given_names and len(words) > 1)
            and not is_acronym(first)
            and first not in BARE_BODIES
            # "Deutsche Bank", "National Trust": the first word of a body's name.
            and not (len(words) == 2 and words[1] in ORG_SUFFIXES)
        ):
            words = words[1:]
    return words


def _title_split(words: list[str], typer: _Typer) -> tuple[list[str], list[str]]:
    """Split "Virgin Radio DJ Pete Mitchell" into its title and the name after it."""
    for i in range(len(words) - 2, -1, -1):
        word = words[i]
        if word in TITLE_WORDS or is_role_noun(word) or word in DEMONYMS:
            rest = words[i + 1 :]
            titled = any(w in COURTESY for w in words[: i + 1])
            if not typer.person_like(rest, titled) or org_words(rest, typer.lex):
                return [], words
            if len(rest) == 1 and not any(w in TITLE_WORDS for w in words[: i + 1]):
                return [], words
            if word in DEMONYMS and all(
                typer.lex.is_common(w) and w not in typer.lex.given_names for w in rest
            ):
                # "Indonesian Red Cross" is a body; "Greek sprinter Katerina Thanou" a person.
                return [], words
            return words[: i + 1], rest
    return [], words


def _common_compound(word: str, lex: Lexicon) -> bool:
    parts = word.split("-")
    return (
        len(parts) > 1
        and all(p.isalpha() and lex.is_common(p) for p in parts)
        and word not in lex.places
    )


def find_mentions(sentences: tuple[Sentence, ...], lex: Lexicon) -> list[Mention]:
    typer = _Typer(lex)
    mentions: list[Mention] = []
    for sentence in sentences:
        text = sentence.text
        # A name spelt out before its bracketed acronym is one body, whatever its words.
        spelt = acronym_expansions(text) if "(" in text else []
        for name_start, name_end, acr_start, acr_end, acronym in spelt:
            name = text[name_start:name_end]
            for at, until in ((name_start, name_end), (acr_start + 1, acr_end - 1)):
                mention = Mention("organisation", name, sentence.index, at, until)
                mention.acronym = acronym
                mentions.append(mention)
        for span in SPAN.finditer(text):
            for whole, whole_start, _ in pieces(span.group(), span.start(), lex):
                for piece, start, end in split_places(split_of(whole, whole_start, lex), lex):
                    if any(a <= start < d for a, _, _, d, _ in spelt):
                        continue
                    mention = _classify(piece, start, end, sentence.index, text, typer)
                    if mention is not None:
                        mentions.append(mention)
    mentions.sort(key=lambda m: (m.sentence, m.start))
    _resolve_leftovers(mentions, lex)
    _share_plural_roles(mentions, sentences)
    return [m for m in mentions if m.kind]


def _share_plural_roles(mentions: list[Mention], sentences: tuple[Sentence, ...]) -> None:
    """ "Top-seeded Americans Andy Roddick and Andre Agassi": both are top-seeded Americans."""
    for first, second in pairwise(mentions):
        if (
            first.kind == second.kind == "person"
            and first.sentence == second.sentence
            and first.role
            and second.role is None
            and sentences[first.sentence].text[first.end : second.start] == " and "
        ):
            noun = first.role.split()[-1]
            if noun.endswith("s") and (is_role_noun(noun) or noun in DEMONYMS):
                second.role = first.role


def _classify(
    piece: str, start: int, end: int, index: int, text: str, typer: _Typer
) -> Mention | None:
    lex = typer.lex
    if piece.isupper() and len(piece) > 3 and piece.title() in lex.places:
        # A dateline: "JAKARTA, Nov 14 -", "THE HAGUE, Netherlands -".
        return Mention("place", piece, index, start, end, aliases=[lex.places[piece.title()]])
    before = text[:start]
    at_start = bool(_SENTENCE_START.match(before)) or before.rstrip().endswith((":", '"', "“"))
    words = piece.split()
    original = len(words)
    all_words = words
    words = _strip_front(words, at_start, lex)
    described = [
        w
        for w in all_words[: original - len(words)]
        if w not in DETERMINERS and w not in FULL_MONTHS and w not in DAYS
    ]
    if not words:
        return None
    if len(words) != original:
        # Keep offsets pointing at what is left.
        skip = piece.find(words[0])
        start += skip
        piece = " ".join(words)
    # The context checks look a few words either side; a bounded window keeps
    # their end-anchored searches from scanning the whole sentence.
    before = text[max(0, start - 240) : start]
    after = text[end : end + 240]
    name = piece
    if name in MULTIWORD_DEMONYMS or (
        all(w in DEMONYMS or w in MONTHS or w in DAYS or w in TITLE_WORDS for w in words)
        and name not in BARE_BODIES
        and name not in WELL_KNOWN
    ):
        return None

    if len(words) >= 2 and descriptor(words[0]) and not lex.is_common(words[1]):
        # "Bookmakers Ladbrokes said", "Insurer Allianz".
        skip = piece.find(words[1])
        return Mention("organisation", " ".join(words[1:]), index, start + skip, end)

    if (
        at_start
        and len(words) == 1
        and lex.is_common(name)
        and name not in lex.places
        and not is_acronym(name)
        and name not in BARE_BODIES
        and name not in WELL_KNOWN
    ):
        # "However", "Officials" - or a surname such as "Brown": only a name seen
        # elsewhere in the article can claim it.
        return Mention(None, name, index, start, end, weak=True)

    previous_word = word_before(before)
    if (
        is_role_before(previous_word)
        and previous_word not in ORG_DESCRIPTORS
        and previous_word not in ("head", "member", "members")
        and typer.person_like(words)
        and not org_words(words, lex)
        and not any(w in TITLE_WORDS or w in COURTESY for w in words)
    ):
        # "drummer Odell", "striker Hull": a role right before a name makes it a person
        # (but "regulator Ofcom" is a body, and "champions South Africa" a team).
        mention = Mention("person", name, index, start, end)
        _add_context_role(mention, before, after)
        return mention

    place = lex.places.get(name)
    if place is None and geo_name(words, lex):
        place = name
    if place is not None and not org_word_after(after):
        if name not in lex.countries and (club_context(before, after)):
            # "Liverpool striker X", "a win over Leeds": a club named after its city.
            return Mention("organisation", name, index, start, end, club=True)
        mention = Mention("place", name, index, start, end, aliases=[place])
        mention.speech = bool(_SPEECH_AFTER.match(after) or _SPEECH_BEFORE.search(before[-40:]))
        return mention

    # Hyphenated places: "Russia-Kazakhstan-Iran", "Bermuda-based", "Tashkent-based".
    if len(words) == 1 and "-" in name:
        parts = name.split("-")
        known = all(p in lex.places for p in parts if p[:1].isupper()) and parts[0] in lex.places
        # An unknown name only before a body: "the Tashkent-based group", not "Linux-based".
        adjective = parts[-1] in _ADJECTIVE_ENDS and len(parts) == 2
        if known or (
            adjective
            and parts[-1] in ("based", "headquartered")
            and parts[0] not in DEMONYMS
            and word_after(after) in ORG_DESCRIPTORS
        ):
            return Mention(
                "place",
                parts[0],
                index,
                start,
                start + len(parts[0]),
                aliases=[lex.places.get(parts[0], parts[0])],
            )
        if adjective:
            # "the Frankfurt-based exchange", "Oxford-educated": a description, not a name.
            return None

    acronym_match = _ACRONYM_AFTER.match(after)
    if acronym_match and len(words) >= 2 and acronym_of(name, acronym_match.group("acr")):
        return Mention("organisation", name, index, start, end, acronym=acronym_match.group("acr"))
    if len(words) == 1 and is_acronym(name):
        expansion = _EXPANSION_AFTER.match(after)
        if expansion and acronym_of(expansion.group("exp"), name):
            return Mention(
                "organisation", expansion.group("exp").strip(), index, start, end, acronym=name
            )

    # Titles before a name: "Deputy Prime Minister John Prescott", "Mr Kim".
    title_words, rest = _title_split(words, typer)
    if title_words:
        title = " ".join(title_words)
        role = None if all(w in COURTESY for w in title_words) else title
        person_start = start + piece.find(rest[0])
        mention = Mention(
            "person", " ".join(rest), index, person_start, end, role=role, title=title
        )
        _add_context_role(mention, text[max(0, start - 240) : start], after)
        return mention

    if org_words(words, lex):
        people = PEOPLE_NOUN.match(after) if words[-1] in DEMONYMS else None
        if people:
            # "the Association of British insurers": the people the body is of.
            name, end = f"{name} {people.group(1)}", end + people.end()
        return Mention("organisation", name, index, start, end)

    if ORG_APPOSITION.match(after) and not typer.strong_person(words):
        # "Allianz, a leading German insurer, said": the copy says what it is.
        noun = ORG_APPOSITION.match(after).group("noun")
        if noun in ORG_DESCRIPTORS:
            return Mention("organisation", name, index, start, end)

    if not typer.strong_person(words) and place_context(words, before, after, lex):
        return Mention("place", name, index, start, end, aliases=[name])

    if (
        (described_as_body(before[-120:]) or phrase_before(before, ORG_PREVIOUS, skip_the=True))
        and not typer.strong_person(words)
    ) or (
        previous_word == "at"
        and (len(words) >= 2 or is_role_noun(word_before(before[: before.rfind("at")])))
        and not _SPEECH_AFTER.match(after)
    ):
        return Mention("organisation", name, index, start, end)
    noun_after = NOUN_AFTER.match(after)
    if (
        noun_after
        and noun_after.group("noun") in ORG_NOUNS_AFTER
        and ARTICLE_BEFORE.search(before[-8:])
        and not typer.strong_person(words)
        and not any(p in DEMONYMS or p in ("Pan", "Anglo") for p in re.split(r"[\s-]", name))
    ):
        # "the Green Meadow festival", "the Sony group".
        if ORG_NOUNS_AFTER[noun_after.group("noun")]:
            return Mention("organisation", f"{name} {noun_after.group('noun')}", index, start, end)
        return Mention("organisation", name, index, start, end)

    person_cue = (
        typer.strong_person(words)
        or (
            typer.person_like(words)
            and len(words) >= 2
            and not typer.everyday(words)
            and _person_context(before, after)
        )
        or typer.unfamiliar_name(words)
    )
    if person_cue:
        mention = Mention("person", name, index, start, end)
        if described and any(w in DEMONYMS or is_role_noun(w) for w in described):
            mention.role = " ".join(described)
        _add_context_role(mention, before, after)
        mention.speech = bool(_SPEECH_AFTER.match(after) or _SPEECH_BEFORE.search(before[-40:]))
        return mention
    if named_thing(words, before, after, lex):
        return Mention("organisation", name, index, start, end)
    # Undecided: single words may turn out to be a surname or an acronym seen elsewhere.
    mention = Mention(None, name, index, start, end)
    mention.speech = bool(_SPEECH_AFTER.match(after) or _SPEECH_BEFORE.search(before[-40:]))
    mention.owner = officers_after(after)
    if is_role_before(previous_word) and typer.person_like(words):
        mention.kind = "person"
        _add_context_role(mention, before, after)
    return mention


def _person_context(before: str, after: str) -> bool:
    return bool(
        _SPEECH_AFTER.match(after)
        or _SPEECH_BEFORE.search(before[-40:])
        or _AGE_AFTER.match(after)
        or role_after(after)
        or role_before(before)
        or role_comma_before(before)
    )


# "Doug Williams of BT", "Gulnara Saidova of the Tashkent-based group Ecoforum".
_OF_BODY = re.compile(
    r"^\s+(?P<role>of\s+(?:the\s+)?[A-Z][^,.;:()\"“”\d–—]{1,70}?)"
    r"(?=\s*[,.;:()\"“”\d–—]|\s+-\s|\s+(?:said|says|told|who|and|in|on|at)\b|$)"
)
# "Ladbrokes' Warren Lush", "Halden's Noa Kaplan": the body a person speaks for.
_BODY_BEFORE = re.compile(r"(?P<body>[A-Z][\w&]*(?:\s+[A-Z][\w&]*){0,3})(?:[’']s|s[’'])\s*$")


def _add_context_role(mention: Mention, before: str, after: str) -> None:
    role = role_after(after) or role_before(before) or role_comma_before(before)
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


def _double_barrelled(word: str, lex: Lexicon) -> bool:
    """ "Khan-Wazir", "Morgan-Evans": a hyphenated surname, not a place or a nation."""
    parts = word.split("-")
    return (
        len(parts) == 2
        and all(p[:1].isupper() and p[1:].islower() and len(p) > 1 for p in parts)
        and not any(p in DEMONYMS or p in lex.places for p in parts)
        and word not in lex.places
    )


def _resolve_leftovers(mentions: list[Mention], lex: Lexicon) -> None:
    people = [m for m in mentions if m.kind == "person" and len(m.text.split()) >= 2]
    orgs = [m for m in mentions if m.kind == "organisation"]
    surnames = {p.text.split()[-1] for p in people}
    clubs = {m.text for m in mentions if m.club}
    for mention in mentions:
        if mention.kind == "place" and mention.text in clubs:
            mention.kind, mention.aliases = "organisation", []
        # "Lucy Kent … Kent said": a surname that is also a county is the person.
        if mention.kind == "place" and mention.text in surnames and mention.speech:
            mention.kind = "person"
        if mention.kind is not None:
            continue
        words = mention.text.split()
        if len(words) == 1:
            word = words[0]
            if any(p.text.split()[-1] == word for p in people):
                mention.kind = "person"
            elif mention.weak:
                continue
            elif word in WELL_KNOWN or any(
                o.acronym == word or short_form_of(word, o.text) for o in orgs
            ):
                mention.kind = "organisation"
            elif mention.speech and (
                (word in lex.surnames and not lex.is_common(word, 5000))
                or _double_barrelled(word, lex)
            ):
                # "Kenteris said", "Khan-Wazir told Sky Sports".
                mention.kind = "person"
            elif mention.owner and word not in lex.given_names:
                mention.kind = "organisation"
    # "Opener Imran Khan-Wazir hit 143 … Khan-Wazir said": the full name of a speaker.
    speakers = {m.text for m in mentions if m.kind == "person" and " " not in m.text}
    for mention in mentions:
        words = mention.text.split()
        if mention.kind is None and len(words) in (2, 3) and words[-1] in speakers:
            mention.kind = "person"
