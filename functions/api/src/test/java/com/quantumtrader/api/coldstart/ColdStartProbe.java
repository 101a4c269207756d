package com.quantumtrader.api.coldstart;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.quantumtrader.events.BusEvent;
import com.quantumtrader.events.EventJson;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A benchmark, not a test: run in a fresh JVM (see localstack/cold-start.sh), it loads one Lambda handler class the
 * way the Lambda runtime does, hands it one EventBridge-to-Lambda event read from a file, and prints the time from
 * JVM start to the handled event. Arguments: handler class, event file (a bus event as quantum-local's
 * --events-out writes it).
 */
public final class ColdStartProbe {

    private ColdStartProbe() {
    }

    public static void main(String[] args) throws Exception {
        long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
        BusEvent event = EventJson.read(Files.readString(Path.of(args[1])), BusEvent.class);
        ObjectNode lambdaEvent = EventJson.mapper().createObjectNode();
        lambdaEvent.put("version", "0").put("id", event.eventId()).put("detail-type", event.name())
                .put("source", event.source()).put("account", "123456789012")
                .put("time", event.envelope().occurredAt().toString()).put("region", "eu-west-1");
        lambdaEvent.putArray("resources");
        lambdaEvent.set("detail", EventJson.tree(event.envelope()));
        byte[] input = EventJson.write(lambdaEvent).getBytes(StandardCharsets.UTF_8);

        RequestStreamHandler handler = (RequestStreamHandler) Class.forName(args[0]).getDeclaredConstructor().newInstance();
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(input), output, null);
        long handled = System.currentTimeMillis();
        System.out.println("COLD_START_MS " + (handled - jvmStart) + " " + args[0] + " "
                + output.toString(StandardCharsets.UTF_8));
        System.exit(0);
    }
}
