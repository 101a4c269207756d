package com.quantumtrader.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.quantumtrader.events.EventJson;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** A fresh exchangeInfo download as a test would get it: the shipped snapshot plus a contract it does not list. */
final class ExchangeInfoFixture {

    private ExchangeInfoFixture() {
    }

    /** The shipped snapshot with {@code newSymbol} added, its filters those of {@code likeSymbol}. */
    static Path withExtraContract(Path dir, String newSymbol, String likeSymbol) throws IOException {
        JsonNode snapshot;
        try (InputStream in = ExchangeInfoFixture.class.getResourceAsStream(
                "/instruments/binance-usdm-exchange-info.json")) {
            snapshot = EventJson.mapper().readTree(in);
        }
        ArrayNode symbols = (ArrayNode) snapshot.get("symbols");
        ObjectNode extra = null;
        for (JsonNode symbol : symbols) {
            if (symbol.path("symbol").asText().equals(likeSymbol)) {
                extra = symbol.deepCopy();
            }
        }
        if (extra == null) {
            throw new IllegalArgumentException(likeSymbol + " is not in the shipped snapshot");
        }
        extra.put("symbol", newSymbol).put("pair", newSymbol);
        symbols.add(extra);
        Path file = dir.resolve("exchangeInfo-with-" + newSymbol + ".json");
        Files.writeString(file, EventJson.mapper().writeValueAsString(snapshot));
        return file;
    }
}
