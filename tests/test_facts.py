"""Key facts on made-up articles: every kind, merging, speakers, dates and figures."""

from __future__ import annotations

import threading

import pytest

from briefing.analysis.facts import KINDS, Fact, build_index, extract_facts, group_by_kind
from briefing.analysis.facts.organisations import acronym_of
from briefing.library.model import Article

FLOOD_TITLE = "Riverton Approves Flood Barrier"
FLOOD_BODY = """\
The Riverton Harbour Commission (RHC) on Tuesday approved a £45m flood barrier for the town, ending a debate that began earlier this year.

Margaret Okonkwo, the commission's chief engineer, said the barrier would protect about 12,000 homes. “We have waited far too long for this,” she said. “The river rose by 2.3 metres in 2019.”

The RHC will borrow from the National Infrastructure Bank. Ms Okonkwo said work would start in March 2026 and take three years. The design copies a barrier in Rotterdam, in the Netherlands.

Local campaigner Tobias Wexley welcomed the vote. "It is a victory for every family on the flood plain," Wexley said. He added: "Nobody here will forget the winter of 2019."
"""


@pytest.fixture(scope="module")
def flood() -> list[Fact]:
    return extract_facts(Article(FLOOD_TITLE, FLOOD_BODY))


def one(facts: list[Fact], kind: str, text: str) -> Fact:
    found = [f for f in facts if f.kind == kind and f.text == text]
    assert len(found) == 1, [(f.kind, f.text) for f in facts if f.kind == kind]
    return found[0]


def texts(facts: list[Fact], kind: str) -> list[str]:
    return [f.text for f in facts if f.kind == kind]


def test_people_come_with_their_roles(flood: list[Fact]) -> None:
    engineer = one(flood, "person", "Margaret Okonkwo")
    assert engineer.role == "commission's chief engineer"
    campaigner = one(flood, "person", "Tobias Wexley")
    assert campaigner.role == "Local campaigner"
    assert set(texts(flood, "person")) == {"Margaret Okonkwo", "Tobias Wexley"}


def test_surname_and_title_mentions_are_the_same_person(flood: list[Fact]) -> None:
    engineer = one(flood, "person", "Margaret Okonkwo")
    # "Margaret Okonkwo, …" in sentence 1 and "Ms Okonkwo said …" in sentence 5.
    assert engineer.sentence == 1
    assert engineer.sentences == (1, 5)
    assert engineer.mentions == 2
    assert "Okonkwo" in engineer.aliases


def test_acronym_and_expansion_are_one_organisation(flood: list[Fact]) -> None:
    commission = one(flood, "organisation", "Riverton Harbour Commission")
    assert commission.acronym == "RHC"
    assert commission.sentences == (0, 4)
    assert commission.key == "organisation:rhc"
    assert "RHC" not in texts(flood, "organisation")
    assert "National Infrastructure Bank" in texts(flood, "organisation")


def test_places_come_from_the_gazetteers(flood: list[Fact]) -> None:
    assert texts(flood, "place") == ["Rotterdam", "Netherlands"]


def test_dates_absolute_and_relative(flood: list[Fact]) -> None:
    dates = texts(flood, "date")
    for expected in ("on Tuesday", "earlier this year", "2019", "March 2026"):
        assert expected in dates
    assert one(flood, "date", "2019").sentences == (3, 9)


def test_figures_keep_their_unit_or_noun(flood: list[Fact]) -> None:
    figures = texts(flood, "figure")
    assert figures == ["£45m", "about 12,000 homes", "2.3 metres", "three years"]
    # A year is a date, never a figure.
    assert "2019" not in figures


def test_quotes_curly_and_straight_with_speakers(flood: list[Fact]) -> None:
    quotes = [(f.text, f.speaker, f.sentence) for f in flood if f.kind == "quote"]
    assert quotes == [
        ("We have waited far too long for this,", "Margaret Okonkwo", 2),
        ("The river rose by 2.3 metres in 2019.", "Margaret Okonkwo", 3),
        ("It is a victory for every family on the flood plain,", "Tobias Wexley", 8),
        ("Nobody here will forget the winter of 2019.", "Tobias Wexley", 9),
    ]
    first = next(f for f in flood if f.kind == "quote")
    assert first.speaker_key == "person:margaret okonkwo"


def test_facts_are_in_kind_order_and_point_at_real_sentences(flood: list[Fact]) -> None:
    article = Article(FLOOD_TITLE, FLOOD_BODY)
    order = [KINDS.index(f.kind) for f in flood]
    assert order == sorted(order)
    for fact in flood:
        sentence = article.sentences[fact.sentence].text
        if fact.kind in ("date", "figure", "quote"):
            assert fact.text in sentence
    assert list(group_by_kind(flood)) == list(KINDS)


