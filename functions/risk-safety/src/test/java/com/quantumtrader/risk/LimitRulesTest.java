package com.quantumtrader.risk;

import static com.quantumtrader.risk.PolicyChanges.patched;
import static com.quantumtrader.risk.SignalBuilder.aLongOn;
import static com.quantumtrader.risk.SignalBuilder.aShortOn;
import static com.quantumtrader.risk.SignalBuilder.aSignal;
import static org.assertj.core.api.Assertions.assertThat;

import com.quantumtrader.events.risk.SignalApproved;
import com.quantumtrader.events.risk.SignalRejected;
import java.math.BigDecimal;
import java.time.Duration;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * One rule at a time of global_risk_controller (default NORMAL policy, equity 10000 USDT, unless patched): the rule
 * lets a signal through just inside its limit, and refuses at or beyond it with its reason code, the limit and the
 * value that hit it. "Maximum" limits are inclusive (a notional exactly at the maximum is allowed, a larger request
 * is cut to the room left); counts and cooldowns refuse the one that would make them exceeded.
 */
class LimitRulesTest {

    private final RiskFixture risk = new RiskFixture();

    @Nested
    class PriceCollar {

        // latest BTCUSDT close 30000; NORMAL collar 100 bps = 300 USDT either way
        @ParameterizedTest(name = "reference {0} -> {1} ({2})")
        @CsvSource({
                "29701, APPROVED, ",
                "30299, APPROVED, ",
                "30300, APPROVED, ",
                "30301, PRICE_COLLAR, 100.33 bps",
                "29699, PRICE_COLLAR, 100.33 bps",
                "33000, PRICE_COLLAR, 1000.00 bps"})
        void refusesAReferencePriceBeyondTheCollarOfTheLatestClose(String reference, String outcome, String value) {
            risk.bar("BTCUSDT", "30000");

            var out = risk.signal(aSignal().reference(reference).stop("29000").target("34000").build());

            if (outcome.equals("APPROVED")) {
                assertThat(out.get(0).payload()).isInstanceOf(SignalApproved.class);
            } else {
                SignalRejected rejected = (SignalRejected) out.get(0).payload();
                assertThat(rejected.reasonCode()).isEqualTo(outcome);
                assertThat(rejected.limit()).isEqualTo("100 bps");
                assertThat(rejected.value()).isEqualTo(value);
                assertThat(rejected.message()).contains("vs market 30000");
            }
        }

        @Test
        void aSymbolsOwnCollarTightensTheModes() {
            risk.withPolicy(patched("{\"symbols\": {\"BTCUSDT\": {\"price_collar_bps\": 20}}}"));
            risk.bar("BTCUSDT", "30000");

            risk.approved(aSignal().reference("30060").build()); // 20 bps: at the collar
            SignalRejected over = risk.rejected(aSignal().reference("30061").build());

            assertThat(over.reasonCode()).isEqualTo("PRICE_COLLAR");
            assertThat(over.limit()).isEqualTo("20 bps");
            assertThat(over.value()).isEqualTo("20.33 bps");
        }
    }

    @Nested
    class DailyLossLimit {

        // NORMAL daily_loss_limit 0.03 of 10000 = 300 USDT realised today
        @Test
        void stopsEntriesWhenTheDaysRealisedLossReachesTheLimitUntilTheNextUtcDay() {
            risk.positionClosed(risk.approved(aSignal().build()), "-299.99");
            risk.advance(Duration.ofMinutes(1));
            SignalApproved justUnder = risk.approved(aSignal().build());

            risk.positionClosed(justUnder, "-0.01");
            risk.advance(Duration.ofMinutes(1));
            SignalRejected atLimit = risk.rejected(aLongOn("ETHUSDT", "2000").build());

            assertThat(atLimit.reasonCode()).isEqualTo("DAILY_LOSS_LIMIT");
            assertThat(new BigDecimal(atLimit.limit())).isEqualByComparingTo("300");
            assertThat(new BigDecimal(atLimit.value())).isEqualByComparingTo("300");
            assertThat(atLimit.message()).contains("2024-03-01");

            risk.advance(Duration.ofDays(1));
            risk.approved(aSignal().build());
        }
    }

