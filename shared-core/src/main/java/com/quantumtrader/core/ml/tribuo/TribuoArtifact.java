package com.quantumtrader.core.ml.tribuo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.quantumtrader.core.ml.calibration.Calibrator;
import com.quantumtrader.core.ml.calibration.IsotonicCalibration;
import com.quantumtrader.core.ml.calibration.PlattScaling;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.tribuo.Model;
import org.tribuo.classification.Label;

/**
 * The bytes of a model trained here ({@code kind = "tribuo"}):
 * <pre>
 *   8 bytes   ASCII magic "QTTRIB01"
 *   4 bytes   big-endian length H, then H bytes of UTF-8 JSON:
 *             {"format":1, "features":[names in input order], "positive_label":"1",
 *              "standardizer":{"mean":[...],"std":[...]},
 *              "calibration":{"kind":"platt","a":..,"b":..} | {"kind":"isotonic","knots":[..],"values":[..]}
 *                           | {"kind":"none"}}
 *   4 bytes   big-endian length M, then M bytes: the Tribuo model in Tribuo's own protobuf serialization
 *             ({@link Model#serializeToStream}, read back with {@link Model#deserializeFromStream})
 * </pre>
 * Doubles are written in Java's shortest round-tripping decimal form, so the parameters read back bit-for-bit.
 */
public record TribuoArtifact(List<String> features, Standardizer standardizer, Calibrator calibrator,
                             Model<Label> model) {

    static final String MAGIC = "QTTRIB01";
    static final String POSITIVE = "1";
    static final String NEGATIVE = "0";
    private static final ObjectMapper JSON = new ObjectMapper();

    public TribuoArtifact {
        features = List.copyOf(features);
    }

    public byte[] toBytes() {
        try {
            ByteArrayOutputStream modelBytes = new ByteArrayOutputStream();
            model.serializeToStream(modelBytes);
            byte[] header = JSON.writeValueAsBytes(header());
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            DataOutputStream data = new DataOutputStream(out);
            data.write(MAGIC.getBytes(StandardCharsets.US_ASCII));
            data.writeInt(header.length);
            data.write(header);
            data.writeInt(modelBytes.size());
            data.write(modelBytes.toByteArray());
            data.flush();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serialize the Tribuo model", e);
        }
    }

    private ObjectNode header() {
        ObjectNode h = JSON.createObjectNode();
        h.put("format", 1);
        ArrayNode names = h.putArray("features");
        features.forEach(names::add);
        h.put("positive_label", POSITIVE);
        ObjectNode s = h.putObject("standardizer");
        doubles(s.putArray("mean"), standardizer.mean());
        doubles(s.putArray("std"), standardizer.std());
        ObjectNode c = h.putObject("calibration");
        c.put("kind", calibrator.kind());
        if (calibrator instanceof PlattScaling platt) {
            c.put("a", platt.a());
            c.put("b", platt.b());
        } else if (calibrator instanceof IsotonicCalibration iso) {
            doubles(c.putArray("knots"), iso.knots());
            doubles(c.putArray("values"), iso.values());
        }
        return h;
    }

    /**
     * Reads an artifact written by {@link #toBytes()}.
     *
     * @throws IllegalArgumentException when the bytes are not such an artifact, naming what is wrong
     */
    @SuppressWarnings("unchecked")
    public static TribuoArtifact fromBytes(byte[] bytes) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            byte[] magic = new byte[MAGIC.length()];
            in.readFully(magic);
            if (!MAGIC.equals(new String(magic, StandardCharsets.US_ASCII))) {
                throw new IllegalArgumentException("not a Tribuo model artifact (magic " + MAGIC + " missing)");
            }
            JsonNode h = JSON.readTree(section(in, bytes.length, "header"));
            if (h.path("format").asInt() != 1) {
                throw new IllegalArgumentException("unsupported Tribuo artifact format " + h.path("format"));
            }
            List<String> names = new ArrayList<>();
            h.path("features").forEach(n -> names.add(n.asText()));
            Standardizer standardizer = new Standardizer(doubles(h.path("standardizer").path("mean")),
                    doubles(h.path("standardizer").path("std")));
            Calibrator calibrator = calibrator(h.path("calibration"));
            Model<?> model = Model.deserializeFromStream(new ByteArrayInputStream(section(in, bytes.length, "model")));
            if (!(model.getOutputIDInfo().getDomain().iterator().next() instanceof Label)) {
                throw new IllegalArgumentException("the Tribuo model is not a classifier");
            }
            return new TribuoArtifact(names, standardizer, calibrator, (Model<Label>) model);
        } catch (IOException | RuntimeException e) {
            if (e instanceof IllegalArgumentException iae) {
                throw iae;
            }
            throw new IllegalArgumentException("corrupt Tribuo model artifact: " + e.getMessage(), e);
        }
    }

    private static byte[] section(DataInputStream in, int total, String name) throws IOException {
        int length = in.readInt();
        if (length < 0 || length > total) {
            throw new IllegalArgumentException("corrupt Tribuo model artifact: " + name + " length " + length);
        }
        byte[] section = new byte[length];
        in.readFully(section);
        return section;
    }

    private static Calibrator calibrator(JsonNode c) {
        return switch (c.path("kind").asText()) {
            case "platt" -> new PlattScaling(c.path("a").asDouble(), c.path("b").asDouble());
            case "isotonic" -> new IsotonicCalibration(doubles(c.path("knots")), doubles(c.path("values")));
            case "none" -> new Calibrator.Identity();
            default -> throw new IllegalArgumentException("unknown calibration kind " + c.path("kind"));
        };
    }

    private static void doubles(ArrayNode array, double[] values) {
        Arrays.stream(values).forEach(array::add);
    }

    private static double[] doubles(JsonNode array) {
        double[] values = new double[array.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = array.get(i).asDouble();
        }
        return values;
    }
}
