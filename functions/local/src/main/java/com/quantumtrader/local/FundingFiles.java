package com.quantumtrader.local;

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
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the funding rates Binance USDⓈ-M settled, in the two layouts it publishes them:
 * <ul>
 *   <li>CSV of its public data archive (data.binance.vision, {@code BTCUSDT-fundingRate-2025-01.csv}):
 *       {@code calc_time,funding_interval_hours,last_funding_rate}, with or without the header; the symbol comes
 *       from the file name;</li>
 *   <li>JSON of {@code GET /fapi/v1/fundingRate}: an array of {@code {"symbol", "fundingTime", "fundingRate",
 *       "markPrice"}} objects.</li>
 * </ul>
 * Times are epoch milliseconds; Binance stamps some settlements a few milliseconds after the hour, so each time is
 * taken to the nearest minute. A bad row stops the load with its file and line.
 */
final class FundingFiles {

    static final String CSV_HEADER = "calc_time,funding_interval_hours,last_funding_rate";
    private static final Pattern NAME = Pattern.compile("([A-Z0-9]{2,20})[-_]fundingRate(?=[-_.]|$)");
    private static final long MINUTE_MILLIS = 60_000;

    /** The rates of one symbol and where they came from. */
    record SymbolRates(String symbol, NavigableMap<Instant, BigDecimal> rates, List<String> files) {

        Instant first() {
            return rates.firstKey();
        }

        Instant last() {
            return rates.lastKey();
        }
    }

    /** Every symbol's settled rates, by symbol. */
    record Loaded(Map<String, SymbolRates> bySymbol) {

        Map<String, NavigableMap<Instant, BigDecimal>> rates() {
            Map<String, NavigableMap<Instant, BigDecimal>> rates = new TreeMap<>();
            bySymbol.forEach((symbol, loaded) -> rates.put(symbol, loaded.rates()));
            return rates;
        }
    }

    private FundingFiles() {
    }

    static Loaded load(List<Path> files) {
        Map<String, NavigableMap<Instant, BigDecimal>> rates = new TreeMap<>();
        Map<String, List<String>> sources = new TreeMap<>();
        for (Path file : files) {
            Reader reader = new Reader(file, rates, sources);
            if (file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json")) {
                reader.readJson();
            } else {
                reader.readCsv();
            }
            if (reader.rows == 0) {
                throw new IllegalArgumentException(file + ": no funding rates in the file");
            }
        }
        Map<String, SymbolRates> bySymbol = new TreeMap<>();
        rates.forEach((symbol, byTime) -> bySymbol.put(symbol, new SymbolRates(symbol,
                java.util.Collections.unmodifiableNavigableMap(byTime), List.copyOf(sources.get(symbol)))));
        return new Loaded(java.util.Collections.unmodifiableMap(bySymbol));
    }

    /** The symbol of an archive CSV, from a name like BTCUSDT-fundingRate-2025-01.csv. */
    static String symbolOf(Path file) {
        String name = file.getFileName().toString();
        Matcher matcher = NAME.matcher(name);
        if (!matcher.find()) {
            throw new IllegalArgumentException("cannot tell the symbol of " + file + ": name it like "
                    + "BTCUSDT-fundingRate-2025-01.csv (Binance's archive name), or use the JSON of /fapi/v1/fundingRate");
        }
        return matcher.group(1);
    }

    private static final class Reader {

        private final Path file;
        private final Map<String, NavigableMap<Instant, BigDecimal>> rates;
        private final Map<String, List<String>> sources;
        private long rows;

        Reader(Path file, Map<String, NavigableMap<Instant, BigDecimal>> rates, Map<String, List<String>> sources) {
            this.file = file;
            this.rates = rates;
            this.sources = sources;
        }

