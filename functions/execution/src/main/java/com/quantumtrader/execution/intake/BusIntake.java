package com.quantumtrader.execution.intake;

import com.quantumtrader.core.bus.EventBus;
import com.quantumtrader.core.bus.InProcessEventBus;
import com.quantumtrader.core.bus.RedisStreamsEventBus;
import com.quantumtrader.core.bus.Subscription;
import com.quantumtrader.events.Domain;
import com.quantumtrader.events.Route;
import com.quantumtrader.events.RoutingTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Intake from a bus that routes by itself: one subscription per execution route of the routing table. On the
 * in-process bus (local runtime, backtests) delivery is synchronous on the publisher's thread; on Redis Streams
 * (self-hosted) each route is a consumer group named after its handler, so several execution processes share the
 * work and an entry is acked only after an acknowledged outcome (see {@link RedisStreamsEventBus}).
 */
public final class BusIntake implements CommandIntake {

    private final EventBus bus;
    private final String kind;
    private final List<Route> routes;
    private final List<Subscription> subscriptions = new ArrayList<>();
    private boolean started;

    private BusIntake(EventBus bus, String kind, List<Route> routes) {
        this.bus = Objects.requireNonNull(bus, "bus");
        this.kind = kind;
        this.routes = List.copyOf(routes);
    }

    /** The local runtime's bus, subscribed with the routing table's execution routes. */
    public static BusIntake inProcess(InProcessEventBus bus) {
        return new BusIntake(bus, "in-process", RoutingTable.standard().routesOf(Domain.EXECUTION));
    }

    /** The self-hosted bus, subscribed with the routing table's execution routes. */
    public static BusIntake redisStreams(RedisStreamsEventBus bus) {
        return new BusIntake(bus, "redis-streams", RoutingTable.standard().routesOf(Domain.EXECUTION));
    }

    @Override
    public synchronized void start(ExecutionCommands commands) {
        Objects.requireNonNull(commands, "commands");
        if (started) {
            throw new IllegalStateException("the " + kind + " intake is already started");
        }
        started = true;
        for (Route route : routes) {
            // the bus routed it already: straight to the route's handler
            subscriptions.add(bus.subscribe(route, commands.handlerOf(route)));
        }
    }

    @Override
    public synchronized void stop() {
        for (Subscription subscription : subscriptions) {
            subscription.close();
        }
        subscriptions.clear();
    }

    @Override
    public String describe() {
        return kind + " " + routes.stream().map(Route::handler).toList();
    }
}
