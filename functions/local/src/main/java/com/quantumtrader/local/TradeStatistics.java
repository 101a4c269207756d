package com.quantumtrader.local;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.quantumtrader.events.EventJson;
import com.quantumtrader.events.portfolio.TradeClosed;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Statistics of closed trades, the way a backtest report groups them (by symbol, side, exit reason). A trade's
 * P&amp;L % is its realised P&amp;L (after fees and funding) over its entry notional (entry price x quantity); a
 * group's total P&amp;L % is its realised P&amp;L over the starting equity. A win made money (P&amp;L &gt; 0), a
 * loss lost some (&lt; 0); a trade at exactly zero is neither and ends both streaks.
 */
final class TradeStatistics {

    static final int RATIO_SCALE = 6;

    /** One group of trades. */
    record Group(String key, long trades, long wins, long losses, BigDecimal winRate, BigDecimal averagePnlPct,
                 BigDecimal totalPnl, BigDecimal totalPnlPct, Duration averageDuration) {

        ObjectNode json() {
            ObjectNode node = EventJson.mapper().createObjectNode();
            node.put("key", key);
            node.put("trades", trades);
            node.put("wins", wins);
            node.put("losses", losses);
            node.put("win_rate", winRate);
            node.put("average_pnl_pct", averagePnlPct);
            node.put("total_pnl", totalPnl);
            node.put("total_pnl_pct", totalPnlPct);
            node.put("average_duration_seconds", averageDuration.getSeconds());
            return node;
        }
    }

    /** Consecutive closed trades (in the order they closed) that all won, or all lost. */
    record Streaks(int longestWinning, int longestLosing) {
    }

    private TradeStatistics() {
    }

    /** A trade's realised P&L over its entry notional; zero for a trade without a notional. */
    static BigDecimal pnlPct(TradeClosed trade) {
        BigDecimal notional = trade.entryPrice().multiply(trade.quantity());
        return notional.signum() == 0 ? BigDecimal.ZERO
                : trade.realizedPnl().divide(notional, RATIO_SCALE, RoundingMode.HALF_EVEN);
    }

    static Duration duration(TradeClosed trade) {
        return Duration.between(trade.openedAt(), trade.closedAt());
    }

    static Group group(String key, List<TradeClosed> trades, BigDecimal startEquity) {
        long n = trades.size();
        long wins = trades.stream().filter(t -> t.realizedPnl().signum() > 0).count();
        long losses = trades.stream().filter(t -> t.realizedPnl().signum() < 0).count();
        BigDecimal total = trades.stream().map(TradeClosed::realizedPnl).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal sumPct = trades.stream().map(TradeStatistics::pnlPct).reduce(BigDecimal.ZERO, BigDecimal::add);
        long seconds = trades.stream().mapToLong(t -> duration(t).getSeconds()).sum();
        return new Group(key, n, wins, losses, ratio(BigDecimal.valueOf(wins), BigDecimal.valueOf(n)),
                ratio(sumPct, BigDecimal.valueOf(n)), total, ratio(total, startEquity),
                Duration.ofSeconds(n == 0 ? 0 : Math.round((double) seconds / n)));
    }

    /** The trades grouped by {@code key}, groups in key order. */
    static List<Group> groupBy(List<TradeClosed> trades, Function<TradeClosed, String> key, BigDecimal startEquity) {
        Map<String, List<TradeClosed>> groups = new TreeMap<>();
        trades.forEach(t -> groups.computeIfAbsent(String.valueOf(key.apply(t)), k -> new ArrayList<>()).add(t));
        List<Group> out = new ArrayList<>();
        groups.forEach((k, members) -> out.add(group(k, members, startEquity)));
        return out;
    }

    /** The long and the short trades, both always listed. */
    static List<Group> bySide(List<TradeClosed> trades, BigDecimal startEquity) {
        Map<String, List<TradeClosed>> sides = new LinkedHashMap<>();
        sides.put("LONG", new ArrayList<>());
        sides.put("SHORT", new ArrayList<>());
        trades.forEach(t -> sides.get(t.side().name()).add(t));
        List<Group> out = new ArrayList<>();
        sides.forEach((side, members) -> out.add(group(side, members, startEquity)));
        return out;
    }

    /** The trade with the highest P&L % (the first such), or the lowest with {@code best} false. */
    static Optional<TradeClosed> extreme(List<TradeClosed> trades, boolean best) {
        Comparator<TradeClosed> byPct = Comparator.comparing(TradeStatistics::pnlPct);
        return trades.stream().reduce((a, b) -> {
            int compared = byPct.compare(b, a);
            return (best ? compared > 0 : compared < 0) ? b : a;
        });
    }

    static Streaks streaks(List<TradeClosed> inClosingOrder) {
        int wins = 0;
        int losses = 0;
        int longestWins = 0;
        int longestLosses = 0;
        for (TradeClosed trade : inClosingOrder) {
            int sign = trade.realizedPnl().signum();
            wins = sign > 0 ? wins + 1 : 0;
            losses = sign < 0 ? losses + 1 : 0;
            longestWins = Math.max(longestWins, wins);
            longestLosses = Math.max(longestLosses, losses);
        }
        return new Streaks(longestWins, longestLosses);
    }

    private static BigDecimal ratio(BigDecimal value, BigDecimal of) {
        return of.signum() == 0 ? BigDecimal.ZERO.setScale(RATIO_SCALE)
                : value.divide(of, RATIO_SCALE, RoundingMode.HALF_EVEN);
    }
}
