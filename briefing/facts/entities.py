"""People, organisations and places: find capitalised names and decide what each is.

Every capitalised run of words in a sentence is a candidate ("Deputy Prime
Minister John Prescott", "Court of Arbitration for Sport", "Kazakhstan’s").
It is cut at possessives and lists, stripped of sentence-initial common words
and titles, then typed by the gazetteers (places), by its own words
(organisations: "… Council", "Ministry of …", acronyms), by name lists and by
the words around it (people: "said X", "X, the chief economist", "sprinter X").
A second pass gives the left-over single words to the entities already found:
"Azizov" is Abdusalam Azizov, "SCO" the organisation spelt out earlier.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from itertools import pairwise

from briefing.facts.lexicon import Lexicon
from briefing.facts.organisations import (
    ACRONYM_STOP,
    BARE_BODIES,
    CLUB_HEADS,
    CLUB_WORDS,
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
from briefing.facts.people import (
    HONORIFICS,
    TITLE_WORDS,
    is_role_before,
    is_role_noun,
    role_after,
    role_before,
    role_comma_before,
)
from briefing.facts.places import (
    COMPASS,
    DEMONYMS,
    MULTIWORD_DEMONYMS,
    PLACE_HEADS,
    PLACE_SUFFIXES,
)
from briefing.model import Sentence

__all__ = ["Mention", "find_mentions"]

_WORD = (
    r"(?:[A-Z]\.(?:[A-Z]\.)+"
    r"|(?:(?:al|el|bin|ibn)-)?(?:Mc|Mac|O[’'])?[A-Z][\w’']*(?:-[\w’']+)*)"
)
_JOIN = (
    r"(?:\s+(?:of|for|and|&|de|du|da|del|della|der|den|van|von|bin|ibn|y|di|la|le)"
    r"(?:\s+the)?\s+|\s+|\s*&\s*)"
)
_SPAN = re.compile(rf"{_WORD}(?:{_JOIN}{_WORD})*")
_PIECE_WORD = re.compile(r"[^\s]+")
_CONNECTORS = frozenset(
    "of for and & de du da del della der den van von bin ibn y di la le the".split()
)
_DETERMINERS = frozenset(
    """
    The A An This That These Those But And Or If When While After Before As In On At By For With
    From To Of However Meanwhile Although Though Because Since Until Unless Once Then Now Yet So
    Its His Her Their Our My Your It He She They We I You There Here What Who Which Where Why How
    Both Each Every Some Many Most All No Not Only Even Also Such Last Next Former Ex Many Several
    Mr. Mrs. Ms. Dr. St Saint Dear Like Unlike Despite During Under Over Among Between Within
    """.split()
)
_MONTHS = frozenset(
    "January February March April May June July August September October November December "
    "Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec".split()
)
_FULL_MONTHS = frozenset(
    "January February March April June July August September October November December".split()
)
_DAYS = frozenset("Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split())
_COURTESY = (
    frozenset("Mr Mrs Ms Miss Mx Dr Prof Lord Lady Sir Dame Baroness Baron".split()) | HONORIFICS
)
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


def _pieces(span: str, base: int, lex: Lexicon) -> list[tuple[str, int, int]]:
    """Cut a capitalised run at possessives and at list "and"s, keeping offsets."""
    words = [(m.group(), base + m.start(), base + m.end()) for m in _PIECE_WORD.finditer(span)]
    pieces: list[list[tuple[str, int, int]]] = [[]]
    for i, (word, start, end) in enumerate(words):
        possessive = re.search(r"(?:[’']s|s[’'])$", word)
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
        while piece and piece[-1][0] in _CONNECTORS:
            piece.pop()
        while piece and piece[0][0].lower() in _CONNECTORS and not piece[0][0].isupper():
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
    possessive inside a body's name, not an owner ("Mr Blair's Labour Party")."""
    bare = re.sub(r"(?:[’']s|[’'])$", "", word)
    return (
        bool(rest)
        and rest[-1][0] in ORG_SUFFIXES
        and len(head) <= 1
        and not any(w in _COURTESY or w in TITLE_WORDS for w, _, _ in head)
        and lex.is_common(bare, 5000)
        and bare not in _DAYS
        and bare not in _MONTHS
        and bare not in lex.places
        and bare not in BARE_BODIES
        and not is_acronym(bare)
    )


