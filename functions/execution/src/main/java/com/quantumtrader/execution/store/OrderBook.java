package com.quantumtrader.execution.store;

import com.quantumtrader.core.state.KeyValueStore;
import com.quantumtrader.events.EventJson;
import com.quantumtrader.execution.orders.model.ManagedOrder;
import com.quantumtrader.execution.orders.model.OrderState;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Execution's orders in the domain store: one key per order ({@code order:<client id>}), rewritten at every state
 * change, and an index of the working ones ({@code orders:working}) so an emergency stop finds them all. A new
 * process over the same store continues where the last one stopped.
 */
public final class OrderBook {

    private static final String WORKING = ExecutionKeys.ORDERS_WORKING;

    private final KeyValueStore store;

    public OrderBook(KeyValueStore store) {
        this.store = store;
    }

    public Optional<ManagedOrder> find(String clientOrderId) {
        return store.get(key(clientOrderId)).map(json -> EventJson.read(json, ManagedOrder.class));
    }

    public ManagedOrder require(String clientOrderId) {
        return find(clientOrderId).orElseThrow(() -> new IllegalStateException("no order " + clientOrderId));
    }

    /** Records a NEW order; an id already used is a bug upstream (ids derive from signal ids), never overwritten. */
    public ManagedOrder create(ManagedOrder order) {
        if (order.state() != OrderState.NEW) {
            throw new IllegalStateException("an order is created NEW, not " + order.state());
        }
        if (find(order.clientOrderId()).isPresent()) {
            throw new IllegalStateException("order " + order.clientOrderId() + " already exists");
        }
        return save(order);
    }

    public ManagedOrder transition(ManagedOrder order, OrderState next) {
        return save(order.withState(next));
    }

    public ManagedOrder fill(ManagedOrder order, BigDecimal cumulativeQuantity) {
        return save(order.withFill(cumulativeQuantity));
    }

    /** Working orders, by client id. */
    public List<ManagedOrder> working() {
        List<ManagedOrder> out = new ArrayList<>();
        for (String id : new TreeSet<>(store.hashGetAll(WORKING).keySet())) {
            find(id).ifPresent(out::add);
        }
        return out;
    }

    private ManagedOrder save(ManagedOrder order) {
        store.put(key(order.clientOrderId()), EventJson.write(order));
        if (order.state().working()) {
            store.hashPut(WORKING, order.clientOrderId(), order.symbol());
        } else {
            store.hashDelete(WORKING, order.clientOrderId());
        }
        return order;
    }

    private static String key(String clientOrderId) {
        return ExecutionKeys.order(clientOrderId);
    }
}
