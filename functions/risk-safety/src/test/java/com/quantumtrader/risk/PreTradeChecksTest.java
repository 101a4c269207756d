package com.quantumtrader.risk;

import static com.quantumtrader.risk.PolicyChanges.maxLeverage;
import static com.quantumtrader.risk.PolicyChanges.maxOpenPositions;
import static com.quantumtrader.risk.PolicyChanges.minConfidence;
import static com.quantumtrader.risk.PolicyChanges.riskPerTrade;
import static com.quantumtrader.risk.PolicyChanges.strategy;
import static com.quantumtrader.risk.PolicyChanges.universe;
import static com.quantumtrader.risk.SignalBuilder.aLongOn;
import static com.quantumtrader.risk.SignalBuilder.aSignal;
import static org.assertj.core.api.Assertions.assertThat;

import com.quantumtrader.events.Side;
import com.quantumtrader.events.ai.SignalGenerated;
import com.quantumtrader.events.risk.SignalApproved;
import com.quantumtrader.events.risk.SignalRejected;
import java.math.BigDecimal;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** global_risk_controller: each check passes at or just inside its limit and rejects beyond it, with figures. */
class PreTradeChecksTest {

    private final RiskFixture risk = new RiskFixture();

    @Test
    void approvesConsistentSignalCarryingItsPricesAndIds() {
        SignalGenerated signal = aSignal().build();

        SignalApproved approved = risk.approved(signal);

        assertThat(approved.signalId()).isEqualTo(signal.signalId());
        assertThat(approved.symbol()).isEqualTo("BTCUSDT");
        assertThat(approved.side()).isEqualTo(Side.LONG);
        assertThat(approved.referencePrice()).isEqualByComparingTo("30000");
        assertThat(approved.stopPrice()).isEqualByComparingTo("29400");
        assertThat(approved.targetPrice()).isEqualByComparingTo("31200");
        assertThat(approved.strategyId()).isEqualTo("ma_crossover");
        assertThat(approved.modelId()).isEqualTo("model-1");
    }

    @Test
    void cutsQuantityToMaxPositionNotional() {
        // risk budget 0.01 * 10000 = 100 over a 600 stop distance = 0.1666 BTC;
        // notional cap 2500 / 30000 = 0.08333 BTC; asked 1 BTC -> 0.08333 rounded down to the step = 0.083
        SignalApproved approved = risk.approved(aSignal().quantity("1").build());

        assertThat(approved.approvedQuantity()).isEqualByComparingTo("0.083");
    }

    @Test
    void sizesByRiskPerTradeWhenTheStopIsFar() {
        // 100 / |30000 - 27000| = 0.03333 BTC (below the 0.08333 notional cap) -> 0.033
        SignalApproved approved = risk.approved(aSignal().stop("27000").target("36000").build());

        assertThat(approved.approvedQuantity()).isEqualByComparingTo("0.033");
    }

    @Test
    void keepsTheRequestedQuantityWhenItIsTheSmallestRoundedDownToTheStep() {
        SignalApproved approved = risk.approved(aSignal().quantity("0.0509").build());

        assertThat(approved.approvedQuantity()).isEqualByComparingTo("0.050");
    }

    @Test
    void roundsDownToTheStepNeverToTheNearest() {
        // cap 2500 / 2345.67 = 1.06579...; 1.066 would be 2500.48 of notional, over the cap -> 1.065
        // (risk 100 / 45.67 = 2.18962 does not bind)
        SignalApproved approved = risk.approved(aSignal().symbol("ETHUSDT").reference("2345.67").stop("2300")
                .target("2400").quantity("5").build());

        assertThat(approved.approvedQuantity()).isEqualByComparingTo("1.065");
        assertThat(approved.approvedQuantity().multiply(approved.referencePrice())).isLessThanOrEqualTo(
                new BigDecimal("2500"));
    }

    @ParameterizedTest(name = "confidence {0} against minimum 0.42 -> {1}")
    @CsvSource({
            "0.42,   risk.signal.approved",
            "0.4201, risk.signal.approved",
            "0.4199, risk.signal.rejected",
            "0.0,    risk.signal.rejected"})
    void appliesTheMinimumConfidenceOfTheActiveRiskMode(double confidence, String outcome) {
        assertThat(risk.signal(aSignal().confidence(confidence).build()))
                .extracting(e -> e.type().name()).containsExactly(outcome);
    }

    @Test
    void rejectsLowConfidenceWithLimitAndValue() {
        risk.withPolicy(minConfidence(0.7));

        SignalRejected rejected = risk.rejected(aSignal().confidence(0.6999).build());

        assertThat(rejected.reasonCode()).isEqualTo("LOW_CONFIDENCE");
        assertThat(rejected.limit()).isEqualTo("0.7");
        assertThat(rejected.value()).isEqualTo("0.6999");
    }

