package com.quantumtrader.core.idempotency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.quantumtrader.core.time.SimulatedClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class InMemoryIdempotencyStoreTest extends IdempotencyStoreContract {

    private final SimulatedClock clock = new SimulatedClock(Instant.parse("2025-01-01T00:00:00Z"));

    @Override
    protected IdempotencyStore newStore() {
        return new InMemoryIdempotencyStore();
    }

    @Test
    void aRedeliveryWithinTheWindowIsStillRecognised() {
        InMemoryIdempotencyStore windowed = new InMemoryIdempotencyStore(clock, Duration.ofDays(2));
        windowed.claim("mark_to_market", "evt-1");
        windowed.complete("mark_to_market", "evt-1");

        clock.advanceTo(Instant.parse("2025-01-02T23:59:00Z"));
        windowed.claim("mark_to_market", "evt-2");
        windowed.complete("mark_to_market", "evt-2");

        assertThat(windowed.claim("mark_to_market", "evt-1")).isEqualTo(IdempotencyStore.Claim.COMPLETED);
    }

    @Test
    void aCompletedEventIsForgottenOnceTheWindowHasPassedLikeItsRedisKeyWouldExpire() {
        InMemoryIdempotencyStore windowed = new InMemoryIdempotencyStore(clock, Duration.ofDays(2));
        windowed.claim("mark_to_market", "evt-1");
        windowed.complete("mark_to_market", "evt-1");

        clock.advanceTo(Instant.parse("2025-01-03T00:00:00Z"));
        windowed.claim("mark_to_market", "evt-2");
        windowed.complete("mark_to_market", "evt-2");

        assertThat(windowed.size()).isEqualTo(1);
        assertThat(windowed.claim("mark_to_market", "evt-1")).isEqualTo(IdempotencyStore.Claim.ACQUIRED);
    }

    @Test
    void aClaimInProgressIsNeverExpired() throws Exception {
        InMemoryIdempotencyStore windowed = new InMemoryIdempotencyStore(clock, Duration.ofMinutes(1));
        windowed.claim("signal_executor", "evt-slow");

        clock.advanceTo(Instant.parse("2025-01-05T00:00:00Z"));
        windowed.claim("signal_executor", "evt-2");
        windowed.complete("signal_executor", "evt-2");

        store = windowed;
        assertThat(claimOnAnotherThread("signal_executor", "evt-slow")).isEqualTo(IdempotencyStore.Claim.IN_PROGRESS);
    }

    @Test
    void refusesAnEmptyWindow() {
        assertThatThrownBy(() -> new InMemoryIdempotencyStore(clock, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
