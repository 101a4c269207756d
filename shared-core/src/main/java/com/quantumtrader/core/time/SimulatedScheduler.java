package com.quantumtrader.core.time;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Periodic jobs on a {@link SimulatedClock}: nothing runs until asked. Runs happen in a fixed order (due time, then
 * registration order) and a job that fell behind catches up one period at a time, so a backtest replays the same
 * runs in the same order every time.
 */
public final class SimulatedScheduler implements Scheduler {

    private static final Comparator<Job> RUN_ORDER =
            Comparator.comparing((Job job) -> job.nextDue).thenComparingLong(job -> job.sequence);

    private final SimulatedClock clock;
    private final List<Job> jobs = new ArrayList<>();
    private long nextSequence;
    private boolean closed;

    public SimulatedScheduler(SimulatedClock clock) {
        this.clock = clock;
    }

    @Override
    public synchronized ScheduledTask schedule(String name, Duration initialDelay, Duration period, Runnable job) {
        GuardedJobs.requireValid(name, initialDelay, period, job);
        if (closed) {
            throw new IllegalStateException("scheduler is closed: cannot schedule " + name);
        }
        Job scheduled = new Job(name, period, job, nextSequence++, clock.instant().plus(initialDelay));
        jobs.add(scheduled);
        return scheduled;
    }

    /**
     * Runs every job whose next time is at or before the clock's instant, as often as it is due; the clock does not
     * move. Returns how many runs happened.
     */
    public synchronized int runDue() {
        return runUntil(clock.instant(), false);
    }

    /**
     * Moves the clock to {@code target}, stopping at each due time on the way to run the jobs due then, so a job
     * sees its own due time on the clock. Returns how many runs happened.
     */
    public synchronized int advanceTo(Instant target) {
        if (target.isBefore(clock.instant())) {
            throw new IllegalArgumentException("simulated time cannot go back from " + clock.instant() + " to " + target);
        }
        int runs = runUntil(target, true);
        clock.advanceTo(target);
        return runs;
    }

    /** The earliest time a job is due, if any job is scheduled. */
    public synchronized Optional<Instant> nextDue() {
        return jobs.stream().min(RUN_ORDER).map(job -> job.nextDue);
    }

    @Override
    public synchronized void close() {
        closed = true;
        jobs.clear();
    }

    private int runUntil(Instant limit, boolean moveClock) {
        int runs = 0;
        Optional<Job> next;
        while ((next = jobs.stream().filter(job -> !job.nextDue.isAfter(limit)).min(RUN_ORDER)).isPresent()) {
            Job job = next.get();
            if (moveClock && job.nextDue.isAfter(clock.instant())) {
                clock.advanceTo(job.nextDue);
            }
            job.nextDue = job.nextDue.plus(job.period);
            GuardedJobs.run(job.name, job.work);
            runs++;
        }
        return runs;
    }

    private synchronized void remove(Job job) {
        jobs.remove(job);
    }

    private final class Job implements ScheduledTask {

        private final String name;
        private final Duration period;
        private final Runnable work;
        private final long sequence;
        private Instant nextDue;

        private Job(String name, Duration period, Runnable work, long sequence, Instant nextDue) {
            this.name = name;
            this.period = period;
            this.work = work;
            this.sequence = sequence;
            this.nextDue = nextDue;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public void cancel() {
            remove(this);
        }
    }
}
