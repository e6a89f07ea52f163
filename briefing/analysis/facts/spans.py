"""Capitalised runs of words cut into candidate names.

A run such as "Mount Ossery for the Gulf of Tarn" or "the World Bank and the
United Nations" holds several names; one such as "Department of Foreign Affairs
and Trade" or "Wharfedale Children's Hospice Trust" holds one. The cuts are made
at possessives, at list "and"s, at "of" after a person ("Mina Cole of Halden")
and after a place.
"""

from __future__ import annotations

import re

from briefing.analysis.facts import vocabulary
from briefing.analysis.facts.lexicon import Lexicon
from briefing.analysis.facts.organisations import (
    BARE_BODIES,
    CLUB_WORDS,
    ORG_HEADS,
    ORG_SUFFIXES,
    WELL_KNOWN,
    is_acronym,
)
from briefing.analysis.facts.people import HONORIFICS, TITLE_WORDS
from briefing.analysis.facts.place_cues import geo_name
from briefing.analysis.facts.places import DEMONYMS, PLACE_SUFFIXES
from briefing.analysis.facts.wordsets import CONNECTORS, COURTESY, DAYS, MONTHS

__all__ = ["SPAN", "pieces", "split_of", "split_places"]

_WORD = (
    # "U.S.", and a middle initial: "Marta J. Olsen".
    r"(?:[A-Z]\.(?:[A-Z]\.)+|(?<=[a-z] )[A-Z]\.(?= [A-Z][a-z])"
    r"|(?:(?:al|el|bin|ibn)-)?(?:Mc|Mac|O[’'])?[A-Z][\w’']*(?:-[\w’']+)*)"
)


# The connectors (but "the", which may only follow one): "Bank of England", "Bank of the West".
_JOINERS = vocabulary.alternation(tuple(w for w in vocabulary.ordered("connectors") if w != "the"))
_JOIN = rf"(?:\s+(?:{_JOINERS})(?:\s+the)?\s+|\s+|\s*&\s*)"


# A name begins with a capital or with the "al-" of "al-Assad": the look-ahead turns
# away every other place at once, where ``_WORD`` would try each of its forms (the
# search takes a third of the time). tests/test_facts_guards.py holds it to the plain form.
NAME_STARTS = r"(?=[A-Z]|al-|el-|bin-|ibn-)"
SPAN_BODY = rf"{_WORD}(?:{_JOIN}{_WORD})*"
SPAN = re.compile(NAME_STARTS + SPAN_BODY)


_PIECE_WORD = re.compile(r"[^\s]+")
_POSSESSIVE = re.compile(r"(?:[’']s|s[’'])$")
# What a word ends with if ``_POSSESSIVE`` can match it (a word has no line break):
# most words are turned away without a search.
_POSSESSIVE_ENDS = ("’s", "'s", "s’", "s'")


def pieces(span: str, base: int, lex: Lexicon) -> list[tuple[str, int, int]]:
    """Cut a capitalised run at possessives and at list "and"s, keeping offsets."""
    words = [(m.group(), base + m.start(), base + m.end()) for m in _PIECE_WORD.finditer(span)]
    pieces: list[list[tuple[str, int, int]]] = [[]]
    for i, (word, start, end) in enumerate(words):
        possessive = _POSSESSIVE.search(word) if word.endswith(_POSSESSIVE_ENDS) else None
        if word[-1] in "’'" and not possessive:
            # A closing single quotation mark: 'the Silkway Accelerator'.
            word, end = word[:-1], end - 1
        if (
            possessive
            and len(word) > 2
            and not _inner_possessive(word, _since_and(pieces[-1]), words[i + 1 :], lex)
        ):
            word = word[: possessive.start() + (1 if word[possessive.start()] == "s" else 0)]
            pieces[-1].append((word, start, start + len(word)))
            pieces.append([])
            continue
        pieces[-1].append((word, start, end))
    out = []
    for piece in pieces:
        while piece and piece[-1][0] in CONNECTORS:
            piece.pop()
        while piece and piece[0][0].lower() in CONNECTORS and not piece[0][0].isupper():
            piece.pop(0)
        if piece:
            out.extend(_split_lists(piece, lex))
    return out


