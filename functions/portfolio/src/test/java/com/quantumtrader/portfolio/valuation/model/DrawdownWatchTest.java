package com.quantumtrader.portfolio.valuation.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.quantumtrader.portfolio.valuation.model.DrawdownState.AlertLevel;
import com.quantumtrader.portfolio.valuation.model.DrawdownWatch.Check;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** The drawdown alert on values alone: alert at 10%, emergency at 20% below the peak of 10000. */
class DrawdownWatchTest {

    private static final DrawdownWatch.Limits LIMITS = new DrawdownWatch.Limits(new BigDecimal("0.10"),
            new BigDecimal("0.20"));
    private static final DrawdownState AT_PEAK = DrawdownState.initial(new BigDecimal("10000"));

    private static Valuation equity(String equity) {
        return new Valuation(new BigDecimal(equity), BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, 0);
    }

    @Test
    void crossingTheAlertThresholdRaisesOneAlert() {
        Check check = DrawdownWatch.check(AT_PEAK, equity("8900"), LIMITS);

        assertThat(check.state().alertLevel()).isEqualTo(AlertLevel.ALERT);
        assertThat(check.crossing()).hasValueSatisfying(crossing -> {
            assertThat(crossing.drawdown()).isEqualByComparingTo("0.11");
            assertThat(crossing.threshold()).isEqualByComparingTo("0.10");
            assertThat(crossing.peak()).isEqualByComparingTo("10000");
        });
    }

    @Test
    void stayingBeyondTheAlertRaisesNothingMore() {
        DrawdownState alerted = new DrawdownState(new BigDecimal("10000"), AlertLevel.ALERT);

        assertThat(DrawdownWatch.check(alerted, equity("8500"), LIMITS).crossing()).isEmpty();
    }

    @Test
    void deepeningIntoTheEmergencyRaisesTheEmergencyAfterTheAlert() {
        DrawdownState alerted = new DrawdownState(new BigDecimal("10000"), AlertLevel.ALERT);

        Check check = DrawdownWatch.check(alerted, equity("7900"), LIMITS);

        assertThat(check.state().alertLevel()).isEqualTo(AlertLevel.EMERGENCY);
        assertThat(check.crossing()).hasValueSatisfying(
                crossing -> assertThat(crossing.threshold()).isEqualByComparingTo("0.20"));
    }

    @Test
    void recoveringBelowTheThresholdReArmsTheAlert() {
        DrawdownState alerted = new DrawdownState(new BigDecimal("10000"), AlertLevel.ALERT);

        Check recovered = DrawdownWatch.check(alerted, equity("9500"), LIMITS);
        Check again = DrawdownWatch.check(recovered.state(), equity("8900"), LIMITS);

        assertThat(recovered.state().alertLevel()).isEqualTo(AlertLevel.NONE);
        assertThat(recovered.crossing()).isEmpty();
        assertThat(again.crossing()).isPresent();
    }

    @Test
    void aNewHighRaisesThePeakAndNoAlert() {
        Check check = DrawdownWatch.check(AT_PEAK, equity("10500"), LIMITS);

        assertThat(check.state().peakEquity()).isEqualByComparingTo("10500");
        assertThat(check.crossing()).isEmpty();
    }
}
