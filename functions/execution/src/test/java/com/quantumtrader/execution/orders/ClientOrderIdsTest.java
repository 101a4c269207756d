package com.quantumtrader.execution.orders;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ClientOrderIdsTest {

    private static final String ULID = "01HS3J8ZK7Q9W2X4Y6Z8A0B1C2";

    @Test
    void derivesEachOrdersIdFromTheSignalAndItsPurpose() {
        assertThat(ClientOrderIds.entry(ULID)).isEqualTo("E-" + ULID);
        assertThat(ClientOrderIds.stopLoss(ULID, 1)).isEqualTo("SL-" + ULID);
        assertThat(ClientOrderIds.stopLoss(ULID, 2)).isEqualTo("SL2-" + ULID);
        assertThat(ClientOrderIds.takeProfit(ULID)).isEqualTo("TP-" + ULID);
        assertThat(ClientOrderIds.exit(ULID, 1)).isEqualTo("X-" + ULID);
    }

    @Test
    void hashesASignalIdThatBinanceWouldRefuseAndStaysDeterministic() {
        String longId = "strategy:ma_crossover/BTCUSDT/2024-03-01T00:00:00Z/with spaces and more than 36 chars";

        String id = ClientOrderIds.entry(longId);

        assertThat(id).matches(ClientOrderIds.BINANCE).startsWith("E-").hasSize(36);
        assertThat(ClientOrderIds.entry(longId)).isEqualTo(id);
        assertThat(ClientOrderIds.entry(longId + "x")).isNotEqualTo(id);
        assertThat(ClientOrderIds.stopLoss(longId, 12)).matches(ClientOrderIds.BINANCE);
    }

    @Test
    void hashesAShortIdWithACharacterBinanceRefuses() {
        assertThat(ClientOrderIds.entry("sig#1")).matches(ClientOrderIds.BINANCE).isNotEqualTo("E-sig#1");
    }
}
