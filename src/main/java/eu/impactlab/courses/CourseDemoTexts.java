package eu.impactlab.courses;

import java.util.Map;

/** Titles and summaries of the demo courses in the seven UI languages: {title, summary}. */
final class CourseDemoTexts {

    private CourseDemoTexts() {
    }

    static final Map<String, String[]> SMARTPHONE_SENIORS = Map.of(
            "de", new String[] {"Smartphone-Grundlagen für Seniorinnen und Senioren",
                    "In vier ruhigen Treffen lernen Sie Ihr Handy kennen: anrufen, Nachrichten schreiben, Fotos machen und sicher bleiben. Bringen Sie Ihr eigenes Handy mit, wir haben auch Übungsgeräte."},
            "en", new String[] {"Smartphone basics for older people",
                    "In four calm meetings you get to know your phone: calling, writing messages, taking photos and staying safe. Bring your own phone; we also have phones to practise on."},
            "tr", new String[] {"Yaşlılar için akıllı telefon temel bilgileri",
                    "Dört sakin buluşmada telefonunuzu tanıyorsunuz: arama yapmak, mesaj yazmak, fotoğraf çekmek ve güvende kalmak. Kendi telefonunuzu getirin; alıştırma için telefonlarımız da var."},
            "ar", new String[] {"أساسيات الهاتف الذكي لكبار السن",
                    "في أربعة لقاءات هادئة تتعرفون على هاتفكم: الاتصال وكتابة الرسائل والتقاط الصور والبقاء في أمان. أحضروا هاتفكم الخاص، ولدينا أيضًا هواتف للتدريب."},
            "ru", new String[] {"Основы смартфона для пожилых людей",
                    "За четыре спокойные встречи Вы познакомитесь со своим телефоном: звонки, сообщения, фотографии и безопасность. Приносите свой телефон, у нас есть и телефоны для упражнений."},
            "uk", new String[] {"Основи смартфона для людей похилого віку",
                    "За чотири спокійні зустрічі Ви познайомитеся зі своїм телефоном: дзвінки, повідомлення, фотографії та безпека. Приносьте свій телефон, у нас є й телефони для вправ."},
            "pl", new String[] {"Podstawy smartfona dla seniorek i seniorów",
                    "Na czterech spokojnych spotkaniach poznasz swój telefon: dzwonienie, pisanie wiadomości, robienie zdjęć i bezpieczeństwo. Przynieś swój telefon, mamy też telefony do ćwiczeń."});

    /** The finished demo course whose completers can claim an Open Badge right after the first start. */
    static final Map<String, String[]> VIDEO_CALLS = Map.of(
            "de", new String[] {"Mit der Familie per Video sprechen",
                    "In drei Treffen lernen Sie, mit Familie und Freunden per Video zu sprechen, Fotos zu teilen und Ihre Daten dabei zu schützen."},
            "en", new String[] {"Video calls with your family",
                    "In three meetings you learn to talk to family and friends by video, share photos and protect your data while doing so."},
            "tr", new String[] {"Aileyle görüntülü görüşme",
                    "Üç buluşmada aile ve arkadaşlarınızla görüntülü konuşmayı, fotoğraf paylaşmayı ve bu sırada verilerinizi korumayı öğreniyorsunuz."},
            "ar", new String[] {"مكالمات الفيديو مع العائلة",
                    "في ثلاثة لقاءات تتعلمون التحدث مع العائلة والأصدقاء عبر الفيديو ومشاركة الصور وحماية بياناتكم أثناء ذلك."},
            "ru", new String[] {"Видеозвонки с семьёй",
                    "За три встречи Вы научитесь разговаривать с семьёй и друзьями по видео, делиться фотографиями и при этом защищать свои данные."},
            "uk", new String[] {"Відеодзвінки з родиною",
                    "За три зустрічі Ви навчитеся розмовляти з родиною та друзями по відео, ділитися фотографіями й при цьому захищати свої дані."},
            "pl", new String[] {"Rozmowy wideo z rodziną",
                    "Na trzech spotkaniach nauczysz się rozmawiać z rodziną i przyjaciółmi przez wideo, dzielić się zdjęciami i przy tym chronić swoje dane."});

