"""Key-facts rules, one made-up snippet each: places, organisations, people, roles,
speakers, dates and figures in the many forms news copy writes them."""

from __future__ import annotations

from briefing.analysis.facts import Fact, extract_facts
from briefing.library.model import Article


def facts_of(body: str, title: str = "Test story") -> list[Fact]:
    return extract_facts(Article(title, body))


def texts(facts: list[Fact], kind: str) -> list[str]:
    return [f.text for f in facts if f.kind == kind]


def test_two_word_places_keep_their_first_word() -> None:
    facts = facts_of(
        "Aid reached Sri Lanka on Monday. Sri Lankan officials thanked donors. "
        "New York firefighters flew out the same day."
    )
    assert texts(facts, "place") == ["Sri Lanka", "New York"]
    assert texts(facts, "person") == []


def test_party_names_that_are_also_title_words() -> None:
    facts = facts_of("Labour says it will cut fares. He said Labour would win the vote.")
    assert texts(facts, "organisation") == ["Labour"]


def test_towns_are_places_by_the_region_after_them() -> None:
    facts = facts_of(
        "Dora Quennell, 64, of Tarrowby, Cumbria, won the prize. Her sister lives in "
        "Felsham in Suffolk. The winner was a farmer from Brackenby, Lincolnshire."
    )
    places = texts(facts, "place")
    for expected in ("Tarrowby", "Cumbria", "Felsham", "Suffolk", "Brackenby", "Lincolnshire"):
        assert expected in places, (expected, places)


def test_a_list_or_a_branch_is_not_a_town_in_a_region() -> None:
    facts = facts_of(
        "Scouts watched Valdoria United, Barcelona and Valencia. "
        "The Northern Front in Iraq claimed the attack."
    )
    places = texts(facts, "place")
    assert "Valdoria United" not in places
    assert "Northern Front" not in places


def test_places_by_the_words_before_and_after_them() -> None:
    facts = facts_of(
        "The bus crashed near Tillinghurst on Sunday, 40km south-west of the town of Oskaval. "
        "Water from the Belka and Orun rivers feeds the lake. "
        "The Varnholt-based charity Greenhollow sent help."
    )
    places = texts(facts, "place")
    for expected in ("Tillinghurst", "Oskaval", "Belka", "Orun", "Varnholt"):
        assert expected in places, (expected, places)
    assert "Greenhollow" in texts(facts, "organisation")


def test_geographic_names_by_their_shape() -> None:
    facts = facts_of(
        "Storms crossed the North Atlantic and the Southern Ocean, and the Marren Sea froze. "
        "Climbers left Mount Ossery for the Gulf of Tarn. The match was at Ferrow Park. "
        "Director Michael Bay said the film would open in St Lucia."
    )
    places = texts(facts, "place")
    for expected in (
        "North Atlantic",
        "Southern Ocean",
        "Marren Sea",
        "Mount Ossery",
        "Gulf of Tarn",
        "Ferrow Park",
        "St Lucia",
    ):
        assert expected in places, (expected, places)
    assert texts(facts, "person") == ["Michael Bay"]


def test_a_name_based_elsewhere_is_only_a_place_before_a_body() -> None:
    facts = facts_of("The firm sells Quorix-based phones to schools.")
    assert texts(facts, "place") == []


def test_a_role_right_before_an_unknown_name_makes_a_person() -> None:
    facts = facts_of(
        'Band drummer Oskarsson told fans: "We will be back next year." '
        "The regulator Ofbrook fined the firm. Champions Norway lost to Peru."
    )
    assert texts(facts, "person") == ["Oskarsson"]
    assert texts(facts, "organisation") == ["Ofbrook"]
    assert texts(facts, "place") == ["Norway", "Peru"]


def one(facts: list[Fact], kind: str, text: str) -> Fact:
    found = [f for f in facts if f.kind == kind and f.text == text]
    assert len(found) == 1, [(f.kind, f.text) for f in facts if f.kind == kind]
    return found[0]


