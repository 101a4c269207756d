package com.quantumtrader.risk.pretrade;

import com.quantumtrader.core.handler.Emit;
import com.quantumtrader.risk.policy.RiskPolicy;
import com.quantumtrader.core.handler.EventHandler;
import com.quantumtrader.core.handler.InboundEvent;
import com.quantumtrader.core.instrument.Instrument;
import com.quantumtrader.core.instrument.InstrumentCatalog;
import com.quantumtrader.core.policy.Policy;
import com.quantumtrader.core.policy.PolicyReader;
import com.quantumtrader.core.reservation.ReservationOutcome;
import com.quantumtrader.events.EventCatalog;
import com.quantumtrader.events.ai.SignalGenerated;
import com.quantumtrader.events.risk.SignalApproved;
import com.quantumtrader.events.risk.SignalRejected;
import com.quantumtrader.risk.exposure.ExposureBook;
import com.quantumtrader.risk.exposure.Reservation;
import com.quantumtrader.risk.exposure.TradeRecord;
import com.quantumtrader.risk.governor.SafetyGovernor;
import com.quantumtrader.risk.lifecycle.LifecycleBook;
import com.quantumtrader.risk.market.MarketBook;
import com.quantumtrader.risk.safety.BreakerPhase;
import com.quantumtrader.risk.safety.SafetySwitches;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code ai.signal.generated}: runs the pre-trade checks in a fixed order (the first that fails names the reason,
 * the limit and the value), sizes the position (times the safety governor's multiplier), cuts it to the room the
 * exposure limits leave, and reserves it atomically in the reservation store, which refuses it if a concurrent
 * decision took the room first. Approves with the quantity risk allows.
 */
public final class GlobalRiskController implements EventHandler {

    private static final Logger LOG = LoggerFactory.getLogger(GlobalRiskController.class);
    private static final BigDecimal BPS = new BigDecimal("10000");

    private final Clock clock;
    private final PolicyReader policy;
    private final ExposureBook exposure;
    private final SafetySwitches switches;
    private final SafetyGovernor governor;
    private final MarketBook market;
    private final TradeRecord trades;
    private final LifecycleBook lifecycle;
    private final InstrumentCatalog instruments;

    public GlobalRiskController(Clock clock, PolicyReader policy, ExposureBook exposure, SafetySwitches switches,
                                SafetyGovernor governor, MarketBook market, TradeRecord trades,
                                LifecycleBook lifecycle, InstrumentCatalog instruments) {
        this.clock = clock;
        this.policy = policy;
        this.exposure = exposure;
        this.switches = switches;
        this.governor = governor;
        this.market = market;
        this.trades = trades;
        this.lifecycle = lifecycle;
        this.instruments = instruments;
    }

    @Override
    public List<Emit> handle(InboundEvent event) {
        SignalGenerated signal = event.payload(EventCatalog.AI_SIGNAL_GENERATED);
        Instant now = clock.instant();
        lifecycle.start(event.traceId(), signal.signalId(), signal.symbol(), now);
        Emit decision = decide(signal, policy.current(), now);
        if (decision.payload() instanceof SignalApproved approved) {
            lifecycle.advance(signal.signalId(), LifecycleBook.APPROVED, now,
                    approved.approvedQuantity().toPlainString());
        } else {
            SignalRejected rejected = (SignalRejected) decision.payload();
            lifecycle.advance(signal.signalId(), LifecycleBook.REJECTED, now, rejected.reasonCode());
        }
        return List.of(decision);
    }

    private Emit decide(SignalGenerated signal, Policy current, Instant now) {
        Optional<Reservation> earlier = exposure.reservation(signal.signalId());
        if (earlier.isPresent()) {
            // the same signal again (a new event for it): the decision already made stands
            return approve(signal, earlier.get().quantity());
        }
        EffectiveLimits limits = EffectiveLimits.of(current, signal.symbol());
        BreakerPhase breaker = switches.breakerPhase(now, RiskPolicy.of(current).circuitBreaker());
        SafetyGovernor.Verdict verdict = governor.decide(current, signal.modelId(), breaker, now);
        Optional<Rejection> refused = firstFailedCheck(signal, current, limits, breaker, verdict, now);
        if (refused.isPresent()) {
            return reject(signal, refused.get());
        }
        Optional<Instrument> instrument = instruments.find(signal.symbol());
        Optional<String> notTradable = instrument.isEmpty()
                ? Optional.of("no instrument data for " + signal.symbol() + " in " + instruments.source())
                : instrument.get().whyNotTradable();
        if (notTradable.isPresent()) {
            return reject(signal, new Rejection(RejectReason.SYMBOL_NOT_TRADABLE, "a TRADING perpetual",
                    instrument.map(i -> i.contractType() + " " + i.status()).orElse("not listed"), notTradable.get()));
        }
        BigDecimal step = instrument.get().stepSize();
        BigDecimal equity = exposure.equity(current);
        Sizing sizing = PositionSizer.size(signal, limits, equity, verdict.multiplier(), step);
        if (!sizing.isApproved()) {
            return reject(signal, sizing.rejection());
        }
        ExposurePlan plan = new ExposurePlan(current, limits, signal.symbol(), signal.side(), equity,
                correlatedWith(signal.symbol(), current), now);
        // Two attempts: the room read before reserving may be taken by a concurrent decision in between.
        Rejection last = null;
        for (int attempt = 0; attempt < 2; attempt++) {
            var values = exposure.counters().values(plan.counters());
            Optional<Rejection> full = plan.fullCount(values);
            if (full.isPresent()) {
                return reject(signal, explained(full.get(), signal.symbol()));
            }
            ExposurePlan.Room room = plan.room(values);
            BigDecimal fitting = room.micros() <= 0 ? BigDecimal.ZERO : PositionSizer.toStep(
                    new BigDecimal(room.micros()).divide(ExposurePlan.MICRO)
                            .divide(signal.referencePrice(), 18, RoundingMode.DOWN), step);
            BigDecimal quantity = sizing.quantity().min(fitting);
            if (quantity.signum() <= 0) {
                return reject(signal, noRoom(plan, room, sizing.quantity(), signal, step));
            }
            BigDecimal notional = quantity.multiply(signal.referencePrice());
            BigDecimal minNotional = instrument.get().minNotional();
            if (notional.compareTo(minNotional) < 0) {
                // the exchange would refuse the entry (MIN_NOTIONAL), and a refused order counts toward the breaker
                return reject(signal, new Rejection(RejectReason.SIZE_TOO_SMALL, minNotional.toPlainString(),
                        notional.stripTrailingZeros().toPlainString(), "quantity " + quantity.toPlainString() + " is "
                        + notional.stripTrailingZeros().toPlainString() + " USDT, below the minimum notional "
                        + minNotional.toPlainString() + " USDT of " + signal.symbol()));
            }
            ReservationOutcome outcome = exposure.counters().reserve(plan.request(signal.signalId(), notional));
            if (outcome instanceof ReservationOutcome.Granted) {
                exposure.describe(new Reservation(signal.signalId(), signal.symbol(), signal.side(), quantity,
                        notional, now));
                LOG.info("approved {} {} {} qty={} (requested {}) equity={} governor x{} {}", signal.signalId(),
                        signal.symbol(), signal.side(), quantity.toPlainString(),
                        signal.requestedQuantity() == null ? "none" : signal.requestedQuantity().toPlainString(),
                        equity.toPlainString(),
                        verdict.multiplier().toPlainString(), verdict.reasons());
                return approve(signal, quantity);
            }
            if (outcome instanceof ReservationOutcome.Duplicate) {
                return reject(signal, new Rejection(RejectReason.INVALID_SIGNAL, "a new signal id", signal.signalId(),
                        "signal " + signal.signalId() + " was decided and released before"));
            }
            last = plan.rejection((ReservationOutcome.Refused) outcome);
            if (last.reason() != RejectReason.MAX_POSITION_NOTIONAL && last.reason() != RejectReason.MAX_LEVERAGE
                    && last.reason() != RejectReason.MAX_GROSS_EXPOSURE && last.reason() != RejectReason.MAX_NET_EXPOSURE
                    && last.reason() != RejectReason.MAX_CORRELATED_EXPOSURE) {
                break;
            }
        }
        return reject(signal, last);
    }

    /** Names the signal that holds the symbol's position, so the rejection says what blocks it. */
    private Rejection explained(Rejection rejection, String symbol) {
        if (rejection.reason() != RejectReason.POSITION_ALREADY_OPEN) {
            return rejection;
        }
        String holder = exposure.reservations().stream().filter(r -> r.symbol().equals(symbol)).findFirst()
                .map(Reservation::signalId).orElse("unknown");
        return new Rejection(rejection.reason(), rejection.limit(), rejection.value(),
                symbol + " already has a position of signal " + holder);
    }

    private static Rejection noRoom(ExposurePlan plan, ExposurePlan.Room room, BigDecimal sized,
                                    SignalGenerated signal, BigDecimal quantityStep) {
        RejectReason reason = RejectReason.valueOf(room.limit().name());
        String limit = ExposurePlan.usdt(room.limit().max());
        BigDecimal step = quantityStep.multiply(signal.referencePrice());
        String value = new BigDecimal(room.used()).divide(ExposurePlan.MICRO)
                .add(sized.multiply(signal.referencePrice())).stripTrailingZeros().toPlainString();
        return new Rejection(reason, limit, value, ExposurePlan.usdt(room.used()) + " USDT used leaves no room for "
                + "one step (" + step.toPlainString() + " USDT) within " + limit + " USDT; sized " + sized.toPlainString());
    }

    /** This symbol and every symbol of the universe whose returns correlate with it (or are too few to tell). */
    private List<String> correlatedWith(String symbol, Policy current) {
        List<String> correlated = new ArrayList<>();
        correlated.add(symbol);
        for (String other : current.universe().stream().sorted().toList()) {
            if (other.equals(symbol)) {
                continue;
            }
            Optional<Double> rho = market.correlation(symbol, other, RiskPolicy.of(current).correlation().minBars());
            if (rho.isEmpty() || rho.get() >= RiskPolicy.of(current).correlation().threshold().doubleValue()) {
                correlated.add(other);
            }
        }
        return correlated;
    }

    private Optional<Rejection> firstFailedCheck(SignalGenerated signal, Policy current, EffectiveLimits limits,
                                                 BreakerPhase breaker, SafetyGovernor.Verdict verdict, Instant now) {
        var latch = switches.emergencyLatch();
        if (latch.isPresent()) {
            return Optional.of(new Rejection(RejectReason.ESS_ACTIVE, "inactive", "latched",
                    "emergency stop latched at " + latch.get().latchedAt() + ": " + latch.get().reason() + " "
                            + latch.get().value() + " >= " + latch.get().threshold()));
        }
        if (breaker == BreakerPhase.OPEN) {
            var open = switches.openBreaker(now).orElseThrow();
            return Optional.of(new Rejection(RejectReason.CIRCUIT_BREAKER_OPEN, "closed",
                    "open until " + open.until(), open.cause() + ": " + open.detail()));
        }
        if (verdict.blocked()) {
            return Optional.of(new Rejection(RejectReason.GOVERNOR_BLOCKED, "healthy", "blocked",
                    "safety governor blocks entries: " + String.join("; ", verdict.reasons())));
        }
        if (signal.strategyId() == null || !current.strategyEnabled(signal.strategyId())) {
            String state = signal.strategyId() != null && current.strategies().containsKey(signal.strategyId())
                    ? "disabled" : "unknown";
            return Optional.of(new Rejection(RejectReason.STRATEGY_DISABLED, "enabled", state,
                    "strategy " + signal.strategyId() + " is " + state + " in the policy"));
        }
        if (!current.universe().contains(signal.symbol())) {
            return Optional.of(new Rejection(RejectReason.SYMBOL_NOT_IN_UNIVERSE,
                    String.join(",", current.universe()), signal.symbol(),
                    signal.symbol() + " is not in the policy's universe"));
        }
        if (!limits.tradable()) {
            return Optional.of(new Rejection(RejectReason.SYMBOL_NOT_TRADABLE, "tradable", "not tradable",
                    signal.symbol() + " is marked not tradable in the policy"));
        }
        Optional<Rejection> invalid = SignalConsistency.check(signal);
        if (invalid.isPresent()) {
            return invalid;
        }
        if (signal.confidence() < limits.minConfidence()) {
            return Optional.of(new Rejection(RejectReason.LOW_CONFIDENCE, Double.toString(limits.minConfidence()),
                    Double.toString(signal.confidence()), "confidence below the minimum of " + current.riskMode()));
        }
        Optional<BigDecimal> latest = market.latestPrice(signal.symbol());
        if (latest.isPresent()) {
            BigDecimal bps = signal.referencePrice().subtract(latest.get()).abs().multiply(BPS)
                    .divide(latest.get(), MathContext.DECIMAL64);
            if (bps.compareTo(BigDecimal.valueOf(limits.priceCollarBps())) > 0) {
                return Optional.of(new Rejection(RejectReason.PRICE_COLLAR, limits.priceCollarBps() + " bps",
                        bps.setScale(2, RoundingMode.HALF_UP).toPlainString() + " bps",
                        "reference " + signal.referencePrice().toPlainString() + " vs market "
                                + latest.get().toPlainString()));
            }
        }
        BigDecimal lossToday = trades.pnlOn(TradeRecord.day(now)).negate();
        BigDecimal dailyLimit = limits.mode().dailyLossLimit().multiply(current.accountEquity());
        if (lossToday.compareTo(dailyLimit) >= 0) {
            return Optional.of(new Rejection(RejectReason.DAILY_LOSS_LIMIT, dailyLimit.toPlainString(),
                    lossToday.toPlainString(), "realised loss of " + TradeRecord.day(now) + " reached the limit"));
        }
        int streak = trades.losingStreak();
        Optional<Instant> lastLoss = trades.lastLossAt();
        if (streak >= limits.mode().maxConsecutiveLosses() && lastLoss.isPresent() && now.isBefore(
                lastLoss.get().plus(Duration.ofMinutes(limits.mode().lossStreakCooldownMinutes())))) {
            return Optional.of(new Rejection(RejectReason.LOSS_STREAK_COOLDOWN,
                    Integer.toString(limits.mode().maxConsecutiveLosses()), Integer.toString(streak),
                    streak + " losing trades in a row; entries resume at " + lastLoss.get().plus(
                            Duration.ofMinutes(limits.mode().lossStreakCooldownMinutes()))));
        }
        Optional<Instant> stopOut = trades.stoppedOutAt(signal.symbol());
        if (stopOut.isPresent()) {
            Instant resume = stopOut.get().plus(Duration.ofMinutes(limits.mode().stopOutCooldownMinutes()));
            if (now.isBefore(resume)) {
                return Optional.of(new Rejection(RejectReason.STOP_OUT_COOLDOWN,
                        limits.mode().stopOutCooldownMinutes() + " min",
                        Duration.between(stopOut.get(), now).toMinutes() + " min",
                        signal.symbol() + " was stopped out at " + stopOut.get() + "; entries resume at " + resume));
            }
        }
        return Optional.empty();
    }

    private static Emit approve(SignalGenerated signal, BigDecimal quantity) {
        return Emit.of(EventCatalog.RISK_SIGNAL_APPROVED, new SignalApproved(signal.signalId(),
                signal.symbol(), signal.side(), quantity, signal.referencePrice(), signal.stopPrice(),
                signal.targetPrice(), signal.strategyId(), signal.modelId()));
    }

    private static Emit reject(SignalGenerated signal, Rejection rejection) {
        LOG.info("rejected {} {} {}: {} limit={} value={} ({})", signal.signalId(), signal.symbol(), signal.side(),
                rejection.reason(), rejection.limit(), rejection.value(), rejection.message());
        return Emit.of(EventCatalog.RISK_SIGNAL_REJECTED, new SignalRejected(signal.signalId(), signal.symbol(),
                signal.side(), rejection.reason().name(), rejection.limit(), rejection.value(), rejection.message()));
    }
}