def _since_and(piece: list[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
    """The words of a run after its last "and" (and "the"): the name being read."""
    cut = max((i + 1 for i, (w, _, _) in enumerate(piece) if w in ("and", "the")), default=0)
    return piece[cut:]


def _inner_possessive(
    word: str,
    head: list[tuple[str, int, int]],
    rest: list[tuple[str, int, int]],
    lex: Lexicon,
) -> bool:
    """ "Wharfedale Children's Hospice Trust", "the King's Fund": an everyday word's
    possessive inside a body's name, not an owner ("Ms Hale's Labour Party")."""
    bare = re.sub(r"(?:[’']s|[’'])$", "", word)
    return (
        bool(rest)
        and rest[-1][0] in ORG_SUFFIXES
        and len(head) <= 1
        and not any(w in COURTESY or w in TITLE_WORDS for w, _, _ in head)
        and lex.is_common(bare, 5000)
        and bare not in DAYS
        and bare not in MONTHS
        and bare not in lex.places
        and bare not in BARE_BODIES
        and not is_acronym(bare)
    )


def _split_lists(piece: list[tuple[str, int, int]], lex: Lexicon) -> list[tuple[str, int, int]]:
    while piece and piece[0][0] in CONNECTORS:
        piece = piece[1:]
    words = [w for w, _, _ in piece]
    if "and" in words:
        cut = words.index("and")
        if not _one_name(words[:cut], words[cut + 1 :], lex):
            return _split_lists(piece[:cut], lex) + _split_lists(piece[cut + 1 :], lex)
    if not piece:
        return []
    return [(" ".join(words), piece[0][1], piece[-1][2])]


def _one_name(left: list[str], right: list[str], lex: Lexicon) -> bool:
    """Whether "and" joins two names or sits inside one: "World Bank and the UNDP" and
    "Aldi and Lidl" are two; "Securities and Exchange Commission", "Office of Rail and
    Road" and "Bosnia and Herzegovina" one."""
    if not left or not right or right[0] == "the":
        return False
    if " ".join((*left, "and", *right)) in lex.places:
        return True
    joined = " ".join(left)
    if len(right) == 2 and right[-1] in CLUB_WORDS and right[0] not in lex.places:
        # "Marston and Keld Rovers": a club named after two towns (not "Leeds and Hull City").
        return True
    # A body's name on the left ends the first name - though a plural body word
    # ("Securities", "Services") is often the first half of one.
    if (
        (left[-1] in ORG_SUFFIXES and not left[-1].endswith("s"))
        or joined in WELL_KNOWN
        or joined in BARE_BODIES
        or (len(left) == 1 and is_acronym(left[0]))
    ):
        return False
    # "Ada Fenn and Nell Press": a person's name on the left ends the first name.
    two_people = (
        len(right) >= 2
        and any(w in lex.given_names for w in left[:-1])
        and left[-1] not in PLACE_SUFFIXES
        and left[-1] not in ORG_SUFFIXES
    )
    if right[-1] in ORG_SUFFIXES and not two_people and not ({"for", "of"} & set(right)):
        # "England and Wales Cricket Board", "Tamar Bridge and Torpoint Ferry Committee"
        # (not "Ada Fenn and Nell Press", "England and France for the Nations Cup").
        return " ".join(right) not in WELL_KNOWN and " ".join(right) not in BARE_BODIES
    if (
        joined in lex.places
        or (len(left) >= 2 and left[0] in lex.given_names)
        or " ".join(right) in BARE_BODIES
        or " ".join(right) in WELL_KNOWN
    ):
        return False
    # "Department of Foreign Affairs and Trade": everyday words (not names) end the name.
    return (
        len(left) >= 2
        and len(right) <= 2
        and all(
            lex.rank(w) < 8000
            and (w not in lex.surnames or lex.rank(w) < 1000)
            and w not in lex.given_names
            and w not in DEMONYMS
            and w not in COURTESY
            and w not in lex.places
            for w in right
        )
    )


def split_of(piece: str, start: int, lex: Lexicon) -> list[tuple[str, int, int]]:
    """ "Mina Cole of Halden" is a person and an organisation, "Bank of England" one body."""
    words = piece.split()
    if "of" not in words or piece in lex.places:
        return [(piece, start, start + len(piece))]
    cut = words.index("of")
    left = words[:cut]
    first = left[0] if left else ""
    if not left or first in ORG_HEADS or cut + 1 >= len(words):
        return [(piece, start, start + len(piece))]
    # "said Gulnara Saidova of the group", "Professor Li Wenjun of the Institute of X".
    named = (
        2 <= len(left) <= 3
        and piece not in lex.places
        and " ".join(left) not in lex.places
        and left[-1] not in ORG_SUFFIXES
        and left[-1] not in ORG_HEADS
        and not any(lex.is_common(w, 3000) for w in left)
        and all(w[:1].isupper() for w in left)
    )
    titled = first in TITLE_WORDS and len(left) >= 2
    if (
        first in HONORIFICS or first in COURTESY or first in lex.given_names or named or titled
    ) and len(left) <= 4:
        left_text = " ".join(left)
        right_text = " ".join(words[cut + 1 :])
        right_start = start + piece.index(" of ", len(left_text) - 1) + 4
        if right_text.startswith("the "):
            right_text, right_start = right_text[4:], right_start + 4
        return [
            (left_text, start, start + len(left_text)),
            (right_text, right_start, right_start + len(right_text)),
        ]
    return [(piece, start, start + len(piece))]


def split_places(pieces: list[tuple[str, int, int]], lex: Lexicon) -> list[tuple[str, int, int]]:
    """A list that lost its comma ("Kyrgyzstan Tajikistan") is two places, not a name."""
    out = []
    for piece, start, end in pieces:
        words = piece.split()
        if len(words) > 1 and all(w in lex.places for w in words) and piece not in lex.places:
            offset = start
            for word in words:
                at = piece.index(word, offset - start) + start
                out.append((word, at, at + len(word)))
                offset = at + len(word)
        elif len(words) > 2 and piece not in lex.places and not geo_name(words, lex):
            out.extend(_split_after_place(piece, start, end, words, lex))
        else:
            out.append((piece, start, end))
    return out


def _split_after_place(
    piece: str, start: int, end: int, words: list[str], lex: Lexicon
) -> list[tuple[str, int, int]]:
    """ "Mount Ossery for the Gulf of Tarn": a place, then a connector, is where a name ends."""
    # The longest known place first: "United States of America for the Bank of England".
    for i in range(len(words) - 2, 0, -1):
        if words[i] not in ("of", "for"):
            continue
        word, left = words[i], words[:i]
        if " ".join(left) in lex.places or geo_name(left, lex):
            left_text = " ".join(left)
            right = piece[len(left_text) :].lstrip().removeprefix(word).lstrip()
            right = right.removeprefix("the ")
            right_start = end - len(right)
            return [
                (left_text, start, start + len(left_text)),
                *split_places([(right, right_start, end)], lex),
            ]
    return [(piece, start, end)]
