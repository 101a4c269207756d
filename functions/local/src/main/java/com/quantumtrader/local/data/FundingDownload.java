package com.quantumtrader.local.data;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Downloads one symbol's funding-rate history ({@code GET /fapi/v1/fundingRate}) into a CSV with the header
 * {@code symbol,fundingTime,fundingRate,markPrice}: one row per settlement, the fields of the JSON response as
 * Binance sent them (fundingTime in epoch milliseconds; markPrice empty where Binance gives none). Resumes like the
 * klines do.
 */
final class FundingDownload {

    static final int PAGE_LIMIT = 1000;
    static final String HEADER = "symbol,fundingTime,fundingRate,markPrice";
    private static final int TIME_COLUMN = 1;

    record Result(String symbol, Path file, long written, long total, Instant firstTime, Instant lastTime) {
    }

    private final BinancePublicApi api;
    private final Clock clock;
    private final PrintWriter out;

    FundingDownload(BinancePublicApi api, Clock clock, PrintWriter out) {
        this.api = api;
        this.clock = clock;
        this.out = out;
    }

    Result run(DownloadRequest request, String symbol) {
        long start = request.from().toEpochMilli();
        // endTime is inclusive; [from, to) like the bars, and nothing that has not happened yet
        long end = Math.min(request.to().toEpochMilli(), clock.instant().toEpochMilli()) - 1;
        Path path = request.fundingFile(symbol);
        long written = 0;
        try (ResumableCsvFile file = ResumableCsvFile.open(path, HEADER, TIME_COLUMN, 4)) {
            long cursor = file.lastKey().isPresent() ? Math.max(start, file.lastKey().getAsLong() + 1) : start;
            if (file.lastKey().isPresent()) {
                out.printf("%s: resuming %s after the funding at %s%n", symbol, path.getFileName(),
                        Instant.ofEpochMilli(file.lastKey().getAsLong()));
            }
            ProgressBar progress = new ProgressBar(out, clock, symbol + " funding", -1, "rates");
            while (cursor <= end) {
                JsonNode page = api.fundingRates(symbol, cursor, end, PAGE_LIMIT);
                if (!page.isArray()) {
                    throw new DownloadException("GET /fapi/v1/fundingRate answered " + KlineDownload.abbreviate(page)
                            + " instead of an array", DownloadCommand.EXIT_FAILURE);
                }
                List<String> rows = new ArrayList<>();
                long lastTime = -1;
                for (JsonNode rate : page) {
                    JsonNode time = rate.get("fundingTime");
                    if (time == null || !time.canConvertToLong() || !rate.hasNonNull("fundingRate")) {
                        throw new DownloadException("GET /fapi/v1/fundingRate answered an entry without fundingTime "
                                + "or fundingRate: " + KlineDownload.abbreviate(rate), DownloadCommand.EXIT_FAILURE);
                    }
                    if (time.asLong() < cursor || time.asLong() > end) {
                        continue;
                    }
                    rows.add(symbol + "," + time.asLong() + "," + rate.get("fundingRate").asText() + ","
                            + rate.path("markPrice").asText(""));
                    lastTime = time.asLong();
                }
                file.append(rows);
                written += rows.size();
                progress.update(written, api.usedWeight(), false);
                if (rows.isEmpty() || page.size() < PAGE_LIMIT) {
                    break;
                }
                cursor = lastTime + 1;
            }
            progress.update(written, api.usedWeight(), true);
        }
        return summarize(symbol, path, written);
    }

    private static Result summarize(String symbol, Path path, long written) {
        List<Long> times = new ArrayList<>();
        try (var lines = java.nio.file.Files.lines(path)) {
            lines.skip(1).forEach(line -> times.add(Long.parseLong(line.split(",", -1)[TIME_COLUMN])));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot read " + path, e);
        }
        return new Result(symbol, path, written, times.size(),
                times.isEmpty() ? null : Instant.ofEpochMilli(times.get(0)),
                times.isEmpty() ? null : Instant.ofEpochMilli(times.get(times.size() - 1)));
    }
}
