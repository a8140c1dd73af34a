package eu.impactlab.accounts;

import java.text.Normalizer;
import java.util.Locale;

/**
 * The one normal form of a user name (Unicode NFKC, then lower case without locale rules), used for storing, for the
 * login's lookup and for the login throttle's key, so no spelling of a name can reach an account past its throttle.
 */
final class Usernames {

    private Usernames() {
    }

    static String normalise(String username) {
        if (username == null) {
            return "";
        }
        return Normalizer.normalize(username.strip(), Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    }
}
