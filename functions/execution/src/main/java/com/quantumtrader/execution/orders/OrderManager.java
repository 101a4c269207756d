package com.quantumtrader.execution.orders;

import com.quantumtrader.core.handler.Emit;
import com.quantumtrader.core.state.KeyValueStore;
import com.quantumtrader.events.EventCatalog;
import com.quantumtrader.events.MalformedEventException;
import com.quantumtrader.events.OrderPurpose;
import com.quantumtrader.events.OrderSide;
import com.quantumtrader.events.Side;
import com.quantumtrader.events.portfolio.StopLossAdjusted;
import com.quantumtrader.events.risk.SignalApproved;
import com.quantumtrader.execution.exchange.ExchangePort;
import com.quantumtrader.core.trace.Secrets;
import com.quantumtrader.execution.exchange.ExchangePosition;
import com.quantumtrader.execution.exchange.ExchangeUnavailableException;
import com.quantumtrader.execution.exchange.OrderStatusReport;
import com.quantumtrader.execution.exchange.ExecutionReport;
import com.quantumtrader.execution.exchange.OrderType;
import com.quantumtrader.execution.exchange.PlaceResult;
import com.quantumtrader.execution.exchange.SymbolRules;
import com.quantumtrader.execution.exchange.TimeInForce;
import com.quantumtrader.execution.slippage.SlippageMonitor;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns approvals into exchange orders and exchange reports into events. It owns the order state machine, the
 * positions it opened and their protective orders (a stop and a take-profit per entry, one cancelling the other).
 * Exchange-agnostic: the simulated exchange and, later, Binance feed it the same execution reports. Not
 * thread-safe; the execution engine serialises calls.
 */
public final class OrderManager {

    private static final Logger LOG = LoggerFactory.getLogger(OrderManager.class);
    private static final BigDecimal BPS = new BigDecimal("10000");

    private final ExchangePort exchange;
    private final Clock clock;
    private final SlippageMonitor slippage;
    private final OrderBook book;
    private final TrackedPositions positions;
    private final RetryPolicy retries;
    private final ExchangeCloses exchangeCloses;
    private boolean reconciled;

    public OrderManager(ExchangePort exchange, KeyValueStore store, Clock clock, SlippageMonitor slippage) {
        this(exchange, store, clock, slippage, RetryPolicy.defaults());
    }

    public OrderManager(ExchangePort exchange, KeyValueStore store, Clock clock, SlippageMonitor slippage,
                        RetryPolicy retries) {
        this.retries = retries;
        this.exchange = exchange;
        this.clock = clock;
        this.slippage = slippage;
        this.book = new OrderBook(store);
        this.positions = new TrackedPositions(store);
        this.exchangeCloses = new ExchangeCloses(store);
    }

    /**
     * An approved signal becomes an entry order ({@code execution.order.submitted}): a MARKET order, or a bounded
     * LIMIT IOC while the symbol's slippage is high and the policy adapts entries; or a failure with a code
     * ({@code execution.order.failed}). The client id derives from the signal id: an approval seen before, under
     * any event id, changes nothing.
     */
    public List<Emit> execute(SignalApproved approval, String traceId) {
        requireComplete(approval);
        List<Emit> emits = new ArrayList<>(ensureReconciled());
        String clientOrderId = ClientOrderIds.entry(approval.signalId());
        if (book.find(clientOrderId).isPresent()) {
            LOG.info("signal {} already has order {}: approval ignored", approval.signalId(), clientOrderId);
            return emits;
        }
        emits.addAll(placeEntry(approval, traceId));
        return emits;
    }

    private List<Emit> placeEntry(SignalApproved approval, String traceId) {
        Optional<SymbolRules> rules = exchange.rules(approval.symbol());
        ManagedOrder order = book.create(entryOrder(approval, traceId, rules,
                slippage.limitOffsetBps(approval.symbol())));
        Optional<Refusal> invalid = invalidApproval(approval, order);
        if (invalid.isPresent()) {
            return List.of(reject(order, invalid.get().code(), invalid.get().message()));
        }
        PlaceResult result;
        try {
            result = placeWithRetries(order);
        } catch (ExchangeUnavailableException unavailable) {
            return unavailable(order, unavailable);
        }
        if (!result.accepted()) {
            String message = result.errorMessage();
            if (order.quantity().compareTo(approval.approvedQuantity()) != 0) {
                message += " (approved " + approval.approvedQuantity().toPlainString() + ", rounded down to the step)";
            }
            return List.of(reject(order, result.errorCode(), message));
        }
        order = book.transition(order, OrderState.SUBMITTED);
        LOG.info("entry {} {} {} {} submitted as {}{}", order.clientOrderId(), order.side(),
                order.quantity().toPlainString(), order.symbol(), order.type(),
                order.limitPrice() == null ? "" : " " + order.timeInForce() + " at " + order.limitPrice().toPlainString());
        return List.of(OrderEvents.submitted(order));
    }

