package com.quantumtrader.local;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.quantumtrader.core.policy.Policy;
import com.quantumtrader.events.BusEvent;
import com.quantumtrader.events.EventCatalog;
import com.quantumtrader.events.EventJson;
import com.quantumtrader.events.OrderSide;
import com.quantumtrader.events.execution.FundingPaid;
import com.quantumtrader.events.execution.OrderFilled;
import com.quantumtrader.events.portfolio.PortfolioPerformance;
import com.quantumtrader.events.portfolio.TradeClosed;
import com.quantumtrader.events.risk.SignalRejected;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The backtest's report, built only from what the domains published on the bus (the portfolio's performance
 * snapshots, closed trades and analyzer metrics, execution's fills and funding payments, risk's rejections), never
 * from a domain's internals: the report shows what a subscriber in production would see. Written as report.json
 * and a self-contained report.html whose charts are inline SVG drawn here; both contain no wall-clock value, so the
 * same run writes the same bytes.
 */
final class BacktestReport {

    private static final int RETURN_SCALE = 6;
    private static final int FEE_SCALE = 8;
    private static final int CHART_WIDTH = 900;
    private static final int CHART_HEIGHT = 260;
    private static final int CHART_MAX_POINTS = 1_500;
    private static final int Y_TICKS = 4;
    /** Ratios read to 2 decimals. */
    private static final Set<String> RATIO_KEYS = Set.of("sharpe", "sortino", "calmar", "profit_factor", "average_r",
            "period_days");
    private static final int X_TICKS = 6;
    // without the analyzer's daily-close max drawdown: the report states one, that of the summary
    private static final List<String> METRICS_COLUMNS = List.of("key", "total_return", "annualized_return",
            "annualized_volatility", "sharpe", "sortino", "calmar", "trades",
            "win_rate", "profit_factor", "expectancy", "average_r", "exposure", "realized_pnl", "fees", "funding");

    /** One performance snapshot: equity, drawdown (a fraction of the peak) and the peak it is measured from. */
    record EquityPoint(Instant at, BigDecimal equity, BigDecimal drawdown, BigDecimal peak) {
    }

    /** The largest drawdown of the snapshots: from the peak at {@code peakAt} down to {@code troughAt}. */
    record Drawdown(BigDecimal depth, BigDecimal peak, BigDecimal trough, Instant peakAt, Instant troughAt,
                    Instant recoveredAt) {
    }

    /** A symbol's first and last close over the run, from its market.price.update events. */
    record MarketChange(String symbol, BigDecimal firstClose, BigDecimal lastClose, Instant firstAt, Instant lastAt) {

        BigDecimal change() {
            return firstClose.signum() == 0 ? BigDecimal.ZERO
                    : lastClose.subtract(firstClose).divide(firstClose, RETURN_SCALE, RoundingMode.HALF_EVEN);
        }
    }

    static final String DRAWDOWN_CURVE = "equity of the portfolio.performance snapshots (account marked to the "
            + "last close, published every bar step), drawdown from the running peak as the portfolio reports it";

    private final List<EquityPoint> equity = new ArrayList<>();
    private final List<TradeClosed> trades = new ArrayList<>();
    private final List<OrderFilled> fills = new ArrayList<>();
    private final List<FundingPaid> funding = new ArrayList<>();
    private final Map<String, Long> rejectedByReason = new TreeMap<>();
    private final Map<String, MarketChange> market = new TreeMap<>();
    private JsonNode lastMetrics;

    void onEvent(BusEvent event) {
        String name = event.name();
        if (name.equals(EventCatalog.PORTFOLIO_PERFORMANCE.name())) {
            PortfolioPerformance p = EventJson.convert(event.envelope().payload(), PortfolioPerformance.class);
            equity.add(new EquityPoint(p.asOf(), p.equity(), p.drawdown(), p.peakEquity()));
        } else if (name.equals(EventCatalog.MARKET_PRICE_UPDATE.name())) {
            JsonNode bar = event.envelope().payload();
            String symbol = bar.path("symbol").asText();
            BigDecimal close = bar.path("close").decimalValue();
            Instant at = Instant.parse(bar.path("close_time").asText());
            MarketChange known = market.get(symbol);
            market.put(symbol, known == null ? new MarketChange(symbol, close, close, at, at)
                    : new MarketChange(symbol, known.firstClose(), close, known.firstAt(), at));
        } else if (name.equals(EventCatalog.TRADE_CLOSED.name())) {
            trades.add(EventJson.convert(event.envelope().payload(), TradeClosed.class));
        } else if (name.equals(EventCatalog.EXECUTION_ORDER_FILLED.name())) {
            fills.add(EventJson.convert(event.envelope().payload(), OrderFilled.class));
        } else if (name.equals(EventCatalog.EXECUTION_FUNDING_PAID.name())) {
            funding.add(EventJson.convert(event.envelope().payload(), FundingPaid.class));
        } else if (name.equals(EventCatalog.RISK_SIGNAL_REJECTED.name())) {
            SignalRejected rejected = EventJson.convert(event.envelope().payload(), SignalRejected.class);
            rejectedByReason.merge(rejected.reasonCode(), 1L, Long::sum);
        } else if (name.equals(EventCatalog.PORTFOLIO_METRICS_REPORTED.name())) {
            lastMetrics = event.envelope().payload();
        }
    }

