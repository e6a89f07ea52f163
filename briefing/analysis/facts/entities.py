"""People, organisations and places: find capitalised names and decide what each is.

Every capitalised run of words in a sentence is a candidate ("Deputy Prime
Minister Hal Morrow", "Court of Appeal for Rowing", "Kazakhstan’s").
It is cut at possessives and lists, stripped of sentence-initial common words
and titles, then typed by the gazetteers (places), by its own words
(organisations: "… Council", "Ministry of …", acronyms), by name lists and by
the words around it (people: "said X", "X, the chief economist", "sprinter X").
A second pass gives the left-over single words to the entities already found:
"Azizov" is Abdusalam Azizov, "SCO" the organisation spelt out earlier.

The cutting of runs is in ``spans``, the rules that type a run in ``rules``
(each a named entry in one precedence), the cues they use in ``place_cues``,
``org_cues`` and ``people``, the word lists in ``vocabulary``.
"""

from __future__ import annotations

import re
from itertools import pairwise

from briefing.analysis.facts.lexicon import Lexicon
from briefing.analysis.facts.mention import Mention
from briefing.analysis.facts.organisations import WELL_KNOWN, acronym_expansions, short_form_of
from briefing.analysis.facts.people import is_role_noun
from briefing.analysis.facts.places import DEMONYMS
from briefing.analysis.facts.rules import classify
from briefing.analysis.facts.rules.base import add_context_role, make_candidate
from briefing.analysis.facts.shapes import Typer
from briefing.analysis.facts.spans import SPAN, pieces, split_of, split_places
from briefing.analysis.facts.wordsets import DAYS, DETERMINERS, FULL_MONTHS
from briefing.library.model import Sentence

__all__ = ["LATER_RULES", "Mention", "find_mentions"]

# The second pass's rules, by the name each records on the mentions it types.
LATER_RULES = (
    "later:club-city",
    "later:surname-not-place",
    "later:surname",
    "later:given-name",
    "later:short-form",
    "later:speaking-surname",
    "later:owner",
    "later:speaker-full-name",
)


_LOWER_WORD = re.compile(r"\b[a-z][a-z’'-]*\b")

# A lone "The", "But", "Monday", "September": the rule "nothing-left" would drop it
# after building its context; a quarter of the runs in CNN/DailyMail copy are these.
_NEVER_A_NAME = DETERMINERS | FULL_MONTHS | DAYS


def find_mentions(sentences: tuple[Sentence, ...], lex: Lexicon) -> list[Mention]:
    typer = Typer(lex, frozenset(_LOWER_WORD.findall(" ".join(s.text for s in sentences))))
    mentions: list[Mention] = []
    for sentence in sentences:
        text = sentence.text
        # A name spelt out before its bracketed acronym is one body, whatever its words.
        spelt = acronym_expansions(text) if "(" in text else []
        for name_start, name_end, acr_start, acr_end, acronym in spelt:
            name = text[name_start:name_end]
            for at, until in ((name_start, name_end), (acr_start + 1, acr_end - 1)):
                mention = Mention("organisation", name, sentence.index, at, until)
                mention.acronym, mention.rule = acronym, "acronym-spelt-out"
                mentions.append(mention)
        for span in SPAN.finditer(text):
            for whole, whole_start, _ in pieces(span.group(), span.start(), lex):
                for piece, start, end in split_places(split_of(whole, whole_start, lex), lex):
                    if piece in _NEVER_A_NAME or (
                        spelt and any(a <= start < d for a, _, _, d, _ in spelt)
                    ):
                        continue
                    candidate = make_candidate(piece, start, end, sentence.index, text, typer)
                    typed = classify(candidate)
                    if typed is not None:
                        mentions.append(typed)
    mentions.sort(key=lambda m: (m.sentence, m.start))
    _resolve_leftovers(mentions, lex)
    _roles_of_later_people(mentions, sentences)
    _share_plural_roles(mentions, sentences)
    return [m for m in mentions if m.kind]


def _roles_of_later_people(mentions: list[Mention], sentences: tuple[Sentence, ...]) -> None:
    """People typed by the second pass get the role the words around them say too
    ("A retired nurse identified as Margit says …")."""
    for mention in mentions:
        if mention.kind == "person" and mention.rule.startswith("later:") and not mention.role:
            text = sentences[mention.sentence].text
            before = text[max(0, mention.start - 240) : mention.start]
            add_context_role(mention, before, text[mention.end : mention.end + 240])


def _share_plural_roles(mentions: list[Mention], sentences: tuple[Sentence, ...]) -> None:
    """ "Top-seeded Danes Nils Holm and Erik Lund": both are top-seeded Danes."""
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
    given = {p.text.split()[0] for p in people}
    # Sets, so that each leftover word is one look-up rather than a scan of every name.
    acronyms = {o.acronym for o in orgs if o.acronym}
    # Each body's name once (a body is named many times), for the short-form test below.
    org_names = list(dict.fromkeys(o.text for o in orgs))
    clubs = {m.text for m in mentions if m.club}
    for mention in mentions:
        if mention.kind == "place" and mention.text in clubs:
            mention.kind, mention.aliases, mention.rule = "organisation", [], "later:club-city"
        # "Lucy Kent … Kent said": a surname that is also a county is the person.
        if mention.kind == "place" and mention.text in surnames and mention.speech:
            mention.kind, mention.rule = "person", "later:surname-not-place"
        if mention.kind is not None:
            continue
        words = mention.text.split()
        if len(words) == 1:
            word = words[0]
            if word in surnames:
                mention.kind, mention.rule = "person", "later:surname"
            elif word in lex.given_names and word in given:
                # "Oren Falk and his wife … 'It was a shock,' Oren told": a first name.
                mention.kind, mention.rule = "person", "later:given-name"
            elif mention.weak:
                continue
            elif (
                word in WELL_KNOWN
                or word in acronyms
                or any(short_form_of(word, name) for name in org_names)
            ):
                mention.kind, mention.rule = "organisation", "later:short-form"
            elif mention.speech and (
                (word in lex.surnames and not lex.is_common(word, 5000))
                or _double_barrelled(word, lex)
            ):
                # "Varga said", "Khan-Wazir told Sky Sports".
                mention.kind, mention.rule = "person", "later:speaking-surname"
            elif mention.owner and word not in lex.given_names:
                mention.kind, mention.rule = "organisation", "later:owner"
    # "Opener Imran Khan-Wazir hit 143 … Khan-Wazir said": the full name of a speaker.
    speakers = {m.text for m in mentions if m.kind == "person" and " " not in m.text}
    for mention in mentions:
        words = mention.text.split()
        if mention.kind is None and len(words) in (2, 3) and words[-1] in speakers:
            mention.kind, mention.rule = "person", "later:speaker-full-name"
