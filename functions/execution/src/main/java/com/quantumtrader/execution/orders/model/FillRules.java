package com.quantumtrader.execution.orders.model;

import com.quantumtrader.execution.exchange.ExecutionReport;
import com.quantumtrader.execution.exchange.OrderStatusReport;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;

/** Which part of an exchange report is news for an order, so every traded quantity is published exactly once. Pure. */
public final class FillRules {

    private FillRules() {
    }

    /**
     * The report to apply to {@code order}: empty when its trade is already applied (a redelivery, or a trade
     * reconciliation already published); when an earlier trade was missed (a stream gap), one whose last quantity is
     * everything not yet published; otherwise the report itself (a report without a trade too).
     */
    public static Optional<ExecutionReport> unpublishedPart(ManagedOrder order, ExecutionReport report) {
        if (!report.traded()) {
            return Optional.of(report);
        }
        BigDecimal unpublished = report.cumulativeQuantity().subtract(order.filledQuantity());
        if (unpublished.signum() <= 0) {
            return Optional.empty();
        }
        if (unpublished.compareTo(report.lastQuantity()) == 0) {
            return Optional.of(report);
        }
        return Optional.of(new ExecutionReport(report.clientOrderId(), report.symbol(), report.side(), report.status(),
                unpublished, report.cumulativeQuantity(), report.lastPrice(), report.fee(), report.feeAsset(),
                report.tradeTime()));
    }

    /**
     * What the exchange's status of {@code order} says traded beyond what is published (while we were away), as an
     * execution report at the average price with the fee pro rata; empty when nothing was missed.
     */
    public static Optional<ExecutionReport> missedTrade(ManagedOrder order, OrderStatusReport status) {
        BigDecimal missed = status.executedQuantity().subtract(order.filledQuantity());
        if (missed.signum() <= 0) {
            return Optional.empty();
        }
        boolean complete = status.executedQuantity().compareTo(order.quantity()) >= 0;
        BigDecimal fee = status.fee().multiply(missed).divide(status.executedQuantity(), 8, RoundingMode.HALF_EVEN);
        return Optional.of(new ExecutionReport(order.clientOrderId(), order.symbol(), order.side(),
                complete ? ExecutionReport.Status.FILLED : ExecutionReport.Status.PARTIALLY_FILLED,
                missed, status.executedQuantity(), status.averagePrice(), fee, status.feeAsset()));
    }
}