    static final Map<String, String[]> GIRLS_DIGITAL_DAY = Map.of(
            "de", new String[] {"Girls' Digital Day: Programmieren mit dem Calliope mini",
                    "Ein Tag nur für Mädchen und junge Frauen von 10 bis 16 Jahren: Ihr programmiert kleine Computer, lasst Lichter blinken und baut ein eigenes Spiel. Vorwissen braucht ihr nicht."},
            "en", new String[] {"Girls' Digital Day: coding with the Calliope mini",
                    "A day just for girls and young women aged 10 to 16: you program small computers, make lights blink and build your own game. No experience needed."},
            "tr", new String[] {"Girls' Digital Day: Calliope mini ile programlama",
                    "10–16 yaş arası kızlar ve genç kadınlar için bir gün: küçük bilgisayarları programlıyor, ışıkları yakıp söndürüyor ve kendi oyununuzu yapıyorsunuz. Ön bilgi gerekmez."},
            "ar", new String[] {"يوم الفتيات الرقمي: البرمجة باستخدام Calliope mini",
                    "يوم مخصص للفتيات والشابات من 10 إلى 16 سنة: تبرمجن حواسيب صغيرة وتجعلن الأضواء تومض وتصنعن لعبتكن الخاصة. لا تحتجن إلى معرفة مسبقة."},
            "ru", new String[] {"Girls' Digital Day: программирование на Calliope mini",
                    "День только для девочек и девушек от 10 до 16 лет: вы программируете маленькие компьютеры, зажигаете огоньки и создаёте свою игру. Опыт не нужен."},
            "uk", new String[] {"Girls' Digital Day: програмування з Calliope mini",
                    "День лише для дівчат і молодих жінок від 10 до 16 років: ви програмуєте маленькі комп’ютери, вмикаєте вогники й створюєте власну гру. Досвід не потрібен."},
            "pl", new String[] {"Girls' Digital Day: programowanie z Calliope mini",
                    "Dzień tylko dla dziewcząt i młodych kobiet w wieku od 10 do 16 lat: programujecie małe komputery, zapalacie światełka i budujecie własną grę. Nie potrzeba doświadczenia."});

    static final Map<String, String[]> APPLYING = Map.of(
            "de", new String[] {"Bewerben mit dem Computer",
                    "Lebenslauf schreiben, Anschreiben gestalten, Bewerbung als PDF per E-Mail oder über ein Jobportal schicken: in drei Treffen Schritt für Schritt, mit Ihren eigenen Unterlagen."},
            "en", new String[] {"Applying for jobs with a computer",
                    "Writing a CV, designing a cover letter, sending your application as a PDF by e-mail or through a job portal: step by step in three meetings, with your own documents."},
            "tr", new String[] {"Bilgisayarla iş başvurusu",
                    "Özgeçmiş yazmak, ön yazı hazırlamak, başvuruyu PDF olarak e-postayla veya bir iş portalı üzerinden göndermek: üç buluşmada adım adım, kendi belgelerinizle."},
            "ar", new String[] {"التقدم للوظائف باستخدام الكمبيوتر",
                    "كتابة السيرة الذاتية وتصميم رسالة التقديم وإرسال الطلب كملف PDF بالبريد الإلكتروني أو عبر بوابة وظائف: خطوة بخطوة في ثلاثة لقاءات، بأوراقكم الخاصة."},
            "ru", new String[] {"Заявление о работе с помощью компьютера",
                    "Резюме, сопроводительное письмо, отправка заявления в формате PDF по эл. почте или через портал вакансий: шаг за шагом за три встречи, с Вашими собственными документами."},
            "uk", new String[] {"Подання заявки на роботу з комп’ютером",
                    "Резюме, супровідний лист, надсилання заявки у форматі PDF ел. поштою або через портал вакансій: крок за кроком за три зустрічі, з Вашими власними документами."},
            "pl", new String[] {"Aplikowanie o pracę przy komputerze",
                    "Pisanie CV, list motywacyjny, wysyłanie aplikacji jako PDF e-mailem lub przez portal z ofertami pracy: krok po kroku na trzech spotkaniach, z Twoimi dokumentami."});

