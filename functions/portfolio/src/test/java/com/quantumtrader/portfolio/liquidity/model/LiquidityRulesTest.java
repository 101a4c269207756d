package com.quantumtrader.portfolio.liquidity.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.quantumtrader.events.portfolio.LiquidityRanked;
import com.quantumtrader.events.portfolio.SymbolLiquidity;
import com.quantumtrader.portfolio.liquidity.model.LiquidityRules.Candidate;
import com.quantumtrader.portfolio.market.model.Bars;
import com.quantumtrader.portfolio.market.model.SymbolHistory;
import com.quantumtrader.portfolio.settings.MarketProfile;
import com.quantumtrader.portfolio.settings.PortfolioSettings;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The liquidity rules on values alone, default settings (24 h quote volume >= 10 M, spread <= 5 bps, volatility in
 * [0.10, 3.00], price >= 0.01, listed >= 90 days), over 49 hourly closes alternating 30000 / 30300.
 */
class LiquidityRulesTest {

    private static final Instant NOW = Bars.lastClose(49);
    private static final MarketProfile LIQUID = new MarketProfile(new BigDecimal("0.5"), LocalDate.parse("2020-01-01"));

    private final LiquidityRules rules = new LiquidityRules(PortfolioSettings.defaults());

    /** 24 bars in the last day: quote volume = 24 x volume x about 30150. */
    private static Optional<SymbolHistory> bars(String symbol, String volume) {
        return Optional.of(Bars.hourly(symbol, volume, IntStream.range(0, 49)
                .mapToObj(i -> i % 2 == 0 ? "30000" : "30300").toArray(String[]::new)));
    }

    private SymbolLiquidity only(Candidate candidate) {
        return rules.rank(List.of(candidate), NOW).candidates().get(0);
    }

    @Test
    void ranksEligibleSymbolsByQuoteVolumeThenListsTheExcluded() {
        LiquidityRanked ranked = rules.rank(List.of(
                new Candidate("AUSDT", bars("AUSDT", "100"), LIQUID),
                new Candidate("BUSDT", bars("BUSDT", "200"), LIQUID),
                new Candidate("CUSDT", Optional.empty(), LIQUID)), NOW);

        assertThat(ranked.eligible()).containsExactly("BUSDT", "AUSDT");
        assertThat(ranked.candidates()).extracting(SymbolLiquidity::symbol).containsExactly("BUSDT", "AUSDT", "CUSDT");
        assertThat(ranked.candidates()).extracting(SymbolLiquidity::rank).containsExactly(1, 2, 0);
    }

    @Test
    void excludesASymbolWithoutBars() {
        assertThat(only(new Candidate("AUSDT", Optional.empty(), LIQUID)).exclusion()).isEqualTo("no market data");
    }

    @Test
    void excludesASymbolWithoutAMarketProfile() {
        assertThat(only(new Candidate("AUSDT", bars("AUSDT", "100"), null)).exclusion())
                .isEqualTo("no market profile (spread, listing date)");
    }

    @Test
    void excludesASymbolTradingTooLittle() {
        assertThat(only(new Candidate("AUSDT", bars("AUSDT", "10"), LIQUID)).exclusion())
                .startsWith("24h quote volume ").endsWith(" below 10000000");
    }

    @Test
    void excludesASymbolWithAWideSpread() {
        MarketProfile wide = new MarketProfile(new BigDecimal("12"), LocalDate.parse("2020-01-01"));

        assertThat(only(new Candidate("AUSDT", bars("AUSDT", "100"), wide)).exclusion())
                .isEqualTo("spread 12 bps above 5");
    }

    @Test
    void excludesARecentListing() {
        MarketProfile recent = new MarketProfile(new BigDecimal("0.5"), LocalDate.parse("2024-02-10"));

        assertThat(only(new Candidate("AUSDT", bars("AUSDT", "100"), recent)).exclusion())
                .isEqualTo("listed 22 days ago, fewer than 90");
    }
}
