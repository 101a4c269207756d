package com.quantumtrader.local;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.quantumtrader.ai.spi.StrategyCatalog;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.quantumtrader.core.instrument.InstrumentCatalog;
import com.quantumtrader.core.policy.Policy;
import com.quantumtrader.core.policy.PolicyDefaults;
import com.quantumtrader.core.policy.PolicyValidationException;
import com.quantumtrader.core.policy.PolicyValidator;
import com.quantumtrader.events.EventJson;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code backtest}: replays recorded candles through every domain's handlers, on the simulated exchange. */
@Command(name = "backtest",
        mixinStandardHelpOptions = true,
        description = {
            "Backtest: replays Binance klines (CSV or JSON, as data.binance.vision and the REST API provide them) "
                    + "through the same handlers, events and risk checks as paper and live trading; only the clock "
                    + "(simulated, at each bar's close) and the exchange (simulated: fees, slippage, fills from the "
                    + "next bar on) differ. State lives in memory behind the interfaces Redis serves in production.",
            "Exit codes: 0 done, 1 failure, 2 invalid input (a bad row, a policy that fails validation, a symbol "
                    + "without instrument data or outside the policy's universe, ...)."})
final class BacktestCommand implements Callable<Integer> {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--data", split = ",", paramLabel = "FILE", required = true,
            description = "Kline files (.csv or .json); symbol and interval come from names like "
                    + "BTCUSDT-1h-2025-01.csv, or from --symbols. Several files and symbols merge by close time.")
    private List<Path> data;

    @Option(names = "--symbols", split = ",", paramLabel = "SYMBOL",
            description = "Symbols of files whose names carry none (one for all, or one per file); "
                    + "otherwise only these symbols are replayed.")
    private List<String> symbols = List.of();

    @Option(names = "--from", paramLabel = "TIME", description = "Replay bars opening at or after this "
            + "(2025-01-01 or 2025-01-01T00:00:00Z).")
    private String from;

    @Option(names = "--to", paramLabel = "TIME", description = "Replay bars closing at or before this.")
    private String to;

    @Option(names = "--policy", paramLabel = "FILE", description = "Policy JSON (validated; its universe must list "
            + "every symbol of the data); default: the shipped one, trading the symbols of the data.")
    private Path policyFile;

    @Option(names = "--exchange-info", paramLabel = "FILE",
            description = "Instruments (tick, step, filters) from this Binance USD-M exchangeInfo JSON "
                    + "(curl https://fapi.binance.com/fapi/v1/exchangeInfo); default: the shipped snapshot.")
    private Path exchangeInfo;

    @Option(names = "--report-out", paramLabel = "DIR", description = "Write report.json and report.html here.")
    private Path reportOut;

    @Option(names = "--events-out", paramLabel = "FILE",
            description = "Write every published event as one EventBridge-shaped JSON line.")
    private Path eventsOut;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "42",
            description = "Seed of event ids: same data and seed, same bytes out (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = "--skip-bad-rows", description = "Skip and count invalid rows instead of stopping at the first.")
    private boolean skipBadRows;

    @Option(names = "--taker-fee", paramLabel = "RATE", description = "Fee of a fill that takes liquidity, a "
            + "fraction of its notional, 0 to 0.01 (default: the simulated exchange's, 0.0004 = 4 bps).")
    private BigDecimal takerFee;

    @Option(names = "--maker-fee", paramLabel = "RATE", description = "Fee of a resting order's fill, a fraction "
            + "of its notional, 0 to 0.01 (default 0.0002 = 2 bps).")
    private BigDecimal makerFee;

    @Option(names = "--spread-bps", paramLabel = "BPS", description = "Slippage: quoted spread in basis points, "
            + "a taker pays half of it, 0 to 1000 (default 2).")
    private BigDecimal spreadBps;

    @Option(names = "--range-slippage", paramLabel = "FRACTION", description = "Slippage: share of the fill "
            + "bar's high-low range a taker also loses, 0 to 1 (default 0.05).")
    private BigDecimal rangeSlippage;

    @Option(names = "--funding-rate", paramLabel = "RATE", description = "The simulated exchange's funding rate "
            + "per 8 h (00:00, 08:00, 16:00 UTC) on open positions; positive: longs pay shorts; -0.05 to 0.05 "
            + "(default 0.0001).")
    private BigDecimal fundingRate;

    @Option(names = "--no-funding", description = "The exchange settles no funding at all.")
    private boolean noFunding;

    @Option(names = "--funding-file", split = ",", paramLabel = "FILE",
            description = "Historical funding rates Binance settled, settled instead of --funding-rate for their "
                    + "symbols: the CSV of its data archive (BTCUSDT-fundingRate-2025-01.csv: calc_time,"
                    + "funding_interval_hours,last_funding_rate) or the JSON of GET /fapi/v1/fundingRate.")
    private List<Path> fundingFiles = List.of();

    @Option(names = "--strategies-jar", paramLabel = "FILE",
            description = "A jar of strategies (Strategy SPI, listed in META-INF/services/"
                    + "com.quantumtrader.ai.spi.StrategyFactory) added to the built-in ones; a policy runs them by "
                    + "switching them on in its strategies.")
    private Path strategiesJar;

    @Option(names = "--models", paramLabel = "DIR",
            description = "A file model registry (train --out, models import): its versions and champions are loaded "
                    + "into the run's registry, so a policy's model_driven strategy serves them (id@version or "
                    + "champion:<slot>).")
    private Path modelsDir;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        StrategyCatalog strategies;
        Policy policy;
        KlineFiles.Loaded loaded;
        CostModel costs;
        InstrumentCatalog instruments;
        RunModels models;
        try {
            strategies = StrategiesJar.catalog(Optional.ofNullable(strategiesJar));
            models = RunModels.load(Optional.ofNullable(modelsDir));
            costs = costs();
            instruments = RunInstruments.load(Optional.ofNullable(exchangeInfo));
            policy = policyFile == null ? null
                    : PolicyValidator.parseAndValidate(Files.readString(policyFile, StandardCharsets.UTF_8),
                            instruments.perpetualSymbols());
            RunInstruments.requireTradable(instruments, symbols); // before reading: names a delivery contract as such
            loaded = KlineFiles.load(List.copyOf(data), List.copyOf(symbols), time(from, "--from"),
                    time(to, "--to"), skipBadRows);
            RunInstruments.requireTradable(instruments, loaded.symbols());
            if (policy == null) {
                policy = RunInstruments.withUniverse(PolicyDefaults.load(), loaded.symbols());
            } else {
                RunInstruments.requireInUniverse(policy, loaded.symbols(), policyFile.toString());
            }
            if (!fundingFiles.isEmpty()) {
                if (noFunding) {
                    throw new IllegalArgumentException("--funding-file and --no-funding exclude each other");
                }
                costs = costs.withFundingHistory(FundingFiles.load(List.copyOf(fundingFiles)));
            }
        } catch (PolicyValidationException e) {
            err.println("invalid policy " + policyFile + ":");
            e.problems().forEach(problem -> err.println("  - " + problem));
            err.flush();
            return PaperCommand.EXIT_INVALID_INPUT;
        } catch (IllegalArgumentException | IOException | UncheckedIOException e) {
            err.println("invalid input: " + e.getMessage());
            err.flush();
            return PaperCommand.EXIT_INVALID_INPUT;
        }
        new Backtest(loaded, policy, seed, Optional.ofNullable(eventsOut), Optional.ofNullable(reportOut), costs,
                instruments, strategies, models).run(out, data);
        return 0;
    }

    /** The defaults, with what the options change; a bad value is an IllegalArgumentException naming the option. */
    private CostModel costs() {
        if (noFunding && fundingRate != null) {
            throw new IllegalArgumentException("--funding-rate and --no-funding exclude each other");
        }
        CostModel defaults = CostModel.defaults();
        // one constructor call, so that every bad value is listed at once
        return new CostModel(takerFee == null ? defaults.takerFeeRate() : takerFee,
                makerFee == null ? defaults.makerFeeRate() : makerFee,
                spreadBps == null ? defaults.spreadBps() : spreadBps,
                rangeSlippage == null ? defaults.rangeSlippageFraction() : rangeSlippage,
                noFunding ? BigDecimal.ZERO : fundingRate == null ? defaults.fundingRate() : fundingRate, !noFunding);
    }

    static Optional<Instant> time(String text, String option) {
        if (text == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(text.length() == 10 ? LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant()
                    : Instant.parse(text));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(option + " '" + text + "' is not a date (2025-01-01) or an instant "
                    + "(2025-01-01T00:00:00Z)");
        }
    }

    /** One backtest run over loaded bars: the platform with in-memory state, replaying the bars to the end. */
    record Backtest(KlineFiles.Loaded loaded, Policy policy, long seed, Optional<Path> eventsOut,
                    Optional<Path> reportOut, CostModel costs, InstrumentCatalog instruments,
                    StrategyCatalog strategies, RunModels models) {

        Backtest(KlineFiles.Loaded loaded, Policy policy, long seed, Optional<Path> eventsOut,
                 Optional<Path> reportOut, CostModel costs, InstrumentCatalog instruments,
                 StrategyCatalog strategies) {
            this(loaded, policy, seed, eventsOut, reportOut, costs, instruments, strategies, RunModels.none());
        }

        Backtest(KlineFiles.Loaded loaded, Policy policy, long seed, Optional<Path> eventsOut,
                 Optional<Path> reportOut, CostModel costs, InstrumentCatalog instruments) {
            this(loaded, policy, seed, eventsOut, reportOut, costs, instruments, StrategyCatalog.builtIn());
        }

        Backtest(KlineFiles.Loaded loaded, Policy policy, long seed, Optional<Path> eventsOut,
                 Optional<Path> reportOut, CostModel costs) {
            this(loaded, policy, seed, eventsOut, reportOut, costs, InstrumentCatalog.bundled());
        }

        Backtest(KlineFiles.Loaded loaded, Policy policy, long seed, Optional<Path> eventsOut,
                 Optional<Path> reportOut) {
            this(loaded, policy, seed, eventsOut, reportOut, CostModel.defaults());
        }

        BacktestReport run(PrintWriter out, List<Path> files) {
            BacktestReport report = new BacktestReport();
            RunDiagnosis diagnosis = new RunDiagnosis(loaded.symbols());
            LocalPlatform.Setup setup = new LocalPlatform.Setup(seed, BarSource.replay(loaded.bars()),
                    StateBackend.inMemory(policy), eventsOut, Optional.empty(), costs, instruments)
                    .withStrategies(strategies).withModels(models);
            try (LocalPlatform platform = new LocalPlatform(setup)) {
                platform.observe(report::onEvent);
                platform.observe(diagnosis::onEvent);
                out.printf("Quantum Trader backtest: %s, %d bars in %d steps, seed %d, %d handlers wired by the "
                                + "routing table%n", String.join(",", loaded.symbols()), loaded.bars().size(),
                        platform.totalSteps(), seed, platform.handlerCount());
                dataQuality(out);
                out.printf("costs: taker fee %s, maker fee %s, spread %s bps, range slippage %s, funding %s%s%n",
                        costs.takerFeeRate().toPlainString(), costs.makerFeeRate().toPlainString(),
                        costs.spreadBps().toPlainString(), costs.rangeSlippageFraction().toPlainString(),
                        costs.fundingEnabled() ? costs.fundingRate().toPlainString() + " per 8 h" : "off",
                        costs.fundingHistory().isPresent() ? " (symbols without a funding file)" : "");
                fundingCoverage().forEach(line -> out.println("funding: " + line));
                eventsOut.ifPresent(path -> out.printf("events -> %s%n", path.toAbsolutePath()));
                Progress progress = new Progress(platform, out, platform.totalSteps(), platform.totalBars());
                while (platform.step()) {
                    progress.maybePrint();
                }
                progress.summary(false);
                diagnosis.explanation().forEach(out::println);
            }
            reportOut.ifPresent(dir -> {
                ObjectNode run = describe(files);
                if (!diagnosis.explanation().isEmpty()) {
                    run.set("diagnosis", diagnosis.json()); // only a run without trades: reports of others unchanged
                }
                report.write(dir, run, policy, costs);
                out.printf("report -> %s%n", dir.resolve("report.html").toAbsolutePath());
            });
            out.flush();
            return report;
        }

        /**
         * Which symbols are settled from a funding-rate file and over which times, with a warning for a run that
         * reaches beyond a file (no funding is settled there) and for files of symbols the run does not trade.
         */
        List<String> fundingCoverage() {
            if (costs.fundingHistory().isEmpty()) {
                return List.of();
            }
            java.util.Map<String, FundingFiles.SymbolRates> bySymbol = costs.fundingHistory().get().bySymbol();
            List<String> lines = new java.util.ArrayList<>();
            Instant first = loaded.bars().get(0).openTime();
            Instant last = loaded.bars().get(loaded.bars().size() - 1).closeTime();
            for (String symbol : loaded.symbols()) {
                FundingFiles.SymbolRates rates = bySymbol.get(symbol);
                if (rates == null) {
                    lines.add(symbol + ": no funding file, constant rate " + costs.fundingRate().toPlainString()
                            + " per 8 h");
                    continue;
                }
                String line = symbol + ": " + rates.rates().size() + " settlements " + rates.first() + " .. "
                        + rates.last() + " from " + String.join(",", rates.files());
                if (rates.first().isAfter(first) || rates.last().isBefore(last.minus(java.time.Duration.ofHours(8)))) {
                    line += " -- WARNING: the run spans " + first + " .. " + last + "; no funding is settled where "
                            + "the file has no rates";
                }
                lines.add(line);
            }
            bySymbol.keySet().stream().filter(symbol -> !loaded.symbols().contains(symbol))
                    .forEach(symbol -> lines.add(symbol + ": funding file given, but the run has no bars of it "
                            + "(ignored)"));
            return lines;
        }

        private void dataQuality(PrintWriter out) {
            out.printf("data: %d bad rows skipped, %d gaps%n", loaded.skippedTotal(), loaded.gaps().size());
            loaded.gaps().stream().limit(20).forEach(gap -> out.printf("  gap %s: %d bars missing after %s (resumes "
                    + "%s)%n", gap.symbol(), gap.missingBars(), gap.after(), gap.resumed()));
            if (loaded.gaps().size() > 20) {
                out.printf("  ... %d more gaps in the report%n", loaded.gaps().size() - 20);
            }
        }

        /** The inputs, without absolute paths or wall time so that the report is the same wherever it runs. */
        private ObjectNode describe(List<Path> files) {
            ObjectNode run = EventJson.mapper().createObjectNode();
            ArrayNode names = run.putArray("files");
            files.forEach(f -> names.add(f.getFileName().toString()));
            ArrayNode sources = run.putArray("file_symbols");
            loaded.sources().forEach(source -> sources.addObject().put("file", source.file())
                    .put("symbol", source.symbol()).put("interval", source.interval())
                    .put("symbol_from", source.symbolFrom()).put("rows", source.rows()));
            ArrayNode symbolList = run.putArray("symbols");
            loaded.symbols().forEach(symbolList::add);
            run.put("seed", seed);
            run.put("bars", loaded.bars().size());
            run.put("first_bar_open", loaded.bars().get(0).openTime().toString());
            run.put("last_bar_close", loaded.bars().get(loaded.bars().size() - 1).closeTime().toString());
            run.put("bad_rows_skipped", loaded.skippedTotal());
            ArrayNode coverage = run.putArray("funding_coverage");
            fundingCoverage().forEach(coverage::add);
            ArrayNode gaps = run.putArray("gaps");
            loaded.gaps().forEach(gap -> gaps.addObject().put("symbol", gap.symbol())
                    .put("after", gap.after().toString()).put("resumed", gap.resumed().toString())
                    .put("missing_bars", gap.missingBars()));
            return run;
        }
    }
}
