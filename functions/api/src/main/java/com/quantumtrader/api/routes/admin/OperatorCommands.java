package com.quantumtrader.api.routes.admin;

import com.quantumtrader.core.handler.Emit;
import com.quantumtrader.core.handler.EventFactory;
import com.quantumtrader.core.lambda.EventPublisher;
import com.quantumtrader.events.BusEvent;
import com.quantumtrader.events.EventCatalog;
import com.quantumtrader.events.EventValidator;
import com.quantumtrader.events.os.OperatorCommand;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends an operator's safety command as an {@code os.operator.command} event. The API owns no switch: risk &
 * safety latches or resets them when the event arrives and keeps the audit trail under the operator's identity.
 * Each command starts its own trace, so its effects can be followed on {@code /trading/traces/{trace_id}}.
 */
public final class OperatorCommands {

    private static final Logger LOG = LoggerFactory.getLogger(OperatorCommands.class);

    private final EventFactory events;
    private final EventPublisher publisher;

    public OperatorCommands(EventFactory events, EventPublisher publisher) {
        this.events = Objects.requireNonNull(events, "events");
        this.publisher = Objects.requireNonNull(publisher, "publisher");
    }

    BusEvent send(OperatorCommand.Kind kind, String reason, String actor) {
        OperatorCommand command = new OperatorCommand(events.newTraceId(), kind, reason, actor);
        BusEvent event = events.create(Emit.of(EventCatalog.OS_OPERATOR_COMMAND, command).newTrace(), null);
        EventValidator.validate(event);
        publisher.publish(event);
        LOG.info("operator command {} by {} sent as {} (trace {})", kind, actor, event.eventId(), event.traceId());
        return event;
    }
}
