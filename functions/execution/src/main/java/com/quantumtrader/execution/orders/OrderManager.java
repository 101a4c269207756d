package com.quantumtrader.execution.orders;

import com.quantumtrader.core.handler.Emit;
import com.quantumtrader.core.outbox.Outbox;
import com.quantumtrader.execution.policy.ExecutionPolicy;
import com.quantumtrader.core.state.KeyValueStore;
import com.quantumtrader.events.Domain;
import com.quantumtrader.events.EventCatalog;
import com.quantumtrader.events.MalformedEventException;
import com.quantumtrader.events.OrderPurpose;
import com.quantumtrader.events.OrderSide;
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
import com.quantumtrader.execution.guard.OrderSanityGuard;
import com.quantumtrader.execution.orders.model.ApprovalFields;
import com.quantumtrader.execution.orders.model.EntryRules;
import com.quantumtrader.execution.orders.model.ExchangeCloseRules;
import com.quantumtrader.execution.orders.model.FillRules;
import com.quantumtrader.execution.orders.model.OrderDrafts;
import com.quantumtrader.execution.orders.model.PositionRules;
import com.quantumtrader.execution.orders.model.ProtectionRules;
import com.quantumtrader.execution.orders.model.ManagedOrder;
import com.quantumtrader.execution.orders.model.OrderState;
import com.quantumtrader.execution.orders.model.TrackedPosition;
import com.quantumtrader.execution.store.ExchangeCloses;
import com.quantumtrader.execution.store.OrderBook;
import com.quantumtrader.execution.store.TrackedPositions;
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
 *
 * <p>Its state and its events go through a transactional {@link Outbox}: every state change and the events it
 * causes are committed in one atomic store write before the exchange is called and at the end of every call, so a
 * crash at any point leaves either both or neither (the store never knows less than the exchange was told, and
 * never holds a fill whose event is not on its way). Who publishes the outbox is the caller's business.
 */
public final class OrderManager {

    private static final Logger LOG = LoggerFactory.getLogger(OrderManager.class);
    /** Where reconciliation puts the stop of a position it adopts: this fraction of the last price away. */
    static final BigDecimal ADOPTED_STOP_FRACTION = new BigDecimal("0.02");
    /** Where reconciliation puts the take-profit of a position it adopts. */
    static final BigDecimal ADOPTED_TARGET_FRACTION = new BigDecimal("0.04");
    /** The strategy an adopted position is booked under, so its trades are told apart from any strategy's. */
    static final String RECOVERY_STRATEGY = "reconciliation";
    /** USD-M futures settle and charge fees in USDT. */
    private static final String FEE_ASSET = "USDT";

    private final ExchangePort exchange;
    private final Clock clock;
    private final SlippageMonitor slippage;
    private final OrderBook book;
    private final TrackedPositions positions;
    private final RetryPolicy retries;
    private final Outbox outbox;
    private final ExchangeCloses exchangeCloses;
    private boolean reconciled;
    private int depth;
    private List<Emit> produced = new ArrayList<>();

    /** Over a store of its own outbox (tools and tests); the slippage monitor writes its store directly. */
    public OrderManager(ExchangePort exchange, KeyValueStore store, Clock clock, SlippageMonitor slippage) {
        this(exchange, store, clock, slippage, RetryPolicy.defaults());
    }

    public OrderManager(ExchangePort exchange, KeyValueStore store, Clock clock, SlippageMonitor slippage,
                        RetryPolicy retries) {
        this(exchange, new Outbox(store, Domain.EXECUTION), clock, slippage, retries);
    }

    /** @param outbox execution's outbox; the slippage monitor should write through its {@link Outbox#state()} too */
    public OrderManager(ExchangePort exchange, Outbox outbox, Clock clock, SlippageMonitor slippage,
                        RetryPolicy retries) {
        this.retries = retries;
        this.exchange = exchange;
        this.clock = clock;
        this.slippage = slippage;
        this.outbox = outbox;
        this.book = new OrderBook(outbox.state());
        this.positions = new TrackedPositions(outbox.state());
        this.exchangeCloses = new ExchangeCloses(outbox.state());
    }

    /**
     * Runs one call as a unit: what it stages is committed at the end (and before each exchange call inside it).
     * Returns the events it staged, for callers that look at them; the outbox holds them until published. A failure
     * drops what was staged since the last commit and makes the next call reconcile first.
     */
    private List<Emit> step(Runnable work) {
        boolean outermost = depth++ == 0;
        if (outermost) {
            produced = new ArrayList<>();
        }
        try {
            work.run();
            if (outermost) {
                outbox.commit();
            }
            return outermost ? List.copyOf(produced) : List.of();
        } catch (RuntimeException e) {
            if (outermost) {
                outbox.rollback();
                reconciled = false;
            }
            throw e;
        } finally {
            depth--;
        }
    }

