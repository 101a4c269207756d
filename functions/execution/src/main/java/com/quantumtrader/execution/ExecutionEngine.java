package com.quantumtrader.execution;

import com.quantumtrader.core.handler.Emit;
import com.quantumtrader.core.handler.InboundEvent;
import com.quantumtrader.events.EventCatalog;
import com.quantumtrader.events.market.MarketPriceUpdate;
import com.quantumtrader.events.execution.FundingPaid;
import com.quantumtrader.execution.exchange.ExecutionReport;
import com.quantumtrader.execution.exchange.FundingPayment;
import com.quantumtrader.execution.exchange.SimulatedExchange;
import com.quantumtrader.execution.orders.OrderManager;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The execution container in paper mode: one simulated exchange and one order manager over the domain's store.
 * Bus handlers and the market-data feed may run on different threads, so every entry point is serialised here.
 */
final class ExecutionEngine {

    private static final Logger LOG = LoggerFactory.getLogger(ExecutionEngine.class);

    private final SimulatedExchange exchange;
    private final OrderManager orders;

    ExecutionEngine(SimulatedExchange exchange, OrderManager orders) {
        this.exchange = exchange;
        this.orders = orders;
    }

    synchronized List<Emit> onApproval(InboundEvent event) {
        return orders.execute(event.payload(EventCatalog.RISK_SIGNAL_APPROVED), event.traceId());
    }

    synchronized List<Emit> onEmergencyStop(InboundEvent event) {
        return orders.flattenAll(event.payload(EventCatalog.SAFETY_EMERGENCY_STOP).reason());
    }

    synchronized List<Emit> onStopAdjusted(InboundEvent event) {
        return orders.moveStop(event.payload(EventCatalog.PORTFOLIO_SL_ADJUSTED));
    }

    /**
     * Step 1 of the bar lifecycle: funding due since the last bar is settled on the positions held, waiting entries
     * fill at this bar's open (and get their stop and target), then protective orders trigger on its range, then the
     * bar itself is published.
     */
    synchronized List<Emit> onBar(Bar bar) {
        if (!exchange.isNewBar(bar)) {
            LOG.warn("{} bar opening {} already seen: ignored", bar.symbol(), bar.openTime());
            return List.of();
        }
        List<Emit> emits = new ArrayList<>();
        for (FundingPayment payment : exchange.settleFunding(bar)) {
            LOG.info("funding {} at {}: {} {} on {} at rate {}", payment.symbol(), payment.fundingTime(),
                    payment.amount().toPlainString(), payment.asset(), payment.positionQuantity().toPlainString(),
                    payment.rate().toPlainString());
            emits.add(Emit.of(EventCatalog.EXECUTION_FUNDING_PAID, new FundingPaid(payment.symbol(),
                    payment.fundingTime(), payment.rate(), payment.markPrice(), payment.positionQuantity(),
                    payment.amount(), payment.asset())));
        }
        try {
            emits.addAll(orders.onExecutionReports(exchange.openBar(bar)));
            for (List<ExecutionReport> reports = exchange.nextTriggered(bar.symbol()); !reports.isEmpty();
                 reports = exchange.nextTriggered(bar.symbol())) {
                emits.addAll(orders.onExecutionReports(reports));
            }
        } finally {
            exchange.barProcessed();
        }
        emits.add(Emit.of(EventCatalog.MARKET_PRICE_UPDATE, new MarketPriceUpdate(bar.symbol(), bar.interval(),
                bar.openTime(), bar.closeTime(), bar.open(), bar.high(), bar.low(), bar.close(), bar.volume(),
                MarketPriceUpdate.BAR_CLOSE)));
        return emits;
    }
}
