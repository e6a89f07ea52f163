"""The shape of a capitalised name: whether it could be a person's, whether it is all
everyday words, which words in front are no part of it ("However", "Top-seeded
Americans"), and where a title before it ends ("Coast FM DJ | Rob Adair")."""

from __future__ import annotations

from briefing.analysis.facts import vocabulary
from briefing.analysis.facts.lexicon import Lexicon
from briefing.analysis.facts.org_cues import initials, org_words
from briefing.analysis.facts.organisations import BARE_BODIES, ORG_HEADS, ORG_SUFFIXES, is_acronym
from briefing.analysis.facts.people import TITLE_WORDS, is_role_noun
from briefing.analysis.facts.place_cues import geo_name, starts_with_place
from briefing.analysis.facts.places import DEMONYMS, MULTIWORD_DEMONYMS
from briefing.analysis.facts.wordsets import COURTESY, DAYS, DETERMINERS, FULL_MONTHS, MONTHS

__all__ = ["Typer", "common_compound", "strip_front", "title_split"]


class Typer:
    """Tests of a name's shape against the word lists: a person's, everyday words …"""

    def __init__(self, lex: Lexicon, lowered: frozenset[str] = frozenset()) -> None:
        self.lex = lex
        # The words the article itself writes in lower case ("election"): its
        # own evidence that a capitalised one is an everyday word, not a name.
        self.lowered = lowered
        # Several rules ask the same of one candidate; a Typer lives for one article.
        self._strong: dict[tuple[str, ...], bool] = {}
        self._person: dict[tuple[tuple[str, ...], bool], bool] = {}
        self._org: dict[tuple[str, ...], bool] = {}

    def looks_like_name(self, words: list[str]) -> bool:
        # An initial counts before the last word: "T. Rufus Keane", "Marta J. Olsen".
        return all(
            (w[0].isupper() or w in _PARTICLES)
            and (
                w.replace("-", "").replace("’", "").replace("'", "").isalpha()
                or (_initial(w) and i < len(words) - 1)
                or (w in _PARTICLES and 0 < i < len(words) - 1)
            )
            for i, w in enumerate(words)
        )

    def person_like(self, words: list[str], titled: bool = False) -> bool:
        key = (tuple(words), titled)
        found = self._person.get(key)
        if found is None:
            found = self._person[key] = self._person_like(words, titled)
        return found

    def org_words(self, words: list[str]) -> bool:
        """ "… Council", "NHS England", "Ministry of …" (see ``org_cues.org_words``)."""
        key = tuple(words)
        found = self._org.get(key)
        if found is None:
            found = self._org[key] = org_words(words, self.lex)
        return found

    def _person_like(self, words: list[str], titled: bool) -> bool:
        if not 1 <= len(words) <= 4 or not self.looks_like_name(words):
            return False
        if len(words) == 1 and words[0].rpartition("-")[2] in _ADJECTIVE_ENDS:
            return False  # "Government-backed", "Oxford-educated"
        # With "Ms" before it, "Everett" is a person, whatever city shares the name.
        if words[-1] in ORG_SUFFIXES or (" ".join(words) in self.lex.places and not titled):
            return False
        # "BBC Radio Humberside", "NHS England": names hold no all-capital words.
        if any(
            len(w) > 1
            and w.isupper()
            and w not in _NAME_LETTERS
            and not initials(w, words)
            and not _initial(w)
            for w in words
        ):
            return False
        return not any(w in DEMONYMS or w in FULL_MONTHS or w in DAYS for w in words)

    def everyday(self, words: list[str]) -> bool:
        """ "Sky Sports", "Happy Lenses", "Red Cross": only everyday words, no one's name."""
        lex = self.lex
        return all(
            lex.is_common(w) and w not in lex.given_names and w not in lex.surnames for w in words
        )

    def unfamiliar_name(self, words: list[str]) -> bool:
        """ "Kasper Lindholm", "Rosa Ventimiglia": two or three capitalised words that are
        not English words, places or bodies - in news copy, most often a person's name."""
        if not self.person_like(words):
            return False
        words = [w for w in words if not _initial(w) and w not in _PARTICLES]
        return 2 <= len(words) <= 3 and all(
            not self.lex.is_common(w)
            and w not in self.lex.places
            and w not in ORG_SUFFIXES
            and all(part[:1].isupper() for part in w.split("-"))
            and not any(part in DEMONYMS for part in w.split("-"))
            and len(w) > 2
            and not w.isupper()
            for w in words
        )

    def strong_person(self, words: list[str]) -> bool:
        key = tuple(words)
        found = self._strong.get(key)
        if found is None:
            found = self._strong[key] = self._strong_person(words)
        return found

    def _strong_person(self, words: list[str]) -> bool:
        """A name that needs no context: a known given name, then a capitalised rest."""
        if len(words) < 2 or not self.person_like(words):
            return False
        if _initial(words[0]) and len(words) > 2:
            words = words[1:]  # "T. Rufus Keane"
        if words[0] in self.lex.given_names:
            return not any(
                self.lex.is_common(w, 1500) and w not in self.lex.surnames for w in words[1:]
            )
        return False


