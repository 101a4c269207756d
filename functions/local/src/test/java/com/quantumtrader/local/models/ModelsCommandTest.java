package com.quantumtrader.local.models;

import static org.assertj.core.api.Assertions.assertThat;

import com.quantumtrader.core.ml.ModelManifest;
import com.quantumtrader.core.ml.onnx.OnnxProvenance;
import com.quantumtrader.core.ml.onnx.OnnxTestModels;
import com.quantumtrader.core.ml.registry.FileModelRegistry;
import com.quantumtrader.events.EventJson;
import com.quantumtrader.local.QuantumLocal;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelsCommandTest {

    @TempDir
    Path tmp;

    private Path registry;
    private Path onnx;
    private Path sidecar;
    private StringWriter out;
    private StringWriter err;

    @BeforeEach
    void givenAnExportedModelAndItsSidecar() throws IOException {
        registry = tmp.resolve("models");
        onnx = Files.write(tmp.resolve("logit.onnx"), OnnxTestModels.onnx());
        sidecar = Files.writeString(tmp.resolve("logit.json"), EventJson.write(OnnxTestModels.sidecar()));
    }

    private int models(String... args) {
        out = new StringWriter();
        err = new StringWriter();
        String[] all = new String[args.length + 1];
        all[0] = "models";
        System.arraycopy(args, 0, all, 1, args.length);
        return QuantumLocal.execute(new PrintWriter(out, true), new PrintWriter(err, true), all);
    }

    @Test
    void importsAnOnnxModelAsTheNextVersionAndListsShowsAndPromotesIt() {
        assertThat(models("import", "--dir", registry.toString(), "--model", onnx.toString(), "--sidecar",
                sidecar.toString(), "--id", "btc-logit")).as(err.toString()).isZero();
        assertThat(out.toString()).contains("as btc-logit@1 (feature spec test-features@1, sha256 ");
        assertThat(models("import", "--dir", registry.toString(), "--model", onnx.toString(), "--sidecar",
                sidecar.toString(), "--id", "btc-logit")).isZero();

        assertThat(models("promote", "--dir", registry.toString(), "--slot", "model", "btc-logit@1")).isZero();
        assertThat(models("promote", "--dir", registry.toString(), "--slot", "model", "btc-logit@2")).isZero();
        assertThat(out.toString()).contains("btc-logit@2 is now the champion of slot 'model' (btc-logit@1 is a "
                + "challenger again)");

        assertThat(models("list", "--dir", registry.toString())).isZero();
        assertThat(out.toString()).contains("btc-logit@1", "btc-logit@2").containsPattern(
                "btc-logit@2 +onnx +test-features@1 +model");

        assertThat(models("show", "--dir", registry.toString(), "btc-logit")).isZero();
        ModelManifest shown = EventJson.read(out.toString(), ModelManifest.class);
        assertThat(shown.reference()).isEqualTo("btc-logit@2");
        assertThat(OnnxProvenance.fromJson(shown.provenance()).sidecar()).isEqualTo(OnnxTestModels.sidecar());
        assertThat(new FileModelRegistry(registry).artifact("btc-logit", 2)).hasValueSatisfying(
                bytes -> assertThat(bytes).isEqualTo(OnnxTestModels.onnx()));
    }

    @Test
    void refusesAModelWhoseInputsDoNotMatchItsSidecarAndRegistersNothing() throws IOException {
        Files.writeString(sidecar, """
                {"feature_spec": {"name": "bars-v1", "version": 1, "features": ["ret_1", "rsi_14"]},
                 "input_name": "input", "output_name": "output", "probability_index": 1}""");

        int exit = models("import", "--dir", registry.toString(), "--model", onnx.toString(), "--sidecar",
                sidecar.toString(), "--id", "btc-logit");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("models import: onnx model btc-logit@1: input 'input' has shape [-1, 4] "
                + "but feature spec bars-v1@1 has 2 features");
        assertThat(new FileModelRegistry(registry).list()).isEmpty();
    }

    @Test
    void aBadSidecarOrMissingFileIsExitTwoWithTheReason() throws IOException {
        Files.writeString(sidecar, "{\"input_name\": \"input\", \"output_name\": \"output\", \"probability_index\": 1}");

        assertThat(models("import", "--dir", registry.toString(), "--model", onnx.toString(), "--sidecar",
                sidecar.toString(), "--id", "x")).isEqualTo(2);
        assertThat(err.toString()).contains("sidecar " + sidecar + " is not valid").contains("sidecar needs feature_spec");

        assertThat(models("import", "--dir", registry.toString(), "--model", tmp.resolve("nope.onnx").toString(),
                "--sidecar", sidecar.toString(), "--id", "x")).isEqualTo(2);
        assertThat(err.toString()).contains("no such file: " + tmp.resolve("nope.onnx"));
    }

    @Test
    void unknownModelsAndBadArgumentsAreExitTwo() {
        assertThat(models("show", "--dir", registry.toString(), "ghost")).isEqualTo(2);
        assertThat(err.toString()).contains("no model with id 'ghost'");

        assertThat(models("promote", "--dir", registry.toString(), "--slot", "model", "ghost@1")).isEqualTo(2);
        assertThat(err.toString()).contains("cannot promote ghost@1 to champion of slot 'model'");

        assertThat(models("promote", "--dir", registry.toString(), "--slot", "model", "ghost")).isEqualTo(2);
        assertThat(err.toString()).contains("model reference must be id@version");

        assertThat(models("promote", "--dir", registry.toString(), "ghost@1")).isEqualTo(2);
        assertThat(err.toString()).contains("Missing required option: '--slot=SLOT'");

        assertThat(models("list", "--dir", registry.toString())).isZero();
        assertThat(out.toString()).contains("no models in " + registry);
    }
}
