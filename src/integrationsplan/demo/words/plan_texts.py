"""The rest of a plan's texts and weights: life areas, needs, steps, review notes and goal outcomes."""

from __future__ import annotations

from integrationsplan.domain.codes import (
    GoalStatus,
    LifeArea,
    ReferralTarget,
    Responsible,
)

AREA_WEIGHTS = {
    LifeArea.LANGUAGE: 10,
    LifeArea.WORK: 8,
    LifeArea.HOUSING: 6,
    LifeArea.FINANCES: 6,
    LifeArea.RESIDENCE: 5,
    LifeArea.HEALTH: 4,
    LifeArea.TRAINING: 4,
    LifeArea.PARTICIPATION: 3,
    LifeArea.OTHER: 1,
}

NEEDS: dict[LifeArea, tuple[tuple[str, ...], tuple[str, ...]]] = {
    LifeArea.LANGUAGE: (
        (
            "Ich möchte schnell Deutsch lernen, um arbeiten zu können.",
            "Ich verstehe die Briefe von den Ämtern nicht.",
        ),
        (
            "Deutschkenntnisse auf A1-Niveau, Integrationskurs noch nicht begonnen.",
            "Alphabetisierung in lateinischer Schrift erforderlich.",
        ),
    ),
    LifeArea.SCHOOL: (
        ("Die Kinder sollen in eine gute Schule gehen.", "Mein Sohn ist in der Schule unglücklich."),
        ("Schulanmeldung der Kinder steht aus.", "Förderbedarf in Deutsch, Kontakt zur Schule fehlt."),
    ),
    LifeArea.TRAINING: (
        ("Ich möchte eine Ausbildung in der Pflege machen.", "Mein Diplom soll anerkannt werden."),
        (
            "Berufsabschluss aus dem Herkunftsland, Anerkennungsverfahren sinnvoll.",
            "Ausbildungsreife vorhanden, Sprachniveau B1 nötig.",
        ),
    ),
    LifeArea.WORK: (
        ("Ich will nicht vom Jobcenter leben.", "Ich suche Arbeit, egal was."),
        (
            "Berufserfahrung vorhanden, Bewerbungsunterlagen fehlen.",
            "Arbeitsmarktzugang rechtlich klären (Beschäftigungserlaubnis).",
        ),
    ),
    LifeArea.RESIDENCE: (
        ("Ich habe Angst, dass mein Aufenthalt nicht verlängert wird.",),
        ("Aufenthaltstitel läuft in wenigen Monaten ab.", "Identitätsklärung offen."),
    ),
    LifeArea.HOUSING: (
        ("Die Wohnung ist zu klein für die Familie.", "Wir wollen in eine eigene Wohnung."),
        ("Anschlussunterbringung befristet, Wohnungssuche begleiten.", "Konflikte mit Nachbarn wegen Lärm."),
    ),
    LifeArea.HEALTH: (
        ("Ich schlafe schlecht und habe oft Kopfschmerzen.", "Wir haben keinen Kinderarzt."),
        ("Ärztliche Anbindung fehlt.", "Hinweise auf psychische Belastung, Angebot vermitteln."),
    ),
    LifeArea.FAMILY: (
        ("Wir brauchen einen Kita-Platz.", "Meine Frau und Kinder sind noch in der Türkei."),
        ("Kinderbetreuung ist Voraussetzung für den Sprachkurs.", "Familiennachzug prüfen."),
    ),
    LifeArea.FINANCES: (
        ("Ich verstehe die Bescheide nicht.", "Wir haben Schulden beim Handyvertrag."),
        ("Leistungsanträge fristgerecht stellen.", "Schuldnerberatung empfehlen."),
    ),
    LifeArea.PARTICIPATION: (
        ("Ich kenne hier niemanden.", "Mein Sohn möchte Fußball spielen."),
        ("Soziale Kontakte fördern, Vereine und Ehrenamt vorstellen.",),
    ),
    LifeArea.OTHER: (("Ich möchte Auto fahren dürfen.",), ("Führerscheinumschreibung klären.",)),
}