    /** Stages an event with the state changes around it. */
    private void emit(Emit event) {
        outbox.add(event);
        produced.add(event);
    }

    /** Before anything leaves the process: the store must know everything decided so far, events included. */
    private void commitBeforeExchange() {
        outbox.commit();
    }

    /**
     * An approved signal becomes an entry order ({@code execution.order.submitted}): a MARKET order, or a bounded
     * LIMIT IOC while the symbol's slippage is high and the policy adapts entries; or a failure with a code
     * ({@code execution.order.failed}). The client id derives from the signal id: an approval seen before, under
     * any event id, changes nothing.
     */
    public List<Emit> execute(SignalApproved approval, String traceId) {
        requireComplete(approval);
        return step(() -> {
            ensureReconciled();
            String clientOrderId = ClientOrderIds.entry(approval.signalId());
            if (book.find(clientOrderId).isPresent()) {
                LOG.info("signal {} already has order {}: approval ignored", approval.signalId(), clientOrderId);
                return;
            }
            placeEntry(approval, traceId);
        });
    }

    private void placeEntry(SignalApproved approval, String traceId) {
        Optional<SymbolRules> rules = exchange.rules(approval.symbol());
        ManagedOrder order = book.create(OrderDrafts.entry(ClientOrderIds.entry(approval.signalId()), approval,
                traceId, rules, slippage.limitOffsetBps(approval.symbol())));
        if (refusedBeforeExchange(approval, order, rules)) {
            return;
        }
        sendEntry(approval, order);
    }

    /** The entry rules, then the sanity guard: a refused entry never reaches the exchange (risk frees its reservation). */
    private boolean refusedBeforeExchange(SignalApproved approval, ManagedOrder order, Optional<SymbolRules> rules) {
        Optional<EntryRules.Refusal> invalid = invalidApproval(approval, order);
        if (invalid.isPresent()) {
            reject(order, invalid.get().code(), invalid.get().message());
            return true;
        }
        Optional<OrderSanityGuard.Refusal> insane = OrderSanityGuard.check(sanityCheckOf(order, rules));
        insane.ifPresent(refusal -> reject(order, refusal.code(), refusal.message()));
        return insane.isPresent();
    }

    private void sendEntry(SignalApproved approval, ManagedOrder order) {
        PlaceResult result;
        try {
            result = placeWithRetries(order);
        } catch (ExchangeUnavailableException unavailable) {
            unavailable(order, unavailable);
            return;
        }
        if (!result.accepted()) {
            String message = result.errorMessage();
            if (order.quantity().compareTo(approval.approvedQuantity()) != 0) {
                message += " (approved " + approval.approvedQuantity().toPlainString() + ", rounded down to the step)";
            }
            reject(order, result.errorCode(), message);
            return;
        }
        order = book.transition(order, OrderState.SUBMITTED);
        LOG.info("entry {} {} {} {} submitted as {}{}", order.clientOrderId(), order.side(),
                order.quantity().toPlainString(), order.symbol(), order.type(),
                order.limitPrice() == null ? "" : " " + order.timeInForce() + " at " + order.limitPrice().toPlainString());
        emit(OrderEvents.submitted(order));
    }

    /**
     * Applies the exchange's reports: fills become {@code execution.order.filled}; a filled entry gets its stop and
     * take-profit; a protective or exit fill that leaves the position flat cancels what still guards it.
     */
    public List<Emit> onExecutionReports(List<ExecutionReport> reports) {
        return step(() -> reports.forEach(this::apply));
    }

    private void apply(ExecutionReport received) {
        Optional<ManagedOrder> known = book.find(received.clientOrderId());
        if (known.isEmpty()) {
            LOG.error("exchange reported {} for unknown order {}", received.status(), received.clientOrderId());
            return;
        }
        Optional<ExecutionReport> news = FillRules.unpublishedPart(known.get(), received);
        if (news.isEmpty()) {
            // a stream redelivery, or a trade reconciliation already published: exactly once
            LOG.info("order {}: trade up to {} already applied, ignored", received.clientOrderId(),
                    received.cumulativeQuantity().toPlainString());
            return;
        }
        ExecutionReport report = news.get();
        ManagedOrder order = report.traded() ? applyTrade(known.get(), report) : known.get();
        if (report.status() == ExecutionReport.Status.EXPIRED) {
            order = expire(order);
        }
        if (order.purpose() == OrderPurpose.ENTRY && !order.state().working()) {
            protect(order);
        }
    }

    private ManagedOrder applyTrade(ManagedOrder known, ExecutionReport report) {
        ManagedOrder order = book.fill(known, report.cumulativeQuantity());
        // stamped when it traded: a backtest applies a fill at the open of a bar only after the bar closed
        emit(OrderEvents.filled(order, report, report.tradeTime() != null ? report.tradeTime() : clock.instant()));
        if (order.purpose() == OrderPurpose.ENTRY) {
            onEntryTrade(order, report);
        } else {
            onReducingTrade(order);
        }
        return order;
    }

