"""Figures: amounts with their unit or noun ("$4.2bn", "between 4,000 and 6,000
members", "a quarter of a percentage point", "twofold increase", "43 years")."""

from __future__ import annotations

import re
from collections.abc import Iterator

__all__ = ["find_figures"]

_NUMWORD = (
    r"(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|"
    r"sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|"
    r"ninety|hundred|dozens|hundreds|thousands|millions|billions|a\s+dozen|a\s+hundred|"
    r"a\s+thousand|a\s+million|a\s+billion)(?:[-\s](?:one|two|three|four|five|six|seven|eight|"
    r"nine|hundred|thousand|million|billion))*"
)
_DIGITS = r"\d+(?:[,.]\d+)*"
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
_STOP = frozenset(
    """
    of the a an and or to in on at by for from with as that this than is are was were be been
    has have had will would could should may might can it its their his her who which when
    while after before said says more less per each ago earlier later since until into over
    under about between among also not but so if because during against times do did does
    all new up out off down back just only now then there here they we you he she i them us
    me him our your my what how why where such both own last next
    """.split()
)
_NOUN = r"(?-i:[a-z])[\w’'-]*"
_NOUN_PHRASE = rf"(?:\s+{_NOUN}(?:\s+{_NOUN})?)"

# Each alternative may follow one modifier ("about", "at least", …), matched once in front.
_PATTERNS = [
    # money: "$4.2bn (£2.2bn)", "£100 lump sum", "1,546 trillion rials ($175.6bn; £93.6bn)"
    rf"(?:US|A|C|HK|NZ)?[$£€¥]\s?{_DIGITS}{_SCALE}?"
    rf"(?:\s*(?:-|–|to|and)\s*[$£€¥]?{_DIGITS}{_SCALE}?)?{_CONVERSION}"
    rf"(?:\s+(?:lump\s+sum|a\s+year|a\s+month|a\s+week|a\s+day|each|apiece))?",
    rf"{_DIGITS}{_SCALE}?\s+{_CURRENCY_WORD}{_CONVERSION}",
    # percentages and points
    rf"{_DIGITS}\s?(?:%|per\s?cent|percent)(?:\s+(?:stake|share|rise|fall|increase|"
    rf"drop|cut|growth|decline|jump|gain|of\s+the\s+vote))?",
    rf"(?:a\s+)?(?:quarter|half|{_NUMWORD}|{_DIGITS})(?:\s+of\s+a)?[\s-]percentage[\s-]points?"
    rf"(?:\s+(?:rises?|cuts?|falls?|increases?))?",
    # ranges: "between 4,000 and 6,000 members"
    rf"between\s+{_DIGITS}{_SCALE}?\s+and\s+{_DIGITS}{_SCALE}?{_NOUN_PHRASE}?",
    # ages and spans as adjectives: "83-year-old", "40-year lows", "three-day event"
    rf"(?:{_DIGITS}|{_NUMWORD}|one|a)-(?:year|month|week|day|hour|minute|mile|metre|point|"
    rf"game|match|seat|member|strong|man|woman)(?:-old)?(?:\s+{_NOUN})?",
    # multiples: "twofold increase"
    rf"(?:{_NUMWORD}|\d+)-?fold(?:\s+{_NOUN})?",
    # fractions: "a third", "one-sixth", "half their bill"
    rf"(?:a|one|two|three)[\s-](?:third|quarter|fifth|sixth|seventh|eighth|tenth)s?"
    rf"(?=\W)(?:\s+of\s+(?:the\s+|their\s+|its\s+)?{_NOUN})?",
    # ordinals with their noun: "fifth time", "10th regional anti-terrorism conference"
    rf"{_ORDINAL}(?:\s+{_NOUN}){{0,3}}?\s+(?:time|term|year|place|title|round|seed|win|victory|"
    rf"defeat|rise|cut|increase|quarter|conference|summit|meeting|election|edition|day|week|"
    rf"month|season|race|goal|attempt|anniversary|largest|biggest|highest|lowest|consecutive|"
    rf"straight|successive|cap|birthday|album|single|hit|medal|appearance|game|match|test)\b",
    # scores: "won 6-3 6-4", "a 2-1 win"; betting odds: "3/1"
    r"\d{1,2}-\d{1,2}(?:,?\s+\d{1,2}-\d{1,2})*(?=\s+(?:win|victory|defeat|draw|lead|loss)|\W|$)",
    r"\d{1,3}/\d{1,3}(?![/\d])",
    # rankings: "top 10", "world number three", "the last eight"
    rf"(?:top|last)\s+(?:\d+|{_NUMWORD})\b",
    rf"(?:world\s+)?number\s+(?:one|\d+|{_NUMWORD})\b",
    # digit ordinals with whatever they count: "25th birthday", "999th"
    rf"\d+(?:st|nd|rd|th)\b(?:\s+{_NOUN}){{0,2}}",
    # numbers with their noun: "at least 38,000 people", "two telephone licences", "43 years"
    rf"{_DIGITS}{_SCALE}?(?:\s*(?:-|–|to)\s*{_DIGITS}{_SCALE}?)?{_NOUN_PHRASE}?",
    rf"{_NUMWORD}{_NOUN_PHRASE}",
    r"(?:one|a|an)\s+(?:year|month|week|decade)s?\b",
]
_FIGURE = re.compile(
    rf"(?<![\w$£€¥.,]){_MODIFIER}(?:" + "|".join(f"(?:{p})" for p in _PATTERNS) + r")",
    re.IGNORECASE,
)
_YEAR_ONLY = re.compile(r"^(?:1[89]\d\d|20\d\d)$")
_BARE = re.compile(
    r"^(?:\d+(?:[,.]\d+)*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
    r"\w+teen|\w+ty|hundreds?|thousands?|millions?|billions?|dozens?)$",
    re.IGNORECASE,
)
_HAS_AMOUNT = re.compile(
    r"\d|fold|quarter|half|third|sixth|fifth|eighth|tenth|percentage|two|three|four|five|six|"
    r"seven|eight|nine|ten|eleven|twelve|teen|ty\b|hundred|thousand|million|billion|dozen|"
    r"year|month|week|decade",
    re.IGNORECASE,
)
# The figure pattern is costly to run everywhere; most sentences hold no amount at all.
_ANCHOR = re.compile(
    r"\d|\b(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\w+teen|\w+ty|hundred|"
    r"thousand|million|billion|dozen|half|quarter|third|sixth|eighth|tenth|second|fifth|\w+fold|"
    r"one|a\s+(?:year|month|week|decade))",
    re.IGNORECASE,
)
_LEAD = re.compile(r"(?:by|to|only)\s+", re.IGNORECASE)
_WORDS = re.compile(r"\S+")


# An age set off by commas after a name: "Thanou, 30, was suspended".
_AGE = re.compile(r"(?<=[A-Za-z], )\d{1,3}(?=,)")


def find_figures(text: str) -> Iterator[tuple[int, int]]:
    if not _ANCHOR.search(text):
        return
    for match in _AGE.finditer(text):
        yield match.start(), match.end()
    for match in _FIGURE.finditer(text):
        start, end = match.start(), match.end()
        # A modifier such as "by" or "to" belongs to the verb, not the amount.
        lead = _LEAD.match(text, start, end)
        if lead:
            start = lead.end()
        # Trim the noun phrase back to its last word that is not a function word.
        words = [(m.start(), m.end()) for m in _WORDS.finditer(text, start, end)]
        while len(words) > 1 and text[words[-1][0] : words[-1][1]].strip(",;:").lower() in _STOP:
            words.pop()
        if not words:
            continue
        end = words[-1][1]
        while end > start and text[end - 1] in ",;:":
            end -= 1
        value = text[start:end]
        if _YEAR_ONLY.match(value) or _BARE.match(value) or not _HAS_AMOUNT.search(value):
            continue
        if _AGE.match(text, start) and end - start <= 3:
            continue
        yield start, end
