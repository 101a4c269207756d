package com.quantumtrader.core.redis;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The process's way to Redis: one Lettuce client and one shared connection to a standalone server given by a
 * {@code redis://} or {@code rediss://} URL (password and database included), or to an embedded server started
 * here when no {@code REDIS_URL} is set. The shared connection is thread-safe and pipelines commands of all
 * threads; blocking commands (XREADGROUP BLOCK …) and pub/sub need their own connections from {@link #client()}.
 */
public final class RedisConnections implements AutoCloseable {

    public static final String REDIS_URL_VARIABLE = "REDIS_URL";

    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(10);
    private static final Logger LOG = LoggerFactory.getLogger(RedisConnections.class);

    private final RedisClient client;
    private final StatefulRedisConnection<String, String> connection;
    private final String maskedUrl;
    private final EmbeddedRedis ownedServer;

    private RedisConnections(RedisClient client, StatefulRedisConnection<String, String> connection, String maskedUrl,
            EmbeddedRedis ownedServer) {
        this.client = client;
        this.connection = connection;
        this.maskedUrl = maskedUrl;
        this.ownedServer = ownedServer;
    }

    /** Connects to the standalone server of {@code redisUrl}; fails fast (with the password masked) if it cannot. */
    public static RedisConnections connect(String redisUrl) {
        return connect(redisUrl, System::getenv, null);
    }

    /**
     * As {@link #connect(String)}, with IAM authentication to ElastiCache when the environment names an IAM user
     * ({@value ElastiCacheIamAuth#USER_VARIABLE}, {@value ElastiCacheIamAuth#CACHE_NAME_VARIABLE}, AWS_REGION).
     */
    static RedisConnections connect(String redisUrl, UnaryOperator<String> environment) {
        return connect(redisUrl, environment, null);
    }

    /** {@code REDIS_URL} when it is set, otherwise a fresh embedded Redis that this object owns and stops on close. */
    public static RedisConnections fromEnvironmentOrEmbedded() {
        return fromEnvironmentOrEmbedded(System::getenv);
    }

    static RedisConnections fromEnvironmentOrEmbedded(UnaryOperator<String> environment) {
        String url = environment.apply(REDIS_URL_VARIABLE);
        if (url != null && !url.isBlank()) {
            return connect(url.trim(), environment, null);
        }
        EmbeddedRedis embedded = EmbeddedRedis.start();
        try {
            return connect(embedded.url(), name -> null, embedded);
        } catch (RuntimeException e) {
            embedded.close();
            throw e;
        }
    }

    private static RedisConnections connect(String redisUrl, UnaryOperator<String> environment,
            EmbeddedRedis ownedServer) {
        RedisURI uri = parse(redisUrl);
        ElastiCacheIamAuth iam = ElastiCacheIamAuth.fromEnvironment(environment);
        if (iam != null) {
            uri.setCredentialsProvider(iam);
        }
        if (uri.getTimeout().equals(RedisURI.DEFAULT_TIMEOUT_DURATION)) {
            // Lettuce's 60 s default would hold a handler (or a shutdown) that long on a dead server.
            uri.setTimeout(COMMAND_TIMEOUT);
        }
        String masked = mask(uri);
        RedisClient client = RedisClient.create(uri);
        try {
            StatefulRedisConnection<String, String> connection = client.connect();
            LOG.info("connected to Redis at {}{}{}", masked, ownedServer != null ? " (embedded)" : "",
                    iam != null ? " as IAM user " + iam.user() : "");
            return new RedisConnections(client, connection, masked, ownedServer);
        } catch (RedisException e) {
            client.shutdown();
            // the cause's own message names only host and port, never the password
            throw new RedisUnavailableException("cannot connect to Redis at " + masked + ": " + rootMessage(e), e);
        }
    }

    static RedisURI parse(String redisUrl) {
        Objects.requireNonNull(redisUrl, "redisUrl");
        String lower = redisUrl.toLowerCase(Locale.ROOT);
        if (!lower.startsWith("redis://") && !lower.startsWith("rediss://")) {
            throw new IllegalArgumentException("Redis URL must start with redis:// or rediss:// (standalone server), got "
                    + schemeOf(redisUrl));
        }
        RedisURI uri;
        try {
            uri = RedisURI.create(redisUrl);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not a valid Redis URL: " + schemeOf(redisUrl) + "://…", e);
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw new IllegalArgumentException("Redis URL has no host: " + mask(uri));
        }
        return uri;
    }

    /** The URL for logs: scheme, user, host, port and database; the password shown as {@code ***}. */
    static String mask(RedisURI uri) {
        StringBuilder out = new StringBuilder(uri.isSsl() ? "rediss://" : "redis://");
        boolean hasPassword = uri.getPassword() != null && uri.getPassword().length > 0;
        if (uri.getUsername() != null || hasPassword) {
            out.append(uri.getUsername() == null ? "" : uri.getUsername()).append(hasPassword ? ":***" : "").append('@');
        }
        out.append(uri.getHost()).append(':').append(uri.getPort());
        if (uri.getDatabase() != 0) {
            out.append('/').append(uri.getDatabase());
        }
        return out.toString();
    }

    private static String schemeOf(String url) {
        int colon = url.indexOf(':');
        return colon < 0 ? "a value without a scheme" : url.substring(0, colon);
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }

    public RedisClient client() {
        return client;
    }

    /** The shared, thread-safe connection for ordinary (non-blocking) commands. Do not close it. */
    public StatefulRedisConnection<String, String> connection() {
        return connection;
    }

    /** The server's URL with the password masked, for logs and messages. */
    public String url() {
        return maskedUrl;
    }

    /** Whether the server is one this object started (and will stop). */
    public boolean embedded() {
        return ownedServer != null;
    }

    @Override
    public void close() {
        try {
            connection.close();
        } finally {
            try {
                client.shutdown();
            } finally {
                if (ownedServer != null) {
                    ownedServer.close();
                }
            }
        }
        LOG.info("closed Redis connections to {}", maskedUrl);
    }

    @Override
    public String toString() {
        return "RedisConnections[" + maskedUrl + "]";
    }
}
