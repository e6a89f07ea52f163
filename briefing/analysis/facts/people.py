"""People: honorifics, job titles and the roles news copy gives a name.

A role is read from the words around a name, in the forms news copy uses:
- a title before the name: "Deputy Prime Minister Hal Morrow",
  "Danish rower Freja Holm", "militia leader Omar Reza";
- an apposition after it: "Ada Lund, an analyst at Brindle & Hart Research,";
- a role then a comma before it: "Director of Harbour Safety, Ruth Calder".
"""

from __future__ import annotations

import re

from briefing.analysis.facts import vocabulary

__all__ = [
    "HONORIFICS",
    "ROLE_NOUNS",
    "TITLE_WORDS",
    "is_role_before",
    "is_role_noun",
    "role_after",
    "role_before",
    "role_comma_before",
    "role_named_as",
]

# Courtesy titles: dropped from a name, never a role on their own.
HONORIFICS = vocabulary.words("honorifics")

# Capitalised words that, before a name, make up a title ("Lieutenant General").
TITLE_WORDS = vocabulary.words("title_words")

# Nouns that name what someone is or does; before or after a name they mark a person.
ROLE_NOUNS = vocabulary.words("role_nouns")

# Role nouns that are also everyday adjectives or nouns before a name
# ("a major London venue", "the host nation").
_AMBIGUOUS_BEFORE = vocabulary.words("ambiguous_role_before")
# "-ist" words name what people do (biologist, novelist); a few are not people.
_NOT_PEOPLE_IST = vocabulary.words("not_people_ist")


def is_role_before(word: str) -> bool:
    """A role noun that, right before a name, makes it a person ("frontman Bono"), unlike
    the everyday adjectives among them ("a major London store")."""
    return word.lower() not in _AMBIGUOUS_BEFORE and is_role_noun(word)


def is_role_noun(word: str) -> bool:
    word = word.lower().strip(".,’'")
    if word in ROLE_NOUNS or (word.endswith("s") and word[:-1] in ROLE_NOUNS):
        return True
    stem = word[:-1] if word.endswith("ists") else word
    return stem.endswith("ist") and len(stem) > 5 and stem not in _NOT_PEOPLE_IST


_STOP_BACK = vocabulary.words("stop_back")
_VAGUE_ROLES = vocabulary.words("vague_roles")
_KIN_INVERSE = vocabulary.mapping("kin_inverse")
_WHOSE_KIN = re.compile(
    r"^,\s+whose\s+(?:\w+\s+)?(?P<kin>[a-z]+),?\s+(?P<name>[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){0,2})"
)
_POSSESSIVE = vocabulary.words("possessive_pronouns")
_SHORT_VERB = re.compile(rf"\b(?:{vocabulary.speech_verbs('short')})\b")
_WORD = re.compile(r"[\w’'&.\-]+|[,;:()\"“”]")
_RANKED = re.compile(
    r"^(?:top|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d+(?:st|nd|rd|th))$",
    re.IGNORECASE,
)


def role_before(text: str) -> str | None:
    """The role written just before a name: "Danish rower" in "Danish rower Freja Holm".

    ``text`` is the sentence up to the name. The word right before the name
    must be a role noun; the role then extends back over its modifiers.
    """
    tokens = _WORD.findall(text[-160:])
    if not tokens:
        return None
    # "director of rugby Evan Tallis", "head of research Ann Bell".
    if len(tokens) >= 3 and tokens[-2] == "of" and is_role_noun(tokens[-3]):
        tokens = [*tokens[:-3], f"{tokens[-3]} of {tokens[-1]}"]
        last = tokens[-1].split()[0]
    else:
        last = tokens[-1]
    title = last.rstrip(".")  # "Sen.", "Gov.", "Lt."
    if not is_role_noun(last) and title not in TITLE_WORDS:
        return None
    if last in _AMBIGUOUS_BEFORE and not (
        len(tokens) > 1 and (_RANKED.match(tokens[-2]) or tokens[-2].lower() in _POSSESSIVE)
    ):
        # "a major London store" - but "seventh seed Piet Varga", "her friend Ann Bell".
        return None
    if last in HONORIFICS:
        return None
    start = len(tokens) - 1
    while start > 0 and len(tokens) - start < 7:
        previous = tokens[start - 1]
        if (
            previous.lower() in _STOP_BACK
            or not previous.replace("-", "").replace("’", "").replace("'", "").isalpha()
        ):
            break
        start -= 1
    role = " ".join(tokens[start:])
    return role if role.lower() not in _VAGUE_ROLES else None


