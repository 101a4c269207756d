package com.quantumtrader.execution.adapter.binance;

import com.fasterxml.jackson.databind.JsonNode;
import com.quantumtrader.core.trace.Secrets;
import com.quantumtrader.events.EventJson;
import com.quantumtrader.execution.exchange.ExchangeUnavailableException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Signed REST calls to Binance USD-M Futures with the exchange's rules of conduct: requests carry a timestamp
 * corrected by the server-time offset and a {@code recvWindow}; SIGNED ones an HMAC-SHA256 signature and the key in
 * {@code X-MBX-APIKEY}. Rate-limit headers are tracked; a 429 waits its Retry-After and tries again; a 418 stops
 * every call until the ban lifts (at the time its message states, else its Retry-After, else a default); {@code -1021} (timestamp outside recvWindow) resyncs the clock and retries once.
 * Timeouts, 5xx and {@code -1001} are retried within {@link BinanceSettings#maxAttempts()} when the call is
 * idempotent; otherwise the caller hears at once that the outcome is unknown. Any other error payload is a business
 * rejection ({@link BinanceApiException}), never retried. Neither key nor signature reaches a log line.
 */
final class BinanceRestClient {

    private static final Logger LOG = LoggerFactory.getLogger(BinanceRestClient.class);
    private static final String API_KEY_HEADER = "X-MBX-APIKEY";
    private static final int DISCONNECTED = -1001;
    private static final Pattern BANNED_UNTIL = Pattern.compile("banned until (\\d{10,})");
    private static final int TIMESTAMP_OUTSIDE_RECV_WINDOW = -1021;
    private static final Duration DEFAULT_BAN = Duration.ofMinutes(2);

    enum Method { GET, POST, DELETE, PUT }

    private final BinanceSettings settings;
    private final BinanceCredentials credentials;
    private final RequestSigner signer;
    private final HttpClient http;
    private final Clock clock;
    private final Sleeper sleeper;
    private final RateLimitTracker limits;
    private volatile Long serverTimeOffsetMillis;

    BinanceRestClient(BinanceSettings settings, BinanceCredentials credentials, HttpClient http, Clock clock,
                      Sleeper sleeper) {
        this.settings = settings;
        this.credentials = credentials;
        this.signer = new RequestSigner(credentials.secret());
        this.http = http;
        this.clock = clock;
        this.sleeper = sleeper;
        this.limits = new RateLimitTracker(settings.weightLimit());
    }

    RateLimitTracker limits() {
        return limits;
    }

    /** Server time minus our clock, learned from {@code GET /fapi/v1/time}. */
    long syncTime() {
        JsonNode time = call(Method.GET, "/fapi/v1/time", Map.of(), false, true);
        long offset = time.path("serverTime").asLong() - clock.millis();
        serverTimeOffsetMillis = offset;
        LOG.info("Binance server time offset {} ms", offset);
        return offset;
    }

    JsonNode publicGet(String path, Map<String, String> params) {
        return call(Method.GET, path, params, false, true);
    }

    /** A SIGNED call; {@code idempotent} false for anything that creates (a resend could duplicate it). */
    JsonNode signed(Method method, String path, Map<String, String> params, boolean idempotent) {
        return call(method, path, params, true, idempotent);
    }

    /** A USER_STREAM call (the listen key): the API key in its header, no timestamp, no signature. */
    JsonNode keyed(Method method, String path, boolean idempotent) {
        return call(method, path, Map.of(), false, true, idempotent);
    }

    private JsonNode call(Method method, String path, Map<String, String> params, boolean signed, boolean idempotent) {
        return call(method, path, params, signed, signed, idempotent);
    }

    private JsonNode call(Method method, String path, Map<String, String> params, boolean signed, boolean withKey,
                          boolean idempotent) {
        ExchangeUnavailableException last = null;
        boolean resynced = false;
        for (int attempt = 1; attempt <= settings.maxAttempts(); attempt++) {
            if (attempt > 1) {
                Duration wait = last.waitFrom(clock.instant(), settings.backoff(attempt - 1));
                LOG.warn("{} {} attempt {} of {} after {} ms: {}", method, path, attempt, settings.maxAttempts(),
                        wait.toMillis(), Secrets.mask(last.getMessage()));
                sleeper.sleep(wait);
            }
            Optional<Instant> ban = limits.ban(clock.instant());
            if (ban.isPresent()) {
                throw new ExchangeUnavailableException("IP banned by Binance until " + ban.get() + "; nothing sent",
                        false, ban.get(), null);
            }
            Duration throttle = limits.waitBeforeSending(clock.instant());
            if (!throttle.isZero()) {
                LOG.info("rate limit: waiting {} ms before {} {}", throttle.toMillis(), method, path);
                sleeper.sleep(throttle);
            }
            try {
                return once(method, path, params, signed, withKey);
            } catch (RetryableFailure failure) {
                last = failure.cause;
                boolean retry = idempotent || !last.outcomeUnknown();
                if (!retry) {
                    throw last;
                }
            } catch (TimestampRejected rejected) {
                if (resynced || !signed) {
                    throw new BinanceApiException(rejected.status, TIMESTAMP_OUTSIDE_RECV_WINDOW, rejected.message);
                }
                resynced = true;
                syncTime();
                attempt--; // a resync is not a failed attempt: the request never ran
                last = new ExchangeUnavailableException("timestamp outside recvWindow", false);
            }
        }
        throw last;
    }

    private JsonNode once(Method method, String path, Map<String, String> params, boolean signed, boolean withKey) {
        Map<String, String> all = new LinkedHashMap<>(params);
        if (signed) {
            if (serverTimeOffsetMillis == null) {
                syncTime();
            }
            all.put("recvWindow", Long.toString(settings.recvWindow().toMillis()));
            all.put("timestamp", Long.toString(clock.millis() + serverTimeOffsetMillis));
        }
        String query = queryString(all);
        if (signed) {
            query = query + "&signature=" + signer.sign(query);
        }
        URI uri = URI.create(settings.baseUrl() + path + (query.isEmpty() ? "" : "?" + query));
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(settings.requestTimeout())
                .method(method.name(), HttpRequest.BodyPublishers.noBody());
        if (withKey) {
            request.header(API_KEY_HEADER, credentials.apiKey());
        }
        LOG.debug("-> {} {}", method, Secrets.mask(path + "?" + query));
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException e) {
            throw new RetryableFailure(new ExchangeUnavailableException(method + " " + path + " timed out after "
                    + settings.requestTimeout().toMillis() + " ms", method != Method.GET, null, e));
        } catch (ConnectException e) {
            throw new RetryableFailure(new ExchangeUnavailableException(method + " " + path + " could not connect: "
                    + Secrets.maskedMessage(e), false, null, e));
        } catch (IOException e) {
            throw new RetryableFailure(new ExchangeUnavailableException(method + " " + path + " failed in transit: "
                    + Secrets.maskedMessage(e), method != Method.GET, null, e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ExchangeUnavailableException("interrupted during " + method + " " + path, true, null, e);
        }
        Instant now = clock.instant();
        limits.observe(response.headers(), now);
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            return EventJson.readTree(response.body());
        }
        ErrorPayload error = ErrorPayload.parse(response.body());
        LOG.warn("<- {} {} HTTP {} {} {} (weight {} orders {})", method, path, status, error.code, error.message,
                limits.usedWeight(), limits.orderCount());
        if (status == 418) {
            Instant until = bannedUntil(error.message)
                    .or(() -> retryAfter(response).map(now::plus))
                    .orElse(now.plus(DEFAULT_BAN));
            limits.bannedUntil(until);
            throw new ExchangeUnavailableException("IP banned by Binance (HTTP 418) until " + until, false, until, null);
        }
        if (status == 429) {
            Instant until = now.plus(retryAfter(response).orElse(settings.initialBackoff()));
            limits.backOffUntil(until);
            throw new RetryableFailure(new ExchangeUnavailableException("rate limited (HTTP 429): " + error.message,
                    false, until, null));
        }
        if (status >= 500 || error.code == DISCONNECTED) {
            throw new RetryableFailure(new ExchangeUnavailableException(method + " " + path + " HTTP " + status + " "
                    + error.code + " " + error.message, method != Method.GET, null, null));
        }
        if (error.code == TIMESTAMP_OUTSIDE_RECV_WINDOW) {
            throw new TimestampRejected(status, error.message);
        }
        throw new BinanceApiException(status, error.code, error.message);
    }

    static String queryString(Map<String, String> params) {
        StringJoiner joiner = new StringJoiner("&");
        params.forEach((name, value) -> joiner.add(name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8)));
        return joiner.toString();
    }

    /**
     * The end of an IP ban as Binance's message states it ({@code "Way too many requests; IP banned until
     * 1591702733943. ..."}), in the exchange's time, moved onto our clock by the server-time offset.
     */
    Optional<Instant> bannedUntil(String message) {
        Matcher matcher = BANNED_UNTIL.matcher(message == null ? "" : message);
        if (!matcher.find()) {
            return Optional.empty();
        }
        long serverMillis;
        try {
            serverMillis = Long.parseLong(matcher.group(1));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        Long offset = serverTimeOffsetMillis;
        return Optional.of(Instant.ofEpochMilli(serverMillis - (offset == null ? 0 : offset)));
    }

    private static Optional<Duration> retryAfter(HttpResponse<?> response) {
        return response.headers().firstValue("Retry-After").flatMap(value -> {
            try {
                return Optional.of(Duration.ofSeconds(Long.parseLong(value.strip())));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        });
    }

    private record ErrorPayload(int code, String message) {
        static ErrorPayload parse(String body) {
            try {
                JsonNode node = EventJson.readTree(body);
                return new ErrorPayload(node.path("code").asInt(0), node.path("msg").asText(""));
            } catch (RuntimeException e) {
                String text = body == null ? "" : body.strip();
                return new ErrorPayload(0, text.length() > 200 ? text.substring(0, 200) : text);
            }
        }
    }

    /** Internal signal: this attempt failed transiently; {@link #call} decides whether to try again. */
    private static final class RetryableFailure extends RuntimeException {
        final ExchangeUnavailableException cause;

        RetryableFailure(ExchangeUnavailableException cause) {
            super(cause.getMessage(), null, false, false);
            this.cause = cause;
        }
    }

    private static final class TimestampRejected extends RuntimeException {
        final int status;
        final String message;

        TimestampRejected(int status, String message) {
            super(message, null, false, false);
            this.status = status;
            this.message = message;
        }
    }

    @Override
    public String toString() {
        return "BinanceRestClient[" + settings.baseUrl() + "]";
    }
}
