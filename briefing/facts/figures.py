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
    r"(?:dollars|euros|pounds|yen|yuan|rials|rupees|roubles|rubles|francs|pesos|won|dinars|"
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
_STOP = (
    r"(?:of|the|a|an|and|or|to|in|on|at|by|for|from|with|as|that|this|than|is|are|was|were|"
    r"be|been|has|have|had|will|would|could|should|may|might|can|it|its|their|his|her|who|"
    r"which|when|while|after|before|said|says|more|less|per|each|ago|earlier|later|since|"
    r"until|into|over|under|about|between|among|also|not|but|so|if|because|during|against|"
    r"times|do|did|does|all|new|up|out|off|down|back|just|only|now|then|there|here|they|we|"
    r"you|he|she|i|them|us|me|him|our|your|my|what|how|why|where|such|both|own|last|next)"
)
_NOUN = rf"(?!{_STOP}\b)(?!\d)(?-i:[a-z])[\w’'-]*(?:-[a-z]+)?"
_NOUN_PHRASE = rf"(?:\s+{_NOUN}(?:\s+{_NOUN})?)"

_PATTERNS = [
    # money: "$4.2bn (£2.2bn)", "£100 lump sum", "1,546 trillion rials ($175.6bn; £93.6bn)"
    rf"{_MODIFIER}(?:US|A|C|HK|NZ)?[$£€¥]\s?{_DIGITS}{_SCALE}?"
    rf"(?:\s*(?:-|–|to|and)\s*[$£€¥]?{_DIGITS}{_SCALE}?)?{_CONVERSION}"
    rf"(?:\s+(?:lump\s+sum|a\s+year|a\s+month|a\s+week|a\s+day|each|apiece))?",
    rf"{_MODIFIER}{_DIGITS}{_SCALE}?\s+{_CURRENCY_WORD}{_CONVERSION}",
    # percentages and points
    rf"{_MODIFIER}{_DIGITS}\s?(?:%|per\s?cent|percent)(?:\s+(?:stake|share|rise|fall|increase|"
    rf"drop|cut|growth|decline|jump|gain|of\s+the\s+vote))?",
    rf"{_MODIFIER}(?:a\s+)?(?:quarter|half|{_NUMWORD}|{_DIGITS})\s+(?:of\s+a\s+)?percentage[\s-]points?"
    rf"(?:\s+(?:rises?|cuts?|falls?|increases?))?",
    rf"{_MODIFIER}(?:a\s+)?(?:quarter|half)[\s-]percentage[\s-]points?(?:\s+(?:rises?|cuts?))?",
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
    rf"{_ORDINAL}(?:\s+(?!{_STOP}\b)[a-z][\w-]*){{1,3}}?\s+(?:time|term|year|place|title|"
    rf"round|seed|win|victory|defeat|rise|cut|increase|quarter|conference|summit|meeting|"
    rf"election|edition|day|week|month|season|race|goal|attempt|anniversary|largest|biggest|"
    rf"consecutive|straight)\b",
    rf"{_ORDINAL}\s+(?:time|term|place|title|round|seed|win|victory|rise|cut|increase|"
    rf"conference|summit|meeting|election|edition|anniversary|straight|consecutive|largest|"
    rf"biggest|highest|lowest|successive)\b",
    # numbers with their noun: "at least 38,000 people", "two telephone licences", "43 years"
    rf"{_MODIFIER}{_DIGITS}{_SCALE}?(?:\s*(?:-|–|to)\s*{_DIGITS}{_SCALE}?)?{_NOUN_PHRASE}",
    rf"{_MODIFIER}{_NUMWORD}{_NOUN_PHRASE}",
    rf"{_MODIFIER}(?:one|a|an)\s+(?:year|month|week|decade)s?\b",
    # scores: "won 6-3 6-4", "a 2-1 win"
    r"\d{1,2}-\d{1,2}(?:\s+\d{1,2}-\d{1,2})*(?=\s+(?:win|victory|defeat|draw|lead|loss)|\W|$)",
    # low/high double-digit, bare large numbers with a scale
    rf"{_MODIFIER}{_DIGITS}{_SCALE}",
]
_FIGURE = re.compile(
    r"(?<![\w$£€¥.,])(?:" + "|".join(f"(?:{p})" for p in _PATTERNS) + r")", re.IGNORECASE
)
_YEAR_ONLY = re.compile(r"^(?:1[89]\d\d|20\d\d)$")
_TRAILING = re.compile(r"[\s,;:]+$")


# The figure pattern is costly to run everywhere; most sentences hold no amount at all.
_ANCHOR = re.compile(
    r"\d|\b(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\w+teen|\w+ty|hundred|"
    r"thousand|million|billion|dozen|half|quarter|third|sixth|eighth|tenth|second|fifth|\w+fold|"
    r"one|a\s+(?:year|month|week|decade))",
    re.IGNORECASE,
)


def find_figures(text: str) -> Iterator[tuple[int, int]]:
    if not _ANCHOR.search(text):
        return
    for match in _FIGURE.finditer(text):
        value = match.group()
        if _YEAR_ONLY.match(value.strip()):
            continue
        end = match.start() + len(_TRAILING.sub("", value))
        # A modifier such as "by" or "to" belongs to the verb, not the amount.
        start = match.start()
        lead = re.match(r"(?:by|to|only)\s+", value, re.IGNORECASE)
        if lead:
            start += lead.end()
        if not any(c.isdigit() for c in value) and not re.search(
            r"(?:fold|quarter|half|third|sixth|fifth|eighth|tenth|percentage|"
            r"two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|teen|ty\b|hundred|"
            r"thousand|million|billion|dozen|year|month|week|decade)",
            value,
            re.IGNORECASE,
        ):
            continue
        yield start, end