        void readCsv() {
            String symbol = symbolOf(file);
            try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                String line;
                long number = 0;
                while ((line = reader.readLine()) != null) {
                    number++;
                    String trimmed = line.strip();
                    if (trimmed.isEmpty()) {
                        continue;
                    }
                    if (number == 1 && !Character.isDigit(trimmed.charAt(0))) {
                        if (!trimmed.replace(" ", "").equalsIgnoreCase(CSV_HEADER)) {
                            throw bad(number, "expected the header " + CSV_HEADER + " but found " + trimmed);
                        }
                        continue;
                    }
                    String[] fields = trimmed.split(",", -1);
                    if (fields.length != 3) {
                        throw bad(number, "expected 3 columns (" + CSV_HEADER + ") but found " + fields.length);
                    }
                    add(number, symbol, time(number, fields[0], "calc_time"), rate(number, fields[2],
                            "last_funding_rate"));
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file, e);
            }
        }

        void readJson() {
            try (JsonParser parser = EventJson.mapper().createParser(file.toFile())) {
                if (parser.nextToken() != JsonToken.START_ARRAY) {
                    throw bad(parser.currentTokenLocation().getLineNr(), "expected a JSON array of funding rates "
                            + "(the response of GET /fapi/v1/fundingRate)");
                }
                while (parser.nextToken() == JsonToken.START_OBJECT) {
                    long line = parser.currentTokenLocation().getLineNr();
                    JsonNode row = EventJson.mapper().readTree(parser);
                    String symbol = row.path("symbol").asText("");
                    if (!symbol.matches("[A-Z0-9]{2,20}")) {
                        throw bad(line, "symbol '" + symbol + "' is missing or not a symbol");
                    }
                    add(line, symbol, time(line, row.path("fundingTime").asText(""), "fundingTime"),
                            rate(line, row.path("fundingRate").asText(""), "fundingRate"));
                }
                if (parser.currentToken() != JsonToken.END_ARRAY) {
                    throw bad(parser.currentTokenLocation().getLineNr(), "expected a funding rate object but found "
                            + parser.currentToken());
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
            }
        }

        private void add(long line, String symbol, Instant time, BigDecimal rate) {
            NavigableMap<Instant, BigDecimal> byTime = rates.computeIfAbsent(symbol, s -> new TreeMap<>());
            BigDecimal earlier = byTime.get(time);
            if (earlier != null && earlier.compareTo(rate) != 0) {
                throw bad(line, symbol + " at " + time + " has rate " + rate.toPlainString() + " here but "
                        + earlier.toPlainString() + " in an earlier row or file");
            }
            byTime.put(time, rate);
            List<String> files = sources.computeIfAbsent(symbol, s -> new ArrayList<>());
            String name = file.getFileName().toString();
            if (!files.contains(name)) {
                files.add(name);
            }
            rows++;
        }

        private Instant time(long line, String field, String column) {
            long millis;
            try {
                millis = Long.parseLong(field.strip());
            } catch (NumberFormatException e) {
                throw bad(line, column + " '" + field + "' is not an epoch time in milliseconds");
            }
            if (millis <= 0) {
                throw bad(line, column + " " + millis + " is not after 1970");
            }
            return Instant.ofEpochMilli(Math.floorDiv(millis + MINUTE_MILLIS / 2, MINUTE_MILLIS) * MINUTE_MILLIS);
        }

        private BigDecimal rate(long line, String field, String column) {
            BigDecimal rate;
            try {
                rate = new BigDecimal(field.strip());
            } catch (NumberFormatException e) {
                throw bad(line, column + " '" + field + "' is not a decimal number");
            }
            if (rate.abs().compareTo(CostModel.MAX_FUNDING_RATE) > 0) {
                throw bad(line, column + " " + rate.toPlainString() + " is beyond +-"
                        + CostModel.MAX_FUNDING_RATE.toPlainString() + " per interval");
            }
            return rate;
        }

        private IllegalArgumentException bad(long line, String problem) {
            return new IllegalArgumentException(file + ":" + line + ": " + problem);
        }
    }
}
