package com.quantumtrader.execution.orders.model;

import static com.quantumtrader.execution.orders.model.Orders.dec;
import static com.quantumtrader.execution.orders.model.Orders.entry;
import static org.assertj.core.api.Assertions.assertThat;

import com.quantumtrader.events.OrderSide;
import com.quantumtrader.execution.exchange.ExecutionReport;
import com.quantumtrader.execution.exchange.OrderStatusReport;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class FillRulesTest {

    private final ManagedOrder partlyFilled = entry(OrderSide.BUY, "0.010", OrderState.PARTIALLY_FILLED, "0.004");

    private static ExecutionReport trade(String last, String cumulative) {
        return new ExecutionReport("E-SIG", "BTCUSDT", OrderSide.BUY, ExecutionReport.Status.PARTIALLY_FILLED,
                dec(last), dec(cumulative), dec("60010.0"), dec("0.12"), "USDT");
    }

    @Test
    void aRedeliveredTradeIsNotNews() {
        assertThat(FillRules.unpublishedPart(partlyFilled, trade("0.004", "0.004"))).isEmpty();
    }

    @Test
    void aTradeRightAfterThePublishedOnesIsAppliedAsReported() {
        ExecutionReport next = trade("0.002", "0.006");

        assertThat(FillRules.unpublishedPart(partlyFilled, next)).contains(next);
    }

    @Test
    void afterAStreamGapEverythingNotYetPublishedIsApplied() {
        assertThat(FillRules.unpublishedPart(partlyFilled, trade("0.001", "0.009")))
                .hasValueSatisfying(report -> {
                    assertThat(report.lastQuantity()).isEqualByComparingTo("0.005");
                    assertThat(report.cumulativeQuantity()).isEqualByComparingTo("0.009");
                });
    }

    @Test
    void anExpiryWithoutATradeIsAlwaysApplied() {
        ExecutionReport expired = new ExecutionReport("E-SIG", "BTCUSDT", OrderSide.BUY,
                ExecutionReport.Status.EXPIRED, BigDecimal.ZERO, dec("0.004"), null, BigDecimal.ZERO, "USDT");

        assertThat(FillRules.unpublishedPart(partlyFilled, expired)).contains(expired);
    }

    @Test
    void whatTradedWhileAwayIsOneReportWithItsShareOfTheFee() {
        OrderStatusReport status = new OrderStatusReport("E-SIG", "BTCUSDT", OrderSide.BUY,
                OrderStatusReport.Status.FILLED, dec("0.010"), dec("60005.0"), dec("0.30"), "USDT");

        assertThat(FillRules.missedTrade(partlyFilled, status)).hasValueSatisfying(report -> {
            assertThat(report.status()).isEqualTo(ExecutionReport.Status.FILLED);
            assertThat(report.lastQuantity()).isEqualByComparingTo("0.006");
            assertThat(report.fee()).isEqualByComparingTo("0.18");
            assertThat(report.lastPrice()).isEqualByComparingTo("60005.0");
        });
    }

    @Test
    void nothingMissedWhenTheExchangeSaysNoMoreThanIsPublished() {
        OrderStatusReport status = new OrderStatusReport("E-SIG", "BTCUSDT", OrderSide.BUY,
                OrderStatusReport.Status.PARTIALLY_FILLED, dec("0.004"), dec("60005.0"), dec("0.12"), "USDT");

        assertThat(FillRules.missedTrade(partlyFilled, status)).isEmpty();
    }
}
