package com.quantumtrader.ai.strategy;

import static com.quantumtrader.events.EventCatalog.AI_STRATEGY_CHANGED;
import static com.quantumtrader.events.EventCatalog.PORTFOLIO_PERFORMANCE;
import static org.assertj.core.api.Assertions.assertThat;

import com.quantumtrader.core.testing.DomainFixture;
import com.quantumtrader.core.handler.Emit;
import com.quantumtrader.core.handler.HandlerDefinition;
import com.quantumtrader.core.handler.HandlerOutcome;
import com.quantumtrader.core.handler.HandlerRuntime;
import com.quantumtrader.core.policy.Policy;
import com.quantumtrader.events.BusEvent;
import com.quantumtrader.events.Domain;
import com.quantumtrader.events.ai.StrategyChanged;
import com.quantumtrader.events.portfolio.PortfolioPerformance;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MetaStrategySelectorTest {

    private final DomainFixture fixture = new DomainFixture();
    private final MetaStrategySelector selector = new MetaStrategySelector(fixture.services());
    private final ActiveStrategy active = new ActiveStrategy(fixture.state());
    private int hour;

    /** The next hourly snapshot with the given drawdown. */
    private PortfolioPerformance snapshot(String drawdown) {
        hour++;
        return snapshotAt(DomainFixture.START.plus(Duration.ofHours(hour)), drawdown);
    }

    private static PortfolioPerformance snapshotAt(Instant asOf, String drawdown) {
        BigDecimal dd = new BigDecimal(drawdown);
        BigDecimal equity = new BigDecimal("10000").multiply(BigDecimal.ONE.subtract(dd));
        return new PortfolioPerformance(asOf, equity, new BigDecimal("10000"), dd, equity.subtract(
                new BigDecimal("10000")), BigDecimal.ZERO, BigDecimal.ONE, 0, 4, new BigDecimal("0.25"));
    }

    private List<Emit> play(String drawdown) {
        return selector.handle(fixture.inbound(PORTFOLIO_PERFORMANCE, snapshot(drawdown)));
    }

    @Test
    void runsTheTrendStrategyUntilItDecidesOtherwise() {
        assertThat(active.current()).isEqualTo(Strategies.TREND);
    }

    @Test
    void switchesToTheDefensiveVariantAtHalfTheDrawdownAlert() {
        // given a drawdown just under 5 % (half the default 10 % alert)
        assertThat(play("0.0499")).isEmpty();
        assertThat(active.current()).isEqualTo(Strategies.TREND);

        // when it reaches 5 %
        List<Emit> emitted = play("0.05");

        // then the defensive variant takes over
        assertThat(emitted).hasSize(1);
        assertThat(emitted.get(0).type()).isEqualTo(AI_STRATEGY_CHANGED);
        assertThat(emitted.get(0).payload()).isEqualTo(
                new StrategyChanged("ma_crossover", "ma_crossover_defensive", "drawdown 0.05 >= 0.05"));
        assertThat(active.current()).isEqualTo(Strategies.DEFENSIVE);
    }

    @Test
    void returnsToTheTrendStrategyOnlyOnceDrawdownIsBackToTwoPercent() {
        // given the defensive variant is active
        assertThat(play("0.07")).hasSize(1);

        // when the drawdown eases to 3 %, it stays defensive (hysteresis)
        assertThat(play("0.03")).isEmpty();
        assertThat(active.current()).isEqualTo(Strategies.DEFENSIVE);

        // then at 2 % the trend strategy is back
        assertThat(play("0.02")).extracting(Emit::payload).containsExactly(
                new StrategyChanged("ma_crossover_defensive", "ma_crossover", "drawdown 0.02 <= 0.02"));
        assertThat(active.current()).isEqualTo(Strategies.TREND);
    }

    @Test
    void followsTheDrawdownAlertOfThePolicy() {
        // given an operator who alerts at 4 % drawdown: defensive from 2 %
        Policy p = fixture.policy();
        fixture.policy(p.with("drawdown_alert", new BigDecimal("0.04")));

        // when / then
        assertThat(play("0.02")).extracting(e -> ((StrategyChanged) e.payload()).strategyId())
                .containsExactly("ma_crossover_defensive");
    }

    @Test
    void ignoresASnapshotOlderThanItsLastDecision() {
        // given a decision taken on the 10:00 snapshot
        assertThat(selector.handle(fixture.inbound(PORTFOLIO_PERFORMANCE,
                snapshotAt(DomainFixture.START.plus(Duration.ofHours(10)), "0.01")))).isEmpty();

        // when a late 09:00 snapshot shows a deep drawdown
        List<Emit> emitted = selector.handle(fixture.inbound(PORTFOLIO_PERFORMANCE,
                snapshotAt(DomainFixture.START.plus(Duration.ofHours(9)), "0.09")));

        // then it does not switch
        assertThat(emitted).isEmpty();
        assertThat(active.current()).isEqualTo(Strategies.TREND);
    }

    @Test
    void keepsItsChoiceAcrossARestart() {
        // given the defensive variant chosen by one instance
        play("0.06");

        // when a new instance sees 3 % drawdown
        List<Emit> emitted = new MetaStrategySelector(fixture.services())
                .handle(fixture.inbound(PORTFOLIO_PERFORMANCE, snapshot("0.03")));

        // then it knows it is defensive and keeps it
        assertThat(emitted).isEmpty();
        assertThat(new ActiveStrategy(fixture.state()).current()).isEqualTo(Strategies.DEFENSIVE);
    }

    @Test
    void handlingTheSameSnapshotTwiceThroughTheRuntimeEqualsHandlingItOnce() {
        // given the runtime around the selector
        List<BusEvent> published = new ArrayList<>();
        HandlerRuntime runtime = fixture.runtime(
                new HandlerDefinition("meta_strategy_selector", Domain.AI_ENGINE, selector), published::add);
        BusEvent deep = fixture.busEvent(PORTFOLIO_PERFORMANCE, snapshot("0.08"));

        // when it is delivered twice
        HandlerOutcome first = runtime.dispatch(deep);
        String state = fixture.state().get(ActiveStrategy.KEY).orElseThrow();
        HandlerOutcome second = runtime.dispatch(deep);

        // then one switch
        assertThat(first.status()).isEqualTo(HandlerOutcome.Status.HANDLED);
        assertThat(second.status()).isEqualTo(HandlerOutcome.Status.DUPLICATE);
        assertThat(published).extracting(BusEvent::name).containsExactly("ai.strategy.changed");
        assertThat(fixture.state().get(ActiveStrategy.KEY)).contains(state);
    }
}
