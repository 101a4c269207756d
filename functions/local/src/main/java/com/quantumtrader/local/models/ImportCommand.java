package com.quantumtrader.local.models;

import com.quantumtrader.core.ml.ModelManifest;
import com.quantumtrader.core.ml.onnx.OnnxProbabilityModel;
import com.quantumtrader.core.ml.onnx.OnnxProvenance;
import com.quantumtrader.core.ml.onnx.OnnxSidecar;
import com.quantumtrader.core.ml.registry.ModelReference;
import com.quantumtrader.events.EventJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code models import}: registers an ONNX model trained elsewhere, checked against its sidecar at load first. */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"Registers an ONNX model trained elsewhere as the next version of ID. The sidecar JSON declares "
                + "its feature spec, input and output: {\"feature_spec\": {\"name\": \"bars-v1\", \"version\": 1, "
                + "\"features\": [...]}, \"input_name\": \"input\", \"output_name\": \"output\", "
                + "\"probability_index\": 1}. The model is loaded with ONNX Runtime first; one whose inputs or "
                + "outputs do not match the sidecar is refused (exit 2) and nothing is registered."})
final class ImportCommand extends RegistryCommand {

    @CommandLine.Option(names = "--model", required = true, paramLabel = "FILE", description = "The .onnx file.")
    private Path model;

    @CommandLine.Option(names = "--sidecar", required = true, paramLabel = "FILE", description = "Its sidecar JSON.")
    private Path sidecarFile;

    @CommandLine.Option(names = "--id", required = true, paramLabel = "ID", description = "Model id, e.g. btc-lgbm.")
    private String id;

    @Override
    int run(ModelRegistryView registry) throws IOException {
        ModelReference.requireSafeId(id);
        byte[] onnx = read(model);
        OnnxSidecar sidecar = readSidecar();
        int version = registry.registry().list().stream().filter(m -> m.id().equals(id))
                .mapToInt(ModelManifest::version).max().orElse(0) + 1;
        String sha256 = sha256(onnx);
        ModelManifest manifest = new ModelManifest(id, version, "onnx", sidecar.featureSpec(), null, null, null,
                null, Map.of(), Map.of(),
                new OnnxProvenance(model.getFileName().toString(), sha256, sidecar).toJson());
        try (OnnxProbabilityModel loaded = OnnxProbabilityModel.load(manifest, onnx, sidecar)) {
            registry.registry().register(loaded.manifest(), onnx);
        }
        out().println("imported " + model + " as " + manifest.reference() + " (feature spec "
                + sidecar.featureSpec().id() + ", sha256 " + sha256 + ")");
        return EXIT_OK;
    }

    private OnnxSidecar readSidecar() throws IOException {
        String json = new String(read(sidecarFile), java.nio.charset.StandardCharsets.UTF_8);
        try {
            return EventJson.read(json, OnnxSidecar.class);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("sidecar " + sidecarFile + " is not valid: " + reason(e), e);
        }
    }

    private static byte[] read(Path file) throws IOException {
        try {
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("no such file: " + file, e);
        }
    }

    private static String reason(Throwable e) {
        Throwable cause = e;
        while (cause != null && !(cause instanceof com.fasterxml.jackson.databind.JsonMappingException)) {
            cause = cause.getCause();
        }
        if (cause instanceof com.fasterxml.jackson.databind.JsonMappingException mapping) {
            return mapping.getOriginalMessage().lines().findFirst().orElse("") + " (at "
                    + mapping.getPathReference() + ")";
        }
        return e.getMessage();
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
