package com.quantumtrader.local.data;

import com.fasterxml.jackson.databind.JsonNode;
import com.quantumtrader.events.EventJson;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * GET requests to Binance USDⓈ-M's public market-data endpoints within its documented limits: the IP's request
 * weight per minute (2400, read back from {@code X-MBX-USED-WEIGHT-1m} after every response; the client waits for
 * the next minute when the next request would pass {@link #WEIGHT_BUDGET}), 429 (waits {@code Retry-After}) and 418
 * (an IP ban: sends nothing until the time the ban states). The funding-rate history has its own bucket, 500
 * requests per 5 minutes per IP, counted here because no header reports it.
 */
final class BinancePublicApi {

    static final URI DEFAULT_BASE_URL = URI.create("https://fapi.binance.com");
    static final int WEIGHT_LIMIT_PER_MINUTE = 2400;
    /** Where this client stops for the minute: headroom under the limit for anything else on the same IP. */
    static final int WEIGHT_BUDGET = 2000;
    static final int FUNDING_REQUESTS_PER_5_MINUTES = 500;
    /** Waits longer than this (a long ban) end the run instead; a rerun after it resumes the download. */
    static final Duration LONGEST_WAIT = Duration.ofMinutes(10);
    /** Binance's shortest IP ban, assumed when a 418 states no time at all. */
    static final Duration SHORTEST_BAN = Duration.ofMinutes(2);
    static final String WEIGHT_HEADER = "X-MBX-USED-WEIGHT-1m";

    private static final int MAX_ATTEMPTS = 6;
    private static final Pattern BANNED_UNTIL = Pattern.compile("banned until (\\d{10,})");
    private static final int INVALID_SYMBOL = -1121;

    private final URI baseUrl;
    private final HttpClient http;
    private final Clock clock;
    private final Sleeper sleeper;
    private final Consumer<String> notices;
    private final Deque<Instant> fundingRequests = new ArrayDeque<>();
    private Instant blockedUntil = Instant.EPOCH;
    private long usedWeight;
    private long usedWeightMinute = -1;
    private long requests;

    /** @param notices one line per wait, for the person watching */
    BinancePublicApi(URI baseUrl, HttpClient http, Clock clock, Sleeper sleeper, Consumer<String> notices) {
        this.baseUrl = baseUrl;
        this.http = http;
        this.clock = clock;
        this.sleeper = sleeper;
        this.notices = notices;
    }

    /** {@code GET /fapi/v1/klines}; the weight depends on the limit, 10 for the 1500 a page asks for. */
    JsonNode klines(String symbol, Interval interval, long startTime, long endTime, int limit) {
        return get("/fapi/v1/klines", Map.of("symbol", symbol, "interval", interval.binanceName(),
                "startTime", Long.toString(startTime), "endTime", Long.toString(endTime),
                "limit", Integer.toString(limit)), klinesWeight(limit), false);
    }

    /** {@code GET /fapi/v1/fundingRate}: counted in the 500 per 5 minutes it shares with fundingInfo. */
    JsonNode fundingRates(String symbol, long startTime, long endTime, int limit) {
        return get("/fapi/v1/fundingRate", Map.of("symbol", symbol, "startTime", Long.toString(startTime),
                "endTime", Long.toString(endTime), "limit", Integer.toString(limit)), 1, true);
    }

    static int klinesWeight(int limit) {
        return limit < 100 ? 1 : limit < 500 ? 2 : limit <= 1000 ? 5 : 10;
    }

    /** The weight Binance last reported as used this minute. */
    long usedWeight() {
        return usedWeight;
    }

    long requests() {
        return requests;
    }

    /**
     * A file of Binance's public data archive (data.binance.vision): its bytes, or empty when there is no such file
     * (404: a month not published yet, a day before the listing). No request weight, but the same 429/418/5xx care.
     */
    java.util.Optional<byte[]> archiveFile(URI uri) {
        HttpResponse<byte[]> response = exchange(uri, uri.getPath(), 0, false, true);
        return response.statusCode() == 404 ? java.util.Optional.empty() : java.util.Optional.of(response.body());
    }

    private JsonNode get(String path, Map<String, String> query, int weight, boolean fundingBucket) {
        URI uri = URI.create(baseUrl.toString().replaceAll("/+$", "") + path + "?" + query(query));
        HttpResponse<byte[]> response = exchange(uri, path, weight, fundingBucket, false);
        try {
            return EventJson.mapper().readTree(response.body());
        } catch (IOException e) {
            throw new DownloadException("GET " + path + " answered 200 with a body that is not JSON: "
                    + abbreviate(text(response)), e);
        }
    }

    /** Sends until a 200 (or a 404 when that is an answer), waiting as Binance asks in between. */
    private HttpResponse<byte[]> exchange(URI uri, String path, int weight, boolean fundingBucket,
                                          boolean notFoundIsAnswer) {
        for (int attempt = 1; ; attempt++) {
            waitForBudget(weight, fundingBucket);
            HttpResponse<byte[]> response;
            try {
                response = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60)).GET().build(),
                        HttpResponse.BodyHandlers.ofByteArray());
            } catch (IOException e) {
                if (attempt >= MAX_ATTEMPTS) {
                    throw new DownloadException("GET " + path + " failed " + attempt + " times: " + e, e);
                }
                backOff(attempt, "GET " + path + " failed (" + e.getMessage() + ")");
                continue;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new DownloadException("interrupted", e);
            }
            requests++;
            readWeight(response);
            int status = response.statusCode();
            if (status == 200 || (status == 404 && notFoundIsAnswer)) {
                return response;
            }
            if (attempt >= MAX_ATTEMPTS) {
                throw new DownloadException("GET " + path + " still answers HTTP " + status + " after " + attempt
                        + " attempts: " + abbreviate(text(response)), DownloadCommand.EXIT_FAILURE);
            }
            if (status == 429) {
                Duration wait = retryAfter(response).orElse(Duration.ofMinutes(1));
                block(clock.instant().plus(wait), "HTTP 429 (request rate limit): waiting " + wait.toSeconds()
                        + " s as Retry-After asks");
            } else if (status == 418) {
                block(banEnd(response), "HTTP 418 (IP banned): " + abbreviate(text(response)));
            } else if (status >= 500) {
                // Binance: a 5xx is on its side and the outcome unknown; harmless to repeat for a read
                backOff(attempt, "HTTP " + status + " from " + path);
            } else {
                throw refused(path, response);
            }
        }
    }

    private static String text(HttpResponse<byte[]> response) {
        return new String(response.body(), StandardCharsets.UTF_8);
    }

    private static DownloadException refused(String path, HttpResponse<byte[]> response) {
        String detail = abbreviate(text(response));
        int code = 0;
        try {
            JsonNode error = EventJson.mapper().readTree(response.body());
            code = error.path("code").asInt();
            detail = code + " " + error.path("msg").asText();
        } catch (IOException | RuntimeException e) {
            // not Binance's {"code", "msg"}: the raw body says what there is to say
        }
        return new DownloadException("Binance refused GET " + path + " (HTTP " + response.statusCode() + "): "
                + detail, code == INVALID_SYMBOL ? DownloadCommand.EXIT_INVALID_INPUT : DownloadCommand.EXIT_FAILURE);
    }

    /** The later of Retry-After and the time in the message ("IP banned until 1620286253180"). */
    private Instant banEnd(HttpResponse<byte[]> response) {
        Instant now = clock.instant();
        Instant end = retryAfter(response).map(now::plus).orElse(Instant.EPOCH);
        Matcher matcher = BANNED_UNTIL.matcher(text(response));
        if (matcher.find()) {
            Instant stated = Instant.ofEpochMilli(Long.parseLong(matcher.group(1)));
            end = stated.isAfter(end) ? stated : end;
        }
        return end.equals(Instant.EPOCH) ? now.plus(SHORTEST_BAN) : end;
    }

    private static java.util.Optional<Duration> retryAfter(HttpResponse<?> response) {
        return response.headers().firstValue("Retry-After").flatMap(value -> {
            try {
                return java.util.Optional.of(Duration.ofSeconds(Long.parseLong(value.strip())));
            } catch (NumberFormatException e) {
                return java.util.Optional.empty();
            }
        });
    }

    private void block(Instant until, String why) {
        if (until.isAfter(blockedUntil)) {
            blockedUntil = until;
        }
        notices.accept(why + "; sending nothing until " + blockedUntil);
    }

    private void backOff(int attempt, String why) {
        Duration wait = Duration.ofSeconds(1L << (attempt - 1));
        notices.accept(why + "; retrying in " + wait.toSeconds() + " s");
        sleep(wait);
    }

    private void readWeight(HttpResponse<?> response) {
        OptionalLong used = response.headers().firstValue(WEIGHT_HEADER).map(v -> {
            try {
                return OptionalLong.of(Long.parseLong(v.strip()));
            } catch (NumberFormatException e) {
                return OptionalLong.empty();
            }
        }).orElse(OptionalLong.empty());
        if (used.isPresent()) {
            usedWeight = used.getAsLong();
            usedWeightMinute = minute(clock.instant());
        }
    }

    private void waitForBudget(int weight, boolean fundingBucket) {
        Instant now = clock.instant();
        if (now.isBefore(blockedUntil)) {
            waitUntil(blockedUntil, "ban or back-off");
        }
        now = clock.instant();
        if (weight > 0 && minute(now) == usedWeightMinute && usedWeight + weight > WEIGHT_BUDGET) {
            // the weight counts per calendar minute; a second of margin for clocks that differ
            Instant nextMinute = Instant.ofEpochSecond((usedWeightMinute + 1) * 60 + 1);
            notices.accept("request weight " + usedWeight + "/" + WEIGHT_LIMIT_PER_MINUTE
                    + " used this minute: pausing until " + nextMinute);
            waitUntil(nextMinute, "weight");
            usedWeightMinute = -1;
        }
        if (fundingBucket) {
            Instant windowStart = clock.instant().minus(Duration.ofMinutes(5));
            while (!fundingRequests.isEmpty() && !fundingRequests.peekFirst().isAfter(windowStart)) {
                fundingRequests.removeFirst();
            }
            if (fundingRequests.size() >= FUNDING_REQUESTS_PER_5_MINUTES) {
                Instant free = fundingRequests.peekFirst().plus(Duration.ofMinutes(5)).plusMillis(1);
                notices.accept(FUNDING_REQUESTS_PER_5_MINUTES + " funding-rate requests in 5 minutes: pausing until "
                        + free);
                waitUntil(free, "funding bucket");
                fundingRequests.removeFirst();
            }
            fundingRequests.addLast(clock.instant());
        }
    }

    private void waitUntil(Instant until, String what) {
        Duration wait = Duration.between(clock.instant(), until);
        if (wait.compareTo(LONGEST_WAIT) > 0) {
            throw new DownloadException("Binance blocks requests until " + until + " (" + what + "), longer than "
                    + LONGEST_WAIT.toMinutes() + " minutes; run the same command again after that: it resumes "
                    + "where this run stopped", DownloadCommand.EXIT_FAILURE);
        }
        // a sleeper may wake early (a test's, or a spurious wake-up): wait until the clock says so
        while (clock.instant().isBefore(until)) {
            sleep(Duration.between(clock.instant(), until));
        }
    }

    private void sleep(Duration duration) {
        try {
            sleeper.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DownloadException("interrupted", e);
        }
    }

    private static long minute(Instant time) {
        return Math.floorDiv(time.getEpochSecond(), 60);
    }

    private static String query(Map<String, String> parameters) {
        // a fixed order keeps requests (and test expectations) readable
        return parameters.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static String abbreviate(String body) {
        String flat = body == null ? "" : body.replaceAll("\\s+", " ").strip();
        return flat.length() > 300 ? flat.substring(0, 300) + "…" : flat;
    }
}
