"""Key-facts rules, one made-up snippet each: places, organisations, people, roles,
speakers, dates and figures in the many forms news copy writes them."""

from __future__ import annotations

from briefing.facts import Fact, extract_facts
from briefing.model import Article


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
