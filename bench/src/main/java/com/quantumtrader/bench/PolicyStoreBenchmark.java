package com.quantumtrader.bench;

import com.quantumtrader.core.policy.Policy;
import com.quantumtrader.core.policy.PolicyDocument;
import com.quantumtrader.core.policy.PolicyStore;
import com.quantumtrader.core.redis.EmbeddedRedis;
import com.quantumtrader.core.redis.RedisConnections;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Latency of a policy read (JMH sample-time mode, which reports p50, p90, p99, p99.9 …), against a real Redis
 * started from the benchmark's JVM ({@link EmbeddedRedis}, loopback), holding the shipped default policy.
 *
 * <ul>
 *   <li>{@code cachedCurrent}: {@link PolicyStore#current()} on a warm cache (TTL one hour, nobody writes), what
 *       every risk check pays. It is a few nanoseconds, below what one {@code System.nanoTime()} sample resolves,
 *       so its percentiles are mostly timer cost: an upper bound. The seed's target is under 0.01 ms.</li>
 *   <li>{@code uncachedDocument}: {@link PolicyStore#document()}, which GETs the document from Redis and parses
 *       it (and refreshes the cache), what a read after an invalidation or a TTL expiry pays. The seed's target is
 *       under 1 ms.</li>
 * </ul>
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgs = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 2)
@State(Scope.Benchmark)
public class PolicyStoreBenchmark {

    private EmbeddedRedis server;
    private RedisConnections redis;
    private PolicyStore store;

    @Setup(Level.Trial)
    public void open() {
        server = EmbeddedRedis.start();
        redis = RedisConnections.connect(server.url());
        store = PolicyStore.open(redis, Clock.systemUTC(), Duration.ofHours(1));
    }

    @TearDown(Level.Trial)
    public void close() {
        store.close();
        redis.close();
        server.close();
    }

    @Benchmark
    public Policy cachedCurrent() {
        return store.current();
    }

    @Benchmark
    public PolicyDocument uncachedDocument() {
        return store.document();
    }
}
