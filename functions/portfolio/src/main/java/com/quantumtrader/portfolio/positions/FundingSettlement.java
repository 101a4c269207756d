package com.quantumtrader.portfolio.positions;

import com.quantumtrader.core.handler.Emit;
import com.quantumtrader.core.handler.EventHandler;
import com.quantumtrader.core.handler.InboundEvent;
import com.quantumtrader.core.policy.Policy;
import com.quantumtrader.core.policy.PolicyReader;
import com.quantumtrader.events.EventCatalog;
import com.quantumtrader.events.MalformedEventException;
import com.quantumtrader.events.Side;
import com.quantumtrader.events.execution.FundingPaid;
import com.quantumtrader.portfolio.analysis.EquityCurve;
import com.quantumtrader.portfolio.valuation.AccountMarks;
import com.quantumtrader.portfolio.valuation.Valuation;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code execution.funding.paid}: the exchange is the one source of funding (portfolio estimates none). The amount is
 * cash in or out of the account, so it always reaches the ledger (realised P&L and funding); it belongs to the
 * symbol's open position when that position was open before the funding time and is on the side the exchange charged,
 * and then it is part of that trade's funding and realised P&L ({@code trade.closed.funding}). A payment no open
 * position matches (it arrived after the close, or for a position portfolio never saw) is kept on the account only,
 * recorded and logged at WARN: the account's cash stays right, no trade is rewritten.
 *
 * <p>Applied once: the payment is recorded under its symbol and funding time with its event id. The same event
 * again is a duplicate; another event for a funding time already applied is ignored with a WARN, since in one-way
 * mode (execution's model) the exchange settles a symbol once per funding time.
 */
public final class FundingSettlement implements EventHandler {

    /** Portfolio keeps its books in the quote asset of USDⓈ-M contracts. */
    static final String BOOK_ASSET = "USDT";
    private static final Logger LOG = LoggerFactory.getLogger(FundingSettlement.class);

    private final PositionBook book;
    private final EquityCurve curve;
    private final AccountMarks marks;
    private final PolicyReader policy;

    public FundingSettlement(PositionBook book, EquityCurve curve, AccountMarks marks, PolicyReader policy) {
        this.book = book;
        this.curve = curve;
        this.marks = marks;
        this.policy = policy;
    }

    @Override
    public List<Emit> handle(InboundEvent event) {
        FundingPaid paid = validated(event.payload(EventCatalog.EXECUTION_FUNDING_PAID));
        Optional<FundingRecord> earlier = book.funding(paid.symbol(), paid.fundingTime());
        if (earlier.isPresent()) {
            if (earlier.get().eventId().equals(event.eventId())) {
                LOG.debug("funding event {} already applied", event.eventId());
            } else {
                LOG.warn("funding of {} at {} reported again by event {} (amount {}); applied once, by event {}",
                        paid.symbol(), paid.fundingTime(), event.eventId(), paid.amount().toPlainString(),
                        earlier.get().eventId());
            }
            return List.of();
        }
        Optional<Position> position = book.position(paid.symbol()).filter(p -> charged(p, paid));
        position.ifPresentOrElse(p -> {
            if (p.openQuantity().compareTo(paid.positionQuantity().abs()) != 0) {
                LOG.warn("funding of {} at {} charged {} but {} holds {}", paid.symbol(), paid.fundingTime(),
                        paid.positionQuantity().toPlainString(), p.positionId(), p.openQuantity().toPlainString());
            }
            book.save(p.withFunding(paid.amount(), paid.fundingTime()));
            LOG.info("funding {} {} on {} at {}", paid.amount().toPlainString(), paid.asset(), p.positionId(),
                    paid.fundingTime());
        }, () -> LOG.warn("funding {} {} of {} at {} matches no open position: booked to the account only",
                paid.amount().toPlainString(), paid.asset(), paid.symbol(), paid.fundingTime()));
        book.fundingSettled(paid.amount());
        book.record(new FundingRecord(event.eventId(), paid.symbol(), paid.fundingTime(), paid.amount(),
                position.map(Position::positionId).orElse(null)));
        Policy current = policy.current();
        Valuation valuation = marks.value(current);
        curve.record(paid.fundingTime(), current.accountEquity(), valuation.equity(), valuation.realized(),
                valuation.fees(), Money.amount(book.ledger().funding()));
        return List.of();
    }

    /**
     * The exchange charged this position: it was open before the funding time (one opened at the funding time
     * pays nothing for it) and on the side of the charged quantity. Otherwise the payment is another position's.
     */
    private static boolean charged(Position position, FundingPaid paid) {
        Side charged = paid.positionQuantity().signum() > 0 ? Side.LONG : Side.SHORT;
        return position.side() == charged && position.openedAt().isBefore(paid.fundingTime());
    }

    private static FundingPaid validated(FundingPaid paid) {
        if (paid.symbol() == null || paid.fundingTime() == null || paid.amount() == null || paid.fundingRate() == null
                || paid.positionQuantity() == null || paid.positionQuantity().signum() == 0) {
            throw new MalformedEventException("funding payment needs a symbol, a funding time, a rate, an amount and"
                    + " a non-zero position");
        }
        if (!BOOK_ASSET.equals(paid.asset())) {
            throw new MalformedEventException("funding of " + paid.symbol() + " at " + paid.fundingTime() + " paid in "
                    + paid.asset() + ": portfolio books in " + BOOK_ASSET + " only");
        }
        // -position x rate gives the sign of the cash: a long pays a positive rate, a short receives it
        int expected = -paid.positionQuantity().signum() * paid.fundingRate().signum();
        if (paid.amount().signum() != 0 && expected != 0 && paid.amount().signum() != expected) {
            throw new MalformedEventException("funding of " + paid.symbol() + " at " + paid.fundingTime() + ": amount "
                    + paid.amount().toPlainString() + " has the wrong sign for position "
                    + paid.positionQuantity().toPlainString() + " at rate " + paid.fundingRate().toPlainString());
        }
        return paid;
    }
}
