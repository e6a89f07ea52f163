"""Figures: amounts with their unit or noun ("$4.2bn", "between 4,000 and 6,000
members", "a quarter of a percentage point", "twofold increase", "43 years")."""

from __future__ import annotations

import re
from collections.abc import Iterator

from briefing.analysis.facts import vocabulary
from briefing.analysis.facts.places import DEMONYMS

__all__ = ["find_figures", "shorten_figure"]

_NUMWORD = (
    r"(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|"
    r"sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|"
    r"ninety|hundred|dozens|hundreds|thousands|millions|billions|a\s+dozen|a\s+hundred|"
    r"a\s+thousand|a\s+million|a\s+billion)(?:[-\s](?:one|two|three|four|five|six|seven|eight|"
    r"nine|hundred|thousand|million|billion))*"
)
_SMALL = (
    r"(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|"
    r"sixty|seventy|eighty|ninety|hundred)"
)
_DIGITS = r"\d+(?:[,.]\d+)*"
_DECADES = r"(?:twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)"
_SCALE = r"(?:\s?(?:bn|m|k|tn|trillion|billion|million|thousand|crore|lakh)\b)"
_CURRENCY_WORD = (
    r"(?:dollars?|euros?|pounds|yen|yuan|rials?|rupees|roubles|rubles|francs|pesos|won|dinars|"
    r"tenge|som|lira|krona|kronor|rand|naira|shekels|dirhams|riyals|sterling)"
)
_MODIFIER = (
    r"(?:(?:about|around|almost|nearly|over|more\s+than|less\s+than|fewer\s+than|at\s+least|"
    r"at\s+most|up\s+to|some|roughly|approximately|just\s+over|just\s+under|under|below|above|"
    r"well\s+over|close\s+to|an\s+estimated|as\s+many\s+as|as\s+much\s+as|within|only|"
    r"a\s+further|another|an\s+extra|an\s+additional|a\s+record|a\s+total\s+of|by|to)\s+)?"
)
_CONVERSION = r"(?:\s*\((?=[^)]*\d)[^()]{1,60}\))?"
_ORDINAL = (
    r"(?:\d+(?:st|nd|rd|th)|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|"
    r"eleventh|twelfth|twentieth|hundredth)"
)
# Words that end a figure's noun phrase ("38,000 people were" -> "38,000 people"). They
# are trimmed after matching: a look-ahead for them in the pattern makes it slow to compile.
_STOP = vocabulary.words("figure_stop")
# The pattern runs over an ASCII-lower-cased copy of the text (case-insensitive without
# IGNORECASE, which doubles its compile time at every start of the command line); the
# words of the match are then checked in the text itself: a capitalised word ends the
# noun phrase unless it describes the count ("nine Republican senators").
_NOUN = r"[a-z][\w’'-]*"
_NOUN_PHRASE = rf"(?:\s+{_NOUN}(?:\s+{_NOUN})?)"
# Units written against the number: "60km", "30ft", "3.2C", "8x10in".
_GLUED = (
    r"(?:km|kg|mm|cm|ft|mph|kph|mg|ml|kw|mw|gw|kwh|mwh|gwh|twh|mbps|gbps|gb|mb|tb|ha|in|°c|°f|c)\b"
)