    @Nested
    class LosingStreakCooldown {

        // NORMAL: 4 losing trades in a row stop entries for 60 minutes from the last loss
        private void losingTrade() {
            risk.advance(Duration.ofMinutes(1));
            risk.positionClosed(risk.approved(aSignal().build()), "-1");
        }

        @Test
        void threeLossesInARowStillTrade() {
            losingTrade();
            losingTrade();
            losingTrade();
            risk.advance(Duration.ofMinutes(1));

            risk.approved(aSignal().build());
        }

        @Test
        void theFourthLossStopsEntriesForTheCooldown() {
            for (int i = 0; i < 4; i++) {
                losingTrade();
            }
            Duration sinceStart = Duration.ofMinutes(4);

            SignalRejected rejected = risk.rejected(aLongOn("ETHUSDT", "2000").build());
            risk.advance(Duration.ofMinutes(59));
            SignalRejected stillCooling = risk.rejected(aSignal().build());
            risk.advance(Duration.ofMinutes(1));
            SignalApproved resumed = risk.approved(aSignal().build());

            assertThat(rejected.reasonCode()).isEqualTo("LOSS_STREAK_COOLDOWN");
            assertThat(rejected.limit()).isEqualTo("4");
            assertThat(rejected.value()).isEqualTo("4");
            assertThat(rejected.message()).contains("resume at " + RiskFixture.START.plus(sinceStart).plus(
                    Duration.ofMinutes(60)));
            assertThat(stillCooling.reasonCode()).isEqualTo("LOSS_STREAK_COOLDOWN");
            assertThat(resumed.approvedQuantity()).isPositive();
        }

        @Test
        void aWinningTradeEndsTheStreak() {
            losingTrade();
            losingTrade();
            losingTrade();
            risk.advance(Duration.ofMinutes(1));
            risk.positionClosed(risk.approved(aSignal().build()), "5");
            losingTrade();
            risk.advance(Duration.ofMinutes(1));

            risk.approved(aSignal().build());
        }
    }

    @Nested
    class StopOutCooldown {

        // NORMAL: a stopped-out symbol takes no entry for 30 minutes; other symbols trade on
        @Test
        void blocksTheStoppedOutSymbolOnlyAndOnlyForTheCooldown() {
            risk.positionClosed(risk.approved(aSignal().build()), "-10", "STOP_LOSS");
            risk.advance(Duration.ofMinutes(29));

            SignalRejected blocked = risk.rejected(aSignal().build());
            SignalApproved other = risk.approved(aLongOn("ETHUSDT", "2000").build());
            risk.advance(Duration.ofMinutes(1));
            SignalApproved resumed = risk.approved(aSignal().build());

            assertThat(blocked.reasonCode()).isEqualTo("STOP_OUT_COOLDOWN");
            assertThat(blocked.limit()).isEqualTo("30 min");
            assertThat(blocked.value()).isEqualTo("29 min");
            assertThat(other.approvedQuantity()).isPositive();
            assertThat(resumed.approvedQuantity()).isPositive();
        }

        @Test
        void aLiquidationStartsTheCooldownLikeAStop() {
            risk.positionClosed(risk.approved(aSignal().build()), "-10", "LIQUIDATION");
            risk.advance(Duration.ofMinutes(1));

            assertThat(risk.rejected(aSignal().build()).reasonCode()).isEqualTo("STOP_OUT_COOLDOWN");
        }

        @Test
        void aTakeProfitExitStartsNoCooldown() {
            risk.positionClosed(risk.approved(aSignal().build()), "-10", "TAKE_PROFIT");
            risk.advance(Duration.ofMinutes(1));

            risk.approved(aSignal().build());
        }
    }

    @Nested
    class OrderRate {

