package eu.impactlab.accounts;

import static eu.impactlab.platform.PersonalData.Kind.CONTACT;
import static eu.impactlab.platform.PersonalData.Kind.CREDENTIAL;
import static eu.impactlab.platform.PersonalData.Kind.NAME;
import static eu.impactlab.platform.PersonalData.Kind.STAFF_ID;
import static eu.impactlab.platform.PersonalData.Kind.TOKEN;

import eu.impactlab.platform.PersonalData;
import eu.impactlab.platform.PersonalData.Column;
import eu.impactlab.platform.PersonalData.Deletion;
import eu.impactlab.platform.PersonalData.LegalBasis;
import eu.impactlab.platform.PersonalData.Use;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/** Staff accounts' personal data: kept while the account exists. */
@Component
class AccountsPersonalData implements PersonalData.Declaration {

    @Override
    public List<Use> uses() {
        return List.of(new Use("accounts.staff", Set.of(), LegalBasis.CONTRACT, Set.of("mail"), Deletion.WITH_ACCOUNT,
                null, 0, List.of(
                        new Column("account", "username", STAFF_ID),
                        new Column("account", "display_name", NAME),
                        new Column("account", "email", CONTACT),
                        new Column("account", "password_hash", CREDENTIAL),
                        new Column("password_token", "token_hash", TOKEN),
                        // The identity provider's stable id for the person, for staff single sign-on.
                        new Column("account_sso", "subject", STAFF_ID))));
    }
}
