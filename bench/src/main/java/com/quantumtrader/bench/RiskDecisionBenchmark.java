package com.quantumtrader.bench;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.quantumtrader.core.handler.DomainServices;
import com.quantumtrader.core.handler.Emit;
import com.quantumtrader.core.handler.EventFactory;
import com.quantumtrader.core.handler.EventHandler;
import com.quantumtrader.core.handler.HandlerDefinition;
import com.quantumtrader.core.handler.InboundEvent;
import com.quantumtrader.core.ids.EventIds;
import com.quantumtrader.core.policy.Policy;
import com.quantumtrader.core.policy.PolicyDefaults;
import com.quantumtrader.core.redis.EmbeddedRedis;
import com.quantumtrader.core.redis.RedisConnections;
import com.quantumtrader.core.reservation.RedisReservationStore;
import com.quantumtrader.core.state.RedisKeyValueStore;
import com.quantumtrader.core.time.SimulatedClock;
import com.quantumtrader.events.BusEvent;
import com.quantumtrader.events.Domain;
import com.quantumtrader.events.EventCatalog;
import com.quantumtrader.events.EventJson;
import com.quantumtrader.events.Side;
import com.quantumtrader.events.ai.SignalGenerated;
import com.quantumtrader.events.market.MarketPriceUpdate;
import com.quantumtrader.events.portfolio.PositionClosed;
import com.quantumtrader.events.risk.SignalApproved;
import com.quantumtrader.risk.RiskSafetyDomain;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.HdrHistogram.Histogram;

/**
 * The risk domain's pre-trade decision ({@code global_risk_controller} on {@code ai.signal.generated}) with every
 * check against a real Redis: the domain's state in a {@link RedisKeyValueStore} and its exposure reserved by the
 * {@link RedisReservationStore}'s Lua script, on an {@link EmbeddedRedis} on loopback.
 *
 * <p>The account trades 8 symbols, each with 30 one-minute bars recorded (so the price collar and the correlation of
 * returns are computed for real); the policy is the default one with limits wide enough that every signal is
 * approved, so every decision runs every check, sizes, reads the room and reserves. After each decision, untimed, the
 * position is closed through {@code exposure_release} so the next signal on the symbol is approved again.
 *
 * <ol>
 *   <li>latency: one caller, warm-up then the measured decisions, percentiles from an HdrHistogram;</li>
 *   <li>throughput: 8 concurrent callers (each on its own symbol, as concurrent Lambdas would be), decisions per
 *       second over a fixed time, each followed by its release.</li>
 * </ol>
 *
 * Run: {@code java -cp bench/target/benchmarks.jar com.quantumtrader.bench.RiskDecisionBenchmark [warmup] [measured]
 * [seconds]}.
 */
public final class RiskDecisionBenchmark {

    private static final Instant START = Instant.parse("2024-03-01T00:00:00Z");
    private static final int CALLERS = 8;
    private static final Map<String, String> SYMBOLS = Map.of("BTCUSDT", "30000", "ETHUSDT", "2000",
            "SOLUSDT", "100", "BNBUSDT", "400", "XRPUSDT", "0.5", "ADAUSDT", "0.4", "DOGEUSDT", "0.08",
            "AVAXUSDT", "35");

    private final SimulatedClock clock = new SimulatedClock(START);
    private final EventHandler controller;
    private final EventHandler release;
    private final List<String> symbols = SYMBOLS.keySet().stream().sorted().toList();

