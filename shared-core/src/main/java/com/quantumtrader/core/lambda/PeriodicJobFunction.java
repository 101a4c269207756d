package com.quantumtrader.core.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.quantumtrader.core.handler.DomainModule;
import com.quantumtrader.events.BusEvent;
import com.quantumtrader.events.EventJson;
import com.quantumtrader.events.MalformedEventException;
import java.util.function.Function;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.cloud.function.adapter.aws.AWSLambdaUtils;
import org.springframework.messaging.Message;
import software.amazon.lambda.powertools.logging.PowertoolsLogging;

/**
 * One periodic job of a domain as a Spring Cloud Function, invoked by its schedule (see {@link ScheduledInvocation}
 * for the accepted events). Returns a JSON summary of the run. Anything but a scheduled event throws
 * {@link MalformedEventException}; a failed job throws {@link HandlerFailedException}, so Lambda retries the same
 * firing and finally dead-letters it.
 */
public final class PeriodicJobFunction implements Function<Message<String>, String> {

    private final DomainModule module;
    private final String jobName;
    private final ObjectProvider<LambdaEnvironment> environment;
    private volatile ScheduledJobRuntime runtime;

    PeriodicJobFunction(DomainModule module, String jobName, ObjectProvider<LambdaEnvironment> environment) {
        this.module = module;
        this.jobName = jobName;
        this.environment = environment;
    }

    @Override
    public String apply(Message<String> message) {
        Context context = message.getHeaders().get(AWSLambdaUtils.AWS_CONTEXT, Context.class);
        if (context == null) {
            return run(message.getPayload());
        }
        return PowertoolsLogging.withLogging(context, () -> run(message.getPayload()));
    }

    String run(String scheduledEventJson) {
        ScheduledInvocation invocation = ScheduledInvocation.parse(scheduledEventJson, jobName);
        ScheduledJobRuntime.Run run = runtime().run(invocation);
        ObjectNode summary = EventJson.mapper().createObjectNode();
        summary.put("job", jobName);
        summary.put("status", run.duplicate() ? "DUPLICATE" : "RAN");
        summary.put("scheduled_invocation", invocation.id());
        summary.put("trace_id", run.traceId());
        ArrayNode published = summary.putArray("published");
        for (BusEvent out : run.published()) {
            published.addObject().put("event_id", out.eventId()).put("detail-type", out.name());
        }
        return EventJson.write(summary);
    }

    /** Drops the runtime (and with it the Redis-backed stores it holds); the next invocation builds a new one. */
    synchronized void forgetRuntime() {
        runtime = null;
    }

    private ScheduledJobRuntime runtime() {
        ScheduledJobRuntime current = runtime;
        if (current == null) {
            synchronized (this) {
                if (runtime == null) {
                    // first invocation: connect to Redis, EventBridge … now rather than during start-up
                    runtime = environment.getObject().scheduledJobFor(module, jobName);
                }
                current = runtime;
            }
        }
        return current;
    }
}