    private ManagedOrder expire(ManagedOrder working) {
        ManagedOrder order = book.transition(working, OrderState.EXPIRED);
        LOG.info("order {} expired with {} filled", order.clientOrderId(), order.filledQuantity().toPlainString());
        if (order.purpose() == OrderPurpose.ENTRY && order.filledQuantity().signum() == 0) {
            // Nothing traded (an IOC found no price within its limit): risk frees the entry's reservation.
            emit(OrderEvents.failed(order, "EXPIRED_UNFILLED", order.type() + " "
                    + (order.timeInForce() == null ? "" : order.timeInForce() + " ")
                    + "entry expired without a fill" + (order.limitPrice() == null ? ""
                    : ": no liquidity at " + order.limitPrice().toPlainString() + " or better")));
        }
        return order;
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
        return step(() -> applyExchangeClose(purpose, report));
    }

    private void applyExchangeClose(OrderPurpose purpose, ExecutionReport report) {
        ExchangeCloseRules.Outcome outcome = ExchangeCloseRules.decide(positions.find(report.symbol()),
                exchangeCloses.appliedQuantity(report.clientOrderId()), report.side(), report.cumulativeQuantity());
        if (outcome instanceof ExchangeCloseRules.Close close) {
            closeForExchange(purpose, report, close.position(), close.quantity());
        } else if (outcome instanceof ExchangeCloseRules.WrongSide wrong) {
            LOG.error("{} {} is a {} but the {} position is {}: not applied", purpose, report.clientOrderId(),
                    report.side(), report.symbol(), wrong.position().side());
        } else if (outcome instanceof ExchangeCloseRules.NothingToClose nothing) {
            LOG.warn("{} {} of {} {}: {}", purpose, report.clientOrderId(), report.lastQuantity().toPlainString(),
                    report.symbol(), nothing.reason());
        }
    }

