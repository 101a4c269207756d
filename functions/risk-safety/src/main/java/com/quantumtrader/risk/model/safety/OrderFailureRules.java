package com.quantumtrader.risk.model.safety;

import com.quantumtrader.risk.policy.CircuitBreakerPolicy;
import com.quantumtrader.risk.policy.EmergencyPolicy;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * What one order failure does to the safety switches, in order: N failures in a row latch the emergency stop, so
 * does the exchange unreachable for longer than the policy allows; any failure while the breaker is half-open
 * reopens it; N failures within its window trip it.
 */
public final class OrderFailureRules {

    public static final String CAUSE = "ORDER_FAILURES";
    public static final String HALF_OPEN_FAILURE = "HALF_OPEN_FAILURE";
    public static final String CONSECUTIVE_FAILURES = "CONSECUTIVE_ORDER_FAILURES";
    public static final String EXCHANGE_UNREACHABLE = "EXCHANGE_UNREACHABLE";
    /** Error codes that say the exchange could not be reached (ours, and Binance's disconnect and timeout). */
    public static final Set<String> UNREACHABLE_CODES = Set.of("EXCHANGE_UNREACHABLE", "TIMEOUT", "-1001", "-1007");
    /**
     * An IOC entry that found no price within its limit ({@code EXPIRED_UNFILLED}) and a post-only order that would
     * have taken ({@code POST_ONLY_REJECTED}, Binance -5022): outcomes of the market, not failures of the exchange.
     */
    public static final Set<String> MARKET_OUTCOMES = Set.of("EXPIRED_UNFILLED", "POST_ONLY_REJECTED");

    private OrderFailureRules() {
    }

    /**
     * One failure, as the stores know it once it is counted.
     *
     * @param failuresInARow   this one included
     * @param unreachableSince when the exchange was first found unreachable, if it still is
     * @param window           the failures within the breaker's window before this one
     */
    public record Failure(String errorCode, String symbol, Instant at, long failuresInARow,
                          Optional<Instant> unreachableSince, BreakerPhase phase, FailureWindow window) {
    }

    /** What the failure does. */
    public sealed interface Outcome {
    }

    /** Latch the emergency stop: {@code figure value >= threshold}. The failure window is left as it is. */
    public record Emergency(String reason, String figure, String value, String threshold) implements Outcome {
    }

    /** Open (or extend) the circuit breaker; the failure window starts over. */
    public record Trip(String cause, String detail, boolean reopened) implements Outcome {
    }

    /** Nothing trips: the failure is counted in the window. */
    public record Counted(FailureWindow window) implements Outcome {
    }

    public static Outcome decide(Failure failure, EmergencyPolicy emergency, CircuitBreakerPolicy breaker) {
        if (failure.failuresInARow() >= emergency.maxConsecutiveOrderFailures()) {
            return new Emergency(CONSECUTIVE_FAILURES, "order failures in a row",
                    Long.toString(failure.failuresInARow()), Integer.toString(emergency.maxConsecutiveOrderFailures()));
        }
        if (failure.unreachableSince().isPresent() && UNREACHABLE_CODES.contains(failure.errorCode())) {
            long minutes = Duration.between(failure.unreachableSince().get(), failure.at()).toMinutes();
            if (minutes >= emergency.exchangeUnreachableMinutes()) {
                return new Emergency(EXCHANGE_UNREACHABLE, "exchange unreachable for", minutes + " min",
                        emergency.exchangeUnreachableMinutes() + " min");
            }
        }
        if (failure.phase() == BreakerPhase.HALF_OPEN) {
            return new Trip(HALF_OPEN_FAILURE, failure.errorCode() + " on " + failure.symbol() + " while half-open",
                    true);
        }
        FailureWindow window = failure.window().with(failure.at(), Duration.ofMinutes(breaker.windowMinutes()));
        int inWindow = window.size();
        if (inWindow < breaker.maxOrderFailures() || failure.phase() == BreakerPhase.OPEN) {
            return new Counted(window);
        }
        return new Trip(CAUSE, inWindow + " order failures within " + breaker.windowMinutes() + " min (limit "
                + breaker.maxOrderFailures() + "), last " + failure.errorCode() + " on " + failure.symbol(), false);
    }
}
