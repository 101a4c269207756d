package com.quantumtrader.execution.orders.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class OrderStateTest {

    @ParameterizedTest
    @CsvSource({
        "NEW, SUBMITTED", "NEW, REJECTED", "NEW, CANCELED",
        "SUBMITTED, PARTIALLY_FILLED", "SUBMITTED, FILLED", "SUBMITTED, CANCELED", "SUBMITTED, EXPIRED",
        "PARTIALLY_FILLED, PARTIALLY_FILLED", "PARTIALLY_FILLED, FILLED", "PARTIALLY_FILLED, CANCELED",
        "PARTIALLY_FILLED, EXPIRED"})
    void allowsTheExchangeLifecycle(OrderState from, OrderState to) {
        assertThat(from.moveTo(to)).isEqualTo(to);
    }

    @ParameterizedTest
    @CsvSource({"NEW, FILLED", "NEW, PARTIALLY_FILLED", "SUBMITTED, NEW", "SUBMITTED, REJECTED",
        "PARTIALLY_FILLED, SUBMITTED"})
    void rejectsSkippingOrGoingBack(OrderState from, OrderState to) {
        assertThatThrownBy(() -> from.moveTo(to))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("an order cannot move from " + from + " to " + to);
    }

    @ParameterizedTest
    @EnumSource(value = OrderState.class, names = {"FILLED", "CANCELED", "REJECTED", "EXPIRED"})
    void neverLeavesATerminalState(OrderState terminal) {
        assertThat(terminal.working()).isFalse();
        for (OrderState any : OrderState.values()) {
            assertThat(terminal.canMoveTo(any)).as(terminal + " -> " + any).isFalse();
        }
    }

    @Test
    void aFilledOrderCannotBeCancelled() {
        assertThatThrownBy(() -> OrderState.FILLED.moveTo(OrderState.CANCELED)).isInstanceOf(IllegalStateException.class);
    }
}
