package com.quantumtrader.execution.adapter.container;

import com.quantumtrader.execution.policy.ExecutionPolicySection;
import com.quantumtrader.core.bus.EventBridgeEventBus;
import com.quantumtrader.core.bus.EventBus;
import com.quantumtrader.core.bus.RedisStreamsEventBus;
import com.quantumtrader.core.handler.DomainServices;
import com.quantumtrader.core.handler.Emit;
import com.quantumtrader.core.handler.EventFactory;
import com.quantumtrader.core.handler.HandlerDefinition;
import com.quantumtrader.core.health.CheckResult;
import com.quantumtrader.core.health.HealthChecker;
import com.quantumtrader.core.health.HealthReport;
import com.quantumtrader.core.health.HealthStatus;
import com.quantumtrader.core.health.RedisPingCheck;
import com.quantumtrader.core.idempotency.IdempotencyRetention;
import com.quantumtrader.core.idempotency.RedisIdempotencyStore;
import com.quantumtrader.core.ids.EventIds;
import com.quantumtrader.core.market.RedisLatestPrices;
import com.quantumtrader.core.policy.PolicyStore;
import com.quantumtrader.core.redis.RedisConnections;
import com.quantumtrader.core.state.RedisKeyValueStore;
import com.quantumtrader.core.time.SystemScheduler;
import com.quantumtrader.core.trace.Secrets;
import com.quantumtrader.events.Domain;
import com.quantumtrader.events.EventJson;
import com.quantumtrader.execution.Bar;
import com.quantumtrader.execution.ExecutionDomain;
import com.quantumtrader.execution.LiveExecutionDomain;
import com.quantumtrader.execution.MarketDataFeed;
import com.quantumtrader.execution.adapter.binance.BinanceCredentials;
import com.quantumtrader.execution.adapter.binance.BinanceExchange;
import com.quantumtrader.execution.adapter.binance.BinanceMarketStream;
import com.quantumtrader.execution.adapter.binance.BinanceSettings;
import com.quantumtrader.execution.adapter.binance.BinanceUserDataFeed;
import com.quantumtrader.execution.adapter.binance.Sleeper;
import com.quantumtrader.execution.adapter.sqs.SqsIntake;
import com.quantumtrader.execution.adapter.sqs.SqsIntakeSettings;
import com.quantumtrader.execution.exchange.SimulatedExchangeSettings;
import com.quantumtrader.execution.intake.BusIntake;
import com.quantumtrader.execution.intake.CommandIntake;
import com.quantumtrader.execution.intake.ExecutionCommands;
import com.quantumtrader.execution.marketdata.LivePriceFeed;
import com.quantumtrader.execution.marketdata.SyntheticMarketData;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The always-on execution container: one JVM that takes approved signals and commands from its intake, trades
 * them on the exchange, publishes what happened, and serves its health.
 *
 * <p>Configured from the environment:
 * <ul>
 *   <li>{@code EXECUTION_INTAKE}: {@code redis-streams} (default; self-hosted: read and publish on the Redis Streams
 *       bus) or {@code sqs} (AWS: read {@code EXECUTION_QUEUE_URL}, publish to the EventBridge bus
 *       {@code EVENT_BUS_NAME}, default {@code quantum-trader}).</li>
 *   <li>{@code REDIS_URL}: the state, idempotency and policy store (an embedded Redis when unset).</li>
 *   <li>{@code IDEMPOTENCY_RETENTION}: how long a handled event is remembered as handled (e.g. {@code 48h},
 *       {@code 7d}; 30h..35d, default 48h; see {@link IdempotencyRetention}).</li>
 *   <li>{@code HEALTH_PORT}: {@code GET /health} (200 when up or degraded, 503 when down, with every check and the
 *       handlers' counters and latency percentiles), default 8080.</li>
 *   <li>{@code EXECUTION_EXCHANGE}: {@code paper} (default) or {@code binance}.</li>
 *   <li>Paper trading on the simulated exchange, its prices from a seeded synthetic market
 *       ({@code EXECUTION_PAPER_SYMBOLS}, default {@code BTCUSDT,ETHUSDT}; {@code EXECUTION_PAPER_SEED}) with a bar
 *       every {@code EXECUTION_PAPER_BAR_SECONDS} (default 60) of wall time, published as
 *       {@code market.price.update}.</li>
 *   <li>Binance USD-M ({@code binance}): {@code BINANCE_NETWORK} {@code testnet} (default) or {@code mainnet}
 *       ({@code BINANCE_BASE_URL} and {@code BINANCE_STREAM_URL} override REST and WebSocket bases); keys from
 *       {@code BINANCE_API_KEY}/{@code BINANCE_API_SECRET} or the files {@code BINANCE_API_KEY_FILE}/
 *       {@code BINANCE_API_SECRET_FILE} (never logged); market data of {@code EXECUTION_SYMBOLS} (default
 *       {@code BTCUSDT,ETHUSDT}) in {@code EXECUTION_BAR_INTERVAL} bars (default {@code 1m}), with a
 *       {@code LARGE_MOVE} update when the price moves the policy's {@code execution.large_move_bps} (default 100; 0
 *       switches them off) inside a bar. Before the intake takes any work it reconciles every order and position with the
 *       exchange and publishes what changed while it was down; if that fails the service does not start.</li>
 * </ul>
 * A shutdown hook stops the intake (the message in progress finishes; SQS messages not started come back after
 * their visibility timeout, Redis entries stay pending for the group), then the feed, the health endpoint, the bus
 * and Redis.
 */
