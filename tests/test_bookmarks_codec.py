"""Reading untrusted bookmark files strictly, and writing canonical ones."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st
from test_bookmarks_merge import collections, entries

from briefing.bookmarks import Bookmark, BookmarkFileError, Bookmarks, decode, encode
from briefing.bookmarks.codec import MAX_FILE_BYTES, layout
from briefing.bookmarks.model import format_time, parse_time
from briefing.bookmarks.owners import Owner

# Whose a version 1 file's entries become when read.
ME = Owner("me@example.org", "Me")


def read(data: bytes | str) -> Bookmarks:
    return decode(data, ME)


T = "2026-01-02T03:04:05Z"


def entry(**fields) -> dict:
    return {"article_id": "b500742d86ff", "title": "Forum", "updated": T, **fields}


def document(*items, **top) -> str:
    return json.dumps(
        {"format": "briefing.bookmarks", "version": 1, "bookmarks": list(items), **top}
    )


def test_the_design_example_reads() -> None:
    text = document(
        {
            "article_id": "b500742d86ff",
            "title": "Almaty Hosts First SCO Digital Forum",
            "source": "articles/almaty-hosts-first-sco-digital-forum.md",
            "url": None,
            "excerpt": "first sentences of the summary",
            "note": "",
            "tags": ["sco"],
            "created": "2026-11-27T10:00:00Z",
            "updated": "2026-11-27T10:00:00Z",
            "deleted": False,
        }
    )
    (found,) = read(text.encode())
    assert found.title == "Almaty Hosts First SCO Digital Forum"
    assert found.tags == ("sco",)
    assert found.updated == datetime(2026, 11, 27, 10, tzinfo=UTC)
    assert json.loads(encode(read(text.encode())))["bookmarks"][0]["updated"] == (
        "2026-11-27T10:00:00Z"
    )


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("{", "not valid JSON"),
        ("[]", "not a briefing bookmarks file"),
        ('{"format": "other", "version": 1}', "not a briefing bookmarks file"),
        (document().replace('"version": 1', '"version": 3'), "newer briefing (format version 3"),
        (document().replace('"version": 1', '"version": "1"'), '"version" must be a whole number'),
        (document().replace('"bookmarks": []', '"bookmarks": {}'), '"bookmarks" must be a list'),
        (document(entry(), 7), "entry 2: must be an object, not a number"),
        (
            document(entry(tags="sco")),
            "entry 1 (article_id 'b500742d86ff'): \"tags\" must be a list",
        ),
        (document(entry(tags=["a", 3])), '"tags" must be a list of text'),
        (document(entry(note=None)), '"note" must be text, not null'),
        (document(entry(url=5)), '"url" must be text or null'),
        (document(entry(deleted="no")), '"deleted" must be true or false'),
        (document(entry(updated="yesterday")), '"updated" is not a time'),
        (document({"article_id": "x y", "updated": T}), '"article_id" must be an id'),
        (document({"title": "no id", "updated": T}), '"article_id" must be an id'),
        (document({"article_id": "abc"}), '"updated" must be a time'),
        (document(entry(replaced_notes=["nothex"])), "16-digit hex"),
        (document(entry()).replace('"title"', '"x": 1e400, "title"'), "out of range"),
        ('{"format": "briefing.bookmarks", "version": 1, "n": NaN}', "NaN is not allowed"),
        (document(entry(deep=json.loads("[" * 40 + "]" * 40))), "nested more than"),
        ("[" * 100_000 + "]" * 100_000, "nested too deeply"),
        (b"\xff\xfe{}", "not UTF-8"),
    ],
)
def test_bad_files_are_refused_with_a_message_naming_the_problem(
    text: str | bytes, message: str
) -> None:
    data = text if isinstance(text, bytes) else text.encode()
    with pytest.raises(BookmarkFileError) as caught:
        read(data)
    assert message in str(caught.value)
    assert "\n" not in str(caught.value)


def test_size_cap() -> None:
    padding = "x" * (MAX_FILE_BYTES + 10)
    with pytest.raises(BookmarkFileError, match="too large"):
        decode(document(entry(pad=padding)).encode())


def test_empty_file_is_an_empty_collection() -> None:
    assert decode(b"") == Bookmarks()
    assert decode(b"  \n") == Bookmarks()


def test_defaults_bom_duplicates_and_time_zones() -> None:
    text = document(
        entry(tags=[" b ", "a", "a", ""], note="one", updated="2026-01-02T05:04:05+02:00"),
        entry(note="two", updated="2026-01-02T03:04:06"),
    )
    (found,) = read(("\ufeff" + text).encode())
    assert found.tags == ("a", "b")
    # The two entries for one article are merged: the newer note wins, the
    # other is kept as a conflict; +02:00 is converted to UTC.
    assert found.note == "two" and found.note_conflicts == ("one",)
    assert found.created == datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC)
    assert (found.source, found.url, found.excerpt, found.deleted) == (None, None, "", False)


def test_unknown_fields_survive_a_round_trip() -> None:
    text = document(
        entry(colour="red", nested={"b": [1, {"z": None, "a": True}], "a": 2.5}),
        exported_by="someone",
        zz={"k": [1, 2]},
    )
    found = read(text.encode())
    data = encode(found)
    parsed = json.loads(data)
    assert parsed["exported_by"] == "someone" and parsed["zz"] == {"k": [1, 2]}
    item = parsed["bookmarks"][0]
    assert item["colour"] == "red"
    assert item["nested"] == {"a": 2.5, "b": [1, {"a": True, "z": None}]}
    assert read(data) == found and encode(read(data)) == data


@given(st.datetimes(timezones=st.just(UTC)))
def test_times_round_trip_exactly(moment: datetime) -> None:
    assert parse_time(format_time(moment)) == moment
    assert format_time(moment).endswith("Z")


def test_layout_is_one_entry_per_line() -> None:
    when = datetime(2026, 1, 1, tzinfo=UTC)
    two = Bookmarks(
        {
            (i, ME.id): Bookmark(i, f"Title {i}", created=when, updated=when, owner=ME)
            for i in ("b2", "a1")
        }
    )
    lines = encode(two).decode().splitlines()
    assert lines[:4] == [
        "{",
        '  "format": "briefing.bookmarks",',
        '  "version": 2,',
        '  "bookmarks": [',
    ]
    assert lines[4].startswith(
        '    {"article_id": "a1", "owner": {"id": "me@example.org", "name": "Me"}, '
        '"title": "Title a1"'
    ) and lines[4].endswith("},")
    assert lines[5].startswith('    {"article_id": "b2"') and lines[5].endswith("}")
    assert lines[6:] == ["  ]", "}"]
    assert encode(Bookmarks()).decode().endswith('"bookmarks": []\n}\n')


@given(collections(), entries())
def test_editing_one_line_in_place_equals_rewriting_the_file(
    bookmarks: Bookmarks, entry: Bookmark
) -> None:
    data = encode(bookmarks)
    spots = layout(data)
    if not len(bookmarks):
        assert spots is None
        return
    assert spots is not None
    index, present = spots.locate(entry.key)
    old = spots.entry_at(index, entry.key) if present else None
    assert old == bookmarks.get(entry.article_id, entry.owner.id)
    changed = entry.with_note(entry.note + "!", when=entry.updated + timedelta(seconds=1))
    chunks = spots.with_entry(index, changed, replacing=old is not None)
    assert b"".join(chunks) == encode(bookmarks.with_entry(changed))
