package com.quantumtrader.execution.orders.model;

import com.quantumtrader.events.risk.SignalApproved;
import java.util.ArrayList;
import java.util.List;

/** The fields an approval must carry before it can become an order. Pure. */
public final class ApprovalFields {

    private ApprovalFields() {
    }

    /** The missing or non-positive fields, by their wire names; empty when the approval is complete. */
    public static List<String> missing(SignalApproved approval) {
        List<String> missing = new ArrayList<>();
        if (approval.signalId() == null || approval.signalId().isBlank()) {
            missing.add("signal_id");
        }
        if (approval.symbol() == null) {
            missing.add("symbol");
        }
        if (approval.side() == null) {
            missing.add("side");
        }
        if (approval.approvedQuantity() == null || approval.approvedQuantity().signum() <= 0) {
            missing.add("approved_quantity (positive)");
        }
        if (approval.referencePrice() == null || approval.referencePrice().signum() <= 0) {
            missing.add("reference_price (positive)");
        }
        if (approval.stopPrice() == null || approval.stopPrice().signum() <= 0) {
            missing.add("stop_price (positive)");
        }
        if (approval.targetPrice() == null || approval.targetPrice().signum() <= 0) {
            missing.add("target_price (positive)");
        }
        return missing;
    }
}
