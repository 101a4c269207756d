package com.quantumtrader.execution.crash;

import com.quantumtrader.events.market.PriceBars;
import com.quantumtrader.events.market.MarketPriceUpdate;
import static org.assertj.core.api.Assertions.assertThat;

import com.quantumtrader.core.handler.DomainServices;
import com.quantumtrader.core.handler.Emit;
import com.quantumtrader.core.handler.EventFactory;
import com.quantumtrader.core.handler.HandlerDefinition;
import com.quantumtrader.core.handler.InboundEvent;
import com.quantumtrader.core.ids.EventIds;
import com.quantumtrader.core.policy.PolicyDefaults;
import com.quantumtrader.core.redis.RedisConnections;
import com.quantumtrader.core.state.KeyValueStore;
import com.quantumtrader.core.state.RedisKeyValueStore;
import com.quantumtrader.core.testing.RedisTestServer;
import com.quantumtrader.core.time.SimulatedClock;
import com.quantumtrader.events.BusEvent;
import com.quantumtrader.events.Domain;
import com.quantumtrader.events.EventCatalog;
import com.quantumtrader.events.EventJson;
import com.quantumtrader.events.OrderPurpose;
import com.quantumtrader.execution.Approvals;
import com.quantumtrader.execution.ExecutionDomain;
import com.quantumtrader.execution.MarketDataFeed;
import com.quantumtrader.execution.exchange.ExchangePort;
import com.quantumtrader.execution.exchange.ExchangePosition;
import com.quantumtrader.execution.exchange.ExecutionReport;
import com.quantumtrader.execution.exchange.OrderRequest;
import com.quantumtrader.execution.exchange.OrderStatusReport;
import com.quantumtrader.execution.exchange.PlaceResult;
import com.quantumtrader.execution.exchange.SimulatedExchange;
import com.quantumtrader.execution.exchange.SimulatedExchangeSettings;
import com.quantumtrader.execution.exchange.SymbolRules;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * kill -9 at every store write of an entry's path, from the approval to the fill and its protection, on a real
 * Redis; then a new process over the same Redis and the same simulated exchange. Whatever the crash point, after
 * the restart: the fill is published (portfolio opens the position, risk settles the reservation), stop and target
 * rest on the exchange, every event id carries one event (a re-publish keeps its id, so consumers drop it), no order
 * is sent twice, and nothing is left in the outbox.
 */
class FaultInjectionTest {

    private static final Instant START = Instant.parse("2024-03-01T00:00:00Z");
    private static final String TRACE = "TRACE-SIG-1";

    private RedisConnections redis;

    @BeforeEach
    void cleanRedis() {
        RedisTestServer.flush();
        redis = RedisConnections.connect(RedisTestServer.url());
    }

    @AfterEach
    void closeRedis() {
        redis.close();
    }

    static Stream<Integer> everyWriteOfTheEntryPath() {
        RedisTestServer.flush();
        try (RedisConnections counting = RedisConnections.connect(RedisTestServer.url())) {
            CrashingKeyValueStore store = new CrashingKeyValueStore(new RedisKeyValueStore(counting, Domain.EXECUTION), 0);
            Run run = new Run(store, new SimulatedClock(START), 1);
            run.firstLife();
            return IntStream.rangeClosed(1, store.writes()).boxed();
        }
    }

    @Test
    void theEntryPathWritesToTheStore() {
        assertThat(everyWriteOfTheEntryPath().count()).isGreaterThan(5);
    }

    @ParameterizedTest(name = "kill -9 at write {0}")
    @MethodSource("everyWriteOfTheEntryPath")
    void aCrashAtAnyWriteOfAnEntryLeavesAProtectedPositionKnownToEveryoneAfterARestart(int crashAt) {
        KeyValueStore redisStore = new RedisKeyValueStore(redis, Domain.EXECUTION);
        SimulatedClock clock = new SimulatedClock(START);
        CrashingKeyValueStore crashing = new CrashingKeyValueStore(redisStore, crashAt);
        Run first = new Run(crashing, clock, 1);
        Phase crashedIn = first.firstLife();
        assertThat(crashing.crashed()).as("the crash point is on the path").isTrue();

        Run second = new Run(redisStore, clock, 2);
        second.restart(crashedIn);

        List<BusEvent> published = new ArrayList<>(first.published);
        published.addAll(second.published);
        SimulatedExchange exchange = new SimulatedExchange(SimulatedExchangeSettings.defaults(), redisStore, clock);

        assertThat(exchange.positions()).as("the exchange position").singleElement().satisfies(position -> {
            assertThat(position.symbol()).isEqualTo("BTCUSDT");
            assertThat(position.quantity()).isEqualByComparingTo("0.010");
        });
        assertThat(exchange.openOrderIds()).as("protection resting on the exchange")
                .containsExactly("SL-SIG-1", "TP-SIG-1");
        assertThat(eventIds(published, EventCatalog.EXECUTION_ORDER_FILLED.name(), "E-SIG-1"))
                .as("the entry fill that opens portfolio's position and settles risk's reservation").hasSize(1);
        for (String order : List.of("E-SIG-1", "SL-SIG-1", "TP-SIG-1")) {
            assertThat(eventIds(published, EventCatalog.EXECUTION_ORDER_SUBMITTED.name(), order))
                    .as("submitted " + order).hasSize(1);
        }
        assertThat(published).noneMatch(e -> e.name().equals(EventCatalog.EXECUTION_ORDER_FAILED.name()));
        Map<String, List<BusEvent>> byId = published.stream().collect(Collectors.groupingBy(BusEvent::eventId));
        byId.forEach((id, copies) -> assertThat(copies.stream().map(EventJson::write).distinct())
                .as("every copy of event " + id + " is the same event").hasSize(1));
        assertThat(first.placed.stream().filter(second.placed::contains)).as("an order sent again").isEmpty();
        assertThat(second.placed.stream().distinct().count()).isEqualTo(second.placed.size());
        assertThat(published.stream().filter(e -> e.name().equals(EventCatalog.MARKET_PRICE_UPDATE.name()))
                .map(BusEvent::eventId).distinct()).as("price updates").hasSizeGreaterThanOrEqualTo(2);
        assertThat(redisStore.hashGetAll("outbox:pending")).as("left in the outbox").isEmpty();
    }

