package com.quantumtrader.portfolio.positions.model;

import com.quantumtrader.events.OrderPurpose;
import com.quantumtrader.events.OrderSide;
import com.quantumtrader.events.Side;
import com.quantumtrader.events.execution.OrderFilled;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What an {@code execution.order.filled} does to the symbol's position and the ledger. Entry fills open or add to
 * the position; protective and exit fills reduce it, realising P&L net of fees; the fill that makes it flat closes
 * it as a {@link ClosedTrade}. Fees are taken to be in the quote asset (USDT). Exits are reduce-only (execution's
 * model): a flip is an exit fill that closes the long followed by an entry fill that opens the short, so an entry
 * against an open position of the other side is refused. Pure: the stored position and ledger in, an outcome out.
 */
public final class FillRules {

    /** R multiples are reported to 4 decimals: finer carries no meaning for a trade's outcome. */
    static final int R_SCALE = 4;
    private static final Logger LOG = LoggerFactory.getLogger(FillRules.class);

    private FillRules() {
    }

    /** What a fill does; each outcome carries what is to be saved. */
    public sealed interface FillOutcome {
    }

    /** A new position (and the ledger with the entry fee). */
    public record Opened(Position position, Ledger ledger) implements FillOutcome {
    }

    /** The open position changed but stays open: an added entry or a partial exit. */
    public record Changed(Position position, Ledger ledger) implements FillOutcome {
    }

    /** The position went flat: it leaves the book, the trade is kept. */
    public record Closed(Position position, Ledger ledger, ClosedTrade trade) implements FillOutcome {
    }

    /** An exit fill with no open position: only its fee is booked (it was paid all the same). */
    public record Unmatched(Ledger ledger) implements FillOutcome {
    }

    /** A fill that contradicts the book or itself: nothing is booked. */
    public record Refused(String reason) implements FillOutcome {
    }

    /**
     * @param open            the symbol's open position, if any
     * @param atr             the symbol's ATR, for the initial stop of an entry without one
     * @param atrStopMultiple initial stop distance in ATRs for an entry fill without a stop
     * @param traceId         the fill's trace: a new position's later events continue it
     * @param at              when the fill happened
     */
    public static FillOutcome apply(OrderFilled fill, Optional<Position> open, Ledger ledger, Optional<BigDecimal> atr,
                                    BigDecimal atrStopMultiple, String traceId, Instant at) {
        if (fill.quantity() == null || fill.quantity().signum() <= 0 || fill.price() == null
                || fill.price().signum() <= 0 || fill.fee() == null || fill.fee().signum() < 0) {
            return new Refused("fill " + fill.clientOrderId() + " needs a positive quantity and price and a fee >= 0");
        }
        return fill.purpose() == OrderPurpose.ENTRY
                ? entry(fill, open, ledger, atr, atrStopMultiple, traceId, at)
                : exit(fill, open, ledger, at);
    }

    private static FillOutcome entry(OrderFilled fill, Optional<Position> open, Ledger ledger,
                                     Optional<BigDecimal> atr, BigDecimal atrStopMultiple, String traceId,
                                     Instant at) {
        if (open.isEmpty()) {
            return new Opened(Position.open(fill, traceId, at, initialStop(fill, atr, atrStopMultiple)),
                    ledger.paid(fill.fee()));
        }
        Position position = open.get();
        if (fill.side() != position.side().entrySide()) {
            return new Refused("entry fill " + fill.clientOrderId() + " is " + fill.side() + " but the open "
                    + fill.symbol() + " position is " + position.side());
        }
        if (!position.signalId().equals(fill.signalId())) {
            LOG.warn("entry fill of signal {} added to the {} position of signal {}", fill.signalId(), fill.symbol(),
                    position.signalId());
        }
        return new Changed(position.addEntry(fill), ledger.paid(fill.fee()));
    }

    /**
     * The fill's stop; without one, {@code atrStopMultiple} ATRs behind the entry when the ATR is known, so the
     * trade still has an R. Only for the R and the trailing stop: no protective order exists to move.
     */
    static BigDecimal initialStop(OrderFilled fill, Optional<BigDecimal> atr, BigDecimal atrStopMultiple) {
        if (fill.stopPrice() != null) {
            return fill.stopPrice();
        }
        Side side = fill.side() == OrderSide.BUY ? Side.LONG : Side.SHORT;
        return atr.map(a -> fill.price().subtract(a.multiply(atrStopMultiple).multiply(BigDecimal.valueOf(side.sign()))))
                .filter(stop -> stop.signum() > 0)
                .orElse(null);
    }

    private static FillOutcome exit(OrderFilled fill, Optional<Position> open, Ledger ledger, Instant at) {
        if (open.isEmpty()) {
            LOG.warn("{} fill {} for {} without an open position ignored", fill.purpose(), fill.clientOrderId(),
                    fill.symbol());
            return new Unmatched(ledger.paid(fill.fee()));
        }
        Position position = open.get();
        if (!position.reducedBy(fill)) {
            return new Refused("exit fill " + fill.clientOrderId() + " is " + fill.side() + " but the open "
                    + fill.symbol() + " position is " + position.side());
        }
        if (fill.quantity().compareTo(position.openQuantity()) > 0) {
            LOG.warn("exit fill {} of {} exceeds the open {}; closing what is open", fill.clientOrderId(),
                    fill.quantity().toPlainString(), position.openQuantity().toPlainString());
        }
        Position.Exit exit = position.exit(fill.quantity(), fill.price(), fill.fee());
        Ledger after = ledger.paid(fill.fee()).realised(exit.pnl());
        Position closed = exit.position();
        if (!closed.flat()) {
            return new Changed(closed, after);
        }
        BigDecimal pnl = Money.amount(closed.realizedPnl());
        return new Closed(closed, after.tradeClosed(pnl), new ClosedTrade(closed.positionId(), closed.strategyId(),
                closed.symbol(), closed.openedAt(), at, pnl, Money.amount(closed.fees()),
                Money.amount(closed.funding()), rMultiple(closed, pnl)));
    }

    /** Realised P&L / (|average entry - initial stop| x entered quantity); null without an initial stop. */
    static BigDecimal rMultiple(Position position, BigDecimal pnl) {
        BigDecimal risk = position.initialRisk();
        return risk.signum() == 0 ? null : pnl.divide(risk, R_SCALE, RoundingMode.HALF_EVEN);
    }
}