# Each alternative may follow one modifier ("about", "at least", …), matched once in front.
_PATTERNS = [
    # earthquakes: "magnitude 6.8"
    r"magnitude[\s-]+\d+(?:\.\d+)?",
    # money: "$4.2bn (£2.2bn)", "£100 lump sum", "2,310 trillion rials ($88.4bn; £61.2bn)"
    rf"(?:us|a|c|hk|nz)?[$£€¥]\s?{_DIGITS}{_SCALE}?"
    rf"(?:\s*(?:-|–|to|and)\s*[$£€¥]?{_DIGITS}{_SCALE}?)?{_CONVERSION}"
    rf"(?:\s+(?:lump\s+sum|a\s+year|a\s+month|a\s+week|a\s+day|each|apiece))?",
    rf"{_DIGITS}{_SCALE}?\s+{_CURRENCY_WORD}{_CONVERSION}",
    # percentages and points
    rf"{_DIGITS}\s?(?:%|per\s?cent|percent)(?:\s+(?:stake|share|rise|fall|increase|"
    rf"drop|cut|growth|decline|jump|gain|of\s+the\s+vote))?",
    rf"(?:a\s+)?(?:quarter|half|{_SMALL}|{_DIGITS})(?:\s+of\s+a)?[\s-]percentage[\s-]points?"
    rf"(?:\s+(?:rises?|cuts?|falls?|increases?))?",
    # ranges: "between 4,000 and 6,000 members"
    rf"between\s+{_DIGITS}{_SCALE}?\s+and\s+{_DIGITS}{_SCALE}?{_NOUN_PHRASE}?",
    # ages and spans as adjectives: "83-year-old", "40-year lows", "42-count indictment"
    rf"(?:one|a)-(?:year|month|week|day|hour|minute|mile|metre|point|game|match|seat|member|"
    rf"strong|man|woman)(?:-old)?(?:\s+{_NOUN})?",
    # One amount, then: a hyphenated noun ("42-count indictment"), "times" ("three times
    # higher", "25 times the world's use"), "of its …" ("14 of its larger stores") or
    # "fold" ("twofold increase"). One alternative, so the long number-word list is
    # compiled once.
    rf"(?:{_DIGITS}|{_NUMWORD})(?:"
    rf"-?fold(?:\s+{_NOUN})?"
    rf"|-[a-z]+(?:-old|(?:\s+{_NOUN})?)"
    rf"|\s+times\s+(?:more|higher|lower|less|larger|bigger|greater|faster|smaller|as\s+\w+|"
    rf"the){_NOUN_PHRASE}?"
    rf"|\s+of\s+(?:its|the|their|his|her|our)\s+(?:[a-z][\w-]*\s+){{0,2}}[\w’'-]+)",
    # "half their bill", "half of the homes"
    rf"half\s+(?:of\s+)?(?:the|their|its|his|her|all)\s+{_NOUN}",
    # fractions: "a third", "one-sixth", "half their bill"
    rf"(?:a|one|two|three)[\s-](?:third|quarter|fifth|sixth|seventh|eighth|tenth)s?"
    rf"(?=\W)(?:\s+of\s+(?:the\s+|their\s+|its\s+)?{_NOUN})?",
    # ordinals with their noun: "fifth time", "10th regional anti-terrorism conference"
    rf"{_ORDINAL}(?:\s+{_NOUN}){{0,3}}?\s+(?:time|term|year|place|title|round|seed|win|victory|"
    rf"defeat|rise|cut|increase|quarter|conference|summit|meeting|election|edition|day|week|"
    rf"month|season|race|goal|attempt|anniversary|largest|biggest|highest|lowest|consecutive|"
    rf"straight|successive|cap|birthday|album|single|hit|medal|appearance|game|match|test|"
    rf"in\s+a\s+row)\b",
    # scores: "won 6-3 6-4", "a 2-1 win"; betting odds: "3/1"
    r"\d{1,2}-\d{1,2}(?:,?\s+\d{1,2}-\d{1,2})*(?=\s+(?:win|victory|defeat|draw|lead|loss)|\W|$)",
    r"\d{1,3}/\d{1,3}(?![/\d])",
    # rankings: "top 10", "world number three", "the last eight"
    rf"(?:top|last)\s+(?:\d+|{_SMALL})\b",
    rf"(?:world\s+)?number\s+(?:one|\d+|{_SMALL})\b",
    # "No. 104 in the world", "the No. 2 seed": a rank written the American way
    r"no\.\s?\d+\b",
    # "flight 4411": the number a flight is known by
    r"flight\s+\d{1,5}\b",
    # an age told by the decade of life: "in his early twenties" ("her late 30s" is read
    # as a decade by the dates first)
    rf"(?:(?<=his\s)|(?<=her\s)|(?<=their\s))(?:early|mid|late)[\s-]+(?:{_DECADES})",
    # digit ordinals with whatever they count: "25th birthday", "999th"
    rf"\d+(?:st|nd|rd|th)\b(?:\s+{_NOUN}){{0,2}}",
    # numbers with their noun: "at least 38,000 people", "two telephone licences", "43 years"
    rf"{_DIGITS}{_GLUED}(?:\s*(?:-|–|to)\s*{_DIGITS}{_GLUED})?",
    rf"{_DIGITS}{_SCALE}?(?:\s*(?:-|–|to)\s*{_DIGITS}{_SCALE}?)?{_NOUN_PHRASE}?",
    rf"{_NUMWORD}{_NOUN_PHRASE}",
    r"(?:one|a|an)\s+(?:year|month|week|decade)s?\b",
]
# Every way a figure can begin (a prefix of its first word: a modifier, a number, a
# currency, a cue such as "magnitude" or "top"): a look-ahead that turns away most word
# starts at once, where the alternation would try each pattern in turn (half the cost of
# the search). It must let through every start that the patterns can match at:
# tests/test_facts_guards.py holds it to the pattern without it.
_STARTS = "|".join(
    (
        r"[\d$£€¥]|(?:us|a|c|hk|nz)[$£€¥]|a[\s-]|an\s|about|around|almost|approx|above|another",
        r"as\s|at\s|nearly|over|more|less|fewer|up\s|some|roughly|just|under|below|well|close",
        r"within|only|by\s|to\s|magnitude|quarter|half|between|top|last|world|number|no\.",
        r"flight|early|mid|late|second",
        # number words, ordinals among them: "thir" is "third", "thirteen" and "thirty"
        r"one|two|three|four|five|fif|six|seven|eigh|nin|ten|eleven|twel|thir|forty|twent",
        r"hundred|dozen|thousand|million|billion",
    )
)
_BEFORE = r"(?<![\w$£€¥.,])(?<![a-z]-)"
FIGURE_BODY = _MODIFIER + "(?:" + "|".join(f"(?:{p})" for p in _PATTERNS) + ")"
_FIGURE = re.compile(rf"{_BEFORE}(?={_STARTS}){FIGURE_BODY}")
_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")
_YEAR_ONLY = re.compile(r"^(?:1[89]\d\d|20\d\d)$")
_BARE = re.compile(
    r"^(?:\d+(?:[,.]\d+)*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
    r"\w+teen|\w+ty|hundreds?|thousands?|millions?|billions?|dozens?|\d+(?:st|nd|rd|th)|"
    r"first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)$",
)
_HAS_AMOUNT = re.compile(
    r"\d|fold|quarter|half|third|sixth|fifth|eighth|tenth|percentage|two|three|four|five|six|"
    r"seven|eight|nine|ten|eleven|twelve|teen|ty\b|hundred|thousand|million|billion|dozen|"
    r"year|month|week|decade|ties\b",
)
# The figure pattern is costly to run everywhere; most sentences hold no amount at all.
# A sentence may hold one if it has a digit, a number word, or a word ending as one
# does ("fifteen", "forty", "twofold", "sixties": any "teen" after a letter is one).
# Three searches, the cheapest first, in place of one pattern that tried every word
# against thirty (kept in tests/test_facts_guards.py, which holds them to it).
_NUMBER_WORD = re.compile(
    r"\b(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|hundred|thousand|million|"
    r"billion|dozen|half|quarter|third|sixth|eighth|tenth|second|fifth|one|"
    r"a\s+(?:year|month|week|decade))"
)
_NUMBER_END = re.compile(r"\w(?:teen|ty|fold|ties\b)")
_DIGIT = re.compile(r"\d")


