package com.quantumtrader.core.idempotency;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;

/**
 * How long a handled event's {@code DONE} record is kept, i.e. the window in which a redelivery of the same
 * {@code event_id} is recognised as a duplicate. A setting ({@value #VARIABLE}, or the Spring property
 * {@value #PROPERTY} in Lambda), validated at start.
 *
 * <p>Bounds: at least {@link #MINIMUM} (EventBridge retries a delivery for up to 24 h and Lambda's asynchronous
 * retries add up to 6 h: a shorter window would process a late retry twice); at most {@link #MAXIMUM} (every
 * record costs Redis memory). An EventBridge archive replay re-sends events with their original ids: a replayed event
 * younger than the retention is skipped as a duplicate, an older one is handled again. Choose the retention with
 * the replays you intend in mind (see the README).
 */
public final class IdempotencyRetention {

    /** The environment variable of the execution container and the local runtime. */
    public static final String VARIABLE = "IDEMPOTENCY_RETENTION";
    /** The Spring property of the Lambda functions (env {@code QUANTUM_IDEMPOTENCY_DONE_TTL}). */
    public static final String PROPERTY = "quantum.idempotency.done-ttl";
    public static final Duration DEFAULT = Duration.ofHours(48);
    public static final Duration MINIMUM = Duration.ofHours(30);
    public static final Duration MAXIMUM = Duration.ofDays(35);

    private IdempotencyRetention() {
    }

    /** {@value #VARIABLE} from the environment, or {@link #DEFAULT} when unset or blank. */
    public static Duration fromEnvironment(Map<String, String> environment) {
        String text = environment.get(VARIABLE);
        return text == null || text.isBlank() ? DEFAULT : parse(VARIABLE, text);
    }

    /**
     * An ISO-8601 duration ({@code PT48H}, {@code P7D}) or a number with a unit {@code h} or {@code d}
     * ({@code 48h}, {@code 7d}), within the bounds.
     *
     * @param setting names the setting in the error message
     * @throws IllegalArgumentException naming the setting, the value and the bounds
     */
    public static Duration parse(String setting, String text) {
        String trimmed = text.trim();
        Duration retention;
        try {
            retention = trimmed.toUpperCase(Locale.ROOT).startsWith("P") ? Duration.parse(trimmed) : shorthand(trimmed);
        } catch (DateTimeParseException | NumberFormatException | ArithmeticException e) {
            throw new IllegalArgumentException(setting + " '" + text + "' is not a duration: use e.g. 48h, 7d or PT48H");
        }
        return requireWithinBounds(setting, retention);
    }

    /** The retention unchanged when within {@link #MINIMUM}..{@link #MAXIMUM}. */
    public static Duration requireWithinBounds(String setting, Duration retention) {
        if (retention == null || retention.compareTo(MINIMUM) < 0 || retention.compareTo(MAXIMUM) > 0) {
            throw new IllegalArgumentException(setting + " must be between " + MINIMUM.toHours() + "h (EventBridge's "
                    + "24 h of retries plus Lambda's 6 h) and " + MAXIMUM.toDays() + "d, got " + retention);
        }
        return retention;
    }

    private static Duration shorthand(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        if (lower.endsWith("h")) {
            return Duration.ofHours(Long.parseLong(lower.substring(0, lower.length() - 1).trim()));
        }
        if (lower.endsWith("d")) {
            return Duration.ofDays(Long.parseLong(lower.substring(0, lower.length() - 1).trim()));
        }
        throw new NumberFormatException(text);
    }
}
