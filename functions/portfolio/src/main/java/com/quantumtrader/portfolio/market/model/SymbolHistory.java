package com.quantumtrader.portfolio.market.model;

import com.quantumtrader.events.market.MarketPriceUpdate;
import com.quantumtrader.portfolio.positions.model.Money;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The recent bars of one symbol as portfolio keeps them (JSON in its store): closes and quote volumes of the last
 * bars, and Wilder's average true range. Enough for the trailing stop, volatility targeting and the liquidity
 * filter; statistics in {@link MathContext#DECIMAL64}, results rounded to {@link Money#SCALE}.
 *
 * @param bars    the latest bars, oldest first, at most {@code keep}
 * @param atr     Wilder's ATR once {@code atrBars} reached the period; the running mean of true ranges before
 * @param atrBars true ranges seen so far (capped at the period)
 */
public record SymbolHistory(String symbol, List<BarPoint> bars, BigDecimal atr, int atrBars) {

    static final MathContext MATH = MathContext.DECIMAL64;

    public SymbolHistory {
        bars = List.copyOf(bars);
    }

    /** One bar: when it closed, its close and its traded quote volume (volume x close). */
    public record BarPoint(Instant closeTime, BigDecimal close, BigDecimal quoteVolume) {
    }

    public static SymbolHistory empty(String symbol) {
        return new SymbolHistory(symbol, List.of(), null, 0);
    }

    /** Bars kept per symbol: enough for the volatility estimate, and never fewer than 48. */
    public static int barsToKeep(int volatilityBars) {
        return Math.max(volatilityBars + 1, 48);
    }

    /**
     * The history after {@code bar}; empty when the bar changes nothing: only bar closes count, and a bar not after
     * the latest one kept (a redelivery, a large-move update) is ignored.
     */
    public Optional<SymbolHistory> after(MarketPriceUpdate bar, int atrPeriod, int keep) {
        if (!MarketPriceUpdate.BAR_CLOSE.equals(bar.reason())
                || (!bars.isEmpty() && !bar.closeTime().isAfter(bars.get(bars.size() - 1).closeTime()))) {
            return Optional.empty();
        }
        return Optional.of(with(bar.closeTime(), bar.high(), bar.low(), bar.close(), bar.volume(), atrPeriod, keep));
    }

    SymbolHistory with(Instant closeTime, BigDecimal high, BigDecimal low, BigDecimal close, BigDecimal volume,
                       int atrPeriod, int keep) {
        BigDecimal previousClose = bars.isEmpty() ? null : bars.get(bars.size() - 1).close();
        BigDecimal trueRange = high.subtract(low);
        if (previousClose != null) {
            trueRange = trueRange.max(high.subtract(previousClose).abs()).max(low.subtract(previousClose).abs());
        }
        int seen = Math.min(atrBars + 1, atrPeriod);
        // Wilder: ATR_t = (ATR_{t-1} x (n - 1) + TR_t) / n; before n bars, the running mean of the true ranges
        BigDecimal nextAtr = atr == null ? trueRange
                : atr.multiply(BigDecimal.valueOf(seen - 1)).add(trueRange)
                        .divide(BigDecimal.valueOf(seen), Money.SCALE, RoundingMode.HALF_EVEN);
        List<BarPoint> next = new ArrayList<>(bars);
        next.add(new BarPoint(closeTime, close, Money.amount(volume.multiply(close))));
        if (next.size() > keep) {
            next = new ArrayList<>(next.subList(next.size() - keep, next.size()));
        }
        return new SymbolHistory(symbol, List.copyOf(next), nextAtr, seen);
    }

    /** The ATR once a full period of bars was seen; empty before. */
    public Optional<BigDecimal> averageTrueRange(int period) {
        return atrBars >= period && atr != null ? Optional.of(atr) : Optional.empty();
    }

    public Optional<BigDecimal> lastClose() {
        return bars.isEmpty() ? Optional.empty() : Optional.of(bars.get(bars.size() - 1).close());
    }

    /** Quote volume of the bars that closed in the 24 hours up to {@code now}. */
    public BigDecimal quoteVolume24h(Instant now) {
        Instant from = now.minus(Duration.ofHours(24));
        return bars.stream().filter(b -> b.closeTime().isAfter(from) && !b.closeTime().isAfter(now))
                .map(BarPoint::quoteVolume).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /**
     * Annualised volatility of the last {@code returns} simple bar returns: their sample standard deviation times
     * the square root of bars per year ({@code daysPerYear} days over the spacing of the last two bars). Empty
     * with fewer than {@code returns} returns or without a positive bar spacing.
     */
    public Optional<BigDecimal> annualisedVolatility(int returns, int daysPerYear) {
        if (returns < 2 || bars.size() < returns + 1) {
            return Optional.empty();
        }
        List<BarPoint> window = bars.subList(bars.size() - returns - 1, bars.size());
        Duration spacing = Duration.between(window.get(window.size() - 2).closeTime(),
                window.get(window.size() - 1).closeTime());
        if (spacing.isZero() || spacing.isNegative()) {
            return Optional.empty();
        }
        List<BigDecimal> rets = new ArrayList<>();
        for (int i = 1; i < window.size(); i++) {
            rets.add(window.get(i).close().divide(window.get(i - 1).close(), MATH).subtract(BigDecimal.ONE));
        }
        BigDecimal barsPerYear = BigDecimal.valueOf(Duration.ofDays(daysPerYear).toSeconds())
                .divide(BigDecimal.valueOf(spacing.toSeconds()), MATH);
        BigDecimal stdev = Statistics.sampleStdev(rets);
        return Optional.of(stdev.multiply(barsPerYear.sqrt(MATH), MATH)
                .setScale(Money.SCALE, RoundingMode.HALF_EVEN));
    }
}
