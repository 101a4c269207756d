package com.quantumtrader.risk.model.pretrade;

import com.quantumtrader.core.instrument.Instrument;
import com.quantumtrader.events.ai.SignalGenerated;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The pre-trade checks of a signal, in the order they run: each a small named rule over the signal and the
 * {@link RiskSnapshot}, passing or naming the reason, the limit and the value. The first that fails decides.
 */
public final class PreTradeRules {

    /** One check. */
    @FunctionalInterface
    public interface Rule {
        RuleOutcome check(SignalGenerated signal, RiskSnapshot snapshot);
    }

    /** A check and the name it goes by (in logs, the README and tests). */
    public record NamedRule(String name, Rule rule) {
    }

    private static final BigDecimal BPS = new BigDecimal("10000");

    /** Every check, in the order it runs (the order of {@link RejectReason}). */
    public static final List<NamedRule> IN_ORDER = List.of(
            new NamedRule("emergency stop not latched", PreTradeRules::emergencyStopNotLatched),
            new NamedRule("circuit breaker not open", PreTradeRules::circuitBreakerNotOpen),
            new NamedRule("governor allows entries", PreTradeRules::governorAllowsEntries),
            new NamedRule("strategy enabled", PreTradeRules::strategyEnabled),
            new NamedRule("symbol in universe", PreTradeRules::symbolInUniverse),
            new NamedRule("symbol tradable in the policy", PreTradeRules::symbolTradableInPolicy),
            new NamedRule("signal consistent", PreTradeRules::signalConsistent),
            new NamedRule("confidence at least the minimum", PreTradeRules::confidenceAtLeastMinimum),
            new NamedRule("reference price within the collar", PreTradeRules::priceWithinCollar),
            new NamedRule("daily loss below the limit", PreTradeRules::dailyLossBelowLimit),
            new NamedRule("no losing-streak cooldown", PreTradeRules::noLossStreakCooldown),
            new NamedRule("no stop-out cooldown", PreTradeRules::noStopOutCooldown),
            new NamedRule("instrument tradable on the exchange", PreTradeRules::instrumentTradable));

    private PreTradeRules() {
    }

    /** The rejection of the first rule that fails, in {@link #IN_ORDER}; empty when every rule passes. */
    public static Optional<Rejection> firstFailure(SignalGenerated signal, RiskSnapshot snapshot) {
        for (NamedRule named : IN_ORDER) {
            if (named.rule().check(signal, snapshot) instanceof Rejection rejection) {
                return Optional.of(rejection);
            }
        }
        return Optional.empty();
    }

    static RuleOutcome emergencyStopNotLatched(SignalGenerated signal, RiskSnapshot snapshot) {
        return snapshot.emergencyLatch().<RuleOutcome>map(latch -> new Rejection(RejectReason.ESS_ACTIVE, "inactive",
                "latched", "emergency stop latched at " + latch.latchedAt() + ": " + latch.reason() + " "
                        + latch.value() + " >= " + latch.threshold())).orElse(RuleOutcome.PASS);
    }

    static RuleOutcome circuitBreakerNotOpen(SignalGenerated signal, RiskSnapshot snapshot) {
        if (snapshot.breakerPhase() != com.quantumtrader.risk.model.safety.BreakerPhase.OPEN) {
            return RuleOutcome.PASS;
        }
        var open = snapshot.lastBreaker().orElseThrow();
        return new Rejection(RejectReason.CIRCUIT_BREAKER_OPEN, "closed", "open until " + open.until(),
                open.cause() + ": " + open.detail());
    }

    static RuleOutcome governorAllowsEntries(SignalGenerated signal, RiskSnapshot snapshot) {
        if (!snapshot.governor().blocked()) {
            return RuleOutcome.PASS;
        }
        return new Rejection(RejectReason.GOVERNOR_BLOCKED, "healthy", "blocked",
                "safety governor blocks entries: " + String.join("; ", snapshot.governor().reasons()));
    }

    static RuleOutcome strategyEnabled(SignalGenerated signal, RiskSnapshot snapshot) {
        var policy = snapshot.policy();
        if (signal.strategyId() != null && policy.strategyEnabled(signal.strategyId())) {
            return RuleOutcome.PASS;
        }
        String state = signal.strategyId() != null && policy.strategies().containsKey(signal.strategyId())
                ? "disabled" : "unknown";
        return new Rejection(RejectReason.STRATEGY_DISABLED, "enabled", state,
                "strategy " + signal.strategyId() + " is " + state + " in the policy");
    }

    static RuleOutcome symbolInUniverse(SignalGenerated signal, RiskSnapshot snapshot) {
        List<String> universe = snapshot.policy().universe();
        if (universe.contains(signal.symbol())) {
            return RuleOutcome.PASS;
        }
        return new Rejection(RejectReason.SYMBOL_NOT_IN_UNIVERSE, String.join(",", universe), signal.symbol(),
                signal.symbol() + " is not in the policy's universe");
    }

