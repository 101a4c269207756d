package com.quantumtrader.risk.store;

import com.quantumtrader.risk.policy.RiskPolicy;
import com.quantumtrader.core.instrument.Instrument;
import com.quantumtrader.core.instrument.InstrumentCatalog;
import com.quantumtrader.core.policy.Policy;
import com.quantumtrader.events.ai.SignalGenerated;
import com.quantumtrader.risk.model.exposure.TradeTally;
import com.quantumtrader.risk.model.governor.SafetyGovernor;
import com.quantumtrader.risk.model.market.Close;
import com.quantumtrader.risk.model.pretrade.EffectiveLimits;
import com.quantumtrader.risk.model.pretrade.RiskSnapshot;
import com.quantumtrader.risk.model.safety.BreakerPhase;
import com.quantumtrader.risk.model.safety.CircuitBreakerState;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Loads the {@link RiskSnapshot} a signal is decided on, in one method: every read the pre-trade rules need, so
 * this is the one place to turn them into a single pipelined read later. Derived facts (effective limits, breaker
 * phase, governor verdict) are computed here by the pure model functions.
 */
public final class RiskSnapshotLoader {

    private final ExposureStore exposure;
    private final SafetySwitchStore switches;
    private final GovernorStore governor;
    private final TradeRecordStore trades;
    private final MarketStore market;
    private final InstrumentCatalog instruments;

    public RiskSnapshotLoader(ExposureStore exposure, SafetySwitchStore switches, GovernorStore governor,
                              TradeRecordStore trades, MarketStore market, InstrumentCatalog instruments) {
        this.exposure = exposure;
        this.switches = switches;
        this.governor = governor;
        this.trades = trades;
        this.market = market;
        this.instruments = instruments;
    }

    public RiskSnapshot load(SignalGenerated signal, Policy policy, Instant now) {
        String symbol = signal.symbol();
        Optional<CircuitBreakerState> breaker = switches.lastBreaker();
        BreakerPhase phase = BreakerPhase.at(breaker, now, RiskPolicy.of(policy).circuitBreaker());
        SafetyGovernor.Verdict verdict = SafetyGovernor.decide(policy, governor.reports(signal.modelId()),
                signal.modelId(), phase, now);
        Optional<Instrument> instrument = symbol == null ? Optional.empty() : instruments.find(symbol);
        return new RiskSnapshot(now, policy, EffectiveLimits.of(policy, symbol),
                exposure.reservation(signal.signalId()), switches.emergencyLatch(), breaker, phase, verdict,
                trades.tally(TradeTally.dayOf(now)),
                symbol == null ? Optional.empty() : trades.stoppedOutAt(symbol), exposure.realizedPnl(),
                instrument, instruments.source(), exposure.reservations(), closes(symbol, policy));
    }

    private Map<String, List<Close>> closes(String symbol, Policy policy) {
        Map<String, List<Close>> closes = new LinkedHashMap<>();
        if (symbol != null) {
            closes.put(symbol, market.closes(symbol));
        }
        for (String other : policy.universe()) {
            closes.computeIfAbsent(other, market::closes);
        }
        return Map.copyOf(closes);
    }
}
