package com.quantumtrader.core.handler;

import com.quantumtrader.events.BusEvent;
import java.util.List;

/**
 * What happened to one delivery. {@code HANDLED} and {@code DUPLICATE} are acknowledged; {@code REJECTED} (the
 * event breaks the contract, retrying cannot help) goes to the dead letter; {@code FAILED} (the handler threw) is
 * retried by the bus and dead-lettered after its bound. {@code RETRY_LATER} means the handler did not run to an end
 * through no fault of the event or of the handler: another attempt holds the event's claim (it may have died: its
 * lease expires), or Redis is unreachable. It is never acknowledged: Redis Streams leaves it pending, Lambda fails
 * the invocation so it is retried (and finally dead-lettered), the in-process bus retries it in place.
 */
public record HandlerOutcome(Status status, List<BusEvent> published, String reason) {

    public enum Status { HANDLED, DUPLICATE, REJECTED, FAILED, RETRY_LATER }

    public static HandlerOutcome handled(List<BusEvent> published) {
        return new HandlerOutcome(Status.HANDLED, List.copyOf(published), null);
    }

    public static HandlerOutcome duplicate() {
        return new HandlerOutcome(Status.DUPLICATE, List.of(), null);
    }

    public static HandlerOutcome rejected(String reason) {
        return new HandlerOutcome(Status.REJECTED, List.of(), reason);
    }

    public static HandlerOutcome failed(String reason) {
        return new HandlerOutcome(Status.FAILED, List.of(), reason);
    }

    public static HandlerOutcome retryLater(String reason) {
        return new HandlerOutcome(Status.RETRY_LATER, List.of(), reason);
    }

    /** The delivery is done with: acknowledge it (handled or a duplicate). */
    public boolean acknowledged() {
        return status == Status.HANDLED || status == Status.DUPLICATE;
    }
}
