package com.quantumtrader.infra;

import com.quantumtrader.core.handler.DomainModule;
import com.quantumtrader.core.lambda.DeclaredPeriodicJobs;
import com.quantumtrader.events.Domain;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.ServiceLoader;

/**
 * A domain's periodic job as the stack schedules it: a Lambda of the domain's jar pinned to the job's name, fired by
 * a rule at the job's period. Read from the domain modules themselves (found by {@link ServiceLoader}, as the Lambda
 * finds them), so the schedule in AWS is the period the local runtime runs the job at.
 */
record ScheduledJob(Domain domain, String name, Duration period) {

    /** Every periodic job of every domain module on the classpath, in a stable order (domain, then name). */
    static List<ScheduledJob> discover() {
        List<ScheduledJob> jobs = new ArrayList<>();
        for (DomainModule module : ServiceLoader.load(DomainModule.class, ScheduledJob.class.getClassLoader())) {
            DeclaredPeriodicJobs.of(module).forEach(job ->
                    jobs.add(new ScheduledJob(module.domain(), job.name(), job.period())));
        }
        jobs.sort(Comparator.comparing(ScheduledJob::domain).thenComparing(ScheduledJob::name));
        return List.copyOf(jobs);
    }

    /** The period in whole minutes: a schedule's rate has minute granularity, and rounding would change the job. */
    long rateMinutes() {
        if (period.toSeconds() % 60 != 0 || period.toMinutes() < 1) {
            throw new IllegalStateException("periodic job " + name + " of " + domain.id() + " runs every " + period
                    + ", which is no whole number of minutes: an EventBridge schedule cannot fire at that rate");
        }
        return period.toMinutes();
    }
}
