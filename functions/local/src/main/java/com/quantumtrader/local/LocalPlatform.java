package com.quantumtrader.local;

import com.quantumtrader.events.market.MarketPriceUpdate;
import com.quantumtrader.ai.AiEngineDomain;
import com.quantumtrader.core.ml.ModelRegistry;
import com.quantumtrader.core.ml.registry.KeyValueModelRegistry;
import com.quantumtrader.core.ml.registry.RegistryLimits;
import com.quantumtrader.ai.spi.StrategyCatalog;
import com.quantumtrader.api.local.LocalApi;
import com.quantumtrader.api.readmodel.TradingProjection;
import com.quantumtrader.core.bus.InProcessEventBus;
import com.quantumtrader.core.bus.RetryBackoff;
import com.quantumtrader.core.handler.DomainModule;
import com.quantumtrader.core.handler.DomainServices;
import com.quantumtrader.core.handler.Emit;
import com.quantumtrader.core.handler.EventFactory;
import com.quantumtrader.core.handler.HandlerDefinition;
import com.quantumtrader.core.handler.HandlerRuntime;
import com.quantumtrader.core.handler.PeriodicJob;
import com.quantumtrader.core.idempotency.IdempotencyStore;
import com.quantumtrader.core.instrument.InstrumentCatalog;
import com.quantumtrader.core.ids.EventIds;
import com.quantumtrader.core.time.SimulatedClock;
import com.quantumtrader.core.time.SimulatedScheduler;
import com.quantumtrader.events.BusEvent;
import com.quantumtrader.events.Domain;
import com.quantumtrader.events.Route;
import com.quantumtrader.events.RoutingTable;
import com.quantumtrader.execution.ExecutionDomain;
import com.quantumtrader.execution.MarketDataFeed;
import com.quantumtrader.local.dashboard.Dashboard;
import com.quantumtrader.local.dashboard.LatchReading;
import com.quantumtrader.learning.LearningDomain;
import com.quantumtrader.os.CoreOsDomain;
import com.quantumtrader.portfolio.PortfolioDomain;
import com.quantumtrader.risk.RiskSafetyDomain;
import com.quantumtrader.risk.safety.SafetySwitches;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composition root of the local runtime: every domain in one JVM on the in-process bus, on a simulated clock so
 * a run with the same seed and bars replays exactly. Handlers are wired by the routing table, the same table the AWS
 * deployment uses. What differs between paper trading and a backtest is only where the bars come from (the seeded
 * synthetic market or history files) and where state lives (Redis or memory), both chosen by the {@link Setup}.
 */
