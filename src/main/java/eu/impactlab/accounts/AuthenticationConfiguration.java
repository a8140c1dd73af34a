package eu.impactlab.accounts;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

@Configuration(proxyBeanMethods = false)
class AuthenticationConfiguration {

    /** bcrypt today, behind a delegating encoder so hashes can move to a newer algorithm later. */
    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    AuthenticationProvider throttledAuthenticationProvider(AccountUserDetailsService users, PasswordEncoder encoder,
            LoginThrottle throttle) {
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
                    throttle.succeeded(username);
                    return result;
                } catch (AuthenticationException e) {
                    throttle.failed(username, address);
                    throw e;
                }
            }

            @Override
            public boolean supports(Class<?> authentication) {
                return dao.supports(authentication);
            }
        };
    }
}
