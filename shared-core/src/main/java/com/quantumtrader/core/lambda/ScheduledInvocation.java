package com.quantumtrader.core.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import com.quantumtrader.events.EventJson;
import com.quantumtrader.events.MalformedEventException;

/**
 * One firing of a schedule, as it reaches the Lambda. Two shapes are accepted:
 * <ul>
 *   <li>an EventBridge scheduled rule's event ({@code "detail-type": "Scheduled Event"}, {@code "source":
 *   "aws.events"}): its {@code id} names the firing, and stays the same when EventBridge or Lambda retries it;</li>
 *   <li>an EventBridge Scheduler target whose input mirrors that event with {@code "source": "aws.scheduler"},
 *   {@code "time": "<aws.scheduler.scheduled-time>"} and {@code "resources": ["<aws.scheduler.schedule-arn>"]}:
 *   Scheduler gives every attempt a new execution id, so the firing is named by its scheduled time instead.</li>
 * </ul>
 *
 * @param id what names this firing across retries (the idempotency key of the run)
 */
record ScheduledInvocation(String id, String source, String time) {

    static final String DETAIL_TYPE = "Scheduled Event";
    static final String RULE_SOURCE = "aws.events";
    static final String SCHEDULER_SOURCE = "aws.scheduler";

    static ScheduledInvocation parse(String json, String job) {
        JsonNode event = EventJson.readTree(json);
        if (!event.isObject() || !DETAIL_TYPE.equals(event.path("detail-type").asText(null))) {
            throw new MalformedEventException(job + " rejected the invocation: detail-type "
                    + event.path("detail-type") + " is not \"" + DETAIL_TYPE + "\"; a periodic job runs on its schedule"
                    + " only");
        }
        String source = event.path("source").asText("");
        String time = event.path("time").asText("");
        String id = switch (source) {
            case RULE_SOURCE -> event.path("id").asText("");
            case SCHEDULER_SOURCE -> time.isEmpty() ? "" : "scheduled:" + time;
            default -> throw new MalformedEventException(job + " rejected the invocation: source \"" + source
                    + "\" is neither " + RULE_SOURCE + " nor " + SCHEDULER_SOURCE);
        };
        if (id.isBlank()) {
            throw new MalformedEventException(job + " rejected the invocation: a " + source + " scheduled event"
                    + " without " + (source.equals(RULE_SOURCE) ? "an id" : "a time") + " cannot be deduplicated");
        }
        return new ScheduledInvocation(id, source, time);
    }
}
