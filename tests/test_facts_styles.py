"""Key facts across house styles (agency and tabloid copy as well as the BBC's): one
invented snippet per rule family, one checked case a line (the checks are those of
``test_facts_rules``: "== a | b", "has a", "lacks a", "nopart x")."""

from __future__ import annotations

import pytest
from test_facts_rules import check, facts_of, observed

SNIPPETS = {
    # Speech over several one-sentence paragraphs, closed only at its end.
    "run-on": "'It came at night,' a neighbour said.\n\n'We were not ready for it.\n\nNobody told us the river would rise so fast.\n\n"
    "It was over in an hour,' Nell Parry told the Herald.",
    # A closing mark that ends a paragraph, moved there from the start of the next.
    "stray-mark": "'It was home,' she said. 'It still is.'\n\nRetired nurse Ida Walsh, 71, says the ward has changed beyond recognition.'\n\n"
    "We knew every patient by name.\n\nWe had time for them,' Walsh said.",
    # A photo caption does not continue the quote before it.
    "caption": "'The view is the best in the city,' he told the Times.\n\n'Come and see.\n\n"
    "Skyline: The deck is lit up at night for visitors.\n\nThe deck opens next month.",
    # Double marks nested in speech quoted in single ones, over two paragraphs.
    "nested": "'It is a hard job,' she said. 'Nobody warns you.'\n\n'You learn to say no early.\n\n"
    "Sometimes it's \"Hands off my bag or I'll scream,\" or you just walk away,' Lena Marsh said.",
    # A day after a capitalised word names a club; after a cue it is a date.
    "club-day": "Hulton Wednesday lost 2-1. On Friday the club sacked its coach.",
    # A first name alone, after the full name.
    "given-name": "The prize went to Oren Falk and his wife Dalia.\n\n"
    "'It was a shock to us all,' Oren told reporters.\n\n'We will save it,' Dalia said.",
    # Middle initials.
    "initials": "The plan was approved by Marta J. Olsen, the board's chairwoman, and by "
    "T. Rufus Keane.",
    # An age, then the role.
    "age-role": "Ben Acre, 34, a teacher at Hollins Primary, said the roof leaked.",
    # A body by the office held in it.
    "officer-of": "Marcus Dunmore, the chairman of Cobble Hospitality, said sales rose.",
    # Events and competitions are bodies; time zones and conditions are not.
    "events": "She won the Fenwick Invitational and the Harbour Classic before the Tasman "
    "Challenge, which airs at 9pm ET.",
    "not-bodies": "He was treated for PTSD and ALS after CCTV caught the attack.",
    # A kind of body right after the name.
    "noun-after": "A Tallow poll found most voters undecided. The Skyvane flight landed safely.",
    # Historical states are places.
    "former-states": "He grew up in the Soviet Union and later lived in Yugoslavia.",
    # Clock times are dates (times), not two figures; years from 1500 are dates.
    "times": "They arrived around 9:15 and left at 6pm. The fort was built in 1791 to guard it.",
    # "at" a venue is no body; "at" after a role, or a name of everyday words, is.
    "at-venue": "Kemp won at Harrow Pines. Lea Bright, an analyst at Corvane believes it.",
    # Photo captions: a fact only a caption carries is left out.
    "captions": "The bridge reopened on Monday.\n\nCrowds: Hundreds of people gathered near "
    "Pellton Quay to watch it open.\n\nIt cost £4m.",
    # Clubs in brackets after a name, as in fixture and manager lists.
    "bracket-club": "Managers under 35: Lee Marden (Leeds) 33.\n\nOla Brin (Hull) 34.",
    # Names that grow: "Omar Reza" and "Omar Reza Haddad" are one person.
    "name-prefix": "Omar Reza Haddad was born at 2am. Doctors said Omar Reza was well.",
    # Compounds of a place or body and a participle are no names.
    "backed": "Nurses should rest more often, Ministry-backed guidance said.",
    # Family words as roles after a possessive, "identified as", "whose son".
    "kin": "She praised her friend Dana Hollis. A retired nurse identified as Margit spoke. "
    "Martin Hale, whose son Tomas was born on Monday, was thrilled.",
    # Places by the words after them; counties missing from the ISO lists.
    "area": "She lived in the Marsby area of Hull. He taught at Ashcombe School, Berkshire.",
    # Titles of rank and police ranks before a name.
    "ranks": "The Marquis de Fontenay sailed in 1791. Det Supt Hana Brook said it was vile.",
    # An initial inside an apposition is no full stop: "a U.K. citizen".
    "uk-citizen": "'It matters,' said Nadia Kerr-Boyle, a U.K. citizen and chemistry student.",
    # "recently" is too vague to be a key fact; a title in quotation marks is no quote.
    "vague": 'Prices rose recently, she told "Morning Desk Live" on Monday.',
    # Ages, family sizes and points "from a possible" total are figures.
    "ages": "The 41-year-old, a mother of three, took 23 points from a possible 60.",
    # A club named after two towns.
    "two-towns": "April 18 Marston and Keld Rovers (H).",
    # Lower-case particles inside a name; one name however capitalised.
    "particles": "The ship carried the Marquis de Fontenay. Li Wen-Hao spoke. Li Wen-hao left.",
    # Whoever is spoken to after "told" is no new speaker for the next quote.
    "listener-newcomer": '"No regrets at all," Dana Pruitt told the BBC\'s Colm Rafter on Monday.\n\n'
    '"He knew it was wrong and he knew I would come for him."',
    # A few words quoted mid-sentence that no one is said to have said: scare quotes.
    "scare": "Posters with slogans like 'aim for the moon' hang in schools. "
    "'It is guff,' said Tom Reyes. 'We owe pupils more than that.'",
    # US titles abbreviated with a full stop, after a state: a title, no name.
    "us-titles": "Oregon Gov. Lena Hart signed the bill. Sen. Ray Cole, D-Oregon, agreed.",
    # Days named for what falls on them, attacks named by their date, centuries, decades.
    "named-days": "Queues formed on Tax Day. Since 9/11 the tower has stood empty; it was "
    "built in the 1500s and rebuilt in the 19th century. Odds were 3/1.",
    # An age written twice is one figure; an emergency number is none.
    "age-twice": "Nell Corbin, 52, was hurt. The 52-year-old called 911 at once.",
    # Flight numbers, American ranks, ages by decade of life.
    "us-figures": "The crew of flight 4411 were safe. Kemp is No. 88 in the world. "
    "Police said the man was in his early thirties.",
    # US dates: "March 12," with a comma after the day.
    "us-date": "The ferry sank on March 12, the coastguard said.",
}