    static final Map<String, String[]> SAFE_ONLINE = Map.of(
            "de", new String[] {"Online-Kurs: Sicher im Internet",
                    "Wie erkenne ich falsche Nachrichten und Betrug? Wie mache ich gute Passwörter? Ein Abend am eigenen Computer oder Handy, von zu Hause aus. Den Link bekommen Sie nach der Anmeldung."},
            "en", new String[] {"Online course: safe on the internet",
                    "How do I spot fake messages and fraud? How do I make good passwords? One evening on your own computer or phone, from home. You get the link after you register."},
            "tr", new String[] {"Online kurs: İnternette güvende",
                    "Sahte mesajları ve dolandırıcılığı nasıl anlarım? İyi şifreleri nasıl oluştururum? Evden, kendi bilgisayarınızda veya telefonunuzda bir akşam. Bağlantıyı kayıttan sonra alırsınız."},
            "ar", new String[] {"دورة عبر الإنترنت: الأمان على الإنترنت",
                    "كيف أتعرف على الرسائل الكاذبة والاحتيال؟ كيف أصنع كلمات مرور جيدة؟ أمسية واحدة على حاسوبكم أو هاتفكم من البيت. تحصلون على الرابط بعد التسجيل."},
            "ru", new String[] {"Онлайн-курс: безопасность в интернете",
                    "Как распознать фальшивые сообщения и мошенничество? Как придумать хороший пароль? Один вечер за своим компьютером или телефоном, из дома. Ссылку Вы получите после записи."},
            "uk", new String[] {"Онлайн-курс: безпека в інтернеті",
                    "Як розпізнати фальшиві повідомлення та шахрайство? Як створити надійний пароль? Один вечір за своїм комп’ютером або телефоном, з дому. Посилання Ви отримаєте після запису."},
            "pl", new String[] {"Kurs online: bezpiecznie w internecie",
                    "Jak rozpoznać fałszywe wiadomości i oszustwa? Jak tworzyć dobre hasła? Jeden wieczór przy własnym komputerze lub telefonie, z domu. Link dostaniesz po zapisaniu się."});

    static final Map<String, String[]> FIRST_WEBSITE = Map.of(
            "de", new String[] {"Coding für Schulabgängerinnen und Schulabgänger: Deine erste Webseite",
                    "In vier Nachmittagen baust du mit HTML und CSS deine eigene Webseite, zum Beispiel für deine Bewerbung. Laptops sind da. Gut für alle, die eine Ausbildung in der IT suchen."},
            "en", new String[] {"Coding for school leavers: your first website",
                    "In four afternoons you build your own website with HTML and CSS, for example for your job application. Laptops are provided. Good for anyone looking for training in IT."},
            "tr", new String[] {"Okulu bitirenler için kodlama: İlk web siten",
                    "Dört öğleden sonra HTML ve CSS ile kendi web siteni yapıyorsun, örneğin iş başvurun için. Dizüstü bilgisayarlar hazır. BT alanında meslek eğitimi arayan herkes için uygun."},
            "ar", new String[] {"البرمجة لخريجي المدارس: موقعك الإلكتروني الأول",
                    "في أربع فترات بعد الظهر تبني موقعك الإلكتروني الخاص باستخدام HTML وCSS، مثلًا لطلب التوظيف. الحواسيب المحمولة متوفرة. مناسب لكل من يبحث عن تدريب مهني في تقنية المعلومات."},
            "ru", new String[] {"Программирование для выпускников школ: твой первый сайт",
                    "За четыре занятия ты создашь свой сайт на HTML и CSS, например для заявления о работе. Ноутбуки есть на месте. Подходит всем, кто ищет обучение в сфере ИТ."},
            "uk", new String[] {"Програмування для випускників шкіл: твій перший сайт",
                    "За чотири заняття ти створиш власний сайт на HTML і CSS, наприклад для заявки на роботу. Ноутбуки є на місці. Підходить усім, хто шукає навчання у сфері ІТ."},
            "pl", new String[] {"Kodowanie dla absolwentów szkół: Twoja pierwsza strona",
                    "W cztery popołudnia zbudujesz własną stronę internetową w HTML i CSS, na przykład do aplikacji o pracę. Laptopy są na miejscu. Dla wszystkich, którzy szukają nauki zawodu w IT."});