_APPOSITION = re.compile(
    r"^\s*(?:\(\s*)?,?\s*(?:who\s+(?:is|was|will\s+be|has\s+been|had\s+been|became)\s+)?"
    r"(?:(?:the|a|an|its|his|her|their|our)\s+)?"
    r"(?P<role>[^,;:()\"“”]{2,120}?)"
    r"(?=\s*(?:,|;|\(|\)|(?<!\b[A-Z])\.\s|\.$|$|\s+(?:"
    + vocabulary.speech_verbs("apposition")
    + r"|who|which|and\s+(?:his|her)\b)))"
)
_AGE = re.compile(r"^\d{1,3}$")
# ", 34, a teacher at …": an age, then an apposition.
_AGE_FIRST = re.compile(
    r"^,\s*\d{1,3},(?=\s+(?:a|an|the|who|[a-z]+(?:\s+[a-z]+)?\s+(?:at|of|for)\b))"
)


def role_after(text: str) -> str | None:
    """The apposition after a name: "an analyst at X" in "Ada Lund, an analyst at X, said".

    ``text`` is the sentence after the name; it must start with a comma.
    The phrase must hold a role noun within its first five words.
    """
    if not text.startswith(","):
        return None
    kin = _WHOSE_KIN.match(text)
    if kin and kin.group("kin").lower() in _KIN_INVERSE:
        # "Aaron Hale, whose son Levi was born …": Levi's parent.
        return f"{_KIN_INVERSE[kin.group('kin').lower()]} of {kin.group('name')}"
    # "Ann Bell, 34, a teacher at …": the age is no role, the apposition after it is.
    age = _AGE_FIRST.match(text)
    if age:
        text = text[age.end() - 1 :]
    match = _APPOSITION.match(text[1:])
    if match is None:
        return None
    role = match.group("role").strip()
    words = role.split()
    if not words or _AGE.match(words[0]) or len(words) > 16:
        return None
    if _PARTY_STATE.match(role):
        # "Sen. Elena Ruiz, D-Arizona, said".
        return role
    head = [w.lower().strip(".'’s") for w in words[:5]]
    if not any(is_role_noun(w) for w in head) and not (
        _POST_AT.match(role) and not _VERB_FORM.search(role.split(" at ")[0])
    ):
        return None
    return role


# "R-Oklahoma", "D-Calif.": a US legislator's party and state.
_PARTY_STATE = re.compile(r"^[RDI]-[A-Z][A-Za-z.]+(?:\s[A-Z][a-z]+)?$")
# "top tester at Gadget Weekly", "head of research at Halden": a post at a named body (not
# "pictured at X", "during the ceremony at X").
_POST_AT = re.compile(
    r"^(?!(?:during|in|on|at|from|after|before|with|by|for|to|as|while|when|where|outside|"
    r"inside|near)\b)(?:[a-z-]+\s+){0,3}[a-z-]+\s+(?:at|of|for|with)\s+(?:the\s+)?[A-Z]"
)
_VERB_FORM = re.compile(r"\b[a-z]+(?:ed|ing)\b")


_ROLE_LINKS = vocabulary.words("role_links")
_LEADING_FILLER = re.compile(r"^(?:but|and|so|meanwhile|however|also|the)\s+", re.IGNORECASE)


# "A retired nurse identified as Margit", "a baby named Tobiah".
_NAMED_AS = re.compile(
    r"\b(?:[Aa]n?|[Tt]he)\s+(?P<role>(?:[\w’'-]+\s+){0,3}?[\w’'-]+)\s+"
    rf"(?:{vocabulary.alternation(vocabulary.ordered('naming_phrases'))})\s+$"
)
_NAMING_ENDS = tuple({" " + phrase.split()[-1] for phrase in vocabulary.ordered("naming_phrases")})


def role_named_as(text: str) -> str | None:
    """The description before "identified as", "named", "known as" and a name."""
    if not text.rstrip().endswith(_NAMING_ENDS):
        return None  # the common case, without the search
    match = _NAMED_AS.search(text[-120:])
    if match is None or not is_role_noun(match.group("role").split()[-1]):
        return None
    return match.group("role")


def role_comma_before(text: str) -> str | None:
    """A role set off by a comma before the name: "director of the X Trust, Oren Blake",
    "Kazakhstan’s minister of digital development, innovations and industry, Bagdat Musin"."""
    stripped = text.rstrip()
    if not stripped.endswith(","):
        return None
    tail = re.split(r"[;:\"“”()]", stripped[:-1])[-1]
    tokens = tail.split()[-18:]
    # The role starts at its first role noun, with the modifiers just before it; after
    # the noun comes at most a word or two, or "of …" ("director of the Harbour Families
    # Trust"), never a sentence ("Homeowners now expect …") or a name ("boss Louis …").
    for i, token in enumerate(tokens):
        if is_role_noun(token):
            rest = tokens[i + 1 :]
            if len(rest) > 2 and rest[0].lower() not in _ROLE_LINKS:
                return None
            if rest and rest[0][:1].isupper():
                return None
            start = i
            while start > 0 and i - start < 3:
                previous = tokens[start - 1]
                if previous.lower() in _STOP_BACK or previous.endswith(","):
                    break
                start -= 1
            role = " ".join(tokens[start:]).strip(", ")
            role = _LEADING_FILLER.sub("", role)
            if len(role.split()) <= 14 and not _SHORT_VERB.search(role):
                return role
            return None
    return None