def test_acronym_expansions_across_commas_and_other_languages() -> None:
    facts = facts_of(
        "Heavy rain fell, according to the Weather, Water and Climate Service (WWCS). "
        "A spokesman for the Provincial Relief Agency (BPBD) said 12 villages were cut off. "
        "The Union of Bakers, Confectioners and Allied Workers (Ubcaw) called a strike. "
        "Ubcaw officials met on Friday, and the WWCS issued a warning."
    )
    service = one(facts, "organisation", "Weather, Water and Climate Service")
    assert service.acronym == "WWCS" and service.mentions == 3
    assert one(facts, "organisation", "Provincial Relief Agency").acronym == "BPBD"
    union = one(facts, "organisation", "Union of Bakers, Confectioners and Allied Workers")
    assert union.acronym == "Ubcaw" and union.mentions == 3
    assert texts(facts, "organisation") == [
        "Weather, Water and Climate Service",
        "Provincial Relief Agency",
        "Union of Bakers, Confectioners and Allied Workers",
    ]


def test_and_inside_a_name_and_between_names() -> None:
    facts = facts_of(
        "The Office of Roads and Transport backed the plan. The Marlow Bank and the "
        "Northern Development Fund (NDF) paid for it, with Kestrel and Brightling."
    )
    orgs = texts(facts, "organisation")
    assert "Office of Roads and Transport" in orgs
    assert "Marlow Bank" in orgs and "Northern Development Fund" in orgs


def test_companies_clubs_and_the_short_names_copy_uses_for_them() -> None:
    facts = facts_of(
        "Shares in Dunmore Foods fell 4%. Dunmore said sales were weak. "
        "Carlton Rovers beat Oxley United 2-0, and Rovers stay second."
    )
    dunmore = one(facts, "organisation", "Dunmore Foods")
    assert dunmore.mentions == 2
    assert one(facts, "organisation", "Carlton Rovers").mentions == 2
    assert "Oxley United" in texts(facts, "organisation")
    assert texts(facts, "person") == []


def test_bodies_named_by_the_words_around_them() -> None:
    facts = facts_of(
        "The Pellham review will report in May. Prices were cut by the discounters "
        "Brakko and Fenn. Bookmakers Harcastle said the favourite was clear. The Ondra "
        "group denied it. Velmora's chief executive, Ada Quist, resigned."
    )
    orgs = texts(facts, "organisation")
    for expected in ("Pellham review", "Brakko", "Fenn", "Harcastle", "Ondra", "Velmora"):
        assert expected in orgs, (expected, orgs)
    assert texts(facts, "person") == ["Ada Quist"]


def test_names_led_by_an_acronym_are_bodies_not_people() -> None:
    facts = facts_of(
        '"We did our best," the coach told BBC Radio Wessex. Waits grew, according to '
        "NHS Wales figures. Author JT Harlowe said so."
    )
    orgs = texts(facts, "organisation")
    assert "BBC Radio Wessex" in orgs and "NHS Wales" in orgs
    assert texts(facts, "person") == ["JT Harlowe"]


def test_a_dateline_is_a_place() -> None:
    facts = facts_of("NAIROBI, March 3 - Floods cut the main road, officials said.")
    assert texts(facts, "place") == ["NAIROBI"]
    assert texts(facts, "organisation") == []


def speakers(facts: list[Fact]) -> list[tuple[str, str | None]]:
    return [(f.text[:24], f.speaker) for f in facts if f.kind == "quote"]


def test_straight_single_quotes_as_in_tabloid_copy() -> None:
    facts = facts_of(
        "Rescue leader Tom Ashby said: 'She is the toughest walker I have met.\n\n"
        "'She kept talking to herself to stay awake.'\n\n"
        "Her son, Ian Pell, said the drivers' union had helped. 'We owe them a great deal,' "
        "he told reporters. It's a relief, he added, that she was back at Keswick '98 camp."
    )
    assert speakers(facts) == [
        ("She is the toughest walk", "Tom Ashby"),
        ("She kept talking to hers", "Tom Ashby"),
        ("We owe them a great deal", "Ian Pell"),
    ]


