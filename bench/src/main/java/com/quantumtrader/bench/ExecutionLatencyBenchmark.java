package com.quantumtrader.bench;

import com.quantumtrader.events.market.PriceBars;
import com.quantumtrader.core.handler.DomainServices;
import com.quantumtrader.core.handler.EventFactory;
import com.quantumtrader.core.handler.HandlerOutcome;
import com.quantumtrader.core.idempotency.IdempotencyStore;
import com.quantumtrader.core.idempotency.InMemoryIdempotencyStore;
import com.quantumtrader.core.idempotency.RedisIdempotencyStore;
import com.quantumtrader.core.ids.EventIds;
import com.quantumtrader.core.policy.PolicyDefaults;
import com.quantumtrader.core.redis.RedisConnections;
import com.quantumtrader.core.state.InMemoryKeyValueStore;
import com.quantumtrader.core.state.KeyValueStore;
import com.quantumtrader.core.state.RedisKeyValueStore;
import com.quantumtrader.core.time.SimulatedClock;
import com.quantumtrader.events.BusEvent;
import com.quantumtrader.events.Domain;
import com.quantumtrader.events.EventCatalog;
import com.quantumtrader.events.Side;
import com.quantumtrader.events.risk.SignalApproved;
import com.quantumtrader.execution.ExecutionDomain;
import com.quantumtrader.execution.MarketDataFeed;
import com.quantumtrader.execution.exchange.ExchangePort;
import com.quantumtrader.execution.exchange.ExchangePosition;
import com.quantumtrader.execution.exchange.ExecutionReport;
import com.quantumtrader.execution.exchange.OrderRequest;
import com.quantumtrader.execution.exchange.OrderStatusReport;
import com.quantumtrader.execution.exchange.PlaceResult;
import com.quantumtrader.execution.exchange.SimulatedExchangeSettings;
import com.quantumtrader.execution.exchange.SymbolRules;
import com.quantumtrader.execution.intake.ExecutionCommands;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.HdrHistogram.Histogram;

/**
 * Latency of the execution service inside one JVM, on the simulated exchange, state in memory
 * ({@code InMemoryKeyValueStore}, in-memory idempotency): no network, no Redis, no exchange round trip.
 *
 * <p>One cycle: risk approves a BTCUSDT long (an already-decoded {@code risk.signal.approved} handed to the
 * intake's consumer, {@link ExecutionCommands}: envelope and JSON Schema validation, idempotency claim, the signal
 * executor, the order manager); a bar opens at the reference price and fills the entry, which places its
 * reduce-only stop and take-profit; the next bar trades through the stop, which fills and closes the position.
 *
 * <ul>
 *   <li><b>signal → order leaves</b>: from handing the approval to the consumer to the order manager's call into
 *       the exchange port ({@code place}), i.e. everything the service does before the order goes out.</li>
 *   <li><b>signal → handled</b>: the whole delivery, including the exchange's answer, persisting the order and
 *       building and validating {@code execution.order.submitted}.</li>
 *   <li><b>stop-hitting bar → fill published</b>: the market-data feed's handling of a bar whose low crosses the
 *       stop: the exchange triggers the stop, the order manager books the fill and the position's close, the
 *       {@code execution.order.filled} and {@code market.price.update} emits are built.</li>
 * </ul>
 * Sustained rate: cycles per second of wall time for the whole loop, and orders placed per second (entry, stop,
 * take-profit per cycle). Run: {@code java -cp bench/target/benchmarks.jar
 * com.quantumtrader.bench.ExecutionLatencyBenchmark [measuredCycles] [warmupCycles] [redis]}; with {@code redis}
 * the domain's state and the idempotency claims live in Redis ({@code REDIS_URL}, else an embedded server).
 */
public final class ExecutionLatencyBenchmark {

    private static final Instant START = Instant.parse("2025-01-01T00:00:00Z");
    private static final BigDecimal REFERENCE = new BigDecimal("61200.0");

