package com.quantumtrader.execution.marketdata;

import com.quantumtrader.events.market.PriceBars;
import com.quantumtrader.events.market.MarketPriceUpdate;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.quantumtrader.events.EventJson;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SyntheticMarketDataTest {

    private static final Instant START = Instant.parse("2024-01-01T00:00:00Z");
    private static final List<String> SYMBOLS = List.of("BTCUSDT", "ETHUSDT", "SOLUSDT");

    private static List<MarketPriceUpdate> generate(long seed, int intervals) {
        SyntheticMarketData feed = new SyntheticMarketData(seed, SYMBOLS, START, Duration.ofHours(1));
        List<MarketPriceUpdate> bars = new ArrayList<>();
        for (int i = 0; i < intervals; i++) {
            bars.addAll(feed.next());
        }
        return bars;
    }

    @Test
    void theSameSeedGivesByteIdenticalBars() {
        String first = EventJson.write(generate(42, 200));
        String second = EventJson.write(generate(42, 200));

        assertThat(first).isEqualTo(second);
    }

    @Test
    void anotherSeedGivesAnotherMarket() {
        assertThat(generate(43, 50)).isNotEqualTo(generate(42, 50));
    }

    @Test
    void givesOneBarPerSymbolPerIntervalOnConsecutiveHours() {
        SyntheticMarketData feed = new SyntheticMarketData(1, SYMBOLS, START, Duration.ofHours(1));

        List<MarketPriceUpdate> first = feed.next();
        List<MarketPriceUpdate> second = feed.next();

        assertThat(first).extracting(MarketPriceUpdate::symbol).containsExactlyElementsOf(SYMBOLS);
        assertThat(first).extracting(MarketPriceUpdate::openTime).containsOnly(START);
        assertThat(first).extracting(MarketPriceUpdate::interval).containsOnly("1h");
        assertThat(second).extracting(MarketPriceUpdate::openTime).containsOnly(START.plus(Duration.ofHours(1)));
        for (int i = 0; i < SYMBOLS.size(); i++) {
            assertThat(second.get(i).open()).as("opens at the previous close").isEqualTo(first.get(i).close());
        }
    }

    @Test
    void startsNearEachSymbolsUsualPriceWithItsInstrumentsTick() {
        List<MarketPriceUpdate> first = new SyntheticMarketData(7, SYMBOLS, START, Duration.ofMinutes(15)).next();

        assertThat(first.get(0).open()).isEqualByComparingTo("60000.0");
        assertThat(first.get(1).open()).isEqualByComparingTo("3000.00");
        assertThat(first.get(2).open()).as("SOLUSDT: 50 x its minimum price 0.4200").isEqualByComparingTo("21.00");
        assertThat(first).extracting(MarketPriceUpdate::interval).containsOnly("15m");
    }

    @Test
    void everyBarIsConsistentOnTheTickWithPositiveVolume() {
        Map<String, BigDecimal> ticks = Map.of("BTCUSDT", new BigDecimal("0.10"), "ETHUSDT", new BigDecimal("0.01"),
                "SOLUSDT", new BigDecimal("0.01"));

        for (MarketPriceUpdate bar : generate(5, 1000)) {
            BigDecimal tick = ticks.get(bar.symbol());
            for (BigDecimal price : List.of(bar.open(), bar.high(), bar.low(), bar.close())) {
                assertThat(price.remainder(tick)).as("%s on tick", price).isEqualByComparingTo("0");
            }
            assertThat(bar.volume()).isPositive();
            assertThat(bar.high()).isGreaterThanOrEqualTo(bar.open().max(bar.close()));
            assertThat(bar.low()).isLessThanOrEqualTo(bar.open().min(bar.close())).isPositive();
        }
    }

    @Test
    void visitsEveryRegimeAndTheyDifferMeasurably() {
        SyntheticMarketData feed = new SyntheticMarketData(11, List.of("BTCUSDT"), START, Duration.ofHours(1));
        Map<Regime, List<Double>> returns = new EnumMap<>(Regime.class);
        Map<Regime, List<Double>> ranges = new EnumMap<>(Regime.class);
        for (int i = 0; i < 6000; i++) {
            MarketPriceUpdate bar = feed.next().get(0);
            returns.computeIfAbsent(feed.regime(), r -> new ArrayList<>())
                    .add(Math.log(bar.close().doubleValue() / bar.open().doubleValue()));
            ranges.computeIfAbsent(feed.regime(), r -> new ArrayList<>())
                    .add((bar.high().doubleValue() - bar.low().doubleValue()) / bar.open().doubleValue());
        }

        assertThat(returns).containsOnlyKeys(Regime.values());
        assertThat(returns.values()).allSatisfy(r -> assertThat(r).hasSizeGreaterThan(300));
        assertThat(mean(ranges.get(Regime.VOLATILE))).isGreaterThan(3 * mean(ranges.get(Regime.RANGING)));
        assertThat(stdev(returns.get(Regime.VOLATILE))).isGreaterThan(3 * stdev(returns.get(Regime.TRENDING_UP)));
        assertThat(mean(returns.get(Regime.TRENDING_UP))).isGreaterThan(0.0005);
        assertThat(mean(returns.get(Regime.TRENDING_DOWN))).isLessThan(-0.0005);
        assertThat(Math.abs(mean(returns.get(Regime.RANGING)))).isLessThan(0.0005);
    }

    @Test
    void namesIntervalsTheWayBinanceDoes() {
        assertThat(PriceBars.intervalName(Duration.ofMinutes(1))).isEqualTo("1m");
        assertThat(PriceBars.intervalName(Duration.ofHours(4))).isEqualTo("4h");
        assertThat(PriceBars.intervalName(Duration.ofDays(1))).isEqualTo("1d");
        assertThat(PriceBars.intervalName(Duration.ofDays(7))).isEqualTo("1w");
        assertThat(PriceBars.intervalName(Duration.ofSeconds(30))).isEqualTo("30s");
    }

    @Test
    void refusesNoSymbolsRepeatedSymbolsAndEmptyIntervals() {
        assertThatThrownBy(() -> new SyntheticMarketData(1, List.of(), START, Duration.ofHours(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SyntheticMarketData(1, List.of("BTCUSDT", "BTCUSDT"), START, Duration.ofHours(1)))
                .hasMessageContaining("without repeats");
        assertThatThrownBy(() -> new SyntheticMarketData(1, SYMBOLS, START, Duration.ZERO))
                .hasMessageContaining("positive whole number of seconds");
    }

    private static double mean(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
    }

    private static double stdev(List<Double> values) {
        double mean = mean(values);
        return Math.sqrt(values.stream().mapToDouble(v -> (v - mean) * (v - mean)).sum() / (values.size() - 1));
    }
}