def may_hold_figure(lowered: str) -> bool:
    return bool(
        _DIGIT.search(lowered) or _NUMBER_END.search(lowered) or _NUMBER_WORD.search(lowered)
    )


_PHONED = re.compile(r"\b(?:call(?:s|ed|ing)?|dial(?:s|led|ed|ling|ing)?|rang|ring(?:s|ing)?)\s+$")
_LEAD = re.compile(r"(?:by|to|only)\s+")
_WORDS = re.compile(r"\S+")


# An age set off by commas after a name: "Holm, 30, was suspended", "Lund, now 34,".
_AGE = re.compile(r"(?<=[A-Za-z], )(?:now\s+|aged\s+)?\d{1,3}(?=,)")
# "the 41-year-old", "a mother of three": an age or a family's size, wherever it stands.
_AGED = re.compile(
    r"\b\d{1,3}-year-old\b|\b(?:mother|father|parent|grandmother|grandfather)s?\s+of\s+"
    r"(?:\d{1,2}|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\b"
)
# "23 points from a possible 60", "six wins out of 10".
_OUT_OF = re.compile(r"\s+(?:from\s+a\s+possible|out\s+of)\s+\d+(?:[.,]\d+)*")
# A thousands separator makes a number a count, not a year or a list item: "a crowd of 21,480".
_GROUPED = re.compile(r"^\d{1,3}(?:,\d{3})+$")
# "a year" on its own is a rate ("1.8bn kWh a year"), a span only after these.
_SPAN_CUE = re.compile(
    r"\b(?:for|after|within|in|than|over|nearly|almost|about|just|another|only)\s+$"
)
# Words that end a noun phrase when they come inside one ("in 2015 after three albums");
# not "to", "and", "or", which join the two ends of a range ("7 to 2").
_CUT = vocabulary.words("figure_cut")