    static final Map<String, String[]> SOCIAL_MEDIA_SHOPS = Map.of(
            "de", new String[] {"Social Media für kleine Läden und Betriebe",
                    "Wie zeige ich meinen Laden bei Instagram und Google? Gute Fotos, kurze Texte, Öffnungszeiten aktuell halten, Bewertungen beantworten. Zwei Vormittage für Inhaberinnen und Inhaber."},
            "en", new String[] {"Social media for small shops and businesses",
                    "How do I show my shop on Instagram and Google? Good photos, short texts, keeping opening hours up to date, answering reviews. Two mornings for shop owners."},
            "tr", new String[] {"Küçük dükkânlar ve işletmeler için sosyal medya",
                    "Dükkânımı Instagram ve Google'da nasıl gösteririm? İyi fotoğraflar, kısa metinler, güncel çalışma saatleri, yorumlara cevap. İşletme sahipleri için iki sabah."},
            "ar", new String[] {"وسائل التواصل الاجتماعي للمحلات والمشاريع الصغيرة",
                    "كيف أعرض محلي على إنستغرام وغوغل؟ صور جيدة ونصوص قصيرة وتحديث ساعات العمل والرد على التقييمات. صباحان لأصحاب المحلات."},
            "ru", new String[] {"Соцсети для небольших магазинов и предприятий",
                    "Как показать свой магазин в Instagram и Google? Хорошие фото, короткие тексты, актуальные часы работы, ответы на отзывы. Два утра для владельцев."},
            "uk", new String[] {"Соцмережі для невеликих магазинів і підприємств",
                    "Як показати свій магазин в Instagram і Google? Гарні фото, короткі тексти, актуальні години роботи, відповіді на відгуки. Два ранки для власників."},
            "pl", new String[] {"Media społecznościowe dla małych sklepów i firm",
                    "Jak pokazać swój sklep na Instagramie i w Google? Dobre zdjęcia, krótkie teksty, aktualne godziny otwarcia, odpowiedzi na opinie. Dwa przedpołudnia dla właścicieli."});

    static final Map<String, String[]> ONLINE_OFFICES = Map.of(
            "de", new String[] {"Online-Anträge in Bremen (auf Ukrainisch)",
                    "Termin beim Bürgeramt buchen, Anträge online stellen, Post vom Amt verstehen: ein Kurs auf Ukrainisch für alle, die neu in Bremen sind."},
            "en", new String[] {"Online applications in Bremen (in Ukrainian)",
                    "Booking an appointment at the citizens' office, applying online, understanding letters from offices: a course in Ukrainian for everyone new in Bremen."},
            "tr", new String[] {"Bremen'de online başvurular (Ukraynaca)",
                    "Vatandaşlık dairesinden randevu almak, online başvuru yapmak, resmî mektupları anlamak: Bremen'e yeni gelen herkes için Ukraynaca bir kurs."},
            "ar", new String[] {"الطلبات الإلكترونية في بريمن (باللغة الأوكرانية)",
                    "حجز موعد في مكتب المواطنين وتقديم الطلبات عبر الإنترنت وفهم رسائل الدوائر الرسمية: دورة باللغة الأوكرانية لكل القادمين الجدد إلى بريمن."},
            "ru", new String[] {"Онлайн-заявления в Бремене (на украинском)",
                    "Записаться в бюргерамт, подать заявление онлайн, понять письма от ведомств: курс на украинском языке для всех, кто недавно в Бремене."},
            "uk", new String[] {"Онлайн-заяви в Бремені (українською)",
                    "Записатися до бюргерамту, подати заяву онлайн, зрозуміти листи від установ: курс українською мовою для всіх, хто нещодавно в Бремені."},
            "pl", new String[] {"Wnioski online w Bremie (po ukraińsku)",
                    "Umówienie wizyty w urzędzie obywatelskim, składanie wniosków online, rozumienie listów z urzędów: kurs po ukraińsku dla wszystkich, którzy są nowi w Bremie."});

