package com.quantumtrader.local;

import com.quantumtrader.ai.AiEngineDomain;
import com.quantumtrader.api.LocalApi;
import com.quantumtrader.api.TradingProjection;
import com.quantumtrader.core.bus.InProcessEventBus;
import com.quantumtrader.core.handler.DomainModule;
import com.quantumtrader.core.handler.DomainServices;
import com.quantumtrader.core.handler.Emit;
import com.quantumtrader.core.handler.EventFactory;
import com.quantumtrader.core.handler.HandlerDefinition;
import com.quantumtrader.core.handler.HandlerRuntime;
import com.quantumtrader.core.handler.PeriodicJob;
import com.quantumtrader.core.idempotency.IdempotencyStore;
import com.quantumtrader.core.ids.EventIds;
import com.quantumtrader.core.time.SimulatedClock;
import com.quantumtrader.core.time.SimulatedScheduler;
import com.quantumtrader.events.BusEvent;
import com.quantumtrader.events.Domain;
import com.quantumtrader.events.Route;
import com.quantumtrader.events.RoutingTable;
import com.quantumtrader.execution.Bar;
import com.quantumtrader.execution.ExecutionDomain;
import com.quantumtrader.execution.MarketDataFeed;
import com.quantumtrader.local.dashboard.Dashboard;
import com.quantumtrader.learning.LearningDomain;
import com.quantumtrader.os.CoreOsDomain;
import com.quantumtrader.portfolio.PortfolioDomain;
import com.quantumtrader.risk.RiskSafetyDomain;
import java.net.URI;
import java.nio.file.Path;
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
     */
    record Setup(long seed, BarSource bars, StateBackend state, Optional<Path> eventsOut,
                 Optional<PaperOptions.ApiSettings> api, CostModel costs) {

        Setup(long seed, BarSource bars, StateBackend state, Optional<Path> eventsOut,
              Optional<PaperOptions.ApiSettings> api) {
            this(seed, bars, state, eventsOut, api, CostModel.defaults());
        }

        static Setup paper(PaperOptions options) {
            return new Setup(options.seed(), BarSource.synthetic(options.seed(), options.symbols(), options.start()),
                    StateBackend.redis(options.redisUrl(), options.policy()), options.eventsOut(), options.api());
        }
    }

    private final SimulatedClock clock;
    private final EventFactory events;
    private final InProcessEventBus bus = new InProcessEventBus();
    private final RunStats stats = new RunStats();
    private final StateBackend state;
    private final SimulatedScheduler scheduler;
    private final BarSource bars;
    private final MarketDataFeed feed;
    private final List<HandlerRuntime> runtimes = new ArrayList<>();
    private final EventLog eventLog;
    private final LocalApi api;
    private final Dashboard dashboard;

    LocalPlatform(PaperOptions options) {
        this(Setup.paper(options));
    }

    LocalPlatform(Setup setup) {
        this.bars = setup.bars();
        this.state = setup.state();
        this.clock = new SimulatedClock(bars.start());
        // one seed drives the market and, through a split, the ids: same seed, same run
        SplittableRandom random = new SplittableRandom(setup.seed());
        this.events = new EventFactory(clock, new EventIds(clock, random.split()));
        this.scheduler = new SimulatedScheduler(clock);
        this.eventLog = setup.eventsOut().map(EventLog::new).orElse(null);

        this.api = setup.api().map(settings -> {
            StateBackend.RedisState redis = state.redis().orElseThrow(
                    () -> new IllegalArgumentException("the local API needs Redis state"));
            return LocalApi.start(settings.port(), settings.tokens(), redis.connections(),
                    state.state(TRADING_VIEW_DOMAIN), redis.policy(), clock, events, bus::publish);
        }).orElse(null);
        // the page calls the API's routes, so the dashboard follows the API's port and tokens
        this.dashboard = setup.api().filter(settings -> settings.dashboardPort().isPresent())
                .map(settings -> Dashboard.start(settings.dashboardPort().getAsInt(), settings.tokens(), api.uri()))
                .orElse(null);
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
        ExecutionDomain execution = ExecutionDomain.paper(setup.costs().exchangeSettings())
                .withFunding(setup.costs().fundingSchedule());
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
        // the trading routes' read model: routed like any handler (in AWS its own Lambda), run by the api module
        for (Route route : RoutingTable.standard().routesRunBy(API_MODULE)) {
            HandlerDefinition definition = TradingProjection.definition(state.state(route.domain()));
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
        LOG.info("local platform ready: {} handlers, state {}", runtimes.size(), state.describe());
    }

    private DomainServices services(Domain domain) {
        return new DomainServices(clock, state.state(domain), state.policy());
    }

    /**
     * Plays the next bars (every symbol's bar that closes next) through the whole platform: the clock moves to
     * their close first, so nothing handled for them can see a later time or price.
     *
     * @return false when the bar source is exhausted (nothing was played)
     */
    boolean step() {
        List<Bar> next = bars.next();
        if (next.isEmpty()) {
            return false;
        }
        clock.advanceTo(next.get(0).closeTime());
        for (Bar bar : next) {
            publishAll(feed.onBar(bar));
        }
        scheduler.runDue();
        stats.onStep(next.size());
        return true;
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
