package com.quantumtrader.core.instrument;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.quantumtrader.events.EventJson;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads Binance USDⓈ-M {@code GET /fapi/v1/exchangeInfo} into instruments. Fields and filters it does not use
 * (rate limits, assets, MAX_NUM_ORDERS, order types, anything Binance adds later) are ignored. A symbol without a
 * PRICE_FILTER tick or a LOT_SIZE step, or with a number that does not parse, is left out and listed in
 * {@link InstrumentCatalog#skipped()}; a document without a {@code symbols} array is refused.
 */
public final class BinanceExchangeInfo {

    /** Binance sends this far-future delivery date (2100-12-25) for perpetuals. */
    private static final Instant PERPETUAL_DELIVERY_AFTER = Instant.parse("2090-01-01T00:00:00Z");

    private BinanceExchangeInfo() {
    }

    /** @throws IllegalArgumentException naming {@code source} when the text is not an exchangeInfo document */
    public static InstrumentCatalog parse(String json, String source) {
        JsonNode root;
        try {
            root = EventJson.mapper().readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(source + " is not JSON: " + e.getOriginalMessage());
        }
        return parse(root, source);
    }

    /** @throws IllegalArgumentException naming {@code source} when the document has no {@code symbols} array */
    public static InstrumentCatalog parse(JsonNode root, String source) {
        if (root == null || !root.path("symbols").isArray()) {
            throw new IllegalArgumentException(source + " is not a Binance exchangeInfo document: no symbols array");
        }
        List<Instrument> instruments = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (JsonNode node : root.path("symbols")) {
            String symbol = node.path("symbol").asText("");
            try {
                instruments.add(instrument(node));
            } catch (IllegalArgumentException e) {
                skipped.add((symbol.isBlank() ? "(no symbol)" : symbol) + ": " + e.getMessage());
            }
        }
        return InstrumentCatalog.parsed(source, instruments, skipped);
    }

    private static Instrument instrument(JsonNode node) {
        String symbol = node.path("symbol").asText("");
        JsonNode price = filter(node, "PRICE_FILTER");
        JsonNode lot = filter(node, "LOT_SIZE");
        JsonNode market = filter(node, "MARKET_LOT_SIZE");
        JsonNode notional = filter(node, "MIN_NOTIONAL");
        JsonNode percent = filter(node, "PERCENT_PRICE");
        BigDecimal tick = number(price, "tickSize");
        BigDecimal step = number(lot, "stepSize");
        if (tick == null) {
            throw new IllegalArgumentException("no PRICE_FILTER tickSize");
        }
        if (step == null) {
            throw new IllegalArgumentException("no LOT_SIZE stepSize");
        }
        Instant delivery = instant(node, "deliveryDate");
        if (delivery != null && delivery.isAfter(PERPETUAL_DELIVERY_AFTER)) {
            delivery = null;
        }
        return new Instrument(symbol, node.path("pair").asText(null),
                node.path("contractType").asText(Instrument.PERPETUAL),
                node.path("status").asText(Instrument.TRADING),
                tick, number(price, "minPrice"), number(price, "maxPrice"),
                step, number(lot, "minQty"), number(lot, "maxQty"),
                number(market, "minQty"), number(market, "maxQty"),
                number(notional, "notional"),
                number(percent, "multiplierUp"), number(percent, "multiplierDown"),
                instant(node, "onboardDate"), delivery);
    }

    private static JsonNode filter(JsonNode symbol, String type) {
        for (JsonNode filter : symbol.path("filters")) {
            if (type.equals(filter.path("filterType").asText())) {
                return filter;
            }
        }
        return null;
    }

    /** The exchange's decimal string exactly ("0.10" keeps scale 2); null when absent or blank. */
    private static BigDecimal number(JsonNode filter, String field) {
        if (filter == null || !filter.hasNonNull(field)) {
            return null;
        }
        String text = filter.get(field).asText().trim();
        if (text.isEmpty()) {
            return null;
        }
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(filter.path("filterType").asText() + " " + field + " '" + text
                    + "' is not a number");
        }
    }

    private static Instant instant(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.canConvertToLong()) {
            return null;
        }
        return Instant.ofEpochMilli(value.asLong());
    }
}
