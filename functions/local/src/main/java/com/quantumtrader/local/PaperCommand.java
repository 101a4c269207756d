package com.quantumtrader.local;

import com.quantumtrader.core.idempotency.IdempotencyRetention;
import com.quantumtrader.core.instrument.InstrumentCatalog;
import com.quantumtrader.core.policy.Policy;
import com.quantumtrader.core.policy.PolicyDefaults;
import com.quantumtrader.core.policy.PolicyValidator;
import com.quantumtrader.core.policy.PolicyValidationException;
import com.quantumtrader.core.redis.RedisConnections;
import com.quantumtrader.core.redis.RedisFaults;
import com.quantumtrader.core.redis.RedisUnavailableException;
import com.quantumtrader.core.trace.Secrets;
import com.quantumtrader.local.dashboard.Dashboard;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;
import com.quantumtrader.ai.spi.StrategyCatalog;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code paper}: paper trading on the synthetic market until {@code --bars} or Ctrl-C. */
@Command(name = "paper",
        mixinStandardHelpOptions = true,
        description = {
            "Paper trading: every domain in one JVM on the in-process bus, state and policy in Redis "
                    + "(embedded unless REDIS_URL is set), orders on the simulated exchange, prices from a seeded "
                    + "synthetic market (trending, ranging and volatile regimes) of 1-hour bars on a simulated clock.",
            "A Redis outage pauses the run (retrying with backoff, /health DOWN) instead of ending it; the command "
                    + "timeout comes from REDIS_URL's timeout parameter (e.g. redis://host:6379?timeout=2s; default 10 s).",
            "Exit codes: 0 done, 1 failure, 2 invalid input (e.g. a policy that fails validation, a bad or "
                    + "unreachable REDIS_URL, a symbol without instrument data or outside the policy's universe)."})
final class PaperCommand implements java.util.concurrent.Callable<Integer> {

    static final int EXIT_INVALID_INPUT = 2;
    static final String API_TOKEN_NAME = "local";

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    /** Where REDIS_URL is read: the process environment, or a test's. */
    private final UnaryOperator<String> environment;

    PaperCommand() {
        this(System::getenv);
    }

    PaperCommand(UnaryOperator<String> environment) {
        this.environment = environment;
    }

    @Option(names = "--symbols", split = ",", paramLabel = "SYMBOL",
            description = "Symbols to trade, any TRADING perpetual of the instrument data; without --policy they are "
                    + "the policy's universe (default: ${DEFAULT-VALUE}).", defaultValue = "BTCUSDT,ETHUSDT")
    private List<String> symbols;