    /**
     * Applies the exchange's reports: fills become {@code execution.order.filled}; a filled entry gets its stop and
     * take-profit; a protective or exit fill that leaves the position flat cancels what still guards it.
     */
    public List<Emit> onExecutionReports(List<ExecutionReport> reports) {
        List<Emit> emits = new ArrayList<>();
        for (ExecutionReport report : reports) {
            Optional<ManagedOrder> known = book.find(report.clientOrderId());
            if (known.isEmpty()) {
                LOG.error("exchange reported {} for unknown order {}", report.status(), report.clientOrderId());
                continue;
            }
            ManagedOrder order = known.get();
            if (report.traded() && report.cumulativeQuantity().compareTo(order.filledQuantity()) <= 0) {
                // a stream redelivery, or a trade reconciliation already published: exactly once
                LOG.info("order {}: trade up to {} already applied, ignored", order.clientOrderId(),
                        report.cumulativeQuantity().toPlainString());
                continue;
            }
            if (report.traded() && report.cumulativeQuantity().subtract(order.filledQuantity())
                    .compareTo(report.lastQuantity()) != 0) {
                // an earlier trade of this order was missed (a stream gap): publish everything not yet published
                report = new ExecutionReport(report.clientOrderId(), report.symbol(), report.side(), report.status(),
                        report.cumulativeQuantity().subtract(order.filledQuantity()), report.cumulativeQuantity(),
                        report.lastPrice(), report.fee(), report.feeAsset());
            }
            if (report.traded()) {
                order = book.fill(order, report.cumulativeQuantity());
                emits.add(OrderEvents.filled(order, report, clock.instant()));
                if (order.purpose() == OrderPurpose.ENTRY) {
                    emits.addAll(onEntryTrade(order, report));
                } else {
                    emits.addAll(onReducingTrade(order));
                }
            }
            if (report.status() == ExecutionReport.Status.EXPIRED) {
                order = book.transition(order, OrderState.EXPIRED);
                LOG.info("order {} expired with {} filled", order.clientOrderId(), order.filledQuantity().toPlainString());
                if (order.purpose() == OrderPurpose.ENTRY && order.filledQuantity().signum() == 0) {
                    // Nothing traded (an IOC found no price within its limit): risk frees the entry's reservation.
                    emits.add(OrderEvents.failed(order, "EXPIRED_UNFILLED", order.type() + " "
                            + (order.timeInForce() == null ? "" : order.timeInForce() + " ")
                            + "entry expired without a fill" + (order.limitPrice() == null ? ""
                            : ": no liquidity at " + order.limitPrice().toPlainString() + " or better")));
                }
            }
            if (order.purpose() == OrderPurpose.ENTRY && !order.state().working()) {
                emits.addAll(protect(order));
            }
        }
        return emits;
    }

    /**
     * A trade of an order the exchange placed on our position (a liquidation, an auto-deleveraging): published as a
     * fill of that purpose under the exchange's client id, in the trace of the signal that opened the position, so
     * portfolio and risk close it as they close any exit. When it leaves the position flat, the stop and take-profit
     * are cancelled. A trade already published (same order, cumulative quantity not beyond it) changes nothing.
     */
    public List<Emit> onExchangeClose(OrderPurpose purpose, ExecutionReport report) {
        if (!purpose.exchangeInitiated()) {
            throw new IllegalArgumentException(purpose + " is not a close the exchange makes");
        }
        Optional<TrackedPosition> tracked = positions.find(report.symbol());
        BigDecimal applied = exchangeCloses.applied(report.clientOrderId());
        if (tracked.isEmpty() || report.cumulativeQuantity().compareTo(applied) <= 0) {
            LOG.warn("{} {} of {} {}: {}", purpose, report.clientOrderId(), report.lastQuantity().toPlainString(),
                    report.symbol(), tracked.isEmpty() ? "no position of ours, nothing to close" : "already applied");
            return List.of();
        }
        TrackedPosition position = tracked.get();
        if (report.side() != exitSide(position)) {
            LOG.error("{} {} is a {} but the {} position is {}: not applied", purpose, report.clientOrderId(),
                    report.side(), report.symbol(), position.side());
            return List.of();
        }
        BigDecimal quantity = report.cumulativeQuantity().subtract(applied).min(position.quantity());
        exchangeCloses.applied(report.clientOrderId(), report.cumulativeQuantity());
        LOG.error("{}: the exchange closed {} {} of signal {} at {} ({})", purpose, quantity.toPlainString(),
                report.symbol(), position.signalId(), report.lastPrice().toPlainString(), report.clientOrderId());
        return closedByExchange(position, purpose, exchangeOrderId(report.clientOrderId(), purpose, position),
                quantity, report.cumulativeQuantity(), report.status() == ExecutionReport.Status.FILLED,
                report.lastPrice(), report.fee(), report.feeAsset());
    }

