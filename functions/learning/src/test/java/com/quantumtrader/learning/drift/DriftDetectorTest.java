package com.quantumtrader.learning.drift;

import static com.quantumtrader.events.EventCatalog.LEARNING_DRIFT_DETECTED;
import static com.quantumtrader.events.EventCatalog.TRADE_CLOSED;
import static org.assertj.core.api.Assertions.assertThat;

import com.quantumtrader.core.handler.Emit;
import com.quantumtrader.core.handler.HandlerDefinition;
import com.quantumtrader.core.handler.HandlerOutcome;
import com.quantumtrader.core.handler.HandlerRuntime;
import com.quantumtrader.events.BusEvent;
import com.quantumtrader.events.Domain;
import com.quantumtrader.events.learning.DriftDetected;
import com.quantumtrader.events.portfolio.TradeClosed;
import com.quantumtrader.learning.store.TradeJournal;
import com.quantumtrader.core.testing.DomainFixture;
import com.quantumtrader.learning.testing.Trades;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class DriftDetectorTest {

    /** 30 trades, 18 wins (60 %): the baseline. */
    private static final int[] BASELINE = {1, 0, 1, 1, 0, 1, 0, 1, 1, 0, 1, 0, 1, 1, 0, 1, 0, 1, 1, 0,
        1, 0, 1, 1, 0, 1, 0, 1, 1, 0};
    /** 20 trades, 3 wins (15 %): a collapse. */
    private static final int[] COLLAPSE = {0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 1};

    private final DomainFixture fixture = new DomainFixture();
    private final DriftDetector detector = new DriftDetector(fixture.services());
    private final Trades trades = new Trades("ma_crossover", "ma_crossover@v1");

    private List<Emit> play(DriftDetector handler, int... outcomes) {
        List<Emit> emitted = new ArrayList<>();
        for (int outcome : outcomes) {
            emitted.addAll(handler.handle(fixture.inbound(TRADE_CLOSED, trades.next(outcome == 1))));
        }
        return emitted;
    }

    private static int[] repeat(int outcome, int times) {
        int[] out = new int[times];
        Arrays.fill(out, outcome);
        return out;
    }

    @Test
    void reportsDriftWhenTheRecentWinRateDepartsFromTheBaselineBeyondTheNinetyNinePercentBound() {
        // given a 60 % baseline and 19 of 20 collapsing trades
        assertThat(play(detector, BASELINE)).isEmpty();
        assertThat(play(detector, Arrays.copyOf(COLLAPSE, 19))).isEmpty();

        // when the 20th recent trade completes the window: 3/20 vs 18/30, z = -0.45 / sqrt(0.0203) = -3.158
        List<Emit> emitted = play(detector, COLLAPSE[19]);

        // then
        assertThat(emitted).hasSize(1);
        assertThat(emitted.get(0).type()).isEqualTo(LEARNING_DRIFT_DETECTED);
        assertThat(emitted.get(0).payload()).isEqualTo(new DriftDetected("ma_crossover", "win_rate", 0.15, 0.6,
                -3.1583808285461834, 2.576, 20, 30));
    }

    @Test
    void saysNothingBeforeTheBaselineHoldsThirtyTrades() {
        // given 29 wins then 20 losses: an extreme difference, but only 29 baseline trades
        // then no verdict yet
        assertThat(play(detector, repeat(1, 29))).isEmpty();
        assertThat(play(detector, repeat(0, 20))).isEmpty();
    }

    @Test
    void staysQuietWhileResultsMatchTheirHistory() {
        // given 100 trades winning 3 of every 5
        for (int i = 0; i < 20; i++) {
            assertThat(play(detector, 1, 0, 1, 1, 0)).isEmpty();
        }
    }

    @Test
    void reportsOncePerCrossingAndAgainAfterReturningWithinBounds() {
        // given a reported drift
        play(detector, BASELINE);
        assertThat(play(detector, COLLAPSE)).hasSize(1);

        // when 8 wins pull z back within the bound (|z| < 2.576 from the 2nd win on), nothing is reported
        assertThat(play(detector, repeat(1, 8))).isEmpty();
        // and 17 losses approach the bound again without crossing it
        assertThat(play(detector, repeat(0, 17))).isEmpty();

        // then the 18th loss crosses again: 2/20 vs 27/56
        List<Emit> emitted = play(detector, 0);
        assertThat(emitted).extracting(Emit::payload).containsExactly(new DriftDetected("ma_crossover", "win_rate",
                0.1, 27.0 / 56, -3.0199073971827275, 2.576, 20, 56));
        // and further losses are the same episode
        assertThat(play(detector, 0, 0)).isEmpty();
    }

    @Test
    void keepsStrategiesApart() {
        // given the baseline of one strategy and the collapse in another
        play(detector, BASELINE);
        Trades other = new Trades("breakout", "breakout@v1");
        List<Emit> emitted = new ArrayList<>();
        for (int outcome : COLLAPSE) {
            emitted.addAll(detector.handle(fixture.inbound(TRADE_CLOSED, other.next(outcome == 1))));
        }

        // then neither has a baseline and a full recent window of its own
        assertThat(emitted).isEmpty();
    }

    @Test
    void countsARedeliveredTradeOnlyOnce() {
        // given 49 trades, the 49th delivered twice as separate events
        play(detector, BASELINE);
        play(detector, Arrays.copyOf(COLLAPSE, 18));
        TradeClosed forty9th = trades.next(false);
        detector.handle(fixture.inbound(TRADE_CLOSED, forty9th));
        detector.handle(fixture.inbound(TRADE_CLOSED, forty9th));

        // when the 50th arrives
        List<Emit> emitted = play(detector, 1);

        // then it is the 50th, not the 51st: the window is complete exactly now
        assertThat(emitted).extracting(e -> ((DriftDetected) e.payload()).baselineTrades()).containsExactly(30);
        assertThat(new TradeJournal(fixture.state()).tradesOf("ma_crossover")).hasSize(50);
    }

    @Test
    void keepsItsCountsAcrossARestart() {
        // given 49 trades seen by one instance
        play(detector, BASELINE);
        play(detector, Arrays.copyOf(COLLAPSE, 19));

        // when a new instance over the same state sees the 50th
        List<Emit> emitted = play(new DriftDetector(fixture.services()), COLLAPSE[19]);

        // then it reports the drift
        assertThat(emitted).hasSize(1);
    }

    @Test
    void handlingTheSameTradeTwiceThroughTheRuntimeEqualsHandlingItOnce() {
        // given 49 trades and the runtime around the detector
        play(detector, BASELINE);
        play(detector, Arrays.copyOf(COLLAPSE, 19));
        List<BusEvent> published = new ArrayList<>();
        HandlerRuntime runtime = fixture.runtime(
                new HandlerDefinition("drift_detector", Domain.LEARNING, detector), published::add);
        BusEvent fiftieth = fixture.busEvent(TRADE_CLOSED, trades.next(false));
        List<String> keys = List.of("drift:ma_crossover", "journal:ma_crossover");

        // when the 50th is delivered twice
        assertThat(runtime.dispatch(fiftieth).status()).isEqualTo(HandlerOutcome.Status.HANDLED);
        var state = fixture.snapshot(keys);
        assertThat(runtime.dispatch(fiftieth).status()).isEqualTo(HandlerOutcome.Status.DUPLICATE);

        // then one report and the state of one delivery
        assertThat(published).extracting(BusEvent::name).containsExactly("learning.drift.detected");
        assertThat(fixture.snapshot(keys)).isEqualTo(state);
    }
}
