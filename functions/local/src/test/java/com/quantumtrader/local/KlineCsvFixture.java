package com.quantumtrader.local;

import com.quantumtrader.events.market.MarketPriceUpdate;
import com.quantumtrader.execution.marketdata.SyntheticMarketData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Test data: seeded synthetic 1h bars written the way Binance's public data files are. */
final class KlineCsvFixture {

    static final Instant START = Instant.parse("2025-01-01T00:00:00Z");
    static final String HEADER = "open_time,open,high,low,close,volume,close_time,quote_volume,count,"
            + "taker_buy_volume,taker_buy_quote_volume,ignore";

    private KlineCsvFixture() {
    }

    /** {@code count} bars per symbol, symbol order as given. */
    static List<List<MarketPriceUpdate>> series(long seed, List<String> symbols, int count) {
        return series(seed, symbols, count, START);
    }

    /** {@code count} 1h bars per symbol from {@code start}, symbol order as given. */
    static List<List<MarketPriceUpdate>> series(long seed, List<String> symbols, int count, Instant start) {
        return series(seed, symbols, count, start, Duration.ofHours(1));
    }

    /** {@code count} bars of {@code interval} per symbol from {@code start}, symbol order as given. */
    static List<List<MarketPriceUpdate>> series(long seed, List<String> symbols, int count, Instant start, Duration interval) {
        SyntheticMarketData market = new SyntheticMarketData(seed, symbols, start, interval);
        List<List<MarketPriceUpdate>> bySymbol = new ArrayList<>();
        symbols.forEach(s -> bySymbol.add(new ArrayList<>()));
        for (int i = 0; i < count; i++) {
            List<MarketPriceUpdate> step = market.next();
            for (int s = 0; s < symbols.size(); s++) {
                bySymbol.get(s).add(step.get(s));
            }
        }
        return bySymbol;
    }

    static String row(MarketPriceUpdate bar) {
        long open = bar.openTime().toEpochMilli();
        long closeTime = bar.closeTime().toEpochMilli() - 1;
        return open + "," + bar.open().toPlainString() + "," + bar.high().toPlainString() + ","
                + bar.low().toPlainString() + "," + bar.close().toPlainString() + "," + bar.volume().toPlainString()
                + "," + closeTime + "," + bar.close().multiply(bar.volume()).toPlainString() + ",100,"
                + bar.volume().toPlainString() + ",0,0";
    }

    static Path write(Path dir, String fileName, List<MarketPriceUpdate> bars, boolean header) {
        List<String> lines = new ArrayList<>();
        if (header) {
            lines.add(HEADER);
        }
        bars.forEach(bar -> lines.add(row(bar)));
        try {
            Path file = dir.resolve(fileName);
            Files.write(file, lines, StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes {@code count} bars of each symbol as SYMBOL-1h-2025.csv files. */
    static List<Path> writeSeries(Path dir, long seed, List<String> symbols, int count) {
        List<List<MarketPriceUpdate>> series = series(seed, symbols, count);
        List<Path> files = new ArrayList<>();
        for (int s = 0; s < symbols.size(); s++) {
            files.add(write(dir, symbols.get(s) + "-1h-2025.csv", series.get(s), s == 0));
        }
        return files;
    }
}
