package com.quantumtrader.portfolio.positions.model;

import com.quantumtrader.events.Side;
import com.quantumtrader.events.execution.FundingPaid;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How an {@code execution.funding.paid} is booked. The exchange is the one source of funding (portfolio estimates
 * none). The amount is cash in or out of the account, so it always reaches the ledger (realised P&L and funding);
 * it belongs to the symbol's open position when that position was open before the funding time and is on the side
 * the exchange charged, and then it is part of that trade's funding and realised P&L. A payment no open position
 * matches (it arrived after the close, or for a position portfolio never saw) is kept on the account only.
 *
 * <p>Applied once: the same event again is a duplicate; another event for a funding time already applied is
 * ignored, since in one-way mode (execution's model) the exchange settles a symbol once per funding time.
 */
public final class FundingRules {

    /** Portfolio keeps its books in the quote asset of USDⓈ-M contracts. */
    public static final String BOOK_ASSET = "USDT";
    private static final Logger LOG = LoggerFactory.getLogger(FundingRules.class);

    private FundingRules() {
    }

    /** What to save: the charged position (if one matched), the ledger and the record of the payment. */
    public record Settlement(Optional<Position> position, Ledger ledger, FundingRecord record) {
    }

    /** Why the payment cannot be booked at all, or empty when it is well formed. */
    public static Optional<String> refusal(FundingPaid paid) {
        if (paid.symbol() == null || paid.fundingTime() == null || paid.amount() == null || paid.fundingRate() == null
                || paid.positionQuantity() == null || paid.positionQuantity().signum() == 0) {
            return Optional.of("funding payment needs a symbol, a funding time, a rate, an amount and a non-zero"
                    + " position");
        }
        if (!BOOK_ASSET.equals(paid.asset())) {
            return Optional.of("funding of " + paid.symbol() + " at " + paid.fundingTime() + " paid in "
                    + paid.asset() + ": portfolio books in " + BOOK_ASSET + " only");
        }
        // -position x rate gives the sign of the cash: a long pays a positive rate, a short receives it
        int expected = -paid.positionQuantity().signum() * paid.fundingRate().signum();
        if (paid.amount().signum() != 0 && expected != 0 && paid.amount().signum() != expected) {
            return Optional.of("funding of " + paid.symbol() + " at " + paid.fundingTime() + ": amount "
                    + paid.amount().toPlainString() + " has the wrong sign for position "
                    + paid.positionQuantity().toPlainString() + " at rate " + paid.fundingRate().toPlainString());
        }
        return Optional.empty();
    }

    /**
     * The settlement of a well-formed payment reported by event {@code eventId}; empty when a payment for its
     * symbol and funding time ({@code earlier}) was already applied.
     */
    public static Optional<Settlement> settle(FundingPaid paid, String eventId, Optional<FundingRecord> earlier,
                                              Optional<Position> open, Ledger ledger) {
        if (earlier.isPresent()) {
            if (earlier.get().eventId().equals(eventId)) {
                LOG.debug("funding event {} already applied", eventId);
            } else {
                LOG.warn("funding of {} at {} reported again by event {} (amount {}); applied once, by event {}",
                        paid.symbol(), paid.fundingTime(), eventId, paid.amount().toPlainString(),
                        earlier.get().eventId());
            }
            return Optional.empty();
        }
        Optional<Position> charged = open.filter(p -> charged(p, paid)).map(p -> {
            if (p.openQuantity().compareTo(paid.positionQuantity().abs()) != 0) {
                LOG.warn("funding of {} at {} charged {} but {} holds {}", paid.symbol(), paid.fundingTime(),
                        paid.positionQuantity().toPlainString(), p.positionId(), p.openQuantity().toPlainString());
            }
            LOG.info("funding {} {} on {} at {}", paid.amount().toPlainString(), paid.asset(), p.positionId(),
                    paid.fundingTime());
            return p.withFunding(paid.amount(), paid.fundingTime());
        });
        if (charged.isEmpty()) {
            LOG.warn("funding {} {} of {} at {} matches no open position: booked to the account only",
                    paid.amount().toPlainString(), paid.asset(), paid.symbol(), paid.fundingTime());
        }
        return Optional.of(new Settlement(charged, ledger.funded(paid.amount()), new FundingRecord(eventId,
                paid.symbol(), paid.fundingTime(), paid.amount(), charged.map(Position::positionId).orElse(null))));
    }

    /**
     * The exchange charged this position: it was open before the funding time (one opened at the funding time
     * pays nothing for it) and on the side of the charged quantity. Otherwise the payment is another position's.
     */
    private static boolean charged(Position position, FundingPaid paid) {
        Side charged = paid.positionQuantity().signum() > 0 ? Side.LONG : Side.SHORT;
        return position.side() == charged && position.openedAt().isBefore(paid.fundingTime());
    }
}
