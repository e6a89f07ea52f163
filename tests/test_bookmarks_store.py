"""The bookmark file on disk: locking, atomic writes, backups, and refusing
to overwrite what it cannot read."""

from __future__ import annotations

import json
import multiprocessing
import os
import random
import signal
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

import pytest
from bookmark_workers import add_forever, add_one
from conftest import ROOT

from briefing.bookmarks import Bookmark, BookmarkFileError, BookmarkStore, decode, encode
from briefing.bookmarks.owners import Owner
from briefing.bookmarks.store import default_path, resolve_path

WHEN = datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC)
ME, BEA = Owner("me@example.org", "Me"), Owner("bea", "bea")


def make(article_id: str, **fields) -> Bookmark:
    fields.setdefault("owner", ME)
    return Bookmark(article_id, f"Title {article_id}", created=WHEN, updated=WHEN, **fields)


def vars_of(entry: Bookmark) -> dict:
    return {name: getattr(entry, name) for name in Bookmark.__dataclass_fields__}


def test_path_precedence(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, isolated_dirs: Path
) -> None:
    assert default_path().is_relative_to(isolated_dirs / "xdg_data_home")
    assert resolve_path() == default_path()
    monkeypatch.setenv("BRIEFING_BOOKMARKS", str(tmp_path / "env.json"))
    assert resolve_path() == tmp_path / "env.json"
    assert resolve_path(tmp_path / "flag.json") == tmp_path / "flag.json"


def test_edit_creates_the_file_and_keeps_a_backup(tmp_path: Path) -> None:
    store = BookmarkStore(tmp_path / "sub" / "b.json", owner=ME)
    assert store.load().live() == [] and store.signature() is None
    store.edit("a1", lambda old: make("a1"))
    first = store.path.read_bytes()
    assert not store.backup_path.exists()
    signature = store.signature()
    old, new = store.edit("a1", lambda old: old.with_note("hello"))
    assert old == make("a1") and new.note == "hello"
    assert store.backup_path.read_bytes() == first
    assert store.signature() != signature
    assert store.load().get("a1").note == "hello"
    # No change, no write.
    before = store.path.stat().st_mtime_ns
    store.edit("a1", lambda old: old)
    assert store.path.stat().st_mtime_ns == before


def test_the_verbs_the_cli_and_the_reader_call(tmp_path: Path) -> None:
    from briefing.bookmarks import resolve
    from briefing.library.load import default_paths, load_library

    articles = load_library(default_paths()).articles
    store = BookmarkStore(tmp_path / "b.json", owner=ME)
    first = articles[0]
    made = store.toggle(first)
    assert made.before is None and made.brought_back
    entry = made.after
    assert not entry.deleted and entry.title == first.title and entry.excerpt
    assert store.note(first.id, "look again").after.note == "look again"
    assert store.tags(first.id, add=["x", "y"], remove=["y"]).after.tags == ("x",)
    resolution = resolve(store.load(), articles)
    assert resolution.is_bookmarked(first) and not resolution.is_bookmarked(articles[1])
    assert resolution.entry_for(first).note == "look again"
    assert resolution.tags_by_article() == {first.id: ("x",)}
    assert store.toggle(first).after.deleted
    # revive=False: a removed bookmark is left alone.
    refused = store.note(first.id, "too late", revive=False)
    assert refused.after is None and not refused.changed and refused.before.deleted
    assert store.toggle(first).after.note == "look again"  # brought back with its note
    # Someone else's entries: one for a differently saved copy of an article
    # I have (same title, other id), one for an article I do not have.
    same_title = make("ffffffffffff", tags=("theirs",), owner=BEA)
    same_title = Bookmark(**{**vars_of(same_title), "title": articles[1].title})
    elsewhere = make("eeeeeeeeeeee", excerpt="What it said.", source="/etc/passwd", owner=BEA)
    assert elsewhere.source == "passwd"  # another machine's folders never travel
    store.update(lambda mine: mine.with_entry(same_title).with_entry(elsewhere))
    resolution = resolve(store.load(), articles)
    assert resolution.matched_by == {first.id: "id", "ffffffffffff": "title"}
    # Someone else's bookmark does not make the article yours; search can
    # still find it as theirs (`bookmarked:bea`).
    assert not resolution.is_bookmarked(articles[1])
    assert articles[1].id not in resolution.tags_by_article()
    assert resolution.tags_by_article().people == {"bea": {articles[1].id}}
    assert resolution.missing == [elsewhere]


