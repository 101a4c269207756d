package com.quantumtrader.risk;

import static com.quantumtrader.risk.PolicyChanges.patched;
import static com.quantumtrader.risk.SignalBuilder.aLongOn;
import static com.quantumtrader.risk.SignalBuilder.aSignal;
import static org.assertj.core.api.Assertions.assertThat;

import com.quantumtrader.core.handler.Emit;
import com.quantumtrader.events.EventCatalog;
import com.quantumtrader.events.OrderPurpose;
import com.quantumtrader.events.OrderSide;
import com.quantumtrader.events.execution.OrderFilled;
import com.quantumtrader.events.risk.EmergencyStop;
import com.quantumtrader.events.risk.EmergencyTriggered;
import com.quantumtrader.events.risk.SignalApproved;
import com.quantumtrader.risk.model.safety.AuditEntry;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The emergency stop's hard limits besides drawdown and the exchange outage: order failures in a row (no fill in
 * between) and the realised loss of the UTC day. Reaching a limit latches the stop, announces the figures and
 * orders execution to flatten; one step short of it changes nothing.
 */
class EmergencyStopTriggersTest {

    private final RiskFixture risk = new RiskFixture();

    private static List<String> types(List<Emit> out) {
        return out.stream().map(e -> e.type().name()).toList();
    }

    @Nested
    class ConsecutiveOrderFailures {

        // emergency.max_consecutive_order_failures 5; the breaker (3 failures within 60 min) trips on the way, so
        // the first failures may announce it, but never the emergency stop. "-4164" is not an unreachable code.
        private List<Emit> failures(int count, String prefix) {
            List<Emit> out = new ArrayList<>();
            for (int i = 1; i <= count; i++) {
                risk.advance(Duration.ofSeconds(10));
                out.addAll(risk.orderFailed(prefix + i, "BTCUSDT", OrderPurpose.ENTRY));
            }
            return out;
        }

        private void filled() {
            risk.advance(Duration.ofSeconds(10));
            risk.deliver(RiskSafetyDomain.ORDER_LIFECYCLE_TRACKER, EventCatalog.EXECUTION_ORDER_FILLED,
                    new OrderFilled("filled", "cid-filled", "ETHUSDT", OrderSide.BUY, OrderPurpose.ENTRY,
                            new BigDecimal("0.5"), new BigDecimal("0.5"), true, new BigDecimal("2000"),
                            new BigDecimal("2000"), new BigDecimal("0.2"), "USDT", new BigDecimal("1960"),
                            new BigDecimal("2080"), "ma_crossover", "model-1", risk.clock.instant()));
        }

        @Test
        void fourFailuresInARowDoNotLatch() {
            List<Emit> out = failures(4, "f");

            assertThat(types(out)).doesNotContain("safety.emergency.triggered", "safety.emergency.stop");
            assertThat(risk.controls().emergencyStop()).isEmpty();
            assertThat(risk.controls().auditTrail()).extracting(AuditEntry::action)
                    .doesNotContain("ESS_LATCHED");
        }

        @Test
        void theFifthFailureInARowLatchesAndOrdersAFlatten() {
            failures(4, "f");
            risk.advance(Duration.ofSeconds(10));
            Instant fifthAt = risk.clock.instant();

            List<Emit> fifth = risk.orderFailed("f5", "ETHUSDT", OrderPurpose.EXIT);

            assertThat(types(fifth)).containsExactly("safety.emergency.triggered", "safety.emergency.stop");
            assertThat((EmergencyTriggered) fifth.get(0).payload())
                    .isEqualTo(new EmergencyTriggered("CONSECUTIVE_ORDER_FAILURES", "5", "5"));
            assertThat((EmergencyStop) fifth.get(1).payload()).isEqualTo(new EmergencyStop(
                    "CONSECUTIVE_ORDER_FAILURES: order failures in a row 5 >= 5", "ess"));
            assertThat(risk.controls().emergencyStop()).hasValueSatisfying(latch -> {
                assertThat(latch.reason()).isEqualTo("CONSECUTIVE_ORDER_FAILURES");
                assertThat(latch.value()).isEqualTo("5");
                assertThat(latch.threshold()).isEqualTo("5");
                assertThat(latch.latchedAt()).isEqualTo(fifthAt);
            });
            assertThat(risk.controls().auditTrail()).filteredOn(e -> e.action().equals("ESS_LATCHED"))
                    .singleElement().satisfies(entry -> {
                        assertThat(entry.actor()).isEqualTo(RiskSafetyDomain.ORDER_FAILURE_MONITOR);
                        assertThat(entry.reason()).isEqualTo("CONSECUTIVE_ORDER_FAILURES 5 >= 5");
                    });
            assertThat(risk.rejected(aSignal().build()).reasonCode()).isEqualTo("ESS_ACTIVE");
        }

