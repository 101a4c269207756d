package com.quantumtrader.events.market;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Pattern;

/**
 * Builds the bars every market-data source hands on ({@link MarketPriceUpdate}, reason {@code BAR_CLOSE}): the
 * synthetic generator, the kline file reader and the exchange's streams. Validated here so an inconsistent or
 * non-positive price never reaches the (simulated or real) exchange; here rather than in the record's constructor,
 * which also reads what other processes published.
 */
public final class PriceBars {

    private static final Pattern SYMBOL = Pattern.compile("[A-Z0-9]{2,20}");
    private static final Pattern INTERVAL = Pattern.compile("[1-9][0-9]*[smhdwM]");

    private PriceBars() {
    }

    /**
     * One bar of one symbol.
     *
     * @param interval Binance-style interval, e.g. {@code 1m}, {@code 1h}, {@code 1d}
     * @throws IllegalArgumentException naming what is wrong: a missing field, a symbol or interval the exchange would
     *                                  not send, a close not after the open, a non-positive price, a negative volume,
     *                                  a high below the body or a low above it
     */
    public static MarketPriceUpdate bar(String symbol, String interval, Instant openTime, Instant closeTime,
                                        BigDecimal open, BigDecimal high, BigDecimal low, BigDecimal close,
                                        BigDecimal volume) {
        require(symbol, "symbol");
        require(interval, "interval");
        require(openTime, "openTime");
        require(closeTime, "closeTime");
        require(open, "open");
        require(high, "high");
        require(low, "low");
        require(close, "close");
        require(volume, "volume");
        if (!SYMBOL.matcher(symbol).matches()) {
            throw new IllegalArgumentException("bar symbol '" + symbol + "' is not an exchange symbol like BTCUSDT");
        }
        if (!INTERVAL.matcher(interval).matches()) {
            throw new IllegalArgumentException("bar interval '" + interval + "' is not like 1m, 1h or 1d");
        }
        if (!closeTime.isAfter(openTime)) {
            throw new IllegalArgumentException(symbol + " bar closes at " + closeTime + ", not after its open " + openTime);
        }
        positive(symbol, "open", open);
        positive(symbol, "high", high);
        positive(symbol, "low", low);
        positive(symbol, "close", close);
        if (volume.signum() < 0) {
            throw new IllegalArgumentException(symbol + " bar volume must not be negative but is " + volume.toPlainString());
        }
        if (high.compareTo(open.max(close)) < 0) {
            throw new IllegalArgumentException(symbol + " bar high " + high.toPlainString()
                    + " is below max(open, close) " + open.max(close).toPlainString());
        }
        if (low.compareTo(open.min(close)) > 0) {
            throw new IllegalArgumentException(symbol + " bar low " + low.toPlainString()
                    + " is above min(open, close) " + open.min(close).toPlainString());
        }
        return new MarketPriceUpdate(symbol, interval, openTime, closeTime, open, high, low, close, volume,
                MarketPriceUpdate.BAR_CLOSE);
    }

    /** The interval as Binance names it, from its length: 1m, 15m, 1h, 4h, 1d, 1w; seconds otherwise. */
    public static String intervalName(Duration length) {
        long seconds = length.getSeconds();
        if (seconds % 604_800 == 0) {
            return seconds / 604_800 + "w";
        }
        if (seconds % 86_400 == 0) {
            return seconds / 86_400 + "d";
        }
        if (seconds % 3_600 == 0) {
            return seconds / 3_600 + "h";
        }
        if (seconds % 60 == 0) {
            return seconds / 60 + "m";
        }
        return seconds + "s";
    }

    private static void require(Object value, String name) {
        if (value == null) {
            throw new IllegalArgumentException("bar " + name + " is missing");
        }
    }

    private static void positive(String symbol, String name, BigDecimal value) {
        if (value.signum() <= 0) {
            throw new IllegalArgumentException(symbol + " bar " + name + " must be positive but is " + value.toPlainString());
        }
    }
}
