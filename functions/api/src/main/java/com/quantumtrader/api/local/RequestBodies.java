package com.quantumtrader.api.local;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.Optional;
import java.util.function.Consumer;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;

/**
 * Reads a Jetty request's body as it arrives, holding no thread while the client is slow: the local API and the
 * dashboard both act on a request only once its whole body is in, so a client that leaves midway has nothing done.
 */
public final class RequestBodies {

    private RequestBodies() {
    }

    /**
     * {@code done} gets the whole body (empty when it grows above {@code maxBytes}); {@code failed} gets the reason
     * it never completed (the client closed or went idle).
     */
    public static void read(Request request, int maxBytes, Consumer<Optional<byte[]>> done,
                            Consumer<Throwable> failed) {
        read(request, maxBytes, new ByteArrayOutputStream(), done, failed);
    }

    private static void read(Request request, int maxBytes, ByteArrayOutputStream into,
                             Consumer<Optional<byte[]>> done, Consumer<Throwable> failed) {
        while (true) {
            Content.Chunk chunk = request.read();
            if (chunk == null) {
                request.demand(() -> read(request, maxBytes, into, done, failed));
                return;
            }
            if (Content.Chunk.isFailure(chunk)) {
                failed.accept(chunk.getFailure());
                return;
            }
            ByteBuffer bytes = chunk.getByteBuffer();
            boolean last = chunk.isLast();
            if (into.size() + bytes.remaining() > maxBytes) {
                chunk.release();
                done.accept(Optional.empty());
                return;
            }
            byte[] copy = new byte[bytes.remaining()];
            bytes.get(copy);
            into.write(copy, 0, copy.length);
            chunk.release();
            if (last) {
                done.accept(Optional.of(into.toByteArray()));
                return;
            }
        }
    }
}
