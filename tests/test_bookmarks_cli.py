"""`briefing bookmarks …` and `briefing summary --bookmarked`, run for real."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import pytest
from conftest import STORY_TITLE, CliRunner, modules_loaded_by, write

ANSI_SGR = re.compile(r"\x1b\[[0-9;]*m")
ALMATY = "b500742d86ff"  # a bundled sample article
ALMATY_TITLE = "Almaty Hosts First SCO Digital Forum"


# Who "you" are in these tests (config.toml's [user] table).
ME = {"id": "ann@example.org", "name": "Ann"}


@pytest.fixture(autouse=True)
def me(isolated_dirs: Path) -> dict:
    write(
        isolated_dirs / "xdg_config_home" / "briefing" / "config.toml",
        '[user]\nname = "Ann"\nemail = "Ann@Example.org"\n',
    )
    return ME


@pytest.fixture
def bookmarks_file(tmp_path: Path) -> Path:
    return tmp_path / "mine.json"


def entries(path: Path) -> dict[str, dict]:
    return {e["article_id"]: e for e in json.loads(path.read_text())["bookmarks"]}


def one_line_error(result: subprocess.CompletedProcess[str], status: int = 1) -> str:
    assert result.returncode == status, (result.stdout, result.stderr)
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    return lines[0]


def story_id(run_cli: CliRunner, story_dir: Path) -> str:
    result = run_cli("summary", story_dir, "-f", "json")
    return json.loads(result.stdout)["articles"][0]["id"]


def test_add_note_tag_untag_remove_and_add_again(
    run_cli: CliRunner, bookmarks_file: Path, story_dir: Path
) -> None:
    sid = story_id(run_cli, story_dir)
    b = ("--bookmarks", bookmarks_file)
    added = run_cli(
        "bookmarks", "add", sid[:6], "--library", story_dir, "--note", "check figures",
        "--tag", "port", "--tag", "economy", *b,
    )  # fmt: skip
    assert added.returncode == 0, added.stderr
    assert added.stdout == f"bookmarked {sid}  {STORY_TITLE}\n"
    entry = entries(bookmarks_file)[sid]
    assert entry["title"] == STORY_TITLE
    assert entry["note"] == "check figures" and entry["tags"] == ["economy", "port"]
    assert entry["source"].endswith("harbour.txt") and not entry["source"].startswith("/")
    assert "Northbay Harbour Authority" in entry["excerpt"]
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{3})?Z", entry["updated"])
    assert entry["deleted"] is False

    # --bookmarks works before the action name too.
    tagged = run_cli("bookmarks", "--bookmarks", bookmarks_file, "tag", sid[:4], "vote", "port")
    assert tagged.returncode == 0, tagged.stderr
    assert tagged.stdout.endswith(": economy, port, vote\n")
    untagged = run_cli("bookmarks", "untag", sid, "economy", *b)
    assert untagged.stdout.endswith(": port, vote\n")
    assert entries(bookmarks_file)[sid]["tags"] == ["port", "vote"]

    noted = run_cli("bookmarks", "note", sid[:5], "new note", *b)
    assert noted.returncode == 0 and noted.stdout.startswith("set the note of")
    assert entries(bookmarks_file)[sid]["note"] == "new note"
    assert run_cli("bookmarks", "note", sid, "", *b).stdout.startswith("cleared the note")

    removed = run_cli("bookmarks", "remove", sid[:5], *b)
    assert removed.returncode == 0 and removed.stdout.startswith("removed")
    assert entries(bookmarks_file)[sid]["deleted"] is True  # a tombstone, kept
    gone = one_line_error(run_cli("bookmarks", "note", sid, "x", *b))
    assert "was removed" in gone
    assert (bookmarks_file.parent / "mine.json.bak").exists()

    again = run_cli("bookmarks", "add", sid, "--library", story_dir, *b)
    assert again.stdout.startswith("bookmarked again")
    assert entries(bookmarks_file)[sid]["deleted"] is False
    assert entries(bookmarks_file)[sid]["tags"] == ["port", "vote"]
    same = run_cli("bookmarks", "add", sid, "--library", story_dir, *b)
    assert same.stdout.startswith("already bookmarked")


def test_default_file_and_environment_variable(
    run_cli: CliRunner, tmp_path: Path, isolated_dirs: Path
) -> None:
    assert run_cli("bookmarks", "add", ALMATY[:6]).returncode == 0  # bundled samples
    default = isolated_dirs / "xdg_data_home" / "briefing" / "bookmarks.json"
    assert ALMATY in entries(default)
    elsewhere = tmp_path / "env.json"
    result = run_cli("bookmarks", "add", ALMATY, env={"BRIEFING_BOOKMARKS": str(elsewhere)})
    assert result.returncode == 0 and ALMATY in entries(elsewhere)
    listing = run_cli("bookmarks", "list", "-f", "json")
    (item,) = json.loads(listing.stdout)["bookmarks"]
    assert item["article_id"] == ALMATY and item["in_library"] is True
    assert item["matched_by"] == "id" and item["path"].endswith(".txt")


def test_list_formats(run_cli: CliRunner, bookmarks_file: Path) -> None:
    b = ("--bookmarks", bookmarks_file)
    run_cli("bookmarks", "add", ALMATY, "--tag", "sco", "--note", "line one\nline two", *b)
    plain = run_cli("bookmarks", "list", *b)
    assert plain.returncode == 0
    assert plain.stdout.splitlines()[:3] == [
        f"{ALMATY}  {ALMATY_TITLE}  [sco]",
        "    note: line one",
        "          line two",
    ]
    rich = run_cli("bookmarks", "list", "-f", "rich", *b, env={"FORCE_COLOR": "1"})
    assert "\x1b[" in rich.stdout and ALMATY_TITLE in ANSI_SGR.sub("", rich.stdout)
    data = json.loads(run_cli("bookmarks", "list", "-f", "json", *b).stdout)
    assert data["bookmarks"][0]["tags"] == ["sco"]
    assert run_cli("bookmarks", "list", "--tag", "nope", *b).stdout == "no bookmarks\n"
    assert run_cli(
        "bookmarks", "list", "--bookmarks", bookmarks_file.with_name("none.json")
    ).stdout == ("no bookmarks\n")


def colleague_file(path: Path, mine: dict) -> Path:
    """A colleague's file (version 1, no owners): my bookmark with another
    note written later, an article I do not have, and the removal of a
    bookmark we both had."""
    theirs = dict(mine, note="their note [red]!", updated="2026-02-01T00:00:00Z", tags=["theirs"])
    del theirs["owner"]
    unknown = {
        "article_id": "0123456789ab",
        "title": "Port Strike \x1b[31mEnds[/]",
        "source": "../../etc/passwd",
        "url": "https://example.org/strike",
        "excerpt": "Dock workers returned on Monday.",
        "note": "",
        "tags": ["port"],
        "created": "2026-01-01T00:00:00Z",
        "updated": "2026-01-01T00:00:00Z",
        "deleted": False,
        "their_field": {"kept": True},
    }
    gone = {
        "article_id": "fedcba987654",
        "title": "Old",
        "updated": "2026-02-01T00:00:00Z",
        "deleted": True,
    }
    document = {"format": "briefing.bookmarks", "version": 1, "bookmarks": [theirs, unknown, gone]}
    path.write_text(json.dumps(document))
    return path


def test_import_of_a_version_1_file_keeps_mine_and_names_theirs(
    run_cli: CliRunner, bookmarks_file: Path, tmp_path: Path
) -> None:
    b = ("--bookmarks", bookmarks_file)
    run_cli("bookmarks", "add", ALMATY, "--note", "my note", *b)
    mine_before = entries(bookmarks_file)[ALMATY]
    theirs = colleague_file(tmp_path / "bea.json", mine_before)
    result = run_cli("bookmarks", "import", theirs, *b)
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "from bea: 2 new bookmarks" in out
    assert "added    0123456789ab  Port Strike \\x1b[31mEnds[/]" in out
    assert f"added    {ALMATY}" in out
    assert "1 of the new bookmarks are of articles not in your library" in out
    assert f"bea's note and yours differ on {ALMATY}" in out
    assert "yours: my note" in out and "bea's: their note [red]!" in out
    assert f"{theirs} is a version 1 file: its bookmarks were taken as bea's" in out
    assert "--from NAME" in out
    file = json.loads(bookmarks_file.read_text())
    assert file["version"] == 2
    by_owner = {(e["article_id"], e["owner"]["id"]): e for e in file["bookmarks"]}
    assert by_owner[ALMATY, ME["id"]] == mine_before  # mine: untouched, to the byte
    assert by_owner[ALMATY, "bea"]["note"] == "their note [red]!"
    assert by_owner["0123456789ab", "bea"]["their_field"] == {"kept": True}
    assert by_owner["0123456789ab", "bea"]["source"] == "passwd"
    assert by_owner["fedcba987654", "bea"]["deleted"] is True
    # Importing again changes nothing.
    before = bookmarks_file.read_bytes()
    again = run_cli("bookmarks", "import", theirs, *b).stdout
    assert again.startswith("nothing changed")
    assert bookmarks_file.read_bytes() == before
    # --from names the sender of a version 1 file.
    named = run_cli("bookmarks", "import", theirs, "--from", "Bea Lee", *b).stdout
    assert "from Bea Lee: 2 new bookmarks" in named

    # `list` shows mine; --all everyone's, with notes labelled, literally.
    assert "their note" not in run_cli("bookmarks", "list", *b).stdout
    listing = run_cli("bookmarks", "list", "--all", *b).stdout
    assert listing.startswith("yours (Ann <ann@example.org>):\n")
    assert "bea:\n" in listing and "Bea Lee:\n" in listing
    assert (
        "  0123456789ab  Port Strike \\x1b[31mEnds[/]  [port]\n      not in your library\n"
        "      Dock workers returned on Monday." in listing
    )
    assert "      bea's note: their note [red]!" in listing
    assert "\x1b" not in listing
    assert "bea's note" in run_cli("bookmarks", "list", "--from", "BEA", *b).stdout
    assert "could be any of" in one_line_error(run_cli("bookmarks", "list", "--from", "be", *b))
    rich = run_cli(
        "bookmarks", "list", "--all", "-f", "rich", *b, env={"FORCE_COLOR": "1", "COLUMNS": "200"}
    ).stdout
    assert "\x1b[31m" not in rich and "\x1b]" not in rich
    assert "Port Strike \\x1b[31mEnds[/]" in ANSI_SGR.sub("", rich)
    assert "bea's note: their note [red]!" in ANSI_SGR.sub("", rich)
    data = json.loads(run_cli("bookmarks", "list", "--all", "-f", "json", *b).stdout)
    assert [e["mine"] for e in data["bookmarks"]].count(True) == 1


def person(tmp_path: Path, name: str, email: str | None = None) -> dict[str, str]:
    """The environment of someone else using briefing (their own config)."""
    lines = f'[user]\nname = "{name}"\n' + (f'email = "{email}"\n' if email else "")
    return {"BRIEFING_CONFIG": str(write(tmp_path / f"{name}.toml", lines))}


def test_two_people_share_bookmarks_without_touching_each_others(
    run_cli: CliRunner, tmp_path: Path
) -> None:
    """The session of issue 17: B bookmarked an article, noted it, later
    removed it; A had bookmarked it with a note. A imports B's file: A's
    bookmark and note are unchanged, and B's notes are there as B's."""
    un_chief = "fd3856536baf"
    a_file, b_file = tmp_path / "a.json", tmp_path / "b.json"
    a, b = ("--bookmarks", a_file), ("--bookmarks", b_file)
    bea = person(tmp_path, "Bea", "bea@example.org")
    run_cli("bookmarks", "add", un_chief, "--note", "Deutsche angle", "--tag", "un", *a)
    run_cli("bookmarks", "add", ALMATY, "--note", "ask Musin", *a)
    for args in (
        ("add", un_chief, "--note", "B's first thoughts"),
        ("remove", un_chief),
        ("add", ALMATY, "--note", "check the figures", "--tag", "sco"),
    ):
        assert run_cli("bookmarks", *args, *b, env=bea).returncode == 0
    shared = tmp_path / "from-bea.json"
    assert run_cli("bookmarks", "export", "--to", shared, *b, env=bea).returncode == 0
    mine_before = {e["article_id"]: e for e in json.loads(a_file.read_text())["bookmarks"]}

    result = run_cli("bookmarks", "import", shared, *a)
    assert result.returncode == 0, result.stderr
    assert "removed" not in result.stdout
    assert result.stdout.startswith("from Bea <bea@example.org>: 1 new bookmark\n")
    assert f"Bea's note and yours differ on {ALMATY}" in result.stdout
    after = json.loads(a_file.read_text())["bookmarks"]
    mine_after = {e["article_id"]: e for e in after if e["owner"]["id"] == ME["id"]}
    assert mine_after == mine_before  # byte for byte the same entries
    beas = {e["article_id"]: e for e in after if e["owner"]["id"] == "bea@example.org"}
    assert beas[ALMATY]["note"] == "check the figures" and beas[ALMATY]["tags"] == ["sco"]
    assert beas[un_chief]["deleted"] is True  # her removal is hers alone
    listing = run_cli("bookmarks", "list", "--all", *a).stdout
    assert "note: Deutsche angle" in listing and "Bea's note: check the figures" in listing
    # Ann's file goes back to Bea: Ann's bookmarks arrive, and Bea's own
    # entries in it (older copies of hers) are left out without a word.
    back = tmp_path / "from-ann.json"
    run_cli("bookmarks", "export", "--to", back, *a)
    echoed = run_cli("bookmarks", "import", back, *b, env=bea)
    assert echoed.stdout.startswith("from Ann <ann@example.org>: 2 new bookmarks\n")
    assert "claimed" not in echoed.stdout
    # A file from B that claims to be A's is refused, entry by entry.
    forged = json.loads(shared.read_text())
    for entry in forged["bookmarks"]:
        entry["owner"] = {"id": ME["id"], "name": "Ann"}
        entry["note"] = "forged"
    shared.write_text(json.dumps(forged))
    refused = run_cli("bookmarks", "import", shared, *a)
    assert "2 entries claimed to be yours (ann@example.org) and were not imported" in (
        refused.stdout
    )
    assert {e["article_id"]: e for e in json.loads(a_file.read_text())["bookmarks"]
            if e["owner"]["id"] == ME["id"]} == mine_before  # fmt: skip


def test_sync_between_two_copies_of_my_file_carries_removals_and_edits(
    run_cli: CliRunner, tmp_path: Path
) -> None:
    un_chief = "fd3856536baf"
    desk, laptop = tmp_path / "desk.json", tmp_path / "laptop.json"
    run_cli("bookmarks", "add", un_chief, "--note", "Deutsche angle", "--bookmarks", desk)
    run_cli("bookmarks", "add", ALMATY, "--note", "first", "--bookmarks", desk)
    laptop.write_bytes(desk.read_bytes())
    run_cli("bookmarks", "remove", un_chief, "--bookmarks", laptop)
    run_cli("bookmarks", "note", ALMATY, "edited on the laptop", "--bookmarks", laptop)
    # `import` refuses my own entries from a file...
    imported = run_cli("bookmarks", "import", laptop, "--bookmarks", desk)
    assert "2 entries claimed to be yours" in imported.stdout
    assert entries(desk)[ALMATY]["note"] == "first"
    # ...`sync` takes them: the removal and the edit travel.
    synced = run_cli("bookmarks", "sync", laptop, "--bookmarks", desk)
    assert synced.returncode == 0, synced.stderr
    assert synced.stdout.splitlines()[:3] == [
        "your bookmarks: 1 changed bookmark, 1 removed bookmark",
        f"    changed  {ALMATY}  {ALMATY_TITLE}",
        f"    removed  {un_chief}  U.N. Chief to Deliver Peace Message during Central Asia Tour",
    ]
    assert entries(desk)[un_chief]["deleted"] is True
    assert entries(desk)[ALMATY]["note"] == "edited on the laptop"
    assert "note_conflicts" not in entries(desk)[ALMATY]  # an edit, not a conflict
    assert desk.read_bytes() == laptop.read_bytes()
    assert run_cli("bookmarks", "sync", laptop, "--bookmarks", desk).stdout.startswith(
        "nothing changed"
    )


def test_whoami(run_cli: CliRunner, tmp_path: Path, isolated_dirs: Path) -> None:
    result = run_cli("bookmarks", "whoami")
    assert result.stdout.startswith("you are Ann (id ann@example.org), from [user] in ")
    (isolated_dirs / "xdg_config_home" / "briefing" / "config.toml").unlink()
    login = run_cli("bookmarks", "whoami").stdout
    assert "from your login name (set [user] name in" in login


def test_bad_files_are_refused_in_one_line_and_left_alone(
    run_cli: CliRunner, bookmarks_file: Path, tmp_path: Path
) -> None:
    b = ("--bookmarks", bookmarks_file)
    bookmarks_file.write_text(
        '{"format": "briefing.bookmarks", "version": 1, "bookmarks": [{"article_id": "a1"}]}'
    )
    original = bookmarks_file.read_bytes()
    for args in (("add", ALMATY), ("list",), ("remove", "a1"), ("export",)):
        line = one_line_error(run_cli("bookmarks", *args, *b))
        assert line == (
            f"briefing: bookmark file {bookmarks_file}: entry 1 (article_id 'a1'): \"updated\" must be "
            'a time like "2026-11-27T10:00:00Z"; it was left as it is'
        )
        assert bookmarks_file.read_bytes() == original

    bookmarks_file.write_text('{"format": "briefing.bookmarks", "version": 3, "bookmarks": []}')
    line = one_line_error(run_cli("bookmarks", "add", ALMATY, *b))
    assert "newer briefing (format version 3" in line and "upgrade" in line

    good = tmp_path / "good.json"
    run_cli("bookmarks", "add", ALMATY, "--bookmarks", good)
    before = good.read_bytes()
    broken = write(tmp_path / "broken.json", "{oops")
    line = one_line_error(
        run_cli(
            "bookmarks", "import", theirs := tmp_path / "missing.json", broken, "--bookmarks", good
        )
    )
    assert f"cannot read {theirs}: no such file; nothing was changed" in line
    line = one_line_error(run_cli("bookmarks", "import", broken, "--bookmarks", good))
    assert f"cannot read {broken}: not valid JSON" in line
    assert good.read_bytes() == before


def test_ids_unknown_ambiguous_and_usage(run_cli: CliRunner, bookmarks_file: Path) -> None:
    b = ("--bookmarks", bookmarks_file)
    line = one_line_error(run_cli("bookmarks", "add", "zzzz", *b))
    assert "no article with id 'zzzz'" in line
    run_cli("bookmarks", "add", ALMATY, *b)
    doc = json.loads(bookmarks_file.read_text())
    doc["bookmarks"] += [dict(doc["bookmarks"][0], article_id=f"abc{n}") for n in (1, 2)]
    bookmarks_file.write_text(json.dumps(doc))
    assert "ambiguous" in one_line_error(run_cli("bookmarks", "tag", "abc", "x", *b))
    assert "no bookmark with id 'nope'" in one_line_error(
        run_cli("bookmarks", "remove", "nope", *b)
    )
    assert run_cli("bookmarks", "tag", "abc1", *b).returncode == 2
    assert "empty" in one_line_error(run_cli("bookmarks", "tag", "abc1", " ", *b), status=2)
    assert run_cli("bookmarks", *b).returncode == 2
    assert run_cli("bookmarks", "frobnicate", *b).returncode == 2
    assert run_cli("bookmarks", "--help").returncode == 0
    missing_library = run_cli("bookmarks", "add", ALMATY, "--library", "nowhere", *b)
    assert "no such file or folder: nowhere" in one_line_error(missing_library)


def test_exports(run_cli: CliRunner, bookmarks_file: Path, tmp_path: Path) -> None:
    b = ("--bookmarks", bookmarks_file)
    run_cli("bookmarks", "add", ALMATY, "--tag", "sco", "--note", "*see* [this](javascript:x)", *b)
    hostile = {
        "article_id": "0123456789ab",
        "title": '"><script>alert(1)</script> & [link](x)',
        "url": 'https://example.org/a?b=1&c="2"',
        "excerpt": "<b>bold</b>",
        "note": "\x1b[31mred",
        "tags": ["a,b", "<t>"],
        "updated": "2026-01-01T00:00:00Z",
        "owner": ME,
    }
    scripted = dict(hostile, article_id="0123456789ac", url="javascript:alert(1)", title="Scripted")
    doc = json.loads(bookmarks_file.read_text())
    doc["bookmarks"] += [hostile, scripted]
    bookmarks_file.write_text(json.dumps(doc))

    exported = run_cli("bookmarks", "export", *b)
    assert exported.returncode == 0
    exported_ids = [e["article_id"] for e in json.loads(exported.stdout)["bookmarks"]]
    assert exported_ids == ["0123456789ab", "0123456789ac", ALMATY]  # canonical order

    markdown = run_cli("bookmarks", "export", "-f", "markdown", *b).stdout
    assert f"- **{ALMATY_TITLE}** · tags: sco" in markdown
    assert r"> \*see\* \[this\]\(javascript:x\)" in markdown
    assert (
        '["\\>\\<script\\>alert\\(1\\)\\</script\\> \\& \\[link\\]\\(x\\)](<https://example.org/a?b=1&c="2">)'
        in markdown
    )
    assert "javascript:alert" not in markdown and "\x1b" not in markdown

    html_file = tmp_path / "out" / "bookmarks.html"
    html_file.parent.mkdir()
    result = run_cli("bookmarks", "export", "-f", "html", "--to", html_file, *b)
    assert result.returncode == 0
    assert "2 bookmarks without a web address are not in the HTML" in result.stderr
    page = html_file.read_text()
    assert page.startswith("<!DOCTYPE NETSCAPE-Bookmark-file-1>")
    assert '<A HREF="https://example.org/a?b=1&amp;c=&quot;2&quot;"' in page
    assert 'TAGS="&lt;t&gt;,a b"' in page
    assert "&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt; &amp; [link](x)</A>" in page
    assert "<script>" not in page and "javascript:" not in page and "\x1b" not in page
    assert "<DD>[31mred — &lt;b&gt;bold&lt;/b&gt;" in page
    # Parses as HTML a browser would import: one link per exported bookmark.
    from html.parser import HTMLParser

    class Links(HTMLParser):
        def __init__(self) -> None:
            super().__init__()
            self.hrefs: list[str] = []

        def handle_starttag(self, tag: str, attrs: list) -> None:
            if tag == "a":
                self.hrefs.append(dict(attrs)["href"])

    parser = Links()
    parser.feed(page)
    assert parser.hrefs == ['https://example.org/a?b=1&c="2"']

    refused = run_cli("bookmarks", "export", "-f", "markdown", "--to", bookmarks_file, *b)
    assert "one of the bookmark files" in one_line_error(refused)


def test_merge_files_into_a_new_one(run_cli: CliRunner, tmp_path: Path) -> None:
    a, a_copy = tmp_path / "a.json", tmp_path / "a-copy.json"
    run_cli("bookmarks", "add", ALMATY, "--note", "from a", "--bookmarks", a)
    a_copy.write_bytes(a.read_bytes())
    run_cli("bookmarks", "note", ALMATY, "from the copy", "--bookmarks", a_copy)
    run_cli("bookmarks", "note", ALMATY, "from a, later", "--bookmarks", a)
    theirs = colleague_file(tmp_path / "bea.json", entries(a)[ALMATY])
    out = tmp_path / "c.json"
    result = run_cli("bookmarks", "merge", a, a_copy, theirs, "--to", out)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        f"merged 3 files into {out}",
        "Ann <ann@example.org>: 1 bookmark",
        f"    two versions of Ann's note differ on {ALMATY}  {ALMATY_TITLE}: both kept",
        "        the newer (shown as the note): from a, later",
        "        also kept: from the copy",
        "bea: 2 bookmarks and 1 removed bookmark",
        f"{theirs} is a version 1 file: its bookmarks were taken as bea's "
        "(name its owner with --from NAME)",
    ]
    merged = json.loads(out.read_text())["bookmarks"]
    assert [(e["article_id"], e["owner"]["id"]) for e in merged] == [
        ("0123456789ab", "bea"),
        (ALMATY, "ann@example.org"),
        (ALMATY, "bea"),
        ("fedcba987654", "bea"),
    ]
    # The same in another order, to stdout: byte-equal (the report on stderr).
    swapped = run_cli("bookmarks", "merge", theirs, a_copy, a)
    assert swapped.stdout.encode() == out.read_bytes()
    assert "two versions of Ann's note" in swapped.stderr
    assert one_line_error(run_cli("bookmarks", "merge", a), status=2).endswith(
        "merge needs at least two files (to add files to yours, use `import`)"
    )
    # The target must be a bookmark file or new: anything else is kept, and
    # no lock file is left beside it.
    precious = write(tmp_path / "notes.txt", "my notes")
    assert "left as it is" in one_line_error(
        run_cli("bookmarks", "merge", a, theirs, "--to", precious)
    )
    assert precious.read_text() == "my notes"
    assert not (tmp_path / "notes.txt.lock").exists()
    assert "one of the files being merged" in one_line_error(
        run_cli("bookmarks", "merge", a, theirs, "--to", a)
    )


def test_summary_of_bookmarked_articles(run_cli: CliRunner, bookmarks_file: Path) -> None:
    b = ("--bookmarks", bookmarks_file)
    assert "none of these articles is bookmarked" in one_line_error(
        run_cli("summary", "--bookmarked", *b)
    )
    run_cli("bookmarks", "add", ALMATY, *b)
    result = run_cli("summary", "--bookmarked", "-f", "json", *b)
    assert result.returncode == 0, result.stderr
    assert [a["id"] for a in json.loads(result.stdout)["articles"]] == [ALMATY]
    run_cli("bookmarks", "remove", ALMATY, *b)
    assert run_cli("summary", "--bookmarked", *b).returncode == 1


def test_bookmarks_do_not_import_textual(bookmarks_file: Path) -> None:
    loaded, _ = modules_loaded_by(
        ["bookmarks", "add", ALMATY, "--bookmarks", str(bookmarks_file)],
        ["bookmarks", "list", "--bookmarks", str(bookmarks_file)],
    )
    assert loaded == []


def test_the_excerpt_from_the_cache_is_the_summarizers(tmp_path: Path, isolated_dirs: Path) -> None:
    from briefing.analysis.summarize import DEFAULT_ALGORITHM, Length, summarize
    from briefing.bookmarks.articles import SUMMARY_ALGORITHM, excerpt_for
    from briefing.library.load import load_library
    from briefing.storage.cache import DerivedCache

    assert SUMMARY_ALGORITHM == DEFAULT_ALGORITHM
    write(
        tmp_path / "quay.txt",
        "Quay Repairs Approved\n\nThe council approved repairs to the old quay on Monday. "
        "Fishers had asked for them for years. Work starts in spring. Costs are unknown.\n",
    )
    article = load_library([tmp_path / "quay.txt"]).articles[0]
    cache = DerivedCache(isolated_dirs / "derived.sqlite3")
    first = excerpt_for(article, cache)  # worked out, then cached
    assert cache.summary(article.id, article.digest, DEFAULT_ALGORITHM, 2) is not None
    assert excerpt_for(article, cache) == first
    indices = summarize(article, length=Length(2)).indices
    assert first == " ".join(" ".join(article.sentences[i].text.split()) for i in indices)


def test_a_second_add_does_not_import_the_summarizer(run_cli: CliRunner, tmp_path: Path) -> None:
    sample = "b500742d86ff"  # a bundled sample article
    file = str(tmp_path / "b.json")
    assert run_cli("bookmarks", "add", sample, "--bookmarks", file).returncode == 0
    loaded, _ = modules_loaded_by(
        ["bookmarks", "remove", sample, "--bookmarks", file],
        ["bookmarks", "add", sample, "--bookmarks", file],
        prefix="briefing",
    )
    assert "briefing.analysis.summarize" not in loaded
    assert json.loads(Path(file).read_text())["bookmarks"][0]["excerpt"]
    # A few ms each at start (hashlib: OpenSSL, for a few small digests).
    for heavy in ("socket", "tempfile", "platformdirs", "numpy", "hashlib"):
        assert not modules_loaded_by(
            ["bookmarks", "remove", sample, "--bookmarks", file],
            ["bookmarks", "add", sample, "--bookmarks", file],
            prefix=heavy,
        )[0], heavy
