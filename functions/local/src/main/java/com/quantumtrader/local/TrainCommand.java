package com.quantumtrader.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.quantumtrader.core.ml.ModelManifest;
import com.quantumtrader.core.ml.features.BarsV1;
import com.quantumtrader.core.ml.features.FeatureBar;
import com.quantumtrader.core.ml.labels.Labeler;
import com.quantumtrader.core.ml.training.DatasetBuilder;
import com.quantumtrader.core.ml.training.LabelledRow;
import com.quantumtrader.core.ml.training.TrainingOutcome;
import com.quantumtrader.core.ml.training.TrainingPlan;
import com.quantumtrader.core.ml.training.WalkForwardTraining;
import com.quantumtrader.core.ml.tribuo.TribuoProbabilityModel;
import com.quantumtrader.core.ml.tribuo.TribuoTrainer;
import com.quantumtrader.ai.spi.StrategyCatalog;
import com.quantumtrader.core.instrument.InstrumentCatalog;
import com.quantumtrader.core.policy.Policy;
import com.quantumtrader.core.policy.PolicyDefaults;
import com.quantumtrader.events.EventJson;
import com.quantumtrader.events.market.MarketPriceUpdate;
import com.quantumtrader.events.portfolio.TradeClosed;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code train}: fits a model on history with purged walk-forward validation and writes it with its report. */
@Command(name = "train",
        mixinStandardHelpOptions = true,
        description = {
            "Train: bars-v1 features and a per-direction label from Binance klines, a Tribuo classifier validated by "
                    + "purged walk-forward with an embargo, calibrated on the folds' held-back predictions, scored "
                    + "once out of sample on the validation period, and traded there against no trade, buy and hold "
                    + "and the trend rule after fees, slippage and funding.",
            "Writes <out>/<model_id>/<version>/{manifest.json,artifact.bin,report.json,report.html}. Same data, "
                    + "spec and seed: same model and same report.",
            "Exit codes: 0 done (also with leak warnings, which the report and the output show), 1 failure, "
                    + "2 invalid input."})
final class TrainCommand implements Callable<Integer> {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec commandSpec;

    @Option(names = "--data", split = ",", paramLabel = "FILE", required = true,
            description = "Kline files, named like BTCUSDT-1h-2025-01.csv (several symbols and years merge).")
    private List<Path> data;

    @Option(names = "--spec", paramLabel = "FILE", required = true,
            description = "Training spec JSON (feature spec, label, trainer, folds, embargo, dates, seed); see the "
                    + "local module README.")
    private Path specFile;

    @Option(names = "--out", paramLabel = "DIR", required = true, description = "Model directory to add a version to.")
    private Path out;

    @Option(names = "--skip-bad-rows", description = "Skip and count invalid rows instead of stopping at the first.")
    private boolean skipBadRows;

    @Override
    public Integer call() {
        PrintWriter console = commandSpec.commandLine().getOut();
        PrintWriter err = commandSpec.commandLine().getErr();
        TrainingSpec spec;
        KlineFiles.Loaded loaded;
        try {
            List<String> problems = new ArrayList<>();
            data.stream().filter(p -> !Files.isRegularFile(p)).forEach(p -> problems.add("--data " + p
                    + ": no such file"));
            if (!Files.isRegularFile(specFile)) {
                problems.add("--spec " + specFile + ": no such file");
            }
            if (Files.exists(out) && !Files.isDirectory(out)) {
                problems.add("--out " + out + ": not a directory");
            }
            if (!problems.isEmpty()) {
                throw new IllegalArgumentException(String.join("; ", problems));
            }
            JsonNode json = EventJson.mapper().readTree(Files.readString(specFile, StandardCharsets.UTF_8));
            spec = TrainingSpec.parse(json);
            ModelDriven.parameters(spec.modelId() + "@1", spec); // trade settings model_driven refuses: before training
            loaded = KlineFiles.load(List.copyOf(data), List.of(), Optional.empty(), Optional.empty(), skipBadRows);
        } catch (IllegalArgumentException | IOException | UncheckedIOException e) {
            err.println("invalid input: " + e.getMessage());
            err.flush();
            return PaperCommand.EXIT_INVALID_INPUT;
        }
        try {
            run(spec, loaded, console);
            return 0;
        } catch (IllegalArgumentException e) {
            err.println("invalid input: " + e.getMessage());
            err.flush();
            return PaperCommand.EXIT_INVALID_INPUT;
        }
    }

