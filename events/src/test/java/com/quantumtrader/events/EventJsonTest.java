package com.quantumtrader.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.quantumtrader.events.ai.SignalGenerated;
import com.quantumtrader.events.ai.StrategyChanged;
import com.quantumtrader.events.execution.OrderFilled;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class EventJsonTest {

    static Stream<EventType<?>> catalog() {
        return EventCatalog.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("catalog")
    void everySamplePayloadSurvivesAJsonRoundTrip(EventType<?> type) {
        Record sample = SamplePayloads.any(type);

        Record read = EventJson.read(EventJson.write(sample), type.payloadType());

        assertThat(read).isEqualTo(sample);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("catalog")
    void everySamplePayloadSurvivesTheBusAsAnEventBridgeEntry(EventType<?> type) {
        Record sample = SamplePayloads.any(type);
        String entryJson = EventJson.write(SamplePayloads.busEvent(type, sample));

        BusEvent decoded = EventValidator.decode(entryJson);

        assertThat(EventJson.convert(decoded.envelope().payload(), type.payloadType())).isEqualTo(sample);
        assertThat(decoded.traceId()).isEqualTo(SamplePayloads.TRACE_ID);
        assertThat(decoded.envelope().occurredAt()).isEqualTo(SamplePayloads.OCCURRED_AT);
    }

    @Test
    void decimalsKeepEveryDigitAndTheirScale() {
        SignalGenerated signal = new SignalGenerated("s-1", "BTCUSDT", Side.LONG, 0.5, new BigDecimal("0.1"),
                new BigDecimal("0.10"), new BigDecimal("123456789.123456789"), new BigDecimal("100.0"), "st", "m");

        String json = EventJson.write(signal);
        SignalGenerated direct = EventJson.read(json, SignalGenerated.class);
        SignalGenerated viaBus = EventJson.convert(
                EventValidator.decode(EventJson.write(SamplePayloads.busEvent(EventCatalog.AI_SIGNAL_GENERATED,
                        signal))).envelope().payload(), SignalGenerated.class);

        assertThat(json).contains("\"reference_price\":0.1,", "\"stop_price\":0.10,",
                "\"target_price\":123456789.123456789,", "\"requested_quantity\":100.0,");
        for (SignalGenerated read : List.of(direct, viaBus)) {
            assertThat(read.referencePrice()).isEqualTo(new BigDecimal("0.1"));
            assertThat(read.stopPrice()).isEqualTo(new BigDecimal("0.10"));
            assertThat(read.targetPrice()).isEqualTo(new BigDecimal("123456789.123456789"));
            assertThat(read.requestedQuantity()).isEqualTo(new BigDecimal("100.0"));
        }
    }

    @Test
    void decimalsAreWrittenPlainNeverInScientificNotation() {
        SignalGenerated signal = new SignalGenerated("s-1", "PEPEUSDT", Side.SHORT, 0.5, new BigDecimal("1E-8"),
                new BigDecimal("2E+3"), new BigDecimal("1E-9"), new BigDecimal("1E+6"), "st", "m");

        String json = EventJson.write(signal);

        assertThat(json).contains("\"reference_price\":0.00000001,", "\"stop_price\":2000,",
                "\"target_price\":0.000000001,", "\"requested_quantity\":1000000,");
    }

    @Test
    void absentOptionalFieldsAreOmittedAndReadBackAsNull() {
        StrategyChanged first = new StrategyChanged(null, "ma_crossover_v1", "first selection");

        String json = EventJson.write(first);

        assertThat(EventJson.readTree(json).has("previous_strategy_id")).isFalse();
        assertThat(EventJson.read(json, StrategyChanged.class).previousStrategyId()).isNull();
    }

    @Test
    void timesAreIsoStringsInUtcAndEnumsAreTheirNames() {
        OrderFilled fill = SamplePayloads.of(EventCatalog.EXECUTION_ORDER_FILLED);

        JsonNode tree = EventJson.readTree(EventJson.write(fill));

        assertThat(tree.get("filled_at").asText()).isEqualTo("2024-03-01T12:00:04.123Z");
        assertThat(tree.get("side").asText()).isEqualTo("BUY");
        assertThat(tree.get("purpose").asText()).isEqualTo("ENTRY");
        assertThat(tree.get("complete").isBoolean()).isTrue();
    }

    @Test
    void instantsKeepNanosecondPrecision() {
        Instant precise = Instant.parse("2024-03-01T12:00:04.123456789Z");
        OrderFilled fill = SamplePayloads.of(EventCatalog.EXECUTION_ORDER_FILLED);
        OrderFilled withNanos = new OrderFilled(fill.signalId(), fill.clientOrderId(), fill.symbol(), fill.side(),
                fill.purpose(), fill.quantity(), fill.cumulativeQuantity(), fill.complete(), fill.price(),
                fill.expectedPrice(), fill.fee(), fill.feeAsset(), fill.stopPrice(), fill.targetPrice(),
                fill.strategyId(), fill.modelId(), precise);

        assertThat(EventJson.read(EventJson.write(withNanos), OrderFilled.class).filledAt()).isEqualTo(precise);
    }

    @Test
    void busEventIsWrittenInTheShapeOfAnEventBridgeEntry() {
        BusEvent event = SamplePayloads.busEvent(EventCatalog.RISK_SIGNAL_APPROVED);

        JsonNode entry = EventJson.readTree(EventJson.write(event));

        assertThat(fieldNames(entry)).containsExactly("source", "detail-type", "detail");
        assertThat(entry.get("source").asText()).isEqualTo("quantum.risk_safety");
        assertThat(entry.get("detail-type").asText()).isEqualTo("risk.signal.approved");
        JsonNode detail = entry.get("detail");
        assertThat(fieldNames(detail)).containsExactly(
                "event_id", "trace_id", "occurred_at", "producer", "schema_version", "payload");
        assertThat(detail.get("event_id").asText()).isEqualTo(event.eventId());
        assertThat(detail.get("trace_id").asText()).isEqualTo(SamplePayloads.TRACE_ID);
        assertThat(detail.get("occurred_at").asText()).isEqualTo("2024-03-01T12:00:05Z");
        assertThat(detail.get("producer").asText()).isEqualTo("risk_safety");
        assertThat(detail.get("schema_version").isInt()).isTrue();
        assertThat(detail.get("payload").get("approved_quantity").decimalValue()).isEqualTo(new BigDecimal("0.012"));
    }

    @Test
    void busEventSourceIsDerivedFromTheProducer() {
        BusEvent event = SamplePayloads.busEvent(EventCatalog.TRADE_CLOSED);

        assertThat(event.source()).isEqualTo(Domain.PORTFOLIO.source()).isEqualTo("quantum.portfolio");
        assertThat(event.name()).isEqualTo("trade.closed");
    }

    @Test
    void unreadableJsonIsAMalformedEventNamingTheRecord() {
        assertThatThrownBy(() -> EventJson.read("{\"signal_id\": [1, 2]}", SignalGenerated.class))
                .isInstanceOf(MalformedEventException.class)
                .hasMessageContaining("cannot read SignalGenerated");
        assertThatThrownBy(() -> EventJson.readTree("{\"signal_id\": "))
                .isInstanceOf(MalformedEventException.class)
                .hasMessageStartingWith("not valid JSON");
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
