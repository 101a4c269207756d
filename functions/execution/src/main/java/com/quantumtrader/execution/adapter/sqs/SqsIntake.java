package com.quantumtrader.execution.adapter.sqs;

import com.quantumtrader.core.bus.EventConsumer;
import com.quantumtrader.core.handler.HandlerOutcome;
import com.quantumtrader.events.BusEvent;
import com.quantumtrader.events.EventValidator;
import com.quantumtrader.events.MalformedEventException;
import com.quantumtrader.execution.intake.CommandIntake;
import com.quantumtrader.execution.intake.ExecutionCommands;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.SqsClientBuilder;
import software.amazon.awssdk.services.sqs.model.BatchResultErrorEntry;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchResponse;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/**
 * The AWS intake: one thread long-polls the execution queue (EventBridge rules deliver {@code risk.signal.approved},
 * {@code safety.emergency.stop} and {@code portfolio.sl.adjusted} to it) and hands each message, in the order of
 * the batch, to the consumer.
 *
 * <ul>
 *   <li>A message body is the EventBridge event as the rule's SQS target delivers it ({@code version}, {@code id},
 *       {@code detail-type}, {@code source}, {@code account}, {@code time}, {@code region}, {@code resources},
 *       {@code detail} = the envelope); it is decoded and validated into a {@link BusEvent}.</li>
 *   <li>Deleted (one DeleteMessageBatch per batch) only after an acknowledged outcome: HANDLED or DUPLICATE.</li>
 *   <li>FAILED: not deleted. It becomes visible again when its visibility timeout ends and is retried.</li>
 *   <li>REJECTED (the body is not an event of the contract, or no handler takes it): not deleted, logged with its
 *       reason and receive count. Retrying cannot help, so the queue's redrive policy moves it to the dead-letter
 *       queue once its receive count passes {@code maxReceiveCount}; the infra stack sets that policy.</li>
 *   <li>Work that runs longer than the {@code heartbeat} has its visibility extended (ChangeMessageVisibility back
 *       to the full timeout) every heartbeat until it ends, so no other reader receives it meanwhile.</li>
 * </ul>
 *
 * <p>Stopping lets the message in progress finish; a batch's messages that were not started stay on the queue and
 * come back after their visibility timeout.
 */
public final class SqsIntake implements CommandIntake {

    private static final Logger LOG = LoggerFactory.getLogger(SqsIntake.class);
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(200);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(20);

    private final SqsClient sqs;
    private final SqsIntakeSettings settings;
    private final ScheduledExecutorService heartbeats;
    private final Thread poller;
    private EventConsumer consumer;
    private volatile boolean stopping;

