"""Places in Baden-Württemberg: municipalities with district and postcode, streets, housing, Kitas, schools."""

from __future__ import annotations

# Municipality, Landkreis or Stadtkreis for the authorities' names, and the municipality's postcode.
MUNICIPALITIES = (
    ("Waldshut-Tiengen", "Waldshut", "79761"),
    ("Bad Säckingen", "Waldshut", "79713"),
    ("Laufenburg (Baden)", "Waldshut", "79725"),
    ("Wehr", "Waldshut", "79664"),
    ("Stühlingen", "Waldshut", "79780"),
    ("Freiburg im Breisgau", "Freiburg", "79098"),
    ("Lörrach", "Lörrach", "79539"),
    ("Weil am Rhein", "Lörrach", "79576"),
    ("Rheinfelden (Baden)", "Lörrach", "79618"),
    ("Tübingen", "Tübingen", "72070"),
    ("Rottenburg am Neckar", "Tübingen", "72108"),
    ("Reutlingen", "Reutlingen", "72764"),
    ("Metzingen", "Reutlingen", "72555"),
    ("Ulm", "Ulm", "89073"),
    ("Konstanz", "Konstanz", "78462"),
    ("Singen (Hohentwiel)", "Konstanz", "78224"),
    ("Radolfzell am Bodensee", "Konstanz", "78315"),
    ("Göppingen", "Göppingen", "73033"),
    ("Geislingen an der Steige", "Göppingen", "73312"),
    ("Villingen-Schwenningen", "Schwarzwald-Baar", "78050"),
    ("Schwäbisch Gmünd", "Ostalbkreis", "73525"),
    ("Heilbronn", "Heilbronn", "74072"),
    ("Ravensburg", "Ravensburg", "88212"),
    ("Friedrichshafen", "Bodenseekreis", "88045"),
    ("Offenburg", "Ortenaukreis", "77652"),
    ("Sigmaringen", "Sigmaringen", "72488"),
)
STREETS = (
    "Hauptstraße",
    "Bahnhofstraße",
    "Schillerstraße",
    "Gartenweg",
    "Kirchplatz",
    "Am Rheinufer",
    "Lindenstraße",
    "Goethestraße",
    "Mühlweg",
    "Schwarzwaldstraße",
    "Kaiserstraße",
    "Im Grün",
    "Friedhofstraße",
    "Tulpenweg",
    "Waldstraße",
    "Am Stadtgraben",
    "Hebelstraße",
    "Jahnstraße",
)
ACCOMMODATION = (
    "Anschlussunterbringung (Wohnung der Stadt)",
    "eigene Mietwohnung",
    "Gemeinschaftsunterkunft",
    "Anschlussunterbringung, Wohngemeinschaft",
    "Untermiete",
    "Sozialwohnung",
)
KITAS = (
    "Kita Sonnenschein",
    "Kita Regenbogen",
    "Kinderhaus St. Josef",
    "Kita Wiesenstrolche",
    "Städtischer Kindergarten Lindenweg",
    "Kita Pusteblume",
)
SCHOOLS = (
    "Grundschule am Park",
    "Grundschule Liedermatte",
    "Hebelschule (Grundschule)",
    "Gemeinschaftsschule am See",
    "Realschule Tiengen",
    "Werkrealschule Hochrhein",
    "Hans-Thoma-Gymnasium",
    "Kaufmännische Schule, VABO-Klasse",
    "Gewerbeschule, VABO-Klasse",
)
SECONDARY = SCHOOLS[3:]