def test_she_and_he_go_to_a_woman_and_a_man() -> None:
    facts = facts_of(
        "The chair of the trust, Helen Marsh, said the cuts were painful. Defending, "
        'Robert Kaye said his client was sorry. "We are only now recovering," she said.\n\n'
        'Mr Kaye disagreed. "It was a mistake," he said.'
    )
    assert speakers(facts) == [
        ("We are only now recoveri", "Helen Marsh"),
        ("It was a mistake,", "Robert Kaye"),
    ]


def test_a_listener_after_told_is_not_the_speaker() -> None:
    facts = facts_of(
        'Coach Lars Brenner was angry. "The ball hit his chest, not his arm," the Dane '
        "told Radio Wessex Sport."
    )
    assert speakers(facts) == [("The ball hit his chest, ", "Lars Brenner")]


def test_a_speaker_of_a_body_and_a_titled_speaker_of_an_institute() -> None:
    facts = facts_of(
        '"Water should unite us," said Anara Beksultan of the Bishkek-based group Aqua Asia. '
        '"The data are clear," said lead author Professor Wen Liqun of the Institute of '
        "Polar Studies in Harbin."
    )
    assert speakers(facts) == [
        ("Water should unite us,", "Anara Beksultan"),
        ("The data are clear,", "Wen Liqun"),
    ]
    anara = next(f for f in facts if f.text == "Anara Beksultan")
    assert anara.role == "of the Bishkek-based group Aqua Asia"
    assert "Institute of Polar Studies" in texts(facts, "organisation")


def test_figures_with_units_magnitudes_and_counts() -> None:
    facts = facts_of(
        "A magnitude 5.9 earthquake struck about 40km east of the town, at a depth of 8km. "
        "The wall fell about 20ft. A crowd of 18,250 was there. Fendale now has 9 goals in "
        "14 league games, their fourth win in a row. The Under-19 international scored."
    )
    figures = texts(facts, "figure")
    for expected in (
        "magnitude 5.9",
        "about 40km",
        "8km",
        "about 20ft",
        "18,250",
        "9 goals in 14 league games",
        "fourth win",
    ):
        assert expected in figures, (expected, figures)
    assert not any("19" in f for f in figures)


def test_figures_stop_where_their_noun_phrase_stops() -> None:
    facts = facts_of(
        "The band split in 2011 after four albums. It will shut 12 of its smaller depots. "
        "Costs were three times higher. At least seven Labour councillors quit. The "
        "Six Nations title is open. Sales reached 1.2 billion units a year, and prices were "
        "frozen for a year."
    )
    figures = texts(facts, "figure")
    for expected in (
        "four albums",
        "12 of its smaller depots",
        "three times higher",
        "At least seven Labour councillors",
        "a year",
    ):
        assert expected in figures, (expected, figures)
    assert figures.count("a year") == 1
    assert not any("Nations" in f for f in figures)


def test_a_figure_gives_way_to_a_date_without_vanishing() -> None:
    facts = facts_of("Profit fell to £80m, down from £95m a year earlier.")
    assert texts(facts, "figure") == ["£80m", "£95m"]
    assert texts(facts, "date") == ["a year earlier"]


def test_dates_in_periods_ranges_hours_and_cued_months() -> None:
    facts = facts_of(
        "Sales rose in the 13 weeks to 4 January. He stole the money between 2016 and "
        "2019 and admitted it in March. The alert was lifted two hours later. Theresa May "
        "said she may stay until May. Speaking on the Today programme, he said no."
    )
    dates = texts(facts, "date")
    for expected in (
        "the 13 weeks to 4 January",
        "between 2016 and 2019",
        "March",
        "two hours later",
        "May",
    ):
        assert expected in dates, (expected, dates)
    assert "Today" not in dates
    assert one(facts, "date", "May").sentence == 3


