package com.quantumtrader.execution;

import com.quantumtrader.core.handler.DomainModule;
import com.quantumtrader.core.handler.DomainServices;
import com.quantumtrader.core.handler.Emit;
import com.quantumtrader.core.handler.HandlerDefinition;
import com.quantumtrader.core.handler.InboundEvent;
import com.quantumtrader.core.state.KeyValueStore;
import com.quantumtrader.events.Domain;
import com.quantumtrader.events.EventCatalog;
import com.quantumtrader.execution.exchange.ExchangePort;
import com.quantumtrader.execution.exchange.ExchangePosition;
import com.quantumtrader.execution.exchange.ExecutionReport;
import com.quantumtrader.execution.exchange.OrderStatusReport;
import com.quantumtrader.execution.orders.OrderManager;
import com.quantumtrader.execution.slippage.SlippageMonitor;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The execution domain on a real exchange (Binance USD-M): the same three handlers as paper trading, but fills
 * arrive from the exchange's user-data stream instead of the simulator's bars. Every entry point (bus handlers,
 * stream events on the WebSocket thread, reconciliation) is serialised on this object, so the order manager sees
 * one call at a time. Its state lives in the services' store: a restart continues where the last run stopped,
 * after {@link #reconcile()}.
 */
public final class LiveExecutionDomain implements DomainModule {

    private static final Logger LOG = LoggerFactory.getLogger(LiveExecutionDomain.class);
    private static final String ACCOUNT_POSITIONS = "account:positions";
    private static final String ACCOUNT_BALANCES = "account:balances";

    private final ExchangePort exchange;
    private DomainServices engineServices;
    private OrderManager orders;
    private KeyValueStore store;

    private LiveExecutionDomain(ExchangePort exchange) {
        this.exchange = Objects.requireNonNull(exchange, "exchange");
    }

    public static LiveExecutionDomain on(ExchangePort exchange) {
        return new LiveExecutionDomain(exchange);
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
            SlippageMonitor slippage = new SlippageMonitor(services.state(), SlippageMonitor.DEFAULT_WINDOW,
                    SlippageMonitor.DEFAULT_THRESHOLD_BPS);
            orders = new OrderManager(exchange, services.state(), services.clock(), slippage);
            store = services.state();
            engineServices = services;
        }
    }

    private synchronized List<Emit> onApproval(InboundEvent event) {
        return bound().execute(event.payload(EventCatalog.RISK_SIGNAL_APPROVED), event.traceId());
    }

    private synchronized List<Emit> onEmergencyStop(InboundEvent event) {
        return bound().flattenAll(event.payload(EventCatalog.SAFETY_EMERGENCY_STOP).reason());
    }

    private synchronized List<Emit> onStopAdjusted(InboundEvent event) {
        return bound().moveStop(event.payload(EventCatalog.PORTFOLIO_SL_ADJUSTED));
    }

    /**
     * Settles every order and position with the exchange: on start before any new work, and after the user-data
     * stream reconnected (the REST catch-up of whatever the stream missed). Returns what changed, to publish.
     */
    public synchronized List<Emit> reconcile() {
        return bound().reconcile();
    }

    /**
     * Trades pushed by the exchange; one already applied (a redelivery, or caught up over REST) is ignored. A trade
     * of an order whose placement never got an answer (still NEW or UNKNOWN here) cannot be applied as it stands:
     * reconciliation settles that order from the exchange's own record instead, acknowledgement and fills included.
     */
    public synchronized List<Emit> onTrade(ExecutionReport report) {
        try {
            return bound().onExecutionReports(List.of(report));
        } catch (IllegalStateException outOfOrder) {
            LOG.warn("trade of {} does not follow its recorded state ({}): reconciling with the exchange",
                    report.clientOrderId(), outOfOrder.getMessage());
            return bound().reconcile();
        }
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
        return bound().settle(report);
    }

    /**
     * The exchange's positions and balances after a change: kept in execution's state (what the exchange last said),
     * and a position the exchange holds without an order of ours to explain it is logged as an error.
     */
    public synchronized void onAccountUpdate(String reason, Map<String, BigDecimal> balances,
                                             List<ExchangePosition> positions) {
        bound();
        for (ExchangePosition position : positions) {
            store.hashPut(ACCOUNT_POSITIONS, position.symbol(), position.quantity().toPlainString());
        }
        balances.forEach((asset, amount) -> store.hashPut(ACCOUNT_BALANCES, asset, amount.toPlainString()));
        LOG.info("account update ({}): positions {} balances {}", reason, positions, balances.keySet());
    }

    /** The position quantity per symbol the exchange last reported on the stream. */
    public synchronized Map<String, String> lastReportedPositions() {
        bound();
        return store.hashGetAll(ACCOUNT_POSITIONS);
    }

    private OrderManager bound() {
        if (orders == null) {
            throw new IllegalStateException("bind(services) first");
        }
        return orders;
    }
}