final class LocalPlatform implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LocalPlatform.class);
    private static final String API_MODULE = "api";
    /** The trading view is core OS's state (the API is core OS's control plane). */
    private static final Domain TRADING_VIEW_DOMAIN = Domain.CORE_OS;

    /**
     * @param seed      seeds the event ids (and, for paper, the synthetic market)
     * @param bars      where candles come from
     * @param state     where state, dedupe and policy live
     * @param eventsOut where to write every published event as one JSON line
     * @param api       serve the local API (needs Redis state)
     * @param costs     fees, slippage and funding of the simulated exchange
     * @param instruments every domain's and the simulated exchange's instrument data
     * @param resumable the market of a run that checkpoints each bar in Redis and resumes from there after a
     *                  restart (paper); empty: every run starts at the first bar (backtest)
     */
    record Setup(long seed, BarSource bars, StateBackend state, Optional<Path> eventsOut,
                 Optional<PaperOptions.ApiSettings> api, CostModel costs, InstrumentCatalog instruments,
                 Optional<PaperCheckpoint.Market> resumable, StrategyCatalog strategies, RunModels models) {

        Setup(long seed, BarSource bars, StateBackend state, Optional<Path> eventsOut,
              Optional<PaperOptions.ApiSettings> api, CostModel costs, InstrumentCatalog instruments,
              Optional<PaperCheckpoint.Market> resumable) {
            this(seed, bars, state, eventsOut, api, costs, instruments, resumable, StrategyCatalog.builtIn(),
                    RunModels.none());
        }

        /** The same run with these strategies (the built-in ones and a --strategies-jar's). */
        Setup withStrategies(StrategyCatalog catalog) {
            return new Setup(seed, bars, state, eventsOut, api, costs, instruments, resumable, catalog, models);
        }

        /** The same run with these models (--models) in its registry before the first bar. */
        Setup withModels(RunModels runModels) {
            return new Setup(seed, bars, state, eventsOut, api, costs, instruments, resumable, strategies, runModels);
        }

        Setup(long seed, BarSource bars, StateBackend state, Optional<Path> eventsOut,
              Optional<PaperOptions.ApiSettings> api, CostModel costs, InstrumentCatalog instruments) {
            this(seed, bars, state, eventsOut, api, costs, instruments, Optional.empty());
        }

        Setup(long seed, BarSource bars, StateBackend state, Optional<Path> eventsOut,
              Optional<PaperOptions.ApiSettings> api, CostModel costs) {
            this(seed, bars, state, eventsOut, api, costs, InstrumentCatalog.bundled());
        }

        Setup(long seed, BarSource bars, StateBackend state, Optional<Path> eventsOut,
              Optional<PaperOptions.ApiSettings> api) {
            this(seed, bars, state, eventsOut, api, CostModel.defaults());
        }

        static Setup paper(PaperOptions options) {
            return new Setup(options.seed(), BarSource.synthetic(options.seed(), options.symbols(), options.start(),
                    options.instruments()), StateBackend.redis(options.redisUrl(), options.policy(), options.instruments()),
                    options.eventsOut(), options.api(), CostModel.defaults(), options.instruments(),
                    Optional.of(new PaperCheckpoint.Market(options.seed(), options.symbols(), options.start())));
        }
    }

    private final SimulatedClock clock;
    private final EventFactory events;
    private final RedisOutage outage = new RedisOutage(RetryBackoff.defaults());
    private final InProcessEventBus bus = new InProcessEventBus(RetryBackoff.defaults());
    private final RunStats stats = new RunStats();
    private final StateBackend state;
    private final SimulatedScheduler scheduler;
    private final BarSource bars;
    private final MarketDataFeed feed;
    private final List<HandlerRuntime> runtimes = new ArrayList<>();
    private final EventLog eventLog;
    private final LocalApi api;
    private final Dashboard dashboard;
    private final EventIds ids;
    private final Optional<PaperCheckpoint.Market> market;
    private final PaperCheckpoints checkpoints;
    private final long resumedAt;
    private final InstrumentCatalog instruments;

    LocalPlatform(PaperOptions options) {
        this(Setup.paper(options));
    }

    LocalPlatform(Setup setup) {
        this.bars = setup.bars();
        this.state = setup.state();
        this.instruments = setup.instruments();
        this.clock = new SimulatedClock(bars.start());
        this.market = setup.resumable();
        this.checkpoints = market.flatMap(m -> state.redis()).map(redis -> new PaperCheckpoints(redis.connections()))
                .orElse(null);
        Optional<PaperCheckpoint> checkpoint = resumeFrom();
        // one seed drives the market and, through a split, the ids: same seed, same run. A resumed run draws its
        // id bits from a stream of its own (one per start), and continues the generator's persisted state.
        long start = checkpoints == null ? 1 : checkpoints.countStart();
        SplittableRandom random = new SplittableRandom(setup.seed());
        this.ids = new EventIds(clock, start <= 1 ? random.split() : new SplittableRandom(setup.seed() ^ mix(start)));
        checkpoint.ifPresent(c -> ids.restore(c.ids()));
        this.resumedAt = checkpoint.map(PaperCheckpoint::bars).orElse(0L);
        this.events = new EventFactory(clock, ids);
        this.scheduler = new SimulatedScheduler(clock);
        this.eventLog = setup.eventsOut().map(path -> new EventLog(path, checkpoint.isPresent())).orElse(null);
        stats.resumeAt(resumedAt, market.map(m -> m.symbols().size()).orElse(0));

        this.api = setup.api().map(settings -> {
            StateBackend.RedisState redis = state.redis().orElseThrow(
                    () -> new IllegalArgumentException("the local API needs Redis state"));
            // health is an operator's question, asked in wall time; the circuit breaker's expiry is market time
            return LocalApi.start(settings.port(), settings.tokens(), redis.connections(),
                    state.state(TRADING_VIEW_DOMAIN), redis.policy(), Clock.systemUTC(), clock, events, bus::publish);
        }).orElse(null);
        // the page calls the API's routes, so the dashboard follows the API's port and tokens
        this.dashboard = setup.api().filter(settings -> settings.dashboardPort().isPresent())
                .map(settings -> Dashboard.start(settings.dashboardPort().getAsInt(), settings.tokens(), api.uri(),
                        emergencyLatch()))
                .orElse(null);
        bus.onRetry(outage);
        bus.tap(stats::onEvent);
        if (dashboard != null) {
            // taps run before subscribers, so the trading projection may not hold this event yet: the page re-reads
            // the trading routes a moment after an event, and every few seconds
            bus.tap(dashboard::observe);
        }
        if (eventLog != null) {
            bus.tap(eventLog::append);
        }
        IdempotencyStore idempotency = state.idempotency(clock);
        // execution publishes through its transactional outbox, with the platform's ids, in the order it always did
        ExecutionDomain execution = ExecutionDomain.paper(setup.costs().exchangeSettings().listing(instruments))
                .withFunding(setup.costs().fundingSchedule())
                .publishingTo(events, bus::publish);
        // the run's model registry: learning's keys in the run's state (Redis for paper, memory for a backtest)
        ModelRegistry models = new KeyValueModelRegistry(state.state(Domain.LEARNING), RegistryLimits.DEFAULT);
        setup.models().copyInto(models);
        List<DomainModule> modules = List.of(new AiEngineDomain(setup.strategies(), models), new RiskSafetyDomain(),
                execution,
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
                scheduler.schedule(job.name(), firstRunAfter(job.period()), job.period(),
                        () -> publishAll(outage.retryWhileUnavailable(job.name(), job.job())));
            }
        }
        // the trading routes' read model: routed like any handler (in AWS its own Lambda), run by the api module
        for (Route route : RoutingTable.standard().routesRunBy(API_MODULE)) {
            HandlerDefinition definition = TradingProjection.definition(state.state(route.domain()),
                    Clock.systemUTC());
            if (!definition.name().equals(route.handler()) || route.domain() != TRADING_VIEW_DOMAIN) {
                throw new IllegalStateException("the api module runs " + definition.name() + " of "
                        + TRADING_VIEW_DOMAIN.id() + ", but the routing table gives it " + route);
            }
            HandlerRuntime runtime = new HandlerRuntime(definition, idempotency, events, bus::publish);
            runtimes.add(runtime);
            bus.subscribe(route, runtime::dispatch);
            wired.add(definition.name());
        }
        List<String> unwired = RoutingTable.standard().routes().stream()
                .map(Route::handler).filter(h -> !wired.contains(h)).toList();
        if (!unwired.isEmpty()) {
            throw new IllegalStateException("routing table entries without a handler: " + unwired);
        }
        this.feed = execution.marketDataFeed(executionServices);
        // every subscriber is wired: what a crash left in execution's outbox is published, then it reconciles
        execution.recover(executionServices);
        LOG.info("local platform ready: {} handlers, state {}", runtimes.size(), state.describe());
    }

    /** The dashboard's query of risk & safety's persisted emergency-stop latch (this root may see every domain). */
    private Supplier<Optional<LatchReading>> emergencyLatch() {
        SafetySwitches switches = new SafetySwitches(state.state(Domain.RISK_SAFETY));
        return () -> switches.emergencyLatch().map(latch -> new LatchReading(latch.reason(), latch.value(),
                latch.threshold(), latch.latchedAt()));
    }

    private DomainServices services(Domain domain) {
        return new DomainServices(clock, state.state(domain), state.policy(), instruments);
    }

    /**
     * Plays the next bars (every symbol's bar that closes next) through the whole platform: the clock moves to
     * their close first, so nothing handled for them can see a later time or price.
     *
     * @return false when the bar source is exhausted (nothing was played)
     */
    boolean step() {
        List<MarketPriceUpdate> next = bars.next();
        if (next.isEmpty()) {
            return false;
        }
        clock.advanceTo(next.get(0).closeTime());
        for (MarketPriceUpdate bar : next) {
            // a Redis outage pauses the loop here (and inside the bus) until Redis answers again
            publishAll(outage.retryWhileUnavailable("bar " + bar.symbol() + " " + bar.openTime(),
                    () -> feed.onBar(bar)));
        }
        scheduler.runDue();
        stats.onStep(next.size());
        barCompleted();
        return true;
    }

    /**
     * The bar step is done: its events go to disk as whole lines, then the checkpoint says so. A kill before the
     * checkpoint replays this bar on restart; a kill after it resumes at the next one.
     */
    private void barCompleted() {
        if (eventLog != null) {
            eventLog.flush();
        }
        if (checkpoints != null) {
            checkpoints.save(new PaperCheckpoint(market.orElseThrow(), stats.steps(), clock.instant(), ids.state()));
        }
    }

    /**
     * The checkpoint of this market in Redis, if any: the bar source skips (without publishing) the bars it
     * covers and the clock moves to its last close, so the next step is the bar after it.
     */
    private Optional<PaperCheckpoint> resumeFrom() {
        if (checkpoints == null) {
            return Optional.empty();
        }
        Optional<PaperCheckpoint> checkpoint = checkpoints.load();
        checkpoint.ifPresent(c -> {
            if (!c.market().equals(market.orElseThrow())) {
                throw new PaperCheckpoints.MismatchException(c.market(), market.orElseThrow(), c.bars());
            }
            Instant lastClose = null;
            for (long skipped = 0; skipped < c.bars(); skipped++) {
                List<MarketPriceUpdate> bar = bars.next();
                if (bar.isEmpty()) {
                    throw new IllegalStateException("the checkpoint is at bar " + c.bars() + " but the market ends at "
                            + skipped);
                }
                lastClose = bar.get(0).closeTime();
            }
            if (lastClose != null && !lastClose.equals(c.barClose())) {
                throw new IllegalStateException("the checkpoint's bar " + c.bars() + " closed at " + c.barClose()
                        + " but the market's closes at " + lastClose);
            }
            clock.advanceTo(c.barClose());
            LOG.info("resuming the paper run at bar {} (checkpoint of bar {}, closed {})", c.bars() + 1, c.bars(),
                    c.barClose());
        });
        return checkpoint;
    }

    /**
     * A periodic job keeps the phase it has in an uninterrupted run (due at start + k * period), so a resumed run
     * runs it at the same simulated times; a fresh run's first run is one period after the start, as always.
     */
    private Duration firstRunAfter(Duration period) {
        Duration sinceStart = Duration.between(bars.start(), clock.instant());
        long intoPeriod = Math.floorMod(sinceStart.toMillis(), period.toMillis());
        return period.minusMillis(intoPeriod);
    }

    /** SplitMix64's finaliser: distinct starts give unrelated seeds. */
    private static long mix(long value) {
        long z = value * 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** The bar a resumed run continued after (its checkpoint), 0 for a run that started at the first bar. */
    long resumedAt() {
        return resumedAt;
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

    /** Shutdown: stop waiting for Redis (what is still put off is dead-lettered with its reason). */
    void stopWaitingForRedis() {
        outage.stop();
        bus.stopRetrying();
    }

    /** How many times the run waited for Redis. */
    long redisPauses() {
        return outage.pauses();
    }

    RunStats stats() {
        return stats;
    }

    /** The policy in force now (the store's, for a paper run on Redis). */
    com.quantumtrader.core.policy.Policy currentPolicy() {
        return state.policy().current();
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

    /** Where the dashboard page is served (without its token), if it runs. */
    Optional<URI> dashboardUri() {
        return Optional.ofNullable(dashboard).map(Dashboard::uri);
    }

    /** How many steps the bar source holds, -1 when endless or unknown. */
    long totalSteps() {
        return bars.totalSteps();
    }

    /** How many bars the bar source holds, -1 when endless or unknown. */
    long totalBars() {
        return bars.totalBars();
    }

    int handlerCount() {
        return runtimes.size();
    }

    @Override
    public void close() {
        if (dashboard != null) {
            dashboard.close();
        }
        if (api != null) {
            api.close();
        }
        bus.close();
        if (eventLog != null) {
            eventLog.close();
        }
        state.close();
    }
}
