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
    "acronym_expansions",
    "acronym_of",
    "is_acronym",
    "short_form_of",
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
    Foods Stores Brands Homes Resources Mining Solutions Ventures Properties Hotels Retail
    Logistics Pharma Therapeutics Biotech Robotics Aerospace Shipping Railways Utilities
    Democrats Republicans Socialists Liberals Nationalists Greens Team FC AFC House Infirmary
    Clinic Prize Marathon Expo
    """.split()
)
ORG_HEADS = frozenset(
    """
    Ministry Department Association University Bank Office Court Institute Council Federation
    Union Church Order House Board Commission Committee Agency Organisation Organization
    Society League College School Academy Museum Royal National International Federal
    Chamber Chambers
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
    discounter discounters insurers lenders retailers supermarkets carmakers airlines banks firms
    companies groups charities bands clubs parties unions newspapers broadcasters manufacturers
    journal website
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

# The words after a company's own name that copy drops: "Harlow Foods" is "Harlow".
COMPANY_FORMS = frozenset(
    """
    Inc Ltd Limited Incorporated plc PLC Plc Co Corp Corporation Company Group Holdings LLC
    LLP AG SA NV GmbH Foods Stores Brands Labs Laboratories Industries Motors Airlines Airways
    Systems Technologies Pharmaceuticals Pharma Software Enterprises Bancorp Partners Capital
    Financial Insurance Investments Securities Resources Energy Mining Ventures Properties
    Hotels Retail Logistics Therapeutics Biotech Robotics Aerospace Shipping
    """.split()
)
# The last word of a sports club's name after a place: "Blackburn Rovers", "Hull City".
CLUB_WORDS = frozenset(
    "United City Rovers Wanderers Athletic Albion Rangers Hotspur Town County Argyle Orient".split()
)
# The first word of one before a place: "Real Madrid", "AC Milan", "Dynamo Kyiv".
CLUB_HEADS = frozenset("Real Atletico Inter AC FC Sporting Dynamo Dinamo Olympique".split())
# Lower-case nouns right after a name that make it a body: "the Lyons review", "the
# Green Meadow festival" (part of the name), "the Sony group" (not part of it).
ORG_NOUNS_AFTER = {
    "festival": True,
    "review": True,
    "inquiry": True,
    "company": False,
    "group": False,
    "firm": False,
    "party": False,
    "band": False,
    "charity": False,
    "airline": False,
    "club": False,
    "union": False,
    "agency": False,
    "organisation": False,
    "organization": False,
    "newspaper": False,
    "magazine": False,
    "label": False,
    "studio": False,
    "consortium": False,
    "conglomerate": False,
    "carmaker": False,
    "retailer": False,
    "broadcaster": False,
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
    if words[-1] == word and word in CLUB_WORDS and word not in ("City", "Town", "County"):
        return True
    if word.isupper():
        return False
    main = [w for w in words if w[:1].isupper()]
    return any(len(w) > len(word) + 1 and w.startswith(word) for w in main[:2])


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


_IN_BRACKETS = re.compile(r"\((?P<acr>[A-Z][A-Za-z0-9.&-]{1,11})\)")
_BACK_TOKEN = re.compile(r"[\w’'&.-]+|,")
_NAME_JOINERS = frozenset("of for and the on in de des du la le & to".split())


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
            # "the New York Stock Exchange's (NYSE) index".
            last, at = run[-1]
            run[-1] = (last[:-2], at)
        # Only up to the nearest "the", and never from a joiner or a comma.
        starts = [
            i
            for i, (word, _) in enumerate(run)
            if word[0].isupper()
            and word not in ("The", "A", "An")
            and (i == 0 or run[i - 1][0] != ",")
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
