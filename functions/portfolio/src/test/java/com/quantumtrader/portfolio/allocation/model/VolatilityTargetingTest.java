package com.quantumtrader.portfolio.allocation.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.quantumtrader.events.portfolio.AllocationUpdated;
import com.quantumtrader.events.portfolio.CapitalAllocation;
import com.quantumtrader.portfolio.market.model.Bars;
import com.quantumtrader.portfolio.market.model.SymbolHistory;
import com.quantumtrader.portfolio.settings.PortfolioSettings;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Volatility targeting on values alone, default settings: target 0.20, slot cap 0.50, symbol cap 0.40, drift 0.05,
 * over 49 hourly closes alternating between two prices.
 */
class VolatilityTargetingTest {

    private static final BigDecimal EQUITY = new BigDecimal("10000");
    private static final Instant NOW = Instant.parse("2024-03-03T02:00:00Z");

    private final VolatilityTargeting targeting = new VolatilityTargeting(PortfolioSettings.defaults());

    private static SymbolHistory alternating(String symbol, String a, String b) {
        return Bars.hourly(symbol, "10", IntStream.range(0, 49).mapToObj(i -> i % 2 == 0 ? a : b)
                .toArray(String[]::new));
    }

    private static CapitalAllocation slot(String strategy, String weight) {
        return new CapitalAllocation(strategy, "BTCUSDT", new BigDecimal("0.9"), new BigDecimal(weight),
                EQUITY.multiply(new BigDecimal(weight)), false);
    }

    @Test
    void eachEnabledStrategyGetsTargetVolatilityOverSlotsTimesTheSymbolsVolatility() {
        List<CapitalAllocation> allocations = targeting.allocate(List.of(alternating("BTCUSDT", "30000", "30300")),
                Map.of("trend", true, "reversion", true, "off", false), EQUITY);

        assertThat(allocations).extracting(CapitalAllocation::strategyId).containsExactly("reversion", "trend");
        CapitalAllocation first = allocations.get(0);
        BigDecimal expected = new BigDecimal("0.20").divide(new BigDecimal("2").multiply(first.volatility(),
                MathContext.DECIMAL64), MathContext.DECIMAL64).setScale(8, RoundingMode.DOWN);
        assertThat(first.weight()).isEqualTo(expected);
        assertThat(first.capital()).isEqualByComparingTo(EQUITY.multiply(expected));
        assertThat(first.capped()).isFalse();
    }

    @Test
    void aQuietSymbolIsCappedAtTheSymbolShare() {
        List<CapitalAllocation> allocations = targeting.allocate(List.of(alternating("BTCUSDT", "30000", "30003")),
                Map.of("trend", true), EQUITY);

        assertThat(allocations).singleElement().satisfies(a -> {
            assertThat(a.weight()).isEqualByComparingTo("0.40");
            assertThat(a.capped()).isTrue();
        });
    }

    @Test
    void allocatesNothingWithoutAVolatilityEstimate() {
        assertThat(targeting.allocate(List.of(Bars.hourly("BTCUSDT", "10", "30000", "30300")),
                Map.of("trend", true), EQUITY)).isEmpty();
    }

    @Test
    void theFirstAllocationIsPublishedAsInitial() {
        Optional<AllocationUpdated> update = targeting.rebalance(Optional.empty(), List.of(slot("trend", "0.2")),
                EQUITY, NOW);

        assertThat(update).hasValueSatisfying(u -> assertThat(u.reason()).isEqualTo("INITIAL"));
    }

    @Test
    void aWeightMovedWithinTheDriftIsNotRepublished() {
        AllocationUpdated last = targeting.rebalance(Optional.empty(), List.of(slot("trend", "0.2")), EQUITY, NOW)
                .orElseThrow();

        assertThat(targeting.rebalance(Optional.of(last), List.of(slot("trend", "0.24")), EQUITY, NOW)).isEmpty();
    }

    @Test
    void aWeightMovedBeyondTheDriftOrANewSlotIsRepublishedAsDrift() {
        AllocationUpdated last = targeting.rebalance(Optional.empty(), List.of(slot("trend", "0.2")), EQUITY, NOW)
                .orElseThrow();

        assertThat(targeting.rebalance(Optional.of(last), List.of(slot("trend", "0.26")), EQUITY, NOW))
                .hasValueSatisfying(u -> assertThat(u.reason()).isEqualTo("DRIFT"));
        assertThat(targeting.rebalance(Optional.of(last), List.of(slot("trend", "0.2"), slot("reversion", "0.2")),
                EQUITY, NOW)).isPresent();
    }
}
