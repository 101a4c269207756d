package com.quantumtrader.core.bus;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.quantumtrader.core.handler.HandlerOutcome;
import com.quantumtrader.core.redis.RedisConnections;
import com.quantumtrader.events.BusEvent;
import com.quantumtrader.events.EventCatalog;
import com.quantumtrader.events.EventJson;
import com.quantumtrader.events.EventType;
import com.quantumtrader.events.EventValidator;
import com.quantumtrader.events.MalformedEventException;
import com.quantumtrader.events.Route;
import io.lettuce.core.Consumer;
import io.lettuce.core.Limit;
import io.lettuce.core.Range;
import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisException;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.XAddArgs;
import io.lettuce.core.XAutoClaimArgs;
import io.lettuce.core.XGroupCreateArgs;
import io.lettuce.core.XReadArgs;
import io.lettuce.core.XReadArgs.StreamOffset;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.models.stream.ClaimedMessages;
import io.lettuce.core.models.stream.PendingMessage;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.event.ruler.Machine;

/**
 * The self-hosted bus (the seed's EventBus v2): one Redis stream per event name, one consumer group per handler,
 * so several JVMs running the same handler share its work and every handler sees every event it subscribes to.
 *
 * <ul>
 *   <li>publish: {@code XADD <prefix><event name> MAXLEN ~ maxLen * entry <BusEvent JSON>}.</li>
 *   <li>subscribe: the group (named after the handler) is created on every stream whose event the route's
 *       {@code source}/{@code detail-type} can match; one thread per subscription reads with
 *       {@code XREADGROUP BLOCK}, applies the full pattern with event-ruler (entries it filters out are acked
 *       unseen), decodes and validates the entry, and calls the consumer.</li>
 *   <li>An entry is acked only after an acknowledged outcome. A FAILED or RETRY_LATER one stays pending and is taken again with
 *       {@code XAUTOCLAIM} once it has been idle for {@code minIdle}, by this or any other consumer of the group,
 *       which is also how the entries of a consumer that died are recovered.</li>
 *   <li>An entry that is malformed (bad JSON, or rejected by {@link EventValidator#decode}), that is not its
 *       stream's event (another or an unknown {@code detail-type}, a {@code source} other than the event's producer:
 *       checked before the route's pattern, which would filter it out unseen), that the consumer
 *       REJECTS, or that has been delivered {@code maxDeliveries} times is written to the dead-letter stream with
 *       the handler, the error and the original entry, then acked.</li>
 * </ul>
 *
 * <p>Order: one stream is read in order, so a route on one event name sees one publisher's events in publish
 * order; a redelivered entry arrives after later ones, and entries of different streams interleave freely.
 * A new group starts at the stream's end ({@code $}): a handler receives what is published after it first
 * subscribed, as on the other backends.
 */
public final class RedisStreamsEventBus implements EventBus {

    private static final Logger LOG = LoggerFactory.getLogger(RedisStreamsEventBus.class);

    /** The stream field that holds the EventBridge-shaped entry. */
    static final String ENTRY_FIELD = "entry";
    private static final String DEAD_LETTER_NAME = "dead-letter";
    /** Bounded so that a long backlog of failed entries cannot starve the reading of new ones. */
    private static final int MAX_CLAIM_PAGES_PER_PASS = 10;
    private static final Duration RETRY_AFTER_REDIS_ERROR = Duration.ofMillis(500);

    private final RedisConnections redis;
    private final Settings settings;
    private final List<StreamSubscription> subscriptions = new CopyOnWriteArrayList<>();
    private final Map<String, Integer> consumersPerHandler = new ConcurrentHashMap<>();
    private final LongAdder published = new LongAdder();
    private final LongAdder deadLettered = new LongAdder();
    private volatile boolean closed;