    private static List<String> eventIds(List<BusEvent> published, String name, String clientOrderId) {
        return published.stream()
                .filter(e -> e.name().equals(name))
                .filter(e -> clientOrderId.equals(e.envelope().payload().path("client_order_id").asText()))
                .map(BusEvent::eventId).distinct().toList();
    }

    enum Phase { OPENING_BAR, APPROVAL, FILL_BAR, NONE }

    /** One life of the execution process: its domain instances, its own event ids, what it published and sent. */
    private static final class Run {
        final SimulatedClock clock;
        final EventFactory events;
        final Map<String, HandlerDefinition> handlers;
        final MarketDataFeed feed;
        final List<BusEvent> published = new ArrayList<>();
        final List<String> placed = new ArrayList<>();
        final ExecutionDomain domain;
        final DomainServices services;

        Run(KeyValueStore store, SimulatedClock clock, long life) {
            this.clock = clock;
            this.events = new EventFactory(clock, new EventIds(clock, new SplittableRandom(life)));
            this.domain = ExecutionDomain.paper(SimulatedExchangeSettings.defaults(), port -> new Recording(port, placed))
                    .publishingTo(events, published::add);
            this.services = new DomainServices(clock, store, PolicyDefaults::load);
            this.handlers = domain.handlers(services).stream()
                    .collect(Collectors.toMap(HandlerDefinition::name, Function.identity()));
            this.feed = domain.marketDataFeed(services);
        }

        /** Opening bar, the approval, the bar that fills the entry; returns the phase the crash hit, if any. */
        Phase firstLife() {
            try {
                bar(0);
            } catch (CrashingKeyValueStore.SimulatedCrash crash) {
                return Phase.OPENING_BAR;
            }
            try {
                approve();
            } catch (CrashingKeyValueStore.SimulatedCrash crash) {
                return Phase.APPROVAL;
            }
            try {
                bar(1);
            } catch (CrashingKeyValueStore.SimulatedCrash crash) {
                return Phase.FILL_BAR;
            }
            return Phase.NONE;
        }

        /**
         * What the platform does after a restart: execution publishes what its outbox holds and reconciles with the
         * exchange, the bus redelivers an approval whose handling never completed,
         * the feed replays the bar it was processing, then the market moves on.
         */
        void restart(Phase crashedIn) {
            domain.recover(services);
            if (crashedIn == Phase.OPENING_BAR) {
                bar(0);
            }
            if (crashedIn == Phase.OPENING_BAR || crashedIn == Phase.APPROVAL) {
                approve();
            }
            bar(1);
            bar(2);
        }

        void bar(int hour) {
            Instant open = START.plus(Duration.ofHours(hour));
            MarketPriceUpdate bar = switch (hour) {
                case 0 -> bar(open, "61000.0", "61300.0", "60900.0", "61200.0");
                case 1 -> bar(open, "61234.5", "61500.0", "61000.0", "61400.0");
                default -> bar(open, "61400.0", "61600.0", "61100.0", "61500.0");
            };
            clock.advanceTo(bar.closeTime());
            publish(feed.onBar(bar), events.newTraceId());
        }

        void approve() {
            BusEvent approval = events.create(EventCatalog.RISK_SIGNAL_APPROVED, Approvals.approval().build(), TRACE);
            publish(handlers.get("signal_executor").handler().handle(new InboundEvent(approval)), TRACE);
        }

        void publish(List<Emit> emits, String trace) {
            emits.forEach(emit -> published.add(events.create(emit, trace)));
        }

        private static MarketPriceUpdate bar(Instant open, String o, String h, String l, String c) {
            return PriceBars.bar("BTCUSDT", "1h", open, open.plus(Duration.ofHours(1)), new BigDecimal(o), new BigDecimal(h),
                    new BigDecimal(l), new BigDecimal(c), new BigDecimal("1000"));
        }
    }

    /** The order port with every order sent to the exchange noted. */
    private record Recording(ExchangePort exchange, List<String> placed) implements ExchangePort {
        @Override
        public Optional<SymbolRules> rules(String symbol) {
            return exchange.rules(symbol);
        }

        @Override
        public Optional<BigDecimal> lastPrice(String symbol) {
            return exchange.lastPrice(symbol);
        }

        @Override
        public PlaceResult place(OrderRequest request) {
            placed.add(request.clientOrderId());
            return exchange.place(request);
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
