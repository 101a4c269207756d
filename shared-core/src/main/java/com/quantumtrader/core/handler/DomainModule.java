package com.quantumtrader.core.handler;

import com.quantumtrader.events.Domain;
import java.util.List;

/** A domain's entry point for a composition root: its handlers (one per routing-table entry) and periodic jobs. */
public interface DomainModule {

    Domain domain();

    List<HandlerDefinition> handlers(DomainServices services);

    default List<PeriodicJob> periodicJobs(DomainServices services) {
        return List.of();
    }
}
