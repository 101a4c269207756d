package com.quantumtrader.local;

import com.quantumtrader.events.market.PriceBars;
import com.quantumtrader.events.market.MarketPriceUpdate;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.quantumtrader.events.EventJson;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads candlesticks as Binance publishes them (data.binance.vision and the REST API): CSV of 12 columns
 * (open_time, open, high, low, close, volume, close_time, quote_asset_volume, number_of_trades,
 * taker_buy_base_asset_volume, taker_buy_quote_asset_volume, ignore) with or without a header row, or JSON as an
 * array of 12-element arrays. Times are epoch milliseconds UTC (microseconds, as Binance's spot files use since
 * 2025, are recognised by their size). Binance's close_time is the last millisecond of the bar; the bar here closes
 * at the next bar's open, like every other bar of the platform.
 */
final class KlineFiles {

    static final int COLUMNS = 12;
    // BTCUSDT-1h-2025-01.csv, binance_spot_BTCUSDT_1h_2025.csv: an upper-case symbol next to an interval
    private static final Pattern NAME = Pattern.compile("([A-Z0-9]{2,20})[-_]([1-9][0-9]*[smhdwM])(?=[-_.]|$)");
    private static final long MICROS_THRESHOLD = 100_000_000_000_000L; // ms values stay below this until year 5138

    /** A file row that is not a valid candle, named by file and line so it can be found and fixed. */
    static final class BadRowException extends IllegalArgumentException {
        BadRowException(Path file, long line, String problem) {
            super(file + ":" + line + ": " + problem);
        }
    }

    /** Intervals missing in the data of one symbol: the bar after {@code after} opened only at {@code resumed}. */
    record Gap(String symbol, Instant after, Instant resumed, long missingBars) {
    }

    /**
     * @param bars    every bar, ordered by close time then symbol
     * @param skipped bad rows skipped (with {@code --skip-bad-rows}), by file
     */
    record Loaded(List<MarketPriceUpdate> bars, Map<String, Long> skipped, List<Gap> gaps, List<String> symbols,
                  List<Source> sources) {

        Loaded(List<MarketPriceUpdate> bars, Map<String, Long> skipped, List<Gap> gaps, List<String> symbols) {
            this(bars, skipped, gaps, symbols, List.of());
        }

        long skippedTotal() {
            return skipped.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    /**
     * Which file became which symbol: its name, the symbol and interval it was read as, how the symbol was told
     * (the file name, or {@code --symbols}), and how many rows it gave (before {@code --from}/{@code --to}).
     */
    record Source(String file, String symbol, String interval, String symbolFrom, long rows) {
    }

    /** Where a file's bars belong when its name does not say. */
    record Naming(String symbol, Optional<String> interval) {
    }

    private KlineFiles() {
    }

    /**
     * Loads and merges the files.
     *
     * @param symbols  {@code --symbols}: names the symbol of files whose names do not carry one (one symbol for
     *                 all files, or one per file in order), and keeps only these symbols otherwise
     * @param from     keep bars opening at or after this
     * @param to       keep bars closing at or before this
     */
    static Loaded load(List<Path> files, List<String> symbols, Optional<Instant> from, Optional<Instant> to,
                       boolean skipBadRows) {
        if (files.isEmpty()) {
            throw new IllegalArgumentException("--data needs at least one file");
        }
        Map<String, List<MarketPriceUpdate>> bySymbol = new TreeMap<>();
        Map<String, Long> skipped = new LinkedHashMap<>();
        List<Source> sources = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            Path file = files.get(i);
            Naming naming = naming(file, symbols, i, files.size());
            if (!symbols.isEmpty() && !symbols.contains(naming.symbol())) {
                continue;
            }
            List<MarketPriceUpdate> target = bySymbol.computeIfAbsent(naming.symbol(), s -> new ArrayList<>());
            int before = target.size();
            RowReader reader = new RowReader(file, naming, target, skipBadRows);
            if (file.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".json")) {
                reader.readJson();
            } else {
                reader.readCsv();
            }
            skipped.put(file.toString(), reader.skipped);
            int rows = target.size() - before;
            sources.add(new Source(file.getFileName().toString(), naming.symbol(),
                    naming.interval().orElseGet(() -> rows == 0 ? "?" : target.get(target.size() - 1).interval()),
                    naming.interval().isPresent() ? "file name" : "--symbols", rows));
        }
        List<MarketPriceUpdate> all = new ArrayList<>();
        List<Gap> gaps = new ArrayList<>();
        for (Map.Entry<String, List<MarketPriceUpdate>> entry : bySymbol.entrySet()) {
            List<MarketPriceUpdate> bars = entry.getValue().stream()
                    .filter(b -> from.map(f -> !b.openTime().isBefore(f)).orElse(true))
                    .filter(b -> to.map(t -> !b.closeTime().isAfter(t)).orElse(true))
                    .sorted(Comparator.comparing(MarketPriceUpdate::openTime)).toList();
            for (int i = 1; i < bars.size(); i++) {
                MarketPriceUpdate previous = bars.get(i - 1);
                MarketPriceUpdate bar = bars.get(i);
                if (bar.openTime().equals(previous.openTime())) {
                    throw new IllegalArgumentException(entry.getKey() + " has two bars opening at " + bar.openTime()
                            + " (overlapping files?)");
                }
                if (bar.openTime().isAfter(previous.closeTime())) {
                    Duration length = Duration.between(previous.openTime(), previous.closeTime());
                    long missing = Duration.between(previous.closeTime(), bar.openTime()).toMillis()
                            / Math.max(1, length.toMillis());
                    gaps.add(new Gap(entry.getKey(), previous.closeTime(), bar.openTime(), missing));
                }
            }
            all.addAll(bars);
        }
        if (all.isEmpty()) {
            throw new IllegalArgumentException("no bars in " + files
                    + (from.isPresent() || to.isPresent() ? " between --from and --to" : "")
                    + (symbols.isEmpty() ? "" : " for " + symbols));
        }
        all.sort(Comparator.comparing(MarketPriceUpdate::closeTime).thenComparing(MarketPriceUpdate::symbol).thenComparing(MarketPriceUpdate::openTime));
        return new Loaded(List.copyOf(all), Map.copyOf(skipped), List.copyOf(gaps), List.copyOf(bySymbol.keySet()),
                List.copyOf(sources));
    }