    @Test
    void rejectsAStrategyThePolicyDisablesOrDoesNotKnow() {
        risk.withPolicy(strategy("ma_crossover", false));

        SignalRejected disabled = risk.rejected(aSignal().build());
        SignalRejected unknown = risk.rejected(aSignal().strategy("breakout").build());

        assertThat(disabled.reasonCode()).isEqualTo("STRATEGY_DISABLED");
        assertThat(disabled.limit()).isEqualTo("enabled");
        assertThat(disabled.value()).isEqualTo("disabled");
        assertThat(unknown.reasonCode()).isEqualTo("STRATEGY_DISABLED");
        assertThat(unknown.value()).isEqualTo("unknown");
    }

    @Test
    void rejectsASymbolOutsideTheUniverse() {
        SignalRejected rejected = risk.rejected(aLongOn("SOLUSDT", "100").build());

        assertThat(rejected.reasonCode()).isEqualTo("SYMBOL_NOT_IN_UNIVERSE");
        assertThat(rejected.limit()).isEqualTo("BTCUSDT,ETHUSDT");
        assertThat(rejected.value()).isEqualTo("SOLUSDT");
    }

    static Stream<Arguments> inconsistentSignals() {
        return Stream.of(
                Arguments.of("long with the stop above the reference", aSignal().stop("30100")),
                Arguments.of("long with the stop at the reference", aSignal().stop("30000")),
                Arguments.of("long with the target below the reference", aSignal().target("29900")),
                Arguments.of("short with the stop below the reference",
                        aSignal().side(Side.SHORT).stop("29400").target("28800")),
                Arguments.of("short with the target above the reference",
                        aSignal().side(Side.SHORT).stop("30600").target("31200")),
                Arguments.of("zero reference price", aSignal().reference("0")),
                Arguments.of("negative stop", aSignal().stop("-1")),
                Arguments.of("missing target", aSignal().target(null)),
                Arguments.of("zero quantity", aSignal().quantity("0")),
                Arguments.of("negative quantity", aSignal().quantity("-0.5")),
                Arguments.of("confidence above 1", aSignal().confidence(1.01)),
                Arguments.of("confidence not a number", aSignal().confidence(Double.NaN)),
                Arguments.of("no side", aSignal().side(null)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("inconsistentSignals")
    void rejectsAnInconsistentSignal(String description, SignalBuilder signal) {
        SignalRejected rejected = risk.rejected(signal.build());

        assertThat(rejected.reasonCode()).isEqualTo("INVALID_SIGNAL");
        assertThat(rejected.limit()).isNotBlank();
        assertThat(rejected.value()).isNotBlank();
    }

    @Test
    void namesTheFiguresOfAnInconsistentSignal() {
        SignalRejected rejected = risk.rejected(aSignal().stop("30100").build());

        assertThat(rejected.limit()).isEqualTo("stop < reference < target");
        assertThat(rejected.value()).isEqualTo("stop=30100 reference=30000 target=31200");
    }

    @Test
    void acceptsAConsistentShort() {
        SignalApproved approved = risk.approved(aSignal().side(Side.SHORT).stop("30600").target("28800").build());

        assertThat(approved.side()).isEqualTo(Side.SHORT);
        assertThat(approved.approvedQuantity()).isEqualByComparingTo("0.083");
    }

    @Test
    void rejectsASecondSignalForASymbolWithAReservedPosition() {
        SignalApproved first = risk.approved(aSignal().build());

        SignalRejected second = risk.rejected(aSignal().side(Side.SHORT).stop("30600").target("28800").build());

        assertThat(second.reasonCode()).isEqualTo("POSITION_ALREADY_OPEN");
        assertThat(second.limit()).isEqualTo("1");
        assertThat(second.message()).contains(first.signalId());
    }

    @Test
    void approvesUpToTheMaximumOfOpenPositionsAndRejectsAtIt() {
        risk.withPolicy(universe("BTCUSDT", "ETHUSDT", "SOLUSDT", "XRPUSDT"), maxOpenPositions(3));
        risk.approved(aLongOn("BTCUSDT", "30000").build());
        risk.approved(aLongOn("ETHUSDT", "2000").build());

        risk.approved(aLongOn("SOLUSDT", "100").build()); // 2 open, one under the limit of 3
        SignalRejected fourth = risk.rejected(aLongOn("XRPUSDT", "0.5").build());

        assertThat(fourth.reasonCode()).isEqualTo("MAX_OPEN_POSITIONS");
        assertThat(fourth.limit()).isEqualTo("3");
        assertThat(fourth.value()).isEqualTo("3");
    }

    @Test
    void approvesExactlyToMaxLeverageThenRejects() {
        // max gross = 0.5 * 10000 = 5000; risk budget 0.05 * 10000 = 500 never binds here
        risk.withPolicy(universe("BTCUSDT", "ETHUSDT", "SOLUSDT", "XRPUSDT"), maxLeverage("0.5"),
                riskPerTrade("0.05"));
        assertThat(risk.approved(aLongOn("BTCUSDT", "30000").build()).approvedQuantity())
                .isEqualByComparingTo("0.083"); // 2490 of notional
        assertThat(risk.approved(aLongOn("ETHUSDT", "2000").build()).approvedQuantity())
                .isEqualByComparingTo("1.25"); // 2500 of notional, gross 4990

        SignalApproved fits = risk.approved(aLongOn("SOLUSDT", "100").quantity("0.1").build());
        SignalRejected none = risk.rejected(aLongOn("XRPUSDT", "0.5").build());

        assertThat(fits.approvedQuantity()).isEqualByComparingTo("0.1"); // gross exactly 5000: allowed
        assertThat(none.reasonCode()).isEqualTo("MAX_LEVERAGE");
        assertThat(new BigDecimal(none.limit())).isEqualByComparingTo("5000");
        // 5000 reserved + 5000 XRP (the 2500 notional cap at 0.5) * 0.5
        assertThat(new BigDecimal(none.value())).isEqualByComparingTo("7500");
    }

    @Test
    void cutsTheQuantityToWhatFitsUnderMaxLeverage() {
        risk.withPolicy(universe("BTCUSDT", "ETHUSDT", "SOLUSDT"), maxLeverage("0.5"), riskPerTrade("0.05"));
        risk.approved(aLongOn("BTCUSDT", "30000").build());
        risk.approved(aLongOn("ETHUSDT", "2000").build());

        // SOL would be 25 (2500 / 100) but only 5000 - 4990 = 10 of room is left: 10 / 100 = 0.1
        SignalApproved cut = risk.approved(aLongOn("SOLUSDT", "100").build());

        assertThat(cut.approvedQuantity()).isEqualByComparingTo("0.100");
    }

    @Test
    void rejectsAQuantityThatRoundsToZero() {
        SignalRejected rejected = risk.rejected(aSignal().quantity("0.0009").build());
        // BTCUSDT at 30000: 0.003 is 90 USDT, under its 100 USDT minimum notional; 0.004 is 120
        SignalRejected belowMinNotional = risk.rejected(aSignal().quantity("0.003").build());
        SignalApproved smallest = risk.approved(aSignal().quantity("0.004").build());

        assertThat(rejected.reasonCode()).isEqualTo("SIZE_TOO_SMALL");
        assertThat(rejected.limit()).isEqualTo("0.001");
        assertThat(rejected.value()).isEqualTo("0.00090000");
        assertThat(belowMinNotional.reasonCode()).isEqualTo("SIZE_TOO_SMALL");
        assertThat(belowMinNotional.limit()).isEqualTo("100");
        assertThat(smallest.approvedQuantity()).isEqualByComparingTo("0.004");
    }

    static Stream<Arguments> signalsFailingSeveralChecks() {
        return Stream.of(
                Arguments.of("disabled strategy before unknown symbol",
                        aLongOn("SOLUSDT", "100").strategy("breakout"), "STRATEGY_DISABLED"),
                Arguments.of("unknown symbol before inconsistent prices",
                        aSignal().symbol("SOLUSDT").stop("40000"), "SYMBOL_NOT_IN_UNIVERSE"),
                Arguments.of("inconsistent prices before low confidence",
                        aSignal().stop("40000").confidence(0.1), "INVALID_SIGNAL"),
                Arguments.of("low confidence before a too small size",
                        aSignal().confidence(0.1).quantity("0.0001"), "LOW_CONFIDENCE"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("signalsFailingSeveralChecks")
    void reportsTheFirstFailedCheckInOrder(String description, SignalBuilder signal, String reason) {
        assertThat(risk.rejected(signal.build()).reasonCode()).isEqualTo(reason);
    }

    @Test
    void reportsAnOpenPositionBeforeTheMaximumOfOpenPositions() {
        risk.withPolicy(maxOpenPositions(1));
        risk.approved(aSignal().build());

        assertThat(risk.rejected(aSignal().build()).reasonCode()).isEqualTo("POSITION_ALREADY_OPEN");
        assertThat(risk.rejected(aLongOn("ETHUSDT", "2000").build()).reasonCode()).isEqualTo("MAX_OPEN_POSITIONS");
    }
}
