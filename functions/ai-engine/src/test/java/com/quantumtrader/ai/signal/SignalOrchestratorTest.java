package com.quantumtrader.ai.signal;

import static com.quantumtrader.events.EventCatalog.AI_SIGNAL_GENERATED;
import static com.quantumtrader.events.EventCatalog.MARKET_PRICE_UPDATE;
import static com.quantumtrader.events.EventCatalog.PORTFOLIO_PERFORMANCE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.quantumtrader.ai.spi.StrategyCatalog;
import com.quantumtrader.ai.spi.StrategyParameters;
import com.quantumtrader.ai.strategy.MetaStrategySelector;
import com.quantumtrader.core.ml.calibration.PlattScaling;
import com.quantumtrader.core.testing.DomainFixture;
import com.quantumtrader.core.handler.Emit;
import com.quantumtrader.core.handler.HandlerDefinition;
import com.quantumtrader.core.handler.HandlerOutcome;
import com.quantumtrader.core.handler.HandlerRuntime;
import com.quantumtrader.events.BusEvent;
import com.quantumtrader.events.Domain;
import com.quantumtrader.events.EventJson;
import com.quantumtrader.events.MalformedEventException;
import com.quantumtrader.events.Side;
import com.quantumtrader.events.ai.SignalGenerated;
import com.quantumtrader.events.market.MarketPriceUpdate;
import com.quantumtrader.events.portfolio.PortfolioPerformance;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SignalOrchestratorTest {

    private final DomainFixture fixture = new DomainFixture();
    private final SignalOrchestrator orchestrator = new SignalOrchestrator(fixture.services(), StrategyCatalog.builtIn());

    /**
     * ETHUSDT closes 2000, 1999, ... 1971 (high/low +/- 10), then 2150. Before the last bar fast(10) = 1975.5 <
     * slow(30) = 1985.5; after it fast = 1992.5 > slow = 1990.5: an upward cross with spread 2.0.
     * ATR(14) = (13 x 20 + 189) / 14 = 32.0714..., so ATR / price = 1.49 %.
     */
    private static List<MarketPriceUpdate> ethUpwardCross(String halfRange) {
        return Bars.trendThenJump("ETHUSDT", "2000", "-1", 30, "2150", halfRange);
    }

    private List<Emit> play(SignalOrchestrator handler, List<MarketPriceUpdate> bars) {
        List<Emit> emitted = new ArrayList<>();
        for (MarketPriceUpdate bar : bars) {
            emitted.addAll(handler.handle(fixture.inbound(MARKET_PRICE_UPDATE, bar)));
        }
        return emitted;
    }

    @Test
    void emitsLongSignalOnUpwardCrossWithAtrStopAndTargetRoundedToTheTick() {
        // given a warmed-up window whose last bar crosses the fast average above the slow one
        List<MarketPriceUpdate> bars = ethUpwardCross("10");

        // when the bars are played
        List<Emit> emitted = play(orchestrator, bars);

        // then exactly one signal, on the last bar
        assertThat(emitted).hasSize(1);
        Emit emit = emitted.get(0);
        assertThat(emit.type()).isEqualTo(AI_SIGNAL_GENERATED);
        assertThat(emit.traceId()).isEqualTo(Emit.NEW_TRACE);
        SignalGenerated signal = (SignalGenerated) emit.payload();
        assertThat(signal.signalId()).isEqualTo("sig-ETHUSDT-" + Bars.closeTime(30).getEpochSecond());
        assertThat(signal.signalId()).isEqualTo("sig-ETHUSDT-1704178800");
        assertThat(signal.symbol()).isEqualTo("ETHUSDT");
        assertThat(signal.side()).isEqualTo(Side.LONG);
        assertThat(signal.referencePrice()).isEqualByComparingTo("2150");
        // stop = 2150 - 2 x 32.0714... = 2085.857... ; target = 2150 + 3 x 32.0714... = 2246.214...
        assertThat(signal.stopPrice()).isEqualTo(new BigDecimal("2085.86"));
        assertThat(signal.targetPrice()).isEqualTo(new BigDecimal("2246.21"));
        // no quantity: risk sizes
        assertThat(signal.requestedQuantity()).isNull();
        // score |fast - slow| / ATR = 2.0 / 32.0714..., through the rule's fitted Platt scaling
        assertThat(signal.confidence()).isEqualTo(calibrated("ma_crossover", 2.0 / (449.0 / 14)));
        assertThat(signal.strategyId()).isEqualTo("ma_crossover");
        assertThat(signal.modelId()).isEqualTo("ma_crossover@v1");
    }

    @Test
    void emitsShortSignalOnDownwardCrossRoundedToTheBitcoinTick() {
        // given BTCUSDT closes 60000, 60010, ... 60290 (high/low +/- 50), then a drop to 58500:
        // fast 60075 < slow 60095 after it; ATR = (13 x 100 + 1840) / 14 = 224.2857...
        List<MarketPriceUpdate> bars = Bars.trendThenJump("BTCUSDT", "60000", "10", 30, "58500", "50");

        // when
        List<Emit> emitted = play(orchestrator, bars);

        // then stop = 58500 + 448.571... -> 58948.6 and target = 58500 - 672.857... -> 57827.1 on the 0.10 tick
        assertThat(emitted).hasSize(1);
        SignalGenerated signal = (SignalGenerated) emitted.get(0).payload();
        assertThat(signal.side()).isEqualTo(Side.SHORT);
        assertThat(signal.referencePrice()).isEqualByComparingTo("58500");
        assertThat(signal.stopPrice()).isEqualTo(new BigDecimal("58948.60"));
        assertThat(signal.targetPrice()).isEqualTo(new BigDecimal("57827.10"));
        assertThat(signal.requestedQuantity()).isNull();
        // score 20 / 224.2857...
        assertThat(signal.confidence()).isEqualTo(calibrated("ma_crossover", 20 / (3140.0 / 14)));
    }

    @Test
    void staysSilentUntilTheSlowWindowIsFull() {
        // given only 21 bars: a jump that would cross a 10-bar average above a 20-bar one, but 30 are needed
        List<MarketPriceUpdate> bars = Bars.trendThenJump("ETHUSDT", "2000", "-1", 20, "2300", "10");

        // when / then
        assertThat(play(orchestrator, bars)).isEmpty();
    }

    @Test
    void staysSilentWithoutACross() {
        // given 40 bars falling steadily: fast stays below slow
        List<MarketPriceUpdate> bars = Bars.trendThenJump("ETHUSDT", "2000", "-1", 39, "1960", "10");

        // when / then
        assertThat(play(orchestrator, bars)).isEmpty();
    }

    @Test
    void suppressesACrossInADeadMarket() {
        // given closes moving 0.10 a bar with +/- 0.20 ranges, then 2013: a cross (2013 > 2000 + 120 x 0.1),
        // but ATR = (13 x 0.4 + 16.1) / 14 = 1.52 is 0.076 % of price, under the 0.1 % floor
        List<MarketPriceUpdate> bars = Bars.trendThenJump("ETHUSDT", "2000", "-0.1", 30, "2013", "0.2");

        // when / then
        assertThat(play(orchestrator, bars)).isEmpty();
    }

    @Test
    void suppressesACrossInAChaoticMarket() {
        // given the happy-path closes with +/- 40 ranges: ATR = (13 x 80 + 219) / 14 = 89.9, 4.2 % of price > 3 %
        List<MarketPriceUpdate> bars = ethUpwardCross("40");

        // when / then
        assertThat(play(orchestrator, bars)).isEmpty();
    }

    @Test
    void defensiveStrategySignalsUnderItsOwnIdsAndSkipsMarketsTheTrendStrategyTrades() {
        // given the meta-strategy selector switched to the defensive variant (6 % drawdown >= 5 %)
        new MetaStrategySelector(fixture.services()).handle(fixture.inbound(PORTFOLIO_PERFORMANCE,
                performance(new BigDecimal("0.06"))));

        // when the happy-path cross is played (ATR 1.49 % of price, inside the defensive 1.5 % ceiling)
        List<Emit> calm = play(orchestrator, ethUpwardCross("10"));

        // then it signals under the defensive ids, with the defensive rule's own calibration
        assertThat(calm).hasSize(1);
        SignalGenerated signal = (SignalGenerated) calm.get(0).payload();
        assertThat(signal.strategyId()).isEqualTo("ma_crossover_defensive");
        assertThat(signal.modelId()).isEqualTo("ma_crossover_defensive@v1");
        assertThat(signal.confidence()).isEqualTo(calibrated("ma_crossover_defensive", 2.0 / (449.0 / 14)));

        // and a BTCUSDT cross with ATR at 1.67 % of price (inside the trend band) is filtered out
        List<MarketPriceUpdate> livelier = Bars.trendThenJump("BTCUSDT", "2000", "-1", 30, "2150", "12");
        assertThat(play(orchestrator, livelier)).isEmpty();
        DomainFixture trendOnly = new DomainFixture();
        assertThat(play(new SignalOrchestrator(trendOnly.services(), StrategyCatalog.builtIn()), livelier)).hasSize(1);
    }

    @Test
    void ignoresSymbolsOutsideThePolicyUniverse() {
        // given a universe without ETHUSDT
        fixture.universe(List.of("BTCUSDT"));

        // when / then
        assertThat(play(orchestrator, ethUpwardCross("10"))).isEmpty();
    }

    @Test
    void ignoresCrossesWhileThePolicyDisablesTheStrategy() {
        // given the trend strategy switched off
        fixture.strategies(Map.of("ma_crossover", false));

        // when / then
        assertThat(play(orchestrator, ethUpwardCross("10"))).isEmpty();
    }

    @Test
    void keepsItsWindowAcrossARestart() {
        // given 30 bars seen by one instance
        List<MarketPriceUpdate> bars = ethUpwardCross("10");
        assertThat(play(orchestrator, bars.subList(0, 30))).isEmpty();

        // when a new instance over the same state gets the crossing bar
        SignalOrchestrator restarted = new SignalOrchestrator(fixture.services(), StrategyCatalog.builtIn());
        List<Emit> emitted = play(restarted, bars.subList(30, 31));

        // then it signals as if it had never stopped
        assertThat(emitted).hasSize(1);
        assertThat(((SignalGenerated) emitted.get(0).payload()).stopPrice()).isEqualTo(new BigDecimal("2085.86"));
    }

    @Test
    void ignoresAReplayedBarAndIntraBarMoves() {
        // given the crossing bar was handled once
        List<MarketPriceUpdate> bars = ethUpwardCross("10");
        assertThat(play(orchestrator, bars)).hasSize(1);
        String window = fixture.state().get("bars:ETHUSDT:1h").orElseThrow();

        // when the same bar comes again (a new event) and a LARGE_MOVE update arrives
        MarketPriceUpdate last = bars.get(30);
        MarketPriceUpdate largeMove = new MarketPriceUpdate(last.symbol(), last.interval(), last.openTime(),
                last.closeTime().plusSeconds(600), last.open(), last.high(), last.low(), last.close(), last.volume(),
                MarketPriceUpdate.LARGE_MOVE);

        // then neither signals nor changes the window
        assertThat(play(orchestrator, List.of(last, largeMove))).isEmpty();
        assertThat(fixture.state().get("bars:ETHUSDT:1h")).contains(window);
    }

    @Test
    void rejectsABarWhoseCloseLiesOutsideItsRange() {
        // given a close above the high
        MarketPriceUpdate good = Bars.bar("ETHUSDT", 0, "2000", "10");
        MarketPriceUpdate broken = new MarketPriceUpdate(good.symbol(), good.interval(), good.openTime(),
                good.closeTime(), good.open(), good.high(), good.low(), new BigDecimal("2011"), good.volume(),
                good.reason());

        // when / then
        assertThatThrownBy(() -> orchestrator.handle(fixture.inbound(MARKET_PRICE_UPDATE, broken)))
                .isInstanceOf(MalformedEventException.class)
                .hasMessageContaining("outside low 1990 .. high 2010");
        assertThat(fixture.state().get("bars:ETHUSDT:1h")).isEmpty();
    }

    @Test
    void handlingTheCrossingBarTwiceThroughTheRuntimeEqualsHandlingItOnce() {
        // given the runtime around the orchestrator, warmed up with 30 bars
        List<BusEvent> published = new ArrayList<>();
        HandlerRuntime runtime = fixture.runtime(
                new HandlerDefinition("signal_orchestrator", Domain.AI_ENGINE, orchestrator), published::add);
        List<MarketPriceUpdate> bars = ethUpwardCross("10");
        bars.subList(0, 30).forEach(b -> runtime.dispatch(fixture.busEvent(MARKET_PRICE_UPDATE, b)));
        BusEvent crossing = fixture.busEvent(MARKET_PRICE_UPDATE, bars.get(30));

        // when the crossing bar is delivered twice
        HandlerOutcome first = runtime.dispatch(crossing);
        String windowAfterFirst = fixture.state().get("bars:ETHUSDT:1h").orElseThrow();
        HandlerOutcome second = runtime.dispatch(crossing);

        // then one signal was published and the second delivery changed nothing
        assertThat(first.status()).isEqualTo(HandlerOutcome.Status.HANDLED);
        assertThat(second.status()).isEqualTo(HandlerOutcome.Status.DUPLICATE);
        assertThat(published).hasSize(1);
        assertThat(published.get(0).name()).isEqualTo("ai.signal.generated");
        assertThat(published.get(0).source()).isEqualTo("quantum.ai_engine");
        assertThat(published.get(0).traceId()).isNotEqualTo(crossing.traceId());
        assertThat(EventJson.convert(published.get(0).envelope().payload(), SignalGenerated.class).side())
                .isEqualTo(Side.LONG);
        assertThat(fixture.state().get("bars:ETHUSDT:1h")).contains(windowAfterFirst);
    }

    /** The rule's default Platt scaling of {@code score}, rounded to 4 decimals as signals carry it. */
    private static double calibrated(String strategyId, double score) {
        StrategyParameters defaults = StrategyCatalog.builtIn().find(strategyId).orElseThrow().validate(Map.of());
        double p = new PlattScaling(defaults.decimal("platt_a"), defaults.decimal("platt_b")).calibrate(score);
        return Math.round(p * 1e4) / 1e4;
    }

    private static PortfolioPerformance performance(BigDecimal drawdown) {
        return new PortfolioPerformance(DomainFixture.START, new BigDecimal("9400"), new BigDecimal("10000"),
                drawdown, new BigDecimal("-600"), BigDecimal.ZERO, new BigDecimal("12"), 0, 5, new BigDecimal("0.2"));
    }
}
