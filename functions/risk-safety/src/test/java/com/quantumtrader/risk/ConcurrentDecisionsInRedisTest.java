package com.quantumtrader.risk;

import static com.quantumtrader.risk.PolicyChanges.maxOpenPositions;
import static com.quantumtrader.risk.PolicyChanges.universe;
import static com.quantumtrader.risk.SignalBuilder.aSignal;
import static org.assertj.core.api.Assertions.assertThat;

import com.quantumtrader.core.handler.Emit;
import com.quantumtrader.core.redis.RedisConnections;
import com.quantumtrader.core.state.RedisKeyValueStore;
import com.quantumtrader.core.testing.RedisTestServer;
import com.quantumtrader.core.time.SimulatedClock;
import com.quantumtrader.events.Domain;
import com.quantumtrader.events.risk.SignalRejected;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Concurrent Lambda invocations, each a domain instance with its own Redis connection: signals racing for a limit
 * only some of them fit never all pass it.
 */
class ConcurrentDecisionsInRedisTest {

    private static final List<String> SYMBOLS = List.of("AAAUSDT", "BBBUSDT", "CCCUSDT", "DDDUSDT", "EEEUSDT",
            "FFFUSDT", "GGGUSDT", "HHHUSDT", "IIIUSDT", "JJJUSDT", "KKKUSDT", "LLLUSDT");

    @Test
    void manyConcurrentSignalsNeverExceedTheOpenPositionLimit() throws Exception {
        // given 24 invocations (two per symbol) on 8 threads, and room for 3 positions
        RedisTestServer.flush();
        SimulatedClock clock = new SimulatedClock(RiskFixture.START);
        int invocations = 24;
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<RedisConnections> connections = new ArrayList<>();
        CountDownLatch go = new CountDownLatch(1);
        List<Future<List<Emit>>> decisions = new ArrayList<>();
        try {
            for (int i = 0; i < invocations; i++) {
                RedisConnections own = RedisConnections.connect(RedisTestServer.url());
                connections.add(own);
                RiskFixture lambda = new RiskFixture(clock, new RedisKeyValueStore(own, Domain.RISK_SAFETY))
                        .withPolicy(universe(SYMBOLS.toArray(String[]::new)), maxOpenPositions(3));
                String symbol = SYMBOLS.get(i % SYMBOLS.size());
                var signal = aSignal().symbol(symbol).reference("100").stop("98").target("104").quantity("1").build();
                decisions.add(pool.submit(() -> {
                    go.await();
                    return lambda.signal(signal);
                }));
            }

            // when they all decide at once
            go.countDown();
            List<Emit> all = new ArrayList<>();
            for (Future<List<Emit>> decision : decisions) {
                all.addAll(decision.get());
            }

            // then exactly three are approved, and every other one names the limit that stopped it
            assertThat(all).filteredOn(e -> e.type().name().equals("risk.signal.approved")).hasSize(3);
            assertThat(all).filteredOn(e -> e.type().name().equals("risk.signal.rejected"))
                    .hasSize(invocations - 3)
                    .allSatisfy(e -> assertThat(((SignalRejected) e.payload()).reasonCode())
                            .isIn("MAX_OPEN_POSITIONS", "POSITION_ALREADY_OPEN", "ORDER_RATE_LIMIT"));
        } finally {
            pool.shutdownNow();
            connections.forEach(RedisConnections::close);
        }
    }
}