    static final Map<String, String[]> PHONE_TURKISH = Map.of(
            "de", new String[] {"Handy-Kurs auf Türkisch: WhatsApp, Fotos und Termine",
                    "Mit der Familie schreiben und telefonieren, Fotos teilen, Termine im Kalender eintragen: zwei Treffen auf Türkisch, in Ruhe und mit viel Zeit für Fragen."},
            "en", new String[] {"Phone course in Turkish: WhatsApp, photos and appointments",
                    "Chatting and calling with your family, sharing photos, putting appointments in the calendar: two meetings in Turkish, calm and with plenty of time for questions."},
            "tr", new String[] {"Türkçe telefon kursu: WhatsApp, fotoğraflar ve randevular",
                    "Ailenizle yazışmak ve konuşmak, fotoğraf paylaşmak, randevuları takvime eklemek: Türkçe iki buluşma, sakin ve sorular için bol zamanla."},
            "ar", new String[] {"دورة الهاتف بالتركية: واتساب والصور والمواعيد",
                    "المراسلة والاتصال مع العائلة ومشاركة الصور وإضافة المواعيد إلى التقويم: لقاءان باللغة التركية، بهدوء ومع وقت كافٍ للأسئلة."},
            "ru", new String[] {"Курс по телефону на турецком: WhatsApp, фото и встречи",
                    "Переписка и звонки с семьёй, обмен фотографиями, встречи в календаре: две встречи на турецком языке, спокойно и с большим временем для вопросов."},
            "uk", new String[] {"Курс про телефон турецькою: WhatsApp, фото та зустрічі",
                    "Листування та дзвінки з родиною, обмін фотографіями, зустрічі в календарі: дві зустрічі турецькою мовою, спокійно й з великим часом для запитань."},
            "pl", new String[] {"Kurs obsługi telefonu po turecku: WhatsApp, zdjęcia i terminy",
                    "Pisanie i rozmowy z rodziną, udostępnianie zdjęć, wpisywanie terminów do kalendarza: dwa spotkania po turecku, spokojnie i z czasem na pytania."});

    static final Map<String, String[]> FAMILY_SCREENS = Map.of(
            "de", new String[] {"Familien-Workshop: Gut leben mit Bildschirmen",
                    "Eltern und Kinder probieren gemeinsam aus, wie Bildschirmzeit, Spiele und Kinderschutz-Einstellungen zusammenpassen. Mit Spielen zum Mitmachen, für Kinder ab 8 Jahren."},
            "en", new String[] {"Family workshop: living well with screens",
                    "Parents and children try out together how screen time, games and parental controls fit together. With games to join in, for children aged 8 and up."},
            "tr", new String[] {"Aile atölyesi: Ekranlarla iyi yaşamak",
                    "Ebeveynler ve çocuklar ekran süresi, oyunlar ve çocuk koruma ayarlarının nasıl uyum sağladığını birlikte deniyor. Katılımlı oyunlarla, 8 yaş ve üstü çocuklar için."},
            "ar", new String[] {"ورشة للعائلات: حياة جيدة مع الشاشات",
                    "يجرب الآباء والأطفال معًا كيف يتناسب وقت الشاشة والألعاب وإعدادات حماية الأطفال. مع ألعاب تشاركية، للأطفال من عمر 8 سنوات."},
            "ru", new String[] {"Семейный мастер-класс: жить хорошо с экранами",
                    "Родители и дети вместе пробуют, как сочетать время у экрана, игры и настройки защиты детей. С играми для всех, для детей от 8 лет."},
            "uk", new String[] {"Сімейний майстер-клас: добре жити з екранами",
                    "Батьки й діти разом пробують, як поєднати час біля екрана, ігри та налаштування захисту дітей. З іграми для всіх, для дітей від 8 років."},
            "pl", new String[] {"Warsztaty rodzinne: dobrze żyć z ekranami",
                    "Rodzice i dzieci wspólnie sprawdzają, jak pogodzić czas przed ekranem, gry i ustawienia ochrony dzieci. Z grami dla wszystkich, dla dzieci od 8 lat."});

