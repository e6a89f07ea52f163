"""Key-facts rules, one made-up snippet each, one checked case a line: places,
organisations, people, roles, speakers, dates and figures in the many forms news
copy writes them.

A case is (snippet, what, expectation). ``what`` is a kind ("place": the texts of
that kind, in order) or "quotes" (how many), "speaker:Quote start", "role:Name",
"mentions:kind:Text", "acronym:Text", "sentence:kind:Text", "count:kind[:Text]". The expectation is
"== a | b" (exactly these, in order; "==" alone: none), "has a | b", "lacks a | b",
or "nopart x" (no item contains x). A failure names its snippet and its check.
"""

from __future__ import annotations

from functools import cache

import pytest

from briefing.analysis.facts import KINDS, Fact, extract_facts
from briefing.library.model import Article

SNIPPETS = {
    "sri-lanka": "Aid reached Sri Lanka on Monday. Sri Lankan officials thanked donors. "
    "New York firefighters flew out the same day.",
    "labour": "Labour says it will cut fares. He said Labour would win the vote.",
    "towns": "Dora Quennell, 64, of Tarrowby, Cumbria, won the prize. Her sister lives in "
    "Felsham in Suffolk. The winner was a farmer from Brackenby, Lincolnshire.",
    "list-branch": "Scouts watched Valdoria United, Barcelona and Valencia. "
    "The Northern Front in Iraq claimed the attack.",
    "near": "The bus crashed near Tillinghurst on Sunday, 40km south-west of the town of "
    "Oskaval. Water from the Belka and Orun rivers feeds the lake. "
    "The Varnholt-based charity Greenhollow sent help.",
    "geo": "Storms crossed the North Atlantic and the Southern Ocean, and the Marren Sea froze. "
    "Climbers left Mount Ossery for the Gulf of Tarn. The match was at Ferrow Park. "
    "Director Michael Bay said the film would open in St Lucia.",
    "quorix": "The firm sells Quorix-based phones to schools.",
    "drummer": 'Band drummer Oskarsson told fans: "We will be back next year." '
    "The regulator Ofbrook fined the firm. Champions Norway lost to Peru.",
    "acronyms": "Heavy rain fell, according to the Weather, Water and Climate Service (WWCS). "
    "A spokesman for the Provincial Relief Agency (BPBD) said 12 villages were cut off. "
    "The Union of Bakers, Confectioners and Allied Workers (Ubcaw) called a strike. "
    "Ubcaw officials met on Friday, and the WWCS issued a warning.",
    "and-names": "The Office of Roads and Transport backed the plan. The Marlow Bank and the "
    "Northern Development Fund (NDF) paid for it, with Kestrel and Brightling.",
    "short-names": "Shares in Dunmore Foods fell 4%. Dunmore said sales were weak. "
    "Carlton Rovers beat Oxley United 2-0, and Rovers stay second.",
    "around": "The Pellham review will report in May. Prices were cut by the discounters "
    "Brakko and Fenn. Bookmakers Harcastle said the favourite was clear. The Ondra "
    "group denied it. Velmora's chief executive, Ada Quist, resigned.",
    "acronym-led": '"We did our best," the coach told BBC Radio Wessex. Waits grew, according '
    "to NHS Wales figures. Author JT Harlowe said so.",
    "dateline": "NAIROBI, March 3 - Floods cut the main road, officials said.",
    "single-quotes": "Rescue leader Tom Ashby said: 'She is the toughest walker I have met.\n\n"
    "'She kept talking to herself to stay awake.'\n\n"
    "Her son, Ian Pell, said the drivers' union had helped. 'We owe them a great deal,' "
    "he told reporters. It's a relief, he added, that she was back at Keswick '98 camp.",
    "she-he": "The chair of the trust, Helen Marsh, said the cuts were painful. Defending, "
    'Robert Kaye said his client was sorry. "We are only now recovering," she said.\n\n'
    'Mr Kaye disagreed. "It was a mistake," he said.',
    "listener": 'Coach Lars Brenner was angry. "The ball hit his chest, not his arm," the Dane '
    "told Radio Wessex Sport.",
    "of-body": '"Water should unite us," said Anara Beksultan of the Bishkek-based group Aqua '
    'Asia. "The data are clear," said lead author Professor Wen Liqun of the Institute of '
    "Polar Studies in Harbin.",
    "units": "A magnitude 5.9 earthquake struck about 40km east of the town, at a depth of 8km. "
    "The wall fell about 20ft. A crowd of 18,250 was there. Fendale now has 9 goals in "
    "14 league games, their fourth win in a row. The Under-19 international scored.",
    "noun-phrase": "The band split in 2011 after four albums. It will shut 12 of its smaller "
    "depots. Costs were three times higher. At least seven Labour councillors quit. The "
    "Six Nations title is open. Sales reached 1.2 billion units a year, and prices were "
    "frozen for a year.",
    "gives-way": "Profit fell to £80m, down from £95m a year earlier.",
    "periods": "Sales rose in the 13 weeks to 4 January. He stole the money between 2016 and "
    "2019 and admitted it in March. The alert was lifted two hours later. Theresa May "
    "said she may stay until May. Speaking on the Today programme, he said no.",
    "range": "The vote was 9 to 4. Between 30 and 40 staff were told.",
    "role-forms": "It was praised by Corran director of rugby Evan Tallis. Seventh seed Piet "
    'Varga won. "We will vote no," said Sen. Ada Brisk, D-Ohio. "Print at home," said Ola '
    "Nyberg, top tester at Photo Weekly. The festival's organiser, Rhian Doyle, was pleased. "
    '"It will be close," said Tattons\' Mark Ebdon. Jo Ames, a spokesman for the '
    "Lowland Water Authority (LWA), said supplies were safe.",
    "role-around": "A retired postal worker who found a rare coin has sold it for £80,000.\n\n"
    "Edna Colley, 77, of Daleside, said she would share the money.\n\n"
    "Britain will not pay, Hal Morrow said.\n\nThe foreign secretary told MPs the deal "
    "was dead.\n\nTop-seeded Britons Amy Fenwick and Rosa Laing won.",
    "no-role": "Homeowners now expect prices to climb by 3% within a year, Ali Brand "
    "said. The jury comprised experts and fans. Coach Li Ping said so. Nina Rowe, pictured "
    "at the gala in Paris, smiled.",
    "club": "Dunbridge beat Ashby 2-1 on Saturday. Dunbridge striker Ola Penn scored twice. "
    "Penn joined from former club Oxford. England and Wales drew.",
    "liverpool": "Liverpool striker Ian Rush scored. Flooding hit Liverpool later.",
    "floods": "Floods hit Liverpool and Leeds on Monday.",
    "counties": "Farmers from Essex met officials from Norfolk in Sheffield. The Central "
    "committee met in Reading on a Nice afternoon.",
    "shapes": "It filed papers with the Securities and Exchange Commission. Morland Bank and "
    "Credit Vale Group fell. The Estonian Red Cross said it sent 12 nurses. Taxes are "
    "collected by the Coast Guard. He chaired the Dalby Children's Hospice Trust and "
    "the King's Fund. Sunday's European Champions Cup final was tense.",
    "unfamiliar": "Hull took the lead when Kasimir Lindqvart headed in a corner from Tobiah "
    "Okonjo. Shares in ABN Vester fell, said the 'Orbis Accelerator' team.",
    "described": "Veltrix, a leading Dutch insurer, said claims would rise. The Association of "
    "Welsh farmers objected. Ana Berg, a member of the party, agreed. Profits fell in "
    "the first half of its financial year.",
    "business": "Chipmaker Corlan Devices unveiled a chip. It faces larger rivals Vexa and AMD. "
    '"Supply is weak," said Ruth Amari, an analyst at Brennick. Ned Poole, who chairs '
    "the Tolby Chamber of Commerce, agreed. The Helix 3 chip goes on sale in the second "
    "half of next year.",
    "and-between": "The Wessex and Mercia Rowing Board met. The Marsh Bridge and Ferry Joint "
    "Committee agreed. Stars Ada Fenn and Nell Press won.",
    "double-barrelled": 'Opener Imran Tallat-Ware hit 143. "It is a dream," Tallat-Ware told Sky '
    'Sports. "We were below our best," coach Ryan Delaney told Blue Lagoon Radio.',
    "long-role": 'THE HAGUE, Netherlands - "We designed for both," Corlan\'s chief technology '
    "officer, Anjali Rao, said at a launch.",
    # A title word, then an everyday word no one is called (found on BBC copy):
    # everyday by the lists, and written in lower case by the article itself.
    "title-everyday": "The plan would start if the party won the General Election. The "
    "Home Secretary and the Minister spoke. President Bush and General Okonjo met. "
    "President Obama said the election was a matter for the minister and the secretary.",
}

