package com.quantumtrader.execution.adapter.binance;

import com.fasterxml.jackson.databind.JsonNode;
import com.quantumtrader.events.EventJson;
import com.quantumtrader.events.MalformedEventException;
import com.quantumtrader.events.OrderPurpose;
import com.quantumtrader.events.OrderSide;
import com.quantumtrader.events.execution.MarginCall;
import com.quantumtrader.execution.exchange.ExchangePosition;
import com.quantumtrader.execution.exchange.ExecutionReport;
import com.quantumtrader.execution.exchange.OrderStatusReport;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the USD-M user-data stream's JSON (field names as in Binance's "User Data Streams" documentation). Amounts
 * are read as BigDecimal from their strings; a message that is not JSON, or a trade without its quantities or price,
 * is a {@link MalformedEventException} naming what is wrong, never a guessed value. A trade without commission
 * ({@code n}/{@code N} left out, as Binance does when there is none) has a zero fee.
 */
final class UserDataEvents {

    private UserDataEvents() {
    }

    static UserDataEvent parse(String json) {
        JsonNode message = EventJson.readTree(json);
        if (!message.isObject()) {
            throw new MalformedEventException("user-data message is not a JSON object");
        }
        if (message.has("error")) {
            JsonNode error = message.path("error");
            return new UserDataEvent.StreamError(error.path("code").asInt(0), error.path("msg").asText(""));
        }
        if (message.has("code") && !message.has("e")) {
            return new UserDataEvent.StreamError(message.path("code").asInt(0), message.path("msg").asText(""));
        }
        String type = message.path("e").asText("");
        return switch (type) {
            case "ORDER_TRADE_UPDATE" -> orderUpdate(message.path("o"));
            case "ACCOUNT_UPDATE" -> accountUpdate(message.path("a"));
            case "MARGIN_CALL" -> marginCall(message);
            case "listenKeyExpired" -> new UserDataEvent.ListenKeyExpired();
            case "" -> throw new MalformedEventException("user-data message without an event type 'e'");
            default -> new UserDataEvent.Ignored(type);
        };
    }

    private static UserDataEvent orderUpdate(JsonNode order) {
        if (!order.isObject()) {
            throw new MalformedEventException("ORDER_TRADE_UPDATE without its order 'o'");
        }
        String execution = text(order, "x");
        String clientOrderId = text(order, "c");
        String symbol = text(order, "s");
        OrderSide side = side(text(order, "S"));
        String status = text(order, "X");
        BigDecimal cumulative = amount(order, "z");
        // CALCULATED is Binance's "liquidation execution", whatever the id says
        Optional<OrderPurpose> byExchange = exchangePurpose(clientOrderId)
                .or(() -> execution.equals("CALCULATED") ? Optional.of(OrderPurpose.LIQUIDATION) : Optional.empty());
        if (byExchange.isPresent()) {
            return exchangeClose(byExchange.get(), order, execution, clientOrderId, symbol, side, status, cumulative);
        }
        if (execution.equals("TRADE")) {
            ExecutionReport.Status filled = switch (status) {
                case "PARTIALLY_FILLED" -> ExecutionReport.Status.PARTIALLY_FILLED;
                case "FILLED" -> ExecutionReport.Status.FILLED;
                // IOC remainder expired in the same match: the trade is real, the rest died
                case "EXPIRED", "EXPIRED_IN_MATCH" -> ExecutionReport.Status.EXPIRED;
                default -> throw new MalformedEventException("trade of " + clientOrderId + " with order status " + status);
            };
            BigDecimal last = positive(order, "l");
            BigDecimal price = positive(order, "L");
            // Binance leaves out n and N when the trade paid no commission: a fill with no fee, not a broken frame
            BigDecimal fee = order.has("n") ? amount(order, "n") : BigDecimal.ZERO;
            String feeAsset = order.has("N") ? text(order, "N") : marginAsset(symbol);
            return new UserDataEvent.Trade(new ExecutionReport(clientOrderId, symbol, side, filled, last, cumulative,
                    price, fee, feeAsset));
        }
        if (execution.equals("AMENDMENT")) {
            return new UserDataEvent.Ignored("ORDER_TRADE_UPDATE/" + execution);
        }
        OrderStatusReport.Status settled = switch (status) {
            case "NEW" -> OrderStatusReport.Status.NEW;
            case "PARTIALLY_FILLED" -> OrderStatusReport.Status.PARTIALLY_FILLED;
            case "FILLED" -> OrderStatusReport.Status.FILLED;
            case "CANCELED" -> OrderStatusReport.Status.CANCELED;
            case "EXPIRED", "EXPIRED_IN_MATCH" -> OrderStatusReport.Status.EXPIRED;
            case "REJECTED" -> OrderStatusReport.Status.REJECTED;
            default -> throw new MalformedEventException("order " + clientOrderId + " with unknown status " + status);
        };
        BigDecimal average = cumulative.signum() > 0 ? positive(order, "ap") : null;
        return new UserDataEvent.OrderStatus(new OrderStatusReport(clientOrderId, symbol, side, settled, cumulative,
                average, BigDecimal.ZERO, order.path("N").asText("USDT")));
    }

