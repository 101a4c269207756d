package com.quantumtrader.bench;

import io.lettuce.core.Consumer;
import io.lettuce.core.RedisClient;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.XGroupCreateArgs;
import io.lettuce.core.XReadArgs;
import io.lettuce.core.XReadArgs.StreamOffset;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Semaphore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The baseline's consumer: plain Lettuce {@code XREADGROUP BLOCK … COUNT …} on a thread with its own connection,
 * no decoding, no validation, no pattern matching. Each entry seen releases one permit of {@code seen}.
 * Acknowledged one {@code XACK} per entry, as the bus does (ack after each handler), or one {@code XACK} per read
 * batch when {@code ackPerBatch}.
 */
final class RawStreamConsumer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RawStreamConsumer.class);

    private final String stream;
    private final Consumer<String> me;
    private final int batchSize;
    private final boolean ackPerBatch;
    private final Semaphore seen;
    private final StatefulRedisConnection<String, String> connection;
    private final Thread thread;
    private volatile boolean running = true;

    RawStreamConsumer(RedisClient client, String stream, String group, int batchSize, boolean ackPerBatch,
                      Semaphore seen) {
        this.stream = stream;
        this.me = Consumer.from(group, "raw-1");
        this.batchSize = batchSize;
        this.ackPerBatch = ackPerBatch;
        this.seen = seen;
        this.connection = client.connect();
        connection.sync().xgroupCreate(StreamOffset.latest(stream), group, XGroupCreateArgs.Builder.mkstream());
        this.thread = new Thread(this::run, "raw-stream-consumer");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    @SuppressWarnings("unchecked")
    private void run() {
        RedisCommands<String, String> commands = connection.sync();
        // short block so that close() returns quickly; it only matters while idle
        XReadArgs read = XReadArgs.Builder.block(Duration.ofMillis(200)).count(batchSize);
        StreamOffset<String> offset = StreamOffset.lastConsumed(stream);
        while (running) {
            try {
                List<StreamMessage<String, String>> entries = commands.xreadgroup(me, read, offset);
                if (entries.isEmpty()) {
                    continue;
                }
                if (ackPerBatch) {
                    seen.release(entries.size());
                    commands.xack(stream, me.getGroup(), entries.stream().map(StreamMessage::getId).toArray(String[]::new));
                } else {
                    for (StreamMessage<String, String> entry : entries) {
                        seen.release();
                        commands.xack(stream, me.getGroup(), entry.getId());
                    }
                }
            } catch (RuntimeException e) {
                if (running) {
                    LOG.error("raw consumer failed: {}", e.toString());
                }
                return;
            }
        }
    }

    @Override
    public void close() {
        running = false;
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        connection.close();
    }
}
