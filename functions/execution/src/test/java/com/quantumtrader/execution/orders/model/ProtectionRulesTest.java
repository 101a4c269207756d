package com.quantumtrader.execution.orders.model;

import static com.quantumtrader.execution.orders.model.Orders.entry;
import static com.quantumtrader.execution.orders.model.Orders.longPosition;
import static com.quantumtrader.execution.orders.model.Orders.order;
import static org.assertj.core.api.Assertions.assertThat;

import com.quantumtrader.events.OrderPurpose;
import com.quantumtrader.events.OrderSide;
import com.quantumtrader.events.Side;
import java.math.BigDecimal;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ProtectionRulesTest {

    private final ManagedOrder filledEntry = entry(OrderSide.BUY, "0.010", OrderState.FILLED, "0.010");

    @Test
    void aFilledEntryProtectsTheUnprotectedPositionOfItsSignal() {
        assertThat(ProtectionRules.toProtectFirst(Optional.of(longPosition("0.010")), filledEntry)).isPresent();
    }

    @Test
    void protectionIsPlacedOnceAndNeverForAnotherSignalsPosition() {
        TrackedPosition protectedAlready = longPosition("0.010").withProtection("S-SIG-1", "T-SIG");
        TrackedPosition another = new TrackedPosition("BTCUSDT", "OTHER", "T2", Side.LONG, new BigDecimal("1"), null,
                null, 0);

        assertThat(ProtectionRules.toProtectFirst(Optional.of(protectedAlready), filledEntry)).isEmpty();
        assertThat(ProtectionRules.toProtectFirst(Optional.of(another), filledEntry)).isEmpty();
    }

    @Test
    void anEntryThatNeverTradedNeedsNoProtection() {
        ManagedOrder expired = entry(OrderSide.BUY, "0.010", OrderState.EXPIRED, "0");

        assertThat(ProtectionRules.toProtectFirst(Optional.of(longPosition("0.010")), expired)).isEmpty();
    }

    @Test
    void saysWhichProtectiveOrdersAreMissing() {
        assertThat(ProtectionRules.Missing.of(true, true).nothing()).isTrue();
        assertThat(ProtectionRules.Missing.of(false, true).describe()).isEqualTo("stop");
        assertThat(ProtectionRules.Missing.of(true, false).describe()).isEqualTo("take-profit");
        assertThat(ProtectionRules.Missing.of(false, false).describe()).isEqualTo("stop and take-profit");
    }

    @Test
    void aReinstatedStopTakesTheRevisionAfterTheLast() {
        assertThat(ProtectionRules.nextStopRevision(longPosition("1"))).isEqualTo(1);
        assertThat(ProtectionRules.nextStopRevision(longPosition("1").withStop("S-SIG-3", 3))).isEqualTo(4);
    }

    @Test
    void aStopRecordedButNeverSentIsPlacedWhileItsPositionIsHeld() {
        assertThat(ProtectionRules.unseen(order(OrderPurpose.STOP_LOSS, OrderState.NEW), true))
                .isEqualTo(ProtectionRules.UnseenOrder.PLACE_NOW);
        assertThat(ProtectionRules.unseen(order(OrderPurpose.STOP_LOSS, OrderState.UNKNOWN), false))
                .isEqualTo(ProtectionRules.UnseenOrder.NOT_PLACED);
    }

    @Test
    void anExitOrEntryNeverSentFailsAndOneTheExchangeLostIsGone() {
        assertThat(ProtectionRules.unseen(order(OrderPurpose.EXIT, OrderState.NEW), true))
                .isEqualTo(ProtectionRules.UnseenOrder.NOT_PLACED);
        assertThat(ProtectionRules.unseen(order(OrderPurpose.ENTRY, OrderState.UNKNOWN), true))
                .isEqualTo(ProtectionRules.UnseenOrder.NOT_PLACED);
        assertThat(ProtectionRules.unseen(order(OrderPurpose.STOP_LOSS, OrderState.SUBMITTED), true))
                .isEqualTo(ProtectionRules.UnseenOrder.GONE);
    }
}