    static RuleOutcome symbolTradableInPolicy(SignalGenerated signal, RiskSnapshot snapshot) {
        if (snapshot.limits().tradable()) {
            return RuleOutcome.PASS;
        }
        return new Rejection(RejectReason.SYMBOL_NOT_TRADABLE, "tradable", "not tradable",
                signal.symbol() + " is marked not tradable in the policy");
    }

    static RuleOutcome signalConsistent(SignalGenerated signal, RiskSnapshot snapshot) {
        return SignalConsistency.check(signal).<RuleOutcome>map(r -> r).orElse(RuleOutcome.PASS);
    }

    static RuleOutcome confidenceAtLeastMinimum(SignalGenerated signal, RiskSnapshot snapshot) {
        double minimum = snapshot.limits().minConfidence();
        if (!(signal.confidence() < minimum)) {
            return RuleOutcome.PASS;
        }
        return new Rejection(RejectReason.LOW_CONFIDENCE, Double.toString(minimum),
                Double.toString(signal.confidence()), "confidence below the minimum of " + snapshot.policy().riskMode());
    }

    static RuleOutcome priceWithinCollar(SignalGenerated signal, RiskSnapshot snapshot) {
        Optional<BigDecimal> latest = snapshot.latestPrice(signal.symbol());
        if (latest.isEmpty()) {
            return RuleOutcome.PASS;
        }
        int collar = snapshot.limits().priceCollarBps();
        BigDecimal bps = signal.referencePrice().subtract(latest.get()).abs().multiply(BPS)
                .divide(latest.get(), MathContext.DECIMAL64);
        if (bps.compareTo(BigDecimal.valueOf(collar)) <= 0) {
            return RuleOutcome.PASS;
        }
        return new Rejection(RejectReason.PRICE_COLLAR, collar + " bps",
                bps.setScale(2, RoundingMode.HALF_UP).toPlainString() + " bps",
                "reference " + signal.referencePrice().toPlainString() + " vs market " + latest.get().toPlainString());
    }

    static RuleOutcome dailyLossBelowLimit(SignalGenerated signal, RiskSnapshot snapshot) {
        BigDecimal lossToday = snapshot.tally().lossToday();
        BigDecimal dailyLimit = snapshot.limits().mode().dailyLossLimit().multiply(snapshot.policy().accountEquity());
        if (lossToday.compareTo(dailyLimit) < 0) {
            return RuleOutcome.PASS;
        }
        return new Rejection(RejectReason.DAILY_LOSS_LIMIT, dailyLimit.toPlainString(), lossToday.toPlainString(),
                "realised loss of " + snapshot.tally().day() + " reached the limit");
    }

    static RuleOutcome noLossStreakCooldown(SignalGenerated signal, RiskSnapshot snapshot) {
        var mode = snapshot.limits().mode();
        int streak = snapshot.tally().losingStreak();
        Optional<Instant> lastLoss = snapshot.tally().lastLossAt();
        if (streak < mode.maxConsecutiveLosses() || lastLoss.isEmpty()) {
            return RuleOutcome.PASS;
        }
        Instant resume = lastLoss.get().plus(Duration.ofMinutes(mode.lossStreakCooldownMinutes()));
        if (!snapshot.now().isBefore(resume)) {
            return RuleOutcome.PASS;
        }
        return new Rejection(RejectReason.LOSS_STREAK_COOLDOWN, Integer.toString(mode.maxConsecutiveLosses()),
                Integer.toString(streak), streak + " losing trades in a row; entries resume at " + resume);
    }

    static RuleOutcome noStopOutCooldown(SignalGenerated signal, RiskSnapshot snapshot) {
        Optional<Instant> stopOut = snapshot.stoppedOutAt();
        if (stopOut.isEmpty()) {
            return RuleOutcome.PASS;
        }
        int cooldown = snapshot.limits().mode().stopOutCooldownMinutes();
        Instant resume = stopOut.get().plus(Duration.ofMinutes(cooldown));
        if (!snapshot.now().isBefore(resume)) {
            return RuleOutcome.PASS;
        }
        return new Rejection(RejectReason.STOP_OUT_COOLDOWN, cooldown + " min",
                Duration.between(stopOut.get(), snapshot.now()).toMinutes() + " min",
                signal.symbol() + " was stopped out at " + stopOut.get() + "; entries resume at " + resume);
    }

    static RuleOutcome instrumentTradable(SignalGenerated signal, RiskSnapshot snapshot) {
        Optional<Instrument> instrument = snapshot.instrument();
        Optional<String> notTradable = instrument.isEmpty()
                ? Optional.of("no instrument data for " + signal.symbol() + " in " + snapshot.instrumentSource())
                : instrument.get().whyNotTradable();
        if (notTradable.isEmpty()) {
            return RuleOutcome.PASS;
        }
        return new Rejection(RejectReason.SYMBOL_NOT_TRADABLE, "a TRADING perpetual",
                instrument.map(i -> i.contractType() + " " + i.status()).orElse("not listed"), notTradable.get());
    }
}
