package com.quantumtrader.portfolio;

import static com.quantumtrader.events.EventCatalog.PORTFOLIO_ALLOCATION_UPDATED;
import static com.quantumtrader.events.EventCatalog.PORTFOLIO_LIQUIDITY_RANKED;
import static com.quantumtrader.portfolio.PortfolioFixture.only;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.quantumtrader.core.handler.Emit;
import com.quantumtrader.events.EventValidator;
import com.quantumtrader.events.portfolio.AllocationUpdated;
import com.quantumtrader.events.portfolio.CapitalAllocation;
import com.quantumtrader.events.portfolio.LiquidityRanked;
import com.quantumtrader.events.portfolio.SymbolLiquidity;
import com.quantumtrader.portfolio.settings.MarketProfile;
import com.quantumtrader.portfolio.settings.PortfolioSettings;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The balance allocator (volatility targeting, caps, drift) and the liquidity ranking over 49 hourly bars per
 * symbol whose closes alternate between two prices, so each volatility has a closed form.
 */
class AllocationAndLiquidityTest {

    private final PortfolioFixture portfolio = new PortfolioFixture(PortfolioSettings.defaults()
            .withProfiles(profiles()));

    private static Map<String, MarketProfile> profiles() {
        Map<String, MarketProfile> profiles = new HashMap<>(PortfolioSettings.defaults().profiles());
        profiles.put("SOLUSDT", new MarketProfile(new BigDecimal("1"), LocalDate.parse("2024-02-10")));
        profiles.put("WIDEUSDT", new MarketProfile(new BigDecimal("12"), LocalDate.parse("2020-01-01")));
        return profiles;
    }

    /** 49 bars ending now, closes a, b, a, b, ... ending on a; the clock moves an hour per bar. */
    private void alternating(Map<String, String[]> closesAndVolume) {
        for (int i = 0; i < 49; i++) {
            portfolio.clock.advance(Duration.ofHours(1));
            for (var entry : closesAndVolume.entrySet()) {
                String[] v = entry.getValue();
                String close = i % 2 == 0 ? v[0] : v[1];
                portfolio.bar(entry.getKey(), close, close, close, v[2]);
            }
        }
    }

    private static void valid(PortfolioFixture portfolio, List<Emit> out) {
        out.forEach(emit -> assertThatCode(() -> EventValidator.validate(portfolio.events.create(emit, "t")))
                .doesNotThrowAnyException());
    }

