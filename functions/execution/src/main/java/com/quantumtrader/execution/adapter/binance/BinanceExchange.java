package com.quantumtrader.execution.adapter.binance;

import com.quantumtrader.events.market.PriceBars;
import com.quantumtrader.events.market.MarketPriceUpdate;
import com.fasterxml.jackson.databind.JsonNode;
import com.quantumtrader.core.time.Scheduler;
import com.quantumtrader.events.OrderSide;
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
import java.math.RoundingMode;
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
    private static final int POSITION_SIDE_MISMATCH = -4061;

    private final Map<String, SymbolRules> rules = new ConcurrentHashMap<>();
    private final Map<String, ContractFilters> filters = new ConcurrentHashMap<>();
    private volatile Boolean hedgeMode;

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
    public List<MarketPriceUpdate> closedKlines(String symbol, String interval, Instant from) {
        JsonNode rows = client.publicGet("/fapi/v1/klines", Map.of("symbol", symbol, "interval", interval,
                "startTime", Long.toString(from.toEpochMilli()), "limit", "1500"));
        List<MarketPriceUpdate> bars = new ArrayList<>();
        for (JsonNode row : rows) {
            Instant close = Instant.ofEpochMilli(row.get(6).asLong() + 1);
            if (close.isAfter(clock.instant())) {
                continue;
            }
            bars.add(PriceBars.bar(symbol, interval, Instant.ofEpochMilli(row.get(0).asLong()),
                    close, new BigDecimal(row.get(1).asText()), new BigDecimal(row.get(2).asText()),
                    new BigDecimal(row.get(3).asText()), new BigDecimal(row.get(4).asText()),
                    new BigDecimal(row.get(5).asText())));
        }
        return bars;
    }

    /** Loads every contract's filters from {@code GET /fapi/v1/exchangeInfo}; returns how many were loaded. */
    public int loadExchangeInfo() {
        JsonNode exchangeInfo = client.publicGet("/fapi/v1/exchangeInfo", Map.of());
        Map<String, SymbolRules> loaded = ExchangeInfo.parse(exchangeInfo);
        filters.putAll(ExchangeInfo.filters(exchangeInfo));
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

    /**
     * Reads the account's position mode ({@code GET /fapi/v1/positionSide/dual}) and refuses hedge mode: execution
     * sends one-way orders (no {@code positionSide}), which Binance rejects in hedge mode (-4061). Run on start so
     * the service stops with this error instead of trading into rejections.
     *
     * @throws IllegalStateException when the account is in hedge mode
     */
    public void requireOneWayPositionMode() {
        if (readHedgeMode()) {
            throw new IllegalStateException(HEDGE_MODE_MESSAGE);
        }
        LOG.info("Binance position mode: one-way");
    }

    private static final String HEDGE_MODE_MESSAGE = "the Binance account is in hedge mode (dualSidePosition=true);"
            + " execution trades one-way mode only: switch the account to one-way mode (Preferences > Position Mode,"
            + " or POST /fapi/v1/positionSide/dual dualSidePosition=false) and restart";

    private boolean readHedgeMode() {
        JsonNode mode = client.signed(Method.GET, "/fapi/v1/positionSide/dual", Map.of(), true);
        JsonNode dual = mode.path("dualSidePosition");
        if (!dual.isBoolean()) {
            throw new IllegalStateException("Binance answered GET /fapi/v1/positionSide/dual without a boolean"
                    + " dualSidePosition: " + mode);
        }
        hedgeMode = dual.asBoolean();
        return hedgeMode;
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
        boolean hedged;
        try {
            hedged = hedgeMode == null ? readHedgeMode() : hedgeMode;
        } catch (BinanceApiException unreadable) {
            return PlaceResult.rejected(Integer.toString(unreadable.code()), "position mode could not be read ("
                    + unreadable.exchangeMessage() + "); not sent");
        }
        if (hedged) {
            return PlaceResult.rejected("HEDGE_MODE", HEDGE_MODE_MESSAGE + "; not sent");
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
                if (rejected.code() == POSITION_SIDE_MISMATCH) {
                    hedgeMode = true; // switched while we run: every later order is refused locally
                    LOG.error("Binance refused an order for the position side: {}", HEDGE_MODE_MESSAGE);
                }
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

    /**
     * Reduce-only MARKET orders for the whole position, answered with their result (newOrderRespType=RESULT). A
     * position above MARKET_LOT_SIZE's maxQty is closed in several orders of at most that size ({@code id},
     * {@code id.2}, {@code id.3} …), reported together as one execution of {@code clientOrderId}.
     */
    @Override
    public List<ExecutionReport> closePosition(String symbol, String clientOrderId) {
        Optional<ExchangePosition> open = positions().stream().filter(p -> p.symbol().equals(symbol)).findFirst();
        if (open.isEmpty()) {
            return List.of();
        }
        BigDecimal amount = open.get().quantity();
        OrderSide side = amount.signum() > 0 ? OrderSide.SELL : OrderSide.BUY;
        List<BigDecimal> parts = closingParts(amount.abs(), rules(symbol).map(r -> filters.get(symbol)).orElse(null));
        BigDecimal executed = BigDecimal.ZERO;
        BigDecimal cost = BigDecimal.ZERO;
        BigDecimal fee = BigDecimal.ZERO;
        String feeAsset = "USDT";
        for (int i = 0; i < parts.size(); i++) {
            String id = i == 0 ? clientOrderId : splitId(clientOrderId, i + 1);
            PlaceResult result = place(new OrderRequest(id, symbol, side, OrderType.MARKET, parts.get(i), null, true));
            if (!result.accepted()) {
                if (executed.signum() > 0) {
                    LOG.error("closing {}: part {} of {} ({}) was rejected after {} closed: {} {}", symbol, i + 1,
                            parts.size(), id, executed.toPlainString(), result.errorCode(), result.errorMessage());
                    break;
                }
                throw new IllegalStateException("closing " + symbol + " was rejected: " + result.errorCode() + " "
                        + result.errorMessage());
            }
            Optional<OrderStatusReport> done = queryOrder(symbol, id);
            if (done.isPresent() && done.get().executedQuantity().signum() > 0) {
                OrderStatusReport report = done.get();
                executed = executed.add(report.executedQuantity());
                cost = cost.add(report.executedQuantity().multiply(report.averagePrice()));
                fee = fee.add(report.fee());
                feeAsset = report.feeAsset();
            }
        }
        if (executed.signum() == 0) {
            return List.of();
        }
        int scale = Math.max(8, parts.get(0).scale());
        BigDecimal average = cost.divide(executed, scale, RoundingMode.HALF_EVEN).stripTrailingZeros();
        ExecutionReport.Status status = executed.compareTo(amount.abs()) >= 0
                ? ExecutionReport.Status.FILLED : ExecutionReport.Status.PARTIALLY_FILLED;
        return List.of(new ExecutionReport(clientOrderId, symbol, side, status, executed, executed, average, fee,
                feeAsset));
    }

    /** The position in orders of at most MARKET_LOT_SIZE maxQty; one order when the contract sets no maximum. */
    static List<BigDecimal> closingParts(BigDecimal quantity, ContractFilters contract) {
        BigDecimal max = contract == null ? null : contract.marketMaxQuantity();
        if (max == null || quantity.compareTo(max) <= 0) {
            return List.of(quantity);
        }
        if (max.scale() < quantity.scale()) {
            max = max.setScale(quantity.scale()); // 120 -> 120.000, as the position is written
        }
        List<BigDecimal> parts = new ArrayList<>();
        BigDecimal left = quantity;
        while (left.compareTo(max) > 0) {
            parts.add(max);
            left = left.subtract(max);
        }
        parts.add(left);
        return parts;
    }

    /** {@code X-SIG.2}: a further part of a split close, within Binance's 36 characters. */
    static String splitId(String clientOrderId, int part) {
        String suffix = "." + part;
        String base = clientOrderId.length() + suffix.length() > 36
                ? clientOrderId.substring(0, 36 - suffix.length()) : clientOrderId;
        return base + suffix;
    }

    /** Every exchangeInfo filter of the contract ({@link FilterChecks}): a violation is a local rejection. */
    Optional<PlaceResult> checkFilters(OrderRequest request) {
        if (rules(request.symbol()).isEmpty() || !filters.containsKey(request.symbol())) {
            return Optional.of(PlaceResult.rejected("UNKNOWN_SYMBOL", "Binance USD-M does not list " + request.symbol()));
        }
        String symbol = request.symbol();
        return FilterChecks.check(request, filters.get(symbol), new FilterChecks.ReferencePrices() {
            @Override
            public Optional<BigDecimal> last() {
                return lastPrice(symbol);
            }

            @Override
            public Optional<BigDecimal> mark() {
                return markPrice(symbol);
            }
        });
    }

    /** The mark price ({@code GET /fapi/v1/premiumIndex}): what PERCENT_PRICE bounds a limit price by. */
    Optional<BigDecimal> markPrice(String symbol) {
        return decimal(client.publicGet("/fapi/v1/premiumIndex", Map.of("symbol", symbol)), "markPrice");
    }

    static Map<String, String> orderParameters(OrderRequest request) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("symbol", request.symbol());
        params.put("side", request.side().name());
        params.put("type", request.type().name());
        params.put("quantity", request.quantity().toPlainString());
        switch (request.type()) {
            case MARKET -> { }
            case LIMIT -> {
                params.put("price", request.limitPrice().toPlainString());
                params.put("timeInForce", request.timeInForce().name());
            }
            case STOP_MARKET, TAKE_PROFIT_MARKET -> params.put("stopPrice", request.triggerPrice().toPlainString());
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