def _split_lists(piece: list[tuple[str, int, int]], lex: Lexicon) -> list[tuple[str, int, int]]:
    while piece and piece[0][0] in _CONNECTORS:
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
    # A body's name on the left ends the first name - though a plural body word
    # ("Securities", "Services") is often the first half of one.
    if (
        (left[-1] in ORG_SUFFIXES and not left[-1].endswith("s"))
        or joined in WELL_KNOWN
        or joined in BARE_BODIES
        or (len(left) == 1 and is_acronym(left[0]))
    ):
        return False
    # "Emily Blunt and Nathalie Press": a person's name on the left ends the first name.
    two_people = (
        len(right) >= 2
        and any(w in lex.given_names for w in left[:-1])
        and left[-1] not in PLACE_SUFFIXES
        and left[-1] not in ORG_SUFFIXES
    )
    if right[-1] in ORG_SUFFIXES and not two_people and not ({"for", "of"} & set(right)):
        # "England and Wales Cricket Board", "Tamar Bridge and Torpoint Ferry Committee"
        # (not "Emily Blunt and Nathalie Press", "England and France for the Six Nations").
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
            and w not in _COURTESY
            and w not in lex.places
            for w in right
        )
    )


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
            len(w) > 1 and w.isupper() and w not in _NAME_LETTERS and not _initials(w, words)
            for w in words
        ):
            return False
        return not any(w in DEMONYMS or w in _FULL_MONTHS or w in _DAYS for w in words)

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


def _starts_with_place(words: list[str], lex: Lexicon) -> bool:
    """ "New York band …", "South Sudan's": a known place of two or three words leads."""
    return any(" ".join(words[:n]) in lex.places for n in (2, 3) if len(words) >= n)


# Capital letters that do end a person's name: "Ken Macdonald QC", "Jo Ames MP".
_NAME_LETTERS = frozenset(
    "QC KC MP MEP MSP OBE MBE CBE JR II III IV V VI VII VIII IX X XI XII XIII XIV XV XVI".split()
)
_ADJECTIVE_ENDS = frozenset(
    "based born headquartered led owned backed run style educated trained listed bred".split()
)


def _strip_front(words: list[str], at_start: bool, lex: Lexicon) -> list[str]:
    while words and words[0] in _DETERMINERS and not _starts_with_place(words, lex):
        words = words[1:]
        at_start = False
    while words and (
        words[0] in _FULL_MONTHS or words[0] in _DAYS or (len(words) == 1 and words[0] in _MONTHS)
    ):
        words = words[1:]
    if len(words) > 2 and " ".join(words[:2]) in MULTIWORD_DEMONYMS:
        words = words[2:]
    if _starts_with_place(words, lex) or _geo_name(words, lex):
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


def _geo_name(words: list[str], lex: Lexicon) -> bool:
    """A name shaped like a place: "Aral Sea", "Mount Kenya", "Gulf of Aden", "North Atlantic"."""
    if len(words) < 2 or any(
        w in lex.given_names or w in TITLE_WORDS or w in _COURTESY for w in words[:-1]
    ):
        # "Michael Bay", "Director Grace Park" are people.
        return False
    if words[-1] in PLACE_SUFFIXES and words[-2] not in _CONNECTORS:
        return True
    if (words[0] in PLACE_HEADS and len(words) == 2) or (
        words[1] == "of" and words[0] in _OF_PLACES
    ):
        return True
    return words[0] in COMPASS and " ".join(words[1:]) in lex.places


_OF_PLACES = frozenset("Gulf Bay Sea Strait Straits Isle Isles Cape Lake".split())


# The words right before or after a name, as lists: the phrases around names are
# looked up in sets (a pattern spelling out every word costs compile time at each start).
_TOKEN = re.compile(r"[\w’'-]+|[^\w\s]")


