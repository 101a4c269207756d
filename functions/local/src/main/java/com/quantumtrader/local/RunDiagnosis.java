package com.quantumtrader.local;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.quantumtrader.events.BusEvent;
import com.quantumtrader.events.EventCatalog;
import com.quantumtrader.events.EventJson;
import com.quantumtrader.events.ai.SignalGenerated;
import com.quantumtrader.events.execution.OrderFailed;
import com.quantumtrader.events.portfolio.LiquidityRanked;
import com.quantumtrader.events.portfolio.SymbolLiquidity;
import com.quantumtrader.events.risk.SignalRejected;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Why a run traded what it traded, counted from the bus: signals per symbol, risk rejections and order failures by
 * code, and the symbols the last liquidity ranking excluded with why. A run without a signal or a trade says so
 * with these reasons, on the console and in the report. Single-threaded like the bus.
 */
final class RunDiagnosis {

    private final List<String> symbols;
    private final Map<String, Long> signalsBySymbol = new TreeMap<>();
    private final Map<String, Long> rejectionsByCode = new TreeMap<>();
    private final Map<String, Long> orderFailuresByCode = new TreeMap<>();
    private final Map<String, String> excluded = new TreeMap<>();
    private long tradesClosed;
    private long positionsOpened;

    RunDiagnosis(List<String> symbols) {
        this.symbols = List.copyOf(symbols);
        this.symbols.forEach(symbol -> signalsBySymbol.put(symbol, 0L));
    }

    void onEvent(BusEvent event) {
        String name = event.name();
        if (name.equals(EventCatalog.AI_SIGNAL_GENERATED.name())) {
            SignalGenerated signal = EventJson.convert(event.envelope().payload(), SignalGenerated.class);
            signalsBySymbol.merge(signal.symbol(), 1L, Long::sum);
        } else if (name.equals(EventCatalog.RISK_SIGNAL_REJECTED.name())) {
            SignalRejected rejected = EventJson.convert(event.envelope().payload(), SignalRejected.class);
            rejectionsByCode.merge(rejected.reasonCode(), 1L, Long::sum);
        } else if (name.equals(EventCatalog.EXECUTION_ORDER_FAILED.name())) {
            OrderFailed failed = EventJson.convert(event.envelope().payload(), OrderFailed.class);
            orderFailuresByCode.merge(failed.errorCode(), 1L, Long::sum);
        } else if (name.equals(EventCatalog.PORTFOLIO_LIQUIDITY_RANKED.name())) {
            LiquidityRanked ranked = EventJson.convert(event.envelope().payload(), LiquidityRanked.class);
            excluded.clear();
            for (SymbolLiquidity candidate : ranked.candidates()) {
                if (!candidate.eligible()) {
                    excluded.put(candidate.symbol(), candidate.exclusion());
                }
            }
        } else if (name.equals(EventCatalog.TRADE_CLOSED.name())) {
            tradesClosed++;
        } else if (name.equals(EventCatalog.PORTFOLIO_POSITION_OPENED.name())) {
            positionsOpened++;
        }
    }

    long signals() {
        return signalsBySymbol.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Empty when the run traded; otherwise what it lacked and why, one line each. */
    List<String> explanation() {
        if (positionsOpened > 0 || tradesClosed > 0) {
            return List.of();
        }
        List<String> lines = new ArrayList<>();
        long signals = signals();
        lines.add(signals == 0 ? "NO SIGNALS: the run generated no signal at all, so it made no trade"
                : "NO TRADES: " + signals + " signal(s), none became a position");
        lines.add("signals by symbol: " + signalsBySymbol);
        if (!rejectionsByCode.isEmpty()) {
            lines.add("risk rejections by code: " + rejectionsByCode);
        }
        if (!orderFailuresByCode.isEmpty()) {
            lines.add("order failures by code: " + orderFailuresByCode);
        }
        if (!excluded.isEmpty()) {
            List<String> why = new ArrayList<>();
            excluded.forEach((symbol, reason) -> why.add(symbol + " (" + reason + ")"));
            lines.add("excluded by the last liquidity ranking: " + String.join(", ", why));
        }
        if (signals == 0) {
            lines.add("a signal needs " + "31 bars of a symbol and a moving-average crossover inside the strategy's "
                    + "volatility band; too few bars or a flat or too volatile market give none");
        }
        return lines;
    }

    /** The report's {@code diagnosis} object. */
    ObjectNode json() {
        ObjectNode node = EventJson.mapper().createObjectNode();
        node.put("signals", signals());
        ObjectNode bySymbol = node.putObject("signals_by_symbol");
        signalsBySymbol.forEach(bySymbol::put);
        ObjectNode rejections = node.putObject("rejections_by_code");
        rejectionsByCode.forEach(rejections::put);
        ObjectNode failures = node.putObject("order_failures_by_code");
        orderFailuresByCode.forEach(failures::put);
        ObjectNode exclusions = node.putObject("excluded_symbols");
        excluded.forEach(exclusions::put);
        List<String> explanation = explanation();
        if (!explanation.isEmpty()) {
            node.put("no_trades", String.join("; ", explanation));
        }
        return node;
    }
}
