package eu.impactlab.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class FormGuardTest {

    private final Instant now = Instant.parse("2026-11-26T10:00:00Z");
    private final FormGuard guard = new FormGuard(Duration.ofSeconds(3), Clock.fixed(now, ZoneOffset.UTC));

    @Test
    void aPersonWhoTookTheirTimeIsLetThrough() {
        assertThat(guard.looksHuman("", now.minusSeconds(20))).isTrue();
        assertThat(guard.looksHuman(null, now.minusSeconds(3))).isTrue();
    }

    @Test
    void aFormSentFasterThanAnyoneCanTypeOrWithTheHiddenFieldFilledIsStopped() {
        assertThat(guard.looksHuman("", now.minusMillis(400))).isFalse();
        assertThat(guard.looksHuman("", null)).isFalse();
        assertThat(guard.looksHuman("http://spam.example", now.minusSeconds(60))).isFalse();
    }
}
