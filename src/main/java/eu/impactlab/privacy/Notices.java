package eu.impactlab.privacy;

import eu.impactlab.platform.PersonalData.Use;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** A declared use in words of one language: the texts of notices, the register and exports come from here. */
@Component("privacyNotices")
class Notices {

    private final MessageSource messages;

    Notices(MessageSource messages) {
        this.messages = messages;
    }

    record Explained(String key, String purpose, String people, String data, String legalBasis, List<String> recipients,
            String retention, String deletion) {
    }

    Explained explain(Use use, Locale locale) {
        String prefix = "privacy.use." + use.key() + ".";
        return new Explained(use.key(),
                messages.getMessage(prefix + "purpose", null, locale),
                messages.getMessage(use.forms().isEmpty() ? "privacy.people.staff" : "privacy.people.citizens", null, locale),
                use.columns().stream().map(c -> c.kind()).distinct().sorted()
                        .map(k -> messages.getMessage("privacy.kind." + k.name(), null, locale))
                        .collect(java.util.stream.Collectors.joining(", ")),
                messages.getMessage("privacy.basis." + use.legalBasis().name(), null, locale),
                use.recipients().stream().sorted().map(r -> messages.getMessage("privacy.recipient." + r, null, locale)).toList(),
                messages.getMessage(prefix + "retention", new Object[] {use.retentionDays()}, locale),
                messages.getMessage("privacy.deletion." + use.deletion().name(), null, locale));
    }

    List<Explained> explain(List<Use> uses, Locale locale) {
        return uses.stream().map(u -> explain(u, locale)).toList();
    }
}
