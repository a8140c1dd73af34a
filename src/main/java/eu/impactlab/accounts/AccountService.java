package eu.impactlab.accounts;

import eu.impactlab.platform.ImpactLabProperties;
import eu.impactlab.platform.SecretTokens;
import eu.impactlab.platform.StaffAction;
import org.springframework.context.ApplicationEventPublisher;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The accounts module's one service: staff accounts, their roles and labs, and one-time password links. */
@Service
public class AccountService {

    static final Duration LINK_VALIDITY = Duration.ofHours(72);

    private final AccountRepository accounts;
    private final PasswordTokenRepository tokens;
    private final PasswordEncoder encoder;
    private final ImpactLabProperties properties;
    private final Clock clock;
    private final TwoFactor twoFactor;
    private final ApplicationEventPublisher events;

    AccountService(AccountRepository accounts, PasswordTokenRepository tokens, PasswordEncoder encoder,
            ImpactLabProperties properties, Clock clock, TwoFactor twoFactor, ApplicationEventPublisher events) {
        this.twoFactor = twoFactor;
        this.events = events;
        this.accounts = accounts;
        this.tokens = tokens;
        this.encoder = encoder;
        this.properties = properties;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Optional<AccountView> byUsername(String username) {
        return accounts.findByUsername(username).map(AccountView::of);
    }

    @Transactional(readOnly = true)
    public Optional<AccountView> byId(long id) {
        return accounts.findById(id).map(AccountView::of);
    }

    /** The enabled helpers and coordinators who act for a lab: the people who can serve consultations there. */
    @Transactional(readOnly = true)
    public List<AccountView> staffOf(long labId) {
        return accounts.findAll().stream()
                .filter(a -> a.enabled && a.labIds.contains(labId))
                .map(AccountView::of)
                .toList();
    }

    @Transactional(readOnly = true)
    Page<AccountView> search(String query, int page, int size) {
        return accounts.search(query == null ? "" : query.strip(), PageRequest.of(Math.max(page, 0), size))
                .map(AccountView::of);
    }

    @Transactional(readOnly = true)
    public boolean usernameTaken(String username) {
        return accounts.findByUsername(username.strip()).isPresent();
    }

    @Transactional
    AccountView create(String username, String displayName, String email, Role role, Set<Long> labIds) {
        return create(username, displayName, email, role, labIds, null);
    }

    /** A new account, audited with its role and labs (never its name) when an admin ({@code actor}) creates it. */
    @Transactional
    AccountView create(String username, String displayName, String email, Role role, Set<Long> labIds, String actor) {
        Account account = new Account(username.strip(), displayName.strip(), blankToNull(email), role, labIds);
        AccountView created = AccountView.of(accounts.save(account));
        events.publishEvent(new StaffAction(actor, "ACCOUNT_CREATED", "account", String.valueOf(created.id()), null,
                "role " + role + (created.labIds().isEmpty() ? "" : ", labs " + new java.util.TreeSet<>(created.labIds()))));
        return created;
    }

    /** A partner account (the partners module binds it to one organisation); the password comes by a one-time link. */
    @Transactional
    public AccountView createPartner(String username, String displayName, String email) {
        return create(username, displayName, email, Role.PARTNER, Set.of());
    }

    /** A new account with a known password: only for demo data. */
    @Transactional
    void createWithPassword(String username, String displayName, Role role, Set<Long> labIds, String password) {
        Account account = new Account(username, displayName, null, role, labIds);
        account.passwordHash = encoder.encode(password);
        accounts.save(account);
    }

    @Transactional(readOnly = true)
    List<AccountView> waitingForRole() {
        return accounts.findByRoleIsNullOrderByCreatedAt().stream().map(AccountView::of).toList();
    }

    /** Gives an account from single sign-on its first role; false when it already has one (roles are not changed here). */
    @Transactional
    boolean assignFirstRole(long id, Role role, Set<Long> labIds) {
        Account account = accounts.findById(id).orElse(null);
        if (account == null || account.role != null) {
            return false;
        }
        account.role = role;
        account.labIds.clear();
        if (role.actsForLabs()) {
            account.labIds.addAll(labIds);
        }
        return true;
    }

    @Transactional
    void setEnabled(long id, boolean enabled, String actor) {
        accounts.findById(id).ifPresent(a -> {
            a.enabled = enabled;
            events.publishEvent(new StaffAction(actor, enabled ? "ACCOUNT_ENABLED" : "ACCOUNT_DISABLED", "account",
                    String.valueOf(id), null, null));
        });
    }

    @Transactional(readOnly = true)
    boolean anyAdmin() {
        return accounts.existsByRole(Role.ADMIN);
    }

    @Transactional(readOnly = true)
    long count() {
        return accounts.count();
    }

    /** Issues a one-time link to set the password; older links of the account stop working. */
    @Transactional
    public String issuePasswordLink(long accountId) {
        tokens.invalidateAll(accountId);
        String token = SecretTokens.newToken();
        tokens.save(new PasswordToken(accountId, hash(token), Instant.now(clock).plus(LINK_VALIDITY)));
        return properties.baseUrlWithoutSlash() + "/password/" + token;
    }

    @Transactional(readOnly = true)
    Optional<AccountView> accountForToken(String token) {
        return tokens.findByTokenHash(hash(token))
                .filter(t -> t.usableAt(Instant.now(clock)))
                .flatMap(t -> accounts.findById(t.accountId))
                .filter(a -> a.enabled)
                .map(AccountView::of);
    }

    /** Sets the password with a one-time token; false when the link is used, expired or unknown. */
    @Transactional
    boolean setPasswordWithToken(String token, String password) {
        Optional<PasswordToken> found = tokens.findByTokenHash(hash(token)).filter(t -> t.usableAt(Instant.now(clock)));
        if (found.isEmpty()) {
            return false;
        }
        Optional<Account> account = accounts.findById(found.get().accountId).filter(a -> a.enabled);
        if (account.isEmpty()) {
            return false;
        }
        account.get().passwordHash = encoder.encode(password);
        found.get().usedAt = Instant.now(clock);
        return true;
    }

    /** Changes one's own password; false when the current one is wrong. */
    @Transactional
    boolean changePassword(String username, String current, String newPassword) {
        Account account = accounts.findByUsername(username).orElseThrow();
        if (account.passwordHash == null || !encoder.matches(current, account.passwordHash)) {
            return false;
        }
        account.passwordHash = encoder.encode(newPassword);
        return true;
    }

    @Transactional
    void updateProfile(String username, String displayName, String email) {
        Account account = accounts.findByUsername(username).orElseThrow();
        account.displayName = displayName.strip();
        account.email = blankToNull(email);
    }

    /** An admin removes a person's second factor (a lost phone); audited, so the person can ask who did it. */
    @Transactional
    boolean resetTwoFactor(long id, String adminUsername) {
        boolean had = twoFactor.reset(id);
        events.publishEvent(new StaffAction(adminUsername, "TWO_FACTOR_RESET", "account", String.valueOf(id), null, null));
        return had;
    }

    static String hash(String token) {
        return SecretTokens.hash(token);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
