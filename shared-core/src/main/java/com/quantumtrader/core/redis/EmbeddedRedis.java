package com.quantumtrader.core.redis;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.embedded.core.ExecutableProvider;

/**
 * A real Redis server started from the JVM on a free loopback port, for the local runtime (when no
 * {@code REDIS_URL} is given) and for tests. The binary comes from the embedded-redis library; the process is ours,
 * so that at exit the owner finishes its last writes before Redis goes (on Ctrl-C the JVM runs every shutdown hook
 * at once, and a Redis killed under a run that is still closing down leaves it blocked on a dead connection).
 * Persistence is off (a scratch server that dies with the JVM), except on a {@link #startDurable durable} one.
 */
public final class EmbeddedRedis implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedRedis.class);
    private static final long STARTUP_TIMEOUT_SECONDS = 30;
    private static final long OWNER_GRACE_SECONDS = 10;

    private static final Optional<String> SETSID = Stream.of("/usr/bin/setsid", "/bin/setsid")
            .filter(path -> new File(path).canExecute()).findFirst();

    private final Process process;
    private final int port;
    private final CountDownLatch stopped = new CountDownLatch(1);

    private EmbeddedRedis(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    public static EmbeddedRedis start() {
        return start(freePort(), List.of("--save", "", "--appendonly", "no"));
    }

    /**
     * A server that keeps every write: appended to a log in {@code dataDir} and synced before it is acknowledged, so
     * a server started again on the same port and directory after {@link #close()} (a restart) has every write. For
     * tests of a Redis restart under a running platform; {@code port} 0 picks a free one.
     */
    public static EmbeddedRedis startDurable(int port, Path dataDir) {
        return start(port == 0 ? freePort() : port, List.of("--save", "", "--appendonly", "yes",
                "--appendfsync", "always", "--dir", dataDir.toAbsolutePath().toString()));
    }

    private static EmbeddedRedis start(int port, List<String> persistence) {
        Process process;
        try {
            File binary = ExecutableProvider.newJarResourceProvider().get();
            List<String> command = new ArrayList<>();
            // In its own session, Ctrl-C in a terminal (SIGINT to the whole foreground group) does not kill Redis
            // under the JVM's feet; the shutdown hook below stops it after the owner has closed.
            SETSID.ifPresent(command::add);
            command.addAll(List.of(binary.getAbsolutePath(),
                    "--bind", "127.0.0.1", "--port", Integer.toString(port), "--maxmemory", "256mb"));
            command.addAll(persistence);
            process = new ProcessBuilder(command)
                    .directory(binary.getParentFile())
                    .redirectErrorStream(true)
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start embedded Redis on port " + port, e);
        }
        awaitReady(process, port);
        EmbeddedRedis redis = new EmbeddedRedis(process, port);
        redis.stopAtExit();
        LOG.info("embedded Redis started on 127.0.0.1:{}", port);
        return redis;
    }

    public int port() {
        return port;
    }

    public String url() {
        return "redis://127.0.0.1:" + port;
    }

    @Override
    public synchronized void close() {
        if (stopped.getCount() == 0) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        } finally {
            stopped.countDown();
        }
    }

    /** Never leaves an orphan redis-server behind, but gives the owner time to close first. */
    private void stopAtExit() {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                if (!stopped.await(OWNER_GRACE_SECONDS, TimeUnit.SECONDS)) {
                    close();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                close();
            }
        }, "embedded-redis-stop"));
    }

    /** Reads the server's output until it accepts connections; its last lines explain a failure. */
    private static void awaitReady(Process process, int port) {
        Deque<String> lastLines = new ArrayDeque<>();
        CountDownLatch ready = new CountDownLatch(1);
        Thread reader = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = out.readLine()) != null) {
                    synchronized (lastLines) {
                        lastLines.addLast(line);
                        if (lastLines.size() > 10) {
                            lastLines.removeFirst();
                        }
                    }
                    if (line.contains("Ready to accept connections")) {
                        ready.countDown();
                    }
                }
            } catch (IOException e) {
                // the process ended; the waiting side reports it
            }
        }, "embedded-redis-output");
        reader.setDaemon(true);
        reader.start();
        try {
            if (!ready.await(STARTUP_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                synchronized (lastLines) {
                    throw new IllegalStateException("embedded Redis on port " + port + " did not become ready: "
                            + String.join(" | ", lastLines));
                }
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting embedded Redis", e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
