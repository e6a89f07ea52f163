"""Places: regions, everyday names of countries, and nationality words.

Cities, states and the ISO country names come from the lexicon (GeoNames via
geotext, and pycountry); this module adds what those lists lack: the names
news copy actually uses ("Britain", "the US", "South Korea"), world regions,
and the nationality adjectives that look like names but are not entities.
"""

from __future__ import annotations

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

REGIONS = frozenset(
    """
    Africa|Asia|Europe|Antarctica|Oceania|Australasia|Eurasia|North America|South America|
    Central America|Latin America|the Americas|Middle East|Near East|Far East|Central Asia|
    South Asia|Southern Asia|East Asia|South-East Asia|Southeast Asia|West Africa|East Africa|
    North Africa|Southern Africa|Central Africa|Sub-Saharan Africa|Western Europe|Eastern Europe|
    Central Europe|Northern Europe|Southern Europe|Scandinavia|the Balkans|Balkans|Caucasus|
    the Caribbean|Caribbean|Mediterranean|the Gulf|Persian Gulf|Arabian Peninsula|Siberia|
    Indian Ocean|Pacific Ocean|Atlantic Ocean|Arctic Ocean|Pacific|Atlantic|Arctic|Baltic|
    North Sea|Black Sea|Red Sea|Caspian Sea|South China Sea|Horn of Africa|Sahel|Kashmir|
    Gaza|West Bank|Kurdistan|Darfur|Tibet|Patagonia|Amazon|Himalayas|Alps|Sahara|
    England|Scotland|Wales|Northern Ireland|Britain|Great Britain|Ireland|Hong Kong|Macau|
    Taiwan|Palestine|Kosovo|Silicon Valley|Wall Street|Westminster|Whitehall|Downing Street
    """.replace("\n", "").split("|")
)

# The last word of a geographic or landmark name: "Aral Sea", "Ewood Park".
PLACE_SUFFIXES = frozenset(
    """
    Sea Ocean River Lake Lakes Mountains Island Islands Isles Bay Gulf Strait Straits
    Peninsula Valley Desert Coast Canal Falls Hills Heights Basin Delta Plateau Archipelago
    Park Square Street Avenue Airport Stadium Arena Bridge Beach Reservoir Estuary Glacier
    Highlands Lowlands Plain Plains Range
    """.split()
)
# The first word of one: "Mount Kenya", "Lake Chad".
PLACE_HEADS = frozenset("Mount Mt Lake Cape".split())
# "North Atlantic", "Southern Sudan", "Greater Manchester": a direction before a known place.
COMPASS = frozenset(
    "North South East West Northern Southern Eastern Western Central Upper Lower Greater "
    "Inner Outer North-East North-West South-East South-West".split()
)

# Everyday and abbreviated names -> the name we show.
_COUNTRY_ALIASES = {
    "United States": "US US. U.S. USA U.S.A. America United States of America",
    "UK": "U.K. United Kingdom Britain Great Britain",
    "Russia": "Russian Federation",
    "Iran": "Islamic Republic of Iran",
    "South Korea": "Republic of Korea",
    "North Korea": "DPRK",
    "Syria": "Syrian Arab Republic",
    "Vietnam": "Viet Nam",
    "Laos": "Lao",
    "Czech Republic": "Czechia",
    "Netherlands": "Holland the Netherlands",
    "Ivory Coast": "Côte d'Ivoire",
    "Burma": "Myanmar",
    "Democratic Republic of Congo": "DRC DR Congo",
    "UAE": "United Arab Emirates",
    "Turkey": "Türkiye",
    "Moldova": "Republic of Moldova",
    "Tanzania": "United Republic of Tanzania",
    "Venezuela": "Bolivarian Republic of Venezuela",
    "Bolivia": "Plurinational State of Bolivia",
    "Maldives": "Maldive Islands",
    "Macedonia": "North Macedonia",
}
_MULTIWORD = (
    "United States of America",
    "United Kingdom",
    "Great Britain",
    "Russian Federation",
    "Islamic Republic of Iran",
    "Republic of Korea",
    "Syrian Arab Republic",
    "Viet Nam",
    "Czech Republic",
    "Côte d'Ivoire",
    "Democratic Republic of Congo",
    "DR Congo",
    "United Arab Emirates",
    "Republic of Moldova",
    "United Republic of Tanzania",
    "North Macedonia",
    "Bolivarian Republic of Venezuela",
    "Plurinational State of Bolivia",
    "Maldive Islands",
    "United States",
    "the Netherlands",
)


