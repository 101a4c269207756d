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
 * Reads the filters execution applies from {@code GET /fapi/v1/exchangeInfo} (PRICE_FILTER, LOT_SIZE, MIN_NOTIONAL,
 * the smaller maximum quantity of LOT_SIZE and MARKET_LOT_SIZE) through shared-core's parser, so live trading and
 * paper/backtest read instruments the same way.
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

    /** Every instrument of the document, in shared-core's type. */
    static InstrumentCatalog catalog(JsonNode exchangeInfo) {
        return BinanceExchangeInfo.parse(exchangeInfo, "Binance exchangeInfo");
    }

    /** "0.10" -> 0.1, "100" -> 100 (never 1E+2). */
    private static BigDecimal plain(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
