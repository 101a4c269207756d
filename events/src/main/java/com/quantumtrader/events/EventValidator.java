package com.quantumtrader.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Checks events against the contract: a known name, the producer's source, a complete envelope, and a payload
 * that satisfies the event's JSON Schema. Every problem is named in the exception's message.
 *
 * <p>Producers and consumers are checked differently, so a contract can grow without a lock-step deploy (the
 * tolerant reader): {@link #validate} is strict (a producer may publish only what its schema, closed with
 * {@code additionalProperties: false}, allows), while {@link #decode} and {@link #validateInbound}, used on
 * receipt, accept payload fields they do not know within the same {@code schema_version}. A field added by a
 * newer producer is ignored by an older consumer instead of dead-lettering every event; a missing, mistyped or
 * out-of-range known field, or another major version, is still rejected.
 */
public final class EventValidator {

    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private static final Map<String, JsonSchema> SCHEMAS = new ConcurrentHashMap<>();
    /** The keyword a closed schema reports an undeclared member under. */
    private static final String UNKNOWN_FIELD = "additionalProperties";
    private static final List<String> ENVELOPE_FIELDS =
            List.of("event_id", "trace_id", "occurred_at", "producer", "schema_version", "payload");

    private EventValidator() {
    }

    /** Decodes an EventBridge-shaped entry ({@code source}, {@code detail-type}, {@code detail}) and validates it. */
    public static BusEvent decode(String entryJson) {
        return decode(EventJson.readTree(entryJson));
    }

    public static BusEvent decode(JsonNode entry) {
        if (entry == null || !entry.isObject()) {
            throw new MalformedEventException("an event must be a JSON object");
        }
        List<String> problems = new ArrayList<>();
        for (String field : List.of("source", "detail-type")) {
            if (!entry.path(field).isTextual()) {
                problems.add("'" + field + "' is missing or not a string");
            }
        }
        JsonNode detail = entry.get("detail");
        if (detail == null || !detail.isObject()) {
            problems.add("'detail' is missing or not an object");
        } else {
            for (String field : ENVELOPE_FIELDS) {
                if (!detail.hasNonNull(field)) {
                    problems.add("detail." + field + " is missing");
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new MalformedEventException("malformed event: " + String.join("; ", problems));
        }
        BusEvent event = new BusEvent(entry.get("source").asText(), entry.get("detail-type").asText(),
                EventJson.convert(detail, EventEnvelope.class));
        validateInbound(event);
        return event;
    }

    /** Validates an event before publishing it: strict, a payload field the schema does not name is a problem. */
    public static void validate(BusEvent event) {
        check(event, true);
    }

    /** Validates a received event: as {@link #validate}, but payload fields the schema does not name are ignored. */
    public static void validateInbound(BusEvent event) {
        check(event, false);
    }

    private static void check(BusEvent event, boolean strict) {
        EventType<?> type = EventCatalog.require(event.name());
        List<String> problems = new ArrayList<>();
        if (!type.producer().source().equals(event.source())) {
            problems.add("source must be " + type.producer().source() + " but is " + event.source());
        }
        if (!type.producer().id().equals(event.envelope().producer())) {
            problems.add("producer must be " + type.producer().id() + " but is " + event.envelope().producer());
        }
        if (event.envelope().schemaVersion() != type.schemaVersion()) {
            problems.add("schema_version " + event.envelope().schemaVersion() + " is not supported (expected "
                    + type.schemaVersion() + ")");
        }
        problems.addAll(strict ? validatePayload(type, event.envelope().payload())
                : validateKnownPayloadFields(type, event.envelope().payload()));
        if (!problems.isEmpty()) {
            throw new MalformedEventException(event.name() + " " + event.eventId() + " rejected: "
                    + String.join("; ", problems));
        }
    }

    /** Schema problems of a payload, one message per problem; empty when valid. */
    public static List<String> validatePayload(EventType<?> type, JsonNode payload) {
        Set<ValidationMessage> messages = schema(type).validate(payload);
        return messages.stream().map(m -> "payload" + m.getMessage().replaceFirst("^\\$", "")).sorted().toList();
    }

    /** Schema problems of a received payload, unknown fields aside (a newer producer's additions). */
    public static List<String> validateKnownPayloadFields(EventType<?> type, JsonNode payload) {
        Set<ValidationMessage> messages = schema(type).validate(payload);
        return messages.stream().filter(m -> !UNKNOWN_FIELD.equals(m.getType()))
                .map(m -> "payload" + m.getMessage().replaceFirst("^\\$", "")).sorted().toList();
    }

    private static JsonSchema schema(EventType<?> type) {
        return SCHEMAS.computeIfAbsent(type.name(), name -> {
            try (InputStream in = EventValidator.class.getResourceAsStream(type.schemaResource())) {
                if (in == null) {
                    throw new IllegalStateException("no JSON Schema for " + name + " at " + type.schemaResource());
                }
                return FACTORY.getSchema(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
