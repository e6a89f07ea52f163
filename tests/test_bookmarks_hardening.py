"""Hostile and broken bookmark files (issue 15): each case that once broke
a command, by name, and property-based tests that the importer and the merge
only ever answer with our one-line errors."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from conftest import ROOT, CliRunner, write
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefing.bookmarks import (
    Bookmark,
    BookmarkFileError,
    Bookmarks,
    BookmarkStore,
    decode,
    encode,
    merge,
)
from briefing.bookmarks.codec import MAX_CHARS, MAX_FILE_BYTES
from briefing.bookmarks.model import later_than, now_utc
from briefing.bookmarks.owners import Owner

ALMATY = "b500742d86ff"  # a bundled sample article
ME = Owner("ann@example.org", "Ann")
BEA = Owner("bea", "bea")
T = "2026-01-02T03:04:05Z"


@pytest.fixture(autouse=True)
def me(isolated_dirs: Path) -> None:
    write(
        isolated_dirs / "xdg_config_home" / "briefing" / "config.toml",
        '[user]\nname = "Ann"\nemail = "ann@example.org"\n',
    )


def document(*entries: dict, version: int = 2) -> str:
    return json.dumps({"format": "briefing.bookmarks", "version": version, "bookmarks": entries})


def entry(article_id: str = "a1", owner: Owner = BEA, **fields) -> dict:
    return {
        "article_id": article_id,
        "owner": {"id": owner.id, "name": owner.name},
        "title": f"Title {article_id}",
        "updated": T,
        **fields,
    }


def one_line_error(result: subprocess.CompletedProcess[str], status: int = 1) -> str:
    assert result.returncode == status, (result.stdout, result.stderr)
    assert "Traceback" not in result.stderr and "internal error" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    return lines[0]


# -- item 2: never write what could not be read back ----------------------------


def test_issue15_import_that_would_lock_you_out_is_refused(
    run_cli: CliRunner, tmp_path: Path
) -> None:
    mine = tmp_path / "mine.json"
    run_cli("bookmarks", "add", ALMATY, "--bookmarks", mine)
    before = mine.read_bytes()
    # Two files, each readable (11 MB), that together would be over 20 MB.
    note = "n" * MAX_CHARS["note"]
    for name in ("one", "two"):
        entries = [entry(f"{name}{n:04d}", note=note) for n in range(110)]
        write(tmp_path / f"{name}.json", document(*entries))
    result = run_cli("bookmarks", "import", tmp_path / "one.json", tmp_path / "two.json",
                     "--bookmarks", mine)  # fmt: skip
    line = one_line_error(result)
    assert "would make the file 2" in line and "over the 20 MB that can be read back" in line
    assert mine.read_bytes() == before
    assert run_cli("bookmarks", "list", "--bookmarks", mine).returncode == 0


def test_issue15_field_sizes_are_capped(run_cli: CliRunner, tmp_path: Path) -> None:
    mine = tmp_path / "mine.json"
    run_cli("bookmarks", "add", ALMATY, "--bookmarks", mine)
    before = mine.read_bytes()
    huge = "x" * (MAX_CHARS["note"] + 1)
    line = one_line_error(run_cli("bookmarks", "note", ALMATY, huge, "--bookmarks", mine))
    assert '"note" is longer than 100,000 characters' in line
    assert mine.read_bytes() == before
    big = write(tmp_path / "big.json", document(entry(note=huge)))
    line = one_line_error(run_cli("bookmarks", "import", big, "--bookmarks", mine))
    assert "entry 1 (article_id 'a1'): \"note\" is longer than" in line
    too_many = write(tmp_path / "tags.json", document(entry(tags=[f"t{n}" for n in range(201)])))
    assert "more than 200 items" in one_line_error(
        run_cli("bookmarks", "import", too_many, "--bookmarks", mine)
    )
    assert mine.read_bytes() == before


def test_issue15_store_refuses_a_file_over_the_cap_before_writing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from briefing.bookmarks import store as store_module

    store = BookmarkStore(tmp_path / "b.json", owner=ME)
    store.edit("a1", lambda old: Bookmark("a1", "t", created=now_utc(), updated=now_utc()))
    before = store.path.read_bytes()
    monkeypatch.setattr(store_module, "MAX_FILE_BYTES", len(before) + 10)
    with pytest.raises(BookmarkFileError, match="can be read back"):
        store.note("a1", "a note longer than ten bytes")  # the line edit in place
    with pytest.raises(BookmarkFileError, match="can be read back"):
        store.update(lambda b: b.with_entry(Bookmark("b2", "t" * 50, created=now_utc(),
                                                     updated=now_utc(), owner=ME)))  # fmt: skip
    assert store.path.read_bytes() == before


# -- item 4: far-future times ----------------------------------------------------


def test_issue15_far_future_timestamp_is_clamped(run_cli: CliRunner, tmp_path: Path) -> None:
    mine = tmp_path / "mine.json"
    run_cli("bookmarks", "add", ALMATY, "--note", "keep me", "--bookmarks", mine)
    # A copy of my own file with a removal stamped in the year 9999: on sync
    # it is taken as made now (so it does remove), and reported.
    doc = json.loads(mine.read_text())
    doc["bookmarks"][0].update(updated="9999-12-31T23:59:59.999999Z", deleted=True)
    doc["bookmarks"].append(entry("c3", updated="3000-01-01T00:00:00Z"))
    hostile = write(tmp_path / "hostile.json", json.dumps(doc))
    result = run_cli("bookmarks", "sync", hostile, "--bookmarks", mine)
    assert result.returncode == 0, result.stderr
    assert "2 entries had a time more than a day in the future; set to now" in result.stdout
    stamps = [e["updated"] for e in json.loads(mine.read_text())["bookmarks"]]
    assert all(s < "2100" for s in stamps), stamps
    # A later edit here wins over it, and bringing the bookmark back works.
    again = run_cli("bookmarks", "add", ALMATY, "--bookmarks", mine)
    assert again.returncode == 0 and again.stdout.startswith("bookmarked again"), again.stderr


def test_issue15_far_future_timestamp_never_overflows(tmp_path: Path) -> None:
    last = datetime.max.replace(tzinfo=UTC)
    assert later_than(last) == last
    assert later_than(last - timedelta(microseconds=1)) == last
    # A file of my own already holding the last moment there is (written by
    # an older briefing) can still be edited.
    store = BookmarkStore(tmp_path / "b.json", owner=ME)
    write(store.path, document(entry("a1", owner=ME, updated="9999-12-31T23:59:59.999999Z",
                                     deleted=True)))  # fmt: skip
    edited = store.restore("a1", note="back")
    assert edited.after is not None and edited.after.live and edited.after.note == "back"
    with pytest.raises(BookmarkFileError, match='"updated" is not a time like'):
        decode(document(entry(updated="0001-01-01T00:00:00+01:00")))  # no OverflowError


# -- item 5: only regular files ----------------------------------------------------


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_issue15_fifo_bookmark_file_is_refused_not_waited_on(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.json"
    os.mkfifo(fifo)
    mine = tmp_path / "mine.json"
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    for args in (
        ["import", str(fifo), "--bookmarks", str(mine)],
        ["merge", str(mine), str(mine), "--to", str(fifo)],
        ["list", "--bookmarks", str(fifo)],
        ["add", ALMATY, "--bookmarks", str(fifo)],
    ):
        if args[0] == "merge":
            write(mine, document())
        result = subprocess.run(
            [sys.executable, "-m", "briefing", "bookmarks", *args],
            capture_output=True, text=True, env=env, timeout=30,
        )  # fmt: skip
        assert "not a regular file" in one_line_error(result), args
    assert fifo.exists() and not fifo.is_file()


# -- item 8: a symlinked file --------------------------------------------------------


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="needs symlinks")
def test_issue15_symlinked_bookmark_file_is_written_through(
    run_cli: CliRunner, tmp_path: Path
) -> None:
    shared = tmp_path / "shared" / "team.json"
    link = tmp_path / "mine.json"
    write(shared, document())
    link.symlink_to(shared)
    assert run_cli("bookmarks", "add", ALMATY, "--bookmarks", link).returncode == 0
    assert link.is_symlink() and link.resolve() == shared
    assert ALMATY in shared.read_text()
    store = BookmarkStore(link, owner=ME)
    assert store.lock_path == shared.with_name("team.json.lock")
    assert store.load().is_bookmarked(ALMATY)
    # A dangling link: the file is made where it points.
    dangling = tmp_path / "dangling.json"
    dangling.symlink_to(tmp_path / "shared" / "new.json")
    assert run_cli("bookmarks", "add", ALMATY, "--bookmarks", dangling).returncode == 0
    assert dangling.is_symlink() and (tmp_path / "shared" / "new.json").is_file()


# -- item 10: unknown fields equal in Python, written differently ------------------


@pytest.mark.parametrize(
    ("left", "right"),
    [(1, 1.0), (True, 1), (0.0, -0.0), ([1], [True]), ({"a": 1}, {"a": 1.0})],
)
def test_issue15_merge_is_byte_commutative_for_unknown_fields(left: object, right: object) -> None:
    def one(value: object) -> Bookmarks:
        return decode(document(entry(colour=value)), ME)

    a, b = one(left), one(right)
    assert encode(merge(a, b)) == encode(merge(b, a))
    assert encode(merge(merge(a, b), a)) == encode(merge(a, b))
    top_a = decode(json.dumps({**json.loads(document()), "x": left}))
    top_b = decode(json.dumps({**json.loads(document()), "x": right}))
    assert encode(merge(top_a, top_b)) == encode(merge(top_b, top_a))


# -- item 11: text that is not valid Unicode ---------------------------------------


def test_issue15_lone_surrogates_in_a_file_are_mended(run_cli: CliRunner, tmp_path: Path) -> None:
    mine = tmp_path / "mine.json"
    text = document(entry("a1", owner=Owner("ann@example.org", "Ann"), note="x"))
    write(mine, text.replace('"note": "x"', '"note": "bad \\ud800 pair \\ud83d\\ude00"'))
    listing = run_cli("bookmarks", "list", "--bookmarks", mine)
    assert listing.returncode == 0, listing.stderr
    assert "bad \ufffd pair \U0001f600" in listing.stdout
    assert run_cli("bookmarks", "tag", "a1", "x", "--bookmarks", mine).returncode == 0
    assert "\ufffd" in mine.read_text(encoding="utf-8")
    with pytest.raises(BookmarkFileError, match="not valid Unicode"):
        encode(Bookmarks({("a1", ME.id): Bookmark("a1", "\ud800", created=now_utc(),
                                                   updated=now_utc(), owner=ME)}))  # fmt: skip


def test_issue15_invalid_utf8_argument_is_refused(tmp_path: Path) -> None:
    mine = tmp_path / "mine.json"
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    command = [sys.executable, "-m", "briefing", "bookmarks"]
    subprocess.run([*command, "add", ALMATY, "--bookmarks", str(mine)], env=env, check=True,
                   capture_output=True)  # fmt: skip
    before = mine.read_bytes()
    for args in ([b"note", ALMATY.encode(), b"caf\xe9"], [b"tag", ALMATY.encode(), b"\xff"]):
        result = subprocess.run(
            [*command, *args, "--bookmarks", str(mine)], env=env, capture_output=True
        )
        stderr = result.stderr.decode("utf-8", "replace")
        assert result.returncode == 2 and "Traceback" not in stderr, stderr
        assert "is not valid UTF-8" in stderr
    assert mine.read_bytes() == before


# -- item 12: Markdown export and --to -----------------------------------------------


def test_issue15_markdown_export_escapes_rule_lines_in_notes(
    run_cli: CliRunner, tmp_path: Path
) -> None:
    mine = tmp_path / "mine.json"
    note = "first line\n---\n===\n  - - -"
    run_cli("bookmarks", "add", ALMATY, "--note", note, "--bookmarks", mine)
    markdown = run_cli("bookmarks", "export", "-f", "markdown", "--bookmarks", mine).stdout
    assert "  > first line\n  > \\---\n  > \\===\n  >   \\- - -\n" in markdown


def test_issue15_failed_merge_to_leaves_no_lock_file(run_cli: CliRunner, tmp_path: Path) -> None:
    a = write(tmp_path / "a.json", document(entry("a1")))
    b = write(tmp_path / "b.json", document(entry("b2")))
    for target in (write(tmp_path / "notes.txt", "not bookmarks"), tmp_path / "folder"):
        if target.suffix != ".txt":
            target.mkdir()
        one_line_error(run_cli("bookmarks", "merge", a, b, "--to", target))
        assert not target.with_name(target.name + ".lock").exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.json", "b.json", "folder",
                                                         "notes.txt"]  # fmt: skip


# -- the classes, not only the cases: property-based tests ---------------------------

_json_leaf = st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=8)
_json = st.recursive(
    _json_leaf,
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner, max_size=3)
    ),
    max_leaves=8,
)
_times = st.sampled_from(
    [T, "9999-12-31T23:59:59.999999Z", "0001-01-01T00:00:00+01:00", "2026-02-30T00:00:00Z",
     "3000-01-01T00:00:00Z", "yesterday", "2026-01-02T03:04:05+14:00", "2026-01-02"]
)  # fmt: skip
_owners = st.sampled_from(
    [{"id": "bea", "name": "Bea"}, {"id": "ann@example.org", "name": "\x1b]0;x\x07[b]"},
     {"id": ""}, "bea", None, {"id": "x" * 201, "name": "x"}]
)  # fmt: skip


@st.composite
def _entries(draw: st.DrawFn) -> object:
    fields = {
        "article_id": draw(st.sampled_from(["a1", "b2", "x y", "", "b500742d86ff"])),
        "owner": draw(_owners),
        "title": draw(st.text(max_size=10) | _json_leaf),
        "note": draw(st.sampled_from(["", "n", "\ud800", "line\n---"]) | _json_leaf),
        "tags": draw(st.lists(st.text(max_size=5), max_size=3) | _json),
        "note_conflicts": draw(st.lists(st.sampled_from(["", "n", "m"]), max_size=2) | _json),
        "replaced_notes": draw(st.lists(st.sampled_from(["0123456789abcdef", "zz"]), max_size=2)),
        "updated": draw(_times | _json_leaf),
        "created": draw(_times),
        "deleted": draw(st.booleans() | _json_leaf),
        "source": draw(st.sampled_from([None, "/home/x/a.txt", "a.txt", "C:\\x\\b.md", 3])),
        "colour": draw(_json),
    }
    keep = draw(st.sets(st.sampled_from(sorted(fields))))
    return {k: v for k, v in fields.items() if k in keep or k in ("article_id", "updated")}


@st.composite
def _files(draw: st.DrawFn) -> bytes:
    top = {
        "format": draw(st.sampled_from(["briefing.bookmarks", "other"])),
        "version": draw(st.sampled_from([1, 2, 3, 0, "2", 2.0])),
        "bookmarks": draw(st.lists(_entries(), max_size=5) | _json),
        "extra": draw(_json),
    }
    text = json.dumps(top, ensure_ascii=draw(st.booleans()))
    if draw(st.booleans()):  # damage it somewhere
        cut = draw(st.integers(0, len(text)))
        text = (
            text[:cut]
            + draw(st.sampled_from(["", "\\ud800", '"', "}", "\x00", "1e999"]))
            + (text[cut:])
        )
    return text.encode("utf-8", "surrogatepass")


def _import_and_merge(first: bytes, second: bytes) -> None:
    """What `import` and `merge` do with two files: our one-line error, or a
    result that writes, reads back identically, and merges lawfully."""
    try:
        a, b = decode(first, BEA), decode(second, ME)
    except BookmarkFileError as error:
        assert "\n" not in str(error)
        return
    try:
        merged = encode(merge(a, b))
    except BookmarkFileError as error:  # a union over the caps: refused
        assert "\n" not in str(error)
        return
    assert encode(merge(b, a)) == merged
    assert encode(decode(merged)) == merged
    assert len(merged) <= MAX_FILE_BYTES


_FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
_FUZZ = settings(max_examples=10_000, deadline=None, suppress_health_check=list(HealthCheck))


@_FAST
@given(_files(), _files())
def test_importer_and_merge_answer_only_with_our_errors(first: bytes, second: bytes) -> None:
    _import_and_merge(first, second)


@_FAST
@given(st.binary(max_size=200))
def test_importer_reads_any_bytes_without_an_internal_error(data: bytes) -> None:
    _import_and_merge(data, document().encode())


@pytest.mark.fuzz
@_FUZZ
@given(_files(), _files())
def test_fuzz_importer_and_merge(first: bytes, second: bytes) -> None:
    _import_and_merge(first, second)


@pytest.mark.fuzz
@_FUZZ
@given(st.binary(max_size=2_000))
def test_fuzz_importer_on_random_bytes(data: bytes) -> None:
    _import_and_merge(data, data)
