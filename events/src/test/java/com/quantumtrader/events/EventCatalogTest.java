package com.quantumtrader.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class EventCatalogTest {

    private static final PropertyNamingStrategies.NamingBase SNAKE_CASE =
            (PropertyNamingStrategies.NamingBase) PropertyNamingStrategies.SNAKE_CASE;

    static Stream<EventType<?>> catalog() {
        return EventCatalog.all().stream();
    }

    @Test
    void catalogHoldsEveryEventNameOfTheSeedAndTheDesign() {
        assertThat(EventCatalog.all()).extracting(EventType::name).containsExactlyInAnyOrder(
                "ai.signal.generated", "ai.model.degraded", "ai.strategy.changed",
                "execution.order.submitted", "execution.order.filled", "execution.order.failed",
                "execution.slippage.high", "execution.entry_mode.changed", "execution.funding.paid",
                "execution.margin.call",
                "risk.signal.approved", "risk.signal.rejected",
                "risk.circuit_breaker.activated", "safety.emergency.triggered", "safety.emergency.stop",
                "portfolio.position.opened", "portfolio.position.closed", "portfolio.sl.adjusted",
                "portfolio.performance", "portfolio.drawdown.high", "learning.drift.detected",
                "learning.model.retrained", "learning.strategy.promoted", "os.regime.changed",
                "os.self_healing.triggered", "os.universe.updated", "market.price.update", "trade.closed",
                "portfolio.metrics.reported", "portfolio.allocation.updated", "portfolio.liquidity.ranked",
                "os.operator.command", "risk.trade.stuck");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("catalog")
    void everyEventHasARecordPayloadADescriptionAProducerAndASample(EventType<?> type) {
        assertThat(type.payloadType().isRecord()).as("payload type is a record").isTrue();
        assertThat(type.description()).isNotBlank();
        assertThat(type.producer()).isNotNull();
        assertThat(type.schemaVersion()).isPositive();
        assertThat(SamplePayloads.has(type)).as("sample payload for " + type.name()).isTrue();
        assertThat(SamplePayloads.any(type)).isInstanceOf(type.payloadType());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("catalog")
    void everyEventHasADraft2020SchemaThatIsClosedAndDescribesEachField(EventType<?> type) {
        assertThat(EventCatalogTest.class.getResource(type.schemaResource()))
                .as("schema file " + type.schemaResource()).isNotNull();
        JsonNode schema = CatalogDoc.schema(type);

        assertThat(schema.path("$schema").asText()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
        assertThat(schema.path("type").asText()).isEqualTo("object");
        assertThat(schema.path("additionalProperties").isBoolean()
                && !schema.path("additionalProperties").asBoolean()).as("additionalProperties is false").isTrue();
        assertThat(schema.path("description").asText()).isNotBlank();
        schema.path("properties").fields().forEachRemaining(p -> assertThat(p.getValue().path("description")
                .asText()).as(type.name() + "." + p.getKey() + " description").isNotBlank());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("catalog")
    void schemaPropertiesAreTheRecordComponentsInSnakeCaseAndInOrder(EventType<?> type) {
        List<String> components = Arrays.stream(type.payloadType().getRecordComponents())
                .map(c -> SNAKE_CASE.translate(c.getName())).toList();

        assertThat(propertyNames(CatalogDoc.schema(type))).containsExactlyElementsOf(components);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("catalog")
    void requiredFieldsAreDeclaredProperties(EventType<?> type) {
        JsonNode schema = CatalogDoc.schema(type);
        List<String> properties = propertyNames(schema);
        List<String> required = new ArrayList<>();
        schema.path("required").forEach(r -> required.add(r.asText()));
        schema.path("then").path("required").forEach(r -> required.add(r.asText()));

        assertThat(required).isNotEmpty().doesNotHaveDuplicates();
        assertThat(properties).containsAll(required);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("catalog")
    void schemaTypesMatchTheJavaTypesOfTheRecord(EventType<?> type) {
        JsonNode properties = CatalogDoc.schema(type).path("properties");
        for (RecordComponent component : type.payloadType().getRecordComponents()) {
            JsonNode property = properties.path(SNAKE_CASE.translate(component.getName()));
            Class<?> javaType = component.getType();
            String where = type.name() + "." + component.getName();

            assertThat(property.path("type").asText()).as(where).isEqualTo(jsonType(javaType));
            if (javaType.isEnum()) {
                List<String> constants = Arrays.stream(javaType.getEnumConstants()).map(c -> ((Enum<?>) c).name())
                        .toList();
                assertThat(property.path("enum")).as(where + " enum").extracting(JsonNode::asText)
                        .containsExactlyElementsOf(constants);
            }
            if (javaType == Instant.class) {
                assertThat(property.path("format").asText()).as(where).isEqualTo("date-time");
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("catalog")
    void symbolsAreConstrainedToTheExchangeSpelling(EventType<?> type) {
        JsonNode symbol = CatalogDoc.schema(type).path("properties").path("symbol");
        if (!symbol.isMissingNode()) {
            assertThat(symbol.path("pattern").asText()).isEqualTo("^[A-Z0-9]{2,20}$");
        }
    }

    @Test
    void unknownEventNameIsRefusedWithItsName() {
        assertThatThrownBy(() -> EventCatalog.require("ai.signal.invented"))
                .isInstanceOf(MalformedEventException.class)
                .hasMessageContaining("unknown event name 'ai.signal.invented'");
        assertThat(EventCatalog.find("ai.signal.invented")).isEmpty();
    }

    private static List<String> propertyNames(JsonNode schema) {
        List<String> names = new ArrayList<>();
        schema.path("properties").fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static String jsonType(Class<?> javaType) {
        if (javaType == BigDecimal.class || javaType == double.class) {
            return "number";
        }
        if (javaType == int.class || javaType == long.class) {
            return "integer";
        }
        if (javaType == boolean.class) {
            return "boolean";
        }
        if (javaType == String.class || javaType == Instant.class || javaType.isEnum()) {
            return "string";
        }
        if (List.class.isAssignableFrom(javaType)) {
            return "array";
        }
        if (Map.class.isAssignableFrom(javaType)) {
            return "object";
        }
        throw new AssertionError("no JSON type known for " + javaType);
    }
}
