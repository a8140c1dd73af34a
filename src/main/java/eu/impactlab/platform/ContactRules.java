package eu.impactlab.platform;

import java.util.regex.Pattern;

/**
 * What counts as a usable e-mail address or phone number wherever a citizen may leave one (booking, course
 * registration), so forms and APIs of every module accept and refuse the same things. Blank means "not given" and is
 * fine: contact is always optional.
 */
public final class ContactRules {

    public static final int MAX_EMAIL = 120;
    public static final int MAX_PHONE = 40;
    /**
     * Letters of any script, digits and the usual punctuation of addresses; never the characters that cannot stand in
     * a {@code mailto:} link or a mail header unquoted ({@code <>()[]\,;:"}, spaces, control characters).
     */
    private static final String ADDRESS_CHAR = "[^@\\s\\p{Cntrl}<>()\\[\\]\\\\,;:\"]";
    private static final Pattern EMAIL = Pattern.compile(
            "^" + ADDRESS_CHAR + "{1,64}@(?:[^@\\s\\p{Cntrl}<>()\\[\\]\\\\,;:\"/?#%&=+!$'*{}|^`~]+\\.)+"
                    + "[^@\\s\\p{Cntrl}<>()\\[\\]\\\\,;:\"/?#%&=+!$'*{}|^`~.]{2,}$");
    private static final Pattern PHONE = Pattern.compile("^[+0-9][0-9 ()/-]{4,39}$");

    private ContactRules() {
    }

    /** False only for an address that was given and cannot work. */
    public static boolean emailAcceptable(String email) {
        return email == null || email.isBlank()
                || (email.strip().length() <= MAX_EMAIL && TextRules.singleLine(email) && EMAIL.matcher(email.strip()).matches());
    }

    /** False only for a number that was given and cannot work. */
    public static boolean phoneAcceptable(String phone) {
        return phone == null || phone.isBlank()
                || (phone.strip().length() <= MAX_PHONE && TextRules.singleLine(phone) && PHONE.matcher(phone.strip()).matches());
    }
}