        /** An approval whose position closes at once (flat): only the rate counters remember it. */
        private void roundTrip(SignalBuilder signal) {
            risk.positionClosed(risk.approved(signal.build()), "0");
        }

        @Test
        void allowsTheMaximumOfApprovalsPerMinuteAcrossSymbolsThenWaitsForTheNextMinute() {
            risk.withPolicy(patched("{\"limits\": {\"NORMAL\": {\"max_orders_per_minute\": 3}}}"));
            roundTrip(aSignal());
            roundTrip(aLongOn("ETHUSDT", "2000"));
            roundTrip(aSignal()); // the third: at the limit

            SignalRejected fourth = risk.rejected(aLongOn("ETHUSDT", "2000").build());
            risk.advance(Duration.ofMinutes(1));

            assertThat(fourth.reasonCode()).isEqualTo("ORDER_RATE_LIMIT");
            assertThat(fourth.limit()).isEqualTo("3");
            assertThat(fourth.value()).isEqualTo("3");
            risk.approved(aLongOn("ETHUSDT", "2000").build());
        }

        @Test
        void allowsTheMaximumPerSymbolAndMinuteWhileOtherSymbolsTradeOn() {
            roundTrip(aSignal());
            roundTrip(aSignal()); // NORMAL: 2 per symbol and minute

            SignalRejected third = risk.rejected(aSignal().build());
            SignalApproved otherSymbol = risk.approved(aLongOn("ETHUSDT", "2000").build());
            risk.advance(Duration.ofMinutes(1));

            assertThat(third.reasonCode()).isEqualTo("SYMBOL_ORDER_RATE_LIMIT");
            assertThat(third.limit()).isEqualTo("2");
            assertThat(third.value()).isEqualTo("2");
            assertThat(otherSymbol.approvedQuantity()).isPositive();
            risk.approved(aSignal().build());
        }
    }

    @Nested
    class Exposure {

        private static final String UNIVERSE =
                "\"universe\": [\"BTCUSDT\", \"ETHUSDT\", \"SOLUSDT\", \"XRPUSDT\", \"ADAUSDT\"]";

        @Test
        void grossExposureIsFilledToTheMaximumAndNoFurther() {
            risk.withPolicy(patched("{" + UNIVERSE + ", \"limits\": {\"NORMAL\": {\"max_open_positions\": 6, "
                    + "\"max_gross_exposure\": 6000, \"max_net_exposure\": 6000, \"max_correlated_exposure\": 6000}}}"));
            risk.approved(aLongOn("BTCUSDT", "30000").build()); // 0.083 = 2490
            risk.approved(aShortOn("ETHUSDT", "2000").build()); // 1.25 = 2500, gross 4990

            SignalApproved justUnder = risk.approved(aLongOn("SOLUSDT", "100").quantity("10").build()); // 5990
            SignalApproved cutToTheLimit = risk.approved(aShortOn("XRPUSDT", "1").build()); // room 10 of 2500
            SignalRejected over = risk.rejected(aShortOn("ADAUSDT", "1").build());

            assertThat(justUnder.approvedQuantity()).isEqualByComparingTo("10");
            assertThat(cutToTheLimit.approvedQuantity()).isEqualByComparingTo("10");
            assertThat(over.reasonCode()).isEqualTo("MAX_GROSS_EXPOSURE");
            assertThat(over.limit()).isEqualTo("6000");
            assertThat(new BigDecimal(over.value())).isEqualByComparingTo("8500"); // 6000 + the 2500 it asked
        }