    /**
     * @param maxLen        approximate length each stream is trimmed to on publish ({@code MAXLEN ~})
     * @param block         how long one {@code XREADGROUP} waits; bounds how long {@link #close()} takes
     * @param minIdle       how long a pending entry waits before it is claimed again (retry delay, dead consumer)
     * @param maxDeliveries deliveries after which an entry that keeps failing is dead-lettered
     * @param consumerName  this process's name inside every group; unique per process
     * @param streamPrefix  prefix of every stream key; the dead-letter stream is {@code <prefix>dead-letter}
     * @param batchSize     entries read or claimed per command
     */
    public record Settings(long maxLen, Duration block, Duration minIdle, int maxDeliveries, String consumerName,
                           String streamPrefix, int batchSize) {

        public Settings {
            Objects.requireNonNull(block, "block");
            Objects.requireNonNull(minIdle, "minIdle");
            Objects.requireNonNull(consumerName, "consumerName");
            Objects.requireNonNull(streamPrefix, "streamPrefix");
            if (maxLen < 1) {
                throw new IllegalArgumentException("maxLen must be at least 1, got " + maxLen);
            }
            if (block.toMillis() < 1 || block.compareTo(Duration.ofSeconds(30)) > 0) {
                throw new IllegalArgumentException("block must be between 1 ms and 30 s, got " + block);
            }
            if (minIdle.toMillis() < 1) {
                throw new IllegalArgumentException("minIdle must be at least 1 ms, got " + minIdle);
            }
            if (maxDeliveries < 1) {
                throw new IllegalArgumentException("maxDeliveries must be at least 1, got " + maxDeliveries);
            }
            if (consumerName.isBlank() || streamPrefix.isBlank()) {
                throw new IllegalArgumentException("consumerName and streamPrefix must not be blank");
            }
            if (batchSize < 1) {
                throw new IllegalArgumentException("batchSize must be at least 1, got " + batchSize);
            }
        }

        /** The seed's numbers: streams of about 10,000 entries; a pending entry is retried after 30 s, 5 times. */
        public static Settings defaults() {
            return new Settings(10_000, Duration.ofSeconds(2), Duration.ofSeconds(30), 5,
                    ManagementFactory.getRuntimeMXBean().getName(), "events:", 100);
        }

        /**
         * Checks that an idempotency lease ends before this bus delivers a pending entry again: the entry of a
         * consumer that died holding its claim must find the claim expired when it is claimed back, not be put off
         * until its deliveries run out.
         *
         * @return the lease
         */
        public Duration requireLeaseShorterThanRedelivery(Duration leaseTtl) {
            Objects.requireNonNull(leaseTtl, "leaseTtl");
            if (leaseTtl.compareTo(minIdle) >= 0) {
                throw new IllegalArgumentException("the idempotency lease (" + leaseTtl + ") must be shorter than the "
                        + "bus's redelivery interval minIdle (" + minIdle + "), or the redelivery of an entry whose "
                        + "consumer died finds the dead claim still held");
            }
            return leaseTtl;
        }

        public Settings withMaxLen(long value) {
            return new Settings(value, block, minIdle, maxDeliveries, consumerName, streamPrefix, batchSize);
        }

        public Settings withBlock(Duration value) {
            return new Settings(maxLen, value, minIdle, maxDeliveries, consumerName, streamPrefix, batchSize);
        }

        public Settings withMinIdle(Duration value) {
            return new Settings(maxLen, block, value, maxDeliveries, consumerName, streamPrefix, batchSize);
        }

        public Settings withMaxDeliveries(int value) {
            return new Settings(maxLen, block, minIdle, value, consumerName, streamPrefix, batchSize);
        }

        public Settings withConsumerName(String value) {
            return new Settings(maxLen, block, minIdle, maxDeliveries, value, streamPrefix, batchSize);
        }

        public Settings withStreamPrefix(String value) {
            return new Settings(maxLen, block, minIdle, maxDeliveries, consumerName, value, batchSize);
        }
    }

