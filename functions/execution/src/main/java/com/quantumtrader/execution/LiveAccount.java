package com.quantumtrader.execution;

import com.quantumtrader.core.handler.Emit;
import com.quantumtrader.core.state.KeyValueStore;
import com.quantumtrader.events.EventCatalog;
import com.quantumtrader.events.OrderPurpose;
import com.quantumtrader.events.execution.MarginCall;
import com.quantumtrader.execution.exchange.ExchangePosition;
import com.quantumtrader.execution.exchange.ExecutionReport;
import com.quantumtrader.execution.exchange.OrderStatusReport;
import com.quantumtrader.execution.orders.OrderManager;
import com.quantumtrader.execution.store.ExchangeAccountStore;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live exchange's side of the execution domain ({@link ExecutionDomain#liveAccount}): what its user-data stream
 * pushes and its REST catch-ups find. Every entry point is serialised with the bus handlers on the domain's engine,
 * so the order manager sees one call at a time. Calls publish through the domain's outbox as the handlers do.
 */
public final class LiveAccount {

    private static final Logger LOG = LoggerFactory.getLogger(LiveAccount.class);

    private final ExecutionEngine engine;
    private final ExchangeAccountStore account;
    private MarginCall lastMarginCall;

    LiveAccount(ExecutionEngine engine, KeyValueStore store) {
        this.engine = engine;
        this.account = new ExchangeAccountStore(store);
    }

    ExecutionEngine engine() {
        return engine;
    }

    /**
     * Settles every order and position with the exchange: on start before any new work, and after the user-data
     * stream reconnected (the REST catch-up of whatever the stream missed). Publishes first what a previous process
     * committed and could not publish. Returns what changed, when events are handed back.
     */
    public List<Emit> reconcile() {
        synchronized (engine) {
            List<Emit> left = deliver(engine.delivery().newTrace());
            orders().reconcile();
            List<Emit> changed = deliver(engine.delivery().newTrace());
            return left.isEmpty() ? changed : Stream.concat(left.stream(), changed.stream()).toList();
        }
    }

    /**
     * Trades pushed by the exchange; one already applied (a redelivery, or caught up over REST) is ignored. A trade
     * of an order whose placement never got an answer (still NEW or UNKNOWN here) cannot be applied as it stands:
     * reconciliation settles that order from the exchange's own record instead, acknowledgement and fills included.
     */
    public List<Emit> onTrade(ExecutionReport report) {
        synchronized (engine) {
            try {
                orders().onExecutionReports(List.of(report));
            } catch (IllegalStateException outOfOrder) {
                LOG.warn("trade of {} does not follow its recorded state ({}): reconciling with the exchange",
                        report.clientOrderId(), outOfOrder.getMessage());
                orders().reconcile();
            }
            return deliver(engine.delivery().newTrace());
        }
    }

    /**
     * One order settled with the exchange's record of it (fills, fees, status): the stream sent a frame about it that
     * could not be read. Returns what changed, to publish.
     */
    public List<Emit> catchUpOrder(String clientOrderId) {
        synchronized (engine) {
            return orders().reconcileOrder(clientOrderId);
        }
    }

    /** An order's status change without a trade: acknowledged, cancelled, expired, rejected. */
    public List<Emit> onOrderStatus(OrderStatusReport report) {
        synchronized (engine) {
            orders().settle(report);
            return deliver(engine.delivery().newTrace());
        }
    }

    /**
     * The exchange's positions and balances after a change: kept in execution's state (what the exchange last said).
     * Returns the symbols the update shows flat while execution still holds a position in them: the caller confirms
     * each with {@link #onExchangeFlat} once our own fills had time to arrive (Binance may send the account update
     * before the order update of the same trade).
     */
    public List<String> onAccountUpdate(String reason, Map<String, BigDecimal> balances,
                                        List<ExchangePosition> positions) {
        synchronized (engine) {
            List<String> flatButHeld = new ArrayList<>();
            for (ExchangePosition position : positions) {
                account.savePosition(position.symbol(), position.quantity());
                if (position.flat() && orders().holds(position.symbol())) {
                    flatButHeld.add(position.symbol());
                }
            }
            balances.forEach(account::saveBalance);
            LOG.info("account update ({}): positions {} balances {}", reason, positions, balances.keySet());
            return flatButHeld;
        }
    }

    /**
     * The exchange showed {@code symbol} flat while execution holds it: our own orders on it are settled first, and
     * what is still held is closed as {@code EXTERNAL_CLOSE}. Returns the events to publish.
     */
    public List<Emit> onExchangeFlat(String symbol) {
        synchronized (engine) {
            return orders().onExchangeFlat(symbol);
        }
    }

    /** A liquidation or auto-deleveraging trade on our position: its fill, and the position closed. */
    public List<Emit> onExchangeClose(OrderPurpose purpose, ExecutionReport report) {
        synchronized (engine) {
            return orders().onExchangeClose(purpose, report);
        }
    }

    /**
     * The exchange's margin call: one {@code execution.margin.call} per position it names, in a trace of its own,
     * and the latest kept for the service's health.
     */
    public List<Emit> onMarginCall(List<MarginCall> calls) {
        synchronized (engine) {
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
    }

    /** The latest margin call the exchange sent, if any since the start. */
    public Optional<MarginCall> lastMarginCall() {
        synchronized (engine) {
            return Optional.ofNullable(lastMarginCall);
        }
    }

    /** The position quantity per symbol the exchange last reported on the stream. */
    public Map<String, String> lastReportedPositions() {
        synchronized (engine) {
            return account.positions();
        }
    }

    private OrderManager orders() {
        return engine.orders();
    }

    private List<Emit> deliver(Supplier<String> defaultTrace) {
        return engine.delivery().deliver(engine.outbox(), defaultTrace);
    }
}
