package com.quantumtrader.core.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SystemSchedulerTest {

    private static final long AWAIT_SECONDS = 10;

    private final SystemScheduler scheduler = new SystemScheduler("test-scheduler");

    @AfterEach
    void close() {
        scheduler.close();
    }

    @Test
    void runsAJobRepeatedlyOnADaemonThread() throws Exception {
        CountDownLatch threeRuns = new CountDownLatch(3);
        AtomicReference<Thread> runner = new AtomicReference<>();

        scheduler.schedule("tick", Duration.ofMillis(10), () -> {
            runner.set(Thread.currentThread());
            threeRuns.countDown();
        });

        assertThat(threeRuns.await(AWAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
        assertThat(runner.get().isDaemon()).isTrue();
        assertThat(runner.get().getName()).isEqualTo("test-scheduler");
    }

    @Test
    void failingRunDoesNotStopLaterRuns() throws Exception {
        AtomicInteger attempts = new AtomicInteger();
        CountDownLatch runAfterFailure = new CountDownLatch(1);

        scheduler.schedule("flaky", Duration.ZERO, Duration.ofMillis(10), () -> {
            if (attempts.incrementAndGet() == 1) {
                throw new IllegalStateException("first run fails");
            }
            runAfterFailure.countDown();
        });

        assertThat(runAfterFailure.await(AWAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
        assertThat(attempts.get()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void cancelledJobStopsWhileOthersGoOn() throws Exception {
        AtomicInteger cancelledRuns = new AtomicInteger();
        Scheduler.ScheduledTask cancelled = scheduler.schedule("cancelled", Duration.ofHours(1), cancelledRuns::incrementAndGet);
        CountDownLatch other = new CountDownLatch(2);
        scheduler.schedule("other", Duration.ofMillis(5), other::countDown);

        cancelled.cancel();

        assertThat(other.await(AWAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
        assertThat(cancelledRuns.get()).isZero();
        assertThat(cancelled.name()).isEqualTo("cancelled");
    }

    @Test
    void closeWaitsForTheRunningJobThenEndsTheThread() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        AtomicReference<Thread> runner = new AtomicReference<>();
        AtomicInteger finished = new AtomicInteger();
        scheduler.schedule("slow", Duration.ZERO, Duration.ofMillis(10), () -> {
            runner.set(Thread.currentThread());
            started.countDown();
            busyWork();
            finished.incrementAndGet();
        });
        assertThat(started.await(AWAIT_SECONDS, TimeUnit.SECONDS)).isTrue();

        scheduler.close();

        assertThat(finished.get()).as("the run in progress completed").isGreaterThanOrEqualTo(1);
        runner.get().join(TimeUnit.SECONDS.toMillis(AWAIT_SECONDS));
        assertThat(runner.get().isAlive()).isFalse();
        assertThatThrownBy(() -> scheduler.schedule("late", Duration.ofSeconds(1), () -> { }))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
    }

    @Test
    void rejectsANonPositivePeriod() {
        assertThatThrownBy(() -> scheduler.schedule("never", Duration.ofSeconds(-5), () -> { }))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("period must be positive");
    }

    private static void busyWork() {
        long sum = 0;
        for (int i = 0; i < 2_000_000; i++) {
            sum += i % 7;
        }
        if (sum < 0) {
            throw new AssertionError();
        }
    }
}