    private final SimulatedClock clock = new SimulatedClock(START);
    private final EventFactory events = new EventFactory(clock, new EventIds(clock, new SplittableRandom(42)));
    private final TimedPort port = new TimedPort();
    private final ExecutionCommands commands;
    private final MarketDataFeed feed;
    private Instant nextBarOpen = START;
    private long cycle;

    private final Histogram toPort = new Histogram(Duration.ofSeconds(10).toNanos(), 3);
    private final Histogram handled = new Histogram(Duration.ofSeconds(10).toNanos(), 3);
    private final Histogram stopBar = new Histogram(Duration.ofSeconds(10).toNanos(), 3);

    ExecutionLatencyBenchmark() {
        this(new InMemoryKeyValueStore(), new InMemoryIdempotencyStore());
    }

    /** On the given state and idempotency stores (in memory, or Redis for the Redis-backed variant). */
    ExecutionLatencyBenchmark(KeyValueStore state, IdempotencyStore idempotency) {
        DomainServices services = new DomainServices(clock, state, PolicyDefaults::load);
        ExecutionDomain domain = ExecutionDomain.paper(SimulatedExchangeSettings.defaults(), port::wrap);
        commands = new ExecutionCommands(domain.handlers(services), idempotency, events, e -> { });
        feed = domain.marketDataFeed(services);
        bar("61200.0", "61300.0", "61100.0", "61200.0"); // the exchange's first price
    }

    public static void main(String[] args) {
        int measured = args.length > 0 ? Integer.parseInt(args[0]) : 50_000;
        int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
        boolean onRedis = args.length > 2 && args[2].equals("redis");
        if (onRedis) {
            // a real Redis on loopback (REDIS_URL, else an embedded one): every persisted transition is a round trip
            try (RedisConnections redis = RedisConnections.fromEnvironmentOrEmbedded()) {
                run(new ExecutionLatencyBenchmark(new RedisKeyValueStore(redis, Domain.EXECUTION),
                        new RedisIdempotencyStore(redis, Duration.ofMinutes(5), Duration.ofDays(2))), measured, warmup,
                        "state and idempotency in Redis (" + redis.url() + ")");
            }
            return;
        }
        run(new ExecutionLatencyBenchmark(), measured, warmup, "state in memory");
    }

