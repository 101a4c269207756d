package com.quantumtrader.core.lambda;

import com.quantumtrader.core.handler.DomainModule;
import com.quantumtrader.core.handler.DomainServices;
import com.quantumtrader.core.handler.PeriodicJob;
import com.quantumtrader.core.state.InMemoryKeyValueStore;
import java.time.Clock;
import java.util.List;

/**
 * The periodic jobs a domain module declares, read without any runtime behind them: names and periods are what a
 * Lambda registers its functions by and what the CDK app schedules, long before (or without) a Redis or a policy.
 * The module builds its jobs on throwaway services; a job is never run from here, and a module that reads the
 * policy while merely declaring its jobs fails loudly (the policy belongs to each run, not to the declaration).
 */
public final class DeclaredPeriodicJobs {

    private DeclaredPeriodicJobs() {
    }

    public static List<PeriodicJob> of(DomainModule module) {
        DomainServices declarationOnly = new DomainServices(Clock.systemUTC(), new InMemoryKeyValueStore(), () -> {
            throw new IllegalStateException(module.getClass().getName() + " read the policy while declaring its"
                    + " periodic jobs; read it inside the job, on each run");
        });
        return List.copyOf(module.periodicJobs(declarationOnly));
    }
}
