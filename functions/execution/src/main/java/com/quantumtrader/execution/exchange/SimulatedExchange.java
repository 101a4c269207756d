package com.quantumtrader.execution.exchange;

import com.quantumtrader.core.state.KeyValueStore;
import com.quantumtrader.events.EventJson;
import com.quantumtrader.events.OrderSide;
import com.quantumtrader.execution.Bar;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The paper exchange: Binance USD-M's filters, fees and one-way positions, driven by closed bars.
 *
 * <p>A MARKET order rests until the next bar and fills at that bar's open (the first price seen after the order,
 * so a signal never trades on the close it was computed from). Stop and take-profit orders trigger on a bar's
 * range; a bar that opens beyond the trigger fills at the open. Every fill pays the taker fee and slippage.
 *
 * <p>Its book lives in the execution domain's store under {@code venue:}, the way a real exchange keeps orders
 * and positions across a restart of our process. Not thread-safe: the execution engine serialises access.
 */
public final class SimulatedExchange implements ExchangePort {

    public static final String FEE_ASSET = "USDT";

    private static final String ORDERS = "venue:orders";
    private static final String POSITIONS = "venue:positions";
    private static final String BARS = "venue:bars";
    /** Every order the venue ever accepted, by client id, as a query would show it. */
    private static final String HISTORY = "venue:history";

    private final SimulatedExchangeSettings settings;
    private final SlippageModel slippage;
    private final KeyValueStore store;

    public SimulatedExchange(SimulatedExchangeSettings settings, KeyValueStore store) {
        this.settings = settings;
        this.slippage = new SlippageModel(settings.baseSpreadBps(), settings.rangeSlippageFraction());
        this.store = store;
    }

    @Override
    public Optional<SymbolRules> rules(String symbol) {
        return Optional.ofNullable(settings.symbols().get(symbol));
    }

    @Override
    public Optional<BigDecimal> lastPrice(String symbol) {
        return lastBar(symbol).map(Bar::close);
    }

    @Override
    public PlaceResult place(OrderRequest request) {
        SymbolRules rules = settings.symbols().get(request.symbol());
        if (rules == null) {
            return PlaceResult.rejected("UNKNOWN_SYMBOL", "the exchange does not list " + request.symbol());
        }
        if (store.hashGet(HISTORY, request.clientOrderId()).isPresent()) {
            // Like Binance's -4116: a client id names one order for good, so a resend can never double it.
            return PlaceResult.rejected("DUPLICATE_ORDER_ID", "an order already uses " + request.clientOrderId());
        }
        BigDecimal quantity = request.quantity();
        if (quantity == null || quantity.compareTo(rules.stepSize()) < 0 || !rules.isOnStep(quantity)) {
            return PlaceResult.rejected("LOT_SIZE", "quantity " + plain(quantity) + " is not a positive multiple of the step "
                    + rules.stepSize().toPlainString());
        }
        if (request.type() != OrderType.MARKET) {
            BigDecimal trigger = request.triggerPrice();
            if (trigger == null || trigger.signum() <= 0 || !rules.isOnTick(trigger)) {
                return PlaceResult.rejected("PRICE_FILTER", "trigger " + plain(trigger) + " is not a positive multiple of the tick "
                        + rules.tickSize().toPlainString());
            }
        }
        if (!request.reduceOnly()) {
            Optional<Bar> last = lastBar(request.symbol());
            if (last.isEmpty()) {
                return PlaceResult.rejected("NO_MARKET_DATA", "no price for " + request.symbol() + " yet");
            }
            BigDecimal notional = quantity.multiply(last.get().close());
            if (notional.compareTo(rules.minNotional()) < 0) {
                return PlaceResult.rejected("MIN_NOTIONAL", "notional " + notional.toPlainString() + " USDT is below the minimum "
                        + rules.minNotional().toPlainString() + " USDT");
            }
        }
        save(RestingOrder.of(request));
        remember(new OrderStatusReport(request.clientOrderId(), request.symbol(), request.side(),
                OrderStatusReport.Status.NEW, BigDecimal.ZERO, null, BigDecimal.ZERO, FEE_ASSET));
        return PlaceResult.acceptedOrder();
    }

