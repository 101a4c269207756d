package com.quantumtrader.api.testing;

import com.quantumtrader.api.routes.ApiServices;
import com.quantumtrader.api.routes.admin.OperatorCommands;
import com.quantumtrader.api.routes.health.PlatformChecks;
import com.quantumtrader.api.readmodel.TradingProjection;
import com.quantumtrader.api.readmodel.TradingView;
import com.quantumtrader.core.bus.InProcessEventBus;
import com.quantumtrader.core.handler.EventFactory;
import com.quantumtrader.core.health.HealthChecker;
import com.quantumtrader.core.ids.EventIds;
import com.quantumtrader.core.policy.PolicyStore;
import com.quantumtrader.core.redis.RedisConnections;
import com.quantumtrader.core.handler.HandlerRuntime;
import com.quantumtrader.core.idempotency.InMemoryIdempotencyStore;
import com.quantumtrader.core.state.KeyValueStore;
import com.quantumtrader.core.state.RedisKeyValueStore;
import com.quantumtrader.core.testing.RedisTestServer;
import com.quantumtrader.events.Domain;
import com.quantumtrader.events.RoutingTable;
import com.quantumtrader.events.BusEvent;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Real parts for the API tests: the shared embedded Redis (flushed), a policy store on it, an in-process bus whose
 * every event is recorded and whose trading events the routed projection folds into Redis, and the health checks.
 */
public final class ApiFixture implements AutoCloseable {

    public static final Instant NOW = Instant.parse("2024-03-12T19:00:00Z");

    public final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    public final RedisConnections redis;
    public final PolicyStore policy;
    public final InProcessEventBus bus = new InProcessEventBus();
    public final List<BusEvent> published = new CopyOnWriteArrayList<>();
    public final TradingView view;
    public final EventFactory events = new EventFactory(clock, new EventIds(clock, new SplittableRandom(7)));
    public final HealthChecker health;
    public final ApiServices services;

    public ApiFixture() {
        RedisTestServer.flush();
        redis = RedisConnections.connect(RedisTestServer.url());
        policy = PolicyStore.open(redis, clock, Duration.ofSeconds(5));
        bus.tap(published::add);
        // the trading view is kept as in AWS and in the local runtime: by its routed subscriber, in core OS's state
        KeyValueStore coreOs = new RedisKeyValueStore(redis, Domain.CORE_OS);
        view = new TradingView(coreOs);
        bus.subscribe(RoutingTable.standard().require(TradingProjection.HANDLER), new HandlerRuntime(
                TradingProjection.definition(coreOs), new InMemoryIdempotencyStore(), events, bus::publish)::dispatch);
        health = PlatformChecks.register(new HealthChecker(clock), redis, view, clock);
        services = new ApiServices(health, view, policy, new OperatorCommands(events, bus::publish));
    }

    @Override
    public void close() {
        health.close();
        policy.close();
        bus.close();
        redis.close();
    }
}
