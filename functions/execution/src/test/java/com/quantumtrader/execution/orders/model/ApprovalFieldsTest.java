package com.quantumtrader.execution.orders.model;

import static com.quantumtrader.execution.orders.model.Orders.approval;
import static org.assertj.core.api.Assertions.assertThat;

import com.quantumtrader.events.Side;
import com.quantumtrader.events.risk.SignalApproved;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class ApprovalFieldsTest {

    @Test
    void aCompleteApprovalLacksNothing() {
        assertThat(ApprovalFields.missing(approval(Side.LONG, "0.010", "60000", "59000", "62000"))).isEmpty();
    }

    @Test
    void namesEveryMissingOrNonPositiveField() {
        SignalApproved broken = new SignalApproved(" ", null, null, BigDecimal.ZERO, new BigDecimal("-1"), null,
                BigDecimal.ZERO, "trend", "trend-v1");

        assertThat(ApprovalFields.missing(broken)).containsExactly("signal_id", "symbol", "side",
                "approved_quantity (positive)", "reference_price (positive)", "stop_price (positive)",
                "target_price (positive)");
    }
}