CASES = [
    ("sri-lanka", "place", "== Sri Lanka | New York"),
    ("sri-lanka", "person", "=="),
    ("labour", "organisation", "== Labour"),
    ("towns", "place", "has Tarrowby | Cumbria | Felsham | Suffolk | Brackenby | Lincolnshire"),
    ("list-branch", "place", "lacks Valdoria United | Northern Front"),
    ("near", "place", "has Tillinghurst | Oskaval | Belka | Orun | Varnholt"),
    ("near", "organisation", "has Greenhollow"),
    ("geo", "place", "has North Atlantic | Southern Ocean | Marren Sea | Mount Ossery"),
    ("geo", "place", "has Gulf of Tarn | Ferrow Park | St Lucia"),
    ("geo", "person", "== Michael Bay"),
    ("quorix", "place", "=="),
    ("drummer", "person", "== Oskarsson"),
    ("drummer", "organisation", "== Ofbrook"),
    ("drummer", "place", "== Norway | Peru"),
    ("acronyms", "acronym:Weather, Water and Climate Service", "== WWCS"),
    ("acronyms", "mentions:organisation:Weather, Water and Climate Service", "== 3"),
    ("acronyms", "acronym:Provincial Relief Agency", "== BPBD"),
    ("acronyms", "acronym:Union of Bakers, Confectioners and Allied Workers", "== Ubcaw"),
    ("acronyms", "mentions:organisation:Union of Bakers, Confectioners and Allied Workers", "== 3"),
    ("acronyms", "organisation", "has Weather, Water and Climate Service"),
    ("acronyms", "organisation", "has Provincial Relief Agency"),
    ("acronyms", "organisation", "has Union of Bakers, Confectioners and Allied Workers"),
    ("acronyms", "count:organisation", "== 3"),
    ("and-names", "organisation", "has Office of Roads and Transport | Marlow Bank"),
    ("and-names", "organisation", "has Northern Development Fund"),
    ("short-names", "mentions:organisation:Dunmore Foods", "== 2"),
    ("short-names", "mentions:organisation:Carlton Rovers", "== 2"),
    ("short-names", "organisation", "has Oxley United"),
    ("short-names", "person", "=="),
    ("around", "organisation", "has Pellham review | Brakko | Fenn | Harcastle | Ondra | Velmora"),
    ("around", "person", "== Ada Quist"),
    ("acronym-led", "organisation", "has BBC Radio Wessex | NHS Wales"),
    ("acronym-led", "person", "== JT Harlowe"),
    ("dateline", "place", "== NAIROBI"),
    ("dateline", "organisation", "=="),
    ("single-quotes", "quotes", "== 3"),
    ("single-quotes", "speaker:She is the toughest walk", "== Tom Ashby"),
    ("single-quotes", "speaker:She kept talking to hers", "== Tom Ashby"),
    ("single-quotes", "speaker:We owe them a great deal", "== Ian Pell"),
    ("she-he", "quotes", "== 2"),
    ("she-he", "speaker:We are only now recoveri", "== Helen Marsh"),
    ("she-he", "speaker:It was a mistake,", "== Robert Kaye"),
    ("listener", "quotes", "== 1"),
    ("listener", "speaker:The ball hit his chest, ", "== Lars Brenner"),
    ("of-body", "quotes", "== 2"),
    ("of-body", "speaker:Water should unite us,", "== Anara Beksultan"),
    ("of-body", "speaker:The data are clear,", "== Wen Liqun"),
    ("of-body", "role:Anara Beksultan", "== of the Bishkek-based group Aqua Asia"),
    ("of-body", "organisation", "has Institute of Polar Studies"),
    ("units", "figure", "has magnitude 5.9 | about 40km | 8km | about 20ft | 18,250"),
    ("units", "figure", "has 9 goals in 14 league games | fourth win"),
    ("units", "figure", "nopart 19"),
    ("noun-phrase", "figure", "has four albums | 12 of its smaller depots | three times higher"),
    ("noun-phrase", "figure", "has At least seven Labour councillors | a year"),
    ("noun-phrase", "count:figure:a year", "== 1"),
    ("noun-phrase", "figure", "nopart Nations"),
    ("gives-way", "figure", "== £80m | £95m"),
    ("gives-way", "date", "== a year earlier"),
    ("periods", "date", "has the 13 weeks to 4 January | between 2016 and 2019 | March"),
    ("periods", "date", "has two hours later | May"),
    ("periods", "date", "lacks Today"),
    ("periods", "sentence:date:May", "== 3"),
    ("range", "figure", "has 9 to 4 | Between 30 and 40 staff"),
    ("role-forms", "role:Evan Tallis", "== Corran director of rugby"),
    ("role-forms", "role:Piet Varga", "== Seventh seed"),
    ("role-forms", "role:Ada Brisk", "== D-Ohio"),
    ("role-forms", "role:Ola Nyberg", "== top tester at Photo Weekly"),
    ("role-forms", "role:Rhian Doyle", "== festival's organiser"),
    ("role-forms", "role:Mark Ebdon", "== Tattons'"),
    ("role-forms", "role:Jo Ames", "== spokesman for the Lowland Water Authority"),
    ("role-around", "role:Edna Colley", "== retired postal worker"),
    ("role-around", "role:Hal Morrow", "== foreign secretary"),
    ("role-around", "role:Rosa Laing", "== Top-seeded Britons"),
    ("no-role", "role:Ali Brand", "=="),
    ("no-role", "role:Nina Rowe", "=="),
    ("club", "organisation", "has Oxford"),
    ("club", "place", "has England | Wales"),
    ("club", "place", "lacks Oxford"),
    ("liverpool", "organisation", "== Liverpool"),
    ("floods", "place", "== Liverpool | Leeds"),
    ("counties", "place", "== Essex | Norfolk | Sheffield"),
    ("shapes", "organisation", "has Securities and Exchange Commission | Morland Bank"),
    ("shapes", "organisation", "has Credit Vale Group | Estonian Red Cross | Coast Guard"),
    ("shapes", "organisation", "has Dalby Children's Hospice Trust | King's Fund"),
    ("shapes", "organisation", "nopart Sunday"),
    ("shapes", "person", "=="),
    ("unfamiliar", "person", "== Kasimir Lindqvart | Tobiah Okonjo"),
    ("described", "organisation", "has Veltrix | Association of Welsh farmers"),
    ("described", "person", "== Ana Berg"),
    ("described", "date", "has the first half of its financial year"),
    ("described", "figure", "=="),
    ("business", "organisation", "has Corlan Devices | Brennick | Tolby Chamber of Commerce"),
    ("business", "person", "lacks Vexa"),
    ("business", "figure", "=="),
    ("business", "date", "has the second half of next year"),
    ("and-between", "organisation", "has Wessex and Mercia Rowing Board"),
    ("and-between", "organisation", "has Marsh Bridge and Ferry Joint Committee"),
    ("and-between", "person", "has Ada Fenn"),
    ("double-barrelled", "quotes", "== 2"),
    ("double-barrelled", "speaker:It is a dream,", "== Imran Tallat-Ware"),
    ("double-barrelled", "speaker:We were below our best,", "== Ryan Delaney"),
    ("double-barrelled", "person", "lacks Sky Sports"),
    ("double-barrelled", "mentions:person:Imran Tallat-Ware", "== 2"),
    ("long-role", "quotes", "== 1"),
    ("long-role", "speaker:We designed for both,", "== Anjali Rao"),
    ("long-role", "place", "== THE HAGUE | Netherlands"),
    ("title-everyday", "person", "lacks Election | Secretary | Minister"),
    ("title-everyday", "person", "has Bush | Okonjo | Obama"),
]


