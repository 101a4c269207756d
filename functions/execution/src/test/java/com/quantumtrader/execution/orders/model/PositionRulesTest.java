package com.quantumtrader.execution.orders.model;

import static com.quantumtrader.execution.orders.model.Orders.BTC;
import static com.quantumtrader.execution.orders.model.Orders.dec;
import static com.quantumtrader.execution.orders.model.Orders.entry;
import static com.quantumtrader.execution.orders.model.Orders.longPosition;
import static org.assertj.core.api.Assertions.assertThat;

import com.quantumtrader.events.OrderSide;
import com.quantumtrader.events.Side;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PositionRulesTest {

    @Test
    void theFirstTradeOfASellEntryOpensAShortOfThatQuantityInTheSignalsTrace() {
        TrackedPosition opened = PositionRules.afterEntryTrade(Optional.empty(),
                entry(OrderSide.SELL, "0.010", OrderState.PARTIALLY_FILLED, "0.004"), dec("0.004"));

        assertThat(opened.side()).isEqualTo(Side.SHORT);
        assertThat(opened.quantity()).isEqualByComparingTo("0.004");
        assertThat(opened.signalId()).isEqualTo("SIG");
        assertThat(opened.traceId()).isEqualTo("TRACE");
        assertThat(opened.protectedByStop()).isFalse();
    }

    @Test
    void aLaterTradeAddsToTheHeldPositionAndKeepsItsProtection() {
        TrackedPosition held = longPosition("0.004").withProtection("S1", "T1");

        TrackedPosition grown = PositionRules.afterEntryTrade(Optional.of(held),
                entry(OrderSide.BUY, "0.010", OrderState.FILLED, "0.010"), dec("0.006"));

        assertThat(grown.quantity()).isEqualByComparingTo("0.010");
        assertThat(grown.stopOrderId()).isEqualTo("S1");
    }

    @Test
    void aPartialCloseLeavesTheRestAndAFullOneLeavesNothing() {
        assertThat(PositionRules.afterClose(longPosition("0.010"), dec("0.004")))
                .hasValueSatisfying(left -> assertThat(left.quantity()).isEqualByComparingTo("0.006"));
        assertThat(PositionRules.afterClose(longPosition("0.010"), dec("0.010"))).isEmpty();
    }

    @Test
    void aLongIsClosedBySellingAndAShortByBuying() {
        TrackedPosition shortPosition = new TrackedPosition("BTCUSDT", "SIG", "TRACE", Side.SHORT, dec("1"), null,
                null, 0);

        assertThat(PositionRules.exitSide(longPosition("1"))).isEqualTo(OrderSide.SELL);
        assertThat(PositionRules.exitSide(shortPosition)).isEqualTo(OrderSide.BUY);
    }

    @Test
    void anAdoptedLongGetsItsStopBelowAndItsTargetAboveOnTheTick() {
        PositionRules.Protection longProtection = PositionRules.adoptedProtection(dec("60000.03"), 1, BTC,
                dec("0.02"), dec("0.04"));
        PositionRules.Protection shortProtection = PositionRules.adoptedProtection(dec("60000"), -1, BTC,
                dec("0.02"), dec("0.04"));

        assertThat(longProtection.stop()).isEqualByComparingTo("58800.0");
        assertThat(longProtection.target()).isEqualByComparingTo("62400.0");
        assertThat(shortProtection.stop()).isEqualByComparingTo("61200.0");
        assertThat(shortProtection.target()).isEqualByComparingTo("57600.0");
    }
}
