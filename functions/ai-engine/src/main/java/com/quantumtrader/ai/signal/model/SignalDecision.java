package com.quantumtrader.ai.signal.model;

import com.quantumtrader.core.instrument.Instrument;
import com.quantumtrader.events.ai.SignalGenerated;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Turns the strategies' intents on one closed bar into at most one signal.
 * <ul>
 *   <li>An intent whose stop or target is on the wrong side of the close or off the tick grid is dropped (a broken
 *       strategy must not reach risk).</li>
 *   <li>Of the rest, the most confident wins; on a tie, the one planned first. One signal per symbol and bar: its
 *       id {@code sig-<symbol>-<bar close epoch seconds>} is deterministic, so a replayed bar can never make a
 *       second, different signal.</li>
 *   <li>The reference price is the close; the confidence is the intent's, rounded to 4 decimals. No quantity: risk
 *       sizes every signal.</li>
 * </ul>
 */
public final class SignalDecision {

    private SignalDecision() {
    }

    /** The signal, if any, and the intents dropped as inconsistent (for the log). */
    public record Outcome(Optional<SignalGenerated> signal, List<String> dropped) {
    }

    public static Outcome decide(String symbol, Instant closeTime, BigDecimal close, Instrument instrument,
                                 List<Candidate> candidates) {
        Candidate best = null;
        List<String> dropped = new java.util.ArrayList<>();
        for (Candidate candidate : candidates) {
            String problem = candidate.intent().inconsistencyWith(close, instrument.tickSize());
            if (problem != null) {
                dropped.add(candidate.strategyId() + ": " + problem);
            } else if (best == null || candidate.intent().confidence() > best.intent().confidence()) {
                best = candidate;
            }
        }
        if (best == null) {
            return new Outcome(Optional.empty(), dropped);
        }
        String signalId = "sig-" + symbol + "-" + closeTime.getEpochSecond();
        return new Outcome(Optional.of(SignalGenerated.unsized(signalId, symbol, best.intent().side(),
                Math.round(best.intent().confidence() * 1e4) / 1e4, close, best.intent().stop(), best.intent().target(),
                best.strategyId(), best.intent().producedBy())), dropped);
    }
}