    private static void run(ExecutionLatencyBenchmark bench, int measured, int warmup, String state) {
        for (int i = 0; i < warmup; i++) {
            bench.cycle(false);
        }
        bench.port.placed = 0;
        long start = System.nanoTime();
        for (int i = 0; i < measured; i++) {
            bench.cycle(true);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        bench.print(measured, warmup, seconds, state);
    }

    private void cycle(boolean record) {
        BusEvent approval = events.create(EventCatalog.RISK_SIGNAL_APPROVED, new SignalApproved("SIG-" + (++cycle),
                "BTCUSDT", Side.LONG, new BigDecimal("0.010"), REFERENCE, new BigDecimal("60000.0"),
                new BigDecimal("63000.0"), "ma_crossover", "ma-crossover-v1"), "TRACE-" + cycle);
        port.firstPlaceAt = 0;
        long sent = System.nanoTime();
        HandlerOutcome outcome = commands.accept(approval);
        long done = System.nanoTime();
        if (outcome.status() != HandlerOutcome.Status.HANDLED || port.firstPlaceAt == 0) {
            throw new IllegalStateException("cycle " + cycle + ": the approval was not placed: " + outcome);
        }
        bar("61200.0", "61300.0", "61100.0", "61200.0"); // entry fills at the open; stop and target go out
        long barStart = System.nanoTime();
        List<?> emits = bar("61200.0", "61250.0", "59900.0", "61200.0"); // trades through the stop
        long barDone = System.nanoTime();
        if (emits.size() < 2) {
            throw new IllegalStateException("cycle " + cycle + ": the stop did not fill (" + emits + ")");
        }
        if (record) {
            toPort.recordValue(port.firstPlaceAt - sent);
            handled.recordValue(done - sent);
            stopBar.recordValue(barDone - barStart);
        }
    }

    private List<?> bar(String open, String high, String low, String close) {
        Instant openTime = nextBarOpen;
        Instant closeTime = openTime.plus(Duration.ofHours(1));
        nextBarOpen = closeTime;
        clock.advanceTo(closeTime);
        return feed.onBar(PriceBars.bar("BTCUSDT", "1h", openTime, closeTime, new BigDecimal(open), new BigDecimal(high),
                new BigDecimal(low), new BigDecimal(close), new BigDecimal("12.5")));
    }

    private void print(int measured, int warmup, double seconds, String state) {
        System.out.printf("%nExecution latency, in process, simulated exchange, %s (%,d cycles after %,d "
                + "warm-up cycles; %s, %d CPUs)%n%n", state, measured, warmup, System.getProperty("java.vm.name") + " "
                + System.getProperty("java.version"), Runtime.getRuntime().availableProcessors());
        System.out.printf("| %-38s | %9s | %9s | %9s | %9s | %9s |%n", "path", "p50 µs", "p90 µs", "p99 µs",
                "p99.9 µs", "max µs");
        System.out.printf("| %-38s | %9s | %9s | %9s | %9s | %9s |%n", "-".repeat(38), "-".repeat(9), "-".repeat(9),
                "-".repeat(9), "-".repeat(9), "-".repeat(9));
        row("approved signal -> order leaves", toPort);
        row("approved signal -> delivery handled", handled);
        row("stop-hitting bar -> fill published", stopBar);
        System.out.printf("%nsustained: %,.0f cycles/s (each: 1 approval, 2 bars, 1 entry + stop + target placed, "
                + "1 stop fill), %,.0f orders placed/s; %,.1f s of wall time%n", measured / seconds,
                port.placed / seconds, seconds);
    }

    private static void row(String name, Histogram histogram) {
        System.out.printf("| %-38s | %9.1f | %9.1f | %9.1f | %9.1f | %9.1f |%n", name,
                histogram.getValueAtPercentile(50) / 1e3, histogram.getValueAtPercentile(90) / 1e3,
                histogram.getValueAtPercentile(99) / 1e3, histogram.getValueAtPercentile(99.9) / 1e3,
                histogram.getMaxValue() / 1e3);
    }

    /** The exchange port the order manager calls, noting when the first order of a delivery leaves. */
    private static final class TimedPort implements ExchangePort {

        private ExchangePort exchange;
        private long firstPlaceAt;
        private long placed;

        ExchangePort wrap(ExchangePort simulated) {
            this.exchange = simulated;
            return this;
        }

        @Override
        public PlaceResult place(OrderRequest request) {
            if (firstPlaceAt == 0) {
                firstPlaceAt = System.nanoTime();
            }
            placed++;
            return exchange.place(request);
        }

        @Override
        public Optional<SymbolRules> rules(String symbol) {
            return exchange.rules(symbol);
        }

        @Override
        public Optional<BigDecimal> lastPrice(String symbol) {
            return exchange.lastPrice(symbol);
        }

        @Override
        public Optional<OrderStatusReport> queryOrder(String symbol, String clientOrderId) {
            return exchange.queryOrder(symbol, clientOrderId);
        }

        @Override
        public boolean cancel(String symbol, String clientOrderId) {
            return exchange.cancel(symbol, clientOrderId);
        }

        @Override
        public List<String> openOrderIds() {
            return exchange.openOrderIds();
        }

        @Override
        public List<ExchangePosition> positions() {
            return exchange.positions();
        }

        @Override
        public List<ExecutionReport> closePosition(String symbol, String clientOrderId) {
            return exchange.closePosition(symbol, clientOrderId);
        }
    }
}
