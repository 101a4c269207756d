package com.quantumtrader.risk.model.safety;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** What a high drawdown throws, without a store. */
class DrawdownRulesTest {

    @Test
    void latchesTheEmergencyStopAtTheEmergencyDrawdown() {
        assertThat(DrawdownRules.decide(new BigDecimal("0.20"), new BigDecimal("0.10"), new BigDecimal("0.2")))
                .isEqualTo(new DrawdownRules.Emergency("0.20", "0.2"));
    }

    @Test
    void tripsTheBreakerBelowTheEmergencyDrawdown() {
        assertThat(DrawdownRules.decide(new BigDecimal("0.12"), new BigDecimal("0.10"), new BigDecimal("0.2")))
                .isEqualTo(new DrawdownRules.Trip("drawdown 0.12 >= alert 0.10 (emergency at 0.2)"));
    }
}
