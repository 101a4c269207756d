package com.quantumtrader.local.data;

import com.quantumtrader.events.market.MarketPriceUpdate;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.quantumtrader.execution.marketdata.SyntheticMarketData;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/**
 * Binance USDⓈ-M's public klines and fundingRate endpoints on a local port, answering with the shapes the real
 * exchange sends: klines as 12-element arrays (times and trade count as numbers, decimals as strings), funding
 * rates as {symbol, fundingTime, fundingRate, markPrice} objects, {@code X-MBX-USED-WEIGHT-1m} counted per minute
 * of the test's clock, errors as {"code", "msg"}. Scripted answers (429, 418, 5xx) go out before the regular ones.
 */
public final class FakeBinance implements AutoCloseable {

    /** One request as it arrived, at the test clock's time. */
    public record Request(String path, Map<String, String> query, Instant at) {

        long param(String name) {
            return Long.parseLong(query.get(name));
        }
    }

    record Scripted(int status, Map<String, String> headers, String body) {
    }

    private final HttpServer server;
    private final Clock clock;
    private final Map<String, TreeMap<Long, ArrayNode>> klines = new HashMap<>();
    private final Map<String, TreeMap<Long, ObjectNode>> funding = new HashMap<>();
    private final Deque<Scripted> scripted = new ArrayDeque<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final Map<String, byte[]> archiveFiles = new HashMap<>();
    private long weightMinute = Long.MIN_VALUE;
    private long usedWeight;
    private long otherUsersWeight;

    public FakeBinance(Clock clock) {
        this.clock = clock;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/fapi/v1/klines", exchange -> handle(exchange, this::klines));
        server.createContext("/fapi/v1/fundingRate", exchange -> handle(exchange, this::fundingRates));
        server.createContext("/data/", this::archive);
        server.start();
    }

    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    /** Serves these bars as Binance klines of {@code symbol}. */
    public synchronized FakeBinance bars(String symbol, List<MarketPriceUpdate> bars) {
        TreeMap<Long, ArrayNode> series = klines.computeIfAbsent(symbol, s -> new TreeMap<>());
        bars.forEach(bar -> series.put(bar.openTime().toEpochMilli(), kline(bar)));
        return this;
    }

    /** {@code count} seeded synthetic bars of {@code interval} from {@code start}. */
    public FakeBinance syntheticBars(String symbol, Instant start, Duration interval, int count) {
        return bars(symbol, synthetic(symbol, start, interval, count));
    }

    /** Bars that the exchange does not have (maintenance, not listed yet). */
    synchronized FakeBinance without(String symbol, Predicate<Long> openTime) {
        klines.get(symbol).keySet().removeIf(openTime::test);
        return this;
    }

    synchronized ArrayNode kline(String symbol, long openTime) {
        return klines.get(symbol).get(openTime);
    }

    synchronized FakeBinance fundingRate(String symbol, long time, String rate, String markPrice) {
        ObjectNode node = JsonNodeFactory.instance.objectNode().put("symbol", symbol).put("fundingTime", time)
                .put("fundingRate", rate);
        node.put("markPrice", markPrice);
        funding.computeIfAbsent(symbol, s -> new TreeMap<>()).put(time, node);
        return this;
    }

    /** Weight used by other programs on the same IP this minute, added to what this client uses. */
    synchronized FakeBinance otherUsersWeight(long weight) {
        otherUsersWeight = weight;
        return this;
    }

    /** The next answer, whatever the request. */
    synchronized FakeBinance thenAnswer(int status, Map<String, String> headers, String body) {
        scripted.addLast(new Scripted(status, headers, body));
        return this;
    }

