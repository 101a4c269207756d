package com.quantumtrader.core.idempotency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IdempotencyRetentionTest {

    @Test
    void defaultsToTwoDaysWhenUnset() {
        assertThat(IdempotencyRetention.fromEnvironment(Map.of())).isEqualTo(Duration.ofHours(48));
        assertThat(IdempotencyRetention.fromEnvironment(Map.of("IDEMPOTENCY_RETENTION", " "))).isEqualTo(Duration.ofHours(48));
    }

    @Test
    void readsHoursDaysAndIsoDurations() {
        assertThat(IdempotencyRetention.fromEnvironment(Map.of("IDEMPOTENCY_RETENTION", "72h"))).isEqualTo(Duration.ofHours(72));
        assertThat(IdempotencyRetention.fromEnvironment(Map.of("IDEMPOTENCY_RETENTION", "7d"))).isEqualTo(Duration.ofDays(7));
        assertThat(IdempotencyRetention.fromEnvironment(Map.of("IDEMPOTENCY_RETENTION", "P14D"))).isEqualTo(Duration.ofDays(14));
    }

    @Test
    void rejectsARetentionShorterThanTheRedeliveryWindowNamingTheSetting() {
        // 24 h: a Lambda retry 25 h after the first attempt would be handled a second time
        assertThatThrownBy(() -> IdempotencyRetention.fromEnvironment(Map.of("IDEMPOTENCY_RETENTION", "24h")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("IDEMPOTENCY_RETENTION must be between 30h")
                .hasMessageContaining("PT24H");
    }

    @Test
    void rejectsARetentionAboveTheMaximum() {
        assertThatThrownBy(() -> IdempotencyRetention.parse("quantum.idempotency.done-ttl", "400d"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("quantum.idempotency.done-ttl must be between 30h")
                .hasMessageContaining("35d");
    }

    @Test
    void rejectsTextThatIsNoDuration() {
        assertThatThrownBy(() -> IdempotencyRetention.fromEnvironment(Map.of("IDEMPOTENCY_RETENTION", "two days")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("IDEMPOTENCY_RETENTION 'two days' is not a duration: use e.g. 48h, 7d or PT48H");
        assertThatThrownBy(() -> IdempotencyRetention.fromEnvironment(Map.of("IDEMPOTENCY_RETENTION", "-5h")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must be between");
    }
}
