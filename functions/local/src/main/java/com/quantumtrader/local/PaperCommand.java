package com.quantumtrader.local;

import com.quantumtrader.core.policy.Policy;
import com.quantumtrader.core.policy.PolicyValidator;
import com.quantumtrader.core.policy.PolicyValidationException;
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
            "Exit codes: 0 done, 1 failure, 2 invalid input (e.g. a policy that fails validation)."})
final class PaperCommand implements java.util.concurrent.Callable<Integer> {

    static final int EXIT_INVALID_INPUT = 2;
    static final String API_TOKEN_NAME = "local";

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--symbols", split = ",", paramLabel = "SYMBOL",
            description = "Symbols to trade (default: ${DEFAULT-VALUE}).", defaultValue = "BTCUSDT,ETHUSDT")
    private List<String> symbols;

    @Option(names = "--bars", paramLabel = "N", description = "Stop after N bars (default: run until Ctrl-C).")
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

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        PaperOptions options;
        try {
            Optional<Policy> policy = policyFile == null ? Optional.empty() : Optional.of(readPolicy(policyFile));
            long pace = paceMs != null ? paceMs : bars != null ? 0 : 250;
            Optional<PaperOptions.ApiSettings> api = noApi ? Optional.empty()
                    : Optional.of(new PaperOptions.ApiSettings(apiPort, Map.of(API_TOKEN_NAME, apiToken()),
                            noDashboard ? OptionalInt.empty() : OptionalInt.of(dashboardPort)));
            options = new PaperOptions(List.copyOf(symbols), Optional.ofNullable(bars), seed, policy,
                    Optional.ofNullable(eventsOut), Optional.ofNullable(System.getenv("REDIS_URL")),
                    Duration.ofMillis(pace), PaperOptions.DEFAULT_START, api);
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
        return new PaperRun(options, out).run();
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
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    private static Policy readPolicy(Path file) throws IOException {
        return PolicyValidator.parseAndValidate(Files.readString(file, StandardCharsets.UTF_8));
    }

    /** Runs the platform bar by bar with progress lines, stopping at --bars or on Ctrl-C. */
    static final class PaperRun {

        private final PaperOptions options;
        private final PrintWriter out;
        private final AtomicBoolean stopRequested = new AtomicBoolean();
        private final CountDownLatch stopped = new CountDownLatch(1);

        PaperRun(PaperOptions options, PrintWriter out) {
            this.options = options;
            this.out = out;
        }

        int run() {
            Thread hook = new Thread(() -> {
                stopRequested.set(true);
                try {
                    stopped.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "quantum-local-shutdown");
            Runtime.getRuntime().addShutdownHook(hook);
            try (LocalPlatform platform = new LocalPlatform(options)) {
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
                    platform.step();
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
