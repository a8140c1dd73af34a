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
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]{2,}$");
    private static final Pattern PHONE = Pattern.compile("^[+0-9][0-9 ()/-]{4,39}$");

    private ContactRules() {
    }

    /** False only for an address that was given and cannot work. */
    public static boolean emailAcceptable(String email) {
        return email == null || email.isBlank()
                || (email.strip().length() <= MAX_EMAIL && EMAIL.matcher(email.strip()).matches());
    }

    /** False only for a number that was given and cannot work. */
    public static boolean phoneAcceptable(String phone) {
        return phone == null || phone.isBlank()
                || (phone.strip().length() <= MAX_PHONE && PHONE.matcher(phone.strip()).matches());
    }
}