    /** Uses {@code redis} (which the caller keeps and closes) for publishing and for each subscription's reads. */
    public RedisStreamsEventBus(RedisConnections redis, Settings settings) {
        this.redis = Objects.requireNonNull(redis, "redis");
        this.settings = Objects.requireNonNull(settings, "settings");
        Duration commandTimeout = redis.client().getDefaultTimeout();
        if (settings.block().compareTo(commandTimeout) >= 0) {
            throw new IllegalArgumentException("block (" + settings.block() + ") must be shorter than the Redis "
                    + "command timeout (" + commandTimeout + "), or every read would time out");
        }
    }

    /** The stream that carries one event name. */
    public String streamOf(String eventName) {
        return settings.streamPrefix() + eventName;
    }

    /** Where entries no handler could process are kept, with the handler and the error. */
    public String deadLetterStream() {
        return settings.streamPrefix() + DEAD_LETTER_NAME;
    }

    @Override
    public void publish(BusEvent event) {
        requireOpen();
        XAddArgs trim = new XAddArgs().maxlen(settings.maxLen()).approximateTrimming();
        redis.connection().sync().xadd(streamOf(event.name()), trim, Map.of(ENTRY_FIELD, EventJson.write(event)));
        published.increment();
    }

    @Override
    public Subscription subscribe(Route route, EventConsumer consumer) {
        requireOpen();
        Objects.requireNonNull(consumer, "consumer");
        List<String> streams = eventNamesSelectedBy(route).stream().map(this::streamOf).toList();
        Machine pattern = new Machine();
        try {
            pattern.addRule(route.handler(), route.patternJson());
        } catch (Exception e) {
            throw new IllegalArgumentException("invalid pattern for " + route.handler() + ": " + e.getMessage(), e);
        }
        int nth = consumersPerHandler.merge(route.handler(), 1, Integer::sum);
        // several subscriptions of one handler in one process compete for its entries under distinct names
        String consumerName = nth == 1 ? settings.consumerName() : settings.consumerName() + "-" + nth;
        StreamSubscription subscription = new StreamSubscription(route, consumer, pattern, streams, consumerName);
        subscriptions.add(subscription);
        subscription.start();
        return subscription;
    }

    /**
     * The catalog events whose stream the route must read: those its {@code source} and {@code detail-type}
     * fields match (the rest of the pattern filters on content, which is checked per entry).
     */
    static List<String> eventNamesSelectedBy(Route route) {
        ObjectNode envelopeFields = EventJson.mapper().createObjectNode();
        for (String field : List.of("source", "detail-type")) {
            if (route.pattern().has(field)) {
                envelopeFields.set(field, route.pattern().get(field));
            }
        }
        List<String> names = new ArrayList<>();
        if (envelopeFields.isEmpty()) {
            EventCatalog.all().forEach(type -> names.add(type.name()));
            return names;
        }
        Machine selector = new Machine();
        try {
            selector.addRule("streams", envelopeFields.toString());
            for (EventType<?> type : EventCatalog.all()) {
                ObjectNode sample = EventJson.mapper().createObjectNode()
                        .put("source", type.producer().source())
                        .put("detail-type", type.name());
                if (!selector.rulesForJSONEvent(sample).isEmpty()) {
                    names.add(type.name());
                }
            }
        } catch (Exception e) {
            throw new IllegalArgumentException("invalid pattern for " + route.handler() + ": " + e.getMessage(), e);
        }
        if (names.isEmpty()) {
            throw new IllegalArgumentException("the pattern of " + route.handler() + " matches no catalog event: "
                    + route.patternJson());
        }
        return names;
    }

    public long publishedCount() {
        return published.sum();
    }

    public long deadLetterCount() {
        return deadLettered.sum();
    }

