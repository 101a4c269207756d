package com.quantumtrader.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.quantumtrader.core.ml.LabelSpec;
import com.quantumtrader.core.ml.MlFixtures;
import com.quantumtrader.core.ml.ModelManifest;
import com.quantumtrader.core.ml.calibration.PlattScaling;
import com.quantumtrader.core.ml.features.BarsV1;
import com.quantumtrader.core.ml.features.FeatureBar;
import com.quantumtrader.core.ml.labels.Direction;
import com.quantumtrader.core.ml.labels.Labeler;
import com.quantumtrader.core.ml.registry.FileModelRegistry;
import com.quantumtrader.core.ml.training.DatasetBuilder;
import com.quantumtrader.core.ml.training.LabelledRow;
import com.quantumtrader.core.ml.tribuo.TribuoArtifact;
import com.quantumtrader.core.ml.tribuo.TribuoProbabilityModel;
import com.quantumtrader.core.ml.tribuo.TribuoTrainer;
import com.quantumtrader.core.policy.PolicyDefaults;
import com.quantumtrader.events.EventJson;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code --models DIR}: a model trained here with Tribuo, in a file registry (also the champion of the model_driven
 * slot), is served by the AI engine of a backtest whose strategy plan runs model_driven on BTCUSDT: its signals carry the model's
 * version and go through risk and execution like any other. A directory that is not a registry is exit 2 naming it.
 */
class ModelDrivenBacktestTest {

    private static final LabelSpec LABEL = new LabelSpec(6, 1.0, 14, 10);

    @TempDir
    static Path dir;
    static Path models;
    static List<Path> data;

    @BeforeAll
    static void trainAModelIntoAFileRegistry() throws IOException {
        List<FeatureBar> bars = MlFixtures.hourlyBars("BTCUSDT", 1500, 0.3, 21);
        List<LabelledRow> rows = DatasetBuilder.build(Map.of("BTCUSDT", bars), new Labeler(LABEL, Direction.LONG));
        TribuoTrainer.Fitted fitted = new TribuoTrainer("logistic", Map.of(), 1).fit(BarsV1.SPEC.features(),
                rows.stream().map(LabelledRow::features).toList(), rows.stream().map(LabelledRow::label).toList(),
                MlFixtures.START);
        // a calibration that puts most scores above model_driven's default threshold, so the short run trades
        TribuoArtifact artifact = new TribuoArtifact(BarsV1.SPEC.features(), fitted.standardizer(),
                new PlattScaling(-4, 0), fitted.model());
        ModelManifest manifest = new ModelManifest("btc-long", 3, TribuoProbabilityModel.KIND, BarsV1.SPEC, LABEL,
                MlFixtures.START, MlFixtures.START, "00", Map.of("direction", "long"), Map.of(), "{}");
        models = dir.resolve("models");
        FileModelRegistry registry = new FileModelRegistry(models);
        registry.register(manifest, artifact.toBytes());
        registry.promote("model_driven", "btc-long", 3);
        data = KlineCsvFixture.writeSeries(Files.createDirectories(dir.resolve("data")), 5L, List.of("BTCUSDT"), 400);
    }

    /** The shipped policy whose strategy plan runs model_driven on BTCUSDT, serving {@code model}. */
    private static Path modelDrivenPolicy(String model) throws IOException {
        ObjectNode policy = (ObjectNode) EventJson.tree(PolicyDefaults.load());
        policy.putObject("strategies").put("model_driven", true);
        policy.putArray("universe").add("BTCUSDT");
        ObjectNode plan = policy.putObject("strategy_plan");
        plan.putArray("default");
        plan.putObject("symbols").putArray("BTCUSDT").addObject().put("strategy", "model_driven")
                .putObject("parameters").put("model", model);
        return Files.writeString(dir.resolve("policy.json"), policy.toPrettyString());
    }

    private record Result(int exit, String out, String err) {
    }

