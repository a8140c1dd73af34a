package eu.impactlab.labs;

import java.util.Map;

/** Descriptions and directions of the demo labs per language: {description, directions}. */
final class DemoTexts {

    private DemoTexts() {
    }

    static final Map<String, String[]> GROEPELINGEN = Map.of(
            "de", new String[] {
                    "Unser Lab im Herzen von Gröpelingen. Wir helfen Ihnen mit dem Handy, dem Computer und Online-Anträgen. Sie können einfach vorbeikommen oder einen Termin machen. Die Hilfe ist kostenlos.",
                    "Straßenbahn Linie 2 oder 10 bis Haltestelle Gröpelingen. Von dort 3 Minuten zu Fuß. Der Eingang ist ebenerdig." },
            "en", new String[] {
                    "Our lab in the heart of Gröpelingen. We help you with your phone, your computer and online applications. Just drop in or make an appointment. Help is free.",
                    "Tram line 2 or 10 to the stop Gröpelingen. From there it is a 3-minute walk. The entrance is at street level." });

    static final Map<String, String[]> VEGESACK = Map.of(
            "de", new String[] {
                    "Unser Lab direkt am Bahnhof Vegesack. Hier bekommen Sie Hilfe bei Fragen zu Handy, Computer und Internet. Sie können auch Geräte ausleihen und Kurse besuchen.",
                    "Regio-S-Bahn RS1 bis Bremen-Vegesack. Das Lab ist im Bahnhofsgebäude, erster Stock. Es gibt einen Aufzug." },
            "en", new String[] {
                    "Our lab right at Vegesack station. Get help with questions about phones, computers and the internet. You can also borrow devices and take courses.",
                    "Regional train RS1 to Bremen-Vegesack. The lab is in the station building, first floor. There is a lift." });

    static final Map<String, String[]> OSTERHOLZ = Map.of(
            "de", new String[] {
                    "Unser Lab in Osterholz-Tenever. Wir helfen bei Online-Anträgen und beim Umgang mit Handy und Computer. In der Werkstatt können Sie 3D-Drucker und Nähmaschinen ausprobieren.",
                    "Straßenbahn Linie 1 bis Haltestelle Züricher Straße, dann 5 Minuten zu Fuß. Parkplätze für Menschen mit Behinderung sind vor dem Haus." },
            "en", new String[] {
                    "Our lab in Osterholz-Tenever. We help with online applications and with using phones and computers. In the workshop you can try 3D printers and sewing machines.",
                    "Tram line 1 to the stop Züricher Straße, then a 5-minute walk. Parking for disabled people is in front of the building." });
}
