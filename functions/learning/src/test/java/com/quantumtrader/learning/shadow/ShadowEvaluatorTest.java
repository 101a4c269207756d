package com.quantumtrader.learning.shadow;

import static com.quantumtrader.events.EventCatalog.LEARNING_STRATEGY_PROMOTED;
import static com.quantumtrader.events.EventCatalog.PORTFOLIO_PERFORMANCE;
import static org.assertj.core.api.Assertions.assertThat;

import com.quantumtrader.core.handler.Emit;
import com.quantumtrader.core.handler.HandlerDefinition;
import com.quantumtrader.core.handler.HandlerOutcome;
import com.quantumtrader.core.handler.HandlerRuntime;
import com.quantumtrader.events.BusEvent;
import com.quantumtrader.events.Domain;
import com.quantumtrader.events.Side;
import com.quantumtrader.events.learning.StrategyPromoted;
import com.quantumtrader.events.portfolio.PortfolioPerformance;
import com.quantumtrader.learning.candidates.model.Candidate;
import com.quantumtrader.learning.store.Candidates;
import com.quantumtrader.learning.store.TradeJournal;
import com.quantumtrader.core.testing.DomainFixture;
import com.quantumtrader.learning.testing.Trades;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ShadowEvaluatorTest {

    /** Fitted 5 h after START: trades 1..5 are in sample, later ones out of sample. */
    private static final Instant FITTED_AT = DomainFixture.START.plus(Duration.ofHours(5));
    private static final Candidate LONG_ONLY = new Candidate("ma_crossover@v2", "ma_crossover", 2,
            "ma_crossover@v1", List.of(Side.LONG), FITTED_AT);

    private final DomainFixture fixture = new DomainFixture();
    private final ShadowEvaluator evaluator = new ShadowEvaluator(fixture.services());
    private final TradeJournal journal = new TradeJournal(fixture.state());
    private final Candidates candidates = new Candidates(fixture.state());
    private final Trades trades = new Trades("ma_crossover", "ma_crossover@v1");
    private int hour = 100;

    private List<Emit> snapshot(String drawdown) {
        hour++;
        return evaluator.handle(fixture.inbound(PORTFOLIO_PERFORMANCE,
                performanceAt(DomainFixture.START.plus(Duration.ofHours(hour)), drawdown)));
    }

    private static PortfolioPerformance performanceAt(Instant asOf, String drawdown) {
        return new PortfolioPerformance(asOf, new BigDecimal("9800"), new BigDecimal("10000"),
                new BigDecimal(drawdown), new BigDecimal("-200"), BigDecimal.ZERO, BigDecimal.ONE, 0, 20,
                new BigDecimal("0.4"));
    }

    /** 5 in-sample trades, then out of sample: longs +2.5 R over 5, shorts -5 R over 5 (live -0.25 R a trade). */
    private void recordTrades(int outOfSample) {
        for (int i = 0; i < 5; i++) {
            journal.record(trades.next(Side.SHORT, "3"));
        }
        List<String> longs = List.of("1.5", "-1", "1.5", "1.5", "-1");
        for (int i = 0; i < outOfSample; i++) {
            journal.record(i % 2 == 0 ? trades.next(Side.LONG, longs.get(i / 2 % 5)) : trades.next(Side.SHORT, "-1"));
        }
    }

    @Test
    void promotesACandidateThatBeatsTheLiveModelOutOfSample() {
        // given a long-only candidate and 10 later trades: live (2.5 - 5) / 10 = -0.25 R, shadow 2.5 / 10 = +0.25 R
        candidates.put(LONG_ONLY);
        recordTrades(10);

        // when the next snapshot comes
        List<Emit> emitted = snapshot("0.02");

        // then it is promoted and leaves shadow testing
        assertThat(emitted).hasSize(1);
        assertThat(emitted.get(0).type()).isEqualTo(LEARNING_STRATEGY_PROMOTED);
        assertThat(emitted.get(0).payload()).isEqualTo(
                new StrategyPromoted("ma_crossover@v2", "ma_crossover@v1", "oos_expectancy_r", 0.25));
        assertThat(candidates.all()).isEmpty();
        assertThat(snapshot("0.02")).isEmpty();
    }

    @Test
    void waitsForTenOutOfSampleTrades() {
        // given 9 trades after the fit (the 5 before it, winning shorts, do not count)
        candidates.put(LONG_ONLY);
        recordTrades(9);

        // when / then
        assertThat(snapshot("0.02")).isEmpty();
        assertThat(candidates.all()).containsExactly(LONG_ONLY);
    }

    @Test
    void keepsTheLiveModelWhenTheCandidateDoesNotBeatItByTheMargin() {
        // given a candidate trading both sides, like the live model
        Candidate same = new Candidate("ma_crossover@v2", "ma_crossover", 2, "ma_crossover@v1",
                List.of(Side.LONG, Side.SHORT), FITTED_AT);
        candidates.put(same);
        recordTrades(39);

        // when / then: no promotion; still in shadow until 40 trades, then retired
        assertThat(snapshot("0.02")).isEmpty();
        assertThat(candidates.all()).containsExactly(same);
        journal.record(trades.next(Side.LONG, "1.5"));
        assertThat(snapshot("0.02")).isEmpty();
        assertThat(candidates.all()).isEmpty();
    }

    @Test
    void decidesNothingWhileTheAccountIsInDrawdownAlert() {
        // given a winning candidate
        candidates.put(LONG_ONLY);
        recordTrades(10);

        // when the snapshot shows the 10 % alert drawdown, nothing; once it eases, promotion
        assertThat(snapshot("0.10")).isEmpty();
        assertThat(snapshot("0.09")).hasSize(1);
    }

    @Test
    void ignoresASnapshotNotNewerThanTheLastOne() {
        // given a snapshot evaluated at 12:00 with too few trades
        candidates.put(LONG_ONLY);
        recordTrades(9);
        Instant noon = DomainFixture.START.plus(Duration.ofHours(12));
        evaluator.handle(fixture.inbound(PORTFOLIO_PERFORMANCE, performanceAt(noon, "0.01")));
        journal.record(trades.next(Side.SHORT, "-1"));

        // when the same snapshot time comes again
        List<Emit> emitted = evaluator.handle(fixture.inbound(PORTFOLIO_PERFORMANCE, performanceAt(noon, "0.01")));

        // then it is not evaluated; a later one is
        assertThat(emitted).isEmpty();
        assertThat(new ShadowEvaluator(fixture.services()).handle(fixture.inbound(PORTFOLIO_PERFORMANCE,
                performanceAt(noon.plusSeconds(3600), "0.01")))).hasSize(1);
    }

    @Test
    void handlingTheSameSnapshotTwiceThroughTheRuntimeEqualsHandlingItOnce() {
        // given a winning candidate and the runtime around the evaluator
        candidates.put(LONG_ONLY);
        recordTrades(10);
        List<BusEvent> published = new ArrayList<>();
        HandlerRuntime runtime = fixture.runtime(
                new HandlerDefinition("shadow_evaluator", Domain.LEARNING, evaluator), published::add);
        BusEvent snapshot = fixture.busEvent(PORTFOLIO_PERFORMANCE,
                performanceAt(DomainFixture.START.plus(Duration.ofHours(50)), "0.01"));
        List<String> keys = List.of("candidates", "shadow:last_as_of");

        // when it is delivered twice
        assertThat(runtime.dispatch(snapshot).status()).isEqualTo(HandlerOutcome.Status.HANDLED);
        var state = fixture.snapshot(keys);
        assertThat(runtime.dispatch(snapshot).status()).isEqualTo(HandlerOutcome.Status.DUPLICATE);

        // then one promotion
        assertThat(published).extracting(BusEvent::name).containsExactly("learning.strategy.promoted");
        assertThat(fixture.snapshot(keys)).isEqualTo(state);
    }
}
