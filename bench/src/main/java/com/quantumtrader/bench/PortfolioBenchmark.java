package com.quantumtrader.bench;

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
import com.quantumtrader.core.state.RedisKeyValueStore;
import com.quantumtrader.core.time.SimulatedClock;
import com.quantumtrader.events.Domain;
import com.quantumtrader.events.EventCatalog;
import com.quantumtrader.events.OrderPurpose;
import com.quantumtrader.events.OrderSide;
import com.quantumtrader.events.execution.OrderFilled;
import com.quantumtrader.events.market.MarketPriceUpdate;
import com.quantumtrader.portfolio.PortfolioDomain;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The portfolio domain's two hot paths with its state in a real Redis ({@link EmbeddedRedis}, loopback, one
 * {@link RedisKeyValueStore} under portfolio's prefix), handlers as {@link PortfolioDomain} wires them:
 * <ul>
 *   <li>{@code markToMarket200Positions}: one closed bar of one of 200 symbols, each with an open position: the
 *       handler records the bar, runs the dynamic stop, values all 200 positions against their
 *       marks, extends the equity curve and checks the drawdown. Average time per price update.</li>
 *   <li>{@code fills}: a round trip (entry fill, then exit fill) on one of 200 symbols next to 200 open
 *       positions; each fill also values the account for the equity curve. Throughput in fills per second.</li>
 * </ul>
 */
@Fork(value = 1, jvmArgs = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@State(Scope.Benchmark)
public class PortfolioBenchmark {

    private static final int POSITIONS = 200;
    private static final Instant START = Instant.parse("2024-03-01T00:00:00Z");

    private EmbeddedRedis server;
    private RedisConnections redis;
    private SimulatedClock clock;
    private EventFactory events;
    private EventHandler positionMonitor;
    private EventHandler markToMarket;
    private int nextSymbol;
    private long roundTrip;

    @Setup(Level.Trial)
    public void open() {
        server = EmbeddedRedis.start();
        redis = RedisConnections.connect(server.url());
        clock = new SimulatedClock(START);
        Policy policy = PolicyDefaults.load();
        DomainServices services = new DomainServices(clock, new RedisKeyValueStore(redis, Domain.PORTFOLIO),
                () -> policy);
        Map<String, HandlerDefinition> handlers = new PortfolioDomain().handlers(services).stream()
                .collect(Collectors.toMap(HandlerDefinition::name, h -> h));
        positionMonitor = handlers.get(PortfolioDomain.POSITION_MONITOR).handler();
        markToMarket = handlers.get(PortfolioDomain.MARK_TO_MARKET).handler();
        events = new EventFactory(clock, new EventIds(clock, new SplittableRandom(7)));
        for (int i = 0; i < POSITIONS; i++) {
            fill("open-" + i, symbol(i), OrderSide.BUY, OrderPurpose.ENTRY);
            bar(symbol(i), new BigDecimal("100"));
        }
    }

    @TearDown(Level.Trial)
    public void close() {
        redis.close();
        server.close();
    }

    private static String symbol(int i) {
        return String.format("S%03dUSDT", i);
    }

    private List<Emit> fill(String signalId, String symbol, OrderSide side, OrderPurpose purpose) {
        BigDecimal quantity = BigDecimal.ONE;
        BigDecimal price = new BigDecimal("100");
        boolean entry = purpose == OrderPurpose.ENTRY;
        OrderFilled fill = new OrderFilled(signalId, "cid-" + signalId + "-" + purpose, symbol, side, purpose,
                quantity, quantity, true, price, price, new BigDecimal("0.04"), "USDT",
                entry ? new BigDecimal("98") : null, entry ? new BigDecimal("104") : null, "bench", "bench@1",
                clock.instant());
        return positionMonitor.handle(new InboundEvent(events.create(EventCatalog.EXECUTION_ORDER_FILLED, fill,
                events.newTraceId())));
    }

    private List<Emit> bar(String symbol, BigDecimal close) {
        Instant end = clock.instant();
        return markToMarket.handle(new InboundEvent(events.create(EventCatalog.MARKET_PRICE_UPDATE,
                new MarketPriceUpdate(symbol, "1m", end.minus(Duration.ofMinutes(1)), end, close, close.add(
                        BigDecimal.ONE), close.subtract(BigDecimal.ONE), close, BigDecimal.TEN,
                        MarketPriceUpdate.BAR_CLOSE), events.newTraceId())));
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public List<Emit> markToMarket200Positions() {
        clock.advance(Duration.ofSeconds(1));
        int i = nextSymbol++ % POSITIONS;
        // closes between 99.5 and 100.5: no stop moves, the common case
        return bar(symbol(i), new BigDecimal("99.5").add(BigDecimal.valueOf(nextSymbol % 11, 1)));
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @OperationsPerInvocation(2)
    public List<Emit> fills() {
        clock.advance(Duration.ofMillis(10));
        String signal = "rt-" + roundTrip++;
        String symbol = "R" + (roundTrip % POSITIONS) + "USDT";
        fill(signal, symbol, OrderSide.BUY, OrderPurpose.ENTRY);
        return fill(signal, symbol, OrderSide.SELL, OrderPurpose.EXIT);
    }
}