def test_an_edit_brings_back_a_removed_bookmark(tmp_path: Path) -> None:
    from briefing.library.load import default_paths, load_library

    articles = load_library(default_paths()).articles
    store = BookmarkStore(tmp_path / "b.json", owner=ME)
    first, second = articles[0], articles[1]
    store.restore(first, note="old", tags=["t"])
    assert store.remove(first).after.deleted
    assert store.remove(first).after is None  # nothing live to remove
    # A note on a removed bookmark brings it back, tags and all.
    noted = store.note(first, "new")
    assert noted.brought_back and noted.after.note == "new" and noted.after.tags == ("t",)
    # So does a tag edit by id (a shared bookmark with no article here).
    store.remove(first.id)
    tagged = store.tags(first.id, add=["u"])
    assert tagged.brought_back and tagged.after.tags == ("t", "u")
    # An article with no bookmark gets one; an unknown id gets nothing.
    assert store.tags(second, add=["v"]).after.title == second.title
    nothing = store.note("0123456789ab", "x")
    assert nothing.before is None and nothing.after is None
    assert store.restore("0123456789ab").after is None
    # restore: bring back by id, adding tags and a note.
    store.remove(second.id)
    back = store.restore(second.id, note="again", tags=["w"])
    assert back.brought_back and back.after.tags == ("v", "w") and back.after.note == "again"
    # Nothing changes: nothing is written.
    before = store.path.read_bytes()
    assert not store.tags(second.id, add=["w"]).changed
    assert store.path.read_bytes() == before


def test_a_file_edited_by_hand_is_read_in_full(tmp_path: Path) -> None:
    store = BookmarkStore(tmp_path / "b.json", owner=ME)
    for name in ("a1", "b2", "c3"):
        store.edit(name, lambda old, name=name: make(name))
    # Someone reformats the file and changes a note: still valid, but no
    # longer what the store wrote, so it must not be edited line by line.
    data = json.loads(store.path.read_text())
    data["bookmarks"][1]["note"] = "edited by hand"
    store.path.write_text(json.dumps(data, indent=4))
    store.edit("c3", lambda old: old.with_tags(add=["x"]))
    result = store.load()
    assert result.get("b2").note == "edited by hand"
    assert result.get("c3").tags == ("x",)
    assert store.path.read_bytes() == encode(result)  # canonical again


def test_line_edits_keep_the_fingerprint_of_the_whole_file(tmp_path: Path) -> None:
    # Entries go in first, last, in the middle and replace old ones: after each
    # edit the recorded fingerprint must be the file's, or the next edit would
    # read the whole file (or, worse, trust a file it did not write).
    from briefing.bookmarks.store import _stat_fingerprint

    store = BookmarkStore(tmp_path / "b.json", owner=ME)
    for name in ("m5", "a1", "z9", "g3", "m5", "a1", "z9", "b2"):
        store.edit(name, lambda old, name=name: (old or make(name)).with_note(f"n{name}"))
        data = store.path.read_bytes()
        assert store._fingerprints.recorded() == _stat_fingerprint(store.path.stat())
        assert data == encode(decode(data))
    # Rewritten in place by another program (same size, same inode): no
    # longer the store's, so the next edit reads it in full.
    with store.path.open("r+b") as handle:
        handle.write(store.path.read_bytes().replace(b'"nb2"', b'"xb2"'))
    store.edit("a1", lambda old: old.with_tags(add=["t"]))
    assert store.load().get("b2").note == "xb2"
    assert [e.article_id for e in store.load()] == ["a1", "b2", "g3", "m5", "z9"]


def test_a_line_damaged_by_hand_is_found_even_in_a_canonical_file(tmp_path: Path) -> None:
    store = BookmarkStore(tmp_path / "b.json", owner=ME)
    for name in ("a1", "b2", "c3"):
        store.edit(name, lambda old, name=name: make(name))
    # The layout is still the store's, but b2's line is no longer valid: the
    # fingerprint no longer matches, so the file is checked in full and refused.
    lines = store.path.read_bytes().split(b"\n")
    (number,) = [i for i, line in enumerate(lines) if b'"article_id": "b2"' in line]
    lines[number] = lines[number].replace(b'"tags": []', b'"tags": "x"')
    damaged = b"\n".join(lines)
    store.path.write_bytes(damaged)
    with pytest.raises(BookmarkFileError, match="b2"):
        store.edit("c3", lambda old: old.with_note("changed"))
    assert store.path.read_bytes() == damaged


