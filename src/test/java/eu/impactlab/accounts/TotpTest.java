package eu.impactlab.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The codes are the ones every authenticator app shows: RFC 6238's own test values. */
class TotpTest {

    private static final String RFC_SECRET = Totp.base32("12345678901234567890".getBytes(StandardCharsets.US_ASCII));

    @Test
    void matchesTheRfcTestVectorsInSixDigits() {
        assertThat(RFC_SECRET).isEqualTo("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
        assertThat(Totp.code(RFC_SECRET, Totp.step(59))).isEqualTo("287082");
        assertThat(Totp.code(RFC_SECRET, Totp.step(1111111109))).isEqualTo("081804");
        assertThat(Totp.code(RFC_SECRET, Totp.step(1234567890))).isEqualTo("005924");
        assertThat(Totp.code(RFC_SECRET, Totp.step(2000000000))).isEqualTo("279037");
    }

    @Test
    void acceptsOneStepOfDriftEitherWayAndNoMore() {
        long now = Totp.step(1111111109);
        assertThat(Totp.matchingStep(RFC_SECRET, Totp.code(RFC_SECRET, now - 1), now)).isEqualTo(now - 1);
        assertThat(Totp.matchingStep(RFC_SECRET, Totp.code(RFC_SECRET, now + 1), now)).isEqualTo(now + 1);
        assertThat(Totp.matchingStep(RFC_SECRET, Totp.code(RFC_SECRET, now - 2), now)).isEqualTo(-1);
        assertThat(Totp.matchingStep(RFC_SECRET, "12345", now)).isEqualTo(-1);
        assertThat(Totp.matchingStep(RFC_SECRET, null, now)).isEqualTo(-1);
    }

    @Test
    void secretsSurviveTheirBase32Form() {
        String secret = Totp.newSecret();
        assertThat(secret).hasSize(32).matches("[A-Z2-7]+");
        assertThat(Totp.base32(Totp.fromBase32(secret))).isEqualTo(secret);
        assertThat(Totp.uri("Digital Impact Labs", "admin", secret))
                .startsWith("otpauth://totp/Digital%20Impact%20Labs:admin?secret=" + secret);
    }
}