    /** The round trips closed so far ({@code trade.closed}), oldest first. */
    List<TradeClosed> tradesClosed() {
        return List.copyOf(trades);
    }

    List<EquityPoint> equityCurve() {
        return List.copyOf(equity);
    }

    /**
     * Month (UTC) -> return over the month, from the last equity of the month before (or the first snapshot). A
     * snapshot exactly at midnight closes the day (and month) before it, so a run ending at a month's end shows no
     * empty month after its last bar.
     */
    Map<YearMonth, BigDecimal> monthlyReturns() {
        return returnsBy(at -> YearMonth.from(periodDay(at)));
    }

    /** Day (UTC) -> return over the day, the same way as {@link #monthlyReturns()}. */
    Map<LocalDate, BigDecimal> dailyReturns() {
        return returnsBy(BacktestReport::periodDay);
    }

    /** The day a snapshot closes: the instant just before it, so 00:00 belongs to the day that ends there. */
    static LocalDate periodDay(Instant at) {
        return LocalDate.ofInstant(at.minusNanos(1), ZoneOffset.UTC);
    }

    private <K extends Comparable<? super K>> Map<K, BigDecimal> returnsBy(java.util.function.Function<Instant, K> period) {
        Map<K, BigDecimal> lastOf = new TreeMap<>();
        for (EquityPoint point : equity) {
            lastOf.put(period.apply(point.at()), point.equity());
        }
        Map<K, BigDecimal> returns = new TreeMap<>();
        BigDecimal previous = equity.isEmpty() ? null : equity.get(0).equity();
        for (Map.Entry<K, BigDecimal> entry : lastOf.entrySet()) {
            if (previous != null && previous.signum() != 0) {
                returns.put(entry.getKey(), entry.getValue().subtract(previous)
                        .divide(previous, RETURN_SCALE, RoundingMode.HALF_EVEN));
            }
            previous = entry.getValue();
        }
        return returns;
    }

    BigDecimal maxDrawdown() {
        return equity.stream().map(EquityPoint::drawdown).reduce(BigDecimal.ZERO, BigDecimal::max);
    }

    /**
     * The deepest drawdown of the snapshots (the first, if several are as deep): its peak is the last snapshot
     * before the trough at the peak equity the portfolio measured from (the run's start when none reached it), and
     * it recovered at the first later snapshot back at that equity (empty if it never did).
     */
    Optional<Drawdown> deepestDrawdown() {
        int trough = -1;
        for (int i = 0; i < equity.size(); i++) {
            if (equity.get(i).drawdown().signum() > 0
                    && (trough < 0 || equity.get(i).drawdown().compareTo(equity.get(trough).drawdown()) > 0)) {
                trough = i;
            }
        }
        if (trough < 0) {
            return Optional.empty();
        }
        EquityPoint bottom = equity.get(trough);
        Instant peakAt = equity.get(0).at();
        for (int i = trough - 1; i >= 0; i--) {
            if (equity.get(i).equity().compareTo(bottom.peak()) >= 0) {
                peakAt = equity.get(i).at();
                break;
            }
        }
        Instant recovered = null;
        for (int i = trough + 1; i < equity.size(); i++) {
            if (equity.get(i).equity().compareTo(bottom.peak()) >= 0) {
                recovered = equity.get(i).at();
                break;
            }
        }
        return Optional.of(new Drawdown(bottom.drawdown(), bottom.peak(), bottom.equity(), peakAt, bottom.at(),
                recovered));
    }

    /** Every symbol's first and last close, in symbol order. */
    List<MarketChange> marketChanges() {
        return List.copyOf(market.values());
    }

