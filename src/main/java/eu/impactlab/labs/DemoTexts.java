package eu.impactlab.labs;

import java.util.Map;

/** Descriptions and directions of the demo labs per language, Leichte Sprache one sentence a line: {description, directions}. */
final class DemoTexts {

    private DemoTexts() {
    }

    static final Map<String, String[]> GROEPELINGEN = Map.of(
            "de", new String[] {
                    "Unser Lab im Herzen von Gröpelingen. Wir helfen Ihnen mit dem Handy, dem Computer und Online-Anträgen. Sie können einfach vorbeikommen oder einen Termin machen. Die Hilfe ist kostenlos.",
                    "Straßenbahn Linie 2 oder 10 bis Haltestelle Gröpelingen. Von dort 3 Minuten zu Fuß. Der Eingang ist ebenerdig." },
            "en", new String[] {
                    "Our lab in the heart of Gröpelingen. We help you with your phone, your computer and online applications. Just drop in or make an appointment. Help is free.",
                    "Tram line 2 or 10 to the stop Gröpelingen. From there it is a 3-minute walk. The entrance is at street level." },
            "tr", new String[] {
                    "Gröpelingen'in kalbindeki Lab'ımız. Telefon, bilgisayar ve online başvurular konusunda size yardım ediyoruz. Randevusuz uğrayabilir veya randevu alabilirsiniz. Yardım ücretsizdir.",
                    "2 veya 10 numaralı tramvayla Gröpelingen durağına gelin. Oradan 3 dakika yürüyün. Girişte basamak yoktur." },
            "ar", new String[] {
                    "مختبرنا في قلب Gröpelingen. نساعدكم في الهاتف والكمبيوتر والطلبات الإلكترونية. يمكنكم أن تأتوا ببساطة أو أن تحجزوا موعدًا. المساعدة مجانية.",
                    "الترام رقم 2 أو 10 إلى محطة Gröpelingen. من هناك 3 دقائق مشيًا. المدخل بدون درج." },
            "ru", new String[] {
                    "Наша лаборатория в самом центре Gröpelingen. Мы поможем Вам с телефоном, компьютером и онлайн-заявлениями. Можно просто прийти или записаться на приём. Помощь бесплатная.",
                    "Трамвай 2 или 10 до остановки Gröpelingen. Оттуда 3 минуты пешком. Вход на уровне улицы, без ступенек." },
            "uk", new String[] {
                    "Наша лабораторія в самому центрі Gröpelingen. Ми допоможемо Вам з телефоном, комп’ютером та онлайн-заявами. Можна просто прийти або записатися на прийом. Допомога безкоштовна.",
                    "Трамвай 2 або 10 до зупинки Gröpelingen. Звідти 3 хвилини пішки. Вхід на рівні вулиці, без сходинок." },
            "pl", new String[] {
                    "Nasze laboratorium w samym sercu Gröpelingen. Pomagamy z telefonem, komputerem i wnioskami online. Można po prostu przyjść albo umówić się na wizytę. Pomoc jest bezpłatna.",
                    "Tramwajem linii 2 lub 10 do przystanku Gröpelingen. Stamtąd 3 minuty pieszo. Wejście jest na poziomie ulicy, bez schodów." },
            "ls", new String[] {
                    "Unser Lab ist in Gröpelingen.\nWir helfen Ihnen mit dem Handy und dem Computer.\nWir helfen Ihnen auch mit Anträgen im Internet.\nSie können einfach vorbei·kommen.\nOder Sie machen einen Termin.\nDie Hilfe kostet nichts.",
                    "Fahren Sie mit der Straßen·bahn.\nNehmen Sie die Linie 2 oder die Linie 10.\nSteigen Sie an der Halte·stelle Gröpelingen aus.\nVon dort gehen Sie 3 Minuten zu Fuß.\nDer Eingang hat keine Stufen." });

