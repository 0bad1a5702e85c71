"""The people around a case and how to reach them: managers, authorities, interpreters, phones, referrals."""

from __future__ import annotations

from integrationsplan.domain.codes import LifeArea, ReferralTarget

MANAGERS = (
    "Katrin Vogel",
    "Jonas Brenner",
    "Ayşe Demir",
    "Stefanie Häußler",
    "Tobias Kienzler",
    "Miriam Roth",
    "Dariusz Nowak",
    "Lena Schwörer",
    "Hatice Arslan",
    "Felix Gruber",
    "Sophie Baumgärtner",
)
AUTHORITY_CONTACTS = (
    "Frau Berger",
    "Herr Kaiser",
    "Frau Özdemir",
    "Herr Straub",
    "Frau Hänle",
    "Herr Wößner",
)
VOLUNTEERS = (
    "Herr Albrecht (Ehrenamt)",
    "Frau Sommer, Helferkreis Asyl",
    "Frau Dr. Lehmann (Patin)",
    "Herr Yıldırım (Lernpate)",
    "Frau Keller, Café International",
)
INTERPRETERS = {
    "ar": ("Frau Al-Khatib", "Herr Nasser (Sprachmittler)"),
    "fa": ("Frau Rahimi", "Herr Sadat"),
    "prs": ("Frau Rahimi", "Herr Sadat"),
    "ps": ("Herr Stanikzai",),
    "uk": ("Frau Kovalenko", "Herr Petrenko"),
    "ru": ("Frau Kovalenko", "Frau Smirnova"),
    "tr": ("Herr Aydın", "Frau Doğan"),
    "kmr": ("Herr Aydın",),
    "ckb": ("Frau Hawrami",),
    "ti": ("Herr Tesfamariam", "Frau Ghebremeskel"),
    "so": ("Frau Warsame",),
    "ka": ("Frau Beridze",),
    "sq": ("Herr Krasniqi",),
    "ur": ("Herr Qureshi",),
}
PHONE_INTERPRETER = ("Telefondolmetscher (Triaphon)",)

MESSENGERS = ("WhatsApp", "Signal", "Telegram", "Viber", "WhatsApp (gleiche Nummer)", "Threema")
PHONE_FORMATS = (
    "+49 176 #######",
    "0151 ########",
    "0157 ########",
    "+49 1523 #######",
    "0162 #######",
    "0049 172 #######",
    "0176/#######",
    "0170 ### ## ##",
)
UKRAINIAN_PHONE = "+380 67 ### ## ##"

RT = ReferralTarget
REFERRAL_FOR: dict[LifeArea, tuple[ReferralTarget, ...]] = {
    LifeArea.LANGUAGE: (RT.COURSE_PROVIDER,),
    LifeArea.SCHOOL: (RT.SCHOOL, RT.KITA),
    LifeArea.TRAINING: (RT.EMPLOYMENT_AGENCY, RT.RECOGNITION_OFFICE),
    LifeArea.WORK: (RT.JOBCENTER, RT.EMPLOYMENT_AGENCY),
    LifeArea.RESIDENCE: (RT.IMMIGRATION_OFFICE, RT.COUNSELLING_SERVICE),
    LifeArea.HOUSING: (RT.HOUSING_OFFICE,),
    LifeArea.HEALTH: (RT.DOCTOR, RT.COUNSELLING_SERVICE),
    LifeArea.FAMILY: (RT.KITA, RT.COUNSELLING_SERVICE),
    LifeArea.FINANCES: (RT.JOBCENTER, RT.SOCIAL_WELFARE_OFFICE),
    LifeArea.PARTICIPATION: (RT.VOLUNTEERS,),
    LifeArea.OTHER: (RT.OTHER,),
}
REFERRAL_NOTES: dict[ReferralTarget, str] = {
    RT.JOBCENTER: "Jobcenter {district}, {contact}, Termin am {day}",
    RT.EMPLOYMENT_AGENCY: "Berufsberatung {district}",
    RT.IMMIGRATION_OFFICE: "Ausländerbehörde {district}, Termin am {day}",
    RT.COURSE_PROVIDER: "VHS {place}",
    RT.SCHOOL: "{school}, Schulsozialarbeit",
    RT.KITA: "Kita-Portal der Stadt {place}",
    RT.DOCTOR: "Hausarztpraxis in {place}",
    RT.COUNSELLING_SERVICE: "Migrationsberatung / PSZ",
    RT.SOCIAL_WELFARE_OFFICE: "Sozialamt {district}, {contact}",
    RT.RECOGNITION_OFFICE: "Regierungspräsidium, Anerkennungsberatung",
    RT.HOUSING_OFFICE: "Wohnungsamt {place}",
    RT.VOLUNTEERS: "Helferkreis {place}",
    RT.OTHER: "Führerscheinstelle {district}",
}