    /** Every fill's fee added up: what the exchange charged, whether or not the position is closed yet. */
    BigDecimal feesPaid() {
        return fills.stream().map(OrderFilled::fee).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** Every funding payment the exchange reported added up (negative = paid), open positions' included. */
    BigDecimal fundingPaid() {
        return funding.stream().map(FundingPaid::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /**
     * The report's JSON. {@code run} describes the inputs (files, symbols, seed, data quality), {@code costs} the
     * fees, slippage and funding the run was simulated with.
     */
    ObjectNode json(ObjectNode run, Policy policy, CostModel costs) {
        ObjectNode root = EventJson.mapper().createObjectNode();
        root.set("run", run);
        ObjectNode summary = root.putObject("summary");
        Instant periodStart = run.hasNonNull("first_bar_open") ? Instant.parse(run.get("first_bar_open").asText())
                : equity.isEmpty() ? null : equity.get(0).at();
        Instant periodEnd = run.hasNonNull("last_bar_close") ? Instant.parse(run.get("last_bar_close").asText())
                : equity.isEmpty() ? null : equity.get(equity.size() - 1).at();
        if (periodStart != null) {
            summary.put("period_start", periodStart.toString());
            summary.put("period_end", periodEnd.toString());
            summary.put("period_days", BigDecimal.valueOf(java.time.Duration.between(periodStart, periodEnd)
                    .getSeconds()).divide(BigDecimal.valueOf(86_400), 2, RoundingMode.HALF_EVEN));
        }
        BigDecimal startEquity = equity.isEmpty() ? policy.accountEquity() : equity.get(0).equity();
        if (!equity.isEmpty()) {
            BigDecimal first = equity.get(0).equity();
            BigDecimal last = equity.get(equity.size() - 1).equity();
            summary.put("start_equity", first);
            summary.put("end_equity", last);
            summary.put("total_return", first.signum() == 0 ? BigDecimal.ZERO
                    : last.subtract(first).divide(first, RETURN_SCALE, RoundingMode.HALF_EVEN));
            cagr(first, last, periodStart, periodEnd).ifPresent(value -> summary.put("cagr", value));
        }
        summary.put("max_drawdown", maxDrawdown());
        summary.put("max_drawdown_curve", DRAWDOWN_CURVE);
        Optional<Drawdown> deepest = deepestDrawdown();
        deepest.ifPresent(d -> {
            summary.put("max_drawdown_peak_equity", d.peak());
            summary.put("max_drawdown_trough_equity", d.trough());
            summary.put("max_drawdown_start", d.peakAt().toString());
            summary.put("max_drawdown_end", d.troughAt().toString());
            if (d.recoveredAt() != null) {
                summary.put("max_drawdown_recovered", d.recoveredAt().toString());
            } else {
                summary.put("max_drawdown_recovered", "not by the end of the run");
            }
        });
        summary.put("trades", trades.size());
        summary.put("winning_trades", trades.stream().filter(t -> t.realizedPnl().signum() > 0).count());
        summary.put("realized_pnl", trades.stream().map(TradeClosed::realizedPnl).reduce(BigDecimal.ZERO,
                BigDecimal::add));
        summary.put("fees_paid", feesPaid());
        summary.put("funding_paid", fundingPaid());
        summary.put("rejected_signals", rejectedByReason.values().stream().mapToLong(Long::longValue).sum());
        TradeStatistics.Streaks streaks = TradeStatistics.streaks(trades);
        summary.put("longest_winning_streak", streaks.longestWinning());
        summary.put("longest_losing_streak", streaks.longestLosing());
        Map<LocalDate, BigDecimal> days = dailyReturns();
        best(days, true).ifPresent(day -> summary.put("best_day", day.getKey().toString())
                .put("best_day_return", day.getValue()));
        best(days, false).ifPresent(day -> summary.put("worst_day", day.getKey().toString())
                .put("worst_day_return", day.getValue()));
        summary.put("days_won", days.values().stream().filter(r -> r.signum() > 0).count());
        summary.put("days_flat", days.values().stream().filter(r -> r.signum() == 0).count());
        summary.put("days_lost", days.values().stream().filter(r -> r.signum() < 0).count());
        root.set("trade_statistics", tradeStatistics(startEquity));
        ArrayNode changes = root.putArray("market_change");
        for (MarketChange change : marketChanges()) {
            changes.addObject().put("symbol", change.symbol()).put("first_close", change.firstClose())
                    .put("first_close_at", change.firstAt().toString()).put("last_close", change.lastClose())
                    .put("last_close_at", change.lastAt().toString()).put("change", change.change());
        }
        root.set("cost_model", costs.json());
        root.set("costs", costsPaid(costs));
        ArrayNode curve = root.putArray("equity_curve");
        for (EquityPoint point : equity) {
            ObjectNode node = curve.addObject();
            node.put("at", point.at().toString());
            node.put("equity", point.equity());
            node.put("drawdown", point.drawdown());
        }
        ArrayNode monthly = root.putArray("monthly_returns");
        monthlyReturns().forEach((month, value) -> monthly.addObject().put("month", month.toString())
                .put("return", value));
        ArrayNode daily = root.putArray("daily_returns");
        days.forEach((day, value) -> daily.addObject().put("day", day.toString()).put("return", value));
        ArrayNode tradeList = root.putArray("trades");
        for (TradeClosed trade : trades) {
            ObjectNode node = tradeList.addObject();
            node.put("trade_id", trade.tradeId());
            node.put("symbol", trade.symbol());
            node.put("side", trade.side().toString());
            node.put("quantity", trade.quantity());
            node.put("entry_time", trade.openedAt().toString());
            node.put("entry_price", trade.entryPrice());
            node.put("exit_time", trade.closedAt().toString());
            node.put("exit_price", trade.exitPrice());
            node.put("fees", trade.fees());
            node.put("funding", trade.funding());
            node.put("pnl", trade.realizedPnl());
            node.put("pnl_pct", TradeStatistics.pnlPct(trade));
            node.put("duration_seconds", TradeStatistics.duration(trade).getSeconds());
            if (trade.rMultiple() != null) {
                node.put("r", trade.rMultiple());
            } else {
                node.putNull("r"); // no initial risk known (an entry without a stop)
            }
            node.put("exit_reason", trade.exitReason());
            node.put("strategy_id", trade.strategyId());
        }
        ObjectNode rejections = root.putObject("rejected_signals_by_reason");
        rejectedByReason.forEach(rejections::put);
        root.set("portfolio_metrics", metricsSections());
        root.set("policy", EventJson.tree(policy));
        return root;
    }

    /** Per symbol, per side and per exit reason, the best and the worst trade. */
    private ObjectNode tradeStatistics(BigDecimal startEquity) {
        ObjectNode node = EventJson.mapper().createObjectNode();
        node.put("pnl_pct_note", "a trade's P&L % is its realised P&L (after fees and funding) over its entry "
                + "notional; total_pnl_pct is the group's realised P&L over the starting equity");
        node.set("total", TradeStatistics.group("TOTAL", trades, startEquity).json());
        ArrayNode bySymbol = node.putArray("by_symbol");
        TradeStatistics.groupBy(trades, TradeClosed::symbol, startEquity).forEach(g -> bySymbol.add(g.json()));
        ArrayNode bySide = node.putArray("by_side");
        TradeStatistics.bySide(trades, startEquity).forEach(g -> bySide.add(g.json()));
        ArrayNode byExit = node.putArray("by_exit_reason");
        TradeStatistics.groupBy(trades, TradeClosed::exitReason, startEquity).forEach(g -> byExit.add(g.json()));
        TradeStatistics.extreme(trades, true).ifPresent(t -> node.set("best_trade", tradeSummary(t)));
        TradeStatistics.extreme(trades, false).ifPresent(t -> node.set("worst_trade", tradeSummary(t)));
        return node;
    }

    private static ObjectNode tradeSummary(TradeClosed trade) {
        return EventJson.mapper().createObjectNode().put("trade_id", trade.tradeId()).put("symbol", trade.symbol())
                .put("side", trade.side().name()).put("pnl", trade.realizedPnl())
                .put("pnl_pct", TradeStatistics.pnlPct(trade)).put("opened_at", trade.openedAt().toString())
                .put("closed_at", trade.closedAt().toString());
    }

    /** The compound annual growth rate from {@code first} to {@code last} over the period (a ratio, in doubles). */
    static Optional<BigDecimal> cagr(BigDecimal first, BigDecimal last, Instant start, Instant end) {
        if (start == null || first.signum() <= 0 || last.signum() < 0 || !end.isAfter(start)) {
            return Optional.empty();
        }
        double years = java.time.Duration.between(start, end).getSeconds() / (365.25 * 86_400);
        double growth = Math.pow(last.doubleValue() / first.doubleValue(), 1 / years) - 1;
        if (Double.isNaN(growth) || Double.isInfinite(growth)) {
            return Optional.empty();
        }
        return Optional.of(BigDecimal.valueOf(growth).setScale(RETURN_SCALE, RoundingMode.HALF_EVEN));
    }

    private static <K> Optional<Map.Entry<K, BigDecimal>> best(Map<K, BigDecimal> returns, boolean highest) {
        Map.Entry<K, BigDecimal> pick = null;
        for (Map.Entry<K, BigDecimal> entry : returns.entrySet()) {
            int compared = pick == null ? 1 : entry.getValue().compareTo(pick.getValue());
            if (highest ? compared > 0 : (pick == null || compared < 0)) {
                pick = entry;
            }
        }
        return Optional.ofNullable(pick);
    }

    /**
     * What the costs came to: every fill's fee, which rate each fill was charged, the funding the exchange settled,
     * and the shortfall of the fill prices against the prices the orders were sent at.
     */
    private ObjectNode costsPaid(CostModel costs) {
        ObjectNode node = EventJson.mapper().createObjectNode();
        node.put("fills", fills.size());
        node.put("fees_paid", feesPaid());
        long taker = 0;
        long maker = 0;
        BigDecimal shortfall = BigDecimal.ZERO;
        for (OrderFilled fill : fills) {
            BigDecimal notional = fill.price().multiply(fill.quantity());
            if (fill.fee().compareTo(chargeAt(notional, costs.takerFeeRate())) == 0) {
                taker++;
            } else if (fill.fee().compareTo(chargeAt(notional, costs.makerFeeRate())) == 0) {
                maker++;
            }
            if (fill.expectedPrice() != null) {
                BigDecimal worse = fill.side() == OrderSide.BUY ? fill.price().subtract(fill.expectedPrice())
                        : fill.expectedPrice().subtract(fill.price());
                shortfall = shortfall.add(worse.multiply(fill.quantity()));
            }
        }
        node.put("fills_at_taker_rate", taker);
        node.put("fills_at_maker_rate", maker);
        node.put("fills_at_another_rate", fills.size() - taker - maker);
        // The exchange's payments are the funding; the closed trades carry those made while they were open, the
        // rest belongs to positions still open at the end (or to none, should one arrive after its position closed).
        BigDecimal onClosedTrades = trades.stream().map(TradeClosed::funding)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        node.put("funding_payments", funding.size());
        node.put("funding_paid", fundingPaid());
        node.put("funding_on_closed_trades", onClosedTrades);
        node.put("funding_not_on_closed_trades", fundingPaid().subtract(onClosedTrades));
        node.put("funding_note", "funding_paid adds up every execution.funding.paid of the run (negative = paid); "
                + "funding_not_on_closed_trades is what was paid on positions still open at the end");
        node.put("shortfall_vs_expected_price", shortfall);
        node.put("shortfall_note", "sum over fills of (fill price - the price the order was sent at) x quantity, "
                + "against the order's side; for entries it includes the move from the signal's close to the next "
                + "bar's open as well as slippage");
        return node;
    }

    /** A fee the way the simulated exchange charges it: notional x rate to 8 decimals. */
    private static BigDecimal chargeAt(BigDecimal notional, BigDecimal rate) {
        return notional.multiply(rate).setScale(FEE_SCALE, RoundingMode.HALF_EVEN);
    }

    /**
     * The last {@code portfolio.metrics.reported} split the way a reader looks at it: the account's totals, then
     * the analyzer's slices for the whole account, each strategy and each symbol.
     */
    private JsonNode metricsSections() {
        if (lastMetrics == null) {
            return EventJson.mapper().nullNode();
        }
        ObjectNode node = EventJson.mapper().createObjectNode();
        ObjectNode account = node.putObject("account");
        lastMetrics.fields().forEachRemaining(field -> {
            if (!field.getKey().equals("slices")) {
                account.set(field.getKey(), field.getValue());
            }
        });
        node.putNull("total");
        ArrayNode strategies = node.putArray("by_strategy");
        ArrayNode symbols = node.putArray("by_symbol");
        for (JsonNode slice : lastMetrics.path("slices")) {
            switch (slice.path("scope").asText()) {
                case "TOTAL" -> node.set("total", slice);
                case "STRATEGY" -> strategies.add(slice);
                case "SYMBOL" -> symbols.add(slice);
                default -> throw new IllegalStateException("unknown metrics scope " + slice.path("scope"));
            }
        }
        return node;
    }

    void write(Path directory, ObjectNode run, Policy policy, CostModel costs) {
        ObjectNode json = json(run, policy, costs);
        try {
            Files.createDirectories(directory);
            // plain decimals (0.00000000, never 0E-8), in JSON as on the page
            Files.writeString(directory.resolve("report.json"), EventJson.mapper().writerWithDefaultPrettyPrinter()
                    .with(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN).writeValueAsString(json) + "\n",
                    StandardCharsets.UTF_8);
            Files.writeString(directory.resolve("report.html"), html(json), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the report to " + directory, e);
        }
    }

    private String html(ObjectNode json) {
        StringBuilder h = new StringBuilder(64 * 1024);
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<title>Quantum Trader backtest</title>\n<style>"
                + "body{font-family:system-ui,sans-serif;margin:2em;color:#222}"
                + "table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #ccc;padding:2px 8px;"
                + "text-align:right}th{background:#f3f3f3}pre{background:#f7f7f7;padding:1em;overflow:auto}"
                + ".neg{color:#b00}.pos{color:#070}small{color:#555}</style></head><body>\n");
        h.append("<h1>Backtest report</h1>\n");
        h.append("<h2>Run</h2>\n").append(keyValueTable(json.get("run"), Set.of("file_symbols", "gaps")));
        h.append("<h3>Files and symbols</h3>\n").append(rowsTable(json.at("/run/file_symbols"),
                List.of("file", "symbol", "interval", "symbol_from", "rows")));
        h.append("<h2>Summary</h2>\n").append(keyValueTable(json.get("summary"), Set.of()));
        h.append("<p><small>Max drawdown: the one figure above, of the ").append(escape(DRAWDOWN_CURVE))
                .append(". The analyzer's daily-close figures are left out of the metrics tables below.</small></p>\n");
        h.append("<h2>Market change</h2>\n<p><small>Each symbol's first to last close over the run.</small></p>\n")
                .append(rowsTable(json.get("market_change"), List.of("symbol", "first_close_at", "first_close",
                        "last_close_at", "last_close", "change")));
        JsonNode stats = json.get("trade_statistics");
        List<String> groupColumns = List.of("key", "trades", "wins", "losses", "win_rate", "average_pnl_pct",
                "total_pnl", "total_pnl_pct", "average_duration_seconds");
        h.append("<h2>Trades by symbol</h2>\n<p><small>").append(escape(stats.get("pnl_pct_note").asText()))
                .append("</small></p>\n").append(rowsTable(stats.get("by_symbol"), groupColumns))
                .append(rowsTable(List.of(stats.get("total")), groupColumns));
        h.append("<h2>Long and short</h2>\n").append(rowsTable(stats.get("by_side"), groupColumns));
        h.append("<h2>Exit reasons</h2>\n").append(rowsTable(stats.get("by_exit_reason"), groupColumns));
        List<String> tradeColumns = List.of("trade_id", "symbol", "side", "pnl", "pnl_pct", "opened_at", "closed_at");
        h.append("<h2>Best and worst trade</h2>\n");
        List<JsonNode> extremes = new ArrayList<>();
        if (stats.has("best_trade")) {
            extremes.add(stats.get("best_trade"));
            extremes.add(stats.get("worst_trade"));
        }
        h.append(rowsTable(extremes, tradeColumns));
        h.append("<h2>Equity</h2>\n").append(lineChart(EquityPoint::equity, "#1565c0", false, "equity, USDT"));
        h.append("<h2>Drawdown</h2>\n").append(lineChart(e -> e.drawdown().negate(), "#c62828", true,
                "drawdown from the peak, %"));
        h.append("<h2>Monthly returns</h2>\n<table><tr><th>month</th><th>return</th></tr>\n");
        monthlyReturns().forEach((month, value) -> h.append("<tr><td>").append(month).append("</td>")
                .append(percentCell(value)).append("</tr>\n"));
        h.append("</table>\n");
        h.append("<h2>Cost model</h2>\n").append(keyValueTable(json.get("cost_model"), Set.of()));
        h.append("<h2>Costs paid</h2>\n").append(keyValueTable(json.get("costs"), Set.of()));
        h.append("<h2>Rejected signals by reason</h2>\n").append(rejectedByReason.isEmpty()
                ? "<p>None.</p>\n" : keyValueTable(json.get("rejected_signals_by_reason"), Set.of()));
        h.append("<h2>Trades (").append(trades.size()).append(")</h2>\n<table><tr><th>symbol</th><th>side</th>"
                + "<th>quantity</th><th>entry</th><th>entry price</th><th>exit</th><th>exit price</th>"
                + "<th>duration</th><th>fees</th><th>funding</th><th>P&amp;L</th><th>P&amp;L %</th><th>R</th>"
                + "<th>exit reason</th><th>strategy</th></tr>\n");
        for (TradeClosed t : trades) {
            h.append("<tr><td>").append(escape(t.symbol())).append("</td><td>").append(t.side()).append("</td><td>")
                    .append(plain(t.quantity())).append("</td><td>").append(time(t.openedAt())).append("</td><td>")
                    .append(plain(t.entryPrice())).append("</td><td>").append(time(t.closedAt()))
                    .append("</td><td>").append(plain(t.exitPrice())).append("</td><td>")
                    .append(duration(TradeStatistics.duration(t).getSeconds())).append("</td><td>")
                    .append(fixed(t.fees(), 4)).append("</td><td>").append(fixed(t.funding(), 4))
                    .append("</td>").append(signedCell(fixed(t.realizedPnl(), 2), t.realizedPnl()))
                    .append(percentCell(TradeStatistics.pnlPct(t))).append("<td>")
                    .append(t.rMultiple() == null ? "" : fixed(t.rMultiple(), 2)).append("</td><td>")
                    .append(escape(String.valueOf(t.exitReason()))).append("</td><td>")
                    .append(escape(String.valueOf(t.strategyId()))).append("</td></tr>\n");
        }
        h.append("</table>\n");
        h.append(metricsSections(json.get("portfolio_metrics")));
        h.append("<h2>Policy used</h2>\n<pre>").append(escape(json.get("policy").toPrettyString()))
                .append("</pre>\n</body></html>\n");
        return h.toString();
    }

    /** The analyzer's sections: account totals, then one metrics table each for the account, strategies, symbols. */
    private static String metricsSections(JsonNode metrics) {
        if (metrics == null || metrics.isNull()) {
            return "<h2>Portfolio metrics</h2>\n<p>The portfolio published no metrics during this run.</p>\n";
        }
        String asOf = " <small>(portfolio.metrics.reported as of " + escape(metrics.at("/account/as_of").asText())
                + ")</small>";
        StringBuilder h = new StringBuilder();
        h.append("<h2>Account metrics").append(asOf).append("</h2>\n")
                .append(keyValueTable(metrics.get("account"), Set.of("max_drawdown", "max_drawdown_days")));
        h.append(rowsTable(metrics.get("total").isNull() ? List.of() : List.of(metrics.get("total")),
                METRICS_COLUMNS));
        h.append("<h2>Per-strategy metrics</h2>\n").append(rowsTable(list(metrics.get("by_strategy")),
                METRICS_COLUMNS));
        h.append("<h2>Per-symbol metrics</h2>\n").append(rowsTable(list(metrics.get("by_symbol")),
                METRICS_COLUMNS));
        return h.toString();
    }

    private static String rowsTable(JsonNode array, List<String> columns) {
        return rowsTable(array == null ? List.of() : list(array), columns);
    }

    /** One row per node, one column per field, each value formatted for a reader by its field's name. */
    private static String rowsTable(List<JsonNode> rows, List<String> columns) {
        if (rows.isEmpty()) {
            return "<p>None.</p>\n";
        }
        StringBuilder h = new StringBuilder("<table><tr>");
        columns.forEach(c -> h.append("<th>").append(escape(heading(c))).append("</th>"));
        h.append("</tr>\n");
        for (JsonNode row : rows) {
            h.append("<tr>");
            columns.forEach(c -> h.append(cell(c, row.path(c))));
            h.append("</tr>\n");
        }
        return h.append("</table>\n").toString();
    }

    private static List<JsonNode> list(JsonNode array) {
        List<JsonNode> items = new ArrayList<>();
        array.forEach(items::add);
        return items;
    }

    private static String keyValueTable(JsonNode node, Set<String> leaveOut) {
        StringBuilder h = new StringBuilder("<table>\n");
        node.fields().forEachRemaining(e -> {
            if (!leaveOut.contains(e.getKey())) {
                h.append("<tr><th>").append(escape(e.getKey())).append("</th>").append(cell(e.getKey(), e.getValue()))
                        .append("</tr>\n");
            }
        });
        return h.append("</table>\n").toString();
    }

    private static String heading(String column) {
        return column.equals("average_duration_seconds") ? "average_duration" : column;
    }

    /**
     * A value as a person reads it, by the name of its field: ratios of returns, drawdowns, win rates and changes
     * as percentages with 2 decimals, amounts of USDT and ratios (Sharpe, profit factor, ...) with 2 decimals, rates
     * (fees, funding) and prices as given,
     * durations in days, hours and minutes, instants without their seconds when they have none.
     */
    static String cell(String key, JsonNode value) {
        if (value == null || value.isMissingNode() || value.isNull()) {
            return "<td></td>";
        }
        if (key.endsWith("_seconds") && value.canConvertToLong()) {
            return "<td>" + duration(value.asLong()) + "</td>";
        }
        if (value.isNumber() && !value.isIntegralNumber()) {
            BigDecimal number = value.decimalValue();
            if (isPercent(key)) {
                return percentCell(number);
            }
            if (isMoney(key)) {
                return signedCell(fixed(number, 2), number);
            }
            if (RATIO_KEYS.contains(key)) {
                return "<td>" + fixed(number, 2) + "</td>";
            }
            return "<td>" + plain(number) + "</td>";
        }
        if (value.isValueNode()) {
            String text = value.asText();
            if (text.length() == 20 && text.endsWith(":00Z") && text.charAt(10) == 'T') {
                return "<td>" + escape(time(Instant.parse(text))) + "</td>";
            }
            return "<td>" + escape(text) + "</td>";
        }
        return "<td>" + escape(value.toString()) + "</td>";
    }

    private static boolean isPercent(String key) {
        if (key.contains("rate") && !key.equals("win_rate")) {
            return false; // a fee or funding rate: shown as given
        }
        return key.contains("return") || key.contains("drawdown") && !key.contains("equity")
                || key.equals("win_rate") || key.equals("cagr") || key.equals("change") || key.endsWith("_pct")
                || key.equals("exposure") || key.equals("annualized_volatility");
    }

    private static boolean isMoney(String key) {
        return !key.contains("rate") && (key.contains("equity") || key.contains("pnl") || key.contains("fees")
                || key.contains("funding") || key.contains("shortfall") || key.equals("expectancy"));
    }

    /** Fixed decimals, rounded half even. */
    static String fixed(BigDecimal value, int decimals) {
        return value.setScale(decimals, RoundingMode.HALF_EVEN).toPlainString();
    }

    /** As given, without exponent or trailing zeros. */
    static String plain(BigDecimal value) {
        String text = value.stripTrailingZeros().toPlainString();
        return text.equals("-0") ? "0" : text;
    }

    /** A fraction as a percentage with 2 decimals: 0.01234 is "1.23 %". */
    static String percent(BigDecimal fraction) {
        return fraction.movePointRight(2).setScale(2, RoundingMode.HALF_EVEN).toPlainString() + " %";
    }

    /** 2025-01-22 07:00 (UTC), seconds only when not zero. */
    static String time(Instant at) {
        String text = at.toString().replace('T', ' ').replace("Z", "");
        return text.endsWith(":00") && text.length() == 19 ? text.substring(0, 16) : text;
    }

    /** 3d 04:30, or 04:30 under a day. */
    static String duration(long seconds) {
        long days = seconds / 86_400;
        String clock = String.format(Locale.ROOT, "%02d:%02d", seconds / 3600 % 24, seconds / 60 % 60);
        return days > 0 ? days + "d " + clock : clock;
    }

    private static String percentCell(BigDecimal fraction) {
        return signedCell(percent(fraction), fraction);
    }

    private static String signedCell(String text, BigDecimal value) {
        return "<td class=\"" + (value.signum() < 0 ? "neg" : "pos") + "\">" + text + "</td>";
    }

    /**
     * A polyline over time with its axes: value ticks on the left, dates below, a title for each. Doubles only place
     * pixels. Long curves are thinned to every n-th point (always keeping the last) so the page stays small.
     */
    private String lineChart(java.util.function.Function<EquityPoint, BigDecimal> value, String colour,
                             boolean percent, String yTitle) {
        if (equity.size() < 2) {
            return "<p>Not enough performance snapshots for a chart.</p>\n";
        }
        int step = Math.max(1, (equity.size() + CHART_MAX_POINTS - 1) / CHART_MAX_POINTS);
        List<EquityPoint> points = new ArrayList<>();
        for (int i = 0; i < equity.size(); i += step) {
            points.add(equity.get(i));
        }
        if (!points.get(points.size() - 1).equals(equity.get(equity.size() - 1))) {
            points.add(equity.get(equity.size() - 1));
        }
        BigDecimal min = points.stream().map(value).reduce(BigDecimal::min).orElseThrow();
        BigDecimal max = points.stream().map(value).reduce(BigDecimal::max).orElseThrow();
        if (percent) {
            max = max.max(BigDecimal.ZERO);
        }
        double low = min.doubleValue();
        double span = Math.max(max.doubleValue() - low, 1e-9);
        long t0 = points.get(0).at().toEpochMilli();
        long t1 = points.get(points.size() - 1).at().toEpochMilli();
        double tSpan = Math.max(1, t1 - t0);
        int left = 80;
        int top = 10;
        int width = CHART_WIDTH - left - 15;
        int height = CHART_HEIGHT - top - 45;
        StringBuilder path = new StringBuilder();
        for (EquityPoint point : points) {
            double x = left + width * (point.at().toEpochMilli() - t0) / tSpan;
            double y = top + height * (1 - (value.apply(point).doubleValue() - low) / span);
            path.append(path.isEmpty() ? "" : " ").append(format(x)).append(',').append(format(y));
        }
        StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(CHART_WIDTH).append("\" height=\"")
                .append(CHART_HEIGHT).append("\" viewBox=\"0 0 ").append(CHART_WIDTH).append(' ').append(CHART_HEIGHT)
                .append("\" role=\"img\" font-size=\"11\">\n");
        svg.append("<rect x=\"").append(left).append("\" y=\"").append(top).append("\" width=\"").append(width)
                .append("\" height=\"").append(height).append("\" fill=\"#fafafa\" stroke=\"#999\"/>\n");
        // value axis: five ticks with grid lines
        for (int i = 0; i <= Y_TICKS; i++) {
            double y = top + height * (1 - (double) i / Y_TICKS);
            BigDecimal tick = min.add(max.subtract(min).multiply(BigDecimal.valueOf(i))
                    .divide(BigDecimal.valueOf(Y_TICKS), MathContext.DECIMAL64));
            svg.append("<line x1=\"").append(left - 4).append("\" x2=\"").append(left + width).append("\" y1=\"")
                    .append(format(y)).append("\" y2=\"").append(format(y)).append("\" stroke=\"#ddd\"/>\n");
            svg.append("<text class=\"y-tick\" x=\"").append(left - 6).append("\" y=\"").append(format(y + 4))
                    .append("\" text-anchor=\"end\">").append(label(tick, percent)).append("</text>\n");
        }
        // time axis: dates at evenly spaced times
        for (int i = 0; i <= X_TICKS; i++) {
            double x = left + width * (double) i / X_TICKS;
            Instant at = Instant.ofEpochMilli(t0 + Math.round((t1 - t0) * (double) i / X_TICKS));
            svg.append("<line x1=\"").append(format(x)).append("\" x2=\"").append(format(x)).append("\" y1=\"")
                    .append(top + height).append("\" y2=\"").append(top + height + 4).append("\" stroke=\"#999\"/>\n");
            svg.append("<text class=\"x-tick\" x=\"").append(format(x)).append("\" y=\"").append(top + height + 16)
                    .append("\" text-anchor=\"").append(i == 0 ? "start" : i == X_TICKS ? "end" : "middle")
                    .append("\">").append(t1 - t0 < 3 * 86_400_000L ? time(at.truncatedTo(ChronoUnit.MINUTES))
                            : LocalDate.ofInstant(at, ZoneOffset.UTC).toString()).append("</text>\n");
        }
        svg.append("<text x=\"").append(left + width / 2).append("\" y=\"").append(CHART_HEIGHT - 6)
                .append("\" text-anchor=\"middle\">time (UTC)</text>\n");
        svg.append("<text x=\"12\" y=\"").append(top + height / 2).append("\" text-anchor=\"middle\" transform=\"rotate(-90 12 ")
                .append(top + height / 2).append(")\">").append(escape(yTitle)).append("</text>\n");
        if (percent) {
            double zeroY = top + height * (1 - (0 - low) / span);
            svg.append("<polygon fill=\"").append(colour).append("\" fill-opacity=\"0.3\" points=\"")
                    .append(format(left)).append(',').append(format(zeroY)).append(' ').append(path).append(' ')
                    .append(format(left + width)).append(',').append(format(zeroY)).append("\"/>\n");
        }
        svg.append("<polyline fill=\"none\" stroke=\"").append(colour).append("\" stroke-width=\"1.5\" points=\"")
                .append(path).append("\"/>\n</svg>\n");
        return svg.toString();
    }

    private static String label(BigDecimal value, boolean percent) {
        if (percent) {
            return value.movePointRight(2).setScale(2, RoundingMode.HALF_EVEN).toPlainString() + " %";
        }
        return value.setScale(value.abs().compareTo(BigDecimal.valueOf(1000)) >= 0 ? 0 : 2, RoundingMode.HALF_EVEN)
                .toPlainString();
    }

    private static String format(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
