package eu.impactlab.accounts;

import static eu.impactlab.platform.PersonalData.Kind.CONTACT;
import static eu.impactlab.platform.PersonalData.Kind.CREDENTIAL;
import static eu.impactlab.platform.PersonalData.Kind.NAME;
import static eu.impactlab.platform.PersonalData.Kind.ONLINE_ID;
import static eu.impactlab.platform.PersonalData.Kind.STAFF_ID;
import static eu.impactlab.platform.PersonalData.Kind.TOKEN;

import eu.impactlab.platform.PersonalData;
import eu.impactlab.platform.PersonalData.Column;
import eu.impactlab.platform.PersonalData.Deletion;
import eu.impactlab.platform.PersonalData.LegalBasis;
import eu.impactlab.platform.PersonalData.Use;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Staff accounts' personal data, kept while the account exists; and the HTTP sessions in PostgreSQL (staff logged in,
 * citizens in the middle of a form), which end at the session timeout.
 */
@Component
class AccountsPersonalData implements PersonalData.Declaration {

    private final long sessionDays;

    AccountsPersonalData(@Value("${server.servlet.session.timeout:8h}") Duration sessionTimeout) {
        // Expired sessions are deleted within the hour after the timeout (SessionCleanup), counted in whole days.
        long seconds = sessionTimeout.plusHours(1).toSeconds();
        this.sessionDays = Math.max(1, (seconds + 86_399) / 86_400);
    }

    @Override
    public List<PersonalData.NotPersonal> notPersonal() {
        return List.of(new PersonalData.NotPersonal("spring_session_attributes", "attribute_name",
                "the name the app gives a session attribute (the security context, a form's answers), not its value"));
    }

    @Override
    public List<Use> uses() {
        return List.of(new Use("accounts.staff", Set.of(), LegalBasis.CONTRACT, Set.of("mail"), Deletion.WITH_ACCOUNT,
                null, 0, List.of(
                        new Column("account", "username", STAFF_ID),
                        new Column("account", "display_name", NAME),
                        new Column("account", "email", CONTACT),
                        new Column("account", "password_hash", CREDENTIAL),
                        new Column("password_token", "token_hash", TOKEN),
                        new Column("account_totp", "secret", CREDENTIAL),
                        new Column("account_recovery_code", "code_hash", CREDENTIAL),
                        // The identity provider's stable id for the person, for staff single sign-on.
                        new Column("account_sso", "subject", STAFF_ID))),
                new Use("accounts.sessions", Set.of("booking", "course-registration"), LegalBasis.CONTRACT, Set.of(),
                        Deletion.AFTER_RETENTION, SessionCleanup.LOCK, sessionDays, List.of(
                                new Column("spring_session", "principal_name", STAFF_ID),
                                new Column("spring_session", "session_id", ONLINE_ID),
                                new Column("spring_session_attributes", "attribute_bytes", CONTACT))));
    }
}
