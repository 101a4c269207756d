package com.quantumtrader.execution.exchange;

import com.quantumtrader.execution.store.ExecutionKeys;
import com.quantumtrader.events.market.MarketPriceUpdate;
import com.quantumtrader.core.state.KeyValueStore;
import com.quantumtrader.events.EventJson;
import com.quantumtrader.events.OrderSide;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The paper exchange: Binance USD-M's filters, fees, funding and one-way positions, driven by closed bars.
 *
 * <p>A MARKET order rests until the next bar and fills at that bar's open (the first price seen after the order,
 * so a signal never trades on the close it was computed from). Stop and take-profit orders trigger on a bar's
 * range; a bar that opens beyond the trigger fills at the open. Each of these pays the taker fee and slippage.
 * Every fill carries the simulated time of the price it got ({@link ExecutionReport#tradeTime()}): the bar's open
 * (or the arrival time under latency) for fills at the open, the bar's close for a trigger or a resting limit the
 * bar's range reached somewhere inside it, the last close for a flatten.
 *
 * <p>A LIMIT order arrives like a market order. If its price reaches the other side of the book then (the touch:
 * half the spread from the price), it takes: at the slipped price when that is within its limit, for at most
 * {@link SimulatedExchangeSettings#takerVolumeShare() a share} of the bar's volume, at the taker fee. What does not
 * trade expires (IOC) or rests on the book (GTC) and fills whole at its own price, maker fee, on a later bar that
 * trades through it. A post-only (GTX) order that would take is rejected when placed against the last price, and
 * expires if the market moved so that it would take on arrival.
 *
 * <p>With {@link SimulatedLatency latency}, an order reaches the matching engine that long after it was placed: if
 * that is inside a bar, it arrives at the price on the straight line from the bar's open to its close at that
 * moment (OHLC has no path; the line is the assumption), and if after the bar's close, on a later bar. Stops that
 * arrive inside a bar are checked against the whole bar's range.
 *
 * <p>Funding: at each funding time of its {@link FundingSchedule} (by default every 8 h, 00:00, 08:00, 16:00 UTC, at
 * the settings' rate) an open position pays (long, positive rate) or receives (short) position x mark x rate, settled when the first bar at or after that time arrives, before that
 * bar's orders fill, marked at that bar's open when it opens at the funding time, else at the last close.
 *
 * <p>Its book lives in the execution domain's store under {@code venue:}, the way a real exchange keeps orders
 * and positions across a restart of our process. Not thread-safe: the execution engine serialises access.
 */
public final class SimulatedExchange implements ExchangePort {

    public static final String FEE_ASSET = "USDT";

    private static final String ORDERS = ExecutionKeys.VENUE_ORDERS;
    private static final String POSITIONS = ExecutionKeys.VENUE_POSITIONS;
    private static final String BARS = ExecutionKeys.VENUE_BARS;
    /** Every order the venue ever accepted, by client id, as a query would show it. */
    private static final String HISTORY = ExecutionKeys.VENUE_HISTORY;
    /** Funding is settled at every multiple of this since the epoch: 00:00, 08:00, 16:00 UTC (Binance USD-M). */
    public static final Duration FUNDING_INTERVAL = Duration.ofHours(8);

    private final SimulatedExchangeSettings settings;
    private final SlippageModel slippage;
    private final KeyValueStore store;
    private final Clock clock;
    private final FundingSchedule funding;
    /** While a bar is being processed: the venue's time (the latest fill), for orders placed in reaction to it. */
    private Instant venueTime;

    /** A venue without latency: orders are live the moment they are placed, so it needs no clock. */
    public SimulatedExchange(SimulatedExchangeSettings settings, KeyValueStore store) {
        this(settings, store, null);
    }

    /** @param clock when orders are placed; required when the settings have latency */
    public SimulatedExchange(SimulatedExchangeSettings settings, KeyValueStore store, Clock clock) {
        this(settings, store, clock, FundingSchedule.constant(settings.fundingRate()));
    }

    /**
     * @param clock   when orders are placed; required when the settings have latency
     * @param funding when funding is settled and at which rate (instead of the settings' constant rate)
     */
    public SimulatedExchange(SimulatedExchangeSettings settings, KeyValueStore store, Clock clock,
                             FundingSchedule funding) {
        this.funding = Objects.requireNonNull(funding, "funding");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.slippage = new SlippageModel(settings.baseSpreadBps(), settings.rangeSlippageFraction());
        this.store = Objects.requireNonNull(store, "store");
        if (clock == null && !settings.latency().none()) {
            throw new IllegalArgumentException("a simulated exchange with latency needs the clock orders are placed on");
        }
        this.clock = clock;
    }

    @Override
    public Optional<SymbolRules> rules(String symbol) {
        return Optional.ofNullable(settings.symbols().get(symbol));
    }

    @Override
    public Optional<BigDecimal> lastPrice(String symbol) {
        return lastBar(symbol).map(MarketPriceUpdate::close);
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
        if (request.type() == OrderType.LIMIT) {
            BigDecimal limit = request.limitPrice();
            if (limit == null || limit.signum() <= 0 || !rules.isOnTick(limit)) {
                return PlaceResult.rejected("PRICE_FILTER", "limit price " + plain(limit)
                        + " is not a positive multiple of the tick " + rules.tickSize().toPlainString());
            }
            if (request.timeInForce() == null) {
                return PlaceResult.rejected("TIME_IN_FORCE", "a LIMIT order needs a time in force (GTC, IOC or GTX)");
            }
        } else if (request.type() != OrderType.MARKET) {
            BigDecimal trigger = request.triggerPrice();
            if (trigger == null || trigger.signum() <= 0 || !rules.isOnTick(trigger)) {
                return PlaceResult.rejected("PRICE_FILTER", "trigger " + plain(trigger) + " is not a positive multiple of the tick "
                        + rules.tickSize().toPlainString());
            }
        }
        Optional<MarketPriceUpdate> last = lastBar(request.symbol());
        if (!request.reduceOnly()) {
            if (last.isEmpty()) {
                return PlaceResult.rejected("NO_MARKET_DATA", "no price for " + request.symbol() + " yet");
            }
            // Binance values a limit order at its own price, every other order at the market.
            BigDecimal price = request.type() == OrderType.LIMIT ? request.limitPrice() : last.get().close();
            BigDecimal notional = quantity.multiply(price);
            if (notional.compareTo(rules.minNotional()) < 0) {
                return PlaceResult.rejected("MIN_NOTIONAL", "notional " + notional.toPlainString() + " USDT is below the minimum "
                        + rules.minNotional().toPlainString() + " USDT");
            }
        }
        if (request.timeInForce() == TimeInForce.GTX && last.isPresent()) {
            BigDecimal touch = slippage.touch(last.get().close(), request.side(), rules);
            if (crosses(request.side(), request.limitPrice(), touch)) {
                // Binance's -5022: the order is not recorded, so its client id stays free.
                return PlaceResult.rejected("POST_ONLY_REJECTED", "post-only " + request.side() + " at "
                        + request.limitPrice().toPlainString() + " would take liquidity at " + touch.toPlainString());
            }
        }
        save(RestingOrder.of(request, liveAt(request.clientOrderId())));
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

    /** Every open order of {@code symbol} as the venue holds it, by client id. */
    public List<OrderRequest> openOrders(String symbol) {
        return resting(symbol).stream().map(order -> new OrderRequest(order.clientOrderId(), order.symbol(),
                order.side(), order.type(), order.remaining(), order.triggerPrice(), order.reduceOnly(),
                order.limitPrice(), order.timeInForce())).toList();
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
        MarketPriceUpdate bar = lastBar(symbol).orElseThrow(() -> new IllegalStateException("a position in " + symbol + " without a price"));
        OrderSide side = position.signum() > 0 ? OrderSide.SELL : OrderSide.BUY;
        RestingOrder close = new RestingOrder(clientOrderId, symbol, side, OrderType.MARKET, position.abs(), null, true,
                BigDecimal.ZERO);
        return List.of(trade(close, position.abs(), takerPrice(bar.close(), side, bar), settings.takerFeeRate(),
                bar.closeTime()));
    }

    /** False for a bar the exchange has already seen (a replay after a restart): it must not fill anything twice. */
    public boolean isNewBar(MarketPriceUpdate bar) {
        return lastBar(bar.symbol()).map(last -> bar.openTime().isAfter(last.openTime())).orElse(true);
    }

    /**
     * Funding due on {@code symbol}'s position at every funding time after the last bar's open up to this new bar's
     * open. Call it with a new bar before {@link #openBar}: the position it charges is the one held before the bar's
     * orders fill. Nothing is due on a flat position, at a zero rate, or before the first bar.
     */
    public List<FundingPayment> settleFunding(MarketPriceUpdate bar) {
        BigDecimal position = positionQuantity(bar.symbol());
        Optional<MarketPriceUpdate> last = lastBar(bar.symbol());
        if (position.signum() == 0 || last.isEmpty() || !bar.openTime().isAfter(last.get().openTime())) {
            return List.of();
        }
        List<FundingPayment> payments = new ArrayList<>();
        for (FundingSchedule.Settlement due : funding.between(bar.symbol(), last.get().openTime(), bar.openTime())) {
            if (due.rate().signum() == 0) {
                continue;
            }
            Instant at = due.time();
            BigDecimal mark = at.equals(bar.openTime()) ? bar.open() : last.get().close();
            // Exact: quantity x price x rate needs no rounding, so the books of both sides agree to the last digit.
            BigDecimal amount = position.negate().multiply(mark).multiply(due.rate());
            payments.add(new FundingPayment(bar.symbol(), at, due.rate(), mark, position, amount, FEE_ASSET));
        }
        return payments;
    }

    /**
     * The market opens a new bar: records it as the latest price, fills every waiting MARKET order of its symbol at
     * its open (or where latency makes it arrive), and gives every LIMIT order that arrives in it or rests on the
     * book its chance to trade.
     */
    public List<ExecutionReport> openBar(MarketPriceUpdate bar) {
        store.hashPutJson(BARS, bar.symbol(), bar);
        venueTime = bar.openTime();
        List<ExecutionReport> reports = new ArrayList<>();
        for (RestingOrder order : resting(bar.symbol())) {
            if (!order.liveDuring(bar)) {
                continue;
            }
            if (order.type() == OrderType.MARKET) {
                Instant arrival = order.arrivalIn(bar);
                reports.addAll(execute(order, priceAt(bar, arrival), bar, arrival));
                advanceVenueTime(arrival);
            } else if (order.type() == OrderType.LIMIT) {
                reports.addAll(limitOnBar(order, bar));
            }
        }
        return reports;
    }

    /** The bar is processed: orders placed from now on are placed at the clock's time again. */
    public void barProcessed() {
        venueTime = null;
    }

    /**
     * The next protective order of {@code symbol} that the latest bar triggers, executed; empty when none does.
     * Stops go before take-profits: when a bar touches both, which came first is unknown, so the loss is assumed.
     * Asked one at a time so the caller can cancel the other side of an OCO pair before it is looked at.
     */
    public List<ExecutionReport> nextTriggered(String symbol) {
        Optional<MarketPriceUpdate> latest = lastBar(symbol);
        if (latest.isEmpty()) {
            return List.of();
        }
        MarketPriceUpdate bar = latest.get();
        return resting(symbol).stream()
                .filter(order -> (order.type() == OrderType.STOP_MARKET || order.type() == OrderType.TAKE_PROFIT_MARKET)
                        && order.liveDuring(bar) && order.triggeredBy(bar))
                .min(Comparator.comparing((RestingOrder order) -> order.type() == OrderType.STOP_MARKET ? 0 : 1)
                        .thenComparing(RestingOrder::clientOrderId))
                .map(order -> execute(order, order.triggeredBasePrice(bar), bar, order.triggeredAt(bar)))
                .orElse(List.of());
    }

    Optional<MarketPriceUpdate> lastBar(String symbol) {
        return store.hashGetJson(BARS, symbol, MarketPriceUpdate.class);
    }

    /**
     * The price at {@code at} within the bar on the straight line from its open to its close, on the tick grid;
     * the open itself when the order was there at the open (always, without latency).
     */
    static BigDecimal priceAt(MarketPriceUpdate bar, Instant at, SymbolRules rules) {
        if (!at.isAfter(bar.openTime())) {
            return bar.open();
        }
        long span = Duration.between(bar.openTime(), bar.closeTime()).toMillis();
        long elapsed = Math.min(span, Duration.between(bar.openTime(), at).toMillis());
        BigDecimal moved = bar.close().subtract(bar.open()).multiply(BigDecimal.valueOf(elapsed))
                .divide(BigDecimal.valueOf(span), MathContext.DECIMAL64);
        return rules.roundPrice(bar.open().add(moved), RoundingMode.HALF_EVEN);
    }

    private BigDecimal priceAt(MarketPriceUpdate bar, Instant at) {
        return priceAt(bar, at, settings.symbols().get(bar.symbol()));
    }

    private List<ExecutionReport> limitOnBar(RestingOrder order, MarketPriceUpdate bar) {
        if (order.onBook()) {
            if (!order.tradedThroughBy(bar)) {
                return List.of();
            }
            // A maker fill: at its own price, no spread or impact to pay, the maker fee; somewhere in the bar, so
            // stamped at its close, when the bar shows it traded through.
            return fillAll(order, order.limitPrice(), settings.makerFeeRate(), bar.closeTime());
        }
        SymbolRules rules = settings.symbols().get(order.symbol());
        Instant arrival = order.arrivalIn(bar);
        BigDecimal price = priceAt(bar, arrival);
        boolean takes = crosses(order.side(), order.limitPrice(), slippage.touch(price, order.side(), rules));
        if (order.timeInForce() == TimeInForce.GTX) {
            if (takes) {
                store.hashDelete(ORDERS, order.clientOrderId());
                return List.of(expire(order));
            }
            save(order.restingOnBook());
            return List.of();
        }
        List<ExecutionReport> reports = new ArrayList<>();
        RestingOrder after = order;
        BigDecimal fillPrice = slippage.fillPrice(price, order.side(), bar, rules);
        if (takes && order.withinLimit(fillPrice)) {
            BigDecimal available = rules.roundQuantityDown(bar.volume().multiply(settings.takerVolumeShare()));
            BigDecimal quantity = bounded(order, order.remaining().min(available));
            if (quantity.signum() > 0) {
                reports.add(trade(order, quantity, fillPrice, settings.takerFeeRate(), arrival));
                after = order.filled(quantity);
                advanceVenueTime(arrival);
            }
        }
        if (after.remaining().signum() == 0) {
            store.hashDelete(ORDERS, order.clientOrderId());
        } else if (order.timeInForce() == TimeInForce.IOC) {
            // Immediate or cancel: whatever did not trade on arrival dies now.
            store.hashDelete(ORDERS, order.clientOrderId());
            reports.add(expire(after));
        } else {
            save(after.restingOnBook());
        }
        return reports;
    }

    private List<ExecutionReport> execute(RestingOrder order, BigDecimal basePrice, MarketPriceUpdate bar, Instant at) {
        return fillAll(order, takerPrice(basePrice, order.side(), bar), settings.takerFeeRate(), at);
    }

    /** Trades the order's remainder (bounded by the position when reduce-only) at {@code price}; the rest expires. */
    private List<ExecutionReport> fillAll(RestingOrder order, BigDecimal price, BigDecimal feeRate, Instant at) {
        store.hashDelete(ORDERS, order.clientOrderId());
        BigDecimal quantity = bounded(order, order.remaining());
        List<ExecutionReport> reports = new ArrayList<>();
        RestingOrder after = order;
        if (quantity.signum() > 0) {
            reports.add(trade(order, quantity, price, feeRate, at));
            after = order.filled(quantity);
        }
        if (after.remaining().signum() > 0) {
            // Reduce-only and the position is smaller than the order (or gone): the rest dies, it never flips the position.
            reports.add(expire(after));
        }
        return reports;
    }

    /** A reduce-only order never takes more than the position it reduces. */
    private BigDecimal bounded(RestingOrder order, BigDecimal wanted) {
        return order.reduceOnly() ? wanted.min(reducible(order.side(), order.symbol())) : wanted;
    }

    private ExecutionReport expire(RestingOrder order) {
        queryOrder(order.symbol(), order.clientOrderId())
                .ifPresent(known -> remember(withStatus(known, OrderStatusReport.Status.EXPIRED)));
        return new ExecutionReport(order.clientOrderId(), order.symbol(), order.side(), ExecutionReport.Status.EXPIRED,
                BigDecimal.ZERO, order.filledQuantity(), null, BigDecimal.ZERO, FEE_ASSET);
    }

    private BigDecimal takerPrice(BigDecimal basePrice, OrderSide side, MarketPriceUpdate bar) {
        return slippage.fillPrice(basePrice, side, bar, settings.symbols().get(bar.symbol()));
    }

    /** @param at when it traded: the simulated time of the price it got */
    private ExecutionReport trade(RestingOrder order, BigDecimal quantity, BigDecimal price, BigDecimal feeRate,
                                  Instant at) {
        BigDecimal fee = price.multiply(quantity).multiply(feeRate).setScale(8, RoundingMode.HALF_EVEN);
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
                price, fee, FEE_ASSET, at);
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

    /** When a new order reaches the matching engine; null (at once) without latency. */
    private Instant liveAt(String clientOrderId) {
        if (settings.latency().none()) {
            return null;
        }
        Instant placedAt = venueTime != null ? venueTime : clock.instant();
        return placedAt.plus(settings.latency().delayOf(clientOrderId));
    }

    private void advanceVenueTime(Instant at) {
        if (venueTime == null || at.isAfter(venueTime)) {
            venueTime = at;
        }
    }

    /** Would a limit at {@code limit} on {@code side} reach the {@code touch} of the other side? */
    private static boolean crosses(OrderSide side, BigDecimal limit, BigDecimal touch) {
        return side == OrderSide.BUY ? limit.compareTo(touch) >= 0 : limit.compareTo(touch) <= 0;
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