    /**
     * The exchange reports a position flat that execution still holds. First our own working orders on it are
     * settled with the exchange (a stop that filled is published as the stop); if the position is still held here
     * and the exchange still reports it flat, it was closed by something execution did not send: an
     * {@code EXTERNAL_CLOSE} fill at the last price closes it in portfolio and risk, and its orders are cancelled.
     */
    public List<Emit> onExchangeFlat(String symbol) {
        Optional<TrackedPosition> tracked = positions.find(symbol);
        if (tracked.isEmpty()) {
            return List.of();
        }
        List<Emit> emits = new ArrayList<>();
        for (ManagedOrder order : book.working()) {
            if (order.symbol().equals(symbol)) {
                emits.addAll(reconcile(order));
            }
        }
        tracked = positions.find(symbol);
        boolean flatThere = exchange.positions().stream().noneMatch(p -> p.symbol().equals(symbol) && !p.flat());
        if (tracked.isEmpty() || !flatThere) {
            return emits;
        }
        emits.addAll(closeExternally(tracked.get()));
        return emits;
    }

    /** A held position the exchange no longer has: an EXTERNAL_CLOSE fill at the last price closes it. */
    private List<Emit> closeExternally(TrackedPosition position) {
        Optional<BigDecimal> price = exchange.lastPrice(position.symbol());
        if (price.isEmpty()) {
            LOG.error("{} is flat on the exchange but held here, and no price is known: not closed yet",
                    position.symbol());
            return List.of();
        }
        LOG.error("EXTERNAL_CLOSE: the exchange shows {} flat while signal {} held {}; closed at the last price {}",
                position.symbol(), position.signalId(), position.quantity().toPlainString(),
                price.get().toPlainString());
        return closedByExchange(position, OrderPurpose.EXTERNAL_CLOSE, ClientOrderIds.of("XC", position.signalId()),
                position.quantity(), position.quantity(), true, price.get(), BigDecimal.ZERO, "USDT");
    }

    /** Whether execution holds a position in {@code symbol}. */
    public boolean holds(String symbol) {
        return positions.find(symbol).isPresent();
    }

    private List<Emit> closedByExchange(TrackedPosition position, OrderPurpose purpose, String clientOrderId,
                                        BigDecimal quantity, BigDecimal cumulative, boolean complete, BigDecimal price,
                                        BigDecimal fee, String feeAsset) {
        Emit fill = OrderEvents.exchangeFill(position.signalId(), position.traceId(), clientOrderId,
                position.symbol(), exitSide(position), purpose, quantity, cumulative, complete, price, fee, feeAsset,
                clock.instant());
        BigDecimal left = position.quantity().subtract(quantity);
        if (left.signum() > 0) {
            positions.save(position.withQuantity(left));
            return List.of(fill);
        }
        for (ManagedOrder other : book.working()) {
            if (other.signalId().equals(position.signalId()) && other.purpose().reducesPosition()) {
                cancel(other); // the protective orders are retired with the position
            }
        }
        positions.remove(position.symbol());
        LOG.info("position of signal {} in {} closed by the exchange ({})", position.signalId(), position.symbol(),
                purpose);
        return List.of(fill);
    }

    private static OrderSide exitSide(TrackedPosition position) {
        return position.side() == Side.LONG ? OrderSide.SELL : OrderSide.BUY;
    }

    /** The exchange's own id when it fits the event contract, else one derived from the signal. */
    private static String exchangeOrderId(String exchangeId, OrderPurpose purpose, TrackedPosition position) {
        return ClientOrderIds.BINANCE.matcher(exchangeId).matches() ? exchangeId
                : ClientOrderIds.of(purpose == OrderPurpose.LIQUIDATION ? "LQ" : "ADL", position.signalId());
    }