    private void run(TrainingSpec spec, KlineFiles.Loaded loaded, PrintWriter console) {
        Map<String, List<FeatureBar>> bars = featureBars(loaded.bars());
        List<LabelledRow> rows = DatasetBuilder.build(bars, new Labeler(spec.label(), spec.direction()));
        TrainingPlan plan = new TrainingPlan(spec.trainFrom(), spec.trainTo(), spec.validateFrom(),
                spec.validateTo(), spec.folds(), TrainingSpec.BAR.multipliedBy(spec.embargoBars()),
                spec.calibration(), 0.10, 0.70);
        console.printf("train: %s, %d labelled rows, %s on %s, %d folds, embargo %d bars, seed %d%n",
                String.join(",", bars.keySet()), rows.size(), spec.algorithm(), BarsV1.SPEC.id(), spec.folds(),
                spec.embargoBars(), spec.seed());
        console.flush();
        TribuoTrainer trainer = new TribuoTrainer(spec.algorithm(), spec.hyperparameters(), spec.seed());
        TrainingOutcome outcome = new WalkForwardTraining(BarsV1.SPEC.features(), trainer, plan).run(rows);

        ModelDirectory directory = new ModelDirectory(out);
        int version = directory.nextVersion(spec.modelId());
        byte[] artifact = outcome.artifact().toBytes();
        ModelManifest manifest = new ModelManifest(spec.modelId(), version, TribuoProbabilityModel.KIND,
                BarsV1.SPEC, spec.label(), spec.trainFrom(), spec.trainTo(),
                fingerprint(loaded.bars(), spec.trainFrom(), spec.trainTo()), hyperparameters(spec),
                manifestMetrics(outcome), outcome.artifact().model().getProvenance().toString());
        requireServedAsTrained(manifest, artifact, outcome, rows);
        Path versionDir = directory.write(manifest, artifact);

        CostModel costs = CostModel.defaults();
        SignalSimulation simulation = new SignalSimulation(costs);
        Map<String, List<FeatureBar>> validationBars = new TreeMap<>();
        bars.forEach((symbol, series) -> validationBars.put(symbol, series.stream()
                .filter(b -> !b.openTime().isBefore(spec.validateFrom()) && !b.closeTime().isAfter(spec.validateTo()))
                .toList()));
        validationBars.values().removeIf(List::isEmpty);
        List<SignalSimulation.Result> trading = new ArrayList<>();
        trading.add(modelDriven(loaded, spec, manifest, artifact, versionDir.resolve("model-backtest")));
        trading.add(SignalSimulation.noTrade());
        trading.add(simulation.buyAndHold(validationBars));
        trading.add(trendRule(loaded, spec, versionDir.resolve("trend-rule-backtest")));
        List<String> notes = List.of(
                "Model row: the real backtest (every handler, risk's sizing and checks, the simulated exchange with "
                        + "the backtest's default fees, slippage and funding) over the validation period, the shipped "
                        + "policy whose strategy plan runs only model_driven on every symbol, serving this version "
                        + "with the spec's threshold, stop and target; its report is in model-backtest/.",
                "Buy-and-hold row: the backtest's cost model (taker fee " + costs.takerFeeRate()
                        + ", half of " + costs.spreadBps() + " bps spread plus " + costs.rangeSlippageFraction()
                        + " of the fill bar's range as slippage, funding " + costs.fundingRate() + " per 8 h), bought "
                        + "at the first bar's next open, equal sleeves per symbol.",
                "Trend rule row: the real backtest (all handlers, risk, simulated exchange) over the validation "
                        + "period with the shipped policy; its report is in trend-rule-backtest/.",
                "No tuning on the validation period: every choice comes from the spec; calibration is fitted on the "
                        + "training folds' held-back predictions only.");
        ObjectNode report = TrainingReport.json(manifest, spec, outcome, trading, notes);
        TrainingReport.write(versionDir, report);
        summary(console, manifest, outcome, trading, versionDir);
    }