    @Option(names = "--bars", paramLabel = "N", description = "Stop after bar N (default: run until Ctrl-C). A run "
            + "restarted against the same REDIS_URL resumes after its last completed bar and stops at the same bar N.")
    private Long bars;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "42",
            description = "Seed of the synthetic market and of event ids: same seed, same run (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = "--policy", paramLabel = "FILE",
            description = "Load this policy JSON document at start (validated; invalid: exit code 2).")
    private Path policyFile;

    @Option(names = "--events-out", paramLabel = "FILE",
            description = "Write every published event as one JSON line shaped like an EventBridge entry "
                    + "{\"source\", \"detail-type\", \"detail\"}.")
    private Path eventsOut;

    @Option(names = "--pace-ms", paramLabel = "MS",
            description = "Wall-clock pause between bars (default: 0 with --bars, 250 without, so it can be watched).")
    private Long paceMs;

    @Option(names = "--api-port", paramLabel = "PORT", defaultValue = "0",
            description = "Serve the health, trading and admin routes on 127.0.0.1:PORT (default: a free port), "
                    + "behind a bearer token: QT_API_TOKEN (16+ characters) or one generated and shown at start.")
    private int apiPort;

    @Option(names = "--no-api", description = "Do not serve the local API (nor the dashboard).")
    private boolean noApi;

    @Option(names = "--dashboard-port", paramLabel = "PORT", defaultValue = "0",
            description = "Serve the live dashboard page on 127.0.0.1:PORT (default: a free port); the link printed "
                    + "at start carries the API token in its #fragment.")
    private int dashboardPort;

    @Option(names = "--no-dashboard", description = "Do not serve the dashboard page.")
    private boolean noDashboard;

    @Option(names = "--exchange-info", paramLabel = "FILE",
            description = "Instruments (tick, step, filters) from this Binance USD-M exchangeInfo JSON "
                    + "(curl https://fapi.binance.com/fapi/v1/exchangeInfo); default: the shipped snapshot.")
    private Path exchangeInfo;

    @Option(names = "--strategies-jar", paramLabel = "FILE",
            description = "A jar of strategies (Strategy SPI, listed in META-INF/services/"
                    + "com.quantumtrader.ai.spi.StrategyFactory) added to the built-in ones; a policy runs them by "
                    + "switching them on in its strategies.")
    private Path strategiesJar;

    @Option(names = "--models", paramLabel = "DIR",
            description = "A file model registry (train --out, models import): its versions and champions are loaded "
                    + "into the run's Redis model registry, so a policy's model_driven strategy serves them.")
    private Path modelsDir;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        PaperOptions options;
        StrategyCatalog strategies;
        RunModels models;
        try {
            strategies = StrategiesJar.catalog(Optional.ofNullable(strategiesJar));
            models = RunModels.load(Optional.ofNullable(modelsDir));
            InstrumentCatalog instruments = RunInstruments.load(Optional.ofNullable(exchangeInfo));
            Optional<Policy> policy = policyFile == null ? Optional.empty() : Optional.of(readPolicy(policyFile, instruments));
            IdempotencyRetention.fromEnvironment(System.getenv()); // a bad setting is exit 2 here, not a crash later
            policy.ifPresent(p -> RunInstruments.requireInUniverse(p, symbols, policyFile.toString()));
            Optional<String> redisUrl = Optional.ofNullable(environment.apply(RedisConnections.REDIS_URL_VARIABLE))
                    .filter(url -> !url.isBlank()).map(String::trim);
            if (policy.isEmpty() && redisUrl.isEmpty()) {
                // a fresh embedded Redis holds no policy: the shipped one, trading the symbols of the run
                policy = Optional.of(RunInstruments.withUniverse(PolicyDefaults.load(), symbols));
            }
            long pace = paceMs != null ? paceMs : bars != null ? 0 : 250;
            Optional<PaperOptions.ApiSettings> api = noApi ? Optional.empty()
                    : Optional.of(new PaperOptions.ApiSettings(apiPort, Map.of(API_TOKEN_NAME, apiToken()),
                            noDashboard ? OptionalInt.empty() : OptionalInt.of(dashboardPort)));
            options = new PaperOptions(List.copyOf(symbols), Optional.ofNullable(bars), seed, policy,
                    Optional.ofNullable(eventsOut), redisUrl, Duration.ofMillis(pace), PaperOptions.DEFAULT_START, api,
                    instruments);
            RunInstruments.requireTradable(instruments, options.symbols());
        } catch (PolicyValidationException e) {
            err.println("invalid policy " + policyFile + ":");
            e.problems().forEach(problem -> err.println("  - " + problem));
            err.flush();
            return EXIT_INVALID_INPUT;
        } catch (IllegalArgumentException | IOException e) {
            err.println("invalid input: " + e.getMessage());
            err.flush();
            return EXIT_INVALID_INPUT;
        }
        try {
            return new PaperRun(options, strategies, models, out, err).run();
        } catch (PaperCheckpoints.MismatchException e) {
            err.println("invalid input: " + e.getMessage());
            err.flush();
            return EXIT_INVALID_INPUT;
        }
    }

    /** QT_API_TOKEN, or a fresh random one for this run (shown once on the console, never logged). */
    private static String apiToken() {
        String token = System.getenv("QT_API_TOKEN");
        if (token != null && !token.isBlank()) {
            if (token.length() < 16) {
                throw new IllegalArgumentException("QT_API_TOKEN must have at least 16 characters");
            }
            return token;
        }
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        String generated = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        Secrets.register(generated);
        return generated;
    }

    private static Policy readPolicy(Path file, InstrumentCatalog instruments) throws IOException {
        return PolicyValidator.parseAndValidate(Files.readString(file, StandardCharsets.UTF_8),
                instruments.perpetualSymbols());
    }

    /** Runs the platform bar by bar with progress lines, stopping at --bars or on Ctrl-C. */
    static final class PaperRun {

        private final PaperOptions options;
        private final PrintWriter out;
        private final PrintWriter err;
        private final AtomicBoolean stopRequested = new AtomicBoolean();
        private final CountDownLatch stopped = new CountDownLatch(1);

        private final AtomicReference<LocalPlatform> running = new AtomicReference<>();
        private final StrategyCatalog strategies;
        private final RunModels models;

        PaperRun(PaperOptions options, StrategyCatalog strategies, PrintWriter out, PrintWriter err) {
            this(options, strategies, RunModels.none(), out, err);
        }

        PaperRun(PaperOptions options, StrategyCatalog strategies, RunModels models, PrintWriter out,
                 PrintWriter err) {
            this.options = options;
            this.strategies = strategies;
            this.models = models;
            this.out = out;
            this.err = err;
        }

        int run() {
            Thread hook = new Thread(() -> {
                stopRequested.set(true);
                LocalPlatform platform = running.get();
                if (platform != null) {
                    platform.stopWaitingForRedis(); // Ctrl-C during a Redis outage still stops the run
                }
                try {
                    stopped.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "quantum-local-shutdown");
            Runtime.getRuntime().addShutdownHook(hook);
            LocalPlatform started;
            try {
                started = new LocalPlatform(LocalPlatform.Setup.paper(options).withStrategies(strategies)
                        .withModels(models));
            } catch (RedisUnavailableException | IllegalArgumentException e) {
                // a bad or unreachable REDIS_URL (or another bad setting): one clear line, no stack trace
                err.println("cannot start paper trading: " + e.getMessage());
                err.flush();
                stopped.countDown();
                try {
                    Runtime.getRuntime().removeShutdownHook(hook);
                } catch (IllegalStateException shuttingDown) {
                    // already shutting down: the hook runs and finds the latch open
                }
                return EXIT_INVALID_INPUT;
            }
            running.set(started);
            try (LocalPlatform platform = started) {
                try {
                    // a policy kept in an external Redis may not list the symbols asked for
                    RunInstruments.requireInUniverse(platform.currentPolicy(), options.symbols(), "the stored policy");
                } catch (IllegalArgumentException e) {
                    out.println("invalid input: " + e.getMessage());
                    out.flush();
                    return EXIT_INVALID_INPUT;
                }
                Progress progress = new Progress(platform, out, options.bars().orElse(-1L),
                        options.bars().map(steps -> steps * options.symbols().size()).orElse(-1L));
                progress.started(options);
                platform.dashboardUri().ifPresent(page -> {
                    out.printf("Dashboard %s  (open in a browser; the token stays in the #fragment, which is never "
                            + "sent to the server)%n", Dashboard.linkWithToken(page,
                            options.api().orElseThrow().tokens().get(API_TOKEN_NAME)));
                    out.flush();
                });
                long limit = options.bars().orElse(Long.MAX_VALUE);
                while (!stopRequested.get() && platform.stats().steps() < limit) {
                    try {
                        platform.step();
                    } catch (RuntimeException e) {
                        if (stopRequested.get() && RedisFaults.unavailable(e)) {
                            err.println("stopped while waiting for Redis: " + e.getMessage());
                            err.flush();
                            break;
                        }
                        throw e;
                    }
                    progress.maybePrint();
                    pause();
                }
                progress.summary(stopRequested.get());
                return 0;
            } finally {
                stopped.countDown();
                try {
                    Runtime.getRuntime().removeShutdownHook(hook);
                } catch (IllegalStateException shuttingDown) {
                    // already shutting down: the hook is running and waits for us
                }
            }
        }

        private void pause() {
            if (options.pace().isZero()) {
                return;
            }
            try {
                Thread.sleep(options.pace().toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                stopRequested.set(true);
            }
        }
    }
}
