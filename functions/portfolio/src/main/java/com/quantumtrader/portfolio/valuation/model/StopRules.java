package com.quantumtrader.portfolio.valuation.model;

import com.quantumtrader.events.Side;
import com.quantumtrader.portfolio.positions.model.Position;
import com.quantumtrader.portfolio.settings.PortfolioSettings;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The dynamic stop of an open position at a bar close, in this order:
 * <ol>
 * <li>time exit: held {@code maxHolding} or longer, the stop moves to the close (on the triggering side), so the
 * next bar closes the position through execution's stop order; once;</li>
 * <li>break-even: the close is {@code breakEvenAtR} R in favour, the stop moves to the average entry; once;</li>
 * <li>trailing: the best close is {@code trailingStartR} R in favour, the stop follows it at
 * {@code trailingAtrMultiple} ATRs (1R while no ATR is known).</li>
 * </ol>
 * The tightest of break-even and trailing wins; a stop only ever tightens, always stays behind the close, and
 * moves by at least a tick. R is |average entry - initial stop| per unit. Pure: state in, decision out.
 */
public final class StopRules {

    public static final String BREAK_EVEN = "BREAK_EVEN";
    public static final String TRAILING = "TRAILING";
    public static final String TIME_EXIT = "TIME_EXIT";

    private final PortfolioSettings settings;

    public StopRules(PortfolioSettings settings) {
        this.settings = settings;
    }

    /** A move of the stop, and whether it makes (or passes) the break-even move, or is the time exit. */
    public record StopMove(BigDecimal newStop, String reason, boolean breakEven, boolean timeExit) {
    }

    /** The position after the bar (break-even marked even when no move was needed) and the move, if any. */
    public record Decision(Position position, Optional<StopMove> move) {
    }

    /**
     * @param tickSize the instrument's tick; without one the stop stays where it is (a stop off the exchange's
     *                 grid would be rejected)
     */
    public Decision decide(Position position, BigDecimal close, Optional<BigDecimal> atr,
                           Optional<BigDecimal> tickSize, Instant now) {
        BigDecimal current = position.stopPrice();
        if (current == null || tickSize.isEmpty()) {
            return new Decision(position, Optional.empty()); // no protective order to move, or no grid for it
        }
        BigDecimal tick = tickSize.get();
        Side side = position.side();
        if (!position.timeExitDone()
                && Duration.between(position.openedAt(), now).compareTo(settings.maxHolding()) >= 0) {
            BigDecimal exitStop = Ticks.exitNowStop(tick, side, close);
            StopMove move = new StopMove(exitStop, TIME_EXIT, false, true);
            return new Decision(position.withStop(exitStop, false, true), Optional.of(move));
        }
        if (position.timeExitDone() || position.initialStop() == null) {
            return new Decision(position, Optional.empty());
        }
        BigDecimal entry = position.averageEntryPrice();
        BigDecimal oneR = entry.subtract(position.initialStop()).abs();
        if (oneR.signum() == 0) {
            return new Decision(position, Optional.empty());
        }
        BigDecimal sign = BigDecimal.valueOf(side.sign());
        boolean breakEvenReached = !position.breakEvenDone()
                && close.subtract(entry).multiply(sign).compareTo(oneR.multiply(settings.breakEvenAtR())) >= 0;
        BigDecimal breakEven = breakEvenReached ? Ticks.breakEvenStop(tick, side, entry) : null;
        BigDecimal best = position.bestPrice() == null ? close : position.bestPrice();
        BigDecimal trailing = null;
        if (best.subtract(entry).multiply(sign).compareTo(oneR.multiply(settings.trailingStartR())) >= 0) {
            BigDecimal distance = atr.map(a -> a.multiply(settings.trailingAtrMultiple())).orElse(oneR);
            trailing = Ticks.trailingStop(tick, side, best.subtract(distance.multiply(sign)));
        }
        BigDecimal chosen = null;
        String reason = null;
        for (BigDecimal candidate : new BigDecimal[] {breakEven, trailing}) {
            if (candidate != null && behind(side, candidate, close) && tighter(side, candidate, current)
                    && (chosen == null || tighter(side, candidate, chosen))) {
                chosen = candidate;
                reason = candidate == trailing ? TRAILING : BREAK_EVEN;
            }
        }
        if (breakEvenReached && breakEven != null && !behind(side, breakEven, close) && chosen == null) {
            return new Decision(position, Optional.empty()); // 1R is under a tick: wait until the stop fits
        }
        if (chosen == null) {
            return new Decision(breakEvenReached ? position.withStop(current, true, false) : position,
                    Optional.empty());
        }
        StopMove move = new StopMove(chosen, reason, breakEvenReached, false);
        return new Decision(position.withStop(chosen, breakEvenReached, false), Optional.of(move));
    }

    /** The stop is on the losing side of the close: a long's stop below it, a short's above. */
    private static boolean behind(Side side, BigDecimal stop, BigDecimal close) {
        return side == Side.LONG ? stop.compareTo(close) < 0 : stop.compareTo(close) > 0;
    }

    private static boolean tighter(Side side, BigDecimal candidate, BigDecimal than) {
        return side == Side.LONG ? candidate.compareTo(than) > 0 : candidate.compareTo(than) < 0;
    }
}
