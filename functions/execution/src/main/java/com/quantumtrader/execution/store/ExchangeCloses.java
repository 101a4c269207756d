package com.quantumtrader.execution.store;

import com.quantumtrader.core.state.KeyValueStore;
import java.math.BigDecimal;

/**
 * How much of each exchange-placed order (liquidation, ADL) execution has already published, by the exchange's
 * client id, in the domain store under {@code exchange_closes}: a redelivered or repeated frame publishes nothing.
 */
public final class ExchangeCloses {

    private static final String APPLIED = ExecutionKeys.EXCHANGE_CLOSES;

    private final KeyValueStore store;

    public ExchangeCloses(KeyValueStore store) {
        this.store = store;
    }

    public BigDecimal appliedQuantity(String clientOrderId) {
        return store.hashGet(APPLIED, clientOrderId).map(BigDecimal::new).orElse(BigDecimal.ZERO);
    }

    public void recordApplied(String clientOrderId, BigDecimal cumulative) {
        store.hashPut(APPLIED, clientOrderId, cumulative.toPlainString());
    }
}