    /** The model read back from its bytes must give the training run's validation probabilities exactly. */
    private static void requireServedAsTrained(ModelManifest manifest, byte[] artifact, TrainingOutcome outcome,
                                               List<LabelledRow> rows) {
        TribuoProbabilityModel served = new TribuoProbabilityModel(manifest, artifact);
        Map<String, LabelledRow> byKey = new LinkedHashMap<>();
        rows.forEach(r -> byKey.put(r.symbol() + "@" + r.decisionTime(), r));
        for (TrainingOutcome.Prediction p : outcome.validation().subList(0, Math.min(200, outcome.validation().size()))) {
            double again = served.probability(byKey.get(p.symbol() + "@" + p.decisionTime()).features());
            if (Double.compare(again, p.probability()) != 0) {
                throw new IllegalStateException("the serialized model gives " + again + " where training gave "
                        + p.probability() + " (" + p.symbol() + " " + p.decisionTime() + ")");
            }
        }
    }

    private SignalSimulation.Result trendRule(KlineFiles.Loaded loaded, TrainingSpec spec, Path reportDir) {
        var policy = RunInstruments.withUniverse(PolicyDefaults.load(), loaded.symbols());
        return backtestRow("trend rule (real backtest, shipped policy)", loaded, spec, policy, RunModels.none(),
                reportDir);
    }

    /** The just-trained version served by model_driven in the real backtest of the validation period. */
    private SignalSimulation.Result modelDriven(KlineFiles.Loaded loaded, TrainingSpec spec, ModelManifest manifest,
                                                byte[] artifact, Path reportDir) {
        RunModels models = new RunModels(List.of(new RunModels.Version(manifest, artifact)), Map.of());
        Policy policy = ModelDriven.policy(loaded.symbols(), ModelDriven.parameters(manifest.reference(), spec));
        return backtestRow("model " + manifest.reference() + " (real backtest, model_driven)", loaded, spec, policy,
                models, reportDir);
    }

    private SignalSimulation.Result backtestRow(String name, KlineFiles.Loaded loaded, TrainingSpec spec,
                                                Policy policy, RunModels models, Path reportDir) {
        List<MarketPriceUpdate> period = loaded.bars().stream().filter(b -> !b.openTime().isBefore(spec.validateFrom()))
                .filter(b -> !b.closeTime().isAfter(spec.validateTo())).toList();
        KlineFiles.Loaded validation = new KlineFiles.Loaded(period, Map.of(), List.of(), loaded.symbols());
        BacktestReport report = new BacktestCommand.Backtest(validation, policy, spec.seed(), Optional.empty(),
                Optional.of(reportDir), CostModel.defaults(), InstrumentCatalog.bundled(), StrategyCatalog.builtIn(),
                models).run(new PrintWriter(new StringWriter()), data);
        List<BacktestReport.EquityPoint> curve = report.equityCurve();
        BigDecimal first = curve.get(0).equity();
        BigDecimal last = curve.get(curve.size() - 1).equity();
        List<TradeClosed> trades = report.tradesClosed();
        double winRate = trades.isEmpty() ? Double.NaN
                : (double) trades.stream().filter(t -> t.realizedPnl().signum() > 0).count() / trades.size();
        return new SignalSimulation.Result(name, last.doubleValue() / first.doubleValue() - 1,
                report.maxDrawdown().doubleValue(), trades.size(), winRate,
                report.feesPaid().add(report.fundingPaid()).doubleValue() / first.doubleValue());
    }

