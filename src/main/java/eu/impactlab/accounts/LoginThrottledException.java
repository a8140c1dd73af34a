package eu.impactlab.accounts;

import org.springframework.security.core.AuthenticationException;

/** Too many failed logins: the login page says to wait a few minutes. */
public class LoginThrottledException extends AuthenticationException {

    public LoginThrottledException() {
        super("too many failed logins");
    }
}