        @Test
        void furtherFailuresOnceLatchedAnnounceNothingMore() {
            failures(5, "f");

            List<Emit> sixth = failures(1, "g");

            assertThat(sixth).isEmpty();
            assertThat(risk.controls().emergencyStop()).map(latch -> latch.value()).hasValue("5");
        }

        @Test
        void aFillInBetweenStartsTheCountOver() {
            failures(4, "f");
            filled();

            List<Emit> fourMore = failures(4, "g");
            List<Emit> fifthSinceTheFill = failures(1, "h");

            assertThat(types(fourMore)).doesNotContain("safety.emergency.triggered", "safety.emergency.stop");
            assertThat(types(fifthSinceTheFill))
                    .containsExactly("safety.emergency.triggered", "safety.emergency.stop");
            assertThat((EmergencyTriggered) fifthSinceTheFill.get(0).payload())
                    .isEqualTo(new EmergencyTriggered("CONSECUTIVE_ORDER_FAILURES", "5", "5"));
        }

        @Test
        void theLimitIsThePolicysCurrentOne() {
            risk.withPolicy(patched("{\"emergency\": {\"max_consecutive_order_failures\": 2}}"));

            List<Emit> first = failures(1, "f");
            List<Emit> second = failures(1, "g");

            assertThat(first).isEmpty();
            assertThat((EmergencyTriggered) second.get(0).payload())
                    .isEqualTo(new EmergencyTriggered("CONSECUTIVE_ORDER_FAILURES", "2", "2"));
        }
    }

    @Nested
    class DailyRealisedLoss {

        // emergency.daily_loss 0.05 of account_equity 10000 = 500.00 USDT realised in the UTC day. The pre-trade
        // daily_loss_limit (300) stops new entries first, so both positions are opened before any loss.
        private SignalApproved btc;
        private SignalApproved eth;

        private void twoOpenPositions() {
            btc = risk.approved(aSignal().build());
            eth = risk.approved(aLongOn("ETHUSDT", "2000").build());
        }

        @Test
        void aLossJustUnderTheLimitDoesNotLatch() {
            twoOpenPositions();

            List<Emit> out = risk.positionClosed(btc, "-499.99", "STOP_LOSS");

            assertThat(out).isEmpty();
            assertThat(risk.controls().emergencyStop()).isEmpty();
        }

        @Test
        void reachingTheLimitLatchesWithTheDaysLossAndTheLimit() {
            twoOpenPositions();
            risk.positionClosed(btc, "-499.99", "STOP_LOSS");
            risk.advance(Duration.ofMinutes(3));

            List<Emit> out = risk.positionClosed(eth, "-0.01", "STOP_LOSS");

            assertThat(types(out)).containsExactly("safety.emergency.triggered", "safety.emergency.stop");
            assertThat((EmergencyTriggered) out.get(0).payload())
                    .isEqualTo(new EmergencyTriggered("DAILY_LOSS", "500.00", "500.00"));
            assertThat((EmergencyStop) out.get(1).payload())
                    .isEqualTo(new EmergencyStop("DAILY_LOSS: realised loss today 500.00 >= 500.00", "ess"));
            assertThat(risk.controls().emergencyStop()).hasValueSatisfying(latch -> {
                assertThat(latch.reason()).isEqualTo("DAILY_LOSS");
                assertThat(latch.latchedAt()).isEqualTo(RiskFixture.START.plus(Duration.ofMinutes(3)));
            });
            assertThat(risk.rejected(aSignal().build()).reasonCode()).isEqualTo("ESS_ACTIVE");
        }

        @Test
        void theDaysGainsOffsetItsLosses() {
            twoOpenPositions();
            risk.positionClosed(btc, "120.00", "TAKE_PROFIT");

            List<Emit> out = risk.positionClosed(eth, "-600.00", "STOP_LOSS"); // net loss 480

            assertThat(out).isEmpty();
            assertThat(risk.controls().emergencyStop()).isEmpty();
        }

        @Test
        void theNextUtcDayStartsFromZero() {
            twoOpenPositions();
            risk.advance(Duration.ofHours(23).plusMinutes(59).plusSeconds(59));
            risk.positionClosed(btc, "-499.99", "STOP_LOSS"); // 2024-03-01T23:59:59Z
            risk.advance(Duration.ofSeconds(1));

            List<Emit> nextDay = risk.positionClosed(eth, "-499.99", "STOP_LOSS"); // 2024-03-02T00:00:00Z

            assertThat(nextDay).isEmpty();
            assertThat(risk.controls().emergencyStop()).isEmpty();
        }

        @Test
        void aLossPastTheLimitInOneCloseReportsTheWholeLoss() {
            twoOpenPositions();

            List<Emit> out = risk.positionClosed(btc, "-612.50", "STOP_LOSS");

            assertThat((EmergencyTriggered) out.get(0).payload())
                    .isEqualTo(new EmergencyTriggered("DAILY_LOSS", "612.50", "500.00"));
        }
    }
}
