package com.quantumtrader.core.lambda;

import com.quantumtrader.core.handler.Emit;
import com.quantumtrader.core.handler.EventFactory;
import com.quantumtrader.core.handler.PeriodicJob;
import com.quantumtrader.core.idempotency.IdempotencyStore;
import com.quantumtrader.core.trace.TraceContext;
import com.quantumtrader.events.BusEvent;
import com.quantumtrader.events.Domain;
import com.quantumtrader.events.EventValidator;
import com.quantumtrader.events.MalformedEventException;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a domain's periodic job once per firing of its schedule: claims the firing's id (so a retried delivery runs
 * nothing twice), starts a new trace, turns the job's emits into validated events and publishes them. As with
 * handlers, the claim is completed only after publishing (a crash in between lets the lease expire and the retry run)
 * and released when the job fails (the retry runs it again).
 */
final class ScheduledJobRuntime {

    private static final Logger LOG = LoggerFactory.getLogger(ScheduledJobRuntime.class);

    private final Domain domain;
    private final PeriodicJob job;
    private final IdempotencyStore idempotency;
    private final EventFactory events;
    private final EventPublisher publisher;

    ScheduledJobRuntime(Domain domain, PeriodicJob job, IdempotencyStore idempotency, EventFactory events,
                        EventPublisher publisher) {
        this.domain = domain;
        this.job = job;
        this.idempotency = idempotency;
        this.events = events;
        this.publisher = publisher;
    }

    /** What one firing did: {@code traceId} is null for a duplicate, which ran and published nothing. */
    record Run(boolean duplicate, String traceId, List<BusEvent> published) {
    }

    Run run(ScheduledInvocation invocation) {
        IdempotencyStore.Claim claim = idempotency.claim(job.name(), invocation.id());
        if (claim == IdempotencyStore.Claim.IN_PROGRESS) {
            // perhaps a run that died: fail this invocation so the scheduler retries it (or dead-letters it)
            throw new HandlerFailedException(job.name(), "another attempt holds scheduled invocation "
                    + invocation.id() + ", retry later");
        }
        if (claim == IdempotencyStore.Claim.COMPLETED) {
            LOG.info("periodic job {} already ran for scheduled invocation {}", job.name(), invocation.id());
            return new Run(true, null, List.of());
        }
        // one new trace per firing, as the local runtime starts one per run of a job
        String traceId = events.newTraceId();
        try (TraceContext.Scope ignored = TraceContext.open(traceId, invocation.id(), job.name())) {
            List<BusEvent> out;
            try {
                out = toEvents(job.job().get(), traceId);
            } catch (RuntimeException e) {
                idempotency.release(job.name(), invocation.id());
                LOG.error("periodic job {} failed: {}", job.name(), e.toString(), e);
                throw new HandlerFailedException(job.name(), e.toString());
            }
            out.forEach(publisher::publish);
            idempotency.complete(job.name(), invocation.id());
            LOG.info("periodic job {} ran for scheduled invocation {} at {}: published {} events", job.name(),
                    invocation.id(), invocation.time(), out.size());
            return new Run(false, traceId, out);
        }
    }

    /** All of them or none: an invalid emit fails the run before anything of it is published. */
    private List<BusEvent> toEvents(List<Emit> emits, String traceId) {
        List<BusEvent> out = new ArrayList<>(emits.size());
        for (Emit emit : emits) {
            if (emit.type().producer() != domain) {
                throw new IllegalStateException(job.name() + " of " + domain.id() + " may not publish "
                        + emit.type().name() + " (owned by " + emit.type().producer().id() + ")");
            }
            BusEvent event = events.create(emit, traceId);
            try {
                EventValidator.validate(event);
            } catch (MalformedEventException e) {
                throw new IllegalStateException(job.name() + " produced an invalid event: " + e.getMessage(), e);
            }
            out.add(event);
        }
        return out;
    }
}
