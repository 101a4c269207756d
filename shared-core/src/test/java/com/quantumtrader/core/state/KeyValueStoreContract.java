package com.quantumtrader.core.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.quantumtrader.events.EventJson;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The behaviour every {@link KeyValueStore} has, so a backtest on memory behaves as production on Redis. */
abstract class KeyValueStoreContract {

    protected KeyValueStore store;

    /** A window of recent closes, as domains keep them. */
    record Closes(List<BigDecimal> closes, Instant last) {
        Closes {
            closes = List.copyOf(closes);
        }
    }

    /** Another view of the same JSON. */
    record Last(Instant last) {
    }

    static final Closes CLOSES = new Closes(List.of(new BigDecimal("60000.10"), new BigDecimal("60010.00")),
            Instant.parse("2025-01-01T00:02:00Z"));

    /** A new, empty store. */
    protected abstract KeyValueStore newStore();

    @BeforeEach
    void givenAnEmptyStore() {
        store = newStore();
    }

    @Test
    void readsBackWhatWasPut() {
        store.put("position:BTCUSDT", "{\"qty\":\"0.010\"}");

        assertThat(store.get("position:BTCUSDT")).contains("{\"qty\":\"0.010\"}");
    }

    @Test
    void returnsEmptyForAMissingKey() {
        assertThat(store.get("nothing-here")).isEmpty();
    }

    @Test
    void putReplacesThePreviousValue() {
        store.put("mode", "NORMAL");
        store.put("mode", "SAFE");

        assertThat(store.get("mode")).contains("SAFE");
    }

    @Test
    void deleteRemovesValuesAndHashes() {
        store.put("value", "1");
        store.hashPut("hash", "field", "2");

        store.delete("value");
        store.delete("hash");
        store.delete("never-existed");

        assertThat(store.get("value")).isEmpty();
        assertThat(store.hashGetAll("hash")).isEmpty();
    }

    @Test
    void incrementStartsFromZeroAndReturnsTheNewValue() {
        assertThat(store.increment("fills", 1)).isEqualTo(1);
        assertThat(store.increment("fills", 5)).isEqualTo(6);
        assertThat(store.increment("fills", -10)).isEqualTo(-4);
        assertThat(store.get("fills")).contains("-4");
    }

    @Test
    void incrementOfAStoredNumberContinuesFromIt() {
        store.put("count", "41");

        assertThat(store.increment("count", 1)).isEqualTo(42);
    }

    @Test
    void incrementIsAtomicUnderConcurrency() throws Exception {
        int threads = 8;
        int perThread = 200;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                done.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < perThread; i++) {
                        store.increment("counter", 1);
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }

