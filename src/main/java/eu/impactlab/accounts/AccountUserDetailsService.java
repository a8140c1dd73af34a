package eu.impactlab.accounts;

import eu.impactlab.labs.LabAccess;
import java.util.ArrayList;
import java.util.List;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Loads a staff account for login: its role plus one {@code LAB_<id>} authority per lab it acts for. */
@Component
class AccountUserDetailsService implements UserDetailsService {

    private final AccountRepository accounts;
    private final TwoFactor twoFactor;
    private final TwoFactorPolicy twoFactorPolicy;

    AccountUserDetailsService(AccountRepository accounts, TwoFactor twoFactor, TwoFactorPolicy twoFactorPolicy) {
        this.accounts = accounts;
        this.twoFactor = twoFactor;
        this.twoFactorPolicy = twoFactorPolicy;
    }

    @Override
    @Transactional(readOnly = true)
    public UserDetails loadUserByUsername(String username) {
        Account account = accounts.findByUsername(username)
                .orElseThrow(() -> new UsernameNotFoundException("unknown account"));
        List<GrantedAuthority> authorities = new ArrayList<>();
        // An account from single sign-on waits for its role; it has no password either, so it cannot log in here.
        if (account.role != null) {
            authorities.add(new SimpleGrantedAuthority(account.role.authority()));
        }
        account.labIds.forEach(id -> authorities.add(new SimpleGrantedAuthority(LabAccess.authorityFor(id))));
        if (twoFactorPolicy.requiredFor(account.role) && !twoFactor.enrolled(account.id)) {
            authorities.add(new SimpleGrantedAuthority(TwoFactorSetupGate.AUTHORITY));
        }
        // An account whose password was never set cannot log in until its one-time link is used.
        return User.withUsername(account.username)
                .password(account.passwordHash == null ? "{noop}" : account.passwordHash)
                .disabled(!account.enabled || account.passwordHash == null)
                .authorities(authorities)
                .build();
    }
}
