package eu.impactlab.accounts;

import java.time.Instant;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationContext;

/** The code an authenticator app shows now, for tests outside this package. */
public final class TwoFactorCodes {

    private TwoFactorCodes() {
    }

    public static String now(String secret) {
        return Totp.code(secret, Totp.step(Instant.now().getEpochSecond()));
    }

    /** Sets which roles must use a second factor in a running app (tests share one and cannot restart it). */
    public static void require(ApplicationContext app, String... roles) {
        app.getBean(TwoFactorPolicy.class).require(Arrays.stream(roles).map(Role::valueOf).collect(Collectors.toSet()));
    }
}
