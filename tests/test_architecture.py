"""The layers stay layers: a pure core, two thin shells that never import each other."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "briefing"
CORE = ("analysis", "bookmarks", "feeds", "library", "presentation", "search", "storage")


def _imports(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def _modules(folder: str) -> list[Path]:
    return sorted((PACKAGE / folder).rglob("*.py"))


@pytest.mark.parametrize("path", _modules("tui"), ids=lambda p: p.relative_to(PACKAGE).as_posix())
def test_the_reader_never_imports_the_command_line(path: Path) -> None:
    assert not {name for name in _imports(path) if name.startswith("briefing.cli")}


@pytest.mark.parametrize(
    "path",
    [path for folder in CORE for path in _modules(folder)],
    ids=lambda p: p.relative_to(PACKAGE).as_posix(),
)
def test_the_core_knows_no_shell_and_no_textual(path: Path) -> None:
    shells = {
        name
        for name in _imports(path)
        if name.split(".")[0] == "textual" or name.startswith(("briefing.cli", "briefing.tui"))
    }
    assert not shells


def test_the_package_root_holds_only_the_entry_points() -> None:
    loose = {path.name for path in PACKAGE.glob("*.py")}
    assert loose == {"__init__.py", "__main__.py", "errors.py"}
