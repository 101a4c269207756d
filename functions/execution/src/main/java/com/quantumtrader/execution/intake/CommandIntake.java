package com.quantumtrader.execution.intake;


/**
 * Where the always-on execution service takes its work from: {@code risk.signal.approved},
 * {@code safety.emergency.stop} and {@code portfolio.sl.adjusted}. One interface, three sources: the in-process bus
 * (local runtime), Redis Streams (self-hosted) and an SQS queue filled by EventBridge rules (AWS).
 *
 * <p>Every source delivers at least once and acknowledges a delivery only when the consumer's outcome is
 * acknowledged (handled or a duplicate); the handlers' idempotency on {@code event_id} and the client order id
 * derived from the signal id make a redelivery harmless.
 */
public interface CommandIntake extends AutoCloseable {

    /** Starts delivering to the execution handlers behind {@code commands}; at most once per intake. */
    void start(ExecutionCommands commands);

    /** Stops taking new work and waits for the delivery in progress; idempotent. */
    void stop();

    /** What the health endpoint shows about this source, e.g. {@code "sqs https://…/execution-commands"}. */
    String describe();

    @Override
    default void close() {
        stop();
    }
}
