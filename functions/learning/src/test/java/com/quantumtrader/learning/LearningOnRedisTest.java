package com.quantumtrader.learning;

import static com.quantumtrader.events.EventCatalog.AI_MODEL_DEGRADED;
import static com.quantumtrader.events.EventCatalog.TRADE_CLOSED;
import static org.assertj.core.api.Assertions.assertThat;

import com.quantumtrader.core.handler.Emit;
import com.quantumtrader.core.handler.EventHandler;
import com.quantumtrader.core.handler.HandlerDefinition;
import com.quantumtrader.core.redis.RedisConnections;
import com.quantumtrader.core.state.RedisKeyValueStore;
import com.quantumtrader.core.testing.RedisTestServer;
import com.quantumtrader.events.Domain;
import com.quantumtrader.events.ai.ModelDegraded;
import com.quantumtrader.events.learning.DriftDetected;
import com.quantumtrader.events.learning.ModelRetrained;
import com.quantumtrader.core.testing.DomainFixture;
import com.quantumtrader.learning.testing.Trades;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Learning's journal and drift counts in a real Redis: a process that restarts carries on where it stopped. */
class LearningOnRedisTest {

    @BeforeEach
    void emptyRedis() {
        RedisTestServer.flush();
    }

    private static EventHandler handler(DomainFixture fixture, String name) {
        return new LearningDomain().handlers(fixture.services()).stream().filter(h -> h.name().equals(name))
                .map(HandlerDefinition::handler).findFirst().orElseThrow();
    }

    @Test
    void resumesItsJournalAndDriftCountsFromRedisAfterARestart() {
        Trades trades = new Trades("ma_crossover", "ma_crossover@v1");
        // given a first process that recorded 30 trades winning 60 % and 19 trades winning 2
        try (RedisConnections redis = RedisConnections.connect(RedisTestServer.url())) {
            DomainFixture first = new DomainFixture(new RedisKeyValueStore(redis, Domain.LEARNING));
            EventHandler detector = handler(first, "drift_detector");
            for (int i = 0; i < 49; i++) {
                boolean win = i < 30 ? i % 5 == 0 || i % 5 == 2 || i % 5 == 3 : i == 36 || i == 43;
                assertThat(detector.handle(first.inbound(TRADE_CLOSED, trades.next(win)))).isEmpty();
            }
        }

        // when a second process over the same Redis records the 50th, a winner: 3/20 against 18/30
        List<Emit> drift;
        List<Emit> refit;
        try (RedisConnections redis = RedisConnections.connect(RedisTestServer.url())) {
            DomainFixture second = new DomainFixture(new RedisKeyValueStore(redis, Domain.LEARNING));
            drift = handler(second, "drift_detector").handle(second.inbound(TRADE_CLOSED, trades.next(true)));
            refit = handler(second, "retraining_trigger").handle(second.inbound(AI_MODEL_DEGRADED,
                    new ModelDegraded("ma_crossover@v1", "ma_crossover", "win_rate", 0.15, 0.3, 20)));
        }

        // then it knows all 50 trades: the drift is found and the refit sees every trade
        assertThat(drift).extracting(e -> ((DriftDetected) e.payload()).statistic())
                .containsExactly(-3.1583808285461834);
        assertThat(refit).extracting(e -> ((ModelRetrained) e.payload()).parameters().get("trades"))
                .containsExactly("50");
    }
}
