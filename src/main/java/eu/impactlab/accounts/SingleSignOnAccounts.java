package eu.impactlab.accounts;

import eu.impactlab.labs.LabAccess;
import eu.impactlab.labs.LabService;
import eu.impactlab.platform.SecretTokens;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Turns a person the OpenID Connect provider vouches for into a local staff account: the same subject is always the
 * same account; role and labs come from the configured claims when the provider sends them, otherwise from what an
 * admin assigned (a new account starts without a role and waits).
 */
@Component
class SingleSignOnAccounts implements OAuth2UserService<OidcUserRequest, OidcUser> {

    /** Authority of an account that has no role yet: it may see only the waiting page. */
    static final String WAITING = "SSO_WAITING";
    /** The only authority until the local second factor's code is typed, when the provider asked for none. */
    static final String CODE_PENDING = "SSO_TWO_FACTOR_CODE_PENDING";

    private static final Logger log = LoggerFactory.getLogger(SingleSignOnAccounts.class);
    private static final Pattern USABLE_USERNAME = Pattern.compile("^[a-z0-9._@-]{3,60}$");

    private final OidcUserService provider = new OidcUserService();
    private final SingleSignOnProperties settings;
    private final AccountRepository accounts;
    private final AccountSsoRepository links;
    private final LabService labs;
    private final TwoFactor twoFactor;
    private final TwoFactorPolicy twoFactorPolicy;

    SingleSignOnAccounts(SingleSignOnProperties settings, AccountRepository accounts, AccountSsoRepository links,
            LabService labs, TwoFactor twoFactor, TwoFactorPolicy twoFactorPolicy) {
        this.settings = settings;
        this.accounts = accounts;
        this.links = links;
        this.labs = labs;
        this.twoFactor = twoFactor;
        this.twoFactorPolicy = twoFactorPolicy;
    }

    @Override
    @Transactional
    public OidcUser loadUser(OidcUserRequest request) {
        OidcUser person = provider.loadUser(request);
        Map<String, Object> claims = person.getClaims();
        String issuer = String.valueOf(person.getIssuer());
        Account account = links.findByIssuerAndSubject(issuer, person.getSubject())
                .flatMap(link -> accounts.findById(link.accountId))
                .orElseGet(() -> firstLogin(issuer, person));
        if (!account.enabled) {
            throw new OAuth2AuthenticationException(new OAuth2Error("access_denied"), "account disabled");
        }
        role(claims.get(settings.roleClaim())).ifPresent(role -> {
            account.role = role;
            account.labIds.clear();
            if (role.actsForLabs()) {
                account.labIds.addAll(labIds(claims.get(settings.labsClaim())));
            }
        });
        List<GrantedAuthority> authorities = new ArrayList<>();
        if (account.role == null) {
            authorities.add(new SimpleGrantedAuthority(WAITING));
        } else {
            authorities.add(new SimpleGrantedAuthority(account.role.authority()));
            account.labIds.forEach(id -> authorities.add(new SimpleGrantedAuthority(LabAccess.authorityFor(id))));
        }
        boolean providerSecondFactor = settings.secondFactorAtProvider(person.getIdToken().getAuthenticationMethods(),
                person.getIdToken().getAuthenticationContextClass());
        log.info("single sign-on as account {} with role {}, second factor at the provider: {}", account.id, account.role,
                providerSecondFactor);
        if (account.role != null && !providerSecondFactor) {
            // The provider vouched for one factor only: the local two-factor rule applies as to a password login.
            if (twoFactor.enrolled(account.id)) {
                return new StaffOidcUser(List.of(new SimpleGrantedAuthority(CODE_PENDING)), person, account.username,
                        authorities);
            }
            if (twoFactorPolicy.requiredFor(account.role)) {
                authorities.add(new SimpleGrantedAuthority(TwoFactorSetupGate.AUTHORITY));
            }
        }
        return new StaffOidcUser(authorities, person, account.username, List.of());
    }

    private Account firstLogin(String issuer, OidcUser person) {
        String name = person.getFullName() != null && !person.getFullName().isBlank() ? person.getFullName().strip()
                : person.getPreferredUsername();
        Account account = new Account(username(issuer, person), name == null ? "–" : truncate(name, 120),
                person.getEmail() == null ? null : truncate(person.getEmail(), 120), null, Set.of());
        account = accounts.saveAndFlush(account);
        links.save(new AccountSso(account.id, issuer, person.getSubject()));
        return account;
    }

    /** The provider's user name when it is free and fits; never an existing local account's, which would hand it over. */
    private String username(String issuer, OidcUser person) {
        String wanted = Usernames.normalise(person.getPreferredUsername());
        if (USABLE_USERNAME.matcher(wanted).matches() && accounts.findByNormalUsername(wanted).isEmpty()) {
            return wanted;
        }
        return "sso-" + SecretTokens.hash(issuer + " " + person.getSubject()).substring(0, 12);
    }

    /** The first value of the claim that names a role, in any case; empty when the claim is absent or names none. */
    static Optional<Role> role(Object claim) {
        for (String value : values(claim)) {
            for (Role role : Role.values()) {
                if (role.name().equalsIgnoreCase(value)) {
                    return Optional.of(role);
                }
            }
        }
        return Optional.empty();
    }

    private Set<Long> labIds(Object claim) {
        Set<Long> ids = new LinkedHashSet<>();
        values(claim).forEach(slug -> labs.idOf(slug.toLowerCase(Locale.ROOT)).ifPresent(ids::add));
        return ids;
    }

    /** A claim as a list of strings: a JSON array, or one string with values separated by spaces or commas. */
    private static List<String> values(Object claim) {
        if (claim instanceof Collection<?> many) {
            return many.stream().map(String::valueOf).map(String::strip).filter(s -> !s.isEmpty()).toList();
        }
        if (claim instanceof String one) {
            return List.of(one.strip().split("[\\s,]+")).stream().filter(s -> !s.isEmpty()).toList();
        }
        return List.of();
    }

    private static String truncate(String value, int max) {
        return value.length() <= max ? value : value.substring(0, max);
    }

    /**
     * The provider's person, named by the local account's user name, as every page and audit entry expects; while the
     * local second factor's code is pending, the account's real authorities wait in {@code heldBack}.
     */
    static final class StaffOidcUser extends DefaultOidcUser {

        private final String username;
        private final List<GrantedAuthority> heldBack;

        StaffOidcUser(Collection<? extends GrantedAuthority> authorities, OidcUser person, String username,
                Collection<? extends GrantedAuthority> heldBack) {
            super(authorities, person.getIdToken(), person.getUserInfo());
            this.username = username;
            this.heldBack = List.copyOf(heldBack);
        }

        /** The same person with the authorities held back until the code was right. */
        StaffOidcUser withSecondFactor() {
            return new StaffOidcUser(heldBack, this, username, List.of());
        }

        boolean codePending() {
            return getAuthorities().stream().anyMatch(a -> CODE_PENDING.equals(a.getAuthority()));
        }

        @Override
        public String getName() {
            return username;
        }
    }
}
