"""Word lists for the synthetic demo data: names in the clients' scripts, places in Baden-Württemberg, texts.

Everything here is invented. Names are common ones of each country, combined at random.
"""

from __future__ import annotations

from typing import NamedTuple

from integrationsplan.domain.codes import (
    Activity,
    ClosureReason,
    ConsentForm,
    GoalStatus,
    LanguageLevel,
    LifeArea,
    Priority,
    ReferralTarget,
    ResidenceKind,
    Responsible,
    SessionPlace,
)

# A name as written by its bearer and its Latin spellings (several, to stress the search); no Latin
# spellings means the name is already written in Latin letters.
Name = tuple[str, tuple[str, ...]]
# A family name in its male and its female form (the same for most languages).
Family = tuple[Name, Name]


def n(original: str, *latin: str) -> Name:
    return original, latin


def names(*latin: str) -> tuple[Name, ...]:
    return tuple((name, ()) for name in latin)


def same(original: str, *latin: str) -> Family:
    return n(original, *latin), n(original, *latin)


def gendered(male: str, male_latin: str, female: str, female_latin: str) -> Family:
    return n(male, male_latin), n(female, female_latin)


def families(*latin: str) -> tuple[Family, ...]:
    return tuple(((name, ()), (name, ())) for name in latin)


class Origin(NamedTuple):
    weight: int  # refugees in BW by nationality, in thousands (end of 2023)
    languages: tuple[tuple[tuple[str, ...], int], ...]
    male: tuple[Name, ...]
    female: tuple[Name, ...]
    family: tuple[Family, ...]
    shared_name: bool  # a wife takes her husband's family name
    singles: float  # share of one-person households
    single_parents: float
    male_singles: float  # share of men among single persons
    residence: tuple[tuple[ResidenceKind, str | None, int], ...]
    patronymic: bool = False  # children's family name is the father's given name (Eritrea)
    january_first: float = 0.0  # share of birth dates that are 1 January (unknown day of birth)


E, G = ResidenceKind.RESIDENCE_PERMIT, ResidenceKind.PERMISSION_TO_STAY
D, AD, BD = ResidenceKind.TOLERATION, ResidenceKind.TRAINING_TOLERATION, ResidenceKind.EMPLOYMENT_TOLERATION
NE, X = ResidenceKind.SETTLEMENT_PERMIT, ResidenceKind.NOT_STATED
ASYLUM = (
    (E, "§ 25 Abs. 2 AufenthG", 40),
    (E, "§ 25 Abs. 1 AufenthG", 10),
    (G, "§ 55 AsylG", 15),
    (E, "§ 25 Abs. 3 AufenthG", 8),
    (NE, "§ 26 Abs. 3 AufenthG", 5),
    (X, None, 3),
)
TOLERATED = (
    (D, "§ 60a AufenthG", 35),
    (AD, "§ 60c AufenthG", 10),
    (BD, "§ 60d AufenthG", 6),
    (E, "§ 104c AufenthG", 12),
    (G, "§ 55 AsylG", 20),
    (E, "§ 25b AufenthG", 5),
    (X, None, 3),
)

_SY_MALE = (
    n("محمد", "Mohammed", "Muhammad", "Mohamad", "Mohamed"),
    n("أحمد", "Ahmad", "Ahmed"),
    n("عبد الرحمن", "Abdulrahman", "Abdul Rahman", "Abdelrahman"),
    n("خالد", "Khaled", "Khalid"),
    n("عمر", "Omar", "Umar"),
    n("يوسف", "Yousef", "Yusuf", "Youssef"),
    n("حسين", "Hussein", "Hussain"),
    n("علي", "Ali"),
    n("مصطفى", "Mustafa", "Moustafa"),
    n("إبراهيم", "Ibrahim", "Ebrahim"),
    n("عبد الله", "Abdullah", "Abdallah"),
    n("سامر", "Samer"),
    n("قاسم", "Qasim", "Kassem"),
)
_SY_FEMALE = (
    n("فاطمة", "Fatima", "Fatma", "Fatimah"),
    n("آية", "Aya", "Ayah"),
    n("ريم", "Reem", "Rim"),
    n("نور", "Nour", "Noor"),
    n("مريم", "Maryam", "Mariam"),
    n("هبة", "Heba", "Hiba"),
    n("رنا", "Rana"),
    n("سلمى", "Salma"),
    n("زينب", "Zainab", "Zeinab"),
    n("لين", "Leen", "Lin"),
    n("أمل", "Amal"),
)