    @Test
    void sizesEachStrategyAndSymbolByVolatilityWithinTheCaps() {
        // BTC 30000/30300: returns +1 % and -0.990099 %, annualised by sqrt(8760 h): 0.94117077
        // ETH 2000/2000.2: returns +-0.01 %: 0.00945806 (both computed independently with Python's decimal)
        alternating(Map.of("BTCUSDT", new String[] {"30000", "30300", "10"},
                "ETHUSDT", new String[] {"2000", "2000.2", "10"}));

        List<Emit> out = portfolio.job(PortfolioDomain.ALLOCATION_JOB);

        AllocationUpdated allocation = only(out, PORTFOLIO_ALLOCATION_UPDATED);
        valid(portfolio, out);
        assertThat(allocation.reason()).isEqualTo("INITIAL");
        assertThat(allocation.equity()).isEqualByComparingTo("10000");
        assertThat(allocation.allocations()).extracting(CapitalAllocation::strategyId, CapitalAllocation::symbol)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("ma_crossover", "BTCUSDT"),
                        org.assertj.core.groups.Tuple.tuple("ma_crossover", "ETHUSDT"),
                        org.assertj.core.groups.Tuple.tuple("ma_crossover_defensive", "BTCUSDT"),
                        org.assertj.core.groups.Tuple.tuple("ma_crossover_defensive", "ETHUSDT"));
        CapitalAllocation btc = allocation.allocations().get(0);
        // 4 slots: 0.20 / (4 x 0.94117077) = 0.05312532..., rounded down
        assertThat(btc.volatility()).isEqualByComparingTo("0.94117077");
        assertThat(btc.weight()).isEqualByComparingTo("0.05312532");
        assertThat(btc.capital()).isEqualByComparingTo("531.2532");
        assertThat(btc.capped()).isFalse();
        CapitalAllocation eth = allocation.allocations().get(1);
        // 0.20 / (4 x 0.00945806) = 5.29 -> slot cap 0.5; two ETH slots 1.0 > 0.40 share -> 0.2 each
        assertThat(eth.volatility()).isEqualByComparingTo("0.00945806");
        assertThat(eth.weight()).isEqualByComparingTo("0.2");
        assertThat(eth.capped()).isTrue();
        assertThat(allocation.allocations().stream().map(CapitalAllocation::weight)
                .reduce(BigDecimal.ZERO, BigDecimal::add)).isLessThanOrEqualTo(BigDecimal.ONE);
    }

    @Test
    void republishesOnlyWhenAWeightDriftsBeyondTheThreshold() {
        alternating(Map.of("BTCUSDT", new String[] {"30000", "30300", "10"}));
        portfolio.job(PortfolioDomain.ALLOCATION_JOB);

        List<Emit> unchanged = portfolio.job(PortfolioDomain.ALLOCATION_JOB);
        // BTC calms to 30000/30030 (volatility / 10): weight 0.2 / (2 x 0.0941...) = 1.06 -> capped 0.5, then the
        // symbol's two slots 1.0 -> 0.4 share: 0.2 each, a drift of 0.2 - 0.106 > 0.05
        alternating(Map.of("BTCUSDT", new String[] {"30000", "30030", "10"}));
        List<Emit> drifted = portfolio.job(PortfolioDomain.ALLOCATION_JOB);

        assertThat(unchanged).isEmpty();
        AllocationUpdated update = only(drifted, PORTFOLIO_ALLOCATION_UPDATED);
        assertThat(update.reason()).isEqualTo("DRIFT");
        assertThat(update.allocations()).extracting(CapitalAllocation::weight)
                .allSatisfy(w -> assertThat(w).isEqualByComparingTo("0.2"));
    }

    @Test
    void allocatesNothingBeforeAnyVolatilityEstimate() {
        portfolio.bar("BTCUSDT", "30000");

        assertThat(portfolio.job(PortfolioDomain.ALLOCATION_JOB)).isEmpty();
    }

    @Test
    void ranksTheEligibleSymbolsByQuoteVolumeAndSaysWhyTheOthersAreOut() {
        alternating(Map.of(
                // last 24 bars: 12 at each close; 10 x (12 x 30000 + 12 x 30300) = 7,236,000 USDT
                "BTCUSDT", new String[] {"30000", "30300", "100"},   // 72,360,000
                "ETHUSDT", new String[] {"2000", "2010", "1000"},    // 48,120,000; volatility 0.47175017
                "SOLUSDT", new String[] {"100", "101", "1000000"},   // listed 2024-02-10: 22 days before March 3rd
                "WIDEUSDT", new String[] {"10", "10.1", "10000000"}, // spread 12 bps
                "PEPEUSDT", new String[] {"1", "1.01", "100000000"}, // no market profile
                "THINUSDT", new String[] {"5", "5.05", "1"}));        // no profile either
        List<Emit> out = portfolio.job(PortfolioDomain.LIQUIDITY_JOB);

        LiquidityRanked ranking = only(out, PORTFOLIO_LIQUIDITY_RANKED);
        valid(portfolio, out);
        assertThat(ranking.eligible()).containsExactly("BTCUSDT", "ETHUSDT");
        SymbolLiquidity btc = ranking.candidates().get(0);
        assertThat(btc.rank()).isEqualTo(1);
        assertThat(btc.quoteVolume()).isEqualByComparingTo("72360000");
        assertThat(btc.price()).isEqualByComparingTo("30000");
        assertThat(btc.spreadBps()).isEqualByComparingTo("0.2");
        SymbolLiquidity eth = ranking.candidates().get(1);
        assertThat(eth.rank()).isEqualTo(2);
        assertThat(eth.quoteVolume()).isEqualByComparingTo("48120000");
        assertThat(eth.volatility()).isEqualByComparingTo("0.47175017");
        assertThat(ranking.candidates().subList(2, ranking.candidates().size()))
                .extracting(SymbolLiquidity::symbol, SymbolLiquidity::rank, SymbolLiquidity::exclusion)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("PEPEUSDT", 0, "no market profile (spread, listing date)"),
                        org.assertj.core.groups.Tuple.tuple("SOLUSDT", 0, "listed 22 days ago, fewer than 90"),
                        org.assertj.core.groups.Tuple.tuple("THINUSDT", 0, "no market profile (spread, listing date)"),
                        org.assertj.core.groups.Tuple.tuple("WIDEUSDT", 0, "spread 12 bps above 5"));
    }
}
