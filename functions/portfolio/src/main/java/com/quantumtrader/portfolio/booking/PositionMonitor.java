package com.quantumtrader.portfolio.booking;

import com.quantumtrader.core.handler.Emit;
import com.quantumtrader.core.handler.EventHandler;
import com.quantumtrader.core.handler.InboundEvent;
import com.quantumtrader.core.policy.PolicyReader;
import com.quantumtrader.events.EventCatalog;
import com.quantumtrader.events.MalformedEventException;
import com.quantumtrader.events.OrderPurpose;
import com.quantumtrader.events.execution.OrderFilled;
import com.quantumtrader.events.portfolio.PositionClosed;
import com.quantumtrader.events.portfolio.PositionOpened;
import com.quantumtrader.events.portfolio.TradeClosed;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code execution.order.filled}: books the fill into the symbol's position and the ledger ({@link FillRules}),
 * publishes {@code portfolio.position.opened} for a new position and {@code portfolio.position.closed} and
 * {@code trade.closed} (in the trace of the entry) for the fill that makes it flat, and puts the fill's fees and P&L
 * on the equity curve of the fill's day.
 */
public final class PositionMonitor implements EventHandler {

    private static final Logger LOG = LoggerFactory.getLogger(PositionMonitor.class);

    private final PositionStore positions;
    private final MarketStore market;
    private final AccountStore accounts;
    private final EquityCurveStore curve;
    private final PolicyReader policy;
    private final PortfolioSettings settings;

    public PositionMonitor(PositionStore positions, MarketStore market, AccountStore accounts, EquityCurveStore curve,
                           PolicyReader policy, PortfolioSettings settings) {
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
        FillOutcome outcome = FillRules.apply(fill, open, positions.ledger(), atrFor(fill),
                settings.atrStopMultiple(), event.traceId(), at);
        List<Emit> out = save(outcome, fill);
        // the fill's day carries its fees and P&L on the equity curve, not the day of the next mark
        EquityCurves.record(curve, accounts.account(), policy.current().accountEquity(), at);
        return out;
    }

    /** The ATR an entry without a stop takes its initial stop from. */
    private Optional<BigDecimal> atrFor(OrderFilled fill) {
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
            return List.of(opened(opened.position(), fill));
        } else if (outcome instanceof Closed closed) {
            positions.remove(closed.position().symbol());
            positions.save(closed.ledger());
            positions.record(closed.trade());
            return closed(closed, fill.purpose().name());
        }
        return List.of();
    }

    private static Emit opened(Position position, OrderFilled fill) {
        LOG.info("opened {} {} {} @ {}", position.positionId(), position.side(), fill.quantity().toPlainString(),
                fill.price().toPlainString());
        return Emit.of(EventCatalog.PORTFOLIO_POSITION_OPENED, new PositionOpened(position.positionId(),
                position.symbol(), position.side(), fill.quantity(), fill.price(), fill.stopPrice(),
                fill.targetPrice(), fill.signalId(), fill.strategyId(), fill.modelId())).inTrace(position.traceId());
    }

    private static List<Emit> closed(Closed closed, String exitReason) {
        Position p = closed.position();
        BigDecimal pnl = closed.trade().realizedPnl();
        LOG.info("closed {} {} by {}: realised {}", p.positionId(), p.symbol(), exitReason, pnl.toPlainString());
        PositionClosed positionClosed = new PositionClosed(p.positionId(), p.symbol(), p.side(), p.enteredQuantity(),
                p.averageEntryPrice(), p.averageExitPrice(), pnl, closed.trade().fees(), exitReason, p.signalId());
        TradeClosed trade = new TradeClosed(p.positionId(), p.symbol(), p.side(), p.enteredQuantity(),
                p.averageEntryPrice(), p.averageExitPrice(), p.openedAt(), closed.trade().closedAt(),
                closed.trade().fees(), closed.trade().funding(), pnl, closed.trade().rMultiple(), exitReason,
                p.signalId(), p.strategyId(), p.modelId());
        return List.of(
                Emit.of(EventCatalog.PORTFOLIO_POSITION_CLOSED, positionClosed).inTrace(p.traceId()),
                Emit.of(EventCatalog.TRADE_CLOSED, trade).inTrace(p.traceId()));
    }
}
