package com.quantumtrader.execution.store;

import com.quantumtrader.core.state.KeyValueStore;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Objects;

/**
 * What the live exchange last said about the account on its stream: position quantity per symbol
 * ({@code account:positions}) and wallet balance per asset ({@code account:balances}).
 */
public final class ExchangeAccountStore {

    private final KeyValueStore store;

    public ExchangeAccountStore(KeyValueStore store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    public void savePosition(String symbol, BigDecimal quantity) {
        store.hashPut(ExecutionKeys.ACCOUNT_POSITIONS, symbol, quantity.toPlainString());
    }

    public void saveBalance(String asset, BigDecimal amount) {
        store.hashPut(ExecutionKeys.ACCOUNT_BALANCES, asset, amount.toPlainString());
    }

    /** Position quantity per symbol, as plain decimal strings. */
    public Map<String, String> positions() {
        return store.hashGetAll(ExecutionKeys.ACCOUNT_POSITIONS);
    }
}
