package com.quantumtrader.execution.adapter.container;

import com.quantumtrader.core.bus.EventBridgeEventBus;
import com.quantumtrader.core.bus.EventBus;
import com.quantumtrader.core.bus.RedisStreamsEventBus;
import com.quantumtrader.core.handler.DomainServices;
import com.quantumtrader.core.handler.Emit;
import com.quantumtrader.core.handler.EventFactory;
import com.quantumtrader.core.health.CheckResult;
import com.quantumtrader.core.health.HealthChecker;
import com.quantumtrader.core.health.HealthReport;
import com.quantumtrader.core.health.HealthStatus;
import com.quantumtrader.core.health.RedisPingCheck;
import com.quantumtrader.core.idempotency.RedisIdempotencyStore;
import com.quantumtrader.core.ids.EventIds;
import com.quantumtrader.core.policy.PolicyStore;
import com.quantumtrader.core.redis.RedisConnections;
import com.quantumtrader.core.state.RedisKeyValueStore;
import com.quantumtrader.core.time.SystemScheduler;
import com.quantumtrader.events.Domain;
import com.quantumtrader.events.EventJson;
import com.quantumtrader.execution.Bar;
import com.quantumtrader.execution.ExecutionDomain;
import com.quantumtrader.execution.MarketDataFeed;
import com.quantumtrader.execution.adapter.sqs.SqsIntake;
import com.quantumtrader.execution.adapter.sqs.SqsIntakeSettings;
import com.quantumtrader.execution.exchange.SimulatedExchangeSettings;
import com.quantumtrader.execution.intake.BusIntake;
import com.quantumtrader.execution.intake.CommandIntake;
import com.quantumtrader.execution.intake.ExecutionCommands;
import com.quantumtrader.execution.marketdata.SyntheticMarketData;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
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
 *   <li>{@code HEALTH_PORT}: {@code GET /health} (200 when up or degraded, 503 when down, with every check and the
 *       handlers' counters and latency percentiles), default 8080.</li>
 *   <li>Paper trading on the simulated exchange, its prices from a seeded synthetic market
 *       ({@code EXECUTION_PAPER_SYMBOLS}, default {@code BTCUSDT,ETHUSDT}; {@code EXECUTION_PAPER_SEED}) with a bar
 *       every {@code EXECUTION_PAPER_BAR_SECONDS} (default 60) of wall time, published as
 *       {@code market.price.update}.</li>
 * </ul>
 * A shutdown hook stops the intake (the message in progress finishes; SQS messages not started come back after
 * their visibility timeout, Redis entries stay pending for the group), then the feed, the health endpoint, the bus
 * and Redis.
 */
public final class ExecutionService implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ExecutionService.class);
    private static final Duration IDEMPOTENCY_LEASE = Duration.ofMinutes(5);
    private static final Duration IDEMPOTENCY_WINDOW = Duration.ofDays(2);
    private static final Duration POLICY_CACHE_TTL = Duration.ofSeconds(5);

    private final RedisConnections redis;
    private final PolicyStore policy;
    private final EventBus bus;
    private final CommandIntake intake;
    private final ExecutionCommands commands;
    private final SystemScheduler scheduler = new SystemScheduler("execution-feed");
    private final HealthChecker health;
    private final HttpServer http;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private boolean closed;

    private ExecutionService(Map<String, String> env, Clock clock) {
        String intakeKind = env.getOrDefault("EXECUTION_INTAKE", "redis-streams");
        if (!intakeKind.equals("redis-streams") && !intakeKind.equals("sqs")) {
            throw new IllegalArgumentException("EXECUTION_INTAKE must be redis-streams or sqs, got '" + intakeKind + "'");
        }
        SqsIntakeSettings sqsSettings = intakeKind.equals("sqs") ? SqsIntakeSettings.fromEnvironment(env) : null;
        int healthPort = (int) number(env, "HEALTH_PORT", 8080);
        List<String> symbols = Arrays.stream(env.getOrDefault("EXECUTION_PAPER_SYMBOLS", "BTCUSDT,ETHUSDT").split(","))
                .map(String::trim).filter(s -> !s.isEmpty()).toList();
        Duration barEvery = Duration.ofSeconds(number(env, "EXECUTION_PAPER_BAR_SECONDS", 60));
        long seed = number(env, "EXECUTION_PAPER_SEED", 42);

        SyntheticMarketData market = new SyntheticMarketData(seed, symbols,
                clock.instant().truncatedTo(ChronoUnit.SECONDS), barEvery);
        String redisUrl = env.get(RedisConnections.REDIS_URL_VARIABLE);
        redis = redisUrl == null || redisUrl.isBlank() ? RedisConnections.fromEnvironmentOrEmbedded()
                : RedisConnections.connect(redisUrl);
        policy = PolicyStore.open(redis, clock, POLICY_CACHE_TTL);
        bus = sqsSettings != null
                ? EventBridgeEventBus.withDefaultClient(EventBridgeEventBus.Settings.defaults(
                        env.getOrDefault("EVENT_BUS_NAME", "quantum-trader")))
                : new RedisStreamsEventBus(redis, RedisStreamsEventBus.Settings.defaults());
        EventFactory events = new EventFactory(clock, new EventIds(clock, new SplittableRandom()));
        DomainServices services = new DomainServices(clock, new RedisKeyValueStore(redis, Domain.EXECUTION), policy);
        ExecutionDomain domain = ExecutionDomain.paper(SimulatedExchangeSettings.defaults());
        commands = new ExecutionCommands(domain.handlers(services),
                new RedisIdempotencyStore(redis, IDEMPOTENCY_LEASE, IDEMPOTENCY_WINDOW), events, bus::publish);
        intake = sqsSettings != null
                ? new SqsIntake(SqsIntake.client(sqsSettings, null, null), sqsSettings)
                : BusIntake.redisStreams((RedisStreamsEventBus) bus);

        MarketDataFeed feed = domain.marketDataFeed(services);
        health = new HealthChecker(clock)
                .register("redis", RedisPingCheck.of(redis))
                .register("intake", () -> CheckResult.up(intake.describe()));

        intake.start(commands);
        scheduler.schedule("paper-bars", barEvery, barEvery, () -> {
            for (Bar bar : market.next()) {
                for (Emit emit : feed.onBar(bar)) {
                    bus.publish(events.create(emit, events.newTraceId()));
                }
            }
        });
        http = healthServer(healthPort);
        LOG.info("execution service up: intake {}, paper exchange on {}, health on :{}", intake.describe(), symbols,
                http.getAddress().getPort());
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
        } catch (IllegalArgumentException e) {
            LOG.error("invalid configuration: {}", e.getMessage());
            System.exit(2);
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
