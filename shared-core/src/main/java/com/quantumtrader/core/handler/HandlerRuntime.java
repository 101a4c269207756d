package com.quantumtrader.core.handler;

import com.fasterxml.jackson.databind.JsonNode;
import com.quantumtrader.core.idempotency.IdempotencyStore;
import com.quantumtrader.core.redis.RedisFaults;
import com.quantumtrader.core.trace.TraceContext;
import com.quantumtrader.events.BusEvent;
import com.quantumtrader.events.EventValidator;
import com.quantumtrader.events.MalformedEventException;
import io.lettuce.core.RedisException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place around every domain handler, whatever the runtime (in-process bus, Redis Streams consumer,
 * Lambda): validate, deduplicate on {@code event_id}, open the trace context, call the handler, validate and
 * publish what it returned, count. It never throws: the outcome tells the caller what to do with the delivery.
 */
public final class HandlerRuntime {

    private static final Logger LOG = LoggerFactory.getLogger(HandlerRuntime.class);
    /**
     * The event this thread validated last. A bus hands one event instance to every subscriber in turn (and the
     * in-process bus hands over the very instance its producer's runtime validated), and a published event is
     * never changed, so validating it again would find the same: it is checked once per instance, not once per
     * subscriber.
     */
    private static final ThreadLocal<BusEvent> LAST_VALID = new ThreadLocal<>();

    private final HandlerDefinition definition;
    private final IdempotencyStore idempotency;
    private final EventFactory events;
    private final Consumer<BusEvent> publisher;
    private final HandlerMetrics metrics = new HandlerMetrics();

    public HandlerRuntime(HandlerDefinition definition, IdempotencyStore idempotency, EventFactory events,
                          Consumer<BusEvent> publisher) {
        this.definition = definition;
        this.idempotency = idempotency;
        this.events = events;
        this.publisher = publisher;
    }

    public String name() {
        return definition.name();
    }

    public HandlerMetrics metrics() {
        return metrics;
    }

    /** Decodes an EventBridge-shaped JSON entry, then dispatches it. */
    public HandlerOutcome dispatchJson(String entryJson) {
        return decodeThenDispatch(() -> EventValidator.decode(entryJson));
    }

    /** Decodes an EventBridge-shaped entry an adapter already parsed (it parses once), then dispatches it. */
    public HandlerOutcome dispatchTree(JsonNode entry) {
        return decodeThenDispatch(() -> EventValidator.decode(entry));
    }

    private HandlerOutcome decodeThenDispatch(Supplier<BusEvent> decoder) {
        long start = System.nanoTime();
        BusEvent event;
        try {
            event = decoder.get();
        } catch (MalformedEventException e) {
            HandlerOutcome outcome = HandlerOutcome.rejected(e.getMessage());
            LOG.error("event rejected handler={} reason={}", definition.name(), e.getMessage());
            metrics.record(outcome, System.nanoTime() - start);
            return outcome;
        }
        return dispatch(event);
    }

    public HandlerOutcome dispatch(BusEvent event) {
        long start = System.nanoTime();
        HandlerOutcome outcome;
        try (TraceContext.Scope ignored = TraceContext.open(event.traceId(), event.eventId(), definition.name())) {
            outcome = handle(event);
        }
        metrics.record(outcome, System.nanoTime() - start);
        return outcome;
    }

    private HandlerOutcome handle(BusEvent event) {
        try {
            validateReceived(event);
        } catch (MalformedEventException e) {
            LOG.error("event rejected: {}", e.getMessage());
            return HandlerOutcome.rejected(e.getMessage());
        }
        IdempotencyStore.Claim claim;
        try {
            claim = idempotency.claim(definition.name(), event.eventId());
        } catch (RedisException e) {
            LOG.warn("cannot claim {}: Redis unavailable, retry later: {}", event.name(), e.toString());
            return HandlerOutcome.retryLater("Redis unavailable: " + e);
        }
        if (claim == IdempotencyStore.Claim.COMPLETED) {
            LOG.debug("duplicate {} ignored", event.name());
            return HandlerOutcome.duplicate();
        }
        if (claim == IdempotencyStore.Claim.IN_PROGRESS) {
            // another attempt holds it, perhaps one that died: only a completed record makes a duplicate
            LOG.info("{} is being handled by another attempt, retry later", event.name());
            return HandlerOutcome.retryLater("another attempt holds the claim on " + event.eventId());
        }
        List<BusEvent> out;
        try {
            out = toEvents(definition.handler().handle(new InboundEvent(event)), event.traceId());
        } catch (MalformedEventException e) {
            completeOrLeave(event);
            LOG.error("event rejected by handler: {}", e.getMessage());
            return HandlerOutcome.rejected(e.getMessage());
        } catch (RuntimeException e) {
            release(event);
            if (RedisFaults.unavailable(e)) {
                LOG.warn("handler {} could not reach Redis on {}, retry later: {}", definition.name(), event.name(),
                        e.toString());
                return HandlerOutcome.retryLater("Redis unavailable: " + e);
            }
            LOG.error("handler failed on {}: {}", event.name(), e.toString(), e);
            return HandlerOutcome.failed(e.toString());
        }
        // Publish before completing the claim: a crash in between leaves the lease to expire and the event is
        // redelivered, so nothing is lost (at least once).
        out.forEach(publisher);
        completeOrLeave(event);
        return HandlerOutcome.handled(out);
    }

    /**
     * Marks the event done. When Redis cannot be reached the outcome stands (what the handler returned is published
     * already, and handling it again would publish it twice); the claim then stays a lease that expires.
     */
    private void completeOrLeave(BusEvent event) {
        try {
            idempotency.complete(definition.name(), event.eventId());
        } catch (RedisException e) {
            LOG.warn("cannot mark {} {} done (Redis unavailable), its claim will expire: {}", event.name(),
                    event.eventId(), e.toString());
        }
    }

    /** Frees the claim for a retry; when Redis cannot be reached the lease expires (or this claimant re-takes it). */
    private void release(BusEvent event) {
        try {
            idempotency.release(definition.name(), event.eventId());
        } catch (RedisException e) {
            LOG.warn("cannot release the claim on {} {} (Redis unavailable): {}", event.name(), event.eventId(),
                    e.toString());
        }
    }

    private static void validate(BusEvent event) {
        if (LAST_VALID.get() == event) {
            return;
        }
        EventValidator.validate(event);
        LAST_VALID.set(event);
    }

    /** Tolerant: payload fields a newer producer added are ignored (see {@link EventValidator#validateInbound}). */
    private static void validateReceived(BusEvent event) {
        if (LAST_VALID.get() == event) {
            return;
        }
        EventValidator.validateInbound(event);
    }

    private List<BusEvent> toEvents(List<Emit> emits, String traceId) {
        List<BusEvent> out = new ArrayList<>(emits.size());
        for (Emit emit : emits) {
            if (emit.type().producer() != definition.domain()) {
                throw new IllegalStateException(definition.name() + " of " + definition.domain().id()
                        + " may not publish " + emit.type().name() + " (owned by " + emit.type().producer().id() + ")");
            }
            BusEvent event = events.create(emit, traceId);
            try {
                validate(event);
            } catch (MalformedEventException e) {
                throw new IllegalStateException(definition.name() + " produced an invalid event: " + e.getMessage(), e);
            }
            out.add(event);
        }
        return out;
    }
}