def test_a_range_keeps_both_ends() -> None:
    facts = facts_of("The vote was 9 to 4. Between 30 and 40 staff were told.")
    figures = texts(facts, "figure")
    assert "9 to 4" in figures
    assert "Between 30 and 40 staff" in figures


def role_of(facts: list[Fact], name: str) -> str | None:
    return one(facts, "person", name).role


def test_roles_in_the_forms_news_copy_uses() -> None:
    facts = facts_of(
        "It was praised by Corran director of rugby Evan Tallis. Seventh seed Piet Varga won. "
        '"We will vote no," said Sen. Ada Brisk, D-Ohio. "Print at home," said Ola Nyberg, '
        "top tester at Photo Weekly. The festival's organiser, Rhian Doyle, was pleased. "
        '"It will be close," said Tattons\' Mark Ebdon. Jo Ames, a spokesman for the '
        "Lowland Water Authority (LWA), said supplies were safe."
    )
    assert role_of(facts, "Evan Tallis") == "Corran director of rugby"
    assert role_of(facts, "Piet Varga") == "Seventh seed"
    assert role_of(facts, "Ada Brisk") == "D-Ohio"
    assert role_of(facts, "Ola Nyberg") == "top tester at Photo Weekly"
    assert role_of(facts, "Rhian Doyle") == "festival's organiser"
    assert role_of(facts, "Mark Ebdon") == "Tattons'"
    assert role_of(facts, "Jo Ames") == "spokesman for the Lowland Water Authority"


def test_roles_given_before_or_after_the_name() -> None:
    facts = facts_of(
        "A retired postal worker who found a rare coin has sold it for £80,000.\n\n"
        "Edna Colley, 77, of Daleside, said she would share the money.\n\n"
        "Britain will not pay, Hal Morrow said.\n\nThe foreign secretary told MPs the deal "
        "was dead.\n\nTop-seeded Britons Amy Fenwick and Rosa Laing won."
    )
    assert role_of(facts, "Edna Colley") == "retired postal worker"
    assert role_of(facts, "Hal Morrow") == "foreign secretary"
    assert role_of(facts, "Rosa Laing") == "Top-seeded Britons"


def test_no_role_from_a_sentence_or_a_list_of_names() -> None:
    facts = facts_of(
        "Homeowners now expect prices to rise by 1% over the next six months, Ali Brand said. "
        "The jury comprised experts and fans. Coach Li Ping said so. Kate Moss, pictured at "
        "the gala in Paris, smiled."
    )
    assert role_of(facts, "Ali Brand") is None
    assert role_of(facts, "Kate Moss") is None


def test_a_city_is_a_club_where_copy_treats_it_as_one() -> None:
    facts = facts_of(
        "Dunbridge beat Ashby 2-1 on Saturday. Dunbridge striker Ola Penn scored twice. "
        "Penn joined from former club Oxford. England and Wales drew."
    )
    orgs = texts(facts, "organisation")
    assert "Oxford" in orgs
    places = texts(facts, "place")
    assert "England" in places and "Wales" in places and "Oxford" not in places
    liverpool = facts_of("Liverpool striker Ian Rush scored. Flooding hit Liverpool later.")
    assert texts(liverpool, "organisation") == ["Liverpool"]
    assert texts(facts_of("Floods hit Liverpool and Leeds on Monday."), "place") == [
        "Liverpool",
        "Leeds",
    ]


def test_counties_and_cities_that_share_a_word_with_english() -> None:
    facts = facts_of(
        "Farmers from Essex met officials from Norfolk in Sheffield. The Central committee "
        "met in Reading on a Nice afternoon."
    )
    assert texts(facts, "place") == ["Essex", "Norfolk", "Sheffield"]