    /** Moves the working stop of the signal's position (cancel and replace: Binance cannot amend a stop order). */
    public List<Emit> moveStop(StopLossAdjusted adjustment) {
        List<Emit> emits = new ArrayList<>(ensureReconciled());
        emits.addAll(moveStopNow(adjustment));
        return emits;
    }

    private List<Emit> moveStopNow(StopLossAdjusted adjustment) {
        Optional<TrackedPosition> tracked = positions.find(adjustment.symbol())
                .filter(position -> position.signalId().equals(adjustment.signalId()) && position.protectedByStop());
        Optional<ManagedOrder> stop = tracked.flatMap(position -> book.find(position.stopOrderId()))
                .filter(order -> order.state().working());
        if (tracked.isEmpty() || stop.isEmpty()) {
            LOG.info("stop move of signal {} ignored: no open position with a working stop", adjustment.signalId());
            return List.of();
        }
        TrackedPosition position = tracked.get();
        SymbolRules rules = exchange.rules(position.symbol()).orElseThrow();
        BigDecimal newStop = rules.roundPrice(adjustment.newStop(), RoundingMode.HALF_EVEN);
        if (newStop.compareTo(stop.get().triggerPrice()) == 0) {
            return List.of();
        }
        // New first, then cancel the old: the position is never without a stop on the exchange (Binance cannot
        // amend a stop order). For that moment two reduce-only stops guard it; reduce-only means the second to
        // trigger could never flip it.
        int revision = position.stopRevision() + 1;
        ManagedOrder replacement = book.create(protectiveOrder(stop.get(), ClientOrderIds.stopLoss(position.signalId(), revision),
                OrderPurpose.STOP_LOSS, OrderType.STOP_MARKET, position.quantity(), newStop));
        List<Emit> emits = submit(replacement);
        if (book.require(replacement.clientOrderId()).state() != OrderState.SUBMITTED) {
            // Rejected, or the outcome is unknown until reconciliation: the old stop keeps guarding the position.
            positions.save(position.withStop(stop.get().clientOrderId(), revision));
            LOG.error("stop of signal {} not moved from {} to {}: the replacement was not accepted; the old stop stays",
                    position.signalId(), stop.get().triggerPrice().toPlainString(), newStop.toPlainString());
            return emits;
        }
        positions.save(position.withStop(replacement.clientOrderId(), revision));
        cancel(stop.get());
        LOG.info("stop of signal {} moved from {} to {} ({})", position.signalId(),
                stop.get().triggerPrice().toPlainString(), newStop.toPlainString(), adjustment.reason());
        return emits;
    }

    /**
     * The emergency stop: cancels every working order, closes every position with a reduce-only market order at
     * the latest price, then asks the exchange whether it is flat. Doing it again with nothing open does nothing.
     */
    public List<Emit> flattenAll(String reason) {
        List<Emit> emits = new ArrayList<>(ensureReconciled());
        List<ManagedOrder> working = book.working();
        for (ManagedOrder order : working) {
            ManagedOrder canceled = cancel(order);
            if (canceled.purpose() == OrderPurpose.ENTRY && canceled.filledQuantity().signum() == 0) {
                // Risk holds a reservation for this entry; a failure is what frees it.
                emits.add(OrderEvents.failed(canceled, "EMERGENCY_STOP", "cancelled by the emergency stop: " + reason));
            }
        }
        int closed = 0;
        for (ExchangePosition position : exchange.positions()) {
            Optional<TrackedPosition> tracked = positions.find(position.symbol());
            if (tracked.isEmpty()) {
                LOG.error("emergency stop: closing {} {} that no signal opened", position.quantity().toPlainString(),
                        position.symbol());
                exchange.closePosition(position.symbol(), "X-" + position.symbol());
                continue;
            }
            emits.addAll(closeNow(tracked.get(), position.quantity()));
            closed++;
        }
        List<String> openOrders = exchange.openOrderIds();
        List<ExchangePosition> openPositions = exchange.positions();
        if (openOrders.isEmpty() && openPositions.isEmpty()) {
            LOG.info("emergency stop ({}): exchange reports flat after cancelling {} orders and closing {} positions",
                    reason, working.size(), closed);
        } else {
            LOG.error("emergency stop ({}): exchange is NOT flat: open orders {} positions {}", reason, openOrders,
                    openPositions);
        }
        return emits;
    }

