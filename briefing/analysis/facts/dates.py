"""Dates and times: calendar dates, weekdays, years and relative expressions."""

from __future__ import annotations

import re
from collections.abc import Iterator

from briefing.analysis.facts import vocabulary

__all__ = ["find_dates"]

# The patterns are written in lower case and run over an ASCII-lower-cased copy of the
# text: case-insensitive matching without IGNORECASE, which doubles the time the
# pattern takes to compile at every start of the command line.
_SPELT_OUT = vocabulary.words("full_months") | {"May"}
# Months (abbreviations with or without their dot) and days, from the word lists.
_MONTH = "(?:{})".format(
    "|".join(
        m.lower() if m in _SPELT_OUT else rf"{m.lower()}\.?" for m in vocabulary.ordered("months")
    )
)
_DAY = "(?:{})".format("|".join(d.lower() for d in vocabulary.ordered("days")))
_ORD = r"\d{1,2}(?:st|nd|rd|th)?"
# Years from 1500 ("in 1780"), with the counts that look like one kept out below.
_YEAR = r"(?:1[5-9]\d\d|20\d\d)"
_NUM = (
    r"(?:\d+|a|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|a few|"
    r"a couple of)"
)
_UNIT = (
    r"(?:year|month|week|day|hour|decade|century|season|quarter|weekend|summer|winter|spring|"
    r"autumn|fall)"
)

_ORDINAL_WORD = (
    r"(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|"
    r"thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|"
    r"twenty-first)"
)
_NAMED_DAYS = vocabulary.alternation(
    tuple(d.lower() for d in vocabulary.ordered("named_days"))
).replace("'", "[’']")

_PATTERNS = [
    # 4 September 2024, September 4 and 5, Sept. 4, 2024, February 1st
    rf"{_ORD}(?:\s*(?:-|–|and|to)\s*{_ORD})?\s+{_MONTH}(?:,?\s+{_YEAR})?",
    rf"{_MONTH}\s+{_ORD}(?:\s*(?:-|–|and|to)\s*{_ORD})?(?:,?\s+{_YEAR})?(?!\d|,\d)",
    # "June, August, September and November", "May 2004", "March 2005"
    rf"(?:(?:early|late|mid|mid-|the end of|the start of|the beginning of)\s*)?"
    rf"{_MONTH}(?:\s*,\s*{_MONTH})*(?:\s+(?:and|or|to)\s+{_MONTH})?(?:\s+{_YEAR})?",
    # weekdays, with their part of day
    rf"(?:(?:last|next|this|on|late|early|later\s+on|earlier\s+on)\s+)?{_DAY}"
    rf"(?:\s+(?:morning|afternoon|evening|night))?",
    # "the three months to September", "the year to March 2005", "the 26 weeks to 28 August"
    rf"the\s+(?:{_NUM}\s+)?{_UNIT}s?\s+(?:to|ending|ended)\s+(?:{_ORD}\s+)?{_MONTH}"
    rf"(?:\s+{_ORD}(?![\d,]))?(?:,?\s+{_YEAR})?",
    # "between 2015 and 2021", "from 1998 to 2003"
    rf"(?:between\s+{_YEAR}\s+and|from\s+{_YEAR}\s+(?:to|until))\s+{_YEAR}",
    # "the end of 2005", "mid-2005", "2005-6", "in the 1990s"
    rf"(?:the\s+(?:end|start|beginning|middle|first\s+half|second\s+half)\s+of\s+"
    rf"(?:the\s+|its\s+|their\s+|next\s+|last\s+|this\s+)?(?:financial\s+|fiscal\s+|"
    rf"calendar\s+)?)"
    rf"(?:{_YEAR}|year|month|decade|century)",
    rf"mid-{_YEAR}",
    # centuries: "the 18th century", "the early 20th century", "the fifth century"
    rf"the\s+(?:(?:early|late|mid)[\s-]+)?(?:\d{{1,2}}(?:st|nd|rd|th)|{_ORDINAL_WORD})[\s-]+century",
    # days named for what falls on them ("tax day", "election day") and attacks named by
    # their date ("9/11", "7/7"): calendar references, not odds or counts
    rf"(?:{_NAMED_DAYS})(?![\w/])",
    rf"(?<![\d$£€.,])(?:{_YEAR}(?:\s*[-–/]\s*(?:\d{{2}}|\d{{4}}|\d)\b)?|the\s+(?:1[5-9]\d|20\d)0s|\d0s)"
    rf"(?![\d.,]*\s*(?:%|per\s*cent|m\b|bn\b|million|billion|people|votes|jobs|workers|"
    rf"members|units|copies|homes|cars|troops|tonnes|metres|km|miles|feet|points|pounds|"
    rf"dollars|euros))",
    # relative expressions
    rf"(?:(?:late|early)\s+)?(?:earlier|later|last|next|this|the\s+same|the\s+previous|"
    rf"the\s+current|the\s+coming|the\s+past|the\s+last|the\s+next|the\s+following)\s+"
    rf"(?:{_NUM}\s+)?{_UNIT}s?(?!\s*-)",
    rf"(?:earlier|later|early|late)\s+(?:this|next|last|that)\s+{_UNIT}",
    rf"{_NUM}\s+{_UNIT}s?\s+(?:ago|earlier|later|before|from\s+now)",
    r"\b(?:today|yesterday|tomorrow|tonight|this\s+morning|this\s+afternoon|this\s+evening|"
    r"last\s+night|overnight)\b",  # not "recently", "nowadays": too vague to be a key fact
    r"(?:on|at|over)\s+the\s+weekend",
    rf"over\s+the\s+(?:next|past|last|coming)\s+(?:{_NUM}\s+)?{_UNIT}s?",
    rf"in\s+recent\s+{_UNIT}s",
    # clock times: "8:30", "2:38 a.m.", "6am", "10.30pm"
    r"(?<![\d$£€.,])(?:(?:[01]?\d|2[0-3]):[0-5]\d(?:\s*(?:a\.m\.|p\.m\.|am|pm))?(?![\d%])"
    r"|(?:1[0-2]|0?[1-9])(?:[.:][0-5]\d)?\s*(?:a\.m\.|p\.m\.|am\b|pm\b))",
]
# Every way a date can begin (a prefix of its first word): a look-ahead that turns
# away most word starts at once, where the alternation would try each pattern in turn
# (half the cost of the search). It must let through every start that ``_PATTERNS``
# can match at: tests/test_facts_guards.py holds it to the pattern without it.
_STARTS = "|".join(
    (
        r"\d|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun",
        r"early|late|mid|the|last|next|this|on\s|earlier|between|from|a\s|at\s|over|in\s",
        r"one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several",
        r"today|yesterday|tomorrow|tonight|overnight",
        # the named days ("tax day", "st patrick's day", "9/11"): their first word's
        # first three letters
        *sorted({re.escape(d.lower().split()[0][:3]) for d in vocabulary.ordered("named_days")}),
    )
)
DATE_BODY = "(?:" + "|".join(f"(?:{p})" for p in _PATTERNS) + r")\b"
_DATE = re.compile(rf"\b(?={_STARTS}){DATE_BODY}")
_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")
# Month names that are also ordinary words need a number or a cue.
_AMBIGUOUS = re.compile(r"^(?:may|march|mar|jan|sep|dec|oct|nov|aug|jun|jul|apr|feb)\.?$")
_MONTH_ONLY = re.compile(rf"^{_MONTH}$")