        assertThat(store.get("counter")).contains(Integer.toString(threads * perThread));
    }

    @Test
    void incrementOfANonIntegerValueFailsAndKeepsTheValue() {
        store.put("name", "BTCUSDT");

        assertThatThrownBy(() -> store.increment("name", 1))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("'name' is not an integer");
        assertThat(store.get("name")).contains("BTCUSDT");
    }

    @Test
    void hashFieldsAreReadBackInKeyOrder() {
        store.hashPut("prices", "SOLUSDT", "150.1");
        store.hashPut("prices", "BTCUSDT", "65000.5");
        store.hashPut("prices", "ETHUSDT", "3000.25");

        assertThat(store.hashGetAll("prices").keySet()).containsExactly("BTCUSDT", "ETHUSDT", "SOLUSDT");
        assertThat(store.hashGetAll("prices")).containsEntry("ETHUSDT", "3000.25");
    }

    @Test
    void hashGetReadsOneFieldOrNothing() {
        store.hashPut("prices", "BTCUSDT", "65000.5");

        assertThat(store.hashGet("prices", "BTCUSDT")).contains("65000.5");
        assertThat(store.hashGet("prices", "ETHUSDT")).isEmpty();
        assertThat(store.hashGet("no-such-hash", "BTCUSDT")).isEmpty();
    }

    @Test
    void hashPutReplacesAFieldAndHashDeleteRemovesOnlyThatField() {
        store.hashPut("prices", "BTCUSDT", "1");
        store.hashPut("prices", "BTCUSDT", "2");
        store.hashPut("prices", "ETHUSDT", "3");

        store.hashDelete("prices", "BTCUSDT");
        store.hashDelete("prices", "XRPUSDT");

        assertThat(store.hashGetAll("prices")).containsExactlyEntriesOf(java.util.Map.of("ETHUSDT", "3"));
    }

    @Test
    void deletingTheLastFieldLeavesAnEmptyHash() {
        store.hashPut("prices", "BTCUSDT", "1");

        store.hashDelete("prices", "BTCUSDT");

        assertThat(store.hashGetAll("prices")).isEmpty();
        assertThat(store.hashGet("prices", "BTCUSDT")).isEmpty();
    }

    @Test
    void hashGetAllOfAMissingKeyIsEmpty() {
        assertThat(store.hashGetAll("missing")).isEmpty();
    }

    @Test
    void valuesKeepUnicodeAndSeparatorsIntact() {
        String value = "line1\nline2 \u00e9\u20ac:{}\"";
        store.put("odd:key with spaces", value);

        assertThat(store.get("odd:key with spaces")).contains(value);
    }

    @Test
    void rejectsBlankKeysAndNullValues() {
        assertThatThrownBy(() -> store.put(" ", "x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.get(null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.put("key", null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> store.hashPut("key", "", "x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.hashPut("key", "field", null)).isInstanceOf(NullPointerException.class);
        assertThat(store.get("key")).isEmpty();
        assertThat(store.hashGetAll("key")).isEmpty();
    }

    @Test
    void aValuePutAsJsonReadsBackAsItsJsonTextAndAsTheValue() {
        store.putJson("closes:BTCUSDT", CLOSES);

        assertThat(store.get("closes:BTCUSDT")).contains(EventJson.write(CLOSES));
        assertThat(store.getJson("closes:BTCUSDT", Closes.class)).contains(CLOSES);
    }

    @Test
    void jsonTextPutAsTextReadsBackAsTheValue() {
        store.put("closes:BTCUSDT", EventJson.write(CLOSES));

        assertThat(store.getJson("closes:BTCUSDT", Closes.class)).contains(CLOSES);
        assertThat(store.getJson("nothing-here", Closes.class)).isEmpty();
    }

    @Test
    void aValueReadAsAnotherTypeIsReadFromItsJson() {
        store.putJson("closes:BTCUSDT", CLOSES);

        assertThat(store.getJson("closes:BTCUSDT", Last.class)).contains(new Last(CLOSES.last()));
    }

    @Test
    void hashFieldsPutAsJsonReadBackOneByOneAllInFieldOrderAndAsText() {
        Closes eth = new Closes(List.of(new BigDecimal("3000.01")), Instant.parse("2025-01-01T00:01:00Z"));
        store.hashPutJson("market", "ETHUSDT", eth);
        store.hashPutJson("market", "BTCUSDT", CLOSES);

        assertThat(store.hashGetJson("market", "ETHUSDT", Closes.class)).contains(eth);
        assertThat(store.hashGetJson("market", "SOLUSDT", Closes.class)).isEmpty();
        assertThat(store.hashGetAllJson("market", Closes.class)).containsOnlyKeys("BTCUSDT", "ETHUSDT")
                .containsEntry("BTCUSDT", CLOSES).containsEntry("ETHUSDT", eth);
        assertThat(store.hashGetAll("market")).containsEntry("BTCUSDT", EventJson.write(CLOSES));
        assertThat(store.hashGetAllJson("nothing-here", Closes.class)).isEmpty();
    }

    @Test
    void unreadableJsonIsAClearErrorNotAnEmptyValue() {
        store.put("closes:BTCUSDT", "{not json");

        assertThatThrownBy(() -> store.getJson("closes:BTCUSDT", Closes.class))
                .hasMessageContaining("Closes");
    }

    @Test
    void anAtomicBatchAppliesEveryWriteInOrder() {
        store.put("stale", "x");
        store.hashPut("orders:working", "E-1", "BTCUSDT");

        store.writeAtomically(List.of(
                new StateWrite.Put("order:E-1", "{\"state\":\"FILLED\"}"),
                new StateWrite.HashDelete("orders:working", "E-1"),
                new StateWrite.HashPut("positions", "BTCUSDT", CLOSES),
                new StateWrite.Delete("stale"),
                new StateWrite.Put("mode", "NORMAL"),
                new StateWrite.Put("mode", "SAFE")));

        assertThat(store.get("order:E-1")).contains("{\"state\":\"FILLED\"}");
        assertThat(store.hashGetAll("orders:working")).isEmpty();
        assertThat(store.hashGetJson("positions", "BTCUSDT", Closes.class)).contains(CLOSES);
        assertThat(store.hashGet("positions", "BTCUSDT")).contains(EventJson.write(CLOSES));
        assertThat(store.get("stale")).isEmpty();
        assertThat(store.get("mode")).contains("SAFE");
    }

    @Test
    void anAtomicBatchWithABadWriteChangesNothing() {
        store.put("order:E-1", "SUBMITTED");

        assertThatThrownBy(() -> store.writeAtomically(List.of(
                new StateWrite.Put("order:E-1", "FILLED"),
                new StateWrite.HashPut("positions", "", "0.010"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("field");
        assertThatThrownBy(() -> store.writeAtomically(List.of(
                new StateWrite.Put("order:E-1", "FILLED"),
                new StateWrite.Put("order:E-2", null))))
                .isInstanceOf(NullPointerException.class);

        assertThat(store.get("order:E-1")).contains("SUBMITTED");
        assertThat(store.hashGetAll("positions")).isEmpty();
    }

    @Test
    void anEmptyAtomicBatchChangesNothing() {
        store.writeAtomically(List.of());

        assertThat(store.get("anything")).isEmpty();
    }
}