def _noun_phrase(text: str, words: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The words of a figure up to where its noun phrase ends."""
    # "nine Republican senators" but not "Six Nations title", "40 Iran fans".
    for i, (a, b) in enumerate(words[1:], start=1):
        word = text[a:b]
        after_the = _word(text, words[i - 1]) in _POSSESSIVES
        describes = (
            word.strip(",;:’'") in _ADJECTIVES
            and i + 1 < len(words)
            and text[words[i + 1][0]].islower()
        )
        if word[0].isupper() and not describes and not after_the:
            words = words[:i]
            break
    # Trim the noun phrase back to its last word that is not a function word.
    while len(words) > 1 and _word(text, words[-1]) in _STOP:
        words.pop()
    return words


def _not_a_figure(text: str, lowered: str, start: int, end: int) -> bool:
    """A year, a bare number, an age, a model number: not a figure to list."""
    value = text[start:end]
    if (
        _YEAR_ONLY.match(value)
        or (_BARE.match(value.lower()) and not _GROUPED.match(value))
        or not _HAS_AMOUNT.search(value.lower())
    ):
        return True
    if _AGE.match(text, start) and end - start <= 3:
        return True
    if text[start].isdigit() and _PHONED.search(lowered, max(0, start - 12), start):
        # "called 911", "dialled 999": a telephone number.
        return True
    if _MODEL.search(text, 0, start) and text[start].isdigit():
        # "the Helix 3 chip", "Radio 4", "Boeing 747 jets": part of a name.
        return True
    return bool(_LONE_SPAN.match(value.lower()) and not _SPAN_CUE.search(lowered, 0, start))


def find_figures(text: str) -> Iterator[tuple[int, int]]:
    lowered = text.translate(_ASCII_LOWER)
    if not may_hold_figure(lowered):
        return
    for match in _AGE.finditer(text):
        yield match.start(), match.end()
    ages = [(m.start(), m.end()) for m in _AGED.finditer(text)]
    yield from ages
    found: list[tuple[int, int]] = []
    pos = 0
    while (figure := _FIGURE.search(lowered, pos)) is not None:
        start, end = figure.start(), figure.end()
        pos = end
        # A modifier such as "by" or "to" belongs to the verb, not the amount.
        lead = _LEAD.match(lowered, start, end)
        if lead:
            start = lead.end()
        words = [(m.start(), m.end()) for m in _WORDS.finditer(text, start, end)]
        # "in 2015 after three albums": the noun phrase stops at a function word, and
        # the search goes on from there.
        if len(words) > 2 and _word(text, words[-2]) in _CUT:
            pos = words[-2][0]
            words = words[:-2]
        words = _noun_phrase(text, words)
        if not words:
            continue
        end = words[-1][1]
        while end > start and text[end - 1] in ",;:’'-–— ":
            end -= 1
        if _not_a_figure(text, lowered, start, end) or any(a <= start < b for a, b in ages):
            continue
        out_of = _OUT_OF.match(text, end)
        if out_of:
            end = pos = out_of.end()  # "23 points from a possible 60"
        # "11 goals in 17 league games", "12th time in 13 appearances": one figure
        # (but not "7.1% in 2005-6").
        value = text[start:end]
        if (
            found
            and text[found[-1][1] : start] == " in "
            and _COUNTED.match(value)
            and _COUNTED.match(text[found[-1][0] : found[-1][1]])
        ):
            found[-1] = (found[-1][0], end)
            continue
        found.append((start, end))
    yield from found


def shorten_figure(text: str, start: int, end: int) -> int | None:
    """The end of the figure that starts at ``start`` if it must stop at ``end`` (where
    a date begins), or None if no figure is left: "£342m a year" before "a year earlier"."""
    words = [(m.start(), m.end()) for m in _WORDS.finditer(text, start, end)]
    while words and _word(text, words[-1]) in _STOP:
        words.pop()
    if not words:
        return None
    end = words[-1][1]
    value = text[start:end].rstrip(",;:")
    lowered = value.lower()
    if _YEAR_ONLY.match(value) or _BARE.match(lowered) or not _HAS_AMOUNT.search(lowered):
        return None
    return start + len(value)


# Capitalised words that may describe what a figure counts.
_ADJECTIVES = DEMONYMS | vocabulary.words("figure_adjectives")
_POSSESSIVES = vocabulary.words("possessive_determiners")
_MODEL = re.compile(r"\b[A-Z][A-Za-z]+ $")
_COUNTED = re.compile(r"^\S+\s+(?-i:[a-z])")
_LONE_SPAN = re.compile(r"^(?:a|an)\s+(?:year|month|week|decade)$")


def _word(text: str, span: tuple[int, int]) -> str:
    return text[span[0] : span[1]].strip(",;:").lower()
