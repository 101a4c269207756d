package com.quantumtrader.core.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SimulatedSchedulerTest {

    private static final Instant START = Instant.parse("2024-03-01T00:00:00Z");

    private final SimulatedClock clock = new SimulatedClock(START);
    private final SimulatedScheduler scheduler = new SimulatedScheduler(clock);
    private final List<String> runs = new ArrayList<>();

    @Test
    void runsNothingBeforeTheFirstPeriodHasPassed() {
        scheduler.schedule("snapshot", Duration.ofMinutes(1), () -> runs.add("snapshot"));

        clock.advance(Duration.ofSeconds(59));

        assertThat(scheduler.runDue()).isZero();
        assertThat(runs).isEmpty();
    }

    @Test
    void runsAJobWhenItsTimeHasCome() {
        scheduler.schedule("snapshot", Duration.ofMinutes(1), () -> runs.add("snapshot@" + clock.instant()));

        clock.advance(Duration.ofMinutes(1));

        assertThat(scheduler.runDue()).isEqualTo(1);
        assertThat(runs).containsExactly("snapshot@2024-03-01T00:01:00Z");
        assertThat(scheduler.runDue()).as("already run for this period").isZero();
    }

    @Test
    void runsDueJobsByDueTimeThenRegistrationOrder() {
        scheduler.schedule("a-every-10s", Duration.ofSeconds(10), () -> runs.add("a"));
        scheduler.schedule("b-every-5s", Duration.ofSeconds(5), () -> runs.add("b"));
        scheduler.schedule("c-every-10s", Duration.ofSeconds(10), () -> runs.add("c"));

        clock.advance(Duration.ofSeconds(10));
        scheduler.runDue();

        // b at 5 s; then a, b, c all due at 10 s, in the order they were registered
        assertThat(runs).containsExactly("b", "a", "b", "c");
    }

    @Test
    void catchesUpMissedPeriodsOneByOne() {
        List<Instant> clockSeen = new ArrayList<>();
        scheduler.schedule("snapshot", Duration.ofMinutes(1), () -> clockSeen.add(clock.instant()));

        clock.advance(Duration.ofMinutes(5).plusSeconds(30));

        assertThat(scheduler.runDue()).isEqualTo(5);
        assertThat(clockSeen).hasSize(5).allMatch(START.plus(Duration.ofMinutes(5).plusSeconds(30))::equals);
        assertThat(scheduler.nextDue()).contains(START.plus(Duration.ofMinutes(6)));
    }

    @Test
    void advanceToStopsTheClockAtEachDueTimeOnTheWay() {
        List<String> seen = new ArrayList<>();
        scheduler.schedule("fast", Duration.ofSeconds(20), () -> seen.add("fast@" + clock.instant()));
        scheduler.schedule("slow", Duration.ofSeconds(30), () -> seen.add("slow@" + clock.instant()));

        int ran = scheduler.advanceTo(START.plusSeconds(65));

        assertThat(ran).isEqualTo(5);
        assertThat(seen).containsExactly(
                "fast@2024-03-01T00:00:20Z",
                "slow@2024-03-01T00:00:30Z",
                "fast@2024-03-01T00:00:40Z",
                "fast@2024-03-01T00:01:00Z",
                "slow@2024-03-01T00:01:00Z");
        assertThat(clock.instant()).isEqualTo(START.plusSeconds(65));
    }

    @Test
    void sameScheduleReplaysIdentically() {
        assertThat(replay()).isEqualTo(replay()).isNotEmpty();
    }

    @Test
    void initialDelayOfZeroRunsRightAway() {
        scheduler.schedule("warmup", Duration.ZERO, Duration.ofHours(1), () -> runs.add("warmup"));

        assertThat(scheduler.runDue()).isEqualTo(1);
        assertThat(runs).containsExactly("warmup");
    }

    @Test
    void cancelledJobNoLongerRuns() {
        Scheduler.ScheduledTask task = scheduler.schedule("snapshot", Duration.ofMinutes(1), () -> runs.add("snapshot"));
        clock.advance(Duration.ofMinutes(1));
        scheduler.runDue();

        task.cancel();
        clock.advance(Duration.ofMinutes(3));

        assertThat(scheduler.runDue()).isZero();
        assertThat(runs).containsExactly("snapshot");
        assertThat(scheduler.nextDue()).isEmpty();
    }

    @Test
    void failingRunIsLoggedAndTheJobAndOthersKeepTheirSchedule() {
        scheduler.schedule("broken", Duration.ofMinutes(1), () -> {
            runs.add("broken");
            throw new IllegalStateException("boom");
        });
        scheduler.schedule("healthy", Duration.ofMinutes(1), () -> runs.add("healthy"));

        clock.advance(Duration.ofMinutes(2));

        assertThat(scheduler.runDue()).isEqualTo(4);
        assertThat(runs).containsExactly("broken", "healthy", "broken", "healthy");
    }

    @Test
    void jobCanScheduleAnotherThatIsAlreadyDue() {
        scheduler.schedule("parent", Duration.ofMinutes(1),
                () -> scheduler.schedule("child", Duration.ZERO, Duration.ofHours(1), () -> runs.add("child")));
        clock.advance(Duration.ofMinutes(1));

        scheduler.runDue();

        assertThat(runs).containsExactly("child");
    }

    @Test
    void rejectsInvalidJobsAndTimeGoingBack() {
        assertThatThrownBy(() -> scheduler.schedule("zero", Duration.ZERO, () -> { }))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("period must be positive");
        assertThatThrownBy(() -> scheduler.schedule("late", Duration.ofSeconds(-1), Duration.ofSeconds(1), () -> { }))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("initial delay");
        assertThatThrownBy(() -> scheduler.schedule(" ", Duration.ofSeconds(1), () -> { }))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("needs a name");
        assertThatThrownBy(() -> scheduler.advanceTo(START.minusSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cannot go back");
    }

    @Test
    void closedSchedulerRunsNothingAndAcceptsNoJobs() {
        scheduler.schedule("snapshot", Duration.ofMinutes(1), () -> runs.add("snapshot"));

        scheduler.close();
        clock.advance(Duration.ofMinutes(2));

        assertThat(scheduler.runDue()).isZero();
        assertThatThrownBy(() -> scheduler.schedule("late", Duration.ofMinutes(1), () -> { }))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
    }

    private static List<String> replay() {
        SimulatedClock clock = new SimulatedClock(START);
        SimulatedScheduler scheduler = new SimulatedScheduler(clock);
        List<String> out = new ArrayList<>();
        scheduler.schedule("x", Duration.ofSeconds(7), () -> out.add("x@" + clock.instant()));
        scheduler.schedule("y", Duration.ofSeconds(3), Duration.ofSeconds(11), () -> out.add("y@" + clock.instant()));
        scheduler.schedule("z", Duration.ofSeconds(7), () -> out.add("z@" + clock.instant()));
        for (int step = 1; step <= 10; step++) {
            scheduler.advanceTo(START.plusSeconds(step * 13L));
        }
        return out;
    }
}
