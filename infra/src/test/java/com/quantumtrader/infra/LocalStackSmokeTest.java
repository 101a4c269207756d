package com.quantumtrader.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.nio.file.Files;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResponse;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * The platform end to end on LocalStack: a signal on the bus becomes an opened position. Needs
 * {@code docker compose -f localstack/docker-compose.yml --profile execution up -d} and {@code localstack/deploy.sh};
 * runs only when {@code LOCALSTACK_ENDPOINT} names the LocalStack endpoint (e.g. http://localhost:4566).
 */
class LocalStackSmokeTest {

    static final String ENDPOINT_VARIABLE = "LOCALSTACK_ENDPOINT";
    static final String BUS = "quantum-trader-bus";
    static final String OBSERVER_QUEUE = "quantum-trader-observer";
    static final Duration PATIENCE = Duration.ofMinutes(2);
    private static final String CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void a_generated_signal_opens_a_position() throws Exception {
        String endpoint = System.getenv(ENDPOINT_VARIABLE);
        if (endpoint == null || endpoint.isBlank()) {
            String reason = ENDPOINT_VARIABLE + " is not set: no LocalStack to run against (start"
                    + " localstack/docker-compose.yml, run localstack/deploy.sh, then set " + ENDPOINT_VARIABLE
                    + "=http://localhost:4566)";
            // on the build's console too (infra's surefire does not redirect test output), not only in the report
            System.err.println("SKIPPED LocalStackSmokeTest: " + reason);
            assumeTrue(false, reason);
        }
        StaticCredentialsProvider credentials =
                StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"));
        try (EventBridgeClient events = EventBridgeClient.builder().endpointOverride(URI.create(endpoint))
                .region(Region.US_EAST_1).credentialsProvider(credentials).build();
             SqsClient sqs = SqsClient.builder().endpointOverride(URI.create(endpoint))
                     .region(Region.US_EAST_1).credentialsProvider(credentials).build()) {
            String observer = sqs.getQueueUrl(request -> request.queueName(OBSERVER_QUEUE)).queueUrl();

            // given a signal with fresh ids, so no handler skips it as a duplicate of an earlier run
            JsonNode sample = JSON.readTree(Files.readString(
                    LocalStackSampleEventsTest.EVENTS.resolve("ai.signal.generated.json")));
            ObjectNode detail = (ObjectNode) sample.get("detail").deepCopy();
            String trace = ulid();
            detail.put("event_id", ulid()).put("trace_id", trace)
                    .put("occurred_at", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
            ((ObjectNode) detail.get("payload")).put("signal_id", "sig-smoke-" + trace);

            // when it is published on the bus
            PutEventsResponse put = events.putEvents(request -> request.entries(PutEventsRequestEntry.builder()
                    .eventBusName(BUS).source(sample.get("source").asText())
                    .detailType(sample.get("detail-type").asText()).detail(detail.toString()).build()));
            assertThat(put.failedEntryCount()).isZero();

            // then the position of that trace opens
            List<String> seen = new ArrayList<>();
            Instant deadline = Instant.now().plus(PATIENCE);
            boolean opened = false;
            while (!opened && Instant.now().isBefore(deadline)) {
                for (Message message : sqs.receiveMessage(request -> request.queueUrl(observer)
                        .maxNumberOfMessages(10).waitTimeSeconds(10)).messages()) {
                    JsonNode event = JSON.readTree(message.body());
                    if (trace.equals(event.path("detail").path("trace_id").asText())) {
                        seen.add(event.path("detail-type").asText());
                        opened |= event.path("detail-type").asText().equals("portfolio.position.opened");
                    }
                }
            }
            assertThat(opened).as("portfolio.position.opened for trace %s; events of the trace seen: %s", trace, seen)
                    .isTrue();
        }
    }

    private static String ulid() {
        long millis = System.currentTimeMillis();
        StringBuilder id = new StringBuilder();
        for (int i = 9; i >= 0; i--) {
            id.append(CROCKFORD.charAt((int) ((millis >>> (5 * i)) & 31)));
        }
        SecureRandom random = new SecureRandom();
        for (int i = 0; i < 16; i++) {
            id.append(CROCKFORD.charAt(random.nextInt(32)));
        }
        return id.toString();
    }
}