    static final Map<String, String[]> JOBS_ARABIC = Map.of(
            "de", new String[] {"Digitale Jobsuche auf Arabisch",
                    "Stellen finden bei der Agentur für Arbeit und in Jobportalen, ein Profil anlegen, Termine per E-Mail vereinbaren: zwei Treffen auf Arabisch."},
            "en", new String[] {"Digital job search in Arabic",
                    "Finding vacancies at the employment agency and on job portals, creating a profile, arranging appointments by e-mail: two meetings in Arabic."},
            "tr", new String[] {"Arapça dijital iş arama",
                    "İş ajansında ve iş portallarında ilan bulmak, profil oluşturmak, e-postayla randevu almak: Arapça iki buluşma."},
            "ar", new String[] {"البحث الرقمي عن عمل باللغة العربية",
                    "العثور على الوظائف في وكالة العمل وفي بوابات التوظيف، وإنشاء ملف شخصي، وترتيب المواعيد بالبريد الإلكتروني: لقاءان باللغة العربية."},
            "ru", new String[] {"Цифровой поиск работы на арабском",
                    "Поиск вакансий в агентстве по трудоустройству и на порталах, создание профиля, договорённость о встречах по эл. почте: две встречи на арабском языке."},
            "uk", new String[] {"Цифровий пошук роботи арабською",
                    "Пошук вакансій в агентстві з працевлаштування та на порталах, створення профілю, домовленість про зустрічі ел. поштою: дві зустрічі арабською мовою."},
            "pl", new String[] {"Cyfrowe szukanie pracy po arabsku",
                    "Szukanie ofert w agencji pracy i na portalach, zakładanie profilu, umawianie spotkań przez e-mail: dwa spotkania po arabsku."});

    static final Map<String, String[]> FAKE_NEWS_SCHOOL = Map.of(
            "de", new String[] {"Workshop für Schulklassen: Fake News erkennen",
                    "Für Klassen 7 bis 10: Wir prüfen Bilder, Videos und Meldungen aus dem Netz und üben, woran man Falschmeldungen erkennt. Lehrkräfte melden die Klasse mit einer Person an."},
            "en", new String[] {"Workshop for school classes: spotting fake news",
                    "For years 7 to 10: we check pictures, videos and posts from the internet and practise how to spot false reports. Teachers register the class with one person."},
            "tr", new String[] {"Okul sınıfları için atölye: Sahte haberleri tanımak",
                    "7–10. sınıflar için: İnternetteki resimleri, videoları ve haberleri inceliyor, yanlış haberlerin nasıl anlaşılacağını alıştırıyoruz. Öğretmenler sınıfı bir kişiyle kaydeder."},
            "ar", new String[] {"ورشة للصفوف المدرسية: كشف الأخبار الكاذبة",
                    "للصفوف من السابع إلى العاشر: نفحص الصور والفيديوهات والأخبار من الإنترنت ونتدرب على كشف الأخبار الكاذبة. يسجل المعلمون الصف باسم شخص واحد."},
            "ru", new String[] {"Мастер-класс для школьных классов: как распознать фейки",
                    "Для 7–10 классов: проверяем картинки, видео и новости из интернета и учимся распознавать ложные сообщения. Учителя записывают класс на одного человека."},
            "uk", new String[] {"Майстер-клас для шкільних класів: як розпізнати фейки",
                    "Для 7–10 класів: перевіряємо зображення, відео й новини з інтернету та вчимося розпізнавати неправдиві повідомлення. Вчителі записують клас на одну особу."},
            "pl", new String[] {"Warsztaty dla klas szkolnych: jak rozpoznać fake newsy",
                    "Dla klas 7–10: sprawdzamy zdjęcia, filmy i wiadomości z internetu i ćwiczymy rozpoznawanie fałszywych informacji. Nauczyciele zapisują klasę na jedną osobę."});

