package com.quantumtrader.risk;

import static com.quantumtrader.risk.PolicyChanges.patched;
import static com.quantumtrader.risk.SignalBuilder.aSignal;
import static org.assertj.core.api.Assertions.assertThat;

import com.quantumtrader.core.handler.Emit;
import com.quantumtrader.events.EventCatalog;
import com.quantumtrader.events.OrderPurpose;
import com.quantumtrader.events.OrderSide;
import com.quantumtrader.events.execution.OrderFilled;
import com.quantumtrader.events.execution.OrderSubmitted;
import com.quantumtrader.events.risk.CircuitBreakerActivated;
import com.quantumtrader.events.risk.EmergencyTriggered;
import com.quantumtrader.events.risk.SignalApproved;
import com.quantumtrader.events.risk.TradeStuck;
import com.quantumtrader.risk.model.lifecycle.TradeLifecycle;
import com.quantumtrader.risk.model.safety.BreakerPhase;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The triggers of the breaker and the emergency stop besides drawdown, and the stuck-trade watch. */
class SafetyTriggersTest {

    private final RiskFixture risk = new RiskFixture();

    @Nested
    class AbnormalVolatility {

        // returns +1 %, -0.99 %, +1 %: mean 0.337 %, sigma 1.149 %; the limit is 6 sigma from the mean
        @ParameterizedTest(name = "close {0} after 30300 -> trips {1}")
        @CsvSource({"32400, false", "32500, true", "28350, false", "28200, true"})
        void tripsTheBreakerOnABarBeyondTheSigmasOfRecentReturns(String close, boolean trips) {
            risk.withPolicy(patched("{\"correlation\": {\"min_bars\": 3, \"window_bars\": 10}}"));
            for (String earlier : List.of("30000", "30300", "30000", "30300")) {
                risk.advance(Duration.ofMinutes(1));
                assertThat(risk.bar("BTCUSDT", earlier)).isEmpty();
            }
            risk.advance(Duration.ofMinutes(1));

            List<Emit> out = risk.bar("BTCUSDT", close);

            if (!trips) {
                assertThat(out).isEmpty();
                assertThat(risk.controls().circuitBreakerPhase()).isEqualTo(BreakerPhase.CLOSED);
                return;
            }
            assertThat(out).extracting(e -> e.type().name()).containsExactly("risk.circuit_breaker.activated");
            CircuitBreakerActivated activated = (CircuitBreakerActivated) out.get(0).payload();
            assertThat(activated.cause()).isEqualTo("ABNORMAL_VOLATILITY");
            assertThat(activated.detail()).startsWith("BTCUSDT moved").contains("of 3 returns (limit 6)");
            assertThat(risk.rejected(aSignal().reference(close).stop(new BigDecimal(close).multiply(
                    new BigDecimal("0.98")).toPlainString()).target(new BigDecimal(close).multiply(
                    new BigDecimal("1.04")).toPlainString()).build()).reasonCode()).isEqualTo("CIRCUIT_BREAKER_OPEN");
        }

        @Test
        void aBarSeenTwiceIsRecordedOnce() {
            risk.withPolicy(patched("{\"correlation\": {\"min_bars\": 3, \"window_bars\": 10}}"));
            risk.bar("BTCUSDT", "30000");

            risk.bar("BTCUSDT", "45000");

            // the same close time again is ignored: the collar still measures against 30000
            assertThat(risk.rejected(aSignal().reference("31000").stop("30000").target("32000").build())
                    .reasonCode()).isEqualTo("PRICE_COLLAR");
        }
    }

    @Nested
    class ExchangeUnreachable {

        // emergency.exchange_unreachable_minutes 5; 5 failures in a row would latch too, so 4 are used here
        @Test
        void latchesTheEmergencyStopWhenTheExchangeStaysUnreachableForTheLimit() {
            assertThat(risk.orderFailed("s1", "BTCUSDT", "EXCHANGE_UNREACHABLE")).isEmpty();
            risk.advance(Duration.ofMinutes(2));
            risk.orderFailed("s2", "BTCUSDT", "TIMEOUT");
            risk.advance(Duration.ofMinutes(2));
            List<Emit> justUnder = risk.orderFailed("s3", "BTCUSDT", "-1001"); // 4 min: only the breaker trips
            risk.advance(Duration.ofMinutes(1));

            List<Emit> atLimit = risk.orderFailed("s4", "BTCUSDT", "EXCHANGE_UNREACHABLE");

            assertThat(justUnder).extracting(e -> e.type().name()).containsExactly("risk.circuit_breaker.activated");
            assertThat(atLimit).extracting(e -> e.type().name())
                    .containsExactly("safety.emergency.triggered", "safety.emergency.stop");
            assertThat((EmergencyTriggered) atLimit.get(0).payload())
                    .isEqualTo(new EmergencyTriggered("EXCHANGE_UNREACHABLE", "5 min", "5 min"));
            assertThat(risk.rejected(aSignal().build()).reasonCode()).isEqualTo("ESS_ACTIVE");
        }

