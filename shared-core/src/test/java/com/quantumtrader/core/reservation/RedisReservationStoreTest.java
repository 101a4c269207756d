package com.quantumtrader.core.reservation;

import static org.assertj.core.api.Assertions.assertThat;

import com.quantumtrader.core.redis.RedisConnections;
import com.quantumtrader.core.state.InMemoryKeyValueStore;
import com.quantumtrader.core.state.RedisKeyValueStore;
import com.quantumtrader.core.testing.RedisTestServer;
import com.quantumtrader.events.Domain;
import io.lettuce.core.api.StatefulRedisConnection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class RedisReservationStoreTest extends ReservationStoreContract {

    private static RedisConnections connections;
    private static StatefulRedisConnection<String, String> raw;

    @BeforeAll
    static void connect() {
        connections = RedisConnections.connect(RedisTestServer.url());
        raw = RedisTestServer.client().connect();
    }

    @AfterAll
    static void disconnect() {
        raw.close();
        connections.close();
    }

    @Override
    protected ReservationStore newStore() {
        RedisTestServer.flush();
        return new RedisReservationStore(connections, Domain.RISK_SAFETY);
    }

    @Override
    protected void pass(Duration duration) throws InterruptedException {
        Thread.sleep(duration.toMillis());
    }

    @Test
    void keepsEveryKeyUnderTheDomainPrefix() {
        store.reserve(new ReservationRequest("sig-1", List.of(Increment.held("gross", 5)),
                List.of(Limit.of("GROSS", 10, "gross"))));

        assertThat(raw.sync().keys("*")).containsExactlyInAnyOrder(
                "risk_safety:{reservations}:counter:gross", "risk_safety:{reservations}:held:sig-1");
        assertThat(raw.sync().get("risk_safety:{reservations}:counter:gross")).isEqualTo("5");
    }

    @Test
    void servicesOverRedisStateGetRedisReservationsAndOverMemoryStateMemoryOnes() {
        assertThat(ReservationStores.sameBackendAs(new RedisKeyValueStore(connections, Domain.RISK_SAFETY), clock))
                .isInstanceOf(RedisReservationStore.class);
        assertThat(ReservationStores.sameBackendAs(new InMemoryKeyValueStore(), clock))
                .isInstanceOf(InMemoryReservationStore.class);
    }

    @Test
    void manyConcurrentCallersNeverBothPassALimitOnlyOneFits() throws Exception {
        // given 64 callers on 16 threads, each with its own connection as separate Lambdas would have, racing for
        // a gross limit that fits 10 of them and a position limit that fits 12
        int callers = 64;
        ExecutorService pool = Executors.newFixedThreadPool(16);
        List<RedisConnections> own = new ArrayList<>();
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Boolean>> results = new ArrayList<>();
        try {
            for (int i = 0; i < callers; i++) {
                RedisConnections connection = RedisConnections.connect(RedisTestServer.url());
                own.add(connection);
                ReservationStore caller = new RedisReservationStore(connection, Domain.RISK_SAFETY);
                String id = "sig-" + i;
                Callable<Boolean> decide = () -> {
                    start.await();
                    return caller.reserve(new ReservationRequest(id,
                            List.of(Increment.held("gross", 100_000_000L), Increment.held("positions", 1)),
                            List.of(Limit.of("GROSS", 1_000_000_000L, "gross"),
                                    Limit.of("POSITIONS", 12, "positions")))).granted();
                };
                results.add(pool.submit(decide));
            }

            // when they all go at once
            start.countDown();
            long granted = 0;
            for (Future<Boolean> result : results) {
                granted += result.get() ? 1 : 0;
            }

            // then exactly the ten that fit were granted, and the counters say so
            assertThat(granted).isEqualTo(10);
            assertThat(store.values(List.of("gross", "positions")))
                    .containsEntry("gross", 1_000_000_000L).containsEntry("positions", 10L);
        } finally {
            pool.shutdownNow();
            own.forEach(RedisConnections::close);
        }
    }
}
