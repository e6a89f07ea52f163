from __future__ import annotations

import pytest

from briefing.analysis.sentences import SentenceTokenizer, sentence_spans, split_sentences

# Each case: the text and its correct split. Written for these tests; they
# cover what news copy throws at a splitter.
CASES = [
    (
        "The E.U. agreed on Friday to extend sanctions. Ministers left early.",
        ["The E.U. agreed on Friday to extend sanctions.", "Ministers left early."],
    ),
    (
        "Maj. Gen. Tomas Berg took command. He is 54.",
        ["Maj. Gen. Tomas Berg took command.", "He is 54."],
    ),
    (
        "Mrs. Patel and Dr. Ruiz arrived late. Prof. Chen did not come.",
        ["Mrs. Patel and Dr. Ruiz arrived late.", "Prof. Chen did not come."],
    ),
    (
        "The rally ended at St. Mark's Square. Crowds dispersed.",
        ["The rally ended at St. Mark's Square.", "Crowds dispersed."],
    ),
    ("A U.S.-led coalition formed. Talks began.", ["A U.S.-led coalition formed.", "Talks began."]),
    (
        "Growth slowed to 1.8 percent. Exports fell 0.4%.",
        ["Growth slowed to 1.8 percent.", "Exports fell 0.4%."],
    ),
    (
        "“We will not give up,” Mendes said. “Never.”",
        ["“We will not give up,” Mendes said.", "“Never.”"],
    ),
    (
        'She said: "The bridge is safe." Engineers were not convinced.',
        ['She said: "The bridge is safe."', "Engineers were not convinced."],
    ),
    ("Prices climbed... Then they crashed.", ["Prices climbed...", "Then they crashed."]),
    ("The result was… unexpected. Fans cheered.", ["The result was… unexpected.", "Fans cheered."]),
    (
        "It was, she said, “hardly a surprise...” and she moved on.",
        ["It was, she said, “hardly a surprise...” and she moved on."],
    ),
    (
        "The novel is by H. G. Wells. It came out in 1898.",
        ["The novel is by H. G. Wells.", "It came out in 1898."],
    ),
    (
        "John F. Kennedy spoke here. Crowds gathered.",
        ["John F. Kennedy spoke here.", "Crowds gathered."],
    ),
    (
        "The plan had three parts. 1. Repair roads. 2. Build homes.",
        ["The plan had three parts.", "1. Repair roads.", "2. Build homes."],
    ),
    (
        "Ferry Services Resume\nFerries sailed again on Monday.",
        ["Ferry Services Resume", "Ferries sailed again on Monday."],
    ),
    (
        "The polls close at 8 p.m. on Sunday. Counting starts at once.",
        ["The polls close at 8 p.m. on Sunday.", "Counting starts at once."],
    ),
    (
        "The train left at 6 a.m. It arrived at noon.",
        ["The train left at 6 a.m.", "It arrived at noon."],
    ),
    (
        "Was it worth it? Perhaps, said the mayor. We will see!",
        ["Was it worth it?", "Perhaps, said the mayor.", "We will see!"],
    ),
    (
        "The report appeared in Feb. 2023 and cited the U.N. report. It was long.",
        ["The report appeared in Feb. 2023 and cited the U.N. report.", "It was long."],
    ),
    (
        "The summit was held in Washington, D.C. It lasted two days.",
        ["The summit was held in Washington, D.C.", "It lasted two days."],
    ),
    (
        "He ranked No. 4 in the world. His rival was No. 1.",
        ["He ranked No. 4 in the world.", "His rival was No. 1."],
    ),
    (
        "Write to press@example.org or see example.org/news for more. Thanks.",
        ["Write to press@example.org or see example.org/news for more.", "Thanks."],
    ),
    (
        "The firm, Borealis Ltd., cut 5% of jobs. Unions protested.",
        ["The firm, Borealis Ltd., cut 5% of jobs.", "Unions protested."],
    ),
    (
        "Two spaces follow.  The next sentence starts here.",
        ["Two spaces follow.", "The next sentence starts here."],
    ),
    ("He´ll arrive on Monday. He´s the envoy.", ["He´ll arrive on Monday.", "He´s the envoy."]),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_hard_cases(text: str, expected: list[str]) -> None:
    assert split_sentences(text) == expected


def test_spans_are_exact_slices_with_offset() -> None:
    text = "  First one here.  Second one!\nThird line"
    spans = list(sentence_spans(text, offset=100))
    assert [text[a - 100 : b - 100] for a, b in spans] == [
        "First one here.",
        "Second one!",
        "Third line",
    ]


def test_empty_and_blank_text() -> None:
    assert split_sentences("") == []
    assert split_sentences("  \n \n") == []


def test_tokenizer_is_what_sumy_needs() -> None:
    tokenizer = SentenceTokenizer()
    assert tokenizer.to_sentences("One. Two.") == ("One.", "Two.")
    assert tokenizer.to_words("The U.S.-based firm's $4.2bn deal, yes!") == (
        "The",
        "U.S.-based",
        "firm's",
        "4.2bn",
        "deal",
        "yes",
    )
