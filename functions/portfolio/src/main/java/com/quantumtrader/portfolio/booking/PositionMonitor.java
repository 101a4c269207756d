package com.quantumtrader.portfolio.booking;

import com.quantumtrader.core.handler.Emit;
import com.quantumtrader.core.handler.EventHandler;
import com.quantumtrader.core.handler.InboundEvent;
import com.quantumtrader.core.policy.PolicyReader;
import com.quantumtrader.events.EventCatalog;
import com.quantumtrader.events.MalformedEventException;
import com.quantumtrader.events.OrderPurpose;
import com.quantumtrader.events.execution.OrderFilled;
import com.quantumtrader.portfolio.positions.model.FillRules;
import com.quantumtrader.portfolio.positions.model.FillRules.Changed;
import com.quantumtrader.portfolio.positions.model.FillRules.Closed;
import com.quantumtrader.portfolio.positions.model.FillRules.FillOutcome;
import com.quantumtrader.portfolio.positions.model.FillRules.Opened;
import com.quantumtrader.portfolio.positions.model.FillRules.Refused;
import com.quantumtrader.portfolio.positions.model.FillRules.Unmatched;
import com.quantumtrader.portfolio.positions.model.Position;
import com.quantumtrader.portfolio.settings.PortfolioSettings;
import com.quantumtrader.portfolio.store.AccountStore;
import com.quantumtrader.portfolio.store.EquityCurveStore;
import com.quantumtrader.portfolio.store.MarketStore;
import com.quantumtrader.portfolio.store.PositionStore;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * {@code execution.order.filled}: books the fill into the symbol's position and the ledger ({@link FillRules}),
 * publishes {@code portfolio.position.opened} for a new position and {@code portfolio.position.closed} and
 * {@code trade.closed} (in the trace of the entry) for the fill that makes it flat, and puts the fill's fees and P&L
 * on the equity curve of the fill's day.
 */
public final class PositionMonitor implements EventHandler {

    private final PositionStore positions;
    private final MarketStore market;
    private final AccountStore accounts;
    private final EquityCurveStore curve;
    private final PolicyReader policy;
    private final Supplier<PortfolioSettings> settings;

    public PositionMonitor(PositionStore positions, MarketStore market, AccountStore accounts, EquityCurveStore curve,
                           PolicyReader policy, Supplier<PortfolioSettings> settings) {
        this.positions = positions;
        this.market = market;
        this.accounts = accounts;
        this.curve = curve;
        this.policy = policy;
        this.settings = settings;
    }

    @Override
    public List<Emit> handle(InboundEvent event) {
        OrderFilled fill = event.payload(EventCatalog.EXECUTION_ORDER_FILLED);
        Instant at = fill.filledAt() != null ? fill.filledAt() : event.occurredAt();
        Optional<Position> open = fill.symbol() == null ? Optional.empty() : positions.position(fill.symbol());
        PortfolioSettings portfolio = settings.get();
        FillOutcome outcome = FillRules.apply(fill, open, positions.ledger(), atrFor(fill, portfolio),
                portfolio.atrStopMultiple(), event.traceId(), at);
        List<Emit> out = save(outcome, fill);
        // the fill's day carries its fees and P&L on the equity curve, not the day of the next mark
        EquityCurves.record(curve, accounts.account(), policy.current().accountEquity(), at);
        return out;
    }

    /** The ATR an entry without a stop takes its initial stop from. */
    private Optional<BigDecimal> atrFor(OrderFilled fill, PortfolioSettings settings) {
        if (fill.purpose() != OrderPurpose.ENTRY || fill.stopPrice() != null || fill.symbol() == null) {
            return Optional.empty();
        }
        return market.of(fill.symbol()).flatMap(history -> history.averageTrueRange(settings.atrPeriod()));
    }

    /** Saves what the outcome changed and returns the events it publishes; a refusal books nothing. */
    private List<Emit> save(FillOutcome outcome, OrderFilled fill) {
        if (outcome instanceof Refused refused) {
            throw new MalformedEventException(refused.reason());
        }
        if (outcome instanceof Unmatched unmatched) {
            positions.save(unmatched.ledger());
        } else if (outcome instanceof Changed changed) {
            positions.save(changed.position());
            positions.save(changed.ledger());
        } else if (outcome instanceof Opened opened) {
            positions.save(opened.position());
            positions.save(opened.ledger());
            return List.of(BookingEvents.opened(opened.position(), fill));
        } else if (outcome instanceof Closed closed) {
            positions.remove(closed.position().symbol());
            positions.save(closed.ledger());
            positions.record(closed.trade());
            return BookingEvents.closed(closed, fill.purpose().name());
        }
        return List.of();
    }
}
