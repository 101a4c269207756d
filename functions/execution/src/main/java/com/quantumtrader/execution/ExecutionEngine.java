package com.quantumtrader.execution;

import com.quantumtrader.core.handler.Emit;
import com.quantumtrader.core.handler.InboundEvent;
import com.quantumtrader.core.outbox.Outbox;
import com.quantumtrader.events.EventCatalog;
import com.quantumtrader.events.market.MarketPriceUpdate;
import com.quantumtrader.events.execution.FundingPaid;
import com.quantumtrader.execution.exchange.FundingPayment;
import com.quantumtrader.execution.exchange.SimulatedExchange;
import com.quantumtrader.execution.orders.OrderManager;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The execution container: one order manager over the domain's store and the exchange it trades on, and, in paper
 * mode, the simulated exchange the bars move. Bus handlers, the market-data feed and the live exchange's stream
 * ({@link LiveAccount}) may run on different threads, so every entry point is serialised on this object.
 * Every entry point ends by delivering execution's outbox: what the call committed, and whatever an earlier
 * process committed and could not publish.
 */
final class ExecutionEngine {

    private static final Logger LOG = LoggerFactory.getLogger(ExecutionEngine.class);

    /** The venue the bars move; null on a real exchange, whose fills arrive on its own stream. */
    private final SimulatedExchange exchange;
    private final OrderManager orders;
    private final Outbox outbox;
    private final EventDelivery delivery;

    ExecutionEngine(SimulatedExchange exchange, OrderManager orders, Outbox outbox, EventDelivery delivery) {
        this.exchange = exchange;
        this.orders = orders;
        this.outbox = outbox;
        this.delivery = delivery;
    }

    synchronized List<Emit> onApproval(InboundEvent event) {
        orders.execute(event.payload(EventCatalog.RISK_SIGNAL_APPROVED), event.traceId());
        return delivery.deliver(outbox, event::traceId);
    }

    synchronized List<Emit> onEmergencyStop(InboundEvent event) {
        orders.flattenAll(event.payload(EventCatalog.SAFETY_EMERGENCY_STOP).reason());
        return delivery.deliver(outbox, event::traceId);
    }

    synchronized List<Emit> onStopAdjusted(InboundEvent event) {
        orders.moveStop(event.payload(EventCatalog.PORTFOLIO_SL_ADJUSTED));
        return delivery.deliver(outbox, event::traceId);
    }

    OrderManager orders() {
        return orders;
    }

    Outbox outbox() {
        return outbox;
    }

    EventDelivery delivery() {
        return delivery;
    }

    /** On start: publishes what a previous process left in the outbox, then reconciles with the exchange. */
    synchronized List<Emit> recover() {
        Supplier<String> trace = delivery.newTrace();
        List<Emit> left = delivery.deliver(outbox, trace);
        orders.reconcile();
        List<Emit> reconciled = delivery.deliver(outbox, trace);
        return left.isEmpty() ? reconciled : java.util.stream.Stream.concat(left.stream(), reconciled.stream()).toList();
    }

    /**
     * Step 1 of the bar lifecycle: funding due since the last bar is settled on the positions held, waiting entries
     * fill at this bar's open (and get their stop and target), then protective orders trigger on its range, then the
     * bar itself is published. Execution's state and events are committed before every move of the venue.
     */
    synchronized List<Emit> onBar(MarketPriceUpdate bar) {
        if (exchange == null) {
            throw new IllegalStateException("bars drive the simulated exchange only; a real exchange reports its own fills");
        }
        if (!exchange.isNewBar(bar)) {
            LOG.warn("{} bar opening {} already seen: ignored", bar.symbol(), bar.openTime());
            return delivery.deliver(outbox, delivery.newTrace());
        }
        // after a start the first bar settles with the exchange what a crash left open, before the venue moves on
        orders.reconcileOnce();
        for (FundingPayment payment : exchange.settleFunding(bar)) {
            LOG.info("funding {} at {}: {} {} on {} at rate {}", payment.symbol(), payment.fundingTime(),
                    payment.amount().toPlainString(), payment.asset(), payment.positionQuantity().toPlainString(),
                    payment.rate().toPlainString());
            outbox.add(Emit.of(EventCatalog.EXECUTION_FUNDING_PAID, new FundingPaid(payment.symbol(),
                    payment.fundingTime(), payment.rate(), payment.markPrice(), payment.positionQuantity(),
                    payment.amount(), payment.asset())));
        }
        outbox.commit();
        try {
            orders.onExecutionReports(exchange.openBar(bar));
            for (var reports = exchange.nextTriggered(bar.symbol()); !reports.isEmpty();
                 reports = exchange.nextTriggered(bar.symbol())) {
                orders.onExecutionReports(reports);
            }
        } finally {
            exchange.barProcessed();
        }
        outbox.add(Emit.of(EventCatalog.MARKET_PRICE_UPDATE, new MarketPriceUpdate(bar.symbol(), bar.interval(),
                bar.openTime(), bar.closeTime(), bar.open(), bar.high(), bar.low(), bar.close(), bar.volume(),
                MarketPriceUpdate.BAR_CLOSE)));
        return delivery.deliver(outbox, delivery.newTrace());
    }
}
