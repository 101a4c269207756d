package com.quantumtrader.local;

import static com.quantumtrader.events.EventCatalog.AI_SIGNAL_GENERATED;
import static com.quantumtrader.events.EventCatalog.EXECUTION_ORDER_FAILED;
import static com.quantumtrader.events.EventCatalog.EXECUTION_ORDER_FILLED;
import static com.quantumtrader.events.EventCatalog.EXECUTION_ORDER_SUBMITTED;
import static com.quantumtrader.events.EventCatalog.PORTFOLIO_POSITION_CLOSED;
import static com.quantumtrader.events.EventCatalog.PORTFOLIO_POSITION_OPENED;
import static com.quantumtrader.events.EventCatalog.RISK_SIGNAL_APPROVED;
import static com.quantumtrader.events.EventCatalog.RISK_SIGNAL_REJECTED;

import com.quantumtrader.core.handler.HandlerMetrics;
import com.quantumtrader.core.handler.HandlerRuntime;
import com.quantumtrader.events.portfolio.PortfolioPerformance;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Progress lines a person can follow, and the summary at the end. Wall time here is for display only.
 *
 * <p>A step is one close time; it plays one bar of every symbol that has one then, so a run over three symbols
 * plays three bars a step. Speed is in bars. The time left is estimated from a warm rate: the speed over about the
 * last {@link #RATE_WINDOW_MILLIS} of wall time, measured from the first progress line after the first second on
 * (class loading and JIT make the start much slower than the rest; an estimate from it would be far too long).
 */
final class Progress {

    private static final long PRINT_EVERY_MILLIS = 1_000;
    static final long RATE_WINDOW_MILLIS = 30_000;

    /** Bars played by a wall time, for the warm rate. */
    private record Sample(long wallMillis, long bars) {
    }

    private final LocalPlatform platform;
    private final PrintWriter out;
    private final long totalSteps;
    private final long totalBars;
    private final LongSupplier wallMillis;
    private final long startedAt;
    /** Samples of the warm part of the run, oldest first: those within the rate window and the last before it. */
    private final List<Sample> warm = new ArrayList<>();
    private long lastPrint;
    private long lastPrintedStep = -1;

    /** Open-ended (paper): no totals, no ETA. */
    Progress(LocalPlatform platform, PrintWriter out) {
        this(platform, out, -1, -1, System::currentTimeMillis);
    }

    /** @param totalSteps how many steps the run will play and {@code totalBars} how many bars, -1 when unknown */
    Progress(LocalPlatform platform, PrintWriter out, long totalSteps, long totalBars) {
        this(platform, out, totalSteps, totalBars, System::currentTimeMillis);
    }

    /** @param wallMillis the wall clock in milliseconds (a test's own, to check speed and ETA) */
    Progress(LocalPlatform platform, PrintWriter out, long totalSteps, long totalBars, LongSupplier wallMillis) {
        this.platform = platform;
        this.out = out;
        this.totalSteps = totalSteps;
        this.totalBars = totalBars;
        this.wallMillis = wallMillis;
        this.startedAt = wallMillis.getAsLong();
    }

    void started(PaperOptions options) {
        out.printf("Quantum Trader paper trading: %s, seed %d, %s, %d handlers wired by the routing table%n",
                String.join(",", options.symbols()), options.seed(),
                options.bars().map(n -> n + " bars of 1h").orElse("until Ctrl-C"), platform.runtimes().size());
        if (platform.resumedAt() > 0) {
            out.printf("resuming after bar %d (the checkpoint in Redis): the next bar is %d%n", platform.resumedAt(),
                    platform.resumedAt() + 1);
        }
        options.eventsOut().ifPresent(path -> out.printf("events -> %s%n", path.toAbsolutePath()));
        platform.apiUri().ifPresent(uri -> out.printf("API %s  (health: GET /health; trading: /trading/positions, "
                + "/trading/traces/{trace_id}; admin: /admin/policy) with header Authorization: Bearer %s%n", uri,
                options.api().orElseThrow().tokens().get(PaperCommand.API_TOKEN_NAME)));
        out.flush();
    }

    void maybePrint() {
        long now = wallMillis.getAsLong();
        boolean last = totalSteps == platform.stats().steps();
        if (now - lastPrint >= PRINT_EVERY_MILLIS || last) {
            print(now);
            lastPrint = now;
        }
    }

    private void print(long now) {
        RunStats s = platform.stats();
        if (s.steps() == lastPrintedStep) {
            return;
        }
        lastPrintedStep = s.steps();
        out.printf("bar %d%s, step %d%s%s | signals %d approved %d rejected %d | orders %d filled %d failed %d | "
                        + "open %d | %s%n",
                s.bars(), totalBars >= 0 ? "/" + totalBars : "", s.steps(), totalSteps >= 0 ? "/" + totalSteps : "",
                speed(now, s.bars()), s.count(AI_SIGNAL_GENERATED.name()), s.count(RISK_SIGNAL_APPROVED.name()),
                s.count(RISK_SIGNAL_REJECTED.name()), s.count(EXECUTION_ORDER_SUBMITTED.name()),
                s.count(EXECUTION_ORDER_FILLED.name()), s.count(EXECUTION_ORDER_FAILED.name()),
                s.openPositions(), equity(s.lastPerformance()));
        out.flush();
    }

    /**
     * Bars per second and, when the total is known, the time left. Both come from the warm rate once there is
     * one; until then the speed is the average so far and there is no ETA yet.
     */
    private String speed(long now, long bars) {
        long elapsed = now - startedAt;
        if (elapsed < PRINT_EVERY_MILLIS || bars == 0) {
            return "";
        }
        warm.add(new Sample(now, bars));
        while (warm.size() > 2 && now - warm.get(1).wallMillis() >= RATE_WINDOW_MILLIS) {
            warm.remove(0);
        }
        Sample oldest = warm.get(0);
        long window = now - oldest.wallMillis();
        if (window <= 0 || bars == oldest.bars()) {
            // no warm rate yet: the average so far, and no estimate from it
            // this process's bars, not those of the run it resumed
            return String.format(Locale.ROOT, " (%.0f bars/s%s)",
                    (bars - platform.stats().resumedBars()) * 1000.0 / elapsed,
                    totalBars > bars ? ", ETA after warm-up" : "");
        }
        double perSecond = (bars - oldest.bars()) * 1000.0 / window;
        String speed = String.format(Locale.ROOT, " (%.0f bars/s", perSecond);
        if (totalBars > bars) {
            speed += ", ETA " + duration(Math.round((totalBars - bars) / perSecond));
        }
        return speed + ")";
    }

    /** m:ss, or h:mm:ss from an hour on. */
    static String duration(long seconds) {
        if (seconds >= 3600) {
            return String.format(Locale.ROOT, "%d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60);
        }
        return String.format(Locale.ROOT, "%d:%02d", seconds / 60, seconds % 60);
    }

    private static String equity(PortfolioPerformance performance) {
        if (performance == null) {
            return "equity n/a";
        }
        return "equity " + money(performance.equity()) + " | P&L realised " + money(performance.realizedPnl())
                + " unrealised " + money(performance.unrealizedPnl());
    }

    void summary(boolean interrupted) {
        print(wallMillis.getAsLong());
        RunStats s = platform.stats();
        double seconds = Math.max(1, wallMillis.getAsLong() - startedAt) / 1000.0;
        out.println();
        out.printf("%s after %d bars in %d steps in %.1f s (%.0f bars/s)%n",
                interrupted ? "Stopped (Ctrl-C)" : "Done", s.bars(), s.steps(), seconds,
                (s.bars() - s.resumedBars()) / seconds);
        out.printf("signals %d: approved %d, rejected %d %s%n", s.count(AI_SIGNAL_GENERATED.name()),
                s.count(RISK_SIGNAL_APPROVED.name()), s.count(RISK_SIGNAL_REJECTED.name()),
                s.rejectionsByReason().isEmpty() ? "" : s.rejectionsByReason());
        out.printf("positions opened %d, closed %d, open now %d; trades won %d, lost %d; realised P&L %s USDT%n",
                s.count(PORTFOLIO_POSITION_OPENED.name()), s.count(PORTFOLIO_POSITION_CLOSED.name()),
                s.openPositions(), s.wins(), s.losses(), money(s.realizedPnl()));
        PortfolioPerformance last = s.lastPerformance();
        if (last != null) {
            out.printf("equity %s USDT (peak %s, drawdown %s %%)%n", money(last.equity()), money(last.peakEquity()),
                    last.drawdown().movePointRight(2).setScale(2, RoundingMode.HALF_EVEN).toPlainString());
        }
        out.printf("events published %d, dead-lettered %d%n", platform.bus().publishedCount(),
                platform.bus().deadLetterCount());
        out.println("events by name:");
        s.countsByName().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> out.printf("  %-32s %8d%n", e.getKey(), e.getValue()));
        out.println("handlers (handled / duplicates / rejected / failed, latency p50 / p99 µs):");
        for (HandlerRuntime runtime : platform.runtimes()) {
            HandlerMetrics m = runtime.metrics();
            out.printf("  %-28s %7d %4d %4d %4d   %6d %6d%n", runtime.name(), m.handled(), m.duplicates(),
                    m.rejected(), m.failed(), m.latencyMicrosAtPercentile(50), m.latencyMicrosAtPercentile(99));
        }
        out.flush();
    }

    private static String money(BigDecimal value) {
        return value.setScale(2, RoundingMode.HALF_EVEN).toPlainString();
    }
}