@pytest.mark.parametrize(
    "content",
    [
        b"{ not json",
        b'{"format": "briefing.bookmarks", "version": 9, "bookmarks": []}',
        b"\x00\x01",
    ],
)
def test_an_unreadable_file_is_never_overwritten(tmp_path: Path, content: bytes) -> None:
    store = BookmarkStore(tmp_path / "b.json", owner=ME)
    store.path.write_bytes(content)
    for attempt in (
        lambda: store.edit("a1", lambda old: make("a1")),
        lambda: store.update(lambda current: current.with_entry(make("a1"))),
        store.load,
    ):
        with pytest.raises(BookmarkFileError) as caught:
            attempt()
        assert str(caught.value).startswith(str(store.path))
        assert store.path.read_bytes() == content
    assert not store.backup_path.exists()


def test_too_large_is_refused_before_reading(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from briefing.bookmarks import store as store_module

    monkeypatch.setattr(store_module, "MAX_FILE_BYTES", 100)
    store = BookmarkStore(tmp_path / "b.json", owner=ME)
    store.path.write_bytes(b" " * 200)
    with pytest.raises(BookmarkFileError, match="too large"):
        store.edit("a1", lambda old: make("a1"))
    assert store.path.read_bytes() == b" " * 200


def test_a_folder_is_not_a_file(tmp_path: Path) -> None:
    with pytest.raises(BookmarkFileError, match="is a folder"):
        BookmarkStore(tmp_path, owner=ME).load()


def test_leftovers_of_killed_writers_are_cleaned_up(tmp_path: Path) -> None:
    store = BookmarkStore(tmp_path / "b.json", owner=ME)
    stale = tmp_path / ".b.json.abc123.tmp"
    stale.write_text("half a file")
    other = tmp_path / ".other.json.x.tmp"
    other.write_text("not ours")
    store.edit("a1", lambda old: make("a1"))
    assert not stale.exists() and other.exists()


def test_four_processes_add_250_each_and_lose_nothing(tmp_path: Path) -> None:
    path = tmp_path / "shared.json"
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(ROOT), str(ROOT / "tests")]))
    writers = [
        subprocess.Popen(
            [
                sys.executable,
                str(ROOT / "tests" / "bookmark_workers.py"),
                str(path),
                f"p{n}x",
                "250",
            ],
            env=env,
        )
        for n in range(4)
    ]
    for writer in writers:
        assert writer.wait(timeout=120) == 0
    result = decode(path.read_bytes())
    assert len(result) == 1000
    assert {e.article_id for e in result} == {f"p{n}x{i:04d}" for n in range(4) for i in range(250)}
    json.loads(path.read_text())  # plain JSON too
    assert path.read_bytes() == encode(result)


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_a_writer_killed_at_random_points_never_breaks_the_file(tmp_path: Path) -> None:
    path = tmp_path / "crash.json"
    store = BookmarkStore(path, owner=ME)
    add_one(store, "seed")
    context = multiprocessing.get_context("fork")
    rng = random.Random(20261127)
    acknowledged: set[str] = {"seed"}
    for round_number in range(100):
        receiver, sender = context.Pipe(duplex=False)
        writer = context.Process(
            target=add_forever, args=(str(path), f"r{round_number:03d}x", sender)
        )
        writer.start()
        sender.close()
        # Wait for the writer's first acknowledged write, so the kill lands
        # in the middle of writing however slow the machine is at starting
        # processes; then kill it at a random point.
        acknowledged.add(receiver.recv())
        time.sleep(rng.uniform(0.0, 0.03))
        os.kill(writer.pid, signal.SIGKILL)
        writer.join()
        while True:
            try:
                acknowledged.add(receiver.recv())
            except EOFError:
                break
        receiver.close()
        content = decode(path.read_bytes())  # always parses and validates
        missing = acknowledged - {e.article_id for e in content if e.live}
        assert not missing, f"round {round_number}: lost {sorted(missing)[:5]}"
        if store.backup_path.exists():
            decode(store.backup_path.read_bytes())
    assert len(acknowledged) > 100  # every writer wrote at least once
