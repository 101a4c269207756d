package com.quantumtrader.risk;

import static com.quantumtrader.risk.SignalBuilder.aSignal;
import static org.assertj.core.api.Assertions.assertThat;

import com.quantumtrader.events.OrderPurpose;
import com.quantumtrader.events.risk.SignalApproved;
import org.junit.jupiter.api.Test;

/** exposure_release and the entry-failure path of order_failure_monitor free reservations; closes move equity. */
class ExposureReleaseTest {

    private final RiskFixture risk = new RiskFixture();

    @Test
    void freesTheReservationWhenThePositionCloses() {
        SignalApproved approved = risk.approved(aSignal().build());
        assertThat(risk.rejected(aSignal().build()).reasonCode()).isEqualTo("POSITION_ALREADY_OPEN");

        assertThat(risk.positionClosed(approved, "117.55")).isEmpty();

        assertThat(risk.approved(aSignal().build()).approvedQuantity()).isEqualByComparingTo("0.083");
    }

    @Test
    void sizesAgainstEquityIncludingRealisedLosses() {
        // before: 0.01 * 10000 / |30000 - 27000| = 0.0333 -> 0.033
        SignalApproved first = risk.approved(aSignal().stop("27000").target("36000").build());
        assertThat(first.approvedQuantity()).isEqualByComparingTo("0.033");

        risk.positionClosed(first, "-250.00");

        // after: equity 10000 - 250 = 9750; 0.01 * 9750 / 3000 = 0.0325 -> 0.032
        assertThat(risk.approved(aSignal().stop("27000").target("36000").build()).approvedQuantity())
                .isEqualByComparingTo("0.032");
    }

    @Test
    void sizesAgainstEquityIncludingRealisedGains() {
        SignalApproved first = risk.approved(aSignal().stop("27000").target("36000").build());

        risk.positionClosed(first, "2000.00");

        // equity 12000; 0.01 * 12000 / 3000 = 0.04
        assertThat(risk.approved(aSignal().stop("27000").target("36000").build()).approvedQuantity())
                .isEqualByComparingTo("0.040");
    }

    @Test
    void freesTheReservationOfAFailedEntryOrder() {
        SignalApproved approved = risk.approved(aSignal().build());

        assertThat(risk.orderFailed(approved.signalId(), "BTCUSDT", OrderPurpose.ENTRY)).isEmpty();

        assertThat(risk.approved(aSignal().build()).approvedQuantity()).isEqualByComparingTo("0.083");
    }

    @Test
    void keepsTheReservationWhenAProtectiveOrderFails() {
        SignalApproved approved = risk.approved(aSignal().build());

        risk.orderFailed(approved.signalId(), "BTCUSDT", OrderPurpose.STOP_LOSS);

        assertThat(risk.rejected(aSignal().build()).reasonCode()).isEqualTo("POSITION_ALREADY_OPEN");
    }

    @Test
    void aRestartedDomainKeepsReservationsAndEquity() {
        SignalApproved approved = risk.approved(aSignal().stop("27000").target("36000").build());
        risk.approved(aSignal().symbol("ETHUSDT").reference("2000").stop("1900").target("2200").build());
        risk.positionClosed(approved, "-250.00");

        RiskFixture restarted = risk.restarted();

        assertThat(restarted.rejected(aSignal().symbol("ETHUSDT").reference("2000").stop("1900").target("2200")
                .build()).reasonCode()).isEqualTo("POSITION_ALREADY_OPEN");
        assertThat(restarted.approved(aSignal().stop("27000").target("36000").build()).approvedQuantity())
                .isEqualByComparingTo("0.032");
    }
}
