package com.quantumtrader.execution.orders.model;

import com.quantumtrader.events.OrderSide;
import com.quantumtrader.events.Side;
import com.quantumtrader.execution.exchange.SymbolRules;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;

/** How trades change the position execution holds, and the protection of a position it adopts. Pure. */
public final class PositionRules {

    private PositionRules() {
    }

    /** An entry trade of {@code lastQuantity} opens the position, or adds to the one already held. */
    public static TrackedPosition afterEntryTrade(Optional<TrackedPosition> held, ManagedOrder entry,
                                                  BigDecimal lastQuantity) {
        Side side = entry.side() == OrderSide.BUY ? Side.LONG : Side.SHORT;
        return held.map(existing -> existing.withQuantity(existing.quantity().add(lastQuantity)))
                .orElse(new TrackedPosition(entry.symbol(), entry.signalId(), entry.traceId(), side, lastQuantity,
                        null, null, 0));
    }

    /** What is left after {@code closed} of it traded away; empty when the position is flat. */
    public static Optional<TrackedPosition> afterClose(TrackedPosition position, BigDecimal closed) {
        BigDecimal left = position.quantity().subtract(closed);
        return left.signum() > 0 ? Optional.of(position.withQuantity(left)) : Optional.empty();
    }

    /** The side an order closing the position trades. */
    public static OrderSide exitSide(TrackedPosition position) {
        return position.side() == Side.LONG ? OrderSide.SELL : OrderSide.BUY;
    }

    /** Stop and take-profit of an adopted position, on the tick grid. */
    public record Protection(BigDecimal stop, BigDecimal target) {
    }

    /**
     * Protection for a position of sign {@code sign} (+1 long, -1 short) adopted at {@code price}: the stop
     * {@code stopFraction} against it, the target {@code targetFraction} for it.
     */
    public static Protection adoptedProtection(BigDecimal price, int sign, SymbolRules rules,
                                               BigDecimal stopFraction, BigDecimal targetFraction) {
        BigDecimal stop = rules.roundPrice(price.multiply(BigDecimal.ONE.subtract(
                stopFraction.multiply(BigDecimal.valueOf(sign)))), RoundingMode.HALF_EVEN);
        BigDecimal target = rules.roundPrice(price.multiply(BigDecimal.ONE.add(
                targetFraction.multiply(BigDecimal.valueOf(sign)))), RoundingMode.HALF_EVEN);
        return new Protection(stop, target);
    }
}
