package com.quantumtrader.risk.model.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import com.quantumtrader.risk.policy.LifecyclePolicy;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** When a waiting trade counts as stuck (approved: 5 minutes, submitted: 15), without a store. */
class WaitingTradeTest {

    private static final Instant SINCE = Instant.parse("2024-03-01T12:00:00Z");
    private static final LifecyclePolicy POLICY = new LifecyclePolicy(5, 15);

    @Test
    void anApprovedTradeIsStuckAfterItsTimeoutAndReleasesItsReservation() {
        WaitingTrade approved = new WaitingTrade("t-1", TradeLifecycle.APPROVED, SINCE);

        assertThat(approved.stuckAt(SINCE.plus(Duration.ofMinutes(4)), POLICY)).isFalse();
        assertThat(approved.stuckAt(SINCE.plus(Duration.ofMinutes(5)), POLICY)).isTrue();
        assertThat(approved.releasesReservation()).isTrue();
    }

    @Test
    void aSubmittedTradeWaitsLongerAndKeepsItsReservation() {
        WaitingTrade submitted = new WaitingTrade("t-2", TradeLifecycle.SUBMITTED, SINCE);

        assertThat(submitted.timeoutMinutes(POLICY)).isEqualTo(15);
        assertThat(submitted.stuckAt(SINCE.plus(Duration.ofMinutes(14)), POLICY)).isFalse();
        assertThat(submitted.releasesReservation()).isFalse();
    }

    @Test
    void aStageIsReachedOnce() {
        TradeLifecycle trade = new TradeLifecycle("t-3", "sig-3", "BTCUSDT", java.util.List.of())
                .with(TradeLifecycle.GENERATED, SINCE, "").with(TradeLifecycle.APPROVED, SINCE, "0.01");

        assertThat(trade.reached(TradeLifecycle.APPROVED)).isTrue();
        assertThat(trade.reached(TradeLifecycle.FILLED)).isFalse();
        assertThat(trade.stage()).isEqualTo(TradeLifecycle.APPROVED);
    }
}
