package com.quantumtrader.core.bus;

import com.quantumtrader.events.BusEvent;
import com.quantumtrader.events.EventJson;
import com.quantumtrader.events.Route;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequest;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResponse;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResultEntry;

/**
 * The AWS bus, publish side: {@code PutEvents} to a custom event bus, {@code source} = {@code quantum.<domain>},
 * {@code detail-type} = event name, {@code detail} = the envelope. Delivery is EventBridge's job: one rule per
 * routing-table entry (synthesized by the CDK app) invokes each handler's Lambda, so there is nothing to subscribe
 * to in-process.
 *
 * <p>Entries go at most 10 per call (the API's limit) and at most {@code maxEntryBytes} per call. A call can
 * succeed while some of its entries fail (throttling, internal errors): only those entries are sent again, with
 * exponential backoff, and if they still fail the publish throws {@link PublishFailedException} naming them. An
 * entry over the size limit is refused before anything is sent.
 */
public final class EventBridgeEventBus implements EventBus {

    private static final Logger LOG = LoggerFactory.getLogger(EventBridgeEventBus.class);

    /** PutEvents takes at most 10 entries per call. */
    static final int MAX_ENTRIES_PER_CALL = 10;
    /** AWS's entry size limit today. */
    public static final int MAX_ENTRY_BYTES = 1_048_576;
    /** The limit before 2025, still enforced by older emulators. */
    public static final int LEGACY_MAX_ENTRY_BYTES = 262_144;
    /** What EventBridge counts for an entry's {@code Time} when it is set. */
    private static final int TIME_BYTES = 14;

    private final EventBridgeClient client;
    private final boolean ownsClient;
    private final Settings settings;

    /**
     * @param eventBusName   name or ARN of the custom bus
     * @param maxEntryBytes  size limit of one entry, and of one call's entries together
     * @param maxAttempts    sends of a failing entry before giving up (the first one included)
     * @param initialBackoff wait before the first resend; doubled for each further one
     * @param maxBackoff     cap of the wait between resends
     */
    public record Settings(String eventBusName, int maxEntryBytes, int maxAttempts, Duration initialBackoff,
                           Duration maxBackoff) {

        public Settings {
            Objects.requireNonNull(eventBusName, "eventBusName");
            Objects.requireNonNull(initialBackoff, "initialBackoff");
            Objects.requireNonNull(maxBackoff, "maxBackoff");
            if (eventBusName.isBlank()) {
                throw new IllegalArgumentException("eventBusName must not be blank");
            }
            if (maxEntryBytes < 1) {
                throw new IllegalArgumentException("maxEntryBytes must be positive, got " + maxEntryBytes);
            }
            if (maxAttempts < 1) {
                throw new IllegalArgumentException("maxAttempts must be at least 1, got " + maxAttempts);
            }
            if (initialBackoff.isNegative() || maxBackoff.compareTo(initialBackoff) < 0) {
                throw new IllegalArgumentException("backoff must satisfy 0 <= initialBackoff <= maxBackoff, got "
                        + initialBackoff + " and " + maxBackoff);
            }
        }

        /** AWS today: 1 MB entries; a failing entry is sent up to 4 times, 100 ms, 200 ms, 400 ms apart. */
        public static Settings defaults(String eventBusName) {
            return new Settings(eventBusName, MAX_ENTRY_BYTES, 4, Duration.ofMillis(100), Duration.ofSeconds(2));
        }

        public Settings withMaxEntryBytes(int value) {
            return new Settings(eventBusName, value, maxAttempts, initialBackoff, maxBackoff);
        }

        public Settings withRetries(int attempts, Duration initial, Duration max) {
            return new Settings(eventBusName, maxEntryBytes, attempts, initial, max);
        }
    }

    /** An entry that still failed after the last attempt. */
    public record FailedEntry(String eventId, String eventName, String errorCode, String errorMessage) {
    }

    /** Some entries could not be put, even after retries; every other entry of the publish was accepted. */
    public static final class PublishFailedException extends RuntimeException {

        private final transient List<FailedEntry> failures;

        PublishFailedException(List<FailedEntry> failures, int attempts) {
            super(failures.size() + " event(s) not accepted by EventBridge after " + attempts + " attempt(s): "
                    + failures.stream()
                            .map(f -> f.eventName() + " " + f.eventId() + " (" + f.errorCode() + ": " + f.errorMessage() + ")")
                            .collect(Collectors.joining(", ")));
            this.failures = List.copyOf(failures);
        }

        public List<FailedEntry> failures() {
            return failures;
        }
    }

    /** Publishes through {@code client}, which the caller keeps and closes. */
    public EventBridgeEventBus(EventBridgeClient client, Settings settings) {
        this(client, false, settings);
    }

