package com.quantumtrader.portfolio.booking;

import com.quantumtrader.core.handler.Emit;
import com.quantumtrader.core.handler.EventHandler;
import com.quantumtrader.core.handler.InboundEvent;
import com.quantumtrader.core.policy.PolicyReader;
import com.quantumtrader.events.EventCatalog;
import com.quantumtrader.events.MalformedEventException;
import com.quantumtrader.events.execution.FundingPaid;
import com.quantumtrader.portfolio.positions.model.FundingRules;
import com.quantumtrader.portfolio.positions.model.FundingRules.Settlement;
import com.quantumtrader.portfolio.store.AccountStore;
import com.quantumtrader.portfolio.store.EquityCurveStore;
import com.quantumtrader.portfolio.store.PositionStore;
import java.util.List;
import java.util.Optional;

/**
 * {@code execution.funding.paid}: books the payment the exchange reports ({@link FundingRules}) into the ledger and,
 * when it was charged to the symbol's open position, into that position; records it under its symbol and funding
 * time so it is applied once; puts the account on the equity curve at the funding time. Publishes nothing.
 */
public final class FundingSettlement implements EventHandler {

    private final PositionStore positions;
    private final AccountStore accounts;
    private final EquityCurveStore curve;
    private final PolicyReader policy;

    public FundingSettlement(PositionStore positions, AccountStore accounts, EquityCurveStore curve,
                             PolicyReader policy) {
        this.positions = positions;
        this.accounts = accounts;
        this.curve = curve;
        this.policy = policy;
    }

    @Override
    public List<Emit> handle(InboundEvent event) {
        FundingPaid paid = event.payload(EventCatalog.EXECUTION_FUNDING_PAID);
        Optional<String> refusal = FundingRules.refusal(paid);
        if (refusal.isPresent()) {
            throw new MalformedEventException(refusal.get());
        }
        Optional<Settlement> settlement = FundingRules.settle(paid, event.eventId(),
                positions.funding(paid.symbol(), paid.fundingTime()), positions.position(paid.symbol()),
                positions.ledger());
        if (settlement.isEmpty()) {
            return List.of();
        }
        settlement.get().position().ifPresent(positions::save);
        positions.save(settlement.get().ledger());
        positions.record(settlement.get().record());
        EquityCurves.record(curve, accounts.account(), policy.current().accountEquity(), paid.fundingTime());
        return List.of();
    }
}