_ADJECTIVE_ENDS = vocabulary.words("adjective_ends")
_PARTICLES = vocabulary.words("name_particles")


def _initial(word: str) -> bool:
    """ "J." in "Marta J. Olsen"."""
    return len(word) == 2 and word[1] == "." and word[0].isupper()


# Capital letters that do end a person's name: "Ruth Calder QC", "Jo Ames MP".
_NAME_LETTERS = vocabulary.words("name_letters")


def strip_front(words: list[str], at_start: bool, lex: Lexicon) -> list[str]:
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
    # "Top-seeded Danes Nils Holm": descriptions before a name are not part of it.
    # Only before a name, though: "Islamic State" and "Russian President X" keep theirs.
    while (
        len(words) > 2
        and (words[0] in DEMONYMS or common_compound(words[0], lex))
        and (words[1] in lex.given_names or words[1] in DEMONYMS or common_compound(words[1], lex))
    ):
        words = words[1:]
    if (
        len(words) == 2
        and (words[0] in DEMONYMS or common_compound(words[0], lex))
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


def title_split(words: list[str], typer: Typer) -> tuple[list[str], list[str]]:
    """Split "Coast FM DJ Rob Adair" into its title and the name after it."""
    for i in range(len(words) - 2, -1, -1):
        word = words[i]
        if word in TITLE_WORDS or is_role_noun(word) or word in DEMONYMS:
            rest = words[i + 1 :]
            titled = any(w in COURTESY for w in words[: i + 1])
            if not typer.person_like(rest, titled) or typer.org_words(rest):
                return [], words
            if len(rest) == 1 and not any(w in TITLE_WORDS for w in words[: i + 1]):
                return [], words
            if len(rest) == 1 and _everyday_not_a_name(rest[0], typer):
                # "General Election", "the Home Secretary": a title word, then an
                # everyday word no one is called ("President Bush", "President
                # Obama" are people: a name, or never written in lower case).
                return [], words
            if word in DEMONYMS and all(
                typer.lex.is_common(w) and w not in typer.lex.given_names for w in rest
            ):
                # "Indonesian Red Cross" is a body; "Danish rower Freja Holm" a person.
                return [], words
            return words[: i + 1], rest
    return [], words


def _everyday_not_a_name(word: str, typer: Typer) -> bool:
    lex = typer.lex
    return (
        lex.is_common(word, 5000)
        and word not in lex.surnames
        and word not in lex.given_names
        and (word.lower() in typer.lowered or word in TITLE_WORDS or is_role_noun(word))
    )


def common_compound(word: str, lex: Lexicon) -> bool:
    parts = word.split("-")
    return (
        len(parts) > 1
        and all(p.isalpha() and lex.is_common(p) for p in parts)
        and word not in lex.places
    )
