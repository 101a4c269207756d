package com.quantumtrader.risk.model.pretrade;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.quantumtrader.core.instrument.Instrument;
import com.quantumtrader.core.policy.Policy;
import com.quantumtrader.core.policy.PolicyDefaults;
import com.quantumtrader.core.policy.PolicyValidator;
import com.quantumtrader.events.EventJson;
import com.quantumtrader.risk.model.exposure.Reservation;
import com.quantumtrader.risk.model.exposure.TradeTally;
import com.quantumtrader.risk.model.governor.HealthReports;
import com.quantumtrader.risk.model.governor.SafetyGovernor;
import com.quantumtrader.risk.model.market.Close;
import com.quantumtrader.risk.model.safety.BreakerPhase;
import com.quantumtrader.risk.model.safety.CircuitBreakerState;
import com.quantumtrader.risk.model.safety.EmergencyLatch;
import com.quantumtrader.risk.policy.RiskPolicy;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A {@link RiskSnapshot} built in memory, no store: by default the shipped policy (NORMAL mode, 10 000 USDT equity,
 * BTCUSDT and ETHUSDT), nothing latched or open, a healthy governor, no losses, BTCUSDT listed as a TRADING perpetual
 * with a 0.001 step and a 100 USDT minimum notional.
 */
final class RiskSnapshotFixture {

    static final Instant NOW = Instant.parse("2024-03-01T12:00:00Z");

    private Policy policy = PolicyDefaults.load();
    private String symbol = "BTCUSDT";
    private Optional<Reservation> earlierDecision = Optional.empty();
    private Optional<EmergencyLatch> latch = Optional.empty();
    private Optional<CircuitBreakerState> breaker = Optional.empty();
    private SafetyGovernor.Verdict governor;
    private BigDecimal pnlToday = BigDecimal.ZERO;
    private int losingStreak;
    private Optional<Instant> lastLossAt = Optional.empty();
    private Optional<Instant> stoppedOutAt = Optional.empty();
    private Optional<Instrument> instrument = Optional.of(perpetual("BTCUSDT", Instrument.PERPETUAL, Instrument.TRADING));
    private final List<Reservation> reservations = new ArrayList<>();
    private final Map<String, List<Close>> closes = new LinkedHashMap<>();

    private RiskSnapshotFixture() {
    }

    static RiskSnapshotFixture aSnapshot() {
        return new RiskSnapshotFixture();
    }

    /** The shipped policy with a JSON merge patch applied and validated, as an operator's update would be. */
    RiskSnapshotFixture policy(String patchJson) {
        ObjectNode tree = (ObjectNode) EventJson.tree(policy);
        merge(tree, (ObjectNode) EventJson.readTree(patchJson));
        policy = PolicyValidator.validate(tree);
        return this;
    }

    /** The symbol the limits are effective for (the signal's). */
    RiskSnapshotFixture forSymbol(String value) {
        symbol = value;
        return this;
    }

    RiskSnapshotFixture earlierDecision(String signalId, String quantity) {
        earlierDecision = Optional.of(new Reservation(signalId, symbol, com.quantumtrader.events.Side.LONG,
                new BigDecimal(quantity), new BigDecimal(quantity).multiply(new BigDecimal("30000")), NOW));
        return this;
    }

    RiskSnapshotFixture emergencyStopLatched(String reason, String value, String threshold) {
        latch = Optional.of(new EmergencyLatch(reason, value, threshold, NOW.minus(Duration.ofHours(1))));
        return this;
    }

    /** The breaker opened {@code ago} for {@code lasting}. */
    RiskSnapshotFixture breakerOpened(Duration ago, Duration lasting, String cause) {
        Instant opened = NOW.minus(ago);
        breaker = Optional.of(new CircuitBreakerState(cause, "3 order failures", opened, opened.plus(lasting)));
        return this;
    }

    RiskSnapshotFixture governor(BigDecimal multiplier, boolean blocked, String... reasons) {
        governor = new SafetyGovernor.Verdict(multiplier, blocked, List.of(reasons));
        return this;
    }

    RiskSnapshotFixture realisedToday(String pnl) {
        pnlToday = new BigDecimal(pnl);
        return this;
    }

    RiskSnapshotFixture losingStreak(int trades, Instant lastLoss) {
        losingStreak = trades;
        lastLossAt = Optional.of(lastLoss);
        return this;
    }

    RiskSnapshotFixture stoppedOutAt(Instant at) {
        stoppedOutAt = Optional.of(at);
        return this;
    }

    RiskSnapshotFixture noInstrument() {
        instrument = Optional.empty();
        return this;
    }

    RiskSnapshotFixture instrument(Instrument value) {
        instrument = Optional.of(value);
        return this;
    }

    RiskSnapshotFixture lastClose(String symbolClosed, String price) {
        closes.put(symbolClosed, List.of(new Close(NOW.minus(Duration.ofMinutes(1)), new BigDecimal(price))));
        return this;
    }

    RiskSnapshotFixture openReservation(String signalId, String symbolHeld) {
        reservations.add(new Reservation(signalId, symbolHeld, com.quantumtrader.events.Side.LONG,
                new BigDecimal("0.05"), new BigDecimal("1500"), NOW));
        return this;
    }

    RiskSnapshot build() {
        BreakerPhase phase = BreakerPhase.at(breaker, NOW, RiskPolicy.of(policy).circuitBreaker());
        SafetyGovernor.Verdict verdict = governor != null ? governor
                : SafetyGovernor.decide(policy, HealthReports.none(), "model-1", phase, NOW);
        return new RiskSnapshot(NOW, policy, EffectiveLimits.of(policy, symbol), earlierDecision, latch, breaker, phase,
                verdict, new TradeTally(TradeTally.dayOf(NOW), pnlToday, losingStreak, lastLossAt), stoppedOutAt,
                BigDecimal.ZERO, instrument, "the fixture's instruments", List.copyOf(reservations), Map.copyOf(closes));
    }

    static Instrument perpetual(String symbol, String contractType, String status) {
        return new Instrument(symbol, symbol, contractType, status, new BigDecimal("0.1"), null, null,
                new BigDecimal("0.001"), null, null, null, null, new BigDecimal("100"), null, null, null, null);
    }

    private static void merge(ObjectNode target, ObjectNode patch) {
        patch.fields().forEachRemaining(field -> {
            if (field.getValue().isObject() && target.get(field.getKey()) instanceof ObjectNode inner) {
                merge(inner, (ObjectNode) field.getValue());
            } else {
                target.set(field.getKey(), field.getValue());
            }
        });
    }
}
