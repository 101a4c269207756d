package com.quantumtrader.core.reservation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.quantumtrader.core.time.SimulatedClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link ReservationStore} does, so a backtest on memory decides as production does on Redis. */
abstract class ReservationStoreContract {

    protected final SimulatedClock clock = new SimulatedClock(Instant.parse("2024-03-01T00:00:00Z"));
    protected ReservationStore store;

    /** A fresh, empty store; Redis stores expire on the server's clock, memory stores on {@link #clock}. */
    protected abstract ReservationStore newStore();

    /** Lets {@code duration} pass for the store's expiries. */
    protected abstract void pass(Duration duration) throws InterruptedException;

    @BeforeEach
    void fresh() {
        store = newStore();
    }

    private static ReservationRequest gross(String id, long amount, long max) {
        return new ReservationRequest(id, List.of(Increment.held("gross", amount)),
                List.of(Limit.of("GROSS", max, "gross")));
    }

    @Test
    void grantsUpToTheLimitInclusiveAndRefusesOneUnitMore() {
        assertThat(store.reserve(gross("a", 600, 1000)).granted()).isTrue();
        assertThat(store.reserve(gross("b", 400, 1000)).granted()).isTrue();

        ReservationOutcome refused = store.reserve(gross("c", 1, 1000));

        assertThat(refused).isEqualTo(new ReservationOutcome.Refused("c", Limit.of("GROSS", 1000, "gross"), 1000, 1));
        assertThat(store.values(List.of("gross"))).containsEntry("gross", 1000L);
        assertThat(store.isHeld("c")).isFalse();
    }

    @Test
    void isAllOrNothingAcrossCounters() {
        ReservationRequest request = new ReservationRequest("a",
                List.of(Increment.held("gross", 500), Increment.held("positions", 1)),
                List.of(Limit.of("GROSS", 1000, "gross"), Limit.of("POSITIONS", 0, "positions")));

        ReservationOutcome outcome = store.reserve(request);

        assertThat(outcome).isInstanceOfSatisfying(ReservationOutcome.Refused.class,
                r -> assertThat(r.limit().name()).isEqualTo("POSITIONS"));
        assertThat(store.values(List.of("gross", "positions"))).containsEntry("gross", 0L).containsEntry("positions", 0L);
    }

    @Test
    void aSharedLimitBoundsTheSumOfItsCounters() {
        Limit correlated = new Limit("CORRELATED", 1000, List.of("long:BTCUSDT", "long:ETHUSDT"));
        store.reserve(new ReservationRequest("btc", List.of(Increment.held("long:BTCUSDT", 700)), List.of(correlated)));

        ReservationOutcome eth = store.reserve(new ReservationRequest("eth",
                List.of(Increment.held("long:ETHUSDT", 301)), List.of(correlated)));

        assertThat(eth).isInstanceOfSatisfying(ReservationOutcome.Refused.class, r -> {
            assertThat(r.used()).isEqualTo(700);
            assertThat(r.requested()).isEqualTo(301);
        });
    }

    @Test
    void aNegativeAmountIsNeverRefusedAndFreesRoom() {
        Limit netLong = Limit.of("NET", 100, "net_long");
        store.reserve(new ReservationRequest("long", List.of(Increment.held("net_long", 100)), List.of(netLong)));

        assertThat(store.reserve(new ReservationRequest("short", List.of(Increment.held("net_long", -100)),
                List.of(netLong))).granted()).isTrue();
        assertThat(store.reserve(new ReservationRequest("long2", List.of(Increment.held("net_long", 100)),
                List.of(netLong))).granted()).isTrue();
    }

    @Test
    void releaseGivesBackHeldAmountsOnceAndTheIdStaysDecided() {
        store.reserve(gross("a", 600, 1000));

        assertThat(store.release("a")).isTrue();
        assertThat(store.release("a")).isFalse();

        assertThat(store.values(List.of("gross"))).containsEntry("gross", 0L);
        assertThat(store.reserve(gross("a", 600, 1000))).isEqualTo(new ReservationOutcome.Duplicate("a", false));
        assertThat(store.values(List.of("gross"))).containsEntry("gross", 0L);
    }

    @Test
    void reservingTheSameIdTwiceChangesNothing() {
        store.reserve(gross("a", 600, 1000));

        assertThat(store.reserve(gross("a", 600, 1000))).isEqualTo(new ReservationOutcome.Duplicate("a", true));
        assertThat(store.values(List.of("gross"))).containsEntry("gross", 600L);
        assertThat(store.isHeld("a")).isTrue();
    }

    @Test
    void releasingAnUnknownIdIsHarmless() {
        assertThat(store.release("never")).isFalse();
    }

    @Test
    void consumedAmountsStayAfterReleaseAndExpireWithTheirWindow() throws InterruptedException {
        ReservationRequest first = new ReservationRequest("a",
                List.of(Increment.held("gross", 10), Increment.consumed("orders:m1", 1, Duration.ofMillis(300))),
                List.of(Limit.of("RATE", 1, "orders:m1")));
        store.reserve(first);
        store.release("a");

        ReservationOutcome second = store.reserve(new ReservationRequest("b",
                List.of(Increment.consumed("orders:m1", 1, Duration.ofMillis(300))),
                List.of(Limit.of("RATE", 1, "orders:m1"))));
        assertThat(second.granted()).isFalse();
        assertThat(store.values(List.of("orders:m1", "gross"))).containsEntry("orders:m1", 1L)
                .containsEntry("gross", 0L);

        pass(Duration.ofMillis(600));

        assertThat(store.values(List.of("orders:m1"))).containsEntry("orders:m1", 0L);
    }

    @Test
    void amountsAreExactUpTo2Pow53() {
        long big = (1L << 53) - 1;
        assertThat(store.reserve(gross("a", big - 1, big)).granted()).isTrue();
        assertThat(store.reserve(gross("b", 1, big)).granted()).isTrue();
        assertThat(store.reserve(gross("c", 1, big)).granted()).isFalse();
        assertThat(store.values(List.of("gross"))).containsEntry("gross", big);
    }

    @Test
    void rejectsAmountsBeyond2Pow53AndBadNames() {
        assertThatThrownBy(() -> Increment.held("gross", 1L << 53))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2^53");
        assertThatThrownBy(() -> Increment.held(" ", 1)).hasMessageContaining("counter must not be null or blank");
        assertThatThrownBy(() -> new ReservationRequest("a", List.of(Increment.held("x", 1), Increment.held("x", 2)),
                List.of())).hasMessageContaining("twice");
        assertThatThrownBy(() -> new ReservationRequest("a", List.of(), List.of())).hasMessageContaining("adds nothing");
    }
}