    @Override
    public boolean cancel(String symbol, String clientOrderId) {
        if (store.hashGet(ORDERS, clientOrderId).isEmpty()) {
            return false;
        }
        store.hashDelete(ORDERS, clientOrderId);
        queryOrder(symbol, clientOrderId).ifPresent(known -> remember(withStatus(known, OrderStatusReport.Status.CANCELED)));
        return true;
    }

    @Override
    public Optional<OrderStatusReport> queryOrder(String symbol, String clientOrderId) {
        return store.hashGet(HISTORY, clientOrderId).map(json -> EventJson.read(json, OrderStatusReport.class));
    }

    @Override
    public List<String> openOrderIds() {
        return List.copyOf(new TreeMap<>(store.hashGetAll(ORDERS)).keySet());
    }

    @Override
    public List<ExchangePosition> positions() {
        List<ExchangePosition> out = new ArrayList<>();
        new TreeMap<>(store.hashGetAll(POSITIONS)).forEach((symbol, quantity) -> {
            ExchangePosition position = new ExchangePosition(symbol, new BigDecimal(quantity));
            if (!position.flat()) {
                out.add(position);
            }
        });
        return out;
    }

    public BigDecimal positionQuantity(String symbol) {
        return store.hashGet(POSITIONS, symbol).map(BigDecimal::new).orElse(BigDecimal.ZERO);
    }

    @Override
    public List<ExecutionReport> closePosition(String symbol, String clientOrderId) {
        BigDecimal position = positionQuantity(symbol);
        if (position.signum() == 0) {
            return List.of();
        }
        Bar bar = lastBar(symbol).orElseThrow(() -> new IllegalStateException("a position in " + symbol + " without a price"));
        OrderSide side = position.signum() > 0 ? OrderSide.SELL : OrderSide.BUY;
        RestingOrder close = new RestingOrder(clientOrderId, symbol, side, OrderType.MARKET, position.abs(), null, true,
                BigDecimal.ZERO);
        return List.of(trade(close, position.abs(), bar.close(), bar));
    }

    /** False for a bar the exchange has already seen (a replay after a restart): it must not fill anything twice. */
    public boolean isNewBar(Bar bar) {
        return lastBar(bar.symbol()).map(last -> bar.openTime().isAfter(last.openTime())).orElse(true);
    }

    /**
     * The market opens a new bar: records it as the latest price and fills every waiting MARKET order of its
     * symbol at its open.
     */
    public List<ExecutionReport> openBar(Bar bar) {
        store.hashPutJson(BARS, bar.symbol(), bar);
        List<ExecutionReport> reports = new ArrayList<>();
        for (RestingOrder order : resting(bar.symbol())) {
            if (order.type() == OrderType.MARKET) {
                reports.addAll(execute(order, bar.open(), bar));
            }
        }
        return reports;
    }

    /**
     * The next protective order of {@code symbol} that the latest bar triggers, executed; empty when none does.
     * Stops go before take-profits: when a bar touches both, which came first is unknown, so the loss is assumed.
     * Asked one at a time so the caller can cancel the other side of an OCO pair before it is looked at.
     */
    public List<ExecutionReport> nextTriggered(String symbol) {
        Optional<Bar> latest = lastBar(symbol);
        if (latest.isEmpty()) {
            return List.of();
        }
        Bar bar = latest.get();
        return resting(symbol).stream()
                .filter(order -> order.type() != OrderType.MARKET && order.triggeredBy(bar))
                .min(Comparator.comparing((RestingOrder order) -> order.type() == OrderType.STOP_MARKET ? 0 : 1)
                        .thenComparing(RestingOrder::clientOrderId))
                .map(order -> execute(order, order.triggeredBasePrice(bar), bar))
                .orElse(List.of());
    }

    Optional<Bar> lastBar(String symbol) {
        return store.hashGetJson(BARS, symbol, Bar.class);
    }

    private List<ExecutionReport> execute(RestingOrder order, BigDecimal basePrice, Bar bar) {
        store.hashDelete(ORDERS, order.clientOrderId());
        BigDecimal quantity = order.reduceOnly() ? order.remaining().min(reducible(order.side(), order.symbol()))
                : order.remaining();
        List<ExecutionReport> reports = new ArrayList<>();
        RestingOrder after = order;
        if (quantity.signum() > 0) {
            reports.add(trade(order, quantity, basePrice, bar));
            after = order.filled(quantity);
        }
        if (after.remaining().signum() > 0) {
            // Reduce-only and the position is smaller than the order (or gone): the rest dies, it never flips the position.
            reports.add(new ExecutionReport(order.clientOrderId(), order.symbol(), order.side(),
                    ExecutionReport.Status.EXPIRED, BigDecimal.ZERO, after.filledQuantity(), null, BigDecimal.ZERO, FEE_ASSET));
            queryOrder(order.symbol(), order.clientOrderId())
                    .ifPresent(known -> remember(withStatus(known, OrderStatusReport.Status.EXPIRED)));
        }
        return reports;
    }