@cache
def facts_of(body: str) -> tuple[Fact, ...]:
    return tuple(extract_facts(Article("Test story", body)))


def _one(facts: tuple[Fact, ...], kind: str, text: str) -> Fact:
    found = [f for f in facts if f.kind == kind and f.text == text]
    assert len(found) == 1, [(f.kind, f.text) for f in facts if f.kind == kind]
    return found[0]


def observed(facts: tuple[Fact, ...], what: str) -> list[str]:
    """What a case looks at, as a list of strings."""
    head, *rest = what.split(":", 2)
    if head in KINDS:
        return [f.text for f in facts if f.kind == head]
    if head == "quotes":
        return [str(sum(f.kind == "quote" for f in facts))]
    if head == "speaker":
        return [str(f.speaker) for f in facts if f.kind == "quote" and f.text.startswith(rest[0])]
    if head == "role":
        role = _one(facts, "person", rest[0]).role
        return [role] if role else []
    if head == "acronym":
        return [str(_one(facts, "organisation", rest[0]).acronym)]
    if head == "mentions":
        return [str(_one(facts, rest[0], rest[1]).mentions)]
    if head == "sentence":
        return [str(_one(facts, rest[0], rest[1]).sentence)]
    if head == "count":
        found = [f for f in facts if f.kind == rest[0] and (len(rest) < 2 or f.text == rest[1])]
        return [str(len(found))]
    raise ValueError(f"unknown check {what!r}")


def check(found: list[str], expectation: str) -> None:
    op, _, rest = expectation.partition(" ")
    wanted = [w.strip() for w in rest.split(" | ")] if rest.strip() else []
    if op == "==":
        assert found == wanted
    elif op == "has":
        assert [w for w in wanted if w not in found] == [], found
    elif op == "lacks":
        assert [w for w in wanted if w in found] == [], found
    elif op == "nopart":
        assert [f for f in found if rest in f] == []
    else:
        raise ValueError(f"unknown expectation {expectation!r}")


@pytest.mark.parametrize(
    ("snippet", "what", "expectation"),
    CASES,
    ids=[f"{s}: {w} {e}"[:90] for s, w, e in CASES],
)
def test_rule(snippet: str, what: str, expectation: str) -> None:
    check(observed(facts_of(SNIPPETS[snippet]), what), expectation)


def test_every_snippet_has_a_case() -> None:
    assert sorted(SNIPPETS) == sorted({s for s, _, _ in CASES})
