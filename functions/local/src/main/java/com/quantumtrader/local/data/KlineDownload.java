package com.quantumtrader.local.data;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Downloads one symbol's klines batch by batch into a CSV of Binance's 12 columns (the layout of its data archive,
 * which {@code backtest --data} reads), continuing after the last complete bar of an earlier, interrupted run.
 * Only closed bars are written; the bars the exchange does not have are listed as gaps, never invented.
 */
final class KlineDownload {

    static final int PAGE_LIMIT = 1500;
    static final String HEADER = "open_time,open,high,low,close,volume,close_time,quote_volume,count,"
            + "taker_buy_volume,taker_buy_quote_volume,ignore";
    private static final int COLUMNS = 12;

    /**
     * @param written     bars written by this run
     * @param resumedFrom bars already in the file when this run started
     */
    record Result(String symbol, Path file, long written, long resumedFrom, long expected, Gaps.Scan scan) {
    }

    /** Where the bars come from: pages of the REST endpoint, or the files of the data archive. */
    interface Source {

        /**
         * Hands every closed bar opening in [cursor, last] to {@code sink} as CSV rows of the 12 columns, in
         * order of open time, a batch at a time (each batch is written before the next is fetched).
         */
        void fetch(String symbol, Interval interval, long cursor, long last, Consumer<List<String>> sink);
    }

    private final BinancePublicApi api;
    private final Clock clock;
    private final PrintWriter out;
    private final Source source;

    KlineDownload(BinancePublicApi api, Clock clock, PrintWriter out, Source source) {
        this.api = api;
        this.clock = clock;
        this.out = out;
        this.source = source;
    }

    /** Pages of {@code GET /fapi/v1/klines}, 1500 bars each, from the cursor on. */
    static Source rest(BinancePublicApi api, Clock clock) {
        return (symbol, interval, cursor, last, sink) -> {
            long next = cursor;
            while (next <= last) {
                JsonNode page = api.klines(symbol, interval, next, last, PAGE_LIMIT);
                if (!page.isArray()) {
                    throw new DownloadException("GET /fapi/v1/klines answered " + abbreviate(page) + " instead of an "
                            + "array of klines", DownloadCommand.EXIT_FAILURE);
                }
                List<String> rows = new ArrayList<>();
                long lastOpen = -1;
                long closedBy = clock.instant().toEpochMilli();
                for (JsonNode kline : page) {
                    long open = openTime(kline);
                    // the close time is the bar's last millisecond; a bar still open is not history yet
                    if (open < next || open > last || kline.get(6).asLong() >= closedBy) {
                        continue;
                    }
                    rows.add(csv(kline));
                    lastOpen = open;
                }
                sink.accept(rows);
                if (rows.isEmpty() || page.size() < PAGE_LIMIT) {
                    break; // fewer than asked for: the exchange has no more bars in the range
                }
                next = lastOpen + interval.millis();
            }
        };
    }

    Result run(DownloadRequest request, String symbol) {
        Interval interval = request.interval();
        long first = interval.firstOpenAtOrAfter(request.from());
        Instant now = clock.instant();
        long last = Math.min(interval.lastOpenClosingBy(request.to()), interval.lastOpenClosingBy(now));
        Path path = request.klineFile(symbol);
        long expected = last < first ? 0 : (last - first) / interval.millis() + 1;
        long written = 0;
        long resumedFrom;
        try (ResumableCsvFile file = ResumableCsvFile.open(path, HEADER, 0, COLUMNS)) {
            long cursor = file.lastKey().isPresent() ? Math.max(first, file.lastKey().getAsLong() + interval.millis())
                    : first;
            resumedFrom = file.lastKey().isPresent() ? Gaps.scan(path, interval, first, last).bars() : 0;
            if (file.lastKey().isPresent()) {
                out.printf("%s: resuming %s after the bar opening at %s (%d bars already there%s)%n", symbol,
                        path.getFileName(), Instant.ofEpochMilli(file.lastKey().getAsLong()), resumedFrom,
                        file.droppedBytes() > 0 ? ", a cut-off last line of " + file.droppedBytes() + " bytes dropped"
                                : "");
            }
            ProgressBar progress = new ProgressBar(out, clock, symbol + " " + interval.binanceName(), expected,
                    "bars");
            long[] count = {0};
            long before = resumedFrom;
            source.fetch(symbol, interval, cursor, last, rows -> {
                file.append(rows);
                count[0] += rows.size();
                progress.update(before + count[0], api.usedWeight(), false);
            });
            written = count[0];
            progress.update(resumedFrom + written, api.usedWeight(), true);
        }
        Gaps.Scan scan = last < first ? new Gaps.Scan(0, List.of()) : Gaps.scan(path, interval, first, last);
        writeGaps(request.gapsFile(symbol), symbol, interval, scan);
        return new Result(symbol, path, written, resumedFrom, expected, scan);
    }

    private static long openTime(JsonNode kline) {
        if (!kline.isArray() || kline.size() != COLUMNS || !kline.get(0).canConvertToLong()
                || !kline.get(6).canConvertToLong()) {
            throw new DownloadException("GET /fapi/v1/klines answered a row that is not a kline of " + COLUMNS
                    + " fields: " + abbreviate(kline), DownloadCommand.EXIT_FAILURE);
        }
        return kline.get(0).asLong();
    }

    /** The fields as Binance sent them: numbers as digits, decimal strings untouched. */
    private static String csv(JsonNode kline) {
        StringBuilder row = new StringBuilder();
        for (int i = 0; i < COLUMNS; i++) {
            String text = kline.get(i).asText();
            if (text.indexOf(',') >= 0 || text.indexOf('\n') >= 0) {
                throw new DownloadException("kline field " + i + " is not a plain value: " + abbreviate(kline),
                        DownloadCommand.EXIT_FAILURE);
            }
            row.append(i == 0 ? "" : ",").append(text);
        }
        return row.toString();
    }

    /** One line per gap (first and last missing bar's open time, and how many); no file when nothing is missing. */
    private static void writeGaps(Path gapsFile, String symbol, Interval interval, Gaps.Scan scan) {
        try {
            if (scan.gaps().isEmpty()) {
                Files.deleteIfExists(gapsFile);
                return;
            }
            List<String> lines = new ArrayList<>();
            lines.add("symbol,interval,first_missing_open,last_missing_open,missing_bars");
            scan.gaps().forEach(gap -> lines.add(symbol + "," + interval.binanceName() + "," + gap.firstMissing()
                    + "," + gap.lastMissing() + "," + gap.missingBars()));
            Files.write(gapsFile, lines, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + gapsFile, e);
        }
    }

    static String abbreviate(JsonNode node) {
        String text = String.valueOf(node);
        return text.length() > 200 ? text.substring(0, 200) + "…" : text;
    }
}
