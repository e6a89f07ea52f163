"""The key-facts word lists have one home (``facts/vocabulary``): each list is
defined once, holds no member twice, and is used; no module spells a word list
inline. The name rules are placed exactly once in one precedence."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from briefing.analysis.facts import vocabulary
from briefing.analysis.facts.rules import ALL_RULES, PRECEDENCE, names, organisation, person, place
from briefing.analysis.facts.rules.speaker import STRATEGIES

FACTS = Path(vocabulary.__file__).resolve().parent.parent
SECTIONS = vocabulary.sections()
# Tuples of names that are not vocabulary: the kinds of facts and the rules' order.
NOT_WORD_LISTS = frozenset(("__all__", "KINDS", "ENTITY_KINDS", "PRECEDENCE"))


def test_no_list_is_defined_twice() -> None:
    seen: dict[str, str] = {}
    twice = []
    for section in SECTIONS:
        if section.name in seen:
            twice.append(f"[{section.name}] in {seen[section.name]} and {section.file}")
        seen[section.name] = section.file
    assert twice == []


@pytest.mark.parametrize("section", SECTIONS, ids=[s.name for s in SECTIONS])
def test_no_member_twice(section: vocabulary.Section) -> None:
    seen: set[str] = set()
    repeated = [e for e in section.entries if e in seen or seen.add(e)]  # type: ignore[func-returns-value]
    assert repeated == []
    assert section.entries, "an empty list"


def _sources() -> list[Path]:
    return [p for p in sorted(FACTS.rglob("*.py")) if "vocabulary" not in p.parts]


def test_every_list_is_used() -> None:
    code = "\n".join(p.read_text(encoding="utf-8") for p in _sources())
    used = set(re.findall(r"""["']([a-z_]+)["']""", code))
    assert [s.name for s in SECTIONS if s.name not in used] == []


def _inline_lists(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skip: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign) and any(
            isinstance(t, ast.Name) and t.id in NOT_WORD_LISTS for t in node.targets
        ):
            skip.add(id(node.value))
    found = []
    for node in ast.walk(tree):
        if id(node) in skip:
            continue
        if isinstance(node, (ast.Tuple, ast.Set, ast.List)):
            words = [
                e.value
                for e in node.elts
                if isinstance(e, ast.Constant) and isinstance(e.value, str)
            ]
            if len(words) >= 3 and all(
                w.replace("-", "").replace(" ", "").isalpha() for w in words
            ):
                found.append(f"{path.name}:{node.lineno} {words[:4]}")
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr == "split"
            and isinstance(node.func.value, ast.Constant)
            and isinstance(node.func.value.value, str)
            and len(node.func.value.value.split()) >= 3
        ):
            found.append(f"{path.name}:{node.lineno} {node.func.value.value[:40]!r}.split()")
    return found


def test_no_module_spells_a_word_list_inline() -> None:
    assert [hit for path in _sources() for hit in _inline_lists(path)] == []


def test_the_inline_check_finds_a_word_list(tmp_path: Path) -> None:
    module = tmp_path / "inline.py"
    module.write_text('A = frozenset("said says told".split())\nB = ("Mr", "Mrs", "Dr")\n')
    assert len(_inline_lists(module)) == 2


def test_a_duplicate_or_a_second_definition_is_seen(tmp_path: Path) -> None:
    words = tmp_path / "words.txt"
    words.write_text("[colours]\nred green red\n\n[colours: phrases]\nsky blue\n")
    sections = vocabulary._parse(words)
    assert [s.name for s in sections] == ["colours", "colours"]
    assert sections[0].entries == ("red", "green", "red")


def test_every_rule_is_placed_once_in_the_precedence() -> None:
    defined = [r.name for m in (names, person, organisation, place) for r in m.RULES]
    assert len(defined) == len(set(defined)) == len(ALL_RULES)
    assert sorted(PRECEDENCE) == sorted(defined)


def test_speaker_strategies_after_before_carried() -> None:
    assert [name for name, _ in STRATEGIES] == ["after-quote", "before-quote", "carried"]
