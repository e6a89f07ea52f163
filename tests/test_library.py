from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from conftest import STORY_BODY, STORY_TITLE, write
from hypothesis import given
from hypothesis import strategies as st

from briefing.library.load import (
    Library,
    LibraryError,
    bundled_articles_dir,
    find_article_files,
    load_library,
)
from briefing.library.model import Article
from briefing.library.text import count_words, words


def test_folder_loads_known_endings_and_reports_bad_files(tmp_path: Path) -> None:
    write(tmp_path / "a.txt", f"{STORY_TITLE}\n\n{STORY_BODY}")
    write(tmp_path / "sub" / "b.md", "# Second\n\nAnother story. It is short.\n")
    write(tmp_path / "empty.txt", "")
    write(tmp_path / "picture.png", b"\x89PNG\x00")  # not an article ending: ignored
    write(tmp_path / ".hidden.txt", "Hidden\n\nNot loaded.\n")
    library = load_library([tmp_path])
    assert [a.title for a in library.articles] == [STORY_TITLE, "Second"]
    assert [(p.path.name, p.reason) for p in library.problems] == [("empty.txt", "empty file")]


def test_same_text_twice_is_one_article(tmp_path: Path) -> None:
    write(tmp_path / "one.txt", f"{STORY_TITLE}\n\n{STORY_BODY}")
    write(tmp_path / "copy.txt", f"{STORY_TITLE}\r\n\r\n{STORY_BODY}")
    assert len(load_library([tmp_path]).articles) == 1


def test_missing_path_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(LibraryError, match="no such file"):
        find_article_files([tmp_path / "nope"])


def test_find_by_id_prefix(tmp_path: Path) -> None:
    write(tmp_path / "a.txt", "Alpha\n\nFirst body.\n")
    write(tmp_path / "b.txt", "Beta\n\nSecond body.\n")
    library = load_library([tmp_path])
    alpha = library.articles[0]
    assert library.find(alpha.id[:6]) is alpha
    assert library.find(alpha.id.upper()) is alpha
    with pytest.raises(LibraryError, match="no article"):
        library.find("zzzz")
    with pytest.raises(LibraryError, match="empty"):
        library.find(" ")


def test_ambiguous_prefix_is_an_error() -> None:
    library = Library(
        articles=[
            Article(title="A", body="a", id="abc111000000"),
            Article(title="B", body="b", id="abc222000000"),
        ]
    )
    with pytest.raises(LibraryError, match="ambiguous"):
        library.find("abc")
    assert library.find("abc2").title == "B"


def test_bundled_corpus_has_the_three_seed_articles() -> None:
    library = load_library([bundled_articles_dir()])
    assert len(library.articles) == 3
    assert not library.problems
    assert {a.title for a in library.articles} >= {"Almaty Hosts First SCO Digital Forum"}


def test_ids_survive_renames(tmp_path: Path) -> None:
    source = next(bundled_articles_dir().glob("*.txt"))
    before = load_library([source]).articles[0].id
    moved = shutil.copy(source, tmp_path / "renamed.txt")
    assert load_library([Path(moved)]).articles[0].id == before


# What count_words must equal: the word pattern's matches, counted one by one.
_WORD_AS_DEFINED = re.compile(r"\w+(?:[’'.\-]{1,2}\w+)*")
_WORDY = st.text(
    alphabet=st.sampled_from(
        [*"ab9_é’'.-,;$—“”", " ", "\n", "\t", "\xa0", "\u2028", "\x1c", "ß", "漢", "٣"]
    ),
    max_size=60,
)


@given(_WORDY)
def test_counting_words_agrees_with_the_word_pattern(text: str) -> None:
    assert count_words(text) == len(_WORD_AS_DEFINED.findall(text)) == len(words(text))


def test_counting_words_on_prose() -> None:
    text = "O'Brien said, “it’s $11.8bn” -- a well-known x_y fact...  Da.\u00a0ja 1,5 ß"
    assert count_words(text) == len(_WORD_AS_DEFINED.findall(text)) == 13


def test_iter_library_is_load_library_one_article_at_a_time(tmp_path: Path) -> None:
    from briefing.library.load import Library, find_article_files, iter_library

    write(tmp_path / "a.txt", "Quay Repairs Approved\n\nThe council approved repairs on Monday.\n")
    write(tmp_path / "sub" / "copy.txt", (tmp_path / "a.txt").read_text())  # a duplicate
    write(tmp_path / "b.md", "---\ntitle: Grid\nbogus: [\n---\n\nThe grid upgrade stalled.\n")
    (tmp_path / "noise.txt").write_bytes(b"\x00\x01\x02 not text")
    write(tmp_path / "c.txt", "Ferry Timetable\n\nA new ferry timetable starts in May.\n")
    loaded = load_library([tmp_path])
    files = find_article_files([tmp_path])
    gathered, done = Library(), []
    streamed = iter_library(files, library=gathered, file_done=lambda: done.append(1))
    first = next(streamed)
    assert len(done) < len(files)  # one file at a time

    def key(article: Article) -> tuple:
        return (article.id, article.title, article.body, article.path, article.notes)

    assert [key(a) for a in [first, *streamed]] == [key(a) for a in loaded.articles]
    assert len(done) == len(files)
    assert gathered.articles == []
    assert (gathered.problems, gathered.warnings, gathered.duplicates) == (
        loaded.problems,
        loaded.warnings,
        loaded.duplicates,
    )
    assert loaded.duplicates == 1 and loaded.problems
