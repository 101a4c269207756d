package com.quantumtrader.execution;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.regex.Pattern;

/**
 * One closed candle of one symbol, as the market-data feed hands it to the exchange. Validated on construction so
 * an inconsistent or non-positive price never reaches the (simulated or real) exchange.
 *
 * @param interval Binance-style interval, e.g. {@code 1m}, {@code 1h}, {@code 1d}
 */
public record Bar(
        String symbol,
        String interval,
        Instant openTime,
        Instant closeTime,
        BigDecimal open,
        BigDecimal high,
        BigDecimal low,
        BigDecimal close,
        BigDecimal volume) {

    private static final Pattern SYMBOL = Pattern.compile("[A-Z0-9]{2,20}");
    private static final Pattern INTERVAL = Pattern.compile("[1-9][0-9]*[smhdwM]");

    public Bar {
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
