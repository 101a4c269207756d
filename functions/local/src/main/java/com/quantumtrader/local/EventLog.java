package com.quantumtrader.local;

import com.quantumtrader.events.BusEvent;
import com.quantumtrader.events.EventJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * {@code --events-out}: every published event as one JSON line in the shape of an EventBridge entry. Lines are held
 * in memory until {@link #flush()} (after each bar step) writes them with one write, so a killed process leaves
 * only whole lines behind; a resumed run appends, first cutting off a partial line a kill mid-write may have left.
 */
final class EventLog implements AutoCloseable {

    private final Path path;
    private final FileChannel file;
    private final StringBuilder pending = new StringBuilder();

    /** Starts the file afresh. */
    EventLog(Path path) {
        this(path, false);
    }

    /** @param append continue the file of the run this one resumes */
    EventLog(Path path, boolean append) {
        this.path = path;
        try {
            Path parent = path.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            this.file = append
                    ? FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE)
                    : FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                            StandardOpenOption.TRUNCATE_EXISTING);
            if (append) {
                file.truncate(wholeLinesLength(file));
                file.position(file.size());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write events to " + path, e);
        }
    }

    void append(BusEvent event) {
        pending.append(EventJson.write(event)).append('\n');
    }

    /** Writes the lines held so far, all of them, and hands them to the operating system. */
    void flush() {
        if (pending.isEmpty()) {
            return;
        }
        ByteBuffer bytes = ByteBuffer.wrap(pending.toString().getBytes(StandardCharsets.UTF_8));
        try {
            while (bytes.hasRemaining()) {
                file.write(bytes);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write events to " + path, e);
        }
        pending.setLength(0);
    }

    @Override
    public void close() {
        try (file) {
            flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The length of the file up to and including its last newline. */
    private static long wholeLinesLength(FileChannel file) throws IOException {
        long size = file.size();
        ByteBuffer one = ByteBuffer.allocate(1);
        for (long at = size - 1; at >= 0; at--) {
            one.clear();
            file.read(one, at);
            if (one.get(0) == '\n') {
                return at + 1;
            }
        }
        return 0;
    }
}