_ANCHOR = re.compile(
    r"\d|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun|"
    r"year|month|week|day|hour|decade|centur|season|quarter|summer|winter|spring|autumn|fall|today|"
    r"yesterday|tomorrow|tonight|this|last|overnight|recent|nowadays|ago|eve\b)"
)


# A month that is also a word ("may", "march") is a date after one of these.
_MONTH_CUE = re.compile(
    r"\b(?:in|since|until|till|by|from|last|next|this|early|late|mid|of|before|after|during|"
    r"throughout|between)\s+$"
)
_SENTENCE_OPEN = re.compile(r"^[\s\"“‘'(]*$")
_DAYS = vocabulary.words("days")
# "Sheffield Wednesday", "Ash Wednesday": a capitalised word right before a day names a
# club or a feast, unless it is a cue written at the start of a sentence ("On Monday").
_NAME_BEFORE = re.compile(r"(?<![\w’'-])([A-Z][a-z]+) $")
_DAY_CUES = vocabulary.words("day_cues")


def _part_of_a_name(text: str, start: int) -> bool:
    before = _NAME_BEFORE.search(text, max(0, start - 30), start)
    return before is not None and before.group(1) not in _DAY_CUES


def find_dates(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each date expression in ``text``, longest first at each place."""
    lowered = text.translate(_ASCII_LOWER)
    if not _ANCHOR.search(lowered):
        return
    for match in _DATE.finditer(lowered):
        value = text[match.start() : match.end()]
        if value in ("Today", "Tonight") and not _SENTENCE_OPEN.match(text, 0, match.start()):
            # "the Today programme": a title.
            continue
        if value in _DAYS and _part_of_a_name(text, match.start()):
            continue
        if value in ("March", "May"):
            # "in March", "until May": the month; "Theresa May", "may go": not.
            if _MONTH_CUE.search(lowered, max(0, match.start() - 12), match.start()):
                yield match.start(), match.end()
            continue
        if _AMBIGUOUS.match(value.lower()) or (
            _MONTH_ONLY.match(value.lower()) and not value[0].isupper()
        ):
            # "may" the verb, "march" the walk; a lone abbreviation is too risky.
            continue
        yield match.start(), match.end()