    private ExecutionReport trade(RestingOrder order, BigDecimal quantity, BigDecimal basePrice, Bar bar) {
        SymbolRules rules = settings.symbols().get(order.symbol());
        BigDecimal price = slippage.fillPrice(basePrice, order.side(), bar, rules);
        BigDecimal fee = price.multiply(quantity).multiply(settings.takerFeeRate()).setScale(8, RoundingMode.HALF_EVEN);
        BigDecimal signed = order.side() == OrderSide.BUY ? quantity : quantity.negate();
        BigDecimal position = positionQuantity(order.symbol()).add(signed);
        if (position.signum() == 0) {
            store.hashDelete(POSITIONS, order.symbol());
        } else {
            store.hashPut(POSITIONS, order.symbol(), position.toPlainString());
        }
        BigDecimal cumulative = order.filledQuantity().add(quantity);
        ExecutionReport.Status status = cumulative.compareTo(order.quantity()) >= 0
                ? ExecutionReport.Status.FILLED : ExecutionReport.Status.PARTIALLY_FILLED;
        recordTrade(order, quantity, price, fee, status);
        return new ExecutionReport(order.clientOrderId(), order.symbol(), order.side(), status, quantity, cumulative,
                price, fee, FEE_ASSET);
    }

    /** How much an order on {@code side} can reduce the current position without crossing zero. */
    private BigDecimal reducible(OrderSide side, String symbol) {
        BigDecimal position = positionQuantity(symbol);
        boolean reduces = side == OrderSide.SELL ? position.signum() > 0 : position.signum() < 0;
        return reduces ? position.abs() : BigDecimal.ZERO;
    }

    private List<RestingOrder> resting(String symbol) {
        List<RestingOrder> out = new ArrayList<>();
        for (Map.Entry<String, String> entry : new TreeMap<>(store.hashGetAll(ORDERS)).entrySet()) {
            RestingOrder order = EventJson.read(entry.getValue(), RestingOrder.class);
            if (order.symbol().equals(symbol)) {
                out.add(order);
            }
        }
        return out;
    }

    private void recordTrade(RestingOrder order, BigDecimal quantity, BigDecimal price, BigDecimal fee,
                             ExecutionReport.Status status) {
        OrderStatusReport before = queryOrder(order.symbol(), order.clientOrderId())
                .orElse(new OrderStatusReport(order.clientOrderId(), order.symbol(), order.side(),
                        OrderStatusReport.Status.NEW, BigDecimal.ZERO, null, BigDecimal.ZERO, FEE_ASSET));
        BigDecimal executed = before.executedQuantity().add(quantity);
        BigDecimal notional = before.averagePrice() == null ? BigDecimal.ZERO
                : before.averagePrice().multiply(before.executedQuantity());
        BigDecimal average = notional.add(price.multiply(quantity)).divide(executed, MathContext.DECIMAL64)
                .stripTrailingZeros();
        remember(new OrderStatusReport(order.clientOrderId(), order.symbol(), order.side(),
                OrderStatusReport.Status.valueOf(status.name()), executed, average, before.fee().add(fee), FEE_ASSET));
    }

    private void remember(OrderStatusReport report) {
        store.hashPut(HISTORY, report.clientOrderId(), EventJson.write(report));
    }

    private static OrderStatusReport withStatus(OrderStatusReport report, OrderStatusReport.Status status) {
        return new OrderStatusReport(report.clientOrderId(), report.symbol(), report.side(), status,
                report.executedQuantity(), report.averagePrice(), report.fee(), report.feeAsset());
    }

    private void save(RestingOrder order) {
        store.hashPut(ORDERS, order.clientOrderId(), EventJson.write(order));
    }

    private static String plain(BigDecimal value) {
        return value == null ? "null" : value.toPlainString();
    }
}
