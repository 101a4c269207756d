package com.quantumtrader.execution.adapter.binance;

import com.fasterxml.jackson.databind.JsonNode;
import com.quantumtrader.execution.exchange.SymbolRules;
import java.math.BigDecimal;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads the filters execution applies from {@code GET /fapi/v1/exchangeInfo}: PRICE_FILTER, LOT_SIZE, MIN_NOTIONAL,
 * and the maximum quantity of LOT_SIZE and MARKET_LOT_SIZE (the smaller one).
 */
final class ExchangeInfo {

    private ExchangeInfo() {
    }

    /** Rules of every TRADING contract that publishes all three filters, by symbol. */
    static Map<String, SymbolRules> parse(JsonNode exchangeInfo) {
        Map<String, SymbolRules> out = new TreeMap<>();
        for (JsonNode symbol : exchangeInfo.path("symbols")) {
            String name = symbol.path("symbol").asText();
            if (!"TRADING".equals(symbol.path("status").asText("TRADING"))) {
                continue;
            }
            BigDecimal tick = null;
            BigDecimal step = null;
            BigDecimal notional = null;
            BigDecimal maxQuantity = null;
            for (JsonNode filter : symbol.path("filters")) {
                switch (filter.path("filterType").asText()) {
                    case "PRICE_FILTER" -> tick = number(filter, "tickSize");
                    case "LOT_SIZE" -> {
                        step = number(filter, "stepSize");
                        maxQuantity = smaller(maxQuantity, number(filter, "maxQty"));
                    }
                    case "MARKET_LOT_SIZE" -> maxQuantity = smaller(maxQuantity, number(filter, "maxQty"));
                    case "MIN_NOTIONAL" -> notional = number(filter, "notional");
                    default -> { }
                }
            }
            if (tick != null && step != null && notional != null) {
                out.put(name, new SymbolRules(name, plain(tick), plain(step), plain(notional),
                        maxQuantity == null || maxQuantity.signum() <= 0 ? null : plain(maxQuantity)));
            }
        }
        return out;
    }

    private static BigDecimal smaller(BigDecimal current, BigDecimal candidate) {
        return current == null ? candidate : candidate == null ? current : current.min(candidate);
    }

    /** "0.10" -> 0.1, "100" -> 100 (never 1E+2). */
    private static BigDecimal plain(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    private static BigDecimal number(JsonNode filter, String field) {
        String text = filter.path(field).asText();
        return text.isBlank() ? null : new BigDecimal(text);
    }
}
