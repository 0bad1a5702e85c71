"""Names, households and residence titles of the clients from Eritrea, Somalia, Nigeria and Gambia."""

from __future__ import annotations

from integrationsplan.demo.words.origin import ASYLUM, TOLERATED, Origin, families, n, names, same

ERI = Origin(
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
)

SOM = Origin(
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
)

NGA = Origin(
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
)

GMB = Origin(
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
)
