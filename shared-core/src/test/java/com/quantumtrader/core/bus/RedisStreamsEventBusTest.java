package com.quantumtrader.core.bus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.quantumtrader.core.handler.HandlerDefinition;
import com.quantumtrader.core.handler.HandlerOutcome;
import com.quantumtrader.core.handler.HandlerRuntime;
import com.quantumtrader.core.idempotency.IdempotencyStore;
import com.quantumtrader.core.idempotency.RedisIdempotencyStore;
import com.quantumtrader.core.redis.RedisConnections;
import com.quantumtrader.core.testing.RedisTestServer;
import com.quantumtrader.events.BusEvent;
import com.quantumtrader.events.Domain;
import com.quantumtrader.events.EventJson;
import com.quantumtrader.events.Route;
import io.lettuce.core.Consumer;
import io.lettuce.core.Limit;
import io.lettuce.core.Range;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.XGroupCreateArgs;
import io.lettuce.core.XReadArgs;
import io.lettuce.core.XReadArgs.StreamOffset;
import io.lettuce.core.api.sync.RedisCommands;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Against a real Redis (embedded); each test has streams of its own (a unique key prefix). */
class RedisStreamsEventBusTest extends EventBusContract {

    private RedisConnections redis;
    private RedisCommands<String, String> commands;
    private RedisStreamsEventBus.Settings settings;
    private RedisStreamsEventBus bus;
    private final List<RedisStreamsEventBus> buses = new ArrayList<>();

    @BeforeEach
    void connect() {
        redis = RedisConnections.connect(RedisTestServer.url());
        commands = redis.connection().sync();
        settings = RedisStreamsEventBus.Settings.defaults()
                .withStreamPrefix("test-" + UUID.randomUUID() + ":events:")
                .withConsumerName("worker-1")
                .withBlock(Duration.ofMillis(100))
                .withMinIdle(Duration.ofMillis(300))
                .withMaxDeliveries(3);
        bus = newBus(settings);
    }

    @AfterEach
    void closeAll() {
        buses.forEach(RedisStreamsEventBus::close);
        redis.close();
    }

    private RedisStreamsEventBus newBus(RedisStreamsEventBus.Settings settings) {
        RedisStreamsEventBus created = new RedisStreamsEventBus(redis, settings);
        buses.add(created);
        return created;
    }

    @Override
    EventBus bus() {
        return bus;
    }

    @Override
    Inbox subscribe(Route route) {
        return recordingSubscription(bus, route);
    }

    /** Every group of every stream of this test has read up to the stream's last entry and acked it all. */
    @Override
    void awaitAllDelivered() {
        Await.until(() -> {
            for (String stream : commands.keys(settings.streamPrefix() + "*")) {
                if (stream.equals(bus.deadLetterStream())) {
                    continue;
                }
                Object lastId = pairs(commands.xinfoStream(stream)).get("last-generated-id");
                for (Object group : commands.xinfoGroups(stream)) {
                    Map<String, Object> info = pairs((List<?>) group);
                    assertThat(info.get("pending")).as("pending of %s on %s", info.get("name"), stream).isEqualTo(0L);
                    assertThat(info.get("last-delivered-id")).as("read position of %s", info.get("name"))
                            .isEqualTo(lastId);
                }
            }
        });
    }

    @Test
    void publishesEachEventAsOneEntryOnTheStreamOfItsName() {
        BusEvent bar = bar("BTCUSDT", "67251.10");

        bus.publish(bar);

        List<StreamMessage<String, String>> entries = commands.xrange(bus.streamOf("market.price.update"),
                Range.create("-", "+"));
        assertThat(bus.streamOf("market.price.update")).isEqualTo(settings.streamPrefix() + "market.price.update");
        assertThat(entries).singleElement().satisfies(entry ->
                assertThat(entry.getBody()).containsExactly(Map.entry("entry", EventJson.write(bar))));
        assertThat(bus.publishedCount()).isEqualTo(1);
    }

