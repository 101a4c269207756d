package com.quantumtrader.local.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Bars missing from a downloaded kline file: the exchange had none (maintenance, not yet listed, delisted). */
final class Gaps {

    /** Bars opening at {@code firstMissing} .. {@code lastMissing} (inclusive) are not in the file. */
    record Gap(Instant firstMissing, Instant lastMissing, long missingBars) {
    }

    /** What a file holds between two bar open times. */
    record Scan(long bars, List<Gap> gaps) {

        long missingBars() {
            return gaps.stream().mapToLong(Gap::missingBars).sum();
        }
    }

    private Gaps() {
    }

    /** Compares the open times in {@code file} (first column, header skipped) with every bar from first to last. */
    static Scan scan(Path file, Interval interval, long firstOpen, long lastOpen) {
        List<Gap> gaps = new ArrayList<>();
        long expected = firstOpen;
        long bars = 0;
        long step = interval.millis();
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            reader.readLine(); // header
            String line;
            long number = 1;
            while ((line = reader.readLine()) != null) {
                number++;
                int comma = line.indexOf(',');
                long open;
                try {
                    open = Long.parseLong(line.substring(0, Math.max(comma, 0)));
                } catch (NumberFormatException e) {
                    throw new DownloadException(file + ":" + number + " is not a kline row: " + line,
                            DownloadCommand.EXIT_INVALID_INPUT);
                }
                if (open < firstOpen || open > lastOpen) {
                    continue;
                }
                if (open > expected) {
                    gaps.add(gap(expected, open - step, step));
                }
                bars++;
                expected = Math.max(expected, open + step);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        if (expected <= lastOpen) {
            gaps.add(gap(expected, lastOpen, step));
        }
        return new Scan(bars, List.copyOf(gaps));
    }

    private static Gap gap(long first, long last, long step) {
        return new Gap(Instant.ofEpochMilli(first), Instant.ofEpochMilli(last), (last - first) / step + 1);
    }
}