    private void closeForExchange(OrderPurpose purpose, ExecutionReport report, TrackedPosition position,
                                  BigDecimal quantity) {
        exchangeCloses.recordApplied(report.clientOrderId(), report.cumulativeQuantity());
        LOG.error("{}: the exchange closed {} {} of signal {} at {} ({})", purpose, quantity.toPlainString(),
                report.symbol(), position.signalId(), report.lastPrice().toPlainString(), report.clientOrderId());
        closedByExchange(position, purpose, exchangeOrderId(report.clientOrderId(), purpose, position),
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
        return step(() -> {
            if (positions.find(symbol).isEmpty()) {
                return;
            }
            for (ManagedOrder order : book.working()) {
                if (order.symbol().equals(symbol)) {
                    reconcile(order);
                }
            }
            Optional<TrackedPosition> tracked = positions.find(symbol);
            boolean flatThere = exchange.positions().stream().noneMatch(p -> p.symbol().equals(symbol) && !p.flat());
            if (tracked.isPresent() && flatThere) {
                closeExternally(tracked.get());
            }
        });
    }

    /** A held position the exchange no longer has: an EXTERNAL_CLOSE fill at the last price closes it. */
    private void closeExternally(TrackedPosition position) {
        Optional<BigDecimal> price = exchange.lastPrice(position.symbol());
        if (price.isEmpty()) {
            LOG.error("{} is flat on the exchange but held here, and no price is known: not closed yet",
                    position.symbol());
            return;
        }
        LOG.error("EXTERNAL_CLOSE: the exchange shows {} flat while signal {} held {}; closed at the last price {}",
                position.symbol(), position.signalId(), position.quantity().toPlainString(),
                price.get().toPlainString());
        closedByExchange(position, OrderPurpose.EXTERNAL_CLOSE, ClientOrderIds.of("XC", position.signalId()),
                position.quantity(), position.quantity(), true, price.get(), BigDecimal.ZERO, "USDT");
    }

    /** Whether execution holds a position in {@code symbol}. */
    public boolean holds(String symbol) {
        return positions.find(symbol).isPresent();
    }

    private void closedByExchange(TrackedPosition position, OrderPurpose purpose, String clientOrderId,
                                  BigDecimal quantity, BigDecimal cumulative, boolean complete, BigDecimal price,
                                  BigDecimal fee, String feeAsset) {
        emit(OrderEvents.exchangeFill(position.signalId(), position.traceId(), clientOrderId,
                position.symbol(), PositionRules.exitSide(position), purpose, quantity, cumulative, complete, price,
                fee, feeAsset, clock.instant()));
        Optional<TrackedPosition> left = PositionRules.afterClose(position, quantity);
        if (left.isPresent()) {
            positions.save(left.get());
            return;
        }
        for (ManagedOrder other : book.working()) {
            if (other.signalId().equals(position.signalId()) && other.purpose().reducesPosition()) {
                cancel(other); // the protective orders are retired with the position
            }
        }
        positions.remove(position.symbol());
        LOG.info("position of signal {} in {} closed by the exchange ({})", position.signalId(), position.symbol(),
                purpose);
    }

    /** The exchange's own id when it fits the event contract, else one derived from the signal. */
    private static String exchangeOrderId(String exchangeId, OrderPurpose purpose, TrackedPosition position) {
        return ClientOrderIds.BINANCE.matcher(exchangeId).matches() ? exchangeId
                : ClientOrderIds.of(purpose == OrderPurpose.LIQUIDATION ? "LQ" : "ADL", position.signalId());
    }

    /** Moves the working stop of the signal's position (cancel and replace: Binance cannot amend a stop order). */
    public List<Emit> moveStop(StopLossAdjusted adjustment) {
        return step(() -> {
            ensureReconciled();
            moveStopNow(adjustment);
        });
    }

    private void moveStopNow(StopLossAdjusted adjustment) {
        Optional<TrackedPosition> tracked = positions.find(adjustment.symbol())
                .filter(position -> position.signalId().equals(adjustment.signalId()) && position.protectedByStop());
        Optional<ManagedOrder> stop = tracked.flatMap(position -> book.find(position.stopOrderId()))
                .filter(order -> order.state().working());
        if (tracked.isEmpty() || stop.isEmpty()) {
            LOG.info("stop move of signal {} ignored: no open position with a working stop", adjustment.signalId());
            return;
        }
        TrackedPosition position = tracked.get();
        SymbolRules rules = exchange.rules(position.symbol()).orElseThrow();
        BigDecimal newStop = rules.roundPrice(adjustment.newStop(), RoundingMode.HALF_EVEN);
        if (newStop.compareTo(stop.get().triggerPrice()) != 0) {
            replaceStop(position, stop.get(), newStop, adjustment.reason());
        }
    }

    /**
     * New first, then cancel the old: the position is never without a stop on the exchange (Binance cannot amend a
     * stop order). For that moment two reduce-only stops guard it; reduce-only means the second to trigger could
     * never flip it.
     */
    private void replaceStop(TrackedPosition position, ManagedOrder stop, BigDecimal newStop, String reason) {
        int revision = position.stopRevision() + 1;
        ManagedOrder replacement = book.create(OrderDrafts.stopLoss(stop,
                ClientOrderIds.stopLoss(position.signalId(), revision), position.quantity(), newStop));
        submit(replacement);
        if (book.require(replacement.clientOrderId()).state() != OrderState.SUBMITTED) {
            // Rejected, or the outcome is unknown until reconciliation: the old stop keeps guarding the position.
            positions.save(position.withStop(stop.clientOrderId(), revision));
            LOG.error("stop of signal {} not moved from {} to {}: the replacement was not accepted; the old stop stays",
                    position.signalId(), stop.triggerPrice().toPlainString(), newStop.toPlainString());
            return;
        }
        positions.save(position.withStop(replacement.clientOrderId(), revision));
        cancel(stop);
        LOG.info("stop of signal {} moved from {} to {} ({})", position.signalId(),
                stop.triggerPrice().toPlainString(), newStop.toPlainString(), reason);
    }

    /**
     * The emergency stop: cancels every working order, closes every position with a reduce-only market order at
     * the latest price, then asks the exchange whether it is flat. Doing it again with nothing open does nothing.
     */
    public List<Emit> flattenAll(String reason) {
        return step(() -> {
            ensureReconciled();
            flattenAllNow(reason);
        });
    }

    private void flattenAllNow(String reason) {
        int cancelled = cancelAllWorking(reason);
        int closed = closeAllPositions();
        List<String> openOrders = exchange.openOrderIds();
        List<ExchangePosition> openPositions = exchange.positions();
        if (openOrders.isEmpty() && openPositions.isEmpty()) {
            LOG.info("emergency stop ({}): exchange reports flat after cancelling {} orders and closing {} positions",
                    reason, cancelled, closed);
        } else {
            LOG.error("emergency stop ({}): exchange is NOT flat: open orders {} positions {}", reason, openOrders,
                    openPositions);
        }
    }

    private int cancelAllWorking(String reason) {
        List<ManagedOrder> working = book.working();
        for (ManagedOrder order : working) {
            ManagedOrder canceled = cancel(order);
            if (canceled.purpose() == OrderPurpose.ENTRY && canceled.filledQuantity().signum() == 0) {
                // Risk holds a reservation for this entry; a failure is what frees it.
                emit(OrderEvents.failed(canceled, "EMERGENCY_STOP", "cancelled by the emergency stop: " + reason));
            }
        }
        return working.size();
    }

    /** Closes every position the exchange reports, ours by an exit order, any other directly; returns how many were ours. */
    private int closeAllPositions() {
        int closed = 0;
        for (ExchangePosition position : exchange.positions()) {
            Optional<TrackedPosition> tracked = positions.find(position.symbol());
            if (tracked.isEmpty()) {
                LOG.error("emergency stop: closing {} {} that no signal opened", position.quantity().toPlainString(),
                        position.symbol());
                commitBeforeExchange();
                exchange.closePosition(position.symbol(), "X-" + position.symbol());
                continue;
            }
            closeNow(tracked.get(), position.quantity());
            closed++;
        }
        return closed;
    }

    /**
     * Settles every working order with the exchange's view of it (by client id) and checks positions: an order that
     * never reached the exchange fails, one that did is SUBMITTED, fills made while we were down are published once
     * (only the quantity beyond what was already published), cancels and expiries are recorded. Then every position
     * is made whole: one the exchange holds that execution does not know is adopted (its fill published, so
     * portfolio and risk know it, and protected by a stop and a take-profit), a known one without a working stop or
     * take-profit gets them. Run before the first piece of work after a start; an exchange that cannot answer
     * throws, and no work is taken until it can.
     */
    public List<Emit> reconcile() {
        return step(this::reconcileNow);
    }

    private void reconcileNow() {
        int before = produced.size();
        for (ManagedOrder order : book.working()) {
            reconcile(order);
        }
        List<ExchangePosition> onExchange = exchange.positions();
        makePositionsWhole(onExchange);
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
        LOG.info("reconciled with the exchange: {} events, {} positions, {} open orders", produced.size() - before,
                onExchange.size(), open.size());
    }

    /** Adopts a position the exchange holds that execution does not know; protects again one it knows. */
    private void makePositionsWhole(List<ExchangePosition> onExchange) {
        for (ExchangePosition position : onExchange) {
            Optional<TrackedPosition> tracked = positions.find(position.symbol());
            if (tracked.isEmpty()) {
                adopt(position);
            } else {
                protectAgain(tracked.get());
            }
        }
    }

    /** Reconciles unless this process already has (the market-data feed's first bar after a start). */
    public List<Emit> reconcileOnce() {
        return step(this::ensureReconciled);
    }

    private void ensureReconciled() {
        if (!reconciled) {
            reconcileNow();
        }
    }

    /**
     * Settles one order with the exchange's record of it, as reconciliation does; an order not tracked here, or
     * already finished, changes nothing.
     */
    public List<Emit> reconcileOrder(String clientOrderId) {
        return step(() -> book.find(clientOrderId).filter(known -> known.state().working()).ifPresentOrElse(
                this::reconcile, () -> LOG.info("order {} is not working here: nothing to catch up", clientOrderId)));
    }

    private void reconcile(ManagedOrder order) {
        Optional<OrderStatusReport> seen = exchange.queryOrder(order.symbol(), order.clientOrderId());
        if (seen.isPresent()) {
            settle(order, seen.get());
            return;
        }
        boolean signalHoldsPosition = positions.find(order.symbol())
                .filter(p -> p.signalId().equals(order.signalId())).isPresent();
        switch (ProtectionRules.unseen(order, signalHoldsPosition)) {
            case PLACE_NOW -> {
                LOG.warn("reconciliation: {} {} of signal {} never reached the exchange: placing it now",
                        order.purpose(), order.clientOrderId(), order.signalId());
                submit(order);
            }
            case NOT_PLACED -> reject(order, "NOT_PLACED", "the exchange never received the order");
            case GONE -> {
                LOG.error("order {} was {} here but the exchange does not know it; marked cancelled",
                        order.clientOrderId(), order.state());
                book.transition(order, OrderState.CANCELED);
            }
        }
    }

    /**
     * The exchange pushed an order's new status (user-data stream: acknowledged, cancelled, expired): applied as
     * reconciliation applies it. An order not tracked here, or already finished, changes nothing.
     */
    public List<Emit> settle(OrderStatusReport report) {
        return step(() -> {
            Optional<ManagedOrder> order = book.find(report.clientOrderId()).filter(known -> known.state().working());
            if (order.isEmpty()) {
                return;
            }
            if (report.status() == OrderStatusReport.Status.NEW && order.get().state() != OrderState.NEW
                    && order.get().state() != OrderState.UNKNOWN) {
                return;
            }
            settle(order.get(), report);
        });
    }

    private void settle(ManagedOrder order, OrderStatusReport report) {
        if (report.status() == OrderStatusReport.Status.REJECTED) {
            settleRejected(order);
            return;
        }
        ManagedOrder current = order;
        if (current.state() == OrderState.NEW || current.state() == OrderState.UNKNOWN) {
            current = book.transition(current, OrderState.SUBMITTED);
            emit(OrderEvents.submitted(current));
        }
        Optional<ExecutionReport> missed = FillRules.missedTrade(current, report);
        if (missed.isPresent()) {
            LOG.info("reconciliation: {} filled {} while we were away", current.clientOrderId(),
                    missed.get().lastQuantity().toPlainString());
            apply(missed.get());
            current = book.require(current.clientOrderId());
        }
        if (current.state().working()) {
            if (report.status() == OrderStatusReport.Status.CANCELED) {
                book.transition(current, OrderState.CANCELED);
            } else if (report.status() == OrderStatusReport.Status.EXPIRED) {
                apply(new ExecutionReport(current.clientOrderId(), current.symbol(),
                        current.side(), ExecutionReport.Status.EXPIRED, BigDecimal.ZERO, current.filledQuantity(), null,
                        BigDecimal.ZERO, report.feeAsset()));
            }
        }
    }

    private void settleRejected(ManagedOrder order) {
        if (order.state() == OrderState.NEW || order.state() == OrderState.UNKNOWN) {
            reject(order, "EXCHANGE_REJECTED", "the exchange rejected the order");
        } else {
            book.transition(order, OrderState.CANCELED);
        }
    }

    /**
     * A position the exchange holds and execution does not know (its entry's record lost, or opened by hand): made
     * known and protected instead of logged. It becomes an entry of a recovery signal ({@code RECOVERED-<symbol>-
     * <epoch ms>}) filled at the last price, published as {@code execution.order.filled} so portfolio opens the
     * position and risk counts it, and gets a stop and a take-profit {@link #ADOPTED_STOP_FRACTION} and
     * {@link #ADOPTED_TARGET_FRACTION} away on the exchange.
     */
    private void adopt(ExchangePosition position) {
        Optional<SymbolRules> rules = exchange.rules(position.symbol());
        Optional<BigDecimal> last = exchange.lastPrice(position.symbol());
        if (rules.isEmpty() || last.isEmpty()) {
            throw new IllegalStateException("reconciliation: cannot protect the unknown " + position.quantity()
                    .toPlainString() + " " + position.symbol() + " without the contract's rules and a price");
        }
        BigDecimal price = last.get();
        int sign = position.quantity().signum();
        PositionRules.Protection protection = PositionRules.adoptedProtection(price, sign, rules.get(),
                ADOPTED_STOP_FRACTION, ADOPTED_TARGET_FRACTION);
        BigDecimal stop = protection.stop();
        BigDecimal target = protection.target();
        String signalId = "RECOVERED-" + position.symbol() + "-" + clock.millis();
        OrderSide side = sign > 0 ? OrderSide.BUY : OrderSide.SELL;
        BigDecimal quantity = position.quantity().abs();
        ManagedOrder entry = book.create(new ManagedOrder(ClientOrderIds.entry(signalId), signalId, signalId,
                position.symbol(), side, OrderPurpose.ENTRY, OrderType.MARKET, quantity, null, false, OrderState.NEW,
                BigDecimal.ZERO, price, stop, target, RECOVERY_STRATEGY, RECOVERY_STRATEGY));
        entry = book.transition(entry, OrderState.SUBMITTED);
        LOG.error("reconciliation: the exchange holds {} {} that execution did not know; adopted as {} with stop {} "
                        + "and target {}", position.quantity().toPlainString(), position.symbol(), signalId,
                stop.toPlainString(), target.toPlainString());
        apply(new ExecutionReport(entry.clientOrderId(), entry.symbol(), side, ExecutionReport.Status.FILLED, quantity,
                quantity, price, BigDecimal.ZERO, FEE_ASSET));
    }

    /** A known position whose stop or take-profit is not working (lost before it was placed): placed again. */
    private void protectAgain(TrackedPosition position) {
        ProtectionRules.Missing missing = ProtectionRules.Missing.of(working(position.stopOrderId()),
                working(position.targetOrderId()));
        if (missing.nothing()) {
            return;
        }
        Optional<ManagedOrder> entry = book.find(ClientOrderIds.entry(position.signalId()));
        if (entry.isEmpty() || entry.get().stopPrice() == null) {
            LOG.error("reconciliation: position of signal {} in {} lacks protection and its entry is unknown",
                    position.signalId(), position.symbol());
            return;
        }
        LOG.warn("reconciliation: position of signal {} in {} without a working {}: placing it", position.signalId(),
                position.symbol(), missing.describe());
        TrackedPosition current = missing.stop() ? reinstateStop(position, entry.get()) : position;
        if (missing.target()) {
            reinstateTarget(current, entry.get());
        }
    }

    private boolean working(String clientOrderId) {
        return clientOrderId != null && book.find(clientOrderId).filter(order -> order.state().working()).isPresent();
    }

    /** A new stop at the last stop's trigger (the entry's when none is known), under the next unused revision. */
    private TrackedPosition reinstateStop(TrackedPosition position, ManagedOrder entry) {
        int revision = ProtectionRules.nextStopRevision(position);
        String id = ClientOrderIds.stopLoss(position.signalId(), revision);
        while (book.find(id).isPresent()) {
            id = ClientOrderIds.stopLoss(position.signalId(), ++revision);
        }
        BigDecimal trigger = position.stopOrderId() == null ? entry.stopPrice()
                : book.find(position.stopOrderId()).map(ManagedOrder::triggerPrice).orElse(entry.stopPrice());
        ManagedOrder stop = book.create(OrderDrafts.stopLoss(entry, id, position.quantity(), trigger));
        TrackedPosition protectedAgain = position.withStop(stop.clientOrderId(), revision);
        positions.save(protectedAgain);
        submit(stop);
        return protectedAgain;
    }

    /** The take-profit, once: a finished one is not replaced. */
    private void reinstateTarget(TrackedPosition position, ManagedOrder entry) {
        String id = ClientOrderIds.takeProfit(position.signalId());
        if (book.find(id).isPresent()) {
            LOG.error("reconciliation: take-profit {} of signal {} is finished and no second one is placed", id,
                    position.signalId());
            return;
        }
        ManagedOrder target = book.create(OrderDrafts.takeProfit(entry, id, position.quantity(),
                entry.targetPrice()));
        positions.save(new TrackedPosition(position.symbol(), position.signalId(), position.traceId(),
                position.side(), position.quantity(), position.stopOrderId(), target.clientOrderId(),
                position.stopRevision()));
        submit(target);
    }

    /**
     * Places with bounded retries while the exchange is unavailable. Before a resend after an unknown outcome it asks
     * whether the order landed, so a retry never doubles an order. Throws the last failure when the bound is reached.
     */
    private PlaceResult placeWithRetries(ManagedOrder order) {
        commitBeforeExchange();
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
    private void unavailable(ManagedOrder order, ExchangeUnavailableException failure) {
        if (failure.outcomeUnknown()) {
            book.transition(order, OrderState.UNKNOWN);
            reconciled = false;
            LOG.error("order {} of signal {}: outcome unknown after {} attempts ({}); reconciliation will settle it",
                    order.clientOrderId(), order.signalId(), retries.maxAttempts(), Secrets.mask(failure.getMessage()));
            return;
        }
        reject(order, "EXCHANGE_UNAVAILABLE", Secrets.mask(failure.getMessage()));
    }

    private void closeNow(TrackedPosition position, BigDecimal quantity) {
        int attempt = 1;
        while (book.find(ClientOrderIds.exit(position.signalId(), attempt)).isPresent()) {
            attempt++;
        }
        BigDecimal lastPrice = exchange.lastPrice(position.symbol()).orElseThrow();
        ManagedOrder exit = book.create(OrderDrafts.exit(ClientOrderIds.exit(position.signalId(), attempt), position,
                quantity, lastPrice));
        book.transition(exit, OrderState.SUBMITTED);
        commitBeforeExchange();
        exchange.closePosition(position.symbol(), exit.clientOrderId()).forEach(this::apply);
    }

    private void onEntryTrade(ManagedOrder order, ExecutionReport report) {
        positions.save(PositionRules.afterEntryTrade(positions.find(order.symbol()), order, report.lastQuantity()));
        BigDecimal bps = SlippageMonitor.slippageBps(order.side(), order.expectedPrice(), report.lastPrice());
        SlippageMonitor.Observation observed = slippage.observe(order.symbol(), bps);
        observed.alert().ifPresent(alert ->
                emit(Emit.of(EventCatalog.EXECUTION_SLIPPAGE_HIGH, alert).inTrace(order.traceId())));
        observed.modeChange().ifPresent(change ->
                emit(Emit.of(EventCatalog.EXECUTION_ENTRY_MODE_CHANGED, change).inTrace(order.traceId())));
    }

    private void onReducingTrade(ManagedOrder order) {
        Optional<ExchangePosition> left = exchange.positions().stream()
                .filter(p -> p.symbol().equals(order.symbol())).findFirst();
        if (left.isPresent()) {
            positions.find(order.symbol()).ifPresent(p -> positions.save(p.withQuantity(left.get().quantity().abs())));
            return;
        }
        // One cancels the other: the position is gone, so whatever still guards it must go too.
        for (ManagedOrder other : book.working()) {
            if (other.signalId().equals(order.signalId()) && other.purpose().reducesPosition()) {
                cancel(other);
            }
        }
        positions.remove(order.symbol());
        LOG.info("position of signal {} in {} closed by {}", order.signalId(), order.symbol(), order.purpose());
    }

    /** A finished entry with a fill gets its stop and take-profit, once. */
    private void protect(ManagedOrder entry) {
        Optional<TrackedPosition> tracked = ProtectionRules.toProtectFirst(positions.find(entry.symbol()), entry);
        if (tracked.isEmpty()) {
            return;
        }
        BigDecimal quantity = tracked.get().quantity();
        ManagedOrder stop = book.create(OrderDrafts.stopLoss(entry, ClientOrderIds.stopLoss(entry.signalId(), 1),
                quantity, entry.stopPrice()));
        ManagedOrder target = book.create(OrderDrafts.takeProfit(entry, ClientOrderIds.takeProfit(entry.signalId()),
                quantity, entry.targetPrice()));
        positions.save(tracked.get().withProtection(stop.clientOrderId(), target.clientOrderId()));
        submit(stop);
        submit(target);
    }

    private void submit(ManagedOrder order) {
        PlaceResult result;
        try {
            result = placeWithRetries(order);
        } catch (ExchangeUnavailableException unavailable) {
            unavailable(order, unavailable);
            return;
        }
        if (!result.accepted()) {
            LOG.error("{} {} of signal {} rejected: {} {}", order.purpose(), order.clientOrderId(), order.signalId(),
                    result.errorCode(), result.errorMessage());
            reject(order, result.errorCode(), result.errorMessage());
            return;
        }
        emit(OrderEvents.submitted(book.transition(order, OrderState.SUBMITTED)));
    }

    private ManagedOrder cancel(ManagedOrder order) {
        commitBeforeExchange();
        if (!exchange.cancel(order.symbol(), order.clientOrderId()) && order.state() != OrderState.NEW) {
            LOG.warn("order {} was {} here but not open on the exchange; marked cancelled", order.clientOrderId(),
                    order.state());
        }
        return book.transition(order, OrderState.CANCELED);
    }

    private void reject(ManagedOrder order, String code, String message) {
        ManagedOrder rejected = book.transition(order, OrderState.REJECTED);
        // an exchange's message may echo what we sent (the API key): masked in the event as in the log
        String masked = Secrets.mask(message);
        LOG.warn("order {} of signal {} failed: {} {}", order.clientOrderId(), order.signalId(), code, masked);
        emit(OrderEvents.failed(rejected, code, masked));
    }

    /** Loads what the entry rules need (is the symbol busy?) and applies them. */
    private Optional<EntryRules.Refusal> invalidApproval(SignalApproved approval, ManagedOrder order) {
        boolean busy = positions.find(approval.symbol()).isPresent() || book.working().stream()
                .anyMatch(other -> other.symbol().equals(approval.symbol()) && other.purpose() == OrderPurpose.ENTRY
                        && !other.clientOrderId().equals(order.clientOrderId()));
        return EntryRules.firstFailed(new EntryRules.Entry(approval.symbol(), approval.side().toString(),
                approval.side().sign(), approval.referencePrice(), order.stopPrice(), order.targetPrice(), busy));
    }

    /** The entry as the sanity guard sees it: caps from execution's policy, the market from the exchange. */
    private OrderSanityGuard.Entry sanityCheckOf(ManagedOrder order, Optional<SymbolRules> rules) {
        ExecutionPolicy policy = slippage.policy();
        List<BigDecimal> prices = order.limitPrice() == null ? List.of(order.expectedPrice())
                : List.of(order.expectedPrice(), order.limitPrice());
        int direction = order.side() == OrderSide.BUY ? 1 : -1;
        BigDecimal position = positions.find(order.symbol())
                .map(open -> open.quantity().multiply(BigDecimal.valueOf(open.side().sign())))
                .orElse(BigDecimal.ZERO);
        return new OrderSanityGuard.Entry(order.symbol(), order.quantity(), direction, prices,
                marketPrice(order.symbol()), position,
                new OrderSanityGuard.Limits(rules.flatMap(SymbolRules::maxOrderQuantity), policy.maxOrderNotional(),
                        policy.maxPositionNotional(), policy.maxPriceDeviationBps()));
    }

    /** The exchange's last price; none when it cannot say now (the quantity and notional caps still apply). */
    private Optional<BigDecimal> marketPrice(String symbol) {
        try {
            return exchange.lastPrice(symbol);
        } catch (ExchangeUnavailableException e) {
            LOG.warn("no market price for the order guard on {}: {}", symbol, Secrets.mask(e.getMessage()));
            return Optional.empty();
        }
    }

    private static void requireComplete(SignalApproved approval) {
        List<String> missing = ApprovalFields.missing(approval);
        if (!missing.isEmpty()) {
            throw new MalformedEventException("risk.signal.approved lacks " + String.join(", ", missing));
        }
    }

}