    private RiskDecisionBenchmark(RedisConnections redis) {
        Policy policy = widePolicy();
        DomainServices services = new DomainServices(clock, new RedisKeyValueStore(redis, Domain.RISK_SAFETY),
                () -> policy, new RedisReservationStore(redis, Domain.RISK_SAFETY));
        Map<String, HandlerDefinition> handlers = new RiskSafetyDomain().handlers(services).stream()
                .collect(Collectors.toMap(HandlerDefinition::name, h -> h));
        controller = handlers.get(RiskSafetyDomain.GLOBAL_RISK_CONTROLLER).handler();
        release = handlers.get(RiskSafetyDomain.EXPOSURE_RELEASE).handler();
        EventHandler market = handlers.get(RiskSafetyDomain.RISK_MARKET_WATCH).handler();
        EventFactory events = new EventFactory(clock, new EventIds(clock, new SplittableRandom(11)));
        SplittableRandom walk = new SplittableRandom(5);
        for (String symbol : symbols) {
            BigDecimal price = new BigDecimal(SYMBOLS.get(symbol));
            for (int bar = 30; bar >= 0; bar--) {
                Instant end = START.minus(Duration.ofMinutes(bar));
                // seeded noise of +-0.2 % around the reference price, the last close exactly at it
                BigDecimal close = bar == 0 ? new BigDecimal(SYMBOLS.get(symbol))
                        : price.multiply(BigDecimal.valueOf(1 + (walk.nextInt(-20, 21) / 10_000.0)))
                        .setScale(8, RoundingMode.HALF_UP);
                market.handle(new InboundEvent(events.create(EventCatalog.MARKET_PRICE_UPDATE,
                        new MarketPriceUpdate(symbol, "1m", end.minus(Duration.ofMinutes(1)), end, close, close,
                                close, close, BigDecimal.TEN, MarketPriceUpdate.BAR_CLOSE), events.newTraceId())));
            }
        }
    }

    /** The default policy with room for every signal of the run: what is measured is the checks, not refusals. */
    private static Policy widePolicy() {
        ObjectNode tree = (ObjectNode) EventJson.tree(PolicyDefaults.load());
        ArrayNode universe = tree.putArray("universe");
        SYMBOLS.keySet().stream().sorted().forEach(universe::add);
        tree.put("account_equity", 1_000_000);
        ObjectNode normal = (ObjectNode) tree.path("limits").path("NORMAL");
        normal.put("max_open_positions", 16);
        normal.put("max_gross_exposure", 1_000_000);
        normal.put("max_net_exposure", 1_000_000);
        normal.put("max_correlated_exposure", 1_000_000);
        normal.put("max_orders_per_minute", 1_000_000_000);
        normal.put("max_orders_per_minute_per_symbol", 1_000_000_000);
        normal.put("max_consecutive_losses", 1_000);
        // deliberately beyond the validator's bounds (1000 orders per minute): the benchmark's clock does not move,
        // so every signal falls in one minute, and rate limits must not be what is measured
        return EventJson.mapper().convertValue(tree, Policy.class);
    }

    /** One caller's signals and closes, built outside the timed section. */
    private final class Caller {

        private final EventFactory events;
        private final String symbol;
        private final String prefix;
        private long sequence;

        Caller(int id, String symbol) {
            this.events = new EventFactory(clock, new EventIds(clock, new SplittableRandom(100 + id)));
            this.symbol = symbol;
            this.prefix = "c" + id + "-";
        }

        BusEvent nextSignal() {
            BigDecimal reference = new BigDecimal(SYMBOLS.get(symbol));
            SignalGenerated signal = new SignalGenerated(prefix + (++sequence), symbol, Side.LONG, 0.8, reference,
                    reference.multiply(new BigDecimal("0.98")), reference.multiply(new BigDecimal("1.04")),
                    new BigDecimal("1000000"), "ma_crossover", "model-1");
            return events.create(EventCatalog.AI_SIGNAL_GENERATED, signal, events.newTraceId());
        }

