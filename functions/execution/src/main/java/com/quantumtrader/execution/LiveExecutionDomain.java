package com.quantumtrader.execution;

import com.quantumtrader.core.handler.DomainModule;
import com.quantumtrader.core.handler.DomainServices;
import com.quantumtrader.core.handler.Emit;
import com.quantumtrader.core.handler.EventFactory;
import com.quantumtrader.core.handler.HandlerDefinition;
import com.quantumtrader.core.handler.InboundEvent;
import com.quantumtrader.core.outbox.Outbox;
import com.quantumtrader.core.state.KeyValueStore;
import com.quantumtrader.events.BusEvent;
import com.quantumtrader.events.Domain;
import com.quantumtrader.events.EventCatalog;
import com.quantumtrader.events.OrderPurpose;
import com.quantumtrader.events.execution.MarginCall;
import com.quantumtrader.execution.exchange.ExchangePort;
import com.quantumtrader.execution.exchange.ExchangePosition;
import com.quantumtrader.execution.exchange.ExecutionReport;
import com.quantumtrader.execution.exchange.OrderStatusReport;
import com.quantumtrader.execution.orders.OrderManager;
import com.quantumtrader.execution.orders.RetryPolicy;
import com.quantumtrader.execution.slippage.SlippageMonitor;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The execution domain on a real exchange (Binance USD-M): the same three handlers as paper trading, but fills
 * arrive from the exchange's user-data stream instead of the simulator's bars. Every entry point (bus handlers,
 * stream events on the WebSocket thread, reconciliation) is serialised on this object, so the order manager sees
 * one call at a time. Its state lives in the services' store: a restart continues where the last run stopped,
 * after {@link #reconcile()}. State changes and their events go through a transactional outbox, as in
 * {@link ExecutionDomain}; with {@link #publishingTo} every call publishes them itself (and returns none).
 */
public final class LiveExecutionDomain implements DomainModule {

    private static final Logger LOG = LoggerFactory.getLogger(LiveExecutionDomain.class);
    private static final String ACCOUNT_POSITIONS = "account:positions";
    private static final String ACCOUNT_BALANCES = "account:balances";

    private final ExchangePort exchange;
    private EventDelivery delivery = EventDelivery.handingBack();
    private DomainServices engineServices;
    private OrderManager orders;
    private Outbox outbox;
    private KeyValueStore store;
    private MarginCall lastMarginCall;

    private LiveExecutionDomain(ExchangePort exchange) {
        this.exchange = Objects.requireNonNull(exchange, "exchange");
    }

    public static LiveExecutionDomain on(ExchangePort exchange) {
        return new LiveExecutionDomain(exchange);
    }

    /** Every call publishes execution's events to {@code publisher} through the outbox; call before binding. */
    public synchronized LiveExecutionDomain publishingTo(EventFactory events, Consumer<BusEvent> publisher) {
        if (orders != null) {
            throw new IllegalStateException("choose how events are published before binding");
        }
        this.delivery = EventDelivery.publishing(events, publisher);
        return this;
    }

    @Override
    public Domain domain() {
        return Domain.EXECUTION;
    }

    @Override
    public List<HandlerDefinition> handlers(DomainServices services) {
        bind(services);
        return List.of(
                new HandlerDefinition("signal_executor", Domain.EXECUTION, this::onApproval),
                new HandlerDefinition("emergency_flattener", Domain.EXECUTION, this::onEmergencyStop),
                new HandlerDefinition("protective_stop_mover", Domain.EXECUTION, this::onStopAdjusted));
    }

    /** Binds the order manager to the services' store and clock (once per services instance). */
    public synchronized void bind(DomainServices services) {
        Objects.requireNonNull(services, "services");
        if (orders == null || !services.equals(engineServices)) {
            outbox = new Outbox(services.state(), Domain.EXECUTION);
            SlippageMonitor slippage = new SlippageMonitor(outbox.state(), SlippageMonitor.DEFAULT_WINDOW,
                    SlippageMonitor.DEFAULT_THRESHOLD_BPS);
            orders = new OrderManager(exchange, outbox, services.clock(), slippage, RetryPolicy.defaults());
            store = services.state();
            engineServices = services;
        }
    }

    private synchronized List<Emit> onApproval(InboundEvent event) {
        bound().execute(event.payload(EventCatalog.RISK_SIGNAL_APPROVED), event.traceId());
        return deliver(event::traceId);
    }

    private synchronized List<Emit> onEmergencyStop(InboundEvent event) {
        bound().flattenAll(event.payload(EventCatalog.SAFETY_EMERGENCY_STOP).reason());
        return deliver(event::traceId);
    }

    private synchronized List<Emit> onStopAdjusted(InboundEvent event) {
        bound().moveStop(event.payload(EventCatalog.PORTFOLIO_SL_ADJUSTED));
        return deliver(event::traceId);
    }

    /**
     * Settles every order and position with the exchange: on start before any new work, and after the user-data
     * stream reconnected (the REST catch-up of whatever the stream missed). Publishes first what a previous process
     * committed and could not publish. Returns what changed, when events are handed back.
     */
    public synchronized List<Emit> reconcile() {
        List<Emit> left = deliver(delivery.newTrace());
        bound().reconcile();
        List<Emit> changed = deliver(delivery.newTrace());
        return left.isEmpty() ? changed : java.util.stream.Stream.concat(left.stream(), changed.stream()).toList();
    }

    /**
     * Trades pushed by the exchange; one already applied (a redelivery, or caught up over REST) is ignored. A trade
     * of an order whose placement never got an answer (still NEW or UNKNOWN here) cannot be applied as it stands:
     * reconciliation settles that order from the exchange's own record instead, acknowledgement and fills included.
     */
    public synchronized List<Emit> onTrade(ExecutionReport report) {
        try {
            bound().onExecutionReports(List.of(report));
        } catch (IllegalStateException outOfOrder) {
            LOG.warn("trade of {} does not follow its recorded state ({}): reconciling with the exchange",
                    report.clientOrderId(), outOfOrder.getMessage());
            bound().reconcile();
        }
        return deliver(delivery.newTrace());
    }

    /**
     * One order settled with the exchange's record of it (fills, fees, status): the stream sent a frame about it that
     * could not be read. Returns what changed, to publish.
     */
    public synchronized List<Emit> catchUpOrder(String clientOrderId) {
        return bound().reconcileOrder(clientOrderId);
    }

    /** An order's status change without a trade: acknowledged, cancelled, expired, rejected. */
    public synchronized List<Emit> onOrderStatus(OrderStatusReport report) {
        bound().settle(report);
        return deliver(delivery.newTrace());
    }

    /**
     * The exchange's positions and balances after a change: kept in execution's state (what the exchange last said).
     * Returns the symbols the update shows flat while execution still holds a position in them: the caller confirms
     * each with {@link #onExchangeFlat} once our own fills had time to arrive (Binance may send the account update
     * before the order update of the same trade).
     */
    public synchronized List<String> onAccountUpdate(String reason, Map<String, BigDecimal> balances,
                                                     List<ExchangePosition> positions) {
        OrderManager manager = bound();
        List<String> flatButHeld = new ArrayList<>();
        for (ExchangePosition position : positions) {
            store.hashPut(ACCOUNT_POSITIONS, position.symbol(), position.quantity().toPlainString());
            if (position.flat() && manager.holds(position.symbol())) {
                flatButHeld.add(position.symbol());
            }
        }
        balances.forEach((asset, amount) -> store.hashPut(ACCOUNT_BALANCES, asset, amount.toPlainString()));
        LOG.info("account update ({}): positions {} balances {}", reason, positions, balances.keySet());
        return flatButHeld;
    }

    /**
     * The exchange showed {@code symbol} flat while execution holds it: our own orders on it are settled first, and
     * what is still held is closed as {@code EXTERNAL_CLOSE}. Returns the events to publish.
     */
    public synchronized List<Emit> onExchangeFlat(String symbol) {
        return bound().onExchangeFlat(symbol);
    }

    /** A liquidation or auto-deleveraging trade on our position: its fill, and the position closed. */
    public synchronized List<Emit> onExchangeClose(OrderPurpose purpose, ExecutionReport report) {
        return bound().onExchangeClose(purpose, report);
    }

    /**
     * The exchange's margin call: one {@code execution.margin.call} per position it names, in a trace of its own,
     * and the latest kept for the service's health.
     */
    public synchronized List<Emit> onMarginCall(List<MarginCall> calls) {
        List<Emit> emits = new ArrayList<>();
        for (MarginCall call : calls) {
            LOG.error("MARGIN_CALL {} position {} mark {} maintenance margin {} unrealised {}", call.symbol(),
                    call.positionQuantity().toPlainString(), call.markPrice().toPlainString(),
                    call.maintenanceMargin().toPlainString(), call.unrealizedPnl().toPlainString());
            emits.add(Emit.of(EventCatalog.EXECUTION_MARGIN_CALL, call));
            lastMarginCall = call;
        }
        return emits;
    }

    /** The latest margin call the exchange sent, if any since the start. */
    public synchronized Optional<MarginCall> lastMarginCall() {
        return Optional.ofNullable(lastMarginCall);
    }

    /** The position quantity per symbol the exchange last reported on the stream. */
    public synchronized Map<String, String> lastReportedPositions() {
        bound();
        return store.hashGetAll(ACCOUNT_POSITIONS);
    }

    private List<Emit> deliver(Supplier<String> defaultTrace) {
        bound();
        return delivery.deliver(outbox, defaultTrace);
    }

    private OrderManager bound() {
        if (orders == null) {
            throw new IllegalStateException("bind(services) first");
        }
        return orders;
    }
}
