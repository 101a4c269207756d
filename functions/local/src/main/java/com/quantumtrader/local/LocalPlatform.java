package com.quantumtrader.local;

import com.quantumtrader.ai.AiEngineDomain;
import com.quantumtrader.api.LocalApi;
import com.quantumtrader.core.bus.InProcessEventBus;
import com.quantumtrader.core.handler.DomainModule;
import com.quantumtrader.core.handler.DomainServices;
import com.quantumtrader.core.handler.Emit;
import com.quantumtrader.core.handler.EventFactory;
import com.quantumtrader.core.handler.HandlerDefinition;
import com.quantumtrader.core.handler.HandlerRuntime;
import com.quantumtrader.core.handler.PeriodicJob;
import com.quantumtrader.core.idempotency.RedisIdempotencyStore;
import com.quantumtrader.core.ids.EventIds;
import com.quantumtrader.core.policy.PolicyStore;
import com.quantumtrader.core.redis.RedisConnections;
import com.quantumtrader.core.state.RedisKeyValueStore;
import com.quantumtrader.core.time.SimulatedClock;
import com.quantumtrader.core.time.SimulatedScheduler;
import com.quantumtrader.events.BusEvent;
import com.quantumtrader.events.Domain;
import com.quantumtrader.events.Route;
import com.quantumtrader.events.RoutingTable;
import com.quantumtrader.execution.Bar;
import com.quantumtrader.execution.ExecutionDomain;
import com.quantumtrader.execution.MarketDataFeed;
import com.quantumtrader.execution.exchange.SimulatedExchangeSettings;
import com.quantumtrader.execution.marketdata.SyntheticMarketData;
import com.quantumtrader.learning.LearningDomain;
import com.quantumtrader.os.CoreOsDomain;
import com.quantumtrader.portfolio.PortfolioDomain;
import com.quantumtrader.risk.RiskSafetyDomain;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composition root of the local runtime: every domain in one JVM on the in-process bus, state and policy in a
 * real Redis (embedded, or {@code REDIS_URL}), the simulated exchange fed by the seeded synthetic market, all on a
 * simulated clock so a run with the same seed replays exactly. Handlers are wired by the routing table, the same
 * table the AWS deployment uses.
 */
