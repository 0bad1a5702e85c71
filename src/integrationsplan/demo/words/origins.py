"""Every origin country of the demo clients, weighted as in BW, the showcase order and the German names."""

from __future__ import annotations

from integrationsplan.demo.words import names_africa, names_asia, names_europe
from integrationsplan.demo.words.origin import Origin, families, names

# Origin(weight, languages, male given names, female given names, family names, ...) by ISO 3166 code;
# Kosovo as XKX.
ORIGINS: dict[str, Origin] = {
    "UKR": names_europe.UKR,
    "SYR": names_asia.SYR,
    "AFG": names_asia.AFG,
    "TUR": names_europe.TUR,
    "IRQ": names_asia.IRQ,
    "NGA": names_africa.NGA,
    "XKX": names_europe.XKX,
    "ERI": names_africa.ERI,
    "IRN": names_asia.IRN,
    "RUS": names_europe.RUS,
    "GMB": names_africa.GMB,
    "GEO": names_europe.GEO,
    "PAK": names_asia.PAK,
    "SOM": names_africa.SOM,
}

# The first households take these nationalities, so even a small demo shows every script.
SHOWCASE = ("UKR", "SYR", "AFG", "ERI", "TUR", "RUS", "IRQ", "GEO", "NGA", "IRN", "UKR", "SYR")

GERMAN_MALE = names("Jürgen", "Björn", "Jörg", "Sören", "Günter", "Matthias")
GERMAN_FEMALE = names("Bärbel", "Jana", "Anja", "Käthe", "Sabine", "Gisela")
GERMAN_FAMILY = families("Müller", "Schäfer", "Köhler", "Krüger", "Weiß", "Bäuerle", "Häußler", "Wößner")
