package com.quantumtrader.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.quantumtrader.events.ai.SignalGenerated;
import com.quantumtrader.events.execution.OrderFilled;
import com.quantumtrader.events.execution.OrderSubmitted;
import java.math.BigDecimal;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class EventValidatorTest {

    private static final EventType<SignalGenerated> SIGNAL = EventCatalog.AI_SIGNAL_GENERATED;

    static Stream<EventType<?>> catalog() {
        return EventCatalog.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("catalog")
    void acceptsTheValidSampleOfEveryEvent(EventType<?> type) {
        String entryJson = EventJson.write(SamplePayloads.busEvent(type));

        BusEvent decoded = EventValidator.decode(entryJson);

        assertThat(decoded.name()).isEqualTo(type.name());
        assertThat(decoded.source()).isEqualTo(type.producer().source());
        assertThat(EventValidator.validatePayload(type, decoded.envelope().payload())).isEmpty();
    }

    @Test
    void rejectsAPayloadWithoutARequiredField() {
        ObjectNode entry = SamplePayloads.entry(SIGNAL);
        SamplePayloads.payloadOf(entry).remove("stop_price");

        assertThatThrownBy(() -> EventValidator.decode(entry))
                .isInstanceOf(MalformedEventException.class)
                .hasMessageContaining("ai.signal.generated")
                .hasMessageContaining("required property 'stop_price' not found");
    }

    @Test
    void rejectsARecordPublishedWithANullRequiredField() {
        SignalGenerated sample = SamplePayloads.of(SIGNAL);
        SignalGenerated withoutStop = new SignalGenerated(sample.signalId(), sample.symbol(), sample.side(),
                sample.confidence(), sample.referencePrice(), null, sample.targetPrice(), sample.requestedQuantity(),
                sample.strategyId(), sample.modelId());

        assertThatThrownBy(() -> EventValidator.validate(SamplePayloads.busEvent(SIGNAL, withoutStop)))
                .isInstanceOf(MalformedEventException.class)
                .hasMessageContaining("required property 'stop_price' not found");
    }

    @Test
    void acceptsASignalThatLeavesSizingToRiskAndStillReadsOneWithAQuantity() {
        // given a signal without requested_quantity (risk sizes it) and an older one that carries it
        SignalGenerated sample = SamplePayloads.of(SIGNAL);
        SignalGenerated unsized = SignalGenerated.unsized(sample.signalId(), sample.symbol(), sample.side(),
                sample.confidence(), sample.referencePrice(), sample.stopPrice(), sample.targetPrice(),
                sample.strategyId(), sample.modelId());
        ObjectNode older = SamplePayloads.entry(SIGNAL);

        // when both are written and decoded
        String unsizedJson = EventJson.write(SamplePayloads.busEvent(SIGNAL, unsized));
        BusEvent decodedUnsized = EventValidator.decode(unsizedJson);
        BusEvent decodedOlder = EventValidator.decode(older);

        // then the field is simply absent from the first and still read from the second
        assertThat(unsizedJson).doesNotContain("requested_quantity");
        assertThat(EventValidator.validatePayload(SIGNAL, decodedUnsized.envelope().payload())).isEmpty();
        assertThat(EventJson.convert(decodedUnsized.envelope().payload(), SignalGenerated.class)
                .requestedQuantity()).isNull();
        assertThat(EventJson.convert(decodedOlder.envelope().payload(), SignalGenerated.class).requestedQuantity())
                .isEqualByComparingTo(sample.requestedQuantity());
    }

    @Test
    void rejectsAStringWhereANumberIsExpected() {
        ObjectNode entry = SamplePayloads.entry(SIGNAL);
        SamplePayloads.payloadOf(entry).put("reference_price", "64250.10");

        assertThatThrownBy(() -> EventValidator.decode(entry))
                .isInstanceOf(MalformedEventException.class)
                .hasMessageContaining("payload.reference_price: string found, number expected");
    }

    @Test
    void rejectsANegativePrice() {
        ObjectNode entry = SamplePayloads.entry(SIGNAL);
        SamplePayloads.payloadOf(entry).put("reference_price", new BigDecimal("-1.5"));

        assertThatThrownBy(() -> EventValidator.decode(entry))
                .isInstanceOf(MalformedEventException.class)
                .hasMessageContaining("payload.reference_price")
                .hasMessageContaining("exclusive minimum value of 0");
    }

    @Test
    void rejectsAZeroQuantity() {
        ObjectNode entry = SamplePayloads.entry(EventCatalog.RISK_SIGNAL_APPROVED);
        SamplePayloads.payloadOf(entry).put("approved_quantity", BigDecimal.ZERO);

        assertThatThrownBy(() -> EventValidator.decode(entry))
                .hasMessageContaining("payload.approved_quantity")
                .hasMessageContaining("exclusive minimum value of 0");
    }

    @Test
    void rejectsAConfidenceAboveOne() {
        ObjectNode entry = SamplePayloads.entry(SIGNAL);
        SamplePayloads.payloadOf(entry).put("confidence", 1.2);

        assertThatThrownBy(() -> EventValidator.decode(entry))
                .hasMessageContaining("payload.confidence")
                .hasMessageContaining("maximum value of 1");
    }

    @Test
    void rejectsASideThatIsNotAnEnumConstant() {
        ObjectNode entry = SamplePayloads.entry(SIGNAL);
        SamplePayloads.payloadOf(entry).put("side", "BUY");

        assertThatThrownBy(() -> EventValidator.decode(entry))
                .hasMessageContaining("payload.side")
                .hasMessageContaining("enumeration [\"LONG\", \"SHORT\"]");
    }

    @Test
    void rejectsASymbolTheExchangeWouldNotKnow() {
        ObjectNode entry = SamplePayloads.entry(SIGNAL);
        SamplePayloads.payloadOf(entry).put("symbol", "btc/usdt");

        assertThatThrownBy(() -> EventValidator.decode(entry))
                .hasMessageContaining("payload.symbol")
                .hasMessageContaining("^[A-Z0-9]{2,20}$");
    }

    @Test
    void rejectsAnEmptyId() {
        ObjectNode entry = SamplePayloads.entry(SIGNAL);
        SamplePayloads.payloadOf(entry).put("signal_id", "");

        assertThatThrownBy(() -> EventValidator.decode(entry))
                .hasMessageContaining("payload.signal_id");
    }

    @Test
    void rejectsATimeThatIsNotAnIsoInstant() {
        ObjectNode entry = SamplePayloads.entry(EventCatalog.MARKET_PRICE_UPDATE);
        SamplePayloads.payloadOf(entry).put("close_time", "2024-03-01 11:59:59");

        assertThatThrownBy(() -> EventValidator.decode(entry))
                .hasMessageContaining("payload.close_time");
    }

    @Test
    void aProducerMayNotPublishAFieldTheSchemaDoesNotDeclare() {
        ObjectNode entry = SamplePayloads.entry(SIGNAL);
        SamplePayloads.payloadOf(entry).put("leverage", 20);
        BusEvent event = BusEvent.of(SIGNAL.name(), EventJson.convert(entry.get("detail"), EventEnvelope.class));

        assertThatThrownBy(() -> EventValidator.validate(event))
                .hasMessageContaining("'leverage' is not defined in the schema");
    }

    @Test
    void aConsumerAcceptsAFieldANewerProducerAddedInTheSameSchemaVersion() {
        ObjectNode entry = SamplePayloads.entry(SIGNAL);
        SamplePayloads.payloadOf(entry).put("leverage", 20);

        BusEvent received = EventValidator.decode(entry);

        assertThat(received.envelope().payload().path("leverage").asInt()).isEqualTo(20);
    }

    @Test
    void aConsumerStillRejectsAnUnknownFieldNextToABrokenKnownOne() {
        ObjectNode entry = SamplePayloads.entry(SIGNAL);
        SamplePayloads.payloadOf(entry).put("leverage", 20).put("confidence", 1.5);

        assertThatThrownBy(() -> EventValidator.decode(entry))
                .hasMessageContaining("payload.confidence")
                .hasMessageNotContaining("leverage");
    }

    @Test
    void requiresAPriceForEveryOrderTypeButMarket() {
        OrderSubmitted market = SamplePayloads.of(EventCatalog.EXECUTION_ORDER_SUBMITTED);
        OrderSubmitted stopWithoutTrigger = new OrderSubmitted(market.signalId(), market.clientOrderId(),
                market.symbol(), OrderSide.SELL, OrderPurpose.STOP_LOSS, "STOP_MARKET", market.quantity(), null, true);

        assertThat(market.price()).isNull();
        assertThatCode(() -> EventValidator.validate(SamplePayloads.busEvent(EventCatalog.EXECUTION_ORDER_SUBMITTED,
                market))).doesNotThrowAnyException();
        assertThatThrownBy(() -> EventValidator.validate(SamplePayloads.busEvent(
                EventCatalog.EXECUTION_ORDER_SUBMITTED, stopWithoutTrigger)))
                .hasMessageContaining("required property 'price' not found");
    }

    @Test
    void requiresStopTargetStrategyAndModelOnEntryFillsOnly() {
        OrderFilled entry = SamplePayloads.of(EventCatalog.EXECUTION_ORDER_FILLED);
        OrderFilled bareEntry = fill(entry, OrderPurpose.ENTRY);
        OrderFilled exit = fill(entry, OrderPurpose.TAKE_PROFIT);

        assertThatCode(() -> EventValidator.validate(SamplePayloads.busEvent(EventCatalog.EXECUTION_ORDER_FILLED,
                exit))).doesNotThrowAnyException();
        assertThatThrownBy(() -> EventValidator.validate(SamplePayloads.busEvent(
                EventCatalog.EXECUTION_ORDER_FILLED, bareEntry)))
                .hasMessageContaining("required property 'stop_price' not found")
                .hasMessageContaining("required property 'target_price' not found")
                .hasMessageContaining("required property 'strategy_id' not found")
                .hasMessageContaining("required property 'model_id' not found");
    }

    @Test
    void rejectsAnUnknownEventName() {
        ObjectNode entry = SamplePayloads.entry(SIGNAL).put("detail-type", "ai.signal.invented");

        assertThatThrownBy(() -> EventValidator.decode(entry))
                .isInstanceOf(MalformedEventException.class)
                .hasMessageContaining("unknown event name 'ai.signal.invented'");
    }

    @Test
    void rejectsAnEventFromASourceThatIsNotItsProducer() {
        ObjectNode entry = SamplePayloads.entry(SIGNAL).put("source", "quantum.portfolio");

        assertThatThrownBy(() -> EventValidator.decode(entry))
                .isInstanceOf(MalformedEventException.class)
                .hasMessageContaining("source must be quantum.ai_engine but is quantum.portfolio");
    }

    @Test
    void rejectsAnEnvelopeWhoseProducerIsNotTheEventsProducer() {
        ObjectNode entry = SamplePayloads.entry(SIGNAL);
        ((ObjectNode) entry.get("detail")).put("producer", "learning");

        assertThatThrownBy(() -> EventValidator.decode(entry))
                .hasMessageContaining("producer must be ai_engine but is learning");
    }

    @Test
    void rejectsAnUnsupportedSchemaVersion() {
        ObjectNode entry = SamplePayloads.entry(SIGNAL);
        ((ObjectNode) entry.get("detail")).put("schema_version", 2);

        assertThatThrownBy(() -> EventValidator.decode(entry))
                .hasMessageContaining("schema_version 2 is not supported (expected 1)");
    }

    @Test
    void rejectsAnEnvelopeWithoutATraceId() {
        ObjectNode entry = SamplePayloads.entry(SIGNAL);
        ((ObjectNode) entry.get("detail")).remove("trace_id");

        assertThatThrownBy(() -> EventValidator.decode(entry))
                .isInstanceOf(MalformedEventException.class)
                .hasMessageContaining("detail.trace_id is missing");
    }

    @Test
    void rejectsAnEntryWithoutDetailTypeOrDetail() {
        ObjectNode entry = SamplePayloads.entry(SIGNAL);
        entry.remove("detail-type");
        entry.remove("detail");

        assertThatThrownBy(() -> EventValidator.decode(entry))
                .isInstanceOf(MalformedEventException.class)
                .hasMessageContaining("'detail-type' is missing or not a string")
                .hasMessageContaining("'detail' is missing or not an object");
    }

    @Test
    void rejectsTextThatIsNotJson() {
        assertThatThrownBy(() -> EventValidator.decode("{\"source\": \"quantum.ai_engine\", "))
                .isInstanceOf(MalformedEventException.class)
                .hasMessageStartingWith("not valid JSON");
    }

    @Test
    void rejectsJsonThatIsNotAnObject() {
        assertThatThrownBy(() -> EventValidator.decode("[1, 2, 3]"))
                .isInstanceOf(MalformedEventException.class)
                .hasMessageContaining("an event must be a JSON object");
    }

    @Test
    void namesEveryProblemOfAPayloadAtOnce() {
        ObjectNode entry = SamplePayloads.entry(SIGNAL);
        SamplePayloads.payloadOf(entry).remove("model_id");
        SamplePayloads.payloadOf(entry).put("requested_quantity", -1);

        assertThat(EventValidator.validatePayload(SIGNAL, entry.get("detail").get("payload")))
                .hasSize(2)
                .anySatisfy(problem -> assertThat(problem).contains("model_id"))
                .anySatisfy(problem -> assertThat(problem).contains("requested_quantity"));
    }

    private static OrderFilled fill(OrderFilled template, OrderPurpose purpose) {
        return new OrderFilled(template.signalId(), template.clientOrderId(), template.symbol(),
                OrderSide.SELL, purpose, template.quantity(), template.cumulativeQuantity(), template.complete(),
                template.price(), template.expectedPrice(), template.fee(), template.feeAsset(), null, null, null,
                null, template.filledAt());
    }
}