    /**
     * Settles every working order with the exchange's view of it (by client id) and checks positions: an order that
     * never reached the exchange fails, one that did is SUBMITTED, fills made while we were down are published once
     * (only the quantity beyond what was already published), cancels and expiries are recorded. Run before the first
     * piece of work after a start; an exchange that cannot answer throws, and no work is taken until it can.
     */
    public List<Emit> reconcile() {
        List<Emit> emits = new ArrayList<>();
        for (ManagedOrder order : book.working()) {
            emits.addAll(reconcile(order));
        }
        List<ExchangePosition> onExchange = exchange.positions();
        for (ExchangePosition position : onExchange) {
            if (positions.find(position.symbol()).isEmpty()) {
                LOG.error("reconciliation: the exchange holds {} {} that execution did not open",
                        position.quantity().toPlainString(), position.symbol());
            }
        }
        for (TrackedPosition held : positions.all()) {
            if (onExchange.stream().noneMatch(p -> p.symbol().equals(held.symbol()) && !p.flat())) {
                // e.g. liquidated while we were away; the user-data stream's account update closes it when it comes
                LOG.error("reconciliation: execution holds {} {} of signal {} that the exchange reports flat",
                        held.quantity().toPlainString(), held.symbol(), held.signalId());
            }
        }
        List<String> open = exchange.openOrderIds();
        for (String id : open) {
            if (book.find(id).filter(order -> order.state().working()).isEmpty()) {
                LOG.error("reconciliation: the exchange holds open order {} that execution does not track", id);
            }
        }
        reconciled = true;
        LOG.info("reconciled with the exchange: {} events, {} positions, {} open orders", emits.size(),
                onExchange.size(), open.size());
        return emits;
    }

    private List<Emit> ensureReconciled() {
        return reconciled ? List.of() : reconcile();
    }

    /**
     * Settles one order with the exchange's record of it, as reconciliation does; an order not tracked here, or
     * already finished, changes nothing.
     */
    public List<Emit> reconcileOrder(String clientOrderId) {
        Optional<ManagedOrder> order = book.find(clientOrderId).filter(known -> known.state().working());
        if (order.isEmpty()) {
            LOG.info("order {} is not working here: nothing to catch up", clientOrderId);
            return List.of();
        }
        return reconcile(order.get());
    }

    private List<Emit> reconcile(ManagedOrder order) {
        Optional<OrderStatusReport> seen = exchange.queryOrder(order.symbol(), order.clientOrderId());
        if (seen.isEmpty()) {
            if (order.state() == OrderState.NEW || order.state() == OrderState.UNKNOWN) {
                return List.of(reject(order, "NOT_PLACED", "the exchange never received the order"));
            }
            LOG.error("order {} was {} here but the exchange does not know it; marked cancelled",
                    order.clientOrderId(), order.state());
            book.transition(order, OrderState.CANCELED);
            return List.of();
        }
        return settle(order, seen.get());
    }

    /**
     * The exchange pushed an order's new status (user-data stream: acknowledged, cancelled, expired): applied as
     * reconciliation applies it. An order not tracked here, or already finished, changes nothing.
     */
    public List<Emit> settle(OrderStatusReport report) {
        Optional<ManagedOrder> order = book.find(report.clientOrderId()).filter(known -> known.state().working());
        if (order.isEmpty()) {
            return List.of();
        }
        if (report.status() == OrderStatusReport.Status.NEW && order.get().state() != OrderState.NEW
                && order.get().state() != OrderState.UNKNOWN) {
            return List.of();
        }
        return settle(order.get(), report);
    }

    private List<Emit> settle(ManagedOrder order, OrderStatusReport report) {
        List<Emit> emits = new ArrayList<>();
        ManagedOrder current = order;
        if (report.status() == OrderStatusReport.Status.REJECTED) {
            if (order.state() == OrderState.NEW || order.state() == OrderState.UNKNOWN) {
                return List.of(reject(order, "EXCHANGE_REJECTED", "the exchange rejected the order"));
            }
            book.transition(order, OrderState.CANCELED);
            return List.of();
        }
        if (current.state() == OrderState.NEW || current.state() == OrderState.UNKNOWN) {
            current = book.transition(current, OrderState.SUBMITTED);
            emits.add(OrderEvents.submitted(current));
        }
        BigDecimal missed = report.executedQuantity().subtract(current.filledQuantity());
        if (missed.signum() > 0) {
            boolean complete = report.executedQuantity().compareTo(current.quantity()) >= 0;
            BigDecimal fee = report.fee().multiply(missed)
                    .divide(report.executedQuantity(), 8, RoundingMode.HALF_EVEN);
            LOG.info("reconciliation: {} filled {} while we were away", current.clientOrderId(), missed.toPlainString());
            emits.addAll(onExecutionReports(List.of(new ExecutionReport(current.clientOrderId(), current.symbol(),
                    current.side(), complete ? ExecutionReport.Status.FILLED : ExecutionReport.Status.PARTIALLY_FILLED,
                    missed, report.executedQuantity(), report.averagePrice(), fee, report.feeAsset()))));
            current = book.require(current.clientOrderId());
        }
        if (current.state().working()) {
            if (report.status() == OrderStatusReport.Status.CANCELED) {
                book.transition(current, OrderState.CANCELED);
            } else if (report.status() == OrderStatusReport.Status.EXPIRED) {
                emits.addAll(onExecutionReports(List.of(new ExecutionReport(current.clientOrderId(), current.symbol(),
                        current.side(), ExecutionReport.Status.EXPIRED, BigDecimal.ZERO, current.filledQuantity(), null,
                        BigDecimal.ZERO, report.feeAsset()))));
            }
        }
        return emits;
    }

