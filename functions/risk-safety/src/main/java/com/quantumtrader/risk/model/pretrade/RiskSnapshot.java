package com.quantumtrader.risk.model.pretrade;

import com.quantumtrader.core.instrument.Instrument;
import com.quantumtrader.core.policy.Policy;
import com.quantumtrader.risk.model.exposure.Reservation;
import com.quantumtrader.risk.model.exposure.TradeTally;
import com.quantumtrader.risk.model.governor.SafetyGovernor;
import com.quantumtrader.risk.model.market.Close;
import com.quantumtrader.risk.model.safety.BreakerPhase;
import com.quantumtrader.risk.model.safety.CircuitBreakerState;
import com.quantumtrader.risk.model.safety.EmergencyLatch;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything the pre-trade rules and sizing decide a signal on, loaded once before any of them runs (the store
 * package's snapshot loader). The atomic reservation re-checks the exposure counters afterwards.
 *
 * @param now             the clock's time of the decision
 * @param limits          the mode's limits tightened by the signal symbol's overrides
 * @param earlierDecision the reservation of this very signal, when it was approved before (a repeated signal)
 * @param lastBreaker     the circuit breaker's last opening, open or not any more
 * @param breakerPhase    where the breaker stands at {@code now}
 * @param governor        the safety governor's verdict for the signal's model (system and model health, breaker)
 * @param tally           the day's realised P&L and the losing streak
 * @param stoppedOutAt    when the signal's symbol was last stopped out
 * @param realizedPnl     realised P&L of every closed position (equity = the policy's account equity plus it)
 * @param instrument      the exchange's reference data of the symbol, when listed
 * @param instrumentSource where the instrument data comes from (for the rejection's message)
 * @param reservations    every open reservation, by signal id
 * @param closes          recent closes of the signal's symbol and of every universe symbol
 */
public record RiskSnapshot(
        Instant now,
        Policy policy,
        EffectiveLimits limits,
        Optional<Reservation> earlierDecision,
        Optional<EmergencyLatch> emergencyLatch,
        Optional<CircuitBreakerState> lastBreaker,
        BreakerPhase breakerPhase,
        SafetyGovernor.Verdict governor,
        TradeTally tally,
        Optional<Instant> stoppedOutAt,
        BigDecimal realizedPnl,
        Optional<Instrument> instrument,
        String instrumentSource,
        List<Reservation> reservations,
        Map<String, List<Close>> closes) {

    /** The equity positions are sized against. */
    public BigDecimal equity() {
        return policy.accountEquity().add(realizedPnl);
    }

    /** The symbol's latest close, when risk has seen one. */
    public Optional<BigDecimal> latestPrice(String symbol) {
        List<Close> known = closes.getOrDefault(symbol, List.of());
        return known.isEmpty() ? Optional.empty() : Optional.of(known.get(known.size() - 1).price());
    }
}
