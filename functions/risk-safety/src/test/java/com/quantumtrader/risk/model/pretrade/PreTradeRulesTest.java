package com.quantumtrader.risk.model.pretrade;

import static com.quantumtrader.risk.model.pretrade.RiskSnapshotFixture.NOW;
import static com.quantumtrader.risk.model.pretrade.RiskSnapshotFixture.aSnapshot;
import static com.quantumtrader.risk.model.pretrade.Signals.aLong;
import static org.assertj.core.api.Assertions.assertThat;

import com.quantumtrader.core.instrument.Instrument;
import com.quantumtrader.events.ai.SignalGenerated;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Each pre-trade rule on its own, over an in-memory snapshot: no store, no handler, no clock. */
class PreTradeRulesTest {

    private static Optional<Rejection> check(Signals signal, RiskSnapshotFixture snapshot) {
        return PreTradeRules.firstFailure(signal.build(), snapshot.build());
    }

    private static Rejection rejected(Signals signal, RiskSnapshotFixture snapshot) {
        return check(signal, snapshot).orElseThrow(() -> new AssertionError("expected a rejection"));
    }

    @Test
    void passesAConsistentSignalWhenNothingStandsInItsWay() {
        assertThat(check(aLong(), aSnapshot())).isEmpty();
    }

    @Test
    void runsTheRulesInTheOrderOfTheRejectReasons() {
        assertThat(PreTradeRules.IN_ORDER).extracting(PreTradeRules.NamedRule::name).containsExactly(
                "emergency stop not latched", "circuit breaker not open", "governor allows entries",
                "strategy enabled", "symbol in universe", "symbol tradable in the policy", "signal consistent",
                "confidence at least the minimum", "reference price within the collar", "daily loss below the limit",
                "no losing-streak cooldown", "no stop-out cooldown", "instrument tradable on the exchange");
        assertThat(Arrays.asList(RejectReason.values()).subList(0, 12)).containsExactly(
                RejectReason.ESS_ACTIVE, RejectReason.CIRCUIT_BREAKER_OPEN, RejectReason.GOVERNOR_BLOCKED,
                RejectReason.STRATEGY_DISABLED, RejectReason.SYMBOL_NOT_IN_UNIVERSE, RejectReason.SYMBOL_NOT_TRADABLE,
                RejectReason.INVALID_SIGNAL, RejectReason.LOW_CONFIDENCE, RejectReason.PRICE_COLLAR,
                RejectReason.DAILY_LOSS_LIMIT, RejectReason.LOSS_STREAK_COOLDOWN, RejectReason.STOP_OUT_COOLDOWN);
    }

    @Test
    void theFirstFailingRuleWins() {
        // given a latched stop, an open breaker, a disabled strategy and a low confidence all at once
        RiskSnapshotFixture snapshot = aSnapshot().emergencyStopLatched("DRAWDOWN", "0.25", "0.2")
                .breakerOpened(Duration.ofMinutes(5), Duration.ofHours(4), "ORDER_FAILURES")
                .policy("{\"strategies\":{\"ma_crossover\":false}}");
        // then only the first rule in order speaks
        assertThat(rejected(aLong().confidence(0.1), snapshot).reason()).isEqualTo(RejectReason.ESS_ACTIVE);
    }

    @Test
    void rejectsSignalWhenEmergencyStopLatched() {
        Rejection rejection = rejected(aLong(), aSnapshot().emergencyStopLatched("DRAWDOWN", "0.25", "0.2"));

        assertThat(rejection).isEqualTo(new Rejection(RejectReason.ESS_ACTIVE, "inactive", "latched",
                "emergency stop latched at 2024-03-01T11:00:00Z: DRAWDOWN 0.25 >= 0.2"));
    }

    @Test
    void rejectsSignalWhileCircuitBreakerOpen() {
        Rejection rejection = rejected(aLong(),
                aSnapshot().breakerOpened(Duration.ofMinutes(5), Duration.ofHours(4), "ORDER_FAILURES"));

        assertThat(rejection).isEqualTo(new Rejection(RejectReason.CIRCUIT_BREAKER_OPEN, "closed",
                "open until 2024-03-01T15:55:00Z", "ORDER_FAILURES: 3 order failures"));
    }

