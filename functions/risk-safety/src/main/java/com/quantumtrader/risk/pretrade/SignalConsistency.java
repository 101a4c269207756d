package com.quantumtrader.risk.pretrade;

import com.quantumtrader.events.Side;
import com.quantumtrader.events.ai.SignalGenerated;
import java.math.BigDecimal;
import java.util.Optional;

/**
 * A signal risk can size: positive prices, a positive quantity when one is requested, a confidence in 0..1, and for
 * a long {@code stop < reference < target} (mirrored for a short), so the stop loses and the target wins.
 */
final class SignalConsistency {

    private SignalConsistency() {
    }

    static Optional<Rejection> check(SignalGenerated s) {
        if (s.side() == null) {
            return invalid("side LONG or SHORT", "none", "the signal has no side");
        }
        if (!positive(s.referencePrice()) || !positive(s.stopPrice()) || !positive(s.targetPrice())
                || (s.requestedQuantity() != null && !positive(s.requestedQuantity()))) {
            return invalid("prices and quantity > 0", figures(s) + " quantity=" + text(s.requestedQuantity()),
                    "prices and quantity must be positive");
        }
        if (!(s.confidence() >= 0.0 && s.confidence() <= 1.0)) {
            return invalid("0 <= confidence <= 1", Double.toString(s.confidence()), "confidence out of range");
        }
        boolean ordered = s.side() == Side.LONG
                ? s.stopPrice().compareTo(s.referencePrice()) < 0 && s.referencePrice().compareTo(s.targetPrice()) < 0
                : s.targetPrice().compareTo(s.referencePrice()) < 0 && s.referencePrice().compareTo(s.stopPrice()) < 0;
        if (!ordered) {
            String rule = s.side() == Side.LONG ? "stop < reference < target" : "target < reference < stop";
            return invalid(rule, figures(s), "the stop must be on the losing side and the target on the winning side");
        }
        return Optional.empty();
    }

    private static Optional<Rejection> invalid(String limit, String value, String message) {
        return Optional.of(new Rejection(RejectReason.INVALID_SIGNAL, limit, value, message));
    }

    private static String figures(SignalGenerated s) {
        return "stop=" + text(s.stopPrice()) + " reference=" + text(s.referencePrice()) + " target="
                + text(s.targetPrice());
    }

    private static boolean positive(BigDecimal value) {
        return value != null && value.signum() > 0;
    }

    private static String text(BigDecimal value) {
        return value == null ? "none" : value.toPlainString();
    }
}