    static Naming naming(Path file, List<String> symbols, int index, int fileCount) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        Matcher matcher = NAME.matcher(dot > 0 ? name.substring(0, dot) : name);
        if (matcher.find()) {
            return new Naming(matcher.group(1), Optional.of(matcher.group(2)));
        }
        if (symbols.size() == 1) {
            return new Naming(symbols.get(0), Optional.empty());
        }
        if (symbols.size() == fileCount) {
            return new Naming(symbols.get(index), Optional.empty());
        }
        throw new IllegalArgumentException("cannot tell the symbol of " + file + ": name it like BTCUSDT-1h-2025-01.csv "
                + "or give --symbols (one for all files, or one per file)");
    }


    private static final class RowReader {

        private final Path file;
        private final Naming naming;
        private final List<MarketPriceUpdate> target;
        private final boolean skipBadRows;
        private long skipped;
        private Instant lastOpen;

        RowReader(Path file, Naming naming, List<MarketPriceUpdate> target, boolean skipBadRows) {
            this.file = file;
            this.naming = naming;
            this.target = target;
            this.skipBadRows = skipBadRows;
        }

        void readCsv() {
            try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                String line;
                long number = 0;
                while ((line = reader.readLine()) != null) {
                    number++;
                    String trimmed = line.strip();
                    if (trimmed.isEmpty()) {
                        continue;
                    }
                    String[] fields = trimmed.split(",", -1);
                    if (number == 1 && !fields[0].strip().isEmpty() && !Character.isDigit(fields[0].strip().charAt(0))) {
                        continue; // header row
                    }
                    accept(number, List.of(fields));
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file, e);
            }
        }

        void readJson() {
            try (JsonParser parser = EventJson.mapper().createParser(file.toFile())) {
                if (parser.nextToken() != JsonToken.START_ARRAY) {
                    throw new BadRowException(file, parser.currentTokenLocation().getLineNr(),
                            "expected a JSON array of klines");
                }
                while (parser.nextToken() == JsonToken.START_ARRAY) {
                    long line = parser.currentTokenLocation().getLineNr();
                    JsonNode row = EventJson.mapper().readTree(parser);
                    List<String> fields = new ArrayList<>();
                    row.forEach(node -> fields.add(node.asText()));
                    accept(line, fields);
                }
                if (parser.currentToken() != JsonToken.END_ARRAY) {
                    throw new BadRowException(file, parser.currentTokenLocation().getLineNr(),
                            "expected a kline array but found " + parser.currentToken());
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
            }
        }

        private void accept(long line, List<String> fields) {
            try {
                MarketPriceUpdate bar = parse(fields);
                if (lastOpen != null && !bar.openTime().isAfter(lastOpen)) {
                    throw new IllegalArgumentException("bar opening at " + bar.openTime()
                            + " is not after the previous row's " + lastOpen);
                }
                lastOpen = bar.openTime();
                target.add(bar);
            } catch (IllegalArgumentException e) {
                if (!skipBadRows) {
                    throw new BadRowException(file, line, e.getMessage());
                }
                skipped++;
            }
        }

        private MarketPriceUpdate parse(List<String> fields) {
            if (fields.size() != COLUMNS) {
                throw new IllegalArgumentException("expected " + COLUMNS + " columns but found " + fields.size());
            }
            Instant open = time(fields.get(0), "open_time");
            // Binance's close_time is the bar's last millisecond; the platform's bars close at the next open
            Instant close = afterLastTick(fields.get(6));
            if (!close.isAfter(open)) {
                throw new IllegalArgumentException("close_time is not after open_time");
            }
            String interval = naming.interval().orElseGet(() -> PriceBars.intervalName(Duration.between(open, close)));
            return PriceBars.bar(naming.symbol(), interval, open, close, decimal(fields.get(1), "open"),
                    decimal(fields.get(2), "high"), decimal(fields.get(3), "low"), decimal(fields.get(4), "close"),
                    decimal(fields.get(5), "volume"));
        }

        private static Instant time(String field, String column) {
            long value;
            try {
                value = Long.parseLong(field.strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(column + " '" + field + "' is not an epoch time");
            }
            if (value < 0) {
                throw new IllegalArgumentException(column + " " + value + " is negative");
            }
            if (value >= MICROS_THRESHOLD) {
                return Instant.ofEpochSecond(value / 1_000_000, (value % 1_000_000) * 1_000);
            }
            return Instant.ofEpochMilli(value);
        }

        /** Binance's close_time plus its own unit (1 ms, or 1 µs in microsecond files). */
        private static Instant afterLastTick(String field) {
            Instant last = time(field, "close_time");
            boolean micros = Long.parseLong(field.strip()) >= MICROS_THRESHOLD;
            return micros ? last.plusNanos(1_000) : last.plusMillis(1);
        }

        private static BigDecimal decimal(String field, String column) {
            try {
                return new BigDecimal(field.strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(column + " '" + field + "' is not a decimal number");
            }
        }
    }
}
