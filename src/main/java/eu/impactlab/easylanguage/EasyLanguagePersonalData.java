package eu.impactlab.easylanguage;

import eu.impactlab.platform.PersonalData;
import eu.impactlab.platform.PersonalData.NotPersonal;
import eu.impactlab.platform.PersonalData.Use;
import java.util.List;

/** The check status of Leichte Sprache texts holds no personal data: message keys, hashes and the name of a group. */
@org.springframework.stereotype.Component
class EasyLanguagePersonalData implements PersonalData.Declaration {

    @Override
    public List<Use> uses() {
        return List.of();
    }

    @Override
    public List<NotPersonal> notPersonal() {
        return List.of(
                new NotPersonal("easy_language_check", "message_key", "the key of a message in the bundles"),
                new NotPersonal("easy_language_check", "text_hash", "the SHA-256 of a public Leichte Sprache text"),
                new NotPersonal("easy_language_check", "checked_by",
                        "the name of the group of Prüferinnen und Prüfer, an organisation; the form says never a person"));
    }
}