def country_aliases() -> dict[str, str]:
    aliases: dict[str, str] = {}
    for canonical, forms in _COUNTRY_ALIASES.items():
        aliases[canonical] = canonical
        rest = forms
        for multi in _MULTIWORD:
            if multi in rest:
                aliases[multi] = canonical
                rest = rest.replace(multi, "")
        for form in rest.split():
            aliases[form] = canonical
    return aliases


# Nationality and people words: capitalised like names, but neither a place
# nor an organisation ("Greek sprinter", "Afghan forces").
DEMONYMS = frozenset(
    """
    Afghan Afghans African Albanian Algerian American Americans Angolan Arab Arabs Argentine
    Argentinian Armenian Asian Australian Austrian Azerbaijani Azeri Bahraini Bangladeshi
    Belarusian Belgian Bolivian Bosnian Brazilian British Briton Britons Bulgarian Burmese
    Cambodian Cameroonian Canadian Chilean Chinese Colombian Congolese Croatian Cuban Cypriot
    Czech Dane Danes Danish Dutch Ecuadorean Egyptian English Eritrean Estonian Ethiopian
    European Europeans Filipino Finnish Finn French Frenchman Frenchwoman Georgian German
    Germans Ghanaian Greek Greeks Haitian Hungarian Icelandic Indian Indians Indonesian
    Iranian Iranians Iraqi Iraqis Irish Irishman Israeli Israelis Italian Italians Jamaican
    Japanese Jordanian Kazakh Kazakhs Kazakhstani Kenyan Korean Koreans Kosovan Kurdish Kurds
    Kuwaiti Kyrgyz Latvian Lebanese Liberian Libyan Lithuanian Malaysian Malian Maltese
    Mexican Moldovan Mongolian Moroccan Namibian Nepalese Nigerian Norwegian Omani Pakistani
    Pakistanis Palestinian Palestinians Peruvian Polish Pole Poles Portuguese Qatari Romanian
    Russian Russians Rwandan Saudi Saudis Scottish Scot Scots Senegalese Serb Serbian Serbs
    Singaporean Slovak Slovakian Slovenian Somali Spanish Spaniard Lankan Sudanese Swede
    Swedes Swedish Swiss Syrian Syrians Taiwanese Tajik Tanzanian Thai Tibetan Tunisian Turk
    Turkish Turks Turkmen Ugandan Ukrainian Ukrainians Uzbek Uzbeks Venezuelan Vietnamese
    Welsh Yemeni Zambian Zimbabwean Western Westerners Eastern Northern Southern Asian
    Caribbean Latin Arabic Hispanic Catholic Catholics Muslim Muslims Christian Christians
    Jewish Jews Sunni Shia Shiite Hindu Buddhist Sikh Islamic Islamist Islamists Soviet
    Olympic Olympian Olympians Eurasian Scandinavian Balkan Gulf Sino Anglo Euro
    """.split()
)

# Two-word nationality words: "Sri Lankan officials", "South Korean President X".
MULTIWORD_DEMONYMS = frozenset(
    """
    Sri Lankan|New Zealander|New Zealanders|South African|South Africans|South Korean|
    North Korean|Saudi Arabian|Latin American|Puerto Rican|Costa Rican|Sierra Leonean|
    Hong Kong's|Northern Irish|Bosnian Serb|Bosnian Serbs|Kosovo Albanian|Greek Cypriot|
    Turkish Cypriot|Native American|Native Americans|African American|African Americans
    """.replace("\n", "").split("|")
)


def place_name(text: str, places: dict[str, str]) -> str | None:
    """The canonical place a name stands for, or None."""
    found = places.get(text)
    if found is None and text.startswith("the "):
        found = places.get(text[4:])
    return found
