package com.quantumtrader.core.lambda;

import com.quantumtrader.core.handler.DomainModule;
import com.quantumtrader.core.handler.DomainServices;
import com.quantumtrader.core.handler.EventFactory;
import com.quantumtrader.core.handler.HandlerDefinition;
import com.quantumtrader.core.handler.HandlerRuntime;
import com.quantumtrader.core.handler.PeriodicJob;
import com.quantumtrader.core.idempotency.IdempotencyRetention;
import com.quantumtrader.core.idempotency.IdempotencyStore;
import com.quantumtrader.core.ids.EventIds;
import com.quantumtrader.core.policy.PolicyReader;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;

/**
 * What a domain handler runs on inside a Lambda: the clock, its domain's state, idempotency, the policy and the
 * publisher. Each piece is a (lazy) Spring bean, created on the first invocation that needs it rather than at
 * start-up, and replaceable by a test's own bean.
 */
public final class LambdaEnvironment {

    /** Variable naming the Redis server of state, idempotency and policy ({@code redis://} or {@code rediss://}). */
    public static final String REDIS_URL = "REDIS_URL";
    /** Variable naming the EventBridge custom bus that handler output is put on. */
    public static final String EVENT_BUS_NAME = "EVENT_BUS_NAME";
    /**
     * Lambda's first asynchronous retry of a failed invocation comes about a minute after it (the second two minutes
     * after that): a claim left by a crashed invocation must have expired by then, or the retry is put off again.
     */
    public static final Duration ASYNC_RETRY_INTERVAL = Duration.ofMinutes(1);
    /**
     * Shorter than {@link #ASYNC_RETRY_INTERVAL}, longer than the handlers' usual run (they have 30 s timeouts, learning's
     * training 300 s: a duplicate delivery arriving more than this after a slow run began could run beside it, which
     * idempotent handlers tolerate; losing a retried delivery is what must not happen).
     */
    public static final Duration DEFAULT_LEASE_TTL = Duration.ofSeconds(45);
    /** Longer than EventBridge's retry window (24 h) plus Lambda's asynchronous retries (up to 6 h). */
    static final Duration DEFAULT_DONE_TTL = IdempotencyRetention.DEFAULT;
    static final Duration DEFAULT_POLICY_CACHE_TTL = Duration.ofSeconds(5);

    /** The lease must expire before Lambda retries a crashed invocation, or the retry is put off as in progress. */
    public static Duration requireLeaseBeforeRetry(Duration leaseTtl) {
        if (leaseTtl == null || leaseTtl.toMillis() < 1 || leaseTtl.compareTo(ASYNC_RETRY_INTERVAL) >= 0) {
            throw new IllegalArgumentException("quantum.idempotency.lease-ttl must be between 1 ms and Lambda's "
                    + "asynchronous retry interval (" + ASYNC_RETRY_INTERVAL + "), got " + leaseTtl
                    + ": a retry inside the lease of a crashed invocation would be put off until it reaches the DLQ");
        }
        return leaseTtl;
    }

    private final ObjectProvider<Clock> clock;
    private final ObjectProvider<DomainStateStores> state;
    private final ObjectProvider<IdempotencyStore> idempotency;
    private final ObjectProvider<PolicyReader> policy;
    private final ObjectProvider<EventPublisher> publisher;

    LambdaEnvironment(ObjectProvider<Clock> clock, ObjectProvider<DomainStateStores> state,
                      ObjectProvider<IdempotencyStore> idempotency, ObjectProvider<PolicyReader> policy,
                      ObjectProvider<EventPublisher> publisher) {
        this.clock = clock;
        this.state = state;
        this.idempotency = idempotency;
        this.policy = policy;
        this.publisher = publisher;
    }

    /** Builds the runtime around the module's handler of that name, resolving every piece it needs now. */
    HandlerRuntime runtimeFor(DomainModule module, String handlerName) {
        Clock time = clock.getObject();
        DomainServices services = new DomainServices(time, state.getObject().of(module.domain()), policy.getObject());
        List<HandlerDefinition> handlers = module.handlers(services);
        HandlerDefinition definition = handlers.stream()
                .filter(h -> h.name().equals(handlerName))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("the routing table routes " + handlerName + " to "
                        + module.domain().id() + ", but " + module.getClass().getName() + " has no handler of that name"
                        + " (it has " + handlers.stream().map(HandlerDefinition::name).toList() + ")"));
        EventPublisher out = publisher.getObject();
        // ULIDs need unpredictable randomness here; determinism is the backtest's concern, not a Lambda's
        EventFactory events = new EventFactory(time, new EventIds(time, new SecureRandom()));
        return new HandlerRuntime(definition, idempotency.getObject(), events, out::publish);
    }

    /** Builds the runtime of the module's periodic job of that name on the domain's real services, resolving them now. */
    ScheduledJobRuntime scheduledJobFor(DomainModule module, String jobName) {
        Clock time = clock.getObject();
        DomainServices services = new DomainServices(time, state.getObject().of(module.domain()), policy.getObject());
        List<PeriodicJob> jobs = module.periodicJobs(services);
        PeriodicJob job = jobs.stream()
                .filter(j -> j.name().equals(jobName))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException(module.getClass().getName() + " has no periodic job "
                        + jobName + " (it has " + jobs.stream().map(PeriodicJob::name).toList() + ")"));
        EventFactory events = new EventFactory(time, new EventIds(time, new SecureRandom()));
        return new ScheduledJobRuntime(module.domain(), job, idempotency.getObject(), events, publisher.getObject());
    }
}
