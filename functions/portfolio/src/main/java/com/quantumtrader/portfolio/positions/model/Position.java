package com.quantumtrader.portfolio.positions.model;

import com.quantumtrader.events.OrderPurpose;
import com.quantumtrader.events.OrderSide;
import com.quantumtrader.events.Side;
import com.quantumtrader.events.execution.OrderFilled;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * One open position as portfolio keeps it (JSON in its store), on the average-cost method: entries add their cost
 * and fees to the open quantity; an exit realises its share of both, the last exit exactly what is left, so a
 * round trip's P&L carries no rounding. Funding is realised when the exchange settles it (it is cash on the
 * exchange) and is part of the trade's P&L.
 *
 * @param traceId          trace of the first entry fill: every later event of the position continues it
 * @param openQuantity     quantity still open
 * @param openCost         entry cost (price x quantity) of the open quantity
 * @param openEntryFees    entry fees of the open quantity not yet realised
 * @param enteredQuantity  total entered, for the average entry price
 * @param entryNotional    total entry cost, for the average entry price
 * @param fees             every fee paid on this position, entries and exits
 * @param realizedPnl      realised so far by partial exits (net of their fees) and funding
 * @param initialStop      the stop of the first entry fill (or from the ATR when it had none): the position's 1R
 * @param stopPrice        the protective stop on the exchange; null when execution placed none
 * @param breakEvenDone    the stop was moved to break-even (it is never moved there twice)
 * @param funding          funding the exchange settled on this position, negative = paid
 * @param fundingSettledAt the latest funding time settled on it (the opening time before any)
 * @param bestPrice        the most favourable close since entry (highest for a long), for the trailing stop
 * @param timeExitDone     the time exit was requested
 */
