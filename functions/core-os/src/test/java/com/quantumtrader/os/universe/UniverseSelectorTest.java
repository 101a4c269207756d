package com.quantumtrader.os.universe;

import static com.quantumtrader.events.EventCatalog.AI_SIGNAL_GENERATED;
import static com.quantumtrader.events.EventCatalog.OS_UNIVERSE_UPDATED;
import static com.quantumtrader.events.EventCatalog.PORTFOLIO_LIQUIDITY_RANKED;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.quantumtrader.core.handler.Emit;
import com.quantumtrader.core.handler.HandlerDefinition;
import com.quantumtrader.core.handler.HandlerOutcome;
import com.quantumtrader.core.handler.HandlerRuntime;
import com.quantumtrader.core.handler.InboundEvent;
import com.quantumtrader.events.BusEvent;
import com.quantumtrader.events.Domain;
import com.quantumtrader.events.EventEnvelope;
import com.quantumtrader.events.EventJson;
import com.quantumtrader.events.Side;
import com.quantumtrader.events.ai.SignalGenerated;
import com.quantumtrader.events.os.UniverseUpdated;
import com.quantumtrader.events.portfolio.LiquidityRanked;
import com.quantumtrader.events.portfolio.SymbolLiquidity;
import com.quantumtrader.os.flow.SignalFlowMonitor;
import com.quantumtrader.os.universe.model.UniverseRules;
import com.quantumtrader.core.testing.DomainFixture;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UniverseSelectorTest {

    private final DomainFixture fixture = new DomainFixture();
    private final ActiveUniverse universe = new ActiveUniverse(fixture.services());
    private final UniverseSelector selector = new UniverseSelector(universe);
    private final SignalFlowMonitor monitor = new SignalFlowMonitor(fixture.services(), universe);

    /**
     * Portfolio's ranking at {@code hours} after START: {@code eligible} most liquid first (volume 900 M, 800 M, …),
     * and one excluded candidate, as the liquidity filter lists them.
     */
    private static LiquidityRanked ranking(int hours, String... eligible) {
        List<SymbolLiquidity> candidates = new ArrayList<>();
        for (int i = 0; i < eligible.length; i++) {
            BigDecimal volume = BigDecimal.valueOf(900_000_000L - 100_000_000L * i);
            candidates.add(new SymbolLiquidity(eligible[i], i + 1, true, volume, new BigDecimal("0.5"),
                    new BigDecimal("0.6"), new BigDecimal("100"), 400, null));
        }
        candidates.add(new SymbolLiquidity("NEWUSDT", 0, false, new BigDecimal("1000"), new BigDecimal("9"),
                new BigDecimal("2"), new BigDecimal("0.01"), 3, "24h quote volume 1000 below 50000000"));
        return new LiquidityRanked(DomainFixture.START.plus(Duration.ofHours(hours)), List.of(eligible),
                List.copyOf(candidates));
    }

    private List<Emit> rank(LiquidityRanked ranking) {
        fixture.clock().advanceTo(ranking.asOf());
        return selector.handle(fixture.inbound(PORTFOLIO_LIQUIDITY_RANKED, ranking));
    }

    private List<Emit> signal(String symbol, int minutes) {
        fixture.clock().advanceTo(DomainFixture.START.plus(Duration.ofMinutes(minutes)));
        SignalGenerated signal = new SignalGenerated("sig-" + symbol + "-" + minutes, symbol, Side.LONG, 0.6,
                new BigDecimal("2000"), new BigDecimal("1950"), new BigDecimal("2075"), new BigDecimal("2"),
                "ma_crossover", "ma_crossover@v1");
        return monitor.handle(fixture.inbound(AI_SIGNAL_GENERATED, signal));
    }

    @Test
    void rankingNarrowsTheUniverseToItsEligibleSymbolsInRankOrder() {
        // given the operator allows four symbols
        fixture.universe(List.of("BTCUSDT", "ETHUSDT", "SOLUSDT", "BNBUSDT"));

        // when portfolio finds only ETHUSDT and BTCUSDT liquid enough, ETHUSDT first
        List<Emit> emitted = rank(ranking(24, "ETHUSDT", "BTCUSDT"));

        // then
        assertThat(emitted).extracting(Emit::payload).containsExactly(new UniverseUpdated(
                List.of("ETHUSDT", "BTCUSDT"),
                "portfolio.liquidity.ranked as of 2024-01-02T00:00:00Z: removed [SOLUSDT, BNBUSDT], added []; "
                        + "throttled []"));
    }

    @Test
    void keepsOnlyTheTopSixOfTheRanking() {
        // given eight allowed symbols, all eligible
        List<String> eight = List.of("BTCUSDT", "ETHUSDT", "SOLUSDT", "BNBUSDT", "XRPUSDT", "DOGEUSDT", "ADAUSDT",
                "AVAXUSDT");
        fixture.universe(eight);

        // when ranked in reverse policy order
        List<Emit> emitted = rank(ranking(24, "AVAXUSDT", "ADAUSDT", "DOGEUSDT", "XRPUSDT", "BNBUSDT", "SOLUSDT",
                "ETHUSDT", "BTCUSDT"));

        // then the six most liquid, most liquid first
        assertThat(UniverseRules.TOP_N).isEqualTo(6);
        assertThat(emitted).extracting(Emit::payload).containsExactly(new UniverseUpdated(
                List.of("AVAXUSDT", "ADAUSDT", "DOGEUSDT", "XRPUSDT", "BNBUSDT", "SOLUSDT"),
                "portfolio.liquidity.ranked as of 2024-01-02T00:00:00Z: removed [BTCUSDT, ETHUSDT], added []; "
                        + "throttled []"));
    }

    @Test
    void aSymbolOutsideThePolicyNeverEnters() {
        // given the default policy: BTCUSDT and ETHUSDT
        assertThat(fixture.policy().universe()).containsExactly("BTCUSDT", "ETHUSDT");

        // when SOLUSDT ranks first and BTCUSDT is not eligible
        List<Emit> first = rank(ranking(24, "SOLUSDT", "ETHUSDT"));
        // and a day later only SOLUSDT is
        List<Emit> second = rank(ranking(48, "SOLUSDT"));

        // then SOLUSDT is never traded, even when nothing else is left
        assertThat(first).extracting(Emit::payload).containsExactly(new UniverseUpdated(List.of("ETHUSDT"),
                "portfolio.liquidity.ranked as of 2024-01-02T00:00:00Z: removed [BTCUSDT], added []; throttled []"));
        assertThat(second).extracting(Emit::payload).containsExactly(new UniverseUpdated(List.of(),
                "portfolio.liquidity.ranked as of 2024-01-03T00:00:00Z: removed [ETHUSDT], added []; throttled []"));
    }

    @Test
    void throttledSymbolsStayOutAndComeBackWithinTheRanking() {
        // given four allowed symbols and BTCUSDT throttled by the signal-flow monitor after four signals in 3 h
        fixture.universe(List.of("BTCUSDT", "ETHUSDT", "SOLUSDT", "BNBUSDT"));
        for (int minutes : new int[] {0, 60, 120}) {
            assertThat(signal("BTCUSDT", minutes)).isEmpty();
        }
        assertThat(signal("BTCUSDT", 180)).extracting(Emit::payload).contains(new UniverseUpdated(
                List.of("ETHUSDT", "SOLUSDT", "BNBUSDT"), "removed [BTCUSDT], added []; throttled [BTCUSDT]"));

        // when a ranking at 4 h puts BTCUSDT first
        List<Emit> ranked = rank(ranking(4, "BTCUSDT", "ETHUSDT", "SOLUSDT"));

        // then BTCUSDT stays out
        assertThat(ranked).extracting(Emit::payload).containsExactly(new UniverseUpdated(
                List.of("ETHUSDT", "SOLUSDT"),
                "portfolio.liquidity.ranked as of 2024-01-01T04:00:00Z: removed [BNBUSDT], added []; "
                        + "throttled [BTCUSDT]"));
        // and when its flow calms down (an ETHUSDT signal at 9 h 31 min), it returns, but BNBUSDT, out of the
        // ranking, does not
        assertThat(signal("ETHUSDT", 571)).extracting(Emit::payload).containsExactly(new UniverseUpdated(
                List.of("BTCUSDT", "ETHUSDT", "SOLUSDT"), "removed [], added [BTCUSDT]; throttled []"));
    }

    @Test
    void noEventWhenTheRankingLeavesTheSetUnchanged() {
        // given the default universe, BTCUSDT and ETHUSDT, and a first ranking of exactly those
        assertThat(rank(ranking(24, "BTCUSDT", "ETHUSDT"))).isEmpty();

        // when the next one swaps their order
        List<Emit> emitted = rank(ranking(48, "ETHUSDT", "BTCUSDT"));

        // then the set is the same: nothing to say
        assertThat(emitted).isEmpty();
    }

    @Test
    void aRankingOlderThanTheOneInForceChangesNothing() {
        // given a ranking as of day 2 in force
        rank(ranking(48, "ETHUSDT"));
        Map<String, String> before = fixture.snapshot(List.of("universe"));

        // when a delayed ranking as of day 1 arrives
        List<Emit> emitted = selector.handle(fixture.inbound(PORTFOLIO_LIQUIDITY_RANKED,
                ranking(24, "BTCUSDT", "ETHUSDT")));

        // then
        assertThat(emitted).isEmpty();
        assertThat(fixture.snapshot(List.of("universe"))).isEqualTo(before);
    }

    @Test
    void handlingTheSameRankingTwiceThroughTheRuntimeEqualsHandlingItOnce() {
        // given the runtime around the selector
        List<BusEvent> published = new ArrayList<>();
        HandlerRuntime runtime = fixture.runtime(
                new HandlerDefinition("universe_selector", Domain.CORE_OS, selector), published::add);
        BusEvent ranked = fixture.busEvent(PORTFOLIO_LIQUIDITY_RANKED, ranking(24, "ETHUSDT"));

        // when it is delivered twice
        assertThat(runtime.dispatch(ranked).status()).isEqualTo(HandlerOutcome.Status.HANDLED);
        Map<String, String> state = fixture.snapshot(List.of("universe"));
        assertThat(runtime.dispatch(ranked).status()).isEqualTo(HandlerOutcome.Status.DUPLICATE);

        // then one update, and the state of the first delivery
        assertThat(published).extracting(BusEvent::name).containsExactly("os.universe.updated");
        assertThat(new InboundEvent(published.get(0)).payload(OS_UNIVERSE_UPDATED))
                .isEqualTo(new UniverseUpdated(List.of("ETHUSDT"),
                        "portfolio.liquidity.ranked as of 2024-01-02T00:00:00Z: removed [BTCUSDT], added []; "
                                + "throttled []"));
        assertThat(fixture.snapshot(List.of("universe"))).isEqualTo(state);
    }

    @Test
    void aRankingBreakingTheContractIsRejectedAndChangesNothing() {
        // given the runtime around the selector
        List<BusEvent> published = new ArrayList<>();
        HandlerRuntime runtime = fixture.runtime(
                new HandlerDefinition("universe_selector", Domain.CORE_OS, selector), published::add);
        JsonNode payload = EventJson.readTree("""
                {"as_of":"2024-01-02T00:00:00Z","eligible":["eth/usdt"],"candidates":[]}""");
        BusEvent malformed = BusEvent.of("portfolio.liquidity.ranked", new EventEnvelope(
                "01MALFORMED0000000000000000", "trace-malformed", Instant.parse("2024-01-02T00:00:00Z"), "portfolio",
                1, payload));

        // when
        HandlerOutcome outcome = runtime.dispatch(malformed);

        // then
        assertThat(outcome.status()).isEqualTo(HandlerOutcome.Status.REJECTED);
        assertThat(outcome.reason()).contains("eligible");
        assertThat(published).isEmpty();
        assertThat(fixture.state().get("universe")).isEmpty();
    }
}
