"""Organisations: the words that mark a name as a body, and acronyms.

A capitalised name is an organisation when its last word is one that bodies
are named with ("Council", "Bank", "Re", "plc"), when it starts like one
("Ministry of …", "University of …"), when it is an acronym, when the copy
calls it one ("insurer Veltrix", "Veltrix, the Dutch insurer,"), or when a
nearby "(ABC)" gives its acronym.
"""

from __future__ import annotations

import re

from briefing.analysis.facts import vocabulary

__all__ = [
    "ACRONYM_STOP",
    "ORG_DESCRIPTORS",
    "ORG_HEADS",
    "ORG_SUFFIXES",
    "TOWN_CLUB_WORDS",
    "WELL_KNOWN",
    "acronym_expansions",
    "acronym_of",
    "is_acronym",
    "short_form_of",
]

# The last word of a body's name ("… Council", "… Re", "… plc") and the first ("Ministry of …").
ORG_SUFFIXES = vocabulary.words("org_suffixes")
ORG_HEADS = vocabulary.words("org_heads")
# Lower-case nouns that, just before a name, say what kind of body it is.
ORG_DESCRIPTORS = vocabulary.words("org_descriptors")
# Acronyms that are words of the trade, not bodies.
ACRONYM_STOP = vocabulary.words("acronym_stop")
# Bodies so well known that news copy never spells them out.
WELL_KNOWN = vocabulary.mapping("well_known")
# Names of political parties and bodies that carry no marking word.
BARE_BODIES = vocabulary.words("bare_bodies")
# The words after a company's own name that copy drops: "Harlow Foods" is "Harlow".
COMPANY_FORMS = vocabulary.words("company_forms")
# Sports clubs: "Blackburn Rovers", "Hull City" (a known place first), "Real Madrid".
CLUB_WORDS = vocabulary.words("club_words")
TOWN_CLUB_WORDS = vocabulary.words("town_club_words")
CLUB_HEADS = vocabulary.words("club_heads")
# Lower-case nouns right after a name that make it a body: "the Harwood review", "the
# Green Meadow festival" (part of the name), "the Sony group" (not part of it).
ORG_NOUNS_AFTER = {
    noun: how == "part" for noun, how in vocabulary.mapping("org_nouns_after").items()
}


def short_form_of(word: str, name: str) -> bool:
    """Whether one word is how copy refers again to a body named in full: "Fed" for
    "Federal Reserve", "Harlow" for "Harlow Foods", "Rovers" or "Blackburn" for
    "Blackburn Rovers"."""
    if len(word) < 3 or not word[0].isupper():
        return False
    words = name.replace(".", "").split()
    if len(words) < 2 or word == name:
        return False
    if words[0] == word and (all(w in COMPANY_FORMS for w in words[1:]) or words[-1] in CLUB_WORDS):
        return True
    if words[-1] == word and word in CLUB_WORDS and word not in TOWN_CLUB_WORDS:
        return True
    if word.isupper():
        return False
    main = [w for w in words if w[:1].isupper()]
    return any(len(w) > len(word) + 1 and w.startswith(word) for w in main[:2])


_ACRONYM = re.compile(r"^(?:[A-Z][A-Z0-9&]{1,6}s?|(?:[A-Z]\.){2,6}|[A-Z][a-z]?[A-Z][A-Za-z]{0,4})$")
_SKIP_INITIAL = vocabulary.words("skip_initial")


def is_acronym(word: str) -> bool:
    return bool(_ACRONYM.match(word)) and sum(c.isupper() for c in word) >= 2


def acronym_of(name: str, acronym: str) -> bool:
    """Whether ``acronym`` abbreviates ``name``: "SCO" for "Shanghai Cooperation Organization".

    Initials of the main words must spell the acronym; minor words ("of",
    "the") may or may not count, and a word may give two letters ("ITPC" for
    "Baltic Telecommunications and Post Company" counts "and" out).
    """
    letters = re.sub(r"[^A-Za-z]", "", acronym).upper()
    words = re.findall(r"[\w’']+", name.replace("-", " "))
    if len(letters) < 2 or not words:
        return False
    return _spell(letters, words, 0, 0)


