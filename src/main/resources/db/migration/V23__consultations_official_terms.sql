-- Topic titles keep the official German term beside the translation where people's letters use it ("Wohngeld",
-- "Kita-Portal", "Bürgeramt"), so a person can match the topic to the word on their letter. Only titles that
-- still read as first seeded are changed: a coordinator's own wording stays.
UPDATE topic_title SET title = 'Online public services: BundID, Bürgeramt appointment, housing benefit (Wohngeld), childcare places (Kita-Portal)'
    WHERE topic_key = 'public-services' AND language = 'en' AND title = 'Online public services (BundID, citizens'' office appointments, housing benefit, Kita portal)';
UPDATE topic_title SET title = 'Online resmi işlemler: BundID, Bürgeramt randevusu, konut yardımı (Wohngeld), kreş yeri (Kita-Portal)'
    WHERE topic_key = 'public-services' AND language = 'tr' AND title = 'Online resmi işlemler (BundID, Bürgeramt randevusu, konut yardımı, Kita portalı)';
UPDATE topic_title SET title = 'المعاملات الحكومية عبر الإنترنت: BundID، موعد مكتب المواطنين (Bürgeramt)، بدل السكن (Wohngeld)، أماكن الروضة (Kita-Portal)'
    WHERE topic_key = 'public-services' AND language = 'ar' AND title = 'المعاملات الحكومية عبر الإنترنت (BundID، موعد مكتب المواطنين، بدل السكن، بوابة الروضة Kita)';
UPDATE topic_title SET title = 'Госуслуги онлайн: BundID, запись в Bürgeramt, жилищное пособие (Wohngeld), места в детском саду (Kita-Portal)'
    WHERE topic_key = 'public-services' AND language = 'ru' AND title = 'Госуслуги онлайн (BundID, запись в Bürgeramt, жилищное пособие, портал детских садов Kita)';
UPDATE topic_title SET title = 'Державні послуги онлайн: BundID, запис до Bürgeramt, житлова допомога (Wohngeld), місця в дитсадку (Kita-Portal)'
    WHERE topic_key = 'public-services' AND language = 'uk' AND title = 'Державні послуги онлайн (BundID, запис до Bürgeramt, житлова допомога, портал дитсадків Kita)';
UPDATE topic_title SET title = 'Sprawy urzędowe online: BundID, wizyta w Bürgeramt, dodatek mieszkaniowy (Wohngeld), miejsca w przedszkolu (Kita-Portal)'
    WHERE topic_key = 'public-services' AND language = 'pl' AND title = 'Sprawy urzędowe online (BundID, wizyta w Bürgeramt, dodatek mieszkaniowy, portal przedszkoli Kita)';
