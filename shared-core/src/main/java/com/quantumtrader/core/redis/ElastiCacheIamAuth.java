package com.quantumtrader.core.redis;

import io.lettuce.core.RedisCredentials;
import io.lettuce.core.RedisCredentialsProvider;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.function.UnaryOperator;
import reactor.core.publisher.Mono;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4FamilyHttpSigner;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignRequest;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/**
 * IAM authentication to an ElastiCache (Valkey/Redis 7+) serverless cache: the password of {@code AUTH} is a SigV4
 * presigned {@code connect} request for the cache and user, valid 15 minutes. Lettuce asks the provider on every
 * (re)connect, so a connection that ElastiCache closes after 12 hours comes back with a fresh token; no long-lived
 * password exists anywhere, in the template, the environment or the logs.
 */
public final class ElastiCacheIamAuth implements RedisCredentialsProvider {

    /** The ElastiCache user id (IAM users have user name = user id); set, it turns IAM auth on. */
    public static final String USER_VARIABLE = "REDIS_IAM_USER";
    /** The serverless cache's name: the host part of the signed request (not the endpoint's address). */
    public static final String CACHE_NAME_VARIABLE = "REDIS_IAM_CACHE_NAME";
    public static final String REGION_VARIABLE = "AWS_REGION";
    static final Duration TOKEN_LIFETIME = Duration.ofMinutes(15);

    private final String user;
    private final String cacheName;
    private final String region;
    private final AwsCredentialsProvider credentials;
    private final Clock clock;

    ElastiCacheIamAuth(String user, String cacheName, String region, AwsCredentialsProvider credentials, Clock clock) {
        this.user = requireText(user, USER_VARIABLE);
        this.cacheName = requireText(cacheName, CACHE_NAME_VARIABLE);
        this.region = requireText(region, REGION_VARIABLE);
        this.credentials = Objects.requireNonNull(credentials, "credentials");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * The provider the environment asks for, or null when {@value #USER_VARIABLE} is unset (plain or password auth
     * from the URL). Credentials come from the SDK's default chain (the Lambda's or the task's role).
     */
    static ElastiCacheIamAuth fromEnvironment(UnaryOperator<String> environment) {
        String user = environment.apply(USER_VARIABLE);
        if (user == null || user.isBlank()) {
            return null;
        }
        return new ElastiCacheIamAuth(user.trim(), environment.apply(CACHE_NAME_VARIABLE),
                environment.apply(REGION_VARIABLE), DefaultCredentialsProvider.builder().build(), Clock.systemUTC());
    }

    /** The token: the presigned request without its scheme, as ElastiCache expects it in {@code AUTH}. */
    String token() {
        SdkHttpRequest connect = SdkHttpRequest.builder()
                .method(SdkHttpMethod.GET)
                .uri(URI.create("http://" + cacheName + "/"))
                .appendRawQueryParameter("Action", "connect")
                .appendRawQueryParameter("User", user)
                .appendRawQueryParameter("ResourceType", "ServerlessCache")
                .build();
        AwsCredentialsIdentity identity = credentials.resolveCredentials();
        SignRequest<AwsCredentialsIdentity> request = SignRequest.builder(identity)
                .request(connect)
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "elasticache")
                .putProperty(AwsV4HttpSigner.REGION_NAME, region)
                .putProperty(AwsV4HttpSigner.AUTH_LOCATION, AwsV4FamilyHttpSigner.AuthLocation.QUERY_STRING)
                .putProperty(AwsV4HttpSigner.EXPIRATION_DURATION, TOKEN_LIFETIME)
                .putProperty(AwsV4HttpSigner.SIGNING_CLOCK, clock)
                .build();
        SignedRequest signed = AwsV4HttpSigner.create().sign(request);
        return signed.request().getUri().toString().substring("http://".length());
    }

    @Override
    public Mono<RedisCredentials> resolveCredentials() {
        return Mono.fromSupplier(() -> RedisCredentials.just(user, token()));
    }

    String user() {
        return user;
    }

    private static String requireText(String value, String variable) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(variable + " must be set when " + USER_VARIABLE
                    + " turns on IAM authentication to the cache");
        }
        return value.trim();
    }

    @Override
    public String toString() {
        return "ElastiCacheIamAuth[user=" + user + ", cache=" + cacheName + ", region=" + region + "]";
    }
}
