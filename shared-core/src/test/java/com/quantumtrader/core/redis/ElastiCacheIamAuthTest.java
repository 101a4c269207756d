package com.quantumtrader.core.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.quantumtrader.core.testing.RedisTestServer;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

class ElastiCacheIamAuthTest {

    private static final Clock AT_NOON = Clock.fixed(Instant.parse("2026-12-08T12:00:00Z"), ZoneOffset.UTC);
    private static final StaticCredentialsProvider ROLE = StaticCredentialsProvider.create(
            AwsBasicCredentials.create("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"));

    private static ElastiCacheIamAuth auth(Clock clock) {
        return new ElastiCacheIamAuth("qt-app", "qt-cache", "eu-west-1", ROLE, clock);
    }

    @Test
    void tokenIsAPresignedConnectRequestForTheServerlessCacheAndUserValidFifteenMinutes() {
        String token = auth(AT_NOON).token();

        assertThat(token).startsWith("qt-cache/?");
        Map<String, String> query = query(token);
        assertThat(query).containsEntry("Action", "connect")
                .containsEntry("User", "qt-app")
                .containsEntry("ResourceType", "ServerlessCache")
                .containsEntry("X-Amz-Algorithm", "AWS4-HMAC-SHA256")
                .containsEntry("X-Amz-Date", "20261208T120000Z")
                .containsEntry("X-Amz-Expires", "900")
                .containsEntry("X-Amz-Credential", "AKIDEXAMPLE%2F20261208%2Feu-west-1%2Felasticache%2Faws4_request");
        assertThat(query.get("X-Amz-Signature")).matches("[0-9a-f]{64}");
        assertThat(token).doesNotContain("wJalrXUtnFEMI");
    }

    @Test
    void tokenIsFreshForEveryConnectionTime() {
        Clock later = Clock.offset(AT_NOON, java.time.Duration.ofMinutes(14));

        assertThat(auth(AT_NOON).token()).isEqualTo(auth(AT_NOON).token());
        assertThat(auth(later).token()).isNotEqualTo(auth(AT_NOON).token());
    }

    @Test
    void lettuceAuthenticatesAsTheIamUserWithTheTokenAsPassword() {
        ElastiCacheIamAuth auth = auth(AT_NOON);
        RedisClient admin = RedisClient.create(RedisTestServer.url());
        try (StatefulRedisConnection<String, String> adminConnection = admin.connect()) {
            // a real Redis that accepts exactly this token for the user, as ElastiCache would after checking it
            adminConnection.sync().aclSetuser("qt-app", io.lettuce.core.AclSetuserArgs.Builder.on()
                    .addPassword(auth.token()).allKeys().allCommands());
            RedisURI uri = RedisURI.create(RedisTestServer.url());
            uri.setCredentialsProvider(auth);
            RedisClient client = RedisClient.create(uri);
            try (StatefulRedisConnection<String, String> connection = client.connect()) {
                assertThat(connection.sync().aclWhoami()).isEqualTo("qt-app");
            } finally {
                client.shutdown();
                adminConnection.sync().aclDeluser("qt-app");
            }
        } finally {
            admin.shutdown();
        }
    }

    @Test
    void iamUserWithoutCacheNameOrRegionIsAClearConfigurationError() {
        Map<String, String> environment = Map.of(ElastiCacheIamAuth.USER_VARIABLE, "qt-app",
                ElastiCacheIamAuth.REGION_VARIABLE, "eu-west-1");

        assertThatThrownBy(() -> RedisConnections.connect(RedisTestServer.url(), environment::get))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(ElastiCacheIamAuth.CACHE_NAME_VARIABLE);
    }

    @Test
    void withoutAnIamUserTheUrlDecidesTheAuthentication() {
        try (RedisConnections redis = RedisConnections.connect(RedisTestServer.url(), name -> null)) {
            assertThat(redis.connection().sync().aclWhoami()).isEqualTo("default");
        }
    }

    private static Map<String, String> query(String token) {
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String pair : URI.create("http://" + token).getRawQuery().split("&")) {
            int equals = pair.indexOf('=');
            parameters.put(pair.substring(0, equals), pair.substring(equals + 1));
        }
        return parameters;
    }
}