PRONOUNS_BODY = """\
Dr Amara Lindqvist, a marine biologist at the Northbay Institute, has studied the reef for a decade. Her colleague Paul Ferrant disagrees with her findings.

"The coral is recovering faster than anyone expected," she said. "We counted twice as many young colonies as in 2015."

Mr Ferrant said the survey was too small. "One good season proves nothing," he said.

"We will publish the full data in the spring.

"Anyone will be able to check it."
"""


def test_pronouns_resolve_to_the_last_named_speaker() -> None:
    facts = extract_facts(Article("Reef Recovery Disputed", PRONOUNS_BODY))
    quotes = [(f.text[:20], f.speaker) for f in facts if f.kind == "quote"]
    assert quotes == [
        ("The coral is recover", "Amara Lindqvist"),
        ("We counted twice as ", "Amara Lindqvist"),
        ("One good season prov", "Paul Ferrant"),
        # A quote reopened in the next paragraphs keeps its speaker.
        ("We will publish the ", "Paul Ferrant"),
        ("Anyone will be able ", "Paul Ferrant"),
    ]
    biologist = one(facts, "person", "Amara Lindqvist")
    assert biologist.role == "marine biologist at the Northbay Institute"
    assert one(facts, "person", "Paul Ferrant").mentions == 2


FIGURES_BODY = """\
Shares in Calloway Foods rose 4.5% after the company reported profits of $1.2bn (£950m), a twofold increase on last year.

The firm employs between 3,000 and 3,500 staff and plans to open 40 new stores over the next decade. Its founder, who is 83, started the business 51 years ago with a quarter of a percentage point loan margin.

Sales fell by a third in the three months to June.
"""


def test_figures_and_relative_dates() -> None:
    facts = extract_facts(Article("Calloway Profits Double", FIGURES_BODY))
    figures = texts(facts, "figure")
    for expected in (
        "4.5%",
        "$1.2bn (£950m)",
        "twofold increase",
        "between 3,000 and 3,500 staff",
        "40 new stores",
        "a quarter of a percentage point",
        "a third",
    ):
        assert any(expected in f for f in figures), (expected, figures)
    dates = texts(facts, "date")
    for expected in (
        "last year",
        "over the next decade",
        "51 years ago",
        "the three months to June",
    ):
        assert expected in dates, (expected, dates)


def test_acronym_spelling_rules() -> None:
    assert acronym_of("Shanghai Cooperation Organization", "SCO")
    assert acronym_of("Office for the Protection of Coastal Towns", "OPCT")
    assert acronym_of("Baltic Telecommunications and Post Company", "BTPC")
    assert not acronym_of("World Bank", "IMF")


def test_an_article_without_sentences_has_no_facts() -> None:
    assert extract_facts(Article("Only a title", "")) == []


def test_markup_in_an_article_stays_text() -> None:
    body = 'Officials at the [bold]Bureau of Statistics[/bold] said 40 [red]firms[/red] closed. "[link=x]Click[/link] here now please," said Dana Whitcombe.'
    facts = extract_facts(Article("Markup", body))
    quote = next(f for f in facts if f.kind == "quote")
    assert quote.text == "[link=x]Click[/link] here now please,"
    assert quote.speaker == "Dana Whitcombe"


def test_extraction_is_safe_from_several_threads() -> None:
    results: list[list[Fact]] = []

    def work() -> None:
        results.append(extract_facts(Article(FLOOD_TITLE, FLOOD_BODY)))

    threads = [threading.Thread(target=work) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(results) == 4 and all(r == results[0] for r in results)


def test_library_index_merges_acronyms_across_articles() -> None:
    first = Article(FLOOD_TITLE, FLOOD_BODY)
    second = Article(
        "Barrier Costs Rise",
        "The RHC said on Friday that the barrier would cost £52m. Margaret Okonkwo blamed steel prices.",
    )
    third = Article("Unrelated", "Parliament met in Rotterdam on Monday to discuss 14 new ports.")
    index = build_index([first, second, third])
    commission = index.entry_for("organisation:rhc")
    assert commission is not None
    assert commission.text == "Riverton Harbour Commission"
    assert [a.article_id for a in commission.articles] == [first.id, second.id]
    assert set(index.article_ids("person:margaret okonkwo")) == {first.id, second.id}
    assert set(index.article_ids("place:rotterdam")) == {first.id, third.id}
    assert index.article_ids("person:nobody") == []
    # Most widely mentioned first.
    assert len(index.entries[0].articles) == 2


def test_a_list_without_its_comma_is_still_places() -> None:
    body = "Delegates came from Norway Finland, Peru and Chile. Norway hosts the next round."
    facts = extract_facts(Article("Talks", body))
    assert texts(facts, "person") == []
    assert texts(facts, "place") == ["Norway", "Finland", "Peru", "Chile"]
    assert one(facts, "place", "Norway").sentences == (0, 1)