    private EventBridgeEventBus(EventBridgeClient client, boolean ownsClient, Settings settings) {
        this.client = Objects.requireNonNull(client, "client");
        this.ownsClient = ownsClient;
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /** With a client of its own (region and credentials from the environment, as in Lambda), closed with the bus. */
    public static EventBridgeEventBus withDefaultClient(Settings settings) {
        EventBridgeClient client = EventBridgeClient.builder()
                .httpClient(UrlConnectionHttpClient.create())
                .build();
        return new EventBridgeEventBus(client, true, settings);
    }

    @Override
    public void publish(BusEvent event) {
        publishAll(List.of(event));
    }

    /**
     * Puts every event, in order, in as few calls as the limits allow.
     *
     * @throws IllegalArgumentException if an entry is over the size limit (nothing is sent)
     * @throws PublishFailedException   if some entries still fail after the last retry
     */
    public void publishAll(List<BusEvent> events) {
        List<Pending> entries = new ArrayList<>(events.size());
        for (BusEvent event : events) {
            Pending pending = toEntry(event);
            if (pending.bytes() > settings.maxEntryBytes()) {
                throw new IllegalArgumentException(String.format(
                        "%s %s is %,d bytes as EventBridge counts an entry (Time + Source + DetailType + Detail), "
                                + "over the limit of %,d bytes; nothing was sent",
                        event.name(), event.eventId(), pending.bytes(), settings.maxEntryBytes()));
            }
            entries.add(pending);
        }
        List<FailedEntry> failures = new ArrayList<>();
        for (List<Pending> batch : batches(entries)) {
            failures.addAll(putWithRetries(batch));
        }
        if (!failures.isEmpty()) {
            throw new PublishFailedException(failures, settings.maxAttempts());
        }
    }

    private record Pending(BusEvent event, PutEventsRequestEntry entry, int bytes) {
    }

    private Pending toEntry(BusEvent event) {
        String detail = EventJson.write(event.envelope());
        PutEventsRequestEntry entry = PutEventsRequestEntry.builder()
                .eventBusName(settings.eventBusName())
                .source(event.source())
                .detailType(event.name())
                .detail(detail)
                .time(event.envelope().occurredAt())
                .build();
        int bytes = TIME_BYTES + utf8Length(event.source()) + utf8Length(event.name()) + utf8Length(detail);
        return new Pending(event, entry, bytes);
    }

    private static int utf8Length(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }

    /** Consecutive runs of at most 10 entries and at most maxEntryBytes together, in publish order. */
    private List<List<Pending>> batches(List<Pending> entries) {
        List<List<Pending>> batches = new ArrayList<>();
        List<Pending> current = new ArrayList<>();
        long bytes = 0;
        for (Pending entry : entries) {
            if (current.size() == MAX_ENTRIES_PER_CALL || bytes + entry.bytes() > settings.maxEntryBytes()) {
                batches.add(current);
                current = new ArrayList<>();
                bytes = 0;
            }
            current.add(entry);
            bytes += entry.bytes();
        }
        if (!current.isEmpty()) {
            batches.add(current);
        }
        return batches;
    }

    /** Sends the batch, then resends only the entries the response marks failed; returns those that never made it. */
    private List<FailedEntry> putWithRetries(List<Pending> batch) {
        List<Pending> toSend = batch;
        List<FailedEntry> failed = List.of();
        Duration backoff = settings.initialBackoff();
        for (int attempt = 1; attempt <= settings.maxAttempts(); attempt++) {
            if (attempt > 1) {
                sleep(backoff);
                backoff = min(backoff.multipliedBy(2), settings.maxBackoff());
            }
            PutEventsResponse response = client.putEvents(PutEventsRequest.builder()
                    .entries(toSend.stream().map(Pending::entry).toList())
                    .build());
            List<Pending> retry = new ArrayList<>();
            List<FailedEntry> failures = new ArrayList<>();
            List<PutEventsResultEntry> results = response.entries();
            for (int i = 0; i < toSend.size(); i++) {
                // results are positional; a missing one is treated as a failure rather than assumed delivered
                PutEventsResultEntry result = i < results.size() ? results.get(i) : null;
                if (result == null || result.errorCode() != null) {
                    BusEvent event = toSend.get(i).event();
                    retry.add(toSend.get(i));
                    failures.add(new FailedEntry(event.eventId(), event.name(),
                            result == null ? "NoResult" : result.errorCode(),
                            result == null ? "the response has no entry for it" : result.errorMessage()));
                }
            }
            if (retry.isEmpty()) {
                return List.of();
            }
            LOG.warn("PutEvents attempt {} of {}: {} of {} entries failed: {}", attempt, settings.maxAttempts(),
                    retry.size(), toSend.size(), failures.stream()
                            .map(f -> f.eventId() + "=" + f.errorCode()).collect(Collectors.joining(", ")));
            toSend = retry;
            failed = failures;
        }
        return failed;
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis(), duration.toNanosPart() % 1_000_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to retry PutEvents", e);
        }
    }

    /**
     * Always refused: in AWS, EventBridge rules deliver events to the handlers' Lambdas (routing table, then the
     * CDK app), so there is nothing to subscribe to in this process.
     */
    @Override
    public Subscription subscribe(Route route, EventConsumer consumer) {
        throw new IllegalStateException("cannot subscribe " + route.handler() + " to the EventBridge bus: in AWS, "
                + "EventBridge rules deliver events to the handlers' Lambdas (routing table -> CDK app), so there "
                + "is nothing to subscribe to in-process");
    }

    @Override
    public void close() {
        if (ownsClient) {
            client.close();
        }
    }
}
