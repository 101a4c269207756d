package com.quantumtrader.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.quantumtrader.core.redis.EmbeddedRedis;
import com.quantumtrader.events.BusEvent;
import com.quantumtrader.events.EventJson;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fault injection on a paper run's Redis: stalled ({@code CLIENT PAUSE} from a second connection) and stopped then
 * restarted on the same port, in the middle of a bar, with a 2 s command timeout. The run must pause rather than die,
 * report DOWN on {@code /health} meanwhile, and, once Redis answers again, publish exactly what the same run publishes
 * undisturbed: nothing lost, nothing doubled.
 */
class RedisOutageInPaperRunTest {

    private static final String TOKEN = "outage-test-token-0123456789";
    private static final long SEED = 5;
    private static final int BARS = 30;
    /** The fault strikes when this bar's price update is published, before any handler has seen it. */
    private static final int FAULT_AT_BAR = 15;
    /** Longer than the 2 s command timeout of the disturbed runs, so commands time out during it. */
    private static final Duration STALL = Duration.ofSeconds(4);

    @TempDir
    Path dir;

    /** What the run publishes without a fault; the same for both tests. */
    private static List<String> undisturbed;

    private final List<EmbeddedRedis> servers = new CopyOnWriteArrayList<>();
    private final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void stopServers() {
        servers.forEach(EmbeddedRedis::close);
    }

    @Test
    void aStalledRedisPausesTheRunWhichThenPublishesExactlyWhatAnUndisturbedRunDoes() throws Exception {
        Faults faults = new Faults(Faults.Kind.STALL);
        List<String> stalled = run("stalled", faults);

        assertThat(faults.healthDuringOutage).as("health statuses seen during the stall").contains(503);
        assertThat(faults.healthAfterwards).isEqualTo(200);
        assertThat(faults.pauses).as("times the run waited for Redis").isPositive();
        assertNothingLostNothingDoubled(stalled);
    }

    @Test
    void aRedisStoppedAndRestartedOnTheSamePortPausesTheRunWhichThenPublishesExactlyWhatAnUndisturbedRunDoes()
            throws Exception {
        Faults faults = new Faults(Faults.Kind.RESTART);
        List<String> restarted = run("restarted", faults);

        assertThat(faults.healthDuringOutage).as("health statuses seen while Redis was down").contains(503);
        assertThat(faults.healthAfterwards).isEqualTo(200);
        assertThat(faults.pauses).isPositive();
        assertNothingLostNothingDoubled(restarted);
    }

    private void assertNothingLostNothingDoubled(List<String> disturbed) throws Exception {
        if (undisturbed == null) {
            undisturbed = run("undisturbed", null);
        }
        Set<String> ids = new HashSet<>();
        for (String event : disturbed) {
            assertThat(ids.add(EventJson.readTree(event).path("detail").path("event_id").asText()))
                    .as("published once: %s", event).isTrue();
        }
        assertThat(disturbed).hasSameSizeAs(undisturbed).containsExactlyElementsOf(undisturbed);
    }

    /**
     * One paper run of {@link #BARS} bars on a durable Redis of its own, with the API; the fault (if any) strikes on
     * the bar loop's thread when bar {@link #FAULT_AT_BAR}'s price update is published. Returns every published event.
     */
    private List<String> run(String name, Faults faults) throws Exception {
        Path data = Files.createDirectories(dir.resolve(name));
        EmbeddedRedis redis = EmbeddedRedis.startDurable(0, data);
        servers.add(redis);
        PaperOptions options = PaperOptions.defaults().withSeed(SEED)
                // a short command timeout where a fault is injected, so a stall is noticed quickly
                .withRedisUrl(redis.url() + (faults != null ? "?timeout=2s" : ""))
                .withApi(new PaperOptions.ApiSettings(0, Map.of("operator", TOKEN)));
        List<String> published = new ArrayList<>();
        try (LocalPlatform platform = new LocalPlatform(options)) {
            URI api = platform.apiUri().orElseThrow();
            int[] priceUpdates = {0};
            AtomicBoolean struck = new AtomicBoolean();
            platform.observe(event -> {
                published.add(EventJson.write(event));
                if (faults != null && isBarOfFirstSymbol(event) && ++priceUpdates[0] == FAULT_AT_BAR
                        && struck.compareAndSet(false, true)) {
                    faults.strike(redis, api);
                }
            });
            for (int bar = 0; bar < BARS; bar++) {
                platform.step();
            }
            assertThat(platform.bus().deadLetters()).as("dead letters of run " + name).isEmpty();
            if (faults != null) {
                assertThat(struck).isTrue();
                faults.finish(api);
                faults.pauses = platform.redisPauses();
            }
        }
        return published;
    }

    private static boolean isBarOfFirstSymbol(BusEvent event) {
        return event.name().equals("market.price.update")
                && event.envelope().payload().path("symbol").asText().equals("BTCUSDT");
    }

    /** The faults, injected from the bar loop's thread; health is watched from another one. */
    private final class Faults {

        enum Kind { STALL, RESTART }

        private final Kind kind;
        final List<Integer> healthDuringOutage = new CopyOnWriteArrayList<>();
        volatile int healthAfterwards;
        volatile long pauses;
        private CompletableFuture<Void> watcher;

        Faults(Kind kind) {
            this.kind = kind;
        }

        void strike(EmbeddedRedis redis, URI api) {
            if (kind == Kind.STALL) {
                stall(redis, api);
            } else {
                restart(redis, api);
            }
        }

        /** CLIENT PAUSE <STALL> ALL from a second connection: every command of the run waits, then times out. */
        void stall(EmbeddedRedis redis, URI api) {
            RedisClient client = RedisClient.create(redis.url());
            try (StatefulRedisConnection<String, String> second = client.connect()) {
                second.sync().clientPause(STALL.toMillis());
            } finally {
                client.shutdown();
            }
            // the first health request since the stall began runs a fresh PING, which cannot answer
            watcher = CompletableFuture.runAsync(() -> healthDuringOutage.add(health(api)));
        }

        /** Stops the server (every write is on disk) and starts it again on the same port once health says DOWN. */
        void restart(EmbeddedRedis redis, URI api) {
            redis.close();
            watcher = CompletableFuture.runAsync(() -> {
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                while (System.nanoTime() < deadline) {
                    int status = health(api);
                    healthDuringOutage.add(status);
                    if (status == 503) {
                        break;
                    }
                }
                servers.add(EmbeddedRedis.startDurable(redis.port(), dir.resolve("restarted")));
            });
        }

        void finish(URI api) throws Exception {
            watcher.get(60, TimeUnit.SECONDS);
            // the report is cached for 5 s of wall time: wait for one taken after the outage
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            do {
                healthAfterwards = health(api);
            } while (healthAfterwards != 200 && System.nanoTime() < deadline && pause());
        }

        private boolean pause() {
            try {
                Thread.sleep(200);
                return true;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }

        private int health(URI api) {
            try {
                return http.send(HttpRequest.newBuilder(api.resolve("/health"))
                                .header("Authorization", "Bearer " + TOKEN).timeout(Duration.ofSeconds(10)).build(),
                        HttpResponse.BodyHandlers.ofString()).statusCode();
            } catch (Exception e) {
                throw new IllegalStateException("the health route did not answer", e);
            }
        }
    }
}
