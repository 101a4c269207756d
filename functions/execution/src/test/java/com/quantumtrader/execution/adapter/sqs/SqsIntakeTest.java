package com.quantumtrader.execution.adapter.sqs;

import com.quantumtrader.events.market.PriceBars;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.quantumtrader.core.bus.EventConsumer;
import com.quantumtrader.core.handler.DomainServices;
import com.quantumtrader.core.handler.EventFactory;
import com.quantumtrader.core.handler.HandlerOutcome;
import com.quantumtrader.core.idempotency.InMemoryIdempotencyStore;
import com.quantumtrader.core.ids.EventIds;
import com.quantumtrader.core.policy.PolicyDefaults;
import com.quantumtrader.core.state.InMemoryKeyValueStore;
import com.quantumtrader.core.time.SimulatedClock;
import com.quantumtrader.events.BusEvent;
import com.quantumtrader.events.EventCatalog;
import com.quantumtrader.events.EventJson;
import com.quantumtrader.events.Side;
import com.quantumtrader.events.market.MarketPriceUpdate;
import com.quantumtrader.events.risk.SignalApproved;
import com.quantumtrader.execution.ExecutionDomain;
import com.quantumtrader.execution.exchange.SimulatedExchangeSettings;
import com.quantumtrader.execution.intake.ExecutionCommands;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The SQS intake against a local server that speaks the protocol the SDK uses (AWS JSON 1.0: {@code POST /} with
 * {@code X-Amz-Target: AmazonSQS.<Operation>}), carrying EventBridge events as the rule's SQS target delivers them.
 */
class SqsIntakeTest {

    private static final String JSON_1_0 = "application/x-amz-json-1.0";
    private static final WireMockServer server = new WireMockServer(options().dynamicPort());
    private static final Instant NOW = Instant.parse("2025-01-06T12:00:00Z");

    private String queueUrl;
    private SqsClient sqs;
    private final SimulatedClock clock = new SimulatedClock(NOW);
    private final EventFactory events = new EventFactory(clock, new EventIds(clock, new SplittableRandom(7)));
    private final List<BusEvent> published = new CopyOnWriteArrayList<>();
    private ExecutionCommands commands;

    @BeforeAll
    static void startServer() {
        server.start();
    }

    @AfterAll
    static void stopServer() {
        server.stop();
    }

