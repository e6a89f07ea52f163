"""Places: regions, everyday names of countries, and nationality words.

Cities, states and the ISO country names come from the lexicon (GeoNames via
geotext, and pycountry); this module adds what those lists lack: the names
news copy actually uses ("Britain", "the US", "South Korea"), world regions,
and the nationality adjectives that look like names but are not entities.
"""

from __future__ import annotations

from briefing.analysis.facts import vocabulary

__all__ = [
    "COMPASS",
    "DEMONYMS",
    "MULTIWORD_DEMONYMS",
    "PLACE_HEADS",
    "PLACE_SUFFIXES",
    "REGIONS",
    "country_aliases",
    "place_name",
]

# World regions and the everyday names the gazetteers lack ("Middle East", "Wall Street").
REGIONS = vocabulary.words("regions")
# The last word of a geographic or landmark name ("Aral Sea", "Ferrow Park"), the first
# ("Mount Kenya", "Lake Chad"), and directions before a known place ("North Atlantic").
PLACE_SUFFIXES = vocabulary.words("place_suffixes")
PLACE_HEADS = vocabulary.words("place_heads")
COMPASS = vocabulary.words("compass")


def country_aliases() -> dict[str, str]:
    """Every everyday or official name of a country -> the name we show."""
    aliases: dict[str, str] = {}
    for canonical, forms in vocabulary.mapping("country_aliases").items():
        aliases[canonical] = canonical
        for form in forms.split(" | "):
            aliases[form] = canonical
    return aliases


# Nationality and people words: capitalised like names, but neither a place
# nor an organisation ("Danish rower", "Afghan forces").
DEMONYMS = vocabulary.words("demonyms")
# Two-word ones: "Sri Lankan officials", "South Korean President X".
MULTIWORD_DEMONYMS = vocabulary.words("multiword_demonyms")


def place_name(text: str, places: dict[str, str]) -> str | None:
    """The canonical place a name stands for, or None."""
    found = places.get(text)
    if found is None and text.startswith("the "):
        found = places.get(text[4:])
    return found