    static List<MarketPriceUpdate> synthetic(String symbol, Instant start, Duration interval, int count) {
        SyntheticMarketData market = new SyntheticMarketData(7, List.of(symbol), start, interval);
        List<MarketPriceUpdate> bars = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            bars.add(market.next().get(0));
        }
        return bars;
    }

    /** A bar as /fapi/v1/klines sends it. */
    static ArrayNode kline(MarketPriceUpdate bar) {
        ArrayNode row = JsonNodeFactory.instance.arrayNode();
        row.add(bar.openTime().toEpochMilli()).add(bar.open().toPlainString()).add(bar.high().toPlainString())
                .add(bar.low().toPlainString()).add(bar.close().toPlainString()).add(bar.volume().toPlainString())
                .add(bar.closeTime().toEpochMilli() - 1)
                .add(bar.volume().multiply(bar.close()).setScale(5, java.math.RoundingMode.HALF_EVEN).toPlainString())
                .add(1234).add(bar.volume().divide(java.math.BigDecimal.valueOf(2)).toPlainString()).add("0.00000").add("0");
        return row;
    }

    /**
     * Publishes {@code bars} in the data archive as {@code data/futures/um/<period>/klines/S/I/<name>.zip} holding
     * {@code <name>.csv} (with the header the newer files carry) and its {@code .CHECKSUM} ("hex  name.zip").
     */
    synchronized FakeBinance archive(String period, String symbol, String interval, String name, List<Long> opens,
                                     boolean checksumMatches) {
        StringBuilder csv = new StringBuilder("open_time,open,high,low,close,volume,close_time,quote_volume,count,"
                + "taker_buy_volume,taker_buy_quote_volume,ignore\n");
        for (long open : opens) {
            List<String> fields = new ArrayList<>();
            klines.get(symbol).get(open).forEach(f -> fields.add(f.asText()));
            csv.append(String.join(",", fields)).append('\n');
        }
        java.io.ByteArrayOutputStream zip = new java.io.ByteArrayOutputStream();
        try (java.util.zip.ZipOutputStream out = new java.util.zip.ZipOutputStream(zip)) {
            out.putNextEntry(new java.util.zip.ZipEntry(name + ".csv"));
            out.write(csv.toString().getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String path = "/data/futures/um/" + period + "/klines/" + symbol + "/" + interval + "/" + name + ".zip";
        byte[] bytes = zip.toByteArray();
        String sha = ArchiveKlines.sha256(checksumMatches ? bytes : "something else".getBytes(StandardCharsets.UTF_8));
        archiveFiles.put(path, bytes);
        archiveFiles.put(path + ".CHECKSUM", (sha + "  " + name + ".zip\n").getBytes(StandardCharsets.UTF_8));
        return this;
    }

    private void archive(HttpExchange exchange) throws IOException {
        byte[] body;
        synchronized (this) {
            requests.add(new Request(exchange.getRequestURI().getPath(), Map.of(), clock.instant()));
            body = archiveFiles.get(exchange.getRequestURI().getPath());
        }
        if (body == null) {
            byte[] notFound = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>NoSuchKey</Code></Error>"
                    .getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(404, notFound.length);
            exchange.getResponseBody().write(notFound);
        } else {
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
        }
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private interface Endpoint {
        Scripted answer(Map<String, String> query);
    }

    private void handle(HttpExchange exchange, Endpoint endpoint) throws IOException {
        Scripted answer;
        long weight;
        synchronized (this) {
            Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
            requests.add(new Request(exchange.getRequestURI().getPath(), query, clock.instant()));
            answer = scripted.isEmpty() ? endpoint.answer(query) : scripted.removeFirst();
            long minute = Math.floorDiv(clock.instant().getEpochSecond(), 60);
            if (minute != weightMinute) {
                weightMinute = minute;
                usedWeight = otherUsersWeight;
                otherUsersWeight = 0;
            }
            boolean klinesCall = exchange.getRequestURI().getPath().endsWith("klines");
            usedWeight += klinesCall ? BinancePublicApi.klinesWeight(Integer.parseInt(query.getOrDefault("limit", "500")))
                    : 1;
            weight = usedWeight;
        }
        byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.getResponseHeaders().add(BinancePublicApi.WEIGHT_HEADER, Long.toString(weight));
        answer.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
        exchange.sendResponseHeaders(answer.status(), body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    private synchronized Scripted klines(Map<String, String> query) {
        TreeMap<Long, ArrayNode> series = klines.get(query.get("symbol"));
        if (series == null) {
            return new Scripted(400, Map.of(), "{\"code\":-1121,\"msg\":\"Invalid symbol.\"}");
        }
        int limit = Integer.parseInt(query.getOrDefault("limit", "500"));
        if (limit > 1500) {
            return new Scripted(400, Map.of(), "{\"code\":-1130,\"msg\":\"Data sent for paramter 'limit' is not "
                    + "valid.\"}");
        }
        long start = Long.parseLong(query.getOrDefault("startTime", "0"));
        long end = Long.parseLong(query.getOrDefault("endTime", Long.toString(Long.MAX_VALUE)));
        long now = clock.instant().toEpochMilli();
        ArrayNode page = JsonNodeFactory.instance.arrayNode();
        // like Binance: the current, still open bar is in the answer too
        series.subMap(start, true, end, true).values().stream().filter(k -> k.get(0).asLong() <= now).limit(limit)
                .forEach(page::add);
        return new Scripted(200, Map.of(), page.toString());
    }

    private synchronized Scripted fundingRates(Map<String, String> query) {
        TreeMap<Long, ObjectNode> series = funding.get(query.get("symbol"));
        if (series == null) {
            return new Scripted(200, Map.of(), "[]");
        }
        int limit = Integer.parseInt(query.getOrDefault("limit", "100"));
        long start = Long.parseLong(query.getOrDefault("startTime", "0"));
        long end = Long.parseLong(query.getOrDefault("endTime", Long.toString(Long.MAX_VALUE)));
        ArrayNode page = JsonNodeFactory.instance.arrayNode();
        series.subMap(start, true, end, true).values().stream().limit(Math.min(limit, 1000)).forEach(page::add);
        return new Scripted(200, Map.of(), page.toString());
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> query = new TreeMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                query.put(java.net.URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        java.net.URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return query;
    }
}
