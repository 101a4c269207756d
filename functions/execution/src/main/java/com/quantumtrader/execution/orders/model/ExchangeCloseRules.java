package com.quantumtrader.execution.orders.model;

import com.quantumtrader.events.OrderSide;
import java.math.BigDecimal;
import java.util.Optional;

/**
 * What a trade of an order the exchange placed on our position (liquidation, ADL) means: nothing to do (no
 * position of ours, or already applied), a mismatch (it trades the side that would grow the position), or a close
 * of the part not yet published, never more than the position holds. Pure.
 */
public final class ExchangeCloseRules {

    private ExchangeCloseRules() {
    }

    /** The outcome of one exchange-initiated trade. */
    public sealed interface Outcome permits NothingToClose, WrongSide, Close {
    }

    /** @param reason why nothing is closed, for the log */
    public record NothingToClose(String reason) implements Outcome {
    }

    /** The trade's side would not reduce the held position: not applied. */
    public record WrongSide(TrackedPosition position) implements Outcome {
    }

    /** Close {@code quantity} of {@code position}. */
    public record Close(TrackedPosition position, BigDecimal quantity) implements Outcome {
    }

    /**
     * @param held            the position execution holds in the symbol, if any
     * @param alreadyApplied  cumulative quantity of this exchange order already published
     * @param side            the side the exchange's order traded
     * @param cumulative      the exchange order's cumulative traded quantity
     */
    public static Outcome decide(Optional<TrackedPosition> held, BigDecimal alreadyApplied, OrderSide side,
                                 BigDecimal cumulative) {
        if (held.isEmpty()) {
            return new NothingToClose("no position of ours, nothing to close");
        }
        if (cumulative.compareTo(alreadyApplied) <= 0) {
            return new NothingToClose("already applied");
        }
        TrackedPosition position = held.get();
        if (side != PositionRules.exitSide(position)) {
            return new WrongSide(position);
        }
        return new Close(position, cumulative.subtract(alreadyApplied).min(position.quantity()));
    }
}
