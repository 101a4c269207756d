package com.quantumtrader.local.policy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.quantumtrader.core.policy.*;
import com.quantumtrader.risk.policy.*;
import com.quantumtrader.execution.policy.*;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import com.quantumtrader.core.redis.RedisConnections;
import com.quantumtrader.core.testing.RedisTestServer;
import com.quantumtrader.core.time.SimulatedClock;
import com.quantumtrader.events.EventJson;
import io.lettuce.core.api.StatefulRedisConnection;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PolicyStoreTest {

    private static final Instant START = Instant.parse("2026-01-05T10:00:00Z");
    private static final Duration TTL = Duration.ofSeconds(30);
    private static final Policy DEFAULTS = PolicyDefaults.load();

    private static RedisConnections connections;
    private static StatefulRedisConnection<String, String> raw;

    private final List<PolicyStore> opened = new CopyOnWriteArrayList<>();
    private SimulatedClock clock;

    @TempDir
    Path tempDir;

    @BeforeAll
    static void connect() {
        connections = RedisConnections.connect(RedisTestServer.url());
        raw = RedisTestServer.client().connect();
    }

    @AfterAll
    static void disconnect() {
        raw.close();
        connections.close();
    }

    @BeforeEach
    void givenAnEmptyRedis() {
        RedisTestServer.flush();
        clock = new SimulatedClock(START);
    }

    @AfterEach
    void closeStores() {
        opened.forEach(PolicyStore::close);
    }

    private PolicyStore open() {
        return open(clock, TTL, null);
    }

    private PolicyStore open(Clock storeClock, Duration ttl, Path snapshotFile) {
        PolicyStore store = PolicyStore.open(connections, storeClock, ttl, snapshotFile);
        opened.add(store);
        return store;
    }

    private static Policy withRiskMode(Policy policy, RiskMode mode) {
        return policy.with("risk_mode", mode);
    }

    private static Policy withMinConfidence(Policy policy, RiskMode mode, double minConfidence) {
        ObjectNode json = policy.json();
        ((ObjectNode) json.get("limits").get(mode.name())).put("min_confidence", minConfidence);
        return Policy.of(json);
    }

    /** Writes a document straight into Redis without announcing it, as if the announcement had been lost. */
    private static void writeSilently(PolicyDocument document) {
        raw.sync().set(PolicyStore.DOCUMENT_KEY, EventJson.write(document));
    }

    private static void awaitUntil(BooleanSupplier condition, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("condition not met within " + timeout);
            }
            Thread.sleep(5);
        }
    }

    @Test
    void seedsTheShippedDefaultsIntoAnEmptyRedis() {
        PolicyStore store = open();

        assertThat(store.current()).isEqualTo(DEFAULTS);
        PolicyDocument document = store.document();
        assertThat(document.version()).isEqualTo(1);
        assertThat(document.updatedBy()).isEqualTo("system:seed-defaults");
        assertThat(document.updatedAt()).isEqualTo(START);
        assertThat(raw.sync().get(PolicyStore.DOCUMENT_KEY)).contains("\"version\":1", "\"risk_mode\":\"NORMAL\"");
        assertThat(store.history(10)).singleElement()
                .satisfies(entry -> assertThat(entry.reason()).isEqualTo("seed from defaults"));
    }

    @Test
    void startsFromTheStoredPolicyInsteadOfReseeding() {
        PolicyStore first = open();
        first.update(withRiskMode(DEFAULTS, RiskMode.SAFE), 1, "alice");

        PolicyStore second = open();

        assertThat(second.current().riskMode()).isEqualTo(RiskMode.SAFE);
        assertThat(second.document().version()).isEqualTo(2);
        assertThat(second.history(10)).hasSize(2);
    }

    @Test
    void onlyOneOfTwoStoresOpeningAnEmptyRedisAtOnceSeedsIt() throws Exception {
        List<PolicyDocument> seen = raceTwice(() -> open().document(), () -> open().document());

        assertThat(seen.get(0)).isEqualTo(seen.get(1));
        assertThat(raw.sync().llen(PolicyStore.AUDIT_KEY)).isEqualTo(1);
    }

    @Test
    void updateBumpsTheVersionAndAuditsWhoWhenAndWhatChanged() {
        PolicyStore store = open();
        clock.advance(Duration.ofMinutes(5));
        Policy changed = withMinConfidence(withRiskMode(DEFAULTS, RiskMode.SAFE), RiskMode.NORMAL, 0.6);

        PolicyDocument written = store.update(changed, 1, "alice");

        assertThat(written.version()).isEqualTo(2);
        assertThat(written.updatedBy()).isEqualTo("alice");
        assertThat(written.updatedAt()).isEqualTo(START.plus(Duration.ofMinutes(5)));
        assertThat(store.current()).isEqualTo(changed);
        assertThat(store.document()).isEqualTo(written);
        PolicyAudit audit = store.history(1).get(0);
        assertThat(audit.actor()).isEqualTo("alice");
        assertThat(audit.at()).isEqualTo(START.plus(Duration.ofMinutes(5)));
        assertThat(audit.fromVersion()).isEqualTo(1);
        assertThat(audit.toVersion()).isEqualTo(2);
        assertThat(audit.reason()).isEqualTo("update");
        assertThat(audit.changes()).extracting(PolicyChange::path)
                .containsExactly("limits.NORMAL.min_confidence", "risk_mode");
        assertThat(audit.changes().get(0).oldValue().decimalValue()).isEqualByComparingTo("0.42");
        assertThat(audit.changes().get(0).newValue().decimalValue()).isEqualByComparingTo("0.6");
        assertThat(audit.changes().get(1).oldValue().asText()).isEqualTo("NORMAL");
        assertThat(audit.changes().get(1).newValue().asText()).isEqualTo("SAFE");
    }

    @Test
    void aStaleExpectedVersionIsAConflictAndWritesNothing() {
        PolicyStore store = open();
        store.update(withRiskMode(DEFAULTS, RiskMode.SAFE), 1, "alice");
        String before = raw.sync().get(PolicyStore.DOCUMENT_KEY);

        assertThatThrownBy(() -> store.update(withRiskMode(DEFAULTS, RiskMode.AGGRESSIVE), 1, "bob"))
                .isInstanceOfSatisfying(PolicyConflictException.class, e -> {
                    assertThat(e.expectedVersion()).isEqualTo(1);
                    assertThat(e.currentVersion()).isEqualTo(2);
                });

        assertThat(raw.sync().get(PolicyStore.DOCUMENT_KEY)).isEqualTo(before);
        assertThat(store.current().riskMode()).isEqualTo(RiskMode.SAFE);
        assertThat(store.history(10)).hasSize(2);
    }

    @Test
    void exactlyOneOfTwoConcurrentWritersWithTheSameExpectedVersionWins() throws Exception {
        PolicyStore alice = open();
        PolicyStore bob = open();

        for (int round = 0; round < 10; round++) {
            long expected = alice.document().version();
            Policy fromAlice = withMinConfidence(DEFAULTS, RiskMode.NORMAL, 0.60 + round / 1000.0);
            Policy fromBob = withMinConfidence(DEFAULTS, RiskMode.NORMAL, 0.70 + round / 1000.0);

            List<Object> outcomes = raceTwice(
                    () -> outcomeOf(() -> alice.update(fromAlice, expected, "alice")),
                    () -> outcomeOf(() -> bob.update(fromBob, expected, "bob")));

            List<PolicyDocument> wins = outcomes.stream().filter(PolicyDocument.class::isInstance)
                    .map(PolicyDocument.class::cast).toList();
            List<PolicyConflictException> conflicts = outcomes.stream()
                    .filter(PolicyConflictException.class::isInstance).map(PolicyConflictException.class::cast).toList();
            assertThat(wins).as("winners of round %d", round).hasSize(1);
            assertThat(conflicts).as("losers of round %d", round).singleElement()
                    .satisfies(c -> assertThat(c.currentVersion()).isEqualTo(expected + 1));
            PolicyDocument stored = alice.document();
            assertThat(stored).isEqualTo(wins.get(0));
            assertThat(stored.version()).isEqualTo(expected + 1);
            assertThat(alice.history(1).get(0).actor()).isEqualTo(stored.updatedBy());
        }
        assertThat(alice.history(100)).hasSize(11);
    }

    private static Object outcomeOf(Callable<PolicyDocument> write) {
        try {
            return write.call();
        } catch (PolicyConflictException e) {
            return e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs both at the same instant on two threads and returns their results in order. */
    private static <T> List<T> raceTwice(Callable<T> first, Callable<T> second) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch ready = new CountDownLatch(2);
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> task : List.of(first, second)) {
                futures.add(pool.submit(() -> {
                    ready.countDown();
                    go.await();
                    return task.call();
                }));
            }
            ready.await();
            go.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                try {
                    results.add(future.get());
                } catch (ExecutionException e) {
                    throw new AssertionError("racing task failed", e.getCause());
                }
            }
            return results;
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void anInvalidUpdateLeavesPolicyAndVersionUnchangedAndNamesEveryBadField() {
        PolicyStore store = open();
        String before = raw.sync().get(PolicyStore.DOCUMENT_KEY);
        ObjectNode json = DEFAULTS.json();
        ((ObjectNode) json.get("limits").get("NORMAL")).put("min_confidence", 1.5).put("max_open_positions", 0)
                .put("max_leverage", new BigDecimal("200"));
        json.putArray("universe").add("BTCUSDT").add("eth/usdt");
        json.put("account_equity", new BigDecimal("-1")).put("drawdown_alert", new BigDecimal("0.30"))
                .put("emergency_drawdown", new BigDecimal("0.20"));
        Policy invalid = Policy.of(json);

        assertThatThrownBy(() -> store.update(invalid, 1, "mallory"))
                .isInstanceOfSatisfying(PolicyValidationException.class, e -> assertThat(e.problems())
                        .hasSize(6)
                        .anySatisfy(p -> assertThat(p).startsWith("limits.NORMAL.min_confidence: "))
                        .anySatisfy(p -> assertThat(p).startsWith("limits.NORMAL.max_open_positions: "))
                        .anySatisfy(p -> assertThat(p).startsWith("limits.NORMAL.max_leverage: "))
                        .anySatisfy(p -> assertThat(p).startsWith("universe[1]: "))
                        .anySatisfy(p -> assertThat(p).startsWith("account_equity: "))
                        .anySatisfy(p -> assertThat(p).startsWith("drawdown_alert: ")));

        assertThat(raw.sync().get(PolicyStore.DOCUMENT_KEY)).isEqualTo(before);
        assertThat(store.document().version()).isEqualTo(1);
        assertThat(store.current()).isEqualTo(DEFAULTS);
        assertThat(store.history(10)).hasSize(1);
    }

    @Test
    void aMergePatchChangesOnlyThePatchedField() {
        PolicyStore store = open();

        PolicyDocument written = store.patch(EventJson.readTree("{\"limits\":{\"NORMAL\":{\"min_confidence\":0.6}}}"),
                1, "alice");

        assertThat(written.version()).isEqualTo(2);
        assertThat(written.policy()).isEqualTo(withMinConfidence(DEFAULTS, RiskMode.NORMAL, 0.6));
        assertThat(store.current()).isEqualTo(written.policy());
        PolicyAudit audit = store.history(1).get(0);
        assertThat(audit.reason()).isEqualTo("patch");
        assertThat(audit.changes()).extracting(PolicyChange::path).containsExactly("limits.NORMAL.min_confidence");
    }

    @Test
    void aMergePatchThatRemovesARequiredFieldIsRejected() {
        PolicyStore store = open();

        assertThatThrownBy(() -> store.patch(EventJson.readTree("{\"universe\":null,\"risk_mode\":\"SAFE\"}"), 1,
                "alice"))
                .isInstanceOfSatisfying(PolicyValidationException.class,
                        e -> assertThat(e.problems()).containsExactly("universe: is missing"));

        assertThat(store.document().version()).isEqualTo(1);
        assertThat(store.current()).isEqualTo(DEFAULTS);
    }

    @Test
    void aMergePatchWithAStaleVersionIsAConflict() {
        PolicyStore store = open();
        store.patch(EventJson.readTree("{\"risk_mode\":\"SAFE\"}"), 1, "alice");

        assertThatThrownBy(() -> store.patch(EventJson.readTree("{\"risk_mode\":\"AGGRESSIVE\"}"), 1, "bob"))
                .isInstanceOf(PolicyConflictException.class);
        assertThat(store.current().riskMode()).isEqualTo(RiskMode.SAFE);
    }

    @Test
    void aMergePatchMustBeAJsonObject() {
        PolicyStore store = open();

        assertThatThrownBy(() -> store.patch(EventJson.readTree("[\"SAFE\"]"), 1, "alice"))
                .isInstanceOf(PolicyValidationException.class)
                .hasMessageContaining("must be a JSON object");
    }

    @Test
    void aWriteMustNameItsActor() {
        PolicyStore store = open();

        assertThatThrownBy(() -> store.update(DEFAULTS, 1, " ")).isInstanceOf(IllegalArgumentException.class);
        assertThat(store.document().version()).isEqualTo(1);
    }

    @Test
    void theCacheServesThePolicyUntilAnotherStoreAnnouncesAChange() throws Exception {
        PolicyStore reader = open(Clock.systemUTC(), Duration.ofHours(1), null);
        PolicyStore otherJvm = open(Clock.systemUTC(), Duration.ofHours(1), null);
        assertThat(reader.current().riskMode()).isEqualTo(RiskMode.NORMAL);

        // a change nobody announced is not seen: reads come from the cache, not from Redis
        writeSilently(new PolicyDocument(2, withRiskMode(DEFAULTS, RiskMode.SAFE), START, "silent"));
        assertThat(reader.current().riskMode()).isEqualTo(RiskMode.NORMAL);

        otherJvm.update(withRiskMode(DEFAULTS, RiskMode.AGGRESSIVE), 2, "bob");

        awaitUntil(() -> reader.current().riskMode() == RiskMode.AGGRESSIVE, Duration.ofSeconds(5));
        assertThat(reader.current()).isEqualTo(withRiskMode(DEFAULTS, RiskMode.AGGRESSIVE));
    }

    @Test
    void theCacheIsReReadAfterItsTtlEvenWithoutAnAnnouncement() {
        PolicyStore store = open();
        assertThat(store.current().riskMode()).isEqualTo(RiskMode.NORMAL);
        writeSilently(new PolicyDocument(2, withRiskMode(DEFAULTS, RiskMode.SAFE), START, "silent"));

        clock.advance(TTL.minusSeconds(1));
        assertThat(store.current().riskMode()).isEqualTo(RiskMode.NORMAL);

        clock.advance(Duration.ofSeconds(1));
        assertThat(store.current().riskMode()).isEqualTo(RiskMode.SAFE);
    }

    @Test
    void aFlushedRedisOpenedWithASnapshotStartsFromTheSamePolicy() throws Exception {
        PolicyStore store = open();
        Policy custom = withMinConfidence(withRiskMode(DEFAULTS, RiskMode.SAFE), RiskMode.SAFE, 0.8);
        store.update(custom, 1, "alice");
        Path snapshot = tempDir.resolve("policy-snapshot.json");
        Files.writeString(snapshot, store.snapshotJson());
        RedisTestServer.flush();

        PolicyStore restarted = open(clock, TTL, snapshot);

        assertThat(restarted.current()).isEqualTo(custom);
        assertThat(restarted.document().version()).isEqualTo(2);
        assertThat(restarted.document().updatedBy()).isEqualTo("system:seed-from-snapshot");
    }

    @Test
    void theSnapshotFileFollowsEveryWriteSoAnEmptyRedisResumesFromTheLastPolicy() {
        Path snapshot = tempDir.resolve("state/policy.json");
        PolicyStore store = open(clock, TTL, snapshot);
        assertThat(snapshot).exists();
        store.update(withRiskMode(DEFAULTS, RiskMode.SAFE), 1, "alice");
        store.patch(EventJson.readTree("{\"universe\":[\"BTCUSDT\",\"SOLUSDT\"]}"), 2, "alice");
        Policy last = store.current();
        store.close();
        opened.remove(store);
        RedisTestServer.flush();

        PolicyStore restarted = open(clock, TTL, snapshot);

        assertThat(restarted.current()).isEqualTo(last);
        assertThat(restarted.document().version()).isEqualTo(3);
    }

    @Test
    void anInvalidSnapshotFileFailsTheOpenInsteadOfFallingBackToDefaults() throws Exception {
        Path snapshot = tempDir.resolve("policy.json");
        Files.writeString(snapshot, "{\"version\":4,\"policy\":{\"risk_mode\":\"SAFE\"}}");

        assertThatThrownBy(() -> open(clock, TTL, snapshot))
                .isInstanceOf(PolicyValidationException.class)
                .hasMessageContaining("limits: is missing");
        assertThat(raw.sync().exists(PolicyStore.DOCUMENT_KEY)).isZero();
    }

    @Test
    void restoreMakesTheSnapshotPolicyANewAuditedVersion() {
        PolicyStore store = open();
        Policy custom = withRiskMode(DEFAULTS, RiskMode.AGGRESSIVE);
        store.update(custom, 1, "alice");
        String snapshot = store.snapshotJson();
        store.update(withRiskMode(DEFAULTS, RiskMode.SAFE), 2, "bob");

        PolicyDocument restored = store.restore(snapshot, "carol");

        assertThat(restored.version()).isEqualTo(4);
        assertThat(restored.policy()).isEqualTo(custom);
        assertThat(store.current()).isEqualTo(custom);
        PolicyAudit audit = store.history(1).get(0);
        assertThat(audit.reason()).isEqualTo("restore");
        assertThat(audit.actor()).isEqualTo("carol");
        assertThat(audit.changes()).extracting(PolicyChange::path).containsExactly("risk_mode");
    }

    @Test
    void restoreAcceptsABarePolicyFile() {
        PolicyStore store = open();

        store.restore(EventJson.write(withRiskMode(DEFAULTS, RiskMode.SAFE)), "carol");

        assertThat(store.current().riskMode()).isEqualTo(RiskMode.SAFE);
        assertThat(store.document().version()).isEqualTo(2);
    }

    @Test
    void restoreOfAnInvalidSnapshotChangesNothing() {
        PolicyStore store = open();
        String invalid = store.snapshotJson().replace("\"max_open_positions\" : 4", "\"max_open_positions\" : 500");
        assertThat(invalid).contains("500");

        assertThatThrownBy(() -> store.restore(invalid, "carol"))
                .isInstanceOf(PolicyValidationException.class)
                .hasMessageContaining("limits.NORMAL.max_open_positions");
        assertThatThrownBy(() -> store.restore("{not json", "carol"))
                .isInstanceOf(PolicyValidationException.class)
                .hasMessageContaining("not valid JSON");

        assertThat(store.document().version()).isEqualTo(1);
        assertThat(store.current()).isEqualTo(DEFAULTS);
    }

    @Test
    void theAuditHistoryKeepsTheNewestThousandEntries() {
        PolicyStore store = open();
        // given a full history: the seed entry and older entries behind it
        String older = raw.sync().lindex(PolicyStore.AUDIT_KEY, 0);
        raw.sync().rpush(PolicyStore.AUDIT_KEY, java.util.Collections.nCopies(PolicyStore.AUDIT_CAPACITY - 1, older)
                .toArray(String[]::new));

        store.update(withRiskMode(DEFAULTS, RiskMode.SAFE), 1, "alice");
        store.update(withRiskMode(DEFAULTS, RiskMode.NORMAL), 2, "bob");

        assertThat(raw.sync().llen(PolicyStore.AUDIT_KEY)).isEqualTo(PolicyStore.AUDIT_CAPACITY);
        List<PolicyAudit> history = store.history(PolicyStore.AUDIT_CAPACITY);
        assertThat(history).hasSize(PolicyStore.AUDIT_CAPACITY);
        assertThat(history.subList(0, 3)).extracting(PolicyAudit::actor)
                .containsExactly("bob", "alice", "system:seed-defaults");
    }

    @Test
    void historyLimitMustBeWithinTheKeptEntries() {
        PolicyStore store = open();

        assertThatThrownBy(() -> store.history(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.history(PolicyStore.AUDIT_CAPACITY + 1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aRedisFlushedWhileRunningIsReseededOnTheNextRead() {
        PolicyStore store = open();
        store.update(withRiskMode(DEFAULTS, RiskMode.SAFE), 1, "alice");
        RedisTestServer.flush();

        clock.advance(TTL);

        assertThat(store.current()).isEqualTo(DEFAULTS);
        assertThat(store.document().version()).isEqualTo(1);
    }
}
