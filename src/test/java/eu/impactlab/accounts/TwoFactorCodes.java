package eu.impactlab.accounts;

import java.time.Instant;

/** The code an authenticator app shows now, for tests outside this package. */
public final class TwoFactorCodes {

    private TwoFactorCodes() {
    }

    public static String now(String secret) {
        return Totp.code(secret, Totp.step(Instant.now().getEpochSecond()));
    }
}
