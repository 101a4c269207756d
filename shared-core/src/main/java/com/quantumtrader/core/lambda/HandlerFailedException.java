package com.quantumtrader.core.lambda;

/**
 * The handler threw on a well-formed event (a dependency was down, a bug). The invocation fails so that Lambda
 * retries it and, after its bounded retries, sends it to the dead-letter destination; the idempotency claim was
 * released, so a retry runs the handler again.
 */
public class HandlerFailedException extends RuntimeException {

    public HandlerFailedException(String handler, String reason) {
        super(handler + " failed: " + reason);
    }
}