    @Override
    public void close() {
        closed = true;
        for (StreamSubscription subscription : subscriptions) {
            subscription.close();
        }
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("the Redis Streams bus is closed");
        }
    }

    /** One handler's reader: a thread with its own connection, since XREADGROUP BLOCK holds a connection. */
    private final class StreamSubscription implements Subscription, Runnable {

        private final Route route;
        private final EventConsumer consumer;
        private final Machine pattern;
        private final List<String> streams;
        private final Consumer<String> me;
        private final Thread thread;
        /** Last failure per pending entry, so a later dead letter can say why; bounded, oldest dropped. */
        private final Map<String, String> lastFailure = new LinkedHashMap<>(16, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
                return size() > 10_000;
            }
        };
        private volatile boolean running = true;
        private StatefulRedisConnection<String, String> connection;
        private RedisCommands<String, String> commands;

        StreamSubscription(Route route, EventConsumer consumer, Machine pattern, List<String> streams,
                           String consumerName) {
            this.route = route;
            this.consumer = consumer;
            this.pattern = pattern;
            this.streams = streams;
            this.me = Consumer.from(route.handler(), consumerName);
            this.thread = new Thread(this, "redis-bus-" + route.handler() + "-" + consumerName);
            this.thread.setDaemon(true);
        }

        void start() {
            connection = redis.client().connect();
            commands = connection.sync();
            try {
                createGroups();
            } catch (RuntimeException e) {
                connection.close();
                subscriptions.remove(this);
                throw e;
            }
            thread.start();
            LOG.info("subscribed {} as {} to {}", route.handler(), me.getName(), streams);
        }

        private void createGroups() {
            for (String stream : streams) {
                try {
                    commands.xgroupCreate(StreamOffset.latest(stream), route.handler(), XGroupCreateArgs.Builder.mkstream());
                } catch (RedisCommandExecutionException e) {
                    if (e.getMessage() == null || !e.getMessage().startsWith("BUSYGROUP")) {
                        throw e;
                    }
                    // the group exists: another process (or an earlier run) of this handler created it
                }
            }
        }

        @Override
        public void run() {
            long nextClaim = System.nanoTime();
            // claim at least twice per minIdle so a retried entry waits between minIdle and 1.5 x minIdle
            long claimEvery = Math.max(settings.minIdle().toNanos() / 2, Duration.ofMillis(1).toNanos());
            while (running) {
                try {
                    if (System.nanoTime() - nextClaim >= 0) {
                        claimIdleEntries();
                        nextClaim = System.nanoTime() + claimEvery;
                    }
                    readNewEntries(Duration.ofNanos(Math.min(settings.block().toNanos(),
                            Math.max(nextClaim - System.nanoTime(), Duration.ofMillis(1).toNanos()))));
                } catch (RedisException e) {
                    if (!running) {
                        break;
                    }
                    recoverFrom(e);
                } catch (RuntimeException e) {
                    // a bug here must not kill the reader: the entry stays pending and is claimed again
                    LOG.error("{} reader error: {}", route.handler(), e.toString(), e);
                    pause(RETRY_AFTER_REDIS_ERROR);
                }
            }
        }

        private void recoverFrom(RedisException e) {
            String message = String.valueOf(e.getMessage());
            if (message.startsWith("NOGROUP")) {
                // the stream was deleted (e.g. FLUSHALL): recreate it and the group, keep consuming
                LOG.warn("{}: group missing, recreating it on {}", route.handler(), streams);
                try {
                    createGroups();
                } catch (RedisException again) {
                    LOG.warn("{}: cannot recreate groups: {}", route.handler(), again.toString());
                }
            } else {
                LOG.warn("{}: Redis error, retrying in {}: {}", route.handler(), RETRY_AFTER_REDIS_ERROR, message);
            }
            pause(RETRY_AFTER_REDIS_ERROR);
        }

        @SuppressWarnings("unchecked")
        private void readNewEntries(Duration block) {
            StreamOffset<String>[] offsets = streams.stream().map(StreamOffset::lastConsumed).toArray(StreamOffset[]::new);
            List<StreamMessage<String, String>> entries = commands.xreadgroup(me,
                    XReadArgs.Builder.block(block).count(settings.batchSize()), offsets);
            for (StreamMessage<String, String> entry : entries) {
                if (!running) {
                    return; // still pending: another consumer (or this one after a restart) claims it
                }
                process(entry.getStream(), entry, 1);
            }
        }

        /**
         * Takes over entries pending longer than minIdle: failed ones to retry, and those of dead consumers.
         * In two steps because Redis 6.2's XAUTOCLAIM answers nil for an entry trimmed away while pending (and
         * Lettuce drops it), which would leave it pending forever: XAUTOCLAIM JUSTID names every claimed id, then
         * XCLAIM fetches the entries and counts the delivery; an id that comes back without its entry is gone.
         */
        private void claimIdleEntries() {
            for (String stream : streams) {
                String cursor = "0-0";
                for (int page = 0; page < MAX_CLAIM_PAGES_PER_PASS && running; page++) {
                    ClaimedMessages<String, String> claimed = commands.xautoclaim(stream,
                            XAutoClaimArgs.Builder.justid(me, settings.minIdle(), cursor).count(settings.batchSize()));
                    String[] ids = claimed.getMessages().stream().map(StreamMessage::getId)
                            .filter(Objects::nonNull).toArray(String[]::new);
                    if (ids.length > 0) {
                        Map<String, StreamMessage<String, String>> entries = new HashMap<>();
                        for (StreamMessage<String, String> entry : commands.xclaim(stream, me, 0, ids)) {
                            if (entry != null && entry.getId() != null) {
                                entries.put(entry.getId(), entry);
                            }
                        }
                        for (String id : ids) {
                            StreamMessage<String, String> entry = entries.get(id);
                            process(stream, entry != null ? entry : new StreamMessage<>(stream, id, null),
                                    deliveryCount(stream, id));
                        }
                    }
                    cursor = claimed.getId();
                    if (cursor == null || "0-0".equals(cursor)) {
                        break;
                    }
                }
            }
        }

        /** How many times the group has delivered the entry, this claim included (XPENDING). */
        private long deliveryCount(String stream, String id) {
            List<PendingMessage> pending = commands.xpending(stream, me, Range.create(id, id), Limit.from(1));
            return pending.isEmpty() ? 1 : pending.get(0).getRedeliveryCount();
        }

        private void process(String stream, StreamMessage<String, String> entry, long delivery) {
            String key = stream + " " + entry.getId();
            Map<String, String> body = entry.getBody();
            if (body == null || body.isEmpty()) {
                // trimmed away (MAXLEN) while it was pending: there is nothing left to deliver
                LOG.warn("{}: pending entry {} no longer exists, acking it", route.handler(), key);
                ack(stream, entry.getId());
                return;
            }
            String json = body.get(ENTRY_FIELD);
            if (json == null) {
                deadLetter(stream, entry.getId(), String.valueOf(body), delivery,
                        "the stream entry has no '" + ENTRY_FIELD + "' field");
                return;
            }
            if (delivery > settings.maxDeliveries()) {
                // the last delivery never reported back (its consumer died while handling it)
                deadLetter(stream, entry.getId(), json, delivery, "delivered " + delivery + " times, more than "
                        + settings.maxDeliveries() + "; last failure: " + lastFailure.getOrDefault(key, "unknown"));
                return;
            }
            JsonNode tree;
            BusEvent event;
            try {
                tree = EventJson.readTree(json);
                if (!tree.isObject()) {
                    throw new MalformedEventException("an event must be a JSON object");
                }
                String misplaced = notThisStreamsEvent(stream, tree);
                if (misplaced != null) {
                    // checked before the pattern, which would otherwise filter it out and ack it unseen
                    deadLetter(stream, entry.getId(), json, delivery, misplaced);
                    return;
                }
                if (pattern.rulesForJSONEvent(tree).isEmpty()) {
                    ack(stream, entry.getId()); // on this stream, but filtered out by the route's pattern
                    return;
                }
                event = EventValidator.decode(tree);
            } catch (MalformedEventException e) {
                deadLetter(stream, entry.getId(), json, delivery, e.getMessage());
                return;
            }
            HandlerOutcome outcome;
            try {
                outcome = consumer.accept(event);
            } catch (RuntimeException e) {
                outcome = HandlerOutcome.failed(e.toString());
            }
            if (outcome == null) {
                outcome = HandlerOutcome.failed("consumer returned no outcome");
            }
            switch (outcome.status()) {
                case HANDLED, DUPLICATE -> {
                    ack(stream, entry.getId());
                    lastFailure.remove(key);
                }
                case REJECTED -> deadLetter(stream, entry.getId(), json, delivery, outcome.reason());
                case FAILED, RETRY_LATER -> {
                    if (delivery >= settings.maxDeliveries()) {
                        deadLetter(stream, entry.getId(), json, delivery, "failed " + delivery + " times, last: "
                                + outcome.reason());
                    } else {
                        lastFailure.put(key, String.valueOf(outcome.reason()));
                        LOG.warn("{} failed on {} {} (delivery {} of {}), retry after {}: {}", route.handler(),
                                event.name(), event.eventId(), delivery, settings.maxDeliveries(),
                                settings.minIdle(), outcome.reason());
                    }
                }
            }
        }

        /**
         * Why the entry is not an event of this stream (its {@code detail-type} is another name, or none of the
         * catalog's; its {@code source} is not the event's producer); null when it is one.
         */
        private String notThisStreamsEvent(String stream, JsonNode tree) {
            String name = stream.substring(settings.streamPrefix().length());
            JsonNode detailType = tree.get("detail-type");
            JsonNode source = tree.get("source");
            if (detailType == null || !detailType.isTextual()) {
                return "'detail-type' is missing or not a string";
            }
            if (!detailType.asText().equals(name)) {
                return "detail-type '" + detailType.asText() + "' on the stream of " + name
                        + (EventCatalog.find(detailType.asText()).isEmpty() ? " (not a catalog event)" : "");
            }
            String producer = EventCatalog.require(name).producer().source();
            if (source == null || !source.isTextual() || !source.asText().equals(producer)) {
                return "source " + (source == null ? "missing" : "'" + source.asText() + "'") + " is not the producer of "
                        + name + " (" + producer + ")";
            }
            return null;
        }

        private void ack(String stream, String id) {
            commands.xack(stream, route.handler(), id);
        }

        /** Dead-letter first, then ack: a crash in between dead-letters it twice rather than losing it. */
        private void deadLetter(String stream, String id, String entryJson, long delivery, String error) {
            Map<String, String> fields = new LinkedHashMap<>();
            fields.put("handler", route.handler());
            fields.put("stream", stream);
            fields.put("entry_id", id);
            fields.put("deliveries", Long.toString(delivery));
            fields.put("error", String.valueOf(error));
            fields.put(ENTRY_FIELD, entryJson);
            commands.xadd(deadLetterStream(), new XAddArgs().maxlen(settings.maxLen()).approximateTrimming(), fields);
            ack(stream, id);
            lastFailure.remove(stream + " " + id);
            deadLettered.increment();
            LOG.error("dead-lettered {} {} for {}: {}", stream, id, route.handler(), error);
        }

        private void pause(Duration duration) {
            try {
                Thread.sleep(duration.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                running = false;
            }
        }

        /** Stops reading; entries this consumer holds stay pending and are claimed by the group's others. */
        @Override
        public void close() {
            if (!running && !thread.isAlive()) {
                return;
            }
            running = false;
            try {
                thread.join(settings.block().plusSeconds(5).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (thread.isAlive()) {
                LOG.warn("{} did not stop within {} (its consumer is still running)", thread.getName(),
                        settings.block().plusSeconds(5));
            }
            connection.close();
            subscriptions.remove(this);
            LOG.info("unsubscribed {} ({})", route.handler(), me.getName());
        }
    }
}