        @Test
        void netExposureLimitsOneDirectionAndLeavesRoomForTheOther() {
            risk.withPolicy(patched("{" + UNIVERSE + ", \"limits\": {\"NORMAL\": {\"max_open_positions\": 6, "
                    + "\"max_gross_exposure\": 20000, \"max_net_exposure\": 3000, "
                    + "\"max_correlated_exposure\": 20000, \"max_leverage\": 3}}}"));
            risk.approved(aLongOn("BTCUSDT", "30000").build()); // net 2490

            SignalApproved justUnder = risk.approved(aLongOn("ETHUSDT", "2000").quantity("0.2").build()); // 2890
            SignalApproved cutToTheLimit = risk.approved(aLongOn("SOLUSDT", "100").build()); // room 110
            SignalRejected over = risk.rejected(aLongOn("XRPUSDT", "1").build());
            SignalApproved otherWay = risk.approved(aShortOn("XRPUSDT", "1").build());

            assertThat(justUnder.approvedQuantity()).isEqualByComparingTo("0.2");
            assertThat(cutToTheLimit.approvedQuantity()).isEqualByComparingTo("1.1");
            assertThat(over.reasonCode()).isEqualTo("MAX_NET_EXPOSURE");
            assertThat(over.limit()).isEqualTo("3000");
            assertThat(new BigDecimal(over.value())).isEqualByComparingTo("5500");
            assertThat(otherWay.approvedQuantity()).isEqualByComparingTo("2500"); // the position cap, not net
        }

        @Test
        void correlatedSameDirectionExposureCountsSymbolsThatMoveTogether() {
            risk.withPolicy(patched("{" + UNIVERSE + ", \"limits\": {\"NORMAL\": {\"max_open_positions\": 6, "
                    + "\"max_gross_exposure\": 20000, \"max_net_exposure\": 20000, "
                    + "\"max_correlated_exposure\": 3000, \"max_leverage\": 3}}, "
                    + "\"correlation\": {\"threshold\": 0.7, \"window_bars\": 10, \"min_bars\": 3}}"));
            // ETHUSDT moves exactly with BTCUSDT (rho 1), SOLUSDT against it; XRPUSDT has no bars (cautious: correlated)
            String[][] closes = {{"29000", "1450", "100"}, {"29500", "1475", "98"}, {"29200", "1460", "99.5"},
                    {"29800", "1490", "97"}, {"30000", "1500", "96"}};
            for (String[] bar : closes) {
                risk.advance(Duration.ofMinutes(1));
                risk.bar("BTCUSDT", bar[0]);
                risk.bar("ETHUSDT", bar[1]);
                risk.bar("SOLUSDT", bar[2]);
            }
            risk.advance(Duration.ofMinutes(1));

            risk.approved(aLongOn("BTCUSDT", "30000").build()); // 2490 long
            SignalApproved cutToTheLimit = risk.approved(aLongOn("ETHUSDT", "1500").build()); // room 510
            SignalApproved uncorrelated = risk.approved(aLongOn("SOLUSDT", "96").build());
            SignalApproved shortSide = risk.approved(aShortOn("XRPUSDT", "1").quantity("100").build());
            SignalRejected over = risk.rejected(aLongOn("ADAUSDT", "1").build());

            assertThat(cutToTheLimit.approvedQuantity()).isEqualByComparingTo("0.34"); // 2490 + 510 = 3000
            assertThat(uncorrelated.approvedQuantity()).isEqualByComparingTo("26.041"); // the 2500 position cap
            assertThat(shortSide.approvedQuantity()).isEqualByComparingTo("100");
            assertThat(over.reasonCode()).isEqualTo("MAX_CORRELATED_EXPOSURE");
            assertThat(over.limit()).isEqualTo("3000");
            // ADAUSDT, without bars, counts with every long: 2490 + 510 + 2499.936 + the 2500 it asked
            assertThat(new BigDecimal(over.value())).isEqualByComparingTo("7999.936");
        }
    }

    @Nested
    class SymbolOverrides {

