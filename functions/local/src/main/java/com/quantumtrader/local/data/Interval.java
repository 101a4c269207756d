package com.quantumtrader.local.data;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** The kline intervals {@code data download} fetches, named as Binance names them. */
enum Interval {
    M1("1m", Duration.ofMinutes(1)),
    M5("5m", Duration.ofMinutes(5)),
    M15("15m", Duration.ofMinutes(15)),
    H1("1h", Duration.ofHours(1)),
    H4("4h", Duration.ofHours(4)),
    D1("1d", Duration.ofDays(1));

    private final String binanceName;
    private final Duration length;

    Interval(String binanceName, Duration length) {
        this.binanceName = binanceName;
        this.length = length;
    }

    String binanceName() {
        return binanceName;
    }

    long millis() {
        return length.toMillis();
    }

    static Optional<Interval> parse(String name) {
        return Arrays.stream(values()).filter(i -> i.binanceName.equals(name)).findFirst();
    }

    static String names() {
        return Arrays.stream(values()).map(Interval::binanceName).collect(Collectors.joining(", "));
    }

    /** The first bar opening at or after {@code time}: Binance's bars of these lengths open on multiples of them. */
    long firstOpenAtOrAfter(Instant time) {
        long ms = time.toEpochMilli();
        return Math.floorDiv(ms + millis() - 1, millis()) * millis();
    }

    /** The last bar that has closed (closes at or before {@code time}), by its open time. */
    long lastOpenClosingBy(Instant time) {
        return Math.floorDiv(time.toEpochMilli(), millis()) * millis() - millis();
    }
}
