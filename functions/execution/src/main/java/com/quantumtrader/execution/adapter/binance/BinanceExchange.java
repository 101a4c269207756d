package com.quantumtrader.execution.adapter.binance;

import com.fasterxml.jackson.databind.JsonNode;
import com.quantumtrader.core.time.Scheduler;
import com.quantumtrader.events.OrderSide;
import com.quantumtrader.execution.Bar;
import com.quantumtrader.execution.adapter.binance.BinanceRestClient.Method;
import com.quantumtrader.execution.exchange.ExchangePort;
import com.quantumtrader.execution.exchange.ExchangePosition;
import com.quantumtrader.execution.exchange.ExchangeUnavailableException;
import com.quantumtrader.execution.exchange.ExecutionReport;
import com.quantumtrader.execution.exchange.OrderRequest;
import com.quantumtrader.execution.exchange.OrderStatusReport;
import com.quantumtrader.execution.exchange.OrderType;
import com.quantumtrader.execution.exchange.PlaceResult;
import com.quantumtrader.execution.exchange.SymbolRules;
import java.math.BigDecimal;
import java.math.MathContext;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Binance USD-M Futures behind the exchange port (one-way position mode). Orders are checked against the
 * contract's exchangeInfo filters before anything is sent, so a bad price or quantity is a clear local rejection
 * rather than an exchange reject. A new order whose answer never came (timeout, 5xx) is looked up by its client id
 * before it is sent again, so a resend can never double it.
 *
 * <p>Built on {@link HttpClient} and Jackson: no maintained Java client for USD-M gives BigDecimal amounts, an
 * injectable clock and control over retries and reconciliation.
 */
public final class BinanceExchange implements ExchangePort {

    private static final Logger LOG = LoggerFactory.getLogger(BinanceExchange.class);
    private static final int UNKNOWN_ORDER = -2011;
    private static final int NO_SUCH_ORDER = -2013;

    private final BinanceRestClient client;
    private final BinanceSettings settings;
    private final Clock clock;
    private final Sleeper sleeper;
    private final Map<String, SymbolRules> rules = new ConcurrentHashMap<>();

    BinanceExchange(BinanceRestClient client, BinanceSettings settings, Clock clock, Sleeper sleeper) {
        this.client = client;
        this.settings = settings;
        this.clock = clock;
        this.sleeper = sleeper;
    }

