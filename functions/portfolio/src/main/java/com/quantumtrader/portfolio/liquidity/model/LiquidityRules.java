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

    /** What the checks look at: the candidate's measures at the ranking time. */
    record Measures(Candidate candidate, BigDecimal quoteVolume, BigDecimal spreadBps, BigDecimal volatility,
                    BigDecimal price, int listingAgeDays) {
    }

    /** One named check: the reason it excludes the candidate, or empty when it passes. */
    @FunctionalInterface
    interface Check {
        Optional<String> exclusion(Measures m);
    }

    /** In order; the first failing check is the exclusion. */
    private List<Check> checks() {
        return List.of(LiquidityRules::hasBars, LiquidityRules::hasProfile, this::tradesEnough, this::tightSpread,
                LiquidityRules::hasVolatilityEstimate, this::volatilityInBand, this::priceHighEnough,
                this::listedLongEnough);
    }

    SymbolLiquidity assess(Candidate candidate, Instant now) {
        Optional<SymbolHistory> history = candidate.history();
        MarketProfile profile = candidate.profile();
        BigDecimal zero = Money.amount(BigDecimal.ZERO);
        Measures m = new Measures(candidate,
                history.map(h -> Money.amount(h.quoteVolume24h(now))).orElse(zero),
                profile == null ? zero : profile.spreadBps(),
                history.flatMap(h -> h.annualisedVolatility(settings.volatilityBars(), settings.daysPerYear()))
                        .orElse(zero),
                history.flatMap(SymbolHistory::lastClose).orElse(zero),
                profile == null ? 0 : (int) Math.max(0, ChronoUnit.DAYS.between(profile.listedOn(),
                        LocalDate.ofInstant(now, ZoneOffset.UTC))));
        String exclusion = checks().stream().map(check -> check.exclusion(m)).flatMap(Optional::stream)
                .findFirst().orElse(null);
        return new SymbolLiquidity(candidate.symbol(), 0, exclusion == null, m.quoteVolume(), m.spreadBps(),
                m.volatility(), m.price(), m.listingAgeDays(), exclusion);
    }

    private static Optional<String> hasBars(Measures m) {
        return m.candidate().history().filter(h -> !h.bars().isEmpty()).isEmpty()
                ? Optional.of("no market data") : Optional.empty();
    }

    private static Optional<String> hasProfile(Measures m) {
        return m.candidate().profile() == null ? Optional.of("no market profile (spread, listing date)")
                : Optional.empty();
    }

    private Optional<String> tradesEnough(Measures m) {
        return m.quoteVolume().compareTo(settings.minQuoteVolume()) < 0
                ? Optional.of("24h quote volume " + m.quoteVolume().stripTrailingZeros().toPlainString() + " below "
                        + settings.minQuoteVolume().toPlainString())
                : Optional.empty();
    }

    private Optional<String> tightSpread(Measures m) {
        return m.spreadBps().compareTo(settings.maxSpreadBps()) > 0
                ? Optional.of("spread " + m.spreadBps().toPlainString() + " bps above "
                        + settings.maxSpreadBps().toPlainString())
                : Optional.empty();
    }

    private static Optional<String> hasVolatilityEstimate(Measures m) {
        return m.volatility().signum() == 0 ? Optional.of("too few bars for a volatility estimate") : Optional.empty();
    }

    private Optional<String> volatilityInBand(Measures m) {
        return m.volatility().compareTo(settings.minVolatility()) < 0
                || m.volatility().compareTo(settings.maxVolatility()) > 0
                ? Optional.of("volatility " + m.volatility().stripTrailingZeros().toPlainString() + " outside ["
                        + settings.minVolatility().toPlainString() + ", " + settings.maxVolatility().toPlainString()
                        + "]")
                : Optional.empty();
    }

    private Optional<String> priceHighEnough(Measures m) {
        return m.price().compareTo(settings.minPrice()) < 0
                ? Optional.of("price " + m.price().toPlainString() + " below " + settings.minPrice().toPlainString())
                : Optional.empty();
    }

    private Optional<String> listedLongEnough(Measures m) {
        return m.listingAgeDays() < settings.minListingAgeDays()
                ? Optional.of("listed " + m.listingAgeDays() + " days ago, fewer than "
                        + settings.minListingAgeDays())
                : Optional.empty();
    }
}
