package com.quantumtrader.execution.exchange;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The exchange could not be reached or did not answer in time: a timeout, a 5xx, a rate limit or an IP ban.
 * Never a business rejection, and never proof that nothing happened: when {@link #outcomeUnknown()} the request
 * may have been executed, so an order stays in flight until a query by its client id settles it.
 */
public class ExchangeUnavailableException extends RuntimeException {

    private final boolean outcomeUnknown;
    private final Instant retryNotBefore;

    public ExchangeUnavailableException(String message, boolean outcomeUnknown, Instant retryNotBefore, Throwable cause) {
        super(message, cause);
        this.outcomeUnknown = outcomeUnknown;
        this.retryNotBefore = retryNotBefore;
    }

    public ExchangeUnavailableException(String message, boolean outcomeUnknown) {
        this(message, outcomeUnknown, null, null);
    }

    /** True when the request may have reached the exchange and been executed (timeout, 5xx after sending). */
    public boolean outcomeUnknown() {
        return outcomeUnknown;
    }

    /** When the exchange said to come back (Retry-After, the end of an IP ban); empty when it did not say. */
    public Optional<Instant> retryNotBefore() {
        return Optional.ofNullable(retryNotBefore);
    }

    /** How long to wait from {@code now} before trying again, at least {@code minimum}. */
    public Duration waitFrom(Instant now, Duration minimum) {
        Duration told = retryNotBefore().map(at -> Duration.between(now, at)).orElse(Duration.ZERO);
        return told.compareTo(minimum) > 0 ? told : minimum;
    }
}