    public SqsIntake(SqsClient sqs, SqsIntakeSettings settings) {
        this.sqs = Objects.requireNonNull(sqs, "sqs");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.heartbeats = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "sqs-intake-visibility");
            thread.setDaemon(true);
            return thread;
        });
        this.poller = new Thread(this::pollUntilStopped, "sqs-intake");
        this.poller.setDaemon(true);
    }

    /**
     * A client on the blocking URLConnection HTTP client, with a read timeout longer than the long poll. Region and
     * credentials come from the default chains (the task role in ECS) unless {@code endpoint} points elsewhere.
     */
    public static SqsClient client(SqsIntakeSettings settings, URI endpoint, Region region) {
        SqsClientBuilder builder = SqsClient.builder().httpClient(UrlConnectionHttpClient.builder()
                .socketTimeout(settings.waitTime().plusSeconds(10))
                .connectionTimeout(Duration.ofSeconds(5))
                .build());
        if (endpoint != null) {
            builder.endpointOverride(endpoint);
        }
        if (region != null) {
            builder.region(region);
        }
        return builder.build();
    }

    @Override
    public synchronized void start(ExecutionCommands commands) {
        // one queue carries all three kinds of work: the commands route each message by the routing table
        EventConsumer consumer = Objects.requireNonNull(commands, "commands");
        if (this.consumer != null) {
            throw new IllegalStateException("the SQS intake is already started");
        }
        this.consumer = consumer;
        poller.start();
        LOG.info("reading {} (long poll {} s, batches of {}, visibility {} s)", settings.queueUrl(),
                settings.waitTime().toSeconds(), settings.maxMessages(), settings.visibilityTimeout().toSeconds());
    }

    /** Waits for the current long poll (at most the wait time) and the message in progress. */
    @Override
    public void stop() {
        stopping = true;
        if (poller.isAlive() && Thread.currentThread() != poller) {
            try {
                poller.join(settings.waitTime().plusSeconds(15).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (poller.isAlive()) {
                LOG.warn("the SQS intake did not stop in time; the message it holds comes back after its visibility "
                        + "timeout");
            }
        }
        heartbeats.shutdownNow();
    }

    @Override
    public String describe() {
        return "sqs " + settings.queueUrl();
    }

    private void pollUntilStopped() {
        Duration backoff = FIRST_BACKOFF;
        while (!stopping) {
            try {
                pollOnce(consumer);
                backoff = FIRST_BACKOFF;
            } catch (SdkException e) {
                if (stopping) {
                    break;
                }
                LOG.warn("SQS call failed, retrying in {}: {}", backoff, e.toString());
                pause(backoff);
                backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
            } catch (RuntimeException e) {
                // a bug here must not end the service's intake; the messages come back after their visibility
                LOG.error("SQS intake error: {}", e.toString(), e);
                pause(backoff);
            }
        }
    }

    /** One long poll and its batch: receive, handle in order, delete what was acknowledged. */
    void pollOnce(EventConsumer consumer) {
        List<Message> messages = sqs.receiveMessage(request -> request
                .queueUrl(settings.queueUrl())
                .maxNumberOfMessages(settings.maxMessages())
                .waitTimeSeconds((int) settings.waitTime().toSeconds())
                .visibilityTimeout((int) settings.visibilityTimeout().toSeconds())
                .messageSystemAttributeNames(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT))
                .messages();
        List<Message> done = new ArrayList<>(messages.size());
        for (Message message : messages) {
            if (stopping) {
                break; // not started: it comes back after its visibility timeout
            }
            if (handle(message, consumer)) {
                done.add(message);
            }
        }
        delete(done);
    }

    /** True when the message may be deleted. */
    private boolean handle(Message message, EventConsumer consumer) {
        BusEvent event;
        try {
            event = EventValidator.decode(message.body());
        } catch (MalformedEventException e) {
            leaveForRedrive(message, e.getMessage());
            return false;
        }
        HandlerOutcome outcome;
        ScheduledFuture<?> heartbeat = heartbeats.scheduleAtFixedRate(() -> extendVisibility(message),
                settings.heartbeat().toNanos(), settings.heartbeat().toNanos(), TimeUnit.NANOSECONDS);
        try {
            outcome = consumer.accept(event);
        } catch (RuntimeException e) {
            outcome = HandlerOutcome.failed(e.toString());
        } finally {
            heartbeat.cancel(false);
        }
        if (outcome == null) {
            outcome = HandlerOutcome.failed("consumer returned no outcome");
        }
        switch (outcome.status()) {
            case HANDLED, DUPLICATE -> {
                return true;
            }
            case REJECTED -> leaveForRedrive(message, outcome.reason());
            case FAILED, RETRY_LATER -> LOG.warn("{} {} not handled (receive {}), it comes back after {} s: {}", event.name(),
                    event.eventId(), receiveCount(message), settings.visibilityTimeout().toSeconds(), outcome.reason());
        }
        return false;
    }

    private void leaveForRedrive(Message message, String reason) {
        LOG.error("rejected SQS message {} (receive {}), left for the queue's redrive policy to move to the dead-letter "
                + "queue: {}", message.messageId(), receiveCount(message), reason);
    }

    private static String receiveCount(Message message) {
        return message.attributes().getOrDefault(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT, "?");
    }

    private void extendVisibility(Message message) {
        try {
            sqs.changeMessageVisibility(request -> request
                    .queueUrl(settings.queueUrl())
                    .receiptHandle(message.receiptHandle())
                    .visibilityTimeout((int) settings.visibilityTimeout().toSeconds()));
            LOG.debug("extended the visibility of {} by {} s", message.messageId(),
                    settings.visibilityTimeout().toSeconds());
        } catch (SdkException e) {
            // the next heartbeat tries again; if the lease runs out the message may be handled twice, which the
            // handlers' idempotency absorbs
            LOG.warn("cannot extend the visibility of {}: {}", message.messageId(), e.toString());
        }
    }

    private void delete(List<Message> messages) {
        if (messages.isEmpty()) {
            return;
        }
        List<DeleteMessageBatchRequestEntry> entries = new ArrayList<>(messages.size());
        for (int i = 0; i < messages.size(); i++) {
            entries.add(DeleteMessageBatchRequestEntry.builder()
                    .id(Integer.toString(i))
                    .receiptHandle(messages.get(i).receiptHandle())
                    .build());
        }
        DeleteMessageBatchResponse response = sqs.deleteMessageBatch(request -> request
                .queueUrl(settings.queueUrl()).entries(entries));
        for (BatchResultErrorEntry failed : response.failed()) {
            // handled already: a redelivery is absorbed as a duplicate by the handlers
            Message message = messages.get(Integer.parseInt(failed.id()));
            LOG.warn("cannot delete SQS message {} ({} {}): it will be delivered again and seen as a duplicate",
                    message.messageId(), failed.code(), failed.message());
        }
    }

    private void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopping = true;
        }
    }
}