        @Test
        void aFillInBetweenStartsTheOutageOver() {
            risk.orderFailed("s1", "BTCUSDT", "EXCHANGE_UNREACHABLE");
            risk.advance(Duration.ofMinutes(4));
            risk.deliver(RiskSafetyDomain.ORDER_LIFECYCLE_TRACKER, EventCatalog.EXECUTION_ORDER_FILLED,
                    new OrderFilled("other", "cid-other", "BTCUSDT", OrderSide.BUY, OrderPurpose.ENTRY,
                            new BigDecimal("0.01"), new BigDecimal("0.01"), true, new BigDecimal("30000"),
                            new BigDecimal("30000"), new BigDecimal("0.12"), "USDT", new BigDecimal("29400"),
                            new BigDecimal("31200"), "ma_crossover", "model-1", risk.clock.instant()));
            risk.advance(Duration.ofMinutes(2));

            assertThat(risk.orderFailed("s2", "BTCUSDT", "EXCHANGE_UNREACHABLE")).isEmpty();
            assertThat(risk.controls().emergencyStop()).isEmpty();
        }
    }

    @Nested
    class ManualTrigger {

        @Test
        void anOperatorLatchesTheStopWithAReasonAndTriggeringAgainIsHarmless() {
            List<Emit> first = risk.controls().triggerEmergencyStop("news: exchange hack", "alice");
            List<Emit> second = risk.controls().triggerEmergencyStop("again", "bob");

            assertThat(first).extracting(e -> e.type().name())
                    .containsExactly("safety.emergency.triggered", "safety.emergency.stop");
            assertThat(second).isEmpty();
            assertThat(risk.controls().emergencyStop()).hasValueSatisfying(latch -> {
                assertThat(latch.reason()).isEqualTo("MANUAL");
                assertThat(latch.value()).isEqualTo("news: exchange hack");
            });
            assertThat(risk.rejected(aSignal().build()).reasonCode()).isEqualTo("ESS_ACTIVE");
        }
    }

    @Nested
    class StuckTrades {

        // lifecycle: approved_timeout_minutes 5, submitted_timeout_minutes 15
        @Test
        void anApprovalNeverSubmittedIsRaisedOnceAndItsReservationReleased() {
            SignalApproved approved = risk.approved(aSignal().build());
            risk.advance(Duration.ofMinutes(4).plusSeconds(59));
            assertThat(risk.stuckTradeWatch()).isEmpty();
            risk.advance(Duration.ofSeconds(1));

            List<Emit> stuck = risk.stuckTradeWatch();

            assertThat(stuck).extracting(e -> e.type().name()).containsExactly("risk.trade.stuck");
            TradeStuck raised = (TradeStuck) stuck.get(0).payload();
            assertThat(raised.signalId()).isEqualTo(approved.signalId());
            assertThat(raised.stage()).isEqualTo("APPROVED");
            assertThat(raised.since()).isEqualTo(RiskFixture.START);
            assertThat(raised.timeoutMinutes()).isEqualTo(5);
            assertThat(raised.reservationReleased()).isTrue();
            assertThat(risk.stuckTradeWatch()).isEmpty();
            assertThat(risk.controls().lifecycle(raised.traceId())).map(TradeLifecycle::stage).hasValue("STUCK");
            assertThat(risk.approved(aSignal().build()).approvedQuantity()).isEqualByComparingTo("0.083");
        }

        @Test
        void aSubmittedOrderNeverFilledIsRaisedButKeepsItsReservation() {
            SignalApproved approved = risk.approved(aSignal().build());
            risk.advance(Duration.ofMinutes(1));
            risk.deliver(RiskSafetyDomain.ORDER_LIFECYCLE_TRACKER, EventCatalog.EXECUTION_ORDER_SUBMITTED,
                    new OrderSubmitted(approved.signalId(), "cid-1", "BTCUSDT", OrderSide.BUY, OrderPurpose.ENTRY,
                            "MARKET", approved.approvedQuantity(), null, false));
            risk.advance(Duration.ofMinutes(14));
            assertThat(risk.stuckTradeWatch()).isEmpty();
            risk.advance(Duration.ofMinutes(1));

            List<Emit> stuck = risk.stuckTradeWatch();

            assertThat(stuck).singleElement().satisfies(e -> {
                TradeStuck raised = (TradeStuck) e.payload();
                assertThat(raised.stage()).isEqualTo("SUBMITTED");
                assertThat(raised.timeoutMinutes()).isEqualTo(15);
                assertThat(raised.reservationReleased()).isFalse();
            });
            // the order may still fill: its exposure stays reserved
            assertThat(risk.rejected(aSignal().build()).reasonCode()).isEqualTo("POSITION_ALREADY_OPEN");
        }

        @Test
        void aRejectedSignalIsNeverStuck() {
            risk.rejected(aSignal().confidence(0.1).build());
            risk.advance(Duration.ofHours(1));

            assertThat(risk.stuckTradeWatch()).isEmpty();
        }
    }
}