def _tokens_after(after: str, count: int) -> list[str]:
    return _TOKEN.findall(after[:80])[:count]


def _phrase_before(before: str, phrases: frozenset[str], skip_the: bool = False) -> bool:
    """Whether the words just before a name (no punctuation between) are one of these."""
    tokens = [t.lower() for t in _TOKEN.findall(before[-60:])]
    if skip_the and tokens and tokens[-1] == "the":
        tokens.pop()
    if not before[-1:].isspace() or not tokens:
        return False
    return any(" ".join(tokens[-n:]) in phrases for n in (1, 2, 3) if len(tokens) >= n)


# Words around a city's name that make it the club named after it.
_CLUB_NEXT = frozenset(
    """
    striker midfielder defender goalkeeper keeper manager boss coach captain winger forward
    full-back centre-back centre-half flanker fly-half scrum-half hooker chairman fans
    supporters squad beat drew thrashed defeated
    """.split()
)
_CLUB_PREVIOUS = frozenset(
    phrase.strip()
    for phrase in """
    against|beat|beating|v|vs|versus|at home to|away to|defeat to|win over|victory over|
    lost to|loss to|draw with|drew with|to face|host|hosts|hosted|club|clubs|side|sides
    """.split("|")
)


def _club_context(before: str, after: str) -> bool:
    tokens = _tokens_after(after, 3)
    if tokens and tokens[0] in ("’s", "'s"):
        tokens = tokens[1:]
    following = tokens[0].lower() if tokens else ""
    if following in _CLUB_NEXT or (following == "lost" and tokens[1:2] in (["to"], ["at"])):
        return True
    return _phrase_before(before, _CLUB_PREVIOUS)


# Words before a name that say it is a place: "near Borrowdale", "the town of Keswick",
# "60km north-west of Palu".
_PLACE_PREVIOUS = frozenset(
    ["near", "outside"]
    + [
        f"{noun} of"
        for noun in (
            "town city village island province region district county port capital suburb "
            "hamlet area north south east west north-east north-west south-east south-west "
            "northeast northwest southeast southwest"
        ).split()
    ]
)
# After it: "the Amu Darya and Syr Darya rivers", "the Kunar province".
_PLACE_NEXT = frozenset(
    """
    river rivers lake lakes island islands mountains valley province provinces region regions
    district districts county peninsula desert delta coast
    """.split()
)


def _place_after(after: str) -> bool:
    if not after[:1].isspace():
        return False
    tokens = _tokens_after(after, 6)
    if tokens[:1] == ["and"]:
        names = 1
        while names < len(tokens) and names <= 3 and tokens[names][:1].isupper():
            names += 1
        tokens = tokens[names:] if names > 1 else []
    return bool(tokens) and tokens[0] in _PLACE_NEXT


# "Harrogate, North Yorkshire, …", "from Keswick in Cumbria": a town, then its region
# (but not a list: "Real Madrid, Barcelona and Valencia"; nor "al-Qaeda in Iraq").
_IN_REGION = re.compile(
    r"^(?P<how>,|\s+in)\s+(?P<region>[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){0,2})"
    r"(?!\s*(?:,|and|or|&)\s+[A-Z]|\s+[A-Z]|[\w’'-])"
)
_FROM = re.compile(r"\b(?:from|of|near|in)\s+$")


def _place_context(words: list[str], before: str, after: str, lex: Lexicon) -> bool:
    if len(words) > 3 or any(w in ORG_SUFFIXES for w in words):
        return False
    if _phrase_before(before, _PLACE_PREVIOUS, skip_the=True) or _place_after(after):
        return True
    region = _IN_REGION.match(after)
    if region is None or region.group("region") not in lex.regions:
        return False
    # A town is one word ("Cotton, Suffolk"); two capitalised words are more often a
    # person ("Wilfried Bony, Swansea").
    return (len(words) == 1 or _geo_name(words, lex)) and (
        region.group("how") == "," or bool(_FROM.search(before[-12:]))
    )


