package com.quantumtrader.risk.store;

import com.quantumtrader.core.state.KeyValueStore;

/** Which operator commands were carried out: each at most once per command id. */
public final class OperatorCommandStore {

    private final KeyValueStore state;

    public OperatorCommandStore(KeyValueStore state) {
        this.state = state;
    }

    /** Claims the command atomically; false when a delivery claimed it before (of two concurrent ones, one wins). */
    public boolean claim(String commandId) {
        return state.increment(RiskKeys.operatorCommand(commandId), 1) == 1;
    }

    /** Forgets the claim, so a redelivery carries the command out. */
    public void forget(String commandId) {
        state.delete(RiskKeys.operatorCommand(commandId));
    }
}