    static final Map<String, String[]> OFFICE_BASICS = Map.of(
            "de", new String[] {"Office-Grundlagen für den Job: Texte und Tabellen",
                    "Briefe schreiben, Tabellen rechnen lassen, Dateien ordentlich ablegen: drei Treffen für alle, die im Beruf mit dem Computer arbeiten wollen. Erste Erfahrung mit Maus und Tastatur hilft."},
            "en", new String[] {"Office basics for work: texts and spreadsheets",
                    "Writing letters, letting spreadsheets do the maths, keeping files in order: three meetings for anyone who wants to work with a computer. Some experience with mouse and keyboard helps."},
            "tr", new String[] {"İş için ofis temelleri: Metinler ve tablolar",
                    "Mektup yazmak, tablolarda hesap yaptırmak, dosyaları düzenli saklamak: işte bilgisayarla çalışmak isteyen herkes için üç buluşma. Fare ve klavye deneyimi faydalı olur."},
            "ar", new String[] {"أساسيات برامج المكتب للعمل: النصوص والجداول",
                    "كتابة الرسائل وإجراء الحسابات في الجداول وترتيب الملفات: ثلاثة لقاءات لكل من يريد العمل بالكمبيوتر. تساعد بعض الخبرة مع الفأرة ولوحة المفاتيح."},
            "ru", new String[] {"Основы офисных программ для работы: тексты и таблицы",
                    "Писать письма, считать в таблицах, аккуратно хранить файлы: три встречи для всех, кто хочет работать за компьютером. Поможет небольшой опыт с мышью и клавиатурой."},
            "uk", new String[] {"Основи офісних програм для роботи: тексти й таблиці",
                    "Писати листи, рахувати в таблицях, охайно зберігати файли: три зустрічі для всіх, хто хоче працювати за комп’ютером. Допоможе невеликий досвід з мишею та клавіатурою."},
            "pl", new String[] {"Podstawy programów biurowych do pracy: teksty i tabele",
                    "Pisanie listów, obliczenia w tabelach, porządkowanie plików: trzy spotkania dla wszystkich, którzy chcą pracować przy komputerze. Przyda się trochę doświadczenia z myszką i klawiaturą."});