def _title_split(words: list[str], typer: _Typer) -> tuple[list[str], list[str]]:
    """Split "Virgin Radio DJ Pete Mitchell" into its title and the name after it."""
    for i in range(len(words) - 2, -1, -1):
        word = words[i]
        if word in TITLE_WORDS or is_role_noun(word) or word in DEMONYMS:
            rest = words[i + 1 :]
            titled = any(w in _COURTESY for w in words[: i + 1])
            if not typer.person_like(rest, titled) or _org_words(rest, typer.lex):
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


def _split_of(piece: str, start: int, lex: Lexicon) -> list[tuple[str, int, int]]:
    """ "Doug Williams of BT" is a person and an organisation, "Bank of England" one body."""
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
        first in HONORIFICS or first in _COURTESY or first in lex.given_names or named or titled
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


def _split_places(pieces: list[tuple[str, int, int]], lex: Lexicon) -> list[tuple[str, int, int]]:
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
        elif len(words) > 2 and piece not in lex.places and not _geo_name(words, lex):
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
        if " ".join(left) in lex.places or _geo_name(left, lex):
            left_text = " ".join(left)
            right = piece[len(left_text) :].lstrip().removeprefix(word).lstrip()
            right = right.removeprefix("the ")
            right_start = end - len(right)
            return [
                (left_text, start, start + len(left_text)),
                *_split_places([(right, right_start, end)], lex),
            ]
    return [(piece, start, end)]


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
        for span in _SPAN.finditer(text):
            for whole, whole_start, _ in _pieces(span.group(), span.start(), lex):
                for piece, start, end in _split_places(_split_of(whole, whole_start, lex), lex):
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
        if w not in _DETERMINERS and w not in _FULL_MONTHS and w not in _DAYS
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
        all(w in DEMONYMS or w in _MONTHS or w in _DAYS or w in TITLE_WORDS for w in words)
        and name not in BARE_BODIES
        and name not in WELL_KNOWN
    ):
        return None

    if len(words) >= 2 and _descriptor(words[0]) and not lex.is_common(words[1]):
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

    previous_word = _previous_word(before)
    if (
        is_role_before(previous_word)
        and previous_word not in ORG_DESCRIPTORS
        and previous_word not in ("head", "member", "members")
        and typer.person_like(words)
        and not _org_words(words, lex)
        and not any(w in TITLE_WORDS or w in _COURTESY for w in words)
    ):
        # "drummer Odell", "striker Hull": a role right before a name makes it a person
        # (but "regulator Ofcom" is a body, and "champions South Africa" a team).
        mention = Mention("person", name, index, start, end)
        _add_context_role(mention, before, after)
        return mention

    place = lex.places.get(name)
    if place is None and _geo_name(words, lex):
        place = name
    if place is not None and not _org_word_after(after):
        if name not in lex.countries and (_club_context(before, after)):
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
            and _next_word(after) in ORG_DESCRIPTORS
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
        role = None if all(w in _COURTESY for w in title_words) else title
        person_start = start + piece.find(rest[0])
        mention = Mention(
            "person", " ".join(rest), index, person_start, end, role=role, title=title
        )
        _add_context_role(mention, text[max(0, start - 240) : start], after)
        return mention

    if _org_words(words, lex):
        people = _PEOPLE_NOUN.match(after) if words[-1] in DEMONYMS else None
        if people:
            # "the Association of British insurers": the people the body is of.
            name, end = f"{name} {people.group(1)}", end + people.end()
        return Mention("organisation", name, index, start, end)

    if _ORG_APPOSITION.match(after) and not typer.strong_person(words):
        # "Allianz, a leading German insurer, said": the copy says what it is.
        noun = _ORG_APPOSITION.match(after).group("noun")
        if noun in ORG_DESCRIPTORS:
            return Mention("organisation", name, index, start, end)

    if not typer.strong_person(words) and _place_context(words, before, after, lex):
        return Mention("place", name, index, start, end, aliases=[name])

    if (
        (_described(before[-120:]) or _phrase_before(before, _ORG_PREVIOUS, skip_the=True))
        and not typer.strong_person(words)
    ) or (
        previous_word == "at"
        and (len(words) >= 2 or is_role_noun(_previous_word(before[: before.rfind("at")])))
        and not _SPEECH_AFTER.match(after)
    ):
        return Mention("organisation", name, index, start, end)
    noun_after = _NOUN_AFTER.match(after)
    if (
        noun_after
        and noun_after.group("noun") in ORG_NOUNS_AFTER
        and _ARTICLE_BEFORE.search(before[-8:])
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
    if _named_thing(words, before, after, lex):
        return Mention("organisation", name, index, start, end)
    # Undecided: single words may turn out to be a surname or an acronym seen elsewhere.
    mention = Mention(None, name, index, start, end)
    mention.speech = bool(_SPEECH_AFTER.match(after) or _SPEECH_BEFORE.search(before[-40:]))
    mention.owner = _officers_after(after)
    if is_role_before(previous_word) and typer.person_like(words):
        mention.kind = "person"
        _add_context_role(mention, before, after)
    return mention


# Word lists are checked as sets after a short pattern: a pattern holding the words
# themselves costs milliseconds to compile at every start of the command line.
_WORD_AFTER = re.compile(r"[\s-]*([A-Za-z][\w&]*)")
# "discounters Aldi and Lidl", "bookmakers Ladbrokes": a kind of body, then its name(s).
_DESCRIBED_LIST = re.compile(
    r"(?<![\w-])(?P<kind>[a-z][a-z’']+)\s+"
    r"(?:(?:[A-Z][\w&’'.-]*\s+){0,3}[A-Z][\w&’'.-]*\s*(?:,|and|or|&)\s*)*$"
)
_NOUN_AFTER = re.compile(r"\s+(?P<noun>[a-z]+)\b")


def _org_word_after(after: str) -> bool:
    """ "Hull City": a place name followed by a word that names a body."""
    match = _WORD_AFTER.match(after)
    return bool(match) and match.group(1) in ORG_SUFFIXES


def _described(before: str) -> bool:
    match = _DESCRIBED_LIST.search(before)
    return bool(match) and _is_descriptor(match.group("kind"))


_ORG_PREVIOUS = frozenset(
    phrase.strip()
    for phrase in """
    shares in|shares of|stake in|stakes in|shareholders in|shareholders of|takeover of|
    owner of|owners of|spokesman for|spokeswoman for|spokesperson for|chief executive of
    """.split("|")
)
_ARTICLE_BEFORE = re.compile(r"(?:^|\b(?:the|a|an|its|their))\s*$", re.IGNORECASE)
# "Corvane's chief executive", "Harlow's finance director": a body's officers.
_OFFICERS = frozenset(
    """
    executive director chairman chairwoman chair president spokesman spokeswoman spokesperson
    founder boss owner shareholders staff employees workers board shares profit profits sales
    revenue
    """.split()
)


def _officers_after(after: str) -> bool:
    tokens = _tokens_after(after, 6)
    if not tokens or tokens[0] not in ("’s", "'s"):
        return False
    for i, token in enumerate(tokens[1:5], start=1):
        if token in _OFFICERS or (token == "head" and tokens[i + 1 : i + 2] == ["of"]):
            return True
        if not token.islower():
            return False
    return False


def _descriptor(word: str) -> bool:
    return word[:1].isupper() and _is_descriptor(word.lower()) and word.lower() != "body"


def _is_descriptor(word: str) -> bool:
    """ "insurer", "bookmakers", and any "-maker": "chipmaker", "drugmaker", "carmakers"."""
    return word in ORG_DESCRIPTORS or word.rstrip("s").endswith("maker")


# Capitalised everyday words that name a period, a law or a thing, not a body.
_NOT_BODIES = frozenset(
    "War Wars Day Days Year Years Eve Age Ages Era Revolution Act Bill Paper Final".split()
)
# A body acts or speaks: "the Inland Revenue, which …", "the Red Cross said …".
_BODY_VERBS = frozenset(
    "said says told announced warned confirmed denied reported added urged called claimed "
    "insisted which".split()
)


def _acts(after: str) -> bool:
    tokens = _tokens_after(after, 2)
    if tokens[:1] == [","]:
        tokens = tokens[1:]
    return bool(tokens) and tokens[0] in _BODY_VERBS


_PEOPLE_NOUN = re.compile(r"\s+([a-z]+s)\b")
_ORG_APPOSITION = re.compile(
    r",\s+(?:a|an|the)\s+(?:(?!(?:of|at|for|in|with|and)\b)[\w-]+\s+){0,3}?"
    r"(?P<noun>[a-z]+)\s*[,.;]"
)


def _named_thing(words: list[str], before: str, after: str, lex: Lexicon) -> bool:
    """ "the Inland Revenue, which …", "run by the Red Cross": everyday words capitalised
    after "the", mid-sentence, that act or speak, are the name of a body."""
    if len(words) >= 3 and words[0] in DEMONYMS:
        words = words[1:]  # "the Indonesian Red Cross said"
    return (
        2 <= len(words) <= 4
        and before[-4:].lower() == "the "
        and (_acts(after) or before.endswith(" by the "))
        and " ".join(words) not in MULTIWORD_DEMONYMS
        and all(
            lex.is_common(w)
            and w not in TITLE_WORDS
            and w not in lex.places
            and w not in _NOT_BODIES
            and w not in _MONTHS
            and w not in _DAYS
            and w.isalpha()
            and w not in DEMONYMS
            for w in words
        )
    )


def _org_words(words: list[str], lex: Lexicon) -> bool:
    name = " ".join(words)
    if name in WELL_KNOWN or name in BARE_BODIES:
        return True
    if len(words) == 1:
        word = words[0]
        return (
            (
                is_acronym(word)
                and word not in ACRONYM_STOP
                and word not in lex.places
                and not word.endswith("s")
            )
            or word in WELL_KNOWN
        ) and word not in ACRONYM_STOP
    if words[-1] in ORG_SUFFIXES and not all(w in TITLE_WORDS for w in words):
        return True
    if words[-1] in CLUB_WORDS and name not in lex.places:
        # "Hull City" needs a known place; "Blackburn Rovers", "Leeds United" do not.
        rest = " ".join(words[:-1])
        return rest in lex.places or words[-1] not in ("City", "Town", "County")
    if words[0] in CLUB_HEADS and " ".join(words[1:]) in lex.places:
        return True
    if (
        _ACRONYM_LED.match(words[0])
        and words[0] not in _NOT_BODY_ACRONYMS
        and not (
            _initials(words[0], words)
            and not lex.is_common(words[1], 3000)
            and words[1] not in lex.places
        )
    ):
        # "NHS England", "BBC Radio Humberside", "US Open" - not "US President".
        return not all(w in TITLE_WORDS or w in ACRONYM_STOP for w in words[1:])
    # "Ministry of Defence", "the Saltash Chamber of Commerce".
    return any(
        word in ORG_HEADS and words[i + 1] in ("of", "for") for i, word in enumerate(words[:-1])
    )


_ACRONYM_LED = re.compile(r"^[A-Z][A-Z&]+$")


def _initials(word: str, words: list[str]) -> bool:
    """ "JK Rowling", "JPR Williams": initials before a surname, not an acronym."""
    return len(words) == 2 and word == words[0] and len(word) <= 3 and words[1] not in ORG_SUFFIXES


# Acronyms that lead a title or a thing rather than a body's name.
_NOT_BODY_ACRONYMS = ACRONYM_STOP - {"US", "UK", "EU", "UN", "USA", "UAE", "NHS", "FTSE"}


def _next_word(after: str) -> str:
    match = re.match(r"\W*([\w’'-]+)", after)
    return match.group(1).lower() if match else ""


_LAST_WORD = re.compile(r"([\w’'-]+)\W*$")


def _previous_word(before: str) -> str:
    match = _LAST_WORD.search(before[-40:])
    return match.group(1).lower() if match else ""


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
        if body and body.group("body").split()[-1] not in _COURTESY:
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
