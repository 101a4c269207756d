package com.quantumtrader.bench;

import com.quantumtrader.core.bus.RedisStreamsEventBus;
import com.quantumtrader.core.handler.HandlerOutcome;
import com.quantumtrader.core.redis.EmbeddedRedis;
import com.quantumtrader.core.redis.RedisConnections;
import com.quantumtrader.events.BusEvent;
import com.quantumtrader.events.EventJson;
import io.lettuce.core.LettuceFutures;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.XAddArgs;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.lettuce.core.api.sync.RedisCommands;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
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
 * Events per second through Redis Streams, end to end, against a real Redis started from the benchmark's JVM
 * ({@link EmbeddedRedis}, loopback). JMH throughput mode with a fixed batch: one invocation publishes
 * {@value #BATCH} events from the benchmark thread and returns when the subscriber (on its own thread and
 * connection) has seen all of them, so the score, counted per event ({@code @OperationsPerInvocation}), is
 * publish + consume throughput, not just publish. The batch is well under the streams' {@code MAXLEN ~ 10000},
 * so no entry is trimmed before it is read.
 *
 * <ul>
 *   <li>{@code redisStreamsBus}: {@link RedisStreamsEventBus} as shipped (seed settings, except a 200 ms read
 *       block so a trial closes quickly): {@code XADD MAXLEN ~} per publish; a consumer group per handler read with
 *       {@code XREADGROUP COUNT 100}; every entry parsed, matched with event-ruler, decoded and schema-validated;
 *       a trivial subscriber; one {@code XACK} per entry after it.</li>
 *   <li>{@code rawLettuce}: the same Redis commands with plain Lettuce and nothing else ({@code XADD MAXLEN ~} of
 *       the same pre-serialised entries, {@code XREADGROUP COUNT 100}, one {@code XACK} per entry): what the bus
 *       would cost if its own work were free.</li>
 *   <li>{@code rawLettucePipelined}: the ceiling of one Redis on this machine: the batch's {@code XADD}s sent
 *       without waiting for each reply, and one {@code XACK} per read batch.</li>
 * </ul>
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@OperationsPerInvocation(RedisStreamsBenchmark.BATCH)
@Fork(value = 1, jvmArgs = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 4, time = 2)
@Measurement(iterations = 3, time = 3)
public class RedisStreamsBenchmark {

    static final int BATCH = 2_000;
    static final int EVENTS = 1 << 14;
    static final long MAX_LEN = 10_000;
    static final int READ_BATCH = 100;
    private static final String ENTRY_FIELD = "entry";

    /** A real Redis and a connection to it, for the length of a trial; the events and a count of those seen. */
    abstract static class RedisRun {
        final Semaphore seen = new Semaphore(0);
        EmbeddedRedis server;
        RedisConnections redis;
        BusEvent[] events;
        int next;

        void startRedis() {
            server = EmbeddedRedis.start();
            redis = RedisConnections.connect(server.url());
            events = BenchEvents.priceUpdates(EVENTS);
        }

        BusEvent nextEvent() {
            BusEvent event = events[next];
            next = (next + 1) & (EVENTS - 1);
            return event;
        }

        void awaitSeen() throws InterruptedException, TimeoutException {
            if (!seen.tryAcquire(BATCH, 60, TimeUnit.SECONDS)) {
                throw new TimeoutException("the subscriber saw " + seen.availablePermits() + " of " + BATCH
                        + " events within 60 s");
            }
        }

        void stopRedis() {
            if (redis != null) {
                redis.close();
            }
            if (server != null) {
                server.close();
            }
        }
    }

    @State(Scope.Benchmark)
    public static class BusRun extends RedisRun {
        RedisStreamsEventBus bus;

        @Setup(Level.Trial)
        public void start() {
            startRedis();
            bus = new RedisStreamsEventBus(redis, RedisStreamsEventBus.Settings.defaults()
                    .withConsumerName("bench-1")
                    .withBlock(Duration.ofMillis(200)));
            bus.subscribe(BenchEvents.priceUpdateRoute("bench.trivial"), event -> {
                seen.release();
                return HandlerOutcome.handled(List.of());
            });
        }

        @TearDown(Level.Trial)
        public void stop() {
            long deadLettered = bus.deadLetterCount();
            bus.close();
            stopRedis();
            if (deadLettered != 0) {
                throw new IllegalStateException(deadLettered + " events were dead-lettered: the benchmark measured "
                        + "the dead-letter path");
            }
        }
    }

    /** The raw baseline's Redis side: pre-serialised entries, a stream, and a {@link RawStreamConsumer}. */
    abstract static class RawRun extends RedisRun {
        static final String STREAM = "bench:raw:market.price.update";
        final XAddArgs trim = new XAddArgs().maxlen(MAX_LEN).approximateTrimming();
        String[] entries;
        RawStreamConsumer consumer;

        void start(boolean ackPerBatch) {
            startRedis();
            entries = new String[events.length];
            for (int i = 0; i < events.length; i++) {
                entries[i] = EventJson.write(events[i]);
            }
            consumer = new RawStreamConsumer(redis.client(), STREAM, "bench.raw", READ_BATCH, ackPerBatch, seen);
        }

        Map<String, String> nextEntry() {
            String entry = entries[next];
            next = (next + 1) & (EVENTS - 1);
            return Map.of(ENTRY_FIELD, entry);
        }

        @TearDown(Level.Trial)
        public void stop() {
            consumer.close();
            stopRedis();
        }
    }

    @State(Scope.Benchmark)
    public static class RawAckPerEntry extends RawRun {
        @Setup(Level.Trial)
        public void start() {
            start(false);
        }
    }

    @State(Scope.Benchmark)
    public static class RawPipelined extends RawRun {
        @Setup(Level.Trial)
        public void start() {
            start(true);
        }
    }

    @Benchmark
    public void redisStreamsBus(BusRun run) throws Exception {
        for (int i = 0; i < BATCH; i++) {
            run.bus.publish(run.nextEvent());
        }
        run.awaitSeen();
    }

    @Benchmark
    public void rawLettuce(RawAckPerEntry run) throws Exception {
        RedisCommands<String, String> commands = run.redis.connection().sync();
        for (int i = 0; i < BATCH; i++) {
            commands.xadd(RawRun.STREAM, run.trim, run.nextEntry());
        }
        run.awaitSeen();
    }

    @Benchmark
    public void rawLettucePipelined(RawPipelined run) throws Exception {
        RedisAsyncCommands<String, String> commands = run.redis.connection().async();
        RedisFuture<?>[] replies = new RedisFuture<?>[BATCH];
        for (int i = 0; i < BATCH; i++) {
            replies[i] = commands.xadd(RawRun.STREAM, run.trim, run.nextEntry());
        }
        if (!LettuceFutures.awaitAll(60, TimeUnit.SECONDS, replies)) {
            throw new TimeoutException("Redis did not answer " + BATCH + " XADDs within 60 s");
        }
        run.awaitSeen();
    }
}
