package com.quantumtrader.local;

import com.quantumtrader.events.BusEvent;
import com.quantumtrader.events.EventJson;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** {@code --events-out}: every published event as one JSON line in the shape of an EventBridge entry. */
final class EventLog implements AutoCloseable {

    private final BufferedWriter writer;

    EventLog(Path path) {
        try {
            Path parent = path.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            this.writer = Files.newBufferedWriter(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write events to " + path, e);
        }
    }

    void append(BusEvent event) {
        try {
            writer.write(EventJson.write(event));
            writer.newLine();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            writer.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
