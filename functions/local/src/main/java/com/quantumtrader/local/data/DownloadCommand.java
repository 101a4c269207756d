package com.quantumtrader.local.data;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code data download}: klines (and funding rates) from Binance USDⓈ-M's public REST endpoints. */
@Command(name = "download",
        mixinStandardHelpOptions = true,
        description = {
            "Downloads Binance USDⓈ-M klines from GET /fapi/v1/klines, 1500 a page (or the data archive's zip files "
                    + "with --source archive), into SYMBOL-INTERVAL-FROM-TO.csv "
                    + "files in Binance's 12-column layout that backtest --data reads; with --funding also the "
                    + "funding-rate history (GET /fapi/v1/fundingRate) into SYMBOL-fundingRate-FROM-TO.csv "
                    + "(symbol,fundingTime,fundingRate,markPrice). Keeps within Binance's request weight "
                    + "(X-MBX-USED-WEIGHT-1m), waits out 429 and 418 as long as Binance says. Running the same "
                    + "command again resumes after the last complete bar. Bars the exchange does not have are "
                    + "listed as gaps (and in SYMBOL-INTERVAL-FROM-TO.gaps.txt), never invented.",
            "Exit codes: 0 done, 1 failure (network, a long ban: run again to resume), 2 invalid input."})
final class DownloadCommand implements Callable<Integer> {

    static final int EXIT_FAILURE = 1;
    static final int EXIT_INVALID_INPUT = 2;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--symbols", split = ",", paramLabel = "SYMBOL", description = "Symbols, e.g. BTCUSDT,ETHUSDT.")
    private List<String> symbols = List.of();

    @Option(names = "--interval", paramLabel = "INTERVAL", description = "Bar length: 1m, 5m, 15m, 1h, 4h or 1d.")
    private String interval;

    @Option(names = "--from", paramLabel = "DATE", description = "Bars opening at or after this, UTC (2025-01-01 "
            + "or 2025-01-01T00:00:00Z).")
    private String from;

    @Option(names = "--to", paramLabel = "DATE", description = "Bars closing at or before this, UTC (2026-01-01: "
            + "through 2025-12-31); never past the last closed bar.")
    private String to;

    @Option(names = "--out", paramLabel = "DIR", description = "Directory of the files (created if absent).")
    private Path out;

    @Option(names = "--funding", description = "Also download the funding-rate history of the same period.")
    private boolean funding;

    @Option(names = "--base-url", paramLabel = "URL", description = "Binance USDⓈ-M REST base URL "
            + "(default: ${DEFAULT-VALUE}).", defaultValue = "https://fapi.binance.com")
    private String baseUrl;

    @Option(names = "--source", paramLabel = "SOURCE", defaultValue = "rest", description = "Where the klines come "
            + "from: rest (GET /fapi/v1/klines) or archive (the monthly, else daily, zip files of --archive-url, each "
            + "checked against its published .CHECKSUM); funding rates always come by REST (default: "
            + "${DEFAULT-VALUE}).")
    private String source;

    @Option(names = "--archive-url", paramLabel = "URL", description = "Binance's public data archive "
            + "(default: ${DEFAULT-VALUE}).", defaultValue = "https://data.binance.vision")
    private String archiveUrl;

    private final Clock clock;
    private final Sleeper sleeper;

    DownloadCommand() {
        this(Clock.systemUTC(), Sleeper.real());
    }

    /** With a test's clock and sleeper: no test waits for real. */
    DownloadCommand(Clock clock, Sleeper sleeper) {
        this.clock = clock;
        this.sleeper = sleeper;
    }

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<String> problems = new ArrayList<>();
        Optional<DownloadRequest> request = request(problems);
        if (request.isEmpty()) {
            err.println("invalid input:");
            problems.forEach(problem -> err.println("  - " + problem));
            err.flush();
            return EXIT_INVALID_INPUT;
        }
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(15))
                .followRedirects(HttpClient.Redirect.NORMAL).build();
        BinancePublicApi api = new BinancePublicApi(request.get().baseUrl(), http, clock, sleeper, notice -> {
            stdout.println("  " + notice);
            stdout.flush();
        });
        KlineDownload.Source klines = "archive".equals(source)
                ? new ArchiveKlines(api, URI.create(archiveUrl), clock) : KlineDownload.rest(api, clock);
        return new Download(api, clock, stdout, err, klines).run(request.get());
    }

    /** Every bad option named at once; empty when there is any. */
    private Optional<DownloadRequest> request(List<String> problems) {
        LinkedHashSet<String> names = new LinkedHashSet<>();
        if (symbols.isEmpty()) {
            problems.add("--symbols is missing (e.g. --symbols BTCUSDT,ETHUSDT)");
        }
        for (String symbol : symbols) {
            if (!symbol.matches("[A-Z0-9]{2,20}")) {
                problems.add("--symbols: '" + symbol + "' is not a symbol (upper-case letters and digits, "
                        + "e.g. BTCUSDT)");
            } else {
                names.add(symbol);
            }
        }
        Optional<Interval> bar = Optional.empty();
        if (interval == null) {
            problems.add("--interval is missing (" + Interval.names() + ")");
        } else {
            bar = Interval.parse(interval);
            if (bar.isEmpty()) {
                problems.add("--interval: '" + interval + "' is not one of " + Interval.names());
            }
        }
        Optional<Instant> start = time(from, "--from", problems);
        Optional<Instant> end = time(to, "--to", problems);
        if (start.isPresent() && end.isPresent() && !start.get().isBefore(end.get())) {
            problems.add("--from " + from + " is not before --to " + to);
        }
        if (start.isPresent() && start.get().isAfter(clock.instant())) {
            problems.add("--from " + from + " is in the future");
        }
        if (out == null) {
            problems.add("--out is missing (the directory to write the files to)");
        } else if (Files.exists(out) && !Files.isDirectory(out)) {
            problems.add("--out " + out + " is a file, not a directory");
        }
        URI base = url(baseUrl, "--base-url", problems);
        url(archiveUrl, "--archive-url", problems);
        if (!"rest".equals(source) && !"archive".equals(source)) {
            problems.add("--source: '" + source + "' is not one of rest, archive");
        }
        if (!problems.isEmpty()) {
            return Optional.empty();
        }
        try {
            Files.createDirectories(out);
        } catch (IOException e) {
            problems.add("--out " + out + " cannot be created: " + e.getMessage());
            return Optional.empty();
        }
        return Optional.of(new DownloadRequest(List.copyOf(names), bar.orElseThrow(), start.orElseThrow(),
                end.orElseThrow(), out, funding, base));
    }

    private static URI url(String text, String option, List<String> problems) {
        try {
            URI uri = new URI(text);
            if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
                problems.add(option + " '" + text + "' is not an http(s) URL");
            }
            return uri;
        } catch (URISyntaxException e) {
            problems.add(option + " '" + text + "' is not a URL: " + e.getReason());
            return null;
        }
    }

    private static Optional<Instant> time(String text, String option, List<String> problems) {
        if (text == null) {
            problems.add(option + " is missing (a date like 2025-01-01, UTC)");
            return Optional.empty();
        }
        try {
            return Optional.of(text.length() == 10 ? LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant()
                    : Instant.parse(text));
        } catch (DateTimeParseException e) {
            problems.add(option + " '" + text + "' is not a date (2025-01-01) or an instant (2025-01-01T00:00:00Z)");
            return Optional.empty();
        }
    }
}
