package com.quantumtrader.core.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.quantumtrader.core.time.SimulatedClock;
import com.quantumtrader.core.time.SimulatedScheduler;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HealthCheckerTest {

    private static final Instant START = Instant.parse("2024-03-01T00:00:00Z");
    // generous: a healthy check must finish within it even on a loaded 2-core CI machine
    private static final Duration TIMEOUT = Duration.ofMillis(1500);

    private final SimulatedClock clock = new SimulatedClock(START);
    private final HealthChecker checker = new HealthChecker(clock, HealthChecker.DEFAULT_CACHE_TTL, TIMEOUT);
    private final CountDownLatch releaseHangingCheck = new CountDownLatch(1);

    @AfterEach
    void tearDown() {
        releaseHangingCheck.countDown();
        checker.close();
    }

    @Test
    void allChecksUpMakesThePlatformUpAndListsChecksInRegistrationOrder() {
        checker.register("redis", () -> CheckResult.up("PONG"));
        checker.register("bus", () -> CheckResult.up("ok"));

        HealthReport report = checker.report();

        assertThat(report.status()).isEqualTo(HealthStatus.UP);
        assertThat(report.checks()).containsOnlyKeys("redis", "bus");
        assertThat(report.checks().keySet()).containsExactly("redis", "bus");
        assertThat(report.check("redis")).isEqualTo(CheckResult.up("PONG"));
        assertThat(report.checkedAt()).isEqualTo(START);
    }

    @Test
    void failingCheckIsDownWithItsMaskedReason() {
        checker.register("redis", () -> {
            throw new IllegalStateException("cannot reach redis://trader:hunter2@cache:6379");
        });
        checker.register("bus", () -> CheckResult.up("ok"));

        HealthReport report = checker.report();

        assertThat(report.status()).isEqualTo(HealthStatus.DOWN);
        assertThat(report.check("redis")).isEqualTo(
                CheckResult.down("IllegalStateException: cannot reach redis://trader:***@cache:6379"));
        assertThat(report.check("bus").status()).isEqualTo(HealthStatus.UP);
    }

    @Test
    void hangingCheckIsReportedDownWithTimeoutWithoutHoldingBackTheReport() {
        AtomicInteger hangingCalls = new AtomicInteger();
        checker.register("exchange", () -> {
            hangingCalls.incrementAndGet();
            awaitUninterruptibly(releaseHangingCheck);
            return CheckResult.up("late");
        });
        checker.register("redis", () -> CheckResult.up("PONG"));

        HealthReport report = checker.report();

        assertThat(report.status()).isEqualTo(HealthStatus.DOWN);
        assertThat(report.check("exchange").status()).isEqualTo(HealthStatus.DOWN);
        assertThat(report.check("exchange").detail()).startsWith("timeout");
        assertThat(report.check("redis").status()).isEqualTo(HealthStatus.UP);
    }

    @Test
    void checkStillHangingFromTheLastRefreshIsNotStartedAgain() {
        AtomicInteger hangingCalls = new AtomicInteger();
        checker.register("exchange", () -> {
            hangingCalls.incrementAndGet();
            awaitUninterruptibly(releaseHangingCheck);
            return CheckResult.up("late");
        });
        checker.refresh();

        HealthReport second = checker.refresh();

        assertThat(second.check("exchange"))
                .isEqualTo(CheckResult.down("timeout: the previous check has not returned yet"));
        assertThat(hangingCalls.get()).isEqualTo(1);
    }

    @Test
    void nonCriticalCheckDownOnlyDegradesThePlatform() {
        checker.register("redis", () -> CheckResult.up("PONG"));
        checker.registerNonCritical("dashboard", () -> CheckResult.down("port closed"));

        HealthReport report = checker.report();

        assertThat(report.status()).isEqualTo(HealthStatus.DEGRADED);
        assertThat(report.check("dashboard").status()).isEqualTo(HealthStatus.DOWN);
    }

    @Test
    void degradedCheckDegradesAndDownOutranksDegraded() {
        checker.register("redis", () -> CheckResult.degraded("PONG in 250 ms"));
        assertThat(checker.refresh().status()).isEqualTo(HealthStatus.DEGRADED);

        checker.register("bus", () -> CheckResult.down("no route"));
        assertThat(checker.refresh().status()).isEqualTo(HealthStatus.DOWN);
    }

    @Test
    void checkReturningNothingIsDown() {
        checker.register("silent", () -> null);

        assertThat(checker.report().check("silent")).isEqualTo(CheckResult.down("check returned no result"));
    }

    @Test
    void reportIsServedFromCacheForFiveSecondsThenRefreshed() {
        AtomicInteger calls = new AtomicInteger();
        checker.register("redis", () -> CheckResult.up("call " + calls.incrementAndGet()));

        HealthReport first = checker.report();
        clock.advance(Duration.ofMillis(4_999));
        HealthReport cached = checker.report();
        clock.advance(Duration.ofMillis(1));
        HealthReport refreshed = checker.report();

        assertThat(cached).isSameAs(first);
        assertThat(refreshed.check("redis").detail()).isEqualTo("call 2");
        assertThat(refreshed.checkedAt()).isEqualTo(START.plusSeconds(5));
        assertThat(calls.get()).isEqualTo(2);
    }

    @Test
    void scheduledRefreshRunsEveryThirtySecondsFromStart() {
        AtomicInteger calls = new AtomicInteger();
        checker.register("redis", () -> CheckResult.up("call " + calls.incrementAndGet()));
        SimulatedScheduler scheduler = new SimulatedScheduler(clock);

        checker.refreshEvery(scheduler, HealthChecker.DEFAULT_INTERVAL);
        scheduler.advanceTo(START.plusSeconds(61));

        assertThat(calls.get()).isEqualTo(3); // at 0, 30 and 60 s
        assertThat(checker.report().checkedAt()).isEqualTo(START.plusSeconds(60));
    }

    @Test
    void noChecksMeansUp() {
        assertThat(checker.report().status()).isEqualTo(HealthStatus.UP);
    }

    @Test
    void rejectsDuplicateOrUnnamedChecksAndUnknownNames() {
        checker.register("redis", () -> CheckResult.up(""));

        assertThatThrownBy(() -> checker.register("redis", () -> CheckResult.up("")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("already registered");
        assertThatThrownBy(() -> checker.register(" ", () -> CheckResult.up("")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("needs a name");
        assertThatThrownBy(() -> checker.report().check("kafka"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no health check named 'kafka'");
        assertThatThrownBy(() -> new HealthChecker(clock, Duration.ZERO, TIMEOUT))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cache TTL must be positive");
    }

    private static void awaitUninterruptibly(CountDownLatch latch) {
        boolean interrupted = false;
        while (true) {
            try {
                latch.await(30, TimeUnit.SECONDS);
                break;
            } catch (InterruptedException e) {
                interrupted = true; // a check that ignores interruption: the worst case for the checker
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