    @BeforeEach
    void reset() {
        server.resetAll();
        queueUrl = server.baseUrl() + "/000000000000/execution-commands";
        sqs = SqsClient.builder()
                .endpointOverride(URI.create(server.baseUrl()))
                .region(Region.EU_WEST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDTEST", "secret")))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
        DomainServices services = new DomainServices(clock, new InMemoryKeyValueStore(), PolicyDefaults::load);
        ExecutionDomain domain = ExecutionDomain.paper(SimulatedExchangeSettings.defaults());
        commands = new ExecutionCommands(domain.handlers(services), new InMemoryIdempotencyStore(), events,
                published::add);
        // the simulated exchange knows a BTCUSDT price, so an approved signal becomes an order
        domain.marketDataFeed(services).onBar(PriceBars.bar("BTCUSDT", "1h", NOW.minus(Duration.ofHours(1)), NOW,
                new BigDecimal("61000"), new BigDecimal("61300"), new BigDecimal("60900"), new BigDecimal("61200"),
                new BigDecimal("12.5")));
        stub("DeleteMessageBatch", "{\"Successful\":[{\"Id\":\"0\"},{\"Id\":\"1\"}],\"Failed\":[]}");
        stub("ChangeMessageVisibility", "{}");
    }

    @Test
    void anApprovedSignalIsHandledByTheExecutionHandlersAndThenDeleted() {
        // given a queue holding one approved signal, as EventBridge delivers it
        receiveReturns(message("m-1", "rh-1", eventBridgeBody(approval("SIG-SQS-1"))));

        // when the intake polls once
        intake(settings()).pollOnce(commands);

        // then the signal executor placed the order, and the message was deleted with its receipt handle
        assertThat(published).extracting(BusEvent::name).contains("execution.order.submitted");
        server.verify(1, operation("DeleteMessageBatch")
                .withRequestBody(matchingJsonPath("$.QueueUrl", equalTo(queueUrl)))
                .withRequestBody(matchingJsonPath("$.Entries[0].ReceiptHandle", equalTo("rh-1"))));
    }

    @Test
    void theReceiveIsALongPollForAFullBatchWithTheReceiveCount() {
        // given an empty queue
        receiveReturns();

        // when the intake polls with the default settings
        intake(SqsIntakeSettings.defaults(queueUrl)).pollOnce(commands);

        // then it asked for up to 10 messages, waiting up to 20 s, with their receive count, and deleted nothing
        server.verify(1, operation("ReceiveMessage")
                .withHeader("Content-Type", equalTo(JSON_1_0))
                .withRequestBody(equalToJson("{\"QueueUrl\":\"" + queueUrl + "\",\"MaxNumberOfMessages\":10,"
                        + "\"WaitTimeSeconds\":20,\"VisibilityTimeout\":30,"
                        + "\"MessageSystemAttributeNames\":[\"ApproximateReceiveCount\"]}", true, false)));
        server.verify(0, operation("DeleteMessageBatch"));
    }

    @Test
    void aFailedMessageIsNotDeletedSoThatTheQueueRedeliversIt() {
        // given a batch of two messages of which the handler fails the first
        BusEvent failing = approval("SIG-FAIL");
        BusEvent fine = approval("SIG-FINE");
        receiveReturns(message("m-1", "rh-fail", eventBridgeBody(failing)),
                message("m-2", "rh-fine", eventBridgeBody(fine)));
        EventConsumer consumer = event -> event.eventId().equals(failing.eventId())
                ? HandlerOutcome.failed("exchange unavailable") : commands.accept(event);

        // when the intake polls
        intake(settings()).pollOnce(consumer);

        // then only the handled one is deleted
        List<LoggedRequest> deletes = server.findAll(operation("DeleteMessageBatch"));
        assertThat(deletes).hasSize(1);
        String body = deletes.get(0).getBodyAsString();
        assertThat(body).contains("rh-fine").doesNotContain("rh-fail");
    }

    @Test
    void aMalformedMessageIsLeftForTheRedrivePolicyAndNeverHandled() {
        // given a message that is not an event of the contract, and one whose payload breaks its schema
        ObjectNode broken = (ObjectNode) EventJson.readTree(eventBridgeBody(approval("SIG-BAD")));
        ((ObjectNode) broken.get("detail").get("payload")).remove("symbol");
        receiveReturns(message("m-1", "rh-junk", "{\"hello\":\"world\"}"),
                message("m-2", "rh-schema", broken.toString()));
        List<BusEvent> seen = new ArrayList<>();

        // when the intake polls
        intake(settings()).pollOnce(event -> {
            seen.add(event);
            return commands.accept(event);
        });

        // then neither reached a handler nor was deleted: after maxReceiveCount the queue moves them to the DLQ
        assertThat(seen).isEmpty();
        assertThat(published).isEmpty();
        server.verify(0, operation("DeleteMessageBatch"));
    }

    @Test
    void anEventNoExecutionHandlerTakesIsRejectedAndNotDeleted() {
        // given a valid catalog event that no execution route selects, sent to the queue by a misconfigured rule
        BusEvent priceUpdate = events.create(EventCatalog.MARKET_PRICE_UPDATE, new MarketPriceUpdate("BTCUSDT", "1h",
                NOW.minus(Duration.ofHours(1)), NOW, new BigDecimal("61000"), new BigDecimal("61300"),
                new BigDecimal("60900"), new BigDecimal("61200"), new BigDecimal("12.5"), MarketPriceUpdate.BAR_CLOSE),
                "T-1");
        receiveReturns(message("m-1", "rh-1", eventBridgeBody(priceUpdate)));

        // when the intake polls
        intake(settings()).pollOnce(commands);

        // then no handler ran and it is not deleted
        assertThat(published).isEmpty();
        server.verify(0, operation("DeleteMessageBatch"));
    }

    @Test
    void slowWorkHasItsVisibilityExtendedUntilItEnds() {
        // given a message whose handling lasts until the queue has seen a visibility extension
        receiveReturns(message("m-1", "rh-slow", eventBridgeBody(approval("SIG-SLOW"))));
        SqsIntake intake = intake(settings().withHeartbeat(Duration.ofMillis(50)));

        // when the intake polls and the work waits for the heartbeat
        intake.pollOnce(event -> {
            awaitRequest(operation("ChangeMessageVisibility"));
            return commands.accept(event);
        });

        // then the lease was renewed to the full timeout with the message's receipt handle, then it was deleted
        server.verify(operation("ChangeMessageVisibility")
                .withRequestBody(equalToJson("{\"QueueUrl\":\"" + queueUrl + "\",\"ReceiptHandle\":\"rh-slow\","
                        + "\"VisibilityTimeout\":30}")));
        server.verify(1, operation("DeleteMessageBatch"));
    }

    @Test
    void quickWorkIsNotExtended() {
        // given a message handled well within the heartbeat
        receiveReturns(message("m-1", "rh-1", eventBridgeBody(approval("SIG-QUICK"))));

        // when the intake polls
        intake(settings()).pollOnce(commands);

        // then no visibility change was needed
        server.verify(0, operation("ChangeMessageVisibility"));
    }

    @Test
    void theRunningIntakeDeletesWhatItHandledAndStopsCleanly() {
        // given a queue that holds one message, then nothing
        receiveReturns(message("m-1", "rh-1", eventBridgeBody(approval("SIG-LOOP"))));
        SqsIntake intake = intake(settings());

        // when the intake runs until the message is deleted, then stops
        intake.start(commands);
        awaitRequest(operation("DeleteMessageBatch"));
        intake.stop();

        // then the order was placed once
        assertThat(published).extracting(BusEvent::name).containsOnlyOnce("execution.order.submitted");
        assertThat(intake.describe()).isEqualTo("sqs " + queueUrl);
    }

    @Test
    void settingsOutsideSqsLimitsAreRefused() {
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                .isThrownBy(() -> SqsIntakeSettings.defaults(queueUrl).withWaitTime(Duration.ofSeconds(21)))
                .withMessageContaining("waitTime");
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                .isThrownBy(() -> new SqsIntakeSettings(queueUrl, Duration.ofSeconds(20), 11, Duration.ofSeconds(30),
                        Duration.ofSeconds(10)))
                .withMessageContaining("maxMessages");
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                .isThrownBy(() -> SqsIntakeSettings.defaults(queueUrl).withHeartbeat(Duration.ofSeconds(30)))
                .withMessageContaining("heartbeat");
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                .isThrownBy(() -> SqsIntakeSettings.fromEnvironment(java.util.Map.of()))
                .withMessageContaining("EXECUTION_QUEUE_URL");
        assertThat(SqsIntakeSettings.fromEnvironment(java.util.Map.of("EXECUTION_QUEUE_URL", queueUrl,
                "EXECUTION_QUEUE_WAIT_SECONDS", "5")).waitTime()).isEqualTo(Duration.ofSeconds(5));
    }

    private SqsIntakeSettings settings() {
        return SqsIntakeSettings.defaults(queueUrl).withWaitTime(Duration.ofSeconds(1));
    }

    private SqsIntake intake(SqsIntakeSettings settings) {
        return new SqsIntake(sqs, settings);
    }

    private BusEvent approval(String signalId) {
        return events.create(EventCatalog.RISK_SIGNAL_APPROVED, new SignalApproved(signalId, "BTCUSDT", Side.LONG,
                new BigDecimal("0.010"), new BigDecimal("61200.0"), new BigDecimal("60000.0"),
                new BigDecimal("63000.0"), "ma_crossover", "ma-crossover-v1"), "TRACE-" + signalId);
    }

    /** The event as an EventBridge rule's SQS target delivers it: the EventBridge event, detail = the envelope. */
    private static String eventBridgeBody(BusEvent event) {
        ObjectNode body = EventJson.mapper().createObjectNode();
        body.put("version", "0");
        body.put("id", "6a7e8feb-b491-4cf7-a9f1-bf3703467718");
        body.put("detail-type", event.name());
        body.put("source", event.source());
        body.put("account", "111122223333");
        body.put("time", "2025-01-06T12:00:00Z");
        body.put("region", "eu-west-1");
        body.putArray("resources");
        body.set("detail", EventJson.tree(event.envelope()));
        return body.toString();
    }

    private static ObjectNode message(String id, String receiptHandle, String body) {
        ObjectNode message = EventJson.mapper().createObjectNode();
        message.put("MessageId", id);
        message.put("ReceiptHandle", receiptHandle);
        message.put("MD5OfBody", md5(body));
        message.put("Body", body);
        message.putObject("Attributes").put("ApproximateReceiveCount", "1");
        return message;
    }

    /** The first receive returns the messages, every later one an empty queue. */
    private void receiveReturns(ObjectNode... messages) {
        ObjectNode response = EventJson.mapper().createObjectNode();
        ArrayNode list = response.putArray("Messages");
        for (ObjectNode message : messages) {
            list.add(message);
        }
        server.stubFor(sqsCall("ReceiveMessage").inScenario("queue").whenScenarioStateIs("Started")
                .willReturn(json(response.toString())).willSetStateTo("drained"));
        server.stubFor(sqsCall("ReceiveMessage").inScenario("queue").whenScenarioStateIs("drained")
                .willReturn(json("{\"Messages\":[]}").withFixedDelay(100)));
    }

    private void stub(String operation, String response) {
        server.stubFor(sqsCall(operation).willReturn(json(response)));
    }

    private static MappingBuilder sqsCall(String operation) {
        return post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo("AmazonSQS." + operation));
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", JSON_1_0).withBody(body);
    }

    private static RequestPatternBuilder operation(String operation) {
        return postRequestedFor(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo("AmazonSQS." + operation));
    }

    /** Waits for a request the code under test makes on another thread; fails after a generous bound. */
    private static void awaitRequest(RequestPatternBuilder request) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (server.findAll(request).isEmpty()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the server never received " + request.build());
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    private static String md5(String body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(body.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
