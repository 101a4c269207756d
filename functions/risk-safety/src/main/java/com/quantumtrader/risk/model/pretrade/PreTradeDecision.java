package com.quantumtrader.risk.model.pretrade;

import com.quantumtrader.risk.policy.CorrelationPolicy;
import com.quantumtrader.risk.policy.RiskPolicy;
import com.quantumtrader.core.instrument.Instrument;
import com.quantumtrader.core.policy.Policy;
import com.quantumtrader.events.ai.SignalGenerated;
import com.quantumtrader.risk.model.exposure.Reservation;
import com.quantumtrader.risk.model.market.MarketReturns;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A signal's pre-trade decision before exposure: an earlier decision of the same signal stands; otherwise the
 * first failing {@link PreTradeRules rule} rejects it, and a signal that passes every rule is sized. What the
 * exposure limits leave of that size is decided by {@link #fitToRoom} over the counters the reservation reads.
 */
public final class PreTradeDecision {

    /** What the rules and sizing decided. */
    public sealed interface Outcome {
    }

    /** The signal was approved before with {@code quantity}: that decision stands. */
    public record Repeated(BigDecimal quantity) implements Outcome {
    }

    public record Rejected(Rejection rejection) implements Outcome {
    }

    /** Every rule passed; {@code quantity} is what risk allows before the exposure limits cut it. */
    public record Sized(BigDecimal quantity, Instrument instrument) implements Outcome {
    }

    private PreTradeDecision() {
    }

    public static Outcome decide(SignalGenerated signal, RiskSnapshot snapshot) {
        Optional<Reservation> earlier = snapshot.earlierDecision();
        if (earlier.isPresent()) {
            // the same signal again (a new event for it): the decision already made stands
            return new Repeated(earlier.get().quantity());
        }
        Optional<Rejection> refused = PreTradeRules.firstFailure(signal, snapshot);
        if (refused.isPresent()) {
            return new Rejected(refused.get());
        }
        Instrument instrument = snapshot.instrument().orElseThrow();
        Sizing sizing = PositionSizer.size(signal, snapshot.limits(), snapshot.equity(),
                snapshot.governor().multiplier(), instrument.stepSize());
        return sizing.isApproved() ? new Sized(sizing.quantity(), instrument) : new Rejected(sizing.rejection());
    }

    /**
     * The sized quantity cut to the tightest exposure room, in whole steps; rejected when not one step fits or the
     * entry's notional is below the instrument's minimum (the exchange would refuse it, and a refused order counts
     * toward the breaker).
     */
    public static Sizing fitToRoom(SignalGenerated signal, Sized sized, ExposureRoom room) {
        BigDecimal step = sized.instrument().stepSize();
        BigDecimal fitting = room.micros() <= 0 ? BigDecimal.ZERO : PositionSizer.toStep(
                new BigDecimal(room.micros()).divide(ExposureRoom.MICRO)
                        .divide(signal.referencePrice(), 18, RoundingMode.DOWN), step);
        BigDecimal quantity = sized.quantity().min(fitting);
        if (quantity.signum() <= 0) {
            return Sizing.rejected(noRoom(room, sized.quantity(), signal, step));
        }
        BigDecimal notional = quantity.multiply(signal.referencePrice());
        BigDecimal minNotional = sized.instrument().minNotional();
        if (notional.compareTo(minNotional) < 0) {
            return Sizing.rejected(new Rejection(RejectReason.SIZE_TOO_SMALL, minNotional.toPlainString(),
                    notional.stripTrailingZeros().toPlainString(), "quantity " + quantity.toPlainString() + " is "
                    + notional.stripTrailingZeros().toPlainString() + " USDT, below the minimum notional "
                    + minNotional.toPlainString() + " USDT of " + signal.symbol()));
        }
        return Sizing.approved(quantity);
    }

    private static Rejection noRoom(ExposureRoom room, BigDecimal sized, SignalGenerated signal,
                                    BigDecimal quantityStep) {
        String limit = ExposureRoom.usdt(room.maxMicros());
        BigDecimal step = quantityStep.multiply(signal.referencePrice());
        String value = new BigDecimal(room.usedMicros()).divide(ExposureRoom.MICRO)
                .add(sized.multiply(signal.referencePrice())).stripTrailingZeros().toPlainString();
        return new Rejection(room.reason(), limit, value, ExposureRoom.usdt(room.usedMicros())
                + " USDT used leaves no room for one step (" + step.toPlainString() + " USDT) within " + limit
                + " USDT; sized " + sized.toPlainString());
    }

    /** Names the signal that holds the symbol's position, so a position-already-open rejection says what blocks it. */
    public static Rejection explained(Rejection rejection, String symbol, List<Reservation> reservations) {
        if (rejection.reason() != RejectReason.POSITION_ALREADY_OPEN) {
            return rejection;
        }
        String holder = reservations.stream().filter(r -> r.symbol().equals(symbol)).findFirst()
                .map(Reservation::signalId).orElse("unknown");
        return new Rejection(rejection.reason(), rejection.limit(), rejection.value(),
                symbol + " already has a position of signal " + holder);
    }

    /** Whether a refusal of the atomic reservation is about notional room (worth one more try with a fresh read). */
    public static boolean isNotionalLimit(RejectReason reason) {
        return reason == RejectReason.MAX_POSITION_NOTIONAL || reason == RejectReason.MAX_LEVERAGE
                || reason == RejectReason.MAX_GROSS_EXPOSURE || reason == RejectReason.MAX_NET_EXPOSURE
                || reason == RejectReason.MAX_CORRELATED_EXPOSURE;
    }

    /** This symbol and every symbol of the universe whose returns correlate with it (or are too few to tell). */
    public static List<String> correlatedWith(String symbol, RiskSnapshot snapshot, MarketReturns returns) {
        Policy policy = snapshot.policy();
        CorrelationPolicy correlation = RiskPolicy.of(policy).correlation();
        List<String> correlated = new ArrayList<>();
        correlated.add(symbol);
        for (String other : policy.universe().stream().sorted().toList()) {
            if (other.equals(symbol)) {
                continue;
            }
            Optional<Double> rho = returns.correlation(snapshot.closes().getOrDefault(symbol, List.of()),
                    snapshot.closes().getOrDefault(other, List.of()), correlation.minBars());
            if (rho.isEmpty() || rho.get() >= correlation.threshold().doubleValue()) {
                correlated.add(other);
            }
        }
        return correlated;
    }
}
