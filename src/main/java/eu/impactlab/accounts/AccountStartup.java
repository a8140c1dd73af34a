package eu.impactlab.accounts;

import eu.impactlab.labs.LabService;
import eu.impactlab.platform.DemoDataPolicy;
import eu.impactlab.platform.ImpactLabProperties;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * On start: demo accounts on an empty demo database; otherwise, with {@code IMPACTLAB_ADMIN_EMAIL}, the first admin
 * and a one-time link in the log to set their password.
 */
@Component
@Order(20)
class AccountStartup implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(AccountStartup.class);

    private final AccountService accounts;
    private final DemoDataPolicy policy;
    private final ImpactLabProperties properties;
    private final LabService labs;

    AccountStartup(AccountService accounts, DemoDataPolicy policy, ImpactLabProperties properties, LabService labs) {
        this.accounts = accounts;
        this.policy = policy;
        this.properties = properties;
        this.labs = labs;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (policy.seedDemoData() && accounts.count() == 0) {
            seedDemoAccounts();
        }
        String adminEmail = properties.adminEmail();
        if (adminEmail != null && !adminEmail.isBlank() && !accounts.anyAdmin()) {
            AccountView admin = accounts.create(adminEmail.strip(), "Administrator", adminEmail, Role.ADMIN, Set.of());
            String link = accounts.issuePasswordLink(admin.id());
            log.warn("First admin account created (user name: the address in IMPACTLAB_ADMIN_EMAIL). "
                    + "Set its password within 72 hours with this one-time link: {}", link);
        }
    }

    private void seedDemoAccounts() {
        Set<Long> groepelingen = labs.idOf("groepelingen").map(Set::of).orElse(Set.of());
        Set<Long> vegesack = labs.idOf("vegesack").map(Set::of).orElse(Set.of());
        Set<Long> osterholz = labs.idOf("osterholz").map(Set::of).orElse(Set.of());
        String password = properties.demoPassword();
        accounts.createWithPassword("admin", "Demo Admin", Role.ADMIN, Set.of(), password);
        accounts.createWithPassword("coordinator", "Demo Koordination Gröpelingen", Role.COORDINATOR, groepelingen, password);
        accounts.createWithPassword("helper", "Demo Digital-Lotse Gröpelingen", Role.HELPER, groepelingen, password);
        accounts.createWithPassword("helper2", "Demo Digital-Lotsin Gröpelingen", Role.HELPER, groepelingen, password);
        accounts.createWithPassword("helper.vegesack", "Demo Digital-Lotse Vegesack", Role.HELPER, vegesack, password);
        accounts.createWithPassword("helper.osterholz", "Demo Digital-Lotsin Osterholz", Role.HELPER, osterholz, password);
        accounts.createWithPassword("partner", "Demo Partner (Schule)", Role.PARTNER, Set.of(), password);
        accounts.createWithPassword("funder", "Demo Förderer", Role.FUNDER, Set.of(), password);
        log.info("Demo accounts created: admin, coordinator, helper, partner, funder, and the helpers helper2, "
                + "helper.vegesack, helper.osterholz (coordinator, helper and helper2 act for Gröpelingen; "
                + "password: the value of IMPACTLAB_DEMO_PASSWORD, default 'demo')");
    }
}
