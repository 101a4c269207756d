package com.quantumtrader.local.data;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/** One progress line per second at most on stdout: a bar, percent, rows and the request weight used. */
final class ProgressBar {

    private static final int WIDTH = 30;
    private static final Duration EVERY = Duration.ofSeconds(1);

    private final PrintWriter out;
    private final Clock clock;
    private final String label;
    private final long total;
    private final String unit;
    private Instant lastPrint = Instant.MIN;

    /** @param total rows expected, or -1 when unknown (funding rates) */
    ProgressBar(PrintWriter out, Clock clock, String label, long total, String unit) {
        this.out = out;
        this.clock = clock;
        this.label = label;
        this.total = total;
        this.unit = unit;
    }

    void update(long done, long usedWeight, boolean last) {
        Instant now = clock.instant();
        if (!last && Duration.between(lastPrint, now).compareTo(EVERY) < 0) {
            return;
        }
        lastPrint = now;
        out.println(line(done, usedWeight));
        out.flush();
    }

    String line(long done, long usedWeight) {
        String weight = String.format(Locale.ROOT, "  weight %d/%d", usedWeight,
                BinancePublicApi.WEIGHT_LIMIT_PER_MINUTE);
        if (total <= 0) {
            return String.format(Locale.ROOT, "%-22s %d %s", label, done, unit) + weight;
        }
        double fraction = Math.min(1.0, (double) done / total);
        int filled = (int) Math.floor(fraction * WIDTH);
        return String.format(Locale.ROOT, "%-22s [%s%s] %5.1f%%  %d/%d %s", label, "#".repeat(filled),
                "-".repeat(WIDTH - filled), fraction * 100, done, total, unit) + weight;
    }
}