    private static Map<String, List<FeatureBar>> featureBars(List<MarketPriceUpdate> bars) {
        Map<String, List<FeatureBar>> bySymbol = new TreeMap<>();
        for (MarketPriceUpdate b : bars) {
            bySymbol.computeIfAbsent(b.symbol(), s -> new ArrayList<>()).add(toFeatureBar(b));
        }
        return bySymbol;
    }

    /** The one conversion of a platform bar to what features read (prices as doubles, funding unknown). */
    static FeatureBar toFeatureBar(MarketPriceUpdate b) {
        return new FeatureBar(b.symbol(), b.openTime(), b.closeTime(), b.open().doubleValue(),
                b.high().doubleValue(), b.low().doubleValue(), b.close().doubleValue(), b.volume().doubleValue(),
                Double.NaN);
    }

    private static String fingerprint(List<MarketPriceUpdate> bars, Instant from, Instant to) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (MarketPriceUpdate b : bars) {
                if (!b.openTime().isBefore(from) && !b.closeTime().isAfter(to)) {
                    sha.update((b.symbol() + "," + b.openTime() + "," + b.open().toPlainString() + ","
                            + b.high().toPlainString() + "," + b.low().toPlainString() + "," + b.close().toPlainString()
                            + "," + b.volume().toPlainString() + "\n").getBytes(StandardCharsets.UTF_8));
                }
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> hyperparameters(TrainingSpec spec) {
        Map<String, String> h = new TreeMap<>(spec.hyperparameters());
        h.put("algorithm", spec.algorithm());
        h.put("direction", spec.direction().name().toLowerCase(Locale.ROOT));
        h.put("calibration", spec.calibration());
        h.put("folds", Integer.toString(spec.folds()));
        h.put("embargo_bars", Integer.toString(spec.embargoBars()));
        h.put("seed", Long.toString(spec.seed()));
        return h;
    }

    private static Map<String, Double> manifestMetrics(TrainingOutcome outcome) {
        Map<String, Double> m = new TreeMap<>();
        putFinite(m, "auc", outcome.validationMetrics().auc());
        putFinite(m, "log_loss", outcome.validationMetrics().logLoss());
        putFinite(m, "brier", outcome.validationMetrics().brier());
        putFinite(m, "hit_rate", outcome.validationMetrics().hitRate());
        putFinite(m, "base_rate", outcome.validationMetrics().baseRate());
        putFinite(m, "fold_auc_mean", outcome.folds().stream().mapToDouble(f -> f.metrics().auc())
                .filter(Double::isFinite).average().orElse(Double.NaN));
        m.put("leak_warnings", (double) outcome.warnings().size());
        return m;
    }

    private static void putFinite(Map<String, Double> m, String key, double value) {
        if (Double.isFinite(value)) {
            m.put(key, value);
        }
    }

    private static void summary(PrintWriter console, ModelManifest manifest, TrainingOutcome outcome,
                                List<SignalSimulation.Result> trading, Path dir) {
        outcome.folds().forEach(f -> console.printf(Locale.ROOT, "fold %d (%s .. %s): AUC %.4f log loss %.4f "
                        + "Brier %.4f%n", f.number(), f.testFrom(), f.testTo(), f.metrics().auc(),
                f.metrics().logLoss(), f.metrics().brier()));
        var v = outcome.validationMetrics();
        console.printf(Locale.ROOT, "validation (out of sample): AUC %.4f log loss %.4f Brier %.4f hit rate %.4f "
                + "base rate %.4f%n", v.auc(), v.logLoss(), v.brier(), v.hitRate(), v.baseRate());
        outcome.warnings().forEach(w -> console.println("WARNING: " + w));
        trading.forEach(t -> console.printf(Locale.ROOT, "  %-45s return %8.2f %%  max drawdown %6.2f %%  trades %d%n",
                t.name(), t.totalReturn() * 100, t.maxDrawdown() * 100, t.trades()));
        console.printf("model %s -> %s%n", manifest.reference(), dir.toAbsolutePath());
        console.flush();
    }
}
