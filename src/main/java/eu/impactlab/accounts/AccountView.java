package eu.impactlab.accounts;

import java.time.Instant;
import java.util.Set;

/** A staff account as pages and other modules see it; never carries the password hash. */
public record AccountView(
        long id, String username, String displayName, String email, Role role, boolean enabled,
        boolean passwordSet, Set<Long> labIds, Instant createdAt) {

    static AccountView of(Account a) {
        return new AccountView(a.id, a.username, a.displayName, a.email, a.role, a.enabled, a.passwordHash != null,
                Set.copyOf(a.labIds), a.createdAt);
    }
}
