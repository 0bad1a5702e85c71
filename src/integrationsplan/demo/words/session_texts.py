"""Session texts and weights: places and durations, intake and topic notes, client-language flavour, addenda."""

from __future__ import annotations

from integrationsplan.domain.codes import LifeArea, SessionPlace

PLACES = (
    (SessionPlace.OFFICE, 40),
    (SessionPlace.HOME_VISIT, 22),
    (SessionPlace.PHONE, 20),
    (SessionPlace.MESSENGER, 10),
    (SessionPlace.VIDEO, 5),
    (SessionPlace.OTHER, 3),
)
MINUTES = {
    SessionPlace.HOME_VISIT: (45, 120),
    SessionPlace.OFFICE: (30, 90),
    SessionPlace.PHONE: (15, 30),
    SessionPlace.MESSENGER: (15, 20),
    SessionPlace.VIDEO: (20, 60),
    SessionPlace.OTHER: (15, 60),
}

INTAKE_TOPICS = (LifeArea.RESIDENCE, LifeArea.HOUSING, LifeArea.FINANCES)
INTAKE_NOTES = (
    "Erstgespräch beim Hausbesuch: Haushalt, Aufenthalt und Leistungen aufgenommen, Einwilligung erklärt.",
    "Erstkontakt nach Zuweisung in die Anschlussunterbringung {place}. Datenschutz und Ablauf erklärt.",
    "Erstgespräch im Büro mit Sprachmittlung; Dokumente gesichtet, nächste Schritte vereinbart.",
)