public final class ExecutionService implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ExecutionService.class);
    /**
     * Longer than an order placement takes, shorter than the intake's redelivery (Redis Streams' minIdle of 30 s, the
     * SQS visibility timeout): the entry of a process killed mid-order must find its claim expired when it comes back.
     */
    private static final Duration IDEMPOTENCY_LEASE = Duration.ofSeconds(20);
    /** How long /health stays degraded after a margin call. */
    private static final Duration MARGIN_CALL_WARNING = Duration.ofHours(1);
    private static final Duration POLICY_CACHE_TTL = Duration.ofSeconds(5);

    private final RedisConnections redis;
    private final PolicyStore policy;
    private final EventBus bus;
    private final CommandIntake intake;
    private final ExecutionCommands commands;
    private final SystemScheduler scheduler = new SystemScheduler("execution-feed");
    private final List<AutoCloseable> venue = new ArrayList<>();
    private final HealthChecker health;
    private final HttpServer http;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private boolean closed;

    private ExecutionService(Map<String, String> env, Clock clock) {
        String intakeKind = env.getOrDefault("EXECUTION_INTAKE", "redis-streams");
        if (!intakeKind.equals("redis-streams") && !intakeKind.equals("sqs")) {
            throw new IllegalArgumentException("EXECUTION_INTAKE must be redis-streams or sqs, got '" + intakeKind + "'");
        }
        String exchangeKind = env.getOrDefault("EXECUTION_EXCHANGE", "paper");
        if (!exchangeKind.equals("paper") && !exchangeKind.equals("binance")) {
            throw new IllegalArgumentException("EXECUTION_EXCHANGE must be paper or binance, got '" + exchangeKind + "'");
        }
        SqsIntakeSettings sqsSettings = intakeKind.equals("sqs") ? SqsIntakeSettings.fromEnvironment(env) : null;
        int healthPort = (int) number(env, "HEALTH_PORT", 8080);
        Duration idempotencyRetention = IdempotencyRetention.fromEnvironment(env);

        String redisUrl = env.get(RedisConnections.REDIS_URL_VARIABLE);
        redis = redisUrl == null || redisUrl.isBlank() ? RedisConnections.fromEnvironmentOrEmbedded()
                : RedisConnections.connect(redisUrl);
        policy = PolicyStore.open(redis, clock, POLICY_CACHE_TTL);
        bus = sqsSettings != null
                ? EventBridgeEventBus.withDefaultClient(EventBridgeEventBus.Settings.defaults(
                        env.getOrDefault("EVENT_BUS_NAME", "quantum-trader")))
                : new RedisStreamsEventBus(redis, streamSettings());
        EventFactory events = new EventFactory(clock, new EventIds(clock, new SplittableRandom()));
        DomainServices services = new DomainServices(clock, new RedisKeyValueStore(redis, Domain.EXECUTION), policy);
        Consumer<List<Emit>> publish = emits -> {
            for (Emit emit : emits) {
                bus.publish(events.create(emit, events.newTraceId()));
            }
        };
        health = new HealthChecker(clock).register("redis", RedisPingCheck.of(redis));
        String started;
        List<HandlerDefinition> handlers;
        try {
            if (exchangeKind.equals("binance")) {
                handlers = startBinance(env, clock, services, events, publish);
                started = "Binance USD-M (" + BinanceSettings.fromEnvironment(env).baseUrl() + ")";
            } else {
                handlers = startPaper(env, clock, services, events, publish);
                started = "paper exchange";
            }
        } catch (RuntimeException e) {
            closeVenue();
            scheduler.close();
            health.close();
            bus.close();
            policy.close();
            redis.close();
            throw e;
        }
        commands = new ExecutionCommands(handlers,
                new RedisIdempotencyStore(redis, IDEMPOTENCY_LEASE, idempotencyRetention), events, bus::publish);
        intake = sqsSettings != null
                ? new SqsIntake(SqsIntake.client(sqsSettings, null, null), sqsSettings)
                : BusIntake.redisStreams((RedisStreamsEventBus) bus);
        health.register("intake", () -> CheckResult.up(intake.describe()));

        // only now, after reconciliation, does new work come in
        intake.start(commands);
        http = healthServer(healthPort);
        LOG.info("execution service up: intake {}, {}, health on :{}", intake.describe(), started,
                http.getAddress().getPort());
    }

    private static RedisStreamsEventBus.Settings streamSettings() {
        RedisStreamsEventBus.Settings settings = RedisStreamsEventBus.Settings.defaults();
        settings.requireLeaseShorterThanRedelivery(IDEMPOTENCY_LEASE);
        return settings;
    }

    /** The simulated exchange, driven by a seeded synthetic market on the wall clock. */
    private List<HandlerDefinition> startPaper(Map<String, String> env, Clock clock, DomainServices services,
                                               EventFactory events, Consumer<List<Emit>> publish) {
        List<String> symbols = symbols(env, "EXECUTION_PAPER_SYMBOLS");
        Duration barEvery = Duration.ofSeconds(number(env, "EXECUTION_PAPER_BAR_SECONDS", 60));
        long seed = number(env, "EXECUTION_PAPER_SEED", 42);
        SyntheticMarketData market = new SyntheticMarketData(seed, symbols,
                clock.instant().truncatedTo(ChronoUnit.SECONDS), barEvery);
        ExecutionDomain domain = ExecutionDomain.paper(SimulatedExchangeSettings.defaults())
                .publishingTo(events, bus::publish);
        List<HandlerDefinition> handlers = domain.handlers(services);
        // the first call (the first bar at the latest) reconciles with the venue before anything else, and publishes
        // what a crash left in the outbox ahead of its own events
        MarketDataFeed feed = domain.marketDataFeed(services);
        scheduler.schedule("paper-bars", barEvery, barEvery, () -> {
            for (Bar bar : market.next()) {
                publish.accept(feed.onBar(bar));
            }
        });
        return handlers;
    }

    /**
     * Binance USD-M: load the contracts' filters, refuse an account in hedge position mode, reconcile (publishing what changed while down), then follow the
     * account's user-data stream and the market streams. Any failure before the streams run stops the start.
     */
    private List<HandlerDefinition> startBinance(Map<String, String> env, Clock clock, DomainServices services,
                                                 EventFactory events, Consumer<List<Emit>> publish) {
        BinanceSettings settings = BinanceSettings.fromEnvironment(env);
        URI streams = BinanceSettings.streamBaseFromEnvironment(env);
        BinanceCredentials credentials = BinanceCredentials.fromEnvironmentOrFiles(env);
        List<String> symbols = symbols(env, "EXECUTION_SYMBOLS");
        String interval = env.getOrDefault("EXECUTION_BAR_INTERVAL", "1m").strip();

        BinanceExchange exchange = BinanceExchange.connect(settings, credentials, clock, Sleeper.REAL);
        LiveExecutionDomain execution = LiveExecutionDomain.on(exchange).publishingTo(events, bus::publish);
        List<HandlerDefinition> handlers = execution.handlers(services);
        int contracts = exchange.loadExchangeInfo();
        exchange.requireOneWayPositionMode();
        // publishes what a crash left in the outbox and what changed while down, itself
        execution.reconcile();
        LOG.info("reconciled with Binance before taking work: {} contracts", contracts);

        Duration backoff = Duration.ofMillis(number(env, "BINANCE_RECONNECT_MILLIS", 500));
        Duration maxBackoff = Duration.ofSeconds(30).compareTo(backoff) < 0 ? backoff : Duration.ofSeconds(30);
        HttpClient client = HttpClient.newBuilder().connectTimeout(settings.requestTimeout()).build();
        BinanceUserDataFeed account = new BinanceUserDataFeed(new BinanceUserDataFeed.Settings(streams, backoff,
                maxBackoff), client, exchange, scheduler, execution, publish);
        venue.add(account);
        account.start();

        LivePriceFeed prices = new LivePriceFeed(new RedisLatestPrices(redis), clock,
                () -> ExecutionPolicySection.of(services.policy().current()).largeMoveBps(),
                Duration.ofSeconds(1));
        BinanceMarketStream market = new BinanceMarketStream(new BinanceMarketStream.Settings(
                URI.create(streams.toString().replaceAll("/+$", "") + "/stream"), symbols, interval, backoff,
                maxBackoff, true), client, exchange, new BinanceMarketStream.MarketListener() {
                    @Override
                    public void onClosedBar(Bar bar) {
                        publish.accept(prices.onClosedBar(bar));
                    }

                    @Override
                    public void onOpenBar(Bar soFar) {
                        publish.accept(prices.onOpenBar(soFar));
                    }

                    @Override
                    public void onMarkPrice(String symbol, BigDecimal markPrice, Instant at) {
                        prices.onMarkPrice(symbol, markPrice, at);
                    }

                    @Override
                    public void onBookTicker(String symbol, BigDecimal bid, BigDecimal ask, Instant at) {
                        prices.onBookTicker(symbol, bid, ask, at);
                    }
                });
        venue.add(market);
        market.start();
        health.register("exchange", () -> account.connections() > 0
                ? CheckResult.up("Binance user-data stream: " + account.connections() + " connections, "
                        + account.catchUps() + " catch-ups; used weight " + exchange.usedWeight())
                : CheckResult.degraded("Binance user-data stream not connected yet"));
        health.register("margin", () -> marginHealth(execution, clock));
        return handlers;
    }

    /** Degraded for an hour after the exchange's last margin call, naming the position. */
    static CheckResult marginHealth(LiveExecutionDomain execution, Clock clock) {
        return execution.lastMarginCall()
                .filter(call -> call.calledAt().isAfter(clock.instant().minus(MARGIN_CALL_WARNING)))
                .map(call -> CheckResult.degraded("Binance MARGIN_CALL at " + call.calledAt() + ": " + call.symbol()
                        + " position " + call.positionQuantity().toPlainString() + ", mark price "
                        + call.markPrice().toPlainString() + ", maintenance margin "
                        + call.maintenanceMargin().toPlainString() + " USDT"))
                .orElse(CheckResult.up("no margin call in the last hour"));
    }

    /** Starts every part; fails (after closing what it opened) when the configuration is invalid. */
    public static ExecutionService start(Map<String, String> env, Clock clock) {
        return new ExecutionService(env, clock);
    }

    public static void main(String[] args) throws InterruptedException {
        ExecutionService service;
        try {
            // the composition root is the one place that picks the wall clock; the handlers only get it injected
            service = start(System.getenv(), Clock.systemUTC());
        } catch (IllegalArgumentException | IllegalStateException e) {
            LOG.error("invalid configuration: {}", Secrets.mask(e.getMessage()));
            System.exit(2);
            return;
        } catch (RuntimeException e) {
            // e.g. the exchange cannot be reconciled: no work is taken until it can (the task is restarted)
            LOG.error("execution service cannot start: {}", Secrets.mask(String.valueOf(e.getMessage())));
            System.exit(1);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(service::close, "execution-shutdown"));
        service.awaitStop();
    }

    /** The port {@code GET /health} listens on (useful with {@code HEALTH_PORT=0}). */
    public int healthPort() {
        return http.getAddress().getPort();
    }

    public HealthReport health() {
        return health.report();
    }

    void awaitStop() throws InterruptedException {
        stopped.await();
    }

    private HttpServer healthServer(int port) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(port), 0);
            server.createContext("/health", exchange -> {
                HealthReport report = health.report();
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("status", report.status());
                body.put("checks", report.checks());
                Map<String, Object> handlers = new LinkedHashMap<>();
                commands.runtimes().forEach(runtime -> handlers.put(runtime.name(), Map.of(
                        "handled", runtime.metrics().handled(), "duplicates", runtime.metrics().duplicates(),
                        "rejected", runtime.metrics().rejected(), "failed", runtime.metrics().failed(),
                        "p99_us", runtime.metrics().latencyMicrosAtPercentile(99))));
                body.put("handlers", handlers);
                byte[] json = EventJson.write(body).getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(report.status() == HealthStatus.DOWN ? 503 : 200, json.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(json);
                }
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serve health on port " + port, e);
        }
    }

    private void closeVenue() {
        for (AutoCloseable part : venue) {
            try {
                part.close();
            } catch (Exception e) {
                LOG.warn("closing {} failed: {}", part.getClass().getSimpleName(), e.getMessage());
            }
        }
        venue.clear();
    }

    private static List<String> symbols(Map<String, String> env, String name) {
        List<String> symbols = Arrays.stream(env.getOrDefault(name, "BTCUSDT,ETHUSDT").split(","))
                .map(String::trim).filter(s -> !s.isEmpty()).toList();
        if (symbols.isEmpty()) {
            throw new IllegalArgumentException(name + " names no symbol");
        }
        return symbols;
    }

    private static long number(Map<String, String> env, String name, long fallback) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number, got '" + value + "'", e);
        }
    }

    /** Intake first, so no new work starts while the rest shuts down; idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        LOG.info("execution service stopping");
        intake.stop();
        closeVenue();
        scheduler.close();
        http.stop(0);
        health.close();
        bus.close();
        policy.close();
        redis.close();
        stopped.countDown();
        LOG.info("execution service stopped");
    }
}
