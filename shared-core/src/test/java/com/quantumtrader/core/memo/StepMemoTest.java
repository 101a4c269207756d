package com.quantumtrader.core.memo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class StepMemoTest {

    private final AtomicInteger computed = new AtomicInteger();
    private final StepMemo<BigDecimal> returns = new StepMemo<>(4, (previous, current) -> {
        computed.incrementAndGet();
        return current.divide(previous, MathContext.DECIMAL64).doubleValue() - 1;
    });

    @Test
    void computesAStepOfTheSameTwoInstancesOnce() {
        BigDecimal a = new BigDecimal("100.00");
        BigDecimal b = new BigDecimal("101.00");

        double first = returns.apply(a, b);
        double again = returns.apply(a, b);

        assertThat(again).isEqualTo(first).isCloseTo(0.01, within(1e-12));
        assertThat(computed).hasValue(1);
    }

    @Test
    void computesAgainForOtherInstancesAndGetsTheSameNumber() {
        double first = returns.apply(new BigDecimal("100.00"), new BigDecimal("101.00"));
        double fromCopies = returns.apply(new BigDecimal("100.00"), new BigDecimal("101.00"));

        assertThat(fromCopies).isEqualTo(first);
        assertThat(computed).hasValue(2);
    }

    @Test
    void aKnownCurrentAfterAnotherPreviousIsANewStep() {
        BigDecimal a = new BigDecimal("100.00");
        BigDecimal b = new BigDecimal("50.00");
        BigDecimal c = new BigDecimal("101.00");
        returns.apply(a, c);

        assertThat(returns.apply(b, c)).isCloseTo(1.02, within(1e-12));
        assertThat(computed).hasValue(2);
    }

    @Test
    void startsOverWhenFullSoItNeverHoldsMoreThanItsCapacity() {
        BigDecimal previous = BigDecimal.ONE;
        for (int i = 2; i < 20; i++) {
            BigDecimal current = BigDecimal.valueOf(i);
            returns.apply(previous, current);
            previous = current;
        }

        assertThat(returns.size()).isBetween(1, 4);
        assertThat(computed).hasValue(18);
    }

    @Test
    void refusesANonPositiveCapacity() {
        assertThatThrownBy(() -> new StepMemo<BigDecimal>(0, (a, b) -> 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