    private static Result backtest(String... extra) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine command = QuantumLocal.commandLine();
        command.setOut(new PrintWriter(out));
        command.setErr(new PrintWriter(err));
        List<String> args = new ArrayList<>(List.of("backtest", "--data",
                data.stream().map(Path::toString).collect(Collectors.joining(","))));
        args.addAll(List.of(extra));
        int exit = command.execute(args.toArray(String[]::new));
        return new Result(exit, out.toString(), err.toString());
    }

    @Test
    void aTrainedChampionInModelsDirDrivesTheBacktestsSignalsThroughRiskAndExecution() throws IOException {
        // given a file registry holding btc-long@3, and a policy whose plan runs model_driven on it for BTCUSDT
        Path events = dir.resolve("events.jsonl");

        // when a backtest runs with --models
        Result result = backtest("--models", models.toString(), "--policy", modelDrivenPolicy("btc-long@3").toString(),
                "--events-out", events.toString());

        // then every signal is the model's, with its probability as confidence, and risk approves and execution fills
        assertThat(result.exit()).as(result.err()).isZero();
        List<JsonNode> emitted = Files.readAllLines(events).stream().map(EventJson::readTree).toList();
        List<JsonNode> signals = emitted.stream()
                .filter(e -> e.get("detail-type").asText().equals("ai.signal.generated"))
                .map(e -> e.at("/detail/payload")).toList();
        assertThat(signals).isNotEmpty().allSatisfy(s -> {
            assertThat(s.get("strategy_id").asText()).isEqualTo("model_driven");
            assertThat(s.get("model_id").asText()).isEqualTo("btc-long@3");
            assertThat(s.get("side").asText()).isEqualTo("LONG");
            assertThat(s.get("confidence").asDouble()).isBetween(0.55, 1.0);
        });
        assertThat(emitted).anySatisfy(e -> assertThat(e.get("detail-type").asText())
                .isEqualTo("risk.signal.approved"));
        assertThat(emitted).anySatisfy(e -> assertThat(e.get("detail-type").asText())
                .isEqualTo("execution.order.filled"));
    }

    @Test
    void theChampionOfTheSlotInModelsDirIsWhatChampionReferencesServe() throws IOException {
        Path events = dir.resolve("champion.jsonl");

        Result result = backtest("--models", models.toString(), "--policy",
                modelDrivenPolicy("champion:model_driven").toString(), "--events-out", events.toString());

        assertThat(result.exit()).as(result.err()).isZero();
        List<JsonNode> signals = Files.readAllLines(events).stream().map(EventJson::readTree)
                .filter(e -> e.get("detail-type").asText().equals("ai.signal.generated"))
                .map(e -> e.at("/detail/payload")).toList();
        assertThat(signals).isNotEmpty().allSatisfy(s -> assertThat(s.get("model_id").asText()).isEqualTo("btc-long@3"));
    }

    @Test
    void withoutModelsTheSameRunHasNoModelToServeAndTradesNothing() throws IOException {
        Path events = dir.resolve("no-models.jsonl");

        Result result = backtest("--policy", modelDrivenPolicy("btc-long@3").toString(), "--events-out",
                events.toString());

        assertThat(result.exit()).as(result.err()).isZero();
        assertThat(Files.readAllLines(events)).noneMatch(line -> line.contains("\"ai.signal.generated\""));
    }

    @Test
    void aModelsDirThatDoesNotExistIsRefusedNamingIt() {
        Result result = backtest("--models", dir.resolve("nowhere").toString());

        assertThat(result.exit()).isEqualTo(PaperCommand.EXIT_INVALID_INPUT);
        assertThat(result.err()).contains("--models " + dir.resolve("nowhere") + ": no such directory");
    }

    @Test
    void aCorruptManifestIsRefusedNamingTheDirectoryAndTheModel() throws IOException {
        Path corrupt = dir.resolve("corrupt");
        Files.createDirectories(corrupt.resolve("m/1"));
        Files.writeString(corrupt.resolve("m/1/manifest.json"), "{ not json");
        Files.write(corrupt.resolve("m/1/artifact.bin"), new byte[] {1});

        Result result = backtest("--models", corrupt.toString());

        assertThat(result.exit()).isEqualTo(PaperCommand.EXIT_INVALID_INPUT);
        assertThat(result.err()).contains("--models " + corrupt).contains("manifest.json");
    }

    @Test
    void paperRefusesAMissingModelsDirToo() {
        StringWriter err = new StringWriter();
        CommandLine command = QuantumLocal.commandLine();
        command.setOut(new PrintWriter(new StringWriter()));
        command.setErr(new PrintWriter(err));

        int exit = command.execute("paper", "--bars", "1", "--no-api", "--models", dir.resolve("nowhere").toString());

        assertThat(exit).isEqualTo(PaperCommand.EXIT_INVALID_INPUT);
        assertThat(err.toString()).contains("--models " + dir.resolve("nowhere") + ": no such directory");
    }
}