public record Position(
        String positionId,
        String symbol,
        Side side,
        String signalId,
        String strategyId,
        String modelId,
        String traceId,
        Instant openedAt,
        BigDecimal openQuantity,
        BigDecimal openCost,
        BigDecimal openEntryFees,
        BigDecimal enteredQuantity,
        BigDecimal entryNotional,
        BigDecimal exitedQuantity,
        BigDecimal exitNotional,
        BigDecimal fees,
        BigDecimal realizedPnl,
        BigDecimal initialStop,
        BigDecimal stopPrice,
        BigDecimal targetPrice,
        boolean breakEvenDone,
        BigDecimal funding,
        Instant fundingSettledAt,
        BigDecimal bestPrice,
        boolean timeExitDone) {

    public Position {
        funding = funding == null ? BigDecimal.ZERO : funding;
        fundingSettledAt = fundingSettledAt == null ? openedAt : fundingSettledAt;
    }

    static Position open(OrderFilled fill, String traceId, Instant openedAt, BigDecimal initialStop) {
        Side side = fill.side() == OrderSide.BUY ? Side.LONG : Side.SHORT;
        BigDecimal cost = fill.price().multiply(fill.quantity());
        return new Position("pos-" + fill.signalId(), fill.symbol(), side, fill.signalId(), fill.strategyId(),
                fill.modelId(), traceId, openedAt, fill.quantity(), cost, fill.fee(), fill.quantity(), cost,
                BigDecimal.ZERO, BigDecimal.ZERO, fill.fee(), BigDecimal.ZERO, initialStop, fill.stopPrice(),
                fill.targetPrice(), false, BigDecimal.ZERO, openedAt, fill.price(), false);
    }

    Position addEntry(OrderFilled fill) {
        BigDecimal cost = fill.price().multiply(fill.quantity());
        return new Position(positionId, symbol, side, signalId, strategyId, modelId, traceId, openedAt,
                openQuantity.add(fill.quantity()), openCost.add(cost), openEntryFees.add(fill.fee()),
                enteredQuantity.add(fill.quantity()), entryNotional.add(cost), exitedQuantity, exitNotional,
                fees.add(fill.fee()), realizedPnl, initialStop, stopPrice, targetPrice, breakEvenDone, funding,
                fundingSettledAt, bestPrice, timeExitDone);
    }

    /** Realises {@code quantity} (at most the open quantity) at {@code price}, paying {@code fee}. */
    Exit exit(BigDecimal quantity, BigDecimal price, BigDecimal fee) {
        boolean last = quantity.compareTo(openQuantity) >= 0;
        BigDecimal closed = last ? openQuantity : quantity;
        BigDecimal costShare = last ? openCost : share(openCost, closed);
        BigDecimal feeShare = last ? openEntryFees : share(openEntryFees, closed);
        BigDecimal proceeds = price.multiply(closed);
        BigDecimal pnl = proceeds.subtract(costShare).multiply(BigDecimal.valueOf(side.sign()))
                .subtract(feeShare).subtract(fee);
        Position after = new Position(positionId, symbol, side, signalId, strategyId, modelId, traceId, openedAt,
                openQuantity.subtract(closed), openCost.subtract(costShare), openEntryFees.subtract(feeShare),
                enteredQuantity, entryNotional, exitedQuantity.add(closed), exitNotional.add(proceeds),
                fees.add(fee), realizedPnl.add(pnl), initialStop, stopPrice, targetPrice, breakEvenDone, funding,
                fundingSettledAt, bestPrice, timeExitDone);
        return new Exit(after, pnl);
    }

    /** Funding the exchange settled at {@code at}: {@code amount} is signed as it affects P&L (negative = paid). */
    Position withFunding(BigDecimal amount, Instant at) {
        Instant latest = at.isAfter(fundingSettledAt) ? at : fundingSettledAt;
        return new Position(positionId, symbol, side, signalId, strategyId, modelId, traceId, openedAt, openQuantity,
                openCost, openEntryFees, enteredQuantity, entryNotional, exitedQuantity, exitNotional, fees,
                realizedPnl.add(amount), initialStop, stopPrice, targetPrice, breakEvenDone, funding.add(amount),
                latest, bestPrice, timeExitDone);
    }

    /** The stop moved to {@code newStop}; {@code breakEven} marks the break-even move as made. */
    public Position withStop(BigDecimal newStop, boolean breakEven, boolean timeExit) {
        return new Position(positionId, symbol, side, signalId, strategyId, modelId, traceId, openedAt, openQuantity,
                openCost, openEntryFees, enteredQuantity, entryNotional, exitedQuantity, exitNotional, fees,
                realizedPnl, initialStop, newStop, targetPrice, breakEvenDone || breakEven, funding,
                fundingSettledAt, bestPrice, timeExitDone || timeExit);
    }

    /** Remembers {@code close} when it is the most favourable close so far. */
    public Position withClose(BigDecimal close) {
        BigDecimal best = bestPrice == null ? averageEntryPrice() : bestPrice;
        boolean better = side == Side.LONG ? close.compareTo(best) > 0 : close.compareTo(best) < 0;
        if (!better && bestPrice != null) {
            return this;
        }
        return new Position(positionId, symbol, side, signalId, strategyId, modelId, traceId, openedAt, openQuantity,
                openCost, openEntryFees, enteredQuantity, entryNotional, exitedQuantity, exitNotional, fees,
                realizedPnl, initialStop, stopPrice, targetPrice, breakEvenDone, funding, fundingSettledAt,
                better ? close : best, timeExitDone);
    }

    public boolean flat() {
        return openQuantity.signum() == 0;
    }

    public BigDecimal averageEntryPrice() {
        return Money.ratio(entryNotional, enteredQuantity);
    }

    public BigDecimal averageExitPrice() {
        return Money.ratio(exitNotional, exitedQuantity);
    }

    /** |average entry - initial stop| x entered quantity; zero when the position had no stop. */
    public BigDecimal initialRisk() {
        return initialStop == null ? BigDecimal.ZERO
                : entryNotional.subtract(initialStop.multiply(enteredQuantity)).abs();
    }

    /** P&L of the open quantity at {@code mark}, net of the entry fees already paid for it. */
    public BigDecimal unrealizedPnl(BigDecimal mark) {
        return mark.multiply(openQuantity).subtract(openCost).multiply(BigDecimal.valueOf(side.sign()))
                .subtract(openEntryFees);
    }

    /** An exit fill's side must reduce this position. */
    boolean reducedBy(OrderFilled fill) {
        return fill.side() == side.exitSide() && fill.purpose() != OrderPurpose.ENTRY;
    }

    private BigDecimal share(BigDecimal total, BigDecimal closed) {
        return total.multiply(closed).divide(openQuantity, Money.WORKING_SCALE, Money.ROUNDING);
    }

    record Exit(Position position, BigDecimal pnl) {
    }
}
