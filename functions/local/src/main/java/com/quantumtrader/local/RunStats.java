package com.quantumtrader.local;

import com.quantumtrader.events.BusEvent;
import com.quantumtrader.events.EventCatalog;
import com.quantumtrader.events.EventJson;
import com.quantumtrader.events.portfolio.PortfolioPerformance;
import com.quantumtrader.events.portfolio.TradeClosed;
import com.quantumtrader.events.risk.SignalRejected;
import java.math.BigDecimal;
import java.util.Map;
import java.util.TreeMap;

/** What a person follows during a run, counted from the events on the bus. Single-threaded like the bus. */
final class RunStats {

    private final Map<String, Long> byName = new TreeMap<>();
    private final Map<String, Long> rejectionsByReason = new TreeMap<>();
    private long steps;
    private long resumedBars;
    private long bars;
    private long openPositions;
    private long wins;
    private long losses;
    private BigDecimal realizedPnl = BigDecimal.ZERO;
    private PortfolioPerformance lastPerformance;

    void onEvent(BusEvent event) {
        byName.merge(event.name(), 1L, Long::sum);
        String name = event.name();
        if (name.equals(EventCatalog.PORTFOLIO_POSITION_OPENED.name())) {
            openPositions++;
        } else if (name.equals(EventCatalog.PORTFOLIO_POSITION_CLOSED.name())) {
            openPositions--;
        } else if (name.equals(EventCatalog.TRADE_CLOSED.name())) {
            TradeClosed trade = EventJson.convert(event.envelope().payload(), TradeClosed.class);
            realizedPnl = realizedPnl.add(trade.realizedPnl());
            if (trade.realizedPnl().signum() > 0) {
                wins++;
            } else {
                losses++;
            }
        } else if (name.equals(EventCatalog.RISK_SIGNAL_REJECTED.name())) {
            SignalRejected rejected = EventJson.convert(event.envelope().payload(), SignalRejected.class);
            rejectionsByReason.merge(rejected.reasonCode(), 1L, Long::sum);
        } else if (name.equals(EventCatalog.PORTFOLIO_PERFORMANCE.name())) {
            lastPerformance = EventJson.convert(event.envelope().payload(), PortfolioPerformance.class);
        }
    }

    /** A resumed run counts on from its checkpoint: its steps, each with a bar of every symbol (paper). */
    void resumeAt(long completedSteps, int barsPerStep) {
        steps = completedSteps;
        bars = completedSteps * barsPerStep;
        resumedBars = bars;
    }

    /** Bars a resumed run had played before this process started. */
    long resumedBars() {
        return resumedBars;
    }

    /** One step played: {@code barCount} bars (one per symbol with a bar at that close time). */
    void onStep(int barCount) {
        steps++;
        bars += barCount;
    }

    /** Close times played. */
    long steps() {
        return steps;
    }

    /** Bars played, every symbol's counted. */
    long bars() {
        return bars;
    }

    long count(String eventName) {
        return byName.getOrDefault(eventName, 0L);
    }

    Map<String, Long> countsByName() {
        return Map.copyOf(byName);
    }

    Map<String, Long> rejectionsByReason() {
        return Map.copyOf(rejectionsByReason);
    }

    long openPositions() {
        return openPositions;
    }

    long wins() {
        return wins;
    }

    long losses() {
        return losses;
    }

    BigDecimal realizedPnl() {
        return realizedPnl;
    }

    /** The last performance snapshot the portfolio published, or null before the first. */
    PortfolioPerformance lastPerformance() {
        return lastPerformance;
    }
}
