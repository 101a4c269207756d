package com.quantumtrader.portfolio.positions;

import com.quantumtrader.core.handler.Emit;
import com.quantumtrader.core.handler.EventHandler;
import com.quantumtrader.core.handler.InboundEvent;
import com.quantumtrader.core.policy.Policy;
import com.quantumtrader.core.policy.PolicyReader;
import com.quantumtrader.events.EventCatalog;
import com.quantumtrader.events.MalformedEventException;
import com.quantumtrader.events.OrderPurpose;
import com.quantumtrader.events.OrderSide;
import com.quantumtrader.events.Side;
import com.quantumtrader.events.execution.OrderFilled;
import com.quantumtrader.events.portfolio.PositionClosed;
import com.quantumtrader.events.portfolio.PositionOpened;
import com.quantumtrader.events.portfolio.TradeClosed;
import com.quantumtrader.portfolio.analysis.EquityCurve;
import com.quantumtrader.portfolio.market.MarketHistory;
import com.quantumtrader.portfolio.settings.PortfolioSettings;
import com.quantumtrader.portfolio.valuation.AccountMarks;
import com.quantumtrader.portfolio.valuation.Valuation;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code execution.order.filled}: entry fills open or add to the symbol's position; protective and exit fills
 * reduce it, realising P&L net of fees; the fill that makes it flat closes it ({@code portfolio.position.closed}
 * and {@code trade.closed}, in the trace of the entry). Fees are taken to be in the quote asset (USDT). Exits are
 * reduce-only (execution's model): a flip from long to short is an exit fill that closes the long followed by an
 * entry fill that opens the short; an entry against an open position of the other side is refused.
 */
public final class PositionMonitor implements EventHandler {

    /** R multiples are reported to 4 decimals: finer carries no meaning for a trade's outcome. */
    static final int R_SCALE = 4;
    private static final Logger LOG = LoggerFactory.getLogger(PositionMonitor.class);

    private final PositionBook book;
    private final MarketHistory market;
    private final PortfolioSettings settings;
    private final EquityCurve curve;
    private final AccountMarks marks;
    private final PolicyReader policy;

    public PositionMonitor(PositionBook book, MarketHistory market, PortfolioSettings settings, EquityCurve curve,
                           AccountMarks marks, PolicyReader policy) {
        this.book = book;
        this.curve = curve;
        this.marks = marks;
        this.policy = policy;
        this.market = market;
        this.settings = settings;
    }

    @Override
    public List<Emit> handle(InboundEvent event) {
        OrderFilled fill = event.payload(EventCatalog.EXECUTION_ORDER_FILLED);
        if (fill.quantity() == null || fill.quantity().signum() <= 0 || fill.price() == null
                || fill.price().signum() <= 0 || fill.fee() == null || fill.fee().signum() < 0) {
            throw new MalformedEventException("fill " + fill.clientOrderId() + " needs a positive quantity and price"
                    + " and a fee >= 0");
        }
        Instant at = fill.filledAt() != null ? fill.filledAt() : event.occurredAt();
        List<Emit> out = fill.purpose() == OrderPurpose.ENTRY ? entry(fill, event.traceId(), at) : exit(fill, at);
        // the fill's day carries its fees and P&L on the equity curve, not the day of the next mark
        Policy current = policy.current();
        Valuation valuation = marks.value(current);
        curve.record(at, current.accountEquity(), valuation.equity(), valuation.realized(), valuation.fees(),
                Money.amount(book.ledger().funding()));
        return out;
    }

    private List<Emit> entry(OrderFilled fill, String traceId, Instant at) {
        Optional<Position> existing = book.position(fill.symbol());
        if (existing.isPresent()) {
            Position position = existing.get();
            if (fill.side() != position.side().entrySide()) {
                throw new MalformedEventException("entry fill " + fill.clientOrderId() + " is " + fill.side()
                        + " but the open " + fill.symbol() + " position is " + position.side());
            }
            if (!position.signalId().equals(fill.signalId())) {
                LOG.warn("entry fill of signal {} added to the {} position of signal {}", fill.signalId(),
                        fill.symbol(), position.signalId());
            }
            book.save(position.addEntry(fill));
            book.save(book.ledger().paid(fill.fee()));
            return List.of();
        }
        Position position = Position.open(fill, traceId, at, initialStop(fill));
        book.save(position);
        book.save(book.ledger().paid(fill.fee()));
        LOG.info("opened {} {} {} @ {}", position.positionId(), position.side(), fill.quantity().toPlainString(),
                fill.price().toPlainString());
        return List.of(Emit.of(EventCatalog.PORTFOLIO_POSITION_OPENED, new PositionOpened(position.positionId(),
                position.symbol(), position.side(), fill.quantity(), fill.price(), fill.stopPrice(),
                fill.targetPrice(), fill.signalId(), fill.strategyId(), fill.modelId()))
                .inTrace(position.traceId()));
    }

    /**
     * The fill's stop; without one, {@code atrStopMultiple} ATRs behind the entry when the ATR is known, so the
     * trade still has an R. Only for the R and the trailing stop: no protective order exists to move.
     */
    private BigDecimal initialStop(OrderFilled fill) {
        if (fill.stopPrice() != null) {
            return fill.stopPrice();
        }
        Side side = fill.side() == OrderSide.BUY ? Side.LONG : Side.SHORT;
        return market.of(fill.symbol()).flatMap(h -> h.averageTrueRange(settings.atrPeriod()))
                .map(atr -> fill.price().subtract(atr.multiply(settings.atrStopMultiple())
                        .multiply(BigDecimal.valueOf(side.sign()))))
                .filter(stop -> stop.signum() > 0)
                .orElse(null);
    }

    private List<Emit> exit(OrderFilled fill, Instant at) {
        Optional<Position> existing = book.position(fill.symbol());
        if (existing.isEmpty()) {
            LOG.warn("{} fill {} for {} without an open position ignored", fill.purpose(), fill.clientOrderId(),
                    fill.symbol());
            book.save(book.ledger().paid(fill.fee())); // the fee was paid all the same
            return List.of();
        }
        Position position = existing.get();
        if (!position.reducedBy(fill)) {
            throw new MalformedEventException("exit fill " + fill.clientOrderId() + " is " + fill.side()
                    + " but the open " + fill.symbol() + " position is " + position.side());
        }
        if (fill.quantity().compareTo(position.openQuantity()) > 0) {
            LOG.warn("exit fill {} of {} exceeds the open {}; closing what is open", fill.clientOrderId(),
                    fill.quantity().toPlainString(), position.openQuantity().toPlainString());
        }
        Position.Exit exit = position.exit(fill.quantity(), fill.price(), fill.fee());
        Ledger ledger = book.ledger().paid(fill.fee()).realised(exit.pnl());
        Position after = exit.position();
        if (!after.flat()) {
            book.save(after);
            book.save(ledger);
            return List.of();
        }
        BigDecimal pnl = Money.amount(after.realizedPnl());
        book.remove(after.symbol());
        book.save(ledger.tradeClosed(pnl));
        book.record(new ClosedTrade(after.positionId(), after.strategyId(), after.symbol(), after.openedAt(), at, pnl,
                Money.amount(after.fees()), Money.amount(after.funding()), rMultiple(after, pnl)));
        LOG.info("closed {} {} by {}: realised {}", after.positionId(), after.symbol(), fill.purpose(),
                pnl.toPlainString());
        return closed(after, pnl, fill.purpose().name(), at);
    }

    private static BigDecimal rMultiple(Position p, BigDecimal pnl) {
        BigDecimal risk = p.initialRisk();
        return risk.signum() == 0 ? null : pnl.divide(risk, R_SCALE, RoundingMode.HALF_EVEN);
    }

    private static List<Emit> closed(Position p, BigDecimal pnl, String exitReason, Instant closedAt) {
        BigDecimal fees = Money.amount(p.fees());
        BigDecimal rMultiple = rMultiple(p, pnl);
        PositionClosed closed = new PositionClosed(p.positionId(), p.symbol(), p.side(), p.enteredQuantity(),
                p.averageEntryPrice(), p.averageExitPrice(), pnl, fees, exitReason, p.signalId());
        TradeClosed trade = new TradeClosed(p.positionId(), p.symbol(), p.side(), p.enteredQuantity(),
                p.averageEntryPrice(), p.averageExitPrice(), p.openedAt(), closedAt, fees,
                Money.amount(p.funding()), pnl, rMultiple, exitReason, p.signalId(), p.strategyId(),
                p.modelId());
        return List.of(
                Emit.of(EventCatalog.PORTFOLIO_POSITION_CLOSED, closed).inTrace(p.traceId()),
                Emit.of(EventCatalog.TRADE_CLOSED, trade).inTrace(p.traceId()));
    }
}
