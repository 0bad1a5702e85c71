"""Goals per life area in German with their translations, the translation language and goal priorities."""

from __future__ import annotations

from integrationsplan.domain.codes import LifeArea, Priority

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

PRIORITIES = ((Priority.HIGH, 30), (Priority.MEDIUM, 50), (Priority.LOW, 20))
