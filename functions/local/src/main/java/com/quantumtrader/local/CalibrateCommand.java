package com.quantumtrader.local;

import com.quantumtrader.ai.calibration.StrategyCalibration;
import com.quantumtrader.ai.spi.StrategyCatalog;
import com.quantumtrader.ai.spi.StrategyFactory;
import com.quantumtrader.ai.spi.StrategyParameters;
import com.quantumtrader.ai.spi.StrategySeries;
import com.quantumtrader.core.instrument.InstrumentCatalog;
import com.quantumtrader.core.ml.calibration.PlattScaling;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.ta4j.core.BarSeries;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code calibrate}: fits a rule strategy's confidence on kline history, the provenance of the built-in rules'
 * default {@code platt_a}/{@code platt_b}: the rule replayed bar by bar through the engine's own Strategy SPI, every
 * intent labelled by whether its target traded before its stop, Platt scaling fitted on (score, label).
 */
@Command(name = "calibrate",
        mixinStandardHelpOptions = true,
        description = {
            "Fits Platt scaling of a rule strategy's raw score against whether its target traded before its stop "
                    + "(a bar touching both counts as the stop), on the given klines; prints platt_a and platt_b.",
            "Exit codes: 0 done, 2 invalid input (no such strategy, too few labelled intents, a bad file ...)."})
final class CalibrateCommand implements Callable<Integer> {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--data", split = ",", paramLabel = "FILE", required = true,
            description = "Kline files (.csv or .json), named like the backtest's.")
    private List<Path> data;

    @Option(names = "--symbols", split = ",", paramLabel = "SYMBOL", description = "As the backtest's.")
    private List<String> symbols = List.of();

    @Option(names = "--from", paramLabel = "TIME", description = "First bar's open (2022-01-01).")
    private String from;

    @Option(names = "--to", paramLabel = "TIME", description = "Last bar's close (2025-01-01).")
    private String to;

    @Option(names = "--strategy", split = ",", paramLabel = "ID", required = true,
            description = "Strategies to fit, e.g. ma_crossover,mean_reversion (with their default parameters).")
    private List<String> strategies;

    @Option(names = "--strategies-jar", paramLabel = "FILE", description = "A jar adding strategies.")
    private Path strategiesJar;

    @Option(names = "--exchange-info", paramLabel = "FILE", description = "Instruments (tick) as the backtest's.")
    private Path exchangeInfo;

    @Option(names = "--min-samples", paramLabel = "N", defaultValue = "30",
            description = "Refuse to fit on fewer labelled intents (default ${DEFAULT-VALUE}).")
    private int minimumSamples;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            StrategyCatalog catalog = StrategiesJar.catalog(Optional.ofNullable(strategiesJar));
            InstrumentCatalog instruments = RunInstruments.load(Optional.ofNullable(exchangeInfo));
            KlineFiles.Loaded loaded = KlineFiles.load(List.copyOf(data), List.copyOf(symbols),
                    BacktestCommand.time(from, "--from"), BacktestCommand.time(to, "--to"), false);
            RunInstruments.requireTradable(instruments, loaded.symbols());
            Map<String, BarSeries> series = series(loaded);
            for (String id : strategies) {
                StrategyFactory factory = catalog.find(id).orElseThrow(() -> new IllegalArgumentException(
                        "unknown strategy " + id + "; known: " + catalog.all().stream().map(StrategyFactory::id)
                                .toList()));
                StrategyParameters parameters = factory.validate(Map.of());
                List<StrategyCalibration.Sample> samples = new ArrayList<>();
                Map<String, Integer> perSymbol = new TreeMap<>();
                series.forEach((symbol, bars) -> {
                    List<StrategyCalibration.Sample> labelled = StrategyCalibration.replay(factory, parameters,
                            instruments.find(symbol).orElseThrow(), bars);
                    perSymbol.put(symbol, labelled.size());
                    samples.addAll(labelled);
                });
                PlattScaling fit = StrategyCalibration.fit(samples, minimumSamples);
                long hits = samples.stream().filter(StrategyCalibration.Sample::reachedTarget).count();
                double rate = (double) hits / samples.size();
                out.printf(Locale.ROOT, "%s: %d labelled intents %s, target before stop %.4f%n", id,
                        samples.size(), perSymbol, rate);
                out.printf(Locale.ROOT, "  platt_a=%s platt_b=%s  log loss %.5f (constant base rate %.5f)%n",
                        fit.a(), fit.b(), StrategyCalibration.logLoss(fit, samples),
                        StrategyCalibration.logLoss(new PlattScaling(0, Math.log((1 - rate) / rate)), samples));
            }
            out.printf("data: %s, %s .. %s%n", String.join(",", loaded.symbols()), loaded.bars().get(0).openTime(),
                    loaded.bars().get(loaded.bars().size() - 1).closeTime());
            out.flush();
            return 0;
        } catch (IllegalArgumentException e) {
            err.println("invalid input: " + e.getMessage());
            err.flush();
            return PaperCommand.EXIT_INVALID_INPUT;
        }
    }

    /** One unbounded series per symbol, oldest bar first. */
    private static Map<String, BarSeries> series(KlineFiles.Loaded loaded) {
        Map<String, BarSeries> bySymbol = new TreeMap<>();
        for (var bar : loaded.bars()) {
            StrategySeries.append(bySymbol.computeIfAbsent(bar.symbol(), s -> StrategySeries.create(s,
                    Integer.MAX_VALUE)), bar.openTime(), bar.closeTime(), bar.open(), bar.high(), bar.low(),
                    bar.close(), bar.volume());
        }
        return bySymbol;
    }
}