    /** The demo courses' accessibility notes in the other languages, by their German text, so no page shows German. */
    static final Map<String, Map<String, String>> ACCESSIBILITY_NOTES = Map.of(
            "Stufenloser Raum im Erdgeschoss. Übungshandys mit großer Schrift, Lupen und eine Induktionsschleife sind da. Langsames Tempo mit Pausen.",
            Map.of("tr", "Zemin katta basamaksız oda. Büyük yazılı alıştırma telefonları, büyüteçler ve işitme döngüsü var. Molalarla yavaş tempo.",
                    "ar", "قاعة بلا درجات في الطابق الأرضي. تتوفر هواتف للتدريب بخط كبير وعدسات مكبّرة وحلقة سمعية. وتيرة بطيئة مع استراحات.",
                    "ru", "Комната без ступенек на первом этаже. Есть учебные телефоны с крупным шрифтом, лупы и индукционная петля. Медленный темп с перерывами.",
                    "uk", "Кімната без сходинок на першому поверсі. Є навчальні телефони з великим шрифтом, лупи та індукційна петля. Повільний темп із перервами.",
                    "pl", "Sala bez schodów na parterze. Są telefony do ćwiczeń z dużą czcionką, lupy i pętla indukcyjna. Spokojne tempo z przerwami."),
            "Die Werkstatt ist stufenlos erreichbar. Es gibt einen ruhigen Raum für Pausen.",
            Map.of("tr", "Atölyeye basamaksız ulaşılabilir. Molalar için sessiz bir oda var.",
                    "ar", "يمكن الوصول إلى الورشة بلا درجات. توجد غرفة هادئة للاستراحة.",
                    "ru", "В мастерскую можно попасть без ступенек. Есть тихая комната для перерывов.",
                    "uk", "До майстерні можна потрапити без сходинок. Є тиха кімната для перерв.",
                    "pl", "Do warsztatu można dotrzeć bez schodów. Jest cichy pokój na przerwy."),
            "Aufzug vorhanden. Ein Computer mit Screenreader und Bildschirmlupe steht bereit.",
            Map.of("tr", "Asansör var. Ekran okuyucu ve ekran büyüteci olan bir bilgisayar hazır.",
                    "ar", "يوجد مصعد. يتوفر حاسوب مزوّد بقارئ شاشة ومكبّر للشاشة.",
                    "ru", "Есть лифт. Готов компьютер с экранным диктором и экранной лупой.",
                    "uk", "Є ліфт. Готовий компʼютер з екранним читачем і екранною лупою.",
                    "pl", "Jest winda. Dostępny jest komputer z czytnikiem ekranu i lupą ekranową."),
            "Sie können mit Untertiteln teilnehmen. Die Folien bekommen Sie vorher als große PDF-Datei.",
            Map.of("tr", "Altyazıyla katılabilirsiniz. Slaytları önceden büyük yazılı bir PDF dosyası olarak alırsınız.",
                    "ar", "يمكنك المشاركة مع ترجمة نصية. تحصل على الشرائح مسبقًا كملف PDF بخط كبير.",
                    "ru", "Можно участвовать с субтитрами. Слайды вы получите заранее в виде PDF-файла с крупным шрифтом.",
                    "uk", "Можна брати участь із субтитрами. Слайди ви отримаєте заздалегідь як PDF-файл із великим шрифтом.",
                    "pl", "Możesz uczestniczyć z napisami. Slajdy dostaniesz wcześniej jako plik PDF z dużą czcionką."));

    /**
     * The demo rooms in the other languages, by their German name. Floors are counted as each language counts them:
     * the German "1. Stock" is the second floor in Ukrainian and Russian, where the ground floor is the first.
     */
    static final Map<String, Map<String, String>> ROOMS = Map.of(
            "Kursraum 1 (Erdgeschoss)",
            Map.of("en", "Course room 1 (ground floor)", "tr", "Kurs odası 1 (zemin kat)",
                    "ar", "قاعة الدورات 1 (الطابق الأرضي)", "ru", "Учебная комната 1 (первый этаж)",
                    "uk", "Навчальна кімната 1 (перший поверх)", "pl", "Sala kursowa 1 (parter)"),
            "Kursraum 2",
            Map.of("en", "Course room 2", "tr", "Kurs odası 2", "ar", "قاعة الدورات 2", "ru", "Учебная комната 2",
                    "uk", "Навчальна кімната 2", "pl", "Sala kursowa 2"),
            "Kursraum",
            Map.of("en", "Course room", "tr", "Kurs odası", "ar", "قاعة الدورات", "ru", "Учебная комната",
                    "uk", "Навчальна кімната", "pl", "Sala kursowa"),
            "Werkstatt",
            Map.of("en", "Workshop", "tr", "Atölye", "ar", "الورشة", "ru", "Мастерская", "uk", "Майстерня",
                    "pl", "Warsztat"),
            "Computerraum, 1. Stock",
            Map.of("en", "Computer room, first floor", "tr", "Bilgisayar odası, 1. kat", "ar", "قاعة الحاسوب، الطابق الأول",
                    "ru", "Компьютерный класс, второй этаж", "uk", "Комп’ютерний клас, другий поверх",
                    "pl", "Sala komputerowa, pierwsze piętro"),
            "Großer Raum",
            Map.of("en", "Large room", "tr", "Büyük salon", "ar", "القاعة الكبيرة", "ru", "Большой зал", "uk", "Велика зала",
                    "pl", "Duża sala"));
}