    @Test
    void acknowledgesAnEntryOnlyAfterTheConsumerHasHandledIt() throws InterruptedException {
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        bus.subscribe(MARK_TO_MARKET, event -> {
            inside.countDown();
            await(release);
            return HandlerOutcome.handled(List.of());
        });
        String stream = bus.streamOf("market.price.update");

        bus.publish(bar("BTCUSDT", "67251.10"));

        assertThat(inside.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(commands.xpending(stream, "mark_to_market").getCount()).isEqualTo(1);
        release.countDown();
        Await.until(() -> assertThat(commands.xpending(stream, "mark_to_market").getCount()).isZero());
    }

    @Test
    void redeliversAFailedDeliveryAfterMinIdleUntilItIsHandled() {
        List<BusEvent> deliveries = new CopyOnWriteArrayList<>();
        bus.subscribe(MARK_TO_MARKET, event -> {
            deliveries.add(event);
            return deliveries.size() == 1 ? HandlerOutcome.failed("position book locked")
                    : HandlerOutcome.handled(List.of());
        });
        BusEvent bar = bar("BTCUSDT", "67251.10");

        bus.publish(bar);

        Await.until(() -> assertThat(deliveries).hasSize(2));
        awaitAllDelivered();
        assertThat(deliveries).containsExactly(bar, bar);
        assertThat(commands.xlen(bus.deadLetterStream())).isZero();
    }

    @Test
    void reclaimsTheEntryAConsumerThatDiedLeftPendingWithXautoclaim() {
        // given: a consumer of the group read an entry and died before acking it
        String stream = bus.streamOf("market.price.update");
        commands.xgroupCreate(StreamOffset.latest(stream), "mark_to_market", XGroupCreateArgs.Builder.mkstream());
        BusEvent bar = bar("BTCUSDT", "67251.10");
        bus.publish(bar);
        List<StreamMessage<String, String>> taken = commands.xreadgroup(Consumer.from("mark_to_market", "crashed-worker"),
                XReadArgs.Builder.count(1), StreamOffset.lastConsumed(stream));
        assertThat(taken).hasSize(1);

        // when: a live consumer of the same handler joins
        Inbox survivor = recordingSubscription(bus, MARK_TO_MARKET);

        // then: it takes the entry over once it has been idle for minIdle, handles and acks it
        Await.until(() -> assertThat(survivor.events()).containsExactly(bar));
        Await.until(() -> assertThat(commands.xpending(stream, "mark_to_market").getCount()).isZero());
        assertThat(commands.xlen(bus.deadLetterStream())).isZero();
    }

    @Test
    void deadLettersAnEntryWhoseConsumersKeepDyingInsteadOfDeliveringItAgain() {
        // given: three consumers in turn took the entry and died while handling it (XPENDING counts 3 deliveries)
        String stream = bus.streamOf("market.price.update");
        commands.xgroupCreate(StreamOffset.latest(stream), "mark_to_market", XGroupCreateArgs.Builder.mkstream());
        BusEvent bar = bar("BTCUSDT", "67251.10");
        bus.publish(bar);
        String id = commands.xreadgroup(Consumer.from("mark_to_market", "crashed-1"), XReadArgs.Builder.count(1),
                StreamOffset.lastConsumed(stream)).get(0).getId();
        commands.xclaim(stream, Consumer.from("mark_to_market", "crashed-2"), 0, id);
        commands.xclaim(stream, Consumer.from("mark_to_market", "crashed-3"), 0, id);

        // when: a live consumer claims it a fourth time
        Inbox survivor = recordingSubscription(bus, MARK_TO_MARKET);

        // then: it is dead-lettered undelivered, with the count, and acked
        Await.until(() -> assertThat(commands.xlen(bus.deadLetterStream())).isEqualTo(1));
        awaitAllDelivered();
        Map<String, String> dead = commands.xrange(bus.deadLetterStream(), Range.create("-", "+")).get(0).getBody();
        assertThat(dead).containsEntry("entry_id", id).containsEntry("deliveries", "4")
                .containsEntry("entry", EventJson.write(bar));
        assertThat(dead.get("error")).isEqualTo("delivered 4 times, more than 3; last failure: unknown");
        assertThat(survivor.events()).isEmpty();
    }

    @Test
    void acksAPendingEntryThatWasTrimmedAwayBeforeItsRetry() {
        // given: a dead consumer's pending entry, then MAXLEN trimmed the entry itself away
        String stream = bus.streamOf("market.price.update");
        commands.xgroupCreate(StreamOffset.latest(stream), "mark_to_market", XGroupCreateArgs.Builder.mkstream());
        bus.publish(bar("BTCUSDT", "67251.10"));
        commands.xreadgroup(Consumer.from("mark_to_market", "crashed-1"), XReadArgs.Builder.count(1),
                StreamOffset.lastConsumed(stream));
        commands.xtrim(stream, 0);

        // when
        Inbox survivor = recordingSubscription(bus, MARK_TO_MARKET);
        BusEvent next = bar("BTCUSDT", "67252.10");
        bus.publish(next);

        // then: nothing is left pending, nothing dead-lettered, and consumption goes on
        Await.until(() -> assertThat(commands.xpending(stream, "mark_to_market").getCount()).isZero());
        Await.until(() -> assertThat(survivor.events()).containsExactly(next));
        assertThat(commands.xlen(bus.deadLetterStream())).isZero();
    }

    @Test
    void deadLettersPoisonEntriesWithTheirErrorAndKeepsConsuming() {
        Inbox markToMarket = subscribe(MARK_TO_MARKET);
        String stream = bus.streamOf("market.price.update");
        BusEvent malformed = withoutPayloadField(bar("BTCUSDT", "67252.10"), "close");
        String schemaPoison = EventJson.write(malformed);
        String notJson = "{\"source\": \"quantum.execution\", \"detail-type\": ";
        BusEvent good = bar("BTCUSDT", "67253.10");

        commands.xadd(stream, Map.of("entry", schemaPoison));
        commands.xadd(stream, Map.of("entry", notJson));
        bus.publish(good);

        Await.until(() -> assertThat(markToMarket.events()).containsExactly(good));
        awaitAllDelivered();
        List<StreamMessage<String, String>> dead = commands.xrange(bus.deadLetterStream(), Range.create("-", "+"));
        assertThat(dead).hasSize(2);
        assertThat(dead.get(0).getBody())
                .containsEntry("handler", "mark_to_market")
                .containsEntry("stream", stream)
                .containsEntry("deliveries", "1")
                .containsEntry("entry", schemaPoison);
        assertThat(dead.get(0).getBody().get("error")).contains(malformed.eventId()).contains("close");
        assertThat(dead.get(1).getBody()).containsEntry("entry", notJson);
        assertThat(dead.get(1).getBody().get("error")).startsWith("not valid JSON");
        assertThat(bus.deadLetterCount()).isEqualTo(2);
    }

    @Test
    void deadLettersAnEntryOfAnUnknownDetailTypeWithTheReasonInsteadOfAckingItUnseen() {
        Inbox markToMarket = subscribe(MARK_TO_MARKET);
        String stream = bus.streamOf("market.price.update");
        String unknown = EventJson.write(bar("BTCUSDT", "67251.10"))
                .replace("\"detail-type\":\"market.price.update\"", "\"detail-type\":\"market.price.updat3\"");
        BusEvent good = bar("BTCUSDT", "67252.10");

        commands.xadd(stream, Map.of("entry", unknown));
        bus.publish(good);

        Await.until(() -> assertThat(markToMarket.events()).containsExactly(good));
        awaitAllDelivered();
        List<StreamMessage<String, String>> dead = commands.xrange(bus.deadLetterStream(), Range.create("-", "+"));
        assertThat(dead).singleElement().satisfies(entry -> {
            assertThat(entry.getBody()).containsEntry("handler", "mark_to_market").containsEntry("entry", unknown);
            assertThat(entry.getBody().get("error")).isEqualTo("detail-type 'market.price.updat3' on the stream of "
                    + "market.price.update (not a catalog event)");
        });
    }

    @Test
    void deadLettersAnEntryWhoseSourceIsNotTheEventsProducerInsteadOfAckingItUnseen() {
        Inbox markToMarket = subscribe(MARK_TO_MARKET);
        String stream = bus.streamOf("market.price.update");
        String spoofed = EventJson.write(bar("BTCUSDT", "67251.10"))
                .replace("\"source\":\"quantum.execution\"", "\"source\":\"quantum.ai_engine\"");
        assertThat(spoofed).contains("quantum.ai_engine");

        commands.xadd(stream, Map.of("entry", spoofed));

        Await.until(() -> assertThat(commands.xlen(bus.deadLetterStream())).isEqualTo(1));
        awaitAllDelivered();
        Map<String, String> dead = commands.xrange(bus.deadLetterStream(), Range.create("-", "+")).get(0).getBody();
        assertThat(dead).containsEntry("entry", spoofed);
        assertThat(dead.get("error")).isEqualTo("source 'quantum.ai_engine' is not the producer of market.price.update "
                + "(quantum.execution)");
        assertThat(markToMarket.events()).isEmpty();
    }

    @Test
    void handlesTheRedeliveryOfAnEntryWhoseConsumerDiedHoldingItsClaimOnceTheLeaseHasRunOut() {
        // given: a consumer (another process, with its own idempotency store) read the entry, claimed it and died
        Duration lease = settings.requireLeaseShorterThanRedelivery(Duration.ofMillis(200));
        String stream = bus.streamOf("market.price.update");
        commands.xgroupCreate(StreamOffset.latest(stream), "mark_to_market", XGroupCreateArgs.Builder.mkstream());
        BusEvent bar = bar("BTCUSDT", "67251.10");
        commands.del(RedisIdempotencyStore.redisKey("mark_to_market", bar.eventId())); // ids repeat across tests
        bus.publish(bar);
        commands.xreadgroup(Consumer.from("mark_to_market", "killed-worker"), XReadArgs.Builder.count(1),
                StreamOffset.lastConsumed(stream));
        assertThat(new RedisIdempotencyStore(redis, lease, Duration.ofHours(1)).claim("mark_to_market", bar.eventId()))
                .isEqualTo(IdempotencyStore.Claim.ACQUIRED);

        // when: a live consumer of the handler joins, through the handler runtime
        List<BusEvent> handled = new CopyOnWriteArrayList<>();
        bus.subscribe(MARK_TO_MARKET, markToMarketRuntime(lease, handled)::dispatch);

        // then: the entry is handled once and acked, nothing is dead-lettered
        Await.until(() -> assertThat(handled).containsExactly(bar));
        Await.until(() -> assertThat(commands.xpending(stream, "mark_to_market").getCount()).isZero());
        assertThat(commands.xlen(bus.deadLetterStream())).isZero();
    }

    @Test
    void putsOffARedeliveryInsideALiveClaimInsteadOfAckingItAsADuplicateAndHandlesItOnceTheClaimIsGone() {
        // given: a consumer that died holding a claim whose lease outlasts several redeliveries
        RedisStreamsEventBus patient = newBus(settings.withMaxDeliveries(20).withConsumerName("worker-2"));
        String stream = patient.streamOf("market.price.update");
        commands.xgroupCreate(StreamOffset.latest(stream), "mark_to_market", XGroupCreateArgs.Builder.mkstream());
        BusEvent bar = bar("BTCUSDT", "67251.10");
        commands.del(RedisIdempotencyStore.redisKey("mark_to_market", bar.eventId())); // ids repeat across tests
        patient.publish(bar);
        commands.xreadgroup(Consumer.from("mark_to_market", "killed-worker"), XReadArgs.Builder.count(1),
                StreamOffset.lastConsumed(stream));
        String claimKey = RedisIdempotencyStore.redisKey("mark_to_market", bar.eventId());
        new RedisIdempotencyStore(redis, Duration.ofSeconds(2), Duration.ofHours(1)).claim("mark_to_market", bar.eventId());

        // when: the entry is redelivered to a live consumer while that claim holds
        List<BusEvent> handled = new CopyOnWriteArrayList<>();
        HandlerRuntime runtime = markToMarketRuntime(Duration.ofMillis(200), handled);
        patient.subscribe(MARK_TO_MARKET, runtime::dispatch);

        // then: it is put off, not acked: still pending while the claim lives
        Await.until(() -> assertThat(runtime.metrics().retriesLater()).isPositive());
        assertThat(commands.xpending(stream, "mark_to_market").getCount()).isEqualTo(1);
        assertThat(commands.exists(claimKey)).as("the dead claim is still held").isEqualTo(1);
        assertThat(handled).isEmpty();
        // and once the dead claim's lease has run out it is handled, exactly once
        Await.until(() -> assertThat(handled).containsExactly(bar));
        Await.until(() -> assertThat(commands.xpending(stream, "mark_to_market").getCount()).isZero());
        assertThat(commands.get(claimKey)).isEqualTo("DONE");
        assertThat(commands.xlen(patient.deadLetterStream())).isZero();
    }

    @Test
    void refusesAnIdempotencyLeaseThatOutlastsTheRedeliveryInterval() {
        assertThatThrownBy(() -> settings.requireLeaseShorterThanRedelivery(settings.minIdle()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must be shorter than the bus's redelivery interval minIdle (PT0.3S)");
        assertThat(settings.requireLeaseShorterThanRedelivery(Duration.ofMillis(299))).isEqualTo(Duration.ofMillis(299));
    }

    private HandlerRuntime markToMarketRuntime(Duration lease, List<BusEvent> handled) {
        return new HandlerRuntime(new HandlerDefinition("mark_to_market", Domain.PORTFOLIO, event -> {
            handled.add(event.event());
            return List.of();
        }), new RedisIdempotencyStore(redis, lease, Duration.ofHours(1)), events.factory(), published -> { });
    }

    @Test
    void deadLettersAnEntryThatFailsOnEveryDeliveryAfterMaxDeliveries() {
        AtomicInteger attempts = new AtomicInteger();
        bus.subscribe(MARK_TO_MARKET, event -> {
            attempts.incrementAndGet();
            throw new IllegalStateException("position book corrupt");
        });
        BusEvent bar = bar("BTCUSDT", "67251.10");

        bus.publish(bar);

        Await.until(() -> assertThat(commands.xlen(bus.deadLetterStream())).isEqualTo(1));
        awaitAllDelivered();
        assertThat(attempts).hasValue(3);
        Map<String, String> dead = commands.xrange(bus.deadLetterStream(), Range.create("-", "+")).get(0).getBody();
        assertThat(dead).containsEntry("handler", "mark_to_market").containsEntry("deliveries", "3")
                .containsEntry("entry", EventJson.write(bar));
        assertThat(dead.get("error")).contains("failed 3 times").contains("position book corrupt");
    }

    @Test
    void deadLettersAnEntryTheConsumerRejectsWithoutRetryingIt() {
        AtomicInteger attempts = new AtomicInteger();
        Inbox orchestrator = subscribe(SIGNAL_ORCHESTRATOR);
        bus.subscribe(MARK_TO_MARKET, event -> {
            attempts.incrementAndGet();
            return HandlerOutcome.rejected("bar closes after its own close_time");
        });
        BusEvent bar = bar("BTCUSDT", "67251.10");

        bus.publish(bar);

        Await.until(() -> assertThat(commands.xlen(bus.deadLetterStream())).isEqualTo(1));
        awaitAllDelivered();
        assertThat(attempts).hasValue(1);
        assertThat(commands.xrange(bus.deadLetterStream(), Range.create("-", "+")).get(0).getBody())
                .containsEntry("handler", "mark_to_market")
                .containsEntry("error", "bar closes after its own close_time");
        assertThat(orchestrator.events()).as("another handler's group is unaffected").containsExactly(bar);
    }

    @Test
    void trimsEachStreamToAboutMaxLenEntries() {
        RedisStreamsEventBus small = newBus(settings.withMaxLen(50));
        int nodeSize = Integer.parseInt(commands.configGet("stream-node-max-entries").get("stream-node-max-entries"));
        List<BusEvent> bars = new ArrayList<>();
        for (int i = 0; i < 600; i++) {
            BusEvent bar = bar("BTCUSDT", "67000." + i);
            bars.add(bar);
            small.publish(bar);
        }

        // MAXLEN ~ removes whole radix-tree nodes only, so the stream keeps at least maxLen and less than a node more
        long length = commands.xlen(small.streamOf("market.price.update"));
        assertThat(length).isBetween(50L, 50L + nodeSize);
        List<StreamMessage<String, String>> newest = commands.xrevrange(small.streamOf("market.price.update"),
                Range.create("-", "+"), Limit.from(1));
        assertThat(newest.get(0).getBody().get("entry")).isEqualTo(EventJson.write(bars.get(599)));
    }

    @Test
    void closeStopsTheReadersAndLeavesLaterEntriesToTheGroup() {
        Inbox first = subscribe(MARK_TO_MARKET);
        assertThat(readerThreads()).hasSize(1);

        bus.close();

        assertThat(readerThreads()).isEmpty();
        assertThatThrownBy(() -> bus.publish(bar("BTCUSDT", "1.0"))).isInstanceOf(IllegalStateException.class);
        RedisStreamsEventBus next = newBus(settings.withConsumerName("worker-2"));
        BusEvent publishedWhileNobodyListened = bar("BTCUSDT", "67251.10");
        next.publish(publishedWhileNobodyListened);
        Inbox successor = recordingSubscription(next, MARK_TO_MARKET);
        Await.until(() -> assertThat(successor.events()).containsExactly(publishedWhileNobodyListened));
        assertThat(first.events()).isEmpty();
    }

    @Test
    void readsTheStreamsOfEveryCatalogEventTheSourceAndDetailTypeCanMatch() {
        Route portfolioWatcher = new Route("portfolio_watcher", Domain.CORE_OS, EventJson.readTree("""
                {"source": ["quantum.portfolio"], "detail-type": [{"prefix": "portfolio.position."}],
                 "detail": {"payload": {"symbol": ["BTCUSDT"]}}}"""));

        assertThat(RedisStreamsEventBus.eventNamesSelectedBy(portfolioWatcher))
                .containsExactlyInAnyOrder("portfolio.position.opened", "portfolio.position.closed");
        assertThat(RedisStreamsEventBus.eventNamesSelectedBy(MARK_TO_MARKET)).containsExactly("market.price.update");
    }

    @Test
    void refusesARouteWhosePatternMatchesNoCatalogEvent() {
        Route typo = new Route("typo_handler", Domain.CORE_OS, EventJson.readTree("""
                {"source": ["quantum.execution"], "detail-type": ["market.prices.update"]}"""));

        assertThatThrownBy(() -> bus.subscribe(typo, event -> HandlerOutcome.handled(List.of())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("typo_handler")
                .hasMessageContaining("matches no catalog event");
    }

    @Test
    void refusesSettingsThatCannotWork() {
        RedisStreamsEventBus.Settings defaults = RedisStreamsEventBus.Settings.defaults();

        assertThatThrownBy(() -> defaults.withMaxLen(0)).hasMessageContaining("maxLen");
        assertThatThrownBy(() -> defaults.withMaxDeliveries(0)).hasMessageContaining("maxDeliveries");
        assertThatThrownBy(() -> defaults.withBlock(Duration.ofMinutes(2))).hasMessageContaining("block");
        assertThatThrownBy(() -> defaults.withConsumerName(" ")).hasMessageContaining("consumerName");
    }

    private static List<Thread> readerThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("redis-bus-mark_to_market-") && t.isAlive())
                .toList();
    }

    private static Map<String, Object> pairs(List<?> flat) {
        Map<String, Object> map = new HashMap<>();
        for (int i = 0; i + 1 < flat.size(); i += 2) {
            map.put(String.valueOf(flat.get(i)), flat.get(i + 1));
        }
        return map;
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
