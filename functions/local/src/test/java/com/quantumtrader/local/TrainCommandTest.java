package com.quantumtrader.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.quantumtrader.core.ml.ModelManifest;
import com.quantumtrader.core.ml.tribuo.TribuoProbabilityModel;
import com.quantumtrader.events.EventJson;
import com.quantumtrader.events.market.MarketPriceUpdate;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class TrainCommandTest {

    @TempDir
    Path dir;

    private record Run(int exit, String out, String err) {
    }

    private Run train(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine command = QuantumLocal.commandLine();
        command.setOut(new PrintWriter(out)).setErr(new PrintWriter(err));
        int exit = command.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    /** 2000 synthetic hours per symbol from 2025-01-01; train on the first ~1500, validate on the rest. */
    private String data() {
        List<List<MarketPriceUpdate>> series = KlineCsvFixture.series(7, List.of("BTCUSDT", "ETHUSDT"), 2000);
        Path btc = KlineCsvFixture.write(dir, "BTCUSDT-1h-2025.csv", series.get(0), true);
        Path eth = KlineCsvFixture.write(dir, "ETHUSDT-1h-2025.csv", series.get(1), true);
        return btc + "," + eth;
    }

    private Path spec(String extra) throws Exception {
        Path spec = dir.resolve("spec-" + extra.hashCode() + ".json");
        Files.writeString(spec, "{\"model_id\":\"t-long\",\"label\":{\"direction\":\"long\",\"horizon_bars\":6,"
                + "\"atr_multiple\":1.0,\"atr_period\":14,\"cost_bps\":12},\"trainer\":{\"algorithm\":\"logistic\"},"
                + "\"folds\":3,\"embargo_bars\":12,\"train_from\":\"2025-01-01\",\"train_to\":\"2025-03-05\","
                + "\"validate_from\":\"2025-03-05\",\"validate_to\":\"2025-03-24\",\"seed\":7" + extra + "}");
        return spec;
    }

    @Test
    void writesAServableModelVersionAndTheSameReportOnEveryRun() throws Exception {
        String data = data();
        Path spec = spec("");

        Run first = train("train", "--data", data, "--spec", spec.toString(), "--out", dir.resolve("a").toString());
        Run second = train("train", "--data", data, "--spec", spec.toString(), "--out", dir.resolve("b").toString());

        assertThat(first.exit()).as(first.err()).isZero();
        assertThat(second.exit()).isZero();
        Path version = dir.resolve("a/t-long/1");
        assertThat(version.resolve("report.html")).content().contains("<svg").contains("Walk-forward folds");
        assertThat(Files.readString(dir.resolve("b/t-long/1/report.json")))
                .isEqualTo(Files.readString(version.resolve("report.json")));
        JsonNode report = EventJson.mapper().readTree(version.resolve("report.json").toFile());
        assertThat(report.path("folds")).hasSize(3);
        assertThat(report.path("validation").path("auc").isNumber()).isTrue();
        assertThat(report.path("trading_validation").findValuesAsText("strategy"))
                .contains("model t-long@1 (real backtest, model_driven)", "no trade", "buy and hold",
                        "trend rule (real backtest, shipped policy)");
        // the model row is the platform's backtest serving this version, with its own report
        assertThat(version.resolve("model-backtest/report.json")).exists();
        assertThat(Files.readString(dir.resolve("b/t-long/1/model-backtest/report.json")))
                .isEqualTo(Files.readString(version.resolve("model-backtest/report.json")));
        ModelManifest manifest = EventJson.mapper().readValue(version.resolve("manifest.json").toFile(),
                ModelManifest.class);
        assertThat(manifest.reference()).isEqualTo("t-long@1");
        assertThat(manifest.metrics()).containsKeys("auc", "brier", "log_loss");
        TribuoProbabilityModel model = new TribuoProbabilityModel(manifest,
                Files.readAllBytes(version.resolve("artifact.bin")));
        assertThat(model.probability(new double[manifest.featureSpec().features().size()])).isBetween(0.0, 1.0);

        Run third = train("train", "--data", data, "--spec", spec.toString(), "--out", dir.resolve("a").toString());
        assertThat(third.exit()).isZero();
        assertThat(dir.resolve("a/t-long/2/manifest.json")).exists(); // a new version, never an overwrite
    }

    @Test
    void badArgumentsExitWithTwoNamingEachProblem() throws Exception {
        Path badSpec = spec(",\"folds\":0,\"calibration\":\"beta\",\"label\":{\"direction\":\"up\"}");

        Run missing = train("train", "--data", dir.resolve("nope.csv").toString(), "--spec",
                dir.resolve("nope.json").toString(), "--out", dir.resolve("m").toString());
        Run invalid = train("train", "--data", data(), "--spec", badSpec.toString(), "--out",
                dir.resolve("m").toString());
        Run noSpec = train("train", "--data", "x.csv");

        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.err()).contains("--data " + dir.resolve("nope.csv") + ": no such file")
                .contains("--spec " + dir.resolve("nope.json") + ": no such file");
        assertThat(invalid.exit()).isEqualTo(2);
        assertThat(invalid.err()).contains("folds must be 1 to 50").contains("calibration 'beta'")
                .contains("label.direction");
        assertThat(noSpec.exit()).isEqualTo(2);
        assertThat(noSpec.err()).contains("--spec").contains("--out");
        assertThat(dir.resolve("m")).doesNotExist();
    }
}