R, RT = Responsible, ReferralTarget
STEPS: dict[LifeArea, tuple[tuple[str, Responsible, ReferralTarget | None], ...]] = {
    LifeArea.LANGUAGE: (
        ("Berechtigungsschein beim Jobcenter beantragen", R.CLIENT, RT.JOBCENTER),
        ("Einstufungstest bei der VHS vereinbaren", R.MANAGER, RT.COURSE_PROVIDER),
        ("Kinderbetreuung während des Kurses klären", R.FAMILY, RT.KITA),
        ("Lern-App installieren und täglich 20 Minuten üben", R.CLIENT, None),
        ("Ehrenamtliche Lernpatin vermitteln", R.VOLUNTEER, RT.VOLUNTEERS),
    ),
    LifeArea.SCHOOL: (
        ("Anmeldeunterlagen und Impfnachweis besorgen", R.CLIENT, None),
        ("Termin mit der Schulleitung vereinbaren", R.MANAGER, RT.SCHOOL),
        ("Antrag Bildung und Teilhabe stellen", R.CLIENT, RT.JOBCENTER),
    ),
    LifeArea.TRAINING: (
        ("Zeugnisse übersetzen und beglaubigen lassen", R.CLIENT, None),
        ("Antrag bei der Anerkennungsstelle einreichen", R.MANAGER, RT.RECOGNITION_OFFICE),
        ("Beratungstermin Berufsberatung vereinbaren", R.CLIENT, RT.EMPLOYMENT_AGENCY),
    ),
    LifeArea.WORK: (
        ("Lebenslauf mit Foto erstellen", R.VOLUNTEER, None),
        ("Stellenangebote in der Jobbörse suchen", R.CLIENT, None),
        ("Termin Arbeitsvermittlung wahrnehmen", R.CLIENT, RT.JOBCENTER),
        ("Beschäftigungserlaubnis beantragen", R.AUTHORITY, RT.IMMIGRATION_OFFICE),
    ),
    LifeArea.RESIDENCE: (
        ("Termin bei der Ausländerbehörde buchen", R.MANAGER, RT.IMMIGRATION_OFFICE),
        ("Pass, Meldebescheinigung und Arbeitsvertrag kopieren", R.CLIENT, None),
        ("Beratung bei der Verfahrensberatung einholen", R.CLIENT, RT.COUNSELLING_SERVICE),
    ),
    LifeArea.HOUSING: (
        ("Wohnungsanzeigen wöchentlich prüfen", R.CLIENT, None),
        ("Mietobergrenze beim Jobcenter erfragen", R.MANAGER, RT.JOBCENTER),
        ("Antrag Wohnberechtigungsschein stellen", R.CLIENT, RT.HOUSING_OFFICE),
    ),
    LifeArea.HEALTH: (
        ("Hausarztpraxen mit freien Plätzen heraussuchen", R.MANAGER, RT.DOCTOR),
        ("Termin wahrnehmen, Versichertenkarte mitnehmen", R.CLIENT, None),
        ("Kontakt zum Psychosozialen Zentrum herstellen", R.MANAGER, RT.COUNSELLING_SERVICE),
    ),
    LifeArea.FAMILY: (
        ("Geburtsurkunden und Steuer-ID der Kinder sammeln", R.FAMILY, None),
        ("Kita-Anmeldung im Portal ausfüllen", R.MANAGER, RT.KITA),
        ("Erziehungsberatung kontaktieren", R.CLIENT, RT.COUNSELLING_SERVICE),
    ),
    LifeArea.FINANCES: (
        ("Unterlagen für den Antrag zusammenstellen", R.CLIENT, None),
        ("Antrag gemeinsam ausfüllen und abgeben", R.MANAGER, RT.JOBCENTER),
        ("Termin bei der Schuldnerberatung vereinbaren", R.CLIENT, RT.COUNSELLING_SERVICE),
        ("Grundsicherung beim Sozialamt prüfen lassen", R.AUTHORITY, RT.SOCIAL_WELFARE_OFFICE),
    ),
    LifeArea.PARTICIPATION: (
        ("Probetraining im Verein vereinbaren", R.VOLUNTEER, RT.VOLUNTEERS),
        ("Veranstaltungskalender der Stadt durchsehen", R.CLIENT, None),
    ),
    LifeArea.OTHER: (
        ("Antrag bei der Führerscheinstelle stellen", R.CLIENT, RT.OTHER),
        ("Sehtest und Erste-Hilfe-Kurs machen", R.CLIENT, None),
    ),
}

REVIEW_NOTES = (
    "Überprüfung des Plans gemeinsam mit {name}; Ziele besprochen und angepasst.",
    "Zwischenbilanz: gute Fortschritte, neue Fristen vereinbart.",
    "Überprüfung mit Sprachmittlung; {name} ist mit dem Stand zufrieden.",
)
OUTCOMES: dict[GoalStatus, tuple[str, ...]] = {
    GoalStatus.ACHIEVED: (
        "Ziel erreicht, Nachweis liegt vor.",
        "Erledigt, Bescheinigung in der Akte.",
        "Vollständig umgesetzt.",
    ),
    GoalStatus.PARTLY_ACHIEVED: (
        "Teilweise erreicht, offene Schritte werden weiterverfolgt.",
        "Fortschritte, aber nur zum Teil erreicht.",
    ),
    GoalStatus.NOT_ACHIEVED: (
        "Nicht erreicht wegen längerer Krankheit.",
        "Nicht erreicht: Wartelisten, keine Termine.",
        "Nicht erreicht, Unterlagen fehlten.",
    ),
    GoalStatus.DROPPED: (
        "Fallen gelassen: Arbeitsaufnahme hat Vorrang.",
        "Klient/in möchte das Ziel nicht weiterverfolgen.",
        "Durch Umzug nicht mehr relevant.",
    ),
    GoalStatus.IN_PROGRESS: ("Läuft, nächste Schritte festgelegt.", "In Arbeit, Frist verlängert."),
    GoalStatus.OPEN: ("Noch nicht begonnen, Termin steht aus.", "Unverändert offen."),
}
DUE_OUTCOMES = (
    (GoalStatus.ACHIEVED, 45),
    (GoalStatus.PARTLY_ACHIEVED, 20),
    (GoalStatus.NOT_ACHIEVED, 15),
    (GoalStatus.DROPPED, 10),
    (GoalStatus.IN_PROGRESS, 10),
)
EARLY_OUTCOMES = ((GoalStatus.IN_PROGRESS, 75), (GoalStatus.ACHIEVED, 13), (GoalStatus.DROPPED, 12))