    /**
     * Binance's special client ids of orders it places itself: {@code autoclose-…} a liquidation,
     * {@code adl_autoclose} an auto-deleveraging, {@code settlement_autoclose-…} a settlement at delisting.
     */
    static Optional<OrderPurpose> exchangePurpose(String clientOrderId) {
        if (clientOrderId.startsWith("autoclose-")) {
            return Optional.of(OrderPurpose.LIQUIDATION);
        }
        if (clientOrderId.startsWith("adl_autoclose")) {
            return Optional.of(OrderPurpose.AUTO_DELEVERAGE);
        }
        if (clientOrderId.startsWith("settlement_autoclose")) {
            return Optional.of(OrderPurpose.EXTERNAL_CLOSE);
        }
        return Optional.empty();
    }

    /**
     * An exchange-placed order: a trade ({@code x} TRADE, or CALCULATED, Binance's "liquidation execution") with a
     * quantity is a close of our position; its acknowledgement (NEW) or anything without a quantity is ignored.
     */
    private static UserDataEvent exchangeClose(OrderPurpose purpose, JsonNode order, String execution,
                                               String clientOrderId, String symbol, OrderSide side, String status,
                                               BigDecimal cumulative) {
        if (!execution.equals("TRADE") && !execution.equals("CALCULATED")) {
            return new UserDataEvent.Ignored("ORDER_TRADE_UPDATE/" + execution + " of " + clientOrderId);
        }
        // a CALCULATED frame may carry only the cumulative quantity and average price of the liquidation
        BigDecimal last = order.has("l") && amount(order, "l").signum() > 0 ? amount(order, "l") : cumulative;
        if (last.signum() <= 0) {
            return new UserDataEvent.Ignored("ORDER_TRADE_UPDATE/" + execution + " of " + clientOrderId + " without a trade");
        }
        BigDecimal price = order.has("L") && amount(order, "L").signum() > 0 ? amount(order, "L") : positive(order, "ap");
        BigDecimal fee = order.has("n") ? amount(order, "n") : BigDecimal.ZERO;
        String feeAsset = order.has("N") ? text(order, "N") : marginAsset(symbol);
        ExecutionReport.Status filled = status.equals("FILLED")
                ? ExecutionReport.Status.FILLED : ExecutionReport.Status.PARTIALLY_FILLED;
        return new UserDataEvent.ExchangeClose(purpose, new ExecutionReport(clientOrderId, symbol, side, filled, last,
                cumulative.signum() > 0 ? cumulative : last, price, fee, feeAsset));
    }

