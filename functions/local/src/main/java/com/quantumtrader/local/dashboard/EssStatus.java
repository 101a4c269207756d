package com.quantumtrader.local.dashboard;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * The emergency stop as the events of this run report it. Risk & safety owns the switch; the dashboard only
 * follows its announcements, so before any trigger it can say no more than "not triggered in this run", and after
 * an operator's reset (which risk carries out without an event of its own) "reset requested" until a signal is
 * approved again, which proves the latch is open.
 *
 * @param state  NOT_TRIGGERED, LATCHED or RESET_REQUESTED
 * @param reason why it latched (e.g. MAX_DRAWDOWN, MANUAL), or the operator's reason for a reset
 * @param detail the figures: value and threshold, or the operator's words
 * @param since  simulated time of the event that set this state
 * @param by     who requested the stop or the reset, when an event named them
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record EssStatus(String state, String reason, String detail, String since, String by) {

    static final String NOT_TRIGGERED = "NOT_TRIGGERED";
    static final String LATCHED = "LATCHED";
    static final String RESET_REQUESTED = "RESET_REQUESTED";

    static EssStatus initial() {
        return new EssStatus(NOT_TRIGGERED, null, "no trigger seen in this run", null, null);
    }

    /** What risk's persisted latch says, read when the dashboard starts or after a reset was requested. */
    static EssStatus fromLatch(LatchReading latch) {
        return new EssStatus(LATCHED, latch.reason(), latch.value() + " >= " + latch.threshold(),
                latch.latchedAt().toString(), null);
    }

    static EssStatus notLatched() {
        return new EssStatus(NOT_TRIGGERED, null, "not latched in risk & safety's state", null, null);
    }

    static EssStatus latched(JsonNode triggered, String at) {
        String value = triggered.path("value").asText();
        String threshold = triggered.path("threshold").asText();
        return new EssStatus(LATCHED, triggered.path("reason").asText(), value + " >= " + threshold, at, null);
    }

    EssStatus requestedBy(String requester) {
        return new EssStatus(state, reason, detail, since, requester);
    }

    static EssStatus resetRequested(JsonNode command, String at) {
        return new EssStatus(RESET_REQUESTED, command.path("reason").asText(), "reset requested; risk & safety "
                + "clears the latch", at, command.path("requested_by").asText());
    }

    static EssStatus cleared(String at) {
        return new EssStatus(NOT_TRIGGERED, null, "reset: signals are approved again", at, null);
    }
}