    /**
     * Places with bounded retries while the exchange is unavailable. Before a resend after an unknown outcome it asks
     * whether the order landed, so a retry never doubles an order. Throws the last failure when the bound is reached.
     */
    private PlaceResult placeWithRetries(ManagedOrder order) {
        ExchangeUnavailableException last = null;
        for (int attempt = 1; attempt <= retries.maxAttempts(); attempt++) {
            if (attempt > 1) {
                Duration wait = last.waitFrom(clock.instant(), retries.backoff(attempt - 1));
                LOG.warn("order {}: exchange unavailable ({}), attempt {} of {} in {} ms", order.clientOrderId(),
                        Secrets.mask(last.getMessage()), attempt, retries.maxAttempts(), wait.toMillis());
                retries.sleeper().accept(wait);
                if (last.outcomeUnknown()) {
                    try {
                        if (exchange.queryOrder(order.symbol(), order.clientOrderId()).isPresent()) {
                            return PlaceResult.acceptedOrder();
                        }
                    } catch (ExchangeUnavailableException stillDown) {
                        last = new ExchangeUnavailableException(stillDown.getMessage(), true,
                                stillDown.retryNotBefore().orElse(null), stillDown);
                        continue;
                    }
                }
            }
            try {
                return exchange.place(order.request());
            } catch (ExchangeUnavailableException unavailable) {
                last = last != null && last.outcomeUnknown() && !unavailable.outcomeUnknown()
                        ? new ExchangeUnavailableException(unavailable.getMessage(), true,
                                unavailable.retryNotBefore().orElse(null), unavailable)
                        : unavailable;
            }
        }
        throw last;
    }

    /**
     * Out of retries. A failure known to have placed nothing is {@code execution.order.failed}; an unknown outcome is
     * never a rejection: the order stays in flight (UNKNOWN) until reconciliation finds out what happened.
     */
    private List<Emit> unavailable(ManagedOrder order, ExchangeUnavailableException failure) {
        if (failure.outcomeUnknown()) {
            book.transition(order, OrderState.UNKNOWN);
            reconciled = false;
            LOG.error("order {} of signal {}: outcome unknown after {} attempts ({}); reconciliation will settle it",
                    order.clientOrderId(), order.signalId(), retries.maxAttempts(), Secrets.mask(failure.getMessage()));
            return List.of();
        }
        return List.of(reject(order, "EXCHANGE_UNAVAILABLE", Secrets.mask(failure.getMessage())));
    }

    private List<Emit> closeNow(TrackedPosition position, BigDecimal quantity) {
        int attempt = 1;
        while (book.find(ClientOrderIds.exit(position.signalId(), attempt)).isPresent()) {
            attempt++;
        }
        OrderSide side = quantity.signum() > 0 ? OrderSide.SELL : OrderSide.BUY;
        BigDecimal lastPrice = exchange.lastPrice(position.symbol()).orElseThrow();
        ManagedOrder exit = book.create(new ManagedOrder(ClientOrderIds.exit(position.signalId(), attempt),
                position.signalId(), position.traceId(), position.symbol(), side, OrderPurpose.EXIT, OrderType.MARKET,
                quantity.abs(), null, true, OrderState.NEW, BigDecimal.ZERO, lastPrice, null, null, null, null));
        book.transition(exit, OrderState.SUBMITTED);
        return onExecutionReports(exchange.closePosition(position.symbol(), exit.clientOrderId()));
    }