        /** Decides one signal; returns the nanoseconds the decision took, or -1 when it was not approved. */
        long decideAndRelease() {
            BusEvent signal = nextSignal();
            long start = System.nanoTime();
            List<Emit> out = controller.handle(new InboundEvent(signal));
            long took = System.nanoTime() - start;
            if (!(out.get(0).payload() instanceof SignalApproved approved)) {
                return -1;
            }
            release.handle(new InboundEvent(events.create(EventCatalog.PORTFOLIO_POSITION_CLOSED,
                    new PositionClosed("pos-" + approved.signalId(), symbol, Side.LONG, approved.approvedQuantity(),
                            approved.referencePrice(), approved.referencePrice(), BigDecimal.ZERO, BigDecimal.ZERO,
                            "TAKE_PROFIT", approved.signalId()), signal.traceId())));
            return took;
        }
    }

    public static void main(String[] args) throws Exception {
        int warmup = args.length > 0 ? Integer.parseInt(args[0]) : 5_000;
        int measured = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 15;
        try (EmbeddedRedis server = EmbeddedRedis.start();
             RedisConnections redis = RedisConnections.connect(server.url())) {
            RiskDecisionBenchmark bench = new RiskDecisionBenchmark(redis);
            bench.latency(warmup, measured);
            bench.throughput(seconds);
        }
    }

    private void latency(int warmup, int measured) {
        Caller caller = new Caller(0, symbols.get(0));
        for (int i = 0; i < warmup; i++) {
            requireApproved(caller.decideAndRelease());
        }
        Histogram histogram = new Histogram(3_600_000_000L, 3);
        for (int i = 0; i < measured; i++) {
            histogram.recordValue(requireApproved(caller.decideAndRelease()));
        }
        System.out.printf(Locale.ROOT, "latency, 1 caller, %d decisions after %d warm-up:%n", measured, warmup);
        print(histogram);
    }

    private void throughput(int seconds) throws InterruptedException {
        List<Thread> threads = new ArrayList<>();
        AtomicLong decisions = new AtomicLong();
        AtomicLong refused = new AtomicLong();
        Histogram histogram = new Histogram(3_600_000_000L, 3);
        CountDownLatch go = new CountDownLatch(1);
        for (int i = 0; i < CALLERS; i++) {
            Caller caller = new Caller(i + 1, symbols.get(i));
            Histogram own = new Histogram(3_600_000_000L, 3);
            Thread thread = new Thread(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
                long warmEnd = System.nanoTime() + Duration.ofSeconds(2).toNanos();
                while (System.nanoTime() < warmEnd) {
                    caller.decideAndRelease();
                }
                while (System.nanoTime() < end) {
                    long took = caller.decideAndRelease();
                    if (took < 0) {
                        refused.incrementAndGet();
                    } else {
                        own.recordValue(took);
                    }
                    decisions.incrementAndGet();
                }
                synchronized (histogram) {
                    histogram.add(own);
                }
            }, "risk-caller-" + i);
            thread.start();
            threads.add(thread);
        }
        go.countDown();
        for (Thread thread : threads) {
            thread.join();
        }
        double measuredSeconds = seconds - 2;
        System.out.printf(Locale.ROOT, "throughput, %d concurrent callers, %d s measured after 2 s warm-up:%n",
                CALLERS, (int) measuredSeconds);
        System.out.printf(Locale.ROOT, "  %d decisions (%d not approved), %.0f decisions/s (each followed by its "
                + "release)%n", decisions.get(), refused.get(), decisions.get() / measuredSeconds);
        print(histogram);
    }

    private static long requireApproved(long took) {
        if (took < 0) {
            throw new IllegalStateException("a signal of the benchmark was not approved: the policy is too tight");
        }
        return took;
    }

    private static void print(Histogram h) {
        System.out.printf(Locale.ROOT, "  decision latency us: p50 %.1f  p90 %.1f  p99 %.1f  p99.9 %.1f  max %.1f"
                        + "  (mean %.1f, n=%d)%n",
                h.getValueAtPercentile(50) / 1e3, h.getValueAtPercentile(90) / 1e3, h.getValueAtPercentile(99) / 1e3,
                h.getValueAtPercentile(99.9) / 1e3, h.getMaxValue() / 1e3, h.getMean() / 1e3, h.getTotalCount());
    }
}