# Origin(weight, languages, male given names, female given names, family names, ...) by ISO 3166 code;
# Kosovo as XKX.
ORIGINS: dict[str, Origin] = {
    "UKR": Origin(
        125,
        ((("uk", "ru"), 50), (("uk",), 30), (("ru", "uk"), 20)),
        (
            n("Олександр", "Oleksandr", "Olexandr"),
            n("Андрій", "Andrii", "Andriy"),
            n("Дмитро", "Dmytro"),
            n("Сергій", "Serhii", "Sergiy"),
            n("Микола", "Mykola"),
            n("Іван", "Ivan"),
            n("Юрій", "Yurii", "Yuriy"),
            n("Богдан", "Bohdan"),
            n("Максим", "Maksym"),
            n("Артем", "Artem"),
            n("Володимир", "Volodymyr"),
        ),
        (
            n("Олена", "Olena"),
            n("Наталія", "Nataliia", "Natalia"),
            n("Тетяна", "Tetiana", "Tetyana"),
            n("Оксана", "Oksana"),
            n("Юлія", "Yuliia", "Yulia"),
            n("Ірина", "Iryna"),
            n("Марія", "Mariia", "Maria"),
            n("Анастасія", "Anastasiia"),
            n("Мар'яна", "Mariana", "Maryana"),
            n("Софія", "Sofiia", "Sofia"),
            n("Людмила", "Liudmyla", "Lyudmyla"),
            n("Ольга", "Olha", "Olga"),
            n("Світлана", "Svitlana"),
        ),
        (
            same("Шевченко", "Shevchenko"),
            same("Коваленко", "Kovalenko"),
            same("Бондаренко", "Bondarenko"),
            same("Ткаченко", "Tkachenko"),
            same("Кравченко", "Kravchenko"),
            same("Мельник", "Melnyk"),
            same("Бойко", "Boiko", "Boyko"),
            same("Коваль", "Koval"),
            same("Поліщук", "Polishchuk"),
            same("Лисенко", "Lysenko"),
            same("Гнатюк", "Hnatiuk"),
            same("Олійник", "Oliinyk", "Oliynyk"),
            same("Яковенко", "Yakovenko", "Iakovenko"),
            same("Кравчук", "Kravchuk"),
            same("Мороз", "Moroz"),
            gendered("Ковальський", "Kovalskyi", "Ковальська", "Kovalska"),
            gendered("Заболотний", "Zabolotnyi", "Заболотна", "Zabolotna"),
        ),
        shared_name=True,
        singles=0.30,
        single_parents=0.40,
        male_singles=0.25,
        residence=((E, "§ 24 AufenthG", 90), (E, "§ 25 Abs. 2 AufenthG", 2), (X, None, 3)),
    ),
    "SYR": Origin(
        70,
        ((("ar",), 75), (("ar", "kmr"), 20), (("ar", "en"), 5)),
        _SY_MALE,
        _SY_FEMALE,
        (
            same("الحسن", "Al-Hassan", "Alhassan"),
            same("حداد", "Haddad"),
            same("الأحمد", "Al-Ahmad", "Alahmad"),
            same("خليل", "Khalil"),
            same("العلي", "Al-Ali", "Alali"),
            same("الخطيب", "Al-Khatib", "Alkhatib"),
            same("درويش", "Darwish", "Darwich"),
            same("شيخو", "Sheikho", "Shekho"),
            same("حمو", "Hamo", "Hammo"),
            same("المصري", "Al-Masri", "Almasri"),
            same("قاسم", "Kassem", "Qasim"),
            same("عثمان", "Othman", "Osman"),
        ),
        shared_name=False,
        singles=0.40,
        single_parents=0.10,
        male_singles=0.80,
        residence=ASYLUM,
    ),
    "AFG": Origin(
        32,
        ((("prs",), 45), (("ps", "prs"), 25), (("fa",), 20), (("prs", "en"), 10)),
        (
            n("احمد", "Ahmad", "Ahmed"),
            n("محمد", "Mohammad", "Muhammad", "Mohammed"),
            n("عبدالله", "Abdullah"),
            n("نجیب الله", "Najibullah", "Najib Ullah"),
            n("حمید", "Hamid"),
            n("فرید", "Farid"),
            n("جواد", "Jawad", "Javad"),
            n("مصطفی", "Mustafa", "Mostafa"),
            n("علی رضا", "Ali Reza", "Alireza"),
        ),
        (
            n("زهرا", "Zahra"),
            n("فرشته", "Fereshta", "Freshta"),
            n("مریم", "Maryam", "Mariam"),
            n("سمیرا", "Samira"),
            n("نرگس", "Nargis", "Narges"),
            n("ملالی", "Malalai"),
            n("شکیلا", "Shakila"),
            n("سحر", "Sahar"),
        ),
        (
            same("حیدری", "Haidari", "Heidari"),
            same("احمدزی", "Ahmadzai"),
            same("رحیمی", "Rahimi"),
            same("نوری", "Noori", "Nuri"),
            same("صدیقی", "Sediqi", "Siddiqi"),
            same("محمدی", "Mohammadi"),
            same("ستانکزی", "Stanikzai"),
            same("امیری", "Amiri"),
            same("هاشمی", "Hashimi", "Hashemi"),
        ),
        shared_name=False,
        singles=0.45,
        single_parents=0.10,
        male_singles=0.85,
        residence=((E, "§ 25 Abs. 3 AufenthG", 30), (E, "§ 22 AufenthG", 10), *ASYLUM[:3]),
        january_first=0.4,
    ),
    "TUR": Origin(
        28,
        ((("tr",), 50), (("kmr", "tr"), 45), (("tr", "en"), 5)),
        names("Mehmet", "Mustafa", "Ömer", "Barış", "Çağrı", "Hüseyin", "Serdar", "Emre", "Şêrko", "Dilşad"),
        names("Ayşe", "Gülşen", "Şeyma", "Büşra", "Zeynep", "Rojda", "Berfin", "Zozan", "Hêvî", "Gülistan"),
        families(
            "Yıldız",
            "Çelik",
            "Şahin",
            "Doğan",
            "Öztürk",
            "Aydın",
            "Kılıç",
            "Güneş",
            "Arslan",
            "Özdemir",
            "Yılmaz",
            "Kaya",
            "Ateş",
            "Tunç",
        ),
        shared_name=True,
        singles=0.55,
        single_parents=0.05,
        male_singles=0.80,
        residence=((G, "§ 55 AsylG", 40), (D, "§ 60a AufenthG", 15), *ASYLUM[:2]),
    ),
    "IRQ": Origin(
        23,
        ((("ar",), 45), (("ckb", "ar"), 25), (("kmr", "ar"), 30)),
        (
            n("حسين", "Hussein", "Husain"),
            n("علي", "Ali"),
            n("أحمد", "Ahmed", "Ahmad"),
            n("حيدر", "Haider", "Hayder"),
            n("خضر", "Khidir", "Khider"),
            n("دلشاد", "Dilshad"),
            n("مراد", "Murad", "Mourad"),
            n("عباس", "Abbas"),
            n("محمد", "Mohammed", "Muhammad", "Mohamad"),
        ),
        (
            n("زينب", "Zainab", "Zeinab"),
            n("نادية", "Nadia", "Nadiya"),
            n("شيرين", "Shirin", "Sherin"),
            n("فاطمة", "Fatima", "Fatimah"),
            n("سارة", "Sara", "Sarah"),
            n("نور", "Noor", "Nour"),
            n("جيهان", "Jihan"),
        ),
        (
            same("الجبوري", "Al-Jubouri", "Aljuboori"),
            same("التميمي", "Al-Tamimi", "Altamimi"),
            same("السامرائي", "Al-Samarrai"),
            same("قاسم", "Qasim", "Kasim"),
            same("خلف", "Khalaf"),
            same("مراد", "Murad"),
            same("الدليمي", "Al-Dulaimi"),
            same("سليمان", "Suleiman", "Sleman"),
        ),
        shared_name=False,
        singles=0.35,
        single_parents=0.10,
        male_singles=0.75,
        residence=ASYLUM,
    ),
    "NGA": Origin(
        10,
        ((("en",), 100),),
        names("Chukwuemeka", "Oluwaseun", "Ibrahim", "Obinna", "Emeka", "Tunde", "Godwin", "Samuel", "Musa"),
        names("Blessing", "Ngozi", "Chiamaka", "Aisha", "Funmilayo", "Precious", "Joy", "Esther", "Adaeze"),
        families("Okafor", "Adeyemi", "Eze", "Bello", "Okonkwo", "Ogunleye", "Nwosu", "Osagie", "Igbinedion"),
        shared_name=True,
        singles=0.60,
        single_parents=0.25,
        male_singles=0.60,
        residence=TOLERATED,
        january_first=0.2,
    ),
    "XKX": Origin(
        8,
        ((("sq",), 80), (("sq", "de"), 20)),
        names("Arben", "Driton", "Faton", "Besnik", "Mërgim", "Ilir", "Agon", "Valon"),
        names("Blerina", "Valdete", "Shqipe", "Ardita", "Drita", "Vjosa", "Fjolla", "Elira"),
        families("Krasniqi", "Gashi", "Berisha", "Morina", "Hoxha", "Shala", "Kelmendi", "Bytyqi", "Çitaku"),
        shared_name=True,
        singles=0.30,
        single_parents=0.10,
        male_singles=0.70,
        residence=TOLERATED,
    ),
    "ERI": Origin(
        8,
        ((("ti",), 70), (("ti", "ar"), 20), (("ti", "en"), 10)),
        (
            n("ዳዊት", "Dawit"),
            n("ሰለሞን", "Selemon", "Solomon"),
            n("ተስፋይ", "Tesfay", "Tesfai"),
            n("ሚካኤል", "Mikael", "Michael"),
            n("ዮናስ", "Yonas", "Jonas"),
            n("ኣማኑኤል", "Amanuel", "Emanuel"),
            n("ብርሃነ", "Berhane", "Birhane"),
            n("ክብሮም", "Kibrom"),
            n("ሃብቶም", "Habtom"),
            n("ፊሊሞን", "Filmon"),
        ),
        (
            n("ሳባ", "Saba"),
            n("ሄለን", "Helen"),
            n("ኤልሳ", "Elsa"),
            n("ሰላም", "Selam"),
            n("ፅጌ", "Tsige"),
            n("ሉላ", "Lula"),
            n("ሩታ", "Ruta"),
            n("ዊንታ", "Winta"),
            n("ፍዮሪ", "Fiori"),
            n("ለምለም", "Lemlem"),
        ),
        (
            same("ተኽለ", "Tekle"),
            same("ገብረሂወት", "Gebrehiwet", "Ghebrehiwet"),
            same("ወልደሚካኤል", "Woldemichael", "Weldemikael"),
            same("ሃይለ", "Haile"),
            same("ገብረመድህን", "Gebremedhin", "Ghebremedhin"),
            same("ዓንደማርያም", "Andemariam"),
            same("ኪዳነ", "Kidane"),
            same("ተስፋማርያም", "Tesfamariam"),
            same("በርሀ", "Berhe"),
            same("ሃብተ", "Habte"),
        ),
        shared_name=False,
        singles=0.65,
        single_parents=0.15,
        male_singles=0.75,
        residence=ASYLUM,
        patronymic=True,
        january_first=0.3,
    ),
    "IRN": Origin(
        7,
        ((("fa",), 80), (("fa", "en"), 20)),
        (
            n("رضا", "Reza"),
            n("علی", "Ali"),
            n("مهدی", "Mehdi", "Mahdi"),
            n("امیر", "Amir"),
            n("حسین", "Hossein", "Hussein"),
            n("سعید", "Saeed", "Said"),
            n("بهروز", "Behrouz", "Behruz"),
        ),
        (
            n("مریم", "Maryam"),
            n("فاطمه", "Fatemeh", "Fatima"),
            n("نازنین", "Nazanin"),
            n("شیرین", "Shirin"),
            n("سارا", "Sara"),
            n("نیلوفر", "Niloufar", "Nilufar"),
            n("زهره", "Zohreh"),
            n("پریسا", "Parisa"),
        ),
        (
            same("محمدی", "Mohammadi"),
            same("رضایی", "Rezaei", "Rezaie"),
            same("احمدی", "Ahmadi"),
            same("کریمی", "Karimi"),
            same("حسینی", "Hosseini", "Hoseini"),
            same("موسوی", "Mousavi", "Musavi"),
            same("جعفری", "Jafari", "Djafari"),
            same("صادقی", "Sadeghi", "Sadeqi"),
        ),
        shared_name=False,
        singles=0.45,
        single_parents=0.10,
        male_singles=0.60,
        residence=ASYLUM,
    ),
    "RUS": Origin(
        6,
        ((("ru",), 85), (("ru", "en"), 15)),
        (
            n("Александр", "Aleksandr", "Alexander"),
            n("Дмитрий", "Dmitrii", "Dmitry"),
            n("Сергей", "Sergei"),
            n("Алексей", "Aleksei", "Alexey"),
            n("Артём", "Artyom", "Artem"),
            n("Пётр", "Pyotr", "Petr"),
            n("Владимир", "Vladimir", "Wladimir"),
        ),
        (
            n("Анна", "Anna"),
            n("Екатерина", "Ekaterina", "Yekaterina"),
            n("Ольга", "Olga"),
            n("Мария", "Mariya"),
            n("Наталья", "Natalya", "Natalia"),
            n("Ксения", "Kseniya", "Ksenia"),
            n("Элина", "Elina"),
        ),
        (
            gendered("Иванов", "Ivanov", "Иванова", "Ivanova"),
            gendered("Смирнов", "Smirnov", "Смирнова", "Smirnova"),
            gendered("Кузнецов", "Kuznetsov", "Кузнецова", "Kuznetsova"),
            gendered("Попов", "Popov", "Попова", "Popova"),
            gendered("Соколов", "Sokolov", "Соколова", "Sokolova"),
            gendered("Мусаев", "Musaev", "Мусаева", "Musaeva"),
            gendered("Лебедев", "Lebedev", "Лебедева", "Lebedeva"),
            gendered("Фёдоров", "Fyodorov", "Фёдорова", "Fedorova"),
        ),
        shared_name=True,
        singles=0.45,
        single_parents=0.15,
        male_singles=0.55,
        residence=((G, "§ 55 AsylG", 40), (E, "§ 22 AufenthG", 20), *ASYLUM[:2]),
    ),
    "GMB": Origin(
        6,
        ((("en",), 70), (("en", "fr"), 30)),
        names("Lamin", "Ousman", "Ebrima", "Modou", "Alieu", "Bakary", "Sulayman", "Momodou"),
        names("Fatou", "Mariama", "Isatou", "Awa", "Haddy", "Kaddy", "Binta", "Ndey"),
        families("Jallow", "Ceesay", "Bah", "Touray", "Sowe", "Sanneh", "Njie", "Camara", "Darboe", "Jobe"),
        shared_name=False,
        singles=0.80,
        single_parents=0.10,
        male_singles=0.90,
        residence=TOLERATED,
        january_first=0.5,
    ),
    "GEO": Origin(
        4,
        ((("ka", "ru"), 80), (("ka",), 20)),
        (
            n("გიორგი", "Giorgi"),
            n("ლევანი", "Levani", "Levan"),
            n("დავითი", "Davit", "Daviti"),
            n("ირაკლი", "Irakli"),
        ),
        (n("ნინო", "Nino"), n("თამარი", "Tamari", "Tamar"), n("მარიამი", "Mariami"), n("ნათია", "Natia")),
        (
            same("ბერიძე", "Beridze"),
            same("მაისურაძე", "Maisuradze"),
            same("გელაშვილი", "Gelashvili"),
            same("კვარაცხელია", "Kvaratskhelia"),
            same("ლომიძე", "Lomidze"),
        ),
        shared_name=True,
        singles=0.40,
        single_parents=0.15,
        male_singles=0.60,
        residence=TOLERATED,
    ),
    "PAK": Origin(
        4,
        ((("ur", "en"), 70), (("ur",), 30)),
        (
            n("محمد", "Muhammad", "Mohammad"),
            n("عمران", "Imran"),
            n("بلال", "Bilal"),
            n("حسن", "Hassan", "Hasan"),
            n("عثمان", "Usman", "Osman"),
            n("علی", "Ali"),
        ),
        (n("عائشہ", "Ayesha", "Aisha"), n("فاطمہ", "Fatima"), n("صائمہ", "Saima"), n("نادیہ", "Nadia")),
        (
            same("خان", "Khan"),
            same("چوہدری", "Chaudhry", "Chaudhary"),
            same("بٹ", "Butt"),
            same("قریشی", "Qureshi"),
            same("ملک", "Malik"),
            same("اعوان", "Awan"),
        ),
        shared_name=False,
        singles=0.70,
        single_parents=0.05,
        male_singles=0.90,
        residence=TOLERATED,
    ),
    "SOM": Origin(
        4,
        ((("so",), 70), (("so", "ar"), 20), (("so", "en"), 10)),
        (
            n("Cabdiraxmaan", "Abdirahman", "Abdulrahman"),
            n("Maxamed", "Mohamed", "Mohammed"),
            n("Axmed", "Ahmed"),
            n("Xuseen", "Hussein"),
            n("Liban"),
            n("Cali", "Ali"),
        ),
        (
            n("Faadumo", "Fadumo", "Fatuma"),
            n("Xaliimo", "Halima"),
            n("Hodan"),
            n("Ayaan"),
            n("Sahra"),
            n("Maryan", "Mariam"),
        ),
        (
            same("Warsame"),
            same("Cabdi", "Abdi"),
            same("Faarax", "Farah"),
            same("Yuusuf", "Yusuf"),
            same("Xasan", "Hassan"),
            same("Maxamuud", "Mohamud"),
        ),
        shared_name=False,
        singles=0.60,
        single_parents=0.25,
        male_singles=0.70,
        residence=ASYLUM,
        january_first=0.5,
    ),
}