def test_more_body_names_from_their_shape() -> None:
    facts = facts_of(
        "It filed papers with the Securities and Exchange Commission. Morland Bank and "
        "Credit Vale Group fell. The Estonian Red Cross said it sent 12 nurses. Taxes are "
        "collected by the Inland Revenue. He chaired the Dalby Children's Hospice Trust and "
        "the King's Fund. Sunday's European Champions Cup final was tense."
    )
    orgs = texts(facts, "organisation")
    for expected in (
        "Securities and Exchange Commission",
        "Morland Bank",
        "Credit Vale Group",
        "Estonian Red Cross",
        "Inland Revenue",
        "Dalby Children's Hospice Trust",
        "King's Fund",
    ):
        assert expected in orgs, (expected, orgs)
    assert not any(o.startswith("Sunday") for o in orgs)
    assert texts(facts, "person") == []


def test_unfamiliar_two_word_names_are_people() -> None:
    facts = facts_of(
        "Hull took the lead when Kasimir Lindqvart headed in a corner from Tobiah Okonjo. "
        "Shares in ABN Vester fell, said the 'Orbis Accelerator' team."
    )
    assert texts(facts, "person") == ["Kasimir Lindqvart", "Tobiah Okonjo"]


def test_a_body_described_after_its_name() -> None:
    facts = facts_of(
        "Veltrix, a leading Dutch insurer, said claims would rise. The Association of "
        "Welsh farmers objected. Ana Berg, a member of the party, agreed. Profits fell in "
        "the first half of its financial year."
    )
    orgs = texts(facts, "organisation")
    assert "Veltrix" in orgs and "Association of Welsh farmers" in orgs
    assert texts(facts, "person") == ["Ana Berg"]
    assert "the first half of its financial year" in texts(facts, "date")
    assert texts(facts, "figure") == []


def test_bodies_named_in_business_copy() -> None:
    facts = facts_of(
        "Chipmaker Corlan Devices unveiled a chip. It faces larger rivals Vexa and AMD. "
        '"Supply is weak," said Ruth Amari, an analyst at Brennick. Ned Poole, who chairs '
        "the Tolby Chamber of Commerce, agreed. The Helix 3 chip goes on sale in the second "
        "half of next year."
    )
    orgs = texts(facts, "organisation")
    for expected in ("Corlan Devices", "Brennick", "Tolby Chamber of Commerce"):
        assert expected in orgs, (expected, orgs)
    assert "Vexa" not in texts(facts, "person")
    assert texts(facts, "figure") == []
    assert "the second half of next year" in texts(facts, "date")


def test_and_between_a_place_a_person_and_a_body() -> None:
    facts = facts_of(
        "The Wessex and Mercia Rowing Board met. The Marsh Bridge and Ferry Joint Committee "
        "agreed. Stars Emily Blunt and Nathalie Press won."
    )
    orgs = texts(facts, "organisation")
    assert "Wessex and Mercia Rowing Board" in orgs
    assert "Marsh Bridge and Ferry Joint Committee" in orgs
    assert "Emily Blunt" in texts(facts, "person")


def test_names_of_everyday_words_are_not_people_but_double_barrelled_ones_are() -> None:
    facts = facts_of(
        'Opener Imran Tallat-Ware hit 143. "It is a dream," Tallat-Ware told Sky Sports. '
        '"We were below our best," coach Ryan Delaney told Blue Lagoon Radio.'
    )
    assert speakers(facts) == [
        ("It is a dream,", "Imran Tallat-Ware"),
        ("We were below our best,", "Ryan Delaney"),
    ]
    assert "Sky Sports" not in texts(facts, "person")
    assert one(facts, "person", "Imran Tallat-Ware").mentions == 2


def test_a_speaker_after_a_long_role_and_a_dateline_with_the() -> None:
    facts = facts_of(
        'THE HAGUE, Netherlands - "We designed for both," Corlan\'s chief technology '
        "officer, Anjali Rao, said at a launch."
    )
    assert speakers(facts) == [("We designed for both,", "Anjali Rao")]
    assert texts(facts, "place") == ["THE HAGUE", "Netherlands"]
