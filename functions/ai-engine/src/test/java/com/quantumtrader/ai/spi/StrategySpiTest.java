package com.quantumtrader.ai.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.example.breakout.BreakoutStrategyFactory;
import com.quantumtrader.core.instrument.Instrument;
import com.quantumtrader.core.instrument.InstrumentCatalog;
import com.quantumtrader.events.Side;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.ta4j.core.BarSeries;

class StrategySpiTest {

    private static final Instant START = Instant.parse("2024-01-01T00:00:00Z");
    private static final Instrument BTC = InstrumentCatalog.bundled().find("BTCUSDT").orElseThrow();

    /** {@code count} hourly bars closing at {@code base}, high/low +/- 10, then one closing at {@code last}. */
    private static BarSeries flatThenClose(int count, String base, String last) {
        BarSeries series = StrategySeries.create("BTCUSDT", 500);
        for (int i = 0; i <= count; i++) {
            BigDecimal close = new BigDecimal(i < count ? base : last);
            Instant closeTime = START.plus(Duration.ofHours(i + 1L));
            StrategySeries.append(series, closeTime.minus(Duration.ofHours(1)), closeTime, close,
                    close.add(BigDecimal.TEN).max(close), close.subtract(BigDecimal.TEN), close, BigDecimal.ONE);
        }
        return series;
    }

    @Test
    void discoversAStrategyListedInMetaInfServices() {
        // given the example's META-INF/services entry on the test class path
        // when the catalog is discovered
        StrategyCatalog catalog = StrategyCatalog.discover(getClass().getClassLoader());

        // then the example is found by its id
        assertThat(catalog.find("donchian_breakout")).get().isInstanceOf(BreakoutStrategyFactory.class);
        assertThat(catalog.find("no_such_strategy")).isEmpty();
    }

    @Test
    void fillsDefaultsForParametersThePolicyLeavesOut() {
        StrategyParameters parameters = new BreakoutStrategyFactory().validate(Map.of("lookback", 10));

        assertThat(parameters.integer("lookback")).isEqualTo(10);
        assertThat(parameters.decimal("platt_a")).isZero();
        assertThat(parameters.asMap()).containsOnlyKeys("lookback", "platt_a", "platt_b");
    }

    @Test
    void refusesAnUnknownParameterNamingTheField() {
        assertThatThrownBy(() -> new BreakoutStrategyFactory().validate(Map.of("look_back", 10)))
                .isInstanceOf(InvalidStrategyParameterException.class)
                .hasMessageStartingWith("donchian_breakout.look_back: unknown parameter");
    }

    @Test
    void refusesAFractionalIntegerAndAValueOutOfBounds() {
        BreakoutStrategyFactory factory = new BreakoutStrategyFactory();

        assertThatThrownBy(() -> factory.validate(Map.of("lookback", 2.5)))
                .hasMessage("donchian_breakout.lookback: must be a whole number but is 2.5");
        assertThatThrownBy(() -> factory.validate(Map.of("lookback", 501)))
                .hasMessage("donchian_breakout.lookback: must be at most 500 but is 501");
        assertThatThrownBy(() -> factory.validate(Map.of("platt_a", "steep")))
                .hasMessage("donchian_breakout.platt_a: must be a number but is steep");
    }

    @Test
    void exampleGoesLongOnACloseAboveThePreviousHighestHighWithTickRoundedStopAndTarget() {
        // given 100 flat bars at 40000 (high 40010) and a close at 40100
        BarSeries series = flatThenClose(100, "40000", "40100");
        StrategyFactory factory = new BreakoutStrategyFactory();
        Strategy strategy = factory.create(series, BTC, factory.validate(Map.of("lookback", 20)));

        // when it decides on the last bar, and on the flat bar before it
        Optional<TradeIntent> breakout = strategy.decide(series.getEndIndex());
        Optional<TradeIntent> flat = strategy.decide(series.getEndIndex() - 1);

        // then long on the breakout only; stop and target on the 0.10 tick grid around the close
        assertThat(flat).isEmpty();
        TradeIntent intent = breakout.orElseThrow();
        assertThat(intent.side()).isEqualTo(Side.LONG);
        assertThat(intent.confidence()).isEqualTo(0.5);
        assertThat(intent.producedBy()).isEqualTo("donchian_breakout@v1");
        assertThat(intent.inconsistencyWith(new BigDecimal("40100"), BTC.tickSize())).isNull();
        assertThat(intent.stop().scale()).isEqualTo(BTC.tickSize().scale());
    }

    @Test
    void aTradeIntentRefusesAConfidenceThatIsNotAProbability() {
        assertThatThrownBy(() -> new TradeIntent(Side.LONG, 1.2, 3, BigDecimal.ONE, BigDecimal.TEN, "x@v1"))
                .hasMessageContaining("confidence must be a probability in [0, 1] but is 1.2");
        assertThatThrownBy(() -> new TradeIntent(Side.LONG, Double.NaN, 3, BigDecimal.ONE, BigDecimal.TEN, "x@v1"))
                .hasMessageContaining("confidence must be a probability");
    }

    @Test
    void namesAnIntentWhoseStopIsOnTheWrongSideOrOffTheTickGrid() {
        TradeIntent wrongSide = new TradeIntent(Side.SHORT, 0.6, 1, new BigDecimal("99.0"), new BigDecimal("90.0"),
                "x@v1");
        TradeIntent offGrid = new TradeIntent(Side.LONG, 0.6, 1, new BigDecimal("99.05"), new BigDecimal("110.0"),
                "x@v1");

        assertThat(wrongSide.inconsistencyWith(new BigDecimal("100"), new BigDecimal("0.1")))
                .startsWith("SHORT needs stop above and target below the close 100");
        assertThat(offGrid.inconsistencyWith(new BigDecimal("100"), new BigDecimal("0.1")))
                .isEqualTo("stop 99.05 and target 110.0 must be multiples of the tick 0.1");
    }

    @Test
    void theReadmeWorkedExampleIsTheCompiledAndTestedExample() throws IOException {
        String example = Files.readString(Path.of("src/test/java/com/example/breakout/BreakoutStrategyFactory.java"));
        String readme = Files.readString(Path.of("README.md"));

        assertThat(readme).contains(example.strip());
    }
}
