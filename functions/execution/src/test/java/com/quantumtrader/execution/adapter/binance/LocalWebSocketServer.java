package com.quantumtrader.execution.adapter.binance;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A minimal RFC 6455 server for tests: accepts the opening handshake, sends text frames, and can drop the
 * connection abruptly (as a network failure or Binance's 24 h cut would). It never reads the client's frames.
 */
public final class LocalWebSocketServer implements AutoCloseable {

    private static final String GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

    private final ServerSocket server;
    private final List<Socket> connections = new CopyOnWriteArrayList<>();
    private final List<String> requestLines = new CopyOnWriteArrayList<>();
    private final Thread acceptor;

    public LocalWebSocketServer() throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        acceptor = new Thread(this::acceptLoop, "test-websocket-server");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public URI uri(String path) {
        return URI.create("ws://127.0.0.1:" + server.getLocalPort() + path);
    }

    int connections() {
        return connections.size();
    }

    /** The request line of every handshake, e.g. {@code GET /stream?streams=btcusdt@kline_1m HTTP/1.1}. */
    public List<String> requestLines() {
        return List.copyOf(requestLines);
    }

    public void awaitConnections(int count) {
        await(() -> connections.size() >= count, "connection " + count);
    }

    public static void await(java.util.function.BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("never happened: " + what);
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    /** One unmasked text frame on the latest connection. */
    public void send(String text) throws IOException {
        send(connections.get(connections.size() - 1), text);
    }

    /** One unmasked text frame on the latest connection whose request path starts with {@code pathPrefix}. */
    public void sendTo(String pathPrefix, String text) throws IOException {
        for (int i = connections.size() - 1; i >= 0; i--) {
            if (requestLines.get(i).split(" ")[1].startsWith(pathPrefix)) {
                send(connections.get(i), text);
                return;
            }
        }
        throw new IllegalStateException("no connection to " + pathPrefix + " among " + requestLines);
    }

    private static void send(Socket socket, String text) throws IOException {
        byte[] payload = text.getBytes(StandardCharsets.UTF_8);
        OutputStream out = socket.getOutputStream();
        out.write(0x81);
        if (payload.length < 126) {
            out.write(payload.length);
        } else if (payload.length < 65536) {
            out.write(126);
            out.write(payload.length >>> 8);
            out.write(payload.length & 0xFF);
        } else {
            out.write(127);
            for (int shift = 56; shift >= 0; shift -= 8) {
                out.write((int) ((long) payload.length >>> shift) & 0xFF);
            }
        }
        out.write(payload);
        out.flush();
    }

    /** Closes the latest connection's socket without a close frame. */
    public void drop() throws IOException {
        connections.get(connections.size() - 1).close();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                handshake(socket);
                connections.add(socket);
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void handshake(Socket socket) throws IOException {
        InputStream in = socket.getInputStream();
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("handshake cut short");
            }
            head.append((char) b);
        }
        String key = null;
        String[] lines = head.toString().split("\r\n");
        requestLines.add(lines[0]);
        for (String line : lines) {
            if (line.toLowerCase().startsWith("sec-websocket-key:")) {
                key = line.substring(line.indexOf(':') + 1).trim();
            }
        }
        String accept;
        try {
            accept = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-1")
                    .digest((key + GUID).getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        OutputStream out = socket.getOutputStream();
        out.write(("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Accept: " + accept + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket socket : connections) {
            socket.close();
        }
    }
}
