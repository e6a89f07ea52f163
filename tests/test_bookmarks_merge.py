"""The merge laws, checked with hypothesis on small, collision-rich data:
few ids, few times (so ties in `updated` are common), few notes and tags."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from hypothesis import given
from hypothesis import strategies as st

from briefing.bookmarks import Bookmark, Bookmarks, decode, encode, merge, merge_entries
from briefing.bookmarks.model import note_digest
from briefing.bookmarks.owners import Owner

IDS = ["a1", "b2", "c3"]
NOTES = ["", "read this", "call Ana", "[bold]x[/] \x1b[31m", "line one\nline two"]
T0 = datetime(2025, 6, 1, 10, 0, tzinfo=UTC)
TIMES = [T0 + timedelta(milliseconds=ms) for ms in (0, 0, 1, 500, 1000, 60_000)]
# Two people, one of them under two names (a rename: the id says who).
ANN, BEA = Owner("ann@example.org", "Ann"), Owner("bea", "bea")
OWNERS = [ANN, BEA, Owner("ann@example.org", "Ann Lee")]

extra_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-5, 5)
    # Equal in Python, written differently: 1 and 1.0 and True, 0.0 and -0.0.
    | st.sampled_from([1.0, 0.0, -0.0, 2.5])
    | st.sampled_from(["x", "ü", "{}"]),
    lambda inner: st.lists(inner, max_size=2) | st.dictionaries(st.sampled_from("pq"), inner),
    max_leaves=4,
)


@st.composite
def entries(draw: st.DrawFn, article_id: str | None = None) -> Bookmark:
    created, updated = sorted(draw(st.lists(st.sampled_from(TIMES), min_size=2, max_size=2)))
    return Bookmark(
        article_id=article_id or draw(st.sampled_from(IDS)),
        title=draw(st.sampled_from(["Harbour vote", "Harbour Vote", "Port"])),
        source=draw(st.sampled_from([None, "articles/port.md"])),
        url=draw(st.sampled_from([None, "https://example.org/port"])),
        excerpt=draw(st.sampled_from(["", "The authority approved the plan."])),
        note=draw(st.sampled_from(NOTES)),
        tags=tuple(draw(st.lists(st.sampled_from(["port", "sco", "b", "a b"]), max_size=3))),
        created=created,
        updated=updated,
        deleted=draw(st.booleans()),
        note_conflicts=tuple(draw(st.lists(st.sampled_from(NOTES), max_size=2))),
        replaced_notes=tuple(
            note_digest(n) for n in draw(st.lists(st.sampled_from(NOTES[1:]), max_size=1))
        ),
        extra=draw(st.dictionaries(st.sampled_from(["colour", "zz", "_a"]), extra_values)),
        owner=draw(st.sampled_from(OWNERS)),
    )


@st.composite
def collections(draw: st.DrawFn) -> Bookmarks:
    found = draw(st.lists(entries(), max_size=4))
    extra = draw(st.dictionaries(st.sampled_from(["exported_by", "z"]), extra_values))
    return Bookmarks({e.key: e for e in found}, extra)


@given(collections(), collections())
def test_merge_is_commutative(a: Bookmarks, b: Bookmarks) -> None:
    assert merge(a, b) == merge(b, a)
    assert encode(merge(a, b)) == encode(merge(b, a))


@given(collections())
def test_merge_is_idempotent(a: Bookmarks) -> None:
    assert merge(a, a) == a
    assert encode(merge(a, a)) == encode(a)


@given(collections(), collections(), collections())
def test_merge_is_associative(a: Bookmarks, b: Bookmarks, c: Bookmarks) -> None:
    assert merge(merge(a, b), c) == merge(a, merge(b, c))


@given(entries("a1"), entries("a1"), entries("a1"))
def test_entry_merge_laws_on_one_article(a: Bookmark, b: Bookmark, c: Bookmark) -> None:
    # The same laws where every entry collides (the interesting case).
    assert merge_entries(a, b) == merge_entries(b, a)
    assert merge_entries(a, a) == a
    assert merge_entries(merge_entries(a, b), c) == merge_entries(a, merge_entries(b, c))


def _notes(entry: Bookmark) -> set[str]:
    return {n for n in (entry.note, *entry.note_conflicts) if n}


@given(collections(), collections())
def test_no_note_is_ever_dropped(a: Bookmarks, b: Bookmarks) -> None:
    merged = merge(a, b)
    for side in (a, b):
        for entry in side:
            result = merged.get(entry.article_id, entry.owner.id)
            assert result is not None
            for note in _notes(entry):
                # Kept, unless a user edited it away (recorded as replaced).
                assert note in _notes(result) or note_digest(note) in result.replaced_notes


@given(entries("a1"), entries("a1"))
def test_without_edits_every_note_survives(a: Bookmark, b: Bookmark) -> None:
    from dataclasses import replace

    a, b = replace(a, replaced_notes=()), replace(b, replaced_notes=())
    result = merge_entries(a, b)
    assert _notes(result) == _notes(a) | _notes(b)


@given(entries("a1"), entries("a1"))
def test_newer_wins_and_tags_are_unioned(a: Bookmark, b: Bookmark) -> None:
    result = merge_entries(a, b)
    assert result.tags == tuple(sorted(set(a.tags) | set(b.tags)))
    assert result.created == min(a.created, b.created)
    if a.updated != b.updated:
        newer = a if a.updated > b.updated else b
        assert (result.note, result.deleted, result.title, result.extra) == (
            newer.note,
            newer.deleted,
            newer.title,
            newer.extra,
        )
        assert result.updated == newer.updated


@given(collections(), entries("b2"))
def test_tombstones_travel(a: Bookmarks, entry: Bookmark) -> None:
    # A removal newer than every other version reaches the merged file.
    live = entry if not entry.deleted else entry.restored()
    newest = max([live.updated, *(e.updated for e in a)])
    tombstone = Bookmark(**{**_fields(live), "updated": newest + timedelta(seconds=1)}).removed()
    merged = merge(a, Bookmarks({tombstone.key: tombstone}, me=live.owner.id))
    assert merged.get("b2") is not None and merged.get("b2").deleted
    assert not merged.is_bookmarked("b2")
    # And through a further merge with an older copy of the live entry.
    assert merge(merged, Bookmarks({live.key: live})).get("b2").deleted
    # Nobody else's entry for the article was touched.
    for other in a:
        if other.article_id == "b2" and other.owner.id != live.owner.id:
            assert merged.get("b2", other.owner.id) == other


@given(collections(), collections())
def test_people_never_touch_each_others_entries(a: Bookmarks, b: Bookmarks) -> None:
    merged = merge(a, b)
    for key, entry in merged.entries.items():
        sources = [s.entries[key] for s in (a, b) if key in s.entries]
        assert entry.owner.id == key[1] and all(s.owner.id == key[1] for s in sources)
        if len(sources) == 1:
            assert entry is sources[0]


def _fields(entry: Bookmark) -> dict:
    return {name: getattr(entry, name) for name in Bookmark.__dataclass_fields__}


@given(collections())
def test_round_trip_keeps_everything_including_unknown_fields(a: Bookmarks) -> None:
    data = encode(a)
    again = decode(data)
    assert again == a
    assert encode(again) == data


@given(st.lists(entries(), max_size=5), st.randoms())
def test_canonical_output_ignores_order(found: list[Bookmark], random) -> None:
    unique = list({e.key: e for e in found}.values())
    shuffled = unique[:]
    random.shuffle(shuffled)
    a = Bookmarks({e.key: e for e in unique})
    b = Bookmarks({e.key: e for e in shuffled})
    assert encode(a) == encode(b)
    text = encode(a).decode()
    keys = [
        line.split('"')[3] + " " + line.split('"')[9]
        for line in text.splitlines()
        if line.startswith("    {")
    ]
    assert keys == sorted(keys)
    for entry in decode(encode(a)):
        assert list(entry.tags) == sorted(set(entry.tags))


def test_a_conflict_is_kept_and_an_edit_is_not_a_conflict() -> None:
    base = Bookmark("a1", "Port", created=T0, updated=T0, note="v1", owner=ANN)
    mine = base.with_note("mine", when=T0 + timedelta(minutes=1))  # I edited v1
    theirs = base.with_note("theirs", when=T0 + timedelta(minutes=2))  # so did a colleague
    merged = merge_entries(mine, theirs)
    assert (merged.note, merged.note_conflicts) == ("theirs", ("mine",))
    # An old copy of my own note is history, not a conflict.
    assert merge_entries(mine, base).note_conflicts == ()
    assert merge_entries(mine, base).note == "mine"
    # Settling the conflict by writing a note travels too.
    settled = merged.with_note("both: mine and theirs")
    assert merge_entries(settled, theirs).note_conflicts == ()
    assert merge_entries(settled, mine).note_conflicts == ()


def test_equal_times_are_settled_by_content_not_by_order() -> None:
    a = Bookmark("a1", "Port", created=T0, updated=T0, note="alpha", owner=ANN)
    b = Bookmark("a1", "Port", created=T0, updated=T0, note="beta", owner=ANN)
    assert merge_entries(a, b) == merge_entries(b, a)
    result = merge_entries(a, b)
    assert {result.note, *result.note_conflicts} == {"alpha", "beta"}
