package com.quantumtrader.api.local;

import com.quantumtrader.api.routes.ApiServices;
import com.quantumtrader.api.routes.admin.OperatorCommands;
import com.quantumtrader.api.routes.health.PlatformChecks;
import com.quantumtrader.api.readmodel.TradingProjection;
import com.quantumtrader.api.readmodel.TradingView;
import com.quantumtrader.core.handler.EventFactory;
import com.quantumtrader.core.health.HealthChecker;
import com.quantumtrader.core.lambda.EventPublisher;
import com.quantumtrader.core.policy.PolicyStore;
import com.quantumtrader.core.ml.registry.ModelRegistries;
import com.quantumtrader.core.redis.RedisConnections;
import com.quantumtrader.core.state.KeyValueStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Clock;
import java.util.Map;

/**
 * The health, trading and admin routes inside a local runtime: the same handlers as the function URLs, behind a
 * bearer token on a loopback port. The trading routes read core OS's state, which the runtime keeps by wiring the
 * {@link TradingProjection} like any routed handler; operator commands go out through the runtime's bus.
 */
public final class LocalApi implements AutoCloseable {

    private final LocalApiServer server;

    private LocalApi(LocalApiServer server) {
        this.server = server;
    }

    /**
     * @param port   0 picks a free port
     * @param tokens token name -> token (at least 16 characters); the name is the actor in the policy audit
     * @param coreOsState the store the {@link TradingProjection} of the same runtime folds into
     * @param wallClock   an operator's time: the health report's times and how long a domain has been silent
     * @param marketClock the time the domains run on (simulated in paper runs): the circuit breaker's expiry
     */
    public static LocalApi start(int port, Map<String, String> tokens, RedisConnections redis,
                                 KeyValueStore coreOsState, PolicyStore policy, Clock wallClock, Clock marketClock,
                                 EventFactory events, EventPublisher publisher) {
        TradingView view = new TradingView(coreOsState);
        // health ages and the report's cache run on wall time: a run paused by a Redis outage stops its simulated
        // clock, which would keep serving the last report from before the outage
        ApiServices services = new ApiServices(PlatformChecks.register(new HealthChecker(wallClock), redis, view,
                wallClock, marketClock), view, policy, new OperatorCommands(events, publisher),
                ModelRegistries.redis(redis));
        try {
            return new LocalApi(LocalApiServer.start(port, tokens, services));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serve the local API on port " + port, e);
        }
    }

    public URI uri() {
        return server.uri();
    }

    @Override
    public void close() {
        server.close();
    }
}
