package com.quantumtrader.risk;

import static com.quantumtrader.risk.SignalBuilder.aSignal;
import static org.assertj.core.api.Assertions.assertThat;

import com.quantumtrader.events.risk.SignalApproved;
import com.quantumtrader.events.risk.SignalRejected;
import org.junit.jupiter.api.Test;

/**
 * Risk is the only sizer: a signal that asks for no quantity (what the AI engine emits) is sized from the risk
 * budget and the order notional cap alone; a requested quantity, when an older producer sends one, only caps it.
 * Default policy, NORMAL mode: equity 10000, risk per trade 1 %, order notional cap 2500, BTC step 0.001.
 */
class RiskSizesOnceTest {

    private final RiskFixture risk = new RiskFixture();

    @Test
    void sizesASignalWithoutARequestedQuantityByTheRiskBudgetWhenTheStopIsFar() {
        // 100 USDT at risk over |30000 - 27000| = 0.0333 BTC, 1000 USDT: under the cap -> 0.033
        SignalApproved approved = risk.approved(aSignal().stop("27000").target("36000").quantity(null).build());

        assertThat(approved.approvedQuantity()).isEqualByComparingTo("0.033");
    }

    @Test
    void sizesASignalWithoutARequestedQuantityByTheNotionalCapWhenTheStopIsTight() {
        // 100 / 600 = 0.1667 BTC would be 5000 USDT; the 2500 cap allows 0.08333 -> 0.083
        SignalApproved approved = risk.approved(aSignal().quantity(null).build());

        assertThat(approved.approvedQuantity()).isEqualByComparingTo("0.083");
    }

    @Test
    void stillLetsARequestedQuantityCapTheSize() {
        SignalApproved approved = risk.approved(aSignal().quantity("0.02").build());

        assertThat(approved.approvedQuantity()).isEqualByComparingTo("0.020");
    }

    @Test
    void rejectsARequestedQuantityThatIsNotPositive() {
        SignalRejected rejected = risk.rejected(aSignal().quantity("0").build());

        assertThat(rejected.reasonCode()).isEqualTo("INVALID_SIGNAL");
        assertThat(rejected.message()).isEqualTo("prices and quantity must be positive");
    }
}
