package eu.impactlab.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The shared rules for what people type: any script, no control characters; addresses that can stand in a link. */
class TextRulesTest {

    @Test
    void namesOfAnyScriptPassButControlCharactersDoNot() {
        assertThat(TextRules.singleLine("سارة\u200F العلي")).isTrue();
        assertThat(TextRules.singleLine("Ayşe Öztürk-Şahin")).isTrue();
        assertThat(TextRules.singleLine("Оксана 😀")).isTrue();
        assertThat(TextRules.singleLine(null)).isTrue();
        for (String bad : new String[] {"Foo\r\nATTENDEE:x", "a\nb", "a\u0000b", "tab\there", "del\u007F", "c1\u0085",
                "line\u2028sep", "para\u2029sep", "lone\uD800"}) {
            assertThat(TextRules.singleLine(bad)).as(bad).isFalse();
        }
        assertThat(TextRules.multiLine("Zeile 1\r\nZeile 2\tmit Tab")).isTrue();
        assertThat(TextRules.multiLine("a\u0000b")).isFalse();
        assertThat(TextRules.multiLine("a\u001Bb")).isFalse();
    }

    @Test
    void addressesThatCannotStandInAMailtoLinkAreRefused() {
        for (String good : new String[] {"anna@example.org", "a.b+c@sub.example.de", "jörg@straße.de", "o'neil@example.ie"}) {
            assertThat(ContactRules.emailAcceptable(good)).as(good).isTrue();
        }
        for (String bad : new String[] {"<x>@example.org", "a b@example.org", "x@example.org\r\nBcc: y@example.org",
                "a\u0000@example.org", "\"q\"@example.org", "a@exa mple.org", "a@b", "a;b@example.org"}) {
            assertThat(ContactRules.emailAcceptable(bad)).as(bad).isFalse();
        }
        assertThat(ContactRules.phoneAcceptable("+49 421 123\r\n")).isFalse();
    }

    @Test
    void idempotencyKeysAndDatesHaveLimitsThatFitTheDatabase() {
        assertThat(IdempotencyKeys.acceptable("k".repeat(80))).isTrue();
        assertThat(IdempotencyKeys.acceptable("k".repeat(81))).isFalse();
        assertThat(IdempotencyKeys.storable("form:" + "k".repeat(80))).isTrue();
        assertThat(IdempotencyKeys.acceptable("a\tb")).isFalse();
        assertThat(IdempotencyKeys.fingerprint("a", null, 1)).isNotEqualTo(IdempotencyKeys.fingerprint("a", "null", 1));
        assertThat(IdempotencyKeys.fingerprint("ab", "c")).isNotEqualTo(IdempotencyKeys.fingerprint("a", "bc"));
        assertThat(InputDates.plausible(LocalDate.of(2026, 12, 7))).isTrue();
        assertThat(InputDates.plausible(LocalDate.MAX)).isFalse();
        assertThat(InputDates.plausible(LocalDate.of(1500, 1, 1))).isFalse();
    }

    @Test
    void unexpectedErrorsAreLoggedWithoutAddressesOrNumbers() {
        Exception error = new IllegalStateException("mail failed",
                new java.net.URISyntaxException("mailto:<x>@example.org", "Illegal character in path at index 7"));
        String logged = LogSafe.describe(error);
        assertThat(logged).contains("IllegalStateException", "URISyntaxException", "at eu.impactlab.platform.TextRulesTest");
        assertThat(logged).doesNotContain("example.org");
        assertThat(LogSafe.scrub("call +49 421 5551234 now")).isEqualTo("call [number] now");
    }

    @Test
    void requestPathsAreLoggedWithoutPrivateLinkTokens() {
        String token = SecretTokens.newToken();
        assertThat(LogSafe.path("/appointments/" + token + "/slip")).isEqualTo("/appointments/[token]/slip");
        assertThat(LogSafe.path("/courses/registrations/" + token)).isEqualTo("/courses/registrations/[token]");
        assertThat(LogSafe.path("/labs/groepelingen/now-serving")).isEqualTo("/labs/groepelingen/now-serving");
    }
}