    @Test
    void passesSignalOnceTheBreakerIsHalfOpen() {
        // opened 4h05 ago for 4h: half-open for the policy's 60 minutes, which scales the size but rejects nothing
        assertThat(check(aLong(), aSnapshot().breakerOpened(Duration.ofMinutes(245), Duration.ofHours(4), "X")))
                .isEmpty();
    }

    @Test
    void rejectsSignalWhenGovernorBlocksEntries() {
        Rejection rejection = rejected(aLong(),
                aSnapshot().governor(BigDecimal.ZERO, true, "exchange unhealthy: ws down", "model model-1 degraded x0.5"));

        assertThat(rejection).isEqualTo(new Rejection(RejectReason.GOVERNOR_BLOCKED, "healthy", "blocked",
                "safety governor blocks entries: exchange unhealthy: ws down; model model-1 degraded x0.5"));
    }

    @Test
    void rejectsSignalOfDisabledStrategy() {
        Rejection rejection = rejected(aLong(), aSnapshot().policy("{\"strategies\":{\"ma_crossover\":false}}"));

        assertThat(rejection).isEqualTo(new Rejection(RejectReason.STRATEGY_DISABLED, "enabled", "disabled",
                "strategy ma_crossover is disabled in the policy"));
    }

    @Test
    void rejectsSignalOfUnknownOrMissingStrategy() {
        assertThat(rejected(aLong().strategy("moon_shot"), aSnapshot()).value()).isEqualTo("unknown");
        assertThat(rejected(aLong().strategy(null), aSnapshot()).message())
                .isEqualTo("strategy null is unknown in the policy");
    }

    @Test
    void rejectsSignalForSymbolOutsideTheUniverse() {
        Rejection rejection = rejected(aLong().symbol("SOLUSDT"), aSnapshot().forSymbol("SOLUSDT"));

        assertThat(rejection).isEqualTo(new Rejection(RejectReason.SYMBOL_NOT_IN_UNIVERSE, "BTCUSDT,ETHUSDT",
                "SOLUSDT", "SOLUSDT is not in the policy's universe"));
    }

    @Test
    void rejectsSignalForSymbolMarkedNotTradableInThePolicy() {
        Rejection rejection = rejected(aLong(), aSnapshot().policy("{\"symbols\":{\"BTCUSDT\":{\"tradable\":false}}}"));

        assertThat(rejection).isEqualTo(new Rejection(RejectReason.SYMBOL_NOT_TRADABLE, "tradable", "not tradable",
                "BTCUSDT is marked not tradable in the policy"));
    }

    @Test
    void rejectsSignalWhoseStopIsOnTheWinningSide() {
        Rejection rejection = rejected(aLong().prices("30000", "30600", "31200"), aSnapshot());

        assertThat(rejection).isEqualTo(new Rejection(RejectReason.INVALID_SIGNAL, "stop < reference < target",
                "stop=30600 reference=30000 target=31200",
                "the stop must be on the losing side and the target on the winning side"));
    }

    @Test
    void rejectsSignalBelowTheMinimumConfidence() {
        Rejection rejection = rejected(aLong().confidence(0.41), aSnapshot());

        assertThat(rejection).isEqualTo(new Rejection(RejectReason.LOW_CONFIDENCE, "0.42", "0.41",
                "confidence below the minimum of NORMAL"));
        assertThat(check(aLong().confidence(0.42), aSnapshot())).isEmpty();
    }

    @Test
    void rejectsSignalWhoseReferencePriceIsOutsideThePriceCollar() {
        // 30000 against a market at 29600 is 135.14 bps away; the collar is 100 bps
        Rejection rejection = rejected(aLong(), aSnapshot().lastClose("BTCUSDT", "29600"));

        assertThat(rejection).isEqualTo(new Rejection(RejectReason.PRICE_COLLAR, "100 bps", "135.14 bps",
                "reference 30000 vs market 29600"));
    }

