package com.quantumtrader.execution.adapter.binance;

import com.fasterxml.jackson.databind.JsonNode;
import com.quantumtrader.core.instrument.BinanceExchangeInfo;
import com.quantumtrader.core.instrument.Instrument;
import com.quantumtrader.core.instrument.InstrumentCatalog;
import com.quantumtrader.execution.exchange.SymbolRules;
import java.math.BigDecimal;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads the filters execution applies from {@code GET /fapi/v1/exchangeInfo}: the rules every order is rounded to
 * (through shared-core's parser, so live trading and paper/backtest read instruments the same way) and every filter
 * value the Binance adapter checks before sending (PRICE_FILTER, LOT_SIZE, MARKET_LOT_SIZE, MIN_NOTIONAL,
 * PERCENT_PRICE).
 */
final class ExchangeInfo {

    private ExchangeInfo() {
    }

    /** Rules of every TRADING contract with a tick and a step (no MIN_NOTIONAL: zero), by symbol. */
    static Map<String, SymbolRules> parse(JsonNode exchangeInfo) {
        Map<String, SymbolRules> out = new TreeMap<>();
        for (Instrument instrument : catalog(exchangeInfo).instruments()) {
            if (instrument.isTrading()) {
                SymbolRules rules = SymbolRules.of(instrument);
                out.put(instrument.symbol(), new SymbolRules(rules.symbol(), plain(rules.tickSize()),
                        plain(rules.stepSize()), plain(rules.minNotional()),
                        rules.maxQuantity() == null ? null : plain(rules.maxQuantity())));
            }
        }
        return out;
    }

    /** Every filter value of every TRADING contract that publishes PRICE_FILTER, LOT_SIZE and MIN_NOTIONAL. */
    static Map<String, ContractFilters> filters(JsonNode exchangeInfo) {
        Map<String, ContractFilters> out = new TreeMap<>();
        for (JsonNode symbol : exchangeInfo.path("symbols")) {
            String name = symbol.path("symbol").asText();
            if (!"TRADING".equals(symbol.path("status").asText("TRADING"))) {
                continue;
            }
            Map<String, JsonNode> byType = new TreeMap<>();
            for (JsonNode filter : symbol.path("filters")) {
                byType.put(filter.path("filterType").asText(), filter);
            }
            JsonNode price = byType.get("PRICE_FILTER");
            JsonNode lot = byType.get("LOT_SIZE");
            JsonNode market = byType.get("MARKET_LOT_SIZE");
            JsonNode notional = byType.get("MIN_NOTIONAL");
            JsonNode percent = byType.get("PERCENT_PRICE");
            BigDecimal tick = number(price, "tickSize");
            BigDecimal step = number(lot, "stepSize");
            BigDecimal minNotional = number(notional, "notional");
            if (tick == null || step == null || minNotional == null) {
                continue;
            }
            out.put(name, new ContractFilters(name, plain(tick), limit(price, "minPrice"), limit(price, "maxPrice"),
                    plain(step), limit(lot, "minQty"), limit(lot, "maxQty"), limit(market, "stepSize"),
                    limit(market, "minQty"), limit(market, "maxQty"), plain(minNotional),
                    limit(percent, "multiplierUp"), limit(percent, "multiplierDown")));
        }
        return out;
    }

    /** Every instrument of the document, in shared-core's type. */
    static InstrumentCatalog catalog(JsonNode exchangeInfo) {
        return BinanceExchangeInfo.parse(exchangeInfo, "Binance exchangeInfo");
    }

    /** A bound; 0 or absent means none (Binance's "disabled"). */
    private static BigDecimal limit(JsonNode filter, String field) {
        BigDecimal value = number(filter, field);
        return value == null || value.signum() == 0 ? null : plain(value);
    }

    /** "0.10" -> 0.1, "100" -> 100 (never 1E+2). */
    private static BigDecimal plain(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    private static BigDecimal number(JsonNode filter, String field) {
        if (filter == null) {
            return null;
        }
        String text = filter.path(field).asText();
        return text.isBlank() ? null : new BigDecimal(text);
    }
}
