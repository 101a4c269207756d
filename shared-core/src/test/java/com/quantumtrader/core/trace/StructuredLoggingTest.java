package com.quantumtrader.core.trace;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.quantumtrader.core.lambda.TestLambdaContext;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.Appender;
import org.apache.logging.log4j.core.Layout;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.OutputStreamAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.layout.template.json.JsonTemplateLayout;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.lambda.powertools.logging.PowertoolsLogging;

/** The shipped log4j2.xml, as configured: its console layout, captured into a buffer. */
class StructuredLoggingTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String LOGGER = "com.quantumtrader.test.structured";

    private final ByteArrayOutputStream captured = new ByteArrayOutputStream();
    private Appender capture;

    @BeforeEach
    void captureWithTheConfiguredLayout() {
        LoggerContext context = (LoggerContext) LogManager.getContext(false);
        Configuration config = context.getConfiguration();
        Layout<?> layout = config.getAppender("JsonConsole").getLayout();
        capture = OutputStreamAppender.newBuilder().setName("capture").setLayout(layout).setTarget(captured).build();
        capture.start();
        config.addAppender(capture);
        LoggerConfig loggerConfig = new LoggerConfig(LOGGER, Level.DEBUG, false);
        loggerConfig.addAppender(capture, null, null);
        config.addLogger(LOGGER, loggerConfig);
        context.updateLoggers();
    }

    @AfterEach
    void removeCapture() {
        LoggerContext context = (LoggerContext) LogManager.getContext(false);
        context.getConfiguration().removeLogger(LOGGER);
        context.updateLoggers();
        capture.stop();
    }

    @Test
    void usesThePowertoolsJsonTemplate() {
        LoggerContext context = (LoggerContext) LogManager.getContext(false);

        // inside the layout that masks configured secrets
        assertThat(context.getConfiguration().getAppender("JsonConsole").getLayout())
                .isInstanceOfSatisfying(SecretMaskingLayout.class, masking ->
                        assertThat(masking.inner()).isInstanceOf(JsonTemplateLayout.class));
    }

    @Test
    void platformLevelFollowsLogLevelVariableAndLibrariesStayAtWarn() {
        Configuration config = ((LoggerContext) LogManager.getContext(false)).getConfiguration();
        Level expected = Level.toLevel(System.getenv().getOrDefault("LOG_LEVEL", "INFO"));

        assertThat(config.getRootLogger().getLevel()).isEqualTo(expected);
        assertThat(config.getLoggerConfig("io.lettuce.core.RedisClient").getLevel()).isEqualTo(Level.WARN);
        assertThat(config.getLoggerConfig("org.springframework.boot.SpringApplication").getLevel()).isEqualTo(Level.WARN);
        assertThat(config.getLoggerConfig("software.amazon.awssdk.request").getLevel()).isEqualTo(Level.WARN);
    }

    @Test
    void lineInsideTraceContextIsOneJsonObjectCarryingTraceEventAndHandler() throws Exception {
        Logger log = LoggerFactory.getLogger(LOGGER);

        try (TraceContext.Scope ignored = TraceContext.open("01JTRACE0000000000000000AA", "01JEVENT0000000000000000BB",
                "global_risk_controller")) {
            log.info("signal approved symbol={}", "BTCUSDT");
        }

        List<JsonNode> lines = lines();
        assertThat(lines).hasSize(1);
        JsonNode line = lines.get(0);
        assertThat(line.path("message").asText()).isEqualTo("signal approved symbol=BTCUSDT");
        assertThat(line.path("level").asText()).isEqualTo("INFO");
        assertThat(line.path("logger").asText()).isEqualTo(LOGGER);
        assertThat(line.path("thread").asText()).isEqualTo(Thread.currentThread().getName());
        assertThat(line.path("timestamp").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
        assertThat(line.path("trace_id").asText()).isEqualTo("01JTRACE0000000000000000AA");
        assertThat(line.path("event_id").asText()).isEqualTo("01JEVENT0000000000000000BB");
        assertThat(line.path("handler").asText()).isEqualTo("global_risk_controller");
        assertThat(line.has("error")).isFalse();
    }

    @Test
    void lineAfterTheScopeClosedCarriesNoTrace() throws Exception {
        Logger log = LoggerFactory.getLogger(LOGGER);
        try (TraceContext.Scope ignored = TraceContext.open("01JTRACE", "01JEVENT", "h")) {
            log.debug("inside");
        }

        log.warn("outside");

        List<JsonNode> lines = lines();
        assertThat(lines).extracting(l -> l.path("message").asText()).containsExactly("inside", "outside");
        assertThat(lines.get(1).has("trace_id")).isFalse();
        assertThat(lines.get(1).path("level").asText()).isEqualTo("WARN");
    }

    @Test
    void exceptionIsWrittenAsAStructuredErrorInsideTheSameLine() throws Exception {
        Logger log = LoggerFactory.getLogger(LOGGER);

        try (TraceContext.Scope ignored = TraceContext.open("01JTRACE", "01JEVENT", "signal_executor")) {
            log.error("handler failed", new IllegalStateException("exchange said no"));
        }

        List<JsonNode> lines = lines();
        assertThat(lines).hasSize(1);
        JsonNode error = lines.get(0).path("error");
        assertThat(error.path("name").asText()).isEqualTo(IllegalStateException.class.getName());
        assertThat(error.path("message").asText()).isEqualTo("exchange said no");
        assertThat(error.path("stack").asText()).contains("StructuredLoggingTest");
        assertThat(lines.get(0).path("trace_id").asText()).isEqualTo("01JTRACE");
    }

    @Test
    void outsideLambdaNoFieldIsWrittenAsNull() throws Exception {
        LoggerFactory.getLogger(LOGGER).info("local line");

        JsonNode line = lines().get(0);
        line.fields().forEachRemaining(field ->
                assertThat(field.getValue().isNull()).as("field %s is null", field.getKey()).isFalse());
        assertThat(line.has("function_name")).isFalse();
    }

    @Test
    void insideLambdaTheLineAlsoCarriesPowertoolsContextFields() throws Exception {
        Logger log = LoggerFactory.getLogger(LOGGER);

        PowertoolsLogging.withLogging(new TestLambdaContext("risk-global-risk-controller", "req-42"), () -> {
            try (TraceContext.Scope ignored = TraceContext.open("01JTRACE", "01JEVENT", "global_risk_controller")) {
                log.info("in lambda");
            }
            return null;
        });

        JsonNode line = lines().get(0);
        assertThat(line.path("function_name").asText()).isEqualTo("risk-global-risk-controller");
        assertThat(line.path("function_request_id").asText()).isEqualTo("req-42");
        assertThat(line.path("function_arn").asText()).endsWith(":function:risk-global-risk-controller");
        assertThat(line.has("cold_start")).isTrue();
        assertThat(line.path("trace_id").asText()).isEqualTo("01JTRACE");
    }

    private List<JsonNode> lines() throws Exception {
        List<JsonNode> out = new ArrayList<>();
        for (String line : captured.toString(StandardCharsets.UTF_8).split("\n")) {
            if (!line.isBlank()) {
                JsonNode node = JSON.readTree(line);
                assertThat(node.isObject()).as("each line is one JSON object: %s", line).isTrue();
                out.add(node);
            }
        }
        return out;
    }
}