CASES = [
    ("run-on", "quotes", "== 2"),
    ("run-on", "speaker:We were not ready", "== Nell Parry"),
    (
        "run-on",
        "quote",
        "has We were not ready for it. Nobody told us the river would rise so"
        " fast. It was over in an hour,",
    ),
    ("stray-mark", "quotes", "== 3"),
    ("stray-mark", "quote", "has We knew every patient by name. We had time for them,"),
    ("stray-mark", "speaker:We knew every", "== Ida Walsh"),
    ("nested", "quotes", "== 3"),
    (
        "nested",
        "quote",
        "has You learn to say no early. Sometimes it's \"Hands off my bag or I'll scream,\""
        " or you just walk away,",
    ),
    ("nested", "speaker:You learn to say no", "== Lena Marsh"),
    ("club-day", "date", "== On Friday"),
    ("caption", "quote", "nopart Skyline"),
    ("caption", "quote", "nopart deck"),
    ("given-name", "speaker:It was a shock to us", "== Oren Falk"),
    ("given-name", "person", "lacks Dalia Falk"),
    ("initials", "person", "== Marta J. Olsen | T. Rufus Keane"),
    ("initials", "role:Marta J. Olsen", "== board's chairwoman"),
    ("age-role", "role:Ben Acre", "== teacher at Hollins Primary"),
    ("officer-of", "organisation", "== Cobble Hospitality"),
    ("officer-of", "role:Marcus Dunmore", "== chairman of Cobble Hospitality"),
    ("events", "organisation", "== Fenwick Invitational | Harbour Classic | Tasman Challenge"),
    ("not-bodies", "organisation", "=="),
    ("noun-after", "organisation", "== Tallow | Skyvane"),
    ("former-states", "place", "== Soviet Union | Yugoslavia"),
    ("former-states", "organisation", "=="),
    ("us-date", "date", "== March 12"),
    ("named-days", "date", "== Tax Day | 9/11 | the 1500s | the 19th century"),
    ("named-days", "figure", "== 3/1"),
    ("age-twice", "figure", "== 52-year-old"),
    ("age-twice", "count:figure", "== 1"),
    ("us-figures", "figure", "== flight 4411 | No. 88 | early thirties"),
    ("us-titles", "person", "== Lena Hart | Ray Cole"),
    ("us-titles", "role:Lena Hart", "== Oregon Gov."),
    ("us-titles", "role:Ray Cole", "has D-Oregon"),
    ("scare", "quote", "nopart aim for the moon"),
    ("scare", "quotes", "== 2"),
    ("particles", "person", "== de Fontenay | Li Wen-Hao"),
    ("listener-newcomer", "speaker:He knew it was wrong", "== Dana Pruitt"),
    ("vague", "date", "== on Monday"),
    ("vague", "quotes", "== 0"),
    ("ages", "figure", "== 41-year-old | mother of three | 23 points from a possible 60"),
    ("two-towns", "organisation", "== Marston and Keld Rovers"),
    ("times", "date", "== 9:15 | 6pm | 1791"),
    ("captions", "place", "=="),
    ("captions", "figure", "== £4m"),
    ("bracket-club", "organisation", "== Leeds | Hull"),
    ("name-prefix", "person", "== Omar Reza Haddad"),
    ("backed", "person", "=="),
    ("kin", "role:Dana Hollis", "== friend"),
    ("kin", "role:Margit", "== retired nurse"),
    ("kin", "role:Martin Hale", "== parent of Tomas"),
    ("area", "place", "== Marsby | Hull | Berkshire"),
    ("ranks", "person", "has Hana Brook"),
    ("ranks", "role:Hana Brook", "== Det Supt"),
    ("ranks", "place", "=="),
    ("uk-citizen", "role:Nadia Kerr-Boyle", "has U.K. citizen and chemistry student"),
    ("times", "figure", "=="),
    ("at-venue", "organisation", "== Corvane"),
    ("at-venue", "role:Lea Bright", "== analyst at Corvane"),
]


@pytest.mark.parametrize(
    ("snippet", "what", "expectation"),
    CASES,
    ids=[f"{s}: {w} {e}"[:90] for s, w, e in CASES],
)
def test_house_style(snippet: str, what: str, expectation: str) -> None:
    check(observed(facts_of(SNIPPETS[snippet]), what), expectation)


def test_every_snippet_has_a_case() -> None:
    assert sorted(SNIPPETS) == sorted({s for s, _, _ in CASES})
