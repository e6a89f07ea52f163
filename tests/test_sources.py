from __future__ import annotations

from pathlib import Path

import pytest
from conftest import STORY_BODY, STORY_TITLE, write

from briefing.library.load import load_article_file
from briefing.library.loaders import ArticleFormatError
from briefing.library.loaders.markdown import markdown_to_text
from briefing.library.model import article_id


def load_one(path: Path):
    articles = load_article_file(path)
    assert len(articles) == 1
    return articles[0]


def test_plain_text_title_and_paragraphs(tmp_path: Path) -> None:
    article = load_one(write(tmp_path / "a.txt", f"\n\n{STORY_TITLE}\n\n{STORY_BODY}"))
    assert article.title == STORY_TITLE
    assert len(article.paragraphs) == 5
    assert article.body.startswith("The Northbay Harbour Authority")
    # An ordinary multi-paragraph file is one article, however many paragraphs.
    assert article.sentences[-1].text.startswith("Shipping lines")


def test_sentences_are_exact_slices_of_the_body(tmp_path: Path) -> None:
    article = load_one(write(tmp_path / "a.txt", f"{STORY_TITLE}\n\n{STORY_BODY}"))
    for sentence in article.sentences:
        assert article.body[sentence.start : sentence.end] == sentence.text
    assert [s.index for s in article.sentences] == list(range(len(article.sentences)))
    assert article.sentences[2].text.startswith("Dr. Helen Okafor")
    assert {s.paragraph for s in article.sentences} == set(range(5))


def test_bom_crlf_and_control_characters(tmp_path: Path) -> None:
    raw = "\ufeffTitle\x07 here\r\n\r\nBody\x1b[31m red text.\r\nSecond line.\r\n"
    article = load_one(write(tmp_path / "a.txt", raw.encode()))
    assert article.title == "Title here"
    assert article.body == "Body[31m red text.\nSecond line."
    assert "\x1b" not in article.body and "\r" not in article.body


def test_other_encodings_are_detected(tmp_path: Path) -> None:
    text = "Café society\n\nThe café on the Boulevard Saint-Germain reopened, à la française, with crème brûlée and déjà vu.\n"
    article = load_one(write(tmp_path / "latin.txt", text.encode("cp1252")))
    assert article.title == "Café society"
    assert "crème brûlée" in article.body
    utf16 = load_one(write(tmp_path / "wide.txt", text.encode("utf-16")))
    assert utf16.id == article.id


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"", "empty"),
        (b"\n \n\t\n", "no text"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", r"unsupported format \(PNG image\)"),
        (b"\x00\x01\x02 some bytes of no known kind", "binary"),
    ],
)
def test_unreadable_files_raise_with_a_reason(tmp_path: Path, content: bytes, reason: str) -> None:
    with pytest.raises(ArticleFormatError, match=reason):
        load_article_file(write(tmp_path / "bad.txt", content))


def test_oversized_file(tmp_path: Path) -> None:
    path = write(tmp_path / "big.txt", "Title\n\n" + "word " * 1000)
    with pytest.raises(ArticleFormatError, match="too large"):
        load_article_file(path, max_bytes=1000)


def test_file_without_a_headline_uses_its_name(tmp_path: Path) -> None:
    article = load_one(write(tmp_path / "port-vote_notes.txt", "Just one paragraph. No title."))
    assert article.title == "Port vote notes"
    assert article.body == "Just one paragraph. No title."


def test_hard_wrapped_paragraphs_are_unwrapped(tmp_path: Path) -> None:
    wrapped = (
        "Wrapped Story\n\n"
        "The council met on Monday to discuss the budget for the coming\n"
        "year, which includes new spending on schools and a cut to the\n"
        "road repair fund that critics called short-sighted.\n"
    )
    article = load_one(write(tmp_path / "w.txt", wrapped))
    assert len(article.sentences) == 1
    # A sentence per line is not wrapping: those lines stay sentences.
    lines = "List\n\nFirst sentence here.\nSecond sentence here.\nThird one.\n"
    assert len(load_one(write(tmp_path / "l.txt", lines)).sentences) == 3


def test_markdown_front_matter(tmp_path: Path) -> None:
    md = (
        "---\n"
        'title: "Port plan: what\'s next"\n'
        "source: Northbay Gazette\n"
        "url: https://example.org/port\n"
        "published: 2026-11-20\n"
        "author: [A. Writer, B. Editor]\n"
        "tags: [port, Economy, port]\n"
        "---\n\n"
        "The **harbour** plan was [approved](https://example.org) on Tuesday.\n"
        "It still needs *funding*.\n\n"
        "## Next steps\n\n"
        "- Dredging starts in `March`.\n"
        "- Jobs follow.\n"
    )
    article = load_one(write(tmp_path / "port.md", md))
    assert article.title == "Port plan: what's next"
    assert article.source == "Northbay Gazette"
    assert article.url == "https://example.org/port"
    assert article.published == "2026-11-20"
    assert article.author == "A. Writer, B. Editor"
    assert article.tags == ("Economy", "port")
    assert (
        article.paragraphs[0] == "The harbour plan was approved on Tuesday. It still needs funding."
    )
    assert [s.text for s in article.sentences][-3:] == [
        "Next steps",
        "Dredging starts in March.",
        "Jobs follow.",
    ]


def test_markdown_heading_as_title(tmp_path: Path) -> None:
    article = load_one(write(tmp_path / "h.md", "# The Heading\n\nBody text here.\n"))
    assert article.title == "The Heading"
    assert article.body == "Body text here."


def test_bad_front_matter_is_reported(tmp_path: Path) -> None:
    with pytest.raises(ArticleFormatError, match="front matter"):
        load_article_file(write(tmp_path / "x.md", "---\ntitle: [unclosed\n---\nBody.\n"))


def test_yaml_escapes_cannot_smuggle_control_characters(tmp_path: Path) -> None:
    md = '---\ntitle: "Red \\e[31malert\\a"\nsource: "\\e]8;;http://x\\e\\\\link"\n---\nBody.\n'
    article = load_one(write(tmp_path / "e.md", md))
    assert article.title == "Red [31malert"
    assert "\x1b" not in (article.source or "")


def test_markdown_to_text_keeps_words_drops_syntax() -> None:
    text = markdown_to_text(
        "See ![chart](c.png) the [report][1] and <b>this</b>.\n\n[1]: http://x\n"
    )
    assert text == "See  the report and this."


def test_article_id_is_stable_and_ignores_layout() -> None:
    one = article_id("Title", "Body text.\n\nMore.")
    assert one == article_id("  title ", "Body   text.\nMore.")
    assert one != article_id("Title", "Body text. More!")
    assert len(one) == 12 and int(one, 16) >= 0
