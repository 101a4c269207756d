package com.quantumtrader.execution.orders.model;

import static com.quantumtrader.execution.orders.model.Orders.dec;
import static com.quantumtrader.execution.orders.model.Orders.longPosition;
import static org.assertj.core.api.Assertions.assertThat;

import com.quantumtrader.events.OrderSide;
import java.math.BigDecimal;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ExchangeCloseRulesTest {

    @Test
    void aLiquidationOfASymbolWeHoldNothingInClosesNothing() {
        ExchangeCloseRules.Outcome outcome = ExchangeCloseRules.decide(Optional.empty(), BigDecimal.ZERO,
                OrderSide.SELL, dec("0.010"));

        assertThat(outcome).isEqualTo(new ExchangeCloseRules.NothingToClose("no position of ours, nothing to close"));
    }

    @Test
    void aRepeatedFrameUpToWhatIsAlreadyAppliedClosesNothing() {
        ExchangeCloseRules.Outcome outcome = ExchangeCloseRules.decide(Optional.of(longPosition("0.010")),
                dec("0.006"), OrderSide.SELL, dec("0.006"));

        assertThat(outcome).isEqualTo(new ExchangeCloseRules.NothingToClose("already applied"));
    }

    @Test
    void aBuyAgainstALongIsNotAClose() {
        ExchangeCloseRules.Outcome outcome = ExchangeCloseRules.decide(Optional.of(longPosition("0.010")),
                BigDecimal.ZERO, OrderSide.BUY, dec("0.010"));

        assertThat(outcome).isInstanceOf(ExchangeCloseRules.WrongSide.class);
    }

    @Test
    void closesOnlyThePartNotYetPublished() {
        ExchangeCloseRules.Outcome outcome = ExchangeCloseRules.decide(Optional.of(longPosition("0.010")),
                dec("0.004"), OrderSide.SELL, dec("0.007"));

        assertThat(outcome).isInstanceOfSatisfying(ExchangeCloseRules.Close.class,
                close -> assertThat(close.quantity()).isEqualByComparingTo("0.003"));
    }

    @Test
    void neverClosesMoreThanThePositionHolds() {
        ExchangeCloseRules.Outcome outcome = ExchangeCloseRules.decide(Optional.of(longPosition("0.010")),
                BigDecimal.ZERO, OrderSide.SELL, dec("0.025"));

        assertThat(outcome).isInstanceOfSatisfying(ExchangeCloseRules.Close.class,
                close -> assertThat(close.quantity()).isEqualByComparingTo("0.010"));
    }
}
