"""Finding article files: the cheap scan that the library and the search index share."""

from __future__ import annotations

import os
from pathlib import Path

from conftest import write

from briefing.library.files import ARTICLE_SUFFIXES, scan_article_files
from briefing.library.loaders import SUFFIXES


def test_the_scan_knows_every_loader_ending() -> None:
    assert set(SUFFIXES) == ARTICLE_SUFFIXES


def test_order_rules_and_stats(tmp_path: Path) -> None:
    for name in (
        "b.txt",
        "a-c.TXT",
        "a/x.md",
        "a/.hidden.txt",
        ".git/y.txt",
        "a/z.png",
        "c.markdown",
    ):
        write(tmp_path / name, "Title\n\nBody.\n")
    (tmp_path / "outside").mkdir()
    write(tmp_path / "outside" / "o.txt", "Outside\n\nBody.\n")
    os.symlink(tmp_path / "outside", tmp_path / "linked")  # a symlinked folder: not followed
    os.link(tmp_path / "b.txt", tmp_path / "hard.txt")  # the same file twice: listed once
    found = scan_article_files([tmp_path / "a", tmp_path])
    names = [os.path.relpath(path, tmp_path) for path, _ in found]
    assert names == ["a/x.md", "a-c.TXT", "b.txt", "c.markdown", "outside/o.txt"]
    # The same order as sorting Path objects, as the library always had it.
    assert names[1:] == [
        os.path.relpath(p, tmp_path) for p in sorted(Path(p) for p, _ in found[1:])
    ]
    for path, stat in found:
        assert stat is not None and stat.st_size == os.stat(path).st_size
    # A file named directly is taken whatever its ending.
    assert [p for p, _ in scan_article_files([tmp_path / "a" / "z.png"])] == [
        str(tmp_path / "a" / "z.png")
    ]


def test_a_dangling_link_is_listed_without_a_stat(tmp_path: Path) -> None:
    os.symlink(tmp_path / "gone.txt", tmp_path / "dangling.txt")
    assert scan_article_files([tmp_path]) == [(str(tmp_path / "dangling.txt"), None)]
