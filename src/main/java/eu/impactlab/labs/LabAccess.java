package eu.impactlab.labs;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/**
 * Who may act for which lab. Accounts grant the authority {@code LAB_<id>} for each lab a person acts for,
 * so this module needs no knowledge of accounts.
 */
public final class LabAccess {

    public static final String ADMIN = "ROLE_ADMIN";
    public static final String COORDINATOR = "ROLE_COORDINATOR";

    private LabAccess() {
    }

    public static String authorityFor(long labId) {
        return "LAB_" + labId;
    }

    /** Whether the person acts for this lab at all (coordinator or helper of it). */
    public static boolean actsFor(Authentication authentication, long labId) {
        return has(authentication, ADMIN) || has(authentication, authorityFor(labId));
    }

    /** Whether the person may change the lab's hours, closures and texts. */
    public static boolean canManage(Authentication authentication, long labId) {
        return has(authentication, ADMIN)
                || (has(authentication, COORDINATOR) && has(authentication, authorityFor(labId)));
    }

    private static boolean has(Authentication authentication, String authority) {
        return authentication != null && authentication.isAuthenticated()
                && authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority).anyMatch(authority::equals);
    }
}
