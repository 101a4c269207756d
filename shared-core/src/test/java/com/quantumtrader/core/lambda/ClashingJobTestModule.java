package com.quantumtrader.core.lambda;

import com.quantumtrader.core.handler.DomainModule;
import com.quantumtrader.core.handler.DomainServices;
import com.quantumtrader.core.handler.HandlerDefinition;
import com.quantumtrader.core.handler.PeriodicJob;
import com.quantumtrader.events.Domain;
import java.time.Duration;
import java.util.List;

/**
 * A test-only portfolio module whose periodic job takes the name of core_os's routing-table handler: a Lambda pinned
 * to that name could not tell which of the two it runs. Registered for the ServiceLoader in
 * {@code src/test/resources/lambda-clashing-modules}.
 */
public final class ClashingJobTestModule implements DomainModule {

    @Override
    public Domain domain() {
        return Domain.PORTFOLIO;
    }

    @Override
    public List<HandlerDefinition> handlers(DomainServices services) {
        return List.of();
    }

    @Override
    public List<PeriodicJob> periodicJobs(DomainServices services) {
        return List.of(new PeriodicJob(BarRegimeTestModule.HANDLER, Duration.ofMinutes(5), List::of));
    }
}