    @Test
    void passesThePriceCollarWithinTheBandOrWithoutAMarketPrice() {
        assertThat(check(aLong(), aSnapshot().lastClose("BTCUSDT", "29800"))).isEmpty();
        assertThat(check(aLong(), aSnapshot().lastClose("ETHUSDT", "2000"))).isEmpty();
    }

    @Test
    void rejectsSignalWhenDailyLossLimitReached() {
        // 3 % of 10 000 USDT: a realised loss of 300 today reaches it
        Rejection rejection = rejected(aLong(), aSnapshot().realisedToday("-300"));

        assertThat(rejection).isEqualTo(new Rejection(RejectReason.DAILY_LOSS_LIMIT, "300.00", "300",
                "realised loss of 2024-03-01 reached the limit"));
        assertThat(check(aLong(), aSnapshot().realisedToday("-299.99"))).isEmpty();
    }

    @Test
    void rejectsSignalDuringTheLosingStreakCooldown() {
        Rejection rejection = rejected(aLong(), aSnapshot().losingStreak(4, NOW.minus(Duration.ofMinutes(59))));

        assertThat(rejection).isEqualTo(new Rejection(RejectReason.LOSS_STREAK_COOLDOWN, "4", "4",
                "4 losing trades in a row; entries resume at 2024-03-01T12:01:00Z"));
    }

    @Test
    void passesSignalOnceTheLosingStreakCooldownIsOverOrTheStreakIsShort() {
        assertThat(check(aLong(), aSnapshot().losingStreak(4, NOW.minus(Duration.ofMinutes(60))))).isEmpty();
        assertThat(check(aLong(), aSnapshot().losingStreak(3, NOW))).isEmpty();
    }

    @Test
    void rejectsSignalDuringTheStopOutCooldownOfItsSymbol() {
        Rejection rejection = rejected(aLong(), aSnapshot().stoppedOutAt(NOW.minus(Duration.ofMinutes(10))));

        assertThat(rejection).isEqualTo(new Rejection(RejectReason.STOP_OUT_COOLDOWN, "30 min", "10 min",
                "BTCUSDT was stopped out at 2024-03-01T11:50:00Z; entries resume at 2024-03-01T12:20:00Z"));
        assertThat(check(aLong(), aSnapshot().stoppedOutAt(NOW.minus(Duration.ofMinutes(30))))).isEmpty();
    }

    @Test
    void rejectsSignalForSymbolWithoutInstrumentData() {
        Rejection rejection = rejected(aLong(), aSnapshot().noInstrument());

        assertThat(rejection).isEqualTo(new Rejection(RejectReason.SYMBOL_NOT_TRADABLE, "a TRADING perpetual",
                "not listed", "no instrument data for BTCUSDT in the fixture's instruments"));
    }

    @Test
    void rejectsSignalForInstrumentNotTradingOnTheExchange() {
        Rejection rejection = rejected(aLong(), aSnapshot().instrument(
                RiskSnapshotFixture.perpetual("BTCUSDT", Instrument.PERPETUAL, "SETTLING")));

        assertThat(rejection).isEqualTo(new Rejection(RejectReason.SYMBOL_NOT_TRADABLE, "a TRADING perpetual",
                "PERPETUAL SETTLING", "BTCUSDT is SETTLING on the exchange, not TRADING"));
    }

    @Test
    void eachRuleSeesOnlyTheSnapshotItIsGiven() {
        // the same signal, two snapshots: the decision follows the snapshot, nothing is read behind its back
        SignalGenerated signal = aLong().build();
        RiskSnapshot calm = aSnapshot().build();
        RiskSnapshot latched = aSnapshot().emergencyStopLatched("MANUAL", "drill", "operator request").build();

        assertThat(PreTradeRules.firstFailure(signal, calm)).isEmpty();
        assertThat(PreTradeRules.firstFailure(signal, latched)).map(Rejection::reason).contains(RejectReason.ESS_ACTIVE);
        assertThat(PreTradeRules.firstFailure(signal, calm)).isEmpty();
    }
}