    private List<Emit> onEntryTrade(ManagedOrder order, ExecutionReport report) {
        Side side = order.side() == OrderSide.BUY ? Side.LONG : Side.SHORT;
        TrackedPosition position = positions.find(order.symbol())
                .map(existing -> existing.withQuantity(existing.quantity().add(report.lastQuantity())))
                .orElse(new TrackedPosition(order.symbol(), order.signalId(), order.traceId(), side,
                        report.lastQuantity(), null, null, 0));
        positions.save(position);
        BigDecimal bps = SlippageMonitor.slippageBps(order.side(), order.expectedPrice(), report.lastPrice());
        SlippageMonitor.Observation observed = slippage.observe(order.symbol(), bps);
        List<Emit> emits = new ArrayList<>();
        observed.alert().ifPresent(alert ->
                emits.add(Emit.of(EventCatalog.EXECUTION_SLIPPAGE_HIGH, alert).inTrace(order.traceId())));
        observed.modeChange().ifPresent(change ->
                emits.add(Emit.of(EventCatalog.EXECUTION_ENTRY_MODE_CHANGED, change).inTrace(order.traceId())));
        return emits;
    }

    private List<Emit> onReducingTrade(ManagedOrder order) {
        Optional<ExchangePosition> left = exchange.positions().stream()
                .filter(p -> p.symbol().equals(order.symbol())).findFirst();
        if (left.isPresent()) {
            positions.find(order.symbol()).ifPresent(p -> positions.save(p.withQuantity(left.get().quantity().abs())));
            return List.of();
        }
        // One cancels the other: the position is gone, so whatever still guards it must go too.
        for (ManagedOrder other : book.working()) {
            if (other.signalId().equals(order.signalId()) && other.purpose().reducesPosition()) {
                cancel(other);
            }
        }
        positions.remove(order.symbol());
        LOG.info("position of signal {} in {} closed by {}", order.signalId(), order.symbol(), order.purpose());
        return List.of();
    }

    /** A finished entry with a fill gets its stop and take-profit, once. */
    private List<Emit> protect(ManagedOrder entry) {
        Optional<TrackedPosition> tracked = positions.find(entry.symbol())
                .filter(position -> position.signalId().equals(entry.signalId()) && !position.protectedByStop());
        if (tracked.isEmpty() || entry.filledQuantity().signum() == 0) {
            return List.of();
        }
        BigDecimal quantity = tracked.get().quantity();
        ManagedOrder stop = book.create(protectiveOrder(entry, ClientOrderIds.stopLoss(entry.signalId(), 1),
                OrderPurpose.STOP_LOSS, OrderType.STOP_MARKET, quantity, entry.stopPrice()));
        ManagedOrder target = book.create(protectiveOrder(entry, ClientOrderIds.takeProfit(entry.signalId()),
                OrderPurpose.TAKE_PROFIT, OrderType.TAKE_PROFIT_MARKET, quantity, entry.targetPrice()));
        positions.save(tracked.get().withProtection(stop.clientOrderId(), target.clientOrderId()));
        List<Emit> emits = new ArrayList<>(submit(stop));
        emits.addAll(submit(target));
        return emits;
    }

    private List<Emit> submit(ManagedOrder order) {
        PlaceResult result;
        try {
            result = placeWithRetries(order);
        } catch (ExchangeUnavailableException unavailable) {
            return unavailable(order, unavailable);
        }
        if (!result.accepted()) {
            LOG.error("{} {} of signal {} rejected: {} {}", order.purpose(), order.clientOrderId(), order.signalId(),
                    result.errorCode(), result.errorMessage());
            return List.of(reject(order, result.errorCode(), result.errorMessage()));
        }
        return List.of(OrderEvents.submitted(book.transition(order, OrderState.SUBMITTED)));
    }

    private ManagedOrder cancel(ManagedOrder order) {
        if (!exchange.cancel(order.symbol(), order.clientOrderId()) && order.state() != OrderState.NEW) {
            LOG.warn("order {} was {} here but not open on the exchange; marked cancelled", order.clientOrderId(),
                    order.state());
        }
        return book.transition(order, OrderState.CANCELED);
    }

    private Emit reject(ManagedOrder order, String code, String message) {
        ManagedOrder rejected = book.transition(order, OrderState.REJECTED);
        LOG.warn("order {} of signal {} failed: {} {}", order.clientOrderId(), order.signalId(), code, message);
        return OrderEvents.failed(rejected, code, message);
    }