# The first households take these nationalities, so even a small demo shows every script.
SHOWCASE = ("UKR", "SYR", "AFG", "ERI", "TUR", "RUS", "IRQ", "GEO", "NGA", "IRN", "UKR", "SYR")

GERMAN_MALE = names("Jürgen", "Björn", "Jörg", "Sören", "Günter", "Matthias")
GERMAN_FEMALE = names("Bärbel", "Jana", "Anja", "Käthe", "Sabine", "Gisela")
GERMAN_FAMILY = families("Müller", "Schäfer", "Köhler", "Krüger", "Weiß", "Bäuerle", "Häußler", "Wößner")

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
MESSENGERS = ("WhatsApp", "Signal", "Telegram", "Viber", "WhatsApp (gleiche Nummer)", "Threema")
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

# Goals: German text and translations; {date} is the target date, {place} the municipality, {school} a school.
GOALS: dict[LifeArea, tuple[tuple[str, dict[str, str]], ...]] = {
    LifeArea.LANGUAGE: (
        (
            "Bis {date} Anmeldung zum Integrationskurs (B1) bei der VHS {place}",
            {
                "uk": "До {date} записатися на інтеграційний курс (B1) у VHS {place}",
                "ru": "До {date} записаться на интеграционный курс (B1) в VHS {place}",
                "ar": "التسجيل في دورة الاندماج (B1) في VHS {place} حتى {date}",
                "fa": "ثبت‌نام در کورس ادغام (B1) در VHS {place} تا {date}",
                "tr": "{date} tarihine kadar VHS {place} uyum kursuna (B1) kayıt olmak",
                "en": "Register for the integration course (B1) at VHS {place} by {date}",
            },
        ),
        (
            "Bis {date} Prüfung „Deutsch-Test für Zuwanderer“ (DTZ) ablegen und B1 erreichen",
            {
                "uk": "До {date} скласти іспит DTZ і досягти рівня B1",
                "ru": "До {date} сдать экзамен DTZ и достичь уровня B1",
                "ar": "اجتياز امتحان DTZ والوصول إلى مستوى B1 حتى {date}",
                "fa": "تا {date} امتحان DTZ را بدهد و به سطح B1 برسد",
                "tr": "{date} tarihine kadar DTZ sınavına girmek ve B1 seviyesine ulaşmak",
                "en": "Take the DTZ exam and reach level B1 by {date}",
            },
        ),
        ("Bis {date} Platz im Berufssprachkurs B2 über das Jobcenter beantragen", {}),
        ("Bis {date} Alphabetisierungskurs beginnen und regelmäßig besuchen", {}),
        ("Bis {date} zweimal pro Woche das Sprachcafé im Begegnungszentrum {place} besuchen", {}),
    ),
    LifeArea.SCHOOL: (
        (
            "Bis {date} Schulanmeldung der Kinder an der {school} abschließen",
            {
                "uk": "До {date} завершити реєстрацію дітей у школі {school}",
                "ru": "До {date} завершить запись детей в школу {school}",
                "ar": "إتمام تسجيل الأطفال في المدرسة {school} حتى {date}",
                "fa": "تا {date} ثبت‌نام فرزندان در مدرسه {school} را تمام کند",
                "tr": "{date} tarihine kadar çocukların {school} okuluna kaydını tamamlamak",
                "en": "Complete the children's registration at {school} by {date}",
            },
        ),
        ("Bis {date} Elterngespräch mit der Klassenlehrkraft führen (mit Sprachmittlung)", {}),
        ("Bis {date} Zeugnisse aus dem Herkunftsland übersetzen lassen", {}),
        ("Bis {date} Hausaufgabenbetreuung für die Kinder finden", {}),
    ),
    LifeArea.TRAINING: (
        (
            "Bis {date} Antrag auf Anerkennung des Berufsabschlusses stellen",
            {
                "uk": "До {date} подати заяву на визнання професійної кваліфікації",
                "ru": "До {date} подать заявление на признание профессиональной квалификации",
                "ar": "تقديم طلب معادلة الشهادة المهنية حتى {date}",
                "fa": "تا {date} درخواست به رسمیت شناختن مدرک حرفه‌ای را ارائه دهد",
                "tr": "{date} tarihine kadar meslek diplomasının denkliği için başvurmak",
                "en": "Apply for recognition of the vocational qualification by {date}",
            },
        ),
        ("Bis {date} Bewerbung für eine Ausbildung als Pflegefachhelfer/in abschicken", {}),
        ("Bis {date} Termin bei der Berufsberatung der Agentur für Arbeit wahrnehmen", {}),
        ("Bis {date} zweiwöchiges Praktikum in einem Handwerksbetrieb absolvieren", {}),
    ),
    LifeArea.WORK: (
        (
            "Bis {date} Lebenslauf auf Deutsch erstellen und sich bei drei Arbeitgebern bewerben",
            {
                "uk": "До {date} скласти резюме німецькою мовою та подати заявки трьом роботодавцям",
                "ru": "До {date} составить резюме на немецком языке и откликнуться у трёх работодателей",
                "ar": "إعداد سيرة ذاتية باللغة الألمانية والتقدم إلى ثلاثة أصحاب عمل حتى {date}",
                "fa": "تا {date} رزومه به زبان آلمانی تهیه کند و به سه کارفرما درخواست بفرستد",
                "tr": "{date} tarihine kadar Almanca özgeçmiş hazırlamak ve üç işverene başvurmak",
                "en": "Write a CV in German and apply to three employers by {date}",
            },
        ),
        ("Bis {date} Minijob oder Teilzeitstelle in {place} finden", {}),
        ("Bis {date} Beschäftigungserlaubnis bei der Ausländerbehörde beantragen", {}),
        ("Bis {date} Termin bei der Arbeitsvermittlung des Jobcenters wahrnehmen", {}),
    ),
    LifeArea.RESIDENCE: (
        (
            "Bis {date} Verlängerung des Aufenthaltstitels bei der Ausländerbehörde beantragen",
            {
                "uk": "До {date} подати заяву на продовження посвідки на проживання в Ausländerbehörde",
                "ru": "До {date} подать заявление на продление вида на жительство в Ausländerbehörde",
                "ar": "تقديم طلب تمديد الإقامة لدى دائرة الأجانب حتى {date}",
                "fa": "تا {date} درخواست تمدید اقامت را به اداره اتباع خارجی بدهد",
                "tr": "{date} tarihine kadar Yabancılar Dairesi'ne oturum izninin uzatılması için başvurmak",
                "en": "Apply to the immigration office for an extension of the residence permit by {date}",
            },
        ),
        ("Bis {date} Nationalpass bei der Botschaft beantragen (Identitätsklärung)", {}),
        ("Bis {date} Unterlagen für die Niederlassungserlaubnis zusammenstellen", {}),
        ("Bis {date} Antrag auf Familiennachzug vorbereiten", {}),
    ),
    LifeArea.HOUSING: (
        (
            "Bis {date} eine eigene Wohnung finden und den Mietvertrag abschließen",
            {
                "uk": "До {date} знайти власне житло та підписати договір оренди",
                "ru": "До {date} найти собственную квартиру и заключить договор аренды",
                "ar": "إيجاد شقة خاصة وتوقيع عقد الإيجار حتى {date}",
                "fa": "تا {date} یک خانه شخصی پیدا کند و قرارداد اجاره را امضا کند",
                "tr": "{date} tarihine kadar kendi dairesini bulmak ve kira sözleşmesini imzalamak",
                "en": "Find a flat of one's own and sign the tenancy agreement by {date}",
            },
        ),
        ("Bis {date} Wohnberechtigungsschein bei der Stadt {place} beantragen", {}),
        ("Bis {date} Hausordnung und Mülltrennung mit der Familie besprechen", {}),
    ),
    LifeArea.HEALTH: (
        (
            "Bis {date} eine Hausarztpraxis in {place} finden und die Erstuntersuchung wahrnehmen",
            {
                "uk": "До {date} знайти сімейного лікаря в {place} і пройти перший огляд",
                "ru": "До {date} найти семейного врача в {place} и пройти первичный осмотр",
                "ar": "إيجاد طبيب عام في {place} وإجراء الفحص الأول حتى {date}",
                "fa": "تا {date} یک پزشک خانواده در {place} پیدا کند و معاینه اول را انجام دهد",
                "tr": "{date} tarihine kadar {place} içinde bir aile hekimi bulmak ve ilk muayeneye gitmek",
                "en": "Find a family doctor in {place} and attend the first examination by {date}",
            },
        ),
        ("Bis {date} Termin beim Psychosozialen Zentrum vereinbaren", {}),
        ("Bis {date} Impfstatus der Kinder beim Kinderarzt prüfen lassen", {}),
    ),
    LifeArea.FAMILY: (
        (
            "Bis {date} Kindergeld bei der Familienkasse beantragen",
            {
                "uk": "До {date} подати заяву на допомогу на дітей (Kindergeld) до Familienkasse",
                "ru": "До {date} подать заявление на детское пособие (Kindergeld) в Familienkasse",
                "ar": "تقديم طلب إعانة الأطفال (Kindergeld) لدى Familienkasse حتى {date}",
                "fa": "تا {date} درخواست کمک‌هزینه فرزند (Kindergeld) را به Familienkasse بدهد",
                "tr": "{date} tarihine kadar Familienkasse'ye çocuk parası (Kindergeld) için başvurmak",
                "en": "Apply for child benefit (Kindergeld) at the Familienkasse by {date}",
            },
        ),
        ("Bis {date} Kita-Platz für das jüngste Kind über das Portal der Stadt {place} beantragen", {}),
        ("Bis {date} Ferienbetreuung für die Kinder organisieren", {}),
    ),
    LifeArea.FINANCES: (
        (
            "Bis {date} ein Girokonto bei einer Bank eröffnen",
            {
                "uk": "До {date} відкрити поточний рахунок у банку",
                "ru": "До {date} открыть текущий счёт в банке",
                "ar": "فتح حساب جارٍ في أحد البنوك حتى {date}",
                "fa": "تا {date} یک حساب بانکی جاری باز کند",
                "tr": "{date} tarihine kadar bir bankada vadesiz hesap açmak",
                "en": "Open a current account at a bank by {date}",
            },
        ),
        ("Bis {date} Weiterbewilligungsantrag beim Jobcenter fristgerecht abgeben", {}),
        ("Bis {date} Schuldnerberatung aufsuchen und Ratenzahlung vereinbaren", {}),
        ("Bis {date} Befreiung vom Rundfunkbeitrag beantragen", {}),
    ),
    LifeArea.PARTICIPATION: (
        (
            "Bis {date} Mitglied in einem Sportverein werden und regelmäßig trainieren",
            {
                "uk": "До {date} стати членом спортивного клубу та регулярно тренуватися",
                "ru": "До {date} вступить в спортивный клуб и регулярно тренироваться",
                "ar": "الانتساب إلى نادٍ رياضي والتدريب بانتظام حتى {date}",
                "fa": "تا {date} عضو یک باشگاه ورزشی شود و به طور منظم تمرین کند",
                "tr": "{date} tarihine kadar bir spor kulübüne üye olmak ve düzenli antrenman yapmak",
                "en": "Join a sports club and train regularly by {date}",
            },
        ),
        ("Bis {date} Kontakt zu einer ehrenamtlichen Patin oder einem Paten herstellen", {}),
        ("Bis {date} an einer Veranstaltung im Begegnungscafé {place} teilnehmen", {}),
    ),
    LifeArea.OTHER: (
        ("Bis {date} Führerschein aus dem Herkunftsland umschreiben lassen", {}),
        ("Bis {date} Deutschlandticket als Sozialticket beantragen", {}),
    ),
}
# The language a goal translation is written in, for each spoken language.
TRANSLATION_LANGUAGE = {"uk": "uk", "ru": "ru", "ar": "ar", "fa": "fa", "prs": "fa", "tr": "tr", "en": "en"}

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
ADDENDA = (
    "Nachtrag: Termin beim Jobcenter wurde auf den {day} verschoben.",
    "Nachtrag: Die Sprachmittlerin war Frau Rahimi, nicht wie notiert Herr Sadat.",
    "Korrektur: Der Bescheid ist vom Sozialamt, nicht vom Jobcenter.",
    "Nachtrag: Unterlagen wurden am {day} nachgereicht.",
)
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
DUE_OUTCOMES = (
    (GoalStatus.ACHIEVED, 45),
    (GoalStatus.PARTLY_ACHIEVED, 20),
    (GoalStatus.NOT_ACHIEVED, 15),
    (GoalStatus.DROPPED, 10),
    (GoalStatus.IN_PROGRESS, 10),
)
EARLY_OUTCOMES = ((GoalStatus.IN_PROGRESS, 75), (GoalStatus.ACHIEVED, 13), (GoalStatus.DROPPED, 12))
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
PRIORITIES = ((Priority.HIGH, 30), (Priority.MEDIUM, 50), (Priority.LOW, 20))
INTAKE_TOPICS = (LifeArea.RESIDENCE, LifeArea.HOUSING, LifeArea.FINANCES)
PHONE_INTERPRETER = ("Telefondolmetscher (Triaphon)",)
PROCESSING_PURPOSES = "Beratung und Begleitung im Integrationsmanagement, Erstellung des Integrationsplans"
CERTIFICATE_FOR = {
    LanguageLevel.A2: "DTZ A2",
    LanguageLevel.B1: "DTZ B1",
    LanguageLevel.B2: "telc Deutsch B2 Beruf",
    LanguageLevel.C1: "Goethe-Zertifikat C1",
}
