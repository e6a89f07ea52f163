"""The README's promises that can drift: every binding id is documented."""

from __future__ import annotations

import re

from conftest import ROOT
from textual.binding import Binding

from briefing.tui.keys import binding_owners


def test_every_binding_has_a_unique_documented_id() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    documented = set(re.findall(r"`([a-z]+\.[a-z_]+)`", readme))
    ids = [b.id for owner in binding_owners() for b in owner.BINDINGS if isinstance(b, Binding)]
    assert all(ids), "every binding needs an id, so users can remap it"
    assert len(ids) == len(set(ids))
    assert set(ids) <= documented, f"undocumented: {sorted(set(ids) - documented)}"


def test_readme_commands_install_and_test() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```sh\n(.*?)\n```", readme, re.S)
    assert "pip install . && briefing" in blocks[0]
    assert 'pip install -e ".[test]" && python -m pytest' in blocks[1]
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert 'pip install --quiet -e ".[test]"' in ci and "python -m pytest" in ci
