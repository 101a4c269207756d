package com.quantumtrader.execution.adapter.binance;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Builds USD-M user-data stream messages with the fields and spelling of Binance's "Event: Order Update"
 * ({@code ORDER_TRADE_UPDATE}), "Event: Balance and Position Update" ({@code ACCOUNT_UPDATE}) and
 * "Event: User Data Stream Expired" ({@code listenKeyExpired}). Every amount is a decimal string, as Binance sends it.
 */
final class UserDataPayloads {

    private static final long EVENT_TIME = 1736163000000L;

    private final Map<String, Object> order = new LinkedHashMap<>();

    private UserDataPayloads(String clientOrderId) {
        order.put("s", "BTCUSDT");
        order.put("c", clientOrderId);
        order.put("S", "BUY");
        order.put("o", "MARKET");
        order.put("f", "GTC");
        order.put("q", "0.010");
        order.put("p", "0");
        order.put("ap", "0");
        order.put("sp", "0");
        order.put("x", "NEW");
        order.put("X", "NEW");
        order.put("i", 22542179L);
        order.put("l", "0");
        order.put("z", "0");
        order.put("L", "0");
        order.put("N", "USDT");
        order.put("n", "0");
        order.put("T", EVENT_TIME);
        order.put("t", 0);
        order.put("b", "0");
        order.put("a", "0");
        order.put("m", false);
        order.put("R", false);
        order.put("wt", "CONTRACT_PRICE");
        order.put("ot", "MARKET");
        order.put("ps", "BOTH");
        order.put("cp", false);
        order.put("rp", "0");
        order.put("pP", false);
        order.put("si", 0);
        order.put("ss", 0);
        order.put("V", "EXPIRE_TAKER");
        order.put("pm", "NONE");
        order.put("gtd", 0);
    }

    /** An acknowledged (NEW) market buy of 0.010 BTCUSDT by client id. */
    static UserDataPayloads order(String clientOrderId) {
        return new UserDataPayloads(clientOrderId);
    }

    /** A trade of {@code last} at {@code price}, {@code cumulative} filled so far, paying {@code fee} USDT. */
    UserDataPayloads trade(String last, String cumulative, String price, String fee, String status) {
        order.put("x", "TRADE");
        order.put("X", status);
        order.put("l", last);
        order.put("z", cumulative);
        order.put("L", price);
        order.put("ap", price);
        order.put("n", fee);
        order.put("t", 698759);
        return this;
    }

    /** A change without a trade: CANCELED, EXPIRED, NEW … with {@code cumulative} filled before it. */
    UserDataPayloads status(String executionType, String status, String cumulative, String average) {
        order.put("x", executionType);
        order.put("X", status);
        order.put("z", cumulative);
        order.put("ap", average);
        return this;
    }

    UserDataPayloads set(String field, Object value) {
        order.put(field, value);
        return this;
    }

    UserDataPayloads without(String field) {
        order.remove(field);
        return this;
    }

    String json() {
        return "{\"e\":\"ORDER_TRADE_UPDATE\",\"E\":" + EVENT_TIME + ",\"T\":" + EVENT_TIME + ",\"o\":{"
                + order.entrySet().stream().map(e -> quote(e.getKey()) + ":" + value(e.getValue()))
                .collect(Collectors.joining(",")) + "}}";
    }

    /** A position update after an order: wallet balance and the one-way position of BTCUSDT. */
    static String accountUpdate(String reason, String walletBalance, String positionAmount) {
        return "{\"e\":\"ACCOUNT_UPDATE\",\"E\":" + EVENT_TIME + ",\"T\":" + EVENT_TIME + ",\"a\":{\"m\":\"" + reason
                + "\",\"B\":[{\"a\":\"USDT\",\"wb\":\"" + walletBalance + "\",\"cw\":\"" + walletBalance
                + "\",\"bc\":\"0\"}],\"P\":[{\"s\":\"BTCUSDT\",\"pa\":\"" + positionAmount
                + "\",\"ep\":\"61234.60000\",\"bep\":\"61240.72\",\"cr\":\"0\",\"up\":\"0\",\"mt\":\"cross\","
                + "\"iw\":\"0\",\"ps\":\"BOTH\"}]}}";
    }

    static String listenKeyExpired(String listenKey) {
        return "{\"e\":\"listenKeyExpired\",\"E\":\"" + EVENT_TIME + "\",\"listenKey\":\"" + listenKey + "\"}";
    }

    private static String quote(String text) {
        return "\"" + text + "\"";
    }

    private static String value(Object value) {
        return value instanceof String text ? quote(text) : String.valueOf(value);
    }
}
