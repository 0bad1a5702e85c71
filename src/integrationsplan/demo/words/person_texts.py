"""Texts and weights for a person's records: household notes, consents, residence, resources, case closure."""

from __future__ import annotations

from integrationsplan.domain.codes import (
    Activity,
    ClosureReason,
    ConsentForm,
    LanguageLevel,
)

HOUSEHOLD_NOTES = (
    "Wohnung im 3. OG ohne Aufzug.",
    "Küche und Bad werden mit einer anderen Familie geteilt.",
    "Vater lebt noch im Herkunftsland.",
    "Großmutter pflegebedürftig.",
)

CONSENT_LANGUAGES = ("uk", "ru", "ar", "fa", "prs", "tr", "ti", "en")  # the consent form exists in these
CONSENT_FORMS = ((ConsentForm.WRITTEN, 70), (ConsentForm.SCANNED, 20), (ConsentForm.ORAL_WITH_WITNESS, 10))
CONSENT_VERSIONS = ("Muster 06/2023", "Einwilligung IM v3", "Einwilligung IM v2 (2022)")
WITNESSES = ("Frau Rahimi (Sprachmittlerin)", "Herr Kienzler (Kollege)", "Frau Sommer, Helferkreis")
RECIPIENTS = (
    "Jobcenter {district}",
    "Ausländerbehörde {district}",
    "Agentur für Arbeit {district}",
    "Sozialamt {district}",
    "Psychosoziales Zentrum Nordschwarzwald",
    "Schulsozialarbeit {school}",
    "Familienkasse Baden-Württemberg West",
)
PROCESSING_PURPOSES = "Beratung und Begleitung im Integrationsmanagement, Erstellung des Integrationsplans"

RESIDENCE_NOTES = (
    "Fiktionsbescheinigung liegt vor.",
    "Verlängerung beantragt.",
    "Passbeschaffung läuft (Mitwirkungspflicht).",
    "Wohnsitzauflage nach § 12a AufenthG.",
    "Klage beim Verwaltungsgericht anhängig.",
)
EXTENSION_REASONS = (
    "Ausbildung läuft noch bis zum Sommer; Begleitung bis zum Abschluss notwendig.",
    "Mehrere Kinder mit besonderem Förderbedarf, Familie noch nicht selbständig.",
    "Längere Erkrankung, Integrationskurs musste unterbrochen werden.",
    "Aufenthaltsrechtliche Situation noch ungeklärt, Verlängerung mit dem Träger abgestimmt.",
)

COURSES = (
    "Integrationskurs VHS",
    "Integrationskurs mit Kinderbetreuung",
    "Alphabetisierungskurs",
    "Berufssprachkurs B2 (DeuFöV)",
    "Jugendintegrationskurs",
    "Online-Integrationskurs",
)
QUALIFICATIONS = (
    "Abitur (Herkunftsland)",
    "9 Jahre Schule, ohne Abschluss",
    "Mittlere Reife (Herkunftsland)",
    "Hauptschulabschluss (Deutschland)",
    "keine Schule besucht",
    "Hochschulreife",
)
TRAINING = (
    "Elektriker, 3 Jahre, ohne Zertifikat",
    "Schneiderin, im Betrieb angelernt",
    "Krankenpfleger, staatliches Diplom",
    "Kfz-Mechaniker",
    "Friseurin, eigener Salon",
    "Buchhalterin (Fachschule)",
)
STUDIES = (
    "Bauingenieurwesen (Bachelor)",
    "Englische Literatur, nicht abgeschlossen",
    "Pharmazie (Master)",
    "Lehramt Grundschule",
    "Informatik (Bachelor)",
    "Medizin, 4 Semester",
)
RECOGNITION = (
    "Anerkennung beim Regierungspräsidium beantragt",
    "Zeugnisbewertung der ZAB liegt vor",
    "Teilanerkennung, Anpassungslehrgang nötig",
    "noch nicht beantragt",
)
WORK_EXPERIENCE = (
    "10 Jahre Landwirtschaft",
    "Lagerarbeit, Gabelstaplerschein",
    "Verkäuferin im Supermarkt",
    "Lehrerin, 12 Jahre",
    "Bauhelfer",
    "Taxifahrer",
    "Näherin in einer Textilfabrik",
    "IT-Support",
    "Koch in einem Restaurant",
)
HEALTH = (
    "Diabetes Typ 2, regelmäßige Behandlung beim Hausarzt.",
    "Psychische Belastung nach der Flucht; Anbindung an das Psychosoziale Zentrum gewünscht.",
    "Chronische Rückenschmerzen, Physiotherapie.",
    "Schwangerschaft, Entbindungstermin im Herbst.",
    "Bluthochdruck, Medikamente eingestellt.",
)
DISABILITY = (
    "Schwerbehinderung GdB 50 anerkannt.",
    "Gehbehinderung, Rollator.",
    "Hörminderung, Hörgerät beantragt.",
)
ACTIVITIES = (
    (Activity.EMPLOYED, 25),
    (Activity.MINI_JOB, 10),
    (Activity.JOB_SEEKING, 25),
    (Activity.LANGUAGE_COURSE, 15),
    (Activity.TRAINING, 8),
    (Activity.STUDIES, 3),
    (Activity.PARENTAL_CARE, 8),
    (Activity.UNABLE_TO_WORK, 3),
    (Activity.SELF_EMPLOYED, 1),
    (Activity.OTHER, 1),
    (Activity.NOT_STATED, 2),
)
CERTIFICATE_FOR = {
    LanguageLevel.A2: "DTZ A2",
    LanguageLevel.B1: "DTZ B1",
    LanguageLevel.B2: "telc Deutsch B2 Beruf",
    LanguageLevel.C1: "Goethe-Zertifikat C1",
}

CLOSURE_WEIGHTS = (
    (ClosureReason.GOALS_ACHIEVED, 20),
    (ClosureReason.SELF_RELIANT, 25),
    (ClosureReason.MOVED_AWAY, 25),
    (ClosureReason.CONTACT_LOST, 12),
    (ClosureReason.CLIENT_DECLINED, 8),
    (ClosureReason.HANDED_OVER, 6),
    (ClosureReason.OTHER, 4),
)
CLOSURE_NOTES = {
    ClosureReason.MOVED_AWAY: "Umzug nach {place}.",
    ClosureReason.HANDED_OVER: "Übergabe an die Migrationsberatung (MBE).",
    ClosureReason.TIME_LIMIT: "Drei Jahre Beratung erreicht.",
    ClosureReason.CONTACT_LOST: "Seit Monaten nicht erreichbar.",
    ClosureReason.SELF_RELIANT: "Familie regelt ihre Angelegenheiten selbständig.",
}
