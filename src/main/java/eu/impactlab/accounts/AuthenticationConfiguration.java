package eu.impactlab.accounts;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

@Configuration(proxyBeanMethods = false)
class AuthenticationConfiguration {

    /** bcrypt today, behind a delegating encoder so hashes can move to a newer algorithm later. */
    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    AuthenticationProvider throttledAuthenticationProvider(AccountUserDetailsService users, PasswordEncoder encoder,
            LoginThrottle throttle, TwoFactor twoFactor, AccountRepository accounts) {
        DaoAuthenticationProvider dao = new DaoAuthenticationProvider(users);
        dao.setPasswordEncoder(encoder);
        return new AuthenticationProvider() {
            @Override
            public Authentication authenticate(Authentication authentication) throws AuthenticationException {
                String username = authentication.getName();
                String address = authentication.getDetails() instanceof WebAuthenticationDetails details
                        ? details.getRemoteAddress() : "unknown";
                if (throttle.blocked(username, address)) {
                    throw new LoginThrottledException();
                }
                try {
                    Authentication result = dao.authenticate(authentication);
                    // The password was right; with two-factor login set up, the code must be too (counted like a wrong password).
                    long id = accounts.findByUsername(result.getName()).orElseThrow().id;
                    if (twoFactor.enrolled(id) && !twoFactor.verify(id, typedCode())) {
                        throw new BadCredentialsException("wrong or missing second factor");
                    }
                    throttle.succeeded(username);
                    return result;
                } catch (AuthenticationException e) {
                    throttle.failed(username, address);
                    throw e;
                }
            }

            /** The login form's code field, read from the request the login runs in. */
            private String typedCode() {
                return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                        ? attributes.getRequest().getParameter("code") : null;
            }

            @Override
            public boolean supports(Class<?> authentication) {
                return dao.supports(authentication);
            }
        };
    }
}
