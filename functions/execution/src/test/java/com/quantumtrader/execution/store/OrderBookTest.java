package com.quantumtrader.execution.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.quantumtrader.core.state.InMemoryKeyValueStore;
import com.quantumtrader.events.OrderPurpose;
import com.quantumtrader.events.OrderSide;
import com.quantumtrader.execution.exchange.OrderType;
import com.quantumtrader.execution.orders.model.ManagedOrder;
import com.quantumtrader.execution.orders.model.OrderState;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class OrderBookTest {

    private final InMemoryKeyValueStore store = new InMemoryKeyValueStore();
    private final OrderBook book = new OrderBook(store);

    private static ManagedOrder newEntry(String id) {
        return new ManagedOrder(id, "SIG", "TRACE", "BTCUSDT", OrderSide.BUY, OrderPurpose.ENTRY, OrderType.MARKET,
                new BigDecimal("0.010"), null, false, OrderState.NEW, BigDecimal.ZERO, new BigDecimal("60000.0"),
                new BigDecimal("59000.0"), new BigDecimal("62000.0"), "s", "m");
    }

    @Test
    void persistsEveryTransitionSoAnotherBookOverTheStoreSeesIt() {
        ManagedOrder order = book.create(newEntry("E-SIG"));
        order = book.transition(order, OrderState.SUBMITTED);
        book.fill(order, new BigDecimal("0.004"));

        ManagedOrder reloaded = new OrderBook(store).require("E-SIG");
        assertThat(reloaded.state()).isEqualTo(OrderState.PARTIALLY_FILLED);
        assertThat(reloaded.filledQuantity()).isEqualByComparingTo("0.004");
        assertThat(reloaded.traceId()).isEqualTo("TRACE");
        assertThat(new OrderBook(store).working()).extracting(ManagedOrder::clientOrderId).containsExactly("E-SIG");
    }

    @Test
    void dropsAFinishedOrderFromTheWorkingIndex() {
        ManagedOrder order = book.transition(book.create(newEntry("E-SIG")), OrderState.SUBMITTED);

        book.fill(order, new BigDecimal("0.010"));

        assertThat(book.require("E-SIG").state()).isEqualTo(OrderState.FILLED);
        assertThat(book.working()).isEmpty();
    }

    @Test
    void refusesAnIllegalTransitionAndKeepsTheStoredState() {
        ManagedOrder order = book.create(newEntry("E-SIG"));

        assertThatThrownBy(() -> book.transition(order, OrderState.FILLED)).isInstanceOf(IllegalStateException.class);
        assertThat(book.require("E-SIG").state()).isEqualTo(OrderState.NEW);
    }

    @Test
    void neverOverwritesAnExistingOrder() {
        book.create(newEntry("E-SIG"));

        assertThatThrownBy(() -> book.create(newEntry("E-SIG")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("already exists");
    }
}
