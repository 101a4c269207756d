package com.quantumtrader.core.bus;

import java.time.Duration;

/**
 * Waits for an asynchronous backend to reach a state. A bound on waiting, not a timing assertion: it only turns
 * "never happens" into a failure with the last assertion's message.
 */
final class Await {

    static final Duration DEFAULT = Duration.ofSeconds(10);

    private Await() {
    }

    interface Check {
        void run() throws Exception;
    }

    static void until(Check assertion) {
        until(DEFAULT, assertion);
    }

    static void until(Duration limit, Check assertion) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (true) {
            try {
                assertion.run();
                return;
            } catch (AssertionError | Exception e) {
                if (System.nanoTime() - deadline > 0) {
                    throw e instanceof AssertionError a ? a : new AssertionError(e);
                }
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting", e);
            }
        }
    }
}