    /**
     * {@code MARGIN_CALL}: {@code cw} (cross wallet balance, crossed positions only) and per position {@code s},
     * {@code pa}, {@code mt}, {@code mp}, {@code up}, {@code mm}.
     */
    private static UserDataEvent marginCall(JsonNode message) {
        Instant at = Instant.ofEpochMilli(message.path("E").asLong());
        BigDecimal crossWallet = message.has("cw") ? amount(message, "cw") : null;
        List<MarginCall> calls = new ArrayList<>();
        for (JsonNode position : message.path("p")) {
            String marginType = text(position, "mt").toUpperCase(java.util.Locale.ROOT);
            if (marginType.equals("CROSS")) {
                marginType = "CROSSED";
            }
            if (!marginType.equals("CROSSED") && !marginType.equals("ISOLATED")) {
                throw new MalformedEventException("MARGIN_CALL margin type '" + marginType + "' is neither CROSSED"
                        + " nor ISOLATED");
            }
            calls.add(new MarginCall(text(position, "s"), amount(position, "pa"), marginType,
                    positive(position, "mp"), amount(position, "up"), amount(position, "mm"),
                    marginType.equals("CROSSED") ? crossWallet : null, at));
        }
        if (calls.isEmpty()) {
            throw new MalformedEventException("MARGIN_CALL without positions 'p'");
        }
        return new UserDataEvent.MarginCallWarning(calls);
    }

    /** The asset a USD-M contract settles (and charges commission) in: USDC for …USDC, else USDT. */
    static String marginAsset(String symbol) {
        return symbol.endsWith("USDC") ? "USDC" : "USDT";
    }

    /**
     * The order an {@code ORDER_TRADE_UPDATE} frame is about, read as leniently as possible from a frame that
     * {@link #parse} refused: its symbol and client id, when both are there.
     */
    static Optional<OrderReference> orderReference(String json) {
        JsonNode message;
        try {
            message = EventJson.readTree(json);
        } catch (RuntimeException notJson) {
            return Optional.empty();
        }
        JsonNode order = message.path("o");
        String symbol = order.path("s").asText("");
        String clientOrderId = order.path("c").asText("");
        if (!"ORDER_TRADE_UPDATE".equals(message.path("e").asText()) || symbol.isBlank() || clientOrderId.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(new OrderReference(symbol, clientOrderId));
    }

    record OrderReference(String symbol, String clientOrderId) {
    }

    private static UserDataEvent accountUpdate(JsonNode account) {
        if (!account.isObject()) {
            throw new MalformedEventException("ACCOUNT_UPDATE without its account 'a'");
        }
        Map<String, BigDecimal> balances = new LinkedHashMap<>();
        for (JsonNode balance : account.path("B")) {
            balances.put(text(balance, "a"), amount(balance, "wb"));
        }
        Map<String, BigDecimal> bySymbol = new LinkedHashMap<>();
        for (JsonNode position : account.path("P")) {
            // hedge mode would name LONG and SHORT legs; one-way mode has one BOTH leg per symbol
            bySymbol.merge(text(position, "s"), amount(position, "pa"), BigDecimal::add);
        }
        List<ExchangePosition> positions = new ArrayList<>();
        bySymbol.forEach((symbol, amount) -> positions.add(new ExchangePosition(symbol, amount)));
        return new UserDataEvent.AccountUpdate(account.path("m").asText(""), balances, positions);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        if (!value.isTextual() || value.asText().isBlank()) {
            throw new MalformedEventException("user-data field '" + field + "' missing or empty");
        }
        return value.asText();
    }

    private static OrderSide side(String side) {
        return switch (side) {
            case "BUY" -> OrderSide.BUY;
            case "SELL" -> OrderSide.SELL;
            default -> throw new MalformedEventException("order side '" + side + "' is neither BUY nor SELL");
        };
    }

    /** A decimal string ("0.001", "-0.5"); NaN, Infinity, numbers sent as JSON numbers and blanks are refused. */
    private static BigDecimal amount(JsonNode node, String field) {
        String value = text(node, field);
        try {
            return new BigDecimal(value);
        } catch (NumberFormatException e) {
            throw new MalformedEventException("user-data field '" + field + "' is not a decimal: '" + value + "'", e);
        }
    }

    private static BigDecimal positive(JsonNode node, String field) {
        BigDecimal value = amount(node, field);
        if (value.signum() <= 0) {
            throw new MalformedEventException("user-data field '" + field + "' must be positive but is "
                    + value.toPlainString());
        }
        return value;
    }
}
