package com.quantumtrader.core.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class InMemoryKeyValueStoreTest extends KeyValueStoreContract {

    @Override
    protected KeyValueStore newStore() {
        return new InMemoryKeyValueStore();
    }

    @Test
    void handsBackTheStoredValueItselfInsteadOfParsingIt() {
        store.putJson("closes:BTCUSDT", CLOSES);
        store.hashPutJson("market", "BTCUSDT", CLOSES);

        assertThat(store.getJson("closes:BTCUSDT", Closes.class)).get().isSameAs(CLOSES);
        assertThat(store.hashGetJson("market", "BTCUSDT", Closes.class)).get().isSameAs(CLOSES);
        assertThat(store.hashGetAllJson("market", Closes.class).get("BTCUSDT")).isSameAs(CLOSES);
    }

    @Test
    void aValuePutAsJsonCountsAsANumberWhenItsJsonIsOne() {
        store.putJson("fills", 41);

        assertThat(store.increment("fills", 1)).isEqualTo(42);
        assertThat(store.get("fills")).contains("42");
    }

    @Test
    void refusesANullValue() {
        assertThatThrownBy(() -> store.putJson("closes:BTCUSDT", null)).isInstanceOf(NullPointerException.class);
    }
}
