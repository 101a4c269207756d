package com.quantumtrader.execution.adapter.binance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The reconnect schedule both Binance stream clients use, on a delay that records instead of waiting. */
class ReconnectBackoffTest {

    private final List<Duration> waits = new ArrayList<>();
    private final List<Runnable> scheduled = new ArrayList<>();
    private final ReconnectBackoff backoff = new ReconnectBackoff("test stream", Duration.ofMillis(500),
            Duration.ofSeconds(4), (wait, task) -> {
                waits.add(wait);
                scheduled.add(task);
            });

    @Test
    void doublesTheWaitAtEveryFailureUpToTheBound() {
        for (int attempt = 0; attempt < 6; attempt++) {
            backoff.reconnect("connect failed", () -> { });
        }

        assertThat(waits).containsExactly(Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(2),
                Duration.ofSeconds(4), Duration.ofSeconds(4), Duration.ofSeconds(4));
    }

    @Test
    void aConnectionThatDeliveredStartsTheScheduleAgain() {
        backoff.reconnect("dropped", () -> { });
        backoff.reconnect("dropped", () -> { });
        backoff.reset();

        backoff.reconnect("dropped again", () -> { });

        assertThat(waits).containsExactly(Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofMillis(500));
    }

    @Test
    void schedulesTheGivenConnectAfterTheWait() {
        List<String> connects = new ArrayList<>();

        Duration wait = backoff.reconnect("dropped", () -> connects.add("connect"));
        scheduled.forEach(Runnable::run);

        assertThat(wait).isEqualTo(Duration.ofMillis(500));
        assertThat(connects).containsExactly("connect");
    }

    @Test
    void refusesABoundBelowTheFirstWaitOrANonPositiveWait() {
        assertThatThrownBy(() -> new ReconnectBackoff("s", Duration.ofSeconds(2), Duration.ofSeconds(1), (w, t) -> { }))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at most maxBackoff");
        assertThatThrownBy(() -> new ReconnectBackoff("s", Duration.ZERO, Duration.ofSeconds(1), (w, t) -> { }))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("positive");
    }
}
