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

from briefing.analysis.facts import vocabulary

__all__ = ["Lexicon", "lexicon"]

_DATA = Path(__file__).resolve().parent / "data"
_lock = threading.Lock()


@dataclass(frozen=True, slots=True)
class Lexicon:
    given_names: frozenset[str]
    # Given names mostly given to women, and to men: "she said" is not Paul's.
    female_names: frozenset[str]
    male_names: frozenset[str]
    surnames: frozenset[str]
    # Lower-case word -> frequency rank (0 = most frequent).
    word_rank: dict[str, int]
    # Place name as written -> canonical name ("U.S." -> "United States").
    places: dict[str, str]
    # The places that contain others (countries, states, counties, regions; not
    # cities): "Keswick, Cumbria" and "Keswick in Cumbria" make Keswick a place.
    regions: frozenset[str]
    # Countries and the nations of the UK: national sides are places, city clubs bodies.
    countries: frozenset[str]

    def rank(self, word: str) -> int:
        return self.word_rank.get(word.lower(), 1_000_000)

    def is_common(self, word: str, limit: int = 25_000) -> bool:
        return self.rank(word) < limit


def _lines(name: str) -> list[str]:
    """The entries of a bundled list: the lines after its "#" header."""
    lines = (_DATA / name).read_text(encoding="utf-8").split("\n")
    start = 0
    while start < len(lines) and lines[start].startswith("#"):
        start += 1
    if lines and not lines[-1]:
        lines.pop()
    return lines[start:]


def _pycountry_json(name: str) -> dict:
    spec = importlib.util.find_spec("pycountry")
    if spec is None or spec.origin is None:
        return {}
    path = Path(spec.origin).parent / "databases" / name
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


# Subdivision types that news copy names ("Essex", "North Yorkshire", "Sulawesi",
# "Anbar"); the thousands of districts and municipalities are left out as noise.
_SUBDIVISIONS = vocabulary.words("subdivision_types")
# The types kept even when their name is an everyday word ("Georgia", "Victoria").
_MAJOR = vocabulary.words("major_subdivisions")
# Other single-word subdivisions are left out when they are among this many most
# common words ("Reading", "Centre", "Mary").
_COMMON_RANK = 3_000


def _places(
    word_rank: dict[str, int],
) -> tuple[dict[str, str], frozenset[str], frozenset[str]]:
    from briefing.analysis.facts.places import COMPASS, REGIONS, country_aliases

    places: dict[str, str] = {}
    regions: set[str] = set()
    for line in _lines("cities.txt"):
        name = line[: line.find("\t")]
        places.setdefault(name, name)
    subdivisions = _pycountry_json("iso3166-2.json").get("3166-2", [])
    for sub in subdivisions:
        kind = sub.get("type")
        if kind not in _SUBDIVISIONS:
            continue
        # "Bridgend [Pen-y-bont ar Ogwr GB-POG]": the English name only.
        name = sub["name"].partition(" [")[0]
        if "(" in name or "," in name:
            continue
        everyday = word_rank.get(name.lower(), _COMMON_RANK) < _COMMON_RANK
        if (kind not in _MAJOR and " " not in name and everyday) or name in COMPASS:
            # "Central", "Western" (provinces of Zambia, regions of Ghana) are directions.
            continue
        places.setdefault(name, name)
        regions.add(name)
    countries: set[str] = set()
    for country in _pycountry_json("iso3166-1.json").get("3166-1", []):
        canonical = country.get("common_name") or country["name"]
        for key in ("name", "common_name", "official_name"):
            value = country.get(key)
            if value and "," not in value:
                places[value] = canonical
                countries.add(value)
    # "St Lucia", "St Petersburg": the short form news copy uses.
    for name in [n for n in places if n[:6] == "Saint "]:
        places.setdefault("St " + name[6:], places[name])
    aliases = country_aliases()
    places.update(aliases)
    countries.update(aliases)
    for region in REGIONS:
        places[region] = region
        regions.add(region)
    countries.update(vocabulary.words("home_nations"))
    for county in vocabulary.words("english_counties"):
        places.setdefault(county, county)
        regions.add(county)
    return places, frozenset(regions | countries), frozenset(countries)


@cache
def _load() -> Lexicon:
    words = _lines("common_words.txt")
    word_rank = dict(zip(words, range(len(words)), strict=True))
    given = [line.partition("\t") for line in _lines("given_names.txt")]
    given_names = frozenset(name for name, _, _ in given)
    places, regions, countries = _places(word_rank)
    return Lexicon(
        given_names=given_names,
        female_names=frozenset(name for name, _, sex in given if sex == "f"),
        male_names=frozenset(name for name, _, sex in given if sex == "m"),
        surnames=frozenset(_lines("surnames.txt")),
        word_rank=word_rank,
        places=places,
        regions=regions,
        countries=countries,
    )


def lexicon() -> Lexicon:
    """The word lists; safe to call from several threads (the reader's workers)."""
    with _lock:
        return _load()
