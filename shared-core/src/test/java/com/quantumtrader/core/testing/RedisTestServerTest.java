package com.quantumtrader.core.testing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RedisTestServerTest {

    @Test
    void startsARealRedisThatAnswersPing() {
        try (var connection = RedisTestServer.client().connect()) {
            assertThat(connection.sync().ping()).isEqualTo("PONG");
            connection.sync().set("fixture:probe", "42");
            assertThat(connection.sync().get("fixture:probe")).isEqualTo("42");
        }
    }
}
