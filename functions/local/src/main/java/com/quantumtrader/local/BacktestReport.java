package com.quantumtrader.local;

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
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
    private static final List<String> METRICS_COLUMNS = List.of("key", "total_return", "annualized_return",
            "annualized_volatility", "sharpe", "sortino", "calmar", "max_drawdown", "max_drawdown_days", "trades",
            "win_rate", "profit_factor", "expectancy", "average_r", "exposure", "realized_pnl", "fees", "funding");

    /** One performance snapshot: equity and drawdown (a fraction of the peak) at a time. */
    record EquityPoint(java.time.Instant at, BigDecimal equity, BigDecimal drawdown) {
    }

    private final List<EquityPoint> equity = new ArrayList<>();
    private final List<TradeClosed> trades = new ArrayList<>();
    private final List<OrderFilled> fills = new ArrayList<>();
    private final List<FundingPaid> funding = new ArrayList<>();
    private final Map<String, Long> rejectedByReason = new TreeMap<>();
    private JsonNode lastMetrics;

    void onEvent(BusEvent event) {
        String name = event.name();
        if (name.equals(EventCatalog.PORTFOLIO_PERFORMANCE.name())) {
            PortfolioPerformance p = EventJson.convert(event.envelope().payload(), PortfolioPerformance.class);
            equity.add(new EquityPoint(p.asOf(), p.equity(), p.drawdown()));
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

    List<EquityPoint> equityCurve() {
        return List.copyOf(equity);
    }

    /** Month (UTC) -> return over the month, from the last equity of the month before (or the first snapshot). */
    Map<YearMonth, BigDecimal> monthlyReturns() {
        Map<YearMonth, BigDecimal> lastOfMonth = new TreeMap<>();
        for (EquityPoint point : equity) {
            lastOfMonth.put(YearMonth.from(point.at().atZone(ZoneOffset.UTC)), point.equity());
        }
        Map<YearMonth, BigDecimal> returns = new TreeMap<>();
        BigDecimal previous = equity.isEmpty() ? null : equity.get(0).equity();
        for (Map.Entry<YearMonth, BigDecimal> month : lastOfMonth.entrySet()) {
            if (previous != null && previous.signum() != 0) {
                returns.put(month.getKey(), month.getValue().subtract(previous)
                        .divide(previous, RETURN_SCALE, RoundingMode.HALF_EVEN));
            }
            previous = month.getValue();
        }
        return returns;
    }

    BigDecimal maxDrawdown() {
        return equity.stream().map(EquityPoint::drawdown).reduce(BigDecimal.ZERO, BigDecimal::max);
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
        if (!equity.isEmpty()) {
            BigDecimal first = equity.get(0).equity();
            BigDecimal last = equity.get(equity.size() - 1).equity();
            summary.put("start_equity", first);
            summary.put("end_equity", last);
            summary.put("total_return", first.signum() == 0 ? BigDecimal.ZERO
                    : last.subtract(first).divide(first, RETURN_SCALE, RoundingMode.HALF_EVEN));
        }
        summary.put("max_drawdown", maxDrawdown());
        summary.put("trades", trades.size());
        summary.put("winning_trades", trades.stream().filter(t -> t.realizedPnl().signum() > 0).count());
        summary.put("realized_pnl", trades.stream().map(TradeClosed::realizedPnl).reduce(BigDecimal.ZERO,
                BigDecimal::add));
        summary.put("fees_paid", feesPaid());
        summary.put("funding_paid", fundingPaid());
        summary.put("rejected_signals", rejectedByReason.values().stream().mapToLong(Long::longValue).sum());
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
            Files.writeString(directory.resolve("report.json"),
                    EventJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(json) + "\n",
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
                + ".neg{color:#b00}.pos{color:#070}</style></head><body>\n");
        h.append("<h1>Backtest report</h1>\n");
        h.append("<h2>Run</h2>\n").append(keyValueTable(json.get("run")));
        h.append("<h2>Summary</h2>\n").append(keyValueTable(json.get("summary")));
        h.append("<h2>Cost model</h2>\n").append(keyValueTable(json.get("cost_model")));
        h.append("<h2>Costs paid</h2>\n").append(keyValueTable(json.get("costs")));
        h.append("<h2>Equity</h2>\n").append(lineChart(e -> e.equity(), "#1565c0", false));
        h.append("<h2>Drawdown</h2>\n").append(lineChart(e -> e.drawdown().negate(), "#c62828", true));
        h.append("<h2>Monthly returns</h2>\n<table><tr><th>month</th><th>return %</th></tr>\n");
        monthlyReturns().forEach((month, value) -> h.append("<tr><td>").append(month).append("</td>")
                .append(percentCell(value)).append("</tr>\n"));
        h.append("</table>\n<h2>Rejected signals by reason</h2>\n").append(rejectedByReason.isEmpty()
                ? "<p>None.</p>\n" : keyValueTable(json.get("rejected_signals_by_reason")));
        h.append("<h2>Trades (").append(trades.size()).append(")</h2>\n<table><tr><th>symbol</th><th>side</th>"
                + "<th>quantity</th><th>entry</th><th>entry price</th><th>exit</th><th>exit price</th>"
                + "<th>fees</th><th>funding</th><th>P&amp;L</th><th>R</th><th>exit reason</th><th>strategy</th>"
                + "</tr>\n");
        for (TradeClosed t : trades) {
            h.append("<tr><td>").append(escape(t.symbol())).append("</td><td>").append(t.side()).append("</td><td>")
                    .append(t.quantity().toPlainString()).append("</td><td>").append(t.openedAt()).append("</td><td>")
                    .append(t.entryPrice().toPlainString()).append("</td><td>").append(t.closedAt())
                    .append("</td><td>").append(t.exitPrice().toPlainString()).append("</td><td>")
                    .append(t.fees().toPlainString()).append("</td><td>").append(t.funding().toPlainString())
                    .append("</td><td class=\"")
                    .append(t.realizedPnl().signum() < 0 ? "neg" : "pos").append("\">")
                    .append(t.realizedPnl().toPlainString()).append("</td><td>")
                    .append(t.rMultiple() == null ? "" : t.rMultiple().toPlainString()).append("</td><td>")
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
        h.append("<h2>Account metrics").append(asOf).append("</h2>\n").append(keyValueTable(metrics.get("account")));
        h.append(metricsTable(metrics.get("total").isNull() ? List.of() : List.of(metrics.get("total"))));
        h.append("<h2>Per-strategy metrics</h2>\n").append(metricsTable(list(metrics.get("by_strategy"))));
        h.append("<h2>Per-symbol metrics</h2>\n").append(metricsTable(list(metrics.get("by_symbol"))));
        return h.toString();
    }

    private static String metricsTable(List<JsonNode> slices) {
        if (slices.isEmpty()) {
            return "<p>None.</p>\n";
        }
        StringBuilder h = new StringBuilder("<table><tr>");
        METRICS_COLUMNS.forEach(c -> h.append("<th>").append(c).append("</th>"));
        h.append("</tr>\n");
        for (JsonNode slice : slices) {
            h.append("<tr>");
            METRICS_COLUMNS.forEach(c -> h.append("<td>").append(escape(slice.path(c).asText(""))).append("</td>"));
            h.append("</tr>\n");
        }
        return h.append("</table>\n").toString();
    }

    private static List<JsonNode> list(JsonNode array) {
        List<JsonNode> items = new ArrayList<>();
        array.forEach(items::add);
        return items;
    }

    private static String keyValueTable(JsonNode node) {
        StringBuilder h = new StringBuilder("<table>\n");
        node.fields().forEachRemaining(e -> h.append("<tr><th>").append(escape(e.getKey())).append("</th><td>")
                .append(escape(e.getValue().isValueNode() ? e.getValue().asText() : e.getValue().toString()))
                .append("</td></tr>\n"));
        return h.append("</table>\n").toString();
    }

    private static String percentCell(BigDecimal fraction) {
        return "<td class=\"" + (fraction.signum() < 0 ? "neg" : "pos") + "\">"
                + fraction.movePointRight(2).setScale(2, RoundingMode.HALF_EVEN).toPlainString() + "</td>";
    }

    /**
     * A polyline over time; doubles only place pixels. Long curves are thinned to every n-th point (always keeping
     * the last) so the page stays small.
     */
    private String lineChart(java.util.function.Function<EquityPoint, BigDecimal> value, String colour,
                             boolean filled) {
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
        if (filled) {
            max = max.max(BigDecimal.ZERO);
        }
        double low = min.doubleValue();
        double span = Math.max(max.doubleValue() - low, 1e-9);
        long t0 = points.get(0).at().toEpochMilli();
        double tSpan = Math.max(1, points.get(points.size() - 1).at().toEpochMilli() - t0);
        int left = 70;
        int top = 10;
        int width = CHART_WIDTH - left - 10;
        int height = CHART_HEIGHT - top - 30;
        StringBuilder path = new StringBuilder();
        for (EquityPoint point : points) {
            double x = left + width * (point.at().toEpochMilli() - t0) / tSpan;
            double y = top + height * (1 - (value.apply(point).doubleValue() - low) / span);
            path.append(path.isEmpty() ? "" : " ").append(format(x)).append(',').append(format(y));
        }
        StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(CHART_WIDTH).append("\" height=\"")
                .append(CHART_HEIGHT).append("\" viewBox=\"0 0 ").append(CHART_WIDTH).append(' ').append(CHART_HEIGHT)
                .append("\" role=\"img\">\n");
        svg.append("<rect x=\"").append(left).append("\" y=\"").append(top).append("\" width=\"").append(width)
                .append("\" height=\"").append(height).append("\" fill=\"#fafafa\" stroke=\"#ccc\"/>\n");
        svg.append("<text x=\"").append(left - 5).append("\" y=\"").append(top + 10)
                .append("\" font-size=\"11\" text-anchor=\"end\">").append(label(max, filled)).append("</text>\n");
        svg.append("<text x=\"").append(left - 5).append("\" y=\"").append(top + height)
                .append("\" font-size=\"11\" text-anchor=\"end\">").append(label(min, filled)).append("</text>\n");
        svg.append("<text x=\"").append(left).append("\" y=\"").append(CHART_HEIGHT - 8)
                .append("\" font-size=\"11\">").append(points.get(0).at()).append("</text>\n");
        svg.append("<text x=\"").append(left + width).append("\" y=\"").append(CHART_HEIGHT - 8)
                .append("\" font-size=\"11\" text-anchor=\"end\">").append(points.get(points.size() - 1).at())
                .append("</text>\n");
        if (filled) {
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
            return value.movePointRight(2).setScale(1, RoundingMode.HALF_EVEN).toPlainString() + " %";
        }
        return value.round(new MathContext(8, RoundingMode.HALF_EVEN)).setScale(0, RoundingMode.HALF_EVEN)
                .toPlainString();
    }

    private static String format(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
