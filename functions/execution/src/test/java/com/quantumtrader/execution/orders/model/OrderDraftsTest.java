package com.quantumtrader.execution.orders.model;

import static com.quantumtrader.execution.orders.model.Orders.BTC;
import static com.quantumtrader.execution.orders.model.Orders.approval;
import static com.quantumtrader.execution.orders.model.Orders.dec;
import static com.quantumtrader.execution.orders.model.Orders.entry;
import static com.quantumtrader.execution.orders.model.Orders.longPosition;
import static org.assertj.core.api.Assertions.assertThat;

import com.quantumtrader.events.OrderPurpose;
import com.quantumtrader.events.OrderSide;
import com.quantumtrader.events.Side;
import com.quantumtrader.execution.exchange.OrderType;
import com.quantumtrader.execution.exchange.TimeInForce;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OrderDraftsTest {

    @Test
    void aMarketEntryRoundsItsQuantityDownToTheStepAndItsProtectionOntoTheTick() {
        ManagedOrder order = OrderDrafts.entry("E-SIG", approval(Side.LONG, "0.0129", "60000", "59000.04",
                "62000.06"), "TRACE", Optional.of(BTC), Optional.empty());

        assertThat(order.type()).isEqualTo(OrderType.MARKET);
        assertThat(order.side()).isEqualTo(OrderSide.BUY);
        assertThat(order.quantity()).isEqualByComparingTo("0.012");
        assertThat(order.stopPrice()).isEqualByComparingTo("59000.0");
        assertThat(order.targetPrice()).isEqualByComparingTo("62000.1");
        assertThat(order.state()).isEqualTo(OrderState.NEW);
        assertThat(order.limitPrice()).isNull();
    }

    @Test
    void whileSlippageIsHighABuyIsALimitIocBoundedAboveTheReferenceRoundedDown() {
        ManagedOrder order = OrderDrafts.entry("E-SIG", approval(Side.LONG, "0.010", "60000.05", "59000",
                "62000"), "TRACE", Optional.of(BTC), Optional.of(dec("10")));

        assertThat(order.type()).isEqualTo(OrderType.LIMIT);
        assertThat(order.timeInForce()).isEqualTo(TimeInForce.IOC);
        assertThat(order.limitPrice()).isEqualByComparingTo("60060.0"); // 60060.05005 floored onto the tick
    }

    @Test
    void aSellLimitIsBoundedBelowTheReferenceRoundedUp() {
        ManagedOrder order = OrderDrafts.entry("E-SIG", approval(Side.SHORT, "0.010", "60000.05", "61000",
                "58000"), "TRACE", Optional.of(BTC), Optional.of(dec("10")));

        assertThat(order.side()).isEqualTo(OrderSide.SELL);
        assertThat(order.limitPrice()).isEqualByComparingTo("59940.1"); // 59940.04995 ceiled onto the tick
    }

    @Test
    void withoutTheContractsRulesTheEntryStaysAMarketOrderAsApproved() {
        ManagedOrder order = OrderDrafts.entry("E-SIG", approval(Side.LONG, "0.0129", "60000", "59000", "62000"),
                "TRACE", Optional.empty(), Optional.of(dec("10")));

        assertThat(order.type()).isEqualTo(OrderType.MARKET);
        assertThat(order.quantity()).isEqualByComparingTo("0.0129");
    }

    @Test
    void theProtectionOfALongEntrySellsReduceOnlyAtItsTrigger() {
        ManagedOrder buy = entry(OrderSide.BUY, "0.010", OrderState.FILLED, "0.010");

        ManagedOrder stop = OrderDrafts.stopLoss(buy, "S-SIG-1", dec("0.010"), dec("59000.0"));
        ManagedOrder target = OrderDrafts.takeProfit(buy, "T-SIG", dec("0.010"), dec("62000.0"));

        assertThat(stop.side()).isEqualTo(OrderSide.SELL);
        assertThat(stop.type()).isEqualTo(OrderType.STOP_MARKET);
        assertThat(stop.purpose()).isEqualTo(OrderPurpose.STOP_LOSS);
        assertThat(stop.reduceOnly()).isTrue();
        assertThat(stop.triggerPrice()).isEqualByComparingTo("59000.0");
        assertThat(target.type()).isEqualTo(OrderType.TAKE_PROFIT_MARKET);
        assertThat(target.side()).isEqualTo(OrderSide.SELL);
    }

    @Test
    void aReplacementStopTradesTheSameSideAsTheStopItReplaces() {
        ManagedOrder buy = entry(OrderSide.BUY, "0.010", OrderState.FILLED, "0.010");
        ManagedOrder first = OrderDrafts.stopLoss(buy, "S-SIG-1", dec("0.010"), dec("59000.0"));

        ManagedOrder second = OrderDrafts.stopLoss(first, "S-SIG-2", dec("0.010"), dec("59500.0"));

        assertThat(second.side()).isEqualTo(OrderSide.SELL);
        assertThat(second.triggerPrice()).isEqualByComparingTo("59500.0");
    }

    @Test
    void anExitOfAShortBuysTheAbsoluteQuantityReduceOnly() {
        ManagedOrder exit = OrderDrafts.exit("X-SIG-1", longPosition("0.010"), dec("-0.010"), dec("60000"));

        assertThat(exit.side()).isEqualTo(OrderSide.BUY);
        assertThat(exit.quantity()).isEqualByComparingTo("0.010");
        assertThat(exit.reduceOnly()).isTrue();
        assertThat(exit.purpose()).isEqualTo(OrderPurpose.EXIT);
    }
}