    public static BinanceExchange connect(BinanceSettings settings, BinanceCredentials credentials, Clock clock,
                                          Sleeper sleeper) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(settings.requestTimeout()).build();
        return new BinanceExchange(new BinanceRestClient(settings, credentials, http, clock, sleeper), settings, clock,
                sleeper);
    }

    /**
     * The account's user-data stream: its listen key, created now and kept alive on {@code scheduler};
     * {@code onNewKey} hears every key the stream starts with or moves to after an expiry.
     */
    public UserDataStream openUserDataStream(Scheduler scheduler,
                                             Consumer<String> onNewKey) {
        UserDataStream stream = new UserDataStream(client, scheduler, clock, onNewKey);
        stream.open();
        return stream;
    }

    /**
     * Closed bars of one symbol opening at or after {@code from} ({@code GET /fapi/v1/klines}, at most 1,500): what
     * the market stream missed while it was disconnected. The bar still open is left out.
     */
    public List<Bar> closedKlines(String symbol, String interval, Instant from) {
        JsonNode rows = client.publicGet("/fapi/v1/klines", Map.of("symbol", symbol, "interval", interval,
                "startTime", Long.toString(from.toEpochMilli()), "limit", "1500"));
        List<Bar> bars = new ArrayList<>();
        for (JsonNode row : rows) {
            Instant close = Instant.ofEpochMilli(row.get(6).asLong() + 1);
            if (close.isAfter(clock.instant())) {
                continue;
            }
            bars.add(new Bar(symbol, interval, Instant.ofEpochMilli(row.get(0).asLong()),
                    close, new BigDecimal(row.get(1).asText()), new BigDecimal(row.get(2).asText()),
                    new BigDecimal(row.get(3).asText()), new BigDecimal(row.get(4).asText()),
                    new BigDecimal(row.get(5).asText())));
        }
        return bars;
    }

    /** Loads every contract's filters from {@code GET /fapi/v1/exchangeInfo}; returns how many were loaded. */
    public int loadExchangeInfo() {
        Map<String, SymbolRules> loaded = ExchangeInfo.parse(client.publicGet("/fapi/v1/exchangeInfo", Map.of()));
        rules.putAll(loaded);
        LOG.info("loaded filters of {} Binance USD-M contracts", loaded.size());
        return loaded.size();
    }

    @Override
    public Optional<SymbolRules> rules(String symbol) {
        if (rules.isEmpty()) {
            loadExchangeInfo();
        }
        return Optional.ofNullable(rules.get(symbol));
    }

    @Override
    public Optional<BigDecimal> lastPrice(String symbol) {
        JsonNode ticker = client.publicGet("/fapi/v1/ticker/price", Map.of("symbol", symbol));
        return decimal(ticker, "price");
    }

    @Override
    public PlaceResult place(OrderRequest request) {
        Optional<PlaceResult> violation = checkFilters(request);
        if (violation.isPresent()) {
            return violation.get();
        }
        Map<String, String> params = orderParameters(request);
        ExchangeUnavailableException last = null;
        for (int attempt = 1; attempt <= settings.maxAttempts(); attempt++) {
            if (attempt > 1) {
                sleeper.sleep(last.waitFrom(clock.instant(), settings.backoff(attempt - 1)));
            }
            try {
                client.signed(Method.POST, "/fapi/v1/order", params, false);
                return PlaceResult.acceptedOrder();
            } catch (BinanceApiException rejected) {
                return PlaceResult.rejected(Integer.toString(rejected.code()), rejected.exchangeMessage());
            } catch (ExchangeUnavailableException unavailable) {
                if (!unavailable.outcomeUnknown()) {
                    throw unavailable; // known not placed; the client already retried what could be retried
                }
                last = unavailable;
                Optional<OrderStatusReport> landed;
                try {
                    landed = queryOrder(request.symbol(), request.clientOrderId());
                } catch (ExchangeUnavailableException queryFailed) {
                    throw unavailable; // still unknown whether the order exists: reconciliation settles it
                }
                if (landed.isPresent()) {
                    LOG.warn("order {} had no answer but the exchange holds it: accepted", request.clientOrderId());
                    return PlaceResult.acceptedOrder();
                }
            }
        }
        throw last;
    }

    @Override
    public Optional<OrderStatusReport> queryOrder(String symbol, String clientOrderId) {
        JsonNode order;
        try {
            order = client.signed(Method.GET, "/fapi/v1/order",
                    params("symbol", symbol, "origClientOrderId", clientOrderId), true);
        } catch (BinanceApiException e) {
            if (e.code() == NO_SUCH_ORDER) {
                return Optional.empty();
            }
            throw e;
        }
        BigDecimal executed = decimal(order, "executedQty").orElse(BigDecimal.ZERO);
        BigDecimal average = executed.signum() > 0 ? decimal(order, "avgPrice").orElse(null) : null;
        BigDecimal fee = BigDecimal.ZERO;
        String feeAsset = "USDT";
        if (executed.signum() > 0) {
            JsonNode trades = client.signed(Method.GET, "/fapi/v1/userTrades",
                    params("symbol", symbol, "orderId", order.path("orderId").asText()), true);
            for (JsonNode trade : trades) {
                fee = fee.add(decimal(trade, "commission").orElse(BigDecimal.ZERO));
                feeAsset = trade.path("commissionAsset").asText(feeAsset);
            }
        }
        return Optional.of(new OrderStatusReport(clientOrderId, symbol, OrderSide.valueOf(order.path("side").asText()),
                status(order.path("status").asText()), executed, average, fee, feeAsset));
    }

    @Override
    public boolean cancel(String symbol, String clientOrderId) {
        try {
            client.signed(Method.DELETE, "/fapi/v1/order", params("symbol", symbol, "origClientOrderId", clientOrderId),
                    true);
            return true;
        } catch (BinanceApiException e) {
            if (e.code() == UNKNOWN_ORDER || e.code() == NO_SUCH_ORDER) {
                return false;
            }
            throw e;
        }
    }

    @Override
    public List<String> openOrderIds() {
        TreeSet<String> ids = new TreeSet<>();
        for (JsonNode order : client.signed(Method.GET, "/fapi/v1/openOrders", Map.of(), true)) {
            ids.add(order.path("clientOrderId").asText());
        }
        return List.copyOf(ids);
    }

    @Override
    public List<ExchangePosition> positions() {
        TreeMap<String, BigDecimal> bySymbol = new TreeMap<>();
        for (JsonNode position : client.signed(Method.GET, "/fapi/v2/positionRisk", Map.of(), true)) {
            BigDecimal amount = decimal(position, "positionAmt").orElse(BigDecimal.ZERO);
            if (amount.signum() != 0) {
                bySymbol.merge(position.path("symbol").asText(), amount, BigDecimal::add);
            }
        }
        List<ExchangePosition> out = new ArrayList<>();
        bySymbol.forEach((symbol, amount) -> out.add(new ExchangePosition(symbol, amount)));
        return out;
    }

    /** A reduce-only MARKET order for the whole position, answered with its result (newOrderRespType=RESULT). */
    @Override
    public List<ExecutionReport> closePosition(String symbol, String clientOrderId) {
        Optional<ExchangePosition> open = positions().stream().filter(p -> p.symbol().equals(symbol)).findFirst();
        if (open.isEmpty()) {
            return List.of();
        }
        BigDecimal amount = open.get().quantity();
        OrderSide side = amount.signum() > 0 ? OrderSide.SELL : OrderSide.BUY;
        PlaceResult result = place(new OrderRequest(clientOrderId, symbol, side, OrderType.MARKET, amount.abs(), null,
                true));
        if (!result.accepted()) {
            throw new IllegalStateException("closing " + symbol + " was rejected: " + result.errorCode() + " "
                    + result.errorMessage());
        }
        Optional<OrderStatusReport> done = queryOrder(symbol, clientOrderId);
        if (done.isEmpty() || done.get().executedQuantity().signum() == 0) {
            return List.of();
        }
        OrderStatusReport report = done.get();
        ExecutionReport.Status status = report.status() == OrderStatusReport.Status.FILLED
                ? ExecutionReport.Status.FILLED : ExecutionReport.Status.PARTIALLY_FILLED;
        return List.of(new ExecutionReport(clientOrderId, symbol, side, status, report.executedQuantity(),
                report.executedQuantity(), report.averagePrice(), report.fee(), report.feeAsset()));
    }

    /** Price on the tick grid, quantity on the step grid, notional at least the minimum: else a local rejection. */
    Optional<PlaceResult> checkFilters(OrderRequest request) {
        Optional<SymbolRules> found = rules(request.symbol());
        if (found.isEmpty()) {
            return Optional.of(PlaceResult.rejected("UNKNOWN_SYMBOL", "Binance USD-M does not list " + request.symbol()));
        }
        SymbolRules contract = found.get();
        BigDecimal quantity = request.quantity();
        if (quantity == null || quantity.compareTo(contract.stepSize()) < 0 || !contract.isOnStep(quantity)) {
            return Optional.of(PlaceResult.rejected("FILTER_LOT_SIZE", "quantity " + plain(quantity)
                    + " is not a positive multiple of the step size " + contract.stepSize().toPlainString()
                    + "; not sent"));
        }
        if (request.type() != OrderType.MARKET) {
            BigDecimal trigger = request.triggerPrice();
            if (trigger == null || trigger.signum() <= 0 || !contract.isOnTick(trigger)) {
                return Optional.of(PlaceResult.rejected("FILTER_PRICE", "stop price " + plain(trigger)
                        + " is not a positive multiple of the tick size " + contract.tickSize().toPlainString()
                        + "; not sent"));
            }
        }
        if (!request.reduceOnly()) {
            BigDecimal price = request.type() == OrderType.MARKET
                    ? lastPrice(request.symbol()).orElse(null) : request.triggerPrice();
            if (price == null) {
                return Optional.of(PlaceResult.rejected("NO_MARKET_DATA", "no price for " + request.symbol()));
            }
            BigDecimal notional = price.multiply(quantity, MathContext.DECIMAL64);
            if (notional.compareTo(contract.minNotional()) < 0) {
                return Optional.of(PlaceResult.rejected("FILTER_MIN_NOTIONAL", "notional " + notional.toPlainString()
                        + " USDT is below the minimum " + contract.minNotional().toPlainString() + " USDT; not sent"));
            }
        }
        return Optional.empty();
    }

    static Map<String, String> orderParameters(OrderRequest request) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("symbol", request.symbol());
        params.put("side", request.side().name());
        params.put("type", request.type().name());
        params.put("quantity", request.quantity().toPlainString());
        if (request.type() != OrderType.MARKET) {
            params.put("stopPrice", request.triggerPrice().toPlainString());
        }
        if (request.reduceOnly()) {
            params.put("reduceOnly", "true");
        }
        params.put("newClientOrderId", request.clientOrderId());
        params.put("newOrderRespType", "RESULT");
        return params;
    }

    private static OrderStatusReport.Status status(String binance) {
        return switch (binance) {
            case "NEW" -> OrderStatusReport.Status.NEW;
            case "PARTIALLY_FILLED" -> OrderStatusReport.Status.PARTIALLY_FILLED;
            case "FILLED" -> OrderStatusReport.Status.FILLED;
            case "CANCELED" -> OrderStatusReport.Status.CANCELED;
            case "EXPIRED", "EXPIRED_IN_MATCH" -> OrderStatusReport.Status.EXPIRED;
            case "REJECTED" -> OrderStatusReport.Status.REJECTED;
            default -> throw new IllegalStateException("unknown Binance order status " + binance);
        };
    }

    private static Map<String, String> params(String... pairs) {
        Map<String, String> params = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            params.put(pairs[i], pairs[i + 1]);
        }
        return params;
    }

    static Optional<BigDecimal> decimal(JsonNode node, String field) {
        JsonNode value = node.path(field);
        if (value.isMissingNode() || value.isNull() || value.asText().isBlank()) {
            return Optional.empty();
        }
        return Optional.of(new BigDecimal(value.asText()));
    }

    private static String plain(BigDecimal value) {
        return value == null ? "null" : value.toPlainString();
    }

    /** The client's view of the rate limits, for health and metrics. */
    public long usedWeight() {
        return client.limits().usedWeight();
    }

    public long orderCount() {
        return client.limits().orderCount();
    }

    Duration backoff(int failedAttempts) {
        return settings.backoff(failedAttempts);
    }
}