final class LocalPlatform implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LocalPlatform.class);
    private static final Duration IDEMPOTENCY_LEASE = Duration.ofMinutes(5);
    private static final Duration IDEMPOTENCY_WINDOW = Duration.ofDays(2);
    private static final Duration POLICY_CACHE_TTL = Duration.ofSeconds(5);

    private final PaperOptions options;
    private final SimulatedClock clock;
    private final EventFactory events;
    private final InProcessEventBus bus = new InProcessEventBus();
    private final RunStats stats = new RunStats();
    private final RedisConnections redis;
    private final PolicyStore policy;
    private final SimulatedScheduler scheduler;
    private final SyntheticMarketData market;
    private final MarketDataFeed feed;
    private final List<HandlerRuntime> runtimes = new ArrayList<>();
    private final EventLog eventLog;
    private final LocalApi api;

    LocalPlatform(PaperOptions options) {
        this.options = options;
        this.clock = new SimulatedClock(options.start());
        // one seed drives the market and, through a split, the ids: same seed, same run
        SplittableRandom random = new SplittableRandom(options.seed());
        this.events = new EventFactory(clock, new EventIds(clock, random.split()));
        this.redis = options.redisUrl().map(RedisConnections::connect)
                .orElseGet(RedisConnections::fromEnvironmentOrEmbedded);
        // Policy changes by an operator happen in wall time, whatever clock the market runs on.
        this.policy = PolicyStore.open(redis, Clock.systemUTC(), POLICY_CACHE_TTL);
        options.policy().ifPresent(p -> policy.update(p, policy.document().version(), "quantum-local --policy"));
        this.scheduler = new SimulatedScheduler(clock);
        this.market = new SyntheticMarketData(options.seed(), options.symbols(), options.start(),
                PaperOptions.BAR_INTERVAL);
        this.eventLog = options.eventsOut().map(EventLog::new).orElse(null);

        this.api = options.api().map(settings -> LocalApi.start(settings.port(), settings.tokens(), redis, policy,
                clock, events, bus::publish)).orElse(null);
        bus.tap(stats::onEvent);
        if (api != null) {
            bus.tap(api::observe);
        }
        if (eventLog != null) {
            bus.tap(eventLog::append);
        }
        RedisIdempotencyStore idempotency = new RedisIdempotencyStore(redis, IDEMPOTENCY_LEASE, IDEMPOTENCY_WINDOW);
        ExecutionDomain execution = ExecutionDomain.paper(SimulatedExchangeSettings.defaults());
        List<DomainModule> modules = List.of(new AiEngineDomain(), new RiskSafetyDomain(), execution,
                new PortfolioDomain(), new LearningDomain(), new CoreOsDomain());
        Set<String> wired = new HashSet<>();
        DomainServices executionServices = null;
        for (DomainModule module : modules) {
            DomainServices services = services(module.domain());
            if (module == execution) {
                executionServices = services;
            }
            for (HandlerDefinition definition : module.handlers(services)) {
                Route route = RoutingTable.standard().require(definition.name());
                if (route.domain() != definition.domain()) {
                    throw new IllegalStateException(definition.name() + " is routed to " + route.domain()
                            + " but belongs to " + definition.domain());
                }
                HandlerRuntime runtime = new HandlerRuntime(definition, idempotency, events, bus::publish);
                runtimes.add(runtime);
                bus.subscribe(route, runtime::dispatch);
                wired.add(definition.name());
            }
            for (PeriodicJob job : module.periodicJobs(services)) {
                scheduler.schedule(job.name(), job.period(), job.period(), () -> publishAll(job.job().get()));
            }
        }
        List<String> unwired = RoutingTable.standard().routes().stream()
                .map(Route::handler).filter(h -> !wired.contains(h)).toList();
        if (!unwired.isEmpty()) {
            throw new IllegalStateException("routing table entries without a handler: " + unwired);
        }
        this.feed = execution.marketDataFeed(executionServices);
        LOG.info("local platform ready: {} handlers, redis {}", runtimes.size(), redis.url());
    }

    private DomainServices services(Domain domain) {
        return new DomainServices(clock, new RedisKeyValueStore(redis, domain), policy);
    }

    /** Plays the next bar of every symbol through the whole platform. */
    void step() {
        List<Bar> bars = market.next();
        clock.advanceTo(bars.get(0).closeTime());
        for (Bar bar : bars) {
            publishAll(feed.onBar(bar));
        }
        scheduler.runDue();
        stats.onBar();
    }

    /** Events without a trace of their own (a bar, a periodic job) start one. */
    private void publishAll(List<Emit> emits) {
        String traceId = null;
        for (Emit emit : emits) {
            if (emit.traceId() == null && traceId == null) {
                traceId = events.newTraceId();
            }
            bus.publish(events.create(emit, traceId));
        }
    }

    /** For tests and tools: put an event on the bus as if a producer had published it. */
    void inject(BusEvent event) {
        bus.publish(event);
    }

    void observe(Consumer<BusEvent> observer) {
        bus.tap(observer);
    }

    RunStats stats() {
        return stats;
    }

    InProcessEventBus bus() {
        return bus;
    }

    List<HandlerRuntime> runtimes() {
        return List.copyOf(runtimes);
    }

    /** Where the local API listens, if it runs. */
    Optional<URI> apiUri() {
        return Optional.ofNullable(api).map(LocalApi::uri);
    }

    PaperOptions options() {
        return options;
    }

    @Override
    public void close() {
        if (api != null) {
            api.close();
        }
        bus.close();
        if (eventLog != null) {
            eventLog.close();
        }
        policy.close();
        redis.close();
    }
}
