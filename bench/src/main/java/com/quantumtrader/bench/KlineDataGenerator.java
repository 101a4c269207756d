package com.quantumtrader.bench;

import com.quantumtrader.events.market.MarketPriceUpdate;
import com.quantumtrader.execution.marketdata.SyntheticMarketData;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Deterministic benchmark data: seeded synthetic candles ({@link SyntheticMarketData}: regime-switching geometric
 * Brownian motion on each symbol's tick) written the way Binance's public data files are, one
 * {@code SYMBOL-1m-2025.csv} per symbol, 12 columns with a header row. The same arguments write the same bytes.
 *
 * <p>Run: {@code java -cp bench/target/benchmarks.jar com.quantumtrader.bench.KlineDataGenerator DIR SYMBOLS DAYS
 * [SEED]}, e.g. {@code target/bench-data 20 365} for 20 symbols of a year of 1-minute bars (525,600 bars each).
 */
public final class KlineDataGenerator {

    static final Instant START = Instant.parse("2025-01-01T00:00:00Z");
    static final Duration INTERVAL = Duration.ofMinutes(1);
    static final long DEFAULT_SEED = 7L;
    static final String HEADER = "open_time,open,high,low,close,volume,close_time,quote_volume,count,"
            + "taker_buy_volume,taker_buy_quote_volume,ignore";
    /** Perpetuals that trade on Binance USD-M; the first two are the ones the simulated exchange lists. */
    static final List<String> SYMBOLS = List.of("BTCUSDT", "ETHUSDT", "BNBUSDT", "SOLUSDT", "XRPUSDT", "DOGEUSDT",
            "ADAUSDT", "AVAXUSDT", "LINKUSDT", "DOTUSDT", "LTCUSDT", "BCHUSDT", "TRXUSDT", "NEARUSDT", "ATOMUSDT",
            "UNIUSDT", "XLMUSDT", "FILUSDT", "APTUSDT", "ARBUSDT");

    private KlineDataGenerator() {
    }

    public static void main(String[] args) {
        if (args.length < 3) {
            System.err.println("usage: KlineDataGenerator DIR SYMBOLS DAYS [SEED]");
            System.exit(2);
        }
        long seed = args.length > 3 ? Long.parseLong(args[3]) : DEFAULT_SEED;
        List<Path> files = write(Path.of(args[0]), Integer.parseInt(args[1]), Integer.parseInt(args[2]), seed);
        files.forEach(f -> System.out.println(f.toAbsolutePath()));
    }

    /** The first {@code count} benchmark symbols. */
    static List<String> symbols(int count) {
        if (count < 1 || count > SYMBOLS.size()) {
            throw new IllegalArgumentException("between 1 and " + SYMBOLS.size() + " symbols, not " + count);
        }
        return SYMBOLS.subList(0, count);
    }

    /** Writes {@code days} of 1-minute bars for each of {@code symbolCount} symbols into {@code dir}. */
    static List<Path> write(Path dir, int symbolCount, int days, long seed) {
        List<String> symbols = symbols(symbolCount);
        long bars = days * Duration.ofDays(1).dividedBy(INTERVAL);
        List<Path> files = new ArrayList<>();
        List<BufferedWriter> writers = new ArrayList<>();
        try {
            Files.createDirectories(dir);
            for (String symbol : symbols) {
                Path file = dir.resolve(symbol + "-1m-2025.csv");
                files.add(file);
                BufferedWriter writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
                writers.add(writer);
                writer.write(HEADER);
                writer.newLine();
            }
            SyntheticMarketData market = new SyntheticMarketData(seed, symbols, START, INTERVAL);
            StringBuilder row = new StringBuilder(160);
            for (long i = 0; i < bars; i++) {
                List<MarketPriceUpdate> step = market.next();
                for (int s = 0; s < step.size(); s++) {
                    row.setLength(0);
                    appendRow(row, step.get(s), i);
                    writers.get(s).append(row);
                }
            }
            for (BufferedWriter writer : writers) {
                writer.close();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write benchmark data to " + dir, e);
        }
        return files;
    }

    /** One Binance kline row: close_time is the bar's last millisecond; the trade count varies with the index. */
    private static void appendRow(StringBuilder row, MarketPriceUpdate bar, long index) {
        row.append(bar.openTime().toEpochMilli()).append(',')
                .append(bar.open().toPlainString()).append(',')
                .append(bar.high().toPlainString()).append(',')
                .append(bar.low().toPlainString()).append(',')
                .append(bar.close().toPlainString()).append(',')
                .append(bar.volume().toPlainString()).append(',')
                .append(bar.closeTime().toEpochMilli() - 1).append(',')
                .append(bar.close().multiply(bar.volume()).toPlainString()).append(',')
                .append(100 + index % 900).append(',')
                .append(bar.volume().toPlainString()).append(",0,0\n");
    }
}