    static final Map<String, String[]> VEGESACK = Map.of(
            "de", new String[] {
                    "Unser Lab direkt am Bahnhof Vegesack. Hier bekommen Sie Hilfe bei Fragen zu Handy, Computer und Internet. Sie können auch Geräte ausleihen und Kurse besuchen.",
                    "Regio-S-Bahn RS1 bis Bremen-Vegesack. Das Lab ist im Bahnhofsgebäude, erster Stock. Es gibt einen Aufzug." },
            "en", new String[] {
                    "Our lab right at Vegesack station. Get help with questions about phones, computers and the internet. You can also borrow devices and take courses.",
                    "Regional train RS1 to Bremen-Vegesack. The lab is in the station building, first floor. There is a lift." },
            "tr", new String[] {
                    "Lab'ımız Vegesack tren istasyonunun hemen yanında. Burada telefon, bilgisayar ve internetle ilgili sorularınız için yardım alırsınız. Ayrıca cihaz ödünç alabilir ve kurslara katılabilirsiniz.",
                    "Regio-S-Bahn RS1 treniyle Bremen-Vegesack istasyonuna gelin. Lab, istasyon binasının birinci katındadır. Asansör vardır." },
            "ar", new String[] {
                    "مختبرنا بجانب محطة القطار في Vegesack مباشرة. هنا تحصلون على المساعدة في أسئلتكم عن الهاتف والكمبيوتر والإنترنت. يمكنكم أيضًا استعارة الأجهزة وحضور الدورات.",
                    "قطار Regio-S-Bahn RS1 إلى محطة Bremen-Vegesack. المختبر في مبنى المحطة، في الطابق الأول. يوجد مصعد." },
            "ru", new String[] {
                    "Наша лаборатория прямо у вокзала Vegesack. Здесь Вам помогут с вопросами о телефоне, компьютере и интернете. Можно также взять устройства на время и ходить на курсы.",
                    "Поезд Regio-S-Bahn RS1 до станции Bremen-Vegesack. Лаборатория находится в здании вокзала, на втором этаже. Есть лифт." },
            "uk", new String[] {
                    "Наша лабораторія просто біля вокзалу Vegesack. Тут Вам допоможуть із питаннями про телефон, комп’ютер та інтернет. Можна також узяти пристрої на час і ходити на курси.",
                    "Поїзд Regio-S-Bahn RS1 до станції Bremen-Vegesack. Лабораторія розташована в будівлі вокзалу, на другому поверсі. Є ліфт." },
            "pl", new String[] {
                    "Nasze laboratorium tuż przy dworcu Vegesack. Można tu uzyskać pomoc w sprawach telefonu, komputera i internetu. Można też wypożyczyć sprzęt i chodzić na kursy.",
                    "Pociągiem Regio-S-Bahn RS1 do stacji Bremen-Vegesack. Laboratorium jest w budynku dworca, na pierwszym piętrze. Jest winda." },
            "ls", new String[] {
                    "Unser Lab ist direkt am Bahnhof Vegesack.\nWir helfen Ihnen bei Fragen zu Handy, Computer und Internet.\nSie können bei uns auch Geräte aus·leihen.\nUnd Sie können Kurse besuchen.",
                    "Fahren Sie mit dem Zug RS1 bis Bremen-Vegesack.\nDas Lab ist im Bahnhofs·gebäude.\nEs ist im 1. Stock.\nEs gibt einen Aufzug." });

    static final Map<String, String[]> OSTERHOLZ = Map.of(
            "de", new String[] {
                    "Unser Lab in Osterholz-Tenever. Wir helfen bei Online-Anträgen und beim Umgang mit Handy und Computer. In der Werkstatt können Sie 3D-Drucker und Nähmaschinen ausprobieren.",
                    "Straßenbahn Linie 1 bis Haltestelle Züricher Straße, dann 5 Minuten zu Fuß. Parkplätze für Menschen mit Behinderung sind vor dem Haus." },
            "en", new String[] {
                    "Our lab in Osterholz-Tenever. We help with online applications and with using phones and computers. In the workshop you can try 3D printers and sewing machines.",
                    "Tram line 1 to the stop Züricher Straße, then a 5-minute walk. Parking for disabled people is in front of the building." },
            "tr", new String[] {
                    "Osterholz-Tenever'deki Lab'ımız. Online başvurularda ve telefon ile bilgisayar kullanımında yardım ediyoruz. Atölyede 3D yazıcıları ve dikiş makinelerini deneyebilirsiniz.",
                    "1 numaralı tramvayla Züricher Straße durağına gelin, sonra 5 dakika yürüyün. Binanın önünde engelliler için park yerleri vardır." },
            "ar", new String[] {
                    "مختبرنا في Osterholz-Tenever. نساعدكم في الطلبات الإلكترونية وفي استخدام الهاتف والكمبيوتر. في الورشة يمكنكم تجربة الطابعات ثلاثية الأبعاد وماكينات الخياطة.",
                    "الترام رقم 1 إلى محطة Züricher Straße، ثم 5 دقائق مشيًا. توجد مواقف سيارات لذوي الإعاقة أمام المبنى." },
            "ru", new String[] {
                    "Наша лаборатория в Osterholz-Tenever. Мы помогаем с онлайн-заявлениями и учим пользоваться телефоном и компьютером. В мастерской можно попробовать 3D-принтеры и швейные машины.",
                    "Трамвай 1 до остановки Züricher Straße, затем 5 минут пешком. Парковка для людей с инвалидностью – перед зданием." },
            "uk", new String[] {
                    "Наша лабораторія в Osterholz-Tenever. Ми допомагаємо з онлайн-заявами і вчимо користуватися телефоном і комп’ютером. У майстерні можна спробувати 3D-принтери та швейні машини.",
                    "Трамвай 1 до зупинки Züricher Straße, потім 5 хвилин пішки. Паркування для людей з інвалідністю – перед будівлею." },
            "pl", new String[] {
                    "Nasze laboratorium w Osterholz-Tenever. Pomagamy przy wnioskach online oraz w obsłudze telefonu i komputera. W pracowni można wypróbować drukarki 3D i maszyny do szycia.",
                    "Tramwajem linii 1 do przystanku Züricher Straße, potem 5 minut pieszo. Przed budynkiem są miejsca parkingowe dla osób z niepełnosprawnościami." },
            "ls", new String[] {
                    "Unser Lab ist in Osterholz-Tenever.\nWir helfen Ihnen bei Anträgen im Internet.\nWir helfen Ihnen auch mit Handy und Computer.\nWir haben eine Werk·statt.\nDort können Sie Maschinen ausprobieren.\nZum Beispiel einen 3D-Drucker oder eine Näh·maschine.",
                    "Fahren Sie mit der Straßen·bahn Linie 1.\nSteigen Sie an der Halte·stelle Züricher Straße aus.\nVon dort gehen Sie 5 Minuten zu Fuß.\nVor dem Haus gibt es Park·plätze für Menschen mit Behinderung." });
}
