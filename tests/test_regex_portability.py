"""Patterns that read the same on every Python 3.11.

Python 3.11 brought possessive quantifiers and atomic groups to ``re``, and
its early releases got possessive repeats of groups wrong: 3.11.2 (Debian 12's
python3) found no bold text and no HTML comment in Markdown, and ended the
word "U.S." after its last dot. A repeated group is now atomic or plain
(possessive single characters and classes were always read right); these
cases failed on 3.11.2 with the possessive groups.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from briefing.analysis.facts.wordsets import word_before
from briefing.analysis.sentences import split_sentences
from briefing.library.loaders.markdown import markdown_to_text
from briefing.library.text import count_words, words

PACKAGE = Path(__file__).resolve().parent.parent / "briefing"


def test_a_word_ends_at_its_last_letter() -> None:
    assert words("the U.S. economy, it's well-known") == [
        "the",
        "U.S",
        "economy",
        "it's",
        "well-known",
    ]
    assert count_words("the U.S. economy") == 3


@pytest.mark.parametrize(
    ("markdown", "text"),
    [
        ("Some **bold** and __strong__ text.", "Some bold and strong text."),
        ("Some *it* and _em_ text.", "Some it and em text."),
        ("A tag<!-- gone --> here.", "A tag here."),
        ("A [link](https://example.org/a_(b)) and ![img](x.png) here.", "A link and  here."),
    ],
)
def test_markdown_marks_are_read(markdown: str, text: str) -> None:
    assert markdown_to_text(markdown) == text


def test_sentences_and_the_word_before_a_name() -> None:
    assert split_sentences("He left.” She stayed… Then rain!") == [
        "He left.”",
        "She stayed…",
        "Then rain!",
    ]
    assert word_before("talks with the U.S. envoy, said ") == "said"


def test_no_pattern_repeats_a_group_possessively() -> None:
    # The forms 3.11.2 misreads: "++", "*+", "?+" or "}+" after a group.
    possessive = re.compile(r"(?<!\\)\)(?:\+\+|\*\+|\?\+|\}\+)")
    found = [
        f"{path.relative_to(PACKAGE)}:{number}"
        for path in sorted(PACKAGE.rglob("*.py"))
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if "re.compile(" in line or line.lstrip().startswith(('r"', "r'", 'rf"', 'fr"'))
        if possessive.search(line) and not line.lstrip().startswith("#")
    ]
    assert found == []
