"""Bookmarks between people, as search and settings see them."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import CliRunner, write

from briefing.bookmarks.owners import Owner, owner_from, whoami
from briefing.search.query import BOOKMARKED, parse_query
from briefing.storage.config import load_settings

ALMATY = "b500742d86ff"  # bundled sample articles
UN_CHIEF = "fd3856536baf"


def test_owner_ids_follow_what_you_say_you_are(tmp_path: Path, monkeypatch) -> None:
    assert owner_from(" Ann  Lee ") == Owner("Ann Lee", "Ann Lee")
    assert owner_from("Ann", " Ann@Example.ORG ") == Owner("ann@example.org", "Ann")
    assert owner_from("", "ann@example.org").name == "ann@example.org"
    config = write(tmp_path / "c.toml", '[user]\nname = "Ann"\nemail = 7\n')
    monkeypatch.setenv("BRIEFING_CONFIG", str(config))
    assert "user.email must be text in quotes" in load_settings().problems[0]
    assert whoami()[0] == Owner("Ann", "Ann")
    write(config, 'user = "Ann"\n')
    assert "[user] must be a table" in load_settings().problems[0]
    owner, where = whoami()  # the login name
    assert owner.id and "login name" in where


def test_bookmarked_name_in_a_query() -> None:
    (term,) = parse_query("bookmarked:Bea").terms
    assert term.kind == BOOKMARKED and term.words == ("bea",)
    assert str(parse_query('-bookmarked:"Bea Lee" is:bookmarked')) == (
        "-bookmarked:bea lee is:bookmarked"
    )


def test_search_is_bookmarked_means_mine_and_bookmarked_name_means_theirs(
    run_cli: CliRunner, tmp_path: Path
) -> None:
    mine, theirs = tmp_path / "mine.json", tmp_path / "theirs.json"
    bea = {"BRIEFING_CONFIG": str(write(tmp_path / "bea.toml", '[user]\nname = "Bea Lee"\n'))}
    run_cli("bookmarks", "add", ALMATY, "--bookmarks", mine)
    run_cli("bookmarks", "add", UN_CHIEF, "--bookmarks", theirs, env=bea)
    run_cli("bookmarks", "import", theirs, "--bookmarks", mine)

    def found(query: str) -> list[str]:
        result = run_cli("search", "-f", "json", "--bookmarks", mine, "--", query)
        assert result.returncode == 0, result.stderr
        return [hit["id"] for hit in json.loads(result.stdout)["results"]]

    assert found("is:bookmarked") == [ALMATY]
    assert found("bookmarked:bea") == [UN_CHIEF]
    assert found('bookmarked:"bea lee"') == [UN_CHIEF]
    assert found("-bookmarked:bea") and UN_CHIEF not in found("-bookmarked:bea")
    assert sorted(found("is:bookmarked OR bookmarked:bea")) == sorted([ALMATY, UN_CHIEF])
    result = run_cli("search", "bookmarked:nobody", "--bookmarks", mine)
    assert "nobody called nobody has bookmarks here" in result.stdout + result.stderr
