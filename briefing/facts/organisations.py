"""Organisations: the words that mark a name as a body, and acronyms.

A capitalised name is an organisation when its last word is one that bodies
are named with ("Council", "Bank", "Re", "plc"), when it starts like one
("Ministry of …", "University of …"), when it is an acronym, when the copy
calls it one ("insurer Allianz", "Allianz, the German insurer,"), or when a
nearby "(ABC)" gives its acronym.
"""

from __future__ import annotations

import re

__all__ = [
    "ACRONYM_STOP",
    "ORG_DESCRIPTORS",
    "ORG_HEADS",
    "ORG_SUFFIXES",
    "WELL_KNOWN",
    "acronym_of",
    "is_acronym",
]

ORG_SUFFIXES = frozenset(
    """
    Council Association Organization Organisation Trust Commission Party Company Corporation
    Corp Inc Ltd Limited Incorporated plc PLC Plc Co LLC LLP AG SA NV GmbH Bank Group Ministry
    Department Agency Authority
    Federation Union Institute Institution University College School Committee Court Service
    Services Board Fund Reserve Foundation Society League Club Office Bureau Forum Assembly
    Parliament Congress Senate Government Administration Cabinet Council Alliance Coalition
    Network Partners Holdings Industries Airlines Airways Motors Systems Technologies Telecom
    Communications Media Pictures Records Studios Entertainment Press Times Post News Journal
    Herald Telegraph Guardian Observer Mail Express Gazette Radio Television TV Channel Magazine
    Research Securities Capital Financial Insurance Investments Exchange Markets Energy Oil Gas
    Petroleum Electric Pharmaceuticals Labs Laboratories Hospital Police Army Navy Force Forces
    Guard Brigade Movement Front Council Re Accelerator Hub Centre Center Program Programme
    Initiative Project Commission Tribunal Conference Summit Festival Awards Games Olympics
    Championship Championships Cup Open Nations Series Tour Academy Museum Library Theatre
    Orchestra Band Brothers Sisters Group Mobile Wireless Software Computer Computers Online
    Bancorp Enterprises Consortium Cooperative Co-operative Directorate Inspectorate Council
    Secretariat Division Unit Command Lab Office Trust Review Inquiry Commission Partnership
    """.split()
)
ORG_HEADS = frozenset(
    """
    Ministry Department Association University Bank Office Court Institute Council Federation
    Union Church Order House Board Commission Committee Agency Organisation Organization
    Society League College School Academy Museum Royal National International Federal
    """.split()
)
# Lower-case nouns that, just before a name, say what kind of body it is.
ORG_DESCRIPTORS = frozenset(
    """
    company firm group insurer reinsurer bank lender carrier airline operator broadcaster
    network newspaper paper magazine agency retailer supermarket chain maker manufacturer
    carmaker giant bookmaker bookmakers bookmaker's band label studio club side team charity
    party union regulator watchdog body organisation organization publisher developer firm's
    producer distributor brewer miner telecoms conglomerate investor fund consultancy consultants
    """.split()
)
# Acronyms that are words of the trade, not bodies.
ACRONYM_STOP = frozenset(
    """
    TV PR CEO CFO COO CTO MP MPs MEP MEPs GDP GNP PC PCs PM AM FM DJ DVD CD CDs GM IT AI OK UK US
    USA EU A B C D E F I II III IV V VI VII X HIV AIDS SMS MMS GPS PIN ID IQ VAT VIP MBA PhD QC
    BC AD SUV UFO UN ATM ATMs USB HD LCD PDA PDAs MP3 MP3s RAM CPU WWW HTML PDF NHS OBE MBE CBE
    KO UAE DRC DPRK AGM IPO IPOs CEOs MVP RPG FTSE NYSE GMT BST EST PST CET AM PM IVF DNA
    """.split()
)
# Bodies so well known that news copy never spells them out.
WELL_KNOWN = {
    "UN": "United Nations",
    "EU": "European Union",
    "Nato": "North Atlantic Treaty Organization",
    "NATO": "North Atlantic Treaty Organization",
    "IMF": "International Monetary Fund",
    "WTO": "World Trade Organization",
    "WHO": "World Health Organization",
    "Opec": "Organization of the Petroleum Exporting Countries",
    "OPEC": "Organization of the Petroleum Exporting Countries",
    "FBI": "Federal Bureau of Investigation",
    "CIA": "Central Intelligence Agency",
    "BBC": "British Broadcasting Corporation",
    "NHS": "National Health Service",
    "FIFA": "Fédération Internationale de Football Association",
    "Fifa": "Fédération Internationale de Football Association",
    "Uefa": "Union of European Football Associations",
    "UEFA": "Union of European Football Associations",
    "IOC": "International Olympic Committee",
    "ECB": "European Central Bank",
    "Interpol": "International Criminal Police Organization",
    "Unicef": "United Nations Children's Fund",
    "UNICEF": "United Nations Children's Fund",
    "Unesco": "United Nations Educational, Scientific and Cultural Organization",
    "ASEAN": "Association of Southeast Asian Nations",
    "Asean": "Association of Southeast Asian Nations",
    "G8": "Group of Eight",
    "G7": "Group of Seven",
    "G20": "Group of Twenty",
}
# Names of political parties and bodies that carry no marking word.
BARE_BODIES = frozenset(
    """
    Labour Tories Tory Conservatives Liberal-Democrats Democrats Republicans Taliban Hamas
    Hezbollah Fatah Kremlin Pentagon Congress Parliament Senate Commons Lords Whitehall
    Interpol Europol Microsoft Google Apple Amazon Facebook Sony Nintendo Samsung Nokia Intel
    IBM Yahoo eBay Vodafone Toyota Honda Nissan Boeing Airbus Ryanair easyJet Reuters Bloomberg
    Shell BP Gazprom Yukos Tesco Sainsbury's Unilever Nestle Siemens Philips Oxfam Greenpeace
    """.split()
)

_ACRONYM = re.compile(r"^(?:[A-Z][A-Z0-9&]{1,6}s?|(?:[A-Z]\.){2,6}|[A-Z][a-z]?[A-Z][A-Za-z]{0,4})$")
_SKIP_INITIAL = frozenset("of for and the in on at to de du la le des del der von van &".split())


def is_acronym(word: str) -> bool:
    return bool(_ACRONYM.match(word)) and sum(c.isupper() for c in word) >= 2


def acronym_of(name: str, acronym: str) -> bool:
    """Whether ``acronym`` abbreviates ``name``: "SCO" for "Shanghai Cooperation Organization".

    Initials of the main words must spell the acronym; minor words ("of",
    "the") may or may not count, and a word may give two letters ("ITPC" for
    "Iraqi Telecommunications and Post Company" counts "and" out).
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
