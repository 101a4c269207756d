package com.quantumtrader.execution.marketdata;

import com.quantumtrader.events.market.PriceBars;
import com.quantumtrader.events.market.MarketPriceUpdate;
import com.quantumtrader.core.instrument.InstrumentCatalog;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * A seeded, reproducible market for paper runs and tests: the same seed gives the same bars, byte for byte.
 *
 * <p>One market-wide regime (trending up, trending down, ranging, volatile) follows a Markov chain; each symbol's
 * log return over a bar is normal with the regime's drift and volatility scaled to the bar length (geometric
 * Brownian motion; while ranging, the drift pulls the price back to where the range began). Each bar opens at the
 * previous close, its wicks reach past the body by a random share of the bar's volatility, and every price is on
 * the symbol's tick (BTCUSDT starts near 60,000 with tick 0.10, ETHUSDT near 3,000 with 0.01, any other symbol of
 * the instrument catalog at fifty times its minimum price on its own tick, an unknown one near 100 with 0.01). Volume grows with the regime's activity and the size of the move.
 */
public final class SyntheticMarketData {

    private static final double RANGE_REVERSION_PER_HOUR = 0.1;
    private static final double WICK_SHARE = 0.5;
    private static final BigDecimal VOLUME_STEP = new BigDecimal("0.001");

    private final SplittableRandom random;
    private final List<Path> paths = new ArrayList<>();
    private final Duration interval;
    private final String intervalName;
    private final double hours;
    private Instant nextOpen;
    private Regime regime;

    public SyntheticMarketData(long seed, List<String> symbols, Instant start, Duration interval) {
        this(seed, symbols, start, interval, InstrumentCatalog.bundled());
    }

    /** @param instruments where each symbol's tick and price range come from */
    public SyntheticMarketData(long seed, List<String> symbols, Instant start, Duration interval,
                               InstrumentCatalog instruments) {
        Objects.requireNonNull(symbols, "symbols");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(interval, "interval");
        if (symbols.isEmpty() || new LinkedHashSet<>(symbols).size() != symbols.size()) {
            throw new IllegalArgumentException("symbols must be a non-empty list without repeats: " + symbols);
        }
        if (interval.isNegative() || interval.getSeconds() < 1 || interval.getNano() != 0) {
            throw new IllegalArgumentException("interval must be a positive whole number of seconds: " + interval);
        }
        this.random = new SplittableRandom(seed);
        this.interval = interval;
        this.intervalName = PriceBars.intervalName(interval);
        this.hours = interval.getSeconds() / 3600.0;
        this.nextOpen = start;
        this.regime = Regime.values()[random.nextInt(Regime.values().length)];
        for (String symbol : symbols) {
            SymbolProfile profile = SymbolProfile.of(symbol, instruments.find(symbol));
            paths.add(new Path(symbol, profile, profile.startPrice(), profile.startPrice().doubleValue()));
        }
    }

    /** One bar per symbol (in the order given) for the next interval. */
    public List<MarketPriceUpdate> next() {
        Regime previous = regime;
        regime = regime.next(random, hours);
        Instant open = nextOpen;
        nextOpen = open.plus(interval);
        List<MarketPriceUpdate> bars = new ArrayList<>(paths.size());
        for (Path path : paths) {
            if (regime == Regime.RANGING && previous != Regime.RANGING) {
                path.anchor = path.close.doubleValue();
            }
            bars.add(path.next(open, nextOpen));
        }
        return bars;
    }

    public Duration interval() {
        return interval;
    }

    /** The regime the last bars were drawn in (for tests that check the regimes show in the data). */
    Regime regime() {
        return regime;
    }


    /** One symbol's price path. */
    private final class Path {
        private final String symbol;
        private final SymbolProfile profile;
        private BigDecimal close;
        private double anchor;

        Path(String symbol, SymbolProfile profile, BigDecimal close, double anchor) {
            this.symbol = symbol;
            this.profile = profile;
            this.close = close;
            this.anchor = anchor;
        }

        MarketPriceUpdate next(Instant openTime, Instant closeTime) {
            BigDecimal open = close;
            double openPrice = open.doubleValue();
            double sigma = regime.volatilityPerHour * profile.volatilityScale();
            double drift = regime == Regime.RANGING
                    ? -RANGE_REVERSION_PER_HOUR * Math.log(openPrice / anchor)
                    : regime.driftPerHour;
            double barSigma = sigma * Math.sqrt(hours);
            double logReturn = (drift - 0.5 * sigma * sigma) * hours + barSigma * random.nextGaussian();
            double closePrice = openPrice * Math.exp(logReturn);
            double upperWick = Math.abs(random.nextGaussian()) * barSigma * WICK_SHARE;
            double lowerWick = Math.abs(random.nextGaussian()) * barSigma * WICK_SHARE;
            double volumeNoise = random.nextGaussian();

            close = profile.onTick(closePrice, RoundingMode.HALF_EVEN);
            BigDecimal high = profile.onTick(Math.max(openPrice, closePrice) * Math.exp(upperWick), RoundingMode.CEILING)
                    .max(open).max(close);
            BigDecimal low = profile.onTick(Math.min(openPrice, closePrice) * Math.exp(-lowerWick), RoundingMode.FLOOR)
                    .min(open).min(close);
            double volume = profile.baseVolume() * hours * regime.volumeFactor * Math.exp(0.4 * volumeNoise)
                    * (1 + 50 * Math.abs(logReturn));
            BigDecimal roundedVolume = BigDecimal.valueOf(volume).setScale(3, RoundingMode.HALF_EVEN).max(VOLUME_STEP);
            return PriceBars.bar(symbol, intervalName, openTime, closeTime, open, high, low, close, roundedVolume);
        }
    }
}
