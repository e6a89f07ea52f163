"""The word lists of the key-facts rules, in one home: the ``*.txt`` files beside
this module, each list defined once (a test keeps it so).

A file holds lists, each under a header ``[name]`` or ``[name: form]``; lines
starting with "#" are comments. The form says how its lines read:

- ``words`` (the default): entries separated by white space;
- ``phrases``: one entry a line ("at home to", "North America");
- ``mapping``: ``key = value``, or ``key = a | b | c`` for several values;
- ``tagged``: ``entry : tag tag …``, the rules an entry counts for (one list of
  speech verbs serves every rule, each verb tagged with the ones it counts for).

The big tables (given names, surnames, common words, cities) are in ``../data``,
loaded by ``lexicon``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

__all__ = [
    "Section",
    "alternation",
    "mapping",
    "ordered",
    "sections",
    "speech_verbs",
    "tagged",
    "words",
]

_HERE = Path(__file__).resolve().parent
_FORMS = frozenset(("words", "phrases", "mapping", "tagged"))


@dataclass(frozen=True, slots=True)
class Section:
    name: str
    form: str
    file: str
    entries: tuple[str, ...]  # as written, duplicates kept (the test looks for them)
    values: tuple[str, ...]  # mapping values / tags, one per entry ("" for plain lists)


def _parse(path: Path) -> list[Section]:
    found: list[Section] = []
    name = form = ""
    entries: list[str] = []
    values: list[str] = []

    def close() -> None:
        if name:
            found.append(Section(name, form, path.name, tuple(entries), tuple(values)))

    for raw in path.read_text(encoding="utf-8").split("\n"):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("[") and line.endswith("]"):
            close()
            name, _, form = (part.strip() for part in line[1:-1].partition(":"))
            form = form or "words"
            if form not in _FORMS:
                raise ValueError(f"{path.name}: unknown form {form!r} of [{name}]")
            entries, values = [], []
        elif form == "words":
            entries += line.split()
            values += [""] * len(line.split())
        elif form == "phrases":
            entries.append(line)
            values.append("")
        else:
            key, _, value = line.partition("=" if form == "mapping" else ":")
            entries.append(key.strip())
            values.append(value.strip())
    close()
    return found


@cache
def sections() -> tuple[Section, ...]:
    """Every list of every file, in file order (a list defined twice appears twice)."""
    return tuple(s for path in sorted(_HERE.glob("*.txt")) for s in _parse(path))


@cache
def _by_name() -> dict[str, Section]:
    return {s.name: s for s in sections()}


def _section(name: str, *forms: str) -> Section:
    section = _by_name().get(name)
    if section is None or section.form not in forms:
        raise KeyError(f"no word list [{name}] of form {'/'.join(forms)}")
    return section


def ordered(name: str) -> tuple[str, ...]:
    """The entries of a list of words or phrases, in file order."""
    return tuple(dict.fromkeys(_section(name, "words", "phrases").entries))


def words(name: str) -> frozenset[str]:
    """The entries of a list of words or phrases, as a set."""
    return frozenset(_section(name, "words", "phrases").entries)


def mapping(name: str) -> dict[str, str]:
    """A ``key = value`` list as a dict, in file order."""
    section = _section(name, "mapping")
    return dict(zip(section.entries, section.values, strict=True))


def tagged(name: str, tag: str) -> tuple[str, ...]:
    """The entries of a tagged list that carry this tag, in file order."""
    section = _section(name, "tagged")
    return tuple(
        e for e, tags in zip(section.entries, section.values, strict=True) if tag in tags.split()
    )


def alternation(entries: tuple[str, ...]) -> str:
    """A regular-expression alternation of the entries ("according to" matches any spaces)."""
    return "|".join(re.escape(e).replace(r"\ ", r"\s+") for e in entries)


def speech_verbs(tag: str) -> str:
    """The speech verbs that count for one rule (see speech.txt), as an alternation."""
    return alternation(tagged("speech_verbs", tag))
