package com.quantumtrader.execution.adapter.sqs;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * How the execution service reads its SQS queue.
 *
 * @param queueUrl          the queue EventBridge rules fill with the execution routes' events
 * @param waitTime          long poll: how long one ReceiveMessage waits for a message (1 to 20 s)
 * @param maxMessages       batch receive: messages per ReceiveMessage (1 to 10)
 * @param visibilityTimeout how long a received message stays invisible to other readers; while its work runs
 *                          longer, the lease is renewed to this much again every {@code heartbeat}
 * @param heartbeat         how often a message in progress has its visibility extended; shorter than the timeout
 */
public record SqsIntakeSettings(String queueUrl, Duration waitTime, int maxMessages, Duration visibilityTimeout,
                                Duration heartbeat) {

    /** SQS's own bounds: 20 s is the longest long poll, 10 the largest batch, 12 h the longest visibility. */
    static final Duration MAX_WAIT = Duration.ofSeconds(20);
    static final int MAX_BATCH = 10;
    static final Duration MAX_VISIBILITY = Duration.ofHours(12);

    public SqsIntakeSettings {
        Objects.requireNonNull(queueUrl, "queueUrl");
        Objects.requireNonNull(waitTime, "waitTime");
        Objects.requireNonNull(visibilityTimeout, "visibilityTimeout");
        Objects.requireNonNull(heartbeat, "heartbeat");
        if (queueUrl.isBlank()) {
            throw new IllegalArgumentException("queueUrl must not be blank");
        }
        if (waitTime.toSeconds() < 1 || waitTime.compareTo(MAX_WAIT) > 0 || waitTime.toNanos() % 1_000_000_000L != 0) {
            throw new IllegalArgumentException("waitTime must be whole seconds from 1 to 20, got " + waitTime);
        }
        if (maxMessages < 1 || maxMessages > MAX_BATCH) {
            throw new IllegalArgumentException("maxMessages must be from 1 to 10, got " + maxMessages);
        }
        if (visibilityTimeout.toSeconds() < 1 || visibilityTimeout.compareTo(MAX_VISIBILITY) > 0
                || visibilityTimeout.toNanos() % 1_000_000_000L != 0) {
            throw new IllegalArgumentException("visibilityTimeout must be whole seconds from 1 s to 12 h, got "
                    + visibilityTimeout);
        }
        if (heartbeat.isZero() || heartbeat.isNegative() || heartbeat.compareTo(visibilityTimeout) >= 0) {
            throw new IllegalArgumentException("heartbeat must be positive and shorter than the visibility timeout ("
                    + visibilityTimeout + "), got " + heartbeat);
        }
    }

    /** The longest long poll, full batches, a 30 s lease renewed every 10 s. */
    public static SqsIntakeSettings defaults(String queueUrl) {
        return new SqsIntakeSettings(queueUrl, MAX_WAIT, MAX_BATCH, Duration.ofSeconds(30), Duration.ofSeconds(10));
    }

    /** From {@code EXECUTION_QUEUE_URL} and the optional {@code EXECUTION_QUEUE_*} overrides. */
    public static SqsIntakeSettings fromEnvironment(Map<String, String> env) {
        String url = env.get("EXECUTION_QUEUE_URL");
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("EXECUTION_QUEUE_URL is not set");
        }
        SqsIntakeSettings defaults = defaults(url);
        return new SqsIntakeSettings(url,
                seconds(env, "EXECUTION_QUEUE_WAIT_SECONDS", defaults.waitTime()),
                (int) number(env, "EXECUTION_QUEUE_BATCH", defaults.maxMessages()),
                seconds(env, "EXECUTION_QUEUE_VISIBILITY_SECONDS", defaults.visibilityTimeout()),
                seconds(env, "EXECUTION_QUEUE_HEARTBEAT_SECONDS", defaults.heartbeat()));
    }

    private static Duration seconds(Map<String, String> env, String name, Duration fallback) {
        return Duration.ofSeconds(number(env, name, fallback.toSeconds()));
    }

    private static long number(Map<String, String> env, String name, long fallback) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number, got '" + value + "'", e);
        }
    }

    public SqsIntakeSettings withHeartbeat(Duration value) {
        return new SqsIntakeSettings(queueUrl, waitTime, maxMessages, visibilityTimeout, value);
    }

    public SqsIntakeSettings withWaitTime(Duration value) {
        return new SqsIntakeSettings(queueUrl, value, maxMessages, visibilityTimeout, heartbeat);
    }
}
