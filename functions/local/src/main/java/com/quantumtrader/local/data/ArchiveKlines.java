package com.quantumtrader.local.data;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Klines from Binance's public data archive: a month's zip where it is published
 * ({@code data/futures/um/monthly/klines/SYMBOL/1h/SYMBOL-1h-2025-01.zip}), else the day's zips
 * ({@code data/futures/um/daily/klines/…/SYMBOL-1h-2025-01-31.zip}); each checked against its published
 * {@code .CHECKSUM} (SHA-256) before a row of it is written. A file the archive does not have leaves a gap.
 */
final class ArchiveKlines implements KlineDownload.Source {

    static final URI DEFAULT_ARCHIVE_URL = URI.create("https://data.binance.vision");
    private static final Pattern SHA256 = Pattern.compile("\\b([0-9a-fA-F]{64})\\b");
    private static final long MICROS_THRESHOLD = 100_000_000_000_000L;
    private static final int COLUMNS = 12;

    private final BinancePublicApi api;
    private final URI archiveUrl;
    private final Clock clock;

    ArchiveKlines(BinancePublicApi api, URI archiveUrl, Clock clock) {
        this.api = api;
        this.archiveUrl = archiveUrl;
        this.clock = clock;
    }

    @Override
    public void fetch(String symbol, Interval interval, long cursor, long last, Consumer<List<String>> sink) {
        if (cursor > last) {
            return;
        }
        long[] next = {cursor};
        YearMonth lastMonth = YearMonth.from(day(last));
        for (YearMonth month = YearMonth.from(day(cursor)); !month.isAfter(lastMonth); month = month.plusMonths(1)) {
            String name = symbol + "-" + interval.binanceName() + "-" + month;
            Optional<List<String>> monthly = file("monthly", symbol, interval, name);
            if (monthly.isPresent()) {
                next[0] = hand(monthly.get(), next[0], last, sink);
                continue;
            }
            // not published for the month (yet): its days, one file each
            LocalDate firstDay = max(month.atDay(1), day(next[0]));
            LocalDate lastDay = min(month.atEndOfMonth(), day(last));
            for (LocalDate date = firstDay; !date.isAfter(lastDay); date = date.plusDays(1)) {
                Optional<List<String>> daily = file("daily", symbol, interval,
                        symbol + "-" + interval.binanceName() + "-" + date);
                if (daily.isPresent()) {
                    next[0] = hand(daily.get(), next[0], last, sink);
                }
            }
        }
    }

    /** Passes on the rows opening in [next, last] that have closed; returns where the next rows start. */
    private long hand(List<String> rows, long next, long last, Consumer<List<String>> sink) {
        long closedBy = clock.instant().toEpochMilli();
        List<String> kept = new ArrayList<>();
        long cursor = next;
        for (String row : rows) {
            String[] fields = row.split(",", -1);
            long open = Long.parseLong(fields[0]);
            long closeTime = Long.parseLong(fields[6]);
            if (open < cursor || open > last || closeTime >= closedBy) {
                continue;
            }
            kept.add(row);
            cursor = open + 1;
        }
        sink.accept(kept);
        return cursor;
    }

    /** The CSV rows of one verified archive file; empty when the archive has no such file. */
    private Optional<List<String>> file(String period, String symbol, Interval interval, String name) {
        String base = archiveUrl.toString().replaceAll("/+$", "") + "/data/futures/um/" + period + "/klines/"
                + symbol + "/" + interval.binanceName() + "/" + name + ".zip";
        Optional<byte[]> zip = api.archiveFile(URI.create(base));
        if (zip.isEmpty()) {
            return Optional.empty();
        }
        byte[] checksumFile = api.archiveFile(URI.create(base + ".CHECKSUM")).orElseThrow(() ->
                new DownloadException(name + ".zip has no published .CHECKSUM: cannot verify it, nothing of it "
                        + "written", DownloadCommand.EXIT_FAILURE));
        Matcher matcher = SHA256.matcher(new String(checksumFile, StandardCharsets.UTF_8));
        if (!matcher.find()) {
            throw new DownloadException(name + ".zip.CHECKSUM holds no SHA-256: cannot verify it, nothing of it "
                    + "written", DownloadCommand.EXIT_FAILURE);
        }
        String expected = matcher.group(1).toLowerCase(java.util.Locale.ROOT);
        String actual = sha256(zip.get());
        if (!expected.equals(actual)) {
            throw new DownloadException(name + ".zip does not match its published checksum (SHA-256 " + actual
                    + ", .CHECKSUM says " + expected + "): nothing of it written; run again to fetch it anew",
                    DownloadCommand.EXIT_FAILURE);
        }
        return Optional.of(rows(name, zip.get()));
    }

    private static List<String> rows(String name, byte[] zip) {
        List<String> rows = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                if (!entry.getName().endsWith(".csv")) {
                    continue;
                }
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
                String line;
                long number = 0;
                while ((line = reader.readLine()) != null) {
                    number++;
                    String trimmed = line.strip();
                    if (trimmed.isEmpty() || (number == 1 && !Character.isDigit(trimmed.charAt(0)))) {
                        continue; // the header row the newer files carry
                    }
                    rows.add(row(name, number, trimmed));
                }
            }
        } catch (IOException e) {
            throw new DownloadException(name + ".zip cannot be read: " + e.getMessage(), e);
        }
        return rows;
    }

    /** Validated, times in milliseconds (as the REST rows and the rest of the file). */
    private static String row(String name, long number, String line) {
        String[] fields = line.split(",", -1);
        try {
            if (fields.length != COLUMNS) {
                throw new NumberFormatException(fields.length + " columns instead of " + COLUMNS);
            }
            fields[0] = Long.toString(millis(Long.parseLong(fields[0])));
            fields[6] = Long.toString(millis(Long.parseLong(fields[6])));
            return String.join(",", fields);
        } catch (NumberFormatException e) {
            throw new DownloadException(name + ".csv line " + number + " is not a kline (" + e.getMessage() + "): "
                    + line, DownloadCommand.EXIT_FAILURE);
        }
    }

    private static long millis(long time) {
        return time >= MICROS_THRESHOLD ? time / 1000 : time;
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    private static LocalDate day(long millis) {
        return Instant.ofEpochMilli(millis).atZone(ZoneOffset.UTC).toLocalDate();
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }
}
