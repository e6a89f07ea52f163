"""Word lists for the extractor, loaded once, on first use.

Given names, surnames, common English words and cities come from small tables
in ``data/`` (derived from PyPI packages by scripts/build_fact_wordlists.py;
each file's header names its source and licence). Country names are read
straight from the JSON that the installed pycountry ships, without importing
pycountry itself: its import alone costs about 40 ms.
"""

from __future__ import annotations

import importlib.util
import json
import threading
from dataclasses import dataclass
from functools import cache
from pathlib import Path

__all__ = ["Lexicon", "lexicon"]

_DATA = Path(__file__).resolve().parent / "data"
_lock = threading.Lock()


@dataclass(frozen=True, slots=True)
class Lexicon:
    given_names: frozenset[str]
    surnames: frozenset[str]
    # Lower-case word -> frequency rank (0 = most frequent).
    word_rank: dict[str, int]
    # Place name as written -> canonical name ("U.S." -> "United States").
    places: dict[str, str]

    def rank(self, word: str) -> int:
        return self.word_rank.get(word.lower(), 1_000_000)

    def is_common(self, word: str, limit: int = 25_000) -> bool:
        return self.rank(word) < limit


def _lines(name: str) -> list[str]:
    text = (_DATA / name).read_text(encoding="utf-8")
    return [line for line in text.splitlines() if line and not line.startswith("#")]


def _pycountry_json(name: str) -> dict:
    spec = importlib.util.find_spec("pycountry")
    if spec is None or spec.origin is None:
        return {}
    path = Path(spec.origin).parent / "databases" / name
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def _places() -> dict[str, str]:
    from briefing.facts.places import REGIONS, country_aliases

    places: dict[str, str] = {}
    for line in _lines("cities.txt"):
        name, _, _country = line.partition("\t")
        places.setdefault(name, name)
    subdivisions = _pycountry_json("iso3166-2.json").get("3166-2", [])
    for sub in subdivisions:
        # States and provinces of the large federations are news places;
        # the thousands of districts and municipalities elsewhere are noise.
        if sub.get("type") in ("State", "Province", "Country", "Nation", "Territory"):
            name = sub["name"]
            if "(" not in name and "," not in name:
                places.setdefault(name, name)
    for country in _pycountry_json("iso3166-1.json").get("3166-1", []):
        canonical = country.get("common_name") or country["name"]
        for key in ("name", "common_name", "official_name"):
            value = country.get(key)
            if value and "," not in value:
                places[value] = canonical
    places.update(country_aliases())
    for region in REGIONS:
        places[region] = region
    return places


@cache
def _load() -> Lexicon:
    words = _lines("common_words.txt")
    return Lexicon(
        given_names=frozenset(_lines("given_names.txt")),
        surnames=frozenset(_lines("surnames.txt")),
        word_rank={w: i for i, w in enumerate(words)},
        places=_places(),
    )


def lexicon() -> Lexicon:
    """The word lists; safe to call from several threads (the reader's workers)."""
    with _lock:
        return _load()
