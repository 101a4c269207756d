package com.quantumtrader.portfolio.liquidity.model;

import com.quantumtrader.events.portfolio.LiquidityRanked;
import com.quantumtrader.events.portfolio.SymbolLiquidity;
import com.quantumtrader.portfolio.market.model.SymbolHistory;
import com.quantumtrader.portfolio.positions.model.Money;
import com.quantumtrader.portfolio.settings.MarketProfile;
import com.quantumtrader.portfolio.settings.PortfolioSettings;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Universe selection: every candidate is checked, in this order, for bars, a profile, 24 h quote volume &gt;=
 * minQuoteVolume, spread &lt;= maxSpreadBps, annualised volatility inside [minVolatility, maxVolatility], price
 * &gt;= minPrice and listing age &gt;= minListingAgeDays; the first failed check is the exclusion. Eligible symbols
 * rank by quote volume (highest first), then spread (lowest), then symbol. Pure.
 */
public final class LiquidityRules {

    private final PortfolioSettings settings;

    public LiquidityRules(PortfolioSettings settings) {
        this.settings = settings;
    }

    /**
     * A symbol to rank.
     *
     * @param history its bars, if any
     * @param profile its spread and listing date; null when unknown
     */
    public record Candidate(String symbol, Optional<SymbolHistory> history, MarketProfile profile) {
    }

    /** The ranking at {@code now}: eligible symbols ranked first, then the excluded ones in candidate order. */
    public LiquidityRanked rank(List<Candidate> candidates, Instant now) {
        List<SymbolLiquidity> eligible = new ArrayList<>();
        List<SymbolLiquidity> excluded = new ArrayList<>();
        for (Candidate candidate : candidates) {
            SymbolLiquidity assessed = assess(candidate, now);
            (assessed.eligible() ? eligible : excluded).add(assessed);
        }
        eligible.sort(Comparator.comparing(SymbolLiquidity::quoteVolume).reversed()
                .thenComparing(SymbolLiquidity::spreadBps).thenComparing(SymbolLiquidity::symbol));
        List<SymbolLiquidity> ranked = new ArrayList<>();
        for (int i = 0; i < eligible.size(); i++) {
            SymbolLiquidity s = eligible.get(i);
            ranked.add(new SymbolLiquidity(s.symbol(), i + 1, true, s.quoteVolume(), s.spreadBps(), s.volatility(),
                    s.price(), s.listingAgeDays(), null));
        }
        List<String> names = ranked.stream().map(SymbolLiquidity::symbol).toList();
        ranked.addAll(excluded);
        return new LiquidityRanked(now, names, List.copyOf(ranked));
    }

    SymbolLiquidity assess(Candidate candidate, Instant now) {
        Optional<SymbolHistory> history = candidate.history();
        MarketProfile profile = candidate.profile();
        BigDecimal zero = Money.amount(BigDecimal.ZERO);
        BigDecimal volume = history.map(h -> Money.amount(h.quoteVolume24h(now))).orElse(zero);
        BigDecimal price = history.flatMap(SymbolHistory::lastClose).orElse(zero);
        BigDecimal volatility = history.flatMap(h -> h.annualisedVolatility(settings.volatilityBars(),
                settings.daysPerYear())).orElse(zero);
        BigDecimal spread = profile == null ? zero : profile.spreadBps();
        int age = profile == null ? 0 : (int) Math.max(0, ChronoUnit.DAYS.between(profile.listedOn(),
                LocalDate.ofInstant(now, ZoneOffset.UTC)));
        String exclusion = null;
        if (history.isEmpty() || history.get().bars().isEmpty()) {
            exclusion = "no market data";
        } else if (profile == null) {
            exclusion = "no market profile (spread, listing date)";
        } else if (volume.compareTo(settings.minQuoteVolume()) < 0) {
            exclusion = "24h quote volume " + volume.stripTrailingZeros().toPlainString() + " below "
                    + settings.minQuoteVolume().toPlainString();
        } else if (spread.compareTo(settings.maxSpreadBps()) > 0) {
            exclusion = "spread " + spread.toPlainString() + " bps above " + settings.maxSpreadBps().toPlainString();
        } else if (volatility.signum() == 0) {
            exclusion = "too few bars for a volatility estimate";
        } else if (volatility.compareTo(settings.minVolatility()) < 0
                || volatility.compareTo(settings.maxVolatility()) > 0) {
            exclusion = "volatility " + volatility.stripTrailingZeros().toPlainString() + " outside ["
                    + settings.minVolatility().toPlainString() + ", " + settings.maxVolatility().toPlainString() + "]";
        } else if (price.compareTo(settings.minPrice()) < 0) {
            exclusion = "price " + price.toPlainString() + " below " + settings.minPrice().toPlainString();
        } else if (age < settings.minListingAgeDays()) {
            exclusion = "listed " + age + " days ago, fewer than " + settings.minListingAgeDays();
        }
        return new SymbolLiquidity(candidate.symbol(), 0, exclusion == null, volume, spread, volatility, price, age,
                exclusion);
    }
}