NOTES: dict[LifeArea, tuple[str, ...]] = {
    LifeArea.LANGUAGE: (
        "{name} besucht den Integrationskurs regelmäßig, Modul 4 von 6.",
        "Anmeldung zum Integrationskurs besprochen; Einstufungstest am {day}.",
        "Kurs wegen fehlender Kinderbetreuung unterbrochen, Alternativen erläutert.",
        "DTZ-Ergebnis liegt vor: A2 erreicht, B1 knapp verfehlt.",
        "Sprachcafé empfohlen, {name} möchte es ausprobieren.",
    ),
    LifeArea.SCHOOL: (
        "Elterngespräch an der {school} begleitet; Förderbedarf in Deutsch.",
        "Schulanmeldung vorbereitet, Masern-Impfnachweis fehlt noch.",
        "Zeugnisse aus dem Herkunftsland gesichtet, Übersetzung nötig.",
        "Sohn hat Probleme in der VABO-Klasse, Gespräch mit der Schulsozialarbeit vereinbart.",
        "Anträge Bildung und Teilhabe (Schulbedarf, Mittagessen) ausgefüllt.",
    ),
    LifeArea.TRAINING: (
        "Ausbildungswunsch Pflege besprochen, Praktikum angeregt.",
        "Unterlagen für die Anerkennung zusammengestellt, Übersetzungen fehlen.",
        "Termin bei der Berufsberatung am {day} vereinbart.",
        "Betrieb zufrieden, Berufsschule schwierig; ausbildungsbegleitende Hilfen beantragt.",
    ),
    LifeArea.WORK: (
        "Lebenslauf überarbeitet, zwei Bewerbungen (Lager, Reinigung) verschickt.",
        "{name} hat einen Arbeitsvertrag (Teilzeit, Bäckerei); Folgen für das Bürgergeld erklärt.",
        "Beschäftigungserlaubnis fehlt noch, Antrag bei der Ausländerbehörde {district} gestellt.",
        "Einladung vom Jobcenter {district} besprochen, Termin am {day}.",
        "Probearbeit in einem Restaurant in {place} vereinbart.",
    ),
    LifeArea.RESIDENCE: (
        "Verlängerungsantrag für den Aufenthaltstitel ausgefüllt und abgeschickt.",
        "Fiktionsbescheinigung liegt vor; {name} ist beunruhigt, Rechtslage erklärt.",
        "Schreiben des BAMF erläutert, Kontakt zur Verfahrensberatung hergestellt.",
        "Passbeschaffung besprochen; Botschaftstermin schwer zu bekommen.",
        "Familiennachzug: fehlende Dokumente (Heiratsurkunde, Geburtsurkunden) aufgelistet.",
    ),
    LifeArea.HOUSING: (
        "Wohnungssuche: drei Anzeigen angeschaut, Vermieterin in {place} angerufen.",
        "Beschwerde des Vermieters wegen Mülltrennung besprochen, Infoblatt übergeben.",
        "Schimmel im Schlafzimmer; Hausverwaltung informiert, Fotos gemacht.",
        "Mietangebot liegt vor, Angemessenheit beim Jobcenter erfragt.",
        "Umzug am {day} geplant; Ummeldung beim Bürgerbüro besprochen.",
    ),
    LifeArea.HEALTH: (
        "Arzttermine koordiniert, Überweisung zum Facharzt liegt vor.",
        "{name} klagt über Schlafstörungen; Angebot des Psychosozialen Zentrums erläutert.",
        "Versichertenkarte fehlt, Kontakt zur Krankenkasse aufgenommen.",
        "Kinderarzt für die U-Untersuchung gefunden, Termin am {day}.",
    ),
    LifeArea.FAMILY: (
        "Kita-Anmeldung für das jüngste Kind über das Portal der Stadt {place} erledigt.",
        "Kindergeldantrag unvollständig; Steuer-ID der Kinder nachgereicht.",
        "Spannungen in der Familie angesprochen; Erziehungsberatung genannt.",
        "Ferienbetreuung organisiert, Zuschuss beantragt.",
    ),
    LifeArea.FINANCES: (
        "Weiterbewilligungsantrag Bürgergeld gemeinsam ausgefüllt.",
        "Mahnung der Stadtwerke besprochen, Ratenzahlung vereinbart.",
        "Girokonto eröffnet, Dauerauftrag für die Miete eingerichtet.",
        "Bescheid des Jobcenters {district} erklärt, Widerspruchsfrist notiert.",
        "Post durchgesehen: Rundfunkbeitrag, Krankenkasse, Handyvertrag.",
    ),
    LifeArea.PARTICIPATION: (
        "Ehrenamtliche Patin vermittelt, erstes Treffen am {day}.",
        "{name} spielt jetzt Fußball im Verein, Beitrag über Bildung und Teilhabe.",
        "Einladung zum Interkulturellen Fest in {place} weitergegeben.",
    ),
    LifeArea.OTHER: (
        "Führerscheinumschreibung besprochen, Sehtest und Erste-Hilfe-Kurs nötig.",
        "Deutschlandticket als Sozialticket beantragt.",
        "Kurzer Kontakt, Termin verschoben.",
    ),
}
# Sentences with words in the client's language, as managers write them down.
FLAVOUR = {
    "ar": ("{name} sagt „الحمد لله“, die Lage habe sich beruhigt.", "Begriff „إقامة“ (Aufenthalt) geklärt."),
    "uk": ("{name} bedankt sich („Дякую!“).", "Die „довідка“ vom Arbeitgeber liegt vor."),
    "ru": ("Die „справка“ vom Arzt wurde mitgebracht.", "{name}: „Всё хорошо“, keine neuen Probleme."),
    "prs": ("Kopie der „تذکره“ (Tazkira) liegt vor.", "{name} sagt „تشکر“ und möchte weitermachen."),
    "fa": ("{name} sagt „ممنون“ und möchte weitermachen.",),
    "tr": (
        "{name}: „Çok teşekkürler“.",
        "Brief vom Anwalt mit türkischer Zusammenfassung („özet“) mitgebracht.",
    ),
    "ti": ("{name} bedankt sich („የቐንየለይ“).",),
}
CLOSINGS = (
    "Nächster Termin vereinbart.",
    "Sprachmittlung per Telefon zugeschaltet.",
    "Unterlagen kopiert und zurückgegeben.",
    "Kinder waren anwesend.",
    "{name} war gut vorbereitet.",
    "Termin musste verkürzt werden.",
)
ADDENDA = (
    "Nachtrag: Termin beim Jobcenter wurde auf den {day} verschoben.",
    "Nachtrag: Die Sprachmittlerin war Frau Rahimi, nicht wie notiert Herr Sadat.",
    "Korrektur: Der Bescheid ist vom Sozialamt, nicht vom Jobcenter.",
    "Nachtrag: Unterlagen wurden am {day} nachgereicht.",
)
