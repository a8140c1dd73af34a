package eu.impactlab.accounts;

import eu.impactlab.platform.DemoDataPolicy;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Which roles must log in with a second factor ({@code impactlab.two-factor.required-roles}): "auto" means admins and
 * coordinators, the roles that see and change most, except on a demo (demo data seeded), where it stays optional.
 */
@Component
class TwoFactorPolicy {

    private volatile Set<Role> required;

    TwoFactorPolicy(@Value("${impactlab.two-factor.required-roles:auto}") String setting, DemoDataPolicy demo) {
        this.required = parse(setting, demo.seedDemoData());
    }

    static Set<Role> parse(String setting, boolean demo) {
        String value = setting == null ? "auto" : setting.strip().toUpperCase(Locale.ROOT);
        if (value.equals("AUTO")) {
            return demo ? Set.of() : Set.of(Role.ADMIN, Role.COORDINATOR);
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        Arrays.stream(value.split(",")).map(String::strip).filter(s -> !s.isEmpty() && !s.equals("NONE"))
                .forEach(s -> roles.add(Role.valueOf(s)));
        return Set.copyOf(roles);
    }

    boolean requiredFor(Role role) {
        return required.contains(role);
    }

    Set<Role> required() {
        return required;
    }

    /** Only for tests, which share one running app and cannot restart it with another setting. */
    void require(Set<Role> roles) {
        this.required = Set.copyOf(roles);
    }
}