def _spell(letters: str, words: list[str], li: int, wi: int) -> bool:
    if li == len(letters):
        return all(w.lower() in _SKIP_INITIAL for w in words[wi:])
    if wi == len(words):
        return False
    word = words[wi]
    if word.lower() in _SKIP_INITIAL and _spell(letters, words, li, wi + 1):
        return True
    upper = word.upper()
    # The next letters may come from the start of this word (one, two or three of them).
    for take in (1, 2, 3):
        if upper[:take] == letters[li : li + take] and _spell(letters, words, li + take, wi + 1):
            return True
    return False


_IN_BRACKETS = re.compile(r"\((?P<acr>[A-Z][A-Za-z0-9.&-]{1,11})\)")
_BACK_TOKEN = re.compile(r"[\w’'&.-]+|,")
_NAME_JOINERS = vocabulary.words("name_joiners")
_ARTICLES = vocabulary.words("articles")


def _loose_acronym(words: list[str], letters: str) -> bool:
    """ "International Fund for Saving the Aral Sea (IFAS)": the initials of the main
    words spell the acronym with at most one main word left out, first and last kept."""
    initials = "".join(w[0].upper() for w in words if w.lower() not in _SKIP_INITIAL)
    if len(letters) < 3 or len(initials) != len(letters) + 1:
        return False
    if initials[0] != letters[0] or initials[-1] != letters[-1]:
        return False
    return any(initials[:i] + initials[i + 1 :] == letters for i in range(1, len(initials) - 1))


def acronym_expansions(text: str) -> list[tuple[int, int, int, int, str]]:
    """Names spelt out before a bracketed acronym, as (name start, name end, acronym
    start, acronym end, acronym): "the Meteorology, Climatology and Geophysics Agency
    (BMKG)", "United Nations Development Programme (UNDP)".

    The name is the longest run of capitalised words (with "of", "and", commas …)
    before the bracket whose initials spell the acronym; failing that, an acronym in
    another language (BNPB, BMKG) is taken when the run ends like a body ("Agency").
    """
    found = []
    for match in _IN_BRACKETS.finditer(text):
        acronym = match.group("acr")
        letters = re.sub(r"[^A-Za-z]", "", acronym).upper()
        head = max(0, match.start() - 160)
        tokens = [(m.group(), m.start()) for m in _BACK_TOKEN.finditer(text, head, match.start())]
        run: list[tuple[str, int]] = []
        edge = match.start()
        for word, start in reversed(tokens):
            # Only spaces between the words: a bracket or a full stop ends the name.
            if text[start + len(word) : edge].strip():
                break
            if word == ",":
                # "the Meteorology, Climatology and Geophysics Agency": commas only
                # inside a list that an "and" closes.
                if not any(w == "and" for w, _ in run):
                    break
            elif not (word[0].isupper() or word[0].isdigit() or word in _NAME_JOINERS):
                break
            run.insert(0, (word, start))
            edge = start
        if run and re.search(r"[’']s$", run[-1][0]):
            # "the Harbour Stock Exchange's (HSE) index".
            last, at = run[-1]
            run[-1] = (last[:-2], at)
        # Only up to the nearest "the", and never from a joiner or a comma.
        starts = [
            i
            for i, (word, _) in enumerate(run)
            if word[0].isupper() and word not in _ARTICLES and (i == 0 or run[i - 1][0] != ",")
        ]
        if not run or not run[-1][0][0].isupper():
            continue
        end = run[-1][1] + len(run[-1][0])
        chosen = None
        for i in starts:
            words = [w for w, _ in run[i:] if w != ","]
            name = " ".join(words)
            if acronym_of(name, acronym) or _loose_acronym(words, letters):
                chosen = i
                break
        if chosen is None and run[-1][0] in ORG_SUFFIXES:
            the = [i for i, (word, _) in enumerate(run) if word == "the"]
            chosen = next((i for i in starts if not the or i > the[-1]), None)
            if chosen is not None and len(run) - chosen < 2:
                chosen = None
        if chosen is not None:
            found.append((run[chosen][1], end, match.start(), match.end(), acronym))
    return found