        @Test
        void aSymbolEntryOnlyEverTightensTheModesLimits() {
            risk.withPolicy(patched("{\"symbols\": {\"BTCUSDT\": {\"max_position_notional\": 1000, "
                    + "\"min_confidence\": 0.7, \"max_order_notional\": 9999}, \"ETHUSDT\": {\"tradable\": false}}}"));

            SignalApproved capped = risk.approved(aSignal().confidence(0.7).build());
            SignalRejected lowConfidence = risk.rejected(aSignal().confidence(0.69).build());
            SignalRejected notTradable = risk.rejected(aLongOn("ETHUSDT", "2000").build());

            // 1000 / 30000 = 0.0333: the symbol's position cap; its looser order cap (9999) does not loosen 2500
            assertThat(capped.approvedQuantity()).isEqualByComparingTo("0.033");
            assertThat(lowConfidence.reasonCode()).isEqualTo("LOW_CONFIDENCE");
            assertThat(lowConfidence.limit()).isEqualTo("0.7");
            assertThat(lowConfidence.value()).isEqualTo("0.69");
            assertThat(notTradable.reasonCode()).isEqualTo("SYMBOL_NOT_TRADABLE");
        }

        @Test
        void aSymbolsPositionCapIsFilledToItsMaximumAndNoFurther() {
            risk.withPolicy(patched("{\"symbols\": {\"BTCUSDT\": {\"max_position_notional\": 1000}}}"));

            SignalApproved atTheCap = risk.approved(aSignal().reference("25000").stop("24000").target("27000")
                    .quantity("0.04").build()); // exactly 1000
            risk.positionClosed(atTheCap, "0");
            SignalApproved cut = risk.approved(aSignal().reference("25000").stop("24000").target("27000")
                    .quantity("0.041").build());

            assertThat(atTheCap.approvedQuantity()).isEqualByComparingTo("0.04");
            assertThat(cut.approvedQuantity()).isEqualByComparingTo("0.04");
        }
    }

    @Nested
    class SafetyGovernor {

        // aSignal() alone: 0.08333 BTC (the 2500 order cap) -> 0.083
        @Test
        void halvesTheSizeOfADegradedModelsSignalsOnly() {
            risk.modelDegraded("model-1");

            assertThat(risk.approved(aSignal().build()).approvedQuantity()).isEqualByComparingTo("0.041");
            assertThat(risk.controls().governor("model-1").reasons()).containsExactly("model model-1 degraded x0.5");
            assertThat(risk.controls().governor("model-2").multiplier()).isEqualByComparingTo("1");
        }

        @Test
        void multipliesTheFactorsOfADegradedSystemAndModel() {
            risk.modelDegraded("model-1");
            risk.selfHealing("market_data");

            assertThat(risk.approved(aSignal().build()).approvedQuantity()).isEqualByComparingTo("0.020");
        }

        @Test
        void theRiskModesOwnMultiplierScalesEverySize() {
            // SAFE: order cap 1000 / 30000 = 0.0333, x0.5 = 0.01666 -> 0.016
            risk.withPolicy(patched("{\"risk_mode\": \"SAFE\"}"));

            assertThat(risk.approved(aSignal().build()).approvedQuantity()).isEqualByComparingTo("0.016");
        }

        @Test
        void blocksEntriesWhileTheExchangeIsUnhealthyForTheHoldTime() {
            risk.selfHealing("exchange");

            SignalRejected blocked = risk.rejected(aSignal().build());
            risk.advance(Duration.ofMinutes(239));
            SignalRejected stillBlocked = risk.rejected(aSignal().build());
            risk.advance(Duration.ofMinutes(1));

            assertThat(blocked.reasonCode()).isEqualTo("GOVERNOR_BLOCKED");
            assertThat(blocked.limit()).isEqualTo("healthy");
            assertThat(blocked.value()).isEqualTo("blocked");
            assertThat(blocked.message()).contains("exchange unhealthy: exchange lost its connection");
            assertThat(stillBlocked.reasonCode()).isEqualTo("GOVERNOR_BLOCKED");
            assertThat(risk.approved(aSignal().build()).approvedQuantity()).isEqualByComparingTo("0.083");
        }

        @Test
        void aZeroModelMultiplierBlocksThatModel() {
            risk.withPolicy(patched("{\"safety_governor\": {\"degraded_model_multiplier\": 0}}"));
            risk.modelDegraded("model-1");

            assertThat(risk.rejected(aSignal().build()).reasonCode()).isEqualTo("GOVERNOR_BLOCKED");
        }
    }
}