    /**
     * A MARKET entry, or while the symbol's slippage is high a LIMIT IOC bounded {@code limitOffsetBps} beyond the
     * reference price, rounded onto the tick toward the reference so the bound is never exceeded.
     */
    private static ManagedOrder entryOrder(SignalApproved approval, String traceId, Optional<SymbolRules> rules,
                                           Optional<BigDecimal> limitOffsetBps) {
        BigDecimal quantity = rules.map(r -> r.roundQuantityDown(approval.approvedQuantity()))
                .orElse(approval.approvedQuantity());
        BigDecimal stop = rules.map(r -> r.roundPrice(approval.stopPrice(), RoundingMode.HALF_EVEN))
                .orElse(approval.stopPrice());
        BigDecimal target = rules.map(r -> r.roundPrice(approval.targetPrice(), RoundingMode.HALF_EVEN))
                .orElse(approval.targetPrice());
        OrderSide side = approval.side().entrySide();
        BigDecimal limit = null;
        if (limitOffsetBps.isPresent() && rules.isPresent()) {
            BigDecimal factor = BigDecimal.ONE.add(limitOffsetBps.get().multiply(BigDecimal.valueOf(approval.side().sign()))
                    .divide(BPS));
            limit = rules.get().roundPrice(approval.referencePrice().multiply(factor),
                    side == OrderSide.BUY ? RoundingMode.FLOOR : RoundingMode.CEILING);
        }
        return new ManagedOrder(ClientOrderIds.entry(approval.signalId()), approval.signalId(), traceId,
                approval.symbol(), side, OrderPurpose.ENTRY, limit == null ? OrderType.MARKET : OrderType.LIMIT,
                quantity, null, false, OrderState.NEW, BigDecimal.ZERO, approval.referencePrice(), stop, target,
                approval.strategyId(), approval.modelId(), limit, limit == null ? null : TimeInForce.IOC);
    }

    private static ManagedOrder protectiveOrder(ManagedOrder source, String clientOrderId, OrderPurpose purpose,
                                                OrderType type, BigDecimal quantity, BigDecimal trigger) {
        OrderSide exitSide = source.purpose() == OrderPurpose.ENTRY
                ? (source.side() == OrderSide.BUY ? OrderSide.SELL : OrderSide.BUY)
                : source.side();
        return new ManagedOrder(clientOrderId, source.signalId(), source.traceId(), source.symbol(), exitSide, purpose,
                type, quantity, trigger, true, OrderState.NEW, BigDecimal.ZERO, trigger, null, null,
                source.strategyId(), source.modelId());
    }

    /** Checks the exchange cannot make: protection on the right side of the price, one position per symbol. */
    private Optional<Refusal> invalidApproval(SignalApproved approval, ManagedOrder order) {
        int sign = approval.side().sign();
        BigDecimal reference = approval.referencePrice();
        if (order.stopPrice().subtract(reference).signum() * sign >= 0) {
            return Optional.of(new Refusal("INVALID_STOP", "stop " + order.stopPrice().toPlainString()
                    + " is not on the losing side of the reference " + reference.toPlainString() + " for a " + approval.side()));
        }
        if (order.targetPrice().subtract(reference).signum() * sign <= 0) {
            return Optional.of(new Refusal("INVALID_TARGET", "target " + order.targetPrice().toPlainString()
                    + " is not on the winning side of the reference " + reference.toPlainString() + " for a " + approval.side()));
        }
        boolean busy = positions.find(approval.symbol()).isPresent() || book.working().stream()
                .anyMatch(other -> other.symbol().equals(approval.symbol()) && other.purpose() == OrderPurpose.ENTRY
                        && !other.clientOrderId().equals(order.clientOrderId()));
        if (busy) {
            return Optional.of(new Refusal("POSITION_OPEN", approval.symbol()
                    + " already has a position or a working entry; one position per symbol"));
        }
        return Optional.empty();
    }

    private static void requireComplete(SignalApproved approval) {
        List<String> missing = new ArrayList<>();
        if (approval.signalId() == null || approval.signalId().isBlank()) {
            missing.add("signal_id");
        }
        if (approval.symbol() == null) {
            missing.add("symbol");
        }
        if (approval.side() == null) {
            missing.add("side");
        }
        if (approval.approvedQuantity() == null || approval.approvedQuantity().signum() <= 0) {
            missing.add("approved_quantity (positive)");
        }
        if (approval.referencePrice() == null || approval.referencePrice().signum() <= 0) {
            missing.add("reference_price (positive)");
        }
        if (approval.stopPrice() == null || approval.stopPrice().signum() <= 0) {
            missing.add("stop_price (positive)");
        }
        if (approval.targetPrice() == null || approval.targetPrice().signum() <= 0) {
            missing.add("target_price (positive)");
        }
        if (!missing.isEmpty()) {
            throw new MalformedEventException("risk.signal.approved lacks " + String.join(", ", missing));
        }
    }

    private record Refusal(String code, String message) {
    }
}
