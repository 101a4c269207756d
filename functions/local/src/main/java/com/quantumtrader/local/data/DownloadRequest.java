package com.quantumtrader.local.data;

import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * What {@code data download} fetches: bars of {@code interval} opening at or after {@code from} and closing at or
 * before {@code to} (and funding rates settled in [from, to)), into {@code out}.
 */
record DownloadRequest(List<String> symbols, Interval interval, Instant from, Instant to, Path out, boolean funding,
                       URI baseUrl) {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter MINUTE =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HHmm'Z'").withZone(ZoneOffset.UTC);

    DownloadRequest {
        symbols = List.copyOf(symbols);
    }

    /**
     * BTCUSDT-1h-2025-01-01-2026-01-01.csv: the symbol and interval where {@code backtest --data} reads them, and the
     * range, so that the same command finds its own file again to resume it.
     */
    Path klineFile(String symbol) {
        return out.resolve(symbol + "-" + interval.binanceName() + "-" + range() + ".csv");
    }

    Path gapsFile(String symbol) {
        return out.resolve(symbol + "-" + interval.binanceName() + "-" + range() + ".gaps.txt");
    }

    Path fundingFile(String symbol) {
        return out.resolve(symbol + "-fundingRate-" + range() + ".csv");
    }

    private String range() {
        return tag(from) + "-" + tag(to);
    }

    private static String tag(Instant time) {
        boolean midnight = time.atZone(ZoneOffset.UTC).toLocalTime().equals(LocalTime.MIDNIGHT);
        return (midnight ? DAY : MINUTE).format(time);
    }
}
